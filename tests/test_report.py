"""Charts and the HTML report: self-contained, escaped, in Vietnamese or English."""

from __future__ import annotations

import re
from fractions import Fraction
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

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


def test_report_ids_are_unique(ranking: parindex.Ranking) -> None:
    """Several charts in one page: matplotlib's ids (figure_1, axes_1, clip paths) must
    not repeat, or a url(#…) could reach another chart's element."""
    result = parindex.monte_carlo(ranking, parindex.Perturbation("weights", Fraction(1, 5)),
                                  draws=50)
    page = parindex.report_html(ranking, unit="Xã C", monte_carlo=result, previous=ranking)
    ids = re.findall(r'\bid="([^"]+)"', page)
    assert ids and len(ids) == len(set(ids))
    for reference in re.findall(r'url\(#([^)]+)\)|href="#([^"]+)"', page):
        assert (reference[0] or reference[1]) in ids


def test_totals_chart_counts_whole_units_and_bars_do_not_straddle_thresholds(
        ranking: parindex.Ranking) -> None:
    from parindex._render.charts import _bin_edges

    svg = parindex.totals_chart(ranking)
    ticks = re.findall(r"<text[^>]*>([^<]*)</text>", svg)
    assert "0.5" not in ticks and "1" in ticks  # counts of units: no half units
    values = [float(u.result.index) for u in ranking]  # type: ignore[arg-type]
    edges = _bin_edges(values, 5)
    assert edges[0] <= min(values) and max(values) <= edges[-1]
    for band in ranking.framework.bands:  # 70 and 75: inside the group's range
        if band.min is not None and edges[0] <= band.min <= edges[-1]:
            assert float(band.min) in edges


def test_report_rounds_points_for_display(ranking: parindex.Ranking) -> None:
    """A total with more places than the framework's 3 decimals is shown rounded half up
    (it is ranked unrounded); lost points read as the plan and the decisions print them."""
    from decimal import Decimal

    framework = ranking.framework
    example = parindex.load_assessment(parindex.example_path())
    points = dict(example.points)
    points["9"] = Decimal("28.6667")
    assert example.published is not None
    changed = attrs.evolve(example, points=points,
                           published=attrs.evolve(example.published, points={}, total=None))
    alone = parindex.score_many(framework, [changed])
    assert alone.units[0].result.total == Decimal("78.6367")
    page = parindex.report_html(alone, unit="Xã Thủy Thanh")
    assert "78,6367" not in page and ">78,637<" in page  # Vietnamese: a decimal comma
    # Field 3's remainder (2.27 − 1.27 = 1.00): "1", and no points or maximum of its own.
    row = re.search(r"<tr><td>3</td>.*?</tr>", page, re.DOTALL)
    assert row is not None
    assert '<td class="num">—</td>' in row.group(0) and ">1<" in row.group(0)
    english = parindex.report_html(alone, unit="Xã Thủy Thanh", lang="en")
    assert ">78.637<" in english and "78,637" not in english


def test_a_report_of_fewer_units_than_were_ranked_quotes_the_published_ranks(
        ranking: parindex.Ranking) -> None:
    # Thủy Thanh's file alone ranked it 1/1 in its group, where Kế hoạch 69/KH-UBND prints
    # 2/10: the page said "Hạng 1" and nothing else.
    framework = ranking.framework
    alone = parindex.score_many(framework, [parindex.load_assessment(parindex.example_path())])
    note = ("Thứ hạng ở đây là thứ hạng giữa 1 đơn vị của báo cáo này, ít hơn số đơn vị được "
            "xếp hạng trong kết quả công bố: Xã Thủy Thanh: hạng trong nhóm 2/10.")
    assert f'<p class="note">{note}</p>' in parindex.report_html(alone)
    assert "Ranks here are among the 1 units of this report, fewer than the published results " \
        "ranked: Xã Thủy Thanh: group rank 2/10." in parindex.report_html(alone, lang="en")
    # A group whose files print no larger count has no such note.
    assert "Thứ hạng ở đây" not in parindex.report_html(ranking)


def test_rank_shift_chart_labels_tied_units_once(ranking: parindex.Ranking) -> None:
    """Two units tied at a rank: one label naming both, not two labels drawn over each
    other."""
    framework = ranking.framework
    example = parindex.load_assessment(parindex.example_path())
    twins = [attrs.evolve(example, unit=name, group=None, published=parindex.Published())
             for name in ("Xã Một", "Xã Hai")]
    tied = parindex.score_many(framework, twins)
    assert [u.rank for u in tied] == [1, 1]
    svg = parindex.rank_shift_chart(tied, tied)
    labels = re.findall(r"<text[^>]*>([^<]*)</text>", svg)
    assert labels.count("1. Xã Hai, Xã Một") == 2 and "1. Xã Hai" not in labels


def test_rank_shift_chart_of_a_large_table_draws_its_best_units_and_the_unit_in_focus(
        ranking: parindex.Ranking) -> None:
    """A line per unit of a large table made a chart metres tall (1,000 units: 281 inches,
    20 s) with the ranks crowded into a blur: the ``limit`` best of the second year are
    drawn, each label beginning with its rank, and the report's unit too, in bold."""
    from parindex._render.charts import shift_chart

    found = parindex.profiles(ranking)
    ranks = {u.unit: u.rank for u in found.units}
    assert sorted(ranks.values()) == [1, 2, 3, 4, 5, 6]
    svg = parindex.rank_shift_chart(ranking, ranking, limit=2)
    labels = re.findall(r"<text[^>]*>([^<]*)</text>", svg)
    best = [f"{rank}. {unit}" for unit, rank in sorted(ranks.items(), key=lambda i: i[1])]
    assert [label for label in labels if re.match(r"\d+\. ", label)] == best[:2] * 2
    assert "2 đơn vị đứng đầu (trong 6 đơn vị)" in labels
    last = max(found.units, key=lambda u: u.rank)
    svg = shift_chart(found, found, limit=2, focus=last, lang="en")
    bold = re.findall(r'<text style="font-weight: 700;[^>]*>([^<]*)</text>', svg)
    assert bold == [f"6. {last.unit}"] * 2
    assert "the 2 best of 6 units" in svg
    # All shown: no title; the same chart as before for a table this small.
    assert "đứng đầu" not in parindex.rank_shift_chart(ranking, ranking)


def test_profile_chart_leaves_out_means_over_the_unit_alone(
        ranking: parindex.Ranking) -> None:
    """A unit alone (or alone in its group) is its own mean: no repeated bars."""
    framework = ranking.framework
    alone = parindex.score_many(framework, [parindex.load_assessment(parindex.example_path())])
    svg = parindex.field_profile_chart(alone, "Xã Thủy Thanh")
    assert "Trung bình chung" not in svg and "Trung bình nhóm" not in svg
    svg = parindex.field_profile_chart(ranking, "Xã C")  # Huyện X has three units
    assert "Trung bình chung" in svg and "Trung bình nhóm (Huyện X)" in svg


def test_report_prints_on_a4_with_source_framework_and_date(ranking: parindex.Ranking) -> None:
    from datetime import date

    page = parindex.report_html(ranking, source="docs/examples/group", made=date(2026, 3, 5))
    assert "@page { size: A4;" in page and "@media print" in page
    footer = re.search(r"<footer>(.*?)</footer>", page, re.DOTALL)
    assert footer is not None
    assert "Nguồn: docs/examples/group" in footer.group(1)
    assert "thua-thien-hue/commune/2022 (2204/QĐ-UBND, 12/09/2022)" in footer.group(1)
    assert "Lập ngày 05/03/2026" in footer.group(1)
    english = parindex.report_html(ranking, lang="en", made=date(2026, 3, 5))
    assert "Made on 2026-03-05" in english


def test_profile_chart_names_fields_and_gives_values(ranking: parindex.Ranking) -> None:
    svg = parindex.field_profile_chart(ranking, "Xã C")
    labels = re.findall(r"<text[^>]*>([^<]*)</text>", svg)
    assert any(label.startswith("Kế hoạch") for label in labels)  # short names under codes
    mine = parindex.profiles(ranking).unit("Xã C").sub_indices["1"]
    assert mine is not None
    assert f"{round(float(mine) * 100)}" in labels  # each bar's value is written on it


def test_rank_axes_are_integers_and_base_rank_is_drawn_over_the_median(
        ranking: parindex.Ranking) -> None:
    result = parindex.monte_carlo(ranking, parindex.Perturbation("weights", Fraction(1, 5)),
                                  draws=50)
    svg = parindex.rank_interval_chart(result)
    ticks = re.findall(r"<text[^>]*>([^<]*)</text>", svg)
    numbers = [t for t in ticks if re.fullmatch(r"[\d.,]+", t)]
    assert numbers and all(re.fullmatch(r"\d+", t) for t in numbers)  # no 2.5
    assert "Xếp hạng gốc" in svg


@pytest.mark.parametrize("thresholds", [(70.0, 80.0), (72.5,), (61.3, 77.7)])
def test_histogram_bins_break_at_every_threshold(thresholds: tuple[float, ...]) -> None:
    from parindex._render.charts import _bin_edges

    values = [60.1, 63.0, 71.2, 74.9, 78.8, 81.0, 88.4]
    edges = _bin_edges(values, 5, thresholds)
    assert edges == sorted(edges) and edges[0] <= min(values) and max(values) <= edges[-1]
    for threshold in thresholds:
        assert threshold in edges


def test_a_unit_on_a_threshold_is_counted_in_its_own_band(ranking: parindex.Ranking) -> None:
    """A bar holds its left edge, as a band its min ("từ 80 %"); under strict bounds
    ("trên 80 %") a unit at 80 is in the band below, and its bar is too."""
    from parindex._render.charts import _counts, distribution_chart

    edges = [60.0, 70.0, 80.0, 90.0]
    values = [60.0, 65.0, 70.0, 80.0, 80.0, 85.0, 89.5]
    assert _counts(values, edges, strict=False) == [2, 1, 4]
    assert _counts(values, edges, strict=True) == [3, 2, 2]
    framework = ranking.framework
    strict = attrs.evolve(framework, publication=attrs.evolve(framework.publication,
                                                              band_bounds="strict"))
    found = parindex.profiles(ranking)
    assert "Khá ≥ 70" in distribution_chart(found, framework)
    svg = distribution_chart(found, strict)
    assert "Khá &gt; 70" in svg and "≥" not in svg


@given(st.lists(st.integers(0, 2000), min_size=1, max_size=40),
       st.lists(st.integers(1, 199), max_size=4), st.booleans())
def test_every_value_is_counted_once_in_the_bin_that_holds_it(
        halves: list[int], thresholds: list[int], strict: bool) -> None:
    from parindex._render.charts import _bin_edges, _counts

    values = [h / 20 for h in halves]  # 0 to 100 in steps of 0.05: edges and ties happen
    edges = _bin_edges(values, 5, [t / 2 for t in thresholds])
    counts = _counts(values, edges, strict=strict)
    assert len(counts) == len(edges) - 1 and sum(counts) == len(values)
    last = len(counts) - 1
    for i, count in enumerate(counts):
        low, high = edges[i], edges[i + 1]
        held = [v for v in values if (low < v <= high or (i == 0 and v == low) if strict
                                      else low <= v < high or (i == last and v == high))]
        assert count == len(held)


def _leaf_units() -> tuple[parindex.Framework, list[parindex.Assessment]]:
    """The group's units with their points at the leaves only, as the kernel takes them."""
    framework = parindex.get_framework("thua-thien-hue/commune/2022")
    leaves = {node.code for node in framework.walk() if node.is_leaf}
    units = [parindex.load_assessment(p) for p in sorted(GROUP.glob("*.toml"))]
    return framework, [attrs.evolve(u, points={c: p for c, p in u.points.items()
                                               if c in leaves}) for u in units]


def test_a_batch_reports_exactly_as_its_ranking() -> None:
    """The kernel's BatchResult (a large table's path: no unit rescored) gives the same
    page, charts included, as the Ranking of the same units, for the table and for a unit
    (explained by its own result)."""
    from datetime import date

    framework, units = _leaf_units()
    ranking = parindex.score_many(framework, units)
    batch = parindex.score_many(framework, units, batch=True)
    assert batch.year == 2022
    result = parindex.monte_carlo(batch, parindex.Perturbation("weights", Fraction(1, 5)),
                                  draws=20)
    assert parindex.totals_chart(batch) == parindex.totals_chart(ranking)
    assert parindex.field_profile_chart(batch, "Xã C", group="Huyện X") == \
        parindex.field_profile_chart(ranking, "Xã C")
    assert parindex.rank_shift_chart(ranking, batch) == \
        parindex.rank_shift_chart(ranking, ranking)
    made = date(2026, 3, 5)
    for lang in ("vi", "en"):
        assert parindex.report_html(batch, lang=lang, made=made) == \
            parindex.report_html(ranking, lang=lang, made=made)
    chosen = next(u for u in units if u.unit == "Xã C")
    page = parindex.report_html(batch, unit="xã c", result=parindex.score(framework, chosen),
                                monte_carlo=result, previous=batch, made=made)
    assert page == parindex.report_html(ranking, unit="xã c", monte_carlo=result,
                                        previous=ranking, made=made)
    assert "Báo cáo Chỉ số CCHC 2022: Xã C" in page and page.count("<svg") == 4
    with pytest.raises(parindex.ArgumentError, match="needs the unit's result"):
        parindex.report_html(batch, unit="Xã C")
    with pytest.raises(parindex.ArgumentError, match="Xã C's, not Xã A's"):
        parindex.report_html(batch, unit="Xã A", result=parindex.score(framework, chosen))


def test_report_cli_takes_a_leaf_table_through_the_kernel(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A table of leaf points is reported without explaining its units one by one (the
    one-unit scorer is refused to score_many here): the unit in focus alone is explained,
    and the page is the one the full ranking gives."""
    from datetime import datetime, timezone

    import parindex._engine.ranking as engine

    framework, units = _leaf_units()
    ranking = parindex.score_many(framework, units)
    table = parindex.write_table(ranking, tmp_path / "leaves.csv")
    expected = parindex.report_html(ranking, unit="Xã C", lang="en", source=str(table),
                                    made=datetime.now(timezone.utc).date())

    def refused(*_: object) -> None:
        raise AssertionError("a unit was explained one by one")

    monkeypatch.setattr(engine, "score", refused)
    out = tmp_path / "report.html"
    assert main(["report", str(table), "--framework", framework.id, "--unit", "xã c",
                 "--group", "huyện x", "-o", str(out), "--lang", "en"]) == 0
    assert out.read_text("utf-8") == expected


def test_report_shows_totals_as_the_framework_declares() -> None:
    """A total of whole points is shown whole, as the table prints it ("93", not "93.0"):
    the framework declares no places for totals,
    and its ``decimals`` only bound a longer total (78.6367 → 78.637, above). Places
    declared for totals (``[publication] decimals``) are followed."""
    examples = Path(__file__).resolve().parents[1] / "docs" / "examples"
    framework = parindex.load_framework(examples / "example-framework.toml")
    units = parindex.read_table(examples / "results-2024.csv", framework).assessments
    ranking = parindex.score_many(framework, units)
    page = parindex.report_html(ranking, lang="en")
    assert '<td class="num">93</td>' in page and '<td class="num">93.0</td>' not in page
    assert '<div class="value">82</div>' in page  # the median card
    declared = attrs.evolve(framework, publication=attrs.evolve(
        framework.publication, decimals={"total": 1}))
    page = parindex.report_html(parindex.score_many(declared, units), lang="vi")
    assert '<td class="num">93,0</td>' in page


def test_report_takes_the_years_of_tables_without_a_year_column(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The example framework covers 2024-2025: a table without a year column needs its
    year, and report had no option to give the previous table's (compare has --old-year
    and --year): --year and --previous-year."""
    examples = GROUP.parent
    tables = []
    for name in ("results-2024.csv", "results-2025.csv"):
        title, *lines = (examples / name).read_text(encoding="utf-8").splitlines()
        tables.append(tmp_path / name)
        tables[-1].write_text("\n".join([title, *(line.split(";", 1)[1] for line in lines)]),
                              encoding="utf-8")
    out = tmp_path / "r.html"
    args = ["report", str(tables[1]), "--framework", str(examples / "example-framework.toml"),
            "--previous", str(tables[0]), "-o", str(out), "--lang", "en"]
    assert main([*args, "--year", "2025"]) == 2  # the previous table's year: said, not guessed
    assert "results-2024.csv: no year" in capsys.readouterr().err and not out.exists()
    assert main([*args, "--year", "2025", "--previous-year", "2024"]) == 0
    page = out.read_text(encoding="utf-8")
    # The rank-change chart, its two years on the axis.
    assert "parindex-shift" in page and ">2024<" in page and ">2025<" in page


def test_units_tied_on_a_field_are_named_a_few_and_counted(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """profiles and the report's field table listed every unit tied on a field's highest or
    lowest sub-index (a 1,000-unit table: about 750 lines); a few are named, then how many
    more, as the rank chart's labels do (one helper for all three)."""
    import json

    import tomli_w

    from parindex._formats.toml import assessment_to_dict

    example = parindex.load_assessment(parindex.example_path())
    names = [f"Xã Minh Họa {i}" for i in range(1, 8)]  # seven copies of one unit: all tied
    twins = [attrs.evolve(example, unit=name, origin=None) for name in names]
    for i, twin in enumerate(twins):
        (tmp_path / f"{i}.toml").write_text(tomli_w.dumps(assessment_to_dict(twin)),
                                            encoding="utf-8")
    tied = parindex.score_many(parindex.get_framework(example.framework), twins)
    shown = "Xã Minh Họa 1, Xã Minh Họa 2, Xã Minh Họa 3"
    monkeypatch.setenv("COLUMNS", "400")  # a row a line
    for lang, more in (("vi", " và 4 đơn vị khác"), ("en", " and 4 more")):
        assert main(["profiles", str(tmp_path), "--lang", lang]) == 0
        out = capsys.readouterr().out
        # Nine fields (eight and the survey), each unit tied on the highest and the lowest.
        assert out.count(shown + more) == 2 * 9 and "Xã Minh Họa 7" not in out
        assert parindex.report_html(tied, lang=lang).count(shown + more) == 2 * 9
        labels = re.findall(r"<text[^>]*>([^<]*)</text>",
                            parindex.rank_shift_chart(tied, tied, lang=lang))
        assert labels.count("1. Xã Minh Họa 1, Xã Minh Họa 2" + more.replace("4", "5")) == 2
    assert main(["profiles", str(tmp_path), "--json"]) == 0  # the data keeps them all
    fields = json.loads(capsys.readouterr().out)["fields"]
    assert all(field["best"] == names for field in fields)
