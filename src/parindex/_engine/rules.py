"""Declarative scoring rules: how a leaf's points follow from figures a unit reports.

A framework file may give a leaf a ``rule`` table (see the file format docs): a *kind*
(``points``, ``yes-no``, ``proportional``, ``threshold``, ``deduction`` or ``unknown``,
or a kind a plugin registers through :func:`parindex.hookspecs.parindex_scoring_rules`)
and its parameters. An assessment then gives the raw figures in its ``[inputs]`` table
instead of points, and scoring computes the points. Rules are data: nothing read from a
file is evaluated as code; each kind is a Python function registered under a name.

Arithmetic is exact (:class:`~fractions.Fraction`); the one kind whose points are not a
finite decimal of its parameters, ``proportional``, rounds them half up to its declared
``decimals`` (default 2). The others give exact decimals and never round.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from decimal import Decimal
from fractions import Fraction
from typing import Final, TypeAlias

import attrs

from .._base.model import Params, Rule
from .._base.numbers import NumberError, plain, quantize, to_decimal

#: A reported figure: a count or amount (exact decimal), or a yes/no answer.
Figure: TypeAlias = Decimal | bool

ZERO: Final = Decimal(0)


class RuleInputError(ValueError):
    """Figures a rule cannot score: missing, negative, a zero denominator, ...

    Scoring turns it into an :class:`~parindex.AssessmentError` naming the file, the line
    of the ``[inputs]`` entry and the criterion code.
    """


@attrs.frozen
class RuleKind:
    """A kind of scoring rule: what a plugin registers with ``parindex_scoring_rules``.

    :param name: the name frameworks use in ``rule = { kind = "..." }``.
    :param summary: one line for documentation and messages.
    :param params: the parameter keys its ``rule`` table accepts (besides ``kind``,
        ``status``, ``source`` and ``note``).
    :param check: ``check(params, maximum)`` returns problems with the parameters as
        messages (an empty list when they are valid); ``maximum`` is ``None`` when unknown.
    :param inputs: ``inputs(params)`` gives the names of the figures the rule reads from
        an assessment's ``[inputs]`` entry.
    :param points: ``points(params, maximum, figures)`` returns the points, an exact
        :class:`~decimal.Decimal` in [0, maximum]; raises :class:`RuleInputError` on figures
        it cannot score.
    :param explain: ``explain(params, maximum, figures, points)``: how the points arise,
        in one line (shown in results).
    :param computes: ``False`` for kinds whose points are given, not computed.
    :param needs_max: whether :attr:`points` needs the leaf's maximum.
    """

    name: str
    summary: str
    params: tuple[str, ...]
    check: Callable[[Params, Decimal | None], list[str]]
    inputs: Callable[[Params], tuple[str, ...]]
    points: Callable[[Params, Decimal | None, Mapping[str, Figure]], Decimal]
    explain: Callable[[Params, Decimal | None, Mapping[str, Figure], Decimal], str] = \
        attrs.field(default=lambda params, maximum, figures, points:
                    f"{plain(points)} points")
    computes: bool = True
    needs_max: bool = True


# --- helpers shared by the built-in kinds -----------------------------------------------------

def _number(params: Params, key: str, problems: list[str], *, default: Decimal | None = None,
            minimum: Decimal | None = ZERO, positive: bool = False) -> Decimal | None:
    if key not in params:
        return default
    value = params[key]
    try:
        number = to_decimal(value)
    except NumberError as exc:
        problems.append(f"{key}: {exc}")
        return default
    if positive and number <= 0:
        problems.append(f"{key}: {plain(number)} must be greater than 0")
    elif minimum is not None and number < minimum:
        problems.append(f"{key}: {plain(number)} is negative")
    return number


def _name(params: Params, key: str, problems: list[str], required: bool = True) -> str | None:
    if key not in params:
        if required:
            problems.append(f"{key}: missing; name the figure the assessment reports "
                            f"(e.g. {key} = \"on_time\")")
        return None
    value = params[key]
    if not isinstance(value, str) or not value.strip() or not value.replace("_", "a").isalnum():
        problems.append(f"{key}: {value!r} is not a figure name (letters, digits and _)")
        return None
    return value


def _whole(value: Decimal) -> bool:
    return value == value.to_integral_value()


def _count(figures: Mapping[str, Figure], name: str) -> Decimal:
    if name not in figures:
        raise RuleInputError(f"the figure {name!r} is missing")
    value = figures[name]
    if isinstance(value, bool):
        raise RuleInputError(f"{name} = {str(value).lower()} is a yes/no answer; give a number")
    if value < 0:
        raise RuleInputError(f"{name} = {plain(value)} is negative")
    return value


def _ratio(params: Params, figures: Mapping[str, Figure]) -> Fraction:
    part = _count(figures, params["numerator"])
    whole = _count(figures, params["denominator"])
    if whole == 0:
        raise RuleInputError(f"{params['denominator']} = 0: the share "
                             f"{params['numerator']} / {params['denominator']} is undefined; "
                             "if nothing arose, mark the item \"x\" in [points] instead")
    if part > whole:
        raise RuleInputError(f"{params['numerator']} = {plain(part)} is more than "
                             f"{params['denominator']} = {plain(whole)}")
    return Fraction(part) / Fraction(whole)


def _ratio_text(params: Params, figures: Mapping[str, Figure]) -> str:
    return (f"{params['numerator']} {plain(_count(figures, params['numerator']))} ÷ "
            f"{params['denominator']} {plain(_count(figures, params['denominator']))}")


def _percent(value: Fraction) -> str:
    return f"{plain(quantize(value * 100, 2))} %"


def _check_ratio_names(params: Params, problems: list[str]) -> None:
    numerator = _name(params, "numerator", problems)
    denominator = _name(params, "denominator", problems)
    if numerator is not None and numerator == denominator:
        problems.append("numerator and denominator name the same figure")


def _not_above(value: Decimal | None, key: str, maximum: Decimal | None,
               problems: list[str]) -> None:
    if value is not None and maximum is not None and value > maximum:
        problems.append(f"{key}: {plain(value)} is above the maximum {plain(maximum)}")


# --- points given directly, and unknown -----------------------------------------------------

def _no_params(params: Params, maximum: Decimal | None) -> list[str]:
    return []


def _no_inputs(params: Params) -> tuple[str, ...]:
    return ()


def _given_only(params: Params, maximum: Decimal | None,
                figures: Mapping[str, Figure]) -> Decimal:
    raise RuleInputError("its points are given, not computed from figures")


POINTS = RuleKind(
    "points", "Points are given directly by the council (the default for every leaf).",
    (), _no_params, _no_inputs, _given_only, computes=False, needs_max=False)

UNKNOWN = RuleKind(
    "unknown", "No source says how the leaf is scored: it accepts given points only.",
    (), _no_params, _no_inputs, _given_only, computes=False, needs_max=False)


# --- yes-no ---------------------------------------------------------------------------------

def _yes_no_check(params: Params, maximum: Decimal | None) -> list[str]:
    problems: list[str] = []
    _name(params, "input", problems)
    return problems


def _yes_no_points(params: Params, maximum: Decimal | None,
                   figures: Mapping[str, Figure]) -> Decimal:
    name = params["input"]
    if name not in figures:
        raise RuleInputError(f"the figure {name!r} is missing")
    value = figures[name]
    if not isinstance(value, bool):
        raise RuleInputError(f"{name} = {plain(value)}: a yes-no rule takes true or false")
    assert maximum is not None
    return maximum if value else ZERO


YES_NO = RuleKind(
    "yes-no", "Full marks if the figure is true, zero if false.", ("input",),
    _yes_no_check, lambda p: (p["input"],), _yes_no_points,
    explain=lambda p, m, f, pts: f"{p['input']} = {str(f[p['input']]).lower()} → "
                                 f"{plain(pts)}")


# --- proportional ---------------------------------------------------------------------------

def _proportional_check(params: Params, maximum: Decimal | None) -> list[str]:
    problems: list[str] = []
    _check_ratio_names(params, problems)
    floor = _number(params, "floor", problems)
    cap = _number(params, "cap", problems)
    target = _number(params, "target", problems, positive=True)
    if target is not None and target > 1:
        problems.append(f"target: {plain(target)} is a share above 1 (write 0.95 for 95 %)")
    decimals = params.get("decimals", 2)
    if isinstance(decimals, bool) or not isinstance(decimals, int) or not 0 <= decimals <= 9:
        problems.append(f"decimals: {decimals!r} must be a whole number from 0 to 9")
        decimals = 9
    for key, value in (("floor", floor), ("cap", cap)):
        _not_above(value, key, maximum, problems)
        if value is not None and -value.as_tuple().exponent > decimals:  # type: ignore[operator]
            problems.append(f"{key}: {plain(value)} has more places than decimals = {decimals}")
    if cap is None and maximum is not None and -maximum.as_tuple().exponent > decimals:  # type: ignore[operator]
        problems.append(f"decimals: {decimals} places cannot round below the maximum "
                        f"{plain(maximum)}; give decimals ≥ {-maximum.as_tuple().exponent} "  # type: ignore[operator]
                        "or a cap")
    if floor is not None and cap is not None and floor > cap:
        problems.append(f"floor {plain(floor)} is above cap {plain(cap)}")
    return problems


def _proportional_exact(params: Params, maximum: Decimal | None,
                        figures: Mapping[str, Figure]) -> Fraction:
    assert maximum is not None
    ratio = _ratio(params, figures)
    target = Fraction(to_decimal(params.get("target", 1)))
    raw = Fraction(maximum) * ratio / target
    cap = Fraction(to_decimal(params.get("cap", maximum)))
    floor = Fraction(to_decimal(params.get("floor", 0)))
    return max(min(raw, cap), floor)


def _proportional_points(params: Params, maximum: Decimal | None,
                         figures: Mapping[str, Figure]) -> Decimal:
    return quantize(_proportional_exact(params, maximum, figures), params.get("decimals", 2))


def _proportional_explain(params: Params, maximum: Decimal | None,
                          figures: Mapping[str, Figure], points: Decimal) -> str:
    assert maximum is not None
    ratio = _ratio(params, figures)
    text = f"{_ratio_text(params, figures)} = {_percent(ratio)}"
    target = to_decimal(params.get("target", 1))
    scale = f"{plain(maximum)} × share" + (f" ÷ {plain(target)}" if target != 1 else "")
    raw = Fraction(maximum) * ratio / Fraction(target)
    clamped = _proportional_exact(params, maximum, figures)
    if clamped < raw:
        scale += (f" = {plain(quantize(raw, 4))}…, capped at "
                  f"{plain(to_decimal(params.get('cap', maximum)))}")
    elif clamped > raw:
        scale += (f" = {plain(quantize(raw, 4))}…, raised to the floor "
                  f"{plain(to_decimal(params.get('floor', 0)))}")
    return (f"{text}; {scale}, rounded half up to {params.get('decimals', 2)} places = "
            f"{plain(points)}")


PROPORTIONAL = RuleKind(
    "proportional",
    "Points in proportion to a share of two figures: maximum × share ÷ target, kept "
    "within [floor, cap] and rounded half up to decimals places.",
    ("numerator", "denominator", "floor", "cap", "target", "decimals"),
    _proportional_check, lambda p: (p["numerator"], p["denominator"]),
    _proportional_points, _proportional_explain)


# --- threshold table ------------------------------------------------------------------------

def _threshold_check(params: Params, maximum: Decimal | None) -> list[str]:
    problems: list[str] = []
    if "input" in params:
        if "numerator" in params or "denominator" in params:
            problems.append("give either input (one figure) or numerator and denominator "
                            "(a share), not both")
        _name(params, "input", problems)
    else:
        _check_ratio_names(params, problems)
    steps = params.get("steps")
    if not isinstance(steps, tuple) or not steps:
        problems.append("steps: missing; a list like [{ min = 0.95, points = 1 }, "
                        "{ min = 0.8, points = 0.5 }]")
        steps = ()
    previous: Decimal | None = None
    for i, step in enumerate(steps):
        if not isinstance(step, Mapping) or set(step) != {"min", "points"}:
            problems.append(f"steps[{i}]: each step is a table {{ min = ..., points = ... }}")
            continue
        sub: list[str] = []
        low = _number(Params(step), "min", sub)
        points = _number(Params(step), "points", sub)
        _not_above(points, f"steps[{i}].points", maximum, sub)
        problems += [f"steps[{i}].{p}" for p in sub]
        if low is not None and previous is not None and low >= previous:
            problems.append(f"steps[{i}].min: steps go from the highest min down; "
                            f"{plain(low)} is not below {plain(previous)}")
        previous = low if low is not None else previous
    otherwise = _number(params, "otherwise", problems)
    _not_above(otherwise, "otherwise", maximum, problems)
    return problems


def _threshold_value(params: Params, figures: Mapping[str, Figure]) -> Fraction:
    if "input" in params:
        return Fraction(_count(figures, params["input"]))
    return _ratio(params, figures)


def _threshold_points(params: Params, maximum: Decimal | None,
                      figures: Mapping[str, Figure]) -> Decimal:
    value = _threshold_value(params, figures)
    for step in params["steps"]:
        if value >= Fraction(to_decimal(step["min"])):
            return to_decimal(step["points"])
    return to_decimal(params.get("otherwise", 0))


def _threshold_explain(params: Params, maximum: Decimal | None,
                       figures: Mapping[str, Figure], points: Decimal) -> str:
    value = _threshold_value(params, figures)
    if "input" in params:
        text = f"{params['input']} {plain(_count(figures, params['input']))}"
    else:
        text = f"{_ratio_text(params, figures)} = {_percent(value)}"
    for step in params["steps"]:
        if value >= Fraction(to_decimal(step["min"])):
            return f"{text} ≥ {plain(to_decimal(step['min']))} → {plain(points)}"
    return f"{text}, below every step → {plain(points)}"


THRESHOLD = RuleKind(
    "threshold",
    "A table of steps: the points of the first step whose min the figure (or share) "
    "reaches, else otherwise (default 0).",
    ("input", "numerator", "denominator", "steps", "otherwise"),
    _threshold_check,
    lambda p: (p["input"],) if "input" in p else (p["numerator"], p["denominator"]),
    _threshold_points, _threshold_explain, needs_max=False)


# --- deduction per occurrence ---------------------------------------------------------------

def _deduction_check(params: Params, maximum: Decimal | None) -> list[str]:
    problems: list[str] = []
    _name(params, "input", problems)
    if "per" not in params:
        problems.append("per: missing; the points deducted per occurrence (e.g. per = 0.25)")
    _number(params, "per", problems, positive=True)
    _not_above(_number(params, "floor", problems), "floor", maximum, problems)
    return problems


def _deduction_points(params: Params, maximum: Decimal | None,
                      figures: Mapping[str, Figure]) -> Decimal:
    assert maximum is not None
    count = _count(figures, params["input"])
    if not _whole(count):
        raise RuleInputError(f"{params['input']} = {plain(count)} is not a whole count")
    floor = to_decimal(params.get("floor", 0))
    return max(maximum - to_decimal(params["per"]) * count, floor)


def _deduction_explain(params: Params, maximum: Decimal | None,
                       figures: Mapping[str, Figure], points: Decimal) -> str:
    assert maximum is not None
    count = _count(figures, params["input"])
    per = to_decimal(params["per"])
    floor = to_decimal(params.get("floor", 0))
    return (f"{plain(maximum)} − {plain(per)} × {params['input']} {plain(count)}, "
            f"not below {plain(floor)} = {plain(points)}")


DEDUCTION = RuleKind(
    "deduction",
    "Full marks minus per points for each occurrence, never below floor (default 0).",
    ("input", "per", "floor"),
    _deduction_check, lambda p: (p["input"],), _deduction_points, _deduction_explain)


#: The core's rule kinds, registered by :mod:`parindex._plugins.builtins`.
BUILTIN_KINDS: Final = (POINTS, YES_NO, PROPORTIONAL, THRESHOLD, DEDUCTION, UNKNOWN)


def check_params(kind: RuleKind, params: Params, maximum: Decimal | None) -> list[str]:
    """Problems with a rule's parameters: unknown keys, then the kind's own checks."""
    problems = [f"{key}: not a parameter of a {kind.name} rule"
                + (f" (it takes {', '.join(kind.params)})" if kind.params else
                   " (it takes none)")
                for key in params if key not in kind.params]
    return problems + kind.check(params, maximum)


def apply(kind: RuleKind, rule: Rule, maximum: Decimal | None,
          figures: Mapping[str, Figure]) -> tuple[Decimal, str]:
    """The points a rule gives for reported figures, and how they arise.

    :raises RuleInputError: missing or extra figures, or figures the rule cannot score.
    """
    wanted = kind.inputs(rule.params)
    missing = [name for name in wanted if name not in figures]
    extra = [name for name in figures if name not in wanted]
    if missing or extra:
        parts = []
        if missing:
            parts.append(f"missing {', '.join(missing)}")
        if extra:
            parts.append(f"not read by the rule: {', '.join(extra)}")
        raise RuleInputError(f"a {kind.name} rule reads {', '.join(wanted) or 'nothing'}; "
                             + "; ".join(parts))
    points = kind.points(rule.params, maximum, figures)
    if not isinstance(points, Decimal) or not points.is_finite() or points < 0 \
            or (maximum is not None and points > maximum):
        raise RuleInputError(f"the {kind.name} rule gave {points!r}, not points in "
                             f"[0, {plain(maximum) if maximum is not None else '?'}]")
    return points, kind.explain(rule.params, maximum, figures, points)
