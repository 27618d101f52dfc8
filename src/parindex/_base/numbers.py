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

from .errors import ArgumentError, Problem
from .i18n import Sentence, reason
from .style import day_text as day_text
from .style import number_text as number_text
from .style import percent_text as percent_text
from .style import plain as plain

# Points as published: "0.8", "28.666", "80,54" (decimal comma), " 1.0 ".
_DECIMAL_COMMA = re.compile(r"^[+-]?\d+,\d+$")


class NumberError(ValueError):
    """A value that is not an exact, finite number of points (its message a catalogue
    sentence: :func:`parindex._base.i18n.reason` gives it to quote in a problem)."""


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
        raise NumberError(Sentence("n_digits", value=shown, digits=len(digits),
                                   max=MAX_DIGITS))
    if result and result.adjusted() >= MAX_EXPONENT:
        raise NumberError(Sentence("n_too_large", value=shown, exponent=MAX_EXPONENT))
    if exponent < -MAX_EXPONENT:
        raise NumberError(Sentence("n_places", value=shown, places=-exponent,
                                   max=MAX_EXPONENT))
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
        raise NumberError(Sentence("n_boolean", value=str(value).lower()))
    if isinstance(value, float):
        raise NumberError(Sentence("n_float", value=repr(value)))
    if isinstance(value, int):
        if value.bit_length() > 4 * MAX_EXPONENT:  # before str(): ints have a digit limit
            raise NumberError(Sentence("n_big_integer", bits=value.bit_length(),
                                       exponent=MAX_EXPONENT))
        return _check_bounds(value, Decimal(value))
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, str):
        text = value.strip().replace("\u00a0", "")
        if _DECIMAL_COMMA.match(text):
            if not decimal_comma:
                raise NumberError(Sentence("n_decimal_comma", value=repr(value),
                                           fixed=text.replace(",", ".")))
            text = text.replace(",", ".")
        try:
            result = Decimal(text)
        except InvalidOperation:
            raise NumberError(Sentence("n_not_a_number", value=repr(value))) from None
    else:
        raise NumberError(Sentence("n_not_a_number", value=_describe(value)))
    if not result.is_finite():
        raise NumberError(Sentence("n_not_finite", value=str(value).strip().lower()))
    return _check_bounds(value, result)


def _describe(value: object) -> str:
    """A value that is not a number, named as its TOML file writes it."""
    if isinstance(value, (date, time)):
        return Sentence("n_date", value=value.isoformat())
    if isinstance(value, dict):
        return Sentence("n_table")
    if isinstance(value, list):
        return Sentence("n_array", count=len(value))
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

    :raises ArgumentError: (a ``ValueError``) ``value`` is not a finite number (a NaN or an
        infinity has no ratio to round), naming it.
    """
    exponent = Decimal(1).scaleb(-decimals)
    try:
        # On the integer ratio, not through Fraction arithmetic: this rounds every index
        # that a table of 10,000 units shows.
        ratio = value.as_integer_ratio()
    except (ValueError, OverflowError):  # NaN; an infinity
        raise ArgumentError(Problem(Sentence("n_not_finite", value=str(value).lower()),
                                    key="value")) from None
    except AttributeError:  # not a number at all
        raise ArgumentError(Problem(Sentence("n_not_a_number", value=_describe(value)),
                                    key="value")) from None
    whole = rounded_whole(*ratio, decimals, rounding)
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


def decimal_or_fraction(value: Fraction) -> Decimal | str:
    """A fraction someone gave (a survey share, a width) as the decimal it is when its
    decimal expansion ends, to be written in the reader's style (``22,5``), else ``p/q``.

    >>> decimal_or_fraction(Fraction(45, 2)), decimal_or_fraction(Fraction(1, 3))
    (Decimal('22.5'), '1/3')
    >>> decimal_or_fraction(Fraction(40)), decimal_or_fraction(Fraction(1, 10000))
    (Decimal('40'), Decimal('0.0001'))
    """
    denominator, twos, fives = value.denominator, 0, 0
    while denominator % 2 == 0:
        denominator, twos = denominator // 2, twos + 1
    while denominator % 5 == 0:
        denominator, fives = denominator // 5, fives + 1
    if denominator != 1:
        return f"{value.numerator}/{value.denominator}"
    digits = max(twos, fives)
    # From text, which is exact in any context (scaleb would round to its precision).
    return Decimal(f"{value.numerator * 10**digits // value.denominator}E-{digits}")


def exact_value(value: object, name: str) -> Fraction:
    """A caller's number as an exact fraction: a :class:`~fractions.Fraction`, or what
    :func:`to_decimal` takes (an int, a Decimal, a number's
    text). A float (never exact) or anything else is an :class:`ArgumentError` naming
    the argument, not a bare ``ValueError`` from ``Fraction()`` or a float taken as its
    binary value."""
    if isinstance(value, Fraction):
        return value
    if isinstance(value, Decimal) and value.is_finite():
        return Fraction(value)
    try:
        return Fraction(to_decimal(value))
    except NumberError as error:
        raise ArgumentError(Problem(reason(error), key=name)) from None


def share_text(share: Fraction, lang: str = "en", places: int = 0) -> str:
    """A share (0 to 1) as a percentage rounded half up to ``places``, that reads 0 % or
    100 % only when it is exactly that: a share that rounds to either reads ``< 1 %`` or
    ``> 99 %`` (one step of the last place inside), so that a band drawn in 1 of 1,000
    draws is not said never to be drawn, nor another always.

    >>> share_text(Fraction(1, 1000), "vi"), share_text(Fraction(999, 1000), "vi")
    ('< 1 %', '> 99 %')
    >>> share_text(Fraction(1, 1000), "en", 1), share_text(Fraction(1), "en")
    ('0.1%', '100%')
    """
    percent = share * 100
    shown = quantize(percent, places)
    step = Decimal(1).scaleb(-places)
    if shown == 0 and percent > 0:
        return "< " + percent_text(plain(step), lang)
    if shown == 100 and percent < 100:
        return "> " + percent_text(plain(100 - step), lang)
    return percent_text(plain(shown), lang)


def places(value: Decimal) -> int:
    """Number of decimal places a value is written with (``28.666`` → 3, ``10`` → 0)."""
    exponent = value.as_tuple().exponent
    assert isinstance(exponent, int)
    return max(0, -exponent)


def maximum_text(value: Decimal | None, lang: str = "en") -> str:
    """A maximum as the documents print a scale: ``100`` for ``100.0`` (a framework's
    total is a sum of maxima such as 14.5, which leaves a ``.0`` no decision prints), the
    same number in either language, only the decimal mark differs; ``?`` when unknown.

    >>> maximum_text(Decimal("100.0"), "vi"), maximum_text(Decimal("2.50"), "vi")
    ('100', '2,5')
    >>> maximum_text(Decimal("100.0"), "en"), maximum_text(Decimal("2.50"), "en")
    ('100', '2.5')
    """
    if value is None:
        return "?"
    normal = value.normalize() if value != value.to_integral_value() else value.quantize(1)
    return number_text(normal, lang)
