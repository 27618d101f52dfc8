"""Scoring semantics on small frameworks written for the purpose."""

from __future__ import annotations

from decimal import Decimal as D
from fractions import Fraction

import attrs
import pytest

import parindex
from parindex import NOT_ARISING, MissingInformationError

THAI_NGUYEN_LIKE = """
# A 110-point framework: 100 + 10 bonus/penalty, as Thái Nguyên's communes use.
id = "test/commune/2024"
name = "Thử"
level = "commune"
first_year = 2024
band_basis = "total"
ranking = "dense"
tie_break = ["2"]
[legal_basis]
decision = "1/QĐ-UBND"
[sources]
s = "a made-up source for tests"
[[bands]]
name = "Tốt"
min = 80
status = "read"
source = "s"
[[bands]]
name = "Khá"
min = "unknown"
status = "unknown"
[[bands]]
name = "Trung bình"
min = 0
status = "read"
source = "s"
[criteria."1"]
name = "Một"
max = 40
status = "read"
source = "s"
[criteria."1.1"]
name = "Một một"
max = 20
status = "read"
source = "s"
[criteria."1.2"]
name = "Một hai"
max = 20
status = "read"
source = "s"
[criteria."2"]
name = "Điều tra xã hội học"
kind = "survey"
max = 60
status = "read"
source = "s"
[criteria.B]
name = "Điểm cộng"
kind = "bonus"
max = 10
status = "read"
source = "s"
[criteria.P]
name = "Điểm trừ"
kind = "penalty"
max = 10
status = "read"
source = "s"
"""


@pytest.fixture(scope="module")
def framework() -> parindex.Framework:
    return parindex.loads_framework(THAI_NGUYEN_LIKE)


@pytest.fixture(scope="module")
def complete() -> parindex.Framework:
    """The same with the unknown threshold supplied."""
    return parindex.loads_framework(THAI_NGUYEN_LIKE.replace(
        'min = "unknown"\nstatus = "unknown"', 'min = 65\nstatus = "read"\nsource = "s"'))


def unit(name: str, p11: str, p12: str, survey: str, bonus: str = "0", penalty: str = "0",
         group: str | None = None) -> parindex.Assessment:
    return parindex.Assessment(
        framework="test/commune/2024", unit=name, year=2024, group=group,
        points={"1.1": D(p11), "1.2": D(p12), "2": D(survey), "B": D(bonus), "P": D(penalty)})


def test_bonus_adds_penalty_subtracts(framework):
    assert framework.max == 110
    result = parindex.score(framework, unit("Xã A", "20", "15", "50", bonus="5", penalty="2.5"))
    assert (result.appraised, result.survey, result.bonus, result.penalty) == \
        (D(35), D(50), D(5), D("2.5"))
    assert result.total == D("87.5")
    assert result.arising_max == 100  # bonus and penalty are not arising duties
    assert result.nodes["P"].lost == D("2.5")
    assert result.band.name == "Tốt"  # on points: 87.5 ≥ 80


def test_unknown_threshold_refuses_only_where_it_decides(framework):
    # 85 reaches "Tốt" whatever the unknown threshold below it is ...
    assert parindex.classify(framework, D(85)).name == "Tốt"
    # ... but 70 might be "Khá" or "Trung bình": nobody published where "Khá" starts.
    with pytest.raises(MissingInformationError, match="reaches band 'Khá'"):
        parindex.classify(framework, D(70))
    with pytest.raises(MissingInformationError):
        parindex.score(framework, unit("Xã B", "10", "10", "40"))


def test_classify_takes_exact_numbers_and_refuses_others_by_a_typed_error(framework):
    from fractions import Fraction

    assert {parindex.classify(framework, v).name
            for v in (D(85), 85, "85", Fraction(170, 2))} == {"Tốt"}
    # Fraction() would take 85.0 as its binary value, and raise a bare ValueError for text.
    for value, said in ((85.0, "85.0 is a binary float"), ("tám", "'tám' is not a number"),
                        (D("NaN"), "nan is not a finite number")):
        with pytest.raises(parindex.ArgumentError, match=f"^value: {said}"):
            parindex.classify(framework, value)


def test_dense_ranks_and_declared_tie_break(complete):
    ranking = parindex.score_many(complete, [
        unit("Xã A", "20", "20", "50"),             # 90
        unit("Xã B", "20", "10", "60"),             # 90, survey 60 wins the tie-break
        unit("Xã C", "15", "20", "50"),             # 85
        unit("Xã D", "20", "15", "50"),             # 85, same survey: shares the rank
    ])
    assert [(u.result.unit, u.rank) for u in ranking] == [
        ("Xã A", 2), ("Xã B", 1), ("Xã C", 3), ("Xã D", 3)]


def test_group_ranks(complete):
    ranking = parindex.score_many(complete, [
        unit("Xã A", "20", "20", "60", group="Huyện 1"),
        unit("Xã B", "20", "20", "50", group="Huyện 2"),
        unit("Xã C", "10", "20", "50", group="huyện 1"),  # groups compare case-insensitively
    ])
    assert [(u.rank, u.group_rank, u.group_of) for u in ranking] == [
        (1, 1, 2), (2, 1, 1), (3, 2, 2)]


def test_unit_twice_is_an_error(complete):
    with pytest.raises(parindex.AssessmentError, match="appears twice"):
        parindex.score_many(complete, [unit("Xã A", "1", "1", "50"),
                                        unit("xã a", "1", "1", "50")])
    with pytest.raises(parindex.AssessmentError, match="appears twice in huyện 1"):
        parindex.score_many(complete, [unit("Xã A", "1", "1", "50", group="Huyện 1"),
                                        unit("xã a", "1", "1", "50", group="huyện 1")])


def test_same_name_in_two_groups_is_two_units(complete):
    # Commune names repeat across districts (there are many a "Xã Hòa Bình").
    ranking = parindex.score_many(complete, [unit("Xã A", "1", "1", "50", group="Huyện 1"),
                                             unit("Xã A", "1", "1", "40", group="Huyện 2")])
    assert [u.rank for u in ranking] == [1, 2]
    assert ranking.unit("xã a", group="huyện 2").result.total < ranking.unit(
        "Xã A", group="Huyện 1").result.total
    with pytest.raises(KeyError, match=r"could mean 2 units: Xã A \(Huyện 1\); Xã A \(Huyện 2\)"):
        ranking.unit("Xã A")


def test_node_given_at_a_higher_level_is_not_derived(complete):
    assessment = attrs.evolve(unit("Xã A", "20", "20", "50"),
                              points={"1": D("33.5"), "2": D(50), "B": D(0), "P": D(0)})
    result = parindex.score(complete, assessment)
    assert result.nodes["1"].points == D("33.5") and result.nodes["1"].given
    assert result.nodes["1.1"].points is None and result.nodes["1.1"].status == "missing"


def test_items_contradicting_a_given_node_are_reported(complete):
    assessment = unit("Xã A", "20", "20", "50")
    assessment = attrs.evolve(assessment, points={**assessment.points, "1": D(30)})
    result = parindex.score(complete, assessment)
    [finding] = [f for f in result.findings if f.kind == "items"]
    assert finding.message == "given 30, but its items 1.1 + 1.2 add up to 40"


def test_not_arising_parent_marks_its_subtree(complete):
    assessment = unit("Xã A", "20", "20", "50")
    points = {**assessment.points, "1": NOT_ARISING}
    result = parindex.score(complete, attrs.evolve(assessment, points=points))
    assert result.nodes["1.1"].not_arising and result.nodes["1"].arising_max == 0
    assert result.arising_max == 60
    assert result.index == Fraction(250, 3)  # 50 / 60 × 100, exactly


def test_published_figures_agree_at_their_printed_precision(complete):
    assessment = attrs.evolve(unit("Xã A", "20", "20", "50.005"), published=parindex.Published(
        total=D("90.01"), index=D("90.0"), band="tốt"))
    result = parindex.score(complete, assessment)
    assert result.discrepancies == ()  # 90.005 → 90.01; band compared case-insensitively
    wrong = attrs.evolve(assessment, published=parindex.Published(total=D("90.1"), band="Khá"))
    found = {d.what: d for d in parindex.score(complete, wrong).discrepancies}
    assert found["total"].evidence == "appraised 40 + survey 50.005 = 90.005; printed 90.1"
    assert found["band"].computed == "Tốt"


def test_rank_values_examples():
    assert parindex.rank_values([3, 1, 3, 2]) == [1, 4, 1, 3]
    assert parindex.rank_values([3, 1, 3, 2], parindex.RankingMethod.DENSE) == [1, 3, 1, 2]
    assert parindex.rank_values([]) == []


def test_classify_without_bands_is_a_clear_error(framework):
    with pytest.raises(parindex.FrameworkError, match="declares no bands"):
        parindex.classify(attrs.evolve(framework, bands=()), D(50))


def test_the_total_has_one_name_and_points_is_read_as_total_with_a_deprecation() -> None:
    """Bands and ranks name the total alike ("total"); the old band_basis "points" still
    reads, as the same member, with a DeprecationWarning."""
    assert parindex.BandBasis.TOTAL.value == parindex.RankBasis.TOTAL.value == "total"
    assert parindex.BandBasis.POINTS is parindex.BandBasis.TOTAL
    assert [b.value for b in parindex.BandBasis] == ["index", "total"]
    with pytest.warns(DeprecationWarning, match='now called "total"'):
        framework = parindex.loads_framework(
            THAI_NGUYEN_LIKE.replace('band_basis = "total"', 'band_basis = "points"'))
    assert framework.band_basis is parindex.BandBasis.TOTAL
    assert framework == parindex.loads_framework(THAI_NGUYEN_LIKE)
