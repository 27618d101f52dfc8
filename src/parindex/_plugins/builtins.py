"""The core's built-in plugin, registered through the same hooks as any other plugin.

The core ships no province framework of its own (province plugins do), but it provides
the standard rule kinds, the competition and dense ranking methods and the ``minimum``
band method. Registering them here, like a plugin would, keeps one registry of names: a
plugin that registers a name the core already has is a conflict.
"""

from __future__ import annotations

from .._base.model import Framework
from .._engine.ranking import COMPETITION, DENSE, Ranker
from .._engine.rules import BUILTIN_KINDS, RuleKind
from .._engine.scoring import MINIMUM, BandMethod
from ..hookspecs import hookimpl

#: The built-ins by name (used without plugin discovery, for speed).
RULE_KINDS: dict[str, RuleKind] = {kind.name: kind for kind in BUILTIN_KINDS}
RANKING_METHODS: dict[str, Ranker] = {r.name: r for r in (COMPETITION, DENSE)}
BAND_METHODS: dict[str, BandMethod] = {MINIMUM.name: MINIMUM}


@hookimpl
def parindex_frameworks() -> list[Framework]:
    return []


@hookimpl
def parindex_scoring_rules() -> list[RuleKind]:
    return list(RULE_KINDS.values())


@hookimpl
def parindex_ranking_methods() -> list[Ranker]:
    return list(RANKING_METHODS.values())


@hookimpl
def parindex_band_methods() -> list[BandMethod]:
    return list(BAND_METHODS.values())
