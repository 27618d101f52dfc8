"""pytest settings for the documentation.

The pages' examples are doctests (``--doctest-glob=*.md``). They run with ``docs/`` as the
working directory, so the paths they show (``examples/...``) are relative to it, as when
reading the page next to its files.
"""

from __future__ import annotations

from pathlib import Path

import pytest

DOCS = Path(__file__).resolve().parent

# Sphinx's configuration and extension are not test modules; built output is not a source.
collect_ignore = ["conf.py", "_ext"]
collect_ignore_glob = ["_build/*"]


@pytest.fixture(autouse=True)
def _docs_directory(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    if request.node.path.suffix == ".md":
        monkeypatch.chdir(DOCS)
