"""Exports never carry live formulas, and parindex reads its own exports back exactly."""

from __future__ import annotations

from pathlib import Path

import attrs
import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import parindex
from parindex._base.text import terminal_safe, xml_safe

HOSTILE_NAMES = [
    '=HYPERLINK("http://example.invalid","Xã A")',
    "=cmd|' /C calc'!A0",
    "+1+1",
    "-2+3",
    "@SUM(A1:A2)",
    "\tXã B",
    "'=already quoted",
]


def _ranking(hue: parindex.Framework, thuy_thanh: parindex.Assessment,
             names: list[str]) -> parindex.Ranking:
    units = [attrs.evolve(thuy_thanh, unit=name, published=parindex.Published())
             for name in names]
    return parindex.score_many(hue, units)


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_formula_like_names_are_text_and_read_back(hue, thuy_thanh, tmp_path: Path,
                                                   suffix: str) -> None:
    # Names are read with their white space normalised: a tab would come back a space.
    names = [n for n in HOSTILE_NAMES if not n.startswith("\t")]
    path = parindex.write_table(_ranking(hue, thuy_thanh, names), tmp_path / f"t{suffix}")
    if suffix == ".csv":
        text = path.read_text(encoding="utf-8-sig")
        assert "'=HYPERLINK" in text and "'+1+1" in text and "'@SUM" in text
    else:
        sheet = openpyxl.load_workbook(path).active
        cells = [c for row in sheet.iter_rows() for c in row if isinstance(c.value, str)]
        assert cells and all(c.data_type == "s" for c in cells)  # never "f" (formula)
    table = parindex.read_table(path, hue)
    assert sorted(a.unit for a in table.assessments) == sorted(names)


@settings(max_examples=25, deadline=None)
@given(st.text(alphabet=st.sampled_from("=+-@'"), min_size=1, max_size=4),
       st.text(alphabet=st.sampled_from("=+-@'xã(\"|!"), max_size=8))
def test_any_formula_like_name_round_trips_through_csv(hue, thuy_thanh, tmp_path_factory,
                                                       start: str, rest: str) -> None:
    name = f"{start}Xã {rest}".strip()
    path = tmp_path_factory.mktemp("csv") / "t.csv"
    parindex.write_table(_ranking(hue, thuy_thanh, [name]), path)
    assert [a.unit for a in parindex.read_table(path, hue).assessments] == [name]


def test_control_characters_are_shown_not_obeyed() -> None:
    assert terminal_safe("Xã\x1b[2J\x9b31m\u202e") == "Xã\\x1b[2J\\x9b31m\\u202e"
    assert xml_safe("hoàn\x01thành") == ("hoàn\ufffdthành", 1)


def test_plan_docx_replaces_what_xml_cannot_hold(hue, thuy_thanh, tmp_path: Path) -> None:
    docx = pytest.importorskip("docx")
    comments = {**thuy_thanh.comments, "1.1.2": "hoàn\x01thành 80%."}
    result = parindex.score(hue, attrs.evolve(thuy_thanh, comments=comments))
    path = parindex.write_plan_docx(result, tmp_path / "plan.docx")
    text = "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
    assert "hoàn\ufffdthành" in text and "đã được thay bằng ký tự" in text


def test_chart_names_are_not_mathtext(hue, thuy_thanh) -> None:
    pytest.importorskip("matplotlib")
    svg = parindex.totals_chart(_ranking(hue, thuy_thanh, ["Xã $x^$", "Xã B"]))
    assert "<svg" in svg
