"""Layer 5, analysis: lost points and gaps, unit profiles, sensitivity (what-if, Monte
Carlo), improvement-plan drafts.

Imports only the layers below (and not :mod:`parindex._audit`, its sibling).
"""
