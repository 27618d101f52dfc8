"""``parindex reproduce TABLE --output``: the recomputed table beside the printed one, every
discrepancy marked (the example table has two planted: a mistyped total, a tie ranked
apart)."""

from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path

import pytest

from parindex._cli import main

ROOT = Path(__file__).resolve().parents[1]
TABLE = ROOT / "docs" / "examples" / "results-2022.csv"
FRAMEWORK = "thua-thien-hue/commune/2022"


def _run(out: Path) -> int:
    return main(["reproduce", str(TABLE), "--framework", FRAMEWORK, "--output", str(out)])


def test_xlsx_marks_each_discrepancy_with_a_fill_and_a_comment(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    out = tmp_path / "recomputed.xlsx"
    assert _run(out) == 1  # the discrepancies still fail the run
    sheet = openpyxl.load_workbook(out).active
    header = [c.value for c in sheet[1]]
    assert header.index("total (computed)") == header.index("total (printed)") + 1
    marked = {(sheet.cell(row=c.row, column=2).value, header[c.column - 1]): c
              for row in sheet.iter_rows(min_row=2) for c in row if c.comment}
    assert set(marked) == {("Xã Minh Họa B", "total (computed)"),
                           ("Xã Minh Họa C", "rank (computed)")}
    total = marked[("Xã Minh Họa B", "total (computed)")]
    assert total.fill.fill_type == "solid" and "printed 82.03, computed 82.3" in \
        total.comment.text
    printed = sheet.cell(row=total.row, column=total.column - 1)
    assert Decimal(str(printed.value)) == Decimal("82.03") and printed.fill.fill_type is None
    thuy = next(r for r in sheet.iter_rows(min_row=2) if r[1].value == "Xã Thủy Thanh")
    assert Decimal(str(thuy[header.index("total (computed)")].value)) == Decimal("78.636")


def test_csv_lists_the_discrepancies_in_machine_style(tmp_path: Path) -> None:
    out = tmp_path / "recomputed.csv"
    assert _run(out) == 1
    with out.open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.DictReader(stream))
    by_unit = {row["unit"]: row for row in rows}
    assert by_unit["Xã Thủy Thanh"]["total (computed)"] == "78.636"
    assert by_unit["Xã Thủy Thanh"]["discrepancies"] == ""
    assert by_unit["Xã Minh Họa B"]["discrepancies"].startswith(
        "total: published 82.03, computed 82.3")


def test_unknown_suffix_is_refused_before_any_work(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "recomputed.pdf"
    assert _run(out) == 2
    captured = capsys.readouterr()
    assert "unknown suffix '.pdf'" in captured.err and captured.out == "" and not out.exists()
