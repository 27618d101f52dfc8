"""Layer 3, plugins: the registry of installed frameworks, rule kinds, ranking and band
methods, and the core's built-ins registered through the same hooks (:mod:`parindex.hookspecs`).

Imports only the layers below.
"""
