"""Bounds on what the command line and the library accept, documented in docs/limits.md.

Others live beside what they bound: :data:`parindex._base.numbers.MAX_DIGITS` and
``MAX_EXPONENT`` (numbers read), :data:`parindex._base.model.MAX_DEPTH` and ``MAX_NODES``
(frameworks), :data:`parindex._base.files.MAX_INPUT_BYTES` (input files) and
:data:`parindex._formats.tables.MAX_CELLS` (sheets).
"""

#: The most Monte Carlo draws (``--draws``, :func:`parindex.monte_carlo`): 100,000 draws
#: already give rank intervals to well under one place.
MAX_DRAWS = 100_000
#: The most better places ``gaps --places`` computes.
MAX_PLACES = 1_000
