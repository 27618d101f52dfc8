"""Year over year (parindex.compare, ``parindex compare``): matching by name and lineage,
mergers, frameworks that differ, and units found in one year only."""

from __future__ import annotations

import gc
import json
from decimal import Decimal as D
from fractions import Fraction
from pathlib import Path

import attrs
import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

import parindex
from parindex import AssessmentError
from parindex._audit.compare import comparison_to_dict
from parindex._cli import cli

EXAMPLES = Path(__file__).resolve().parents[1] / "docs" / "examples"
FRAMEWORK = EXAMPLES / "example-framework.toml"
TTH = "thua-thien-hue/commune/2022"


@pytest.fixture(scope="module")
def example() -> parindex.Framework:
    return parindex.load_framework(FRAMEWORK)


def _reproduced(name: str, framework: parindex.Framework) -> parindex.Reproduction:
    return parindex.reproduce(parindex.read_table(EXAMPLES / name, framework))


def test_two_years_with_a_rename_and_a_merger(example: parindex.Framework) -> None:
    lineage = parindex.load_lineage(EXAMPLES / "lineage-2025.toml")
    comparison = parindex.compare(_reproduced("results-2024.csv", example),
                                  _reproduced("results-2025.csv", example), lineage)
    units = {u.unit: u for u in comparison.units}
    assert list(units) == ["Xã Mẫu Sơn", "Xã Phú An", "Xã An Bình", "Xã Tân Hợp"]
    assert (comparison.old_year, comparison.new_year) == (2024, 2025)
    assert comparison.only_old == comparison.only_new == ()
    # A change of prefix (thị trấn → xã) is still the same unit, matched by name.
    assert (units["Xã Mẫu Sơn"].matched_by, units["Xã Mẫu Sơn"].old) == \
        ("name", ("Thị trấn Mẫu Sơn",))
    renamed = units["Xã Phú An"]
    assert (renamed.matched_by, renamed.old) == ("renamed", ("Xã An Phú",))
    (change,) = renamed.changes
    assert (change.total_old, change.total_new, change.total_change) == (D(82), D(90), D(8))
    assert (change.band_old, change.band_new, change.moved) == ("Tốt", "Xuất sắc", 1)
    # "giảm 01 bậc": moved is old rank − new rank.
    (dropped,) = units["Xã An Bình"].changes
    assert (dropped.rank_old, dropped.rank_new, dropped.moved) == ("2/5", "3/4", -1)
    assert {f.code: f.change for f in dropped.fields} == \
        {"1": D(-1), "2": D(-1), "3": D(0), "B": D(0), "T": D(0)}
    merged = units["Xã Tân Hợp"]
    assert merged.matched_by == "merged"
    assert [c.against for c in merged.changes] == \
        ["Xã Tân Lập", "Xã Tân Hòa", "mean of Xã Tân Lập, Xã Tân Hòa"]
    mean = merged.changes[-1]
    assert (mean.total_old, mean.total_change) == (D("80.5"), D("2.5"))
    assert mean.index_old == Fraction(161, 2) and mean.moved is None
    # Which change is against the mean is a field, not read from the text of `against`
    # (a unit's own name could begin "mean of"); it defaults to False for callers that
    # build a Change.
    assert [c.mean for c in merged.changes] == [False, False, True]
    assert not any(c.mean for u in comparison.units if u is not merged for c in u.changes)
    assert not attrs.evolve(change).mean


def test_units_without_a_match_are_listed(example: parindex.Framework) -> None:
    comparison = parindex.compare(_reproduced("results-2024.csv", example),
                                  _reproduced("results-2025.csv", example))
    assert comparison.only_old == ("Xã An Phú", "Xã Tân Lập", "Xã Tân Hòa")
    assert comparison.only_new == ("Xã Phú An", "Xã Tân Hợp")
    assert [u.unit for u in comparison.units] == ["Xã Mẫu Sơn", "Xã An Bình"]


def test_different_frameworks_compare_what_is_comparable(example: parindex.Framework) -> None:
    tth = parindex.get_framework(TTH)
    old = _reproduced("results-2022.csv", tth)
    renamed = attrs.evolve(old.units[0].assessment, unit="Xã Mẫu Sơn")
    old = attrs.evolve(old, units=(attrs.evolve(old.units[0], assessment=renamed),
                                   *old.units[1:]))
    comparison = parindex.compare(old, _reproduced("results-2025.csv", example))
    (unit,) = comparison.units
    (change,) = unit.changes
    assert change.index_change == Fraction(95) - Fraction(361, 4)
    fields = {f.code: f for f in change.fields}
    assert fields["1"].change is None and "maximum 10.0" in fields["1"].note
    assert "3" in fields and fields["3"].change is None
    assert any("exists only in thua-thien-hue/commune/2022" in n
               for n in comparison.not_comparable)


def test_lineage_names_not_in_the_tables_are_reported(example: parindex.Framework,
                                                      tmp_path: Path) -> None:
    path = tmp_path / "lineage.toml"
    path.write_text('[[renamed]]\nold = "Xã Không Có"\nnew = "Xã Phú An"\n', encoding="utf-8")
    comparison = parindex.compare(_reproduced("results-2024.csv", example),
                                  _reproduced("results-2025.csv", example),
                                  parindex.load_lineage(path))
    [problem] = comparison.problems
    assert problem.startswith("lineage: the old table: no unit named 'Xã Không Có'")
    assert "Xã Phú An" in comparison.only_new


def test_malformed_lineage_file(tmp_path: Path) -> None:
    path = tmp_path / "lineage.toml"
    path.write_text('[[renamed]]\nold = ["A", "B"]\nnew = "C"\n[[merged]]\nnew = "D"\n'
                    'renames = 1\n', encoding="utf-8")
    with pytest.raises(AssessmentError) as caught:
        parindex.load_lineage(path)
    assert [p.line for p in caught.value.problems] == [2, 6, 4]


def test_cli_json() -> None:
    done = CliRunner().invoke(cli, [
        "compare", str(EXAMPLES / "results-2024.csv"), str(EXAMPLES / "results-2025.csv"),
        "--framework", str(FRAMEWORK), "--lineage", str(EXAMPLES / "lineage-2025.toml"),
        "--json"])
    assert done.exit_code == 0, done.output
    data = json.loads(done.output)
    merged = next(u for u in data["units"] if u["unit"] == "Xã Tân Hợp")
    assert merged["matched_by"] == "merged"
    # The mean total is shown to the framework's decimals, as the index is.
    assert merged["changes"][2]["total"] == {"old": "80.50", "new": "83", "change": "2.50"}
    assert merged["changes"][0]["rank"] == {"old": "4/5", "new": "4/4", "moved": 0,
        "moved_text": "giữ nguyên", "printed_move": None}


def test_a_mean_total_is_rounded_for_display_and_compared_unrounded(
        example: parindex.Framework, tmp_path: Path) -> None:
    # Three predecessors: 81, 80 and 89 have the mean 83.333..., which has no end.
    lineage = tmp_path / "lineage.toml"
    lineage.write_text('[[merged]]\nnew = "Xã Tân Hợp"\n'
                       'old = ["Xã Tân Lập", "Xã Tân Hòa", "Xã An Bình"]\n', encoding="utf-8")
    comparison = parindex.compare(_reproduced("results-2024.csv", example),
                                  _reproduced("results-2025.csv", example),
                                  parindex.load_lineage(lineage))
    mean = next(u for u in comparison.units if u.unit == "Xã Tân Hợp").changes[-1]
    # Compared on the unrounded mean: 83 - 250/3 is -1/3, not 83 - 83.33.
    assert mean.total_old is not None and mean.total_change is not None
    assert abs(Fraction(mean.total_old) - Fraction(250, 3)) < Fraction(1, 10**20)
    assert abs(Fraction(mean.total_change) + Fraction(1, 3)) < Fraction(1, 10**20)
    args = ["compare", str(EXAMPLES / "results-2024.csv"), str(EXAMPLES / "results-2025.csv"),
            "--framework", str(FRAMEWORK), "--lineage", str(lineage)]
    done = CliRunner().invoke(cli, [*args, "--json"])
    data = json.loads(done.output)
    changes = next(u for u in data["units"] if u["unit"] == "Xã Tân Hợp")["changes"]
    assert changes[-1]["total"] == {"old": "83.33", "new": "83", "change": "-0.33"}
    assert changes[-1]["index"] == {"old": "83.33", "new": "83.00", "change": "-0.33"}
    assert [c["total"]["old"] for c in changes[:3]] == ["81", "80", "89"]  # as computed
    for lang, mean, change in (("en", "83.33 → 83", "-0.33"), ("vi", "83,33 → 83", "-0,33")):
        done = CliRunner().invoke(cli, [*args, "--lang", lang])
        assert done.exit_code == 0, done.output
        row = next(line for line in done.output.splitlines() if mean in line)
        assert [cell.strip() for cell in row.split("│")[3:5]] == [mean, change], row
        assert "83.333" not in done.output and "83,333" not in done.output


_FIELDS = parindex.get_framework(TTH).criteria


@settings(max_examples=30, deadline=None)
@given(data=st.data(), count=st.integers(1, 6))
def test_a_table_against_itself_renamed_and_shuffled_changes_nothing(
        data: st.DataObject, count: int) -> None:
    framework = parindex.get_framework(TTH)
    assessments = [parindex.Assessment(
        framework=TTH, unit=f"Xã Thử {i}", year=2022,
        points={n.code: D(data.draw(st.integers(0, int(n.max * 10)))).scaleb(-1)
                for n in _FIELDS if n.max is not None}) for i in range(count)]
    table = parindex.ResultsTable(framework, tuple(assessments))
    prefixes = data.draw(st.lists(st.sampled_from(["Phường ", "thị trấn ", "XÃ  ", ""]),
                                  min_size=count, max_size=count))
    again = [attrs.evolve(a, unit=p + a.unit.removeprefix("Xã ")) for a, p in
             zip(assessments, prefixes, strict=True)]
    again = data.draw(st.permutations(again))
    comparison = parindex.compare(parindex.reproduce(table),
                                  parindex.reproduce(attrs.evolve(table,
                                                                  assessments=tuple(again))))
    assert comparison.only_old == comparison.only_new == ()
    assert len(comparison.units) == count
    for unit in comparison.units:
        (change,) = unit.changes
        assert change.total_change == 0 and change.index_change == 0 and change.moved == 0
        assert all(f.change == 0 for f in change.fields)


def _without_year_column(name: str, folder: Path) -> Path:
    lines = (EXAMPLES / name).read_text(encoding="utf-8").splitlines()
    path = folder / name
    path.write_text("\n".join([lines[0]] + [line.split(";", 1)[1] for line in lines[1:]]),
                    encoding="utf-8")
    return path


def test_cli_years_of_tables_without_a_year_column(tmp_path: Path) -> None:
    # The example framework covers 2024-2025: without a year column, the years are given.
    old = _without_year_column("results-2024.csv", tmp_path)
    new = _without_year_column("results-2025.csv", tmp_path)
    arguments = ["compare", str(old), str(new), "--framework", str(FRAMEWORK), "--lineage",
                 str(EXAMPLES / "lineage-2025.toml"), "--json"]
    from parindex._cli import main

    assert main(arguments) == 2  # no year: said, not guessed
    done = CliRunner().invoke(cli, [*arguments, "--old-year", "2024", "--year", "2025"])
    assert done.exit_code == 0, done.output
    data = json.loads(done.output)
    assert (data["old"]["year"], data["new"]["year"]) == (2024, 2025)
    assert {u["unit"]: u["matched_by"] for u in data["units"]} == {
        "Xã Mẫu Sơn": "name", "Xã Phú An": "renamed", "Xã An Bình": "name",
        "Xã Tân Hợp": "merged"}


def test_published_tables_with_a_renamed_unit_and_a_merger_keeping_a_name(
        tmp_path: Path) -> None:
    # Tables laid out as published (tests/data/make_published.py; invented figures): the
    # districts are group headings. In the new table Xã Thủy Phù is renamed Xã Phù Thủy,
    # Phường Thủy Dương becomes Thị trấn Thủy Dương (matched by name), and Xã Lộc Bổn
    # absorbs Xã Lộc Sơn and keeps its name.
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "make_published", Path(__file__).parent / "data" / "make_published.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    old = module.grid()
    new = [list(row) for row in old[:10]]
    new[5][1] = "Xã Thủy Thanh"
    new[6][1] = "Thị trấn Thủy Dương"   # a prefix change: matched by name
    new[7][1] = "Xã Phù Thủy"           # renamed
    new[9][9] = "4,00"                  # Xã Lộc Bổn: field 8 up by 1
    new[9][10:14] = ["61,00", "25,00", "86,00", "86,00"]
    for row, rank in ((5, "01/04"), (6, "03/04"), (7, "04/04"), (9, "02/04")):
        new[row][14] = rank
    module.write(old, tmp_path, "old")
    module.write(new, tmp_path, "new")
    lineage = tmp_path / "lineage.toml"
    lineage.write_text('[[renamed]]\nold = "Xã Thủy Phù"\nnew = "Xã Phù Thủy"\n\n'
                       '[[merged]]\nnew = "Xã Lộc Bổn"\nold = ["Xã Lộc Bổn", "Xã Lộc Sơn"]\n',
                       encoding="utf-8")
    for suffix in (".csv", ".xlsx"):
        done = CliRunner().invoke(cli, ["compare", str(tmp_path / f"old{suffix}"),
                                        str(tmp_path / f"new{suffix}"), "--framework", TTH,
                                        "--lineage", str(lineage), "--json"])
        assert done.exit_code == 0, done.output
        data = json.loads(done.output)
        assert (data["only_old"], data["only_new"], data["problems"]) == ([], [], [])
        units = {u["unit"]: u for u in data["units"]}
        assert {name: u["matched_by"] for name, u in units.items()} == {
            "Xã Thủy Thanh": "name", "Thị trấn Thủy Dương": "name",
            "Xã Phù Thủy": "renamed", "Xã Lộc Bổn": "merged"}
        merged = units["Xã Lộc Bổn"]["changes"]
        assert [c["against"] for c in merged] == [
            "Xã Lộc Bổn", "Xã Lộc Sơn", "mean of Xã Lộc Bổn, Xã Lộc Sơn"]
        # The mean's change to the framework's 3 places, as its index.
        assert [c["total"]["change"] for c in merged] == ["1.00", "20.00", "10.500"]
        assert merged[0]["rank"] == {"old": "2/5", "new": "2/4", "moved": 0,
        "moved_text": "giữ nguyên", "printed_move": None}
        fields = {f["code"]: f["change"] for f in merged[0]["fields"]}
        assert fields["8"] == "1.00" and fields["1"] == "0.00"
        renamed = units["Xã Phù Thủy"]["changes"][0]
        assert renamed["rank"] == {"old": "4/5", "new": "4/4", "moved": 0,
        "moved_text": "giữ nguyên", "printed_move": None}


_LEAVES = [n for n in parindex.get_framework(TTH).walk() if n.is_leaf]


@st.composite
def _leaf_tables(draw: st.DrawFn, year: int) -> parindex.ResultsTable:
    """A table of leaf points, some units printing a total (right, or off by 0.25)."""
    framework = parindex.get_framework(TTH)
    count = draw(st.integers(1, 6))
    assessments = []
    for i in range(count):
        points = {n.code: D(draw(st.integers(0, int(n.max * 4)))).scaleb(-2) * 25
                  for n in _LEAVES if n.max is not None}
        assessments.append(parindex.Assessment(
            framework=TTH, unit=f"Xã Thử {draw(st.integers(0, 8))}{i}", year=year,
            points=points, group=draw(st.sampled_from([None, "Huyện A", "Huyện B"]))))
    return parindex.ResultsTable(framework, tuple(assessments))


@settings(max_examples=25, deadline=None)
@given(old=_leaf_tables(2022), new=_leaf_tables(2022), data=st.data())
def test_compare_on_the_kernel_equals_compare_on_the_explainer(
        old: parindex.ResultsTable, new: parindex.ResultsTable, data: st.DataObject) -> None:
    # reproduce() takes the kernel pass for a consistent table (no result worked out);
    # explained() scores every row with the one-unit explainer: compare must not differ.
    from parindex._audit.reproduce import explained

    fast = parindex.compare(parindex.reproduce(old), parindex.reproduce(new))
    slow = parindex.compare(explained(old), explained(new))
    assert fast == slow
    assert comparison_to_dict(fast) == comparison_to_dict(slow)


def test_the_collector_is_paused_while_comparing_and_restored_after(
        example: parindex.Framework, monkeypatch: pytest.MonkeyPatch) -> None:
    # compare() builds a change per unit and a field change per field, with no cycles:
    # the cyclic collector waits (its full passes over two large tables cost 40 %).
    from parindex._audit import compare as module

    seen = []
    inner = module._compare
    monkeypatch.setattr(module, "_compare",
                        lambda *args: seen.append(gc.isenabled()) or inner(*args))
    old = _reproduced("results-2024.csv", example)
    new = _reproduced("results-2025.csv", example)
    assert gc.isenabled()
    parindex.compare(old, new)
    assert seen == [False] and gc.isenabled()
    gc.disable()
    try:  # a caller that paused it keeps it paused
        parindex.compare(old, new)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_names_years_and_printed_ranks_are_read_from_the_columns(
        example: parindex.Framework) -> None:
    # compare, gaps and plan read these of every row of a table read by columns, which
    # builds no row's Assessment for them.
    from parindex._formats.rows import TableRows, column

    rows = parindex.read_table(EXAMPLES / "results-2024.csv", example).assessments
    assert isinstance(rows, TableRows)
    found = {name: column(rows, name) for name in ("unit", "group", "year", "rank")}
    assert rows._built == [None] * len(rows)  # type: ignore[attr-defined]
    built = list(rows)
    assert found == {"unit": [a.unit for a in built], "group": [a.group for a in built],
                     "year": [a.year for a in built],
                     "rank": [a.published.rank for a in built]}
    assert found == {name: column(built, name) for name in found}
    assert len(set(found["unit"])) == len(rows) and any(found["rank"])
