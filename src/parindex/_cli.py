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

from . import _plugins
from ._errors import Origin, ParindexError, UnknownFrameworkError
from ._model import Assessment, Framework, NodeKind
from ._numbers import plain
from ._output import framework_summary, plugin_to_dict, result_to_dict
from ._reconcile import band_evidence
from ._scoring import Result, score
from ._toml import load_assessment, load_framework, sniff


def _console() -> Console:
    # Piped output gets a generous width so long Vietnamese names are not cut to 80.
    width = shutil.get_terminal_size((140, 40)).columns
    return Console(width=max(width, 100), highlight=False, soft_wrap=False)


def _echo_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


def _framework_option(value: str | None, assessment: Assessment) -> Framework:
    """``--framework``: an installed id or a framework TOML file; default: the file's id."""
    if value is None:
        try:
            return _plugins.get_framework(assessment.framework)
        except UnknownFrameworkError as exc:
            origin = assessment.origin or Origin(None)
            raise UnknownFrameworkError(origin.problem(str(exc), "framework")) from None
    if value.endswith(".toml") or Path(value).is_file():
        return load_framework(value)
    return _plugins.get_framework(value)


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
              help="Score under this framework (an installed id or a TOML file) "
                   "instead of the one the assessment names.")
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
            node.comment or "",
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
              help="For an assessment: check it against this framework.")
def validate_command(file: Path, framework_ref: str | None) -> None:
    """Check a framework or assessment FILE.

    A framework is checked for structure, provenance on every number, unique codes and
    well-formed bands; children whose maxima do not add up are reported as warnings.
    An assessment is checked against its framework by scoring it.
    """
    kind = sniff(file)
    if kind == "framework":
        framework = load_framework(file)
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


@cli.command("frameworks")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def frameworks_command(as_json: bool) -> None:
    """List the installed frameworks, with how complete their sources are.

    Completeness counts the nodes whose maximum is seed (printed in a founding document),
    read (stated by a public source), inferred, or unknown.
    """
    registry = _plugins.registry()
    summaries = [framework_summary(f, registry.provider(fid))
                 for fid, f in registry.frameworks.items()]
    if as_json:
        _echo_json({"frameworks": summaries})
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
from . import _cli_analysis, _cli_kit, _cli_tables  # noqa: E402, F401


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; report parindex errors as messages, never tracebacks."""
    try:
        cli.main(args=argv, prog_name="parindex", standalone_mode=False)
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
    return 0


if __name__ == "__main__":
    sys.exit(main())
