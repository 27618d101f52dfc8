"""Write the Thủy Thanh 2022 tables (tests/data) from the bundled TOML example (seed 000).

Run once: ``python tests/data/make_tables.py``. The files are committed; this script says
exactly how they were made. Every number comes from the bundled example, typed from seed
000; nothing is invented. Cells are written the way real sheets are: Vietnamese headers,
title rows above the header, decimal commas (CSV), Excel numbers and numbers typed as text
(xlsx), a non-breaking space and a decomposed (NFD) unit name.
"""

from __future__ import annotations

import unicodedata
from decimal import Decimal
from pathlib import Path

import openpyxl

import parindex
from parindex._base.numbers import plain

HERE = Path(__file__).parent
assessment = parindex.load_assessment(parindex.example_path())
codes = list(assessment.points)
title = ["KẾT QUẢ THẨM ĐỊNH CHỈ SỐ CCHC NĂM 2022 — xã Thủy Thanh (seed 000)"]
header = (["STT", "Tên đơn vị", "Thị xã"] + codes
          + ["Điểm thẩm định", "Tổng điểm", "Xếp hạng trong huyện"])


def cells(value: object) -> str:
    if value is parindex.NOT_ARISING:
        return "x"
    assert isinstance(value, Decimal)
    return plain(value).replace(".", ",")


row = (["1", unicodedata.normalize("NFD", assessment.unit), "Thị xã\u00a0Hương Thủy"]
       + [cells(assessment.points[c]) for c in codes]
       + ["49,97", "78,636", "02/10"])
(HERE / "thuy-thanh-2022.csv").write_text(
    "\n".join(";".join(r) for r in (title, [], header, row)) + "\n", encoding="utf-8-sig")

book = openpyxl.Workbook()
sheet = book.active
sheet.title = "Kết quả 2022"
sheet.append(["UBND TỈNH THỪA THIÊN HUẾ"])
sheet.append(["KẾT QUẢ THẨM ĐỊNH CHỈ SỐ CCHC NĂM 2022"])
sheet.append([])
sheet.append(header)
values: list[object] = [1, assessment.unit, "Thị xã Hương Thủy"]
for i, code in enumerate(codes):
    value = assessment.points[code]
    if value is parindex.NOT_ARISING:
        values.append("x")
    elif i % 5 == 0:
        values.append(cells(value))          # typed as text, with a decimal comma
    else:
        values.append(float(value))          # an Excel number (a binary double)
values += [49.97, 78.636, "2/10"]
sheet.append(values)
for column in sheet.iter_cols(min_row=5, max_row=5):
    for cell in column:
        if isinstance(cell.value, float):
            cell.number_format = "0.00"
book.save(HERE / "thuy-thanh-2022.xlsx")
(HERE / "thuy-thanh-2022-mapping.toml").write_text(
    '# The group rank "02/10" is printed on the appraised part (seed 000).\n'
    'rank_basis = "appraised"\n', encoding="utf-8")
