"""PAR INDEX frameworks of Bộ Nội vụ for parindex.

Provides the national provincial index across its versions: ``bo-noi-vu/province/2012``
(1294/QĐ-BNV), ``/2017`` (2948/QĐ-BNV), ``/2019`` (1150/QĐ-BNV) and ``/2022`` (876/QĐ-BNV). The frameworks are data: the TOML files in ``frameworks/``.
"""

from __future__ import annotations

import parindex


@parindex.hookimpl
def parindex_frameworks() -> list[parindex.Framework]:
    return parindex.frameworks_in(__name__)
