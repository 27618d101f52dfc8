"""Results tables: many units of one framework, one row each, read from and written to
CSV, Excel (.xlsx), JSON and TOML.

A table is read into :class:`ResultsTable`: one :class:`~parindex.Assessment` per row, its
points from the criterion columns and its :class:`~parindex.Published` figures from the
total, rank and band columns, and every cell that could not be read as a
:class:`~parindex.Problem` with its row and column. The rest of the table is still read.

Numbers are exact. Text cells are read with :func:`parindex._base.numbers.to_decimal` (decimal
commas allowed). An Excel number cell holds a binary double; it is read as the decimal
Excel itself shows at full precision, 15 significant digits (``0.30000000000000004`` is
``0.3``), then given the decimal places of the cell's number format when it has fewer
(``80.5`` formatted ``0.00`` is ``80.50``, as printed). No float ever reaches a total.
"""

from __future__ import annotations

import csv
import io
import itertools
import json
import operator
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, Literal

import attrs
import tomli_w

from .._base.errors import ArgumentError, AssessmentError, Origin, ParindexError, Problem
from .._base.files import atomic_path, atomic_write, read_bytes
from .._base.i18n import Count, Sentence, reason
from .._base.model import (
    NOT_ARISING,
    Assessment,
    Framework,
    GivenPoints,
    Node,
    NodeKind,
    Provenance,
    Publication,
    Published,
    PublishedRank,
    Status,
    nfc,
)
from .._base.names import duplicate_units, group_key
from .._base.numbers import NumberError, exact, places, plain, to_decimal
from .rows import TableOrigin, TableRows, column, with_figures
from .toml import read_text, assessment_from_dict, assessment_to_dict, rank_problem, read_toml

if TYPE_CHECKING:
    import pandas

    from .._engine.ranking import Ranking

#: What a column can hold, besides a criterion code.
FIELDS: Final[tuple[str, ...]] = ("unit", "group", "year", "total", "appraised", "survey",
                                  "index", "rank", "group_rank", "band", "ignore")

#: Headers recognised without a mapping file, after normalisation (NFC, lower case, single
#: spaces, no trailing colon or parenthesised note). Each says which figure it is: "Điểm
#: thẩm định" is the appraised part only, "Điểm điều tra XHH" the survey part only.
_VIETNAMESE: Final[Mapping[str, str]] = {
    # unit
    "tên đơn vị": "unit", "đơn vị": "unit", "tên xã": "unit", "xã": "unit",
    "xã, phường, thị trấn": "unit", "tên xã, phường, thị trấn": "unit",
    "xã/phường/thị trấn": "unit", "cơ quan, đơn vị": "unit", "tên cơ quan, đơn vị": "unit",
    "cơ quan": "unit", "địa phương": "unit", "đơn vị hành chính": "unit",
    "tên địa phương": "unit", "tên đơn vị hành chính": "unit", "xã, phường": "unit",
    "xã/phường": "unit", "ubnd xã, phường, thị trấn": "unit",
    "ubnd các xã, phường, thị trấn": "unit", "tên cơ quan": "unit",
    # provinces (the national index)
    "tỉnh, thành phố": "unit", "tỉnh/thành phố": "unit", "tỉnh, thành phố trực thuộc tw": "unit",
    "tỉnh, thành phố trực thuộc trung ương": "unit", "tên tỉnh, thành phố": "unit",
    "xếp hạng toàn quốc": "rank",
    "huyện, thị xã, thành phố": "group",
    # group (the district of a commune, or a block of departments)
    "huyện": "group", "thị xã": "group", "huyện/thị xã/thành phố": "group",
    "huyện, thị xã": "group", "thuộc huyện": "group", "nhóm": "group", "khối": "group",
    "đơn vị cấp huyện": "group",
    # year
    "năm": "year", "năm đánh giá": "year",
    # published figures
    "tổng điểm": "total", "tổng cộng": "total", "tổng": "total", "tổng điểm đạt được": "total",
    "điểm đạt được": "total", "tổng số điểm": "total", "số điểm": "total",
    "điểm thẩm định": "appraised", "tổng điểm thẩm định": "appraised",
    "điểm đánh giá, thẩm định": "appraised", "điểm tự đánh giá được thẩm định": "appraised",
    "điểm điều tra xhh": "survey", "điểm điều tra xã hội học": "survey",
    "điều tra xhh": "survey", "điều tra xã hội học": "survey", "điểm khảo sát": "survey",
    "điểm đánh giá qua điều tra xhh": "survey",
    "chỉ số": "index", "chỉ số cchc": "index", "chỉ số cải cách hành chính": "index",
    "chỉ số par index": "index", "par index": "index", "chỉ số (%)": "index",
    "xếp hạng": "rank", "vị thứ": "rank", "thứ hạng": "rank", "hạng": "rank",
    "xếp thứ": "rank", "xếp hạng toàn tỉnh": "rank", "vị thứ toàn tỉnh": "rank",
    "xếp hạng trong huyện": "group_rank", "vị thứ trong huyện": "group_rank",
    "xếp hạng trong nhóm": "group_rank", "xếp hạng trong khối": "group_rank",
    "hạng trong huyện": "group_rank", "vị thứ trong nhóm": "group_rank",
    "xếp loại": "band", "phân loại": "band", "mức xếp loại": "band",
    "kết quả xếp loại": "band",
    "stt": "ignore", "tt": "ignore", "số thứ tự": "ignore", "ghi chú": "ignore",
}
HEADERS: Final[Mapping[str, str]] = {**{f: f for f in FIELDS}, **_VIETNAMESE}

#: Headers written with ``vietnamese=True`` (each is read back by :data:`HEADERS`).
VIETNAMESE_HEADERS: Final[Mapping[str, str]] = {
    "unit": "Tên đơn vị", "group": "Nhóm", "year": "Năm", "total": "Tổng điểm",
    "appraised": "Điểm thẩm định", "survey": "Điểm điều tra XHH", "index": "Chỉ số",
    "rank": "Xếp hạng", "group_rank": "Xếp hạng trong nhóm", "band": "Xếp loại",
}

#: Cells meaning "did not arise" (không phát sinh) in a criterion column.
NOT_ARISING_TEXT: Final = frozenset({"x", "kps", "không phát sinh", "k.p.s"})

#: Unit cells of rows that are not units: maxima, column numbers, totals and means.
_NOT_A_UNIT = re.compile(r"^(?:(?:\(?\d{1,3}\)?|[a-z]|cộng|tổng|max(?:imum)?|average|mean)$|"
                         r"(?:điểm tối đa|tối đa|điểm chuẩn|tổng cộng|trung bình|bình quân)\b)")
#: A group heading's numbering: a Roman numeral or a letter (``I.``, ``II -``, ``A)``).
_HEADING_NUMBER = re.compile(r"^(?:[ivxlc]+|[a-zđ])[.)\-:]?$", re.IGNORECASE)
_HEADING_PREFIX = re.compile(r"^(?:[IVXLC]+|[A-Z])\s*[.)\-:]\s*")
_DISTRICT_HEADER = re.compile(r"^(?:huyện|thị xã|huyện, thị xã|huyện/thị xã)")
_GROUP_HEADING = re.compile(r"^(?:huyện|thị xã|thành phố|quận|khối|nhóm|cụm)\s")
# Header shapes beyond the exact list, tried last. Each says one figure; a header that
# might mean another (e.g. "Tổng điểm tự đánh giá", the self-assessed total) is not read.
_RANK_HEADER = re.compile(r"^(?:xếp hạng|vị thứ|thứ hạng|hạng|thứ tự xếp hạng|xếp thứ)\b(.*)$")
_GROUP_WORDS = re.compile(r"huyện|thị xã|thành phố|nhóm|khối|trong")
_SURVEY_WORDS = re.compile(r"điều tra|xhh|khảo sát|hài lòng")
_OTHER_POINTS = re.compile(r"tự đánh giá|tự chấm|tối đa|bị trừ|chênh lệch")
_PARENTHESES = re.compile(r"\s*\([^)]*\)\s*$")
_CODE_PREFIX = re.compile(r"^(?:lĩnh vực|tiêu chí|nhiệm vụ|tc|lv|nv)\s*(?=[\divxlc])")
_ROMAN: Final[Mapping[str, int]] = {r: i for i, r in enumerate(
    ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"], 1)}
_HEADER_SEARCH_ROWS: Final = 30
_TITLE_YEAR = re.compile(r"\bnăm\s+(\d{4})\b", re.IGNORECASE)
#: The workbooks read_table reads, whose sheet can be chosen.
WORKBOOK_SUFFIXES: Final = (".xlsx", ".xlsm")
#: The other tables it reads, which have no sheets.
_SHEETLESS: Final = (".csv", ".tsv", ".txt", ".json", ".toml")
#: A number cell written plainly (``80,5``, ``7.25``): read without to_decimal's checks.
_PLAIN_NUMBER = re.compile(r"\d{1,20}(?:[.,]\d{1,20})?\Z")
#: Rows read between two calls of read_table's ``progress``.
_PROGRESS_ROWS: Final = 1000
#: A cell that cannot be read (its row is then read alone).
_UNREAD: Final = object()
#: Excel keeps 15 significant decimal digits; a double's further digits are noise.
_EXCEL_DIGITS: Final = 15


def normalise_header(text: str) -> str:
    """A header as compared: NFC, no NBSP or line breaks, single spaces, lower case.

    >>> normalise_header("  Tổng\\u00a0điểm: ")
    'tổng điểm'
    """
    text = unicodedata.normalize("NFC", text).replace("\u00a0", " ")
    return " ".join(text.split()).rstrip(":").strip().casefold()


# --- the table object -----------------------------------------------------------------------

@attrs.frozen
class Column:
    """One column of a table: its header as printed and what it holds.

    :param index: 0-based position.
    :param meaning: a criterion code (its points, as in an assessment's ``[points]``), or
        one of ``unit``, ``group``, ``year``, ``total``, ``appraised``, ``survey``,
        ``index``, ``rank``, ``group_rank``, ``band``, ``ignore``; ``None`` when the
        header was not recognised (the column is not read).
    """

    index: int
    header: str
    meaning: str | None


@attrs.frozen
class ResultsTable:
    """Units of one framework read from a table, one :class:`~parindex.Assessment` per row.

    :param framework: the framework every row is read under.
    :param assessments: one per unit row, in table order; ``origin`` is a
        :class:`TableOrigin` (file, sheet, row, headers). A table read from a CSV file or
        a sheet holds them column by column and builds each when first asked for.
    :param problems: every cell that could not be read (path, row, column header, code);
        a row with an unreadable criterion cell is still listed, without that cell.
    :param columns: how each column was understood.
    :param skipped: rows that are not units (maxima, column numbers, totals), with why.
    :param path: the file read, if any.
    :param summary: ``appraised`` or ``total`` when the table gives no field's points,
        only the appraised part or only the total, read as the points of one node of
        that code (see "Tables of totals" in the docs); ``None`` when it gives fields' points.
    :param population: how many units were ranked when the table is an extract (the top
        N and/or bottom N of them); ``None``: the table holds every unit ranked.
    :param ranks_only: the table gives units and their printed ranks, no points: nothing
        is recomputed, but :func:`parindex.compare` compares two years of them.
    """

    framework: Framework = attrs.field(repr=lambda f: f.id)
    assessments: Sequence[Assessment]
    problems: tuple[Problem, ...] = ()
    columns: tuple[Column, ...] = ()
    skipped: tuple[tuple[int, str], ...] = ()
    path: Path | None = None
    summary: Literal["appraised", "total"] | None = None
    population: int | None = None
    ranks_only: bool = False

    def missing_fields(self) -> Problem | None:
        """The fields (and survey block) no column gives points for, at any level, as
        one problem for the whole table; ``None`` when every one is given (or the table
        was not read from columns: JSON, TOML)."""
        if not self.columns or self.ranks_only:
            return None
        given = {c.meaning for c in self.columns if c.meaning in self.framework.nodes}
        missing = [top for top in self.framework.criteria
                   if top.kind in (NodeKind.CRITERION, NodeKind.SURVEY)
                   and not any(node.code in given for node in top.walk())]
        if not missing:
            return None
        wrong = Sentence("t_no_column_for",
                         fields=tuple(f"{n.code} ({n.name})" for n in missing))
        if self.ignored:
            wrong += Sentence("t_columns_not_read", headers=self.ignored)
        return Problem(wrong, path=self.path)

    @property
    def ignored(self) -> tuple[str, ...]:
        """Headers not recognised (their columns were not read)."""
        return tuple(c.header for c in self.columns if c.meaning is None and c.header)

    def raise_problems(self) -> None:
        """Raise :class:`~parindex.AssessmentError` carrying every problem, if any."""
        if self.problems:
            raise AssessmentError(self.problems)


# --- mapping files --------------------------------------------------------------------------

@attrs.frozen
class TableMapping:
    """A mapping file: headers the built-in list does not know, and where the header is.

    :param columns: normalised header → meaning (a field name or a criterion code).
    :param header_row: the 1-based row of the header, when detection should not guess.
    :param year: the assessment year when the table has no year column.
    :param rank_basis: what the published ranks were computed on.
    """

    columns: Mapping[str, str] = attrs.field(factory=dict)
    header_row: int | None = None
    year: int | None = None
    sheet: str | None = None
    rank_basis: Literal["total", "appraised", "index"] | None = None
    #: The number of units ranked when the table is a top-N or bottom-N extract.
    population: int | None = None
    #: The publisher's conventions for this table (rounding, decimals, band bounds,
    #: exact or published figures); they take precedence over the framework's.
    publication: Publication | None = None


_MAPPING_KEYS = ("columns", "header_row", "year", "sheet", "rank_basis", "population",
                 "publication")


def load_mapping(path: str | Path) -> TableMapping:
    """Read a table mapping file (TOML; see the table reference in the docs).

    :raises AssessmentError: malformed file, with every problem.
    """
    data, origin = read_toml(path, AssessmentError)
    problems = [origin.problem(Sentence("e_unknown_key_allowed", allowed=_MAPPING_KEYS), key)
                for key in data if key not in _MAPPING_KEYS]
    columns: dict[str, str] = {}
    for header, meaning in (data.get("columns") or {}).items():
        if not isinstance(meaning, str) or not meaning.strip():
            problems.append(origin.problem(Sentence("t_mapping_meaning"), "columns", header))
            continue
        columns[normalise_header(header)] = nfc(meaning)
    values: dict[str, Any] = {}
    if "publication" in data:
        values["publication"] = _mapping_publication(data["publication"], origin, problems)
    for key in ("header_row", "year", "population"):
        if key in data:
            if isinstance(data[key], int) and not isinstance(data[key], bool) and data[key] > 0:
                values[key] = data[key]
            else:
                problems.append(origin.problem(Sentence("t_whole_number"), key))
    if "sheet" in data:
        if isinstance(data["sheet"], str):
            values["sheet"] = data["sheet"]
        else:
            problems.append(origin.problem(Sentence("t_sheet_name"), "sheet"))
    if "rank_basis" in data:
        if data["rank_basis"] in ("total", "appraised", "index"):
            values["rank_basis"] = data["rank_basis"]
        else:
            problems.append(origin.problem(Sentence("e_rank_basis"), "rank_basis"))
    if problems:
        raise AssessmentError(problems)
    return TableMapping(columns=columns, **values)


def _mapping_publication(table: Any, origin: Origin, problems: list[Problem]) -> Publication:
    """A mapping file's ``[publication]``: as a framework's, its ``source`` a citation."""
    from .toml import Collector, unknown_keys, publication_from_dict

    collector = Collector(origin)

    def provenance(data: Mapping[str, Any], *path: str, code: str | None = None) -> Provenance:
        status = collector.enum(data, "status", Status, Status.UNKNOWN, *path)
        if "status" not in data:
            collector.add("missing: every convention needs a status (seed, read, inferred "
                          "or unknown)", *path, "status")
        collector.problems += unknown_keys(
            {k: v for k, v in data.items() if k in ("status", "source", "note")},
            ("status", "source", "note"), origin, *path)
        return Provenance(status, collector.get(data, "source", str, *path, required=False),
                          collector.get(data, "note", str, *path, required=False))

    publication = publication_from_dict(collector, table, provenance, "publication")
    problems += collector.problems
    return publication


# --- reading --------------------------------------------------------------------------------

Cell = str | int | float | Decimal | None


@exact
def read_table(path: str | Path, framework: Framework, *, sheet: str | None = None,
               mapping: TableMapping | str | Path | None = None, year: int | None = None,
               strict: bool = False, population: int | None = None,
               progress: Callable[[int, int], None] | None = None) -> ResultsTable:
    """Read a results table (CSV, .xlsx, JSON or TOML) of units under one framework.

    Columns: ``unit``; optional ``group`` and ``year``; one column per criterion code at
    any level (points, or ``x`` for not arising); the published ``total``, ``appraised``,
    ``survey``, ``index``, ``rank`` (``7/10`` or ``7``), ``group_rank`` and ``band``.
    Vietnamese headers are recognised (``Tên đơn vị``, ``Tổng điểm``, ``Xếp hạng``, ...;
    see the table reference in the docs), others are declared in a mapping file. The
    header row is found below any title rows. Criterion columns give points as an
    assessment's ``[points]`` does: a node given points is not derived from its items
    (:func:`parindex.reproduce` reports items that contradict it).

    :param sheet: the Excel sheet (default: the mapping file's, else the first sheet
        that holds a table); only for .xlsx and .xlsm files.
    :param mapping: a :class:`TableMapping` or the path of a mapping file.
    :param year: the year of every row when the table has no year column (default: the
        mapping's, else the year the title above the header names, "NĂM 2022", else the
        framework's only year).
    :param strict: raise instead of returning problems.
    :param population: how many units were ranked, when the table is a top-N and/or
        bottom-N extract of them (default: the mapping's ``population``).
    :param progress: called with the rows read so far and the rows below the header, as
        a large CSV or sheet is read, for a progress bar.
    :raises AssessmentError: the file cannot be read at all (missing, not a table, no
        unit column), or, with ``strict``, any cell cannot be read; every problem at once.
    :raises ArgumentError: ``sheet`` given for a CSV, JSON or TOML table (no sheets), or
        a ``population`` smaller than the units the table lists.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if sheet is not None and suffix in _SHEETLESS:
        raise ArgumentError(Problem(Sentence("t_sheet_not_workbook", sheet=repr(sheet),
                                             suffix=suffix), path=path))
    if isinstance(mapping, (str, Path)):
        mapping = load_mapping(mapping)
    mapping = mapping or TableMapping()
    if mapping.publication is not None:
        framework = attrs.evolve(
            framework, publication=framework.publication.merged(mapping.publication))
    if suffix in (".json", ".toml"):
        table = _read_structured(path, framework)
    else:
        reader = _GridReader(path, framework, mapping, year, progress)
        if suffix in WORKBOOK_SUFFIXES:
            # The named sheet; else the first sheet that holds a table (a cover or notes
            # sheet may come first).
            table = reader.first(_read_xlsx(path, sheet or mapping.sheet))
        elif suffix in (".csv", ".tsv", ".txt"):
            table = reader.best(read_csv(path, tabs=suffix == ".tsv", choose=reader.choose),
                                None)
        elif suffix in (".ods", ".xls", ".numbers"):
            raise AssessmentError(Problem(Sentence("t_workbook_format", suffix=suffix),
                                          path=path))
        else:
            raise AssessmentError(Problem(Sentence(
                "t_unknown_format", suffix=repr(suffix) if suffix else Sentence("no_suffix")),
                path=path))
    population = population if population is not None else mapping.population
    if population is not None:
        listed = len(table.assessments)
        if population < max(listed, 1):  # the units ranked include every unit listed
            raise ArgumentError(Problem(Sentence("t_population_rows", population=population,
                                                 rows=Count(listed)), path=path))
        table = attrs.evolve(table, population=population)
    table = attrs.evolve(table, assessments=resolve_last(table.assessments, population))
    if strict:
        table.raise_problems()
    return table


def title_year(lines: Iterable[str], framework: Framework) -> int | None:
    """The year a document's title gives ("… năm 2022"): the first it names that the
    framework covers (a plan for the next year may be named too), else the first it
    names; ``None`` when it names none."""
    years = [int(m.group(1)) for line in lines for m in _TITLE_YEAR.finditer(line)]
    last = framework.last_year
    covered = [y for y in years if y >= framework.first_year and (last is None or y <= last)]
    return (covered or years)[0] if years else None


def read_csv(path: Path, *, tabs: bool = False,
             choose: Callable[[list[list[list[Cell]]]], int] | None = None,
             ) -> list[list[list[Cell]]]:
    """The file parsed with each plausible delimiter (the reader keeps the best); a
    ``.tsv`` file with tabs only.

    :param choose: given the first rows parsed with each delimiter, the position of the
        one to keep: only that one is parsed in full (a large table is parsed once).
    """
    data = read_bytes(path, AssessmentError)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise AssessmentError(Problem(Sentence("t_not_utf8", byte=exc.start),
                                      path=path)) from None
    if "\x00" in text:
        line = text[:text.index("\x00")].count("\n") + 1
        raise AssessmentError(Problem(Sentence("t_nul"), path=path, line=line))

    def parse(delimiter: str, rows: int | None = None) -> list[list[Cell]]:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        # Cells repeat (points, "x", district names): one string object for each text.
        seen: dict[str, str] = {}
        keep = seen.setdefault
        try:
            read = itertools.islice(reader, rows)
            if "'" not in text:  # no cell can hold the apostrophe csv_text adds
                return [list(map(keep, row, row)) for row in read]
            return [[keep(cell, cell) for cell in map(_csv_cell, row)] for row in read]
        except csv.Error as error:  # e.g. a field over the csv module's limit (128 KB)
            detail = Sentence("quoted_csv", detail=str(error))
            raise AssessmentError(Problem(Sentence("t_unreadable", detail=detail),
                                          path=path, line=reader.line_num or None)) from None

    delimiters = ("\t",) if tabs else tuple(d for d in (",", ";", "\t") if d in text)
    if choose is not None and len(delimiters) > 1:
        heads = [parse(d, _HEADER_SEARCH_ROWS + 2) for d in delimiters]
        delimiters = (delimiters[choose(heads)],)
    return [parse(d) for d in delimiters] or [parse(",")]


def _read_xlsx(path: Path, sheet: str | None) -> list[tuple[list[list[Cell]], str]]:
    """The named sheet's cells, or every sheet's, in order, with the sheet's name."""
    import zipfile

    import openpyxl

    # Read once, bounded, and parsed from memory: no file left open when parsing fails.
    data = read_bytes(path, AssessmentError)
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except FileNotFoundError:
        raise AssessmentError(Problem(Sentence("e_no_such_file"), path=path)) from None
    except (OSError, KeyError, ValueError, zipfile.BadZipFile, SyntaxError,
            _defused_errors()) as exc:
        # SyntaxError: XML parse errors (truncated sheet XML) derive from it.
        detail = Sentence("quoted_openpyxl", detail=str(exc))
        raise AssessmentError(Problem(Sentence("t_unreadable_xlsx", detail=detail),
                                      path=path)) from None
    try:
        if sheet is None:
            worksheets = list(book.worksheets)
        elif sheet in book.sheetnames:
            worksheets = [book[sheet]]
        else:
            raise AssessmentError(Problem(
                Sentence("t_no_sheet", sheet=repr(sheet), sheets=tuple(book.sheetnames)),
                path=path))
        grids = []
        for worksheet in worksheets:
            check_dimensions(path, worksheet)
            grid: list[list[Cell]] = []
            # A sheet repeats few distinct numbers: each is converted once, and equal
            # cells share one value (which the reader then checks once).
            numbers: dict[tuple[type, object, str | None], Cell] = {}

            def value(cell: Any) -> Cell:
                found = cell.value
                shown = getattr(cell, "number_format", None)
                if type(found) not in (float, int):
                    return excel_value(found, shown)
                key = (type(found), found, shown)
                converted = numbers.get(key)
                if converted is None:
                    converted = numbers[key] = excel_value(found, shown)
                return converted

            try:
                for row in worksheet.iter_rows():
                    grid.append([value(cell) for cell in row])
                    if len(grid) * max(len(grid[-1]), 1) > MAX_CELLS:
                        raise AssessmentError(Problem(Sentence(
                            "t_sheet_cells", sheet=repr(worksheet.title),
                            max=Count(MAX_CELLS)), path=path))
            except (KeyError, ValueError, SyntaxError, zipfile.BadZipFile,
                    _defused_errors()) as exc:
                raise AssessmentError(Problem(Sentence(
                    "t_unreadable_sheet", sheet=repr(worksheet.title),
                    detail=Sentence("quoted_openpyxl", detail=str(exc))),
                    path=path)) from None
            grids.append((grid, worksheet.title))
    finally:
        book.close()
    if any(cell is None for grid, _ in grids for row in grid for cell in row):
        unsaved_formulas(data, grids)
    return grids


#: The most cells (rows × columns) a sheet may declare or hold: a province's results table
#: has a few thousand. A sheet declaring more (XFD1048576) is refused before it is read.
MAX_CELLS = 2_000_000


def check_dimensions(path: Path, worksheet: Any) -> None:
    """Refuse a sheet whose declared size exceeds :data:`MAX_CELLS`, before reading it
    (openpyxl would otherwise pad every row to the declared width)."""
    rows, columns = worksheet.max_row or 0, worksheet.max_column or 0
    if rows * columns > MAX_CELLS:
        raise AssessmentError(Problem(Sentence(
            "t_sheet_declares", sheet=repr(worksheet.title), rows=Count(rows),
            columns=Count(columns), cells=Count(rows * columns), max=Count(MAX_CELLS)),
            path=path))


def _defused_errors() -> type[Exception]:
    """The errors defusedxml raises on entity expansion and external entities (openpyxl
    uses defusedxml when it is installed; it is a dependency of parindex)."""
    try:
        from defusedxml import DefusedXmlException  # type: ignore[import-untyped]
    except ModuleNotFoundError:  # pragma: no cover - a dependency, always installed
        return ValueError
    error: type[Exception] = DefusedXmlException
    return error


def unsaved_formulas(data: bytes, grids: list[tuple[list[list[Cell]], str]]) -> None:
    """Put a formula's text where its cell has no saved value (a workbook written by a
    program, never opened and saved in a spreadsheet), so that it is reported, never read
    as an empty cell."""
    import openpyxl

    book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    try:
        for grid, title in grids:
            for r, row in enumerate(book[title].iter_rows()):
                for c, cell in enumerate(row):
                    if (isinstance(cell.value, str) and cell.value.startswith("=")
                            and r < len(grid) and c < len(grid[r]) and grid[r][c] is None):
                        grid[r][c] = cell.value
    finally:
        book.close()


def excel_decimal(value: float, number_format: str | None = None) -> Decimal:
    """The exact decimal an Excel number cell shows: 15 significant digits, then padded
    to the places of its number format.

    >>> excel_decimal(0.1 + 0.2), excel_decimal(80.5, "0.00"), excel_decimal(28.666, "0.0")
    (Decimal('0.3'), Decimal('80.50'), Decimal('28.666'))
    """
    result = Decimal(format(value, f".{_EXCEL_DIGITS}g"))
    result = Decimal(plain(result.normalize())) if result else Decimal(0)
    shown = format_places(number_format)
    if shown is not None and places(result) < shown:
        result = result.quantize(Decimal(1).scaleb(-shown))
    return result


def format_places(number_format: str | None) -> int | None:
    """Decimal places an Excel number format shows (``0.00`` → 2, ``General`` → None)."""
    if not number_format or number_format == "General":
        return None
    match = re.search(r"[0#]\.([0#]+)", number_format.split(";")[0])
    return len(match.group(1)) if match else 0


def excel_value(value: object, number_format: str | None) -> Cell:
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float):
        if number_format and "%" in number_format:
            # A percentage cell holds the fraction (0.8054 shown as 80.54%): the index.
            shown = format_places(number_format) or 0
            percent = Decimal(plain((excel_decimal(value) * 100).normalize()))
            if places(percent) < shown:
                percent = percent.quantize(Decimal(1).scaleb(-shown))
            return percent
        return excel_decimal(value, number_format)
    if isinstance(value, int) and format_places(number_format):
        return Decimal(value).quantize(Decimal(1).scaleb(-(format_places(number_format) or 0)))
    if value is None or isinstance(value, (str, int, Decimal)):
        return value
    return str(value)  # dates and the like: read as text, reported if they must be numbers


def cell_text(cell: Cell) -> str:
    if type(cell) is str and cell.isascii():  # most cells: nothing to normalise
        return cell.strip()
    if cell is None:
        return ""
    if isinstance(cell, Decimal):
        return plain(cell)
    return unicodedata.normalize("NFC", str(cell)).replace("\u00a0", " ").strip()


class _GridReader:
    """Reads a grid of cells (rows of a CSV or a sheet) into a :class:`ResultsTable`."""

    def __init__(self, path: Path, framework: Framework, mapping: TableMapping,
                 year: int | None, progress: Callable[[int, int], None] | None = None) -> None:
        self.progress = progress
        self.path = path
        self.framework = framework
        self.mapping = mapping
        #: The year given (the argument, else the mapping's): the title's, else the
        #: framework's only year, stand in for it only when it is not.
        self.given_year = year if year is not None else mapping.year
        self.year = self.given_year
        if self.year is None and framework.last_year == framework.first_year:
            self.year = framework.first_year
        # Codes as headers are compared like headers (``b1`` is ``B1``).
        self.codes = {code.casefold(): code for code in framework.nodes}
        self._keys: tuple[list[Column], dict[tuple[str, ...], str]] | None = None
        # Only a workbook holds formulas (a CSV cell "=A1" is text).
        self._workbook = path.suffix.lower() in WORKBOOK_SUFFIXES
        self.summary: Literal["appraised", "total"] | None = None

    def meaning(self, header: str) -> str | None:
        codes = self.codes
        key = normalise_header(header)
        if not key:
            return None
        for candidate in (key, _PARENTHESES.sub("", key)):
            if candidate in self.mapping.columns:
                return self.mapping.columns[candidate]
        for candidate in (key, _PARENTHESES.sub("", key)):
            if candidate in HEADERS:
                if HEADERS[candidate] == "group" and self.framework.level == "district" \
                        and _DISTRICT_HEADER.match(candidate):
                    return "unit"  # the districts are the units ranked
                return HEADERS[candidate]
            code = _CODE_PREFIX.sub("", candidate).rstrip(".")
            if code in codes:
                return codes[code]
            if code != candidate and code in _ROMAN and str(_ROMAN[code]) in codes:
                return codes[str(_ROMAN[code])]  # "Lĩnh vực II" is field 2
            first = re.match(r"^(\d+(?:\.\d+)*)\.?\s", candidate)
            if first and first.group(1) in codes:
                return codes[first.group(1)]
        return _header_shape(_PARENTHESES.sub("", key))

    def header(self, grid: list[list[Cell]]) -> tuple[int, list[Column]] | None:
        """The header row (0-based) and its columns: the first row naming the unit column
        and at least one other known column. A second header row (merged cells above
        criterion codes) is folded in."""
        if self.mapping.header_row is not None:
            rows = range(self.mapping.header_row - 1, min(self.mapping.header_row, len(grid)))
        else:
            rows = range(min(len(grid), _HEADER_SEARCH_ROWS))
        for i in rows:
            meanings = [self.meaning(cell_text(c)) for c in grid[i]]
            if "unit" not in meanings:
                continue
            if i + 1 < len(grid):
                # A second header row (codes under a merged "points per field" cell)
                # names no unit, and gives codes where the first row has no header.
                unit_at = meanings.index("unit")
                below = [self.meaning(cell_text(c)) for c in grid[i + 1]]
                codes = [m for j, m in enumerate(below) if m in self.framework.nodes
                         and (j >= len(meanings) or meanings[j] is None)]
                unit_below = cell_text(grid[i + 1][unit_at]) if unit_at < len(grid[i + 1]) else ""
                if codes and not unit_below:
                    columns = []
                    for j in range(max(len(grid[i]), len(grid[i + 1]))):
                        top = meanings[j] if j < len(meanings) else None
                        low = below[j] if j < len(below) else None
                        text = cell_text(grid[i + 1][j]) if low and j < len(grid[i + 1]) else \
                            cell_text(grid[i][j]) if j < len(grid[i]) else ""
                        columns.append(Column(j, text, low or top))
                    return i + 2, columns
            if sum(1 for m in meanings if m not in (None, "ignore")) >= 2:
                return i + 1, [Column(j, cell_text(c), m)
                               for j, (c, m) in enumerate(zip(grid[i], meanings, strict=True))]
        return None

    def first(self, sheets: Sequence[tuple[list[list[Cell]], str]]) -> ResultsTable:
        """The first sheet with a header row (every sheet is tried, in order)."""
        for grid, name in sheets:
            found = self.header(grid)
            if found is not None:
                return self.read(grid, found[0], found[1], name)
        return self.best([grid for grid, _ in sheets], None)  # raises: no header anywhere

    def choose(self, grids: Sequence[list[list[Cell]]]) -> int:
        """The position of the grid :meth:`best` reads (its header rows suffice)."""
        found = [(i, self.header(grid)) for i, grid in enumerate(grids)]
        usable = [(i, h) for i, h in found if h is not None]
        if not usable:
            return 0  # best() says why no grid has a header row
        return max(usable, key=lambda item: sum(1 for c in item[1][1] if c.meaning))[0]

    def best(self, grids: Sequence[list[list[Cell]]], sheet: str | None) -> ResultsTable:
        """The grid with a header row that recognises the most columns, read."""
        grid = grids[self.choose(grids)] if grids else []
        found = self.header(grid)
        if found is None:
            raise AssessmentError(Problem(Sentence("t_no_header", rows=_HEADER_SEARCH_ROWS),
                                          path=self.path))
        return self.read(grid, found[0], found[1], sheet)

    def read(self, grid: list[list[Cell]], start: int, columns: list[Column],
             sheet: str | None) -> ResultsTable:
        problems: list[Problem] = []
        columns = self.roles(columns, problems)
        skipped: list[tuple[int, str]] = []
        current_group: str | None = None
        unit_column = next(c for c in columns if c.meaning == "unit")
        self.summary = _summary_level(self.framework, columns)
        if self.summary is not None:
            # Only the appraised part (or only the total) is printed, not the fields: it
            # is read as the points of the fields together (see summary_framework).
            self.framework = summary_framework(self.framework, self.summary, self.path)
        not_read = [c.header for c in columns if c.meaning is None and c.header]
        not_read_note = Sentence("t_columns_not_read", headers=tuple(not_read)) if not_read else ""
        ranks_only = False
        if not any(c.meaning in self.framework.nodes for c in columns) \
                and self.summary is None and any(c.meaning in ("rank", "group_rank")
                                                 for c in columns):
            # Units and their printed ranks only ("xếp thứ 10/19"): nothing to recompute,
            # but two years of them can be compared.
            ranks_only = True
        elif not any(c.meaning in self.framework.nodes for c in columns) \
                and self.summary is None:
            raise AssessmentError(Problem(Sentence(
                "t_no_points_columns", framework=self.framework.id,
                codes=tuple(n.code for n in self.framework.criteria[:3])) + not_read_note,
                path=self.path))
        if self.given_year is None and not any(c.meaning == "year" for c in columns):
            # The title above the header ("KẾT QUẢ … NĂM 2022") says the year, rather than
            # the framework's only year: a table of another year is then said to be one.
            at, header = unit_column.index, unit_column.header
            top = next((i for i, row in enumerate(grid[:start])
                        if at < len(row) and cell_text(row[at]) == header), start)
            named = title_year((cell_text(c) for row in grid[:top] for c in row),
                               self.framework)
            self.year = named if named is not None else self.year
        if self.year is None and not any(c.meaning == "year" for c in columns):
            raise AssessmentError(Problem(Sentence("t_no_year", framework=self.framework.id),
                                          path=self.path))
        width = max((c.index for c in columns), default=-1) + 1
        # First the rows that are units (their cells padded to the header's width), with
        # each row's problems kept by row, so that they are reported in table order.
        found: list[tuple[int, str, str | None, Sequence[Cell]]] = []
        by_row: dict[int, list[Problem]] = {}
        unit_at, headed = unit_column.index, len(columns)
        nodes = self.framework.nodes
        # A row that prints points (or a part) is a unit, never a group heading.
        points_at = [c.index for c in columns
                     if c.meaning in nodes or c.meaning in ("appraised", "survey")]
        for i in range(start, len(grid)):
            if self.progress is not None and (i - start) % _PROGRESS_ROWS == 0:
                self.progress(i - start, len(grid) - start)
            row = grid[i]
            number = i + 1
            cells: Sequence[Cell] = row if len(row) >= width else \
                [*row, *([None] * (width - len(row)))]
            unit = cell_text(cells[unit_at])
            if not unit and all(cell_text(v) == "" for v in row):
                continue
            beyond = [j for j in range(headed, len(row)) if cell_text(row[j])] \
                if len(row) > headed else None
            if beyond:
                # A value with no header is read by nobody: say so rather than drop it.
                by_row.setdefault(number, []).append(Problem(Sentence(
                    "t_cells_beyond", count=len(beyond), columns=len(columns),
                    column=beyond[0] + 1, text=repr(cell_text(row[beyond[0]])[:40])),
                    path=self.path, line=number))
            if not unit:
                by_row.setdefault(number, []).append(Problem(
                    Sentence("t_no_unit"), path=self.path, line=number,
                    key=unit_column.header))
                continue
            if _NOT_A_UNIT.match(normalise_header(unit)):
                skipped.append((number, Sentence("t_not_a_unit", text=repr(unit))))
                continue
            if self.is_heading(unit, columns, cells, points_at):
                # "I. THỊ XÃ HƯƠNG THỦY": the units below belong to it, unless a group
                # column says otherwise.
                heading = _HEADING_PREFIX.sub("", unit).strip() or unit
                why = Sentence("t_heading", text=repr(unit))
                skipped.append((number, why))
                current_group = " ".join(heading.split())
                continue
            found.append((number, " ".join(unit.split()), current_group, cells))
        rows: Sequence[Assessment] = self.read_columns(found, columns, sheet, by_row)
        if self.progress is not None:
            self.progress(len(grid) - start, len(grid) - start)
        if len(rows) and not any(c.meaning == "group_rank" for c in columns):
            rows = _group_ranks_printed_as_ranks(rows)
        for number in sorted(by_row):
            problems += by_row[number]
        if not len(rows) and not problems:
            raise AssessmentError(Problem(Sentence("t_empty", row=start), path=self.path,
                                          line=start))
        return ResultsTable(self.framework, rows, tuple(problems), tuple(columns),
                            tuple(skipped), self.path, self.summary, ranks_only=ranks_only)

    def read_columns(self, found: list[tuple[int, str, str | None, Sequence[Cell]]],
                columns: list[Column], sheet: str | None,
                by_row: dict[int, list[Problem]]) -> TableRows:
        """The unit rows read column by column: each distinct cell of a column converted
        once. A row with a cell that cannot be read is read alone (:meth:`row`), which
        words its problems; a unit that appears twice is reported and left out."""
        nodes = self.framework.nodes
        points = [c for c in columns if c.meaning is not None and c.meaning in nodes]
        others = [c for c in columns if c.meaning not in (None, "ignore", "unit")
                  and c.meaning not in nodes]
        n, k = len(found), len(points)
        alone: set[int] = set()  # positions of rows read one by one
        import numpy as np

        from .._engine.batch import Numbering

        # The points: every cell by its identity (equal texts share one object, and equal
        # Excel numbers shown alike: see read_csv and _read_xlsx; an Excel 80.5 and 80.50
        # are equal but not alike), numbered as first met, each distinct one read once.
        rows = [row for _, _, _, row in found]
        at = [c.index for c in points]
        get = operator.itemgetter(*at) if len(at) > 1 else lambda row: (row[at[0]],)
        cells = list(itertools.chain.from_iterable(map(get, rows))) if at else []
        numbers = Numbering()
        index = np.fromiter(map(numbers.__getitem__, map(id, cells)), dtype=np.int32,
                            count=len(cells))
        # Where each number first appears: where the running maximum grows.
        first = np.flatnonzero(np.diff(np.maximum.accumulate(index), prepend=-1) > 0)
        values = [self.points_value(cells[j]) for j in first.tolist()]
        del cells
        index = index.reshape(n, k)
        unread = np.asarray([v is None for v in values], dtype=np.bool_)
        if unread.any():
            alone.update(np.flatnonzero(unread[index].any(axis=1)).tolist())
        figures: dict[str, list[Any]] = {}
        years: list[int | None] = [self.year] * n
        groups: list[str | None] = [group for _, _, group, _ in found]
        for column in others:
            meaning = column.meaning
            assert meaning is not None
            cells = list(map(operator.itemgetter(column.index), rows))
            read = {id(cell): cell for cell in cells}  # each distinct cell read once
            read = {key: self.figure_value(meaning, cell) for key, cell in read.items()}
            found_values: list[Any] = list(map(read.__getitem__, map(id, cells)))
            if any(value is _UNREAD for value in read.values()):
                alone.update(i for i, value in enumerate(found_values) if value is _UNREAD)
                found_values = [None if value is _UNREAD else value for value in found_values]
            if meaning == "year":
                years = [y if y is not None else self.year for y in found_values]
            elif meaning == "group":
                groups = [g if g is not None else heading for g, heading
                          in zip(found_values, groups, strict=True)]
            else:
                figures[meaning] = found_values
        alone.update(i for i, year in enumerate(years) if year is None)
        given: dict[int, Mapping[str, GivenPoints]] = {}
        keep = [i for i in range(n) if i not in alone]
        for position in sorted(alone):
            number, unit, heading, row = found[position]
            problems = by_row.setdefault(number, [])
            assessment = self.row(number, unit, columns, row, sheet, problems)
            if assessment is None:
                continue
            keep.append(position)
            given[position] = assessment.points
            years[position] = assessment.year
            groups[position] = assessment.group or heading
            for name in figures:
                figures[name][position] = getattr(assessment.published, name)
        keep.sort()
        keep = self.once(keep, found, groups, by_row, columns)
        return TableRows(
            self.framework.id, self.path, sheet, self.origin_keys(columns),
            numbers=[found[i][0] for i in keep], units=[found[i][1] for i in keep],
            # Every row kept has a year: one without was read alone, and left out.
            groups=[groups[i] for i in keep], years=[y for i in keep if (y := years[i])],
            codes=tuple(c.meaning for c in points if c.meaning is not None),
            value_at=index[keep] if len(keep) < n else index, values=values,
            figures={name: [values_[i] for i in keep] for name, values_ in figures.items()},
            points={j: given[i] for j, i in enumerate(keep) if i in given},
            rank_basis=self.mapping.rank_basis)

    def once(self, keep: list[int], found: list[tuple[int, str, str | None, Sequence[Cell]]],
             groups: list[str | None], by_row: dict[int, list[Problem]],
             columns: list[Column]) -> list[int]:
        """The rows kept, without a unit's second row (commune names repeat across
        districts: a unit is its name within its group), which is reported."""
        from .._engine.batch import may_repeat  # numpy: imported when a table is read

        if not may_repeat(tuple(found[i][1] for i in keep)):
            return keep  # the common case: every name differs
        unit_column = next(c for c in columns if c.meaning == "unit")
        pairs = [(nfc(found[i][1]), nfc(group) if (group := groups[i]) else None)
                 for i in keep]
        again = {position: first for first, position in duplicate_units(pairs)}
        for position, first in again.items():
            number = found[keep[position]][0]
            by_row.setdefault(number, []).append(Problem(Sentence(
                "t_unit_twice", unit=repr(pairs[position][0]), row=found[keep[first]][0]),
                path=self.path, line=number, key=unit_column.header))
        return [i for position, i in enumerate(keep) if position not in again]

    def points_value(self, cell: Cell) -> GivenPoints | None:
        """A points cell read as :meth:`row` reads it (``None``: it cannot be)."""
        if isinstance(cell, str) and cell.startswith("=") and self._workbook:
            return None
        text = cell_text(cell)
        if normalise_header(text) in NOT_ARISING_TEXT:
            return NOT_ARISING
        if text == "":
            return None
        try:
            return self.number(cell)
        except NumberError:
            return None

    def figure_value(self, meaning: str, cell: Cell) -> object:
        """Any other cell read as :meth:`row` reads it: ``None`` when empty, ``_UNREAD``
        when it cannot be read."""
        if isinstance(cell, str) and cell.startswith("=") and self._workbook:
            return _UNREAD
        text = cell_text(cell)
        if text == "":
            return None
        if meaning == "group":
            return " ".join(text.split())
        if meaning == "band":
            return text
        if meaning == "year":
            if isinstance(cell, Decimal) and cell == cell.to_integral_value():
                return int(cell)
            if isinstance(cell, int) or text.isdigit():
                return int(text)
            return _UNREAD
        if meaning in ("rank", "group_rank"):
            rank = _rank(cell)
            if rank is None or (rank.position != LAST and rank_problem(rank.position, rank.of)):
                return _UNREAD
            return rank
        if meaning == "index" and isinstance(cell, str):
            cell = cell.strip().removesuffix("%")
        try:
            return self.number(cell)
        except NumberError:
            return _UNREAD

    def is_heading(self, unit: str, columns: list[Column], cells: Sequence[Cell],
                   points_at: Sequence[int]) -> bool:
        """A group heading row: no points (in the columns ``points_at``: points, the
        appraised or survey part), and numbered with a Roman numeral or a letter (``I``,
        ``II.``, ``A``), or printed in capitals, or named as a district or block (*Huyện …*,
        *Khối …*). A row numbered like a unit (``5``) is a unit."""
        for j in points_at:  # points: a unit (a heading may print its group's mean)
            if cell_text(cells[j]):
                return False
        number = next((text for column in columns if column.meaning == "ignore"
                       and (text := cell_text(cells[column.index]))), "")
        if number and not _HEADING_NUMBER.match(number):
            return False
        return bool(number) or unit.isupper() or bool(_HEADING_PREFIX.match(unit)) \
            or bool(_GROUP_HEADING.match(normalise_header(unit)))

    def roles(self, columns: list[Column], problems: list[Problem]) -> list[Column]:
        codes = {c.meaning for c in columns if c.meaning in self.framework.nodes}
        kinds = [c.meaning for c in columns if c.meaning and c.meaning not in ("ignore",)]
        for kind in set(kinds):
            if kinds.count(kind) > 1:
                problems.append(Problem(Sentence("t_two_columns", kind=repr(kind)),
                                        path=self.path, key=kind))
        result = []
        used: set[str] = set()
        survey = [n.code for n in self.framework.criteria if n.kind is NodeKind.SURVEY]
        survey_given = any(self._within(code, survey[0]) for code in codes
                           if code is not None) if survey else True
        for column in columns:
            meaning = column.meaning
            if meaning is None or meaning == "ignore":
                result.append(column)
                continue
            if meaning in used:
                result.append(attrs.evolve(column, meaning=None))
                continue
            used.add(meaning)
            if meaning == "survey" and len(survey) == 1 and not survey_given:
                # No column gives the survey block's points: the survey part is them.
                result.append(attrs.evolve(column, meaning=survey[0]))
            elif meaning in self.framework.nodes or meaning in FIELDS:
                result.append(column)
            else:
                problems.append(Problem(Sentence(
                    "t_mapping_unknown", meaning=repr(meaning), kinds=tuple(FIELDS),
                    framework=self.framework.id), path=self.path, key=column.header))
                result.append(attrs.evolve(column, meaning=None))
        return result

    def _within(self, code: str, ancestor: str) -> bool:
        current: str | None = code
        while current is not None:
            if current == ancestor:
                return True
            current = self.framework.parents.get(current)
        return False

    def origin_keys(self, columns: list[Column]) -> dict[tuple[str, ...], str]:
        """Where each figure of a row is read (its :class:`TableOrigin` ``columns``): the
        same for every row, so worked out once per table."""
        if self._keys is None or self._keys[0] is not columns:
            nodes = self.framework.nodes
            keys: dict[tuple[str, ...], str] = {}
            for c in columns:
                if c.meaning == "unit":
                    keys[("unit",)] = c.header
                elif c.meaning is not None and c.meaning in nodes:
                    keys[("points", c.meaning)] = c.header
            self._keys = (columns, keys)
        return self._keys[1]

    def row(self, number: int, unit: str, columns: list[Column], cells: Sequence[Cell],
            sheet: str | None, problems: list[Problem]) -> Assessment | None:
        """One row read alone (a cell of it cannot be read): every problem worded, the
        rest of the row read as :meth:`read_columns` reads it."""
        points: dict[str, GivenPoints] = {}
        figures: dict[str, Any] = {}
        group = None
        year = self.year
        nodes = self.framework.nodes
        for column in columns:
            meaning = column.meaning
            if meaning is None or meaning in ("ignore", "unit"):
                continue
            cell = cells[column.index]
            code = meaning if meaning in nodes else None
            if code is not None:
                given = self.points_value(cell)
                if given is not None:
                    points[code] = given
                    continue
            else:
                value = self.figure_value(meaning, cell)
                if value is None:
                    continue  # an empty cell: the figure is not printed
                if value is not _UNREAD:
                    if meaning == "group":
                        assert isinstance(value, str)
                        group = value
                    elif meaning == "year":
                        assert isinstance(value, int)
                        year = value
                    else:
                        figures[meaning] = value
                    continue
            problems.append(Problem(self.unread(meaning, cell, code), path=self.path,
                                    line=number, key=column.header, code=code))
        if year is None:
            problems.append(Problem(Sentence("t_no_year_row"), path=self.path, line=number,
                                    key=next(c.header for c in columns if c.meaning == "year")))
            return None
        if self.mapping.rank_basis and ("rank" in figures or "group_rank" in figures):
            figures["rank_basis"] = self.mapping.rank_basis
        origin = TableOrigin(self.path, row=number, sheet=sheet, columns=self.origin_keys(columns))
        return Assessment(
            framework=self.framework.id, unit=" ".join(unit.split()), year=year,
            points=points, group=group, published=Published(**figures), origin=origin)

    def unread(self, meaning: str, cell: Cell, code: str | None) -> str:
        """Why a cell cannot be read (:meth:`points_value` or :meth:`figure_value` could
        not read it), as a catalogue sentence."""
        text = cell_text(cell)
        if isinstance(cell, str) and cell.startswith("=") and self._workbook:
            return Sentence("t_formula", cell=repr(cell))
        if code is not None and text == "":
            return Sentence("t_empty_cell")
        if meaning == "year":
            return Sentence("t_not_a_year", text=repr(text))
        if meaning in ("rank", "group_rank"):
            rank = _rank(cell)
            if rank is None and re.match(r"^\d{4}-\d{2}-\d{2}", text):
                return Sentence("t_rank_date", text=repr(text))
            if rank is None:
                return Sentence("t_not_a_rank", text=repr(text))
            return repr(text) + ": " + (rank_problem(rank.position, rank.of) or "")
        if meaning == "index" and isinstance(cell, str):
            cell = cell.strip().removesuffix("%")
        try:
            self.number(cell)
        except NumberError as exc:
            return reason(exc)
        raise AssertionError(f"{cell!r} reads as {meaning}")  # pragma: no cover

    def number(self, cell: Cell) -> Decimal:
        """A number cell, exactly (decimal commas allowed).

        :raises NumberError: not a number parindex reads.
        """
        if isinstance(cell, float):  # pragma: no cover - cells are converted on reading
            cell = excel_decimal(cell)
        if isinstance(cell, str) and _PLAIN_NUMBER.match(cell):
            # What to_decimal makes of it, without its checks (they cannot fail here):
            # the totals of a large table are as many distinct texts as rows.
            return Decimal(cell.replace(",", "."))
        return to_decimal(cell.replace(" ", "") if isinstance(cell, str) else cell,
                          decimal_comma=True)


def _group_ranks_printed_as_ranks(rows: Sequence[Assessment]) -> Sequence[Assessment]:
    """Ranks printed "among N" where N is each unit's group's size, not the table's: the
    ranks within the groups (a table of several districts' communes, ranked in each)."""
    groups = [group_key(g) or None for g in column(rows, "group")]
    ranks: list[PublishedRank | None] = column(rows, "rank")
    sizes: dict[str | None, int] = {}
    for key in groups:
        sizes[key] = sizes.get(key, 0) + 1
    if all(r is None for r in ranks) or None in sizes or len(sizes) < 2 or any(
            r is not None and (r.of is None or r.of != sizes[key] or r.of == len(rows))
            for r, key in zip(ranks, groups, strict=True)):
        return rows
    return with_figures(rows, rank=[None] * len(rows), group_rank=ranks)


def _summary_level(framework: Framework, columns: Sequence[Column],
                   ) -> Literal["appraised", "total"] | None:
    """``appraised`` when a table prints the appraised part but no field's points,
    ``total`` when it prints only the total; ``None`` when it gives fields' points."""
    kinds = {node.code: top.kind for top in framework.criteria for node in top.walk()}
    given = {kinds[c.meaning] for c in columns if c.meaning in kinds}
    meanings = {c.meaning for c in columns}
    if NodeKind.CRITERION in given:
        return None
    if "appraised" in meanings:
        return "appraised"
    if not given and "total" in meanings:
        return "total"
    return None


def summary_framework(framework: Framework, level: Literal["appraised", "total"],
                      path: Path | None = None) -> Framework:
    """The framework seen through a table of totals: its appraised fields (``level``
    ``appraised``), or all of its blocks (``total``), as one node of that code whose
    maximum is theirs together (unknown when one of theirs is). Bands, ranking and
    decimals are the framework's.

    The merged fields stay below the node as its items, never given points: which items
    did not arise cannot be seen in such a table, so the index is taken over the whole
    maximum, and a printed index is checked against every arising maximum the items
    allow (:func:`parindex.reproduce`). A figure an unknown maximum decides (the index,
    a band on the index) is then listed as not checked, with the unknown named.

    :raises AssessmentError: the framework cannot be seen so (a tie-break on a field's
        points, bonus or penalty points under ``total``).
    """
    merged = [n for n in framework.criteria
              if n.kind is NodeKind.CRITERION or level == "total"]
    kept = [n for n in framework.criteria if n not in merged]
    why = None
    if level == "total" and any(n.kind in (NodeKind.BONUS, NodeKind.PENALTY) for n in merged):
        why = Sentence("tb_why_bonus")
    elif any(code not in {n.code for c in kept for n in c.walk()}
             for code in framework.tie_break):
        why = Sentence("tb_why_tie", codes=tuple(framework.tie_break))
    if why is not None:
        raise AssessmentError(Problem(Sentence(
            "tb_summary_refused", column=Sentence(f"tb_column_{level}"),
            framework=framework.id, why=why), path=path))
    codes = [n.code for n in merged]
    unknown = [n.code for n in merged if n.max is None]
    provenance = (Provenance(Status.UNKNOWN, note=Sentence("tb_maxima_unknown",
                                                           codes=tuple(unknown)))
                  if unknown else
                  Provenance(Status.INFERRED, note=Sentence("tb_maxima_sum", codes=tuple(codes))))
    node = Node(
        level, f"Điểm {'thẩm định' if level == 'appraised' else 'tổng'} "
        f"(lĩnh vực {codes[0]}–{codes[-1]})" if len(codes) > 1 else merged[0].name,
        None if unknown else sum((n.max for n in merged if n.max is not None), Decimal(0)),
        provenance, name_en="appraised part" if level == "appraised" else "total",
        children=tuple(merged))
    criteria = [node, *kept] if merged[0] is framework.criteria[0] else [*kept, node]
    return attrs.evolve(framework, criteria=tuple(criteria))


def _header_shape(key: str) -> str | None:
    """What a header not in :data:`HEADERS` says, from its shape (``None``: unsure)."""
    rank = _RANK_HEADER.match(key)
    if rank:
        rest = rank.group(1)
        if "tỉnh" in rest:
            return "rank"
        return "group_rank" if _GROUP_WORDS.search(rest) else "rank"
    if _OTHER_POINTS.search(key):
        return None
    if key.startswith(("xếp loại", "phân loại", "mức xếp loại")):
        return "band"
    if key.startswith("chỉ số"):
        return "index"
    if key.startswith(("điểm", "tổng")):
        if "thẩm định" in key:
            return "appraised"
        if _SURVEY_WORDS.search(key):
            return "survey"
        if key.startswith("tổng điểm"):
            return "total"
    return None


#: Words before a rank's number: "xếp thứ 10/19", "đứng thứ 02", "hạng 7", "vị thứ 3".
_RANK_LEAD = re.compile(r"^(?:(?:xếp|đứng|vị|thứ|hạng|thứ hạng|xếp hạng)\s*)+")
_RANK_NUMBER = re.compile(r"^(\d+)\s*(?:/\s*(\d+))?(?=$|[\s,;(]|\.(?!\d))")
_RANK_FIRST = re.compile(r"^(?:(?:xếp|đứng|dẫn|vị trí)\s+)?(?:đầu|nhất|thứ nhất)\b")
_RANK_LAST = re.compile(r"^(?:(?:xếp|đứng|vị trí|ở)\s+)?(?:cuối|chót|thấp nhất)\b")
_RANK_CHANGE = re.compile(r"(tăng|giảm)\s*(\d+)\s*(?:bậc|hạng|vị trí|thứ hạng)")
_RANK_SAME = re.compile(r"giữ nguyên|không (?:thay đổi|đổi)|giữ vững vị trí")
#: Position of a rank printed "xếp cuối" until the number of units ranked is known.
LAST: Final = 0


def parse_rank(text: str) -> PublishedRank | None:
    """A rank as Vietnamese documents print it, or ``None`` when it is not one.

    >>> [str(parse_rank(t)) for t in ("7/10", "07/10", "thứ 7", "xếp thứ 10/19 xã")]
    ['7/10', '7/10', '7', '10/19']
    >>> parse_rank("10/19, giảm 03 bậc").change, parse_rank("đứng đầu").position
    (-3, 1)
    >>> parse_rank("xếp cuối").wording, parse_rank("ba")
    ('xếp cuối', None)
    """
    if text.isascii() and text.isdigit():  # "7", as a large table prints every rank
        return PublishedRank(int(text)) if int(text) >= 1 else None
    key = normalise_header(text)
    change = None
    moved = _RANK_CHANGE.search(key)
    if moved:
        change = int(moved.group(2)) * (1 if moved.group(1) == "tăng" else -1)
    elif _RANK_SAME.search(key):
        change = 0
    if _RANK_FIRST.match(key):
        return PublishedRank(1, None, change, wording=key.split(",")[0].strip())
    if _RANK_LAST.match(key):
        return PublishedRank(LAST, None, change, wording=key.split(",")[0].strip())
    match = _RANK_NUMBER.match(_RANK_LEAD.sub("", key))
    if match is None or int(match.group(1)) < 1:
        return None
    of = int(match.group(2)) if match.group(2) else None
    if of is not None and of < int(match.group(1)):
        return None
    return PublishedRank(int(match.group(1)), of, change)


def _rank(cell: Cell) -> PublishedRank | None:
    if isinstance(cell, Decimal):
        if cell != cell.to_integral_value() or cell < 1:
            return None
        return PublishedRank(int(cell))
    if isinstance(cell, int) and not isinstance(cell, bool):
        return PublishedRank(cell) if cell >= 1 else None
    return parse_rank(cell_text(cell))


def resolve_last(assessments: Sequence[Assessment], population: int | None,
                 ) -> Sequence[Assessment]:
    """Ranks printed "xếp cuối" (last) placed: the number of units ranked (the rank's
    own count, else ``population``, else the table's units)."""
    ranks: list[PublishedRank | None] = column(assessments, "rank")
    if not any(rank is not None and rank.position == LAST for rank in ranks):
        return assessments
    return with_figures(assessments, rank=[
        attrs.evolve(rank, position=rank.of or population or len(assessments))
        if rank is not None and rank.position == LAST else rank for rank in ranks])


def _read_structured(path: Path, framework: Framework) -> ResultsTable:
    """A JSON or TOML results file: ``units``, each an assessment's structure."""
    data: Any
    if path.suffix.lower() == ".json":
        text, path = read_text(path, AssessmentError)
        try:
            # Numbers exactly, as in TOML: a JSON number never becomes a binary float.
            data = json.loads(text, parse_float=Decimal)
        except json.JSONDecodeError as exc:
            detail = Sentence("quoted_json", detail=exc.msg)
            raise AssessmentError(Problem(Sentence("t_json_invalid", detail=detail),
                                          path=path, line=exc.lineno)) from None
        except RecursionError:
            raise AssessmentError(Problem(Sentence("t_json_deep"), path=path)) from None
        except ValueError as exc:  # e.g. an integer of more than 4,300 digits
            detail = Sentence("quoted_json", detail=str(exc))
            raise AssessmentError(Problem(Sentence("t_json_invalid", detail=detail),
                                          path=path)) from None
    else:
        data, _ = read_toml(path, AssessmentError)
    units = data.get("units") if isinstance(data, dict) else None
    if not isinstance(units, list):
        raise AssessmentError(Problem(Sentence("t_json_units"), path=path))
    assessments = []
    problems: list[Problem] = []
    for number, unit in enumerate(units, 1):
        if not isinstance(unit, dict):
            problems.append(Problem(Sentence("t_json_unit"), path=path, line=number))
            continue
        unit = {"framework": framework.id, **unit}
        try:
            assessment = assessment_from_dict(unit)
        except ParindexError as exc:
            problems += [attrs.evolve(p, path=path, line=number) for p in exc.problems]
            continue
        assessments.append(attrs.evolve(assessment, origin=TableOrigin(path, row=number)))
    summary: Literal["appraised", "total"] | None = None
    for level in ("appraised", "total"):
        # A table of totals written back: its points are the summary node's.
        if level not in framework.nodes and any(level in a.points for a in assessments):
            framework = summary_framework(framework, level, path)
            summary = level
            break
    return ResultsTable(framework, tuple(assessments), tuple(problems), path=path,
                        summary=summary)


# --- writing --------------------------------------------------------------------------------

Format = Literal["csv", "xlsx", "json", "toml"]


def table_rows(table: ResultsTable, *, vietnamese: bool = False) -> list[list[object]]:
    """The table as rows of cells (header first): exact decimals, ``x``, rank text."""
    codes = [code for code in table.framework.nodes
             if any(code in a.points or code in a.published.points for a in table.assessments)]
    has = {name: any(_published_value(a, name) is not None for a in table.assessments)
           for name in ("total", "appraised", "survey", "index", "rank", "group_rank", "band")}
    fields = ["unit"]
    if any(a.group for a in table.assessments):
        fields.append("group")
    fields.append("year")
    header_names = {**{f: f for f in FIELDS}, **(VIETNAMESE_HEADERS if vietnamese else {})}
    trailing = [name for name, present in has.items() if present]
    header: list[object] = [header_names[f] for f in fields]
    rows: list[list[object]] = [header + list(codes) + [header_names[f] for f in trailing]]
    for a in table.assessments:
        row: list[object] = [a.unit]
        if "group" in fields:
            row.append(a.group or "")
        row.append(a.year)
        for code in codes:
            given = a.points.get(code, a.published.points.get(code))
            row.append("x" if given is NOT_ARISING else given if given is not None else "")
        for name in trailing:
            figure = _published_value(a, name)
            row.append(str(figure) if isinstance(figure, PublishedRank) else
                       figure if figure is not None else "")
        rows.append(row)
    return rows


def _published_value(assessment: Assessment, name: str) -> object:
    return getattr(assessment.published, name)


def write_table(table: ResultsTable | Ranking, path: str | Path, *,
                format: Format | None = None, vietnamese: bool = False) -> Path:
    """Write a table (or a computed :class:`~parindex.Ranking`, see :func:`ranking_table`)
    as CSV, .xlsx, JSON or TOML, chosen by ``format`` or the file's suffix.

    :func:`read_table` reads every format back to an equal table. CSV is UTF-8 with a BOM
    (Excel opens it right), ``,``-separated, decimal points. The .xlsx has a frozen header,
    numbers as numbers, each shown with the places it has (computed indexes have the
    framework's decimals). JSON and TOML hold ``units``, each an assessment's structure
    as in assessment files (JSON decimals as strings).

    :param vietnamese: Vietnamese headers (``Tên đơn vị``, ``Tổng điểm``, ...).
    """
    from .._engine.ranking import Ranking

    if isinstance(table, Ranking):
        table = ranking_table(table)
    path = Path(path)
    kind = format or path.suffix.lower().lstrip(".")
    if kind == "csv":
        stream = io.StringIO(newline="")
        writer = csv.writer(stream)
        for row in table_rows(table, vietnamese=vietnamese):
            writer.writerow([plain(v) if isinstance(v, Decimal) else csv_text(v)
                             for v in row])
        atomic_write(path, stream.getvalue(), encoding="utf-8-sig")
    elif kind == "xlsx":
        _write_xlsx(table, path, vietnamese)
    elif kind in ("json", "toml"):
        units = [{k: v for k, v in assessment_to_dict(a).items() if k != "framework"}
                 for a in table.assessments]
        if kind == "json":
            data = {"framework": table.framework.id, "units": units}
            atomic_write(path, json.dumps(data, ensure_ascii=False, indent=2, default=plain)
                         + "\n")
        else:
            atomic_write(path, tomli_w.dumps({"framework": table.framework.id, "units": units}))
    else:
        raise AssessmentError(Problem(Sentence("t_unknown_kind", kind=repr(kind)), path=path))
    return path


#: What a spreadsheet reads as the start of a formula (OWASP, "CSV injection").
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_text(value: object) -> object:
    """A text cell for CSV, with an apostrophe before a leading ``=``, ``+``, ``-``, ``@``,
    tab or CR, so that a spreadsheet shows it as text and never runs it as a formula
    (``=HYPERLINK(...)``, ``=cmd|' /C calc'!A0``). parindex removes the apostrophe when
    it reads the table back (a text that already begins with apostrophes before such a
    character gets one more, so that it too reads back unchanged)."""
    if isinstance(value, str) and value.lstrip("'").startswith(_FORMULA_START):
        return "'" + value
    return value


def _csv_cell(value: str) -> str:
    """A CSV cell as the user wrote it: without the apostrophe :func:`_csv_text` adds."""
    if value.startswith("'") and value.lstrip("'").startswith(_FORMULA_START):
        return value[1:]
    return value


def _write_xlsx(table: ResultsTable, path: Path, vietnamese: bool) -> None:
    import openpyxl
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "parindex"
    rows = table_rows(table, vietnamese=vietnamese)
    for r, row in enumerate(rows, 1):
        for c, value in enumerate(row, 1):
            if isinstance(value, Decimal) and len(value.as_tuple().digits) > _EXCEL_DIGITS:
                value = plain(value)  # beyond Excel's precision: kept exact as text
            assert value is None or isinstance(value, (str, int, Decimal))
            cell = sheet.cell(row=r, column=c, value=value)
            if isinstance(value, str):
                cell.data_type = "s"  # text, never a formula, whatever it begins with
            if isinstance(value, Decimal):
                cell.number_format = "0." + "0" * places(value) if places(value) else "0"
            if r == 1:
                cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    for c, header in enumerate(rows[0], 1):
        width = max(len(str(row[c - 1])) for row in rows) if rows else 8
        sheet.column_dimensions[get_column_letter(c)].width = min(max(width, len(str(header)))
                                                                  + 2, 40)
    with atomic_path(path) as temporary:
        book.save(temporary)


def ranking_table(ranking: Ranking) -> ResultsTable:
    """A computed ranking as a results table: the same points, with the computed total,
    appraised and survey parts, index (rounded to the framework's decimals), rank, group
    rank and band as its figures. Reading it back and reproducing it finds nothing."""
    assessments = []
    for unit in ranking:
        result = unit.result
        published = Published(
            total=result.total, appraised=result.appraised, survey=result.survey,
            index=None if result.index is None else Decimal(result.display(result.index)),
            rank=PublishedRank(unit.rank, unit.of),
            group_rank=(PublishedRank(unit.group_rank, unit.group_of)
                        if unit.group_rank is not None else None),
            band=result.band.name if result.band else None)
        assessments.append(attrs.evolve(result.assessment, published=published,
                                        self_assessed={}, comments={}))
    return ResultsTable(ranking.framework, tuple(assessments))


def to_dataframe(table: ResultsTable | Ranking) -> pandas.DataFrame:
    """The table as a pandas DataFrame, one row per unit (needs ``parindex[pandas]``).

    Points and figures stay exact :class:`~decimal.Decimal` objects (``object`` dtype);
    not-arising items are ``"x"``; ranks are text such as ``"7/10"``.
    """
    try:
        import pandas
    except ModuleNotFoundError as exc:
        raise ModuleNotFoundError(
            "parindex.to_dataframe needs pandas, an optional dependency of parindex; "
            "install it with: pip install 'parindex[pandas]'", name=exc.name) from exc
    from .._engine.ranking import Ranking

    if isinstance(table, Ranking):
        table = ranking_table(table)
    rows = table_rows(table)
    return pandas.DataFrame([[None if v == "" else v for v in row] for row in rows[1:]],
                            columns=[str(h) for h in rows[0]], dtype=object)
