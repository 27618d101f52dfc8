"""Banding and ranking, each written once, on exact integers.

The batch kernel calls these on arrays of scaled integers (one value per unit; the Monte
Carlo analysis one per draw and unit). The one-unit path calls the same functions:
:func:`~parindex.classify` bands a fraction as its numerator over its denominator
(:func:`band_of`), and :func:`~parindex.rank_values` and :func:`~parindex.score_many` rank
keys of exact fractions by their dense integer codes (:func:`dense_codes`), which order
exactly as the keys do. So the two paths cannot decide a band or a rank differently.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Any, Final, NoReturn, TypeAlias

import numpy as np
from numpy.typing import NDArray

from .._base.errors import ArgumentError, Problem
from .._base.i18n import Sentence
from .._base.model import Band, Framework, RankingMethod
from .._base.names import group_key

Int64Array: TypeAlias = NDArray[np.int64]
BoolArray: TypeAlias = NDArray[np.bool_]

#: Largest magnitude a scaled sum may reach: int64 with a bit to spare, so that sums of
#: values each checked against this bound cannot wrap.
INT64_SAFE: Final = 2**62


# --- exact integers -------------------------------------------------------------------------


def fits_int64(*magnitudes: int) -> bool:
    """Whether a product of values bounded by these magnitudes fits int64 safely."""
    product = 1
    for magnitude in magnitudes:
        product *= max(magnitude, 1)
    return product < INT64_SAFE


def peak_of(array: NDArray[Any]) -> int:
    """The largest magnitude in an integer array (0 if empty)."""
    return int(np.abs(array).max()) if array.size else 0


def places_of(value: Decimal) -> int:
    """Decimal places the value of ``value`` needs (``1.50`` → 1, ``10`` → 0), exactly."""
    denominator = value.as_integer_ratio()[1]  # 2**a * 5**b
    places = 0
    while 10**places % denominator:
        places += 1
    return places


def to_scaled(value: Decimal, scale: int) -> int:
    """``value`` × 10**scale as an exact Python int (``scale`` ≥ its places)."""
    numerator, denominator = value.as_integer_ratio()
    return int(numerator * (10**scale // denominator))


# --- banding --------------------------------------------------------------------------------


def band_positions(framework: Framework, total: NDArray[Any], a: int, b: NDArray[Any],
                   c: int, missing: Callable[[Band, BoolArray], None], *,
                   bound: int | None = None) -> Int64Array:
    """The band of every value, as the ``minimum`` method decides it, on exact integers:
    the first band, from the highest down, with ``total·a ≥ min·c·b`` (``>`` when the
    framework's publication declares ``band_bounds = "strict"``; ``b`` > 0, broadcast
    against ``total``); below every band, the last. The one banding of the engine: for
    :func:`~parindex.score_matrix` (one value per unit), the Monte Carlo analysis (one per
    draw and unit, see :func:`band_counts`) and :func:`~parindex.classify` (one value, see
    :func:`band_of`).

    Thresholds are scaled to integers (``min·10**places``, and ``total·a`` with them);
    products that could leave int64 are made in Python integers. ``missing(band,
    undecided)`` is called, and must raise, when a band whose threshold no source gives
    would decide a value still undecided. ``bound``: a bound on ``|total|`` and ``b`` the
    caller knows, which saves finding them.
    """
    index = np.zeros(total.shape, dtype=np.int64)
    # Thresholds fall from the first band to the last, so the bands a value does not
    # reach are a prefix: its band's index is how many it does not reach.
    for below in _below(framework, total, a, b, c, missing, bound):
        index += below
    return index


def band_counts(framework: Framework, total: NDArray[Any], a: int, b: NDArray[Any],
                c: int, missing: Callable[[Band, BoolArray], None], *,
                bound: int | None = None) -> Int64Array:
    """How many values of each column of ``total`` (rows: draws; columns: units) fall in
    each band, ``(columns, bands)``: the decisions of :func:`band_positions`, counted
    without writing each value's band."""
    columns = total.shape[-1]
    counts = np.zeros((columns, len(framework.bands)), dtype=np.int64)
    above = np.full(columns, total.shape[0], dtype=np.int64)  # not reaching a band above
    j = 0
    for j, below in enumerate(_below(framework, total, a, b, c, missing, bound), 1):
        now = below.view(np.uint8).sum(axis=0, dtype=np.int32)  # twice count_nonzero's speed
        counts[:, j - 1] = above - now
        above = now
    if counts.shape[1]:
        counts[:, j] = above
    return counts


def _below(framework: Framework, total: NDArray[Any], a: int, b: NDArray[Any], c: int,
           missing: Callable[[Band, BoolArray], None],
           bound: int | None) -> Iterator[BoolArray]:
    """For each band but the last, from the highest: which values do not reach it (see
    :func:`band_positions`); each mask holds the next's. The masks are one array,
    overwritten by the next: use each before asking for the next."""
    bands = framework.bands
    strict = framework.publication.band_bounds == "strict"
    places, scaled = _thresholds(tuple(band.min for band in bands))
    minima = [None if m is None else m * c for m in scaled]
    top = max((abs(m) for m in minima if m is not None), default=0)
    left: NDArray[Any] = total
    right: NDArray[Any] = b if b.shape == total.shape else np.broadcast_to(b, total.shape)
    factor = a * 10**places
    if bound is None:
        fits = fits_int64(peak_of(total), factor) and fits_int64(top, peak_of(right))
    else:
        fits = fits_int64(bound, factor) and fits_int64(top, bound)
    if not fits:
        left, right = left.astype(object), right.astype(object)  # Python ints
    value = left * factor
    below = np.ones(total.shape, dtype=np.bool_)  # reaches no band tried so far
    threshold: NDArray[Any] | None = None  # one buffer for every band's
    for i, (band, minimum) in enumerate(zip(bands, minima, strict=True)):
        if minimum is None:
            if below.any():
                missing(band, below)  # raises
            return
        if i == len(bands) - 1:
            return  # the last band takes every value below the others
        # "từ 80 %" includes the bound; "trên 80 %" (band_bounds = "strict") does not.
        threshold = np.multiply(right, minimum, out=threshold)
        (np.less_equal if strict else np.less)(value, threshold, out=below)
        if not below.any():
            return  # every value reached this band, so every lower one too
        yield below


@functools.lru_cache(maxsize=64)
def _thresholds(minima: tuple[Decimal | None, ...]) -> tuple[int, tuple[int | None, ...]]:
    """The decimal places the bands' minima need, and each minimum × 10**places."""
    places = max((places_of(m) for m in minima if m is not None), default=0)
    return places, tuple(None if m is None else to_scaled(m, places) for m in minima)


def band_of(framework: Framework, value: Fraction,
            missing: Callable[[Band], NoReturn]) -> int:
    """The index into ``framework.bands`` of one exact value: :func:`band_positions` on
    its numerator over its (positive) denominator."""
    small = fits_int64(abs(value.numerator)) and fits_int64(value.denominator)
    dtype = np.int64 if small else object
    numerator = np.asarray([value.numerator], dtype=dtype)
    denominator = np.asarray([value.denominator], dtype=dtype)
    return int(band_positions(framework, numerator, 1, denominator, 1,
                              lambda band, _: missing(band))[0])


# --- ranking --------------------------------------------------------------------------------


def dense_codes(keys: Sequence[Any]) -> Int64Array:
    """Integer codes that order exactly as the keys do (equal keys, equal codes): the
    keys' positions among the distinct keys, lowest 0. Keys are compared only with ``<``
    and ``==`` (tuples of exact fractions, say), never converted."""
    codes = [0] * len(keys)
    code = -1
    previous: Any = None
    for i in sorted(range(len(keys)), key=keys.__getitem__):
        key = keys[i]
        if code < 0 or key != previous:
            code += 1
            previous = key
        codes[i] = code
    return np.asarray(codes, dtype=np.int64)


def fold_groups(groups: Sequence[str | None] | None,
                n: int) -> tuple[Int64Array, tuple[str, ...]]:
    """Groups as integer codes (-1: none, for ``None`` or ``""``) and the name of each
    code, spelt as it first appears; names are compared by
    :func:`~parindex._base.names.group_key` (case, NFC, tone placement)."""
    if groups is None:
        return np.full(n, -1, dtype=np.int64), ()
    if len(groups) != n:
        raise ArgumentError(Problem(Sentence("b_groups_rows", groups=len(groups), rows=n)))
    # Few distinct names: fold case over those, not over every unit's.
    try:
        distinct = list(dict.fromkeys(groups))  # in order of first appearance
    except TypeError:  # unhashable: a list given as a group
        distinct = [g for g in groups if not isinstance(g, str | None)][:1]
    odd = next((g for g in distinct if not isinstance(g, str | None)), None)
    if odd is not None:  # group_key would fail on it (an AttributeError)
        raise ArgumentError(Problem(Sentence("b_group_text", value=repr(odd)[:80])))
    code_of = {name: i for i, name in enumerate(distinct)}
    raw = np.fromiter(map(code_of.__getitem__, groups), dtype=np.int64, count=n)
    folded: dict[str, int] = {}
    names: list[str] = []
    mapping = np.empty(len(distinct), dtype=np.int64)
    for i, name in enumerate(distinct):
        if not name:  # None or "": no group
            mapping[i] = -1
            continue
        key = group_key(name)
        if key not in folded:
            folded[key] = len(names)
            names.append(name)  # spelt as it first appears
        mapping[i] = folded[key]
    codes: Int64Array = mapping[raw]
    return codes, tuple(names)


def ranks(keys: list[Int64Array], codes: Int64Array,
          method: RankingMethod) -> tuple[Int64Array, Int64Array, Int64Array]:
    """Overall ranks, group ranks and group sizes (0 for units without a group) of units
    with these integer keys (most significant first; higher is better) and group codes
    (-1: none), competition (1, 2, 2, 4) or dense (1, 2, 2, 3). The one ranking of the
    engine, for :func:`~parindex.score_matrix` and, through :func:`dense_codes`,
    :func:`~parindex.rank_values` and :func:`~parindex.score_many`."""
    n = codes.shape[0]
    if n == 0:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, empty
    dense = method is RankingMethod.DENSE
    ordered, _ = best_first(keys)
    rank = np.empty(n, dtype=np.int64)
    rank[ordered] = _run_ranks(keys, ordered, None, dense)

    group_rank = np.zeros(n, dtype=np.int64)
    group_of = np.zeros(n, dtype=np.int64)
    grouped = codes >= 0
    if grouped.any():
        # The overall order, stably re-sorted by group, is each group's order by key
        # (a radix sort when the codes fit 16 bits).
        if not grouped.all():
            ordered = ordered[grouped[ordered]]
        in_order = codes[ordered]
        narrow = in_order.astype(np.int16) if in_order.max() < 2**15 else in_order
        ordered = ordered[np.argsort(narrow, kind="stable")]
        in_order = codes[ordered]
        group_rank[ordered] = _run_ranks(keys, ordered, in_order, dense)
        sizes = np.bincount(in_order)
        group_of[ordered] = sizes[in_order]
    return rank, group_rank, group_of


def best_first(keys: Sequence[NDArray[Any]]) -> tuple[Int64Array, BoolArray]:
    """Positions along the last axis from the highest key to the lowest, by the first key
    and then the others (units with equal keys in the order of their positions), and
    where the first key changes in that order (``True`` at each row's first position).

    The first key (integers, or floats without NaN) may have rows (the Monte Carlo
    analysis: one per draw), ordered each on its own; the others are integers with one
    value per unit. Each first key is coded as an unsigned integer that orders as it
    does, highest first, with the unit's position in its low bits: one plain sort, several
    times faster than an argsort, orders both. Codes spanning more bits than the position
    leaves lose their lowest bits, so units whose shortened codes tie, and units tied on
    the first key, are then put in order by the whole code and the remaining keys.
    """
    first = keys[0]
    n = first.shape[-1]
    changed = np.ones(first.shape, dtype=np.bool_)
    if first.size == 0:
        return np.zeros(first.shape, dtype=np.int64), changed
    code = _descending_code(first)
    bits = (n - 1).bit_length()
    low = code.min()
    shift = max(0, int(code.max() - low).bit_length() + bits - 64)
    whole = code.copy() if shift else None  # the shortened codes' ties need them
    packed = code  # a new array: packed in place
    packed -= low
    packed >>= np.uint64(shift)
    packed <<= np.uint64(bits)
    packed |= np.arange(n, dtype=np.uint64)
    packed.sort(axis=-1)
    ordered = (packed & np.uint64((1 << bits) - 1)).view(np.int64)
    packed >>= np.uint64(bits)
    same = packed[..., 1:] == packed[..., :-1]
    changed[..., 1:] = ~same
    rest = keys[1:]
    if not (rest or shift) or not same.any():
        return ordered, changed
    tied = np.zeros(ordered.shape, dtype=np.bool_)
    tied[..., 1:] |= same
    tied[..., :-1] |= same
    starts = np.ones(ordered.shape, dtype=np.bool_)  # each row's first unit starts a run
    starts[..., 1:] = ~same
    at = np.flatnonzero(tied)
    run = np.cumsum(starts.reshape(-1))[at]  # which run of equal (shortened) codes
    members = ordered.reshape(-1)[at]
    if whole is not None:
        whole = whole.reshape(-1)[at - at % n + members]
    within = np.lexsort([*(-key[members] for key in reversed(rest)),
                         *(() if whole is None else (whole,)), run])
    ordered[tied] = members[within]  # runs stay where they are: the order stays sorted
    if whole is not None:  # within a run of shortened codes the whole ones may differ
        whole = whole[within]
        inner = run[1:] == run[:-1]
        changed.reshape(-1)[at[1:][inner]] = whole[1:][inner] != whole[:-1][inner]
    return ordered, changed


def _descending_code(key: NDArray[Any]) -> NDArray[np.uint64]:
    """A new array of unsigned integers ordered opposite to ``key`` and equal exactly
    where it is. An int64 ``k`` maps to ``k ^ (2**63 - 1)`` read unsigned; a float64's
    bits, read as an integer, order as the float does once a negative float's magnitude
    bits are flipped, and so map to themselves (negative) or as an integer (positive)."""
    if key.dtype.kind != "f":
        code = key.astype(np.int64)
        code ^= np.int64(2**63 - 1)
        return code.view(np.uint64)
    bits = (key.astype(np.float64, copy=False) + 0.0).view(np.int64)  # -0.0 is 0.0
    flip = bits >> 63  # -1 for a negative float, else 0
    np.invert(flip, out=flip)
    flip &= np.int64(2**63 - 1)
    bits ^= flip
    return bits.view(np.uint64)


def _run_ranks(keys: list[Int64Array], order: NDArray[np.intp],
               sorted_groups: Int64Array | None, dense: bool) -> Int64Array:
    """Ranks along a sorted order: a new rank wherever a key (or the group) changes."""
    n = order.shape[0]
    changed = np.zeros(n, dtype=np.bool_)
    changed[0] = True
    for key in keys:
        ordered = key[order]
        changed[1:] |= ordered[1:] != ordered[:-1]
    if sorted_groups is None:
        return rank_runs(changed, dense)
    positions = np.arange(n, dtype=np.int64)
    new_group = np.ones(n, dtype=np.bool_)
    new_group[1:] = sorted_groups[1:] != sorted_groups[:-1]
    changed |= new_group
    first = np.maximum.accumulate(np.where(new_group, positions, 0))
    return rank_runs(changed, dense, first)


def rank_runs(changed: BoolArray, dense: bool, first: Int64Array | None = None) -> Int64Array:
    """Ranks along the last axis of units sorted best first, where ``changed`` marks each
    unit whose key differs from the one before (always the first): competition ranks
    (1, 2, 2, 4) or dense (1, 2, 2, 3). Used by :func:`ranks` (one row, groups counted
    from their ``first`` position) and the Monte Carlo analysis (a row per draw).
    """
    if first is None and changed.all():  # no ties, as in most Monte Carlo draws
        every: Int64Array = np.broadcast_to(
            np.arange(1, changed.shape[-1] + 1, dtype=np.int64), changed.shape)
        return every
    if dense:
        count = np.cumsum(changed, axis=-1, dtype=np.int64)
        if first is None:
            return count
        ranked: Int64Array = count - count[first] + 1
        return ranked
    positions = np.arange(changed.shape[-1], dtype=np.int64)
    ranked = np.maximum.accumulate(np.where(changed, positions, 0), axis=-1) + 1
    return ranked if first is None else ranked - first
