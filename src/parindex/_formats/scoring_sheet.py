"""A unit's scoring sheet (biểu tự chấm điểm, kết quả thẩm định) read as an assessment.

Each row of the sheet (:mod:`.sheets`) is matched to a node of the framework: by its code
(``1.1``; ``II`` for field 2; a letter ``a``, ``b`` for the first, second item under the
row above it, where the framework numbers them so; under Roman field numerals, ``1`` for
the field's first criterion), else by its name. Leaves' points go to ``[points]`` (and
``[self_assessed]``), parents' to ``[published]``, where scoring checks them against the
sum of their items. A parent whose items do not itemise all of its maximum (the part not
itemised is printed only in the parent's figure) gives its points as points too, when
they exceed its items' sum by no more than that part: otherwise the items could not add
up to it. Totals rows and the self-assessed/appraised group rows give the published total,
appraised and survey parts.

Every row is accounted for: a row whose code or name matches no node is an error naming
the row; a row whose name is another node's (or differs from its node's) is reported.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs

from .._base.errors import AssessmentError, Origin, Problem
from .._base.i18n import Sentence, reason
from .._base.i18n import figure as figure_name
from .._base.names import name_key
from .._base.model import NOT_ARISING, Assessment, Framework, GivenPoints, Node, NodeKind, Published
from .._base.numbers import NumberError
from .sheets import SHEET_SUFFIXES, Sheet, SheetRow, read_points, read_sheet, roman
from .tables import title_year

#: A unit named in a title row: "UBND xã Thủy Thanh", "Đơn vị: Phường An Cựu".
_UNIT = re.compile(
    r"(?:ubnd|ủy ban nhân dân|uỷ ban nhân dân|đơn vị|tên đơn vị|của)\s*:?\s*"
    r"(?P<unit>(?:xã|phường|thị trấn|huyện|quận|thị xã|thành phố|tp\.?|sở|ban)\s+"
    r"[^\n,;:()–—-]+?)(?=\s+(?:năm|thuộc|huyện|thị xã|tỉnh|thành phố|quận)\b|[,;:()–—-]|$)",
    re.IGNORECASE)
#: A title line that is the unit's name alone: "XÃ THỦY THANH".
_UNIT_LINE = re.compile(r"^(?P<unit>(?:xã|phường|thị trấn)\s+[^\n,;:()–—-]+?)\s*$",
                        re.IGNORECASE)
_DISTRICT = re.compile(r"^(?:huyện|quận|thị xã|thành phố)\b", re.IGNORECASE)
_COMMUNE = re.compile(r"^(?:xã|phường|thị trấn)\b", re.IGNORECASE)
#: Rows that print a block of the framework rather than a node: the appraised part
#: ("Nhóm tiêu chí tự đánh giá", "Điểm thẩm định") and the survey ("Điều tra xã hội học").
_APPRAISED_ROW = re.compile(r"tự đánh giá|tự chấm|thẩm định|tiêu chí đánh giá|nhóm tiêu chí|"
                            r"các lĩnh vực|các tiêu chí|điểm đánh giá")
_SURVEY_ROW = re.compile(r"điều tra xã hội học|xã hội học|khảo sát|xhh")


@attrs.frozen
class SheetOrigin(Origin):
    """Where an imported assessment's figures were read: the sheet's row of each code, and
    the header of each column, so scoring's messages cite ``file:row`` and the column."""

    headers: Mapping[str, str] = attrs.field(factory=dict, repr=False)

    def problem(self, message: str, *path: str, code: str | None = None) -> Problem:
        table = path[0] if path else ""
        header = self.headers.get(table)
        key = header if header is not None else ".".join(path) or None
        return Problem(message, path=self.path, line=self.line(*path), key=key, code=code)


@attrs.frozen
class ScoringSheet:
    """A scoring sheet read under a framework.

    :param assessment: what the sheet gives, as an assessment (its ``origin`` cites the
        sheet's rows).
    :param notes: what was read but deserves a look (a row whose name is another node's,
        a parent's figure taken as points); not errors.
    :param sheet: the table as read.
    """

    assessment: Assessment
    notes: tuple[Problem, ...]
    sheet: Sheet


def is_sheet(path: str | Path) -> bool:
    """Whether a file is read as a sheet (.xlsx, .xlsm, .docx, .csv), not as TOML; an old
    .xls or .doc file too, to be told how to save it."""
    return Path(path).suffix.lower() in (*SHEET_SUFFIXES, ".xls", ".doc")


def read_scoring_sheet(path: str | Path, framework: Framework, *, unit: str | None = None,
                       group: str | None = None, year: int | None = None) -> ScoringSheet:
    """Read a unit's scoring sheet (.xlsx, .docx or .csv) as an assessment under
    ``framework``.

    :param unit: the unit's name (default: from the title rows, e.g. "UBND xã Thủy Thanh").
    :param group: its group, e.g. its district (default: a district named in the title).
    :param year: the year (default: "năm 2022" in the title, else the framework's only
        year).
    :raises AssessmentError: every row that cannot be read or matches no node, with its
        row; a missing unit or year.
    """
    sheet = read_sheet(path)
    return _Reader(sheet, framework).read(unit, group, year)


class _Reader:
    def __init__(self, sheet: Sheet, framework: Framework) -> None:
        self.sheet = sheet
        self.framework = framework
        self.problems: list[Problem] = []
        self.notes: list[Problem] = []
        self.names = {_name_key(node.name): code for code, node in framework.nodes.items()}
        self.rows: dict[str, SheetRow] = {}  # code → its row
        self.blocks: dict[str, tuple[Decimal, int]] = {}  # total/appraised/survey → figure
        self.field: str | None = None  # the field of the rows below
        self.last: str | None = None  # the node of the row above
        self.points_role = "points"  # the column scored

    def problem(self, message: str, row: int | None, role: str | None = None,
                code: str | None = None) -> None:
        self.problems.append(self.sheet.problem(message, row, role, code))

    def note(self, message: str, row: int | None, code: str | None = None) -> None:
        self.notes.append(self.sheet.problem(message, row, None, code))

    def read(self, unit: str | None, group: str | None, year: int | None) -> ScoringSheet:
        sheet = self.sheet
        points_role = "points" if sheet.column("points") is not None else "self_assessed"
        if points_role == "points" and sheet.column("self_assessed") is not None and not any(
                row.text("points") for row in sheet.rows if not row.total):
            points_role = "self_assessed"  # a self-assessment, not yet appraised
        self.points_role = points_role
        if sheet.column(points_role) is None:
            raise AssessmentError(sheet.problem(Sentence("s_no_points_column"),
                                                sheet.header_rows[0]))
        if not sheet.rows:
            raise AssessmentError(sheet.problem(Sentence("s_no_rows"), sheet.header_rows[-1]))
        if points_role == "self_assessed":
            self.note(Sentence("s_self_assessed"), sheet.header_rows[0])
        given: dict[str, dict[str, GivenPoints]] = {"points": {}, "self_assessed": {}}
        maxima: dict[str, Decimal] = {}
        comments: dict[str, str] = {}
        published: dict[str, Any] = {}
        lines: dict[tuple[str, ...], int] = {}
        for row in sheet.rows:
            if row.total:
                # "Tổng điểm thẩm định" is the appraised part, "Tổng cộng" the total.
                label = " ".join(row.name.casefold().split())
                self.block(row, "survey" if _SURVEY_ROW.search(label) else "appraised"
                           if _APPRAISED_ROW.search(label) else "total")
                continue
            code = self.match(row)
            if code is None:
                continue
            lines[("points", code)] = lines[("self_assessed", code)] = row.row
            lines[("comments", code)] = lines[("published", code)] = row.row
            node = self.framework.nodes[code]
            for role in ("points", "self_assessed"):
                value = self.cell(row, role, node)
                if value is not None:
                    given[role][code] = value
            maximum = self.cell(row, "max", node)
            if isinstance(maximum, Decimal):
                maxima[code] = maximum
            comment = row.text("comment")
            if comment:
                comments[code] = unicodedata.normalize("NFC", comment)
        self.check_maxima(maxima)
        appraised, own, printed = self.split(given[points_role],
                                             given["self_assessed"] if points_role == "points"
                                             else {})
        published.update(printed)
        self.raise_problems()
        unit, group = self.unit(unit, group)
        year = self.year(year)
        self.raise_problems()
        assert unit is not None and year is not None
        codes = {k: v for k, v in published.items() if k in self.framework.nodes}
        figures = {k: v for k, v in published.items() if k not in self.framework.nodes}
        headers = {table: column.header for table, role in (
            ("points", points_role), ("self_assessed", "self_assessed"),
            ("published", points_role), ("comments", "comment"))
            if (column := sheet.column(role)) is not None}
        origin = SheetOrigin(sheet.path, lines, headers=headers)
        assessment = Assessment(
            framework=self.framework.id, unit=unit, year=year, group=group,
            points=appraised, self_assessed=own, comments=comments,
            published=Published(points=codes, **figures),
            source=f"{sheet.path.name}" + (f" ({sheet.name})" if sheet.name else ""),
            origin=origin)
        return ScoringSheet(assessment, tuple(self.notes), sheet)

    def raise_problems(self) -> None:
        if self.problems:
            raise AssessmentError(self.problems)

    # --- rows → nodes ---------------------------------------------------------------

    def match(self, row: SheetRow) -> str | None:
        """The node a row gives, or ``None`` for a block row (appraised part, survey)
        already recorded, or an error recorded."""
        nodes = self.framework.nodes
        by_name = self.names.get(_name_key(row.name)) if row.name else None
        candidates = self.candidates(row)
        exists = [c for c in candidates if c in nodes]
        code = next((c for c in exists if _same_name(row.name, nodes[c].name)), None)
        if code is None and exists:
            # A number is the code printed; a numeral or a letter only stands for one
            # where the names agree (else it may be "A. Nhóm tiêu chí tự đánh giá").
            if row.code_kind != "number" and self.block_row(row):
                return None
            code = exists[0]
        if row.code is None:
            if by_name is None:
                by_name = self.close_name(row.name)
            if by_name is None:
                if self.block_row(row):
                    return None
                self.problem(Sentence("s_no_match", name=repr(row.name) if row.name
                                      else Sentence("s_no_name"), framework=self.framework.id),
                             row.row)
                return None
            code = by_name
        elif code is None:
            if self.block_row(row):
                return None
            wrong = Sentence("s_code_no_match", code=row.code, name=repr(row.name),
                             framework=self.framework.id)
            if by_name:
                wrong += Sentence("s_name_is_of", code=by_name, name=nodes[by_name].name)
            self.problem(wrong, row.row)
            return None
        elif by_name is not None and by_name != code and \
                _name_key(row.name) != _name_key(nodes[code].name):
            self.note(Sentence("s_code_vs_name", code=row.code, node=code,
                               name=nodes[code].name, row_name=repr(row.name), other=by_name),
                      row.row, code)
        elif row.name and not _same_name(row.name, nodes[code].name):
            self.note(Sentence("s_name_differs", name=repr(row.name), code=code,
                               framework_name=nodes[code].name), row.row, code)
        if code in self.rows:
            self.problem(Sentence("s_again", code=code, row=self.rows[code].row), row.row,
                         code=code)
            return None
        self.rows[code] = row
        self.last = code
        if row.code_kind == "roman" or self.framework.parents[code] is None:
            self.field = code
        return code

    def candidates(self, row: SheetRow) -> list[str]:
        """The codes a row's printed code may stand for, most likely first."""
        if row.code is None:
            return []
        code = row.code
        if row.code_kind == "roman":
            value = roman(code)
            return [code, str(value)] if value is not None else [code]
        if row.code_kind == "letter":
            out = [code]
            if self.last is not None and code.islower():
                parents = [self.last]
                parent = self.framework.parents.get(self.last)
                if parent is not None and self.framework.nodes[self.last].is_leaf:
                    parents.append(parent)  # "b" after "a": under the same parent
                # Items are lettered a, b, c, d, đ, e, g, … (the Vietnamese alphabet).
                index = "abcdđeghiklmnopqrstuvxy".find(code.lower()) + 1
                for p in parents:
                    out += [f"{p}.{code.lower()}", f"{p}.{code.upper()}", f"{p}.{index}"]
            return out
        out = [code]
        if self.field is not None and not code.startswith(self.field + "."):
            # Under "II", criteria may be numbered 1, 2, … again: 2.1, 2.2, …
            out.insert(0, f"{self.field}.{code}") if self.roman_fields else \
                out.append(f"{self.field}.{code}")
        return out

    @property
    def roman_fields(self) -> bool:
        return any(r.code_kind == "roman" for r in self.rows.values())

    def close_name(self, name: str) -> str | None:
        if not name:
            return None
        key = _name_key(name)
        close = difflib.get_close_matches(key, list(self.names), n=2, cutoff=0.9)
        return self.names[close[0]] if len(close) == 1 else None

    def block_row(self, row: SheetRow) -> bool:
        """A row that prints a block of the framework (the appraised part, the survey)."""
        label = " ".join(row.name.casefold().split())
        if _SURVEY_ROW.search(label):
            self.block(row, "survey")
            return True
        if _APPRAISED_ROW.search(label) and (row.code is None or row.code_kind in
                                             ("letter", "roman")):
            self.block(row, "appraised")
            return True
        return False

    def block(self, row: SheetRow, figure: str) -> None:
        """A totals or block row: its printed figure, to reconcile against."""
        role = self.points_role
        try:
            value, _ = read_points(row.cells.get(role))
        except NumberError as exc:
            self.problem(reason(exc), row.row, role)
            return
        if isinstance(value, Decimal):
            if figure in self.blocks:
                self.problem(Sentence("s_second_block", figure=figure_name(figure),
                                      row=self.blocks[figure][1]), row.row, role)
            self.blocks[figure] = (value, row.row)

    def cell(self, row: SheetRow, role: str, node: Node) -> GivenPoints | None:
        if role not in row.cells:
            return None
        try:
            value, printed_max = read_points(row.cells[role])
        except NumberError as exc:
            self.problem(reason(exc), row.row, role, node.code)
            return None
        if role == "max" and value is NOT_ARISING:
            self.problem(Sentence("s_not_a_maximum", text=repr(row.text(role))), row.row, role,
                         node.code)
            return None
        if printed_max is not None and node.max is not None and printed_max != node.max:
            self.problem(Sentence("s_printed_max", text=repr(row.text(role)),
                                  printed=printed_max, code=node.code, max=node.max),
                         row.row, role, node.code)
            return None
        return value

    def check_maxima(self, maxima: Mapping[str, Decimal]) -> None:
        """A maximum column that differs from the framework: a sheet for another one."""
        for code, maximum in maxima.items():
            node = self.framework.nodes[code]
            if node.max is not None and maximum != node.max:
                self.problem(Sentence("s_max_differs", printed=maximum, code=code,
                                      max=node.max, framework=self.framework.id),
                             self.rows[code].row, "max", code)
        unknown = [code for code in self.rows if self.framework.nodes[code].max is None]
        for code in unknown:
            row = self.rows[code].row
            if self.sheet.column("max") is None:
                self.problem(Sentence("s_max_unknown_no_column", code=code,
                                      framework=self.framework.id), row, code=code)
            else:
                self.problem(Sentence("s_max_unknown", code=code, framework=self.framework.id,
                                      given=maxima[code] if code in maxima
                                      else Sentence("s_none")), row, "max", code)

    # --- leaves, parents, blocks ----------------------------------------------------

    def split(self, appraised: Mapping[str, GivenPoints], own: Mapping[str, GivenPoints]
              ) -> tuple[dict[str, GivenPoints], dict[str, GivenPoints], dict[str, Any]]:
        """Leaves' points, parents' as published (and as points where their items leave
        part of their maximum unitemised), and the blocks' printed figures."""
        points: dict[str, GivenPoints] = {}
        mine: dict[str, GivenPoints] = {}
        published: dict[str, Any] = {}
        for code in self.framework.nodes:
            node = self.framework.nodes[code]
            for source, target in ((appraised, points), (own, mine)):
                value = source.get(code)
                if value is None:
                    continue
                if node.is_leaf:
                    target[code] = value
                    continue
                if source is appraised and isinstance(value, Decimal):
                    published[code] = value
                if isinstance(value, Decimal) and self.unitemised(node, value, source):
                    target[code] = value
                    if source is appraised:
                        self.note(Sentence("s_printed_unitemised", code=code, printed=value,
                                           items=_sum(node, source) or Decimal(0)),
                                  self.rows[code].row, code)
        tops = self.framework.criteria
        survey = [n for n in tops if n.kind is NodeKind.SURVEY]
        for figure, (value, _) in self.blocks.items():
            if figure == "survey" and len(survey) == 1 and survey[0].code not in points \
                    and survey[0].code not in self.rows:
                points[survey[0].code] = value  # the survey's only row is the block's
                continue
            published[figure] = value
        return points, mine, published

    def unitemised(self, node: Node, value: Decimal, given: Mapping[str, GivenPoints]
                   ) -> bool:
        if node.max is None:
            return False
        maxima = [child.max for child in node.children]
        if any(m is None for m in maxima):
            return False
        part = node.max - sum((m for m in maxima if m is not None), Decimal(0))
        items = _sum(node, given)
        return part > 0 and items is not None and items < value <= items + part

    # --- unit, group, year ----------------------------------------------------------

    def unit(self, unit: str | None, group: str | None) -> tuple[str | None, str | None]:
        named = [m.group("unit").strip() for line in self.sheet.title
                 for m in [*_UNIT.finditer(line), *_UNIT_LINE.finditer(line)]]
        named = [_capitalise(" ".join(n.split())) for n in named]
        level = self.framework.level
        if unit is None:
            wanted = _COMMUNE if level == "commune" else _DISTRICT if level == "district" \
                else None
            chosen = [n for n in named if wanted is None or wanted.match(n)]
            unit = chosen[-1] if chosen else (named[-1] if named else None)
        if group is None and level == "commune":
            districts = [n for n in named if _DISTRICT.match(n) and n != unit]
            group = districts[0] if districts else None
        if unit is None:
            self.problem(Sentence("s_no_unit"), None)
        return unit, group

    def year(self, year: int | None) -> int | None:
        if year is not None:
            return year
        named = title_year(self.sheet.title, self.framework)
        if named is not None:
            return named
        if self.framework.last_year == self.framework.first_year:
            return self.framework.first_year
        self.problem(Sentence("s_no_year", framework=self.framework.id), None)
        return None


def _sum(node: Node, given: Mapping[str, GivenPoints]) -> Decimal | None:
    """The points a node's leaves add up to in a sheet (``None`` if a leaf has none);
    not its items' printed figures, which may be wrong themselves."""
    total = Decimal(0)
    for child in node.children:
        value = given.get(child.code) if child.is_leaf else _sum(child, given)
        if value is None:
            return None
        if isinstance(value, Decimal):
            total += value
    return total


def _name_key(name: str) -> str:
    """A criterion's name as compared: :func:`~parindex._base.names.name_key` (case,
    spacing, NFC/NFD, tone-mark placement), without punctuation."""
    return " ".join(re.sub(r"[^\w]+", " ", name_key(name)).split())


def _same_name(printed: str, name: str) -> bool:
    """Whether a printed name is the node's, allowing abbreviation and small typos."""
    a, b = _name_key(printed), _name_key(name)
    if not a or a == b or a.startswith(b) or b.startswith(a):
        return True
    return difflib.SequenceMatcher(None, a, b).ratio() >= 0.75


def _capitalise(unit: str) -> str:
    """``XÃ THỦY THANH`` → ``Xã Thủy Thanh``; a name typed in mixed case is kept, with a
    capital first letter."""
    if unit.isupper():
        unit = unit.title()
        for prefix in ("Thị Xã", "Thị Trấn", "Thành Phố"):  # "Thị xã Hương Thủy"
            if unit.startswith(prefix):
                unit = prefix[:1] + prefix[1:].lower() + unit[len(prefix):]
        return unit
    return unit[:1].upper() + unit[1:]
