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
from .reproduce import Reproduction, UnitReproduction
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

@attrs.frozen
class Standing:
    """A unit's computed figures in one year (from a reproduced table)."""

    unit: str
    group: str | None
    year: int
    total: Decimal | None
    index: Fraction | None
    band: str | None
    rank: int | None
    of: int | None
    group_rank: int | None
    group_of: int | None
    fields: Mapping[str, Decimal | None]

    @classmethod
    def of_unit(cls, unit: UnitReproduction, year: int | None = None) -> Standing:
        """A scored unit's computed figures, as the reproduction has them at hand (a
        table reproduced on the kernel works no unit's full result out for this, nor
        builds its row: give its ``year`` from the table's column)."""
        band = unit.band
        year = unit.assessment.year if year is None else year
        return cls(unit.unit, unit.group, year, unit.total, unit.index,
                   band.name if band else None, unit.rank, unit.of,
                   unit.group_rank, unit.group_of, unit.fields)

    @classmethod
    def of_printed(cls, unit: UnitReproduction) -> Standing:
        """A unit of a table of ranks only: its printed ranks (and band)."""
        published = unit.assessment.published
        rank, group_rank = published.rank, published.group_rank
        return cls(unit.unit, unit.group, unit.assessment.year, None, None, published.band,
                   rank.position if rank else None, rank.of if rank else None,
                   group_rank.position if group_rank else None,
                   group_rank.of if group_rank else None, {})


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


@attrs.frozen
class Change:
    """A unit of the new year against one unit (or the mean of several) of the old year.

    :param against: what the new unit is compared with: a predecessor's name, or
        ``"mean of <names>"`` for a merged unit (total and index only).
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


#: A group's key, for every unit of a table: a table has few groups (districts).
_group_key = functools.lru_cache(maxsize=1024)(unit_key)


def _rank_text(rank: int | None, of: int | None) -> str | None:
    return None if rank is None else f"{rank}/{of}" if of is not None else str(rank)


#: The field changes made so far, by code and the identities of the two points.
_Made = dict[tuple[str, int, int], FieldChange]


def _change(old: Standing, new: Standing, plan: Mapping[str, str | None],
            totals_comparable: bool, made: _Made) -> Change:
    olds, news = old.fields, new.fields
    fields = []
    for code, why in plan.items():
        before, after = olds.get(code), news.get(code)
        # A table reproduced on the kernel shares one Decimal per distinct value, so most
        # units repeat a change already made: made once. The change holds both points,
        # so their identities cannot be reused while it is kept.
        key = (code, id(before), id(after))
        change = made.get(key)
        if change is None:
            change = made[key] = FieldChange(
                code, before, after,
                None if why is not None or before is None or after is None else after - before,
                why)
        fields.append(change)
    notes = []
    moved = None
    if old.rank is not None and new.rank is not None:
        moved = old.rank - new.rank
        if old.of != new.of:
            notes.append(Sentence("ranked_among", old=old.of, old_year=old.year, new=new.of,
                                  new_year=new.year))
    group_moved = None
    if old.group_rank is not None and new.group_rank is not None:
        group_moved = old.group_rank - new.group_rank
        if old.group and new.group and _group_key(old.group) != _group_key(new.group):
            notes.append(Sentence("group_changed", old=old.group, old_year=old.year,
                                  new=new.group, new_year=new.year))
    return Change(
        against=old.unit, total_old=old.total, total_new=new.total,
        total_change=(new.total - old.total if totals_comparable and new.total is not None
                      and old.total is not None else None),
        index_old=old.index, index_new=new.index,
        index_change=(new.index - old.index
                      if old.index is not None and new.index is not None else None),
        band_old=old.band, band_new=new.band,
        rank_old=_rank_text(old.rank, old.of), rank_new=_rank_text(new.rank, new.of),
        moved=moved, group_rank_old=_rank_text(old.group_rank, old.group_of),
        group_rank_new=_rank_text(new.group_rank, new.group_of), group_moved=group_moved,
        fields=tuple(fields), notes=tuple(notes))


def _mean_change(olds: Sequence[Standing], new: Standing, totals_comparable: bool) -> Change:
    total = sum((o.total or Decimal(0) for o in olds), Decimal(0)) / len(olds)
    indexes = [o.index for o in olds if o.index is not None]
    index = sum(indexes, Fraction(0)) / len(olds) if len(indexes) == len(olds) else None
    return Change(
        against="mean of " + ", ".join(o.unit for o in olds), total_old=total,
        total_new=new.total, total_change=(new.total - total if totals_comparable
                                           and new.total is not None else None),
        index_old=index, index_new=new.index,
        index_change=new.index - index if index is not None and new.index is not None
        else None,
        band_old=None, band_new=new.band, rank_old=None, rank_new=_rank_text(new.rank, new.of),
        moved=None, group_rank_old=None,
        group_rank_new=_rank_text(new.group_rank, new.group_of), group_moved=None,
        notes=(Sentence("unweighted_mean"),))


def _column(reproduction: Reproduction, name: str) -> list[Any]:
    """A figure of every unit (``year``, a printed ``rank``), in the units' order."""
    values = column(reproduction.table.assessments, name)
    if len(values) == len(reproduction.units):  # one unit per row of the table, in order
        return values
    return column([u.assessment for u in reproduction.units], name)


class _Index:
    """The units of one table, found by name as people type it (:func:`find_unit`)."""

    def __init__(self, units: Sequence[UnitReproduction]) -> None:
        self.units = list(units)
        self.finder = UnitFinder([(unit.unit, unit.group) for unit in units])

    def find(self, name: str, group: str | None = None) -> UnitReproduction:
        """The unit a name means; its group decides only between units of that name (a
        unit whose district was renamed is still found by its name).

        :raises UnitNotFoundError: none, or several (listing them).
        """
        try:
            return self.units[self.finder.find(name)]
        except UnitNotFoundError:
            if group is None:
                raise
            return self.units[self.finder.find(name, group)]

    def get(self, name: str, group: str | None = None) -> UnitReproduction | None:
        """:meth:`find`, or ``None`` where no unit, or several, answer to the name."""
        try:
            position = self.finder.get(name)
        except UnitNotFoundError:
            try:
                position = self.finder.get(name, group) if group is not None else None
            except UnitNotFoundError:
                position = None
        return None if position is None else self.units[position]


def compare(old: Reproduction, new: Reproduction, lineage: Lineage | None = None) -> Comparison:
    """Compare two reproduced tables unit by unit (see the module notes for matching).

    Figures compared are the computed ones (which equal the printed ones where the table
    is consistent): total, index, band, overall and group rank, and each top-level
    field's points.
    """
    with collector_paused():  # a change per unit, a field change per field: no cycles
        return _compare(old, new, lineage or Lineage())


def _compare(old: Reproduction, new: Reproduction, lineage: Lineage) -> Comparison:
    plan, not_comparable = _field_plan(old.framework, new.framework)
    if old.table.ranks_only or new.table.ranks_only:
        plan, not_comparable = {}, [Sentence(
            "ranks_only_both" if old.table.ranks_only and new.table.ranks_only
            else "ranks_only_one")]
    totals_comparable = old.framework.max == new.framework.max
    old_index = _Index(old.units)
    made: _Made = {}
    used_old: set[int] = set()
    used_new: set[int] = set()
    comparisons: list[UnitComparison] = []
    problems: list[str] = []
    not_scored = [Sentence(f"unit_{year}", unit=u.unit) for r, year in ((old, "old"),
                                                                        (new, "new"))
                  for u in r.units if not u.scored and not r.table.ranks_only]
    discrepancies: list[str] = []

    # What compare reads of every row, from the tables' columns: a table read by columns
    # builds no row for it.
    years = {id(u): year for r in (old, new) for u, year in zip(r.units, _column(r, "year"))}
    printed_ranks = dict(zip(map(id, new.units), _column(new, "rank")))

    def standing(unit: UnitReproduction) -> Standing | None:
        if unit.scored:
            return Standing.of_unit(unit, years[id(unit)])
        if unit.assessment.published.rank is not None or \
                unit.assessment.published.group_rank is not None:
            return Standing.of_printed(unit)  # a table of ranks only
        return None

    def add(new_unit: UnitReproduction, olds: list[UnitReproduction],
            matched_by: Literal["name", "renamed", "merged"], note: str | None) -> None:
        used_new.add(id(new_unit))
        used_old.update(id(o) for o in olds)
        after = standing(new_unit)
        befores = [s for s in (standing(o) for o in olds) if s is not None]
        if after is None or not befores:
            return
        changes = [_change(b, after, plan, totals_comparable, made) for b in befores]
        printed = printed_ranks[id(new_unit)]
        if printed is not None and printed.change is not None and len(befores) == 1:
            moved = changes[0].moved
            changes[0] = attrs.evolve(changes[0], printed_move=printed.change)
            if moved is not None and moved != printed.change:
                discrepancies.append(Sentence(
                    "move_disagrees", unit=new_unit.unit, printed=move_text(printed.change),
                    printed_change=f"{printed.change:+d}", old=f"{befores[0].rank}/"
                    f"{befores[0].of}", new=f"{after.rank}/{after.of}",
                    moved=move_text(moved), change=f"{moved:+d}"))
        standing_new = after
        if matched_by == "merged" and len(befores) > 1:
            changes.append(_mean_change(befores, standing_new, totals_comparable))
        comparisons.append(UnitComparison(new_unit.unit, new_unit.group, matched_by,
                                          tuple(o.unit for o in olds), tuple(changes), note))

    # The new table's names are keyed only to find a lineage file's new names: every other
    # new unit is looked up in the old table by its own name.
    new_index = _Index(new.units) if lineage.successions else None
    for succession in lineage.successions:
        assert new_index is not None
        try:
            new_unit = new_index.find(succession.new)
        except UnitNotFoundError as error:
            problems.append(Sentence("ln_new_table", problem=error.problem.message))
            continue
        olds = []
        for name in succession.old:
            try:
                olds.append(old_index.find(name))
            except UnitNotFoundError as error:
                problems.append(Sentence("ln_old_table", problem=error.problem.message))
        if olds:
            add(new_unit, olds, succession.kind, succession.note)
    for new_unit in new.units:
        if id(new_unit) in used_new:
            continue
        found = old_index.get(new_unit.unit, new_unit.group)
        if found is None:
            continue  # listed as only in one table
        if id(found) not in used_old:
            add(new_unit, [found], "name", None)
    order = {u.unit: i for i, u in enumerate(new.units)}
    comparisons.sort(key=lambda c: order[c.unit])
    old_year = next((years[id(u)] for u in old.units), None)
    new_year = next((years[id(u)] for u in new.units), None)
    return Comparison(
        old.framework.id, new.framework.id, old_year, new_year, tuple(comparisons),
        only_old=tuple(u.unit for u in old.units if id(u) not in used_old),
        only_new=tuple(u.unit for u in new.units if id(u) not in used_new),
        not_scored=tuple(not_scored), not_comparable=tuple(not_comparable),
        problems=tuple(problems), discrepancies=tuple(discrepancies))


# --- as data ----------------------------------------------------------------------------------

def _fraction(value: Fraction | None, decimals: int) -> str | None:
    return None if value is None else plain(quantize(value, decimals))


def _decimal(value: Decimal | None) -> str | None:
    return None if value is None else plain(value)


def comparison_to_dict(comparison: Comparison, decimals: int = 3) -> dict[str, Any]:
    """Everything ``parindex compare --json`` prints; decimals as strings, indexes rounded
    to ``decimals`` places."""
    def change(c: Change) -> dict[str, Any]:
        return {
            "against": c.against,
            "total": {"old": _decimal(c.total_old), "new": _decimal(c.total_new),
                      "change": _decimal(c.total_change)},
            "index": {"old": _fraction(c.index_old, decimals),
                      "new": _fraction(c.index_new, decimals),
                      "change": _fraction(c.index_change, decimals)},
            "band": {"old": c.band_old, "new": c.band_new,
                     "changed": None if c.band_old is None else c.band_old != c.band_new},
            "rank": {"old": c.rank_old, "new": c.rank_new, "moved": c.moved,
                     "moved_text": move_text(c.moved), "printed_move": c.printed_move},
            "group_rank": {"old": c.group_rank_old, "new": c.group_rank_new,
                           "moved": c.group_moved},
            "fields": [{"code": f.code, "old": _decimal(f.old), "new": _decimal(f.new),
                        "change": _decimal(f.change), "note": f.note} for f in c.fields],
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
