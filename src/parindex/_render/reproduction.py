"""A reproduced table written out: printed and computed figures side by side.

``parindex reproduce TABLE --output FILE.xlsx`` (or ``.csv``) writes one row per unit and,
for every figure (each field's points, the appraised part, the survey, the total, the
index, the band, the ranks), a *printed* column beside a *computed* one. In .xlsx, every
computed cell that disagrees with the printed one is filled and carries a comment with
the evidence (how the computed value arises); in CSV, a last column lists the
discrepancies. Numbers are exact: as numbers with the places they have in .xlsx (as text
beyond Excel's precision), as machine-style decimal text in CSV.
"""

from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path
from typing import Any

from .._audit.reproduce import Reproduction, UnitReproduction
from .._base.errors import ParindexError, Problem
from .._base.files import atomic_path
from .._base.i18n import Alternatives, Sentence, figure, message, say
from .._base.numbers import number_text, places, plain
from .._formats.tables import csv_text

#: The suffixes :func:`write_reproduction` writes.
SUFFIXES = (".xlsx", ".csv")

_FILL = "FFF2B8B8"  # a light red: a computed figure that disagrees with the printed one
_EXCEL_DIGITS = 15  # significant digits an Excel number keeps


def _figures(reproduction: Reproduction, lang: str) -> list[tuple[str, str]]:
    """(what, header) of every figure compared: the ``what`` of a discrepancy."""
    framework = reproduction.framework
    tops = [(node.code, node.code) for node in framework.criteria]
    return tops + [(what, message(lang, "x_group_rank") if what == "group_rank"
                    else say(figure(what), lang))
                   for what in ("appraised", "survey", "total", "index", "band", "rank",
                                "group_rank")]


def _printed(unit: UnitReproduction, what: str) -> Any:
    published = unit.assessment.published
    if what in ("appraised", "survey", "total", "index"):
        return getattr(published, what)
    if what == "band":
        return published.band
    if what in ("rank", "group_rank"):
        value = getattr(published, what)
        return None if value is None else str(value)
    # A table's field columns are the points it prints: the assessment's own points.
    value = published.points.get(what, unit.assessment.points.get(what))
    return value if value is None or isinstance(value, Decimal) else str(value)


def _computed(unit: UnitReproduction, what: str) -> Any:
    if not unit.scored:
        return None
    if what in ("appraised", "survey", "total"):
        return getattr(unit, what)
    if what == "index":
        shown = unit.index_shown
        return None if shown is None else Decimal(shown)
    if what == "band":
        return unit.band.name if unit.band else None
    if what == "rank":
        return None if unit.rank is None else f"{unit.rank}/{unit.of}"
    if what == "group_rank":
        return None if unit.group_rank is None else f"{unit.group_rank}/{unit.group_of}"
    return unit.fields.get(what)


def reproduction_rows(reproduction: Reproduction, lang: str = "en"
                      ) -> tuple[list[str], list[list[Any]], list[dict[int, str]]]:
    """The header, the rows and, per row, the discrepant columns (index → evidence), the
    header and the evidence in ``lang``."""
    figures = _figures(reproduction, lang)
    header = [message(lang, key) for key in ("x_row", "x_unit", "x_group")]
    for _, name in figures:
        header += [message(lang, "x_printed", name=name), message(lang, "x_computed", name=name)]
    header.append(message(lang, "x_discrepancies"))
    rows: list[list[Any]] = []
    marks: list[dict[int, str]] = []
    for unit in reproduction.units:
        found = {d.what: d for d in unit.discrepancies}
        row: list[Any] = [unit.row, unit.unit, unit.assessment.group]
        marked: dict[int, str] = {}
        for what, _ in figures:
            row.append(_printed(unit, what))
            if what in found:
                d = found[what]
                marked[len(row)] = message(
                    lang, "x_comment", published=number_text(d.published, lang),
                    computed=number_text(d.computed, lang), evidence=d.evidence)
            row.append(_computed(unit, what))
        row.append("; ".join(d.text(lang) for d in unit.discrepancies))
        rows.append(row)
        marks.append(marked)
    return header, rows, marks


def write_reproduction(reproduction: Reproduction, path: str | Path, *,
                       lang: str = "en") -> Path:
    """Write a :class:`~parindex.Reproduction` as .xlsx or .csv (by the suffix), the
    printed and computed figures side by side and every discrepancy marked.

    An .xlsx file, for people, has its headers and comments in ``lang`` (``vi`` or
    ``en``); a CSV file keeps English headers and machine-style numbers.

    The file is written to a temporary file beside it, then moved into place: a failure
    never leaves half a file.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise ParindexError(Problem(Sentence(
            "e_unknown_suffix", suffix=repr(path.suffix) if path.suffix
            else Sentence("no_suffix"), allowed=Alternatives(SUFFIXES)), path=path))
    header, rows, marks = reproduction_rows(reproduction, "en" if suffix == ".csv" else lang)
    with atomic_path(path) as temporary:
        if suffix == ".csv":
            with open(temporary, "w", encoding="utf-8-sig", newline="") as stream:
                writer = csv.writer(stream)
                writer.writerow(header)
                for row in rows:
                    writer.writerow(["" if v is None else plain(v) if isinstance(v, Decimal)
                                     else csv_text(v) for v in row])
        else:
            _xlsx(header, rows, marks, temporary)
    return path


def _xlsx(header: list[str], rows: list[list[Any]], marks: list[dict[int, str]],
          path: Path) -> None:
    import openpyxl
    from openpyxl.comments import Comment
    from openpyxl.styles import Font, PatternFill

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "parindex"
    sheet.append(header)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    fill = PatternFill(start_color=_FILL, end_color=_FILL, fill_type="solid")
    for r, (row, marked) in enumerate(zip(rows, marks, strict=True), 2):
        for c, value in enumerate(row, 1):
            if isinstance(value, Decimal) and len(value.as_tuple().digits) > _EXCEL_DIGITS:
                value = plain(value)  # beyond Excel's precision: kept exact as text
            cell = sheet.cell(row=r, column=c, value=value)
            if isinstance(value, str):
                cell.data_type = "s"  # a unit name is text, never a formula
            if isinstance(value, Decimal):
                cell.number_format = "0." + "0" * places(value) if places(value) else "0"
            if c - 1 in marked:
                cell.fill = fill
                cell.comment = Comment(marked[c - 1], "parindex")
    sheet.freeze_panes = "D2"
    book.save(path)
