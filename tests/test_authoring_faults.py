"""Framework authoring faults that conformance must catch, each failing
``parindex validate --conformance`` with its line (issue 9, item 4): top-level maxima off
the declared scale, a children-sum gap excused by a note instead of ``unitemized``, a rule
reading figures it does not declare, a plugin function named like a hook but not marked,
and a framework id provided by two plugins."""

from __future__ import annotations

import importlib.metadata
import sys
import types
from decimal import Decimal
from pathlib import Path

import pytest

import parindex
from parindex import hookimpl, load_registry
from parindex._cli import main
from parindex._plugins import registry as _plugins


HUE = "thua-thien-hue/commune/2022"

# A framework that conforms strictly (invented test data, shared with test_testing_kit).
GOOD = (Path(__file__).parent / "data" / "strict-framework.toml").read_text(encoding="utf-8")


def _write(tmp_path: Path, text: str, name: str = "framework.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _validate(path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(["validate", "--conformance", str(path)])
    out, err = capsys.readouterr()
    return code, out + err


def _line(text: str, starts: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if line.startswith(starts))


# --- the declared scale ---------------------------------------------------------------------

def test_top_level_maxima_off_the_scale_fail_with_the_line(tmp_path, capsys):
    # Field 1 typed as 60 (its items too): 60 + 30 = 90, not 100.
    text = GOOD.replace('max = 70', 'max = 60').replace(
        'name = "Báo cáo"\nmax = 40', 'name = "Báo cáo"\nmax = 30')
    path = _write(tmp_path, text)
    report = parindex.check_conformance(path)
    [finding] = report.errors
    assert (finding.check, finding.line) == ("scale", _line(text, '[criteria."1"]'))
    assert "appraised 60 + survey 30 = 90" in finding.message
    code, output = _validate(path, capsys)
    assert code == 2 and f"[scale] line {finding.line}:" in output
    assert "Traceback" not in output


def test_a_declared_scale_is_used_and_needs_its_provenance(tmp_path):
    # 70 + 30 + a bonus of 10 on a declared 110-point scale (as Thái Nguyên's communes).
    bonus = ('\n[criteria."3"]\nname = "Điểm thưởng"\nkind = "bonus"\nmax = 10\n'
             'status = "read"\nsource = "qd"\n')
    declared = GOOD.replace('band_basis = "index"', 'band_basis = "index"\nscale = 110')
    report = parindex.check_conformance(_write(tmp_path, declared + bonus))
    assert [(f.check, f.key) for f in report.errors] == [("provenance", "provenance.scale")]
    sourced = declared.replace('tie_break = { status = "read", source = "qd" }',
                               'tie_break = { status = "read", source = "qd" }\n'
                               'scale = { status = "read", source = "qd" }')
    assert parindex.check_conformance(_write(tmp_path, sourced + bonus), strict=True).ok
    assert parindex.loads_framework(sourced + bonus).scale == Decimal(110)
    # Without the bonus node, 100 is not the declared 110: the line of scale is named.
    report = parindex.check_conformance(_write(tmp_path, sourced))
    [finding] = report.errors
    assert (finding.check, finding.key, finding.line) == ("scale", "scale",
                                                         _line(sourced, "scale = 110"))
    # A bonus on top of the usual 100 points is outside the scale: no scale key needed.
    assert parindex.check_conformance(_write(tmp_path, GOOD + bonus), strict=True).ok


def test_scale_round_trips():
    framework = parindex.loads_framework(
        GOOD.replace('band_basis = "index"', 'band_basis = "index"\nscale = 110'))
    assert parindex.loads_framework(parindex.dumps_framework(framework)) == framework
    assert "scale" not in parindex.dumps_framework(parindex.loads_framework(GOOD))


# --- unitemized -----------------------------------------------------------------------------

MISSUMMED = GOOD.replace('name = "Báo cáo"\nmax = 40', 'name = "Báo cáo"\nmax = 35').replace(
    'name = "Công tác chỉ đạo điều hành"\nmax = 70\nstatus = "read"\nsource = "qd"',
    'name = "Công tác chỉ đạo điều hành"\nmax = 70\nstatus = "read"\nsource = "qd"\n'
    'note = "The items printed under it add up to 65."')


def test_a_note_no_longer_excuses_a_children_sum_gap(tmp_path, capsys):
    path = _write(tmp_path, MISSUMMED)
    report = parindex.check_conformance(path)
    [finding] = report.errors
    assert (finding.check, finding.code) == ("maxima", "1")
    assert finding.line == _line(MISSUMMED, '[criteria."1"]')
    assert "unitemized = 5" in finding.message
    code, output = _validate(path, capsys)
    assert code == 2 and f"[maxima] line {finding.line}:" in output


def test_unitemized_excuses_exactly_the_gap_it_names(tmp_path):
    declared = MISSUMMED.replace('max = 70\n', 'max = 70\nunitemized = 5\n')
    report = parindex.check_conformance(_write(tmp_path, declared), strict=True)
    assert report.ok
    assert [f.message for f in report.notes if f.check == "maxima"] == [
        "items' maxima add up to 65, not to the maximum 70 (difference 5); "
        "unitemized = 5 declares it"]
    wrong = MISSUMMED.replace('max = 70\n', 'max = 70\nunitemized = 4\n')
    [finding] = parindex.check_conformance(_write(tmp_path, wrong)).errors
    assert (finding.check, finding.line) == ("maxima", _line(wrong, "unitemized = 4"))
    # A gap declared where there is none (the maxima were fixed) is stale: an error.
    stale = GOOD.replace('max = 70\n', 'max = 70\nunitemized = 5\n')
    [finding] = parindex.check_conformance(_write(tmp_path, stale)).errors
    assert finding.check == "maxima" and "there is no gap to declare" in finding.message
    assert parindex.loads_framework(declared).nodes["1"].unitemized == Decimal(5)
    framework = parindex.loads_framework(declared)
    assert parindex.loads_framework(parindex.dumps_framework(framework)) == framework


def test_hue_declares_the_gaps_of_fields_3_and_6():
    framework = parindex.get_framework(HUE)
    assert {c: framework.nodes[c].unitemized for c in ("3", "6")} == {
        "3": Decimal("1.0"), "6": Decimal("1.0")}
    report = parindex.check_conformance(framework, strict=True)
    assert report.ok
    assert [f.code for f in report.notes if f.check == "maxima"] == ["3", "6"]


# --- rules reading figures they do not declare ---------------------------------------------

def _reads_more(params, maximum, figures):
    # Declares this_year only, but reads last_year too.
    return maximum if figures["this_year"] >= figures["last_year"] else Decimal(0)


@hookimpl
def _sloppy_rules() -> list[parindex.RuleKind]:
    return [parindex.RuleKind("at-least-last-year", "sloppy", (), lambda p, m: [],
                              lambda params: ("this_year",), _reads_more)]


def test_a_rule_reading_undeclared_figures_fails_at_load_with_the_line(tmp_path, capsys,
                                                                        monkeypatch):
    sloppy = types.ModuleType("sloppy")
    sloppy.parindex_scoring_rules = _sloppy_rules  # type: ignore[attr-defined]
    monkeypatch.setattr(_plugins, "_REGISTRY", load_registry(extra_plugins=[("sloppy", sloppy)]))
    text = GOOD.replace('name = "Báo cáo"\nmax = 40\n',
                        'name = "Báo cáo"\nmax = 40\nrule = { kind = "at-least-last-year", '
                        'status = "read", source = "qd" }\n')
    path = _write(tmp_path, text)
    report = parindex.check_conformance(path)
    [finding] = report.errors
    assert (finding.check, finding.code) == ("rules", "1.2")
    assert finding.line == _line(text, "rule = {")
    assert "reads 'last_year', which its kind does not declare" in finding.message
    code, output = _validate(path, capsys)
    assert code == 2 and f"line {finding.line}" in output
    # Loading it for scoring refuses it too, at the same line.
    assert main(["rule", "1.2", "this_year=3", "--framework", str(path)]) == 2
    err = capsys.readouterr().err
    assert f"framework.toml:{finding.line}:" in err and "last_year" in err
    monkeypatch.setattr(_plugins, "_REGISTRY", None)


def test_scoring_refuses_an_undeclared_read_without_a_traceback():
    from parindex._engine.rules import RuleInputError, apply

    [kind] = _sloppy_rules()
    rule = parindex.Rule(kind.name, {}, parindex.Provenance(parindex.Status.READ, "qd"))
    with pytest.raises(RuleInputError, match="reads the figure 'last_year', which it does "
                                             "not declare"):
        apply(kind, rule, Decimal(1), {"this_year": Decimal(3)})


# --- plugin functions named like hooks but not marked --------------------------------------

PLUGIN = '''\
"""A province plugin whose author forgot @hookimpl."""
from parindex import frameworks_in


def parindex_frameworks():
    return frameworks_in("parindex_forgetful")
'''


def test_an_unmarked_hook_is_a_plugin_problem_with_its_line(tmp_path, capsys, monkeypatch):
    package = tmp_path / "parindex_forgetful"
    (package / "frameworks").mkdir(parents=True)
    (package / "__init__.py").write_text(PLUGIN, encoding="utf-8")
    toml = _write(package / "frameworks", GOOD, "commune-2024.toml")
    monkeypatch.syspath_prepend(str(tmp_path))
    entry = importlib.metadata.EntryPoint(name="forgetful", value="parindex_forgetful",
                                          group="parindex")
    real = list(importlib.metadata.entry_points(group="parindex"))
    monkeypatch.setattr(importlib.metadata, "entry_points",
                        lambda group=None: [*real, entry])
    monkeypatch.setattr(_plugins, "_REGISTRY", None)
    registry = _plugins.registry()
    info = {p.name: p for p in registry.plugins}["forgetful"]
    assert info.status == "error"
    assert "parindex_frameworks" in info.error and "not marked @parindex.hookimpl" in info.error
    assert f"{package / '__init__.py'}, line 5" in info.error
    assert "thua-thien-hue/commune/2022" in registry.frameworks  # the others still load
    code, output = _validate(toml, capsys)
    assert code == 2 and "[plugins]" in output and "line 5" in output
    code, output = main(["plugins"]), capsys.readouterr().out
    assert code == 0 and "not marked" in output
    monkeypatch.setattr(_plugins, "_REGISTRY", None)
    sys.modules.pop("parindex_forgetful", None)


def test_a_misnamed_function_is_named_with_the_close_hook():
    def parindex_framework():  # not a hook: the s is missing
        return []

    module = types.ModuleType("typo")
    module.parindex_framework = parindex_framework  # type: ignore[attr-defined]
    [info] = load_registry(entry_points=[], extra_plugins=[("typo", module)]).plugins
    assert info.status == "error"
    assert "did you mean 'parindex_frameworks'" in info.error


# --- one framework id from two plugins -----------------------------------------------------

def test_a_duplicate_id_disables_only_that_framework(monkeypatch, capsys):
    hue = parindex.get_framework(HUE)
    other = parindex.loads_framework(GOOD)

    @hookimpl
    def provides_both() -> list[parindex.Framework]:
        return [hue, other]

    copy = types.ModuleType("copy_of_hue")
    copy.parindex_frameworks = provides_both  # type: ignore[attr-defined]
    registry = load_registry(extra_plugins=[("copy_of_hue", copy)])
    assert HUE not in registry.frameworks
    # Every other framework of both plugins is still served.
    assert other.id in registry.frameworks
    assert registry.provider(other.id).name == "copy_of_hue"
    monkeypatch.setattr(_plugins, "_REGISTRY", registry)
    report = parindex.check_conformance(HUE)
    [finding] = report.errors
    assert finding.check == "plugins"
    assert "parindex-thua-thien-hue (thua_thien_hue)" in finding.message
    assert "copy_of_hue" in finding.message
    assert parindex.check_conformance(other.id, strict=True).ok
    # From the command line, by id too.
    code, output = _validate(Path(HUE), capsys)
    assert code == 2 and "[plugins] id: framework thua-thien-hue/commune/2022 is provided " \
        "by both" in output
    # The shipped file's own check names the conflict at the id's line.
    shipped = Path(parindex.__file__).parents[2] / "plugins/thua_thien_hue/src" \
        / "parindex_thua_thien_hue/frameworks/commune-2022.toml"
    code, output = _validate(shipped, capsys)
    text = shipped.read_text(encoding="utf-8")
    assert code == 2 and f"[plugins] line {_line(text, 'id = ')}: id:" in output
    monkeypatch.setattr(_plugins, "_REGISTRY", None)
