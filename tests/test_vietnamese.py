"""What the commands say, said in Vietnamese under ``--lang vi``: the engine's findings,
the evidence of each discrepancy, what was not checked, and every command's own lines,
all from the one catalogue, while JSON keeps the English ``message``/``evidence`` text."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from typing import Any
from pathlib import Path

import click
import pytest
from hypothesis import given
from hypothesis import strategies as st

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
    assert "  quy tắc theo tỷ lệ (proportional), nguồn đã đọc, example" in out
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
    # Dates and the index as the decisions write them (not 2022-09-12, par-index).
    assert "2204/QĐ-UBND (12/09/2022)" in out and "Installed" not in out
    assert "Chỉ số CCHC" in out and "par-index" not in out
    out = _run(capsys, "frameworks", "--completeness", "--lang", "vi", "--framework",
               "thua-thien-hue/commune/2022")
    assert ("thua-thien-hue/commune/2022: 66 mục: 65 văn bản gốc, 0 nguồn đã đọc, 1 suy "
            "luận, 0 giả định, 0 chưa biết; cách chấm: ") in out
    assert "  chưa biết: criteria.9.not_arising" in out
    # Rule kinds named in Vietnamese, with the id a framework file writes.
    out = _run(capsys, "frameworks", "--completeness", "--lang", "vi", "--framework",
               "quang-ngai/commune/2023")
    assert "cách chấm: 5 nhập điểm trực tiếp, 8 chưa biết cách chấm (unknown)" in out
    out = _run(capsys, "frameworks", "--completeness", "--lang", "en", "--framework",
               "quang-ngai/commune/2023")
    assert "rules: 5 given, 8 unknown" in out
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
    assert "│ 80,50 → 83 │ +2,50    │ 80,50 → 83,00 │ +2,50    │" in out
    assert "Thay đổi điểm theo lĩnh vực" in out and "Change in points" not in out
    assert "│ Xã Tân Hợp │ Xã Tân Lập       │ -1 │ +1 │ +1 │ 0 │ -1 │" in out
    assert "  - Mọi đơn vị: xếp hạng trong số 5 đơn vị năm 2024, 4 đơn vị năm 2025" in out
    assert "  - Xã Tân Hợp so với trung bình của Xã Tân Lập, Xã Tân Hòa: " in out


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


#: A framework file that builds but fails conformance on its scale and its names.
SCALE = """\
id = "a/b/2022"
name = "X"
level = "b"
first_year = 2022
ranking = "olympic"
band_method = "nearest"
[legal_basis]
decision = "1/QĐ"
[provenance]
legal_basis = { status = "read", source = "x" }
[sources]
x = "QĐ 1"
[criteria."1"]
name = "A"
max = 60
status = "read"
source = "x"
[criteria."2"]
name = "B"
max = 30
status = "read"
source = "x"
kind = "survey"
[criteria."3"]
name = "C"
max = 5
status = "read"
source = "x"
kind = "bonus"
[criteria."1".rule]
kind = "proportionl"
status = "read"
source = "x"
[[bands]]
name = "T"
min = 0
status = "read"
source = "x"
"""


def test_conformance_findings_in_vietnamese(tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    """Maxima that do not make the scale, names nobody registers, fields short of the
    scale with no survey block: validate --conformance says them in Vietnamese; the
    English is as it was."""
    scale = tmp_path / "scale.toml"
    scale.write_text(SCALE, encoding="utf-8")
    survey = tmp_path / "survey.toml"
    survey.write_text(SCALE.split("[criteria.")[0] + '[criteria."1"]\nname = "A"\nmax = 70\n'
                      'status = "read"\nsource = "x"\n[[bands]]\nname = "T"\nmin = 0\n'
                      'status = "read"\nsource = "x"\n', encoding="utf-8")
    out = _run(capsys, "validate", "--conformance", str(scale), "--lang", "vi", status=2)
    out = " ".join(out.split())
    for phrase in ("[scale] dòng 13: criteria: điểm tối đa của các mục cấp cao nhất không cộng "
                   "lại thành thang điểm 100: điểm thẩm định 60 + điều tra XHH 30 = 90 (điểm "
                   "thẩm định 60 + điều tra XHH 30 + điểm thưởng 5 = 95); hãy sửa",
                   "[rules] dòng 5: ranking: ranking 'olympic' không phải là phương pháp xếp "
                   "hạng đã đăng ký (đã đăng ký: competition, dense)",
                   "[rules] dòng 6: band_method: band_method 'nearest' không phải là phương "
                   "pháp xếp loại đã đăng ký (đã đăng ký: minimum)",
                   "[rules] dòng 30: criteria.1.rule: kind 'proportionl' không phải là loại "
                   "quy tắc đã đăng ký (đã đăng ký: answer-scale, "):
        assert phrase in out, (phrase, out)
    # The names registered are ids as a framework file writes them ("unknown" among them).
    assert not _english_in(re.sub(r"\(đã đăng ký: [^)]*\)", "", out)), out
    english = " ".join(_run(capsys, "validate", "--conformance", str(scale), "--lang", "en",
                            status=2).split())
    assert ("the top-level maxima do not make the 100-point scale 100: appraised 60 + survey "
            "30 = 90 (appraised 60 + survey 30 + bonus 5 = 95); fix a maximum") in english
    assert ("criteria.1.rule: kind 'proportionl' is not a registered rule kind (registered: "
            "answer-scale, ") in english
    out = " ".join(_run(capsys, "validate", "--conformance", str(survey), "--lang", "vi",
                        status=2).split())
    assert ("[scale] dòng 13: criteria: không có khối điều tra xã hội học, và các lĩnh vực "
            "cộng lại 70, không phải 100: hãy thêm điều tra xã hội học") in out, out


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
        "broken.xlsx": b"not a zip",
        "broken.docx": b"not a zip",
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
    (tmp / "empty").mkdir()
    (tmp / "full").mkdir()
    (tmp / "full" / "kept.txt").write_text("x", encoding="utf-8")
    years = [str(examples / "results-2024.csv"), str(examples / "results-2025.csv"),
             "--framework", str(examples / "example-framework.toml")]
    return [
        (["new-plugin", "Quảng Bình", "--level", "Xã", "--year", "1999"],
         "NAME: 'Quảng Bình' không phải là tên plugin"),
        (["new-plugin", "Quảng Bình", "--level", "Xã", "--year", "1999"],
         "--level: 'Xã' không phải là cấp đánh giá"),
        (["new-plugin", "ok", "--directory", str(tmp / "full")],
         "đã có và không phải thư mục trống; hãy chọn --directory khác"),
        (["profiles", str(tmp / "empty")], "thư mục không có tệp bản đánh giá (.toml) hay bảng kết quả"),
        (["import", "assessment", str(tmp / "sheet.ods"), *tth, "-o", str(tmp / "a.toml")],
         "không phải bảng chấm điểm: '.ods'; hãy cho tệp .xlsx, .docx hoặc .csv"),
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
        # what a library says is quoted as its own words
        (["reproduce", str(tmp / "broken.xlsx"), *tth],
         "không đọc được tệp .xlsx: openpyxl báo (nguyên văn): “File is not a zip file”"),
        (["import", "assessment", str(tmp / "broken.docx"), *tth, "-o", str(tmp / "a.toml")],
         "không đọc được tệp .docx: python-docx báo (nguyên văn): “"),
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
    # Where the second one was read (the line of its name), then the message alone: the
    # key "unit" printed before it was English under vi.
    lines = Path(EXAMPLE).read_text(encoding="utf-8").splitlines()
    line = next(n for n, text in enumerate(lines, 1) if text.startswith("unit "))
    (problem,) = repeated.value.problems
    assert (problem.path, problem.line, problem.key) == (Path(EXAMPLE), line, None)
    assert repeated.value.said("vi") == (
        f"{EXAMPLE}:{line}: đơn vị 'xã Thuỷ Thanh' xuất hiện hai lần thuộc Thị xã Hương Thủy")
    assert str(repeated.value) == (
        f"{EXAMPLE}:{line}: unit 'xã Thuỷ Thanh' appears twice in Thị xã Hương Thủy")
    codes = parindex.to_matrix(framework, []).codes
    with pytest.raises(parindex.AssessmentError) as kernel:
        parindex.PointsMatrix(codes, 0, np.zeros((2, len(codes)), dtype=np.int64),
                              np.zeros((2, len(codes)), dtype=np.bool_),
                              units=["Xã A", "xã a"], groups=["Huyện X", "huyện x"])
    assert kernel.value.said("vi") == "đơn vị 'xã a' xuất hiện hai lần thuộc huyện x"
    assert kernel.value.problem.key is None
    refusals.append(kernel.value)
    said = refusals[1].said("vi")
    assert ("points.6: Xã Thủy Thanh: có điểm cho 6 (Cải cách tài chính công), tiêu chí có "
            "các tiêu chí thành phần (6.1, 6.2, 6.3, 6.4); API theo lô chỉ nhận điểm") in said
    for error in refusals:
        assert not _english_in(error.said("vi")), error


# --- framework authoring: framework and overlay files said in Vietnamese -----------------------

#: A small framework file, invented for these tests (no decision prints it).
_FRAMEWORK = """# Invented for parindex's tests: no decision prints this framework.
id = "tinh-mau/commune/2024"
name = "Bộ tiêu chí mẫu"
level = "commune"
first_year = 2024

[legal_basis]
decision = "1/QĐ-UBND"

[sources]
qd = "QĐ 1/QĐ-UBND (invented)"

[[bands]]
name = "Tốt"
min = 50
status = "read"
source = "qd"

[[bands]]
name = "Khá"
min = 0
status = "read"
source = "qd"

[criteria."1"]
name = "Lĩnh vực 1"
max = 60
status = "read"
source = "qd"

[criteria."1.1"]
name = "Tiêu chí 1.1"
max = 60
status = "read"
source = "qd"

[criteria."2"]
name = "Điều tra XHH"
kind = "survey"
max = 40
status = "read"
source = "qd"
"""

#: The head of an overlay of the Huế commune framework, whose maxima and bands are sourced.
_OVERLAY = """# Invented for parindex's tests.
base = "thua-thien-hue/commune/2022"
id = "thua-thien-hue/commune/2022-test"

[sources]
annex = "QĐ 2204/QĐ-UBND, Phụ lục (invented for the tests)"
"""
_SOURCED = 'status = "read"\nsource = "annex"\n'


def _framework(old: str, new: str) -> str:
    assert old in _FRAMEWORK, old
    return _FRAMEWORK.replace(old, new, 1)


def _overlay(*tables: str, head: str = "") -> str:
    return head + _OVERLAY + "".join("\n" + table for table in tables)


def _rule(kind: str, params: str, max: str = "60") -> str:
    """The framework with a rule of ``kind`` on criterion 1.1 (of maximum ``max``)."""
    rule = f'rule = {{ kind = "{kind}", {params}{", " if params else ""}status = "read", ' \
        'source = "qd" }'
    return _framework('name = "Tiêu chí 1.1"\nmax = 60',
                      f'name = "Tiêu chí 1.1"\nmax = {max}\n{rule}')


def _too_deep() -> str:
    """Criteria 21 levels deep (1, 1.1, 1.1.1, …): one more than a framework may nest."""
    codes = ["1" + ".1" * depth for depth in range(21)]
    return _FRAMEWORK.split('[criteria."1"]')[0] + "".join(
        f'[criteria."{code}"]\nname = "Mục {code}"\nmax = 60\nstatus = "read"\nsource = "qd"\n'
        for code in codes) + _FRAMEWORK[_FRAMEWORK.index('[criteria."2"]'):]


def _authoring_files() -> list[tuple[str, str, str]]:
    """(file text, the catalogue keys its problems are said with, a phrase of the English
    as it has always been worded) of broken framework and overlay files."""
    criteria = _FRAMEWORK.split('[criteria."1"]')[0]
    rule = '[criteria."1.1"]\nrule = {{ kind = "{kind}", {rest} }}\n'
    return [
        ("points = 1\n" + criteria, "fw_is_assessment",
         "this is an assessment file (it has 'points' or 'unit'), not a framework"),
        (_FRAMEWORK.replace("max = 60", "max = 0").replace("max = 40", "max = 0"),
         "fw_all_zero", "every maximum of the criteria and the survey is 0"),
        (_framework("first_year = 2024", "first_year = 2024\ntie_break = [1]"),
         "fw_tie_break_text", "tie_break lists criterion codes as text"),
        (_framework("first_year = 2024", "first_year = 2024\npublication = 1"),
         "fw_publication_table", "expected a table [publication]"),
        (_FRAMEWORK + '\n[publication]\nstatus = "read"\nsource = "qd"\n'
         'decimals = { totals = 2, index = 12 }\nband_bounds = "loose"\n',
         "fw_not_printed_figure fw_decimal_places e_not_one_of",
         "'totals' is not a printed figure; one of points, appraised"),
        (_framework("first_year = 2024", "first_year = 2024\nscale = 0"), "fw_not_a_scale",
         "0 is not a scale: give the points the index is out of (e.g. 100)"),
        (_framework('[criteria."1"]\n', '[criteria."1"]\nunitemized = 0\n'),
         "fw_unitemized_zero", "unitemized = 0 excuses nothing; leave it out"),
        ("bands = [1]\n" + _FRAMEWORK.replace("[[bands]]", "[[other]]"), "fw_band_table",
         "each band must be a table ([[bands]])"),
        (_framework("first_year = 2024", 'first_year = 2024\nranking = "Dense Rank"'),
         "fw_method_name", "'Dense Rank' is not a method name (lower-case letters, digits"),
        (_framework('[criteria."1.1"]\n', '[criteria."1.1"]\nrule = 1\n'), "fw_rule_table",
         'a rule is a table, e.g. rule = { kind = "proportional"'),
        (_framework('[criteria."1.1"]\n', rule.format(
            kind="unknown", rest='status = "read", source = "qd"')),
         "fw_kind_unknown_status", "kind is \"unknown\" but status is 'read'"),
        (_framework('[criteria."1.1"]\n', rule.format(
            kind="proportional", rest='numerator = "a", denominator = "b", status = '
                                      '"unknown"')),
         "fw_status_unknown_rule", "status is \"unknown\" but the rule is given (kind "
                                   "'proportional'); say where it comes from"),
        (_framework('[criteria."1.1"]\n', rule.format(
            kind="Tỷ lệ", rest='status = "read", source = "qd"')),
         "fw_not_a_kind", "'Tỷ lệ' is not a rule kind's name; built in: answer-scale"),
        (_framework("max = 40\n", ""), "fw_number_or_unknown",
         'missing: give a number, or "unknown" when no source gives it'),
        (_framework("max = 40", "max = -40"), "fw_negative", "-40 is negative"),
        (_framework('min = 50\nstatus = "read"', 'min = "unknown"\nstatus = "read"'),
         "fw_value_unknown_status", "min is \"unknown\" but status is 'read'"),
        (_framework('max = 40\nstatus = "read"\nsource = "qd"',
                    'max = 40\nstatus = "unknown"'), "fw_status_unknown_value",
         'status is "unknown" but max is given (40); say where it comes from, or write '
         'max = "unknown"'),
        (_framework('name = "Tiêu chí 1.1"', 'name = "Tiêu chí 1.1"\nparent = "1.1"'),
         "fw_own_parent", "is its own parent"),
        (_framework('name = "Lĩnh vực 1"', 'name = "Lĩnh vực 1"\nparent = "1.1"'),
         "fw_parent_chain", "its parent chain loops: 1 → 1.1 → 1 (each code names the next"),
        (_too_deep(), "fw_too_deep",
         "is 21 levels deep; a framework's criteria nest at most 20 levels"),
        (_framework("min = 50", "min = 150"), "fw_band_above_index",
         "band Tốt: minimum 150 is above 100, the highest index (band_basis is index)"),
        (criteria + "[criteria]\n", "fw_no_criteria",
         'no criteria: a framework lists at least one [criteria."code"]'),
        (criteria + '[criteria]\n"1" = 60\n', "fw_criterion_table",
         'each criterion is a table: [criteria."code"]'),
        (_framework('name = "Tiêu chí 1.1"', 'name = "Tiêu chí 1.1"\nparent = "9"'),
         "fw_parent_undefined", "its parent '9' is not defined"),
        (_framework('name = "Tiêu chí 1.1"', 'name = "Tiêu chí 1.1"\nkind = "bonus"'),
         "fw_kind_differs", "kind 'bonus' differs from its parent's 'criterion'"),
        (_framework('id = "tinh-mau/commune/2024"', 'id = "Tinh Mau/2024"'), "md_bad_id",
         "framework id 'Tinh Mau/2024' is not of the form province/level/year"),
        (_framework('level = "commune"', 'level = "district"'), "md_level_differs",
         "level 'district' differs from the id's 'commune'"),
        (_framework("first_year = 2024", "first_year = 2024\nlast_year = 2023\ndecimals = 12"),
         "md_years_order md_decimals", "last_year is before first_year"),
        (_framework("first_year = 2024", 'first_year = 2024\ntie_break = ["9"]'),
         "md_tie_break_unknown", "tie_break names unknown code '9'"),
        (_framework('name = "Khá"', 'name = "Tốt"'), "md_band_names",
         "band names repeat: Tốt; each band has its own name"),
        (_FRAMEWORK.replace("min = 50", "min = 5", 1).replace("min = 0", "min = 10"),
         "md_band_decrease md_last_band",
         "band minima must strictly decrease from the first band to the last"),
        (_framework("min = 50", "min = 50\nmin = 60"), "e_given_twice",
         "bands.min: given twice; give each key once"),
        ("a = 1\nb = [1, 2\n", "toml_unclosed_array toml_at_end",
         "not valid TOML: Unclosed array (at end of document)"),
        # a rule's parameters, and names no plugin registers
        (_rule("proportional", 'foo = 1, numerator = "a", denominator = "a", target = 2, '
                               'decimals = 12, floor = -1, cap = 99'),
         "n_not_a_param rp_same_figure fw_negative rp_above_max rp_target_share rp_decimals",
         "foo: not a parameter of a proportional rule (it takes numerator, denominator"),
        (_rule("proportional", 'numerator = "a", denominator = "b", target = 0, floor = '
                               '"abc", cap = 0.125', max="60.5"),
         "rp_positive n_not_a_number rp_more_places",
         "cap: 0.125 has more places than decimals = 2"),
        (_rule("proportional", 'numerator = "a", denominator = "b", decimals = 0',
               max="60.5"), "rp_round_below",
         "decimals: 0 places cannot round below the maximum 60.5; give decimals ≥ 1 or a cap"),
        (_rule("proportional", 'numerator = "a", denominator = "b", floor = 9, cap = 8'),
         "rp_floor_cap", "floor 9 is above cap 8"),
        (_rule("threshold", 'input = "a", numerator = "b"'), "rp_input_or_ratio rp_steps_missing",
         "give either input (one figure) or numerator and denominator (a share), not both"),
        (_rule("threshold", 'input = "a", steps = [1, { min = 0.5, points = 99 }, '
                            '{ min = 0.9, points = 1 }]'),
         "rp_step_table rp_above_max rp_steps_order",
         "steps[1].points: 99 is above the maximum 60"),
        (_rule("deduction", 'input = "a b"'), "rp_not_a_name rp_per_missing",
         "missing; the points deducted per occurrence (e.g. per = 0.25)"),
        (_rule("points", "foo = 1"), "n_not_a_param_none",
         "foo: not a parameter of a points rule (it takes none)"),
        (_rule("yes-no", ""), "rp_name_missing",
         'missing; name the figure the assessment reports (e.g. input = "on_time")'),
        (_rule("mean-percent", 'decimals = 0, rounding = "up"', max="60.5"),
         "rp_names_missing rp_decimals_hold e_not_one_of",
         "decimals = 0 cannot hold the maximum 60.5; give decimals ≥ 1"),
        (_rule("mean-percent", 'inputs = ["a", "a", "b c"]'), "rp_listed_twice rp_not_a_name",
         "inputs[1]: 'a' is listed twice"),
        (_rule("weighted-percent", ""), "rp_weights_missing",
         "missing; a table of figure = weight, e.g. weights = { access = 0.2"),
        (_rule("weighted-percent", 'weights = { a-b = 1, c = -1 }'),
         "rp_not_a_name_bare rp_positive", "weights.a-b: not a figure name"),
        (_rule("answer-scale", ""), "rp_answers_missing",
         'missing; a list like [{ input = "very_satisfied", label = "Rất hài lòng"'),
        (_rule("answer-scale", 'respondents = "a", answers = [1, { input = "b", points = 1, '
                               'label = 2 }, { input = "a", points = 1 }, { input = "a", '
                               'points = 1 }]'),
         "rp_answer_table rp_not_text rp_listed_twice rp_also_answer",
         "each answer is a table { input = ..., label = ..., points = ... } (label optional)"),
        (_rule("no-such-kind", "").replace(
            "first_year = 2024", 'first_year = 2024\nranking = "no-such-ranking"\n'
                                 'band_method = "no-such-band"'),
         "n_rule_kind n_ranking n_band_method",
         "ranking 'no-such-ranking' is not a registered ranking method (registered: "),
        # overlays of the Huế commune framework
        (_OVERLAY.replace('2022-test"', '2022 test"'), "ov_bad_id",
         "'thua-thien-hue/commune/2022 test' is not a framework id of the form "
         "province/level/version"),
        (_OVERLAY.replace('2022-test"', '2022"'), "ov_own_id",
         "the derived framework needs its own id (e.g. 'thua-thien-hue/commune/2022-annex')"),
        (_OVERLAY.replace("commune/2022-test", "district/2022-test"), "ov_level",
         "the derived framework's level must stay 'commune'"),
        (_OVERLAY.split("[sources]")[0] + 'decimals = 2\n[provenance]\n'
         'decimals = { status = "unknown" }\n',
         "ov_own_sources ov_status_not_unknown ov_conflict",
         "an overlay cites its own sources: add [sources] with at least one entry"),
        (_OVERLAY.replace("[sources]", "[sources.a]") + '\n[sources]\nx = 1\n'
         'qd-2204 = "another"\n', "e_citation_text ov_source_taken",
         "the base already has a source 'qd-2204'; choose another key"),
        (_overlay('[criteria."1"]\nmax = 12\n' + _SOURCED), "ov_conflict ov_was_max",
         "conflicts with the base, which gives max 10.0 (seed) (criteria.1.max); if the "
         "overlay corrects it deliberately, add 'criteria.1.max' to corrects = [...] at the "
         "top"),
        (_overlay('[[bands]]\nname = "Đạt"\nmin = 0\n' + _SOURCED), "ov_was_thresholds",
         "conflicts with the base, which gives sourced thresholds (bands)"),
        (_overlay(head='corrects = ["bands", 3]\n'), "ov_corrects_text",
         'corrects lists paths as text, e.g. ["criteria.3.max", "bands"]'),
        (_overlay(head='corrects = ["bands"]\n'), "ov_corrects_unused",
         "'bands' is listed in corrects, but the overlay does not change it"),
        (_overlay('[criteria."99"]\nmax = 1\n' + _SOURCED,
                  '[criteria."1.1.9"]\nname = "Mục thêm"\nmax = "unknown"\n'
                  'status = "unknown"\n'),
         "e_not_a_criterion e_did_you_mean ov_adds_beneath ov_added_needs_max",
         "'99' is not a criterion of thua-thien-hue/commune/2022; did you mean '9'? (an "
         "overlay adds nodes only beneath the base's nodes"),
        (_overlay('[criteria."1.1"]\nmax = "unknown"\nstatus = "unknown"\n',
                  '[criteria."1.2"]\nstatus = "read"\n'), "ov_numbers_only ov_provenance_of_max",
         "status, source and note are the provenance of max; give max with them"),
        (_overlay('[criteria."1.1.1"]\nrule = { kind = "unknown", status = "unknown" }\n',
                  '[criteria."1.1"]\nrule = { kind = "yes-no", input = "done", ' + _SOURCED
                  .replace("\n", ", ").rstrip(", ") + " }\n"),
         "ov_rules_only ov_rule_has_items",
         "an overlay gives rules; leave out what it does not know"),
        (_overlay('[criteria."1.2"]\nrule = { kind = "yes-no", input = "done", status = '
                  '"read", source = "annex" }\n',
                  '[criteria."1.2.1"]\nname = "Mục thêm"\nmax = 1\n' + _SOURCED),
         "ov_items_beneath_rule", "the overlay adds items beneath 1.2, whose yes-no rule "
                                  "computes a leaf's points; a node with items has no rule"),
        (_overlay(head="last_year = 2030\n"), "ov_years_provenance",
         "the overlay sets the years it covers; say where that comes from in [provenance] "
         "(years = { status = ..., source = ... })"),
        (_overlay(head="decimals = 2\n"), "ov_fact_provenance",
         "the overlay sets decimals; say where it comes from in [provenance] (decimals = { "
         "status = ..., source = ... })"),
        (_overlay('[provenance]\nband_basis = { status = "read", source = "annex" }\n'),
         "ov_was_provenance", "which gives its provenance (read, qd-2204) (band_basis)"),
        (_overlay('[provenance]\nyears = { status = "read", source = "annex" }\n',
                  head="first_year = 2023\n"), "ov_was_years",
         "which gives the years 2022–2022 (inferred) (years)"),
        (_overlay('[criteria."1.2.1"]\nname = "Mục thêm"\nmax = 5\n' + _SOURCED), "ov_after",
         "after the overlay, 1.2: items' maxima add up to 5, not to the maximum 1.0"),
        (_overlay('[criteria."1"]\nmax = 11\n' + _SOURCED,
                  '[criteria."1.2"]\nmax = 2\n' + _SOURCED,
                  head='corrects = ["criteria.1.max", "criteria.1.2.max"]\n'),
         "ov_total_changes", "the overlay changes the framework's total from 100.0 to 101.0"),
    ]


#: Authoring messages no file can reach: a plugin package without frameworks; an overlay
#: applied in code to another base, or changing a sourced rule (no installed framework
#: has one; both said in the next test); what the file reader refuses before a Framework
#: is built (a maximum that is not a finite number ≥ 0, a negative band minimum, too many
#: criteria or levels, a code twice, a rule on a node with items); a loop the parent check
#: reports first; 100,001 criteria (too large a file for a test).
_NOT_FROM_FILES = frozenset({"fw_no_files", "ov_other_base", "ov_was_rule",
                             "md_max_not_finite", "md_band_negative", "md_too_many",
                             "md_too_deep", "md_code_twice", "md_rule_has_items",
                             "fw_parent_loops", "fw_too_many"})


def _keys(text: object) -> set[str]:
    """The catalogue keys a sentence is said with, those of the sentences in it included."""
    if not isinstance(text, Sentence):
        return set()
    return {key for key, values in text.parts if key} | {
        key for values in (v for _, v in text.parts) for value in values.values()
        for key in _keys(value)}


def test_framework_and_overlay_files_are_said_in_vietnamese(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Every problem a framework or overlay file can have is said from the catalogue:
    Vietnamese under ``--lang vi`` (no English sentence, no English word outside what it
    quotes), the English as it was worded before under ``--lang en``."""
    from parindex._base.i18n import MESSAGES
    from parindex._formats.overlay import resolve_framework

    fragments = _english_fragments()
    reached: set[str] = set()
    for number, (text, keys, english) in enumerate(_authoring_files()):
        path = tmp_path / f"{number}.toml"
        path.write_text(text, encoding="utf-8")
        with pytest.raises(parindex.ParindexError) as raised:
            resolve_framework(str(path))
        said = set().union(*(_keys(problem.message) for problem in raised.value.problems))
        assert set(keys.split()) <= said, (text, said)
        reached |= said
        assert main(["validate", str(path), "--lang", "vi"]) == 2
        err = capsys.readouterr().err
        assert all(line.startswith("parindex: lỗi: ") for line in err.splitlines()), err
        unquoted = re.sub(r"'[^'\n]*'|\"[^\"\n]*\"", " ", err)  # names: 'half-up'
        assert not [f for f in fragments if f in unquoted], (text, err)
        # "unknown" is also the name of a built-in rule kind, listed when a kind is misspelt
        assert not _english_in(err.replace(", unknown, ", ", ")), (text, err)
        assert main(["validate", str(path), "--lang", "en"]) == 2
        err = capsys.readouterr().err
        assert english in " ".join(err.split()), (english, err)
        assert err == "".join(f"parindex: error: {problem}\n"
                              for problem in raised.value.problems)
    # every message of the framework and overlay readers, of the model's checks and of
    # the checks of a rule's parameters and of registered names
    authoring = {key for name in ("_formats/toml.py", "_formats/overlay.py", "_base/model.py",
                                  "_engine/rules.py", "_plugins/registry.py")
                 for key in re.findall(r'Sentence\(\s*"((?:fw|ov|md|rp)_\w+)"',
                                       (ROOT / "src" / "parindex" / name).read_text("utf-8"))}
    assert len(authoring) > 90  # the scan sees them
    assert authoring - _NOT_FROM_FILES <= reached, sorted(authoring - _NOT_FROM_FILES - reached)


def test_an_overlay_applied_in_code_is_said_in_vietnamese() -> None:
    """What only code reaches: an overlay applied to another base than it names, changing
    the base's sourced rule."""
    from parindex._formats.overlay import apply_overlay, loads_overlay
    from parindex._formats.toml import loads_framework

    base = loads_framework(_framework('[criteria."1.1"]\n', '[criteria."1.1"]\nrule = { '
                                      'kind = "yes-no", input = "done", status = "read", '
                                      'source = "qd" }\n'))
    overlay = loads_overlay('base = "tinh-mau/commune/2023"\nid = "tinh-mau/commune/2024-x"\n'
                            '[sources]\nannex = "QĐ 1/QĐ-UBND, Phụ lục (invented)"\n'
                            '[criteria."1.1".rule]\nkind = "yes-no"\ninput = "on_time"\n'
                            + _SOURCED)
    with pytest.raises(parindex.FrameworkError) as raised:
        apply_overlay(overlay, base)
    assert {"ov_other_base", "ov_conflict", "ov_was_rule"} <= set().union(
        *(_keys(problem.message) for problem in raised.value.problems))
    assert str(raised.value) == (
        "line 1: base: the overlay completes 'tinh-mau/commune/2023', not "
        "'tinh-mau/commune/2024'\nline 5: criteria.\"1.1\".rule: conflicts with the base, "
        "which gives a yes-no rule (criteria.1.1.rule); if the overlay corrects it "
        "deliberately, add 'criteria.1.1.rule' to corrects = [...] at the top")
    said = raised.value.said("vi")
    assert said.startswith("dòng 1: base: tệp overlay bổ sung cho 'tinh-mau/commune/2023', không "
                           "phải cho 'tinh-mau/commune/2024'\n") and "quy tắc yes-no" in said
    assert not _english_in(said), said


#: A TOML text that makes tomllib say each of its sentences (the same set in Python 3.11
#: to 3.13).
_TOMLLIB_FAULTS = {
    "toml_invalid_statement": "= 1\n",
    "toml_newline": "a = 1 b = 2\n",
    "toml_expected_equals": "a = 1\nb\n",
    "toml_table_end": "[a\n",
    "toml_array_end": "[[a]\n",
    "toml_expected": "a = '''x",
    "toml_invalid_char": "# \x00\n",
    "toml_declare_twice": "[a]\n[a]\n",
    "toml_overwrite": "a = 1\na = 2\n",
    "toml_immutable": "a = {b = 1}\na.c = 2\n",
    "toml_redefine": "[a.b]\n[a]\nb.c = 1\n",
    "toml_key_start": "a. = 1\n",
    "toml_unclosed_array": "a = [1\n",
    "toml_duplicate_inline": "a = {b = 1, b = 2}\n",
    "toml_unclosed_inline": "a = {b = 1\n",
    "toml_backslash": 'a = "\\q"\n',
    "toml_hex": 'a = "\\uZZZZ"\n',
    "toml_scalar": 'a = "\\uD800"\n',
    "toml_unterminated": 'a = "abc',
    "toml_illegal_char": 'a = "a\x01"\n',
    "toml_date": "a = 2022-02-30\n",
    "toml_value": "a = @\n",
}


@pytest.mark.parametrize("key", sorted(_TOMLLIB_FAULTS))
def test_what_tomllib_says_is_said_in_vietnamese(key: str) -> None:
    """A file that is not TOML: tomllib's sentence, and where it stopped, from the
    catalogue; in English, tomllib's own words."""
    import tomllib

    from parindex._formats.toml import syntax_detail

    with pytest.raises(tomllib.TOMLDecodeError) as raised:
        tomllib.loads(_TOMLLIB_FAULTS[key])
    detail = syntax_detail(raised.value)
    assert detail == str(raised.value) and detail.parts[0][0] == key
    assert detail.parts[-1][0] in ("toml_at", "toml_at_end")
    said = detail.said("vi")
    assert not _english_in(said) and not [f for f in _english_fragments() if f in said], said


def test_what_tomllib_says_in_another_shape_is_quoted() -> None:
    """A sentence a later Python may word differently is quoted as tomllib's original."""
    from parindex._formats.toml import syntax_detail

    detail = syntax_detail(ValueError("Unknown problem (at line 2, column 1)"))
    assert detail == "Unknown problem (at line 2, column 1)"
    assert detail.said("vi") == ("tomllib báo (nguyên văn): “Unknown problem (at line 2, "
                                 "column 1)”")


def test_sensitivity_refusals_in_vietnamese(capsys: pytest.CaptureFixture[str]) -> None:
    """What a what-if or a Monte Carlo run refuses is said from the catalogue: Vietnamese
    under --lang vi, the English text unchanged (and in JSON)."""
    from fractions import Fraction

    import attrs

    group = ROOT / "docs" / "examples" / "group"
    framework = parindex.get_framework("thua-thien-hue/commune/2022")
    ranking = parindex.score_many(framework, [parindex.load_assessment(p)
                                              for p in sorted(group.glob("*.toml"))])
    no_survey = parindex.Ranking(attrs.evolve(framework, criteria=tuple(
        t for t in framework.criteria if t.kind is not parindex.NodeKind.SURVEY)), ())
    calls = {
        "give either survey_share or maxima": lambda: parindex.what_if(ranking),
        "a survey share must lie between 0 and 100, not 101":
            lambda: parindex.what_if(ranking, survey_share=101),
        "not top-level codes of thua-thien-hue/commune/2022: 8.1, 9.9":
            lambda: parindex.what_if(ranking, maxima={"8.1": 3, "9.9": 1}),
        "a new maximum must be ≥ 0, over a maximum > 0":
            lambda: parindex.what_if(ranking, maxima={"8": -1}),
        "thua-thien-hue/commune/2022 has no survey block to give a share to":
            lambda: parindex.what_if(no_survey, survey_share=10),
        "width must be ≥ 0 and resolution > 0": lambda: parindex.Perturbation("weights", -1),
        "width 1/3 is not a whole number of resolution steps (1/10)":
            lambda: parindex.Perturbation("weights", Fraction(1, 3), Fraction(1, 10)),
        "draws must be between 1 and 100,000, not 0": lambda: parindex.monte_carlo(
            ranking, parindex.Perturbation("weights", 0), draws=0),
        "a weight perturbation must keep every factor above 0 (width < 1)":
            lambda: parindex.monte_carlo(ranking, parindex.Perturbation("weights", 1), draws=1),
        "the survey share would leave [0, the scale]": lambda: parindex.monte_carlo(
            ranking, parindex.Perturbation("survey_share", 31, 1), draws=1),
        "a percentile lies between 0 and 100, not 101": lambda: parindex.monte_carlo(
            ranking, parindex.Perturbation("weights", 0), draws=1).quantile(101),
    }
    for english, call in calls.items():
        with pytest.raises(parindex.ParindexError) as raised:
            call()
        assert str(raised.value).endswith(english), (english, str(raised.value))
        said = raised.value.said("vi")
        assert said != str(raised.value) and not _english_in(said), said
    assert main(["sensitivity", str(group), "--survey-share", "101", "--lang", "vi"]) == 2
    assert "tỷ trọng điều tra xã hội học phải từ 0 đến 100, không phải 101" in \
        capsys.readouterr().err
    assert main(["sensitivity", str(group), "--survey-share", "40", "--lang", "vi"]) == 0
    assert "Giả định: tỷ trọng điều tra xã hội học 40 điểm" in capsys.readouterr().out
    assert main(["sensitivity", str(group), "--max", "8=12", "--json"]) == 0
    assert '"what_if": "maxima 8=12"' in capsys.readouterr().out


# --- the last English under --lang vi: library refusals, titles and numbers ---------------------

def test_library_refusals_in_vietnamese() -> None:
    """What report_html, the ranking methods, the band and rule lookups and the table
    kernel refuse is said from the catalogue: Vietnamese in ``said("vi")``, the English
    text as before."""
    import attrs
    import numpy as np

    from parindex._engine.batch import cells_to_matrix
    from parindex._engine.ranking import Ranker, ranker
    from parindex._engine.scoring import classify, rule_kind

    group = ROOT / "docs" / "examples" / "group"
    framework = parindex.get_framework("thua-thien-hue/commune/2022")
    assessments = [parindex.load_assessment(p) for p in sorted(group.glob("*.toml"))]
    ranking = parindex.score_many(framework, assessments)
    leaves = {node.code for node in framework.walk() if node.is_leaf}  # as the kernel takes
    batch = parindex.score_many(framework, [attrs.evolve(a, points={
        c: p for c, p in a.points.items() if c in leaves}) for a in assessments], batch=True)
    other = parindex.score(framework, assessments[1])
    backwards = Ranker("backwards", "worst first",
                       lambda keys: [sorted(keys).index(k) + 1 for k in keys])
    at = np.zeros((1, len(parindex.to_matrix(framework, []).codes)), dtype=np.int64)
    calls = {
        "lang must be one of vi, en, not 'fr'":
            lambda: parindex.report_html(ranking, lang="fr"),  # type: ignore[arg-type]
        "report_html() of a batch with a unit needs the unit's result (parindex.score)":
            lambda: parindex.report_html(batch, unit=assessments[0].unit),
        f"the result given is {other.unit}'s, not {assessments[0].unit}'s":
            lambda: parindex.report_html(batch, unit=assessments[0].unit, result=other),
        "no built-in ranking method is named 'olympic'. Built in: competition, dense; for a "
        "plugin's method pass its Ranker (parindex.registry().ranking_methods[name])":
            lambda: parindex.rank_values([1, 2], "olympic"),
        "no built-in ranking method is named 'dens'; did you mean 'dense'? Built in: ":
            lambda: parindex.rank_values([1, 2], "dens"),
        "ranking method 'backwards' gave ranks [3, 2, 1] that do not follow the values":
            lambda: parindex.rank_values([3, 2, 1], backwards),
        "no ranking method named 'olympic' was registered when thua-thien-hue/commune/2022 "
        "was built; install the plugin that registers it (with the parindex_ranking_methods "
        "hook) and load the framework again":
            lambda: ranker(attrs.evolve(framework, ranking="olympic")),
        "no band method named 'nearest' was registered when ":
            lambda: classify(attrs.evolve(framework, band_method="nearest"), Decimal(50)),
        "no rule kind named 'nope' was registered when ": lambda: rule_kind(framework, "nope"),
        "thua-thien-hue/commune/2022 declares no bands":
            lambda: classify(attrs.evolve(framework, bands=()), Decimal(50)),
        "Decimal('NaN') is not an exact finite Decimal (nor NOT_ARISING)":
            lambda: cells_to_matrix(framework, at, [Decimal("NaN")], ["Xã A"], [None]),
        "10000000000000000000000000000000000000000 cannot be held exactly at 1 decimal "
        "places in 64-bit integers; score these assessments with parindex.score_many":
            lambda: cells_to_matrix(framework, at, [Decimal("1E+40")], ["Xã A"], [None]),
    }
    for english, call in calls.items():
        with pytest.raises(parindex.ParindexError) as raised:
            call()
        assert english in str(raised.value), (english, str(raised.value))
        said = raised.value.said("vi")
        assert said != str(raised.value) and not _english_in(said), said
        assert not [f for f in _english_fragments() if f in said], said


def test_numbers_a_user_gives_are_said_in_their_style(capsys: pytest.CaptureFixture[str]) -> None:
    """A share or a maximum given as 22.5 is shown as 22,5 (Vietnamese) or 22.5 (English),
    never as 45/2; Monte Carlo's title names what it perturbs in the reader's words; a
    framework's maximum is the same number in either language (100, not 100.0)."""
    group = str(ROOT / "docs" / "examples" / "group")
    said = {lang: [_run(capsys, "sensitivity", group, *args, "--lang", lang).splitlines()[0]
                   for args in (["--survey-share", "22,5"], ["--max", "8=12.5", "--max", "7=10"],
                                ["--monte-carlo", "survey-share", "--width", "1.5", "--draws",
                                 "20"], ["--monte-carlo", "weights", "--draws", "20"])]
            for lang in ("vi", "en")}
    assert said["vi"] == [
        "Giả định: tỷ trọng điều tra xã hội học 22,5 điểm", "Giả định: điểm tối đa 8=12,5, 7=10",
        "Mô phỏng Monte Carlo: tỷ trọng điều tra xã hội học ± 1,5, 20 lần, hạt giống 0",
        "Mô phỏng Monte Carlo: trọng số các lĩnh vực ± 0,2, 20 lần, hạt giống 0"]
    assert said["en"] == [
        "What if: survey share 22.5 points", "What if: maxima 8=12.5, 7=10",
        "Monte Carlo: survey share ± 1.5, 20 draws, seed 0",
        "Monte Carlo: weights ± 0.2, 20 draws, seed 0"]
    data = json.loads(_run(capsys, "sensitivity", group, "--survey-share", "22.5", "--json"))
    assert data["what_if"] == "survey share 22.5 points"
    # An exact share with no decimal of its own (the API takes fractions) stays p/q.
    ranking = parindex.score_many(parindex.get_framework("thua-thien-hue/commune/2022"), [
        parindex.load_assessment(p) for p in sorted(Path(group).glob("*.toml"))])
    from fractions import Fraction

    assert parindex.what_if(ranking, survey_share=Fraction(100, 3)).description == \
        "survey share 100/3 points"
    rows = {lang: [line for line in _run(capsys, "frameworks", "--lang", lang).splitlines()
                   if "bo-noi-vu/province/2017" in line] for lang in ("vi", "en")}
    for lang, [row] in rows.items():
        assert [cell.strip() for cell in row.split("│")][5] == "100", (lang, row)


@given(st.integers(-10**12, 10**12), st.integers(0, 30), st.integers(0, 30),
       st.sampled_from([1, 3, 7, 9, 11, 21]))
def test_a_fraction_is_its_decimal_when_it_has_one(numerator: int, twos: int, fives: int,
                                                   odd: int) -> None:
    """``decimal_or_fraction``: the exact decimal whenever the expansion ends (the reduced
    denominator has no prime but 2 and 5), with no more places than 2s or 5s need; else
    ``p/q``, never a rounded decimal."""
    from fractions import Fraction

    from parindex._base.numbers import decimal_or_fraction

    value = Fraction(numerator, 2**twos * 5**fives * odd)
    shown = decimal_or_fraction(value)
    rest = value.denominator
    for prime in (2, 5):
        while rest % prime == 0:
            rest //= prime
    if rest == 1:
        assert isinstance(shown, Decimal) and Fraction(shown) == value
        exponent = shown.as_tuple().exponent
        assert isinstance(exponent, int) and -exponent <= max(twos, fives)
    else:
        assert shown == f"{value.numerator}/{value.denominator}"


def test_conformance_and_assignments_say_where_toml_stops(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A framework or assignments file that is not TOML: where tomllib stopped and what
    it found, in Vietnamese; an assignments file names the line (tomllib gives no
    ``lineno`` before Python 3.14)."""
    broken = tmp_path / "broken.toml"
    broken.write_text("a = 1\nb = [1, 2\n", encoding="utf-8")
    out = _run(capsys, "validate", "--conformance", str(broken), "--lang", "vi", status=2)
    assert "  [file] không phải tệp TOML hợp lệ: mảng chưa được đóng (thiếu ']') (ở cuối tệp)" \
        in out
    out = _run(capsys, "validate", "--conformance", str(broken), "--lang", "en", status=2)
    assert "  [file] not valid TOML: Unclosed array (at end of document)" in out
    assignments = tmp_path / "phan-cong.toml"
    assignments.write_text('["3"]\nlead = "A"\nproduct = \n', encoding="utf-8")
    args = ["plan", EXAMPLE, "--assignments", str(assignments), "-o", str(tmp_path / "p.md")]
    assert main([*args, "--lang", "vi"]) == 2
    assert capsys.readouterr().err == (f"parindex: lỗi: {assignments}:3: không phải tệp TOML "
                                       "hợp lệ: giá trị không hợp lệ (dòng 3, cột 11)\n")
    with pytest.raises(parindex.AssignmentsError) as raised:
        parindex.load_assignments(assignments)
    assert raised.value.problem.line == 3


# --- the rest of the English under --lang vi: rules, options, plugins (visweep) -----------------

OVERLAY_341 = str(ROOT / "docs" / "examples" / "overlays" / "quang-ngai-3.4.1.toml")


@pytest.mark.parametrize(("args", "vietnamese", "english"), [
    (["rule", "3.4.1", "on_time", "--framework", OVERLAY_341],
     "'on_time' không có dạng NAME=VALUE", "'on_time' is not NAME=VALUE"),
    (["sensitivity", "{group}", "--max", "8"], "'8' không có dạng CODE=MAXIMUM",
     "'8' is not CODE=MAXIMUM"),
    (["sensitivity", "{group}", "--max", "8=abc"], "'abc' không phải là một số",
     "'abc' is not a number"),
    (["sensitivity", "{group}", "--max", "8=1/0"], "'1/0' là phép chia cho 0",
     "'1/0' divides by zero"),
    (["sensitivity", "{group}", "--survey-share", "4O"], "'4O' không phải là một số",
     "'4O' is not a number"),
    (["sensitivity", "{group}", "--monte-carlo", "weights", "--width", "x"],
     "'x' không phải là một số", "'x' is not a number"),
    (["import", "framework", str(ROOT / "docs" / "examples" / "annex" / "tinh-mau-2024.docx"),
      "--id", "tinh-mau/commune/2024", "--name", "Tỉnh Mẫu", "--decision", "1/QĐ", "--band",
      "Tốt", "-o", "{tmp}/f.toml"],
     "'Tốt' không có dạng NAME=MIN (tên mức xếp loại=điểm tối thiểu), ví dụ \"Tốt=80\"",
     "'Tốt' is not NAME=MIN, e.g. \"Tốt=80\""),
    (["plan", EXAMPLE, "--previous", EXAMPLE, "-o", "{tmp}/p.md"],
     "thuy-thanh-2022.toml: kết quả năm 2022, không phải của một năm trước năm 2022",
     "thuy-thanh-2022.toml: the result of 2022, not of a year before 2022"),
], ids=lambda v: v if isinstance(v, str) else None)
def test_bad_option_values_are_said_in_vietnamese(
        args: list[str], vietnamese: str, english: str, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    """A value an option or argument refuses: click's frame and parindex's reason, both in
    Vietnamese; the English as it was."""
    args = [a.format(tmp=tmp_path, group=ROOT / "docs" / "examples" / "group") for a in args]
    assert main([*args, "--lang", "vi"]) == 2
    err = capsys.readouterr().err
    said = " ".join(err.split())
    assert vietnamese in said and "Lỗi: Giá trị không hợp lệ cho " in said, err
    assert not _english_in(err.replace(EXAMPLE, "")), err
    assert main([*args, "--lang", "en"]) == 2
    assert english in " ".join(capsys.readouterr().err.split())


@pytest.mark.parametrize(("figures", "vietnamese", "english"), [
    (["on_time=489"], "quy tắc proportional đọc on_time, resolved; thiếu resolved",
     "a proportional rule reads on_time, resolved; missing resolved"),
    (["on_time=489", "resolved=493", "extra=1"],
     "quy tắc proportional đọc on_time, resolved; quy tắc không đọc: extra",
     "a proportional rule reads on_time, resolved; not read by the rule: extra"),
    (["on_time=abc", "resolved=493"], "on_time: 'abc' không phải là một số",
     "on_time: 'abc' is not a number"),
], ids=["missing", "extra", "number"])
def test_rule_failures_in_vietnamese(figures: list[str], vietnamese: str, english: str,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    args = ["rule", "3.4.1", *figures, "--framework", OVERLAY_341]
    assert main([*args, "--lang", "vi"]) == 2
    err = capsys.readouterr().err
    assert vietnamese in err and not _english_in(err), err
    assert main([*args, "--lang", "en"]) == 2
    assert english in capsys.readouterr().err
    assert main(["rule", "9.9", "a=1", "--framework", OVERLAY_341, "--lang", "vi"]) == 2
    assert "'9.9' không phải là tiêu chí của quang-ngai/commune/2023-example" in \
        capsys.readouterr().err


_KIND_FRAMEWORK = """\
id = "thu/commune/2024"
name = "Thử"
level = "commune"
first_year = 2024
[legal_basis]
decision = "1/QĐ-UBND"
[sources]
s = "QĐ 1"
[[bands]]
name = "Tốt"
min = 0
status = "read"
source = "s"
[criteria."1"]
name = "Một"
max = 10
status = "read"
source = "s"
rule = {{ kind = "{kind}", status = "read", source = "s" }}
[criteria."2"]
name = "Hai"
max = 90
status = "read"
source = "s"
"""


def _kind_plugin(**points: object) -> object:
    """A plugin registering rule kinds ``name`` whose points function is ``points[name]``,
    reading the figure ``a``, explained by the default explanation."""
    import types

    from parindex import RuleKind, hookimpl

    module = types.ModuleType("kinds")
    module.parindex_scoring_rules = hookimpl(lambda: [  # type: ignore[attr-defined]
        RuleKind(name, "test", (), lambda p, m: [], lambda p: ("a",), function)
        for name, function in points.items()])
    return module


def test_a_plugins_rule_kinds_are_said_in_vietnamese(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """What the core says about a plugin's rule kind (its explanation by default, points
    out of range, a figure it reads undeclared, a failure) in the reader's language; the
    plugin's own words (its exception) quoted as they are."""
    def undeclared(params: object, maximum: object, figures: Any) -> Decimal:
        # Beyond what the trial when the framework is loaded reaches (a = 1, then yes).
        return Decimal(figures["b"]) if figures["a"] > 2 else Decimal(0)

    def fails(params: object, maximum: object, figures: object) -> Decimal:
        raise RuntimeError("boom")

    registry = parindex.load_registry(entry_points=[], extra_plugins=[("kinds", _kind_plugin(
        fine=lambda p, m, f: Decimal(4), above=lambda p, m, f: Decimal(11),
        undeclared=undeclared, fails=fails))])
    expected = {
        "fine": ("4 / 10\n", "  4 điểm\n", "  4 points\n"),
        "above": ("quy tắc above cho kết quả Decimal('11'), không phải số điểm từ 0 đến 10",
                  None, "the above rule gave Decimal('11'), not points in [0, 10]"),
        "fails": ("loại quy tắc 'fails' bị lỗi với các số liệu này: RuntimeError: boom",
                  None, "rule kind 'fails' failed on these figures: RuntimeError: boom"),
        "undeclared": ("quy tắc undeclared đọc số liệu 'b' mà loại quy tắc không khai báo "
                       "(đã khai báo: a)", None, "the undeclared rule reads the figure 'b', "
                       "which it does not declare (it declares a)"),
    }
    with parindex.using_registry(registry):
        for kind, (vietnamese, explained, english) in expected.items():
            path = tmp_path / f"{kind}.toml"
            path.write_text(_KIND_FRAMEWORK.format(kind=kind), encoding="utf-8")
            args = ["rule", "1", "a=3", "--framework", str(path)]
            status = 0 if explained else 2
            assert main([*args, "--lang", "vi"]) == status
            out = capsys.readouterr()
            said = out.out + out.err
            assert vietnamese in said and (explained is None or explained in said), said
            assert not _english_in(said.replace(str(path), "").replace("RuntimeError: boom",
                                                                       "")), said
            assert main([*args, "--lang", "en"]) == status
            out = capsys.readouterr()
            assert english in out.out + out.err


def _hostile_plugins() -> list[tuple[str, object]]:
    import types

    from parindex import hookimpl

    unmarked = types.ModuleType("unmarked")
    unmarked.parindex_frameworks = lambda: []  # type: ignore[attr-defined]
    unmarked.parindex_framewrks = lambda: []  # type: ignore[attr-defined]
    wrong = types.ModuleType("wrong")
    wrong.parindex_scoring_rules = hookimpl(lambda: ["x"])  # type: ignore[attr-defined]
    raising = types.ModuleType("raising")

    def frameworks() -> list[object]:
        raise RuntimeError("boom")

    raising.parindex_frameworks = hookimpl(frameworks)  # type: ignore[attr-defined]
    return [("unmarked", unmarked), ("wrong", wrong), ("raising", raising),
            ("kinds", _kind_plugin(fine=lambda p, m, f: Decimal(1))),
            ("kinds_again", _kind_plugin(fine=lambda p, m, f: Decimal(1)))]


def test_plugin_failures_are_said_in_vietnamese(capsys: pytest.CaptureFixture[str]) -> None:
    """What the registry says of a plugin it skips (an unmarked hook, a hook named like
    none, a wrong return type, its own exception, a name two plugins register), in
    ``parindex plugins`` and under --strict-plugins, in Vietnamese; the English as it was."""
    registry = parindex.load_registry(entry_points=[], extra_plugins=_hostile_plugins())
    errors = {p.name: p.error for p in registry.plugins if p.error}
    assert set(errors) == {"unmarked", "wrong", "raising", "kinds", "kinds_again"}
    vietnamese = {
        "unmarked": ["chưa được đánh dấu @parindex.hookimpl nên parindex không bao giờ gọi",
                     "có tên như một hook nhưng không phải hook nào (có phải là "
                     "'parindex_frameworks'?)"],
        "wrong": ["parindex_scoring_rules trả về str, không phải RuleKind"],
        "raising": ["lỗi trong mã của plugin (nguyên văn): “RuntimeError: boom”"],
        "kinds": ["loại quy tắc 'fine' được nhiều plugin cùng cung cấp: kinds (kinds), "
                  "kinds (kinds_again)"],
    }
    for name, phrases in vietnamese.items():
        said = say(errors[name], "vi")
        assert all(p in said for p in phrases), said
        assert not _english_in(re.sub(r"\(\S+\.py, dòng \d+\)|RuntimeError: boom", "", said))
    assert errors["wrong"] == "TypeError: parindex_scoring_rules returned str, not RuleKind"
    assert "is not marked @parindex.hookimpl, so parindex never calls it" in errors["unmarked"]
    with parindex.using_registry(registry):
        assert main(["plugins", "--lang", "vi"]) == 0
        out = " ".join(capsys.readouterr().out.replace("│", " ").split())
        assert "trả về str, không phải RuleKind" in out and "TypeError: parindex_" not in out
    with pytest.raises(parindex.PluginError) as strict:
        parindex.load_registry(strict=True, entry_points=[], extra_plugins=_hostile_plugins())
    said = strict.value.said("vi")
    assert "plugin 'wrong' (wrong) bị lỗi: parindex_scoring_rules trả về str" in said
    assert said.count("được nhiều plugin cùng cung cấp") == 1  # once, naming both
    assert "plugin 'wrong' (wrong) failed: TypeError: " in str(strict.value)


def test_an_empty_plugin_list_is_said_in_vietnamese(monkeypatch: pytest.MonkeyPatch,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("PARINDEX_PLUGINS", " ")
    assert main(["--strict-plugins", "plugins", "--lang", "vi"]) == 2
    assert capsys.readouterr().err == (
        "parindex: lỗi: PARINDEX_PLUGINS được đặt nhưng để trống (' '): như vậy mọi plugin sẽ "
        "bị tắt; hãy bỏ biến này để nạp mọi plugin, hoặc ghi tên các plugin cần nạp\n")
    monkeypatch.setenv("PARINDEX_PLUGINS", "no_such_plugin")
    registry = parindex.load_registry()
    [missing] = [p for p in registry.plugins if p.name == "no_such_plugin"]
    assert say(missing.error or "", "vi") == ("PARINDEX_PLUGINS có ghi tên này, nhưng không có "
                                             "plugin nào đã cài đặt mang tên này")


def test_tables_of_totals_and_groups_are_said_in_vietnamese(
        capsys: pytest.CaptureFixture[str]) -> None:
    """A table of totals under a framework it cannot check, the unknown maxima of its
    summary node, and groups that do not fit their rows."""
    import attrs

    from parindex._engine.ordering import fold_groups
    from parindex._formats.tables import summary_framework

    hue = parindex.get_framework("thua-thien-hue/commune/2022")
    with pytest.raises(parindex.AssessmentError) as refused:
        summary_framework(attrs.evolve(hue, tie_break=("1",)), "appraised")
    assert refused.value.said("vi") == (
        "bảng chỉ cho điểm thẩm định, không có điểm từng lĩnh vực, nên không kiểm tra được "
        "theo thua-thien-hue/commune/2022: khi bằng điểm, bộ tiêu chí này xếp hạng theo điểm "
        "của 1; hãy cho điểm từng lĩnh vực")
    assert str(refused.value) == (
        "the table gives the appraised part but no field's points, and "
        "thua-thien-hue/commune/2022 cannot be checked from it: it breaks ties on the points "
        "of 1; give the fields' points")
    # Its title says 2022: read as of 2020 only when told so (--year).
    out = _run(capsys, "reproduce", str(ROOT / "docs" / "examples" / "published" /
                                        "totals-2022.csv"), "--framework",
               "quang-tri/district/2020", "--year", "2020", "--lang", "vi", status=1)
    assert "chỉ số cần điểm tối đa của appraised (chưa biết điểm tối đa của 1, 2, 3, 4, 5, " \
           "6, 7), chưa có nguồn nào cho biết" in out
    for groups, vietnamese in ((["A"], "1 tên nhóm cho 2 dòng"),
                               ([1, 2], "tên nhóm phải là văn bản (hoặc None), không phải 1"),
                               (["A", ["B"]], "không phải ['B']")):
        with pytest.raises(parindex.ArgumentError) as bad:
            fold_groups(groups, 2)  # type: ignore[arg-type]
        assert vietnamese in bad.value.said("vi")


def test_new_plugin_in_vietnamese_fits_the_terminal(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """new-plugin names the plugin, not its 'entry point', in Vietnamese; its lines fit 80
    columns, and each next command is a line of its own, never wrapped."""
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.chdir(tmp_path)
    out = _run(capsys, "new-plugin", "quang_binh", "--province", "Quảng Bình", "--lang", "vi")
    lines = out.splitlines()
    assert max(map(len, lines)) <= 80 and "entry point" not in out
    assert lines[0].startswith("đã tạo parindex-quang-binh/ (parindex-quang-binh, tên plugin "
                               "quang_binh, bộ tiêu")
    assert lines[-3:] == ["bước tiếp theo:", "  pip install -e 'parindex-quang-binh[test]'",
                          "  pytest parindex-quang-binh"]
    monkeypatch.delenv("COLUMNS")
    out = _run(capsys, "new-plugin", "quang_binh", "--directory", "x", "--dry-run",
               "--lang", "en")
    assert out.startswith("would create x/ (parindex-quang-binh, entry point quang_binh, "
                          "framework quang-binh/commune/")


# --- every command's failure paths under --lang vi: no English word ------------------------------

def _sweep_baselines(tmp: Path) -> dict[tuple[str, ...], tuple[list[str], dict[str, str | None]]]:
    """A run of every command that works: its arguments and options (None: a flag). The
    sweep below spoils one of them at a time."""
    examples = ROOT / "docs" / "examples"
    annex = examples / "annex"
    hue = {"--framework": "thua-thien-hue/commune/2022"}
    table = str(examples / "results-2022.csv")
    group = str(examples / "group")
    return {
        ("score",): ([EXAMPLE], {}),
        ("validate",): ([EXAMPLE], {}),
        ("rule",): (["3.4.1", "on_time=489", "resolved=493"], {"--framework": OVERLAY_341}),
        ("frameworks",): ([], {}),
        ("plugins",): ([], {}),
        ("reproduce",): ([table], {**hue, "-o": str(tmp / "out.csv")}),
        ("compare",): ([str(examples / "results-2024.csv"), str(examples / "results-2025.csv")],
                       {"--framework": str(examples / "example-framework.toml"),
                        "--lineage": str(examples / "lineage-2025.toml")}),
        ("bands",): ([table], {**hue, "--published": "Xuất sắc=1,Tốt=1,Khá=2,Trung bình=1"}),
        ("gaps",): ([table], {**hue, "--unit": "Xã Thủy Thanh"}),
        ("plan",): ([EXAMPLE], {"-o": str(tmp / "plan.md")}),
        ("profiles",): ([group], {}),
        ("sensitivity",): ([group], {"--survey-share": "35"}),
        ("report",): ([group], {"-o": str(tmp / "report.html")}),
        ("import", "assessment"): ([str(annex / "units" / "xa-hoa-phu.xlsx")],
                                   {"--framework": str(annex / "tinh-mau-2024.toml"),
                                    "-o": str(tmp / "a.toml")}),
        ("import", "framework"): ([str(annex / "tinh-mau-2024.docx")],
                                  {"--id": "tinh-mau/commune/2024", "--name": "Tỉnh Mẫu",
                                   "--decision": "999/QĐ-UBND", "-o": str(tmp / "f.toml")}),
        ("import", "overlay"): ([str(annex / "quang-ngai-2023-invented.docx")],
                                {"--onto": "quang-ngai/commune/2023", "-o": str(tmp / "o.toml")}),
        ("new-plugin",): (["tinh_mau"], {"--directory": str(tmp / "plugin"), "--dry-run": None}),
    }


#: Files that are not what a command reads: each input FILE is given each in turn.
_SPOILT = {"spoilt.toml": "x = \n[[", "empty.toml": "", "spoilt.csv": 'a;b\n"x\n',
           "spoilt.xlsx": "not a zip", "spoilt.docx": "not a zip", "spoilt.json": "{"}


def _spoilt_values(param: click.Parameter, tmp: Path, slow: bool) -> list[str]:
    """Values ``param`` refuses, by its kind: a missing file, a directory or a file that
    is not what it reads; an output in a missing directory or of an unknown kind; a word
    for a number or a choice; text no option of parindex takes."""
    kind = param.type
    name = param.opts[0] if param.opts else param.name
    if isinstance(kind, click.Path):
        if name in ("-o", "--directory"):
            return [str(tmp / "no" / "such" / "out.md"), str(tmp / "out.pdf")]
        if not kind.file_okay:
            return [str(tmp / "spoilt.toml")]
        return [str(tmp / "missing.toml"), str(tmp), *(str(tmp / n) for n in _SPOILT)]
    if isinstance(kind, click.Choice | click.types.IntParamType | click.DateTime):
        return ["abc"]
    if isinstance(kind, click.types.BoolParamType) or (slow and name != "--unit"):
        return []  # a report that takes text it ignores runs whole: seconds a run
    return ["zz", "="]


@pytest.mark.parametrize("spoil", ["arguments", "options"])
def test_every_commands_failures_are_vietnamese(
        cli_command: tuple[tuple[str, ...], click.Command], spoil: str, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    """Each command run with one argument or option spoilt at a time, for every argument
    and option it takes (missing and unreadable files, outputs it cannot write, words for
    numbers...): whatever it says under --lang vi, on either stream, has no English word
    (paths, codes, keys, option names and what is quoted from the input aside)."""
    path, command = cli_command
    baselines = _sweep_baselines(tmp_path)
    assert path in baselines, path  # a new command: give it a run that works
    positional, options = baselines[path]
    for name, text in _SPOILT.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    arguments = [p for p in command.params if isinstance(p, click.Argument)]
    params = arguments if spoil == "arguments" else [
        p for p in command.params if isinstance(p, click.Option)
        and p.name not in ("lang", "quiet")]
    runs = 0
    for param in params:
        for value in _spoilt_values(param, tmp_path, slow=path == ("report",)):
            given, chosen = list(positional), dict(options)
            if isinstance(param, click.Argument):
                at = arguments.index(param)
                given = [*given[:at], value] if param.nargs == -1 else \
                    [*given[:at], value, *given[at + 1:]]
            else:
                chosen[param.opts[0]] = value
            args = [*path, *given, *(part for option, v in chosen.items()
                                     for part in ((option,) if v is None else (option, v)))]
            status = main([*args, "--lang", "vi"])
            captured = capsys.readouterr()
            said = (captured.out + captured.err).replace(str(tmp_path), "").replace(
                str(ROOT), "")
            assert status in (0, 1, 2) and "Traceback" not in said, (args, said)
            assert not _english_in(said), (args, said)
            runs += 1
    assert runs or all(isinstance(p.type, click.types.BoolParamType) for p in params), path


# --- vi21: the last English and mixed styles under --lang vi ---------------------------------

#: A published table the CLI reads under Thừa Thiên Huế's framework.
PUBLISHED = str(ROOT / "tests" / "data" / "published-2022.csv")
HUE = ("--framework", "thua-thien-hue/commune/2022")


def test_a_unit_twice_is_told_by_its_message_where_it_was_read(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The same unit in two files: the second file and the line of its name, then the
    message alone (no "unit:", an English key no table has, before the Vietnamese); JSON
    gives the file and the line."""
    twice = tmp_path / "twice.toml"
    twice.write_text(Path(EXAMPLE).read_text(encoding="utf-8"), encoding="utf-8")
    line = next(n for n, text in enumerate(twice.read_text(encoding="utf-8").splitlines(), 1)
                if text.startswith("unit "))
    assert main(["profiles", EXAMPLE, str(twice), "--lang", "vi"]) == 2
    err = capsys.readouterr().err
    assert f"{twice}:{line}: đơn vị 'Xã Thủy Thanh' xuất hiện hai lần" in err, err
    assert "unit:" not in err and not _english_in(err.replace(str(tmp_path), ""))
    assert main(["profiles", EXAMPLE, str(twice), "--json"]) == 2
    (problem,) = json.loads(capsys.readouterr().out)["problems"]
    assert (problem["file"], problem["line"], problem["key"]) == (str(twice), line, None)


def test_sensitivity_names_its_options_not_the_apis_arguments(
        capsys: pytest.CaptureFixture[str]) -> None:
    """Neither --survey-share nor --max (no --max is an empty tuple, which the check took
    for one given) nor both: the options are named, not what_if()'s survey_share and
    maxima inside a Vietnamese sentence."""
    assert main(["sensitivity", PUBLISHED, *HUE, "--lang", "vi"]) == 2
    err = capsys.readouterr().err
    assert "hãy cho một giả định (--survey-share hoặc --max) hoặc --monte-carlo" in err, err
    assert "survey_share" not in err and "maxima" not in err
    assert main(["sensitivity", PUBLISHED, *HUE, "--survey-share", "40", "--max", "1=5",
                 "--lang", "vi"]) == 2
    err = capsys.readouterr().err
    assert "chỉ cho --survey-share hoặc --max, không cho cả hai" in err, err
    assert "survey_share" not in err and "maxima" not in err


def test_a_word_tables_place_is_said_in_the_readers_language(
        capsys: pytest.CaptureFixture[str]) -> None:
    """A .docx sheet's notes cite "bảng 1, tiêu chí 6" under vi (was "table 1 tiêu chí 6"),
    and the comments import assessment writes name "(bảng 1)"."""
    sheet = str(ROOT / "tests" / "data" / "sheets" / "thuy-thanh-2022.docx")
    framework = parindex.get_framework("thua-thien-hue/commune/2022")
    (note,) = parindex.read_scoring_sheet(sheet, framework).notes
    assert note.said("vi").startswith(f"{sheet}:41: bảng 1, tiêu chí 6: 6 được ghi 8,0")
    assert str(note).startswith(f"{sheet}:41: table 1, criterion 6: 6 is printed 8.0")
    assert main(["import", "assessment", sheet, *HUE, "--lang", "vi"]) == 0
    captured = capsys.readouterr()
    assert "thuy-thanh-2022.docx (bảng 1), theo bộ tiêu chí" in captured.out
    assert ": bảng 1, tiêu chí 6: " in captured.err and "table" not in captured.err


def test_points_read_alike_in_score_gaps_report_and_plan(
        capsys: pytest.CaptureFixture[str]) -> None:
    """One rule for points in text for people, the plan's (figure_text: the places the
    publication declares, else no trailing zeros), as the decisions print them: 1.1.1
    (0 of 1, 1 lost) and 1.2 (0.75 of 1, 0.25 lost) read the same in score (was "0,0 /
    1,0", the source's scale), gaps and the report (were "1,0"); JSON keeps machine style."""
    def row(out: str, code: str) -> list[str]:
        line = next(text for text in out.splitlines() if text.startswith(f"│ {code} "))
        return [cell.strip() for cell in line.split("│")[1:-1]]

    for command in ("score", "gaps"):
        out = _run(capsys, command, "--lang", "vi", EXAMPLE)
        assert row(out, "1.1.1")[2:4] == ["0 / 1", "1"], (command, out)
        assert row(out, "1.2")[2:4] == ["0,75 / 1", "0,25"], (command, out)
        assert row(out, "1")[2:4] == ["5,86 / 10", "4,14"], (command, out)
        assert not re.search(r"\d,0\b", out.split("Nhận xét")[0]), (command, out)
    assert re.search(r"Tổng điểm +78,636 / 100 ", _run(capsys, "score", "--lang", "vi", EXAMPLE))
    page = parindex.report_html(parindex.score_many(
        parindex.get_framework("thua-thien-hue/commune/2022"),
        [parindex.load_assessment(EXAMPLE)]), unit="Xã Thủy Thanh", lang="vi")
    assert re.search(r"<td[^>]*>1\.1\.1</td>.*?<td[^>]*>0/1</td>\s*<td[^>]*>1</td>", page,
                     re.DOTALL), page
    assert "1,0<" not in page and "0,0/" not in page
    plan = _run(capsys, "plan", "--lang", "vi", EXAMPLE)
    assert "1.1.1 – Ban hành kế hoạch CCHC: đạt 0/1 điểm, bị trừ 1 điểm." in plan
    data = json.loads(_run(capsys, "gaps", "--json", EXAMPLE))
    item = next(i for i in data["items"] if i["code"] == "1.1.1")
    assert (item["points"], item["max"], item["lost"]) == ("0.0", "1.0", "1.0")
