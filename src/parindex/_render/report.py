"""One self-contained HTML report for a results table or a unit (jinja2, the ``report`` extra).

Tables and charts are inline (SVG and CSS in the page): the file opens without network
access. Text is Vietnamese by default, English with ``lang="en"``; criterion, unit and
band names stay as published. Every value from the data is autoescaped.
"""

from __future__ import annotations

from datetime import date, datetime, timezone
from decimal import Decimal
from fractions import Fraction
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any, Literal

from .._analysis.gaps import figure_text, gaps, needed_text, ratio_percent_text
from .charts import Scored, distribution_chart, profile_chart, rank_interval_chart, shift_chart
from .._base.errors import ArgumentError, needs_extra
from .._base.i18n import MESSAGES, Sentence, shortlist
from .._base.model import Framework
from .._base.numbers import day_text, maximum_text, number_text, plain, quantize
from .._analysis.profiles import profiles
from .._engine.batch import BatchResult
from .._engine.progress import Progress
from .._engine.results import Result
from .._analysis.sensitivity import MonteCarlo

Language = Literal["vi", "en"]

#: The steps :func:`report_html` reports to its ``progress``: the profiles, the unit in
#: focus, the charts, the page.
REPORT_STEPS = 4

def _version() -> str:
    try:
        return version("parindex")
    except PackageNotFoundError:  # pragma: no cover - running from a bare checkout
        return "?"


def _text(lang: str) -> dict[str, str]:
    """The report's strings, from the one catalogue (:mod:`parindex._base.i18n`)."""
    return {key[len("report_"):]: value for key, value in MESSAGES[lang].items()
            if key.startswith("report_")}


def report_html(ranking: Scored, *, unit: str | None = None, group: str | None = None,
                result: Result | None = None, lang: Language = "vi",
                monte_carlo: MonteCarlo | None = None, previous: Scored | None = None,
                source: str | None = None, made: date | None = None,
                progress: Progress | None = None) -> str:
    """A self-contained HTML report of a ranking, or of one unit within it.

    :param ranking: the units (from :func:`~parindex.score_many`); for a large table, its
        batch (``score_many(..., batch=True)``): every figure, rank and chart comes from
        the kernel's arrays and no unit is rescored.
    :param unit: focus on this unit: its field profile against its group, its lost
        points, the next band and the units just above it.
    :param group: the unit's group, when its name repeats across groups (districts).
    :param result: with a batch and ``unit``: the unit's own result
        (:func:`~parindex.score`), which explains its lost points; with a ranking: unused.
    :param lang: ``vi`` (default) or ``en``.
    :param monte_carlo: add the rank intervals of a :func:`~parindex.monte_carlo` run.
    :param previous: the previous year's ranking (or batch), to chart rank changes.
    :param source: the file(s) the units were read from, named in the footer.
    :param made: the date printed in the footer (default: today).
    :param progress: called with the number of steps done, out of :data:`REPORT_STEPS`
        (for a progress bar: a large table takes seconds).
    :returns: the page, with inline CSS and SVG and no external resources.
    :raises ArgumentError: an unknown ``lang``, or a batch with ``unit`` but no ``result``.
    :raises UnitNotFoundError: no such unit, or the name is ambiguous without ``group``.
    """
    with needs_extra("jinja2", "report"):
        import jinja2
    if lang not in MESSAGES:
        raise ArgumentError(Sentence("a_report_lang", languages=tuple(MESSAGES),
                                     given=repr(lang)))
    if not isinstance(ranking, BatchResult):
        result = None  # the ranking holds every unit's result
    elif unit is not None and result is None:
        raise ArgumentError(Sentence("a_report_needs_result"))
    t = _text(lang)
    framework = ranking.framework
    decimals = framework.decimals
    step = progress or (lambda done: None)
    found = profiles(ranking)  # every unit's figures, from either kind of ranking
    step(1)
    year = found.year
    me = None
    if unit is not None:
        if group is None and result is not None:
            group = result.group or None
        me = found.unit(unit, group)
        if result is not None and result.unit != me.unit:
            raise ArgumentError(Sentence("a_result_of_other", given=result.unit, unit=me.unit))

    def pts(value: Decimal | Fraction | None, figure: str = "points") -> str:
        """Points, points lost, a total (a unit's, the median): as the framework prints
        them ("1", not "1,0")."""
        return figure_text(framework, value, figure, lang)

    def index(value: Fraction | None) -> str:
        return "—" if value is None else num(plain(quantize(value, decimals)))

    def num(text: str) -> str:  # Vietnamese pages write 78,636
        return number_text(text, lang)

    cards = [{"label": t["framework"], "value": framework.id},
             {"label": t["units"], "value": str(len(found.units))}]
    if found.totals:
        cards.append({"label": t["median"], "value": pts(found.totals["median"], "total")})
    cards += [{"label": f"{t['band']}: {name}", "value": str(count)}
              for name, count in found.bands.items() if count]
    units = [{"rank": u.rank, "unit": u.unit, "group": u.group or "",
              "group_rank": u.group_rank or "", "total": pts(u.total, "total"),
              "index": index(u.index),
              "band": u.band or "", "me": u is me}
             for u in sorted(found.units, key=lambda u: (u.rank, u.unit))]
    # One unit's file, or a few units' files, rank them 1/1 or among themselves, where
    # their decision ranked more: the page says so and quotes the published ranks.
    printed = [] if isinstance(ranking, BatchResult) else [
        f"{u.result.unit}: {t[what].lower()} {rank}" for u in ranking
        for what, rank, among in (
            ("rank", u.result.assessment.published.rank, len(found.units)),
            ("group_rank", u.result.assessment.published.group_rank, u.group_of or 0))
        if rank is not None and rank.of is not None and rank.of > among]
    ranks_note = t["partial_ranks"].format(count=len(found.units), printed="; ".join(printed)) \
        if printed else None
    fields = [{"code": f.code, "name": f.name,
               "mean": num(ratio_percent_text(f.mean, decimals)),
               "best": shortlist(f.best).said(lang), "worst": shortlist(f.worst).said(lang)}
              for f in found.fields]
    unit_data = None
    title = t["title"] + (f" {year}" if year else "")
    subtitle = framework.name
    if me is not None:
        found_gaps = gaps(ranking, me.unit, group=me.group, result=result)
        lost = found_gaps.lost
        title = f"{t['unit_title']} {lost.result.assessment.year}: {me.unit}"
        subtitle = (f"{me.group} · " if me.group else "") + framework.name
        cards = [{"label": t["total"], "value": pts(me.total, "total")},
                 {"label": t["index"], "value": index(me.index)},
                 {"label": t["band"], "value": me.band or "—"},
                 {"label": t["rank"], "value": f"{me.rank}/{len(found.units)}"}]
        if me.group_rank is not None:
            cards.append({"label": t["group_rank"],
                          "value": f"{me.group_rank}/{me.group_of}"})
        facts = [t["lost_total"].format(points=pts(lost.total_lost))]
        if lost.next_band is not None and lost.next_band.needed is not None:
            facts.append(t["next_band"].format(band=lost.next_band.band.name,
                                               points=num(needed_text(lost.next_band.needed,
                                                                      decimals))))
        for other in found_gaps.ahead:
            facts.append(t["pass"].format(unit=other.unit, rank=other.rank,
                                          more=t["more"] if other.strict else "",
                                          points=num(needed_text(other.gap, decimals))))
        unit_data = {
            "chart": profile_chart(found, me, lang=lang),
            "facts": facts,
            "lost": [{"code": i.code, "name": i.name if i.itemised else t["rest"],
                      # a remainder has no points or maximum of its own: its node's
                      # would read as if they were
                      "points": f"{pts(i.points)}/{maximum_text(i.arising_max, lang)}"
                                if i.itemised else "—",
                      "lost": pts(i.lost), "comment": i.comment or ""}
                     for i in lost.items],
        }
    step(2)
    mc_data = None
    if monte_carlo is not None:
        p = monte_carlo.perturbation
        mc_data = {"chart": rank_interval_chart(monte_carlo, lang=lang),
                   "description": t["mc"].format(target=t[p.target],
                                                 width=num(needed_text(p.width, 6)),
                                                 draws=monte_carlo.draws,
                                                 seed=monte_carlo.seed)}
    charts = {"totals_chart": distribution_chart(found, framework, lang=lang),
              "shift_chart": shift_chart(profiles(previous), found, lang=lang, focus=me)
              if previous else None}
    step(3)
    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("parindex", "_templates/report"),
        autoescape=True, undefined=jinja2.StrictUndefined, keep_trailing_newline=True)
    template = environment.get_template("report.html.j2")
    page = template.render(
        lang=lang, version=_version(), title=title, subtitle=subtitle, cards=cards, t=t,
        unit=unit_data, units=units, ranks_note=ranks_note, fields=fields, **charts,
        monte_carlo=mc_data,
        footer=t["footer"].format(
            version=_version(), decimals=decimals, source=source or "—",
            framework=f"{framework.id} ({_decision(framework)})",
            date=day_text(made or datetime.now(timezone.utc).date(), lang)))
    step(REPORT_STEPS)
    return page


def _decision(framework: Framework) -> str:
    basis = framework.legal_basis
    return basis.decision + (f", {day_text(basis.date)}" if basis.date else "")


def write_report(ranking: Scored, path: str | Path, **options: Any) -> Path:
    """Write :func:`report_html` to ``path`` (UTF-8); options as for it."""
    from .._base.files import atomic_write

    options.setdefault("source", None)
    return atomic_write(path, report_html(ranking, **options))
