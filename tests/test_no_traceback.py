"""Every command, given bad arguments, exits 2 with a message and never a traceback;
under --json the error is JSON on standard output."""

from __future__ import annotations

import json
from pathlib import Path

import click
import pytest

from parindex._cli import main
from parindex._cli.app import cli


def _commands(group: click.Group, prefix: tuple[str, ...] = ()
              ) -> list[tuple[tuple[str, ...], click.Command]]:
    found = []
    context = click.Context(group)
    for name in group.list_commands(context):  # loads each lazily registered command
        command = group.get_command(context, name)
        assert command is not None
        if isinstance(command, click.Group):
            found += _commands(command, (*prefix, name))
        else:
            found.append(((*prefix, name), command))
    return found


COMMANDS = _commands(cli)


def _bad_arguments(command: click.Command, missing: Path) -> list[str]:
    """Every argument a file that does not exist (or a name that cannot be one)."""
    args = []
    for param in command.params:
        if isinstance(param, click.Argument):
            args.append(str(missing) if param.name not in ("name", "code") else "Not A Name!")
    return args


@pytest.mark.parametrize(("path", "command"), COMMANDS, ids=[" ".join(p) for p, _ in COMMANDS])
def test_bad_arguments_exit_2_without_traceback(
        path: tuple[str, ...], command: click.Command, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "missing.toml"
    args = [*path, *_bad_arguments(command, missing)]
    status = main(args)
    captured = capsys.readouterr()
    if status == 0:  # a command that needs no file (a listing): give it an unknown option
        status = main([*path, "--no-such-option"])
        captured = capsys.readouterr()
    assert status == 2, (args, captured)
    assert "Traceback" not in captured.out + captured.err
    assert captured.err.strip()


@pytest.mark.parametrize(("path", "command"),
                         [(p, c) for p, c in COMMANDS
                          if any("--json" in getattr(x, "opts", ()) for x in c.params)],
                         ids=lambda v: " ".join(v) if isinstance(v, tuple) else "")
def test_errors_are_json_under_json(path: tuple[str, ...], command: click.Command,
                                    tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('framework = "thua-thien-hue/commune/2022"\nunit = "X"\nyear = 2022\n'
                   '[points]\n"1.1.1" = "abc"\n', encoding="utf-8")
    args = [*path, *_bad_arguments(command, bad), "--json"]
    status = main(args)
    captured = capsys.readouterr()
    if status == 0:
        status = main([*path, "--json", "--no-such-option"])
        captured = capsys.readouterr()
    assert status == 2, (args, captured)
    data = json.loads(captured.out)
    assert data["error"] and data["problems"]
    for problem in data["problems"]:
        assert set(problem) >= {"file", "line", "row", "code", "message"}
        assert problem["message"]


def test_json_error_locates_the_problem(tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('framework = "thua-thien-hue/commune/2022"\nunit = "X"\nyear = 2022\n'
                   '[points]\n"1.1.1" = "abc"\n', encoding="utf-8")
    assert main(["score", "--json", str(bad)]) == 2
    data = json.loads(capsys.readouterr().out)
    assert data["error"] == "AssessmentError"
    problem = data["problems"][0]
    assert (problem["file"], problem["line"], problem["row"], problem["code"]) == (
        str(bad), 5, None, "1.1.1")
