"""What every benchmark measures with: the fastest run's CPU time and peak traced memory.

Not a benchmark itself (``dev.py bench`` runs only ``bench_*.py``); the benchmarks import
it as a sibling module, since each runs as a script from this folder.
"""

from __future__ import annotations

import argparse
import gc
import time
import tracemalloc
from collections.abc import Callable


def cpu_time(runs: int, function: Callable[[], object]) -> float:
    """The CPU time of the fastest of ``runs`` calls: this process's time, so that the
    load of a shared machine moves it less than wall time.

    The fastest run, not the median, as :mod:`timeit` advises: other jobs only ever slow
    a run down. On the reference machine (a virtual machine of 2 shared cores) the same
    two-million-step loop took 0.13 to 0.50 s of CPU time in fifteen runs, and reading
    the same CSV file 0.04 to 0.43 s, so a median of three measured the neighbours as
    much as the code.
    """
    return cpu_times(runs, function)[0]


def cpu_times(runs: int, *functions: Callable[[], object]) -> list[float]:
    """The CPU time of the fastest of ``runs`` calls of each function (see
    :func:`cpu_time`), the calls taken in turn (one of each, then again), so that a ratio
    of two is not skewed by the load changing between a block of runs of one and a block
    of the other."""
    times: list[list[float]] = [[] for _ in functions]
    for _ in range(runs):
        for function, taken in zip(functions, times):
            gc.collect()
            start = time.process_time()
            function()
            taken.append(time.process_time() - start)
    return [min(taken) for taken in times]


def peak_mb(function: Callable[[], object]) -> float:
    """The peak memory traced while ``function`` runs, in MB."""
    gc.collect()
    tracemalloc.start()
    try:
        function()
        return tracemalloc.get_traced_memory()[1] / 1e6
    finally:
        tracemalloc.stop()


def table_arguments(doc: str, check: str = "exit 1 if a target is missed"
                    ) -> argparse.ArgumentParser:
    """The options every benchmark of a generated table takes: ``--check``, ``--runs``
    and ``--units``; a script adds its own."""
    parser = argparse.ArgumentParser(description=doc.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help=check)
    parser.add_argument("--runs", type=int, default=5, help="runs per figure (the fastest counts)")
    parser.add_argument("--units", type=int, default=10_000)
    return parser
