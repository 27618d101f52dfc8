"""Scoring one assessment exactly, bottom-up, under its framework."""

from __future__ import annotations

import difflib
import weakref
from collections.abc import Callable, Mapping
from decimal import Decimal
from fractions import Fraction
from typing import Any, NoReturn, TypedDict

import attrs

from .._base.errors import AssessmentError, FrameworkError, MissingInformationError, Origin, Problem
from .._base.i18n import Sentence, Terms, reason
from .._base.model import (
    NOT_ARISING,
    Assessment,
    Band,
    BandBasis,
    Figure,
    Framework,
    GivenPoints,
    Node,
    NodeKind,
    NotArisingPolicy,
    Rule,
    Status,
)
from .._base.numbers import exact, exact_value, plain, quantize
from .._base.supply import how_to_supply
from .reconcile import reconcile
from .results import Discrepancy, Finding, NodeResult, Result
from .rules import BUILTIN_KINDS, RuleInputError, RuleKind, apply

ZERO = Decimal(0)


class _NodeChanges(TypedDict, total=False):
    comment: str | None
    self_assessed: Decimal | None
    rule: Rule | None
    inputs: Mapping[str, Figure] | None
    explanation: str | None


@exact
def score(framework: Framework, assessment: Assessment) -> Result:
    """Score one assessment under its framework, exactly.

    A node's points are those given for it, or the sum of its children's. Items marked
    not arising count as the framework declares. The index is total ÷ arising maximum ×
    100, kept as an exact fraction; the band is decided on it unrounded.

    :raises AssessmentError: points for unknown codes, outside [0, max], missing leaves,
        or a framework id or year that does not match; every problem at once.
    :raises MissingInformationError: the result depends on a number no source gives.
    """
    origin = assessment.origin or Origin(None)
    check_fit(framework, assessment, origin)
    scorer = _Scorer(framework, origin, assessment.comments)
    computed = scorer.apply_rules(assessment)
    points: Mapping[str, GivenPoints] = assessment.points
    if computed:
        points = {**assessment.points, **{code: p for code, (p, _) in computed.items()}}
    nodes: dict[str, NodeResult] = {}
    tops = [scorer.evaluate(node, points, nodes, 0, required=True)
            for node in framework.criteria]
    self_nodes: dict[str, NodeResult] = {}
    if assessment.self_assessed:
        for node in framework.criteria:
            scorer.evaluate(node, assessment.self_assessed, self_nodes, 0, required=False,
                            table="self_assessed")
    scorer.raise_problems()
    # Comments and rules went into each node as it was built; only the rare extras
    # (self-assessed points, figures for rules) are added here, to the nodes they concern.
    for code in self_nodes.keys() | computed.keys():
        changes: _NodeChanges = {}
        if code in self_nodes:
            changes["self_assessed"] = self_nodes[code].points
        if code in computed:
            changes["inputs"] = assessment.inputs[code]
            changes["explanation"] = computed[code][1]
        nodes[code] = attrs.evolve(nodes[code], **changes)

    sums = dict.fromkeys(NodeKind, ZERO)
    arising = ZERO
    unknown_max: list[str] = []
    for top in tops:
        sums[top.kind] += top.points if top.points is not None else ZERO
        if top.kind in (NodeKind.CRITERION, NodeKind.SURVEY):
            if top.arising_max is None:
                unknown_max.append(top.code)
            else:
                arising += top.arising_max
    total = (sums[NodeKind.CRITERION] + sums[NodeKind.SURVEY] + sums[NodeKind.BONUS]
             - sums[NodeKind.PENALTY])
    index = None
    sourced = framework.fact("scale")
    if unknown_max and sourced is not None and sourced.status is not Status.UNKNOWN \
            and not any(n.not_arising for n in nodes.values()):
        # The parts' maxima are unknown but a source gives the whole (the 2012 national
        # index: 100 points): with nothing marked not arising, the index is over it. The
        # default 100 of a framework that sources no scale is never used so.
        unknown_max, arising = [], framework.scale
    if not unknown_max and arising > 0:
        index = Fraction(total) / Fraction(arising) * 100
    band = _classify(framework, total, index, unknown_max)
    result = Result(
        framework=framework, assessment=assessment, nodes=nodes,
        appraised=sums[NodeKind.CRITERION], survey=sums[NodeKind.SURVEY],
        bonus=sums[NodeKind.BONUS], penalty=sums[NodeKind.PENALTY],
        arising_max=arising, index=index, band=band,
        findings=_maxima_findings(framework) + tuple(scorer.findings),
    )
    discrepancies, unchecked = reconcile(result)
    return attrs.evolve(result, discrepancies=tuple(discrepancies), unchecked=tuple(unchecked))


@exact
def score_leaf(framework: Framework, code: str, figures: Mapping[str, object]
               ) -> tuple[Decimal, str]:
    """The points a leaf's rule gives for reported figures, and how they arise.

    The same computation as an ``[inputs]`` entry of an assessment, for one leaf alone
    (no other points needed, no band decided):

    >>> import parindex
    >>> framework = parindex.apply_overlay(parindex.loads_overlay('''
    ... base = "quang-ngai/commune/2023"
    ... id = "quang-ngai/commune/2023-example"
    ... [sources]
    ... example = "NOT A SOURCE: invented for this example"
    ... [criteria."3.4.1"]
    ... max = 1
    ... status = "read"
    ... source = "example"
    ... rule = { kind = "proportional", numerator = "on_time", denominator = "resolved", status = "read", source = "example" }
    ... '''))
    >>> parindex.score_leaf(framework, "3.4.1", {"on_time": 489, "resolved": 493})
    (Decimal('0.99'), 'on_time 489 ÷ resolved 493 = 99.19 %; 1 × share, rounded half up to 2 places = 0.99')

    :param figures: figure name → a number (int, :class:`~decimal.Decimal` or decimal
        text) or ``True``/``False``.
    :raises AssessmentError: not a leaf of the framework, no rule that computes points,
        missing or extra figures, a zero denominator, negative counts, ...
    :raises MissingInformationError: the leaf's rule, or the maximum it needs, is unknown.
    """
    from .._base.numbers import NumberError, to_decimal

    if code not in framework.nodes:
        raise AssessmentError(Problem(Sentence("e_not_a_criterion", code=repr(code),
                                               framework=framework.id), code=code))
    values: dict[str, Figure] = {}
    for name, value in figures.items():
        try:
            values[name] = value if isinstance(value, bool) else to_decimal(value)
        except NumberError as exc:
            raise AssessmentError(Problem(f"{name}: " + reason(exc), code=code)) from None
    assessment = Assessment(framework.id, "-", framework.first_year, {},
                            inputs={code: values})
    scorer = _Scorer(framework, Origin(None))
    computed = scorer.apply_rules(assessment)
    scorer.raise_problems()
    return computed[code]


_BUILTIN_KINDS = {kind.name: kind for kind in BUILTIN_KINDS}


def rule_kind(framework: Framework, name: str) -> RuleKind:
    """The rule kind a framework names: built in, or the one a plugin registered, bound to
    the framework when it was built (the engine never looks names up in a registry).

    :raises FrameworkError: no rule kind of this name was registered when it was built.
    """
    kind = _BUILTIN_KINDS.get(name) or framework.methods.rule_kinds.get(name)
    if not isinstance(kind, RuleKind):
        raise FrameworkError(Problem(unbound("mt_rule_kind", name, framework,
                                             "parindex_scoring_rules")))
    return kind


def unbound(what: str, name: str, framework: Framework, hook: str) -> Sentence:
    """No method or kind ``name`` (``what``: a catalogue key, ``mt_rule_kind``…) was bound
    to the framework when it was built: install the plugin whose ``hook`` registers it."""
    return Sentence("mt_unbound", what=Sentence(what), name=repr(name), framework=framework.id,
                    hook=hook)


def check_fit(framework: Framework, assessment: Assessment, origin: Origin) -> None:
    problems = []
    # An assessment of a shipped framework may be scored under a framework an overlay
    # derived from it (the completed version of the one it names).
    if assessment.framework not in (framework.id, framework.derived_from):
        problems.append(origin.problem(
            Sentence("e_other_framework", named=repr(assessment.framework),
                     framework=repr(framework.id)), "framework"))
    last = framework.last_year
    if assessment.year < framework.first_year or (last is not None and assessment.year > last):
        years = f"{framework.first_year}–{last if last is not None else ''}"
        problems.append(origin.problem(
            Sentence("e_years", framework=framework.id, years=years, year=assessment.year),
            "year"))
    codes = list(framework.nodes)
    tables: dict[str, Mapping[str, object]] = {
        "points": assessment.points, "self_assessed": assessment.self_assessed,
        "comments": assessment.comments, "published": assessment.published.points,
        "inputs": assessment.inputs,
    }
    for table, values in tables.items():
        for code in values:
            if code not in framework.nodes:
                close = difflib.get_close_matches(code, codes, n=1, cutoff=0.6)
                wrong = Sentence("e_not_a_criterion", code=repr(code), framework=framework.id)
                if close:
                    wrong += Sentence("e_did_you_mean", close=repr(close[0]))
                problems.append(origin.problem(wrong, table, code, code=code))
    if problems:
        raise AssessmentError(problems)


#: What stands in a node's place in a result until the node is scored (depth-first order).
_PENDING: NodeResult = NodeResult("", "", NodeKind.CRITERION, 0, None, None, None, False, False)


class _Scorer:
    def __init__(self, framework: Framework, origin: Origin,
                 comments: Mapping[str, str] | None = None) -> None:
        self.framework = framework
        self.origin = origin
        #: The council's comments, written into the nodes of the points table.
        self.comments: Mapping[str, str] = comments or {}
        self.uncovered = _prepared(framework).uncovered
        self.problems: list[Problem] = []
        self.missing_info: list[Problem] = []
        self.findings: list[Finding] = []
        self.with_inputs: frozenset[str] = frozenset()

    def raise_problems(self) -> None:
        if self.problems:
            raise AssessmentError(self.problems)
        if self.missing_info:
            raise MissingInformationError(self.missing_info)

    def apply_rules(self, assessment: Assessment) -> dict[str, tuple[Decimal, str]]:
        """Points computed by the leaves' rules from ``[inputs]``, with how they arise."""
        computed: dict[str, tuple[Decimal, str]] = {}
        self.with_inputs = frozenset(assessment.inputs)
        for code, figures in assessment.inputs.items():
            node = self.framework.nodes[code]
            where = ("inputs", code)
            rule = node.rule
            if node.children:
                self.problems.append(self.origin.problem(
                    Sentence("e_figures_for_leaves", code=code, name=node.name),
                    *where, code=code))
            elif code in assessment.points:
                self.problems.append(self.origin.problem(
                    Sentence("e_points_and_figures", code=code), *where, code=code))
            elif rule is None or rule.kind == "points":
                self.problems.append(self.origin.problem(
                    Sentence("m_no_rule", code=code, name=node.name,
                             framework=self.framework.id), *where, code=code))
            elif rule.kind == "unknown":
                self.missing_info.append(self.origin.problem(
                    Sentence("m_rule_unknown", framework=self.framework.id, code=code,
                             name=node.name), *where, code=code))
            else:
                kind = rule_kind(self.framework, rule.kind)
                if kind.needs_max and node.max is None:
                    self.missing_info.append(self.origin.problem(
                        Sentence("m_rule_needs_max", kind=rule.kind, code=code,
                                 name=node.name), *where, code=code))
                    continue
                try:
                    computed[code] = apply(kind, rule, node.max, figures)
                except RuleInputError as exc:
                    self.problems.append(self.origin.problem(
                        reason(exc) + Sentence("m_rule_of", kind=rule.kind, code=code), *where,
                        code=code))
        return computed

    def evaluate(self, node: Node, given: Mapping[str, GivenPoints],
                 out: dict[str, NodeResult], depth: int, *, required: bool,
                 table: str = "points", not_arising: bool = False) -> NodeResult:
        """The node's result, built once (no copies), after its children's."""
        value = given.get(node.code)
        marked = not_arising or value is NOT_ARISING
        if isinstance(value, Decimal):
            self.check_range(node, value, table)
        out[node.code] = _PENDING  # keeps depth-first order; replaced below
        children = [self.evaluate(child, given, out, depth + 1, table=table,
                                  required=required and value is None, not_arising=marked)
                    for child in node.children]
        # (points, arising maximum, given, not arising): unknown until decided below.
        figures: tuple[Decimal | None, Decimal | None, bool, bool] = (
            None, node.max, False, marked)
        if marked:
            figures = self.not_arising(node, table)
        elif isinstance(value, Decimal):
            figures = (value, _arising(node, children), True, False)
            if table == "points":
                self.check_items(node, value, children)
        elif not node.children:
            if required and node.code not in self.with_inputs:  # their error is reported
                self.problems.append(self.origin.problem(
                    Sentence("e_no_points", code=node.code, name=node.name), table,
                    code=node.code))
        else:
            figures = self.derive(node, children, table)
        points, arising_max, given_here, not_arising_here = figures
        if table == "points":
            result = NodeResult(node.code, node.name, node.kind, depth, points, node.max,
                                arising_max, given_here, not_arising_here, None,
                                self.comments.get(node.code), node.rule)
        else:
            result = NodeResult(node.code, node.name, node.kind, depth, points, node.max,
                                arising_max, given_here, not_arising_here)
        out[node.code] = result
        return result

    def check_range(self, node: Node, value: Decimal, table: str) -> None:
        if value < 0:
            negative = Sentence("e_negative_points", value=value)
            if node.kind is NodeKind.PENALTY:
                negative += Sentence("e_penalty_positive")
            self.problems.append(self.origin.problem(negative, table, node.code,
                                                     code=node.code))
        elif node.max is not None and value > node.max:
            self.problems.append(self.origin.problem(
                Sentence("e_above_max", value=value, max=node.max, code=node.code,
                         name=node.name), table, node.code, code=node.code))

    def not_arising(self, node: Node, table: str
                    ) -> tuple[Decimal | None, Decimal | None, bool, bool]:
        """(points, arising maximum, given, not arising) of an item marked "x"."""
        undecided = (None, node.max, False, True)
        policy = self.framework.not_arising_policy(node.code)
        if policy is NotArisingPolicy.UNKNOWN:
            self.missing_info.append(self.origin.problem(
                Sentence("m_x_unknown_policy", framework=self.framework.id, code=node.code,
                         name=node.name), table, node.code, code=node.code))
            return undecided
        if policy is NotArisingPolicy.EXCLUDE:
            return ZERO, ZERO, False, True
        if node.max is None:
            self.missing_info.append(self.origin.problem(
                Sentence("m_x_full_unknown_max" if policy is NotArisingPolicy.FULL
                         else "m_x_zero_unknown_max", code=node.code), table, node.code,
                code=node.code))
            return undecided
        points = node.max if policy is NotArisingPolicy.FULL else ZERO
        return points, node.max, False, True

    def derive(self, node: Node, children: list[NodeResult], table: str
               ) -> tuple[Decimal | None, Decimal | None, bool, bool]:
        """(points, arising maximum, given, not arising) of a node summed from its items."""
        points = ZERO
        all_marked = True
        for child in children:  # one pass: the common case is every child scored
            if child.points is None:
                return None, node.max, False, False
            points += child.points
            all_marked = all_marked and child.not_arising
        arising_max = _arising(node, children)
        if all_marked and arising_max == 0:
            return ZERO, ZERO, False, True
        if node.max is not None and points > node.max and not self.problems:
            # Checked only on otherwise valid input: a leaf above its maximum would
            # otherwise be reported again at every ancestor.
            self.problems.append(self.origin.problem(
                Sentence("m_items_above_max", points=points, max=node.max), table,
                code=node.code))
        uncovered = self.uncovered[node.code]
        if uncovered and table == "points" and node.max is not None:
            self.findings.append(Finding("partial", node.code, Sentence(
                "finding_partial", covered=node.max - uncovered, max=node.max,
                uncovered=uncovered, code=node.code)))
        return points, arising_max, False, False

    def check_items(self, node: Node, value: Decimal, children: list[NodeResult]) -> None:
        """A node given points: say if its items (all given too) contradict them."""
        if not children or any(c.points is None for c in children):
            return
        items = sum((c.points for c in children if c.points is not None), ZERO)
        uncovered = self.uncovered[node.code] or ZERO
        if items <= value <= items + uncovered:
            if value != items:
                self.findings.append(Finding("items", node.code, Sentence(
                    "finding_items_rest", given=value, items=items, rest=value - items,
                    uncovered=uncovered)))
            return
        terms = Terms(c.code for c in children if not c.not_arising)
        found = Sentence("finding_items", given=value, terms=terms, items=items)
        if uncovered:
            found += Sentence("finding_items_uncovered", uncovered=uncovered)
        self.findings.append(Finding("items", node.code, found))


def uncovered_max(node: Node) -> Decimal | None:
    """The part of a node's maximum its children do not itemise (``None``: none or unknown)."""
    if node.max is None or not node.children or any(c.max is None for c in node.children):
        return None
    rest = node.max - sum((c.max for c in node.children if c.max is not None), ZERO)
    return rest if rest > 0 else None


def _arising(node: Node, children: list[NodeResult]) -> Decimal | None:
    """Maximum minus what its children exclude as not arising."""
    if node.max is None:
        return None
    excluded = ZERO
    for child in children:
        if child.max is not None and child.arising_max is not None:
            excluded += child.max - child.arising_max
        elif child.not_arising:
            return None
    return node.max - excluded


@attrs.frozen
class _Prepared:
    """What scoring needs of a framework that is the same for every unit, worked out once:
    its findings about its own maxima and working hypotheses, and the part of each node's
    maximum that its items do not itemise."""

    findings: tuple[Finding, ...]
    uncovered: Mapping[str, Decimal | None]


_prepared_cache: dict[int, tuple[weakref.ref[Framework], _Prepared]] = {}


def _prepared(framework: Framework) -> _Prepared:
    """The framework's :class:`_Prepared` facts (cached while the framework lives)."""
    key = id(framework)
    cached = _prepared_cache.get(key)
    if cached is not None and cached[0]() is framework:
        return cached[1]
    findings = tuple(Finding("maxima", m.code, m.sentence)
                     for m in framework.maxima_mismatches())
    # A result resting on a working hypothesis says so wherever it is shown.
    findings += tuple(Finding("assumed", path, Sentence("finding_assumed"))
                      for path in framework.assumptions())
    found = _Prepared(findings, {node.code: uncovered_max(node) for node in framework.walk()})
    _prepared_cache[key] = (weakref.ref(framework, forget(_prepared_cache, key)),
                            found)
    return found


def _maxima_findings(framework: Framework) -> tuple[Finding, ...]:
    return _prepared(framework).findings


def _classify(framework: Framework, total: Decimal, index: Fraction | None,
              unknown_max: list[str]) -> Band | None:
    """The band of a value, decided exactly; refuses where an unknown decides it."""
    if not framework.bands:
        return None
    if framework.band_basis is BandBasis.INDEX:
        if index is None:
            if unknown_max:
                raise MissingInformationError([Problem(Sentence(
                    "m_band_needs_maxima", framework=framework.id, codes=tuple(unknown_max))),
                    *how_to_supply(framework, [f"criteria.{code}.max" for code in unknown_max]
                                   + [f"bands.{b.name}.min" for b in framework.bands
                                      if b.min is None])])
            raise MissingInformationError(Problem(Sentence("m_nothing_arose")))
        value = index
    else:
        value = Fraction(total)
    return classify(framework, decided_on(framework, value, framework.band_basis.value))


def decided_on(framework: Framework, value: Fraction, figure: str) -> Fraction:
    """The value a band or rank is decided on: the exact one, or the figure as printed
    when the framework declares ``decide_on = "published"`` (rounded as it declares, to
    the places it prints ``figure`` with, else its ``decimals``)."""
    publication = framework.publication
    if publication.decide_on == "published":
        return Fraction(publication.printed(value, figure, framework.decimals))
    return value


def _exact_text(value: Fraction) -> str:
    """A value for a message, exact when it has a finite decimal form, else to 6 places."""
    denominator = value.denominator
    for prime in (2, 5):
        while denominator % prime == 0:
            denominator //= prime
    if denominator == 1:
        return plain(Decimal(value.numerator) / Decimal(value.denominator))
    return f"{plain(quantize(value, 6))}…"


@attrs.frozen
class BandMethod:
    """A band method: what a plugin registers with ``parindex_band_methods``.

    :param name: the name frameworks use in ``band_method = "..."``.
    :param summary: one line for documentation and messages.
    :param classify: ``classify(framework, value)`` returns one of ``framework.bands``
        for an exact value (the index or the points, as ``band_basis`` declares); raises
        :class:`~parindex.MissingInformationError` when an unknown threshold decides it.
    """

    name: str
    summary: str
    classify: Callable[[Framework, Fraction], Band]


def classify(framework: Framework, value: Fraction | Decimal) -> Band:
    """The band a value (index or points, as the framework declares) falls in.

    With the built-in ``minimum`` method, bands are tried from the highest down and the
    value belongs to the first whose ``min`` it reaches (exceeds, when the framework's
    publication declares ``band_bounds = "strict"``), compared exactly. A framework
    may name another method (``band_method``) that a plugin registers.

    :raises MissingInformationError: a threshold that decides it is unknown.
    :raises FrameworkError: the framework declares no bands, or names a band method no
        plugin registers, or the method returns something that is not one of its bands.
    :raises ArgumentError: a value that is not an exact number (a float; text that is
        not a number).
    """
    exact_number = exact_value(value, "value")
    if not framework.bands:
        raise FrameworkError(Problem(Sentence("no_bands_declared", framework=framework.id),
                                     key="bands"))
    if framework.band_method == "minimum":
        return _minimum(framework, exact_number)
    method = framework.methods.band_methods.get(framework.band_method)
    if not isinstance(method, BandMethod):
        raise FrameworkError(Problem(unbound("mt_band_method", framework.band_method,
                                             framework, "parindex_band_methods"),
                                     key="band_method"))
    band = method.classify(framework, exact_number)
    if band not in framework.bands:
        raise FrameworkError(Problem(Sentence("mt_band_returned",
                                              name=repr(framework.band_method),
                                              band=repr(band), framework=framework.id),
                                     key="band_method"))
    return band


def _minimum(framework: Framework, value: Fraction) -> Band:
    """The ``minimum`` method: the engine's one banding (which the batch kernel uses),
    on this value."""
    from .ordering import band_of  # numpy loads when a band is decided, not on import

    def missing(band: Band) -> NoReturn:
        raise MissingInformationError([Problem(Sentence(
            "m_threshold_unknown", value=_exact_text(value), band=repr(band.name),
            framework=framework.id)),
            *how_to_supply(framework, [f"bands.{b.name}.min" for b in framework.bands
                                       if b.min is None])])

    return framework.bands[band_of(framework, value, missing)]


#: The built-in band method, registered by :mod:`parindex._plugins.builtins`.
MINIMUM = BandMethod("minimum", "The first band, from the highest down, whose min the value "
                     "reaches (min inclusive).", _minimum)


def forget(cache: dict[int, Any], key: int) -> Callable[[object], None]:
    """A weakref callback that drops ``key`` from ``cache``, the dict bound now: at
    interpreter exit the module's globals may be gone before the callback runs."""
    return lambda _: cache.pop(key, None) and None
