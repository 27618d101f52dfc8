"""Testing helpers for plugin authors and downstream users of parindex.

:mod:`parindex.testing.strategies` holds public `hypothesis <https://hypothesis.works>`_
strategies that generate frameworks, criteria trees, bands and assessments, for property
tests of plugins and of code built on parindex. hypothesis is an optional dependency,
installed with the ``parindex[testing]`` extra (``pip install 'parindex[testing]'``);
this package itself imports nothing from it, so ``import parindex.testing`` always works.
"""
