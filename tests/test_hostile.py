"""The hostile-input corpus (``tests/hostile/*.toml``): every case ends clean.

Each case runs the command line on files written for it and asserts: the exit code it
states; the substring its message must contain; no traceback; at most 8 lines on stderr;
no partial output left behind (only the files the case says it creates appear); every
input unchanged. Large inputs are generated here at test time, never committed. See
``tests/hostile/README.md`` for the format of a case.
"""

from __future__ import annotations

import hashlib
import json
import importlib.metadata
import os
import signal
import sys
import tomllib
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from parindex._cli import main
from parindex._plugins import registry as plugins_registry

ROOT = Path(__file__).resolve().parents[1]
CORPUS = Path(__file__).parent / "hostile"
CATEGORIES = ("framework", "assessment", "overlay", "table", "plugin", "cli")
#: No case may take longer (seconds); a hang is a failure, not a stuck CI job.
TIME_LIMIT = 60


def _cases() -> list[dict[str, Any]]:
    cases = []
    for path in sorted(CORPUS.glob("*.toml")):
        for case in tomllib.loads(path.read_text(encoding="utf-8"))["case"]:
            case.setdefault("category", path.stem)
            cases.append(case)
    return cases


CASES = _cases()


# --- inputs generated at test time (too large to commit) --------------------------------

def _framework_head(fid: str = "hostile/commune/2024") -> str:
    return (f'id = "{fid}"\nname = "Hostile (invented)"\nlevel = "commune"\n'
            'first_year = 2024\n[legal_basis]\ndecision = "1/QĐ-UBND"\n'
            '[[bands]]\nname = "Tốt"\nmin = 50\nstatus = "read"\nsource = "s"\n'
            '[[bands]]\nname = "Yếu"\nmin = 0\nstatus = "read"\nsource = "s"\n'
            '[sources]\ns = "invented for the hostile-input corpus"\n')


def _node(code: str, parent: str | None, maximum: str = "1") -> str:
    return (f'[criteria."{code}"]\nname = "n"\nmax = {maximum}\nstatus = "read"\n'
            f'source = "s"\n' + (f'parent = "{parent}"\n' if parent else ""))


def gen_parent_chain(n: int) -> str:
    """n criteria, each the parent of the next (explicit parents)."""
    return _framework_head() + "".join(
        _node(f"c{i}", f"c{i - 1}" if i else None) for i in range(n))


def gen_deep_codes(n: int) -> str:
    """Codes 1, 1.1, 1.1.1, ... n levels deep (parents from the codes)."""
    return _framework_head() + "".join(_node(".".join(["1"] * i), None)
                                       for i in range(1, n + 1))


def gen_many_nodes(n: int) -> str:
    return _framework_head() + "".join(_node(f"n{i}", None) for i in range(n))


def gen_nested_array(n: int) -> str:
    return "x = " + "[" * n + "]" * n + "\n"


def gen_nested_json(n: int) -> str:
    return '{"units": ' + "[" * n + "]" * n + "}"


def gen_big_field(n: int) -> str:
    return "Tên đơn vị,Tổng điểm\n" + "A" * n + ",1\n"


def gen_repeat(n: int, text: str = "x") -> str:
    return text * n


def _xlsx(sheet_xml: str, extra: dict[str, str] | None = None) -> bytes:
    import io

    files = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats'
            '.org/package/2006/content-types"><Default Extension="rels" ContentType="applica'
            'tion/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" '
            'ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentTy'
            'pe="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"'
            '/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.'
            'openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'),
        "_rels/.rels": (
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.open'
            'xmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http:'
            '//schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
            'Target="xl/workbook.xml"/></Relationships>'),
        "xl/workbook.xml": (
            '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlfo'
            'rmats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/'
            'officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" '
            'r:id="rId1"/></sheets></workbook>'),
        "xl/_rels/workbook.xml.rels": (
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.open'
            'xmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http:'
            '//schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
            'Target="worksheets/sheet1.xml"/></Relationships>'),
        "xl/worksheets/sheet1.xml": sheet_xml,
        **(extra or {}),
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, text in files.items():
            archive.writestr(name, text)
    return buffer.getvalue()


_SHEET = ('<?xml version="1.0" encoding="UTF-8"?>{doctype}<worksheet xmlns="http://schemas.'
          'openxmlformats.org/spreadsheetml/2006/main">{dimension}<sheetData>{rows}'
          '</sheetData></worksheet>')
_ROWS = ('<row r="1"><c r="A1" t="inlineStr"><is><t>Tên đơn vị</t></is></c><c r="B1" '
         't="inlineStr"><is><t>Tổng điểm</t></is></c></row><row r="2"><c r="A2" '
         't="inlineStr"><is><t>{name}</t></is></c><c r="B2"><v>80</v></c></row>')


def gen_xlsx_huge_dimension(n: int = 0) -> bytes:
    return _xlsx(_SHEET.format(doctype="", dimension='<dimension ref="A1:XFD1048576"/>',
                               rows=_ROWS.format(name="Xã A") +
                               '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'))


def gen_xlsx_entities(n: int = 0) -> bytes:
    doctype = ('<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;'
               '&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;'
               '&lol2;&lol2;&lol2;&lol2;">]>')
    return _xlsx(_SHEET.format(doctype=doctype, dimension="",
                               rows=_ROWS.format(name="&lol3;")))


def gen_xlsx_truncated(n: int = 0) -> bytes:
    whole = _SHEET.format(doctype="", dimension="", rows=_ROWS.format(name="Xã A"))
    return _xlsx(whole[:len(whole) // 2])


def gen_not_a_zip(n: int = 0) -> bytes:
    return b"PK\x03\x04 this is not really a zip archive" * 3


GENERATORS: dict[str, Callable[..., str | bytes]] = {
    name.removeprefix("gen_"): value for name, value in globals().items()
    if name.startswith("gen_")}


# --- running a case ----------------------------------------------------------------------

def _fill(text: str, folder: Path) -> str:
    return text.replace("{dir}", str(folder)).replace("{repo}", str(ROOT))


def _content(spec: Any, folder: Path) -> str | bytes:
    if isinstance(spec, str):
        return spec
    if "generate" in spec:
        return GENERATORS[spec["generate"]](*spec.get("args", []))
    text = (ROOT / spec["base"]).read_text(encoding="utf-8") if "base" in spec else ""
    for old, new in spec.get("replace", []):
        assert old in text, f"{old!r} is not in {spec.get('base')}"
        text = text.replace(old, new)
    text += spec.get("append", "")
    if "encoding" in spec:  # e.g. a legacy Vietnamese code page
        return text.encode(spec["encoding"], errors="replace")
    return text


def _snapshot(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and not p.is_symlink()}


@pytest.fixture
def installed_plugin(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[str, Path], None]]:
    """Install a case's plugin source as the entry point ``hostile``, like a real plugin."""
    names: list[str] = []
    real = importlib.metadata.entry_points

    def install(source: str, folder: Path) -> None:
        name = f"hostile_plugin_{len(names)}_{os.getpid()}_{folder.name}".replace("-", "_")
        (folder / f"{name}.py").write_text(source, encoding="utf-8")
        monkeypatch.syspath_prepend(str(folder))
        names.append(name)
        entry = importlib.metadata.EntryPoint("hostile", name, plugins_registry.GROUP)

        def entry_points(**params: Any) -> Any:
            found = list(real(**params))
            return found + [entry] if params.get("group") == plugins_registry.GROUP else found

        monkeypatch.setattr(importlib.metadata, "entry_points", entry_points)

    yield install
    for name in names:
        sys.modules.pop(name, None)


class _Timeout(Exception):
    pass


def _alarm(signum: int, frame: object) -> None:
    raise _Timeout(f"the case ran longer than {TIME_LIMIT} s")


@pytest.mark.parametrize("case", CASES, ids=[f"{c['category']}/{c['id']}" for c in CASES])
def test_case(case: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
              capsys: pytest.CaptureFixture[str],
              installed_plugin: Callable[[str, Path], None]) -> None:
    folder = tmp_path / "case"
    folder.mkdir()
    monkeypatch.chdir(folder)
    for name, spec in case.get("files", {}).items():
        data = _content(spec, folder)
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_bytes(data.encode("utf-8"))
    for name in case.get("fifos", []):
        os.mkfifo(folder / name)
    for name, target in case.get("symlinks", {}).items():
        (folder / name).symlink_to(_fill(target, folder))
    for name, target in case.get("hardlinks", {}).items():
        os.link(folder / target, folder / name)
    for name, value in case.get("env", {}).items():
        monkeypatch.setenv(name, value)
    if "plugin" in case:
        installed_plugin(_fill(case["plugin"], folder), folder)
    monkeypatch.setattr(plugins_registry, "_REGISTRY", None)
    before = _snapshot(folder)
    before.pop("case", None)
    args = [_fill(a, folder) for a in case["args"]]

    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(TIME_LIMIT)
    try:
        status = main(args)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    out, err = capsys.readouterr()

    shown = f"$ parindex {' '.join(args)}\n--- exit {status}\n--- stdout\n{out[-2000:]}" \
            f"\n--- stderr\n{err[-3000:]}"
    assert status == case["exit"], shown
    assert "Traceback" not in err and "Traceback" not in out, shown
    assert len(err.splitlines()) <= 8, shown
    if "stderr" in case:
        assert case["stderr"] in err, shown
    if "stdout" in case:
        assert case["stdout"] in out, shown
    if case.get("json_stdout"):
        json.loads(out)  # nothing a plugin prints may corrupt --json
    after = _snapshot(folder)
    for name, digest in before.items():
        assert after.get(name) == digest, f"input {name} was changed or removed\n{shown}"
    created = [n for n in sorted(set(after) - set(before))
               if not n.startswith("hostile_plugin_") and "__pycache__" not in n]
    assert created == sorted(case.get("creates", [])), f"files left behind\n{shown}"


def test_corpus_is_broad() -> None:
    """At least 150 cases, every category present, ids unique, every failure named."""
    ids = [f"{c['category']}/{c['id']}" for c in CASES]
    assert len(ids) >= 150 and len(set(ids)) == len(ids)
    counts = {category: sum(c["category"] == category for c in CASES)
              for category in CATEGORIES}
    assert all(n >= 10 for n in counts.values()), counts
    assert all("stderr" in c for c in CASES if c["exit"] != 0)
