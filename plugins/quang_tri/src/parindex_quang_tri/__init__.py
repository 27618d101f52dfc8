"""Quảng Trị PAR INDEX frameworks for parindex.

Provides ``quang-tri/district/2020`` (QĐ 2896/QĐ-UBND of 24/10/2019; assessment year
2020): the seven fields named by Kế hoạch 322/KH-UBND of huyện Hướng Hóa (22/7/2021),
every maximum and band threshold marked unknown.
"""

from __future__ import annotations

import parindex


@parindex.hookimpl
def parindex_frameworks() -> list[parindex.Framework]:
    return parindex.frameworks_in(__name__)
