"""Scoring, ranking and banding many units of one framework at once, on scaled integers.

By default :func:`~parindex.score_many` explains each assessment with
:class:`~decimal.Decimal` objects, node by node; that is exact but takes milliseconds a
unit. With ``batch=True`` it comes here, which gives the same figures for thousands of
units in one pass over a numpy ``int64`` matrix:

* :func:`to_matrix` is the edge: it turns assessments into a :class:`PointsMatrix` of
  points × 10**scale (``scale`` is the largest number of decimal places in the
  data and the framework's maxima, so the conversion is exact), with *không phát sinh*
  (``"x"``) marks in a boolean mask.
* :func:`score_matrix` is the hot path: sums, range checks, not-arising policies, arising
  maxima, ranks and bands, all with integer arithmetic and exact comparisons.
* :func:`~parindex.score_many` with ``batch=True`` does both.

Only assessments that give points exactly at the leaves (every leaf a number or
``"x"``, no node above them) are supported: a node given points directly is not the sum
of its items, which a matrix of leaves cannot say. Score those with
:func:`~parindex.score_many` without ``batch``, as well as assessments that give figures for rules to
score (``[inputs]``) and frameworks that name a ranking or band method a plugin
registers: the batch path implements only the built-in ones (competition and dense
ranking, the ``minimum`` band method) on integers, and refuses the others.

>>> import attrs, parindex
>>> framework = parindex.get_framework("thua-thien-hue/commune/2022")
>>> example = parindex.load_assessment(parindex.example_path())
>>> leaves = {code: p for code, p in example.points.items() if code != "6"}
>>> batch = parindex.score_many(framework, [attrs.evolve(example, points=leaves)], batch=True)
>>> batch.total(0), batch.arising_max(0), int(batch.rank[0]), batch.band(0).name
(Decimal('77.636'), Decimal('99.500'), 1, 'Khá')
"""

from __future__ import annotations

import difflib
import operator
import unicodedata
import warnings
import weakref
from collections.abc import Callable, Iterable, KeysView, Mapping, Sequence
from decimal import Decimal
from fractions import Fraction
from itertools import chain
from typing import Any, Final, TypeAlias

import attrs
import numpy as np
from numpy.typing import NDArray

from .._base.errors import (
    ArgumentError,
    AssessmentError,
    FrameworkError,
    MissingInformationError,
    Origin,
    Problem,
)
from .._base.i18n import Sentence
from .._base.model import (
    NOT_ARISING,
    Assessment,
    Band,
    BandBasis,
    Framework,
    Node,
    NodeKind,
    NotArisingPolicy,
    RankBasis,
    RankingMethod,
    method_name,
)
from .._base.names import duplicate_units, find_unit, group_key, name_key, unit_twice
from .._base.numbers import exact
from .ordering import (
    INT64_SAFE,
    band_positions,
    fits_int64,
    fold_groups,
    peak_of,
    places_of,
    ranks,
    to_scaled,
)

Int64Array: TypeAlias = NDArray[np.int64]
BoolArray: TypeAlias = NDArray[np.bool_]

#: Listing every bad cell of a 10,000-unit batch helps nobody; errors list this many.
MAX_PROBLEMS: Final = 50

_KINDS: Final = (NodeKind.CRITERION, NodeKind.SURVEY, NodeKind.BONUS, NodeKind.PENALTY)
POLICY_CODES: Final = {NotArisingPolicy.EXCLUDE: 0, NotArisingPolicy.FULL: 1,
                        NotArisingPolicy.ZERO: 2, NotArisingPolicy.UNKNOWN: 3}
_UNKNOWN_POLICY: Final = POLICY_CODES[NotArisingPolicy.UNKNOWN]


# --- the prepared input -------------------------------------------------------------------


def _codes(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


def _optional_tuple(value: Iterable[object] | None) -> tuple[Any, ...] | None:
    return None if value is None else tuple(value)


def _int64_matrix(value: object) -> Int64Array:
    array = np.asarray(value)
    if array.dtype.kind not in "iu":
        raise TypeError(Sentence("b_integer_points", dtype=str(array.dtype)))
    view = np.ascontiguousarray(array, dtype=np.int64).view()
    view.flags.writeable = False  # a matrix is a value: its cells do not change
    return view


def _bool_matrix(value: object) -> BoolArray:
    array = np.asarray(value)
    if array.dtype != np.bool_:
        raise TypeError(Sentence("b_boolean_marks", dtype=str(array.dtype)))
    # A copy: the marks' coordinates are derived from it once, so it must not change.
    copy = np.array(array, dtype=np.bool_, order="C", copy=True)
    copy.flags.writeable = False
    return copy


@attrs.frozen(eq=False)
class PointsMatrix:
    """Many units' leaf points under one framework, as exact scaled integers.

    Row ``i`` is one unit; column ``j`` is the ``j``-th leaf of the framework in
    depth-first printed order (:attr:`codes`), so the leaves of every node are
    contiguous columns. Build it with :func:`to_matrix`, or by hand from data that is
    already integral.

    :param codes: the leaf codes, one per column, in the framework's depth-first order.
    :param scale: decimal places kept: a cell holds points × 10**scale.
    :param points: ``int64`` array of shape (units, leaves).
    :param not_arising: boolean array of the same shape; ``True`` marks an item that did
        not arise (``"x"``). The points under such a mark are ignored (:func:`to_matrix`
        writes 0 there).
    :param units: the unit names, one per row (optional; :func:`score_matrix` may be given
        them instead). Compared case-insensitively, they must differ.
    :param groups: each unit's group, e.g. its district (``None``: no group); compared
        case-insensitively, as :func:`~parindex.score_many` does. Optional.
    :param year: the assessment year all rows share (``None``: not known), for what titles
        a report or chart. :func:`to_matrix` records it.

    Everything that is not arithmetic is done here, once: both arrays become read-only
    (``not_arising`` is copied), the coordinates of the marks (usually a few per cent of
    the cells) are found so that scoring handles them sparsely, unit names are checked to
    differ, and group names are folded into integer codes (:attr:`group_codes`, indices
    into :attr:`group_names`; -1: no group).

    :raises AssessmentError: two units have the same name.
    :raises ArgumentError: (a ``ValueError``) a negative scale, shapes or lengths that do
        not agree.
    :raises TypeError: points that are not integers, marks that are not booleans.
    """

    codes: tuple[str, ...] = attrs.field(converter=_codes)
    scale: int = attrs.field()
    points: Int64Array = attrs.field(converter=_int64_matrix, repr=False)
    not_arising: BoolArray = attrs.field(converter=_bool_matrix, repr=False)
    units: tuple[str, ...] | None = attrs.field(default=None, converter=_optional_tuple,
                                               repr=False)
    groups: tuple[str | None, ...] | None = attrs.field(default=None,
                                                       converter=_optional_tuple, repr=False)
    year: int | None = attrs.field(default=None, kw_only=True)
    #: Group of each row as an index into :attr:`group_names`; -1: none.
    group_codes: Int64Array = attrs.field(init=False, repr=False)
    #: Group names by code, each spelt as it first appears.
    group_names: tuple[str, ...] = attrs.field(init=False, repr=False)
    #: Rows, columns and flat positions of the marked cells, in row-major order.
    marked_rows: NDArray[np.intp] = attrs.field(init=False, repr=False)
    marked_cols: NDArray[np.intp] = attrs.field(init=False, repr=False)
    marked_flat: NDArray[np.intp] = attrs.field(init=False, repr=False)

    @scale.validator
    def _check_scale(self, _: object, value: int) -> None:
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise ArgumentError(Problem(Sentence("b_scale", value=repr(value))))

    def __attrs_post_init__(self) -> None:
        if self.points.ndim != 2 or self.points.shape[1] != len(self.codes):
            raise ArgumentError(Problem(Sentence("b_shape", leaves=len(self.codes),
                                                 shape=str(self.points.shape))))
        if self.not_arising.shape != self.points.shape:
            raise ArgumentError(Problem(Sentence("b_marks_shape",
                                                 marks=str(self.not_arising.shape),
                                                 points=str(self.points.shape))))
        n = self.points.shape[0]
        if self.units is not None:
            if len(self.units) != n:
                raise ArgumentError(Problem(Sentence("b_names_rows", names=len(self.units),
                                                     rows=n)))
            groups = self.groups
            _check_units(self.units, lambda i: groups[i] if groups is not None else None)
        codes, names = fold_groups(self.groups, n)
        flat = np.flatnonzero(self.not_arising)
        rows, cols = np.divmod(flat, max(self.points.shape[1], 1))
        for name, value in (("marked_rows", rows), ("marked_cols", cols), ("marked_flat", flat),
                            ("group_codes", codes)):
            value.flags.writeable = False
            object.__setattr__(self, name, value)
        object.__setattr__(self, "group_names", names)

    def __len__(self) -> int:
        return int(self.points.shape[0])


# --- what a framework asks of the hot path, worked out once -------------------------------


@attrs.frozen(eq=False)
class _Plan:
    """A framework's tree flattened to column ranges (scale-independent)."""

    codes: tuple[str, ...]
    leaves: tuple[Node, ...]
    #: ``[start, end)`` leaf columns of every node, by code.
    ranges: Mapping[str, tuple[int, int]]
    #: Index into :data:`_KINDS` of the top-level node above each leaf.
    leaf_kind: tuple[int, ...]
    #: The not-arising policy code of each leaf (node overrides applied).
    leaf_policy: tuple[int, ...]
    #: Internal nodes whose items' maxima add up to more than their own maximum: only
    #: these can be derived above their maximum, which :func:`~parindex.score` refuses.
    checked: tuple[Node, ...]
    #: (kind index, maximum, first column, end column) of each top-level node.
    tops: tuple[tuple[int, Decimal, int, int], ...]
    #: (kind index, first column, end column) of each run of top-level nodes of one kind:
    #: the only sums scoring needs besides tie-break codes and checked nodes.
    kind_runs: tuple[tuple[int, int, int], ...]
    #: Decimal places the maxima need.
    places: int
    #: Columns of full-marks items whose parent counts 0 when all its items are marked
    #: (see ``_make_plan``), with the parent's columns. Empty for consistent maxima.
    vanishing: Mapping[int, tuple[int, int]]

    #: Leaf maxima × 10**scale by scale, filled as scales are asked for.
    _maxima: dict[int, list[int]] = attrs.field(factory=dict, init=False)
    _excluded: dict[int, Int64Array] = attrs.field(factory=dict, init=False)

    def excluded_maxima(self, scale: int) -> Int64Array:
        """Per leaf column: its scaled maximum if an item marked there leaves the arising
        maximum (policy ``exclude``, criterion or survey), else 0."""
        table = self._excluded.get(scale)
        if table is None:
            exclude = POLICY_CODES[NotArisingPolicy.EXCLUDE]
            table = np.asarray([m if policy == exclude and kind < 2 else 0 for m, policy, kind
                                in zip(self.scaled_maxima(scale), self.leaf_policy,
                                       self.leaf_kind, strict=True)], dtype=np.int64)
            self._excluded[scale] = table
        return table

    def scaled_maxima(self, scale: int) -> list[int]:
        maxima = self._maxima.get(scale)
        if maxima is None:
            maxima = [to_scaled(known_max(leaf.max), scale) for leaf in self.leaves]
            self._maxima[scale] = maxima
        return maxima


_plans: dict[int, tuple[weakref.ref[Framework], _Plan]] = {}


def plan_of(framework: Framework) -> _Plan:
    """The flattened plan of a framework, cached while the framework lives."""
    cached = _plans.get(id(framework))
    if cached is not None and cached[0]() is framework:
        return cached[1]
    plan = _make_plan(framework)
    key = id(framework)
    from .scoring import forget

    _plans[key] = (weakref.ref(framework, forget(_plans, key)), plan)
    return plan


def _make_plan(framework: Framework) -> _Plan:
    if not isinstance(framework.ranking, RankingMethod) or framework.band_method != "minimum":
        raise FrameworkError(Problem(
            Sentence("b_methods", framework=framework.id,
                     ranking=repr(method_name(framework.ranking)),
                     band=repr(framework.band_method)),
            key="ranking" if not isinstance(framework.ranking, RankingMethod)
            else "band_method"))
    if framework.publication.decide_on != "exact":
        raise FrameworkError(Problem(Sentence("b_rounded", framework=framework.id),
                                     key="publication"))
    unknown = [node.code for node in framework.walk() if node.max is None]
    if unknown:
        raise MissingInformationError(Problem(Sentence(
            "b_unknown_maxima", framework=framework.id, codes=tuple(unknown))))
    leaves: list[Node] = []
    ranges: dict[str, tuple[int, int]] = {}
    leaf_kind: list[int] = []
    leaf_policy: list[int] = []
    checked: list[Node] = []

    vanishing: dict[int, tuple[int, int]] = {}

    def visit(node: Node, kind: int, policy: NotArisingPolicy) -> bool:
        """Flatten ``node``; whether it vanishes when all its items are marked "x"."""
        policy = node.not_arising or policy
        start = len(leaves)
        if node.is_leaf:
            leaves.append(node)
            leaf_kind.append(kind)
            leaf_policy.append(POLICY_CODES[policy])
            ranges[node.code] = (start, start + 1)
            return True
        vanishes = all([visit(child, kind, policy) for child in node.children])
        end = len(leaves)
        ranges[node.code] = (start, end)
        items = sum((known_max(leaf.max) for leaf in leaves[start:]), Decimal(0))
        if items > known_max(node.max):
            checked.append(node)
        # score() counts a node whose items all did not arise, and whose arising maximum
        # is then 0, as 0 points and not arising, even if some items count full marks
        # (possible only where items' maxima exceed the node's). Its arising maximum
        # with every item marked is its maximum less the excluded items' maxima.
        excluded = sum((known_max(leaves[j].max) for j in range(start, end)
                        if leaf_policy[j] == POLICY_CODES[NotArisingPolicy.EXCLUDE]),
                       Decimal(0))
        vanishes = vanishes and known_max(node.max) == excluded
        if vanishes:
            for child in node.children:
                column = ranges[child.code][0]
                if child.is_leaf and known_max(child.max) > 0 and \
                        leaf_policy[column] == POLICY_CODES[NotArisingPolicy.FULL]:
                    vanishing.setdefault(column, (start, end))  # the innermost such node
        return vanishes

    tops: list[tuple[int, Decimal, int, int]] = []
    for top in framework.criteria:
        kind = _KINDS.index(top.kind)
        visit(top, kind, framework.not_arising)
        tops.append((kind, known_max(top.max), *ranges[top.code]))
    places = max((places_of(known_max(node.max)) for node in framework.walk()),
                 default=0)
    runs: list[tuple[int, int, int]] = []
    for kind, _, start, end in tops:
        if runs and runs[-1][0] == kind:
            runs[-1] = (kind, runs[-1][1], end)
        else:
            runs.append((kind, start, end))
    return _Plan(
        codes=tuple(leaf.code for leaf in leaves), leaves=tuple(leaves), ranges=ranges,
        leaf_kind=tuple(leaf_kind), leaf_policy=tuple(leaf_policy), checked=tuple(checked),
        tops=tuple(tops), kind_runs=tuple(runs), places=places, vanishing=vanishing,
    )


def known_max(value: Decimal | None) -> Decimal:
    """A maximum known to be given (the plan refuses frameworks with unknown ones)."""
    assert value is not None
    return value


# --- the edge: assessments to a matrix ---------------------------------------------------


def to_matrix(framework: Framework, assessments: Iterable[Assessment]) -> PointsMatrix:
    """Convert assessments of one framework into a :class:`PointsMatrix`, exactly.

    Every leaf must be given a :class:`~decimal.Decimal` or :data:`~parindex.NOT_ARISING`
    and no node above the leaves may be given points. The scale is the largest number of
    decimal places any point value or maximum needs, so no digit is lost. Checks what
    :func:`~parindex.score` checks of an assessment's fit (framework id, year, codes in
    every table) and that all units are of one year; ranges are checked by
    :func:`score_matrix`.

    :param framework: the framework all assessments are scored under.
    :param assessments: the units, one row each, in this order.
    :returns: the matrix; rows follow ``assessments``.
    :raises AssessmentError: an assessment does not fit the framework, gives points above
        the leaves (use :func:`~parindex.score_many`), leaves a leaf without points, or
        gives a value that is not an exact finite :class:`~decimal.Decimal`; every problem
        found, up to :data:`MAX_PROBLEMS`.
    :raises MissingInformationError: the framework has unknown maxima.

    A points table whose keys are the leaf codes in :attr:`PointsMatrix.codes` order (as
    building it by walking the framework gives) is read as it stands; other orders cost a
    lookup per cell.

    Rows that a reader holds column by column (a table read from a file) may give their
    leaf values at once, with a method ``leaf_cells(framework)`` returning
    :class:`LeafCells` (``None``: they do not fit as they are, and are checked one by one).
    """
    from .scoring import check_fit

    held = getattr(assessments, "leaf_cells", None)
    cells = held(framework) if held is not None else None
    if cells is not None:
        return cells_to_matrix(framework, cells.value_at, cells.values, cells.units,
                               cells.groups, year=cells.year)
    plan = plan_of(framework)
    assessments = list(assessments)
    codes = plan.codes
    leaf_set = frozenset(codes)
    known = framework.nodes.keys()
    getter = _getter(codes)
    first, last = framework.first_year, framework.last_year
    problems: list[Problem] = []
    in_order = list(codes)
    rows: list[Iterable[object]] = []
    for assessment in assessments:
        points = assessment.points
        if assessment.inputs:
            origin = assessment.origin or Origin(None)
            problems.append(origin.problem(Sentence("b_figures", unit=assessment.unit),
                                           "inputs"))
            continue
        row: Iterable[object] | None
        if type(points) is dict and list(points) == in_order:
            # Keys already in column order (points built by walking the framework): the
            # values are the row as they stand, without a lookup per cell.
            row = points.values()
        else:
            try:
                row = getter(points)
            except KeyError:
                row = None
        # One value per leaf and nothing else: then every code is known, as checked below.
        full = row is not None and len(points) == len(codes)
        if not (assessment.framework == framework.id and first <= assessment.year
                and (last is None or assessment.year <= last)
                and (full or known >= points.keys())
                and _known_codes(known, assessment.self_assessed)
                and _known_codes(known, assessment.comments)
                and _known_codes(known, assessment.published.points)):
            try:
                check_fit(framework, assessment, assessment.origin or Origin(None))
            except AssessmentError as error:  # collect, so one pass shows them all
                problems += error.problems
        if row is None or not full:
            problems += _shape_problems(framework, assessment, leaf_set)
            continue
        rows.append(row)
    years = sorted({a.year for a in assessments})
    if len(years) > 1:
        problems.append(Problem(Sentence("e_years_together", years=years)))
    if problems:
        raise AssessmentError(_capped(problems))

    cells = len(rows) * len(codes)
    # Type check over every value: a float or int equal to a Decimal would hide behind it
    # in the table of distinct values below (0.5 == Decimal("0.5") in Python).
    types = set(map(type, chain.from_iterable(rows)))
    if not types <= {Decimal, type(NOT_ARISING)}:
        raise AssessmentError(_capped(_value_problems(framework, assessments, codes)))
    # Each cell hashed once: its code in a table of distinct values, numbered as first
    # met (points are quantised, so distinct values are few and exact work on them cheap).
    lookup = Numbering()
    try:
        index = np.fromiter(map(lookup.__getitem__, chain.from_iterable(rows)), dtype=np.intp,
                            count=cells)
    except TypeError:  # a signalling NaN refuses to be hashed
        raise AssessmentError(_capped(_value_problems(framework, assessments, codes))) from None
    distinct = list(lookup)
    if not all(v.is_finite() for v in distinct if isinstance(v, Decimal)):
        raise AssessmentError(_capped(_value_problems(framework, assessments, codes)))
    return cells_to_matrix(framework, index.reshape(len(rows), len(codes)), distinct,
                           [a.unit for a in assessments], [a.group for a in assessments],
                           year=years[0] if years else None)


@attrs.frozen(eq=False)
class LeafCells:
    """Many units' leaf values, as a reader holds them: each distinct value once.

    :param value_at: (units, leaves) positions in :attr:`values`, columns in the
        framework's depth-first leaf order (:attr:`PointsMatrix.codes`).
    :param values: the distinct values (exact finite Decimals or NOT_ARISING).
    :param units: the unit names, one per row.
    :param groups: each unit's group (``None``: none).
    :param year: the year of every unit, within the framework's years.
    """

    value_at: NDArray[np.integer[Any]]
    values: Sequence[object]
    units: Sequence[str]
    groups: Sequence[str | None]
    year: int


def cells_to_matrix(framework: Framework, value_at: NDArray[np.integer[Any]],
                    values: Sequence[object], units: Sequence[str],
                    groups: Sequence[str | None], *, year: int | None = None) -> PointsMatrix:
    """A :class:`PointsMatrix` from a table's distinct leaf values and, per unit and
    leaf (in :attr:`PointsMatrix.codes` order), the position of its value among them:
    each distinct value is scaled once (a table of 10,000 units has a few dozen).

    :raises AssessmentError: a value that is neither an exact finite Decimal nor
        :data:`~parindex.NOT_ARISING`, or too large for 64-bit integers at the scale.
    :raises ArgumentError: (a ``ValueError``) ``value_at`` is not (units, leaves).
    """
    plan = plan_of(framework)
    if value_at.ndim != 2 or value_at.shape[1] != len(plan.codes):
        raise ArgumentError(Sentence("a_value_at_shape", leaves=len(plan.codes),
                                     framework=framework.id, shape=str(value_at.shape)))
    decimals = [v for v in values if isinstance(v, Decimal)]
    marked = [v is NOT_ARISING for v in values]  # several cells may mean "x"
    bad = [v for v, m in zip(values, marked, strict=True)
           if not m and not (isinstance(v, Decimal) and v.is_finite())]
    if bad:
        raise AssessmentError(Sentence("b_not_decimal", value=repr(bad[0])))
    scale = max([plan.places, *(places_of(v) for v in decimals)])
    table = [to_scaled(v, scale) if isinstance(v, Decimal) else 0 for v in values]
    too_large = [v for v, s in zip(values, table, strict=True) if abs(s) >= INT64_SAFE]
    if too_large:
        raise AssessmentError(Sentence("b_value_int64", value=too_large[0], places=scale))
    matrix = np.asarray(table, dtype=np.int64)[value_at]
    mask = np.asarray(marked, dtype=np.bool_)[value_at]
    return PointsMatrix(plan.codes, scale, matrix, mask, units=units, groups=groups,
                        year=year)


def _known_codes(known: KeysView[str], table: Mapping[str, object]) -> bool:
    return not table or known >= table.keys()


class Numbering(dict[object, int]):
    """Numbers keys in the order first looked up: ``numbering[key]`` is the key's number,
    a new one for a key not seen before (one hash a lookup, in C for keys already seen)."""

    def __missing__(self, key: object) -> int:
        number = self[key] = len(self)
        return number


def _getter(codes: tuple[str, ...]) -> Callable[[Mapping[str, object]], tuple[object, ...]]:
    """The leaves' values of a points table in column order (``KeyError`` if one is missing)."""
    if len(codes) == 1:
        code = codes[0]
        return lambda points: (points[code],)
    if not codes:
        return lambda points: ()
    return operator.itemgetter(*codes)


def _shape_problems(framework: Framework, assessment: Assessment,
                    leaves: frozenset[str]) -> list[Problem]:
    """Why an assessment's points are not exactly one value per leaf."""
    origin = assessment.origin or Origin(None)
    points = assessment.points
    problems = []
    above = [code for code in points if code in framework.nodes and code not in leaves]
    for code in above:
        node = framework.nodes[code]
        problems.append(origin.problem(
            f"{assessment.unit}: " + Sentence(
                "b_items_given", code=code, name=node.name,
                items=tuple(child.code for child in node.children)),
            "points", code, code=code))
    covered = {leaf for code in above for leaf in _leaf_codes(framework.nodes[code])}
    for code in framework.nodes:
        if code in leaves and code not in points and code not in covered:
            node = framework.nodes[code]
            problems.append(origin.problem(
                f"{assessment.unit}: " + Sentence("e_no_points", code=code, name=node.name),
                "points", code=code))
    return problems


def _leaf_codes(node: Node) -> list[str]:
    return [n.code for n in node.walk() if n.is_leaf]


def _value_problems(framework: Framework, assessments: list[Assessment],
                    codes: tuple[str, ...]) -> list[Problem]:
    """Values that are neither an exact finite Decimal nor NOT_ARISING (the slow path)."""
    problems = []
    for assessment in assessments:
        origin = assessment.origin or Origin(None)
        for code in codes:
            value = assessment.points[code]
            if value is NOT_ARISING or (isinstance(value, Decimal) and value.is_finite()):
                continue
            problems.append(origin.problem(
                f"{assessment.unit}: " + Sentence("b_not_decimal", value=repr(value)),
                "points", code, code=code))
    return problems


def _capped(problems: list[Problem]) -> list[Problem]:
    if len(problems) <= MAX_PROBLEMS:
        return problems
    rest = len(problems) - MAX_PROBLEMS
    return [*problems[:MAX_PROBLEMS], Problem(Sentence("b_more", count=rest))]


# --- the result ---------------------------------------------------------------------------


@attrs.frozen(eq=False)
class BatchResult:
    """Many units of one framework, scored, ranked and banded exactly.

    Arrays have one entry per unit, in input order. Points are ``int64`` arrays of
    points × 10**:attr:`scale`; the accessors (:meth:`total`, :meth:`index`,
    :meth:`band`, ...) turn one unit's figures into :class:`~decimal.Decimal`,
    :class:`~fractions.Fraction` and :class:`~parindex.Band`, equal to what
    :func:`~parindex.score_many` gives (Decimals are written with :attr:`scale` places).

    :param framework: the framework scored under.
    :param units: unit names, one per row.
    :param scale: decimal places kept by the scaled arrays.
    :param appraised_scaled: criterion points (điểm thẩm định) × 10**scale.
    :param survey_scaled: survey points × 10**scale.
    :param bonus_scaled: bonus points × 10**scale.
    :param penalty_scaled: penalty points (a positive deduction) × 10**scale.
    :param total_scaled: appraised + survey + bonus − penalty, × 10**scale.
    :param arising_scaled: the arising maximum (criteria and survey) × 10**scale.
    :param rank: rank among all units (1 is best), by the framework's method and basis.
    :param group_rank: rank within the unit's group; 0 for a unit without a group.
    :param group_of: how many units its group has; 0 for a unit without a group.
    :param group_codes: the unit's group as an index into :attr:`group_names`; -1: none.
    :param group_names: the group names (as first spelt; the codes as text when groups
        were given as integer codes).
    :param band_index: index into ``framework.bands``; -1 when the framework has none.
    :param matrix: the input (kept for :meth:`node_points`).
    """

    framework: Framework = attrs.field(repr=lambda f: f.id)
    units: tuple[str, ...] = attrs.field(repr=lambda u: f"<{len(u)} units>")
    scale: int
    appraised_scaled: Int64Array = attrs.field(repr=False)
    survey_scaled: Int64Array = attrs.field(repr=False)
    bonus_scaled: Int64Array = attrs.field(repr=False)
    penalty_scaled: Int64Array = attrs.field(repr=False)
    total_scaled: Int64Array = attrs.field(repr=False)
    arising_scaled: Int64Array = attrs.field(repr=False)
    rank: Int64Array = attrs.field(repr=False)
    group_rank: Int64Array = attrs.field(repr=False)
    group_of: Int64Array = attrs.field(repr=False)
    group_codes: Int64Array = attrs.field(repr=False)
    group_names: tuple[str, ...] = attrs.field(repr=False)
    band_index: Int64Array = attrs.field(repr=False)
    matrix: PointsMatrix = attrs.field(repr=False)
    #: Masked cells: rows, columns and what to add to the raw cell (policy applied).
    _fix_rows: Int64Array = attrs.field(repr=False, alias="fix_rows")
    _fix_cols: Int64Array = attrs.field(repr=False, alias="fix_cols")
    _fix_add: Int64Array = attrs.field(repr=False, alias="fix_add")

    def __attrs_post_init__(self) -> None:
        for value in attrs.astuple(self, recurse=False):
            if isinstance(value, np.ndarray):
                value.flags.writeable = False  # a result is a value, like Result

    def __len__(self) -> int:
        return len(self.units)

    @property
    def of(self) -> int:
        """How many units were ranked together."""
        return len(self.units)

    @property
    def year(self) -> int | None:
        """The assessment year of the units (the matrix's; ``None``: not known)."""
        return self.matrix.year

    def decimal(self, scaled: int | np.integer[Any]) -> Decimal:
        """A scaled integer from this result's arrays as exact points."""
        return Decimal(int(scaled)).scaleb(-self.scale)

    def position(self, unit: str, group: str | None = None) -> int:
        """The row of a unit, by name as people type it (see :func:`~parindex.find_unit`).

        :param group: the unit's group, when its name repeats across groups.
        :raises UnitNotFoundError: (a ``KeyError``) no such unit, or several (listed).
        """
        return find_unit(unit, [(name, self.group(i)) for i, name in enumerate(self.units)],
                         group)

    def group(self, i: int) -> str | None:
        """The group of unit ``i`` (its code as text when groups were given as codes)."""
        code = int(self.group_codes[i])
        return self.group_names[code] if code >= 0 else None

    def appraised(self, i: int) -> Decimal:
        """Criterion points of unit ``i``."""
        return self.decimal(self.appraised_scaled[i])

    def survey(self, i: int) -> Decimal:
        """Survey points of unit ``i``."""
        return self.decimal(self.survey_scaled[i])

    def bonus(self, i: int) -> Decimal:
        """Bonus points of unit ``i``."""
        return self.decimal(self.bonus_scaled[i])

    def penalty(self, i: int) -> Decimal:
        """Penalty points (deducted) of unit ``i``."""
        return self.decimal(self.penalty_scaled[i])

    def total(self, i: int) -> Decimal:
        """Total points of unit ``i``: appraised + survey + bonus − penalty."""
        return self.decimal(self.total_scaled[i])

    def arising_max(self, i: int) -> Decimal:
        """The arising maximum (điểm phát sinh) of unit ``i``."""
        return self.decimal(self.arising_scaled[i])

    def index(self, i: int) -> Fraction | None:
        """The exact index of unit ``i`` (total ÷ arising maximum × 100); ``None`` when
        nothing arose."""
        arising = int(self.arising_scaled[i])
        if arising <= 0:
            return None
        return Fraction(100 * int(self.total_scaled[i]), arising)

    def band(self, i: int) -> Band | None:
        """The band of unit ``i``; ``None`` when the framework has no bands."""
        index = int(self.band_index[i])
        return self.framework.bands[index] if index >= 0 else None

    def node_arising_max(self, code: str) -> Int64Array:
        """The arising maximum × 10**scale of one criterion or survey node for every unit:
        its maximum less the maxima of its items excluded as not arising.

        :raises ArgumentError: (a ``ValueError``) no node has this code.
        """
        plan = plan_of(self.framework)
        start, end = self._columns(plan, code)
        rows, cols = self.matrix.marked_rows, self.matrix.marked_cols
        inside = (cols >= start) & (cols < end)
        excluded = sum_by(rows[inside], plan.excluded_maxima(self.scale)[cols[inside]],
                           len(self))
        maximum = to_scaled(known_max(self.framework.nodes[code].max), self.scale)
        arising: Int64Array = maximum - excluded
        return arising

    def top_figures(self) -> tuple[Int64Array, Int64Array]:
        """Each top-level node's points and arising maximum × 10**scale, ``(units,
        top-level nodes)``: the points as they count towards the total (a penalty's
        negative), the arising maximum 0 for bonus and penalty (they count towards no
        index). What a what-if or a Monte Carlo draw reweights."""
        tops = self.framework.criteria
        n = len(self)
        points = np.zeros((n, len(tops)), dtype=np.int64)
        arising = np.zeros_like(points)
        for k, top in enumerate(tops):
            sign = -1 if top.kind is NodeKind.PENALTY else 1
            points[:, k] = sign * self.node_points(top.code)
            if top.kind in (NodeKind.CRITERION, NodeKind.SURVEY):
                arising[:, k] = self.node_arising_max(top.code)
        return points, arising

    def node_points(self, code: str) -> Int64Array:
        """Points × 10**scale of one node (any level) for every unit.

        A node's points are the sum of its leaves', with items that did not arise counted
        as the framework's policy says (a penalty node's are its deduction, positive).

        :raises ArgumentError: (a ``ValueError``) no node has this code.
        """
        plan = plan_of(self.framework)
        start, end = self._columns(plan, code)
        if start in plan.vanishing and plan.codes[start] == code:
            return _leaf_points(plan, self.matrix, start, self.scale)
        points = self.matrix.points
        up = 10 ** (self.scale - self.matrix.scale)
        result: Int64Array = points[:, start:end].sum(axis=1, dtype=np.int64) * up
        inside = (self._fix_cols >= start) & (self._fix_cols < end)
        np.add.at(result, self._fix_rows[inside], self._fix_add[inside])
        return result

    def _columns(self, plan: _Plan, code: str) -> tuple[int, int]:
        """The leaf columns ``[start, end)`` of a node; an unknown code is a typed error
        (as sensitivity's for codes that are not top-level), not a bare ``KeyError``."""
        found = plan.ranges.get(code)
        if found is None:
            close = difflib.get_close_matches(code, list(plan.ranges), n=1)
            said = Sentence("b_not_a_code", code=repr(code), framework=self.framework.id)
            raise ArgumentError(Problem(said + Sentence("e_did_you_mean", close=repr(close[0]))
                                        if close else said, code=code))
        return found


# --- what-if: the same units under reweighted top-level nodes ------------------------------


@attrs.frozen(eq=False)
class Reweighted:
    """Every unit of a batch with each top-level node's points and maximum counted
    ``weights[k] / denominator`` times (a what-if), decided on integers as
    :func:`score_matrix` decides: totals, arising maxima, ranks and bands.

    :param total: each unit's new total × 10**scale × denominator.
    :param arising: each unit's new arising maximum, on the same scale.
    :param rank: new ranks among all units (the framework's method, basis and tie-break
        codes; tie-break codes compare their own points, not reweighted).
    :param band_index: index into ``framework.bands``; -1 when the framework has none or
        the unit has nothing arising, so no index to band on.
    """

    total: Int64Array
    arising: Int64Array
    rank: Int64Array
    band_index: Int64Array


def reweighted(batch: BatchResult, weights: Sequence[int],
               denominator: int) -> Reweighted | None:
    """Rescore a batch with each top-level node counted ``weights[k] / denominator``
    times (weights ≥ 0, one per ``framework.criteria``), without explaining any unit.

    Bands on the index compare the new index; bands on points compare the new total
    brought back to the framework's scale (× old maximum ÷ new maximum of the criteria and
    survey, unchanged when the new maximum is 0).

    :returns: ``None`` when the weighted sums could leave 64-bit integers (then rescale
        with fractions instead).
    :raises MissingInformationError: ranks on the index and a unit has nothing arising.
    """
    framework = batch.framework
    points, arising_of = batch.top_figures()
    counted = np.asarray([top.kind in (NodeKind.CRITERION, NodeKind.SURVEY)
                          for top in framework.criteria])
    maxima = [to_scaled(known_max(top.max), batch.scale) if counted[k] else 0
              for k, top in enumerate(framework.criteria)]
    old = sum(maxima)
    new = int(sum(w * m for w, m in zip(weights, maxima, strict=True)))
    heaviest = max((int(w) for w in weights), default=0)
    reach = max(int(np.abs(points).sum(axis=1).max(initial=0)),
                int(arising_of.sum(axis=1).max(initial=0)))
    if not (fits_int64(heaviest, reach) and fits_int64(new) and fits_int64(old)
            and fits_int64(denominator)):
        return None
    weight = np.asarray(weights, dtype=np.int64)
    total: Int64Array = points @ weight
    arising: Int64Array = arising_of @ weight
    names = batch.units
    ties = [batch.node_points(code) for code in framework.tie_break]
    keys = _rank_keys(framework, total, arising, ties, names)
    assert isinstance(framework.ranking, RankingMethod)  # a batch has a built-in method
    rank = ranks(keys, np.full(len(batch), -1, dtype=np.int64), framework.ranking)[0]
    band = np.full(len(batch), -1, dtype=np.int64)
    if framework.bands:
        # Units with an index when banding on it (a unit with none has no band), else all.
        some = np.flatnonzero(arising > 0) if framework.band_basis is BandBasis.INDEX \
            else np.arange(len(batch))

        def missing(found: Band, undecided: BoolArray) -> None:
            row = int(some[np.flatnonzero(undecided)[0]])
            raise MissingInformationError(Sentence(
                "m_threshold_unknown", value=names[row], band=repr(found.name),
                framework=framework.id))

        if framework.band_basis is BandBasis.INDEX:
            # index ≥ min  ⟺  100·total ≥ min · arising
            band[some] = band_positions(framework, total[some], 100, arising[some], 1,
                                        missing)
        else:
            # total ÷ (denominator·10**scale) × old ÷ new ≥ min, the maxima scaled too.
            over = np.full(1, new if new else denominator, dtype=np.int64)
            band = band_positions(framework, total, old if new else 1, over,
                                  10**batch.scale, missing)
    return Reweighted(total, arising, rank, band)


# --- the hot path -------------------------------------------------------------------------


@exact
def score_matrix(framework: Framework, matrix: PointsMatrix,
                 units: Sequence[str] | None = None,
                 groups: Sequence[str | None] | NDArray[np.integer[Any]] | None = None,
                 ) -> BatchResult:
    """Score, rank and band every row of a points matrix, exactly, on integers.

    Gives what :func:`~parindex.score_many` gives for the same leaf points: the sums of
    each kind of top-level node (criterion and survey add, bonus adds on top, penalty
    subtracts), the arising maximum under the not-arising policies (framework-wide and
    per node: ``exclude`` takes the item's maximum out of the arising maximum, ``full``
    counts its maximum as points, ``zero`` counts 0), ranks on the index or total with
    the framework's tie-break codes (competition or dense), overall and within groups,
    and the band. Indices are compared as exact fractions (by an integer key that
    preserves their order), never as floats.

    Unit names and groups are those of the matrix (:func:`to_matrix` records them, checked
    and folded into codes once) unless given here, which checks and folds them per call.

    :param framework: the framework the matrix was built for.
    :param matrix: the leaf points (see :func:`to_matrix`).
    :param units: unit names, one per row; compared case-insensitively and must differ.
        ``None``: the matrix's.
    :param groups: each unit's group (names, compared case-insensitively; ``None``: no
        group), or an integer array of group codes (-1: no group). ``None``: the matrix's
        groups, if it has any.
    :returns: the scores, ranks and bands.
    :raises AssessmentError: the matrix's columns are not the framework's leaves, a unit
        appears twice, points lie outside [0, maximum], or a node's items add up to more
        than its maximum; every problem found, up to :data:`MAX_PROBLEMS`.
    :raises MissingInformationError: an item marked not arising whose policy no source
        gives, or a unit with nothing arising to band on its index.
    :raises ArgumentError: (a ``ValueError``) ``units`` or ``groups`` do not have one
        entry per row, or no unit names are given nor recorded in the matrix.
    """
    plan = plan_of(framework)
    if matrix.codes != plan.codes:
        raise AssessmentError(Problem(Sentence("b_columns", framework=framework.id)))
    n, width = matrix.points.shape
    if units is None:
        if matrix.units is None:
            raise ArgumentError(Problem(Sentence("b_no_names")))
        names = matrix.units  # checked when the matrix was built
    else:
        names = tuple(units)
        if len(names) != n:
            raise ArgumentError(Problem(Sentence("b_names_rows", names=len(names), rows=n)))
    if groups is None:
        group_codes, group_names = matrix.group_codes, matrix.group_names
    elif isinstance(groups, np.ndarray):
        if groups.dtype.kind not in "iu" or groups.shape != (n,):
            raise ArgumentError(Problem(Sentence("b_group_codes", rows=n)))
        # Codes may be sparse (e.g. district numbers): renumber them 0, 1, ... in order.
        present = groups >= 0
        labels, compact = np.unique(groups[present], return_inverse=True)
        group_codes = np.full(n, -1, dtype=np.int64)
        group_codes[present] = compact
        group_names = tuple(str(label) for label in labels.tolist())
    else:
        group_codes, group_names = fold_groups(groups, n)
    if units is not None:
        _check_units(names, lambda i: group_names[group_codes[i]] if group_codes[i] >= 0
                     else None)

    scale = max(matrix.scale, plan.places)
    up = 10 ** (scale - matrix.scale)
    leaf_max = plan.scaled_maxima(scale)
    # Every sum below is of values in [0, leaf max] (checked first), so this bounds them
    # all; the same for the fractions' cross products further on, checked there.
    reach = sum(leaf_max) + sum(to_scaled(top[1], scale) for top in plan.tops)
    if reach >= INT64_SAFE:
        raise AssessmentError(Problem(Sentence("b_int64", framework=framework.id,
                                               places=scale)))
    points = matrix.points
    problems: list[Problem] = []
    out_of_range: set[int] = set()
    if n and width:
        # Out of range at the matrix's own scale (floor of the maximum: cells are integers).
        # Viewed unsigned, a negative cell is huge, so one max per column finds both ends.
        bound = np.asarray([m // up for m in leaf_max], dtype=np.uint64)
        suspect = np.flatnonzero(points.view(np.uint64).max(axis=0) > bound)
        if suspect.size:
            problems, out_of_range = _range_problems(plan, matrix, names, suspect, bound)
    if up != 1:
        points = points * up  # the matrix has fewer places than the maxima

    # Items that did not arise: few cells, handled sparsely.
    flat, rows, cols = matrix.marked_flat, matrix.marked_rows, matrix.marked_cols
    policy = np.asarray(plan.leaf_policy, dtype=np.int8)[cols]
    leaf_max_array = np.asarray(leaf_max, dtype=np.int64)
    full = policy == POLICY_CODES[NotArisingPolicy.FULL]
    # What to add to a marked cell to count it as its policy says (usually 0: to_matrix
    # writes 0 there, and exclude and zero count 0); only nonzero corrections are kept.
    raw = points.reshape(-1)[flat]
    unknown = policy == _UNKNOWN_POLICY
    unknown_rows, unknown_cols = rows[unknown], cols[unknown]
    if not (full.any() or raw.any()):
        fix_rows = fix_cols = fix_add = np.zeros(0, dtype=np.int64)
    else:
        fill = np.where(full, leaf_max_array[cols], 0)
        for column, (start, end) in plan.vanishing.items():
            # Full marks that score() drops: every item of the parent marked "x".
            hit = np.flatnonzero(full & (cols == column))
            if hit.size:
                fill[hit[matrix.not_arising[rows[hit], start:end].all(axis=1)]] = 0
        fix_add = fill - raw
        keep = fix_add != 0
        fix_rows, fix_cols, fix_add = rows[keep], cols[keep], fix_add[keep]

    # Sums over segments: the coarsest partition of the columns that every needed node is
    # a union of (runs of top-level nodes of one kind, tie-break codes, nodes whose items
    # may exceed them): fewer segments, faster sums.
    needed = [*(code for code in framework.tie_break), *(node.code for node in plan.checked)]
    bounds = sorted({0, width, *(b for run in plan.kind_runs for b in run[1:]),
                     *(b for code in needed for b in plan.ranges[code])})
    starts = np.asarray(bounds[:-1], dtype=np.intp)
    if starts.size and n:
        segments: Int64Array = np.add.reduceat(points, starts, axis=1)
    else:
        segments = np.zeros((n, starts.size), dtype=np.int64)
    segment_of = np.searchsorted(starts, np.arange(width), side="right") - 1
    if fix_add.size:
        segments += sum_by(fix_rows * starts.size + segment_of[fix_cols], fix_add,
                            segments.size).reshape(segments.shape)
    position = {b: j for j, b in enumerate(bounds)}

    def node_sum(code: str) -> Int64Array:
        start, end = plan.ranges[code]
        if start in plan.vanishing and plan.codes[start] == code:
            return _leaf_points(plan, matrix, start, scale)  # its own full marks stay
        sums: Int64Array = segments[:, position[start]:position[end]].sum(axis=1, dtype=np.int64)
        return sums

    for node in plan.checked:
        problems += _item_problems(node, node_sum(node.code), to_scaled(known_max(node.max), scale),
                                   plan, names, unknown_rows, unknown_cols, scale, out_of_range)
    if problems:
        raise AssessmentError(_capped(problems))
    if unknown_rows.size:
        raise MissingInformationError(_capped(_unknown_problems(
            framework, plan, names, unknown_rows, unknown_cols)))

    kind_sums = [np.zeros(n, dtype=np.int64) for _ in _KINDS]
    for kind, start, end in plan.kind_runs:
        kind_sums[kind] += segments[:, position[start]:position[end]].sum(axis=1, dtype=np.int64)
    appraised, survey, bonus, penalty = kind_sums
    total = appraised + survey + bonus - penalty
    # Arising maximum: the maxima of criterion and survey tops, less the maxima of items
    # excluded as not arising (the tree's subtraction telescopes to exactly this).
    arising = np.full(n, sum(to_scaled(top[1], scale) for top in plan.tops if top[0] < 2),
                      dtype=np.int64)
    # What each marked cell takes out of the arising maximum: its leaf's maximum where the
    # item is excluded and counts towards the index, else 0 (a column table, no masks).
    arising -= sum_by(rows, plan.excluded_maxima(scale)[cols], n)

    band_index = _bands(framework, total, arising, scale, names)
    keys = _rank_keys(framework, total, arising,
                      [node_sum(code) for code in framework.tie_break], names)
    assert isinstance(framework.ranking, RankingMethod)  # checked by _make_plan
    rank, group_rank, group_of = ranks(keys, group_codes, framework.ranking)
    return BatchResult(
        framework=framework, units=names, scale=scale, appraised_scaled=appraised,
        survey_scaled=survey, bonus_scaled=bonus, penalty_scaled=penalty, total_scaled=total,
        arising_scaled=arising, rank=rank, group_rank=group_rank, group_of=group_of,
        group_codes=group_codes, group_names=group_names, band_index=band_index,
        matrix=matrix, fix_rows=fix_rows.astype(np.int64), fix_cols=fix_cols.astype(np.int64),
        fix_add=fix_add.astype(np.int64),
    )


@exact
def score_batch(framework: Framework, assessments: Iterable[Assessment]) -> BatchResult:
    """Deprecated: call ``score_many(framework, assessments, batch=True)``, the one way to
    score many units, which this is.

    :func:`to_matrix` then :func:`score_matrix`, with the assessments' unit names and
    groups. Gives the figures :func:`~parindex.score_many` gives (it does not reconcile
    published figures).

    :param framework: the framework all assessments are scored under.
    :param assessments: the units, in the order of the result's arrays.
    :raises AssessmentError: see :func:`to_matrix` and :func:`score_matrix`.
    :raises MissingInformationError: see :func:`to_matrix` and :func:`score_matrix`.
    """
    warnings.warn("parindex.score_batch is deprecated; call parindex.score_many(framework, "
                  "assessments, batch=True), which gives the same BatchResult",
                  DeprecationWarning, stacklevel=3)  # the caller's line, past @exact
    return score_matrix(framework, to_matrix(framework, assessments))


# --- pieces of the hot path ---------------------------------------------------------------


#: Base of the polynomial string hash below (odd, so invertible modulo 2**64).
_BASE: Final = 0x9E3779B97F4A7C15
_powers: list[NDArray[np.uint64]] = [np.ones(1, dtype=np.uint64)] * 2


def _hash_powers(length: int) -> tuple[NDArray[np.uint64], NDArray[np.uint64]]:
    """``BASE**k`` and ``BASE**-k`` modulo 2**64 for k < length (cached, grown as needed)."""
    if _powers[0].size < length:
        size = max(length, 2 * _powers[0].size)
        for i, base in enumerate((_BASE, pow(_BASE, -1, 2**64))):
            factors = np.full(size, base, dtype=np.uint64)
            factors[0] = 1
            _powers[i] = np.cumprod(factors, dtype=np.uint64)  # wraps modulo 2**64
    return _powers[0], _powers[1]


def may_repeat(names: tuple[str, ...]) -> bool:
    """Whether two names may be the same (``False``: certainly all differ by
    :func:`~parindex._base.names.name_key`).

    Hashing 10,000 normalised strings into a Python set costs more than the rest of the
    ranking; instead the names are folded together, in one string (case, decomposed, with
    tone marks and spaces removed: coarser than the name key, so equal keys fold alike),
    and hashed in numpy (a polynomial hash modulo 2**64, computed from prefix sums); only
    names whose hashes coincide are compared by their keys. Nothing is missed.
    """
    n = len(names)
    joined = "\x00".join(names)
    if n < 2 or joined.count("\x00") != n - 1:  # a name holds the separator: compare
        return n >= 2
    # casefold and NFD never yield "\x00"
    folded = unicodedata.normalize("NFD", joined.casefold())
    for mark in _COARSE:  # one replace() each: translate() with a dict takes 20 times as long
        folded = folded.replace(mark, "")
    codes = np.frombuffer(folded.encode("utf-32-le", "surrogatepass"),
                          dtype=np.uint32).astype(np.uint64)
    powers, inverses = _hash_powers(codes.size + 1)
    prefix = np.zeros(codes.size + 1, dtype=np.uint64)
    np.cumsum(codes * powers[:codes.size], out=prefix[1:])
    ends = np.flatnonzero(codes == 0)
    starts = np.concatenate((np.zeros(1, dtype=np.intp), ends + 1))
    ends = np.concatenate((ends, np.full(1, codes.size, dtype=np.intp)))
    hashes = (prefix[ends] - prefix[starts]) * inverses[starts]
    ordered = np.sort(hashes)
    if not np.any(ordered[1:] == ordered[:-1]):
        return False
    order = np.argsort(hashes)
    ordered = hashes[order]
    same = np.flatnonzero(ordered[1:] == ordered[:-1])
    suspects = {*order[same].tolist(), *order[same + 1].tolist()}
    keys = [name_key(names[i]) for i in suspects]
    return len(set(keys)) != len(keys)


#: Deleted when folding names for the duplicate prefilter: tone marks and spaces.
_COARSE = tuple("\u0300\u0301\u0303\u0309\u0323 \t\n\r\u00a0")


def _check_units(units: tuple[str, ...], group_of: Callable[[int], str | None]) -> None:
    """A unit is its name within its group (commune names repeat across districts)."""
    if not may_repeat(units):  # the common case: no name repeats, groups never looked at
        return
    problems = []
    for _, again in duplicate_units([(unit, group_of(i)) for i, unit in enumerate(units)]):
        # The message alone: no file has a key "unit" ("unit:" would be English under vi).
        problems.append(Problem(unit_twice(units[again], group_of(again))))
    if problems:
        raise AssessmentError(_capped(problems))


def _range_problems(plan: _Plan, matrix: PointsMatrix, units: tuple[str, ...],
                    columns: NDArray[np.intp],
                    bound: NDArray[np.uint64]) -> tuple[list[Problem], set[int]]:
    """Cells below 0 or above their maximum (masked cells excepted), and their rows.

    The slow path, taken only when the fast check found a column to look at.
    """
    problems: list[Problem] = []
    rows: set[int] = set()
    for column in columns.tolist():
        values = matrix.points[:, column]
        # Viewed unsigned, a negative value is above any bound.
        bad = np.flatnonzero((values.view(np.uint64) > bound[column])
                             & ~matrix.not_arising[:, column])
        rows.update(bad.tolist())
        leaf = plan.leaves[column]
        for row in bad[:MAX_PROBLEMS + 1 - len(problems)].tolist():
            value = Decimal(int(values[row])).scaleb(-matrix.scale)
            if value < 0:
                said = Sentence("e_negative_points", value=value)
                if leaf.kind is NodeKind.PENALTY:
                    said += Sentence("e_penalty_positive")
            else:
                said = Sentence("e_above_max", value=value, max=known_max(leaf.max),
                                code=leaf.code, name=leaf.name)
            problems.append(Problem(f"{units[row]}: " + said, key="points", code=leaf.code))
    return problems, rows


def _item_problems(node: Node, sums: Int64Array, maximum: int, plan: _Plan,
                   units: tuple[str, ...], unknown_rows: NDArray[np.intp],
                   unknown_cols: NDArray[np.intp], scale: int,
                   out_of_range: set[int]) -> list[Problem]:
    """Units whose items of ``node`` add up to more than its maximum."""
    over = np.flatnonzero(sums > maximum)
    if not over.size:
        return []
    start, end = plan.ranges[node.code]
    # As score() does: it cannot add items up past an "x" of unknown policy (it reports
    # that instead), and a unit with a leaf out of range is not reported again here.
    skip = out_of_range | set(unknown_rows[(unknown_cols >= start)
                                           & (unknown_cols < end)].tolist())
    rows = [row for row in over.tolist() if row not in skip]
    return [Problem(f"{units[row]}: " + Sentence(
                "m_items_above_max", points=Decimal(int(sums[row])).scaleb(-scale),
                max=known_max(node.max)), key="points", code=node.code)
            for row in rows[:MAX_PROBLEMS + 1]]


def _unknown_problems(framework: Framework, plan: _Plan, units: tuple[str, ...],
                      rows: NDArray[np.intp], cols: NDArray[np.intp]) -> list[Problem]:
    problems = []
    for row, col in zip(rows[:MAX_PROBLEMS + 1].tolist(), cols[:MAX_PROBLEMS + 1].tolist(),
                        strict=True):
        leaf = plan.leaves[col]
        problems.append(Problem(
            f"{units[row]}: " + Sentence("m_x_unknown_policy", framework=framework.id,
                                         code=leaf.code, name=leaf.name),
            key="points", code=leaf.code))
    problems += [Problem(Sentence("b_more", count=len(rows) - len(problems)))] \
        if len(rows) > len(problems) else []
    return problems


def _leaf_points(plan: _Plan, matrix: PointsMatrix, column: int, scale: int) -> Int64Array:
    """One leaf's points × 10**scale as score() gives them: its policy where marked."""
    full = plan.leaf_policy[column] == POLICY_CODES[NotArisingPolicy.FULL]
    fill = plan.scaled_maxima(scale)[column] if full else 0
    given = matrix.points[:, column] * 10 ** (scale - matrix.scale)
    points: Int64Array = np.where(matrix.not_arising[:, column], fill, given)
    return points


def sum_by(index: NDArray[np.intp], weights: Int64Array, length: int) -> Int64Array:
    """Sums of ``weights`` by ``index`` into ``length`` bins, exactly.

    ``np.bincount`` adds float64 weights, exact while every partial sum stays below 2**53
    (checked); it is many times faster than ``np.add.at``, the fallback.
    """
    if weights.size and peak_of(weights) * weights.size < 2**53:
        sums = np.bincount(index, weights=weights.astype(np.float64), minlength=length)
        exact: Int64Array = sums.astype(np.int64)
        return exact
    result = np.zeros(length, dtype=np.int64)
    np.add.at(result, index, weights)
    return result


def _bands(framework: Framework, total: Int64Array, arising: Int64Array, scale: int,
           units: tuple[str, ...]) -> Int64Array:
    """Band index of each unit, decided exactly as :func:`~parindex.classify` does."""
    n = total.shape[0]
    if not framework.bands:
        return np.full(n, -1, dtype=np.int64)

    def missing(band: Band, undecided: BoolArray) -> None:
        row = int(np.flatnonzero(undecided)[0])
        raise MissingInformationError(Problem(f"{units[row]}: " + Sentence(
            "b_threshold", band=repr(band.name), framework=framework.id)))

    if framework.band_basis is BandBasis.INDEX:
        nothing = np.flatnonzero(arising <= 0)
        if nothing.size:
            raise MissingInformationError(_capped([
                Problem(f"{units[row]}: " + Sentence("m_nothing_arose"))
                for row in nothing[:MAX_PROBLEMS + 1].tolist()]))
        # index ≥ min  ⟺  100·total ≥ min · arising  (arising > 0)
        return band_positions(framework, total, 100, arising, 1, missing)
    # total ≥ min  ⟺  total ≥ min·10**scale · 1  (total is scaled)
    return band_positions(framework, total, 1, np.ones(n, dtype=np.int64), 10**scale,
                          missing)


def _rank_keys(framework: Framework, total: Int64Array, arising: Int64Array,
               ties: list[Int64Array], units: tuple[str, ...]) -> list[Int64Array]:
    """Integer keys, most significant first, whose order is exactly the ranking's."""
    if framework.rank_by is RankBasis.TOTAL:
        return _folded([total, *ties])
    none = np.flatnonzero(arising <= 0)
    if none.size:  # as score_many: no index, no place on it without a guess
        raise MissingInformationError(_capped([
            Problem(Sentence("m_no_index_rank", unit=units[row]))
            for row in none[:MAX_PROBLEMS + 1].tolist()]))
    return _folded([_index_key(total, arising), *ties])


def _folded(keys: list[Int64Array]) -> list[Int64Array]:
    """Tie-break keys folded into the first as ``key·(span + 1) + (tie − low)`` while the
    result fits int64: the same lexicographic order, exactly, in one key, so ranking
    needs one sort and no second pass over tied runs."""
    folded = keys[0]
    for i, tie in enumerate(keys[1:], 1):
        if not folded.size:
            return keys
        low, high = int(tie.min()), int(tie.max())
        span = high - low
        if not fits_int64(peak_of(folded) + 1, span + 1):
            return [folded, *keys[i:]]
        folded = folded * (span + 1) + (tie - low)
    return [folded]


def _index_key(total: Int64Array, arising: Int64Array) -> Int64Array:
    """``floor(index × Q²)`` per unit (Q: the largest arising maximum), exactly.

    Two different indices ``100·t/a`` with ``0 < a ≤ Q`` differ by at least ``1/Q²``, so
    this integer orders indices exactly as fractions and keeps equal ones equal.
    """
    q = max(peak_of(arising), 1)
    if 100 * peak_of(total) < INT64_SAFE and fits_int64(q, q):
        # Long division in base Q, so no intermediate exceeds max(100·|t|, Q²):
        # 100·t = w·a + r, r·Q = x·a + y, key = w·Q² + x·Q + ⌊y·Q/a⌋. Floor division
        # keeps every remainder in [0, a), negative totals included.
        whole, rest = np.divmod(100 * total, arising)
        if fits_int64(peak_of(whole) + 1, q, q):
            middle, rest = np.divmod(rest * q, arising)
            key: Int64Array = whole * (q * q) + middle * q + (rest * q) // arising
            return key
    # Too large for int64: the same keys in Python ints, replaced by their dense order.
    exact = [(100 * t * q * q) // a for t, a in zip(total.tolist(), arising.tolist(), strict=True)]
    dense: Int64Array = np.unique(np.asarray(exact, dtype=object),
                                  return_inverse=True)[1].astype(np.int64)
    return dense
