"""pytest plugin for parindex plugin authors (registered through the ``pytest11`` entry point).

pytest loads it in every run where parindex is installed, so it imports nothing at import
time but pytest and the standard library (parindex itself is imported when a fixture or
the conformance suite is used; hypothesis never).

It gives:

``parindex_registry``
    fixture: the registry of installed plugins and frameworks
    (:func:`parindex.registry`).
``parindex_plugin``
    fixture: ``parindex_plugin(plugin, name=...)`` registers a plugin (a module, class
    or object with ``@parindex.hookimpl`` functions) for the duration of one test, next
    to the installed ones, and returns the new :class:`~parindex.Registry`; the
    process-wide registry is restored afterwards.
:func:`conformance_tests`
    the conformance suite, switched on in one line of a plugin's test module::

        from parindex.testing.pytest_plugin import conformance_tests

        test_conformance = conformance_tests("my_province")

Strict mode (unfinished findings fail too: placeholders left by ``parindex new-plugin``)
is on with ``pytest --parindex-strict``, the environment variable
``PARINDEX_STRICT_CONFORMANCE=1``, or ``parindex_strict = true`` in the ini options.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from parindex import Registry

__all__ = ["STRICT_ENV", "conformance_tests", "strict_mode"]

#: The environment variable that turns strict conformance on (``1``, ``true`` or ``yes``).
STRICT_ENV = "PARINDEX_STRICT_CONFORMANCE"

# The parameter the conformance tests are parametrised over (see pytest_generate_tests).
_CASE = "parindex_conformance_case"
_MARK = "_parindex_conformance_plugins"


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("parindex", "parindex plugin author kit")
    group.addoption("--parindex-strict", action="store_true", default=False,
                    help="parindex conformance tests also fail on unfinished findings "
                         f"(placeholders); same as {STRICT_ENV}=1")
    parser.addini("parindex_strict", type="bool", default=False,
                  help="parindex conformance tests also fail on unfinished findings")


def strict_mode(config: pytest.Config) -> bool:
    """Whether conformance tests run strict: the flag, the environment, or the ini option."""
    if config.getoption("parindex_strict", default=False):
        return True
    if os.environ.get(STRICT_ENV, "").strip().lower() in {"1", "true", "yes"}:
        return True
    return bool(config.getini("parindex_strict"))


@pytest.fixture
def parindex_registry() -> Registry:
    """The registry of installed plugins and the frameworks they provide."""
    import parindex

    return parindex.registry()


@pytest.fixture
def parindex_plugin() -> Iterator[Callable[..., Registry]]:
    """Register plugins for the duration of one test.

    Call it with a plugin (module, class or object whose functions are marked with
    ``@parindex.hookimpl``) and a name; it returns the registry with the installed plugins
    and every plugin registered so far in this test, and makes it the process-wide one
    (:func:`parindex.registry`, :func:`parindex.get_framework`, the CLI). A plugin that
    fails is reported in the registry, as an installed one would be. The previous
    registry is restored when the test ends.
    """
    import parindex

    registered: list[tuple[str, object]] = []
    with contextlib.ExitStack() as stack:

        def register(plugin: object, name: str | None = None) -> Registry:
            label = name or getattr(plugin, "__name__", None) or type(plugin).__name__
            registered.append((label, plugin))
            # Nested: leaving the stack restores the registry from before the test.
            return stack.enter_context(parindex.using_registry(
                parindex.load_registry(extra_plugins=list(registered))))

        yield register


class _Case:
    """One parameter of the conformance suite: a framework (by id, and by its file when the
    plugin ships one), or why there is none."""

    def __init__(self, framework_id: str | None, error: str | None = None,
                 path: Path | None = None) -> None:
        self.framework_id = framework_id
        self.error = error
        self.path = path

    def __repr__(self) -> str:
        return self.framework_id or "error"


def conformance_tests(*plugins: str, strict: bool | None = None) -> Callable[..., None]:
    """The conformance suite as a test function, parametrised by framework.

    Assign it to a name starting with ``test`` in a test module::

        test_conformance = conformance_tests("bo_noi_vu")

    and pytest runs :func:`parindex.check_conformance` on every framework the named
    plugins (entry-point names) provide, one test per framework id, failing with the
    readable report. A framework shipped as a file in the plugin package's
    ``frameworks/`` folder is checked from its file, so every finding names its line,
    and a plugin that fails to load because of a file (a code declared twice) fails with
    the reason and every fault of that file. A named plugin that is not installed, or
    fails to load otherwise, fails its test with the reason.

    :param plugins: entry-point names; none: every installed framework.
    :param strict: fail on unfinished findings too; ``None``: as the run says
        (``--parindex-strict``, ``PARINDEX_STRICT_CONFORMANCE=1`` or the ini option
        ``parindex_strict``).
    """

    def test_conformance(parindex_conformance_case: _Case,
                         request: pytest.FixtureRequest) -> None:
        case = parindex_conformance_case
        import parindex

        strictly = strict_mode(request.config) if strict is None else strict
        if case.path is not None:
            # The file, not the loaded object: every finding gets its line, and faults
            # that stop the plugin from loading (a code declared twice) are listed too.
            report = parindex.check_conformance(case.path, strict=strictly)
            if case.error is not None:
                pytest.fail(f"{case.error}\n{report}", pytrace=False)
        elif case.error is not None:
            pytest.fail(case.error, pytrace=False)
        else:
            assert case.framework_id is not None
            framework = parindex.registry().framework(case.framework_id)
            report = parindex.check_conformance(framework, strict=strictly)
        if not report.ok:
            pytest.fail(str(report), pytrace=False)

    setattr(test_conformance, _MARK, plugins)
    return test_conformance


def _framework_files(name: str) -> dict[str, Path]:
    """The framework files a plugin ships in its package's ``frameworks/`` folder (as
    ``parindex new-plugin`` lays it out), by the id each declares; found without importing
    the plugin, so that a plugin that fails to load still has its files checked."""
    import importlib.metadata
    import importlib.util
    import re

    files: dict[str, Path] = {}
    for entry_point in importlib.metadata.entry_points(group="parindex", name=name):
        try:
            spec = importlib.util.find_spec(entry_point.module)
        except (ImportError, ValueError):
            continue
        for location in (spec.submodule_search_locations or []) if spec else []:
            for path in sorted(Path(location, "frameworks").glob("*.toml")):
                text = path.read_text(encoding="utf-8-sig", errors="replace")
                head = re.split(r"^\s*\[", text, maxsplit=1, flags=re.MULTILINE)[0]
                found = re.search(r'^\s*id\s*=\s*"([^"]+)"', head, re.MULTILINE)
                files.setdefault(found.group(1) if found else path.name, path)
    return files


def _cases(plugins: tuple[str, ...]) -> list[_Case]:
    import parindex

    registry = parindex.registry()
    infos = {info.name: info for info in registry.plugins}
    cases = []
    if not plugins:
        files: dict[str, dict[str, Path]] = {}
        for fid in registry.frameworks:
            name = registry.provider(fid).name
            if name not in files:
                files[name] = _framework_files(name)
            cases.append(_Case(fid, path=files[name].get(fid)))
        broken = [info.name for info in registry.plugins if info.status == "error"]
        cases += [case for name in broken for case in _cases((name,))]
        return cases or [_Case(None, "no parindex framework is installed")]
    for name in plugins:
        info = infos.get(name)
        if info is None:
            cases.append(_Case(None, f"no installed parindex plugin is named {name!r} "
                                     "(the name of its entry point in the 'parindex' "
                                     "group); install it, e.g. pip install -e ."))
        elif info.status == "error":
            failed = (f"parindex plugin {name!r} ({info.distribution}) failed to load: "
                      f"{info.error or ''}")
            cases += [_Case(fid, failed, path) for fid, path
                      in _framework_files(name).items()] or [_Case(None, failed)]
        elif info.status != "ok":
            cases.append(_Case(None, f"parindex plugin {name!r} ({info.distribution}) is "
                                     f"{info.status}"))
        elif not info.frameworks:
            cases.append(_Case(None, f"parindex plugin {name!r} provides no framework"))
        else:
            shipped = _framework_files(name)
            cases += [_Case(fid, path=shipped.get(fid)) for fid in info.frameworks]
    return cases


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if _CASE not in metafunc.fixturenames:
        return
    plugins: Any = getattr(metafunc.function, _MARK, None)
    if plugins is None:
        return
    cases = _cases(tuple(plugins))
    metafunc.parametrize(_CASE, cases, ids=[c.framework_id or "error" for c in cases])
