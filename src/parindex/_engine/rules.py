"""Declarative scoring rules: how a leaf's points follow from figures a unit reports.

A framework file may give a leaf a ``rule`` table (see the file format docs): a *kind*
(``points``, ``yes-no``, ``proportional``, ``threshold``, ``deduction``, the survey kinds
``mean-percent``, ``weighted-percent`` and ``answer-scale``, or ``unknown``, or a kind a
plugin registers through :func:`parindex.hookspecs.parindex_scoring_rules`)
and its parameters. An assessment then gives the raw figures in its ``[inputs]`` table
instead of points, and scoring computes the points. Rules are data: nothing read from a
file is evaluated as code; each kind is a Python function registered under a name.

Arithmetic is exact (:class:`~fractions.Fraction`); the kinds whose points are not a
finite decimal of their parameters round them once, at the end, as they declare:
``proportional`` half up to ``decimals`` (default 2), the survey kinds to ``decimals``
places (default 2) by their ``rounding`` (``half-up``, the default, ``half-even`` or
``down``). The others give exact decimals and never round.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterator, Mapping
from decimal import Decimal
from fractions import Fraction
from typing import Final, TypeAlias

import attrs

from .._base.errors import ParindexError, PluginError
from .._base.i18n import Sentence, Terms, listed, reason
from .._base.model import Params, Rule
from .._base.numbers import NumberError, quantize, to_decimal

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
                    Sentence("rule_points", points=points))
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
        problems.append(f"{key}: " + reason(exc))
        return default
    if positive and number <= 0:
        problems.append(f"{key}: " + Sentence("rp_positive", value=number))
    elif minimum is not None and number < minimum:
        problems.append(f"{key}: " + Sentence("fw_negative", value=number))
    return number


def _name(params: Params, key: str, problems: list[str], required: bool = True) -> str | None:
    if key not in params:
        if required:
            problems.append(f"{key}: " + Sentence("rp_name_missing", name=key))
        return None
    value = params[key]
    if not isinstance(value, str) or not value.strip() or not value.replace("_", "a").isalnum():
        problems.append(f"{key}: " + Sentence("rp_not_a_name", value=repr(value)))
        return None
    return value


def _whole(value: Decimal) -> bool:
    return value == value.to_integral_value()


def _count(figures: Mapping[str, Figure], name: str) -> Decimal:
    if name not in figures:
        raise RuleInputError(Sentence("r_missing", name=repr(name)))
    value = figures[name]
    if isinstance(value, bool):
        raise RuleInputError(Sentence("r_yes_no", name=name, value=str(value).lower()))
    if value < 0:
        raise RuleInputError(Sentence("r_negative", name=name, value=value))
    return value


def _ratio(params: Params, figures: Mapping[str, Figure]) -> Fraction:
    part = _count(figures, params["numerator"])
    whole = _count(figures, params["denominator"])
    if whole == 0:
        raise RuleInputError(Sentence("r_zero_share", denominator=params["denominator"],
                                      numerator=params["numerator"]))
    if part > whole:
        raise RuleInputError(Sentence("r_more_than", numerator=params["numerator"], part=part,
                                      denominator=params["denominator"], whole=whole))
    return Fraction(part) / Fraction(whole)


def _ratio_text(params: Params, figures: Mapping[str, Figure]) -> Sentence:
    return Sentence("rule_ratio", numerator=params["numerator"],
                    part=_count(figures, params["numerator"]),
                    denominator=params["denominator"],
                    whole=_count(figures, params["denominator"]))


def _percent(value: Fraction) -> Sentence:
    return Sentence("rule_percent", value=quantize(value * 100, 2))


def _check_ratio_names(params: Params, problems: list[str]) -> None:
    numerator = _name(params, "numerator", problems)
    denominator = _name(params, "denominator", problems)
    if numerator is not None and numerator == denominator:
        problems.append(Sentence("rp_same_figure"))


def _not_above(value: Decimal | None, key: str, maximum: Decimal | None,
               problems: list[str]) -> None:
    if value is not None and maximum is not None and value > maximum:
        problems.append(f"{key}: " + Sentence("rp_above_max", value=value, max=maximum))


# --- points given directly, and unknown -----------------------------------------------------

def _no_params(params: Params, maximum: Decimal | None) -> list[str]:
    return []


def _no_inputs(params: Params) -> tuple[str, ...]:
    return ()


def _given_only(params: Params, maximum: Decimal | None,
                figures: Mapping[str, Figure]) -> Decimal:
    raise RuleInputError(Sentence("r_given"))


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
        raise RuleInputError(Sentence("r_missing", name=repr(name)))
    value = figures[name]
    if not isinstance(value, bool):
        raise RuleInputError(Sentence("r_yes_no_rule", name=name, value=value))
    assert maximum is not None
    return maximum if value else ZERO


YES_NO = RuleKind(
    "yes-no", "Full marks if the figure is true, zero if false.", ("input",),
    _yes_no_check, lambda p: (p["input"],), _yes_no_points,
    explain=lambda p, m, f, pts: Sentence("rule_yes_no", input=p["input"],
                                          value=str(f[p["input"]]).lower(), points=pts))


# --- proportional ---------------------------------------------------------------------------

def _proportional_check(params: Params, maximum: Decimal | None) -> list[str]:
    problems: list[str] = []
    _check_ratio_names(params, problems)
    floor = _number(params, "floor", problems)
    cap = _number(params, "cap", problems)
    target = _number(params, "target", problems, positive=True)
    if target is not None and target > 1:
        problems.append("target: " + Sentence("rp_target_share", value=target))
    decimals = params.get("decimals", 2)
    if isinstance(decimals, bool) or not isinstance(decimals, int) or not 0 <= decimals <= 9:
        problems.append("decimals: " + Sentence("rp_decimals", value=repr(decimals)))
        decimals = 9
    for key, value in (("floor", floor), ("cap", cap)):
        _not_above(value, key, maximum, problems)
        if value is not None and -value.as_tuple().exponent > decimals:  # type: ignore[operator]
            problems.append(f"{key}: " + Sentence("rp_more_places", value=value,
                                                  decimals=decimals))
    if cap is None and maximum is not None and -maximum.as_tuple().exponent > decimals:  # type: ignore[operator]
        problems.append("decimals: " + Sentence(
            "rp_round_below", decimals=decimals, max=maximum,
            places=-maximum.as_tuple().exponent))  # type: ignore[operator]
    if floor is not None and cap is not None and floor > cap:
        problems.append(Sentence("rp_floor_cap", floor=floor, cap=cap))
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
    text = Sentence("rule_equals", left=_ratio_text(params, figures), right=_percent(ratio))
    target = to_decimal(params.get("target", 1))
    scale = Sentence("rule_share", max=maximum)
    if target != 1:
        scale += Sentence("rule_divided", by=target)
    raw = Fraction(maximum) * ratio / Fraction(target)
    clamped = _proportional_exact(params, maximum, figures)
    if clamped < raw:
        scale += Sentence("rule_capped", raw=quantize(raw, 4),
                          cap=to_decimal(params.get("cap", maximum)))
    elif clamped > raw:
        scale += Sentence("rule_floored", raw=quantize(raw, 4),
                          floor=to_decimal(params.get("floor", 0)))
    return Sentence("rule_proportional", text=text, scale=scale,
                    decimals=params.get("decimals", 2), points=points)


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
            problems.append(Sentence("rp_input_or_ratio"))
        _name(params, "input", problems)
    else:
        _check_ratio_names(params, problems)
    steps = params.get("steps")
    if not isinstance(steps, tuple) or not steps:
        problems.append("steps: " + Sentence("rp_steps_missing"))
        steps = ()
    previous: Decimal | None = None
    for i, step in enumerate(steps):
        if not isinstance(step, Mapping) or set(step) != {"min", "points"}:
            problems.append(f"steps[{i}]: " + Sentence("rp_step_table"))
            continue
        sub: list[str] = []
        low = _number(Params(step), "min", sub)
        points = _number(Params(step), "points", sub)
        _not_above(points, "points", maximum, sub)
        problems += [f"steps[{i}]." + p for p in sub]
        if low is not None and previous is not None and low >= previous:
            problems.append(f"steps[{i}].min: " + Sentence("rp_steps_order", low=low,
                                                           previous=previous))
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
        text = Sentence("rule_figure", name=params["input"],
                        value=_count(figures, params["input"]))
    else:
        text = Sentence("rule_equals", left=_ratio_text(params, figures),
                        right=_percent(value))
    for step in params["steps"]:
        if value >= Fraction(to_decimal(step["min"])):
            return Sentence("rule_step", text=text, min=to_decimal(step["min"]),
                            points=points)
    return Sentence("rule_below_steps", text=text, points=points)


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
        problems.append("per: " + Sentence("rp_per_missing"))
    _number(params, "per", problems, positive=True)
    _not_above(_number(params, "floor", problems), "floor", maximum, problems)
    return problems


def _deduction_points(params: Params, maximum: Decimal | None,
                      figures: Mapping[str, Figure]) -> Decimal:
    assert maximum is not None
    count = _count(figures, params["input"])
    if not _whole(count):
        raise RuleInputError(Sentence("r_whole_count", name=params["input"], value=count))
    floor = to_decimal(params.get("floor", 0))
    return max(maximum - to_decimal(params["per"]) * count, floor)


def _deduction_explain(params: Params, maximum: Decimal | None,
                       figures: Mapping[str, Figure], points: Decimal) -> str:
    assert maximum is not None
    count = _count(figures, params["input"])
    per = to_decimal(params["per"])
    floor = to_decimal(params.get("floor", 0))
    return Sentence("rule_deduction", max=maximum, per=per, input=params["input"],
                    count=count, floor=floor, points=points)


DEDUCTION = RuleKind(
    "deduction",
    "Full marks minus per points for each occurrence, never below floor (default 0).",
    ("input", "per", "floor"),
    _deduction_check, lambda p: (p["input"],), _deduction_points, _deduction_explain)


# --- survey blocks: percentages and answers on a scale ----------------------------------------
#
# Provinces compute the survey block (điều tra xã hội học) from a satisfaction survey such
# as SIPAS: from element percentages (a plain or weighted mean, scaled to the block's
# points) or from counts of answers on a scale. Each declares how it rounds.

#: How a survey rule rounds its points to ``decimals`` places.
ROUNDINGS: Final = ("half-up", "half-even", "down")
_HUNDRED: Final = Fraction(100)


def _check_rounding(params: Params, maximum: Decimal | None, problems: list[str]) -> None:
    decimals = params.get("decimals", 2)
    if isinstance(decimals, bool) or not isinstance(decimals, int) or not 0 <= decimals <= 9:
        problems.append("decimals: " + Sentence("rp_decimals", value=repr(decimals)))
    elif maximum is not None and -maximum.as_tuple().exponent > decimals:  # type: ignore[operator]
        # Full marks must round to the maximum itself: 0.25 to 1 place is 0.3 (above it)
        # or 0.2 (never reachable).
        problems.append(Sentence("rp_decimals_hold", decimals=decimals, max=maximum,
                                 places=-maximum.as_tuple().exponent))  # type: ignore[operator]
    rounding = params.get("rounding", "half-up")
    if rounding not in ROUNDINGS:
        problems.append("rounding: " + Sentence("e_not_one_of", value=repr(rounding),
                                                options=tuple(map(repr, ROUNDINGS))))


def _rounded(params: Params, value: Fraction) -> Decimal:
    """``value`` (exact, ≥ 0) rounded to the rule's ``decimals`` places as its
    ``rounding`` says."""
    decimals = params.get("decimals", 2)
    scaled = value * 10**decimals
    whole, rest = divmod(scaled.numerator, scaled.denominator)
    twice, mode = 2 * rest, params.get("rounding", "half-up")
    if (mode == "half-up" and twice >= scaled.denominator) or (
            mode == "half-even" and (twice > scaled.denominator
                                     or (twice == scaled.denominator and whole % 2))):
        whole += 1
    return Decimal(whole).scaleb(-decimals).quantize(Decimal(1).scaleb(-decimals))


def _rounding_text(params: Params) -> Sentence:
    mode = Sentence(f"rule_mode_{params.get('rounding', 'half-up')}")
    decimals = params.get("decimals", 2)
    return Sentence("rule_rounded_one" if decimals == 1 else "rule_rounded", mode=mode,
                    decimals=decimals)


def _figure_names(params: Params, key: str, problems: list[str]) -> tuple[str, ...]:
    """A list parameter of figure names: present, non-empty, each a name, none repeated."""
    value = params.get(key)
    if not isinstance(value, tuple) or not value:
        problems.append(f"{key}: " + Sentence("rp_names_missing", name=key))
        return ()
    names = []
    for i, name in enumerate(value):
        if not isinstance(name, str) or not name.strip() \
                or not name.replace("_", "a").isalnum():
            problems.append(f"{key}[{i}]: " + Sentence("rp_not_a_name", value=repr(name)))
        elif name in names:
            problems.append(f"{key}[{i}]: " + Sentence("rp_listed_twice", value=repr(name)))
        else:
            names.append(name)
    return tuple(names)


def _percentage(figures: Mapping[str, Figure], name: str) -> Decimal:
    if name not in figures:
        raise RuleInputError(Sentence("r_missing", name=repr(name)))
    value = figures[name]
    if isinstance(value, bool):
        raise RuleInputError(Sentence("r_percent_yes_no", name=name,
                                      value=str(value).lower()))
    if not 0 <= value <= 100:
        raise RuleInputError(Sentence("r_percent_range", name=name, value=value))
    return value


def _scaled(params: Params, maximum: Decimal | None, percent: Fraction) -> Fraction:
    assert maximum is not None
    return Fraction(maximum) * percent / _HUNDRED


def _fraction_text(value: Fraction) -> Sentence:
    """An exact value as a decimal, or to 4 places with an ellipsis when it does not end."""
    shown = quantize(value, 4)
    if shown == value:
        return Sentence("ev_exact", value=shown.normalize(), more="")
    return Sentence("ev_exact", value=shown, more="…")


def _mean_check(params: Params, maximum: Decimal | None) -> list[str]:
    problems: list[str] = []
    _figure_names(params, "inputs", problems)
    _check_rounding(params, maximum, problems)
    return problems


def _mean_percent(params: Params, figures: Mapping[str, Figure]) -> Fraction:
    values = [_percentage(figures, name) for name in params["inputs"]]
    return sum((Fraction(v) for v in values), Fraction(0)) / len(values)


def _mean_points(params: Params, maximum: Decimal | None,
                 figures: Mapping[str, Figure]) -> Decimal:
    return _rounded(params, _scaled(params, maximum, _mean_percent(params, figures)))


def _mean_explain(params: Params, maximum: Decimal | None, figures: Mapping[str, Figure],
                  points: Decimal) -> str:
    assert maximum is not None
    names = params["inputs"]
    mean = _mean_percent(params, figures)
    total = sum((_percentage(figures, n) for n in names), ZERO)
    terms = Terms(Sentence("rule_figure", name=n, value=_percentage(figures, n))
                  for n in names)
    return Sentence("rule_mean", count=len(names), terms=terms, total=total,
                    mean=_fraction_text(mean), max=maximum,
                    scaled=_fraction_text(_scaled(params, maximum, mean)),
                    rounding=_rounding_text(params), points=points)


MEAN_PERCENT = RuleKind(
    "mean-percent",
    "The mean of several percentages (e.g. SIPAS's five elements), each in [0, 100], "
    "scaled to the leaf's maximum: maximum × mean ÷ 100, rounded as declared.",
    ("inputs", "decimals", "rounding"),
    _mean_check, lambda p: tuple(p["inputs"]), _mean_points, _mean_explain)


def _weights(params: Params, problems: list[str]) -> dict[str, Decimal]:
    table = params.get("weights")
    if not isinstance(table, Mapping) or not table:
        problems.append("weights: " + Sentence("rp_weights_missing"))
        return {}
    weights = {}
    for name, value in table.items():
        if not name.replace("_", "a").isalnum():
            problems.append(f"weights.{name}: " + Sentence("rp_not_a_name_bare"))
            continue
        sub: list[str] = []
        weight = _number(Params({name: value}), name, sub, positive=True)
        problems += ["weights." + p for p in sub]
        if weight is not None and not sub:
            weights[name] = weight
    return weights


def _weighted_check(params: Params, maximum: Decimal | None) -> list[str]:
    problems: list[str] = []
    _weights(params, problems)
    _check_rounding(params, maximum, problems)
    return problems


def _weighted_percent(params: Params, figures: Mapping[str, Figure]) -> Fraction:
    weights = {n: Fraction(to_decimal(w)) for n, w in params["weights"].items()}
    values = {n: Fraction(_percentage(figures, n)) for n in weights}
    return sum((weights[n] * values[n] for n in weights), Fraction(0)) / sum(weights.values())


def _weighted_points(params: Params, maximum: Decimal | None,
                     figures: Mapping[str, Figure]) -> Decimal:
    return _rounded(params, _scaled(params, maximum, _weighted_percent(params, figures)))


def _weighted_explain(params: Params, maximum: Decimal | None, figures: Mapping[str, Figure],
                      points: Decimal) -> str:
    assert maximum is not None
    weights = {n: to_decimal(w) for n, w in params["weights"].items()}
    mean = _weighted_percent(params, figures)
    terms = Terms(Sentence("rule_weighted_term", weight=w, name=n,
                           value=_percentage(figures, n)) for n, w in weights.items())
    return Sentence("rule_weighted", terms=terms, weights=sum(weights.values(), ZERO),
                    mean=_fraction_text(mean), max=maximum,
                    scaled=_fraction_text(_scaled(params, maximum, mean)),
                    rounding=_rounding_text(params), points=points)


WEIGHTED_PERCENT = RuleKind(
    "weighted-percent",
    "A weighted mean of percentages, each in [0, 100], with declared weights (divided by "
    "their sum), scaled to the leaf's maximum and rounded as declared.",
    ("weights", "decimals", "rounding"),
    _weighted_check, lambda p: tuple(p["weights"]), _weighted_points, _weighted_explain)


def _answers(params: Params, maximum: Decimal | None, problems: list[str]
             ) -> list[tuple[str, str | None, Decimal]]:
    table = params.get("answers")
    if not isinstance(table, tuple) or not table:
        problems.append("answers: " + Sentence("rp_answers_missing"))
        return []
    answers: list[tuple[str, str | None, Decimal]] = []
    for i, entry in enumerate(table):
        if not isinstance(entry, Mapping) or not {"input", "points"} <= set(entry) \
                or not set(entry) <= {"input", "label", "points"}:
            problems.append(f"answers[{i}]: " + Sentence("rp_answer_table"))
            continue
        sub: list[str] = []
        name = _name(Params(entry), "input", sub)
        points = _number(Params(entry), "points", sub)
        _not_above(points, "points", maximum, sub)
        label = entry.get("label")
        if label is not None and not isinstance(label, str):
            sub.append("label: " + Sentence("rp_not_text", value=repr(label)))
        if name is not None and any(name == a[0] for a in answers):
            sub.append("input: " + Sentence("rp_listed_twice", value=repr(name)))
        problems += [f"answers[{i}]." + p for p in sub]
        if not sub and name is not None and points is not None:
            answers.append((name, label, points))
    return answers


def _scale_check(params: Params, maximum: Decimal | None) -> list[str]:
    problems: list[str] = []
    answers = _answers(params, maximum, problems)
    respondents = _name(params, "respondents", problems, required=False)
    if respondents is not None and any(respondents == a[0] for a in answers):
        problems.append("respondents: " + Sentence("rp_also_answer", value=repr(respondents)))
    _check_rounding(params, maximum, problems)
    return problems


def _scale_counts(params: Params, figures: Mapping[str, Figure]) -> tuple[list[Decimal], Decimal]:
    counts = []
    for entry in params["answers"]:
        count = _count(figures, entry["input"])
        if not _whole(count):
            raise RuleInputError(Sentence("r_whole_answers", name=entry["input"], value=count))
        counts.append(count)
    total = sum(counts, ZERO)
    if "respondents" in params:
        stated = _count(figures, params["respondents"])
        if stated != total:
            names = Terms(e["input"] for e in params["answers"])
            raise RuleInputError(Sentence("r_answers_sum", names=names, total=total,
                                          respondents=params["respondents"], stated=stated))
    if total == 0:
        raise RuleInputError(Sentence("r_no_answers"))
    return counts, total


def _scale_exact(params: Params, figures: Mapping[str, Figure]) -> Fraction:
    counts, total = _scale_counts(params, figures)
    earned = sum((Fraction(c) * Fraction(to_decimal(e["points"]))
                  for c, e in zip(counts, params["answers"], strict=True)), Fraction(0))
    return earned / Fraction(total)


def _scale_points(params: Params, maximum: Decimal | None,
                  figures: Mapping[str, Figure]) -> Decimal:
    return _rounded(params, _scale_exact(params, figures))


def _scale_explain(params: Params, maximum: Decimal | None, figures: Mapping[str, Figure],
                   points: Decimal) -> str:
    counts, total = _scale_counts(params, figures)
    terms = Terms(Sentence("rule_times", count=c, points=to_decimal(e["points"]))
                  for c, e in zip(counts, params["answers"], strict=True))
    labels = ", ".join(f"{e['input']}" + (f" ({e['label']})" if e.get("label") else "")
                       for e in params["answers"])
    return Sentence("rule_scale", labels=labels, terms=terms, total=total,
                    exact=_fraction_text(_scale_exact(params, figures)),
                    rounding=_rounding_text(params), points=points)


ANSWER_SCALE = RuleKind(
    "answer-scale",
    "Counts of answers on a scale (e.g. Rất hài lòng / Hài lòng / Bình thường / Không hài "
    "lòng), each answer worth the points a declared table gives: the mean over all answers, "
    "rounded as declared; the counts must add up to respondents when it is given.",
    ("answers", "respondents", "decimals", "rounding"),
    _scale_check,
    lambda p: (*(e["input"] for e in p["answers"]),
               *((p["respondents"],) if "respondents" in p else ())),
    _scale_points, _scale_explain, needs_max=False)


#: The core's rule kinds, registered by :mod:`parindex._plugins.builtins`.
BUILTIN_KINDS: Final = (POINTS, YES_NO, PROPORTIONAL, THRESHOLD, DEDUCTION, MEAN_PERCENT,
                        WEIGHTED_PERCENT, ANSWER_SCALE, UNKNOWN)


def check_params(kind: RuleKind, params: Params, maximum: Decimal | None) -> list[str]:
    """Problems with a rule's parameters: unknown keys, then the kind's own checks."""
    # "key: ..." as the kinds' own checks word theirs, the key as written.
    problems: list[str] = [f"{key}: " + (
        Sentence("n_not_a_param", kind=kind.name, takes=tuple(kind.params)) if kind.params
        else Sentence("n_not_a_param_none", kind=kind.name))
        for key in params if key not in kind.params]
    return problems + kind.check(params, maximum)


class _Undeclared(KeyError):
    """A rule's points function read a figure its kind does not declare."""

    def __str__(self) -> str:
        return str(self.args[0])


class _Declared(Mapping[str, Figure]):
    """The figures a rule may read: reading any other one is the rule's fault, named."""

    def __init__(self, figures: Mapping[str, Figure], kind: str,
                 declared: tuple[str, ...]) -> None:
        self._figures, self._kind, self._declared = figures, kind, declared
        self.undeclared: list[str] = []

    def __getitem__(self, name: str) -> Figure:
        if name not in self._declared:
            self.undeclared.append(name)
            raise _Undeclared(Sentence("rv_undeclared_read", kind=self._kind, name=repr(name),
                                       declared=self._declared or Sentence("none")))
        return self._figures[name]

    def __contains__(self, name: object) -> bool:
        if isinstance(name, str) and name not in self._declared:
            self.undeclared.append(name)
        return name in self._figures

    def __iter__(self) -> Iterator[str]:
        return iter(self._figures)

    def __len__(self) -> int:
        return len(self._figures)


def undeclared_figures(kind: RuleKind, params: Params, maximum: Decimal | None) -> list[str]:
    """Problems, as messages, when a rule's points function reads figures beyond those its
    kind declares for these parameters (:attr:`RuleKind.inputs`): found when a framework
    is loaded, by trying the rule once on sample figures (1, then yes), rather than when a
    unit is scored.

    Only what the trial reaches is seen (a branch taken on other figures is not); at
    scoring, a read beyond the declared figures is refused by :func:`apply` in any case.
    """
    try:
        declared = tuple(kind.inputs(params))
    except Exception as exc:  # noqa: BLE001 - a plugin's function may fail in any way
        return [Sentence("n_inputs_failed", kind=kind.name,
                         error=f"{type(exc).__name__}: {exc}")]
    found: list[str] = []
    samples: tuple[Figure, ...] = (Decimal(1), True)
    for sample in samples:
        probe = _Declared(dict.fromkeys(declared, sample), kind.name, declared)
        try:
            kind.points(params, maximum if maximum is not None else Decimal(1), probe)
        except Exception:  # noqa: BLE001, S110 - only the reads matter here
            pass
        found += [name for name in probe.undeclared if name not in found]
    if not found:
        return []
    return [Sentence("n_undeclared", kind=kind.name, figures=tuple(map(repr, found)),
                     declared=tuple(declared) or Sentence("none"))]


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
            parts.append(Sentence("rv_missing", names=tuple(missing)))
        if extra:
            parts.append(Sentence("rv_not_read", names=tuple(extra)))
        raise RuleInputError(Sentence("rv_reads", kind=kind.name,
                                      wanted=tuple(wanted) or Sentence("rv_nothing"))
                             + "; " + listed(parts))
    try:
        # A plugin's rule kind may print: its words go to stderr, never into --json.
        with contextlib.redirect_stdout(sys.stderr):
            points = kind.points(rule.params, maximum, _Declared(figures, kind.name, wanted))
        if not isinstance(points, Decimal) or not points.is_finite() or points < 0 \
                or (maximum is not None and points > maximum):
            raise RuleInputError(Sentence("rv_gave", kind=kind.name, points=repr(points),
                                          max="?" if maximum is None else maximum))
        with contextlib.redirect_stdout(sys.stderr):
            return points, kind.explain(rule.params, maximum, figures, points)
    except _Undeclared as exc:
        raise RuleInputError(exc.args[0]) from None
    except (RuleInputError, ParindexError):
        raise
    except Exception as error:  # noqa: BLE001 - a plugin's rule kind may fail in any way
        raise PluginError(Sentence("rv_failed", kind=repr(kind.name),
                                   error=f"{type(error).__name__}: {error}")) from None
