"""``parindex import framework`` and ``parindex import overlay``: a decision's annex
(.docx, .xlsx or .csv) into a framework or an overlay TOML file.

The commands are added to the ``import`` group by :mod:`.imports`."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import click

from .._audit.conformance import check_conformance
from .._base.errors import FrameworkError, Problem
from .._base.i18n import Sentence
from .._base.numbers import NumberError, number_text, to_decimal
from .._formats import annex as _annex
from .._formats.overlay import apply_overlay, loads_overlay, resolve_framework
from .._base.files import atomic_write, check_output
from .options import echo_warning, lang, only_with, t


def _bands(values: tuple[str, ...], assumed: bool = False) -> list[dict[str, Any]]:
    """``--band "Xuất sắc=90"`` options → band tables citing the annex (or, ``--assumed``,
    the user's hypothesis), highest first."""
    bands = []
    for value in values:
        name, sep, minimum = value.rpartition("=")
        try:
            number = to_decimal(minimum.strip(), decimal_comma=True)
        except NumberError:
            number = None
        if not sep or not name.strip() or number is None:
            raise click.BadParameter(Sentence("opt_not_band", value=repr(value)),
                                     param_hint="--band")
        bands.append({"name": name.strip(), "min": _annex._exact(number),
                      **_given(assumed)})
    return bands


def _given(assumed: bool) -> dict[str, str]:
    """The provenance of what the command line gives: the decision, or a hypothesis."""
    if assumed:
        return {"status": "assumed", "source": _annex.ASSUMPTION_KEY}
    return {"status": "read", "source": _annex.SOURCE_KEY}


def _not_arising(assumed: bool) -> dict[str, str]:
    return {**_given(assumed), "note": Sentence("wn_given_not_arising")}


#: The --assumed option of both commands.
_ASSUMED = click.option(
    "--assumed", is_flag=True,
    help="The --band and --not-arising values are a working hypothesis, not the "
         "decision's: status assumed (they score, are listed by completeness, and fail "
         "strict conformance until replaced by the decision's).")
#: What --assumed qualifies: without either, it is refused (only_with).
_ASSUMED_WITH: dict[str, str | tuple[str, ...]] = {"--assumed": ("--band", "--not-arising")}
_NOT_ARISING = click.option(
    "--not-arising", "not_arising", type=click.Choice(["exclude", "full", "zero"]),
    help="How an item that did not arise (không phát sinh, x) counts, as the decision says: "
         "exclude (leaves the arising maximum), full or zero. Default: unknown (marking an "
         "item x refuses to score).")


def _printed_bands(annex: Path) -> list[dict[str, Any]]:
    """The bands the annex prints under its table, said on standard error."""
    found = _annex.printed_bands(annex)
    if found:
        click.echo(t("bands_read", bands=", ".join(
            t("band_from", band=b["name"], min=to_decimal(b["min"])) for b in found)),
                   err=True)
    return found


def _refuse_to_overwrite(output: Path | None, *inputs: Path | str) -> None:
    """Before any work: never replace what is read, and write only TOML."""
    if output is not None:
        check_output(output, inputs=inputs, suffixes=(".toml",))


def _emit(text: str, output: Path | None) -> None:
    if output is None:
        click.echo(text, nl=False)
    else:
        atomic_write(output, text)
        click.echo(t("wrote", path=output), err=True)


def _report_mis_sums(annex: _annex.Annex) -> None:
    for problem in annex.mis_sums():
        echo_warning(problem)


@click.command("framework")
@click.argument("annex", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--id", "framework_id", required=True, metavar="ID",
              help="The framework's id, province/level/year (e.g. tinh-mau/commune/2024).")
@click.option("--name", required=True, help="The framework's name, as the decision prints it.")
@click.option("--decision", required=True, metavar="NUMBER",
              help='The number of the decision the annex belongs to, e.g. "673/QĐ-UBND".')
@click.option("--date", "issued", type=click.DateTime(formats=["%Y-%m-%d"]),
              help="The decision's date, YYYY-MM-DD.")
@click.option("--issuer", help='Who issued it, e.g. "UBND tỉnh Quảng Ngãi".')
@click.option("--last-year", type=int, help="The last assessment year it governs "
                                            "(default: the id's year).")
@click.option("--band", "bands", multiple=True, metavar="NAME=MIN",
              help="A band (xếp loại) as the decision gives it, highest first; repeat for "
                   "each (e.g. --band \"Tốt=80\"). Default: the bands the annex prints "
                   "under its table (\"Tốt: từ 80 điểm đến dưới 90 điểm\"), if any.")
@_NOT_ARISING
@_ASSUMED
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="The framework TOML file to write (default: standard output).")
def import_framework_command(annex: Path, framework_id: str, name: str, decision: str,
                             issued: Any, issuer: str | None, last_year: int | None,
                             bands: tuple[str, ...], not_arising: str | None, assumed: bool,
                             output: Path | None) -> None:
    """Turn a decision's ANNEX (.docx, .xlsx or .csv table of criteria) into a framework.

    The tree comes from the codes (STT), maxima from the maximum column (Điểm tối đa),
    the survey block from its name (điều tra xã hội học, khảo sát sự hài lòng). Every
    maximum is status "read", citing the decision and the annex file. Maxima that do not
    add up are reported with their rows, never fixed. The result is then checked for
    conformance: what the official still has to supply (bands, the not-arising policy,
    ...) is listed, and the exit status is 2 if it has errors.
    """
    only_with(_ASSUMED_WITH)
    _refuse_to_overwrite(output, annex)
    read = _annex.read_annex(annex)
    day: date | None = issued.date() if issued is not None else None
    data = _annex.framework_from_annex(read, framework_id=framework_id, name=name,
                                       decision=decision, issued=day, issuer=issuer,
                                       last_year=last_year)
    if assumed:
        data["sources"][_annex.ASSUMPTION_KEY] = _annex.ASSUMPTION
    if not_arising is not None:
        data["not_arising"] = not_arising
        data["provenance"]["not_arising"] = _not_arising(assumed)
    band_tables = _bands(bands, assumed) if bands else _printed_bands(annex)
    if band_tables:
        data["bands"] = band_tables
        data["provenance"]["band_basis"] = {
            "status": "unknown", "note": Sentence("wn_bands_given")}
    header = f"{data['name']}\n" + t("imp_framework", file=annex.name, decision=decision,
                                       output=output.name if output else "FILE.toml")
    text = _annex.dumps(data, header)
    _report_mis_sums(read)
    _emit(text, output)
    framework_report(text, output)


def framework_report(text: str, output: Path | None) -> None:
    """Check the written framework, say what is missing, fail on errors."""
    from .._formats.toml import loads_framework

    if output is not None:
        report = check_conformance(output)
    else:
        try:
            report = check_conformance(loads_framework(text))
        except FrameworkError as exc:
            raise FrameworkError(exc.problems) from None
    missing = [f for f in report.findings if f.severity != "note" or f.check == "unknowns"]
    if missing:
        click.echo(t("still_to_supply"), err=True)
        for finding in missing:
            click.echo(f"  [{finding.check}] {finding.text(lang())}", err=True)
    if not report.ok:
        raise FrameworkError(Problem(Sentence("c_annex_fails", errors=len(report.errors)),
                                     path=output))


@click.command("overlay")
@click.argument("annex", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--onto", "onto", required=True, metavar="FRAMEWORK_ID",
              help="The installed framework the annex completes, e.g. "
                   "quang-ngai/commune/2023.")
@click.option("--id", "overlay_id", metavar="ID",
              help="The derived framework's id (default: the base's id + '-annex').")
@click.option("--band", "bands", multiple=True, metavar="NAME=MIN",
              help="A band (xếp loại) as the decision gives it, highest first; repeat for "
                   "each. They replace the base's bands. Default: the bands the annex "
                   "prints under its table, if any.")
@click.option("--override", is_flag=True,
              help="Write maxima that contradict the base's sourced (seed, read, inferred) "
                   "ones, listing them in corrects; without it, such a contradiction is an "
                   "error.")
@_NOT_ARISING
@_ASSUMED
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="The overlay TOML file to write (default: standard output).")
def import_overlay_command(annex: Path, onto: str, overlay_id: str | None,
                           bands: tuple[str, ...], override: bool, not_arising: str | None,
                           assumed: bool, output: Path | None) -> None:
    """Complete an installed framework from a decision's ANNEX, as an overlay.

    Unknown maxima are filled from the annex, the criteria and components the framework
    lacks are added beneath the nodes it has, every value citing the annex. A maximum that
    contradicts one the framework sources is refused unless --override. The overlay is
    then applied to its base, so that every problem is found now, not when scoring.
    """
    only_with(_ASSUMED_WITH)
    _refuse_to_overwrite(output, annex, onto)
    base = resolve_framework(onto)
    read = _annex.read_annex(annex)
    draft = _annex.overlay_from_annex(read, base, overlay_id=overlay_id, override=override)
    if draft.contradictions and not override:
        raise FrameworkError(list(draft.contradictions))
    for problem in draft.contradictions:
        echo_warning(problem)
    data = dict(draft.data)
    if assumed:
        data["sources"] = {**data["sources"], _annex.ASSUMPTION_KEY: _annex.ASSUMPTION}
    if not_arising is not None:
        data["not_arising"] = not_arising
        data["provenance"] = {"not_arising": _not_arising(assumed)}
    band_tables = _bands(bands, assumed) if bands else _printed_bands(annex)
    if band_tables:
        data["bands"] = band_tables
    _report_mis_sums(read)
    header = t("imp_overlay", base=base.id, file=annex.name,
               output=output.name if output else "FILE.toml")
    text = _annex.dumps(data, header)
    # Applied now, so that an overlay that does not fit its base is never written.
    derived = apply_overlay(loads_overlay(text, path=output), base)
    _emit(text, output)
    missing = derived.unknowns() + derived.unknown_rules()
    added = len(derived.nodes) - len(base.nodes)
    known = sum(1 for n in derived.walk() if n.max is not None) - \
        sum(1 for n in base.walk() if n.max is not None)
    click.echo(t("overlay_filled", framework=derived.id, known=known, added=added,
                 total=t("status_unknown") if derived.max is None
                 else number_text(derived.max, lang())), err=True)
    if missing:
        click.echo(t("still_unknown"), err=True)
        for path in missing:
            click.echo(f"  {path}", err=True)
