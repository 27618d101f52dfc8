"""Lost points and gaps: where a unit lost points, and what it would take to move up.

Everything here reads a scored :class:`~parindex.Result` (or a :class:`~parindex.Ranking`)
and reuses what scoring decided: :attr:`NodeResult.lost <parindex.NodeResult.lost>` (the
arising maximum minus the points; a penalty's deduction), the not-arising policy, the
arising maximum and the bands. Nothing is recomputed, nothing is rounded: amounts are
exact :class:`~decimal.Decimal` or :class:`~fractions.Fraction`; :func:`needed_text`
rounds *up* for people, so that the amount shown always suffices.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import ROUND_CEILING, Decimal
from fractions import Fraction
from typing import Any, Literal

import attrs
import numpy as np

from .._base.errors import ArgumentError, MissingInformationError, Problem
from .._base.i18n import Sentence
from .._base.model import Band, BandBasis, Framework, Node, NodeKind, RankBasis
from .._base.names import group_key
from .._base.numbers import number_text, plain, quantize
from .._engine.batch import BatchResult
from .._engine.ranking import Ranking, rank_key
from .._engine.results import NodeResult, Result

ZERO = Decimal(0)


@attrs.frozen
class LostItem:
    """One place where a unit lost points.

    :param code: the criterion code as printed.
    :param name: its Vietnamese name.
    :param field: the code of the top-level node (field, survey, bonus, penalty) above it.
    :param points: the points obtained (for a penalty: the deduction).
    :param max: the node's maximum.
    :param arising_max: its arising maximum (điểm phát sinh).
    :param lost: points lost: for an itemised entry, the node's
        :attr:`~parindex.NodeResult.lost`; for an entry that is not itemised, the part of
        the node's lost points its items do not account for.
    :param itemised: ``False`` for the remainder of a node whose items do not cover its
        whole maximum (the framework does not print what that remainder is for).
    :param comment: the appraisal council's comment on this code.
    """

    code: str
    name: str
    field: str
    kind: NodeKind
    points: Decimal
    max: Decimal | None
    arising_max: Decimal | None
    lost: Decimal
    itemised: bool = True
    comment: str | None = None


@attrs.frozen
class FieldLoss:
    """A top-level node (field, survey block, bonus or penalty) and its lost items.

    :param sub_index: points ÷ arising maximum, exact; ``None`` when nothing arose or the
        maximum is unknown.
    :param items: its lost items, most points lost first.
    :param notes: the council's comments on nodes between the field and its items that
        lost points but are listed through their items (code, comment), in printed
        order: Kế hoạch 69/KH-UBND of xã Thủy Thanh comments on 2.1 as well as on 2.1.1 and 2.1.3.
    """

    code: str
    name: str
    kind: NodeKind
    points: Decimal | None
    max: Decimal | None
    arising_max: Decimal | None
    lost: Decimal | None
    sub_index: Fraction | None
    comment: str | None
    items: tuple[LostItem, ...]
    notes: tuple[tuple[str, str], ...] = ()


@attrs.frozen
class BandTarget:
    """What it takes to reach the next band up.

    :param band: the next band.
    :param basis: whether its threshold applies to the index or to total points.
    :param needed: points to gain, exactly (the arising maximum stays as it is: points
        won back on items that arose do not change it). ``None``: the threshold is
        unknown.
    :param reachable: whether winning back every lost point would reach it.
    :param sufficient: lost items each of which alone would be enough (itemised ones:
        a remainder the framework does not itemise is not something to fix on its own).
    """

    band: Band
    basis: BandBasis
    needed: Fraction | None
    reachable: bool
    sufficient: tuple[LostItem, ...]


@attrs.frozen
class LostPoints:
    """Every point a unit lost, by item and by field, and the next band.

    :param items: every lost item, most points lost first (ties in printed order).
    :param fields: the top-level nodes with points lost, in printed order.
    :param total_lost: the sum of :attr:`items`' lost points. It equals
        :attr:`attainable` − total (see :doc:`/analysis/gaps`).
    :param attainable: what the unit could have scored: the arising maximum of the
        criteria and the survey, plus the bonus maximum.
    :param unknown: top-level codes whose lost points are unknown (unknown maxima);
        they are left out of :attr:`items` and of the sums.
    :param next_band: what it takes to reach the next band; ``None`` in the top band or
        without bands or an index.
    """

    result: Result = attrs.field(repr=lambda r: r.unit)
    items: tuple[LostItem, ...]
    fields: tuple[FieldLoss, ...]
    total_lost: Decimal
    attainable: Decimal
    unknown: tuple[str, ...]
    next_band: BandTarget | None


def lost_points(result: Result) -> LostPoints:
    """Every node below its maximum, grouped by field, with what the next band needs.

    A node's lost points are listed at its items where the items account for them, so
    nothing is counted twice: an entry is a leaf, a node given points whose items were
    not all given, or a node that did not arise and still lost points (the ``zero``
    policy). Where a node's items do not cover its whole maximum, the remainder they do
    not explain is one more entry, marked ``itemised=False``. Items that did not arise
    under the ``exclude`` policy lose nothing (their maximum left the arising maximum).

    >>> import parindex
    >>> framework = parindex.get_framework("thua-thien-hue/commune/2022")
    >>> result = parindex.score(framework, parindex.load_assessment(parindex.example_path()))
    >>> lost = parindex.lost_points(result)
    >>> [(item.code, str(item.lost)) for item in lost.items[:3]]
    [('8.2', '2.0'), ('7.3', '1.5'), ('9', '1.334')]
    >>> lost.total_lost, lost.attainable - result.total
    (Decimal('20.864'), Decimal('20.864'))
    """
    framework = result.framework
    nodes = result.nodes
    entries: list[tuple[int, LostItem]] = []
    order = {code: i for i, code in enumerate(framework.nodes)}
    fields = []
    unknown = []
    for top in framework.criteria:
        top_result = nodes[top.code]
        if top_result.lost is None:
            unknown.append(top.code)
            continue
        found = list(_frontier(top, top.code, nodes))
        entries += [(order[item.code], item) for item in found]
        if top_result.lost != 0 or found:
            fields.append(FieldLoss(
                code=top.code, name=top.name, kind=top.kind, points=top_result.points,
                max=top_result.max, arising_max=top_result.arising_max, lost=top_result.lost,
                sub_index=_ratio(top_result), comment=top_result.comment,
                items=tuple(_by_loss(found, order)), notes=_notes(top, found, nodes)))
    items = tuple(_by_loss([item for _, item in entries], order))
    total_lost = sum((item.lost for item in items), ZERO)
    bonus_max = sum((nodes[t.code].arising_max or ZERO for t in framework.criteria
                     if t.kind is NodeKind.BONUS), ZERO)
    attainable = result.arising_max + bonus_max
    lost = LostPoints(result=result, items=items, fields=tuple(fields), total_lost=total_lost,
                      attainable=attainable, unknown=tuple(unknown), next_band=None)
    return attrs.evolve(lost, next_band=_next_band(result, lost))


def _by_loss(items: Iterable[LostItem], order: dict[str, int]) -> list[LostItem]:
    return sorted(items, key=lambda item: (-item.lost, order[item.code], item.itemised))


def _ratio(node: NodeResult) -> Fraction | None:
    if node.points is None or not node.arising_max:
        return None
    return Fraction(node.points) / Fraction(node.arising_max)


def _frontier(node: Node, field: str, nodes: Any) -> Iterable[LostItem]:
    """The lost items under ``node``: where its lost points are accounted for."""
    result: NodeResult = nodes[node.code]
    if result.lost is None or result.points is None:
        return
    children: list[NodeResult] = [nodes[child.code] for child in node.children]
    if result.not_arising or not children or any(
            c.lost is None or c.points is None for c in children):
        if result.lost != 0:
            yield _item(result, field, result.lost, itemised=True)
        return
    for child in node.children:
        yield from _frontier(child, field, nodes)
    remainder = result.lost - sum((c.lost for c in children if c.lost is not None), ZERO)
    if remainder != 0:
        yield _item(result, field, remainder, itemised=False)


def _notes(top: Node, found: list[LostItem], nodes: Any) -> tuple[tuple[str, str], ...]:
    """Comments on the nodes under ``top`` whose lost points are listed at their items."""
    listed = {item.code for item in found}  # a remainder entry carries its own comment
    notes = []

    def walk(node: Node) -> None:
        for child in node.children:
            result: NodeResult = nodes[child.code]
            if child.code not in listed and child.children and result.comment and \
                    result.lost:
                notes.append((child.code, result.comment))
            walk(child)

    walk(top)
    return tuple(notes)


def _item(node: NodeResult, field: str, lost: Decimal, *, itemised: bool) -> LostItem:
    assert node.points is not None
    return LostItem(code=node.code, name=node.name, field=field, kind=node.kind,
                    points=node.points, max=node.max, arising_max=node.arising_max,
                    lost=lost, itemised=itemised, comment=node.comment)


def _next_band(result: Result, lost: LostPoints) -> BandTarget | None:
    framework = result.framework
    band = result.band
    if band is None or band not in framework.bands:
        return None
    position = framework.bands.index(band)
    if position == 0:
        return None
    target = framework.bands[position - 1]
    basis = framework.band_basis
    if target.min is None:
        return BandTarget(target, basis, None, False, ())
    if basis is BandBasis.INDEX:
        # index ≥ min  ⟺  total ≥ min × arising maximum ÷ 100
        required = Fraction(target.min) * Fraction(result.arising_max) / 100
    else:
        required = Fraction(target.min)
    needed = required - Fraction(result.total)
    # A remainder the framework does not itemise is no item a unit can set out to fix.
    return BandTarget(target, basis, needed, needed <= lost.total_lost,
                      tuple(i for i in lost.items if i.itemised and i.lost >= needed))


# --- against other units ------------------------------------------------------------------


#: What happens when the unit gains exactly the gap: it shares the other unit's place,
#: passes it (the tie-break favours it), or stays behind (the tie-break favours the other).
TieOutcome = Literal["share", "pass", "behind"]


@attrs.frozen
class UnitTarget:
    """Another unit ranked above, and what it takes to catch it.

    :param unit: its name.
    :param rank: its rank (within the group, or overall without groups).
    :param gap: points to gain to equal it on the ranking basis (total or index), exact.
    :param at_gap: what gaining exactly :attr:`gap` gives, under the framework's
        tie rules (tie-break codes compared as they stand).
    :param sufficient: lost items each of which alone would pass it (more than the
        gap; or the gap itself when a tie is won on the tie-break).
    """

    unit: str
    rank: int
    gap: Fraction
    at_gap: TieOutcome
    sufficient: tuple[LostItem, ...]

    @property
    def strict(self) -> bool:
        """Whether passing needs strictly more than :attr:`gap`."""
        return self.at_gap != "pass"


@attrs.frozen
class Gaps:
    """A unit's lost points, the next band, and the units just above it.

    :param rank: its rank where it is compared (its group, or overall).
    :param within: ``group`` or ``all``.
    :param ahead: the units at the next better place(s), nearest first.
    """

    lost: LostPoints
    rank: int
    of: int
    within: Literal["group", "all"]
    ahead: tuple[UnitTarget, ...]


@attrs.frozen
class _Standing:
    """One unit as gaps compares it: its ranking key and places."""

    unit: str
    group: str | None
    key: tuple[Fraction, ...]
    rank: int
    of: int
    group_rank: int | None
    group_of: int | None


def _standings_of_ranking(ranking: Ranking) -> list[_Standing]:
    return [_Standing(u.result.unit, u.result.group, rank_key(u.result), u.rank, u.of,
                      u.group_rank, u.group_of) for u in ranking]


def _standings_of_batch(batch: BatchResult, rows: Sequence[int]) -> list[_Standing]:
    """The standings of some rows of a batch: keys as :func:`rank_key` gives them, from
    the kernel's exact integers (no unit is rescored)."""
    framework = batch.framework
    on_index = framework.rank_by is RankBasis.INDEX
    ties = [batch.node_points(code) for code in framework.tie_break]
    standings = []
    for i in rows:
        primary = batch.index(i) if on_index else Fraction(batch.total(i))
        if primary is None:  # the kernel refuses to rank on a missing index first
            raise MissingInformationError(Problem(Sentence("m_no_index_rank",
                                                           unit=batch.units[i])))
        key = (primary, *(Fraction(batch.decimal(tie[i])) for tie in ties))
        grouped = int(batch.group_codes[i]) >= 0
        standings.append(_Standing(
            batch.units[i], batch.group(i), key, int(batch.rank[i]), batch.of,
            int(batch.group_rank[i]) if grouped else None,
            int(batch.group_of[i]) if grouped else None))
    return standings


def gaps(ranking: Ranking | BatchResult, unit: str, *, group: str | None = None,
         within: Literal["group", "all"] = "group", places: int = 1,
         result: Result | None = None) -> Gaps:
    """Lost points of one unit of a ranking, and what it takes to pass the unit(s) above.

    :param ranking: from :func:`~parindex.score_many`; or, for a large table, its batch
        (``score_many(..., batch=True)``), which ranks every unit on exact integers, with
        ``result`` the unit's own result (:func:`~parindex.score`), which explains it.
    :param unit: the unit's name as people type it (see :func:`~parindex.find_unit`).
    :param group: the unit's group, when its name repeats across groups (districts).
    :param within: compare within its group (its district; the whole ranking when it has
        none) or with all units.
    :param places: how many better places to look at (units tied at a place count as one).
    :param result: with a batch: the unit's result (required); with a ranking: unused.
    :raises UnitNotFoundError: no such unit, or the name is ambiguous without ``group``.
    :raises ArgumentError: (a ``ValueError``) a batch without the unit's ``result``.
    """
    if isinstance(ranking, BatchResult):
        if result is None:
            raise ArgumentError(Sentence("a_gaps_needs_result"))
        position = batch_position(ranking, unit,
                                  group if group is not None else result.group or None)
        use_group = within == "group" and result.group is not None
        # The kernel's ranks pick the units at the nearest better places: a higher key
        # always has a better rank, equal keys share one. Only they are looked at.
        codes = ranking.group_codes
        rows = np.flatnonzero(codes == codes[position]) if use_group \
            else np.arange(len(ranking))
        # A unit without a group (group "") is compared with the others without one, on
        # their overall ranks.
        ranks = ranking.group_rank if use_group and codes[position] >= 0 else ranking.rank
        better = ranks[rows] < ranks[position]
        nearest = np.unique(ranks[rows][better])[-places:]
        ahead = rows[better & np.isin(ranks[rows], nearest)]
        peers = _standings_of_batch(ranking, [position, *ahead.tolist()])
        me = peers[0]
    else:
        ranked = ranking.unit(unit, group)
        result = ranked.result
        use_group = within == "group" and result.group is not None
        peers = _standings_of_ranking(ranking)
        me = next(p for p, u in zip(peers, ranking, strict=True) if u is ranked)
        if use_group:
            mine = group_key(result.group)
            peers = [p for p in peers if group_key(p.group) == mine]
    return _gaps(result, me, peers, use_group, places)


def batch_position(batch: BatchResult, unit: str, group: str | None) -> int:
    """:meth:`BatchResult.position`, without keying every unit's name when ``unit`` is
    one of them exactly as written (the CLI passes the name it found)."""
    same = [i for i, name in enumerate(batch.units) if name == unit]
    if group is not None:
        same = [i for i in same if batch.group(i) == group]
    return same[0] if len(same) == 1 else batch.position(unit, group)


def _gaps(result: Result, me: _Standing, peers: list[_Standing], use_group: bool,
          places: int) -> Gaps:
    lost = lost_points(result)
    my_key = me.key
    better = sorted({p.key for p in peers if p.key > my_key})  # nearest first
    wanted = set(better[:places])
    ahead = []
    for other in sorted((p for p in peers if p.key in wanted), key=lambda p: p.key):
        key = other.key
        gap = _gap(result, key[0])
        outcome: TieOutcome = ("share" if key[1:] == my_key[1:] else
                               "pass" if my_key[1:] > key[1:] else "behind")
        enough = [i for i in lost.items if i.itemised
                  and (i.lost >= gap if outcome == "pass" else i.lost > gap)]
        rank = other.group_rank if use_group and other.group_rank is not None else other.rank
        ahead.append(UnitTarget(other.unit, rank, gap, outcome, tuple(enough)))
    ahead.sort(key=lambda t: (t.gap, t.unit))
    rank = me.group_rank if use_group and me.group_rank is not None else me.rank
    of = me.group_of if use_group and me.group_of is not None else me.of
    return Gaps(lost, rank, of, "group" if use_group else "all", tuple(ahead))


def _gap(mine: Result, primary: Fraction) -> Fraction:
    """Points ``mine`` must gain to equal a unit ranked on ``primary`` (its index or total,
    the framework's ranking basis)."""
    if mine.framework.rank_by.value == "index":
        # my index = 100 (total + g) ÷ arising  =  theirs  ⟺  g = theirs × arising ÷ 100 − total
        return primary * Fraction(mine.arising_max) / 100 - Fraction(mine.total)
    return primary - Fraction(mine.total)


# --- text ---------------------------------------------------------------------------------


def needed_text(value: Fraction, decimals: int) -> str:
    """An amount to gain, for people: exact when it fits ``decimals`` places, else rounded
    *up* (so that it suffices), with ``…`` marking the rounding.

    >>> needed_text(Fraction(1, 4), 3), needed_text(Fraction(1, 3), 3)
    ('0.25', '0.334…')
    """
    scaled = value * 10**decimals
    if scaled.denominator == 1:
        return plain((Decimal(scaled.numerator).scaleb(-decimals)).normalize())
    up = (Decimal(value.numerator) / Decimal(value.denominator)).quantize(
        Decimal(1).scaleb(-decimals), rounding=ROUND_CEILING)
    return f"{plain(up)}…"


def figure_text(framework: Framework, value: Decimal | Fraction | None,
                figure: str = "points", lang: str | None = None) -> str:
    """A figure (points, points lost, a total) as the framework prints it: to the places
    its publication declares for ``figure`` (``[publication] decimals``, rounded as
    declared); where it declares none, as a maximum is printed ("0", "0.5", "1.98", "93"):
    rounded half up only past the framework's ``decimals``, without trailing zeros, so
    that "0/1" and "0.5/1" read alike ("—" for none). In machine style, or as ``lang``'s
    readers write numbers (:func:`~parindex._base.numbers.number_text`: "0,5" in
    Vietnamese).

    >>> import parindex
    >>> hue = parindex.get_framework("thua-thien-hue/commune/2022")
    >>> [figure_text(hue, Decimal(v)) for v in ("0.0", "1.0", "0.50", "10", "86.7567")]
    ['0', '1', '0.5', '10', '86.757']
    """
    if value is None:
        return "—"
    places = framework.publication.places(figure)
    text = plain(framework.publication.printed(value, figure, places)) if places is not None \
        else plain(quantize(value, framework.decimals).normalize())
    return text if lang is None else number_text(text, lang)


def ratio_percent_text(value: Fraction | None, decimals: int) -> str:
    """A ratio (a sub-index, points ÷ arising maximum) as a percentage, rounded half up
    for display (``—`` for none); compare's :func:`~parindex._audit.compare.rounded_text`
    rounds a value that is a percentage already.

    >>> ratio_percent_text(Fraction(293, 500), 3)
    '58.600'
    """
    if value is None:
        return "—"
    return plain(quantize(value * 100, decimals))


def gaps_to_dict(found: Gaps | LostPoints) -> dict[str, Any]:
    """What ``parindex gaps --json`` prints: amounts as exact strings (fractions as
    ``p/q``) beside a display text."""
    lost = found.lost if isinstance(found, Gaps) else found
    result = lost.result
    decimals = result.framework.decimals

    def fraction(value: Fraction | None) -> dict[str, str] | None:
        if value is None:
            return None
        return {"exact": f"{value.numerator}/{value.denominator}",
                "display": needed_text(value, decimals)}

    def item(i: LostItem) -> dict[str, Any]:
        return {"code": i.code, "name": i.name, "field": i.field, "points": plain(i.points),
                "max": None if i.max is None else plain(i.max),
                "arising_max": None if i.arising_max is None else plain(i.arising_max),
                "lost": plain(i.lost), "itemised": i.itemised, "comment": i.comment}

    data: dict[str, Any] = {
        "framework": result.framework.id, "unit": result.unit, "group": result.group,
        "year": result.assessment.year, "total": plain(result.total),
        "attainable": plain(lost.attainable), "total_lost": plain(lost.total_lost),
        "band": result.band.name if result.band else None,
        "items": [item(i) for i in lost.items],
        "fields": [{"code": f.code, "name": f.name,
                    "points": None if f.points is None else plain(f.points),
                    "arising_max": None if f.arising_max is None else plain(f.arising_max),
                    "lost": None if f.lost is None else plain(f.lost),
                    "sub_index": None if f.sub_index is None else {
                        "exact": f"{f.sub_index.numerator}/{f.sub_index.denominator}",
                        "display": ratio_percent_text(f.sub_index, decimals)},
                    "items": [i.code for i in f.items],
                    "notes": [{"code": code, "comment": comment}
                              for code, comment in f.notes]} for f in lost.fields],
        "unknown": list(lost.unknown),
        "next_band": None if lost.next_band is None else {
            "band": lost.next_band.band.name, "basis": lost.next_band.basis.value,
            "needed": fraction(lost.next_band.needed), "reachable": lost.next_band.reachable,
            "sufficient": [i.code for i in lost.next_band.sufficient]},
    }
    if isinstance(found, Gaps):
        data.update({"rank": found.rank, "of": found.of, "within": found.within,
                     "ahead": [{"unit": t.unit, "rank": t.rank, "gap": fraction(t.gap),
                                "at_gap": t.at_gap, "strict": t.strict,
                                "sufficient": [i.code for i in t.sufficient]}
                               for t in found.ahead]})
    return data
