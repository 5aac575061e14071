"""Every public name of mlxcy has a docstring in the format of tools/docstrings/README.md.

For each public function, class, method and property of ``mlxcy`` (and its fft, linalg, random,
fast, distributed, metal and cuda namespaces, the methods and properties of ``array`` and the
other classes), ``mlxcy.nn`` (``Module``'s methods, ``nn.losses``, ``nn.init``),
``mlxcy.optimizers`` and ``mlxcy.utils``, the docstring must have the sections its kind needs
(Parameters naming every parameter, Returns for functions, methods and properties, Examples for
all) and its examples must run under doctest (``tools/docstrings/check.py`` does both).

Names not documented yet are listed in ``tests/docstrings_todo.txt``: their check is expected to
fail, and a listed name that passes fails the test, so the list only shrinks. Regenerate the
list with ``python tools/docstrings/check.py --write-todo`` only when names are added.
"""
import importlib.util
import os

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
_spec = importlib.util.spec_from_file_location("docstrings_check", os.path.join(ROOT, "tools", "docstrings", "check.py"))
check = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(check)

OBJECTS = check.public_objects()
TODO = check.read_todo()


@pytest.mark.parametrize("name", sorted(OBJECTS))
def test_docstring(name):
    obj, owner, _ = OBJECTS[name]
    problem = check.check_doc(name, obj.__doc__, obj, owner)
    if name in TODO:
        assert problem, f"{name} is documented now: remove it from tests/docstrings_todo.txt"
        return
    assert not problem, f"the docstring of {name} (tools/docstrings/README.md):\n{problem}"


def test_todo_lists_only_public_names():
    stale = sorted(TODO - set(OBJECTS))
    assert not stale, f"not public names (remove them from tests/docstrings_todo.txt): {stale}"


def test_check_finds_missing_sections_and_failing_examples():
    """The checker itself: a docstring lacking Returns, a parameter or a passing example fails."""

    def scale(a, factor=2):
        return a * factor

    good = """Multiply by a factor.

    Parameters
    ----------
    a : array
        The input.
    factor : int, optional
        The factor. Default: ``2``.

    Returns
    -------
    array

    Examples
    --------
    >>> mx.array([1, 2]) * 2
    array([2, 4], dtype=int32)
    """
    assert check.check_doc("scale", good, scale) == ""
    without_returns = good.replace("Returns\n    -------\n    array\n", "")
    assert "missing sections: Returns" in check.check_doc("scale", without_returns, scale)
    without_factor = good.replace("factor : int, optional\n        The factor. Default: ``2``.\n", "")
    assert "parameters not in Parameters: factor" in check.check_doc("scale", without_factor, scale)
    wrong_output = good.replace("array([2, 4]", "array([2, 5]")
    assert "Failed example" in check.check_doc("scale", wrong_output, scale)
