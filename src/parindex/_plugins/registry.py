"""Discovering plugins, isolating failures, and the registry of installed frameworks.

Plugins are found through the ``parindex`` entry-point group. A plugin that fails to
import or register is reported and skipped, so one broken plugin never takes the others
down; strict mode (``PARINDEX_STRICT_PLUGINS=1`` or ``--strict-plugins``) makes it fatal.

Environment variables:

``PARINDEX_PLUGINS``
    comma-separated entry-point names: load only these. Set but empty is an error (it
    would silently disable every plugin); unset it to load them all.
``PARINDEX_DISABLE_PLUGINS``
    comma-separated entry-point names: never load these.
``PARINDEX_STRICT_PLUGINS``
    ``1``: any plugin failure is an error.
"""

from __future__ import annotations

import contextlib
import difflib
import importlib.metadata
import os
import sys
import time
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, Literal, cast

import attrs
import pluggy

from . import builtins as _builtins

from .. import hookspecs
from .._base.errors import FrameworkError, ParindexError, PluginError, Problem, UnknownFrameworkError
from .._base.i18n import Sentence, reason
from .._base.model import Framework, Methods, RankingMethod, method_name
from .._engine.ranking import Ranker
from .._engine.rules import RuleKind, check_params, undeclared_figures
from .._engine.scoring import BandMethod

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
    #: Seconds it took to load and register, when over :data:`SLOW_PLUGIN_SECONDS`.
    seconds: float | None = None


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

    def bind(self, framework: Framework) -> Framework:
        """The framework bound to the rule kinds, ranking and band methods it names, as this
        registry has them (names it does not have stay unbound; scoring refuses them).

        Frameworks are bound when they are built (:func:`parindex.load_framework`, the
        registry's own); bind again to score one built under another registry.
        """
        return _bind(framework, self.rule_kinds, self.ranking_methods, self.band_methods)

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
            names = Sentence.joined(())
            for number, p in enumerate(self.conflicts[framework_id]):
                names += (Sentence("and") if number else "") + f"{p.distribution} ({p.name})"
            raise UnknownFrameworkError(Problem(Sentence(
                "f_two_plugins", framework=repr(framework_id), plugins=names)))
        known = list(self._frameworks)
        close = difflib.get_close_matches(framework_id, known, n=1, cutoff=0.5)
        hint = Sentence("f_did_you_mean", close=repr(close[0])) if close else "."
        raise UnknownFrameworkError(Problem(Sentence(
            "f_unknown", framework=repr(framework_id), hint=hint,
            installed=tuple(known) or Sentence("f_none_installed"))))


def _names(variable: str) -> set[str] | None:
    value = os.environ.get(variable)
    if value is None:
        return None
    names = {name.strip() for name in value.split(",") if name.strip()}
    if not names and variable == "PARINDEX_PLUGINS":
        raise PluginError(Problem(Sentence("pv_plugins_empty", value=repr(value))))
    return names


#: A plugin that takes longer than this to load and register (seconds) is reported.
SLOW_PLUGIN_SECONDS = 2.0


class _PluginFailure(Exception):
    """Any failure of a plugin's code, BaseException included, turned into an error."""


@contextlib.contextmanager
def _isolated(name: str, timings: dict[str, float]) -> Iterator[None]:
    """Run a plugin's code so that nothing it does escapes: what it prints goes to stderr
    (stdout may be --json), and SystemExit, KeyboardInterrupt and the like raised by the
    plugin become a plugin failure instead of ending the command."""
    start = time.perf_counter()
    try:
        with contextlib.redirect_stdout(sys.stderr):
            yield
    except ParindexError:
        raise
    except BaseException as exc:  # noqa: BLE001 - a plugin may fail in any way
        raise _PluginFailure(Sentence("pv_raised", error=_describe(exc))) from None
    finally:
        timings[name] = timings.get(name, 0.0) + time.perf_counter() - start


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
                                            error=Sentence("pv_not_installed")))

    timings: dict[str, float] = {}
    for name, dist, version, source in candidates:
        try:
            with _isolated(name, timings):
                plugin = source.load() if isinstance(source, importlib.metadata.EntryPoint) \
                    else source
                unhooked = _unhooked(pm, plugin)
                if unhooked:
                    raise PluginError([Problem(message) for message in unhooked])
                pm.register(plugin, name=name)
                try:
                    pm.check_pending()
                except pluggy.PluginValidationError:
                    pm.unregister(name=name)
                    raise
        except (_PluginFailure, ParindexError) as exc:
            _fail(infos, strict, PluginInfo(name, dist, version, "error", error=reason(exc)))
            continue
        infos[name] = PluginInfo(name, dist, version, "ok")
    # What each framework was when its plugin returned it: a later hook that changes it
    # (frozen objects can be forced) makes that plugin fail, not scoring later.
    returned: dict[int, tuple[Framework, str, str]] = {}

    def changed_frameworks() -> None:
        for key, (framework, shape, plugin_name) in list(returned.items()):
            if repr(framework) != shape:
                del returned[key]
                info = infos.get(plugin_name)
                if info is not None:
                    _fail(infos, strict, attrs.evolve(
                        info, status="error",
                        error=Sentence("pv_changed", framework=framework.id)))
                broken.add(framework.id)

    broken: set[str] = set()

    builtins = PluginInfo("parindex.builtins", "parindex", _version(), "ok")
    named: dict[str, dict[str, list[tuple[Any, PluginInfo]]]] = {}
    global _LOADING  # noqa: PLW0603 - see bind()
    _LOADING += 1
    try:
        for hook, (prefix, kind) in _REGISTRATIONS.items():
            named[hook] = {}
            for impl in getattr(pm.hook, hook).get_hookimpls():
                info = infos.get(impl.plugin_name, builtins)
                try:
                    with _isolated(impl.plugin_name, timings):
                        # Checked here: a plugin may return anything.
                        items = list(cast("Iterable[Any]", impl.function()))
                        bad = [item for item in items if not isinstance(item, kind)]
                        if bad:
                            raise PluginError(Problem(Sentence(
                                "pv_returned", hook=hook, got=type(bad[0]).__name__,
                                kind=kind.__name__)))
                except (_PluginFailure, ParindexError) as exc:
                    _fail(infos, strict, attrs.evolve(info, status="error", error=reason(exc)))
                    continue
                finally:
                    changed_frameworks()
                for item in items:
                    if isinstance(item, Framework):
                        returned[id(item)] = (item, repr(item), impl.plugin_name)
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
    finally:
        _LOADING -= 1

    unique: dict[str, dict[str, tuple[Any, PluginInfo]]] = {}
    conflicts: dict[str, tuple[PluginInfo, ...]] = {}
    for hook, (prefix, _) in _REGISTRATIONS.items():
        unique[hook] = {}
        for name, providers in named[hook].items():
            if len(providers) == 1:
                unique[hook][name] = providers[0]
                continue
            who = tuple(infos.get(p.name, p) for _, p in providers)
            message = Sentence("pv_conflict", what=Sentence(f"pv_what_{prefix}", name=repr(name)),
                               plugins=tuple(f"{p.distribution} ({p.name})" for p in who))
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
    for name, seconds in timings.items():
        if seconds > SLOW_PLUGIN_SECONDS and name in infos:
            infos[name] = attrs.evolve(infos[name], seconds=round(seconds, 1))
    for fid, (framework, info) in unique["parindex_frameworks"].items():
        if fid in broken:
            continue
        problems = names_problems(framework, rule_kinds, rankers, band_methods)
        if problems:
            _fail(infos, strict, attrs.evolve(
                infos.get(info.name, info), status="error",
                error=Sentence("pv_framework", framework=fid) + problems[0]))
            continue
        # The info as it stands now, with the frameworks and names it provides. Bound here,
        # once every plugin's names are known: a framework may name another plugin's kind.
        available[fid] = (_bind(framework, rule_kinds, rankers, band_methods),
                          infos.get(info.name, info))
    if strict:
        _raise_failures(infos.values())
    return Registry(tuple(sorted(infos.values(), key=lambda p: p.name)), available, conflicts,
                    rule_kinds, rankers, band_methods)


def _unhooked(pm: pluggy.PluginManager, plugin: object) -> list[str]:
    """A plugin's functions named like hooks (``parindex_*``) but not marked ``@hookimpl``:
    pluggy silently ignores them, so the plugin would load as "ok" and provide nothing."""
    hooks = sorted(name for name in dir(hookspecs) if name.startswith("parindex_"))
    problems: list[str] = []
    for name in sorted(dir(plugin)):
        function = getattr(plugin, name, None)
        if not name.startswith("parindex_") or not callable(function) \
                or getattr(hookspecs, name, None) is function \
                or pm.parse_hookimpl_opts(plugin, name) is not None:
            continue
        where = _where(function)
        if name in hooks:
            problems.append(Sentence("pv_not_marked", name=name, where=where))
        else:
            close = difflib.get_close_matches(name, hooks, n=1)
            problems.append(Sentence("pv_not_a_hook", name=name, where=where, hint=(
                Sentence("pv_hook_close", close=repr(close[0])) if close
                else Sentence("pv_hooks", hooks=tuple(hooks)))))
    return problems


def _where(function: object) -> str:
    """`` (file, line N)`` of a function, when Python knows it."""
    code = getattr(function, "__code__", None)
    if code is None:
        return ""
    return Sentence("pv_where", file=code.co_filename, line=code.co_firstlineno)


def _raise_failures(infos: Iterable[PluginInfo]) -> None:
    """Strict mode: every failure at once (a CI log should show them all, not the first)."""
    messages: dict[str, None] = {}
    for info in sorted(infos, key=lambda p: p.name):
        if info.status != "error" or info.error is None:
            continue
        if is_conflict(info.error):
            messages[info.error] = None  # a conflict: once, naming every plugin involved
        else:
            messages[Sentence("pv_failed", name=repr(info.name),
                              distribution=info.distribution, error=info.error)] = None
    if messages:
        raise PluginError([Problem(message) for message in messages])


def is_conflict(error: str) -> bool:
    """Whether a plugin's error is that another plugin provides the same name."""
    return isinstance(error, Sentence) and error.parts[0][0] == "pv_conflict"


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
    and parameters that a plugin's rule kind rejects: each :func:`names_findings` as one
    message, a rule's prefixed with its key (``criteria.3.4.1.rule: ...``)."""
    return [message if code is None else f"{key}: " + message
            for key, code, message in names_findings(framework, rule_kinds, rankers,
                                                     band_methods)]


def names_findings(framework: Framework, rule_kinds: Mapping[str, RuleKind],
                   rankers: Mapping[str, Ranker], band_methods: Mapping[str, BandMethod]
                   ) -> list[tuple[str, str | None, str]]:
    """What :func:`names_problems` finds, as ``(key, code, message)``: the key in the
    framework file (``ranking``, ``band_method``, ``criteria.3.4.1.rule``), the criterion
    code of a rule's problem, and the message (a catalogue sentence where parindex words
    it; a plugin's rule kind words its own)."""
    found: list[tuple[str, str | None, str]] = []
    ranking = method_name(framework.ranking)
    if ranking not in rankers:
        found.append(("ranking", None, Sentence("n_ranking", name=repr(ranking),
                                                registered=tuple(sorted(rankers)))))
    if framework.band_method not in band_methods:
        found.append(("band_method", None, Sentence(
            "n_band_method", name=repr(framework.band_method),
            registered=tuple(sorted(band_methods)))))
    for node in framework.walk():
        if node.rule is None:
            continue
        key = f"criteria.{node.code}.rule"
        kind = rule_kinds.get(node.rule.kind)
        if kind is None:
            found.append((key, node.code, Sentence("n_rule_kind", kind=repr(node.rule.kind),
                                                   registered=tuple(sorted(rule_kinds)))))
        elif node.rule.kind not in _builtins.RULE_KINDS:
            messages = check_params(kind, node.rule.params, node.max)
            if not messages and kind.computes:
                messages = undeclared_figures(kind, node.rule.params, node.max)
            found += [(key, node.code, message) for message in messages]
    return found


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


def _bind(framework: Framework, rule_kinds: Mapping[str, RuleKind],
          rankers: Mapping[str, Ranker], band_methods: Mapping[str, BandMethod]) -> Framework:
    """The framework carrying the registered objects its plugin names resolve to (a name
    this registry lacks keeps the object it was bound to before, if any)."""
    kinds, ranking, band = _plugin_names(framework)
    bound = framework.methods

    def pick(names: Iterable[str], table: Mapping[str, Any],
             before: Mapping[str, Any]) -> dict[str, Any]:
        return {n: table.get(n, before.get(n)) for n in names
                if n in table or n in before}

    methods = Methods(rule_kinds=pick(kinds, rule_kinds, bound.rule_kinds),
                      rankers=pick(ranking, rankers, bound.rankers),
                      band_methods=pick(band, band_methods, bound.band_methods))
    if methods == bound:
        return framework
    return attrs.evolve(framework, methods=methods)


def _plugin_names(framework: Framework) -> tuple[list[str], list[str], list[str]]:
    """The rule kinds, ranking and band methods a framework names that are not built in."""
    kinds = sorted({node.rule.kind for node in framework.walk() if node.rule is not None
                    and node.rule.kind not in _builtins.RULE_KINDS})
    ranking = [] if isinstance(framework.ranking, RankingMethod) else [framework.ranking]
    band = ([] if framework.band_method in _builtins.BAND_METHODS
            else [framework.band_method])
    return kinds, ranking, band


def _unbound(framework: Framework) -> bool:
    """Whether a framework names a plugin's kind or method it is not bound to yet."""
    kinds, ranking, band = _plugin_names(framework)
    bound = framework.methods
    return (any(k not in bound.rule_kinds for k in kinds)
            or any(r not in bound.rankers for r in ranking)
            or any(b not in bound.band_methods for b in band))


#: Above zero while plugins' hooks run: frameworks they build are bound afterwards, once
#: every plugin's names are known (a framework may name a kind another plugin registers).
_LOADING = 0
_REGISTRY: Registry | None = None


def bind(framework: Framework, registry: Registry | None = None) -> Framework:
    """Bind a freshly built framework to the plugins' rule kinds and methods it names.

    Frameworks that name only built-in kinds and methods are returned as they are, without
    discovering plugins. Called by the framework readers; ``registry`` defaults to the
    current one (:func:`registry`, or the one :func:`using_registry` installs).
    """
    if registry is None:
        if _LOADING or not _unbound(framework):
            return framework
        registry = current_registry()
    return registry.bind(framework)


def current_registry() -> Registry:
    """The registry in use: the installed one (:func:`using_registry`), or the plugins
    discovered once per process."""
    global _REGISTRY  # noqa: PLW0603 - a process-wide cache, like importlib's
    if _REGISTRY is None:
        _REGISTRY = load_registry()
    return _REGISTRY


def registry(*, reload: bool = False) -> Registry:
    """The registry of installed plugins, discovered once per process (or the one
    :func:`using_registry` installs for a while).

    :param reload: discover the installed plugins again.
    """
    global _REGISTRY  # noqa: PLW0603
    if reload:
        _REGISTRY = load_registry()
    return current_registry()


@contextlib.contextmanager
def using_registry(installed: Registry) -> Iterator[Registry]:
    """Use a registry instead of the discovered one inside a ``with`` block: frameworks
    built there are bound to its plugins, and :func:`parindex.get_framework`,
    :func:`parindex.registry` and the CLI see it. The previous one is restored on exit.

    >>> import parindex
    >>> empty = parindex.load_registry(entry_points=[])
    >>> with parindex.using_registry(empty):
    ...     list(parindex.registry().frameworks)
    []
    """
    global _REGISTRY  # noqa: PLW0603
    saved = _REGISTRY
    _REGISTRY = installed
    try:
        yield installed
    finally:
        _REGISTRY = saved


def registered_names() -> dict[str, Any]:
    """The registered rule kinds, ranking and band methods (for :func:`names_problems`)."""
    current = current_registry()
    return {"rule_kinds": current.rule_kinds, "rankers": current.ranking_methods,
            "band_methods": current.band_methods}


def get_framework(framework_id: str) -> Framework:
    """An installed framework by id (see :meth:`Registry.framework`)."""
    return current_registry().framework(framework_id)
