"""The command line's help in Vietnamese: each command's and each option's, by the path a
user types (``"parindex import assessment"``, ``"parindex score --framework"``); an option
every command takes (``--lang``, ``--quiet``, ``--help``) once, by its name alone.

Why here and not in the catalogue (:mod:`parindex._base.i18n`): these texts translate the
command line's own declarations, which live in ``_cli`` (a command's docstring, an
option's ``help=``), and only ``_cli`` reads them; keyed by command and option, they would
put the shape of the command line into the base layer. Kept apart, they are loaded only
to print Vietnamese help (:mod:`.help`), not by ``parindex --help`` in English nor by any
command that runs. The catalogue keeps what every layer says, click's own words included
("Usage:", "Options", "required"): those are said through it as click's other messages.

Terms are the catalogue's, those of the provincial documents: tiêu chí, điểm tối đa,
điểm bị trừ, xếp hạng, xếp loại, bảng kết quả, đơn vị; bộ tiêu chí (a framework), tệp
(a file), thư mục (a directory). A paragraph is one line: click wraps it to the terminal.
``tests/test_help.py`` checks that every command and option has its text here, that it
names the options its English names, and that no line of the help is wider than 80
columns or left in English.
"""

from __future__ import annotations

#: What every ``--framework`` option takes (``FRAMEWORK_HELP`` in English).
_FRAMEWORK = ("Mã một bộ tiêu chí đã cài đặt, một tệp TOML bộ tiêu chí, hoặc một tệp "
              "bổ sung (overlay) hoàn thiện bộ tiêu chí (xem 'Overlays' trong tài liệu).")
_ANALYSIS_FRAMEWORK = ("Chấm điểm theo bộ tiêu chí này: " + _FRAMEWORK + " Bắt buộc với "
                       "bảng kết quả; bản đánh giá thì mặc định theo bộ tiêu chí nó ghi.")
_TABLE_FRAMEWORK = ("Bộ tiêu chí dùng để đánh giá các đơn vị trong bảng. " + _FRAMEWORK
                    + " Bắt buộc với bảng kết quả; thư mục các bản đánh giá thì mặc định "
                      "theo bộ tiêu chí chúng ghi.")
_UNIT = ("Đơn vị cần phân tích (bắt buộc khi SOURCES có nhiều đơn vị). Không phân biệt chữ "
         "hoa, chữ thường, tiền tố (xã, phường, ...) và vị trí dấu thanh (Thuỷ/Thủy).")
_GROUP = "Nhóm của đơn vị (huyện), khi tên đơn vị trùng ở nhiều nhóm."
_SHEET = "Với bảng .xlsx: trang tính cần đọc (mặc định: trang đầu tiên)."
_TABLE_SHEET = "Với bảng .xlsx: trang tính cần đọc (mặc định: trang đầu tiên có bảng)."
_MAPPING = "Tệp ánh xạ (TOML) khai báo các tiêu đề cột parindex chưa biết."
_JSON = "In ra JSON."
_JSON_DECIMALS = "In ra JSON (số thập phân dưới dạng chuỗi)."
_NOT_ARISING = ("Cách tính mục không phát sinh (x), theo quy định của quyết định: exclude "
                "(không tính vào điểm tối đa phát sinh), full (tính đủ điểm) hoặc zero (tính "
                "0 điểm). Mặc định: chưa biết (mục đánh dấu x thì không chấm điểm được).")
_ASSUMED = ("Các giá trị --band và --not-arising là giả định làm việc, không phải của quyết "
            "định: trạng thái \"assumed\" (giả định: vẫn dùng để chấm điểm, được liệt kê khi "
            "xem mức độ đầy đủ, và không qua được kiểm tra nghiêm ngặt cho đến khi được thay "
            "bằng giá trị của quyết định).")
_DRAWS = "Số lần rút ngẫu nhiên của mô phỏng Monte Carlo."

HELP: dict[str, str] = {
    # options every command takes
    "--help": "Hiện hướng dẫn này rồi thoát.",
    "--lang": "Ngôn ngữ của kết quả in ra: vi hoặc en [mặc định: theo ngôn ngữ của hệ thống "
              "(LANG, LC_ALL); vi cho báo cáo và kế hoạch].",
    "--quiet": "Không hiện thanh tiến trình trên luồng lỗi chuẩn.",
    # the group
    "parindex": "Tính Chỉ số cải cách hành chính (Chỉ số CCHC, PAR INDEX) chính xác, có thể "
                "kiểm chứng lại.",
    "parindex --version": "Hiện phiên bản rồi thoát.",
    "parindex --strict-plugins": "Coi mọi lỗi của plugin là lỗi (dùng cho CI). Cũng có thể "
                                 "đặt PARINDEX_STRICT_PLUGINS=1.",
    # score, validate, rule
    "parindex score": (
        "Chấm điểm một bản đánh giá FILE và đối chiếu với số liệu đã công bố.\n\n"
        "FILE là tệp TOML bản đánh giá, hoặc phiếu chấm điểm của một đơn vị (.xlsx, .docx "
        "hoặc .csv: xem 'Scoring sheets' trong tài liệu), khi đó cần --framework.\n\n"
        "In cây tiêu chí (mã, tên, điểm/điểm tối đa, điểm bị trừ, ghi chú), tổng điểm, chỉ "
        "số và xếp loại, nhận xét về dữ liệu, và mọi số liệu đã công bố khác với số tính "
        "lại (sai lệch)."),
    "parindex score --framework": ("Chấm điểm theo bộ tiêu chí này thay vì bộ tiêu chí "
                                   "bản đánh giá ghi (bắt buộc với phiếu chấm điểm): "
                                   + _FRAMEWORK),
    "parindex score --unit": "Đơn vị của phiếu chấm điểm (mặc định: lấy từ các dòng tiêu đề, "
                             "ví dụ 'UBND xã Thủy Thanh').",
    "parindex score --group": "Nhóm của phiếu chấm điểm, ví dụ huyện (mặc định: lấy từ các "
                              "dòng tiêu đề).",
    "parindex score --year": "Năm của phiếu chấm điểm (mặc định: lấy từ các dòng tiêu đề, ví "
                             "dụ 'năm 2022', nếu không có thì là năm duy nhất của bộ tiêu "
                             "chí).",
    "parindex score --json": _JSON_DECIMALS,
    "parindex validate": (
        "Kiểm tra một tệp FILE bộ tiêu chí hoặc bản đánh giá.\n\n"
        "Bộ tiêu chí được kiểm tra về cấu trúc, nguồn gốc của từng con số, mã không trùng "
        "lặp và các mức xếp loại hợp lệ; các mục con có điểm tối đa cộng lại không khớp được "
        "báo dưới dạng cảnh báo. Với --conformance, thay vào đó chạy mọi bước kiểm tra tính "
        "phù hợp của bộ công cụ dành cho người viết plugin và in báo cáo: mọi lỗi của tệp "
        "cùng lúc, mỗi lỗi kèm số dòng. Bản đánh giá được kiểm tra theo bộ tiêu chí của "
        "nó bằng cách chấm điểm."),
    "parindex validate --framework": "Với bản đánh giá: kiểm tra theo bộ tiêu chí này. "
                                     + _FRAMEWORK,
    "parindex validate --conformance": (
        "Với tệp bộ tiêu chí (hoặc mã một bộ tiêu chí đã cài đặt): chạy mọi bước kiểm "
        "tra tính phù hợp, kể cả với plugin cung cấp bộ tiêu chí đó, và in báo cáo (mã "
        "thoát 2 khi không đạt)."),
    "parindex validate --strict": (
        "Cùng với --conformance: chỗ còn để trống và thông tin không có nguồn cũng bị tính là "
        "không đạt (dùng cho CI trước khi phát hành một plugin)."),
    "parindex rule": (
        "Chấm điểm một mục cấp cuối CODE từ số liệu báo cáo, theo quy tắc bộ tiêu chí quy "
        "định cho mục đó.\n\n"
        "Số liệu là các cặp NAME=VALUE, như trong mục [inputs] của một bản đánh giá (VALUE "
        "là một số, hoặc true/false). Cùng cách tính như khi chấm điểm một bản đánh giá, "
        "nhưng cho riêng một mục."),
    "parindex rule --framework": "Bộ tiêu chí có quy tắc chấm điểm mục này. " + _FRAMEWORK,
    "parindex rule --json": _JSON_DECIMALS,
    # frameworks, plugins
    "parindex frameworks": (
        "Liệt kê các bộ tiêu chí đã cài đặt, kèm mức độ đầy đủ của nguồn.\n\n"
        "Mức độ đầy đủ đếm các mục có điểm tối đa lấy từ văn bản gốc (in trong văn bản ban "
        "hành ban đầu), từ nguồn đã đọc (do một nguồn công khai nêu), do suy luận, do giả "
        "định (giả định làm việc của người dùng) hoặc chưa biết. Với --completeness, mọi "
        "thông tin chưa biết cũng được liệt kê, theo đường dẫn mà một tệp bổ sung (overlay) "
        "điền vào, cùng mọi giá trị giả định, mà kiểm tra nghiêm ngặt không cho công bố."),
    "parindex frameworks --json": _JSON,
    "parindex frameworks --completeness": (
        "Cho biết, với mỗi bộ tiêu chí, số mục thuộc từng loại văn bản gốc / nguồn đã đọc "
        "/ suy luận / giả định / chưa biết, và liệt kê mọi thông tin chưa biết (phần một tệp "
        "bổ sung có thể điền) và mọi giá trị giả định (giả định làm việc, không được công "
        "bố)."),
    "parindex frameworks --framework": "Chỉ hiện các bộ tiêu chí này (có thể lặp lại). "
                                       + _FRAMEWORK,
    "parindex plugins": "Liệt kê các plugin đã cài đặt: tên, phiên bản, bộ tiêu chí, và "
                        "trạng thái hoặc lỗi.",
    "parindex plugins --json": _JSON,
    # reproduce, compare, bands
    "parindex reproduce": (
        "Tính lại một bảng kết quả TABLE đã công bố (.csv, .xlsx, .json hoặc .toml) và đối "
        "chiếu.\n\n"
        "TABLE cũng có thể là thư mục chứa các tệp TOML bản đánh giá, được tính lại như một "
        "bảng.\n\n"
        "Tổng điểm, chỉ số, xếp loại, xếp hạng chung và xếp hạng trong nhóm của mỗi đơn vị "
        "được tính từ điểm của đơn vị và đối chiếu với số liệu in trong bảng. In mỗi đơn vị "
        "một dòng, rồi mọi sai lệch (đơn vị, số liệu nào, số công bố, số tính lại, căn cứ), "
        "các ô không đọc được, và các số liệu in chưa đối chiếu được.\n\n"
        "Mã thoát: 0 khi mọi số liệu khớp, 1 khi có số liệu sai lệch (trừ khi có "
        "--no-fail-on-discrepancy), 2 khi không đọc được một ô hoặc một dòng (phần còn lại "
        "của bảng vẫn được tính lại và in ra)."),
    "parindex reproduce --framework": _TABLE_FRAMEWORK,
    "parindex reproduce --sheet": _TABLE_SHEET,
    "parindex reproduce --mapping": _MAPPING,
    "parindex reproduce --year": "Năm đánh giá, khi bảng không có cột năm (mặc định: năm "
                                 "ghi ở tiêu đề bảng, ví dụ 'NĂM 2022', nếu không thì năm "
                                 "duy nhất của bộ tiêu chí).",
    "parindex reproduce --population": (
        "Số đơn vị được xếp hạng, khi TABLE chỉ trích N đơn vị đứng đầu và/hoặc N đơn vị "
        "cuối bảng (hoặc population trong tệp ánh xạ)."),
    "parindex reproduce --json": _JSON_DECIMALS,
    "parindex reproduce --fail-on-discrepancy": "Thoát với mã 1 khi một số liệu in khác với "
                                                "số tính lại.",
    "parindex reproduce --output": (
        "Ghi thêm bảng tính lại ra tệp .xlsx hoặc .csv này: số công bố và số tính lại đặt "
        "cạnh nhau, mỗi sai lệch được đánh dấu (.xlsx: tô màu ô và ghi chú kèm căn cứ, tiêu "
        "đề và ghi chú theo --lang; .csv: tiêu đề tiếng Anh, số viết kiểu máy đọc)."),
    "parindex compare": (
        "So sánh hai bảng kết quả OLD và NEW (ví dụ của hai năm), từng đơn vị một.\n\n"
        "OLD và NEW cũng có thể là thư mục chứa các tệp TOML bản đánh giá.\n\n"
        "Với mỗi đơn vị: thay đổi về tổng điểm, chỉ số, xếp loại, xếp hạng chung, xếp hạng "
        "trong nhóm và điểm của từng lĩnh vực. Đơn vị được ghép theo tên (không phân biệt "
        "chữ hoa, chữ thường, khoảng trắng và các tiền tố xã, phường, thị trấn, huyện, thị "
        "xã, thành phố) và theo tệp lịch sử đơn vị; đơn vị sáp nhập được so sánh với từng "
        "đơn vị hợp thành và với trung bình của các đơn vị đó. Các đơn vị chỉ có trong một "
        "bảng được liệt kê riêng. Số liệu là số tính lại; chạy parindex reproduce để đối "
        "chiếu từng bảng với số liệu in trong bảng.\n\n"
        "Bảng chỉ có thứ hạng (đơn vị và thứ hạng đã in, \"xếp thứ 10/19\") được so sánh "
        "theo thứ hạng đã in; mức tăng, giảm bậc in kèm thứ hạng (\"giảm 03 bậc\") được đối "
        "chiếu với hai thứ hạng. Với --json, mỗi mức thay đổi còn được ghi như cách các kế "
        "hoạch viết (\"giảm 3 bậc\").\n\n"
        "Mã thoát: 0; 1 khi mức tăng, giảm bậc đã in không khớp với thứ hạng; 2 khi không "
        "đọc được một bảng."),
    "parindex compare --framework": (
        "Bộ tiêu chí của NEW, và của OLD nếu không có --old-framework. " + _FRAMEWORK
        + " Bắt buộc với bảng kết quả; thư mục các bản đánh giá thì mặc định theo bộ "
          "tiêu chí chúng ghi."),
    "parindex compare --old-framework": "Bộ tiêu chí của OLD, khi khác với --framework. "
                                        + _FRAMEWORK,
    "parindex compare --lineage": "Tệp lịch sử đơn vị (TOML) khai báo các đơn vị đổi tên và "
                                  "sáp nhập.",
    "parindex compare --sheet": "Với bảng .xlsx: trang tính cần đọc ở cả hai bảng (mặc định: "
                                "trang đầu tiên có bảng).",
    "parindex compare --mapping": _MAPPING,
    "parindex compare --year": "Năm của NEW, khi bảng không có cột năm (mặc định: năm ghi ở "
                               "tiêu đề bảng, nếu không thì năm duy nhất của bộ tiêu chí).",
    "parindex compare --old-year": "Năm của OLD, khi bảng không có cột năm (mặc định: năm ghi "
                                   "ở tiêu đề bảng, nếu không thì năm duy nhất của bộ tiêu "
                                   "chí).",
    "parindex compare --json": _JSON_DECIMALS,
    "parindex bands": (
        "Đếm số đơn vị của TABLE theo từng mức xếp loại (chung và theo từng nhóm), tỷ lệ "
        "phần trăm làm tròn như bộ tiêu chí quy định, và đối chiếu với bảng phân bố đã "
        "công bố.\n\n"
        "Với --published hoặc --distribution, số đơn vị và tỷ lệ đã công bố được đối chiếu "
        "với xếp loại tính lại từ TABLE; không có TABLE thì đối chiếu với chính các số đó "
        "(số đơn vị cộng lại bằng tổng số đơn vị, tỷ lệ khớp với số đơn vị theo cách làm "
        "tròn đã quy định).\n\n"
        "Mã thoát: 0 khi mọi số liệu khớp, 1 khi có số liệu đã công bố sai lệch, 2 khi không "
        "đọc được bảng hoặc bảng phân bố."),
    "parindex bands --framework": _TABLE_FRAMEWORK,
    "parindex bands --sheet": _TABLE_SHEET,
    "parindex bands --mapping": _MAPPING,
    "parindex bands --year": "Năm đánh giá, khi bảng không có cột năm (mặc định: năm ghi ở "
                             "tiêu đề bảng, ví dụ 'NĂM 2022', nếu không thì năm duy nhất của "
                             "bộ tiêu chí).",
    "parindex bands --population": "Số đơn vị được xếp hạng và xếp loại, khi TABLE chỉ là "
                                   "một phần trích.",
    "parindex bands --published": (
        "Bảng phân bố đã công bố: \"Xuất sắc=9,Tốt=62,Khá=41,Trung bình=24\" (số đơn vị của "
        "từng mức; có thể kèm tỷ lệ, \"Tốt=62 (45,59%)\", và tổng số, \"trên=136\")."),
    "parindex bands --distribution": "Bảng phân bố đã công bố, dưới dạng tệp (TOML; xem phần "
                                     "tham chiếu định dạng trong tài liệu).",
    "parindex bands --json": _JSON_DECIMALS,
    "parindex bands --fail-on-discrepancy": "Thoát với mã 1 khi có số đơn vị hoặc tỷ lệ đã "
                                            "công bố sai lệch.",
    # gaps, plan, profiles, sensitivity, report
    "parindex gaps": (
        "Đơn vị bị trừ điểm ở đâu, và cần gì để lên hạng.\n\n"
        "Liệt kê mọi mục chưa đạt điểm tối đa, mục bị trừ nhiều điểm nhất trước, kèm nhận "
        "xét của hội đồng thẩm định; điểm, điểm bị trừ và chỉ số thành phần của từng lĩnh "
        "vực; số điểm cần thêm để đạt mức xếp loại tiếp theo; và, khi SOURCES có nhiều đơn "
        "vị, số điểm cần thêm để vượt (các) đơn vị xếp ngay trên trong nhóm, kèm các mục bị "
        "trừ mà chỉ riêng một mục đã đủ."),
    "parindex gaps --unit": _UNIT,
    "parindex gaps --group": _GROUP,
    "parindex gaps --framework": _ANALYSIS_FRAMEWORK,
    "parindex gaps --sheet": _SHEET,
    "parindex gaps --all": "So với mọi đơn vị, không chỉ các đơn vị cùng nhóm.",
    "parindex gaps --places": "Số thứ hạng phía trên cần chỉ ra điều kiện để vượt.",
    "parindex gaps --json": "In ra JSON (số liệu chính xác dưới dạng chuỗi).",
    "parindex plan": (
        "Soạn dự thảo Kế hoạch nâng cao Chỉ số CCHC của một đơn vị.\n\n"
        "Trình bày theo thể thức văn bản hành chính (Nghị định 30/2020): Căn cứ; I. Mục "
        "đích, yêu cầu; II. Đánh giá kết quả (tổng điểm, thứ hạng đã công bố, xếp loại, các "
        "lĩnh vực bị trừ điểm); III. Nhiệm vụ, giải pháp (mỗi lĩnh vực một mục, các tiêu chí "
        "theo thứ tự mã, kèm nhận xét của hội đồng thẩm định); IV. Tổ chức thực hiện; và "
        "phụ lục phân công (STT, Tiêu chí, Điểm bị trừ, Nội dung thực hiện, Chủ trì, Phối "
        "hợp, Thời gian hoàn thành, Sản phẩm). Phần điều tra xã hội học và phần điểm không "
        "chia thành tiêu chí thành phần là ghi chú, không phải nhiệm vụ. Viết bằng tiếng "
        "Việt (văn bản cán bộ ký) trừ khi có --lang en, dưới dạng Markdown hoặc văn bản Word "
        "(khổ A4)."),
    "parindex plan --unit": _UNIT,
    "parindex plan --group": _GROUP,
    "parindex plan --framework": _ANALYSIS_FRAMEWORK,
    "parindex plan --sheet": _SHEET,
    "parindex plan --output": (
        "Ghi ra tệp này: .md cho Markdown, .docx cho Word (cần cài phần mở rộng "
        "parindex[report]). Mặc định: Markdown trên đầu ra chuẩn."),
    "parindex plan --year": "Năm của kế hoạch (mặc định: năm đánh giá + 1).",
    "parindex plan --assignments": (
        "Tệp TOML ghi, theo từng lĩnh vực hoặc mã tiêu chí, bộ phận chủ trì (lead), phối hợp "
        "(support), thời hạn và sản phẩm; không có tệp này thì dùng phân công đề xuất mặc "
        "định, đánh dấu là chỗ cần điền."),
    "parindex plan --previous": (
        "Kết quả của đơn vị năm trước, để nêu mức thay đổi: một bản đánh giá (.toml; số liệu "
        "không in trong đó được tính từ điểm, theo bộ tiêu chí của chính năm đó) hoặc "
        "bảng kết quả đã công bố của năm đó (.csv, .xlsx: tổng điểm, chỉ số, thứ hạng và xếp "
        "loại đã in). Không có tùy chọn này thì mức thay đổi chỉ được nêu khi thứ hạng đã "
        "công bố có ghi."),
    "parindex profiles": (
        "Chỉ số thành phần theo lĩnh vực của các đơn vị trong SOURCES: trung bình, cao nhất "
        "và thấp nhất của từng lĩnh vực.\n\n"
        "Chỉ số thành phần của một lĩnh vực là điểm của lĩnh vực ÷ điểm tối đa phát sinh của "
        "lĩnh vực, nên các đơn vị có mục không phát sinh vẫn được so sánh công bằng. Kèm phân "
        "bố tổng điểm và số đơn vị theo từng mức xếp loại."),
    "parindex profiles --framework": _ANALYSIS_FRAMEWORK,
    "parindex profiles --sheet": _SHEET,
    "parindex profiles --json": "In ra JSON (giá trị chính xác dưới dạng p/q).",
    "parindex sensitivity": (
        "Thứ hạng phụ thuộc thế nào vào tỷ trọng điều tra xã hội học và trọng số các lĩnh "
        "vực.\n\n"
        "Một phép giả định (--survey-share hoặc --max) xếp hạng lại các đơn vị, chính xác, "
        "với điểm các lĩnh vực quy đổi theo thang mới, và liệt kê các thay đổi thứ hạng. Một "
        "lượt mô phỏng Monte Carlo (--monte-carlo) rút ngẫu nhiên trọng số hoặc tỷ trọng "
        "theo phân phối đều trên một lưới, với hạt giống cho trước, và cho mỗi đơn vị thứ "
        "hạng trung vị, khoảng thứ hạng 5–95 % và mức xếp loại có khả năng nhất."),
    "parindex sensitivity --framework": _ANALYSIS_FRAMEWORK,
    "parindex sensitivity --sheet": _SHEET,
    "parindex sensitivity --survey-share": (
        "Giả định: cho phần điều tra xã hội học tỷ trọng này trên thang điểm (ví dụ 40 để "
        "thành 60/40 thay vì 70/30); các lĩnh vực thẩm định chia phần còn lại."),
    "parindex sensitivity --max": (
        "Giả định: cho một lĩnh vực cấp trên cùng điểm tối đa mới (điểm của lĩnh vực quy đổi "
        "theo); lặp lại cho nhiều lĩnh vực."),
    "parindex sensitivity --monte-carlo": (
        "Monte Carlo: làm nhiễu trọng số các lĩnh vực thẩm định (hệ số 1 ± WIDTH) hoặc tỷ "
        "trọng điều tra xã hội học (điểm tối đa ± WIDTH điểm)."),
    "parindex sensitivity --width": "Nửa độ rộng của nhiễu phân phối đều [mặc định: 0,2].",
    "parindex sensitivity --resolution": (
        "Bước lưới của các lần rút [mặc định: 0,0001 với trọng số, 0,01 với tỷ trọng điều "
        "tra xã hội học]."),
    "parindex sensitivity --draws": _DRAWS,
    "parindex sensitivity --seed": "Hạt giống ngẫu nhiên: cùng hạt giống cho cùng kết quả.",
    "parindex sensitivity --json": _JSON,
    "parindex report": (
        "Ghi một báo cáo HTML gói gọn trong một tệp, cho một bảng kết quả hoặc một đơn "
        "vị.\n\n"
        "Bảng xếp hạng, phân bố tổng điểm với các ngưỡng xếp loại, chỉ số thành phần theo "
        "lĩnh vực, và khi được yêu cầu: hồ sơ và điểm bị trừ của một đơn vị, thay đổi thứ "
        "hạng so với năm trước và khoảng thứ hạng Monte Carlo; bảng và biểu đồ SVG nằm ngay "
        "trong tệp, nên mở được khi không có mạng. Mặc định bằng tiếng Việt; --lang en cho "
        "tiếng Anh. Bảng điểm các mục cấp cuối được chấm điểm, xếp hạng và vẽ biểu đồ trong "
        "một lượt tính chính xác; chỉ đơn vị được chọn mới được giải thích chi tiết."),
    "parindex report --framework": _ANALYSIS_FRAMEWORK,
    "parindex report --sheet": _SHEET,
    "parindex report --unit": (
        "Tập trung vào đơn vị này: hồ sơ của đơn vị so với nhóm, điểm bị trừ, mức xếp loại "
        "tiếp theo và các đơn vị xếp ngay trên."),
    "parindex report --group": _GROUP,
    "parindex report --output": "Tệp HTML cần ghi.",
    "parindex report --previous": (
        "Các bản đánh giá hoặc bảng kết quả của năm trước, để vẽ thay đổi thứ hạng (lặp lại "
        "cho nhiều tệp)."),
    "parindex report --year": "Năm của SOURCES, khi bảng không có cột năm (mặc định: năm ghi "
                              "ở tiêu đề bảng, nếu không thì năm duy nhất của bộ tiêu chí).",
    "parindex report --previous-year": "Năm của --previous, khi bảng không có cột năm (mặc "
                                       "định: năm ghi ở tiêu đề bảng, nếu không thì năm duy "
                                       "nhất của bộ tiêu chí).",
    "parindex report --monte-carlo": "Thêm khoảng thứ hạng của một lượt mô phỏng Monte "
                                     "Carlo (xem parindex sensitivity).",
    "parindex report --width": "Nửa độ rộng của nhiễu Monte Carlo [mặc định: 0,2].",
    "parindex report --draws": _DRAWS,
    "parindex report --seed": "Hạt giống ngẫu nhiên của mô phỏng Monte Carlo.",
    # import
    "parindex import": "Chuyển các tệp của cán bộ (phiếu chấm điểm, phụ lục) thành tệp TOML "
                       "của parindex.",
    "parindex import assessment": (
        "Ghi phiếu chấm điểm SHEET của một đơn vị (.xlsx, .docx hoặc .csv) thành tệp TOML "
        "bản đánh giá.\n\n"
        "Điểm của các mục cấp cuối ghi vào [points], cột điểm tự chấm vào [self_assessed], "
        "nhận xét của hội đồng thẩm định vào [comments], và số liệu in của các mục cấp "
        "trên, của tổng điểm và của các khối vào [published], để 'parindex score' trên tệp "
        "TOML cho cùng kết quả như trên phiếu. Số giữ nguyên chính xác; văn bản chuẩn hóa "
        "NFC."),
    "parindex import assessment --framework": "Bộ tiêu chí dùng để chấm phiếu. "
                                              + _FRAMEWORK,
    "parindex import assessment --unit": "Đơn vị (mặc định: lấy từ các dòng tiêu đề).",
    "parindex import assessment --group": "Nhóm của đơn vị, ví dụ huyện (mặc định: lấy từ "
                                          "các dòng tiêu đề).",
    "parindex import assessment --year": (
        "Năm (mặc định: lấy từ các dòng tiêu đề, nếu không có thì là năm duy nhất của bộ "
        "tiêu chí)."),
    "parindex import assessment --output": (
        "Tệp TOML bản đánh giá cần ghi (mặc định: đầu ra chuẩn). Không bao giờ ghi đè lên "
        "chính phiếu chấm điểm."),
    "parindex import framework": (
        "Chuyển phụ lục ANNEX của một quyết định (bảng tiêu chí .docx, .xlsx hoặc .csv) "
        "thành bộ tiêu chí.\n\n"
        "Cây tiêu chí lấy theo mã (STT), điểm tối đa theo cột Điểm tối đa, phần điều tra xã "
        "hội học theo tên của nó (điều tra xã hội học, khảo sát sự hài lòng). Mọi điểm tối "
        "đa có trạng thái \"read\" (nguồn đã đọc), dẫn nguồn quyết định và tệp phụ lục. Điểm "
        "tối đa cộng lại không khớp được báo kèm số dòng, không bao giờ tự sửa. Kết quả sau "
        "đó được kiểm tra tính phù hợp: những gì cán bộ còn phải bổ sung (mức xếp loại, cách "
        "tính mục không phát sinh, ...) được liệt kê, và mã thoát là 2 nếu có lỗi."),
    "parindex import framework --id": "Mã bộ tiêu chí, dạng tỉnh/cấp/năm (ví dụ "
                                      "tinh-mau/commune/2024).",
    "parindex import framework --name": "Tên bộ tiêu chí, đúng như quyết định ghi.",
    "parindex import framework --decision": "Số hiệu quyết định có phụ lục này, ví dụ "
                                            "\"673/QĐ-UBND\".",
    "parindex import framework --date": "Ngày ban hành quyết định, dạng YYYY-MM-DD.",
    "parindex import framework --issuer": "Cơ quan ban hành, ví dụ \"UBND tỉnh Quảng Ngãi\".",
    "parindex import framework --last-year": "Năm đánh giá cuối cùng bộ tiêu chí áp dụng "
                                             "(mặc định: năm trong mã).",
    "parindex import framework --band": (
        "Một mức xếp loại như quyết định quy định, mức cao nhất trước; lặp lại cho từng mức "
        "(ví dụ --band \"Tốt=80\"). Mặc định: các mức xếp loại phụ lục in dưới bảng (\"Tốt: "
        "từ 80 điểm đến dưới 90 điểm\"), nếu có."),
    "parindex import framework --not-arising": _NOT_ARISING,
    "parindex import framework --assumed": _ASSUMED,
    "parindex import framework --output": "Tệp TOML bộ tiêu chí cần ghi (mặc định: đầu ra "
                                          "chuẩn).",
    "parindex import overlay": (
        "Bổ sung một bộ tiêu chí đã cài đặt từ phụ lục ANNEX của một quyết định, dưới "
        "dạng tệp bổ sung (overlay).\n\n"
        "Điểm tối đa chưa biết được điền từ phụ lục, các tiêu chí và tiêu chí thành phần "
        "bộ tiêu chí còn thiếu được thêm vào dưới các mục đã có, mỗi giá trị đều dẫn nguồn "
        "phụ lục. Điểm tối đa mâu thuẫn với điểm tối đa đã có nguồn trong bộ tiêu chí bị "
        "từ chối, trừ khi có --override. Sau đó tệp bổ sung được áp dụng vào bộ tiêu chí "
        "gốc, để mọi lỗi được phát hiện ngay, không phải đợi đến khi chấm điểm."),
    "parindex import overlay --onto": "Bộ tiêu chí đã cài đặt mà phụ lục bổ sung, ví dụ "
                                      "quang-ngai/commune/2023.",
    "parindex import overlay --id": "Mã của bộ tiêu chí mới (mặc định: mã bộ tiêu chí "
                                    "gốc + '-annex').",
    "parindex import overlay --band": (
        "Một mức xếp loại như quyết định quy định, mức cao nhất trước; lặp lại cho từng mức. "
        "Các mức này thay cho các mức của bộ tiêu chí gốc. Mặc định: các mức xếp loại phụ "
        "lục in dưới bảng, nếu có."),
    "parindex import overlay --override": (
        "Ghi cả điểm tối đa mâu thuẫn với điểm tối đa đã có nguồn (văn bản gốc, nguồn đã "
        "đọc, suy luận) của bộ tiêu chí gốc, liệt kê chúng trong corrects; không có tùy "
        "chọn này thì mâu thuẫn như vậy là lỗi."),
    "parindex import overlay --not-arising": _NOT_ARISING,
    "parindex import overlay --assumed": _ASSUMED,
    "parindex import overlay --output": "Tệp TOML bổ sung (overlay) cần ghi (mặc định: đầu "
                                        "ra chuẩn).",
    # new-plugin
    "parindex new-plugin": (
        "Tạo plugin NAME cho một tỉnh, cài đặt được và qua được các bài kiểm thử của nó "
        "ngay.\n\n"
        "Ghi pyproject.toml (có khai báo để parindex tìm thấy plugin), gói mã nguồn với hàm "
        "đăng ký của nó, một tệp TOML bộ tiêu chí mẫu có các trường nguồn gốc để trống "
        "(TODO), các bài kiểm thử dùng bộ kiểm tra tính phù hợp của parindex, tệp README và "
        "quy trình CI. Báo cáo kiểm tra tính phù hợp liệt kê mọi chỗ để trống là chưa hoàn "
        "thành; chế độ nghiêm ngặt (pytest --parindex-strict) báo lỗi cho đến khi mỗi chỗ "
        "được thay bằng nguồn thật. NAME viết chữ thường ASCII, ví dụ quang_binh."),
    "parindex new-plugin --directory": (
        "Thư mục cần tạo (mặc định: parindex-NAME trong thư mục hiện tại); thư mục này phải "
        "chưa tồn tại hoặc đang trống."),
    "parindex new-plugin --province": (
        "Tên tỉnh (hoặc cơ quan ban hành) viết bằng tiếng Việt, ví dụ 'Quảng Bình'; dùng "
        "trong các tên và trong README."),
    "parindex new-plugin --level": "Cấp của bộ tiêu chí mẫu: commune (xã), district "
                                   "(huyện), department (sở), province (tỉnh), ...",
    "parindex new-plugin --year": "Năm đánh giá đầu tiên của bộ tiêu chí mẫu (mặc định: "
                                  "năm nay).",
    "parindex new-plugin --dry-run": "Liệt kê các tệp mà không ghi.",
}
