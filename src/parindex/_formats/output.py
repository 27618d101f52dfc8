"""Results as plain data (for JSON): decimals as exact strings, enums as their values."""

from __future__ import annotations

import enum
import json
import json.encoder
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from typing import Any

import cattrs

from .._base.model import Framework, Rule, Status
from .._base.numbers import plain
from .._plugins.registry import PluginInfo
from .._engine.results import Discrepancy, Finding, NodeResult, Result
from .toml import rule_to_dict

converter = cattrs.Converter()
converter.register_unstructure_hook(Decimal, plain)
converter.register_unstructure_hook(Fraction, lambda f: f"{f.numerator}/{f.denominator}")
converter.register_unstructure_hook(enum.Enum, lambda e: e.value)


class Encoded:
    """A value already written as compact JSON text (:func:`encoded`), which
    :func:`json_text` writes as it is inside a record (a line of the document): a part
    that many records share (a field's change, in a comparison of two large tables) is
    encoded once, not once per record."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Encoded) and other.text == self.text

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Encoded({self.text!r})"


def encoded(value: Any) -> Encoded:
    """``value`` written once as :func:`json_text` writes it inside a record."""
    return Encoded(_one_value(value))


#: What an :class:`Encoded` value stands in for while its record is encoded: a string
#: no record holds (or the record is encoded again without it).
_MARK = "\x00parindex: encoded JSON\x00"


def _not_json(value: Any) -> TypeError:
    return TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


def _parsed(value: Any) -> Any:
    if isinstance(value, Encoded):
        return json.loads(value.text)
    raise _not_json(value)


def _encoder(default: Callable[[Any], Any]) -> Callable[[Any], str]:
    """``JSONEncoder(ensure_ascii=False, check_circular=False, default=default).encode``,
    its C encoder made once rather than once per value (a large document's records are
    encoded one by one: remaking it took a fifth of the time)."""
    plain_encoder = json.JSONEncoder(ensure_ascii=False, check_circular=False, default=default)
    make = getattr(json.encoder, "c_make_encoder", None)
    if make is None:  # no C accelerator (the pure-Python json module)
        return plain_encoder.encode
    chunks = make(None, default, json.encoder.encode_basestring, None,
                  plain_encoder.key_separator, plain_encoder.item_separator, False, False,
                  True)
    return lambda value: "".join(chunks(value, 0))


#: :func:`encoded`'s writer (an :class:`Encoded` part inside is parsed and written again).
_one_value = _encoder(_parsed)


def _compact_writer() -> Callable[[Any], str]:
    """A writer of compact JSON text of one value, by the json module's C encoder
    (``indent`` would make it fall back to the pure-Python encoder, about 4× slower on a
    10,000-unit document); an :class:`Encoded` part is written as it is."""
    found: list[str] = []

    def stand_in(value: Any) -> Any:
        if isinstance(value, Encoded):
            found.append(value.text)
            return _MARK
        raise _not_json(value)

    encode = _encoder(stand_in)
    mark = encode(_MARK)

    def compact(value: Any) -> str:
        found.clear()
        text = encode(value)
        if not found:
            return text
        parts = text.split(mark)
        if len(parts) != len(found) + 1:  # the record holds the mark itself: parse the parts
            return json.dumps(value, ensure_ascii=False, check_circular=False, default=_parsed)
        return "".join([part for pair in zip(parts, found) for part in pair]) + parts[-1]

    return compact


def json_text(data: Any) -> str:
    """A document as every ``--json`` prints it: the top-level object's members one per
    line, and the members of each list or object inside it (a unit, a node, a problem)
    one per line too, each written compactly on its line. Readable and greppable record
    by record, and as fast as compact JSON on large documents.

    >>> print(json_text({"unit": "Xã A", "nodes": {"1": {"points": "5.86", "max": "10.0"}},
    ...                  "problems": []}))
    {
      "unit": "Xã A",
      "nodes": {
        "1": {"points": "5.86", "max": "10.0"}
      },
      "problems": []
    }
    """
    compact = _compact_writer()

    def write(value: Any, depth: int, indent: str) -> str:
        if depth >= 2 or not value or not isinstance(value, (dict, list)):
            return compact(value)
        inner = indent + "  "
        if isinstance(value, dict):
            lines = [f"{inner}{compact(k if isinstance(k, str) else compact(k))}: "
                     f"{write(v, depth + 1, inner)}" for k, v in value.items()]
        else:
            lines = [inner + write(v, depth + 1, inner) for v in value]
        opening, closing = ("{", "}") if isinstance(value, dict) else ("[", "]")
        return f"{opening}\n" + ",\n".join(lines) + f"\n{indent}{closing}"

    return write(data, 0, "")


def _optional(value: Decimal | None) -> str | None:
    return None if value is None else plain(value)


def node_to_dict(node: NodeResult, framework: Framework) -> dict[str, Any]:
    """One node's result; points and maxima as exact decimal strings.

    ``status`` says how the points arose (``given``, ``computed``, ``derived``,
    ``not-arising``, ``missing``); ``provenance`` how the maximum is established (``seed``,
    ``read``, ``inferred``, ``assumed``, ``unknown``). ``rule`` is the leaf's rule as written in the
    framework (``null``: points given), ``inputs`` the figures it was computed from and
    ``explanation`` how.
    """
    return {
        "name": node.name,
        "kind": node.kind.value,
        "points": _optional(node.points),
        "max": _optional(node.max),
        "arising_max": _optional(node.arising_max),
        "lost": _optional(node.lost),
        "status": node.status,
        "self_assessed": _optional(node.self_assessed),
        "self_difference": _optional(node.self_difference),
        "comment": node.comment,
        "provenance": framework.nodes[node.code].provenance.status.value,
        "rule": None if node.rule is None else rule_to_json(node.rule),
        "inputs": None if node.inputs is None else {
            name: value if isinstance(value, bool) else plain(value)
            for name, value in node.inputs.items()},
        "explanation": node.explanation,
    }


def rule_to_json(rule: Rule) -> dict[str, Any]:
    """A rule as JSON: its TOML table, numbers as exact decimal strings."""
    return _strings(rule_to_dict(rule))  # type: ignore[no-any-return]


def _strings(value: Any) -> Any:
    if isinstance(value, Decimal):
        return plain(value)
    if isinstance(value, dict):
        return {k: _strings(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_strings(v) for v in value]
    return value


def discrepancy_to_dict(discrepancy: Discrepancy) -> dict[str, Any]:
    """A discrepancy; ``code`` repeats ``what`` (a criterion code, or e.g. ``total``)."""
    return {"code": discrepancy.what, **converter.unstructure(discrepancy)}


def result_to_dict(result: Result) -> dict[str, Any]:
    """Everything ``parindex score --json`` prints.

    ``index`` is rounded half up to the framework's decimals for display;
    ``index_exact`` is the exact fraction it was banded and ranked on.
    """
    return {
        "framework": result.framework.id,
        "unit": result.unit,
        "year": result.assessment.year,
        "group": result.group,
        "total": plain(result.total),
        "max": _optional(result.max),
        "arising_max": plain(result.arising_max),
        "appraised": plain(result.appraised),
        "survey": plain(result.survey),
        "bonus": plain(result.bonus),
        "penalty": plain(result.penalty),
        "index": None if result.index is None else result.display(result.index),
        "index_exact": converter.unstructure(result.index),
        "band": result.band.name if result.band else None,
        "decimals": result.framework.decimals,
        "nodes": {code: node_to_dict(node, result.framework) for code, node in result.nodes.items()},
        "findings": [converter.unstructure(f, Finding) for f in result.findings],
        "discrepancies": [discrepancy_to_dict(d) for d in result.discrepancies],
        "unchecked": list(result.unchecked),
    }


def framework_summary(framework: Framework, provider: PluginInfo | None = None) -> dict[str, Any]:
    """What ``parindex frameworks --json`` prints for one framework."""
    counts = framework.completeness()
    return {
        "id": framework.id,
        "name": framework.name,
        "name_en": framework.name_en,
        "index_kind": framework.index_kind.value,
        "companion": framework.is_companion,
        "level": framework.level,
        "legal_basis": framework.legal_basis.decision,
        "date": framework.legal_basis.date.isoformat() if framework.legal_basis.date else None,
        "first_year": framework.first_year,
        "last_year": framework.last_year,
        "max": _optional(framework.max),
        "nodes": sum(counts.values()),
        "completeness": {status.value: counts[status] for status in Status},
        "unknowns": framework.unknowns(),
        "assumptions": framework.assumptions(),
        "maxima_mismatches": [str(m) for m in framework.maxima_mismatches()],
        "plugin": provider.name if provider else None,
        "distribution": provider.distribution if provider else None,
    }


def completeness_detail(framework: Framework) -> dict[str, Any]:
    """What ``parindex frameworks --completeness`` adds for one framework.

    ``rules`` counts the leaves by how they are scored (``given``: no rule, points given;
    else the rule's kind, ``unknown`` where no source says); ``statuses`` lists the codes
    of the nodes by the status of their maximum; ``bands`` and ``facts`` give the status
    of each band threshold and framework-level fact.
    """
    rules: dict[str, int] = {}
    statuses: dict[str, list[str]] = {status.value: [] for status in Status}
    for node in framework.walk():
        statuses[node.provenance.status.value].append(node.code)
        if node.is_leaf:
            kind = "given" if node.rule is None else node.rule.kind
            rules[kind] = rules.get(kind, 0) + 1
    return {
        "derived_from": framework.derived_from,
        "rules": rules,
        "unknown_rules": framework.unknown_rules(),
        "statuses": statuses,
        "bands": {band.name: band.provenance.status.value for band in framework.bands},
        "facts": {name: p.status.value for name, p in framework.provenance.items()},
    }


def plugin_to_dict(plugin: PluginInfo) -> dict[str, Any]:
    """What ``parindex plugins --json`` prints for one plugin."""
    return converter.unstructure(plugin)  # type: ignore[no-any-return]
