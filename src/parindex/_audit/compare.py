"""Year over year: two reproduced tables compared unit by unit, through renames and mergers.

Units are matched by their names as people type them (:func:`parindex.find_unit`: case,
spacing, NFC/NFD, the tone mark's placement and the prefixes *xã*, *phường*, *thị trấn*,
*huyện*, *thị xã*, *thành phố* left out), and by a lineage file that
declares renames and mergers (the 2025 reorganisation merged many communes). A merged unit
is compared with each unit it came from, and with their unweighted mean total and index;
the output says so. Fields are compared where both frameworks have the same code with the
same maximum; everything else is listed as not comparable, with why. Units found in only
one table are listed, never dropped.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any, Literal

import attrs

from .._base.bulk import collector_paused
from .._base.errors import AssessmentError
from .._base.model import Framework, nfc
from .._base.errors import UnitNotFoundError
from .._base.i18n import Sentence
from .._base.names import UnitFinder, unit_key
from .._base.numbers import plain, quantize
from .reproduce import FigureColumns, Reproduction
from .._formats.output import Encoded, encoded
from .._formats.rows import column
from .._formats.toml import read_toml

# --- lineage files --------------------------------------------------------------------------

def _names(values: Sequence[str]) -> tuple[str, ...]:
    return tuple(nfc(value) for value in values)


@attrs.frozen
class Succession:
    """One unit of the new year and the units of the old year it continues.

    :param kind: ``renamed`` (one predecessor) or ``merged`` (several).
    :param new: the unit's name in the new table.
    :param old: its predecessors' names in the old table.
    :param note: the decision that made the change, or any remark.
    """

    kind: Literal["renamed", "merged"]
    new: str = attrs.field(converter=nfc)
    old: tuple[str, ...] = attrs.field(converter=_names)
    note: str | None = None


@attrs.frozen
class Lineage:
    """Renames and mergers between two years (a lineage file)."""

    successions: tuple[Succession, ...] = ()


def load_lineage(path: str | Path) -> Lineage:
    """Read a lineage file (TOML): ``[[renamed]]`` with ``old`` and ``new`` names,
    ``[[merged]]`` with ``new`` and a list ``old``; each may have a ``note``.

    :raises AssessmentError: malformed file, with every problem and its line.
    """
    data, origin = read_toml(path, AssessmentError)
    problems = [origin.problem(Sentence("e_unknown_key_allowed", allowed=("renamed", "merged")),
                               key)
                for key in data if key not in ("renamed", "merged")]
    successions = []
    for kind in ("renamed", "merged"):
        entries = data.get(kind, [])
        if not isinstance(entries, list):
            problems.append(origin.problem(Sentence("ln_tables", kind=kind), kind))
            continue
        for i, entry in enumerate(entries):
            where = (kind, str(i))
            if not isinstance(entry, dict):
                problems.append(origin.problem(Sentence("ln_table"), *where))
                continue
            unknown = set(entry) - {"old", "new", "note"}
            problems += [origin.problem(Sentence("e_unknown_key_allowed",
                                                 allowed=("old", "new", "note")), *where, k)
                         for k in sorted(unknown)]
            new, old = entry.get("new"), entry.get("old")
            if isinstance(old, str):
                old = [old]
            if not isinstance(new, str) or not new.strip():
                problems.append(origin.problem(Sentence("ln_new"), *where, "new"))
                continue
            if (not isinstance(old, list) or not old
                    or not all(isinstance(o, str) and o.strip() for o in old)):
                problems.append(origin.problem(Sentence("ln_old"), *where, "old"))
                continue
            if kind == "renamed" and len(old) != 1:
                problems.append(origin.problem(Sentence("ln_rename_one"), *where, "old"))
                continue
            note = entry.get("note")
            successions.append(Succession(kind, new, old,
                                          note if isinstance(note, str) else None))
    if problems:
        raise AssessmentError(problems)
    return Lineage(tuple(successions))


# --- comparison -----------------------------------------------------------------------------

class _Standings:
    """Every unit's computed figures in one year, column by column (a table reproduced on
    the kernel gives them whole from its columns: no unit's full result is worked out for
    this, nor its row built). A unit of a table of ranks only stands on its printed ranks
    (and band); a unit with neither computed nor printed figures has no standing
    (:attr:`present`)."""

    def __init__(self, reproduction: Reproduction) -> None:
        units = reproduction.units
        self._computed = computed = FigureColumns(reproduction)
        self.units: list[str] = computed.names("unit")
        self.groups: list[str | None] = computed.names("group")
        self.years: list[int] = _column(reproduction, "year")
        self.scored = [unit.scored for unit in units]
        self.present = self.scored[:]
        self.totals: list[Decimal | None] = computed.column("total")
        self.indexes: list[Fraction | None] = computed.column("index")
        self.bands: list[str | None] = computed.column("band")
        self.ranks: list[int | None] = [unit.rank for unit in units]
        self.ofs: list[int | None] = [unit.of for unit in units]
        self.group_ranks: list[int | None] = [unit.group_rank for unit in units]
        self.group_ofs: list[int | None] = [unit.group_of for unit in units]
        self._by_code: dict[str, list[Decimal | None]] = {}
        unscored = [i for i, scored in enumerate(self.scored) if not scored]
        if not unscored:
            return
        printed = tuple(_column(reproduction, name) for name in ("rank", "group_rank", "band"))
        for i in unscored:
            self.ranks[i] = self.ofs[i] = self.group_ranks[i] = self.group_ofs[i] = None
            rank, group_rank, self.bands[i] = (column[i] for column in printed)
            if rank is None and group_rank is None:
                continue
            self.present[i] = True  # a table of ranks only: the printed ranks
            if rank is not None:
                self.ranks[i], self.ofs[i] = rank.position, rank.of
            if group_rank is not None:
                self.group_ranks[i], self.group_ofs[i] = group_rank.position, group_rank.of

    def field(self, code: str) -> list[Decimal | None]:
        """A top-level node's computed points, every unit's."""
        found = self._by_code.get(code)
        if found is None:
            found = self._by_code[code] = self._computed.points(code)
        return found

    @functools.cached_property
    def rank_texts(self) -> list[str | None]:
        """Every unit's rank as shown ("3/19")."""
        return list(map(_rank_text, self.ranks, self.ofs))

    @functools.cached_property
    def group_rank_texts(self) -> list[str | None]:
        """Every unit's rank within its group as shown."""
        return list(map(_rank_text, self.group_ranks, self.group_ofs))


def move_text(moved: int | None) -> str | None:
    """Places moved as the plans write it: +2 is "tăng 2 bậc", −3 "giảm 3 bậc".

    >>> move_text(-3), move_text(2), move_text(0)
    ('giảm 3 bậc', 'tăng 2 bậc', 'giữ nguyên')
    """
    if moved is None:
        return None
    return "giữ nguyên" if moved == 0 else f"{'tăng' if moved > 0 else 'giảm'} {abs(moved)} bậc"


@attrs.frozen
class FieldChange:
    """The change of one field's points (``None`` when not comparable, with ``note``)."""

    code: str
    old: Decimal | None
    new: Decimal | None
    change: Decimal | None
    note: str | None = None


#: What :attr:`Change.against` begins with for a merged unit against its predecessors'
#: mean.
MEAN_OF = "mean of "


@attrs.frozen
class Change:
    """A unit of the new year against one unit (or the mean of several) of the old year.

    :param against: what the new unit is compared with: a predecessor's name, or
        ``"mean of <names>"`` for a merged unit (total and index only).
    :param mean: whether it is compared with the unweighted mean of the units it was
        merged from (``against`` then names them); ``False``: with one unit.
    :param moved: places gained in the overall ranking (old rank − new rank): positive
        is up, negative down (*giảm 03 bậc* is −3). ``None`` when not comparable.
    :param group_moved: the same within the group.
    """

    against: str
    total_old: Decimal | None
    total_new: Decimal | None
    total_change: Decimal | None
    index_old: Fraction | None
    index_new: Fraction | None
    index_change: Fraction | None
    band_old: str | None
    band_new: str | None
    rank_old: str | None
    rank_new: str | None
    moved: int | None
    group_rank_old: str | None
    group_rank_new: str | None
    group_moved: int | None
    fields: tuple[FieldChange, ...] = ()
    notes: tuple[str, ...] = ()
    #: The move printed with the new rank ("giảm 03 bậc" is −3), if any.
    printed_move: int | None = None
    mean: bool = False


@attrs.frozen
class UnitComparison:
    """One unit of the new year and how it compares with the old year.

    :param matched_by: ``name`` (same normalised name), ``renamed`` or ``merged`` (from
        the lineage file).
    :param old: the old-year unit(s) it is compared with.
    :param changes: one per predecessor; a merged unit also gets one against their mean.
    """

    unit: str
    group: str | None
    matched_by: Literal["name", "renamed", "merged"]
    old: tuple[str, ...]
    changes: tuple[Change, ...]
    note: str | None = None


@attrs.frozen
class Comparison:
    """Two years compared.

    :param only_old: old-year units matched with nothing in the new year.
    :param only_new: new-year units matched with nothing in the old year.
    :param not_scored: units left out because their row could not be scored.
    :param not_comparable: what the two frameworks do not share, with why.
    :param problems: lineage entries that name no unit of their table.
    """

    old_framework: str
    new_framework: str
    old_year: int | None
    new_year: int | None
    units: tuple[UnitComparison, ...]
    only_old: tuple[str, ...] = ()
    only_new: tuple[str, ...] = ()
    not_scored: tuple[str, ...] = ()
    not_comparable: tuple[str, ...] = ()
    problems: tuple[str, ...] = ()
    #: Moves printed with a new rank ("giảm 03 bậc") that the two ranks do not give.
    discrepancies: tuple[str, ...] = ()


def _field_plan(old: Framework, new: Framework) -> tuple[dict[str, str | None], list[str]]:
    """Each comparable top-level code (→ None) or not comparable (→ why)."""
    plan: dict[str, str | None] = {}
    notes: list[str] = []
    old_nodes = {n.code: n for n in old.criteria}
    for node in new.criteria:
        before = old_nodes.get(node.code)
        if before is None:
            notes.append(Sentence("field_only_in", code=node.code, name=node.name,
                                  framework=new.id))
            continue
        if before.max is None or node.max is None or before.max != node.max:
            why = Sentence("field_maxima", code=node.code, old_max=before.max or "?",
                           old=old.id, new_max=node.max or "?", new=new.id)
            plan[node.code] = why
            notes.append(why + Sentence("points_not_comparable"))
        else:
            plan[node.code] = None
    for code, node in old_nodes.items():
        if code not in {n.code for n in new.criteria}:
            notes.append(Sentence("field_only_in", code=code, name=node.name,
                                  framework=old.id))
    if old.max != new.max:
        notes.append(Sentence("totals_not_comparable", old_max=old.max or "?", old=old.id,
                              new_max=new.max or "?", new=new.id))
    if [b.name for b in old.bands] != [b.name for b in new.bands] or \
            [b.min for b in old.bands] != [b.min for b in new.bands]:
        notes.append(Sentence("bands_differ"))
    return plan, notes


def _rank_text(rank: int | None, of: int | None) -> str | None:
    return None if rank is None else f"{rank}/{of}" if of is not None else str(rank)


def _changes(olds: _Standings, news: _Standings, pairs: Sequence[tuple[int, int]],
             plan: Mapping[str, str | None], totals_comparable: bool) -> list[Change]:
    """Each pair's change (old unit's position, new unit's), figure by figure over the
    two years' columns."""
    before = [o for o, _ in pairs]
    after = [n for _, n in pairs]
    columns = []
    for code, why in plan.items():
        # A table reproduced on the kernel shares one Decimal per distinct value, so most
        # pairs repeat a change already made: made once. The change holds both points, so
        # their identities cannot be reused while it is kept.
        made: dict[tuple[int, int], FieldChange] = {}
        column = []
        for old_point, new_point in zip(map(olds.field(code).__getitem__, before),
                                        map(news.field(code).__getitem__, after)):
            key = (id(old_point), id(new_point))
            change = made.get(key)
            if change is None:
                change = made[key] = FieldChange(
                    code, old_point, new_point,
                    None if why is not None or old_point is None or new_point is None
                    else new_point - old_point, why)
            column.append(change)
        columns.append(column)
    fields: list[tuple[FieldChange, ...]] = list(zip(*columns)) if columns else \
        [()] * len(pairs)
    changes = []
    group_key = functools.cache(unit_key)  # a few groups (districts): each keyed once
    for (o, n), field_changes in zip(pairs, fields, strict=True):
        notes = []
        moved = None
        old_rank, new_rank = olds.ranks[o], news.ranks[n]
        if old_rank is not None and new_rank is not None:
            moved = old_rank - new_rank
            if olds.ofs[o] != news.ofs[n]:
                notes.append(Sentence("ranked_among", old=olds.ofs[o], old_year=olds.years[o],
                                      new=news.ofs[n], new_year=news.years[n]))
        group_moved = None
        old_group_rank, new_group_rank = olds.group_ranks[o], news.group_ranks[n]
        if old_group_rank is not None and new_group_rank is not None:
            group_moved = old_group_rank - new_group_rank
            old_group, new_group = olds.groups[o], news.groups[n]
            if old_group and new_group and group_key(old_group) != group_key(new_group):
                notes.append(Sentence("group_changed", old=old_group, old_year=olds.years[o],
                                      new=new_group, new_year=news.years[n]))
        old_total, new_total = olds.totals[o], news.totals[n]
        old_index, new_index = olds.indexes[o], news.indexes[n]
        changes.append(Change(  # by position: a change per unit
            olds.units[o], old_total, new_total,
            new_total - old_total if totals_comparable and new_total is not None
            and old_total is not None else None,
            old_index, new_index,
            new_index - old_index if old_index is not None and new_index is not None else None,
            olds.bands[o], news.bands[n], olds.rank_texts[o], news.rank_texts[n], moved,
            olds.group_rank_texts[o], news.group_rank_texts[n], group_moved, field_changes,
            tuple(notes)))
    return changes


def _mean_change(olds: _Standings, before: Sequence[int], news: _Standings, n: int,
                 totals_comparable: bool) -> Change:
    """A merged unit against the unweighted mean of the units it came from."""
    count = len(before)
    total = sum((olds.totals[o] or Decimal(0) for o in before), Decimal(0)) / count
    indexes = [index for o in before if (index := olds.indexes[o]) is not None]
    index = sum(indexes, Fraction(0)) / count if len(indexes) == count else None
    new_total, new_index = news.totals[n], news.indexes[n]
    return Change(
        against=MEAN_OF + ", ".join(olds.units[o] for o in before), total_old=total,
        total_new=new_total, total_change=(new_total - total if totals_comparable
                                           and new_total is not None else None),
        index_old=index, index_new=new_index,
        index_change=new_index - index if index is not None and new_index is not None
        else None,
        band_old=None, band_new=news.bands[n], rank_old=None, rank_new=news.rank_texts[n],
        moved=None, group_rank_old=None, group_rank_new=news.group_rank_texts[n],
        group_moved=None, notes=(Sentence("unweighted_mean"),), mean=True)


def _column(reproduction: Reproduction, name: str) -> list[Any]:
    """A figure of every unit (``year``, a printed ``rank``), in the units' order."""
    values = column(reproduction.table.assessments, name)
    if len(values) == len(reproduction.units):  # one unit per row of the table, in order
        return values
    return column([u.assessment for u in reproduction.units], name)


class _Index:
    """The units of one table, found by name as people type it (:func:`find_unit`)."""

    def __init__(self, standings: _Standings) -> None:
        self.finder = UnitFinder(list(zip(standings.units, standings.groups, strict=True)))

    def find(self, name: str, group: str | None = None) -> int:
        """The position of the unit a name means; its group decides only between units of
        that name (a unit whose district was renamed is still found by its name).

        :raises UnitNotFoundError: none, or several (listing them).
        """
        try:
            return self.finder.find(name)
        except UnitNotFoundError:
            if group is None:
                raise
            return self.finder.find(name, group)

    def get(self, name: str, group: str | None = None) -> int | None:
        """:meth:`find`, or ``None`` where no unit, or several, answer to the name."""
        try:
            return self.finder.get(name)
        except UnitNotFoundError:
            try:
                return self.finder.get(name, group) if group is not None else None
            except UnitNotFoundError:
                return None


def compare(old: Reproduction, new: Reproduction, lineage: Lineage | None = None) -> Comparison:
    """Compare two reproduced tables unit by unit (see the module notes for matching).

    Figures compared are the computed ones (which equal the printed ones where the table
    is consistent): total, index, band, overall and group rank, and each top-level
    field's points.
    """
    with collector_paused():  # a change per unit, a field change per field: no cycles
        return _compare(old, new, lineage or Lineage())


#: A new unit (its position), the old units it is compared with, how they were matched
#: and the lineage file's note.
_Match = tuple[int, list[int], Literal["name", "renamed", "merged"], str | None]


def _compare(old: Reproduction, new: Reproduction, lineage: Lineage) -> Comparison:
    plan, not_comparable = _field_plan(old.framework, new.framework)
    if old.table.ranks_only or new.table.ranks_only:
        plan, not_comparable = {}, [Sentence(
            "ranks_only_both" if old.table.ranks_only and new.table.ranks_only
            else "ranks_only_one")]
    totals_comparable = old.framework.max == new.framework.max
    olds, news = _Standings(old), _Standings(new)
    not_scored = [Sentence(f"unit_{year}", unit=standings.units[i])
                  for r, standings, year in ((old, olds, "old"), (new, news, "new"))
                  if not r.table.ranks_only
                  for i, scored in enumerate(standings.scored) if not scored]
    problems: list[str] = []
    matches = _matches(olds, news, lineage, problems)

    # Each match's changes, all pairs at once; a match whose new unit, or every old
    # unit, has no standing is left out (its units count as matched).
    kept = [(n, olds_of, befores, matched_by, note)
            for n, olds_of, matched_by, note in matches
            if news.present[n] and (befores := [o for o in olds_of if olds.present[o]])]
    changes = iter(_changes(olds, news, [(o, n) for n, _, befores, _, _ in kept
                                         for o in befores], plan, totals_comparable))
    printed_ranks = _column(new, "rank")
    comparisons: list[UnitComparison] = []
    discrepancies: list[str] = []
    for n, olds_of, befores, matched_by, note in kept:
        found = [next(changes) for _ in befores]
        printed = printed_ranks[n]
        if printed is not None and printed.change is not None and len(befores) == 1:
            moved = found[0].moved
            found[0] = attrs.evolve(found[0], printed_move=printed.change)
            if moved is not None and moved != printed.change:
                o = befores[0]
                discrepancies.append(Sentence(
                    "move_disagrees", unit=news.units[n], printed=move_text(printed.change),
                    printed_change=f"{printed.change:+d}",
                    old=f"{olds.ranks[o]}/{olds.ofs[o]}", new=f"{news.ranks[n]}/{news.ofs[n]}",
                    moved=move_text(moved), change=f"{moved:+d}"))
        if matched_by == "merged" and len(befores) > 1:
            found.append(_mean_change(olds, befores, news, n, totals_comparable))
        comparisons.append(UnitComparison(
            news.units[n], news.groups[n], matched_by,
            tuple(olds.units[o] for o in olds_of), tuple(found), note))
    order = {name: i for i, name in enumerate(news.units)}
    comparisons.sort(key=lambda c: order[c.unit])
    used_old = {o for _, olds_of, _, _ in matches for o in olds_of}
    used_new = {n for n, _, _, _ in matches}
    return Comparison(
        old.framework.id, new.framework.id, olds.years[0] if olds.years else None,
        news.years[0] if news.years else None, tuple(comparisons),
        only_old=tuple(name for o, name in enumerate(olds.units) if o not in used_old),
        only_new=tuple(name for n, name in enumerate(news.units) if n not in used_new),
        not_scored=tuple(not_scored), not_comparable=tuple(not_comparable),
        problems=tuple(problems), discrepancies=tuple(discrepancies))


def _matches(olds: _Standings, news: _Standings, lineage: Lineage,
             problems: list[str]) -> list[_Match]:
    """The units of the new year matched with units of the old: first as the lineage file
    declares (its problems added to ``problems``), then every other new unit by name with
    an old unit not yet matched."""
    old_index = _Index(olds)
    matches: list[_Match] = []
    used_old: set[int] = set()
    used_new: set[int] = set()
    # The new table's names are keyed only to find a lineage file's new names: every other
    # new unit is looked up in the old table by its own name.
    new_index = _Index(news) if lineage.successions else None
    for succession in lineage.successions:
        assert new_index is not None
        try:
            n = new_index.find(succession.new)
        except UnitNotFoundError as error:
            problems.append(Sentence("ln_new_table", problem=error.problem.message))
            continue
        found = []
        for name in succession.old:
            try:
                found.append(old_index.find(name))
            except UnitNotFoundError as error:
                problems.append(Sentence("ln_old_table", problem=error.problem.message))
        if found:
            matches.append((n, found, succession.kind, succession.note))
            used_new.add(n)
            used_old.update(found)
    # Most names are one old unit's alone: found at once, the others weighed one by one.
    at_once = old_index.finder.each(news.units)
    for n, (name, group) in enumerate(zip(news.units, news.groups, strict=True)):
        if n in used_new:
            continue
        o = at_once[n]
        if o is None:
            o = old_index.get(name, group)
        if o is None or o in used_old:
            continue  # listed as only in one table
        matches.append((n, [o], "name", None))
        used_new.add(n)
        used_old.add(o)
    return matches


# --- as data ----------------------------------------------------------------------------------

def rounded_text(value: Fraction | None, decimals: int) -> str | None:
    """An index (a percentage already) or its change as shown: rounded half up to
    ``decimals`` places, in machine style (``None`` stays ``None``).

    >>> rounded_text(Fraction(361, 4), 3), rounded_text(Fraction(-1, 3), 2)
    ('90.250', '-0.33')
    """
    return None if value is None else _rounded_text(value.numerator, value.denominator,
                                                    decimals)


# Two large tables repeat many indexes (a total over the same arising maximum).
@functools.lru_cache(maxsize=1 << 14)
def _rounded_text(numerator: int, denominator: int, decimals: int) -> str:
    return plain(quantize(Fraction(numerator, denominator), decimals))


def _decimal(value: Decimal | None) -> str | None:
    return None if value is None else plain(value)


def totals_text(change: Change, decimals: int) -> tuple[str | None, str | None, str | None]:
    """A change's old and new totals and the change between them as shown, in machine
    style: as computed, except a merged unit's mean of its predecessors' totals and its
    change, which are rounded half up to ``decimals`` places, as the index is (the mean
    of three totals may have no end); the change is made before rounding.

    >>> change = Change(MEAN_OF + "A, B, C", Decimal(241) / 3, Decimal(83),
    ...                 Decimal(83) - Decimal(241) / 3, *[None] * 12, mean=True)
    >>> totals_text(change, 2)
    ('80.33', '83', '2.67')
    """
    if not change.mean:
        return _decimal(change.total_old), _decimal(change.total_new), \
            _decimal(change.total_change)
    return (None if change.total_old is None else plain(quantize(change.total_old, decimals)),
            _decimal(change.total_new),
            None if change.total_change is None
            else plain(quantize(change.total_change, decimals)))


def comparison_to_dict(comparison: Comparison, decimals: int = 3) -> dict[str, Any]:
    """Everything ``parindex compare --json`` prints; decimals as strings, indexes and a
    merged unit's mean total rounded to ``decimals`` places (:func:`totals_text`). Each
    change's ``fields`` are given as JSON text (:class:`Encoded`, which
    :func:`~parindex._formats.output.json_text` writes as it is): the units with the same
    change in a field share its entry, written once."""
    # A field change is shared by every unit with the same two points: its entry is
    # written once, as JSON text.
    made: dict[int, str] = {}

    def field(f: FieldChange) -> str:
        found = made.get(id(f))
        if found is None:
            found = made[id(f)] = encoded(
                {"code": f.code, "old": _decimal(f.old), "new": _decimal(f.new),
                 "change": _decimal(f.change), "note": f.note}).text
        return found

    def change(c: Change) -> dict[str, Any]:
        total_old, total_new, total_change = totals_text(c, decimals)
        return {
            "against": c.against,
            "total": {"old": total_old, "new": total_new, "change": total_change},
            "index": {"old": rounded_text(c.index_old, decimals),
                      "new": rounded_text(c.index_new, decimals),
                      "change": rounded_text(c.index_change, decimals)},
            "band": {"old": c.band_old, "new": c.band_new,
                     "changed": None if c.band_old is None else c.band_old != c.band_new},
            "rank": {"old": c.rank_old, "new": c.rank_new, "moved": c.moved,
                     "moved_text": move_text(c.moved), "printed_move": c.printed_move},
            "group_rank": {"old": c.group_rank_old, "new": c.group_rank_new,
                           "moved": c.group_moved},
            "fields": Encoded("[" + ", ".join(map(field, c.fields)) + "]"),
            "notes": list(c.notes),
        }

    return {
        "old": {"framework": comparison.old_framework, "year": comparison.old_year},
        "new": {"framework": comparison.new_framework, "year": comparison.new_year},
        "units": [{"unit": u.unit, "group": u.group, "matched_by": u.matched_by,
                   "old": list(u.old), "note": u.note,
                   "changes": [change(c) for c in u.changes]} for u in comparison.units],
        "only_old": list(comparison.only_old),
        "only_new": list(comparison.only_new),
        "not_scored": list(comparison.not_scored),
        "not_comparable": list(comparison.not_comparable),
        "problems": list(comparison.problems),
        "discrepancies": list(comparison.discrepancies),
    }
