"""Text from files shown safely: control characters never reach a terminal or a document."""

from __future__ import annotations

import re

# C0 controls but tab and newline, DEL, C1 controls (U+009B is a one-byte CSI), and the
# bidirectional overrides that make a name display as something else.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def terminal_safe(text: str) -> str:
    """``text`` with control characters written as escapes (``\\x1b``), so that a unit name
    holding an ESC sequence is shown, never obeyed, by a terminal.

    >>> terminal_safe("Xã A\\x1b[2J"), terminal_safe("tab\\tand\\nnewline stay")
    ('Xã A\\\\x1b[2J', 'tab\\tand\\nnewline stay')
    """
    return _CONTROL.sub(_escape, text)


def has_control(text: str) -> str | None:
    """The first control character in ``text`` (tab and newline aside) as ``U+XXXX``."""
    found = _CONTROL.search(text)
    return None if found is None else f"U+{ord(found.group()):04X}"


# Characters XML 1.0 cannot hold at all (python-docx and openpyxl refuse them).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def xml_safe(text: str) -> tuple[str, int]:
    """``text`` with the characters XML cannot hold replaced by U+FFFD, and how many."""
    return _NOT_XML.subn("\ufffd", text)
