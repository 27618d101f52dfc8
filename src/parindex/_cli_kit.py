"""``parindex new-plugin``: the plugin author kit."""

from __future__ import annotations

from ._cli import cli  # noqa: F401
