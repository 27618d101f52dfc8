"""Shared fixtures: the real Thừa Thiên Huế framework and the bundled Thủy Thanh example."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import settings

import parindex

# Properties are about correctness, not speed (benchmarks/ measure that): a 200 ms
# deadline only fails them at random on a loaded machine or CI runner.
settings.register_profile("parindex", deadline=None)
settings.load_profile("parindex")

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = parindex.example_path()

# data/ holds fixtures and the scripts that wrote them; importing a script (as
# --doctest-modules would) rewrites the committed files.
collect_ignore = ["data"]


@pytest.fixture(scope="session")
def hue() -> parindex.Framework:
    return parindex.get_framework("thua-thien-hue/commune/2022")


@pytest.fixture(scope="session")
def thuy_thanh() -> parindex.Assessment:
    return parindex.load_assessment(EXAMPLE)


@pytest.fixture
def example_text() -> str:
    return EXAMPLE.read_text(encoding="utf-8")
