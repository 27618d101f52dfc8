"""Layer 5, audit: reproducing published tables, comparing years, conformance of framework
files.

Imports only the layers below (and not :mod:`parindex._analysis`, its sibling).
"""
