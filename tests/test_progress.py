"""Progress bars: on standard error for jobs over about a second, never in piped output or
under --quiet, and never changing what the command prints."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import click
import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.console import Console

from parindex._cli import common, main
from parindex._cli.options import add_common_options

TABLE = str(Path(__file__).parent / "data" / "published-2022.csv")
MONTE_CARLO = ["sensitivity", TABLE, "--framework", "thua-thien-hue/commune/2022",
               "--monte-carlo", "weights", "--draws", "1500", "--seed", "3"]


def _as_terminal(monkeypatch: pytest.MonkeyPatch) -> io.StringIO:
    """Standard error as a terminal: what the progress bars draw lands in the result."""
    screen = io.StringIO()

    def console(**_: Any) -> Console:
        return Console(file=screen, force_terminal=True, width=80)

    monkeypatch.setattr(common, "Console", console)
    return screen


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> io.StringIO:
    return _as_terminal(monkeypatch)


def _steps(total: int) -> None:
    with common.progress("Counting", total) as update:
        for done in range(1, total + 1):
            update(done)


def test_a_bar_appears_only_after_a_second(terminal: io.StringIO,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    _steps(3)  # over in well under PROGRESS_AFTER: nothing drawn
    assert terminal.getvalue() == ""
    monkeypatch.setattr(common, "PROGRESS_AFTER", 0.0)
    _steps(3)
    assert "Counting" in terminal.getvalue() and "100%" in terminal.getvalue()


def test_quiet_silences_the_bar(terminal: io.StringIO, monkeypatch: pytest.MonkeyPatch
                                ) -> None:
    monkeypatch.setattr(common, "PROGRESS_AFTER", 0.0)

    @click.command()
    def job() -> None:
        _steps(3)

    add_common_options(job)
    job.main(["--quiet"], standalone_mode=False)
    assert terminal.getvalue() == ""
    job.main([], standalone_mode=False)
    assert "Counting" in terminal.getvalue()


def test_monte_carlo_shows_its_draws_on_a_terminal_only(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(common, "PROGRESS_AFTER", 0.0)
    # Piped (pytest's capture is no terminal): stderr stays empty.
    assert main(MONTE_CARLO) == 0
    assert capsys.readouterr().err == ""
    terminal = _as_terminal(monkeypatch)
    assert main([*MONTE_CARLO, "--lang", "vi"]) == 0
    shown = capsys.readouterr()
    assert "Mô phỏng Monte Carlo" in terminal.getvalue()  # the catalogue's label
    assert "100%" in terminal.getvalue()
    # The result is the same, bar or no bar.
    assert main([*MONTE_CARLO, "--lang", "vi", "--quiet"]) == 0
    assert capsys.readouterr().out == shown.out


def test_reproduce_shows_the_table_being_read_on_a_terminal(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(common, "PROGRESS_AFTER", 0.0)
    command = ["reproduce", TABLE, "--framework", "thua-thien-hue/commune/2022"]
    assert main(command) == 0
    piped = capsys.readouterr()
    assert piped.err == ""
    terminal = _as_terminal(monkeypatch)
    assert main(command) == 0
    assert "Reading published-2022.csv" in terminal.getvalue()
    assert "100%" in terminal.getvalue()
    assert capsys.readouterr().out == piped.out  # the same result, bar or no bar


GROUP = str(Path(__file__).resolve().parents[1] / "docs" / "examples" / "group")


def test_report_shows_its_scoring_and_its_writing(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """The report explains the group's units one by one (their points are given above the
    leaves, which the kernel does not take), then writes the page: a bar for each, in
    the command's language, and the same page with or without them."""
    monkeypatch.setattr(common, "PROGRESS_AFTER", 0.0)
    terminal = _as_terminal(monkeypatch)
    shown, quiet = tmp_path / "shown.html", tmp_path / "quiet.html"
    assert main(["report", GROUP, "-o", str(shown), "--lang", "vi"]) == 0
    assert "Chấm điểm các đơn vị" in terminal.getvalue()
    assert "Soạn báo cáo" in terminal.getvalue() and "100%" in terminal.getvalue()
    terminal.truncate(0)
    terminal.seek(0)
    assert main(["report", GROUP, "-o", str(quiet), "--lang", "vi", "--quiet"]) == 0
    assert terminal.getvalue() == ""
    assert shown.read_text("utf-8") == quiet.read_text("utf-8")
    # A table: read with its own bar, then through the kernel, then written.
    assert main(["report", TABLE, "--framework", "thua-thien-hue/commune/2022",
                 "-o", str(shown), "--lang", "en"]) == 0
    assert "Reading published-2022.csv" in terminal.getvalue()
    assert "Writing the report" in terminal.getvalue()


def test_score_many_reports_the_units_it_has_scored() -> None:
    import parindex

    framework = parindex.get_framework("thua-thien-hue/commune/2022")
    units = [parindex.load_assessment(p) for p in sorted(Path(GROUP).glob("*.toml"))]
    done: list[int] = []
    ranking = parindex.score_many(framework, units, progress=done.append)
    assert done[0] == 0 and done[-1] == len(units) == len(ranking)
    assert done == sorted(done)


def test_a_what_if_shows_the_units_being_explained(monkeypatch: pytest.MonkeyPatch) -> None:
    """A what-if rescales every unit's explained result (seconds for a large table): a bar
    while they are explained, nothing under --quiet, the same listing either way."""
    monkeypatch.setattr(common, "PROGRESS_AFTER", 0.0)
    terminal = _as_terminal(monkeypatch)
    args = ["sensitivity", GROUP, "--survey-share", "40", "--json"]
    assert main([*args, "--lang", "vi"]) == 0
    assert "Chấm điểm các đơn vị" in terminal.getvalue() and "100%" in terminal.getvalue()
    terminal.truncate(0)
    terminal.seek(0)
    assert main([*args, "--quiet"]) == 0
    assert terminal.getvalue() == ""


@given(st.integers(0, 450))
def test_every_long_job_reports_through_one_loop(n: int) -> None:
    """reported() tells 0 before the first item, then before every 100th, then the count:
    score_many and a reproduction explained row by row both go through it."""
    from parindex._engine.progress import EVERY, reported

    told: list[int] = []
    assert list(reported(iter(range(n)), told.append)) == list(range(n))
    assert told == [*range(0, n, EVERY), n] if n else told == [0]
    assert list(reported(range(n), None)) == list(range(n))


def test_a_reproduction_explained_row_by_row_reports_its_rows() -> None:
    import parindex
    from parindex._audit.reproduce import explained

    framework = parindex.get_framework("thua-thien-hue/commune/2022")
    table = parindex.read_table(Path(TABLE), framework)
    done: list[int] = []
    explained(table, progress=done.append)
    assert done == [0, len(table.assessments)]
