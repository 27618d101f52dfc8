"""Properties of scoring, ranking, banding and the file formats, over generated data.

The data comes from the public strategies in :mod:`parindex.testing.strategies`, so
these tests also show plugin authors how to use them.
"""

from __future__ import annotations

import importlib
import os
import sys
from collections import Counter
from decimal import Decimal as D
from fractions import Fraction

import attrs
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

import parindex
from parindex import (
    NOT_ARISING,
    Assessment,
    Band,
    BandBasis,
    Framework,
    LegalBasis,
    Node,
    NodeKind,
    NotArisingPolicy,
    Provenance,
    RankBasis,
    RankingMethod,
    Status,
    rank_values,
)
from parindex.testing import strategies as pst

# Drawing whole frameworks dominates the time: a few dozen examples per property keep the
# file to seconds. PARINDEX_EXAMPLES_SCALE=20 (say) multiplies them for a thorough run.
SCALE = float(os.environ.get("PARINDEX_EXAMPLES_SCALE", "1"))
SOME = settings(max_examples=max(1, round(50 * SCALE)), deadline=None)
FEWER = settings(max_examples=max(1, round(30 * SCALE)), deadline=None)

COUNTED = (NodeKind.CRITERION, NodeKind.SURVEY)

FRAMEWORKS = pst.frameworks()
# Frameworks where every "x" leaves the arising maximum: no node overrides.
EXCLUDING = pst.frameworks(not_arising=NotArisingPolicy.EXCLUDE,
                           criteria=pst.criteria_trees(not_arising=st.none()))


@st.composite
def framework_and_units(draw: st.DrawFn, frameworks: st.SearchStrategy[Framework] | None = None,
                        min_size: int = 1, max_size: int = 6,
                        ) -> tuple[Framework, list[Assessment]]:
    framework = draw(FRAMEWORKS if frameworks is None else frameworks)
    return framework, draw(pst.assessment_sets(framework, min_size, max_size))


@st.composite
def framework_and_unit(draw: st.DrawFn, frameworks: st.SearchStrategy[Framework] | None = None,
                       ) -> tuple[Framework, Assessment]:
    framework = draw(FRAMEWORKS if frameworks is None else frameworks)
    return framework, draw(pst.assessments(framework))


@st.composite
def framework_and_tied_units(draw: st.DrawFn, frameworks: st.SearchStrategy[Framework],
                             ) -> tuple[Framework, list[Assessment]]:
    """Several units sharing a few distinct score sheets, so that ties are common."""
    framework = draw(frameworks)
    sheets = draw(pst.assessment_sets(framework, 1, 3))
    picks = draw(st.lists(st.sampled_from(sheets), min_size=2, max_size=8))
    names = draw(st.lists(pst.unit_names(), min_size=len(picks), max_size=len(picks),
                          unique_by=str.casefold))
    return framework, [attrs.evolve(a, unit=name) for a, name in zip(picks, names, strict=True)]


def policy_at(framework: Framework, code: str) -> NotArisingPolicy:
    current: str | None = code
    while current is not None:
        if framework.nodes[current].not_arising is not None:
            return framework.nodes[current].not_arising
        current = framework.parents[current]
    return framework.not_arising


def with_points(assessment: Assessment, code: str, value: object) -> Assessment:
    return attrs.evolve(assessment, points={**assessment.points, code: value})


def primary(result: parindex.Result) -> Fraction:
    """What the framework ranks on, exactly (never rounded for display)."""
    if result.framework.rank_by is RankBasis.INDEX:
        assert result.index is not None  # the strategies make something arise
        return result.index
    return Fraction(result.total)


def full_key(result: parindex.Result) -> tuple[object, ...]:
    ties = [result.nodes[code].points for code in result.framework.tie_break]
    return (primary(result), *ties)


# --- the strategies themselves ---------------------------------------------------------------


@SOME
@given(st.data())
def test_points_are_exact_and_quantised(data: st.DataObject) -> None:
    places = data.draw(st.integers(0, 4))
    maximum = data.draw(st.integers(0, 10**4).map(lambda n: D(n).scaleb(-2)))
    value = data.draw(pst.points(maximum, places))
    assert isinstance(value, D)
    assert 0 <= value <= maximum
    assert value.as_tuple().exponent == -places
    assert not value.is_signed()


@SOME
@given(framework_and_unit())
def test_generated_frameworks_and_assessments_are_well_formed(
        pair: tuple[Framework, Assessment]) -> None:
    framework, assessment = pair
    assert framework.maxima_mismatches() == []
    assert [u for u in framework.unknowns() if u.startswith(("criteria.", "bands."))] == [
        f"criteria.{n.code}.not_arising" for n in framework.walk()
        if n.not_arising is NotArisingPolicy.UNKNOWN]
    for code, parent in framework.parents.items():
        node = framework.nodes[code]
        assert node.provenance.source in framework.sources
        if parent is None:
            assert "." not in code
        else:
            assert code.rsplit(".", 1)[0] == parent
            assert node.kind is framework.nodes[parent].kind
    minima = [band.min for band in framework.bands]
    assert minima == sorted(set(minima), reverse=True) and minima[-1] == 0
    leaves = {node.code for node in framework.walk() if node.is_leaf}
    assert set(assessment.points) == leaves
    for code, value in assessment.points.items():
        if value is NOT_ARISING:
            assert policy_at(framework, code) is not NotArisingPolicy.UNKNOWN
        else:
            assert 0 <= value <= framework.nodes[code].max
            assert value.as_tuple().exponent == -framework.decimals
    parindex.score(framework, assessment)  # scores without error


@SOME
@given(pst.criteria_trees(total=100, survey=True, bonus=True, penalty=False, max_depth=4),
       pst.nodes("2.3", max_value="7.5", places=1, max_depth=2))
def test_trees_share_a_given_total(tops: tuple[Node, ...], node: Node) -> None:
    kinds = [top.kind for top in tops]
    assert kinds[-2:] == [NodeKind.SURVEY, NodeKind.BONUS]
    assert [top.code for top in tops] == [str(i) for i in range(1, len(tops) + 1)]
    assert sum(top.max for top in tops if top.kind in COUNTED) == 100
    assert node.code == "2.3" and node.max == D("7.5")
    assert all(child.code == f"2.3.{i}" for i, child in enumerate(node.children, 1))
    for top in (*tops, node):
        for parent in top.walk():
            if parent.children:
                assert sum(child.max for child in parent.children) == parent.max


@pytest.mark.parametrize("make", [
    lambda: pst.points(-1),
    lambda: pst.points(1.5),  # a float
    lambda: pst.points(10, places=-1),
    lambda: pst.nodes("1 .2"),
    lambda: pst.nodes(max_depth=0),
    lambda: pst.nodes(max_value="2.555", places=2),
    lambda: pst.criteria_trees(min_fields=3, max_fields=2),
    lambda: pst.criteria_trees(survey="yes"),
    lambda: pst.bands(min_size=4, max_size=3),
    lambda: pst.bands(max_value=1, places=0, min_size=3),
    lambda: pst.frameworks(decimals=12),
    lambda: pst.frameworks(framework_id="Not An Id"),
    lambda: pst.frameworks(ranking="dense"),
    lambda: pst.provenances(statuses=()),
    lambda: pst.assessments("test-province/commune/2022"),
    lambda: pst.assessment_sets(object()),
])
def test_strategies_check_their_arguments_when_called(make: object) -> None:
    with pytest.raises(InvalidArgument):
        make()


def test_strategies_say_how_to_install_hypothesis(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("hypothesis", "hypothesis.strategies", "hypothesis.errors"):
        monkeypatch.setitem(sys.modules, name, None)
    monkeypatch.delitem(sys.modules, "parindex.testing.strategies")
    monkeypatch.delitem(sys.modules, "parindex.testing")
    monkeypatch.setattr(parindex, "testing", parindex.testing)
    importlib.import_module("parindex.testing")  # the package itself needs no hypothesis
    with pytest.raises(ModuleNotFoundError, match=r"pip install 'parindex\[testing\]'"):
        importlib.import_module("parindex.testing.strategies")


# --- scoring ---------------------------------------------------------------------------------


@SOME
@given(framework_and_unit(pst.frameworks(
    criteria=pst.criteria_trees(consistent=False) | pst.criteria_trees())))
def test_points_never_exceed_the_arising_maximum(pair: tuple[Framework, Assessment]) -> None:
    framework, assessment = pair
    result = parindex.score(framework, assessment)
    for code, node in result.nodes.items():
        assert node.points is not None, code
        assert 0 <= node.points <= node.arising_max <= node.max, code
    if result.index is not None and result.bonus == result.penalty == 0:
        assert 0 <= result.index <= 100


@SOME
@given(framework_and_unit())
def test_totals_are_additive(pair: tuple[Framework, Assessment]) -> None:
    framework, assessment = pair
    result = parindex.score(framework, assessment)
    tops = [result.nodes[node.code] for node in framework.criteria]

    def part(*kinds: NodeKind) -> D:
        return sum((t.points for t in tops if t.kind in kinds), D(0))

    assert result.appraised == part(NodeKind.CRITERION)
    assert result.survey == part(NodeKind.SURVEY)
    assert result.bonus == part(NodeKind.BONUS)
    assert result.penalty == part(NodeKind.PENALTY)
    assert result.total == (part(NodeKind.CRITERION, NodeKind.SURVEY, NodeKind.BONUS)
                            - part(NodeKind.PENALTY))
    assert result.total == result.appraised + result.survey + result.bonus - result.penalty
    assert result.arising_max == sum((t.arising_max for t in tops if t.kind in COUNTED),
                                     D(0))
    if result.arising_max > 0:
        assert result.index == Fraction(result.total) / Fraction(result.arising_max) * 100
    for node in framework.walk():  # every derived node is the sum of its items
        if node.children:
            got = result.nodes[node.code]
            assert not got.given
            assert got.points == sum((result.nodes[c.code].points for c in node.children),
                                     D(0))


@SOME
@given(framework_and_unit(EXCLUDING), st.data())
def test_marking_a_lost_item_not_arising_never_lowers_the_index(
        pair: tuple[Framework, Assessment], data: st.DataObject) -> None:
    """Under EXCLUDE an item that did not arise is not held against the unit.

    Compared with scoring zero on it, "x" never lowers the index. Compared with the points
    it had, "x" raises the index exactly when the item's own rate p/m was below the
    unit's rate T/A (T·m ≥ A·p), since (T − p)/(A − m) ≥ T/A ⟺ T·m ≥ A·p; so marking
    an item the unit did well on may rightly lower the index.
    """
    framework, assessment = pair
    before = parindex.score(framework, assessment)
    candidates = [code for code, value in assessment.points.items()
                  if value is not NOT_ARISING and framework.nodes[code].kind in COUNTED
                  and before.arising_max - framework.nodes[code].max > 0]
    assume(candidates)
    code = data.draw(st.sampled_from(candidates))
    p, m = assessment.points[code], framework.nodes[code].max
    assert isinstance(p, D) and m is not None
    marked = parindex.score(framework, with_points(assessment, code, NOT_ARISING))
    lost = parindex.score(framework, with_points(assessment, code, D(0)))
    assert marked.index is not None and lost.index is not None and before.index is not None
    if lost.total >= 0:
        assert marked.index >= lost.index
    total, arising = before.total, before.arising_max
    assert marked.total == total - p
    assert marked.arising_max == arising - m
    assert (marked.index >= before.index) == (total * m >= arising * p)


@SOME
@given(framework_and_unit(pst.frameworks(
    not_arising=NotArisingPolicy.EXCLUDE, band_basis=BandBasis.TOTAL,
    criteria=pst.criteria_trees(not_arising=st.none(), bonus=True, penalty=True))), st.data())
def test_marking_bonus_or_penalty_items_not_arising(pair: tuple[Framework, Assessment],
                                                    data: st.DataObject) -> None:
    """An "x" bonus item loses its bonus, an "x" penalty item its deduction."""
    framework, assessment = pair
    before = parindex.score(framework, assessment)
    code = data.draw(st.sampled_from([n.code for n in framework.walk() if n.is_leaf
                                      and n.kind in (NodeKind.BONUS, NodeKind.PENALTY)]))
    after = parindex.score(framework, with_points(assessment, code, NOT_ARISING))
    assert after.arising_max == before.arising_max
    if framework.nodes[code].kind is NodeKind.PENALTY:
        assert after.total >= before.total
    else:
        assert after.total <= before.total


# --- ranking ---------------------------------------------------------------------------------


def improvable(framework: Framework, assessment: Assessment) -> list[str]:
    """Leaves with room to improve: points below the maximum, or a penalty above 0."""
    found = []
    for code, value in assessment.points.items():
        node = framework.nodes[code]
        if value is NOT_ARISING:
            continue
        if (value > 0) if node.kind is NodeKind.PENALTY else (value < node.max):
            found.append(code)
    return found


@SOME
@given(framework_and_units(), st.data())
def test_raising_one_leaf_never_lowers_total_nor_rank(
        pair: tuple[Framework, list[Assessment]], data: st.DataObject) -> None:
    framework, units = pair
    i = data.draw(st.integers(0, len(units) - 1))
    candidates = improvable(framework, units[i])
    assume(candidates)
    code = data.draw(st.sampled_from(candidates))
    node, old = framework.nodes[code], units[i].points[code]
    assert isinstance(old, D) and node.max is not None
    step = D(1).scaleb(-framework.decimals)
    if node.kind is NodeKind.PENALTY:
        new = old - step * data.draw(st.integers(1, int(old / step)))
    else:
        new = old + step * data.draw(st.integers(1, int((node.max - old) / step)))
    before = parindex.score_many(framework, units)
    after = parindex.score_many(framework, [*units[:i], with_points(units[i], code, new),
                                            *units[i + 1:]])
    was, now = before.units[i], after.units[i]
    assert now.result.total > was.result.total
    if was.result.index is not None:
        assert now.result.index is not None and now.result.index > was.result.index
    assert now.rank <= was.rank
    if was.group_rank is not None:
        assert now.group_rank is not None and now.group_rank <= was.group_rank
    for j, (other_before, other_after) in enumerate(zip(before, after, strict=True)):
        if j == i:
            continue
        # Against every unchanged unit, the raised one keeps its lead or gains.
        if was.rank < other_before.rank:
            assert now.rank < other_after.rank
        elif was.rank == other_before.rank:
            assert now.rank <= other_after.rank
        if framework.ranking is RankingMethod.COMPETITION:
            # Nobody else moves up. (Dense ranks may: if the raised unit joins the value
            # of one ahead of it, one distinct value fewer is ahead of those behind.)
            assert other_after.rank >= other_before.rank


def outcome(ranking: parindex.Ranking) -> dict[str, tuple[object, ...]]:
    return {u.result.unit: (u.rank, u.of, u.group_rank, u.group_of, u.result.total,
                            u.result.index, u.result.band, dict(u.result.nodes))
            for u in ranking}


@SOME
@given(framework_and_units(), st.data())
def test_shuffling_units_changes_nothing(pair: tuple[Framework, list[Assessment]],
                                         data: st.DataObject) -> None:
    framework, units = pair
    shuffled = data.draw(st.permutations(units))
    assert outcome(parindex.score_many(framework, shuffled)) == \
        outcome(parindex.score_many(framework, units))


@st.composite
def shuffled_children(draw: st.DrawFn, framework: Framework) -> Framework:
    def shuffle(node: Node) -> Node:
        children = [shuffle(child) for child in node.children]
        return attrs.evolve(node, children=draw(st.permutations(children)))

    tops = draw(st.permutations([shuffle(node) for node in framework.criteria]))
    return attrs.evolve(framework, criteria=tops)


@SOME
@given(framework_and_units(), st.data())
def test_shuffling_children_changes_nothing(pair: tuple[Framework, list[Assessment]],
                                            data: st.DataObject) -> None:
    framework, units = pair
    shuffled = data.draw(shuffled_children(framework))
    assert outcome(parindex.score_many(shuffled, units)) == \
        outcome(parindex.score_many(framework, units))


def check_ranks(keys: list[tuple[object, ...]], ranks: list[int],
                method: RankingMethod) -> None:
    n = len(keys)
    for i in range(n):
        for j in range(n):
            assert (keys[i] == keys[j]) == (ranks[i] == ranks[j])
            if keys[i] > keys[j]:
                assert ranks[i] < ranks[j]
    count = Counter(ranks)
    if method is RankingMethod.COMPETITION:
        for i in range(n):
            ahead = sum(1 for k in keys if k > keys[i])
            assert ranks[i] == 1 + ahead
            assert sum(c for r, c in count.items() if r <= ranks[i]) == ahead + count[ranks[i]]
    else:
        assert sorted(count) == list(range(1, len(count) + 1))
        for i in range(n):
            assert ranks[i] == 1 + len({k for k in keys if k > keys[i]})


@pytest.mark.parametrize("method", list(RankingMethod))
@SOME
@given(data=st.data())
def test_equal_values_share_ranks(method: RankingMethod, data: st.DataObject) -> None:
    framework, units = data.draw(framework_and_tied_units(pst.frameworks(
        ranking=method, tie_break=False)))
    ranking = parindex.score_many(framework, units)
    results = [u.result for u in ranking]
    check_ranks([full_key(r) for r in results], [u.rank for u in ranking], method)
    groups: dict[str, list[int]] = {}
    for i, result in enumerate(results):
        if result.group is not None:
            groups.setdefault(result.group.casefold(), []).append(i)
    for members in groups.values():
        check_ranks([full_key(results[i]) for i in members],
                    [ranking.units[i].group_rank for i in members], method)
        assert {ranking.units[i].group_of for i in members} == {len(members)}


@SOME
@given(framework_and_units(min_size=2))
def test_ranks_follow_the_exact_values_and_tie_breaks(
        pair: tuple[Framework, list[Assessment]]) -> None:
    framework, units = pair
    ranking = parindex.score_many(framework, units)
    check_ranks([full_key(u.result) for u in ranking], [u.rank for u in ranking],
                framework.ranking)


@pytest.mark.parametrize(("values", "competition", "dense"), [
    ([], [], []),
    ([5], [1], [1]),
    ([90, 80, 80, 70], [1, 2, 2, 4], [1, 2, 2, 3]),
    ([70, 80, 90, 80], [4, 2, 1, 2], [3, 2, 1, 2]),
    ([1, 1, 1], [1, 1, 1], [1, 1, 1]),
    ([D("79.031"), D("79.03"), D("79.0311")], [2, 3, 1], [2, 3, 1]),
    ([Fraction(200, 3), D("66.67"), Fraction(200, 3)], [2, 1, 2], [2, 1, 2]),
    ([(1, 5), (1, 7), (2, 0), (1, 7)], [4, 2, 1, 2], [3, 2, 1, 2]),
])
def test_rank_values(values: list[object], competition: list[int], dense: list[int]) -> None:
    assert rank_values(values) == competition
    assert rank_values(values, RankingMethod.COMPETITION) == competition
    assert rank_values(values, RankingMethod.DENSE) == dense


@SOME
@given(st.lists(st.integers(0, 5)), st.sampled_from(RankingMethod))
def test_rank_values_on_integers(values: list[int], method: RankingMethod) -> None:
    check_ranks([(v,) for v in values], rank_values(values, method), method)


# --- bands -----------------------------------------------------------------------------------


@st.composite
def band_values(draw: st.DrawFn, framework: Framework) -> Fraction:
    """Values over the bands' whole range, often exactly at or next to a threshold."""
    minima = [Fraction(b.min) for b in framework.bands if b.min is not None]
    top = max(minima) * 2 + 1
    tiny = Fraction(1, 10**draw(st.integers(3, 12)))
    return draw(st.fractions(min_value=0, max_value=top)
                | st.sampled_from(minima)
                | st.sampled_from(minima).map(lambda m: m + tiny)
                | st.sampled_from(minima).map(lambda m: max(Fraction(0), m - tiny)))


@SOME
@given(st.data())
def test_bands_partition_the_range_and_are_monotone(data: st.DataObject) -> None:
    framework = data.draw(pst.frameworks())
    first, second = data.draw(band_values(framework)), data.draw(band_values(framework))
    bands = framework.bands
    for value in (first, second):
        band = parindex.classify(framework, value)
        containing = [b for i, b in enumerate(bands)  # [min, the next higher band's min)
                      if b.min <= value and (i == 0 or value < bands[i - 1].min)]
        assert containing == [band]
    low, high = sorted((first, second))
    assert bands.index(parindex.classify(framework, low)) >= \
        bands.index(parindex.classify(framework, high))


@SOME
@given(framework_and_unit())
def test_a_unit_is_banded_on_its_exact_value(pair: tuple[Framework, Assessment]) -> None:
    framework, assessment = pair
    result = parindex.score(framework, assessment)
    value = result.index if framework.band_basis is BandBasis.INDEX else result.total
    assert value is not None
    assert result.band == parindex.classify(framework, value)


# --- files -----------------------------------------------------------------------------------


@FEWER
@given(pst.frameworks(criteria=pst.criteria_trees(consistent=False) | pst.criteria_trees()))
def test_framework_toml_round_trip(framework: Framework) -> None:
    assert parindex.loads_framework(parindex.dumps_framework(framework)) == framework


@SOME
@given(pst.frameworks().flatmap(lambda framework: pst.assessments(
    framework, comments=True, not_arising_probability=0.3)))
def test_assessment_toml_round_trip(assessment: Assessment) -> None:
    assert parindex.loads_assessment(parindex.dumps_assessment(assessment)) == assessment


# --- display is not decision ------------------------------------------------------------------

READ = Provenance(Status.READ, "s")


def two_leaf_framework(ranking: RankingMethod) -> Framework:
    """One field of 100 points: 1.1 of 60 and 1.2 of 40, ranked and banded on the index."""
    return Framework(
        id="test-province/commune/2022", name="Thử", level="commune",
        legal_basis=LegalBasis(decision="1/QĐ-UBND"), first_year=2022,
        criteria=[Node("1", "Lĩnh vực", D(100), READ, children=[
            Node("1.1", "Một", D(60), READ), Node("1.2", "Hai", D(40), READ)])],
        bands=[Band("Tốt", D("66.67"), READ), Band("Khá", D(0), READ)],
        rank_by=RankBasis.INDEX, ranking=ranking, decimals=2, sources={"s": "thử"})


@pytest.mark.parametrize("method", list(RankingMethod))
def test_ranks_and_bands_are_decided_on_unrounded_values(method: RankingMethod) -> None:
    framework = two_leaf_framework(method)
    # 40 of the 60 that arose: 66.666…, shown 66.67; 66.67 of 100: exactly 66.67.
    a = Assessment(framework.id, "Xã A1", 2022, {"1.1": D(40), "1.2": NOT_ARISING})
    b = Assessment(framework.id, "Xã B2", 2022, {"1.1": D("26.67"), "1.2": D(40)})
    ranking = parindex.score_many(framework, [a, b])
    first, second = ranking.unit("Xã A1"), ranking.unit("Xã B2")
    assert first.result.display(first.result.index) == "66.67"
    assert second.result.display(second.result.index) == "66.67"
    assert first.result.index < second.result.index
    assert (first.rank, second.rank) == (2, 1)
    assert (first.result.band.name, second.result.band.name) == ("Khá", "Tốt")


def test_a_unit_without_index_is_not_ranked_by_guess() -> None:
    framework = Framework(
        id="test-province/commune/2022", name="Thử", level="commune",
        legal_basis=LegalBasis(decision="1/QĐ-UBND"), first_year=2022,
        criteria=[Node("1", "Lĩnh vực", D(10), READ),
                  Node("2", "Điểm trừ", D(10), READ, kind=NodeKind.PENALTY)],
        bands=[Band("Đạt", D(0), READ)], band_basis=BandBasis.TOTAL,
        rank_by=RankBasis.INDEX, sources={"s": "thử"})
    nothing_arose = Assessment(framework.id, "Xã A1", 2022, {"1": NOT_ARISING, "2": D(0)})
    penalised = Assessment(framework.id, "Xã B2", 2022, {"1": D(1), "2": D(5)})  # index -40
    assert parindex.score(framework, penalised).index == -40
    with pytest.raises(parindex.MissingInformationError, match="Xã A1 cannot be ranked"):
        parindex.score_many(framework, [nothing_arose, penalised])
