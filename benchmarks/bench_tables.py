"""Benchmark of the table commands on large published tables of the Huế framework.

    python benchmarks/bench_tables.py               # print every ratio beside its target
    python benchmarks/bench_tables.py --no-large    # skip the 100,000-row table
    python benchmarks/bench_tables.py --check       # also exit 1 if a target is missed

The tables are generated here, at benchmark time, and never committed: ``thua-thien-hue/
commune/2022`` with every leaf column (49), points on each item's own grid (0 to its
maximum in steps of 0.25, a quarter of them full marks), 2 % of the appraised items
marked ``x`` (did not arise) in the "x" variant, a district column, and the printed
appraised, survey and total points, overall rank and band, each as the library computes
them (a consistent table; variants print every hundredth total, or rank, wrong). Unit
names are invented ("Xã Minh Họa 00001").

Every figure is this process's CPU time in the **fastest** of several runs (``--runs``)
(:func:`time.process_time`): the reference machine has 2 cores shared with other jobs, so
wall time measures them as much as this code, and single timings are noisy. Baselines run side by
side, in the same process, on the same files:

* **csv.reader + Decimal**: read the CSV with :mod:`csv` and convert every number cell
  to :class:`~decimal.Decimal`: the least any exact reader does;
* **openpyxl read-only**: iterate every cell of the .xlsx in read-only mode.

Targets (issue 12): ``reproduce`` of the 10,000-row CSV ≤ 1 s and ≤ 10 × the CSV baseline;
of 100,000 rows ≤ 10 s and ≤ 500 MB peak (peak traced by :mod:`tracemalloc` in a
separate run, as tracing slows the run it measures); of the 10,000-row .xlsx ≤ 1.3 ×
the openpyxl baseline. ``reproduce --json`` (reproducing, then writing the JSON text) is
measured beside them, without a target. ``compare``, ``gaps``/``plan`` for one unit and
the JSON encoder are measured by ``bench_compare.py``.
"""

from __future__ import annotations

import csv
import random
import sys
import tempfile
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import parindex
from measure import cpu_time, peak_mb, table_arguments
from parindex import NOT_ARISING, Assessment, NodeKind, NotArisingPolicy
from parindex._base.numbers import plain

FRAMEWORK = "thua-thien-hue/commune/2022"
SEED = 20221231
DISTRICTS = 9


def _text(value: Decimal) -> str:
    return plain(value).replace(".", ",")


def generate(n: int, seed: int, marks: bool) -> tuple[list[str], list[list[str]]]:
    """A consistent results table: header and rows (decimal commas)."""
    framework = parindex.get_framework(FRAMEWORK)
    rng = random.Random(seed)
    leaves = [node for node in framework.walk() if node.is_leaf]
    units = []
    for u in range(n):
        points: dict[str, Any] = {}
        for leaf in leaves:
            assert leaf.max is not None
            draw = rng.random()
            if marks and draw < 0.02 and leaf.kind is NodeKind.CRITERION and \
                    framework.not_arising_policy(leaf.code) is not NotArisingPolicy.UNKNOWN:
                points[leaf.code] = NOT_ARISING
            elif draw < 0.25:
                points[leaf.code] = leaf.max
            else:
                steps = int(leaf.max * 4)
                points[leaf.code] = Decimal(rng.randrange(steps + 1)) / 4
        units.append(Assessment(framework.id, f"Xã Minh Họa {u + 1:05d}", 2022, points,
                                group=f"Huyện Giả định {u % DISTRICTS + 1}"))
    batch = parindex.score_many(framework, units, batch=True)
    codes = [leaf.code for leaf in leaves]
    header = ["STT", "Tên đơn vị", "Huyện", *codes, "Điểm thẩm định", "Điểm điều tra XHH",
              "Tổng điểm", "Xếp hạng", "Xếp loại"]
    rows = []
    for i, unit in enumerate(units):
        cells = ["x" if unit.points[c] is NOT_ARISING else _text(unit.points[c])
                 for c in codes]
        band = batch.band(i)
        rows.append([str(i + 1), unit.unit, str(unit.group), *cells,
                     _text(batch.appraised(i)), _text(batch.survey(i)), _text(batch.total(i)),
                     str(int(batch.rank[i])), band.name if band else ""])
    return header, rows


def write_csv(path: Path, header: list[str], rows: list[list[str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream, delimiter=";")
        writer.writerow(["BẢNG GIẢ ĐỊNH (sinh ngẫu nhiên cho benchmark; không phải số liệu thật)"])
        writer.writerow(header)
        writer.writerows(rows)


def write_xlsx(path: Path, header: list[str], rows: list[list[str]]) -> None:
    import openpyxl

    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("Kết quả")
    sheet.append(header)
    for row in rows:  # numbers as Excel numbers, as a real sheet has them
        sheet.append([float(c.replace(",", ".")) if c[:1].isdigit() and j > 2 and
                      j < len(row) - 2 else c for j, c in enumerate(row)])
    book.save(path)


def with_wrong_totals(header: list[str], rows: list[list[str]]) -> list[list[str]]:
    """The rows with every hundredth printed total one point too high (discrepancies)."""
    column = header.index("Tổng điểm")
    wrong = [list(row) for row in rows]
    for row in wrong[::100]:
        row[column] = _text(Decimal(row[column].replace(",", ".")) + 1)
    return wrong


def with_wrong_ranks(header: list[str], rows: list[list[str]]) -> list[list[str]]:
    """The rows with every hundredth printed rank one place too low (discrepancies)."""
    column = header.index("Xếp hạng")
    wrong = [list(row) for row in rows]
    for row in wrong[::100]:
        row[column] = str(int(row[column]) + 1)
    return wrong


def csv_baseline(path: Path) -> int:
    """Read the CSV and convert every number cell to Decimal."""
    count = 0
    with path.open(encoding="utf-8", newline="") as stream:
        reader = csv.reader(stream, delimiter=";")
        next(reader)
        next(reader)
        for row in reader:
            for cell in row[3:-1]:
                if cell != "x":
                    Decimal(cell.replace(",", "."))
                    count += 1
    return count


def xlsx_baseline(path: Path) -> int:
    import openpyxl

    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    count = 0
    for sheet in book.worksheets:
        for row in sheet.iter_rows(values_only=True):
            count += len(row)
    book.close()
    return count


def reproduce_file(path: Path) -> parindex.Reproduction:
    framework = parindex.get_framework(FRAMEWORK)
    return parindex.reproduce(parindex.read_table(path, framework))


def reproduce_json(path: Path) -> str:
    """What ``parindex reproduce --json`` prints of the table."""
    from parindex._audit.reproduce import reproduction_to_dict
    from parindex._formats.output import json_text

    return json_text(reproduction_to_dict(reproduce_file(path)))


class Report:
    def __init__(self) -> None:
        self.missed: list[str] = []

    def line(self, label: str, value: float, unit: str, target: float | None,
             note: str = "") -> None:
        met = target is None or value <= target
        if not met:
            self.missed.append(label)
        goal = f"target ≤ {target:g} {unit}: {'met' if met else 'MISSED'}" \
            if target is not None else "(not a target)"
        print(f"  {label:<46} {value:9.3f} {unit:<3} {goal}{'   ' + note if note else ''}")


def main(argv: list[str] | None = None) -> int:
    parser = table_arguments(__doc__)
    parser.add_argument("--no-large", dest="large", action="store_false",
                        help="skip the 100,000-row table (its generation takes a minute)")
    args = parser.parse_args(argv)
    report = Report()
    n = args.units
    with tempfile.TemporaryDirectory() as tmp:
        here = Path(tmp)
        print(f"generating {n:,}-row tables of {FRAMEWORK} (49 leaf columns; invented units)")
        header, rows = generate(n, SEED, marks=False)
        plain_csv = here / "results.csv"
        write_csv(plain_csv, header, rows)
        header, rows = generate(n, SEED, marks=True)
        marked_csv = here / "results-x.csv"
        write_csv(marked_csv, header, rows)
        xlsx = here / "results.xlsx"
        write_xlsx(xlsx, header, rows)
        wrong_csv = here / "results-wrong.csv"
        write_csv(wrong_csv, header, with_wrong_totals(header, rows))
        wrong_ranks_csv = here / "results-wrong-ranks.csv"
        write_csv(wrong_ranks_csv, header, with_wrong_ranks(header, rows))
        print(f"CPU time, the fastest of {args.runs} runs each (2 shared cores: wall time is "
              "noisy)")

        base = cpu_time(args.runs, lambda: csv_baseline(plain_csv))
        report.line("csv.reader + Decimal (baseline)", base, "s", None)
        for label, path in (("reproduce CSV", plain_csv), ("reproduce CSV with x marks",
                                                           marked_csv)):
            took = cpu_time(args.runs, lambda path=path: reproduce_file(path))
            report.line(label, took, "s", 1.0)
            report.line(f"  ratio to the CSV baseline", took / base, "×", 10.0)
        took = cpu_time(args.runs, lambda: reproduce_file(wrong_csv))
        report.line("reproduce CSV, 1 % of totals printed wrong", took, "s", None,
                    "(those rows explained)")
        took = cpu_time(args.runs, lambda: reproduce_file(wrong_ranks_csv))
        report.line("reproduce CSV, 1 % of ranks printed wrong", took, "s", None,
                    "(those rows explained)")
        took = cpu_time(args.runs, lambda: reproduce_json(marked_csv))
        report.line("reproduce CSV with x marks, --json", took, "s", None,
                    "(reproduce, then the JSON text)")
        base_x = cpu_time(args.runs, lambda: xlsx_baseline(xlsx))
        report.line("openpyxl read-only (baseline)", base_x, "s", None)
        took = cpu_time(args.runs, lambda: reproduce_file(xlsx))
        report.line("reproduce .xlsx", took, "s", None)
        report.line("  ratio to the openpyxl baseline", took / base_x, "×", 1.3)

        if args.large:
            big = 10 * n
            print(f"generating a {big:,}-row table")
            header, rows = generate(big, SEED, marks=True)
            large_csv = here / "results-large.csv"
            write_csv(large_csv, header, rows)
            del header, rows
            base_large = cpu_time(args.runs, lambda: csv_baseline(large_csv))
            report.line(f"csv.reader + Decimal, {big:,} rows (baseline)", base_large, "s",
                        None)
            took = cpu_time(args.runs, lambda: reproduce_file(large_csv))
            report.line(f"reproduce CSV with x marks, {big:,} rows", took, "s", 10.0)
            report.line("  ratio to the CSV baseline", took / base_large, "×", None)
            report.line("  peak memory (tracemalloc)", peak_mb(lambda: reproduce_file(
                large_csv)), "MB", 500.0)
    print("targets: " + ("met" if not report.missed else "MISSED: "
                         + ", ".join(report.missed)))
    return 1 if args.check and report.missed else 0


if __name__ == "__main__":
    sys.exit(main())
