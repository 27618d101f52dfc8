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
from pathlib import Path
from typing import Any

import attrs

from ._analysis import FieldLoss, LostItem, gaps, index_text, lost_points, needed_text
from ._model import NodeKind
from ._numbers import plain
from ._ranking import Ranking
from ._scoring import Result

#: The document's title, as the plans print it.
TITLE = "Kế hoạch nâng cao Chỉ số CCHC"

#: What the unit fills in for each item (seed 001: "Công chức tham mưu khắc phục",
#: "Thời gian thực hiện", "Định hướng khắc phục").
BLANKS = ("Người/bộ phận phụ trách", "Thời hạn", "Phương hướng/giải pháp")

_BLANK = "…………………………"


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
    :param sections: one per field with lost points, in printed order (section II).
    :param closing: section III, to fill in.
    """

    title: str
    subtitle: str
    assessment: tuple[str, ...]
    sections: tuple[PlanSection, ...]
    closing: tuple[str, ...]


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
        f"Tổng điểm năm {year}: {plain(result.total)}/{maximum} điểm "
        f"(điểm thẩm định {plain(result.appraised)}, điểm điều tra xã hội học "
        f"{plain(result.survey)}); điểm phát sinh {plain(result.arising_max)}.",
        f"Chỉ số CCHC: {result.display(result.index)}%"
        + (f"; xếp loại: {result.band.name}." if result.band else "."),
        f"Tổng số điểm bị trừ: {plain(lost.total_lost)} điểm, "
        f"tại {sum(1 for i in lost.items if i.itemised)} tiêu chí, tiêu chí thành phần.",
    ]
    target = lost.next_band
    if target is not None and target.needed is not None:
        facts.append(f"Để đạt mức “{target.band.name}” cần thêm ít nhất "
                     f"{needed_text(target.needed, decimals)} điểm.")
    if ranking is not None:
        found = gaps(ranking, unit)
        where = "trong nhóm" if found.within == "group" else "chung"
        facts.append(f"Xếp hạng {where}: {found.rank}/{found.of}.")
        for other in found.ahead:
            more = "hơn " if other.strict else ""
            facts.append(f"Để vượt {other.unit} (hạng {other.rank}) cần thêm {more}"
                         f"{needed_text(other.gap, decimals)} điểm.")
    sections = tuple(_section(field, decimals) for field in lost.fields if field.items)
    closing = (
        f"1. Chủ tịch UBND: {_BLANK}",
        f"2. Các bộ phận, công chức được phân công: {_BLANK}",
    )
    return PlanDraft(title=f"{TITLE} năm {plan_year}", subtitle=subtitle,
                     assessment=tuple(facts), sections=sections, closing=closing)


def _section(field: FieldLoss, decimals: int) -> PlanSection:
    label = {NodeKind.SURVEY: "Điều tra xã hội học", NodeKind.BONUS: "Điểm thưởng",
             NodeKind.PENALTY: "Điểm trừ"}.get(field.kind, "Lĩnh vực")
    points = "—" if field.points is None else plain(field.points)
    maximum = "?" if field.arising_max is None else plain(field.arising_max)
    summary = (f"Đạt {points}/{maximum} điểm"
               + ("" if field.lost is None else f", bị trừ {plain(field.lost)} điểm")
               + (f"; chỉ số thành phần {index_text(field.sub_index, decimals)}%"
                  if field.sub_index is not None else "") + ".")
    return PlanSection(heading=f"{label} {field.code}. {field.name}", summary=summary,
                       items=tuple(_item(i, n) for n, i in enumerate(field.items, 1)))


def _item(item: LostItem, number: int) -> PlanItem:
    depth = item.code.count(".")
    label = "Tiêu chí thành phần" if depth >= 2 else "Tiêu chí" if depth == 1 else ""
    maximum = "?" if item.arising_max is None else plain(item.arising_max)
    if item.itemised:
        heading = f"({number}) {label} {item.code} – {item.name}".replace("  ", " ")
        facts = [f"Điểm đạt: {plain(item.points)}/{maximum}; bị trừ {plain(item.lost)} điểm."]
    else:
        heading = f"({number}) Phần điểm của {item.code} không chia thành tiêu chí thành phần"
        facts = [f"Bị trừ {plain(item.lost)} điểm trong phần điểm tối đa của {item.code} mà "
                 "bộ tiêu chí không chia thành tiêu chí thành phần."]
    if item.kind is NodeKind.PENALTY:
        facts = [f"Bị trừ {plain(item.lost)} điểm."]
    if item.comment:
        facts.append(f"Đánh giá của Hội đồng thẩm định: {item.comment}")
    return PlanItem(heading=heading, facts=tuple(facts))


# --- Markdown -----------------------------------------------------------------------------

_MARKDOWN_SPECIAL = "\\`*_[]<>#|"


def _md(text: str) -> str:
    return "".join("\\" + ch if ch in _MARKDOWN_SPECIAL else ch for ch in " ".join(text.split()))


def plan_markdown(result: Result, *, ranking: Ranking | None = None,
                  plan_year: int | None = None) -> str:
    """The plan draft (:func:`plan_draft`) as Markdown.

    >>> import parindex
    >>> framework = parindex.get_framework("thua-thien-hue/commune/2022")
    >>> result = parindex.score(framework, parindex.load_assessment(parindex.example_path()))
    >>> print(parindex.plan_markdown(result).splitlines()[0])
    # Kế hoạch nâng cao Chỉ số CCHC năm 2023
    """
    draft = plan_draft(result, ranking=ranking, plan_year=plan_year)
    lines = [f"# {_md(draft.title)}", "", f"**{_md(draft.subtitle)}**", "",
             "## I. Đánh giá kết quả Chỉ số CCHC", ""]
    lines += [f"- {_md(fact)}" for fact in draft.assessment]
    lines += ["", "## II. Tiêu chí, tiêu chí thành phần bị trừ điểm cần khắc phục", ""]
    for section in draft.sections:
        lines += [f"### {_md(section.heading)}", "", _md(section.summary), ""]
        for item in section.items:
            lines += [f"#### {_md(item.heading)}", ""]
            lines += [f"- {_md(fact)}" for fact in item.facts]
            lines += [f"- {blank}: {_BLANK}" for blank in item.blanks]
            lines.append("")
    lines += ["## III. Tổ chức thực hiện", ""]
    lines += [f"{_md(line)}" + "\n" for line in draft.closing]
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
        from docx.shared import Pt
    draft = plan_draft(result, ranking=ranking, plan_year=plan_year)
    document: Any = docx.Document()
    style = document.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(13)
    document.add_heading(draft.title, level=0)
    document.add_paragraph(draft.subtitle).runs[0].bold = True
    document.add_heading("I. Đánh giá kết quả Chỉ số CCHC", level=1)
    for fact in draft.assessment:
        document.add_paragraph(fact, style="List Bullet")
    document.add_heading("II. Tiêu chí, tiêu chí thành phần bị trừ điểm cần khắc phục", level=1)
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
    document.add_heading("III. Tổ chức thực hiện", level=1)
    for line in draft.closing:
        document.add_paragraph(line)
    path = Path(path)
    document.save(str(path))
    return path
