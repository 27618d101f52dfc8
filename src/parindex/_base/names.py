"""Units' names as people type them: one key for matching, one lookup for every command.

Officials write the same commune as "Xã Thủy Thanh", "xã Thuỷ Thanh", "THỦY THANH" or
"UBND xã Thủy Thanh", on systems that store Vietnamese as NFC or NFD and that place the
tone mark on either vowel of a pair (the old "Thuỷ", "Hoà", "Khoẻ" and the new "Thủy",
"Hòa", "Khỏe"; both are accepted spellings). :func:`unit_key` maps all of these to one
key; :func:`find_unit` finds the one unit a name means, or says which units it could mean.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Sequence

from .errors import Problem, UnitNotFoundError

#: The five Vietnamese tone marks as combining characters (huyền, sắc, ngã, hỏi, nặng).
_TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")
#: Administrative prefixes, longest first so that "thị xã" wins over "thị".
_COMMITTEES = ("ủy ban nhân dân", "ubnd")
_PREFIXES = ("thị trấn", "thị xã", "thành phố", "phường", "huyện", "sở", "xã", "tp.", "tx.",
             "tt.")
#: A word: letters with their combining marks (which \\w does not match), up to a space.
_WORD = re.compile(r"\S+")


def _tone_key(text: str) -> str:
    """Each word with its tone mark moved to the word's end: placement-independent, while
    words that differ in tone stay different (Thủy ≠ Thúy)."""
    decomposed = unicodedata.normalize("NFD", text)

    def canonical(word: re.Match[str]) -> str:
        letters = word.group(0)
        tones = "".join(c for c in letters if c in _TONES)
        bare = "".join(c for c in letters if c not in _TONES)
        return bare + tones

    return unicodedata.normalize("NFC", _WORD.sub(canonical, decomposed))


def _normal(text: str) -> str:
    spaced = " ".join(text.replace("\u00a0", " ").split())
    return _tone_key(spaced).casefold()


_COMMITTEE_KEYS = tuple(_normal(p) for p in _COMMITTEES)
_PREFIX_KEYS = tuple(_normal(p) for p in _PREFIXES)


def _strip(key: str, prefixes: tuple[str, ...]) -> str:
    for prefix in prefixes:
        if key.startswith(prefix) and (prefix.endswith(".") or key[len(prefix):][:1] == " "):
            rest = key[len(prefix):].strip()
            return rest or key  # a name is never only a prefix
    return key


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
    """
    # One prefix only, after the committee's: "Xã Xã Đàn" is xã "Xã Đàn".
    return _strip(_strip(_normal(name), _COMMITTEE_KEYS), _PREFIX_KEYS)


def name_key(name: str) -> str:
    """A name as compared for identity: like :func:`unit_key`, but the prefix counts
    ("Xã Phú Lộc" and "Thị trấn Phú Lộc" are two units)."""
    return _normal(name)


def group_key(group: str | None) -> str:
    """A group's name as compared for identity ("" for no group; see :func:`name_key`)."""
    return name_key(group) if group else ""


def find_unit(name: str, units: Sequence[tuple[str, str | None]],
              group: str | None = None) -> int:
    """The position of the one unit a name means among ``(name, group)`` pairs.

    A name typed in full (prefix included) that matches one unit exactly wins over units
    that match only without their prefixes ("Thị trấn Phú Lộc" beside "Xã Phú Lộc").

    :param group: the unit's group (e.g. its district), when names repeat across groups.
    :raises UnitNotFoundError: no unit answers to the name (naming the closest), or
        several do (listing them, with their groups).
    """
    wanted = unit_key(name)
    found = [i for i, (unit, _) in enumerate(units) if unit_key(unit) == wanted]
    if group is not None:
        # As typed by a person: the group's prefix (huyện, thị xã, ...) does not count.
        found = [i for i in found if unit_key(units[i][1] or "") == unit_key(group)
                 and units[i][1]]
    if len(found) > 1:
        exact = [i for i in found if name_key(units[i][0]) == name_key(name)]
        if len(exact) == 1:
            return exact[0]
    if len(found) == 1:
        return found[0]
    within = f" in {group}" if group is not None else ""
    if found:
        candidates = [_label(units[i]) for i in found]
        raise UnitNotFoundError(Problem(
            f"{name!r} could mean {len(found)} units{within}: {'; '.join(candidates)}; "
            "name the group (e.g. --group) or the unit in full", key="unit"), candidates)
    names = {unit_key(unit): unit for unit, _ in units}
    close = [names[k] for k in difflib.get_close_matches(wanted, list(names), n=3, cutoff=0.6)]
    hint = f"; did you mean {' or '.join(repr(c) for c in close)}?" if close else ""
    raise UnitNotFoundError(Problem(f"no unit named {name!r}{within}{hint}", key="unit"), close)


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
