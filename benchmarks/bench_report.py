"""Benchmark of ``report`` on a large generated table of the Huế framework.

    python benchmarks/bench_report.py               # print every figure
    python benchmarks/bench_report.py --units 2000  # a smaller table

The table is generated at benchmark time by :mod:`bench_tables` (``thua-thien-hue/
commune/2022``, every leaf column, invented units, 2 % of the items marked ``x``, the
printed figures as the library computes them) and never committed.

Every figure is this process's CPU time in the **fastest** of ``--runs`` runs (2 shared
cores: wall time is noisy). Side by side, in the same process, on the same file:

* **csv.reader + Decimal**: reading the table with :mod:`csv` and converting every number
  cell to :class:`~decimal.Decimal` (the least any exact reader does);
* the ``report`` command, for the table and for one unit of it: the table goes through
  the exact kernel (``score_many(..., batch=True)``) and only the unit in focus is
  explained;
* the same report of one unit from the table read and every unit explained one by one
  (``score_many`` without ``batch``, then :func:`parindex.report_html`), what the
  command did before: one run, as it takes several times as long.

Issue 12 sets no target for ``report``; the figures show where its time goes.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import parindex
from bench_compare import cli
from bench_tables import FRAMEWORK, SEED, Report, csv_baseline, generate, write_csv
from measure import cpu_time, table_arguments


def main(argv: list[str] | None = None) -> int:
    parser = table_arguments(
        __doc__, check="accepted as by every benchmark; report has no target to miss")
    args = parser.parse_args(argv)
    report = Report()
    n = args.units
    with tempfile.TemporaryDirectory() as tmp:
        here = Path(tmp)
        print(f"generating a {n:,}-row table of {FRAMEWORK} (invented units)")
        table = here / "results.csv"
        write_csv(table, *generate(n, SEED, marks=True))
        out = here / "report.html"
        print(f"CPU time, the fastest of {args.runs} runs each (2 shared cores: wall time is "
              "noisy)")
        base = cpu_time(args.runs, lambda: csv_baseline(table))
        report.line("csv.reader + Decimal (baseline)", base, "s", None)
        command = ["report", str(table), "--framework", FRAMEWORK, "-o", str(out)]
        took = cpu_time(args.runs, lambda: cli(*command))
        report.line("report of the table (command)", took, "s", None)
        report.line("  ratio to reading the table (baseline)", took / base, "×", None)
        unit = "Xã Minh Họa 00042"
        took = cpu_time(args.runs, lambda: cli(*command, "--unit", unit))
        report.line("report of one unit (command)", took, "s", None)

        framework = parindex.get_framework(FRAMEWORK)
        explained = cpu_time(1, lambda: parindex.report_html(parindex.score_many(
            framework, parindex.read_table(table, framework).assessments), unit=unit))
        report.line("read, explain every unit, report_html (1 run)", explained, "s", None)
        report.line("  ratio of the command to it", took / explained, "×", None)
    return 0


if __name__ == "__main__":
    sys.exit(main())
