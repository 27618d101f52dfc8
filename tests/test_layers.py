"""The architecture, checked on the source: layers import one way, and nothing forms a cycle.

Every ``import`` and ``from ... import`` of ``src/parindex`` counts, at module level or
inside a function (a function-level import is still a dependency; ``if TYPE_CHECKING:``
blocks too). Layers, lowest first (see the layout in CONTRIBUTING and HELPERS):

1. ``_base``  2. ``_engine``  3. ``_plugins`` and ``hookspecs``  4. ``_formats``
5. ``_audit`` and ``_analysis`` (siblings that do not import each other)  6. ``_render``
7. ``_cli`` and ``parindex.testing`` (the top, beside the public ``parindex``)

A module may import its own layer and the layers below, never one above. The package
``parindex`` itself (its ``__init__``) re-exports the public API and is above every layer
but the top one: only ``_cli``, ``parindex.testing`` and ``__main__`` may import it.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE = SRC / "parindex"

#: Each layer's packages or modules, lowest first; a layer with two names holds siblings.
LAYERS: list[tuple[str, ...]] = [
    ("parindex._base",),
    ("parindex._engine",),
    ("parindex._plugins", "parindex.hookspecs"),
    ("parindex._formats",),
    ("parindex._audit", "parindex._analysis"),
    ("parindex._render",),
    ("parindex",),
    ("parindex._cli", "parindex.testing", "parindex.__main__"),
]
#: Siblings within a layer that must not import each other.
SIBLINGS = {("parindex._audit", "parindex._analysis"), ("parindex._analysis", "parindex._audit"),
            ("parindex._cli", "parindex.testing"), ("parindex.testing", "parindex._cli")}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def imports(module: str) -> Iterator[tuple[str, int]]:
    """The parindex modules (or packages) a module imports, with the line of each import."""
    path = MODULES[module]
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join([*base, node.module] if node.module else base)
            else:
                target = node.module or ""
            # ``from . import x`` imports the module x when there is one.
            targets = [f"{target}.{alias.name}" if f"{target}.{alias.name}" in MODULES
                       else target for alias in node.names]
        else:
            continue
        for target in targets:
            if target == "parindex" or target.startswith("parindex."):
                yield target, node.lineno


def layer(module: str) -> tuple[int, str]:
    """The layer index and the layer member (package) a module belongs to."""
    best: tuple[int, str] | None = None
    for index, members in enumerate(LAYERS):
        for member in members:
            if module == member or module.startswith(member + "."):
                if best is None or len(member) > len(best[1]):
                    best = (index, member)
    assert best is not None, f"{module} is in no layer: add it to LAYERS"
    return best


def test_every_module_is_in_a_layer() -> None:
    for module in MODULES:
        layer(module)


def test_the_import_scanner_sees_function_level_imports(tmp_path: Path) -> None:
    # The scanner must not be blind to imports inside functions (the cycles it guards
    # against were all function-level); checked on a module known to have one.
    found = {target for module in MODULES for target, _ in imports(module)}
    assert "parindex._engine.scoring" in found
    source = "def f():\n    from .._formats.toml import load_framework\n"
    nodes = [n for n in ast.walk(ast.parse(source)) if isinstance(n, ast.ImportFrom)]
    assert nodes and nodes[0].level == 2


@pytest.mark.parametrize("module", sorted(MODULES))
def test_no_upward_import(module: str) -> None:
    own, member = layer(module)
    wrong = []
    for target, line in imports(module):
        theirs, their_member = layer(target)
        if theirs > own:
            wrong.append(f"line {line}: {target} (layer {theirs} {LAYERS[theirs]}) is above "
                         f"{module} (layer {own})")
        elif (member, their_member) in SIBLINGS:
            wrong.append(f"line {line}: {target}: {member} and {their_member} are siblings")
    assert not wrong, f"{module} imports upward:\n" + "\n".join(wrong)


def test_no_import_cycle() -> None:
    graph = {module: {target for target, _ in imports(module) if target in MODULES
                      and target != module} for module in MODULES}
    # A package's __init__ importing its own modules is not a cycle of the architecture
    # when nothing imports the package back; still, check every strongly connected part.
    cycles = _cycles(graph)
    assert not cycles, "import cycles:\n" + "\n".join(" -> ".join(c) for c in cycles)


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = 0

    def visit(v: str) -> None:
        nonlocal counter
        index[v] = low[v] = counter
        counter += 1
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def test_the_cycle_finder_finds_cycles() -> None:
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert _cycles({"a": {"b"}, "b": set()}) == []


@pytest.mark.parametrize("module", sorted(MODULES))
def test_no_private_name_crosses_modules(module: str) -> None:
    # What one module shares with another is a named internal API of its layer, not a
    # private (underscore) name reached into from outside.
    path = MODULES[module]
    wrong = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.ImportFrom) and (node.level or (node.module or "").startswith(
                "parindex")):
            wrong += [f"line {node.lineno}: {alias.name} from {node.module}"
                      for alias in node.names
                      if alias.name.startswith("_") and not alias.name.startswith("__")]
    assert not wrong, f"{module} imports private names:\n" + "\n".join(wrong)
