"""Officials' scoring sheets (.xlsx, .docx, .csv) read as assessments: the sheet reader,
``parindex score SHEET``, ``parindex import assessment``, on xã Thủy Thanh's 2022 result
(Kế hoạch 69/KH-UBND) in several layouts, malformed sheets, and a round-trip property."""

from __future__ import annotations

import importlib.util
import tomllib
import unicodedata
from decimal import Decimal as D
from pathlib import Path
from types import ModuleType

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import parindex
from parindex import AssessmentError
from parindex._cli import main
from parindex._formats.sheet_writer import SCORING_HEADER, assessment_rows, write_grid
from parindex._formats.scoring_sheet import read_scoring_sheet
from parindex._formats.sheets import column_role, read_grids, read_sheet
from parindex.testing import strategies as pst

DATA = Path(__file__).parent / "data"
SHEETS = DATA / "sheets"
TTH = "thua-thien-hue/commune/2022"


def _maker() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_sheets", DATA / "make_sheets.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


MAKER = _maker()


@pytest.fixture(scope="module")
def tth() -> parindex.Framework:
    return parindex.get_framework(TTH)


@pytest.fixture(scope="module")
def expected(tth: parindex.Framework) -> parindex.Result:
    return parindex.score(tth, parindex.load_assessment(parindex.example_path()))


def _grid_content(path: Path) -> list[tuple[object, ...]]:
    return [(tuple(tuple(row) for row in g.cells), tuple(sorted(g.merges)), g.before)
            for g in read_grids(path)]


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("sheets")
    MAKER.main(out)
    return out


@pytest.mark.parametrize("name", MAKER.FILES)
def test_committed_sheets_are_what_the_script_writes(name: str, written: Path) -> None:
    assert _grid_content(SHEETS / name) == _grid_content(written / name)


@pytest.mark.parametrize("name", MAKER.FILES)
def test_each_layout_scores_as_the_seed(name: str, tth: parindex.Framework,
                                        expected: parindex.Result) -> None:
    read = read_scoring_sheet(SHEETS / name, tth)
    result = parindex.score(tth, read.assessment)
    assert result.appraised == D("49.97") and result.survey == D("28.666")
    assert result.total == D("78.636")
    assert result.band is not None and result.band.name == "Khá"
    assert [d.what for d in result.discrepancies] == ["3.5"]
    assert {c: n.points for c, n in result.nodes.items()} == \
        {c: n.points for c, n in expected.nodes.items()}
    assert {c: n.not_arising for c, n in result.nodes.items()} == \
        {c: n.not_arising for c, n in expected.nodes.items()}
    assert read.assessment.year == 2022
    assert read.assessment.unit == "Xã Thủy Thanh"
    assert read.assessment.comments == expected.assessment.comments
    # Field 6's 8.0 is printed with items adding up to 7.0: read as points, and said.
    assert read.assessment.points["6"] == D("8.0")
    assert any("6 is printed 8.0, its items add up to 7.0" in str(n) for n in read.notes)


def test_title_rows_give_unit_group_and_year(tth: parindex.Framework) -> None:
    read = read_scoring_sheet(SHEETS / "thuy-thanh-2022.xlsx", tth)
    assert (read.assessment.unit, read.assessment.group, read.assessment.year) == \
        ("Xã Thủy Thanh", "Thị xã Hương Thủy", 2022)
    published = read.assessment.published
    assert (published.total, published.appraised, published.survey) == \
        (D("78.636"), D("49.97"), D("28.666"))
    given = read_scoring_sheet(SHEETS / "thuy-thanh-2022.xlsx", tth, unit="Xã Khác",
                               group="Huyện Nào", year=2022)
    assert (given.assessment.unit, given.assessment.group) == ("Xã Khác", "Huyện Nào")


def test_both_point_columns_are_read(tth: parindex.Framework) -> None:
    read = read_scoring_sheet(SHEETS / "thuy-thanh-2022-names.xlsx", tth)
    own = read.assessment.self_assessed
    assert own["1.1.1"] == D("1.0") and read.assessment.points["1.1.1"] == D("0.0")
    assert own["3.5.2"] is parindex.NOT_ARISING
    result = parindex.score(tth, read.assessment)
    assert result.total == D("78.636")


@pytest.mark.parametrize(("header", "role"), [
    ("Điểm tối đa", "max"), ("ĐIỂM CHUẨN", "max"), ("Điểm tự chấm", "self_assessed"),
    ("Điểm tự đánh giá", "self_assessed"), ("Điểm thẩm định", "points"),
    ("Kết quả thẩm định", "points"), ("Điểm đạt", "points"), ("Ghi chú", "comment"),
    ("Nhận xét", "comment"), ("Đánh giá của Hội đồng thẩm định", "comment"),
    ("STT", "code"), ("Lĩnh vực/Tiêu chí/Tiêu chí thành phần", "name"),
    ("Nội dung", "name"), ("Hướng dẫn chấm điểm", "guidance"),
    ("Tài liệu kiểm chứng", "evidence"),
    (unicodedata.normalize("NFD", "  điểm   TỰ chấm\n"), "self_assessed")])
def test_headers_as_officials_print_them(header: str, role: str) -> None:
    assert column_role(header) == role


# --- the CLI --------------------------------------------------------------------------------

def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main([*args])
    out, err = capsys.readouterr()
    return status, out, err


@pytest.mark.parametrize("name", ["thuy-thanh-2022.xlsx", "thuy-thanh-2022.docx",
                                  "thuy-thanh-2022.csv"])
def test_score_a_sheet(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    import json

    status, out, err = _run(capsys, "score", str(SHEETS / name), "--framework", TTH, "--json")
    assert status == 0, err
    data = json.loads(out)
    assert data["total"] == "78.636"
    assert [d["code"] for d in data["discrepancies"]] == ["3.5"]


def test_score_a_sheet_needs_its_framework(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = _run(capsys, "score", str(SHEETS / "thuy-thanh-2022.xlsx"))
    assert status == 2
    assert "--framework" in err and "Traceback" not in err


def test_import_assessment_scores_as_the_sheet(tmp_path: Path, tth: parindex.Framework,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    sheet = SHEETS / "thuy-thanh-2022.docx"
    out = tmp_path / "thuy-thanh.toml"
    status, _, err = _run(capsys, "import", "assessment", str(sheet), "--framework", TTH,
                          "-o", str(out))
    assert status == 0, err
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Xã Thủy Thanh, 2022: imported")
    assert unicodedata.is_normalized("NFC", text)
    data = tomllib.loads(text, parse_float=D)
    assert data["points"]["3.4.1"] == D("1.98") and data["points"]["3.5.2"] == "x"
    assert data["comments"]["2.1"].startswith("Thống nhất")
    from_toml = parindex.score(tth, parindex.load_assessment(out))
    from_sheet = parindex.score(tth, read_scoring_sheet(sheet, tth).assessment)
    assert from_toml.total == from_sheet.total == D("78.636")
    assert from_toml.nodes == from_sheet.nodes
    assert from_toml.discrepancies == from_sheet.discrepancies


def test_import_never_overwrites_the_sheet(tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    sheet = tmp_path / "s.csv"
    sheet.write_bytes((SHEETS / "thuy-thanh-2022.csv").read_bytes())
    status, _, err = _run(capsys, "import", "assessment", str(sheet), "--framework", TTH,
                          "-o", str(sheet))
    assert status == 2 and "would replace the input" in err
    assert sheet.read_bytes() == (SHEETS / "thuy-thanh-2022.csv").read_bytes()
    # Refused before any work: an output that is not TOML, or in a missing folder.
    for output in (tmp_path / "s.txt", tmp_path / "missing" / "s.toml"):
        status, _, err = _run(capsys, "import", "assessment", str(sheet), "--framework",
                              TTH, "-o", str(output))
        assert status == 2 and str(output) in err and not output.exists()


def test_import_refuses_a_sheet_that_score_refuses(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    # A typo in the sheet (7,5 for 1.2's 0,75, whose maximum is 1) was written into a TOML
    # file with exit 0, and only 'score' then said what was wrong.
    sheet = tmp_path / "s.csv"
    text = (SHEETS / "thuy-thanh-2022.csv").read_text(encoding="utf-8-sig")
    assert "\n1.2;Thực hiện chế độ báo cáo CCHC định kỳ;1,0;0,75;" in text
    sheet.write_text(text.replace(";1,0;0,75;Không có báo cáo", ";1,0;7,5;Không có báo cáo"),
                     encoding="utf-8")
    out = tmp_path / "s.toml"
    for lang, said in (("en", "7.5 is above the maximum 1.0 of 1.2"),
                       ("vi", "7,5 vượt điểm tối đa 1,0 của 1.2")):
        status, stdout, err = _run(capsys, "--lang", lang, "import", "assessment", str(sheet),
                                   "--framework", TTH, "-o", str(out))
        assert status == 2 and stdout == "" and "Traceback" not in err
        assert "s.csv:7: " in err and said in err
        assert not out.exists()


@pytest.mark.parametrize("command", [["score"], ["import", "assessment"]])
def test_a_results_table_given_as_a_scoring_sheet_is_said_to_be_one(
        command: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    # The sheet reader's own complaint ('Trung bình' matches no criterion) left the user
    # to guess that the file was a table of units, for 'reproduce'.
    status, out, err = _run(capsys, "--lang", "vi", *command, str(DATA / "published-2022.csv"),
                            "--framework", TTH)
    assert (status, out) == (2, "") and "Traceback" not in err
    assert err.splitlines()[-1] == (
        f"parindex: lỗi: {DATA / 'published-2022.csv'}: tệp đọc được như một bảng kết quả "
        "của 5 đơn vị, không phải phiếu chấm điểm của một đơn vị: hãy dùng parindex "
        "reproduce")


# --- malformed sheets -----------------------------------------------------------------------

def _rows(tth: parindex.Framework) -> list[list[object]]:
    seed = parindex.load_assessment(parindex.example_path())
    return [list(r) for r in assessment_rows(tth, seed)]


def _write(path: Path, rows: list[list[object]], **kwargs: object) -> Path:
    return write_grid(path, rows, title=["UBND xã Thủy Thanh", "Kết quả năm 2022"],
                      header=[list(SCORING_HEADER)], **kwargs)  # type: ignore[arg-type]


def _fails(capsys: pytest.CaptureFixture[str], path: Path, *words: str) -> str:
    status, _, err = _run(capsys, "score", str(path), "--framework", TTH)
    assert status == 2, err
    assert "Traceback" not in err
    for word in words:
        assert word in err
    return err


@pytest.mark.parametrize("suffix", [".xlsx", ".docx", ".csv"])
def test_a_row_that_matches_nothing_is_named(suffix: str, tmp_path: Path, tth: parindex.Framework,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    rows = _rows(tth)
    rows.insert(5, ["1.9", "Một tiêu chí không có trong khung", D("1.0"), None, D("0.5"), None])
    rows.insert(7, [None, "Một dòng không mã", D("1.0"), None, D("0.5"), None])
    path = _write(tmp_path / f"s{suffix}", rows)
    # Title rows 1–3 (two lines and a blank in .xlsx; csv and docx differ), the header.
    read = read_sheet(path)
    at = {r.name: r.row for r in read.rows}
    err = _fails(capsys, path, "code 1.9", "Một dòng không mã")
    assert f":{at['Một tiêu chí không có trong khung']}:" in err
    assert f":{at['Một dòng không mã']}:" in err


def test_a_bad_number_is_named_with_its_row(tmp_path: Path, tth: parindex.Framework,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    rows = _rows(tth)
    index = next(i for i, r in enumerate(rows) if r[0] == "1.2")
    rows[index][4] = "1,5,0"
    path = _write(tmp_path / "s.csv", rows, decimal_comma=True)
    row = next(r.row for r in read_sheet(path).rows if r.code == "1.2")
    _fails(capsys, path, f"s.csv:{row}:", "'1,5,0'", "Điểm thẩm định")


def test_a_cell_merged_over_two_codes_is_an_error(tmp_path: Path, tth: parindex.Framework,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    rows = _rows(tth)
    index = next(i for i, r in enumerate(rows) if r[0] == "1.1.1")
    rows[index + 1][4] = None
    for suffix in (".xlsx", ".docx"):
        # Rows counted from the header row (0): 1.1.1's points merged down over 1.1.2's.
        path = _write(tmp_path / f"s{suffix}", rows,
                      merges=[(index + 1, 4, index + 2, 4)])
        _fails(capsys, path, "merged over rows", "1.1.1"[:0])


def test_points_beyond_the_printed_maximum_are_named(tmp_path: Path, tth: parindex.Framework,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    rows = _rows(tth)
    index = next(i for i, r in enumerate(rows) if r[0] == "1.2")
    rows[index][4] = "0,5/2,0"
    path = _write(tmp_path / "s.csv", rows)
    _fails(capsys, path, "criterion 1.2", "maximum 2.0")


def test_a_missing_maximum_column_where_one_is_needed(tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]
                                                      ) -> None:
    framework = parindex.get_framework("quang-ngai/commune/2023")
    unknown = next(n for n in framework.walk() if n.max is None and n.is_leaf)
    rows = [["STT", "Tiêu chí", "Điểm thẩm định"], [unknown.code, unknown.name, "1,0"]]
    path = write_grid(tmp_path / "qn.csv", rows[1:], header=[rows[0]],
                      title=["UBND xã A năm 2023"])
    status, _, err = _run(capsys, "score", str(path), "--framework", framework.id)
    assert status == 2 and "Traceback" not in err
    assert f"qn.csv:{read_sheet(path).rows[0].row}:" in err
    assert "no maximum column" in err


def test_a_name_given_another_code_is_reported(tmp_path: Path, tth: parindex.Framework) -> None:
    rows = _rows(tth)
    i = next(i for i, r in enumerate(rows) if r[0] == "1.4.1")
    j = next(i for i, r in enumerate(rows) if r[0] == "1.4.2")
    rows[i][1], rows[j][1] = rows[j][1], rows[i][1]
    read = read_scoring_sheet(_write(tmp_path / "s.xlsx", rows), tth)
    notes = [str(n) for n in read.notes]
    assert any("code 1.4.1" in n and "that of 1.4.2" in n for n in notes)


def test_no_unit_is_a_clear_error(tmp_path: Path, tth: parindex.Framework) -> None:
    path = write_grid(tmp_path / "s.csv", _rows(tth), header=[list(SCORING_HEADER)])
    with pytest.raises(AssessmentError, match="--unit"):
        read_scoring_sheet(path, tth)
    assert read_scoring_sheet(path, tth, unit="Xã Thủy Thanh").assessment.year == 2022


# --- the round-trip property ----------------------------------------------------------------

@st.composite
def _cases(draw: st.DrawFn) -> tuple[parindex.Framework, parindex.Assessment]:
    framework = draw(pst.frameworks())
    assessment = draw(pst.assessments(framework, comments=True))
    return framework, assessment


@pytest.mark.parametrize("suffix", [".xlsx", ".docx", ".csv"])
@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(case=_cases(), decimal_comma=st.booleans(), code_in_name=st.booleans(),
       maxima=st.booleans())
def test_a_sheet_written_then_read_gives_the_same_result(
        tmp_path: Path, suffix: str, case: tuple[parindex.Framework, parindex.Assessment],
        decimal_comma: bool, code_in_name: bool, maxima: bool) -> None:
    framework, assessment = case
    try:
        result = parindex.score(framework, assessment)
    except parindex.MissingInformationError:
        return  # the framework cannot score anything: nothing to compare
    parents = {c: n.points for c, n in result.nodes.items()
               if not framework.nodes[c].is_leaf and n.points is not None}
    header = list(SCORING_HEADER)
    rows = assessment_rows(framework, assessment, parents)
    # Layouts: "1.2. Name" without a code column; no maximum column.
    if code_in_name:
        header = header[1:]
        rows = [[f"{row[0]}. {row[1]}", *row[2:]] for row in rows]
    if not maxima:
        at = header.index("Điểm tối đa")
        header = header[:at] + header[at + 1:]
        rows = [row[:at] + row[at + 1:] for row in rows]
    path = write_grid(tmp_path / f"sheet{suffix}", rows, header=[header],
                      decimal_comma=decimal_comma)
    read = read_scoring_sheet(path, framework, unit=assessment.unit, group=assessment.group,
                              year=assessment.year)
    again = parindex.score(framework, read.assessment)
    assert read.assessment.points == assessment.points
    assert read.assessment.self_assessed == assessment.self_assessed
    assert {c: v for c, v in read.assessment.comments.items()} == dict(assessment.comments)
    assert again.total == result.total and again.index == result.index
    assert again.band == result.band
    assert {c: n.points for c, n in again.nodes.items()} == \
        {c: n.points for c, n in result.nodes.items()}
    assert again.discrepancies == ()


def test_excel_cells_keep_their_printed_places(tmp_path: Path) -> None:
    path = write_grid(tmp_path / "p.xlsx", [["1", "A", D("1.0"), None, D("0.50"), None]],
                      header=[list(SCORING_HEADER)])
    cell = openpyxl.load_workbook(path)["Sheet"]["E2"]
    assert cell.number_format == "0.00"
    row = read_sheet(path).rows[0]
    assert str(row.cells["points"]) == "0.50"


def test_block_and_totals_rows_as_typed(tmp_path: Path, tth: parindex.Framework) -> None:
    """No survey row, the survey part on its own row, the appraised total as "Tổng điểm
    thẩm định", the unit alone on a title line."""
    seed = parindex.load_assessment(parindex.example_path())
    rows = [r for r in assessment_rows(tth, seed, dict(seed.published.points)) if r[0] != "9"]
    rows += [[None, "Tổng điểm thẩm định", D(70), None, D("49.97"), None],
             [None, "Điểm điều tra xã hội học", D(30), None, D("28.666"), None],
             [None, "Tổng cộng", D(100), None, D("78.636"), None]]
    path = write_grid(tmp_path / "s.xlsx", rows, header=[list(SCORING_HEADER)],
                      title=["XÃ THỦY THANH", "BIỂU CHẤM ĐIỂM NĂM 2022"])
    read = read_scoring_sheet(path, tth)
    assert read.assessment.unit == "Xã Thủy Thanh"
    assert read.assessment.points["9"] == D("28.666")
    published = read.assessment.published
    assert (published.appraised, published.total) == (D("49.97"), D("78.636"))
    result = parindex.score(tth, read.assessment)
    assert result.total == D("78.636")
    assert [d.what for d in result.discrepancies] == ["3.5"]
    # Printed wrong, the parts are discrepancies.
    rows[-3][4] = D("50.97")
    path = write_grid(tmp_path / "t.xlsx", rows, header=[list(SCORING_HEADER)],
                      title=["XÃ THỦY THANH", "BIỂU CHẤM ĐIỂM NĂM 2022"])
    result = parindex.score(tth, read_scoring_sheet(path, tth).assessment)
    assert [d.what for d in result.discrepancies] == ["3.5", "appraised"]


@pytest.mark.parametrize(("name", "content", "words"), [
    ("old.xls", b"\xd0\xcf\x11\xe0", "save it as .xlsx"),
    ("old.doc", b"\xd0\xcf\x11\xe0", "save it as .docx"),
    ("renamed.docx", b"not a zip", "not a readable .docx"),
    ("renamed.xlsx", b"not a zip", "not a readable .xlsx"),
    ("empty.csv", b"", "no criteria table found"),
    ("header.csv", "STT;Tiêu chí;Điểm thẩm định\n".encode(), "header.csv:1: the table has no rows")])
def test_files_that_are_not_sheets_are_told_apart(name: str, content: bytes, words: str,
                                                  tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    _fails(capsys, path, words)


def test_a_self_assessment_not_yet_appraised_scores_its_own_points(
        tmp_path: Path, tth: parindex.Framework) -> None:
    rows = _rows(tth)
    for row in rows:
        row[3], row[4] = row[4], None  # the appraised points as the unit's own
    read = read_scoring_sheet(_write(tmp_path / "s.docx", rows), tth)
    assert any("self-assessed points are scored" in str(n) for n in read.notes)
    assert parindex.score(tth, read.assessment).total == D("78.636")


def test_points_printed_with_their_unit_and_a_plan_year_in_the_title(
        tmp_path: Path, tth: parindex.Framework) -> None:
    rows = _rows(tth)
    for row in rows:
        if isinstance(row[4], D):
            row[4] = f"{row[4]} điểm".replace(".", ",")
    path = write_grid(tmp_path / "s.csv", rows, header=[list(SCORING_HEADER)],
                      title=["KẾ HOẠCH NÂNG CAO CHỈ SỐ CCHC NĂM 2023",
                             "Kết quả chấm điểm năm 2022 của UBND xã Thủy Thanh"])
    read = read_scoring_sheet(path, tth)
    assert read.assessment.year == 2022
    assert read.assessment.points["1.1.2"] == D("0.8")
    assert parindex.score(tth, read.assessment).total == D("78.636")
