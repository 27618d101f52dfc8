"""Sphinx extension: one documentation page per installed parindex framework.

At ``builder-inited`` it asks :func:`parindex.registry` for every installed framework
and writes ``frameworks/generated/<id with / replaced by ->.md`` (MyST Markdown): the
metadata with the provenance of each fact, the bands, the sources, the whole criteria
tree as a table, and what validation reports (maxima that do not add up, unknowns).

The folder is generated output (git-ignored); files are rewritten only when their text
changes, and pages of frameworks no longer installed are removed.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

GENERATED = Path("frameworks") / "generated"

#: Framework-level facts, in the order shown, with a readable label.
FACTS = (
    ("legal_basis", "legal basis"),
    ("years", "years"),
    ("not_arising", "not arising (x)"),
    ("band_basis", "band basis"),
    ("band_method", "band method"),
    ("decimals", "decimals (display)"),
    ("ranking", "ranking"),
    ("rank_by", "rank by"),
    ("tie_break", "tie break"),
)

_SPECIAL = "\\`*_[]<>|{}$#"


def esc(text: object) -> str:
    """Text for a Markdown table cell: special characters escaped, on one line."""
    value = "" if text is None else str(text)
    value = " ".join(value.split())
    return "".join("\\" + ch if ch in _SPECIAL else ch for ch in value)


class _Raw(str):
    """A cell already in Markdown (not escaped)."""


def _table(header: Iterable[str], rows: Iterable[Iterable[object]]) -> list[str]:
    header = list(header)
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for row in rows:
        lines.append("| " + " | ".join(esc(cell) if not isinstance(cell, _Raw) else cell
                                      for cell in row) + " |")
    return lines


def _number(value: Any) -> str:
    if value is None:
        return "unknown"
    from parindex._base.numbers import plain

    return plain(value)


def _fact_value(framework: Any, fact: str) -> str:
    if fact == "legal_basis":
        return framework.legal_basis.decision
    if fact == "years":
        last = framework.last_year
        return f"{framework.first_year}–{last if last is not None else '(open)'}"
    if fact == "tie_break":
        return ", ".join(framework.tie_break) or "none (tied units share a rank)"
    value = getattr(framework, fact)
    return str(getattr(value, "value", value))


def _rule_cell(node: Any) -> str:
    """How a node is scored, for the criteria table."""
    if node.children:
        return ""
    rule = node.rule
    if rule is None:
        return "given"
    params = ", ".join(f"{k} = {_param(v)}" for k, v in rule.params.items())
    status = rule.provenance.status.value + (f", {rule.provenance.source}"
                                             if rule.provenance.source else "")
    return f"{rule.kind}" + (f" ({params})" if params else "") + f" [{status}]"


def _param(value: Any) -> str:
    from decimal import Decimal

    from parindex._base.numbers import plain

    if isinstance(value, Decimal):
        return plain(value)
    if isinstance(value, tuple):
        return "; ".join(_param(v) for v in value)
    if hasattr(value, "items"):
        return " ".join(f"{k} {_param(v)}" for k, v in value.items())
    return str(value)


def page_name(framework_id: str) -> str:
    """The file stem of a framework's page: its id with ``/`` replaced by ``-``."""
    return framework_id.replace("/", "-")


def render(framework: Any, provider: Any | None = None) -> str:
    """The MyST Markdown page of one framework."""
    from parindex import NodeKind

    lines: list[str] = [
        f"# {framework.id}",
        "",
        f"**{esc(framework.name)}**" + (f" ({esc(framework.name_en)})"
                                        if framework.name_en else ""),
        "",
        "This page is generated when the documentation is built, from the framework as "
        "installed. Every number carries its status: *seed* (printed in a founding "
        "document), *read* (stated by a public source), *inferred* (deduced; see the "
        "note), *assumed* (a user's working hypothesis, never to be published), or "
        "*unknown* (no source gives it).",
        "",
    ]
    rows = [("id", framework.id), ("level", framework.level),
            ("maximum", _number(framework.max))]
    if provider is not None:
        rows.append(("plugin", f"{provider.name} ({provider.distribution} "
                               f"{provider.version})"))
    completeness = framework.completeness()
    rows.append(("nodes (seed / read / inferred / assumed / unknown)",
                 " / ".join(str(completeness[s]) for s in completeness)))
    lines += _table(["property", "value"], rows) + [""]

    legal = framework.legal_basis
    lines += ["## Legal basis", ""]
    lines += _table(["property", "value"], [
        ("decision", legal.decision),
        ("date", legal.date.isoformat() if legal.date else "unknown"),
        ("title", legal.title or ""),
        ("issuer", legal.issuer or ""),
        ("replaces", legal.replaces or ""),
    ]) + [""]

    lines += ["## Years and policies", ""]
    fact_rows = []
    for fact, label in FACTS:
        provenance = framework.fact(fact)
        fact_rows.append((label, _fact_value(framework, fact),
                          provenance.status.value if provenance else "not stated",
                          provenance.source if provenance and provenance.source else "",
                          provenance.note if provenance and provenance.note else ""))
    lines += _table(["fact", "value", "status", "source", "note"], fact_rows) + [""]

    lines += ["## Bands", ""]
    lines += [f"Bands are decided on the **{framework.band_basis.value}**, from the highest "
              "down; each runs from its minimum (inclusive) up to the minimum of the band above it "
              "(exclusive).", ""]
    lines += _table(["band", "English", "from", "status", "source", "note"], [
        (b.name, b.name_en or "", _number(b.min), b.provenance.status.value,
         b.provenance.source or "", b.provenance.note or "")
        for b in framework.bands]) + [""]

    lines += ["## Sources", ""]
    if framework.sources:
        lines += _table(["key", "citation"], sorted(framework.sources.items())) + [""]
    else:
        lines += ["No sources are listed.", ""]

    lines += ["## Criteria", ""]
    node_rows = []

    def visit(node: Any, depth: int) -> None:
        name = "&emsp;" * (2 * depth) + esc(node.name)
        if depth == 0 and node.kind is not NodeKind.CRITERION:
            name += f" *({node.kind.value})*"
        note = node.provenance.note or ""
        if node.not_arising is not None:
            note = (f"Not arising (x): {node.not_arising.value}. " + note).strip()
        node_rows.append((node.code, _Raw(name), _number(node.max),
                          node.provenance.status.value, node.provenance.source or "",
                          _rule_cell(node), note))
        for child in node.children:
            visit(child, depth + 1)

    for top in framework.criteria:
        visit(top, 0)
    lines += ["The *status* and *source* are those of the maximum. The *rule* says how a "
              "leaf is scored: *given* (the council's points), a rule kind with its "
              "parameters and its own status and source, or *unknown* (no source says; "
              "given points only). See the scoring rules page.", ""]
    lines += _table(["code", "name", "max", "status", "source", "rule", "note"],
                    node_rows) + [""]

    lines += ["## Checks", ""]
    lines += ["What `parindex validate` reports for this framework.", ""]
    lines += ["### Maxima that do not add up", ""]
    mismatches = framework.maxima_mismatches()
    if mismatches:
        lines += _table(["code", "max", "items' maxima", "not itemised"], [
            (m.code, _number(m.max), _number(m.children_max), _number(m.difference))
            for m in mismatches]) + [""]
    else:
        lines += ["None: every node's children add up to its maximum.", ""]
    lines += ["### Unknowns", ""]
    unknowns = framework.unknowns()
    if unknowns:
        lines += ["Values no source gives:", ""]
        lines += [f"- `{u}`" for u in unknowns] + [""]
        lines += ["Scoring refuses, with a message, wherever an unknown maximum, band "
                  "threshold or not-arising policy decides a result. A framework-level fact "
                  "marked unknown (such as `ranking`) keeps the value written in the file, "
                  "which is then a convention, not a sourced fact.", ""]
    else:
        lines += ["None.", ""]
    rules = framework.unknown_rules()
    if rules:
        lines += ["Leaves whose scoring rule no source gives (they accept given points only; "
                  "an overlay can supply the rule):", ""]
        lines += [f"- `{r}`" for r in rules] + [""]
    return "\n".join(lines)


def _write(path: Path, text: str) -> None:
    if path.exists() and path.read_text(encoding="utf-8") == text:
        return
    path.write_text(text, encoding="utf-8")


def generate(srcdir: Path) -> list[Path]:
    """Write the pages of every installed framework; return the paths written."""
    import parindex

    folder = Path(srcdir) / GENERATED
    folder.mkdir(parents=True, exist_ok=True)
    registry = parindex.registry()
    written = []
    for framework_id, framework in registry.frameworks.items():
        path = folder / f"{page_name(framework_id)}.md"
        _write(path, render(framework, registry.provider(framework_id)))
        written.append(path)
    if not written:
        path = folder / "none.md"
        _write(path, "# No framework installed\n\nInstall a province plugin, e.g. "
                     "`parindex-thua-thien-hue`, and build the documentation again.\n")
        written.append(path)
    for stale in folder.glob("*.md"):
        if stale not in written:
            stale.unlink()
    return written


def _on_builder_inited(app: Any) -> None:
    generate(Path(app.srcdir))


def setup(app: Any) -> dict[str, Any]:
    app.connect("builder-inited", _on_builder_inited)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
