"""Language: one catalogue in both languages, --lang on every command, the locale's
default, and Vietnamese number style where officials read."""

from __future__ import annotations

import os
import re
import shutil
from decimal import Decimal
from pathlib import Path

import click
import pytest
from hypothesis import given
from hypothesis import strategies as st

import parindex
from parindex._base.i18n import MESSAGES, language_from_locale, message
from parindex._base.numbers import number_text, percent_text
from parindex._cli import main


def test_every_message_exists_in_both_languages() -> None:
    assert set(MESSAGES["vi"]) == set(MESSAGES["en"])
    for key in MESSAGES["vi"]:
        fields = {lang: set(re.findall(r"{(\w+)}", MESSAGES[lang][key])) for lang in MESSAGES}
        assert fields["vi"] == fields["en"], key  # the same blanks to fill in


SOURCE = Path(parindex.__file__).resolve().parent


def test_no_message_key_is_written_twice() -> None:
    """A key given twice in one language's table keeps only its last text, silently: one
    area's sentence then said another's (sensitivity's 's_max_unknown' was a scoring
    sheet's, whose blank it could not fill)."""
    import ast

    tree = ast.parse((SOURCE / "_base" / "i18n.py").read_text(encoding="utf-8"))
    tables = [node for node in ast.walk(tree) if isinstance(node, ast.Dict)
              and len(node.keys) > 100]
    assert len(tables) == 2  # the scan sees vi and en
    for table in tables:
        keys = [k.value for k in table.keys if isinstance(k, ast.Constant)]
        assert not [k for k in set(keys) if keys.count(k) > 1]


def test_every_sentence_is_given_the_blanks_its_text_has() -> None:
    """Each literal ``Sentence("key", name=...)`` in the source names every blank of the
    key's text in both languages (a missing one is a KeyError when the error is said)."""
    import ast

    calls = 0
    missing = []
    for path in SOURCE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id == "Sentence" and node.args
                    and isinstance(node.args[0], ast.Constant)
                    and node.args[0].value in MESSAGES["en"]):
                continue
            given = {k.arg for k in node.keywords}
            if None in given:  # Sentence(key, **values): not known before it runs
                continue
            calls += 1
            needed = set(re.findall(r"{(\w+)", MESSAGES["en"][node.args[0].value]))
            if needed - given:
                missing.append((path.name, node.lineno, node.args[0].value, needed - given))
    assert calls > 300  # the scan sees the calls
    assert not missing


def test_every_command_takes_lang_and_quiet(
        cli_command: tuple[tuple[str, ...], click.Command],
        cli_options: dict[tuple[str, ...], frozenset[str]]) -> None:
    path, _ = cli_command
    assert {"--lang", "--quiet"} <= cli_options[path]


@pytest.mark.parametrize(("environ", "expected"), [
    ({"LANG": "vi_VN.UTF-8"}, "vi"), ({"LANG": "en_US.UTF-8"}, "en"), ({}, "en"),
    ({"LANG": "en_US.UTF-8", "LC_ALL": "vi_VN"}, "vi"), ({"LANG": "vi", "LC_ALL": "C"}, "en"),
    ({"LANG": "C.UTF-8", "LC_MESSAGES": "vi_VN.UTF-8"}, "vi"),
])
def test_language_follows_the_locale(environ: dict[str, str], expected: str) -> None:
    assert language_from_locale(environ) == expected


def test_vietnamese_score_from_the_locale(monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    for name in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "vi_VN.UTF-8")
    assert main(["score", str(parindex.example_path())]) == 0
    out = capsys.readouterr().out
    assert "Tổng điểm" in out and "Xếp loại" in out and "Tiêu chí" in out
    assert "78,636 / 100" in out and "79,031" in out and "78.636" not in out
    assert "chỉ số 79,031 thuộc mức Khá (70 ≤ chỉ số < 80)" in out
    assert main(["score", "--lang", "en", str(parindex.example_path())]) == 0
    out = capsys.readouterr().out
    assert "Total" in out and "78.636 / 100 " in out and "Tổng điểm" not in out


def test_json_keeps_machine_style(monkeypatch: pytest.MonkeyPatch,
                                  capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("LC_ALL", "vi_VN.UTF-8")
    assert main(["score", "--json", str(parindex.example_path())]) == 0
    out = capsys.readouterr().out
    assert '"78.636"' in out and "78,636" not in out


def test_vietnamese_gaps(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["gaps", "--lang", "vi", str(parindex.example_path())]) == 0
    out = capsys.readouterr().out
    assert "Điểm bị trừ: Xã Thủy Thanh, năm 2022" in out
    assert "Mức tiếp theo Tốt: cần thêm 0,964 điểm" in out


def test_terminal_width_is_respected(monkeypatch: pytest.MonkeyPatch,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    for lang in ("vi", "en"):
        assert main(["score", "--lang", lang, str(parindex.example_path())]) == 0
        lines = capsys.readouterr().out.splitlines()
        assert max(len(line) for line in lines) <= 80
        assert any(re.match(r"│\s+│ \S", line) for line in lines)  # names wrap, not rows


@pytest.mark.parametrize("args", [["frameworks", "--completeness", "--lang", "en"],
                                  ["frameworks", "--completeness", "--lang", "vi"],
                                  ["frameworks"]], ids=" ".join)
def test_framework_listings_fit_the_terminal(args: list[str], monkeypatch: pytest.MonkeyPatch,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    assert main(args) == 0
    out = capsys.readouterr().out
    assert max(len(line) for line in out.splitlines()) <= 80
    # Every id whole, at the start of its line for grep (--completeness, or the record a
    # table too wide for the terminal becomes), or in its cell.
    for framework in parindex.registry().frameworks:
        assert re.search(rf"^(│ )?{re.escape(framework)}([: ]|$)", out, re.MULTILINE), \
            framework


ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("args", [
    ["validate", str(parindex.example_path())],
    ["validate", str(ROOT / "docs/examples/example-framework.toml")],
    ["validate", "--conformance", str(ROOT / "docs/examples/kit/planted-faults.toml")],
    ["rule", "1.1", "on_time=985", "resolved=987", "--framework",
     str(ROOT / "docs/examples/rules-framework.toml")],
], ids=lambda args: " ".join(a for a in args if "/" not in a))
def test_lines_of_text_wrap_to_the_terminal(args: list[str], monkeypatch: pytest.MonkeyPatch,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    """What runs over goes on under the line, indented; nothing is lost or cut. Output
    to no terminal (piped, without COLUMNS) keeps one line per line, for grep."""
    monkeypatch.delenv("COLUMNS", raising=False)
    monkeypatch.setattr(shutil, "get_terminal_size", os.terminal_size)  # no terminal
    status = main(args)
    whole = capsys.readouterr().out
    monkeypatch.undo()
    monkeypatch.setenv("COLUMNS", "1000")
    assert main(args) == status
    assert capsys.readouterr().out == whole
    monkeypatch.setenv("COLUMNS", "80")
    assert main(args) == status
    lines = capsys.readouterr().out.splitlines()
    assert max(len(line) for line in whole.splitlines()) > 80  # there was something to wrap
    assert all(len(line) <= 80 or " " not in line.strip() for line in lines)
    narrow = iter(lines)
    for line in whole.splitlines():  # each line, then its continuations indented under it
        own = len(line) - len(line.lstrip())
        first = next(narrow)
        assert first[:own + 1] == line[:own + 1]
        words = first.split()
        while words != line.split():
            more = next(narrow)
            assert len(more) - len(more.lstrip()) > own, (line, more)
            words += more.split()
    assert next(narrow, None) is None


@pytest.mark.parametrize(("text", "vi"), [
    ("78.636", "78,636"), ("100", "100"), ("-1.5", "-1,5"), ("12345.5", "12.345,5"),
    ("1000", "1.000"), ("—", "—"), ("?", "?"), ("0.964", "0,964"),
])
def test_vietnamese_number_style(text: str, vi: str) -> None:
    assert number_text(text, "vi") == vi
    assert number_text(text, "en") == text


@given(st.decimals(allow_nan=False, allow_infinity=False, places=3,
                   min_value=Decimal("-100000"), max_value=Decimal("100000")))
def test_vietnamese_numbers_read_back_exactly(value: Decimal) -> None:
    text = number_text(value, "vi")
    assert "." not in text.split(",")[-1] or "," not in text  # "." only groups thousands
    assert Decimal(text.replace(".", "").replace(",", ".")) == value


def test_percent_and_messages() -> None:
    assert percent_text("79.03", "vi") == "79,03 %"
    assert message("en", "rank_in", rank=2, of=10, where="overall") == "Rank 2/10 overall"


def test_version() -> None:
    from importlib.metadata import version

    assert parindex.__version__ == version("parindex")
    with pytest.raises(AttributeError):
        parindex.no_such_attribute  # noqa: B018


def test_missing_output_directory_is_an_error_not_a_traceback(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    example = str(parindex.example_path())
    for args in (["plan", example, "-o", str(tmp_path / "no" / "plan.md")],
                 ["plan", example, "-o", str(tmp_path / "no" / "plan.docx")],
                 ["report", example, "-o", str(tmp_path / "no" / "r.html")]):
        assert main(args) == 2, args
        captured = capsys.readouterr()
        assert "Traceback" not in captured.err + captured.out
        assert "parindex: error:" in captured.err


def test_vietnamese_reproduce_and_profiles(capsys: pytest.CaptureFixture[str]) -> None:
    root = Path(__file__).resolve().parents[1] / "docs" / "examples"
    assert main(["reproduce", str(root / "results-2022.csv"), "--framework",
                 "thua-thien-hue/commune/2022", "--lang", "vi"]) == 1
    out = capsys.readouterr().out
    assert "Đơn vị" in out and "78,636" in out and "Sai lệch (số công bố ≠ số tính lại): 2" in out
    assert main(["profiles", str(root / "group"), "--lang", "vi"]) == 0
    out = capsys.readouterr().out
    assert "Tổng điểm: thấp nhất 60,867, trung vị 74,728" in out
