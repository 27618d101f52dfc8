"""Every hook of parindex.hookspecs, exercised through a plugin registered for the test.

Each hook has a test named ``test_hook_<hook name>`` (a meta-test checks the convention).
The core's built-ins go through the same hooks, and names a framework uses must be
registered by someone.
"""

from __future__ import annotations

import contextlib
import types
from collections.abc import Mapping
from decimal import Decimal as D
from fractions import Fraction

import pytest

import parindex
from parindex import (
    BandMethod,
    FrameworkError,
    PluginError,
    Ranker,
    RuleKind,
    hookimpl,
    hookspecs,
    load_registry,
)
from parindex._plugins import registry as _plugins
from parindex._engine.rules import Params

FRAMEWORK = """\
id = "test-province/commune/2024"
name = "Thử"
level = "commune"
first_year = 2024
ranking = "{ranking}"
band_method = "{band_method}"

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
name = "Một"
max = 60
status = "read"
source = "s"
rule = {{ kind = "{kind}", a = "done", status = "read", source = "s" }}

[criteria."2"]
name = "Hai"
max = 40
status = "read"
source = "s"
"""


def _framework(kind: str = "yes-no", ranking: str = "competition",
               band_method: str = "minimum") -> parindex.Framework:
    text = FRAMEWORK.format(kind=kind, ranking=ranking, band_method=band_method)
    if kind == "yes-no":
        text = text.replace('a = "done"', 'input = "done"')
    return parindex.loads_framework(text)


def _plugin(name: str, **hooks: object) -> types.ModuleType:
    module = types.ModuleType(name)
    for hook, function in hooks.items():
        setattr(module, hook, hookimpl(function))
    return module


def _assessment(unit: str, one: object, two: str) -> parindex.Assessment:
    figures = {"done": one} if isinstance(one, bool) else {}
    points = {} if isinstance(one, bool) else {"1": D(str(one))}
    return parindex.Assessment("test-province/commune/2024", unit, 2024,
                               {**points, "2": D(two)}, inputs={"1": figures} if figures else {})


@pytest.fixture
def use():
    """Install a registry for the test: frameworks built from then on are bound to it."""
    with contextlib.ExitStack() as stack:
        yield lambda registry: stack.enter_context(parindex.using_registry(registry))


def test_every_hook_is_specified_and_documented():
    hooks = sorted(name for name in vars(hookspecs) if name.startswith("parindex_"))
    assert hooks == ["parindex_band_methods", "parindex_frameworks",
                     "parindex_ranking_methods", "parindex_scoring_rules"]
    tests = {name for name in globals() if name.startswith("test_hook_")}
    assert tests == {f"test_hook_{hook}" for hook in hooks}


def test_builtins_are_registered_through_the_hooks():
    pm = _plugins.plugin_manager()
    assert sorted(k.name for kinds in pm.hook.parindex_scoring_rules() for k in kinds) == [
        "answer-scale", "deduction", "mean-percent", "points", "proportional", "threshold",
        "unknown", "weighted-percent", "yes-no"]
    assert sorted(r.name for rs in pm.hook.parindex_ranking_methods() for r in rs) == [
        "competition", "dense"]
    assert [b.name for bs in pm.hook.parindex_band_methods() for b in bs] == ["minimum"]
    registry = load_registry(entry_points=[])
    assert set(registry.rule_kinds) >= {"proportional", "threshold", "deduction", "yes-no"}


# --- parindex_frameworks --------------------------------------------------------------------

def test_hook_parindex_frameworks():
    framework = _framework()
    registry = load_registry(entry_points=[], extra_plugins=[
        ("test_plugin", _plugin("test_plugin", parindex_frameworks=lambda: [framework]))])
    assert registry.framework("test-province/commune/2024") is framework
    [info] = registry.plugins
    assert info.frameworks == ("test-province/commune/2024",) and info.status == "ok"
    # A framework that names a method nobody registers fails its plugin, clearly.
    odd = _framework(ranking="olympic")
    registry = load_registry(entry_points=[], extra_plugins=[
        ("odd", _plugin("odd", parindex_frameworks=lambda: [odd]))])
    [info] = registry.plugins
    assert info.status == "error"
    assert "ranking 'olympic' is not a registered ranking method (registered: competition, " \
           "dense)" in info.error
    assert "test-province/commune/2024" not in registry.frameworks
    with pytest.raises(PluginError, match="olympic"):
        load_registry(strict=True, entry_points=[], extra_plugins=[
            ("odd", _plugin("odd", parindex_frameworks=lambda: [odd]))])


# --- parindex_scoring_rules -----------------------------------------------------------------

def _at_least_check(params: Params, maximum: D | None) -> list[str]:
    return [] if isinstance(params.get("a"), str) else ["a: name the figure"]


def _at_least_points(params: Params, maximum: D | None, figures: Mapping[str, object]) -> D:
    # Full marks when the unit did at least as much as the year before, else half: a rule
    # that compares two years' figures, which no TOML key expresses.
    assert maximum is not None
    return maximum if figures["this_year"] >= figures["last_year"] else maximum / 2  # type: ignore[operator]


AT_LEAST = RuleKind("at-least-last-year", "Full marks if not below last year, else half.",
                    ("a",), _at_least_check, lambda p: ("this_year", "last_year"),
                    _at_least_points)


def test_hook_parindex_scoring_rules(use):
    framework = _framework(kind="at-least-last-year")
    registry = use(load_registry(entry_points=[], extra_plugins=[
        ("rules", _plugin("rules", parindex_scoring_rules=lambda: [AT_LEAST])),
        ("fw", _plugin("fw", parindex_frameworks=lambda: [framework]))]))
    assert registry.rule_kinds["at-least-last-year"] is AT_LEAST
    assert {p.name: p.provides for p in registry.plugins}["rules"] == (
        "rule:at-least-last-year",)
    # The registry binds the frameworks plugins provide to the kinds other plugins register.
    framework = registry.framework(framework.id)
    assert framework.methods.rule_kinds == {"at-least-last-year": AT_LEAST}
    assessment = parindex.Assessment(framework.id, "Xã A", 2024, {"2": D(30)}, inputs={
        "1": {"this_year": D(12), "last_year": D(15)}})
    result = parindex.score(framework, assessment)
    assert result.nodes["1"].points == D(30) and result.nodes["1"].status == "computed"
    assert result.total == D(60)
    # The plugin's checks run on frameworks that use its kind.
    bad = parindex.loads_framework(FRAMEWORK.format(kind="at-least-last-year",
                                                    ranking="competition",
                                                    band_method="minimum")
                                   .replace('a = "done"', "a = 3"))
    registry = load_registry(entry_points=[], extra_plugins=[
        ("rules", _plugin("rules", parindex_scoring_rules=lambda: [AT_LEAST])),
        ("fw", _plugin("fw", parindex_frameworks=lambda: [bad]))])
    assert "criteria.1.rule: a: name the figure" in \
        {p.name: p.error for p in registry.plugins}["fw"]


def test_an_unregistered_rule_kind_is_named(use):
    use(load_registry(entry_points=[]))
    framework = _framework(kind="at-least-last-year")
    assessment = parindex.Assessment(framework.id, "Xã A", 2024, {"2": D(30)}, inputs={
        "1": {"this_year": D(12), "last_year": D(15)}})
    with pytest.raises(FrameworkError, match="no rule kind named 'at-least-last-year' was "
                                             "registered when test-province/commune/2024 "
                                             "was built"):
        parindex.score(framework, assessment)


def test_names_are_resolved_when_a_framework_is_built(use):
    # Built under a registry that has the kind, a framework keeps it after that registry
    # is gone: scoring reads the framework, never the registry in use.
    with parindex.using_registry(load_registry(entry_points=[], extra_plugins=[
            ("rules", _plugin("rules", parindex_scoring_rules=lambda: [AT_LEAST]))])):
        framework = _framework(kind="at-least-last-year")
    assert framework.methods.rule_kinds["at-least-last-year"] is AT_LEAST
    use(load_registry(entry_points=[]))
    assessment = parindex.Assessment(framework.id, "Xã A", 2024, {"2": D(30)}, inputs={
        "1": {"this_year": D(12), "last_year": D(15)}})
    assert parindex.score(framework, assessment).nodes["1"].points == D(30)
    # Bound to another registry on request; binding never loses what it has.
    empty = load_registry(entry_points=[])
    assert empty.bind(framework).methods.rule_kinds["at-least-last-year"] is AT_LEAST
    assert empty.bind(_framework(kind="yes-no")) == _framework(kind="yes-no")


def test_a_plugin_rule_out_of_range_is_refused(use):
    def too_many(params, maximum, figures):
        return D(1000)
    kind = RuleKind("at-least-last-year", "broken", ("a",), _at_least_check,
                    lambda p: ("this_year", "last_year"), too_many)
    use(load_registry(entry_points=[], extra_plugins=[
        ("rules", _plugin("rules", parindex_scoring_rules=lambda: [kind]))]))
    framework = _framework(kind="at-least-last-year")
    assessment = parindex.Assessment(framework.id, "Xã A", 2024, {"2": D(30)}, inputs={
        "1": {"this_year": D(12), "last_year": D(15)}})
    with pytest.raises(parindex.AssessmentError, match=r"gave Decimal\('1000'\), not points"):
        parindex.score(framework, assessment)


def test_a_plugin_cannot_take_a_builtin_name():
    fake = RuleKind("proportional", "an impostor", (), lambda p, m: [], lambda p: (),
                    lambda p, m, f: D(0))
    registry = load_registry(entry_points=[], extra_plugins=[
        ("impostor", _plugin("impostor", parindex_scoring_rules=lambda: [fake]))])
    [info] = registry.plugins
    assert info.status == "error" and "parindex (parindex.builtins)" in info.error
    assert registry.rule_kinds["proportional"] is not fake


def test_two_plugins_register_the_same_rule_kind():
    registry = load_registry(entry_points=[], extra_plugins=[
        ("one", _plugin("one", parindex_scoring_rules=lambda: [AT_LEAST])),
        ("two", _plugin("two", parindex_scoring_rules=lambda: [AT_LEAST]))])
    assert {p.status for p in registry.plugins} == {"error"}
    assert "rule 'at-least-last-year' is provided by more than one plugin" in \
        registry.plugins[0].error
    assert "at-least-last-year" not in registry.rule_kinds


def test_a_hook_returning_the_wrong_type_is_reported():
    registry = load_registry(entry_points=[], extra_plugins=[
        ("wrong", _plugin("wrong", parindex_scoring_rules=lambda: ["proportional"]))])
    [info] = registry.plugins
    assert info.status == "error"
    assert info.error == "TypeError: parindex_scoring_rules returned str, not RuleKind"


# --- parindex_ranking_methods ---------------------------------------------------------------

def _modified_competition(keys):
    """Ties share the lowest position: 1, 3, 3, 4 ("1334" ranking)."""
    return [sum(1 for other in keys if not other < key) for key in keys]


MODIFIED = Ranker("modified-competition", "1, 3, 3, 4", _modified_competition)


def test_hook_parindex_ranking_methods(use):
    registry = use(load_registry(entry_points=[], extra_plugins=[
        ("rank", _plugin("rank", parindex_ranking_methods=lambda: [MODIFIED]))]))
    framework = _framework(ranking="modified-competition")
    assert registry.ranking_methods["modified-competition"] is MODIFIED
    units = [_assessment(u, one, "30") for u, one in
             (("Xã A", "60"), ("Xã B", "50"), ("Xã C", "50"), ("Xã D", "10"))]
    ranking = parindex.score_many(framework, units)
    assert [u.rank for u in ranking] == [1, 3, 3, 4]
    assert parindex.rank_values([9, 8, 8, 7], MODIFIED) == [1, 3, 3, 4]
    assert parindex.rank_values([9, 8, 8, 7], "dense") == [1, 2, 2, 3]
    with pytest.raises(FrameworkError, match="supports only the built-in ones"):
        parindex.score_many(framework, [_assessment("Xã A", "60", "30")], batch=True)


def test_a_ranking_method_that_contradicts_the_values_is_refused(use):
    backwards = Ranker("backwards", "worst first", lambda keys: [
        sorted(keys).index(k) + 1 for k in keys])
    with pytest.raises(FrameworkError, match="do not follow the values"):
        parindex.rank_values([3, 2, 1], backwards)
    with pytest.raises(FrameworkError, match="no built-in ranking method is named 'dens'; "
                                             "did you mean 'dense'"):
        parindex.rank_values([3, 2, 1], "dens")


@pytest.mark.parametrize("keys, named", [
    ([90, "80", 70], ("'80'", "90")),
    ([(Fraction(1), Fraction(2)), (Fraction(1), None)], ("Fraction(2, 1))", "None)")),
    ([None, 1], ("None", "1"))])
@pytest.mark.parametrize("method", ["competition", "dense", "plugin"])
def test_keys_that_do_not_compare_are_an_argument_error_naming_two(keys, named, method, use):
    # Sorting them raised a bare TypeError ('<' not supported between 'str' and 'int'),
    # and a plugin's method was called with them first.
    called = []
    ranker = Ranker("plugin", "counts calls", lambda k: called.append(k) or [1] * len(k))
    with pytest.raises(parindex.ArgumentError) as caught:
        parindex.rank_values(keys, ranker if method == "plugin" else method)
    said = str(caught.value)
    assert caught.value.problems[0].key == "keys"
    assert "cannot be ranked" in said and all(name in said for name in named)
    assert "không so sánh được" in caught.value.problems[0].message.said("vi")
    assert not called


@pytest.mark.parametrize("keys", [
    [float("nan"), 1.0], [D("NaN"), D(1)],
    [(Fraction(1), float("nan")), (Fraction(2), 1.0)]])
@pytest.mark.parametrize("method", ["competition", "dense", "plugin"])
def test_a_key_that_is_not_a_number_is_an_argument_error(keys, method, use):
    # NaN is neither above nor below any key: [nan, 1] was ranked [2, 1], silently.
    called = []
    ranker = Ranker("plugin", "counts calls", lambda k: called.append(k) or [1] * len(k))
    with pytest.raises(parindex.ArgumentError) as caught:
        parindex.rank_values(keys, ranker if method == "plugin" else method)
    assert caught.value.problems[0].key == "keys"
    assert "is not a finite number" in str(caught.value) and "nan" in str(caught.value).lower()
    assert "không phải là một số hữu hạn" in caught.value.problems[0].message.said("vi")
    assert not called


# --- parindex_band_methods ------------------------------------------------------------------

def _strictly_above(framework: parindex.Framework, value: Fraction) -> parindex.Band:
    for band in framework.bands:
        if band.min is not None and (value > band.min or band.min == 0):
            return band
    return framework.bands[-1]


ABOVE = BandMethod("strictly-above", "value > min", _strictly_above)


def test_hook_parindex_band_methods(use):
    registry = use(load_registry(entry_points=[], extra_plugins=[
        ("bands", _plugin("bands", parindex_band_methods=lambda: [ABOVE]))]))
    framework = _framework(band_method="strictly-above")
    assert registry.band_methods["strictly-above"] is ABOVE
    assert parindex.classify(framework, D(80)).name == "Khá"
    assert parindex.classify(framework, D("80.01")).name == "Tốt"
    assert parindex.classify(_framework(), D(80)).name == "Tốt"  # the built-in minimum
    result = parindex.score(framework, _assessment("Xã A", "50", "30"))
    assert result.band.name == "Khá"
    with pytest.raises(FrameworkError, match="band method"):
        parindex.score_many(framework, [_assessment("Xã A", "50", "30")], batch=True)


def test_a_band_method_must_return_a_band(use):
    stray = BandMethod("stray", "returns a band of its own",
                       lambda f, v: parindex.Band("Khác", D(0), f.bands[0].provenance))
    use(load_registry(entry_points=[], extra_plugins=[
        ("bands", _plugin("bands", parindex_band_methods=lambda: [stray]))]))
    with pytest.raises(FrameworkError, match="not one of the bands"):
        parindex.classify(_framework(band_method="stray"), D(50))


def test_misspelled_registration_hooks_are_errors():
    for typo in ("parindex_scoring_rule", "parindex_ranking_method", "parindex_band_method"):
        registry = load_registry(entry_points=[], extra_plugins=[
            ("typo", _plugin("typo", **{typo: lambda: []}))])
        [info] = registry.plugins
        assert info.status == "error" and typo in info.error
