"""``parindex gaps``, ``plan``, ``sensitivity`` and ``report``: analysis of scored units."""

from __future__ import annotations

from ._cli import cli  # noqa: F401
