"""Reproducing published tables (parindex.reproduce, ``parindex reproduce``): the docs'
Thủy Thanh example, and properties over generated tables: a consistent table has no
discrepancy; each kind of planted error is found at its row and nowhere else."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal as D
from pathlib import Path
from typing import Any

import attrs
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import parindex
from parindex import (
    Band,
    BandBasis,
    Framework,
    LegalBasis,
    Node,
    NodeKind,
    Provenance,
    PublishedRank,
    RankBasis,
    RankingMethod,
    Status,
)
from parindex._cli import cli
from parindex._formats.tables import table_rows

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "docs" / "examples" / "results-2022.csv"
DATA = Path(__file__).parent / "data"
TTH = "thua-thien-hue/commune/2022"
SOURCE = Provenance(Status.READ, "test")


# --- the documented example ------------------------------------------------------------------

def test_docs_example_finds_the_two_planted_errors() -> None:
    framework = parindex.get_framework(TTH)
    reproduction = parindex.reproduce(parindex.read_table(EXAMPLE, framework))
    found = {(u.row, u.unit, d.what, d.published, d.computed)
             for u, d in reproduction.discrepancies}
    assert found == {(4, "Xã Minh Họa B", "total", "82.03", "82.3"),
                     (6, "Xã Minh Họa C", "rank", "4", "3/5")}
    thuy_thanh = reproduction.unit("xã thủy thanh")
    # The real figures of seed 000 agree; at field level nothing says 3.5.2 did not arise,
    # so the index is over 100 (78.636), not over 99.5 (79.031) as item by item.
    assert thuy_thanh.result.total == D("78.636")
    assert thuy_thanh.result.display(thuy_thanh.result.index) == "78.636"
    assert (thuy_thanh.rank, thuy_thanh.of) == (3, 5)
    assert reproduction.problems == ()


def test_cli_exit_status_and_json(tmp_path: Path) -> None:
    runner = CliRunner()
    done = runner.invoke(cli, ["reproduce", str(EXAMPLE), "--framework", TTH, "--json"])
    assert done.exit_code == 1, done.output
    data = json.loads(done.output)
    units = {u["unit"]: u for u in data["units"]}
    assert set(units["Xã Minh Họa B"]) >= {"unit", "group", "total", "index", "band", "rank",
                                           "group_rank", "discrepancies"}
    assert units["Xã Minh Họa B"]["discrepancies"] == [{
        "what": "total", "published": "82.03", "computed": "82.3",
        "evidence": "appraised 55.5 + survey 26.8 = 82.3; printed 82.03"}]
    assert units["Xã Thủy Thanh"]["total"] == "78.636"
    assert units["Xã Thủy Thanh"]["rank"] == 3
    assert data["summary"]["with_discrepancies"] == 2
    done = runner.invoke(cli, ["reproduce", str(EXAMPLE), "--framework", TTH,
                               "--no-fail-on-discrepancy"])
    assert done.exit_code == 0, done.output
    assert "row 4, Xã Minh Họa B: total: published 82.03, computed 82.3" in done.output
    bad = tmp_path / "bad.csv"
    bad.write_text(EXAMPLE.read_text(encoding="utf-8").replace("82,03", "82,o3"),
                   encoding="utf-8")
    from parindex._cli import main

    assert main(["reproduce", str(bad), "--framework", TTH, "--json"]) == 2


def test_thuy_thanh_item_table_reproduces_seed_000() -> None:
    framework = parindex.get_framework(TTH)
    for name in ("thuy-thanh-2022.csv", "thuy-thanh-2022.xlsx"):
        table = parindex.read_table(DATA / name, framework,
                                    mapping=DATA / "thuy-thanh-2022-mapping.toml")
        (unit,) = parindex.reproduce(table).units
        assert (unit.result.appraised, unit.result.total) == (D("49.97"), D("78.636"))
        assert unit.result.display(unit.result.index) == "79.031"
        assert unit.discrepancies == ()
        # Printed among the 10 communes of Hương Thủy: one row cannot check it.
        assert any("printed among 10 units" in note for note in unit.unchecked)


# --- generated tables ------------------------------------------------------------------------

BANDS = (("Xuất sắc", 90), ("Tốt", 80), ("Khá", 70), ("Trung bình", 50), ("Yếu", 0))


@st.composite
def frameworks(draw: st.DrawFn) -> Framework:
    """Field-level frameworks: 2–5 appraised fields and a survey block, integer maxima."""
    maxima = draw(st.lists(st.integers(2, 30), min_size=2, max_size=5))
    fields = [Node(str(i), f"Lĩnh vực {i}", D(m), SOURCE) for i, m in enumerate(maxima, 1)]
    survey = Node(str(len(maxima) + 1), "Điều tra xã hội học", D(draw(st.integers(5, 30))),
                  SOURCE, kind=NodeKind.SURVEY)
    return Framework(
        id="test-province/commune/2022", name="Bộ tiêu chí thử", level="commune",
        legal_basis=LegalBasis("1/QĐ-UBND", date(2022, 1, 1)), first_year=2022,
        last_year=2022, criteria=(*fields, survey),
        bands=tuple(Band(n, D(m), SOURCE) for n, m in BANDS),
        band_basis=draw(st.sampled_from(BandBasis)), decimals=2,
        ranking=draw(st.sampled_from(RankingMethod)), rank_by=draw(st.sampled_from(RankBasis)))


@st.composite
def consistent_tables(draw: st.DrawFn) -> parindex.ResultsTable:
    """A table as a publisher prints it when every figure is right, with ties."""
    framework = draw(frameworks())
    count = draw(st.integers(2, 8))
    units: list[dict[str, D]] = []
    for _ in range(count):
        if units and draw(st.integers(0, 3)) == 0:
            units.append(dict(draw(st.sampled_from(units))))  # a tie
            continue
        units.append({n.code: D(draw(st.integers(0, int(n.max * 100)))).scaleb(-2)
                      for n in framework.criteria if n.max is not None})
    groups = draw(st.lists(st.sampled_from([None, "Huyện A", "Huyện B"]), min_size=count,
                           max_size=count))
    assessments = [parindex.Assessment(framework=framework.id, unit=f"Xã Thử {i + 1}",
                                       year=2022, points=points, group=groups[i])
                   for i, points in enumerate(units)]
    return parindex.ranking_table(parindex.score_many(framework, assessments))


def _written(table: parindex.ResultsTable, tmp_path: Path, kind: str) -> Path:
    """The table as a Vietnamese sheet: Vietnamese headers, decimal commas in CSV."""
    if kind == "xlsx":
        return parindex.write_table(table, tmp_path / "t.xlsx", vietnamese=True)
    rows = table_rows(table, vietnamese=True)
    text = "\n".join(";".join(str(v).replace(".", ",") if isinstance(v, D) else str(v)
                              for v in row) for row in rows)
    path = tmp_path / "t.csv"
    path.write_text("KẾT QUẢ (bảng thử)\n" + text + "\n", encoding="utf-8-sig")
    return path


def _found(table: parindex.ResultsTable, tmp_path: Path, kind: str) -> dict[int, set[str]]:
    """Row (0-based unit position) → what disagrees, after writing and reading back."""
    read = parindex.read_table(_written(table, tmp_path, kind), table.framework)
    assert read.problems == ()
    reproduction = parindex.reproduce(read)
    assert reproduction.problems == ()
    return {i: {d.what for d in unit.discrepancies}
            for i, unit in enumerate(reproduction.units) if unit.discrepancies}


_SETTINGS = settings(max_examples=40, deadline=None,
                     suppress_health_check=[HealthCheck.function_scoped_fixture,
                                            HealthCheck.too_slow])


def _with_published(table: parindex.ResultsTable, row: int,
                    **changes: object) -> parindex.ResultsTable:
    units = list(table.assessments)
    units[row] = attrs.evolve(units[row], published=attrs.evolve(units[row].published,
                                                                  **changes))
    return attrs.evolve(table, assessments=tuple(units))


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
@_SETTINGS
@given(table=consistent_tables())
def test_consistent_table_has_no_discrepancy(tmp_path: Path, kind: str,
                                             table: parindex.ResultsTable) -> None:
    assert _found(table, tmp_path, kind) == {}


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
@_SETTINGS
@given(table=consistent_tables(), data=st.data())
def test_total_not_the_sum_of_its_parts_is_found_at_its_row(
        tmp_path: Path, kind: str, table: parindex.ResultsTable, data: st.DataObject) -> None:
    row = data.draw(st.integers(0, len(table.assessments) - 1))
    total = table.assessments[row].published.total
    assert total is not None
    delta = data.draw(st.integers(1, 500).map(lambda n: D(n).scaleb(-2)) | st.just(D(-1)))
    assert _found(_with_published(table, row, total=total + delta), tmp_path, kind) == \
        {row: {"total"}}


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
@_SETTINGS
@given(table=consistent_tables(), data=st.data())
def test_part_above_its_maximum_is_found_at_its_row(
        tmp_path: Path, kind: str, table: parindex.ResultsTable, data: st.DataObject) -> None:
    row = data.draw(st.integers(0, len(table.assessments) - 1))
    node = data.draw(st.sampled_from(table.framework.criteria))
    assert node.max is not None
    excess = D(data.draw(st.integers(1, 300))).scaleb(-2)
    units = list(table.assessments)
    units[row] = attrs.evolve(units[row], points={**units[row].points,
                                                  node.code: node.max + excess})
    found = _found(attrs.evolve(table, assessments=tuple(units)), tmp_path, kind)
    # Every other row is checked as the publisher computed it; this row's total (and so
    # possibly its index, band and rank) no longer follows from its parts.
    assert set(found) == {row}
    assert {node.code, "total"} <= found[row]


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
@_SETTINGS
@given(table=consistent_tables(), data=st.data())
def test_rank_contradicting_the_totals_is_found_at_its_row(
        tmp_path: Path, kind: str, table: parindex.ResultsTable, data: st.DataObject) -> None:
    row = data.draw(st.integers(0, len(table.assessments) - 1))
    rank = table.assessments[row].published.rank
    assert rank is not None
    wrong = data.draw(st.integers(1, len(table.assessments)).filter(
        lambda p: p != rank.position))
    changed = _with_published(table, row, rank=PublishedRank(wrong, rank.of))
    assert _found(changed, tmp_path, kind) == {row: {"rank"}}


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
@_SETTINGS
@given(table=consistent_tables(), data=st.data())
def test_wrong_band_is_found_at_its_row(tmp_path: Path, kind: str,
                                        table: parindex.ResultsTable,
                                        data: st.DataObject) -> None:
    row = data.draw(st.integers(0, len(table.assessments) - 1))
    band = table.assessments[row].published.band
    wrong = data.draw(st.sampled_from([n for n, _ in BANDS if n != band]))
    assert _found(_with_published(table, row, band=wrong), tmp_path, kind) == {row: {"band"}}


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
@_SETTINGS
@given(table=consistent_tables(), data=st.data())
def test_tie_ranked_apart_is_found_at_its_row(tmp_path: Path, kind: str,
                                              table: parindex.ResultsTable,
                                              data: st.DataObject) -> None:
    units = table.assessments
    ranks = [u.published.rank for u in units]
    tied = [i for i in range(len(units)) for j in range(len(units))
            if i != j and ranks[i] == ranks[j]]
    if not tied:
        # Make a tie: the last unit copies the first's points, and the table is re-ranked.
        copied = [*units[:-1], attrs.evolve(units[-1], points=units[0].points)]
        table = parindex.ranking_table(parindex.score_many(table.framework, copied))
        units = table.assessments
        ranks = [u.published.rank for u in units]
        tied = [i for i in range(len(units)) for j in range(len(units))
                if i != j and ranks[i] == ranks[j]]
    row = data.draw(st.sampled_from(tied))
    rank = ranks[row]
    assert rank is not None
    apart = _with_published(table, row, rank=PublishedRank(rank.position + 1, rank.of))
    assert _found(apart, tmp_path, kind) == {row: {"rank"}}


def test_framework_file_and_unreadable_rows(tmp_path: Path) -> None:
    framework = parindex.get_framework(TTH)
    path = tmp_path / "framework.toml"
    path.write_text(parindex.dumps_framework(framework), encoding="utf-8")
    table = tmp_path / "t.csv"
    table.write_text("Tên đơn vị;1;2;3;4;5;6;7;8;9;Tổng điểm;Xếp hạng\n"
                     "Xã A;5;2;11;3;10;8;7;1;28;75;1\n"
                     "Xã B;5;2;abc;3;10;8;7;1;28;75;1\n", encoding="utf-8")
    from parindex._cli import main

    assert main(["reproduce", str(table), "--framework", str(path), "--json"]) == 2
    reproduction = parindex.reproduce(parindex.read_table(table, framework))
    a, b = reproduction.units
    assert a.result is not None and a.discrepancies == ()
    assert any("ranks are neither computed nor checked" in note for note in a.unchecked)
    assert a.rank is None
    assert b.result is None
    assert {(p.line, p.key) for p in reproduction.problems} >= {(3, "3")}


def test_planted_errors_in_a_vietnamese_workbook(tmp_path: Path) -> None:
    """A sheet as provinces print them (title rows, Vietnamese headers, decimal commas as
    text beside Excel numbers, groups), one planted error per row: each is found at its
    row, and nothing else is."""
    import openpyxl

    framework = parindex.get_framework(TTH)
    rows = {  # fields 1–8 and the survey (9); invented units
        "Xã Một": "9 4 13 3 9 8 14 3 27", "Xã Hai": "8 4 12 3 9 8 13 3 26",
        "Xã Ba": "7,5 4 12 2,5 9 7 12 3 25", "Xã Bốn": "7 3,5 11 2,5 8 7 12 2 25",
        "Xã Năm": "7 3,5 11 2,5 8 7 12 2 25", "Xã Sáu": "6 3 10 2 8 6 11 2 24",
        "Phường Bảy": "5,25 3 9,5 2 7 6 10 1,5 23", "Thị trấn Tám": "5 2 9 2 6 5 9 1 22",
    }
    assessments = [parindex.Assessment(
        framework=TTH, unit=unit, year=2022, group="Huyện A" if i % 2 else "Huyện B",
        points={str(code): D(v.replace(",", ".")) for code, v in enumerate(text.split(), 1)})
        for i, (unit, text) in enumerate(rows.items())]
    table = parindex.ranking_table(parindex.score_many(framework, assessments))
    printed = [list(r) for r in table_rows(table, vietnamese=True)]
    header = printed[0]
    column = {name: header.index(name) for name in header}
    # Row positions below are 0-based among units; the sheet has 3 title rows + header.
    printed[1][column["Tổng điểm"]] = D("99.5")                  # total ≠ its parts
    printed[2][column["4"]] = D("3.5")                           # a part above its maximum
    printed[3][column["Xếp hạng"]] = "8/8"                       # rank contradicts totals
    printed[6][column["Xếp loại"]] = "Tốt"                       # wrong band
    assert printed[4][column["Xếp hạng"]] == printed[5][column["Xếp hạng"]] == "4/8"
    printed[5][column["Xếp hạng"]] = "5/8"                       # a tie ranked apart
    header[column["Xếp hạng trong nhóm"]] = "Xếp hạng trong huyện"
    header[column["Nhóm"]] = "Huyện"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["UBND TỈNH (ví dụ)"])
    sheet.append(["KẾT QUẢ CHỈ SỐ CCHC NĂM 2022 (số liệu giả định)"])
    sheet.append([])
    for number, row in enumerate(printed):
        cells = []
        for i, value in enumerate(row):
            if isinstance(value, D):
                value = (str(value).replace(".", ",") if (number + i) % 2
                         else float(value))  # text with a decimal comma, or a number
            cells.append(value)
        sheet.append(cells)
    path = tmp_path / "ket-qua.xlsx"
    book.save(path)
    done = CliRunner().invoke(cli, ["reproduce", str(path), "--framework", TTH, "--json"])
    assert done.exit_code == 1, done.output
    data = json.loads(done.output)
    assert data["problems"] == [] and data["ignored_columns"] == []
    found = {u["row"] - 5: {d["what"] for d in u["discrepancies"]}
             for u in data["units"] if u["discrepancies"]}
    assert found.keys() == {0, 1, 2, 4, 5}
    assert found[0] == {"total"}
    assert {"4", "total"} <= found[1]
    assert found[2] == {"rank"} and found[4] == {"rank"} and found[5] == {"band"}


def test_a_directory_of_assessments_is_a_table(tmp_path: Path) -> None:
    """Assessment files reproduced together: seed 000's own disagreement (3.5 printed 0.5,
    its items give 1.25) is found, and the file is named."""
    (tmp_path / "thuy-thanh.toml").write_text(
        parindex.example_path().read_text(encoding="utf-8"), encoding="utf-8")
    done = CliRunner().invoke(cli, ["reproduce", str(tmp_path), "--json"])
    assert done.exit_code == 1, done.output
    (unit,) = json.loads(done.output)["units"]
    assert unit["file"].endswith("thuy-thanh.toml") and unit["row"] is None
    assert [(d["what"], d["published"], d["computed"]) for d in unit["discrepancies"]] == \
        [("3.5", "0.5", "1.25")]
    done = CliRunner().invoke(cli, ["reproduce", str(EXAMPLE)])
    assert done.exit_code != 0 and "needs --framework" in done.output


def test_items_contradicting_their_field_and_points_below_zero(tmp_path: Path) -> None:
    framework = parindex.get_framework(TTH)
    path = tmp_path / "t.csv"
    # Field 1 is given with its items 1.1.1–1.6: the items add up to 4.86 (row 2) or 5.86
    # (row 3) while 1 is printed 5.86. Field 4 is printed −1 in row 3. The same commune
    # name in two districts is two units.
    items = "0,0;0,8;0,75;1;0,0;1,0;1,0;0,0;1,31"
    path.write_text(
        "Tên đơn vị;Huyện;1;1.1.1;1.1.2;1.2;1.3.1;1.3.2;1.4.1;1.4.2;1.5;1.6;2;3;4;5;6;7;8;9\n"
        f"Xã An;Huyện A;5,86;{items.replace('0,8', '0,0', 1)};2,5;11,73;3;10;8;7,88;1;28,666\n"
        f"Xã An;Huyện B;5,86;{items};2,5;11,73;-1;10;8;7,88;1;28,666\n", encoding="utf-8")
    table = parindex.read_table(path, framework)
    assert table.problems == ()
    first, second = parindex.reproduce(table).units
    assert [(d.what, d.published, d.computed) for d in first.discrepancies] == \
        [("1", "5.86", "5.06")]
    assert [(d.what, d.published, d.computed) for d in second.discrepancies] == \
        [("4", "-1", "≥ 0")]
    assert second.result.total == D("74.636")  # counted as printed: 78.636 − 3 − 1


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
@_SETTINGS
@given(data=st.data())
def test_any_generated_framework_consistent_table_has_no_discrepancy(
        tmp_path: Path, kind: str, data: st.DataObject) -> None:
    """The public strategies' frameworks (deep trees, not-arising items, bonus and penalty,
    tie-break codes, dense ranking, bands on points): a computed ranking, written as a
    Vietnamese sheet and read back, reproduces without a discrepancy."""
    from hypothesis import assume

    from parindex.testing import strategies as pst

    framework = data.draw(pst.frameworks())
    units = data.draw(pst.assessment_sets(framework, min_size=2, max_size=6,
                                          self_assessed=False))
    try:
        ranking = parindex.score_many(framework, units)
    except parindex.MissingInformationError:
        assume(False)  # an unknown maximum or threshold decides it: nothing to reproduce
        raise
    table = parindex.ranking_table(ranking)
    assert _found(table, tmp_path, kind) == {}


# --- tables laid out as published (tests/data/make_published.py, invented figures) ---------

def _published() -> Any:
    """tests/data/make_published.py, imported (``grid()`` and ``write()``)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_published",
                                                  DATA / "make_published.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _plant(rows: list[list[str]], changes: dict[tuple[int, str], str]) -> list[list[str]]:
    """The rows with cells replaced: (1-based row, header) → text."""
    header = rows[3]
    rows = [list(row) for row in rows]
    for (row, column), text in changes.items():
        rows[row - 1][header.index(column)] = text
    return rows


def _reproduce_json(path: Path) -> tuple[int, dict[str, object]]:
    """``parindex reproduce PATH --json``: the exit status and the JSON printed."""
    import contextlib
    import io

    from parindex._cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(["reproduce", str(path), "--framework", TTH, "--json"])
    return status, json.loads(out.getvalue())


def _found_by_row(data: dict[str, object]) -> dict[int, set[str]]:
    units = data["units"]
    assert isinstance(units, list)
    return {u["row"]: {d["what"] for d in u["discrepancies"]} for u in units
            if u["discrepancies"]}


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_published_layout_consistent_reproduces_with_status_0(suffix: str) -> None:
    status, data = _reproduce_json(DATA / f"published-2022{suffix}")
    assert status == 0
    assert _found_by_row(data) == {}
    units = data["units"]
    assert isinstance(units, list)
    assert [(u["row"], u["group"], u["rank"], u["group_rank"]) for u in units] == [
        (6, "THỊ XÃ HƯƠNG THỦY", 1, 1), (7, "THỊ XÃ HƯƠNG THỦY", 2, 2),
        (8, "THỊ XÃ HƯƠNG THỦY", 4, 3), (10, "HUYỆN PHÚ LỘC", 2, 1),
        (11, "HUYỆN PHÚ LỘC", 5, 2)]
    assert data["problems"] == []


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_published_layout_planted_errors_are_found_at_their_rows(tmp_path: Path,
                                                                 suffix: str) -> None:
    module = _published()
    rows = _plant(module.grid(), {
        (6, "Tổng điểm"): "92,00",        # a total that is not the sum of its parts
        (8, "Xếp loại"): "Tốt",            # a wrong band (78: Khá)
        (10, "Xếp hạng"): "03/05",         # a tie (85, with row 7) ranked apart
        # a part above its maximum (14,5), counted as printed everywhere else
        (11, "Lĩnh vực 3"): "14,80", (11, "Điểm thẩm định"): "50,80",
        (11, "Tổng điểm"): "70,80", (11, "Chỉ số CCHC (%)"): "70,80", (11, "Xếp loại"): "Khá",
    })
    module.write(rows, tmp_path, "planted")
    status, data = _reproduce_json(tmp_path / f"planted{suffix}")
    assert status == 1
    assert _found_by_row(data) == {6: {"total"}, 8: {"band"}, 10: {"rank"}, 11: {"3"}}


def test_published_layout_unreadable_cell_gives_status_2_and_the_rest(tmp_path: Path) -> None:
    module = _published()
    rows = _plant(module.grid(), {(7, "Lĩnh vực 5"): "9,o"})
    module.write(rows, tmp_path, "unreadable")
    status, data = _reproduce_json(tmp_path / "unreadable.csv")
    assert status == 2
    problems = data["problems"]
    assert isinstance(problems, list)
    assert [(p["row"], p["column"], p["code"]) for p in problems] == [(7, "Lĩnh vực 5", "5")]
    units = data["units"]
    assert isinstance(units, list)
    assert [u["total"] for u in units] == ["91.00", None, "78.00", "85.00", "66.00"]


def _parts_only(rows: list[list[str]]) -> list[list[str]]:
    """The published rows without the fields' columns: only the parts and the total."""
    keep = [i for i, h in enumerate(rows[3]) if not h.startswith("Lĩnh vực")]
    return [[row[i] for i in keep if i < len(row)] for row in rows]


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_table_of_parts_is_reproduced_and_its_errors_found(tmp_path: Path,
                                                           suffix: str) -> None:
    module = _published()
    module.write(_parts_only(module.grid()), tmp_path, "parts")
    status, data = _reproduce_json(tmp_path / f"parts{suffix}")
    assert (status, _found_by_row(data), data["problems"]) == (0, {}, [])
    rows = _plant(module.grid(), {
        (6, "Tổng điểm"): "91,50",                       # 63,50 + 27,50 is 91
        (8, "Xếp loại"): "Tốt",
        (10, "Xếp hạng"): "03/05",
        # the appraised part above its maximum, 70
        (11, "Điểm thẩm định"): "70,50", (11, "Điểm điều tra XHH"): "3,00",
        (11, "Tổng điểm"): "73,50", (11, "Chỉ số CCHC (%)"): "73,50", (11, "Xếp loại"): "Khá",
    })
    module.write(_parts_only(rows), tmp_path, "parts")
    status, data = _reproduce_json(tmp_path / f"parts{suffix}")
    assert status == 1
    assert _found_by_row(data) == {6: {"total"}, 8: {"band"}, 10: {"rank"},
                                   11: {"appraised"}}


def test_table_of_totals_only_is_reproduced(tmp_path: Path) -> None:
    path = tmp_path / "totals.csv"
    path.write_text("STT;Đơn vị;Tổng điểm;Xếp hạng;Xếp loại\n1;Xã A;91,00;1;Xuất sắc\n"
                    "2;Xã B;85,00;2;Tốt\n3;Xã C;85,00;3;Tốt\n4;Xã D;60,00;4;Khá\n",
                    encoding="utf-8")
    status, data = _reproduce_json(path)
    assert status == 1
    # Xã C ties Xã B but is printed 3rd. 60 is Trung bình (55-70) over the full 100, but
    # Khá over an arising maximum of at most 85.7, which a table without "x" marks cannot
    # rule out: not checked, with the range of admissible indexes.
    assert _found_by_row(data) == {4: {"rank"}}
    units = data["units"]
    assert isinstance(units, list)
    assert any(note.startswith("band Khá: the band of an index between 60.000 and")
               for note in units[3]["unchecked"])
    # No arising maximum makes 60 points Yếu (below 55 %): still a discrepancy.
    path.write_text(path.read_text(encoding="utf-8").replace("60,00;4;Khá", "60,00;4;Yếu"),
                    encoding="utf-8")
    assert _found_by_row(_reproduce_json(path)[1]) == {4: {"rank"}, 5: {"band"}}


def test_ranks_among_each_groups_units_are_checked_as_group_ranks(tmp_path: Path) -> None:
    # "Xếp hạng" printed 01/03 ... under each district heading: ranks within the district.
    module = _published()
    ranks = {6: "01/03", 7: "02/03", 8: "03/03", 10: "01/02", 11: "02/02"}
    rows = _plant(module.grid(), {(row, "Xếp hạng"): rank
                                  for row, rank in ranks.items()})
    module.write(rows, tmp_path, "district")
    status, data = _reproduce_json(tmp_path / "district.csv")
    assert (status, _found_by_row(data)) == (0, {})
    units = data["units"]
    assert isinstance(units, list)
    assert [u["published"]["group_rank"] for u in units] == [
        "1/3", "2/3", "3/3", "1/2", "2/2"]
    assert all(u["published"]["rank"] is None and u["unchecked"] == [] for u in units)
    rows = _plant(rows, {(11, "Xếp hạng"): "01/02"})  # Xã Lộc Sơn (66) is 2nd of 2
    module.write(rows, tmp_path, "district")
    status, data = _reproduce_json(tmp_path / "district.csv")
    assert (status, _found_by_row(data)) == (1, {11: {"group_rank"}})


def test_json_says_when_a_table_gives_totals_only(tmp_path: Path) -> None:
    module = _published()
    module.write(_parts_only(module.grid()), tmp_path, "parts")
    assert _reproduce_json(tmp_path / "parts.csv")[1]["totals_only"] == "appraised"
    assert _reproduce_json(DATA / "published-2022.csv")[1]["totals_only"] is None


def _field_table(tmp_path: Path, index: str, band: str) -> parindex.Reproduction:
    """Thủy Thanh's printed fields (seed 000) with a printed index and band."""
    table = tmp_path / "fields.csv"
    table.write_text(
        "Tên đơn vị;1;2;3;4;5;6;7;8;9;Tổng điểm;Chỉ số CCHC;Xếp loại\n"
        f"Xã Thủy Thanh;5,86;2,5;11,73;3,0;10;8,0;7,88;1,0;28,666;78,636;{index};{band}\n",
        encoding="utf-8")
    return parindex.reproduce(parindex.read_table(table, parindex.get_framework(TTH)))


def test_a_printed_index_over_the_arising_maximum_is_not_a_discrepancy(tmp_path: Path) -> None:
    # The seed's real index: 78.636 over the arising maximum 99.5 (3.5.2 did not arise).
    # A table of field points cannot say so, so the index is checked against every
    # arising maximum the framework allows, and the one it implies is said.
    unit = _field_table(tmp_path, "79,031", "Khá").units[0]
    assert unit.discrepancies == ()
    assert any("implies an arising maximum of about 99.500" in u for u in unit.unchecked)


def test_an_index_no_arising_maximum_explains_is_still_wrong(tmp_path: Path) -> None:
    # 78.636 out of at most 100 cannot be 60 %, nor 95 % (the items of fields given
    # points could exclude at most 70 points, but not more than the total allows).
    unit = _field_table(tmp_path, "60,0", "Khá").units[0]
    assert [d.what for d in unit.discrepancies] == ["index"]
    # The band must still be the band of the printed index: 79.031 is Khá.
    for band in ("Xuất sắc", "Yếu"):
        unit = _field_table(tmp_path, "79,031", band).units[0]
        assert [d.what for d in unit.discrepancies] == ["band"]


def test_without_a_printed_index_a_band_any_admissible_index_gives_is_unchecked(
        tmp_path: Path) -> None:
    table = tmp_path / "fields.csv"
    rows = "Xã Thủy Thanh;5,86;2,5;11,73;3,0;10;8,0;7,88;1,0;28,666;78,636;{}\n"
    for band, found in (("Tốt", []), ("Trung bình", ["band"])):
        table.write_text("Tên đơn vị;1;2;3;4;5;6;7;8;9;Tổng điểm;Xếp loại\n"
                         + rows.format(band), encoding="utf-8")
        unit = parindex.reproduce(parindex.read_table(table, parindex.get_framework(TTH)))
        # 78.636 over an arising maximum below 98.3 would be Tốt; never below Khá.
        assert [d.what for d in unit.units[0].discrepancies] == found
