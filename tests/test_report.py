"""Charts and the HTML report: self-contained, escaped, in Vietnamese or English."""

from __future__ import annotations

import re
from fractions import Fraction
from pathlib import Path

import attrs
import pytest

import parindex
from parindex._cli import main

GROUP = Path(__file__).resolve().parents[1] / "docs" / "examples" / "group"


@pytest.fixture(scope="module")
def ranking() -> parindex.Ranking:
    framework = parindex.get_framework("thua-thien-hue/commune/2022")
    return parindex.score_many(framework, [parindex.load_assessment(p)
                                           for p in sorted(GROUP.glob("*.toml"))])


_EXTERNAL = re.compile(r"https?://|(?:src|href)\s*=\s*[\"'](?!#|data:)|@import|url\((?!#)")


def test_charts_are_plain_svg(ranking: parindex.Ranking) -> None:
    result = parindex.monte_carlo(ranking, parindex.Perturbation("weights", Fraction(1, 5)),
                                  draws=50)
    for svg in (parindex.field_profile_chart(ranking, "Xã C"),
                parindex.totals_chart(ranking),
                parindex.rank_interval_chart(result),
                parindex.rank_shift_chart(ranking, ranking)):
        assert svg.startswith("<svg") and svg.endswith("</svg>")
        assert not _EXTERNAL.search(svg)
    # Text stays text: the unit's name is in the SVG, not turned into paths.
    assert "Xã C" in parindex.field_profile_chart(ranking, "Xã C")


def test_charts_are_deterministic(ranking: parindex.Ranking) -> None:
    assert parindex.totals_chart(ranking) == parindex.totals_chart(ranking)


def test_unit_report(ranking: parindex.Ranking) -> None:
    result = parindex.monte_carlo(ranking, parindex.Perturbation("survey_share", 5,
                                                                 Fraction(1, 100)), draws=50)
    page = parindex.report_html(ranking, unit="xã c", monte_carlo=result, previous=ranking)
    assert page.startswith("<!DOCTYPE html>") and '<html lang="vi">' in page
    assert not _EXTERNAL.search(page), _EXTERNAL.search(page)
    assert "Báo cáo Chỉ số CCHC 2022: Xã C" in page
    assert page.count("<svg") == 4
    lost = parindex.gaps(ranking, "Xã C").lost
    for item in lost.items:
        assert f"<td>{item.code}</td>" in page
    assert "Để vượt Xã B (hạng 1)" in page


def test_table_report_in_english(ranking: parindex.Ranking) -> None:
    page = parindex.report_html(ranking, lang="en")
    assert '<html lang="en">' in page and "PAR INDEX report 2022" in page
    assert page.count("<svg") == 1
    for unit in ranking:
        assert f"<td>{unit.result.unit}</td>" in page
    with pytest.raises(ValueError, match="lang"):
        parindex.report_html(ranking, lang="fr")  # type: ignore[arg-type]


def test_report_escapes_names(ranking: parindex.Ranking) -> None:
    framework = ranking.framework
    units = [attrs.evolve(u.result.assessment,
                          unit=u.result.unit + (" <script>x</script>" if u.rank == 1 else ""))
             for u in ranking]
    page = parindex.report_html(parindex.score_many(framework, units))
    assert "<script>" not in page and "&lt;script&gt;" in page


def test_report_cli(tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    assert main(["report", str(GROUP), "-o", str(out), "--lang", "en", "--unit", "Xã A",
                 "--monte-carlo", "weights", "--draws", "20"]) == 0
    page = out.read_text("utf-8")
    assert "PAR INDEX report 2022: Xã A" in page and page.count("<svg") == 3
