"""A decision's annex into a framework or an overlay (issue 9, items 2 and 3).

The annexes of tests/data/annexes are INVENTED (tests/data/make_annexes.py writes them and
says so in each file): a made-up province, "tỉnh Mẫu", and a table with the codes of
Quảng Ngãi's commune skeleton whose maxima no source gives.
"""

from __future__ import annotations

import importlib.util
import re
import tempfile
import tomllib
from decimal import Decimal as D
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import parindex
from parindex import FrameworkError, NodeKind, Status
from parindex._cli import main
from parindex._formats.annex import read_annex
from parindex._formats.sheet_writer import write_grid
from parindex.testing import strategies as pst

DATA = Path(__file__).parent / "data"
ANNEXES = DATA / "annexes"
_spec = importlib.util.spec_from_file_location("make_annexes", DATA / "make_annexes.py")
assert _spec is not None and _spec.loader is not None
make_annexes = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(make_annexes)

QN = "quang-ngai/commune/2023"

def _import_framework(annex: Path, out: Path, *extra: str) -> int:
    return main(["import", "framework", str(annex), "--id", "tinh-mau/commune/2024",
                 "--name", "Chỉ số CCHC cấp xã tỉnh Mẫu (bịa đặt)", "--decision",
                 "999/QĐ-UBND", "--date", "2024-01-15", "-o", str(out), *extra])


@pytest.mark.parametrize("name", ["tinh-mau-2024.docx", "tinh-mau-2024.xlsx"])
def test_import_framework_matches_the_annex_and_conforms(name, tmp_path, capsys):
    out = tmp_path / "framework.toml"
    assert _import_framework(ANNEXES / name, out) == 0
    err = capsys.readouterr().err
    framework = parindex.load_framework(out)
    assert {n.code: (n.name, n.max) for n in framework.walk()} == {
        code: (title, maximum) for code, title, maximum in make_annexes.TINH_MAU}
    assert [child.code for child in framework.nodes["1.1"].children] == ["1.1.1", "1.1.2"]
    assert framework.nodes["4"].kind is NodeKind.SURVEY
    assert framework.max == 100
    for node in framework.walk():
        assert (node.provenance.status, node.provenance.source) == (Status.READ, "annex")
    assert "999/QĐ-UBND" in framework.sources["annex"]
    assert name in framework.sources["annex"]
    assert framework.legal_basis.decision == "999/QĐ-UBND"
    # It passes conformance, and says what the official still has to supply.
    assert parindex.check_conformance(out).ok
    assert "still to supply" in err and "not_arising" in err
    assert main(["validate", "--conformance", str(out)]) == 0


def test_mis_summed_maxima_are_reported_with_their_rows(tmp_path, capsys):
    out = tmp_path / "framework.toml"
    assert _import_framework(ANNEXES / "tinh-mau-2024-missummed.docx", out) == 2
    err = capsys.readouterr().err
    assert "row 9 (2) gives 25, its items row 10 (2.1: 5), row 11 (2.2: 10), row 14 (2.3: 9) " \
           "add up to 24" in err
    assert "Traceback" not in err
    # Not silently fixed: the file keeps the annex's numbers, and fails conformance.
    framework = parindex.load_framework(out)
    assert framework.nodes["2"].max == 25 and framework.nodes["2.3"].max == 9
    assert not parindex.check_conformance(out).ok


def test_bands_printed_in_the_annex_or_given_on_the_command_line(tmp_path, capsys):
    out = tmp_path / "framework.toml"
    assert _import_framework(ANNEXES / "tinh-mau-2024.docx", out) == 0
    framework = parindex.load_framework(out)
    assert [(b.name, b.min) for b in framework.bands] == [
        (name, low) for name, low in make_annexes.TINH_MAU_MINIMA]
    assert framework.bands[1].provenance.note == \
        "Printed in the annex: '- Tốt: từ 80 điểm đến dưới 90 điểm;'."
    # The .xlsx prints no bands: one placeholder band, unknown.
    assert _import_framework(ANNEXES / "tinh-mau-2024.xlsx", out) == 0
    assert [b.min for b in parindex.load_framework(out).bands] == [None]
    # --band overrides what the annex prints.
    assert _import_framework(ANNEXES / "tinh-mau-2024.docx", out, "--band", "Tốt=80",
                             "--band", "Khá=0") == 0
    framework = parindex.load_framework(out)
    assert [(b.name, b.min, b.provenance.source) for b in framework.bands] == [
        ("Tốt", 80, "annex"), ("Khá", 0, "annex")]


@pytest.mark.parametrize(("lines", "expected"), [
    (["Xuất sắc: từ 90 điểm trở lên", "Tốt: từ 80 đến dưới 90 điểm", "Yếu: dưới 80 điểm"],
     [("Xuất sắc", 90), ("Tốt", 80), ("Yếu", 0)]),
    (["a) Loại Tốt: từ 85,5 điểm trở lên", "b) Loại Khá: dưới 85,5 điểm"],
     [("Tốt", D("85.5")), ("Khá", 0)]),
    # Not a whole scale (nothing down to 0): no bands rather than some.
    (["Xuất sắc: từ 90 điểm trở lên", "Tốt: từ 80 đến dưới 90 điểm"], []),
    (["Ghi chú: thực hiện tốt nhiệm vụ được giao"], []),
])
def test_printed_bands(tmp_path, lines, expected):
    from parindex._formats.annex import printed_bands

    path = _annex_of(tmp_path, [["1", "Chỉ đạo", "100"]], "annex.docx")
    make_annexes.paragraphs_after(path, lines)
    assert [(b["name"], b["min"]) for b in printed_bands(path)] == expected


def _qn_overlay(tmp_path: Path, *extra: str) -> Path:
    out = tmp_path / "qn-annex.toml"
    assert main(["import", "overlay", str(ANNEXES / "quang-ngai-2023-invented.docx"),
                 "--onto", QN, "-o", str(out), *extra]) == 0
    return out


def test_import_overlay_makes_quang_ngai_score(tmp_path, capsys):
    out = _qn_overlay(tmp_path)
    # The bands printed under the annex's table are read (no --band needed).
    assert "bands read from the annex: Hoàn thành xuất sắc nhiệm vụ from 90" in \
        capsys.readouterr().err
    base = parindex.get_framework(QN)
    derived = parindex.apply_overlay(parindex.load_overlay(out))
    # Every maximum filled, the criteria the skeleton lacks added beneath its nodes.
    assert {n.code: n.max for n in derived.walk()} == {
        code: maximum for code, _, maximum in make_annexes.QUANG_NGAI}
    assert set(derived.nodes) - set(base.nodes) == {
        "1.1", "1.2", "1.3", "3.1.1.1", "3.1.2", "3.4.2", "6.2.1", "6.2.2", "7.3.1", "7.3.2",
        "7.3.5"}
    assert [c.code for c in derived.nodes["3.4"].children] == ["3.4.1", "3.4.2", "3.4.3"]
    assert derived.nodes["3.1"].name == "Kiểm soát thủ tục hành chính"  # was a placeholder
    assert derived.nodes["3.4.2"].provenance == parindex.Provenance(
        Status.READ, "annex", "Row 15 of the annex; not in quang-ngai/commune/2023.")
    # The skeleton now scores: every leaf's points given (invented), half a point lost on
    # each leaf worth 2 or more.
    points = {n.code: n.max - D("0.5") if n.max >= 2 else n.max
              for n in derived.walk() if n.is_leaf and n.max is not None}
    unit = parindex.Assessment(QN, "UBND xã Mẫu (bịa đặt)", 2023, points)
    result = parindex.score(derived, unit)
    expected = sum(points.values(), D(0))
    assert result.total == expected and expected < 100
    band = next(name for name, low in [("Hoàn thành xuất sắc nhiệm vụ", 90),
                                       ("Hoàn thành tốt nhiệm vụ", 80),
                                       ("Hoàn thành nhiệm vụ", 65),
                                       ("Không hoàn thành nhiệm vụ", 0)] if expected >= low)
    assert result.band is not None and result.band.name == band
    # The base alone does not: its maxima are unknown.
    zero = {n.code: D(0) for n in base.walk() if n.is_leaf}
    with pytest.raises(parindex.MissingInformationError):
        parindex.score(base, parindex.Assessment(QN, "x", 2023, zero))


def _annex_of(tmp_path: Path, rows: list[list[object]], name: str = "annex.csv",
              header: tuple[str, ...] = ("STT", "Tiêu chí", "Điểm tối đa")) -> Path:
    path = tmp_path / name
    write_grid(path, rows, title=["PHỤ LỤC (bịa đặt để kiểm thử)"],  # type: ignore[arg-type]
               header=[list(header)])
    return path


def test_overlay_refuses_to_contradict_a_sourced_number(tmp_path, capsys):
    hue = parindex.get_framework("thua-thien-hue/commune/2022")
    rows = [[n.code, n.name, n.max] for n in hue.walk()]
    rows[1][2] = D("2.5")  # 1.1 is 2.0 in the seed-sourced framework
    annex = _annex_of(tmp_path, rows)
    out = tmp_path / "overlay.toml"
    args = ["import", "overlay", str(annex), "--onto", hue.id, "-o", str(out)]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert f"{annex}:4: criterion 1.1: row 4: the annex gives 1.1 a maximum of 2.5, but " \
           "thua-thien-hue/commune/2022 gives 2.0 (seed, seed-000)" in err
    assert not out.exists()
    # With --override it is written, listed in corrects; 1's items then exceed its 10
    # points, which the overlay check refuses in turn (nothing half-written).
    assert main([*args, "--override"]) == 2
    err = capsys.readouterr().err
    assert "after the overlay, 1: items' maxima add up to 10.5" in err
    assert not out.exists()


def test_override_writes_corrections(tmp_path, capsys):
    hue = parindex.get_framework("thua-thien-hue/commune/2022")
    rows = [[n.code, n.name, n.max] for n in hue.walk()]
    rows[2][2], rows[3][2] = D("0.75"), D("0.25")  # 1.1.1 and 1.1.2 trade a quarter point
    annex = _annex_of(tmp_path, rows)
    out = tmp_path / "overlay.toml"
    assert main(["import", "overlay", str(annex), "--onto", hue.id, "-o", str(out),
                 "--override"]) == 0
    overlay = parindex.load_overlay(out)
    assert sorted(overlay.data["corrects"]) == ["criteria.1.1.1.max", "criteria.1.1.2.max"]
    derived = parindex.apply_overlay(overlay)
    assert derived.nodes["1.1.1"].max == D("0.75")
    assert derived.nodes["1.1.1"].provenance.source == "annex"


@pytest.mark.parametrize(("rows", "header", "message"), [
    ([["1", "Chỉ đạo", "10"], [None, "Một dòng không mã", "2"]],
     ("STT", "Tiêu chí", "Điểm tối đa"), "annex.csv:4: the row 'Một dòng không mã' has no code"),
    ([["1", "Chỉ đạo", "1,5,0"]], ("STT", "Tiêu chí", "Điểm tối đa"),
     "annex.csv:3: Điểm tối đa criterion 1: the maximum '1,5,0' is not a number"),
    ([["1", "Chỉ đạo", "10"], ["1.2.1", "Mồ côi", "2"]], ("STT", "Tiêu chí", "Điểm tối đa"),
     "belongs beneath 1.2, which the annex does not list"),
    ([["1", "Chỉ đạo", "10"]], ("STT", "Tiêu chí", "Ghi chú"), "the header has no maximum"),
])
def test_malformed_annexes_name_the_row(tmp_path, capsys, rows, header, message):
    annex = _annex_of(tmp_path, rows, header=header)
    assert _import_framework(annex, tmp_path / "f.toml") == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
    assert not (tmp_path / "f.toml").exists()


def test_roman_fields_and_restarted_numbers(tmp_path):
    annex = _annex_of(tmp_path, [["I", "Chỉ đạo điều hành", "30"], ["1", "Kế hoạch", "10"],
                                 ["1.1", "Ban hành", "10"], ["2", "Báo cáo", "20"],
                                 ["II", "Điều tra xã hội học", "70"]])
    read = read_annex(annex)
    assert [(n.code, n.kind) for n in read.nodes] == [
        ("1", NodeKind.CRITERION), ("1.1", NodeKind.CRITERION), ("1.1.1", NodeKind.CRITERION),
        ("1.2", NodeKind.CRITERION), ("2", NodeKind.SURVEY)]


def test_import_refuses_to_overwrite_the_annex(tmp_path, capsys):
    annex = _annex_of(tmp_path, [["1", "Chỉ đạo", "100"]], "annex.csv")
    assert main(["import", "framework", str(annex), "--id", "tinh-mau/commune/2024",
                 "--name", "x", "--decision", "1/QĐ-UBND", "-o", str(annex)]) == 2
    assert "would replace the input" in capsys.readouterr().err


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.data(), st.sampled_from([".xlsx", ".docx", ".csv"]))
def test_an_annex_written_from_a_framework_reads_back_the_same_tree(data, suffix):
    tops = data.draw(pst.criteria_trees(survey=False, bonus=False, penalty=False))
    framework = data.draw(pst.frameworks(criteria=st.just(tops)))
    rows = [[n.code, n.name, n.max] for n in framework.walk()]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"annex{suffix}"
        write_grid(path, rows, header=[["STT", "Tiêu chí", "Điểm tối đa"]],  # type: ignore[arg-type]
                   title=["PHỤ LỤC (bịa đặt)"], decimal_comma=suffix != ".xlsx")
        read = read_annex(path)
        built = parindex.loads_framework(parindex._formats.annex.dumps(
            parindex._formats.annex.framework_from_annex(
                read, framework_id=framework.id, name=framework.name, decision="1/QĐ-UBND"),
            "test"))
    assert [(n.code, n.name, n.max) for n in built.walk()] == \
        [(n.code, n.name, n.max) for n in framework.walk()]
    assert built.parents == framework.parents


# --- the tutorial "From the annex to the ranking" (docs/annex-to-ranking.md) --------------

EXAMPLES = Path(__file__).parents[1] / "docs" / "examples" / "annex"
TUTORIAL_FRAMEWORK = [
    "import", "framework", str(EXAMPLES / "tinh-mau-2024.docx"), "--id", "tinh-mau/commune/2024",
    "--name", "Chỉ số cải cách hành chính cấp xã tỉnh Mẫu (bịa đặt)", "--decision",
    "999/QĐ-UBND", "--date", "2024-01-15", "--issuer", "UBND tỉnh Mẫu (bịa đặt)"]


def test_tutorial_files_are_what_its_commands_write(tmp_path, capsys):
    # The tutorial's framework and assessments are committed; they must be exactly what
    # its commands write from its annex and sheets.
    out = tmp_path / "tinh-mau-2024.toml"
    assert main([*TUTORIAL_FRAMEWORK, "-o", str(out)]) == 0
    committed = EXAMPLES / "tinh-mau-2024.toml"
    assert out.read_text("utf-8") == committed.read_text("utf-8")
    for sheet in sorted((EXAMPLES / "units").glob("*.xlsx")):
        written = tmp_path / f"{sheet.stem}.toml"
        assert main(["import", "assessment", str(sheet), "--framework", str(committed),
                     "-o", str(written)]) == 0
        assert written.read_text("utf-8") == \
            (EXAMPLES / "assessments" / f"{sheet.stem}.toml").read_text("utf-8")
    # And the ranking the tutorial states.
    framework = parindex.load_framework(committed)
    units = [parindex.load_assessment(p) for p in
             sorted((EXAMPLES / "assessments").glob("*.toml"))]
    ranked = sorted(((parindex.score(framework, u).total, u.unit) for u in units),
                    reverse=True)
    assert ranked == [(D("94.4"), "Xã Tân Mỹ"), (D("86.90"), "Xã An Bình"),
                      (D("70.65"), "Xã Hòa Phú")]


def test_not_arising_policy_given_when_importing(tmp_path, capsys):
    out = _qn_overlay(tmp_path, "--not-arising", "exclude")
    derived = parindex.apply_overlay(parindex.load_overlay(out))
    assert derived.not_arising is parindex.NotArisingPolicy.EXCLUDE
    assert derived.provenance["not_arising"].source == "annex"
    # An item that did not arise now leaves the arising maximum instead of refusing.
    points: dict[str, object] = {n.code: n.max for n in derived.walk()
                                 if n.is_leaf and n.max is not None}
    points["3.4.2"] = parindex.NOT_ARISING
    result = parindex.score(derived, parindex.Assessment(QN, "x", 2023, points))
    assert result.total == 96 and result.index == 100


def test_a_parent_printed_without_its_maximum_is_the_sum_of_its_items(tmp_path):
    annex = _annex_of(tmp_path, [["1", "Chỉ đạo", None], ["1.1", "Kế hoạch", "4"],
                                 ["1.2", "Báo cáo", "2,5"], ["2", "Khảo sát sự hài lòng", "93,5"]])
    out = tmp_path / "f.toml"
    assert _import_framework(annex, out) == 0
    framework = parindex.load_framework(out)
    field = framework.nodes["1"]
    assert field.max == D("6.5") and field.provenance.status is Status.INFERRED
    assert field.provenance.note == ("Row 3 of the annex prints no maximum: the sum of its "
                                     "items' maxima (rows 4, 5).")
    assert parindex.check_conformance(out, strict=True).ok


def test_assumed_bands_score_but_fail_strict_conformance(tmp_path, capsys):
    # "Tốt from 80 as a working hypothesis": the xlsx annex prints no bands.
    out = tmp_path / "framework.toml"
    assert _import_framework(ANNEXES / "tinh-mau-2024.xlsx", out, "--band", "Tốt=80",
                             "--band", "Khá=0", "--not-arising", "exclude", "--assumed") == 0
    framework = parindex.load_framework(out)
    assert {b.provenance.status for b in framework.bands} == {Status.ASSUMED}
    assert framework.provenance["not_arising"].status is Status.ASSUMED
    assert "working hypothesis" in framework.sources["assumption"]
    assert parindex.check_conformance(out).ok
    report = parindex.check_conformance(out, strict=True)
    assert not report.ok and {f.check for f in report.unfinished} == {"assumptions"}
    points = {n.code: n.max for n in framework.walk() if n.is_leaf}
    result = parindex.score(framework, parindex.Assessment(framework.id, "x", 2024, points))
    assert result.band is not None and result.band.name == "Tốt"


# --- the comments 'import' writes, in the command's language ----------------------------------

def _import_args(kind: str) -> list[str]:
    if kind == "framework":
        return TUTORIAL_FRAMEWORK
    if kind == "overlay":
        return ["import", "overlay", str(ANNEXES / "quang-ngai-2023-invented.docx"),
                "--onto", QN]
    return ["import", "assessment", str(EXAMPLES / "units" / "xa-hoa-phu.xlsx"),
            "--framework", str(EXAMPLES / "tinh-mau-2024.toml")]


@pytest.mark.parametrize("kind", ["framework", "overlay", "assessment"])
def test_imported_file_comments_in_vietnamese_the_data_the_same(kind, tmp_path, capsys):
    """Under --lang vi the comments atop the file are Vietnamese; the data is the same,
    byte for byte, and reads back as the English file does."""
    written = {}
    for language in ("en", "vi"):
        out = tmp_path / f"{language}.toml"
        assert main([*_import_args(kind), "-o", str(out), "--lang", language]) == 0
        written[language] = out.read_text("utf-8")
    capsys.readouterr()

    def split(text: str) -> tuple[list[str], list[str]]:
        lines = text.splitlines()
        return ([line for line in lines if line.startswith("#")],
                [line for line in lines if not line.startswith("#")])

    (en_comments, en_data), (vi_comments, vi_data) = split(written["en"]), split(written["vi"])
    assert vi_data == en_data
    assert tomllib.loads(written["vi"]) == tomllib.loads(written["en"])
    assert en_comments != vi_comments
    said = "\n".join(vi_comments)
    assert "Nhập bằng 'parindex import " in said or "nhập bằng 'parindex import " in said
    for english in ("imported by", "Imported by", " the ", "Every maximum", "every value",
                    "Title:", "Note:", " holds "):
        assert english not in said, english
    # What is read back is the same: the framework conforms, the overlay applies, the
    # assessment scores as the English file.
    vi = tmp_path / "vi.toml"
    if kind == "framework":
        assert parindex.check_conformance(vi).ok
        assert [(n.code, n.max) for n in parindex.load_framework(vi).walk()] == \
            [(n.code, n.max) for n in parindex.load_framework(tmp_path / "en.toml").walk()]
    elif kind == "overlay":
        derived = parindex.apply_overlay(parindex.load_overlay(vi))
        assert derived.max == parindex.apply_overlay(
            parindex.load_overlay(tmp_path / "en.toml")).max
    else:
        framework = parindex.load_framework(EXAMPLES / "tinh-mau-2024.toml")
        assert parindex.score(framework, parindex.load_assessment(vi)).total == \
            parindex.score(framework, parindex.load_assessment(tmp_path / "en.toml")).total \
            == D("70.65")


def test_imported_assessment_notes_in_vietnamese(tmp_path, capsys):
    """A note on the sheet (a row that deserves a look) is said in the comments in the
    command's language, as on standard error."""
    sheet = DATA / "sheets" / "thuy-thanh-2022.csv"
    out = tmp_path / "thuy-thanh.toml"
    assert main(["import", "assessment", str(sheet), "--framework",
                 "thua-thien-hue/commune/2022", "-o", str(out), "--lang", "vi"]) == 0
    err = capsys.readouterr().err
    text = out.read_text("utf-8")
    note = next(line for line in text.splitlines() if line.startswith("# Ghi chú: "))
    assert note.endswith("tiêu chí 6: 6 được ghi 8,0, các tiêu chí thành phần cộng lại 7,0 "
                         "và không chia hết điểm tối đa của mục này: điểm của mục là số được "
                         "ghi")
    assert note.removeprefix("# Ghi chú: ") in err  # as standard error says it
    assert text.startswith("# Xã Thủy Thanh, năm 2022: nhập bằng 'parindex import "
                           "assessment' từ phiếu chấm điểm thuy-thanh-2022.csv, theo bộ "
                           "tiêu chí thua-thien-hue/commune/2022.\n")
    assert tomllib.loads(text)["points"]["6.1"] is not None


def test_the_notes_import_writes_are_said_in_the_readers_language() -> None:
    """The provenance notes import framework and import overlay write into the data are
    English text (what files already hold, tinh-mau-2024.toml among them); read back, each
    is the catalogue sentence it was (wn_*), so that reproduce and score quote it in the
    reader's language. Written again, the file holds the same text; a person's note stays
    as written."""
    import attrs

    from parindex._base.i18n import say

    path = Path(__file__).parents[1] / "docs" / "examples" / "annex" / "tinh-mau-2024.toml"
    text = path.read_text(encoding="utf-8")
    framework = parindex.load_framework(path)
    assert say(framework.nodes["1"].provenance.note, "vi") == "dòng 2 của phụ lục."
    assert say(framework.provenance["years"].note, "vi").startswith(
        "phụ lục không ghi áp dụng cho các năm đánh giá nào; 2024 là năm")
    notes = {**{f"provenance.{k}": p.note for k, p in framework.provenance.items()},
             **{n.code: n.provenance.note for n in framework.walk()},
             **{b.name: b.provenance.note for b in framework.bands}}
    for where, note in notes.items():
        if note:
            said = say(note, "vi")
            assert note[:1].isupper() and not said[:1].isupper(), (where, said)  # Vietnamese
            assert not re.search(r"\b(the|annex|of|is|not)\b", said), (where, said)
    written = tomllib.loads(parindex.dumps_framework(framework))
    assert written["provenance"] == tomllib.loads(text)["provenance"]
    assert [c["note"] for c in written["criteria"].values()] == \
        [c["note"] for c in tomllib.loads(text)["criteria"].values()]
    # A field whose maximum the annex does not print: reproduce and score quote the note.
    unknown = text.replace('max = 10\nstatus = "read"\nsource = "annex"\n'
                           'note = "Row 2 of the annex."',
                           'max = "unknown"\nstatus = "unknown"\n'
                           'note = "Row 2 of the annex prints no maximum."')
    framework = attrs.evolve(parindex.loads_framework(unknown), bands=())
    points = {n.code: n.max for n in framework.walk() if n.is_leaf}
    result = parindex.score(framework, parindex.Assessment(
        framework.id, "x", 2024, points, published=parindex.Published(index=D(100))))
    (unchecked,) = result.unchecked
    assert "(dòng 2 của phụ lục không ghi điểm tối đa.)" in say(unchecked, "vi")
    assert "(Row 2 of the annex prints no maximum.)" in unchecked
    kept = parindex.loads_framework(unknown.replace('"Row 2 of the annex prints no maximum."',
                                                    '"Row 2, as I read it."'))
    assert say(kept.nodes["1"].provenance.note, "vi") == "Row 2, as I read it."
