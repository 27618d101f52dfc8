"""Assignments files: who leads, who supports, by when and with what result, per field.

An improvement plan's appendix names, for every task, the post responsible (*chủ trì*),
those who support it (*phối hợp*), the deadline and the product. Officials give these in
a small TOML file, one table per field or criterion code (a criterion's own table wins
over its field's); ``"*"`` applies to every code::

    ["*"]
    deadline = "Quý III/2023"

    ["1"]
    lead = "Văn phòng – Thống kê"
    support = "Các công chức chuyên môn"

    ["3.4"]
    lead = "Công chức làm việc tại Bộ phận Một cửa"
    product = "100 % hồ sơ giải quyết đúng hạn"

Nothing in the file is executed; an unknown key or a value that is not text is an error
naming the file, the line and the code.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from pathlib import Path

import attrs

from .._base.errors import ParindexError, Problem
from .._base.i18n import Sentence
from .toml import read_toml

#: The fields a table may give, and what each is in the appendix.
KEYS = {"lead": "Chủ trì", "support": "Phối hợp", "deadline": "Thời gian hoàn thành",
        "product": "Sản phẩm", "content": "Nội dung thực hiện"}


class AssignmentsError(ParindexError):
    """An assignments file is malformed."""


@attrs.frozen
class Assignments:
    """Posts, deadlines and products by code, as an assignments file gives them.

    :param by_code: for each code (or ``"*"``), the keys of :data:`KEYS` it sets.
    :param path: the file they were read from.
    """

    by_code: Mapping[str, Mapping[str, str]] = attrs.field(factory=dict)
    path: Path | None = None

    def lookup(self, code: str, key: str) -> str | None:
        """The value for ``code``: its own, else its nearest parent's, else ``"*"``'s.

        >>> a = Assignments({"3": {"lead": "A"}, "3.4": {"lead": "B"}, "*": {"lead": "C"}})
        >>> a.lookup("3.4.1", "lead"), a.lookup("3.1", "lead"), a.lookup("7.1", "lead")
        ('B', 'A', 'C')
        """
        parts = code.split(".")
        for end in range(len(parts), 0, -1):
            value = self.by_code.get(".".join(parts[:end]), {}).get(key)
            if value is not None:
                return value
        return self.by_code.get("*", {}).get(key)


def load_assignments(path: str | Path) -> Assignments:
    """Read an assignments file (TOML, see the module's description)."""
    # As every parindex file: a missing or unreadable file, text that is not UTF-8 and
    # TOML that does not parse are refused with the line where it stops.
    data, origin = read_toml(path, AssignmentsError)
    problems: list[Problem] = []
    by_code: dict[str, dict[str, str]] = {}
    for code, table in data.items():
        code = unicodedata.normalize("NFC", code.strip())
        if not isinstance(table, dict):
            problems.append(origin.problem(
                Sentence("as_table", code=code, keys=tuple(KEYS)), code,
                code=None if code == "*" else code))
            continue
        entry: dict[str, str] = {}
        for key, value in table.items():
            if key not in KEYS:
                problems.append(origin.problem(
                    Sentence("as_unknown_key", keys=tuple(KEYS)), code, key,
                    code=None if code == "*" else code))
            elif not isinstance(value, str) or not value.strip():
                problems.append(origin.problem(Sentence("as_text"), code, key,
                                               code=None if code == "*" else code))
            else:
                entry[key] = unicodedata.normalize("NFC", " ".join(value.split()))
        by_code[code] = entry
    if problems:
        raise AssignmentsError(problems)
    return Assignments(by_code, Path(path))
