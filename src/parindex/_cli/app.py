"""The ``parindex`` command: a thin layer over the library.

Exit status: 0 on success; 2 on bad input (one clear message per problem on stderr,
naming the file, the line or key, and the criterion code; never a traceback).
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.table import Table
from rich.text import Text

from .._plugins import registry as _plugins
from .._audit.conformance import check_conformance
from .._base.errors import FrameworkError, Origin, ParindexError, Problem, UnknownFrameworkError
from .._base.model import Assessment, Framework, NodeKind
from .._base.numbers import plain
from .._formats.output import (
    completeness_detail,
    framework_summary,
    plugin_to_dict,
    result_to_dict,
    rule_to_json,
)
# What every command's --framework ID_OR_FILE names; the CLI modules import it here.
from .._formats.overlay import resolve_framework as resolve_framework
from .._engine.reconcile import band_evidence
from .._engine.scoring import Result, score, score_leaf
from .._formats.toml import load_assessment, sniff


def _console() -> Console:
    # Piped output gets a generous width so long Vietnamese names are not cut to 80.
    width = shutil.get_terminal_size((140, 40)).columns
    return Console(width=max(width, 100), highlight=False, soft_wrap=False)


def _echo_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


def _framework_option(value: str | None, assessment: Assessment) -> Framework:
    """``--framework`` for an assessment: :func:`resolve_framework`, or by default the
    installed framework the assessment names."""
    if value is None:
        try:
            return _plugins.get_framework(assessment.framework)
        except UnknownFrameworkError as exc:
            origin = assessment.origin or Origin(None)
            raise UnknownFrameworkError(origin.problem(str(exc), "framework")) from None
    return resolve_framework(value)


#: The help text of every ``--framework`` option.
FRAMEWORK_HELP = ("An installed framework id, a framework TOML file, or a completion "
                  "overlay file (see 'Overlays' in the docs).")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="parindex")
@click.option("--strict-plugins", is_flag=True, envvar="PARINDEX_STRICT_PLUGINS",
              help="Make any plugin failure an error (for CI). "
                   "Also: PARINDEX_STRICT_PLUGINS=1.")
def cli(strict_plugins: bool) -> None:
    """Exact, reproducible PAR INDEX (Chỉ số CCHC) scoring."""
    if strict_plugins:
        _plugins._REGISTRY = _plugins.load_registry(strict=True)


@cli.command("score")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--framework", "framework_ref", metavar="ID_OR_FILE",
              help="Score under this framework instead of the one the assessment names: "
                   + FRAMEWORK_HELP)
@click.option("--json", "as_json", is_flag=True, help="Print JSON (decimals as strings).")
def score_command(file: Path, framework_ref: str | None, as_json: bool) -> None:
    """Score one assessment FILE and reconcile it with its published figures.

    Prints the criteria tree (code, name, points/max, lost points, comment), the total,
    index and band, what the data says about itself (findings) and every published
    figure that disagrees with the computed one (discrepancies).
    """
    assessment = load_assessment(file)
    framework = _framework_option(framework_ref, assessment)
    result = score(framework, assessment)
    if as_json:
        _echo_json(result_to_dict(result))
    else:
        _print_result(result)


def _print_result(result: Result) -> None:
    console = _console()
    framework = result.framework
    title = f"{result.unit}" + (f" ({result.group})" if result.group else "")
    table = Table(title=f"{title}: {framework.id}, {result.assessment.year}",
                  title_justify="left", show_lines=False, expand=False)
    table.add_column("Code", no_wrap=True)
    table.add_column("Criterion", ratio=3)
    table.add_column("Points / max", justify="right", no_wrap=True)
    table.add_column("Lost", justify="right", no_wrap=True)
    table.add_column("Comment", ratio=2)
    for code, node in result.nodes.items():
        if node.not_arising:
            shown = "x"
        elif node.points is None:
            shown = "—"
        else:
            shown = plain(node.points)
        maximum = "?" if node.max is None else plain(node.max)
        lost = node.lost
        style = "bold" if node.depth == 0 else ""
        table.add_row(
            Text(code, style=style),
            Text("  " * node.depth + node.name, style=style),
            f"{shown} / {maximum}",
            "" if lost is None or lost == 0 else plain(lost),
            "\n".join(filter(None, [
                f"rule {node.rule.kind}: {node.explanation}"
                if node.explanation and node.rule else None,
                node.comment])),
        )
    console.print(table)
    lines = [
        ("Appraised", f"{plain(result.appraised)}"),
        ("Survey", f"{plain(result.survey)}"),
    ]
    if any(n.kind is NodeKind.BONUS for n in framework.criteria):
        lines.append(("Bonus", plain(result.bonus)))
    if any(n.kind is NodeKind.PENALTY for n in framework.criteria):
        lines.append(("Penalty", "−" + plain(result.penalty)))
    maximum = "?" if result.max is None else plain(result.max)
    lines += [
        ("Total", f"{plain(result.total)} / {maximum}  (arising maximum "
                  f"{plain(result.arising_max)})"),
        ("Index", f"{result.display(result.index)}  (total ÷ arising maximum × 100, "
                  f"shown to {framework.decimals} decimals)"),
        ("Band", f"{result.band.name}  ({band_evidence(result)})" if result.band else "—"),
    ]
    for label, value in lines:
        console.print(f"[bold]{label:<10}[/bold] {value}")
    _print_list(console, "Findings (the data about itself)", [str(f) for f in result.findings])
    _print_list(console, "Discrepancies (published ≠ computed)",
                [str(d) for d in result.discrepancies], empty="none")
    _print_list(console, "Not checked", list(result.unchecked))


def _print_list(console: Console, title: str, items: list[str], empty: str | None = None) -> None:
    if not items and empty is None:
        return
    console.print(f"\n[bold]{title}:[/bold] {'' if items else empty}")
    for item in items:
        console.print(f"  - {item}", markup=False)


@cli.command("validate")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--framework", "framework_ref", metavar="ID_OR_FILE",
              help="For an assessment: check it against this framework. " + FRAMEWORK_HELP)
@click.option("--conformance", is_flag=True,
              help="For a framework file: run every conformance check and print the report "
                   "(exit status 2 when it fails).")
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
        click.echo(str(report))
        if not report.ok:
            raise FrameworkError(Problem(
                f"fails conformance: {len(report.errors)} error(s), "
                f"{len(report.unfinished)} unfinished" + ("" if strict else " (not strict)"),
                path=file))
        return
    kind = sniff(file)
    if kind in ("framework", "overlay"):
        framework = resolve_framework(str(file))
        if kind == "overlay":
            click.echo(f"{file}: valid overlay: {framework.id} derived from "
                       f"{framework.derived_from} ({len(framework.nodes)} nodes)")
        else:
            click.echo(f"{file}: valid framework {framework.id} "
                       f"({len(framework.nodes)} nodes)")
        for mismatch in framework.maxima_mismatches():
            click.echo(f"  warning: {mismatch}")
        for unknown in framework.unknowns():
            click.echo(f"  unknown: {unknown}")
        return
    assessment = load_assessment(file)
    result = score(_framework_option(framework_ref, assessment), assessment)
    click.echo(f"{file}: valid assessment of {result.unit} under {result.framework.id}")
    for finding in result.findings:
        click.echo(f"  warning: {finding}")


@cli.command("rule")
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
            raise click.BadParameter(f"{pair!r} is not NAME=VALUE", param_hint="FIGURES")
        values[name.strip()] = {"true": True, "false": False}.get(value.strip().lower(),
                                                                   value.strip())
    points, explanation = score_leaf(framework, code, values)
    node = framework.nodes[code]
    rule = node.rule
    assert rule is not None  # score_leaf refuses a leaf without a rule
    if as_json:
        _echo_json({"framework": framework.id, "code": code, "name": node.name,
                    "points": plain(points), "max": None if node.max is None
                    else plain(node.max), "rule": rule_to_json(rule),
                    "inputs": {k: v if isinstance(v, bool) else str(v)
                               for k, v in values.items()},
                    "explanation": explanation})
        return
    maximum = "?" if node.max is None else plain(node.max)
    click.echo(f"{code} {node.name}: {plain(points)} / {maximum}")
    click.echo(f"  rule {rule.kind} ({rule.provenance.status.value}"
               + (f", {rule.provenance.source}" if rule.provenance.source else "") + ")")
    click.echo(f"  {explanation}")


@cli.command("frameworks")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option("--completeness", is_flag=True,
              help="Show, per framework, how many nodes are seed / read / inferred / unknown "
                   "and list every unknown fact (what an overlay can complete).")
@click.option("--framework", "framework_refs", metavar="ID_OR_FILE", multiple=True,
              help="Show only these frameworks (repeatable). " + FRAMEWORK_HELP)
def frameworks_command(as_json: bool, completeness: bool, framework_refs: tuple[str, ...]
                       ) -> None:
    """List the installed frameworks, with how complete their sources are.

    Completeness counts the nodes whose maximum is seed (printed in a founding document),
    read (stated by a public source), inferred, or unknown. With --completeness, every
    unknown fact is listed too, as the path an overlay completes.
    """
    registry = _plugins.registry()
    _warn_plugin_failures(registry)
    if framework_refs:
        chosen = [resolve_framework(ref) for ref in framework_refs]
        pairs = [(f, registry.provider(f.id) if f.id in registry.frameworks else None)
                 for f in chosen]
    else:
        pairs = [(f, registry.provider(fid)) for fid, f in registry.frameworks.items()]
    summaries = [framework_summary(f, provider) for f, provider in pairs]
    if completeness:
        for summary, (framework, _) in zip(summaries, pairs, strict=True):
            summary.update(completeness_detail(framework))
    if as_json:
        _echo_json({"frameworks": summaries})
        return
    if completeness:
        _print_completeness(summaries)
        return
    table = Table(title="Installed frameworks", title_justify="left")
    for column in ("id", "legal basis", "years", "max", "nodes: seed/read/inferred/unknown",
                   "plugin"):
        table.add_column(column)
    for s in summaries:
        c = s["completeness"]
        years = f"{s['first_year']}–{s['last_year'] or ''}"
        table.add_row(s["id"], f"{s['legal_basis']} ({s['date'] or '?'})", years,
                      s["max"] or "?",
                      f"{c['seed']}/{c['read']}/{c['inferred']}/{c['unknown']}",
                      s["distribution"] or "")
    _console().print(table)


def _warn_plugin_failures(registry: _plugins.Registry) -> None:
    """Say on stderr why a framework may be missing from a listing (stdout stays data)."""
    for fid, plugins in sorted(registry.conflicts.items()):
        names = ", ".join(f"{p.distribution} ({p.name})" for p in plugins)
        click.echo(f"parindex: warning: framework {fid} is not listed: it is provided by more "
                   f"than one plugin ({names}); uninstall one, or disable one with "
                   "PARINDEX_DISABLE_PLUGINS", err=True)
    for info in registry.plugins:
        if info.status == "error" and not any(info in p for p in registry.conflicts.values()):
            click.echo(f"parindex: warning: plugin {info.name!r} ({info.distribution}) failed "
                       f"and was skipped: {info.error}", err=True)


def _print_completeness(summaries: list[dict[str, Any]]) -> None:
    console = _console()
    for s in summaries:
        c = s["completeness"]
        derived = f", derived from {s['derived_from']}" if s.get("derived_from") else ""
        console.print(f"[bold]{s['id']}[/bold]{derived}: {s['nodes']} nodes: "
                      f"{c['seed']} seed, {c['read']} read, {c['inferred']} inferred, "
                      f"{c['unknown']} unknown; rules: "
                      + ", ".join(f"{n} {k}" for k, n in s["rules"].items() if n))
        if not s["unknowns"] and not s["unknown_rules"]:
            console.print("  nothing unknown")
        for unknown in s["unknowns"] + s["unknown_rules"]:
            console.print(f"  unknown: {unknown}", markup=False)


@cli.command("plugins")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def plugins_command(as_json: bool) -> None:
    """List the installed plugins: name, version, frameworks, and status or error."""
    plugins = [plugin_to_dict(p) for p in _plugins.registry().plugins]
    if as_json:
        _echo_json({"plugins": plugins})
        return
    table = Table(title="Installed plugins", title_justify="left")
    for column in ("name", "distribution", "version", "status", "frameworks / error"):
        table.add_column(column)
    for p in plugins:
        table.add_row(p["name"], p["distribution"], p["version"], p["status"],
                      p["error"] or ", ".join(p["frameworks"]))
    _console().print(table)


# Each feature's commands live in their own module and register themselves on ``cli``.
from . import analysis, kit, tables  # noqa: E402, F401


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; report parindex errors as messages, never tracebacks."""
    try:
        # Without standalone mode click returns the status a command exits with.
        status = cli.main(args=argv, prog_name="parindex", standalone_mode=False)
    except ParindexError as exc:
        for problem in exc.problems:
            click.echo(f"parindex: error: {problem}", err=True)
        return 2
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except click.ClickException as exc:
        exc.show()
        return exc.exit_code
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        return 1
    return status if isinstance(status, int) else 0


if __name__ == "__main__":
    sys.exit(main())
