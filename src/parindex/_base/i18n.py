"""The message catalogue: every label people read, in Vietnamese and in English.

One catalogue, not strings scattered through the commands: a test checks that every key
exists in both languages. Terms are those of the documents themselves (Kế hoạch 69/KH-UBND
of xã Thủy Thanh, Kế hoạch 322/KH-UBND of huyện Hướng Hóa): *tiêu chí*, *điểm tối đa*,
*điểm bị trừ*, *xếp hạng*, *xếp loại*, *không phát sinh*. Numbers are written with
:func:`parindex._base.numbers.number_text` in the reader's style.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Literal

from .style import number_text

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
        "moved": "{moved}/{units} đơn vị thay đổi thứ hạng, {banded}/{units} thay đổi xếp loại",
        "monte_carlo": "Mô phỏng Monte Carlo: {target} ± {width}, {draws} lần, hạt giống {seed}",
        "wrote": "đã ghi {path}",
        "progress_draws": "Mô phỏng Monte Carlo",
        "progress_units": "Chấm điểm các đơn vị",
        "progress_reading": "Đọc bảng {file}",
        "progress_report": "Soạn báo cáo",
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
        # charts of a large table (verify11: _render/charts.py): only the best units drawn
        "chart_best": "{best} đơn vị đứng đầu (trong {count} đơn vị)",
        # ties capped (polish: profiles, the report's field table, the rank charts' labels)
        "few_more": " và {count} đơn vị khác",
        # sensitivity: what-if and Monte Carlo (_analysis/sensitivity.py)
        "s_share_desc": "tỷ trọng điều tra xã hội học {share} điểm",
        "s_maxima_desc": "điểm tối đa {items}",
        "s_either": "hãy cho survey_share hoặc maxima, chỉ một trong hai",
        "s_top_unknown": "{unit}: {code} không có điểm hoặc chưa biết điểm tối đa phát sinh; "
                         "phân tích độ nhạy cần điểm của mọi lĩnh vực cấp trên cùng",
        "s_top_max_unknown": "đổi trọng số của {framework} cần điểm tối đa của {code} ({name}), mà "
                             "chưa có nguồn nào cho biết; hãy bổ sung trong một tệp bộ tiêu chí "
                             "đầy đủ",
        "s_no_survey": "{framework} không có phần điều tra xã hội học để đổi tỷ trọng",
        "s_share_range": "tỷ trọng điều tra xã hội học phải từ 0 đến {scale}, không phải "
                         "{share}",
        "s_not_top": "không phải mã lĩnh vực cấp trên cùng của {framework}: {codes}",
        "s_new_max": "điểm tối đa mới phải ≥ 0, và điểm tối đa cũ phải > 0",
        "s_width": "độ rộng (width) phải ≥ 0 và bước lưới (resolution) phải > 0",
        "s_off_grid": "{what} {value} không phải là bội số nguyên của bước lưới ({resolution})",
        "s_what_width": "độ rộng",
        "s_what_factor": "hệ số",
        "s_what_resolution": "bước lưới",
        "s_what_survey": "điểm tối đa điều tra xã hội học",
        "s_what_scale": "thang điểm",
        "s_draws": "số lần mô phỏng phải từ 1 đến {most}, không phải {draws}",
        "s_plugin_methods": "{framework} xếp hạng hoặc xếp loại bằng phương pháp của một "
                            "plugin; phân tích Monte Carlo chỉ hỗ trợ các phương pháp có sẵn "
                            "(xếp hạng competition hoặc dense, xếp loại theo ngưỡng tối thiểu)",
        "s_too_large": "với bước lưới này, tổng điểm vượt 2**53 nên không giữ được chính xác; "
                       "hãy dùng bước lưới lớn hơn",
        "s_weights_width": "nhiễu trọng số phải giữ mọi hệ số lớn hơn 0 (độ rộng < 1)",
        "s_no_fields": "{framework} không có lĩnh vực thẩm định nào để tạo nhiễu",
        "s_share_leaves": "tỷ trọng điều tra xã hội học sẽ ra ngoài khoảng từ 0 đến thang điểm",
        "s_draw_no_index": "đơn vị không có mục nào phát sinh thì không xếp hạng theo chỉ số "
                           "được",
        "s_threshold": "chưa biết ngưỡng của mức {band} trong {framework}",
        "s_draw_nothing": "{unit} không có mục nào phát sinh trong một số lần mô phỏng, nên "
                          "không có chỉ số để xếp loại",
        "s_percentile": "phân vị phải từ 0 đến 100, không phải {percent}",
        # Monte Carlo's target and a what-if's numbers, as titles say them (vilast)
        "s_target_weights": "trọng số các lĩnh vực",
        "s_target_survey_share": "tỷ trọng điều tra xã hội học",
        "s_max_item": "{code}={max}",
        # sensitivity: the API's arguments (engine)
        "s_target": "đối tượng tạo nhiễu phải là 'weights' (trọng số) hoặc "
                    "'survey_share' (tỷ trọng điều tra xã hội học), không phải {target}",
        # the improvement plan (Kế hoạch nâng cao Chỉ số CCHC), as the published plans word it
        "plan_motto_1": "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "plan_motto_2": "Độc lập - Tự do - Hạnh phúc",
        "plan_section_1": "MỤC ĐÍCH, YÊU CẦU",
        "plan_section_2": "ĐÁNH GIÁ KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH",
        "plan_section_3": "NHIỆM VỤ, GIẢI PHÁP",
        "plan_section_4": "TỔ CHỨC THỰC HIỆN",
        "plan_col_number": "STT",
        "plan_col_criterion": "Tiêu chí",
        "plan_col_lost": "Điểm bị trừ",
        "plan_col_content": "Nội dung thực hiện",
        "plan_col_lead": "Chủ trì",
        "plan_col_support": "Phối hợp",
        "plan_col_deadline": "Thời gian hoàn thành",
        "plan_col_product": "Sản phẩm",
        "plan_placeholder": "(gợi ý)",
        "plan_placeholder_note": "gợi ý mặc định, cần xác định lại trước khi ban hành.",
        "plan_placeholder_note_docx": "gợi ý mặc định (tô vàng), cần xác định lại trước khi "
                                      "ban hành.",
        "plan_replaced": "Ghi chú: {count} ký tự điều khiển trong dữ liệu (không thể lưu "
                         "trong tệp Word) đã được thay bằng ký tự \ufffd.",
        "plan_title": "KẾ HOẠCH",
        "plan_subtitle": "Nâng cao Chỉ số cải cách hành chính năm {year}",
        "plan_purpose": "Mục đích",
        "plan_requirements": "Yêu cầu",
        "plan_overall": "Kết quả chung",
        "plan_lost_fields": "Các lĩnh vực bị trừ điểm",
        "plan_general_tasks": "Nhiệm vụ, giải pháp chung",
        "plan_field_tasks": "Nhiệm vụ, giải pháp cụ thể",
        "plan_notes": "Ghi chú (không phải nhiệm vụ khắc phục)",
        "plan_note": "Ghi chú:",
        "plan_recipients": "Nơi nhận:",
        "plan_task_line": "{label} {code} – {name}: đạt {points}/{max} điểm, bị trừ {lost} "
                          "điểm.",
        "plan_council": "Đánh giá của Hội đồng thẩm định: {comment}",
        "plan_task": "Nhiệm vụ:",
        "plan_lead": "Chủ trì:",
        "plan_support": "phối hợp:",
        "plan_deadline": "thời gian hoàn thành:",
        "plan_results": "Năm {year}, {body} đạt {total}/{max} điểm (điểm thẩm định {appraised} "
                        "điểm, điểm điều tra xã hội học {survey} điểm); Chỉ số cải cách hành "
                        "chính đạt {index}{band}.",
        "plan_results_band": ", xếp loại “{band}”",
        "plan_lost_total": "Tổng số điểm bị trừ: {lost} điểm, tại {count} tiêu chí, tiêu chí "
                           "thành phần.",
        "plan_lost_total_part": "Tổng số điểm bị trừ: {lost} điểm, trong đó {part} điểm tại "
                                "{count} tiêu chí, tiêu chí thành phần.",
        "plan_next_band": "Để đạt mức “{band}” cần thêm ít nhất {needed} điểm.",
        "plan_pass": "Để vượt {unit} (hạng {rank}) cần thêm {more}{needed} điểm.",
        "plan_more": "hơn ",
        "plan_rank_published": "Theo kết quả công bố, {place} {ranks}.",
        "plan_rank_part": "xếp hạng {rank}{where}{basis}",
        "plan_rank_where": " trong {group}",
        "plan_basis_appraised": " theo điểm thẩm định",
        "plan_basis_total": " theo tổng điểm",
        "plan_basis_index": " theo Chỉ số",
        "plan_rank_computed": "Xếp hạng (tính lại từ bảng kết quả): {rank}/{of}",
        "plan_rank_computed_group": "; trong {group}: {rank}/{of}",
        "plan_group": "nhóm",
        "plan_change_unknown": "So với năm {year}: không có số liệu năm trước (chưa có kết "
                               "quả năm {year} để so sánh).",
        "plan_change": "So với năm {year} ({before}): {changes}.",
        "plan_change_printed": "Theo kết quả công bố, thứ hạng {change} so với năm trước.",
        "plan_prev_total": "{total} điểm",
        "plan_prev_index": "Chỉ số {index}",
        "plan_prev_rank": "xếp hạng {rank}",
        "plan_prev_band": "xếp loại “{band}”",
        "plan_up_total": "tổng điểm tăng {amount} điểm",
        "plan_down_total": "tổng điểm giảm {amount} điểm",
        "plan_same_total": "tổng điểm không đổi",
        "plan_up_index": "Chỉ số tăng {amount} điểm phần trăm",
        "plan_down_index": "Chỉ số giảm {amount} điểm phần trăm",
        "plan_same_index": "Chỉ số không đổi",
        "plan_up_rank": "tăng {places} bậc",
        "plan_down_rank": "giảm {places} bậc",
        "plan_same_rank": "giữ nguyên",
        "plan_rank_moved": "thứ hạng {change}",
        "plan_band_changed": "xếp loại từ “{before}” sang “{after}”",
        "plan_band_kept": "giữ xếp loại “{band}”",
        "plan_field_label": "Lĩnh vực",
        "plan_survey_label": "Điều tra xã hội học",
        "plan_loss": "{label} {code}. {name}: đạt {points}/{max} điểm, bị trừ {lost} điểm{sub}.",
        "plan_loss_sub": " (chỉ số thành phần {index})",
        "plan_survey_note": "Điểm điều tra xã hội học ({name}) đạt {points}/{max} điểm: là kết "
                            "quả khảo sát sự hài lòng của người dân, tổ chức, không phải nhiệm "
                            "vụ khắc phục riêng; được cải thiện qua việc thực hiện các nhiệm vụ "
                            "tại mục III và nâng cao chất lượng phục vụ tại Bộ phận Một cửa.",
        "plan_remainder": "{heading}: bị trừ {lost} điểm ở phần điểm tối đa của {where} mà bộ "
                          "tiêu chí không chia thành tiêu chí thành phần: cần đối chiếu kết quả "
                          "thẩm định để xác định nội dung bị trừ điểm.",
        "plan_where_field": "lĩnh vực {code}",
        "plan_where_criterion": "tiêu chí {code}",
        "plan_council_on": "Đánh giá của Hội đồng thẩm định về tiêu chí {code}: {comment}",
        "plan_field_heading": "Lĩnh vực {code}. {name}",
        "plan_penalty_heading": "Điểm trừ {code}. {name}",
        "plan_field_summary": "Đạt {points}/{max} điểm, bị trừ {lost} điểm.",
        "plan_field_comment": " Đánh giá của Hội đồng thẩm định: {comment}",
        "plan_head_local": "Chủ tịch Ủy ban nhân dân {place}",
        "plan_head_other": "Thủ trưởng cơ quan",
        "plan_body_local": "Ủy ban nhân dân {place}",
        "plan_basis_decision": "Căn cứ Quyết định số {decision} về việc ban hành {title};",
        "plan_decision_date": " ngày {date}",
        "plan_decision_issuer": " của {issuer}",
        "plan_basis_result": "Căn cứ kết quả thẩm định, công bố Chỉ số cải cách hành chính "
                             "năm {year} ({source});",
        "plan_basis_reform": "Căn cứ Kế hoạch cải cách hành chính năm {year} của {body};",
        "plan_basis_issue": "{body} ban hành Kế hoạch nâng cao Chỉ số cải cách hành chính năm "
                            "{year} như sau:",
        "plan_goal_band": "Phấn đấu năm {year}, Chỉ số cải cách hành chính đạt mức “{band}” "
                          "trở lên",
        "plan_goal_keep": "Phấn đấu năm {year} giữ vững mức “{band}”",
        "plan_goal_raise": "Phấn đấu năm {year} nâng cao Chỉ số cải cách hành chính",
        "plan_purpose_1": "Khắc phục những tồn tại, hạn chế trong thực hiện công tác cải cách "
                          "hành chính năm {year} đã được Hội đồng thẩm định chỉ ra; xác định cụ "
                          "thể nhiệm vụ, giải pháp và trách nhiệm của từng bộ phận, cá nhân để "
                          "nâng cao điểm số các lĩnh vực, tiêu chí, tiêu chí thành phần.",
        "plan_purpose_2": "{goal}; thứ hạng đạt từ {blank}/{blank} trở lên.",
        "plan_requirement_1": "Thực hiện đồng bộ với Kế hoạch cải cách hành chính năm {year}; "
                              "không để tái phạm bị trừ điểm do nguyên nhân chủ quan.",
        "plan_requirement_2": "Các nhiệm vụ được phân công cụ thể, rõ người chủ trì, thời gian "
                              "hoàn thành và sản phẩm (Phụ lục kèm theo); tài liệu kiểm chứng "
                              "đầy đủ, đúng yêu cầu của từng tiêu chí.",
        "plan_requirement_3": "Đề cao trách nhiệm của người đứng đầu; cải thiện Chỉ số cải cách "
                              "hành chính là nhiệm vụ thường xuyên của toàn cơ quan.",
        "plan_general_1": "Quán triệt, triển khai kịp thời các văn bản chỉ đạo của cấp trên về "
                          "cải cách hành chính; hoàn thành 100 % nhiệm vụ của Kế hoạch cải cách "
                          "hành chính năm {year}.",
        "plan_general_2": "Lưu trữ, cập nhật tài liệu kiểm chứng ngay khi hoàn thành từng nhiệm "
                          "vụ, đúng thời gian và đúng yêu cầu của tiêu chí, để tự đánh giá, "
                          "chấm điểm chính xác.",
        "plan_organisation_1": "Các bộ phận, công chức được giao chủ trì tại Phụ lục kèm theo "
                               "Kế hoạch này xây dựng nội dung cụ thể và tổ chức thực hiện đúng "
                               "thời gian; định kỳ hằng quý báo cáo kết quả về {coordinator} để "
                               "tổng hợp.",
        "plan_organisation_2": "{coordinator} theo dõi, đôn đốc, tổng hợp kết quả thực hiện, "
                               "báo cáo {head}.",
        "plan_organisation_3": "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các bộ "
                               "phận, công chức kịp thời báo cáo {head} để xem xét, giải "
                               "quyết./.",
        "plan_issuer_local": "ỦY BAN NHÂN DÂN",
        "plan_number_local": "Số: {blank}/KH-UBND",
        "plan_number_other": "Số: {blank}/KH-{blank}",
        "plan_place_date": "{place}, ngày {blank} tháng {blank} năm {year}",
        "plan_recipient_1": "- Các bộ phận, công chức có liên quan;",
        "plan_recipient_3": "- Lưu: VT.",
        "plan_signature_local_1": "TM. ỦY BAN NHÂN DÂN",
        "plan_signature_local_2": "CHỦ TỊCH",
        "plan_signature_other": "THỦ TRƯỞNG CƠ QUAN",
        "plan_appendix": "Phụ lục",
        "plan_appendix_title": "PHÂN CÔNG NHIỆM VỤ NÂNG CAO CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM "
                               "{year}",
        "plan_appendix_attached": "(Kèm theo Kế hoạch số {blank}/KH-UBND ngày {blank} của "
                                  "{issuer})",
        "plan_issuer_short": "UBND {place}",
        "plan_label_sub": "Tiêu chí thành phần",
        "plan_label_criterion": "Tiêu chí",
        "plan_label_field": "Lĩnh vực",
        # the council's words are quoted, not called a shortcoming: some only record
        # ("Có thư xin lỗi", "Thống nhất kết quả chấm điểm ...")
        "plan_content_comment": "Rà soát, khắc phục nội dung bị trừ điểm theo đánh giá của Hội "
                                "đồng thẩm định (“{comment}”); thực hiện đầy đủ yêu cầu của "
                                "{label} {code}, bảo đảm đạt {max} điểm năm {year}.",
        "plan_content": "Rà soát nguyên nhân bị trừ điểm; thực hiện đầy đủ yêu cầu của {label} "
                        "{code} – {name}, bảo đảm đạt {max} điểm năm {year}.",
        "plan_content_penalty": "Không để phát sinh trường hợp bị trừ điểm theo {label} {code} "
                                "– {name} trong năm {year}.",
        "plan_support_commune": "Các công chức chuyên môn có liên quan",
        "plan_support_other": "Các cơ quan, đơn vị có liên quan",
        "plan_deadline_default": "Trong năm {year}",
        "plan_product": "Tài liệu kiểm chứng đáp ứng yêu cầu {label} {code}",
        "plan_post_justice": "Công chức Tư pháp – Hộ tịch",
        "plan_post_one_stop": "Công chức làm việc tại Bộ phận Một cửa",
        "plan_post_finance": "Công chức Tài chính – Kế toán",
        "plan_post_office": "Công chức Văn phòng – Thống kê",
        "plan_post_district_justice": "Phòng Tư pháp",
        "plan_post_district_office": "Văn phòng HĐND và UBND",
        "plan_post_district_finance": "Phòng Tài chính – Kế hoạch",
        "plan_post_district_it": "Phòng Văn hóa và Thông tin",
        "plan_post_district_home": "Phòng Nội vụ",
        "plan_post_other": "Văn phòng",
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
        "report_partial_ranks": "Thứ hạng ở đây là thứ hạng giữa {count} đơn vị của báo cáo "
                                "này, ít hơn số đơn vị được xếp hạng trong kết quả công bố: "
                                "{printed}.",
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
        "report_mc": "Mô phỏng Monte Carlo: {target} ± {width}, {draws} lần mô phỏng, hạt giống {seed}; trung vị và khoảng 5–95 % của thứ hạng.",
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
        # validate, rule, frameworks, plugins
        "valid_framework": "{file}: bộ tiêu chí {framework} hợp lệ ({nodes} mục)",
        "valid_overlay": "{file}: tệp bổ sung (overlay) hợp lệ: {framework} dựa trên {base} "
                         "({nodes} mục)",
        "valid_assessment": "{file}: bản đánh giá hợp lệ của {unit} theo {framework}",
        "warning_line": "  cảnh báo: {text}",
        "unknown_line": "  chưa biết: {text}",
        "assumed_line": "  giả định: {text}",
        "nothing_unknown": "  không có thông tin nào chưa biết",
        "rule_line": "  quy tắc {kind}, {status}",
        "status_seed": "văn bản gốc",
        "status_read": "nguồn đã đọc",
        "status_inferred": "suy luận",
        "status_assumed": "giả định",
        "status_unknown": "chưa biết",
        "frameworks_title": "Các bộ tiêu chí đã cài đặt",
        "fw_id": "Mã bộ tiêu chí",
        "fw_index": "Chỉ số",
        "ik_par-index": "Chỉ số CCHC",
        "ik_papi": "PAPI",
        "ik_service-index": "Chỉ số phục vụ",
        "fw_basis": "Căn cứ",
        "fw_years": "Năm",
        "fw_max": "Điểm tối đa",
        "fw_nodes": "Số mục: văn bản gốc/nguồn đã đọc/suy luận/giả định/chưa biết",
        "fw_plugin": "Plugin",
        "derived_from": ", dựa trên {base}",
        "companion_of": " (chỉ số đi kèm: {kind})",
        "completeness_line": "{nodes} mục: {seed} văn bản gốc, {read} nguồn đã đọc, "
                             "{inferred} suy luận, {assumed} giả định, {unknown} chưa biết; "
                             "cách chấm: {rules}",
        "plugins_title": "Các plugin đã cài đặt",
        "pl_name": "Tên",
        "pl_distribution": "Gói cài đặt",
        "pl_version": "Phiên bản",
        "pl_status": "Trạng thái",
        "pl_frameworks": "Bộ tiêu chí / lỗi",
        "plugin_ok": "hoạt động",
        "plugin_error": "lỗi",
        "plugin_disabled": "đã tắt",
        "rules_given": "nhập điểm trực tiếp",
        # the built-in rule kinds, as frameworks --completeness counts them (with the id: it
        # is what a framework file writes)
        "rk_points": "nhập điểm trực tiếp (points)",
        "rk_unknown": "chưa biết cách chấm (unknown)",
        "rk_yes-no": "có/không (yes-no)",
        "rk_proportional": "theo tỷ lệ (proportional)",
        "rk_threshold": "theo bậc ngưỡng (threshold)",
        "rk_deduction": "trừ điểm theo số lần (deduction)",
        "rk_mean-percent": "trung bình các tỷ lệ % (mean-percent)",
        "rk_weighted-percent": "trung bình có trọng số các tỷ lệ % (weighted-percent)",
        "rk_answer-scale": "thang câu trả lời (answer-scale)",
        # bands
        "w_count": "số đơn vị",
        "w_percent": "tỷ lệ",
        "w_population": "tổng số đơn vị",
        "ev_table_holds": "bảng có {units} đơn vị",
        "ev_counts_add_up": "các số đơn vị cộng lại {terms} = {total}",
        "ev_fall_in": "{count} đơn vị trong bảng thuộc mức {band}",
        "ev_percent": "{count} ÷ {base} × 100 = {exact}, {rounding}",
        "ev_exact": "{value}{more}",
        "rounded_to": "làm tròn đến {places} chữ số thập phân, {how}",
        "rounding_half-up": "từ 5 trở lên thì làm tròn lên",
        "rounding_truncate": "bỏ phần thừa",
        "rounding_half-even": "làm tròn về số chẵn",
        "rounding_default": " (mặc định: bộ tiêu chí không quy định cách làm tròn)",
        "un_unbanded": "số đơn vị: {count} đơn vị chưa tính được xếp loại ({units}); các số "
                       "đơn vị được đối chiếu không tính các đơn vị này",
        "un_percent_no_count": "{band}: tỷ lệ {printed}: chưa đối chiếu: không có số đơn vị "
                               "công bố cho mức này",
        "un_percent_no_units": "{band}: tỷ lệ {printed}: chưa đối chiếu: không có đơn vị nào",
        "dist_title": "{units} đơn vị, tỷ lệ % {rounding}",
        "col_band": "Xếp loại",
        "col_count": "Số đơn vị",
        "col_percent": "Tỷ lệ %",
        "col_published": "Công bố",
        "no_band_for": "Chưa tính được xếp loại cho: {units}",
        "published_distribution": "Phân bố đã công bố ({source}):",
        "published_of": "trên tổng số {units} đơn vị",
        # bands --published and distribution files (--distribution)
        "bd_not_an_item": "{item} không có dạng mức=số đơn vị (ví dụ Tốt=62, hoặc Tốt=62 "
                          "(45,59%))",
        "bd_not_a_band_named": "{name} không phải là mức xếp loại của {framework} ({bands})",
        "bd_not_a_band": "không phải là mức xếp loại của {framework} ({bands})",
        "bd_twice": "{band} được cho hai lần",
        "bd_bands_table": "cần một bảng [bands] gồm các dòng mức xếp loại = số đơn vị",
        "bd_count": "cần số đơn vị (một số nguyên ≥ 0)",
        "bd_population": "cần tổng số đơn vị (một số nguyên ≥ 1)",
        # compare
        "renamed": "đổi tên",
        "merged": "sáp nhập",
        "mean_of": "trung bình của {units}",
        "field_changes": "Thay đổi điểm theo lĩnh vực",
        "only_old": "Chỉ có trong bảng cũ",
        "only_new": "Chỉ có trong bảng mới",
        "not_scored_units": "Không chấm được",
        "not_comparable": "Không so sánh được",
        "lineage_problems": "Lỗi trong tệp lịch sử đơn vị",
        "printed_discrepancies": "Sai lệch (số công bố ≠ số tính lại)",
        "note_against": "{unit} so với {against}: {note}",
        "notes": "Ghi chú",
        "all_units": "Mọi đơn vị",
        "field_only_in": "lĩnh vực {code} ({name}) chỉ có trong {framework}",
        "field_maxima": "lĩnh vực {code}: điểm tối đa {old_max} trong {old}, {new_max} trong "
                        "{new}",
        "points_not_comparable": ": điểm không so sánh được",
        "totals_not_comparable": "tổng điểm tối đa {old_max} trong {old}, {new_max} trong "
                                 "{new}: tổng điểm không so sánh được; chỉ số (tỷ lệ %) so "
                                 "sánh được",
        "bands_differ": "mức xếp loại của hai bộ tiêu chí khác nhau: xếp loại thay đổi có "
                        "thể do ngưỡng thay đổi",
        "ranked_among": "xếp hạng trong số {old} đơn vị năm {old_year}, {new} đơn vị năm "
                        "{new_year}",
        "group_changed": "nhóm {old} năm {old_year}, {new} năm {new_year}",
        "unweighted_mean": "trung bình cộng không trọng số của các đơn vị trước sáp nhập "
                           "(không biết dân số hay trọng số); thứ hạng và xếp loại không lấy "
                           "trung bình",
        "ranks_only_both": "tổng điểm, chỉ số, xếp loại và điểm: cả hai bảng chỉ có thứ hạng",
        "ranks_only_one": "tổng điểm, chỉ số, xếp loại và điểm: một bảng chỉ có thứ hạng",
        "unit_old": "{unit} (bảng cũ)",
        "unit_new": "{unit} (bảng mới)",
        "move_disagrees": "{unit}: công bố {printed} ({printed_change}), nhưng {old} → {new} "
                          "là {moved} ({change})",
        # lineage files (compare --lineage)
        "ln_tables": "hãy viết các bảng [[{kind}]]",
        "ln_table": "cần một bảng",
        "ln_new": "hãy ghi tên đơn vị mới",
        "ln_old": "hãy ghi tên (các) đơn vị cũ",
        "ln_rename_one": "đổi tên thì chỉ có một tên cũ; nếu nhiều đơn vị hợp thành một, hãy "
                         "dùng [[merged]]",
        "ln_new_table": "tệp lịch sử đơn vị: bảng mới: {problem}",
        "ln_old_table": "tệp lịch sử đơn vị: bảng cũ: {problem}",
        # reproduce: ranks and the table's own arithmetic
        "rank_incomplete": "không tính và không đối chiếu thứ hạng: có dòng không đọc hoặc "
                           "không chấm được, mà xếp hạng cần đủ mọi đơn vị",
        "rank_years": "chưa đối chiếu thứ hạng công bố: bảng gồm nhiều năm [{years}]",
        "not_checked_why": "chưa đối chiếu: {why}",
        "no_ranks": "không có thứ hạng: {why}",
        "figure_note": "{what} {printed}: {note}",
        "figure_not_checked": "{what} {printed}: chưa đối chiếu: {why}",
        "un_ranks_only": "{what} {printed}: chưa đối chiếu: bảng chỉ có thứ hạng, không có "
                         "điểm để xếp hạng",
        "row_not_scored": "dòng này không chấm điểm được",
        "row_not_scored_why": "dòng này không chấm điểm được: {why}",
        "extract_top": "{above} đơn vị trong bảng xếp trên, và phần đầu của bảng xếp hạng "
                       "{population} đơn vị có đủ mọi đơn vị xếp trên",
        "extract_bottom": "{below} đơn vị khác trong bảng xếp bằng hoặc dưới, và phần cuối "
                          "của bảng xếp hạng {population} đơn vị có đủ mọi đơn vị xếp dưới",
        "printed_among": "công bố trong số {of} đơn vị, nhưng có {population} đơn vị được "
                         "xếp hạng",
        "printed_among_scored": "{what} {printed}: công bố trong số {of} đơn vị, nhưng có "
                                "{scored} đơn vị được chấm cùng nhau",
        "extract_ranks": "{value} xếp thứ {rank}/{population}: {how}",
        "extract_between": "{value}: {above} đơn vị trong bảng xếp trên và {below} đơn vị "
                           "bằng hoặc dưới, nên trong {population} đơn vị xếp từ thứ "
                           "{lowest} đến thứ {highest}",
        "between": "trong khoảng từ thứ {lowest} đến thứ {highest}",
        "at_least": "không cao hơn thứ {lowest}",
        "extract_unchecked": "xếp hạng {printed}: chưa đối chiếu: bảng không có đủ mọi đơn "
                             "vị xếp trên cũng như mọi đơn vị xếp dưới trong {population} "
                             "đơn vị; các đơn vị trong bảng đặt đơn vị này {bounds}, và thứ "
                             "hạng công bố nằm trong khoảng đó",
        "extract_group": "xếp hạng trong nhóm {printed}: chưa đối chiếu: bảng là trích "
                         "đoạn của {population} đơn vị, mà xếp hạng trong nhóm cần đủ mọi "
                         "đơn vị của nhóm",
        "ranks_of": "{value} xếp thứ {rank}/{of}{on}",
        "on_basis": " theo {basis}",
        "tied_with": ", bằng điểm với {units}",
        "follows_printed": "{what} {printed} theo đúng số công bố của {units} (xem sai lệch "
                           "của các đơn vị này); nếu theo số tính lại thì là {computed}",
        "above_max": "vượt điểm tối đa {max}",
        "below_zero": "nhỏ hơn 0",
        "outside_range": "{printed} {where} của {code} ({name}); tính theo số công bố",
        "index_implies": "chỉ số {printed}: bảng cho điểm ở cấp trên các tiêu chí thành "
                         "phần, nên không biết tiêu chí nào không phát sinh; chỉ số công bố "
                         "ứng với điểm tối đa phát sinh khoảng {implied}, mà {framework} "
                         "cho phép (từ {low} đến {high}); tính trên {high}: {computed}",
        "band_admissible": "xếp loại {band}: là xếp loại của một chỉ số trong khoảng "
                           "{lowest} đến {highest}, mà bảng cho phép",
        "items_sum": "các tiêu chí thành phần {terms} = {points}",
        "items_sum_uncovered": " (và {uncovered} của điểm tối đa không chia thành tiêu chí "
                               "thành phần)",
        "row_at": "dòng {row}, ",
        "summary_column": "Bảng không có điểm từng lĩnh vực: cột {column} được đọc là điểm "
                          "của {name} (tối đa {max})",
        "columns_not_read": "Các cột không đọc",
        "columns_not_read_why": "(tiêu đề không nhận ra; khai báo trong tệp ánh xạ)",
        "row_skipped": "Bỏ qua dòng {row}: {why}",
        # the table kernel and gaps() of a batch, called amiss (library callers)
        "a_value_at_shape": "value_at phải có dạng (số đơn vị, {leaves}), mỗi cột một "
                            "tiêu chí cấp cuối của {framework}; nhận được {shape}",
        "a_gaps_needs_result": "gaps() của một BatchResult cần kết quả của chính đơn vị "
                               "(result=parindex.score(...))",
        # report_html() called amiss (library callers)
        "a_report_lang": "lang phải là một trong {languages}, không phải {given}",
        "a_report_needs_result": "report_html() của một BatchResult có unit cần kết quả của "
                                 "chính đơn vị (parindex.score)",
        "a_result_of_other": "kết quả được cho là của {given}, không phải của {unit}",
        # validate --conformance
        "conformance_of": "kiểm tra tính phù hợp của {framework} ({mode}): {verdict} "
                          "({counts})",
        "strict": "nghiêm ngặt",
        "not_strict": "không nghiêm ngặt",
        "passes": "đạt",
        "fails": "KHÔNG ĐẠT",
        "count_error": "{count} lỗi",
        "count_unfinished": "{count} chưa hoàn thiện",
        "count_note": "{count} ghi chú",
        "title_error": "lỗi (luôn không đạt):",
        "title_unfinished": "chưa hoàn thiện (giá trị tạm và thông tin chưa có nguồn; không "
                            "đạt khi kiểm tra nghiêm ngặt):",
        "title_note": "ghi chú (chỉ để biết, không làm không đạt):",
        "at_line": "dòng {line}",
        "unitemized_declares": "; unitemized = {unitemized} khai báo phần chênh lệch này",
        "no_source": "chưa có nguồn nào cho biết",
        "ranked_not_banded": "không có mức xếp loại: các đơn vị được xếp hạng, không xếp loại",
        # new-plugin
        "would_create": "sẽ tạo {directory}/ ({distribution}, tên plugin {name}, bộ tiêu chí "
                        "{framework}):",
        "created": "đã tạo {directory}/ ({distribution}, tên plugin {name}, bộ tiêu chí "
                   "{framework}):",
        "next_step": "bước tiếp theo:",
        # import
        "bands_read": "parindex: mức xếp loại đọc từ phụ lục: {bands}",
        "band_from": "{band} từ {min}",
        "still_to_supply": "parindex: còn phải bổ sung hoặc sửa trước khi chấm điểm hoặc "
                           "công bố:",
        "overlay_filled": "parindex: {framework}: đã điền {known} điểm tối đa, thêm {added} "
                          "mục; tổng điểm tối đa {total}",
        "still_unknown": "parindex: vẫn chưa biết (không chấm điểm được khi một giá trị "
                         "chưa biết quyết định kết quả):",
        # how a leaf's rule turns figures into points (parindex rule, score)
        "rule_yes_no": "{input} = {value} → {points}",
        "rule_ratio": "{numerator} {part} ÷ {denominator} {whole}",
        "rule_percent": "{value} %",
        "rule_equals": "{left} = {right}",
        "rule_share": "{max} × tỷ lệ",
        "rule_divided": " ÷ {by}",
        "rule_capped": " = {raw}…, giới hạn ở {cap}",
        "rule_floored": " = {raw}…, nâng lên mức sàn {floor}",
        "rule_proportional": "{text}; {scale}, làm tròn đến {decimals} chữ số thập phân (từ "
                             "5 trở lên làm tròn lên) = {points}",
        "rule_figure": "{name} {value}",
        "rule_step": "{text} ≥ {min} → {points}",
        "rule_below_steps": "{text}, dưới mọi mức → {points}",
        "rule_deduction": "{max} − {per} × {input} {count}, không thấp hơn {floor} = {points}",
        "rule_mode_half-up": "từ 5 trở lên làm tròn lên",
        "rule_mode_half-even": "làm tròn về số chẵn",
        "rule_mode_down": "bỏ phần thừa",
        "rule_rounded": "làm tròn đến {decimals} chữ số thập phân, {mode}",
        "rule_rounded_one": "làm tròn đến {decimals} chữ số thập phân, {mode}",
        "rule_mean": "trung bình {count} tỷ lệ: ({terms}) ÷ {count} = {total} ÷ {count} = "
                     "{mean} %; {max} × {mean} % = {scaled}, {rounding} = {points}",
        "rule_weighted_term": "{weight} × {name} {value}",
        "rule_weighted": "trung bình có trọng số: ({terms}) ÷ {weights} = {mean} %; {max} × "
                         "{mean} % = {scaled}, {rounding} = {points}",
        "rule_times": "{count} × {points}",
        "rule_scale": "các câu trả lời {labels}: ({terms}) ÷ {total} câu trả lời = {exact}, "
                      "{rounding} = {points}",
        # errors and warnings: where a problem is, and the prefixes of every message on stderr
        "problem_line": "dòng {line}: ",
        "problem_criterion": "tiêu chí {code}",
        "problem_criterion_after": " tiêu chí {code}",
        "cli_error": "parindex: lỗi: {text}",
        "cli_warning": "parindex: cảnh báo: {text}",
        "cli_note": "parindex: lưu ý: {text}",
        "more_problems": "... và {count} lỗi tương tự khác (danh sách đầy đủ: --json, hoặc API "
                         "Python)",
        "or": " hoặc ",
        "e_extra": "việc này cần gói {package}, thuộc phần bổ sung {extra} của parindex: pip "
                   "install 'parindex[{extra}]'",
        "e_no_such_file": "không có tệp này",
        "e_cannot_read": "không đọc được: {reason}",
        "e_cannot_write": "không ghi được: {reason}",
        "e_not_a_file": "là {kind}, không phải một tệp",
        "e_not_a_file_to_write": "là {kind}; hãy cho một tệp để ghi",
        "kind_directory": "một thư mục",
        "kind_fifo": "một FIFO (ống có tên)",
        "kind_device": "một thiết bị",
        "kind_socket": "một socket",
        "e_too_large": "có {size} byte, vượt giới hạn {limit} byte của một tệp đầu vào",
        "e_over_limit": "vượt giới hạn {limit} byte của một tệp đầu vào",
        "e_replaces_input": "tệp kết quả sẽ ghi đè lên tệp đầu vào {source}; hãy chọn tệp kết "
                            "quả khác",
        "e_unknown_suffix": "phần mở rộng {suffix} không được hỗ trợ; hãy cho tệp có đuôi "
                            "{allowed}",
        "no_suffix": "'(không có phần mở rộng)'",
        "e_no_such_directory": "không có thư mục {directory}",
        "os_ENOENT": "không có tệp hoặc thư mục này",
        "os_EACCES": "không có quyền truy cập",
        "os_EPERM": "không được phép thực hiện",
        "os_ENOSPC": "hết chỗ trống trên đĩa",
        "os_EROFS": "hệ thống tệp chỉ cho phép đọc",
        "os_EISDIR": "là một thư mục",
        "os_ENOTDIR": "không phải là thư mục",
        "os_EEXIST": "tệp đã tồn tại",
        "w_framework_conflict": "bộ tiêu chí {framework} không được liệt kê: có nhiều plugin "
                                "cùng cung cấp ({plugins}); hãy gỡ bỏ một plugin, hoặc tắt bằng "
                                "PARINDEX_DISABLE_PLUGINS",
        "w_plugin_failed": "plugin {name} ({distribution}) bị lỗi và đã được bỏ qua: {error}",
        "w_plugin_slow": "plugin {name} ({distribution}) mất {seconds} giây để nạp và đăng ký",
        # an assessment against its framework
        "n_digits": "{value} có {digits} chữ số có nghĩa; parindex đọc chính xác tối đa {max} "
                    "chữ số",
        "n_too_large": "{value} quá lớn: parindex đọc các số nhỏ hơn 10^{exponent}",
        "n_places": "{value} có {places} chữ số thập phân; parindex đọc tối đa {max}",
        "n_boolean": "{value} là giá trị đúng/sai, không phải một số",
        "n_float": "{value} là số thực dấu phẩy động nhị phân; hãy cho điểm bằng số thập phân "
                   "chính xác",
        "n_big_integer": "số nguyên {bits} bit quá lớn: parindex đọc các số nhỏ hơn 10^{exponent}",
        "n_decimal_comma": "{value} dùng dấu phẩy thập phân; hãy viết {fixed} (số trong tệp "
                           "TOML dùng dấu chấm thập phân)",
        "n_not_a_number": "{value} không phải là một số",
        "n_not_finite": "{value} không phải là một số hữu hạn",
        "n_date": "một ngày hoặc giờ ({value})",
        "n_table": "một bảng",
        "n_array": "một mảng ({count} giá trị)",
        "e_rank_start": "thứ hạng bắt đầu từ 1",
        "e_rank_beyond": "hạng {rank} vượt quá số {of} đơn vị được xếp hạng",
        "e_toml_invalid": "không phải tệp TOML hợp lệ: {detail}",
        "e_nest_deep": "không phải tệp của parindex: mảng hoặc bảng lồng nhau quá sâu",
        "e_loose_number": "{written} có {why}, điều mà số trong tệp TOML không được có; hãy "
                          "viết {fixed}",
        "why_leading_zero": "chữ số 0 ở đầu",
        "why_bare_point": "không có chữ số trước dấu thập phân",
        "e_given_twice": "được khai báo hai lần; mỗi khóa chỉ khai báo một lần",
        "e_given_twice_first": "được khai báo hai lần (lần đầu ở dòng {line}); mỗi khóa chỉ "
                               "khai báo một lần",
        "e_not_utf8": "không phải văn bản UTF-8 (byte {byte} không hợp lệ); hãy lưu tệp với "
                      "bảng mã UTF-8",
        "e_unknown_key_close": "khóa không hợp lệ; có phải là {close}?",
        "e_unknown_key_allowed": "khóa không hợp lệ; các khóa được dùng: {allowed}",
        "e_missing": "thiếu",
        "e_expected_got": "cần {kind}, nhưng nhận được {value}",
        "kind_text": "văn bản",
        "kind_whole": "một số nguyên",
        "kind_table": "một bảng",
        "kind_array": "một mảng",
        "kind_number": "một số",
        "kind_date": "một ngày",
        "e_control": "chứa ký tự điều khiển {control}; hãy xóa ký tự này",
        "e_not_one_of": "{value} không thuộc các giá trị {options}",
        "e_same_code": "{code} là cùng một mã với {first} (chỉ khác khoảng trắng hoặc dạng "
                       "Unicode); chỉ khai báo một lần",
        "e_not_assessment": "đây là tệp {what} (có {keys}), không phải bản đánh giá: bản đánh "
                            "giá có framework, unit, year và [points]; hãy dùng tệp này với "
                            "parindex validate, hoặc với --framework",
        "what_overlay": "bổ sung (overlay)",
        "what_framework": "bộ tiêu chí",
        "e_framework_id": "{framework} không phải mã bộ tiêu chí dạng tỉnh/cấp/năm (ví dụ "
                          "'thua-thien-hue/commune/2022')",
        "e_unit_empty": "tên đơn vị để trống",
        "e_dotted_code": "mã có dấu chấm phải đặt trong ngoặc kép: viết \"{code}\" = ..., không "
                         "viết {code} = ... (TOML đọc khóa có dấu chấm không có ngoặc kép thành "
                         "các bảng lồng nhau)",
        "e_comment_text": "ghi chú phải là văn bản",
        "e_inputs_table": "hãy cho các số liệu dưới dạng bảng, ví dụ \"3.4.1\" = { on_time = "
                          "489, total = 493 }",
        "e_not_a_rank": "{value} không phải thứ hạng dạng \"2/10\" hoặc 7",
        "e_band_text": "xếp loại là một tên, viết dạng văn bản",
        "e_rank_basis": "rank_basis là \"total\", \"appraised\" hoặc \"index\"",
        "e_neither_file": "không phải bộ tiêu chí (không có [criteria]) cũng không phải bản "
                          "đánh giá (không có [points])",
        "e_other_framework": "bản đánh giá ghi bộ tiêu chí {named}, nhưng đang được chấm theo "
                             "{framework}",
        "e_years": "{framework} áp dụng cho các năm đánh giá {years}, không áp dụng cho năm {year}",
        "e_not_a_criterion": "{code} không phải là tiêu chí của {framework}",
        "e_did_you_mean": "; có phải là {close}?",
        "e_negative_points": "{value} là số âm; điểm nằm trong khoảng từ 0 đến điểm tối đa",
        "e_penalty_positive": " (điểm trừ được ghi là số dương)",
        "e_above_max": "{value} vượt điểm tối đa {max} của {code} ({name})",
        "e_no_points": "chưa có điểm của {code} ({name}); hãy cho điểm, hoặc \"x\" nếu tiêu chí "
                       "không phát sinh",
        "e_figures_for_leaves": "số liệu chỉ cho tiêu chí không có tiêu chí thành phần; {code} "
                                "({name}) có tiêu chí thành phần, hãy cho số liệu của chúng",
        "e_points_and_figures": "{code} được cho cả điểm và số liệu; chỉ cho một trong hai",
        # results tables and mapping files
        "t_no_column_for": "không có cột nào cho điểm của {fields}; hãy thêm các cột này (theo "
                           "mã, ví dụ 'Lĩnh vực 1'), hoặc khai báo tiêu đề cột trong tệp ánh xạ",
        "t_columns_not_read": " (các cột không đọc: {headers})",
        "t_code_name": "{code} ({name})",
        "t_mapping_meaning": "hãy cho tên cột hoặc mã tiêu chí, dạng văn bản",
        "t_whole_number": "cần một số nguyên ≥ 1",
        "t_sheet_name": "cần tên trang tính, dạng văn bản",
        "t_workbook_format": "parindex không đọc tệp {suffix}; hãy mở tệp bằng LibreOffice hoặc "
                             "Excel và lưu dưới dạng .xlsx (Excel workbook) hoặc .csv (UTF-8)",
        "t_unknown_format": "định dạng bảng {suffix} không được hỗ trợ; hãy cho tệp .csv, .tsv, "
                            ".xlsx, .json hoặc .toml",
        "t_not_utf8": "không phải văn bản UTF-8 (byte {byte} không hợp lệ); hãy lưu bảng dưới "
                      "dạng CSV UTF-8",
        "t_nul": "chứa byte NUL (U+0000): không phải bảng dạng văn bản; hãy lưu lại dưới dạng "
                 "CSV UTF-8",
        "t_unreadable": "không đọc được bảng: {detail}",
        "t_unreadable_xlsx": "không đọc được tệp .xlsx: {detail}",
        "t_unreadable_sheet": "không đọc được tệp .xlsx: trang tính {sheet}: {detail}",
        "t_no_sheet": "không có trang tính {sheet}; tệp có các trang tính {sheets}",
        "t_sheet_not_workbook": "tệp {suffix} không có trang tính; chỉ chọn trang tính "
                                "({sheet}) cho tệp .xlsx",
        "t_population_rows": "population {population} ít hơn {rows} đơn vị có trong bảng: "
                             "population là số đơn vị đã được xếp hạng, bảng là phần trích "
                             "ra từ đó",
        "t_sheet_cells": "trang tính {sheet} có hơn {max} ô; một bảng kết quả có ít hơn nhiều",
        "t_sheet_declares": "trang tính {sheet} khai báo {rows} dòng × {columns} cột ({cells} "
                            "ô); parindex chỉ đọc trang tính có tối đa {max} ô: hãy xóa các "
                            "dòng và cột trống ngoài bảng rồi lưu lại",
        "t_no_header": "không tìm thấy dòng tiêu đề: trong {rows} dòng đầu không có dòng nào có "
                       "cột tên đơn vị (ví dụ 'unit' hoặc 'Tên đơn vị') và một cột khác đã "
                       "biết; hãy khai báo tiêu đề cột trong tệp ánh xạ",
        "t_no_points_columns": "không có cột nào cho điểm theo mã tiêu chí của {framework} (ví "
                               "dụ {codes}); parindex tính lại mọi số liệu từ điểm: hãy thêm "
                               "các cột điểm lĩnh vực, hoặc khai báo tiêu đề cột trong tệp ánh "
                               "xạ",
        "t_no_year": "không có năm: bảng không có cột năm mà {framework} áp dụng cho nhiều năm; "
                     "hãy cho năm (--year, hoặc year trong tệp ánh xạ)",
        "t_cells_beyond": "{count} ô nằm ngoài {columns} cột của dòng tiêu đề (ô đầu tiên ở cột "
                          "{column}: {text}) không được đọc; hãy đặt tiêu đề cho các ô này hoặc "
                          "xóa đi",
        "t_no_unit": "dòng này không có tên đơn vị",
        "t_not_a_unit": "{text} không phải là đơn vị",
        "t_unit_twice": "đơn vị {unit} xuất hiện hai lần (lần đầu ở dòng {row})",
        "t_empty": "không có dòng đơn vị nào dưới dòng tiêu đề (dòng {row}): bảng trống",
        "t_two_columns": "hai cột cùng có nghĩa {kind}; chỉ đọc cột đầu tiên",
        "t_mapping_unknown": "tệp ánh xạ ghi cột này là {meaning}, không phải loại cột "
                             "({kinds}) cũng không phải tiêu chí của {framework}",
        "t_formula": "{cell} là công thức chưa có giá trị được lưu: parindex đọc giá trị mà "
                     "bảng tính đã lưu, không đọc công thức; hãy mở và lưu lại tệp bằng Excel "
                     "hoặc LibreOffice",
        "t_empty_cell": "ô trống; hãy cho điểm, hoặc x nếu tiêu chí không phát sinh",
        "t_not_a_year": "{text} không phải là năm",
        "t_rank_date": "{text} là ngày tháng: Excel đã đổi thứ hạng dạng 7/10 thành ngày; hãy "
                       "nhập thứ hạng dạng văn bản",
        "t_not_a_rank": "{text} không phải thứ hạng dạng 7/10 hoặc 7",
        "t_no_year_row": "dòng này không có năm",
        "t_json_invalid": "không phải JSON hợp lệ: {detail}",
        "t_json_deep": "không phải tệp kết quả: mảng hoặc đối tượng lồng nhau quá sâu",
        "t_json_units": "cần danh sách 'units' gồm các bản đánh giá",
        "t_json_unit": "mỗi đơn vị là một bảng gồm các khóa của bản đánh giá",
        "t_unknown_kind": "định dạng bảng {kind} không được hỗ trợ; hãy dùng csv, xlsx, json "
                          "hoặc toml",
        # reproduce --output: the recomputed table (.xlsx headers and comments)
        "x_row": "dòng",
        "x_unit": "đơn vị",
        "x_group": "nhóm",
        "x_printed": "{name} (công bố)",
        "x_computed": "{name} (tính lại)",
        "x_discrepancies": "sai lệch",
        "x_group_rank": "xếp hạng trong nhóm",
        "x_comment": "công bố {published}, tính lại {computed}: {evidence}",
        "t_heading": "{text} là tiêu đề nhóm: nhóm của các dòng bên dưới",
        # scoring sheets and annexes (.xlsx, .docx, .csv) and the notes their reader gives
        "s_not_points": "{text} không phải điểm dạng 0,8/1,0",
        "s_not_a_sheet": "không phải bảng chấm điểm: {suffix}; hãy cho tệp .xlsx, .docx hoặc .csv",
        "s_save_as_xls": " (hãy lưu lại dưới dạng .xlsx bằng Excel hoặc LibreOffice)",
        "s_save_as_doc": " (hãy lưu lại dưới dạng .docx bằng Word hoặc LibreOffice)",
        "s_unreadable_docx": "không đọc được tệp .docx: {detail}",
        "s_no_criteria_table": "không tìm thấy bảng tiêu chí: trong {rows} dòng đầu của mọi "
                               "{where} không có dòng nào có cột tiêu chí (ví dụ 'Tiêu chí', "
                               "'Nội dung', 'Lĩnh vực/tiêu chí') và cột điểm hoặc điểm tối đa "
                               "(ví dụ 'Điểm tối đa', 'Điểm tự chấm', 'Điểm thẩm định')",
        "s_where_table": "bảng",
        "s_where_sheet": "trang tính",
        "s_header_lacks": "dòng tiêu đề không có cột {roles} (các tiêu đề tìm thấy: {headers})",
        "s_and_no": " và không có cột ",
        "role_code": "mã (STT)",
        "role_name": "tên (Tiêu chí)",
        "role_max": "điểm tối đa (Điểm tối đa)",
        "role_self_assessed": "điểm tự chấm (Điểm tự chấm)",
        "role_points": "điểm thẩm định (Điểm thẩm định)",
        "s_merged": "một ô gộp qua các dòng {first}–{last} chứa {text} cho nhiều dòng của bảng: "
                    "hãy bỏ gộp ô và cho mỗi dòng giá trị riêng",
        "s_no_points_column": "dòng tiêu đề không có cột điểm (ví dụ 'Điểm thẩm định', 'Kết quả "
                              "thẩm định', 'Điểm đạt', hoặc 'Điểm tự chấm')",
        "s_no_rows": "bảng không có dòng nào dưới dòng tiêu đề",
        "s_self_assessed": "không có điểm thẩm định: chấm theo điểm tự chấm",
        "s_no_name": "(không có tên)",
        "s_no_match": "{name} không khớp với tiêu chí nào của {framework}, theo mã (dòng không "
                      "có mã) cũng như theo tên",
        "s_code_no_match": "mã {code} ({name}) không khớp với tiêu chí nào của {framework}",
        "s_name_is_of": "; tên của dòng là tên của {code} ({name})",
        "s_code_vs_name": "mã {code} là {node} ({name}), nhưng tên của dòng {row_name} là tên "
                          "của {other}; đọc là {node}",
        "s_name_differs": "tên {name} khác tên của {code} ({framework_name}); đọc là {code}",
        "s_again": "cho {code} lần nữa (lần đầu ở dòng {row})",
        "s_second_block": "dòng {figure} thứ hai (lần đầu ở dòng {row})",
        "s_not_a_maximum": "{text} không phải là điểm tối đa",
        "s_printed_max": "{text} ghi điểm tối đa {printed}, nhưng điểm tối đa của {code} là {max}",
        "s_max_differs": "điểm tối đa {printed} khác điểm tối đa {max} của {code} trong "
                         "{framework}",
        "s_max_unknown_no_column": "điểm tối đa của {code} chưa biết trong {framework} và bảng "
                                   "không có cột điểm tối đa (Điểm tối đa)",
        "s_max_unknown": "điểm tối đa của {code} chưa biết trong {framework}; bảng ghi {given}: "
                         "hãy bổ sung bộ tiêu chí bằng một tệp overlay trước",
        "s_none": "không có",
        "s_printed_unitemised": "{code} được ghi {printed}, các tiêu chí thành phần cộng lại "
                                "{items} và không chia hết điểm tối đa của mục này: điểm của "
                                "mục là số được ghi",
        "s_no_unit": "không có tên đơn vị: các dòng tiêu đề không ghi đơn vị nào (ví dụ 'UBND "
                     "xã Thủy Thanh'); hãy cho bằng --unit",
        "s_no_year": "không có năm: các dòng tiêu đề không ghi năm (ví dụ 'năm 2022') mà "
                     "{framework} áp dụng cho nhiều năm; hãy cho bằng --year",
        "e_needs_framework": "bảng chấm điểm không ghi bộ tiêu chí: hãy cho --framework "
                             "ID_OR_FILE (ví dụ --framework thua-thien-hue/commune/2022; lệnh "
                             "'parindex frameworks' liệt kê các bộ tiêu chí)",
        "role_comment": "ghi chú (Ghi chú)",
        "role_guidance": "hướng dẫn chấm điểm (Hướng dẫn chấm điểm)",
        "role_evidence": "tài liệu kiểm chứng (Tài liệu kiểm chứng)",
        # annexes (bảng tiêu chí) imported as frameworks and overlays
        "a_row_item": "dòng {row} ({printed}: {max})",
        "a_maxima_sum": "điểm tối đa không khớp: dòng {row} ({printed}) ghi {max}, các tiêu chí "
                        "thành phần {rows} cộng lại {total} (chênh lệch {difference}); hãy kiểm "
                        "tra phụ lục: nếu phụ lục in như vậy, hãy ghi unitemized = {difference} "
                        "cho criteria.\"{code}\"",
        "a_total_sum": "dòng tổng cộng ghi {total}, nhưng các lĩnh vực {rows} cộng lại {sum}",
        "a_no_code": "dòng {name} không có mã (STT) nên không biết vị trí của dòng trong cây "
                     "tiêu chí; hãy ghi mã cho dòng này",
        "a_letter_alone": "mục {code} đánh chữ cái không có dòng đánh số nào phía trên để thuộc về",
        "a_code_twice": "mã {code} được ghi hai lần (dòng {first} và dòng {row}); mỗi mã là một "
                        "tiêu chí",
        "a_no_parent": "dòng {printed} ({name}) thuộc {parent}, mà phụ lục không có dòng này; "
                       "hãy thêm dòng của mục cha",
        "a_max_not_number": "điểm tối đa {text} không phải là một số",
        "a_bad_id": "--id {id} không phải mã bộ tiêu chí dạng tỉnh/cấp/năm, chữ thường không "
                    "dấu (ví dụ 'tinh-mau/commune/2024')",
        "a_new_field": "dòng {row}: lĩnh vực {printed} ({name}) không có trong {base}; tệp "
                       "overlay chỉ thêm mục bên dưới các mục của bộ tiêu chí gốc, không thêm "
                       "lĩnh vực mới (hãy nhập phụ lục thành bộ tiêu chí mới)",
        "a_new_no_max": "dòng {row}: {printed} ({name}) là mục mới so với {base} nhưng phụ lục "
                        "không in điểm tối đa của mục này",
        "a_contradiction": "dòng {row}: phụ lục ghi điểm tối đa của {printed} là {max}, nhưng "
                           "{base} ghi {known} ({status}, {source}); ",
        "a_overridden": "đã ghi, và liệt kê trong corrects (--override)",
        "a_refused": "không ghi; nếu phụ lục đúng, hãy chạy lại với --override",
        # frameworks asked for by id, and assignments files (--assignments)
        "f_unknown": "không có plugin nào đã cài đặt cung cấp bộ tiêu chí {framework}{hint} Đã "
                     "cài đặt: {installed}",
        "f_did_you_mean": "; có phải là {close}?",
        "f_none_installed": "không có (hãy cài đặt plugin của một tỉnh)",
        "f_two_plugins": "bộ tiêu chí {framework} được cả {plugins} cung cấp; hãy gỡ bỏ một "
                         "plugin, hoặc tắt bằng PARINDEX_DISABLE_PLUGINS",
        "f_empty": "--framework để trống: hãy cho mã một bộ tiêu chí đã cài đặt, một tệp bộ "
                   "tiêu chí hoặc một tệp overlay",
        "as_table": "phải là một bảng ([\"{code}\"]) gồm {keys}",
        "as_unknown_key": "khóa không hợp lệ; cần một trong các khóa {keys}",
        "as_text": "phải là văn bản không để trống",
        # a wrong command line that click does not see (said by _cli/app.py)
        "cli_sheet_options": ("--unit, --group và --year chỉ dùng cho phiếu chấm điểm; tệp "
                              "bản đánh giá TOML đã ghi sẵn các thông tin này"),
        "cli_table_needs_framework": "bảng kết quả cần có --framework ID_OR_FILE",
        "cli_table_not_sheet": "tệp đọc được như một bảng kết quả của {units} đơn vị, không "
                               "phải phiếu chấm điểm của một đơn vị: hãy dùng parindex "
                               "reproduce",
        # an option that only counts with another (_cli/options.py only_with)
        "cli_only_with": "{option} chỉ dùng cùng với {needed}",
        "cli_sheet_no_workbook": "--sheet {sheet} chỉ dùng cho tệp .xlsx; không có tệp .xlsx "
                                 "nào được cho",
        "cli_bands_framework": "hãy cho --framework ID_OR_FILE (và một TABLE, hoặc --published)",
        "cli_bands_what": ("hãy cho một TABLE, hoặc một phân bố xếp loại đã công bố để kiểm tra "
                           "(--published hoặc --distribution)"),
        "cli_bands_not_both": "chỉ cho --published hoặc --distribution, không cho cả hai",
        "cli_choose_unit": "SOURCES có {count} đơn vị; hãy chọn một đơn vị bằng --unit",
        "cli_what_if": "hãy cho một giả định (--survey-share hoặc --max) hoặc --monte-carlo",
        # a command stopped (Ctrl-C, a prompt refused)
        "cli_aborted": "Đã dừng.",
        # command-line arguments: a SOURCES folder, new-plugin
        "cli_empty_folder": "thư mục không có tệp bản đánh giá (.toml) hay bảng kết quả nào",
        "np_name": "{name} không phải là tên plugin: chữ cái ASCII viết thường và chữ số, các từ "
                   "nối bằng '_' hoặc '-' (ví dụ quang_binh)",
        "np_level": "{level} không phải là cấp đánh giá: chữ cái viết thường, ví dụ commune",
        "np_year": "{year} không phải là năm đánh giá hợp lý",
        "np_not_empty": "đã có và không phải thư mục trống; hãy chọn --directory khác",
        # a unit looked up by name (_base/names.py)
        "unit_within": " thuộc {group}",
        "unit_none": "không có đơn vị nào tên {name}{within}{hint}",
        "unit_hint": "; có phải là {names}?",
        "unit_part": ("không có đơn vị nào tên {name}{within}; tên của {count} đơn vị có chứa "
                      "cụm từ này: {shown}{more}; hãy ghi tên đơn vị đầy đủ hơn"),
        "unit_more": "; ... (và {count} đơn vị khác)",
        "unit_ambiguous": ("{name} có thể là {count} đơn vị{within}: {candidates}; hãy nêu "
                           "nhóm (ví dụ --group) hoặc ghi đầy đủ tên đơn vị"),
        "and": " và ",
        # click's own messages (a wrong command line), looked up by click's English text
        "click:Error: {message}": "Lỗi: {message}",
        "click:Try '{command} {option}' for help.": "Xem '{command} {option}' để biết cách dùng.",
        "click:Usage:": "Cách dùng:",
        "click:Invalid value: {message}": "Giá trị không hợp lệ: {message}",
        "click:Invalid value for {param_hint}: {message}": "Giá trị không hợp lệ cho "
                                                           "{param_hint}: {message}",
        "click:Missing argument": "Thiếu đối số",
        "click:Missing option": "Thiếu tùy chọn",
        "click:Missing parameter": "Thiếu tham số",
        "click:No such option {name!r}.": "Không có tùy chọn {name!r}.",
        "click:No such command {name!r}.": "Không có lệnh {name!r}.",
        "click:Did you mean {possibility}?": "Có phải là {possibility}?",
        "click:(Did you mean one of: {possibilities}?)": "(Có phải là một trong các tùy chọn: "
                                                         "{possibilities}?)",
        "click:Got unexpected extra argument ({args})": "Thừa đối số ({args})",
        "click:Got unexpected extra arguments ({args})": "Thừa các đối số ({args})",
        "click:Option {name!r} requires an argument.": "Tùy chọn {name!r} cần một giá trị.",
        "click:Option {name!r} requires {nargs} arguments.": "Tùy chọn {name!r} cần {nargs} giá "
                                                             "trị.",
        "click:Option {name!r} does not take a value.": "Tùy chọn {name!r} không nhận giá trị.",
        "click:{value!r} is not {choice}.": "{value!r} không phải là {choice}.",
        "click:{value!r} is not one of {choices}.": "{value!r} không thuộc các giá trị {choices}.",
        "click:{value!r} is not a valid {number_type}.": "{value!r} không phải là giá trị hợp "
                                                         "lệ (kiểu {number_type}).",
        "click:{value} is not in the range {range}.": "{value} nằm ngoài khoảng {range}.",
        "click:file": "tệp",
        "click:directory": "thư mục",
        "click:path": "đường dẫn",
        "click:{name} {filename!r} does not exist.": "{name} {filename!r} không tồn tại.",
        "click:{name} {filename!r} is a file.": "{name} {filename!r} là một tệp.",
        "click:{name} {filename!r} is a directory.": "{name} {filename!r} là một thư mục.",
        "click:{name} {filename!r} is not readable.": "{name} {filename!r} không đọc được.",
        "click:{name} {filename!r} is not writable.": "{name} {filename!r} không ghi được.",
        # --help and --version (vihelp: _cli/help.py): click's headings and option notes; the
        # help texts themselves are in _cli/help_vi.py
        "click:Options": "Tùy chọn",
        "click:Commands": "Lệnh",
        "click:Positional arguments": "Đối số",
        "click:required": "bắt buộc",
        "click:default: {default}": "mặc định: {default}",
        "cli_version": "parindex, phiên bản {version}",
        # the comments atop the TOML files 'parindex import' writes (vihelp: _cli/imports.py,
        # _cli/annex.py); a line break in a text is one in the file
        "imp_assessment": "{unit}, năm {year}: nhập bằng 'parindex import assessment' từ phiếu "
                          "chấm điểm {file}{sheet}, theo bộ tiêu chí {framework}.",
        "imp_assessment_tables": "[points] ghi điểm của các mục cấp cuối (và điểm của mục cấp "
                                 "trên khi các mục con\nkhông chia hết điểm tối đa của nó); "
                                 "[published] ghi số liệu in của các mục cấp trên,\ncủa tổng "
                                 "điểm và của các khối.",
        "imp_title": "Tiêu đề: {line}",
        "imp_note": "Ghi chú: {note}",
        "imp_framework": "Nhập bằng 'parindex import framework' từ phụ lục {file} của "
                         "{decision}.\nMọi điểm tối đa được đọc từ phụ lục (số dòng ghi trong "
                         "note); những gì phụ lục không cho\nlà \"unknown\" (chưa biết), kèm "
                         "note ghi rõ cần bổ sung gì. Kiểm tra bằng\n  parindex validate "
                         "--conformance {output}",
        "imp_overlay": "Tệp bổ sung (overlay) hoàn thiện {base} từ phụ lục {file}.\nNhập bằng "
                       "'parindex import overlay': mọi giá trị đều dẫn nguồn phụ lục (số dòng "
                       "ghi trong note).\nDùng với --framework FILE, ví dụ parindex score "
                       "UNIT.xlsx --framework {output}",
        # validate --conformance: what a framework file still lacks (for the plugin's author)
        "c_cannot_read": "không đọc được {path}: {why}",
        "c_code_twice": "mã {code} được khai báo hai lần (các dòng {lines}); mỗi mã là một tiêu "
                        "chí",
        "c_code_form": "mã {code} không có dạng '3' hoặc '3.4.1' (không có khoảng trắng, không "
                       "có phần trống)",
        "c_code_case": "mã {code} chỉ khác {other} ở chữ hoa, chữ thường",
        "c_unitemized_says": ", nhưng unitemized ghi {unitemized}; hãy sửa điểm tối đa hoặc ghi "
                             "unitemized = {difference}",
        "c_declare_gap": "; hãy sửa điểm tối đa, hoặc nếu nguồn thực sự in như vậy, hãy khai "
                         "báo phần chênh lệch của {code} bằng unitemized = {difference} (và ghi "
                         "lý do trong note)",
        "c_no_gap": "unitemized = {unitemized}, nhưng {why}: không có phần chênh lệch nào để "
                    "khai báo; hãy xóa khóa này",
        "c_why_no_items": "mục này không có tiêu chí thành phần",
        "c_why_unknown": "điểm tối đa của mục hoặc của một tiêu chí thành phần chưa biết",
        "c_why_adds_up": "tổng điểm tối đa các tiêu chí thành phần bằng điểm tối đa của mục",
        "c_band_repeats": "tên mức xếp loại {name} bị lặp",
        "c_band_negative": "{name}: mức tối thiểu {min} < 0",
        "c_band_above": "{name}: mức tối thiểu {min} cao hơn {basis} lớn nhất có thể "
                        "({ceiling}): không đơn vị nào đạt được",
        "c_bands_overlap": "{lower} bắt đầu từ {low}, không thấp hơn {upper} ({high}): các mức "
                           "chồng lên nhau; hãy liệt kê từ mức cao nhất trở xuống, mỗi mức bắt "
                           "đầu thấp hơn mức trước",
        "c_lowest_band": "mức thấp nhất, {band}, bắt đầu từ {min}, không phải 0: các giá trị "
                         "dưới {min} không có xếp loại",
        "c_needs_source": "{status} cần có nguồn",
        "c_not_a_source": "nguồn {source} không phải là khóa của [sources]",
        "c_unknown_given": "trạng thái là \"unknown\" nhưng giá trị đã được cho; hãy ghi nguồn "
                           "của giá trị, hoặc ghi \"unknown\"",
        "c_value_unknown": "giá trị là \"unknown\" nhưng trạng thái là {status}",
        "c_inferred_note": "giá trị suy luận cần có ghi chú (note) nói rõ cách suy ra",
        "c_fact_note": "không có nguồn nào cho biết thông tin này: hãy ghi trong note tệp dùng "
                       "giá trị nào thay thế và vì sao",
        "c_no_provenance": "chưa có nguồn gốc cho {fact}: hãy thêm vào [provenance] với trạng "
                           "thái và nguồn (hoặc status = \"unknown\")",
        "c_empty_citation": "trích dẫn nguồn để trống",
        "c_placeholder": "giá trị tạm chưa được thay bằng nguồn thật: {text}",
        "c_assumed": "giả định (giả thuyết làm việc, không phải nguồn): hãy thay bằng giá trị "
                     "có nguồn trước khi công bố kết quả",
        "c_year": "{year} không phải là năm đánh giá hợp lý ({first}–{last})",
        "c_decision_date": "quyết định ghi ngày {date}, sau các năm đánh giá mà quyết định áp "
                           "dụng (từ {first}); hãy kiểm tra lại ngày và các năm",
        "c_id_year": "năm trong mã {year} không phải first_year ({first})",
        # conformance's scale, rule and plugin findings; names nobody registers (names_findings)
        "c_conflict": "bộ tiêu chí {framework} được cả {plugins} cung cấp, nên không được dùng "
                      "(các bộ tiêu chí khác của chúng vẫn được dùng); hãy gỡ một plugin, hoặc "
                      "tắt một plugin bằng PARINDEX_DISABLE_PLUGINS",
        "c_plugin_fails": "plugin {name} ({distribution}) chứa tệp này không đăng ký được, nên "
                          "các bộ tiêu chí của nó không được dùng: {error}",
        "c_code_declared_twice": "mã được khai báo hai lần (sau khi chuẩn hóa Unicode); mỗi mã "
                                 "là một tiêu chí",
        "c_no_survey": "không có khối điều tra xã hội học, và các lĩnh vực cộng lại {part}, "
                       "không phải {scale}: hãy thêm điều tra xã hội học thành một mục có kind = "
                       "\"survey\" (max = {rest} nếu nguồn cho biết, nếu không thì \"unknown\"); "
                       "điều tra không bắt buộc là một mục survey có not_arising = \"exclude\"",
        "c_scale": "điểm tối đa của các mục cấp cao nhất không cộng lại thành {declared} "
                   "{scale}: {shown}; hãy sửa một điểm tối đa, hoặc, nếu bộ tiêu chí thật sự "
                   "dùng thang điểm khác, hãy khai báo thang điểm (scale = ...) kèm nguồn gốc",
        "c_scale_declared": "thang điểm đã khai báo",
        "c_scale_100": "thang điểm",
        "c_split_survey": "điểm thẩm định {part} + điều tra XHH {poll}",
        "c_split_fields": "các lĩnh vực {part}",
        "c_plus_bonus": " + điểm thưởng {value}",
        "c_minus_penalty": " − điểm trừ {value}",
        "c_equals": " = {value}",
        "c_with_extra": " ({split}{extra} = {value})",
        "n_ranking": "ranking {name} không phải là phương pháp xếp hạng đã đăng ký (đã đăng ký: "
                     "{registered})",
        "n_band_method": "band_method {name} không phải là phương pháp xếp loại đã đăng ký (đã "
                         "đăng ký: {registered})",
        "n_rule_kind": "kind {kind} không phải là loại quy tắc đã đăng ký (đã đăng ký: "
                       "{registered})",
        "n_not_a_param": "không phải là tham số của quy tắc {kind} (quy tắc này nhận "
                         "{takes})",
        "n_not_a_param_none": "không phải là tham số của quy tắc {kind} (quy tắc này "
                              "không nhận tham số nào)",
        "n_inputs_failed": "loại quy tắc {kind} không cho biết được nó đọc những số liệu nào "
                           "(hàm inputs của nó bị lỗi: {error})",
        "n_undeclared": "quy tắc {kind} đọc {figures}, nhưng loại quy tắc này không khai báo các "
                        "số liệu đó (số liệu đã khai báo: {declared}); plugin phải khai báo mọi "
                        "số liệu mà nó đọc",
        "value_seed": "giá trị lấy từ văn bản gốc",
        "value_read": "giá trị lấy từ nguồn đã đọc",
        "value_inferred": "giá trị suy luận",
        "value_assumed": "giá trị giả định",
        "value_unknown": "giá trị chưa biết",
        "c_fails": "không đạt kiểm tra tính phù hợp: {errors} lỗi, {unfinished} chưa hoàn thiện",
        "c_not_strict": " (không nghiêm ngặt)",
        "c_annex_fails": "bộ tiêu chí nhập từ phụ lục không đạt kiểm tra tính phù hợp: {errors} "
                         "lỗi; hãy sửa phụ lục hoặc tệp",
        "e_status_missing": "thiếu: mỗi số phải có trạng thái (seed, read, inferred, assumed "
                            "hoặc unknown)",
        "e_needs_source": "{status} cần có nguồn",
        "e_not_a_source": "nguồn {source} không phải là khóa của [sources]",
        "e_citation_text": "trích dẫn nguồn phải là văn bản",
        # framework authoring: framework and overlay files (_formats/toml.py,
        # _formats/overlay.py) and a framework's own checks (_base/model.py)
        "fw_no_files": "không có tệp bộ tiêu chí (*.toml) nào trong thư mục {folder}/ của "
                       "{package}",
        "fw_is_assessment": "đây là tệp bản đánh giá (có 'points' hoặc 'unit'), không phải bộ "
                            "tiêu chí: hãy cho tệp này làm FILE để chấm điểm, và cho "
                            "--framework mã một bộ tiêu chí đã cài đặt, một tệp bộ tiêu chí "
                            "hoặc một tệp overlay",
        "fw_all_zero": "mọi điểm tối đa của các tiêu chí và của điều tra XHH đều bằng 0: không "
                       "đơn vị nào tính được chỉ số hay xếp loại",
        "fw_tie_break_text": "tie_break liệt kê mã tiêu chí dưới dạng văn bản",
        "fw_publication_table": "cần một bảng [publication]",
        "fw_not_printed_figure": "{figure} không phải là số liệu được công bố; hãy dùng một "
                                 "trong các tên {figures}",
        "fw_decimal_places": "cần số chữ số thập phân là một số nguyên từ 0 đến 9",
        "fw_not_a_scale": "{value} không phải là thang điểm: hãy cho số điểm mà chỉ số tính "
                          "trên đó (ví dụ 100)",
        "fw_unitemized_zero": "unitemized = 0 không có tác dụng gì; hãy bỏ dòng này",
        "fw_band_table": "mỗi mức xếp loại phải là một bảng ([[bands]])",
        "fw_method_name": "{value} không phải tên phương pháp (chữ thường không dấu, chữ số và "
                          "dấu gạch ngang, ví dụ {default})",
        "fw_rule_table": "quy tắc là một bảng, ví dụ rule = { kind = \"proportional\", "
                         "numerator = \"on_time\", denominator = \"total\", status = \"read\", "
                         "source = \"...\" }",
        "fw_kind_unknown_status": "kind là \"unknown\" nhưng status là {status}",
        "fw_status_unknown_rule": "status là \"unknown\" nhưng quy tắc đã được cho (kind "
                                  "{kind}); hãy ghi nguồn của quy tắc, hoặc ghi kind = "
                                  "\"unknown\"",
        "fw_not_a_kind": "{kind} không phải tên một loại quy tắc; các loại có sẵn: {kinds}",
        "fw_number_or_unknown": "thiếu: hãy cho một số, hoặc \"unknown\" nếu không nguồn nào "
                                "cho số này",
        "fw_negative": "{value} là số âm",
        "fw_value_unknown_status": "{name} là \"unknown\" nhưng status là {status}",
        "fw_status_unknown_value": "status là \"unknown\" nhưng {name} đã được cho ({value}); "
                                   "hãy ghi nguồn của giá trị, hoặc ghi {name} = \"unknown\"",
        "fw_own_parent": "là mục cha của chính nó",
        "fw_parent_chain": "chuỗi mục cha lặp vòng: {chain} (mỗi mã ghi mã tiếp theo là mục "
                           "cha của nó)",
        "fw_parent_loops": "chuỗi mục cha lặp vòng",
        "fw_too_deep": "sâu {depth} cấp; tiêu chí của một bộ tiêu chí lồng nhau tối đa {max} cấp",
        "fw_band_above_index": "mức xếp loại {band}: mức tối thiểu {min} cao hơn 100, chỉ số "
                               "cao nhất (band_basis là index)",
        "fw_no_criteria": "không có tiêu chí nào: bộ tiêu chí phải có ít nhất một "
                          "[criteria.\"code\"]",
        "fw_criterion_table": "mỗi tiêu chí là một bảng: [criteria.\"code\"]",
        "fw_too_many": "{count} tiêu chí; một bộ tiêu chí có tối đa {max}",
        "fw_parent_undefined": "mục cha {parent} chưa được khai báo",
        "fw_kind_differs": "kind {kind} khác với kind {parent} của mục cha",
        "md_max_not_finite": "điểm tối đa {value} không phải là số hữu hạn ≥ 0",
        "md_bad_id": "mã bộ tiêu chí {id} không có dạng tỉnh/cấp/năm (chữ thường không dấu, ví "
                     "dụ 'thua-thien-hue/commune/2022')",
        "md_level_differs": "level {level} khác với cấp trong mã ({id_level})",
        "md_years_order": "last_year ở trước first_year",
        "md_decimals": "decimals phải từ 0 đến 9",
        "md_too_many": "hơn {max} tiêu chí; một bộ tiêu chí có tối đa {max}",
        "md_too_deep": "tiêu chí lồng nhau sâu hơn {max} cấp; một bộ tiêu chí có tối đa {max} cấp",
        "md_code_twice": "mã xuất hiện hai lần",
        "md_rule_has_items": "quy tắc {kind} tính điểm của một tiêu chí không có tiêu chí thành "
                             "phần, nhưng mục này có tiêu chí thành phần",
        "md_tie_break_unknown": "tie_break ghi mã {code}, mã này không có trong bộ tiêu chí",
        "md_band_names": "tên mức xếp loại bị lặp: {names}; mỗi mức có một tên riêng",
        "md_band_decrease": "mức tối thiểu của các mức xếp loại phải giảm dần từ mức đầu đến "
                            "mức cuối",
        "md_last_band": "mức xếp loại cuối ({band}) phải bắt đầu từ 0 để các mức bao phủ mọi "
                        "giá trị",
        "md_band_negative": "mức tối thiểu của các mức xếp loại phải ≥ 0",
        "ov_bad_id": "{id} không phải mã bộ tiêu chí dạng tỉnh/cấp/phiên bản (ví dụ "
                     "'quang-tri/district/2020-annex')",
        "ov_other_base": "tệp overlay bổ sung cho {named}, không phải cho {base}",
        "ov_own_id": "bộ tiêu chí dẫn xuất cần mã riêng (ví dụ '{id}-annex') để không bao giờ "
                     "bị nhầm với bộ tiêu chí gốc",
        "ov_level": "cấp của bộ tiêu chí dẫn xuất phải giữ là {level}",
        "ov_own_sources": "tệp overlay trích dẫn nguồn của chính nó: hãy thêm [sources] với ít "
                          "nhất một mục (ví dụ annex = \"QĐ .../QĐ-UBND, Phụ lục ...\")",
        "ov_source_taken": "bộ tiêu chí gốc đã có nguồn {name}; hãy chọn khóa khác",
        "ov_conflict": "mâu thuẫn với bộ tiêu chí gốc, nơi ghi {was} ({path}); nếu tệp overlay "
                       "cố ý sửa giá trị này, hãy thêm {quoted} vào corrects = [...] ở đầu tệp",
        "ov_was_thresholds": "các ngưỡng xếp loại có nguồn",
        "ov_was_max": "điểm tối đa {max} ({status})",
        "ov_was_rule": "quy tắc {kind}",
        "ov_was_provenance": "nguồn gốc ({status}, {source})",
        "ov_was_years": "các năm {years} ({status})",
        "ov_corrects_unused": "{path} được liệt kê trong corrects, nhưng tệp overlay không "
                              "thay đổi giá trị này",
        "ov_corrects_text": "corrects liệt kê các đường dẫn dưới dạng văn bản, ví dụ "
                            "[\"criteria.3.max\", \"bands\"]",
        "ov_adds_beneath": " (tệp overlay chỉ thêm mục bên dưới các mục của bộ tiêu chí gốc: "
                           "hãy ghi parent = \"...\" hoặc dùng mã nối tiếp một mã đã có, như "
                           "3.4.2 dưới 3.4)",
        "ov_numbers_only": "tệp overlay cho các con số; hãy bỏ qua những gì chưa biết",
        "ov_provenance_of_max": "\"status\", \"source\" và \"note\" là nguồn gốc của max; "
                                "hãy cho max cùng với các khóa này (quy tắc có \"status\" và "
                                "\"source\" riêng)",
        "ov_rules_only": "tệp overlay cho các quy tắc; hãy bỏ qua những gì chưa biết",
        "ov_rule_has_items": "quy tắc tính điểm của một tiêu chí không có tiêu chí thành phần; "
                             "mục này có tiêu chí thành phần",
        "ov_items_beneath_rule": "tệp overlay thêm tiêu chí thành phần dưới {code}, mà quy tắc "
                                 "{kind} của mục này tính điểm như một tiêu chí không có tiêu "
                                 "chí thành phần; mục có tiêu chí thành phần thì không có quy tắc",
        "ov_added_needs_max": "tệp overlay cho các con số; mục được thêm cần có điểm tối đa",
        "ov_status_not_unknown": "tệp overlay cho những gì một nguồn xác lập; status không thể "
                                 "là \"unknown\"",
        "ov_fact_provenance": "tệp overlay đặt {fact}; hãy ghi nguồn trong [provenance] ({fact} "
                              "= {{ status = ..., source = ... }})",
        "ov_years_provenance": "tệp overlay đặt các năm áp dụng; hãy ghi nguồn trong "
                               "[provenance] (years = { status = ..., source = ... })",
        "ov_after": "sau khi áp dụng tệp overlay, {code}: {what}",
        "ov_total_changes": "tệp overlay làm thay đổi tổng điểm tối đa của bộ tiêu chí từ "
                            "{before} thành {after}",
        # a rule's parameters in a framework file (_engine/rules.py's checks)
        "rp_positive": "{value} phải lớn hơn 0",
        "rp_name_missing": "thiếu; hãy ghi tên số liệu mà bản đánh giá báo cáo (ví dụ {name} = "
                           "\"on_time\")",
        "rp_not_a_name": "{value} không phải tên số liệu (chữ cái, chữ số và _)",
        "rp_not_a_name_bare": "không phải tên số liệu (chữ cái, chữ số và _)",
        "rp_same_figure": "numerator và denominator ghi cùng một số liệu",
        "rp_above_max": "{value} cao hơn điểm tối đa {max}",
        "rp_target_share": "{value} là tỷ lệ lớn hơn 1 (viết 0.95 cho 95 %)",
        "rp_decimals": "{value} phải là số nguyên từ 0 đến 9",
        "rp_more_places": "{value} có nhiều chữ số thập phân hơn decimals = {decimals}",
        "rp_round_below": "làm tròn đến {decimals} chữ số thập phân thì không giữ được điểm tối "
                          "đa {max}; hãy cho decimals ≥ {places} hoặc cap",
        "rp_floor_cap": "floor {floor} cao hơn cap {cap}",
        "rp_input_or_ratio": "hãy cho input (một số liệu) hoặc numerator và denominator (một tỷ "
                             "lệ), không cho cả hai",
        "rp_steps_missing": "thiếu; một danh sách như [{ min = 0.95, points = 1 }, { min = 0.8, "
                            "points = 0.5 }]",
        "rp_step_table": "mỗi bậc là một bảng { min = ..., points = ... }",
        "rp_steps_order": "các bậc đi từ min cao nhất xuống; {low} không thấp hơn {previous}",
        "rp_per_missing": "thiếu; số điểm bị trừ cho mỗi lần (ví dụ per = 0.25)",
        "rp_decimals_hold": "decimals = {decimals} không giữ được điểm tối đa {max}; hãy cho "
                            "decimals ≥ {places}",
        "rp_names_missing": "thiếu; một danh sách các số liệu mà bản đánh giá báo cáo, ví dụ "
                            "{name} = [\"access\", \"procedures\", \"officials\"]",
        "rp_listed_twice": "{value} được liệt kê hai lần",
        "rp_weights_missing": "thiếu; một bảng số liệu = trọng số, ví dụ weights = { access = "
                              "0.2, procedures = 0.3, officials = 0.5 }",
        "rp_answers_missing": "thiếu; một danh sách như [{ input = \"very_satisfied\", label = "
                              "\"Rất hài lòng\", points = 1 }, ...], mỗi câu trả lời của thang "
                              "đo một mục",
        "rp_answer_table": "mỗi câu trả lời là một bảng { input = ..., label = ..., points = ... "
                           "} (label không bắt buộc)",
        "rp_not_text": "{value} không phải là văn bản",
        "rp_also_answer": "{value} cũng là một câu trả lời",
        # tomllib's own sentences (a fixed set), said when a file is not valid TOML
        "toml_at": " (dòng {line}, cột {column})",
        "toml_at_end": " (ở cuối tệp)",
        # what a library wrote, quoted as it is (in English, its own words)
        "quoted_tomllib": "tomllib báo (nguyên văn): “{detail}”",
        "quoted_openpyxl": "openpyxl báo (nguyên văn): “{detail}”",
        "quoted_docx": "python-docx báo (nguyên văn): “{detail}”",
        "quoted_csv": "mô-đun csv báo (nguyên văn): “{detail}”",
        "quoted_json": "mô-đun json báo (nguyên văn): “{detail}”",
        "toml_invalid_statement": "câu lệnh không hợp lệ",
        "toml_newline": "cần xuống dòng hoặc kết thúc tệp sau một câu lệnh",
        "toml_expected_equals": "cần dấu '=' sau khóa trong cặp khóa = giá trị",
        "toml_table_end": "cần ']' ở cuối phần khai báo bảng",
        "toml_array_end": "cần ']]' ở cuối phần khai báo mảng bảng",
        "toml_expected": "cần {what}",
        "toml_invalid_char": "gặp ký tự không hợp lệ {char}",
        "toml_declare_twice": "không thể khai báo {name} hai lần",
        "toml_overwrite": "không thể ghi đè một giá trị đã có",
        "toml_immutable": "không thể thay đổi {name}: bảng hoặc mảng này đã được viết trọn trên "
                          "một dòng",
        "toml_redefine": "không thể khai báo lại bảng {name}",
        "toml_key_start": "ký tự đầu của khóa không hợp lệ",
        "toml_unclosed_array": "mảng chưa được đóng (thiếu ']')",
        "toml_duplicate_inline": "khóa {name} bị lặp trong bảng viết trên một dòng",
        "toml_unclosed_inline": "bảng viết trên một dòng chưa được đóng (thiếu '}')",
        "toml_backslash": "ký tự '\\' trong chuỗi chưa được thoát (hãy viết '\\\\')",
        "toml_hex": "giá trị thập lục phân không hợp lệ",
        "toml_scalar": "ký tự thoát không phải là một ký tự Unicode hợp lệ",
        "toml_unterminated": "chuỗi chưa được đóng (thiếu dấu nháy)",
        "toml_illegal_char": "ký tự không được phép {char}",
        "toml_date": "ngày hoặc giờ không hợp lệ",
        "toml_value": "giá trị không hợp lệ",
        # what scoring needs that no source gives (MissingInformationError), and how to supply it
        "m_missing_write": "thiếu {path}; trong tệp overlay hãy ghi: {write}",
        "m_missing_bands": "thiếu {path}; trong tệp overlay hãy ghi mọi mức xếp loại, từ mức "
                           "cao nhất: [[bands]] name = \"...\", min = ..., status = \"read\", "
                           "source = \"...\" (các mức của overlay thay cho các mức của bộ tiêu "
                           "chí gốc)",
        "m_missing_same_bands": "thiếu {path} (trong cùng danh sách [[bands]])",
        "m_missing_fact": "thiếu {path}; trong tệp overlay hãy ghi: {path} = ... và "
                          "[provenance] {path} = {{ status = \"read\", source = \"...\" }}",
        "m_supply": "hãy bổ sung các giá trị này trong một tệp overlay: base = \"{base}\", id = "
                    "\"{base}-completed\", [sources] với nguồn của bạn, rồi các khóa nêu trên; "
                    "dùng tệp với --framework FILE (xem trang Overlays của tài liệu)",
        "m_no_rule": "{code} ({name}) không có quy tắc tính điểm từ số liệu trong {framework}; "
                     "hãy cho điểm trong [points], hoặc cho quy tắc trong một tệp overlay "
                     "([criteria.\"{code}\".rule])",
        "m_rule_unknown": "chưa có nguồn nào cho biết {framework} chấm {code} ({name}) từ số "
                          "liệu như thế nào: quy tắc chưa biết. Hãy cho điểm trong [points], "
                          "hoặc bổ sung quy tắc trong một tệp overlay: "
                          "[criteria.\"{code}\".rule] với kind, các tham số, status và source "
                          "(xem tài liệu về overlay)",
        "m_rule_needs_max": "quy tắc {kind} của {code} ({name}) cần điểm tối đa, mà chưa có "
                            "nguồn nào cho biết; hãy bổ sung trong một tệp overlay: "
                            "[criteria.\"{code}\"] max = ..., status, source",
        "m_rule_of": " (quy tắc {kind} của {code})",
        "m_x_unknown_policy": "được đánh dấu \"x\" (không phát sinh), nhưng chưa có nguồn nào "
                              "cho biết khi đó {framework} tính {code} ({name}) thế nào; hãy "
                              "cho điểm thay vì \"x\", hoặc bổ sung quy định not_arising cho "
                              "mục này vào bộ tiêu chí",
        "m_x_full_unknown_max": "được đánh dấu \"x\", tức là được tính điểm tối đa, nhưng điểm "
                                "tối đa của {code} chưa biết; hãy cho điểm thay vì \"x\"",
        "m_x_zero_unknown_max": "được đánh dấu \"x\", tức là được tính 0 điểm trên điểm tối đa, "
                                "nhưng điểm tối đa của {code} chưa biết; hãy cho điểm thay vì "
                                "\"x\"",
        "m_items_above_max": "các tiêu chí thành phần cộng lại {points}, vượt điểm tối đa {max}",
        "m_band_needs_maxima": "xếp loại của {framework} dựa trên chỉ số, mà chỉ số cần điểm "
                               "tối đa của {codes}; chưa có nguồn nào cho biết các điểm này",
        "m_nothing_arose": "không có tiêu chí nào phát sinh nên không có chỉ số để xếp loại",
        "m_threshold_unknown": "{value} có đạt mức {band} của {framework} hay không tùy thuộc "
                               "vào ngưỡng của mức này, mà chưa có nguồn nào cho biết",
        # units that cannot be ranked, and units ranked together that cannot be
        "m_no_index_rank": "{unit} không xếp hạng theo chỉ số được: đơn vị không có chỉ số "
                           "(không mục nào phát sinh)",
        "m_no_index_rank_unknown": "{unit} không xếp hạng theo chỉ số được: đơn vị không có chỉ "
                                   "số (không mục nào phát sinh, hoặc có điểm tối đa chưa biết)",
        "m_no_tie_points": "{unit} không có điểm của {code}, tiêu chí phụ để xếp hạng khi bằng "
                           "điểm trong {framework}; hãy cho điểm của tiêu chí này",
        "e_years_together": "các đơn vị của nhiều năm khác nhau được xếp hạng chung: {years}",
        "e_unit_twice": "đơn vị {unit} xuất hiện hai lần{within}",
        # ranking methods asked for by name, methods a framework names but nobody bound, and a
        # plugin's method that misranks (_engine/ranking.py, _engine/scoring.py)
        "mt_misranks": "phương pháp xếp hạng {name} cho thứ hạng {ranks} không theo các giá trị "
                       "(một giá trị cao hơn bị xếp sau một giá trị thấp hơn, hoặc không phải "
                       "mỗi đơn vị có một thứ hạng ≥ 1)",
        "mt_not_builtin": "không có phương pháp xếp hạng có sẵn nào tên {name}{hint} Có sẵn: "
                          "{builtin}; với phương pháp của một plugin, hãy truyền Ranker của nó "
                          "(parindex.registry().ranking_methods[name])",
        "mt_unbound": "khi {framework} được tạo, chưa có {what} nào tên {name} được đăng ký; "
                      "hãy cài đặt plugin đăng ký {what} này (qua hook {hook}) rồi nạp lại bộ "
                      "tiêu chí",
        "mt_ranking_method": "phương pháp xếp hạng",
        "mt_band_method": "phương pháp xếp loại",
        "mt_rule_kind": "loại quy tắc",
        "mt_band_returned": "phương pháp xếp loại {name} trả về {band}, không phải một mức "
                            "xếp loại của {framework}",
        # rank_values: keys that do not compare (cmp12, typed errors of the API)
        "mt_incomparable": "không xếp hạng được các giá trị không so sánh được với nhau: "
                           "{first} và {second}",
        # the batch kernel (score_many(..., batch=True), to_matrix, score_matrix): what it refuses
        "b_integer_points": "points phải là mảng số nguyên (điểm × 10**scale), không phải "
                            "{dtype}; số thực dấu phẩy động không bao giờ chính xác",
        "b_boolean_marks": "not_arising phải là mảng giá trị đúng/sai (boolean), không phải "
                           "{dtype}",
        "b_scale": "scale phải là số nguyên ≥ 0, không phải {value}",
        "b_shape": "points phải có kích thước (số đơn vị, {leaves}), mỗi cột một mã tiêu chí "
                   "thành phần cuối cùng; nhận được {shape}",
        "b_marks_shape": "not_arising có kích thước {marks}, points có kích thước {points}; hai "
                         "kích thước phải bằng nhau",
        "b_names_rows": "{names} tên đơn vị cho {rows} dòng",
        "b_no_names": "không có tên đơn vị: hãy cho units, hoặc tạo ma trận kèm tên đơn vị",
        "b_group_codes": "mã nhóm phải là mảng số nguyên có kích thước ({rows},)",
        "b_not_a_code": "{code} không phải là mã tiêu chí của {framework}",
        "b_columns": "các cột của ma trận không phải là các tiêu chí thành phần cuối cùng của "
                     "{framework} theo thứ tự in; hãy tạo ma trận bằng "
                     "parindex.to_matrix(framework, assessments)",
        "b_methods": "{framework} dùng phương pháp xếp hạng {ranking} và phương pháp xếp loại "
                     "{band}; API theo lô chỉ hỗ trợ các phương pháp có sẵn (ranking competition "
                     "hoặc dense, band_method minimum). Hãy chấm bằng parindex.score_many, hàm "
                     "hỗ trợ mọi phương pháp đã đăng ký",
        "b_rounded": "{framework} quy định xếp loại và xếp hạng theo số đã làm tròn khi công bố; "
                     "API theo lô chỉ quyết định theo giá trị chính xác. Hãy chấm bằng "
                     "parindex.score_many",
        "b_unknown_maxima": "API theo lô cần mọi điểm tối đa của {framework}, nhưng chưa có "
                            "nguồn nào cho điểm tối đa của {codes}; hãy bổ sung trong một tệp "
                            "bộ tiêu chí đầy đủ, hoặc chấm bằng parindex.score_many, hàm chỉ "
                            "cần các điểm tối đa này khi kết quả phụ thuộc vào chúng",
        "b_figures": "{unit} cho số liệu để quy tắc tính điểm; API theo lô chỉ nhận điểm; hãy "
                     "chấm các bản đánh giá như vậy bằng parindex.score_many",
        "b_items_given": "có điểm cho {code} ({name}), tiêu chí có các tiêu chí thành phần "
                         "({items}); API theo lô chỉ nhận điểm của các tiêu chí thành phần cuối "
                         "cùng; hãy chấm các bản đánh giá như vậy bằng parindex.score_many",
        "b_not_decimal": "{value} không phải là một số Decimal chính xác, hữu hạn (cũng không "
                         "phải NOT_ARISING)",
        "b_int64": "{framework} với {places} chữ số thập phân vượt quá số nguyên 64 bit; hãy "
                   "chấm bằng parindex.score_many",
        "b_threshold": "đơn vị có đạt mức {band} của {framework} hay không tùy thuộc vào ngưỡng "
                       "của mức này, mà chưa có nguồn nào cho biết; hãy bổ sung bands.min trong "
                       "một tệp bộ tiêu chí đầy đủ",
        "b_more": "... và {count} lỗi khác",
        # cells_to_matrix: a table's value too large for the kernel
        "b_value_int64": "{value} không giữ được chính xác với {places} chữ số thập phân "
                         "trong số nguyên 64 bit; hãy chấm các bản đánh giá này bằng "
                         "parindex.score_many",
        # figures a leaf's rule cannot score ([inputs], parindex rule)
        "r_missing": "thiếu số liệu {name}",
        "r_yes_no": "{name} = {value} là câu trả lời có/không; hãy cho một số",
        "r_negative": "{name} = {value} là số âm",
        "r_zero_share": "{denominator} = 0: tỷ lệ {numerator} / {denominator} không xác định; "
                        "nếu không phát sinh, hãy đánh dấu \"x\" cho mục này trong [points]",
        "r_more_than": "{numerator} = {part} lớn hơn {denominator} = {whole}",
        "r_given": "điểm của mục này được cho trực tiếp, không tính từ số liệu",
        "r_yes_no_rule": "{name} = {value}: quy tắc có/không nhận giá trị true hoặc false",
        "r_whole_count": "{name} = {value} không phải là số đếm nguyên",
        "r_percent_yes_no": "{name} = {value} là câu trả lời có/không; hãy cho tỷ lệ phần trăm "
                            "từ 0 đến 100",
        "r_percent_range": "{name} = {value} nằm ngoài [0, 100] %: hãy cho tỷ lệ phần trăm "
                           "(91,17 cho 91,17 %), không cho tỷ số hay số đếm",
        "r_whole_answers": "{name} = {value} không phải là số câu trả lời nguyên",
        "r_answers_sum": "các câu trả lời không khớp: {names} = {total}, nhưng {respondents} = "
                         "{stated}",
        "r_no_answers": "không có câu trả lời (mọi số đếm đều bằng 0): không tính được trung "
                        "bình; nếu không tiến hành khảo sát, hãy đánh dấu \"x\" cho mục này "
                        "trong [points]",
        # visweep: English left under --lang vi
        "rule_points": "{points} điểm",
        "rv_reads": "quy tắc {kind} đọc {wanted}",
        "rv_nothing": "không số liệu nào",
        "rv_missing": "thiếu {names}",
        "rv_not_read": "quy tắc không đọc: {names}",
        "rv_gave": "quy tắc {kind} cho kết quả {points}, không phải số điểm từ 0 đến {max}",
        "rv_failed": "loại quy tắc {kind} bị lỗi với các số liệu này: {error}",
        "rv_undeclared_read": "quy tắc {kind} đọc số liệu {name} mà loại quy tắc không khai báo "
                              "(đã khai báo: {declared}): lỗi ở phần khai báo số liệu đầu vào "
                              "(inputs) của loại quy tắc, không phải của bản đánh giá",
        "opt_not_figure": "{value} không có dạng NAME=VALUE (tên số liệu=giá trị)",
        "opt_either_comma": "{value} đọc được hai cách: {whole} (dấu phẩy phân cách hàng "
                            "nghìn) hoặc {point} (dấu phẩy thập phân); hãy viết {whole} hoặc "
                            "{point}",
        "opt_not_maximum": "{value} không có dạng CODE=MAXIMUM (mã lĩnh vực=điểm tối đa mới)",
        "opt_not_band": "{value} không có dạng NAME=MIN (tên mức xếp loại=điểm tối thiểu), ví dụ "
                        "\"Tốt=80\"",
        "opt_divides_by_zero": "{value} là phép chia cho 0",
        "opt_previous_year": "{path}: kết quả năm {year}, không phải của một năm trước năm "
                             "{before}",
        "pv_plugins_empty": "PARINDEX_PLUGINS được đặt nhưng để trống ({value}): như vậy mọi "
                            "plugin sẽ bị tắt; hãy bỏ biến này để nạp mọi plugin, hoặc ghi tên "
                            "các plugin cần nạp",
        "pv_not_installed": "PARINDEX_PLUGINS có ghi tên này, nhưng không có plugin nào đã cài "
                            "đặt mang tên này",
        "pv_changed": "bộ tiêu chí {framework} bị thay đổi sau khi đã đăng ký (bộ tiêu chí không "
                      "được thay đổi)",
        "pv_returned": "{hook} trả về {got}, không phải {kind} (TypeError)",
        "pv_conflict": "{what} được nhiều plugin cùng cung cấp: {plugins}",
        "pv_what_framework": "bộ tiêu chí {name}",
        "pv_what_rule": "loại quy tắc {name}",
        "pv_what_ranking": "phương pháp xếp hạng {name}",
        "pv_what_band": "phương pháp xếp loại {name}",
        "pv_framework": "bộ tiêu chí {framework}: ",
        "pv_not_marked": "{name}{where} chưa được đánh dấu @parindex.hookimpl nên parindex không "
                         "bao giờ gọi hàm này; hãy thêm @parindex.hookimpl trước hàm",
        "pv_not_a_hook": "{name}{where} có tên như một hook nhưng không phải hook nào {hint}; "
                         "hãy đổi tên hàm, hoặc đánh dấu @parindex.hookimpl nếu đó đúng là một "
                         "hook",
        "pv_hook_close": "(có phải là {close}?)",
        "pv_hooks": "(các hook là: {hooks})",
        "pv_where": " ({file}, dòng {line})",
        "pv_failed": "plugin {name} ({distribution}) bị lỗi: {error}",
        "b_groups_rows": "{groups} tên nhóm cho {rows} dòng",
        "b_group_text": "tên nhóm phải là văn bản (hoặc None), không phải {value}",
        "tb_summary_refused": "bảng chỉ cho {column}, không có điểm từng lĩnh vực, nên không "
                              "kiểm tra được theo {framework}: {why}; hãy cho điểm từng lĩnh vực",
        "tb_column_appraised": "điểm thẩm định",
        "tb_column_total": "tổng điểm",
        "tb_why_bonus": "tổng điểm của bộ tiêu chí này có điểm thưởng hoặc điểm trừ, mà bảng "
                        "không ghi",
        "tb_why_tie": "khi bằng điểm, bộ tiêu chí này xếp hạng theo điểm của {codes}",
        "tb_maxima_unknown": "chưa biết điểm tối đa của {codes}",
        "tb_maxima_sum": "tổng điểm tối đa của {codes}",
        "pv_raised": "lỗi trong mã của plugin (nguyên văn): “{error}”",
        "click:{value!r} does not match the format {format}.": "{value!r} không đúng định dạng "
                                                               "{format}.",
        "click:{value!r} does not match the formats {formats}.": "{value!r} không đúng định dạng "
                                                                 "nào trong số {formats}.",
        "click:Missing command.": "Thiếu lệnh.",
        # vi21: the last English and mixed styles under --lang vi (issue 11)
        "cli_share_or_max": "chỉ cho --survey-share hoặc --max, không cho cả hai",
        "s_docx_table": "bảng {number}",
        # The notes 'parindex import framework' and 'import overlay' write into the data
        # (provenance): written in English, recognised when read back (written_note) and
        # said in the reader's language. The English texts are what files already hold:
        # never reword them (a file written before would no longer be recognised).
        "wn_row": "dòng {row} của phụ lục.",
        "wn_row_new": "dòng {row} của phụ lục; không có trong {base}.",
        "wn_row_no_max": "dòng {row} của phụ lục không ghi điểm tối đa.",
        "wn_row_sum": "dòng {row} của phụ lục không ghi điểm tối đa: lấy tổng điểm tối đa các "
                      "tiêu chí thành phần (các dòng {rows}).",
        "wn_band_printed": "ghi trong phụ lục: {line}.",
        "wn_no_bands": "phụ lục không ghi các mức xếp loại; hãy bổ sung mọi mức, từ cao đến "
                       "thấp, kèm ngưỡng và nguồn.",
        "wn_years": "phụ lục không ghi áp dụng cho các năm đánh giá nào; {year} là năm trong "
                    "mã bộ tiêu chí khi nhập.",
        "wn_not_arising": "phụ lục không ghi mục không phát sinh được tính thế nào: \"unknown\" "
                          "(chưa biết), nên đánh dấu x cho một mục thì không chấm điểm được; "
                          "hãy bổ sung quy định của quyết định.",
        "wn_band_basis": "phụ lục không ghi xếp loại theo chỉ số hay theo tổng điểm; \"index\" "
                         "(chỉ số) là giá trị tạm.",
        "wn_decimals": "chỉ để hiển thị; quy tắc làm tròn của quyết định không có trong phụ "
                       "lục; hãy bổ sung (bằng tệp bổ sung overlay, hoặc sửa tệp này) kèm nguồn.",
        "wn_ranking": "cách xếp hạng các đơn vị bằng điểm không có trong phụ lục; hãy bổ sung "
                      "(bằng tệp bổ sung overlay, hoặc sửa tệp này) kèm nguồn; đang xếp hạng "
                      "đồng hạng kiểu (1, 2, 2, 4).",
        "wn_rank_by": "xếp hạng theo tổng điểm hay theo chỉ số không có trong phụ lục; hãy bổ "
                      "sung (bằng tệp bổ sung overlay, hoặc sửa tệp này) kèm nguồn; đang xếp "
                      "hạng theo tổng điểm.",
        "wn_tie_break": "phụ lục không có quy tắc phân định khi bằng điểm: các đơn vị bằng điểm "
                        "cùng hạng.",
        "wn_bands_given": "đã cho các mức xếp loại, nhưng chưa rõ áp dụng cho chỉ số hay cho "
                          "tổng điểm; \"index\" (chỉ số) là giá trị tạm.",
        "wn_given_not_arising": "cho khi nhập phụ lục (--not-arising).",
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
        "moved": "{moved} of {units} units change rank, {banded} of {units} change band",
        "monte_carlo": "Monte Carlo: {target} ± {width}, {draws} draws, seed {seed}",
        "wrote": "wrote {path}",
        "progress_draws": "Monte Carlo draws",
        "progress_units": "Scoring the units",
        "progress_reading": "Reading {file}",
        "progress_report": "Writing the report",
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
        # charts of a large table (verify11: _render/charts.py): only the best units drawn
        "chart_best": "the {best} best of {count} units",
        # ties capped (polish: profiles, the report's field table, the rank charts' labels)
        "few_more": " and {count} more",
        # sensitivity: what-if and Monte Carlo (_analysis/sensitivity.py)
        "s_share_desc": "survey share {share} points",
        "s_maxima_desc": "maxima {items}",
        "s_either": "give either survey_share or maxima",
        "s_top_unknown": "{unit}: {code} has no points or an unknown maximum; sensitivity "
                         "needs every top-level node's",
        "s_top_max_unknown": "rescaling {framework} needs the maximum of {code} ({name}), which "
                             "no source gives; supply it in a completed framework file",
        "s_no_survey": "{framework} has no survey block to give a share to",
        "s_share_range": "a survey share must lie between 0 and {scale}, not {share}",
        "s_not_top": "not top-level codes of {framework}: {codes}",
        "s_new_max": "a new maximum must be ≥ 0, over a maximum > 0",
        "s_width": "width must be ≥ 0 and resolution > 0",
        "s_off_grid": "{what} {value} is not a whole number of resolution steps ({resolution})",
        "s_what_width": "width",
        "s_what_factor": "the factor",
        "s_what_resolution": "the resolution",
        "s_what_survey": "the survey maximum",
        "s_what_scale": "the scale",
        "s_draws": "draws must be between 1 and {most}, not {draws}",
        "s_plugin_methods": "{framework} ranks or bands with a plugin's method; the Monte Carlo "
                            "analysis supports the built-in ones (competition or dense ranks, "
                            "bands from their minima)",
        "s_too_large": "totals at this resolution exceed 2**53 and could not be kept exact; "
                       "use a coarser resolution",
        "s_weights_width": "a weight perturbation must keep every factor above 0 (width < 1)",
        "s_no_fields": "{framework} has no appraised fields to perturb",
        "s_share_leaves": "the survey share would leave [0, the scale]",
        "s_draw_no_index": "a unit with nothing arising cannot be ranked on the index",
        "s_threshold": "a band threshold of {framework} is unknown ({band})",
        "s_draw_nothing": "{unit} has nothing arising in some draws, so no index to band on",
        "s_percentile": "a percentile lies between 0 and 100, not {percent}",
        # Monte Carlo's target and a what-if's numbers, as titles say them (vilast)
        "s_target_weights": "weights",
        "s_target_survey_share": "survey share",
        "s_max_item": "{code}={max}",
        # sensitivity: the API's arguments (engine)
        "s_target": "a perturbation's target is 'weights' or 'survey_share', not "
                    "{target}",
        "plan_motto_1": "SOCIALIST REPUBLIC OF VIETNAM",
        "plan_motto_2": "Independence - Freedom - Happiness",
        "plan_section_1": "PURPOSE AND REQUIREMENTS",
        "plan_section_2": "THE PAR INDEX RESULT",
        "plan_section_3": "TASKS AND SOLUTIONS",
        "plan_section_4": "IMPLEMENTATION",
        "plan_col_number": "No.",
        "plan_col_criterion": "Criterion",
        "plan_col_lost": "Points lost",
        "plan_col_content": "Action",
        "plan_col_lead": "Lead",
        "plan_col_support": "Support",
        "plan_col_deadline": "Deadline",
        "plan_col_product": "Output",
        "plan_placeholder": "(suggested)",
        "plan_placeholder_note": "a default parindex proposes, to be confirmed before the plan "
                                 "is issued.",
        "plan_placeholder_note_docx": "a default parindex proposes (highlighted), to be "
                                      "confirmed before the plan is issued.",
        "plan_replaced": "Note: {count} control characters in the data (which a Word file "
                         "cannot hold) were replaced by \ufffd.",
        "plan_title": "PLAN",
        "plan_subtitle": "Improving the Public Administration Reform Index in {year}",
        "plan_purpose": "Purpose",
        "plan_requirements": "Requirements",
        "plan_overall": "Overall result",
        "plan_lost_fields": "Fields where points were lost",
        "plan_general_tasks": "Tasks and solutions for every field",
        "plan_field_tasks": "Tasks and solutions by field",
        "plan_notes": "Notes (not tasks)",
        "plan_note": "Note:",
        "plan_recipients": "Recipients:",
        "plan_task_line": "{label} {code} – {name}: {points}/{max} points, {lost} lost.",
        "plan_council": "The appraisal council's comment: {comment}",
        "plan_task": "Task:",
        "plan_lead": "Lead:",
        "plan_support": "support:",
        "plan_deadline": "deadline:",
        "plan_results": "In {year}, {body} scored {total}/{max} points (appraised {appraised}, "
                        "survey {survey}); its PAR INDEX is {index}{band}.",
        "plan_results_band": ", band “{band}”",
        "plan_lost_total": "Points lost in all: {lost}, in {count} criteria and sub-criteria.",
        "plan_lost_total_part": "Points lost in all: {lost}, of which {part} in {count} "
                                "criteria and sub-criteria.",
        "plan_next_band": "Reaching “{band}” needs at least {needed} more points.",
        "plan_pass": "Passing {unit} (rank {rank}) needs {more}{needed} more points.",
        "plan_more": "more than ",
        "plan_rank_published": "As published, {place} ranked {ranks}.",
        "plan_rank_part": "{rank}{where}{basis}",
        "plan_rank_where": " in {group}",
        "plan_basis_appraised": " on the appraised points",
        "plan_basis_total": " on the total",
        "plan_basis_index": " on the index",
        "plan_rank_computed": "Rank (recomputed from the results table): {rank}/{of}",
        "plan_rank_computed_group": "; in {group}: {rank}/{of}",
        "plan_group": "its group",
        "plan_change_unknown": "Change from {year}: not known (no result for {year} was "
                               "given to compare with).",
        "plan_change": "Compared with {year} ({before}): {changes}.",
        "plan_change_printed": "As published, the rank moved {change} from the year before.",
        "plan_prev_total": "{total} points",
        "plan_prev_index": "index {index}",
        "plan_prev_rank": "rank {rank}",
        "plan_prev_band": "band “{band}”",
        "plan_up_total": "the total rose by {amount} points",
        "plan_down_total": "the total fell by {amount} points",
        "plan_same_total": "the total is unchanged",
        "plan_up_index": "the index rose by {amount} percentage points",
        "plan_down_index": "the index fell by {amount} percentage points",
        "plan_same_index": "the index is unchanged",
        "plan_up_rank": "up by {places}",
        "plan_down_rank": "down by {places}",
        "plan_same_rank": "unchanged",
        "plan_rank_moved": "rank {change}",
        "plan_band_changed": "band from “{before}” to “{after}”",
        "plan_band_kept": "band “{band}” kept",
        "plan_field_label": "Field",
        "plan_survey_label": "Survey",
        "plan_loss": "{label} {code}. {name}: {points}/{max} points, {lost} lost{sub}.",
        "plan_loss_sub": " (sub-index {index})",
        "plan_survey_note": "The survey ({name}) scored {points}/{max} points: it measures the "
                            "satisfaction of citizens and organisations and is not a task of "
                            "its own; it improves through the tasks of section III and better "
                            "service at the one-stop shop.",
        "plan_remainder": "{heading}: {lost} points lost in the part of the maximum of {where} "
                          "that the framework does not itemise: the appraisal result must be "
                          "checked to find what they were lost for.",
        "plan_where_field": "field {code}",
        "plan_where_criterion": "criterion {code}",
        "plan_council_on": "The appraisal council on criterion {code}: {comment}",
        "plan_field_heading": "Field {code}. {name}",
        "plan_penalty_heading": "Penalty {code}. {name}",
        "plan_field_summary": "{points}/{max} points, {lost} lost.",
        "plan_field_comment": " The appraisal council's comment: {comment}",
        "plan_head_local": "the Chairperson of the People's Committee of {place}",
        "plan_head_other": "the head of the agency",
        "plan_body_local": "the People's Committee of {place}",
        "plan_basis_decision": "Pursuant to Decision {decision} issuing {title};",
        "plan_decision_date": " of {date}",
        "plan_decision_issuer": " by {issuer}",
        "plan_basis_result": "Pursuant to the appraised and published PAR INDEX result for "
                             "{year} ({source});",
        "plan_basis_reform": "Pursuant to the administrative reform plan for {year} of {body};",
        "plan_basis_issue": "{body} issues the plan to improve its PAR INDEX in {year} as "
                            "follows:",
        "plan_goal_band": "In {year}, reach band “{band}” or better",
        "plan_goal_keep": "In {year}, keep band “{band}”",
        "plan_goal_raise": "In {year}, raise the PAR INDEX",
        "plan_purpose_1": "Remedy the shortcomings in administrative reform in {year} that the "
                          "appraisal council found; set out the tasks, the solutions and who is "
                          "responsible for each, to raise the points of every field, criterion "
                          "and sub-criterion.",
        "plan_purpose_2": "{goal}; rank {blank}/{blank} or better.",
        "plan_requirement_1": "Carry it out together with the administrative reform plan for "
                              "{year}; lose no points again for causes within the unit's "
                              "control.",
        "plan_requirement_2": "Every task has a lead, a deadline and an output (the appendix); "
                              "the evidence is complete and meets each criterion's "
                              "requirements.",
        "plan_requirement_3": "The head of the unit is responsible; improving the PAR INDEX is "
                              "a standing task of the whole unit.",
        "plan_general_1": "Carry out the higher levels' instructions on administrative reform "
                          "promptly; complete 100 % of the tasks of the administrative reform "
                          "plan for {year}.",
        "plan_general_2": "File and update the evidence as soon as each task is done, on time "
                          "and as each criterion requires, so that the self-assessment is "
                          "accurate.",
        "plan_organisation_1": "The posts that lead a task in the appendix set out its details "
                               "and carry it out on time, and report every quarter to "
                               "{coordinator}.",
        "plan_organisation_2": "{coordinator} follows up, collects the results and reports to "
                               "{head}.",
        "plan_organisation_3": "Difficulties met in carrying out the plan are reported to "
                               "{head} promptly./.",
        "plan_issuer_local": "PEOPLE'S COMMITTEE",
        "plan_number_local": "No.: {blank}/KH-UBND",
        "plan_number_other": "No.: {blank}/KH-{blank}",
        "plan_place_date": "{place}, {blank}/{blank}/{year}",
        "plan_recipient_1": "- The posts and officials concerned;",
        "plan_recipient_3": "- Archive: VT.",
        "plan_signature_local_1": "ON BEHALF OF THE PEOPLE'S COMMITTEE",
        "plan_signature_local_2": "CHAIRPERSON",
        "plan_signature_other": "HEAD OF THE AGENCY",
        "plan_appendix": "Appendix",
        "plan_appendix_title": "ASSIGNMENT OF THE TASKS TO IMPROVE THE PAR INDEX IN {year}",
        "plan_appendix_attached": "(Attached to plan No. {blank}/KH-UBND of {blank} of "
                                  "{issuer})",
        "plan_issuer_short": "the People's Committee of {place}",
        "plan_label_sub": "Sub-criterion",
        "plan_label_criterion": "Criterion",
        "plan_label_field": "Field",
        "plan_content_comment": "Remedy what lost the points, in the light of the appraisal "
                                "council's comment (“{comment}”); meet every requirement of "
                                "{label} {code} so as to score {max} points in {year}.",
        "plan_content": "Find why the points were lost; meet every requirement of {label} "
                        "{code} – {name} so as to score {max} points in {year}.",
        "plan_content_penalty": "Give no cause for a deduction under {label} {code} – {name} "
                                "in {year}.",
        "plan_support_commune": "The specialist officials concerned",
        "plan_support_other": "The agencies and units concerned",
        "plan_deadline_default": "During {year}",
        "plan_product": "Evidence meeting the requirements of {label} {code}",
        "plan_post_justice": "Justice – Civil Status officer",
        "plan_post_one_stop": "Officer at the one-stop shop",
        "plan_post_finance": "Finance – Accounting officer",
        "plan_post_office": "Office – Statistics officer",
        "plan_post_district_justice": "Justice Office",
        "plan_post_district_office": "Office of the People's Council and People's Committee",
        "plan_post_district_finance": "Finance – Planning Office",
        "plan_post_district_it": "Culture and Information Office",
        "plan_post_district_home": "Home Affairs Office",
        "plan_post_other": "Office",
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
        "report_partial_ranks": "Ranks here are among the {count} units of this report, "
                                "fewer than the published results ranked: {printed}.",
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
        "valid_framework": "{file}: valid framework {framework} ({nodes} nodes)",
        "valid_overlay": "{file}: valid overlay: {framework} derived from {base} "
                         "({nodes} nodes)",
        "valid_assessment": "{file}: valid assessment of {unit} under {framework}",
        "warning_line": "  warning: {text}",
        "unknown_line": "  unknown: {text}",
        "assumed_line": "  assumed: {text}",
        "nothing_unknown": "  nothing unknown",
        "rule_line": "  rule {kind} ({status})",
        "status_seed": "seed",
        "status_read": "read",
        "status_inferred": "inferred",
        "status_assumed": "assumed",
        "status_unknown": "unknown",
        "frameworks_title": "Installed frameworks",
        "fw_id": "id",
        "fw_index": "index",
        "ik_par-index": "PAR INDEX",
        "ik_papi": "PAPI",
        "ik_service-index": "service index",
        "fw_basis": "legal basis",
        "fw_years": "years",
        "fw_max": "max",
        "fw_nodes": "nodes: seed/read/inferred/assumed/unknown",
        "fw_plugin": "plugin",
        "derived_from": ", derived from {base}",
        "companion_of": " (companion index: {kind})",
        "completeness_line": "{nodes} nodes: {seed} seed, {read} read, {inferred} inferred, "
                             "{assumed} assumed, {unknown} unknown; rules: {rules}",
        "plugins_title": "Installed plugins",
        "pl_name": "name",
        "pl_distribution": "distribution",
        "pl_version": "version",
        "pl_status": "status",
        "pl_frameworks": "frameworks / error",
        "plugin_ok": "ok",
        "plugin_error": "error",
        "plugin_disabled": "disabled",
        "rules_given": "given",
        # the built-in rule kinds, as frameworks --completeness counts them (with the id: it
        # is what a framework file writes)
        "rk_points": "points",
        "rk_unknown": "unknown",
        "rk_yes-no": "yes-no",
        "rk_proportional": "proportional",
        "rk_threshold": "threshold",
        "rk_deduction": "deduction",
        "rk_mean-percent": "mean-percent",
        "rk_weighted-percent": "weighted-percent",
        "rk_answer-scale": "answer-scale",
        "w_count": "count",
        "w_percent": "percent",
        "w_population": "population",
        "ev_table_holds": "the table holds {units} units",
        "ev_counts_add_up": "the counts add up to {terms} = {total}",
        "ev_fall_in": "{count} unit(s) of the table fall in {band}",
        "ev_percent": "{count} ÷ {base} × 100 = {exact}, {rounding}",
        "ev_exact": "{value}{more}",
        "rounded_to": "rounded {how} to {places} places",
        "rounding_half-up": "half-up",
        "rounding_truncate": "truncate",
        "rounding_half-even": "half-even",
        "rounding_default": " (the default: the framework declares no rounding)",
        "un_unbanded": "counts: {count} unit(s) have no computed band ({units}); the counts "
                       "are checked without them",
        "un_percent_no_count": "{band}: percent {printed}: not checked: no count is printed "
                               "for it",
        "un_percent_no_units": "{band}: percent {printed}: not checked: no units",
        "dist_title": "{units} units, percentages {rounding}",
        "col_band": "Band",
        "col_count": "Count",
        "col_percent": "Percent",
        "col_published": "Published",
        "no_band_for": "No band computed for: {units}",
        "published_distribution": "Published distribution ({source}):",
        "published_of": "out of {units} units",
        # bands --published and distribution files (--distribution)
        "bd_not_an_item": "{item} is not band=count (e.g. Tốt=62, or Tốt=62 (45,59%))",
        "bd_not_a_band_named": "{name} is not a band of {framework} ({bands})",
        "bd_not_a_band": "not a band of {framework} ({bands})",
        "bd_twice": "{band} is given twice",
        "bd_bands_table": "expected a table [bands] of band = count",
        "bd_count": "expected a count (a whole number ≥ 0)",
        "bd_population": "expected the number of units (a whole number ≥ 1)",
        "renamed": "renamed",
        "merged": "merged",
        "mean_of": "mean of {units}",
        "field_changes": "Change in points per field",
        "only_old": "Only in the old table",
        "only_new": "Only in the new table",
        "not_scored_units": "Not scored",
        "not_comparable": "Not comparable",
        "lineage_problems": "Lineage problems",
        "printed_discrepancies": "Discrepancies (printed ≠ computed)",
        "note_against": "{unit} against {against}: {note}",
        "notes": "Notes",
        "all_units": "Every unit",
        "field_only_in": "field {code} ({name}) exists only in {framework}",
        "field_maxima": "field {code}: maximum {old_max} in {old}, {new_max} in {new}",
        "points_not_comparable": ": points not comparable",
        "totals_not_comparable": "maximum total {old_max} in {old}, {new_max} in {new}: "
                                 "totals are not comparable; the index (a percentage) is",
        "bands_differ": "the bands differ between the frameworks: a band change may be a "
                        "change of thresholds",
        "ranked_among": "ranked among {old} units in {old_year}, {new} in {new_year}",
        "group_changed": "group {old} in {old_year}, {new} in {new_year}",
        "unweighted_mean": "unweighted mean of the predecessors (no population or weight is "
                           "known); ranks and bands are not averaged",
        "ranks_only_both": "totals, indexes, bands and points: both tables give ranks only",
        "ranks_only_one": "totals, indexes, bands and points: a table gives ranks only",
        "unit_old": "{unit} (old)",
        "unit_new": "{unit} (new)",
        "move_disagrees": "{unit}: printed {printed} ({printed_change}), but {old} → {new} is "
                          "{moved} ({change})",
        # lineage files (compare --lineage)
        "ln_tables": "write [[{kind}]] tables",
        "ln_table": "expected a table",
        "ln_new": "give the new unit's name",
        "ln_old": "give the old unit's name(s)",
        "ln_rename_one": "a rename has one old name; use [[merged]]",
        "ln_new_table": "lineage: the new table: {problem}",
        "ln_old_table": "lineage: the old table: {problem}",
        "rank_incomplete": "ranks are neither computed nor checked: some rows could not be "
                           "read or scored, and ranks need every unit",
        "rank_years": "printed ranks are not checked: the table mixes years [{years}]",
        "not_checked_why": "not checked: {why}",
        "no_ranks": "no ranks: {why}",
        "figure_note": "{what} {printed}: {note}",
        "figure_not_checked": "{what} {printed}: not checked: {why}",
        "un_ranks_only": "{what} {printed}: not checked: the table gives ranks only, no "
                         "points to rank on",
        "row_not_scored": "the row could not be scored",
        "row_not_scored_why": "the row could not be scored: {why}",
        "extract_top": "{above} unit(s) of the table rank above it, and the top of a ranking "
                       "of {population} holds every unit above it",
        "extract_bottom": "{below} other unit(s) of the table rank at or below it, and the "
                          "bottom of a ranking of {population} holds every unit below it",
        "printed_among": "printed among {of} units, but {population} were ranked",
        "printed_among_scored": "{what} {printed}: printed among {of} units, but {scored} "
                                "were scored together",
        "extract_ranks": "{value} ranks {rank} of {population}: {how}",
        "extract_between": "{value}: {above} unit(s) of the table rank above it and {below} "
                           "at or below it, so among {population} it ranks {lowest} to "
                           "{highest}",
        "between": "between {lowest} and {highest}",
        "at_least": "at least {lowest}",
        "extract_unchecked": "rank {printed}: not checked: the table holds neither every "
                             "unit above it nor every unit below it among {population}; its "
                             "units place it {bounds}, which the printed rank is",
        "extract_group": "group_rank {printed}: not checked: the table is an extract of "
                         "{population} units, and ranks within a group need every unit of "
                         "the group",
        "ranks_of": "{value} ranks {rank} of {of}{on}",
        "on_basis": " on {basis}",
        "tied_with": ", tied with {units}",
        "follows_printed": "{what} {printed} follows the printed figures of {units} (see "
                           "their discrepancies); with theirs as computed it would be "
                           "{computed}",
        "above_max": "above the maximum {max}",
        "below_zero": "below 0",
        "outside_range": "{printed} is {where} of {code} ({name}); counted as printed",
        "index_implies": "index {printed}: the table gives points above the items, so which "
                         "items did not arise is unknown; the printed index implies an "
                         "arising maximum of about {implied}, which {framework} allows ({low} "
                         "to {high}); computed over {high}: {computed}",
        "band_admissible": "band {band}: the band of an index between {lowest} and "
                           "{highest}, which the table allows",
        "items_sum": "items {terms} = {points}",
        "items_sum_uncovered": " (and {uncovered} of its maximum is not itemised)",
        "row_at": "row {row}, ",
        "summary_column": "No field's points in the table: its {column} column is read as "
                          "the points of {name} (max {max})",
        "columns_not_read": "Columns not read",
        "columns_not_read_why": "(unknown headers; declare them in a mapping file)",
        "row_skipped": "Row {row} skipped: {why}",
        # the table kernel and gaps() of a batch, called amiss (library callers)
        "a_value_at_shape": "value_at must have shape (units, {leaves}), one column per leaf "
                            "of {framework}; got {shape}",
        "a_gaps_needs_result": "gaps() of a BatchResult needs the unit's own result "
                               "(result=parindex.score(...))",
        # report_html() called amiss (library callers)
        "a_report_lang": "lang must be one of {languages}, not {given}",
        "a_report_needs_result": "report_html() of a batch with a unit needs the unit's result "
                                 "(parindex.score)",
        "a_result_of_other": "the result given is {given}'s, not {unit}'s",
        "conformance_of": "conformance of {framework} ({mode}): {verdict} ({counts})",
        "strict": "strict",
        "not_strict": "not strict",
        "passes": "passes",
        "fails": "FAILS",
        "count_error": "{count} error",
        "count_unfinished": "{count} unfinished",
        "count_note": "{count} note",
        "title_error": "errors (always fail):",
        "title_unfinished": "unfinished (placeholders and unsupported facts; fail in strict "
                            "mode):",
        "title_note": "notes (reported, never fail):",
        "at_line": "line {line}",
        "unitemized_declares": "; unitemized = {unitemized} declares it",
        "no_source": "no source gives it",
        "ranked_not_banded": "no bands: units are ranked, not classified",
        "would_create": "would create {directory}/ ({distribution}, entry point {name}, "
                        "framework {framework}):",
        "created": "created {directory}/ ({distribution}, entry point {name}, framework "
                   "{framework}):",
        "next_step": "next:",
        "bands_read": "parindex: bands read from the annex: {bands}",
        "band_from": "{band} from {min}",
        "still_to_supply": "parindex: still to supply or fix before it scores or is "
                           "published:",
        "overlay_filled": "parindex: {framework}: {known} maxima filled, {added} items "
                          "added; total {total}",
        "still_unknown": "parindex: still unknown (scoring refuses where one decides a "
                         "result):",
        "rule_yes_no": "{input} = {value} → {points}",
        "rule_ratio": "{numerator} {part} ÷ {denominator} {whole}",
        "rule_percent": "{value} %",
        "rule_equals": "{left} = {right}",
        "rule_share": "{max} × share",
        "rule_divided": " ÷ {by}",
        "rule_capped": " = {raw}…, capped at {cap}",
        "rule_floored": " = {raw}…, raised to the floor {floor}",
        "rule_proportional": "{text}; {scale}, rounded half up to {decimals} places = "
                             "{points}",
        "rule_figure": "{name} {value}",
        "rule_step": "{text} ≥ {min} → {points}",
        "rule_below_steps": "{text}, below every step → {points}",
        "rule_deduction": "{max} − {per} × {input} {count}, not below {floor} = {points}",
        "rule_mode_half-up": "half up",
        "rule_mode_half-even": "half to even",
        "rule_mode_down": "down",
        "rule_rounded": "rounded {mode} to {decimals} places",
        "rule_rounded_one": "rounded {mode} to {decimals} place",
        "rule_mean": "mean of {count} percentages: ({terms}) ÷ {count} = {total} ÷ {count} = "
                     "{mean} %; {max} × {mean} % = {scaled}, {rounding} = {points}",
        "rule_weighted_term": "{weight} × {name} {value}",
        "rule_weighted": "weighted mean: ({terms}) ÷ {weights} = {mean} %; {max} × {mean} % "
                         "= {scaled}, {rounding} = {points}",
        "rule_times": "{count} × {points}",
        "rule_scale": "answers {labels}: ({terms}) ÷ {total} answers = {exact}, {rounding} = "
                      "{points}",
        # errors and warnings: where a problem is, and the prefixes of every message on stderr
        "problem_line": "line {line}: ",
        "problem_criterion": "criterion {code}",
        "problem_criterion_after": " criterion {code}",
        "cli_error": "parindex: error: {text}",
        "cli_warning": "parindex: warning: {text}",
        "cli_note": "parindex: note: {text}",
        "more_problems": "... and {count} more problem(s) like these (all of them: --json, or the "
                         "Python API)",
        "or": " or ",
        "e_extra": "this needs {package}, which is in parindex's {extra} extra: pip install "
                   "'parindex[{extra}]'",
        "e_no_such_file": "no such file",
        "e_cannot_read": "cannot read: {reason}",
        "e_cannot_write": "cannot write: {reason}",
        "e_not_a_file": "is {kind}, not a file",
        "e_not_a_file_to_write": "is {kind}; give a file to write",
        "kind_directory": "a directory",
        "kind_fifo": "a FIFO (named pipe)",
        "kind_device": "a device",
        "kind_socket": "a socket",
        "e_too_large": "is {size} bytes, over the limit of {limit} bytes for an input file",
        "e_over_limit": "is over the limit of {limit} bytes for an input file",
        "e_replaces_input": "the output would replace the input {source}; choose another output "
                            "file",
        "e_unknown_suffix": "unknown suffix {suffix}; give a file ending in {allowed}",
        "no_suffix": "'(no suffix)'",
        "e_no_such_directory": "no such directory {directory}",
        "os_ENOENT": "No such file or directory",
        "os_EACCES": "Permission denied",
        "os_EPERM": "Operation not permitted",
        "os_ENOSPC": "No space left on device",
        "os_EROFS": "Read-only file system",
        "os_EISDIR": "Is a directory",
        "os_ENOTDIR": "Not a directory",
        "os_EEXIST": "File exists",
        "w_framework_conflict": "framework {framework} is not listed: it is provided by more "
                                "than one plugin ({plugins}); uninstall one, or disable one "
                                "with PARINDEX_DISABLE_PLUGINS",
        "w_plugin_failed": "plugin {name} ({distribution}) failed and was skipped: {error}",
        "w_plugin_slow": "plugin {name} ({distribution}) took {seconds} s to load and register",
        # an assessment against its framework
        "n_digits": "{value} has {digits} significant digits; parindex reads at most {max}, "
                    "exactly",
        "n_too_large": "{value} is too large: parindex reads numbers below 10^{exponent}",
        "n_places": "{value} has {places} decimal places; parindex reads at most {max}",
        "n_boolean": "{value} is a boolean, not a number",
        "n_float": "{value} is a binary float; give points as exact decimals",
        "n_big_integer": "an integer of {bits} bits is too large: parindex reads numbers below "
                         "10^{exponent}",
        "n_decimal_comma": "{value} uses a decimal comma; write {fixed} (TOML numbers use a "
                           "decimal point)",
        "n_not_a_number": "{value} is not a number",
        "n_not_finite": "{value} is not a finite number",
        "n_date": "a date or time ({value})",
        "n_table": "a table",
        "n_array": "an array ({count} values)",
        "e_rank_start": "ranks start at 1",
        "e_rank_beyond": "rank {rank} is beyond the {of} units ranked",
        "e_toml_invalid": "not valid TOML: {detail}",
        "e_nest_deep": "not a parindex file: arrays or tables nest too deeply",
        "e_loose_number": "{written} has {why}, which TOML numbers cannot have; write {fixed}",
        "why_leading_zero": "a leading zero",
        "why_bare_point": "no digit before the decimal point",
        "e_given_twice": "given twice; give each key once",
        "e_given_twice_first": "given twice (first on line {line}); give each key once",
        "e_not_utf8": "not UTF-8 text (an invalid byte at byte {byte}); save the file as UTF-8",
        "e_unknown_key_close": "unknown key; did you mean {close}?",
        "e_unknown_key_allowed": "unknown key; allowed: {allowed}",
        "e_missing": "missing",
        "e_expected_got": "expected {kind}, got {value}",
        "kind_text": "text",
        "kind_whole": "a whole number",
        "kind_table": "a table",
        "kind_array": "an array",
        "kind_number": "a number",
        "kind_date": "a date",
        "e_control": "contains the control character {control}; remove it",
        "e_not_one_of": "{value} is not one of {options}",
        "e_same_code": "{code} is the same code as {first} (they differ only in spaces or "
                       "Unicode form); give it once",
        "e_not_assessment": "this is {what} file (it has {keys}), not an assessment: an "
                            "assessment has framework, unit, year and [points]; pass it to "
                            "parindex validate, or to --framework",
        "what_overlay": "an overlay",
        "what_framework": "a framework",
        "e_framework_id": "{framework} is not a framework id of the form province/level/year "
                          "(e.g. 'thua-thien-hue/commune/2022')",
        "e_unit_empty": "the unit's name is empty",
        "e_dotted_code": "a code with dots must be quoted: write \"{code}\" = ..., not {code} = "
                         "... (TOML reads an unquoted dotted key as nested tables)",
        "e_comment_text": "a comment must be text",
        "e_inputs_table": "give the figures as a table, e.g. \"3.4.1\" = { on_time = 489, total "
                          "= 493 }",
        "e_not_a_rank": "{value} is not a rank like \"2/10\" or 7",
        "e_band_text": "the band is a name, as text",
        "e_rank_basis": "rank_basis is \"total\", \"appraised\" or \"index\"",
        "e_neither_file": "neither a framework (no [criteria]) nor an assessment (no [points])",
        "e_other_framework": "the assessment names framework {named}, but it is being scored "
                             "under {framework}",
        "e_years": "{framework} applies to assessment years {years}, not {year}",
        "e_not_a_criterion": "{code} is not a criterion of {framework}",
        "e_did_you_mean": "; did you mean {close}?",
        "e_negative_points": "{value} is negative; points run from 0 to the maximum",
        "e_penalty_positive": " (a penalty is given as a positive deduction)",
        "e_above_max": "{value} is above the maximum {max} of {code} ({name})",
        "e_no_points": "no points for {code} ({name}); give its points, or \"x\" if it did not "
                       "arise",
        "e_figures_for_leaves": "figures are for leaves; {code} ({name}) has items, give theirs",
        "e_points_and_figures": "{code} is given both points and figures; give one of them",
        # results tables and mapping files
        "t_no_column_for": "no column gives the points of {fields}; give them (by code, e.g. "
                           "'Lĩnh vực 1'), or declare their headers in a mapping file",
        "t_columns_not_read": " (columns not read: {headers})",
        "t_code_name": "{code} ({name})",
        "t_mapping_meaning": "give a field name or a criterion code, as text",
        "t_whole_number": "expected a whole number ≥ 1",
        "t_sheet_name": "expected the sheet's name, as text",
        "t_workbook_format": "{suffix} workbooks are not read; open the file in LibreOffice or "
                             "Excel and save it as .xlsx (Excel workbook) or .csv (UTF-8)",
        "t_unknown_format": "unknown table format {suffix}; give a .csv, .tsv, .xlsx, .json or "
                            ".toml file",
        "t_not_utf8": "not UTF-8 text (an invalid byte at byte {byte}); save the table as CSV "
                      "UTF-8",
        "t_nul": "holds a NUL byte (U+0000): not a text table; save it again as CSV UTF-8",
        "t_unreadable": "not a readable table: {detail}",
        "t_unreadable_xlsx": "not a readable .xlsx workbook: {detail}",
        "t_unreadable_sheet": "not a readable .xlsx workbook: sheet {sheet}: {detail}",
        "t_no_sheet": "no sheet {sheet}; the workbook has {sheets}",
        "t_sheet_not_workbook": "a {suffix} file has no sheets; a sheet ({sheet}) is chosen "
                                "only in .xlsx workbooks",
        "t_population_rows": "population {population} is fewer than the {rows} units the "
                             "table lists: it counts the units ranked, of which the table is "
                             "an extract",
        "t_sheet_cells": "sheet {sheet} holds more than {max} cells; a results table has far fewer",
        "t_sheet_declares": "sheet {sheet} declares {rows} rows × {columns} columns ({cells} "
                            "cells); parindex reads sheets of at most {max} cells: delete the "
                            "empty rows and columns beyond the table and save again",
        "t_no_header": "no header row found: no row in the first {rows} names a unit column "
                       "(e.g. 'unit' or 'Tên đơn vị') and another known column; declare the "
                       "headers in a mapping file",
        "t_no_points_columns": "no column gives points by criterion code of {framework} (e.g. "
                               "{codes}); parindex recomputes every figure from the points: add "
                               "the fields' columns, or declare their headers in a mapping file",
        "t_no_year": "no year: the table has no year column and {framework} covers several "
                     "years; give the year (--year, or year in the mapping file)",
        "t_cells_beyond": "{count} cell(s) beyond the header's {columns} columns (first in "
                          "column {column}: {text}) are not read; give them a header or remove "
                          "them",
        "t_no_unit": "no unit name in this row",
        "t_not_a_unit": "{text} is not a unit",
        "t_unit_twice": "unit {unit} appears twice (first in row {row})",
        "t_empty": "no rows of units below the header (row {row}): the table is empty",
        "t_two_columns": "two columns mean {kind}; only the first is read",
        "t_mapping_unknown": "the mapping file says this column is {meaning}, which is neither "
                             "a column kind ({kinds}) nor a criterion of {framework}",
        "t_formula": "{cell} is a formula with no saved value: parindex reads the values a "
                     "spreadsheet saved, never formulas; open and save the workbook in Excel or "
                     "LibreOffice",
        "t_empty_cell": "empty; give the points, or x if the item did not arise",
        "t_not_a_year": "{text} is not a year",
        "t_rank_date": "{text} is a date: Excel turned a rank such as 7/10 into one; type the "
                       "rank as text",
        "t_not_a_rank": "{text} is not a rank like 7/10 or 7",
        "t_no_year_row": "no year in this row",
        "t_json_invalid": "not valid JSON: {detail}",
        "t_json_deep": "not a results file: arrays or objects nest too deeply",
        "t_json_units": "expected a list 'units' of assessments",
        "t_json_unit": "each unit is a table of an assessment's keys",
        "t_unknown_kind": "unknown table format {kind}; use csv, xlsx, json or toml",
        # reproduce --output: the recomputed table (.xlsx headers and comments)
        "x_row": "row",
        "x_unit": "unit",
        "x_group": "group",
        "x_printed": "{name} (printed)",
        "x_computed": "{name} (computed)",
        "x_discrepancies": "discrepancies",
        "x_group_rank": "group rank",
        "x_comment": "printed {published}, computed {computed}: {evidence}",
        "t_heading": "{text} is a group heading: the group of the rows below",
        # scoring sheets and annexes (.xlsx, .docx, .csv) and the notes their reader gives
        "s_not_points": "{text} is not points like 0.8/1.0",
        "s_not_a_sheet": "not a sheet: {suffix}; give a .xlsx, .docx or .csv file",
        "s_save_as_xls": " (save it as .xlsx in Excel or LibreOffice)",
        "s_save_as_doc": " (save it as .docx in Word or LibreOffice)",
        "s_unreadable_docx": "not a readable .docx document: {detail}",
        "s_no_criteria_table": "no criteria table found: no row in the first {rows} of any "
                               "{where} names the criteria column (e.g. 'Tiêu chí', 'Nội dung', "
                               "'Lĩnh vực/tiêu chí') and a points or maximum column (e.g. 'Điểm "
                               "tối đa', 'Điểm tự chấm', 'Điểm thẩm định')",
        "s_where_table": "table",
        "s_where_sheet": "sheet",
        "s_header_lacks": "the header has no {roles} column (headers found: {headers})",
        "s_and_no": " and no ",
        "role_code": "code (STT)",
        "role_name": "name (Tiêu chí)",
        "role_max": "maximum (Điểm tối đa)",
        "role_self_assessed": "self-assessed (Điểm tự chấm)",
        "role_points": "appraised (Điểm thẩm định)",
        "s_merged": "a cell merged over rows {first}–{last} holds {text} for more than one row "
                    "of the table: unmerge it and give each row its own value",
        "s_no_points_column": "the header has no points column (e.g. 'Điểm thẩm định', 'Kết quả "
                              "thẩm định', 'Điểm đạt', or 'Điểm tự chấm')",
        "s_no_rows": "the table has no rows under its header",
        "s_self_assessed": "no appraised points: the self-assessed points are scored",
        "s_no_name": "(no name)",
        "s_no_match": "{name} matches no criterion of {framework}, by code (the row has none) "
                      "or by name",
        "s_code_no_match": "code {code} ({name}) matches no criterion of {framework}",
        "s_name_is_of": "; its name is that of {code} ({name})",
        "s_code_vs_name": "code {code} is {node} ({name}), but the row's name {row_name} is "
                          "that of {other}; read as {node}",
        "s_name_differs": "the name {name} differs from {code}'s ({framework_name}); read as "
                          "{code}",
        "s_again": "gives {code} again (first in row {row})",
        "s_second_block": "a second {figure} row (first in row {row})",
        "s_not_a_maximum": "{text} is not a maximum",
        "s_printed_max": "{text} gives the maximum {printed}, but {code}'s is {max}",
        "s_max_differs": "the maximum {printed} differs from {code}'s {max} in {framework}",
        "s_max_unknown_no_column": "the maximum of {code} is unknown in {framework} and the "
                                   "sheet has no maximum column (Điểm tối đa)",
        "s_max_unknown": "the maximum of {code} is unknown in {framework}; the sheet gives "
                         "{given}: complete the framework with an overlay first",
        "s_none": "none",
        "s_printed_unitemised": "{code} is printed {printed}, its items add up to {items}, and "
                                "they do not itemise all of its maximum: its points are the "
                                "printed figure",
        "s_no_unit": "no unit: the title rows name none (e.g. 'UBND xã Thủy Thanh'); give it "
                     "with --unit",
        "s_no_year": "no year: the title rows give none (e.g. 'năm 2022') and {framework} "
                     "covers several years; give it with --year",
        "e_needs_framework": "a scoring sheet does not name its framework: give --framework "
                             "ID_OR_FILE (e.g. --framework thua-thien-hue/commune/2022; "
                             "'parindex frameworks' lists them)",
        "role_comment": "comment (Ghi chú)",
        "role_guidance": "guidance (Hướng dẫn chấm điểm)",
        "role_evidence": "evidence (Tài liệu kiểm chứng)",
        # annexes (bảng tiêu chí) imported as frameworks and overlays
        "a_row_item": "row {row} ({printed}: {max})",
        "a_maxima_sum": "the maxima do not add up: row {row} ({printed}) gives {max}, its items "
                        "{rows} add up to {total} (difference {difference}); check the annex: "
                        "if it prints them so, write unitemized = {difference} on "
                        "criteria.\"{code}\"",
        "a_total_sum": "the total row gives {total}, but the fields {rows} add up to {sum}",
        "a_no_code": "the row {name} has no code (STT), so where it sits in the tree is "
                     "unknown; give it its code",
        "a_letter_alone": "the lettered item {code} has no numbered row above it to belong to",
        "a_code_twice": "code {code} is given twice (rows {first} and {row}); each code is one "
                        "criterion",
        "a_no_parent": "the row {printed} ({name}) belongs beneath {parent}, which the annex "
                       "does not list; add the row of its parent",
        "a_max_not_number": "the maximum {text} is not a number",
        "a_bad_id": "--id {id} is not a framework id of the form province/level/year, "
                    "lower-case ASCII (e.g. 'tinh-mau/commune/2024')",
        "a_new_field": "row {row}: field {printed} ({name}) is not in {base}; an overlay adds "
                       "items beneath the base's nodes, not new fields (import it as a "
                       "framework instead)",
        "a_new_no_max": "row {row}: {printed} ({name}) is new to {base} but the annex prints no "
                        "maximum for it",
        "a_contradiction": "row {row}: the annex gives {printed} a maximum of {max}, but {base} "
                           "gives {known} ({status}, {source}); ",
        "a_overridden": "written, and listed in corrects (--override)",
        "a_refused": "refused; rerun with --override if the annex is right",
        # frameworks asked for by id, and assignments files (--assignments)
        "f_unknown": "no installed plugin provides framework {framework}{hint} Installed: "
                     "{installed}",
        "f_did_you_mean": "; did you mean {close}?",
        "f_none_installed": "none (install a province plugin)",
        "f_two_plugins": "framework {framework} is provided by both {plugins}; uninstall one, "
                         "or disable one with PARINDEX_DISABLE_PLUGINS",
        "f_empty": "--framework is empty: give an installed framework id, a framework file or "
                   "an overlay file",
        "as_table": "must be a table ([\"{code}\"]) of {keys}",
        "as_unknown_key": "unknown key; expected one of {keys}",
        "as_text": "must be non-empty text",
        # a wrong command line that click does not see (said by _cli/app.py)
        "cli_sheet_options": ("--unit, --group and --year are for scoring sheets; a TOML "
                              "assessment gives its own"),
        "cli_table_needs_framework": "a results table needs --framework ID_OR_FILE",
        "cli_table_not_sheet": "the file reads as a results table of {units} units, not one "
                               "unit's scoring sheet: use parindex reproduce",
        # an option that only counts with another (_cli/options.py only_with)
        "cli_only_with": "{option} only counts with {needed}",
        "cli_sheet_no_workbook": "--sheet {sheet} chooses a sheet of an .xlsx workbook, and no "
                                 "workbook was given",
        "cli_bands_framework": "give --framework ID_OR_FILE (and a TABLE, or --published)",
        "cli_bands_what": ("give a TABLE, or a published distribution to check (--published "
                           "or --distribution)"),
        "cli_bands_not_both": "give --published or --distribution, not both",
        "cli_choose_unit": "SOURCES hold {count} units; choose one with --unit",
        "cli_what_if": "give a what-if (--survey-share or --max) or --monte-carlo",
        # a command stopped (Ctrl-C, a prompt refused)
        "cli_aborted": "Aborted.",
        # command-line arguments: a SOURCES folder, new-plugin
        "cli_empty_folder": "no assessment files nor tables in the directory",
        "np_name": "{name} is not a plugin name: lower-case ASCII letters and digits, words "
                   "joined by '_' or '-' (e.g. quang_binh)",
        "np_level": "{level} is not a level: lower-case letters, e.g. commune",
        "np_year": "{year} is not a plausible assessment year",
        "np_not_empty": "exists and is not an empty folder; choose another --directory",
        # a unit looked up by name (_base/names.py)
        "unit_within": " in {group}",
        "unit_none": "no unit named {name}{within}{hint}",
        "unit_hint": "; did you mean {names}?",
        "unit_part": ("no unit named {name}{within}; {count} units' names hold it: "
                      "{shown}{more}; give more of the name"),
        "unit_more": "; ... ({count} more)",
        "unit_ambiguous": ("{name} could mean {count} units{within}: {candidates}; name the "
                           "group (e.g. --group) or the unit in full"),
        "and": " and ",
        # click's own messages (a wrong command line), looked up by click's English text
        "click:Error: {message}": "Error: {message}",
        "click:Try '{command} {option}' for help.": "Try '{command} {option}' for help.",
        "click:Usage:": "Usage:",
        "click:Invalid value: {message}": "Invalid value: {message}",
        "click:Invalid value for {param_hint}: {message}": "Invalid value for {param_hint}: "
                                                           "{message}",
        "click:Missing argument": "Missing argument",
        "click:Missing option": "Missing option",
        "click:Missing parameter": "Missing parameter",
        "click:No such option {name!r}.": "No such option {name!r}.",
        "click:No such command {name!r}.": "No such command {name!r}.",
        "click:Did you mean {possibility}?": "Did you mean {possibility}?",
        "click:(Did you mean one of: {possibilities}?)": "(Did you mean one of: {possibilities}?)",
        "click:Got unexpected extra argument ({args})": "Got unexpected extra argument ({args})",
        "click:Got unexpected extra arguments ({args})": "Got unexpected extra arguments ({args})",
        "click:Option {name!r} requires an argument.": "Option {name!r} requires an argument.",
        "click:Option {name!r} requires {nargs} arguments.": "Option {name!r} requires {nargs} "
                                                             "arguments.",
        "click:Option {name!r} does not take a value.": "Option {name!r} does not take a value.",
        "click:{value!r} is not {choice}.": "{value!r} is not {choice}.",
        "click:{value!r} is not one of {choices}.": "{value!r} is not one of {choices}.",
        "click:{value!r} is not a valid {number_type}.": "{value!r} is not a valid {number_type}.",
        "click:{value} is not in the range {range}.": "{value} is not in the range {range}.",
        "click:file": "file",
        "click:directory": "directory",
        "click:path": "path",
        "click:{name} {filename!r} does not exist.": "{name} {filename!r} does not exist.",
        "click:{name} {filename!r} is a file.": "{name} {filename!r} is a file.",
        "click:{name} {filename!r} is a directory.": "{name} {filename!r} is a directory.",
        "click:{name} {filename!r} is not readable.": "{name} {filename!r} is not readable.",
        "click:{name} {filename!r} is not writable.": "{name} {filename!r} is not writable.",
        # --help and --version (vihelp: _cli/help.py): click's headings and option notes; the
        # help texts themselves are in _cli/help_vi.py
        "click:Options": "Options",
        "click:Commands": "Commands",
        "click:Positional arguments": "Positional arguments",
        "click:required": "required",
        "click:default: {default}": "default: {default}",
        "cli_version": "parindex, version {version}",
        # the comments atop the TOML files 'parindex import' writes (vihelp: _cli/imports.py,
        # _cli/annex.py); a line break in a text is one in the file
        "imp_assessment": "{unit}, {year}: imported by 'parindex import assessment' from the "
                          "scoring sheet {file}{sheet}, under {framework}.",
        "imp_assessment_tables": "[points] holds the leaves' points (and a parent's where its "
                                 "items do not itemise all of\nits maximum); [published] holds "
                                 "the parents', totals' and blocks' printed figures.",
        "imp_title": "Title: {line}",
        "imp_note": "Note: {note}",
        "imp_framework": "Imported by 'parindex import framework' from the annex {file} of "
                         "{decision}.\nEvery maximum is read from the annex (its row is in the "
                         "note); what the annex does not give\nis \"unknown\", with a note "
                         "saying what to supply. Check it with\n  parindex validate "
                         "--conformance {output}",
        "imp_overlay": "Overlay completing {base} from the annex {file}.\nImported by 'parindex "
                       "import overlay': every value cites the annex (its row is in the "
                       "note).\nUse it with --framework FILE, e.g. parindex score UNIT.xlsx "
                       "--framework {output}",
        # validate --conformance: what a framework file still lacks (for the plugin's author)
        "c_cannot_read": "cannot read {path}: {why}",
        "c_code_twice": "code {code} is declared twice (lines {lines}); each code is one criterion",
        "c_code_form": "code {code} is not of the form '3' or '3.4.1' (no spaces, no empty parts)",
        "c_code_case": "code {code} differs from {other} only in case",
        "c_unitemized_says": ", but unitemized says {unitemized}; fix the maxima or write "
                             "unitemized = {difference}",
        "c_declare_gap": "; fix the maxima, or, if the source really prints it so, declare the "
                         "gap on {code} with unitemized = {difference} (and say why in its note)",
        "c_no_gap": "unitemized = {unitemized}, but {why}: there is no gap to declare; remove it",
        "c_why_no_items": "it has no items",
        "c_why_unknown": "its maximum or an item's is unknown",
        "c_why_adds_up": "its items' maxima add up to its maximum",
        "c_band_repeats": "band name {name} repeats",
        "c_band_negative": "{name}: minimum {min} < 0",
        "c_band_above": "{name}: minimum {min} is above the highest possible {basis} "
                        "({ceiling}): no unit can reach it",
        "c_bands_overlap": "{lower} starts at {low}, not below {upper} ({high}): bands overlap; "
                           "list them from the highest down, each starting below the one before",
        "c_lowest_band": "the lowest band, {band}, starts at {min}, not 0: values below {min} "
                         "have no band",
        "c_needs_source": "{status} needs a source",
        "c_not_a_source": "source {source} is not a key of [sources]",
        "c_unknown_given": "the status is \"unknown\" but the value is given; say where it "
                           "comes from, or write \"unknown\"",
        "c_value_unknown": "the value is \"unknown\" but the status is {status}",
        "c_inferred_note": "an inferred value needs a note saying how it was deduced",
        "c_fact_note": "no source gives this fact: say in a note what the file uses instead and "
                       "why",
        "c_no_provenance": "no provenance for {fact}: add it to [provenance] with its status "
                           "and source (or status = \"unknown\")",
        "c_empty_citation": "the citation is empty",
        "c_placeholder": "placeholder not yet replaced by a real source: {text}",
        "c_assumed": "assumed (a working hypothesis, not a source): replace it with a sourced "
                     "value before publishing results",
        "c_year": "{year} is not a plausible assessment year ({first}–{last})",
        "c_decision_date": "the decision is dated {date}, after the assessment years it governs "
                           "(from {first}); check the date and the years",
        "c_id_year": "the id's year {year} is not first_year ({first})",
        # conformance's scale, rule and plugin findings; names nobody registers (names_findings)
        "c_conflict": "framework {framework} is provided by both {plugins}, so it is not served "
                      "(their other frameworks are); uninstall one, or disable one with "
                      "PARINDEX_DISABLE_PLUGINS",
        "c_plugin_fails": "the plugin {name} ({distribution}) that ships this file fails to "
                          "register, so its frameworks are not served: {error}",
        "c_code_declared_twice": "code declared twice (after Unicode normalisation); each code "
                                 "is one criterion",
        "c_no_survey": "no survey block, and the fields add up to {part}, not {scale}: add the "
                       "sociological survey (điều tra xã hội học) as a node with kind = \"survey\" "
                       "(max = {rest} if the source gives it, else \"unknown\"); an optional "
                       "survey is a survey node whose not_arising is \"exclude\"",
        "c_scale": "the top-level maxima do not make {declared} {scale}: {shown}; fix a maximum, "
                   "or, if the framework really is on another scale, declare it (scale = ...) "
                   "with its provenance",
        "c_scale_declared": "the declared scale",
        "c_scale_100": "the 100-point scale",
        "c_split_survey": "appraised {part} + survey {poll}",
        "c_split_fields": "the fields' {part}",
        "c_plus_bonus": " + bonus {value}",
        "c_minus_penalty": " − penalty {value}",
        "c_equals": " = {value}",
        "c_with_extra": " ({split}{extra} = {value})",
        "n_ranking": "ranking {name} is not a registered ranking method (registered: "
                     "{registered})",
        "n_band_method": "band_method {name} is not a registered band method (registered: "
                         "{registered})",
        "n_rule_kind": "kind {kind} is not a registered rule kind (registered: {registered})",
        "n_not_a_param": "not a parameter of a {kind} rule (it takes {takes})",
        "n_not_a_param_none": "not a parameter of a {kind} rule (it takes none)",
        "n_inputs_failed": "the {kind} kind cannot say which figures it reads (its inputs "
                           "failed: {error})",
        "n_undeclared": "the {kind} rule reads {figures}, which its kind does not declare (its "
                        "inputs are {declared}); the plugin must declare every figure it reads",
        "value_seed": "a seed value",
        "value_read": "a read value",
        "value_inferred": "an inferred value",
        "value_assumed": "an assumed value",
        "value_unknown": "an unknown value",
        "c_fails": "fails conformance: {errors} error(s), {unfinished} unfinished",
        "c_not_strict": " (not strict)",
        "c_annex_fails": "the framework imported from the annex fails conformance: {errors} "
                         "error(s); fix the annex or the file",
        "e_status_missing": "missing: every number needs a status (seed, read, inferred, "
                            "assumed or unknown)",
        "e_needs_source": "{status} needs a source",
        "e_not_a_source": "source {source} is not a key of [sources]",
        "e_citation_text": "a source's citation must be text",
        # framework authoring: framework and overlay files (_formats/toml.py,
        # _formats/overlay.py) and a framework's own checks (_base/model.py)
        "fw_no_files": "no framework files (*.toml) in {folder}/ of {package}",
        "fw_is_assessment": "this is an assessment file (it has 'points' or 'unit'), not a "
                            "framework: give it as the FILE to score, and an installed "
                            "framework id, a framework file or an overlay to --framework",
        "fw_all_zero": "every maximum of the criteria and the survey is 0: no unit could be "
                       "indexed or banded",
        "fw_tie_break_text": "tie_break lists criterion codes as text",
        "fw_publication_table": "expected a table [publication]",
        "fw_not_printed_figure": "{figure} is not a printed figure; one of {figures}",
        "fw_decimal_places": "expected a whole number of decimal places, 0 to 9",
        "fw_not_a_scale": "{value} is not a scale: give the points the index is out of (e.g. "
                          "100)",
        "fw_unitemized_zero": "unitemized = 0 excuses nothing; leave it out",
        "fw_band_table": "each band must be a table ([[bands]])",
        "fw_method_name": "{value} is not a method name (lower-case letters, digits and "
                          "hyphens, e.g. {default})",
        "fw_rule_table": "a rule is a table, e.g. rule = { kind = \"proportional\", numerator = "
                         "\"on_time\", denominator = \"total\", status = \"read\", source = "
                         "\"...\" }",
        "fw_kind_unknown_status": "kind is \"unknown\" but status is {status}",
        "fw_status_unknown_rule": "status is \"unknown\" but the rule is given (kind {kind}); "
                                  "say where it comes from, or write kind = \"unknown\"",
        "fw_not_a_kind": "{kind} is not a rule kind's name; built in: {kinds}",
        "fw_number_or_unknown": "missing: give a number, or \"unknown\" when no source gives it",
        "fw_negative": "{value} is negative",
        "fw_value_unknown_status": "{name} is \"unknown\" but status is {status}",
        "fw_status_unknown_value": "status is \"unknown\" but {name} is given ({value}); say "
                                   "where it comes from, or write {name} = \"unknown\"",
        "fw_own_parent": "is its own parent",
        "fw_parent_chain": "its parent chain loops: {chain} (each code names the next as its "
                           "parent)",
        "fw_parent_loops": "its parent chain loops",
        "fw_too_deep": "is {depth} levels deep; a framework's criteria nest at most {max} levels",
        "fw_band_above_index": "band {band}: minimum {min} is above 100, the highest index "
                               "(band_basis is index)",
        "fw_no_criteria": "no criteria: a framework lists at least one [criteria.\"code\"]",
        "fw_criterion_table": "each criterion is a table: [criteria.\"code\"]",
        "fw_too_many": "{count} criteria; a framework has at most {max}",
        "fw_parent_undefined": "its parent {parent} is not defined",
        "fw_kind_differs": "kind {kind} differs from its parent's {parent}",
        "md_max_not_finite": "maximum {value} is not a finite number ≥ 0",
        "md_bad_id": "framework id {id} is not of the form province/level/year (lower-case "
                     "ASCII, e.g. 'thua-thien-hue/commune/2022')",
        "md_level_differs": "level {level} differs from the id's {id_level}",
        "md_years_order": "last_year is before first_year",
        "md_decimals": "decimals must be between 0 and 9",
        "md_too_many": "more than {max} criteria; a framework has at most {max}",
        "md_too_deep": "criteria nest more than {max} levels deep; a framework has at most {max}",
        "md_code_twice": "code appears twice",
        "md_rule_has_items": "a {kind} rule computes a leaf's points, but this node has items",
        "md_tie_break_unknown": "tie_break names unknown code {code}",
        "md_band_names": "band names repeat: {names}; each band has its own name",
        "md_band_decrease": "band minima must strictly decrease from the first band to the last",
        "md_last_band": "the last band ({band}) must start at 0 so that bands cover every value",
        "md_band_negative": "band minima must be ≥ 0",
        "ov_bad_id": "{id} is not a framework id of the form province/level/version (e.g. "
                     "'quang-tri/district/2020-annex')",
        "ov_other_base": "the overlay completes {named}, not {base}",
        "ov_own_id": "the derived framework needs its own id (e.g. '{id}-annex'), so that it "
                     "is never mistaken for the shipped one",
        "ov_level": "the derived framework's level must stay {level}",
        "ov_own_sources": "an overlay cites its own sources: add [sources] with at least one "
                          "entry (e.g. annex = \"QĐ .../QĐ-UBND, Phụ lục ...\")",
        "ov_source_taken": "the base already has a source {name}; choose another key",
        "ov_conflict": "conflicts with the base, which gives {was} ({path}); if the overlay "
                       "corrects it deliberately, add {quoted} to corrects = [...] at the top",
        "ov_was_thresholds": "sourced thresholds",
        "ov_was_max": "max {max} ({status})",
        "ov_was_rule": "a {kind} rule",
        "ov_was_provenance": "its provenance ({status}, {source})",
        "ov_was_years": "the years {years} ({status})",
        "ov_corrects_unused": "{path} is listed in corrects, but the overlay does not change it",
        "ov_corrects_text": "corrects lists paths as text, e.g. [\"criteria.3.max\", \"bands\"]",
        "ov_adds_beneath": " (an overlay adds nodes only beneath the base's nodes: give parent "
                           "= \"...\" or a code that extends a known one, like 3.4.2 under 3.4)",
        "ov_numbers_only": "an overlay gives numbers; leave out what it does not know",
        "ov_provenance_of_max": "status, source and note are the provenance of max; give max "
                                "with them (a rule has its own status and source)",
        "ov_rules_only": "an overlay gives rules; leave out what it does not know",
        "ov_rule_has_items": "a rule computes a leaf's points; this node has items",
        "ov_items_beneath_rule": "the overlay adds items beneath {code}, whose {kind} rule "
                                 "computes a leaf's points; a node with items has no rule",
        "ov_added_needs_max": "an overlay gives numbers; an added item needs its maximum",
        "ov_status_not_unknown": "an overlay gives what a source establishes; status cannot be "
                                 "\"unknown\"",
        "ov_fact_provenance": "the overlay sets {fact}; say where it comes from in [provenance] "
                              "({fact} = {{ status = ..., source = ... }})",
        "ov_years_provenance": "the overlay sets the years it covers; say where that comes from "
                               "in [provenance] (years = { status = ..., source = ... })",
        "ov_after": "after the overlay, {code}: {what}",
        "ov_total_changes": "the overlay changes the framework's total from {before} to {after}",
        # a rule's parameters in a framework file (_engine/rules.py's checks)
        "rp_positive": "{value} must be greater than 0",
        "rp_name_missing": "missing; name the figure the assessment reports (e.g. {name} = "
                           "\"on_time\")",
        "rp_not_a_name": "{value} is not a figure name (letters, digits and _)",
        "rp_not_a_name_bare": "not a figure name (letters, digits and _)",
        "rp_same_figure": "numerator and denominator name the same figure",
        "rp_above_max": "{value} is above the maximum {max}",
        "rp_target_share": "{value} is a share above 1 (write 0.95 for 95 %)",
        "rp_decimals": "{value} must be a whole number from 0 to 9",
        "rp_more_places": "{value} has more places than decimals = {decimals}",
        "rp_round_below": "{decimals} places cannot round below the maximum {max}; give "
                          "decimals ≥ {places} or a cap",
        "rp_floor_cap": "floor {floor} is above cap {cap}",
        "rp_input_or_ratio": "give either input (one figure) or numerator and denominator (a "
                             "share), not both",
        "rp_steps_missing": "missing; a list like [{ min = 0.95, points = 1 }, { min = 0.8, "
                            "points = 0.5 }]",
        "rp_step_table": "each step is a table { min = ..., points = ... }",
        "rp_steps_order": "steps go from the highest min down; {low} is not below {previous}",
        "rp_per_missing": "missing; the points deducted per occurrence (e.g. per = 0.25)",
        "rp_decimals_hold": "decimals = {decimals} cannot hold the maximum {max}; give "
                            "decimals ≥ {places}",
        "rp_names_missing": "missing; a list of the figures the assessment reports, e.g. "
                            "{name} = [\"access\", \"procedures\", \"officials\"]",
        "rp_listed_twice": "{value} is listed twice",
        "rp_weights_missing": "missing; a table of figure = weight, e.g. weights = { access = "
                              "0.2, procedures = 0.3, officials = 0.5 }",
        "rp_answers_missing": "missing; a list like [{ input = \"very_satisfied\", label = "
                              "\"Rất hài lòng\", points = 1 }, ...], one entry per answer on "
                              "the scale",
        "rp_answer_table": "each answer is a table { input = ..., label = ..., points = ... } "
                           "(label optional)",
        "rp_not_text": "{value} is not text",
        "rp_also_answer": "{value} is also an answer",
        # tomllib's own sentences (a fixed set), said when a file is not valid TOML
        "toml_at": " (at line {line}, column {column})",
        "toml_at_end": " (at end of document)",
        # what a library wrote, quoted as it is (in English, its own words)
        "quoted_tomllib": "{detail}",
        "quoted_openpyxl": "{detail}",
        "quoted_docx": "{detail}",
        "quoted_csv": "{detail}",
        "quoted_json": "{detail}",
        "toml_invalid_statement": "Invalid statement",
        "toml_newline": "Expected newline or end of document after a statement",
        "toml_expected_equals": "Expected '=' after a key in a key/value pair",
        "toml_table_end": "Expected ']' at the end of a table declaration",
        "toml_array_end": "Expected ']]' at the end of an array declaration",
        "toml_expected": "Expected {what}",
        "toml_invalid_char": "Found invalid character {char}",
        "toml_declare_twice": "Cannot declare {name} twice",
        "toml_overwrite": "Cannot overwrite a value",
        "toml_immutable": "Cannot mutate immutable namespace {name}",
        "toml_redefine": "Cannot redefine namespace {name}",
        "toml_key_start": "Invalid initial character for a key part",
        "toml_unclosed_array": "Unclosed array",
        "toml_duplicate_inline": "Duplicate inline table key {name}",
        "toml_unclosed_inline": "Unclosed inline table",
        "toml_backslash": "Unescaped '\\' in a string",
        "toml_hex": "Invalid hex value",
        "toml_scalar": "Escaped character is not a Unicode scalar value",
        "toml_unterminated": "Unterminated string",
        "toml_illegal_char": "Illegal character {char}",
        "toml_date": "Invalid date or datetime",
        "toml_value": "Invalid value",
        # what scoring needs that no source gives (MissingInformationError), and how to supply it
        "m_missing_write": "missing {path}; in an overlay write: {write}",
        "m_missing_bands": "missing {path}; in an overlay write every band, highest first: "
                           "[[bands]] name = \"...\", min = ..., status = \"read\", source = "
                           "\"...\" (the overlay's bands replace the base's)",
        "m_missing_same_bands": "missing {path} (in the same [[bands]] list)",
        "m_missing_fact": "missing {path}; in an overlay write: {path} = ... and [provenance] "
                          "{path} = {{ status = \"read\", source = \"...\" }}",
        "m_supply": "supply them in an overlay file: base = \"{base}\", id = "
                    "\"{base}-completed\", [sources] with your source, then the keys above; "
                    "pass it with --framework FILE (see the Overlays page of the docs)",
        "m_no_rule": "{code} ({name}) has no rule that computes its points from figures in "
                     "{framework}; give its points in [points], or give it a rule in an overlay "
                     "([criteria.\"{code}\".rule])",
        "m_rule_unknown": "no source says how {framework} scores {code} ({name}) from figures: "
                          "its rule is unknown. Give its points in [points], or supply the rule "
                          "in an overlay: [criteria.\"{code}\".rule] with kind, its parameters, "
                          "status and source (see the overlays docs)",
        "m_rule_needs_max": "the {kind} rule of {code} ({name}) needs its maximum, which no "
                            "source gives; supply it in an overlay: [criteria.\"{code}\"] max = "
                            "..., status, source",
        "m_rule_of": " (rule {kind} of {code})",
        "m_x_unknown_policy": "marked \"x\" (did not arise), but no source says how {framework} "
                              "counts {code} ({name}) then; give its points instead, or "
                              "complete the framework with a not_arising policy for this node",
        "m_x_full_unknown_max": "marked \"x\", which counts as full marks, but the maximum of "
                                "{code} is unknown; give its points instead",
        "m_x_zero_unknown_max": "marked \"x\", which counts as zero of its maximum, but the "
                                "maximum of {code} is unknown; give its points instead",
        "m_items_above_max": "its items add up to {points}, above its maximum {max}",
        "m_band_needs_maxima": "the band of {framework} is decided on the index, which needs "
                               "the maxima of {codes}; no source gives them",
        "m_nothing_arose": "nothing arose, so there is no index to band",
        "m_threshold_unknown": "whether {value} reaches band {band} of {framework} depends on "
                               "its threshold, which no source gives",
        # units that cannot be ranked, and units ranked together that cannot be
        "m_no_index_rank": "{unit} cannot be ranked on the index: it has none (nothing arose)",
        "m_no_index_rank_unknown": "{unit} cannot be ranked on the index: it has none (nothing "
                                   "arose, or a maximum is unknown)",
        "m_no_tie_points": "{unit} has no points for {code}, which breaks ties in {framework}; "
                           "give them",
        "e_years_together": "units of different years ranked together: {years}",
        "e_unit_twice": "unit {unit} appears twice{within}",
        # ranking methods asked for by name, methods a framework names but nobody bound, and a
        # plugin's method that misranks (_engine/ranking.py, _engine/scoring.py)
        "mt_misranks": "ranking method {name} gave ranks {ranks} that do not follow the values "
                       "(a higher value ranked below a lower one, or not one rank ≥ 1 per unit)",
        "mt_not_builtin": "no built-in ranking method is named {name}{hint} Built in: "
                          "{builtin}; for a plugin's method pass its Ranker "
                          "(parindex.registry().ranking_methods[name])",
        "mt_unbound": "no {what} named {name} was registered when {framework} was built; "
                      "install the plugin that registers it (with the {hook} hook) and load "
                      "the framework again",
        "mt_ranking_method": "ranking method",
        "mt_band_method": "band method",
        "mt_rule_kind": "rule kind",
        "mt_band_returned": "band method {name} returned {band}, not one of the bands of "
                            "{framework}",
        # rank_values: keys that do not compare (cmp12, typed errors of the API)
        "mt_incomparable": "values that do not compare with one another cannot be ranked: "
                           "{first} and {second}",
        # the batch kernel (score_many(..., batch=True), to_matrix, score_matrix): what it refuses
        "b_integer_points": "points must be an integer array (points × 10**scale), not {dtype}; "
                            "floats are never exact",
        "b_boolean_marks": "not_arising must be a boolean array, not {dtype}",
        "b_scale": "scale must be an integer ≥ 0, not {value}",
        "b_shape": "points must have shape (units, {leaves}), one column per leaf code; got "
                   "{shape}",
        "b_marks_shape": "not_arising has shape {marks}, points {points}; they must agree",
        "b_names_rows": "{names} unit names for {rows} rows",
        "b_no_names": "no unit names: pass units, or build the matrix with them",
        "b_group_codes": "group codes must be an integer array of shape ({rows},)",
        "b_not_a_code": "{code} is not a code of {framework}",
        "b_columns": "the matrix's columns are not the leaves of {framework} in depth-first "
                     "order; build it with parindex.to_matrix(framework, assessments)",
        "b_methods": "{framework} uses the ranking method {ranking} and the band method {band}; "
                     "the batch API supports only the built-in ones (ranking competition or "
                     "dense, band_method minimum). Score it with parindex.score_many, which "
                     "supports every registered method",
        "b_rounded": "{framework} declares bands and ranks decided on published rounded figures; "
                     "the batch API decides on exact values only. Score it with "
                     "parindex.score_many",
        "b_unknown_maxima": "the batch API needs every maximum of {framework}, but no source "
                            "gives those of {codes}; supply them in a completed framework file, "
                            "or score with parindex.score_many, which needs them only where a "
                            "result depends on them",
        "b_figures": "{unit} gives figures for rules to score; the batch API takes points only; "
                     "score such assessments with parindex.score_many",
        "b_items_given": "points are given for {code} ({name}), which has items ({items}); the "
                         "batch API takes points at the leaves only; score such assessments with "
                         "parindex.score_many",
        "b_not_decimal": "{value} is not an exact finite Decimal (nor NOT_ARISING)",
        "b_int64": "{framework} at {places} decimal places does not fit 64-bit integers; score "
                   "with parindex.score_many",
        "b_threshold": "whether it reaches band {band} of {framework} depends on its threshold, "
                       "which no source gives; supply bands.min in a completed framework file",
        "b_more": "... and {count} more problems",
        # cells_to_matrix: a table's value too large for the kernel
        "b_value_int64": "{value} cannot be held exactly at {places} decimal places in 64-bit "
                         "integers; score these assessments with parindex.score_many",
        # figures a leaf's rule cannot score ([inputs], parindex rule)
        "r_missing": "the figure {name} is missing",
        "r_yes_no": "{name} = {value} is a yes/no answer; give a number",
        "r_negative": "{name} = {value} is negative",
        "r_zero_share": "{denominator} = 0: the share {numerator} / {denominator} is undefined; "
                        "if nothing arose, mark the item \"x\" in [points] instead",
        "r_more_than": "{numerator} = {part} is more than {denominator} = {whole}",
        "r_given": "its points are given, not computed from figures",
        "r_yes_no_rule": "{name} = {value}: a yes-no rule takes true or false",
        "r_whole_count": "{name} = {value} is not a whole count",
        "r_percent_yes_no": "{name} = {value} is a yes/no answer; give a percentage from 0 to 100",
        "r_percent_range": "{name} = {value} is outside [0, 100] %: give the percentage (91.17 "
                           "for 91.17 %), not a share or a count",
        "r_whole_answers": "{name} = {value} is not a whole count of answers",
        "r_answers_sum": "the answers do not add up: {names} = {total}, but {respondents} = "
                         "{stated}",
        "r_no_answers": "no answers (every count is 0): the mean is undefined; if the survey "
                        "did not take place, mark the item \"x\" in [points]",
        # visweep: English left under --lang vi
        "rule_points": "{points} points",
        "rv_reads": "a {kind} rule reads {wanted}",
        "rv_nothing": "nothing",
        "rv_missing": "missing {names}",
        "rv_not_read": "not read by the rule: {names}",
        "rv_gave": "the {kind} rule gave {points}, not points in [0, {max}]",
        "rv_failed": "rule kind {kind} failed on these figures: {error}",
        "rv_undeclared_read": "the {kind} rule reads the figure {name}, which it does not "
                              "declare (it declares {declared}): a fault of the rule kind's "
                              "inputs, not of the assessment",
        "opt_not_figure": "{value} is not NAME=VALUE",
        "opt_either_comma": "{value} reads two ways: {whole} (a thousands comma) or {point} "
                            "(a decimal comma); write {whole} or {point}",
        "opt_not_maximum": "{value} is not CODE=MAXIMUM",
        "opt_not_band": "{value} is not NAME=MIN, e.g. \"Tốt=80\"",
        "opt_divides_by_zero": "{value} divides by zero",
        "opt_previous_year": "{path}: the result of {year}, not of a year before {before}",
        "pv_plugins_empty": "PARINDEX_PLUGINS is set but empty ({value}): it would disable every "
                            "plugin; unset it to load all plugins, or name the plugins to load",
        "pv_not_installed": "PARINDEX_PLUGINS names it, but no installed plugin has this name",
        "pv_changed": "framework {framework} was changed after it was registered (frameworks are "
                      "immutable)",
        "pv_returned": "TypeError: {hook} returned {got}, not {kind}",
        "pv_conflict": "{what} is provided by more than one plugin: {plugins}",
        "pv_what_framework": "framework {name}",
        "pv_what_rule": "rule {name}",
        "pv_what_ranking": "ranking {name}",
        "pv_what_band": "band {name}",
        "pv_framework": "framework {framework}: ",
        "pv_not_marked": "{name}{where} is not marked @parindex.hookimpl, so parindex never "
                         "calls it; decorate it with @parindex.hookimpl",
        "pv_not_a_hook": "{name}{where} is named like a hook but is none {hint}; rename it, or "
                         "mark it @parindex.hookimpl if it is one",
        "pv_hook_close": "(did you mean {close}?)",
        "pv_hooks": "(the hooks are {hooks})",
        "pv_where": " ({file}, line {line})",
        "pv_failed": "plugin {name} ({distribution}) failed: {error}",
        "b_groups_rows": "{groups} groups for {rows} rows",
        "b_group_text": "a group must be text (or None), not {value}",
        "tb_summary_refused": "the table gives {column} but no field's points, and {framework} "
                              "cannot be checked from it: {why}; give the fields' points",
        "tb_column_appraised": "the appraised part",
        "tb_column_total": "the total",
        "tb_why_bonus": "its total includes bonus or penalty points, which the table does not give",
        "tb_why_tie": "it breaks ties on the points of {codes}",
        "tb_maxima_unknown": "the maxima of {codes} are unknown",
        "tb_maxima_sum": "the sum of the maxima of {codes}",
        "pv_raised": "{error}",
        "click:{value!r} does not match the format {format}.": "{value!r} does not match the "
                                                               "format {format}.",
        "click:{value!r} does not match the formats {formats}.": "{value!r} does not match the "
                                                                 "formats {formats}.",
        "click:Missing command.": "Missing command.",
        # vi21: the last English and mixed styles under --lang vi (issue 11)
        "cli_share_or_max": "give --survey-share or --max, not both",
        "s_docx_table": "table {number}",
        # The notes 'parindex import framework' and 'import overlay' write into the data
        # (provenance): written in English, recognised when read back (written_note) and
        # said in the reader's language. These texts are what files already hold: never
        # reword them (a file written before would no longer be recognised).
        "wn_row": "Row {row} of the annex.",
        "wn_row_new": "Row {row} of the annex; not in {base}.",
        "wn_row_no_max": "Row {row} of the annex prints no maximum.",
        "wn_row_sum": "Row {row} of the annex prints no maximum: the sum of its items' maxima "
                      "(rows {rows}).",
        "wn_band_printed": "Printed in the annex: {line}.",
        "wn_no_bands": "The annex gives no bands (xếp loại); supply every band, highest first, "
                       "with its threshold and source.",
        "wn_years": "The annex does not say which assessment years it governs; {year} is the "
                    "id's year given when importing it.",
        "wn_not_arising": "The annex does not say how an item that did not arise (không phát "
                          "sinh) counts: \"unknown\", so marking an item x refuses to score; "
                          "supply the decision's rule.",
        "wn_band_basis": "The annex does not say whether bands apply to the index or to "
                         "points; \"index\" is a placeholder.",
        "wn_decimals": "Display only; the decision's rounding rule is not in the annex; supply "
                       "it (an overlay, or edit this file) with its source.",
        "wn_ranking": "How tied units are ranked is not in the annex; supply it (an overlay, or "
                      "edit this file) with its source; competition ranking (1, 2, 2, 4) is "
                      "used.",
        "wn_rank_by": "Whether units are ranked on total points or on the index is not in the "
                      "annex; supply it (an overlay, or edit this file) with its source; total "
                      "points are used.",
        "wn_tie_break": "No tie-break rule in the annex: tied units share a rank.",
        "wn_bands_given": "The bands are given, but whether they apply to the index or to "
                          "points is not; \"index\" is a placeholder.",
        "wn_given_not_arising": "Given when importing the annex (--not-arising).",
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


class Alternatives(tuple[object, ...]):
    """Values one of which is asked for: ``.csv or .xlsx``, ``.csv hoặc .xlsx``."""

    __slots__ = ()


class Count(int):
    """A whole number written with its thousands grouped: ``1,048,576`` in English,
    ``1.048.576`` in Vietnamese (a plain ``int``, such as a row or a year, is not)."""

    __slots__ = ()


def _value(value: object, lang: str) -> str:
    if isinstance(value, Sentence):
        return value.said(lang)
    if isinstance(value, Decimal):
        return number_text(value, lang)
    if isinstance(value, Count):
        grouped = f"{value:,}"
        return grouped.replace(",", ".") if lang == "vi" else grouped
    if isinstance(value, tuple):
        separator = (" + " if isinstance(value, Terms) else message(lang, "or")
                     if isinstance(value, Alternatives) else ", ")
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

    def removeprefix(self, prefix: str, /) -> Sentence:
        """The sentence without a ``prefix`` said as it is (``"numerator: "``), still said
        in either language.

        >>> said = "steps[0]." + Sentence("fw_negative", value=Decimal("-1"))
        >>> said.removeprefix("steps[0].").said("vi")
        '-1 là số âm'
        """
        parts = list(self.parts)
        rest = prefix
        while rest and parts and parts[0][0] == VERBATIM:
            text = str(parts[0][1]["text"])
            if not (text.startswith(rest) or rest.startswith(text)):
                break
            taken = min(len(text), len(rest))
            rest = rest[taken:]
            parts[0] = (VERBATIM, {"text": text[taken:]})
            if not parts[0][1]["text"]:
                parts.pop(0)
        if rest:  # not a verbatim prefix: as str.removeprefix, in the words it has
            return Sentence.joined(((VERBATIM, {"text": str.removeprefix(self, prefix)}),))
        return Sentence.joined(parts)


def _parts(text: str) -> tuple[tuple[str, Mapping[str, object]], ...]:
    return text.parts if isinstance(text, Sentence) else ((VERBATIM, {"text": text}),)


def listed(texts: Iterable[str], separator: str = "; ") -> Sentence:
    """``texts`` one after another with ``separator`` between them, as one sentence: each
    :class:`Sentence` among them (and a separator that is one, such as ``Sentence("and")``)
    is still said in the reader's language (``str.join`` would keep only its English).

    >>> say(listed([Sentence("row_not_scored"), "x"]), "vi")
    'dòng này không chấm điểm được; x'
    """
    parts: list[tuple[str, Mapping[str, object]]] = []
    for number, text in enumerate(texts):
        if number:
            parts.extend(_parts(separator))  # a Sentence (" and ") said too
        parts.extend(_parts(text))
    return Sentence.joined(parts)


def shortlist(names: Sequence[str], shown: int | None = 3, *,
              width: int | None = None) -> Sentence:
    """Names that may be many (units tied on a value) as a list that stays short: the
    first ``shown``, or with ``width`` as many as fit in about that many characters (at
    least one), then how many more; all of them when only one would be left out.

    >>> shortlist(["Xã A", "Xã B", "Xã C", "Xã D", "Xã E"]).said("vi")
    'Xã A, Xã B, Xã C và 2 đơn vị khác'
    >>> shortlist(["Xã A", "Xã B", "Xã C", "Xã D"]), shortlist(["Xã A", "Xã B", "Xã C"], width=10)
    ('Xã A, Xã B, Xã C, Xã D', 'Xã A, Xã B and 1 more')
    """
    kept = list(names[:shown])
    if width is not None:
        kept = kept[:1]
        for name in names[1:shown]:
            if len(", ".join([*kept, name])) > width:
                break
            kept.append(name)
    if len(names) == len(kept) + 1 and width is None:
        kept = list(names)
    text: list[tuple[str, Mapping[str, object]]] = [(VERBATIM, {"text": ", ".join(kept)})]
    if len(names) > len(kept):
        text.append(("few_more", {"count": Count(len(names) - len(kept))}))
    return Sentence.joined(text)


def reason(error: BaseException) -> str:
    """What an error says, to quote in a problem: the sentence it was made of (a
    :class:`~parindex.ParindexError`'s problems, a number error's message), so that it is
    said in the reader's language, else its text."""
    sentence = getattr(error, "sentence", None)
    if callable(sentence):
        said: str = sentence()
        return said
    first = error.args[0] if len(error.args) == 1 else None
    return first if isinstance(first, Sentence) else str(error)


@functools.cache
def _written_forms() -> tuple[tuple[str, re.Pattern[str]], ...]:
    forms = []
    for key, text in MESSAGES["en"].items():
        if key.startswith("wn_"):
            pieces = re.split(r"\{(\w+)\}", text)  # literal, field, literal, ...
            forms.append((key, re.compile("".join(
                re.escape(piece) if i % 2 == 0 else f"(?P<{piece}>.+?)"
                for i, piece in enumerate(pieces)), re.DOTALL)))
    return tuple(forms)


def written_note(text: str) -> str:
    """A note read from a file: one parindex wrote itself (``import framework``, ``import
    overlay``: the English of a ``wn_*`` text) as the :class:`Sentence` it was, said in the
    reader's language; any other text as it is. Its English is the text, character for
    character (else it stays text), so that writing the file again loses nothing.

    >>> say(written_note("Row 12 of the annex."), "vi"), written_note("Row 12, I checked.")
    ('dòng 12 của phụ lục.', 'Row 12, I checked.')
    """
    if isinstance(text, Sentence):
        return text
    for key, form in _written_forms():
        match = form.fullmatch(text)
        if match is not None:
            sentence = Sentence(key, **match.groupdict())
            if sentence == text:
                return sentence
    return text


def figure(what: str) -> str:
    """A printed figure's name as a sentence (``total``, ``band``, ``rank``…); a
    criterion code stays as it is."""
    return Sentence(f"w_{what}") if f"w_{what}" in MESSAGES["en"] else what


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
