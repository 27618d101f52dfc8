#!/usr/bin/env python3
"""Set up the development environment and run the project's two everyday jobs.

    python3 dev.py example   # score the bundled Thủy Thanh 2022 example
    python3 dev.py test      # run the whole test suite
    python3 dev.py docs      # build the documentation (docs/_build/html)
    python3 dev.py bench     # run every benchmark in benchmarks/ (or one: bench batch)

Needs only Python >= 3.11 and the standard library: it creates ``.venv`` with
``venv``, installs every workspace member (the core and each plugin under
``plugins/``, editable) with pip, and reinstalls only when a ``pyproject.toml``
changed. ``example`` installs only the core and the province plugins; the other jobs add
the test and docs tools the first time they need them. Arguments after the job name are passed on (to pytest, to
``parindex score``, ...).
"""

from __future__ import annotations

import glob
import hashlib
import os
import subprocess
import sys
import tomllib
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
STAMP = VENV / ".parindex-installed"
TOOLS_STAMP = VENV / ".parindex-tools-installed"
EXAMPLE = (
    ROOT
    / "plugins/thua_thien_hue/src/parindex_thua_thien_hue/examples/thuy-thanh-2022.toml"
)


def _workspace() -> tuple[list[Path], dict[str, list[str]]]:
    """The workspace members and the dependency groups, read from pyproject.toml."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    members = [ROOT]
    for pattern in config["tool"]["uv"]["workspace"]["members"]:
        members += sorted(Path(p) for p in glob.glob(str(ROOT / pattern)))
    return members, config.get("dependency-groups", {})


def _digest(*parts: bytes) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part)
    return digest.hexdigest()


def _pip(*args: str) -> None:
    subprocess.run([str(PYTHON), "-m", "pip", "install", "--quiet",
                    "--disable-pip-version-check", *args], check=True)


def _ensure_env(*, tools: bool) -> None:
    """Create .venv and install what the job needs, once (again when a pyproject changes).

    ``example`` needs only the core and the province plugins (seconds with a warm package
    cache); ``test``, ``docs`` and ``bench`` add the test and docs tools (the dev and docs
    dependency groups: pytest, mypy, sphinx, the optional extras, ...).
    """
    if sys.version_info < (3, 11):
        sys.exit(f"parindex needs Python >= 3.11; this is {sys.version.split()[0]}")
    members, groups = _workspace()
    core = _digest(*((m / "pyproject.toml").read_bytes() for m in members))
    if not PYTHON.exists():
        print(f"dev.py: creating {VENV.relative_to(ROOT)} (once)", file=sys.stderr)
        venv.EnvBuilder(with_pip=True).create(VENV)
    if not (STAMP.exists() and STAMP.read_text() == core):
        names = ", ".join(m.name for m in members[1:])
        print(f"dev.py: installing parindex and its province plugins ({names}) into "
              f"{VENV.relative_to(ROOT)} (once)", file=sys.stderr)
        _pip(*(arg for member in members for arg in ("-e", str(member))))
        STAMP.write_text(core)
    if tools:
        requirements = [r for name in ("dev", "docs") for r in groups.get(name, [])]
        wanted = _digest(core.encode(), "\n".join(requirements).encode())
        if not (TOOLS_STAMP.exists() and TOOLS_STAMP.read_text() == wanted):
            print("dev.py: installing the test and docs tools (pytest, mypy, sphinx, the "
                  "optional extras; once)", file=sys.stderr)
            _pip(*requirements)
            TOOLS_STAMP.write_text(wanted)


def _run(*command: str | Path) -> int:
    return subprocess.run([str(part) for part in command], cwd=ROOT).returncode


def main(argv: list[str]) -> int:
    job, rest = (argv[0], argv[1:]) if argv else ("help", [])
    if job not in {"example", "test", "docs", "bench"}:
        print(__doc__)
        return 0 if job in {"help", "-h", "--help"} else 2
    _ensure_env(tools=job != "example")
    if job == "example":
        command = [BIN / "parindex", "score", *(rest or [EXAMPLE])]
        print("$", " ".join(str(p.relative_to(ROOT) if isinstance(p, Path) else p)
                            for p in command), file=sys.stderr)
        return _run(*command)
    if job == "test":
        return _run(PYTHON, "-m", "pytest", *rest)
    if job == "docs":
        return _run(PYTHON, "-m", "sphinx", "-W", "--keep-going", "-b", "html",
                    "docs", "docs/_build/html", *rest)
    # `bench` runs them all; `bench sensitivity --draws 100` one, with its own options.
    scripts = sorted((ROOT / "benchmarks").glob("bench_*.py"))
    if rest and not rest[0].startswith("-"):
        scripts = [s for s in scripts if s.stem == f"bench_{rest[0]}"] or sys.exit(
            f"dev.py: no benchmarks/bench_{rest[0]}.py")
        rest = rest[1:]
    status = 0
    for script in scripts:
        status = _run(PYTHON, script.relative_to(ROOT), *rest) or status
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
