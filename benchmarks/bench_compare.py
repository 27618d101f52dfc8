"""Benchmark of ``compare``, ``gaps``/``plan`` for one unit, and JSON output, on large
generated tables of the Huế framework.

    python benchmarks/bench_compare.py             # print every figure beside its target
    python benchmarks/bench_compare.py --check     # also exit 1 if a target is missed

The tables are generated at benchmark time by :mod:`bench_tables` (``thua-thien-hue/
commune/2022``, every leaf column, invented units, 2 % of the items marked ``x``, the
printed figures as the library computes them) and never committed: two years of 10,000
units (different seeds: every unit moves).

Every figure is this process's CPU time in the **fastest** of ``--runs`` runs (see
:func:`measure.cpu_time`): the reference machine has 2 cores shared by other jobs, so
wall time and single runs are noisy. Baselines run side by side, in the same process, on the same files:

* **csv.reader + Decimal**: reading a table with :mod:`csv` and converting every number
  cell to :class:`~decimal.Decimal` (the least any exact reader does); ``compare`` reads
  two tables, so its baseline reads both;
* **compact json.dumps**: the C encoder with no indentation, for the JSON output.

Targets (issue 12): ``compare`` of two 10,000-row tables ≤ 2 s; ``gaps`` and ``plan`` for
one unit of a 10,000-row table ≤ 1 s each (the commands, run in-process, output
discarded). JSON: what ``--json`` prints (:func:`parindex._formats.output.json_text`)
≤ 1.5 × compact ``json.dumps``, against ``json.dumps(indent=2)`` (the pure-Python
encoder, what ``--json`` used before) printed beside it.
"""

from __future__ import annotations

import io
import json
import sys
import tempfile
from contextlib import redirect_stdout
from pathlib import Path

import parindex
from bench_tables import FRAMEWORK, SEED, Report, csv_baseline, generate, write_csv
from measure import cpu_time, cpu_times, table_arguments
from parindex._audit.compare import Comparison, compare, comparison_to_dict
from parindex._formats.output import json_text


def cli(*args: str) -> None:
    """A command run in-process, its output discarded; a failure raises."""
    from parindex._cli.app import cli as group

    with redirect_stdout(io.StringIO()):
        try:
            group.main(list(args), standalone_mode=False)
        except SystemExit as exc:  # exit status 1: discrepancies, printed, not failures
            if exc.code not in (0, 1, None):
                raise


def printed(comparison: Comparison, decimals: int) -> None:
    """The comparison printed as the command prints it, the text discarded."""
    from parindex._cli.tables import _print_comparison

    with redirect_stdout(io.StringIO()):
        _print_comparison(comparison, decimals)


def main(argv: list[str] | None = None) -> int:
    parser = table_arguments(__doc__)
    args = parser.parse_args(argv)
    report = Report()
    n = args.units
    with tempfile.TemporaryDirectory() as tmp:
        here = Path(tmp)
        print(f"generating two {n:,}-row tables of {FRAMEWORK} (invented units)")
        old, new = here / "old.csv", here / "new.csv"
        write_csv(old, *generate(n, SEED, marks=True))
        write_csv(new, *generate(n, SEED + 1, marks=True))
        print(f"CPU time, the fastest of {args.runs} runs each (2 cores shared by six "
              "developers: wall time is noisy)")

        # The baseline and the command taken in turn: a change of load moves both.
        base, took = cpu_times(args.runs, lambda: csv_baseline(old),
                               lambda: cli("compare", str(old), str(new),
                                           "--framework", FRAMEWORK))
        report.line("csv.reader + Decimal, one table (baseline)", base, "s", None)
        report.line("compare (two tables, command)", took, "s", 2.0)
        report.line("  ratio to reading both (baseline)", took / (2 * base), "×", None)
        took = cpu_time(args.runs, lambda: cli("compare", str(old), str(new),
                                                 "--framework", FRAMEWORK, "--json"))
        report.line("compare --json (command)", took, "s", 2.0)
        # Where the command's time goes: reading and reproducing both tables, comparing,
        # printing.
        framework = parindex.get_framework(FRAMEWORK)
        took = cpu_time(args.runs, lambda: [parindex.reproduce(parindex.read_table(
            path, framework)) for path in (old, new)])
        report.line("  of it: read_table + reproduce, both tables", took, "s", None)
        before = parindex.reproduce(parindex.read_table(old, framework))
        after = parindex.reproduce(parindex.read_table(new, framework))
        took = cpu_time(args.runs, lambda: compare(before, after))
        report.line("  of it: compare() of the two reproductions", took, "s", None)
        comparison = compare(before, after)
        took = cpu_time(args.runs, lambda: printed(comparison, framework.decimals))
        report.line("  of it: printing the comparison", took, "s", None)
        took = cpu_time(args.runs, lambda: comparison_to_dict(comparison,
                                                                framework.decimals))
        report.line("  of it: the comparison as data (--json)", took, "s", None)
        unit = "Xã Minh Họa 00042"
        for command in ("gaps", "plan"):
            took = cpu_time(args.runs, lambda command=command: cli(
                command, str(old), "--unit", unit, "--framework", FRAMEWORK))
            report.line(f"{command} for one unit (command)", took, "s", 1.0)
            report.line("  ratio to reading the table (baseline)", took / base, "×", None)

        data = comparison_to_dict(comparison, framework.decimals)
        # The same document as plain data for json.dumps (--json's data writes each
        # shared field change once, as JSON text that json_text splices in).
        document = json.loads(json_text(data))
        # Taken in turn, so that a change of load moves the three alike.
        compact, ours, indented = cpu_times(
            args.runs, lambda: json.dumps(document, ensure_ascii=False),
            lambda: json_text(data),
            lambda: json.dumps(document, ensure_ascii=False, indent=2))
        report.line("JSON of compare: compact json.dumps (baseline)", compact, "s", None)
        report.line("  --json (json_text), ratio to it", ours / compact, "×", 1.5)
        report.line("  json.dumps(indent=2), ratio to it", indented / compact, "×", None)
    print("targets: " + ("met" if not report.missed else "MISSED: "
                         + ", ".join(report.missed)))
    return 1 if args.check and report.missed else 0


if __name__ == "__main__":
    sys.exit(main())
