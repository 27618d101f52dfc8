"""Improvement-plan drafts (Kế hoạch nâng cao Chỉ số cải cách hành chính).

Officials write, every year, a plan to win back the points lost in the last appraisal.
:func:`plan_draft` lays one out from a scored result, in the order and the words the
published plans use (Kế hoạch 69/KH-UBND of xã Thủy Thanh, Kế hoạch 322/KH-UBND of huyện
Hướng Hóa, the plan attached to Quyết định of xã Ba Xa for 2024): the legal grounds
(*Căn cứ*); I. Mục đích, yêu cầu; II. Đánh giá kết quả (the published total, rank and
band, the fields where points were lost); III. Nhiệm vụ, giải pháp (one subsection per
field, its lost items in code order with the council's comments and a direction drafted
from them); IV. Tổ chức thực hiện; and one assignment appendix (STT, Tiêu chí, Điểm bị
trừ, Nội dung thực hiện, Chủ trì, Phối hợp, Thời gian hoàn thành, Sản phẩm).

The survey block and the parts of a maximum a framework does not itemise are notes, not
tasks: a unit cannot "fix" the survey, and nobody can fix an item nobody named. Who leads
each task comes from an assignments file (:func:`parindex.load_assignments`); where it
gives nothing, a default post is proposed and marked as a placeholder. Writing the draft
as Markdown or Word is :mod:`parindex._render.plan`'s job.
"""

from __future__ import annotations

import re
from decimal import Decimal

import attrs

from .._base.model import Framework, NodeKind
from .._base.numbers import maximum_text, number_text, percent_text
from .._engine.batch import BatchResult
from .._engine.ranking import Ranking
from .._engine.results import Result
from .._formats.assignments import Assignments
from .gaps import LostItem, gaps, index_text, lost_points, needed_text, points_text

#: The national motto block every administrative document carries (Nghị định 30/2020).
MOTTO = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")

#: The plan's four sections, as the published plans head them.
SECTIONS = ("MỤC ĐÍCH, YÊU CẦU", "ĐÁNH GIÁ KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH",
            "NHIỆM VỤ, GIẢI PHÁP", "TỔ CHỨC THỰC HIỆN")

#: The appendix's columns.
COLUMNS = ("STT", "Tiêu chí", "Điểm bị trừ", "Nội dung thực hiện", "Chủ trì", "Phối hợp",
           "Thời gian hoàn thành", "Sản phẩm")

#: What marks a value the unit did not give (a default proposed by parindex).
PLACEHOLDER = "(gợi ý)"

_SHORT = "………"
_LETTERS = "abcdđeghiklmnopqrstuvxy"  # Vietnamese list letters: no f, j, w, z

# Default posts by what a field is about, first match wins (the posts the plans assign:
# "Văn phòng - Thống kê", "Tư pháp - Hộ tịch", "Tài chính - Kế toán", "bộ phận một cửa"
# at commune level; "Phòng Nội vụ", "Phòng Tư pháp", "Văn phòng HĐND và UBND", "Phòng Tài
# chính - Kế hoạch" at district level).
_COMMUNE_POSTS = (
    (r"pháp luật|QPPL|thể chế|văn bản quy phạm", "Công chức Tư pháp – Hộ tịch"),
    (r"thủ tục hành chính|TTHC|một cửa", "Công chức làm việc tại Bộ phận Một cửa"),
    (r"tài chính|ngân sách|tài sản", "Công chức Tài chính – Kế toán"),
    (r"điện tử|chính quyền số|hiện đại hóa|công nghệ|chuyển đổi số",
     "Công chức Văn phòng – Thống kê"),
    (r"", "Công chức Văn phòng – Thống kê"),
)
_DISTRICT_POSTS = (
    (r"pháp luật|QPPL|thể chế|văn bản quy phạm", "Phòng Tư pháp"),
    (r"thủ tục hành chính|TTHC|một cửa", "Văn phòng HĐND và UBND"),
    (r"tài chính|ngân sách|tài sản", "Phòng Tài chính – Kế hoạch"),
    (r"điện tử|chính quyền số|hiện đại hóa|công nghệ|chuyển đổi số",
     "Phòng Văn hóa và Thông tin"),
    (r"", "Phòng Nội vụ"),
)
_OTHER_POSTS = ((r"", "Văn phòng"),)

_PREFIXES = ("thành phố", "thị trấn", "thị xã", "phường", "huyện", "tỉnh", "xã", "sở")


@attrs.frozen
class PlanTask:
    """One lost item: an entry of section III and a row of the appendix.

    :param code: the criterion code; :param name: its name.
    :param label: *Tiêu chí* or *Tiêu chí thành phần* (or *Lĩnh vực*).
    :param points: the points obtained, as written (Vietnamese style).
    :param maximum: its arising maximum, as written.
    :param lost: points lost, exact.
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
    :param results: II.1, the result being improved on.
    :param losses: II.2, one line per field where points were lost.
    :param general: III.1, the tasks common to every field.
    :param fields: III.2, one per field with lost points, tasks in code order.
    :param notes: what is not a task (the survey block, unitemised remainders).
    :param organisation: IV, the last paragraph ending in "./.".
    :param recipients: *Nơi nhận*; :param signature: the signature block.
    :param appendix_title: the appendix's heading lines.
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

    @property
    def tasks(self) -> tuple[PlanTask, ...]:
        """Every task, in code order: the appendix's rows."""
        return tuple(task for field in self.fields for task in field.tasks)


def plan_draft(result: Result, *, ranking: Ranking | BatchResult | None = None,
               plan_year: int | None = None,
               assignments: Assignments | None = None) -> PlanDraft:
    """The draft of a "Kế hoạch nâng cao Chỉ số cải cách hành chính" for one scored unit.

    :param result: the unit's result (from :func:`~parindex.score`).
    :param ranking: the ranking it belongs to, to give its computed rank (when no rank is
        published) and what passing the unit just above it would take; for a large table,
        the batch (:func:`~parindex.score_batch`) of its units, so that no other unit is
        rescored.
    :param plan_year: the year the plan is for; default: the assessment year + 1.
    :param assignments: posts, deadlines and products per code
        (:func:`~parindex.load_assignments`); defaults are proposed and marked
        :data:`PLACEHOLDER` where it gives none.
    """
    assignments = assignments or Assignments()
    framework = result.framework
    year = result.assessment.year
    plan_year = plan_year if plan_year is not None else year + 1
    decimals = framework.decimals
    unit = result.unit
    local = framework.level in ("commune", "district")
    body = _body(unit, framework)
    lost = lost_points(result)

    def pts(value: Decimal | None) -> str:
        return number_text(points_text(value, decimals), "vi")

    # --- II. the result -----------------------------------------------------------------
    published = result.assessment.published
    total = published.total if published.total is not None else result.total
    results = [
        f"Năm {year}, {body} đạt {number_text(total, 'vi')}/{maximum_text(result.max, 'vi')} "
        f"điểm (điểm thẩm định {pts(result.appraised)} điểm, điểm điều tra xã hội học "
        f"{pts(result.survey)} điểm); Chỉ số cải cách hành chính đạt "
        f"{percent_text(result.display(result.index), 'vi')}"
        + (f", xếp loại “{result.band.name}”." if result.band else ".")]
    rank = _rank_sentence(result, ranking)
    if rank:
        results.append(rank)
    results.append(f"Tổng số điểm bị trừ: {pts(lost.total_lost)} điểm, tại "
                   f"{sum(1 for i in lost.items if i.itemised)} tiêu chí, tiêu chí thành "
                   "phần.")
    target = lost.next_band
    if target is not None and target.needed is not None:
        results.append(f"Để đạt mức “{target.band.name}” cần thêm ít nhất "
                       f"{number_text(needed_text(target.needed, decimals), 'vi')} điểm.")
    if ranking is not None and len(ranking) > 1:
        for other in gaps(ranking, unit, group=result.group or None, result=result).ahead:
            more = "hơn " if other.strict else ""
            results.append(f"Để vượt {other.unit} (hạng {other.rank}) cần thêm {more}"
                           f"{number_text(needed_text(other.gap, decimals), 'vi')} điểm.")
    losses = []
    for field in lost.fields:
        if field.kind is NodeKind.BONUS or not field.lost:
            continue
        label = "Điều tra xã hội học" if field.kind is NodeKind.SURVEY else "Lĩnh vực"
        losses.append(
            f"{label} {field.code}. {field.name}: đạt {pts(field.points)}/"
            f"{maximum_text(field.arising_max, 'vi')} điểm, bị trừ {pts(field.lost)} điểm"
            + (f" (chỉ số thành phần "
               f"{percent_text(index_text(field.sub_index, decimals), 'vi')})"
               if field.sub_index is not None else "") + ".")

    # --- III. tasks, in code order; the survey and remainders as notes --------------------
    order = {code: i for i, code in enumerate(framework.nodes)}
    fields: list[PlanField] = []
    notes: list[str] = []
    for field in sorted(lost.fields, key=lambda f: order.get(f.code, len(order))):
        if field.kind is NodeKind.SURVEY:
            notes.append(
                f"Điểm điều tra xã hội học ({field.name}) đạt {pts(field.points)}/"
                f"{maximum_text(field.arising_max, 'vi')} điểm: là kết quả khảo sát sự hài "
                "lòng của người dân, tổ chức, không phải nhiệm vụ khắc phục riêng; được cải "
                "thiện qua việc thực hiện các nhiệm vụ tại mục III và nâng cao chất lượng "
                "phục vụ tại Bộ phận Một cửa.")
            continue
        if field.kind is NodeKind.BONUS:
            continue  # points not won as a bonus are not points lost
        tasks: list[PlanTask] = []
        field_notes: list[str] = []
        for item in sorted(field.items, key=lambda i: order.get(i.code, len(order))):
            if not item.itemised:
                where = f"lĩnh vực {item.code}" if "." not in item.code else \
                    f"tiêu chí {item.code}"
                field_notes.append(
                    f"Bị trừ {pts(item.lost)} điểm ở phần điểm tối đa của {where} mà bộ tiêu "
                    "chí không chia thành tiêu chí thành phần: cần đối chiếu kết quả thẩm "
                    "định để xác định nội dung bị trừ điểm.")
                continue
            tasks.append(_task(item, framework, assignments, plan_year, decimals))
        for code, comment in field.notes:
            field_notes.append(f"Đánh giá của Hội đồng thẩm định về tiêu chí {code}: {comment}")
        heading = f"Lĩnh vực {field.code}. {field.name}" if field.kind is NodeKind.CRITERION \
            else f"Điểm trừ {field.code}. {field.name}"
        summary = (f"Đạt {pts(field.points)}/{maximum_text(field.arising_max, 'vi')} điểm, "
                   f"bị trừ {pts(field.lost)} điểm."
                   + (f" Đánh giá của Hội đồng thẩm định: {field.comment}"
                      if field.comment and field.items and
                      all(i.code != field.code for i in field.items) else ""))
        notes.extend(f"{heading}: {note}" for note in field_notes
                     if note.startswith("Bị trừ"))
        fields.append(PlanField(code=field.code, heading=heading, summary=summary,
                                tasks=tuple(tasks),
                                notes=tuple(n for n in field_notes
                                            if not n.startswith("Bị trừ"))))
    fields = [f for f in fields if f.tasks or f.notes]

    # --- the frame ------------------------------------------------------------------------
    coordinator = _coordinator(framework)
    head = ("Chủ tịch Ủy ban nhân dân " + _place(unit)) if local else "Thủ trưởng cơ quan"
    basis = [f"Căn cứ Quyết định số {_decision(framework)} về việc ban hành "
             f"{_lower_first(framework.legal_basis.title or framework.name)};"]
    source = result.assessment.source
    basis.append(f"Căn cứ kết quả thẩm định, công bố Chỉ số cải cách hành chính năm {year}"
                 + (f" ({source.strip().rstrip('.;')})" if source else f" ({_SHORT})") + ";")
    basis.append(f"Căn cứ Kế hoạch cải cách hành chính năm {plan_year} của {body};")
    basis.append(f"{body[0].upper()}{body[1:]} ban hành Kế hoạch nâng cao Chỉ số cải cách "
                 f"hành chính năm {plan_year} như sau:")
    goal = ("Phấn đấu năm {y}, Chỉ số cải cách hành chính đạt mức “{b}” trở lên".format(
        y=plan_year, b=target.band.name) if target is not None and target.needed is not None
        else f"Phấn đấu năm {plan_year} giữ vững mức “{result.band.name}”" if result.band
        else f"Phấn đấu năm {plan_year} nâng cao Chỉ số cải cách hành chính")
    purpose = (
        f"Khắc phục những tồn tại, hạn chế trong thực hiện công tác cải cách hành chính năm "
        f"{year} đã được Hội đồng thẩm định chỉ ra; xác định cụ thể nhiệm vụ, giải pháp và "
        "trách nhiệm của từng bộ phận, cá nhân để nâng cao điểm số các lĩnh vực, tiêu chí, "
        "tiêu chí thành phần.",
        f"{goal}; thứ hạng đạt từ {_SHORT}/{_SHORT} trở lên.",
    )
    requirements = (
        f"Thực hiện đồng bộ với Kế hoạch cải cách hành chính năm {plan_year}; không để tái "
        "phạm bị trừ điểm do nguyên nhân chủ quan.",
        "Các nhiệm vụ được phân công cụ thể, rõ người chủ trì, thời gian hoàn thành và sản "
        "phẩm (Phụ lục kèm theo); tài liệu kiểm chứng đầy đủ, đúng yêu cầu của từng tiêu chí.",
        "Đề cao trách nhiệm của người đứng đầu; cải thiện Chỉ số cải cách hành chính là "
        "nhiệm vụ thường xuyên của toàn cơ quan.",
    )
    general = (
        f"Quán triệt, triển khai kịp thời các văn bản chỉ đạo của cấp trên về cải cách hành "
        f"chính; hoàn thành 100 % nhiệm vụ của Kế hoạch cải cách hành chính năm {plan_year}.",
        "Lưu trữ, cập nhật tài liệu kiểm chứng ngay khi hoàn thành từng nhiệm vụ, đúng thời "
        "gian và đúng yêu cầu của tiêu chí, để tự đánh giá, chấm điểm chính xác.",
    )
    organisation = (
        "Các bộ phận, công chức được giao chủ trì tại Phụ lục kèm theo Kế hoạch này xây dựng "
        "nội dung cụ thể và tổ chức thực hiện đúng thời gian; định kỳ hằng quý báo cáo kết "
        f"quả về {coordinator} để tổng hợp.",
        f"{coordinator} theo dõi, đôn đốc, tổng hợp kết quả thực hiện, báo cáo {head}.",
        "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các bộ phận, công chức kịp "
        f"thời báo cáo {head} để xem xét, giải quyết./.",
    )
    issuer = ("ỦY BAN NHÂN DÂN", _place(unit).upper()) if local else (unit.upper(),)
    number = f"Số: {_SHORT}/KH-UBND" if local else f"Số: {_SHORT}/KH-{_SHORT}"
    return PlanDraft(
        issuer=issuer, number=number,
        place_date=f"{_bare(unit)}, ngày {_SHORT} tháng {_SHORT} năm {plan_year - 1}",
        title="KẾ HOẠCH",
        subtitle=f"Nâng cao Chỉ số cải cách hành chính năm {plan_year}",
        basis=tuple(basis), purpose=purpose, requirements=requirements,
        results=tuple(results), losses=tuple(losses), general=general,
        fields=tuple(fields), notes=tuple(notes), organisation=organisation,
        recipients=("- Các bộ phận, công chức có liên quan;", f"- {_SHORT};", "- Lưu: VT."),
        signature=(("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH") if local
                   else ("THỦ TRƯỞNG CƠ QUAN",)),
        appendix_title=("Phụ lục",
                        f"PHÂN CÔNG NHIỆM VỤ NÂNG CAO CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM "
                        f"{plan_year}",
                        f"(Kèm theo Kế hoạch số {_SHORT}/KH-UBND ngày {_SHORT} của "
                        f"{'UBND ' + _place(unit) if local else unit})"),
        year=year, plan_year=plan_year)


def letter(number: int) -> str:
    """The list label of the ``number``-th item: ``a``, ``b``, ``c``, ``d``, ``đ``, …"""
    return _LETTERS[number - 1] if number <= len(_LETTERS) else str(number)


def _task(item: LostItem, framework: Framework, assignments: Assignments, plan_year: int,
          decimals: int) -> PlanTask:
    depth = item.code.count(".")
    label = "Tiêu chí thành phần" if depth >= 2 else "Tiêu chí" if depth == 1 else "Lĩnh vực"
    maximum = maximum_text(item.arising_max, "vi")
    name = " ".join(item.name.split())
    if item.comment:
        comment = item.comment.strip().rstrip(".")
        content = (f"Khắc phục tồn tại Hội đồng thẩm định đã nêu (“{comment}”); thực hiện "
                   f"đầy đủ yêu cầu của {label.lower()} {item.code}, bảo đảm đạt {maximum} "
                   f"điểm năm {plan_year}.")
    else:
        content = (f"Rà soát nguyên nhân bị trừ điểm; thực hiện đầy đủ yêu cầu của "
                   f"{label.lower()} {item.code} – {name}, bảo đảm đạt {maximum} điểm năm "
                   f"{plan_year}.")
    if item.kind is NodeKind.PENALTY:
        content = (f"Không để phát sinh trường hợp bị trừ điểm theo {label.lower()} "
                   f"{item.code} – {name} trong năm {plan_year}.")
    posts = {"commune": _COMMUNE_POSTS, "district": _DISTRICT_POSTS}.get(framework.level,
                                                                           _OTHER_POSTS)
    field_name = framework.nodes[item.field].name if item.field in framework.nodes else ""
    lead = next(post for pattern, post in posts
                if re.search(pattern, f"{field_name} {name}", re.IGNORECASE))
    defaults = {
        "content": content, "lead": lead,
        "support": ("Các công chức chuyên môn có liên quan" if framework.level == "commune"
                    else "Các cơ quan, đơn vị có liên quan"),
        "deadline": f"Trong năm {plan_year}",
        "product": f"Tài liệu kiểm chứng đáp ứng yêu cầu {label.lower()} {item.code}",
    }
    chosen = {key: assignments.lookup(item.code, key) for key in defaults}
    return PlanTask(
        code=item.code, name=name, label=label,
        points=number_text(item.points, "vi"), maximum=maximum, lost=item.lost,
        comment=item.comment,
        content=chosen["content"] or defaults["content"],
        lead=chosen["lead"] or defaults["lead"],
        support=chosen["support"] or defaults["support"],
        deadline=chosen["deadline"] or defaults["deadline"],
        product=chosen["product"] or defaults["product"],
        # the drafted direction is parindex's words: marked until the unit gives its own
        placeholders=frozenset(k for k, v in chosen.items() if v is None))


def _rank_sentence(result: Result, ranking: Ranking | BatchResult | None) -> str | None:
    published = result.assessment.published
    basis = {"appraised": "theo điểm thẩm định", "total": "theo tổng điểm",
             "index": "theo Chỉ số"}.get(published.rank_basis or "", "")
    group = f" trong {_lower_first(result.group)}" if result.group else ""
    shown = []
    if published.rank is not None:
        shown.append(f"xếp hạng {published.rank}" + (f" {basis}" if basis else ""))
    if published.group_rank is not None:
        shown.append(f"xếp hạng {published.group_rank}{group}" + (f" {basis}" if basis else ""))
    if shown:
        return f"Theo kết quả công bố, {_place(result.unit)} " + "; ".join(shown) + "."
    if ranking is not None and len(ranking) > 1:
        if isinstance(ranking, BatchResult):
            i = ranking.position(result.unit, result.group or None)
            grouped = int(ranking.group_codes[i]) >= 0
            rank, of = int(ranking.rank[i]), ranking.of
            group_rank = int(ranking.group_rank[i]) if grouped else None
            group_of = int(ranking.group_of[i]) if grouped else None
        else:
            ranked = ranking.unit(result.unit, result.group or None)
            rank, of = ranked.rank, ranked.of
            group_rank, group_of = ranked.group_rank, ranked.group_of
        text = f"Xếp hạng (tính lại từ bảng kết quả): {rank}/{of}"
        if group_rank is not None:
            text += f"; trong {_lower_first(result.group or 'nhóm')}: " \
                    f"{group_rank}/{group_of}"
        return text + "."
    return None


def _coordinator(framework: Framework) -> str:
    return {"commune": "Công chức Văn phòng – Thống kê",
            "district": "Phòng Nội vụ"}.get(framework.level, "Văn phòng")


def _decision(framework: Framework) -> str:
    basis = framework.legal_basis
    text = basis.decision
    if basis.date is not None:
        text += f" ngày {basis.date.day:02d}/{basis.date.month:02d}/{basis.date.year}"
    if basis.issuer:
        text += f" của {basis.issuer.replace('UBND', 'Ủy ban nhân dân')}"
    return text


def _lower_first(text: str) -> str:
    """An administrative prefix in running text is lower case: "Xã X" → "xã X"."""
    for prefix in _PREFIXES:
        if text.lower().startswith(prefix + " "):
            return prefix + text[len(prefix):]
    # "Quy định …" → "quy định …", but an abbreviation ("UBND …") stays as it is.
    return text[:1].lower() + text[1:] if text[1:2].islower() else text


def _place(unit: str) -> str:
    """The unit as running text names it: "xã Thủy Thanh"."""
    for prefix in _PREFIXES:
        if unit.lower().startswith(prefix + " "):
            return prefix + unit[len(prefix):]
    return unit


def _bare(unit: str) -> str:
    """The unit without its prefix, as the place line writes it: "Thủy Thanh"."""
    for prefix in _PREFIXES:
        if unit.lower().startswith(prefix + " "):
            return unit[len(prefix) + 1:]
    return unit


def _body(unit: str, framework: Framework) -> str:
    if framework.level in ("commune", "district"):
        return f"Ủy ban nhân dân {_place(unit)}"
    return unit
