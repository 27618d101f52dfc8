"""``parindex reproduce`` and ``parindex compare``: results tables against their published figures."""

from __future__ import annotations

from ._cli import cli  # noqa: F401
