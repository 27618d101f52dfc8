"""Officials' sheets: the rows of a criteria table read from .xlsx, .docx or .csv.

Scoring sheets (biểu tự chấm điểm, kết quả thẩm định) and the annexes of a decision are
the same kind of table: one row per field, criterion or component, a code (in its own
column, or at the start of the name), the name, and typed columns (maximum, self-assessed
points, appraised points, comment, guidance, evidence). This module finds that table and
gives its rows; it knows nothing of frameworks. :mod:`.scoring_sheet` reads a scoring
sheet into an assessment from these rows.

What officials' files do, and what is done about it:

- title rows above the header (kept in :attr:`Sheet.title`: they name the unit and year);
- headers over two rows, with merged cells (``Điểm`` above ``Tối đa | Tự chấm | Thẩm
  định``), in any case and spacing, by any of the usual names (:func:`column_role`);
- a row of column numbers (``(1) (2) (3)``) under the header;
- codes ``1``, ``1.1.``, ``I``, ``a)`` in their own column or at the start of the name;
- empty rows, totals rows (``Tổng cộng``) and the signature block under the table.

A merged cell that spans two rows of the table in the code, name or a number column is
an error naming the rows: whose cell it is cannot be known.
"""

from __future__ import annotations

import io
import re
from collections.abc import Mapping, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Final, Literal

import attrs

from .._base.errors import AssessmentError, ParindexError, Problem
from .._base.i18n import Sentence, listed
from .._base.model import NOT_ARISING, GivenPoints
from .._base.numbers import NumberError, to_decimal
from .._base.files import read_bytes
from .tables import (
    NOT_ARISING_TEXT,
    Cell,
    cell_text,
    check_dimensions,
    excel_value,
    read_csv,
    unsaved_formulas,
)
from .tables import normalise_header as normalise_header

#: The file types read as sheets (a TOML file is not one).
SHEET_SUFFIXES: Final = (".xlsx", ".xlsm", ".docx", ".csv")

#: What a column holds.
Role = Literal["code", "name", "max", "self_assessed", "points", "comment", "guidance",
               "evidence"]
#: Columns whose cells are numbers.
NUMBER_ROLES: Final = ("max", "self_assessed", "points")

#: Headers as officials print them, after :func:`normalise_header`. Tried in order: the
#: first that matches says the role ("Điểm tự đánh giá" is self-assessed, not appraised;
#: "Đánh giá của Hội đồng thẩm định" is the council's comment, not its points).
_ROLE_PATTERNS: Final[tuple[tuple[Role, re.Pattern[str]], ...]] = (
    ("code", re.compile(r"^(?:stt|tt|số tt|s\.tt|số thứ tự|thứ tự|mã|mã số|mã tiêu chí|"
                        r"ký hiệu|số hiệu|mục)$")),
    ("comment", re.compile(r"ghi chú|nhận xét|ý kiến|đánh giá của|giải trình|lý do|"
                           r"thuyết minh|diễn giải")),
    ("evidence", re.compile(r"kiểm chứng")),
    ("guidance", re.compile(r"hướng dẫn|cách (?:tính|chấm)|phương pháp")),
    ("self_assessed", re.compile(r"tự (?:chấm|đánh giá)")),
    ("max", re.compile(r"tối đa|điểm chuẩn|thang điểm|định mức|^chuẩn$")),
    ("points", re.compile(r"thẩm định|điểm đạt|kết quả|điểm được|điểm chấm|^điểm(?: số)?$|"
                          r"^số điểm$|^điểm đánh giá$|^đạt$")),
    ("name", re.compile(r"tiêu chí|lĩnh vực|nội dung|nhiệm vụ|^tên\b|hạng mục")),
)

_HEADER_SEARCH_ROWS: Final = 30
#: A code: ``1``, ``1.1``, ``1.1.1`` (dots between numbers), a Roman numeral, a letter.
_NUMBER_CODE = re.compile(r"^\d{1,3}(?:\.\d{1,3})*$")
_ROMAN_CODE = re.compile(r"^[IVXLC]+$")
_LETTER_CODE = re.compile(r"^[a-zđA-ZĐ]$")
#: Words printed before a code: "Lĩnh vực 1", "Tiêu chí 1.1", "Nhiệm vụ 3".
_CODE_WORD = re.compile(r"^(?:lĩnh vực|tiêu chí thành phần|tiêu chí|nhiệm vụ|mục|phần)\s+",
                        re.IGNORECASE)
#: A code at the start of a name, and what separates it from the name.
_NAME_CODE = re.compile(
    r"^(?P<code>\d{1,3}(?:\.\d{1,3})*)(?:\.?\s*[:.)\-–]\s*|\.?\s+)(?P<rest>\S.*)$"
    r"|^(?P<roman>[IVXLC]+)\s*[.):\-–]\s*(?P<rrest>\S.*)$"
    r"|^(?P<letter>[a-zđA-ZĐ])\s*[.)]\s+(?P<lrest>\S.*)$", re.DOTALL)
_TOTAL_ROW = re.compile(r"^(?:tổng cộng|tổng điểm|tổng số điểm|tổng số|tổng|cộng)\b")
_FOOTER_ROW = re.compile(r"^(?:người lập|người lập biểu|thủ trưởng|chủ tịch|t/m|tm\.|"
                         r"kt\.|xác nhận|nơi nhận|ký tên|\(ký|.*,\s*ngày\s+\d)")
_COLUMN_NUMBER = re.compile(r"^\(?(?:\d{1,2}|[a-zA-Z])\)?(?:\s*=.*)?$")
_POINTS_UNIT = re.compile(r"\s*(?:điểm|đ)\.?\s*$", re.IGNORECASE)
_ROMAN_VALUES: Final = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def column_role(header: str) -> Role | None:
    """What a column holds, from its header as printed (any case, spacing, NFC/NFD).

    >>> column_role("Điểm  tự đánh giá"), column_role("ĐIỂM CHUẨN")
    ('self_assessed', 'max')
    >>> column_role("Đánh giá của Hội đồng thẩm định"), column_role("Kết quả thẩm định")
    ('comment', 'points')
    >>> column_role("Lĩnh vực/Tiêu chí/Tiêu chí thành phần"), column_role("Đơn vị tính")
    ('name', None)
    """
    key = normalise_header(header)
    key = re.sub(r"\s*\([^)]*\)\s*$", "", key) or key  # "Điểm tối đa (điểm)"
    if not key:
        return None
    for role, pattern in _ROLE_PATTERNS:
        if pattern.search(key):
            return role
    return None


def roman(text: str) -> int | None:
    """The value of a Roman numeral (``IV`` → 4), or ``None``.

    >>> roman("IX"), roman("ii"), roman("IIII"), roman("A")
    (9, 2, None, None)
    """
    text = text.strip().upper()
    if not _ROMAN_CODE.match(text):
        return None
    total = 0
    for i, char in enumerate(text):
        value = _ROMAN_VALUES[char]
        following = _ROMAN_VALUES[text[i + 1]] if i + 1 < len(text) else 0
        total += -value if value < following else value
    return total if _to_roman(total) == text else None


def _to_roman(number: int) -> str:
    out = ""
    for value, numeral in ((100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"),
                           (5, "V"), (4, "IV"), (1, "I")):
        while number >= value:
            out += numeral
            number -= value
    return out


CodeKind = Literal["number", "roman", "letter"]


def parse_code(text: str) -> tuple[str, CodeKind] | None:
    """A code cell as printed → the code and its kind; ``None`` if it is not a code.

    Trailing dots and brackets go (``1.1.`` is ``1.1``, ``a)`` is ``a``), and so do the
    words some sheets print before a code (``Lĩnh vực 1``).

    >>> parse_code("1.1."), parse_code("II"), parse_code("b)"), parse_code("Tiêu chí 3.4")
    (('1.1', 'number'), ('II', 'roman'), ('b', 'letter'), ('3.4', 'number'))
    >>> parse_code("Tổng cộng") is None
    True
    """
    code = " ".join(text.split())
    code = _CODE_WORD.sub("", code).strip().rstrip(".):").strip()
    if _NUMBER_CODE.match(code):
        return code, "number"
    if roman(code) is not None and (len(code) > 1 or code in "IVX"):
        return code.upper(), "roman"
    if _LETTER_CODE.match(code):
        return code, "letter"
    return None


def split_code(name: str) -> tuple[str, CodeKind, str] | None:
    """A code printed at the start of a name: ``"1.1. Kế hoạch CCHC"`` → code, kind, name.

    >>> split_code("1.1. Kế hoạch CCHC"), split_code("Nhiệm vụ 4: Cải cách tổ chức")
    (('1.1', 'number', 'Kế hoạch CCHC'), ('4', 'number', 'Cải cách tổ chức'))
    >>> split_code("II. CẢI CÁCH TTHC"), split_code("a) Ban hành kế hoạch")
    (('II', 'roman', 'CẢI CÁCH TTHC'), ('a', 'letter', 'Ban hành kế hoạch'))
    >>> split_code("Kế hoạch CCHC") is None
    True
    """
    text = _CODE_WORD.sub("", " ".join(name.split()))
    if text == " ".join(name.split()) and re.match(r"^(?:lĩnh vực|tiêu chí|nhiệm vụ)\b",
                                                   text, re.IGNORECASE):
        return None
    match = _NAME_CODE.match(text)
    if match is None:
        return None
    if match.group("code"):
        return match.group("code"), "number", match.group("rest").strip()
    if match.group("roman"):
        if roman(match.group("roman")) is None:
            return None
        return match.group("roman"), "roman", match.group("rrest").strip()
    return match.group("letter"), "letter", match.group("lrest").strip()


def read_points(cell: Cell) -> tuple[GivenPoints | None, Decimal | None]:
    """A points cell → its points (or :data:`~parindex.NOT_ARISING`, or ``None`` when
    empty) and the maximum it prints with them (``"0.8/1.0"``, ``"01/01"``), if any.

    Decimal commas are read (``0,75``); ``x``, ``KPS`` and ``không phát sinh`` mean the
    item did not arise.

    >>> read_points("0,75"), read_points("01/01"), read_points("KPS"), read_points(None)
    ((Decimal('0.75'), None), (Decimal('1'), Decimal('1')), (NOT_ARISING, None), (None, None))
    >>> read_points("1,5,0")
    Traceback (most recent call last):
    ...
    parindex._base.numbers.NumberError: '1,5,0' is not a number
    """
    text = cell_text(cell)
    if text == "":
        return None, None
    if normalise_header(text).rstrip(".") in NOT_ARISING_TEXT:
        return NOT_ARISING, None
    if isinstance(cell, (int, Decimal)):
        return to_decimal(cell), None
    # "0,8 điểm", "1đ": the unit printed after the number.
    compact = _POINTS_UNIT.sub("", text).replace(" ", "").replace("\u00a0", "")
    if "/" in compact:
        given, _, maximum = compact.partition("/")
        try:
            return (to_decimal(given, decimal_comma=True),
                    to_decimal(maximum, decimal_comma=True))
        except NumberError:
            raise NumberError(Sentence("s_not_points", text=repr(text))) from None
    try:
        return to_decimal(compact, decimal_comma=True), None
    except NumberError:
        raise NumberError(Sentence("n_not_a_number", value=repr(text))) from None


# --- grids ----------------------------------------------------------------------------------

@attrs.define
class Grid:
    """The cells of one sheet or Word table, as its file stores them.

    :param cells: rows of cells; a merged cell's value is in its top-left cell only.
    :param merges: merged ranges, 0-based and inclusive: (first row, first column, last
        row, last column).
    :param name: the sheet's name, or ``table N`` of a Word document.
    :param before: text printed before the table (a Word document's paragraphs).
    """

    cells: list[list[Cell]]
    merges: list[tuple[int, int, int, int]] = attrs.field(factory=list)
    name: str | None = None
    before: tuple[str, ...] = ()
    _merge_at: dict[tuple[int, int], tuple[int, int, int, int]] = attrs.field(
        init=False, factory=dict, repr=False)

    def __attrs_post_init__(self) -> None:
        for merge in self.merges:
            r1, c1, r2, c2 = merge
            for r in range(r1, r2 + 1):
                for c in range(c1, c2 + 1):
                    self._merge_at[(r, c)] = merge

    def text(self, row: int, column: int, *, filled: bool = False) -> str:
        return cell_text(self.cell(row, column, filled=filled))

    def cell(self, row: int, column: int, *, filled: bool = False) -> Cell:
        """A cell's value; with ``filled``, a merged range's value in every cell of it."""
        if filled and (row, column) in self._merge_at:
            row, column = self._merge_at[(row, column)][:2]
        if row >= len(self.cells) or column >= len(self.cells[row]):
            return None
        return self.cells[row][column]

    def merge(self, row: int, column: int) -> tuple[int, int, int, int] | None:
        return self._merge_at.get((row, column))

    @property
    def width(self) -> int:
        return max((len(row) for row in self.cells), default=0)


def read_grids(path: Path) -> list[Grid]:
    """Every sheet of a workbook, every table of a Word document, or the CSV file (parsed
    with each plausible delimiter), in order.

    :raises AssessmentError: missing, unreadable, or not one of :data:`SHEET_SUFFIXES`.
    """
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return _xlsx_grids(path)
    if suffix == ".docx":
        return _docx_grids(path)
    if suffix == ".csv":
        return [Grid([list(row) for row in grid]) for grid in read_csv(path)]
    raise AssessmentError(Problem(not_a_sheet(path), path=path))


def not_a_sheet(path: Path) -> Sentence:
    """What a file that is no scoring sheet is told: its suffix, the ones read, and how
    to save an old .xls or .doc as one."""
    suffix = path.suffix.lower()
    wrong = Sentence("s_not_a_sheet", suffix=repr(suffix) if suffix else Sentence("no_suffix"))
    if suffix in (".xls", ".doc"):
        wrong += Sentence(f"s_save_as_{suffix[1:]}")
    return wrong


def _xlsx_grids(path: Path) -> list[Grid]:
    import openpyxl

    data = read_bytes(path, AssessmentError)  # a regular file of bounded size
    try:
        # Not read-only: merged cells are only known to a full workbook (scoring sheets
        # and annexes are a few hundred rows).
        book = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a file that is not one
        detail = Sentence("quoted_openpyxl", detail=str(exc))
        raise AssessmentError(Problem(Sentence("t_unreadable_xlsx", detail=detail),
                                      path=path)) from None
    grids = []
    for sheet in book.worksheets:
        check_dimensions(path, sheet)  # a stray cell at XFD1048576: refused, not iterated
        cells: list[list[Cell]] = [
            [excel_value(cell.value, getattr(cell, "number_format", None)) for cell in row]
            for row in sheet.iter_rows()]
        merges = [(r.min_row - 1, r.min_col - 1, r.max_row - 1, r.max_col - 1)
                  for r in sheet.merged_cells.ranges]
        grids.append(Grid(cells, merges, sheet.title))
    book.close()
    if any(cell is None for grid in grids for row in grid.cells for cell in row):
        unsaved_formulas(data, [(grid.cells, grid.name or "") for grid in grids])
    return grids


def _docx_grids(path: Path) -> list[Grid]:
    import docx
    from docx.oxml.ns import qn
    from docx.table import Table, _Cell

    data = read_bytes(path, AssessmentError)  # a regular file of bounded size
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx's PackageNotFoundError for a .doc renamed
        detail = Sentence("quoted_docx", detail=str(exc))
        raise AssessmentError(Problem(Sentence("s_unreadable_docx", detail=detail),
                                      path=path)) from None
    grids: list[Grid] = []
    before: list[str] = []
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:p"):
            text = "".join(t.text or "" for t in child.iter(qn("w:t"))).strip()
            if text:
                before.append(text)
        elif child.tag == qn("w:tbl"):
            table = Table(child, document)
            # Said in the reader's language where the table is cited ("bảng 1").
            grids.append(_docx_grid(table, _Cell, Sentence("s_docx_table", number=len(grids) + 1),
                                    tuple(before)))
    return grids


def _docx_grid(table: object, cell_class: type, name: str, before: tuple[str, ...]) -> Grid:
    cells: list[list[Cell]] = []
    ranges: dict[tuple[int, int], list[int]] = {}   # each cell → its range [r1, c1, r2, c2]
    for r, tr in enumerate(table._tbl.tr_lst):  # type: ignore[attr-defined]
        row: list[Cell] = []
        column = tr.grid_before
        row.extend([None] * column)
        for tc in tr.tc_lst:
            span = tc.grid_span
            above = ranges.get((r - 1, column))
            if tc.vMerge == "continue" and above is not None:
                above[2] = r  # the merged range grows down by one row
                for c in range(column, column + span):
                    ranges[(r, c)] = above
                row.extend([None] * span)
            else:
                text = cell_class(tc, table).text
                shared = [r, column, r, column + span - 1]
                for c in range(column, column + span):
                    ranges[(r, c)] = shared
                row.append(text)
                row.extend([None] * (span - 1))
            column += span
        cells.append(row)
    unique = {id(v): v for v in ranges.values()}
    merges = [(r1, c1, r2, c2) for r1, c1, r2, c2 in unique.values() if (r1, c1) != (r2, c2)]
    return Grid(cells, merges, name, before)


# --- the table ------------------------------------------------------------------------------

@attrs.frozen
class SheetColumn:
    """One column: its 0-based index, header as printed (both rows of a two-row header,
    joined by `` / ``) and role."""

    index: int
    header: str
    role: Role | None


@attrs.frozen
class SheetRow:
    """One row of the table (not empty, not a header, not the signature block).

    :param row: the 1-based row in the sheet or Word table.
    :param code: the code as printed, without trailing dots; ``None`` if the row has none.
    :param code_kind: ``number`` (``1.1``), ``roman`` (``II``) or ``letter`` (``a``).
    :param name: the name (NFC, single spaces), without the code printed before it.
    :param cells: the cells of the typed columns, by role (not ``code`` and ``name``).
    :param total: a totals row (``Tổng cộng``, ``Tổng điểm``), which has no code.
    """

    row: int
    code: str | None
    code_kind: CodeKind | None
    name: str
    cells: Mapping[str, Cell]
    total: bool = False

    def text(self, role: str) -> str:
        return cell_text(self.cells.get(role))


@attrs.frozen
class Sheet:
    """A criteria table found in a file: where it is, its title text, columns and rows.

    :param title: the text above the header (title rows, a Word document's paragraphs),
        one entry per line.
    :param skipped: rows read but not part of the table (column numbers, the signature
        block), each with why.
    """

    path: Path
    name: str | None
    title: tuple[str, ...]
    columns: tuple[SheetColumn, ...]
    rows: tuple[SheetRow, ...]
    header_rows: tuple[int, ...]
    skipped: tuple[tuple[int, str], ...] = ()

    def column(self, role: str) -> SheetColumn | None:
        return next((c for c in self.columns if c.role == role), None)

    def problem(self, message: str, row: int | None = None, role: str | None = None,
                code: str | None = None) -> Problem:
        """A problem naming the file, the row (and the Word table), the column's header."""
        column = self.column(role) if role else None
        key: str | None = column.header if column is not None else None
        if self.name and self.path.suffix.lower() == ".docx" and row:
            # "bảng 1, Điểm thẩm định, tiêu chí 6": each part said in the reader's language
            # (a Sentence joined to text stays one), the criterion after a comma.
            key = listed([self.name, *([key] if key else []),
                          *([Sentence("problem_criterion", code=code)] if code else [])], ", ")
        return Problem(message, path=self.path, line=row, key=key, code=code)


def read_sheet(path: str | Path, *, needs: Sequence[Role] = ("name",),
               error: type[ParindexError] = AssessmentError) -> Sheet:
    """Find the criteria table in a file and read its rows.

    The table is the first (sheet, Word table, CSV delimiter) with a header row naming
    the name column and at least one other known column (:func:`column_role`) in its
    first 30 rows; title rows above it are kept as :attr:`Sheet.title`.

    :param needs: roles the header must have besides ``name`` (e.g. ``("max",)`` for an
        annex); a table without them is an error naming the header row.
    :raises error: the file cannot be read, has no such table, or has a cell merged over
        two rows in the code, name or a number column (every problem at once).
    """
    path = Path(path)
    grids = read_grids(path)
    found = []
    for grid in grids:
        header = _find_header(grid)
        if header is not None:
            found.append((grid, header))
            if path.suffix.lower() != ".csv":
                break  # the first sheet or table that holds one
    if not found:
        where = Sentence("s_where_table" if path.suffix.lower() == ".docx" else "s_where_sheet")
        raise error(Problem(Sentence("s_no_criteria_table", rows=_HEADER_SEARCH_ROWS,
                                     where=where), path=path))
    grid, (first, last, columns) = max(
        found, key=lambda item: sum(1 for c in item[1][2] if c.role is not None))
    sheet = Sheet(path, grid.name, (), tuple(columns), (), tuple(range(first + 1, last + 1)))
    missing = [role for role in needs if sheet.column(role) is None]
    if missing:
        roles = Sentence.joined(())
        for number, role in enumerate(missing):
            roles += (Sentence("s_and_no") if number else "") + _ROLE_NAMES[role]
        raise error(sheet.problem(Sentence(
            "s_header_lacks", roles=roles,
            headers=tuple(c.header for c in columns if c.header)), first + 1))
    title = list(grid.before) + [
        " ".join(cell_text(c) for c in grid.cells[r] if cell_text(c)) for r in range(first)]
    rows, skipped, problems = _rows(grid, sheet, last)
    if problems:
        raise error(problems)
    return attrs.evolve(sheet, title=tuple(t for t in title if t), rows=tuple(rows),
                        skipped=tuple(skipped))


_ROLE_NAMES: Final[Mapping[str, str]] = {
    role: Sentence(f"role_{role}") for role in ("code", "name", "max", "self_assessed",
                                                 "points", "comment", "guidance", "evidence")}


def _find_header(grid: Grid) -> tuple[int, int, list[SheetColumn]] | None:
    """The header's first and last rows (0-based, last exclusive) and its columns."""
    for i in range(min(len(grid.cells), _HEADER_SEARCH_ROWS)):
        texts = [grid.text(i, c, filled=True) for c in range(grid.width)]
        roles = [column_role(t) for t in texts]
        if "name" not in roles or not any(r in ("code", "max", "self_assessed", "points")
                                          for r in roles):
            continue
        headers = list(texts)
        end = i + 1
        # A second header row: no code or name of its own, and headers under a merged
        # cell ("Điểm" over "Tối đa | Tự chấm | Thẩm định").
        while end < len(grid.cells) and end < i + 3:
            below = [grid.text(end, c) for c in range(grid.width)]
            own = [column_role(t) if t else None for t in below]
            numbering = _column_numbers(below)
            if numbering:
                end += 1
                break
            if not any(own) or any(below[c] and roles[c] in ("code", "name")
                                   and not _merged_from(grid, end, c, i) for c in
                                   range(grid.width)):
                break
            for c, role in enumerate(own):
                if role is not None:
                    roles[c] = role
                    headers[c] = f"{headers[c]} / {below[c]}" if headers[c] and \
                        headers[c] != below[c] else below[c]
            end += 1
        seen: set[str] = set()
        columns = []
        for c, (header, role) in enumerate(zip(headers, roles, strict=True)):
            if role is not None and role in seen:
                role = None  # a second column of the same kind is not read
            if role is not None:
                seen.add(role)
            columns.append(SheetColumn(c, " ".join(header.split()), role))
        if end < len(grid.cells) and _column_numbers(
                [grid.text(end, c) for c in range(grid.width)]):
            end += 1
        return i, end, columns
    return None


def _merged_from(grid: Grid, row: int, column: int, top: int) -> bool:
    merge = grid.merge(row, column)
    return merge is not None and merge[0] <= top


def _column_numbers(texts: Sequence[str]) -> bool:
    """A row of column numbers under the header: ``1 2 3 …`` or ``(1) (2) …``, ``A B``."""
    given = [t for t in texts if t]
    return len(given) >= 2 and all(_COLUMN_NUMBER.match(t) for t in given) and \
        len(set(given)) == len(given)


def _rows(grid: Grid, sheet: Sheet, start: int
          ) -> tuple[list[SheetRow], list[tuple[int, str]], list[Problem]]:
    rows: list[SheetRow] = []
    skipped: list[tuple[int, str]] = []
    problems: list[Problem] = []
    code_column = sheet.column("code")
    name_column = sheet.column("name")
    assert name_column is not None
    typed = [c for c in sheet.columns if c.role not in (None, "code", "name")]
    after_total = False
    for r in range(start, len(grid.cells)):
        number = r + 1
        texts = [grid.text(r, c) for c in range(grid.width)]
        if not any(texts):
            continue
        # A cell merged down over rows of the table: whose value is it?
        for column in [c for c in (code_column, name_column, *typed) if c is not None]:
            merge = grid.merge(r, column.index)
            if merge is not None and merge[0] == r and merge[2] > r \
                    and column.role in ("code", "name", *NUMBER_ROLES):
                problems.append(sheet.problem(Sentence(
                    "s_merged", first=merge[0] + 1, last=merge[2] + 1,
                    text=repr(grid.text(r, column.index))), number, column.role))
        code_text = grid.text(r, code_column.index) if code_column else ""
        # "- Nhiệm vụ 2. …", "+ …": a bullet typed before the name is not part of it.
        name = " ".join(grid.text(r, name_column.index).split()).lstrip("-+*•–— ").strip()
        code: str | None = None
        kind: CodeKind | None = None
        if code_text:
            parsed = parse_code(code_text)
            if parsed is not None:
                code, kind = parsed
            else:
                split = split_code(code_text)
                if split is not None and not name:
                    code, kind, name = split  # "A. NHÓM TIÊU CHÍ" merged across
                elif not name:
                    name = " ".join(code_text.split())
        if code is None and name:
            split = split_code(name)
            if split is not None:
                code, kind, name = split
        cells: dict[str, Cell] = {c.role: grid.cell(r, c.index, filled=c.role in ("comment", "guidance",
                                                                  "evidence"))
                 for c in typed if c.role is not None}
        numbers = any(cell_text(cells.get(role)) for role in NUMBER_ROLES)
        if code is None:
            label = normalise_header(name or " ".join(t for t in texts if t))
            if _TOTAL_ROW.match(label):
                rows.append(SheetRow(number, None, None, name, cells, total=True))
                after_total = True
                continue
            if not numbers and (after_total or _FOOTER_ROW.match(label)):
                skipped.append((number, "under the table (signatures, dates)"))
                continue
            if _column_numbers(texts):
                skipped.append((number, "column numbers"))
                continue
        rows.append(SheetRow(number, code, kind, name, cells))
    return rows, skipped, problems
