"""``parindex reproduce`` and ``parindex compare``: published results tables."""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click
from rich.table import Table

from .common import (
    FRAMEWORK_HELP,
    Texts,
    new_console,
    echo_json,
    framework_option,
    print_columns,
    print_items,
    progress,
    resolve_framework,
)
from .options import echo_error, lang, t
from .._base.errors import AssessmentError, Problem
from .._base.i18n import Sentence, figure, say
from .._base.files import check_output
from .._base.numbers import number_text, percent_text, plain
from .._formats.tables import WORKBOOK_SUFFIXES, ResultsTable, read_table
from .._formats.toml import load_assessment, sniff

if TYPE_CHECKING:  # gaps, plan, profiles, ... read tables with load_units, never these
    from rich.console import Console

    from .._audit.compare import Change, Comparison, FieldChange, UnitComparison
    from .._audit.reproduce import Reproduction, UnitReproduction

_TABLE_OPTIONS = [
    click.option("--framework", "framework_ref", metavar="ID_OR_FILE",
                 help="The framework the table's units were assessed under. "
                      + FRAMEWORK_HELP + " Needed for a table; a directory of assessments "
                      "defaults to the one they name."),
    click.option("--sheet", help="For .xlsx tables: the sheet to read (default: the "
                                 "first that holds a table)."),
    click.option("--mapping", type=click.Path(dir_okay=False, path_type=Path),
                 help="A mapping file (TOML) declaring headers parindex does not know."),
    click.option("--year", type=int, help="The assessment year, when the table has no year "
                                          "column (default: the year its title names, e.g. "
                                          "'NĂM 2022', else the framework's only year)."),
]


F = TypeVar("F", bound=Callable[..., Any])


def _table_options(function: F) -> F:
    for option in reversed(_TABLE_OPTIONS):
        function = option(function)
    return function


#: Files read as results tables (the rest are assessment TOML files).
TABLE_SUFFIXES = (".csv", ".xlsx", ".json")


def _source_files(sources: Sequence[Path]) -> list[Path]:
    files: list[Path] = []
    for source in sources:
        if not source.is_dir():
            files.append(source)
            continue
        found = sorted(p for p in source.iterdir() if p.suffix.lower() in TABLE_SUFFIXES or (
            p.suffix == ".toml" and sniff(p) == "assessment"))
        if not found:
            raise AssessmentError(Problem(Sentence("cli_empty_folder"), path=source))
        files += found
    return files


def load_units(sources: Sequence[Path], framework_ref: str | None, *, sheet: str | None = None,
               mapping: Path | None = None, year: int | None = None,
               population: int | None = None, show_progress: bool = False) -> ResultsTable:
    """The units that SOURCES hold, as one table: results tables (.csv, .xlsx, .json),
    assessment TOML files, or directories of either; every command that reads units uses
    this. Unreadable cells are kept in ``problems``, never dropped.

    :param show_progress: a progress bar while a large table is read.
    """
    files = _source_files(sources)
    # Only .toml files are assessments: any other file is a table, and read_table names
    # the formats it reads (a suffix-less or .ods file is refused, never parsed as TOML).
    assessments = [load_assessment(f) for f in files if f.suffix.lower() == ".toml"]
    if framework_ref is not None:
        framework = resolve_framework(framework_ref)
    elif assessments:
        framework = framework_option(None, assessments[0])
    else:
        raise click.UsageError(Sentence("cli_table_needs_framework"))
    problems: list[Problem] = []
    # --sheet chooses among a workbook's sheets; given for no workbook, it would be
    # passed over (a directory may hold both, and then it is the workbooks').
    workbooks = [f.suffix.lower() in WORKBOOK_SUFFIXES for f in files]
    if sheet is not None and not any(workbooks):
        raise click.UsageError(Sentence("cli_sheet_no_workbook", sheet=repr(sheet)))
    for file, workbook in zip(files, workbooks, strict=True):
        if file.suffix.lower() != ".toml":
            read = functools.partial(read_table, file, framework,
                                     sheet=sheet if workbook else None,
                                     mapping=mapping, year=year, population=population)
            if show_progress:
                with progress(t("progress_reading", file=file.name), 100) as report:
                    table = read(progress=lambda done, rows: report(100 * done // max(rows, 1)))
            else:
                table = read()
            if len(files) == 1:
                return table
            assessments += table.assessments
            problems += table.problems
    path = sources[0] if len(sources) == 1 else None
    return ResultsTable(framework, tuple(assessments), tuple(problems), path=path)


@click.command("reproduce")
@click.argument("table", type=click.Path(path_type=Path))
@_table_options
@click.option("--population", type=int,
              help="How many units were ranked, when TABLE is a top-N and/or bottom-N "
                   "extract of them (or population in the mapping file).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON (decimals as strings).")
@click.option("--fail-on-discrepancy/--no-fail-on-discrepancy", default=True,
              show_default=True,
              help="Exit with status 1 when a printed figure differs from the computed one.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Also write the recomputed table to this .xlsx or .csv file: printed and "
                   "computed figures side by side, each discrepancy marked (.xlsx: a fill "
                   "and a comment with the evidence, headers and comments in --lang; .csv: "
                   "English headers, machine-style numbers).")
def reproduce_command(table: Path, framework_ref: str | None, sheet: str | None,
                      mapping: Path | None, year: int | None, population: int | None,
                      as_json: bool, fail_on_discrepancy: bool, output: Path | None) -> None:
    """Recompute a published results TABLE (.csv, .xlsx, .json or .toml) and check it.

    TABLE may also be a directory of assessment TOML files, reproduced as one table.

    Every unit's total, index, band, overall rank and rank within its group are computed
    from its points and compared with the figures printed in the table. Prints one line
    per unit, then every discrepancy (unit, what, printed, computed, evidence), the cells
    that could not be read, and the printed figures that could not be checked.

    Exit status: 0 when everything agrees, 1 when a figure disagrees (unless
    --no-fail-on-discrepancy), 2 when a cell or row cannot be read (the rest of the table
    is still reproduced and printed).
    """
    from .._audit.reproduce import reproduce, reproduction_to_dict
    from .._render.reproduction import SUFFIXES, write_reproduction

    if output is not None:  # before any work; never the table, the mapping or the framework
        check_output(output, suffixes=SUFFIXES, inputs=[
            p for p in (table, mapping, framework_ref) if p is not None])
    units = load_units([table], framework_ref, sheet=sheet, mapping=mapping, year=year,
                       population=population, show_progress=True)
    with progress(t("progress_units"), len(units.assessments)) as report:
        reproduction = reproduce(units, progress=report)
    if as_json:
        echo_json(reproduction_to_dict(reproduction))
    else:
        _print_reproduction(reproduction)
    if output is not None:
        write_reproduction(reproduction, output, lang=lang())
        click.echo(t("wrote", path=output), err=as_json)
    if reproduction.problems:
        if as_json:  # the JSON printed holds them: a second JSON document would spoil it
            click.get_current_context().exit(2)
        raise AssessmentError(reproduction.problems)
    if fail_on_discrepancy and reproduction.discrepancies:
        click.get_current_context().exit(1)


def _where(unit: UnitReproduction) -> str:
    if unit.row is not None:
        return t("row_at", row=unit.row)
    origin = unit.assessment.origin
    return f"{origin.path.name}, " if origin is not None and origin.path is not None else ""


def _print_reproduction(reproduction: Reproduction) -> None:
    console = new_console()
    framework = reproduction.framework
    table = Table(title=f"{reproduction.table.path or 'table'}: {framework.id}",
                  title_justify="left")
    language = lang()
    for key in ("row", "unit", "group", "total", "index", "band", "rank", "group_rank",
                "discrepancy_count"):
        table.add_column(t(key), justify="right" if key in ("row", "total", "index")
                         else "left")
    for unit in reproduction.units:
        total, index, band = unit.total, unit.index_shown, unit.band
        table.add_row(
            str(unit.row or ""), unit.unit, unit.group or "",
            number_text(plain(total), language) if total is not None else "—",
            number_text(index or "—", language) if unit.scored else "—",
            band.name if band else "—",
            f"{unit.rank}/{unit.of}" if unit.rank is not None else "—",
            f"{unit.group_rank}/{unit.group_of}" if unit.group_rank is not None else "",
            t("not_scored") if not unit.scored else str(len(unit.discrepancies)
                                                        or t("none")))
    console.print(table)
    lines = [f"{_where(u)}{u.unit}: {d.text(language)}" for u, d in reproduction.discrepancies]
    console.print(f"\n[bold]{t('discrepancies')}:[/bold] "
                  f"{len(lines) if lines else t('none')}")
    print_items(console, lines)
    # In table order, each unit's notes as found (sorted text would order them by their
    # wording, differently in each language).
    unchecked = list(dict.fromkeys(f"{u.unit}: {say(note, language)}"
                                   for u in reproduction.units for note in u.unchecked))
    if unchecked:
        console.print(f"\n[bold]{t('unchecked')}:[/bold]")
        print_items(console, unchecked)
    if reproduction.table.summary is not None:
        node = framework.nodes[reproduction.table.summary]
        console.print("\n" + t("summary_column", column=figure(reproduction.table.summary),
                                name=node.name, max=t("status_unknown") if node.max is None
                                else number_text(node.max, language)), markup=False)
    if reproduction.table.ignored:
        console.print(f"\n[bold]{t('columns_not_read')}[/bold] {t('columns_not_read_why')}: "
                      + ", ".join(reproduction.table.ignored).replace("[", "\\["))
    for row, why in reproduction.table.skipped:
        console.print(t("row_skipped", row=row, why=why), markup=False)


@click.command("compare")
@click.argument("old", type=click.Path(path_type=Path))
@click.argument("new", type=click.Path(path_type=Path))
@click.option("--framework", "framework_ref", metavar="ID_OR_FILE",
              help="The framework of NEW, and of OLD unless --old-framework is given. "
                   + FRAMEWORK_HELP + " Needed for tables; directories of assessments "
                   "default to the one they name.")
@click.option("--old-framework", "old_ref", metavar="ID_OR_FILE",
              help="The framework of OLD, when it differs from --framework. "
                   + FRAMEWORK_HELP)
@click.option("--lineage", type=click.Path(dir_okay=False, path_type=Path),
              help="A lineage file (TOML) declaring renamed and merged units.")
@click.option("--sheet", help="For .xlsx tables: the sheet to read in both (default: the "
                              "first that holds a table).")
@click.option("--mapping", type=click.Path(dir_okay=False, path_type=Path),
              help="A mapping file (TOML) declaring headers parindex does not know.")
@click.option("--year", "new_year", type=int,
              help="The year of NEW, when it has no year column (default: the year its "
                   "title names, else its framework's only year).")
@click.option("--old-year", type=int,
              help="The year of OLD, when it has no year column (default: the year its "
                   "title names, else its framework's only year).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON (decimals as strings).")
def compare_command(old: Path, new: Path, framework_ref: str | None, old_ref: str | None,
                    lineage: Path | None, sheet: str | None, mapping: Path | None,
                    new_year: int | None, old_year: int | None, as_json: bool) -> None:
    """Compare two results tables, OLD and NEW (e.g. two years), unit by unit.

    OLD and NEW may also be directories of assessment TOML files.

    For each unit: the change in total, index, band, overall rank and rank within its
    group, and in each field's points. Units are matched by name (case, spacing and the
    prefixes xã, phường, thị trấn, huyện, thị xã, thành phố do not matter) and by the
    lineage file; a merged unit is compared with each unit it came from and with their
    mean. Units found in one table only are listed. Figures are the recomputed ones; run
    parindex reproduce to check each table against its printed figures.

    Tables of ranks only (units and their printed ranks, "xếp thứ 10/19") are compared on
    their printed ranks; a move printed with a rank ("giảm 03 bậc") is checked against
    the two ranks. With --json each move is also given as the plans write it ("giảm 3
    bậc").

    Exit status: 0, or 1 when a printed move disagrees with the ranks, 2 when a table
    cannot be read.
    """
    from .._audit.compare import compare, comparison_to_dict, load_lineage
    from .._audit.reproduce import reproduce

    before = reproduce(load_units([old], old_ref or framework_ref, sheet=sheet, mapping=mapping,
                                  year=old_year))
    after = reproduce(load_units([new], framework_ref, sheet=sheet, mapping=mapping,
                                 year=new_year))
    new_framework = after.framework
    comparison = compare(before, after, load_lineage(lineage) if lineage else None)
    if as_json:
        echo_json(comparison_to_dict(comparison, new_framework.decimals))
    else:
        _print_comparison(comparison, new_framework.decimals)
    problems = before.problems + after.problems
    if problems:
        if as_json:  # stdout holds the comparison's JSON: the problems go to stderr
            echo_error(AssessmentError(problems), False)
            click.get_current_context().exit(2)
        raise AssessmentError(problems)
    if comparison.discrepancies:
        click.get_current_context().exit(1)


def _print_comparison(comparison: Comparison, decimals: int) -> None:
    from .._audit.compare import MEAN_OF, rounded_text, totals_text

    console = new_console()
    language = lang()
    # Each distinct figure written once: two large tables repeat most of their values.
    shown = Texts(lambda text: number_text(text, language))
    signed = Texts(lambda text: ("+" if (value := Decimal(text)) > 0 else "")
                   + number_text(value, language))

    def index(value: Fraction | None) -> str:
        text = rounded_text(value, decimals)
        return "—" if text is None else shown[text]

    def name(change: Change) -> str:
        """What a change is against, as named in its notes."""
        against: str = change.against
        if change.mean:  # a merged unit against its predecessors' mean
            return t("mean_of", units=against.removeprefix(MEAN_OF))
        return against

    def against(unit: UnitComparison, change: Change) -> str:
        """What a change is against, where it is not the unit itself under its own name
        (matched by name and spelt the same: a blank, not the name again)."""
        if unit.matched_by == "name" and change.against == unit.unit:
            return ""
        return name(change)

    rows = [(unit, change) for unit in comparison.units for change in unit.changes]
    matched = {key: f" ({t(key)})" for key in ("renamed", "merged")}
    figures = [totals_text(change, decimals) for _, change in rows]
    columns = [
        [unit.unit if change is unit.changes[0] else "" for unit, change in rows],
        [against(unit, change) + matched.get(unit.matched_by, "")
         for unit, change in rows],
        [f"{shown[old] if old else '—'} → {shown[new] if new else '—'}"
         for old, new, _ in figures],
        [signed[moved] if moved else "—" for _, _, moved in figures],
        [f"{index(change.index_old)} → {index(change.index_new)}" for _, change in rows],
        [signed[text] if (text := rounded_text(change.index_change, decimals)) else "—"
         for _, change in rows],
        [f"{change.band_old or '—'} → {change.band_new or '—'}" for _, change in rows],
        [f"{change.rank_old or '—'} → {change.rank_new or '—'}" for _, change in rows],
        ["—" if change.moved is None else signed[str(change.moved)] for _, change in rows],
        [f"{change.group_rank_old or '—'} → {change.group_rank_new}"
         if change.group_rank_new else "" for _, change in rows]]
    headers = [t(key) for key in ("unit", "against", "total", "change", "index", "change",
                                  "band", "rank", "moved_places", "group_rank")]
    title = (f"{comparison.old_year} ({comparison.old_framework}) → "
             f"{comparison.new_year} ({comparison.new_framework})")
    _print_shown(console, title, headers, columns)
    with_fields = [(unit, change) for unit, change in rows if change.fields]
    if with_fields:
        # compare() gives every change the same fields (the comparable top-level nodes, in
        # the framework's order); a field change is shared by the units with the same two
        # points: each written once.
        codes = [f.code for f in with_fields[0][1].fields]
        written: dict[int, str] = {}
        cells = []
        for j, code in enumerate(codes):
            found = [change.fields[j] for _, change in with_fields]
            made = {id(f): f for f in found}
            written.update((key, "—" if f.change is None else signed[str(f.change)])
                           for key, f in made.items() if key not in written)
            cells.append(list(map(written.__getitem__, map(id, found))))
        _print_shown(console, t("field_changes"), [t("unit"), t("against"), *codes], [
            [unit.unit for unit, _ in with_fields],
            [against(unit, change) for unit, change in with_fields], *cells],
            ["left", "left", *["right"] * len(codes)])
    for key, items in (("only_old", comparison.only_old),
                       ("only_new", comparison.only_new),
                       ("not_scored_units", comparison.not_scored),
                       ("not_comparable", comparison.not_comparable),
                       ("lineage_problems", comparison.problems)):
        if items:
            console.print(f"\n[bold]{t(key)}:[/bold]")
            print_items(console, [say(item, language) for item in items])
    if comparison.discrepancies:
        console.print(f"\n[bold]{t('printed_discrepancies')}:[/bold] "
                      f"{len(comparison.discrepancies)}")
        print_items(console, [say(line, language) for line in comparison.discrepancies])
    # A note that concerns every unit (the number of units ranked, when a merger left
    # fewer) is said once, not once per unit.
    concerned: dict[str, list[tuple[UnitComparison, Change]]] = {}
    for unit, change in rows:
        for note in change.notes:
            concerned.setdefault(say(note, language), []).append((unit, change))
    notes = []
    for note, pairs in concerned.items():
        if len(comparison.units) > 1 and len({id(u) for u, _ in pairs}) == len(comparison.units):
            notes.append(f"{t('all_units')}: {note}")
            continue
        notes += [t("note_against", unit=unit.unit, against=name(change), note=note)
                  if against(unit, change) else f"{unit.unit}: {note}"
                  for unit, change in pairs]
    notes.sort()
    if notes:
        console.print(f"\n[bold]{t('notes')}:[/bold]")
        print_items(console, notes)


#: What a cell shows when it has no figure.
_NOTHING = frozenset(["", "—", "— → —"])


def _print_shown(console: Console, title: str, headers: list[str],
                 columns: list[list[str]], justify: list[str] | None = None) -> None:
    """:func:`print_columns`, leaving out the columns that show nothing in any row (a
    table of ranks only has no totals; a unit matched with itself by name needs no
    "against")."""
    shown = [i for i, column in enumerate(columns)
             if not column or not _NOTHING.issuperset(column)]
    print_columns(console, title, [headers[i] for i in shown], [columns[i] for i in shown],
                  None if justify is None else [justify[i] for i in shown])


@click.command("bands")
@click.argument("table", type=click.Path(path_type=Path), required=False)
@_table_options
@click.option("--population", type=int,
              help="How many units were ranked and banded, when TABLE is an extract.")
@click.option("--published", "published_text", metavar="BANDS",
              help='A published distribution: "Xuất sắc=9,Tốt=62,Khá=41,Trung bình=24" '
                   '(a count per band; optionally "Tốt=62 (45,59%)" and "trên=136").')
@click.option("--distribution", type=click.Path(dir_okay=False, path_type=Path),
              help="A published distribution as a file (TOML; see the formats reference).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON (decimals as strings).")
@click.option("--fail-on-discrepancy/--no-fail-on-discrepancy", default=True,
              show_default=True,
              help="Exit with status 1 when a published count or percentage differs.")
def bands_command(table: Path | None, framework_ref: str | None, sheet: str | None,
                  mapping: Path | None, year: int | None, population: int | None,
                  published_text: str | None, distribution: Path | None,
                  as_json: bool, fail_on_discrepancy: bool) -> None:
    """Count the units of TABLE per band (overall and per group), with percentages
    rounded as the framework declares, and check a published distribution.

    With --published or --distribution, the published counts and percentages are checked
    against TABLE's computed bands; without TABLE, against their own arithmetic (counts
    add up to the units, percentages follow from counts under the declared rounding).

    Exit status: 0 when everything agrees, 1 when a published figure differs, 2 when
    the table or the distribution cannot be read.
    """
    from .._audit.bands import (
        band_check_to_dict,
        check_bands,
        load_distribution,
        parse_published,
    )

    if table is None and framework_ref is None:
        raise click.UsageError(Sentence("cli_bands_framework"))
    if table is None and published_text is None and distribution is None:
        raise click.UsageError(Sentence("cli_bands_what"))
    if published_text is not None and distribution is not None:
        raise click.UsageError(Sentence("cli_bands_not_both"))
    from .._audit.reproduce import reproduce

    reproduction = None
    if table is not None:
        reproduction = reproduce(load_units([table], framework_ref, sheet=sheet,
                                            mapping=mapping, year=year, population=population))
        framework = reproduction.framework
    else:
        assert framework_ref is not None
        framework = resolve_framework(framework_ref)
    published = (parse_published(published_text, framework) if published_text is not None
                 else load_distribution(distribution, framework) if distribution is not None
                 else None)
    check = check_bands(framework, reproduction, published)
    if as_json:
        echo_json(band_check_to_dict(check))
    else:
        _print_bands(check)
    if reproduction is not None and reproduction.problems:
        raise AssessmentError(reproduction.problems)
    if fail_on_discrepancy and check.discrepancies:
        click.get_current_context().exit(1)


def _print_bands(check: Any) -> None:
    console = new_console()
    language = lang()

    def percent(value: Decimal) -> str:
        return f" ({percent_text(value, language)})"

    published = check.published
    distributions = ([check.overall] if check.overall else []) + list(check.groups)
    for distribution in distributions:
        title = (f"{distribution.group}: " if distribution.group else "") + \
            t("dist_title", units=distribution.units, rounding=check.rounding)
        # Said above the table, not as its title: a title wraps at the table's width
        # (four short lines in an 80-column terminal), a line at the terminal's.
        console.print(title, markup=False)
        table = Table()
        for column in ("band", "count", "percent"):
            table.add_column(t(f"col_{column}"), justify="left" if column == "band"
                             else "right")
        show = published is not None and distribution.group is None
        if show:
            table.add_column(t("col_published"), justify="right")
        for share in distribution.shares:
            row = [share.band, str(share.count),
                   number_text(share.percent, language) if share.percent is not None
                   else "—"]
            if show:
                count = published.counts.get(share.band)
                shown = published.percents.get(share.band)
                row.append("—" if count is None else str(count)
                           + (percent(shown) if shown is not None else ""))
            table.add_row(*row)
        console.print(table)
        if distribution.unbanded:
            console.print(t("no_band_for", units=tuple(distribution.unbanded)), markup=False)
    if published is not None:
        if check.overall is None:
            console.print(t("published_distribution", source=published.source), markup=False)
            for band, count in published.counts.items():
                shown = published.percents.get(band)
                console.print(f"  {band}: {count}"
                              + (percent(shown) if shown is not None else ""), markup=False)
            if published.population is not None:  # what the counts must add up to
                console.print("  " + t("published_of", units=published.population),
                              markup=False)
        lines = [d.text(language) for d in check.discrepancies]
        console.print(f"\n[bold]{t('discrepancies')}:[/bold] "
                      f"{len(lines) if lines else t('none')}")
        print_items(console, lines)
    if check.unchecked:
        console.print(f"\n[bold]{t('unchecked')}:[/bold]")
        print_items(console, [say(line, language) for line in check.unchecked])
