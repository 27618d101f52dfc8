"""Units' names as people type them: one key for matching, one lookup for every command.

Officials write the same commune as "Xã Thủy Thanh", "xã Thuỷ Thanh", "THỦY THANH" or
"UBND xã Thủy Thanh", on systems that store Vietnamese as NFC or NFD and that place the
tone mark on either vowel of a pair (the old "Thuỷ", "Hoà", "Khoẻ" and the new "Thủy",
"Hòa", "Khỏe"; both are accepted spellings). :func:`unit_key` maps all of these to one
key; :func:`find_unit` finds the one unit a name means, or says which units it could mean.
A name typed without any diacritic ("thuy thanh", on a keyboard without Vietnamese input)
finds the units whose names read so once their marks are dropped.
"""

from __future__ import annotations

import difflib
import functools
import re
import unicodedata
from collections.abc import Sequence

from .errors import Problem, UnitNotFoundError
from .i18n import Alternatives, Sentence

#: The five Vietnamese tone marks as combining characters (huyền, sắc, ngã, hỏi, nặng).
_TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")
#: Administrative prefixes, longest first so that "thị xã" wins over "thị".
_COMMITTEES = ("ủy ban nhân dân", "ubnd")
_PREFIXES = ("thị trấn", "thị xã", "thành phố", "phường", "huyện", "sở", "xã", "tp.", "tx.",
             "tt.")
_TONE = re.compile("[" + "".join(sorted(_TONES)) + "]")


# A table's names share most of their words (xã, Thủy, Minh, ...): each word keyed once.
@functools.lru_cache(maxsize=1 << 16)
def _word_key(word: str) -> str:
    """A word (no spaces) as matched: NFC, casefolded, its tone mark moved to its end, so
    that the mark's placement does not count while words that differ in tone stay
    different (Thủy ≠ Thúy). Normalising and casefolding word by word is the same as over
    the whole name: neither crosses a space."""
    decomposed = unicodedata.normalize("NFD", word)
    if _TONE.search(decomposed) is not None:
        decomposed = _TONE.sub("", decomposed) + "".join(_TONE.findall(decomposed))
    return unicodedata.normalize("NFC", decomposed).casefold()


def _normal(text: str) -> str:
    return " ".join(map(_word_key, text.split()))


def _bare(key: str) -> str:
    """A key without any diacritic, as typed without Vietnamese input (Thủy → thuy,
    Đông → dong); keys are casefolded, so "đ" is the one letter to spell out."""
    decomposed = unicodedata.normalize("NFD", key)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("đ", "d")


def _is_bare(key: str) -> bool:
    # Vietnamese without its diacritics is ASCII.
    return key.isascii()


_COMMITTEE_KEYS = tuple(_normal(p) for p in _COMMITTEES)
_PREFIX_KEYS = tuple(_normal(p) for p in _PREFIXES)
# The prefixes typed without diacritics ("xa thuy thanh"): stripped from such names only,
# where "xa" cannot be a word of a name with its marks ("Xa Lộc").
_BARE_COMMITTEE_KEYS = tuple(_bare(p) for p in _COMMITTEE_KEYS)
_BARE_PREFIX_KEYS = tuple(_bare(p) for p in _PREFIX_KEYS)


def _strip(key: str, prefixes: tuple[str, ...]) -> str:
    for prefix in prefixes:
        if key.startswith(prefix) and (prefix.endswith(".") or key[len(prefix):][:1] == " "):
            rest = key[len(prefix):].strip()
            return rest or key  # a name is never only a prefix
    return key


# Comparing two years keys every unit's name in both tables: mostly the same names.
@functools.lru_cache(maxsize=1 << 15)
def unit_key(name: str) -> str:
    """A unit's name as matched: case, spacing, NFC/NFD, the tone mark's placement and one
    administrative prefix (xã, phường, thị trấn, huyện, thị xã, thành phố, sở, UBND /
    Ủy ban nhân dân) do not count.

    >>> unit_key("Xã  Thuỷ Thanh") == unit_key("thu\\u0309y thanh") == unit_key("THỦY THANH")
    True
    >>> unit_key("Thủy Thanh") == unit_key("Thúy Thanh")
    False
    >>> unit_key("UBND phường Hoà Bình") == unit_key("Hòa Bình")
    True
    >>> unit_key("xa thuy thanh")  # typed without diacritics: the prefix still goes
    'thuy thanh'
    """
    # One prefix only, after the committee's: "Xã Xã Đàn" is xã "Xã Đàn".
    key = _normal(name)
    if _is_bare(key):
        return _strip(_strip(key, _BARE_COMMITTEE_KEYS), _BARE_PREFIX_KEYS)
    return _strip(_strip(key, _COMMITTEE_KEYS), _PREFIX_KEYS)


def name_key(name: str) -> str:
    """A name as compared for identity: like :func:`unit_key`, but the prefix counts
    ("Xã Phú Lộc" and "Thị trấn Phú Lộc" are two units)."""
    return _normal(name)


# Asked for every unit of a table, of a few groups (districts): each keyed once.
@functools.lru_cache(maxsize=4096)
def group_key(group: str | None) -> str:
    """A group's name as compared for identity ("" for no group; see :func:`name_key`)."""
    return name_key(group) if group else ""


def find_unit(name: str, units: Sequence[tuple[str, str | None]],
              group: str | None = None) -> int:
    """The position of the one unit a name means among ``(name, group)`` pairs.

    A name typed in full (prefix included) that matches one unit exactly wins over units
    that match only without their prefixes ("Thị trấn Phú Lộc" beside "Xã Phú Lộc").
    A name without any diacritic matches a name that reads so without its own: typed
    ("thuy thanh" finds Xã Thủy Thanh; where Thúy Thanh is there too, the error lists
    both, unless one unit is spelt without diacritics itself), or in the units ("Xa Thuy
    Thanh" is found as "Thủy Thanh").
    To look up many names among the same units, use one :class:`UnitFinder`.

    :param group: the unit's group (e.g. its district), when names repeat across groups.
    :raises UnitNotFoundError: no unit answers to the name (naming the closest, or every
        unit whose name holds it word for word), or several do (listing them, with their
        groups).
    """
    return UnitFinder(units).find(name, group)


class UnitFinder:
    """:func:`find_unit` among the same units for many names: each unit's name is keyed
    once, so looking up every unit of one table in another is linear, not quadratic."""

    def __init__(self, units: Sequence[tuple[str, str | None]]) -> None:
        self.units = list(units)
        self._by_key: dict[str, list[int]] = {}
        for i, (unit, _) in enumerate(self.units):
            self._by_key.setdefault(unit_key(unit), []).append(i)
        self._by_bare: dict[str, list[int]] | None = None

    def _index(self, wanted: str) -> dict[str, list[int]]:
        """The units by key, for a name keyed ``wanted``: by their keys without
        diacritics when it has none (built on the first such name)."""
        if not _is_bare(wanted):
            return self._by_key
        if self._by_bare is None:
            self._by_bare = {}
            for key, found in self._by_key.items():
                self._by_bare.setdefault(_bare(key), []).extend(found)
            for found in self._by_bare.values():
                found.sort()
        return self._by_bare

    def find(self, name: str, group: str | None = None) -> int:
        """The position of the one unit ``name`` means (see :func:`find_unit`)."""
        position = self.get(name, group)
        if position is not None:
            return position
        within = _within(group)
        wanted = unit_key(name)
        index = self._index(wanted)
        # Part of a name, word for word ("thủy" of "Xã Thủy Thanh", "Xã Thủy Phù"): the
        # units whose names hold it.
        part = sorted(i for key, found in index.items()
                      if f" {wanted} " in f" {key} " for i in found)
        if group is not None:
            part = [i for i in part if self._in_group(i, group)]
        if len(part) > 1:
            labels = [_label(self.units[i]) for i in part]
            more = Sentence("unit_more", count=len(part) - _SHOWN) if len(part) > _SHOWN else ""
            raise UnitNotFoundError(Problem(Sentence(
                "unit_part", name=repr(name), within=within, count=len(part),
                shown="; ".join(labels[:_SHOWN]), more=more)), labels)
        # Each key's last unit, as a dict of every unit's key gives it.
        names = {key: self.units[found[-1]][0] for key, found in index.items()}
        close = [self.units[i][0] for i in part] or [
            names[k] for k in difflib.get_close_matches(wanted, list(names), n=3, cutoff=0.6)]
        hint = Sentence("unit_hint", names=Alternatives(repr(c) for c in close)) if close else ""
        raise UnitNotFoundError(Problem(Sentence("unit_none", name=repr(name), within=within,
                                                 hint=hint)), close)

    def each(self, names: Sequence[str]) -> list[int | None]:
        """The position :meth:`get` gives each name (without a group) where that is one
        lookup: its key, spelt with diacritics, is one unit's alone (the usual case when
        one table's names are looked up in another's); ``None`` where :meth:`get` must
        weigh the name."""
        by_key = self._by_key
        return [found[0] if (found := by_key.get(key)) is not None and len(found) == 1
                and not _is_bare(key) else None for key in map(unit_key, names)]

    def get(self, name: str, group: str | None = None) -> int | None:
        """Like :meth:`find`, but ``None`` where no unit answers to the name (without
        looking for the closest names, which costs a pass over every unit).

        :raises UnitNotFoundError: several units answer to the name.
        """
        units = self.units
        wanted = unit_key(name)
        found = self._index(wanted).get(wanted) or (
            # A unit spelt without diacritics (in a table from an old system), typed with.
            [] if _is_bare(wanted) else self._by_key.get(_bare(wanted), []))
        if group is not None:
            found = [i for i in found if self._in_group(i, group)]
        if len(found) > 1:
            # Typed in full (prefix included), or spelt so (without diacritics) itself.
            typed = name_key(name)
            for exact in ([i for i in found if _alike(name_key(units[i][0]), typed)],
                          [i for i in found if unit_key(units[i][0]) == wanted]):
                if len(exact) == 1:
                    return exact[0]
        if len(found) == 1:
            return found[0]
        if not found:
            return None
        candidates = [_label(units[i]) for i in found]
        raise UnitNotFoundError(Problem(Sentence(
            "unit_ambiguous", name=repr(name), count=len(found), within=_within(group),
            candidates="; ".join(candidates))), candidates)

    def _in_group(self, i: int, group: str) -> bool:
        # As typed by a person: the group's prefix (huyện, thị xã, ...) does not count.
        unit_group = self.units[i][1]
        if not unit_group:
            return False
        return _alike(unit_key(group), unit_key(unit_group))


def _alike(a: str, b: str) -> bool:
    """Whether two keys name one unit: equal, or one has no diacritics and is the other's
    without them (see :func:`find_unit`)."""
    return a == b or (_is_bare(a) and _bare(b) == a) or (_is_bare(b) and _bare(a) == b)


#: At most this many candidates are named in a message (the error lists them all).
_SHOWN = 8


def _within(group: str | None) -> str:
    return Sentence("unit_within", group=group) if group is not None else ""


def _label(unit: tuple[str, str | None]) -> str:
    return f"{unit[0]} ({unit[1]})" if unit[1] else unit[0]


def duplicate_units(units: Sequence[tuple[str, str | None]]) -> list[tuple[int, int]]:
    """Pairs ``(first, again)`` of positions where a unit appears twice: the same name
    (as :func:`name_key` compares it) within the same group. Commune names repeat across
    districts, so a name in two groups is two units.

    >>> duplicate_units([("Xã Thủy Thanh", "Hương Thủy"), ("xã Thuỷ Thanh", "Hương Thủy"),
    ...                  ("Xã Thủy Thanh", "Phú Vang")])
    [(0, 1)]
    """
    seen: dict[tuple[str, str], int] = {}
    again = []
    for i, (unit, group) in enumerate(units):
        key = (group_key(group), name_key(unit))
        if key in seen:
            again.append((seen[key], i))
        else:
            seen[key] = i
    return again


def unit_twice(unit: str, group: str | None) -> Sentence:
    """What a unit found twice by :func:`duplicate_units` is told: ``unit 'Xã A' appears
    twice in Phú Vang``."""
    return Sentence("e_unit_twice", unit=repr(unit), within=_within(group or None))
