"""The regular ops (element-wise, reductions), one case per row of the op table
(codegen/regular_ops.py), each against the NumPy oracle its row names: adding a row adds its test."""
import importlib.util
import math
import os

import numpy as np
import pytest

import mlxcy as mx

TABLE = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "codegen", "regular_ops.py")


def _load_table():
    spec = importlib.util.spec_from_file_location("regular_ops", TABLE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.OPS


OPS = _load_table()


def erfinv_by_bisection(y):
    """The inverse of math.erf, element by element, by bisection (to float64 precision)."""
    def one(v):
        lo, hi = -6.0, 6.0
        for _ in range(200):
            mid = (lo + hi) / 2
            lo, hi = (mid, hi) if math.erf(mid) < v else (lo, mid)
        return (lo + hi) / 2
    return np.vectorize(one)(np.asarray(y, np.float64))


def inputs(domain, operands):
    """NumPy inputs for a row's domain: `operands` arrays of the same shape."""
    if domain == "int32":
        x = np.arange(-5, 6, dtype=np.int32)
        return [x, x[::-1].copy()][:operands]
    if domain == "complex":
        x = np.array([1 + 2j, -3.5j, 0, 2.25], np.complex64)
        return [x, x[::-1].copy()][:operands]
    if domain == "special":
        x = np.array([1.0, -np.inf, np.inf, np.nan, 0.0, -2.5], np.float32)
        return [x, x[::-1].copy()][:operands]
    lo, hi = domain
    x = np.linspace(lo, hi, 11, dtype=np.float32)
    return [x, x[::-1].copy()][:operands]


REDUCTION_AXES = [{}, {"axis": 1}, {"axis": 0, "keepdims": True}, {"axis": [0, 1]}]
MODULE_OF_KIND = {"unary": "mlxcy._ops_math", "binary": "mlxcy._ops_math", "logical": "mlxcy._ops_math",
                  "reduction": "mlxcy._ops_reduce"}
ELEMENTWISE = [op for op in OPS if op.kind != "reduction"]
REDUCTIONS = [op for op in OPS if op.kind == "reduction"]


@pytest.mark.parametrize("kw", REDUCTION_AXES, ids=str)
@pytest.mark.parametrize("op", REDUCTIONS, ids=[op.name for op in REDUCTIONS])
def test_reduction_row_against_its_oracle(op, kw):
    lo, hi = op.domain
    x = np.linspace(lo, hi, 12, dtype=np.float32).reshape(3, 4)
    np_kw = dict(kw, axis=tuple(kw["axis"])) if isinstance(kw.get("axis"), list) else kw
    expected = np.asarray(eval(op.oracle, {"np": np, "x": x, "kw": np_kw}))
    got = np.asarray(getattr(mx, op.name)(mx.array(x), **kw))
    assert got.shape == expected.shape
    np.testing.assert_allclose(got, expected, rtol=1e-4, atol=1e-5)


@pytest.mark.parametrize("op", ELEMENTWISE, ids=[op.name for op in ELEMENTWISE])
def test_row_against_its_oracle(op):
    operands = 1 if op.kind == "unary" else 2
    arrays = inputs(op.domain, operands)
    names = {"np": np, "math": math, "erfinv_by_bisection": erfinv_by_bisection, "x": arrays[0]}
    if operands == 2:
        names["y"] = arrays[1]
    expected = np.asarray(eval(op.oracle, names))
    got = np.asarray(getattr(mx, op.name)(*(mx.array(a) for a in arrays)))
    assert got.shape == expected.shape
    if expected.dtype == np.bool_:
        assert got.dtype == np.bool_
        np.testing.assert_array_equal(got, expected)
    else:
        np.testing.assert_allclose(got, expected, rtol=1e-4, atol=1e-5, equal_nan=True)


@pytest.mark.parametrize("op", OPS, ids=[op.name for op in OPS])
def test_row_names_and_aliases(op):
    fn = getattr(mx, op.name)
    assert fn.__module__ == MODULE_OF_KIND[op.kind] and fn.__name__ == op.name
    for alias in op.aliases:
        assert getattr(mx, alias) is fn


def test_table_has_no_name_twice():
    names = [op.name for op in OPS] + [a for op in OPS for a in op.aliases]
    assert len(names) == len(set(names))
