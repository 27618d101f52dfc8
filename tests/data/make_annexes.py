"""Write the INVENTED annexes of tests/data/annexes (run: ``python tests/data/make_annexes.py``).

Every number and name of these tables is INVENTED for the tests and the tutorial "From
the annex to the ranking": no decision prints them. Each file says so in its title.

- ``tinh-mau-2024.docx`` and ``.xlsx``: the annex of a made-up province ("tỉnh Mẫu"):
  three levels (field, criterion, component), a sociological survey block, a totals row,
  and (in the .docx) the bands printed under the table;
  the .xlsx prints the codes at the start of the names ("1.1. Kế hoạch CCHC") and its
  header over two rows.
- ``tinh-mau-2024-missummed.docx``: the same with a deliberately mis-summed field (the
  items of field 2 add up to 24, not 25).
- ``quang-ngai-2023-invented.docx``: a table with the codes of Quảng Ngãi's commune
  skeleton (3.1.1.2, 3.4.1, 3.4.3, 6.2.3, 7.3.3, 7.3.4, 7.3.6, 7.3.7 among others) and
  the criteria it lacks. Its maxima are INVENTED: the real annex of QĐ 673/QĐ-UBND was not
  available; the bands under it are invented too.
- ``units/*.xlsx``: scoring sheets of three made-up communes of tỉnh Mẫu (invented points).

The tutorial "From the annex to the ranking" uses copies of the tỉnh Mẫu annex, the units'
sheets and the Quảng Ngãi table, in docs/examples/annex/.
"""

from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path

from parindex._formats.sheet_writer import Value, write_grid

HERE = Path(__file__).parent / "annexes"
DOCS = Path(__file__).parents[2] / "docs" / "examples" / "annex"
INVENTED = "DỮ LIỆU BỊA ĐẶT ĐỂ KIỂM THỬ (invented test data: no decision prints these numbers)"

#: code, name, maximum
TINH_MAU: list[tuple[str, str, D]] = [
    ("1", "Công tác chỉ đạo, điều hành cải cách hành chính", D(10)),
    ("1.1", "Kế hoạch cải cách hành chính năm", D(3)),
    ("1.1.1", "Ban hành kế hoạch đúng thời hạn", D("1.5")),
    ("1.1.2", "Mức độ thực hiện kế hoạch", D("1.5")),
    ("1.2", "Báo cáo cải cách hành chính định kỳ", D(2)),
    ("1.3", "Kiểm tra công tác cải cách hành chính", D(2)),
    ("1.4", "Tuyên truyền cải cách hành chính", D(3)),
    ("2", "Cải cách thủ tục hành chính", D(25)),
    ("2.1", "Công khai thủ tục hành chính", D(5)),
    ("2.2", "Tỷ lệ hồ sơ giải quyết đúng hạn", D(10)),
    ("2.2.1", "Hồ sơ tiếp nhận trực tiếp", D(5)),
    ("2.2.2", "Hồ sơ tiếp nhận trực tuyến", D(5)),
    ("2.3", "Xin lỗi người dân khi trễ hẹn", D(10)),
    ("3", "Xây dựng chính quyền điện tử", D(35)),
    ("3.1", "Dịch vụ công trực tuyến", D(20)),
    ("3.2", "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính", D(15)),
    ("4", "Khảo sát sự hài lòng của người dân, tổ chức", D(30)),
]

QUANG_NGAI: list[tuple[str, str, D]] = [
    ("1", "Công tác chỉ đạo, điều hành", D(12)),
    ("1.1", "Kế hoạch cải cách hành chính", D(4)),
    ("1.2", "Báo cáo cải cách hành chính", D(3)),
    ("1.3", "Tuyên truyền cải cách hành chính", D(5)),
    ("2", "Cải cách thể chế", D(8)),
    ("3", "Cải cách thủ tục hành chính", D(20)),
    ("3.1", "Kiểm soát thủ tục hành chính", D(6)),
    ("3.1.1", "Rà soát, đơn giản hóa thủ tục hành chính", D(4)),
    ("3.1.1.1", "Ban hành kế hoạch rà soát thủ tục hành chính", D(2)),
    ("3.1.1.2", "Có các kiến nghị cải cách TTHC, kiến nghị cụ thể sửa đổi, bổ sung VBQPPL "
                "quy định TTHC", D(2)),
    ("3.1.2", "Công khai thủ tục hành chính", D(2)),
    ("3.4", "Kết quả giải quyết hồ sơ thủ tục hành chính", D(14)),
    ("3.4.1", "Tỷ lệ hồ sơ TTHC do UBND xã tiếp nhận trong năm được giải quyết trước hạn, "
              "đúng hạn", D(6)),
    ("3.4.2", "Tỷ lệ hồ sơ được số hóa khi tiếp nhận", D(4)),
    ("3.4.3", "Thực hiện việc xin lỗi người dân, tổ chức khi để xảy ra trễ hạn trong giải "
              "quyết hồ sơ TTHC", D(4)),
    ("4", "Cải cách tổ chức bộ máy", D(8)),
    ("5", "Cải cách chế độ công vụ", D(10)),
    ("6", "Cải cách tài chính công", D(8)),
    ("6.2", "Quản lý, sử dụng tài sản công", D(8)),
    ("6.2.1", "Ban hành quy chế quản lý tài sản công", D(3)),
    ("6.2.2", "Công khai tài sản công", D(2)),
    ("6.2.3", "Thực hiện quy định về sắp xếp lại, xử lý nhà, đất thuộc thẩm quyền quản lý",
     D(3)),
    ("7", "Xây dựng và phát triển chính quyền điện tử, chính quyền số", D(20)),
    ("7.3", "Cung cấp dịch vụ công trực tuyến", D(20)),
    ("7.3.1", "Cập nhật thủ tục hành chính trên Cổng dịch vụ công", D(3)),
    ("7.3.2", "Tiếp nhận hồ sơ trực tuyến", D(3)),
    ("7.3.3", "Triển khai thực hiện số hóa hồ sơ, kết quả giải quyết TTHC", D(3)),
    ("7.3.4", "Tỷ lệ hồ sơ có phát sinh dịch vụ công trực tuyến một phần", D(3)),
    ("7.3.5", "Trả kết quả trực tuyến", D(2)),
    ("7.3.6", "Tỷ lệ hồ sơ trực tuyến toàn trình", D(3)),
    ("7.3.7", "Thực hiện thanh toán trực tuyến", D(3)),
    ("8", "Tác động của cải cách hành chính đến người dân, tổ chức", D(14)),
]

#: Three made-up communes of tỉnh Mẫu: appraised points per leaf (INVENTED).
UNITS: dict[str, dict[str, D]] = {
    "xa-an-binh": {"1.1.1": D("1.5"), "1.1.2": D("1.25"), "1.2": D(2), "1.3": D("1.5"),
                   "1.4": D("2.5"), "2.1": D(5), "2.2.1": D("4.75"), "2.2.2": D(4),
                   "2.3": D(10), "3.1": D(16), "3.2": D(12), "4": D("26.4")},
    "xa-hoa-phu": {"1.1.1": D(1), "1.1.2": D(1), "1.2": D("1.5"), "1.3": D(1),
                   "1.4": D(2), "2.1": D(4), "2.2.1": D(4), "2.2.2": D(3), "2.3": D(8),
                   "3.1": D(12), "3.2": D(9), "4": D("24.15")},
    "xa-tan-my": {"1.1.1": D("1.5"), "1.1.2": D("1.5"), "1.2": D(2), "1.3": D(2),
                  "1.4": D(3), "2.1": D(5), "2.2.1": D(5), "2.2.2": D("4.5"), "2.3": D(10),
                  "3.1": D(18), "3.2": D(14), "4": D("27.9")},
}
UNIT_NAMES = {"xa-an-binh": "UBND xã An Bình", "xa-hoa-phu": "UBND xã Hòa Phú",
              "xa-tan-my": "UBND xã Tân Mỹ"}


def annex(path: Path, rows: list[tuple[str, str, D]], *, province: str, decision: str,
          codes_in_names: bool = False, total: D | None = None) -> None:
    title = [f"PHỤ LỤC: BỘ TIÊU CHÍ XÁC ĐỊNH CHỈ SỐ CẢI CÁCH HÀNH CHÍNH CẤP XÃ, {province}",
             f"(Kèm theo Quyết định số {decision})", INVENTED]
    table: list[list[Value]] = []
    for code, name, maximum in rows:
        evidence = "Kế hoạch, báo cáo" if code.count(".") == 2 else None
        if codes_in_names:
            table.append([f"{code}. {name}", maximum, evidence])
        else:
            table.append([code, name, maximum, evidence])
    if total is not None:
        table.append(["Tổng cộng", total, None] if codes_in_names
                     else [None, "Tổng cộng", total, None])
    if codes_in_names:
        header: list[list[Value]] = [["Lĩnh vực / tiêu chí / tiêu chí thành phần",
                                      "Điểm", "Tài liệu kiểm chứng"],
                                     [None, "Tối đa", None]]
        merges = [(0, 0, 1, 0), (0, 2, 1, 2)]
    else:
        header = [["STT", "Lĩnh vực, tiêu chí, tiêu chí thành phần", "Điểm tối đa",
                   "Tài liệu kiểm chứng"]]
        merges = []
    write_grid(path, table, title=title, header=header, merges=merges, decimal_comma=True)


#: The bands each annex prints under its table (INVENTED thresholds).
TINH_MAU_BANDS = ["Xếp loại (Điều 5):", "- Xuất sắc: từ 90 điểm trở lên;",
                  "- Tốt: từ 80 điểm đến dưới 90 điểm;", "- Khá: từ 70 điểm đến dưới 80 điểm;",
                  "- Trung bình: từ 50 điểm đến dưới 70 điểm;", "- Yếu: dưới 50 điểm."]
TINH_MAU_MINIMA = [("Xuất sắc", 90), ("Tốt", 80), ("Khá", 70), ("Trung bình", 50), ("Yếu", 0)]
QUANG_NGAI_BANDS = ["Xếp loại:", "a) Hoàn thành xuất sắc nhiệm vụ: từ 90 điểm trở lên;",
                    "b) Hoàn thành tốt nhiệm vụ: từ 80 đến dưới 90 điểm;",
                    "c) Hoàn thành nhiệm vụ: từ 65 đến dưới 80 điểm;",
                    "d) Không hoàn thành nhiệm vụ: dưới 65 điểm."]


def paragraphs_after(path: Path, lines: list[str]) -> None:
    """Paragraphs under a Word annex's table, as decisions print the bands there."""
    import docx

    document = docx.Document(str(path))
    for line in lines:
        document.add_paragraph(line)
    document.save(str(path))


def scoring_sheet(path: Path, unit: str, points: dict[str, D]) -> None:
    title = ["UBND HUYỆN MẪU", unit.upper(),
             "BẢNG KẾT QUẢ THẨM ĐỊNH CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2024", INVENTED]
    table: list[list[Value]] = []
    for code, name, maximum in TINH_MAU:
        table.append([code, name, maximum, points.get(code)])
    header: list[list[Value]] = [["STT", "Tiêu chí", "Điểm tối đa", "Điểm thẩm định"]]
    write_grid(path, table, title=title, header=header)


def main() -> None:
    HERE.mkdir(exist_ok=True)
    (HERE / "units").mkdir(exist_ok=True)
    province = "TỈNH MẪU (TỈNH BỊA ĐẶT)"
    annex(HERE / "tinh-mau-2024.docx", TINH_MAU, province=province,
          decision="999/QĐ-UBND ngày 15/01/2024 (bịa đặt)", total=D(100))
    paragraphs_after(HERE / "tinh-mau-2024.docx", TINH_MAU_BANDS)
    annex(HERE / "tinh-mau-2024.xlsx", TINH_MAU, province=province,
          decision="999/QĐ-UBND ngày 15/01/2024 (bịa đặt)", codes_in_names=True,
          total=D(100))
    missummed = [(c, n, D(9) if c == "2.3" else m) for c, n, m in TINH_MAU]
    annex(HERE / "tinh-mau-2024-missummed.docx", missummed, province=province,
          decision="999/QĐ-UBND ngày 15/01/2024 (bịa đặt)")
    annex(HERE / "quang-ngai-2023-invented.docx", QUANG_NGAI,
          province="TỈNH QUẢNG NGÃI (SỐ LIỆU BỊA ĐẶT)",
          decision="673/QĐ-UBND ngày 17/7/2023 (bảng bịa đặt, không phải phụ lục thật)",
          total=D(100))
    paragraphs_after(HERE / "quang-ngai-2023-invented.docx", QUANG_NGAI_BANDS)
    for key, points in UNITS.items():
        scoring_sheet(HERE / "units" / f"{key}.xlsx", UNIT_NAMES[key], points)
    # The tutorial's copies.
    (DOCS / "units").mkdir(parents=True, exist_ok=True)
    for name in ("tinh-mau-2024.docx", "tinh-mau-2024-missummed.docx",
                 "quang-ngai-2023-invented.docx",
                 *(f"units/{key}.xlsx" for key in UNITS)):
        (DOCS / name).write_bytes((HERE / name).read_bytes())


if __name__ == "__main__":
    main()
