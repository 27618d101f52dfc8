"""The improvement plan (:func:`parindex.plan_draft`) as Markdown and as a Word document.

The Word document follows Nghị định 30/2020/NĐ-CP on the layout of administrative
documents: A4, Times New Roman 13, margins top and bottom 20 mm, left 30 mm, right 15 mm;
the issuing body and the number on the left, the national motto and the place and date on
the right; the title centred in bold; the last paragraph ending in "./."; the recipients
and the signature block side by side. The assignment appendix is one table on landscape
pages, its header repeated on each page and no row split across two.
"""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import attrs

from .._analysis.plan import (COLUMNS, MOTTO, PLACEHOLDER, SECTIONS, PlanDraft, PlanTask,
                              letter, plan_draft)
from .._base.errors import needs_extra
from .._base.files import atomic_path
from .._base.text import xml_safe
from .._base.numbers import number_text, plain
from .._engine.batch import BatchResult
from .._engine.ranking import Ranking
from .._engine.results import Result
from .._formats.assignments import Assignments

_MARKDOWN_SPECIAL = "\\`*_[]<>#|"


def _md(text: str) -> str:
    return "".join("\\" + ch if ch in _MARKDOWN_SPECIAL else ch for ch in " ".join(text.split()))


def _cell(task: PlanTask, key: str) -> str:
    value: str = getattr(task, key)
    return f"{value} {PLACEHOLDER}" if key in task.placeholders else value


def _task_lines(task: PlanTask) -> list[str]:
    """Section III's text for one task: what was lost, the comment, what to do, who."""
    lines = [f"{task.label} {task.code} – {task.name}: đạt {task.points}/{task.maximum} "
             f"điểm, bị trừ {number_text(plain(task.lost), 'vi')} điểm."]
    if task.comment:
        lines.append(f"Đánh giá của Hội đồng thẩm định: {task.comment}")
    lines.append(f"Nhiệm vụ: {_cell(task, 'content')}")
    lines.append(f"Chủ trì: {_cell(task, 'lead')}; phối hợp: {_cell(task, 'support')}; "
                 f"thời gian hoàn thành: {_cell(task, 'deadline')}.")
    return lines


def _row(number: int, task: PlanTask) -> list[str]:
    return [str(number), f"{task.code} – {task.name}", number_text(plain(task.lost), "vi"),
            _cell(task, "content"), _cell(task, "lead"), _cell(task, "support"),
            _cell(task, "deadline"), _cell(task, "product")]


def plan_markdown(result: Result, *, ranking: Ranking | BatchResult | None = None,
                  plan_year: int | None = None, assignments: Assignments | None = None) -> str:
    """The plan draft (:func:`~parindex.plan_draft`) as Markdown, in the Word layout's order.

    >>> import parindex
    >>> framework = parindex.get_framework("thua-thien-hue/commune/2022")
    >>> result = parindex.score(framework, parindex.load_assessment(parindex.example_path()))
    >>> text = parindex.plan_markdown(result)
    >>> print("\\n".join(line for line in text.splitlines() if line.startswith("## ")))
    ## I. MỤC ĐÍCH, YÊU CẦU
    ## II. ĐÁNH GIÁ KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH
    ## III. NHIỆM VỤ, GIẢI PHÁP
    ## IV. TỔ CHỨC THỰC HIỆN
    ## Phụ lục
    """
    draft = plan_draft(result, ranking=ranking, plan_year=plan_year, assignments=assignments)
    return draft_markdown(draft)


def draft_markdown(draft: PlanDraft) -> str:
    """A :class:`~parindex.PlanDraft` as Markdown."""
    # A backslash ends a line within a block (a hard line break, without trailing spaces).
    lines = ["\\\n".join(f"**{_md(line)}**" for line in draft.issuer),
             "", _md(draft.number), "",
             "\\\n".join(f"**{_md(line)}**" for line in MOTTO), "",
             f"*{_md(draft.place_date)}*", "",
             f"# {_md(draft.title)}", "", f"**{_md(draft.subtitle)}**", ""]
    lines += [_md(line) + "\n" for line in draft.basis]
    lines += [f"## I. {SECTIONS[0]}", "", "### 1. Mục đích", ""]
    lines += [f"- {_md(line)}" for line in draft.purpose]
    lines += ["", "### 2. Yêu cầu", ""]
    lines += [f"- {_md(line)}" for line in draft.requirements]
    lines += ["", f"## II. {SECTIONS[1]}", "", "### 1. Kết quả chung", ""]
    lines += [f"- {_md(line)}" for line in draft.results]
    lines += ["", "### 2. Các lĩnh vực bị trừ điểm", ""]
    lines += [f"- {_md(line)}" for line in draft.losses]
    lines += ["", f"## III. {SECTIONS[2]}", "", "### 1. Nhiệm vụ, giải pháp chung", ""]
    lines += [f"- {_md(line)}" for line in draft.general]
    lines += ["", "### 2. Nhiệm vụ, giải pháp cụ thể", ""]
    for n, field in enumerate(draft.fields, 1):
        lines += [f"#### 2.{n}. {_md(field.heading)}", "", _md(field.summary), ""]
        for i, task in enumerate(field.tasks, 1):
            first, *rest = _task_lines(task)
            lines.append(f"{letter(i)}) {_md(first)}\\")
            lines += [f"{_md(line)}\\" for line in rest[:-1]] + [_md(rest[-1]), ""]
        lines += [f"*Ghi chú:* {_md(note)}\n" for note in field.notes]
    if draft.notes:
        lines += ["### 3. Ghi chú (không phải nhiệm vụ khắc phục)", ""]
        lines += [f"- {_md(note)}" for note in draft.notes]
        lines.append("")
    lines += [f"## IV. {SECTIONS[3]}", ""]
    lines += [f"{n}. {_md(line)}\n" for n, line in enumerate(draft.organisation, 1)]
    lines += ["**Nơi nhận:**\\", "\\\n".join(_md(line) for line in draft.recipients), ""]
    lines += ["\\\n".join(f"**{_md(line)}**" for line in draft.signature), ""]
    title, heading, attached = draft.appendix_title
    lines += ["---", "", f"## {_md(title)}", "", f"**{_md(heading)}**\\", f"*{_md(attached)}*",
              "", "| " + " | ".join(COLUMNS) + " |", "|" + "---|" * len(COLUMNS)]
    lines += ["| " + " | ".join(_md(cell) for cell in _row(n, task)) + " |"
              for n, task in enumerate(draft.tasks, 1)]
    lines += ["", f"*{_md(PLACEHOLDER)}: gợi ý mặc định, cần xác định lại trước khi ban "
                  "hành.*"]
    return "\n".join(lines).rstrip() + "\n"


# --- Word ---------------------------------------------------------------------------------

#: Nghị định 30/2020's page: A4, margins in millimetres (top, bottom, left, right).
PAGE_MM = (210, 297)
MARGINS_MM = (20, 20, 30, 15)


def write_plan_docx(result: Result, path: str | Path, *, ranking: Ranking | BatchResult | None = None,
                    plan_year: int | None = None,
                    assignments: Assignments | None = None) -> Path:
    """Write the plan draft (:func:`~parindex.plan_draft`) as a Word document (``.docx``).

    A4 and laid out per Nghị định 30/2020 (see :mod:`parindex._render.plan`), with the
    assignment appendix on landscape pages. Placeholders (defaults parindex proposes)
    are highlighted. Needs python-docx (the ``report`` extra:
    ``pip install 'parindex[report]'``).

    :returns: the path written.
    """
    draft = plan_draft(result, ranking=ranking, plan_year=plan_year, assignments=assignments)
    return write_draft_docx(draft, path)


def write_draft_docx(draft: PlanDraft, path: str | Path) -> Path:
    """Write a :class:`~parindex.PlanDraft` as a Word document."""
    with needs_extra("docx", "report"):
        import docx
        from docx.enum.section import WD_ORIENT
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.oxml.ns import qn
        from docx.shared import Mm, Pt, RGBColor
    draft, replaced = _xml_clean(draft)
    document: Any = docx.Document()
    _styles(document, qn, Pt, RGBColor)
    properties = document.core_properties  # python-docx's template says "python-docx"
    properties.author, properties.last_modified_by = "", ""
    properties.title = f"{draft.title} {draft.subtitle}"
    properties.comments, properties.keywords = "", ""
    properties.subject, properties.language = draft.subtitle, "vi-VN"
    # ... and dates the document 2013, when that template was made.
    now = datetime.now(timezone.utc).replace(microsecond=0, tzinfo=None)
    properties.created, properties.modified, properties.revision = now, now, 1
    section = document.sections[0]
    section.page_width, section.page_height = Mm(PAGE_MM[0]), Mm(PAGE_MM[1])
    (section.top_margin, section.bottom_margin, section.left_margin,
     section.right_margin) = (Mm(m) for m in MARGINS_MM)
    centre, justify, left = (WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.JUSTIFY,
                             WD_ALIGN_PARAGRAPH.LEFT)

    def para(text: str = "", *, bold: bool = False, italic: bool = False, align: Any = justify,
             size: int | None = None, indent: bool = True, after: int = 6) -> Any:
        paragraph = document.add_paragraph()
        paragraph.alignment = align
        paragraph.paragraph_format.space_after = Pt(after)
        if indent and align == justify:
            paragraph.paragraph_format.first_line_indent = Mm(10)
        if text:
            run = paragraph.add_run(text)
            run.bold, run.italic = bold, italic
            if size:
                run.font.size = Pt(size)
        return paragraph

    def placeholder_runs(paragraph: Any, text: str, marked: bool) -> None:
        run = paragraph.add_run(text)
        if marked:
            from docx.enum.text import WD_COLOR_INDEX

            run.font.highlight_color = WD_COLOR_INDEX.YELLOW
            paragraph.add_run(f" {PLACEHOLDER}").italic = True

    # The top block: issuer and number on the left, the motto and the place and date right.
    width = PAGE_MM[0] - MARGINS_MM[2] - MARGINS_MM[3]
    top = document.add_table(rows=1, cols=2)
    _widths(top, Mm(62), Mm(width - 62))
    left_cell, right_cell = top.rows[0].cells
    _block(left_cell, [(line, True, False, 13) for line in draft.issuer]
           + [("——————", False, False, 9), (draft.number, False, False, 13)], centre, Pt)
    _block(right_cell, [(MOTTO[0], True, False, 12), (MOTTO[1], True, False, 13),
                        ("———————————", False, False, 9), (draft.place_date, False, True, 13)],
           centre, Pt)
    para()
    para(draft.title, bold=True, align=centre, size=14, after=0)
    para(draft.subtitle, bold=True, align=centre, size=14, after=12)
    for line in draft.basis:
        para(line, italic=line.startswith("Căn cứ"))

    def heading(text: str) -> None:
        para(text, bold=True, indent=False, after=6).paragraph_format.keep_with_next = True

    def bullets(lines: tuple[str, ...] | list[str]) -> None:
        for line in lines:
            para(f"- {line}")

    heading(f"I. {SECTIONS[0]}")
    heading("1. Mục đích")
    bullets(draft.purpose)
    heading("2. Yêu cầu")
    bullets(draft.requirements)
    heading(f"II. {SECTIONS[1]}")
    heading("1. Kết quả chung")
    bullets(draft.results)
    heading("2. Các lĩnh vực bị trừ điểm")
    bullets(draft.losses)
    heading(f"III. {SECTIONS[2]}")
    heading("1. Nhiệm vụ, giải pháp chung")
    bullets(draft.general)
    heading("2. Nhiệm vụ, giải pháp cụ thể")
    for n, field in enumerate(draft.fields, 1):
        heading(f"2.{n}. {field.heading}")
        para(field.summary)
        for i, task in enumerate(field.tasks, 1):
            first, *rest = _task_lines(task)
            para(f"{letter(i)}) {first}")
            if task.comment:
                para(rest.pop(0), italic=True)
            paragraph = para("Nhiệm vụ: ")
            placeholder_runs(paragraph, task.content, "content" in task.placeholders)
            paragraph = para("Chủ trì: ")
            placeholder_runs(paragraph, task.lead, "lead" in task.placeholders)
            paragraph.add_run("; phối hợp: ")
            placeholder_runs(paragraph, task.support, "support" in task.placeholders)
            paragraph.add_run("; thời gian hoàn thành: ")
            placeholder_runs(paragraph, task.deadline, "deadline" in task.placeholders)
            paragraph.add_run(".")
        for note in field.notes:
            paragraph = para()
            paragraph.add_run("Ghi chú: ").italic = True
            paragraph.add_run(note)
    if draft.notes:
        heading("3. Ghi chú (không phải nhiệm vụ khắc phục)")
        bullets(draft.notes)
    heading(f"IV. {SECTIONS[3]}")
    for n, line in enumerate(draft.organisation, 1):
        para(f"{n}. {line}")
    para()
    bottom = document.add_table(rows=1, cols=2)
    _widths(bottom, Mm(width / 2), Mm(width / 2))
    left_cell, right_cell = bottom.rows[0].cells
    _block(left_cell, [("Nơi nhận:", True, True, 12)]
           + [(line, False, False, 11) for line in draft.recipients], left, Pt)
    _block(right_cell, [(line, True, False, 13) for line in draft.signature]
           + [("", False, False, 13)] * 4, centre, Pt)

    # The appendix: a landscape section, one table, header repeated, rows kept whole.
    appendix = document.add_section()
    appendix.orientation = WD_ORIENT.LANDSCAPE
    appendix.page_width, appendix.page_height = Mm(PAGE_MM[1]), Mm(PAGE_MM[0])
    (appendix.top_margin, appendix.bottom_margin, appendix.left_margin,
     appendix.right_margin) = (Mm(m) for m in MARGINS_MM)
    title, subtitle, attached = draft.appendix_title
    para(title, bold=True, align=centre, after=0)
    para(subtitle, bold=True, align=centre, after=0)
    para(attached, italic=True, align=centre, after=12)
    tasks = draft.tasks
    table = document.add_table(rows=1 + len(tasks), cols=len(COLUMNS))
    table.style = "Table Grid"
    inner = PAGE_MM[1] - MARGINS_MM[2] - MARGINS_MM[3]
    shares = (5, 19, 7, 27, 14, 11, 9, 13)  # per cent of the width
    _widths(table, *(Mm(inner * share / sum(shares)) for share in shares))
    header = table.rows[0]
    _repeat_header(header, qn)
    for cell, name in zip(header.cells, COLUMNS, strict=True):
        _fill(cell, name, centre, Pt(12), bold=True)
    keys = ("content", "lead", "support", "deadline", "product")
    for row, (n, task) in zip(table.rows[1:], enumerate(tasks, 1), strict=True):
        _keep_row(row, qn)
        cells = row.cells
        _fill(cells[0], str(n), centre, Pt(12))
        _fill(cells[1], f"{task.code} – {task.name}", left, Pt(12))
        _fill(cells[2], number_text(plain(task.lost), "vi"), centre, Pt(12))
        for cell, key in zip(cells[3:], keys, strict=True):
            paragraph = cell.paragraphs[0]
            paragraph.alignment = left
            placeholder_runs(paragraph, getattr(task, key), key in task.placeholders)
            for run in paragraph.runs:
                run.font.size = Pt(12)
    note = para(align=left, indent=False)
    note.paragraph_format.space_before = Pt(6)
    marker = note.add_run(PLACEHOLDER)
    marker.italic = True
    note.add_run(": gợi ý mặc định (tô vàng), cần xác định lại trước khi ban hành.").italic = True
    if replaced:
        para(align=left, indent=False).add_run(
            f"Ghi chú: {replaced} ký tự điều khiển trong dữ liệu (không thể lưu trong tệp "
            "Word) đã được thay bằng ký tự \ufffd.").italic = True
    path = Path(path)
    with atomic_path(path) as temporary:  # a failure leaves the old file, or nothing
        document.save(str(temporary))
    return path


def _xml_clean(draft: PlanDraft) -> tuple[PlanDraft, int]:
    """The draft with every character XML cannot hold (a comment's U+0001, say) replaced
    by U+FFFD, and how many were replaced: python-docx would refuse the whole document."""
    count = 0

    def clean(value: Any) -> Any:
        nonlocal count
        if isinstance(value, str):
            text, n = xml_safe(value)
            count += n
            return text
        if isinstance(value, (tuple, list)):
            return type(value)(clean(v) for v in value)
        if attrs.has(type(value)):
            return attrs.evolve(value, **{f.name: clean(getattr(value, f.name))
                                          for f in attrs.fields(type(value)) if f.init})
        return value

    return clean(draft), count


def _styles(document: Any, qn: Any, points: Any, colour: Any) -> None:
    """Times New Roman 13, black, and the Vietnamese proofing language throughout.

    python-docx's template is English (en-US) with blue Calibri headings: Word would mark
    every Vietnamese word as misspelt.
    """
    styles = document.styles
    for name in ("Normal", "Table Grid"):
        style = styles[name]
        style.font.name = "Times New Roman"
        if name == "Normal":
            style.font.size = points(13)
        style.font.color.rgb = colour(0, 0, 0)
        fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
        for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            fonts.set(qn(attribute), "Times New Roman")
        for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
            fonts.attrib.pop(qn(theme), None)
    defaults = styles.element.find(qn("w:docDefaults"))
    run = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    language = run.find(qn("w:lang"))
    if language is None:
        language = run.makeelement(qn("w:lang"), {})
        run.append(language)
    for attribute in ("w:val", "w:eastAsia", "w:bidi"):
        language.set(qn(attribute), "vi-VN")
    fonts = run.find(qn("w:rFonts"))
    if fonts is not None:
        for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
            fonts.attrib.pop(qn(theme), None)
        for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            fonts.set(qn(attribute), "Times New Roman")


def _widths(table: Any, *widths: Any) -> None:
    """Fixed column widths (Word reads the cells', LibreOffice the grid's)."""
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
        for cell in column.cells:
            cell.width = width


def _block(cell: Any, lines: list[tuple[str, bool, bool, int]], alignment: Any,
           points: Any) -> None:
    """Lines (text, bold, italic, size) in a table cell, one paragraph each."""
    paragraph = cell.paragraphs[0]
    for i, (text, bold, italic, size) in enumerate(lines):
        if i:
            paragraph = cell.add_paragraph()
        paragraph.alignment = alignment
        paragraph.paragraph_format.space_after = points(0)
        run = paragraph.add_run(text)
        run.bold, run.italic = bold, italic
        run.font.size = points(size)


def _fill(cell: Any, text: str, alignment: Any, size: Any, *, bold: bool = False) -> None:
    paragraph = cell.paragraphs[0]
    paragraph.alignment = alignment
    run = paragraph.add_run(text)
    run.bold = bold
    run.font.size = size


def _keep_row(row: Any, qn: Any) -> None:
    """A row that does not split across pages (w:cantSplit)."""
    properties = row._tr.get_or_add_trPr()
    element = properties.makeelement(qn("w:cantSplit"), {})
    properties.append(element)


def _repeat_header(row: Any, qn: Any) -> None:
    """The header row repeated at the top of each page (w:tblHeader)."""
    properties = row._tr.get_or_add_trPr()
    properties.append(properties.makeelement(qn("w:tblHeader"), {}))
    _keep_row(row, qn)
