"""Table commands on the exact kernel give what the one-unit explainer gives, figure for
figure: reproduce() and profiles().

:func:`parindex.reproduce` scores a table whose printed figures all agree in one pass of
the kernel and works each unit's result out only when asked; every other table goes row
by row through the explainer (:func:`parindex._audit.reproduce.explained`). Both must say
the same of every table: the same units, figures (with the places they are written
with), ranks, checked, unchecked and discrepancies, the same JSON and the same results.
"""

from __future__ import annotations

import json
import tempfile
from decimal import ROUND_DOWN, ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal, localcontext
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import parindex
from parindex import NOT_ARISING, PublishedRank
from parindex._audit.reproduce import explained, reproduction_to_dict, unit_to_dict
from parindex._audit.tabulated import _rounds_to, not_rounding_to
from parindex._base.numbers import CONTEXT, Rounding
from parindex._formats.output import json_text
from parindex._formats.rows import TableRows
from parindex.testing import strategies as pst

DATA = Path(__file__).parent / "data"
TTH = "thua-thien-hue/commune/2022"


def _same(table: parindex.ResultsTable) -> parindex.Reproduction:
    """The table reproduced both ways, asserted identical; the kernel's reproduction."""
    fast, slow = parindex.reproduce(table), explained(table)
    # Byte for byte, key order included (``--json`` of the kernel's units is written
    # from the table's columns, the explainer's from each row).
    assert json_text(reproduction_to_dict(fast)) == json_text(reproduction_to_dict(slow))
    assert fast.problems == slow.problems
    for mine, theirs in zip(fast.units, slow.units, strict=True):
        assert mine == theirs
        figures = ("total", "appraised", "survey", "index", "index_shown", "band", "fields")
        for figure in figures:  # the kernel's own, before any result is worked out
            mine_figure, theirs_figure = getattr(mine, figure), getattr(theirs, figure)
            assert mine_figure == theirs_figure
            if isinstance(mine_figure, Decimal):  # written with the same places
                assert str(mine_figure) == str(theirs_figure)
        assert {c: str(v) for c, v in mine.fields.items()} == \
            {c: str(v) for c, v in theirs.fields.items()}
        assert mine.result == theirs.result  # worked out on demand, as the explainer does
    return fast


def _written_anew(value: Any, draw: st.DrawFn) -> Any:
    """A point value written with more places (``1.5`` as ``1.500``): the same number."""
    if value is NOT_ARISING or not draw(st.booleans()):
        return value
    return value.quantize(Decimal(1).scaleb(-draw(st.integers(0, 3)) - 2))


@st.composite
def tables(draw: st.DrawFn) -> parindex.ResultsTable:
    """A computed ranking as a printed table, some figures then printed otherwise:
    rounded, in other case, wrong, or left out."""
    framework = draw(pst.frameworks())
    units = draw(pst.assessment_sets(framework, min_size=1, max_size=6, self_assessed=False))
    units = [attrs.evolve(u, points={c: _written_anew(v, draw) for c, v in u.points.items()})
             for u in units]
    try:
        ranking = parindex.score_many(framework, units)
    except parindex.MissingInformationError:
        assume(False)
        raise
    table = parindex.ranking_table(ranking)
    rows = list(table.assessments)
    for i in draw(st.lists(st.integers(0, len(rows) - 1), max_size=3)):
        published = rows[i].published
        change = draw(st.sampled_from(["total", "index", "band", "rank", "group_rank",
                                       "appraised", "survey", "none"]))
        if change in ("total", "appraised", "survey", "index") and \
                getattr(published, change) is not None:
            value = getattr(published, change)
            how = draw(st.sampled_from(["round", "off"]))
            value = (value.quantize(Decimal(1).scaleb(-draw(st.integers(0, 3))))
                     if how == "round" else value + Decimal("0.01"))
            published = attrs.evolve(published, **{change: value})
        elif change == "band" and published.band is not None:
            published = attrs.evolve(published, band=draw(st.sampled_from(
                [published.band.upper(), *(b.name for b in framework.bands)])))
        elif change in ("rank", "group_rank") and getattr(published, change) is not None:
            rank = getattr(published, change)
            published = attrs.evolve(published, **{change: PublishedRank(
                draw(st.integers(1, len(rows))), draw(st.sampled_from([None, rank.of])))})
        elif change == "none":
            published = attrs.evolve(published, total=None, index=None, rank=None)
        rows[i] = attrs.evolve(rows[i], published=published)
    return attrs.evolve(table, assessments=tuple(rows))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(table=tables())
def test_kernel_and_explainer_reproduce_any_table_alike(table: parindex.ResultsTable) -> None:
    _same(table)


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(table=tables())
def test_a_table_read_by_columns_reproduces_as_the_explainer_does(
        table: parindex.ResultsTable, tmp_path: Path) -> None:
    """The same tables written out and read back: the reader holds them column by column,
    and the kernel takes its matrix from the columns (each row built only on demand)."""
    path = tmp_path / "table.csv"
    parindex.write_table(table, path)
    read = parindex.read_table(path, table.framework)
    assert isinstance(read.assessments, TableRows)
    for mine, theirs in zip(read.assessments, table.assessments, strict=True):
        assert (mine.unit, mine.group, mine.points) == (theirs.unit, theirs.group, theirs.points)
    _same(read)


def test_reading_a_large_table_reports_its_rows() -> None:
    table = _consistent_table(2100)
    done: list[tuple[int, int]] = []
    with tempfile.TemporaryDirectory() as tmp:
        path = parindex.write_table(table, Path(tmp) / "large.csv")
        read = parindex.read_table(path, table.framework, progress=lambda *d: done.append(d))
    assert done == [(0, 2100), (1000, 2100), (2000, 2100), (2100, 2100)]
    assert len(read.assessments) == 2100


@pytest.mark.parametrize("name", ["published-2022.csv", "published-2022.xlsx",
                                  "thuy-thanh-2022.csv", "thuy-thanh-2022.xlsx"])
def test_bundled_tables_reproduce_alike(name: str) -> None:
    mapping = DATA / "thuy-thanh-2022-mapping.toml" if name.startswith("thuy") else None
    _same(parindex.read_table(DATA / name, parindex.get_framework(TTH), mapping=mapping))


def _consistent_table(size: int) -> parindex.ResultsTable:
    """The Thủy Thanh example's leaf points under ``size`` names, as the library prints them."""
    framework = parindex.get_framework(TTH)
    example = parindex.load_assessment(parindex.example_path())
    leaves = {n.code for n in framework.walk() if n.is_leaf}
    units = [attrs.evolve(example, unit=f"Xã Thử {i}", points={
        c: v for c, v in example.points.items() if c in leaves}) for i in range(size)]
    return parindex.ranking_table(parindex.score_many(framework, units))


def test_a_consistent_leaf_table_takes_the_kernel_and_explains_on_demand() -> None:
    """The consistent published layout is reproduced without scoring a unit; asking for
    one unit's result scores that unit only, and gives the explainer's."""
    table = _consistent_table(3)
    reproduction = parindex.reproduce(table)
    unit = reproduction.units[1]
    assert unit._result.__class__.__name__ == "_Explained"  # not worked out yet
    assert (unit.total, unit.band.name if unit.band else None, unit.rank) == (
        Decimal("77.636"), "Khá", 1)
    assert unit.checked == ("total", "appraised", "survey", "index", "band", "rank",
                            "group_rank")
    assert unit.result == explained(table).units[1].result


def test_band_counts_take_the_kernel_s_bands_without_explaining_a_unit() -> None:
    """`parindex bands` of a 10,000-row table explained every unit (14.8 s CPU, 1.6 s now)."""
    from parindex._audit.bands import band_distribution

    table = _consistent_table(3)
    reproduction = parindex.reproduce(table)
    counted = band_distribution(reproduction)
    assert all(u._result.__class__.__name__ == "_Explained" for u in reproduction.units)
    assert [(s.band, s.count) for s in counted[0].shares if s.count] == [("Khá", 3)]
    assert counted == band_distribution(explained(table))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_profiles_from_the_kernel_are_those_from_results(data: st.DataObject) -> None:
    framework = data.draw(pst.frameworks())
    units = data.draw(pst.assessment_sets(framework, min_size=1, max_size=6,
                                          self_assessed=False))
    try:
        ranking = parindex.score_many(framework, units)
        batch = parindex.score_many(framework, units, batch=True)
    except (parindex.MissingInformationError, parindex.FrameworkError):
        assume(False)  # an unknown decides it, or a method only score_many knows
        raise
    assert parindex.profiles(batch) == parindex.profiles(ranking)


def test_progress_is_reported_while_rows_are_explained() -> None:
    """A table the kernel does not take (a row declares the basis of its ranks) is scored
    row by row and says how far it is; a table the kernel reproduces in one pass has
    nothing to report."""
    table = _consistent_table(150)
    done: list[int] = []
    parindex.reproduce(table, progress=done.append)
    assert done == []
    rows = list(table.assessments)
    rows[7] = attrs.evolve(rows[7], published=attrs.evolve(
        rows[7].published, rank=PublishedRank(150, 150), rank_basis="total"))
    reproduction = parindex.reproduce(attrs.evolve(table, assessments=tuple(rows)),
                                      progress=done.append)
    assert [d.what for d in reproduction.units[7].discrepancies] == ["rank"]
    assert done == [0, 100, 150]


def _with_ranks(table: parindex.ResultsTable, **printed: Any) -> parindex.ResultsTable:
    """``table`` with rows' printed figures replaced: ``printed[f"r{i}"]`` for row i."""
    rows = list(table.assessments)
    for key, figures in printed.items():
        i = int(key[1:])
        rows[i] = attrs.evolve(rows[i], published=attrs.evolve(rows[i].published, **figures))
    return attrs.evolve(table, assessments=tuple(rows))


def test_a_rank_that_disagrees_is_explained_alone_the_rest_from_the_kernel() -> None:
    """Printed ranks that disagree sent the whole table row by row: the kernel's ranks
    are the table's, and only the rows whose rank disagrees are explained, with the
    explainer's evidence (the units tied with it named) and notes."""
    table = _with_ranks(_consistent_table(150), r7={"rank": PublishedRank(150, 150)},
                        r9={"rank": PublishedRank(1, 149)},
                        r11={"band": "Tốt"})
    done: list[int] = []
    reproduction = parindex.reproduce(table, progress=done.append)
    assert done == []  # no row by row pass
    lazy = [i for i, u in enumerate(reproduction.units)
            if u._result.__class__.__name__ == "_Explained"]
    assert len(lazy) == 147 and not {7, 9, 11} & set(lazy)
    [rank] = reproduction.units[7].discrepancies
    assert (rank.what, rank.published, rank.computed) == ("rank", "150/150", "1/150")
    assert rank.evidence.startswith("78.026 ranks 1 of 150, tied with Xã Thử 0, Xã Thử 1, ")
    assert "Xã Thử 7," not in rank.evidence
    assert reproduction.units[9].discrepancies == ()
    assert any(n.startswith("rank 1/149: printed among 149 units, but 150 were scored")
               for n in reproduction.units[9].unchecked)
    _same(table)


def test_ranks_that_follow_a_wrong_total_are_left_to_the_explainer() -> None:
    """Row 3's printed total is 10 points too high and the printed ranks follow it: the
    other rows' ranks are not wrong (the explainer notes that they follow the printed
    total), which needs every unit's rank key, so the whole table is explained."""
    table = _consistent_table(20)
    total = table.assessments[3].published.total
    assert total is not None
    table = _with_ranks(table, r3={"total": total + 10}, **{
        f"r{i}": {"rank": PublishedRank(2, 20), "group_rank": None}
        for i in range(20) if i != 3})
    reproduction = _same(table)
    assert all(u._result.__class__.__name__ != "_Explained" for u in reproduction.units)
    assert not any(d.what == "rank" for u in reproduction.units for d in u.discrepancies)
    assert reproduction.units[0].unchecked[0].startswith(
        "rank 2/20 follows the printed figures of Xã Thử 3")


def test_a_discrepancy_is_explained_alone_the_rest_from_the_kernel() -> None:
    """A printed total that disagrees: only its row goes through the explainer, with the
    same outcome as explaining every row."""
    table = _consistent_table(150)
    rows = list(table.assessments)
    rows[7] = attrs.evolve(rows[7], published=attrs.evolve(rows[7].published,
                                                           total=Decimal("1")))
    table = attrs.evolve(table, assessments=tuple(rows))
    done: list[int] = []
    reproduction = parindex.reproduce(table, progress=done.append)
    assert done == []  # no row by row pass
    assert [d.what for d in reproduction.units[7].discrepancies][:1] == ["total"]
    lazy = [u for u in reproduction.units if u._result.__class__.__name__ == "_Explained"]
    assert len(lazy) == 149 and reproduction.units[7] not in lazy
    _same(table)


def test_cells_of_the_wrong_shape_are_a_typed_error_from_the_catalogue() -> None:
    """A reader that hands the kernel a grid without one column per leaf is told so in
    the library's typed error (a ValueError too), in either language."""
    import numpy as np

    from parindex._engine.batch import cells_to_matrix

    framework = parindex.get_framework(TTH)
    for value_at in (np.zeros((2, 3), dtype=np.intp), np.zeros(49, dtype=np.intp)):
        with pytest.raises(parindex.ArgumentError, match=r"value_at must have shape "
                           rf"\(units, 49\), one column per leaf of {TTH}; got ") as caught:
            cells_to_matrix(framework, value_at, [Decimal(1)], ["Xã A", "Xã B"], [None, None])
        assert isinstance(caught.value, ValueError)
    assert caught.value.problem.said("vi") == (
        f"value_at phải có dạng (số đơn vị, 49), mỗi cột một tiêu chí cấp cuối của {TTH}; "
        "nhận được (49,)")


def test_reproduce_json_of_a_table_held_by_columns_builds_no_row(tmp_path: Path) -> None:
    """``reproduce --json`` wrote every unit from its Assessment, building each row of a
    large table (half the JSON's time): the units the kernel reproduced are now written
    from the columns, byte for byte as before (:func:`unit_to_dict` of each unit is
    today's way), and no row is built but the one explained."""
    table = _consistent_table(30)
    rows = list(table.assessments)
    rows[4] = attrs.evolve(rows[4], published=attrs.evolve(rows[4].published,
                                                           total=Decimal("1")))
    rows[9] = attrs.evolve(rows[9], published=attrs.evolve(
        rows[9].published, band="khá"))  # agrees: printed in another case
    path = parindex.write_table(attrs.evolve(table, assessments=tuple(rows)),
                                tmp_path / "table.csv")
    read = parindex.read_table(path, table.framework)
    assert isinstance(read.assessments, TableRows)
    reproduction = parindex.reproduce(read)
    written = json_text(reproduction_to_dict(reproduction))
    assert [i for i, row in enumerate(read.assessments._built) if row is not None] == [4]
    data = json.loads(written)
    assert data["units"][9]["published"]["band"] == "khá"
    assert data["units"][9]["file"] == str(path)
    assert data["units"][4]["discrepancies"][0]["what"] == "total"
    each = {**reproduction_to_dict(reproduction),
            "units": [unit_to_dict(u) for u in reproduction.units]}
    assert written == json_text(each)
    assert written == json_text(reproduction_to_dict(explained(read)))


@st.composite
def _printed_figures(draw: st.DrawFn) -> tuple[list[Decimal | None], list[int], int]:
    """Computed figures (whole numbers × 10**-scale) and figures printed for them: as
    computed, with more or fewer places (rounded every way), off by a unit, or not at all."""
    scale = draw(st.integers(0, 6))
    computed = draw(st.lists(st.integers(-10**9, 10**9), min_size=1, max_size=12))
    printed: list[Decimal | None] = []
    for points in computed:
        value = Decimal(points).scaleb(-scale)
        how = draw(st.sampled_from(["exact", "padded", "rounded", "off", "none"]))
        if how == "padded":
            value = value.quantize(Decimal(1).scaleb(-scale - draw(st.integers(1, 3))))
        elif how == "rounded":
            value = value.quantize(Decimal(1).scaleb(-draw(st.integers(0, 6))),
                                   rounding=draw(st.sampled_from(
                                       [ROUND_HALF_UP, ROUND_HALF_EVEN, ROUND_DOWN])))
        elif how == "off":
            value += Decimal(1).scaleb(-draw(st.integers(0, 6)))
        printed.append(None if how == "none" else value)
    return printed, computed, scale


@given(figures=_printed_figures(), declared=st.none() | st.integers(0, 6),
       rounding=st.sampled_from(list(Rounding)))
def test_the_agreeing_rows_shortcut_finds_what_rounding_each_row_finds(
        figures: tuple[list[Decimal | None], list[int], int], declared: int | None,
        rounding: Rounding) -> None:
    """Printed figures exactly as computed skip the rounding: the rows found are those
    rounding every row (as the explainer's check does) finds."""
    printed, computed, scale = figures
    with localcontext(CONTEXT):
        expected = [i for i, (value, points) in enumerate(zip(printed, computed, strict=True))
                    if value is not None and not _rounds_to(value, points, 10**scale,
                                                            declared, rounding)]
    assert not_rounding_to(printed, computed, scale, declared, rounding) == expected
