"""Companion indices for parindex: indices provinces publish beside the PAR INDEX.

Provides ``papi/province/2018`` (PAPI, the Provincial Governance and Public
Administration Performance Index of UNDP and its partners: 8 dimensions from 2018, a plain
sum out of 80) and ``ttg-766/province/2022`` (the service index of 766/QĐ-TTg: five groups
of 18, 20, 22, 22 and 18 points). Both declare ``index_kind``, so that listings keep them
apart from PAR INDEX frameworks.
"""

from __future__ import annotations

import parindex


@parindex.hookimpl
def parindex_frameworks() -> list[parindex.Framework]:
    return parindex.frameworks_in(__name__)
