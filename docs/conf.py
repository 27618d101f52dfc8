"""Sphinx configuration for the parindex documentation.

Build with ``python3 dev.py docs`` (or ``python -m sphinx -W --keep-going -b html docs
docs/_build/html``). Warnings are errors. Nothing here touches the network.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE / "_ext"))

project = "parindex"
author = "parindex maintainers"
copyright = "parindex maintainers, MIT licence"  # noqa: A001 - Sphinx's name

try:
    from importlib.metadata import version as _version

    release = _version("parindex")
except Exception:  # noqa: BLE001 - building from a checkout that is not installed
    release = "0.0"
version = release

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    # Intersphinx is loaded but given no mappings: the build must work offline.
    "sphinx.ext.intersphinx",
    "sphinx_click",
    # Local: writes one page per installed framework into frameworks/generated/.
    "parindex_frameworks",
    # Local: draws the example charts of the analysis pages into analysis/generated/.
    "parindex_analysis_charts",
]

source_suffix = {".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build", "Thumbs.db", ".DS_Store", "examples"]
language = "en"

# --- MyST ------------------------------------------------------------------------------
myst_enable_extensions = [
    "colon_fence",
    "deflist",
    "fieldlist",
    "smartquotes",
    "substitution",
]
myst_heading_anchors = 3

# --- autodoc ---------------------------------------------------------------------------
autodoc_member_order = "bysource"
autodoc_typehints = "signature"

# --- intersphinx: offline on purpose ---------------------------------------------------
intersphinx_mapping: dict[str, tuple[str, str | None]] = {}
intersphinx_disabled_reftypes = ["*"]

# --- HTML ------------------------------------------------------------------------------
html_theme = "furo"
html_title = f"parindex {release}"
html_static_path: list[str] = []
html_show_sourcelink = True
