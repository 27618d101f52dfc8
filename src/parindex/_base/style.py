"""Numbers written for their reader: machine style (``78.636``) or Vietnamese (``78,636``).

Apart from :mod:`.numbers` (which re-exports it) so that the message catalogue, which
writes numbers, sits below the number reader, whose errors are catalogue sentences.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal


def plain(value: Decimal) -> str:
    """Text for a decimal, never in exponent notation.

    Points keep the scale they were given with (``1.0`` stays ``"1.0"``) so output shows
    what the source printed; only exponents (``1E+1``) are expanded.

    >>> plain(Decimal("1.0")), plain(Decimal("1E+1")), plain(Decimal("-0"))
    ('1.0', '10', '0')
    """
    text = str(value)  # as format(value, "f") writes it, twice as fast (a table's JSON)
    if "E" in text or (text[0] == "-" and not value):
        return format(abs(value) if not value else value, "f")
    return text


_MACHINE_NUMBER = re.compile(r"^([+\-−]?)(\d+)(?:\.(\d+))?$")


def number_text(value: Decimal | str, lang: str = "en") -> str:
    """A number as its reader writes it: ``78.636`` in English, ``78,636`` in Vietnamese.

    In Vietnamese the comma is the decimal mark and "." groups thousands (``1.000``), as
    the published documents print them. ``value`` is a decimal or a number already
    written in machine style (``figure_text``, ``Result.display``); text that is not a
    number (``"?"``, ``"—"``) is returned as it is. JSON and CSV keep machine style and
    never go through here.

    >>> number_text("78.636", "vi"), number_text(Decimal("1000"), "vi"), number_text("?", "vi")
    ('78,636', '1.000', '?')
    >>> number_text("78.636", "en")
    '78.636'

    A number rounded up for display keeps its mark (``needed_text``'s ``…``):

    >>> number_text("4.86…", "vi")
    '4,86…'
    """
    text = plain(value) if isinstance(value, Decimal) else value
    if lang != "vi":
        return text
    rounded = "…" if text.endswith("…") else ""
    match = _MACHINE_NUMBER.match(text.removesuffix("…"))
    if match is None:
        return text
    sign, whole, fraction = match.groups()
    if len(whole) > 3:
        head = len(whole) % 3 or 3
        whole = ".".join([whole[:head]] + [whole[i:i + 3] for i in range(head, len(whole), 3)])
    return sign + whole + ("," + fraction if fraction else "") + rounded


def percent_text(value: Decimal | str, lang: str = "en") -> str:
    """A percentage: ``79.031%`` in English, ``79,031 %`` in Vietnamese.

    >>> percent_text("79.031", "vi"), percent_text("79.031", "en")
    ('79,031 %', '79.031%')
    """
    return number_text(value, lang) + (" %" if lang == "vi" else "%")


def day_text(day: date, lang: str = "vi") -> str:
    """A date as its reader writes it: ``28/12/2017`` as the decisions print dates, in
    Vietnamese; ``2017-12-28`` (ISO 8601) in English.

    >>> day_text(date(2017, 12, 28)), day_text(date(2017, 12, 28), "en")
    ('28/12/2017', '2017-12-28')
    """
    return f"{day.day:02d}/{day.month:02d}/{day.year}" if lang == "vi" else day.isoformat()
