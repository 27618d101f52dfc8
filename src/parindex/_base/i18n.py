"""The message catalogue: every label people read, in Vietnamese and in English.

One catalogue, not strings scattered through the commands: a test checks that every key
exists in both languages. Terms are those of the documents themselves (Kế hoạch 69/KH-UBND
of xã Thủy Thanh, Kế hoạch 322/KH-UBND of huyện Hướng Hóa): *tiêu chí*, *điểm tối đa*,
*điểm bị trừ*, *xếp hạng*, *xếp loại*, *không phát sinh*. Numbers are written with
:func:`parindex._base.numbers.number_text` in the reader's style.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Literal

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
    },
}


def message(lang: str, key: str, **values: object) -> str:
    """The catalogue's text for ``key`` in ``lang``, with ``values`` filled in.

    >>> message("vi", "rank_in", rank=2, of=10, where=message("vi", "in_group"))
    'Xếp hạng 2/10 trong nhóm'
    """
    texts = MESSAGES["vi" if lang == "vi" else "en"]
    return texts[key].format(**values) if values else texts[key]


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
