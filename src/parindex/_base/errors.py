"""Typed errors. Every problem names where it is: file, line or row, key, criterion code."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import attrs

from .i18n import Sentence, listed, say

_KEY_PART = re.compile(r'"((?:[^"\\]|\\.)*)"|\'([^\']*)\'|([A-Za-z0-9_-]+)')


@attrs.frozen
class Problem:
    """One thing wrong with an input, located as precisely as the input allows.

    :param message: what is wrong, in one sentence.
    :param path: the file, when the input came from one.
    :param line: the 1-based line (TOML) or row (tables) in that file.
    :param key: the key or column, e.g. ``points."3.5.2"`` or ``Tổng điểm``.
    :param code: the criterion code concerned, when there is one.
    """

    message: str
    path: Path | None = None
    line: int | None = None
    key: str | None = None
    code: str | None = None

    def __str__(self) -> str:
        return str(self.sentence())

    def sentence(self) -> Sentence:
        """The problem as one :class:`~parindex._base.i18n.Sentence`: where it is (file and
        line, key, criterion) and the message, said in English by ``str()`` and in
        Vietnamese by ``say(problem.sentence(), "vi")``."""
        parts: list[tuple[str, Mapping[str, object]]] = []
        if self.path is not None:
            parts.append(("", {"text": str(self.path) + (f":{self.line}" if self.line else "")
                               + ": "}))
        elif self.line:
            parts.append(("problem_line", {"line": self.line}))
        if self.key is not None:  # a key worded by parindex (a Word table) is said too
            parts.extend(self.key.parts if isinstance(self.key, Sentence)
                         else (("", {"text": self.key}),))
        if self.code is not None and (self.key is None or self.code not in self.key):
            parts.append(("problem_criterion" if self.key is None else "problem_criterion_after",
                          {"code": self.code}))
        if self.key is not None or self.code is not None:
            parts.append(("", {"text": ": "}))
        return Sentence.joined(parts) + self.message

    def said(self, lang: str) -> str:
        """The problem in ``lang`` (``vi`` or ``en``)."""
        return say(self.sentence(), lang)


def key_parts(text: str) -> tuple[str, ...]:
    return tuple(unicodedata.normalize("NFC", a or b or c) for a, b, c in _KEY_PART.findall(text))


@attrs.frozen
class Origin:
    """Where an object was read from: the file and the line of each key, for messages."""

    path: Path | None
    lines: Mapping[tuple[str, ...], int] = attrs.field(factory=dict, repr=False)

    @classmethod
    def scan(cls, text: str, path: Path | None) -> Origin:
        """Find the line of every table header and key (a light scan, not a parser)."""
        lines: dict[tuple[str, ...], int] = {}
        table: tuple[str, ...] = ()
        arrays: dict[tuple[str, ...], int] = {}
        for number, raw in enumerate(text.splitlines(), 1):
            line = raw.strip()
            if line.startswith("[["):
                name = key_parts(line[2:line.find("]]")])
                arrays[name] = arrays.get(name, -1) + 1
                table = (*name, str(arrays[name]))
                lines.setdefault(table, number)
            elif line.startswith("["):
                table = key_parts(line[1:line.find("]")])
                lines.setdefault(table, number)
            elif "=" in line and not line.startswith("#"):
                match = re.match(r'^((?:"(?:[^"\\]|\\.)*"|\'[^\']*\'|[A-Za-z0-9_.\s-])+?)\s*=', line)
                if match:
                    lines.setdefault((*table, *key_parts(match.group(1))), number)
        return cls(path, lines)

    def line(self, *path: str) -> int | None:
        """The line of a key, else of its closest enclosing table."""
        for end in range(len(path), 0, -1):
            if path[:end] in self.lines:
                return self.lines[path[:end]]
        return None

    def problem(self, message: str, *path: str, code: str | None = None) -> Problem:
        key = ".".join(f'"{p}"' if not re.fullmatch(r"[A-Za-z0-9_-]+", p) else p
                       for p in path) or None
        return Problem(message, path=self.path, line=self.line(*path), key=key, code=code)


class ParindexError(Exception):
    """Base class of every error parindex raises on purpose.

    It carries one or more :class:`Problem`; ``str(error)`` lists them all, one per line,
    so a user fixes a file in one pass rather than one error at a time.
    """

    def __init__(self, problems: Problem | str | Iterable[Problem]) -> None:
        if isinstance(problems, str):
            problems = [Problem(problems)]
        elif isinstance(problems, Problem):
            problems = [problems]
        self.problems: tuple[Problem, ...] = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    @property
    def problem(self) -> Problem:
        """The first problem (most errors have exactly one)."""
        return self.problems[0]

    def said(self, lang: str) -> str:
        """Every problem in ``lang`` (``vi`` or ``en``), one per line."""
        return "\n".join(p.said(lang) for p in self.problems)

    def sentence(self) -> Sentence:
        """Every problem as one sentence, one per line (to quote this error in another)."""
        return listed((p.sentence() for p in self.problems), "\n")


class FrameworkError(ParindexError):
    """A framework file or object is malformed or inconsistent."""


class AssessmentError(ParindexError):
    """An assessment file or object is malformed, or does not fit its framework."""


class UnknownFrameworkError(ParindexError):
    """No installed plugin provides the framework id asked for."""


class MissingInformationError(ParindexError):
    """Scoring needs a value that no source establishes (an *unknown* in the framework).

    The message lists exactly what is missing and how to supply it.
    """


class PluginError(ParindexError):
    """A plugin failed to load or register, or two plugins conflict."""


class UnitNotFoundError(ParindexError, KeyError):
    """No unit, or more than one, answers to the name asked for (a ``KeyError`` too, for
    lookups by name such as :meth:`parindex.Ranking.unit`).

    :param candidates: the units' names (with their groups) that an ambiguous name matches,
        or the closest ones to a name that matches none.
    """

    def __init__(self, problems: Problem | str | Iterable[Problem],
                 candidates: Iterable[str] = ()) -> None:
        super().__init__(problems)
        self.candidates: tuple[str, ...] = tuple(candidates)

    def __str__(self) -> str:  # KeyError's would quote the message
        return self.said("en")


class MissingExtraError(ParindexError, ModuleNotFoundError):
    """An optional dependency is not installed; the message names the pip extra to install.

    Also a :class:`ModuleNotFoundError`, for code that catches that.
    """


@contextmanager
def needs_extra(package: str, extra: str = "report") -> Iterator[None]:
    """Turn a missing optional dependency into a :class:`MissingExtraError` naming the extra.

    >>> with needs_extra("no_such_module_here", "report"):
    ...     import no_such_module_here
    Traceback (most recent call last):
    ...
    parindex.MissingExtraError: this needs no_such_module_here, which is in parindex's report extra: pip install 'parindex[report]'
    """
    try:
        yield
    except ModuleNotFoundError as error:
        if error.name and error.name.split(".")[0] == package:
            missing = MissingExtraError(Problem(Sentence("e_extra", package=package,
                                                         extra=extra)))
            missing.name = error.name
            raise missing from error
        raise


#: Suffixes of results tables and sheets: a problem in one is located by row, not line.
TABLE_SUFFIXES = frozenset({".csv", ".tsv", ".xlsx", ".xlsm", ".xls", ".json", ".docx"})


def problem_to_dict(problem: Problem) -> dict[str, Any]:
    """One problem as JSON data: ``file``; ``line`` (a text file's) or ``row`` (a table's);
    ``key`` (for tables also as ``column``); ``code``; ``message``."""
    path = problem.path
    in_table = path is not None and Path(path).suffix.lower() in TABLE_SUFFIXES
    data: dict[str, Any] = {
        "file": None if path is None else str(path),
        "line": None if in_table else problem.line,
        "row": problem.line if in_table else None,
        "key": problem.key, "code": problem.code, "message": problem.message}
    if in_table:
        data["column"] = problem.key
    return data


class ArgumentError(ParindexError, ValueError):
    """An argument a caller gave is outside what the function accepts: a survey share
    outside the scale, a code that is not a top-level node, a number of draws out of
    range, a perturbation width off its grid.

    Also a :class:`ValueError`, for code that catches that.
    """


class FileError(ParindexError):
    """A file cannot be read or written as asked: not a regular file (a directory, FIFO
    or device), too large, an output that would replace an input, an unknown output
    format, a missing directory, a full disk."""


# Shown as parindex.FrameworkError etc. (where users import them from), not by the private
# module that defines them, in tracebacks, reprs and the docs.
for _error in (ParindexError, FrameworkError, AssessmentError, UnknownFrameworkError,
               MissingInformationError, PluginError, UnitNotFoundError, MissingExtraError,
               FileError, ArgumentError, Problem, Origin):
    _error.__module__ = "parindex"
del _error
