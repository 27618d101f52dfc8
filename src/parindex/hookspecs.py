"""Hook specifications: what a parindex plugin can provide.

A plugin is a module (or object) with functions decorated by :data:`parindex.hookimpl`,
named after the hooks below, and listed under the ``parindex`` entry-point group of its
distribution::

    [project.entry-points.parindex]
    thua_thien_hue = "parindex_thua_thien_hue"

Every hook returns a list of typed, frozen registration objects, and every name it
registers must be unique across the installed plugins (two providers of one name are
reported as a conflict naming both). A function whose name starts with ``parindex_`` but
matches no hook below is an error, so a misspelled hook never goes silently unused.

The core registers its own built-ins (the standard rule kinds, the competition and dense
ranking methods, the ``minimum`` band method) through these same hooks, in
:mod:`parindex._plugins.builtins`.
"""

from __future__ import annotations

import pluggy

from ._base.model import Framework
from ._engine.ranking import Ranker
from ._engine.rules import RuleKind
from ._engine.scoring import BandMethod

PROJECT = "parindex"

#: Marks a function as a hook specification (used by parindex itself).
hookspec = pluggy.HookspecMarker(PROJECT)
#: Marks a plugin's function as an implementation of a parindex hook.
hookimpl = pluggy.HookimplMarker(PROJECT)


@hookspec
def parindex_frameworks() -> list[Framework]:  # type: ignore[empty-body]
    """Return the frameworks this plugin provides.

    Frameworks are data: read them from the plugin's TOML files with
    :func:`parindex.frameworks_in` (or :func:`parindex.load_framework`). Each framework id
    must be provided by one plugin only. A framework may name rule kinds, a ranking method
    and a band method that any installed plugin registers; a name nobody registers makes
    the plugin fail (reported, or fatal in strict mode).
    """


@hookspec
def parindex_scoring_rules() -> list[RuleKind]:  # type: ignore[empty-body]
    """Return kinds of scoring rules, for leaves whose scoring the TOML keys cannot express.

    A framework then names the kind in a leaf's ``rule`` table
    (``rule = { kind = "my-kind", ... }``); the other keys of that table are the kind's
    parameters, checked by :attr:`RuleKind.check <parindex.RuleKind.check>`. The function
    in :attr:`RuleKind.points <parindex.RuleKind.points>` must return exact points in
    [0, maximum] and may only read the figures it declares.
    """


@hookspec
def parindex_ranking_methods() -> list[Ranker]:  # type: ignore[empty-body]
    """Return ranking methods: how units with equal values share ranks.

    Frameworks name one with ``ranking = "..."``. The batch API
    (``parindex.score_many(..., batch=True)``) supports only the built-in methods and refuses others.
    """


@hookspec
def parindex_band_methods() -> list[BandMethod]:  # type: ignore[empty-body]
    """Return band methods: how an index (or points) value is placed in a band.

    Frameworks name one with ``band_method = "..."``. The batch API supports only the
    built-in ``minimum`` method and refuses others.
    """
