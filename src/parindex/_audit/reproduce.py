"""Reproducing a published results table: every unit rescored, reranked and rebanded, and
every printed figure checked against the computed one.

The checks are the library's own: :func:`parindex.score` reconciles each unit's printed
points, total, index and band (:mod:`parindex._engine.reconcile`), and the ranking reconciles
printed ranks overall and within groups (:mod:`parindex._engine.ranking`). This module adds only
what a table has and a single assessment does not:

- a part above its maximum (or below 0) is reported as a discrepancy at its row and
  otherwise counted as printed, so that the unit keeps its place and the other rows are
  checked as the publisher computed them;
- points given for a node that contradict the points given for its items (a subtotal that
  is not the sum of its parts) are reported as discrepancies, not only as findings;
- a row that cannot be scored at all (an unreadable or missing cell) is reported with its
  problems and left out; printed ranks are then not checked, since they need every unit.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs

from .._base.errors import MissingInformationError, ParindexError, Problem, problem_to_dict
from .._base.model import (
    Assessment,
    Band,
    BandBasis,
    Framework,
    NodeKind,
    NotArisingPolicy,
    RankBasis,
    RankingMethod,
    nfc,
)
from .._base.i18n import VERBATIM, Sentence, Terms, figure, listed
from .._base.names import find_unit, group_key
from .._base.numbers import exact, plain, quantize, rounded_from
from .._engine.progress import Progress, reported
from .._engine.ranking import (
    RankedResult,
    rank_key,
    rank_results,
    ranker,
    ranks_checked,
    ranks_on,
    reconcile_ranks,
)
from .._engine.reconcile import agrees, reconcile
from .._engine.results import Discrepancy, Result
from .._engine.scoring import classify, score, uncovered_max
from .._formats.rows import TableOrigin, TableRows, column
from .._formats.tables import ResultsTable
from .tabulated import Figures, tabulate


class _Explained:
    """A unit of a table reproduced in one kernel pass: its row, built when first asked
    for (a table held column by column builds none), and its full result, worked out by
    the one-unit explainer when first asked for."""

    __slots__ = ("framework", "rows", "i")

    def __init__(self, framework: Framework, rows: Sequence[Assessment], i: int) -> None:
        self.framework = framework
        self.rows = rows
        self.i = i

    def assessment(self) -> Assessment:
        return self.rows[self.i]

    def __call__(self) -> Result:
        # Its printed ranks agree with the kernel's: checked with the table.
        return ranks_checked(score(self.framework, self.assessment()))


def _assessment(row: Assessment | _Explained) -> Assessment:
    return row.assessment() if isinstance(row, _Explained) else row


@attrs.frozen
class UnitReproduction:
    """One row of a table, reproduced.

    :param result: the computed result (``None``: the row could not be scored; see
        :attr:`problems`). Of a table whose printed figures all agree it is worked out
        when first asked for (the node tree is rarely needed): :attr:`total`,
        :attr:`index`, :attr:`band` and the other figures are at hand without it.
    :param rank: the computed overall rank, of :attr:`of` units (``None`` if unranked).
    :param group_rank: the computed rank within the unit's group, of :attr:`group_of`.
    :param discrepancies: every printed figure that differs from the computed one.
    :param problems: why the row could not be scored.
    :param unchecked: printed figures that could not be checked, and why (each note
        begins with the figure: a code, ``total``, ``index``, ``rank``, ...).
    :param checked: printed figures that agree with the computed ones. Every printed
        figure is in exactly one of :attr:`checked`, :attr:`discrepancies` (by ``what``)
        and :attr:`unchecked`.
    """

    _assessment: Assessment | _Explained = attrs.field(
        alias="assessment", eq=_assessment, repr=lambda a: _assessment(a).unit)
    _result: Result | _Explained | None = attrs.field(repr=False, alias="result", eq=False)
    rank: int | None = None
    of: int | None = None
    group_rank: int | None = None
    group_of: int | None = None
    discrepancies: tuple[Discrepancy, ...] = ()
    problems: tuple[Problem, ...] = ()
    unchecked: tuple[str, ...] = ()
    checked: tuple[str, ...] = ()
    _figures: Figures | None = attrs.field(default=None, repr=False, alias="figures", eq=False)

    @property
    def assessment(self) -> Assessment:
        """The row as read (of a large table, built when first asked for)."""
        return _assessment(self._assessment)

    @property
    def result(self) -> Result | None:
        """The unit's full result (node tree, findings); ``None``: not scored."""
        result = self._result
        if isinstance(result, _Explained):
            result = result()
            object.__setattr__(self, "_result", result)  # worked out once
        return result

    @property
    def scored(self) -> bool:
        """Whether the row was scored (it has a :attr:`result`)."""
        return self._result is not None

    def _figure(self) -> Figures | Result | None:
        return self._figures if self._figures is not None else self.result

    @property
    def total(self) -> Decimal | None:
        """The computed total (``None``: not scored)."""
        figures = self._figure()
        return figures.total if figures is not None else None

    @property
    def appraised(self) -> Decimal | None:
        """The computed appraised part (``None``: not scored)."""
        figures = self._figure()
        return figures.appraised if figures is not None else None

    @property
    def survey(self) -> Decimal | None:
        """The computed survey part (``None``: not scored)."""
        figures = self._figure()
        return figures.survey if figures is not None else None

    @property
    def index(self) -> Fraction | None:
        """The computed index, exact (``None``: not scored, or no index)."""
        figures = self._figure()
        return figures.index if figures is not None else None

    @property
    def band(self) -> Band | None:
        """The computed band (``None``: not scored, or no band)."""
        figures = self._figure()
        return figures.band if figures is not None else None

    @property
    def fields(self) -> Mapping[str, Decimal | None]:
        """The computed points of each top-level node (field, survey block, ...), by code
        (empty: not scored)."""
        if self._figures is not None:
            return self._figures.fields
        result = self.result
        if result is None:
            return {}
        return {node.code: result.nodes[node.code].points for node in result.framework.criteria}

    @property
    def index_shown(self) -> str | None:
        """The computed index as shown: rounded half up to the framework's decimals."""
        index, framework = self.index, self.framework
        if index is None or framework is None:
            return None
        return plain(quantize(index, framework.decimals))

    @property
    def framework(self) -> Framework | None:
        """The framework the unit was scored under (``None``: not scored)."""
        return self._result.framework if self._result is not None else None

    def _held(self) -> tuple[TableRows, int] | None:
        """The table held by columns and the position of this unit's row in it."""
        row = self._assessment
        if isinstance(row, _Explained) and isinstance(row.rows, TableRows):
            return row.rows, row.i
        return None

    @property
    def unit(self) -> str:
        held = self._held()
        return held[0].units[held[1]] if held else self.assessment.unit

    @property
    def group(self) -> str | None:
        held = self._held()
        return held[0].groups[held[1]] if held else self.assessment.group

    @property
    def row(self) -> int | None:
        """The row of the table the unit was read from."""
        held = self._held()
        if held:
            return held[0].numbers[held[1]]
        origin = self.assessment.origin
        return origin.row if isinstance(origin, TableOrigin) else None


@attrs.frozen
class Reproduction:
    """A results table reproduced: one :class:`UnitReproduction` per unit row.

    :param problems: the table's unreadable cells and rows, then each unscored row's.
    """

    table: ResultsTable = attrs.field(repr=False)
    units: tuple[UnitReproduction, ...]
    problems: tuple[Problem, ...] = ()

    @property
    def framework(self) -> Framework:
        return self.table.framework

    @property
    def discrepancies(self) -> list[tuple[UnitReproduction, Discrepancy]]:
        """Every discrepancy, with its unit, in table order."""
        return [(unit, d) for unit in self.units for d in unit.discrepancies]

    def unit(self, name: str, group: str | None = None) -> UnitReproduction:
        """A unit by name as people type it (see :func:`parindex.find_unit`).

        :param group: the unit's group, when its name repeats across groups.
        :raises UnitNotFoundError: (a ``KeyError``) no such unit, or several (listed).
        """
        return self.units[find_unit(name, [(u.unit, u.group) for u in self.units], group)]


class FigureColumns:
    """Every unit's name, group and computed figures, a column at a time, in the units'
    order (a figure is ``None`` for a unit not scored): taken whole from the table's and
    the kernel's columns for the units the kernel reproduced (each distinct value made
    once), from each other unit itself (a row explained alone, a unit built otherwise, a
    table the kernel does not take)."""

    def __init__(self, reproduction: Reproduction) -> None:
        self.units = units = reproduction.units
        self._rows = rows = reproduction.table.assessments
        held = next((unit._figures for unit in units if unit._figures is not None), None)
        if held is not None and (len(held.column("band")) != len(units)
                                 or len(rows) != len(units)):
            held = None  # units that are not one per row of the kernel's table
        self._held = held
        # The units not on the columns: each asked for its own figures.
        self._own = list(range(len(units))) if held is None else [
            i for i, unit in enumerate(units)
            if (figures := unit._figures) is None or figures.row != i
            or not isinstance(row := unit._assessment, _Explained) or row.rows is not rows
            or row.i != i]

    def names(self, what: str) -> list[Any]:
        """Every unit's ``unit`` (name) or ``group``."""
        return self._patched(column(self._rows, what) if self._held is not None else None,
                             lambda unit: getattr(unit, what))

    def column(self, what: str) -> list[Any]:
        """Every unit's ``total``, ``index`` or ``band`` (its name)."""
        return self._patched(self._held.column(what) if self._held is not None else None,
                             lambda unit: _figure(unit, what))

    def points(self, code: str) -> list[Decimal | None]:
        """Every unit's points of a top-level node (:attr:`UnitReproduction.fields`)."""
        return self._patched(self._held.points(code) if self._held is not None else None,
                             lambda unit: unit.fields.get(code))

    def _patched(self, held: Sequence[Any] | None, own: Any) -> list[Any]:
        units = self.units
        found = list(held) if held is not None else [None] * len(units)
        for i in self._own:
            found[i] = own(units[i])
        return found


def _figure(unit: UnitReproduction, what: str) -> Any:
    if what == "band":
        band = unit.band
        return band.name if band is not None else None
    assert what in ("total", "index"), what
    return getattr(unit, what)


@exact
def reproduce(table: ResultsTable, *, progress: Progress | None = None) -> Reproduction:
    """Recompute every unit of a table and check every printed figure.

    Each unit's points, total, appraised and survey parts, index and band are checked by
    :func:`parindex.score`; ranks overall and within groups by the ranking of all the
    table's units together (competition or dense, as the framework declares, on unrounded
    values). See the module notes for parts above their maximum.

    A table that gives points at the leaves is scored, ranked and checked in one pass of
    the exact kernel (``score_many(batch=True)``), with the same outcome: only rows with
    a figure (a rank included) that disagrees are explained one by one; each other unit's
    :attr:`~UnitReproduction.result` is worked out when first asked for.

    :param progress: called with the number of rows done while rows are scored one by one
        (a table the kernel does not take, such as one giving points above the leaves),
        for a progress bar.
    """
    fast = _tabulated(table)
    if fast is not None:
        return fast
    return explained(table, progress=progress)


def _tabulated(table: ResultsTable) -> Reproduction | None:
    """The reproduction from one kernel pass, the rows that disagree explained alone
    (``None``: leave the table to :func:`explained`)."""
    assessments = table.assessments
    years = assessments.years if isinstance(assessments, TableRows) else \
        [a.year for a in assessments]
    if table.ranks_only or table.problems or table.missing_fields() is not None or \
            len(set(years)) != 1 or \
            (table.population is not None and table.population > len(assessments)):
        return None
    found = tabulate(table.framework, assessments)
    if found is None:
        return None
    framework = table.framework
    ties = _Ties(column(assessments, "unit"), column(assessments, "group"), found.rank,
                 found.group_rank)
    explained_rows = {}
    for i in found.explain:
        unit = _explain_row(framework, assessments[i], found.rank[i], found.of,
                            found.group_rank[i], found.group_of[i], ties, i)
        if unit is None:
            return None  # a row that cannot be scored: its ranks are not all known
        explained_rows[i] = unit
    if _follows(explained_rows.values()):
        return None
    units = tuple(
        UnitReproduction(lazy, lazy, rank=rank, of=found.of, group_rank=group_rank,
                         group_of=group_of, checked=checked, figures=figures)
        for lazy, checked, figures, rank, group_rank, group_of in zip(
            (_Explained(framework, assessments, i) for i in range(len(assessments))),
            _printed(assessments), found.figures, found.rank, found.group_rank,
            found.group_of, strict=True))
    if explained_rows:
        units = tuple(explained_rows.get(i, unit) for i, unit in enumerate(units))
    return Reproduction(table, units)


def _explain_row(framework: Framework, assessment: Assessment, rank: int, of: int,
                 group_rank: int | None, group_of: int | None, ties: _Ties,
                 i: int) -> UnitReproduction | None:
    """Row ``i`` of a table the kernel ranked, with a figure that disagrees: reproduced
    by the explainer, its printed ranks checked against the kernel's (``ties`` names the
    units tied with it in a rank's evidence), as :func:`explained` reproduces it
    (``None``: the row cannot be scored)."""
    _, result, extra, problems = _score_row(framework, assessment)
    if result is None:
        return None
    result = ranks_checked(result, rank or None, of, group_rank, group_of)
    result = attrs.evolve(result, discrepancies=tuple(
        ties.named(d, i) for d in result.discrepancies))
    discrepancies = extra + list(result.discrepancies)
    unchecked = list(result.unchecked)
    checked, more = _accounted(assessment, result, discrepancies, unchecked, problems)
    return UnitReproduction(
        assessment, result, rank=rank or None, of=of, group_rank=group_rank,
        group_of=group_of, discrepancies=tuple(_ordered(framework, discrepancies)),
        problems=tuple(problems), unchecked=tuple(unchecked + more), checked=tuple(checked))


def _follows(units: Iterable[UnitReproduction]) -> bool:
    """Whether a rank that disagrees may only follow another row's wrong total or index
    (the publisher ranked on the printed figure): :func:`_follow_printed` weighs that on
    every unit's rank key, which the explainer gives."""
    units = list(units)
    printed = [u.result is not None and _printed_key(u.result) is not None for u in units]
    return any(printed) and any(
        not p and any(d.what in ("rank", "group_rank") for d in u.discrepancies)
        for u, p in zip(units, printed, strict=True))


def _printed(assessments: Sequence[Assessment]) -> list[tuple[str, ...]]:
    """:func:`printed_figures` of every row, without building rows held by columns."""
    if not isinstance(assessments, TableRows):
        return [tuple(printed_figures(a)) for a in assessments]
    printed = [what for what in FIGURES if what in assessments.figures]
    # Which figures each row prints, as bits: a few distinct sets, one tuple each.
    bits = [0] * len(assessments)
    for bit, what in enumerate(printed):
        bits = [b | (1 << bit) if value is not None else b
                for b, value in zip(bits, column(assessments, what), strict=True)]
    shared = {b: tuple(what for bit, what in enumerate(printed) if b >> bit & 1)
              for b in set(bits)}
    return [shared[b] for b in bits]


@exact
def explained(table: ResultsTable, *, progress: Progress | None = None) -> Reproduction:
    """:func:`reproduce` with every row scored by the one-unit explainer (the path of a
    table with discrepancies; the reference the kernel pass is tested against)."""
    framework = table.framework
    if table.ranks_only:
        return _ranks_only(table)
    scored: list[tuple[Assessment, Result | None, list[Discrepancy], list[Problem]]] = []
    unreadable = {p.line for p in table.problems if p.code is not None}
    missing = table.missing_fields()
    for assessment in reported(table.assessments, progress):
        origin = assessment.origin
        if missing is not None:
            # Every row lacks the same field: said once, for the table, not per item.
            scored.append((assessment, None, [], []))
        elif isinstance(origin, TableOrigin) and origin.row in unreadable:
            # Its points are incomplete; the unreadable cells are already reported, and
            # scoring would only add "no points" for everything below them.
            scored.append((assessment, None, [], []))
        else:
            scored.append(_score_row(framework, assessment))
    results = [r for _, r, _, _ in scored if r is not None]
    problems = list(table.problems) + ([missing] if missing is not None else [])
    for _, _, _, row_problems in scored:
        problems += row_problems
    ranked: dict[int, RankedResult] = {}  # by position in ``scored``
    rank_note: str | None = None
    years = {r.assessment.year for r in results}
    rows = {a.origin.row for a in table.assessments if isinstance(a.origin, TableOrigin)}
    dropped = any(p.line is not None and p.line not in rows for p in table.problems)
    incomplete = len(results) < len(scored) or dropped
    if incomplete:
        rank_note = Sentence("rank_incomplete")
    elif len(years) > 1:
        rank_note = Sentence("rank_years", years=tuple(sorted(years)))
    if results and len(years) == 1 and not incomplete:
        try:
            positions = [i for i, (_, r, _, _) in enumerate(scored) if r is not None]
            ranked_units = _rank(results, check=rank_note is None,
                                 population=table.population)
            extract = table.population is not None and table.population > len(results)
            if rank_note is None and not extract:
                ranked_units = _follow_printed(ranked_units)
            ranked = dict(zip(positions, ranked_units, strict=True))
        except MissingInformationError as exc:
            # An unknown decides the ranks (an index no maximum gives): not checked.
            rank_note = Sentence("not_checked_why", why=listed(
                p.message for p in exc.problems[:1]))
        except ParindexError as exc:
            problems += exc.problems
            rank_note = Sentence("no_ranks", why=listed(p.message for p in exc.problems))
    ranked = _name_ties(ranked)
    by_row: dict[int | None, list[Problem]] = {}
    for problem in table.problems:
        if problem.line is not None:
            by_row.setdefault(problem.line, []).append(problem)
    units = []
    for position, (assessment, result, extra, row_problems) in enumerate(scored):
        unit = ranked.get(position)
        if unit is not None:
            result = unit.result
        unchecked = list(result.unchecked) if result is not None else []
        if rank_note and (assessment.published.rank or assessment.published.group_rank):
            unchecked = [u for u in unchecked if not u.startswith(("rank", "group_rank"))]
            unchecked += [Sentence("figure_note", what=figure(what), printed=_shown(
                              assessment, what, None), note=rank_note)
                          for what in ("rank", "group_rank")
                          if getattr(assessment.published, what) is not None]
        discrepancies = extra + (list(result.discrepancies) if result is not None else [])
        checked, more = _accounted(assessment, result, discrepancies, unchecked,
                                   row_problems or by_row.get(_row(assessment), []))
        unchecked += more
        units.append(UnitReproduction(
            assessment, result,
            # An extract's bottom block under dense ranking has no known rank (0).
            rank=(unit.rank or None) if unit else None, of=unit.of if unit else None,
            group_rank=unit.group_rank if unit else None,
            group_of=unit.group_of if unit else None,
            discrepancies=tuple(_ordered(framework, discrepancies)),
            problems=tuple(by_row.get(_row(assessment), []) + row_problems),
            unchecked=tuple(unchecked), checked=tuple(checked)))
    return Reproduction(table, tuple(units), tuple(problems))


def _ranks_only(table: ResultsTable) -> Reproduction:
    """A table of units and printed ranks only: every figure listed as not checked (no
    points to rank on); two years of such tables can still be compared."""
    units = []
    for assessment in table.assessments:
        notes: list[str] = [Sentence("un_ranks_only", what=figure(what),
                                     printed=_shown(assessment, what, None))
                            for what in printed_figures(assessment)]
        units.append(UnitReproduction(assessment, None, unchecked=tuple(notes)))
    return Reproduction(table, tuple(units), tuple(table.problems))


#: The printed figures of a row besides its points, in the order they are reported.
FIGURES: tuple[str, ...] = ("total", "appraised", "survey", "index", "band", "rank",
                            "group_rank")


def printed_figures(assessment: Assessment) -> list[str]:
    """What a row prints: its points by code, then its figures (:data:`FIGURES`)."""
    published = assessment.published
    return [*published.points, *(what for what in FIGURES
                                 if getattr(published, what) is not None)]


def _accounted(assessment: Assessment, result: Result | None,
               discrepancies: Sequence[Discrepancy], unchecked: Sequence[str],
               problems: Sequence[Problem]) -> tuple[list[str], list[str]]:
    """Every printed figure in exactly one of checked, discrepancies or unchecked: the
    figures checked, and a note for each that would otherwise be silently dropped."""
    found = {d.what for d in discrepancies}
    checked: list[str] = []
    notes: list[str] = []
    for what in printed_figures(assessment):
        printed = assessment.published.points.get(what, None)
        if what in found:
            continue
        if any(note.startswith((f"{what} ", f"{what}:")) for note in unchecked):
            continue
        if result is None:
            why = (Sentence("row_not_scored_why", why=listed(p.message for p in problems))
                   if problems else Sentence("row_not_scored"))
            notes.append(Sentence("figure_not_checked", what=figure(what),
                                  printed=_shown(assessment, what, printed), why=why))
        else:
            checked.append(what)
    return checked, notes


def _shown(assessment: Assessment, what: str, printed: Decimal | None) -> Decimal | str:
    value = printed if printed is not None else getattr(assessment.published, what, None)
    return value if isinstance(value, Decimal) else str(value)


def _rank(results: list[Result], *, check: bool,
          population: int | None = None) -> list[RankedResult]:
    """Ranks as :func:`parindex.score_many` gives them, on the results already scored.

    A unit whose printed index an admissible arising maximum explains (a table that
    cannot say which items did not arise) is ranked on its printed index, as the
    publisher ranked it. A table that is an extract (``population`` units ranked, more
    than it holds) is ranked as one (:func:`_rank_extract`).
    """
    implied = {i: Fraction(r.assessment.published.index)  # type: ignore[arg-type]
               for i, r in enumerate(results) if _index_implied(r)}
    ranking = [attrs.evolve(r, index=implied[i]) if i in implied else r
               for i, r in enumerate(results)]
    if population is not None and population > len(results):
        units = _rank_extract(ranking, population, check=check)
    else:
        ranks = rank_results(ranking)
        groups: dict[str | None, int] = {}
        for result in ranking:
            key = group_key(result.group) or None
            groups[key] = groups.get(key, 0) + 1
        units = [RankedResult(result, rank, len(ranking), group_rank,
                              groups[group_key(result.group)] if result.group else None)
                 for result, (rank, group_rank) in zip(ranking, ranks, strict=True)]
        if check:
            units = reconcile_ranks(units, ranking)
    return [attrs.evolve(u, result=attrs.evolve(u.result, index=results[i].index))
            if i in implied else u for i, u in enumerate(units)]


def _index_implied(result: Result) -> bool:
    """Whether a printed index differs from the computed one but an admissible arising
    maximum explains it (listed as not checked by :func:`_arising_unknown`)."""
    printed = result.assessment.published.index
    return (printed is not None and result.index is not None
            and not agrees(printed, result.index, result.framework.publication, "index")
            and not any(d.what == "index" for d in result.discrepancies)
            and any(u.startswith("index ") for u in result.unchecked))


def _rank_extract(results: list[Result], population: int, *,
                  check: bool) -> list[RankedResult]:
    """Ranks of a top-N and/or bottom-M extract of ``population`` units.

    A unit printed within the first n places (n the number of units in the table) is of
    the top block: every unit above it is in the table, so its rank is 1 + the units of
    the table above it. A unit printed within the last n places is of the bottom block:
    every unit below it is in the table, so its rank is ``population`` − the other
    units of the table at or below it (competition ranking; under dense ranking the
    bottom block's ranks cannot be known). Any other unit (a single unit quoted with its
    rank, "xếp thứ 7/10") can only be checked to lie between those two bounds. Ranks
    within groups need every unit of the group and are not checked.
    """
    framework = results[0].framework
    size = len(results)
    keys = [rank_key(r, _basis(r)) for r in results]  # type: ignore[arg-type]
    dense = framework.ranking is not RankingMethod.COMPETITION
    units = []
    for i, result in enumerate(results):
        published = result.assessment.published
        printed = published.rank
        above = [k for k in keys if k > keys[i]]
        lowest = 1 + (len(set(above)) if dense else len(above))
        at_or_below = sum(1 for j, k in enumerate(keys) if j != i and k <= keys[i])
        highest = None if dense else population - at_or_below
        rank: int | None = None
        how = Sentence(VERBATIM, text="")
        if printed is None or printed.position <= size:
            rank = lowest
            how = Sentence("extract_top", above=len(above), population=population)
        elif printed.position > population - size:
            rank = highest
            how = Sentence("extract_bottom", below=at_or_below, population=population)
        found: list[Discrepancy] = []
        notes = [u for u in result.unchecked if not u.startswith(("rank", "group_rank"))]
        if check and printed is not None:
            value = rank_evidence_value(result)
            computed = f"{rank}/{population}" if rank else f"?/{population}"
            if printed.of is not None and printed.of != population:
                found.append(Discrepancy(
                    "rank", str(printed), computed,
                    Sentence("printed_among", of=printed.of, population=population)))
            elif rank is not None and printed.position != rank:
                found.append(Discrepancy("rank", str(printed), computed, Sentence(
                    "extract_ranks", value=value, rank=rank, population=population, how=how)))
            elif rank is None and highest is not None and not \
                    lowest <= printed.position <= highest:
                found.append(Discrepancy(
                    "rank", str(printed), f"{lowest}–{highest}/{population}",
                    Sentence("extract_between", value=value, above=len(above),
                             below=at_or_below, population=population, lowest=lowest,
                             highest=highest)))
            elif rank is None:
                bounds = (Sentence("between", lowest=lowest, highest=highest)
                          if highest is not None else Sentence("at_least", lowest=lowest))
                notes.append(Sentence("extract_unchecked", printed=str(printed),
                                      population=population, bounds=bounds))
        if check and published.group_rank is not None:
            notes.append(Sentence("extract_group", printed=str(published.group_rank),
                                  population=population))
        result = attrs.evolve(result, discrepancies=result.discrepancies + tuple(found),
                              unchecked=tuple(notes))
        units.append(RankedResult(result, rank if rank is not None else 0, population,
                                  None, None))
    return units


def rank_evidence_value(result: Result) -> Decimal:
    """The value a unit is ranked on, as shown in evidence."""
    basis = _basis(result)
    value: Decimal | Fraction | None = (
        result.index if basis == "index" else result.appraised if basis == "appraised"
        else result.total)
    return value if isinstance(value, Decimal) else Decimal(result.display(value))


def _row(assessment: Assessment) -> int | None:
    origin = assessment.origin
    return origin.row if isinstance(origin, TableOrigin) else None


def _name_ties(ranked: dict[int, RankedResult]) -> dict[int, RankedResult]:
    """Rank evidence that names the units a unit is tied with (a tie ranked apart)."""
    units = list(ranked.values())
    ties = _Ties([u.result.unit for u in units], [u.result.group for u in units],
                 [u.rank for u in units], [u.group_rank for u in units])
    return {position: attrs.evolve(unit, result=attrs.evolve(unit.result, discrepancies=tuple(
                ties.named(d, k) for d in unit.result.discrepancies)))
            for k, (position, unit) in enumerate(ranked.items())}


class _Ties:
    """The units ranked together, by computed rank overall and within each group: a rank
    discrepancy's evidence names the units tied with the unit (a tie ranked apart)."""

    def __init__(self, names: Sequence[str], groups: Sequence[str | None],
                 ranks: Sequence[int], group_ranks: Sequence[int | None]) -> None:
        self.names, self.groups = names, groups
        self.ranks, self.group_ranks = ranks, group_ranks
        self._at: dict[tuple[object, ...], list[int]] | None = None

    def _key(self, what: str, i: int) -> tuple[object, ...]:
        return (self.ranks[i],) if what == "rank" else (self.groups[i], self.group_ranks[i])

    def named(self, d: Discrepancy, i: int) -> Discrepancy:
        """``d`` of unit ``i``, a rank's evidence naming the units tied with it."""
        if d.what not in ("rank", "group_rank"):
            return d
        if self._at is None:  # made once, when a rank first disagrees
            self._at = {}
            for j in range(len(self.names)):
                for what in ("rank", "group_rank"):
                    self._at.setdefault((what, *self._key(what, j)), []).append(j)
        tied = [self.names[j] for j in self._at[(d.what, *self._key(d.what, i))] if j != i]
        if not tied:
            return d
        return attrs.evolve(d, evidence=d.evidence + Sentence("tied_with", units=tuple(tied)))


def _basis(result: Result) -> str:
    basis = result.assessment.published.rank_basis
    if basis:
        return basis
    return "index" if result.framework.rank_by is RankBasis.INDEX else "total"


def _printed_key(result: Result) -> Fraction | None:
    """The value a unit was ranked on as the table prints it, where it differs from the
    computed one (``None``: printed as computed, or not printed)."""
    published = result.assessment.published
    publication = result.framework.publication
    basis = _basis(result)
    if basis == "index":
        # The printed total gives the exact index the publisher ranked on; a printed index
        # is rounded, so it is only used when the total is printed as computed.
        if published.total is not None and not agrees(published.total, result.total,
                                                      publication, "total") \
                and result.arising_max > 0:
            return Fraction(published.total) / Fraction(result.arising_max) * 100
        if published.index is not None and result.index is not None \
                and not agrees(published.index, result.index, publication, "index"):
            return Fraction(published.index)
        return None
    printed = published.total if basis == "total" else published.appraised
    computed = result.total if basis == "total" else result.appraised
    if printed is not None and not agrees(printed, computed, publication, basis):
        return Fraction(printed)
    if basis == "total" and printed is None and published.index is not None \
            and result.index is not None and result.arising_max > 0 \
            and not agrees(published.index, result.index, publication, "index"):
        # No total printed: the printed index says what total the publisher ranked on.
        return Fraction(published.index) * Fraction(result.arising_max) / 100
    return None


def _follow_printed(units: list[RankedResult]) -> list[RankedResult]:
    """Rank discrepancies that only follow another row's wrong figure, withdrawn.

    When a row prints a total (or index) that differs from its computed one, the
    publisher ranked every unit on the printed figure. A unit whose printed rank is
    exactly what the printed figures give is not itself wrong: the error is the other
    row's, reported there. Its rank is then listed as not checked, with why.
    """
    results = [u.result for u in units]
    printed = [_printed_key(r) for r in results]
    if all(p is None for p in printed):
        return units
    try:
        keys = [rank_key(r, _basis(r)) for r in results]  # type: ignore[arg-type]
    except ParindexError:
        return units
    keys = [(p, *k[1:]) if p is not None else k for k, p in zip(keys, printed, strict=True)]
    following = ranks_on(keys, [r.group for r in results], ranker(results[0].framework))
    suspects = [u.result.unit for u, p in zip(units, printed, strict=True) if p is not None]
    fixed = []
    for i, unit in enumerate(units):
        if printed[i] is not None:
            fixed.append(unit)
            continue
        published = unit.result.assessment.published
        kept, notes = [], list(unit.result.unchecked)
        for d in unit.result.discrepancies:
            printed_rank = published.rank if d.what == "rank" else published.group_rank \
                if d.what == "group_rank" else None
            overall, in_group = following[i]
            follows = overall if d.what == "rank" else in_group
            if printed_rank is not None and printed_rank.position == follows:
                notes.append(Sentence("follows_printed", what=figure(d.what),
                                      printed=str(printed_rank), units=tuple(suspects),
                                      computed=d.computed))
            else:
                kept.append(d)
        result = attrs.evolve(unit.result, discrepancies=tuple(kept), unchecked=tuple(notes))
        fixed.append(attrs.evolve(unit, result=result))
    return fixed


def _score_row(framework: Framework, assessment: Assessment,
               ) -> tuple[Assessment, Result | None, list[Discrepancy], list[Problem]]:
    """Score one row; parts outside [0, max] are reported and counted as printed."""
    outside: dict[str, tuple[Decimal, Decimal]] = {}
    points = dict(assessment.points)
    for code, value in assessment.points.items():
        node = framework.nodes.get(code)
        if node is None or not isinstance(value, Decimal):
            continue
        if value < 0:
            outside[code] = (value, Decimal(0))
        elif node.max is not None and value > node.max:
            outside[code] = (value, node.max)
    for code, (_, bound) in outside.items():
        points[code] = bound
    band_note = None
    try:
        result = score(framework, attrs.evolve(assessment, points=points))
    except MissingInformationError as exc:
        # Perhaps only the band is undecided (an index or threshold no source gives):
        # the other figures are still checked, the band listed as not checked.
        try:
            result = score(attrs.evolve(framework, bands=()),
                           attrs.evolve(assessment, points=points))
        except ParindexError:
            return assessment, None, [], list(exc.problems)
        band_note = Sentence("not_checked_why", why=exc.problems[0].message)
    except ParindexError as exc:
        return assessment, None, [], list(exc.problems)
    if band_note is not None:
        notes = [u for u in result.unchecked if not u.startswith("band ")]
        if assessment.published.band is not None:
            notes.append(Sentence("figure_note", what=figure("band"),
                                  printed=assessment.published.band, note=band_note))
        result = attrs.evolve(result, unchecked=tuple(notes))
    extra = []
    for code, (printed, bound) in outside.items():
        node = framework.nodes[code]
        where = (Sentence("above_max", max=bound) if printed > bound
                 else Sentence("below_zero"))
        extra.append(Discrepancy(
            code, plain(printed), f"≤ {plain(bound)}" if printed > bound else "≥ 0",
            Sentence("outside_range", printed=printed, where=where, code=code,
                     name=node.name)))
    if outside:
        result = _as_printed(result, assessment, outside)
    extra += _item_contradictions(result)
    return assessment, _arising_unknown(result), extra, []


def _excludable(result: Result) -> Decimal:
    """How much of the arising maximum a table cannot vouch for: the maxima of the items
    below nodes given points (fields, say) that could have not arisen (``exclude``)."""
    framework = result.framework
    total = Decimal(0)
    for code, node in result.nodes.items():
        parent = framework.parents[code]
        if not node.given or (parent is not None and result.nodes[parent].given):
            continue  # counted at the highest node given points
        for item in framework.nodes[code].walk():
            if item.is_leaf and item is not framework.nodes[code] and item.max is not None \
                    and item.kind in (NodeKind.CRITERION, NodeKind.SURVEY) \
                    and framework.not_arising_policy(item.code) is NotArisingPolicy.EXCLUDE:
                total += item.max
    return total


def _arising_unknown(result: Result) -> Result:
    """A printed index (or a band on the index) that some arising maximum the table
    allows explains is not a discrepancy: a table that gives points above the items
    cannot say which items did not arise (điểm phát sinh). Such figures are listed as
    unchecked, with the arising maximum a printed index implies; figures that no
    admissible arising maximum explains stay discrepancies, and a printed band must
    still be the band of the printed index.
    """
    if not any(d.what in ("index", "band") for d in result.discrepancies):
        return result  # what is printed agrees with the arising maximum computed
    printed = result.assessment.published.index
    excludable = _excludable(result)
    low_max = result.arising_max - excludable
    if not excludable or low_max <= 0 or result.total <= 0:
        return result
    # The index falls as the arising maximum grows: these bound every admissible index.
    lowest = Fraction(result.total) / Fraction(result.arising_max) * 100
    highest = Fraction(result.total) / Fraction(low_max) * 100
    notes = []
    if printed is not None:
        publication = result.framework.publication
        low, high = rounded_from(printed, publication.places("index"), publication.rounding)
        if not (high > lowest and low <= highest):
            return result  # no admissible arising maximum gives it: a real discrepancy
        implied = Fraction(result.total) * 100 / Fraction(printed)
        notes.append(Sentence(
            "index_implies", printed=printed, implied=Decimal(result.display(implied)),
            framework=result.framework.id, low=low_max, high=result.arising_max,
            computed=Decimal(result.display(lowest))))
        # The band is then checked on the printed index (as far as its rounding allows).
        lowest = max(lowest, low)
        highest = min(highest, high)
    kept = []
    for d in result.discrepancies:
        if d.what == "index" and printed is not None:
            continue
        if d.what == "band" and result.framework.band_basis is BandBasis.INDEX and \
                _band_admissible(result, d.published, lowest, highest):
            notes.append(Sentence("band_admissible", band=d.published,
                                  lowest=Decimal(result.display(lowest)),
                                  highest=Decimal(result.display(highest))))
            continue
        kept.append(d)
    if not notes:
        return result
    return attrs.evolve(result, discrepancies=tuple(kept),
                        unchecked=(*result.unchecked, *notes))


def _band_admissible(result: Result, name: str, lowest: Fraction, highest: Fraction) -> bool:
    """Whether the printed band's range meets the admissible indices."""
    bands = result.framework.bands
    for position, band in enumerate(bands):
        if nfc(band.name).casefold() != nfc(name).casefold() or band.min is None:
            continue
        upper = bands[position - 1].min if position > 0 else None
        return highest >= Fraction(band.min) and (upper is None or lowest < Fraction(upper))
    return False


def _as_printed(result: Result, assessment: Assessment,
                outside: dict[str, tuple[Decimal, Decimal]]) -> Result:
    """The result with parts outside their range counted as printed (the publisher's
    arithmetic), so the unit's total, index, band and rank are checked as printed."""
    framework = result.framework
    nodes = dict(result.nodes)
    parts = {"appraised": result.appraised, "survey": result.survey, "bonus": result.bonus,
             "penalty": result.penalty}
    field_of = {NodeKind.CRITERION: "appraised", NodeKind.SURVEY: "survey",
                NodeKind.BONUS: "bonus", NodeKind.PENALTY: "penalty"}
    for code, (printed, bound) in outside.items():
        excess = printed - bound
        current: str | None = code
        while current is not None:
            node = nodes[current]
            if node.points is None:
                break
            nodes[current] = attrs.evolve(node, points=node.points + excess)
            parent = framework.parents[current]
            if parent is None:
                parts[field_of[node.kind]] += excess
            elif nodes[parent].given:
                break  # the parent's points were given: its items do not add up into it
            current = parent
    result = attrs.evolve(result, nodes=nodes, assessment=assessment,
                          appraised=parts["appraised"], survey=parts["survey"],
                          bonus=parts["bonus"], penalty=parts["penalty"])
    index = result.index
    if index is not None and result.arising_max > 0:
        index = Fraction(result.total) / Fraction(result.arising_max) * 100
    band = result.band
    if band is not None:
        value = index if framework.band_basis is BandBasis.INDEX else Fraction(result.total)
        if value is not None:
            band = classify(framework, value)
    result = attrs.evolve(result, index=index, band=band)
    discrepancies, unchecked = reconcile(result)
    return attrs.evolve(result, discrepancies=tuple(discrepancies), unchecked=tuple(unchecked))


def _item_contradictions(result: Result) -> list[Discrepancy]:
    """Points given for a node that its items, also given, contradict (the scorer's
    ``items`` findings, beyond what the node's non-itemised part explains)."""
    found = []
    framework = result.framework
    for finding in result.findings:
        if finding.kind != "items":
            continue
        node = result.nodes[finding.code]
        children = [result.nodes[c.code] for c in framework.nodes[finding.code].children]
        if node.points is None or any(c.points is None for c in children):
            continue
        items = sum((c.points for c in children if c.points is not None), Decimal(0))
        uncovered = uncovered_max(framework.nodes[finding.code]) or Decimal(0)
        if items <= node.points <= items + uncovered:
            continue
        terms = Terms(c.code for c in children if not (c.not_arising and c.arising_max == 0))
        why = Sentence("items_sum", terms=terms, points=items)
        if uncovered:
            why += Sentence("items_sum_uncovered", uncovered=uncovered)
        found.append(Discrepancy(finding.code, plain(node.points), plain(items),
                                 why + Sentence("ev_printed", printed=node.points)))
    return found


def _ordered(framework: Framework, discrepancies: Sequence[Discrepancy]) -> list[Discrepancy]:
    order = {code: i for i, code in enumerate(framework.nodes)}
    figures = ["total", "appraised", "survey", "bonus", "index", "band", "rank", "group_rank"]
    order.update({what: len(order) + i for i, what in enumerate(figures)})
    return sorted(discrepancies, key=lambda d: order.get(d.what, len(order)))


# --- as data ----------------------------------------------------------------------------------

def _text(value: Decimal | None) -> str | None:
    return None if value is None else plain(value)


def unit_to_dict(unit: UnitReproduction) -> dict[str, Any]:
    """One unit of ``parindex reproduce --json``: decimals as exact strings; ``index`` is
    rounded to the framework's decimals, ``index_exact`` the fraction it was ranked on."""
    return _unit_dict(unit, None, 0)


#: The figures of a unit :func:`unit_to_dict` writes, in order, besides ``published``.
_COMPUTED = ("total", "appraised", "survey", "index", "index_exact", "band")
_PRINTED = ("total", "appraised", "survey", "index", "rank", "group_rank", "band")


class _JsonColumns:
    """What :func:`unit_to_dict` writes of every unit of a table held by columns, as
    text, each column at once: the kernel's figures and the table's printed ones.
    Building each row's Assessment (its points, origin and printed figures) to read
    them took half the time of ``reproduce --json`` on a large table."""

    def __init__(self, rows: TableRows, computed: Mapping[str, list[str | None]]) -> None:
        self.rows = rows
        self.file = str(rows.path) if rows.path is not None else None
        self.computed = computed
        self.printed: dict[str, list[str | None]] = {}
        for what in _PRINTED:
            values = column(rows, what)
            if what == "band":  # as Published reads it
                names = {v: nfc(v) for v in set(values) if v is not None}
                self.printed[what] = [None if v is None else names[v] for v in values]
            elif what in ("rank", "group_rank"):
                self.printed[what] = [str(v) if v else None for v in values]
            else:
                self.printed[what] = [_text(v) for v in values]


def _unit_dict(unit: UnitReproduction, columns: _JsonColumns | None, i: int,
               ) -> dict[str, Any]:
    """:func:`unit_to_dict`; of a unit the kernel reproduced, row ``i`` of ``columns``
    when given."""
    computed: dict[str, str | None]
    printed: dict[str, str | None]
    file: str | None
    number: int | None
    if columns is not None:
        rows = columns.rows
        number, name, group = rows.numbers[i], rows.units[i], rows.groups[i]
        file, year = columns.file, rows.years[i]
        computed = {what: columns.computed[what][i] for what in _COMPUTED}
        printed = {what: columns.printed[what][i] for what in _PRINTED}
    else:
        number, name, group = unit.row, unit.unit, unit.group
        assessment = unit.assessment
        origin = assessment.origin
        file = str(origin.path) if origin is not None and origin.path is not None else None
        year = assessment.year
        index, band = unit.index, unit.band
        computed = {
            "total": _text(unit.total), "appraised": _text(unit.appraised),
            "survey": _text(unit.survey), "index": unit.index_shown,
            "index_exact": f"{index.numerator}/{index.denominator}" if index is not None
            else None,
            "band": band.name if band else None}
        published = assessment.published
        printed = {
            "total": _text(published.total), "appraised": _text(published.appraised),
            "survey": _text(published.survey), "index": _text(published.index),
            "rank": str(published.rank) if published.rank else None,
            "group_rank": str(published.group_rank) if published.group_rank else None,
            "band": published.band}
    return {
        "row": number,
        "file": file,
        "unit": name,
        "group": group,
        "year": year,
        **computed,
        "rank": unit.rank,
        "of": unit.of,
        "group_rank": unit.group_rank,
        "group_of": unit.group_of,
        "published": printed,
        "discrepancies": [{"what": d.what, "published": d.published, "computed": d.computed,
                           "evidence": d.evidence} for d in unit.discrepancies],
        "problems": [problem_to_dict(p) for p in unit.problems],
        "unchecked": list(unit.unchecked),
        "checked": list(unit.checked),
    }


def _units_to_dicts(units: Sequence[UnitReproduction]) -> list[dict[str, Any]]:
    """:func:`unit_to_dict` of every unit; those the kernel reproduced (a table held by
    columns) written from the columns, without building their rows."""
    columns: _JsonColumns | None = None
    found = []
    for unit in units:
        held, figures = unit._held(), unit._figures
        if held is None or figures is None:
            found.append(_unit_dict(unit, None, 0))
            continue
        if columns is None or columns.rows is not held[0]:
            columns = _JsonColumns(held[0], figures.texts())
        found.append(_unit_dict(unit, columns, held[1]))
    return found


def reproduction_to_dict(reproduction: Reproduction) -> dict[str, Any]:
    """Everything ``parindex reproduce --json`` prints."""
    table = reproduction.table
    units = _units_to_dicts(reproduction.units)
    return {
        "framework": reproduction.framework.id,
        "table": str(table.path) if table.path else None,
        "totals_only": table.summary,
        "units": units,
        "problems": [problem_to_dict(p) for p in reproduction.problems],
        "ignored_columns": list(table.ignored),
        "skipped_rows": [{"row": row, "why": why} for row, why in table.skipped],
        "summary": {
            "units": len(units),
            "scored": sum(1 for u in reproduction.units if u.scored),
            "with_discrepancies": sum(1 for u in reproduction.units if u.discrepancies),
            "discrepancies": len(reproduction.discrepancies),
            "problems": len(reproduction.problems),
        },
    }
