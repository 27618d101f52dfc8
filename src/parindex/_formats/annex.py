"""A decision's annex (the table of criteria and maxima) → a framework or an overlay.

The annex that issues a PAR index is a table in Word or Excel: STT, lĩnh vực / tiêu chí /
tiêu chí thành phần, điểm tối đa, and sometimes hướng dẫn chấm điểm and tài liệu kiểm
chứng. :func:`read_annex` reads it with the shared sheet reader (:mod:`.sheets`: title
rows, merged and two-row headers, codes in their own column or before the name) and
builds the tree from the codes; :func:`framework_from_annex` and
:func:`overlay_from_annex` write it as parindex's TOML, every number with status ``read``
and a source naming the decision and the annex file.

Nothing is silently fixed: maxima that do not add up are reported with the rows involved,
a row without a code or whose parent is missing is an error naming the row, and an
overlay that would contradict a sourced number of its base says so (``--override``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import tomli_w

from .._base.errors import FrameworkError, Problem
from .._base.i18n import Sentence
from .._base.model import FRAMEWORK_ID, Framework, NodeKind, Status, nfc
from .._base.numbers import NumberError, day_text, plain, to_decimal
from .sheets import Sheet, SheetRow, read_sheet, roman

#: A top-level row that is the sociological survey block (điều tra xã hội học).
_SURVEY = re.compile(r"điều tra xã hội học|khảo sát|mức độ hài lòng|sự hài lòng|"
                     r"chỉ số hài lòng|sipas", re.IGNORECASE)
#: Rows of bonus points (điểm thưởng / điểm cộng) and of deductions (điểm trừ).
_BONUS = re.compile(r"^điểm (?:thưởng|cộng)\b", re.IGNORECASE)
_PENALTY = re.compile(r"^điểm trừ\b", re.IGNORECASE)
#: The key under which the annex is cited in ``[sources]``.
SOURCE_KEY = "annex"
#: The key citing what the user gives as a working hypothesis (``--assumed``).
ASSUMPTION_KEY = "assumption"
ASSUMPTION = ("A working hypothesis given when importing the annex (parindex import "
              "--assumed), not printed in it: replace it with the decision's value before "
              "publishing.")


@attrs.frozen
class AnnexNode:
    """One row of an annex: a field, criterion or component.

    :param code: its code in the tree (``3.4.1``; Roman fields as numbers, lettered items
        beneath the numbered row above them, ``3.4.a``).
    :param printed: the code as printed (``II``, ``a``, ``3.4.1``).
    :param max: its maximum (``None`` when the cell is empty).
    :param row: the row in the sheet or Word table.
    """

    code: str
    printed: str
    name: str
    max: Decimal | None
    row: int
    kind: NodeKind = NodeKind.CRITERION
    guidance: str | None = None

    @property
    def parent(self) -> str | None:
        return self.code.rsplit(".", 1)[0] if "." in self.code else None


@attrs.frozen
class Annex:
    """An annex as read: its nodes in printed order, and the totals row, if printed."""

    path: Path
    nodes: tuple[AnnexNode, ...]
    title: tuple[str, ...] = ()
    total: tuple[Decimal, int] | None = None

    def node(self, code: str) -> AnnexNode | None:
        return next((n for n in self.nodes if n.code == code), None)

    def children(self, code: str | None) -> list[AnnexNode]:
        return [n for n in self.nodes if n.parent == code]

    def mis_sums(self) -> list[Problem]:
        """Parents whose items' maxima do not add up to theirs, and a printed total that
        the fields do not make: each with the rows involved, never fixed."""
        problems = []
        for node in self.nodes:
            kids = self.children(node.code)
            if not kids or node.max is None or any(k.max is None for k in kids):
                continue
            total = sum((k.max for k in kids if k.max is not None), Decimal(0))
            if total != node.max:
                rows = tuple(Sentence("a_row_item", row=k.row, printed=k.printed, max=k.max)
                             for k in kids if k.max is not None)
                problems.append(Problem(Sentence(
                    "a_maxima_sum", row=node.row, printed=node.printed, max=node.max,
                    rows=rows, total=total, difference=node.max - total, code=node.code),
                    path=self.path, line=node.row, code=node.code))
        tops = self.children(None)
        if self.total is not None and tops and all(t.max is not None for t in tops):
            value, row = self.total
            signed = sum(((-t.max if t.kind is NodeKind.PENALTY else t.max)
                          for t in tops if t.max is not None), Decimal(0))
            plain_sum = sum((t.max for t in tops if t.max is not None
                             and t.kind in (NodeKind.CRITERION, NodeKind.SURVEY)), Decimal(0))
            if value not in (signed, plain_sum):
                rows = tuple(Sentence("a_row_item", row=t.row, printed=t.printed, max=t.max)
                             for t in tops if t.max is not None)
                problems.append(Problem(Sentence("a_total_sum", total=value, rows=rows,
                                                 sum=plain_sum), path=self.path, line=row))
        return problems


def read_annex(path: str | Path) -> Annex:
    """Read an annex table: one node per coded row, the tree from the codes.

    :raises FrameworkError: no table with a name and a maximum column; a row without a
        code, a code given twice, a row whose parent is not in the table, a maximum that is
        not a number (every problem at once, each naming its row).
    """
    sheet = read_sheet(path, needs=("max",), error=FrameworkError)
    problems: list[Problem] = []
    nodes: list[AnnexNode] = []
    total: tuple[Decimal, int] | None = None
    field: str | None = None  # the Roman field the rows below belong to, as a number
    numbered: str | None = None  # the last numbered row, for lettered items beneath it
    seen: dict[str, int] = {}
    restarts = _numbering_restarts(sheet)
    for row in sheet.rows:
        maximum, problem = _maximum(sheet, row)
        if problem is not None:
            problems.append(problem)
        if row.total:
            if maximum is not None:
                total = (maximum, row.row)
            continue
        if row.code is None:
            problems.append(sheet.problem(Sentence("a_no_code", name=repr(row.name)), row.row))
            continue
        if row.code_kind == "roman":
            field = str(roman(row.code))
            code = field
        elif row.code_kind == "letter":
            if numbered is None:
                problems.append(sheet.problem(Sentence("a_letter_alone", code=row.code),
                                              row.row))
                continue
            code = f"{numbered}.{row.code.lower()}"
        else:
            code = row.code
            if field is not None and restarts.get(field, False):
                code = f"{field}.{code}"
            numbered = code
        if row.code_kind == "roman":
            numbered = code
        code = nfc(code)
        if code in seen:
            problems.append(sheet.problem(Sentence("a_code_twice", code=row.code,
                                                   first=seen[code], row=row.row),
                                          row.row, code=code))
            continue
        seen[code] = row.row
        kind = NodeKind.CRITERION
        if "." not in code:
            if _SURVEY.search(row.name):
                kind = NodeKind.SURVEY
            elif _BONUS.search(row.name):
                kind = NodeKind.BONUS
            elif _PENALTY.search(row.name):
                kind = NodeKind.PENALTY
        guidance = row.text("guidance") or None
        nodes.append(AnnexNode(code, row.code, row.name, maximum, row.row, kind, guidance))
    for node in nodes:
        if node.parent is not None and node.parent not in seen:
            problems.append(Problem(Sentence("a_no_parent", printed=node.printed,
                                             name=node.name, parent=node.parent),
                                    path=sheet.path, line=node.row, code=node.code))
    if problems:
        raise FrameworkError(problems)
    # Children take their field's kind (a survey's items are survey items).
    kinds: dict[str, NodeKind] = {}
    for i, node in enumerate(nodes):
        top = node.code.split(".")[0]
        kinds.setdefault(top, node.kind)
        if node.kind is not kinds[top]:
            nodes[i] = attrs.evolve(node, kind=kinds[top])
    return Annex(sheet.path, tuple(nodes), sheet.title, total)


def _numbering_restarts(sheet: Sheet) -> dict[str, bool]:
    """Per Roman field, whether the numbered rows beneath it restart at 1 (``I``, then
    ``1``, ``1.1``: they become ``1.1``, ``1.1.1``) rather than carry the field's number
    (``I``, then ``1.1``)."""
    result: dict[str, bool] = {}
    field: str | None = None
    for row in sheet.rows:
        if row.code_kind == "roman" and row.code is not None:
            field = str(roman(row.code))
            result[field] = False
        elif row.code_kind == "number" and field is not None and row.code is not None:
            if not (row.code == field or row.code.startswith(f"{field}.")):
                result[field] = True
    return result


def _maximum(sheet: Sheet, row: SheetRow) -> tuple[Decimal | None, Problem | None]:
    cell = row.cells.get("max")
    text = "" if cell is None else str(cell).strip()
    if text == "":
        return None, None
    if isinstance(cell, Decimal | int):
        return Decimal(cell), None
    compact = text.replace(" ", "").replace("\u00a0", "")
    try:
        return to_decimal(compact, decimal_comma=True), None
    except NumberError:
        return None, sheet.problem(Sentence("a_max_not_number", text=repr(text)), row.row,
                                   "max", code=row.code)


def _sum_of_items(annex: Annex, node: AnnexNode) -> Decimal | None:
    """A parent's maximum as its items' sum, when every item's is printed (or deduced)."""
    kids = annex.children(node.code)
    if not kids:
        return None
    total = Decimal(0)
    for kid in kids:
        value = kid.max if kid.max is not None else _sum_of_items(annex, kid)
        if value is None:
            return None
        total += value
    return total


# --- bands printed in the annex ---------------------------------------------------------------

#: Band names as decisions print them, the longest first (so that "Hoàn thành tốt nhiệm
#: vụ" is not read as "Tốt").
BAND_NAMES = ("Không hoàn thành nhiệm vụ", "Hoàn thành xuất sắc nhiệm vụ",
              "Hoàn thành tốt nhiệm vụ", "Hoàn thành nhiệm vụ", "Xuất sắc", "Trung bình",
              "Tốt", "Khá", "Yếu", "Kém")
_NUMBER = r"(\d+(?:[.,]\d+)?)"
_FROM = re.compile(r"(?:từ|≥|>=|trên hoặc bằng|bằng hoặc trên)\s*" + _NUMBER, re.IGNORECASE)
_BELOW = re.compile(r"(?:dưới|<)\s*" + _NUMBER, re.IGNORECASE)


def printed_bands(path: str | Path) -> list[dict[str, Any]]:
    """The bands (xếp loại) an annex prints beside its table, e.g. "Xuất sắc: từ 90 điểm
    trở lên", "Tốt: từ 80 đến dưới 90 điểm", "Yếu: dưới 50 điểm": as band tables citing
    the annex, highest first. Empty unless they make a whole scale (at least two bands,
    strictly decreasing, the lowest from 0): a partial reading is no reading."""
    from .sheets import read_grids

    path = Path(path)
    texts: list[str] = []
    if path.suffix.lower() == ".docx":
        import docx

        texts += [p.text for p in docx.Document(str(path)).paragraphs]
    for grid in read_grids(path):
        texts += [" ".join(str(c) for c in row if c is not None and str(c).strip())
                  for row in grid.cells]
    found: dict[str, tuple[Decimal, str]] = {}
    for text in texts:
        line = " ".join(text.split())
        head = re.sub(r"^[\W\d]*(?:[a-zđ]\)\s*)?(?:xếp loại|loại|mức)?\s*[\"“]?", "", line,
                      flags=re.IGNORECASE)
        name = next((n for n in BAND_NAMES if head.lower().startswith(n.lower())
                     and not head[len(n):len(n) + 1].isalnum()), None)
        if name is None or name in found:
            continue
        rest = head[len(name):]
        low = _FROM.search(rest)
        if low is not None:
            found[name] = (to_decimal(low.group(1), decimal_comma=True), line)
        elif _BELOW.search(rest):
            found[name] = (Decimal(0), line)
    bands = sorted(found.items(), key=lambda item: -item[1][0])
    minima = [value for _, (value, _) in bands]
    if len(bands) < 2 or minima[-1] != 0 or len(set(minima)) != len(minima):
        return []
    return [{"name": name, "min": _exact(value), "status": "read", "source": SOURCE_KEY,
             "note": Sentence("wn_band_printed", line=repr(line))}
            for name, (value, line) in bands]


# --- the framework ----------------------------------------------------------------------------

def citation(decision: str, path: Path, issued: date | None = None,
             issuer: str | None = None) -> str:
    """The annex as a source: the decision, its date and issuer, and the file read."""
    when = f" ngày {day_text(issued)}" if issued else ""
    by = f" của {issuer}" if issuer else ""
    return f"QĐ {decision}{when}{by}, phụ lục (bảng tiêu chí), đọc từ tệp {path.name}"


def framework_from_annex(annex: Annex, *, framework_id: str, name: str, decision: str,
                         issued: date | None = None, issuer: str | None = None,
                         last_year: int | None = None) -> dict[str, Any]:
    """The TOML structure of a framework built from an annex.

    Every maximum is ``read`` from the annex; what an annex does not give (bands, the
    not-arising policy, how ties and display are handled) is ``unknown`` with a note
    saying what the official still has to supply, so that the file passes conformance
    where the annex is complete and says exactly what is missing where it is not.

    :raises FrameworkError: the id is not of the form ``province/level/year``.
    """
    framework_id = nfc(framework_id)
    match = re.match(r"^[^/]+/([^/]+)/(\d{4})", framework_id)
    if not FRAMEWORK_ID.match(framework_id) or match is None:
        raise FrameworkError(Problem(Sentence("a_bad_id", id=repr(framework_id)), key="id"))
    level, first_year = match.group(1), int(match.group(2))
    # The notes are catalogue sentences (wn_*), written in English and said in the
    # reader's language when the file is read back (written_note).
    supply = ("not_arising", "band_basis", "decimals", "ranking", "rank_by", "tie_break")
    provenance: dict[str, Any] = {
        "legal_basis": {"status": "read", "source": SOURCE_KEY},
        "years": {"status": "unknown", "note": Sentence("wn_years", year=first_year)},
        **{fact: {"status": "unknown", "note": Sentence(f"wn_{fact}")} for fact in supply},
    }
    legal = {"decision": decision, "date": issued, "issuer": issuer}
    criteria: dict[str, Any] = {}
    for node in annex.nodes:
        table: dict[str, Any] = {"name": node.name}
        if node.parent is None and node.kind is not NodeKind.CRITERION:
            table["kind"] = node.kind.value
        inferred = _sum_of_items(annex, node) if node.max is None else None
        if inferred is not None:
            # Annexes often print a parent's maximum only through its items: deduced, and
            # said so, never presented as read.
            rows = ", ".join(str(k.row) for k in annex.children(node.code))
            table.update({"max": _exact(inferred), "status": Status.INFERRED.value,
                          "source": SOURCE_KEY,
                          "note": Sentence("wn_row_sum", row=node.row, rows=rows)})
        elif node.max is None:
            table.update({"max": "unknown", "status": "unknown",
                          "note": Sentence("wn_row_no_max", row=node.row)})
        else:
            table.update({"max": _exact(node.max), "status": Status.READ.value,
                          "source": SOURCE_KEY, "note": Sentence("wn_row", row=node.row)})
        criteria[node.code] = table
    return _drop_none({
        "id": framework_id,
        "name": nfc(name),
        "level": level,
        "first_year": first_year,
        "last_year": last_year if last_year is not None else first_year,
        "not_arising": "unknown",
        "band_basis": "index",
        "ranking": "competition",
        "rank_by": "total",
        "tie_break": [],
        "legal_basis": _drop_none(legal),
        "sources": {SOURCE_KEY: citation(decision, annex.path, issued, issuer)},
        "provenance": provenance,
        "bands": [{"name": "(tên không có trong nguồn)", "min": "unknown",
                   "status": "unknown",
                   "note": Sentence("wn_no_bands")}],
        "criteria": criteria,
    })


# --- the overlay ------------------------------------------------------------------------------

@attrs.frozen
class OverlayDraft:
    """An overlay built from an annex, and what it would change of sourced numbers.

    :param data: the overlay's TOML structure.
    :param contradictions: sourced (seed or read) values of the base that the annex
        contradicts, as problems naming the annex row and the base's value.
    """

    data: Mapping[str, Any]
    contradictions: tuple[Problem, ...]


def overlay_from_annex(annex: Annex, base: Framework, *, overlay_id: str | None = None,
                       decision: str | None = None, override: bool = False
                       ) -> OverlayDraft:
    """An overlay that completes ``base`` from an annex: unknown maxima filled, the
    criteria and components the base lacks added beneath the nodes it has, every value
    citing the annex.

    A row whose maximum differs from one the base sources (seed, read or inferred) is a
    contradiction: reported, and written (listed in ``corrects``) only with ``override``.
    A base node the annex does not list stays as it is.

    :raises FrameworkError: a field (top-level row) that the base does not have.
    """
    decision = decision or base.legal_basis.decision
    problems: list[Problem] = []
    contradictions: list[Problem] = []
    corrects: list[str] = []
    criteria: dict[str, Any] = {}
    for node in annex.nodes:
        known = base.nodes.get(node.code)
        if known is None:
            if node.parent is None:
                problems.append(Problem(Sentence(
                    "a_new_field", row=node.row, printed=node.printed, name=node.name,
                    base=base.id), path=annex.path, line=node.row, code=node.code))
                continue
            table: dict[str, Any] = {"name": node.name}
            if node.max is None:
                problems.append(Problem(Sentence(
                    "a_new_no_max", row=node.row, printed=node.printed, name=node.name,
                    base=base.id), path=annex.path, line=node.row, code=node.code))
                continue
            table.update({"max": _exact(node.max), "status": "read", "source": SOURCE_KEY,
                          "note": Sentence("wn_row_new", row=node.row, base=base.id)})
            criteria[node.code] = table
            continue
        table = {}
        if node.max is not None:
            if known.max is not None \
                    and known.provenance.status not in (Status.UNKNOWN, Status.ASSUMED) \
                    and known.max != node.max:
                contradictions.append(Problem(Sentence(
                    "a_contradiction", row=node.row, printed=node.printed, max=node.max,
                    base=base.id, known=known.max,
                    status=Sentence(f"status_{known.provenance.status.value}"),
                    source=known.provenance.source)
                    + Sentence("a_overridden" if override else "a_refused"),
                    path=annex.path, line=node.row, code=node.code))
                if override:
                    corrects.append(f"criteria.{node.code}.max")
                    table.update({"max": _exact(node.max), "status": "read",
                                  "source": SOURCE_KEY,
                                  "note": Sentence("wn_row", row=node.row)})
            elif known.max is None:
                table.update({"max": _exact(node.max), "status": "read", "source": SOURCE_KEY,
                              "note": Sentence("wn_row", row=node.row)})
        if known.name.startswith("(") and known.name.endswith(")") and node.name:
            table["name"] = node.name  # the base's placeholder name, now printed
        if table:
            criteria[node.code] = table
    if problems:
        raise FrameworkError(problems)
    overlay_id = overlay_id or f"{base.id}-annex"
    data = _drop_none({
        "base": base.id,
        "id": overlay_id,
        "corrects": corrects or None,
        "sources": {SOURCE_KEY: citation(decision, annex.path, base.legal_basis.date,
                                         base.legal_basis.issuer)},
        "criteria": criteria,
    })
    return OverlayDraft(data, tuple(contradictions))


def dumps(data: Mapping[str, Any], header: str) -> str:
    """TOML text with a comment header (what it was imported from, what to check)."""
    lines = "".join(f"# {line}\n" if line else "#\n" for line in header.splitlines())
    return lines + "\n" + tomli_w.dumps(dict(data))


def _exact(value: Decimal) -> Decimal | int:
    """As printed: 10 stays 10 (tomli-w would write 10.0), 1.5 stays 1.5."""
    exponent = value.as_tuple().exponent
    return int(value) if isinstance(exponent, int) and exponent >= 0 else value


def _drop_none(table: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in table.items() if v is not None}

