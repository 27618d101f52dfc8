"""The Quảng Nam district framework for 2020, checked against what its sources establish.

Read: 65 appraised + 35 survey, band Khá from 75 to below 85. Everything else is unknown,
and the survey rule (the mean of SIPAS's five elements scaled to 35) is an assumption.
The example assessment's figures are invented (the file says so).
"""

from __future__ import annotations

import unicodedata
from decimal import Decimal as D
from fractions import Fraction
from importlib.resources import files
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import parindex
from parindex import NodeKind, Status
from parindex._cli import main
from parindex.testing.pytest_plugin import conformance_tests

FRAMEWORK_ID = "quang-nam/district/2020"
FILE = Path(str(files("parindex_quang_nam") / "frameworks" / "district-2020.toml"))
EXAMPLE = Path(str(files("parindex_quang_nam") / "examples" / "huyen-mau-2020.toml"))
ELEMENTS = ("tiep_can", "thu_tuc", "cong_chuc", "ket_qua", "gop_y")
ABOVE, BELOW = "(tên không có trong nguồn, trên Khá)", "(tên không có trong nguồn, dưới Khá)"

# The kit's conformance suite (not strict: the survey rule is an assumption, which strict
# mode refuses, as test_strict_conformance_refuses_only_the_assumption shows).
test_conformance = conformance_tests("quang_nam", strict=False)


@pytest.fixture(scope="module")
def framework() -> parindex.Framework:
    return parindex.get_framework(FRAMEWORK_ID)


def test_provided_by_this_distribution(framework):
    provider = parindex.registry().provider(FRAMEWORK_ID)
    assert (provider.name, provider.distribution) == ("quang_nam", "parindex-quang-nam")
    assert parindex.load_framework(FILE) == framework


def test_split_65_appraised_35_survey_as_read(framework):
    appraised, survey = framework.criteria
    assert (appraised.code, appraised.kind, appraised.max) == ("1", NodeKind.CRITERION, D(65))
    assert (survey.code, survey.kind, survey.max) == ("2", NodeKind.SURVEY, D(35))
    assert {n.provenance.status for n in framework.criteria} == {Status.READ}
    assert framework.max == D(100)
    assert appraised.is_leaf and survey.is_leaf


def test_band_kha_75_to_below_85_as_read(framework):
    assert [(b.name, b.min, b.provenance.status) for b in framework.bands] == [
        (ABOVE, D(85), Status.INFERRED), ("Khá", D(75), Status.READ),
        (BELOW, D(0), Status.INFERRED)]
    assert parindex.classify(framework, D("84.99")).name == "Khá"
    assert parindex.classify(framework, D(75)).name == "Khá"
    assert parindex.classify(framework, D(85)).name == ABOVE
    assert parindex.classify(framework, D("74.99")).name == BELOW


def test_unknowns_are_explicit(framework):
    assert list(dict.fromkeys(framework.unknowns())) == [
        "legal_basis", "not_arising", "band_basis", "decimals", "ranking", "rank_by",
        "tie_break"]
    assert framework.fact("legal_basis").status is Status.UNKNOWN
    assert framework.unknown_rules() == []


def test_the_survey_rule_is_an_assumption(framework):
    rule = framework.nodes["2"].rule
    assert rule.kind == "mean-percent" and tuple(rule.params["inputs"]) == ELEMENTS
    assert rule.provenance.status is Status.ASSUMED
    assert framework.sources[rule.provenance.source].startswith("NOT A SOURCE")
    assert framework.assumptions() == ["criteria.2.rule"]


def test_completeness_lists_unknowns_and_the_assumption(capsys):
    assert main(["frameworks", "--completeness", "--framework", FRAMEWORK_ID]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"{FRAMEWORK_ID}: 2 nodes: 0 seed, 2 read, 0 inferred, 0 assumed, "
                          "0 unknown; rules: 1 given, 1 mean-percent")
    assert "  unknown: not_arising\n" in out
    assert out.rstrip().endswith("assumed: criteria.2.rule")


def test_strict_conformance_refuses_only_the_assumption(framework):
    assert parindex.check_conformance(FILE).ok
    report = parindex.check_conformance(FILE, strict=True)
    assert [(f.check, f.key) for f in report.failures] == [("assumptions", "criteria.2.rule")]
    assert FILE.read_text(encoding="utf-8").splitlines()[report.failures[0].line - 1] \
        == '[criteria."2".rule]'


def test_invented_example_scores(framework):
    assert "INVENTED" in EXAMPLE.read_text(encoding="utf-8")
    result = parindex.score(framework, parindex.load_assessment(EXAMPLE))
    # 35 × (82.4 + 79.15 + 85.6 + 80.05 + 71.3) ÷ 5 ÷ 100 = 35 × 79.7 % = 27.895.
    assert result.survey == D("27.8950")
    assert (result.appraised, result.total) == (D("52.25"), D("80.1450"))
    assert result.band.name == "Khá"
    assert [f.kind for f in result.findings] == ["assumed"]


_PERCENT = st.integers(0, 10_000).map(lambda n: D(n) / 100)


@given(values=st.tuples(*[_PERCENT] * 5))
def test_survey_points_are_the_exact_mean_scaled_to_35(values):
    figures = dict(zip(ELEMENTS, values, strict=True))
    points, explanation = parindex.score_leaf(parindex.get_framework(FRAMEWORK_ID), "2",
                                              figures)
    # Percentages to 2 places: 35 × mean ÷ 100 = 7 × sum ÷ 100 is exact at 4 places.
    assert points == Fraction(35) * sum(map(Fraction, values)) / 5 / 100
    assert explanation.endswith(f"= {points}")


@pytest.mark.parametrize(("figure", "value"), [("gop_y", "100.01"), ("thu_tuc", "-5")])
def test_a_percentage_out_of_range_exits_2_naming_leaf_and_figure(tmp_path, capsys, figure,
                                                                  value):
    text = EXAMPLE.read_text(encoding="utf-8")
    old = next(f"{figure} = {v}" for v in ("71.3", "79.15") if f"{figure} = {v}" in text)
    path = tmp_path / "a.toml"
    path.write_text(text.replace(old, f"{figure} = {value}"), encoding="utf-8")
    assert main(["score", str(path)]) == 2
    err = capsys.readouterr().err
    assert f'inputs."2"' in err or "inputs.2" in err
    assert f"{figure} = {value} is outside [0, 100] %" in err
    assert "Traceback" not in err


def test_text_is_nfc():
    for path in (FILE, EXAMPLE):
        assert unicodedata.is_normalized("NFC", path.read_text(encoding="utf-8"))
