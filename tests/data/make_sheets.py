"""Write xã Thủy Thanh's 2022 scoring sheet (tests/data/sheets) in officials' layouts.

Run: ``python tests/data/make_sheets.py``. The files are committed; tests/test_sheets.py
checks that they are what this script writes. Every appraised figure and comment comes
from the bundled example (typed from Kế hoạch 69/KH-UBND of xã Thủy Thanh, section I),
every maximum and name from the Thừa Thiên Huế 2022 framework: nothing is invented,
except the self-assessed points of the layouts that have that column, which the source
does not print. Those files say so in a note under the table.

Layouts (each scores 49.97 + 28.666 = 78.636, band Khá, the 3.5 discrepancy):

- ``thuy-thanh-2022.xlsx`` and ``.docx``: title rows naming the unit and year, a header
  over two rows ("Điểm" merged over "Tự chấm" and "Thẩm định"), a row of column numbers,
  codes in the STT column, block rows A/B, a totals row and a signature block;
- ``thuy-thanh-2022-names.xlsx``: codes only at the start of the names ("1.1. Kế hoạch
  CCHC"), points typed as text with decimal commas, "01/01", "KPS", self-assessed points;
- ``thuy-thanh-2022-roman.docx``: fields numbered I, II, …, criteria 1, 2, … again under
  each field, components a, b, …; headers in capitals;
- ``thuy-thanh-2022.csv``: one header row, semicolons and decimal commas.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import parindex
from parindex._formats.sheet_writer import Value, write_grid

HERE = Path(__file__).parent / "sheets"
assessment = parindex.load_assessment(parindex.example_path())
framework = parindex.get_framework(assessment.framework)
TITLE = ["UBND THỊ XÃ HƯƠNG THỦY", "UBND XÃ THỦY THANH",
         "BẢNG TỔNG HỢP KẾT QUẢ TỰ CHẤM ĐIỂM, THẨM ĐỊNH CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2022"]
SIGNATURES = [["", "Người lập biểu", "", "", "", "CHỦ TỊCH"]]
INVENTED = ("Ghi chú: cột Điểm tự chấm là số liệu bịa ra để kiểm thử (invented test data: "
            "the source prints only the appraised points).")


def appraised(code: str) -> Value:
    """The figure the source prints for a node: its points, else its published subtotal."""
    value = assessment.points.get(code)
    if value is parindex.NOT_ARISING:
        return "x"
    if value is None:
        value = assessment.published.points.get(code)
    return value


def own(code: str) -> Value:
    """Invented self-assessed points: the maximum where appraised is lower (a unit rates
    itself high), the appraised points elsewhere."""
    node = framework.nodes[code]
    value = appraised(code)
    if not isinstance(value, Decimal) or not node.is_leaf:
        return value if node.is_leaf else None
    return node.max if node.max is not None and value < node.max else value


def blocks() -> tuple[list[Value], list[Value]]:
    published = assessment.published
    return (["A", "NHÓM TIÊU CHÍ TỰ ĐÁNH GIÁ", Decimal("70.0"), None, published.appraised,
             None],
            ["B", "ĐIỀU TRA XÃ HỘI HỌC", Decimal("30.0"), None, published.survey
             or assessment.points["9"], None])


def main_layout(out: Path, suffix: str) -> None:
    header = [["STT", "Lĩnh vực, tiêu chí, tiêu chí thành phần", "Điểm tối đa",
               "Điểm đánh giá", None, "Đánh giá của Hội đồng thẩm định"],
              [None, None, None, "Tự chấm", "Thẩm định", None],
              ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)"]]
    merges = [(0, 3, 0, 4), (0, 0, 1, 0), (0, 1, 1, 1), (0, 2, 1, 2), (0, 5, 1, 5)]
    a, b = blocks()
    rows: list[list[Value]] = [a]
    for node in framework.walk():
        if node.code == "9":
            rows.append(b)
        rows.append([node.code, node.name, node.max, None, appraised(node.code),
                     assessment.comments.get(node.code)])
    rows.append(["", "Tổng cộng", Decimal("100.0"), None, assessment.published.total, None])
    rows.append([None] * 6)
    rows += SIGNATURES
    write_grid(out / f"thuy-thanh-2022{suffix}", rows, title=TITLE, header=header,
               merges=merges, decimal_comma=suffix == ".docx")


def names_layout(out: Path) -> None:
    header = [["Nội dung", "Điểm chuẩn", "Điểm tự đánh giá", "Kết quả thẩm định",
               "Nhận xét"]]
    rows: list[list[Value]] = []
    for node in framework.walk():
        value = appraised(node.code)
        if node.code == "1.3.1":
            value = "01/01"  # as the source prints it
        elif node.code == "3.5.2":
            value = "KPS"
        elif isinstance(value, Decimal):
            value = str(value).replace(".", ",")  # typed as text
        rows.append([f"{node.code}. {node.name}", node.max, own(node.code), value,
                     assessment.comments.get(node.code)])
    rows.append(["Tổng điểm", Decimal(100), None, assessment.published.total, None])
    rows.append([INVENTED, None, None, None, None])
    write_grid(out / "thuy-thanh-2022-names.xlsx", rows,
               title=["KẾT QUẢ CHẤM ĐIỂM CHỈ SỐ CCHC NĂM 2022 CỦA UBND XÃ THỦY THANH"],
               header=header)


def roman_layout(out: Path) -> None:
    header = [["TT", "TIÊU CHÍ", "ĐIỂM TỐI ĐA", "ĐIỂM TỰ CHẤM", "ĐIỂM ĐẠT", "GHI CHÚ"]]
    rows: list[list[Value]] = []
    numerals = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"]
    letters = "abcdđeghik"
    for node in framework.walk():
        parts = node.code.split(".")
        if len(parts) == 1:
            shown = numerals[int(parts[0]) - 1]
        elif len(parts) == 2:
            shown = parts[1]
        else:
            shown = letters[int(parts[2]) - 1]
        rows.append([shown, node.name, node.max, own(node.code), appraised(node.code),
                     assessment.comments.get(node.code)])
    rows.append([None, "TỔNG CỘNG", Decimal(100), None, assessment.published.total, None])
    write_grid(out / "thuy-thanh-2022-roman.docx", rows + [[INVENTED] + [None] * 5],
               title=["ỦY BAN NHÂN DÂN XÃ THỦY THANH",
                      "BIỂU TỰ CHẤM ĐIỂM VÀ KẾT QUẢ THẨM ĐỊNH CHỈ SỐ CCHC NĂM 2022"],
               header=header, decimal_comma=True)


def csv_layout(out: Path) -> None:
    header = [["Mã tiêu chí", "Tên tiêu chí", "Điểm tối đa", "Điểm thẩm định", "Ghi chú"]]
    rows: list[list[Value]] = [[node.code, node.name, node.max, appraised(node.code),
                                assessment.comments.get(node.code)]
                               for node in framework.walk()]
    write_grid(out / "thuy-thanh-2022.csv", rows,
               title=["Kết quả thẩm định chỉ số CCHC năm 2022 - UBND xã Thủy Thanh, thị xã "
                      "Hương Thủy"], header=header, decimal_comma=True)


#: The files written, each by its layout.
FILES = ("thuy-thanh-2022.xlsx", "thuy-thanh-2022.docx", "thuy-thanh-2022-names.xlsx",
         "thuy-thanh-2022-roman.docx", "thuy-thanh-2022.csv")


def main(out: Path = HERE) -> None:
    out.mkdir(exist_ok=True)
    main_layout(out, ".xlsx")
    main_layout(out, ".docx")
    names_layout(out)
    roman_layout(out)
    csv_layout(out)


if __name__ == "__main__":
    main()
