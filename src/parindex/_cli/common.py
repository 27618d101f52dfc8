"""What every command module shares: the console, JSON output, ``--framework``.

Command modules import from here (and from the library), never from each other, so the
CLI has no import cycle; :mod:`.app` registers their commands on the group.
"""

from __future__ import annotations

import json
import shutil
from typing import Any

import click
from rich.console import Console

from .._base.errors import Origin, UnknownFrameworkError
from .._base.model import Assessment, Framework
# What every command's --framework ID_OR_FILE names.
from .._formats.overlay import resolve_framework as resolve_framework
from .._plugins.registry import get_framework


def new_console() -> Console:
    # Piped output gets a generous width so long Vietnamese names are not cut to 80.
    width = shutil.get_terminal_size((140, 40)).columns
    return Console(width=max(width, 100), highlight=False, soft_wrap=False)


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
