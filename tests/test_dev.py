"""dev.py, the Quick start's two commands: its jobs, the arguments it passes on, and what
it installs when (the stamps), without creating an environment (pip is recorded, not run).
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import subprocess
import sys
import tomllib
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def dev(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("dev", ROOT / "dev.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    # An environment that exists (this interpreter), with its stamps in tmp_path.
    monkeypatch.setattr(module, "PYTHON", Path(sys.executable))
    monkeypatch.setattr(module, "STAMP", tmp_path / "stamp")
    monkeypatch.setattr(module, "TOOLS_STAMP", tmp_path / "tools-stamp")
    return module


@pytest.fixture
def pip_calls(dev: ModuleType, monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, ...]]:
    calls: list[tuple[str, ...]] = []
    monkeypatch.setattr(dev, "_pip", lambda *args: calls.append(args))
    return calls


def test_help_and_unknown_jobs(dev: ModuleType, monkeypatch: pytest.MonkeyPatch,
                               capsys: pytest.CaptureFixture[str]) -> None:
    def no_env(**_: object) -> None:
        raise AssertionError("help and unknown jobs install nothing")

    monkeypatch.setattr(dev, "_ensure_env", no_env)
    assert dev.main([]) == 0
    assert dev.main(["--help"]) == 0
    assert dev.main(["exmaple"]) == 2
    out = capsys.readouterr().out
    assert out.count("python3 dev.py example") == 3
    for job in dev.JOBS:  # the help names every job
        assert f"python3 dev.py {job} " in out


def test_arguments_are_passed_on(dev: ModuleType) -> None:
    python = dev.PYTHON
    assert dev.commands("test", ["-q", "-k", "ranking"]) == [
        [python, "-m", "pytest", "-q", "-k", "ranking"]]
    assert dev.commands("example", []) == [[dev.BIN / "parindex", "score", dev.EXAMPLE]]
    assert dev.commands("example", ["x.toml", "--json"]) == [
        [dev.BIN / "parindex", "score", "x.toml", "--json"]]
    assert dev.commands("example", ["--lang", "vi"]) == [
        [dev.BIN / "parindex", "score", dev.EXAMPLE, "--lang", "vi"]]
    assert dev.commands("docs", [])[0][:4] == [python, "-m", "sphinx", "-W"]
    # bench: every script, or the one named with its own options.
    every = dev.commands("bench", ["--check"])
    assert len(every) == len(list((ROOT / "benchmarks").glob("bench_*.py"))) > 1
    assert all(line[-1] == "--check" for line in every)
    assert dev.commands("bench", ["startup", "--check"]) == [
        [python, Path("benchmarks/bench_startup.py"), "--check"]]
    with pytest.raises(SystemExit, match="no benchmarks/bench_nosuch.py"):
        dev.commands("bench", ["nosuch"])


def test_example_installs_the_core_once_and_test_adds_the_tools_once(
        dev: ModuleType, pip_calls: list[tuple[str, ...]]) -> None:
    dev._ensure_env(tools=False)
    build, editable, members = pip_calls
    system = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["build-system"]
    assert build == tuple(system["requires"])
    # What the backend itself asks for an editable build (hatchling: editables).
    backend = importlib.import_module(system["build-backend"])
    assert editable == tuple(backend.get_requires_for_build_editable()) != ()
    # One pip call for every member, without a build environment per member.
    assert members[0] == "--no-build-isolation"
    installed = {Path(p) for p in members[2::2]}
    assert installed == {ROOT, *(p.parent for p in (ROOT / "plugins").glob("*/pyproject.toml"))}
    assert set(members[1::2]) == {"-e"}
    pip_calls.clear()
    dev._ensure_env(tools=False)
    assert pip_calls == []  # stamped: nothing again

    dev._ensure_env(tools=True)
    (tools,) = pip_calls
    assert {"pytest>=8.0", "mypy>=1.10", "sphinx>=7.2"} <= set(tools)
    pip_calls.clear()
    dev._ensure_env(tools=True)
    dev._ensure_env(tools=False)
    assert pip_calls == []


def test_a_changed_pyproject_installs_again(dev: ModuleType, pip_calls: list[tuple[str, ...]],
                                            monkeypatch: pytest.MonkeyPatch,
                                            tmp_path: Path) -> None:
    member = tmp_path / "plugin"
    member.mkdir()
    (member / "pyproject.toml").write_text(
        '[build-system]\nrequires = ["hatchling>=1.24"]\nbuild-backend = "hatchling.build"\n',
        encoding="utf-8")
    members, groups = dev._workspace()
    monkeypatch.setattr(dev, "_workspace", lambda: ([*members, member], groups))
    dev._ensure_env(tools=True)
    assert len(pip_calls) == 4 and str(member) in pip_calls[2]
    pip_calls.clear()
    with (member / "pyproject.toml").open("a", encoding="utf-8") as file:
        file.write('[project]\nname = "plugin"\n')
    dev._ensure_env(tools=True)
    # The members again (a dependency may have changed), and the tools over them.
    assert len(pip_calls) == 4 and str(member) in pip_calls[2]


def test_help_into_a_closed_pipe_is_no_traceback() -> None:
    """`python3 dev.py help | head`: the reader may stop before dev.py has written."""
    read, write = os.pipe()
    os.close(read)  # every write fails at once (EPIPE), not only after a full buffer
    try:
        run = subprocess.run([sys.executable, str(ROOT / "dev.py"), "help"], stdout=write,
                             stderr=subprocess.PIPE, text=True, timeout=60)
    finally:
        os.close(write)
    assert run.stderr == ""
    assert run.returncode == 1


def test_the_environment_gets_no_pip_of_its_own_until_the_tools(
        dev: ModuleType, pip_calls: list[tuple[str, ...]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Giving .venv a pip (ensurepip) took 4-6 s of the first command: while the pip
    running dev.py can install into .venv, it does, and .venv gets a pip with the tools
    (the tests run pip in it)."""
    monkeypatch.setattr(dev, "_venv_has_pip", lambda: False)
    dev._ensure_env(tools=False)
    assert all("pip" not in call for call in pip_calls)
    dev._ensure_env(tools=True)
    assert "pip" in pip_calls[-1]


def test_pip_installs_into_the_environment(dev: ModuleType, monkeypatch: pytest.MonkeyPatch,
                                           tmp_path: Path) -> None:
    runs: list[list[str]] = []
    monkeypatch.setattr(dev.subprocess, "run", lambda args, **_: runs.append(args))
    monkeypatch.setattr(dev, "VENV", tmp_path)
    monkeypatch.setattr(dev, "_outer_pip", lambda: True)
    dev._pip("attrs")
    (site := tmp_path / "lib" / "python3.11" / "site-packages" / "pip").mkdir(parents=True)
    dev._pip("attrs")
    outer, own = runs
    assert outer[:5] == [sys.executable, "-m", "pip", "--python", str(dev.PYTHON)]
    assert own[:3] == [str(dev.PYTHON), "-m", "pip"] and site.is_dir()
    assert outer[-1] == own[-1] == "attrs" and "--no-compile" in outer


@pytest.mark.parametrize("script", sorted((ROOT / "benchmarks").glob("bench_*.py")),
                         ids=lambda p: p.stem)
def test_every_benchmark_script_imports_and_parses_its_arguments(script: Path) -> None:
    """`dev.py bench` is not run by CI: at least every script must load (bench_compare once
    imported a helper bench_tables no longer had) and answer --help."""
    run = subprocess.run([sys.executable, str(script), "--help"], capture_output=True,
                         text=True, cwd=ROOT, timeout=120)
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("usage:")
