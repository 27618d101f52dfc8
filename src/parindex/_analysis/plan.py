"""Improvement-plan drafts (Kế hoạch nâng cao Chỉ số cải cách hành chính).

Officials write, every year, a plan to win back the points lost in the last appraisal.
:func:`plan_draft` lays one out from a scored result, in the order and the words the
published plans use (Kế hoạch 69/KH-UBND of xã Thủy Thanh, Kế hoạch 322/KH-UBND of huyện
Hướng Hóa, the plan attached to Quyết định of xã Ba Xa for 2024): the legal grounds
(*Căn cứ*); I. Mục đích, yêu cầu; II. Đánh giá kết quả (the published total, rank and
band, the change from the year before where it is known, the fields where points were
lost); III. Nhiệm vụ, giải pháp (one subsection per field, its lost items in code order
with the council's comments and a direction drafted from them); IV. Tổ chức thực hiện; and
one assignment appendix (STT, Tiêu chí, Điểm bị trừ, Nội dung thực hiện, Chủ trì, Phối
hợp, Thời gian hoàn thành, Sản phẩm).

The survey block and the parts of a maximum a framework does not itemise are notes, not
tasks: a unit cannot "fix" the survey, and nobody can fix an item nobody named. Who leads
each task comes from an assignments file (:func:`parindex.load_assignments`); where it
gives nothing, a default post is proposed and marked as a placeholder. The words are the
catalogue's (:mod:`parindex._base.i18n`): Vietnamese for the document officials sign,
English for developers and researchers. Writing the draft as Markdown or Word is
:mod:`parindex._render.plan`'s job.
"""

from __future__ import annotations

import re
from decimal import Decimal

import attrs

from .._base.i18n import Language, message
from .._base.model import Assessment, Framework, NodeKind, PublishedRank
from .._base.numbers import (
    day_text, maximum_text, number_text, percent_text, plain, quantize)
from .._engine.batch import BatchResult
from .._engine.ranking import Ranking
from .._engine.results import Result
from .._formats.assignments import Assignments
from .gaps import (LostItem, batch_position, figure_text, gaps, lost_points, needed_text,
                   ratio_percent_text)


def motto(lang: Language = "vi") -> tuple[str, str]:
    """The national motto block every administrative document carries (Nghị định
    30/2020)."""
    return message(lang, "plan_motto_1"), message(lang, "plan_motto_2")


def sections(lang: Language = "vi") -> tuple[str, str, str, str]:
    """The plan's four section headings, as the published plans word them."""
    first, second, third, fourth = (message(lang, f"plan_section_{n}") for n in range(1, 5))
    return first, second, third, fourth


#: The appendix's columns, by the :class:`PlanTask` field each shows.
_COLUMN_KEYS = ("number", "criterion", "lost", "content", "lead", "support", "deadline",
                "product")


def columns(lang: Language = "vi") -> tuple[str, ...]:
    """The appendix's column headings."""
    return tuple(message(lang, f"plan_col_{key}") for key in _COLUMN_KEYS)


def placeholder(lang: Language = "vi") -> str:
    """What marks a value the unit did not give (a default proposed by parindex)."""
    return message(lang, "plan_placeholder")


#: The Vietnamese headings (the document officials sign), kept as names for callers.
MOTTO = motto()
SECTIONS = sections()
COLUMNS = columns()
PLACEHOLDER = placeholder()

_SHORT = "………"
_LETTERS = "abcdđeghiklmnopqrstuvxy"  # Vietnamese list letters: no f, j, w, z

# Default posts by what a field is about, first match wins (the posts the plans assign:
# "Văn phòng - Thống kê", "Tư pháp - Hộ tịch", "Tài chính - Kế toán", "bộ phận một cửa"
# at commune level; "Phòng Nội vụ", "Phòng Tư pháp", "Văn phòng HĐND và UBND", "Phòng Tài
# chính - Kế hoạch" at district level). The patterns read the framework's own
# (Vietnamese) names; the posts are catalogue keys.
_COMMUNE_POSTS = (
    (r"pháp luật|QPPL|thể chế|văn bản quy phạm", "justice"),
    (r"thủ tục hành chính|TTHC|một cửa", "one_stop"),
    (r"tài chính|ngân sách|tài sản", "finance"),
    (r"điện tử|chính quyền số|hiện đại hóa|công nghệ|chuyển đổi số", "office"),
    (r"", "office"),
)
_DISTRICT_POSTS = (
    (r"pháp luật|QPPL|thể chế|văn bản quy phạm", "district_justice"),
    (r"thủ tục hành chính|TTHC|một cửa", "district_office"),
    (r"tài chính|ngân sách|tài sản", "district_finance"),
    (r"điện tử|chính quyền số|hiện đại hóa|công nghệ|chuyển đổi số", "district_it"),
    (r"", "district_home"),
)
_OTHER_POSTS = ((r"", "other"),)

_PREFIXES = ("thành phố", "thị trấn", "thị xã", "phường", "huyện", "tỉnh", "xã", "sở")
# How English running text names a unit: "Thủy Thanh commune".
_ENGLISH_PREFIXES = {"thành phố": "city", "thị trấn": "township", "thị xã": "town",
                     "phường": "ward", "huyện": "district", "tỉnh": "province",
                     "xã": "commune"}


@attrs.frozen
class PreviousResult:
    """The unit's result the year before, to give the change from it (section II).

    Only figures a source prints, or that parindex computed from the points the source
    gives under that year's own framework: never a figure guessed from another year.

    :param year: the year of that result.
    :param total: its total; :param index: its index (a percentage);
    :param rank: its rank among all units ranked; :param group_rank: within its group;
    :param band: its band; ``None`` wherever the source gives nothing.
    :param source: where the figures come from.
    """

    year: int
    total: Decimal | None = None
    index: Decimal | None = None
    rank: PublishedRank | None = None
    group_rank: PublishedRank | None = None
    band: str | None = None
    source: str | None = None

    @classmethod
    def from_assessment(cls, assessment: Assessment,
                        result: Result | None = None) -> PreviousResult:
        """Last year's figures from its record: those printed (``[published]``, the cells
        of a published table) and, given ``result`` (the record scored under its own
        framework), the computed total, index and band where none is printed."""
        published = assessment.published
        total, index, band = published.total, published.index, published.band
        if result is not None:
            total = total if total is not None else result.total
            if index is None and result.index is not None:
                index = quantize(result.index, result.framework.decimals)
            band = band if band is not None else (result.band.name if result.band else None)
        return cls(year=assessment.year, total=total, index=index, rank=published.rank,
                   group_rank=published.group_rank, band=band, source=assessment.source)


@attrs.frozen
class PlanTask:
    """One lost item: an entry of section III and a row of the appendix.

    :param code: the criterion code; :param name: its name.
    :param label: *Tiêu chí* or *Tiêu chí thành phần* (or *Lĩnh vực*).
    :param points: the points obtained, as written (in the draft's number style).
    :param maximum: its arising maximum, as written.
    :param lost: points lost, exact.
    :param lost_text: the same as written (as the framework prints points, in the draft's
        number style); by default ``lost`` without trailing zeros, in machine style.
    :param comment: the appraisal council's comment.
    :param content: the direction (*nội dung thực hiện*), drafted from the comment unless
        the assignments file gives one.
    :param lead, support, deadline, product: the assignment.
    :param placeholders: which of ``content``, ``lead``, ``support``, ``deadline``,
        ``product`` are proposed defaults, not the unit's own.
    """

    code: str
    name: str
    label: str
    points: str
    maximum: str
    lost: Decimal
    comment: str | None
    content: str
    lead: str
    support: str
    deadline: str
    product: str
    placeholders: frozenset[str] = frozenset()
    lost_text: str = attrs.field(
        default=attrs.Factory(lambda task: plain(task.lost.normalize()), takes_self=True))


@attrs.frozen
class PlanField:
    """A field (*lĩnh vực*) with lost points: a subsection of section III."""

    code: str
    heading: str
    summary: str
    tasks: tuple[PlanTask, ...]
    notes: tuple[str, ...] = ()


@attrs.frozen
class PlanDraft:
    """An improvement plan, laid out as the published plans are, ready to render.

    :param issuer: the issuing body, one line each (``ỦY BAN NHÂN DÂN``, ``XÃ THỦY THANH``).
    :param number: the number line (``Số: ………/KH-UBND``), to complete.
    :param place_date: the place and date line, to complete.
    :param title: ``KẾ HOẠCH``; :param subtitle: what it is, with the year.
    :param basis: the *Căn cứ* paragraphs.
    :param purpose: I.1 Mục đích; :param requirements: I.2 Yêu cầu.
    :param results: II.1, the result being improved on and its change from the year
        before (or that the change is not known).
    :param losses: II.2, one line per field where points were lost.
    :param general: III.1, the tasks common to every field.
    :param fields: III.2, one per field with lost points, tasks in code order.
    :param notes: what is not a task (the survey block, unitemised remainders).
    :param organisation: IV, the last paragraph ending in "./.".
    :param recipients: *Nơi nhận*; :param signature: the signature block.
    :param appendix_title: the appendix's heading lines.
    :param lang: the language it is written in (``vi``: the document officials sign).
    """

    issuer: tuple[str, ...]
    number: str
    place_date: str
    title: str
    subtitle: str
    basis: tuple[str, ...]
    purpose: tuple[str, ...]
    requirements: tuple[str, ...]
    results: tuple[str, ...]
    losses: tuple[str, ...]
    general: tuple[str, ...]
    fields: tuple[PlanField, ...]
    notes: tuple[str, ...]
    organisation: tuple[str, ...]
    recipients: tuple[str, ...]
    signature: tuple[str, ...]
    appendix_title: tuple[str, ...]
    year: int
    plan_year: int
    lang: Language = "vi"

    @property
    def tasks(self) -> tuple[PlanTask, ...]:
        """Every task, in code order: the appendix's rows."""
        return tuple(task for field in self.fields for task in field.tasks)


def plan_draft(result: Result, *, ranking: Ranking | BatchResult | None = None,
               plan_year: int | None = None, assignments: Assignments | None = None,
               previous: PreviousResult | None = None, lang: Language = "vi") -> PlanDraft:
    """The draft of a "Kế hoạch nâng cao Chỉ số cải cách hành chính" for one scored unit.

    :param result: the unit's result (from :func:`~parindex.score`).
    :param ranking: the ranking it belongs to, to give its computed rank (when no rank is
        published) and what passing the unit just above it would take; for a large table,
        the batch (``score_many(..., batch=True)``) of its units, so that no other unit is
        rescored.
    :param plan_year: the year the plan is for; default: the assessment year + 1.
    :param assignments: posts, deadlines and products per code
        (:func:`~parindex.load_assignments`); defaults are proposed and marked
        :data:`PLACEHOLDER` where it gives none.
    :param previous: the unit's result the year before (:class:`PreviousResult`), for the
        change from it; without it the change is given only where the published rank
        prints it ("tăng 2 bậc"), and otherwise said to be unknown.
    :param lang: ``vi`` (default: the document officials sign) or ``en`` (for developers
        and researchers); numbers follow the language's style.
    """
    def tr(key: str, **values: object) -> str:
        return message(lang, "plan_" + key, **values)

    assignments = assignments or Assignments()
    framework = result.framework
    year = result.assessment.year
    plan_year = plan_year if plan_year is not None else year + 1
    decimals = framework.decimals
    unit = result.unit
    local = framework.level in ("commune", "district")
    body = tr("body_local", place=_place(unit, lang)) if local else unit
    lost = lost_points(result)

    def pts(value: Decimal | None, figure: str = "points") -> str:
        """Points, lost points, a total: every one as the framework prints them."""
        return figure_text(framework, value, figure, lang)

    def most(value: Decimal | None) -> str:
        return maximum_text(value, lang)

    # --- II. the result -----------------------------------------------------------------
    published = result.assessment.published
    total = published.total if published.total is not None else result.total
    index = published.index if published.index is not None else \
        None if result.index is None else quantize(result.index, decimals)
    results = [tr("results", year=year, body=body, total=pts(total, "total"),
                  max=most(result.max), appraised=pts(result.appraised, "appraised"),
                  survey=pts(result.survey, "survey"),
                  index=percent_text(result.display(result.index), lang),
                  band=tr("results_band", band=result.band.name) if result.band else "")]
    rank = _rank_sentence(result, ranking, lang)
    if rank:
        results.append(rank)
    results.append(_change_sentence(result, total, index, previous, lang))
    # The items section III makes tasks of; what the survey and the parts of maxima not
    # itemised lost is in the total, and said to be apart from them.
    tasked = [item for field in lost.fields
              if field.kind not in (NodeKind.SURVEY, NodeKind.BONUS)
              for item in field.items if item.itemised]
    in_tasks = sum((item.lost for item in tasked), Decimal(0))
    results.append(tr("lost_total", lost=pts(lost.total_lost), count=len(tasked))
                   if in_tasks == lost.total_lost else
                   tr("lost_total_part", lost=pts(lost.total_lost), part=pts(in_tasks),
                      count=len(tasked)))
    target = lost.next_band
    if target is not None and target.needed is not None:
        results.append(tr("next_band", band=target.band.name,
                          needed=number_text(needed_text(target.needed, decimals), lang)))
    if ranking is not None and len(ranking) > 1:
        for other in gaps(ranking, unit, group=result.group or None, result=result).ahead:
            results.append(tr("pass", unit=other.unit, rank=other.rank,
                              more=tr("more") if other.strict else "",
                              needed=number_text(needed_text(other.gap, decimals), lang)))
    losses = []
    for field in lost.fields:
        if field.kind is NodeKind.BONUS or not field.lost:
            continue
        losses.append(tr(
            "loss", label=tr("survey_label" if field.kind is NodeKind.SURVEY
                             else "field_label"),
            code=field.code, name=field.name, points=pts(field.points),
            max=most(field.arising_max), lost=pts(field.lost),
            sub=tr("loss_sub", index=percent_text(
                ratio_percent_text(field.sub_index, decimals), lang))
            if field.sub_index is not None else ""))

    # --- III. tasks, in code order; the survey and remainders as notes --------------------
    order = {code: i for i, code in enumerate(framework.nodes)}
    fields: list[PlanField] = []
    notes: list[str] = []
    for field in sorted(lost.fields, key=lambda f: order.get(f.code, len(order))):
        if field.kind is NodeKind.SURVEY:
            notes.append(tr("survey_note", name=field.name, points=pts(field.points),
                            max=most(field.arising_max)))
            continue
        if field.kind is NodeKind.BONUS:
            continue  # points not won as a bonus are not points lost
        heading = tr("field_heading" if field.kind is NodeKind.CRITERION
                     else "penalty_heading", code=field.code, name=field.name)
        tasks: list[PlanTask] = []
        for item in sorted(field.items, key=lambda i: order.get(i.code, len(order))):
            if item.itemised:
                tasks.append(_task(item, framework, assignments, plan_year, decimals, lang))
            else:  # nobody named what these points were lost for: a note, not a task
                notes.append(tr("remainder", heading=heading, lost=pts(item.lost),
                                where=tr("where_criterion" if "." in item.code
                                         else "where_field", code=item.code)))
        comments = tuple(tr("council_on", code=code, comment=comment)
                         for code, comment in field.notes)
        summary = (tr("field_summary", points=pts(field.points), max=most(field.arising_max),
                      lost=pts(field.lost))
                   + (tr("field_comment", comment=field.comment)
                      if field.comment and field.items and
                      all(i.code != field.code for i in field.items) else ""))
        if tasks or comments:
            fields.append(PlanField(code=field.code, heading=heading, summary=summary,
                                    tasks=tuple(tasks), notes=comments))

    # --- the frame ------------------------------------------------------------------------
    coordinator = tr("post_" + {"commune": "office", "district": "district_home"}.get(
        framework.level, "other"))
    head = tr("head_local", place=_place(unit, lang)) if local else tr("head_other")
    basis = [tr("basis_decision", decision=_decision(framework, lang),
                title=_lower_first(framework.legal_basis.title or framework.name))]
    source = result.assessment.source
    basis.append(tr("basis_result", year=year,
                    source=source.strip().rstrip(".;") if source else _SHORT))
    basis.append(tr("basis_reform", year=plan_year, body=body))
    basis.append(tr("basis_issue", year=plan_year, body=body[:1].upper() + body[1:]))
    goal = (tr("goal_band", year=plan_year, band=target.band.name)
            if target is not None and target.needed is not None
            else tr("goal_keep", year=plan_year, band=result.band.name) if result.band
            else tr("goal_raise", year=plan_year))
    purpose = (tr("purpose_1", year=year), tr("purpose_2", goal=goal, blank=_SHORT))
    requirements = (tr("requirement_1", year=plan_year), tr("requirement_2"),
                    tr("requirement_3"))
    general = (tr("general_1", year=plan_year), tr("general_2"))
    organisation = (tr("organisation_1", coordinator=coordinator),
                    tr("organisation_2", coordinator=coordinator[:1].upper() + coordinator[1:],
                       head=head),
                    tr("organisation_3", head=head))
    issuer = ((tr("issuer_local"), _place(unit, lang).upper()) if local else (unit.upper(),))
    return PlanDraft(
        issuer=issuer,
        number=tr("number_local" if local else "number_other", blank=_SHORT),
        place_date=tr("place_date", place=_bare(unit), blank=_SHORT, year=plan_year - 1),
        title=tr("title"), subtitle=tr("subtitle", year=plan_year),
        basis=tuple(basis), purpose=purpose, requirements=requirements,
        results=tuple(results), losses=tuple(losses), general=general,
        fields=tuple(fields), notes=tuple(notes), organisation=organisation,
        recipients=(tr("recipient_1"), f"- {_SHORT};", tr("recipient_3")),
        signature=((tr("signature_local_1"), tr("signature_local_2")) if local
                   else (tr("signature_other"),)),
        appendix_title=(tr("appendix"), tr("appendix_title", year=plan_year),
                        tr("appendix_attached", blank=_SHORT,
                           issuer=tr("issuer_short", place=_place(unit, lang)) if local
                           else unit)),
        year=year, plan_year=plan_year, lang=lang)


def letter(number: int) -> str:
    """The list label of the ``number``-th item: ``a``, ``b``, ``c``, ``d``, ``đ``, …"""
    return _LETTERS[number - 1] if number <= len(_LETTERS) else str(number)


def _task(item: LostItem, framework: Framework, assignments: Assignments, plan_year: int,
          decimals: int, lang: Language) -> PlanTask:
    def tr(key: str, **values: object) -> str:
        return message(lang, "plan_" + key, **values)

    depth = item.code.count(".")
    label = tr("label_sub" if depth >= 2 else "label_criterion" if depth == 1
               else "label_field")
    kind = label[:1].lower() + label[1:]  # in running text
    maximum = maximum_text(item.arising_max, lang)
    name = " ".join(item.name.split())
    if item.kind is NodeKind.PENALTY:
        content = tr("content_penalty", label=kind, code=item.code, name=name, year=plan_year)
    elif item.comment:
        content = tr("content_comment", comment=item.comment.strip().rstrip("."), label=kind,
                     code=item.code, max=maximum, year=plan_year)
    else:
        content = tr("content", label=kind, code=item.code, name=name, max=maximum,
                     year=plan_year)
    posts = {"commune": _COMMUNE_POSTS, "district": _DISTRICT_POSTS}.get(framework.level,
                                                                           _OTHER_POSTS)
    field_name = framework.nodes[item.field].name if item.field in framework.nodes else ""
    lead = next(post for pattern, post in posts
                if re.search(pattern, f"{field_name} {name}", re.IGNORECASE))
    defaults = {
        "content": content, "lead": tr("post_" + lead),
        "support": tr("support_commune" if framework.level == "commune" else "support_other"),
        "deadline": tr("deadline_default", year=plan_year),
        "product": tr("product", label=kind, code=item.code),
    }
    chosen = {key: assignments.lookup(item.code, key) for key in defaults}
    return PlanTask(
        code=item.code, name=name, label=label,
        points=figure_text(framework, item.points, lang=lang), maximum=maximum,
        lost=item.lost, lost_text=figure_text(framework, item.lost, lang=lang),
        comment=item.comment,
        content=chosen["content"] or defaults["content"],
        lead=chosen["lead"] or defaults["lead"],
        support=chosen["support"] or defaults["support"],
        deadline=chosen["deadline"] or defaults["deadline"],
        product=chosen["product"] or defaults["product"],
        # the drafted direction is parindex's words: marked until the unit gives its own
        placeholders=frozenset(k for k, v in chosen.items() if v is None))


def _rank_sentence(result: Result, ranking: Ranking | BatchResult | None,
                   lang: Language) -> str | None:
    def tr(key: str, **values: object) -> str:
        return message(lang, "plan_" + key, **values)

    published = result.assessment.published
    basis = tr("basis_" + published.rank_basis) if published.rank_basis else ""
    group = _place(result.group, lang) if result.group else ""
    shown = []
    if published.rank is not None:
        shown.append(tr("rank_part", rank=_rank_text(published.rank), where="", basis=basis))
    if published.group_rank is not None:
        shown.append(tr("rank_part", rank=_rank_text(published.group_rank),
                        where=tr("rank_where", group=group) if group else "", basis=basis))
    if shown:
        return tr("rank_published", place=_place(result.unit, lang), ranks="; ".join(shown))
    if ranking is not None and len(ranking) > 1:
        if isinstance(ranking, BatchResult):
            i = batch_position(ranking, result.unit, result.group or None)
            grouped = int(ranking.group_codes[i]) >= 0
            rank, of = int(ranking.rank[i]), ranking.of
            group_rank = int(ranking.group_rank[i]) if grouped else None
            group_of = int(ranking.group_of[i]) if grouped else None
        else:
            ranked = ranking.unit(result.unit, result.group or None)
            rank, of = ranked.rank, ranked.of
            group_rank, group_of = ranked.group_rank, ranked.group_of
        text = tr("rank_computed", rank=rank, of=of)
        if group_rank is not None:
            text += tr("rank_computed_group", group=group or tr("group"), rank=group_rank,
                       of=group_of)
        return text + "."
    return None


def _rank_text(rank: PublishedRank) -> str:
    """A rank as a position (``2/10``), without the move or words printed with it."""
    return str(attrs.evolve(rank, change=None, wording=None))


def _change_sentence(result: Result, total: Decimal, index: Decimal | None,
                     previous: PreviousResult | None, lang: Language) -> str:
    """The change from the year before: from ``previous`` where given, else from the move
    the published rank prints ("tăng 2 bậc"); otherwise said to be unknown, never
    guessed."""
    def tr(key: str, **values: object) -> str:
        return message(lang, "plan_" + key, **values)

    def moved(places: int) -> str:
        return tr("same_rank") if not places else tr(
            "up_rank" if places > 0 else "down_rank", places=abs(places))

    def amount(what: str, change: Decimal) -> str:
        if not change:
            return tr("same_" + what)
        # Points as the framework prints them; an index's change as computed.
        text = (figure_text(result.framework, abs(change), "total") if what == "total"
                else plain(abs(change)))
        return tr(("up_" if change > 0 else "down_") + what, amount=number_text(text, lang))

    published = result.assessment.published
    printed = next((r.change for r in (published.rank, published.group_rank)
                    if r is not None and r.change is not None), None)
    year = result.assessment.year
    if previous is None or previous.year >= year:
        if printed is not None:
            return tr("change_printed", change=moved(printed))
        return tr("change_unknown", year=year - 1)
    before: list[str] = []
    changes: list[str] = []
    if previous.total is not None:
        before.append(tr("prev_total", total=figure_text(result.framework, previous.total,
                                                         "total", lang)))
        changes.append(amount("total", total - previous.total))
    if previous.index is not None:
        before.append(tr("prev_index", index=percent_text(plain(previous.index), lang)))
        if index is not None:
            changes.append(amount("index", index - previous.index))
    # A rank is compared with the same kind of rank (overall, or within the group) only.
    for now, then in ((published.rank, previous.rank),
                      (published.group_rank, previous.group_rank)):
        if then is not None:
            before.append(tr("prev_rank", rank=_rank_text(then)))
            if now is not None:
                changes.append(tr("rank_moved", change=moved(then.position - now.position)))
    if printed is not None and not any(r is not None for r in (previous.rank,
                                                               previous.group_rank)):
        changes.append(tr("rank_moved", change=moved(printed)))
    if previous.band is not None:
        before.append(tr("prev_band", band=previous.band))
        if result.band is not None:
            changes.append(tr("band_kept", band=result.band.name)
                           if result.band.name == previous.band
                           else tr("band_changed", before=previous.band,
                                   after=result.band.name))
    if not changes:
        return tr("change_unknown", year=previous.year)
    return tr("change", year=previous.year, before=", ".join(before),
              changes="; ".join(changes))


def _decision(framework: Framework, lang: Language) -> str:
    basis = framework.legal_basis
    text = basis.decision
    if basis.date is not None:
        text += message(lang, "plan_decision_date", date=day_text(basis.date))
    if basis.issuer:
        issuer = basis.issuer.replace("UBND", "Ủy ban nhân dân") if lang == "vi" \
            else basis.issuer
        text += message(lang, "plan_decision_issuer", issuer=issuer)
    return text


def _lower_first(text: str) -> str:
    """An administrative prefix in running text is lower case: "Xã X" → "xã X"."""
    for prefix in _PREFIXES:
        if text.lower().startswith(prefix + " "):
            return prefix + text[len(prefix):]
    # "Quy định …" → "quy định …", but an abbreviation ("UBND …") stays as it is.
    return text[:1].lower() + text[1:] if text[1:2].islower() else text


def _place(unit: str, lang: Language = "vi") -> str:
    """The unit as running text names it: "xã Thủy Thanh" ("Thủy Thanh commune")."""
    for prefix in _PREFIXES:
        if unit.lower().startswith(prefix + " "):
            if lang == "en" and prefix in _ENGLISH_PREFIXES:
                return f"{unit[len(prefix) + 1:]} {_ENGLISH_PREFIXES[prefix]}"
            return prefix + unit[len(prefix):]
    return unit


def _bare(unit: str) -> str:
    """The unit without its prefix, as the place line writes it: "Thủy Thanh"."""
    for prefix in _PREFIXES:
        if unit.lower().startswith(prefix + " "):
            return unit[len(prefix) + 1:]
    return unit
