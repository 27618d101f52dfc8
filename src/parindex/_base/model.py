"""The data model: frameworks (criteria trees with provenance) and assessments.

Everything here is a frozen attrs class holding exact :class:`~decimal.Decimal` points.
Objects are built by the TOML reader (:mod:`parindex._formats.toml`) or by hand; the
validators here check what a single object can check, and
:meth:`Framework.check` reports what only the whole tree shows.
"""

from __future__ import annotations

import enum
import re
import types
import unicodedata
import warnings
from collections.abc import Iterable, Iterator, Mapping
from datetime import date
from decimal import Decimal
from fractions import Fraction
from functools import cached_property
from typing import Any, Final, Literal, TypeAlias

import attrs

from .errors import FrameworkError, Origin, Problem
from .i18n import Count, Sentence
from .numbers import Rounding, exact, round_to

#: ``province/level/year`` or ``province/level/version``, lower-case ASCII with hyphens,
#: e.g. ``thua-thien-hue/commune/2022`` or ``quang-ngai/commune/2023-2030``.
FRAMEWORK_ID: Final = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*/[a-z]+(?:-[a-z]+)*/[0-9a-z.-]+$")


def nfc(text: str) -> str:
    """Unicode NFC: Vietnamese typed on different systems differs in bytes, not in text.

    >>> nfc("Thu\u0309y") == "Thủy"
    True
    """
    return unicodedata.normalize("NFC", text).strip()


def _nfc_optional(text: str | None) -> str | None:
    # A note parindex words itself (a Sentence) stays one, to be said in either language.
    return None if text is None else text if isinstance(text, Sentence) else nfc(text)


class Status(enum.Enum):
    """How a number (or fact) in a framework is established.

    The order is from strongest to weakest; :attr:`UNKNOWN` means no source gives it.
    """

    #: Printed in one of the founding documents (the source documents the project started from).
    SEED = "seed"
    #: Stated in a public page or decision.
    READ = "read"
    #: Deduced from sourced facts; must never be presented as read.
    INFERRED = "inferred"
    #: A user's working hypothesis (e.g. "Tốt from 80" until the annex is found): scores
    #: like a known value, is listed by completeness, and fails strict conformance, so
    #: that nothing resting on it is published.
    ASSUMED = "assumed"
    #: Not found in any available source.
    UNKNOWN = "unknown"

    @property
    def value_phrase(self) -> str:
        """``"a read value"``, ``"an assumed value"``: for messages."""
        return f"{'an' if self.value[0] in 'aeiou' else 'a'} {self.value} value"


@attrs.frozen
class Provenance:
    """Where a number comes from.

    :param status: how it is established.
    :param source: a key of :attr:`Framework.sources` (or a citation in full).
    :param note: why, briefly (e.g. how an inferred value was deduced).
    """

    status: Status
    source: str | None = None
    note: str | None = attrs.field(default=None, converter=_nfc_optional)


class NodeKind(enum.Enum):
    """What a node's points are for. Top-level nodes declare it; children inherit it."""

    #: Appraised by the council (điểm thẩm định).
    CRITERION = "criterion"
    #: The sociological survey block (điều tra xã hội học).
    SURVEY = "survey"
    #: Bonus points (điểm cộng), added to the total on top of the 100-point scale.
    BONUS = "bonus"
    #: Penalty points (điểm trừ), given as a positive deduction and subtracted.
    PENALTY = "penalty"


class IndexKind(enum.Enum):
    """Which index a framework computes: the PAR INDEX, or a companion index that
    provinces publish beside it (scored, ranked and reproduced the same way, but never to
    be mistaken for a PAR INDEX framework)."""

    #: The PAR INDEX (Chỉ số CCHC): appraised points + a sociological survey, on 100.
    PAR_INDEX = "par-index"
    #: PAPI, the Provincial Governance and Public Administration Performance Index.
    PAPI = "papi"
    #: The service index of 766/QĐ-TTg (Bộ chỉ số phục vụ người dân, doanh nghiệp).
    SERVICE_INDEX = "service-index"


class NotArisingPolicy(enum.Enum):
    """What a *không phát sinh* (did not arise, ``"x"``) item counts for."""

    #: Leaves the arising maximum (điểm phát sinh): the index is taken over what arose.
    EXCLUDE = "exclude"
    #: Counts as full marks.
    FULL = "full"
    #: Counts as zero points; its maximum stays.
    ZERO = "zero"
    #: No source says; marking an item ``"x"`` then refuses to score.
    UNKNOWN = "unknown"


class BandBasis(enum.Enum):
    """What band thresholds are compared with: the index or the total, named as
    :class:`RankBasis` names them."""

    #: The index: total ÷ arising maximum × 100.
    INDEX = "index"
    #: The total points (``band_basis = "total"``).
    TOTAL = "total"
    #: Deprecated: the old name of :attr:`TOTAL` (the same member). A framework file's
    #: ``band_basis = "points"`` is still read as ``"total"``, with a DeprecationWarning.
    POINTS = "total"

    @classmethod
    def _missing_(cls, value: object) -> BandBasis | None:
        if value == "points":
            warnings.warn('band_basis "points" is now called "total" (as rank_by and '
                          'results name the total); read as "total"', DeprecationWarning,
                          stacklevel=2)
            return cls.TOTAL
        return None


class RankingMethod(enum.Enum):
    """How equal values share ranks."""

    #: Standard competition ranking, 1, 2, 2, 4 (Excel RANK; COINr).
    COMPETITION = "competition"
    #: Dense ranking, 1, 2, 2, 3.
    DENSE = "dense"


def ranking_name(value: RankingMethod | str) -> RankingMethod | str:
    """A ranking method as frameworks name it: a built-in :class:`RankingMethod`, or the
    name of a method a plugin registers (``parindex_ranking_methods``).

    >>> ranking_name("dense"), ranking_name("olympic")
    (<RankingMethod.DENSE: 'dense'>, 'olympic')
    """
    if isinstance(value, RankingMethod):
        return value
    try:
        return RankingMethod(value)
    except ValueError:
        return value


def method_name(value: RankingMethod | str) -> str:
    """The name of a ranking method, built in or registered."""
    return value.value if isinstance(value, RankingMethod) else value


class RankBasis(enum.Enum):
    """What units are ranked on (higher is better): the index or the total, named as
    :class:`BandBasis` names them."""

    #: The index: total ÷ arising maximum × 100.
    INDEX = "index"
    #: The total points.
    TOTAL = "total"


class _NotArising:
    """The *không phát sinh* mark: the task did not occur this year."""

    _instance: _NotArising | None = None

    def __new__(cls) -> _NotArising:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "NOT_ARISING"

    def __reduce__(self) -> str:
        return "NOT_ARISING"


#: Marks an item that did not arise (``"x"`` in score sheets and files).
NOT_ARISING: Final = _NotArising()

#: Points as given in an assessment: exact decimal, or :data:`NOT_ARISING`.
GivenPoints = Decimal | _NotArising

#: A figure reported in an assessment's ``[inputs]``: a count or amount, or yes/no.
Figure: TypeAlias = Decimal | bool


class Params(Mapping[str, Any]):
    """A rule's parameters as read from TOML: an immutable, hashable mapping.

    Arrays become tuples and tables become :class:`Params`, so a rule (and the node and
    framework holding it) stays a value.
    """

    __slots__ = ("_items",)

    def __init__(self, items: Mapping[str, Any] | None = None) -> None:
        self._items: dict[str, Any] = {k: _freeze(v) for k, v in (items or {}).items()}

    def __getitem__(self, key: str) -> Any:
        return self._items[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __hash__(self) -> int:
        return hash(frozenset(self._items.items()))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Mapping):
            return NotImplemented
        return dict(self._items) == dict(other.items())

    def __repr__(self) -> str:
        return f"Params({self._items!r})"

    def thaw(self) -> dict[str, Any]:
        """Back to plain dicts and lists (for TOML and JSON)."""
        return {k: _thaw(v) for k, v in self._items.items()}


def _freeze(value: Any) -> Any:
    if isinstance(value, Mapping) and not isinstance(value, Params):
        return Params(value)
    if isinstance(value, list | tuple):
        return tuple(_freeze(v) for v in value)
    return value


def _thaw(value: Any) -> Any:
    if isinstance(value, Params):
        return value.thaw()
    if isinstance(value, tuple):
        return [_thaw(v) for v in value]
    return value


def _params(value: Mapping[str, Any] | None) -> Params:
    return value if isinstance(value, Params) else Params(value)


@attrs.frozen
class Rule:
    """How one leaf is scored, as a framework declares it.

    :param kind: the name of a registered rule kind (:class:`RuleKind`), e.g.
        ``"proportional"``.
    :param params: the kind's parameters, as written in the ``rule`` table.
    :param provenance: where the rule comes from (its own status and source, which may
        differ from the maximum's).
    """

    kind: str
    params: Params = attrs.field(factory=Params, converter=_params)
    provenance: Provenance = attrs.field(factory=lambda: Provenance(Status.UNKNOWN))

    @property
    def computes(self) -> bool:
        """Whether points follow from reported figures (not ``points`` or ``unknown``)."""
        return self.kind not in ("points", "unknown")


def _tuple(value: Iterable[object]) -> tuple[object, ...]:
    return tuple(value)


@attrs.frozen
class Node:
    """One node of a criteria tree: a field (lĩnh vực), criterion, or component.

    :param code: the code as printed in the source, e.g. ``"3.4.1"``.
    :param name: the Vietnamese name as published (NFC).
    :param max: maximum points (điểm tối đa); ``None`` when no source gives it.
    :param provenance: source and status of the maximum.
    :param kind: criterion, survey, bonus or penalty.
    :param children: sub-nodes in the order printed; empty for a leaf.
    :param name_en: optional English label.
    :param not_arising: overrides the framework's policy for this node and its subtree.
    :param rule: how a leaf's points follow from reported figures (``None``: its points
        are given, like the ``points`` kind).
    :param unitemized: the part of a parent's maximum that the source does not itemise
        (its maximum minus its items' maxima), stated explicitly so that conformance
        accepts exactly this gap and no other (``unitemized = 1.0`` in the file).
    """

    code: str = attrs.field(converter=nfc)
    name: str = attrs.field(converter=nfc)
    max: Decimal | None = attrs.field()
    provenance: Provenance = attrs.field()
    kind: NodeKind = NodeKind.CRITERION
    children: tuple[Node, ...] = attrs.field(default=(), converter=_tuple)
    name_en: str | None = attrs.field(default=None, converter=_nfc_optional)
    not_arising: NotArisingPolicy | None = None
    rule: Rule | None = None
    unitemized: Decimal | None = None

    @max.validator
    def _check_max(self, _: object, value: Decimal | None) -> None:
        if value is not None and (not value.is_finite() or value < 0):
            raise FrameworkError(Problem(Sentence("md_max_not_finite", value=value),
                                         code=self.code))

    @property
    def is_leaf(self) -> bool:
        return not self.children

    def walk(self) -> Iterator[Node]:
        """This node and its descendants, depth first, in printed order."""
        # A stack, not recursion: no tree is deep enough to exhaust it.
        stack = [self]
        while stack:
            node = stack.pop()
            yield node
            stack.extend(reversed(node.children))


@attrs.frozen
class Band:
    """A classification band (xếp loại), e.g. *Xuất sắc* from 90.

    Bands are listed from the highest down; a value belongs to the first band whose
    ``min`` it reaches, so each band runs from its ``min`` (inclusive) up to the next
    band's ``min`` (exclusive); a framework whose publication declares
    ``band_bounds = "strict"`` reverses that ("trên 80 %": above its ``min``, up to and
    including the next band's).

    :param min: the lower bound, inclusive; ``None`` when no source gives it.
    """

    name: str = attrs.field(converter=nfc)
    min: Decimal | None
    provenance: Provenance
    name_en: str | None = attrs.field(default=None, converter=_nfc_optional)


#: The figures whose printed decimals a publisher may declare (:class:`Publication`).
PRINTED_FIGURES: Final[tuple[str, ...]] = (
    "points", "appraised", "survey", "total", "index", "percent")

#: The conventions a publication declares, each of which may carry its own provenance.
CONVENTIONS: Final[tuple[str, ...]] = ("rounding", "decimals", "band_bounds", "decide_on")


@attrs.frozen
class Publication:
    """How a publisher prints and decides its figures (quy ước công bố), declared as data.

    :param rounding: how printed figures are rounded (:class:`~parindex.Rounding`):
        ``half-up`` (symmetric, as Excel's ROUND), ``truncate`` or ``half-even``.
    :param decimals: places printed per figure (``points``, ``appraised``, ``survey``,
        ``total``, ``index``, ``percent``); a figure not named is compared at the places
        it is printed with.
    :param band_bounds: ``inclusive`` (a band from its ``min``, "từ 80 %") or ``strict``
        (above its ``min``, "trên 80 %").
    :param decide_on: ``exact`` (bands and ranks on unrounded values) or ``published``
        (on the figures as printed: rounded as declared, to the declared decimals).
    :param provenance: where each declared convention comes from, by name (one of
        :data:`CONVENTIONS`); a convention not declared is the default and has none.
    """

    rounding: Rounding = Rounding.HALF_UP
    decimals: Mapping[str, int] = attrs.field(factory=dict)
    band_bounds: Literal["inclusive", "strict"] = "inclusive"
    decide_on: Literal["exact", "published"] = "exact"
    provenance: Mapping[str, Provenance] = attrs.field(factory=dict)

    def places(self, figure: str) -> int | None:
        """The declared places of a figure (``None``: as printed)."""
        return self.decimals.get(figure)

    def printed(self, value: Decimal | Fraction, figure: str, default: int) -> Decimal:
        """A value as the publisher prints it: rounded as declared, to the declared
        places of ``figure`` (else ``default``)."""
        places = self.places(figure)
        return round_to(value, default if places is None else places, self.rounding)

    def merged(self, other: Publication) -> Publication:
        """These conventions with those ``other`` declares (a table's mapping file)
        taking precedence."""
        declared = set(other.provenance)
        return Publication(
            rounding=other.rounding if "rounding" in declared else self.rounding,
            decimals={**self.decimals, **other.decimals},
            band_bounds=other.band_bounds if "band_bounds" in declared else self.band_bounds,
            decide_on=other.decide_on if "decide_on" in declared else self.decide_on,
            provenance={**self.provenance, **other.provenance})


@attrs.frozen
class LegalBasis:
    """The decision that issues a framework, e.g. QĐ 2204/QĐ-UBND of 12/9/2022."""

    decision: str = attrs.field(converter=nfc)
    date: date | None = None
    title: str | None = attrs.field(default=None, converter=_nfc_optional)
    issuer: str | None = attrs.field(default=None, converter=_nfc_optional)
    replaces: str | None = attrs.field(default=None, converter=_nfc_optional)


#: Framework-level facts that carry their own provenance in :attr:`Framework.provenance`.
FrameworkFact = Literal[
    "legal_basis", "years", "not_arising", "band_basis", "band_method", "decimals", "ranking",
    "rank_by", "tie_break", "scale",
]


@attrs.frozen
class MaximaMismatch:
    """Children whose maxima do not add up to their parent's maximum.

    Sources are often incomplete (an item not printed), so this is a warning, not an error.
    """

    code: str
    max: Decimal
    children_max: Decimal

    @property
    def difference(self) -> Decimal:
        """Parent's maximum minus the sum of the children's (positive: not itemised)."""
        return self.max - self.children_max

    @property
    def sentence(self) -> Sentence:
        """What is wrong, without the code: English text that output for people says in
        the reader's language."""
        return Sentence("finding_maxima", items=self.children_max, max=self.max,
                        difference=self.difference)

    def __str__(self) -> str:
        return f"{self.code}: {self.sentence}"


def _frozen_map(value: Mapping[str, Any]) -> Mapping[str, Any]:
    return types.MappingProxyType(dict(value))


#: The most levels a framework's criteria nest (fields, criteria, items, sub-items...):
#: published frameworks have 3 or 4. Checked before anything walks the tree.
MAX_DEPTH = 20
#: The most criteria a framework holds (published frameworks have under 200).
MAX_NODES = 100_000


@attrs.frozen
class Methods:
    """The rule kinds, ranking and band methods that plugins register, as a framework that
    names them was bound to them when it was built (:func:`parindex.load_framework`, the
    registry). The engine reads them here and never looks names up itself.

    Values are the registration objects (:class:`~parindex.RuleKind`,
    :class:`~parindex.Ranker`, :class:`~parindex.BandMethod`), keyed by name; the
    built-in ones need no binding.
    """

    rule_kinds: Mapping[str, Any] = attrs.field(factory=dict)
    rankers: Mapping[str, Any] = attrs.field(factory=dict)
    band_methods: Mapping[str, Any] = attrs.field(factory=dict)


@attrs.frozen
class Framework:
    """A province's framework for one level and period, with its criteria tree.

    :param id: ``province/level/year``, e.g. ``thua-thien-hue/commune/2022``.
    :param name: the Vietnamese name (NFC).
    :param level: ``commune``, ``district``, ``department``, ...
    :param legal_basis: the decision that issues it.
    :param first_year: first assessment year it applies to.
    :param last_year: last assessment year, or ``None`` if open-ended.
    :param criteria: the top-level nodes (fields, the survey block, bonus/penalty).
    :param bands: classification bands, highest first.
    :param band_basis: whether thresholds apply to the index or to the total.
    :param not_arising: policy for items that did not arise.
    :param decimals: places used for display (never before ranking or banding).
    :param ranking: competition (1, 2, 2, 4), dense (1, 2, 2, 3), or the name of a ranking
        method a plugin registers.
    :param band_method: how a value is placed in a band; ``minimum`` (the built-in: the
        first band, from the top, whose ``min`` it reaches) or a registered method's name.
    :param rank_by: rank on the index or on total points.
    :param tie_break: codes whose points break ties, in order (higher wins); empty:
        tied units share a rank.
    :param provenance: provenance of framework-level facts, keyed by field name.
    :param sources: citation of each source key used in provenances.
    :param derived_from: the id of the framework a completion overlay was applied to.
    :param index_kind: the PAR INDEX (the default), or the companion index it computes.
    :param methods: the registered methods its names were bound to when it was built (not
        compared: two frameworks with the same data are equal).
    :param publication: how its results are printed and decided (rounding, decimals
        per figure, band bounds inclusive or strict, exact or published figures).
    :param scale: the points the top-level maxima make (appraised + survey; or, for a
        framework whose scale counts them, + bonus − penalty), 100 unless the framework
        declares otherwise.
    """

    id: str = attrs.field(converter=nfc)
    name: str = attrs.field(converter=nfc)
    level: str
    legal_basis: LegalBasis
    first_year: int
    criteria: tuple[Node, ...] = attrs.field(converter=_tuple)
    bands: tuple[Band, ...] = attrs.field(converter=_tuple)
    last_year: int | None = None
    band_basis: BandBasis = BandBasis.INDEX
    not_arising: NotArisingPolicy = NotArisingPolicy.EXCLUDE
    decimals: int = 2
    ranking: RankingMethod | str = attrs.field(default=RankingMethod.COMPETITION,
                                              converter=ranking_name)
    rank_by: RankBasis = RankBasis.TOTAL
    tie_break: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    name_en: str | None = attrs.field(default=None, converter=_nfc_optional)
    # Read-only views: a framework is shared by every command and plugin, and must not
    # change after it is built (a plugin writing into it is an error, not a new framework).
    provenance: Mapping[str, Provenance] = attrs.field(factory=dict, converter=_frozen_map)
    sources: Mapping[str, str] = attrs.field(factory=dict, converter=_frozen_map)
    band_method: str = "minimum"
    derived_from: str | None = None
    index_kind: IndexKind = IndexKind.PAR_INDEX
    methods: Methods = attrs.field(factory=Methods, eq=False, repr=False)
    publication: Publication = attrs.field(factory=lambda: Publication())
    scale: Decimal = Decimal(100)

    def __attrs_post_init__(self) -> None:
        problems = self._structural_problems()
        if problems:
            raise FrameworkError(problems)

    def _structural_problems(self) -> list[Problem]:
        problems = []
        if not FRAMEWORK_ID.match(self.id):
            problems.append(Problem(Sentence("md_bad_id", id=repr(self.id)), key="id"))
        elif self.id.split("/")[1] != self.level:
            problems.append(Problem(Sentence("md_level_differs", level=repr(self.level),
                                             id_level=repr(self.id.split("/")[1])),
                                    key="level"))
        if self.last_year is not None and self.last_year < self.first_year:
            problems.append(Problem(Sentence("md_years_order"), key="last_year"))
        if not 0 <= self.decimals <= 9:
            problems.append(Problem(Sentence("md_decimals"), key="decimals"))
        count, deepest = 0, 0
        for node, depth in self.depths():
            count += 1
            deepest = max(deepest, depth + 1)
            if count > MAX_NODES or deepest > MAX_DEPTH:
                break
        if count > MAX_NODES:
            return [Problem(Sentence("md_too_many", max=Count(MAX_NODES)), key="criteria")]
        if deepest > MAX_DEPTH:
            return [Problem(Sentence("md_too_deep", max=MAX_DEPTH), key="criteria",
                            code=node.code)]
        seen: set[str] = set()
        for node in self.walk():
            if node.code in seen:
                problems.append(Problem(Sentence("md_code_twice"), code=node.code))
            seen.add(node.code)
        for node in self.walk():
            if node.rule is not None and node.rule.computes and node.children:
                problems.append(Problem(Sentence("md_rule_has_items", kind=node.rule.kind),
                                        code=node.code))
        for code in self.tie_break:
            if code not in seen:
                problems.append(Problem(Sentence("md_tie_break_unknown", code=repr(code)),
                                        key="tie_break"))
        problems += [Problem(message, key="bands") for message in _band_problems(self)]

        return problems

    # --- navigation -------------------------------------------------------------------

    @property
    def is_companion(self) -> bool:
        """Whether it computes a companion index (PAPI, the 766 service index), not the
        PAR INDEX."""
        return self.index_kind is not IndexKind.PAR_INDEX

    def walk(self) -> Iterator[Node]:
        """Every node, depth first, in printed order."""
        for node in self.criteria:
            yield from node.walk()

    def depths(self) -> Iterator[tuple[Node, int]]:
        """Every node with its depth (0 for the top level), depth first, without recursion."""
        stack = [(node, 0) for node in reversed(self.criteria)]
        while stack:
            node, depth = stack.pop()
            yield node, depth
            stack.extend((child, depth + 1) for child in reversed(node.children))

    @cached_property
    def nodes(self) -> Mapping[str, Node]:
        """Every node by code, in depth-first printed order."""
        return {node.code: node for node in self.walk()}

    @cached_property
    def parents(self) -> Mapping[str, str | None]:
        """The parent code of every node (``None`` for top-level nodes)."""
        result: dict[str, str | None] = {node.code: None for node in self.criteria}
        for node in self.walk():
            for child in node.children:
                result[child.code] = node.code
        return result

    @property
    @exact
    def max(self) -> Decimal | None:
        """Maximum total: criteria + survey + bonus (e.g. 100, or 110 = 100 + 10)."""
        total = Decimal(0)
        for node in self.criteria:
            if node.kind is NodeKind.PENALTY:
                continue
            if node.max is None:
                return None
            total += node.max
        return total

    def not_arising_policy(self, code: str) -> NotArisingPolicy:
        """How an item that did not arise counts at ``code``: the nearest override on the
        node or its ancestors, else the framework's policy."""
        current: str | None = code
        while current is not None:
            override = self.nodes[current].not_arising
            if override is not None:
                return override
            current = self.parents[current]
        return self.not_arising

    def fact(self, name: str) -> Provenance | None:
        """The provenance of a framework-level fact (see :data:`FrameworkFact`)."""
        return self.provenance.get(name)

    # --- whole-tree checks --------------------------------------------------------------

    @exact
    def maxima_mismatches(self) -> list[MaximaMismatch]:
        """Nodes whose children's maxima do not add up to their own maximum."""
        mismatches = []
        for node in self.walk():
            if not node.children or node.max is None:
                continue
            maxima = [child.max for child in node.children]
            if any(m is None for m in maxima):
                continue
            children_max = sum((m for m in maxima if m is not None), Decimal(0))
            if children_max != node.max:
                mismatches.append(MaximaMismatch(node.code, node.max, children_max))
        return mismatches

    def unknowns(self) -> list[str]:
        """Every number or fact no source establishes, as readable paths."""
        found = [f"criteria.{n.code}.max" for n in self.walk() if n.max is None]
        found += [f"bands.{b.name}.min" for b in self.bands if b.min is None]
        found += [f"{name}" for name, p in self.provenance.items()
                  if p.status is Status.UNKNOWN]
        if self.not_arising is NotArisingPolicy.UNKNOWN:
            found.append("not_arising")
        found += [f"criteria.{n.code}.not_arising" for n in self.walk()
                  if n.not_arising is NotArisingPolicy.UNKNOWN]
        return list(dict.fromkeys(found))  # a fact may be unknown by value and provenance

    def unknown_rules(self) -> list[str]:
        """Leaves whose scoring rule no source gives (``rule = { kind = "unknown" }``), as
        readable paths, e.g. ``criteria.3.4.1.rule``. They accept given points only."""
        return [f"criteria.{n.code}.rule" for n in self.walk()
                if n.rule is not None and n.rule.kind == "unknown"]

    def assumptions(self) -> list[str]:
        """Every value given as a working hypothesis (status ``assumed``), as readable
        paths like those of :meth:`unknowns`: ``criteria.1.max``, ``criteria.3.4.1.rule``,
        ``bands.Tốt.min``, or the name of a framework-level fact."""
        found = [f"criteria.{n.code}.max" for n in self.walk()
                 if n.provenance.status is Status.ASSUMED]
        found += [f"criteria.{n.code}.rule" for n in self.walk()
                  if n.rule is not None and n.rule.provenance.status is Status.ASSUMED]
        found += [f"bands.{b.name}.min" for b in self.bands
                  if b.provenance.status is Status.ASSUMED]
        found += [name for name, p in self.provenance.items() if p.status is Status.ASSUMED]
        return found

    def completeness(self) -> dict[Status, int]:
        """How many nodes are seed / read / inferred / assumed / unknown."""
        counts = dict.fromkeys(Status, 0)
        for node in self.walk():
            counts[node.provenance.status] += 1
        return counts


def _band_problems(framework: Framework) -> list[Sentence]:
    problems = []
    bands = framework.bands
    names = [b.name for b in bands]
    if len(set(names)) != len(names):
        repeated = sorted({n for n in names if names.count(n) > 1})
        problems.append(Sentence("md_band_names", names=tuple(repeated)))
    known = [b.min for b in bands if b.min is not None]
    if any(a <= b for a, b in zip(known, known[1:], strict=False)):
        problems.append(Sentence("md_band_decrease"))
    if bands and bands[-1].min is not None and bands[-1].min != 0:
        problems.append(Sentence("md_last_band", band=bands[-1].name))
    if any(b.min is not None and b.min < 0 for b in bands):
        problems.append(Sentence("md_band_negative"))

    return problems


@attrs.frozen
class PublishedRank:
    """A rank as printed: ``"2/10"`` is position 2 of 10; ``"7"`` has no count.

    :param change: the change printed with it, in places (``"giảm 03 bậc"`` is −3,
        ``"tăng 2 bậc"`` +2); ``None`` when none is printed.
    :param wording: the words a rank was printed in when they give no number
        (``"xếp cuối"``, last: its position is the number of units ranked).
    """

    position: int
    of: int | None = None
    change: int | None = attrs.field(default=None, repr=False)
    wording: str | None = attrs.field(default=None, eq=False, repr=False)

    def __str__(self) -> str:
        text = f"{self.position}/{self.of}" if self.of is not None else str(self.position)
        if self.wording:
            text = f"{self.wording} ({text})"
        if self.change is not None:
            text += (f", {'tăng' if self.change > 0 else 'giảm'} {abs(self.change)} bậc"
                     if self.change else ", giữ nguyên")
        return text


@attrs.frozen
class Published:
    """Figures as printed in a source, kept to reconcile computed results against.

    :param points: published points by criterion code.
    :param total: the published total.
    :param appraised: the published appraised part (criteria without survey).
    :param survey: the published survey part.
    :param index: the published index (percentage).
    :param rank: the rank among all units ranked together.
    :param group_rank: the rank within the unit's group.
    :param rank_basis: what the published ranks were computed on (``total``,
        ``appraised`` or ``index``).
    :param band: the band name as printed.
    """

    points: Mapping[str, Decimal] = attrs.field(factory=dict)
    total: Decimal | None = None
    appraised: Decimal | None = None
    survey: Decimal | None = None
    index: Decimal | None = None
    rank: PublishedRank | None = None
    group_rank: PublishedRank | None = None
    rank_basis: Literal["total", "appraised", "index"] | None = None
    band: str | None = attrs.field(default=None, converter=_nfc_optional)

    def is_empty(self) -> bool:
        return self == Published()


@attrs.frozen
class Assessment:
    """One unit's appraised points for one year under one framework.

    :param framework: the framework id.
    :param unit: the unit's name as published (NFC).
    :param year: the assessment year.
    :param points: appraised points by code, or :data:`NOT_ARISING`. A node given points
        is not derived from its children.
    :param group: e.g. the district, for ranks within groups.
    :param self_assessed: the unit's own points, same keys.
    :param comments: the appraisal council's comment per code.
    :param published: figures as printed, to reconcile against.
    :param source: the document the figures were typed from.
    :param inputs: reported figures by code (``[inputs]``), scored by the leaves' rules.
    """

    framework: str = attrs.field(converter=nfc)
    unit: str = attrs.field(converter=nfc)
    year: int
    points: Mapping[str, GivenPoints]
    group: str | None = attrs.field(default=None, converter=_nfc_optional)
    self_assessed: Mapping[str, GivenPoints] = attrs.field(factory=dict)
    comments: Mapping[str, str] = attrs.field(factory=dict)
    published: Published = attrs.field(factory=Published)
    source: str | None = attrs.field(default=None, converter=_nfc_optional)
    #: Reported figures by code, for leaves whose rule computes their points, e.g.
    #: ``{"3.4.1": {"on_time": Decimal(489), "total": Decimal(493)}}``.
    inputs: Mapping[str, Mapping[str, Figure]] = attrs.field(factory=dict)
    #: Where it was read from (file and line of each key), for messages; not compared.
    origin: Origin | None = attrs.field(default=None, eq=False, repr=False)
