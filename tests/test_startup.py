"""Start-up: ``import parindex`` and ``parindex --help`` load only what they need.

Checked in a fresh interpreter (this one has imported everything already). How fast it
is, is measured in ``benchmarks/bench_startup.py``; here, what gets imported.
"""

from __future__ import annotations

import json
import subprocess
import sys

import click
import pytest

import parindex
from parindex._cli.app import COMMANDS, cli

HEAVY = ["numpy", "matplotlib", "openpyxl", "pandas", "docx", "jinja2"]


def _modules_after(code: str) -> set[str]:
    done = subprocess.run(
        [sys.executable, "-c", f"{code}\nimport json, sys; print(json.dumps(sorted(sys.modules)))"],
        capture_output=True, text=True, check=True, timeout=120)
    return set(json.loads(done.stdout.splitlines()[-1]))


def test_import_parindex_imports_no_heavy_module() -> None:
    loaded = _modules_after("import parindex")
    assert not [m for m in HEAVY if m in loaded]
    assert not [m for m in loaded if m.startswith(("parindex._analysis", "parindex._audit",
                                                   "parindex._render", "parindex._engine"))]
    # A name is imported when used, with its module only.
    loaded = _modules_after("import parindex; parindex.score")
    assert "parindex._engine.scoring" in loaded
    assert not [m for m in HEAVY if m in loaded]
    assert not [m for m in loaded if m.startswith(("parindex._analysis", "parindex._render"))]


def test_help_imports_no_command_module() -> None:
    loaded = _modules_after("import sys\nfrom parindex._cli import main\n"
                            "sys.argv = ['parindex', '--help']\n"
                            "try:\n    main(['--help'])\nexcept SystemExit:\n    pass")
    assert not [m for m in loaded if m.startswith("parindex._") and not m.startswith(
        ("parindex._cli", "parindex._base"))]
    assert {"parindex._cli.app"} <= loaded
    assert not {"parindex._cli.units", "parindex._cli.analysis", "rich"} & loaded
    assert "parindex._cli.help_vi" not in loaded  # the Vietnamese help, only for Vietnamese


def test_vietnamese_help_imports_no_command_module() -> None:
    loaded = _modules_after("from parindex._cli import main\n"
                            "main(['--help', '--lang', 'vi'])")
    assert "parindex._cli.help_vi" in loaded
    assert not {"parindex._cli.units", "parindex._cli.analysis", "rich"} & loaded


def test_the_public_names_resolve_and_are_listed() -> None:
    for name in parindex.__all__:
        assert getattr(parindex, name) is not None, name
    assert set(parindex.__all__) <= set(dir(parindex))
    with pytest.raises(AttributeError, match="no attribute 'nothing'"):
        parindex.nothing  # noqa: B018
    # The public errors show as parindex.X, where users import them from.
    assert parindex.AssessmentError.__module__ == "parindex"
    assert repr(parindex.ParindexError("x")) == "ParindexError('x')"


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_help_summaries_are_the_commands_own(name: str) -> None:
    command = cli.get_command(click.Context(cli), name)
    assert command is not None and command.name == name
    summary = click.Command(name, help=COMMANDS[name][2])
    assert summary.get_short_help_str(300) == command.get_short_help_str(300)
