"""The command line: a thin layer over the public API, one module per command group.

``app`` holds the click group and the commands that score and validate single files;
``tables``, ``analysis`` and ``kit`` register their commands on it.
"""

from .app import cli, main

__all__ = ["cli", "main"]
