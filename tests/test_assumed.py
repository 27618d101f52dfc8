"""The ``assumed`` status: a user's working hypothesis scores like a known value, is
reported by completeness, and fails strict conformance (it must not be published).

The hypothesis overlay (docs/examples/overlays/quang-tri-2020-hypothesis.toml) assumes
Quảng Trị's Tốt threshold of 80, which frameworks research records as consistent with the
known results but not confirmed; the other numbers here are invented and say so.
"""

from __future__ import annotations

import json
from decimal import Decimal as D
from pathlib import Path

import attrs
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import parindex
from parindex import FrameworkError, Provenance, Status
from parindex._cli import main
from parindex.testing import strategies

ROOT = Path(__file__).resolve().parents[1]
HYPOTHESIS = ROOT / "docs" / "examples" / "overlays" / "quang-tri-2020-hypothesis.toml"
EXAMPLE = ROOT / "docs" / "examples" / "example-framework.toml"


def _assume_band(text: str, name: str, minimum: str) -> str:
    """The example framework with one band's threshold given as an assumption."""
    marker = f'name = "{name}"'
    head, tail = text.split(marker, 1)
    block, rest = tail.split("[[", 1) if "[[" in tail else (tail, "")
    lines = [line for line in block.splitlines()
             if not line.startswith(("min", "status", "source", "note"))]
    new = "\n".join([*lines[:2], f"min = {minimum}", 'status = "assumed"',
                     'source = "guess"', 'note = "Invented working hypothesis."', ""])
    return head + marker + new + ("\n[[" + rest if rest else "")


def _example_with_assumption() -> str:
    text = EXAMPLE.read_text(encoding="utf-8")
    text = text.replace("[sources]\n", '[sources]\nguess = "working hypothesis (invented)"\n', 1)
    return _assume_band(text, "Khá", "70")


def test_status_reads_and_writes_in_toml():
    framework = parindex.loads_framework(_example_with_assumption())
    kha = next(b for b in framework.bands if b.name == "Khá")
    assert kha.min == D(70)
    assert kha.provenance == Provenance(Status.ASSUMED, "guess", "Invented working hypothesis.")
    assert framework.assumptions() == ["bands.Khá.min"]
    assert "bands.Khá.min" not in framework.unknowns()
    again = parindex.loads_framework(parindex.dumps_framework(framework))
    assert again == framework


def test_assumed_value_needs_a_source():
    text = _example_with_assumption().replace('source = "guess"\n', "", 1)
    try:
        parindex.loads_framework(text)
    except FrameworkError as exc:
        assert any("an assumed value needs a source" in str(p) for p in exc.problems)
    else:
        raise AssertionError("an assumed value without a source was accepted")


def test_assumed_max_is_counted_and_scores(hue, thuy_thanh):
    node = hue.nodes["3.5.2"]
    assumed = attrs.evolve(node, provenance=Provenance(Status.ASSUMED, "seed-000", "a guess"))

    def swap(n: parindex.Node) -> parindex.Node:
        if n.code == "3.5.2":
            return assumed
        return attrs.evolve(n, children=[swap(c) for c in n.children])

    framework = attrs.evolve(hue, criteria=[swap(n) for n in hue.criteria])
    assert framework.completeness()[Status.ASSUMED] == 1
    assert framework.assumptions() == ["criteria.3.5.2.max"]
    assert parindex.score(framework, thuy_thanh).total == D("78.636")  # scores as given
    report = parindex.check_conformance(framework, strict=True)
    assert [(f.check, f.key) for f in report.failures] == [("assumptions",
                                                           'criteria."3.5.2".max')]


def test_conformance_reports_and_strict_refuses(tmp_path):
    path = tmp_path / "framework.toml"
    path.write_text(_example_with_assumption(), encoding="utf-8")
    lenient = parindex.check_conformance(path)
    assert lenient.ok
    [finding] = [f for f in lenient.unfinished if f.check == "assumptions"]
    assert finding.key == "bands.2.min"
    line = path.read_text(encoding="utf-8").splitlines()[finding.line - 1]
    assert line.startswith("[[bands]]") or line.startswith("min = 70")
    strict = parindex.check_conformance(path, strict=True)
    assert not strict.ok and finding in strict.failures


def test_overlay_hypothesis_reported_by_completeness(capsys):
    assert main(["frameworks", "--completeness", "--framework", str(HYPOTHESIS)]) == 0
    out = capsys.readouterr().out
    assert "  assumed: bands.Tốt.min" in out
    assert "  unknown: bands.Khá.min" in out
    assert main(["frameworks", "--completeness", "--json", "--framework",
                 str(HYPOTHESIS)]) == 0
    [summary] = json.loads(capsys.readouterr().out)["frameworks"]
    assert summary["assumptions"] == ["bands.Tốt.min"]
    assert summary["bands"]["Tốt"] == "assumed"
    assert summary["completeness"]["assumed"] == 0  # no node's maximum is assumed


def test_overlay_hypothesis_refused_by_strict_conformance(capsys):
    assert main(["validate", "--conformance", str(HYPOTHESIS)]) == 0
    assert main(["validate", "--conformance", "--strict", str(HYPOTHESIS)]) == 2
    captured = capsys.readouterr()
    text = HYPOTHESIS.read_text(encoding="utf-8").splitlines()
    line = next(i for i, t in enumerate(text, 1) if t == "min = 80")
    assert f"[assumptions] line {line}: bands.0.min: assumed" in captured.out
    assert "fails conformance: 0 error(s), 1 unfinished" in captured.err
    assert "Traceback" not in captured.err


def test_overlay_may_replace_an_assumed_value_without_corrects():
    hypothesis = parindex.apply_overlay(parindex.load_overlay(HYPOTHESIS))
    # The derived framework as a base of its own: a sourced value may now replace the
    # assumption without `corrects`, as it may replace an unknown one.
    overlay = parindex.loads_overlay(f"""\
base = "{hypothesis.id}"
id = "quang-tri/district/2020-confirmed"

[sources]
annex = "an annex (invented for the test)"

[[bands]]
name = "Tốt"
min = 82
status = "read"
source = "annex"

[[bands]]
name = "Khá"
min = 0
status = "read"
source = "annex"
""")
    confirmed = parindex.apply_overlay(overlay, hypothesis)
    assert [b.min for b in confirmed.bands] == [D(82), D(0)]
    assert confirmed.assumptions() == []


def test_overlay_may_not_change_a_sourced_value_to_an_assumption(hue):
    overlay = parindex.loads_overlay("""\
base = "thua-thien-hue/commune/2022"
id = "thua-thien-hue/commune/2022-guess"

[sources]
guess = "a working hypothesis (invented for the test)"

[criteria."3"]
max = 15
status = "assumed"
source = "guess"
""")
    try:
        parindex.apply_overlay(overlay, hue)
    except FrameworkError as exc:
        assert any("conflicts with the base" in str(p) for p in exc.problems)
    else:
        raise AssertionError("an assumption silently replaced a seed-sourced maximum")


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(framework=strategies.frameworks(), data=st.data())
def test_strict_conformance_fails_exactly_on_assumptions(framework, data):
    codes = [n.code for n in framework.walk() if n.max is not None]
    chosen = set(data.draw(st.lists(st.sampled_from(codes), unique=True, max_size=3)))
    source = next(iter(framework.sources))

    def swap(n: parindex.Node) -> parindex.Node:
        if n.code in chosen:
            n = attrs.evolve(n, provenance=Provenance(Status.ASSUMED, source))
        return attrs.evolve(n, children=[swap(c) for c in n.children])

    assumed = attrs.evolve(framework, criteria=[swap(n) for n in framework.criteria])
    assert sorted(assumed.assumptions()) == sorted(f"criteria.{c}.max" for c in chosen)
    before = parindex.check_conformance(framework, strict=True).failures
    after = parindex.check_conformance(assumed, strict=True).failures
    added = [f for f in after if f not in before]
    assert sorted(f.code or "" for f in added) == sorted(chosen)
    assert all(f.check == "assumptions" for f in added)
