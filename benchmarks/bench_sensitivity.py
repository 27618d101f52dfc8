"""Benchmark of the Monte Carlo sensitivity analysis: 10,000 draws × 1,000 units.

    python benchmarks/bench_sensitivity.py            # print timings and the target
    python benchmarks/bench_sensitivity.py --check    # also exit 1 if the target is missed

The units are those of ``bench_batch.py`` (its synthetic framework: 8 fields, a survey
block, bonus and penalty, bands and ranks on the index with a tie-break on the survey;
points quantised so that many units tie, 2 % of items not arising, so arising maxima
differ), 1,000 of them, scored with :func:`parindex.score_batch`.

Timed, once each (``time.perf_counter``): :func:`parindex.monte_carlo` with 10,000 draws
of field weights (uniform ± 20 % on a 0.0001 grid), and with 10,000 draws of the survey
share (30 ± 10 points on a 0.01 grid). Target on the reference 2-core machine: each under
5 s.

Exactness is checked on every run: with zero-width draws every unit's rank in every draw
must equal its base rank (a check that floats broke no tie, on data with many ties and
different arising maxima).
"""

from __future__ import annotations

import argparse
import importlib.util
import random
import sys
import time
from fractions import Fraction
from pathlib import Path

import numpy as np

import parindex

UNITS = 1_000
DRAWS = 10_000
TARGET_S = 5.0


def _bench_batch():  # type: ignore[no-untyped-def]
    path = Path(__file__).resolve().parent / "bench_batch.py"
    spec = importlib.util.spec_from_file_location("bench_batch", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if a target is missed")
    parser.add_argument("--draws", type=int, default=DRAWS, help="draws (default 10,000)")
    parser.add_argument("--units", type=int, default=UNITS, help="units (default 1,000)")
    args = parser.parse_args(argv)

    bench = _bench_batch()
    bench.UNITS = args.units
    bench.GROUP_SIZE = max(1, args.units // 10)
    rng = random.Random(bench.SEED)
    framework = bench.synthetic_framework(rng)
    batch = parindex.score_batch(framework, bench.synthetic_units(framework, rng))

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
    print(f"exact: {'yes' if exact else 'NO: zero-width draws changed a rank'}")
    if not exact:
        return 2
    return 1 if args.check and missed else 0


if __name__ == "__main__":
    sys.exit(main())
