"""Reconciliation: compare every published figure with the computed one, with evidence."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from .._base.model import Publication, nfc
from .._base.numbers import Rounding, number_text, places, plain, round_to
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
    return round_to(computed, shown, rounding) == published


def evidence(result: Result, code: str) -> str:
    """How a node's computed points arise: its items, given, or not arising."""
    node = result.nodes[code]
    if node.not_arising:
        return f"{code} did not arise (x)"
    if node.given:
        return f"{code} given as {plain(node.points)} in [points]"  # type: ignore[arg-type]
    children = [result.nodes[c.code] for c in result.framework.nodes[code].children]
    # Under the exclusion policy a not-arising item adds nothing; under "full" or "zero"
    # it adds its counted points and stays in the sum.
    counted = [c for c in children if not (c.not_arising and c.arising_max == 0)]
    terms = " + ".join(c.code for c in counted)
    values = " + ".join(plain(c.points) for c in counted)  # type: ignore[arg-type]
    text = f"items {terms} = {values} = {plain(node.points)}"  # type: ignore[arg-type]
    if len(counted) == 1:
        text = f"item {terms} = {plain(node.points)}"  # type: ignore[arg-type]
    skipped = [c.code for c in children if c.not_arising and c not in counted]
    kept = [c.code for c in counted if c.not_arising]
    if kept:
        text += f" ({', '.join(kept)} did not arise and count{'s' if len(kept) == 1 else ''} " \
                f"as {'full marks' if all(c.points == c.max for c in counted if c.not_arising) else 'zero'})"
    if skipped:
        text += f" ({', '.join(skipped)} did not arise)"
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
                why: str) -> None:
        figure = what if what in ("total", "appraised", "survey", "index") else "points"
        if printed is None or computed is None or agrees(printed, computed, publication,
                                                          figure):
            return
        shown = plain(computed) if isinstance(computed, Decimal) else result.display(computed)
        found.append(Discrepancy(what, plain(printed), shown, f"{why}; printed {plain(printed)}"))

    unchecked = []
    for code, printed in published.points.items():
        node = result.nodes[code]
        if node.points is None:
            unchecked.append(f"{code} {plain(printed)}: not checked: its points follow from "
                             "items the assessment does not give")
            continue
        compare(code, printed, node.points, evidence(result, code))
    parts = [("appraised", result.appraised), ("survey", result.survey)]
    if result.bonus:
        parts.append(("bonus", result.bonus))
    sum_text = " + ".join(f"{name} {plain(value)}" for name, value in parts)
    if result.penalty:
        sum_text += f" − penalty {plain(result.penalty)}"
    compare("total", published.total, result.total, f"{sum_text} = {plain(result.total)}")
    tops = result.framework.criteria
    appraised_codes = " + ".join(n.code for n in tops if n.kind.value == "criterion")
    compare("appraised", published.appraised, result.appraised,
            f"fields {appraised_codes} = {plain(result.appraised)}")
    compare("survey", published.survey, result.survey, "the survey block")
    if result.index is not None:
        compare("index", published.index, result.index,
                f"{plain(result.total)} ÷ {plain(result.arising_max)} × 100")
    elif published.index is not None:
        unchecked.append(f"index {plain(published.index)}: not checked: {_no_index(result)}")
    if published.band is not None and result.band is not None and \
            nfc(published.band).casefold() != result.band.name.casefold():
        found.append(Discrepancy("band", published.band, result.band.name,
                                 band_evidence(result)))
    elif published.band is not None and result.band is None and not any(
            u.startswith("band ") for u in unchecked):
        why = (f"{result.framework.id} declares no bands" if not result.framework.bands
               else _no_index(result))
        unchecked.append(f"band {published.band}: not checked: {why}")
    for what in ("rank", "group_rank"):
        rank = getattr(published, what)
        if rank is not None:
            among = result.assessment.group if what == "group_rank" else None
            unchecked.append(
                f"{what} {rank}: needs the other units"
                + (f" of {among}" if among else "")
                + " scored together (parindex.score_many)")
    return found, unchecked


def _no_index(result: Result) -> str:
    """Why a result has no index: the unknown maxima named, or nothing arose."""
    unknown = []
    for top in result.framework.criteria:
        node = result.nodes[top.code]
        if top.kind.value in ("criterion", "survey") and node.arising_max is None:
            note = top.provenance.note if top.provenance.status.value == "unknown" else None
            unknown.append(f"{top.code}" + (f" ({note})" if note else ""))
    if unknown:
        return (f"the index needs the maximum of {', '.join(unknown)}, which no source "
                "gives (unknown)")
    return "nothing arose, so there is no index"


def band_evidence(result: Result, lang: str = "en") -> str:
    """Why the computed band is what it is: the value and the band's bounds (``lang``:
    ``en``, or ``vi`` with Vietnamese words and decimal commas)."""
    framework = result.framework
    band = result.band
    vi = lang == "vi"
    if band is None:
        return "không có mức xếp loại" if vi else "no bands"
    on_index = framework.band_basis.value == "index"
    basis = ("chỉ số" if on_index else "điểm") if vi else ("index" if on_index else "points")
    value = result.index if on_index else result.total
    position = framework.bands.index(band)
    upper = framework.bands[position - 1].min if position > 0 else None
    strict = framework.publication.band_bounds == "strict"
    low, high = ("<", "≤") if strict else ("≤", "<")
    bounds = (f"{number_text(band.min, lang)} {low} {basis}" if band.min is not None
              else basis)
    if upper is not None:
        bounds += f" {high} {number_text(upper, lang)}"
    shown = number_text(result.display(value), lang)
    if vi:
        return f"{basis} {shown} thuộc mức {band.name} ({bounds})"
    return f"{basis} {shown} falls in {band.name} ({bounds})"
