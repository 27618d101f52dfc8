"""Ranking many scored units, overall and within groups, on unrounded values."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Any, Literal, Protocol, TypeVar

import attrs

from .._base.errors import AssessmentError, FrameworkError, MissingInformationError, Problem
from .._base.model import Assessment, Framework, RankBasis, RankingMethod
from .._base.numbers import plain
from .scoring import Discrepancy, Result, score


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


def rank_values(keys: Sequence[K], method: RankingMethod | str = RankingMethod.COMPETITION
                ) -> list[int]:
    """Ranks of keys, highest key first; equal keys share a rank.

    :param method: a built-in :class:`RankingMethod`, or the name of a ranking method
        (built in or registered by a plugin).
    :raises FrameworkError: no ranking method has this name (naming those registered),
        or a plugin's method ranks a higher key below a lower one.

    >>> rank_values([90, 80, 80, 70])
    [1, 2, 2, 4]
    >>> rank_values([90, 80, 80, 70], RankingMethod.DENSE)
    [1, 2, 2, 3]
    """
    if isinstance(method, RankingMethod):
        return _standard_ranks(keys, method)
    from .._plugins.registry import ranking_method

    ranker = ranking_method(method)
    ranks = list(ranker.ranks(keys))
    order = sorted(range(len(keys)), key=lambda i: keys[i], reverse=True)
    if len(ranks) != len(keys) or any(not isinstance(r, int) or r < 1 for r in ranks) or any(
            keys[b] < keys[a] and ranks[b] < ranks[a] for a, b in zip(order, order[1:], strict=False)):
        raise FrameworkError(Problem(
            f"ranking method {ranker.name!r} gave ranks {ranks[:10]} that do not follow the "
            "values (a higher value ranked below a lower one, or not one rank ≥ 1 per unit)",
            key="ranking"))
    return ranks


def _standard_ranks(keys: Sequence[K], method: RankingMethod) -> list[int]:
    order = sorted(range(len(keys)), key=lambda i: keys[i], reverse=True)
    ranks = [0] * len(keys)
    rank = distinct = 0
    previous: K | None = None
    for position, i in enumerate(order, 1):
        if previous is None or keys[i] != previous:
            distinct += 1
            rank = position if method is RankingMethod.COMPETITION else distinct
            previous = keys[i]
        ranks[i] = rank
    return ranks


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
            raise MissingInformationError(
                f"{result.unit} cannot be ranked on the index: it has none (nothing arose, "
                "or a maximum is unknown)")
        primary = result.index
    else:
        primary = Fraction(result.total if on == "total" else result.appraised)
    ties = []
    for code in framework.tie_break:
        points = result.nodes[code].points
        if points is None:
            raise MissingInformationError(
                f"{result.unit} has no points for {code}, which breaks ties in "
                f"{framework.id}; give them")
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
        """The ranked result of a unit, by name (NFC, case-insensitive).

        :param group: the unit's group, needed when two groups have a unit of that name
            (commune names repeat across districts).
        :raises KeyError: no such unit, or the name is ambiguous without ``group``.
        """
        from .._base.model import nfc

        wanted = nfc(name).casefold()
        found = [unit for unit in self.units if unit.result.unit.casefold() == wanted
                 and (group is None or (unit.result.group or "").casefold()
                      == nfc(group).casefold())]
        if len(found) == 1:
            return found[0]
        if found:
            groups = ", ".join(str(u.result.group) for u in found)
            raise KeyError(f"{name!r} is in several groups ({groups}); name the group")
        raise KeyError(name)


def rank_results(results: Sequence[Result], on: RankOn | None = None) -> list[tuple[int, int | None]]:
    """Overall and group ranks of scored results, by the framework's method."""
    if not results:
        return []
    return ranks_on([rank_key(r, on) for r in results], [r.group for r in results],
                    results[0].framework.ranking)


def ranks_on(keys: Sequence[K], groups: Sequence[str | None],
             method: str | RankingMethod) -> list[tuple[int, int | None]]:
    """Overall and group ranks of units with these keys (higher first) and groups."""
    overall = rank_values(keys, method)
    group_ranks: list[int | None] = [None] * len(keys)
    members: dict[str, list[int]] = {}
    for i, group in enumerate(groups):
        if group:  # compared case-insensitively; no group, no group rank
            members.setdefault(group.casefold(), []).append(i)
    for indices in members.values():
        for i, rank in zip(indices, rank_values([keys[i] for i in indices], method),
                           strict=True):
            group_ranks[i] = rank
    return list(zip(overall, group_ranks, strict=True))


def score_many(framework: Framework, assessments: Iterable[Assessment]) -> Ranking:
    """Score, rank and band many assessments of one framework and year.

    Ranks are competition ranks (1, 2, 2, 4) unless the framework declares dense ones;
    ties are broken only by the framework's ``tie_break`` codes. Published ranks are
    reconciled here (one assessment alone cannot check them).

    :raises AssessmentError: on the first assessment that does not score, or when two
        assessments name the same unit, or years differ.
    """
    results = [score(framework, a) for a in assessments]
    _check_batch(results)
    ranks = rank_results(results)
    groups: dict[str | None, int] = {}
    for result in results:
        key = result.group.casefold() if result.group else None
        groups[key] = groups.get(key, 0) + 1
    units = []
    for result, (rank, group_rank) in zip(results, ranks, strict=True):
        group_of = groups[result.group.casefold()] if result.group else None
        units.append(RankedResult(result, rank, len(results), group_rank, group_of))
    return Ranking(framework, tuple(_reconcile_ranks(units, results)))


def _check_batch(results: Sequence[Result]) -> None:
    # A unit is its name within its group: commune names repeat across districts.
    seen: set[tuple[str, str]] = set()
    problems = []
    years = {r.assessment.year for r in results}
    if len(years) > 1:
        problems.append(Problem(f"units of different years ranked together: {sorted(years)}"))
    for result in results:
        key = ((result.group or "").casefold(), result.unit.casefold())
        if key in seen:
            origin = result.assessment.origin
            within = f" in {result.group}" if result.group else ""
            problems.append(Problem(f"unit {result.unit!r} appears twice{within}",
                                    path=origin.path if origin else None, key="unit"))
        seen.add(key)
    if problems:
        raise AssessmentError(problems)


def _reconcile_ranks(units: list[RankedResult], results: list[Result]) -> list[RankedResult]:
    """Check published ranks against ranks computed on the published basis."""
    by_basis: dict[str, list[tuple[int, int | None]]] = {}
    reconciled = []
    for i, unit in enumerate(units):
        published = unit.result.assessment.published
        found: list[Discrepancy] = []
        unchecked = [u for u in unit.result.unchecked if not u.startswith(("rank", "group_rank"))]
        basis = published.rank_basis
        if published.rank is not None or published.group_rank is not None:
            key = basis or "framework"
            if key not in by_basis:
                by_basis[key] = rank_results(results, basis)
            rank, group_rank = by_basis[key][i]
            on = f" on {basis}" if basis else ""
            for what, printed, computed, of in (
                ("rank", published.rank, rank, unit.of),
                ("group_rank", published.group_rank, group_rank, unit.group_of),
            ):
                if printed is None or computed is None:
                    continue
                if printed.of is not None and printed.of != of:
                    unchecked.append(f"{what} {printed}: printed among {printed.of} units, "
                                     f"but {of} were scored together")
                    continue
                if printed.position != computed:
                    found.append(Discrepancy(what, str(printed), f"{computed}/{of}",
                                             _rank_evidence(unit.result, computed, of, on)))
        result = attrs.evolve(unit.result, discrepancies=unit.result.discrepancies + tuple(found),
                              unchecked=tuple(unchecked))
        reconciled.append(attrs.evolve(unit, result=result))
    return reconciled


def _rank_evidence(result: Result, rank: int, of: int | None, on: str) -> str:
    value: Decimal | Fraction | None = (result.index if "index" in on or
                                        (not on and result.framework.rank_by is RankBasis.INDEX)
                                        else result.appraised if "appraised" in on
                                        else result.total)
    shown = plain(value) if isinstance(value, Decimal) else result.display(value)
    return f"{shown} ranks {rank} of {of}{on}"


