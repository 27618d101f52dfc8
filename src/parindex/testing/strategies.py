"""Hypothesis strategies for parindex objects: points, criteria trees, bands, frameworks,
assessments of a given framework (valid, and with a planted fault of a named kind), and
results tables as rows of cells.

For plugin authors and downstream users who want property tests of their own code
(exporters, reconciliations, plugins) over many well-formed frameworks and assessments,
not only the few written by hand. Modelled on ``xarray.testing.strategies``: every
function returns a strategy, takes plain values or strategies as parameters, and checks
its parameters when called (raising :class:`hypothesis.errors.InvalidArgument`), not
when drawing.

Every number is an exact :class:`~decimal.Decimal`; no strategy here ever draws a float.

Requires the hypothesis package, an optional dependency: ``pip install 'parindex[testing]'``.

A typical test draws a framework, then assessments under it:

.. code-block:: python

    from hypothesis import given, strategies as st
    import parindex
    from parindex.testing import strategies as pst

    @given(st.data())
    def test_total_is_additive(data):
        framework = data.draw(pst.frameworks())
        assessment = data.draw(pst.assessments(framework))
        result = parindex.score(framework, assessment)
        assert result.total == result.appraised + result.survey + result.bonus - result.penalty
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal
from typing import Any

import attrs

try:
    import hypothesis.strategies as st
    from hypothesis.errors import InvalidArgument
    from hypothesis.strategies import SearchStrategy
except ModuleNotFoundError as exc:  # pragma: no cover - exercised with hypothesis hidden
    raise ModuleNotFoundError(
        "parindex.testing.strategies requires the hypothesis package, an optional "
        "dependency of parindex; install it with: pip install 'parindex[testing]'",
        name=exc.name,
    ) from exc

from .._base.model import (
    FRAMEWORK_ID,
    NOT_ARISING,
    Assessment,
    Band,
    BandBasis,
    Framework,
    GivenPoints,
    LegalBasis,
    Node,
    NodeKind,
    NotArisingPolicy,
    Provenance,
    RankBasis,
    RankingMethod,
    Status,
    nfc,
)

__all__ = [
    "DEFAULT_SOURCES",
    "INVALID_KINDS",
    "InvalidAssessment",
    "TableRows",
    "assessment_sets",
    "assessments",
    "bands",
    "criteria_trees",
    "frameworks",
    "invalid_assessments",
    "names",
    "nodes",
    "points",
    "provenances",
    "results_tables",
    "unit_names",
]

#: The sources cited by generated provenances (keys of :attr:`Framework.sources`).
DEFAULT_SOURCES: Mapping[str, str] = {
    "qd-1": "Quyết định số 1/QĐ-UBND ban hành Bộ Chỉ số CCHC (dữ liệu thử nghiệm)",
    "bao-cao": "Báo cáo kết quả thẩm định Chỉ số CCHC (dữ liệu thử nghiệm)",
}

_WORDS = (
    "công tác", "chỉ đạo", "điều hành", "cải cách", "hành chính", "thể chế", "thủ tục",
    "tổ chức bộ máy", "công vụ", "tài chính công", "chính quyền số", "kiểm tra",
    "tuyên truyền", "mức độ hài lòng", "người dân", "tiếp nhận", "giải quyết", "hồ sơ",
    "đúng hạn", "kế hoạch", "báo cáo", "văn bản", "quy phạm pháp luật",
)
_WORDS_EN = ("Direction", "Administrative procedures", "Public service", "Public finance",
             "Digital government", "Inspection", "Satisfaction", "Reporting")
_BAND_NAMES = ("Xuất sắc", "Tốt", "Khá", "Trung bình", "Yếu", "Kém")
_BAND_NAMES_EN = ("Excellent", "Good", "Fair", "Average", "Weak", "Poor")
_GROUPS = ("Hương Thủy", "Phú Vang", "Quảng Điền", "Phong Điền", "A Lưới")
_UNIT_PREFIXES = ("Xã", "Phường", "Thị trấn")
_UNIT_LETTERS = ("A", "Ă", "Â", "B", "C", "D", "Đ", "E", "Ê", "G", "H", "K", "L", "M")
_FACTS = ("legal_basis", "years", "not_arising", "band_basis", "decimals", "ranking",
          "rank_by", "tie_break")
_KNOWN = (Status.SEED, Status.READ, Status.INFERRED)
# Node overrides of the not-arising policy: mostly none; shrinks towards none.
_NODE_POLICIES = (None, None, None, None, NotArisingPolicy.EXCLUDE, NotArisingPolicy.FULL,
                  NotArisingPolicy.ZERO, NotArisingPolicy.UNKNOWN)
_FRAMEWORK_POLICIES = (NotArisingPolicy.EXCLUDE, NotArisingPolicy.FULL, NotArisingPolicy.ZERO)
_CODE = re.compile(r"^[^\s.]+(?:\.[^\s.]+)*$")


# --- checking parameters ----------------------------------------------------------------------


def _decimal(name: str, value: object, *, places: int | None = None) -> Decimal:
    """An exact, finite, non-negative Decimal from an int, Decimal or str; never a float."""
    if isinstance(value, bool) or not isinstance(value, int | Decimal | str):
        raise InvalidArgument(f"{name}={value!r} must be an int, Decimal or str "
                              "(floats are never exact)")
    try:
        number = Decimal(value)
    except ArithmeticError:
        raise InvalidArgument(f"{name}={value!r} is not a number") from None
    if not number.is_finite() or number < 0:
        raise InvalidArgument(f"{name}={value!r} must be a finite number ≥ 0")
    if places is not None and number != number.quantize(Decimal(1).scaleb(-places)):
        raise InvalidArgument(f"{name}={value!r} has more than {places} decimal places")
    return number


def _integer(name: str, value: object, low: int, high: int | None = None) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidArgument(f"{name}={value!r} must be an int")
    if value < low or (high is not None and value > high):
        upper = f" and ≤ {high}" if high is not None else ""
        raise InvalidArgument(f"{name}={value!r} must be ≥ {low}{upper}")
    return value


def _sizes(min_size: object, max_size: object, low: int = 0) -> tuple[int, int]:
    lo = _integer("min_size", min_size, low)
    hi = _integer("max_size", max_size, low)
    if lo > hi:
        raise InvalidArgument(f"min_size={lo} is greater than max_size={hi}")
    return lo, hi


def _probability(name: str, value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
        raise InvalidArgument(f"{name}={value!r} must be a number between 0 and 1")
    return float(value)


def _strategy(name: str, value: object, kind: type | tuple[type, ...],
              default: SearchStrategy[Any]) -> SearchStrategy[Any]:
    """A parameter given as a value, a strategy, or ``None`` (the default strategy)."""
    if value is None:
        return default
    if isinstance(value, SearchStrategy):
        return value
    if not isinstance(value, kind) or isinstance(value, bool) and kind is not bool:
        raise InvalidArgument(f"{name}={value!r} must be a {_kind_name(kind)} or a strategy")
    return st.just(value)


def _kind_name(kind: type | tuple[type, ...]) -> str:
    kinds = kind if isinstance(kind, tuple) else (kind,)
    return " or ".join(k.__name__ for k in kinds)


def _sources(sources: Mapping[str, str] | Sequence[str] | None) -> tuple[str, ...]:
    keys = tuple(DEFAULT_SOURCES if sources is None else sources)
    if not keys or not all(isinstance(k, str) and k.strip() for k in keys):
        raise InvalidArgument(f"sources={sources!r} must name at least one source key")
    return keys


def _units(value: Decimal, places: int) -> int:
    """A Decimal with at most ``places`` decimals as a whole number of 10**-places."""
    return int(value.scaleb(places))


def _from_units(units: int, places: int) -> Decimal:
    return Decimal(units).scaleb(-places)


# --- building blocks, built once (not at every draw) ----------------------------------------


_BOOLEANS = st.booleans()
_COIN = st.integers(0, 999)
# One draw per name: names are many per tree, and their text decides nothing.
_NAMES = st.sampled_from([nfc(text[:1].upper() + text[1:]) for text in (
    *_WORDS, *(f"{a} {b}" for a, b in itertools.pairwise(_WORDS)))])
_NAMES_EN = st.none() | st.sampled_from(_WORDS_EN)
_UNIT_NAMES = st.builds(lambda prefix, letter, number: nfc(f"{prefix} {letter}{number}"),
                        st.sampled_from(_UNIT_PREFIXES), st.sampled_from(_UNIT_LETTERS),
                        st.integers(1, 99))
_GROUP_NAMES = st.none() | st.sampled_from(_GROUPS)


@functools.cache
def _integers(low: int, high: int) -> SearchStrategy[int]:
    return st.integers(low, high)


@functools.lru_cache(maxsize=4096)
def _points(maximum: Decimal, places: int) -> SearchStrategy[Decimal]:
    exponent = Decimal(1).scaleb(-places)
    return st.decimals(min_value=0, max_value=maximum, places=places, allow_nan=False,
                       allow_infinity=False).map(lambda d: d.copy_abs().quantize(exponent))


@functools.lru_cache(maxsize=4096)
def _cuts(units: int, count: int) -> SearchStrategy[list[int]]:
    return st.lists(st.integers(1, units - 1), min_size=count, max_size=count, unique=True)


@functools.lru_cache(maxsize=64)
def _provenances(keys: tuple[str, ...], statuses: tuple[Status, ...],
                 notes: bool) -> SearchStrategy[Provenance]:
    def build(status: Status, source: str, note: str | None) -> Provenance:
        return Provenance(status, None if status is Status.UNKNOWN else source, note)

    return st.builds(build, st.sampled_from(statuses), st.sampled_from(keys),
                     st.none() | _NAMES if notes else st.none())


# --- small pieces -----------------------------------------------------------------------------


def points(max_value: int | Decimal | str, places: int = 2) -> SearchStrategy[Decimal]:
    """Exact points from 0 to ``max_value`` inclusive, quantised to ``places`` decimals.

    Drawn with :func:`hypothesis.strategies.decimals` (never floats); every value has
    exactly ``places`` decimal places (``Decimal('1.50')``), never a negative zero.
    Shrinks towards 0.

    :param max_value: the maximum points (an int, :class:`~decimal.Decimal` or numeric
        string ≥ 0).
    :param places: decimal places of the points, 0 to 9.

    Requires the hypothesis package.
    """
    return _points(_decimal("max_value", max_value), _integer("places", places, 0, 9))


def names() -> SearchStrategy[str]:
    """Vietnamese-looking criterion names, e.g. ``"Công tác chỉ đạo điều hành"`` (NFC).

    Requires the hypothesis package.
    """
    return _NAMES


def unit_names() -> SearchStrategy[str]:
    """Vietnamese-looking names of communes and wards, e.g. ``"Xã A1"``, ``"Phường Đ12"``.

    Requires the hypothesis package.
    """
    return _UNIT_NAMES


def provenances(sources: Mapping[str, str] | Sequence[str] | None = None, *,
                statuses: Sequence[Status] = _KNOWN,
                notes: bool = True) -> SearchStrategy[Provenance]:
    """Provenances citing one of ``sources`` (keys), with a known status by default.

    A provenance with :attr:`Status.UNKNOWN` (only if ``statuses`` includes it) cites no
    source; a number with such a provenance must itself be unknown in a framework file.

    :param sources: the source keys to cite (a mapping's keys); default
        :data:`DEFAULT_SOURCES`.
    :param statuses: the statuses to draw from.
    :param notes: whether a short note may be attached.

    Requires the hypothesis package.
    """
    keys = _sources(sources)
    statuses = tuple(statuses)
    if not statuses or not all(isinstance(s, Status) for s in statuses):
        raise InvalidArgument(f"statuses={statuses!r} must be a non-empty sequence of Status")
    if not isinstance(notes, bool):
        raise InvalidArgument(f"notes={notes!r} must be a bool")
    return _provenances(keys, statuses, notes)


# --- criteria trees ---------------------------------------------------------------------------

Draw = Callable[[SearchStrategy[Any]], Any]


def _split(draw: Draw, total: Decimal, parts: int, places: int) -> list[Decimal]:
    """``total`` cut into ``parts`` pieces, each positive if ``total`` is large enough."""
    units = _units(total, places)
    positive = min(parts, units)
    cuts = sorted(draw(_cuts(units, positive - 1))) if positive > 1 else []
    bounds = [0, *cuts, units]
    pieces = [_from_units(b - a, places) for a, b in itertools.pairwise(bounds)]
    return pieces + [_from_units(0, places)] * (parts - len(pieces))


class _TreeSpec:
    """Checked parameters of a tree, shared by :func:`nodes` and :func:`criteria_trees`."""

    def __init__(self, *, max_depth: int, max_children: int, places: int,
                 leaf_maxima: SearchStrategy[Decimal] | None, consistent: bool,
                 not_arising: object, provenance: SearchStrategy[Provenance] | None,
                 sources: Mapping[str, str] | Sequence[str] | None) -> None:
        self.max_depth = _integer("max_depth", max_depth, 1, 12)
        self.max_children = _integer("max_children", max_children, 1)
        self.places = _integer("places", places, 0, 9)
        if leaf_maxima is not None and not isinstance(leaf_maxima, SearchStrategy):
            raise InvalidArgument(f"leaf_maxima={leaf_maxima!r} must be a strategy of Decimal")
        # From one unit of the last place up to 10 points, shrinking towards the smallest.
        self.leaf_maxima = leaf_maxima if leaf_maxima is not None else _integers(
            1, 10 * 10**self.places).map(functools.partial(_from_units, places=self.places))
        if not isinstance(consistent, bool):
            raise InvalidArgument(f"consistent={consistent!r} must be a bool")
        self.consistent = consistent
        self.not_arising = _strategy("not_arising", not_arising, NotArisingPolicy,
                                     st.sampled_from(_NODE_POLICIES))
        if provenance is not None and not isinstance(provenance, SearchStrategy):
            raise InvalidArgument(f"provenance={provenance!r} must be a strategy of Provenance")
        self.provenance = provenance if provenance is not None else provenances(sources)
        self.counts = _integers(1, self.max_children)

    def draw_node(self, draw: Draw, code: str, kind: NodeKind, max_value: Decimal | None,
                  depth: int) -> Node:
        children: list[Node] = []
        if depth >= self.max_depth or not draw(_BOOLEANS):  # a leaf
            maximum = max_value if max_value is not None else draw(self.leaf_maxima)
        elif max_value is None:  # items first, the parent's maximum their sum
            children = [self.draw_node(draw, f"{code}.{i}", kind, None, depth + 1)
                        for i in range(1, draw(self.counts) + 1)]
            maximum = sum((c.max for c in children if c.max is not None), Decimal(0))
            if not self.consistent and draw(_BOOLEANS):
                # Not itemised: the parent's maximum exceeds its items' (as when a source
                # leaves an item out).
                maximum += draw(self.leaf_maxima)
        else:  # the parent's maximum first, shared among its items
            maximum = itemised = max_value
            if not self.consistent and draw(_BOOLEANS):
                itemised = draw(_points(max_value, self.places))
            parts = _split(draw, itemised, draw(self.counts), self.places)
            children = [self.draw_node(draw, f"{code}.{i}", kind, part, depth + 1)
                        for i, part in enumerate(parts, 1)]
        return Node(code=code, name=draw(_NAMES), max=maximum,
                    provenance=draw(self.provenance), kind=kind, children=children,
                    name_en=draw(_NAMES_EN), not_arising=draw(self.not_arising))


@st.composite
def _tree(draw: st.DrawFn, spec: _TreeSpec, code: str, kind: NodeKind,
          maximum: Decimal | None) -> Node:
    return spec.draw_node(draw, code, kind, maximum, 1)


def nodes(code: str = "1", *, kind: NodeKind = NodeKind.CRITERION,
          max_value: int | Decimal | str | None = None, max_depth: int = 3,
          max_children: int = 3, places: int = 2,
          leaf_maxima: SearchStrategy[Decimal] | None = None, consistent: bool = True,
          not_arising: NotArisingPolicy | SearchStrategy[NotArisingPolicy | None] | None = None,
          provenance: SearchStrategy[Provenance] | None = None,
          sources: Mapping[str, str] | Sequence[str] | None = None) -> SearchStrategy[Node]:
    """A node and its subtree, with codes as printed: ``"1"``, its items ``"1.1"``,
    ``"1.2"``, theirs ``"1.2.1"``, ...

    Every node has a name, a known maximum and a provenance; children inherit ``kind``.

    :param code: the root's code.
    :param kind: the kind of every node in the subtree.
    :param max_value: the root's maximum, shared among its items; ``None``: leaves draw
        theirs from ``leaf_maxima`` and parents add them up.
    :param max_depth: levels at most, the root's included (1: a single leaf).
    :param max_children: items per node at most.
    :param places: decimal places of the maxima.
    :param leaf_maxima: a strategy of leaf maxima (default: 0.01 to 10 at two places).
    :param consistent: whether items' maxima always add up to their parent's; if
        ``False``, a parent's maximum may exceed its items' (never fall short of them).
    :param not_arising: node overrides of the not-arising policy: a policy, or a strategy
        of policies and ``None``; ``None`` for mostly none, sometimes any policy,
        :attr:`NotArisingPolicy.UNKNOWN` included. ``st.none()`` for no overrides.
    :param provenance: a strategy of provenances (default: :func:`provenances` of
        ``sources``).
    :param sources: source keys cited by default provenances.

    Requires the hypothesis package.
    """
    if not isinstance(code, str) or not _CODE.match(code):
        raise InvalidArgument(f"code={code!r} must be a code like '1' or '1.2'")
    if not isinstance(kind, NodeKind):
        raise InvalidArgument(f"kind={kind!r} must be a NodeKind")
    spec = _TreeSpec(max_depth=max_depth, max_children=max_children, places=places,
                     leaf_maxima=leaf_maxima, consistent=consistent, not_arising=not_arising,
                     provenance=provenance, sources=sources)
    maximum = None if max_value is None else _decimal("max_value", max_value,
                                                      places=spec.places)
    return _tree(spec, code, kind, maximum)


@st.composite
def _trees(draw: st.DrawFn, spec: _TreeSpec, fields: SearchStrategy[int],
           total: Decimal | None, flags: Mapping[str, SearchStrategy[bool]],
           ) -> tuple[Node, ...]:
    kinds = [NodeKind.CRITERION] * draw(fields)
    if draw(flags["survey"]):
        kinds.append(NodeKind.SURVEY)
    shares: list[Decimal | None] = [None] * len(kinds)
    if total is not None:
        shares = list(_split(draw, total, len(kinds), spec.places))
    extra = [kind for kind, flag in ((NodeKind.BONUS, "bonus"), (NodeKind.PENALTY, "penalty"))
             if draw(flags[flag])]
    tops = [spec.draw_node(draw, str(i), kind, share, 1)
            for i, (kind, share) in enumerate(zip(kinds, shares, strict=True), 1)]
    tops += [spec.draw_node(draw, str(len(kinds) + i), kind, None, 1)
             for i, kind in enumerate(extra, 1)]
    return tuple(tops)


def criteria_trees(*, min_fields: int = 1, max_fields: int = 3, max_depth: int = 3,
                   max_children: int = 3, total: int | Decimal | str | None = None,
                   survey: bool | None = None, bonus: bool | None = None,
                   penalty: bool | None = None, places: int = 2,
                   leaf_maxima: SearchStrategy[Decimal] | None = None, consistent: bool = True,
                   not_arising: NotArisingPolicy | SearchStrategy[NotArisingPolicy | None]
                   | None = None,
                   provenance: SearchStrategy[Provenance] | None = None,
                   sources: Mapping[str, str] | Sequence[str] | None = None,
                   ) -> SearchStrategy[tuple[Node, ...]]:
    """The top-level nodes of a framework: fields (lĩnh vực) numbered ``"1"``, ``"2"``,
    ..., then optionally the survey block, a bonus and a penalty node, numbered on.

    :param min_fields: fields (criterion kind) at least, ≥ 1.
    :param max_fields: fields at most.
    :param total: what the fields and the survey block add up to (e.g. 100); ``None``:
        whatever their items add up to.
    :param survey: include a survey block (:attr:`NodeKind.SURVEY`): ``True``,
        ``False``, or ``None`` for either.
    :param bonus: include a bonus node (điểm cộng), as ``survey``.
    :param penalty: include a penalty node (điểm trừ), as ``survey``.

    The other parameters are as for :func:`nodes`.

    Requires the hypothesis package.
    """
    lo, hi = _integer("min_fields", min_fields, 1), _integer("max_fields", max_fields, 1)
    if lo > hi:
        raise InvalidArgument(f"min_fields={lo} is greater than max_fields={hi}")
    spec = _TreeSpec(max_depth=max_depth, max_children=max_children, places=places,
                     leaf_maxima=leaf_maxima, consistent=consistent, not_arising=not_arising,
                     provenance=provenance, sources=sources)
    maximum = None if total is None else _decimal("total", total, places=spec.places)
    flags = {}
    for name, value in (("survey", survey), ("bonus", bonus), ("penalty", penalty)):
        if value is not None and not isinstance(value, bool):
            raise InvalidArgument(f"{name}={value!r} must be True, False or None")
        flags[name] = _BOOLEANS if value is None else st.just(value)
    return _trees(spec, _integers(lo, hi), maximum, flags)


@functools.cache
def _default_criteria(places: int) -> SearchStrategy[tuple[Node, ...]]:
    return criteria_trees(places=places)


# --- bands ------------------------------------------------------------------------------------


@st.composite
def _band_tuple(draw: st.DrawFn, lo: int, hi: int, top: int, places: int,
                provenance: SearchStrategy[Provenance]) -> tuple[Band, ...]:
    count = draw(_integers(lo, min(hi, top + 1)))
    if count == 0:
        return ()
    minima = sorted(draw(_cuts(top + 1, count - 1)), reverse=True) if count > 1 else []
    result = []
    for i, units in enumerate([*minima, 0]):
        name, name_en = ((_BAND_NAMES[i], _BAND_NAMES_EN[i]) if i < len(_BAND_NAMES)
                         else (f"Mức {i + 1}", f"Level {i + 1}"))
        result.append(Band(name, _from_units(units, places), draw(provenance),
                           name_en if draw(_BOOLEANS) else None))
    return tuple(result)


def bands(*, basis: BandBasis = BandBasis.INDEX, max_value: int | Decimal | str | None = None,
          min_size: int = 1, max_size: int = 5, places: int = 2,
          provenance: SearchStrategy[Provenance] | None = None,
          sources: Mapping[str, str] | Sequence[str] | None = None,
          ) -> SearchStrategy[tuple[Band, ...]]:
    """Well-formed bands, highest first: named *Xuất sắc*, *Tốt*, *Khá*, ...; minima
    strictly decreasing, within ``(0, max_value]``, the last one 0.

    :param basis: what the minima are compared with: the index (0 to 100) or points.
    :param max_value: the highest a minimum may be (default 100, the index's range; give
        the framework's maximum for points).
    :param min_size: bands at least (0 allowed: a framework without bands).
    :param max_size: bands at most (fewer if ``max_value`` leaves too few minima).
    :param places: decimal places of the minima.
    :param provenance: a strategy of provenances for the minima (known status).
    :param sources: source keys cited by default provenances.

    Requires the hypothesis package.
    """
    if not isinstance(basis, BandBasis):
        raise InvalidArgument(f"basis={basis!r} must be a BandBasis")
    lo, hi = _sizes(min_size, max_size)
    places = _integer("places", places, 0, 9)
    top = _units(_decimal("max_value", 100 if max_value is None else max_value), places)
    if lo > top + 1:
        raise InvalidArgument(f"max_value={max_value!r} at {places} places leaves room for "
                              f"only {top + 1} bands, fewer than min_size={lo}")
    if provenance is not None and not isinstance(provenance, SearchStrategy):
        raise InvalidArgument(f"provenance={provenance!r} must be a strategy of Provenance")
    return _band_tuple(lo, hi, top, places,
                       provenance if provenance is not None else provenances(sources))


# --- frameworks -------------------------------------------------------------------------------


@st.composite
def _framework(draw: st.DrawFn, criteria: SearchStrategy[tuple[Node, ...]] | None,
               bands: SearchStrategy[tuple[Band, ...]] | None,
               settings: Mapping[str, SearchStrategy[Any]], tie_break: bool,
               framework_id: str, first_year: int) -> Framework:
    places = draw(settings["decimals"])
    if not isinstance(places, int) or not 0 <= places <= 9:
        raise InvalidArgument(f"decimals drew {places!r}, not an int from 0 to 9")
    tops = draw(criteria if criteria is not None else _default_criteria(min(2, places)))
    basis = draw(settings["band_basis"])
    if bands is not None:
        drawn_bands = draw(bands)
    else:
        ceiling = Decimal(100)
        if basis is BandBasis.TOTAL:
            ceiling = sum((n.max for n in tops
                           if n.kind is not NodeKind.PENALTY and n.max is not None), Decimal(0))
        band_places = min(2, places)
        drawn_bands = draw(_band_tuple(1, 5, _units(ceiling, band_places), band_places,
                                       _provenances(tuple(DEFAULT_SOURCES), _KNOWN, True)))
    # The framework declares the scale its drawn fields and survey make (100 when drawn
    # with total=100), with the provenance a scale other than 100 needs.
    facts = dict(draw(settings["facts"]))
    scale = Decimal(100)
    scaled = [n.max for n in tops if n.kind in (NodeKind.CRITERION, NodeKind.SURVEY)]
    if scaled and all(m is not None for m in scaled):
        scale = sum((m for m in scaled if m is not None), Decimal(0))
        if scale == 0:
            scale = Decimal(100)
    if scale != 100:
        facts["scale"] = draw(_provenances(tuple(DEFAULT_SOURCES), _KNOWN, True))
    codes = [node.code for top in tops for node in top.walk()]
    ties: tuple[str, ...] = ()
    if tie_break and codes:
        ties = tuple(draw(st.lists(st.sampled_from(codes), max_size=2, unique=True)))
    return Framework(
        id=framework_id,
        name="Bộ Chỉ số cải cách hành chính cấp xã (dữ liệu thử nghiệm)",
        name_en=draw(st.none() | st.just("PAR Index of communes (test data)")),
        level=framework_id.split("/")[1],
        legal_basis=LegalBasis(decision="1/QĐ-UBND"),
        first_year=first_year,
        last_year=draw(st.none() | _integers(first_year, first_year + 8)),
        criteria=tops,
        bands=drawn_bands,
        band_basis=basis,
        not_arising=draw(settings["not_arising"]),
        decimals=places,
        ranking=draw(settings["ranking"]),
        rank_by=draw(settings["rank_by"]),
        tie_break=ties,
        provenance=facts,
        sources=dict(DEFAULT_SOURCES),
        scale=scale,
    )


def frameworks(*, criteria: SearchStrategy[tuple[Node, ...]] | None = None,
               bands: SearchStrategy[tuple[Band, ...]] | None = None,
               band_basis: BandBasis | SearchStrategy[BandBasis] | None = None,
               not_arising: NotArisingPolicy | SearchStrategy[NotArisingPolicy] | None = None,
               decimals: int | SearchStrategy[int] | None = None,
               ranking: RankingMethod | SearchStrategy[RankingMethod] | None = None,
               rank_by: RankBasis | SearchStrategy[RankBasis] | None = None,
               tie_break: bool = True,
               framework_id: str = "test-province/commune/2022",
               first_year: int = 2022) -> SearchStrategy[Framework]:
    """Whole frameworks: a criteria tree, bands and every framework-level setting.

    The id is ``test-province/commune/2022`` (level ``commune``), the first year 2022, the
    legal basis ``1/QĐ-UBND``; sources are :data:`DEFAULT_SOURCES`, cited by every node,
    band and some framework-level facts. Maxima have at most two decimal places (fewer
    when ``decimals`` is smaller).

    The framework declares the scale its top-level fields and survey make (``scale``, 100
    when they add up to 100), with its provenance when it is not 100.

    Parameters left ``None`` are drawn: ``band_basis`` either; ``not_arising`` exclude,
    full or zero (node overrides may add unknown); ``decimals`` 2 or 3; ``ranking`` and
    ``rank_by`` either. Give a value to fix one, or a strategy to draw it your way.

    :param criteria: a strategy of top-level nodes (default :func:`criteria_trees`).
    :param bands: a strategy of bands (default :func:`bands` on the drawn basis, up to
        100 for the index or up to the framework's maximum for points).
    :param tie_break: whether up to two tie-break codes may be drawn.
    :param framework_id: the framework id, ``province/level/year``; its level is the
        framework's level.
    :param first_year: the first assessment year; the last is open or up to 8 years on.

    Requires the hypothesis package.
    """
    if criteria is not None and not isinstance(criteria, SearchStrategy):
        raise InvalidArgument(f"criteria={criteria!r} must be a strategy of node tuples")
    if bands is not None and not isinstance(bands, SearchStrategy):
        raise InvalidArgument(f"bands={bands!r} must be a strategy of band tuples")
    if isinstance(decimals, int):
        _integer("decimals", decimals, 0, 9)
    settings = {
        "band_basis": _strategy("band_basis", band_basis, BandBasis, st.sampled_from(BandBasis)),
        "not_arising": _strategy("not_arising", not_arising, NotArisingPolicy,
                                 st.sampled_from(_FRAMEWORK_POLICIES)),
        "decimals": _strategy("decimals", decimals, int, st.sampled_from((2, 3))),
        "ranking": _strategy("ranking", ranking, RankingMethod, st.sampled_from(RankingMethod)),
        "rank_by": _strategy("rank_by", rank_by, RankBasis, st.sampled_from(RankBasis)),
        # Every framework-level fact carries its provenance, as conformance demands.
        "facts": st.fixed_dictionaries({
            fact: provenances(statuses=(*_KNOWN, Status.UNKNOWN)) for fact in _FACTS}),
    }
    if not isinstance(tie_break, bool):
        raise InvalidArgument(f"tie_break={tie_break!r} must be a bool")
    if not isinstance(framework_id, str) or not FRAMEWORK_ID.match(framework_id):
        raise InvalidArgument(f"framework_id={framework_id!r} must be of the form "
                              "province/level/year, e.g. 'test-province/commune/2022'")
    first_year = _integer("first_year", first_year, 1)
    return _framework(criteria, bands, settings, tie_break, framework_id, first_year)


# --- assessments ------------------------------------------------------------------------------


def _years(framework: Framework) -> SearchStrategy[int]:
    last = framework.last_year if framework.last_year is not None else framework.first_year + 8
    return _integers(framework.first_year, last)


class _AssessmentSpec:
    """Checked parameters of :func:`assessments`, and what they need of the framework."""

    def __init__(self, framework: Framework, *, not_arising_probability: float = 0.1,
                 groups: bool | SearchStrategy[str | None] = True,
                 self_assessed: bool | None = None, comments: bool = False) -> None:
        if not isinstance(framework, Framework):
            raise InvalidArgument(f"framework={framework!r} must be a parindex.Framework")
        self.framework = framework
        probability = _probability("not_arising_probability", not_arising_probability)
        self.threshold = 1000 - round(1000 * probability)
        if isinstance(groups, bool):
            self.groups = _GROUP_NAMES if groups else st.none()
        elif isinstance(groups, SearchStrategy):
            self.groups = groups
        else:
            raise InvalidArgument(f"groups={groups!r} must be a bool or a strategy")
        if self_assessed is not None and not isinstance(self_assessed, bool):
            raise InvalidArgument(f"self_assessed={self_assessed!r} must be True, False or None")
        self.self_assessed = _BOOLEANS if self_assessed is None else st.just(self_assessed)
        if not isinstance(comments, bool):
            raise InvalidArgument(f"comments={comments!r} must be a bool")
        leaves = [node for node in framework.walk() if node.is_leaf]
        self.comments = (st.dictionaries(st.sampled_from([n.code for n in leaves]), _NAMES,
                                         max_size=3) if comments and leaves else st.just({}))
        places = framework.decimals
        # Each leaf: its points, and whether it may be marked "x".
        self.leaves: list[tuple[str, SearchStrategy[Decimal], bool]] = []
        # Leaves that count towards the arising maximum, and whether "x" takes them out.
        self.counted: dict[str, bool] = {}
        for node in leaves:
            policy = framework.not_arising_policy(node.code)
            may_not_arise = policy is NotArisingPolicy.EXCLUDE or (
                policy is not NotArisingPolicy.UNKNOWN and node.max is not None)
            self.leaves.append((node.code, _points(node.max if node.max is not None
                                                   else Decimal(10), places), may_not_arise))
            if node.kind in (NodeKind.CRITERION, NodeKind.SURVEY) and node.max != 0:
                self.counted[node.code] = policy is NotArisingPolicy.EXCLUDE
        # Banding or ranking on the index needs one (MissingInformationError otherwise).
        self.needs_index = bool(self.counted) and (
            framework.rank_by is RankBasis.INDEX
            or bool(framework.bands) and framework.band_basis is BandBasis.INDEX)

    def draw(self, draw: Draw, unit: str, year: int) -> Assessment:
        given: dict[str, GivenPoints] = {}
        drawers = {}
        for code, leaf_points, may_not_arise in self.leaves:
            drawers[code] = leaf_points
            # Integers shrink towards 0, i.e. towards points rather than "x".
            if may_not_arise and draw(_COIN) >= self.threshold:
                given[code] = NOT_ARISING
            else:
                given[code] = draw(leaf_points)
        if self.needs_index and all(given[code] is NOT_ARISING and excluded
                                    for code, excluded in self.counted.items()):
            # Something must arise, or there is no index to band or rank on.
            first = next(iter(self.counted))
            given[first] = draw(drawers[first])
        own: dict[str, GivenPoints] = {}
        if draw(self.self_assessed):
            own = {code: value if value is NOT_ARISING else draw(drawers[code])
                   for code, value in given.items()}
        return Assessment(framework=self.framework.id, unit=unit, year=year, points=given,
                          group=draw(self.groups), self_assessed=own,
                          comments=draw(self.comments))


@st.composite
def _assessment(draw: st.DrawFn, spec: _AssessmentSpec, units: SearchStrategy[str],
                years: SearchStrategy[int]) -> Assessment:
    return spec.draw(draw, draw(units), draw(years))


def assessments(framework: Framework, *, unit: str | SearchStrategy[str] | None = None,
                year: int | SearchStrategy[int] | None = None,
                not_arising_probability: float = 0.1,
                groups: bool | SearchStrategy[str | None] = True,
                self_assessed: bool | None = None,
                comments: bool = False) -> SearchStrategy[Assessment]:
    """Assessments under ``framework`` that it accepts: points at every leaf, nothing else.

    :func:`parindex.score` scores them, unless the result depends on a number no source
    gives: then it refuses every one of them with a
    :class:`~parindex.MissingInformationError` naming what to supply (never an
    :class:`~parindex.AssessmentError`). ``bo-noi-vu/province/2017`` is such a framework:
    no band threshold is known. A property test of scoring under a framework with such
    unknowns asserts that refusal.

    Each leaf gets exact points from 0 to its maximum, quantised to the framework's
    ``decimals`` (0 to 10 where the maximum is unknown), or, with probability about
    ``not_arising_probability``, :data:`parindex.NOT_ARISING` (``"x"``) where that is
    allowed: never where the policy in force is :attr:`NotArisingPolicy.UNKNOWN`, nor,
    under full or zero, where the maximum is unknown. When units are banded or ranked on
    the index, something always arises (else there is no index). Shrinks towards points.

    :param unit: the unit's name, or a strategy of names (default :func:`unit_names`).
    :param year: the year, or a strategy (default: one of the framework's years).
    :param not_arising_probability: chance of ``"x"`` at each leaf where allowed.
    :param groups: ``True``: no group or one of a few district names; ``False``: no
        group; or a strategy of group names (``None`` for none).
    :param self_assessed: give the unit's own points too (``"x"`` where appraised
        ``"x"``): ``True``, ``False``, or ``None`` for either.
    :param comments: whether the council may comment on some leaves.

    Requires the hypothesis package.
    """
    spec = _AssessmentSpec(framework, not_arising_probability=not_arising_probability,
                           groups=groups, self_assessed=self_assessed, comments=comments)
    return _assessment(spec, _strategy("unit", unit, str, _UNIT_NAMES),
                       _strategy("year", year, int, _years(framework)))


@st.composite
def _assessment_set(draw: st.DrawFn, spec: _AssessmentSpec, units: SearchStrategy[list[str]],
                    years: SearchStrategy[int]) -> list[Assessment]:
    year = draw(years)
    return [spec.draw(draw, unit, year) for unit in draw(units)]


def assessment_sets(framework: Framework, min_size: int = 1, max_size: int = 10,
                    **kwargs: Any) -> SearchStrategy[list[Assessment]]:
    """Lists of assessments of distinct units (compared case-insensitively), one year.

    Such a list is what :func:`parindex.score_many` ranks together.

    :param min_size: units at least.
    :param max_size: units at most.
    :param kwargs: passed to :func:`assessments` (all but ``unit``); ``year`` is drawn
        once for the whole list.

    Requires the hypothesis package.
    """
    if "unit" in kwargs:
        raise InvalidArgument("assessment_sets draws distinct unit names itself; "
                              "do not pass unit")
    year = kwargs.pop("year", None)
    spec = _AssessmentSpec(framework, **kwargs)
    lo, hi = _sizes(min_size, max_size)
    units = st.lists(_UNIT_NAMES, min_size=lo, max_size=hi, unique_by=str.casefold)
    return _assessment_set(spec, units, _strategy("year", year, int, _years(framework)))


# --- invalid assessments ----------------------------------------------------------------------

#: The kinds of fault :func:`invalid_assessments` plants, each refused by
#: :func:`parindex.score` with an :class:`~parindex.AssessmentError`.
INVALID_KINDS: tuple[str, ...] = (
    "above_maximum", "negative", "unknown_code", "missing_points", "wrong_framework",
    "wrong_year",
)


@attrs.frozen
class InvalidAssessment:
    """An assessment with one planted fault.

    :param assessment: the faulty assessment.
    :param kind: which fault (one of :data:`INVALID_KINDS`).
    :param code: the criterion code the fault is at (``None`` for the framework id and
        the year); :func:`parindex.score` names it in its error.
    """

    assessment: Assessment
    kind: str
    code: str | None = None


def _kinds_for(framework: Framework, kinds: Sequence[str] | None) -> tuple[str, ...]:
    wanted = tuple(INVALID_KINDS if kinds is None else kinds)
    unknown = [k for k in wanted if k not in INVALID_KINDS]
    if not wanted or unknown:
        raise InvalidArgument(f"kinds={kinds!r}: each must be one of {', '.join(INVALID_KINDS)}")
    leaves = [n for n in framework.walk() if n.is_leaf]
    possible = {
        "above_maximum": any(n.max is not None for n in leaves),
        "negative": bool(leaves),
        "unknown_code": True,
        "missing_points": bool(leaves),
        "wrong_framework": True,
        "wrong_year": framework.first_year > 1,
    }
    available = tuple(k for k in wanted if possible[k])
    if not available:
        raise InvalidArgument(f"none of kinds={wanted!r} can be planted in {framework.id}")
    return available


@st.composite
def _invalid(draw: st.DrawFn, spec: _AssessmentSpec, kinds: tuple[str, ...]) -> InvalidAssessment:
    framework = spec.framework
    valid = spec.draw(draw, draw(_UNIT_NAMES), draw(_years(framework)))
    kind = draw(st.sampled_from(kinds))
    points = dict(valid.points)
    unit = Decimal(1).scaleb(-framework.decimals)
    leaves = [n for n in framework.walk() if n.is_leaf]
    if kind == "wrong_framework":
        other = "other-" + framework.id
        return InvalidAssessment(attrs.evolve(valid, framework=other), kind)
    if kind == "wrong_year":
        return InvalidAssessment(attrs.evolve(valid, year=framework.first_year - 1), kind)
    if kind == "unknown_code":
        code = draw(st.sampled_from(["99", "0.0", "1.99.1"]).filter(
            lambda c: c not in framework.nodes))
        points[code] = draw(_points(Decimal(10), framework.decimals))
        return InvalidAssessment(attrs.evolve(valid, points=points), kind, code)
    if kind == "above_maximum":
        node = draw(st.sampled_from([n for n in leaves if n.max is not None]))
        assert node.max is not None
        points[node.code] = node.max + unit * draw(_integers(1, 1000))
    elif kind == "negative":
        node = draw(st.sampled_from(leaves))
        points[node.code] = -unit * draw(_integers(1, 1000))
    else:  # missing_points
        node = draw(st.sampled_from(leaves))
        points.pop(node.code, None)
    return InvalidAssessment(attrs.evolve(valid, points=points), kind, node.code)


def invalid_assessments(framework: Framework, *, kinds: Sequence[str] | None = None,
                        not_arising_probability: float = 0.0,
                        ) -> SearchStrategy[InvalidAssessment]:
    """Assessments under ``framework`` with one planted fault each, and what it is.

    Each starts as an assessment of :func:`assessments` and is then broken in one way:
    points above a leaf's maximum, negative points, a code the framework does not have,
    a leaf without points, another framework's id, or a year the framework does not
    cover. :func:`parindex.score` must refuse every one with an
    :class:`~parindex.AssessmentError` naming the code (or the key) at fault:

    .. code-block:: python

        @given(pst.invalid_assessments(framework))
        def test_refused(invalid):
            with pytest.raises(parindex.AssessmentError) as caught:
                parindex.score(framework, invalid.assessment)
            assert invalid.code in {p.code for p in caught.value.problems} | {None}

    :param kinds: the kinds of fault to plant (default all of :data:`INVALID_KINDS` that
        the framework allows: above_maximum needs a leaf with a known maximum).
    :param not_arising_probability: as for :func:`assessments` (default 0: no ``"x"``,
        so that the planted fault is the only one).

    Requires the hypothesis package.
    """
    if not isinstance(framework, Framework):
        raise InvalidArgument(f"framework={framework!r} must be a parindex.Framework")
    available = _kinds_for(framework, kinds)
    spec = _AssessmentSpec(framework, not_arising_probability=not_arising_probability,
                           self_assessed=False)
    return _invalid(spec, available)


# --- results tables ---------------------------------------------------------------------------

# Headers as officials' tables print them, and as parindex.read_table recognises them.
_TABLE_HEADERS = {
    False: {"unit": "unit", "group": "group", "year": "year"},
    True: {"unit": "Tên đơn vị", "group": "Huyện", "year": "Năm"},
}


@attrs.frozen
class TableRows:
    """A results table as rows of text cells (header first), and what it holds.

    :param rows: the header row, then one row per unit: unit, group, year, then the points
        of every leaf (``x`` where the item did not arise).
    :param assessments: the assessments the rows hold, one per row, in order.
    :param decimal_comma: whether numbers are written with a decimal comma (``1,25``).
    """

    rows: list[list[str]]
    assessments: list[Assessment]
    decimal_comma: bool


def _cell(value: GivenPoints, decimal_comma: bool) -> str:
    if value is NOT_ARISING:
        return "x"
    text = format(value, "f")
    return text.replace(".", ",") if decimal_comma else text


@st.composite
def _table(draw: st.DrawFn, spec: _AssessmentSpec, units: SearchStrategy[list[str]],
           years: SearchStrategy[int], vietnamese: SearchStrategy[bool],
           decimal_comma: SearchStrategy[bool]) -> TableRows:
    year = draw(years)
    assessments = [spec.draw(draw, unit, year) for unit in draw(units)]
    comma, headers = draw(decimal_comma), _TABLE_HEADERS[draw(vietnamese)]
    codes = [code for code, _, _ in spec.leaves]
    rows = [[headers["unit"], headers["group"], headers["year"], *codes]]
    for a in assessments:
        rows.append([a.unit, a.group or "", str(a.year),
                     *(_cell(a.points[code], comma) for code in codes)])
    return TableRows(rows, assessments, comma)


def results_tables(framework: Framework, *, min_size: int = 1, max_size: int = 10,
                   vietnamese: bool | None = None, decimal_comma: bool | None = None,
                   not_arising_probability: float = 0.1,
                   groups: bool | SearchStrategy[str | None] = True,
                   ) -> SearchStrategy[TableRows]:
    """Results tables of units under ``framework``: rows of text cells, as typed into a
    spreadsheet, with the assessments they hold.

    Write the rows to a CSV or Excel file and read it with :func:`parindex.read_table`:
    it must give back the same assessments. One year for the whole table; units distinct.

    :param vietnamese: headers ``Tên đơn vị``, ``Huyện``, ``Năm`` (``True``), ``unit``,
        ``group``, ``year`` (``False``), or either (``None``); criterion columns are
        headed by their codes.
    :param decimal_comma: write ``1,25`` rather than ``1.25``, or either (``None``).
    :param not_arising_probability: as for :func:`assessments`.
    :param groups: as for :func:`assessments`.

    Requires the hypothesis package.
    """
    spec = _AssessmentSpec(framework, not_arising_probability=not_arising_probability,
                           groups=groups, self_assessed=False)
    lo, hi = _sizes(min_size, max_size, 1)
    flags = []
    for name, value in (("vietnamese", vietnamese), ("decimal_comma", decimal_comma)):
        if value is not None and not isinstance(value, bool):
            raise InvalidArgument(f"{name}={value!r} must be True, False or None")
        flags.append(_BOOLEANS if value is None else st.just(value))
    units = st.lists(_UNIT_NAMES, min_size=lo, max_size=hi, unique_by=str.casefold)
    return _table(spec, units, _years(framework), flags[0], flags[1])
