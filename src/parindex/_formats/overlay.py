"""Completion overlays: a user's file that completes or corrects a shipped framework.

Public sources are incomplete, so shipped frameworks mark many numbers ``"unknown"``. An
official who holds the decision's annex writes an *overlay*: a TOML file that names the
shipped framework (``base``), gives the derived framework its own ``id``, cites its own
``[sources]``, and sets maxima, rules, names, bands and framework-level facts. The
overlay is checked against its base (unknown codes, changed totals, conflicts with
sourced values are errors with file and line), and :func:`apply_overlay` yields a new
:class:`~parindex.Framework` whose provenance is the base's, except on what the overlay
set, which carries the overlay's own source.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import attrs

from .._base.errors import FrameworkError, Origin, Problem, UnknownFrameworkError
from .._base.i18n import Sentence, reason
from .._base.files import check_input
from .._plugins.registry import bind
from .._base.model import (
    FRAMEWORK_ID,
    Framework,
    Node,
    NodeKind,
    NotArisingPolicy,
    Provenance,
    Status,
    nfc,
)
from .toml import (
    FACTS,
    Collector,
    read_bands,
    check_unknown_consistency,
    read_method_name,
    number_or_unknown,
    parse_toml,
    provenance_reader,
    read_text,
    read_rule,
    unknown_keys,
    index_bands,
)
from . import toml as _toml

#: Top-level keys of an overlay file.
_OVERLAY_KEYS = ("base", "id", "name", "name_en", "corrects", "decimals", "not_arising",
                 "band_basis", "band_method", "ranking", "rank_by", "tie_break", "sources",
                 "provenance", "bands", "criteria", "first_year", "last_year")
#: Keys of an overlay's ``[criteria."code"]`` table.
_OVERLAY_NODE_KEYS = ("name", "name_en", "max", "not_arising", "rule", "status", "source",
                      "note")
#: Keys of a node the overlay adds beneath the base's (a framework file's node keys).
_ADDED_NODE_KEYS = ("name", "name_en", "max", "parent", "not_arising", "rule", "status",
                    "source", "note", "unitemized")
#: Framework-level facts an overlay may set (each needs its ``[provenance]`` entry).
_SETTABLE = ("decimals", "not_arising", "band_basis", "band_method", "ranking", "rank_by",
             "tie_break")

#: Names the shipped frameworks give to bands and nodes whose name no source prints.
PLACEHOLDER_NAME = "(tên không có trong nguồn)"


@attrs.frozen
class Overlay:
    """A completion overlay as read from its file, before it is applied to its base.

    :param base: the id of the framework it completes.
    :param id: the id of the derived framework.
    :param data: the file's TOML structure.
    :param origin: the file and the line of each key, for messages.
    """

    base: str
    id: str
    data: Mapping[str, Any] = attrs.field(repr=False)
    origin: Origin = attrs.field(factory=lambda: Origin(None), repr=False, eq=False)


def load_overlay(path: str | Path) -> Overlay:
    """Read an overlay file (see the overlays docs); :func:`apply_overlay` checks it.

    :raises FrameworkError: not TOML, or ``base`` or ``id`` missing, with file and line.
    """
    text, path = read_text(path, FrameworkError)
    return loads_overlay(text, path=path)


def loads_overlay(text: str, *, path: Path | None = None) -> Overlay:
    """Read an overlay from TOML text (``path`` is only used in messages)."""
    data = parse_toml(text, path, FrameworkError)
    origin = Origin.scan(text, path)
    c = Collector(origin)
    c.problems += unknown_keys(data, _OVERLAY_KEYS, origin)
    base = c.get(data, "base", str)
    derived = c.get(data, "id", str)
    if derived is not None and not FRAMEWORK_ID.match(nfc(derived)):
        c.add(Sentence("ov_bad_id", id=repr(derived)), "id")
    if c.problems:
        raise FrameworkError(c.problems)
    return Overlay(nfc(base), nfc(derived), data, origin)


def apply_overlay(overlay: Overlay, base: Framework | None = None) -> Framework:
    """The framework an overlay derives from its base.

    :param base: the framework it completes; default: the installed one it names.
    :raises FrameworkError: every problem at once, each with the overlay's file, line and
        criterion code: unknown codes or keys, a value without status and source, a value
        that changes a sourced one without being listed in ``corrects``, maxima that no
        longer add up, a total that changes.
    :raises UnknownFrameworkError: the base is not installed.
    """
    if base is None:
        from .._plugins.registry import get_framework

        try:
            base = get_framework(overlay.base)
        except UnknownFrameworkError as error:
            # Say which file names the base, and where.
            raise UnknownFrameworkError(overlay.origin.problem(reason(error), "base")) from None
    data, origin = overlay.data, overlay.origin
    c = Collector(origin)
    if base.id != overlay.base:
        c.add(Sentence("ov_other_base", named=repr(overlay.base), base=repr(base.id)), "base")
    if overlay.id == base.id:
        c.add(Sentence("ov_own_id", id=base.id), "id")
    elif overlay.id.split("/")[1] != base.level:
        c.add(Sentence("ov_level", level=repr(base.level)), "id")

    own_sources = c.get(data, "sources", dict, required=False) or {}
    if not own_sources:
        c.add(Sentence("ov_own_sources"), "sources")
    for key, citation in own_sources.items():
        if not isinstance(citation, str):
            c.add(Sentence("e_citation_text"), "sources", key)
        elif key in base.sources and nfc(citation) != base.sources[key]:
            c.add(Sentence("ov_source_taken", name=repr(key)), "sources", key)
    sources = {**base.sources, **{nfc(k): nfc(v) for k, v in own_sources.items()
                                  if isinstance(v, str)}}
    provenance = provenance_reader(c, sources)
    corrects = _corrects(c, data)
    used: set[str] = set()

    def conflict(path: str, was: object, now: object, *where: str, code: str | None = None
                 ) -> None:
        """A sourced base value changed: allowed only when ``corrects`` lists it."""
        if path in corrects:
            used.add(path)
            return
        c.add(Sentence("ov_conflict", was=was, path=path, quoted=repr(path)), *where,
              code=code)

    criteria = _criteria(c, base, c.get(data, "criteria", dict, required=False) or {},
                         provenance, conflict)
    facts, fact_provenance = _facts(c, base, data, provenance, conflict)
    bands = base.bands
    if "bands" in data:
        bands = tuple(read_bands(c, c.get(data, "bands", list) or [], provenance))
        index_bands(c, bands, data.get("band_basis", base.band_basis.value))
        if bands != base.bands and any(b.min is not None and _sourced(b.provenance)
                                       for b in base.bands):
            conflict("bands", Sentence("ov_was_thresholds"), "new bands", "bands")
    name = c.get(data, "name", str, required=False)
    name_en = c.get(data, "name_en", str, required=False)
    for path in sorted(corrects - used):
        c.add(Sentence("ov_corrects_unused", path=repr(path)), "corrects")
    if c.problems:
        raise FrameworkError(c.problems)
    try:
        derived = attrs.evolve(
            base, id=overlay.id, name=name or base.name, name_en=name_en or base.name_en,
            criteria=criteria, bands=bands, sources=sources,
            provenance={**base.provenance, **fact_provenance}, derived_from=base.id,
            **facts)
    except FrameworkError as exc:
        raise FrameworkError(attrs.evolve(p, path=origin.path, line=p.line or _line(origin, p))
                             for p in exc.problems) from None
    _check_totals(c, base, derived)
    if c.problems:
        raise FrameworkError(c.problems)
    return bind(derived)  # an overlay may name a plugin's rule kind the base did not


def _line(origin: Origin, problem: Problem) -> int | None:
    """The overlay line a problem of the derived framework comes from, where there is one."""
    if problem.code is not None and origin.line("criteria", problem.code):
        return origin.line("criteria", problem.code)
    if problem.key:
        return origin.line(problem.key) or origin.line(problem.key, "0")
    return None


def _corrects(c: Collector, data: Mapping[str, Any]) -> set[str]:
    value = c.get(data, "corrects", list, required=False) or []
    if any(not isinstance(v, str) for v in value):
        c.add(Sentence("ov_corrects_text"), "corrects")
        return set()
    return {nfc(v) for v in value}


def _criteria(c: Collector, base: Framework, tables: Mapping[str, Any], provenance: Any,
              conflict: Any) -> tuple[Node, ...]:
    """The base tree with each ``[criteria."code"]`` table of the overlay applied."""
    changed: dict[str, Node] = {}
    codes = list(base.nodes)
    added = _added(c, base, tables, provenance)
    added_codes = {n.code for _, root in added.values() for n in root.walk()}
    for raw_code, table in tables.items():
        code = nfc(raw_code)
        where = ("criteria", raw_code)
        node = base.nodes.get(code)
        if code in added_codes:
            continue
        if node is None:
            close = difflib.get_close_matches(code, codes, n=1, cutoff=0.6)
            wrong = Sentence("e_not_a_criterion", code=repr(code), framework=base.id)
            if close:
                wrong += Sentence("e_did_you_mean", close=repr(close[0]))
            c.add(wrong + Sentence("ov_adds_beneath"), *where, code=code)
            continue
        if not isinstance(table, dict):
            c.add(Sentence("fw_criterion_table"), *where, code=code)
            continue
        c.problems += unknown_keys(table, _OVERLAY_NODE_KEYS, c.origin, *where)
        changes: dict[str, Any] = {}
        if "max" in table:
            maximum = number_or_unknown(c, table, "max", where, code)
            prov = provenance(table, *where, code=code)
            check_unknown_consistency(c, maximum, table, prov, where, "max", code)
            if maximum is None:
                c.add(Sentence("ov_numbers_only"), *where, "max", code=code)
            elif node.max is not None and maximum != node.max \
                    and _sourced(node.provenance):
                conflict(f"criteria.{code}.max", Sentence(
                    "ov_was_max", max=node.max, status=node.provenance.status.value),
                    maximum, *where, "max", code=code)
            if maximum != node.max or not _sourced(node.provenance):
                # A value the base already sources keeps its (stronger or equal) provenance.
                changes.update(max=maximum, provenance=prov)
        elif any(k in table for k in ("status", "source", "note")):
            c.add(Sentence("ov_provenance_of_max"), *where, code=code)
        for key in ("name", "name_en"):
            value = c.get(table, key, str, *where, required=False, code=code)
            if value is None:
                continue
            old = getattr(node, key)
            if old is not None and old != PLACEHOLDER_NAME and nfc(value) != old:
                conflict(f"criteria.{code}.{key}", repr(old), value, *where, key, code=code)
            changes[key] = value
        if "not_arising" in table:
            policy = c.enum(table, "not_arising", NotArisingPolicy, None, *where)
            was, sourced = _policy_of(base, code)
            if sourced and policy is not None and policy is not was:
                conflict(f"criteria.{code}.not_arising", f"not_arising {was.value!r}",
                         policy, *where, "not_arising", code=code)
            changes["not_arising"] = policy
        if "rule" in table:
            maximum = changes.get("max", node.max)
            rule = read_rule(c, table["rule"], where, code, maximum, provenance)
            if rule is not None:
                if rule.kind == "unknown":
                    c.add(Sentence("ov_rules_only"), *where, "rule", code=code)
                elif node.rule is not None and node.rule.kind != "unknown" \
                        and _sourced(node.rule.provenance) and rule != node.rule:
                    conflict(f"criteria.{code}.rule",
                             Sentence("ov_was_rule", kind=node.rule.kind), rule.kind, *where,
                             "rule", code=code)
                if node.children:
                    c.add(Sentence("ov_rule_has_items"), *where, "rule", code=code)
                changes["rule"] = rule
        changed[code] = attrs.evolve(node, **changes)

    beneath: dict[str, list[tuple[str, Node]]] = {}
    for code, (parent, node) in added.items():
        beneath.setdefault(parent, []).append((code, node))

    def rebuild(node: Node) -> Node:
        new = changed.get(node.code, node)
        kids = [rebuild(child) for child in node.children]
        extra = [_with_kind(child, node.kind) for _, child in beneath.get(node.code, [])]
        if extra and new.rule is not None:
            if new.rule.computes:
                first = beneath[node.code][0][0]
                c.add(Sentence("ov_items_beneath_rule", code=node.code, kind=new.rule.kind),
                      "criteria", first, code=first)
            else:
                new = attrs.evolve(new, rule=None)  # "unknown": its items are scored now
        if extra:
            kids = _in_code_order([*kids, *extra])
        if kids or node.children:
            new = attrs.evolve(new, children=kids)
        return new

    return tuple(rebuild(node) for node in base.criteria)


def _sourced(provenance: Provenance) -> bool:
    """Whether a base value rests on a source, so that changing it is a conflict. An
    unknown or an assumed value (a working hypothesis) may be replaced freely."""
    return provenance.status not in (Status.UNKNOWN, Status.ASSUMED)


def _with_kind(node: Node, kind: NodeKind) -> Node:
    """An added subtree takes the kind of the node it hangs beneath, as children do."""
    return attrs.evolve(node, kind=kind,
                        children=[_with_kind(child, kind) for child in node.children])


def _code_key(code: str) -> tuple[tuple[int, int | str], ...]:
    """Printed order of sibling codes: 3.4.2 between 3.4.1 and 3.4.3, 3.10 after 3.9."""
    return tuple((0, int(part)) if part.isdigit() else (1, part) for part in code.split("."))


def _in_code_order(children: list[Node]) -> list[Node]:
    # Stable: siblings whose codes do not compare (letters beside numbers) keep their order.
    return sorted(children, key=lambda node: _code_key(node.code))


def _added(c: Collector, base: Framework, tables: Mapping[str, Any], provenance: Any
           ) -> dict[str, tuple[str, Node]]:
    """The nodes an overlay adds beneath the base's (or beneath other added ones), each
    with its parent's code, in file order; a full node table, as in a framework file."""
    raw: dict[str, tuple[str, Mapping[str, Any]]] = {}
    for raw_code, table in tables.items():
        code = nfc(raw_code)
        if code in base.nodes or not isinstance(table, dict):
            continue
        parent = table.get("parent")
        if not isinstance(parent, str):
            parent = code.rsplit(".", 1)[0] if "." in code else None
        if parent is None:
            continue  # a new top-level node: reported as an unknown code
        raw[code] = (nfc(parent), table)
    # Keep only the codes whose chain of parents reaches the base's tree.
    reachable: dict[str, str] = {}
    grew = True
    while grew:
        grew = False
        for code, (parent, _) in raw.items():
            if code not in reachable and (parent in base.nodes or parent in reachable):
                reachable[code] = parent
                grew = True
    added: dict[str, tuple[str, Node]] = {}
    for code in [code for code in raw if code in reachable]:
        parent, table = raw[code]
        where = ("criteria", code)
        c.problems += unknown_keys(table, _ADDED_NODE_KEYS, c.origin, *where)
        maximum = number_or_unknown(c, table, "max", where, code)
        prov = provenance(table, *where, code=code)
        check_unknown_consistency(c, maximum, table, prov, where, "max", code)
        if maximum is None and "max" in table:
            c.add(Sentence("ov_added_needs_max"), *where, "max", code=code)
        name = c.get(table, "name", str, *where, code=code)
        policy = c.enum(table, "not_arising", NotArisingPolicy, None, *where)
        rule = read_rule(c, table["rule"], where, code, maximum, provenance) \
            if "rule" in table else None
        try:
            node = Node(code=code, name=name or "?", max=maximum, provenance=prov,
                        name_en=c.get(table, "name_en", str, *where, required=False,
                                      code=code),
                        not_arising=policy, rule=rule,
                        unitemized=_toml.unitemized(c, table, where, code))
        except FrameworkError as exc:
            c.problems += [attrs.evolve(p, path=c.origin.path,
                                        line=c.origin.line(*where)) for p in exc.problems]
            continue
        added[code] = (parent, node)
    # An added node's added items hang beneath it; the rest hang beneath the base's nodes.
    kids: dict[str, list[str]] = {}
    for code, (parent, _) in added.items():
        kids.setdefault(parent, []).append(code)

    def nest(code: str) -> Node:
        node = added[code][1]
        below = [nest(k) for k in kids.get(code, [])]
        return attrs.evolve(node, children=_in_code_order(below)) if below else node

    return {code: (parent, nest(code)) for code, (parent, _) in added.items()
            if parent not in added}


def _policy_of(base: Framework, code: str) -> tuple[NotArisingPolicy, bool]:
    """The not-arising policy a node has in the base, and whether a source gives it."""
    at: str | None = code
    while at is not None:
        override = base.nodes[at].not_arising
        if override is not None:
            return override, override is not NotArisingPolicy.UNKNOWN
        at = base.parents[at]
    fact = base.provenance.get("not_arising")
    sourced = fact is not None and _sourced(fact)
    return base.not_arising, sourced and base.not_arising is not NotArisingPolicy.UNKNOWN


def _facts(c: Collector, base: Framework, data: Mapping[str, Any], provenance: Any,
           conflict: Any) -> tuple[dict[str, Any], dict[str, Provenance]]:
    """Framework-level facts the overlay sets, and their provenance."""
    from .._base.model import BandBasis, RankBasis, ranking_name

    facts: dict[str, Any] = {}
    tables = c.get(data, "provenance", dict, required=False) or {}
    c.problems += unknown_keys(tables, FACTS, c.origin, "provenance")
    fact_provenance: dict[str, Provenance] = {}
    for fact, table in tables.items():
        if fact in FACTS and isinstance(table, dict):
            fact_provenance[fact] = provenance(table, "provenance", fact)
            if fact_provenance[fact].status is Status.UNKNOWN:
                c.add(Sentence("ov_status_not_unknown"), "provenance", fact, "status")
    if "decimals" in data:
        value = c.get(data, "decimals", int)
        if value is not None:
            facts["decimals"] = value
    if "not_arising" in data:
        facts["not_arising"] = c.enum(data, "not_arising", NotArisingPolicy, base.not_arising)
    if "band_basis" in data:
        facts["band_basis"] = c.enum(data, "band_basis", BandBasis, base.band_basis)
    if "rank_by" in data:
        facts["rank_by"] = c.enum(data, "rank_by", RankBasis, base.rank_by)
    if "ranking" in data:
        facts["ranking"] = ranking_name(read_method_name(c, data, "ranking", "competition"))
    if "band_method" in data:
        facts["band_method"] = read_method_name(c, data, "band_method", "minimum")
    if "tie_break" in data:
        codes = c.get(data, "tie_break", list) or []
        facts["tie_break"] = [nfc(x) for x in codes if isinstance(x, str)]
    for fact, given in fact_provenance.items():
        known = base.provenance.get(fact)
        sets_years = fact == "years" and ("first_year" in data or "last_year" in data)
        if fact not in facts and not sets_years and known is not None and _sourced(known) \
                and given != known:
            conflict(fact, Sentence("ov_was_provenance", status=known.status.value,
                                    source=known.source), given, "provenance", fact)
    _years(c, base, data, facts, fact_provenance, conflict)
    for fact in facts:
        if fact in ("first_year", "last_year"):
            continue  # their provenance is the fact "years", checked by _years
        if fact not in fact_provenance:
            c.add(Sentence("ov_fact_provenance", fact=fact), fact)
        known = base.provenance.get(fact)
        if known is not None and _sourced(known) \
                and getattr(base, fact) != facts[fact] and not \
                (fact == "tie_break" and tuple(facts[fact]) == base.tie_break):
            conflict(fact, f"{fact} {getattr(base, fact)!r} ({known.status.value})",
                     facts[fact], fact)
    return facts, fact_provenance


def _years(c: Collector, base: Framework, data: Mapping[str, Any], facts: dict[str, Any],
           fact_provenance: Mapping[str, Provenance], conflict: Any) -> None:
    """``first_year`` and ``last_year``: an overlay may extend the years a framework covers
    (a later decision keeps the criteria), with the source in ``[provenance] years``;
    narrowing sourced years is a conflict like any other."""
    given = {key: c.get(data, key, int, required=False) for key in ("first_year", "last_year")
             if key in data}
    given = {key: value for key, value in given.items() if value is not None}
    if not given:
        return
    if "years" not in fact_provenance:
        c.add(Sentence("ov_years_provenance"), next(iter(given)))
    first = given.get("first_year", base.first_year)
    last = given.get("last_year", base.last_year)
    narrows = first > base.first_year or (base.last_year is None and "last_year" in given) \
        or (base.last_year is not None and last is not None and last < base.last_year)
    known = base.provenance.get("years")
    if narrows and known is not None and _sourced(known):
        was = f"{base.first_year}–{base.last_year or ''}"
        conflict("years", Sentence("ov_was_years", years=was, status=known.status.value),
                 f"{first}–{last or ''}",
                 *(("first_year",) if first > base.first_year else ("last_year",)))
    facts.update(given)


def _check_totals(c: Collector, base: Framework, derived: Framework) -> None:
    """Maxima that no longer add up, and a total that changes, are the overlay's errors."""
    # Items whose maxima add up to less than their parent's are a source that itemises
    # only part of it (a warning, as in any framework); more than the parent's is an error.
    before = {m.code for m in base.maxima_mismatches()}
    for mismatch in derived.maxima_mismatches():
        if mismatch.code not in before and mismatch.difference < 0:
            c.add(Sentence("ov_after", code=mismatch.code, what=mismatch.sentence),
                  "criteria", mismatch.code, code=mismatch.code)
    if base.max is not None and derived.max != base.max:
        c.add(Sentence("ov_total_changes", before=base.max, after=derived.max), "criteria")


def resolve_framework(ref: str) -> Framework:
    """A framework from what a user types after ``--framework``: an installed id, a
    framework TOML file, or an overlay file (applied to the installed base it names).

    :raises UnknownFrameworkError: no installed framework has this id.
    :raises FrameworkError: the file is not a valid framework or overlay.
    """
    from .._plugins.registry import get_framework

    if not ref.strip():
        raise UnknownFrameworkError(Problem(Sentence("f_empty")))
    path = Path(ref)
    if ref.endswith(".toml") or path.exists() or path.is_symlink():
        check_input(path, FrameworkError)  # a directory, FIFO or device: refused by name
        if _toml.sniff(path) == "overlay":
            return check_registered_names(apply_overlay(load_overlay(path)), path)
        return check_registered_names(_toml.load_framework(path), path)
    return get_framework(ref)


def check_registered_names(framework: Framework, path: Path) -> Framework:
    """Check that the rule kinds and methods a framework or overlay file names are
    registered, reporting each misspelling at its line in the file (as plugins' frameworks
    are checked when they register).

    :raises FrameworkError: a name nobody registers, with the file, line and code.
    """
    from .._plugins.registry import names_findings, registered_names

    found = names_findings(framework, **registered_names())
    if found:
        origin = Origin.scan(path.read_text(encoding="utf-8-sig"), path)
        raise FrameworkError(
            origin.problem(message, "criteria", code, "rule",
                           *(("kind",) if message.startswith("kind ") else ()), code=code)
            if code is not None else origin.problem(message, key)
            for key, code, message in found)
    return framework
