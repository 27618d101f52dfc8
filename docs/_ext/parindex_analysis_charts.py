"""Sphinx extension: the example charts of the analysis pages, drawn at build time.

At ``builder-inited`` it scores the invented example group (``docs/examples/group``),
runs a small seeded Monte Carlo analysis, and writes SVG files into
``analysis/generated/`` (git-ignored; rewritten only when their text changes), which the
pages of ``docs/analysis/`` show as images. No chart is committed.
"""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path
from typing import Any

GENERATED = Path("analysis") / "generated"


def _standalone(svg: str) -> str:
    """parindex's inline SVG as a file: a file needs its namespaces declared."""
    return svg.replace("<svg ", '<svg xmlns="http://www.w3.org/2000/svg" '
                                'xmlns:xlink="http://www.w3.org/1999/xlink" ', 1) + "\n"


def charts(docs: Path) -> dict[str, str]:
    """The example charts by file name."""
    import parindex

    framework = parindex.get_framework("thua-thien-hue/commune/2022")
    group = sorted((docs / "examples" / "group").glob("*.toml"))
    ranking = parindex.score_many(framework, [parindex.load_assessment(p) for p in group])
    shares = parindex.monte_carlo(
        ranking, parindex.Perturbation("survey_share", 30, Fraction(1, 100)), draws=2000,
        seed=1)
    return {
        "field-profile.svg": parindex.field_profile_chart(ranking, "Xã C", lang="en"),
        "totals.svg": parindex.totals_chart(ranking, lang="en"),
        "rank-intervals.svg": parindex.rank_interval_chart(shares, lang="en"),
    }


def generate(docs: Path) -> list[Path]:
    """Write the charts into ``docs/analysis/generated``; return the paths."""
    folder = docs / GENERATED
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, svg in charts(docs).items():
        path = folder / name
        text = _standalone(svg)
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def _on_builder_inited(app: Any) -> None:
    generate(Path(app.srcdir))


def setup(app: Any) -> dict[str, Any]:
    app.connect("builder-inited", _on_builder_inited)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
