"""Conformance checks: is a framework fit to score with, and fit to publish?

:func:`check_conformance` runs every check on a framework (or on a framework file, so
that faults the model refuses to build, such as a code declared twice or overlapping bands,
are reported too) and returns a :class:`ConformanceReport`. Each finding has a severity:

``error``
    the framework is wrong (codes declared twice, maxima that do not add up and whose gap
    is not declared with ``unitemized``, top-level maxima that do not make the declared
    scale, bands that overlap or leave a gap, a number without a source, a source
    cited but not listed, a status that contradicts its value, years out of range). Always
    fails.
``unfinished``
    a placeholder left by ``parindex new-plugin`` (text containing ``TODO``) that a real
    source must replace, a fact whose provenance does not say what it rests on, or a
    survey block left out, or a value with status ``assumed`` (a user's working
    hypothesis). Fails in strict mode only, so that a new plugin passes its tests at once
    and its CI can demand that every placeholder and assumption be replaced by a source
    before it is published.
``note``
    reported, never fails: every unknown (what no source gives), and gaps between a
    node's maximum and its items' that the node declares (``unitemized = 1.0``).

The pytest plugin (:mod:`parindex.testing.pytest_plugin`), ``parindex.testing``'s
``check_framework`` and the command line all use these checks.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal

import attrs

from .._base.errors import FileError, FrameworkError, Origin, ParindexError, Problem, key_parts
from .._base.files import read_bytes
from .._base.i18n import Sentence, figure, listed, message, say
from .._base.model import FRAMEWORK_ID, BandBasis, Framework, NodeKind, Provenance, Status
from .._base.numbers import to_decimal
from .._engine.rules import BUILTIN_KINDS, check_params
from .._formats.toml import FACTS, framework_from_dict, syntax_detail

_BUILTIN_RULES = {kind.name: kind for kind in BUILTIN_KINDS}

#: A placeholder that a real source must replace (written by ``parindex new-plugin``).
PLACEHOLDER = re.compile(r"\bTODO\b")

Severity = Literal["error", "unfinished", "note"]

#: The checks, in the order they run, with what each one checks.
CHECKS: dict[str, str] = {
    "file": "the framework file reads and builds",
    "codes": "criterion codes are unique and well formed",
    "maxima": "items' maxima add up to their parent's, or the parent declares the exact gap "
              "(unitemized = ...)",
    "scale": "the top-level maxima (appraised + survey, with or without bonus less penalty) "
             "make the declared scale (100 unless scale = ... says otherwise), and a survey "
             "block is not missing",
    "bands": "bands are named once, start at 0, strictly decrease and stay in range",
    "provenance": "every number and fact has a status, and a source where the status needs one",
    "rules": "scoring rules, ranking and band methods are registered and well formed",
    "placeholders": "no placeholder (TODO) is left",
    "assumptions": "no value rests on a working hypothesis (status assumed)",
    "years": "the years and the decision's date are plausible",
    "unknowns": "what no source gives is listed",
    "plugins": "the plugin that provides the framework registers it cleanly: every "
               "parindex_* function is a marked hook, and no other plugin provides the "
               "same id",
}

# The PAR INDEX is scored on 100 points (appraised part + sociological survey).
_SCALE = Decimal(100)
_FIRST_YEAR = 2000  # provincial PAR indices began in the 2010s; earlier is a typing slip
_CODE = re.compile(r"^[^\s.]+(?:\.[^\s.]+)*$")
_DUPLICATE = re.compile(r"^[ \t]*\[[ \t]*criteria\s*\.\s*(\"(?:[^\"\\]|\\.)*\"|'[^']*'|[\w-]+)\s*\]",
                        re.MULTILINE)


@attrs.frozen
class ConformanceFinding:
    """One finding of a conformance check.

    :param check: the check's name (a key of :data:`CHECKS`).
    :param severity: ``error``, ``unfinished`` or ``note``.
    :param message: what is wrong, or what is reported, in one sentence.
    :param key: where in the framework file, e.g. ``criteria."3".max`` or ``sources.qd``.
    :param code: the criterion code concerned, when there is one.
    :param line: the line in the framework file, when checked from a file.
    """

    check: str
    severity: Severity
    message: str
    key: str | None = None
    code: str | None = None
    line: int | None = None

    def text(self, lang: str = "en") -> str:
        """The finding in one line (where, then what), in ``lang`` (``vi`` or ``en``)."""
        where = self.key or (f"criteria.{_quote(self.code)}" if self.code else "")
        if self.line:
            where = message(lang, "at_line", line=self.line) + (f": {where}" if where else "")
        what = say(self.message, lang)
        return f"{where}: {what}" if where else what

    def __str__(self) -> str:
        return self.text()


@attrs.frozen
class ConformanceReport:
    """What :func:`check_conformance` found.

    ``str(report)`` is the readable report: a verdict, then every finding grouped by
    severity, each with its check, key and line.

    :param framework_id: the framework checked (as far as it could be read).
    :param strict: whether ``unfinished`` findings fail.
    :param findings: every finding, in the order of :data:`CHECKS`.
    :param path: the file checked, if any.
    """

    framework_id: str | None
    strict: bool
    findings: tuple[ConformanceFinding, ...]
    path: Path | None = None

    def of(self, severity: Severity) -> tuple[ConformanceFinding, ...]:
        """The findings of one severity."""
        return tuple(f for f in self.findings if f.severity == severity)

    @property
    def errors(self) -> tuple[ConformanceFinding, ...]:
        return self.of("error")

    @property
    def unfinished(self) -> tuple[ConformanceFinding, ...]:
        """Placeholders and unsupported facts, to resolve before publishing."""
        return self.of("unfinished")

    @property
    def notes(self) -> tuple[ConformanceFinding, ...]:
        return self.of("note")

    @property
    def failures(self) -> tuple[ConformanceFinding, ...]:
        """The findings that fail: errors, and in strict mode the unfinished ones."""
        return self.errors + (self.unfinished if self.strict else ())

    @property
    def ok(self) -> bool:
        """Whether the framework passes (no failures)."""
        return not self.failures

    def text(self, lang: str = "en") -> str:
        """The readable report in ``lang`` (``vi`` or ``en``)."""
        name = self.framework_id or (str(self.path) if self.path else "framework")
        counts = ", ".join(message(lang, f"count_{s}", count=len(self.of(s)))
                           for s in ("error", "unfinished", "note"))
        lines = [message(lang, "conformance_of", framework=name,
                         mode=message(lang, "strict" if self.strict else "not_strict"),
                         verdict=message(lang, "passes" if self.ok else "fails"),
                         counts=counts)]
        for severity in ("error", "unfinished", "note"):
            found = self.of(severity)
            if found:
                lines.append(message(lang, f"title_{severity}"))
                lines += [f"  [{f.check}] {f.text(lang)}" for f in found]
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.text()


def check_conformance(framework: Framework | str | Path, *,
                      strict: bool = False) -> ConformanceReport:
    """Run every conformance check (see :data:`CHECKS`) on a framework.

    :param framework: a :class:`~parindex.Framework`, the path of a framework TOML file,
        or the id of an installed framework. A file that does not read or build is
        reported, not raised: codes declared twice, overlapping bands and missing statuses
        are findings like any other, and the rest of the file is checked as far as it can
        be read.
    :raises UnknownFrameworkError: for an id that no installed plugin provides.
    :param strict: fail on ``unfinished`` findings too (placeholders left from
        ``parindex new-plugin``, facts without a source): for CI before publishing.

    >>> import parindex
    >>> report = parindex.check_conformance(parindex.get_framework("thua-thien-hue/commune/2022"))
    >>> report.ok, len(report.errors)
    (True, 0)
    >>> print(report.notes[0])
    criteria.3: items' maxima add up to 13.5, not to the maximum 14.5 (difference 1.0); unitemized = 1.0 declares it
    """
    if isinstance(framework, str | Path) and FRAMEWORK_ID.match(str(framework)) \
            and not Path(framework).exists():
        from .._plugins.registry import get_framework, registry

        framework_id = str(framework)
        if framework_id in registry().conflicts:
            # Not served, so not checkable: the conflict is the finding.
            return ConformanceReport(framework_id, strict, tuple(_conflict(framework_id)))
        framework = get_framework(framework_id)
    if not isinstance(framework, Framework):
        return _check_file(Path(framework), strict)
    findings: list[ConformanceFinding] = []
    for check in (_codes, _maxima, _scale, _bands, _provenance, _rules, _placeholders,
                  _assumptions, _years, _unknowns):
        findings += list(check(framework))
    findings += list(_conflict(framework.id))
    return ConformanceReport(framework.id, strict, tuple(findings))


# --- plugin problems ------------------------------------------------------------------------


def _conflict(framework_id: str) -> Iterator[ConformanceFinding]:
    """The framework's id provided by more than one installed plugin."""
    from .._plugins.registry import registry

    providers = registry().conflicts.get(framework_id)
    if providers:
        names = listed((f"{p.distribution} ({p.name})" for p in providers), Sentence("and"))
        yield ConformanceFinding(
            "plugins", "error", Sentence("c_conflict", framework=framework_id, plugins=names),
            "id")


def _plugin_problems(path: Path) -> Iterator[ConformanceFinding]:
    """The failures of the installed plugin whose package holds a framework file."""
    import importlib.metadata
    import importlib.util

    from .._plugins.registry import GROUP, is_conflict, registry

    # A conflict is reported by _conflict, with the id's line.
    failed = {p.name: p for p in registry().plugins if p.status == "error" and p.error
              and not is_conflict(p.error)}
    try:
        where = path.resolve()
    except OSError:
        return
    for ep in importlib.metadata.entry_points(group=GROUP):
        info = failed.get(ep.name)
        if info is None:
            continue
        try:
            spec = importlib.util.find_spec(ep.module)
        except (ImportError, ValueError):
            continue
        roots = list(spec.submodule_search_locations or []) if spec else []
        if spec and spec.origin and not roots:
            roots = [str(Path(spec.origin).parent)]
        if any(where.is_relative_to(Path(root).resolve()) for root in roots):
            yield ConformanceFinding(
                "plugins", "error", Sentence("c_plugin_fails", name=repr(info.name),
                                             distribution=info.distribution, error=info.error))


# --- the checks ---------------------------------------------------------------------------


def _quote(code: str) -> str:
    return code if re.fullmatch(r"[A-Za-z0-9_-]+", code) else f'"{code}"'


def _node_key(code: str, key: str | None = None) -> str:
    return f"criteria.{_quote(code)}" + (f".{key}" if key else "")


def _check_file(path: Path, strict: bool) -> ConformanceReport:
    """Check a framework file, reporting what stops it from building and, as far as the
    rest of the file allows, everything else too (one pass fixes every fault)."""
    try:
        text = read_bytes(path).decode("utf-8-sig")
    except FileError as exc:
        finding = ConformanceFinding("file", "error", Sentence(
            "c_cannot_read", path=path, why=exc.problem.message))
        return ConformanceReport(None, strict, (finding,), path)
    except UnicodeDecodeError as exc:
        finding = ConformanceFinding("file", "error", Sentence(
            "c_cannot_read", path=path, why=Sentence("e_not_utf8", byte=exc.start)))
        return ConformanceReport(None, strict, (finding,), path)
    findings: list[ConformanceFinding] = []
    duplicates = _duplicate_tables(text)
    for code, lines in duplicates.items():
        findings.append(ConformanceFinding(
            "codes", "error", Sentence("c_code_twice", code=code, lines=tuple(lines)),
            key=_node_key(code), code=code, line=lines[1]))
    # Set the repeated tables aside (same line numbers) so the rest can still be read.
    lines_of = text.splitlines(keepends=True)
    for number, (_, lines) in enumerate(duplicates.items()):
        for line in lines[1:]:
            lines_of[line - 1] = f"[_duplicate_{number}_{line}]\n"
    text = "".join(lines_of)
    try:
        data = tomllib.loads(text, parse_float=Decimal)
    except tomllib.TOMLDecodeError as exc:
        findings.append(ConformanceFinding(
            "file", "error", Sentence("e_toml_invalid", detail=syntax_detail(exc))))
        return ConformanceReport(None, strict, tuple(findings), path)
    for key in [k for k in data if k.startswith("_duplicate_")]:
        del data[key]
    origin = Origin.scan(text, path)
    if "base" in data:
        return _check_overlay(path, text, origin, findings, strict)
    try:
        framework = framework_from_dict(data, origin)
    except FrameworkError as exc:
        findings += _salvage(data, origin, exc)
        if not any(f.severity == "error" for f in findings):
            # The file does not build, so it cannot pass, whatever the salvage found.
            findings += [ConformanceFinding("file", "error", p.message, key=p.key, code=p.code,
                                            line=p.line) for p in exc.problems]
        framework_id = data.get("id") if isinstance(data.get("id"), str) else None
        findings += list(_plugin_problems(path))
        return ConformanceReport(framework_id, strict, tuple(findings), path)
    report = check_conformance(framework, strict=strict)
    findings += list(_plugin_problems(path))
    # The checks ran on the built object, which knows no lines: find each key in the file.
    located = tuple(attrs.evolve(f, line=_line_of(origin, f.key)) if f.line is None else f
                    for f in report.findings)
    return attrs.evolve(report, findings=(*findings, *located), path=path)


def _check_overlay(path: Path, text: str, origin: Origin, findings: list[ConformanceFinding],
                   strict: bool) -> ConformanceReport:
    """Check an overlay file: the framework it derives from its installed base, with each
    finding at its line in the overlay where the overlay sets that key (e.g. an assumed
    value), else without a line (it comes from the base)."""
    from .._formats.overlay import apply_overlay, loads_overlay

    try:
        overlay = loads_overlay(text, path=path)
        derived = apply_overlay(overlay)
    except ParindexError as exc:
        findings += [ConformanceFinding("file", "error", p.message, key=p.key, code=p.code,
                                        line=p.line) for p in exc.problems]
        return ConformanceReport(None, strict, tuple(findings), path)
    report = check_conformance(derived, strict=strict)
    located = tuple(attrs.evolve(f, line=_overlay_line(origin, f.key))
                    if f.line is None else f for f in report.findings)
    return attrs.evolve(report, findings=(*findings, *located), path=path)


def _overlay_line(origin: Origin, key: str | None) -> int | None:
    """The line of a key the overlay itself writes (or of the node or band table holding
    it); ``None`` for what comes from the base."""
    if not key:
        return None
    parts = key_parts(key)
    for end in (len(parts), 2):
        if parts[:end] in origin.lines:
            return origin.lines[parts[:end]]
    return None


def _line_of(origin: Origin, key: str | None) -> int | None:
    """The line of a finding's key (or of its closest enclosing table) in the file read;
    for a key that is no table of its own (``criteria``), the first line under it."""
    if not key:
        return None
    parts = key_parts(key)
    line = origin.line(*parts)
    if line is None:
        under = [n for path, n in origin.lines.items() if path[:len(parts)] == parts]
        line = min(under, default=None)
    return line


def _salvage(data: dict[str, Any], origin: Origin,
             exc: FrameworkError) -> Iterator[ConformanceFinding]:
    """What the reader refused, then the checks that a repaired copy still allows.

    The copy drops the bands (checked here as written), the facts' provenances and the
    rules, and gives every node a placeholder provenance; so the tree's own faults (maxima
    that do not add up, codes) are reported in the same pass as the provenance faults.
    """
    # The bands' order and range (key "bands") are checked below, band by band.
    across_bands = [problem for problem in exc.problems if problem.key == "bands"]
    for problem in exc.problems:
        if problem.key != "bands":
            check, message = _classify(problem)
            yield ConformanceFinding(check, "error", message, key=problem.key,
                                     code=problem.code, line=problem.line)
    bands: list[tuple[str, Decimal | None]] = []
    raw_bands = data.get("bands")
    for table in raw_bands if isinstance(raw_bands, list) else []:
        if not isinstance(table, dict):
            continue
        value = table.get("min")
        try:
            minimum = None if value == "unknown" else to_decimal(value)
        except ValueError:
            minimum = None
        bands.append((str(table.get("name", "?")), minimum))
    basis = data.get("band_basis", "index")
    band_findings = [attrs.evolve(f, line=_line_of(origin, f.key)) for f in
                     _band_findings(bands, str(basis), _SCALE if basis == "index" else None)]
    yield from band_findings
    if not any(f.severity == "error" for f in band_findings):
        # Never let a refusal of the reader go unreported.
        yield from (ConformanceFinding("bands", "error", p.message, key=p.key, line=p.line)
                    for p in across_bands)
    repaired = dict(data, bands=[], provenance={}, tie_break=[],
                    sources={**(data.get("sources") or {}), "_salvage": "-"})
    criteria = data.get("criteria")
    if isinstance(criteria, dict):
        nodes = {}
        for code, table in criteria.items():
            if not isinstance(table, dict):
                continue
            unknown = table.get("max", "unknown") == "unknown"
            nodes[code] = {k: v for k, v in table.items() if k not in ("rule", "source")} | (
                {"status": "unknown"} if unknown else {"status": "read", "source": "_salvage"})
        repaired["criteria"] = nodes
    try:
        framework = framework_from_dict(repaired, origin)
    except FrameworkError:
        return  # the tree itself does not build: the problems above say why
    for run in (_codes, _maxima, _scale):
        for finding in run(framework):
            yield attrs.evolve(finding, line=finding.line or _line_of(origin, finding.key))


def _classify(problem: Problem) -> tuple[str, str]:
    message = problem.message
    if message == "code appears twice":
        return "codes", Sentence("c_code_declared_twice")
    if "source" in message or "status" in message:
        return "provenance", message
    if (problem.key or "").startswith("bands"):
        return "bands", message
    if "year" in (problem.key or ""):
        return "years", message
    return "file", message


def _duplicate_tables(text: str) -> dict[str, list[int]]:
    seen: dict[str, list[int]] = {}
    for match in _DUPLICATE.finditer(text):
        raw = match.group(1)
        code = raw[1:-1] if raw[0] in "\"'" else raw
        seen.setdefault(code, []).append(text.count("\n", 0, match.start()) + 1)
    return {code: lines for code, lines in seen.items() if len(lines) > 1}


def _codes(framework: Framework) -> Iterator[ConformanceFinding]:
    seen: dict[str, str] = {}
    for node in framework.walk():
        if not _CODE.match(node.code):
            yield ConformanceFinding("codes", "error",
                                     Sentence("c_code_form", code=repr(node.code)),
                                     _node_key(node.code),
                                     node.code)
        folded = node.code.casefold()
        if folded in seen:
            yield ConformanceFinding("codes", "error",
                                     Sentence("c_code_case", code=repr(node.code),
                                              other=repr(seen[folded])),
                                     _node_key(node.code), node.code)
        seen[folded] = node.code


def _maxima(framework: Framework) -> Iterator[ConformanceFinding]:
    mismatches = {m.code: m for m in framework.maxima_mismatches()}
    for mismatch in mismatches.values():
        node = framework.nodes[mismatch.code]
        if node.unitemized == mismatch.difference:
            yield ConformanceFinding("maxima", "note", mismatch.sentence + Sentence(
                "unitemized_declares", unitemized=node.unitemized), _node_key(node.code),
                node.code)
        elif node.unitemized is not None:
            yield ConformanceFinding(
                "maxima", "error",
                mismatch.sentence + Sentence("c_unitemized_says", unitemized=node.unitemized,
                                             difference=mismatch.difference),
                _node_key(node.code, "unitemized"), node.code)
        else:
            # A number in the note used to excuse the gap; a typo in a maximum then passed
            # unnoticed. Only an explicit key naming the exact difference excuses it now.
            yield ConformanceFinding(
                "maxima", "error",
                mismatch.sentence + Sentence("c_declare_gap", code=node.code,
                                             difference=mismatch.difference),
                _node_key(node.code),
                node.code)
    for node in framework.walk():
        if node.unitemized is not None and node.code not in mismatches:
            if not node.children or node.max is None \
                    or any(child.max is None for child in node.children):
                why = Sentence("c_why_no_items" if not node.children else "c_why_unknown")
            else:
                why = Sentence("c_why_adds_up")
            yield ConformanceFinding(
                "maxima", "error", Sentence("c_no_gap", unitemized=node.unitemized, why=why),
                _node_key(node.code, "unitemized"), node.code)


def _scale(framework: Framework) -> Iterator[ConformanceFinding]:
    if framework.is_companion:
        return  # PAPI (out of 80) and the 766 index have no survey block of their own
    parts = {kind: [n for n in framework.criteria if n.kind is kind] for kind in NodeKind}
    appraised, survey = parts[NodeKind.CRITERION], parts[NodeKind.SURVEY]
    if any(n.max is None for n in framework.criteria) or not (appraised or survey):
        return

    def total(kind: NodeKind) -> Decimal:
        return sum((n.max for n in parts[kind] if n.max is not None), Decimal(0))

    scale = framework.scale
    part, poll = total(NodeKind.CRITERION), total(NodeKind.SURVEY)
    bonus, penalty = total(NodeKind.BONUS), total(NodeKind.PENALTY)
    declared = Sentence("c_scale_declared" if scale != _SCALE else "c_scale_100")
    if not survey and part < scale:
        # Every PAR INDEX adds a sociological survey (70 + 30, 80 + 20, ...), as a block of
        # its own or inside the fields; fields short of the scale and no survey block mean
        # that the block was left out. Unfinished, not an error: its maximum may be unknown.
        yield ConformanceFinding(
            "scale", "unfinished",
            Sentence("c_no_survey", part=part, scale=scale, rest=scale - part), "criteria")
        return
    # Bonus and penalty usually lie outside the scale (100 + 10 bonus); a framework whose
    # scale counts them (110 = 100 + 10) declares scale = 110.
    if part + poll == scale or part + poll + bonus - penalty == scale:
        return
    split = (Sentence("c_split_survey", part=part, poll=poll) if survey
             else Sentence("c_split_fields", part=part))
    extra = listed((Sentence(key, value=value) for key, value in
                    (("c_plus_bonus", bonus), ("c_minus_penalty", penalty)) if value), "")
    shown = split + Sentence("c_equals", value=part + poll)
    if extra:
        shown += Sentence("c_with_extra", split=split, extra=extra,
                          value=part + poll + bonus - penalty)
    yield ConformanceFinding(
        "scale", "error", Sentence("c_scale", declared=declared, scale=scale, shown=shown),
        "scale" if scale != _SCALE else "criteria")


def _bands(framework: Framework) -> Iterator[ConformanceFinding]:
    ceiling = _SCALE if framework.band_basis is BandBasis.INDEX else framework.max
    yield from _band_findings([(b.name, b.min) for b in framework.bands],
                              framework.band_basis.value, ceiling)


def _band_findings(bands: list[tuple[str, Decimal | None]], basis: str,
                   ceiling: Decimal | None) -> Iterator[ConformanceFinding]:
    """Bands as (name, min), highest first: named once, in range, decreasing, down to 0."""
    if not bands:
        yield ConformanceFinding("bands", "note", Sentence("ranked_not_banded"), "bands")
        return
    names: set[str] = set()
    for i, (name, minimum) in enumerate(bands):
        key = f"bands.{i}"
        if name in names:
            yield ConformanceFinding("bands", "error", Sentence("c_band_repeats",
                                                                name=repr(name)), key)
        names.add(name)
        if minimum is not None and minimum < 0:
            yield ConformanceFinding("bands", "error", Sentence("c_band_negative", name=name,
                                                                min=minimum), f"{key}.min")
        if minimum is not None and ceiling is not None and minimum > ceiling:
            yield ConformanceFinding(
                "bands", "error", Sentence("c_band_above", name=name, min=minimum,
                                           basis=figure(basis), ceiling=ceiling),
                f"{key}.min")
    known = [(i, name, m) for i, (name, m) in enumerate(bands) if m is not None]
    for (_, upper, high), (j, lower, low) in zip(known, known[1:], strict=False):
        if low is not None and high is not None and low >= high:
            yield ConformanceFinding(
                "bands", "error", Sentence("c_bands_overlap", lower=lower, low=low,
                                           upper=upper, high=high), f"bands.{j}.min")
    last, lowest = bands[-1]
    if lowest is not None and lowest != 0:
        yield ConformanceFinding(
            "bands", "error", Sentence("c_lowest_band", band=last, min=lowest),
            f"bands.{len(bands) - 1}.min")


def _provenances(framework: Framework) -> Iterator[tuple[str, str | None, Provenance, bool]]:
    """(key, code, provenance, whether its value is known) of every number and fact."""
    for node in framework.walk():
        yield _node_key(node.code, "max"), node.code, node.provenance, node.max is not None
        if node.rule is not None:
            yield (_node_key(node.code, "rule"), node.code, node.rule.provenance,
                   node.rule.kind != "unknown")
    for i, band in enumerate(framework.bands):
        yield f"bands.{i}.min", None, band.provenance, band.min is not None
    for fact, provenance in framework.provenance.items():
        yield f"provenance.{fact}", None, provenance, True


def _provenance(framework: Framework) -> Iterator[ConformanceFinding]:
    facts = {key for key, *_ in _provenances(framework) if key.startswith("provenance.")}
    for key, code, prov, known in _provenances(framework):
        is_fact = key.startswith("provenance.")
        if prov.status is not Status.UNKNOWN and prov.source is None:
            yield ConformanceFinding("provenance", "error",
                                     Sentence("c_needs_source",
                                              status=Sentence(f"value_{prov.status.value}")),
                                     key, code)
        if prov.source is not None and prov.source not in framework.sources:
            yield ConformanceFinding("provenance", "error",
                                     Sentence("c_not_a_source", source=repr(prov.source)),
                                     key, code)
        if not is_fact and known and prov.status is Status.UNKNOWN:
            yield ConformanceFinding("provenance", "error",
                                     Sentence("c_unknown_given"), key, code)
        if not is_fact and not known and prov.status is not Status.UNKNOWN:
            yield ConformanceFinding("provenance", "error",
                                     Sentence("c_value_unknown",
                                              status=repr(prov.status.value)), key, code)
        if prov.status is Status.INFERRED and not prov.note:
            yield ConformanceFinding("provenance", "unfinished",
                                     Sentence("c_inferred_note"), key, code)
        if is_fact and prov.status is Status.UNKNOWN and not prov.note:
            yield ConformanceFinding("provenance", "unfinished",
                                     Sentence("c_fact_note"), key, code)
    for fact in FACTS:
        # The built-in band method is what a band's min means; another one needs a source.
        if fact == "band_method" and getattr(framework, "band_method", "minimum") == "minimum":
            continue
        # The 100-point scale is the national pattern; another scale is a fact to source.
        if fact == "scale" and framework.scale == _SCALE:
            continue
        if f"provenance.{fact}" not in facts:
            yield ConformanceFinding("provenance", "error",
                                     Sentence("c_no_provenance", fact=fact),
                                     f"provenance.{fact}")
    for key, citation in framework.sources.items():
        if not citation.strip():
            yield ConformanceFinding("provenance", "error", Sentence("c_empty_citation"),
                                     f"sources.{key}")


def _rules(framework: Framework) -> Iterator[ConformanceFinding]:
    # The names a framework uses must resolve among the installed plugins' registrations.
    from .._plugins.registry import names_findings, registry

    installed = registry()
    for key, code, message in names_findings(framework, installed.rule_kinds,
                                             installed.ranking_methods,
                                             installed.band_methods):
        # A rule's key quoted, so that the file's line is found for a dotted code like 1.2.
        yield ConformanceFinding("rules", "error", message,
                                 key if code is None else _node_key(code, "rule"), code)
    for node in framework.walk():
        rule = node.rule
        if rule is None or rule.kind not in _BUILTIN_RULES:
            continue  # a plugin's kinds are checked by names_findings above
        for message in check_params(_BUILTIN_RULES[rule.kind], rule.params, node.max):
            yield ConformanceFinding("rules", "error", message, _node_key(node.code, "rule"),
                                     node.code)


def _texts(framework: Framework) -> Iterator[tuple[str, str | None, str]]:
    """(key, code, text) of every text a person wrote in the framework."""
    yield "name", None, framework.name
    if framework.name_en:
        yield "name_en", None, framework.name_en
    legal = framework.legal_basis
    for field in ("decision", "title", "issuer", "replaces"):
        value = getattr(legal, field)
        if value:
            yield f"legal_basis.{field}", None, value
    for key, citation in framework.sources.items():
        yield f"sources.{key}", None, citation
    for fact, prov in framework.provenance.items():
        for part in ("source", "note"):
            if getattr(prov, part):
                yield f"provenance.{fact}.{part}", None, getattr(prov, part)
    for i, band in enumerate(framework.bands):
        for part, value in (("name", band.name), ("name_en", band.name_en),
                            ("note", band.provenance.note)):
            if value:
                yield f"bands.{i}.{part}", None, value
    for node in framework.walk():
        for part, value in (("name", node.name), ("name_en", node.name_en),
                            ("note", node.provenance.note),
                            ("rule.note", node.rule.provenance.note if node.rule else None)):
            if value:
                yield _node_key(node.code, part), node.code, value


def _placeholders(framework: Framework) -> Iterator[ConformanceFinding]:
    for key, code, text in _texts(framework):
        if PLACEHOLDER.search(text):
            shown = text if len(text) <= 90 else text[:87] + "..."
            yield ConformanceFinding("placeholders", "unfinished",
                                     Sentence("c_placeholder", text=repr(shown)),
                                     key, code)


def _assumptions(framework: Framework) -> Iterator[ConformanceFinding]:
    # A hypothesis is fine to score and plan with, never to publish as a result.
    for path in framework.assumptions():
        code = None
        if path.startswith("criteria."):
            code = path.removeprefix("criteria.").rsplit(".", 1)[0]
            key = _node_key(code, path.rsplit(".", 1)[1])
        elif path.startswith("bands."):
            name = path.removeprefix("bands.").removesuffix(".min")
            index = next(i for i, b in enumerate(framework.bands) if b.name == name)
            key = f"bands.{index}.min"
        else:
            key = f"provenance.{path}"
        yield ConformanceFinding("assumptions", "unfinished",
                                 Sentence("c_assumed"), key, code)


def _years(framework: Framework) -> Iterator[ConformanceFinding]:
    this_year = date.today().year
    first, last = framework.first_year, framework.last_year
    for key, year in (("first_year", first), ("last_year", last)):
        if year is not None and not _FIRST_YEAR <= year <= this_year + 10:
            yield ConformanceFinding("years", "error",
                                     Sentence("c_year", year=year, first=_FIRST_YEAR,
                                              last=this_year + 10), key)
    issued = framework.legal_basis.date
    if issued is not None and issued.year > (last if last is not None else first) + 1:
        yield ConformanceFinding(
            "years", "error", Sentence("c_decision_date", date=issued.isoformat(), first=first),
            "legal_basis.date")
    version = framework.id.rsplit("/", 1)[-1]
    match = re.match(r"^(\d{4})(?:\D|$)", version)
    if match and int(match.group(1)) != first:
        yield ConformanceFinding(
            "years", "error", Sentence("c_id_year", year=match.group(1), first=first), "id")


def _unknowns(framework: Framework) -> Iterator[ConformanceFinding]:
    for path in framework.unknowns():
        yield ConformanceFinding("unknowns", "note", Sentence("no_source"), path)
