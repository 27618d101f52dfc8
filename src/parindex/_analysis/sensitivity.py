"""How much a ranking depends on the framework's choices: what-if and Monte Carlo.

Both rescale the points of top-level nodes (fields, the survey block) by factors and
rank again, as the framework ranks (on the index or on total points, competition or
dense, with its tie-break codes compared on their own points).

* :func:`what_if` applies one set of factors, exactly (:class:`~fractions.Fraction`):
  a new survey share (70/30 → 60/40: the appraised fields scaled by 60/70, the survey by
  40/30) or new field maxima (a field's points scaled by new maximum ÷ old maximum).
* :func:`monte_carlo` draws many sets of factors from a declared distribution, seeded,
  and gives each unit's median rank, 5–95 % rank interval and the probability of each
  band. Draws are integers on a declared grid (``resolution``), so every total is an
  exact scaled integer, ranks are decided exactly, and zero-width draws give the base
  ranks exactly.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Any, Final, Literal, TypeAlias

import attrs
import numpy as np
from numpy.typing import NDArray

from .._engine.batch import BatchResult, known_max, reweighted
from .._base.errors import ArgumentError, FrameworkError, MissingInformationError, Problem
from .._base.i18n import Count, Sentence
from .._base.model import Band, BandBasis, Framework, Node, NodeKind, RankBasis, RankingMethod
from .._base.names import group_key
from .._base.numbers import decimal_or_fraction, exact_value
from .._engine.ordering import INT64_SAFE, band_counts, best_first, places_of, rank_runs, to_scaled
from .._engine.progress import Progress
from .._engine.ranking import Ranking, rank_values, ranker
from .._engine.scoring import classify

Int64Array: TypeAlias = NDArray[np.int64]
Number: TypeAlias = Fraction | Decimal | int

#: Largest integer every float64 operation below keeps exact.
_EXACT: Final = 2**53


# --- the input, as exact scaled integers ----------------------------------------------------


@attrs.frozen(eq=False)
class _Tops:
    """Each unit's points and arising maximum per top-level node, × 10**scale."""

    framework: Framework
    units: tuple[str, ...]
    groups: tuple[str | None, ...]
    scale: int
    points: Int64Array  # (units, tops); a penalty's deduction is negative here
    arising: Int64Array  # (units, tops); 0 for bonus and penalty
    ties: Int64Array  # (units, tie-break codes), raw points × 10**scale
    rank: Int64Array  # base overall ranks

    @property
    def kinds(self) -> tuple[NodeKind, ...]:
        return tuple(top.kind for top in self.framework.criteria)


def _tops(source: Ranking | BatchResult) -> _Tops:
    if isinstance(source, BatchResult):
        return _tops_of_batch(source)
    framework = source.framework
    tops = framework.criteria
    rows: list[list[Decimal]] = []
    arising: list[list[Decimal]] = []
    ties: list[list[Decimal]] = []
    for unit in source:
        nodes = unit.result.nodes
        row, row_arising = [], []
        for top in tops:
            node = nodes[top.code]
            if node.points is None or (top.kind in (NodeKind.CRITERION, NodeKind.SURVEY)
                                       and node.arising_max is None):
                raise MissingInformationError(Sentence(
                    "s_top_unknown", unit=unit.result.unit, code=top.code))
            sign = -1 if top.kind is NodeKind.PENALTY else 1
            row.append(sign * node.points)
            counts = top.kind in (NodeKind.CRITERION, NodeKind.SURVEY)
            row_arising.append(known_max(node.arising_max) if counts else Decimal(0))
        rows.append(row)
        arising.append(row_arising)
        ties.append([nodes[code].points or Decimal(0) for code in framework.tie_break])
    values = [v for r in rows + arising + ties for v in r]
    scale = max((places_of(v) for v in values), default=0)

    def scaled(table: list[list[Decimal]], width: int) -> Int64Array:
        array = np.asarray([[to_scaled(v, scale) for v in r] for r in table], dtype=np.int64)
        return array.reshape(len(table), width)

    return _Tops(framework, tuple(u.result.unit for u in source),
                 tuple(u.result.group for u in source), scale, scaled(rows, len(tops)),
                 scaled(arising, len(tops)), scaled(ties, len(framework.tie_break)),
                 np.asarray([u.rank for u in source], dtype=np.int64))


def _tops_of_batch(batch: BatchResult) -> _Tops:
    framework = batch.framework
    n = len(batch)
    points, arising = batch.top_figures()
    ties = np.stack([batch.node_points(code) for code in framework.tie_break], axis=1) \
        if framework.tie_break else np.zeros((n, 0), dtype=np.int64)
    return _Tops(framework, batch.units, tuple(batch.group(i) for i in range(n)),
                 batch.scale, points, arising, ties, np.asarray(batch.rank, dtype=np.int64))


# --- what-if ------------------------------------------------------------------------------


def _top_max(framework: Framework, top: Node) -> Fraction:
    """A top-level node's maximum, which rescaling needs."""
    if top.max is None:
        raise MissingInformationError(Problem(Sentence(
            "s_top_max_unknown", framework=framework.id, code=top.code, name=top.name),
            code=top.code))
    return Fraction(top.max)


def _survey_and_scale(framework: Framework) -> tuple[Fraction, Fraction]:
    """The survey block's maximum and the criteria-and-survey scale (e.g. 30 of 100)."""
    tops = framework.criteria
    survey = sum((_top_max(framework, t) for t in tops if t.kind is NodeKind.SURVEY),
                 Fraction(0))
    scale = sum((_top_max(framework, t) for t in tops
                 if t.kind in (NodeKind.CRITERION, NodeKind.SURVEY)), Fraction(0))
    if survey == 0:
        raise FrameworkError(Problem(Sentence("s_no_survey", framework=framework.id),
                                     key="criteria"))
    return survey, scale


def _survey_factors(framework: Framework, share: Fraction) -> list[Fraction]:
    """Factors giving the survey block ``share`` points of the criteria-and-survey scale."""
    tops = framework.criteria
    survey, scale = _survey_and_scale(framework)
    if not 0 <= share <= scale:
        raise ArgumentError(Sentence("s_share_range", scale=str(scale), share=str(share)))
    return [share / survey if t.kind is NodeKind.SURVEY else
            (scale - share) / (scale - survey) if t.kind is NodeKind.CRITERION else
            Fraction(1) for t in tops]


def _weight_factors(framework: Framework, maxima: Mapping[str, Number]) -> list[Fraction]:
    codes = {t.code for t in framework.criteria}
    unknown = sorted(set(maxima) - codes)
    if unknown:
        raise ArgumentError(Sentence("s_not_top", framework=framework.id,
                                     codes=tuple(unknown)))
    factors = []
    for top in framework.criteria:
        if top.code in maxima:
            new = exact_value(maxima[top.code], f"maxima.{top.code}")
            old = _top_max(framework, top)
            if new < 0 or not old:
                raise ArgumentError(Problem(Sentence("s_new_max"),
                                            code=top.code))
            factors.append(new / old)
        else:
            factors.append(Fraction(1))
    return factors


@attrs.frozen
class WhatIfUnit:
    """One unit before and after a what-if.

    :param rank_change: base rank − new rank (positive: moved up).
    """

    unit: str
    group: str | None
    total: Fraction
    index: Fraction | None
    band: Band | None
    rank: int
    new_total: Fraction
    new_index: Fraction | None
    new_band: Band | None
    new_rank: int

    @property
    def rank_change(self) -> int:
        return self.rank - self.new_rank


@attrs.frozen
class WhatIf:
    """The ranking under rescaled top-level nodes.

    :param factors: the factor applied to each top-level node's points (and maximum).
    :param units: every unit, in the input's order.
    """

    framework: Framework = attrs.field(repr=lambda f: f.id)
    description: str
    factors: Mapping[str, Fraction]
    units: tuple[WhatIfUnit, ...]

    @property
    def moved(self) -> tuple[WhatIfUnit, ...]:
        """The units whose rank changed, largest change first."""
        return tuple(sorted((u for u in self.units if u.rank_change),
                            key=lambda u: (-abs(u.rank_change), u.new_rank)))


def what_if(source: Ranking | BatchResult, *, survey_share: Number | None = None,
            maxima: Mapping[str, Number] | None = None) -> WhatIf:
    """Rank again with a different survey share or different field maxima, exactly.

    With ``survey_share=40`` under a 70 + 30 framework, each survey point counts 40/30 and
    each appraised point 60/70 (the criteria keep 100 − 40 of the scale); bonus and
    penalty are unchanged. With ``maxima={"7": 20}`` field 7's points count 20/15.
    The index is the new total over the new arising maximum (each node's arising
    maximum scaled like its points); bands and ranks follow the framework's rules.

    :param source: a ranking (:func:`~parindex.score_many`), rescaled unit by unit with
        fractions from its explained results (a plugin's ranking or band method too), or
        a batch (``score_many(..., batch=True)``), rescored at once by the exact kernel on
        integers, no unit explained: the same figures, ranks and bands.
    :raises ArgumentError: both or neither given, a share outside the scale, unknown codes,
        a value that is not an exact number (a float; text that is not a number).
    :raises FrameworkError: a survey share asked of a framework without a survey block.
    :raises MissingInformationError: a top-level node without points or with an unknown
        arising maximum, or a unit with no index to rank on.
    """
    framework = source.framework
    if (survey_share is None) == (maxima is None):
        raise ArgumentError(Sentence("s_either"))
    if survey_share is not None:
        share = exact_value(survey_share, "survey_share")
        factors = _survey_factors(framework, share)
        description = Sentence("s_share_desc", share=decimal_or_fraction(share))
    else:
        assert maxima is not None
        factors = _weight_factors(framework, maxima)
        description = Sentence("s_maxima_desc", items=tuple(
            Sentence("s_max_item", code=k, max=decimal_or_fraction(Fraction(v)))
            for k, v in maxima.items()))
    after = _reweighted(source, factors) if isinstance(source, BatchResult) else None
    if after is None:
        after = _rescaled(framework, _tops(source), factors)
    units = tuple(WhatIfUnit(*before, *changed)
                  for before, changed in zip(_figures(source), after, strict=True))
    return WhatIf(framework, description,
                  {t.code: f for t, f in zip(framework.criteria, factors, strict=True)},
                  units)


#: A unit's total, index, band and rank (before or after a what-if).
_Figures: TypeAlias = tuple[Fraction, Fraction | None, Band | None, int]


def _figures(source: Ranking | BatchResult) -> list[
        tuple[str, str | None, Fraction, Fraction | None, Band | None, int]]:
    """Each unit's name and group, and its figures before the what-if."""
    if isinstance(source, Ranking):
        return [(u.result.unit, u.result.group, Fraction(u.result.total), u.result.index,
                 u.result.band, u.rank) for u in source]
    unit = 10**source.scale
    bands = source.framework.bands
    return [(name, group, Fraction(total, unit),
             Fraction(100 * total, arising) if arising > 0 else None,
             bands[band] if band >= 0 else None, rank)
            for name, group, total, arising, band, rank in zip(
                source.units, _spelt(source), source.total_scaled.tolist(),
                source.arising_scaled.tolist(), source.band_index.tolist(),
                source.rank.tolist(), strict=True)]


def _spelt(batch: BatchResult) -> list[str | None]:
    """Each unit's group as its own row spells it, as a ranking gives it: the batch names
    a group by its first spelling ("Huyện A" for "huyện A" too) and no group by ``None``
    (for ``""`` too)."""
    folded = [batch.group(i) for i in range(len(batch))]
    given = batch.matrix.groups
    if given is None:
        return folded
    return [own if (group is None and not own) or (
        group is not None and own and group_key(own) == group_key(group)) else group
        for own, group in zip(given, folded, strict=True)]


def _reweighted(batch: BatchResult, factors: Sequence[Fraction]) -> list[_Figures] | None:
    """The what-if in the kernel, on integers (``None``: too large for int64)."""
    denominator = math.lcm(*(f.denominator for f in factors))
    changed = reweighted(batch, [int(f * denominator) for f in factors], denominator)
    if changed is None:
        return None
    unit = denominator * 10**batch.scale
    bands = batch.framework.bands
    return [(Fraction(total, unit), Fraction(100 * total, arising) if arising > 0 else None,
             bands[band] if band >= 0 else None, rank)
            for total, arising, band, rank in zip(
                changed.total.tolist(), changed.arising.tolist(),
                changed.band_index.tolist(), changed.rank.tolist(), strict=True)]


def _rescaled(framework: Framework, scaled: _Tops,
              factors: Sequence[Fraction]) -> list[_Figures]:
    """The what-if unit by unit, with fractions, the framework's own ranker and banding."""
    keys = []
    figures = []
    normal = _normaliser(framework, factors)
    unit_value = Fraction(1, 10**scaled.scale)
    for name, points, arisings, ties in zip(scaled.units, scaled.points.tolist(),
                                            scaled.arising.tolist(), scaled.ties.tolist(),
                                            strict=True):
        total = sum((f * p for f, p in zip(factors, points, strict=True)),
                    Fraction(0)) * unit_value
        arising = sum((f * a for f, a in zip(factors, arisings, strict=True)),
                      Fraction(0)) * unit_value
        index = total / arising * 100 if arising > 0 else None
        primary = index if framework.rank_by is RankBasis.INDEX else total
        if primary is None:
            raise MissingInformationError(Sentence("m_no_index_rank", unit=name))
        keys.append((primary, *map(Fraction, ties)))
        value = index if framework.band_basis is BandBasis.INDEX else total * normal
        band = classify(framework, value) if framework.bands and value is not None else None
        figures.append((total, index, band))
    ranks = rank_values(keys, ranker(framework))
    return [(*figure, rank) for figure, rank in zip(figures, ranks, strict=True)]


def _normaliser(framework: Framework, factors: Sequence[Fraction]) -> Fraction:
    """What brings a rescaled total back to the framework's scale (points-basis bands)."""
    old = sum((_top_max(framework, t) for t in framework.criteria
               if t.kind in (NodeKind.CRITERION, NodeKind.SURVEY)), Fraction(0))
    new = sum((f * _top_max(framework, t) for t, f in zip(framework.criteria, factors,
                                                             strict=True)
               if t.kind in (NodeKind.CRITERION, NodeKind.SURVEY)), Fraction(0))
    return old / new if new else Fraction(1)


# --- Monte Carlo ---------------------------------------------------------------------------


def _width(value: object) -> Fraction:
    return exact_value(value, "width")


def _resolution(value: object) -> Fraction:
    return exact_value(value, "resolution")


@attrs.frozen
class Perturbation:
    """A declared distribution of top-level factors.

    :param target: ``weights``: each appraised field's factor is 1 + u; ``survey_share``:
        the survey block's share of the scale is its maximum + u (the appraised fields
        share the rest, as in :func:`what_if`).
    :param width: u is uniform on [−width, width], on the grid of ``resolution``
        (discrete uniform over the grid's points, both ends included).
    :param resolution: the grid step: draws are whole multiples of it, so totals are
        exact scaled integers.
    :raises ArgumentError: another target; a width or resolution that is not an exact
        number (a float; text that is not a number), a negative width, a resolution ≤ 0,
        or a width off the grid.
    """

    target: Literal["weights", "survey_share"]
    width: Fraction = attrs.field(converter=_width)
    resolution: Fraction = attrs.field(converter=_resolution, default=Fraction(1, 10000))

    def __attrs_post_init__(self) -> None:
        if self.target not in ("weights", "survey_share"):
            raise ArgumentError(Problem(Sentence("s_target", target=repr(self.target)),
                                        key="target"))
        if self.width < 0 or self.resolution <= 0:
            raise ArgumentError(Sentence("s_width"))
        if (self.width / self.resolution).denominator != 1:
            raise ArgumentError(_off_grid("s_what_width", self.width, self.resolution))


@attrs.frozen(eq=False)
class MonteCarlo:
    """Ranks and bands over many perturbed draws.

    Arrays have one entry (row) per unit, in input order. Quantiles are those of the
    draws' ranks by the inverted empirical distribution (the smallest rank reached by at
    least that share of draws), so they are ranks that occurred.

    :param ranks: ``(units, draws)``: every rank each unit drew, sorted ascending per unit
        (the draws' order is not kept), as the narrowest unsigned integers that hold them
        (2 bytes a draw below 65,535 units). Memory is linear in units: 10,000 units ×
        10,000 draws take 200 MB, where a table of rank counts would take units².
    :param band_counts: ``(units, bands)``: how many draws put unit ``i`` in each band of
        ``framework.bands``.
    """

    framework: Framework = attrs.field(repr=lambda f: f.id)
    units: tuple[str, ...] = attrs.field(repr=lambda u: f"<{len(u)} units>")
    perturbation: Perturbation
    draws: int
    seed: int | None
    base_rank: Int64Array = attrs.field(repr=False)
    ranks: NDArray[np.unsignedinteger[Any]] = attrs.field(repr=False)
    band_counts: Int64Array = attrs.field(repr=False)

    def __attrs_post_init__(self) -> None:
        for value in (self.base_rank, self.ranks, self.band_counts):
            value.flags.writeable = False

    @property
    def rank_counts(self) -> Int64Array:
        """``(units, units + 1)``: how many draws gave unit ``i`` rank ``r``.

        Built on demand from :attr:`ranks`; it takes units² cells, so use it on small
        runs only (the quantiles do not need it).
        """
        n = len(self.units)
        rows = np.repeat(np.arange(n, dtype=np.int64), self.draws)
        flat = rows * (n + 1) + self.ranks.reshape(-1).astype(np.int64)
        counts: Int64Array = np.bincount(flat, minlength=n * (n + 1)).reshape(n, n + 1)
        return counts

    def quantile(self, percent: int) -> Int64Array:
        """Each unit's rank at ``percent`` (0–100) of its draws: the smallest rank that at
        least ``percent`` % of its draws reached or bettered."""
        if not 0 <= percent <= 100:
            raise ArgumentError(Sentence("s_percentile", percent=percent))
        if not self.draws:
            return np.zeros(len(self.units), dtype=np.int64)
        # The k-th smallest rank, k the least with k·100 ≥ percent·draws (k ≥ 1).
        k = max(1, -(-percent * self.draws // 100))
        ranks: Int64Array = self.ranks[:, k - 1].astype(np.int64)
        return ranks

    @property
    def median_rank(self) -> Int64Array:
        return self.quantile(50)

    @property
    def rank_low(self) -> Int64Array:
        """The 5 % quantile of ranks (the better end of the interval)."""
        return self.quantile(5)

    @property
    def rank_high(self) -> Int64Array:
        """The 95 % quantile of ranks (the worse end)."""
        return self.quantile(95)

    def band_probability(self, i: int) -> dict[str, Fraction]:
        """Share of draws in each band, exactly, for unit ``i``."""
        return {band.name: Fraction(int(count), self.draws)
                for band, count in zip(self.framework.bands, self.band_counts[i], strict=True)}


#: Cells (draws × units) ranked in one vectorised step: bounds the temporaries (about a
#: dozen arrays of 8 bytes a cell) whatever the number of units.
_STEP_CELLS: Final = 400_000


def monte_carlo(source: Ranking | BatchResult, perturbation: Perturbation, *,
                draws: int = 1000, seed: int | None = 0, chunk: int = 500,
                progress: Progress | None = None) -> MonteCarlo:
    """Perturb the framework's weights or survey share ``draws`` times and rank again.

    Vectorised: each chunk of draws is one matrix product of integers (in float64, exact:
    checked to stay below 2**53, so that every quotient below is also correctly rounded),
    one sort per draw, and integer band comparisons. Ranks on the index compare quotients
    as floats, which rounding can only make equal, never reorder; every equal neighbour
    is then checked exactly, and a draw with a false tie is ranked again with exact
    fractions.

    :param source: a ranking (:func:`~parindex.score_many`) or a batch
        (``score_many(..., batch=True)``).
    :param perturbation: what is drawn, and how widely.
    :param draws: how many draws.
    :param seed: seeds :func:`numpy.random.default_rng`: the same seed gives the same
        result. ``None``: fresh entropy.
    :param chunk: draws drawn at a time (the same seed and chunk give the same draws);
        they are ranked in steps of at most 400,000 draws × units, so memory stays
        linear in units: 2 bytes × draws × units kept (4 from 65,535 units), plus the
        steps' temporaries (about 40 MB).
    :param progress: called with the number of draws done after each chunk.
    :raises ArgumentError: totals too large to keep exact at this resolution, a share
        outside the scale, or ``draws`` outside 1 to
        :data:`~parindex._base.limits.MAX_DRAWS` (100,000).
    :raises FrameworkError: nothing to perturb (no appraised fields or no survey block),
        or a plugin's ranking or band method.
    :raises MissingInformationError: a unit without an index to rank or band on (in any
        draw), or a band threshold no source gives.
    """
    from .._base.limits import MAX_DRAWS

    if not 1 <= draws <= MAX_DRAWS:
        raise ArgumentError(Sentence("s_draws", most=Count(MAX_DRAWS), draws=Count(draws)))
    tops = _tops(source)
    framework = tops.framework
    if not isinstance(framework.ranking, RankingMethod) or \
            getattr(framework, "band_method", "minimum") != "minimum":
        raise FrameworkError(Problem(
            Sentence("s_plugin_methods", framework=framework.id),
            key="ranking" if not isinstance(framework.ranking, RankingMethod)
            else "band_method"))
    factors_of, denominator = _factor_drawer(framework, perturbation)
    n = len(tops.units)
    rng = np.random.default_rng(seed)
    # Every rank each unit draws, by unit: linear in units (no units × units table).
    all_ranks = np.empty((n, draws), dtype=np.uint16 if n < 2**16 - 1 else np.uint32)
    bands = framework.bands
    band_counts = np.zeros((n, len(bands)), dtype=np.int64)
    peak_factor = _peak_factor(framework, perturbation, denominator)
    bound = peak_factor * int(np.abs(tops.points).sum(axis=1).max(initial=0))
    bound = max(bound, peak_factor * int(tops.arising.sum(axis=1).max(initial=0)))
    if bound >= _EXACT:
        raise ArgumentError(Sentence("s_too_large"))
    step = max(1, _STEP_CELLS // max(n, 1))
    # Products in float64 BLAS: every factor, point and partial sum is an integer below
    # 2**53 (the bound above), so each is exact whatever the order of summation.
    points_t = np.ascontiguousarray(tops.points.T, dtype=np.float64)
    arising_t = np.ascontiguousarray(tops.arising.T, dtype=np.float64)
    done = 0
    while done < draws:
        size = min(chunk, draws - done)
        # Drawn a chunk at a time, as asked (the seed's stream depends on it), then
        # ranked in steps small enough that temporaries stay bounded.
        drawn = factors_of(rng, size)  # (size, tops), int64
        for first in range(0, size, step):
            factors = drawn[first:first + step]
            as_float = factors.astype(np.float64)
            totals = (as_float @ points_t).astype(np.int64)
            arisings = (as_float @ arising_t).astype(np.int64)
            at = done + first
            # Ranked a row per draw, then kept a row per unit (one transposed copy).
            all_ranks[:, at:at + factors.shape[0]] = _rank_rows(
                framework, totals, arisings, tops.ties, all_ranks.dtype).T
            if bands:
                band_counts += _band_counts(framework, totals, arisings, factors, tops,
                                            denominator, bound)
            del totals, arisings
        done += size
        if progress is not None:
            progress(done)
    # In place: quantiles become positions.
    all_ranks.sort(axis=1)
    return MonteCarlo(framework, tops.units, perturbation, draws, seed, tops.rank.copy(),
                      all_ranks, band_counts)


def _steps(value: Fraction, resolution: Fraction, what: str) -> int:
    """``value`` in whole ``resolution`` steps (``what``: the catalogue key naming it)."""
    steps = value / resolution
    if steps.denominator != 1:
        raise ArgumentError(_off_grid(what, value, resolution))
    return int(steps)


def _off_grid(what: str, value: Fraction, resolution: Fraction) -> Sentence:
    return Sentence("s_off_grid", what=Sentence(what), value=str(value),
                    resolution=str(resolution))


def _factor_drawer(framework: Framework, perturbation: Perturbation) -> tuple[
        Callable[[np.random.Generator, int], Int64Array], int]:
    """A function drawing integer factors (draws, tops), and their common denominator."""
    tops = framework.criteria
    kinds = [t.kind for t in tops]
    width = _steps(perturbation.width, perturbation.resolution, "s_what_width")
    if perturbation.target == "weights":
        one = _steps(Fraction(1), perturbation.resolution, "s_what_factor")
        if width >= one:
            raise ArgumentError(Sentence("s_weights_width"))
        fields = np.flatnonzero([k is NodeKind.CRITERION for k in kinds])
        if not fields.size:
            raise FrameworkError(Problem(Sentence("s_no_fields", framework=framework.id),
                                         key="criteria"))

        def draw_weights(rng: np.random.Generator, size: int) -> Int64Array:
            factors = np.full((size, len(tops)), one, dtype=np.int64)
            factors[:, fields] += rng.integers(-width, width, endpoint=True,
                                               size=(size, fields.size), dtype=np.int64)
            return factors

        return draw_weights, one
    survey, scale = _survey_and_scale(framework)
    # Count in the largest unit that divides the grid step, the survey maximum and the
    # scale, so that shares, the scale and the factors are all integers.
    unit = _common_unit(perturbation.resolution, survey, scale)
    step = _steps(perturbation.resolution, unit, "s_what_resolution")
    s0 = _steps(survey, unit, "s_what_survey")
    whole = _steps(scale, unit, "s_what_scale")
    if width * step > min(s0, whole - s0):
        raise ArgumentError(Sentence("s_share_leaves"))
    is_survey = np.asarray([k is NodeKind.SURVEY for k in kinds])
    is_criterion = np.asarray([k is NodeKind.CRITERION for k in kinds])

    def draw_share(rng: np.random.Generator, size: int) -> Int64Array:
        share = s0 + step * rng.integers(-width, width, endpoint=True, size=(size, 1),
                                         dtype=np.int64)
        # survey × share/s0, criteria × (whole − share)/(whole − s0), over s0 (whole − s0).
        factors = np.full((size, len(tops)), s0 * (whole - s0), dtype=np.int64)
        factors = np.where(is_survey, share * (whole - s0), factors)
        factors = np.where(is_criterion, (whole - share) * s0, factors)
        return factors

    return draw_share, s0 * (whole - s0)


def _common_unit(*values: Fraction) -> Fraction:
    """The largest fraction of which every value is a whole multiple."""
    denominator = 1
    for value in values:
        denominator = denominator * value.denominator // math.gcd(denominator,
                                                                   value.denominator)
    numerator = 0
    for value in values:
        numerator = math.gcd(numerator, int(value * denominator))
    return Fraction(numerator or 1, denominator)


def _peak_factor(framework: Framework, perturbation: Perturbation, denominator: int) -> int:
    width = int(perturbation.width / perturbation.resolution)
    if perturbation.target == "weights":
        return denominator + width
    return 2 * denominator + 1  # shares stay in [0, scale]: a factor ≤ scale ÷ part


def _rank_rows(framework: Framework, totals: Int64Array, arisings: Int64Array,
               ties: Int64Array, dtype: type[np.integer[Any]] | np.dtype[Any] = np.int64
               ) -> NDArray[Any]:
    """Ranks of every row's units, exactly, by the framework's method and basis, as
    ``dtype``."""
    size, n = totals.shape
    on_index = framework.rank_by is RankBasis.INDEX
    if on_index:
        if arisings.min(initial=1) <= 0:
            raise MissingInformationError(Sentence("s_draw_no_index"))
        primary: NDArray[Any] = totals / arisings  # exact integers; a correctly rounded quotient
    else:
        primary = totals
    # The engine's one ordering: each draw sorted on its primary key, the few units tied
    # on it then ordered by their tie-break points (the same in every draw).
    order, changed = best_first([primary, *(ties[:, j] for j in range(ties.shape[1]))])
    inexact = _false_ties(totals, arisings, order, changed) if on_index else []
    for j in range(ties.shape[1] if not changed.all() else 0):  # only ties need them
        tie = ties[:, j][order]
        changed[:, 1:] |= tie[:, 1:] != tie[:, :-1]
    in_order = rank_runs(changed, framework.ranking is RankingMethod.DENSE)
    ranks = np.empty((size, n), dtype=dtype)
    # One flat scatter (best_first's positions, offset by row, in place): twice
    # np.put_along_axis's speed.
    order += np.arange(0, size * n, n, dtype=np.int64)[:, None]
    ranks.reshape(-1)[order.reshape(-1)] = in_order.astype(dtype).reshape(-1)
    for row in inexact:  # rare: rank this draw again with exact fractions
        exact = [(Fraction(int(totals[row, i]), int(arisings[row, i])),
                  *(Fraction(int(v)) for v in ties[i])) for i in range(n)]
        ranks[row] = rank_values(exact, ranker(framework))
    return ranks


def _false_ties(totals: Int64Array, arisings: Int64Array, order: Int64Array,
                changed: NDArray[np.bool_]) -> list[int]:
    """Draws where two equal float indices hide unequal fractions.

    Equal quotients of exact integers ``t1/a1 = t2/a2`` round to the same float, and
    rounding is monotone, so a strict float order is the exact order; only equal floats
    may hide unequal fractions. When both floats are equal (and |t|, a < 2**53) the cross
    products ``t1·a2`` and ``t2·a1`` differ by less than 2**64, so comparing them modulo
    2**64 decides.
    """
    tied = ~changed[:, 1:]
    if not tied.any():
        return []
    rows, cols = np.nonzero(tied)
    first, second = order[rows, cols], order[rows, cols + 1]
    t, a = totals.view(np.uint64), arisings.view(np.uint64)
    left = t[rows, first] * a[rows, second]  # wraps modulo 2**64
    right = t[rows, second] * a[rows, first]
    return np.unique(rows[left != right]).tolist()  # type: ignore[no-any-return]


def _band_counts(framework: Framework, totals: Int64Array, arisings: Int64Array,
                 factors: Int64Array, tops: _Tops, denominator: int,
                 bound: int) -> Int64Array:
    """How many draws put each unit in each band, ``(units, bands)``, decided on integers
    by the engine's banding (``bound``: on the totals' and arising maxima's size)."""

    def missing(band: Band, undecided: NDArray[np.bool_]) -> None:
        raise MissingInformationError(Sentence("s_threshold", framework=framework.id,
                                               band=band.name))

    if any(band.min is None for band in framework.bands):
        missing(next(b for b in framework.bands if b.min is None), np.ones(1, dtype=np.bool_))
    if framework.band_basis is BandBasis.INDEX:
        # A draw that leaves a unit nothing arising gives it no index, so no band (as
        # what_if says); 100 · t ≥ min · 0 would put it in the top band.
        if arisings.min(initial=1) <= 0:
            empty = (arisings <= 0).any(axis=0)
            raise MissingInformationError(Sentence(
                "s_draw_nothing", unit=tops.units[int(np.flatnonzero(empty)[0])]))
        # index ≥ min  ⟺  100 · t ≥ min · a
        return band_counts(framework, totals, 100, arisings, 1, missing, bound=bound)
    # Totals back on the framework's scale: t × M ÷ W ≥ min, W the rescaled maximum.
    maxima = np.asarray([
        to_scaled(known_max(top.max), tops.scale)
        if top.kind in (NodeKind.CRITERION, NodeKind.SURVEY) else 0
        for top in framework.criteria], dtype=np.int64)
    whole = int(maxima.sum())
    if int(np.abs(factors).max(initial=0)) * whole >= INT64_SAFE:
        rescaled: NDArray[Any] = factors.astype(object) @ maxima.astype(object)
    else:
        rescaled = factors @ maxima  # (draws,)
    return band_counts(framework, totals, whole, rescaled[:, None], 10**tops.scale,
                       missing)
