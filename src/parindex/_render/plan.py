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

from .._analysis.plan import (PlanDraft, PlanTask, PreviousResult, columns, letter, motto,
                              placeholder, plan_draft, sections)
from .._base.errors import needs_extra
from .._base.i18n import Language, message
from .._base.files import atomic_path
from .._base.text import xml_safe
from .._engine.batch import BatchResult
from .._engine.ranking import Ranking
from .._engine.results import Result
from .._formats.assignments import Assignments

_MARKDOWN_SPECIAL = "\\`*_[]<>#|"


def _md(text: str) -> str:
    return "".join("\\" + ch if ch in _MARKDOWN_SPECIAL else ch for ch in " ".join(text.split()))


def _cell(task: PlanTask, key: str, lang: Language) -> str:
    value: str = getattr(task, key)
    return f"{value} {placeholder(lang)}" if key in task.placeholders else value


def _task_lines(task: PlanTask, lang: Language) -> list[str]:
    """Section III's text for one task: what was lost, the comment, what to do, who."""
    def tr(key: str, **values: object) -> str:
        return message(lang, "plan_" + key, **values)

    lines = [tr("task_line", label=task.label, code=task.code, name=task.name,
                points=task.points, max=task.maximum, lost=task.lost_text)]
    if task.comment:
        lines.append(tr("council", comment=task.comment))
    lines.append(f"{tr('task')} {_cell(task, 'content', lang)}")
    lines.append(f"{tr('lead')} {_cell(task, 'lead', lang)}; {tr('support')} "
                 f"{_cell(task, 'support', lang)}; {tr('deadline')} "
                 f"{_cell(task, 'deadline', lang)}.")
    return lines


#: The appendix's columns a task's assignment fills, in order.
_ASSIGNED = ("content", "lead", "support", "deadline", "product")


def _row(number: int, task: PlanTask, lang: Language) -> list[str]:
    return [str(number), f"{task.code} – {task.name}", task.lost_text,
            *(_cell(task, key, lang) for key in _ASSIGNED)]


def plan_markdown(result: Result, *, ranking: Ranking | BatchResult | None = None,
                  plan_year: int | None = None, assignments: Assignments | None = None,
                  previous: PreviousResult | None = None, lang: Language = "vi") -> str:
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
    draft = plan_draft(result, ranking=ranking, plan_year=plan_year, assignments=assignments,
                       previous=previous, lang=lang)
    return draft_markdown(draft)


def draft_markdown(draft: PlanDraft) -> str:
    """A :class:`~parindex.PlanDraft` as Markdown."""
    lang = draft.lang

    def tr(key: str) -> str:
        return message(lang, "plan_" + key)

    section = sections(lang)
    # A backslash ends a line within a block (a hard line break, without trailing spaces).
    lines = ["\\\n".join(f"**{_md(line)}**" for line in draft.issuer),
             "", _md(draft.number), "",
             "\\\n".join(f"**{_md(line)}**" for line in motto(lang)), "",
             f"*{_md(draft.place_date)}*", "",
             f"# {_md(draft.title)}", "", f"**{_md(draft.subtitle)}**", ""]
    lines += [_md(line) + "\n" for line in draft.basis]
    lines += [f"## I. {section[0]}", "", f"### 1. {tr('purpose')}", ""]
    lines += [f"- {_md(line)}" for line in draft.purpose]
    lines += ["", f"### 2. {tr('requirements')}", ""]
    lines += [f"- {_md(line)}" for line in draft.requirements]
    lines += ["", f"## II. {section[1]}", "", f"### 1. {tr('overall')}", ""]
    lines += [f"- {_md(line)}" for line in draft.results]
    lines += ["", f"### 2. {tr('lost_fields')}", ""]
    lines += [f"- {_md(line)}" for line in draft.losses]
    lines += ["", f"## III. {section[2]}", "", f"### 1. {tr('general_tasks')}", ""]
    lines += [f"- {_md(line)}" for line in draft.general]
    lines += ["", f"### 2. {tr('field_tasks')}", ""]
    for n, field in enumerate(draft.fields, 1):
        lines += [f"#### 2.{n}. {_md(field.heading)}", "", _md(field.summary), ""]
        for i, task in enumerate(field.tasks, 1):
            first, *rest = _task_lines(task, lang)
            lines.append(f"{letter(i)}) {_md(first)}\\")
            lines += [f"{_md(line)}\\" for line in rest[:-1]] + [_md(rest[-1]), ""]
        lines += [f"*{tr('note')}* {_md(note)}\n" for note in field.notes]
    if draft.notes:
        lines += [f"### 3. {tr('notes')}", ""]
        lines += [f"- {_md(note)}" for note in draft.notes]
        lines.append("")
    lines += [f"## IV. {section[3]}", ""]
    lines += [f"{n}. {_md(line)}\n" for n, line in enumerate(draft.organisation, 1)]
    lines += [f"**{tr('recipients')}**\\", "\\\n".join(_md(line) for line in draft.recipients),
              ""]
    lines += ["\\\n".join(f"**{_md(line)}**" for line in draft.signature), ""]
    title, heading, attached = draft.appendix_title
    names = columns(lang)
    lines += ["---", "", f"## {_md(title)}", "", f"**{_md(heading)}**\\", f"*{_md(attached)}*",
              "", "| " + " | ".join(names) + " |", "|" + "---|" * len(names)]
    lines += ["| " + " | ".join(_md(cell) for cell in _row(n, task, lang)) + " |"
              for n, task in enumerate(draft.tasks, 1)]
    lines += ["", f"*{_md(placeholder(lang))}: {_md(tr('placeholder_note'))}*"]
    return "\n".join(lines).rstrip() + "\n"


# --- Word ---------------------------------------------------------------------------------

#: Nghị định 30/2020's page: A4, margins in millimetres (top, bottom, left, right).
PAGE_MM = (210, 297)
MARGINS_MM = (20, 20, 30, 15)


def write_plan_docx(result: Result, path: str | Path, *,
                    ranking: Ranking | BatchResult | None = None, plan_year: int | None = None,
                    assignments: Assignments | None = None,
                    previous: PreviousResult | None = None, lang: Language = "vi") -> Path:
    """Write the plan draft (:func:`~parindex.plan_draft`) as a Word document (``.docx``).

    A4 and laid out per Nghị định 30/2020 (see :mod:`parindex._render.plan`), with the
    assignment appendix on landscape pages. Placeholders (defaults parindex proposes)
    are highlighted. Needs python-docx (the ``report`` extra:
    ``pip install 'parindex[report]'``).

    :returns: the path written.
    """
    draft = plan_draft(result, ranking=ranking, plan_year=plan_year, assignments=assignments,
                       previous=previous, lang=lang)
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
    lang = draft.lang

    def tr(key: str, **values: object) -> str:
        return message(lang, "plan_" + key, **values)

    document: Any = docx.Document()
    _styles(document, qn, Pt, RGBColor, _LOCALES[lang])
    properties = document.core_properties  # python-docx's template says "python-docx"
    properties.author, properties.last_modified_by = "", ""
    properties.title = f"{draft.title} {draft.subtitle}"
    properties.comments, properties.keywords = "", ""
    properties.subject, properties.language = draft.subtitle, _LOCALES[lang]
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
            paragraph.add_run(f" {placeholder(lang)}").italic = True

    # The top block: issuer and number on the left, the motto and the place and date right.
    width = PAGE_MM[0] - MARGINS_MM[2] - MARGINS_MM[3]
    top = document.add_table(rows=1, cols=2)
    _widths(top, Mm(62), Mm(width - 62))
    left_cell, right_cell = top.rows[0].cells
    _block(left_cell, [(line, True, False, 13) for line in draft.issuer]
           + [("——————", False, False, 9), (draft.number, False, False, 13)], centre, Pt)
    national, words = motto(lang)
    _block(right_cell, [(national, True, False, 12), (words, True, False, 13),
                        ("———————————", False, False, 9), (draft.place_date, False, True, 13)],
           centre, Pt)
    para()
    para(draft.title, bold=True, align=centre, size=14, after=0)
    para(draft.subtitle, bold=True, align=centre, size=14, after=12)
    for n, line in enumerate(draft.basis, 1):  # the grounds in italics, not the last line
        para(line, italic=n < len(draft.basis))

    def heading(text: str) -> None:
        para(text, bold=True, indent=False, after=6).paragraph_format.keep_with_next = True

    def bullets(lines: tuple[str, ...] | list[str]) -> None:
        for line in lines:
            para(f"- {line}")

    section = sections(lang)
    heading(f"I. {section[0]}")
    heading(f"1. {tr('purpose')}")
    bullets(draft.purpose)
    heading(f"2. {tr('requirements')}")
    bullets(draft.requirements)
    heading(f"II. {section[1]}")
    heading(f"1. {tr('overall')}")
    bullets(draft.results)
    heading(f"2. {tr('lost_fields')}")
    bullets(draft.losses)
    heading(f"III. {section[2]}")
    heading(f"1. {tr('general_tasks')}")
    bullets(draft.general)
    heading(f"2. {tr('field_tasks')}")
    for n, field in enumerate(draft.fields, 1):
        heading(f"2.{n}. {field.heading}")
        para(field.summary)
        for i, task in enumerate(field.tasks, 1):
            first, *rest = _task_lines(task, lang)
            # A task's paragraphs stay on one page: its heading never ends a page alone.
            para(f"{letter(i)}) {first}").paragraph_format.keep_with_next = True
            if task.comment:
                para(rest.pop(0), italic=True).paragraph_format.keep_with_next = True
            paragraph = para(f"{tr('task')} ")
            paragraph.paragraph_format.keep_with_next = True
            placeholder_runs(paragraph, task.content, "content" in task.placeholders)
            paragraph = para(f"{tr('lead')} ")
            placeholder_runs(paragraph, task.lead, "lead" in task.placeholders)
            paragraph.add_run(f"; {tr('support')} ")
            placeholder_runs(paragraph, task.support, "support" in task.placeholders)
            paragraph.add_run(f"; {tr('deadline')} ")
            placeholder_runs(paragraph, task.deadline, "deadline" in task.placeholders)
            paragraph.add_run(".")
        for note in field.notes:
            paragraph = para()
            paragraph.add_run(f"{tr('note')} ").italic = True
            paragraph.add_run(note)
    if draft.notes:
        heading(f"3. {tr('notes')}")
        bullets(draft.notes)
    heading(f"IV. {section[3]}")
    for n, line in enumerate(draft.organisation, 1):
        last = para(f"{n}. {line}")
    # The signature block is never split, nor alone on a page: the last paragraph ("./.")
    # goes with it.
    last.paragraph_format.keep_with_next = True
    para().paragraph_format.keep_with_next = True
    bottom = document.add_table(rows=1, cols=2)
    _keep_row(bottom.rows[0], qn)
    _widths(bottom, Mm(width / 2), Mm(width / 2))
    left_cell, right_cell = bottom.rows[0].cells
    _block(left_cell, [(tr("recipients"), True, True, 12)]
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
    names = columns(lang)
    table = document.add_table(rows=1 + len(tasks), cols=len(names))
    table.style = "Table Grid"
    inner = PAGE_MM[1] - MARGINS_MM[2] - MARGINS_MM[3]
    shares = (5, 18, 7, 27, 14, 11, 10, 13)  # per cent of the width: "(suggested)" fits
    _widths(table, *(Mm(inner * share / sum(shares)) for share in shares))
    header = table.rows[0]
    _repeat_header(header, qn)
    for cell, name in zip(header.cells, names, strict=True):
        _fill(cell, name, centre, Pt(12), bold=True)
    for row, (n, task) in zip(table.rows[1:], enumerate(tasks, 1), strict=True):
        _keep_row(row, qn)
        cells = row.cells
        _fill(cells[0], str(n), centre, Pt(12))
        _fill(cells[1], f"{task.code} – {task.name}", left, Pt(12))
        _fill(cells[2], task.lost_text, centre, Pt(12))
        for cell, key in zip(cells[3:], _ASSIGNED, strict=True):
            paragraph = cell.paragraphs[0]
            paragraph.alignment = left
            placeholder_runs(paragraph, getattr(task, key), key in task.placeholders)
            for run in paragraph.runs:
                run.font.size = Pt(12)
    note = para(align=left, indent=False)
    note.paragraph_format.space_before = Pt(6)
    note.add_run(f"{placeholder(lang)}: {tr('placeholder_note_docx')}").italic = True
    if replaced:
        para(align=left, indent=False).add_run(tr("replaced", count=replaced)).italic = True
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


#: The proofing language Word checks each plan language's spelling in.
_LOCALES: dict[str, str] = {"vi": "vi-VN", "en": "en-GB"}


def _styles(document: Any, qn: Any, points: Any, colour: Any, locale: str) -> None:
    """Times New Roman 13, black, and the document's proofing language throughout.

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
        language.set(qn(attribute), locale)
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
