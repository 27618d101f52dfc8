"""Exact numbers at the edges: reading points, rounding for display, text for output."""

from __future__ import annotations

import decimal
import enum
import functools
import re
from collections.abc import Callable
from datetime import date, time
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from typing import ParamSpec, TypeVar

# Points as published: "0.8", "28.666", "80,54" (decimal comma), " 1.0 ".
_DECIMAL_COMMA = re.compile(r"^[+-]?\d+,\d+$")


class NumberError(ValueError):
    """A value that is not an exact, finite number of points."""


#: The most significant digits a number read from a file may have.
MAX_DIGITS = 50
#: Numbers read are below 10**MAX_EXPONENT and have at most MAX_EXPONENT decimal places.
MAX_EXPONENT = 50

#: The one decimal context of the library. Every number read is bounded by
#: :data:`MAX_DIGITS` and :data:`MAX_EXPONENT`, so each is a multiple of 10**-50 below
#: 10**50: at most 100 digits. 200 digits hold the sum of any 10**100 of them exactly,
#: where Python's default context (28 digits) would silently round a 40-digit value.
CONTEXT = decimal.Context(prec=200, rounding=decimal.ROUND_HALF_EVEN,
                          traps=[decimal.InvalidOperation, decimal.DivisionByZero,
                                 decimal.Overflow])

P = ParamSpec("P")
R = TypeVar("R")


def exact(function: Callable[P, R]) -> Callable[P, R]:
    """Run ``function`` in :data:`CONTEXT` (the library's entry points that add points)."""

    @functools.wraps(function)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        with decimal.localcontext(CONTEXT):
            return function(*args, **kwargs)

    return wrapper


def _check_bounds(value: object, result: Decimal) -> Decimal:
    sign, digits, exponent = result.as_tuple()
    assert isinstance(exponent, int)
    shown = str(value).strip()
    if len(shown) > 40:
        shown = shown[:20] + "…" + shown[-10:]
    if len(digits) > MAX_DIGITS:
        raise NumberError(f"{shown} has {len(digits)} significant digits; parindex reads "
                          f"at most {MAX_DIGITS}, exactly")
    if result and result.adjusted() >= MAX_EXPONENT:
        raise NumberError(f"{shown} is too large: parindex reads numbers below "
                          f"10^{MAX_EXPONENT}")
    if exponent < -MAX_EXPONENT:
        raise NumberError(f"{shown} has {-exponent} decimal places; parindex reads at most "
                          f"{MAX_EXPONENT}")
    return result


def to_decimal(value: object, *, decimal_comma: bool = False) -> Decimal:
    """Convert a value read from a file into an exact, finite :class:`~decimal.Decimal`.

    Floats are refused: they are never exact (``0.1`` is not one tenth). TOML files are
    read with ``parse_float=Decimal``, so a float here means a programming error upstream.

    :param decimal_comma: accept ``"80,54"`` as 80.54 (tables copied from Vietnamese
        documents). TOML files keep the decimal point, so the default is strict.

    >>> to_decimal(Decimal("0.8")), to_decimal(3), to_decimal("80,54", decimal_comma=True)
    (Decimal('0.8'), Decimal('3'), Decimal('80.54'))
    >>> to_decimal("abc")
    Traceback (most recent call last):
    ...
    parindex._base.numbers.NumberError: 'abc' is not a number
    """
    if isinstance(value, bool):
        raise NumberError(f"{str(value).lower()} is a boolean, not a number")
    if isinstance(value, float):
        raise NumberError(f"{value!r} is a binary float; give points as exact decimals")
    if isinstance(value, int):
        if value.bit_length() > 4 * MAX_EXPONENT:  # before str(): ints have a digit limit
            raise NumberError(f"an integer of {value.bit_length()} bits is too large: "
                              f"parindex reads numbers below 10^{MAX_EXPONENT}")
        return _check_bounds(value, Decimal(value))
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, str):
        text = value.strip().replace("\u00a0", "")
        if _DECIMAL_COMMA.match(text):
            if not decimal_comma:
                raise NumberError(
                    f"{value!r} uses a decimal comma; write {text.replace(',', '.')} "
                    "(TOML numbers use a decimal point)"
                )
            text = text.replace(",", ".")
        try:
            result = Decimal(text)
        except InvalidOperation:
            raise NumberError(f"{value!r} is not a number") from None
    else:
        raise NumberError(f"{_describe(value)} is not a number")
    if not result.is_finite():
        raise NumberError(f"{str(value).strip().lower()} is not a finite number")
    return _check_bounds(value, result)


def _describe(value: object) -> str:
    """A value that is not a number, named as its TOML file writes it."""
    if isinstance(value, (date, time)):
        return f"a date or time ({value.isoformat()})"
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return f"an array ({len(value)} values)"
    return repr(value)


class Rounding(enum.Enum):
    """How a publisher rounds the figures it prints.

    ``half-up`` is symmetric (half away from zero), as Excel's ROUND: −2.125 → −2.13.
    ``truncate`` drops the further digits (toward zero): 489/493 = 99.188…% printed
    99.18 %. ``half-even`` is banker's rounding (Python's ``round``).
    """

    HALF_UP = "half-up"
    TRUNCATE = "truncate"
    HALF_EVEN = "half-even"


def round_to(value: Decimal | Fraction, decimals: int,
             rounding: Rounding = Rounding.HALF_UP) -> Decimal:
    """Round an exact value to ``decimals`` places as a publisher does, exactly.

    Symmetric in every mode: a negative value rounds as its absolute value does.

    >>> round_to(Decimal("-2.125"), 2), round_to(Fraction(-17, 8), 2)
    (Decimal('-2.13'), Decimal('-2.13'))
    >>> round_to(Fraction(48900, 493), 2, Rounding.TRUNCATE)
    Decimal('99.18')
    >>> round_to(Decimal("2.125"), 2, Rounding.HALF_EVEN)
    Decimal('2.12')
    """
    exponent = Decimal(1).scaleb(-decimals)
    # On the integer ratio, not through Fraction arithmetic: this rounds every index that
    # a table of 10,000 units shows.
    whole = rounded_whole(*value.as_integer_ratio(), decimals, rounding)
    result = Decimal(whole).scaleb(-decimals).quantize(exponent)
    return abs(result) if result == 0 else result


def rounded_whole(numerator: int, denominator: int, decimals: int,
                  rounding: Rounding = Rounding.HALF_UP) -> int:
    """``numerator / denominator`` (``denominator`` > 0) rounded as :func:`round_to`
    rounds it, × 10**decimals: the whole number of the last place shown.

    >>> rounded_whole(-17, 8, 2), rounded_whole(48900, 493, 2, Rounding.TRUNCATE)
    (-213, 9918)
    """
    shifted: int = abs(numerator) * 10**decimals
    whole, rest = divmod(shifted, denominator)
    if rounding is Rounding.HALF_UP:
        whole += 2 * rest >= denominator
    elif rounding is Rounding.HALF_EVEN:
        twice = 2 * rest
        whole += twice > denominator or (twice == denominator and whole % 2 == 1)
    return -whole if numerator < 0 else whole


def rounded_from(printed: Decimal, decimals: int | None = None,
                 rounding: Rounding = Rounding.HALF_UP) -> tuple[Fraction, Fraction]:
    """The exact values a printed figure may stand for: ``(low, high)`` with every value
    in ``[low, high)`` printed so (to ``decimals`` places, else the places it is printed
    with; half-even includes ``high`` when it rounds to even). Printed figures are ≥ 0.

    >>> [str(Decimal(v.numerator) / v.denominator) for v in rounded_from(
    ...     Decimal("99.18"), rounding=Rounding.TRUNCATE) + rounded_from(Decimal("79.03"))]
    ['99.18', '99.19', '79.025', '79.035']
    """
    step = Fraction(1, 10 ** (places(printed) if decimals is None else decimals))
    value = Fraction(printed)
    if rounding is Rounding.TRUNCATE:
        return value, value + step
    return value - step / 2, value + step / 2


def quantize(value: Decimal | Fraction, decimals: int) -> Decimal:
    """Round half up (symmetric, as Excel's ROUND) to ``decimals`` places, for display only.

    Half up is how Vietnamese published tables (and Excel's ROUND) round; a publisher
    that rounds otherwise declares it (:class:`Rounding`). Ranks and bands are decided on
    the unrounded value unless a framework declares otherwise.

    >>> quantize(Decimal("79.0315"), 2), quantize(Fraction(1, 3), 3), quantize(Fraction(-17, 8), 2)
    (Decimal('79.03'), Decimal('0.333'), Decimal('-2.13'))
    """
    return round_to(value, decimals, Rounding.HALF_UP)


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


def places(value: Decimal) -> int:
    """Number of decimal places a value is written with (``28.666`` → 3, ``10`` → 0)."""
    exponent = value.as_tuple().exponent
    assert isinstance(exponent, int)
    return max(0, -exponent)


_MACHINE_NUMBER = re.compile(r"^([+\-−]?)(\d+)(?:\.(\d+))?$")


def number_text(value: Decimal | str, lang: str = "en") -> str:
    """A number as its reader writes it: ``78.636`` in English, ``78,636`` in Vietnamese.

    In Vietnamese the comma is the decimal mark and "." groups thousands (``1.000``), as
    the published documents print them. ``value`` is a decimal or a number already
    written in machine style (``points_text``, ``Result.display``); text that is not a
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


def maximum_text(value: Decimal | None, lang: str = "en") -> str:
    """A maximum as Vietnamese documents print a scale: ``100`` for ``100.0``; ``?`` when
    unknown. English output keeps the scale it was given with.

    >>> maximum_text(Decimal("100.0"), "vi"), maximum_text(Decimal("2.50"), "vi")
    ('100', '2,5')
    >>> maximum_text(Decimal("100.0"), "en")
    '100.0'
    """
    if value is None:
        return "?"
    if lang != "vi":
        return plain(value)
    normal = value.normalize() if value != value.to_integral_value() else value.quantize(1)
    return number_text(normal, lang)
