"""Layer 6, rendering: charts, the HTML report, the plugin scaffold.

Imports only the layers below.
"""
