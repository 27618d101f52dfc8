"""Discovering plugins, isolating failures, and the registry of installed frameworks.

Plugins are found through the ``parindex`` entry-point group. A plugin that fails to
import or register is reported and skipped, so one broken plugin never takes the others
down; strict mode (``PARINDEX_STRICT_PLUGINS=1`` or ``--strict-plugins``) makes it fatal.

Environment variables:

``PARINDEX_PLUGINS``
    comma-separated entry-point names: load only these.
``PARINDEX_DISABLE_PLUGINS``
    comma-separated entry-point names: never load these.
``PARINDEX_STRICT_PLUGINS``
    ``1``: any plugin failure is an error.
"""

from __future__ import annotations

import difflib
import importlib.metadata
import importlib.resources
import os
import types
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, Literal, TypeVar, cast

import attrs
import pluggy

from . import builtins as _builtins

from .. import hookspecs
from .._base.errors import FrameworkError, ParindexError, PluginError, Problem, UnknownFrameworkError
from .._base.model import Framework, method_name
from .._engine.ranking import Ranker
from .._engine.rules import RuleKind, check_params
from .._engine.scoring import BandMethod
from .._formats.toml import load_framework

GROUP = "parindex"


@attrs.frozen
class PluginInfo:
    """What ``parindex plugins`` shows about one plugin.

    :param name: the entry-point name.
    :param distribution: the distribution that provides it.
    :param status: ``ok``, ``error`` (reported and skipped) or ``disabled``.
    """

    name: str
    distribution: str
    version: str
    status: Literal["ok", "error", "disabled"]
    frameworks: tuple[str, ...] = ()
    error: str | None = None
    #: Other names it registers: ``rule:<kind>``, ``ranking:<method>``, ``band:<method>``.
    provides: tuple[str, ...] = ()


@attrs.frozen
class Registry:
    """Installed plugins and the frameworks they provide."""

    plugins: tuple[PluginInfo, ...]
    _frameworks: dict[str, tuple[Framework, PluginInfo]] = attrs.field(alias="frameworks")
    #: Framework ids that two or more plugins provide, with the conflicting plugins.
    conflicts: dict[str, tuple[PluginInfo, ...]] = attrs.field(factory=dict)
    #: Rule kinds by name, built-in and registered (``parindex_scoring_rules``).
    rule_kinds: dict[str, RuleKind] = attrs.field(factory=lambda: dict(_builtins.RULE_KINDS))
    #: Ranking methods by name (``parindex_ranking_methods``).
    ranking_methods: dict[str, Ranker] = attrs.field(
        factory=lambda: dict(_builtins.RANKING_METHODS))
    #: Band methods by name (``parindex_band_methods``).
    band_methods: dict[str, BandMethod] = attrs.field(
        factory=lambda: dict(_builtins.BAND_METHODS))

    @property
    def frameworks(self) -> dict[str, Framework]:
        """Every available framework by id, sorted by id."""
        return {fid: self._frameworks[fid][0] for fid in sorted(self._frameworks)}

    def provider(self, framework_id: str) -> PluginInfo:
        """The plugin that provides a framework."""
        return self._frameworks[framework_id][1]

    def framework(self, framework_id: str) -> Framework:
        """An installed framework by id.

        :raises UnknownFrameworkError: naming the installed ids, or the conflicting plugins.
        """
        if framework_id in self._frameworks:
            return self._frameworks[framework_id][0]
        if framework_id in self.conflicts:
            names = " and ".join(f"{p.distribution} ({p.name})"
                                 for p in self.conflicts[framework_id])
            raise UnknownFrameworkError(
                f"framework {framework_id!r} is provided by both {names}; uninstall one, or "
                "disable one with PARINDEX_DISABLE_PLUGINS")
        known = list(self._frameworks)
        close = difflib.get_close_matches(framework_id, known, n=1, cutoff=0.5)
        hint = f"; did you mean {close[0]!r}?" if close else "."
        installed = ", ".join(known) or "none (install a province plugin)"
        raise UnknownFrameworkError(
            f"no installed plugin provides framework {framework_id!r}{hint} "
            f"Installed: {installed}")


def _names(variable: str) -> set[str] | None:
    value = os.environ.get(variable)
    if value is None:
        return None
    return {name.strip() for name in value.split(",") if name.strip()}


def _strict_from_env() -> bool:
    return os.environ.get("PARINDEX_STRICT_PLUGINS", "").strip().lower() in {"1", "true", "yes"}


def plugin_manager() -> pluggy.PluginManager:
    """A plugin manager with parindex's hook specifications and built-ins only."""
    pm = pluggy.PluginManager(hookspecs.PROJECT)
    pm.add_hookspecs(hookspecs)
    pm.register(_builtins, name="parindex.builtins")
    return pm


def load_registry(*, strict: bool | None = None,
                  entry_points: Iterable[importlib.metadata.EntryPoint] | None = None,
                  extra_plugins: Iterable[tuple[str, object]] = ()) -> Registry:
    """Discover plugins and collect their frameworks.

    :param strict: make any plugin failure an error; default from
        ``PARINDEX_STRICT_PLUGINS``.
    :param entry_points: entry points to load instead of the installed ones (for tests).
    :param extra_plugins: ``(name, module_or_object)`` pairs registered directly, as if
        found through entry points (for tests and one-off plugins).
    :raises PluginError: in strict mode, listing every failing or conflicting plugin.
    """
    strict = _strict_from_env() if strict is None else strict
    only, disabled = _names("PARINDEX_PLUGINS"), _names("PARINDEX_DISABLE_PLUGINS") or set()
    pm = plugin_manager()
    infos: dict[str, PluginInfo] = {}
    if entry_points is None:
        entry_points = importlib.metadata.entry_points(group=GROUP)
    candidates: list[tuple[str, str, str, object]] = []
    for ep in entry_points:
        dist = ep.dist.name if ep.dist else "?"
        version = ep.dist.version if ep.dist else "?"
        if ep.name in disabled or (only is not None and ep.name not in only):
            infos[ep.name] = PluginInfo(ep.name, dist, version, "disabled")
            continue
        candidates.append((ep.name, dist, version, ep))
    for name, plugin in extra_plugins:
        candidates.append((name, getattr(plugin, "__name__", name), "-", plugin))
    if only is not None:
        for missing in sorted(only - {c[0] for c in candidates}):
            _fail(infos, strict, PluginInfo(missing, "?", "?", "error",
                                            error="PARINDEX_PLUGINS names it, but no "
                                                  "installed plugin has this name"))

    for name, dist, version, source in candidates:
        try:
            plugin = source.load() if isinstance(source, importlib.metadata.EntryPoint) else source
            pm.register(plugin, name=name)
            try:
                pm.check_pending()
            except pluggy.PluginValidationError:
                pm.unregister(name=name)
                raise
        except Exception as exc:  # noqa: BLE001 - a plugin may fail in any way
            _fail(infos, strict, PluginInfo(name, dist, version, "error", error=_describe(exc)))
            continue
        infos[name] = PluginInfo(name, dist, version, "ok")

    builtins = PluginInfo("parindex.builtins", "parindex", _version(), "ok")
    named: dict[str, dict[str, list[tuple[Any, PluginInfo]]]] = {}
    for hook, (prefix, kind) in _REGISTRATIONS.items():
        named[hook] = {}
        for impl in getattr(pm.hook, hook).get_hookimpls():
            info = infos.get(impl.plugin_name, builtins)
            try:
                # Checked here: a plugin may return anything.
                items = list(cast("Iterable[Any]", impl.function()))
                bad = [item for item in items if not isinstance(item, kind)]
                if bad:
                    raise TypeError(f"{hook} returned {type(bad[0]).__name__}, "
                                    f"not {kind.__name__}")
            except Exception as exc:  # noqa: BLE001
                _fail(infos, strict, attrs.evolve(info, status="error", error=_describe(exc)))
                continue
            for item in items:
                name = item.id if isinstance(item, Framework) else item.name
                named[hook].setdefault(name, []).append((item, info))
            if impl.plugin_name in infos:
                current = infos[impl.plugin_name]
                names = tuple(sorted(item.id if isinstance(item, Framework) else
                                     f"{prefix}:{item.name}" for item in items))
                infos[impl.plugin_name] = (
                    attrs.evolve(current, frameworks=names) if prefix == "framework"
                    else attrs.evolve(current, provides=tuple(sorted(current.provides + names))))

    unique: dict[str, dict[str, tuple[Any, PluginInfo]]] = {}
    conflicts: dict[str, tuple[PluginInfo, ...]] = {}
    for hook, (prefix, _) in _REGISTRATIONS.items():
        unique[hook] = {}
        for name, providers in named[hook].items():
            if len(providers) == 1:
                unique[hook][name] = providers[0]
                continue
            who = tuple(infos.get(p.name, p) for _, p in providers)
            what = f"framework {name!r}" if prefix == "framework" else f"{prefix} {name!r}"
            message = (f"{what} is provided by more than one plugin: "
                       + ", ".join(f"{p.distribution} ({p.name})" for p in who))
            for p in who:
                if p.name in infos:
                    infos[p.name] = attrs.evolve(infos[p.name], status="error", error=message)
            if prefix == "framework":
                conflicts[name] = tuple(infos.get(p.name, p) for p in who)
            elif any(p.name == builtins.name for p in who):
                # The core's own name stays; the plugin that claims it is the one in error.
                unique[hook][name] = next((item, p) for item, p in providers
                                          if p.name == builtins.name)

    rule_kinds = {n: v[0] for n, v in unique["parindex_scoring_rules"].items()}
    rankers = {n: v[0] for n, v in unique["parindex_ranking_methods"].items()}
    band_methods = {n: v[0] for n, v in unique["parindex_band_methods"].items()}
    available: dict[str, tuple[Framework, PluginInfo]] = {}
    for fid, (framework, info) in unique["parindex_frameworks"].items():
        problems = names_problems(framework, rule_kinds, rankers, band_methods)
        if problems:
            _fail(infos, strict, attrs.evolve(infos.get(info.name, info), status="error",
                                              error=f"framework {fid}: {problems[0]}"))
            continue
        # The info as it stands now, with the frameworks and names it provides.
        available[fid] = (framework, infos.get(info.name, info))
    if strict:
        _raise_failures(infos.values())
    return Registry(tuple(sorted(infos.values(), key=lambda p: p.name)), available, conflicts,
                    rule_kinds, rankers, band_methods)


def _raise_failures(infos: Iterable[PluginInfo]) -> None:
    """Strict mode: every failure at once (a CI log should show them all, not the first)."""
    messages: dict[str, None] = {}
    for info in sorted(infos, key=lambda p: p.name):
        if info.status != "error" or info.error is None:
            continue
        if " is provided by more than one plugin: " in info.error:
            messages[info.error] = None  # a conflict: once, naming every plugin involved
        else:
            messages[f"plugin {info.name!r} ({info.distribution}) failed: {info.error}"] = None
    if messages:
        raise PluginError([Problem(message) for message in messages])


#: Each registration hook: the prefix shown in ``PluginInfo.provides`` and the type it returns.
_REGISTRATIONS: dict[str, tuple[str, type]] = {
    "parindex_frameworks": ("framework", Framework),
    "parindex_scoring_rules": ("rule", RuleKind),
    "parindex_ranking_methods": ("ranking", Ranker),
    "parindex_band_methods": ("band", BandMethod),
}


def names_problems(framework: Framework, rule_kinds: Mapping[str, RuleKind],
                   rankers: Mapping[str, Ranker],
                   band_methods: Mapping[str, BandMethod]) -> list[str]:
    """Names a framework uses (rule kinds, ranking and band methods) that nobody registers,
    and parameters that a plugin's rule kind rejects."""
    problems = []
    ranking = method_name(framework.ranking)
    if ranking not in rankers:
        problems.append(f"ranking {ranking!r} is not a registered ranking method "
                        f"(registered: {', '.join(sorted(rankers))})")
    if framework.band_method not in band_methods:
        problems.append(f"band_method {framework.band_method!r} is not a registered band "
                        f"method (registered: {', '.join(sorted(band_methods))})")
    for node in framework.walk():
        if node.rule is None:
            continue
        kind = rule_kinds.get(node.rule.kind)
        if kind is None:
            problems.append(f"criteria.{node.code}.rule: kind {node.rule.kind!r} is not a "
                            f"registered rule kind (registered: {', '.join(sorted(rule_kinds))})")
        elif node.rule.kind not in _builtins.RULE_KINDS:
            problems += [f"criteria.{node.code}.rule: {message}"
                         for message in check_params(kind, node.rule.params, node.max)]
    return problems


def _fail(infos: dict[str, PluginInfo], strict: bool, info: PluginInfo) -> None:
    # Recorded in strict mode too: strict mode raises them all together at the end.
    infos[info.name] = info


def _describe(exc: BaseException) -> str:
    if isinstance(exc, ParindexError):
        return str(exc)
    return f"{type(exc).__name__}: {exc}"


def _version() -> str:
    try:
        return importlib.metadata.version("parindex")
    except importlib.metadata.PackageNotFoundError:
        return "?"


_REGISTRY: Registry | None = None


def registry(*, reload: bool = False) -> Registry:
    """The registry of installed plugins, discovered once per process."""
    global _REGISTRY  # noqa: PLW0603 - a process-wide cache, like importlib's
    if _REGISTRY is None or reload:
        _REGISTRY = load_registry()
    return _REGISTRY


def registered_names() -> dict[str, Any]:
    """The registered rule kinds, ranking and band methods (for :func:`names_problems`)."""
    current = registry()
    return {"rule_kinds": current.rule_kinds, "rankers": current.ranking_methods,
            "band_methods": current.band_methods}


def rule_kind(name: str) -> RuleKind:
    """A rule kind by name: built in, or registered by an installed plugin.

    :raises FrameworkError: no rule kind has this name (naming those registered).
    """
    if name in _builtins.RULE_KINDS:
        return _builtins.RULE_KINDS[name]
    return _lookup(registry().rule_kinds, name, "rule kind", "parindex_scoring_rules")


def ranking_method(name: str) -> Ranker:
    """A ranking method by name: built in, or registered by an installed plugin."""
    if name in _builtins.RANKING_METHODS:
        return _builtins.RANKING_METHODS[name]
    return _lookup(registry().ranking_methods, name, "ranking method",
                   "parindex_ranking_methods")


def band_method(name: str) -> BandMethod:
    """A band method by name: built in, or registered by an installed plugin."""
    if name in _builtins.BAND_METHODS:
        return _builtins.BAND_METHODS[name]
    return _lookup(registry().band_methods, name, "band method", "parindex_band_methods")


T = TypeVar("T")


def _lookup(table: Mapping[str, T], name: str, what: str, hook: str) -> T:
    if name in table:
        return table[name]
    close = difflib.get_close_matches(name, list(table), n=1, cutoff=0.6)
    hint = f"; did you mean {close[0]!r}?" if close else ""
    raise FrameworkError(Problem(
        f"no {what} is named {name!r}{hint} Registered: {', '.join(sorted(table))} "
        f"(plugins add more with the {hook} hook)"))


def get_framework(framework_id: str) -> Framework:
    """An installed framework by id (see :meth:`Registry.framework`)."""
    return registry().framework(framework_id)


def frameworks_in(package: str | types.ModuleType, folder: str = "frameworks") -> list[Framework]:
    """Load every ``*.toml`` framework in a folder of a package: the usual plugin body.

    >>> from parindex import hookimpl, frameworks_in
    >>> @hookimpl
    ... def parindex_frameworks():
    ...     return frameworks_in("parindex_thua_thien_hue")
    """
    root = importlib.resources.files(package) / folder
    paths = sorted((Path(str(p)) for p in root.iterdir() if p.name.endswith(".toml")),
                   key=lambda p: p.name)
    if not paths:
        raise PluginError(Problem(f"no framework files (*.toml) in {folder}/ of {package}"))
    return [load_framework(path) for path in paths]
