"""Building many small objects at once (a comparison of two large tables, its output).

Python's cyclic garbage collector runs a full pass over every live object once enough
new ones have appeared; with two 10,000-row tables in memory, those passes took 40 % of
``compare()``. What is built here holds no reference cycle, so plain reference counting
frees it: the collector can wait until the building is done.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while the block runs (restored after it, as it
    was: a caller that paused it keeps it paused)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
