"""What scoring produces: a unit's result, node by node, with findings and discrepancies.

Apart from the scorer, so that reconciling printed figures (:mod:`.reconcile`) and the
formats that write results depend on these types without depending on scoring.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction

import attrs

from .._base.i18n import figure, message
from .._base.model import Assessment, Band, Figure, Framework, NodeKind, Rule
from .._base.numbers import exact, number_text, plain, quantize


@attrs.frozen
class NodeResult:
    """The score of one node.

    :param points: points obtained, or ``None`` when neither given nor derivable (only
        below a node that was given points directly).
    :param max: the node's maximum (``None``: unknown).
    :param arising_max: the maximum of what arose (điểm phát sinh) under the policy.
    :param given: ``True`` if the points were given for this node, ``False`` if summed
        from its children.
    :param not_arising: the item (or an ancestor) was marked ``"x"``.
    :param self_assessed: the unit's own points for this node, where known.
    :param comment: the appraisal council's comment.
    :param rule: the leaf's scoring rule, where the framework declares one.
    :param inputs: the figures its rule computed the points from (``[inputs]``), or
        ``None`` when the points were not computed.
    :param explanation: how the rule turned the figures into points, in one line.
    """

    code: str
    name: str
    kind: NodeKind
    depth: int
    points: Decimal | None
    max: Decimal | None
    arising_max: Decimal | None
    given: bool
    not_arising: bool
    self_assessed: Decimal | None = None
    comment: str | None = None
    rule: Rule | None = None
    inputs: Mapping[str, Figure] | None = None
    explanation: str | None = None

    @property
    @exact
    def lost(self) -> Decimal | None:
        """Points lost (điểm bị trừ): arising maximum minus points; a penalty's deduction."""
        if self.points is None:
            return None
        if self.kind is NodeKind.PENALTY:
            return self.points
        if self.arising_max is None:
            return None
        return self.arising_max - self.points

    @property
    @exact
    def self_difference(self) -> Decimal | None:
        """Self-assessed minus appraised points (positive: the unit scored itself higher)."""
        if self.self_assessed is None or self.points is None:
            return None
        return self.self_assessed - self.points

    @property
    def status(self) -> str:
        """``given``, ``computed`` (by its rule, from ``[inputs]``), ``derived``,
        ``not-arising`` or ``missing`` (for tables and JSON)."""
        if self.not_arising:
            return "not-arising"
        if self.points is None:
            return "missing"
        if self.inputs is not None:
            return "computed"
        return "given" if self.given else "derived"


@attrs.frozen
class Finding:
    """Something the data says about itself that a reader should see (a warning).

    :param kind: ``maxima`` (children's maxima ≠ parent's), ``partial`` (a node derived
        from items that cover only part of its maximum), ``items`` (points given for a
        node disagree with its items), ``assumed`` (the framework gives a value as a
        working hypothesis; ``code`` is then its path, e.g. ``bands.Tốt.min``).
    """

    kind: str
    code: str
    message: str

    def text(self, lang: str = "en") -> str:
        """``code: message`` in ``lang`` (``vi`` or ``en``)."""
        return message(lang, "finding", code=self.code, text=self.message)

    def __str__(self) -> str:
        return self.text()


@attrs.frozen
class Discrepancy:
    """A published figure that differs from the computed one.

    :param what: a criterion code, or ``total``, ``appraised``, ``survey``, ``index``,
        ``band``, ``rank``, ``group_rank``.
    :param evidence: how the computed value arises, e.g. ``3.5.1 + 3.5.3 = 1.25``.
    """

    what: str
    published: str
    computed: str
    evidence: str

    def text(self, lang: str = "en") -> str:
        """The discrepancy in one line, in ``lang`` (``vi`` or ``en``)."""
        return message(lang, "discrepancy_line", what=figure(self.what),
                       published=number_text(self.published, lang),
                       computed=number_text(self.computed, lang), evidence=self.evidence)

    def __str__(self) -> str:
        return self.text()


@attrs.frozen
class Result:
    """The score of one assessment: every node, the totals, index and band.

    Points are exact. :attr:`index` is an exact :class:`~fractions.Fraction`;
    :meth:`display` rounds for people, as the framework declares.
    """

    framework: Framework = attrs.field(repr=lambda f: f.id)
    assessment: Assessment = attrs.field(repr=lambda a: a.unit)
    nodes: Mapping[str, NodeResult] = attrs.field(repr=False)
    appraised: Decimal
    survey: Decimal
    bonus: Decimal
    penalty: Decimal
    arising_max: Decimal
    index: Fraction | None
    band: Band | None
    findings: tuple[Finding, ...] = ()
    discrepancies: tuple[Discrepancy, ...] = ()
    unchecked: tuple[str, ...] = ()

    @property
    def unit(self) -> str:
        return self.assessment.unit

    @property
    def group(self) -> str | None:
        return self.assessment.group

    @property
    @exact
    def total(self) -> Decimal:
        """Appraised + survey + bonus − penalty."""
        return self.appraised + self.survey + self.bonus - self.penalty

    @property
    @exact
    def max(self) -> Decimal | None:
        return self.framework.max

    def display(self, value: Decimal | Fraction | None) -> str:
        """A number rounded half up to the framework's decimals, for display."""
        if value is None:
            return "—"
        return plain(quantize(value, self.framework.decimals))
