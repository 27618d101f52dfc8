"""What every command module shares: the console, JSON output, ``--framework``.

Command modules import from here (and from the library), never from each other, so the
CLI has no import cycle; :mod:`.app` registers their commands on the group.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.segment import Segment

from .._base.errors import Origin, ParindexError, Problem, UnknownFrameworkError
from .._base.model import Assessment, Framework
from .._base.text import terminal_safe
# What every command's --framework ID_OR_FILE names.
from .._formats.overlay import resolve_framework as resolve_framework
from .._plugins.registry import get_framework


class _SafeConsole(Console):
    """A console that shows control characters from files as escapes (an ESC sequence in
    a unit name or a comment must not clear or recolour the terminal); rich's own styles
    pass."""

    def _render_buffer(self, buffer: Iterable[Segment]) -> str:
        return super()._render_buffer(
            segment if segment.control else Segment(terminal_safe(segment.text),
                                                    segment.style, segment.control)
            for segment in buffer)


def new_console() -> Console:
    # The terminal's width (COLUMNS when set): narrow tables wrap names, not rows. Piped
    # output without COLUMNS gets a generous width so long Vietnamese names stay whole.
    width = shutil.get_terminal_size((140, 40)).columns
    return _SafeConsole(width=max(width, 40), highlight=False, soft_wrap=False)


def echo_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


def framework_option(value: str | None, assessment: Assessment) -> Framework:
    """``--framework`` for an assessment: :func:`resolve_framework`, or by default the
    installed framework the assessment names."""
    if value is None:
        try:
            return get_framework(assessment.framework)
        except UnknownFrameworkError as exc:
            origin = assessment.origin or Origin(None)
            raise UnknownFrameworkError(origin.problem(str(exc), "framework")) from None
    return resolve_framework(value)


#: The help text of every ``--framework`` option.
FRAMEWORK_HELP = ("An installed framework id, a framework TOML file, or a completion "
                  "overlay file (see 'Overlays' in the docs).")


def read_sheet_option(path: Path, framework_ref: str | None, unit: str | None,
                      group: str | None, year: int | None) -> tuple[Framework, Assessment]:
    """A scoring sheet named on the command line, read under ``--framework``; what
    deserves a look is said on standard error (standard output stays the result)."""
    from .._base.errors import AssessmentError, Problem
    from .._formats.scoring_sheet import read_scoring_sheet

    if framework_ref is None:
        raise AssessmentError(Problem(
            "a scoring sheet does not name its framework: give --framework ID_OR_FILE "
            "(e.g. --framework thua-thien-hue/commune/2022; 'parindex frameworks' lists "
            "them)", path=path))
    framework = resolve_framework(framework_ref)
    read = read_scoring_sheet(path, framework, unit=unit, group=group, year=year)
    for note in read.notes:
        click.echo(f"parindex: note: {note}", err=True)
    return framework, read.assessment


