"""Improvement plans as officials write them: Markdown and Word, from xã Thủy Thanh's 2022
result (Kế hoạch 69/KH-UBND), read back with python-docx."""

from __future__ import annotations

import re
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import parindex
from parindex._analysis.plan import COLUMNS, MOTTO, PLACEHOLDER, SECTIONS
from parindex._base.numbers import plain
from parindex._cli import main


@pytest.fixture(scope="module")
def thuy_thanh() -> parindex.Result:
    framework = parindex.get_framework("thua-thien-hue/commune/2022")
    return parindex.score(framework, parindex.load_assessment(parindex.example_path()))


@pytest.fixture(scope="module")
def draft(thuy_thanh: parindex.Result) -> parindex.PlanDraft:
    return parindex.plan_draft(thuy_thanh)


def _key(code: str) -> tuple[int, ...]:
    return tuple(int(part) for part in code.split("."))


def test_result_section_gives_the_published_figures_in_vietnamese_style(
        draft: parindex.PlanDraft) -> None:
    results = " ".join(draft.results)
    assert "đạt 78,636/100 điểm" in results
    assert "điểm thẩm định 49,97 điểm" in results and "28,666 điểm" in results
    assert "79,031 %" in results and "xếp loại “Khá”" in results
    # The rank the document printed: 2nd of 10 in thị xã Hương Thủy, on the appraised part.
    assert "xếp hạng 2/10 trong thị xã Hương Thủy theo điểm thẩm định" in results
    assert "Để đạt mức “Tốt” cần thêm ít nhất 0,964 điểm." in results
    assert not re.search(r"\d\.\d", results)  # "." is never a decimal point in Vietnamese


def test_tasks_are_the_itemised_lost_items_in_code_order(
        thuy_thanh: parindex.Result, draft: parindex.PlanDraft) -> None:
    lost = parindex.lost_points(thuy_thanh)
    expected = [i.code for i in lost.items if i.itemised and i.field != "9"]
    codes = [task.code for task in draft.tasks]
    assert sorted(codes, key=_key) == codes  # code order, not most-lost-first
    assert sorted(codes) == sorted(expected)
    assert "1.1.1" in codes and "9" not in codes  # the survey is no task
    # II counts the items III makes tasks of (25), and the points they lost (18,53), not
    # the survey's 1,334 or the 1 of field 3's maximum no item itemises.
    assert sum(i.lost for i in lost.items if i.code in codes) == Decimal("18.53")
    assert (f"Tổng số điểm bị trừ: 20,864 điểm, trong đó 18,53 điểm tại {len(codes)} tiêu "
            "chí, tiêu chí thành phần.") in draft.results and len(codes) == 25
    assert [f.code for f in draft.fields] == sorted({t.code.split(".")[0] for t in draft.tasks},
                                                    key=int)
    task = next(t for t in draft.tasks if t.code == "1.1.1")
    assert task.label == "Tiêu chí thành phần" and task.comment is not None
    assert "thời gian ký số không phù hợp" in task.content  # the direction quotes the comment
    assert task.lead == "Công chức Văn phòng – Thống kê" and "lead" in task.placeholders


def test_survey_and_remainders_are_notes_not_tasks(draft: parindex.PlanDraft) -> None:
    notes = " ".join(draft.notes)
    assert "Điểm điều tra xã hội học" in notes and "28,666/30 điểm" in notes
    # Fields 3 and 6 have maxima their printed items do not cover: 1 point lost in field 3.
    assert "Lĩnh vực 3. Cải cách TTHC: bị trừ 1 điểm ở phần điểm tối đa của lĩnh vực 3" \
        in notes


def test_markdown_follows_the_plan_layout(thuy_thanh: parindex.Result) -> None:
    text = parindex.plan_markdown(thuy_thanh)
    assert text.startswith("**ỦY BAN NHÂN DÂN**\\\n**XÃ THỦY THANH**\n\nSố: ………/KH-UBND\n")
    assert "**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**\\\n**Độc lập - Tự do - Hạnh phúc**" in text
    assert "\n# KẾ HOẠCH\n\n**Nâng cao Chỉ số cải cách hành chính năm 2023**\n" in text
    headings = [line for line in text.splitlines() if line.startswith("## ")]
    assert headings == [f"## {n}. {s}" for n, s in zip(("I", "II", "III", "IV"), SECTIONS,
                                                       strict=True)] + ["## Phụ lục"]
    assert text.index("Căn cứ Quyết định số 2204/QĐ-UBND ngày 12/09/2022") < text.index("## I.")
    assert "thẩm định.\\/.\n" not in text and "giải quyết./.\n" in text  # "./." ends IV
    assert "**TM. ỦY BAN NHÂN DÂN**\\\n**CHỦ TỊCH**" in text
    header = "| " + " | ".join(COLUMNS) + " |"
    rows = text[text.index(header):].splitlines()[2:]
    rows = [r for r in rows if r.startswith("| ")]
    assert len(rows) == len(parindex.plan_draft(thuy_thanh).tasks)
    assert rows[0].startswith("| 1 | 1.1.1 – Ban hành kế hoạch CCHC | 1 | ")
    assert f"Công chức Văn phòng – Thống kê {PLACEHOLDER}" in rows[0]


def test_markdown_escapes_what_it_copies(thuy_thanh: parindex.Result) -> None:
    import attrs

    comments = dict(thuy_thanh.assessment.comments)
    comments["1.1.1"] = "*không* [đủ] | <b>"
    changed = attrs.evolve(thuy_thanh.assessment, comments=comments)
    text = parindex.plan_markdown(parindex.score(thuy_thanh.framework, changed))
    assert r"\*không\* \[đủ\] \| \<b\>" in text


def test_assignments_file_fills_the_appendix(thuy_thanh: parindex.Result,
                                             tmp_path: Path) -> None:
    path = tmp_path / "phan-cong.toml"
    path.write_text('["*"]\ndeadline = "Quý III/2023"\n\n["3"]\nlead = "Ông A"\n\n'
                    '["3.4"]\nlead = "Bộ phận Một cửa"\nproduct = "100 % hồ sơ đúng hạn"\n',
                    encoding="utf-8")
    given = parindex.load_assignments(path)
    tasks = {t.code: t for t in parindex.plan_draft(thuy_thanh, assignments=given).tasks}
    assert tasks["3.4.1"].lead == "Bộ phận Một cửa"
    assert tasks["3.4.1"].product == "100 % hồ sơ đúng hạn"
    assert {"lead", "product", "deadline"}.isdisjoint(tasks["3.4.1"].placeholders)
    assert tasks["1.1.1"].deadline == "Quý III/2023" and "lead" in tasks["1.1.1"].placeholders


def test_bad_assignments_file_names_line_and_code(tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "phan-cong.toml"
    path.write_text('["1"]\nlead = "A"\nowner = "B"\n', encoding="utf-8")
    with pytest.raises(parindex.AssignmentsError) as caught:
        parindex.load_assignments(path)
    problem = caught.value.problem
    assert (problem.line, problem.code) == (3, "1") and "unknown key" in problem.message
    assert main(["plan", str(parindex.example_path()), "--assignments", str(path)]) == 2
    assert f"{path}:3" in capsys.readouterr().err


def _docx_text(document: object) -> str:
    from docx.document import Document

    assert isinstance(document, Document)
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts += [cell.text for cell in row.cells]
    return "\n".join(parts)


def test_docx_is_a4_laid_out_per_decree_30(thuy_thanh: parindex.Result,
                                           tmp_path: Path) -> None:
    docx = pytest.importorskip("docx")
    from docx.oxml.ns import qn

    path = parindex.write_plan_docx(thuy_thanh, tmp_path / "plan.docx")
    document = docx.Document(str(path))
    body, appendix = document.sections
    assert (round(body.page_width.mm), round(body.page_height.mm)) == (210, 297)
    assert (round(appendix.page_width.mm), round(appendix.page_height.mm)) == (297, 210)
    for section in document.sections:
        # Word stores twips: 15 mm reads back as 14.99 mm.
        assert 20 <= round(section.top_margin.mm) <= 25
        assert 20 <= round(section.bottom_margin.mm) <= 25
        assert 30 <= round(section.left_margin.mm) <= 35
        assert 15 <= round(section.right_margin.mm) <= 20
    normal = document.styles["Normal"].font
    assert normal.name == "Times New Roman" and normal.size.pt in (13, 14)
    text = _docx_text(document)
    top = document.tables[0].rows[0].cells
    assert top[0].text.startswith("ỦY BAN NHÂN DÂN\nXÃ THỦY THANH")
    assert top[1].text.startswith("\n".join(MOTTO))
    paragraphs = [p.text for p in document.paragraphs]
    assert paragraphs.index("KẾ HOẠCH") + 1 == paragraphs.index(
        "Nâng cao Chỉ số cải cách hành chính năm 2023")
    for n, section_title in zip(("I", "II", "III", "IV"), SECTIONS, strict=True):
        assert f"{n}. {section_title}" in paragraphs
    assert any(p.startswith("Căn cứ Quyết định số 2204/QĐ-UBND") for p in paragraphs)
    assert "2/10" in text and "78,636/100 điểm" in text and "79,031 %" in text
    assert "78.636" not in text and "79.031" not in text
    assert any(p.endswith("./.") for p in paragraphs)
    signature = document.tables[1].rows[0].cells[1].text
    assert signature.startswith("TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH")
    # ... in one piece, with the last paragraph ("./.") before it.
    assert document.tables[1].rows[0]._tr.trPr.find(qn("w:cantSplit")) is not None
    closing = next(p for p in document.paragraphs if p.text.endswith("./."))
    assert closing.paragraph_format.keep_with_next
    # One appendix table; its header repeats and no row splits across pages.
    table = document.tables[2]
    assert [c.text for c in table.rows[0].cells] == list(COLUMNS)
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    assert all(row._tr.trPr.find(qn("w:cantSplit")) is not None for row in table.rows)
    # A task's heading, comment and direction are kept with what follows them.
    start = next(i for i, p in enumerate(document.paragraphs)
                 if p.text.startswith("a) Tiêu chí thành phần 1.1.1 –"))
    kept = [p.paragraph_format.keep_with_next for p in document.paragraphs[start:start + 4]]
    assert kept == [True, True, True, None]
    draft = parindex.plan_draft(thuy_thanh)
    assert len(table.rows) == 1 + len(draft.tasks)
    assert [row.cells[1].text.split(" – ")[0] for row in table.rows[1:]] == [
        t.code for t in draft.tasks]
    assert len(document.tables) == 3  # no more one small table per item


def test_docx_is_vietnamese_throughout(thuy_thanh: parindex.Result, tmp_path: Path) -> None:
    docx = pytest.importorskip("docx")
    from docx.oxml.ns import qn

    document = docx.Document(str(parindex.write_plan_docx(thuy_thanh, tmp_path / "p.docx")))
    defaults = document.styles.element.find(qn("w:docDefaults"))
    language = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr")).find(qn("w:lang"))
    assert language.get(qn("w:val")) == "vi-VN"
    properties = document.core_properties
    assert properties.author == "" and "python-docx" not in properties.comments
    assert properties.language == "vi-VN"
    assert properties.created is not None and properties.created.year >= 2024


def test_plan_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    example = str(parindex.example_path())
    assert main(["plan", example]) == 0
    assert "\n**Nâng cao Chỉ số cải cách hành chính năm 2023**\n" in capsys.readouterr().out
    out = tmp_path / "plan.docx"
    assert main(["plan", example, "-o", str(out)]) == 0
    assert out.stat().st_size > 0
    md = tmp_path / "plan.md"
    assert main(["plan", example, "-o", str(md), "--year", "2030"]) == 0
    assert "năm 2030**\n" in md.read_text("utf-8")


def test_unknown_suffix_is_refused_before_any_work(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "plan.pdf"
    assert main(["plan", str(parindex.example_path()), "-o", str(out)]) == 2
    assert "unknown suffix '.pdf'" in capsys.readouterr().err and not out.exists()


def test_missing_extra_names_it(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                thuy_thanh: parindex.Result,
                                capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setitem(sys.modules, "docx", None)
    with pytest.raises(parindex.MissingExtraError, match=r"parindex\[report\]"):
        parindex.write_plan_docx(thuy_thanh, tmp_path / "x.docx")
    out = tmp_path / "x.docx"
    assert main(["plan", str(parindex.example_path()), "-o", str(out)]) == 2
    assert "pip install 'parindex[report]'" in capsys.readouterr().err and not out.exists()


# --- the change from the year before --------------------------------------------------------

def _change(draft: parindex.PlanDraft) -> str:
    found = [line for line in draft.results
             if line.startswith(("So với năm", "Compared with", "Change from"))
             or "năm trước" in line]
    assert len(found) == 1, draft.results
    return found[0]


def test_change_from_last_year_is_unknown_without_it(draft: parindex.PlanDraft) -> None:
    # Kế hoạch 69/KH-UBND prints no 2021 result: the plan says so and invents nothing.
    assert _change(draft) == ("So với năm 2021: không có số liệu năm trước (chưa có kết quả "
                              "năm 2021 để so sánh).")


def test_change_from_last_year_given(thuy_thanh: parindex.Result) -> None:
    # An invented 2021 result, to compare with: 74,25 points, 5th of 10 in the thị xã.
    before = parindex.PreviousResult(year=2021, total=Decimal("74.25"),
                                     group_rank=parindex.PublishedRank(5, 10), band="Tốt")
    change = _change(parindex.plan_draft(thuy_thanh, previous=before))
    assert change == ("So với năm 2021 (74,25 điểm, xếp hạng 5/10, xếp loại “Tốt”): tổng "
                      "điểm tăng 4,386 điểm; thứ hạng tăng 3 bậc; xếp loại từ “Tốt” sang "
                      "“Khá”.")
    # A rank of another kind (overall, not within the thị xã) is shown, never compared.
    overall = parindex.PreviousResult(year=2021, rank=parindex.PublishedRank(40, 150))
    change = _change(parindex.plan_draft(thuy_thanh, previous=overall))
    assert "xếp hạng 40/150" not in change and "bậc" not in change
    assert "không có số liệu năm trước" in change


def test_change_printed_with_the_rank(thuy_thanh: parindex.Result) -> None:
    import attrs

    published = attrs.evolve(thuy_thanh.assessment.published,
                             group_rank=parindex.PublishedRank(2, 10, change=-3))
    moved = attrs.evolve(thuy_thanh.assessment, published=published)
    draft = parindex.plan_draft(parindex.score(thuy_thanh.framework, moved))
    assert _change(draft) == "Theo kết quả công bố, thứ hạng giảm 3 bậc so với năm trước."
    assert "xếp hạng 2/10 trong thị xã Hương Thủy" in " ".join(draft.results)


@given(st.decimals(min_value=0, max_value=100, places=3))
def test_change_in_total_is_exact(before: Decimal) -> None:
    framework = parindex.get_framework("thua-thien-hue/commune/2022")
    result = parindex.score(framework, parindex.load_assessment(parindex.example_path()))
    change = _change(parindex.plan_draft(
        result, previous=parindex.PreviousResult(year=2021, total=before), lang="en"))
    difference = Decimal("78.636") - before
    if difference:
        word = "rose" if difference > 0 else "fell"
        amount = plain(abs(difference).normalize())  # as points are printed: 70, not 70.000
        assert f"the total {word} by {amount} points" in change
    else:
        assert "the total is unchanged" in change


def test_previous_from_a_published_table_and_an_assessment(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    example = str(parindex.example_path())
    table = tmp_path / "ket-qua-2021.csv"
    table.write_text("INVENTED for testing: not a published table\n"
                     "STT;Tên đơn vị;Tổng điểm;Chỉ số CCHC (%);Xếp hạng trong nhóm;Xếp loại\n"
                     "I;THỊ XÃ HƯƠNG THỦY\n1;Xã Thuỷ Thanh;74,25;74,25;05/10;Khá\n"
                     "2;Phường Thủy Dương;80,00;80,00;01/10;Tốt\n", encoding="utf-8")
    assert main(["plan", example, "--previous", str(table)]) == 0
    out = capsys.readouterr().out
    assert ("So với năm 2021 (74,25 điểm, Chỉ số 74,25 %, xếp hạng 5/10, xếp loại “Khá”): "
            "tổng điểm tăng 4,386 điểm; Chỉ số tăng 4,781 điểm phần trăm; thứ hạng tăng 3 "
            "bậc; giữ xếp loại “Khá”.") in out
    record = tmp_path / "thuy-thanh-2021.toml"
    record.write_text('# INVENTED for testing: not a published result\n'
                      'framework = "thua-thien-hue/commune/2021"\nunit = "Xã Thủy Thanh"\n'
                      'year = 2021\n[points]\n[published]\ntotal = 80.5\n'
                      'group_rank = "1/10"\n', encoding="utf-8")
    assert main(["plan", example, "--previous", str(record), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert ("Compared with 2021 (80.5 points, rank 1/10): the total fell by 1.864 points; "
            "rank down by 1.") in out
    # Never written over: -o naming the file read with --previous or --assignments.
    before = table.read_bytes()
    assert main(["plan", example, "--previous", str(table), "-o", str(table)]) == 2
    assert table.read_bytes() == before and "Traceback" not in capsys.readouterr().err
    # The same year is no "year before"; another unit is not this one.
    same = tmp_path / "same.toml"
    same.write_text(record.read_text("utf-8").replace("2021", "2022"), encoding="utf-8")
    assert main(["plan", example, "--previous", str(same)]) == 2
    assert "not of a year before 2022" in capsys.readouterr().err
    other = tmp_path / "other.toml"
    other.write_text(record.read_text("utf-8").replace("Thủy Thanh", "Lộc Sơn"),
                     encoding="utf-8")
    assert main(["plan", example, "--previous", str(other)]) == 2
    assert "Traceback" not in capsys.readouterr().err


# --- the plan in English, for developers and researchers ------------------------------------

def test_english_plan_has_the_same_structure(thuy_thanh: parindex.Result,
                                             draft: parindex.PlanDraft) -> None:
    english = parindex.plan_draft(thuy_thanh, lang="en")
    assert english.lang == "en" and (english.title, english.subtitle) == (
        "PLAN", "Improving the Public Administration Reform Index in 2023")
    assert [t.code for t in english.tasks] == [t.code for t in draft.tasks]
    results = " ".join(english.results)
    assert "scored 78.636/100 points" in results and "79.031%" in results
    assert "ranked 2/10 in Hương Thủy town on the appraised points" in results
    assert "Change from 2021: not known" in results
    assert english.tasks[0].lead == "Office – Statistics officer"
    text = parindex.plan_markdown(thuy_thanh, lang="en")
    headings = [line for line in text.splitlines() if line.startswith("## ")]
    assert headings == ["## I. PURPOSE AND REQUIREMENTS", "## II. THE PAR INDEX RESULT",
                        "## III. TASKS AND SOLUTIONS", "## IV. IMPLEMENTATION",
                        "## Appendix"]
    assert "| No. | Criterion | Points lost | Action | Lead | Support | Deadline | Output |" \
        in text
    assert "Office – Statistics officer (suggested)" in text
    # Vietnamese words of the frame are gone; the framework's own names stay as they are.
    for word in ("Nhiệm vụ", "Chủ trì", "điểm,", "KẾ HOẠCH", "Phụ lục", "gợi ý", "Căn cứ"):
        assert word not in text, word


def test_english_docx(thuy_thanh: parindex.Result, tmp_path: Path) -> None:
    docx = pytest.importorskip("docx")

    path = parindex.write_plan_docx(thuy_thanh, tmp_path / "plan.docx", lang="en")
    document = docx.Document(str(path))
    assert document.core_properties.language == "en-GB"
    paragraphs = [p.text for p in document.paragraphs]
    assert "PLAN" in paragraphs and "IV. IMPLEMENTATION" in paragraphs
    table = document.tables[2]
    assert table.rows[0].cells[3].text == "Action"
    assert "Tiêu chí" not in _docx_text(document)


def test_plan_cli_lang(capsys: pytest.CaptureFixture[str],
                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LC_ALL", "en_US.UTF-8")  # the locale does not change the document
    assert main(["plan", str(parindex.example_path())]) == 0
    assert "\n# KẾ HOẠCH\n" in capsys.readouterr().out
    assert main(["plan", "--lang", "en", str(parindex.example_path())]) == 0
    assert "\n# PLAN\n" in capsys.readouterr().out


def test_district_plan_writes_rounded_amounts_with_a_decimal_comma() -> None:
    # The invented district example of Quảng Nam: the next band's threshold needs a
    # rounded-up amount ("4,86…"), written in Vietnamese style like every other number.
    plugin = pytest.importorskip("parindex_quang_nam")
    assessment = parindex.load_assessment(
        Path(plugin.__file__).parent / "examples" / "huyen-mau-2020.toml")
    result = parindex.score(parindex.get_framework(assessment.framework), assessment)
    draft = parindex.plan_draft(result)
    text = " ".join(draft.results)
    assert "cần thêm ít nhất 4,86… điểm" in text and not re.search(r"\d\.\d", text)
    assert draft.signature == ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH")
    assert draft.tasks[0].lead == "Phòng Nội vụ"


# Points as the plan writes them: "đạt 0/1 điểm", "bị trừ 0,5 điểm", and in the appendix.
_POINTS = re.compile(r"(?:đạt|Đạt|bị trừ|bị trừ:|scored|points lost in all:) ?"
                     r"(\d+(?:[,.]\d+)?)(?:/(\d+(?:[,.]\d+)?))?")


def test_every_point_figure_is_written_one_way(thuy_thanh: parindex.Result,
                                               tmp_path: Path) -> None:
    """The plan wrote the points as the source gave them ("đạt 0,0/1 điểm, bị trừ 1,0
    điểm") beside maxima without trailing zeros ("0,5/1"): every point figure, lost
    points and totals included, in Markdown and in Word, is written as the framework
    prints points (no declared places: no trailing zeros, "0/1", "0,5/1", "1,98/2")."""
    docx = pytest.importorskip("docx")
    markdown = parindex.plan_markdown(thuy_thanh)
    word = _docx_text(docx.Document(str(parindex.write_plan_docx(thuy_thanh,
                                                                 tmp_path / "p.docx"))))
    for text in (markdown, word):
        found = [n for pair in _POINTS.findall(text) for n in pair if n]
        assert len(found) > 50
        assert not [n for n in found if re.search(r"[,.]\d*0$", n)], text
        assert "đạt 0/1 điểm, bị trừ 1 điểm" in text and "đạt 0,5/1 điểm, bị trừ 0,5 điểm" \
            in text and "đạt 1,98/2 điểm, bị trừ 0,02 điểm" in text
    rows = [row for row in markdown.splitlines() if row.startswith("| 1 | 1.1.1")]
    assert rows[0].split(" | ")[2] == "1"  # the appendix's points lost
    assert [t.lost_text for t in parindex.plan_draft(thuy_thanh).tasks][:3] == ["1", "0,2",
                                                                             "0,25"]
