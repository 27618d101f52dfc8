"""Reconciliation: compare every published figure with the computed one, with evidence."""

from __future__ import annotations

from decimal import ROUND_DOWN, ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal
from fractions import Fraction

from .._base.i18n import Sentence, Terms
from .._base.model import Publication, nfc
from .._base.numbers import Rounding, places, plain, round_to
from .results import Discrepancy, Result


def agrees(published: Decimal, computed: Decimal | Fraction,
           publication: Publication | None = None, figure: str | None = None) -> bool:
    """Whether a printed figure agrees with an exact one as the publisher prints it.

    Sources print rounded figures (``79.03`` for 79.0311…), so a figure agrees when the
    computed value, rounded as the publisher declares (:class:`~parindex.Publication`:
    half up unless it declares otherwise) to the places it declares for ``figure`` (else
    the places the figure is printed with), equals it.

    >>> agrees(Decimal("79.03"), Fraction(78636, 995)), agrees(Decimal("0.5"), Decimal("1.25"))
    (True, False)
    >>> truncating = Publication(rounding=Rounding.TRUNCATE)
    >>> agrees(Decimal("99.18"), Fraction(48900, 493)), agrees(Decimal("99.18"), Fraction(48900, 493), truncating)
    (False, True)
    """
    rounding = publication.rounding if publication is not None else Rounding.HALF_UP
    declared = publication.places(figure) if publication is not None and figure else None
    shown = places(published) if declared is None else declared
    if isinstance(computed, Decimal):
        # The common case, checked for every row of a table: no fractions needed.
        if places(computed) <= shown:
            return computed == published
        return computed.quantize(Decimal(1).scaleb(-shown),
                                 rounding=_DECIMAL_ROUNDING[rounding]) == published
    return round_to(computed, shown, rounding) == published


#: The decimal module's rounding for each publisher's (symmetric, as :func:`round_to`).
_DECIMAL_ROUNDING = {Rounding.HALF_UP: ROUND_HALF_UP, Rounding.TRUNCATE: ROUND_DOWN,
                     Rounding.HALF_EVEN: ROUND_HALF_EVEN}


def evidence(result: Result, code: str) -> Sentence:
    """How a node's computed points arise: its items, given, or not arising."""
    node = result.nodes[code]
    if node.not_arising:
        return Sentence("ev_not_arising", code=code)
    if node.given:
        return Sentence("ev_given", code=code, points=node.points)
    children = [result.nodes[c.code] for c in result.framework.nodes[code].children]
    # Under the exclusion policy a not-arising item adds nothing; under "full" or "zero"
    # it adds its counted points and stays in the sum.
    counted = [c for c in children if not (c.not_arising and c.arising_max == 0)]
    terms = Terms(c.code for c in counted)
    if len(counted) == 1:
        text = Sentence("ev_item", terms=terms, points=node.points)
    else:
        text = Sentence("ev_items", terms=terms, values=Terms(c.points for c in counted),
                        points=node.points)
    skipped = [c.code for c in children if c.not_arising and c not in counted]
    kept = [c for c in counted if c.not_arising]
    if kept:
        full = all(c.points == c.max for c in kept)
        text += Sentence("ev_kept_one" if len(kept) == 1 else "ev_kept",
                         codes=tuple(c.code for c in kept),
                         counted=Sentence("ev_full_marks" if full else "ev_zero"))
    if skipped:
        text += Sentence("ev_skipped", codes=tuple(skipped))
    return text


def reconcile(result: Result) -> tuple[list[Discrepancy], list[str]]:
    """Every published figure of one assessment against the computed result.

    :returns: the discrepancies, and the published figures that one assessment alone
        cannot check (ranks need the other units).
    """
    published = result.assessment.published
    found: list[Discrepancy] = []

    publication = result.framework.publication

    def compare(what: str, printed: Decimal | None, computed: Decimal | Fraction | None,
                why: Sentence) -> None:
        figure = what if what in ("total", "appraised", "survey", "index") else "points"
        if printed is None or computed is None or agrees(printed, computed, publication,
                                                          figure):
            return
        shown = plain(computed) if isinstance(computed, Decimal) else result.display(computed)
        found.append(Discrepancy(what, plain(printed), shown,
                                 why + Sentence("ev_printed", printed=printed)))

    unchecked: list[str] = []
    for code, printed in published.points.items():
        node = result.nodes[code]
        if node.points is None:
            unchecked.append(Sentence("un_points", code=code, printed=printed))
            continue
        compare(code, printed, node.points, evidence(result, code))
    parts = [("appraised", result.appraised), ("survey", result.survey)]
    if result.bonus:
        parts.append(("bonus", result.bonus))
    named = [Sentence("ev_term", name=Sentence(f"w_{name}"), value=value)
             for name, value in parts]
    if result.penalty:
        named[-1] += " − " + Sentence("ev_term", name=Sentence("w_penalty"),
                                      value=result.penalty)
    terms = Terms(named)
    compare("total", published.total, result.total,
            Sentence("ev_equals", terms=terms, value=result.total))
    tops = result.framework.criteria
    appraised_codes = Terms(n.code for n in tops if n.kind.value == "criterion")
    compare("appraised", published.appraised, result.appraised,
            Sentence("ev_fields", codes=appraised_codes, value=result.appraised))
    compare("survey", published.survey, result.survey, Sentence("ev_survey"))
    if result.index is not None:
        compare("index", published.index, result.index,
                Sentence("ev_index", total=result.total, arising_max=result.arising_max))
    elif published.index is not None:
        unchecked.append(Sentence("un_index", printed=published.index, why=_no_index(result)))
    if published.band is not None and result.band is not None and \
            nfc(published.band).casefold() != result.band.name.casefold():
        found.append(Discrepancy("band", published.band, result.band.name,
                                 band_evidence(result)))
    elif published.band is not None and result.band is None and not any(
            u.startswith("band ") for u in unchecked):
        why = (Sentence("no_bands_declared", framework=result.framework.id)
               if not result.framework.bands else _no_index(result))
        unchecked.append(Sentence("un_band", band=published.band, why=why))
    for what in ("rank", "group_rank"):
        rank = getattr(published, what)
        if rank is not None:
            among = result.assessment.group if what == "group_rank" else None
            unchecked.append(
                Sentence("un_rank_group", what=Sentence(f"w_{what}"), rank=rank, group=among)
                if among else Sentence("un_rank", what=Sentence(f"w_{what}"), rank=rank))
    return found, unchecked


def _no_index(result: Result) -> Sentence:
    """Why a result has no index: the unknown maxima named, or nothing arose."""
    unknown = []
    for top in result.framework.criteria:
        node = result.nodes[top.code]
        if top.kind.value in ("criterion", "survey") and node.arising_max is None:
            note = top.provenance.note if top.provenance.status.value == "unknown" else None
            # Concatenated, not an f-string: a note parindex wrote is a Sentence.
            unknown.append(top.code + (" (" + note + ")" if note else ""))
    if unknown:
        return Sentence("no_index_unknown", codes=tuple(unknown))
    return Sentence("no_index_nothing")


def band_evidence(result: Result) -> Sentence:
    """Why the computed band is what it is: the value and the band's bounds."""
    framework = result.framework
    band = result.band
    if band is None:
        return Sentence("no_bands")
    on_index = framework.band_basis.value == "index"
    basis = Sentence("w_index" if on_index else "w_points")
    value = result.index if on_index else result.total
    position = framework.bands.index(band)
    upper = framework.bands[position - 1].min if position > 0 else None
    strict = framework.publication.band_bounds == "strict"
    low, high = ("<", "≤") if strict else ("≤", "<")
    bounds = basis if band.min is None else Sentence(
        "ev_term", name=band.min, value=low + " " + basis)
    if upper is not None:
        bounds += Sentence("ev_term", name=" " + high, value=upper)
    return Sentence("band_why", basis=basis, value=Decimal(result.display(value)),
                    band=band.name, bounds=bounds)
