"""Hook specifications: what a parindex plugin can provide.

A plugin is a module (or object) with functions decorated by :data:`parindex.hookimpl`,
named after the hooks below, and listed under the ``parindex`` entry-point group of its
distribution::

    [project.entry-points.parindex]
    thua_thien_hue = "parindex_thua_thien_hue"

The core registers its own built-ins through these same hooks.
"""

from __future__ import annotations

import pluggy

from ._model import Framework

PROJECT = "parindex"

#: Marks a function as a hook specification (used by parindex itself).
hookspec = pluggy.HookspecMarker(PROJECT)
#: Marks a plugin's function as an implementation of a parindex hook.
hookimpl = pluggy.HookimplMarker(PROJECT)


@hookspec
def parindex_frameworks() -> list[Framework]:  # type: ignore[empty-body]
    """Return the frameworks this plugin provides.

    Frameworks are data: read them from the plugin's TOML files with
    :func:`parindex.frameworks_in` (or :func:`parindex.load_framework`). Each framework id
    must be provided by one plugin only.
    """
