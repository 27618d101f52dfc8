"""Band distributions: how many units fall in each band, and a published distribution
("9 xuất sắc, 62 tốt, 41 khá, 24 trung bình trên 136 xã, phường") checked against a
reproduced table, or, without a table, against its own arithmetic.

Counts are exact; a percentage is count ÷ units × 100, printed as the framework (or the
table's mapping file) declares: rounding (:class:`~parindex.Rounding`) and the places of
the ``percent`` figure (default 2).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import attrs

from .._base.errors import AssessmentError, Problem
from .._base.model import Framework, nfc
from .._base.i18n import Sentence, Terms, figure, message, reason
from .._base.numbers import NumberError, number_text, plain, to_decimal
from .._engine.reconcile import agrees
from .._formats.toml import read_toml
from .reproduce import Reproduction

#: Places of a percentage when the framework declares none.
PERCENT_PLACES = 2


@attrs.frozen
class PublishedDistribution:
    """A distribution as published: a count (and perhaps a percentage) per band.

    :param counts: band name (as the framework spells it) → count.
    :param percents: band name → the printed percentage, where one is printed.
    :param population: the number of units it is "out of" (``trên 136``), if printed.
    :param source: where it was read from (a file, or ``--published``).
    """

    counts: Mapping[str, int]
    percents: Mapping[str, Decimal] = attrs.field(factory=dict)
    population: int | None = None
    source: str | None = None


@attrs.frozen
class BandShare:
    """One band of a distribution: its count and percentage as computed."""

    band: str
    count: int
    percent: Decimal | None
    exact: Fraction | None


@attrs.frozen
class Distribution:
    """Counts and percentages per band of a set of units (a table, or one group of it).

    :param group: ``None`` for the whole table, else the group's name.
    :param units: the units counted (those whose band could be computed).
    :param unbanded: units whose band could not be computed, by name.
    """

    group: str | None
    units: int
    shares: tuple[BandShare, ...]
    unbanded: tuple[str, ...] = ()


@attrs.frozen
class DistributionDiscrepancy:
    """A published count, percentage or total that does not follow."""

    band: str | None
    what: str  # "count", "percent" or "population"
    published: str
    computed: str
    evidence: str

    def text(self, lang: str = "en") -> str:
        """The discrepancy in one line, in ``lang`` (``vi`` or ``en``)."""
        line = message(lang, "discrepancy_line", what=figure(self.what),
                       published=number_text(self.published, lang),
                       computed=number_text(self.computed, lang), evidence=self.evidence)
        return f"{self.band}: {line}" if self.band else line

    def __str__(self) -> str:
        return self.text()


@attrs.frozen
class BandCheck:
    """A band distribution computed and, if given, a published one checked.

    :param overall: the table's distribution (``None`` without a table).
    :param groups: one per group of the table, in table order.
    :param published: the published distribution, if any.
    :param discrepancies: each published figure that does not follow.
    :param unchecked: published figures that could not be checked, and why.
    """

    framework: Framework = attrs.field(repr=lambda f: f.id)
    overall: Distribution | None
    groups: tuple[Distribution, ...] = ()
    published: PublishedDistribution | None = None
    discrepancies: tuple[DistributionDiscrepancy, ...] = ()
    unchecked: tuple[str, ...] = ()
    rounding: str = ""


def _percent(framework: Framework, count: int, units: int) -> tuple[Decimal | None,
                                                                      Fraction | None]:
    if units == 0:
        return None, None
    exact = Fraction(count * 100, units)
    publication = framework.publication
    return publication.printed(exact, "percent", PERCENT_PLACES), exact


def distribution(framework: Framework, bands: Sequence[tuple[str, str | None]],
                 group: str | None = None, unbanded: Sequence[str] = ()) -> Distribution:
    """The distribution of units' bands: ``bands`` holds (unit, band name) pairs."""
    units = len(bands)
    shares = []
    for band in framework.bands:
        count = sum(1 for _, name in bands if name == band.name)
        percent, exact = _percent(framework, count, units)
        shares.append(BandShare(band.name, count, percent, exact))
    return Distribution(group, units, tuple(shares), tuple(unbanded))


def band_distribution(reproduction: Reproduction) -> tuple[Distribution, list[Distribution]]:
    """The computed bands of a reproduced table, overall and per group."""
    framework = reproduction.framework
    banded, unbanded = [], []
    for unit in reproduction.units:
        # The kernel's band: each unit's explained result (unit.result) is not needed.
        computed = unit.band
        if computed is not None:
            banded.append((unit, computed.name))
        else:
            unbanded.append(unit)
    overall = distribution(framework, [(u.unit, b) for u, b in banded],
                           unbanded=[u.unit for u in unbanded])
    groups: dict[str, list[tuple[Any, str]]] = {}
    for unit, band in banded:
        if unit.group:
            groups.setdefault(unit.group, []).append((unit, band))
    per_group = [distribution(framework, [(u.unit, b) for u, b in members], group=name,
                              unbanded=[u.unit for u in unbanded if u.group == name])
                 for name, members in groups.items()]
    return overall, per_group


def check_bands(framework: Framework, reproduction: Reproduction | None = None,
                published: PublishedDistribution | None = None) -> BandCheck:
    """Band counts and percentages of a reproduced table, and a published distribution
    checked against them; without a table, against its own arithmetic (counts add up to
    the units it is out of, percentages follow from counts as the framework rounds).
    """
    overall, groups = (band_distribution(reproduction) if reproduction is not None
                       else (None, []))
    found: list[DistributionDiscrepancy] = []
    unchecked: list[str] = []
    if published is not None:
        total = sum(published.counts.values())
        units = overall.units + len(overall.unbanded) if overall is not None else None
        if reproduction is not None and reproduction.table.population is not None:
            units = reproduction.table.population
        population = published.population
        # Only printed figures are reported: the population if printed; with a table,
        # each band's count (their sum then follows).
        if population is not None and units is not None and population != units:
            found.append(DistributionDiscrepancy(
                None, "population", str(population), str(units),
                Sentence("ev_table_holds", units=units)))
        elif population is not None and units is None and population != total:
            found.append(DistributionDiscrepancy(
                None, "population", str(population), str(total),
                Sentence("ev_counts_add_up", terms=Terms(published.counts.values()),
                         total=total)))
        base = population if population is not None else units if units is not None \
            else total
        computed = {s.band: s for s in overall.shares} if overall is not None else {}
        if overall is not None and overall.unbanded:
            unchecked.append(Sentence("un_unbanded", count=len(overall.unbanded),
                                      units=tuple(overall.unbanded)))
        for band in framework.bands:
            count = published.counts.get(band.name)
            share = computed.get(band.name)
            if count is not None and share is not None and count != share.count \
                    and not (overall is not None and overall.unbanded and count > share.count):
                found.append(DistributionDiscrepancy(
                    band.name, "count", str(count), str(share.count),
                    Sentence("ev_fall_in", count=share.count, band=band.name)))
            printed = published.percents.get(band.name)
            if printed is None:
                continue
            if count is None:
                unchecked.append(Sentence("un_percent_no_count", band=band.name,
                                          printed=printed))
                continue
            if base == 0:
                unchecked.append(Sentence("un_percent_no_units", band=band.name,
                                          printed=printed))
                continue
            exact = Fraction(count * 100, base)
            if not agrees(printed, exact, framework.publication, "percent"):
                shown = framework.publication.printed(exact, "percent", _places(printed))
                found.append(DistributionDiscrepancy(
                    band.name, "percent", plain(printed), plain(shown),
                    Sentence("ev_percent", count=count, base=base, exact=_exact(exact),
                             rounding=_rounding(framework, _places(printed)))))
    return BandCheck(framework, overall, tuple(groups), published, tuple(found),
                     tuple(unchecked), _rounding(framework))


def _places(value: Decimal) -> int:
    exponent = value.as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def _exact(value: Fraction) -> Sentence:
    from .._base.numbers import round_to

    shown = round_to(value, 6)
    return Sentence("ev_exact", value=shown, more="" if value == Fraction(shown) else "…")


def _rounding(framework: Framework, places: int | None = None) -> Sentence:
    """How percentages are rounded: the declared mode (or the default, said so), to the
    declared places, else ``places`` (a printed figure's), else :data:`PERCENT_PLACES`."""
    publication = framework.publication
    declared = publication.places("percent")
    shown = declared if declared is not None else places if places is not None \
        else PERCENT_PLACES
    how = Sentence(f"rounding_{publication.rounding.value}")
    if "rounding" not in publication.provenance:
        how += Sentence("rounding_default")
    return Sentence("rounded_to", how=how, places=shown)


# --- reading a published distribution ---------------------------------------------------------

_ITEM = re.compile(r"^\s*(?P<name>[^=:]+?)\s*[=:]\s*(?P<count>\d+)\s*"
                   r"(?:[(/;]\s*(?P<percent>\d+(?:[.,]\d+)?)\s*%?\s*\)?)?\s*$")


def _band_name(framework: Framework, name: str) -> str | None:
    key = nfc(name).casefold()
    for band in framework.bands:
        if nfc(band.name).casefold() == key:
            return band.name
    return None


def parse_published(text: str, framework: Framework) -> PublishedDistribution:
    """``"Xuất sắc=9,Tốt=62,Khá=41,Trung bình=24"``: a count per band, optionally with
    its percentage (``Tốt=62 (45,59 %)``) and the units it is out of (``trên=136``).

    :raises AssessmentError: an item that is not ``band=count``, or a band the framework
        does not have.
    """
    counts: dict[str, int] = {}
    percents: dict[str, Decimal] = {}
    population = None
    problems = []
    for item in _split(text):
        match = _ITEM.match(item)
        if match is None:
            problems.append(Problem(Sentence("bd_not_an_item", item=repr(item.strip())),
                                    key="--published"))
            continue
        name = match.group("name")
        if nfc(name).casefold() in ("trên", "tổng", "total", "units", "tổng số"):
            population = int(match.group("count"))
            continue
        band = _band_name(framework, name)
        if band is None:
            problems.append(Problem(_not_a_band(framework, name), key="--published"))
            continue
        if band in counts:
            problems.append(Problem(Sentence("bd_twice", band=repr(band)), key="--published"))
            continue
        counts[band] = int(match.group("count"))
        if match.group("percent"):
            percents[band] = to_decimal(match.group("percent"), decimal_comma=True)
    if problems:
        raise AssessmentError(problems)
    return PublishedDistribution(counts, percents, population, "--published")


def _not_a_band(framework: Framework, name: str | None = None) -> Sentence:
    """The band a name is not: said of ``name``, or of the key it is written under."""
    bands = tuple(b.name for b in framework.bands)
    if name is None:
        return Sentence("bd_not_a_band", framework=framework.id, bands=bands)
    return Sentence("bd_not_a_band_named", name=repr(name), framework=framework.id, bands=bands)


def _split(text: str) -> list[str]:
    """Items separated by commas, but not the decimal comma of a percentage."""
    return [item for item in re.split(r",(?!\d)", text) if item.strip()]


def load_distribution(path: str | Path, framework: Framework) -> PublishedDistribution:
    """A distribution file (TOML): ``population`` (optional), ``source`` (optional), and
    ``[bands]`` mapping each band's name to a count or to ``{ count, percent }``.

    :raises AssessmentError: every problem, with its line.
    """
    data, origin = read_toml(path, AssessmentError)
    problems = [origin.problem(Sentence("e_unknown_key_allowed",
                                        allowed=("population", "source", "bands")), key)
                for key in data if key not in ("population", "source", "bands")]
    counts: dict[str, int] = {}
    percents: dict[str, Decimal] = {}
    bands = data.get("bands")
    if not isinstance(bands, dict):
        problems.append(origin.problem(Sentence("bd_bands_table"), "bands"))
        bands = {}
    for name, value in bands.items():
        band = _band_name(framework, name)
        if band is None:
            problems.append(origin.problem(_not_a_band(framework), "bands", name))
            continue
        entry = value if isinstance(value, dict) else {"count": value}
        count = entry.get("count")
        if not isinstance(count, int) or isinstance(count, bool) or count < 0:
            problems.append(origin.problem(Sentence("bd_count"), "bands", name))
            continue
        counts[band] = count
        if "percent" in entry:
            try:
                percents[band] = to_decimal(entry["percent"], decimal_comma=True)
            except NumberError as exc:
                problems.append(origin.problem(reason(exc), "bands", name, "percent"))
    population = data.get("population")
    if population is not None and (not isinstance(population, int)
                                   or isinstance(population, bool) or population < 1):
        problems.append(origin.problem(Sentence("bd_population"), "population"))
        population = None
    if problems:
        raise AssessmentError(problems)
    return PublishedDistribution(counts, percents, population,
                                 str(data.get("source") or path))


# --- as data ----------------------------------------------------------------------------------

def _distribution_dict(d: Distribution) -> dict[str, Any]:
    return {"group": d.group, "units": d.units, "unbanded": list(d.unbanded),
            "bands": [{"band": s.band, "count": s.count,
                       "percent": plain(s.percent) if s.percent is not None else None,
                       "percent_exact": (f"{s.exact.numerator}/{s.exact.denominator}"
                                         if s.exact is not None else None)}
                      for s in d.shares]}


def band_check_to_dict(check: BandCheck) -> dict[str, Any]:
    """Everything ``parindex bands --json`` prints; decimals as exact strings."""
    published = check.published
    return {
        "framework": check.framework.id,
        "rounding": check.rounding,
        "overall": _distribution_dict(check.overall) if check.overall else None,
        "groups": [_distribution_dict(g) for g in check.groups],
        "published": None if published is None else {
            "source": published.source, "population": published.population,
            "counts": dict(published.counts),
            "percents": {k: plain(v) for k, v in published.percents.items()}},
        "discrepancies": [{"band": d.band, "what": d.what, "published": d.published,
                           "computed": d.computed, "evidence": d.evidence}
                          for d in check.discrepancies],
        "unchecked": list(check.unchecked),
    }
