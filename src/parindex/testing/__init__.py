"""The plugin author kit: conformance checks, assertion helpers, strategies, pytest plugin.

For people who write province plugins (and anyone testing code built on parindex):

- :func:`check_framework` runs every conformance check of
  :func:`parindex.check_conformance` and fails with the readable report;
- :func:`assert_result_equal` and :func:`assert_ranks_equal` compare computed results
  with expected (published) figures, exactly, and show every difference at once;
- :mod:`parindex.testing.strategies` holds public `hypothesis <https://hypothesis.works>`_
  strategies for frameworks, criteria trees, bands, assessments (valid, and invalid by
  kind) and results tables;
- :mod:`parindex.testing.pytest_plugin`, loaded by pytest automatically, gives the
  fixtures ``parindex_registry`` and ``parindex_plugin`` and the one-line conformance
  suite :func:`~parindex.testing.pytest_plugin.conformance_tests`.

hypothesis is an optional dependency, installed with the ``parindex[testing]`` extra
(``pip install 'parindex[testing]'``); this package itself imports nothing from it, so
``import parindex.testing`` always works.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

from .._audit.conformance import ConformanceReport, check_conformance
from .._base.model import Framework
from .._base.numbers import plain, quantize, to_decimal
from .._engine.ranking import Ranking
from .._engine.results import Result

__all__ = ["assert_ranks_equal", "assert_result_equal", "check_framework"]

Number = Decimal | int | str


def check_framework(framework: Framework | str | Path, *,
                    strict: bool = False) -> ConformanceReport:
    """Run every conformance check; raise :class:`AssertionError` with the report if it fails.

    A thin wrapper of :func:`parindex.check_conformance` for tests: it returns the report
    when the framework passes (so a test can look at its notes), and otherwise fails with
    the readable report, every finding with its key and line.

    :param framework: a framework, the path of a framework TOML file, or the id of an
        installed framework.
    :param strict: fail on unfinished findings too (placeholders from
        ``parindex new-plugin``, facts that do not say what they rest on).

    >>> import parindex
    >>> from parindex.testing import check_framework
    >>> check_framework("quang-tri/district/2020").ok
    True
    """
    report = check_conformance(framework, strict=strict)
    if not report.ok:
        raise AssertionError(str(report))
    return report


def _expected(name: str, value: object) -> Decimal:
    if isinstance(value, float):
        raise TypeError(f"{name}={value!r}: give expected points as Decimal, int or str; a "
                        "float is never exact")
    return to_decimal(value)


def _shown(value: Decimal | Fraction | None, places: int | None) -> str:
    if value is None:
        return "None"
    if isinstance(value, Fraction) or places is not None:
        return plain(quantize(value, 9 if places is None else places))
    return plain(value)


def _equal(computed: Decimal | Fraction | None, expected: Decimal, places: int | None) -> bool:
    if computed is None:
        return False
    if places is not None:
        return quantize(computed, places) == expected
    return computed == expected


def _table(title: str, rows: list[tuple[str, str, str]]) -> str:
    rows = [("", "expected", "computed"), *rows]
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    lines = [title]
    for row in rows:
        lines.append("  " + "  ".join(cell.ljust(width) for cell, width
                                      in zip(row, widths, strict=True)).rstrip())
    return "\n".join(lines)


def assert_result_equal(result: Result, *, points: Mapping[str, Number] | None = None,
                        total: Number | None = None, appraised: Number | None = None,
                        survey: Number | None = None, index: Number | None = None,
                        arising_max: Number | None = None, band: str | None = None,
                        places: int | None = None) -> None:
    """Assert that a result has the expected figures; show every difference at once.

    Only the figures given are compared. Comparison is exact; with ``places``, computed
    values are first rounded half up to that many places, as a published table prints
    them (the index is always compared rounded: to ``places``, or else to the places of
    the expected value).

    :param points: expected points by criterion code (``Decimal``, ``int`` or ``str``;
        floats are refused).
    :param total: appraised + survey + bonus − penalty.
    :param band: the band's name (``""`` for no band).
    :param places: round computed values to this many places before comparing.
    :raises AssertionError: with a table of expected and computed values.

    >>> import parindex
    >>> from parindex.testing import assert_result_equal
    >>> framework = parindex.get_framework("thua-thien-hue/commune/2022")
    >>> result = parindex.score(framework, parindex.load_assessment(parindex.example_path()))
    >>> assert_result_equal(result, total="78.636", points={"1": "5.86"}, band="Khá")
    >>> assert_result_equal(result, total="78.6", points={"3.5": "0.5"}, band="Tốt")
    Traceback (most recent call last):
    ...
    AssertionError: result of Xã Thủy Thanh under thua-thien-hue/commune/2022 differs:
                expected  computed
      total     78.6      78.636
      band      Tốt       Khá
      3.5       0.5       1.25
    """
    rows: list[tuple[str, str, str]] = []

    def compare(label: str, computed: Decimal | Fraction | None, wanted: Number) -> None:
        expected = _expected(label, wanted)
        digits = places
        if isinstance(computed, Fraction) and digits is None:
            exponent = expected.as_tuple().exponent
            digits = max(0, -exponent) if isinstance(exponent, int) else 0
        if not _equal(computed, expected, digits):
            rows.append((label, plain(expected), _shown(computed, digits)))

    for label, computed, wanted in (("total", result.total, total),
                                    ("appraised", result.appraised, appraised),
                                    ("survey", result.survey, survey),
                                    ("arising_max", result.arising_max, arising_max),
                                    ("index", result.index, index)):
        if wanted is not None:
            compare(label, computed, wanted)
    if band is not None:
        name = result.band.name if result.band is not None else ""
        if name != band:
            rows.append(("band", band or "(none)", name or "(none)"))
    for code, wanted in (points or {}).items():
        node = result.nodes.get(code)
        if node is None:
            rows.append((code, plain(_expected(code, wanted)), "(no such criterion)"))
        else:
            compare(code, node.points, wanted)
    if rows:
        raise AssertionError(_table(
            f"result of {result.unit} under {result.framework.id} differs:", rows))


def assert_ranks_equal(ranking: Ranking, expected: Mapping[str, int], *,
                       group: bool = False) -> None:
    """Assert units' ranks (overall, or within their group); show every difference.

    :param expected: rank by unit name, e.g. ``{"Xã Thủy Thanh": 2}``.
    :param group: compare the rank within the unit's group instead of the overall rank.
    :raises AssertionError: with a table of expected and computed ranks.
    """
    computed = {r.result.unit: (r.group_rank if group else r.rank) for r in ranking}
    rows = [(unit, str(rank), str(computed.get(unit, "(not ranked)")))
            for unit, rank in expected.items() if computed.get(unit) != rank]
    if rows:
        kind = "group ranks" if group else "ranks"
        raise AssertionError(_table(f"{kind} under {ranking.framework.id} differ:", rows))
