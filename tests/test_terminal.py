"""Output in a narrow terminal: tables and lists take the terminal's width (COLUMNS),
long names and sentences wrap under themselves, and no line ends in padding."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rich.cells import cell_len

import parindex
from parindex._cli import main

TABLE = str(Path(__file__).parent / "data" / "published-2022.csv")
TTH = ["--framework", "thua-thien-hue/commune/2022"]
EXAMPLE = str(parindex.example_path())

COMMANDS = [
    ["score", EXAMPLE],
    ["gaps", EXAMPLE],
    ["reproduce", TABLE, *TTH],
    ["compare", TABLE, TABLE, *TTH],
    ["profiles", TABLE, *TTH],
    ["bands", TABLE, *TTH],
    ["sensitivity", TABLE, *TTH, "--survey-share", "0.4"],
    ["frameworks"],
    ["plugins"],
]


@pytest.mark.parametrize("columns", [80, 60])
@pytest.mark.parametrize("args", COMMANDS, ids=lambda args: args[0])
def test_lines_fit_the_terminal(args: list[str], columns: int,
                                monkeypatch: pytest.MonkeyPatch,
                                capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("COLUMNS", str(columns))
    for lang in ("vi", "en"):
        assert main([*args, "--lang", lang]) == 0
        lines = capsys.readouterr().out.splitlines()
        assert lines
        assert max(cell_len(line) for line in lines) <= columns
        assert not [line for line in lines if line.endswith(" ")]


def test_findings_wrap_under_their_own_text(monkeypatch: pytest.MonkeyPatch,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    assert main(["score", "--lang", "en", EXAMPLE]) == 0
    out = capsys.readouterr().out
    findings = out.split("Findings (the data about itself):\n", 1)[1].split("\n\n", 1)[0]
    lines = findings.splitlines()
    # Items begin "  - "; a long one goes on, indented under its text, never at column 0.
    assert all(re.match(r"  - \S|    \S", line) for line in lines), lines
    assert sum(line.startswith("  - ") for line in lines) == 4 < len(lines)
    # Labelled figures keep their values in one column when they wrap.
    monkeypatch.setenv("COLUMNS", "50")
    assert main(["score", "--lang", "en", EXAMPLE]) == 0
    out = capsys.readouterr().out
    index = out.split("\nIndex", 1)[1].split("\nBand", 1)[0].splitlines()
    column = len("Index") + len(index[0]) - len(index[0].lstrip())
    assert len(index) > 1 and all(line[:column].strip() == "" for line in index[1:])


@pytest.mark.parametrize("columns", [80, 60])
def test_narrow_listings_cut_nothing(columns: int, monkeypatch: pytest.MonkeyPatch,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    """frameworks and plugins too wide for the terminal list each row as a record, every
    value whole (an id is what --framework takes), rather than a table of "bo-noi-vu/p…";
    a terminal wide enough still gets the table."""
    monkeypatch.setenv("COLUMNS", str(columns))
    ids = list(parindex.registry().frameworks)
    for lang in ("vi", "en"):
        for command in ("frameworks", "plugins"):
            assert main([command, "--lang", lang]) == 0
            out = capsys.readouterr().out
            assert "…" not in out and "┃" not in out, out
            for fid in ids:
                assert re.search(rf"(?<![\w/-]){re.escape(fid)}(?![\w/-])", out), (fid, out)
            assert "parindex-thua-thien-hue" in out.split()
        assert main(["frameworks", "--lang", lang]) == 0
        issued = "12/09/2022" if lang == "vi" else "2022-09-12"
        assert f"2204/QĐ-UBND ({issued})" in capsys.readouterr().out
    monkeypatch.setenv("COLUMNS", "400")
    for command in ("frameworks", "plugins"):
        assert main([command]) == 0
        assert "┃" in capsys.readouterr().out


def test_a_title_wraps_at_the_terminal_not_the_table(monkeypatch: pytest.MonkeyPatch,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    for lang in ("vi", "en"):
        assert main(["bands", TABLE, *TTH, "--lang", lang]) == 0
        title, *_ = capsys.readouterr().out.splitlines()
        assert 70 < cell_len(title) <= 80, title  # the table below is 33 columns wide


@pytest.mark.parametrize("args", COMMANDS, ids=lambda args: args[0])
def test_an_80_column_terminal_cuts_no_word(args: list[str], monkeypatch: pytest.MonkeyPatch,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    """Where the tables fit with their cells wrapped at spaces, no word is cut: rich
    narrowed compare's columns to one width and cut the header "Tăng/giảm bậc" to
    "Tăng/…" (and score's "Điểm / tối đa" to "Điểm / tố…"); headers wrap as names do."""
    monkeypatch.setenv("COLUMNS", "80")
    for lang in ("vi", "en"):
        assert main([*args, "--lang", lang]) == 0
        out = capsys.readouterr().out
        assert "…" not in out, out
        if args[0] == "compare":
            assert ("Tăng/giảm" if lang == "vi" else "Moved") in out.split()
