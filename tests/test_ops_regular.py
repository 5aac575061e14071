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
MODULE_OF_KIND = dict({k: "mlxcy._ops_math" for k in ("unary", "binary", "logical")},
                      **{k: "mlxcy._ops_reduce" for k in ("reduction", "scan", "scan_dtype", "sort", "partition", "topk")})
ELEMENTWISE = [op for op in OPS if op.kind in ("unary", "binary", "logical")]
REDUCTIONS = [op for op in OPS if op.kind == "reduction"]
ALONG_AN_AXIS = [op for op in OPS if op.kind in ("scan", "scan_dtype", "sort", "partition", "topk")]


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


@pytest.mark.parametrize("axis", [None, 0, 1, -1])
@pytest.mark.parametrize("op", ALONG_AN_AXIS, ids=[op.name for op in ALONG_AN_AXIS])
def test_scan_and_sort_rows_against_their_oracles(op, axis):
    lo, hi = op.domain
    x = np.linspace(lo, hi, 12, dtype=np.float32)[np.random.default_rng(3).permutation(12)].reshape(3, 4)
    # the oracle sees the flattened array for axis None (as the op does), else the axis
    flat, kw = (x.ravel(), {"axis": 0}) if axis is None else (x, {"axis": axis})
    expected = np.asarray(eval(op.oracle, {"np": np, "x": flat, "kw": kw}))
    ax = kw["axis"]
    fn = getattr(mx, op.name)
    if op.kind in ("scan", "scan_dtype", "sort"):
        got = np.asarray(fn(mx.array(x), axis=axis))
        np.testing.assert_allclose(got, expected, rtol=1e-4, atol=1e-5)
        return
    k = 1 if op.kind == "partition" else 2
    got = np.asarray(fn(mx.array(x), k, axis=axis))
    if op.name.startswith("arg"):   # the indices: check the values they pick
        got = np.take_along_axis(flat, got.astype(np.int64), ax)
    if op.kind == "partition":   # the kth value in place, smaller before it, larger after
        values = np.sort(flat, axis=ax)
        np.testing.assert_array_equal(np.take(got, [k], ax), np.take(values, [k], ax))
        np.testing.assert_array_equal(np.sort(got, axis=ax), values)
    else:   # topk: the k largest, in any order
        np.testing.assert_array_equal(np.sort(got, axis=ax), expected)


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


METHODS = [op for op in OPS if op.method]


def method_case(op):
    """(input, keyword arguments, NumPy expected) for one call of the row's array method."""
    if op.kind == "reduction":
        lo, hi = op.domain
        x = np.linspace(lo, hi, 12, dtype=np.float32).reshape(3, 4)
        return x, {"axis": 1, "keepdims": True}, eval(op.oracle, {"np": np, "x": x, "kw": {"axis": 1, "keepdims": True}})
    if op.kind in ("scan", "scan_dtype"):
        lo, hi = op.domain
        x = np.linspace(lo, hi, 12, dtype=np.float32).reshape(3, 4)
        return x, {"axis": 1}, eval(op.oracle, {"np": np, "x": x, "kw": {"axis": 1}})
    x = inputs(op.domain, 1)[0]
    names = {"np": np, "math": math, "erfinv_by_bisection": erfinv_by_bisection, "x": x}
    return x, {}, eval(op.oracle, names)


@pytest.mark.parametrize("op", METHODS, ids=[op.name for op in METHODS])
def test_method_row_against_its_oracle(op):
    x, kw, expected = method_case(op)
    got = np.asarray(getattr(mx.array(x), op.name)(**kw))
    expected = np.asarray(expected)
    assert got.shape == expected.shape
    np.testing.assert_allclose(got, expected, rtol=1e-4, atol=1e-5, equal_nan=True)


@pytest.mark.parametrize("op", METHODS, ids=[op.name for op in METHODS])
def test_method_row_is_a_method_with_its_docstring(op, monkeypatch):
    method = getattr(mx.array, op.name)
    assert method.__name__ == op.name and method.__qualname__ == f"array.{op.name}"
    assert method.__doc__.split("\n")[0] == op.method.split("\n")[0]
    x = mx.array([1.0, 2.0])
    before = getattr(x, op.name)()
    # the method calls mlx::core itself: replacing the module function does not reach it
    monkeypatch.setattr(mx, op.name, lambda *a, **k: "replaced")
    assert getattr(x, op.name)().dtype == before.dtype
    with pytest.raises(TypeError):
        method(np.ones(2, np.float32))   # not an mlxcy array: no conversion for self
