"""The test suite's own layout: test files share helpers through tests/_oracles.py (and
tests/_device.py for what follows the default device), never by importing one another. A test
file imported for its helpers drags its module state along (seeded generators, marks, its own
imports) and ties the files' edits together."""
import ast
import pathlib

TESTS = pathlib.Path(__file__).resolve().parent


def suite_module_names():
    """The module names of the test files (test_*.py) in tests/."""
    return {p.stem for p in TESTS.glob("test_*.py")}


def imported_test_modules(source, test_modules):
    """The modules among `test_modules` that `source` imports, anywhere in it (inside functions
    too): `import m`, `from m import x`, `from tests.m import x`, `from tests import m`,
    `from . import m`, `importlib.import_module("m")`, `__import__("m")`. Sorted."""
    found = set()

    def note(dotted):
        found.update(part for part in dotted.split(".") if part in test_modules)

    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            for alias in node.names:
                note(alias.name)
        elif isinstance(node, ast.ImportFrom):
            if node.module is not None:
                note(node.module)
            for alias in node.names:   # `from tests import test_x`: the name imported is a module
                note(alias.name)
        elif isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant) \
                and isinstance(node.args[0].value, str):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
            if name in ("import_module", "__import__"):
                note(node.args[0].value)
    return sorted(found)


def test_no_test_file_imports_another():
    modules = suite_module_names()
    assert len(modules) > 10   # the glob found the suite
    offenders = {}
    for path in sorted(TESTS.rglob("*.py")):   # the test files, the helpers, the scripts tests run
        imported = imported_test_modules(path.read_text(encoding="utf-8"), modules)
        if imported:
            offenders[str(path.relative_to(TESTS))] = imported
    assert offenders == {}, f"share helpers through tests/_oracles.py (or _device.py) instead: {offenders}"


def test_import_finder_sees_every_form():
    modules = {"test_a", "test_b", "test_c", "test_d", "test_e", "test_f", "test_g"}
    source = '''
import numpy, test_a
from test_b import helper
import importlib


def late():
    from tests.test_c import other
    from tests import test_d
    mod = importlib.import_module("test_e")
    return __import__("test_f"), mod


class Later:
    def method(self):
        from . import test_g
'''
    assert imported_test_modules(source, modules) == sorted(modules)
    clean = '''
import unittest
from _oracles import check_close, rand
from _device import matmul_tol
import test_outside_the_suite
name = "test_a"
'''
    assert imported_test_modules(clean, modules) == []
