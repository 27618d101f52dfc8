"""Quảng Ngãi PAR INDEX frameworks for parindex.

Provides ``quang-ngai/commune/2023`` (QĐ 673/QĐ-UBND of 17/7/2023, Đề án 2023–2030;
assessment years 2023–2024): the fields and component criteria that the sources name,
every maximum and band threshold marked unknown.
"""

from __future__ import annotations

import parindex


@parindex.hookimpl
def parindex_frameworks() -> list[parindex.Framework]:
    return parindex.frameworks_in(__name__)
