"""Group profiles: field sub-indices per unit, group means, best and worst, distributions.

A field's sub-index is its points ÷ its arising maximum (exact
:class:`~fractions.Fraction`), so units whose items did not arise compare fairly. Means are
exact too; nothing is rounded until it is shown.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from fractions import Fraction

import attrs

from .._base.names import find_unit
from .._base.model import Node, NodeKind
from .._engine.batch import BatchResult
from .._engine.ranking import Ranking

_PROFILED = (NodeKind.CRITERION, NodeKind.SURVEY)


@attrs.frozen
class UnitProfile:
    """One unit's figures and sub-index per field (``None``: nothing arose).

    :param group_rank: its rank within its group (``None`` without a group).
    :param group_of: how many units its group has (``None`` without a group).
    """

    unit: str
    group: str | None
    total: Fraction
    index: Fraction | None
    band: str | None
    rank: int
    sub_indices: Mapping[str, Fraction | None]
    group_rank: int | None = None
    group_of: int | None = None


@attrs.frozen
class FieldSummary:
    """One field across the units.

    :param mean: mean sub-index over the units where it arose.
    :param group_means: the same per group (units without a group are left out).
    :param best: units with the highest sub-index (all of them, when tied).
    :param worst: units with the lowest.
    """

    code: str
    name: str
    mean: Fraction | None
    group_means: Mapping[str, Fraction]
    best: tuple[str, ...]
    best_value: Fraction | None
    worst: tuple[str, ...]
    worst_value: Fraction | None


@attrs.frozen
class Profiles:
    """A results table profiled: per unit, per field, and the distribution of totals.

    :param units: in the ranking's order.
    :param fields: the criterion fields and the survey block, in printed order.
    :param totals: ``min``, ``median``, ``mean``, ``max`` of the totals (the median of an
        even count is the mean of the middle two).
    :param bands: how many units are in each band, highest band first.
    :param year: the units' assessment year (``None``: not known, or no units).
    """

    framework_id: str
    units: tuple[UnitProfile, ...]
    fields: tuple[FieldSummary, ...]
    totals: Mapping[str, Fraction]
    bands: Mapping[str, int]
    year: int | None = None

    def unit(self, name: str, group: str | None = None) -> UnitProfile:
        """A unit's profile by name as people type it (see :func:`~parindex.find_unit`).

        :raises UnitNotFoundError: (a ``KeyError``) no such unit, or several (listed).
        """
        return self.units[find_unit(name, [(u.unit, u.group) for u in self.units], group)]


def _mean(values: list[Fraction]) -> Fraction | None:
    return sum(values, Fraction(0)) / len(values) if values else None


def profiles(ranking: Ranking | BatchResult) -> Profiles:
    """Profile every unit of a ranking (from :func:`~parindex.score_many`, or the exact
    kernel's ``score_many(..., batch=True)``, which profiles a large table in one pass).

    >>> import parindex
    >>> framework = parindex.get_framework("thua-thien-hue/commune/2022")
    >>> ranking = parindex.score_many(framework, [parindex.load_assessment(parindex.example_path())])
    >>> found = parindex.profiles(ranking)
    >>> found.unit("Xã Thủy Thanh").sub_indices["1"], found.bands["Khá"]
    (Fraction(293, 500), 1)
    """
    framework = ranking.framework
    tops = [t for t in framework.criteria if t.kind in _PROFILED]
    units = _units(ranking, tops) if isinstance(ranking, BatchResult) else []
    for ranked in ranking if isinstance(ranking, Ranking) else ():
        result = ranked.result
        subs: dict[str, Fraction | None] = {}
        for top in tops:
            node = result.nodes[top.code]
            subs[top.code] = (Fraction(node.points) / Fraction(node.arising_max)
                              if node.points is not None and node.arising_max else None)
        units.append(UnitProfile(result.unit, result.group, Fraction(result.total),
                                 result.index, result.band.name if result.band else None,
                                 ranked.rank, subs, ranked.group_rank, ranked.group_of))
    fields = []
    for top in tops:
        values = [(u.unit, u.sub_indices[top.code]) for u in units]
        known = [(name, v) for name, v in values if v is not None]
        groups: dict[str, list[Fraction]] = {}
        for unit in units:
            value = unit.sub_indices[top.code]
            if unit.group and value is not None:
                groups.setdefault(unit.group, []).append(value)
        high = max((v for _, v in known), default=None)
        low = min((v for _, v in known), default=None)
        fields.append(FieldSummary(
            top.code, top.name, _mean([v for _, v in known]),
            {g: m for g, vs in groups.items() if (m := _mean(vs)) is not None},
            tuple(n for n, v in known if v == high), high,
            tuple(n for n, v in known if v == low), low))
    totals = sorted(u.total for u in units)
    summary: dict[str, Fraction] = {}
    if totals:
        middle = len(totals) // 2
        median = totals[middle] if len(totals) % 2 else (totals[middle - 1] + totals[middle]) / 2
        summary = {"min": totals[0], "median": median,
                   "mean": sum(totals, Fraction(0)) / len(totals), "max": totals[-1]}
    bands = {band.name: sum(1 for u in units if u.band == band.name)
             for band in framework.bands}
    if isinstance(ranking, BatchResult):
        year = ranking.year
    else:
        year = ranking.units[0].result.assessment.year if len(ranking) else None
    return Profiles(framework.id, tuple(units), tuple(fields), summary, bands, year)


def _units(batch: BatchResult, tops: list[Node]) -> list[UnitProfile]:
    """Every unit's profile from the kernel's arrays, as :func:`profiles` makes it from
    results (the groups spelt as each unit's own row spells them)."""
    scale = 10**batch.scale
    points = {top.code: batch.node_points(top.code).tolist() for top in tops}
    arising = {top.code: batch.node_arising_max(top.code).tolist() for top in tops}
    groups = batch.matrix.groups
    grouped = (batch.group_codes >= 0).tolist()
    units = []
    for i, (name, total, rank, group_rank, group_of) in enumerate(zip(
            batch.units, batch.total_scaled.tolist(), batch.rank.tolist(),
            batch.group_rank.tolist(), batch.group_of.tolist(), strict=True)):
        band = batch.band(i)
        subs = {top.code: Fraction(points[top.code][i], arising[top.code][i])
                if arising[top.code][i] else None for top in tops}
        units.append(UnitProfile(name, groups[i] if groups is not None else batch.group(i),
                                 Fraction(total, scale), batch.index(i),
                                 band.name if band else None, rank, subs,
                                 group_rank if grouped[i] else None,
                                 group_of if grouped[i] else None))
    return units


def profiles_to_dict(found: Profiles) -> dict[str, Any]:
    """A :class:`Profiles` as JSON data: exact values as ``"p/q"`` and, rounded for
    display, as decimal text (machine style)."""

    def exact(value: Fraction | None) -> str | None:
        return None if value is None else f"{value.numerator}/{value.denominator}"

    return {
        "framework": found.framework_id,
        "year": found.year,
        "units": [{"unit": u.unit, "group": u.group, "rank": u.rank,
                   "group_rank": u.group_rank, "total": exact(u.total),
                   "index": exact(u.index), "band": u.band,
                   "sub_indices": {code: exact(v) for code, v in u.sub_indices.items()}}
                  for u in found.units],
        "fields": [{"code": f.code, "name": f.name, "mean": exact(f.mean),
                    "group_means": {g: exact(m) for g, m in f.group_means.items()},
                    "best": list(f.best), "best_value": exact(f.best_value),
                    "worst": list(f.worst), "worst_value": exact(f.worst_value)}
                   for f in found.fields],
        "totals": {k: exact(v) for k, v in found.totals.items()},
        "bands": dict(found.bands),
    }
