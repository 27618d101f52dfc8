"""Layer 2, the engine: leaf rules, exact scoring of one unit, the batch kernel for many,
ranking, banding and reconciliation of printed figures.

Imports only :mod:`parindex._base`.
"""
