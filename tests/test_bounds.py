"""The documented size bound of a framework (docs/limits.md), checked before any recursion.

The depth bound and the other limits are cases of the hostile-input corpus
(``tests/hostile/``); this one needs a file too large to commit, so it is generated here.
"""

from __future__ import annotations

import pytest

import parindex
from parindex._base.model import MAX_NODES

# A framework with a field and n criteria under it (invented test data).
HEAD = ('id = "test-province/commune/2024"\nname = "x"\nlevel = "commune"\n'
        'first_year = 2024\n[criteria."1"]\nname = "f"\nmax = 100\n')


def _criteria(n: int) -> str:
    return HEAD + "".join(f'[criteria."1.{i}"]\nname = "c"\nmax = 0\n' for i in range(n))


def test_a_framework_of_more_than_max_nodes_criteria_is_refused() -> None:
    with pytest.raises(parindex.FrameworkError) as raised:
        parindex.loads_framework(_criteria(MAX_NODES + 1))
    assert f"a framework has at most {MAX_NODES:,}" in str(raised.value)


def test_max_nodes_criteria_are_not_refused_for_their_number() -> None:
    with pytest.raises(parindex.FrameworkError) as raised:  # legal basis, bands missing
        parindex.loads_framework(_criteria(MAX_NODES - 1))  # with the field: exactly MAX_NODES
    assert "at most" not in str(raised.value)
