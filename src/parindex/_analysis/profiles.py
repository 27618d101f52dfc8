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
import numpy as np
from numpy.typing import NDArray

from .._base.names import find_unit
from .._base.model import Node, NodeKind
from .._engine.batch import BatchResult, Int64Array, sum_by
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
        # A name given exactly as one unit's (as a report passes it on) is that unit,
        # without keying ten thousand names.
        same = [u for u in self.units if u.unit == name and group in (None, u.group)]
        if len(same) == 1:
            return same[0]
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
    if isinstance(ranking, BatchResult):
        return _profiles_of_batch(ranking, tops)
    units = []
    for ranked in ranking:
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
    year = ranking.units[0].result.assessment.year if len(ranking) else None
    return Profiles(framework.id, tuple(units), tuple(fields), summary, bands, year)


def _profiles_of_batch(batch: BatchResult, tops: list[Node]) -> Profiles:
    """:func:`profiles` of the kernel's arrays: the same values, worked out on the exact
    integers (sums by denominator, maxima by cross-multiplication) instead of adding and
    comparing ten thousand fractions a field."""
    framework = batch.framework
    points = {top.code: batch.node_points(top.code) for top in tops}
    arising = {top.code: batch.node_arising_max(top.code) for top in tops}
    units = _units(batch, tops, points, arising)
    # Groups as profiles() keys them: as each unit's own row spells them, empty: none.
    spelt: dict[str, int] = {}
    group_codes = np.fromiter((spelt.setdefault(u.group, len(spelt)) if u.group else -1
                               for u in units), dtype=np.intp, count=len(units))
    names = np.asarray([u.unit for u in units], dtype=object)
    fields = [_field_of_batch(top, points[top.code], arising[top.code], group_codes,
                              list(spelt), names) for top in tops]
    summary: dict[str, Fraction] = {}
    n = len(batch)
    if n:
        totals = sorted(batch.total_scaled.tolist())
        scale = 10**batch.scale
        middle = n // 2
        median = Fraction(totals[middle] if n % 2 else totals[middle - 1] + totals[middle],
                          scale if n % 2 else 2 * scale)
        summary = {"min": Fraction(totals[0], scale), "median": median,
                   "mean": Fraction(sum(totals), n * scale), "max": Fraction(totals[-1], scale)}
    counts = np.bincount(batch.band_index[batch.band_index >= 0],
                         minlength=len(framework.bands)).tolist()
    by_name: dict[str, int] = {}
    for band, count in zip(framework.bands, counts, strict=True):
        by_name[band.name] = by_name.get(band.name, 0) + count
    bands = {band.name: by_name[band.name] for band in framework.bands}
    return Profiles(framework.id, tuple(units), tuple(fields), summary, bands, batch.year)


def _field_of_batch(top: Node, points: Int64Array, arising: Int64Array,
                    group_codes: NDArray[np.intp], group_names: list[str],
                    names: NDArray[Any]) -> FieldSummary:
    """One field's summary from every unit's points and arising maximum × 10**scale."""
    known = np.flatnonzero(arising)
    if not known.size:
        return FieldSummary(top.code, top.name, None, {}, (), None, (), None)
    p, a = points[known], arising[known]
    # Few distinct arising maxima (items excluded as not arising are rare): each sub-index
    # is p/d for one of them, so sums and extremes are worked out per denominator.
    denominators, column = np.unique(a, return_inverse=True)
    sums = sum_by(column, p, denominators.size).tolist()
    mean = sum((Fraction(s, d) for s, d in zip(sums, denominators.tolist(), strict=True)),
               Fraction(0)) / known.size
    order = np.argsort(column, kind="stable")
    starts = np.searchsorted(column[order], np.arange(denominators.size))
    high = max(Fraction(m, d) for m, d in zip(np.maximum.reduceat(p[order], starts).tolist(),
                                               denominators.tolist(), strict=True))
    low = min(Fraction(m, d) for m, d in zip(np.minimum.reduceat(p[order], starts).tolist(),
                                              denominators.tolist(), strict=True))

    def units_at(value: Fraction) -> tuple[str, ...]:
        hit = np.zeros(known.size, dtype=np.bool_)
        for j, d in enumerate(denominators.tolist()):
            wanted, rest = divmod(value.numerator * d, value.denominator)
            if not rest:  # p/d equals the value only where p is this whole number
                hit |= (column == j) & (p == wanted)
        return tuple(names[known[hit]].tolist())

    means: dict[str, Fraction] = {}
    grouped = np.flatnonzero(group_codes[known] >= 0)
    if grouped.size:
        codes = group_codes[known[grouped]]
        present, first, count = np.unique(codes, return_index=True, return_counts=True)
        pairs = sum_by(codes * denominators.size + column[grouped], p[grouped],
                       (int(present.max()) + 1) * denominators.size).tolist()
        d_list = denominators.tolist()
        for k in np.argsort(first, kind="stable").tolist():  # in order of first appearance
            code = int(present[k])
            row = pairs[code * len(d_list):(code + 1) * len(d_list)]
            means[group_names[code]] = sum(
                (Fraction(s, d) for s, d in zip(row, d_list, strict=True) if s),
                Fraction(0)) / int(count[k])
    return FieldSummary(top.code, top.name, mean, means, units_at(high), high,
                        units_at(low), low)


def _units(batch: BatchResult, tops: list[Node], points: Mapping[str, Int64Array],
           arising: Mapping[str, Int64Array]) -> list[UnitProfile]:
    """Every unit's profile from the kernel's arrays, as :func:`profiles` makes it from
    results (the groups spelt as each unit's own row spells them)."""
    scale = 10**batch.scale
    point_lists = {code: values.tolist() for code, values in points.items()}
    arising_lists = {code: values.tolist() for code, values in arising.items()}
    groups = batch.matrix.groups
    grouped = (batch.group_codes >= 0).tolist()
    units = []
    for i, (name, total, rank, group_rank, group_of) in enumerate(zip(
            batch.units, batch.total_scaled.tolist(), batch.rank.tolist(),
            batch.group_rank.tolist(), batch.group_of.tolist(), strict=True)):
        band = batch.band(i)
        subs = {top.code: Fraction(point_lists[top.code][i], arising_lists[top.code][i])
                if arising_lists[top.code][i] else None for top in tops}
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
