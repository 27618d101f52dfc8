"""Thừa Thiên Huế (now Huế) PAR INDEX frameworks for parindex.

Provides ``thua-thien-hue/commune/2022`` (QĐ 2204/QĐ-UBND, tree typed from
Kế hoạch 69/KH-UBND of xã Thủy Thanh (12/12/2022)) and bundles xã Thủy Thanh's 2022 result as the
project's example.
"""

from __future__ import annotations

import parindex


@parindex.hookimpl
def parindex_frameworks() -> list[parindex.Framework]:
    return parindex.frameworks_in(__name__)
