"""The survey rule kinds: mean of percentages, weighted mean, answers on a scale.

The framework and every figure below are INVENTED for the tests (its one source says so):
no source gives a province's survey formula or a unit's SIPAS element percentages.
"""

from __future__ import annotations

import json
from decimal import Decimal as D
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

import parindex
from parindex import AssessmentError, FrameworkError, Rule
from parindex._cli import main
from parindex._engine.rules import (
    ANSWER_SCALE,
    MEAN_PERCENT,
    WEIGHTED_PERCENT,
    Params,
    RuleInputError,
    apply,
    check_params,
)

FRAMEWORK = """\
id = "test-province/district/2020"
name = "Bộ chỉ số thử nghiệm (số liệu bịa cho kiểm thử)"
level = "district"
first_year = 2020

[legal_basis]
decision = "1/QĐ-UBND"

[sources]
s = "made up for the tests"

[[bands]]
name = "Khá"
min = 0
status = "read"
source = "s"

[criteria."1"]
name = "Công tác chỉ đạo điều hành"
max = 65
status = "read"
source = "s"

[criteria."2"]
name = "Điều tra xã hội học"
kind = "survey"
max = 35
status = "read"
source = "s"

[criteria."2.1"]
name = "Chỉ số SIPAS"
max = 20
status = "read"
source = "s"
rule = { kind = "mean-percent", inputs = ["access", "procedures", "officials", "results", "feedback"], status = "read", source = "s" }

[criteria."2.2"]
name = "Đánh giá của đại biểu"
max = 10
status = "read"
source = "s"
rule = { kind = "weighted-percent", weights = { leaders = 2, officials = 1 }, decimals = 1, rounding = "down", status = "read", source = "s" }

[criteria."2.3"]
name = "Phiếu hỏi người dân"
max = 5
status = "read"
source = "s"

[criteria."2.3".rule]
kind = "answer-scale"
respondents = "respondents"
answers = [
  { input = "very_satisfied", label = "Rất hài lòng", points = 5 },
  { input = "satisfied", label = "Hài lòng", points = 4 },
  { input = "neutral", label = "Bình thường", points = 2.5 },
  { input = "dissatisfied", label = "Không hài lòng", points = 0 },
]
decimals = 3
rounding = "half-even"
status = "read"
source = "s"
"""

ASSESSMENT = """\
framework = "test-province/district/2020"
unit = "Huyện Thử Nghiệm"
year = 2020

[points]
"1" = 60

[inputs]
"2.1" = { access = 80, procedures = 85.5, officials = 90.25, results = 77, feedback = 66.66 }
"2.2" = { leaders = 91, officials = 80 }
"2.3" = { very_satisfied = 10, satisfied = 20, neutral = 7, dissatisfied = 3, respondents = 40 }
"""


@pytest.fixture(scope="module")
def framework() -> parindex.Framework:
    return parindex.loads_framework(FRAMEWORK)


def _score(framework: parindex.Framework, text: str = ASSESSMENT) -> parindex.Result:
    return parindex.score(framework, parindex.loads_assessment(text))


def _rule(kind: str, **params: object) -> Rule:
    return Rule(kind, Params(params), parindex.Provenance(parindex.Status.READ, "s"))


# --- examples -------------------------------------------------------------------------------

def test_each_survey_kind_scores_its_figures(framework):
    nodes = _score(framework).nodes
    # (80 + 85.5 + 90.25 + 77 + 66.66) ÷ 5 = 79.882 %; 20 × 79.882 % = 15.9764 → 15.98.
    assert nodes["2.1"].points == D("15.98")
    # (2 × 91 + 1 × 80) ÷ 3 = 87.333… %; 10 × that = 8.7333… → down to 1 place: 8.7.
    assert nodes["2.2"].points == D("8.7")
    # (10 × 5 + 20 × 4 + 7 × 2.5 + 3 × 0) ÷ 40 = 147.5 ÷ 40 = 3.6875 → half even: 3.688.
    assert nodes["2.3"].points == D("3.688")
    assert nodes["2"].points == D("15.98") + D("8.7") + D("3.688")
    assert [nodes[c].status for c in ("2.1", "2.2", "2.3")] == ["computed"] * 3


def test_explanations_show_the_arithmetic(framework):
    nodes = _score(framework).nodes
    assert nodes["2.1"].explanation == (
        "mean of 5 percentages: (access 80 + procedures 85.5 + officials 90.25 + results 77 "
        "+ feedback 66.66) ÷ 5 = 399.41 ÷ 5 = 79.882 %; 20 × 79.882 % = 15.9764, rounded "
        "half up to 2 places = 15.98")
    assert nodes["2.2"].explanation == (
        "weighted mean: (2 × leaders 91 + 1 × officials 80) ÷ 3 = 87.3333… %; 10 × 87.3333… "
        "% = 8.7333…, rounded down to 1 place = 8.7")
    assert nodes["2.3"].explanation == (
        "answers very_satisfied (Rất hài lòng), satisfied (Hài lòng), neutral (Bình thường), "
        "dissatisfied (Không hài lòng): (10 × 5 + 20 × 4 + 7 × 2.5 + 3 × 0) ÷ 40 answers = "
        "3.6875, rounded half to even to 3 places = 3.688")


def test_score_and_rule_commands_explain(framework, tmp_path, capsys):
    (tmp_path / "f.toml").write_text(FRAMEWORK, encoding="utf-8")
    (tmp_path / "a.toml").write_text(ASSESSMENT, encoding="utf-8")
    args = ["score", str(tmp_path / "a.toml"), "--framework", str(tmp_path / "f.toml")]
    assert main([*args, "--json"]) == 0
    node = json.loads(capsys.readouterr().out)["nodes"]["2.1"]
    assert node["points"] == "15.98" and node["rule"]["kind"] == "mean-percent"
    assert node["inputs"]["procedures"] == "85.5"
    assert main(args) == 0
    assert "rule mean-percent: mean of 5 percentages" in capsys.readouterr().out
    assert main(["rule", "2.3", "very_satisfied=1", "satisfied=1", "neutral=0",
                 "dissatisfied=0", "respondents=2", "--framework",
                 str(tmp_path / "f.toml")]) == 0
    out = capsys.readouterr().out
    assert out.startswith("2.3 Phiếu hỏi người dân: 4.500 / 5")
    assert "(1 × 5 + 1 × 4 + 0 × 2.5 + 0 × 0) ÷ 2 answers = 4.5" in out


# --- bad figures: typed errors naming the leaf and the figure, exit 2 -----------------------

@pytest.mark.parametrize(("old", "new", "code", "message"), [
    ("access = 80,", "access = 100.5,", "2.1",
     "access = 100.5 is outside [0, 100] %"),
    ("access = 80,", "access = -1,", "2.1", "access = -1 is outside [0, 100] %"),
    ("access = 80,", "access = true,", "2.1", "access = true is a yes/no answer"),
    ("access = 80, ", "", "2.1", "missing access"),
    ("leaders = 91", "leaders = 910", "2.2", "leaders = 910 is outside [0, 100] %"),
    ("respondents = 40", "respondents = 41", "2.3",
     "the answers do not add up: very_satisfied + satisfied + neutral + dissatisfied = 40, "
     "but respondents = 41"),
    ("neutral = 7", "neutral = 7.5", "2.3", "neutral = 7.5 is not a whole count"),
    ("very_satisfied = 10, satisfied = 20, neutral = 7, dissatisfied = 3, respondents = 40",
     "very_satisfied = 0, satisfied = 0, neutral = 0, dissatisfied = 0, respondents = 0",
     "2.3", "no answers"),
    ("dissatisfied = 3", "dissatisfied = -3", "2.3", "dissatisfied = -3 is negative"),
])
def test_bad_figures(framework, tmp_path, capsys, old, new, code, message):
    text = ASSESSMENT.replace(old, new)
    assert text != ASSESSMENT
    path = tmp_path / "a.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(AssessmentError) as error:
        parindex.score(framework, parindex.load_assessment(path))
    [problem] = error.value.problems
    assert message in problem.message and problem.code == code
    assert text.splitlines()[problem.line - 1].startswith(f'"{code}" =')
    (tmp_path / "f.toml").write_text(FRAMEWORK, encoding="utf-8")
    assert main(["score", str(path), "--framework", str(tmp_path / "f.toml")]) == 2
    err = capsys.readouterr().err
    assert message in err and code in err and "Traceback" not in err


@pytest.mark.parametrize(("old", "new", "message"), [
    ('inputs = ["access", "procedures", "officials", "results", "feedback"]', "inputs = []",
     "inputs: missing"),
    ('"results", "feedback"]', '"results", "access"]', "inputs[4]: 'access' is listed twice"),
    ('"results", "feedback"]', '"results", "feed back"]', "'feed back' is not a figure name"),
    ("weights = { leaders = 2, officials = 1 }", "weights = { leaders = 0, officials = 1 }",
     "weights.leaders: 0 must be greater than 0"),
    ('rounding = "down"', 'rounding = "ceiling"', "rounding: 'ceiling' is not one of"),
    ("decimals = 1,", "decimals = 12,", "decimals: 12 must be a whole number from 0 to 9"),
    ('name = "Đánh giá của đại biểu"\nmax = 10', 'name = "Đánh giá của đại biểu"\nmax = 10.25',
     "decimals = 1 cannot hold the maximum 10.25; give decimals ≥ 2"),
    ('label = "Rất hài lòng", points = 5', 'label = "Rất hài lòng", points = 6',
     "answers[0].points: 6 is above the maximum 5"),
    ('{ input = "satisfied", label = "Hài lòng", points = 4 }',
     '{ input = "very_satisfied", label = "Hài lòng", points = 4 }',
     "answers[1].input: 'very_satisfied' is listed twice"),
    ('{ input = "satisfied", label = "Hài lòng", points = 4 }',
     '{ input = "satisfied", name = "Hài lòng", points = 4 }',
     "answers[1]: each answer is a table"),
    ('respondents = "respondents"', 'respondents = "neutral"',
     "respondents: 'neutral' is also an answer"),
])
def test_bad_rules_are_framework_errors(old, new, message):
    text = FRAMEWORK.replace(old, new)
    assert text != FRAMEWORK
    with pytest.raises(FrameworkError) as error:
        parindex.loads_framework(text)
    assert any(message in str(p) for p in error.value.problems), error.value.problems


def test_survey_rules_round_trip_through_toml(framework):
    text = parindex.dumps_framework(framework)
    again = parindex.loads_framework(text)
    assert again == framework
    assert again.nodes["2.3"].rule.params["answers"][2]["label"] == "Bình thường"


# --- properties -----------------------------------------------------------------------------

_PERCENT = st.integers(0, 10_000).map(lambda n: D(n) / 100)
_MAX = st.integers(1, 400).map(lambda n: D(n) / 4)


@given(maximum=_MAX, values=st.lists(_PERCENT, min_size=1, max_size=8),
       decimals=st.integers(0, 4), rounding=st.sampled_from(["half-up", "half-even", "down"]),
       data=st.data())
def test_mean_is_the_exact_mean_scaled_and_rounded_once(maximum, values, decimals, rounding,
                                                        data):
    # A rule whose places cannot hold its maximum is refused (test_bad_rules_are_...).
    decimals = max(decimals, -maximum.as_tuple().exponent)
    names = [f"e{i}" for i in range(len(values))]
    rule = _rule("mean-percent", inputs=names, decimals=decimals, rounding=rounding)
    assert check_params(MEAN_PERCENT, rule.params, maximum) == []
    figures = dict(zip(names, values, strict=True))
    points, _ = apply(MEAN_PERCENT, rule, maximum, figures)
    exact = Fraction(maximum) * sum(map(Fraction, values)) / len(values) / 100
    unit = Fraction(1, 10**decimals)
    assert abs(Fraction(points) - exact) < unit  # one rounding, at the end
    if rounding == "down":
        assert Fraction(points) <= exact
    else:
        assert abs(Fraction(points) - exact) <= unit / 2
    assert 0 <= points <= maximum
    # The order of the elements does not matter; equal weights are the plain mean.
    shuffled = data.draw(st.permutations(names))
    assert apply(MEAN_PERCENT, _rule("mean-percent", inputs=shuffled, decimals=decimals,
                                     rounding=rounding), maximum, figures)[0] == points
    weighted = _rule("weighted-percent", weights=dict.fromkeys(names, 3), decimals=decimals,
                     rounding=rounding)
    assert apply(WEIGHTED_PERCENT, weighted, maximum, figures)[0] == points


@given(maximum=_MAX, values=st.lists(_PERCENT, min_size=2, max_size=5),
       weights=st.lists(st.integers(1, 9), min_size=5, max_size=5), raise_by=_PERCENT)
def test_weighted_mean_is_monotone_and_between_its_extremes(maximum, values, weights, raise_by):
    names = [f"e{i}" for i in range(len(values))]
    rule = _rule("weighted-percent", weights=dict(zip(names, weights, strict=False)),
                 decimals=4)
    figures = dict(zip(names, values, strict=True))
    points, _ = apply(WEIGHTED_PERCENT, rule, maximum, figures)
    low, high = (Fraction(maximum) * Fraction(v) / 100 for v in (min(values), max(values)))
    assert low - Fraction(1, 20_000) <= points <= high + Fraction(1, 20_000)
    better = dict(figures, e0=min(D(100), figures["e0"] + raise_by))
    assert apply(WEIGHTED_PERCENT, rule, maximum, better)[0] >= points


@given(counts=st.lists(st.integers(0, 500), min_size=4, max_size=4).filter(any),
       off_by=st.integers(-3, 3))
def test_answer_scale_mean_and_counts_that_must_add_up(counts, off_by):
    table = [{"input": n, "points": p} for n, p in
             zip(("a", "b", "c", "d"), (D(5), D(4), D("2.5"), D(0)), strict=True)]
    rule = _rule("answer-scale", answers=table, respondents="n", decimals=4)
    figures = {"a": D(counts[0]), "b": D(counts[1]), "c": D(counts[2]), "d": D(counts[3]),
               "n": D(sum(counts) + off_by)}
    if off_by:
        # fewer respondents than none (a count of 1 and off by -2) is refused as negative
        refused = "do not add up" if sum(counts) + off_by >= 0 else "is negative"
        with pytest.raises(RuleInputError, match=refused):
            apply(ANSWER_SCALE, rule, D(5), figures)
        return
    points, _ = apply(ANSWER_SCALE, rule, D(5), figures)
    exact = Fraction(5 * counts[0] + 4 * counts[1]) + Fraction(5, 2) * counts[2]
    assert abs(Fraction(points) - exact / sum(counts)) <= Fraction(1, 20_000)
    assert 0 <= points <= 5
