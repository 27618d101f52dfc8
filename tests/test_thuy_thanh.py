"""Seed 000: xã Thủy Thanh's appraised PAR INDEX result for 2022, reproduced exactly."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import attrs
import pytest

import parindex
from parindex import NOT_ARISING

D = Decimal


def test_appraised_part_and_total_are_exactly_as_printed(hue, thuy_thanh):
    result = parindex.score(hue, thuy_thanh)
    # "đạt 49.97/70 điểm" and "28.666/30.0 điểm", "đạt 78.636/100 điểm"
    assert result.appraised == D("49.97")
    assert result.survey == D("28.666")
    assert result.total == D("78.636")
    assert result.max == D("100.0")


def test_field_totals_match_every_printed_field(hue, thuy_thanh):
    result = parindex.score(hue, thuy_thanh)
    printed = {"1": "5.86", "2": "2.5", "3": "11.73", "4": "3.0", "5": "10", "6": "8.0",
               "7": "7.88", "8": "1.0", "9": "28.666"}
    assert {code: result.nodes[code].points for code in printed} == \
        {code: D(value) for code, value in printed.items()}


def test_not_arising_item_leaves_the_arising_maximum(hue, thuy_thanh):
    result = parindex.score(hue, thuy_thanh)
    assert result.nodes["3.5.2"].not_arising
    assert result.nodes["3.5"].arising_max == D("1.5")
    assert result.arising_max == D("99.5")
    assert result.index == Fraction(78636, 995)  # 78.636 / 99.5 × 100, exactly
    assert result.display(result.index) == "79.031"


def test_band_under_qd_2204_is_kha(hue, thuy_thanh):
    result = parindex.score(hue, thuy_thanh)
    assert result.band is not None and result.band.name == "Khá"  # 70 ≤ 79.03 < 80


def test_the_seed_disagreeing_with_itself_is_listed(hue, thuy_thanh):
    result = parindex.score(hue, thuy_thanh)
    # 3.5 is printed 0.5/2.0, but its items give 0.5 + 0.75 with 3.5.2 not arising;
    # field 3's printed 11.73 agrees with the items, not with the printed 0.5.
    [discrepancy] = result.discrepancies
    assert (discrepancy.what, discrepancy.published, discrepancy.computed) == \
        ("3.5", "0.5", "1.25")
    assert "3.5.1 + 3.5.3 = 0.5 + 0.75 = 1.25" in discrepancy.evidence
    assert "3.5.2 did not arise" in discrepancy.evidence
    findings = {(f.kind, f.code) for f in result.findings}
    # Fields 3 and 6: the printed items' maxima fall 1.0 short of the field's maximum.
    assert findings == {("maxima", "3"), ("maxima", "6"), ("partial", "3"), ("items", "6")}
    six = next(f for f in result.findings if f.kind == "items")
    assert "given 8.0; its items add up to 7.0" in six.message


def test_group_rank_cannot_be_checked_from_one_unit(hue, thuy_thanh):
    result = parindex.score(hue, thuy_thanh)
    assert result.unchecked == (
        "group_rank 2/10: needs the other units of Thị xã Hương Thủy scored together "
        "(parindex.score_many)",)


def test_lost_points_and_comments_per_node(hue, thuy_thanh):
    result = parindex.score(hue, thuy_thanh)
    node = result.nodes["3.4.1"]
    assert (node.points, node.max, node.lost) == (D("1.98"), D("2.0"), D("0.02"))
    assert node.comment == "xã Thủy Thanh đã giải quyết 985/987 hồ sơ, đạt 99.8%"
    assert result.nodes["3"].lost == D("2.27")  # 14.0 arising − 11.73
    assert sum(n.lost for n in result.nodes.values() if n.depth == 0) == \
        result.arising_max - result.total


def test_deriving_field_6_from_its_items_alone_is_reported(hue, thuy_thanh):
    points = {k: v for k, v in thuy_thanh.points.items() if k != "6"}
    result = parindex.score(hue, attrs.evolve(thuy_thanh, points=points))
    assert result.nodes["6"].points == D("7.0")
    assert result.total == D("77.636")
    assert ("partial", "6") in {(f.kind, f.code) for f in result.findings}
    assert {d.what for d in result.discrepancies} == {"3.5", "6", "appraised", "total"}


def test_self_assessed_difference(hue, thuy_thanh):
    assessed = attrs.evolve(thuy_thanh, self_assessed={"1.1.1": D("1.0"), "1.1.2": D("1.0")})
    result = parindex.score(hue, assessed)
    assert result.nodes["1.1.1"].self_difference == D("1.0")
    assert result.nodes["1.1"].self_assessed == D("2.0")
    assert result.nodes["1.1"].self_difference == D("1.2")
    assert result.nodes["1.2"].self_assessed is None


def test_ranking_within_the_town(hue, thuy_thanh):
    # The seed ranks Thủy Thanh 2nd of 10 on the appraised part; with three made-up
    # neighbours the published rank is checked against those scored together.
    def neighbour(name, field5):
        points = dict(thuy_thanh.points, **{"5": D(field5)})
        return attrs.evolve(thuy_thanh, unit=name, points=points,
                            published=parindex.Published())

    ranking = parindex.score_many(hue, [thuy_thanh, neighbour("Phường A", "10"),
                                        neighbour("Xã B", "9"), neighbour("Xã C", "8")])
    ranks = {u.result.unit: (u.rank, u.group_rank) for u in ranking}
    assert ranks == {"Xã Thủy Thanh": (1, 1), "Phường A": (1, 1), "Xã B": (3, 3),
                     "Xã C": (4, 4)}
    unit = ranking.unit("xã thủy thanh")
    assert any("printed among 10 units, but 4" in u for u in unit.result.unchecked)


def test_not_arising_marks_round_trip(thuy_thanh):
    again = parindex.loads_assessment(parindex.dumps_assessment(thuy_thanh))
    assert again == thuy_thanh
    assert again.points["3.5.2"] is NOT_ARISING


@pytest.mark.parametrize("policy, total, arising", [
    ("full", "79.136", "100.0"), ("zero", "78.636", "100.0"), ("exclude", "78.636", "99.5"),
])
def test_not_arising_policies(hue, thuy_thanh, policy, total, arising):
    framework = attrs.evolve(hue, not_arising=parindex.NotArisingPolicy(policy))
    result = parindex.score(framework, thuy_thanh)
    assert (result.total, result.arising_max) == (D(total), D(arising))


PRINTED_SUBTOTALS = {"1": "5.86", "1.1": "0.8", "1.3": "1.0", "1.4": "2.0", "2": "2.5",
                     "2.1": "1", "3": "11.73", "3.4": "4.48", "3.5": "0.5", "6": "8.0",
                     "6.2": "2.0", "7": "7.88", "7.1": "1.5", "7.4": "1.0", "7.6": "2.0",
                     "7.7": "1.5", "8": "1.0"}


@pytest.mark.parametrize("also_published", [False, True])
def test_typing_every_printed_subtotal_with_its_items_counts_nothing_twice(
        hue, thuy_thanh, also_published):
    # How a reviewer types seed 000 line by line: each field and criterion with the
    # points printed for it, and its items below. Given nodes are not re-derived, so
    # the sums are the printed ones, and each place the seed disagrees with itself is
    # a finding on that node: 3.5 (0.5 printed, items 1.25), hence field 3 (11.73
    # printed, printed criteria 10.98), and field 6 (8.0 printed, items 7.0).
    points = {**thuy_thanh.points, **{c: D(v) for c, v in PRINTED_SUBTOTALS.items()}}
    published = thuy_thanh.published
    if also_published:
        published = attrs.evolve(published, points={c: D(v) for c, v in
                                                    PRINTED_SUBTOTALS.items()},
                                 rank=parindex.PublishedRank(2, 10))
    unit = attrs.evolve(thuy_thanh, points=points, published=published)
    result = parindex.score(hue, unit)
    assert (result.appraised, result.survey, result.total) == \
        (D("49.97"), D("28.666"), D("78.636"))
    assert result.band is not None and result.band.name == "Khá"
    assert result.discrepancies == ()  # every printed figure is now given as printed
    items = {f.code: f.message for f in result.findings if f.kind == "items"}
    assert set(items) == {"3.5", "3", "6"}
    assert items["3.5"] == "given 0.5, but its items 3.5.1 + 3.5.3 add up to 1.25"
    assert items["3"].startswith("given 11.73; its items add up to 10.98")
    assert items["6"].startswith("given 8.0; its items add up to 7.0")
    assert {(f.kind, f.code) for f in result.findings if f.kind == "maxima"} == \
        {("maxima", "3"), ("maxima", "6")}
