"""Meta-tests, as datasette has: every hook is documented and tested, every framework-file
key is documented, and the plugin author kit documents everything it offers.

The conventions they enforce:

- every hook specification in :mod:`parindex.hookspecs` has an autodoc entry
  ``parindex.hookspecs.<hook>`` in ``docs/plugins.md``, and a test function named
  ``test_hook_<hook>`` (or starting so) somewhere under ``tests/``;
- every key of a completion overlay file (every ``*_KEYS`` tuple of an overlay module)
  appears as `` `key` `` in the docs (``tests/test_docs.py`` does the same for the
  framework and assessment keys of :mod:`parindex._formats.toml`);
- every public name of :mod:`parindex.testing`, its strategies and its pytest plugin has an
  autodoc entry in the docs, and the kit's page, ``docs/testing.md``, describes every
  fixture, option and conformance check.
"""

from __future__ import annotations

import ast
import importlib
import pkgutil
import re
from pathlib import Path

import pytest

import parindex
import parindex.testing
from parindex import hookspecs
from parindex._audit.conformance import CHECKS
from parindex.testing import pytest_plugin, strategies

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"

HOOKS = sorted(name for name, value in vars(hookspecs).items()
               if callable(value) and hasattr(value, f"{hookspecs.PROJECT}_spec"))


def _test_names() -> set[str]:
    names = set()
    for path in [*(ROOT / "tests").rglob("*.py"), *(ROOT / "plugins").glob("*/tests/**/*.py")]:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names |= {node.name for node in ast.walk(tree)
                  if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)}
    return names


def test_hooks_found() -> None:
    assert "parindex_frameworks" in HOOKS


@pytest.mark.parametrize("hook", HOOKS)
def test_hook_documented(hook: str) -> None:
    text = (DOCS / "plugins.md").read_text(encoding="utf-8")
    assert re.search(rf"autofunction::\s+parindex\.hookspecs\.{hook}\s*$", text, re.MULTILINE), \
        f"docs/plugins.md has no '.. autofunction:: parindex.hookspecs.{hook}'"


@pytest.mark.parametrize("hook", HOOKS)
def test_hook_tested(hook: str) -> None:
    tests = _test_names()
    assert any(name == f"test_hook_{hook}" or name.startswith(f"test_hook_{hook}_")
               for name in tests), f"no test function named test_hook_{hook} under tests/"


def _key_modules() -> list[str]:
    """The modules that read overlays (``tests/test_docs.py`` checks ``parindex._formats.toml``'s)."""
    return [m.name for m in pkgutil.walk_packages(parindex.__path__, "parindex.")
            if "overlay" in m.name.rpartition(".")[2]]


def _framework_keys() -> list[tuple[str, str]]:
    keys = set()
    for module_name in _key_modules():
        module = importlib.import_module(module_name)
        for name, value in vars(module).items():
            if name.lstrip("_").endswith("KEYS") and isinstance(value, tuple | frozenset) \
                    and all(isinstance(v, str) for v in value):
                keys |= {(f"{module_name}.{name}", key) for key in value}
    return sorted(keys)


@pytest.mark.parametrize(("where", "key"), _framework_keys())
def test_framework_key_documented(where: str, key: str) -> None:
    # The framework format is one page; overlays may have a page of their own.
    pages = [DOCS / "formats.md"]
    if "overlay" in where:
        pages += [p for p in DOCS.glob("*.md") if p.name != "formats.md"]
    assert any(f"`{key}`" in p.read_text(encoding="utf-8") for p in pages), \
        f"{key!r} ({where}) is not in docs/formats.md"


_KIT = sorted({f"parindex.testing.{n}" for n in parindex.testing.__all__}
              | {f"parindex.testing.strategies.{n}" for n in strategies.__all__}
              | {f"parindex.testing.pytest_plugin.{n}" for n in pytest_plugin.__all__})


def _docs_text() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(DOCS.glob("*.md")))


@pytest.mark.parametrize("name", _KIT)
def test_kit_name_documented(name: str) -> None:
    text = _docs_text()
    module = name.rpartition(".")[0]
    entry = re.search(rf"auto(?:function|class|data|attribute)::\s+{re.escape(name)}\s*$",
                      text, re.MULTILINE)
    # automodule with :members: documents every name of the module's __all__.
    whole = re.search(rf"automodule::\s+{re.escape(module)}\s*\n\s+:members:", text)
    assert entry or whole, f"{name} has no autodoc entry in docs/"


def test_kit_page_links_the_strategies() -> None:
    assert "parindex.testing.strategies" in (DOCS / "testing.md").read_text(encoding="utf-8")


FIXTURES = re.findall(r"^@pytest\.fixture[^\n]*\ndef (\w+)",
                      Path(pytest_plugin.__file__).read_text(encoding="utf-8"), re.MULTILINE)


def test_fixtures_found() -> None:
    assert FIXTURES == ["parindex_registry", "parindex_plugin"]


@pytest.mark.parametrize("option", [*FIXTURES, "--parindex-strict", "parindex_strict",
                                    pytest_plugin.STRICT_ENV])
def test_pytest_plugin_documented(option: str) -> None:
    assert f"`{option}`" in (DOCS / "testing.md").read_text(encoding="utf-8"), option


@pytest.mark.parametrize("check", sorted(CHECKS))
def test_conformance_check_documented(check: str) -> None:
    assert f"| `{check}` |" in (DOCS / "testing.md").read_text(encoding="utf-8"), check
