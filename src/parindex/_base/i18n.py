"""The message catalogue: every label people read, in Vietnamese and in English.

One catalogue, not strings scattered through the commands: a test checks that every key
exists in both languages. Terms are those of the documents themselves (Kế hoạch 69/KH-UBND
of xã Thủy Thanh, Kế hoạch 322/KH-UBND of huyện Hướng Hóa): *tiêu chí*, *điểm tối đa*,
*điểm bị trừ*, *xếp hạng*, *xếp loại*, *không phát sinh*. Numbers are written with
:func:`parindex._base.numbers.number_text` in the reader's style.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Literal

from .numbers import number_text

Language = Literal["vi", "en"]

#: The languages parindex writes, the first the default for documents meant for officials.
LANGUAGES: tuple[Language, ...] = ("vi", "en")

MESSAGES: dict[str, dict[str, str]] = {
    "vi": {
        # score
        "code": "Mã",
        "criterion": "Tiêu chí",
        "points_max": "Điểm / tối đa",
        "lost": "Bị trừ",
        "comment": "Ghi chú",
        "rule": "quy tắc",
        "appraised": "Điểm thẩm định",
        "survey": "Điều tra XHH",
        "bonus": "Điểm thưởng",
        "penalty": "Điểm trừ",
        "total": "Tổng điểm",
        "index": "Chỉ số",
        "band": "Xếp loại",
        "arising_max": "điểm tối đa phát sinh {max}",
        "index_how": "tổng điểm ÷ điểm tối đa phát sinh × 100, làm tròn {decimals} chữ số "
                     "thập phân",
        "findings": "Nhận xét về dữ liệu",
        "discrepancies": "Sai lệch (số công bố ≠ số tính lại)",
        "unchecked": "Chưa đối chiếu",
        "none": "không có",
        "not_arising": "không phát sinh",
        # gaps
        "lost_title": "Điểm bị trừ: {unit}, năm {year}, theo lĩnh vực, bị trừ nhiều nhất "
                      "trước",
        "sub_index": "Chỉ số thành phần %",
        "remainder": "(phần điểm tối đa không chia thành tiêu chí thành phần)",
        "gaps_total": "Tổng điểm {total}, bị trừ {lost} trên {attainable} điểm có thể đạt; "
                      "chỉ số {index}",
        "gaps_band": ", xếp loại {band}",
        "next_unknown": "Mức tiếp theo {band}: chưa biết ngưỡng",
        "next_band": "Mức tiếp theo {band}: cần thêm {needed} điểm ({basis}){reach}; "
                     "các mục riêng lẻ đủ để đạt: {codes}",
        "out_of_reach": "; không thể đạt",
        "none_alone": "không mục nào",
        "rank_in": "Xếp hạng {rank}/{of} {where}",
        "in_group": "trong nhóm",
        "overall": "chung",
        "to_pass": "Để vượt {unit} (hạng {rank}): cần thêm {more}{needed} điểm ({how}); "
                   "các mục riêng lẻ đủ để vượt: {codes}",
        "more_than": "hơn ",
        "tie_share": "bằng điểm thì đồng hạng",
        "tie_pass": "bằng điểm thì vượt (tiêu chí phụ)",
        "tie_behind": "bằng điểm thì vẫn sau (tiêu chí phụ)",
        # other tables
        "unit": "Đơn vị",
        "group": "Nhóm",
        "rank": "Hạng",
        "group_rank": "Hạng trong nhóm",
        "new_rank": "Hạng mới",
        "change": "Thay đổi",
        "new_total": "Tổng điểm mới",
        "new_band": "Xếp loại mới",
        "median_rank": "Hạng trung vị",
        "interval": "Khoảng 5–95 %",
        "band_shares": "Xếp loại (tỷ lệ lần mô phỏng)",
        "what_if": "Giả định: {description}",
        "moved": "{moved}/{units} đơn vị thay đổi thứ hạng",
        "monte_carlo": "Mô phỏng Monte Carlo: {target} ± {width}, {draws} lần, seed {seed}",
        "wrote": "đã ghi {path}",
        "progress_draws": "Mô phỏng Monte Carlo",
        "progress_units": "Chấm điểm các đơn vị",
        "mean": "Trung bình %",
        "best": "Cao nhất",
        "worst": "Thấp nhất",
        "field": "Lĩnh vực",
        "profiles_title": "Chỉ số thành phần theo lĩnh vực: {units} đơn vị",
        "printed": "công bố",
        "computed": "tính lại",
        "discrepancy": "Sai lệch",
        "error": "lỗi",
        "row": "Dòng",
        "against": "So với",
        "moved_places": "Tăng/giảm bậc",
        "discrepancy_count": "Sai lệch",
        "not_scored": "không chấm được",
        "stat_min": "thấp nhất",
        "stat_median": "trung vị",
        "stat_mean": "trung bình",
        "stat_max": "cao nhất",
        "chart_unit": "Đơn vị",
        "chart_group": "Trung bình nhóm",
        "chart_all": "Trung bình chung",
        "chart_sub_index": "Chỉ số thành phần (%)",
        "chart_rank": "Xếp hạng",
        "chart_units": "Số đơn vị",
        "chart_index": "Chỉ số (%)",
        "chart_total": "Tổng điểm",
        "chart_median": "Trung vị",
        "chart_interval": "Khoảng 5–95 %",
        "chart_base": "Xếp hạng gốc",
        "report_title": "Báo cáo Chỉ số cải cách hành chính",
        "report_unit_title": "Báo cáo Chỉ số CCHC",
        "report_units": "Số đơn vị",
        "report_total": "Tổng điểm",
        "report_index": "Chỉ số (%)",
        "report_band": "Xếp loại",
        "report_rank": "Hạng",
        "report_group_rank": "Hạng trong nhóm",
        "report_unit": "Đơn vị",
        "report_group": "Nhóm",
        "report_ranking": "Kết quả xếp hạng",
        "report_distribution": "Phân bố và ngưỡng xếp loại",
        "report_fields": "Chỉ số thành phần theo lĩnh vực",
        "report_field": "Lĩnh vực",
        "report_mean": "Trung bình (%)",
        "report_best": "Cao nhất",
        "report_worst": "Thấp nhất",
        "report_profile": "Chỉ số thành phần so với nhóm",
        "report_lost": "Điểm bị trừ",
        "report_code": "Mã",
        "report_criterion": "Tiêu chí",
        "report_points": "Điểm/tối đa",
        "report_lost_points": "Bị trừ",
        "report_comment": "Đánh giá của Hội đồng thẩm định",
        "report_shift": "Thay đổi thứ hạng",
        "report_sensitivity": "Độ nhạy của xếp hạng",
        "report_median": "Trung vị tổng điểm",
        "report_framework": "Bộ tiêu chí",
        "report_next_band": "Để đạt mức “{band}” cần thêm {points} điểm.",
        "report_pass": "Để vượt {unit} (hạng {rank}) cần thêm {more}{points} điểm.",
        "report_rest": "(phần điểm không chia thành tiêu chí thành phần)",
        "report_more": "hơn ",
        "report_lost_total": "Tổng số điểm bị trừ: {points} điểm.",
        "report_mc": "Mô phỏng Monte Carlo: {target} ± {width}, {draws} lần mô phỏng, seed {seed}; trung vị và khoảng 5–95 % của thứ hạng.",
        "report_weights": "trọng số các lĩnh vực (hệ số)",
        "report_survey_share": "tỷ trọng điều tra XHH (điểm)",
        "report_footer": "Nguồn: {source}. Bộ tiêu chí: {framework}. Lập ngày {date} bằng parindex {version}. Điểm được tính chính xác; số liệu chỉ được làm tròn khi hiển thị ({decimals} chữ số thập phân).",
        # what the engine finds (findings), how a figure arises (evidence), what one
        # assessment cannot check; the English side is the text JSON keeps
        "w_total": "tổng điểm",
        "w_appraised": "điểm thẩm định",
        "w_survey": "điểm điều tra XHH",
        "w_bonus": "điểm thưởng",
        "w_penalty": "điểm trừ",
        "w_index": "chỉ số",
        "w_points": "điểm",
        "w_band": "xếp loại",
        "w_rank": "xếp hạng",
        "w_group_rank": "xếp hạng trong nhóm",
        "finding": "{code}: {text}",
        "finding_maxima": "tổng điểm tối đa các tiêu chí thành phần là {items}, không bằng "
                          "điểm tối đa {max} (chênh lệch {difference})",
        "finding_partial": "điểm tính từ các tiêu chí thành phần, vốn chỉ chiếm {covered} "
                           "trong điểm tối đa {max}; phần {uncovered} không chia thành tiêu "
                           "chí thành phần được tính 0 điểm. Nếu tài liệu có in điểm của "
                           "mục này, hãy nhập điểm cho '{code}'",
        "finding_items_rest": "được chấm {given}; các tiêu chí thành phần cộng lại {items}, "
                              "nên {rest} thuộc phần {uncovered} của điểm tối đa không chia "
                              "thành tiêu chí thành phần",
        "finding_items": "được chấm {given}, nhưng các tiêu chí thành phần {terms} cộng lại "
                         "{items}",
        "finding_items_uncovered": " (và phần không chia thành tiêu chí thành phần chỉ có "
                                   "{uncovered})",
        "finding_assumed": "giả định (giả thuyết làm việc, không có nguồn); không công bố "
                           "kết quả dựa trên giá trị này",
        "discrepancy_line": "{what}: công bố {published}, tính lại {computed} ({evidence})",
        "ev_not_arising": "{code} không phát sinh (x)",
        "ev_given": "{code} được nhập {points} điểm trong [points]",
        "ev_items": "các tiêu chí thành phần {terms} = {values} = {points}",
        "ev_item": "tiêu chí thành phần {terms} = {points}",
        "ev_kept": " ({codes} không phát sinh, được tính {counted})",
        "ev_kept_one": " ({codes} không phát sinh, được tính {counted})",
        "ev_full_marks": "điểm tối đa",
        "ev_zero": "0 điểm",
        "ev_skipped": " ({codes} không phát sinh)",
        "ev_printed": "; số công bố {printed}",
        "ev_term": "{name} {value}",
        "ev_equals": "{terms} = {value}",
        "ev_fields": "các lĩnh vực {codes} = {value}",
        "ev_survey": "phần điều tra xã hội học",
        "ev_index": "{total} ÷ {arising_max} × 100",
        "band_why": "{basis} {value} thuộc mức {band} ({bounds})",
        "no_bands": "không có mức xếp loại",
        "un_points": "{code} {printed}: chưa đối chiếu: điểm của mục này tính từ các tiêu chí "
                     "thành phần mà bản đánh giá không cho",
        "un_index": "chỉ số {printed}: chưa đối chiếu: {why}",
        "un_band": "xếp loại {band}: chưa đối chiếu: {why}",
        "un_rank": "{what} {rank}: cần chấm điểm cùng các đơn vị khác (parindex.score_many)",
        "un_rank_group": "{what} {rank}: cần chấm điểm cùng các đơn vị khác của {group} "
                         "(parindex.score_many)",
        "no_bands_declared": "{framework} không quy định mức xếp loại",
        "no_index_unknown": "chỉ số cần điểm tối đa của {codes}, chưa có nguồn nào cho biết "
                            "(chưa biết)",
        "no_index_nothing": "không có tiêu chí nào phát sinh nên không có chỉ số",
    },
    "en": {
        "code": "Code",
        "criterion": "Criterion",
        "points_max": "Points / max",
        "lost": "Lost",
        "comment": "Comment",
        "rule": "rule",
        "appraised": "Appraised",
        "survey": "Survey",
        "bonus": "Bonus",
        "penalty": "Penalty",
        "total": "Total",
        "index": "Index",
        "band": "Band",
        "arising_max": "arising maximum {max}",
        "index_how": "total ÷ arising maximum × 100, shown to {decimals} decimals",
        "findings": "Findings (the data about itself)",
        "discrepancies": "Discrepancies (published ≠ computed)",
        "unchecked": "Not checked",
        "none": "none",
        "not_arising": "not arising",
        "lost_title": "Lost points: {unit}, {year}, by field, most lost first",
        "sub_index": "Sub-index %",
        "remainder": "(part of the maximum not itemised by the framework)",
        "gaps_total": "Total {total}, lost {lost} of {attainable} attainable; index {index}",
        "gaps_band": ", band {band}",
        "next_unknown": "Next band {band}: its threshold is unknown",
        "next_band": "Next band {band}: {needed} more points ({basis} basis){reach}; "
                     "items that alone suffice: {codes}",
        "out_of_reach": "; out of reach",
        "none_alone": "none alone",
        "rank_in": "Rank {rank}/{of} {where}",
        "in_group": "in its group",
        "overall": "overall",
        "to_pass": "To pass {unit} (rank {rank}): {more}{needed} points ({how}); items "
                   "that alone suffice: {codes}",
        "more_than": "more than ",
        "tie_share": "a tie shares the place",
        "tie_pass": "a tie passes (tie-break)",
        "tie_behind": "a tie stays behind (tie-break)",
        "unit": "Unit",
        "group": "Group",
        "rank": "Rank",
        "group_rank": "Group rank",
        "new_rank": "New rank",
        "change": "Change",
        "new_total": "New total",
        "new_band": "New band",
        "median_rank": "Median rank",
        "interval": "5–95 % interval",
        "band_shares": "Bands (share of draws)",
        "what_if": "What if: {description}",
        "moved": "{moved} of {units} units change rank",
        "monte_carlo": "Monte Carlo: {target} ± {width}, {draws} draws, seed {seed}",
        "wrote": "wrote {path}",
        "progress_draws": "Monte Carlo draws",
        "progress_units": "Scoring the units",
        "mean": "Mean %",
        "best": "Highest",
        "worst": "Lowest",
        "field": "Field",
        "profiles_title": "Sub-indices by field: {units} units",
        "printed": "printed",
        "computed": "computed",
        "discrepancy": "Discrepancy",
        "error": "error",
        "row": "Row",
        "against": "Against",
        "moved_places": "Moved",
        "discrepancy_count": "Discrepancies",
        "not_scored": "not scored",
        "stat_min": "min",
        "stat_median": "median",
        "stat_mean": "mean",
        "stat_max": "max",
        "chart_unit": "Unit",
        "chart_group": "Group mean",
        "chart_all": "Overall mean",
        "chart_sub_index": "Sub-index (%)",
        "chart_rank": "Rank",
        "chart_units": "Units",
        "chart_index": "Index (%)",
        "chart_total": "Total points",
        "chart_median": "Median",
        "chart_interval": "5–95 % interval",
        "chart_base": "Base rank",
        "report_title": "PAR INDEX report",
        "report_unit_title": "PAR INDEX report",
        "report_units": "Units",
        "report_total": "Total",
        "report_index": "Index (%)",
        "report_band": "Band",
        "report_rank": "Rank",
        "report_group_rank": "Group rank",
        "report_unit": "Unit",
        "report_group": "Group",
        "report_ranking": "Ranking",
        "report_distribution": "Distribution and band thresholds",
        "report_fields": "Sub-indices by field",
        "report_field": "Field",
        "report_mean": "Mean (%)",
        "report_best": "Highest",
        "report_worst": "Lowest",
        "report_profile": "Sub-indices against the group",
        "report_lost": "Lost points",
        "report_code": "Code",
        "report_criterion": "Criterion",
        "report_points": "Points/max",
        "report_lost_points": "Lost",
        "report_comment": "Appraisal council's comment",
        "report_shift": "Rank changes",
        "report_sensitivity": "Sensitivity of the ranking",
        "report_median": "Median total",
        "report_framework": "Framework",
        "report_next_band": "Reaching “{band}” needs {points} more points.",
        "report_pass": "Passing {unit} (rank {rank}) needs {more}{points} more points.",
        "report_rest": "(the part of its maximum not itemised by the framework)",
        "report_more": "more than ",
        "report_lost_total": "Points lost in all: {points}.",
        "report_mc": "Monte Carlo: {target} ± {width}, {draws} draws, seed {seed}; median rank and 5–95 % interval.",
        "report_weights": "field weights (factor)",
        "report_survey_share": "survey share (points)",
        "report_footer": "Source: {source}. Framework: {framework}. Made on {date} by parindex {version}. Points are exact; figures are rounded for display only ({decimals} decimals).",
        "w_total": "total",
        "w_appraised": "appraised",
        "w_survey": "survey",
        "w_bonus": "bonus",
        "w_penalty": "penalty",
        "w_index": "index",
        "w_points": "points",
        "w_band": "band",
        "w_rank": "rank",
        "w_group_rank": "group_rank",
        "finding": "{code}: {text}",
        "finding_maxima": "items' maxima add up to {items}, not to the maximum {max} "
                          "(difference {difference})",
        "finding_partial": "derived from its items, which cover {covered} of its maximum "
                           "{max}; the {uncovered} not itemised counts as 0. If the source "
                           "prints this node's points, give them for '{code}'",
        "finding_items_rest": "given {given}; its items add up to {items}, so {rest} comes "
                              "from the {uncovered} of its maximum that the framework does "
                              "not itemise",
        "finding_items": "given {given}, but its items {terms} add up to {items}",
        "finding_items_uncovered": " (and only {uncovered} is not itemised)",
        "finding_assumed": "assumed (a working hypothesis, not a source); do not publish a "
                           "result that rests on it",
        "discrepancy_line": "{what}: published {published}, computed {computed} ({evidence})",
        "ev_not_arising": "{code} did not arise (x)",
        "ev_given": "{code} given as {points} in [points]",
        "ev_items": "items {terms} = {values} = {points}",
        "ev_item": "item {terms} = {points}",
        "ev_kept": " ({codes} did not arise and count as {counted})",
        "ev_kept_one": " ({codes} did not arise and counts as {counted})",
        "ev_full_marks": "full marks",
        "ev_zero": "zero",
        "ev_skipped": " ({codes} did not arise)",
        "ev_printed": "; printed {printed}",
        "ev_term": "{name} {value}",
        "ev_equals": "{terms} = {value}",
        "ev_fields": "fields {codes} = {value}",
        "ev_survey": "the survey block",
        "ev_index": "{total} ÷ {arising_max} × 100",
        "band_why": "{basis} {value} falls in {band} ({bounds})",
        "no_bands": "no bands",
        "un_points": "{code} {printed}: not checked: its points follow from items the "
                     "assessment does not give",
        "un_index": "index {printed}: not checked: {why}",
        "un_band": "band {band}: not checked: {why}",
        "un_rank": "{what} {rank}: needs the other units scored together (parindex.score_many)",
        "un_rank_group": "{what} {rank}: needs the other units of {group} scored together "
                         "(parindex.score_many)",
        "no_bands_declared": "{framework} declares no bands",
        "no_index_unknown": "the index needs the maximum of {codes}, which no source gives "
                            "(unknown)",
        "no_index_nothing": "nothing arose, so there is no index",
    },
}


def message(lang: str, key: str, **values: object) -> str:
    """The catalogue's text for ``key`` in ``lang``, with ``values`` filled in.

    A :class:`~decimal.Decimal` value is written in the reader's number style, a
    :class:`Sentence` in ``lang``, a tuple as a list (:class:`Terms` as a sum).

    >>> message("vi", "rank_in", rank=2, of=10, where=message("vi", "in_group"))
    'Xếp hạng 2/10 trong nhóm'
    """
    if key == VERBATIM:
        return str(values["text"])
    texts = MESSAGES["vi" if lang == "vi" else "en"]
    if not values:
        return texts[key]
    return texts[key].format(**{name: _value(value, lang) for name, value in values.items()})


#: The key of a part of a :class:`Sentence` that is said as it is, in every language
#: (a unit's name, text read from a file).
VERBATIM = ""


class Terms(tuple[object, ...]):
    """Values written as a sum: ``3.5.1 + 3.5.3``, ``0,5 + 0,75``."""

    __slots__ = ()


def _value(value: object, lang: str) -> str:
    if isinstance(value, Sentence):
        return value.said(lang)
    if isinstance(value, Decimal):
        return number_text(value, lang)
    if isinstance(value, tuple):
        separator = " + " if isinstance(value, Terms) else ", "
        return separator.join(_value(item, lang) for item in value)
    return str(value)


class Sentence(str):
    """English text made from the catalogue, that can be said in Vietnamese too.

    The engine and the audit word what they find (findings, evidence, what was not
    checked) as sentences: each is the English text, so JSON fields, filters such as
    ``note.startswith("band ")`` and f-strings keep working as they did, and it carries
    the catalogue keys and values (decimals, codes) it was made from, so that output
    for people says it in their language (:func:`say`), numbers with a decimal comma.

    >>> found = Sentence("finding_maxima", max=Decimal("14.5"), items=Decimal("13.5"),
    ...                  difference=Decimal("1.0"))
    >>> found
    "items' maxima add up to 13.5, not to the maximum 14.5 (difference 1.0)"
    >>> say(found, "vi")
    'tổng điểm tối đa các tiêu chí thành phần là 13,5, không bằng điểm tối đa 14,5 (chênh lệch 1,0)'
    """

    parts: tuple[tuple[str, Mapping[str, object]], ...]

    def __new__(cls, key: str, /, **values: object) -> Sentence:
        return cls.joined(((key, values),))

    @classmethod
    def joined(cls, parts: Iterable[tuple[str, Mapping[str, object]]]) -> Sentence:
        """One sentence said part after part."""
        parts = tuple(parts)
        self = str.__new__(cls, "".join(message("en", key, **values) for key, values in parts))
        self.parts = parts
        return self

    def said(self, lang: str) -> str:
        """The sentence in ``lang`` (``vi`` or ``en``)."""
        return "".join(message(lang, key, **values) for key, values in self.parts)

    def __add__(self, other: str) -> Sentence:
        return Sentence.joined((*self.parts, *_parts(other)))

    def __radd__(self, other: str) -> Sentence:
        return Sentence.joined((*_parts(other), *self.parts))

    def __reduce__(self) -> tuple[object, ...]:
        return (Sentence.joined, (self.parts,))


def _parts(text: str) -> tuple[tuple[str, Mapping[str, object]], ...]:
    return text.parts if isinstance(text, Sentence) else ((VERBATIM, {"text": text}),)


def say(text: str, lang: str) -> str:
    """``text`` in ``lang``: a :class:`Sentence` in that language, other text as it is.

    >>> say(Sentence("ev_not_arising", code="3.5.2") + "!", "vi"), say("as it is", "vi")
    ('3.5.2 không phát sinh (x)!', 'as it is')
    """
    return text.said(lang) if isinstance(text, Sentence) else text


def language_from_locale(environ: Mapping[str, str] | None = None) -> Language:
    """The language the locale asks for: ``vi`` when it is Vietnamese, else ``en``.

    ``LC_ALL`` overrides ``LC_MESSAGES``, which overrides ``LANG`` (as POSIX says).

    >>> language_from_locale({"LANG": "vi_VN.UTF-8"}), language_from_locale({"LANG": "C"})
    ('vi', 'en')
    """
    environ = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name)
        if value:
            return "vi" if value.lower().startswith("vi") else "en"
    return "en"
