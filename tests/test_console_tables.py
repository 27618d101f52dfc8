"""Large tables on the console (:func:`print_table`): laid out without rich's per-cell
measuring, the same box as rich's wherever the table fits the width."""

from __future__ import annotations

import io
import textwrap

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.console import Console
from rich.table import Table

from parindex._cli import common
from parindex._cli.common import (
    MANY_ROWS,
    _Measured,
    _SafeConsole,
    _wrap,
    print_columns,
    print_lines,
    print_table,
)


def _table(rows: int, long_names: bool = False) -> Table:
    table = Table(title="Change in points per field", title_justify="left")
    table.add_column("unit")
    table.add_column("against")
    table.add_column("1", justify="right")
    table.add_column("band", justify="center")
    for i in range(rows):
        name = f"Xã Minh Họa {i:05d}" + (" thuộc huyện Giả định xa xôi" if long_names
                                          and i % 3 else "")
        table.add_row(name, f"Xã Minh Họa {i:05d}", f"+{i % 7}.25",
                      "Khá → Tốt" if i % 2 else "Khá")
    return table


def _console(width: int) -> _SafeConsole:
    return _SafeConsole(width=width, file=io.StringIO(), highlight=False, soft_wrap=False)


def _printed(console: _SafeConsole) -> list[str]:
    return console.file.getvalue().splitlines()  # type: ignore[attr-defined, no-any-return]


def test_a_large_table_that_fits_prints_as_rich_prints_it() -> None:
    by_rich, here = _console(140), _console(140)
    Console.print(by_rich, _table(MANY_ROWS + 5))
    print_table(here, _table(MANY_ROWS + 5))
    assert _printed(here) == _printed(by_rich)
    assert len(_printed(here)) == MANY_ROWS + 5 + 5  # title, three rules, header


def test_every_command_s_console_prints_a_large_table_so(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Each command prints with ``console.print(table)``: the console itself lays out a
    large table (a what-if or Monte Carlo listing of every unit went through rich)."""
    laid_out: list[Table] = []
    monkeypatch.setattr(common, "print_table", lambda console, table: laid_out.append(table))
    console, table = _console(140), _table(MANY_ROWS + 5)
    console.print(table)
    assert laid_out == [table]
    console.print(table, style="bold")  # rich's options: rich's own
    console.print("text")
    assert laid_out == [table] and "text" in console.file.getvalue()  # type: ignore[attr-defined]


def test_a_large_table_wider_than_the_console_wraps_its_cells() -> None:
    console = _console(60)
    print_table(console, _table(MANY_ROWS + 5, long_names=True))
    lines = _printed(console)
    assert max(len(line) for line in lines) <= 60
    rows = MANY_ROWS + 5
    assert len(lines) > rows + 5  # names wrapped onto more lines ...
    text = "\n".join(lines)
    assert text.count("xôi") == sum(1 for i in range(rows) if i % 3)  # ... and kept whole


def test_control_characters_are_escaped() -> None:
    table = _table(MANY_ROWS + 1)
    table.add_row("Xã \x1b[2JX", "Xã A", "+1", "Khá")
    console = _console(140)
    print_table(console, table)
    print_lines(console, [f"  - \x1b[31m{i}" for i in range(MANY_ROWS + 1)])
    assert "\x1b" not in console.file.getvalue()  # type: ignore[attr-defined]


_CELL_TEXT = st.text(st.sampled_from(list("Xã Minh Họa 0123-→—ướ\t\n \u0300漢")),
                     max_size=40)


@settings(max_examples=300, deadline=None)
@given(text=_CELL_TEXT, width=st.integers(1, 30))
def test_cells_wrap_as_textwrap_wraps_them(text: str, width: int) -> None:
    # print_table wraps the usual cell itself (words between single spaces), 20 times
    # faster than textwrap, and must break exactly where textwrap would.
    assert _wrap(text, width) == (textwrap.wrap(text, width, break_long_words=False) or [""])


@settings(max_examples=300, deadline=None)
@given(texts=st.lists(_CELL_TEXT, max_size=8))
def test_cells_are_measured_as_rich_measures_them(texts: list[str]) -> None:
    measured = _Measured()
    for text in texts * 2:  # the second time from what the first learnt
        assert measured[text] == cell_len(text)


def test_a_table_given_by_columns_prints_as_the_same_rich_table() -> None:
    # compare builds its large tables column by column, without a rich Table.
    for rows, width in ((10, 140), (MANY_ROWS + 5, 140), (MANY_ROWS + 5, 50)):
        table = _table(rows, long_names=True)
        by_table, by_columns = _console(width), _console(width)
        print_table(by_table, table)
        print_columns(by_columns, str(table.title), [str(c.header) for c in table.columns],
                      [list(c.cells) for c in table.columns],  # type: ignore[misc]
                      [c.justify for c in table.columns])
        assert _printed(by_columns) == _printed(by_table)


# Words between single spaces (rich trims a cell's outer blanks and centres otherwise than
# print_table does, for any table: not what this test is about).
_CELL = st.lists(st.text(st.sampled_from(list("Xã0-→—漢\u0300")), min_size=1, max_size=5),
                 max_size=3).map(" ".join)


@settings(max_examples=30, deadline=None)
@given(cells=st.lists(_CELL, min_size=3, max_size=30), data=st.data())
def test_a_large_table_prints_as_rich_prints_it_whatever_its_characters(
        cells: list[str], data: st.DataObject) -> None:
    # Columns of one-cell characters are measured by their lengths, the others cell by
    # cell (漢 is two cells wide, a combining mark none): the same box either way.
    justify = data.draw(st.lists(st.sampled_from(["left", "right"]), min_size=3, max_size=3))
    table = Table(title="t", title_justify="left")
    for how in justify:
        table.add_column("head", justify=how)  # type: ignore[arg-type]
    for i in range(MANY_ROWS + 1):
        table.add_row(cells[i % len(cells)], cells[(i * 7) % len(cells)],
                      "Xã" if i % 2 else cells[(i * 3) % len(cells)])
    by_rich, here = _console(200), _console(200)
    Console.print(by_rich, table)
    print_table(here, table)
    assert _printed(here) == _printed(by_rich)
