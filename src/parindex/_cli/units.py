"""``parindex score``, ``validate`` and ``rule``: one assessment, framework or leaf."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.table import Table
from rich.text import Text

from .._analysis.gaps import figure_text
from .._audit.conformance import check_conformance
from .._base.i18n import Sentence, say
from .._base.errors import AssessmentError, FrameworkError, Problem
from .._base.model import NodeKind
from .._base.numbers import maximum_text, number_text, plain
from .._formats.output import result_to_dict, rule_to_json
from .._engine.reconcile import band_evidence
from .._engine.results import Result
from .._engine.scoring import score, score_leaf
from .._formats.toml import load_assessment, sniff
from .common import (
    FRAMEWORK_HELP,
    cli_decimal,
    echo_json,
    echo_wrapped,
    framework_option,
    new_console,
    print_items,
    read_sheet_option,
    resolve_framework,
    rule_kind_text,
    with_table_hint,
)
from .options import lang, t


@click.command("score")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--framework", "framework_ref", metavar="ID_OR_FILE",
              help="Score under this framework instead of the one the assessment names "
                   "(required for a scoring sheet): " + FRAMEWORK_HELP)
@click.option("--unit", help="A sheet's unit (default: from its title rows, e.g. "
                             "'UBND xã Thủy Thanh').")
@click.option("--group", help="A sheet's group, e.g. its district (default: from its "
                              "title rows).")
@click.option("--year", type=int, help="A sheet's year (default: from its title rows, "
                                       "e.g. 'năm 2022', else the framework's only year).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON (decimals as strings).")
def score_command(file: Path, framework_ref: str | None, unit: str | None, group: str | None,
                  year: int | None, as_json: bool) -> None:
    """Score one assessment FILE and reconcile it with its published figures.

    FILE is an assessment TOML file, or a unit's scoring sheet (.xlsx, .docx or .csv:
    see 'Scoring sheets' in the docs), which needs --framework.

    Prints the criteria tree (code, name, points/max, lost points, comment), the total,
    index and band, what the data says about itself (findings) and every published
    figure that disagrees with the computed one (discrepancies).
    """
    from .._formats.scoring_sheet import is_sheet

    if is_sheet(file):
        try:
            framework, assessment = read_sheet_option(file, framework_ref, unit, group, year)
        except AssessmentError as error:
            raise with_table_hint(error, file, framework_ref) from None
    else:
        if unit is not None or group is not None or year is not None:
            raise click.UsageError(Sentence("cli_sheet_options"))
        assessment = load_assessment(file)
        framework = framework_option(framework_ref, assessment)
    result = score(framework, assessment)
    if as_json:
        echo_json(result_to_dict(result))
    else:
        _print_result(result)


def _print_result(result: Result) -> None:
    console = new_console()
    language = lang()

    def num(value: Any) -> str:
        return number_text(value, language)

    framework = result.framework

    def pts(value: Decimal | None, figure: str = "points") -> str:
        """Points as the plan and the decisions print them (not the source's "0.0")."""
        return figure_text(framework, value, figure, language)

    title = f"{result.unit}" + (f" ({result.group})" if result.group else "")
    table = Table(title=f"{title}: {framework.id}, {result.assessment.year}",
                  title_justify="left", show_lines=False, expand=False)
    table.add_column(t("code"), no_wrap=True)
    table.add_column(t("criterion"), ratio=3)
    table.add_column(t("points_max"), justify="right", no_wrap=True)
    table.add_column(t("lost"), justify="right", no_wrap=True)
    table.add_column(t("comment"), ratio=2)
    for code, node in result.nodes.items():
        if node.not_arising:
            shown = "x"
        elif node.points is None:
            shown = "—"
        else:
            shown = pts(node.points)
        maximum = maximum_text(node.max, language)
        lost = node.lost
        style = "bold" if node.depth == 0 else ""
        table.add_row(
            Text(code, style=style),
            Text("  " * node.depth + node.name, style=style),
            f"{shown} / {maximum}",
            "" if lost is None or lost == 0 else pts(lost),
            "\n".join(filter(None, [
                f"{t('rule')} {node.rule.kind}: {say(node.explanation, language)}"
                if node.explanation and node.rule else None,
                node.comment])),
        )
    console.print(table)
    lines = [
        (t("appraised"), pts(result.appraised, "appraised")),
        (t("survey"), pts(result.survey, "survey")),
    ]
    if any(n.kind is NodeKind.BONUS for n in framework.criteria):
        lines.append((t("bonus"), pts(result.bonus)))
    if any(n.kind is NodeKind.PENALTY for n in framework.criteria):
        lines.append((t("penalty"), "−" + pts(result.penalty)))
    maximum = maximum_text(result.max, language)
    lines += [
        (t("total"), f"{pts(result.total, 'total')} / {maximum}  ("
                     + t("arising_max", max=maximum_text(result.arising_max, language)) + ")"),
        (t("index"), f"{num(result.display(result.index))}  ("
                     + t("index_how", decimals=framework.decimals) + ")"),
        (t("band"), f"{result.band.name}  ({say(band_evidence(result), language)})"
         if result.band else "—"),
    ]
    # A grid: a value too long for the terminal wraps under itself, not under the label.
    figures = Table.grid(padding=(0, 2))
    figures.add_column(style="bold", no_wrap=True)
    figures.add_column()
    for label, value in lines:
        figures.add_row(label, Text(value))
    console.print(figures)
    _print_list(console, t("findings"), [f.text(language) for f in result.findings])
    _print_list(console, t("discrepancies"),
                [d.text(language) for d in result.discrepancies], empty=t("none"))
    _print_list(console, t("unchecked"), [say(u, language) for u in result.unchecked])


def _print_list(console: Console, title: str, items: list[str], empty: str | None = None) -> None:
    if not items and empty is None:
        return
    console.print(f"\n[bold]{title}:[/bold]" + (f" {empty}" if not items else ""))
    print_items(console, items)


@click.command("validate")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--framework", "framework_ref", metavar="ID_OR_FILE",
              help="For an assessment: check it against this framework. " + FRAMEWORK_HELP)
@click.option("--conformance", is_flag=True,
              help="For a framework file (or an installed framework's id): run every "
                   "conformance check, including the plugin that provides it, and print the "
                   "report (exit status 2 when it fails).")
@click.option("--strict", is_flag=True,
              help="With --conformance: placeholders and unsourced facts fail too (for CI "
                   "before publishing a plugin).")
def validate_command(file: Path, framework_ref: str | None, conformance: bool,
                     strict: bool) -> None:
    """Check a framework or assessment FILE.

    A framework is checked for structure, provenance on every number, unique codes and
    well-formed bands; children whose maxima do not add up are reported as warnings.
    With --conformance, every conformance check of the plugin author kit runs instead and
    its report is printed: every problem of the file at once, each with its line.
    An assessment is checked against its framework by scoring it.
    """
    if conformance:  # before reading the file: the report covers files that do not read
        report = check_conformance(file, strict=strict)
        echo_wrapped(report.text(lang()))
        if not report.ok:
            fails = Sentence("c_fails", errors=len(report.errors),
                             unfinished=len(report.unfinished))
            raise FrameworkError(Problem(fails if strict else fails + Sentence("c_not_strict"),
                                         path=file))
        return
    kind = sniff(file)
    if kind in ("framework", "overlay"):
        framework = resolve_framework(str(file))
        if kind == "overlay":
            echo_wrapped(t("valid_overlay", file=file, framework=framework.id,
                           base=framework.derived_from, nodes=len(framework.nodes)))
        else:
            echo_wrapped(t("valid_framework", file=file, framework=framework.id,
                           nodes=len(framework.nodes)))
        for mismatch in framework.maxima_mismatches():
            echo_wrapped(t("warning_line", text=t("finding", code=mismatch.code,
                                                   text=mismatch.sentence)))
        for unknown in framework.unknowns():
            echo_wrapped(t("unknown_line", text=unknown))
        return
    assessment = load_assessment(file)
    result = score(framework_option(framework_ref, assessment), assessment)
    echo_wrapped(t("valid_assessment", file=file, unit=result.unit,
                   framework=result.framework.id))
    for finding in result.findings:
        echo_wrapped(t("warning_line", text=finding.text(lang())))


@click.command("rule")
@click.argument("code")
@click.argument("figures", nargs=-1, metavar="NAME=VALUE...")
@click.option("--framework", "framework_ref", metavar="ID_OR_FILE", required=True,
              help="The framework whose rule scores the leaf. " + FRAMEWORK_HELP)
@click.option("--json", "as_json", is_flag=True, help="Print JSON (decimals as strings).")
def rule_command(code: str, figures: tuple[str, ...], framework_ref: str, as_json: bool
                 ) -> None:
    """Score one leaf CODE from reported figures, by the rule its framework gives it.

    Figures are NAME=VALUE pairs, as in an assessment's [inputs] entry (VALUE a number,
    or true/false). The same computation as scoring an assessment, for one leaf alone.
    """
    framework = resolve_framework(framework_ref)
    values: dict[str, object] = {}
    for pair in figures:
        name, sep, value = pair.partition("=")
        if not sep or not name:
            raise click.BadParameter(Sentence("opt_not_figure", value=repr(pair)),
                                     param_hint="FIGURES")
        flag = {"true": True, "false": False}.get(value.strip().lower())
        values[name.strip()] = flag if flag is not None else cli_decimal(value, name.strip())
    points, explanation = score_leaf(framework, code, values)
    node = framework.nodes[code]
    rule = node.rule
    assert rule is not None  # score_leaf refuses a leaf without a rule
    if as_json:
        echo_json({"framework": framework.id, "code": code, "name": node.name,
                    "points": plain(points), "max": None if node.max is None
                    else plain(node.max), "rule": rule_to_json(rule),
                    "inputs": {k: v if isinstance(v, bool) else str(v)
                               for k, v in values.items()},
                    "explanation": explanation})
        return
    echo_wrapped(f"{code} {node.name}: {number_text(points, lang())} / "
                 f"{maximum_text(node.max, lang())}")
    status = t(f"status_{rule.provenance.status.value}")
    echo_wrapped(t("rule_line", kind=rule_kind_text(rule.kind), status=status + (
        f", {rule.provenance.source}" if rule.provenance.source else "")))
    echo_wrapped(f"  {say(explanation, lang())}")
