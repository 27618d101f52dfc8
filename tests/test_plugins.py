"""Plugin discovery: failures are isolated, conflicts named, misspelled hooks caught."""

from __future__ import annotations

import importlib.metadata
import types

import pytest

import parindex
from parindex import PluginError, UnknownFrameworkError, hookimpl, load_registry

HUE = parindex.get_framework("thua-thien-hue/commune/2022")


def _plugin(name: str, **hooks: object) -> types.ModuleType:
    module = types.ModuleType(name)
    for hook, function in hooks.items():
        setattr(module, hook, function)
    return module


@hookimpl
def _provides_hue() -> list[parindex.Framework]:
    return [HUE]


@hookimpl
def _raises() -> list[parindex.Framework]:
    raise RuntimeError("annex file missing")


@hookimpl
def _misspelled() -> list[parindex.Framework]:
    return []


BROKEN_IMPORT = importlib.metadata.EntryPoint(
    name="broken", value="parindex_no_such_module", group="parindex")


def test_installed_plugins_are_found():
    registry = parindex.registry()
    assert "thua-thien-hue/commune/2022" in registry.frameworks
    assert registry.provider("thua-thien-hue/commune/2022").distribution == \
        "parindex-thua-thien-hue"


def test_broken_plugins_are_reported_and_skipped():
    registry = load_registry(entry_points=[BROKEN_IMPORT], extra_plugins=[
        ("good", _plugin("good", parindex_frameworks=_provides_hue)),
        ("raising", _plugin("raising", parindex_frameworks=_raises)),
    ])
    status = {p.name: (p.status, p.error) for p in registry.plugins}
    assert status["good"] == ("ok", None)
    assert status["broken"][0] == "error"
    assert "ModuleNotFoundError" in status["broken"][1]
    assert status["raising"] == ("error", "RuntimeError: annex file missing")
    assert registry.framework("thua-thien-hue/commune/2022") == HUE


def test_strict_mode_makes_failures_fatal(monkeypatch):
    with pytest.raises(PluginError, match="plugin 'broken'"):
        load_registry(strict=True, entry_points=[BROKEN_IMPORT])
    monkeypatch.setenv("PARINDEX_STRICT_PLUGINS", "1")
    with pytest.raises(PluginError):
        load_registry(entry_points=[BROKEN_IMPORT])


def test_misspelled_hook_is_an_error():
    registry = load_registry(entry_points=[], extra_plugins=[
        ("typo", _plugin("typo", parindex_framework=_misspelled))])
    [info] = registry.plugins
    assert info.status == "error" and "parindex_framework" in info.error


def test_two_plugins_with_the_same_framework_id():
    registry = load_registry(entry_points=[], extra_plugins=[
        ("one", _plugin("one", parindex_frameworks=_provides_hue)),
        ("two", _plugin("two", parindex_frameworks=_provides_hue))])
    with pytest.raises(UnknownFrameworkError, match="provided by both one .* and two"):
        registry.framework("thua-thien-hue/commune/2022")
    assert all(p.status == "error" for p in registry.plugins)
    with pytest.raises(PluginError, match="more than one plugin"):
        load_registry(strict=True, entry_points=[], extra_plugins=[
            ("one", _plugin("one", parindex_frameworks=_provides_hue)),
            ("two", _plugin("two", parindex_frameworks=_provides_hue))])


def test_environment_selects_and_blocks(monkeypatch):
    monkeypatch.setenv("PARINDEX_DISABLE_PLUGINS", "thua_thien_hue")
    registry = load_registry()
    assert "thua-thien-hue/commune/2022" not in registry.frameworks
    assert {p.name: p.status for p in registry.plugins}["thua_thien_hue"] == "disabled"
    monkeypatch.delenv("PARINDEX_DISABLE_PLUGINS")
    monkeypatch.setenv("PARINDEX_PLUGINS", "thua_thien_hue,nonesuch")
    registry = load_registry()
    status = {p.name: p.status for p in registry.plugins if p.status != "disabled"}
    assert status == {"thua_thien_hue": "ok", "nonesuch": "error"}


def test_unknown_framework_suggests():
    with pytest.raises(UnknownFrameworkError, match="did you mean 'thua-thien-hue/commune/2022'"):
        parindex.get_framework("thua-thien-hue/commune/2021")


def test_broken_and_duplicate_plugins_beside_the_real_ones():
    registry = load_registry(entry_points=[*importlib.metadata.entry_points(group="parindex"),
                                           BROKEN_IMPORT], extra_plugins=[
        ("copy_of_hue", _plugin("copy_of_hue", parindex_frameworks=_provides_hue))])
    status = {p.name: p for p in registry.plugins}
    assert status["broken"].status == "error"
    assert status["quang_tri"].status == "ok" and status["quang_ngai"].status == "ok"
    assert "quang-tri/district/2020" in registry.frameworks
    # The duplicate id is an error naming both distributions; neither copy is served.
    assert "thua-thien-hue/commune/2022" not in registry.frameworks
    message = status["copy_of_hue"].error
    assert "parindex-thua-thien-hue (thua_thien_hue)" in message and "copy_of_hue" in message
    assert status["thua_thien_hue"].error == message


def test_plugins_json_lists_what_each_plugin_registers(capsys):
    from parindex._cli import main

    assert main(["plugins", "--json"]) == 0
    import json

    plugins = {p["name"]: p for p in json.loads(capsys.readouterr().out)["plugins"]}
    assert plugins["quang_tri"] == {
        "name": "quang_tri", "distribution": "parindex-quang-tri",
        "version": plugins["quang_tri"]["version"], "status": "ok",
        "frameworks": ["quang-tri/district/2020"], "error": None, "provides": [],
        "seconds": None}


def test_strict_flag_on_the_command_line(monkeypatch, capsys):
    from parindex._cli import main

    broken = importlib.metadata.EntryPoint(name="broken", value="parindex_no_such_module",
                                           group="parindex")
    real = list(importlib.metadata.entry_points(group="parindex"))
    monkeypatch.setattr(importlib.metadata, "entry_points",
                        lambda group=None: [*real, broken])
    with parindex.using_registry(load_registry()):  # discovered with the broken one
        assert main(["plugins", "--json"]) == 0  # reported, skipped
        assert '"broken"' in capsys.readouterr().out
        assert main(["--strict-plugins", "plugins"]) == 2
        assert "plugin 'broken'" in capsys.readouterr().err


def test_frameworks_says_why_a_framework_is_missing(monkeypatch, capsys):
    # A broken plugin and a second copy of the Huế framework installed beside the real
    # ones: `parindex frameworks` still works, its JSON stays clean on stdout, and stderr
    # says what was skipped and why the Huế framework is not listed.
    import json
    import sys

    from parindex._cli import main

    copy = _plugin("parindex_test_copy_of_hue", parindex_frameworks=_provides_hue)
    monkeypatch.setitem(sys.modules, "parindex_test_copy_of_hue", copy)
    extra = [BROKEN_IMPORT, importlib.metadata.EntryPoint(
        name="copy_of_hue", value="parindex_test_copy_of_hue", group="parindex")]
    real = list(importlib.metadata.entry_points(group="parindex"))
    monkeypatch.setattr(importlib.metadata, "entry_points",
                        lambda group=None: [*real, *extra])
    installed = parindex.using_registry(load_registry())
    with installed:
        assert main(["frameworks", "--json", "--completeness"]) == 0
    out, err = capsys.readouterr()
    listed = [f["id"] for f in json.loads(out)["frameworks"]]
    assert "quang-tri/district/2020" in listed
    assert "thua-thien-hue/commune/2022" not in listed
    assert "warning: framework thua-thien-hue/commune/2022 is not listed" in err
    assert "parindex-thua-thien-hue (thua_thien_hue)" in err and "(copy_of_hue)" in err
    assert "warning: plugin 'broken'" in err and "ModuleNotFoundError" in err
    # Strict mode fails, naming every failure, not only the first.
    assert main(["--strict-plugins", "frameworks"]) == 2
    err = capsys.readouterr().err.splitlines()
    assert any("plugin 'broken'" in line for line in err)
    assert any("is provided by more than one plugin" in line for line in err)


def test_strict_mode_lists_every_failure():
    with pytest.raises(PluginError) as info:
        load_registry(strict=True, entry_points=[BROKEN_IMPORT], extra_plugins=[
            ("one", _plugin("one", parindex_frameworks=_provides_hue)),
            ("two", _plugin("two", parindex_frameworks=_provides_hue)),
            ("raising", _plugin("raising", parindex_frameworks=_raises))])
    messages = [p.message for p in info.value.problems]
    assert len(messages) == 3
    assert any("plugin 'broken'" in m for m in messages)
    assert any("plugin 'raising'" in m and "annex file missing" in m for m in messages)
    assert any("provided by more than one plugin: one (one), two (two)" in m for m in messages)


def test_provider_is_the_plugin_as_listed():
    registry = parindex.registry()
    for framework_id in registry.frameworks:
        provider = registry.provider(framework_id)
        assert framework_id in provider.frameworks
        assert provider in registry.plugins


def test_conformance_names_a_framework_two_plugins_provide_in_either_language():
    """validate --conformance of a framework two plugins provide: the conflict is a
    finding at its id, said in the reader's language with the plugins' names."""
    from parindex._audit.conformance import check_conformance
    from parindex._base.i18n import say

    registry = load_registry(entry_points=[], extra_plugins=[
        ("one", _plugin("one", parindex_frameworks=_provides_hue)),
        ("two", _plugin("two", parindex_frameworks=_provides_hue))])
    framework = parindex.get_framework("thua-thien-hue/commune/2022")
    with parindex.using_registry(registry):
        [found] = [f for f in check_conformance(framework).findings if f.check == "plugins"]
    assert found.key == "id" and found.severity == "error"
    assert str(found.message).startswith("framework thua-thien-hue/commune/2022 is provided "
                                         "by both ")
    assert " (one) and " in found.message and found.message.endswith(
        "uninstall one, or disable one with PARINDEX_DISABLE_PLUGINS")
    said = say(found.message, "vi")
    assert said.startswith("bộ tiêu chí thua-thien-hue/commune/2022 được cả ")
    assert " (one) và " in said and "PARINDEX_DISABLE_PLUGINS" in said
