"""The batch API (scaled integers in numpy) gives exactly what score_many gives."""

from __future__ import annotations

import random
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction

import attrs
import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import parindex
from parindex import (
    NOT_ARISING,
    Assessment,
    AssessmentError,
    Band,
    BandBasis,
    Framework,
    LegalBasis,
    MissingInformationError,
    Node,
    NodeKind,
    NotArisingPolicy,
    PointsMatrix,
    Provenance,
    RankBasis,
    RankingMethod,
    Status,
    score_matrix,
    to_matrix,
)
from parindex._engine.ranking import score_table

D = Decimal
SEED = Provenance(Status.SEED, "test")


# --- the real framework ---------------------------------------------------------------------


def leaf_only(framework: Framework, assessment: Assessment) -> Assessment:
    """The example without the points it gives above the leaves (field 6: 8.0)."""
    leaves = {n.code for n in framework.walk() if n.is_leaf}
    return attrs.evolve(assessment, points={c: p for c, p in assessment.points.items()
                                            if c in leaves})


def variants(framework: Framework, base: Assessment, count: int,
             seed: int = 0) -> list[Assessment]:
    """Leaf-only units near the example: quantised points, some items not arising."""
    rng = random.Random(seed)
    leaves = [n for n in framework.walk() if n.is_leaf]
    units = []
    for i in range(count):
        points: dict[str, object] = {}
        for leaf in leaves:
            if leaf.code == "9":  # the survey's "x" policy is unknown: always give points
                points[leaf.code] = D(rng.randrange(0, 30001)) / 1000
            elif leaf.code == "3.5.2" or rng.random() < 0.03:
                points[leaf.code] = NOT_ARISING
            else:  # quarter points: plenty of ties to rank
                assert leaf.max is not None
                points[leaf.code] = leaf.max * rng.randrange(0, 5) / 4
        group = f"Huyện {i % 3}" if i % 5 else None
        units.append(attrs.evolve(base, unit=f"Xã {i}", group=group, points=points,
                                  published=parindex.Published(), comments={}))
    return units


def assert_same(batch: parindex.BatchResult, ranking: parindex.Ranking) -> None:
    """Every figure of the batch equals score_many's, unit by unit."""
    assert len(batch) == len(ranking)
    for i, ranked in enumerate(ranking):
        result = ranked.result
        assert batch.units[i] == result.unit
        assert batch.appraised(i) == result.appraised
        assert batch.survey(i) == result.survey
        assert batch.bonus(i) == result.bonus
        assert batch.penalty(i) == result.penalty
        assert batch.total(i) == result.total
        assert batch.arising_max(i) == result.arising_max
        assert batch.index(i) == result.index
        assert batch.band(i) == result.band
        assert batch.rank[i] == ranked.rank
        assert batch.of == ranked.of
        assert (batch.group_rank[i] or None) == ranked.group_rank
        assert (batch.group_of[i] or None) == ranked.group_of
    for code in batch.framework.nodes:
        points = batch.node_points(code)
        assert [batch.decimal(p) for p in points] == \
            [ranked.result.nodes[code].points for ranked in ranking]


def test_the_example_is_refused_because_it_gives_field_6_directly(hue, thuy_thanh):
    with pytest.raises(AssessmentError) as caught:
        to_matrix(hue, [thuy_thanh])
    problem = caught.value.problem
    assert problem.code == "6"
    assert "score_many" in problem.message and "6.1" in problem.message
    assert problem.path is not None and problem.line is not None  # points at the file
    with pytest.raises(AssessmentError):
        parindex.score_many(hue, [thuy_thanh], batch=True)


def test_the_example_at_its_leaves_scores_as_score_does(hue, thuy_thanh):
    unit = leaf_only(hue, thuy_thanh)
    batch = parindex.score_many(hue, [unit], batch=True)
    result = parindex.score(hue, unit)
    # Field 6 now adds up its items (7.0), not the 8.0 printed for it.
    assert batch.node_points("6")[0] == 7000 and batch.scale == 3
    assert batch.total(0) == result.total == D("77.636")
    assert batch.appraised(0) == D("48.97") and batch.survey(0) == D("28.666")
    assert batch.arising_max(0) == D("99.5")
    assert batch.index(0) == result.index == Fraction(77636, 995)
    assert batch.band(0) is not None and batch.band(0).name == "Khá"
    assert batch.rank[0] == 1 and batch.group_rank[0] == 1 and batch.group_of[0] == 1
    assert batch.group(0) == "Thị xã Hương Thủy"
    assert batch.position("XÃ THỦY THANH") == 0


def test_many_variants_of_the_example_match_score_many(hue, thuy_thanh):
    units = variants(hue, leaf_only(hue, thuy_thanh), 60)
    assert_same(parindex.score_many(hue, units, batch=True), parindex.score_many(hue, units))


def test_the_matrix_is_exact_and_marks_what_did_not_arise(hue, thuy_thanh):
    matrix = to_matrix(hue, [leaf_only(hue, thuy_thanh)])
    column = matrix.codes.index("3.5.2")
    assert matrix.scale == 3 and matrix.points.dtype == np.int64
    assert matrix.not_arising[0, column] and matrix.points[0, column] == 0
    assert matrix.not_arising.sum() == 1
    assert matrix.points[0, matrix.codes.index("9")] == 28666
    assert matrix.points[0, matrix.codes.index("3.4.1")] == 1980
    assert matrix.codes == tuple(n.code for n in hue.walk() if n.is_leaf)


def test_unknown_not_arising_policy_refuses_like_score(hue, thuy_thanh):
    unit = leaf_only(hue, thuy_thanh)
    marked = attrs.evolve(unit, points={**unit.points, "9": NOT_ARISING})
    with pytest.raises(MissingInformationError):
        parindex.score(hue, marked)
    with pytest.raises(MissingInformationError) as caught:
        parindex.score_many(hue, [unit, attrs.evolve(marked, unit="Xã khác")], batch=True)
    assert caught.value.problem.code == "9" and "Xã khác" in caught.value.problem.message


def test_points_out_of_range_name_the_unit_and_code(hue, thuy_thanh):
    unit = leaf_only(hue, thuy_thanh)
    high = attrs.evolve(unit, unit="Xã A", points={**unit.points, "1.6": D("2.5")})
    low = attrs.evolve(unit, unit="Xã B", points={**unit.points, "4": D("-1")})
    with pytest.raises(AssessmentError) as caught:
        parindex.score_many(hue, [unit, high, low], batch=True)
    problems = {(p.code, p.message.split(":")[0]) for p in caught.value.problems}
    assert problems == {("1.6", "Xã A"), ("4", "Xã B")}
    assert "above the maximum 2.0" in str(caught.value)
    assert "negative" in str(caught.value)


def test_a_missing_leaf_is_reported_as_score_does(hue, thuy_thanh):
    unit = leaf_only(hue, thuy_thanh)
    points = dict(unit.points)
    del points["7.2"]
    with pytest.raises(AssessmentError) as caught:
        to_matrix(hue, [attrs.evolve(unit, points=points)])
    assert caught.value.problem.code == "7.2"
    assert "no points for 7.2" in caught.value.problem.message


def test_batch_integrity_is_checked(hue, thuy_thanh):
    unit = leaf_only(hue, thuy_thanh)
    with pytest.raises(AssessmentError, match="appears twice"):
        parindex.score_many(hue, [unit, attrs.evolve(unit, unit=unit.unit.upper())], batch=True)
    # A unit is its name within its group: the same name in another group is another unit.
    other = attrs.evolve(unit, unit=unit.unit.upper(), group="Huyện khác")
    assert len(parindex.score_many(hue, [unit, other], batch=True).rank) == 2
    matrix = to_matrix(hue, [unit, other])
    with pytest.raises(AssessmentError, match="appears twice"):
        score_matrix(hue, matrix, units=[unit.unit, other.unit], groups=[None, None])
    with pytest.raises(AssessmentError, match="different years"):
        to_matrix(hue, [unit, attrs.evolve(unit, unit="Xã khác", year=2023)])
    with pytest.raises(AssessmentError, match="scored under"):
        to_matrix(hue, [attrs.evolve(unit, framework="thua-thien-hue/district/2022")])
    with pytest.raises(AssessmentError, match="did you mean"):
        to_matrix(hue, [attrs.evolve(unit, comments={"7.22": "?"})])


@pytest.mark.parametrize("reorder", [False, True], ids=["leaf order", "other order"])
def test_values_must_be_exact_decimals(hue, thuy_thanh, reorder):
    unit = leaf_only(hue, thuy_thanh)
    assert unit.points["1.2"] == D("0.75")
    for bad in (0.5, 1, D("NaN"), 0.75):  # 0.75 and 1 equal Decimals met before them
        points = {**unit.points, "1.2": bad}
        if reorder:
            points = dict(reversed(points.items()))
        with pytest.raises(AssessmentError) as caught:
            to_matrix(hue, [unit, attrs.evolve(unit, unit="Xã khác", points=points)])
        assert caught.value.problem.code == "1.2"


def test_score_matrix_checks_the_columns_and_upscales_a_coarse_matrix(hue, thuy_thanh):
    unit = leaf_only(hue, thuy_thanh)
    matrix = to_matrix(hue, [unit])
    with pytest.raises(AssessmentError, match="depth-first"):
        score_matrix(hue, attrs.evolve(matrix, codes=tuple(reversed(matrix.codes))),
                     [unit.unit])
    # Whole points given at scale 0 under maxima such as 0.5: scaled up exactly.
    whole = np.zeros((2, len(matrix.codes)), dtype=np.int64)
    whole[:, matrix.codes.index("5")] = [10, 7]
    coarse = PointsMatrix(matrix.codes, 0, whole, np.zeros(whole.shape, dtype=np.bool_))
    batch = score_matrix(hue, coarse, ["a", "b"], np.array([10**9, -1]))
    assert batch.scale == 1 and batch.total(0) == 10 and batch.total(1) == 7
    assert list(batch.rank) == [1, 2] and list(batch.group_rank) == [1, 0]
    assert batch.group(0) == "1000000000" and batch.group(1) is None
    assert batch.node_points("5").tolist() == [100, 70]
    whole[1, matrix.codes.index("5")] = 11
    with pytest.raises(AssessmentError, match="above the maximum 10"):
        score_matrix(hue, coarse, ["a", "b"])
    with pytest.raises(TypeError, match="floats are never exact"):
        PointsMatrix(matrix.codes, 0, whole.astype(float), coarse.not_arising)


def _misuses(hue: Framework, matrix: PointsMatrix) -> dict[str, Callable[[], object]]:
    """Calls that get a shape, a length or the scale wrong, each with what it says."""
    codes, points, marks = matrix.codes, matrix.points, matrix.not_arising
    return {
        "one column per leaf": lambda: PointsMatrix(codes, 1, points[:, 1:], marks[:, 1:]),
        "they must agree": lambda: PointsMatrix(codes, 1, points, marks[:1]),
        "1 unit names for 2 rows": lambda: PointsMatrix(codes, 1, points, marks,
                                                        units=["a"]),
        "3 groups for 2 rows": lambda: PointsMatrix(codes, 1, points, marks,
                                                    units=["a", "b"], groups=["x"] * 3),
        "integer ≥ 0": lambda: PointsMatrix(codes, -1, points, marks),
        "no unit names": lambda: score_matrix(hue, attrs.evolve(matrix, units=None,
                                                                groups=None)),
        "3 unit names for 2 rows": lambda: score_matrix(hue, matrix, ["a", "b", "c"]),
        r"shape \(2,\)": lambda: score_matrix(hue, matrix, ["a", "b"], np.array([1, 2, 3])),
        "1 groups for 2 rows": lambda: score_matrix(hue, matrix, ["a", "b"], ["x"]),
    }


def test_an_unknown_node_code_is_a_typed_argument_error(hue, thuy_thanh):
    batch = parindex.score_many(hue, [leaf_only(hue, thuy_thanh)], batch=True)
    for method in (batch.node_points, batch.node_arising_max):
        with pytest.raises(parindex.ArgumentError, match=r"'3\.9' is not a code of "
                           r"thua-thien-hue/commune/2022; did you mean '3\.\d'\?"):
            method("3.9")


def test_shape_misuse_is_a_typed_argument_error(hue, thuy_thanh):
    """A matrix or call whose shapes, lengths or scale do not agree is the library's typed
    ArgumentError (exit 2 in the CLI), still a ValueError for code that catches that."""
    unit = leaf_only(hue, thuy_thanh)
    matrix = to_matrix(hue, [unit, attrs.evolve(unit, unit="Xã Khác")])
    for expected, call in _misuses(hue, matrix).items():
        with pytest.raises(parindex.ArgumentError, match=expected) as caught:
            call()
        assert isinstance(caught.value, ValueError)
        assert isinstance(caught.value, parindex.ParindexError)


def test_empty_batch(hue):
    batch = parindex.score_many(hue, [], batch=True)
    assert len(batch) == 0 and batch.rank.shape == (0,)


# --- random frameworks and assessments ------------------------------------------------------


def decimals(high: int, places: int) -> st.SearchStrategy[Decimal]:
    """Decimals k / 10**places for 0 ≤ k ≤ high."""
    return st.integers(0, high).map(lambda k: D(k).scaleb(-places))


@st.composite
def nodes(draw: st.DrawFn, code: str, kind: NodeKind, depth: int) -> Node:
    policy = draw(st.sampled_from([None] * 16 + list(NotArisingPolicy)))
    if depth >= 3 or draw(st.booleans()):
        places = draw(st.integers(0, 2))
        maximum = draw(decimals(4 * 10**places, places))
        return Node(code, f"Mục {code}", maximum, SEED, kind, not_arising=policy)
    children = [draw(nodes(f"{code}.{i}", kind, depth + 1))
                for i in range(1, draw(st.integers(1, 3)) + 1)]
    items = sum((child.max for child in children), D(0))  # type: ignore[misc]
    # Mostly the items' sum; sometimes more (not itemised) or less (items can exceed it).
    delta = draw(st.sampled_from([D(0), D(0), D(0), D("0.5"), D("-0.5"), D("1.25")]))
    maximum = max(items + delta, D(0))
    return Node(code, f"Mục {code}", maximum, SEED, kind, children, not_arising=policy)


@st.composite
def frameworks(draw: st.DrawFn) -> Framework:
    kinds = [NodeKind.CRITERION] + draw(st.lists(st.sampled_from(list(NodeKind)), max_size=3))
    criteria = [draw(nodes(str(i), kind, 1)) for i, kind in enumerate(kinds, 1)]
    count = draw(st.integers(0, 4))
    # Half points often: totals then fall on a threshold, where inclusive and strict
    # bounds differ.
    minimum = st.one_of(st.integers(1, 12000), st.integers(1, 24).map(lambda k: 50 * k))
    minima = sorted(draw(st.lists(minimum, min_size=count, max_size=count, unique=True)),
                    reverse=True)
    bands = [Band(f"Mức {i}", D(m).scaleb(-2), SEED) for i, m in enumerate(minima)]
    if count:
        bands.append(Band("Cuối", D(0), SEED))
    codes = [n.code for top in criteria for n in top.walk()]
    return Framework(
        id="test/commune/2022", name="Bộ chỉ số thử", level="commune",
        legal_basis=LegalBasis("1/QĐ-UBND"), first_year=2022, criteria=criteria, bands=bands,
        band_basis=draw(st.sampled_from(list(BandBasis))),
        not_arising=draw(st.sampled_from([NotArisingPolicy.EXCLUDE, NotArisingPolicy.FULL,
                                          NotArisingPolicy.ZERO])),
        ranking=draw(st.sampled_from(list(RankingMethod))),
        rank_by=draw(st.sampled_from(list(RankBasis))),
        tie_break=draw(st.lists(st.sampled_from(codes), max_size=2, unique=True)),
        publication=parindex.Publication(
            band_bounds=draw(st.sampled_from(["inclusive", "strict"]))),
    )


@st.composite
def leaf_points(draw: st.DrawFn, leaf: Node, *, errors: bool, places: int) -> object:
    assert leaf.max is not None
    choice = draw(st.integers(0, 99))
    if choice < 10:
        return NOT_ARISING
    if choice < 65:  # none, half or all of the maximum: ties
        return leaf.max * draw(st.integers(0, 2)) / 2
    if errors and choice < 58:
        return draw(st.sampled_from([leaf.max + D("0.01"), D("-0.5")]))
    p = draw(st.integers(0, places))
    return D(draw(st.integers(0, int(leaf.max.scaleb(p))))).scaleb(-p)


@st.composite
def batches(draw: st.DrawFn, *, errors: bool = True,
            places: int = 3) -> tuple[Framework, list[Assessment]]:
    framework = draw(frameworks())
    leaves = [n for n in framework.walk() if n.is_leaf]
    units = []
    for i in range(draw(st.integers(1, 10))):
        points = {leaf.code: draw(leaf_points(leaf, errors=errors, places=places))
                  for leaf in leaves}
        if draw(st.booleans()):  # keys out of the leaves' order: to_matrix looks each up
            points = dict(draw(st.permutations(list(points.items()))))
        group = draw(st.sampled_from(["Huyện A", "huyện a", "Huyện B", "", None]))
        units.append(Assessment(framework.id, f"Đơn vị {i}", 2022, points, group=group))
    return framework, units


def expected_error(framework: Framework,
                   units: list[Assessment]) -> type[parindex.ParindexError] | None:
    """The error the batch must raise: any unit's AssessmentError first, as it checks all
    units before it refuses one; then what ranking them together refuses."""
    raised: set[type[parindex.ParindexError]] = set()
    for unit in units:
        try:
            parindex.score(framework, unit)
        except (AssessmentError, MissingInformationError) as error:
            raised.add(type(error))
    for kind in (AssessmentError, MissingInformationError):
        if kind in raised:
            return kind
    try:
        parindex.score_many(framework, units)
    except (AssessmentError, MissingInformationError) as error:
        return type(error)
    return None


PROPERTY = settings(max_examples=300, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])


@PROPERTY
@given(batches())
def test_batch_equals_score_many(case):
    framework, units = case
    error = expected_error(framework, units)
    if error is not None:
        with pytest.raises(error):
            parindex.score_many(framework, units, batch=True)
        return
    assert_same(parindex.score_many(framework, units, batch=True),
                parindex.score_many(framework, units))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(batches())
def test_score_table_takes_the_kernel_when_it_can_and_agrees_either_way(case):
    # The commands that read a table (gaps, plan, profiles, Monte Carlo) rank through
    # score_table: the kernel when it takes the units, else score_many, same figures.
    framework, units = case
    try:
        explained = parindex.score_many(framework, units)
    except (AssessmentError, MissingInformationError) as error:
        with pytest.raises(type(error)):  # as score_many words it, whatever the kernel says
            score_table(framework, units)
        return
    ranked = score_table(framework, units)
    if isinstance(ranked, parindex.BatchResult):
        assert len(units) > 1
        assert_same(ranked, explained)
    else:
        assert ranked == explained


def test_score_table_explains_what_the_kernel_refuses(hue, thuy_thanh):
    # Field 6 given directly (8.0 above its items' 7.0): only the explainer takes it.
    other = attrs.evolve(thuy_thanh, unit="Xã khác")
    ranked = score_table(hue, [thuy_thanh, other])
    assert isinstance(ranked, parindex.Ranking)
    assert [u.result.total for u in ranked] == [D("78.636"), D("78.636")]
    units = variants(hue, leaf_only(hue, thuy_thanh), 5)
    assert isinstance(score_table(hue, units), parindex.BatchResult)
    assert isinstance(score_table(hue, units[:1]), parindex.Ranking)  # one unit: explained
    with pytest.raises(AssessmentError, match="appears twice"):  # worded by score_many
        score_table(hue, [units[0], attrs.evolve(units[0], unit=units[0].unit.upper())])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(batches(errors=False, places=12))
def test_many_decimal_places_fall_back_to_python_ints_exactly(case):
    # Twelve places make index keys overflow int64: the exact Python-int path runs.
    framework, units = case
    if expected_error(framework, units) is None:
        assert_same(parindex.score_many(framework, units, batch=True),
                parindex.score_many(framework, units))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(batches(errors=False), st.data())
def test_a_coarser_matrix_and_group_codes_give_the_same(case, data):
    framework, units = case
    if expected_error(framework, units) is not None:
        return
    matrix = to_matrix(framework, units)
    finer = data.draw(st.integers(0, 3))
    refined = PointsMatrix(matrix.codes, matrix.scale + finer, matrix.points * 10**finer,
                           matrix.not_arising)
    groups = [u.group.casefold() if u.group else None for u in units]
    names = sorted({g for g in groups if g is not None})
    codes = np.array([names.index(g) if g is not None else -1 for g in groups])
    batch = score_matrix(framework, refined, [u.unit for u in units], codes)
    assert_same(batch, parindex.score_many(framework, units))


# --- corners that random cases seldom reach --------------------------------------------------


def small_framework(criteria: list[Node], **changes: object) -> Framework:
    return Framework(id="test/commune/2022", name="Bộ chỉ số thử", level="commune",
                     legal_basis=LegalBasis("1/QĐ-UBND"), first_year=2022,
                     criteria=criteria, bands=[], **changes)  # type: ignore[arg-type]


def test_negative_indices_rank_exactly_and_no_index_refuses_to_rank_on_it():
    framework = small_framework([
        Node("1", "Tiêu chí", D(10), SEED, children=[Node("1.1", "Mục", D(10), SEED)]),
        Node("2", "Điểm trừ", D(40), SEED, NodeKind.PENALTY),
    ], rank_by=RankBasis.INDEX)
    units = [Assessment(framework.id, name, 2022, {"1.1": p, "2": D(penalty)})
             for name, p, penalty in [("index -0.5", D(0), "0.05"), ("index -50", D(5), "10"),
                                      ("index 0", D(0), "0"), ("index -0.49", D("0.01"),
                                                               "0.059")]]
    batch = parindex.score_many(framework, units, batch=True)
    assert_same(batch, parindex.score_many(framework, units))
    assert list(batch.rank) == [3, 4, 1, 2] and batch.index(3) == Fraction(-49, 100)
    nothing = Assessment(framework.id, "none arose", 2022, {"1.1": NOT_ARISING, "2": D(0)})
    with pytest.raises(MissingInformationError):
        parindex.score_many(framework, [*units, nothing])
    with pytest.raises(MissingInformationError, match="none arose cannot be ranked"):
        parindex.score_many(framework, [*units, nothing], batch=True)
    # Ranked on the total, it has a place (and no index).
    on_total = attrs.evolve(framework, rank_by=RankBasis.TOTAL)
    units = [attrs.evolve(u, framework=on_total.id) for u in [*units, nothing]]
    batch = parindex.score_many(on_total, units, batch=True)
    assert_same(batch, parindex.score_many(on_total, units))
    assert batch.index(4) is None and batch.rank[4] == 1


def test_items_above_their_node_behind_an_unknown_x_refuse_as_missing_information():
    # 1's items may add up to 3 > 2; but 1.2 is "x" with no known policy, so score()
    # cannot add them up and reports the missing policy rather than the excess.
    framework = small_framework([Node("1", "Tiêu chí", D(2), SEED, children=[
        Node("1.1", "Mục", D(2), SEED), Node("1.2", "Mục", D(1), SEED,
                                              not_arising=NotArisingPolicy.UNKNOWN),
        Node("1.3", "Mục", D(1), SEED)])])
    unit = Assessment(framework.id, "A", 2022, {"1.1": D(2), "1.2": NOT_ARISING, "1.3": D(1)})
    with pytest.raises(MissingInformationError):
        parindex.score(framework, unit)
    with pytest.raises(MissingInformationError, match="no source says"):
        parindex.score_many(framework, [unit], batch=True)
    over = attrs.evolve(unit, points={**unit.points, "1.2": D(0)})
    with pytest.raises(AssessmentError, match="add up to 3, above its maximum 2"):
        parindex.score_many(framework, [over], batch=True)


def test_tie_break_codes_order_units_tied_on_the_total(hue, thuy_thanh):
    # Equal totals, survey points rising with the input order: the survey breaks the tie.
    framework = attrs.evolve(hue, rank_by=RankBasis.TOTAL, tie_break=("9",),
                             ranking=RankingMethod.DENSE)
    base = leaf_only(framework, thuy_thanh)
    units = []
    for i, (survey, field_5) in enumerate([("20", "10"), ("21", "9"), ("22", "8"),
                                           ("20", "10"), ("25", "0")]):
        points = {**base.points, "9": D(survey), "5": D(field_5)}
        units.append(attrs.evolve(base, unit=f"Xã {i}", points=points,
                                  group="A" if i % 2 else "B", published=parindex.Published()))
    batch = parindex.score_many(framework, units, batch=True)
    assert_same(batch, parindex.score_many(framework, units))
    assert list(batch.rank) == [3, 2, 1, 3, 4]  # the last has 5 points fewer in all
    assert list(batch.group_rank) == [2, 1, 1, 2, 3]


def test_full_marks_vanish_where_score_counts_a_wholly_not_arising_node_as_zero():
    # Under "full", 2.1 marked "x" counts its 0.1; but 2's arising maximum is then 0 and
    # all its items did not arise, so score() counts 2 as not arising, with 0 points.
    framework = small_framework([
        Node("1", "Tiêu chí", D(1), SEED, children=[Node("1.1", "Mục", D(1), SEED)]),
        Node("2", "Tiêu chí", D(0), SEED, children=[Node("2.1", "Mục", D("0.1"), SEED),
                                                    Node("2.2", "Mục", D("0.2"), SEED)]),
    ], not_arising=NotArisingPolicy.FULL)
    units = [Assessment(framework.id, name, 2022, {"1.1": D(1), "2.1": a, "2.2": b})
             for name, a, b in [("both x", NOT_ARISING, NOT_ARISING),
                                ("one x", NOT_ARISING, D(0))]]
    assert parindex.score(framework, units[0]).nodes["2"].points == 0
    with pytest.raises(AssessmentError, match="above its maximum 0"):
        parindex.score(framework, units[1])  # 0.1 full marks + 0 > 0
    batch = parindex.score_many(framework, units[:1], batch=True)
    assert_same(batch, parindex.score_many(framework, units[:1]))
    with pytest.raises(AssessmentError, match="above its maximum 0"):
        parindex.score_many(framework, units, batch=True)


@given(st.lists(st.tuples(st.integers(-10**12, 10**12), st.integers(0, 3000),
                          st.integers(0, 50)), min_size=1, max_size=60))
def test_tie_break_keys_fold_into_one_key_in_the_same_order(rows):
    # The batch path folds tie-break sums into the ranking key when the product fits
    # int64: one sort instead of a sort and a pass over tied runs. The order must be
    # exactly the lexicographic one, ties included.
    from parindex._engine.batch import _folded

    keys = [np.asarray(column, dtype=np.int64) for column in zip(*rows, strict=True)]
    [folded] = _folded(keys)
    for i in range(len(rows)):
        for j in range(len(rows)):
            assert (folded[i] < folded[j]) == (rows[i] < rows[j])


def test_tie_break_keys_that_would_overflow_stay_separate():
    from parindex._engine.batch import _folded
    from parindex._engine.ordering import INT64_SAFE

    big = np.asarray([INT64_SAFE // 4, -(INT64_SAFE // 4)], dtype=np.int64)
    tie = np.asarray([0, 10], dtype=np.int64)
    kept = _folded([big, tie])
    assert len(kept) == 2 and kept[0] is big and kept[1] is tie


def test_excluded_maxima_take_out_only_excluded_items_that_count_towards_the_index(hue):
    # The batch path subtracts, per marked cell, its column's entry of this table from
    # the arising maximum: the leaf's maximum under "exclude", else 0 (the Huế survey's
    # policy is unknown, so it never leaves the arising maximum silently).
    from parindex._engine.batch import plan_of

    plan = plan_of(hue)
    table = plan.excluded_maxima(3)
    by_code = dict(zip(plan.codes, table.tolist(), strict=True))
    assert by_code["3.5.2"] == 500 and by_code["1.1.2"] == 1000
    assert by_code["9"] == 0
    assert plan.excluded_maxima(3) is table  # computed once per scale


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(batches(errors=False), st.data())
def test_gaps_from_the_batch_equal_gaps_from_score_many(case, data):
    """gaps and plan for one unit of a large table rank it with the kernel and explain it
    with the one-unit scorer: the same targets, ranks and lost points as score_many's."""
    from parindex._analysis.gaps import gaps
    from parindex._render.plan import plan_markdown

    framework, units = case
    if expected_error(framework, units) is not None:
        return
    batch = parindex.score_many(framework, units, batch=True)
    ranking = parindex.score_many(framework, units)
    unit = data.draw(st.sampled_from(units))
    within = data.draw(st.sampled_from(["group", "all"]))
    places = data.draw(st.integers(1, 3))
    result = parindex.score(framework, unit)
    assert gaps(batch, unit.unit, within=within, places=places, result=result) == \
        gaps(ranking, unit.unit, within=within, places=places)
    if within == "group":
        assert plan_markdown(result, ranking=batch) == plan_markdown(result, ranking=ranking)


def test_gaps_of_a_unit_without_a_group_look_at_the_others_without_one(hue, thuy_thanh):
    # The kernel's group ranks are 0 outside any group: such a unit is compared, as by
    # score_many, with the other units without a group, on their overall ranks.
    from parindex._analysis.gaps import gaps

    units = [attrs.evolve(u, unit=f"Xã {i}", group=group) for i, (u, group) in enumerate(
        zip(variants(hue, leaf_only(hue, thuy_thanh), 6, seed=3),
            ["", None, "Huyện A", "", None, "Huyện A"], strict=True))]
    batch = parindex.score_many(hue, units, batch=True)
    ranking = parindex.score_many(hue, units)
    for unit in units:
        result = parindex.score(hue, unit)
        for places in (1, 2, 5):
            found = gaps(batch, unit.unit, places=places, result=result)
            assert found == gaps(ranking, unit.unit, places=places)
    last = min(units, key=lambda u: parindex.score(hue, u).index or 0)
    found = gaps(batch, last.unit, places=5, result=parindex.score(hue, last))
    assert found.ahead  # the lowest unit has units ahead of it, in its group or not


# --- the one ranking and the one banding, against their definitions --------------------------


def test_every_registered_method_is_one_the_properties_cover():
    """The differential properties above draw every built-in ranking method and band
    bounds; a new built-in method must be added to them (and to the kernel)."""
    registry = parindex.registry()
    assert set(registry.ranking_methods) == {m.value for m in RankingMethod}
    assert set(registry.band_methods) == {"minimum"}


@given(st.lists(st.tuples(st.integers(0, 6), st.integers(0, 2),
                          st.sampled_from(["Huyện A", "huyện a", "Huyện B", "", None])),
                min_size=0, max_size=40),
       st.sampled_from(sorted(m.value for m in RankingMethod)))
def test_ranks_follow_their_definition(rows, name):
    """Competition rank: 1 + how many keys are higher; dense: 1 + how many distinct keys
    are higher; group ranks the same within the group (names compared by name key). The
    one-unit path (rank_values, the registered Ranker, score_many's ranks_on) and the
    kernel's ranks all give exactly that, ties and groups included."""
    from parindex._engine.ordering import fold_groups, ranks
    from parindex._engine.ranking import ranks_on

    method = RankingMethod(name)
    keys = [(Fraction(a, 3), Fraction(b)) for a, b, _ in rows]
    groups = [g for _, _, g in rows]

    def expected(among: list[tuple[Fraction, Fraction]], key: tuple[Fraction, Fraction]) -> int:
        higher = [k for k in among if k > key]
        return 1 + (len(higher) if method is RankingMethod.COMPETITION else len(set(higher)))

    def folded(group: str | None) -> str | None:
        return group.casefold() if group else None

    overall = [expected(keys, key) for key in keys]
    within = [expected([k for k, g in zip(keys, groups) if folded(g) == folded(group)], key)
              if folded(group) else None for key, group in zip(keys, groups)]
    assert parindex.rank_values(keys, method) == overall
    assert parindex.rank_values(keys, parindex.registry().ranking_methods[name]) == overall
    assert ranks_on(keys, groups, method) == list(zip(overall, within))
    codes, _ = fold_groups(groups, len(keys))
    integer_keys = [np.asarray([int(k[0] * 3) for k in keys], dtype=np.int64),
                    np.asarray([int(k[1]) for k in keys], dtype=np.int64)]
    rank, group_rank, group_of = ranks(integer_keys, codes, method)
    assert rank.tolist() == overall
    assert [r if c >= 0 else None for r, c in zip(group_rank.tolist(), codes.tolist())] == within
    assert [n if c >= 0 else None for n, c in zip(group_of.tolist(), codes.tolist())] == \
        [sum(folded(g) == folded(group) for g in groups) if folded(group) else None
         for group in groups]


_NEAR_ONE = float(np.nextafter(1.0, 2.0))


@given(st.data(), st.integers(1, 3), st.integers(0, 24), st.booleans(), st.booleans())
def test_best_first_orders_exactly(data, rows, n, floats, with_tie):
    """The engine's one ordering: highest first key first (each row on its own), then
    the tie-break key, then position; ``changed`` marks where the first key changes.
    Keys span every magnitude, so the packed codes are shortened and the whole codes must
    settle their ties: integers near ±2**62 that differ in their last bits, floats one
    ulp apart, ±0.0, infinities, subnormals."""
    from parindex._engine.ordering import best_first

    if floats:
        value = st.one_of(st.floats(allow_nan=False), st.sampled_from(
            [0.0, -0.0, 1.0, _NEAR_ONE, -1.0, 5e-324, float("inf"), float("-inf")]))
    else:
        value = st.one_of(st.integers(-3, 3), st.integers(-2**62, 2**62),
                          st.integers(2**62 - 8, 2**62), st.integers(-2**62, -2**62 + 8))
    first = np.asarray(data.draw(st.lists(st.lists(value, min_size=n, max_size=n),
                                          min_size=rows, max_size=rows)),
                       dtype=np.float64 if floats else np.int64)
    tie = np.asarray(data.draw(st.lists(st.integers(-2, 2), min_size=n, max_size=n)),
                     dtype=np.int64)
    ordered, changed = best_first([first, tie] if with_tie else [first])
    for row, order, change in zip(first.tolist(), ordered.tolist(), changed.tolist()):
        assert order == sorted(range(n), key=lambda i: (
            -row[i], -int(tie[i]) if with_tie else 0, i))
        assert change == [p == 0 or row[order[p]] != row[order[p - 1]] for p in range(n)]


@given(st.lists(st.integers(1, 40), max_size=4, unique=True),
       st.lists(st.fractions(min_value=-5, max_value=50, max_denominator=8), max_size=20),
       st.sampled_from(["inclusive", "strict"]), st.data())
def test_bands_follow_their_definition(minima, values, bounds, data):
    """A value's band is the first, from the highest down, whose minimum it reaches (from
    it, or above it under strict bounds); below every band, the last. The one-unit
    classify and the kernel's banding of scaled integers give exactly that, values on
    a threshold included."""
    from parindex._engine.ordering import band_counts, band_positions

    bands = [*(Band(f"Mức {m}", D(m) / 2, SEED) for m in sorted(minima, reverse=True)),
             Band("Cuối", D(0), SEED)]
    framework = attrs.evolve(small_framework([Node("1", "Tiêu chí", D(100), SEED)]),
                             bands=bands, publication=parindex.Publication(band_bounds=bounds))
    values = values + [Fraction(b.min) for b in bands if b.min is not None]  # on the bounds

    def expected(value: Fraction) -> Band:
        for band in bands:
            assert band.min is not None
            if value > band.min or (value == band.min and bounds == "inclusive"):
                return band
        return bands[-1]

    assert [parindex.classify(framework, v) for v in values] == [expected(v) for v in values]
    denominator = data.draw(st.sampled_from([8, 24, 10**20]))  # 10**20: Python ints
    scaled = np.asarray([int(v * denominator) for v in values],
                        dtype=object if denominator > 10**6 else np.int64)
    exact = [Fraction(int(s), denominator) for s in scaled]
    found = band_positions(framework, scaled, 1, np.asarray([denominator], dtype=object
                                                           if denominator > 10**6 else np.int64),
                           1, lambda band, undecided: pytest.fail("all thresholds known"))
    assert [bands[i] for i in found.tolist()] == [expected(v) for v in exact]
    # The Monte Carlo analysis counts each unit's draws per band by the same decisions.
    counts = band_counts(framework, scaled.reshape(-1, 1), 1, np.asarray(
        [[denominator]], dtype=object if denominator > 10**6 else np.int64), 1,
        lambda band, undecided: pytest.fail("all thresholds known"))
    assert counts.tolist() == [np.bincount(found, minlength=len(bands)).tolist()]


def test_score_batch_is_the_deprecated_name_of_score_many_with_batch(hue, thuy_thanh):
    units = variants(hue, leaf_only(hue, thuy_thanh), 12)
    batch = parindex.score_many(hue, units, batch=True)
    assert isinstance(batch, parindex.BatchResult)
    assert_same(batch, parindex.score_many(hue, units))
    with pytest.warns(DeprecationWarning, match=r"score_many\(framework, assessments, "
                      r"batch=True\)") as caught:
        old = parindex.score_batch(hue, units)
    assert caught[0].filename == __file__  # points at the caller's line, not parindex's
    assert [old.total(i) for i in range(len(old))] == [batch.total(i) for i in range(len(batch))]
    assert old.rank.tolist() == batch.rank.tolist()
    assert old.band_index.tolist() == batch.band_index.tolist()
    # Deprecated: importable, but not a current name of the API (nor documented as one).
    from parindex import score_batch

    assert score_batch is parindex.score_batch
    assert "score_batch" not in parindex.__all__
