"""PAR INDEX frameworks of Bộ Nội vụ for parindex.

Provides ``bo-noi-vu/province/2017``. The frameworks are data: the TOML files in ``frameworks/``.
"""

from __future__ import annotations

import parindex


@parindex.hookimpl
def parindex_frameworks() -> list[parindex.Framework]:
    return parindex.frameworks_in(__name__)
