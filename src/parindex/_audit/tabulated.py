"""A whole results table in one pass of the exact kernel (:mod:`parindex._engine.batch`):
every unit's parts, total, index, band and ranks, and whether each printed figure agrees.

:func:`parindex.reproduce` takes this path when it can vouch that the result is the one
the one-unit explainer (:func:`parindex.score`) and its rank checks would give: every row
gives points at the leaves only and the kernel supports the framework. The kernel's ranks
are the ranks of the whole table; a row whose total, part, index, band or rank disagrees
(or cannot be checked) is explained alone (:attr:`Tabulated.explain`), its ranks checked
against the kernel's. Anything else (an unreadable row, ranks that only follow another
row's wrong total) leaves the whole table to the explainer, which words the evidence.

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
from typing import Any

import attrs
import numpy as np
from numpy.typing import NDArray

from .._base.errors import ParindexError
from .._base.model import NOT_ARISING, Assessment, Band, Framework, NotArisingPolicy, nfc
from .._base.numbers import CONTEXT, Rounding, places, plain, quantize, rounded_whole
from .._engine.batch import (
    BatchResult,
    Int64Array,
    plan_of,
    score_matrix,
    to_matrix,
)
from .._formats.rows import TableRows, column

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

    @property
    def row(self) -> int:
        """The unit's position in the table."""
        return self._row

    def texts(self) -> Mapping[str, list[str | None]]:
        """Every unit's figures of this table as text (:meth:`_Columns.texts`)."""
        return self._columns.texts()

    def column(self, what: str) -> Sequence[Any]:
        """Every unit's ``total``, ``index`` or ``band`` of this table
        (:meth:`_Columns.column`)."""
        return self._columns.column(what)

    def points(self, code: str) -> Sequence[Decimal | None]:
        """Every unit's points of a top-level node of this table (``None``: no such
        node), as :attr:`fields` gives each unit's."""
        found = self._columns.top_values().get(code)
        return found if found is not None else [None] * len(self._columns.total)


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
    _texts: dict[str, list[str | None]] = attrs.field(factory=dict, init=False)
    _figures: dict[str, list[Any]] = attrs.field(factory=dict, init=False)

    def column(self, what: str) -> list[Any]:
        """Every unit's ``total`` (a Decimal), ``index`` (an exact Fraction, ``None`` when
        nothing arose) or ``band`` (its name, ``None`` without bands), as :class:`Figures`
        gives each unit's: made on first use, each distinct value once (comparing two
        tables asks for every unit's)."""
        found = self._figures.get(what)
        if found is not None:
            return found
        batch = self.batch
        if what == "total":
            found = _decimals(batch.total_scaled, self.total, batch.scale)
        elif what == "index":
            made: dict[tuple[int, int], Fraction | None] = {}
            found = []
            for key in zip(batch.total_scaled.tolist(), batch.arising_scaled.tolist()):
                index = made.get(key, made)
                if index is made:
                    index = made[key] = Fraction(100 * key[0], key[1]) if key[1] > 0 \
                        else None
                found.append(index)
        else:
            assert what == "band", what
            names = [band.name for band in batch.framework.bands]
            found = [names[b] if b >= 0 else None for b in batch.band_index.tolist()]
        self._figures[what] = found
        return found

    def texts(self) -> Mapping[str, list[str | None]]:
        """Every unit's computed figures as ``reproduce --json`` writes them, by name:
        ``total``, ``appraised`` and ``survey`` as exact decimal strings, ``index`` rounded
        to the framework's decimals, ``index_exact`` as ``n/d``, ``band`` by name (``None``:
        no index, no band). Each distinct value is written once: a large table's JSON then
        needs no Decimal or Fraction per unit."""
        if self._texts:
            return self._texts
        batch = self.batch
        for name, scaled, exponents in (
                ("total", batch.total_scaled, self.total),
                ("appraised", batch.appraised_scaled, self.parts[0]),
                ("survey", batch.survey_scaled, self.parts[1])):
            made: dict[tuple[int, int], str] = {}
            texts: list[str | None] = []
            for key in zip(scaled.tolist(), exponents.tolist()):
                text = made.get(key)
                if text is None:
                    text = made[key] = plain(_decimal(key[0], batch.scale, key[1]))
                texts.append(text)
            self._texts[name] = texts
        decimals = batch.framework.decimals
        indices: dict[tuple[int, int], tuple[str | None, str | None]] = {}
        shown: list[str | None] = []
        exact: list[str | None] = []
        for key in zip(batch.total_scaled.tolist(), batch.arising_scaled.tolist()):
            texts_of = indices.get(key)
            if texts_of is None:
                index = Fraction(100 * key[0], key[1]) if key[1] > 0 else None
                texts_of = indices[key] = (None, None) if index is None else (
                    plain(quantize(index, decimals)), f"{index.numerator}/{index.denominator}")
            shown.append(texts_of[0])
            exact.append(texts_of[1])
        self._texts["index"], self._texts["index_exact"] = shown, exact
        names = [band.name for band in batch.framework.bands]
        self._texts["band"] = [names[b] if b >= 0 else None for b in batch.band_index.tolist()]
        return self._texts

    def top_values(self) -> Mapping[str, list[Decimal]]:
        """Each top-level node's points as Decimals, every unit's, by code: made on first
        use, each distinct value once (comparing two tables asks for every unit's)."""
        if not self._values:
            scale = self.batch.scale
            for code, (scaled, exponents) in self.tops.items():
                self._values[code] = _decimals(scaled, exponents, scale)
        return self._values


def _decimals(scaled: Int64Array, exponents: NDArray[np.int16], scale: int) -> list[Decimal]:
    """Every unit's :func:`_decimal`, each distinct value made once (one object for all
    the units that have it)."""
    made: dict[tuple[int, int], Decimal] = {}
    values = []
    for key in zip(scaled.tolist(), exponents.tolist()):
        value = made.get(key)
        if value is None:
            value = made[key] = _decimal(key[0], scale, key[1])
        values.append(value)
    return values


@attrs.frozen
class Tabulated:
    """A table scored and ranked in one kernel pass.

    Lists have one entry per assessment of the table, in order; ranks as
    :class:`~parindex.UnitReproduction` gives them (``None`` without a group).
    :attr:`explain` lists the rows with a printed figure (a rank included) that disagrees
    or cannot be checked: the explainer words them.
    """

    figures: list[Figures]
    rank: list[int]
    of: int
    group_rank: list[int | None]
    group_of: list[int | None]
    explain: list[int] = attrs.field(factory=list)


def tabulate(framework: Framework, assessments: Sequence[Assessment]) -> Tabulated | None:
    """The table's figures and ranks, if the kernel scores it (``None``: leave it to the
    explainer), and the rows whose printed figures disagree. Callers check the table
    itself first (no problems, one year, not an extract)."""
    if not assessments or not _leaves_only(assessments):
        return None
    try:
        plan = plan_of(framework)
        if plan.vanishing:
            return None  # a node that counts 0 when all its items are marked: explain
        matrix = to_matrix(framework, assessments)  # checks every row first
        held = getattr(assessments, "leaf_cells", None)
        cells = held(framework) if held is not None else None
        value_at, values = (cells.value_at, cells.values) if cells is not None else \
            _cells(framework, assessments)
        batch = score_matrix(framework, matrix)
    except ParindexError:
        return None
    explain = _disagreeing(framework, batch, assessments)
    n = len(assessments)
    figures = _figures(framework, batch, _exponents(framework, value_at, values), n)
    group_ranks = [r or None for r in batch.group_rank.tolist()]
    group_of = [g or None for g in batch.group_of.tolist()]
    return Tabulated(figures, batch.rank.tolist(), n, group_ranks, group_of, explain)


def _leaves_only(assessments: Sequence[Assessment]) -> bool:
    """Whether every row gives points only (no rule inputs, no published points of its
    own, no declared rank basis): what the kernel's pass can vouch for."""
    if isinstance(assessments, TableRows):
        ranked = any(r is not None for name in ("rank", "group_rank")
                     for r in column(assessments, name))
        return not assessments.points and not (assessments.rank_basis and ranked)
    return not any(a.inputs or a.published.points or a.published.rank_basis
                   for a in assessments)


def _cells(framework: Framework, assessments: Sequence[Assessment],
           ) -> tuple[NDArray[np.intp], list[object]]:
    """Each unit's leaf values as positions (units × leaves, in the kernel's column
    order) among the table's distinct values (the rows are known to give every leaf)."""
    codes = plan_of(framework).codes
    getter = operator.itemgetter(*codes) if len(codes) > 1 else \
        (lambda points: (points[codes[0]],))
    parts = []
    distinct: dict[int, int] = {}
    values: list[object] = []
    for start in range(0, len(assessments), _CHUNK):  # bounded temporaries
        chunk = assessments[start:start + _CHUNK]
        cells = list(chain.from_iterable(getter(a.points) for a in chunk))
        # Readers share one Decimal per distinct cell text, so identities are few.
        ids = np.fromiter(map(id, cells), dtype=np.int64, count=len(cells))
        unique, first, inverse = np.unique(ids, return_index=True, return_inverse=True)
        for identity, j in zip(unique.tolist(), first.tolist(), strict=True):
            if identity not in distinct:
                distinct[identity] = len(values)
                values.append(cells[j])
        here = np.asarray([distinct[i] for i in unique.tolist()], dtype=np.intp)
        parts.append(here[inverse].reshape(len(chunk), len(codes)))
    return np.concatenate(parts), values


def _disagreeing(framework: Framework, batch: BatchResult, assessments: Sequence[Assessment],
                 ) -> list[int]:
    """The rows with a printed total, part, index, band, rank or group rank that does not
    agree as :func:`parindex.reproduce` would find it
    (:func:`~parindex._engine.reconcile.agrees`, the kernel's ranks) or cannot be checked,
    figure by figure over the kernel's integers."""
    n = len(assessments)
    found: set[int] = set()
    found.update(i for i, (value, rank) in enumerate(zip(
        column(assessments, "rank"), batch.rank.tolist(), strict=True))
        if value is not None and ((value.of is not None and value.of != n)
                                  or value.position != rank))
    # (A unit without a group has no group rank to check a printed one against.)
    found.update(i for i, (value, rank, among) in enumerate(zip(
        column(assessments, "group_rank"), batch.group_rank.tolist(),
        batch.group_of.tolist(), strict=True))
        if value is not None and rank and ((value.of is not None and value.of != among)
                                           or value.position != rank))
    publication = framework.publication
    rounding = publication.rounding
    for what, computed in (("total", batch.total_scaled), ("appraised", batch.appraised_scaled),
                           ("survey", batch.survey_scaled)):
        found.update(not_rounding_to(column(assessments, what), computed.tolist(), batch.scale,
                                     publication.places(what), rounding))
    printed = column(assessments, "index")
    if any(value is not None for value in printed):
        declared = publication.places("index")
        for i, (value, total, arising) in enumerate(zip(
                printed, batch.total_scaled.tolist(), batch.arising_scaled.tolist(),
                strict=True)):
            if value is not None and (arising <= 0 or not _rounds_to(
                    value, 100 * total, arising, declared, rounding)):
                found.add(i)
    names = [band.name.casefold() for band in framework.bands]
    printed = column(assessments, "band")
    folded = {value: nfc(value).casefold() for value in set(printed) if value is not None}
    found.update(i for i, (value, band) in enumerate(zip(printed, batch.band_index.tolist(),
                                                         strict=True))
                 if value is not None and (band < 0 or folded[value] != names[band]))
    return sorted(found)


def not_rounding_to(printed: Sequence[Decimal | None], computed: Sequence[int], scale: int,
                    declared: int | None, rounding: Rounding) -> list[int]:
    """The rows whose printed figure (``None``: not printed) is not the computed one
    (``computed`` × 10**-``scale``) as the publisher prints it (:func:`_rounds_to`).

    A consistent table prints most figures exactly as computed, to places that need no
    rounding (all of them unless places are ``declared``): such a row agrees at the cost
    of one comparison; only the others are rounded.
    """
    scaled = 10**scale
    # Exactly the computed value, to the declared places or fewer: the value × 10**declared
    # is whole, so _rounds_to rounds nothing and finds them equal.
    step = 10**(scale - declared) if declared is not None and declared < scale else 1
    return [i for i, (value, points) in enumerate(zip(printed, computed, strict=True))
            if value is not None and (value.scaleb(scale, CONTEXT) != points or points % step)
            and not _rounds_to(value, points, scaled, declared, rounding)]


def _rounds_to(printed: Decimal, numerator: int, denominator: int, declared: int | None,
               rounding: Rounding) -> bool:
    """Whether ``numerator / denominator`` printed as the publisher prints it (to the
    declared places, else the printed ones) is ``printed``."""
    shown = places(printed) if declared is None else declared
    return printed.scaleb(shown) == rounded_whole(numerator, denominator, shown, rounding)


def _figures(framework: Framework, batch: BatchResult, exponents: NDArray[np.int16],
             n: int) -> list[Figures]:
    """Every unit's figures, as exact Decimals with the places :func:`parindex.score`
    gives them."""
    plan = plan_of(framework)
    kind = np.asarray(plan.leaf_kind, dtype=np.int64)
    zero = np.zeros(n, dtype=np.int16)
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
    return [Figures(found, i) for i in range(n)]


def _exponents(framework: Framework, value_at: NDArray[np.integer[Any]],
               values: Sequence[object]) -> NDArray[np.int16]:
    """The exponent of the term each leaf adds to its part, per unit and leaf: the value's
    own, or under an item marked not arising its policy's (its maximum's for full marks,
    else 0). Each distinct value's exponent is found once."""
    plan = plan_of(framework)
    fill = np.asarray([_exponent(leaf.max)
                       if framework.not_arising_policy(leaf.code) is NotArisingPolicy.FULL
                       else 0 for leaf in plan.leaves], dtype=np.int16)
    own: NDArray[np.int16] = np.asarray([_exponent(v) for v in values],
                                        dtype=np.int16)[value_at]
    marked = np.asarray([v is NOT_ARISING for v in values], dtype=np.bool_)
    if marked.any():
        own = np.where(marked[value_at], fill[np.newaxis, :], own)
    return own


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
