"""Layer 1, the model: criteria trees, assessments, exact numbers and typed errors.

Imports nothing else from parindex.
"""
