#!/usr/bin/env python3
"""Set up the development environment and run the project's two everyday jobs.

    python3 dev.py example   # score the bundled Thủy Thanh 2022 example (--lang vi, ...)
    python3 dev.py test      # run the whole test suite
    python3 dev.py docs      # build the documentation (docs/_build/html)
    python3 dev.py bench     # run every benchmark in benchmarks/ (or one: bench batch)

Needs only Python >= 3.11 and the standard library: it creates ``.venv`` with
``venv``, installs every workspace member (the core and each plugin under
``plugins/``, editable) with pip, and reinstalls only when a ``pyproject.toml``
changed. ``example`` installs only the core and the province plugins; the other jobs add
the test and docs tools the first time they need them. Arguments after the job name are
passed on (to pytest, to ``parindex score``, ...).
"""

from __future__ import annotations

import glob
import hashlib
import os
import re
import subprocess
import sys
import time
import venv

if sys.version_info < (3, 11):  # before tomllib, which is new in 3.11
    sys.exit(f"parindex needs Python >= 3.11; this is {sys.version.split()[0]}")

import tomllib  # noqa: E402
from pathlib import Path
from typing import Any

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


def _pyproject(member: Path) -> dict[str, Any]:
    return tomllib.loads((member / "pyproject.toml").read_text(encoding="utf-8"))


def _workspace() -> tuple[list[Path], dict[str, list[str]]]:
    """The workspace members and the dependency groups, read from pyproject.toml."""
    config = _pyproject(ROOT)
    members = [ROOT]
    for pattern in config["tool"]["uv"]["workspace"]["members"]:
        members += sorted(Path(p) for p in glob.glob(str(ROOT / pattern)))
    return members, config.get("dependency-groups", {})


def _dependencies(members: list[Path]) -> list[str]:
    """The names of the distributions the members depend on, other than each other."""
    projects = [_pyproject(m).get("project", {}) for m in members]
    names = {re.split(r"[^A-Za-z0-9._-]", requirement, maxsplit=1)[0]
             for project in projects for requirement in project.get("dependencies", [])}
    ours = {project.get("name") for project in projects}
    return sorted(names - ours, key=str.lower)


def _digest(*parts: bytes) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part)
    return digest.hexdigest()


def _say(text: str) -> None:
    print(f"dev.py: {text}", file=sys.stderr, flush=True)


def _outer_pip() -> bool:
    """Whether the Python running dev.py has a pip that can install into another
    environment (``--python``, pip >= 22.3)."""
    import importlib.metadata

    try:
        major, minor = (int(part) for part in importlib.metadata.version("pip").split(".")[:2])
    except (importlib.metadata.PackageNotFoundError, ValueError):
        return False
    return (major, minor) >= (22, 3)


def _venv_has_pip() -> bool:
    return any(VENV.glob("lib/python*/site-packages/pip")) or (
        VENV / "Lib" / "site-packages" / "pip").is_dir()


def _pip(*args: str) -> None:
    """pip install into .venv: with .venv's own pip, else with the pip of the Python
    running dev.py (see :func:`_ensure_env`). Nothing is byte-compiled ahead: Python
    compiles what it imports, and most installed files never are."""
    pip = ([str(PYTHON), "-m", "pip"] if _venv_has_pip() or not _outer_pip()
           else [sys.executable, "-m", "pip", "--python", str(PYTHON)])
    subprocess.run([*pip, "install", "--quiet", "--disable-pip-version-check",
                    "--no-compile", *args], check=True)


def _build_requirements(members: list[Path]) -> list[str]:
    """What building the members editable needs: their build backends, and what each
    backend asks for an editable build (hatchling: ``editables``)."""
    systems = [_pyproject(member)["build-system"] for member in members]
    requires = sorted({r for system in systems for r in system["requires"]})
    _pip(*requires)
    ask = ("import importlib, sys\n"
           "for name in sys.argv[1:]:\n"
           "    print(*importlib.import_module(name).get_requires_for_build_editable())")
    backends = sorted({system["build-backend"] for system in systems})
    asked = subprocess.run([str(PYTHON), "-c", ask, *backends], cwd=ROOT, check=True,
                           capture_output=True, text=True).stdout.split()
    return sorted(set(asked) - set(requires))


def _ensure_env(*, tools: bool) -> None:
    """Create .venv and install what the job needs, once (again when a pyproject changes).

    ``example`` needs only the core and the province plugins; ``test``, ``docs`` and
    ``bench`` add the test and docs tools (the dev and docs dependency groups: pytest,
    mypy, sphinx, the optional extras, ...) the first time they need them. Measured on a
    fresh clone, the first command's time went to pip's work (resolving and unpacking
    the dependencies, building each member), to giving .venv a pip of its own
    (ensurepip: 4-6 s) and to byte-compiling every installed file. So .venv gets no pip
    of its own while the pip running dev.py can install into it (it gets one with the
    tools), nothing is compiled ahead, and the members are built by one pip call
    without build isolation (isolation installed the build backend once per member).
    """
    started = time.monotonic()
    members, groups = _workspace()
    core = _digest(*((m / "pyproject.toml").read_bytes() for m in members))
    if not PYTHON.exists():
        _say(f"creating {VENV.relative_to(ROOT)} (once)")
        venv.EnvBuilder(with_pip=not _outer_pip()).create(VENV)
    if not (STAMP.exists() and STAMP.read_text() == core):
        _say(f"installing the build backend into {VENV.relative_to(ROOT)} (once)")
        built = _build_requirements(members)
        names = ", ".join(m.name for m in members[1:])
        _say(f"installing parindex, its plugins ({names}) and what they need "
             f"({', '.join(_dependencies(members))}), editable (once)")
        _pip(*built)
        _pip("--no-build-isolation", *(arg for member in members for arg in ("-e", str(member))))
        STAMP.write_text(core)
    if tools:
        requirements = [r for name in ("dev", "docs") for r in groups.get(name, [])]
        wanted = _digest(core.encode(), "\n".join(requirements).encode())
        if not (TOOLS_STAMP.exists() and TOOLS_STAMP.read_text() == wanted):
            _say("installing the test and docs tools (pytest, mypy, sphinx, the optional "
                 "extras; once)")
            # The tests run pip in .venv (a generated plugin is installed), and so may
            # whoever activates it.
            _pip(*requirements, *([] if _venv_has_pip() else ["pip"]))
            TOOLS_STAMP.write_text(wanted)
    if time.monotonic() - started > 1:
        _say(f"ready in {time.monotonic() - started:.0f} s")


#: The jobs: whether each needs the test and docs tools (``example`` does not).
JOBS = {"example": False, "test": True, "docs": True, "bench": True}


def commands(job: str, rest: list[str]) -> list[list[str | Path]]:
    """The command lines ``job`` runs, given the arguments after its name."""
    if job == "example":  # options alone (--lang vi, --json) are for the bundled example
        return [[BIN / "parindex", "score",
                 *([EXAMPLE, *rest] if not rest or rest[0].startswith("-") else rest)]]
    if job == "test":
        return [[PYTHON, "-m", "pytest", *rest]]
    if job == "docs":
        return [[PYTHON, "-m", "sphinx", "-W", "--keep-going", "-b", "html",
                 "docs", "docs/_build/html", *rest]]
    # `bench` runs them all; `bench sensitivity --draws 100` one, with its own options.
    scripts = sorted((ROOT / "benchmarks").glob("bench_*.py"))
    if rest and not rest[0].startswith("-"):
        scripts = [s for s in scripts if s.stem == f"bench_{rest[0]}"] or sys.exit(
            f"dev.py: no benchmarks/bench_{rest[0]}.py")
        rest = rest[1:]
    return [[PYTHON, script.relative_to(ROOT), *rest] for script in scripts]


def _shown(part: str | Path) -> str:
    return str(part.relative_to(ROOT)) if isinstance(part, Path) and part.is_relative_to(
        ROOT) else str(part)


def main(argv: list[str]) -> int:
    job, rest = (argv[0], argv[1:]) if argv else ("help", [])
    if job not in JOBS:
        print(__doc__)
        return 0 if job in {"help", "-h", "--help"} else 2
    lines = commands(job, rest)
    _ensure_env(tools=JOBS[job])
    status = 0
    for line in lines:
        if job == "example":
            print("$", " ".join(_shown(part) for part in line), file=sys.stderr, flush=True)
        status = subprocess.run([str(part) for part in line], cwd=ROOT).returncode or status
    return status


if __name__ == "__main__":
    try:
        status = main(sys.argv[1:])
        sys.stdout.flush()  # here, where a closed pipe can be caught
    except BrokenPipeError:
        # `python3 dev.py help | head`: the reader stopped reading, which is no error to
        # report. Python flushes stdout once more at exit: let that go nowhere.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        status = 1
    sys.exit(status)
