"""Lost points and gaps: the Thủy Thanh example against seed 000, and invariants."""

from __future__ import annotations

import json
from decimal import Decimal
from fractions import Fraction

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import parindex
from parindex._analysis.gaps import needed_text
from parindex._cli import main
from parindex.testing import strategies as pst

SEED = "shared/seeds/000_c20d88a6624ff287.txt"

#: Every item seed 000 prints below its maximum, with the points it prints, typed from the
#: seed's text (section I.2), not from parindex: code → (points, maximum, seed line).
#: Item 3.5.2 (line 86) is printed "x" (không phát sinh): it lost nothing.
SEED_BELOW_MAXIMUM = {
    "1.1.1": ("0.0", "1.0", 26),
    "1.1.2": ("0.8", "1.0", 28),
    "1.2": ("0.75", "1.0", 30),
    "1.3.2": ("0.0", "1.0", 36),
    "1.5": ("0.0", "1.0", 44),
    "1.6": ("1.31", "2.0", 46),
    "2.1.1": ("0.0", "1.0", 52),
    "2.1.3": ("0.5", "1.0", 56),
    "2.2": ("0.0", "0.5", 58),
    "3.4.1": ("1.98", "2.0", 74),
    "3.4.2": ("0.5", "1.0", 76),
    "3.4.3": ("1.0", "1.5", 78),
    "3.5.3": ("0.75", "1.0", 88),
    "6.2.1": ("1.0", "2.0", 100),
    "7.1.1": ("0.0", "1.0", 112),
    "7.1.3": ("0.5", "1.0", 116),
    "7.2": ("0.38", "1.5", 118),
    "7.3": ("0.0", "1.5", 120),
    "7.4.2": ("0.0", "1.0", 126),
    "7.6.1": ("0.5", "1.0", 132),
    "7.6.3": ("0.5", "1.0", 136),
    "7.7.2": ("0.5", "1.0", 142),
    "7.8": ("0.5", "1.0", 144),
    "8.1": ("1.0", "2.0", 148),
    "8.2": ("0.0", "2.0", 150),
    "9": ("28.666", "30.0", 154),
}


@pytest.fixture(scope="module")
def thuy_thanh() -> parindex.Result:
    framework = parindex.get_framework("thua-thien-hue/commune/2022")
    return parindex.score(framework, parindex.load_assessment(parindex.example_path()))


def test_lost_items_match_the_seed(thuy_thanh: parindex.Result) -> None:
    lost = parindex.lost_points(thuy_thanh)
    itemised = {i.code: (str(i.points), str(i.max)) for i in lost.items if i.itemised}
    assert itemised == {code: (p, m) for code, (p, m, _) in SEED_BELOW_MAXIMUM.items()}
    for item in lost.items:
        if item.itemised:
            points, maximum, _ = SEED_BELOW_MAXIMUM[item.code]
            assert item.lost == Decimal(maximum) - Decimal(points)


def test_field_3_remainder_is_not_itemised(thuy_thanh: parindex.Result) -> None:
    # Seed line 64 prints field 3 as 11.73/14.5 while its items' maxima (lines 66-88) add
    # up to 13.5, and 3.5.2 (0.5) did not arise: of the 14.0 that arose, the items lose
    # 0.02 + 0.5 + 0.5 + 0.25 = 1.27, the field 2.27: 1.0 is lost in what is not itemised.
    lost = parindex.lost_points(thuy_thanh)
    rest = [i for i in lost.items if not i.itemised]
    assert [(i.code, i.lost) for i in rest] == [("3", Decimal("1.0"))]


def test_sorted_and_grouped(thuy_thanh: parindex.Result) -> None:
    lost = parindex.lost_points(thuy_thanh)
    losses = [i.lost for i in lost.items]
    assert losses == sorted(losses, reverse=True)
    assert lost.items[0].code == "8.2"  # 0.0/2.0, line 150: the largest loss
    assert [f.code for f in lost.fields] == ["1", "2", "3", "6", "7", "8", "9"]
    by_field = {f.code: f for f in lost.fields}
    # Line 22: field 1 is 5.86/10.0; line 108: field 7 is 7.88/15.0.
    assert by_field["1"].sub_index == Fraction(586, 1000)
    assert by_field["7"].sub_index == Fraction(788, 1500)
    assert by_field["7"].lost == sum((i.lost for i in by_field["7"].items), Decimal(0))
    assert by_field["1"].items[0].comment == \
        "Đã ban hành KH, nhưng thời gian ký số không phù hợp."  # line 26


def test_next_band(thuy_thanh: parindex.Result) -> None:
    # Index 78.636 / 99.5 × 100 ≈ 79.03 (band Khá); Tốt starts at 80 (QĐ 2204): the total
    # must reach 80 × 99.5 / 100 = 79.6, so 0.964 more points.
    target = parindex.lost_points(thuy_thanh).next_band
    assert target is not None
    assert target.band.name == "Tốt"
    assert target.needed == Fraction("0.964")
    assert target.reachable
    # Not "3": field 3's 1.0 lost outside its items is no item to fix on its own.
    assert {i.code for i in target.sufficient} == {
        "8.2", "7.3", "9", "7.2", "1.1.1", "1.3.2", "1.5", "2.1.1", "6.2.1", "7.1.1",
        "7.4.2", "8.1"}


def _unit(result: parindex.Result, name: str, scale: Decimal) -> parindex.Assessment:
    """The Thủy Thanh assessment with its survey points scaled, as another unit."""
    example = result.assessment
    points = dict(example.points)
    points["9"] = (Decimal("28.666") * scale).quantize(Decimal("0.001"))
    return attrs.evolve(example, unit=name, points=points, published=parindex.Published())


def test_gaps_to_the_next_units(thuy_thanh: parindex.Result) -> None:
    framework = thuy_thanh.framework
    units = [attrs.evolve(thuy_thanh.assessment, published=parindex.Published()),
             _unit(thuy_thanh, "Xã A", Decimal("1.01")),
             _unit(thuy_thanh, "Xã B", Decimal("1.01")),
             _unit(thuy_thanh, "Xã C", Decimal("1.04"))]
    ranking = parindex.score_many(framework, units)
    found = parindex.gaps(ranking, "xã thủy thanh")
    assert (found.rank, found.of, found.within) == (4, 4, "group")
    # A and B tie at the next place: 28.953 on the survey, 0.287 more than Thủy Thanh. The
    # framework ranks on the index, with the same arising maximum (99.5): the gap is
    # exactly the difference in points, and a tie shares the place (no tie-break).
    assert [(t.unit, t.rank, t.gap, t.at_gap) for t in found.ahead] == [
        ("Xã A", 2, Fraction("0.287"), "share"), ("Xã B", 2, Fraction("0.287"), "share")]
    assert all(t.strict for t in found.ahead)
    assert {i.code for i in found.ahead[0].sufficient} == {
        i.code for i in found.lost.items if i.itemised and i.lost > Decimal("0.287")}
    two = parindex.gaps(ranking, "Xã Thủy Thanh", places=2)
    assert [t.unit for t in two.ahead][-1] == "Xã C"
    top = parindex.gaps(ranking, "Xã C")
    assert top.ahead == () and top.rank == 1


def test_needed_text_rounds_up() -> None:
    assert needed_text(Fraction("0.964"), 3) == "0.964"
    assert needed_text(Fraction(2, 3), 2) == "0.67…"
    assert needed_text(Fraction(1, 1000), 2) == "0.01…"


def test_gaps_cli_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["gaps", str(parindex.example_path()), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["total_lost"] == "20.864"
    assert data["next_band"]["needed"] == {"exact": "241/250", "display": "0.964"}
    assert [i["code"] for i in data["items"] if i["itemised"]] == [
        i.code for i in parindex.lost_points(parindex.score(
            parindex.get_framework("thua-thien-hue/commune/2022"),
            parindex.load_assessment(parindex.example_path()))).items if i.itemised]


def test_gaps_cli_table_groups_items_under_their_field(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    assert main(["gaps", str(parindex.example_path())]) == 0
    rows = [line.split("│")[1].strip() for line in capsys.readouterr().out.splitlines()
            if line.startswith("│") and line.split("│")[1].strip()]
    # Fields in printed order, each followed by its own items, most points lost first.
    fields = [code for code in rows if "." not in code]
    assert fields == ["1", "2", "3", "3", "6", "7", "8", "9"]  # 3 twice: its remainder
    assert rows[rows.index("8") + 1:rows.index("9")] == ["8.2", "8.1"]
    assert rows[rows.index("1") + 1] == "1.1.1" and rows.index("1.1.2") < rows.index("2")
    assert rows.count("9") == 1  # the survey block is not listed again as its own item


def test_gaps_cli_names_a_criterion_whose_comment_is_listed_above_its_items(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    # 2.1's comment (Thủy Thanh, Kế hoạch 69/KH-UBND) was a row with its code alone.
    monkeypatch.setenv("COLUMNS", "200")
    assert main(["gaps", str(parindex.example_path())]) == 0
    (row,) = [line for line in capsys.readouterr().out.splitlines() if line.startswith("│ 2.1 ")]
    cells = [cell.strip() for cell in row.split("│")[1:-1]]
    assert cells[:4] == ["2.1", "Theo dõi THPL", "", ""]
    assert cells[-1].startswith("Thống nhất kết quả chấm điểm")


def test_gaps_cli_needs_a_unit_among_several(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    example = parindex.load_assessment(parindex.example_path())
    for name in ("Xã A", "Xã B"):
        other = attrs.evolve(example, unit=name, published=parindex.Published())
        (tmp_path / f"{name}.toml").write_text(parindex.dumps_assessment(other), "utf-8")
    assert main(["gaps", str(tmp_path)]) == 2
    assert "--unit" in capsys.readouterr().err
    assert main(["gaps", str(tmp_path), "--unit", "xã b", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["rank"], data["of"], data["ahead"]) == (1, 2, [])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_lost_points_add_up(data: st.DataObject) -> None:
    """Σ lost = (arising maximum of criteria and survey + bonus maximum) − total.

    Items that did not arise under ``exclude`` lose nothing (their maximum left the
    arising maximum); under ``full`` they count full marks, under ``zero`` they lose
    their maximum. Bonus points not won count as lost; a penalty's deduction counts as
    lost (the total subtracts it).
    """
    framework = data.draw(pst.frameworks())
    assessment = data.draw(pst.assessments(framework))
    try:
        result = parindex.score(framework, assessment)
    except parindex.ParindexError:
        return
    lost = parindex.lost_points(result)
    if lost.unknown:
        return
    assert lost.total_lost == lost.attainable - result.total
    assert all(i.lost != 0 for i in lost.items)
    for field in lost.fields:
        assert field.lost == sum((i.lost for i in field.items), Decimal(0))


def test_gaps_cli_reads_a_results_table(capsys: pytest.CaptureFixture[str]) -> None:
    from pathlib import Path

    table = Path(__file__).resolve().parents[1] / "docs" / "examples" / "results-2022.csv"
    assert main(["gaps", str(table), "--unit", "Xã Thủy Thanh", "--json"]) == 2
    # Under --json the error is JSON on stdout, like the output it replaces.
    assert "--framework" in json.loads(capsys.readouterr().out)["problems"][0]["message"]
    assert main(["gaps", str(table), "--framework", "thua-thien-hue/commune/2022",
                 "--unit", "Xã Thủy Thanh", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    # The table gives field totals only (seed 000's figures): the lost points are per
    # field, and they add up to the maximum minus the total 78.636.
    assert data["total"] == "78.636"
    assert Decimal(data["total_lost"]) == Decimal(data["attainable"]) - Decimal("78.636")
    assert data["within"] == "all" and data["ahead"]


def test_gaps_cli_shows_the_remainder_without_its_nodes_points(
        capsys: pytest.CaptureFixture[str]) -> None:
    """Field 3's remainder is not worth 11.73/14 (those are the field's): its row shows
    no points, and its lost points read 1 like the other rows, not 1.00."""
    from parindex._cli import main

    assert main(["gaps", str(parindex.example_path())]) == 0
    out = capsys.readouterr().out
    field, remainder = [line for line in out.splitlines() if line.startswith("│ 3 ")]
    assert "11.73 / 14 " in field  # the field's own row
    assert "11.73 / 14" not in remainder and "—" in remainder and " 1 " in remainder
    assert "1.00" not in out and " 1.0 " not in out


def test_a_remainder_is_not_an_item_that_suffices() -> None:
    """Field 3's 1.0 lost outside its items would cover a gap of 0.5, but it is not an
    item the unit can set out to fix: passing the unit above does not offer it."""
    result = parindex.score(parindex.get_framework("thua-thien-hue/commune/2022"),
                            parindex.load_assessment(parindex.example_path()))
    units = [attrs.evolve(result.assessment, published=parindex.Published()),
             _unit(result, "Xã A", Decimal("1.0175"))]  # 28.666 × 1.0175 = 29.168: +0.502
    found = parindex.gaps(parindex.score_many(result.framework, units), "Xã Thủy Thanh")
    assert found.ahead[0].gap == Fraction("0.502")
    remainder = next(i for i in found.lost.items if not i.itemised)
    assert remainder.code == "3" and remainder.lost > Decimal("0.502")
    assert remainder not in found.ahead[0].sufficient


def test_gaps_of_a_batch_without_the_unit_s_result_is_a_typed_error(
        thuy_thanh: parindex.Result) -> None:
    """The kernel's batch cannot explain a unit: gaps() asks for its result, in the
    library's typed error (a ValueError too), said in either language."""
    leaves = {n.code for n in thuy_thanh.framework.walk() if n.is_leaf}
    unit = attrs.evolve(thuy_thanh.assessment, published=parindex.Published(), points={
        c: v for c, v in thuy_thanh.assessment.points.items() if c in leaves})
    batch = parindex.score_many(thuy_thanh.framework, [unit], batch=True)
    with pytest.raises(parindex.ArgumentError,
                       match=r"gaps\(\) of a BatchResult needs the unit's own result") as caught:
        parindex.gaps(batch, "Xã Thủy Thanh")
    assert isinstance(caught.value, ValueError)
    assert caught.value.problem.said("vi") == (
        "gaps() của một BatchResult cần kết quả của chính đơn vị (result=parindex.score(...))")
    found = parindex.gaps(batch, "Xã Thủy Thanh", result=parindex.score(thuy_thanh.framework,
                                                                          unit))
    assert (found.rank, found.of) == (1, 1)


def test_comments_on_criteria_listed_through_their_items_are_kept(
        capsys: pytest.CaptureFixture[str]) -> None:
    """Seed 000 comments on 2.1 (1/2.5) as well as on 2.1.1 and 2.1.3: 2.1's lost points
    are listed at its items, and its comment is kept on field 2, not dropped."""
    from parindex._cli import main

    result = parindex.score(parindex.get_framework("thua-thien-hue/commune/2022"),
                            parindex.load_assessment(parindex.example_path()))
    fields = {f.code: f for f in parindex.lost_points(result).fields}
    comment = "Thống nhất kết quả chấm điểm của thành viên Tổ giúp việc."
    assert fields["2"].notes == (("2.1", comment),)
    assert all(f.notes == () for code, f in fields.items() if code != "2")
    assert main(["gaps", str(parindex.example_path())]) == 0
    row = next(line for line in capsys.readouterr().out.splitlines()
               if line.startswith("│ 2.1 "))
    assert comment.split()[0] in row  # under field 2, before its items 2.1.1 and 2.1.3
    assert f"Đánh giá của Hội đồng thẩm định về tiêu chí 2.1: {comment}" in \
        parindex.plan_markdown(result)
