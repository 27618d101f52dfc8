"""Benchmark of the Monte Carlo sensitivity analysis: 10,000 draws × 1,000 units.

    python benchmarks/bench_sensitivity.py            # print timings and the target
    python benchmarks/bench_sensitivity.py --check    # also exit 1 if the target is missed

The units are those of ``bench_batch.py`` (its synthetic framework: 8 fields, a survey
block, bonus and penalty, bands and ranks on the index with a tie-break on the survey;
points quantised so that many units tie, 2 % of items not arising, so arising maxima
differ), 1,000 of them, scored with ``parindex.score_many(..., batch=True)``.

Timed, once each (``time.perf_counter``): :func:`parindex.monte_carlo` with 10,000 draws
of field weights (uniform ± 20 % on a 0.0001 grid), and with 10,000 draws of the survey
share (30 ± 10 points on a 0.01 grid). Target on the reference 2-core machine: each under
5 s.

Side by side with a **numpy baseline** doing the same work the plain way (the same
factor draws, one float64 matrix product per chunk, ``argsort`` ranks with no exact tie
handling, every rank kept and sorted for the quantiles): target ≤ 1.2 × its time (CPU
time, the fastest of ``--runs`` runs: the 2 cores are shared and wall time is noisy).
Both make their products with BLAS, which here runs on one thread: CPU time counts every
thread, and OpenBLAS's threads spin between calls, so on 2 cores each product would count
about twice over, in both and in whichever runs next (these products are too small for
threads to pay).

Memory (issue 12: linear in units): the peak traced by :mod:`tracemalloc` (numpy's
buffers included) of a run of 10,000 units × 10,000 draws, target ≤ 300 MB, and the
peak of 100,000 units × 100 draws, to show it stays linear (``--memory``; the
10,000 × 10,000 run takes minutes on the shared machine).

The what-if (``sensitivity --survey-share`` / ``--max``, issue 12): the command on a
generated 10,000-row CSV of the Huế framework (``--what-if-units``; :mod:`bench_tables`
writes it: every leaf column, invented units, 2 % of the items marked ``x``), whose
units the exact kernel rescores at once. Side by side, in the same process, with the
plain baseline of the table benchmarks: reading the file with :mod:`csv` and converting
every number cell to :class:`~decimal.Decimal`. Target: ≤ 2 s CPU (the fastest of
``--runs``). ``--explained`` also times what the command did before, once: every unit
explained by ``score_many`` and the ranking rescaled with fractions (about 19 s).

Exactness is checked on every run: with zero-width draws every unit's rank in every draw
must equal its base rank (a check that floats broke no tie, on data with many ties and
different arising maxima).
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import random
import sys
import tempfile
import time
from collections.abc import Callable
from fractions import Fraction
from pathlib import Path

for _threads in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_threads, "1")  # read when numpy loads its BLAS: see above

import numpy as np

import parindex
from bench_compare import cli
from bench_tables import FRAMEWORK, SEED, csv_baseline, generate, write_csv
from measure import cpu_time, cpu_times, peak_mb

UNITS = 1_000
DRAWS = 10_000
TARGET_S = 5.0
BASELINE_RATIO_TARGET = 1.2
MEMORY_TARGET_MB = 300.0
WHAT_IF_UNITS = 10_000
WHAT_IF_TARGET_S = 2.0


def numpy_baseline(batch: parindex.BatchResult, draws: int, width: float,
                   seed: int = 1, chunk: int = 500) -> np.ndarray:
    """Plain numpy Monte Carlo on field weights: floats, argsort ranks, kept ranks."""
    framework = batch.framework
    tops = framework.criteria
    points = np.stack([batch.node_points(t.code) * (-1 if t.kind.value == "penalty" else 1)
                       for t in tops], axis=1).astype(np.float64)
    arising = batch.arising_scaled.astype(np.float64)
    fields = np.asarray([t.kind.value == "criterion" for t in tops])
    rng = np.random.default_rng(seed)
    n = len(batch)
    ranks = np.empty((n, draws), dtype=np.uint16 if n < 2**16 - 1 else np.uint32)
    done = 0
    while done < draws:
        size = min(chunk, draws - done)
        factors = np.ones((size, len(tops)))
        factors[:, fields] += rng.uniform(-width, width, size=(size, int(fields.sum())))
        index = (factors @ points.T) / arising  # arising taken as fixed: the plain way
        order = np.argsort(-index, axis=1)
        step = np.empty_like(order)
        np.put_along_axis(step, order, np.arange(1, n + 1), axis=1)
        ranks[:, done:done + size] = step.T
        done += size
    ranks.sort(axis=1)
    return ranks


def batch_of(bench, units: int) -> parindex.BatchResult:  # type: ignore[no-untyped-def]
    bench.UNITS = units
    bench.GROUP_SIZE = max(1, units // 10)
    rng = random.Random(bench.SEED)
    framework = bench.synthetic_framework(rng)
    return parindex.score_many(framework, bench.synthetic_units(framework, rng), batch=True)


def _bench_batch():  # type: ignore[no-untyped-def]
    path = Path(__file__).resolve().parent / "bench_batch.py"
    spec = importlib.util.spec_from_file_location("bench_batch", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def what_if(units: int, runs: int, explained: bool) -> bool:
    """Time the what-if command on a generated table; whether it met its target."""
    with tempfile.TemporaryDirectory() as tmp:
        table = Path(tmp) / "results.csv"
        write_csv(table, *generate(units, SEED, marks=True))
        print(f"what-if of a {units:,}-row table of {FRAMEWORK} (invented units), "
              f"CPU time, the fastest of {runs}:")
        base = cpu_time(runs, lambda: csv_baseline(table))
        command = ["sensitivity", str(table), "--framework", FRAMEWORK, "--survey-share", "40"]
        took = cpu_time(runs, lambda: cli(*command))
        as_json = cpu_time(runs, lambda: cli(*command, "--json"))
        met = max(took, as_json) <= WHAT_IF_TARGET_S
        print(f"  csv.reader + Decimal (baseline) {base:6.2f} s")
        for label, value in (("printed", took), ("--json", as_json)):
            print(f"  sensitivity --survey-share 40, {label:<8} {value:6.2f} s, "
                  f"{value / base:5.2f} × the baseline   target ≤ {WHAT_IF_TARGET_S:g} s: "
                  f"{'met' if value <= WHAT_IF_TARGET_S else 'MISSED'}")
        if explained:
            framework = parindex.get_framework(FRAMEWORK)
            before = cpu_time(1, lambda: parindex.what_if(parindex.score_many(
                framework, parindex.read_table(table, framework).assessments),
                survey_share=40))
            print(f"  read, explain every unit, what_if (1 run) {before:6.2f} s")
    return met


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if a target is missed")
    parser.add_argument("--draws", type=int, default=DRAWS, help="draws (default 10,000)")
    parser.add_argument("--units", type=int, default=UNITS, help="units (default 1,000)")
    parser.add_argument("--runs", type=int, default=5, help="runs for the ratio (the fastest counts)")
    parser.add_argument("--memory", action="store_true",
                        help="also measure peak memory at 10,000 and 100,000 units (slow)")
    parser.add_argument("--what-if-units", type=int, default=WHAT_IF_UNITS,
                        help="rows of the what-if's table (default 10,000; 0: skip it)")
    parser.add_argument("--explained", action="store_true",
                        help="also time the what-if with every unit explained (slow)")
    args = parser.parse_args(argv)

    bench = _bench_batch()
    batch = batch_of(bench, args.units)
    framework = batch.framework

    zero = parindex.monte_carlo(batch, parindex.Perturbation("weights", 0), draws=200)
    exact = bool((zero.rank_counts[np.arange(len(batch)), zero.base_rank] == 200).all())

    runs = [("weights ± 20 %", parindex.Perturbation("weights", Fraction(1, 5))),
            ("survey share 30 ± 10", parindex.Perturbation("survey_share", 10,
                                                          Fraction(1, 100)))]
    print(f"{len(batch):,} units × {args.draws:,} draws, framework {framework.id} "
          f"(ranks on the index, tie-break on the survey)")
    missed = False
    for label, perturbation in runs:
        start = time.perf_counter()
        result = parindex.monte_carlo(batch, perturbation, draws=args.draws, seed=1)
        elapsed = time.perf_counter() - start
        met = elapsed < TARGET_S
        missed |= not met
        spread = float(np.mean(result.rank_high - result.rank_low))
        print(f"  {label:<22} {elapsed:6.2f} s   target < {TARGET_S:.0f} s: "
              f"{'met' if met else 'MISSED'}   (mean 5–95 % rank interval {spread:.1f})")
    weights = parindex.Perturbation("weights", Fraction(1, 5))
    ours, plain = cpu_times(args.runs,
                            lambda: parindex.monte_carlo(batch, weights, draws=args.draws, seed=1),
                            lambda: numpy_baseline(batch, args.draws, 0.2))
    ratio = ours / plain
    met = ratio <= BASELINE_RATIO_TARGET
    missed |= not met
    print(f"  weights, CPU time, the fastest of {args.runs}: monte_carlo {ours:.2f} s, numpy baseline "
          f"{plain:.2f} s, ratio {ratio:.2f} ×   target ≤ {BASELINE_RATIO_TARGET} ×: "
          f"{'met' if met else 'MISSED'}")
    if args.memory:
        for units, draws, target in ((10_000, args.draws, MEMORY_TARGET_MB),
                                     (100_000, 100, None)):
            big = batch_of(bench, units)
            peak = peak_mb(lambda big=big, draws=draws: parindex.monte_carlo(
                big, weights, draws=draws, seed=1))
            kept = units * draws * (2 if units < 2**16 - 1 else 4) / 1e6
            ok = target is None or peak <= target
            missed |= not ok
            goal = f"target ≤ {target:.0f} MB: {'met' if ok else 'MISSED'}" if target \
                else "(linear: ranks kept + bounded steps)"
            print(f"  peak memory, {units:,} units × {draws:,} draws: {peak:8.1f} MB "
                  f"(ranks kept {kept:.0f} MB)   {goal}")
            del big
    if args.what_if_units:
        missed |= not what_if(args.what_if_units, args.runs, args.explained)
    print(f"exact: {'yes' if exact else 'NO: zero-width draws changed a rank'}")
    if not exact:
        return 2
    return 1 if args.check and missed else 0


if __name__ == "__main__":
    sys.exit(main())
