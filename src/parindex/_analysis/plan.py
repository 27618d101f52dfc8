"""Improvement-plan drafts (Kế hoạch nâng cao Chỉ số CCHC), in Markdown and Word.

Officials write, every year, a plan to win back lost points (seeds 000 and 001): for each
field with lost points, each lost item with its code, name, points lost and the council's
comment, and who fixes it, by when, and how. :func:`plan_draft` lays out that skeleton
from a result; :func:`plan_markdown` and :func:`write_plan_docx` render it. The text is
Vietnamese, as the plans are; the blanks (``…``) are for the unit to fill in.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import attrs

from .gaps import (FieldLoss, LostItem, gaps, index_text, lost_points, needed_text,
                        points_text)
from .._base.model import NodeKind
from .._base.numbers import plain
from .._engine.ranking import Ranking
from .._engine.results import Result

#: The document's title, as the plans print it.
TITLE = "Kế hoạch nâng cao Chỉ số CCHC"

#: What the unit fills in for each item, worded as seed 001 words it (xã Ba Xa's plan:
#: "Công chức tham mưu khắc phục", "Thời gian thực hiện", "Định hướng khắc phục").
BLANKS = ("Công chức tham mưu khắc phục", "Thời gian thực hiện", "Định hướng khắc phục")

#: The national motto block every administrative document carries (both plans print it
#: or its place).
MOTTO = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")

_BLANK = "…………………………"
_SHORT = "………"


@attrs.frozen
class PlanItem:
    """One lost item of the plan: a heading, its facts, and the blanks to fill in."""

    heading: str
    facts: tuple[str, ...]
    blanks: tuple[str, ...] = BLANKS


@attrs.frozen
class PlanSection:
    """One field (lĩnh vực) with lost points."""

    heading: str
    summary: str
    items: tuple[PlanItem, ...]


@attrs.frozen
class PlanDraft:
    """The skeleton of an improvement plan, ready to render.

    :param title: :data:`TITLE` and the plan's year.
    :param subtitle: the unit (and its group).
    :param assessment: sentences on the result being improved on (section I).
    :param sections: one per field with lost points, in printed order (section III).
    :param closing: section IV (Tổ chức thực hiện), to fill in.
    :param issuer: the issuing body, as the document's top-left block prints it.
    :param number: the document number line, to fill in (``Số: ………/KH-UBND``).
    :param place_date: the place and date line, to fill in.
    :param goals: section II (Mục tiêu): the next band and the rank to aim for.
    :param recipients: the "Nơi nhận" list, to complete.
    :param signature: the signature block, to complete.
    """

    title: str
    subtitle: str
    assessment: tuple[str, ...]
    sections: tuple[PlanSection, ...]
    closing: tuple[str, ...]
    issuer: tuple[str, ...] = ()
    number: str = ""
    place_date: str = ""
    goals: tuple[str, ...] = ()
    recipients: tuple[str, ...] = ()
    signature: tuple[str, ...] = ()


def plan_draft(result: Result, *, ranking: Ranking | None = None,
               plan_year: int | None = None) -> PlanDraft:
    """The skeleton of a "Kế hoạch nâng cao Chỉ số CCHC" for one scored unit.

    :param result: the unit's result (from :func:`~parindex.score`).
    :param ranking: the ranking it belongs to, to say its rank and what passing the
        unit just above it in its group would take.
    :param plan_year: the year the plan is for; default: the assessment year + 1.
    """
    lost = lost_points(result)
    year = result.assessment.year
    plan_year = plan_year if plan_year is not None else year + 1
    decimals = result.framework.decimals
    unit = result.unit
    subtitle = unit + (f" ({result.group})" if result.group else "")
    maximum = "?" if result.max is None else plain(result.max)
    facts = [
        f"Tổng điểm năm {year}: {points_text(result.total, decimals)}/{maximum} điểm "
        f"(điểm thẩm định {points_text(result.appraised, decimals)}, điểm điều tra xã hội "
        f"học {points_text(result.survey, decimals)}); điểm phát sinh "
        f"{plain(result.arising_max)}.",
        f"Chỉ số CCHC: {result.display(result.index)}%"
        + (f"; xếp loại: {result.band.name}." if result.band else "."),
        f"Tổng số điểm bị trừ: {points_text(lost.total_lost, decimals)} điểm, "
        f"tại {sum(1 for i in lost.items if i.itemised)} tiêu chí, tiêu chí thành phần.",
    ]
    target = lost.next_band
    if target is not None and target.needed is not None:
        facts.append(f"Để đạt mức “{target.band.name}” cần thêm ít nhất "
                     f"{needed_text(target.needed, decimals)} điểm.")
    if ranking is not None:
        found = gaps(ranking, unit, group=result.group)
        where = "trong nhóm" if found.within == "group" else "chung"
        facts.append(f"Xếp hạng {where}: {found.rank}/{found.of}.")
        for other in found.ahead:
            more = "hơn " if other.strict else ""
            facts.append(f"Để vượt {other.unit} (hạng {other.rank}) cần thêm {more}"
                         f"{needed_text(other.gap, decimals)} điểm.")
    if target is not None and target.needed is not None:
        goal = (f"Phấn đấu năm {plan_year} Chỉ số CCHC đạt mức “{target.band.name}” trở lên "
                f"(cần thêm ít nhất {needed_text(target.needed, decimals)} điểm so với năm "
                f"{year}).")
    elif result.band is not None:
        goal = f"Phấn đấu năm {plan_year} giữ vững mức “{result.band.name}”."
    else:
        goal = f"Phấn đấu năm {plan_year} nâng cao Chỉ số CCHC."
    goals = (goal, f"Phấn đấu xếp hạng: {_SHORT}/{_SHORT}",
             "Khắc phục các tiêu chí, tiêu chí thành phần bị trừ điểm nêu tại mục III, "
             "không để tái phạm bị trừ điểm do nguyên nhân chủ quan.")
    sections = tuple(_section(field, decimals) for field in lost.fields if field.items)
    closing = (
        f"1. Chủ tịch Ủy ban nhân dân: {_BLANK}",
        f"2. Các bộ phận, công chức được phân công: {_BLANK}",
    )
    local = result.framework.level in ("commune", "district")
    issuer = ("ỦY BAN NHÂN DÂN", unit.upper()) if local else (unit.upper(),)
    return PlanDraft(
        title=f"{TITLE} năm {plan_year}", subtitle=subtitle, assessment=tuple(facts),
        sections=sections, closing=closing, issuer=issuer,
        number=f"Số: {_SHORT}/KH-UBND" if local else f"Số: {_SHORT}/KH-{_SHORT}",
        place_date=f"{_SHORT}, ngày {_SHORT} tháng {_SHORT} năm {_SHORT}", goals=goals,
        recipients=(f"- {_BLANK};", "- Lưu: VT."),
        signature=("TM. ỦY BAN NHÂN DÂN" if local else "THỦ TRƯỞNG CƠ QUAN",
                   "CHỦ TỊCH" if local else "", "(Ký, ghi rõ họ tên)"))


def _section(field: FieldLoss, decimals: int) -> PlanSection:
    label = {NodeKind.SURVEY: "Điều tra xã hội học", NodeKind.BONUS: "Điểm thưởng",
             NodeKind.PENALTY: "Điểm trừ"}.get(field.kind, "Lĩnh vực")
    points = points_text(field.points, decimals)
    maximum = "?" if field.arising_max is None else plain(field.arising_max)
    summary = (f"Đạt {points}/{maximum} điểm"
               + ("" if field.lost is None else
                  f", bị trừ {points_text(field.lost, decimals)} điểm")
               + (f"; chỉ số thành phần {index_text(field.sub_index, decimals)}%"
                  if field.sub_index is not None else "") + ".")
    for code, comment in field.notes:  # a criterion whose points are lost at its items
        summary += f" Đánh giá của Hội đồng thẩm định về tiêu chí {code}: {comment}"
    return PlanSection(heading=f"{label} {field.code}. {field.name}", summary=summary,
                       items=tuple(_item(i, n, decimals)
                                  for n, i in enumerate(field.items, 1)))


def _item(item: LostItem, number: int, decimals: int) -> PlanItem:
    depth = item.code.count(".")
    label = "Tiêu chí thành phần" if depth >= 2 else "Tiêu chí" if depth == 1 else ""
    maximum = "?" if item.arising_max is None else plain(item.arising_max)
    if item.itemised:
        heading = f"({number}) {label} {item.code} – {item.name}".replace("  ", " ")
        facts = [f"Điểm đạt: {plain(item.points)}/{maximum}; bị trừ "
                 f"{points_text(item.lost, decimals)} điểm."]
    else:
        where = f"lĩnh vực {item.code}" if depth == 0 else f"tiêu chí {item.code}"
        heading = f"({number}) Phần điểm của {where} không chia thành tiêu chí thành phần"
        facts = [f"Bị trừ {points_text(item.lost, decimals)} điểm ở phần điểm tối đa của "
                 f"{where} mà bộ tiêu chí không chia thành tiêu chí thành phần (cần đối chiếu "
                 "kết quả thẩm định để xác định nội dung bị trừ điểm)."]
    if item.kind is NodeKind.PENALTY:
        facts = [f"Bị trừ {points_text(item.lost, decimals)} điểm."]
    if item.comment:
        facts.append(f"Đánh giá của Hội đồng thẩm định: {item.comment}")
    return PlanItem(heading=heading, facts=tuple(facts))


# --- Markdown -----------------------------------------------------------------------------

_MARKDOWN_SPECIAL = "\\`*_[]<>#|"

#: The plan's sections, in capitals as plans print them (seeds 000 and 001).
_SECTIONS = ("ĐÁNH GIÁ KẾT QUẢ CHỈ SỐ CCHC", "MỤC TIÊU",
             "TIÊU CHÍ, TIÊU CHÍ THÀNH PHẦN BỊ TRỪ ĐIỂM CẦN KHẮC PHỤC", "TỔ CHỨC THỰC HIỆN")


def _md(text: str) -> str:
    return "".join("\\" + ch if ch in _MARKDOWN_SPECIAL else ch for ch in " ".join(text.split()))


def plan_markdown(result: Result, *, ranking: Ranking | None = None,
                  plan_year: int | None = None) -> str:
    """The plan draft (:func:`plan_draft`) as Markdown.

    >>> import parindex
    >>> framework = parindex.get_framework("thua-thien-hue/commune/2022")
    >>> result = parindex.score(framework, parindex.load_assessment(parindex.example_path()))
    >>> text = parindex.plan_markdown(result)
    >>> print("\\n".join([line for line in text.splitlines() if line.startswith("#")][:3]))
    # Kế hoạch nâng cao Chỉ số CCHC năm 2023
    ## I. ĐÁNH GIÁ KẾT QUẢ CHỈ SỐ CCHC
    ## II. MỤC TIÊU
    """
    draft = plan_draft(result, ranking=ranking, plan_year=plan_year)
    # A backslash ends a line within a block (a hard line break, without trailing spaces).
    lines = ["\\\n".join(f"**{_md(line)}**" for line in draft.issuer),
             "", _md(draft.number), "",
             "\\\n".join(f"**{_md(line)}**" for line in MOTTO), "",
             f"*{_md(draft.place_date)}*", "",
             f"# {_md(draft.title)}", "", f"**{_md(draft.subtitle)}**", "",
             f"## I. {_SECTIONS[0]}", ""]
    lines += [f"- {_md(fact)}" for fact in draft.assessment]
    lines += ["", f"## II. {_SECTIONS[1]}", ""]
    lines += [f"- {_md(goal)}" for goal in draft.goals]
    lines += ["", f"## III. {_SECTIONS[2]}", ""]
    for section in draft.sections:
        lines += [f"### {_md(section.heading)}", "", _md(section.summary), ""]
        for item in section.items:
            lines += [f"#### {_md(item.heading)}", ""]
            lines += [f"- {_md(fact)}" for fact in item.facts]
            lines += [f"- {blank}: {_BLANK}" for blank in item.blanks]
            lines.append("")
    lines += [f"## IV. {_SECTIONS[3]}", ""]
    lines += [f"{_md(line)}" + "\n" for line in draft.closing]
    lines += ["**Nơi nhận:**\\", "\\\n".join(_md(line) for line in draft.recipients), ""]
    *titles, note = draft.signature
    lines += ["\\\n".join([*(f"**{_md(line)}**" for line in titles if line), f"*{_md(note)}*"])]
    return "\n".join(lines).rstrip() + "\n"


# --- Word ---------------------------------------------------------------------------------


@contextmanager
def _extra(package: str) -> Iterator[None]:
    """Turn a missing optional dependency into an error naming the extra to install."""
    try:
        yield
    except ModuleNotFoundError as error:
        if error.name and error.name.split(".")[0] == package:
            raise ModuleNotFoundError(
                f"this needs {package}, which is in parindex's report extra: "
                "pip install 'parindex[report]'", name=error.name) from error
        raise


def write_plan_docx(result: Result, path: str | Path, *, ranking: Ranking | None = None,
                    plan_year: int | None = None) -> Path:
    """Write the plan draft (:func:`plan_draft`) as a Word document (``.docx``).

    Each lost item is a heading, its facts, and a two-column table with the blanks to
    fill in (responsible officer, deadline, direction). Needs python-docx (the ``report``
    extra: ``pip install 'parindex[report]'``).

    :returns: the path written.
    """
    with _extra("docx"):
        import docx
        from docx.enum.table import WD_TABLE_ALIGNMENT
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.oxml.ns import qn
        from docx.shared import Cm, Pt, RGBColor
    draft = plan_draft(result, ranking=ranking, plan_year=plan_year)
    document: Any = docx.Document()
    _vietnamese_styles(document, qn, Pt, RGBColor)
    properties = document.core_properties  # python-docx's template says "python-docx"
    properties.author, properties.last_modified_by = "", ""
    properties.title, properties.comments = draft.title, ""
    properties.subject, properties.keywords, properties.language = draft.subtitle, "", "vi-VN"
    # ... and dates the document 2013, when that template was made.
    now = datetime.now(timezone.utc).replace(microsecond=0, tzinfo=None)
    properties.created, properties.modified, properties.revision = now, now, 1
    # The top block: issuer and number on the left, the national motto and date right.
    top = document.add_table(rows=1, cols=2)
    top.alignment = WD_TABLE_ALIGNMENT.CENTER
    left, right = top.rows[0].cells
    _block(left, [(line, True, False) for line in draft.issuer] + [(draft.number, False, False)],
           WD_ALIGN_PARAGRAPH.CENTER, size=Pt(12))
    _block(right, [(MOTTO[0], True, False), (MOTTO[1], True, False),
                   (draft.place_date, False, True)], WD_ALIGN_PARAGRAPH.CENTER, size=Pt(12))
    _widths(top, Cm(6.5), Cm(9.5))
    title = document.add_paragraph(style="Title")
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.add_run(draft.title)
    subtitle = document.add_paragraph()
    subtitle.alignment = WD_ALIGN_PARAGRAPH.CENTER
    subtitle.add_run(draft.subtitle).bold = True
    document.add_heading(f"I. {_SECTIONS[0]}", level=1)
    for fact in draft.assessment:
        document.add_paragraph(fact, style="List Bullet")
    document.add_heading(f"II. {_SECTIONS[1]}", level=1)
    for goal in draft.goals:
        document.add_paragraph(goal, style="List Bullet")
    document.add_heading(f"III. {_SECTIONS[2]}", level=1)
    for section in draft.sections:
        document.add_heading(section.heading, level=2)
        document.add_paragraph(section.summary)
        for item in section.items:
            document.add_heading(item.heading, level=3)
            for fact in item.facts:
                document.add_paragraph(fact, style="List Bullet")
            table = document.add_table(rows=len(item.blanks), cols=2)
            table.style = "Table Grid"
            for row, blank in zip(table.rows, item.blanks, strict=True):
                row.cells[0].text = blank
                row.cells[1].text = ""
                row.height = Cm(1.0)  # room to write by hand on a printed draft
            _widths(table, Cm(5), Cm(11))
    document.add_heading(f"IV. {_SECTIONS[3]}", level=1)
    for line in draft.closing:
        document.add_paragraph(line)
    bottom = document.add_table(rows=1, cols=2)
    _widths(bottom, Cm(8), Cm(8))
    left, right = bottom.rows[0].cells
    _block(left, [("Nơi nhận:", True, True)] + [(line, False, False)
                                                 for line in draft.recipients],
           WD_ALIGN_PARAGRAPH.LEFT, size=Pt(11))
    *titles, note = draft.signature
    _block(right, [(line, True, False) for line in titles if line] + [(note, False, True)],
           WD_ALIGN_PARAGRAPH.CENTER)
    path = Path(path)
    document.save(str(path))
    return path


def _vietnamese_styles(document: Any, qn: Any, points: Any, colour: Any) -> None:
    """Times New Roman, black headings, and the Vietnamese proofing language.

    python-docx's template is English (en-US) with blue Calibri headings: Word would mark
    every Vietnamese word as misspelt, and headings would not look like a plan's.
    """
    styles = document.styles
    for name, size, bold in (("Normal", 13, False), ("Title", 16, True),
                             ("Heading 1", 13, True), ("Heading 2", 13, True),
                             ("Heading 3", 13, True)):
        style = styles[name]
        style.font.name = "Times New Roman"
        style.font.size = points(size)
        style.font.bold = bold
        style.font.italic = False
        style.font.color.rgb = colour(0, 0, 0)
        fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
        for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            fonts.set(qn(attribute), "Times New Roman")
        for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
            fonts.attrib.pop(qn(theme), None)
    # The document default language, which every style inherits.
    defaults = styles.element.find(qn("w:docDefaults"))
    run = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    language = run.find(qn("w:lang"))
    if language is None:
        language = run.makeelement(qn("w:lang"), {})
        run.append(language)
    for attribute in ("w:val", "w:eastAsia", "w:bidi"):
        language.set(qn(attribute), "vi-VN")
    title = styles["Title"].element.get_or_add_pPr()
    for border in title.findall(qn("w:pBdr")):  # the template underlines the title
        title.remove(border)


def _widths(table: Any, *widths: Any) -> None:
    """Fixed column widths (Word reads the cells', LibreOffice the grid's)."""
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
        for cell in column.cells:
            cell.width = width


def _block(cell: Any, lines: list[tuple[str, bool, bool]], alignment: Any, *,
           size: Any = None) -> None:
    """Lines (text, bold, italic) in a table cell, one paragraph each."""
    paragraph = cell.paragraphs[0]
    for i, (text, bold, italic) in enumerate(lines):
        if i:
            paragraph = cell.add_paragraph()
        paragraph.alignment = alignment
        run = paragraph.add_run(text)
        run.bold, run.italic = bold, italic
        if size is not None:
            run.font.size = size

