"""How a long job tells its caller how far it has got: one spelling of the callback and
one loop that calls it, for every job that goes unit by unit (``score_many``, a
reproduction explained row by row) or step by step (a report, Monte Carlo draws)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Final, TypeAlias, TypeVar

#: Told the number of items (units, rows, draws, steps) done so far, as a job goes on.
Progress: TypeAlias = Callable[[int], None]

#: Items between two reports: often enough for a bar, rarely enough to cost nothing.
EVERY: Final = 100

T = TypeVar("T")


def reported(items: Iterable[T], progress: Progress | None) -> Iterator[T]:
    """The items, one by one, telling ``progress`` how many are done before every
    :data:`EVERY`-th item (0 before the first) and how many there were once all are.

    >>> told = []
    >>> list(reported(range(250), told.append))[-1], told
    (249, [0, 100, 200, 250])
    """
    if progress is None:
        yield from items
        return
    done = 0
    for done, item in enumerate(items, 1):
        if done % EVERY == 1:
            progress(done - 1)
        yield item
    progress(done)
