"""A table's unit rows, held column by column: each row's :class:`~parindex.Assessment` is
built only when someone asks for it.

A published table of 10,000 units repeats a few dozen distinct points: the reader
converts each distinct cell once and keeps, per row, only its position in that list
(:attr:`TableRows.value_at`), which the exact kernel turns straight into its matrix. Building
an Assessment (a dict of points, its figures, its origin) for every row would cost more
than reading and scoring the table together.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, overload

import attrs

from .._base.errors import Origin, Problem
from .._base.model import Assessment, Framework, GivenPoints, Published

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

    from .._engine.batch import LeafCells


@attrs.frozen
class TableOrigin(Origin):
    """Where a unit was read from: the file, the sheet, the row, and each column's header.

    Messages about the unit (including :func:`parindex.score`'s) cite ``file:row`` and the
    column's header as printed.
    """

    row: int = 0
    sheet: str | None = None
    columns: Mapping[tuple[str, ...], str] = attrs.field(factory=dict, repr=False)

    def line(self, *path: str) -> int | None:
        return self.row

    def problem(self, message: str, *path: str, code: str | None = None) -> Problem:
        key = None
        for end in range(len(path), 0, -1):
            if path[:end] in self.columns:
                key = self.columns[path[:end]]
                break
        if key is None and path:
            key = ".".join(path)
        return Problem(message, path=self.path, line=self.row, key=key, code=code)


@attrs.frozen(eq=False)
class TableRows(Sequence[Assessment]):
    """The unit rows of a table read from a grid, one :class:`~parindex.Assessment` each,
    built (once) when first asked for.

    :param framework: the framework id of every row.
    :param numbers: each row's 1-based row number in the file.
    :param units: each row's unit name (NFC, single spaces).
    :param groups: each row's group, ``None`` for none.
    :param years: each row's year.
    :param codes: the criterion codes of the points columns, in the table's order.
    :param value_at: (rows, codes) positions in :attr:`values` of each row's points.
    :param values: the distinct points of the table, each converted once (``None``: a
        cell that could not be read, only in rows given by :attr:`points`).
    :param figures: the printed figures by name, as :class:`~parindex.Published` names
        them, one per row (``None``: not printed); a figure no column gives is absent.
    :param points: the points of rows read one by one (a cell could not be read): by
        position, replacing the row's :attr:`value_at`.
    """

    framework: str
    path: Path
    sheet: str | None
    #: Where each figure is read (:class:`TableOrigin` ``columns``), shared by every row.
    keys: Mapping[tuple[str, ...], str]
    numbers: list[int]
    units: list[str]
    groups: list[str | None]
    years: list[int]
    codes: tuple[str, ...]
    value_at: NDArray[np.int32]
    values: list[GivenPoints | None]
    figures: Mapping[str, list[Any]]
    points: Mapping[int, Mapping[str, GivenPoints]] = attrs.field(factory=dict)
    rank_basis: str | None = None
    _built: list[Assessment | None] = attrs.field(init=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_built", [None] * len(self.numbers))

    def __len__(self) -> int:
        return len(self.numbers)

    @overload
    def __getitem__(self, i: int) -> Assessment: ...

    @overload
    def __getitem__(self, i: slice) -> Sequence[Assessment]: ...

    def __getitem__(self, i: int | slice) -> Assessment | Sequence[Assessment]:
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        built = self._built[i]
        if built is None:
            built = self._built[i] = self._build(i % len(self) if i < 0 else i)
        return built

    def __iter__(self) -> Iterator[Assessment]:
        return (self[i] for i in range(len(self)))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence) or isinstance(other, (str, bytes)):
            return NotImplemented
        return len(self) == len(other) and all(a == b for a, b in zip(self, other))

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        return repr(tuple(self))

    def row_points(self, i: int) -> Mapping[str, GivenPoints]:
        """Row ``i``'s points by code."""
        given = self.points.get(i)
        if given is not None:
            return given
        values = [self.values[j] for j in self.value_at[i].tolist()]
        return {code: value for code, value in zip(self.codes, values, strict=True)
                if value is not None}

    def printed(self, i: int) -> Published:
        """Row ``i``'s printed figures."""
        figures = {name: column[i] for name, column in self.figures.items()
                   if column[i] is not None}
        if self.rank_basis and ("rank" in figures or "group_rank" in figures):
            figures["rank_basis"] = self.rank_basis
        return Published(**figures)

    def origin(self, i: int) -> TableOrigin:
        return TableOrigin(self.path, row=self.numbers[i], sheet=self.sheet, columns=self.keys)

    def _build(self, i: int) -> Assessment:
        return Assessment(framework=self.framework, unit=self.units[i], year=self.years[i],
                          points=self.row_points(i), group=self.groups[i],
                          published=self.printed(i), origin=self.origin(i))

    def leaf_cells(self, framework: Framework) -> LeafCells | None:
        """The rows' points as :func:`~parindex._engine.batch.to_matrix` takes them at
        once: every row gives exactly the leaves of ``framework``, all of one year within
        its years; ``None`` otherwise (then each row is checked, and any misfit named)."""
        from .._engine.batch import LeafCells, plan_of

        codes = plan_of(framework).codes
        years = set(self.years)
        year = min(years, default=0)
        if self.points or sorted(self.codes) != sorted(codes) or len(years) != 1 or \
                self.framework != framework.id or year < framework.first_year or \
                (framework.last_year is not None and year > framework.last_year) or \
                any(value is None for value in self.values):  # a row left out had it
            return None
        order = [self.codes.index(code) for code in codes]
        return LeafCells(self.value_at[:, order], self.values, self.units, self.groups, year)

    def replaced(self, **figures: list[Any]) -> TableRows:
        """The same rows with some printed figures replaced (one value per row)."""
        return attrs.evolve(self, figures={**self.figures, **figures})


#: What a row has of its own (the rest of :func:`column`'s names are printed figures).
_OWN = ("unit", "group", "year")


def column(assessments: Sequence[Assessment], name: str) -> list[Any]:
    """One printed figure (or ``unit``, ``group``, ``year``) of every row, without
    building rows held as :class:`TableRows`."""
    if isinstance(assessments, TableRows):
        if name in _OWN:
            own: dict[str, list[Any]] = {"unit": assessments.units,
                                         "group": assessments.groups,
                                         "year": assessments.years}
            return own[name]
        return assessments.figures.get(name) or [None] * len(assessments)
    if name in _OWN:
        return [getattr(a, name) for a in assessments]
    return [getattr(a.published, name) for a in assessments]


def with_figures(assessments: Sequence[Assessment], **figures: list[Any],
                 ) -> Sequence[Assessment]:
    """The rows with some printed figures replaced (one value per row, in order)."""
    if isinstance(assessments, TableRows):
        return assessments.replaced(**figures)
    return tuple(attrs.evolve(a, published=attrs.evolve(
        a.published, **{name: values[i] for name, values in figures.items()}))
        for i, a in enumerate(assessments))
