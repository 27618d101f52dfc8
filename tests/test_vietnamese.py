"""What the commands say, said in Vietnamese under ``--lang vi``: the engine's findings,
the evidence of each discrepancy, what was not checked, and every command's own lines,
all from the one catalogue, while JSON keeps the English ``message``/``evidence`` text."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path

import pytest

import parindex
from parindex._base.i18n import Sentence, Terms, say
from parindex._cli import main

EXAMPLE = str(parindex.example_path())
ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def _wide(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "400")  # one line per finding, to match it whole


def _run(capsys: pytest.CaptureFixture[str], *args: str, status: int = 0) -> str:
    assert main(list(args)) == status, args
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    return captured.out


def test_score_findings_discrepancy_and_notes_in_vietnamese(
        capsys: pytest.CaptureFixture[str]) -> None:
    out = _run(capsys, "score", "--lang", "vi", EXAMPLE)
    # Thủy Thanh: fields 3 and 6 have unitemised maxima; 3.5 printed 0.5 for 1.25.
    assert ("  - 3: tổng điểm tối đa các tiêu chí thành phần là 13,5, không bằng điểm tối "
            "đa 14,5 (chênh lệch 1,0)") in out
    assert ("  - 6: được chấm 8,0; các tiêu chí thành phần cộng lại 7,0, nên 1,0 thuộc "
            "phần 1,0 của điểm tối đa không chia thành tiêu chí thành phần") in out
    assert ("  - 3.5: công bố 0,5, tính lại 1,25 (các tiêu chí thành phần 3.5.1 + 3.5.3 = "
            "0,5 + 0,75 = 1,25 (3.5.2 không phát sinh); số công bố 0,5)") in out
    assert ("  - xếp hạng trong nhóm 2/10: cần chấm điểm cùng các đơn vị khác của Thị xã "
            "Hương Thủy") in out
    assert "(chỉ số 79,031 thuộc mức Khá (70 ≤ chỉ số < 80))" in out
    english = _run(capsys, "score", "--lang", "en", EXAMPLE)
    assert ("  - 3.5: published 0.5, computed 1.25 (items 3.5.1 + 3.5.3 = 0.5 + 0.75 = "
            "1.25 (3.5.2 did not arise); printed 0.5)") in english
    assert "  - 3: items' maxima add up to 13.5, not to the maximum 14.5 (difference 1.0)" \
        in english


def test_json_keeps_the_english_text(capsys: pytest.CaptureFixture[str]) -> None:
    data = json.loads(_run(capsys, "score", "--json", "--lang", "vi", EXAMPLE))
    assert data["findings"][0] == {
        "kind": "maxima", "code": "3",
        "message": "items' maxima add up to 13.5, not to the maximum 14.5 (difference 1.0)"}
    [discrepancy] = data["discrepancies"]
    assert discrepancy["evidence"] == ("items 3.5.1 + 3.5.3 = 0.5 + 0.75 = 1.25 "
                                       "(3.5.2 did not arise); printed 0.5")
    assert data["unchecked"] == ["group_rank 2/10: needs the other units of Thị xã Hương "
                                 "Thủy scored together (parindex.score_many)"]


def test_a_sentence_is_its_english_text_and_says_itself_in_either_language() -> None:
    found = Sentence("ev_items", terms=Terms(["3.5.1", "3.5.3"]),
                     values=Terms([Decimal("0.5"), Decimal("0.75")]), points=Decimal("1.25"))
    found += Sentence("ev_skipped", codes=("3.5.2",))
    assert found == "items 3.5.1 + 3.5.3 = 0.5 + 0.75 = 1.25 (3.5.2 did not arise)"
    assert found.startswith("items ") and json.dumps(found) == json.dumps(str(found))
    assert say(found, "vi") == ("các tiêu chí thành phần 3.5.1 + 3.5.3 = 0,5 + 0,75 = 1,25 "
                                "(3.5.2 không phát sinh)")
    assert say("a unit's name" + found, "vi").startswith("a unit's namecác tiêu chí")
    import pickle

    assert say(pickle.loads(pickle.dumps(found)), "vi") == say(found, "vi")


def test_validate_in_vietnamese(capsys: pytest.CaptureFixture[str]) -> None:
    out = _run(capsys, "validate", "--lang", "vi", EXAMPLE)
    assert "bản đánh giá hợp lệ của Xã Thủy Thanh theo thua-thien-hue/commune/2022" in out
    assert ("  cảnh báo: 6: được chấm 8,0; các tiêu chí thành phần cộng lại 7,0, nên 1,0 "
            "thuộc phần 1,0 của điểm tối đa không chia thành tiêu chí thành phần") in out
    overlay = str(ROOT / "docs" / "examples" / "overlays" / "quang-ngai-3.4.1.toml")
    out = _run(capsys, "validate", "--lang", "vi", overlay)
    assert "tệp bổ sung (overlay) hợp lệ: " in out and " dựa trên quang-ngai/commune/2023 (" in out
    assert "  chưa biết: " in out and "unknown" not in out


def test_rule_in_vietnamese(capsys: pytest.CaptureFixture[str]) -> None:
    overlay = str(ROOT / "docs" / "examples" / "overlays" / "quang-ngai-3.4.1.toml")
    out = _run(capsys, "rule", "3.4.1", "on_time=489", "resolved=493", "--framework",
               overlay, "--lang", "vi")
    assert "được giải quyết trước hạn, đúng hạn: 0,99 / 1\n" in out
    assert "  quy tắc proportional (nguồn đã đọc, example)" in out
    assert ("  on_time 489 ÷ resolved 493 = 99,19 %; 1 × tỷ lệ, làm tròn đến 2 chữ số thập "
            "phân (từ 5 trở lên làm tròn lên) = 0,99\n") in out
    examples = ROOT / "docs" / "examples"
    out = _run(capsys, "score", str(examples / "survey-assessment.toml"), "--framework",
               str(examples / "survey-framework.toml"), "--lang", "vi")
    assert ("quy tắc weighted-percent: trung bình có trọng số: (2 × leaders 91 + 1 × "
            "officials 80) ÷ 3 = 87,3333… %; 10 × 87,3333… % = 8,7333…, làm tròn đến 1 chữ "
            "số thập phân, bỏ phần thừa = 8,7") in out


def test_frameworks_and_plugins_in_vietnamese(capsys: pytest.CaptureFixture[str]) -> None:
    out = _run(capsys, "frameworks", "--lang", "vi")
    assert "Các bộ tiêu chí đã cài đặt" in out and "Căn cứ" in out
    assert "2204/QĐ-UBND (2022-09-12)" in out and "Installed" not in out
    out = _run(capsys, "frameworks", "--completeness", "--lang", "vi", "--framework",
               "thua-thien-hue/commune/2022")
    assert ("thua-thien-hue/commune/2022: 66 mục: 65 văn bản gốc, 0 nguồn đã đọc, 1 suy "
            "luận, 0 giả định, 0 chưa biết; cách chấm: ") in out
    assert "  chưa biết: criteria.9.not_arising" in out
    out = _run(capsys, "plugins", "--lang", "vi")
    assert "Các plugin đã cài đặt" in out and "Trạng thái" in out
    assert "│ thua_thien_hue │" in out and " hoạt động " in out


def test_bands_in_vietnamese(capsys: pytest.CaptureFixture[str]) -> None:
    out = _run(capsys, "bands", "--lang", "vi", "--framework", "thua-thien-hue/commune/2022",
               "--published", "Xuất sắc=9 (6,62%),Tốt=62 (45,59%),Khá=41 (30,15%),"
               "Trung bình=25 (17,65%),trên=136", "--no-fail-on-discrepancy")
    assert "  Trung bình: 25 (17,65 %)" in out
    assert ("  - tổng số đơn vị: công bố 136, tính lại 137 (các số đơn vị cộng lại "
            "9 + 62 + 41 + 25 = 137)") in out
    assert ("  - Trung bình: tỷ lệ: công bố 17,65, tính lại 18,38 (25 ÷ 136 × 100 = "
            "18,382353…, làm tròn đến 2 chữ số thập phân, từ 5 trở lên thì làm tròn lên "
            "(mặc định: bộ tiêu chí không quy định cách làm tròn))") in out
    table = str(ROOT / "docs" / "examples" / "results-2022.csv")
    out = _run(capsys, "bands", table, "--framework", "thua-thien-hue/commune/2022",
               "--lang", "vi")
    assert "5 đơn vị, tỷ lệ % làm tròn đến 2 chữ số thập phân" in " ".join(out.split())
    assert "Số đơn vị" in out and "│ Khá        │         2 │   40,00 │" in out


def test_compare_in_vietnamese(capsys: pytest.CaptureFixture[str]) -> None:
    examples = ROOT / "docs" / "examples"
    out = _run(capsys, "compare", str(examples / "results-2024.csv"),
               str(examples / "results-2025.csv"), "--framework",
               str(examples / "example-framework.toml"), "--lineage",
               str(examples / "lineage-2025.toml"), "--lang", "vi")
    assert "Xã An Phú (đổi tên)" in out and "Xã Tân Lập (sáp nhập)" in out
    assert "trung bình của Xã Tân Lập, Xã Tân Hòa (sáp nhập)" in out
    assert "│ 80,5 → 83 │ +2,5     │ 80,50 → 83,00 │ +2,50    │" in out
    assert "Thay đổi điểm theo lĩnh vực" in out and "Change in points" not in out
    assert "│ Xã Tân Hợp │ Xã Tân Lập       │ -1 │ +1 │ +1 │ 0 │ -1 │" in out
    assert "Tăng/giảm bậc, như kế hoạch ghi:" in out
    assert "  - Xã Phú An so với Xã An Phú: " in out


def test_reproduce_in_vietnamese(capsys: pytest.CaptureFixture[str]) -> None:
    examples = ROOT / "docs" / "examples"
    table = str(examples / "results-2022.csv")
    out = _run(capsys, "reproduce", table, "--framework", "thua-thien-hue/commune/2022",
               "--lang", "vi", status=1)
    assert ("  - dòng 4, Xã Minh Họa B: tổng điểm: công bố 82,03, tính lại 82,3 (điểm thẩm "
            "định 55,5 + điểm điều tra XHH 26,8 = 82,3; số công bố 82,03)") in out
    assert ("  - dòng 6, Xã Minh Họa C: xếp hạng: công bố 4, tính lại 3/5 (78,636 xếp thứ "
            "3/5, bằng điểm với Xã Thủy Thanh)") in out
    data = json.loads(_run(capsys, "reproduce", table, "--framework",
                           "thua-thien-hue/commune/2022", "--lang", "vi", "--json", status=1))
    evidence = [d["evidence"] for u in data["units"] for d in u["discrepancies"]]
    assert "78.636 ranks 3 of 5, tied with Xã Thủy Thanh" in evidence
    out = _run(capsys, "reproduce", str(examples / "published" / "huong-hoa-2020.csv"),
               "--framework", "quang-tri/district/2020", "--population", "10", "--lang", "vi")
    assert ("Huyện Hướng Hóa: xếp hạng 7/10: chưa đối chiếu: bảng không có đủ mọi đơn vị "
            "xếp trên cũng như mọi đơn vị xếp dưới trong 10 đơn vị; các đơn vị trong bảng "
            "đặt đơn vị này trong khoảng từ thứ 1 đến thứ 10") in out
    out = _run(capsys, "reproduce", str(examples / "published" / "totals-2022.csv"),
               "--framework", "thua-thien-hue/commune/2022", "--lang", "vi")
    assert ("Xã Thủy Thanh: chỉ số 79,031: bảng cho điểm ở cấp trên các tiêu chí thành phần, "
            "nên không biết tiêu chí nào không phát sinh; chỉ số công bố ứng với điểm tối đa "
            "phát sinh khoảng 99,500") in out
    assert "cột điểm thẩm định được đọc là điểm của Điểm thẩm định (lĩnh vực 1–8) (tối đa " \
        "70,0)" in out


def test_why_a_row_was_not_scored_stays_vietnamese(tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    # The reasons quoted in a note (a cell that is not a number) were joined as English
    # text, so "--lang vi" printed "'abc' is not a number" inside a Vietnamese sentence.
    lines = (ROOT / "docs" / "examples" / "results-2022.csv").read_text(
        encoding="utf-8").splitlines()
    lines[2] = lines[2].replace(";8,5;", ";abc;")
    table = tmp_path / "bad.csv"
    table.write_text("\n".join(lines) + "\n", encoding="utf-8")
    args = ("reproduce", str(table), "--framework", "thua-thien-hue/commune/2022")
    out = _run(capsys, *args, "--lang", "vi", status=2)
    assert ("Xã Minh Họa A: tổng điểm 90,25: chưa đối chiếu: dòng này không chấm điểm "
            "được: 'abc' không phải là một số") in out
    assert "is not a number" not in out
    english = _run(capsys, *args, "--lang", "en", status=2)
    assert ("Xã Minh Họa A: total 90.25: not checked: the row could not be scored: 'abc' "
            "is not a number") in english


def test_sentences_listed_keep_each_language() -> None:
    from parindex._base.i18n import listed

    reasons = listed([Sentence("row_not_scored"), "x", Sentence("below_zero")])
    assert reasons == "the row could not be scored; x; below 0"
    assert say(reasons, "vi") == "dòng này không chấm điểm được; x; nhỏ hơn 0"
    assert say(listed([], "\n"), "vi") == ""


# --- no English from the catalogue in any command's Vietnamese output ---------------------------

def _english_fragments() -> set[str]:
    """The English phrases of the catalogue (two words or more, between its blanks) that
    the Vietnamese side does not share, e.g. "items' maxima add up to"."""
    from parindex._base.i18n import MESSAGES

    found = set()
    for key, text in MESSAGES["en"].items():
        for part in re.split(r"{\w+}", text):
            part = part.strip(" ,;:()[].")
            if part.isascii() and len(re.findall(r"[A-Za-z]{2,}", part)) >= 2 \
                    and part not in MESSAGES["vi"][key]:
                found.add(part)
    return found


def _runs(tmp: Path) -> list[tuple[tuple[str, ...], list[str], list[Path]]]:
    """(command path, arguments, files it writes) of every command on a real case."""
    examples = ROOT / "docs" / "examples"
    hue = ("--framework", "thua-thien-hue/commune/2022")
    table = str(examples / "results-2022.csv")
    overlay = str(examples / "overlays" / "quang-ngai-3.4.1.toml")
    annex = examples / "annex"
    group = str(examples / "group")
    return [
        (("score",), [EXAMPLE], []),
        (("score",), [str(examples / "survey-assessment.toml"), "--framework",
                      str(examples / "survey-framework.toml")], []),
        (("validate",), [EXAMPLE], []),
        (("validate",), [overlay], []),
        (("validate",), ["--conformance", "thua-thien-hue/commune/2022"], []),
        (("rule",), ["3.4.1", "on_time=489", "resolved=493", "--framework", overlay], []),
        (("frameworks",), [], []),
        (("frameworks",), ["--completeness"], []),
        (("plugins",), [], []),
        (("reproduce",), [table, *hue, "--no-fail-on-discrepancy"], []),
        (("reproduce",), [str(examples / "published" / "huong-hoa-2020.csv"), "--framework",
                          "quang-tri/district/2020", "--population", "10"], []),
        (("reproduce",), [str(examples / "published" / "totals-2022.csv"), *hue], []),
        (("compare",), [str(examples / "results-2024.csv"), str(examples / "results-2025.csv"),
                        "--framework", str(examples / "example-framework.toml"), "--lineage",
                        str(examples / "lineage-2025.toml")], []),
        (("bands",), [table, *hue, "--published", "Xuất sắc=1,Tốt=1,Khá=2,Trung bình=1"], []),
        (("bands",), [*hue, "--published", "Xuất sắc=9 (6,62%),Tốt=62 (45,59%),Khá=41 "
                      "(30,15%),Trung bình=25 (17,65%),trên=136",
                      "--no-fail-on-discrepancy"], []),
        (("gaps",), [EXAMPLE], []),
        (("plan",), [EXAMPLE, "-o", str(tmp / "plan.md")], [tmp / "plan.md"]),
        (("profiles",), [group], []),
        (("sensitivity",), [group, "--survey-share", "35"], []),
        (("report",), [group, "-o", str(tmp / "report.html")], [tmp / "report.html"]),
        (("import", "assessment"), [str(annex / "units" / "xa-hoa-phu.xlsx"), "--framework",
                                    str(annex / "tinh-mau-2024.toml"), "-o",
                                    str(tmp / "a.toml")], []),
        (("import", "framework"), [str(annex / "tinh-mau-2024.docx"), "--id",
                                   "tinh-mau/commune/2024", "--name", "Tỉnh Mẫu",
                                   "--decision", "999/QĐ-UBND", "-o", str(tmp / "f.toml")], []),
        (("import", "overlay"), [str(annex / "quang-ngai-2023-invented.docx"), "--onto",
                                 "quang-ngai/commune/2023", "-o", str(tmp / "o.toml")], []),
        (("new-plugin",), ["tinh-mau", "--directory", str(tmp / "plugin"), "--dry-run"], []),
    ]


def test_no_english_sentence_of_the_catalogue_in_vietnamese_output(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        cli_options: dict[tuple[str, ...], frozenset[str]]) -> None:
    runs = _runs(tmp_path)
    assert {path for path, _, _ in runs} == set(cli_options)  # every command, each run
    fragments = _english_fragments()
    assert "items' maxima add up to" in fragments and "did not arise" in fragments
    for path, args, written in runs:
        status = main([*path, *args, "--lang", "vi"])
        captured = capsys.readouterr()
        assert status in (0, 1), (path, captured.err)
        text = captured.out + captured.err + "".join(
            f.read_text(encoding="utf-8") for f in written)
        assert text.strip(), path
        english = sorted(f for f in fragments if f in text)
        assert not english, (path, english)


def test_gaps_names_the_basis_in_vietnamese(capsys: pytest.CaptureFixture[str]) -> None:
    out = _run(capsys, "gaps", "--lang", "vi", EXAMPLE)
    assert "Mức tiếp theo Tốt: cần thêm 0,964 điểm (chỉ số); " in out
    assert "(index basis)" in _run(capsys, "gaps", "--lang", "en", EXAMPLE)


# --- errors and warnings in Vietnamese ----------------------------------------------------------

#: English words no Vietnamese message has (Vietnamese words written without tone marks,
#: such as "to", "in" or "no", are left out): one of them in an error means an English
#: sentence reached a Vietnamese reader.
_ENGLISH_WORDS = re.compile(
    r"\b(the|is|are|was|not|of|and|with|give|given|cannot|expected|must|should|which|this|"
    r"that|there|file|files|row|column|line|unknown|missing|criterion|such|"
    r"only|either|neither|one|every|more|than|allowed|invalid|error|warning|note)\b",
    re.IGNORECASE)


def _english_in(text: str) -> list[str]:
    """English words of ``text`` outside what a message quotes from its input: paths,
    quoted text, option names and their METAVARS, commands to type, keys, a conformance
    check's [name]."""
    text = re.sub(r"'[^'\n]*'|\"[^\"\n]*\"|“[^”\n]*”|--[\w-]+|pip install \S+|\S*[/\\]\S*|"
                  r"\w+(?:\.\w+)+|\[\w+\]|\b[A-Z_]{2,}\b", " ", text)
    return _ENGLISH_WORDS.findall(text)


def test_the_english_detector_finds_english() -> None:
    assert _english_in("parindex: error: /tmp/x.csv:3: is a directory, not a file")
    assert not _english_in("parindex: lỗi: /tmp/the file.csv: là một thư mục, không phải "
                           "một tệp 'the file'")


def _failures(tmp: Path) -> list[tuple[list[str], str]]:
    """(arguments, a Vietnamese phrase the error must say) of failing runs."""
    missing = str(tmp / "missing.toml")
    head = 'framework = "thua-thien-hue/commune/2022"\nunit = "Xã A"\nyear = 2022\n'
    files = {
        "latin1.toml": b"unit = 'H\xf2a'\n",  # Windows-1258, not UTF-8
        "twice.toml": (head + 'year = 2023\n[points]\n').encode(),
        "zero.toml": (head + '[points]\n"1.1" = 01\n').encode(),
        "types.toml": 'framework = 7\nunit = ""\nyear = "2022"\n[points]\n'.encode(),
        "fit.toml": (head + '[points]\n"1.9" = 1\n').encode(),
        "range.toml": (head + '[points]\n"1.1" = 99\n"1.2" = -1\n').encode(),
        "framework.toml": b'id = "a/b/2022"\n[criteria."1"]\nmax = 1\n',
    }
    header = "STT;Tên đơn vị;1;2;3;4;5;6;7;8;Điểm điều tra XHH;Tổng điểm;Xếp hạng\n"
    row = "1;Xã A;8,5;4,0;13,25;3,0;9,5;8,0;13,0;3,5;27,5;90,25;{rank}\n"
    files.update({
        "cells.csv": (header + row.format(rank="1") + row.replace("8,5", "abc").replace(
            "1;", "2;", 1).format(rank="2022-10-07")).encode(),
        "empty.csv": header.encode(),
        "nothing.csv": "a;b\n1;2\n".encode(),
        "mapping.toml": 'header_rows = 2\nyear = "2022"\n'.encode(),
        "sheet.ods": b"PK",
        "old.xls": b"PK",
        "assignments.toml": '["3"]\nlead = ""\nfoo = "x"\n'.encode(),
        "conformance.toml": ('id = "a/b/2022"\nname = "X"\nlevel = "b"\nfirst_year = 2022\n'
                             '[sources]\nx = "QĐ 1"\n[criteria."1"]\nname = "A"\nmax = 1\n'
                             'status = "read"\nsource = "y"\n[[bands]]\nname = "T"\n'
                             'min = 5\nstatus = "read"\nsource = "x"\n').encode(),
        "sheet.csv": "STT;Tiêu chí;Ghi chú\n1;Công tác chỉ đạo;x\n".encode(),
        "distribution.toml": ('foo = 1\npopulation = 0\n[bands]\n"Giỏi" = 3\n"Tốt" = -1\n'
                              '"Khá" = { count = 2, percent = "abc" }\n').encode(),
        "lineage.toml": ('foo = 1\nmerged = 3\n[[renamed]]\nold = ["Xã A", "Xã B"]\n'
                         'new = "Xã C"\n[[renamed]]\nold = "Xã D"\n').encode(),
    })
    for name, data in files.items():
        (tmp / name).write_bytes(data)
    tth = ["--framework", "thua-thien-hue/commune/2022"]
    table = str(ROOT / "docs" / "examples" / "results-2022.csv")
    examples = ROOT / "docs" / "examples"
    years = [str(examples / "results-2024.csv"), str(examples / "results-2025.csv"),
             "--framework", str(examples / "example-framework.toml")]
    return [
        (["bands", *tth, "--published", "Tốt=1,Giỏi=2,Tốt=3,foo"],
         "'Giỏi' không phải là mức xếp loại của thua-thien-hue/commune/2022 (Xuất sắc, Tốt,"),
        (["bands", *tth, "--published", "Tốt=1,Tốt=3"], "'Tốt' được cho hai lần"),
        (["bands", *tth, "--published", "Tốt"], "'Tốt' không có dạng mức=số đơn vị"),
        (["bands", *tth, "--distribution", str(tmp / "distribution.toml")],
         "bands.\"Tốt\": cần số đơn vị (một số nguyên ≥ 0)"),
        (["bands", *tth, "--distribution", str(tmp / "distribution.toml")],
         "population: cần tổng số đơn vị (một số nguyên ≥ 1)"),
        (["bands", *tth, "--distribution", str(tmp / "distribution.toml")],
         "foo: khóa không hợp lệ; các khóa được dùng: population, source, bands"),
        (["compare", *years, "--lineage", str(tmp / "lineage.toml")],
         "merged: hãy viết các bảng [[merged]]"),
        (["compare", *years, "--lineage", str(tmp / "lineage.toml")],
         "renamed.0.old: đổi tên thì chỉ có một tên cũ"),
        (["compare", *years, "--lineage", str(tmp / "lineage.toml")],
         "renamed.1.new: hãy ghi tên đơn vị mới"),
        (["reproduce", str(tmp / "cells.csv"), *tth], "đơn vị 'Xã A' xuất hiện hai lần"),
        (["reproduce", str(tmp / "cells.csv"), *tth], "'abc' không phải là một số"),
        (["reproduce", str(tmp / "cells.csv"), *tth], "Excel đã đổi thứ hạng dạng 7/10"),
        (["reproduce", str(tmp / "empty.csv"), *tth], "bảng trống"),
        (["reproduce", str(tmp / "nothing.csv"), *tth], "không tìm thấy dòng tiêu đề"),
        (["reproduce", str(tmp / "sheet.ods"), *tth], "parindex không đọc tệp .ods"),
        (["reproduce", table, "--framework", "thua-thien-hue/comune/2022"],
         "không có plugin nào đã cài đặt cung cấp bộ tiêu chí 'thua-thien-hue/comune/2022'; "
         "có phải là 'thua-thien-hue/commune/2022'? Đã cài đặt: "),
        (["plan", EXAMPLE, "--assignments", str(tmp / "assignments.toml"), "-o",
          str(tmp / "plan.md")], "khóa không hợp lệ; cần một trong các khóa lead, support"),
        (["score", str(ROOT / "docs" / "examples" / "overlays" / "quang-tri-2020" /
                       "huong-hoa.toml")],
         "thiếu criteria.1.max; trong tệp overlay hãy ghi: [criteria.\"1\"] max = ..."),
        (["rule", "3.4.1", "on_time=500", "resolved=493", "--framework",
          str(ROOT / "docs" / "examples" / "overlays" / "quang-ngai-3.4.1.toml")],
         "on_time = 500 lớn hơn resolved = 493 (quy tắc proportional của 3.4.1)"),
        (["validate", "--conformance", str(tmp / "conformance.toml")],
         "không đạt kiểm tra tính phù hợp: "),
        (["import", "assessment", str(tmp / "old.xls"), *tth, "-o", str(tmp / "a.toml")],
         "không phải bảng chấm điểm: '.xls'; hãy cho tệp .xlsx, .docx hoặc .csv (hãy lưu lại"),
        (["import", "assessment", str(tmp / "sheet.csv"), *tth, "-o", str(tmp / "a.toml")],
         "dòng tiêu đề không có cột điểm (ví dụ"),
        (["score", str(ROOT / "tests" / "data" / "sheets" / "thuy-thanh-2022.xlsx")],
         "bảng chấm điểm không ghi bộ tiêu chí: hãy cho --framework"),
        (["reproduce", table, *tth, "--mapping", str(tmp / "mapping.toml")],
         "header_rows: khóa không hợp lệ; các khóa được dùng: columns, header_row"),
        (["score", str(ROOT / "docs" / "examples" / "bad-assessment.toml")],
         "'8,5' dùng dấu phẩy thập phân; hãy viết 8.5"),
        (["score", str(tmp / "latin1.toml")], "không phải văn bản UTF-8"),
        (["score", str(tmp / "twice.toml")], "được khai báo hai lần (lần đầu ở dòng 3)"),
        (["score", str(tmp / "zero.toml")], "01 có chữ số 0 ở đầu"),
        (["score", str(tmp / "types.toml")], "cần văn bản, nhưng nhận được 7"),
        (["score", str(tmp / "fit.toml")], "'1.9' không phải là tiêu chí của"),
        (["score", str(tmp / "range.toml")], "99 vượt điểm tối đa"),
        (["score", str(tmp / "framework.toml")], "đây là tệp bộ tiêu chí"),
        (["score", missing], "không có tệp này"),
        (["reproduce", missing, "--framework", "thua-thien-hue/commune/2022"],
         "không có tệp này"),
        (["plan", EXAMPLE, "-o", str(tmp / "no" / "plan.docx")], "không có thư mục"),
        (["plan", EXAMPLE, "-o", str(tmp / "plan.pdf")],
         "phần mở rộng '.pdf' không được hỗ trợ; hãy cho tệp có đuôi .docx hoặc .md"),
        (["report", EXAMPLE, "-o", EXAMPLE], "sẽ ghi đè lên tệp đầu vào"),
        (["gaps", table, *tth, "--unit", "Thủy Than"],
         "không có đơn vị nào tên 'Thủy Than'; có phải là 'Xã Thủy Thanh'?"),
        (["gaps", table, *tth, "--unit", "minh hoa"],
         "tên của 4 đơn vị có chứa cụm từ này: Xã Minh Họa A;"),
    ]


def test_errors_are_vietnamese_under_lang_vi(tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    fragments = _english_fragments()
    for args, phrase in _failures(tmp_path):
        status = main([*args, "--lang", "vi"])
        captured = capsys.readouterr()
        assert status == 2, (args, captured)
        assert "Traceback" not in captured.err and captured.err.strip(), args
        lines = captured.err.splitlines()
        assert all(line.startswith(("parindex: lỗi: ", "parindex: cảnh báo: ",
                                    "parindex: lưu ý: ")) for line in lines), lines
        assert phrase in " ".join(captured.err.split()), (args, captured.err)
        said = captured.out + captured.err  # validate --conformance prints its report
        assert not [f for f in fragments if f in said], (args, said)
        assert not _english_in(said), (args, said)
        # English, and JSON, keep the English text
        assert main([*args, "--lang", "en"]) == 2
        assert capsys.readouterr().err.startswith("parindex: error: ")


@pytest.mark.parametrize("args", [["score", "{tmp}"], ["score", "--no-such-option", EXAMPLE],
                                  ["score"], ["gaps", EXAMPLE, "--unit"],
                                  ["score", EXAMPLE, "x"],
                                  ["gaps", str(ROOT / "docs" / "examples" / "results-2022.csv")]])
def test_a_wrong_command_line_is_said_in_vietnamese(
        args: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Click's own messages (usage, the error, the hint) come from the catalogue too."""
    args = [a.format(tmp=tmp_path) for a in args]
    # English first: the command is built then, and the Vietnamese run must still say
    # its parameters' kinds ("Tệp", not click's "File") in Vietnamese.
    assert main(args) == 2
    assert "Error: " in capsys.readouterr().err
    assert main([args[0], "--lang", "vi", *args[1:]]) == 2
    err = capsys.readouterr().err
    assert err.startswith(("Cách dùng: parindex ", "Lỗi: ")) and "Lỗi: " in err, err
    metavars = re.sub(r"\b[A-Z_]{2,}\b", "", err)  # FILE, [OPTIONS]: the syntax
    assert not _english_in(metavars), err


def test_the_catalogue_has_every_key_the_source_uses() -> None:
    """Every literal key given to ``Sentence``, ``message`` or ``t`` is in the catalogue
    (a mistyped key would be a ``KeyError`` at the moment an error is reported)."""
    import ast

    from parindex._base.i18n import MESSAGES

    used = set()
    for path in (ROOT / "src" / "parindex").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name | ast.Attribute):
                name = node.func.id if isinstance(node.func, ast.Name) else node.func.attr
                position = {"Sentence": 0, "t": 0, "message": 1}.get(name)
                if position is not None and len(node.args) > position:
                    key = node.args[position]
                    if isinstance(key, ast.Constant) and isinstance(key.value, str):
                        used.add((path.name, key.value))
                    # a value named like message()'s own parameters cannot be passed
                    assert not {k.arg for k in node.keywords} & {"key", "lang"}, \
                        (path.name, node.lineno)
    assert len(used) > 200  # the scan sees the calls
    # message(lang, key, **values): a blank named like its own parameters cannot be filled
    assert not [k for k, text in MESSAGES["en"].items() if re.search(r"{(key|lang)[}!:]", text)]
    assert not {(file, key) for file, key in used if key not in MESSAGES["en"]}


def test_recomputed_xlsx_in_vietnamese(tmp_path: Path) -> None:
    """The .xlsx ``reproduce -o`` writes for people: headers and each discrepancy's comment
    in Vietnamese, numbers in the cells still numbers; the CSV stays machine style."""
    openpyxl = pytest.importorskip("openpyxl")
    table = str(ROOT / "docs" / "examples" / "results-2022.csv")
    out = tmp_path / "tinh-lai.xlsx"
    assert main(["reproduce", table, "--framework", "thua-thien-hue/commune/2022",
                 "--lang", "vi", "-o", str(out)]) == 1
    sheet = openpyxl.load_workbook(out).active
    header = [c.value for c in sheet[1]]
    assert header[:3] == ["dòng", "đơn vị", "nhóm"]
    column = header.index("tổng điểm (tính lại)")
    assert header[column - 1] == "tổng điểm (công bố)"
    cell = next(row[column] for row in sheet.iter_rows(min_row=2)
                if row[1].value == "Xã Minh Họa B")
    assert cell.value == 82.3 and cell.comment.text.startswith(
        "công bố 82,03, tính lại 82,3: điểm thẩm định 55,5 + điểm điều tra XHH 26,8 = 82,3")
    assert not _english_in(cell.comment.text)
    out = tmp_path / "machine.csv"
    assert main(["reproduce", table, "--framework", "thua-thien-hue/commune/2022",
                 "--lang", "vi", "-o", str(out)]) == 1
    assert out.read_text(encoding="utf-8-sig").startswith("row,unit,group,")


def test_errors_under_json_keep_the_english_message(capsys: pytest.CaptureFixture[str]) -> None:
    bad = str(ROOT / "docs" / "examples" / "bad-assessment.toml")
    assert main(["score", bad, "--json", "--lang", "vi"]) == 2
    problems = json.loads(capsys.readouterr().out)["problems"]
    assert problems[1]["message"] == ("'8,5' uses a decimal comma; write 8.5 (TOML numbers "
                                      "use a decimal point)")
    assert main(["score", "--json", "--lang", "vi", "--no-such-option"]) == 2
    assert json.loads(capsys.readouterr().out)["problems"][0]["message"] == (
        "No such option '--no-such-option'.")


def test_lineage_names_no_unit_in_vietnamese(tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    examples = ROOT / "docs" / "examples"
    lineage = tmp_path / "lineage.toml"
    lineage.write_text('[[renamed]]\nold = "Xã Không Có"\nnew = "Xã Phú An"\n'
                       '[[merged]]\nold = ["Xã Tân Lập"]\nnew = "Xã Cũng Không"\n',
                       encoding="utf-8")
    args = ("compare", str(examples / "results-2024.csv"), str(examples / "results-2025.csv"),
            "--framework", str(examples / "example-framework.toml"), "--lineage", str(lineage))
    out = _run(capsys, *args, "--lang", "vi")
    assert "  - tệp lịch sử đơn vị: bảng mới: không có đơn vị nào tên 'Xã Cũng Không'" in out
    assert "  - tệp lịch sử đơn vị: bảng cũ: không có đơn vị nào tên 'Xã Không Có'" in out
    english = _run(capsys, *args, "--lang", "en")
    assert "  - lineage: the old table: no unit named 'Xã Không Có'" in english


def test_an_interrupted_command_says_so_in_vietnamese(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """Ctrl-C: click turns the interrupt into its Abort, said in the command's language."""
    import parindex._cli.units

    def interrupted(*_: object, **__: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(parindex._cli.units, "score", interrupted)
    assert main(["score", EXAMPLE, "--lang", "vi"]) == 1
    err = capsys.readouterr().err
    assert err.strip() == "Đã dừng." and "Traceback" not in err
    assert main(["score", EXAMPLE, "--lang", "en"]) == 1
    assert capsys.readouterr().err.strip() == "Aborted."


def test_ranking_refusals_in_vietnamese() -> None:
    """Units ranked together that cannot be (two years, a unit twice) are told so in the
    reader's language, by the explainer and the kernel alike; so is what the kernel does
    not take (points above the leaves: Thủy Thanh's field 6)."""
    import attrs
    import numpy as np

    assessment = parindex.load_assessment(EXAMPLE)
    # A framework in force for two years, so that units of each may be read under it.
    framework = attrs.evolve(parindex.get_framework(assessment.framework), last_year=2023)
    later = attrs.evolve(assessment, unit="Xã B", year=assessment.year + 1)
    twice = attrs.evolve(assessment, unit="xã Thuỷ Thanh")
    refusals = []
    for batch in (False, True):
        with pytest.raises(parindex.AssessmentError) as years:
            parindex.score_many(framework, [assessment, later], batch=batch)
        refusals.append(years.value)
        assert "các đơn vị của nhiều năm khác nhau được xếp hạng chung: [2022, 2023]" in \
            years.value.said("vi")
    with pytest.raises(parindex.AssessmentError) as repeated:
        parindex.score_many(framework, [assessment, twice])
    assert repeated.value.said("vi").endswith(
        "unit: đơn vị 'xã Thuỷ Thanh' xuất hiện hai lần thuộc Thị xã Hương Thủy")
    assert str(repeated.value).endswith(
        "unit: unit 'xã Thuỷ Thanh' appears twice in Thị xã Hương Thủy")
    codes = parindex.to_matrix(framework, []).codes
    with pytest.raises(parindex.AssessmentError) as kernel:
        parindex.PointsMatrix(codes, 0, np.zeros((2, len(codes)), dtype=np.int64),
                              np.zeros((2, len(codes)), dtype=np.bool_),
                              units=["Xã A", "xã a"], groups=["Huyện X", "huyện x"])
    assert kernel.value.said("vi") == "unit: đơn vị 'xã a' xuất hiện hai lần thuộc huyện x"
    refusals.append(kernel.value)
    said = refusals[1].said("vi")
    assert ("points.6: Xã Thủy Thanh: có điểm cho 6 (Cải cách tài chính công), tiêu chí có "
            "các tiêu chí thành phần (6.1, 6.2, 6.3, 6.4); API theo lô chỉ nhận điểm") in said
    for error in refusals:
        assert not _english_in(error.said("vi")), error
