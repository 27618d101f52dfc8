"""Write tests/data/published-2022.csv and .xlsx: a results table laid out as provinces
publish them, with invented units and numbers (no source gives a whole table).

Run once: ``python tests/data/make_published.py``; the files are committed. Everything a
published sheet has is here: title rows, a header naming fields "Lĩnh vực 1"..., group
headings numbered with Roman numerals ("I", "THỊ XÃ HƯƠNG THỦY") instead of a district
column, decimal commas, ranks "01/05", names in decomposed Unicode with trailing spaces,
an average row at the bottom; the workbook also has merged title cells, Excel numbers with
a "0.00" format, numbers typed as text, and a notes sheet before the table.

The figures are consistent under thua-thien-hue/commune/2022 (fields 1-8 appraised,
max 70; 9 the survey, max 30): Xã Lộc Bổn ties Phường Thủy Dương at 85 and both are 2nd.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import openpyxl

HERE = Path(__file__).parent
HEADER = (["STT", "Tên đơn vị"] + [f"Lĩnh vực {i}" for i in range(1, 9)]
          + ["Điểm thẩm định", "Điểm điều tra XHH", "Tổng điểm", "Chỉ số CCHC (%)",
             "Xếp hạng", "Xếp loại"])
UNITS = [
    ("I", "THỊ XÃ HƯƠNG THỦY"),
    ("1", "Xã Thủy Thanh", "9,00 4,00 13,00 3,00 9,00 8,00 14,00 3,50", "63,50", "27,50",
     "91,00", "01/05", "Xuất sắc"),
    ("2", "Phường Thủy Dương", "8,50 4,00 12,50 2,50 9,00 7,50 13,00 3,00", "60,00",
     "25,00", "85,00", "02/05", "Tốt"),
    ("3", "Xã Thủy Phù", "7,00 3,50 11,00 2,50 8,00 7,00 12,00 3,00", "54,00", "24,00",
     "78,00", "04/05", "Khá"),
    ("II", "HUYỆN PHÚ LỘC"),
    ("4", "Xã Lộc Bổn", "8,00 4,00 12,00 3,00 9,00 8,00 13,00 3,00", "60,00", "25,00",
     "85,00", "02/05", "Tốt"),
    ("5", "Xã Lộc Sơn", "6,00 3,00 10,00 2,00 7,00 6,00 10,00 2,00", "46,00", "20,00",
     "66,00", "05/05", "Trung bình"),
]


def grid() -> list[list[str]]:
    rows = [["ỦY BAN NHÂN DÂN TỈNH THỪA THIÊN HUẾ"],
            ["KẾT QUẢ XÁC ĐỊNH CHỈ SỐ CCHC NĂM 2022 CỦA UBND CÁC XÃ, PHƯỜNG, THỊ TRẤN"],
            [], HEADER]
    for unit in UNITS:
        if len(unit) == 2:
            rows.append(list(unit))
            continue
        number, name, fields, appraised, survey, total, rank, band = unit
        rows.append([number, unicodedata.normalize("NFD", name) + " ", *fields.split(),
                     appraised, survey, total, total, rank, band])
    rows.append(["", "Trung bình", "", "", "", "", "", "", "", "", "", "", "71,00"])
    return rows


def write(rows: list[list[str]], folder: Path, name: str = "published-2022") -> None:
    """The rows as ``name.csv`` (UTF-8 with BOM, ``;``) and ``name.xlsx``."""
    text = "\r\n".join(";".join(row) for row in rows) + "\r\n"
    (folder / f"{name}.csv").write_text(text, encoding="utf-8-sig", newline="")
    book = openpyxl.Workbook()
    notes = book.active
    assert notes is not None
    notes.title = "Ghi chú"
    notes.append(["Số liệu giả định, dùng để kiểm thử (invented, for tests)"])
    sheet = book.create_sheet("Cấp xã")
    for r, row in enumerate(rows, 1):
        for c, value in enumerate(row, 1):
            cell = sheet.cell(row=r, column=c)
            if r > 4 and c > 2 and value.replace(",", "").isdigit() and (r + c) % 3:
                cell.value = float(value.replace(",", "."))  # an Excel number
                cell.number_format = "0.00"
            else:
                cell.value = value  # text, decimal commas and all
    sheet.merge_cells("A1:P1")
    sheet.merge_cells("A2:P2")
    book.save(folder / f"{name}.xlsx")


if __name__ == "__main__":
    write(grid(), HERE)
