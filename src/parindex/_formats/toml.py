"""Framework and assessment TOML files: read exactly, write back losslessly.

Numbers are read with ``tomllib``'s ``parse_float=Decimal`` and written with tomli-w,
so ``load → dump → load`` is the identity. Nothing read from a file is executed.
Errors collect every problem in a file, each with its line, key and criterion code.
"""

from __future__ import annotations

import difflib
import enum
import importlib.resources
import re
import tomllib
import types
from collections.abc import Callable, Iterable, Mapping
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any, TypeVar, overload

import attrs
import tomli_w

from .._base.errors import (
    AssessmentError,
    FrameworkError,
    Origin,
    ParindexError,
    PluginError,
    Problem,
    key_parts,
)
from .._base.files import read_bytes
from .._base.model import (
    CONVENTIONS,
    FRAMEWORK_ID,
    MAX_DEPTH,
    MAX_NODES,
    NOT_ARISING,
    Assessment,
    Band,
    BandBasis,
    Framework,
    GivenPoints,
    IndexKind,
    LegalBasis,
    Node,
    NodeKind,
    NotArisingPolicy,
    Params,
    PRINTED_FIGURES,
    Provenance,
    Publication,
    Published,
    PublishedRank,
    RankBasis,
    Rule,
    Status,
    method_name,
    nfc,
    ranking_name,
)
from .._base.numbers import NumberError, Rounding, to_decimal
from .._base.i18n import Alternatives, Count, Sentence, reason, written_note
from .._base.text import has_control
from .._engine.rules import BUILTIN_KINDS, check_params
from .._plugins.registry import bind

E = TypeVar("E", bound=enum.Enum)

_RANK = re.compile(r"^\s*(\d+)\s*(?:/\s*(\d+))?\s*$")


def rank_problem(position: int, of: str | int | None) -> str | None:
    """What is wrong with a printed rank ``position/of``, if anything (ranks start at 1
    and a unit cannot be placed after the last)."""
    if position < 1:
        return Sentence("e_rank_start")
    if of is not None and int(of) < position:
        return Sentence("e_rank_beyond", rank=position, of=int(of))
    return None


def parse_toml(text: str, path: Path | None, error: type[ParindexError]) -> dict[str, Any]:
    try:
        return tomllib.loads(text.removeprefix("\ufeff"), parse_float=Decimal)
    except tomllib.TOMLDecodeError as exc:
        found = re.search(r"line (\d+)", str(exc))
        line = int(found.group(1)) if found else None
        problems = _explain_syntax_error(text, line, str(exc)) if line else []
        raise error([p.located(path) for p in problems] if problems else Problem(
            Sentence("e_toml_invalid", detail=syntax_detail(exc)), path=path,
            line=line)) from None
    except RecursionError:
        # tomllib recurses into nested arrays and inline tables.
        raise error(Problem(Sentence("e_nest_deep"), path=path)) from None


#: tomllib's sentences (a fixed set, in CPython's ``Lib/tomllib/_parser.py``), each with the
#: catalogue key that says it; the key's English is tomllib's own text.
_TOMLLIB_SAYS = tuple((re.compile(pattern, re.DOTALL), key) for pattern, key in (
    ("Invalid statement", "toml_invalid_statement"),
    ("Expected newline or end of document after a statement", "toml_newline"),
    ("Expected '=' after a key in a key/value pair", "toml_expected_equals"),
    (r"Expected '\]' at the end of a table declaration", "toml_table_end"),
    (r"Expected '\]\]' at the end of an array declaration", "toml_array_end"),
    (r"Expected (?P<what>'.*'|\".*\")", "toml_expected"),
    ("Found invalid character (?P<char>.+)", "toml_invalid_char"),
    ("Cannot declare (?P<name>.+) twice", "toml_declare_twice"),
    ("Cannot overwrite a value", "toml_overwrite"),
    ("Cannot mutate immutable namespace (?P<name>.+)", "toml_immutable"),
    ("Cannot redefine namespace (?P<name>.+)", "toml_redefine"),
    ("Invalid initial character for a key part", "toml_key_start"),
    ("Unclosed array", "toml_unclosed_array"),
    ("Duplicate inline table key (?P<name>.+)", "toml_duplicate_inline"),
    ("Unclosed inline table", "toml_unclosed_inline"),
    (r"Unescaped '\\' in a string", "toml_backslash"),
    ("Invalid hex value", "toml_hex"),
    ("Escaped character is not a Unicode scalar value", "toml_scalar"),
    ("Unterminated string", "toml_unterminated"),
    ("Illegal character (?P<char>.+)", "toml_illegal_char"),
    ("Invalid date or datetime", "toml_date"),
    ("Invalid value", "toml_value"),
))
_TOMLLIB_AT = re.compile(r"(.*) \(at (?:line (\d+), column (\d+)|end of document)\)",
                         re.DOTALL)


def syntax_detail(error: ValueError) -> Sentence:
    """What tomllib says about a file that is not TOML, as a catalogue sentence (said in the
    reader's language, where it stopped included); a sentence of another shape (a later
    Python's) is quoted as tomllib's original text.

    >>> try:
    ...     tomllib.loads("a = 1\\nb")
    ... except tomllib.TOMLDecodeError as error:
    ...     detail = syntax_detail(error)
    >>> print(detail)
    Expected '=' after a key in a key/value pair (at end of document)
    >>> print(detail.said("vi"))
    cần dấu '=' sau khóa trong cặp khóa = giá trị (ở cuối tệp)
    """
    text = str(error)
    at = _TOMLLIB_AT.fullmatch(text)
    said = at.group(1) if at else text
    for pattern, key in _TOMLLIB_SAYS:
        found = pattern.fullmatch(said)
        if found:
            sentence = Sentence(key, **found.groupdict())
            break
    else:
        return Sentence("quoted_tomllib", detail=text)
    if at is None:
        return sentence
    return sentence + (Sentence("toml_at", line=int(at.group(2)), column=int(at.group(3)))
                       if at.group(2) else Sentence("toml_at_end"))


#: Tables whose keys are criterion codes (a problem there names the code).
_CODE_TABLES = frozenset({"points", "self_assessed", "comments", "published", "inputs",
                          "criteria"})
#: ``key = 0,8``: a number written with a decimal comma (a TOML syntax error).
_COMMA_VALUE = re.compile(
    r'((?:"(?:[^"\\]|\\.)*"|\'[^\']*\'|[A-Za-z0-9_.-]+)(?:\s*\.\s*(?:"(?:[^"\\]|\\.)*"'
    r'|\'[^\']*\'|[A-Za-z0-9_-]+))*)\s*=\s*([+-]?\d+),(\d+)(?![\d.])')


#: ``key = 01`` or ``key = .5``: numbers as people type them, which TOML refuses.
_LOOSE_NUMBER = re.compile(_COMMA_VALUE.pattern.split(r"\s*=\s*")[0]
                           + r"\s*=\s*([+-]?)(?:(0+)(\d[\d.]*)|(\.\d+))\s*(?:#.*)?$")


def _comma_problems(lines: list[str]) -> list[_SyntaxProblem]:
    """Every line whose value is a number with a decimal comma (all at once, not the
    first only: a table typed from a Vietnamese document has them on every line)."""
    problems = []
    for number, source in enumerate(lines, 1):
        # At the start of a line only: "98,5" inside a string is text, not a number.
        comma = _COMMA_VALUE.match(source.strip())
        if comma is None:
            continue
        keys = key_parts(comma.group(1))
        written = f"{comma.group(2)},{comma.group(3)}"
        problems.append(_SyntaxProblem(
            Sentence("n_decimal_comma", value=written,
                     fixed=f"{comma.group(2)}.{comma.group(3)}"),
            number, (*_table_at(lines, number), *keys)))
    return problems


def _explain_syntax_error(text: str, line: int, detail: str) -> list[_SyntaxProblem]:
    """Clear messages for the TOML mistakes people make typing published figures.

    tomllib says where it stopped, not why; these mistakes are common enough to name:
    a decimal comma (``"1.1.2" = 0,8``, as Vietnamese documents print numbers), a
    leading zero or a bare decimal point (``01``, ``.5``), and a key given twice.
    """
    lines = text.splitlines()
    if not 0 < line <= len(lines):
        return []
    source = lines[line - 1]
    table = _table_at(lines, line)
    commas = _comma_problems(lines)
    if any(problem.line == line for problem in commas):
        return commas
    loose = _LOOSE_NUMBER.match(source.strip())
    if loose is not None:
        sign, zeros, rest, bare = loose.group(2, 3, 4, 5)
        fixed = sign + (("0" if rest.startswith(".") else "") + rest if zeros else "0" + bare)
        written = sign + (zeros + rest if zeros else bare)
        why = Sentence("why_leading_zero" if zeros else "why_bare_point")
        return [_SyntaxProblem(Sentence("e_loose_number", written=written, why=why,
                                        fixed=fixed), line,
                               (*table, *key_parts(loose.group(1))))]
    if "Cannot overwrite a value" in detail or "twice" in detail:
        earlier = Origin.scan("\n".join(lines[:line - 1]), None).lines
        key = re.match(r'^\s*((?:"(?:[^"\\]|\\.)*"|\'[^\']*\'|[A-Za-z0-9_.\s-])+?)\s*=',
                       source)
        header = re.match(r"^\s*\[+([^\]]+)\]", source)
        if key is not None:
            full = (*table, *key_parts(key.group(1)))
        elif header is not None:
            full = key_parts(header.group(1))
        else:
            return []
        first = earlier.get(full)
        twice = (Sentence("e_given_twice_first", line=first) if first
                 else Sentence("e_given_twice"))
        return [_SyntaxProblem(twice, line, full)]
    return []


@attrs.frozen
class _SyntaxProblem:
    message: str
    line: int
    keys: tuple[str, ...]

    def located(self, path: Path | None) -> Problem:
        problem = Origin(path).problem(self.message, *self.keys)
        code = None
        if len(self.keys) > 1 and self.keys[0] in _CODE_TABLES:
            # [criteria."3.4.1"] max, [inputs] "3.4.1".on_time: the code is the second part.
            code = self.keys[1] if self.keys[0] in ("criteria", "inputs") else self.keys[-1]
            if self.keys[0] == "published" and code in _PUBLISHED_SPECIAL:
                code = None  # published.total is a figure, not a criterion
        return attrs.evolve(problem, line=self.line, code=code)


def _table_at(lines: list[str], line: int) -> tuple[str, ...]:
    """The table a line belongs to (the last header above it)."""
    for raw in reversed(lines[:line - 1]):
        stripped = raw.strip()
        if stripped.startswith("[["):
            return key_parts(stripped[2:stripped.find("]]")])
        if stripped.startswith("["):
            return key_parts(stripped[1:stripped.find("]")])
    return ()


def read_text(path: str | Path, error: type[ParindexError]) -> tuple[str, Path]:
    path = Path(path)
    data = read_bytes(path, error)  # refuses a FIFO, a device, a directory, a huge file
    try:
        return data.decode("utf-8-sig"), path
    except UnicodeDecodeError as exc:
        # Usually a file saved in a legacy Vietnamese code page (TCVN3, VNI, Windows-1258).
        line = exc.object[:exc.start].count(b"\n") + 1
        raise error(Problem(Sentence("e_not_utf8", byte=exc.start),
                            path=path, line=line)) from None


def read_toml(path: str | Path, error: type[ParindexError]) -> tuple[dict[str, Any], Origin]:
    """A TOML file's data (numbers exact) and the line of each key, for any parindex file.

    :raises error: the file is missing, not UTF-8, or not valid TOML; with its line.
    """
    text, path = read_text(path, error)
    return parse_toml(text, path, error), Origin.scan(text, path)


def unknown_keys(data: Mapping[str, Any], allowed: Iterable[str], origin: Origin,
                  *table: str) -> list[Problem]:
    allowed = list(allowed)
    problems = []
    for key in data:
        if key not in allowed:
            close = difflib.get_close_matches(key, allowed, n=1)
            unknown = (Sentence("e_unknown_key_close", close=repr(close[0])) if close
                       else Sentence("e_unknown_key_allowed", allowed=tuple(allowed)))
            problems.append(origin.problem(unknown, *table, key))
    return problems


class Collector:
    """Gathers problems while reading, so a file reports all of them at once."""

    def __init__(self, origin: Origin) -> None:
        self.origin = origin
        self.problems: list[Problem] = []

    def add(self, message: str, *path: str, code: str | None = None) -> None:
        self.problems.append(self.origin.problem(message, *path, code=code))

    def get(self, data: Mapping[str, Any], key: str, kind: type | tuple[type, ...],
            *table: str, required: bool = True, code: str | None = None) -> Any:
        if key not in data:
            if required:
                self.add(Sentence("e_missing"), *table, key, code=code)
            return None
        value = data[key]
        if isinstance(value, bool) and kind is not bool or not isinstance(value, kind):
            self.add(Sentence("e_expected_got", kind=_kind_name(kind), value=_shown(value)),
                     *table, key, code=code)
            return None
        if isinstance(value, str):
            control = has_control(value)
            if control is not None:
                # A NUL or an ESC in a name breaks every table, terminal and document.
                self.add(Sentence("e_control", control=control), *table, key, code=code)
                return None
            return value.strip()
        return value

    @overload
    def enum(self, data: Mapping[str, Any], key: str, enum: type[E], default: E,
             *table: str) -> E: ...

    @overload
    def enum(self, data: Mapping[str, Any], key: str, enum: type[E], default: None,
             *table: str) -> E | None: ...

    def enum(self, data: Mapping[str, Any], key: str, enum: type[E], default: E | None,
             *table: str) -> E | None:
        value = self.get(data, key, str, *table, required=False)
        if value is None:
            return default
        try:
            return enum(value)
        except ValueError:
            self.add(Sentence("e_not_one_of", value=repr(value),
                              options=tuple(repr(m.value) for m in enum)), *table, key)
            return default

    def codes(self, table: Mapping[str, Any], *where: str) -> Iterable[tuple[str, Any]]:
        """A code-keyed table's entries with each code normalised (NFC, no spaces).

        Two keys that differ only in spaces or Unicode form are the same code: TOML takes
        them as two keys, so one of them would silently replace the other. Reported.
        """
        seen: dict[str, str] = {}
        for raw, value in table.items():
            code = nfc(raw)
            if code in seen:
                self.add(Sentence("e_same_code", code=repr(raw), first=repr(seen[code])),
                         *where, raw, code=code)
                continue
            seen[code] = raw
            yield code, value

    def number(self, value: Any, *path: str, code: str | None = None) -> Decimal | None:
        try:
            return to_decimal(value)
        except NumberError as exc:
            self.add(reason(exc), *path, code=code)
            return None


def _shown(value: Any) -> str:
    """A value in a message as its TOML file writes it (not as Python's repr)."""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dict):
        return Sentence("kind_table")
    if isinstance(value, list):
        return Sentence("kind_array")
    if isinstance(value, date):
        return value.isoformat()
    return repr(value)


def _kind_name(kind: type | tuple[type, ...]) -> Alternatives:
    names = {str: "text", int: "whole", dict: "table", list: "array", Decimal: "number",
             date: "date"}
    kinds = kind if isinstance(kind, tuple) else (kind,)
    return Alternatives(Sentence(f"kind_{names[k]}") if k in names else k.__name__
                        for k in kinds)


# --- frameworks -----------------------------------------------------------------------------

_FRAMEWORK_KEYS = (
    "id", "name", "name_en", "level", "first_year", "last_year", "decimals", "not_arising",
    "band_basis", "band_method", "ranking", "rank_by", "tie_break", "derived_from",
    "legal_basis", "sources", "provenance", "bands", "criteria", "publication", "scale",
    "index_kind",
)
_NODE_KEYS = ("name", "name_en", "max", "kind", "parent", "not_arising", "rule", "status",
              "source", "note", "unitemized")
#: Keys of a node's ``rule`` table besides the kind's own parameters.
_RULE_KEYS = ("kind", "status", "source", "note")
#: The parameters of the built-in rule kinds (see :mod:`parindex._engine.rules`).
_RULE_PARAMS = ("input", "numerator", "denominator", "floor", "cap", "target", "decimals",
                "steps", "otherwise", "per", "inputs", "weights", "rounding", "answers",
                "respondents")
_STEP_KEYS = ("min", "points")
_ANSWER_KEYS = ("input", "label", "points")
_NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_BAND_KEYS = ("name", "name_en", "min", "status", "source", "note")
_PROVENANCE_KEYS = ("status", "source", "note")
FACTS = ("legal_basis", "years", "not_arising", "band_basis", "band_method", "decimals",
          "ranking", "rank_by", "tie_break", "scale")


def load_framework(path: str | Path) -> Framework:
    """Read a framework TOML file.

    :raises FrameworkError: listing every problem with its line, key and code.
    """
    text, path = read_text(path, FrameworkError)
    return loads_framework(text, path=path)


def frameworks_in(package: str | types.ModuleType, folder: str = "frameworks") -> list[Framework]:
    """Load every ``*.toml`` framework in a folder of a package: the usual plugin body.

    >>> from parindex import hookimpl, frameworks_in
    >>> @hookimpl
    ... def parindex_frameworks():
    ...     return frameworks_in("parindex_thua_thien_hue")
    """
    root = importlib.resources.files(package) / folder
    paths = sorted((Path(str(p)) for p in root.iterdir() if p.name.endswith(".toml")),
                   key=lambda p: p.name)
    if not paths:
        raise PluginError(Problem(Sentence("fw_no_files", folder=folder, package=package)))
    return [load_framework(path) for path in paths]


def loads_framework(text: str, *, path: Path | None = None) -> Framework:
    """Read a framework from TOML text (``path`` is only used in messages)."""
    data = parse_toml(text, path, FrameworkError)
    return framework_from_dict(data, Origin.scan(text, path))


def framework_from_dict(data: Mapping[str, Any], origin: Origin | None = None) -> Framework:
    """Build a framework from the structure of its TOML file (see the file format docs)."""
    origin = origin or Origin(None)
    if "criteria" not in data and ("points" in data or "unit" in data):
        # One clear message rather than one "unknown key" per assessment key.
        raise FrameworkError(origin.problem(Sentence("fw_is_assessment"),
                                            "points" if "points" in data else "unit"))
    c = Collector(origin)
    c.problems += unknown_keys(data, _FRAMEWORK_KEYS, origin)
    sources = c.get(data, "sources", dict, required=False) or {}
    for key, citation in sources.items():
        if not isinstance(citation, str):
            c.add(Sentence("e_citation_text"), "sources", key)

    provenance = provenance_reader(c, sources)
    facts = c.get(data, "provenance", dict, required=False) or {}
    c.problems += unknown_keys(facts, FACTS, origin, "provenance")
    fact_provenance = {}
    for fact, table in facts.items():
        if isinstance(table, dict) and fact in FACTS:
            c.problems += unknown_keys(table, _PROVENANCE_KEYS, origin, "provenance", fact)
            fact_provenance[fact] = provenance(table, "provenance", fact)

    legal = c.get(data, "legal_basis", dict) or {}
    c.problems += unknown_keys(legal, [f.name for f in attrs.fields(LegalBasis)], origin,
                                "legal_basis")
    legal_basis = LegalBasis(
        decision=c.get(legal, "decision", str, "legal_basis") or "?",
        date=c.get(legal, "date", date, "legal_basis", required=False),
        title=c.get(legal, "title", str, "legal_basis", required=False),
        issuer=c.get(legal, "issuer", str, "legal_basis", required=False),
        replaces=c.get(legal, "replaces", str, "legal_basis", required=False),
    )

    bands = read_bands(c, c.get(data, "bands", list) or [], provenance)

    criteria = _criteria(c, c.get(data, "criteria", dict) or {}, provenance)
    tops_max = [n.max for n in criteria if n.kind in (NodeKind.CRITERION, NodeKind.SURVEY)]
    if tops_max and all(m is not None and m == 0 for m in tops_max):
        # Checked on files (a framework written by hand), not on objects built in code.
        c.add(Sentence("fw_all_zero"), "criteria")
    index_bands(c, bands, data.get("band_basis", "index"))
    ranking = read_method_name(c, data, "ranking", "competition")
    band_method = read_method_name(c, data, "band_method", "minimum")
    derived_from = c.get(data, "derived_from", str, required=False)

    tie_break = c.get(data, "tie_break", list, required=False) or []
    if any(not isinstance(code, str) for code in tie_break):
        c.add(Sentence("fw_tie_break_text"), "tie_break")
        tie_break = []
    first_year = c.get(data, "first_year", int)
    decimals = c.get(data, "decimals", int, required=False)
    framework_id, name = c.get(data, "id", str), c.get(data, "name", str)
    name_en, level = c.get(data, "name_en", str, required=False), c.get(data, "level", str)
    last_year = c.get(data, "last_year", int, required=False)
    publication = (publication_from_dict(c, data["publication"], provenance, "publication")
                   if "publication" in data else Publication())
    scale = _scale(c, data)
    # Read before the check below, so that a misspelt value is an error, never the default.
    band_basis = c.enum(data, "band_basis", BandBasis, BandBasis.INDEX)
    not_arising = c.enum(data, "not_arising", NotArisingPolicy, NotArisingPolicy.EXCLUDE)
    index_kind = c.enum(data, "index_kind", IndexKind, IndexKind.PAR_INDEX)
    rank_by = c.enum(data, "rank_by", RankBasis, RankBasis.TOTAL)
    if c.problems:
        raise FrameworkError(c.problems)
    try:
        framework = Framework(
            id=framework_id,
            name=name,
            name_en=name_en,
            level=level,
            legal_basis=legal_basis,
            first_year=first_year,
            last_year=last_year,
            criteria=criteria,
            bands=bands,
            decimals=2 if decimals is None else decimals,
            ranking=ranking_name(ranking),
            band_method=band_method,
            derived_from=derived_from,
            tie_break=tie_break,
            provenance=fact_provenance,
            sources={nfc(k): nfc(v) for k, v in sources.items()},
            publication=publication,
            scale=scale,
            band_basis=band_basis,
            not_arising=not_arising,
            index_kind=index_kind,
            rank_by=rank_by,
        )
    except FrameworkError as exc:
        # Locate the model's own checks in the file.
        raise FrameworkError(
            attrs.evolve(p, path=origin.path,
                         line=p.line or (origin.line(*key_parts(p.key)) if p.key else None)
                         or (origin.line("criteria", p.code) if p.code else None))
            for p in exc.problems) from None
    # Names of plugins' rule kinds and methods are resolved once, here, into the objects
    # the framework carries: scoring never looks them up.
    return bind(framework)


_PUBLICATION_KEYS = ("rounding", "decimals", "band_bounds", "decide_on", "status", "source",
                     "note", "provenance")


def publication_from_dict(c: Collector, table: Any, provenance: Callable[..., Provenance],
                          *where: str) -> Publication:
    """A ``[publication]`` table: the publisher's conventions, each with its provenance.

    ``status``, ``source`` and ``note`` of the table apply to every convention it
    declares; ``[publication.provenance.<convention>]`` gives one its own.
    """
    if not isinstance(table, dict):
        c.add(Sentence("fw_publication_table"), *where)
        return Publication()
    c.problems += unknown_keys(table, _PUBLICATION_KEYS, c.origin, *where)
    declared = [key for key in CONVENTIONS if key in table]
    own = c.get(table, "provenance", dict, *where, required=False) or {}
    c.problems += unknown_keys(own, [k for k in CONVENTIONS if k in declared], c.origin,
                                *where, "provenance")
    shared = provenance(table, *where) if "status" in table or any(
        k not in own for k in declared) else None
    provenances = {}
    for key in declared:
        if key in own and isinstance(own[key], dict):
            c.problems += unknown_keys(own[key], _PROVENANCE_KEYS, c.origin, *where,
                                        "provenance", key)
            provenances[key] = provenance(own[key], *where, "provenance", key)
        elif shared is not None:
            provenances[key] = shared
    rounding = c.enum(table, "rounding", Rounding, Rounding.HALF_UP, *where)
    decimals: dict[str, int] = {}
    for figure, places in (c.get(table, "decimals", dict, *where, required=False)
                           or {}).items():
        if figure not in PRINTED_FIGURES:
            c.add(Sentence("fw_not_printed_figure", figure=repr(figure),
                           figures=PRINTED_FIGURES), *where, "decimals", figure)
        elif not isinstance(places, int) or isinstance(places, bool) or not 0 <= places <= 9:
            c.add(Sentence("fw_decimal_places"), *where, "decimals", figure)
        else:
            decimals[figure] = places
    choices = {"band_bounds": ("inclusive", "strict"), "decide_on": ("exact", "published")}
    values: dict[str, Any] = {}
    for key, allowed in choices.items():
        value = c.get(table, key, str, *where, required=False)
        if value is None:
            continue
        if value not in allowed:
            c.add(Sentence("e_not_one_of", value=repr(value),
                           options=tuple(map(repr, allowed))), *where, key)
        else:
            values[key] = value
    return Publication(rounding=rounding, decimals=decimals, provenance=provenances, **values)


def publication_to_dict(publication: Publication) -> dict[str, Any] | None:
    """The ``[publication]`` table of a publication (``None``: nothing declared)."""
    if not publication.provenance:
        return None
    return _drop_none({
        "rounding": publication.rounding.value if "rounding" in publication.provenance
        else None,
        "decimals": dict(publication.decimals) or None,
        "band_bounds": publication.band_bounds if "band_bounds" in publication.provenance
        else None,
        "decide_on": publication.decide_on if "decide_on" in publication.provenance
        else None,
        "provenance": {key: _drop_none({"status": p.status.value, "source": p.source,
                                        "note": p.note})
                       for key, p in publication.provenance.items()},
    })
def _scale(c: Collector, data: Mapping[str, Any]) -> Decimal:
    """The declared scale (``scale = 100`` unless the framework says otherwise)."""
    if "scale" not in data:
        return Decimal(100)
    value = c.number(data["scale"], "scale")
    if value is not None and value <= 0:
        c.add(Sentence("fw_not_a_scale", value=value), "scale")
        return Decimal(100)
    return Decimal(100) if value is None else value


def unitemized(c: Collector, table: Mapping[str, Any], where: tuple[str, ...],
               code: str) -> Decimal | None:
    """A node's ``unitemized`` key: the known gap between its maximum and its items'."""
    if "unitemized" not in table:
        return None
    value = c.number(table["unitemized"], *where, "unitemized", code=code)
    if value is not None and value == 0:
        c.add(Sentence("fw_unitemized_zero"), *where, "unitemized", code=code)
        return None
    return value


def provenance_reader(c: Collector, sources: Mapping[str, Any]) -> Callable[..., Provenance]:
    """Reads ``status``, ``source`` and ``note`` of a table; sources must be known keys."""

    def provenance(table: Mapping[str, Any], *path: str, code: str | None = None) -> Provenance:
        status = c.enum(table, "status", Status, Status.UNKNOWN, *path)
        if "status" not in table:
            c.add(Sentence("e_status_missing"),
                  *path, "status", code=code)
        source = c.get(table, "source", str, *path, required=False, code=code)
        if source is None and status is not Status.UNKNOWN and "status" in table:
            c.add(Sentence("e_needs_source", status=Sentence(f"value_{status.value}")), *path,
                  "source", code=code)
        if source is not None and source not in sources:
            close = difflib.get_close_matches(source, list(sources), n=1)
            wrong = Sentence("e_not_a_source", source=repr(source))
            if close:
                wrong += Sentence("e_did_you_mean", close=repr(close[0]))
            c.add(wrong, *path, "source", code=code)
        note = c.get(table, "note", str, *path, required=False)
        # A note parindex wrote (import framework, import overlay) is said in the reader's
        # language; one a person wrote stays as written.
        return Provenance(status, source, None if note is None else written_note(note))

    return provenance


def read_bands(c: Collector, tables: list[Any], provenance: Callable[..., Provenance]) -> list[Band]:
    bands = []
    for i, table in enumerate(tables):
        where = ("bands", str(i))
        if not isinstance(table, dict):
            c.add(Sentence("fw_band_table"), *where)
            continue
        c.problems += unknown_keys(table, _BAND_KEYS, c.origin, *where)
        minimum = number_or_unknown(c, table, "min", where)
        prov = provenance(table, *where)
        check_unknown_consistency(c, minimum, table, prov, where, "min")
        bands.append(Band(c.get(table, "name", str, *where) or "?", minimum, prov,
                          c.get(table, "name_en", str, *where, required=False)))
    return bands


def read_method_name(c: Collector, data: Mapping[str, Any], key: str, default: str) -> str:
    """A ranking or band method's name: built in, or registered by a plugin."""
    value = c.get(data, key, str, required=False)
    if value is None:
        return default
    if not _NAME.match(value):
        c.add(Sentence("fw_method_name", value=repr(value), default=repr(default)), key)
        return default
    return str(value)


def read_rule(c: Collector, table: Any, where: tuple[str, ...], code: str,
          maximum: Decimal | None, provenance: Callable[..., Provenance]) -> Rule | None:
    """A leaf's ``rule`` table: its kind, the kind's parameters, and its provenance."""
    where = (*where, "rule")
    if not isinstance(table, dict):
        c.add(Sentence("fw_rule_table"), *where, code=code)
        return None
    kind_name = c.get(table, "kind", str, *where, code=code)
    if kind_name is None:
        return None
    prov = provenance(table, *where, code=code)
    params = Params({k: v for k, v in table.items() if k not in _RULE_KEYS})
    if kind_name == "unknown" and "status" in table and prov.status is not Status.UNKNOWN:
        c.add(Sentence("fw_kind_unknown_status", status=repr(prov.status.value)), *where,
              "status", code=code)
    if kind_name != "unknown" and prov.status is Status.UNKNOWN and "status" in table:
        c.add(Sentence("fw_status_unknown_rule", kind=repr(kind_name)), *where, "status",
              code=code)
    builtin = {k.name: k for k in BUILTIN_KINDS}
    if kind_name in builtin:
        for message in check_params(builtin[kind_name], params, maximum):
            key = message.partition(": ")[0]
            if key in params:
                c.add(message.removeprefix(key + ": "), *where, key, code=code)
            else:
                c.add(message, *where, code=code)
    elif not _NAME.match(kind_name):
        c.add(Sentence("fw_not_a_kind", kind=repr(kind_name), kinds=tuple(sorted(builtin))),
              *where, "kind", code=code)
    # Other names are kinds that plugins register; the registry checks them.
    return Rule(kind_name, params, prov)


def number_or_unknown(c: Collector, table: Mapping[str, Any], key: str,
                       where: tuple[str, ...], code: str | None = None) -> Decimal | None:
    if key not in table:
        c.add(Sentence("fw_number_or_unknown"), *where, key, code=code)
        return None
    value = table[key]
    if value == "unknown":
        return None
    number = c.number(value, *where, key, code=code)
    if number is not None and number < 0:
        c.add(Sentence("fw_negative", value=number), *where, key, code=code)
        return None  # reported here, with its line; the node must not refuse it again
    return number


def check_unknown_consistency(c: Collector, value: Decimal | None, table: Mapping[str, Any],
                               prov: Provenance, where: tuple[str, ...], key: str,
                               code: str | None = None) -> None:
    if key not in table or "status" not in table:
        return
    if value is None and table[key] == "unknown" and prov.status is not Status.UNKNOWN:
        c.add(Sentence("fw_value_unknown_status", name=key, status=repr(prov.status.value)),
              *where, "status", code=code)
    if value is not None and prov.status is Status.UNKNOWN:
        c.add(Sentence("fw_status_unknown_value", name=key, value=value), *where, "status",
              code=code)


#: Problems of one kind reported at most (a generated file may repeat a fault 10,000 times).
_MAX_SAME_PROBLEMS = 20


def _parents_are_a_tree(c: Collector, fields: Mapping[str, Mapping[str, Any]]) -> bool:
    """Follow each node's parents up, without recursion: a node its own parent, a loop
    (A under B under A) and a chain deeper than :data:`MAX_DEPTH` are errors naming the
    codes (a loop is otherwise never reached from the top and silently dropped)."""
    depth: dict[str, int] = {}  # 1 for a top-level node
    bad: set[str] = set()
    too_deep: str | None = None
    for start in fields:
        path: list[str] = []
        on_path: dict[str, int] = {}
        code: str | None = start
        while code is not None and code in fields and code not in depth and code not in bad:
            if code in on_path:
                loop = path[on_path[code]:]
                if len(loop) == 1:
                    c.add(Sentence("fw_own_parent"), "criteria", code, "parent", code=code)
                else:
                    c.add(Sentence("fw_parent_chain", chain=" → ".join([*loop, code])),
                          "criteria", loop[0], code=loop[0])
                break
            on_path[code] = len(path)
            path.append(code)
            code = fields[code]["parent"]
        if code is not None and (code in bad or code in on_path):
            bad.update(path)  # in a loop, or under one: reported once, at the loop
            continue
        base = depth.get(code, 0) if code is not None else 0
        for offset, node in enumerate(reversed(path), 1):
            depth[node] = base + offset
            if depth[node] > MAX_DEPTH and too_deep is None:
                too_deep = node
    if too_deep is not None:
        c.add(Sentence("fw_too_deep", depth=depth[too_deep], max=MAX_DEPTH),
              "criteria", too_deep, code=too_deep)
    return not bad and too_deep is None


def index_bands(c: Collector, bands: Iterable[Band], basis: object) -> None:
    """On an index basis, a band minimum above 100 can never be reached: an error in a
    file (objects built in code may use any threshold)."""
    if basis != "index":
        return
    for number, band in enumerate(bands):
        if band.min is not None and band.min > 100:
            c.add(Sentence("fw_band_above_index", band=band.name, min=band.min),
                  "bands", str(number), "min")


def _criteria(c: Collector, table: Mapping[str, Any],
              provenance: Callable[..., Provenance]) -> list[Node]:
    """Build the tree from the flat ``[criteria."code"]`` tables (parent from the code)."""
    if not table:
        c.add(Sentence("fw_no_criteria"), "criteria")
        return []
    fields: dict[str, dict[str, Any]] = {}
    children: dict[str | None, list[str]] = {}
    for raw_code, node in table.items():
        code = nfc(raw_code)
        where = ("criteria", code)
        if not isinstance(node, dict):
            c.add(Sentence("fw_criterion_table"), *where, code=code)
            continue
        c.problems += unknown_keys(node, _NODE_KEYS, c.origin, *where)
        parent = c.get(node, "parent", str, *where, required=False, code=code)
        if parent is None and "." in code:
            parent = code.rsplit(".", 1)[0]
        fields[code] = dict(node, parent=parent)
        children.setdefault(parent, []).append(code)
    if len(fields) > MAX_NODES:
        c.add(Sentence("fw_too_many", count=Count(len(fields)), max=Count(MAX_NODES)),
              "criteria")
        return []
    for parent in children:
        if parent is not None and parent not in fields:
            for code in children[parent][:_MAX_SAME_PROBLEMS]:
                c.add(Sentence("fw_parent_undefined", parent=repr(parent)), "criteria", code,
                      code=code)
    if not _parents_are_a_tree(c, fields):
        return []  # a loop or a chain too deep: building would never end or exhaust the stack

    def build(code: str, inherited: NodeKind | None, trail: tuple[str, ...]) -> Node:
        node = fields[code]
        where = ("criteria", code)
        kind = c.enum(node, "kind", NodeKind, inherited or NodeKind.CRITERION, *where)
        if inherited is not None and "kind" in node and kind is not inherited:
            c.add(Sentence("fw_kind_differs", kind=repr(kind.value),
                           parent=repr(inherited.value)), *where, "kind", code=code)
        maximum = number_or_unknown(c, node, "max", where, code)
        prov = provenance(node, *where, code=code)
        check_unknown_consistency(c, maximum, node, prov, where, "max", code)
        policy = c.enum(node, "not_arising", NotArisingPolicy, None, *where)
        rule = read_rule(c, node["rule"], where, code, maximum, provenance) if "rule" in node \
            else None
        if code in trail:
            c.add(Sentence("fw_parent_loops"), *where, code=code)
            kids: list[Node] = []
        else:
            kids = [build(k, kind, (*trail, code)) for k in children.get(code, [])]
        return Node(code=code, name=c.get(node, "name", str, *where, code=code) or "?",
                    name_en=c.get(node, "name_en", str, *where, required=False, code=code),
                    max=maximum, provenance=prov, kind=kind, children=kids,
                    not_arising=policy, rule=rule,
                    unitemized=unitemized(c, node, where, code))

    return [build(code, None, ()) for code in children.get(None, [])]


def framework_to_dict(framework: Framework) -> dict[str, Any]:
    """The TOML structure of a framework (inverse of :func:`framework_from_dict`)."""

    def prov(p: Provenance) -> dict[str, Any]:
        return _drop_none({"status": p.status.value, "source": p.source, "note": p.note})

    criteria: dict[str, Any] = {}
    parents = framework.parents
    for node in framework.walk():
        parent = parents[node.code]
        derived = node.code.rsplit(".", 1)[0] if "." in node.code else None
        criteria[node.code] = _drop_none({
            "name": node.name,
            "name_en": node.name_en,
            "parent": parent if parent != derived else None,
            "kind": node.kind.value if parent is None and node.kind is not NodeKind.CRITERION
            else None,
            "max": "unknown" if node.max is None else node.max,
            "not_arising": node.not_arising.value if node.not_arising else None,
            "rule": rule_to_dict(node.rule) if node.rule is not None else None,
            "unitemized": node.unitemized,
            **prov(node.provenance),
        })
    legal = attrs.asdict(framework.legal_basis)
    return _drop_none({
        "id": framework.id,
        "name": framework.name,
        "name_en": framework.name_en,
        "index_kind": framework.index_kind.value if framework.is_companion else None,
        "level": framework.level,
        "first_year": framework.first_year,
        "last_year": framework.last_year,
        "decimals": framework.decimals,
        "not_arising": framework.not_arising.value,
        "band_basis": framework.band_basis.value,
        "band_method": framework.band_method if framework.band_method != "minimum" else None,
        "ranking": method_name(framework.ranking),
        "rank_by": framework.rank_by.value,
        "tie_break": list(framework.tie_break),
        "derived_from": framework.derived_from,
        "scale": framework.scale if framework.scale != 100 else None,
        "legal_basis": _drop_none(legal),
        "sources": dict(framework.sources) or None,
        "provenance": {k: prov(v) for k, v in framework.provenance.items()} or None,
        "bands": [_drop_none({"name": b.name, "name_en": b.name_en,
                              "min": "unknown" if b.min is None else b.min, **prov(b.provenance)})
                  for b in framework.bands],
        "criteria": criteria,
        "publication": publication_to_dict(framework.publication),
    })


def rule_to_dict(rule: Rule) -> dict[str, Any]:
    """A rule as its TOML table: ``kind``, its parameters, then its provenance."""
    return _drop_none({"kind": rule.kind, **rule.params.thaw(), "status": rule.provenance.status.value,
                       "source": rule.provenance.source, "note": rule.provenance.note})


def dumps_framework(framework: Framework) -> str:
    """Framework as TOML text; :func:`loads_framework` reads it back equal."""
    return tomli_w.dumps(framework_to_dict(framework))


def _drop_none(table: Mapping[str, Any]) -> dict[str, Any]:
    return {k: _exact(v) for k, v in table.items() if v is not None}


def _exact(value: Any) -> Any:
    """Keep a number's printed precision: tomli-w writes ``Decimal("89")`` as ``89.0``."""
    if isinstance(value, Decimal) and value.as_tuple().exponent >= 0:  # type: ignore[operator]
        return int(value)
    if isinstance(value, dict):
        return {k: _exact(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_exact(v) for v in value]
    return value


# --- assessments ----------------------------------------------------------------------------

_ASSESSMENT_KEYS = ("framework", "unit", "group", "year", "source", "points", "inputs",
                    "self_assessed", "comments", "published")
_PUBLISHED_SPECIAL = ("total", "appraised", "survey", "index", "rank", "group_rank",
                      "rank_basis", "band")


def load_assessment(path: str | Path) -> Assessment:
    """Read an assessment TOML file.

    Only the file's own structure is checked here; :func:`parindex.score` checks it
    against its framework (codes, maxima) and cites the same lines.

    :raises AssessmentError: listing every problem with its line, key and code.
    """
    text, path = read_text(path, AssessmentError)
    return loads_assessment(text, path=path)


def loads_assessment(text: str, *, path: Path | None = None) -> Assessment:
    """Read an assessment from TOML text (``path`` is only used in messages)."""
    data = parse_toml(text, path, AssessmentError)
    return assessment_from_dict(data, Origin.scan(text, path))


def assessment_from_dict(data: Mapping[str, Any], origin: Origin | None = None) -> Assessment:
    """Build an assessment from the structure of its TOML file."""
    origin = origin or Origin(None)
    c = Collector(origin)
    if "points" not in data and ("criteria" in data or "base" in data):
        # One clear message rather than one per framework key.
        what, keys = (("overlay", "base") if "base" in data else ("framework", "criteria"))
        raise AssessmentError(origin.problem(
            Sentence("e_not_assessment", what=Sentence(f"what_{what}"), keys=repr(keys)),
            "id" if keys == "criteria" and "id" in data else keys))
    c.problems += unknown_keys(data, _ASSESSMENT_KEYS, origin)
    framework = c.get(data, "framework", str)
    if framework is not None and not FRAMEWORK_ID.match(nfc(framework)):
        c.add(Sentence("e_framework_id", framework=repr(framework)), "framework")
    unit = c.get(data, "unit", str)
    if unit is not None and not unit:
        c.add(Sentence("e_unit_empty"), "unit")

    def points(table_name: str) -> dict[str, GivenPoints]:
        table = c.get(data, table_name, dict, required=table_name == "points") or {}
        result: dict[str, GivenPoints] = {}
        for code, value in c.codes(table, table_name):
            if isinstance(value, dict) and (dotted := _dotted_code(code, value)):
                c.add(Sentence("e_dotted_code", code=dotted),
                      table_name, *dotted.split("."), code=dotted)
                continue
            if isinstance(value, str) and value.strip().lower() == "x":
                result[code] = NOT_ARISING
                continue
            number = c.number(value, table_name, code, code=code)
            if number is not None:
                result[code] = number
        return result

    appraised = points("points")
    inputs = _inputs(c, c.get(data, "inputs", dict, required=False) or {})
    self_assessed = points("self_assessed")
    comments = {}
    for code, comment in c.codes(c.get(data, "comments", dict, required=False) or {},
                                 "comments"):
        if isinstance(comment, str):
            comments[code] = nfc(comment)
        else:
            c.add(Sentence("e_comment_text"), "comments", code, code=code)
    published = _published(c, c.get(data, "published", dict, required=False) or {})
    year = c.get(data, "year", int)
    group = c.get(data, "group", str, required=False)
    source = c.get(data, "source", str, required=False)
    if c.problems:
        raise AssessmentError(c.problems)
    return Assessment(
        framework=framework, unit=unit, year=year, group=group or None, points=appraised,
        inputs=inputs, self_assessed=self_assessed, comments=comments, published=published,
        source=source, origin=origin,
    )


def _dotted_code(code: str, value: Mapping[str, Any]) -> str | None:
    """``3.4.1`` when an unquoted ``3.4.1 = ...`` was read as ``{"3": {"4": {"1": ...}}}``."""
    if "." in code:
        return None  # a quoted code given a table: not a dotted key
    parts = [code]
    while isinstance(value, dict):
        if len(value) != 1:
            return None
        [(key, value)] = value.items()
        parts.append(key)
    return ".".join(parts)


def _inputs(c: Collector, table: Mapping[str, Any]) -> dict[str, dict[str, Decimal | bool]]:
    """``[inputs]``: reported figures by code, each a table of named numbers or yes/no."""
    inputs: dict[str, dict[str, Decimal | bool]] = {}
    for code, figures in c.codes(table, "inputs"):
        if not isinstance(figures, dict):
            c.add(Sentence("e_inputs_table"), "inputs", code, code=code)
            continue
        values: dict[str, Decimal | bool] = {}
        for name, value in figures.items():
            if isinstance(value, bool):
                values[name] = value
                continue
            number = c.number(value, "inputs", code, name, code=code)
            if number is not None:
                values[name] = number
        inputs[code] = values
    return inputs


def _published(c: Collector, table: Mapping[str, Any]) -> Published:
    values: dict[str, Any] = {}
    codes: dict[str, Decimal] = {}
    for key, value in c.codes(table, "published"):
        if key in ("rank", "group_rank"):
            text = str(value) if isinstance(value, int) and not isinstance(value, bool) else value
            match = _RANK.match(text) if isinstance(text, str) else None
            if match is None:
                c.add(Sentence("e_not_a_rank", value=repr(value)), "published", key)
            elif wrong := rank_problem(int(match.group(1)), match.group(2)):
                c.add(repr(value) + ": " + wrong, "published", key)
            else:
                values[key] = PublishedRank(int(match.group(1)),
                                            int(match.group(2)) if match.group(2) else None)
        elif key == "band":
            if isinstance(value, str):
                values[key] = value
            else:
                c.add(Sentence("e_band_text"), "published", key)
        elif key == "rank_basis":
            if value in ("total", "appraised", "index"):
                values[key] = value
            else:
                c.add(Sentence("e_rank_basis"), "published", key)
        else:
            number = c.number(value, "published", key, code=None if key in _PUBLISHED_SPECIAL
                              else key)
            if number is not None:
                (values.__setitem__(key, number) if key in _PUBLISHED_SPECIAL
                 else codes.__setitem__(key, number))
    return Published(points=codes, **values)


def assessment_to_dict(assessment: Assessment) -> dict[str, Any]:
    """The TOML structure of an assessment (inverse of :func:`assessment_from_dict`)."""

    def points(table: Mapping[str, GivenPoints]) -> dict[str, Any] | None:
        return {k: "x" if v is NOT_ARISING else _exact(v) for k, v in table.items()} or None

    p = assessment.published
    published = _drop_none({
        **p.points,
        "total": p.total, "appraised": p.appraised, "survey": p.survey, "index": p.index,
        "rank": str(p.rank) if p.rank else None,
        "group_rank": str(p.group_rank) if p.group_rank else None,
        "rank_basis": p.rank_basis, "band": p.band,
    })
    return _drop_none({
        "framework": assessment.framework,
        "unit": assessment.unit,
        "group": assessment.group,
        "year": assessment.year,
        "source": assessment.source,
        "points": points(assessment.points) or {},
        "inputs": {code: {name: _exact(v) for name, v in figures.items()}
                   for code, figures in assessment.inputs.items()} or None,
        "self_assessed": points(assessment.self_assessed),
        "comments": dict(assessment.comments) or None,
        "published": published or None,
    })


def dumps_assessment(assessment: Assessment) -> str:
    """Assessment as TOML text; :func:`loads_assessment` reads it back equal."""
    return tomli_w.dumps(assessment_to_dict(assessment))


def sniff(path: str | Path) -> str:
    """``"framework"``, ``"overlay"`` or ``"assessment"``, from a TOML file's keys."""
    text, path = read_text(path, ParindexError)
    data = parse_toml(text, path, ParindexError)
    if "base" in data:
        return "overlay"
    if "criteria" in data or "bands" in data:
        return "framework"
    if "points" in data or "unit" in data:
        return "assessment"
    raise ParindexError(Problem(Sentence("e_neither_file"), path=path))
