"""The base layer: data types, errors, settings, protocols and Vietnamese text helpers.

It imports nothing of the project's other packages; ``ingest`` and ``vectorstore`` stand on it,
``assistant`` on them, and the CLI and ``app.py`` on top (``tests/test_layers.py`` checks it).
"""
