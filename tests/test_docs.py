"""The documentation covers what it must, and its command-line examples run.

In the style of datasette's ``test_docs.py``: every public name is in the API page, every
command is documented, every key of the file formats is described, and every
``$ parindex ...`` line of a ``console`` block in ``docs/`` runs with the exit status and
output shown. (The pages' Python examples are doctests, run by ``--doctest-glob=*.md``.)
"""

from __future__ import annotations

import doctest
import enum
import importlib.util
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import click
import pytest

import parindex
from parindex._formats import toml as _toml
from parindex._cli import cli

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
PARINDEX = Path(sys.executable).parent / ("parindex.exe" if os.name == "nt" else "parindex")


def _pages() -> list[Path]:
    """The hand-written pages (not generated ones, not build output)."""
    return sorted(p for p in DOCS.rglob("*.md")
                  if "_build" not in p.parts and "generated" not in p.parts)


def _read(name: str) -> str:
    return (DOCS / name).read_text(encoding="utf-8")


# --- the API page ---------------------------------------------------------------------------

_AUTODOC = re.compile(
    r"(?:\{auto(?:function|class|exception|data|attribute)\}|"
    r"\.\.\s+auto(?:function|class|exception|data|attribute)::)\s+parindex\.(\w+)\s*$",
    re.MULTILINE)


@pytest.fixture(scope="module")
def api_documented() -> set[str]:
    """Names with an autodoc entry on any page (api.md, or the page of their feature)."""
    return {name for page in _pages() for name in _AUTODOC.findall(page.read_text("utf-8"))}


@pytest.mark.parametrize("name", sorted(parindex.__all__))
def test_public_name_documented(name: str, api_documented: set[str]) -> None:
    assert name in api_documented, f"parindex.{name} has no autodoc entry in docs/"


def test_api_documents_only_public_names(api_documented: set[str]) -> None:
    assert api_documented <= set(parindex.__all__)


@pytest.mark.parametrize("module", ["parindex.hookspecs", "parindex.testing.strategies"])
def test_module_documented(module: str) -> None:
    assert re.search(rf"automodule::\s+{re.escape(module)}\s*$", _read("api.md"), re.MULTILINE)


# --- the command line -----------------------------------------------------------------------

def test_cli_reference_uses_sphinx_click() -> None:
    text = _read("cli.md")
    directive = re.search(r"\.\. click:: parindex\._cli:cli\n((?:[ \t]+:[\w-]+:.*\n)+)", text)
    assert directive, "docs/cli.md must hold the sphinx-click directive for parindex._cli:cli"
    options = directive.group(1)
    assert re.search(r":prog:\s+parindex\s*$", options, re.MULTILINE)
    assert re.search(r":nested:\s+full\s*$", options, re.MULTILINE)


@pytest.mark.parametrize("name", cli.list_commands(click.Context(cli)))
def test_cli_command_documented(name: str) -> None:
    command = cli.get_command(click.Context(cli), name)
    assert command is not None
    # sphinx-click renders the docstring and every option's help.
    assert command.help and command.help.strip(), f"parindex {name} has no docstring"
    for param in command.params:
        if isinstance(param, click.Option):
            assert param.help, f"parindex {name} {param.opts[0]} has no help text"
    examples = "\n".join(_read(p.relative_to(DOCS).as_posix()) for p in _pages())
    assert re.search(rf"^\$ parindex (?:--[\w-]+ )*{name}\b", examples, re.MULTILINE), \
        f"no console example of parindex {name} in docs/"


def _commands_exiting_1() -> set[str]:
    """The commands whose code ends with status 1 (``context.exit(1)``), read from the CLI
    modules' source: a command that gains or loses one must change the docs' table."""
    import ast

    found = set()
    for path in (Path(parindex.__file__).parent / "_cli").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if not isinstance(node, ast.FunctionDef):
                continue
            names = [d.args[0].value for d in node.decorator_list
                     if isinstance(d, ast.Call) and getattr(d.func, "attr", None) == "command"
                     and d.args and isinstance(d.args[0], ast.Constant)]
            exits = any(isinstance(call, ast.Call) and getattr(call.func, "attr", None) == "exit"
                        and [getattr(a, "value", None) for a in call.args] == [1]
                        for call in ast.walk(node))
            if names and exits:
                found.add(names[0])
    return found


def test_cli_exit_status_table_names_the_commands_that_exit_1() -> None:
    row = next(line for line in _read("cli.md").splitlines() if line.startswith("| 1 |"))
    named = set(re.findall(r"`(\w+)`", row)) & set(cli.list_commands(click.Context(cli)))
    assert named == _commands_exiting_1() == {"reproduce", "bands", "compare"}


def _shipped_texts() -> list[Path]:
    """What users read: the docs, the READMEs, the package and the plugins (code,
    templates, data), not the developers' tests."""
    found = [*DOCS.rglob("*.md"), ROOT / "README.md", *ROOT.glob("plugins/*/README.md")]
    for folder in (ROOT / "src", *ROOT.glob("plugins/*/src")):
        found += [p for p in folder.rglob("*")
                  if p.suffix in (".py", ".toml", ".md", ".tmpl", ".j2", ".csv")]
    return sorted(p for p in found if "_build" not in p.parts)


def test_sources_are_cited_by_number_and_title_not_by_files_users_do_not_have() -> None:
    """Users have no seeds folder: a document is cited as "Kế hoạch 69/KH-UBND of xã
    Thủy Thanh", never as "seed 000" or a path outside the repository."""
    outside = re.compile(r"\bseeds? 0\d\d\b|\bshared/|\bseeds/|/work/", re.IGNORECASE)
    found = [f"{path.relative_to(ROOT)}:{n}: {line.strip()}"
             for path in _shipped_texts()
             for n, line in enumerate(path.read_text("utf-8").splitlines(), 1)
             if outside.search(line)]
    assert not found, "\n".join(found)


# --- the file formats -----------------------------------------------------------------------

def _key_lists() -> dict[str, tuple[str, ...]]:
    """Every list of TOML keys in parindex._formats.toml (_FRAMEWORK_KEYS, _NODE_KEYS, ...)."""
    lists = {name: value for name, value in vars(_toml).items()
             if name.isupper() or (name.startswith("_") and name[1:].isupper())
             if isinstance(value, tuple) and value and all(isinstance(v, str) for v in value)}
    assert {"_FRAMEWORK_KEYS", "_NODE_KEYS", "_BAND_KEYS", "_ASSESSMENT_KEYS"} <= set(lists)
    return lists


_KEYS = sorted({(name, key) for name, keys in _key_lists().items() for key in keys})
_LEGAL_KEYS = [f.name for f in parindex.LegalBasis.__attrs_attrs__]  # type: ignore[attr-defined]


@pytest.mark.parametrize(("where", "key"), _KEYS + [("legal_basis", k) for k in _LEGAL_KEYS])
def test_toml_key_documented(where: str, key: str) -> None:
    assert f"`{key}`" in _read("formats.md"), f"{key!r} ({where}) is not in docs/formats.md"


_ENUMS = [parindex.Status, parindex.NodeKind, parindex.NotArisingPolicy, parindex.BandBasis,
          parindex.RankingMethod, parindex.RankBasis]


@pytest.mark.parametrize("value", [m for e in _ENUMS for m in e], ids=str)
def test_toml_value_documented(value: enum.Enum) -> None:
    text = _read("formats.md")
    assert f"`{value.value}`" in text or f'`"{value.value}"`' in text, \
        f"{value} ({value.value!r}) is not in docs/formats.md"


# --- console examples -----------------------------------------------------------------------

_FENCE = re.compile(r"^(`{3,})console[ \t]*\n(.*?)^\1[ \t]*$", re.MULTILINE | re.DOTALL)
_TABLE = set("┏┃┡│└━─")


def _console_examples() -> list[tuple[str, str, str]]:
    """``(id, command, expected output)`` of every ``$ parindex`` line in console blocks."""
    examples = []
    for page in _pages():
        text = page.read_text(encoding="utf-8")
        for block in _FENCE.finditer(text):
            first = text.count("\n", 0, block.start(2)) + 1
            command: str | None = None
            output: list[str] = []
            start = 0
            for number, line in enumerate(block.group(2).splitlines(), first):
                if line.startswith("$ "):
                    if command is not None:
                        examples.append((f"{page.relative_to(DOCS).as_posix()}:{start}", command,
                                         "\n".join(output)))
                    command, output, start = None, [], number
                    if line.startswith("$ parindex"):
                        command = line[2:]
                elif command is not None:
                    output.append(line)
            if command is not None:
                examples.append((f"{page.relative_to(DOCS).as_posix()}:{start}", command,
                                         "\n".join(output)))
    return examples


_EXAMPLES = _console_examples()


def test_console_examples_found() -> None:
    assert len(_EXAMPLES) >= 8


@pytest.mark.parametrize(("command", "expected"), [e[1:] for e in _EXAMPLES],
                         ids=[e[0] for e in _EXAMPLES])
def test_console_example(command: str, expected: str) -> None:
    args = shlex.split(command, comments=True)
    assert args[0] == "parindex"
    env = {k: v for k, v in os.environ.items() if not k.startswith("PARINDEX_")}
    done = subprocess.run([str(PARINDEX), *args[1:]], cwd=ROOT, env=env, capture_output=True,
                          text=True, encoding="utf-8", timeout=120, check=False)
    got = done.stdout + done.stderr
    wanted_status = 2 if "parindex: error:" in expected else 0
    assert done.returncode == wanted_status, f"$ {command}\n{got}"
    if expected.strip() and not _TABLE & set(expected):
        checker = doctest.OutputChecker()
        flags = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE
        assert checker.check_output(expected + "\n", got, flags), \
            checker.output_difference(doctest.Example(command, expected + "\n"), got, flags)
    elif expected.strip():
        # A table's layout follows the terminal's width; the lines around it do not, and
        # each must be printed, in the order shown.
        lines = iter(" ".join(line.split()) for line in got.splitlines())
        for line in expected.splitlines():
            said = " ".join(line.split())
            if said and not _TABLE & set(line) and said != "...":
                assert any(printed == said for printed in lines), \
                    f"$ {command}\nnot printed (in this order): {said}\n\n{got}"


# --- the generated framework pages ----------------------------------------------------------

def _extension():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(
        "parindex_frameworks", DOCS / "_ext" / "parindex_frameworks.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_framework_pages_generated(tmp_path: Path) -> None:
    extension = _extension()
    (tmp_path / "frameworks" / "generated").mkdir(parents=True)
    stale = tmp_path / "frameworks" / "generated" / "gone-commune-2000.md"
    stale.write_text("# gone\n", encoding="utf-8")
    written = extension.generate(tmp_path)
    assert not stale.exists()
    frameworks = parindex.registry().frameworks
    assert sorted(p.stem for p in written) == sorted(
        fid.replace("/", "-") for fid in frameworks) or not frameworks
    for framework_id, framework in frameworks.items():
        page = (tmp_path / "frameworks" / "generated" /
                f"{framework_id.replace('/', '-')}.md").read_text(encoding="utf-8")
        assert page.startswith(f"# {framework_id}\n")
        for node in framework.walk():
            assert f"\n| {extension.esc(node.code)} | " in page, node.code
        for unknown in framework.unknowns():
            assert f"`{unknown}`" in page
        for mismatch in framework.maxima_mismatches():
            assert f"\n| {mismatch.code} | " in page
        assert framework.legal_basis.decision in page


def test_framework_page_escapes_markdown() -> None:
    assert _extension().esc("a|b *c* [d]\n_e_") == r"a\|b \*c\* \[d\] \_e\_"
