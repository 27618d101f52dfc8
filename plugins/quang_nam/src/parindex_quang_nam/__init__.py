"""Quảng Nam PAR INDEX frameworks for parindex.

Provides ``quang-nam/district/2020``: the district-level PAR INDEX of Quảng Nam for
assessment year 2020 as far as public sources establish it (65 points appraised + 35
points of sociological survey; band Khá from 75 to below 85), its survey block scored from
the five SIPAS element percentages by an *assumed* rule, and everything else unknown.
"""

from __future__ import annotations

import parindex


@parindex.hookimpl
def parindex_frameworks() -> list[parindex.Framework]:
    return parindex.frameworks_in(__name__)
