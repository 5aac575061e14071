# cython: language_level=3, cpp_locals=True, embedsignature=True
"""(to be written: see the issue that owns this module)"""
