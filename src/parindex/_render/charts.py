"""Charts as SVG text (matplotlib, the ``report`` extra), for the HTML report and the docs.

Each function returns a self-contained ``<svg>`` element: no XML prolog, no external
references, text kept as text (``svg.fonttype = none``) so Vietnamese names render in
the reader's fonts. Figures are drawn with the object-oriented API on the SVG canvas:
no pyplot state, no GUI backend. Values are converted to floats here, for drawing only.

Each chart takes a :class:`~parindex.Ranking` or the kernel's
:class:`~parindex.BatchResult` (``score_many(..., batch=True)``) and draws from its
:func:`~parindex.profiles`: the report, which has them, passes them on instead.
"""

from __future__ import annotations

import io
import math
import re
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal
from fractions import Fraction
from typing import Any

from .._base.i18n import message, shortlist
from .._base.model import BandBasis, Framework
from .._base.names import unit_key
from .._base.numbers import number_text, plain, quantize
from .._base.errors import needs_extra
from .._analysis.profiles import Profiles, UnitProfile, profiles
from .._engine.batch import BatchResult
from .._engine.ranking import Ranking
from .._analysis.sensitivity import MonteCarlo

Scored = Ranking | BatchResult

_COLOURS = ("#1f5f8b", "#e07b39", "#6a9a3a", "#8b1f5f", "#999999")


@contextmanager
def _figure(width: float, height: float) -> Iterator[Any]:
    with needs_extra("matplotlib", "report"):
        import matplotlib
        from matplotlib.backends.backend_svg import FigureCanvasSVG
        from matplotlib.figure import Figure
    # text.parse_math off: unit names are text, never mathtext ("$x^$" would raise).
    with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": "parindex",
                                "font.family": "sans-serif", "font.size": 9,
                                "text.parse_math": False}):
        figure = Figure(figsize=(width, height), layout="constrained")
        FigureCanvasSVG(figure)
        yield figure


def _svg(figure: Any, prefix: str) -> str:
    """The figure as an ``<svg>`` element, its ids prefixed with ``prefix``.

    matplotlib names elements ``figure_1``, ``axes_1``, ...: in one HTML page holding
    several charts those ids would repeat (invalid HTML, and a ``url(#…)`` reference
    could reach another chart's clip path). Each chart kind has its own prefix.
    """
    buffer = io.StringIO()
    with warnings.catch_warnings():
        # A layout that does not fit is still drawn; matplotlib's warning about it would
        # reach the user as Python's text on standard error.
        warnings.simplefilter("ignore", UserWarning)
        figure.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    text = buffer.getvalue()
    text = text[text.index("<svg"):]
    # Inline SVG in HTML needs no namespaces, and the metadata only names vocabularies:
    # both are URLs a reader might take for external resources.
    text = re.sub(r"<metadata>.*?</metadata>", "", text, flags=re.DOTALL)
    text = re.sub(r'\s+xmlns(:\w+)?="[^"]*"', "", text)
    text = re.sub(r'(\bid="|url\(#|href="#)([^")]+)',
                  lambda m: f"{m.group(1)}{prefix}-{m.group(2)}", text)
    return text.strip()


def _label(lang: str, key: str) -> str:
    return message(lang, f"chart_{key}")


def _percent(value: Fraction | None) -> float:
    return float(value * 100) if value is not None else float("nan")


def field_profile_chart(ranking: Scored, unit: str, *, group: str | None = None,
                        lang: str = "vi") -> str:
    """A unit's sub-index per field beside its group's mean and the overall mean (bars).

    :param group: the unit's group, when its name repeats across groups.
    """
    found = profiles(ranking)
    return profile_chart(found, found.unit(unit, group), lang=lang)


def profile_chart(found: Profiles, me: UnitProfile, *, lang: str = "vi") -> str:
    """:func:`field_profile_chart` of one of the units' profiles."""
    codes = [f.code for f in found.fields]
    mine = [_percent(me.sub_indices[c]) for c in codes]
    overall = [_percent(f.mean) for f in found.fields]
    series = [(me.unit, mine, _COLOURS[0])]
    # A mean over the unit alone would repeat its own bars: only means over others show.
    group = me.group
    in_group = sum(1 for u in found.units if group is not None and u.group == group)
    if group is not None and in_group > 1:
        series.append((f"{_label(lang, 'group')} ({group})",
                       [_percent(f.group_means.get(group)) for f in found.fields],
                       _COLOURS[1]))
    if len(found.units) > max(1, in_group):
        series.append((_label(lang, "all"), overall, _COLOURS[4]))
    names = [_short(f.name) for f in found.fields]
    with _figure(8.0, 3.8) as figure:
        axes = figure.add_subplot()
        width = 0.8 / len(series)
        for i, (name, values, colour) in enumerate(series):
            positions = [x + (i - (len(series) - 1) / 2) * width for x in range(len(codes))]
            bars = axes.bar(positions, values, width=width, label=name, color=colour)
            # Each bar says its value (the unit's bars in bold): a chart read on paper
            # needs no ruler.
            axes.bar_label(bars, labels=["" if math.isnan(v) else _number(v, 0, lang)
                                         for v in values],
                           fontsize=6, padding=1, rotation=90 if len(series) > 1 else 0,
                           fontweight="bold" if i == 0 else "normal")
        axes.set_xticks(range(len(codes)), [f"{c}\n{n}" for c, n in zip(codes, names,
                                                                        strict=True)],
                        fontsize=6.5)
        axes.set_ylim(0, 118)
        axes.set_yticks(range(0, 101, 20))
        axes.set_ylabel(_label(lang, "sub_index"))
        figure.legend(loc="outside upper center", ncols=len(series), fontsize=8,
                      frameon=False)
        axes.grid(axis="y", alpha=0.3)
        return _svg(figure, "parindex-profile")


def _short(name: str, width: int = 12) -> str:
    """A field's name shortened to two lines of about ``width`` characters, whole words."""
    lines: list[str] = []
    for word in name.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        elif len(lines) < 2:
            lines.append(word)
        else:
            lines[-1] = lines[-1].rstrip(".,") + "…"
            break
    return "\n".join(lines)


def _number(value: float, decimals: int, lang: str) -> str:
    """A drawn value as text in the reader's style (decimal comma in Vietnamese)."""
    from decimal import Decimal

    return number_text(plain(quantize(Decimal(repr(value)), decimals)), lang)


def rank_shift_chart(old: Scored, new: Scored, *, lang: str = "vi", limit: int = 40) -> str:
    """Ranks in two years, one line per unit present in both (matched by name as
    :func:`~parindex.unit_key` matches names: case, spacing, prefix, tone placement): the
    ``limit`` best units of the second year."""
    return shift_chart(profiles(old), profiles(new), lang=lang, limit=limit)


def shift_chart(old: Profiles, new: Profiles, *, lang: str = "vi", limit: int = 40,
                focus: UnitProfile | None = None) -> str:
    """:func:`rank_shift_chart` from the two years' profiles; ``focus`` (a unit of
    ``new``) is drawn too when it is not among the ``limit`` best, its labels in bold."""
    before = {unit_key(u.unit): u for u in old.units}
    pairs = sorted(((before[unit_key(u.unit)], u) for u in new.units
                    if unit_key(u.unit) in before), key=lambda pair: (pair[1].rank,
                                                                      pair[1].unit))
    # A line per unit of a large table is unreadable (and a figure metres tall): the best
    # units, as the Monte Carlo chart draws them, and the unit the report is about.
    shown = pairs[:limit] + [pair for pair in pairs[limit:] if pair[1] is focus]
    years = tuple("" if p.year is None else str(p.year) for p in (old, new))
    # Each side lists its ranks one below the other, evenly: drawn at their values, the
    # ranks of a large table's best units (1, 2, ... 300) would crowd into one blur.
    places = [{rank: place for place, rank in enumerate(sorted({pair[side].rank
                                                                 for pair in shown}))}
              for side in (0, 1)]
    with _figure(9.0, max(3.0, 0.28 * max(map(len, places), default=0) + 1)) as figure:
        axes = figure.add_subplot()
        labels: tuple[dict[int, list[str]], dict[int, list[str]]] = ({}, {})
        for a, b in shown:
            colour = (_COLOURS[2] if b.rank < a.rank else _COLOURS[3] if b.rank > a.rank
                      else _COLOURS[4])
            axes.plot([0, 1], [places[0][a.rank], places[1][b.rank]], marker="o",
                      color=colour, linewidth=2.5 if b is focus else 1.5)
            labels[0].setdefault(a.rank, []).append(a.unit)
            labels[1].setdefault(b.rank, []).append(
                f"{b.unit} ({a.rank - b.rank:+d})" if a.rank != b.rank else b.unit)
        strong = {(side, pair[side].rank) for pair in shown if pair[1] is focus
                  for side in (0, 1)}
        # Units tied at a rank share one label (separate labels would be drawn over each
        # other), which begins with the rank: the axis has no ticks to read it from.
        for side, ranks in enumerate(labels):
            for rank, names in ranks.items():
                text = axes.annotate(
                    _tied(rank, names, lang), (side, places[side][rank]),
                    xytext=(6 if side else -6, 0), textcoords="offset points",
                    ha="left" if side else "right", va="center", fontsize=8,
                    fontweight="bold" if (side, rank) in strong else "normal")
                text.set_in_layout(False)  # the axes' margins hold the labels
        axes.set_xticks([0, 1], years)
        axes.set_xlim(-1.3, 2.3)
        axes.invert_yaxis()
        axes.set_yticks([])
        if len(pairs) > limit:
            axes.set_title(message(lang, "chart_best", best=limit, count=len(pairs)),
                           fontsize=8)
        for spine in ("top", "right", "left"):
            axes.spines[spine].set_visible(False)
        return _svg(figure, "parindex-shift")


def _tied(rank: int, names: list[str], lang: str, width: int = 40) -> str:
    """A rank's label: the rank, then the units at it, as many as fit in about ``width``
    characters and then how many more, so that a long tie does not run off the chart."""
    return f"{rank}. {shortlist(names, None, width=width).said(lang)}"


def rank_interval_chart(result: MonteCarlo, *, lang: str = "vi", limit: int = 40) -> str:
    """Each unit's median rank and 5–95 % interval from a Monte Carlo run, best first
    (the ``limit`` best units by base rank)."""
    order = sorted(range(len(result.units)), key=lambda i: (int(result.base_rank[i]),
                                                             result.units[i]))[:limit]
    median, low, high = result.median_rank, result.rank_low, result.rank_high
    with needs_extra("matplotlib", "report"):
        from matplotlib.ticker import MaxNLocator
    with _figure(6.5, max(2.5, 0.25 * len(order) + 1)) as figure:
        axes = figure.add_subplot()
        ys = list(range(len(order)))
        axes.hlines(ys, [int(low[i]) for i in order], [int(high[i]) for i in order],
                    color=_COLOURS[0], linewidth=3, alpha=0.5, label=_label(lang, "interval"))
        axes.plot([int(median[i]) for i in order], ys, "o", color=_COLOURS[0],
                  markersize=4, label=_label(lang, "median"), zorder=3)
        # The base rank is a hollow diamond drawn over the median: where the two coincide
        # both stay visible.
        axes.plot([int(result.base_rank[i]) for i in order], ys, "D", markersize=8,
                  markerfacecolor="none", markeredgecolor=_COLOURS[1], markeredgewidth=1.5,
                  linestyle="none", label=_label(lang, "base"), zorder=4)
        axes.set_yticks(ys, [result.units[i] for i in order])
        axes.invert_yaxis()
        axes.xaxis.set_major_locator(MaxNLocator(integer=True))  # ranks are whole numbers
        axes.set_xlabel(_label(lang, "rank"))
        if len(result.units) > limit:
            axes.set_title(message(lang, "chart_best", best=limit, count=len(result.units)),
                           fontsize=8)
        figure.legend(loc="outside upper center", ncols=3, fontsize=8, frameon=False)
        axes.grid(axis="x", alpha=0.3)
        return _svg(figure, "parindex-intervals")


def totals_chart(ranking: Scored, *, lang: str = "vi") -> str:
    """The distribution of the values bands are decided on (index or total points), with
    the band thresholds."""
    return distribution_chart(profiles(ranking), ranking.framework, lang=lang)


def distribution_chart(found: Profiles, framework: Framework, *, lang: str = "vi") -> str:
    """:func:`totals_chart` from the units' profiles."""
    on_index = framework.band_basis is BandBasis.INDEX
    values = [float(u.index if on_index and u.index is not None else u.total)
              for u in found.units]
    with needs_extra("matplotlib", "report"):
        from matplotlib.ticker import MaxNLocator
    thresholds = sorted((band for band in framework.bands
                         if band.min is not None and band.min != 0), key=lambda b: b.min or 0)
    strict = framework.publication.band_bounds == "strict"
    edges = _bin_edges(values, max(5, min(30, len(values) // 3)),
                       [float(b.min or 0) for b in thresholds])
    with _figure(6.5, 3.0) as figure:
        axes = figure.add_subplot()
        # Each bar drawn from its count: one unit at each bin's left edge, weighted.
        axes.hist(edges[:-1], bins=edges, weights=_counts(values, edges, strict=strict),
                  color=_COLOURS[0], alpha=0.8, edgecolor="white", linewidth=0.5)
        axes.yaxis.set_major_locator(MaxNLocator(integer=True))  # counts of units
        for band in thresholds:
            axes.axvline(float(band.min or 0), color=_COLOURS[3], linestyle="--", linewidth=1)
        # Labels above the plot, not over the bars; neighbours too close to share a row
        # alternate between two rows.
        low, high = axes.get_xlim()
        previous, row = None, 0
        for band in thresholds:
            x = float(band.min or 0)
            row = 1 - row if previous is not None and (x - previous) < (high - low) / 6 else 0
            previous = x
            axes.annotate(f"{band.name} {'>' if strict else '≥'} "
                          f"{number_text(plain(band.min or Decimal(0)), lang)}",
                          (x, 1), xycoords=("data", "axes fraction"),
                          xytext=(0, 3 + 11 * row), textcoords="offset points", ha="center",
                          va="bottom", fontsize=8, color=_COLOURS[3], annotation_clip=False)
        axes.set_xlabel(_label(lang, "index" if on_index else "total"))
        axes.set_ylabel(_label(lang, "units"))
        return _svg(figure, "parindex-totals")


def _counts(values: list[float], edges: list[float], *, strict: bool) -> list[int]:
    """How many values fall in each bin. A bin holds its left edge, as a band holds its
    ``min`` ("từ 80 %"); where the bands are strict ("trên 80 %", ``band_bounds``) it holds
    its right edge instead, so that a unit on a threshold is counted in its own band's bar."""
    import numpy as np

    found = np.searchsorted(edges, values, side="left" if strict else "right") - 1
    counts: list[int] = np.bincount(np.clip(found, 0, len(edges) - 2),
                                    minlength=len(edges) - 1).tolist()
    return counts


def _bin_edges(values: list[float], target: int,
               breaks: list[float] | tuple[float, ...] = ()) -> list[float]:
    """Bin edges on whole multiples of a round width (1, 2, 5 × 10**k), about ``target``
    bins, plus every band threshold in ``breaks`` within the range: no bar straddles a
    band, whatever its threshold (72.5 as well as 70)."""
    low, high = min(values, default=0.0), max(values, default=0.0)
    spread = high - low or 1.0
    width = 10.0 ** math.floor(math.log10(spread / target))
    for factor in (1, 2, 5, 10):
        if spread / (width * factor) <= target:
            width *= factor
            break
    start = math.floor(low / width) * width
    count = max(1, math.floor((high - start) / width) + 1)  # the highest value in the last
    edges = [round(start + i * width, 9) for i in range(count + 1)]
    inside = {round(b, 9) for b in breaks if edges[0] < b < edges[-1]}
    return sorted(set(edges) | inside)

