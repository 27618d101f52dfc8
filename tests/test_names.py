"""Units' names as people type them: one key and one lookup for every command."""

from __future__ import annotations

import unicodedata

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import parindex
from parindex import UnitNotFoundError, find_unit, unit_key
from parindex._base.names import UnitFinder, duplicate_units, name_key

# Seed 000's unit, as officials and systems write it.
SPELLINGS = ["Xã Thủy Thanh", "xã Thuỷ Thanh", "THỦY THANH", "thuỷ thanh", "UBND xã Thủy Thanh",
             "Ủy ban nhân dân xã Thủy Thanh", "Xã  Thủy\u00a0Thanh",
             unicodedata.normalize("NFD", "Xã Thủy Thanh"),
             unicodedata.normalize("NFD", "xã Thuỷ Thanh")]


@pytest.mark.parametrize("spelling", SPELLINGS)
def test_every_spelling_of_thuy_thanh_has_one_key(spelling: str) -> None:
    assert unit_key(spelling) == unit_key("Thủy Thanh")


def test_prefixes_case_spacing_and_decomposition() -> None:
    assert unit_key("Thị trấn  Mẫu Sơn") == unit_key("xã mẫu sơn") == unit_key("Mẫu Sơn")
    assert unit_key("Phường Thu\u0309y Thanh") == unit_key("UBND xã Thủy Thanh")
    assert unit_key("Thị xã Hương Thủy") == unit_key("TX. Hương Thủy") == unit_key("Hương Thuỷ")
    assert unit_key("Sở Tư pháp") == unit_key("tư pháp")
    assert unit_key("Huyện Phú Vang") == unit_key("phú vang")
    assert unit_key("Thành phố Huế") != unit_key("Huế Mới")


def test_old_and_new_tone_placement() -> None:
    for old, new in (("Hoà", "Hòa"), ("Khoẻ", "Khỏe"), ("Thuỷ", "Thủy"), ("Thoả", "Thỏa"),
                     ("Quý", "Qúy")):
        assert unit_key(f"Xã {old} Bình") == unit_key(f"Xã {new} Bình"), (old, new)
    # A different tone is a different name.
    assert unit_key("Thủy Thanh") != unit_key("Thúy Thanh")
    assert unit_key("Hòa") != unit_key("Hoa")


def test_a_name_is_never_only_a_prefix() -> None:
    # "Xã Xã Đàn" is xã "Xã Đàn": one prefix only.
    assert unit_key("Xã Xã Đàn") == name_key("Xã Đàn")
    assert unit_key("Xã") == "xã"


UNITS = [("Xã Thủy Thanh", "Thị xã Hương Thủy"), ("Xã Phú Lộc", "Huyện Phú Vang"),
         ("Thị trấn Phú Lộc", "Huyện Phú Vang"), ("Xã Phú Lộc", "Huyện Phú Lộc"),
         ("Xã Hòa Bình", None)]


def test_find_unit() -> None:
    assert find_unit("thuỷ thanh", UNITS) == 0
    assert find_unit("Xã Hoà Bình", UNITS) == 4
    # Typed in full, a name that matches one unit exactly wins.
    assert find_unit("Thị trấn Phú Lộc", UNITS) == 2
    assert find_unit("phú lộc", UNITS, group="Phú Lộc") == 3
    with pytest.raises(UnitNotFoundError) as ambiguous:
        find_unit("phú lộc", UNITS)
    assert ambiguous.value.candidates == ("Xã Phú Lộc (Huyện Phú Vang)",
                                          "Thị trấn Phú Lộc (Huyện Phú Vang)",
                                          "Xã Phú Lộc (Huyện Phú Lộc)")
    assert "could mean 3 units" in str(ambiguous.value)
    with pytest.raises(UnitNotFoundError, match="could mean 2 units in Phú Vang"):
        find_unit("phú lộc", UNITS, group="Phú Vang")
    with pytest.raises(UnitNotFoundError, match="no unit named 'Thủy Than'; did you mean "
                                                "'Xã Thủy Thanh'"):
        find_unit("Thủy Than", UNITS)
    # Part of names: the units that hold it, all of them; one is the one meant, perhaps.
    units = [*UNITS, ("Phường Thuỷ Dương", "Thị xã Hương Thủy"), ("Xã Thúy Lộc", None)]
    with pytest.raises(UnitNotFoundError, match="no unit named 'thủy'; 2 units' names hold "
                                                "it: Xã Thủy Thanh .*; Phường Thuỷ Dương"):
        find_unit("thủy", units)
    with pytest.raises(UnitNotFoundError) as part:
        find_unit("xã thuỷ", units, group="Hương Thủy")
    assert part.value.candidates == ("Xã Thủy Thanh (Thị xã Hương Thủy)",
                                     "Phường Thuỷ Dương (Thị xã Hương Thủy)")
    with pytest.raises(UnitNotFoundError, match="no unit named 'dương'; did you mean "
                                                "'Phường Thuỷ Dương'?"):
        find_unit("dương", units)
    many = [(f"Xã Phú {i}", None) for i in range(20)]
    with pytest.raises(UnitNotFoundError, match=r"Xã Phú 7; \.\.\. \(12 more\)") as more:
        find_unit("Phú", many)
    assert len(more.value.candidates) == 20
    # A typed error, and a KeyError for lookups by name.
    with pytest.raises(KeyError):
        find_unit("Hà Nội", UNITS)
    with pytest.raises(parindex.ParindexError):
        find_unit("Hà Nội", UNITS)


def test_names_typed_without_diacritics() -> None:
    # On a keyboard without Vietnamese input: found where unambiguous, prefix and all.
    for typed in ("thuy thanh", "Xa Thuy Thanh", "UBND xa thuy thanh", "THUY THANH"):
        assert find_unit(typed, UNITS) == 0, typed
    assert find_unit("phu loc", UNITS, group="huyen phu loc") == 3
    assert find_unit("thi tran phu loc", UNITS) == 2
    assert find_unit("hoa binh", UNITS) == 4
    # Thủy Thanh and Thúy Thanh read alike without their marks: both are listed.
    units = [*UNITS, ("Xã Thúy Thanh", "Huyện Phú Vang"), ("Xã Đông Hà", None)]
    with pytest.raises(UnitNotFoundError, match="could mean 2 units") as ambiguous:
        find_unit("thuy thanh", units)
    assert ambiguous.value.candidates == ("Xã Thủy Thanh (Thị xã Hương Thủy)",
                                          "Xã Thúy Thanh (Huyện Phú Vang)")
    assert find_unit("thuy thanh", units, group="Phu Vang") == 5
    assert find_unit("Thúy Thanh", units) == 5  # typed with its marks: no doubt
    assert find_unit("dong ha", units) == 6  # đ is d
    with pytest.raises(UnitNotFoundError, match="2 units' names hold it"):
        find_unit("thuy", units)
    with pytest.raises(UnitNotFoundError, match="did you mean 'Xã Thủy Thanh'"):
        find_unit("thuy than", UNITS)
    # A unit spelt without marks itself wins among those that read alike.
    assert find_unit("hoa binh", [*UNITS, ("Xã Hoa Bình", None), ("Xã Hoa Binh", None)]) == 6
    # A table from a system without diacritics, and a name typed with them.
    assert find_unit("Thủy Thanh", [("Xa Thuy Thanh", "Thi xa Huong Thuy")],
                     group="Hương Thủy") == 0
    # Marks typed are marks meant: "Thúy" is not "Thủy", and does not fall back.
    with pytest.raises(UnitNotFoundError):
        find_unit("Thúy Thanh", UNITS)


def test_a_finder_answers_as_find_unit_does() -> None:
    finder = UnitFinder(UNITS)
    for name, group in (("thuỷ thanh", None), ("Thị trấn Phú Lộc", None),
                        ("phú lộc", "Phú Lộc"), ("Xã Hoà Bình", None)):
        assert finder.find(name, group) == finder.get(name, group) == find_unit(name, UNITS,
                                                                                group)
    # get: no unit is None (no search for the closest names); several is still an error.
    assert finder.get("Thủy Than") is None
    with pytest.raises(UnitNotFoundError, match="did you mean 'Xã Thủy Thanh'"):
        finder.find("Thủy Than")
    with pytest.raises(UnitNotFoundError, match="could mean 3 units"):
        finder.get("phú lộc")


def test_duplicates_are_names_within_groups() -> None:
    assert duplicate_units(UNITS) == []
    assert duplicate_units([*UNITS, ("xã Hoà Bình", None), ("XÃ THUỶ THANH", "Thị xã Hương Thủy")]
                           ) == [(4, 5), (0, 6)]


VIETNAMESE = st.text(alphabet="aăâeêioôơuưyđàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợ"
                              "ùủũúụừửữứựỳỷỹýỵ XãPhường", min_size=1, max_size=20)


@given(VIETNAMESE)
def test_the_key_ignores_case_and_normal_form(name: str) -> None:
    key = unit_key(name)
    assert unit_key(name.upper()) == key
    assert unit_key(unicodedata.normalize("NFD", name)) == key
    assert unit_key(f"  {name}  ") == key
    assert unit_key(key) == key or unit_key(f"Xã {name}") == key


def _key_of_the_whole_name(name: str) -> str:
    """The name key worked out over the whole name at once (NFD, each word's tone marks to
    its end, NFC, casefold), as the matcher did before it keyed word by word."""
    decomposed = unicodedata.normalize("NFD", " ".join(name.split()))
    tones = "\u0300\u0301\u0303\u0309\u0323"
    moved = " ".join("".join(c for c in word if c not in tones)
                     + "".join(c for c in word if c in tones)
                     for word in decomposed.split(" "))
    return unicodedata.normalize("NFC", moved).casefold()


# Marks alone, at a word's start too; letters whose case folds to several (ß, ǰ, ΐ); Greek
# sigma; every kind of blank.
_ANY_NAME = st.text(alphabet=st.sampled_from(
    list("aAăĂđĐơƯxãXÃỹỸßǰΐΣσς İ\u00a0\t\n\u2003") + list("\u0300\u0301\u0303\u0309\u0323"
                                                        "\u0302\u0306\u031b")),
    max_size=24)


@given(_ANY_NAME)
def test_keying_word_by_word_is_keying_the_whole_name(name: str) -> None:
    # Names are keyed word by word (each distinct word once): neither normalisation nor
    # casefolding may cross a space, or a name would get another key than before.
    assert name_key(name) == _key_of_the_whole_name(name)


@given(st.lists(st.sampled_from("aăâeêioôơuưyđnhgtk"), min_size=1, max_size=6),
       st.sampled_from("\u0300\u0301\u0303\u0309\u0323"), st.data())
def test_the_key_ignores_where_in_the_word_the_tone_mark_sits(
        letters: list[str], tone: str, data: st.DataObject) -> None:
    # Thuỷ / Thủy: the same word with its one tone mark after any of its letters.
    word = unicodedata.normalize("NFD", "".join(letters))
    at = [i for i in range(1, len(word) + 1) if i == len(word)
          or not unicodedata.combining(word[i])]
    first, second = data.draw(st.sampled_from(at)), data.draw(st.sampled_from(at))
    marked = [word[:i] + tone + word[i:] for i in (first, second)]
    assert unit_key(f"Xã {marked[0]} Thanh") == unit_key(f"{marked[1]} thanh")


@given(VIETNAMESE)
def test_a_unit_is_found_by_its_own_name(name: str) -> None:
    units = [(name, None), ("Xã Đông Hà", None)]
    if unit_key(name) != unit_key("Xã Đông Hà"):
        assert find_unit(name, units) == 0


def test_every_lookup_uses_it(hue: parindex.Framework, thuy_thanh: parindex.Assessment
                              ) -> None:
    ranking = parindex.score_many(hue, [thuy_thanh])
    assert ranking.unit("thuỷ thanh").result.unit == "Xã Thủy Thanh"
    assert parindex.profiles(ranking).unit("UBND xã Thuỷ Thanh").unit == "Xã Thủy Thanh"
    assert parindex.gaps(ranking, "THỦY THANH").lost.result.unit == "Xã Thủy Thanh"
    with pytest.raises(UnitNotFoundError):
        ranking.unit("Thủy Thanh Mới")
    # The batch kernel takes points at the leaves: field 6's items stand for its points.
    points = {code: p for code, p in thuy_thanh.points.items() if code != "6"}
    batch = parindex.score_many(hue, [attrs.evolve(thuy_thanh, points=points)], batch=True)
    assert batch.position("thuỷ thanh") == 0
    # gaps and plan look the unit up as written first, else as people type it.
    from parindex._analysis.gaps import batch_position
    assert batch_position(batch, "Xã Thủy Thanh", None) == batch_position(
        batch, "thuỷ thanh", "Hương Thủy") == 0
    with pytest.raises(UnitNotFoundError):
        batch_position(batch, "Xã Thủy Thanh", "Phú Vang")
    assert batch.position("UBND xã Thủy Thanh", group="Hương Thủy") == 0
    with pytest.raises(UnitNotFoundError):
        batch.position("Thủy Thanh", group="Phú Vang")


def test_a_group_spelt_two_ways_is_one_group(hue: parindex.Framework,
                                              thuy_thanh: parindex.Assessment) -> None:
    # "Thị xã Hương Thuỷ" and "Thị xã Hương Thủy" are one district: one group rank of 2,
    # in the one-unit path and in the batch kernel alike.
    points = {code: p for code, p in thuy_thanh.points.items() if code != "6"}
    one = attrs.evolve(thuy_thanh, points=points, group="Thị xã Hương Thủy")
    two = attrs.evolve(one, unit="Xã Thủy Phù", group="thị xã Hương Thuỷ")
    ranking = parindex.score_many(hue, [one, two])
    assert [u.group_of for u in ranking] == [2, 2]
    assert sorted(u.group_rank for u in ranking) == [1, 1]
    batch = parindex.score_many(hue, [one, two], batch=True)
    assert batch.group_of.tolist() == [2, 2]
    # Two rows of one unit in the one group are refused, however the group is spelt.
    with pytest.raises(parindex.AssessmentError, match="appears twice"):
        parindex.score_many(hue, [one, attrs.evolve(one, group="THỊ XÃ HƯƠNG THUỶ")])


def _without_diacritics(name: str) -> str:
    # As a keyboard without Vietnamese input types it (the test's own spelling out).
    decomposed = unicodedata.normalize("NFD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace(
        "đ", "d").replace("Đ", "D")


@given(st.lists(VIETNAMESE, min_size=1, max_size=6, unique_by=unit_key), st.data())
def test_a_name_typed_without_diacritics_finds_its_unit_or_lists_it(
        names: list[str], data: st.DataObject) -> None:
    units = [(name, None) for name in names]
    i = data.draw(st.integers(0, len(names) - 1))
    typed = _without_diacritics(names[i])
    alike = [j for j, name in enumerate(names)
             if unit_key(_without_diacritics(name)) == unit_key(typed)]
    assert i in alike
    try:
        found = find_unit(typed, units)
    except UnitNotFoundError as error:
        assert len(alike) > 1 and names[i] in error.candidates
    else:
        assert found in alike
        assert len(alike) == 1 or unit_key(names[found]) == unit_key(typed)


def test_a_unit_not_found_is_a_problem_with_its_candidates(
        capsys: pytest.CaptureFixture[str]) -> None:
    """The problem was filed under the key "unit" (no file has such a key: "unit: no unit
    named ...", "unit:" in English under --lang vi, "key": "unit" in JSON); it is said as
    its message alone, and JSON gives the names to choose from as data."""
    import json
    from pathlib import Path

    from parindex._cli import main

    table = str(Path(__file__).parent / "data" / "published-2022.csv")
    args = ["gaps", table, "--framework", "thua-thien-hue/commune/2022"]
    assert main([*args, "--unit", "Thủy Than", "--lang", "vi"]) == 2
    assert capsys.readouterr().err.startswith(
        "parindex: lỗi: không có đơn vị nào tên 'Thủy Than'; có phải là 'Xã Thủy Thanh'")
    assert main([*args, "--unit", "Thủy", "--json"]) == 2
    data = json.loads(capsys.readouterr().out)
    assert data["error"] == "UnitNotFoundError"
    (problem,) = data["problems"]
    assert problem["key"] is None and problem["message"].startswith("no unit named 'Thủy'")
    assert data["candidates"] == [f"{name} (THỊ XÃ HƯƠNG THỦY)" for name in
                                  ("Xã Thủy Thanh", "Phường Thủy Dương", "Xã Thủy Phù")]
    with pytest.raises(UnitNotFoundError) as error:
        find_unit("Thủy Than", [("Xã Thủy Thanh", None)])
    assert error.value.problem.key is None and error.value.candidates == ("Xã Thủy Thanh",)
