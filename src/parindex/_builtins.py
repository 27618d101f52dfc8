"""The core's built-in plugin, registered through the same hooks as any other plugin.

The core ships no province framework of its own: province plugins do.
"""

from __future__ import annotations

from ._model import Framework
from .hookspecs import hookimpl


@hookimpl
def parindex_frameworks() -> list[Framework]:
    return []
