"""``parindex gaps``, ``plan``, ``sensitivity`` and ``report``: analysis of scored units.

A thin layer over :mod:`parindex._analysis.gaps`, :mod:`parindex._analysis.plan`,
:mod:`parindex._analysis.sensitivity` and :mod:`parindex._render.report`. Every command reads its units
from SOURCES: assessment TOML files, directories of them, or results tables (``.csv``,
``.xlsx``, read with :func:`parindex.read_table`).
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs
import click
from rich.table import Table
from rich.text import Text

from .._analysis.gaps import (Gaps, figure_text, gaps, gaps_to_dict, needed_text,
                              ratio_percent_text)
from .common import (FRAMEWORK_HELP, cli_decimal, echo_json, framework_option, new_console,
                     print_columns, progress)
from .options import lang, only_with, t
from .tables import load_units
from .._base.i18n import Count, Sentence, figure, shortlist
from .._base.numbers import (
    decimal_or_fraction, maximum_text, number_text, plain, quantize, share_text)
from .._base.files import atomic_write, check_output
from .._base.limits import MAX_DRAWS, MAX_PLACES
from .._base.model import Assessment
from .._base.names import find_unit
from .._engine.batch import BatchResult
from .._engine.ranking import RankedResult, Ranking, score_many, score_table
from .._engine.results import Result
from .._engine.scoring import score
from .._formats.rows import column

if TYPE_CHECKING:
    from .._analysis.plan import PreviousResult

# Not exists=True: a missing file is said as every command says it (one line, "no such
# file", with --json too), not as click's usage error.
_SOURCES = click.argument("sources", nargs=-1, required=True, type=click.Path(path_type=Path))
_FRAMEWORK = click.option(
    "--framework", "framework_ref", metavar="ID_OR_FILE",
    help="Score under this framework: " + FRAMEWORK_HELP + " Needed for results tables; "
         "assessments default to the one they name.")
_UNIT = click.option("--unit", help="The unit to analyse (needed when SOURCES hold "
                                    "several units). Case, the prefix (xã, phường, ...) and "
                                    "the tone mark's placement (Thuỷ/Thủy) do not matter.")
_GROUP = click.option("--group", help="The unit's group (its district), when its name "
                                      "repeats across groups.")
_SHEET = click.option("--sheet", help="For .xlsx tables: the sheet to read (default: the "
                                      "first).")


def _check_output(output: Path, suffixes: tuple[str, ...] | None, *inputs: Path | str | None
                  ) -> None:
    """Refuse, before any work, an output that would replace an input (a source, the
    framework file) or whose format is unknown."""
    check_output(output, suffixes=suffixes, inputs=[i for i in inputs if i is not None])


def _scored(sources: Sequence[Path], framework_ref: str | None, sheet: str | None,
            year: int | None = None) -> tuple[Sequence[Assessment], Ranking | BatchResult]:
    """The units of SOURCES and their ranking: the batch kernel for a table of leaf points
    (no unit is explained), else :func:`score_many` (see :func:`score_table`), with
    progress bars while a large table is read and while units are explained one by one.

    :param year: a table's year when it has no year column (see :func:`load_units`)."""
    table = load_units(sources, framework_ref, sheet=sheet, year=year, show_progress=True)
    table.raise_problems()  # an unreadable cell would silently change a rank or a gap
    with progress(t("progress_units"), len(table.assessments)) as update:
        return table.assessments, score_table(table.framework, table.assessments,
                                              progress=update)


def _one_unit(sources: Sequence[Path], framework_ref: str | None, sheet: str | None,
              unit: str | None, group: str | None
              ) -> tuple[Result, Ranking | BatchResult | None]:
    """The chosen unit's result and what ranks it among the others (see :func:`_scored`)."""
    assessments, ranking = _scored(sources, framework_ref, sheet)
    return _chosen(assessments, ranking, unit, group), ranking if len(ranking) > 1 else None


def _chosen(assessments: Sequence[Assessment], ranking: Ranking | BatchResult,
            unit: str | None, group: str | None) -> Result:
    """The unit asked for, explained by the one-unit scorer: of a batch, that unit alone."""
    if not isinstance(ranking, BatchResult):
        return _pick(ranking, unit, group).result
    if unit is None:
        raise click.UsageError(Sentence("cli_choose_unit", count=len(assessments)))
    # Names from the table's columns: no other row is built.
    names = list(zip(column(assessments, "unit"), column(assessments, "group")))
    return score(ranking.framework, assessments[find_unit(unit, names, group)])


def _pick(ranking: Ranking, unit: str | None, group: str | None = None) -> RankedResult:
    """The unit asked for; a name that matches none or several is a typed error (exit 2)
    naming the candidates."""
    if unit is not None:
        return ranking.unit(unit, group)
    if len(ranking) != 1:
        raise click.UsageError(Sentence("cli_choose_unit", count=len(ranking)))
    return ranking.units[0]


@click.command("gaps")
@_SOURCES
@_UNIT
@_GROUP
@_FRAMEWORK
@_SHEET
@click.option("--all", "overall", is_flag=True,
              help="Compare with all units, not only those of the unit's group.")
@click.option("--places", default=1, show_default=True, type=click.IntRange(1, MAX_PLACES),
              help="How many better places to show what passing would take.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON (exact amounts as strings).")
def gaps_command(sources: tuple[Path, ...], unit: str | None, group: str | None,
                 framework_ref: str | None, sheet: str | None, overall: bool, places: int,
                 as_json: bool) -> None:
    """Where a unit lost points, and what it would take to move up.

    Lists every item below its maximum, most points lost first, with the council's
    comment; each field's points, lost points and sub-index; the points needed to reach
    the next band; and, when SOURCES hold several units, the points needed to pass the
    unit(s) just above in its group, with the lost items that alone would suffice.
    """
    result, context = _one_unit(sources, framework_ref, sheet, unit, group)
    if context is None:
        context = score_many(result.framework, [result.assessment])
    found = gaps(context, result.unit, group=result.group or None,
                 within="all" if overall else "group", places=places, result=result)
    if as_json:
        echo_json(gaps_to_dict(found))
    else:
        _print_gaps(found)


def _print_gaps(found: Gaps) -> None:
    console = new_console()
    language = lang()
    lost = found.lost
    result = lost.result
    decimals = result.framework.decimals

    def pts(value: Any, figure: str = "points") -> str:
        """Points as the plan and the decisions print them: "1", not "1,0"."""
        return figure_text(result.framework, value, figure, language)

    def need(value: Fraction) -> str:
        return number_text(needed_text(value, decimals), language)

    table = Table(title=t("lost_title", unit=result.unit, year=result.assessment.year),
                  title_justify="left")
    for key, justify in (("code", "left"), ("criterion", "left"), ("points_max", "right"),
                         ("lost", "right"), ("sub_index", "right"), ("comment", "left")):
        table.add_column(t(key), justify=justify)  # type: ignore[arg-type]
    for field in lost.fields:
        arising = maximum_text(field.arising_max, language)
        table.add_row(*(Text(cell, style="bold") for cell in (
            field.code, field.name, f"{pts(field.points)} / {arising}", pts(field.lost),
            number_text(ratio_percent_text(field.sub_index, decimals), language))),
            field.comment or "")
        for code, comment in field.notes:  # comments on criteria listed through their items
            table.add_row(code, "  " + result.framework.nodes[code].name, "", "", "", comment)
        for item in field.items:
            if item.code == field.code and item.itemised:
                continue  # a field without items (the survey block): its row says it all
            maximum = maximum_text(item.arising_max, language)
            if item.itemised:
                name, shown = item.name, f"{pts(item.points)} / {maximum}"
            else:  # the node's points and maximum are not this remainder's: show none
                name, shown = t("remainder"), "—"
            table.add_row(item.code, "  " + name, shown, pts(item.lost), "",
                          item.comment or "")
    console.print(table)
    lines = [t("gaps_total", total=pts(result.total, "total"), lost=pts(lost.total_lost),
               attainable=maximum_text(lost.attainable, language),
               index=number_text(result.display(result.index), language))
             + (t("gaps_band", band=result.band.name) if result.band else "")]
    target = lost.next_band
    if target is not None:
        if target.needed is None:
            lines.append(t("next_unknown", band=target.band.name))
        else:
            codes = ", ".join(i.code for i in target.sufficient) or t("none_alone")
            lines.append(t("next_band", band=target.band.name, needed=need(target.needed),
                           basis=figure(target.basis.value),
                           reach="" if target.reachable else t("out_of_reach"), codes=codes))
    if len(found.ahead) or found.of > 1:
        where = t("in_group") if found.within == "group" else t("overall")
        lines.append(t("rank_in", rank=found.rank, of=found.of, where=where))
    for other in found.ahead:
        codes = ", ".join(i.code for i in other.sufficient) or t("none_alone")
        how = t({"share": "tie_share", "pass": "tie_pass",
                 "behind": "tie_behind"}[other.at_gap])
        lines.append(t("to_pass", unit=other.unit, rank=other.rank,
                       more=t("more_than") if other.strict else "", needed=need(other.gap),
                       how=how, codes=codes))
    for line in lines:
        console.print(line, markup=False)


@click.command("profiles")
@_SOURCES
@_FRAMEWORK
@_SHEET
@click.option("--json", "as_json", is_flag=True, help="Print JSON (exact values as p/q).")
def profiles_command(sources: tuple[Path, ...], framework_ref: str | None, sheet: str | None,
                     as_json: bool) -> None:
    """Field sub-indices across the units of SOURCES: mean, best and worst per field.

    A field's sub-index is its points ÷ its arising maximum, so units where items did
    not arise compare fairly. Also the distribution of totals and the units per band.
    """
    from .._analysis.profiles import profiles, profiles_to_dict

    units = load_units(sources, framework_ref, sheet=sheet)
    units.raise_problems()  # an unreadable cell would silently change a profile
    ranking = score_table(units.framework, units.assessments)
    found = profiles(ranking)
    if as_json:
        echo_json(profiles_to_dict(found))
        return
    language = lang()
    decimals = ranking.framework.decimals

    def percent(value: Fraction | None) -> str:
        return number_text(ratio_percent_text(value, decimals), language)

    table = Table(title=t("profiles_title", units=len(found.units)), title_justify="left")
    for key, justify in (("code", "left"), ("field", "left"), ("mean", "right"),
                         ("best", "left"), ("worst", "left")):
        table.add_column(t(key), justify=justify)  # type: ignore[arg-type]
    for field in found.fields:  # a few of the units tied on a value, and how many more
        table.add_row(field.code, field.name, percent(field.mean),
                      f"{shortlist(field.best).said(language)} ({percent(field.best_value)})"
                      if field.best else "—",
                      f"{shortlist(field.worst).said(language)} "
                      f"({percent(field.worst_value)})" if field.worst else "—")
    console = new_console()
    console.print(table)
    if found.totals:
        console.print(f"{t('total')}: " + ", ".join(
            f"{t('stat_' + name)} {number_text(plain(quantize(value, decimals)), language)}"
            for name, value in found.totals.items()), markup=False)
    console.print(f"{t('band')}: " + ", ".join(f"{name} {count}"
                                              for name, count in found.bands.items()),
                  markup=False)


@click.command("plan")
@_SOURCES
@_UNIT
@_GROUP
@_FRAMEWORK
@_SHEET
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write to this file: .md for Markdown, .docx for Word (needs the "
                   "report extra). Default: Markdown on standard output.")
@click.option("--year", "plan_year", type=click.IntRange(1945, 2200),
              help="The year the plan is for (default: the assessment year + 1).")
@click.option("--assignments", type=click.Path(dir_okay=False, path_type=Path),
              help="A TOML file naming, per field or criterion code, the post that leads "
                   "(lead), supports (support), the deadline and the product; without it "
                   "defaults are proposed and marked as placeholders.")
@click.option("--previous", type=click.Path(dir_okay=False, path_type=Path),
              metavar="FILE",
              help="The unit's result the year before, for the change from it: an "
                   "assessment (.toml; figures it does not print are computed from its "
                   "points under its own framework) or that year's published results table "
                   "(.csv, .xlsx: the printed total, index, rank and band). Without it the "
                   "change is given only where the published rank prints it.")
def plan_command(sources: tuple[Path, ...], unit: str | None, group: str | None,
                 framework_ref: str | None, sheet: str | None, output: Path | None,
                 plan_year: int | None, assignments: Path | None,
                 previous: Path | None) -> None:
    """Draft a unit's improvement plan (Kế hoạch nâng cao Chỉ số CCHC).

    Laid out as officials write it (Nghị định 30/2020): Căn cứ; I. Mục đích, yêu cầu;
    II. Đánh giá kết quả (total, published rank, band, fields with lost points);
    III. Nhiệm vụ, giải pháp (one subsection per field, items in code order with the
    council's comments); IV. Tổ chức thực hiện; and an assignment appendix (STT, Tiêu
    chí, Điểm bị trừ, Nội dung thực hiện, Chủ trì, Phối hợp, Thời gian hoàn thành, Sản
    phẩm). The survey and unitemised remainders are notes, not tasks. In Vietnamese (the
    document officials sign) unless --lang en, as Markdown or a Word document (A4).
    """
    from .._base.errors import needs_extra
    from .._formats.assignments import load_assignments
    from .._render.plan import plan_markdown, write_plan_docx

    if output is not None:  # before any work; never an input (a source, the framework)
        _check_output(output, (".md", ".docx"), *sources, framework_ref, assignments,
                      previous)
    suffix = None if output is None else output.suffix.lower()
    if suffix == ".docx":
        with needs_extra("docx", "report"):
            import docx  # noqa: F401
    given = load_assignments(assignments) if assignments is not None else None
    result, context = _one_unit(sources, framework_ref, sheet, unit, group)
    before = _previous_result(previous, result) if previous is not None else None
    language = lang(document=True)
    if output is not None and suffix == ".docx":
        write_plan_docx(result, output, ranking=context, plan_year=plan_year,
                        assignments=given, previous=before, lang=language)
        click.echo(t("wrote", path=output))
        return
    text = plan_markdown(result, ranking=context, plan_year=plan_year, assignments=given,
                         previous=before, lang=language)
    if output is None:
        click.echo(text, nl=False)
    else:
        atomic_write(output, text)
        click.echo(t("wrote", path=output))


def _previous_result(path: Path, result: Result) -> PreviousResult:
    """``--previous``: the unit's result in PATH, an earlier year's assessment or published
    table. Only what it prints, or what its points give under its own framework: a table
    is read for its printed figures alone, since its criterion columns may be another
    year's framework."""
    from .._analysis.plan import PreviousResult
    from .._formats.tables import read_table
    from .._formats.toml import load_assessment

    year = result.assessment.year
    computed: Result | None = None
    if path.suffix.lower() == ".toml":
        records = [load_assessment(path)]
    else:
        table = read_table(path, result.framework, year=year - 1)
        table.raise_problems()
        records = list(table.assessments)
    grouped = any(record.group for record in records)
    record = records[find_unit(result.unit, [(r.unit, r.group) for r in records],
                               result.group if grouped else None)]
    if record.year >= year:
        raise click.BadParameter(Sentence("opt_previous_year", path=path, year=record.year,
                                          before=year), param_hint="--previous")
    if path.suffix.lower() == ".toml":
        if record.points:
            computed = score(framework_option(None, record), record)
    elif table.summary == "total" and record.published.total is None:
        # A table of totals reads its printed total as its summary node's points.
        printed = record.points.get("total")
        if isinstance(printed, Decimal):
            record = attrs.evolve(record, published=attrs.evolve(record.published,
                                                                 total=printed))
    return PreviousResult.from_assessment(record, computed)


def _fraction(text: str, option: str) -> Fraction:
    """An option's exact value: a decimal (comma or point) or a fraction ``p/q``, each part
    within the bounds of numbers read from files (never ``1e999999999``, which would take
    minutes to expand)."""
    parts = [cli_decimal(part, option) for part in text.split("/", 1)]
    try:
        value = Fraction(parts[0]) / Fraction(parts[1]) if len(parts) == 2 else \
            Fraction(parts[0])
    except ZeroDivisionError:
        raise click.BadParameter(Sentence("opt_divides_by_zero", value=repr(text)),
                                 param_hint=option) from None
    return value


def _maxima(values: tuple[str, ...]) -> dict[str, Fraction]:
    maxima = {}
    for value in values:
        code, sep, number = value.partition("=")
        if not sep:
            raise click.BadParameter(Sentence("opt_not_maximum", value=repr(value)),
                                     param_hint="--max")
        maxima[code.strip()] = _fraction(number, "--max")
    return maxima


@click.command("sensitivity")
@_SOURCES
@_FRAMEWORK
@_SHEET
@click.option("--survey-share", "survey_share", metavar="POINTS",
              help="What-if: give the survey block this share of the scale (e.g. 40 for "
                   "60/40 instead of 70/30); the appraised fields share the rest.")
@click.option("--max", "maxima", metavar="CODE=POINTS", multiple=True,
              help="What-if: give a top-level node a new maximum (its points scale with "
                   "it); repeat for several.")
@click.option("--monte-carlo", "target", type=click.Choice(["weights", "survey-share"]),
              help="Monte Carlo: perturb the appraised fields' weights (factor 1 ± WIDTH) "
                   "or the survey share (its maximum ± WIDTH points).")
@click.option("--width", default="0.2",  # shown in the help, in its reader's number style
              help="Half-width of the uniform perturbation [default: 0.2].")
@click.option("--resolution", default=None,
              help="Grid step of the draws [default: 0.0001 for weights, 0.01 for the "
                   "survey share].")
@click.option("--draws", default=1000, show_default=True, type=click.IntRange(1, MAX_DRAWS),
              help="Monte Carlo draws.")
@click.option("--seed", default=0, show_default=True, type=int,
              help="Random seed: the same seed gives the same result.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def sensitivity_command(sources: tuple[Path, ...], framework_ref: str | None,
                        sheet: str | None, survey_share: str | None, maxima: tuple[str, ...],
                        target: str | None, width: str, resolution: str | None, draws: int,
                        seed: int, as_json: bool) -> None:
    """How ranks depend on the survey share and the field weights.

    A what-if (--survey-share or --max) ranks the units again with rescaled fields,
    exactly, and lists the rank changes. A Monte Carlo run (--monte-carlo) draws the
    weights or the share from a uniform distribution on a grid, seeded, and gives each
    unit's median rank, 5–95 % rank interval and most likely band.
    """
    from .._analysis.sensitivity import Perturbation, monte_carlo, what_if

    # bool(): no --max is (), which is not == False, and neither option reached what_if(),
    # whose message names its arguments (survey_share, maxima) rather than the options.
    if bool(survey_share is not None or maxima) == (target is not None):
        raise click.UsageError(Sentence("cli_what_if"))
    if survey_share is not None and maxima:
        raise click.UsageError(Sentence("cli_share_or_max"))
    only_with(dict.fromkeys(("--width", "--resolution", "--draws", "--seed"),
                            "--monte-carlo"))
    table = load_units(sources, framework_ref, sheet=sheet, show_progress=True)
    table.raise_problems()  # an unreadable cell would silently change a rank
    # The kernel's exact integers feed the draws and the what-if directly; a table it does
    # not take (points above the leaves, a plugin's method) is explained unit by unit
    # (seconds for a large table: a progress bar).
    with progress(t("progress_units"), len(table.assessments)) as update:
        ranking = score_table(table.framework, table.assessments, progress=update)
    # A bad share, width or code is an ArgumentError: exit 2 with its message (JSON
    # under --json), as every typed error.
    if target is None:
        changed = what_if(ranking, survey_share=None if survey_share is None
                          else _fraction(survey_share, "--survey-share"),
                          maxima=_maxima(maxima) if maxima else None)
        _print_what_if(changed, as_json)
        return
    step = _fraction(resolution, "--resolution") if resolution else (
        Fraction(1, 10000) if target == "weights" else Fraction(1, 100))
    perturbation = Perturbation("weights" if target == "weights" else "survey_share",
                                _fraction(width, "--width"), step)
    with progress(t("progress_draws"), draws) as report:
        result = monte_carlo(ranking, perturbation, draws=draws, seed=seed, progress=report)
    _print_monte_carlo(result, as_json)


def _print_what_if(changed: Any, as_json: bool) -> None:
    from .._analysis.sensitivity import WhatIf

    assert isinstance(changed, WhatIf)
    decimals = changed.framework.decimals
    if as_json:
        echo_json({"what_if": changed.description,
                    "factors": {k: f"{v.numerator}/{v.denominator}"
                                for k, v in changed.factors.items()},
                    "units": [{"unit": u.unit, "group": u.group, "rank": u.rank,
                               "new_rank": u.new_rank, "rank_change": u.rank_change,
                               "total": plain(quantize(u.total, decimals)),
                               "new_total": f"{u.new_total.numerator}/{u.new_total.denominator}",
                               "new_total_display": plain(quantize(u.new_total, decimals)),
                               "band": u.band.name if u.band else None,
                               "new_band": u.new_band.name if u.new_band else None}
                              for u in changed.units]})
        return
    # Only what the table shows, column by column, through the fast table path (rich's
    # add_row took half of printing a 10,000-unit what-if).
    language = lang()
    units = sorted(changed.units, key=lambda u: (u.new_rank, u.unit))
    moves = [u.rank_change for u in units]
    columns = [
        [u.unit for u in units],
        [str(u.rank) for u in units],
        [str(u.new_rank) for u in units],
        [f"{move:+d}" if move else "" for move in moves],
        [number_text(quantize(u.new_total, decimals), language) for u in units],
        [u.band.name if u.band else "" for u in units],
        [u.new_band.name if u.new_band else "" for u in units],
    ]
    print_columns(new_console(), t("what_if", description=changed.description),
                  [t(key) for key in ("unit", "rank", "new_rank", "change", "new_total",
                                      "band", "new_band")], columns)
    click.echo(t("moved", moved=len(moves) - moves.count(0), units=len(units),
                 banded=sum(u.band != u.new_band for u in units)))


def _print_monte_carlo(result: Any, as_json: bool) -> None:
    from .._analysis.sensitivity import MonteCarlo

    assert isinstance(result, MonteCarlo)
    median, low, high = result.median_rank, result.rank_low, result.rank_high
    bands = result.framework.bands
    rows: list[dict[str, Any]] = []
    for i, unit in enumerate(result.units):
        probability = result.band_probability(i) if bands else {}
        rows.append({"unit": unit, "rank": int(result.base_rank[i]),
                     "median_rank": int(median[i]), "rank_5": int(low[i]),
                     "rank_95": int(high[i]),
                     "bands": {k: f"{v.numerator}/{v.denominator}"
                               for k, v in probability.items() if v}})
    if as_json:
        p = result.perturbation
        echo_json({"perturbation": {"target": p.target, "width": _decimal_text(p.width),
                                     "resolution": _decimal_text(p.resolution)},
                    "draws": result.draws, "seed": result.seed, "units": rows})
        return
    language = lang()
    perturbation = result.perturbation
    table = Table(title=t("monte_carlo", target=Sentence(f"s_target_{perturbation.target}"),
                          width=decimal_or_fraction(perturbation.width),
                          draws=Count(result.draws), seed=result.seed), title_justify="left")
    for key in ("unit", "rank", "median_rank", "interval", "band_shares"):
        table.add_column(t(key))
    for row in sorted(rows, key=lambda r: (r["rank"], r["unit"])):
        # Exact shares, rounded half up for display only (never to a 0 % or 100 % that is
        # not exact).
        shares = ", ".join(f"{name} {share_text(Fraction(v), language)}"
                           for name, v in row["bands"].items())
        table.add_row(row["unit"], str(row["rank"]), str(row["median_rank"]),
                      f"{row['rank_5']}–{row['rank_95']}", shares)
    new_console().print(table)


def _decimal_text(value: Fraction) -> str:
    """A fraction as a decimal when it has a finite one (``1/5`` → ``0.2``), else ``p/q``."""
    text = decimal_or_fraction(value)
    return text if isinstance(text, str) else plain(text)


@click.command("report")
@_SOURCES
@_FRAMEWORK
@_SHEET
@click.option("--unit", help="Focus on this unit: its profile against its group, its lost "
                             "points, the next band and the units just above it.")
@_GROUP
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              default=Path("report.html"), show_default=True, help="The HTML file to write.")
@click.option("--previous", "previous", multiple=True,
              type=click.Path(path_type=Path),
              help="The previous year's assessments or table, to chart rank changes "
                   "(repeat for several files).")
@click.option("--year", type=int,
              help="The year of SOURCES, when a table has no year column (default: the "
                   "year its title names, else its framework's only year).")
@click.option("--previous-year", type=int,
              help="The year of --previous, when its table has no year column (default: "
                   "the year its title names, else its framework's only year).")
@click.option("--monte-carlo", "target", type=click.Choice(["weights", "survey-share"]),
              help="Add the rank intervals of a Monte Carlo run (see parindex sensitivity).")
@click.option("--width", default="0.2",  # shown in the help, in its reader's number style
              help="Half-width of the Monte Carlo perturbation [default: 0.2].")
@click.option("--draws", default=1000, show_default=True, type=click.IntRange(1, MAX_DRAWS),
              help="Monte Carlo draws.")
@click.option("--seed", default=0, show_default=True, type=int, help="Monte Carlo seed.")
def report_command(sources: tuple[Path, ...], framework_ref: str | None, sheet: str | None,
                   unit: str | None, group: str | None, output: Path,
                   previous: tuple[Path, ...], year: int | None, previous_year: int | None,
                   target: str | None, width: str, draws: int, seed: int) -> None:
    """Write one self-contained HTML report for a results table or a unit.

    The ranking, the distribution of totals with the band thresholds, sub-indices by
    field, and optionally a unit's profile and lost points, rank changes since the
    previous year and Monte Carlo rank intervals: tables and SVG charts inline, so the
    file opens without network access. Vietnamese by default; --lang en for English.
    A table of leaf points is scored, ranked and charted in one pass of the exact kernel;
    only the unit in focus is explained.
    """
    from .._render.report import REPORT_STEPS, write_report
    from .._analysis.sensitivity import Perturbation, monte_carlo

    only_with({"--group": "--unit", "--previous-year": "--previous",
               **dict.fromkeys(("--width", "--draws", "--seed"), "--monte-carlo")})
    _check_output(output, (".html", ".htm"), *sources, *previous, framework_ref)
    assessments, ranking = _scored(sources, framework_ref, sheet, year)
    focus = _chosen(assessments, ranking, unit, group) if unit is not None else None
    before = _scored(previous, framework_ref, sheet, previous_year)[1] if previous else None
    result = None
    if target is not None:
        perturbation = Perturbation(
            "weights" if target == "weights" else "survey_share", _fraction(width, "--width"),
            Fraction(1, 10000) if target == "weights" else Fraction(1, 100))
        with progress(t("progress_draws"), draws) as report:
            result = monte_carlo(ranking, perturbation, draws=draws, seed=seed,
                                 progress=report)
    with progress(t("progress_report"), REPORT_STEPS) as report:
        write_report(ranking, output, unit=None if focus is None else focus.unit,
                     group=None if focus is None else focus.group or None, result=focus,
                     lang=lang(document=True), monte_carlo=result, previous=before,
                     source=", ".join(str(s) for s in sources), progress=report)
    click.echo(t("wrote", path=output))
