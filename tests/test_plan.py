"""Improvement-plan drafts: Markdown and Word, from the Thủy Thanh example (seed 000)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import parindex
from parindex._cli import main
from parindex._analysis.plan import BLANKS, MOTTO, TITLE


@pytest.fixture(scope="module")
def thuy_thanh() -> parindex.Result:
    framework = parindex.get_framework("thua-thien-hue/commune/2022")
    return parindex.score(framework, parindex.load_assessment(parindex.example_path()))


def test_markdown_has_a_section_per_field_and_every_lost_item(
        thuy_thanh: parindex.Result) -> None:
    text = parindex.plan_markdown(thuy_thanh)
    assert f"\n# {TITLE} năm 2023\n" in text
    lost = parindex.lost_points(thuy_thanh)
    sections = [line for line in text.splitlines() if line.startswith("### ")]
    # Fields 1, 2, 3, 6, 7, 8 and the survey (9) lost points; 4 and 5 did not (lines 90, 92).
    assert [re.search(r" (\d+)\. ", s).group(1) for s in sections] == [  # type: ignore[union-attr]
        "1", "2", "3", "6", "7", "8", "9"]
    assert sections[-1].startswith("### Điều tra xã hội học 9.")
    items = [line for line in text.splitlines() if line.startswith("#### ")]
    assert len(items) == len(lost.items) == 27
    assert "#### (1) Tiêu chí thành phần 1.1.1 – Ban hành kế hoạch CCHC" in text
    # The council's comment on 7.2, seed line 118, and the points it lost (1.5 − 0.38).
    assert "Điểm đạt: 0.38/1.5; bị trừ 1.12 điểm." in text
    assert ("Đánh giá của Hội đồng thẩm định: Theo số liệu báo cáo có 40/841 hồ sơ trực "
            "tuyến mức độ 3 và 4 (5%).") in text
    for blank in BLANKS:
        assert text.count(f"- {blank}: ") == 27
    assert "Để đạt mức “Tốt” cần thêm ít nhất 0.964 điểm." in text


def test_markdown_escapes_what_it_copies(thuy_thanh: parindex.Result) -> None:
    import attrs

    comments = dict(thuy_thanh.assessment.comments)
    comments["1.5"] = "*không* [đủ] | <b>"
    assessment = attrs.evolve(thuy_thanh.assessment, comments=comments)
    text = parindex.plan_markdown(parindex.score(thuy_thanh.framework, assessment))
    assert r"\*không\* \[đủ\] \| \<b\>" in text


def test_docx_opens_and_holds_the_plan(thuy_thanh: parindex.Result, tmp_path: Path) -> None:
    import docx

    path = parindex.write_plan_docx(thuy_thanh, tmp_path / "ke-hoach.docx", plan_year=2024)
    document = docx.Document(str(path))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")
                or p.style.name == "Title"]
    assert headings[0] == f"{TITLE} năm 2024"
    assert "Lĩnh vực 7. Hiện đại hóa hành chính" in headings
    assert "(1) Tiêu chí 7.3 – Thực hiện tiếp nhận hồ sơ, trả kết quả giải quyết TTHC qua " \
           "dịch vụ bưu chính công ích" in headings
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Đánh giá của Hội đồng thẩm định: Chưa có chuyên mục." in text  # 7.1.3, line 116
    # The top block, one table of blanks per lost item, then "Nơi nhận" and signature.
    top, *blanks, bottom = document.tables
    assert len(blanks) == 27
    assert [row.cells[0].text for row in blanks[0].rows] == list(BLANKS)
    assert all(row.cells[1].text == "" for t in blanks for row in t.rows)
    assert top.rows[0].cells[1].text.startswith("\n".join(MOTTO))
    assert bottom.rows[0].cells[0].text.startswith("Nơi nhận:")


def test_plan_is_laid_out_as_the_seeds_lay_plans_out(thuy_thanh: parindex.Result) -> None:
    """The blanks are worded as seed 001 words them; the document opens with the issuer,
    the number and the national motto, has the sections in capitals, and ends with
    "Nơi nhận" and a signature block, as seeds 000 and 001 do."""
    text = parindex.plan_markdown(thuy_thanh)
    assert BLANKS == ("Công chức tham mưu khắc phục", "Thời gian thực hiện",
                      "Định hướng khắc phục")
    assert text.startswith("**ỦY BAN NHÂN DÂN**\\\n**XÃ THỦY THANH**\n\nSố: ………/KH-UBND\n")
    assert "**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**\\\n**Độc lập - Tự do - Hạnh phúc**" in text
    headings = [line for line in text.splitlines() if line.startswith("## ")]
    assert headings == ["## I. ĐÁNH GIÁ KẾT QUẢ CHỈ SỐ CCHC", "## II. MỤC TIÊU",
                        "## III. TIÊU CHÍ, TIÊU CHÍ THÀNH PHẦN BỊ TRỪ ĐIỂM CẦN KHẮC PHỤC",
                        "## IV. TỔ CHỨC THỰC HIỆN"]
    assert "- Phấn đấu năm 2023 Chỉ số CCHC đạt mức “Tốt” trở lên" in text
    assert "**Nơi nhận:**" in text and text.endswith("*(Ký, ghi rõ họ tên)*\n")


def test_remainder_is_named_and_rounded_like_the_rest(thuy_thanh: parindex.Result) -> None:
    """Field 3's lost points its items do not explain (2.27 − 1.27) read "lĩnh vực 3" and
    "1.0", not "của 3" and "1.00"."""
    text = parindex.plan_markdown(thuy_thanh)
    assert "Phần điểm của lĩnh vực 3 không chia thành tiêu chí thành phần" in text
    assert "Bị trừ 1.0 điểm ở phần điểm tối đa của lĩnh vực 3" in text
    assert "1.00" not in text


def test_docx_is_vietnamese_throughout(thuy_thanh: parindex.Result, tmp_path: Path) -> None:
    """Word checks spelling in the document's language, and shows its properties: the
    language is Vietnamese, not the template's en-US, and no "python-docx" author."""
    import docx
    from docx.oxml.ns import qn

    path = parindex.write_plan_docx(thuy_thanh, tmp_path / "ke-hoach.docx")
    document = docx.Document(str(path))
    languages = {element.get(qn("w:val")) for element in
                 document.styles.element.iter(qn("w:lang"))}
    assert languages == {"vi-VN"}
    properties = document.core_properties
    assert properties.author == "" and "python-docx" not in properties.comments
    assert properties.title == f"{TITLE} năm 2023" and properties.language == "vi-VN"
    assert properties.created is not None and properties.created.year >= 2024
    for name in ("Normal", "Title", "Heading 1", "Heading 2", "Heading 3"):
        assert document.styles[name].font.name == "Times New Roman"


def test_plan_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    example = str(parindex.example_path())
    assert main(["plan", example]) == 0
    assert f"\n# {TITLE} năm 2023\n" in capsys.readouterr().out
    out = tmp_path / "plan.docx"
    assert main(["plan", example, "-o", str(out)]) == 0
    assert out.stat().st_size > 0
    md = tmp_path / "plan.md"
    assert main(["plan", example, "-o", str(md), "--year", "2030"]) == 0
    assert f"\n# {TITLE} năm 2030\n" in md.read_text("utf-8")


def test_missing_extra_names_it(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                thuy_thanh: parindex.Result) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "docx", None)
    with pytest.raises(ModuleNotFoundError, match=r"parindex\[report\]"):
        parindex.write_plan_docx(thuy_thanh, tmp_path / "x.docx")
