"""A whole results table in one pass of the exact kernel (:mod:`parindex._engine.batch`):
every unit's parts, total, index, band and ranks, and whether each printed figure agrees.

:func:`parindex.reproduce` takes this path when it can vouch that the result is the one
the one-unit explainer (:func:`parindex.score`) and its rank checks would give: every row
gives points at the leaves only, the kernel supports the framework, and every printed
figure agrees with the computed one. Anything else (a discrepancy, a figure that cannot
be checked, an unreadable row) is left to the explainer, which words the evidence.

Points keep the places they were written with, as :func:`parindex.score` keeps them (a
sum of ``1.50`` and ``2`` is ``3.50``): the kernel gives the exact value, the places are
the most any counted term has (:func:`_exponents`).
"""

from __future__ import annotations

import operator
from collections.abc import Mapping, Sequence
from decimal import Decimal
from fractions import Fraction
from itertools import chain

import attrs
import numpy as np
from numpy.typing import NDArray

from .._base.errors import ParindexError
from .._base.model import NOT_ARISING, Assessment, Band, Framework, NotArisingPolicy, nfc
from .._engine.batch import BatchResult, Int64Array, plan_of, score_matrix, to_matrix
from .._engine.reconcile import agrees

class Figures:
    """One unit's computed figures, as :class:`~parindex.Result` holds them: read from the
    table's arrays when asked for (a large table holds no Decimals per unit)."""

    __slots__ = ("_columns", "_row")

    def __init__(self, columns: _Columns, row: int) -> None:
        self._columns = columns
        self._row = row

    def _part(self, scaled: Int64Array, exponents: NDArray[np.int16]) -> Decimal:
        row = self._row
        return _decimal(int(scaled[row]), self._columns.batch.scale, int(exponents[row]))

    @property
    def total(self) -> Decimal:
        columns = self._columns
        return self._part(columns.batch.total_scaled, columns.total)

    @property
    def appraised(self) -> Decimal:
        columns = self._columns
        return self._part(columns.batch.appraised_scaled, columns.parts[0])

    @property
    def survey(self) -> Decimal:
        columns = self._columns
        return self._part(columns.batch.survey_scaled, columns.parts[1])

    @property
    def index(self) -> Fraction | None:
        return self._columns.batch.index(self._row)

    @property
    def band(self) -> Band | None:
        return self._columns.batch.band(self._row)

    @property
    def fields(self) -> Mapping[str, Decimal]:
        """The points of each top-level node (field, survey block, ...), by code."""
        row = self._row
        return {code: values[row] for code, values in self._columns.top_values().items()}


@attrs.frozen(eq=False)
class _Columns:
    """The kernel's arrays and the places each figure is written with, per unit."""

    batch: BatchResult
    #: The exponent of the appraised, survey, bonus and penalty parts, and of the total.
    parts: tuple[NDArray[np.int16], ...]
    total: NDArray[np.int16]
    #: Each top-level node's points × 10**scale and exponent, by code.
    tops: Mapping[str, tuple[Int64Array, NDArray[np.int16]]]
    _values: dict[str, list[Decimal]] = attrs.field(factory=dict, init=False)

    def top_values(self) -> Mapping[str, list[Decimal]]:
        """Each top-level node's points as Decimals, every unit's, by code: made on first
        use, each distinct value once (comparing two tables asks for every unit's)."""
        if not self._values:
            scale = self.batch.scale
            for code, (scaled, exponents) in self.tops.items():
                made: dict[tuple[int, int], Decimal] = {}
                values = []
                for key in zip(scaled.tolist(), exponents.tolist()):
                    value = made.get(key)
                    if value is None:
                        value = made[key] = _decimal(key[0], scale, key[1])
                    values.append(value)
                self._values[code] = values
        return self._values


@attrs.frozen
class Tabulated:
    """A table scored in one kernel pass, every printed figure agreeing.

    Lists have one entry per assessment of the table, in order; ranks as
    :class:`~parindex.UnitReproduction` gives them (``None`` without a group).
    """

    figures: list[Figures]
    rank: list[int]
    of: int
    group_rank: list[int | None]
    group_of: list[int | None]


def tabulate(framework: Framework, assessments: Sequence[Assessment]) -> Tabulated | None:
    """The table's figures, if the kernel scores it and every printed figure agrees
    (``None``: leave it to the explainer). Callers check the table itself first (no
    problems, one year, not an extract)."""
    if not assessments or any(a.inputs or a.published.points or a.published.rank_basis
                              for a in assessments):
        return None
    try:
        plan = plan_of(framework)
        if plan.vanishing:
            return None  # a node that counts 0 when all its items are marked: explain
        batch = score_matrix(framework, to_matrix(framework, assessments))
    except ParindexError:
        return None
    figures = _figures(framework, batch, assessments)
    n = len(assessments)
    ranks = batch.rank.tolist()
    group_ranks = [r or None for r in batch.group_rank.tolist()]
    group_of = [g or None for g in batch.group_of.tolist()]
    for i, assessment in enumerate(assessments):
        if not _agrees(framework, assessment, figures[i], ranks[i], n, group_ranks[i],
                       group_of[i]):
            return None
    return Tabulated(figures, ranks, n, group_ranks, group_of)


def _figures(framework: Framework, batch: BatchResult,
             assessments: Sequence[Assessment]) -> list[Figures]:
    """Every unit's figures, as exact Decimals with the places :func:`parindex.score`
    gives them."""
    plan = plan_of(framework)
    exponents = _exponents(framework, assessments)
    kind = np.asarray(plan.leaf_kind, dtype=np.int64)
    zero = np.zeros(len(assessments), dtype=np.int16)
    parts = []
    for k in range(4):  # appraised, survey, bonus, penalty: a sum from 0 (places 0)
        columns = np.flatnonzero(kind == k)
        parts.append(np.minimum(exponents[:, columns].min(axis=1), 0) if columns.size
                     else zero)
    tops = {}
    for node in framework.criteria:
        start, end = plan.ranges[node.code]
        tops[node.code] = (batch.node_points(node.code),
                           np.minimum(exponents[:, start:end].min(axis=1), 0))
    found = _Columns(batch, tuple(parts), np.minimum.reduce(parts), tops)
    return [Figures(found, i) for i in range(len(assessments))]


def _exponents(framework: Framework, assessments: Sequence[Assessment]) -> NDArray[np.int16]:
    """The exponent of the term each leaf adds to its part, per unit and leaf: the value's
    own, or under an item marked not arising its policy's (its maximum's for full marks,
    else 0)."""
    plan = plan_of(framework)
    codes = plan.codes
    getter = operator.itemgetter(*codes) if len(codes) > 1 else \
        (lambda points: (points[codes[0]],))
    full = [framework.not_arising_policy(leaf.code) is NotArisingPolicy.FULL
            for leaf in plan.leaves]
    fill = np.asarray([_exponent(leaf.max) if f else 0 for leaf, f
                       in zip(plan.leaves, full, strict=True)], dtype=np.int16)
    matrix = np.empty((len(assessments), len(codes)), dtype=np.int16)
    for start in range(0, len(assessments), _CHUNK):  # bounded temporaries
        chunk = assessments[start:start + _CHUNK]
        cells = list(chain.from_iterable(getter(a.points) for a in chunk))
        # Readers share one Decimal per distinct cell text, so identities are few: their
        # exponents are looked up once each.
        ids = np.fromiter(map(id, cells), dtype=np.int64, count=len(cells))
        _, first, inverse = np.unique(ids, return_index=True, return_inverse=True)
        distinct = [cells[j] for j in first.tolist()]
        table = np.asarray([_exponent(v) for v in distinct], dtype=np.int16)
        part = table[inverse].reshape(len(chunk), len(codes))
        marked = np.asarray([v is NOT_ARISING for v in distinct], dtype=np.bool_)
        if marked.any():
            part = np.where(marked[inverse].reshape(part.shape), fill[np.newaxis, :], part)
        matrix[start:start + len(chunk)] = part
    return matrix


#: Rows whose exponents are found together.
_CHUNK = 4096


def _exponent(value: object) -> int:
    if isinstance(value, Decimal):
        exponent = value.as_tuple().exponent
        assert isinstance(exponent, int)  # finite: to_matrix refuses the others
        return exponent
    return 0


def _decimal(scaled: int, scale: int, exponent: int) -> Decimal:
    """``scaled`` × 10**-scale written with ``-exponent`` places (it has no more)."""
    shift = -exponent - scale
    whole = scaled * 10**shift if shift >= 0 else scaled // 10**-shift
    return Decimal(whole).scaleb(exponent)


def _agrees(framework: Framework, assessment: Assessment, figures: Figures, rank: int,
            of: int, group_rank: int | None, group_of: int | None) -> bool:
    """Whether every printed figure of a row agrees, as :func:`parindex.reproduce` would
    find it, with nothing left unchecked."""
    published = assessment.published
    publication = framework.publication
    for what, printed, computed in (("total", published.total, figures.total),
                                    ("appraised", published.appraised, figures.appraised),
                                    ("survey", published.survey, figures.survey)):
        if printed is not None and not agrees(printed, computed, publication, what):
            return False
    if published.index is not None:
        if figures.index is None or not agrees(published.index, figures.index, publication,
                                               "index"):
            return False
    if published.band is not None:
        if figures.band is None or \
                nfc(published.band).casefold() != figures.band.name.casefold():
            return False
    for printed_rank, place, among in ((published.rank, rank, of),
                                       (published.group_rank, group_rank, group_of)):
        if printed_rank is None or place is None:
            continue  # a unit without a group has no group rank to check it against
        if printed_rank.of is not None and printed_rank.of != among:
            return False
        if printed_rank.position != place:
            return False
    return True
