"""Benchmark of start-up: ``parindex --help`` and ``import parindex`` in fresh processes.

    python benchmarks/bench_startup.py            # print timings and the targets
    python benchmarks/bench_startup.py --check    # also exit 1 if a target is missed

What is timed (the fastest of several runs, as in every benchmark here: see
``measure.cpu_time``; wall clock of a whole new interpreter, so the interpreter's own
start-up is in every figure):

* **help**: ``python -m parindex --help``: the click group lists the commands without
  importing their modules.
* **import**: ``python -c "import parindex"``: the public names are imported when first
  used (PEP 562), so this loads no numpy, matplotlib, openpyxl or analysis module.
* **baseline**: ``python -c "import attrs, cattrs, pluggy"``: the libraries the core stands
  on, the floor any start-up of parindex stands on.

Target (issue 12): help ≤ 2 × baseline. Runs alternate between the commands, so that a
busy machine slows them alike.

What the import leaves out is checked every run (and in ``tests/test_startup.py``).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time

HELP_RATIO_TARGET = 2.0
HEAVY = ("numpy", "matplotlib", "openpyxl", "pandas", "docx")

COMMANDS = {
    "help": [sys.executable, "-m", "parindex", "--help"],
    "import": [sys.executable, "-c", "import parindex"],
    "baseline": [sys.executable, "-c", "import attrs, cattrs, pluggy"],
}


def timed(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def leftovers() -> list[str]:
    """Heavy or analysis modules that ``import parindex`` loads (should be none)."""
    code = ("import sys, json, parindex; print(json.dumps(sorted(sys.modules)))")
    loaded = json.loads(subprocess.run([sys.executable, "-c", code], check=True,
                                       capture_output=True, text=True).stdout)
    return [m for m in loaded if m in HEAVY or m.startswith(("parindex._analysis",
                                                             "parindex._render"))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if a target is missed")
    parser.add_argument("--runs", type=int, default=15, help="runs of each; the fastest counts")
    args = parser.parse_args(argv)

    for command in COMMANDS.values():  # warm the file cache
        timed(command)
    times: dict[str, list[float]] = {name: [] for name in COMMANDS}
    for _ in range(args.runs):
        for name, command in COMMANDS.items():
            times[name].append(timed(command))
    fastest = {name: min(values) for name, values in times.items()}
    ratio = fastest["help"] / fastest["baseline"]
    heavy = leftovers()

    print(f"help      parindex --help:                  {fastest['help'] * 1e3:8.1f} ms")
    print(f"import    import parindex:                  {fastest['import'] * 1e3:8.1f} ms   "
          f"({fastest['import'] / fastest['baseline']:.2f} × baseline; not a target)")
    print(f"baseline  import attrs, cattrs, pluggy:     {fastest['baseline'] * 1e3:8.1f} ms")
    print(f"ratio     help / baseline:                  {ratio:8.2f} ×    "
          f"target ≤ {HELP_RATIO_TARGET:.0f} ×")
    print("lazy: " + ("yes (import parindex loads no numpy, matplotlib, openpyxl, pandas, "
                      "docx or analysis module)" if not heavy else "NO: " + ", ".join(heavy)))
    missed = []
    if ratio > HELP_RATIO_TARGET:
        missed.append("help / baseline")
    if heavy:
        missed.append("lazy import")
    print("targets: " + ("met" if not missed else "MISSED: " + ", ".join(missed)))
    return 1 if missed and args.check else 0


if __name__ == "__main__":
    sys.exit(main())
