"""``--help`` and ``--version`` in Vietnamese: every command's and option's text is in the
help catalogue (``_cli/help_vi.py``), the help fits 80 columns and leaves no English, and
``--lang vi`` works wherever it stands on the command line."""

from __future__ import annotations

import re
from collections.abc import Iterable

import click
import pytest

from parindex._cli import main
from parindex._cli.app import cli
from parindex._cli.help import command_help, option_help, option_name
from parindex._cli.help_vi import HELP


def _commands() -> dict[tuple[str, ...], click.Command]:
    """Every command and group by its path from ``parindex``, the group itself included."""
    found: dict[tuple[str, ...], click.Command] = {}

    def walk(command: click.Command, path: tuple[str, ...]) -> None:
        found[path] = command
        if isinstance(command, click.Group):
            context = click.Context(command)
            for name in command.list_commands(context):  # loads each command
                sub = command.get_command(context, name)
                assert sub is not None
                walk(sub, (*path, name))

    walk(cli, ("parindex",))
    return found


def _options(command: click.Command) -> list[click.Option]:
    """The options ``--help`` lists, its own ``--help`` included."""
    return [p for p in command.get_params(click.Context(command))
            if isinstance(p, click.Option) and p.help is not None]


def test_every_command_and_option_has_its_vietnamese_help(
        cli_options: dict[tuple[str, ...], frozenset[str]]) -> None:
    commands = _commands()
    assert {path[1:] for path in commands} >= set(cli_options)  # the walker's commands
    missing, used = [], set()
    for path, command in commands.items():
        key = " ".join(path)
        if key in HELP:
            used.add(key)
        else:
            missing.append(key)
        for option in _options(command):
            own = f"{key} {option_name(option)}"
            used.add(own if own in HELP else option_name(option))
            if own not in HELP and option_name(option) not in HELP:
                missing.append(own)
    assert not missing
    assert not set(HELP) - used  # no text for a command or option that is gone


def _english_and_vietnamese() -> list[tuple[str, str, str]]:
    """(catalogue key, English text, Vietnamese text) of every command and option."""
    pairs = []
    for path, command in _commands().items():
        if command.help is not None:
            pairs.append((" ".join(path), command.help, command_help(path)))
        for option in _options(command):
            pairs.append((f"{' '.join(path)} {option_name(option)}", option.help or "",
                          option_help(path, option)))
    return pairs


def test_the_vietnamese_help_names_the_options_the_english_names() -> None:
    """A text that drifts from its command (an option renamed, a new one) shows here."""
    for key, english, vietnamese in _english_and_vietnamese():
        def options(text: str) -> set[str]:
            return set(re.findall(r"(?<![\w-])--[a-z][a-z-]*", text))

        assert options(english) == options(vietnamese), key


def test_the_summary_is_the_first_sentence() -> None:
    """``parindex --help`` lists a command by its text's first sentence, as in English."""
    for path, command in _commands().items():
        summary = click.Command("x", help=command_help(path)).get_short_help_str(300)
        assert summary.endswith(".") and "\n" not in summary, path


def _vietnamese_help(path: tuple[str, ...], capsys: pytest.CaptureFixture[str]) -> str:
    assert main([*path[1:], "--help", "--lang", "vi"]) == 0
    return capsys.readouterr().out


#: Words a Vietnamese text writes as the command line or the files spell them: quoted,
#: options, choices, names with a digit, dot, slash or underscore, hyphenated values
#: (a flag's default, "fail-on-discrepancy"), placeholders.
_SYNTAX = re.compile(r"'[^']*'|\"[^\"]*\"|(?<![\w-])--?[\w-]+|\[[\w|-]+\]|\S*[\d./_=@]\S*"
                     r"|\w+(?:-\w+)+|\b[A-Z][A-Z_]+\b")


def _english_words() -> set[str]:
    """The words of the English help, less the syllables Vietnamese writes without a mark
    ("điều tra", "cho"), which the English quotes too: those of the message catalogue's
    Vietnamese that its English does not write."""
    from parindex._base.i18n import MESSAGES

    def words(texts: Iterable[str]) -> set[str]:
        return {w.lower() for text in texts for w in _ascii_words(text)}

    syllables = words(MESSAGES["vi"].values()) - words(MESSAGES["en"].values())
    return words(english for _, english, _ in _english_and_vietnamese()) - syllables


def _ascii_words(text: str) -> list[str]:
    """The words of ``text`` written in plain ASCII letters, but its syntax."""
    return [w for w in re.findall(r"\w{2,}", _SYNTAX.sub(" ", text))
            if w.isascii() and w.isalpha()]


def test_vietnamese_help_fits_80_columns_and_leaves_no_english(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    english = _english_words()
    # Names and values the Vietnamese help writes as the English does.
    english -= {"plugin", "json", "toml", "csv", "html", "svg", "markdown", "word", "monte",
                "carlo", "ci", "ascii", "nfc", "readme", "todo", "par", "index", "overlay",
                "parindex", "pytest", "lang", "lc", "all", "vi", "en", "exclude", "full",
                "zero", "lead", "support", "corrects", "population", "commune", "district",
                "department", "province", "true", "false", "reproduce", "sensitivity"}
    # Vietnamese syllables that are English words too ("So sánh", "In ra", "điều tra"), or
    # that English messages quote ("không phát sinh", in an annex's notes).
    english -= {"so", "in", "tra", "to", "an", "do", "con", "ban", "sinh", "the"} - {"the"}
    assert {"framework", "the", "file", "unit", "band"} <= english
    for path in _commands():
        text = _vietnamese_help(path, capsys)
        assert text.startswith(f"Cách dùng: {' '.join(path)}"), path
        assert "Tùy chọn:" in text and "Hiện hướng dẫn này rồi thoát." in text
        for line in text.splitlines():
            assert len(line) <= 80, (path, line)
        # The usage line and the commands' names are typed as they are.
        said = re.sub(r"(?m)^Cách dùng: .*$|^  [a-z-]+(?=  )", "", text)
        said = re.sub(r"-\n\s+", "-", said)  # click breaks a long option after a hyphen
        left = sorted({w for w in _ascii_words(said) if w.lower() in english})
        assert not left, (path, left)
        for common in (" the ", " of ", " and ", " or ", " is ", " with ", " default"):
            assert common not in text, (path, common)
        # A decimal default in the reader's style (click writes a default as given).
        assert not re.search(r"mặc\s+định:\s+\d+\.\d", text), path


def test_lang_may_stand_before_or_after_the_command(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    for name in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    vietnamese = "Chấm điểm một bản đánh giá FILE"
    for args in (["--lang", "vi", "score", "--help"], ["score", "--lang", "vi", "--help"],
                 ["score", "--help", "--lang", "vi"], ["score", "--lang=vi", "--help"],
                 ["import", "--lang", "vi", "assessment", "--help"]):
        assert main(args) == 0
        out = capsys.readouterr().out
        assert vietnamese in out or "Ghi phiếu chấm điểm SHEET" in out, args
        assert "Usage:" not in out and "Options:" not in out
    assert main(["score", "--help"]) == 0
    out = capsys.readouterr().out
    assert "Score one assessment FILE" in out and "Show this message and exit." in out
    # The locale, and --lang en over it.
    monkeypatch.setenv("LANG", "vi_VN.UTF-8")
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    assert "Lệnh:" in out and "Chấm điểm một bản đánh giá FILE" in out
    assert main(["--lang", "en", "--help"]) == 0
    out = capsys.readouterr().out
    assert "Commands:" in out and "Score one assessment FILE" in out


def test_lang_given_to_the_group_is_the_commands(capsys: pytest.CaptureFixture[str]) -> None:
    from parindex import example_path

    assert main(["--lang", "vi", "score", str(example_path())]) == 0
    assert "78,636 / 100" in capsys.readouterr().out
    assert main(["--lang", "en", "score", str(example_path())]) == 0
    assert "78.636 / 100" in capsys.readouterr().out


def test_version_in_either_language(monkeypatch: pytest.MonkeyPatch,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    from importlib.metadata import version

    monkeypatch.setenv("LC_ALL", "C")
    for args, said in ((["--version"], "parindex, version "),
                       (["--version", "--lang", "vi"], "parindex, phiên bản "),
                       (["--lang", "vi", "--version"], "parindex, phiên bản ")):
        assert main(args) == 0
        assert capsys.readouterr().out == said + version("parindex") + "\n"
