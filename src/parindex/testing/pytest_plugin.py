"""pytest plugin for parindex plugin authors (registered through the ``pytest11`` entry point).

Imports nothing from hypothesis, so that installing parindex never breaks a pytest run.
"""
