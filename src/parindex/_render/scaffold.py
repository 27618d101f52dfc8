"""A new province plugin, generated from templates: ``parindex new-plugin``.

The generated folder installs and passes its own tests at once: its framework file is a
skeleton whose provenance fields hold placeholders (``TODO``), which the conformance
checks report as *unfinished*, so strict mode fails until each is replaced by a real
source. Templates are package data (``_templates/plugin/*.tmpl``, filled with
:class:`string.Template`: no template engine is needed, and nothing is executed).
"""

from __future__ import annotations

import importlib.resources
import re
import string
from datetime import date
from pathlib import Path

import attrs

from .._base.errors import ParindexError, Problem
from .._base.i18n import Sentence
from .._base.files import atomic_write

_NAME = re.compile(r"^[a-z][a-z0-9]*(?:[_-][a-z0-9]+)*$")
_LEVEL = re.compile(r"^[a-z]+(?:-[a-z]+)*$")


@attrs.frozen
class PluginPlan:
    """What ``parindex new-plugin`` writes: the names, and each file with its text."""

    name: str
    distribution: str
    package: str
    framework_id: str
    directory: Path
    files: dict[str, str]


def plan_plugin(name: str, directory: str | Path | None = None, *, province: str | None = None,
                level: str = "commune", year: int | None = None) -> PluginPlan:
    """Plan a plugin: its names and files, without writing anything.

    :param name: the plugin's name, lower-case ASCII (``bo_noi_vu``, ``quang-binh``): the
        entry point is ``bo_noi_vu``, the distribution ``parindex-bo-noi-vu``, the package
        ``parindex_bo_noi_vu``, the framework ids start with ``bo-noi-vu/``.
    :param directory: the folder to create (default ``parindex-<name>`` here).
    :param province: the province (or issuer) as written in Vietnamese, for names and
        the README.
    :param level: the level of the framework skeleton (``commune``, ``district``,
        ``department``, ``province``).
    :param year: its first assessment year (default: this year).
    :raises ParindexError: on a name, level or year that cannot be used.
    """
    problems = []
    if not _NAME.match(name):
        problems.append(Problem(Sentence("np_name", name=repr(name)), key="NAME"))
    if not _LEVEL.match(level):
        problems.append(Problem(Sentence("np_level", level=repr(level)), key="--level"))
    year = date.today().year if year is None else year
    if not 2000 <= year <= 2100:
        problems.append(Problem(Sentence("np_year", year=year), key="--year"))
    if problems:
        raise ParindexError(problems)
    snake, slug = name.replace("-", "_"), name.replace("_", "-")
    distribution, package = f"parindex-{slug}", f"parindex_{snake}"
    framework_id = f"{slug}/{level}/{year}"
    values = {
        "name": snake, "distribution": distribution, "package": package,
        "framework_id": framework_id, "level": level, "year": str(year),
        "province": province or "TODO: tên tỉnh",
        "issuer": "TODO: cơ quan ban hành, e.g. "
                  + ("UBND tỉnh " + province if province else "UBND tỉnh ..."),
        "parindex_url": parindex_source() or "git+TODO-the-URL-of-the-parindex-repository",
    }
    templates = importlib.resources.files("parindex") / "_templates" / "plugin"

    def fill(template: str) -> str:
        text = (templates / f"{template}.tmpl").read_text(encoding="utf-8")
        return string.Template(text).substitute(values)

    files = {
        "pyproject.toml": fill("pyproject.toml"),
        "README.md": fill("README.md"),
        f"src/{package}/__init__.py": fill("__init__.py"),
        f"src/{package}/py.typed": "",
        f"src/{package}/frameworks/{level}-{year}.toml": fill("framework.toml"),
        f"tests/test_{level.replace('-', '_')}_{year}.py": fill("test_framework.py"),
        ".github/workflows/test.yml": fill("workflow.yml"),
    }
    folder = Path(directory) if directory is not None else Path(distribution)
    return PluginPlan(snake, distribution, package, framework_id, folder, files)


def parindex_source() -> str | None:
    """The git URL (and commit) the running parindex was installed from, if it was
    installed from one (PEP 610's ``direct_url.json``): what a plugin's CI installs.

    parindex is not on a package index, so a plugin's ``parindex`` requirement is met by
    installing parindex first, from where it came from.
    """
    import json
    from importlib.metadata import PackageNotFoundError, distribution

    try:
        text = distribution("parindex").read_text("direct_url.json")
    except PackageNotFoundError:
        return None
    if not text:
        return None
    try:
        data = json.loads(text)
    except ValueError:
        return None
    url = data.get("url")
    vcs = data.get("vcs_info")
    if isinstance(url, str) and url.startswith("file://") and "dir_info" in data:
        # Installed from a clone: where that clone was cloned from, if it says.
        from urllib.parse import unquote, urlparse

        return clone_remote(Path(unquote(urlparse(url).path)))
    if not isinstance(vcs, dict) or vcs.get("vcs") != "git" or not url:
        return None
    if url.startswith("file:///"):
        # A repository on this machine. pip before 24 refuses "name @ git+file:///path"
        # (a URL requirement needs a host) but takes the same path under localhost.
        url = "file://localhost/" + url[len("file:///"):]
    commit = vcs.get("commit_id")
    return f"git+{url}" + (f"@{commit}" if commit else "")


def clone_remote(folder: Path) -> str | None:
    """The pip URL of the repository a git clone (or worktree) at ``folder`` was cloned
    from (its ``origin`` remote), read from its git config; ``None`` when there is none
    or it is not a URL pip can fetch from another machine."""
    git = folder / ".git"
    try:
        if git.is_file():  # a worktree: "gitdir: <its folder in the main clone's .git>"
            git = (folder / git.read_text("utf-8").partition("gitdir:")[2].strip())
            common = git / "commondir"
            if common.is_file():
                git = git / common.read_text("utf-8").strip()
        config = (git / "config").read_text("utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    section = re.search(r'^\[remote "origin"\]\s*\n((?:[ \t]+.*\n?|\s*\n)*)', config,
                        re.MULTILINE)
    found = section and re.search(r"^\s*url\s*=\s*(\S+)\s*$", section.group(1), re.MULTILINE)
    if not found:
        return None
    remote = found.group(1)
    if remote.startswith(("https://", "http://", "ssh://", "git://")):
        return f"git+{remote}"
    scp = re.fullmatch(r"([\w.-]+@[\w.-]+):(?!/)(.+)", remote)  # git@github.com:o/r.git
    return f"git+ssh://{scp.group(1)}/{scp.group(2)}" if scp else None


def write_plugin(plan: PluginPlan) -> list[Path]:
    """Write a planned plugin; refuses to write into a folder that is not empty.

    :returns: the files written.
    :raises ParindexError: if the folder exists and is not empty.
    """
    folder = plan.directory
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise ParindexError(Problem(Sentence("np_not_empty"), path=folder))
    written = []
    for relative, text in plan.files.items():
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(path, text)
        written.append(path)
    return written
