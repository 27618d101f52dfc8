"""Layer 4, formats: framework and assessment TOML, overlays, results tables (CSV, .xlsx,
JSON, TOML) and results as JSON data.

Imports only the layers below.
"""
