"""Ranking many scored units, overall and within groups, on unrounded values."""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable, Iterator, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any, Literal, Protocol, TypeVar, overload

import attrs

from .._base.errors import (
    ArgumentError,
    AssessmentError,
    FrameworkError,
    MissingInformationError,
    ParindexError,
    Problem,
)
from .._base.i18n import Sentence, figure
from .._base.model import Assessment, Framework, RankBasis, RankingMethod
from .._base.names import duplicate_units, find_unit, group_key, unit_twice
from .._base.numbers import exact
from .progress import Progress, reported
from .results import Discrepancy, Result
from .scoring import decided_on, score, unbound

if TYPE_CHECKING:
    from .batch import BatchResult


class _Comparable(Protocol):
    def __lt__(self, other: Any, /) -> bool: ...


K = TypeVar("K", bound=_Comparable)




@attrs.frozen
class Ranker:
    """A ranking method: what a plugin registers with ``parindex_ranking_methods``.

    :param name: the name frameworks use in ``ranking = "..."``.
    :param summary: one line for documentation and messages.
    :param ranks: ``ranks(keys)`` gives the rank of each key, best first (rank 1 for the
        highest key). Keys are tuples of exact fractions (the ranking basis, then the
        tie-break codes' points) and compare with ``<`` and ``==``. A higher key must
        never get a worse rank; :func:`rank_values` checks this.
    """

    name: str
    summary: str
    ranks: Callable[[Sequence[Any]], list[int]]


def rank_values(keys: Sequence[K],
                method: RankingMethod | str | Ranker = RankingMethod.COMPETITION) -> list[int]:
    """Ranks of keys, highest key first; equal keys share a rank.

    :param method: a built-in :class:`RankingMethod` or its name, or a :class:`Ranker` (as
        a plugin registers it: ``parindex.registry().ranking_methods[name]``).
    :raises FrameworkError: no built-in ranking method has this name, or a plugin's method
        ranks a higher key below a lower one.
    :raises ArgumentError: (a ``ValueError``) two keys do not compare (a number and a
        text), naming them; or a key is not a number (NaN, alone or in a tie-break tuple).

    >>> rank_values([90, 80, 80, 70])
    [1, 2, 2, 4]
    >>> rank_values([90, 80, 80, 70], RankingMethod.DENSE)
    [1, 2, 2, 3]
    """
    if isinstance(method, str):
        method = _builtin_method(method)
    for key in keys:
        if _not_a_number(key):
            raise ArgumentError(Problem(Sentence("n_not_finite", value=repr(key)), key="keys"))
    try:
        if isinstance(method, RankingMethod):
            return _standard_ranks(keys, method)
        # Sorted first: a plugin's method never sees keys that do not compare.
        order = sorted(range(len(keys)), key=keys.__getitem__, reverse=True)
    except TypeError:
        first, second = _incomparable(keys)
        raise ArgumentError(Problem(Sentence("mt_incomparable", first=repr(first),
                                             second=repr(second)), key="keys")) from None
    ranker = method
    ranks = list(ranker.ranks(keys))
    if len(ranks) != len(keys) or any(not isinstance(r, int) or r < 1 for r in ranks) or any(
            keys[b] < keys[a] and ranks[b] < ranks[a] for a, b in zip(order, order[1:], strict=False)):
        raise FrameworkError(Problem(Sentence("mt_misranks", name=repr(ranker.name),
                                              ranks=str(ranks[:10])), key="ranking"))
    return ranks


def _not_a_number(key: object) -> bool:
    """NaN, alone or in a tie-break tuple: it is neither above nor below any key, so a
    sort would put it anywhere (``[nan, 1]`` was ranked ``[2, 1]``)."""
    if isinstance(key, tuple):
        return any(map(_not_a_number, key))
    return key != key  # only NaN differs from itself


def _incomparable(keys: Sequence[Any]) -> tuple[Any, Any]:
    """Two keys that do not compare with ``<``, which a sort that met them names only by
    their types: found by sorting again, each comparison watched."""
    met: list[tuple[Any, Any]] = []

    class Watched:
        __slots__ = ("key",)

        def __init__(self, key: Any) -> None:
            self.key = key

        def __lt__(self, other: Watched) -> bool:
            try:
                return bool(self.key < other.key)
            except TypeError:
                met.append((self.key, other.key))
                raise

    try:
        sorted(map(Watched, keys))
    except TypeError:
        pass
    return met[0] if met else (keys[0], keys[-1])


def _builtin_method(name: str) -> RankingMethod:
    try:
        return RankingMethod(name)
    except ValueError:
        builtin = [m.value for m in RankingMethod]
        close = difflib.get_close_matches(name, builtin, n=1, cutoff=0.6)
        hint = Sentence("e_did_you_mean", close=repr(close[0])) if close else "."
        raise FrameworkError(Problem(Sentence("mt_not_builtin", name=repr(name), hint=hint,
                                              builtin=tuple(builtin)), key="ranking")) from None


def ranker(framework: Framework) -> RankingMethod | Ranker:
    """The ranking method a framework names: built in, or the plugin's :class:`Ranker` it
    was bound to when it was built (the engine never looks names up in a registry).

    :raises FrameworkError: no ranking method of this name was registered when it was built.
    """
    if isinstance(framework.ranking, RankingMethod):
        return framework.ranking
    found = framework.methods.rankers.get(framework.ranking)
    if not isinstance(found, Ranker):
        raise FrameworkError(Problem(unbound("mt_ranking_method", framework.ranking, framework,
                                             "parindex_ranking_methods"), key="ranking"))
    return found


def _standard_ranks(keys: Sequence[K], method: RankingMethod) -> list[int]:
    """The engine's one ranking (which the batch kernel uses), on the keys' codes."""
    return [rank for rank, _ in ranks_on(keys, [None] * len(keys), method)]


#: The built-in ranking methods, registered by :mod:`parindex._plugins.builtins`.
COMPETITION = Ranker("competition", "Standard competition ranking, 1, 2, 2, 4 (Excel RANK).",
                     lambda keys: _standard_ranks(keys, RankingMethod.COMPETITION))
DENSE = Ranker("dense", "Dense ranking, 1, 2, 2, 3.",
               lambda keys: _standard_ranks(keys, RankingMethod.DENSE))


RankOn = Literal["total", "appraised", "index"]


def rank_key(result: Result, on: RankOn | None = None) -> tuple[Fraction, ...]:
    """What a unit is ranked on: the framework's basis, then its tie-break codes.

    :raises MissingInformationError: the unit has no index (nothing arose, or maxima are
        unknown) or no points for a tie-break code; it cannot be placed without a guess.
    """
    framework = result.framework
    on = on or ("index" if framework.rank_by is RankBasis.INDEX else "total")
    if on == "index":
        if result.index is None:
            raise MissingInformationError(Problem(Sentence("m_no_index_rank_unknown",
                                                           unit=result.unit)))
        primary = result.index
    else:
        primary = Fraction(result.total if on == "total" else result.appraised)
    primary = decided_on(framework, primary, on)
    ties = []
    for code in framework.tie_break:
        points = result.nodes[code].points
        if points is None:
            raise MissingInformationError(Problem(Sentence(
                "m_no_tie_points", unit=result.unit, code=code, framework=framework.id)))
        ties.append(Fraction(points))
    return (primary, *ties)


@attrs.frozen
class RankedResult:
    """A scored unit with its ranks.

    :param rank: rank among all units scored together.
    :param group_rank: rank within its group (``None`` without a group).
    """

    result: Result
    rank: int
    of: int
    group_rank: int | None
    group_of: int | None


@attrs.frozen
class Ranking:
    """Units of one framework and year, scored, ranked and banded together."""

    framework: Framework
    units: tuple[RankedResult, ...]

    def __iter__(self) -> Iterator[RankedResult]:
        return iter(self.units)

    def __len__(self) -> int:
        return len(self.units)

    def unit(self, name: str, group: str | None = None) -> RankedResult:
        """The ranked result of a unit, by name as people type it (see
        :func:`~parindex.find_unit`: case, prefix, NFC/NFD and tone placement do not count).

        :param group: the unit's group, needed when two groups have a unit of that name
            (commune names repeat across districts).
        :raises UnitNotFoundError: (a ``KeyError``) no such unit, or the name is ambiguous
            without ``group`` (listing the candidates).
        """
        return self.units[find_unit(name, [(u.result.unit, u.result.group)
                                           for u in self.units], group)]


def rank_results(results: Sequence[Result], on: RankOn | None = None) -> list[tuple[int, int | None]]:
    """Overall and group ranks of scored results, by the framework's method."""
    if not results:
        return []
    return ranks_on([rank_key(r, on) for r in results], [r.group for r in results],
                    ranker(results[0].framework))


def ranks_on(keys: Sequence[K], groups: Sequence[str | None],
             method: RankingMethod | Ranker) -> list[tuple[int, int | None]]:
    """Overall and group ranks of units with these keys (higher first) and groups (compared
    by name key: case, NFC, tone placement; no group, no group rank)."""
    if isinstance(method, RankingMethod):  # the engine's one ranking, as the kernel's
        # Imported here: numpy loads when units are ranked, not with the one-unit scorer.
        from .ordering import dense_codes, fold_groups, ranks

        codes, _ = fold_groups(groups, len(keys))
        by_key, within, _ = ranks([dense_codes(keys)], codes, method)
        return [(rank, group_rank if code >= 0 else None) for rank, group_rank, code
                in zip(by_key.tolist(), within.tolist(), codes.tolist(), strict=True)]
    overall = rank_values(keys, method)
    group_ranks: list[int | None] = [None] * len(keys)
    members: dict[str, list[int]] = {}
    for i, group in enumerate(groups):
        if group:  # compared by name key (case, NFC, tone placement); no group, no rank
            members.setdefault(group_key(group), []).append(i)
    for indices in members.values():
        for i, rank in zip(indices, rank_values([keys[i] for i in indices], method),
                           strict=True):
            group_ranks[i] = rank
    return list(zip(overall, group_ranks, strict=True))


@overload
def score_many(framework: Framework, assessments: Iterable[Assessment], *,
               batch: Literal[False] = False,
               progress: Progress | None = None) -> Ranking: ...


@overload
def score_many(framework: Framework, assessments: Iterable[Assessment], *,
               batch: Literal[True],
               progress: Progress | None = None) -> BatchResult: ...


@exact
def score_many(framework: Framework, assessments: Iterable[Assessment], *,
               batch: bool = False, progress: Progress | None = None
               ) -> Ranking | BatchResult:
    """Score, rank and band many assessments of one framework and year: the one way to
    score many units.

    Ranks are competition ranks (1, 2, 2, 4) unless the framework declares dense ones;
    ties are broken only by the framework's ``tie_break`` codes.

    By default every unit is explained: a :class:`~parindex.Ranking` of full results (each
    node, findings, explanations), with published figures reconciled, ranks included (one
    assessment alone cannot check them). Milliseconds a unit.

    :param batch: ``True``: the same totals, arising maxima, indices, bands and ranks for
        thousands of units at once, as a :class:`~parindex.BatchResult` of exact scaled
        integers (:func:`~parindex.to_matrix` then :func:`~parindex.score_matrix`; see
        :ref:`batch-scoring`). It takes points at the leaves only, needs every maximum,
        the built-in ranking and band methods and bands decided on exact values, and does
        not reconcile published figures.
    :param progress: called now and then with the number of units scored so far, and
        with their count at the end (for a progress bar; the kernel's one pass reports
        only the end).
    :raises AssessmentError: on the first assessment that does not score, or when two
        assessments name the same unit, or years differ (with ``batch``: every problem,
        up to :data:`~parindex._engine.batch.MAX_PROBLEMS`).
    :raises MissingInformationError: a result depends on a number no source gives.
    :raises FrameworkError: with ``batch``, a framework the kernel does not take.
    """
    if batch:
        from .batch import score_matrix, to_matrix  # numpy loads here, not before

        scored = score_matrix(framework, to_matrix(framework, assessments))
        if progress is not None:
            progress(len(scored))
        return scored
    results = [score(framework, assessment) for assessment in reported(assessments, progress)]
    _check_batch(results)
    ranks = rank_results(results)
    groups: dict[str | None, int] = {}
    for result in results:
        key = group_key(result.group) or None
        groups[key] = groups.get(key, 0) + 1
    units = []
    for result, (rank, group_rank) in zip(results, ranks, strict=True):
        group_of = groups[group_key(result.group)] if result.group else None
        units.append(RankedResult(result, rank, len(results), group_rank, group_of))
    return Ranking(framework, tuple(reconcile_ranks(units, results)))


def score_table(framework: Framework, assessments: Sequence[Assessment], *,
                progress: Progress | None = None) -> Ranking | BatchResult:
    """Many units ranked the fastest exact way that takes them, for the commands that read
    a table: the kernel's :class:`~parindex.BatchResult` (:func:`score_many` with
    ``batch=True``) when it takes the units, else :func:`score_many`'s
    :class:`~parindex.Ranking` (points above the leaves, rules, a plugin's methods; one
    unit alone), which also reports any problem as it always has.

    :param progress: as for :func:`score_many`.
    """
    if len(assessments) > 1:
        try:
            return score_many(framework, assessments, batch=True, progress=progress)
        except ParindexError:
            pass  # explained unit by unit below, problems worded there
    return score_many(framework, assessments, progress=progress)


def _check_batch(results: Sequence[Result]) -> None:
    problems = []
    years = {r.assessment.year for r in results}
    if len(years) > 1:
        problems.append(Problem(Sentence("e_years_together", years=sorted(years))))
    for _, again in duplicate_units([(r.unit, r.group) for r in results]):
        result = results[again]
        origin = result.assessment.origin
        # Where the second one was read (its file and the line or row of its name), then
        # the message alone: "unit" is no table's column, and "unit:" was English under vi.
        problems.append(Problem(unit_twice(result.unit, result.group),
                                path=origin.path if origin else None,
                                line=origin.line("unit") if origin else None))
    if problems:
        raise AssessmentError(problems)


def reconcile_ranks(units: list[RankedResult], results: list[Result]) -> list[RankedResult]:
    """Check published ranks against ranks computed on the published basis."""
    by_basis: dict[str, list[tuple[int, int | None]]] = {}
    reconciled = []
    for i, unit in enumerate(units):
        published = unit.result.assessment.published
        rank = group_rank = None
        if published.rank is not None or published.group_rank is not None:
            key = published.rank_basis or "framework"
            if key not in by_basis:
                by_basis[key] = rank_results(results, published.rank_basis)
            rank, group_rank = by_basis[key][i]
        reconciled.append(attrs.evolve(unit, result=ranks_checked(
            unit.result, rank, unit.of, group_rank, unit.group_of)))
    return reconciled


def ranks_checked(result: Result, rank: int | None = None, of: int | None = None,
                  group_rank: int | None = None, group_of: int | None = None) -> Result:
    """``result`` with its printed ranks checked against ``rank`` of ``of`` and
    ``group_rank`` of ``group_of``, computed on its published basis with every unit
    ranked together (``None``: not computed, so not checked): a rank that differs is a
    discrepancy, one printed among another number of units a note. Its notes that ranks
    need the other units are gone either way: they were ranked together."""
    published = result.assessment.published
    found: list[Discrepancy] = []
    unchecked = [u for u in result.unchecked if not u.startswith(("rank", "group_rank"))]
    basis = published.rank_basis
    on = Sentence("on_basis", basis=figure(basis)) if basis else ""
    for what, printed, computed, among in (("rank", published.rank, rank, of),
                                           ("group_rank", published.group_rank, group_rank,
                                            group_of)):
        if printed is None or computed is None:
            continue
        if printed.of is not None and printed.of != among:
            unchecked.append(Sentence("printed_among_scored", what=figure(what),
                                      printed=str(printed), of=printed.of, scored=among))
            continue
        if printed.position != computed:
            found.append(Discrepancy(what, str(printed), f"{computed}/{among}",
                                     _rank_evidence(result, computed, among, on)))
    return attrs.evolve(result, discrepancies=result.discrepancies + tuple(found),
                        unchecked=tuple(unchecked))


def _rank_evidence(result: Result, rank: int, of: int | None, on: str) -> Sentence:
    value: Decimal | Fraction | None = (result.index if "index" in on or
                                        (not on and result.framework.rank_by is RankBasis.INDEX)
                                        else result.appraised if "appraised" in on
                                        else result.total)
    shown = value if isinstance(value, Decimal) else Decimal(result.display(value))
    return Sentence("ranks_of", value=shown, rank=rank, of=of, on=on)


