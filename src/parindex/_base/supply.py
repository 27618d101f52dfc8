"""Telling a user how to supply a fact no source gives (in an overlay file).

It lives with the model because the engine words its refusals with it
(:class:`~parindex.MissingInformationError`), and the engine must not reach up to the
overlay reader.
"""

from __future__ import annotations

from .errors import Problem
from .i18n import Sentence
from .model import Framework


def how_to_supply(framework: Framework, missing: list[str]) -> list[Problem]:
    """One problem per missing fact, saying which overlay keys supply it, then how to use
    the overlay. ``missing`` holds paths as :meth:`Framework.unknowns` gives them."""
    problems = []
    bands_said = False
    for path in missing:
        parts = path.split(".")
        if parts[0] == "criteria" and len(parts) >= 3:
            code, what = ".".join(parts[1:-1]), parts[-1]
            if what == "max":
                key = f'[criteria."{code}"] max = ..., status = "read", source = "..."'
            elif what == "rule":
                key = (f'[criteria."{code}".rule] kind = "...", its parameters, '
                       'status = "read", source = "..."')
            else:
                key = f'[criteria."{code}"] {what} = "..."'
            problems.append(Problem(Sentence("m_missing_write", path=path, write=key)))
        elif parts[0] == "bands":
            if not bands_said:
                problems.append(Problem(Sentence("m_missing_bands", path=path)))
                bands_said = True
            else:
                problems.append(Problem(Sentence("m_missing_same_bands", path=path)))
        else:
            problems.append(Problem(Sentence("m_missing_fact", path=path)))
    base = framework.derived_from or framework.id
    problems.append(Problem(Sentence("m_supply", base=base)))
    return problems
