"""What every command module shares: the console, progress bars, JSON output, ``--framework``.

Command modules import from here (and from the library), never from each other, so the
CLI has no import cycle; :mod:`.app` registers their commands on the group.
"""

from __future__ import annotations

import re
import shutil
import textwrap
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from decimal import Decimal
from itertools import repeat
from pathlib import Path
from typing import Any

import click
from rich.cells import cell_len
from rich.console import Console
from rich.measure import Measurement
from rich.segment import Segment
from rich.table import Table
from rich.text import Text

from .._base.errors import (
    AssessmentError,
    Origin,
    ParindexError,
    Problem,
    UnknownFrameworkError,
)
from .._base.i18n import MESSAGES, Count, Sentence, reason
from .._base.model import Assessment, Framework
from .._base.numbers import NumberError, plain, to_decimal
from .._base.text import has_control, terminal_safe
from .._engine.progress import Progress
# What every command's --framework ID_OR_FILE names.
from .._formats.output import json_text
from .._formats.overlay import resolve_framework as resolve_framework
from .._formats.tables import read_table
from .._plugins.registry import get_framework
from .options import echo_warning, quiet, t


#: Blanks at the end of a line, before any closing style codes.
_TRAILING = re.compile(r" +((?:\x1b\[[0-9;]*m)*)$", re.MULTILINE)


class _SafeConsole(Console):
    """A console that shows control characters from files as escapes (an ESC sequence in
    a unit name or a comment must not clear or recolour the terminal); rich's own styles
    pass."""

    def _render_buffer(self, buffer: Iterable[Segment]) -> str:
        text = super()._render_buffer(
            segment if segment.control else Segment(terminal_safe(segment.text),
                                                    segment.style, segment.control)
            for segment in buffer)
        # Rich pads every line to its table's or grid's width: no trailing blanks in the
        # output (they wrap a line in a narrower window and show up in diffs).
        return _TRAILING.sub(r"\1", text)

    def print(self, *objects: Any, **kwargs: Any) -> None:
        # Every command's tables, however many rows: see print_table. (A what-if of
        # 2,000 units spent 22 of its 50 s in rich's layout.)
        if len(objects) == 1 and not kwargs and isinstance(objects[0], Table):
            print_table(self, objects[0])
        else:
            super().print(*objects, **kwargs)


def terminal_width() -> int | None:
    """The terminal's width: COLUMNS when set, else the terminal's own; ``None`` for
    output that goes to no terminal."""
    columns = shutil.get_terminal_size((0, 0)).columns
    return max(columns, 40) if columns else None


def new_console() -> Console:
    # Narrow tables wrap names, not rows. Piped output without COLUMNS gets a generous
    # width so long Vietnamese names stay whole.
    return _SafeConsole(width=terminal_width() or 140, highlight=False, soft_wrap=False)


def wrap_line(line: str, width: int | None, indent: str = "    ") -> list[str]:
    """One line of output wrapped at spaces to ``width`` columns (see
    :func:`terminal_width`; ``None``: not wrapped, one line for grep). What runs over
    goes on under the line's own indentation plus ``indent``; a word longer than the
    width (a path, an id) is never cut."""
    if width is None:
        return [line]
    own = line[:len(line) - len(line.lstrip(" "))]
    return textwrap.wrap(line, width, subsequent_indent=own + indent, break_long_words=False,
                         break_on_hyphens=False) or [line]


def echo_wrapped(text: str) -> None:
    """``click.echo`` of lines of plain text, each wrapped to the terminal's width
    (:func:`wrap_line`)."""
    width = terminal_width()
    click.echo("\n".join(wrapped for line in text.splitlines()
                         for wrapped in wrap_line(line, width)))


#: Rows above which :func:`print_table` lays a table out itself: rich measures and wraps
#: every cell (about 2 ms a row), which made a 10,000-unit ``compare`` print for a minute.
MANY_ROWS = 200


class _Measured(dict[str, int]):
    """The cell width of each distinct text, measured once: a large table repeats most of
    its cells ("—", "Khá → Khá"). Rich measures a Vietnamese text character by character;
    a text of characters already found one cell wide is as wide as it is long."""

    def __init__(self) -> None:
        super().__init__()
        self._narrow: set[str] = set()

    def narrow(self, text: str) -> bool:
        """Whether every character of ``text`` is one cell wide (so its width is its
        length)."""
        if (text.isascii() and text.isprintable()) or self._narrow.issuperset(text):
            return True
        new = set(text) - self._narrow
        wide = {c for c in new if cell_len(c) != 1}
        self._narrow.update(new - wide)
        return not wide

    def __missing__(self, text: str) -> int:
        width = self[text] = len(text) if self.narrow(text) else cell_len(text)
        return width


#: What makes :func:`textwrap.wrap` split or join otherwise than at single spaces.
_NOT_PLAIN = frozenset("-\t\n\x0b\x0c\r")


def _wrap(text: str, width: int) -> list[str]:
    """``textwrap.wrap(text, width, break_long_words=False)``, directly for the usual cell
    (words between single spaces, no hyphen): greedy, a word too long alone on its line."""
    if not _plain_words(text):
        return textwrap.wrap(text, width, break_long_words=False) or [""]
    return _wrap_words(text, width)


def _plain_words(joined: str) -> bool:
    """Whether texts joined by single spaces (none empty) are all words between single
    spaces, which :func:`_wrap_words` wraps as :func:`textwrap.wrap` does."""
    return "  " not in joined and joined[:1] != " " and joined[-1:] != " " \
        and _NOT_PLAIN.isdisjoint(joined)


def _wrap_words(text: str, width: int) -> list[str]:
    """:func:`_wrap` of words between single spaces."""
    lines = []
    while len(text) > width:
        # The last space that leaves at most ``width`` before it, else the first space.
        cut = text.rfind(" ", 0, width + 1)
        if cut < 0:
            cut = text.find(" ", width + 1)
            if cut < 0:
                break
        lines.append(text[:cut])
        text = text[cut + 1:]
    lines.append(text)
    return lines


class Texts(dict[str, str]):
    """Each distinct text made from its key by ``make``, once: a large table repeats most
    of its cells."""

    def __init__(self, make: Callable[[str], str]) -> None:
        super().__init__()
        self.make = make

    def __missing__(self, key: str) -> str:
        text = self[key] = self.make(key)
        return text


_rich_print = Console.print


def print_table(console: Console, table: Table) -> None:
    """Print a rich table: by rich up to :data:`MANY_ROWS` rows, else laid out here in
    the same box and the console's width (a column too wide for it wraps its cells at
    spaces, the widest column first), as fast as writing the text.

    The console of :func:`new_console` prints every table so (``console.print(table)``).
    """
    columns = table.columns
    cells = [[c if isinstance(c, str) else None for c in column.cells] for column in columns]
    if table.row_count <= MANY_ROWS or any(None in column for column in cells) \
            or not all(isinstance(c.header, str) for c in columns):
        _fit(console, table)
        _rich_print(console, table)  # rich's own: this console's print comes here
        return
    _lay_out(console, str(table.title) if table.title else None,
             [str(c.header) for c in columns], cells,  # type: ignore[arg-type]
             [c.justify for c in columns])


def print_columns(console: Console, title: str | None, headers: Sequence[str],
                  columns: Sequence[Sequence[str]], justify: Sequence[str] | None = None,
                  ) -> None:
    """Print a table given column by column (each column's cell texts, in row order), its
    title on the left: as :func:`print_table` prints the same rich table, without building
    one for a large table (rich's ``add_row`` alone took a fifth of printing a comparison
    of two 10,000-unit tables).

    :param justify: each column's ``left`` (the default), ``right`` or ``center``.
    """
    justify = list(justify or ["left"] * len(headers))
    if max(map(len, columns), default=0) > MANY_ROWS:
        _lay_out(console, title, list(headers), columns, justify)
        return
    if title:  # on a line of its own, as a large table's: rich would wrap it to the table
        console.print(Text(title, style="table.title"))
    table = Table()
    for header, how in zip(headers, justify, strict=True):
        table.add_column(header, justify=how)  # type: ignore[arg-type]
    for row in zip(*columns, strict=True):
        table.add_row(*row)
    _fit(console, table)
    _rich_print(console, table)


def _fit(console: Console, table: Table) -> None:
    """Give the columns of a table too wide for the console the widths :func:`_lay_out`
    gives them, none narrower than its longest word: rich narrows the widest columns to a
    common width and then cuts words ("Tăng/…" for "Tăng/giảm bậc" at 80 columns) where
    wrapping every cell at spaces fits. Where even the longest words do not fit, rich's
    own layout stands."""
    columns = table.columns
    if table.box is None or not table.show_edge or table.padding != (0, 1, 0, 1) \
            or any(column.width is not None for column in columns):
        return  # not the table every command builds: rich's layout
    measured = [[Measurement.get(console, console.options, cell)
                 for cell in (column.header, *column.cells)] for column in columns]
    widths = [max(m.maximum for m in cells) for cells in measured]
    room = console.width - 3 * len(columns) - 1
    if sum(widths) <= room:
        return
    # A column that does not wrap is as wide as its widest cell.
    shortest = [widest if column.no_wrap else max(m.minimum for m in cells)
                for column, cells, widest in zip(columns, measured, widths, strict=True)]
    if sum(shortest) > room:
        return
    for column, width in zip(columns, _narrowed(widths, shortest, room), strict=True):
        column.width = width


def _narrowed(widths: list[int], shortest: list[int], room: int) -> list[int]:
    """Column widths that fit in ``room``: the column with the most to spare above its
    longest word narrowed first, one character at a time, none below its longest word
    (where those do not fit, the lines run over)."""
    widths = list(widths)
    while sum(widths) > room:
        wide = max(range(len(widths)), key=lambda i: widths[i] - shortest[i])
        if widths[wide] <= shortest[wide]:
            break
        widths[wide] -= 1
    return widths


def _lay_out(console: Console, title: str | None, headers: list[str],
             columns: Sequence[Sequence[str]], justify: Sequence[str]) -> None:
    """A large table's text, in rich's heavy-head box, written at once (see
    :func:`print_table`)."""
    width_of = _Measured()
    headers = [terminal_safe(h) for h in headers]
    texts = [_safe_cells(column) for column in columns]
    distinct = [{h, *column} for h, column in zip(headers, texts, strict=True)]
    # A column of one-cell characters only (most are) is measured by lengths, at once.
    joined = [" ".join(filter(None, found)) for found in distinct]
    narrow = [width_of.narrow(text) for text in joined]
    widths = [max(map(len, found)) if fast else max(width_of[c] for c in found)
              for found, fast in zip(distinct, narrow, strict=True)]
    shortest = [max([1, *map(len, text.split())]) if fast else
                max([1, *(width_of[w] for c in found for w in c.split())])
                for found, text, fast in zip(distinct, joined, narrow, strict=True)]
    widths = _narrowed(widths, shortest, console.width - 3 * len(widths) - 1)

    def part(text: str, width: int, how: str) -> str:
        pad = " " * (width - width_of[text])
        return pad + text if how == "right" else \
            pad[:len(pad) // 2] + text + pad[len(pad) // 2:] if how == "center" else text + pad

    def column_lines(found: set[str], width: int, how: str, fast: bool, joined: str,
                     ) -> tuple[dict[str, str], dict[str, list[str]]]:
        """Each distinct text of a column once: its first line, and the lines after it of
        a text wrapped because it is too wide, each padded to the column's width. A large
        table repeats most of its cells."""
        more: dict[str, list[str]] = {}
        if fast and how != "center":
            pad = str.ljust if how != "right" else str.rjust
            first = {text: pad(text, width) for text in found if len(text) <= width}
            wide = [text for text in found if len(text) > width]
            wrap = _wrap_words if _plain_words(joined) else _wrap
            for text, (head, *rest) in zip(wide, map(wrap, wide, repeat(width))):
                first[text] = pad(head, width)
                if rest:
                    more[text] = list(map(pad, rest, repeat(width)))
            return first, more
        first = {}
        for text in found:
            head, *rest = [part(line, width, how) for line in (
                _wrap(text, width) if width_of[text] > width else [text])]
            first[text] = head
            if rest:
                more[text] = rest
        return first, more

    shown = [column_lines(*args) for args in zip(distinct, widths, justify, narrow, joined,
                                                  strict=True)]
    blank = [" " * w for w in widths]

    def lines(cells: Sequence[Sequence[str]], bar: str) -> list[str]:
        """The lines of rows given column by column (each row's cell texts), each row's
        lines together: joined a line at a time across all rows, most rows having one."""
        joint = f" {bar} "
        found = [f"{bar} {line} {bar}" for line in map(joint.join, zip(*[
            map(first.__getitem__, column) for (first, _), column in zip(shown, cells)]))]
        wrapped = [(more, column) for (_, more), column in zip(shown, cells) if more]
        if not wrapped:
            return found
        # Each row's lines after its first: as many as its most wrapped cell has.
        heights = list(map(max, zip(*[map(len, map(more.get, column, repeat(())))
                                      for more, column in wrapped])))
        after = []
        for k in range(max(heights, default=0)):
            kth = [repeat(b) if not more else
                   map({t: rest[k] for t, rest in more.items() if len(rest) > k}.get, column,
                       repeat(b))
                   for (_, more), column, b in zip(shown, cells, blank)]
            after.append([f"{bar} {line} {bar}" for line in map(joint.join, zip(*kth))])
        if not after:  # no row wraps (a header of one line each)
            return found
        return [line for first, height, rest in zip(found, heights, zip(*after))
                for line in (first, *rest[:height])]

    rule = ["━" * (w + 2) for w in widths]
    text = [terminal_safe(title)] if title else []
    text += ["┏" + "┳".join(rule) + "┓", *lines([[h] for h in headers], "┃"),
             "┡" + "╇".join(rule) + "┩", *lines(texts, "│"),
             "└" + "┴".join("─" * (w + 2) for w in widths) + "┘"]
    console.file.write("\n".join(text) + "\n")


def _safe_cells(cells: Sequence[str]) -> Sequence[str]:
    """Cells as :func:`terminal_safe` shows them (most columns hold no control
    character: checked at once)."""
    if has_control("".join(cells)) is None:
        return cells
    safe = Texts(terminal_safe)
    return [safe[c] for c in cells]


def print_lines(console: Console, lines: Sequence[str]) -> None:
    """Print lines of text (no markup): by rich up to :data:`MANY_ROWS` lines, else
    written at once, each wrapped at spaces to the console's width as rich wraps it."""
    if len(lines) <= MANY_ROWS:
        for line in lines:
            console.print(line, markup=False)
        return
    width, width_of = console.width, _Measured()
    console.file.write("".join(
        "\n".join(textwrap.wrap(safe, width, break_long_words=False,
                                drop_whitespace=False) or [""]) + "\n"
        if width_of[safe := terminal_safe(line)] > width else safe + "\n" for line in lines))


def print_fitting(console: Console, table: Table) -> None:
    """A table as a table when it fits the console's width with its cells wrapped at
    spaces; else as records, one per row: its first cell (the id a user types), then each
    other column's ``header: value`` on a line of its own, wrapped at spaces. A narrow
    terminal gets every value whole, where a table would cut them ("bo-noi-vu/provinc…")."""
    # The narrowest it can be with its cells wrapped at spaces, no word cut.
    narrowest = console.measure(table, options=console.options.update_width(10**4)).minimum
    if narrowest <= console.width:
        console.print(table)
        return
    plain = [[cell.plain if isinstance(cell, Text) else str(cell) for cell in column.cells]
             for column in table.columns]
    headers = [str(column.header) for column in table.columns]
    if table.title:
        console.print(Text(str(table.title)))
    for first, *rest in zip(*plain, strict=True):
        console.print(Text(first, style="bold"))
        print_lines(console, [line for header, value in zip(headers[1:], rest, strict=True)
                              if value for line in wrap_line(f"    {header}: {value}",
                                                             console.width)])


#: "1,000": a thousand with a thousands comma, or one with a decimal comma.
_EITHER_COMMA = re.compile(r"[+-]?\d{1,3},\d{3}")


def cli_decimal(text: str, hint: str) -> Decimal:
    """A number typed on the command line as officials type them, with a decimal point or
    a decimal comma (``85,5``); ``1,000``, which reads either way, is refused, as is what
    is not a number (:class:`click.BadParameter` naming ``hint``, the option or argument)."""
    typed = text.strip()
    if _EITHER_COMMA.fullmatch(typed):
        point = plain(Decimal(typed.replace(",", ".")).normalize())  # 1,500 → 1.5
        raise click.BadParameter(Sentence("opt_either_comma", value=repr(typed),
                                          whole=typed.replace(",", ""), point=point),
                                 param_hint=hint)
    try:
        return to_decimal(text, decimal_comma=True)
    except NumberError as error:
        raise click.BadParameter(reason(error), param_hint=hint) from None


def catalogue_name(prefix: str, name: str) -> str:
    """A built-in name (a rule kind, ``rk``; an index kind, ``ik``) as the catalogue says it
    in the command's language; a plugin's own, which the catalogue does not know, as it is."""
    key = f"{prefix}_{name}"
    return t(key) if key in MESSAGES["en"] else name


def rule_kind_text(kind: str) -> str:
    """A rule kind as people read it: a built-in one from the catalogue, with its id (what
    a framework file writes); a plugin's by its id; ``given``: points given, no rule."""
    return t("rules_given") if kind == "given" else catalogue_name("rk", kind)


def print_items(console: Console, items: Iterable[str]) -> None:
    """The items of a list, ``  - item`` each, wrapped to the console's width under their
    own text (a hanging indent), many as fast as few (:func:`print_lines`)."""
    print_lines(console, [line for item in items
                          for line in wrap_line(f"  - {item}", console.width, indent="  ")])


#: How long a job runs before its progress bar appears: shorter ones print nothing.
PROGRESS_AFTER = 1.0


@contextmanager
def progress(label: str, total: int) -> Iterator[Progress]:
    """A progress bar for a long job of ``total`` steps; the job calls what this yields
    with the number of steps done (``update(done)``).

    On standard error (standard output stays the result), and only once the job has run
    for :data:`PROGRESS_AFTER` seconds; never when standard error is not a terminal or
    under ``--quiet``. It leaves no line behind when the job ends.
    """
    from rich.progress import Progress as Bar

    console = Console(stderr=True)
    if quiet() or not console.is_terminal:
        yield lambda done: None
        return
    bar = Bar(console=console, transient=True)
    task = bar.add_task(label, total=total)
    started, shown = time.monotonic(), False

    def update(done: int) -> None:
        nonlocal shown
        if not shown and time.monotonic() - started >= PROGRESS_AFTER:
            bar.start()
            shown = True
        bar.update(task, completed=done)

    try:
        yield update
    finally:
        if shown:
            bar.stop()


def echo_json(data: Any) -> None:
    click.echo(json_text(data))


def framework_option(value: str | None, assessment: Assessment) -> Framework:
    """``--framework`` for an assessment: :func:`resolve_framework`, or by default the
    installed framework the assessment names."""
    if value is None:
        try:
            return get_framework(assessment.framework)
        except UnknownFrameworkError as exc:
            origin = assessment.origin or Origin(None)
            raise UnknownFrameworkError(origin.problem(reason(exc), "framework")) from None
    return resolve_framework(value)


#: The help text of every ``--framework`` option.
FRAMEWORK_HELP = ("An installed framework id, a framework TOML file, or a completion "
                  "overlay file (see 'Overlays' in the docs).")


def with_table_hint(error: AssessmentError, file: Path,
                        framework_ref: str | None) -> AssessmentError:
    """``error`` from reading ``file`` as one unit's scoring sheet, with a last problem
    saying to use ``reproduce`` when the file reads as a results table of several units
    (``score`` and ``import assessment`` given the wrong kind of file)."""
    if framework_ref is None:
        return error
    try:
        units = len(read_table(file, resolve_framework(framework_ref)).assessments)
    except ParindexError:
        return error
    if units < 2:
        return error
    return AssessmentError([*error.problems, Problem(
        Sentence("cli_table_not_sheet", units=Count(units)), path=file)])


def read_sheet_option(path: Path, framework_ref: str | None, unit: str | None,
                      group: str | None, year: int | None) -> tuple[Framework, Assessment]:
    """A scoring sheet named on the command line, read under ``--framework``; what
    deserves a look is said on standard error (standard output stays the result)."""
    from .._formats.scoring_sheet import read_scoring_sheet

    if framework_ref is None:
        raise AssessmentError(Problem(Sentence("e_needs_framework"), path=path))
    framework = resolve_framework(framework_ref)
    read = read_scoring_sheet(path, framework, unit=unit, group=group, year=year)
    for note in read.notes:
        echo_warning(note, kind="note")
    return framework, read.assessment


