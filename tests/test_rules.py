"""Declarative scoring rules: every kind on examples, its errors, and its invariants.

The framework below is made up for the tests (its one source says so); the Sơn Dung
figures are those of seed 003 (489 of 493 dossiers resolved before or on time).
"""

from __future__ import annotations

import json
from decimal import Decimal as D
from fractions import Fraction

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import parindex
from parindex import AssessmentError, FrameworkError, MissingInformationError, Rule
from parindex._cli import main
from parindex._base.numbers import quantize
from parindex.testing import strategies
from parindex._engine.rules import (
    DEDUCTION,
    PROPORTIONAL,
    THRESHOLD,
    YES_NO,
    Params,
    RuleInputError,
    apply,
    check_params,
)

FRAMEWORK = """\
id = "test-province/commune/2024"
name = "Bộ chỉ số thử nghiệm"
level = "commune"
first_year = 2024

[legal_basis]
decision = "1/QĐ-UBND"

[sources]
s = "made up for the tests"

[[bands]]
name = "Tốt"
min = 80
status = "read"
source = "s"

[[bands]]
name = "Khá"
min = 0
status = "read"
source = "s"

[criteria."1"]
name = "Thủ tục hành chính"
max = 100
status = "read"
source = "s"

[criteria."1.1"]
name = "Tỷ lệ hồ sơ giải quyết đúng hạn"
max = 40
status = "read"
source = "s"
rule = { kind = "proportional", numerator = "on_time", denominator = "resolved", floor = 5, target = 0.98, status = "read", source = "s" }

[criteria."1.2"]
name = "Báo cáo định kỳ"
max = 30
status = "read"
source = "s"

[criteria."1.2".rule]
kind = "deduction"
input = "late_reports"
per = 0.25
floor = 10
status = "read"
source = "s"

[criteria."1.3"]
name = "Xin lỗi người dân"
max = 20
status = "read"
source = "s"
rule = { kind = "threshold", numerator = "apologised", denominator = "late", steps = [{ min = 0.95, points = 20 }, { min = 0.8, points = 10 }], otherwise = 0, status = "read", source = "s" }

[criteria."1.4"]
name = "Ban hành kế hoạch"
max = 6
status = "read"
source = "s"
rule = { kind = "yes-no", input = "issued", status = "read", source = "s" }

[criteria."1.5"]
name = "Không rõ cách chấm"
max = 4
status = "read"
source = "s"
rule = { kind = "unknown", status = "unknown", note = "no source says" }
"""

ASSESSMENT = """\
framework = "test-province/commune/2024"
unit = "Xã Sơn Dung"
year = 2024

[points]
"1.5" = 3

[inputs]
"1.1" = { on_time = 489, resolved = 493 }
"1.2" = { late_reports = 3 }
"1.3" = { apologised = 4, late = 4 }
"1.4" = { issued = true }
"""


@pytest.fixture(scope="module")
def framework() -> parindex.Framework:
    return parindex.loads_framework(FRAMEWORK)


def _score(framework: parindex.Framework, text: str = ASSESSMENT) -> parindex.Result:
    return parindex.score(framework, parindex.loads_assessment(text))


# --- every kind on an example ---------------------------------------------------------------

def test_every_kind_scores_its_figures(framework):
    result = _score(framework)
    nodes = result.nodes
    # 40 × (489/493) ÷ 0.98 = 40.4838… → capped at the maximum 40.
    assert nodes["1.1"].points == D("40.00")
    assert nodes["1.2"].points == D("29.25")  # 30 − 0.25 × 3
    assert nodes["1.3"].points == D(20)  # 4 of 4 = 100 % ≥ 95 %
    assert nodes["1.4"].points == D(6)
    assert nodes["1.5"].points == D(3) and nodes["1.5"].status == "given"
    assert result.total == D("98.25")
    assert [nodes[c].status for c in ("1.1", "1.2", "1.3", "1.4")] == ["computed"] * 4
    assert nodes["1.2"].inputs == {"late_reports": D(3)}
    assert nodes["1.2"].rule == framework.nodes["1.2"].rule
    assert nodes["1.2"].explanation == "30 − 0.25 × late_reports 3, not below 10 = 29.25"


def test_proportional_rounds_half_up_to_its_decimals(framework):
    rule = framework.nodes["1.1"].rule
    params = Params({**rule.params, "target": 1, "floor": 0})
    points, text = apply(PROPORTIONAL, attrs.evolve(rule, params=params), D(1),
                         {"on_time": D(489), "resolved": D(493)})
    assert points == D("0.99")  # 489/493 = 0.99188…
    assert "on_time 489 ÷ resolved 493 = 99.19 %" in text
    params = Params({**params, "decimals": 4})
    points, _ = apply(PROPORTIONAL, attrs.evolve(rule, params=params), D(1),
                      {"on_time": D(489), "resolved": D(493)})
    assert points == D("0.9919")


def test_proportional_floor_applies(framework):
    text = ASSESSMENT.replace("on_time = 489", "on_time = 10")
    # 40 × 10/493 ÷ 0.98 = 0.83 → the floor 5.
    assert _score(framework, text).nodes["1.1"].points == D(5)


def test_threshold_steps_and_otherwise(framework):
    for apologised, points in ((4, 20), (3, 0), (17, 10)):
        text = ASSESSMENT.replace("apologised = 4, late = 4",
                                  f"apologised = {apologised}, late = {max(apologised, 4) if apologised != 17 else 20}")
        assert _score(framework, text).nodes["1.3"].points == D(points), apologised


def test_yes_no_false_gives_zero(framework):
    text = ASSESSMENT.replace("issued = true", "issued = false")
    assert _score(framework, text).nodes["1.4"].points == 0


def test_deduction_never_below_its_floor(framework):
    text = ASSESSMENT.replace("late_reports = 3", "late_reports = 500")
    assert _score(framework, text).nodes["1.2"].points == D(10)


# --- bad figures: clear errors with file, line and code -------------------------------------

@pytest.mark.parametrize(("old", "new", "message"), [
    ("on_time = 489, resolved = 493", "on_time = 489, resolved = 0",
     "resolved = 0: the share on_time / resolved is undefined"),
    ("late_reports = 3", "late_reports = -1", "late_reports = -1 is negative"),
    ("late_reports = 3", "late_reports = 1.5", "late_reports = 1.5 is not a whole count"),
    ("on_time = 489, resolved = 493", "on_time = 494, resolved = 493",
     "on_time = 494 is more than resolved = 493"),
    ("on_time = 489, resolved = 493", "on_time = 489", "missing resolved"),
    ("late_reports = 3", "late_reports = 3, lates = 2", "not read by the rule: lates"),
    ("issued = true", "issued = 1", "a yes-no rule takes true or false"),
])
def test_bad_figures(framework, tmp_path, old, new, message):
    path = tmp_path / "a.toml"
    path.write_text(ASSESSMENT.replace(old, new), encoding="utf-8")
    with pytest.raises(AssessmentError) as error:
        parindex.score(framework, parindex.load_assessment(path))
    [problem] = error.value.problems
    assert message in problem.message
    assert problem.path == path and problem.line is not None
    assert problem.code in {"1.1", "1.2", "1.4"}
    assert ASSESSMENT.replace(old, new).splitlines()[problem.line - 1].startswith(
        f'"{problem.code}" =')


def test_figures_for_a_leaf_without_rule(framework):
    text = ASSESSMENT.replace('"1.5" = 3', "") + '"1.5" = { done = true }\n'
    with pytest.raises(MissingInformationError, match=r"rule is unknown.*overlay"):
        _score(framework, text)
    plain = FRAMEWORK.replace('rule = { kind = "yes-no", input = "issued", status = "read", '
                              'source = "s" }\n', "")
    with pytest.raises(AssessmentError, match="1.4 .* has no rule that computes its points"):
        _score(parindex.loads_framework(plain), ASSESSMENT)


def test_points_and_figures_for_one_code(framework):
    text = ASSESSMENT.replace('"1.5" = 3', '"1.5" = 3\n"1.4" = 6')
    with pytest.raises(AssessmentError, match="given both points and figures"):
        _score(framework, text)


def test_figures_for_unknown_code_or_a_node_with_items(framework):
    with pytest.raises(AssessmentError, match="'9.9' is not a criterion"):
        _score(framework, ASSESSMENT + '"9.9" = { a = 1 }\n')
    with pytest.raises(AssessmentError, match="figures are for leaves"):
        _score(framework, ASSESSMENT + '"1" = { a = 1 }\n')


def test_rule_needing_an_unknown_maximum():
    text = FRAMEWORK.replace('max = 30\nstatus = "read"\nsource = "s"\n\n[criteria."1.2".rule]',
                             'max = "unknown"\nstatus = "unknown"\n\n[criteria."1.2".rule]')
    framework = parindex.loads_framework(text.replace("max = 100\n", 'max = "unknown"\n', 1)
                                         .replace('name = "Thủ tục hành chính"\nmax = "unknown"'
                                                  '\nstatus = "read"\nsource = "s"',
                                                  'name = "Thủ tục hành chính"\nmax = "unknown"'
                                                  '\nstatus = "unknown"'))
    with pytest.raises(MissingInformationError, match=r'needs its maximum.*\[criteria."1.2"\]'):
        _score(framework)


# --- bad rules in framework files ---------------------------------------------------------

@pytest.mark.parametrize(("old", "new", "message"), [
    ("floor = 5, target = 0.98", "floor = 5, target = 98", "target: 98 is a share above 1"),
    ("floor = 5, target = 0.98", "floor = 50, target = 0.98", "floor: 50 is above the maximum 40"),
    ("floor = 5, target = 0.98", "floor = 5, targt = 0.98", "targt: not a parameter"),
    ("per = 0.25", "per = 0", "per: 0 must be greater than 0"),
    ("floor = 5, target = 0.98", "floor = 5, target = 0.98, decimals = 0, cap = 39.5",
     "cap: 39.5 has more places than decimals = 0"),
    ("{ min = 0.95, points = 20 }, { min = 0.8, points = 10 }",
     "{ min = 0.8, points = 10 }, { min = 0.95, points = 20 }", "steps go from the highest"),
    ("{ min = 0.95, points = 20 }", "{ min = 0.95, points = 21 }", "21 is above the maximum 20"),
    ('kind = "yes-no", input = "issued", status = "read"',
     'kind = "yes-no", input = "issued", status = "unknown"', 'status is "unknown" but the rule'),
    ('kind = "unknown", status = "unknown"', 'kind = "unknown", status = "read", source = "s"',
     'kind is "unknown" but status is'),
    ('kind = "yes-no", input = "issued"', 'kind = "Yes No", input = "issued"',
     "is not a rule kind's name"),
])
def test_bad_rules_are_framework_errors(old, new, message):
    assert old in FRAMEWORK
    with pytest.raises(FrameworkError) as error:
        parindex.loads_framework(FRAMEWORK.replace(old, new))
    assert any(message in str(p) for p in error.value.problems), error.value
    assert all(p.line is not None for p in error.value.problems)


def test_rule_on_a_node_with_items():
    text = FRAMEWORK.replace('name = "Thủ tục hành chính"\nmax = 100',
                             'name = "Thủ tục hành chính"\nmax = 100\n'
                             'rule = { kind = "yes-no", input = "x", status = "read", source = "s" }')
    with pytest.raises(FrameworkError, match="has items"):
        parindex.loads_framework(text)


def test_rules_and_inputs_round_trip(framework):
    again = parindex.loads_framework(parindex.dumps_framework(framework))
    assert again == framework
    assert parindex.dumps_framework(again) == parindex.dumps_framework(framework)
    assessment = parindex.loads_assessment(ASSESSMENT)
    assert parindex.loads_assessment(parindex.dumps_assessment(assessment)) == assessment


def test_unknown_rules_are_listed(framework):
    assert framework.unknown_rules() == ["criteria.1.5.rule"]
    quang_ngai = parindex.get_framework("quang-ngai/commune/2023")
    assert "criteria.3.4.1.rule" in quang_ngai.unknown_rules()


def test_json_and_table_show_rule_inputs_and_points(framework, tmp_path, capsys):
    (tmp_path / "f.toml").write_text(FRAMEWORK, encoding="utf-8")
    (tmp_path / "a.toml").write_text(ASSESSMENT, encoding="utf-8")
    args = ["score", str(tmp_path / "a.toml"), "--framework", str(tmp_path / "f.toml")]
    assert main([*args, "--json"]) == 0
    node = json.loads(capsys.readouterr().out)["nodes"]["1.2"]
    assert node["status"] == "computed" and node["points"] == "29.25"
    assert node["rule"] == {"kind": "deduction", "input": "late_reports", "per": "0.25",
                            "floor": 10, "status": "read", "source": "s"}
    assert node["inputs"] == {"late_reports": "3"}
    assert node["explanation"].endswith("= 29.25")
    assert main(args) == 0
    assert "rule deduction: 30 − 0.25 × late_reports 3" in capsys.readouterr().out


def test_batch_refuses_figures(framework):
    with pytest.raises(AssessmentError, match="score_many"):
        parindex.score_many(framework, [parindex.loads_assessment(ASSESSMENT)], batch=True)


# --- properties -----------------------------------------------------------------------------

def _rule(kind: str, **params: object) -> Rule:
    return Rule(kind, Params(params), parindex.Provenance(parindex.Status.READ, "s"))


_MAX = st.integers(1, 400).map(lambda n: D(n) / 4)
_COUNTS = st.integers(1, 10_000).flatmap(lambda whole: st.tuples(st.integers(0, whole),
                                                                 st.just(whole)))


@given(maximum=_MAX, counts=_COUNTS, extra=st.integers(0, 100),
       floor=st.integers(0, 100), target=st.integers(50, 100), decimals=st.integers(2, 4))
def test_proportional_is_monotone_and_within_floor_and_max(maximum, counts, extra, floor,
                                                           target, decimals):
    part, whole = counts
    floor_points = min(D(floor) / 100 * maximum, maximum).quantize(D(1).scaleb(-decimals),
                                                                  rounding="ROUND_FLOOR")
    rule = _rule("proportional", numerator="a", denominator="b", floor=floor_points,
                 target=D(target) / 100, decimals=decimals)
    assert check_params(PROPORTIONAL, rule.params, maximum) == []
    low, _ = apply(PROPORTIONAL, rule, maximum, {"a": D(part), "b": D(whole)})
    more = min(part + extra, whole)
    high, _ = apply(PROPORTIONAL, rule, maximum, {"a": D(more), "b": D(whole)})
    assert floor_points <= low <= high <= maximum
    exact = min(max(Fraction(maximum) * Fraction(part, whole) / (Fraction(target, 100)),
                    Fraction(floor_points)), Fraction(maximum))
    assert low == quantize(exact, decimals)


_STEPS = st.lists(st.tuples(st.integers(0, 100), st.integers(0, 40)), min_size=1, max_size=5,
                  unique_by=lambda s: s[0]).map(lambda steps: sorted(steps, reverse=True))


@given(steps=_STEPS, otherwise=st.integers(0, 40), counts=_COUNTS, extra=st.integers(0, 100))
def test_threshold_is_a_step_function_of_declared_values(steps, otherwise, counts, extra):
    table = [{"min": D(low) / 100, "points": D(points) / 4} for low, points in steps]
    rule = _rule("threshold", numerator="a", denominator="b", steps=table,
                 otherwise=D(otherwise) / 4)
    assert check_params(THRESHOLD, rule.params, D(10)) == []
    part, whole = counts
    points, _ = apply(THRESHOLD, rule, D(10), {"a": D(part), "b": D(whole)})
    declared = {step["points"] for step in table} | {D(otherwise) / 4}
    assert points in declared
    # The step taken is the first whose min the share reaches.
    share = Fraction(part, whole)
    reached = [step for step in table if share >= Fraction(step["min"])]
    assert points == (reached[0]["points"] if reached else D(otherwise) / 4)


@given(maximum=_MAX, per=st.integers(1, 100), floor=st.integers(0, 100),
       count=st.integers(0, 1000), extra=st.integers(0, 50))
def test_deduction_never_goes_below_its_floor(maximum, per, floor, count, extra):
    floor_points = min(D(floor) / 4, maximum)
    rule = _rule("deduction", input="n", per=D(per) / 100, floor=floor_points)
    assert check_params(DEDUCTION, rule.params, maximum) == []
    points, _ = apply(DEDUCTION, rule, maximum, {"n": D(count)})
    fewer, _ = apply(DEDUCTION, rule, maximum, {"n": D(max(count - extra, 0))})
    assert floor_points <= points <= fewer <= maximum
    assert points == max(maximum - D(per) / 100 * count, floor_points)


@given(maximum=_MAX, answer=st.booleans())
def test_yes_no_gives_full_or_zero(maximum, answer):
    points, _ = apply(YES_NO, _rule("yes-no", input="done"), maximum, {"done": answer})
    assert points == (maximum if answer else 0)


@given(part=st.integers(0, 10), whole=st.integers(-5, 0))
def test_a_share_of_nothing_or_less_is_refused(part, whole):
    with pytest.raises(RuleInputError):
        apply(PROPORTIONAL, _rule("proportional", numerator="a", denominator="b"), D(1),
              {"a": D(part), "b": D(whole)})


# --- round trip of rules and figures on random frameworks -----------------------------------

@st.composite
def _rules_for(draw: st.DrawFn, maximum: D, source: str) -> Rule:
    provenance = parindex.Provenance(parindex.Status.READ, source,
                                     draw(st.sampled_from([None, "a note"])))
    kind = draw(st.sampled_from(["yes-no", "proportional", "threshold", "deduction",
                                 "unknown", "points"]))
    quarter = st.integers(0, int(maximum * 4)).map(lambda n: D(n) / 4)
    if kind == "unknown":
        return Rule("unknown", Params(), parindex.Provenance(parindex.Status.UNKNOWN))
    if kind == "points":
        return Rule("points", Params(), provenance)
    if kind == "yes-no":
        return Rule(kind, Params({"input": "done"}), provenance)
    if kind == "deduction":
        params = {"input": "late", "per": D(draw(st.integers(1, 100))) / 100}
        if draw(st.booleans()):
            params["floor"] = draw(quarter)
        return Rule(kind, Params(params), provenance)
    if kind == "threshold":
        lows = sorted(draw(st.sets(st.integers(0, 100), min_size=1, max_size=4)), reverse=True)
        steps = [{"min": D(low) / 100, "points": draw(quarter)} for low in lows]
        return Rule(kind, Params({"numerator": "a", "denominator": "b", "steps": steps}),
                    provenance)
    params = {"numerator": "a", "denominator": "b", "decimals": 4,
              "target": D(draw(st.integers(1, 100))) / 100}
    if draw(st.booleans()):
        params["floor"] = draw(quarter)
    return Rule(kind, Params(params), provenance)


def _with_rules(node: parindex.Node, rules: dict[str, Rule]) -> parindex.Node:
    if node.children:
        return attrs.evolve(node, children=[_with_rules(c, rules) for c in node.children])
    return attrs.evolve(node, rule=rules.get(node.code))


@settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow])
@given(framework=strategies.frameworks(), data=st.data())
def test_rules_round_trip_on_random_frameworks(framework, data):
    source = next(iter(framework.sources))
    rules = {leaf.code: data.draw(_rules_for(leaf.max, source))
             for leaf in framework.walk() if leaf.is_leaf and leaf.max is not None}
    for code, rule in rules.items():
        maximum = framework.nodes[code].max
        kind = {k.name: k for k in (YES_NO, PROPORTIONAL, THRESHOLD, DEDUCTION)}.get(rule.kind)
        assert kind is None or check_params(kind, rule.params, maximum) == []
    framework = attrs.evolve(framework, criteria=[_with_rules(n, rules) for n in
                                                  framework.criteria])
    text = parindex.dumps_framework(framework)
    again = parindex.loads_framework(text)
    assert again == framework
    assert parindex.dumps_framework(again) == text
