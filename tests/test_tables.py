"""Results tables in and out: CSV, .xlsx, JSON, TOML and pandas (parindex.read_table,
parindex.write_table), on the Thủy Thanh 2022 data of seed 000 and on generated tables."""

from __future__ import annotations

import sys
import unicodedata
from decimal import Decimal as D
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import parindex
from parindex import AssessmentError, PublishedRank
from parindex._formats.tables import excel_decimal, format_places, normalise_header
from parindex.testing import strategies as pst

DATA = Path(__file__).parent / "data"
TTH = "thua-thien-hue/commune/2022"


@pytest.fixture(scope="module")
def tth() -> parindex.Framework:
    return parindex.get_framework(TTH)


@pytest.fixture(scope="module")
def seed() -> parindex.Assessment:
    return parindex.load_assessment(parindex.example_path())


# --- the Thủy Thanh tables (seed 000) --------------------------------------------------------

@pytest.mark.parametrize("name", ["thuy-thanh-2022.csv", "thuy-thanh-2022.xlsx"])
def test_thuy_thanh_table_reads_as_the_typed_assessment(name: str, tth: parindex.Framework,
                                                         seed: parindex.Assessment) -> None:
    table = parindex.read_table(DATA / name, tth, mapping=DATA / "thuy-thanh-2022-mapping.toml")
    assert table.problems == ()
    assert table.ignored == ()
    (assessment,) = table.assessments
    # Decomposed Unicode and a non-breaking space in the sheet read as the published text.
    assert assessment.unit == "Xã Thủy Thanh"
    assert assessment.group == "Thị xã Hương Thủy"
    assert assessment.year == 2022
    assert assessment.points == seed.points  # decimal commas, text and Excel numbers, "x"
    published = assessment.published
    assert (published.total, published.appraised) == (D("78.636"), D("49.97"))
    assert published.group_rank == PublishedRank(2, 10)
    assert published.rank_basis == "appraised"
    assert assessment.origin.row == (4 if name.endswith(".csv") else 5)  # title rows above
    result = parindex.score(tth, assessment)
    assert (result.appraised, result.total, result.band.name) == (D("49.97"), D("78.636"), "Khá")
    assert result.discrepancies == ()


def test_excel_numbers_are_read_as_excel_shows_them() -> None:
    assert excel_decimal(0.1 + 0.2) == D("0.3")
    assert str(excel_decimal(80.54)) == "80.54"
    assert str(excel_decimal(80.5, "0.00")) == "80.50"
    assert str(excel_decimal(28.666, "0.00")) == "28.666"  # more places than shown: kept
    assert str(excel_decimal(10.0, "General")) == "10"
    assert [format_places(f) for f in ("General", "0", "0.0", "#,##0.000", None)] == \
        [None, 0, 1, 3, None]


def test_headers_are_normalised() -> None:
    assert normalise_header(" Tổng\u00a0điểm: ") == "tổng điểm"
    assert normalise_header(unicodedata.normalize("NFD", "Xếp loại")) == "xếp loại"


def _csv(tmp_path: Path, text: str, name: str = "t.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_delimiters_are_detected(tmp_path: Path, delimiter: str, tth: parindex.Framework) -> None:
    rows = [["Tên đơn vị", "1", "9", "Tổng điểm", "Xếp hạng"],
            ["Xã A", "5.86", "28.666", "34.526", "7/10"]]
    path = _csv(tmp_path, "\n".join(delimiter.join(r) for r in rows))
    (assessment,) = parindex.read_table(path, tth).assessments
    assert assessment.points == {"1": D("5.86"), "9": D("28.666")}
    assert assessment.published.rank == PublishedRank(7, 10)


def test_every_unreadable_cell_is_reported_and_the_rest_read(tmp_path: Path,
                                                             tth: parindex.Framework) -> None:
    path = _csv(tmp_path, "Tên đơn vị;1;2;Tổng điểm;Xếp hạng;Xếp loại\n"
                          "Xã A;5,5;abc;10;1;Khá\n"
                          ";1;1;2;2;Khá\n"
                          "Xã B;2;;4;hai;Khá\n"
                          "Xã C;1;1;2;3;Khá\n"
                          "Xã A;1;1;2;4;Khá\n")
    table = parindex.read_table(path, tth)
    located = sorted((p.line, p.key) for p in table.problems)
    assert located == [(2, "2"), (3, "Tên đơn vị"), (4, "2"), (4, "Xếp hạng"), (6, "Tên đơn vị")]
    assert [a.unit for a in table.assessments] == ["Xã A", "Xã B", "Xã C"]
    assert table.assessments[0].points == {"1": D("5.5")}
    assert table.assessments[2].published.rank == PublishedRank(3)
    with pytest.raises(AssessmentError) as caught:
        parindex.read_table(path, tth, strict=True)
    assert len(caught.value.problems) == 5


def test_survey_column_gives_the_survey_block_without_its_code(tmp_path: Path,
                                                               tth: parindex.Framework) -> None:
    path = _csv(tmp_path, "Đơn vị,1,Điểm thẩm định,Điểm điều tra XHH,Tổng điểm\n"
                          "Xã A,\"5,86\",\"5,86\",\"28,666\",\"34,526\"\n")
    (assessment,) = parindex.read_table(path, tth).assessments
    assert assessment.points == {"1": D("5.86"), "9": D("28.666")}
    assert (assessment.published.appraised, assessment.published.survey) == (D("5.86"), None)


def test_mapping_file_declares_other_headers(tmp_path: Path, tth: parindex.Framework) -> None:
    mapping = tmp_path / "m.toml"
    mapping.write_text('header_row = 2\nyear = 2022\n[columns]\n"Tên xã/phường" = "unit"\n'
                       '"Lĩnh vực I" = "1"\n"Điểm KS" = "9"\n"Ghi chú khác" = "ignore"\n',
                       encoding="utf-8")
    path = _csv(tmp_path, "Bảng 1\nTên xã/phường;Lĩnh vực I;Điểm KS;Ghi chú khác;Lạ\n"
                          "Xã A;1;2;y;z\n")
    table = parindex.read_table(path, tth, mapping=mapping)
    assert table.problems == ()
    assert table.assessments[0].points == {"1": D(1), "9": D(2)}
    assert table.ignored == ("Lạ",)


def test_bad_mapping_file_is_reported(tmp_path: Path) -> None:
    mapping = tmp_path / "m.toml"
    mapping.write_text('headerrow = 2\n[columns]\n"A" = 3\n', encoding="utf-8")
    with pytest.raises(AssessmentError) as caught:
        parindex.load_mapping(mapping)
    assert [p.line for p in caught.value.problems] == [1, 3]


def test_no_header_row_is_an_error(tmp_path: Path, tth: parindex.Framework) -> None:
    with pytest.raises(AssessmentError, match="no header row"):
        parindex.read_table(_csv(tmp_path, "a,b\n1,2\n"), tth)
    with pytest.raises(AssessmentError, match="unknown table format"):
        parindex.read_table(_csv(tmp_path, "a", name="t.odt"), tth)
    with pytest.raises(AssessmentError, match=r"\.ods workbooks are not read; .* save it as "
                                              r"\.xlsx"):
        parindex.read_table(_csv(tmp_path, "a", name="t.ods"), tth)


def test_xlsx_named_sheet_and_two_header_rows(tmp_path: Path, tth: parindex.Framework) -> None:
    book = openpyxl.Workbook()
    book.active.title = "Bìa"
    sheet = book.create_sheet("Kết quả")
    sheet.append(["KẾT QUẢ"])
    sheet.append(["STT", "Tên đơn vị", "Điểm các lĩnh vực", None, "Tổng điểm"])
    sheet.append([None, None, "1", "9", None])
    sheet.append(["(1)", "(2)", "(3)", "(4)", "(5)"])
    sheet.append([1, "Xã A", 5.86, 28.666, 34.526])
    path = tmp_path / "t.xlsx"
    book.save(path)
    table = parindex.read_table(path, tth, sheet="Kết quả")
    assert table.problems == ()
    (assessment,) = table.assessments
    assert assessment.points == {"1": D("5.86"), "9": D("28.666")}
    assert assessment.published.total == D("34.526")
    assert table.skipped == ((4, "'(2)' is not a unit"),)
    with pytest.raises(AssessmentError, match="no sheet"):
        parindex.read_table(path, tth, sheet="Khác")


def test_the_title_says_the_year_of_a_table_with_no_year_column(
        tmp_path: Path, tth: parindex.Framework) -> None:
    # Published 2022 results reproduced under the Bộ Nội vụ's 2017 provincial framework
    # were read as of 2017, its only year, and every figure "disagreed" with the publisher.
    province = parindex.get_framework("bo-noi-vu/province/2017")
    table = parindex.read_table(DATA / "published-2022.csv", province)
    assert {a.year for a in table.assessments} == {2022}
    reproduction = parindex.reproduce(table)
    assert not reproduction.discrepancies
    assert [str(p) for u in reproduction.units for p in u.problems] == [
        f"{DATA / 'published-2022.csv'}:{line}: year: bo-noi-vu/province/2017 applies to "
        "assessment years 2017–2017, not 2022" for line in (6, 7, 8, 10, 11)]
    # The year given wins over the title's; the title's over the framework's only year;
    # a year the framework covers over one it does not (a plan for the next year).
    assert {a.year for a in parindex.read_table(DATA / "published-2022.csv", province,
                                                year=2017).assessments} == {2017}
    text = "Tên đơn vị;1;9;Tổng điểm\nXã A;5,86;28,666;34,526\n"
    for title, year in (("", 2022), ("KẾT QUẢ NĂM 2021\n", 2021),
                        ("Kế hoạch năm 2023 theo kết quả năm 2022\n", 2022),
                        ("Số liệu năm 2022; header row: Năm\n", 2022)):
        read = parindex.read_table(_csv(tmp_path, title + text), tth)
        assert [a.year for a in read.assessments] == [year], title


@pytest.mark.parametrize("name", ["published-2022.csv", "thuy-thanh-2022.csv"])
def test_a_sheet_is_chosen_only_in_a_workbook(name: str, tth: parindex.Framework) -> None:
    # A CSV has no sheets: naming one was passed over, as if the named sheet had been read.
    with pytest.raises(parindex.ArgumentError,
                       match=rf"{name}: a \.csv file has no sheets; a sheet \('Kết quả'\)"):
        parindex.read_table(DATA / name, tth, sheet="Kết quả")
    assert parindex.read_table(DATA / name, tth).assessments


# --- writing ---------------------------------------------------------------------------------

@pytest.mark.parametrize("suffix", [".csv", ".xlsx", ".json", ".toml"])
@pytest.mark.parametrize("vietnamese", [False, True])
def test_thuy_thanh_round_trips_in_every_format(tmp_path: Path, suffix: str, vietnamese: bool,
                                                tth: parindex.Framework) -> None:
    table = parindex.read_table(DATA / "thuy-thanh-2022.csv", tth,
                                mapping=DATA / "thuy-thanh-2022-mapping.toml")
    path = parindex.write_table(table, tmp_path / f"out{suffix}", vietnamese=vietnamese)
    again = parindex.read_table(path, tth)
    assert [a.points for a in again.assessments] == [a.points for a in table.assessments]
    a, b = again.assessments[0].published, table.assessments[0].published
    assert (a.total, a.appraised, a.group_rank) == (b.total, b.appraised, b.group_rank)


def test_xlsx_is_readable(tmp_path: Path, tth: parindex.Framework) -> None:
    ranking = parindex.score_many(tth, [parindex.load_assessment(parindex.example_path())])
    path = parindex.write_table(ranking, tmp_path / "out.xlsx", vietnamese=True)
    sheet = openpyxl.load_workbook(path).active
    assert sheet.freeze_panes == "A2"
    headers = [c.value for c in sheet[1]]
    assert headers[:3] == ["Tên đơn vị", "Nhóm", "Năm"]
    assert "Chỉ số" in headers and "Xếp loại" in headers
    total = sheet.cell(row=2, column=headers.index("Tổng điểm") + 1)
    index = sheet.cell(row=2, column=headers.index("Chỉ số") + 1)
    assert isinstance(total.value, float) and total.number_format == "0.000"
    assert index.value == pytest.approx(79.031) and index.number_format == "0.000"


def test_computed_ranking_written_then_reproduced_agrees(tmp_path: Path,
                                                         tth: parindex.Framework) -> None:
    ranking = parindex.score_many(tth, [parindex.load_assessment(parindex.example_path())])
    table = parindex.read_table(parindex.write_table(ranking, tmp_path / "r.csv"), tth)
    reproduction = parindex.reproduce(table)
    assert reproduction.discrepancies == []
    assert reproduction.units[0].result.total == D("78.636")


def test_dataframe_is_exact(tth: parindex.Framework) -> None:
    pytest.importorskip("pandas")
    table = parindex.read_table(DATA / "thuy-thanh-2022.csv", tth)
    frame = parindex.to_dataframe(table)
    assert list(frame["unit"]) == ["Xã Thủy Thanh"]
    assert frame.loc[0, "9"] == D("28.666") and frame.loc[0, "3.5.2"] == "x"
    assert frame.loc[0, "total"] == D("78.636")


def test_dataframe_without_pandas_names_the_extra(monkeypatch: pytest.MonkeyPatch,
                                                  tth: parindex.Framework) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    table = parindex.read_table(DATA / "thuy-thanh-2022.csv", tth)
    with pytest.raises(ModuleNotFoundError, match=r"parindex\[pandas\]"):
        parindex.to_dataframe(table)


# --- round trips over generated tables -------------------------------------------------------

@st.composite
def _tables(draw: st.DrawFn) -> parindex.ResultsTable:
    framework = draw(pst.frameworks())
    units = draw(pst.assessment_sets(framework, max_size=6, self_assessed=False))
    published = []
    for _ in units:
        figures = draw(st.fixed_dictionaries({}, optional={
            "total": pst.points(100, 3), "index": pst.points(100, 2),
            "rank": st.builds(PublishedRank, st.integers(1, 9), st.none() | st.just(9)),
            "band": st.sampled_from(["Tốt", "Khá", "Xuất sắc"])}))
        published.append(parindex.Published(**figures))
    assessments = tuple(a.__class__(framework=a.framework, unit=a.unit, year=a.year,
                                    points=a.points, group=a.group, published=p)
                        for a, p in zip(units, published, strict=True))
    return parindex.ResultsTable(framework, assessments)


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(table=_tables(), vietnamese=st.booleans())
def test_round_trip_is_lossless(tmp_path: Path, suffix: str, table: parindex.ResultsTable,
                                vietnamese: bool) -> None:
    path = parindex.write_table(table, tmp_path / f"t{suffix}", vietnamese=vietnamese)
    again = parindex.read_table(path, table.framework)
    assert again.problems == ()
    assert again.assessments == table.assessments
    # Exact to the printed places too: the scale of every number survives.
    for a, b in zip(again.assessments, table.assessments, strict=True):
        assert {k: str(v) for k, v in a.points.items()} == {k: str(v) for k, v in b.points.items()}
        assert str(a.published.total) == str(b.published.total)
    # And again: write → read is a fixed point.
    path2 = parindex.write_table(again, tmp_path / f"u{suffix}", vietnamese=not vietnamese)
    assert parindex.read_table(path2, table.framework).assessments == table.assessments


# --- a table laid out as published (tests/data/make_published.py, invented figures) -------

@pytest.mark.parametrize("name", ["published-2022.csv", "published-2022.xlsx"])
def test_group_headings_give_the_group_of_the_rows_below(name: str,
                                                          tth: parindex.Framework) -> None:
    # "I | THỊ XÃ HƯƠNG THỦY" is a heading, not a unit with empty cells.
    table = parindex.read_table(DATA / name, tth)
    assert table.problems == ()
    assert [(a.unit, a.group, a.origin.row) for a in table.assessments] == [
        ("Xã Thủy Thanh", "THỊ XÃ HƯƠNG THỦY", 6), ("Phường Thủy Dương", "THỊ XÃ HƯƠNG THỦY", 7),
        ("Xã Thủy Phù", "THỊ XÃ HƯƠNG THỦY", 8), ("Xã Lộc Bổn", "HUYỆN PHÚ LỘC", 10),
        ("Xã Lộc Sơn", "HUYỆN PHÚ LỘC", 11)]
    assert [row for row, _ in table.skipped] == [5, 9, 12]
    assert "group heading" in table.skipped[0][1]
    assert table.assessments[0].points["1"] == D("9.00")
    assert table.assessments[0].published.rank == PublishedRank(1, 5)


def test_a_numbered_unit_with_empty_cells_is_still_a_problem(tmp_path: Path,
                                                             tth: parindex.Framework) -> None:
    lines = (DATA / "published-2022.csv").read_text(encoding="utf-8-sig").splitlines()
    assert lines[10].startswith("5;")
    lines[10] = "5;Xã Lộc Sơn;;;;;;;;;;;;;;"  # numbered like a unit: not a heading
    path = tmp_path / "t.csv"
    path.write_text("\n".join(lines), encoding="utf-8")
    table = parindex.read_table(path, tth)
    assert {p.line for p in table.problems} == {11}
    assert "Xã Lộc Sơn" in [a.unit for a in table.assessments]


def test_the_first_sheet_holding_a_table_is_read(tth: parindex.Framework) -> None:
    # The workbook's first sheet is a note; the table is on the second, "Cấp xã".
    table = parindex.read_table(DATA / "published-2022.xlsx", tth)
    assert len(table.assessments) == 5
    assert table.assessments[0].origin.sheet == "Cấp xã"
    with pytest.raises(AssessmentError, match="no header row"):
        parindex.read_table(DATA / "published-2022.xlsx", tth, sheet="Ghi chú")


def test_a_table_of_parts_reads_the_appraised_part_as_the_fields_points(
        tmp_path: Path, tth: parindex.Framework) -> None:
    # No field columns: "Điểm thẩm định" gives fields 1-8 together, "Điểm điều tra XHH" 9.
    path = tmp_path / "parts.csv"
    path.write_text("KẾT QUẢ CHỈ SỐ CCHC NĂM 2022\nSTT;Tên đơn vị;Điểm tự đánh giá;"
                    "Điểm thẩm định;Điểm điều tra XHH;Tổng điểm;Xếp hạng;Xếp loại\n"
                    "1;Xã Thủy Thanh;52,5;49,97;28,666;78,636;1;Khá\n", encoding="utf-8")
    table = parindex.read_table(path, tth)
    assert table.problems == ()
    assert table.ignored == ("Điểm tự đánh giá",)
    assert [n.code for n in table.framework.criteria] == ["appraised", "9"]
    assert table.framework.nodes["appraised"].max == D("70.0")
    (row,) = table.assessments
    assert row.points == {"appraised": D("49.97"), "9": D("28.666")}
    result = parindex.score(table.framework, row)
    assert (result.total, result.band.name, result.discrepancies) == (D("78.636"), "Khá", ())


def test_a_table_of_parts_cannot_be_checked_when_ties_break_on_fields(
        tmp_path: Path, tth: parindex.Framework) -> None:
    import attrs

    path = tmp_path / "parts.csv"
    path.write_text("Tên đơn vị;Điểm thẩm định;Điểm điều tra XHH;Tổng điểm\n"
                    "Xã Thủy Thanh;49,97;28,666;78,636\n", encoding="utf-8")
    framework = attrs.evolve(tth, tie_break=("1",))
    with pytest.raises(AssessmentError, match="breaks ties on the points of 1"):
        parindex.read_table(path, framework)


@pytest.mark.parametrize("header", ["Lĩnh vực {}", "LV{}", "LV {}", "Nhiệm vụ {}",
                                    "Tiêu chí {}", "Lĩnh vực {} (điểm)", "Lĩnh vực {roman}"])
def test_field_headers_as_provinces_print_them(header: str, tmp_path: Path,
                                               tth: parindex.Framework) -> None:
    romans = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"]
    headers = [header.format(i, roman=romans[i - 1]) for i in range(1, 10)]
    path = tmp_path / "t.csv"
    path.write_text(unicodedata.normalize("NFD", "Tên đơn vị;" + ";".join(headers)) + "\n"
                    "Xã Thủy Thanh;5,86;2,5;11,73;3,0;10;8,0;7,88;1,0;28,666\n",
                    encoding="utf-8")
    table = parindex.read_table(path, tth)
    assert (table.problems, table.ignored) == ((), ())
    assert [c.meaning for c in table.columns] == ["unit", *map(str, range(1, 10))]
    assert parindex.score(tth, table.assessments[0]).total == D("78.636")


def test_a_field_no_column_gives_is_one_clear_error(tmp_path: Path,
                                                    tth: parindex.Framework) -> None:
    # Not one "no points" problem per item and row: one error, naming the field and the
    # columns that were not read.
    path = tmp_path / "t.csv"
    path.write_text("Tên đơn vị;1;2;3;4;5;6;Mục bảy;8;Điểm điều tra XHH\n"
                    "Xã Thủy Thanh;5,86;2,5;11,73;3,0;10;8,0;7,88;1,0;28,666\n",
                    encoding="utf-8")
    table = parindex.read_table(path, tth)
    assert table.ignored == ("Mục bảy",)
    reproduction = parindex.reproduce(table)
    (problem,) = reproduction.problems
    assert [u.result for u in reproduction.units] == [None]
    assert "no column gives the points of 7 (Hiện đại hóa hành chính)" in problem.message
    assert "columns not read: Mục bảy" in problem.message


def test_group_headings_from_units_without_points(tmp_path: Path,
                                                  tth: parindex.Framework) -> None:
    path = tmp_path / "t.csv"
    path.write_text(
        "STT;Tên đơn vị;1;2;3;4;5;6;7;8;Điểm điều tra XHH;Tổng điểm\n"
        "A;Huyện Phú Lộc;;;;;;;;;;70,0\n"          # a heading printing its group's mean
        "1;Xã Lộc Bổn;8;4;12;3;9;8;13;3;25;85\n"
        ";Khối xã miền núi;;;;;;;;;;\n"             # named as a block, not numbered
        ";Xã Lộc Sơn;;;;;;;;;;\n"                   # a unit whose cells were left empty
        "2;XÃ LỘC TRÌ;;;;;;;;;;\n", encoding="utf-8")  # numbered: a unit, in capitals
    table = parindex.read_table(path, tth)
    assert [row for row, _ in table.skipped] == [2, 4]
    assert [(a.unit, a.group) for a in table.assessments] == [
        ("Xã Lộc Bổn", "Huyện Phú Lộc"), ("Xã Lộc Sơn", "Khối xã miền núi"),
        ("XÃ LỘC TRÌ", "Khối xã miền núi")]
    assert {p.line for p in table.problems} == {5, 6}


def test_two_header_rows_under_a_merged_heading_that_names_a_figure(
        tmp_path: Path, tth: parindex.Framework) -> None:
    # "Điểm đạt được" (also a header of the total) merged above the fields' codes.
    path = tmp_path / "t.csv"
    path.write_text("Tên đơn vị;Điểm đạt được;;;;;;;;Điểm điều tra XHH;Tổng điểm\n"
                    ";1;2;3;4;5;6;7;8;;\n"
                    "Xã Thủy Thanh;5,86;2,5;11,73;3,0;10;8,0;7,88;1,0;28,666;78,636\n",
                    encoding="utf-8")
    table = parindex.read_table(path, tth)
    assert table.problems == ()
    assert [c.meaning for c in table.columns] == ["unit", *map(str, range(1, 10)), "total"]
    assert table.assessments[0].origin.row == 3
    assert parindex.reproduce(table).discrepancies == []


@pytest.mark.parametrize("kind", ["csv", "xlsx", "json", "toml"])
def test_a_table_of_totals_round_trips(kind: str, tmp_path: Path,
                                       tth: parindex.Framework) -> None:
    path = tmp_path / "parts.csv"
    path.write_text("Tên đơn vị;Điểm thẩm định;Điểm điều tra XHH;Tổng điểm;Xếp hạng\n"
                    "Xã Thủy Thanh;49,97;28,666;78,636;2\nXã Thử;50;29;79;1\n",
                    encoding="utf-8")
    table = parindex.read_table(path, tth)
    again = parindex.read_table(parindex.write_table(table, tmp_path / f"again.{kind}"), tth)
    assert again.problems == ()
    assert again.framework == table.framework
    assert again.assessments == table.assessments
    assert parindex.reproduce(again).discrepancies == []


@pytest.mark.parametrize(("level", "header", "meaning"), [
    ("commune", "Huyện, thị xã, thành phố", "group"),
    ("district", "Huyện, thị xã, thành phố", "unit"),   # a district table's units
    ("commune", "UBND xã, phường, thị trấn", "unit"),
    ("commune", "Xã, phường", "unit")])
def test_unit_headers_by_level(level: str, header: str, meaning: str, tmp_path: Path,
                               tth: parindex.Framework) -> None:
    import attrs

    framework = attrs.evolve(tth, id=f"thua-thien-hue/{level}/2022", level=level)
    path = tmp_path / "t.csv"
    unit = "Tên đơn vị;" if meaning == "group" else ""
    path.write_text(f"{unit}{header};1;2;3;4;5;6;7;8;9\n"
                    + ("Xã Thủy Thanh;" if unit else "")
                    + "Thị xã Hương Thủy;5,86;2,5;11,73;3,0;10;8,0;7,88;1,0;28,666\n",
                    encoding="utf-8")
    table = parindex.read_table(path, framework)
    assert table.problems == ()
    assert table.columns[1 if unit else 0].meaning == meaning


def test_formulas_without_saved_values_are_reported(tmp_path: Path,
                                                     tth: parindex.Framework) -> None:
    # A workbook written by a program (openpyxl) and never saved by a spreadsheet has no
    # cached values: its formulas are reported, never read as empty cells.
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Tên đơn vị", *map(str, range(1, 10)), "Tổng điểm", "Xếp hạng"])
    sheet.append(["Xã A", 5.86, 2.5, 11.73, 3, 10, 8, 7.88, 1, 28.666, "=SUM(B2:J2)", 1])
    sheet.append(["Xã B", 5.86, 2.5, 11.73, 3, 10, 8, 7.88, 1, "=30-2", 78, "=RANK(K3,K:K)"])
    path = tmp_path / "formulas.xlsx"
    book.save(path)
    table = parindex.read_table(path, tth)
    assert [(p.line, p.key, p.code) for p in table.problems] == [
        (2, "Tổng điểm", None), (3, "9", "9"), (3, "Xếp hạng", None)]
    assert all("formula with no saved value" in p.message for p in table.problems)
