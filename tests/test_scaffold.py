"""``parindex new-plugin``: the generated plugin installs, passes its own tests at once, and
its strict conformance fails on every placeholder until each is replaced.

End to end: generate into a temporary folder, install it with pip into another temporary
folder (``--target``, no dependencies: parindex is the one under test), and run the
plugin's own tests with pytest in a subprocess whose ``PYTHONPATH`` makes the installed
plugin, and so its entry point, visible.
"""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import parindex
from parindex._cli import main
from parindex._render.scaffold import plan_plugin

#: Every placeholder of the skeleton, by its key in the conformance report.
PLACEHOLDERS = [
    "name", "legal_basis.decision", "legal_basis.issuer", "sources.decision",
    "provenance.years.note", "provenance.not_arising.note", "provenance.band_basis.note",
    "provenance.decimals.note", "provenance.ranking.note", "provenance.rank_by.note",
    "provenance.tie_break.note", "bands.0.name", "bands.0.note", "criteria.1.name",
    "criteria.1.note",
]


def _generate(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    folder = tmp_path / "parindex-quang-binh"
    assert main(["new-plugin", "quang_binh", "--directory", str(folder), "--province",
                 "Quảng Bình", "--year", "2024"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == (f"created {folder.as_posix()}/ (parindex-quang-binh, entry "
                                   "point quang_binh, framework quang-binh/commune/2024):")
    return folder


def _install(plugin: Path, target: Path) -> None:
    # Without network when the build backend is at hand; else pip builds in isolation.
    offline = importlib.util.find_spec("hatchling") is not None
    flags = ["--no-index", "--no-build-isolation"] if offline else []
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps",
                    "--disable-pip-version-check", "--upgrade", *flags, "--target",
                    str(target), str(plugin)], check=True, capture_output=True, timeout=300)


def _pytest(plugin: Path, target: Path, *args: str,
            env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    # Not CI either: pytest prints assertion messages in full under CI=true, so the
    # report would be listed twice in the output parsed below.
    environment = {k: v for k, v in os.environ.items()
                   if not k.startswith(("PARINDEX_", "PYTEST_")) and k != "CI"}
    environment["PYTHONPATH"] = str(target)
    environment.update(env or {})
    return subprocess.run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider",
                           "-q", *args], cwd=plugin, env=environment, capture_output=True,
                          text=True, encoding="utf-8", timeout=300, check=False)


def test_generated_plugin_installs_and_passes_then_strict_fails_until_finished(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plugin = _generate(tmp_path, capsys)
    target = tmp_path / "site"
    _install(plugin, target)

    done = _pytest(plugin, target)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "2 passed" in done.stdout

    ini = plugin / "pytest.ini"
    for args, env, ini_text in ((("--parindex-strict",), None, None),
                                ((), {"PARINDEX_STRICT_CONFORMANCE": "1"}, None),
                                ((), None, "[pytest]\nparindex_strict = true\n")):
        if ini_text:
            ini.write_text(ini_text, encoding="utf-8")
        strict = _pytest(plugin, target, *args, env=env)
        ini.unlink(missing_ok=True)
        assert strict.returncode == 1, strict.stdout
        assert "1 failed, 1 passed" in strict.stdout
        listed = re.findall(r"^  \[placeholders\] line \d+: (\S+): placeholder not yet replaced",
                            strict.stdout, re.MULTILINE)
        assert listed == PLACEHOLDERS

    # Replace every placeholder with a real citation: strict mode passes.
    toml = plugin / "src" / "parindex_quang_binh" / "frameworks" / "commune-2024.toml"
    text = re.sub(r'"TODO: [^"]*"', '"Đã trích dẫn: QĐ 9/QĐ-UBND ngày 01/02/2024 (thử nghiệm)"',
                  toml.read_text(encoding="utf-8"))
    toml.write_text(text, encoding="utf-8")
    assert parindex.check_conformance(toml, strict=True).ok
    _install(plugin, target)
    finished = _pytest(plugin, target, "--parindex-strict")
    assert finished.returncode == 0, finished.stdout + finished.stderr


def test_skeleton_lists_every_placeholder_as_unfinished(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plugin = _generate(tmp_path, capsys)
    toml = plugin / "src" / "parindex_quang_binh" / "frameworks" / "commune-2024.toml"
    report = parindex.check_conformance(toml)
    assert report.ok and report.errors == ()
    assert [f.key for f in report.unfinished] == PLACEHOLDERS
    assert not parindex.check_conformance(toml, strict=True).ok
    framework = parindex.load_framework(toml)
    assert (framework.id, framework.level, framework.first_year) == (
        "quang-binh/commune/2024", "commune", 2024)


def test_files_and_names(tmp_path: Path) -> None:
    plan = plan_plugin("bo-noi-vu", tmp_path / "x", province="Bộ Nội vụ", level="province",
                       year=2017)
    assert (plan.name, plan.distribution, plan.package, plan.framework_id) == (
        "bo_noi_vu", "parindex-bo-noi-vu", "parindex_bo_noi_vu", "bo-noi-vu/province/2017")
    assert list(plan.files) == [
        "pyproject.toml", "README.md", "src/parindex_bo_noi_vu/__init__.py",
        "src/parindex_bo_noi_vu/py.typed", "src/parindex_bo_noi_vu/frameworks/province-2017.toml",
        "tests/test_province_2017.py", ".github/workflows/test.yml"]
    assert '[project.entry-points.parindex]\nbo_noi_vu = "parindex_bo_noi_vu"' in \
        plan.files["pyproject.toml"]
    assert 'conformance_tests("bo_noi_vu")' in plan.files["tests/test_province_2017.py"]
    assert "PARINDEX_STRICT_CONFORMANCE" in plan.files[".github/workflows/test.yml"]
    assert plan_plugin("x1").directory == Path("parindex-x1")


def test_dry_run_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "p"
    assert main(["new-plugin", "quang_binh", "--directory", str(folder), "--dry-run"]) == 0
    assert not folder.exists()
    assert capsys.readouterr().out.startswith(f"would create {folder.as_posix()}/")


@pytest.mark.parametrize(("args", "message"), [
    (["Quảng Bình"], "'Quảng Bình' is not a plugin name: lower-case ASCII"),
    (["ok", "--level", "Xã"], "--level: 'Xã' is not a level"),
    (["ok", "--year", "1999"], "--year: 1999 is not a plausible assessment year"),
])
def test_bad_names_are_refused(args: list[str], message: str, tmp_path: Path,
                               capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new-plugin", *args, "--directory", str(tmp_path / "p")]) == 2
    assert message in capsys.readouterr().err


def test_refuses_to_overwrite(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "README.md").write_text("mine", encoding="utf-8")
    assert main(["new-plugin", "quang_binh", "--directory", str(tmp_path)]) == 2
    assert "exists and is not an empty folder" in capsys.readouterr().err
    assert (tmp_path / "README.md").read_text(encoding="utf-8") == "mine"


def test_conformance_test_lists_every_planted_fault_with_its_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # The one-line conformance test of a plugin checks the plugin's framework *file*: each
    # finding names its line, and faults that stop the plugin from loading (a code declared
    # twice) are listed with all the others, in one run.
    good_framework = Path(__file__).with_name("test_testing_kit.py")
    spec = importlib.util.spec_from_file_location("_kit_frameworks", good_framework)
    assert spec is not None and spec.loader is not None
    kit = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(kit)
    GOOD = kit.GOOD  # noqa: N806 - the correct framework of the kit's tests

    plugin = _generate(tmp_path, capsys)
    target = tmp_path / "site"
    _install(plugin, target)
    installed = target / "parindex_quang_binh" / "frameworks" / "commune-2024.toml"
    good = GOOD.replace("test-province/commune/2024", "quang-binh/commune/2024")
    installed.write_text(good, encoding="utf-8")
    done = _pytest(plugin, target, "--parindex-strict")
    assert done.returncode == 0, done.stdout + done.stderr

    text = good
    text = text.replace('[[bands]]\nname = "Khá"', '[[bands]]\nname = "Trung bình"\nmin = 90\n'
                        'status = "read"\nsource = "qd"\n\n[[bands]]\nname = "Khá"')
    text = text.replace('max = 40\nstatus = "read"\nsource = "qd"',
                        'max = 35\nstatus = "read"\nsource = "qđ"')
    text = text.replace('max = 30\nstatus = "read"\nsource = "qd"\n\n[criteria."1.2"]',
                        'max = 30\nsource = "qd"\n\n[criteria."1.2"]')
    text = text[:text.index('[criteria."2"]')]
    text += '[criteria."2"]\nname = "Thêm"\nmax = 5\nstatus = "unknown"\n\n'
    text += '[criteria."1.1"]\nname = "Kế hoạch"\nmax = 30\nstatus = "read"\nsource = "qd"\n'
    installed.write_text(text, encoding="utf-8")
    failed = _pytest(plugin, target, "--parindex-strict")
    assert failed.returncode == 1
    out = failed.stdout

    def line(needle: str) -> int:
        return text.count("\n", 0, text.rindex(needle)) + 1

    assert "parindex plugin 'quang_binh' (parindex-quang-binh) failed to load" in out
    field, twice = line('[criteria."1"]'), line('[criteria."1.1"]')
    item = text.count("\n", 0, text.index('[criteria."1.1"]')) + 1  # the first one
    for expected in (
            f'[codes] line {twice}: criteria."1.1": code 1.1 is declared twice',
            f'[provenance] line {item}: criteria."1.1".status: missing',
            f"[provenance] line {line('qđ')}: criteria.\"1.2\".source: source 'qđ'",
            f"[provenance] line {line('unknown')}: criteria.2.status: status is",
            f"[bands] line {line('min = 90')}: bands.1.min: Trung bình starts at 90",
            f"[maxima] line {field}: criteria.1: items' maxima add up to 65",
            f"[scale] line {field}: criteria: no survey block"):
        assert expected in out, (expected, out)
    # The generated test of the provider says where to look, without a KeyError.
    assert "not loaded: test_conformance says why" in out
    assert "KeyError" not in out


def test_tutorial_shows_the_skeletons_strict_report_as_it_is(tmp_path: Path) -> None:
    # docs/add-a-province.md, step 3, prints findings of the generated skeleton: each one
    # (with its line) must be what the conformance suite says of that skeleton.
    from parindex._render.scaffold import write_plugin

    plan = plan_plugin("bo_noi_vu", tmp_path / "p", province="Bộ Nội vụ", level="province",
                       year=2017)
    write_plugin(plan)
    report = str(parindex.check_conformance(
        plan.directory / "src/parindex_bo_noi_vu/frameworks/province-2017.toml", strict=True))
    tutorial = (Path(__file__).parents[1] / "docs" / "add-a-province.md").read_text(
        encoding="utf-8")
    block = tutorial.split("$ pytest parindex-bo-noi-vu --parindex-strict\n", 1)[1]
    block = block.split("```", 1)[0]
    shown = [line for line in block.splitlines() if line.startswith("  [")]
    assert len(shown) >= 4 and all(" line " in line for line in shown)
    for line in shown + [block.splitlines()[1]]:
        assert line in report.splitlines(), line


def test_tutorial_and_readme_say_how_to_get_the_tools() -> None:
    # A reader in a clone needs .venv active for `parindex`, `pip` and `pytest`, and the
    # build and twine front ends before `python -m build` and `python -m twine`.
    tutorial = (Path(__file__).parents[1] / "docs" / "add-a-province.md").read_text(
        encoding="utf-8")
    assert ". .venv/bin/activate" in tutorial
    assert tutorial.index("pip install build") < tutorial.index("python -m build")
    assert "pip install twine" in tutorial
    readme = plan_plugin("quang_binh").files["README.md"]
    assert readme.index("pip install build twine") < readme.index("python -m build")


def test_plugin_installs_next_to_the_installed_parindex_without_an_index(
        tmp_path: Path) -> None:
    """parindex is not on a package index: a generated plugin (with its test extra) must
    install beside the parindex already installed (from a clone, here), needing nothing
    from an index; its README and CI install parindex first, from git."""
    from parindex._render.scaffold import parindex_source, plan_plugin, write_plugin

    if importlib.util.find_spec("hatchling") is None:
        pytest.skip("needs the build backend installed to build without an index")
    plan = plan_plugin("quang_binh", tmp_path / "plugin", province="Quảng Bình", year=2024)
    write_plugin(plan)
    done = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--dry-run", "--no-index",
         "--no-build-isolation", "--disable-pip-version-check", f"{plan.directory}[test]"],
        capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Would install parindex-quang-binh-0.1.0" in done.stdout
    assert "Would install parindex-0" not in done.stdout  # the installed parindex serves
    workflow = plan.files[".github/workflows/test.yml"]
    readme = plan.files["README.md"]
    url = parindex_source() or "git+TODO-the-URL-of-the-parindex-repository"
    for text in (workflow, readme):
        assert text.index(f'pip install "parindex[testing] @ {url}"') < text.index(
            'pip install -e ".[test]"')


def _included(page: str, path: str) -> list[str]:
    """The excerpts of ``path`` that ``page`` shows with literalinclude, start-at and
    end-before, as Sphinx cuts them."""
    root = Path(__file__).parents[1]
    text = (root / path).read_text(encoding="utf-8")
    excerpts = []
    for block in page.split("```{literalinclude} ../" + path + "\n")[1:]:
        options = dict(re.findall(r'^:([\w-]+): "(.*)"$', block.split("```", 1)[0], re.M))
        start = text.index(options["start-at"].replace('\\"', '"'))
        end = text.index(options["end-before"].replace('\\"', '"'), start)
        excerpts.append(text[start:end])
    return excerpts


def test_tutorial_step_6_code_runs_as_shown() -> None:
    # Step 6 shows the worked example's tests: what it shows, run alone in a fresh
    # namespace, must have its imports and pass (it once lacked `from decimal import ...`).
    tutorial = (Path(__file__).parents[1] / "docs" / "add-a-province.md").read_text(
        encoding="utf-8")
    excerpts = _included(tutorial, "plugins/bo_noi_vu/tests/test_province_2017.py")
    assert len(excerpts) == 2
    namespace: dict[str, object] = {}
    exec(compile("".join(excerpts), "step-6", "exec"), namespace)  # noqa: S102
    test = namespace["test_eight_fields_read_from_the_summary"]
    assert callable(test)
    test()


def test_the_testing_extra_brings_pytest() -> None:
    # The tutorial installs parindex[testing] and then runs pytest.
    import tomllib

    config = tomllib.loads((Path(__file__).parents[1] / "pyproject.toml").read_text("utf-8"))
    extra = config["project"]["optional-dependencies"]["testing"]
    assert any(re.match(r"pytest\b", requirement) for requirement in extra)
    assert any(re.match(r"hypothesis\b", requirement) for requirement in extra)


def test_a_plugin_generated_from_a_clone_installs_parindex_from_where_it_was_cloned(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """parindex installed from a clone (editable: PEP 610 ``dir_info``): the plugin's CI
    and README install it from the clone's ``origin``, ssh (scp style) or https, also from
    a worktree; with no usable remote they keep the placeholder."""
    import importlib.metadata
    import json

    from parindex._render import scaffold

    def git(*args: str, cwd: Path = tmp_path) -> None:
        subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)

    clone = tmp_path / "parindex"
    git("init", "-q", str(clone))
    git("remote", "add", "origin", "git@git.example.org:so-noi-vu/parindex.git", cwd=clone)
    git("remote", "add", "mirror", "https://mirror.example.org/parindex.git", cwd=clone)
    assert scaffold.clone_remote(clone) == \
        "git+ssh://git@git.example.org/so-noi-vu/parindex.git"
    git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "--allow-empty",
        "-m", "x", cwd=clone)
    git("worktree", "add", "-q", str(tmp_path / "wt"), cwd=clone)
    assert scaffold.clone_remote(tmp_path / "wt") == scaffold.clone_remote(clone)
    git("remote", "set-url", "origin", "https://git.example.org/parindex.git", cwd=clone)
    assert scaffold.clone_remote(clone) == "git+https://git.example.org/parindex.git"
    git("remote", "set-url", "origin", "/srv/parindex", cwd=clone)  # not for another machine
    assert scaffold.clone_remote(clone) is None
    assert scaffold.clone_remote(tmp_path / "not-a-clone") is None

    git("remote", "set-url", "origin", "https://git.example.org/parindex.git", cwd=clone)

    class Installed:
        def read_text(self, name: str) -> str:
            assert name == "direct_url.json"
            return json.dumps({"url": clone.as_uri(), "dir_info": {"editable": True}})

    monkeypatch.setattr(importlib.metadata, "distribution", lambda name: Installed())
    plan = scaffold.plan_plugin("quang_binh", tmp_path / "plugin", province="Quảng Bình",
                                year=2024)
    expected = 'pip install "parindex[testing] @ git+https://git.example.org/parindex.git"'
    assert expected in plan.files[".github/workflows/test.yml"]
    assert expected in plan.files["README.md"]


@pytest.mark.parametrize(("installed_from", "expected"), [
    ("https://git.example.org/parindex.git",
     "git+https://git.example.org/parindex.git@0123abc"),
    # `pip install git+file:///srv/parindex` records file:///srv/parindex; pip before 24
    # refuses "parindex @ git+file:///srv/parindex" (found installing from a local clone
    # with Python 3.11's pip 23.2), so the plugin names the same path under localhost.
    ("file:///srv/parindex", "git+file://localhost/srv/parindex@0123abc"),
    ("file://localhost/srv/parindex", "git+file://localhost/srv/parindex@0123abc"),
])
def test_a_plugin_generated_from_a_git_install_installs_parindex_from_that_url(
        installed_from: str, expected: str, monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path) -> None:
    """parindex installed from a git URL (PEP 610 ``vcs_info``): the plugin's CI and
    README install that URL at the installed commit, in a form every pip takes."""
    import importlib.metadata
    import json

    from parindex._render import scaffold

    class Installed:
        def read_text(self, name: str) -> str:
            assert name == "direct_url.json"
            return json.dumps({"url": installed_from,
                               "vcs_info": {"vcs": "git", "commit_id": "0123abc"}})

    monkeypatch.setattr(importlib.metadata, "distribution", lambda name: Installed())
    assert scaffold.parindex_source() == expected
    plan = scaffold.plan_plugin("quang_binh", tmp_path / "plugin", year=2024)
    line = f'pip install "parindex[testing] @ {expected}"'
    assert line in plan.files[".github/workflows/test.yml"]
    assert line in plan.files["README.md"]
