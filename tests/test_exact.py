"""Exact means exact: no value parindex accepts is rounded, and values beyond its bounds
are refused with a message, never rounded silently."""

from __future__ import annotations

import decimal
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import parindex
from parindex._base.numbers import (
    CONTEXT,
    MAX_DIGITS,
    MAX_EXPONENT,
    NumberError,
    plain,
    to_decimal,
)

# 40 significant digits: more than Python's default context keeps (28).
EXAMPLE_TEXT = parindex.example_path().read_text(encoding="utf-8")
FORTY = st.integers(min_value=10**39, max_value=10**40 - 1)


@settings(max_examples=30, deadline=None)
@given(FORTY)
def test_forty_digit_points_are_scored_exactly(hue, digits: int) -> None:
    value = Decimal(f"0.{digits}")  # 40 digits, within the leaf's maximum of 1.0
    text = EXAMPLE_TEXT.replace('"1.1.2" = 0.8', f'"1.1.2" = {value}')
    base = parindex.score(hue, parindex.load_assessment(parindex.example_path()))
    with decimal.localcontext(decimal.Context(prec=10)):  # a careless caller's context
        result = parindex.score(hue, parindex.loads_assessment(text))
    assert result.nodes["1.1.2"].points == value
    with decimal.localcontext(CONTEXT):  # the test's own arithmetic must be exact too
        assert result.total == base.total - Decimal("0.8") + value
    assert len(result.total.as_tuple().digits) > 28


@settings(max_examples=30, deadline=None)
@given(st.integers(min_value=1, max_value=10**12))
def test_a_mismatch_of_ten_to_the_minus_38_is_seen(hue, tiny: int) -> None:
    nodes = {n.code: n for n in hue.walk()}
    child = nodes["1.1.1"]
    with decimal.localcontext(CONTEXT):
        changed = parindex.Node(child.code, child.name,
                                child.max + Decimal(tiny).scaleb(-50), child.provenance,
                                rule=child.rule)
    import attrs

    def replace(node: parindex.Node) -> parindex.Node:
        if node.code == "1.1.1":
            return changed
        return attrs.evolve(node, children=[replace(c) for c in node.children])

    framework = attrs.evolve(hue, criteria=[replace(n) for n in hue.criteria])
    mismatches = {m.code: m for m in framework.maxima_mismatches()}
    with decimal.localcontext(CONTEXT):
        assert mismatches["1.1"].children_max - mismatches["1.1"].max == \
            Decimal(tiny).scaleb(-50)


@pytest.mark.parametrize("text, message", [
    ("1e9999999", "too large"),
    ("9e9999999", "too large"),
    ("1" * (MAX_DIGITS + 1), f"{MAX_DIGITS + 1} significant digits"),
    ("0." + "0" * MAX_EXPONENT + "1", f"{MAX_EXPONENT + 1} decimal places"),
    ("1e-99", "99 decimal places"),
])
def test_numbers_beyond_the_bounds_are_refused(text: str, message: str) -> None:
    with pytest.raises(NumberError, match=message):
        to_decimal(text)


def test_bounds_in_a_file_name_the_line(hue, example_text, tmp_path: Path) -> None:
    path = tmp_path / "unit.toml"
    path.write_text(example_text.replace('"1.1.2" = 0.8', '"1.1.2" = 9e9999999'),
                    encoding="utf-8")
    with pytest.raises(parindex.AssessmentError) as info:
        parindex.score(hue, parindex.load_assessment(path))
    problem = info.value.problem
    assert "too large" in problem.message and problem.code == "1.1.2" and problem.line == 17


@given(st.decimals(allow_nan=False, allow_infinity=False))
def test_plain_writes_every_decimal_without_an_exponent(value: Decimal) -> None:
    # plain() takes str()'s faster way where it agrees with format(value, "f").
    text = plain(value)
    assert text == format(abs(value) if value == 0 else value, "f")
    assert "E" not in text and Decimal(text) == value
