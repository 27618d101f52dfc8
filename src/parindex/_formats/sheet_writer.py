"""Writing a criteria table as officials lay it out, to .xlsx, .docx or .csv.

The inverse of :mod:`.sheets`: title lines, a header (one or two rows, with merged
cells), then one row per node. :func:`assessment_rows` lays out an assessment as a
scoring sheet (what :func:`.scoring_sheet.read_scoring_sheet` reads back).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path

from .._base.files import atomic_path
from .._base.model import NOT_ARISING, Assessment, Framework, GivenPoints
from .._base.numbers import places, plain

#: A cell to write: text, an exact number, or nothing.
Value = str | Decimal | None

#: The header of :func:`assessment_rows`.
SCORING_HEADER = ("STT", "Lĩnh vực, tiêu chí, tiêu chí thành phần", "Điểm tối đa",
                  "Điểm tự chấm", "Điểm thẩm định", "Đánh giá của Hội đồng thẩm định")


def assessment_rows(framework: Framework, assessment: Assessment,
                    parents: dict[str, Decimal] | None = None) -> list[list[Value]]:
    """One row per node of ``framework``, depth first: code, name, maximum, self-assessed
    and appraised points (``x`` where not arising) and comment. Parents' points are
    ``parents[code]`` when given (e.g. the computed ones), else empty."""
    def shown(value: GivenPoints | None) -> Value:
        if value is None:
            return None
        return "x" if value is NOT_ARISING else value  # type: ignore[return-value]

    rows: list[list[Value]] = []
    for node in framework.walk():
        given = assessment.points.get(node.code)
        if given is None and parents is not None:
            given = parents.get(node.code)
        rows.append([node.code, node.name, node.max, shown(assessment.self_assessed.get(
            node.code)), shown(given), assessment.comments.get(node.code)])
    return rows


def write_grid(path: str | Path, rows: Sequence[Sequence[Value]], *,
               title: Sequence[str] = (), header: Sequence[Sequence[Value]] = (),
               merges: Sequence[tuple[int, int, int, int]] = (),
               decimal_comma: bool = False) -> Path:
    """Write title lines, header rows and rows to ``path`` (.xlsx, .docx or .csv, by its
    suffix), atomically.

    :param merges: merged ranges of the header and rows (0-based, inclusive, counted
        from the first header row): (first row, first column, last row, last column).
    :param decimal_comma: write numbers with a decimal comma (.docx, .csv), as
        Vietnamese documents print them. An .xlsx file holds numbers as numbers, each
        formatted with its decimal places.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    table = [list(r) for r in header] + [list(r) for r in rows]
    writer = {".xlsx": _xlsx, ".docx": _docx, ".csv": _csv}[suffix]
    with atomic_path(path) as temporary:
        writer(temporary, list(title), table, list(merges), decimal_comma)
    return path


def _text(value: Value, decimal_comma: bool) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        text = plain(value)
        return text.replace(".", ",") if decimal_comma else text
    return value


def _xlsx(path: Path, title: list[str], table: list[list[Value]],
          merges: list[tuple[int, int, int, int]], decimal_comma: bool) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for line in title:
        sheet.append([line])
    if title:
        sheet.append([])
    top = len(title) + (1 if title else 0)
    for r, row in enumerate(table):
        for c, value in enumerate(row):
            cell = sheet.cell(row=top + r + 1, column=c + 1)
            if isinstance(value, Decimal):
                cell.value = float(value)
                shown = places(value)
                cell.number_format = "0" + ("." + "0" * shown if shown else "")
            else:
                cell.value = value
    for r1, c1, r2, c2 in merges:
        sheet.merge_cells(start_row=top + r1 + 1, start_column=c1 + 1,
                          end_row=top + r2 + 1, end_column=c2 + 1)
    book.save(path)


def _docx(path: Path, title: list[str], table: list[list[Value]],
          merges: list[tuple[int, int, int, int]], decimal_comma: bool) -> None:
    import docx

    document = docx.Document()
    for line in title:
        document.add_paragraph(line)
    width = max((len(r) for r in table), default=0)
    grid = document.add_table(rows=len(table), cols=width)
    merged = {(r, c) for r1, c1, r2, c2 in merges for r in range(r1, r2 + 1)
              for c in range(c1, c2 + 1) if (r, c) != (r1, c1)}
    for r, (row, cells) in enumerate(zip(table, grid.rows, strict=True)):
        # One row's cells at a time: Table.cell() walks the whole table on every call.
        for c, (value, cell) in enumerate(zip(row, cells.cells, strict=False)):
            if (r, c) not in merged and value is not None:
                cell.text = _text(value, decimal_comma)
    for r1, c1, r2, c2 in merges:
        grid.cell(r1, c1).merge(grid.cell(r2, c2))
    document.save(str(path))


def _csv(path: Path, title: list[str], table: list[list[Value]],
         merges: list[tuple[int, int, int, int]], decimal_comma: bool) -> None:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";" if decimal_comma else ",", lineterminator="\n")
    for line in title:
        writer.writerow([line])
    for row in table:
        writer.writerow([_text(v, decimal_comma) for v in row])
    path.write_text(out.getvalue(), encoding="utf-8-sig")
