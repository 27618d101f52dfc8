"""Every command, given bad arguments, exits 2 with a message and never a traceback;
under --json the error is JSON on standard output."""

from __future__ import annotations

import json
from pathlib import Path

import click
import pytest

import parindex
from parindex._cli import main
from parindex._cli.app import COMMANDS as TABLE_OF_COMMANDS
from parindex._cli.app import SUBCOMMANDS

DATA = Path(__file__).parent / "data"
TTH = ["--framework", "thua-thien-hue/commune/2022"]


def test_every_command_of_the_table_is_tried(
        cli_options: dict[tuple[str, ...], frozenset[str]]) -> None:
    """The commands tried below are those ``parindex --help`` lists, subcommands included."""
    tried = set(cli_options)
    assert {path[0] for path in tried} == set(TABLE_OF_COMMANDS)
    for group, subcommands in SUBCOMMANDS.items():
        assert {(group, name.removesuffix("_command").replace("import_", "", 1))
                for _, name in subcommands} <= tried
    assert ("import", "assessment") in tried


def _bad_arguments(command: click.Command, missing: Path) -> list[str]:
    """Every argument a file that does not exist (or a name that cannot be one)."""
    args = []
    for param in command.params:
        if isinstance(param, click.Argument):
            args.append(str(missing) if param.name not in ("name", "code") else "Not A Name!")
    return args


def test_bad_arguments_exit_2_without_traceback(
        cli_command: tuple[tuple[str, ...], click.Command], tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    path, command = cli_command
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


@pytest.mark.cli_option("--json")
def test_errors_are_json_under_json(cli_command: tuple[tuple[str, ...], click.Command],
                                    tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path, command = cli_command
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


#: Every command that writes a file (-o/--output), with arguments that make it succeed
#: and an output suffix it accepts.
OUTPUTS: dict[tuple[str, ...], tuple[list[str], str]] = {
    ("plan",): ([str(parindex.example_path())], ".docx"),
    ("report",): ([str(parindex.example_path())], ".html"),
    ("reproduce",): ([str(DATA / "published-2022.csv"), *TTH], ".csv"),
    ("import", "assessment"): ([str(DATA / "sheets" / "thuy-thanh-2022.xlsx"), *TTH], ".toml"),
    ("import", "framework"): ([str(DATA / "annexes" / "tinh-mau-2024.docx"), "--id",
                               "tinh-mau/commune/2024", "--name", "Tỉnh Mẫu (bịa đặt)",
                               "--decision", "999/QĐ-UBND", "--date", "2024-01-15"], ".toml"),
    ("import", "overlay"): ([str(DATA / "annexes" / "quang-ngai-2023-invented.docx"),
                             "--onto", "quang-ngai/commune/2023"], ".toml"),
}


def test_every_output_command_is_tried(
        cli_options: dict[tuple[str, ...], frozenset[str]]) -> None:
    assert {path for path, options in cli_options.items() if "--output" in options} == set(
        OUTPUTS)


@pytest.mark.parametrize("path", OUTPUTS, ids=" ".join)
def test_bad_outputs_are_refused_before_any_work(
        path: tuple[str, ...], cli_options: dict[tuple[str, ...], frozenset[str]],
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A missing directory and an unknown suffix exit 2 naming the output, write nothing
    (the JSON error on stdout under --json); the good output is written."""
    args, suffix = OUTPUTS[path]
    for as_json in (False, True) if "--json" in cli_options[path] else (False,):
        flags = ["--json"] if as_json else []
        folder = tmp_path / ("json" if as_json else "text")
        folder.mkdir()
        for output, why in ((folder / "missing" / f"out{suffix}", "no such directory"),
                            (folder / "out.pdf", "unknown suffix '.pdf'")):
            assert main([*path, *args, "-o", str(output), *flags]) == 2
            captured = capsys.readouterr()
            assert "Traceback" not in captured.out + captured.err
            if as_json:
                (problem,) = json.loads(captured.out)["problems"]
                assert problem["file"] == str(output) and why in problem["message"]
            else:
                assert why in captured.err and str(output) in captured.err
            assert list(folder.rglob("*")) == []
    good = tmp_path / f"out{suffix}"
    assert main([*path, *args, "-o", str(good)]) == 0
    assert good.stat().st_size > 0
