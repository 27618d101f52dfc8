"""Shared fixtures: the real Thừa Thiên Huế framework and the bundled Thủy Thanh example."""

from __future__ import annotations

import functools
from pathlib import Path

import click
import pytest
from hypothesis import settings

import parindex

# Properties are about correctness, not speed (benchmarks/ measure that): a 200 ms
# deadline only fails them at random on a loaded machine or CI runner.
settings.register_profile("parindex", deadline=None)
settings.load_profile("parindex")

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = parindex.example_path()

# data/ holds fixtures and the scripts that wrote them; importing a script (as
# --doctest-modules would) rewrites the committed files.
collect_ignore = ["data"]


@pytest.fixture(scope="session")
def hue() -> parindex.Framework:
    return parindex.get_framework("thua-thien-hue/commune/2022")


@pytest.fixture(scope="session")
def thuy_thanh() -> parindex.Assessment:
    return parindex.load_assessment(EXAMPLE)


@pytest.fixture
def example_text() -> str:
    return EXAMPLE.read_text(encoding="utf-8")


# Every command of the CLI, for the tests that try them all. Test modules cannot import
# each other (--import-mode=importlib): the walk is here, once.
@functools.cache
def _cli_commands() -> tuple[tuple[tuple[str, ...], click.Command], ...]:
    from parindex._cli.app import cli

    def walk(group: click.Group, prefix: tuple[str, ...]
             ) -> list[tuple[tuple[str, ...], click.Command]]:
        found = []
        context = click.Context(group)
        for name in group.list_commands(context):  # loads each lazily registered command
            command = group.get_command(context, name)
            assert command is not None
            if isinstance(command, click.Group):
                found += walk(command, (*prefix, name))
            else:
                found.append(((*prefix, name), command))
        return found

    return tuple(walk(cli, ()))


def _options(command: click.Command) -> frozenset[str]:
    return frozenset(opt for param in command.params for opt in getattr(param, "opts", ()))


@pytest.fixture(scope="session")
def cli_options() -> dict[tuple[str, ...], frozenset[str]]:
    """Every command of the CLI by its path (``("import", "assessment")``), subcommands
    included (what ``parindex --help`` and its groups list), with the options it takes."""
    return {path: _options(command) for path, command in _cli_commands()}


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "cli_option(option): only the commands that take "
                                       "this option, for a test taking cli_command")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """A test taking ``cli_command`` runs for every command of the CLI, given as
    ``(path, command)``; ``@pytest.mark.cli_option("--json")`` keeps the commands that
    take that option."""
    if "cli_command" not in metafunc.fixturenames:
        return
    marker = metafunc.definition.get_closest_marker("cli_option")
    commands = [(path, command) for path, command in _cli_commands()
                if marker is None or marker.args[0] in _options(command)]
    metafunc.parametrize("cli_command", commands, ids=[" ".join(p) for p, _ in commands])
