"""Crash fuzzers for mlxcy: mutated files for every loader, and a bad-argument sweep over the API.

See docs/DEVELOPING.md ("Fuzzing") and `python -m tools.fuzz --help`.
"""
