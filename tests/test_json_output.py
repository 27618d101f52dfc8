"""The layout every ``--json`` prints (:func:`json_text`): the top-level object's members
and the members of the containers inside it one per line, anything deeper compact."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from parindex._formats.output import _MARK, encoded, json_text

SCALARS = st.none() | st.booleans() | st.integers() | st.text(max_size=8)
VALUES = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=4)
                      | st.dictionaries(st.text(max_size=5), inner, max_size=4), max_leaves=30)


def _depth(value: Any) -> int:
    """How deep containers nest (a scalar 0, a flat list 1)."""
    if isinstance(value, dict) and value:
        return 1 + max(_depth(v) for v in value.values())
    if isinstance(value, list) and value:
        return 1 + max(_depth(v) for v in value)
    return 0


@given(VALUES)
def test_it_reads_back_and_indents_as_before_down_to_the_records(value: Any) -> None:
    text = json_text(value)
    assert json.loads(text) == value
    if _depth(value) <= 2:  # nothing below the records: exactly json.dumps(indent=2)
        assert text == json.dumps(value, ensure_ascii=False, indent=2)
    else:
        assert text.count("\n") < json.dumps(value, indent=2).count("\n")


def test_one_record_per_line() -> None:
    data = {"units": [{"unit": "Xã Thủy Thanh", "fields": [{"code": "1", "old": "4.50"}]},
                      {"unit": "Xã A", "fields": []}],
            "summary": {"units": 2}}
    assert json_text(data).split("\n") == [
        "{",
        '  "units": [',
        '    {"unit": "Xã Thủy Thanh", "fields": [{"code": "1", "old": "4.50"}]},',
        '    {"unit": "Xã A", "fields": []}',
        "  ],",
        '  "summary": {',
        '    "units": 2',
        "  }",
        "}"]


@given(VALUES, VALUES)
def test_a_part_written_once_is_written_as_it_would_be(part: Any, other: Any) -> None:
    # compare --json writes each shared field change once (encoded) and splices it into
    # every record (a line of the document) that holds it: the document is the same text.
    plain = {"records": [{"part": part, "other": other}, [part, other]], "part": other}
    spliced = {"records": [{"part": encoded(part), "other": other}, [encoded(part), other]],
               "part": other}
    assert json_text(spliced) == json_text(plain)


@given(VALUES)
def test_a_record_holding_the_stand_in_text_itself_is_still_written_right(part: Any) -> None:
    plain = {"records": [{"name": _MARK, "part": part, "more": [_MARK, part]}]}
    spliced = {"records": [{"name": _MARK, "part": encoded(part), "more": [_MARK, part]}]}
    assert json_text(spliced) == json_text(plain)
    assert json.loads(json_text(spliced)) == plain
