"""``parindex frameworks`` and ``parindex plugins``: what is installed."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import click
from rich.table import Table
from rich.text import Text

from .._plugins import registry as _plugins
from .._formats.output import completeness_detail, framework_summary, plugin_to_dict
from .._base.numbers import day_text, maximum_text
from .._base.i18n import Sentence, say
from .common import (
    FRAMEWORK_HELP,
    catalogue_name,
    echo_json,
    new_console,
    print_fitting,
    resolve_framework,
    rule_kind_text,
    terminal_width,
    wrap_line,
)
from .options import echo_warning, lang, t


@click.command("frameworks")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option("--completeness", is_flag=True,
              help="Show, per framework, how many nodes are seed / read / inferred / assumed / "
                   "unknown and list every unknown fact (what an overlay can complete) and "
                   "every assumed one (a working hypothesis, not to be published).")
@click.option("--framework", "framework_refs", metavar="ID_OR_FILE", multiple=True,
              help="Show only these frameworks (repeatable). " + FRAMEWORK_HELP)
def frameworks_command(as_json: bool, completeness: bool, framework_refs: tuple[str, ...]
                       ) -> None:
    """List the installed frameworks, with how complete their sources are.

    Completeness counts the nodes whose maximum is seed (printed in a founding document),
    read (stated by a public source), inferred, assumed (a user's working hypothesis), or
    unknown. With --completeness, every unknown fact is listed too, as the path an overlay
    completes, and every assumed value, which strict conformance refuses to publish.
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
        echo_json({"frameworks": summaries})
        return
    if completeness:
        _print_completeness(summaries)
        return
    table = Table(title=t("frameworks_title"), title_justify="left")
    # An id is never wrapped: it is what --framework takes. A terminal too narrow for the
    # table gets each framework as a record (print_fitting), every value whole.
    table.add_column(t("fw_id"), no_wrap=True)
    for key in ("fw_index", "fw_basis", "fw_years", "fw_max", "fw_nodes", "fw_plugin"):
        table.add_column(t(key))
    for s in summaries:
        c = s["completeness"]
        years = f"{s['first_year']}–{s['last_year'] or ''}"
        issued = day_text(date.fromisoformat(s["date"]), lang()) if s["date"] else "?"
        table.add_row(s["id"], catalogue_name("ik", s["index_kind"]),
                      f"{s['legal_basis']} ({issued})",
                      years,
                      maximum_text(Decimal(s["max"]) if s["max"] else None, lang()),
                      f"{c['seed']}/{c['read']}/{c['inferred']}/{c['assumed']}/{c['unknown']}",
                      s["distribution"] or "")
    print_fitting(new_console(), table)


def _warn_plugin_failures(registry: _plugins.Registry) -> None:
    """Say on stderr why a framework may be missing from a listing (stdout stays data)."""
    for fid, plugins in sorted(registry.conflicts.items()):
        names = ", ".join(f"{p.distribution} ({p.name})" for p in plugins)
        echo_warning(Sentence("w_framework_conflict", framework=fid, plugins=names))
    _warn_slow_plugins(registry)
    for info in registry.plugins:
        if info.status == "error" and not any(info in p for p in registry.conflicts.values()):
            echo_warning(Sentence("w_plugin_failed", name=repr(info.name),
                                  distribution=info.distribution, error=info.error))


def _warn_slow_plugins(registry: _plugins.Registry) -> None:
    for info in registry.plugins:
        if info.seconds is not None:
            echo_warning(Sentence("w_plugin_slow", name=repr(info.name),
                                  distribution=info.distribution,
                                  seconds=Decimal(str(info.seconds))))


def _print_completeness(summaries: list[dict[str, Any]]) -> None:
    console = new_console()
    for s in summaries:
        c = s["completeness"]
        derived = t("derived_from", base=s["derived_from"]) if s.get("derived_from") else ""
        if s["companion"]:
            derived += t("companion_of", kind=s["index_kind"])
        line = f"{s['id']}{derived}: " + t(
            "completeness_line", nodes=s["nodes"], **c,
            rules=", ".join(f"{n} {rule_kind_text(k)}" for k, n in s["rules"].items() if n))
        # A terminal's width: the counts wrap under the id (which starts the line),
        # indented further than the facts listed below them; piped, one line for grep.
        for i, part in enumerate(wrap_line(line, terminal_width())):
            text = Text(part)
            if i == 0:
                text.stylize("bold", 0, len(s["id"]))
            console.print(text, soft_wrap=True)  # wrapped above, or not at all (piped)
        if not s["unknowns"] and not s["unknown_rules"]:
            console.print(t("nothing_unknown"))
        for unknown in s["unknowns"] + s["unknown_rules"]:
            console.print(t("unknown_line", text=unknown), markup=False)
        for assumed in s["assumptions"]:
            console.print(t("assumed_line", text=assumed), markup=False)


@click.command("plugins")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def plugins_command(as_json: bool) -> None:
    """List the installed plugins: name, version, frameworks, and status or error."""
    _warn_slow_plugins(_plugins.registry())
    plugins = _plugins.registry().plugins
    if as_json:
        echo_json({"plugins": [plugin_to_dict(p) for p in plugins]})
        return
    table = Table(title=t("plugins_title"), title_justify="left")
    for key in ("pl_name", "pl_distribution", "pl_version", "pl_status", "pl_frameworks"):
        table.add_column(t(key))
    for p in plugins:
        table.add_row(p.name, p.distribution, p.version, t(f"plugin_{p.status}"),
                      Text(say(p.error, lang())) if p.error else ", ".join(p.frameworks))
    print_fitting(new_console(), table)


# Each feature's commands live in their own module and register themselves on ``cli``.
