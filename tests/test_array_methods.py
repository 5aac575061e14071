"""The array methods that mirror ops: results against NumPy, argument names and defaults as in
the reference (positional and keyword forms), and that each one is the op of the namespace."""
import inspect

import numpy as np
import pytest

import mlxcy as mx
from _oracles import np_scan

X = np.array([[0.5, 1.0, 2.0], [3.0, 0.25, 4.0]], dtype=np.float32)
B = np.array([[True, False, True], [True, True, True]])


def _logsumexp(x, axis=None, keepdims=False):
    m = np.max(x, axis=axis, keepdims=True)
    r = np.log(np.sum(np.exp(x - m), axis=axis, keepdims=True)) + m
    return r if keepdims else np.squeeze(r, axis=axis) if axis is not None else r.reshape(())


def _logcumsumexp(x, axis=None):
    return np.log(np_scan(np.cumsum, np.exp(x.astype(np.float64)), axis, False, True, 0)).astype(np.float32)


# (method, op it delegates to, args, kwargs, oracle(x))
CASES = [
    ("abs", "abs", (), {}, lambda x: np.abs(-x)),
    ("all", "all", (), {}, lambda x: np.all(B)),
    ("all", "all", (1,), {"keepdims": True}, lambda x: np.all(B, axis=1, keepdims=True)),
    ("any", "any", (), {"axis": 0}, lambda x: np.any(B, axis=0)),
    ("argmax", "argmax", (), {}, lambda x: np.argmax(x)),
    ("argmax", "argmax", (1,), {}, lambda x: np.argmax(x, axis=1)),
    ("argmin", "argmin", (), {"axis": 0, "keepdims": True}, lambda x: np.argmin(x, axis=0, keepdims=True)),
    ("conj", "conj", (), {}, lambda x: x),
    ("cos", "cos", (), {}, np.cos),
    ("cummax", "cummax", (1,), {}, lambda x: np.maximum.accumulate(x, axis=1)),
    ("cummin", "cummin", (0,), {}, lambda x: np.minimum.accumulate(x, axis=0)),
    ("cumprod", "cumprod", (), {}, lambda x: np.cumprod(x.reshape(-1))),
    ("cumsum", "cumsum", (1,), {"reverse": True}, lambda x: np_scan(np.cumsum, x, 1, True, True, 0)),
    ("cumsum", "cumsum", (1,), {"inclusive": False}, lambda x: np_scan(np.cumsum, x, 1, False, False, 0)),
    ("diag", "diag", (), {}, np.diag),
    ("diag", "diag", (1,), {}, lambda x: np.diag(x, 1)),
    ("diagonal", "diagonal", (), {}, np.diagonal),
    ("diagonal", "diagonal", (), {"offset": 1, "axis1": 1, "axis2": 0}, lambda x: np.diagonal(x, 1, 1, 0)),
    ("exp", "exp", (), {}, np.exp),
    ("flatten", "flatten", (), {}, lambda x: x.reshape(-1)),
    ("log", "log", (), {}, np.log),
    ("log10", "log10", (), {}, np.log10),
    ("log1p", "log1p", (), {}, np.log1p),
    ("log2", "log2", (), {}, np.log2),
    ("logcumsumexp", "logcumsumexp", (1,), {}, lambda x: _logcumsumexp(x, 1)),
    ("logsumexp", "logsumexp", (), {}, lambda x: _logsumexp(x)),
    ("logsumexp", "logsumexp", ([0, 1],), {"keepdims": True}, lambda x: _logsumexp(x, (0, 1), True)),
    ("max", "max", (), {}, np.max),
    ("max", "max", (1,), {"keepdims": True}, lambda x: np.max(x, 1, keepdims=True)),
    ("mean", "mean", (), {"axis": 0}, lambda x: np.mean(x, 0)),
    ("min", "min", ((0, 1),), {}, lambda x: np.min(x, (0, 1))),
    ("moveaxis", "moveaxis", (0, 1), {}, lambda x: np.moveaxis(x, 0, 1)),
    ("prod", "prod", (), {"axis": 1}, lambda x: np.prod(x, 1)),
    ("reciprocal", "reciprocal", (), {}, lambda x: 1 / x),
    ("round", "round", (), {}, np.round),
    ("round", "round", (1,), {}, lambda x: np.round(x, 1)),
    ("rsqrt", "rsqrt", (), {}, lambda x: 1 / np.sqrt(x)),
    ("sin", "sin", (), {}, np.sin),
    ("sqrt", "sqrt", (), {}, np.sqrt),
    ("square", "square", (), {}, np.square),
    ("std", "std", (), {}, np.std),
    ("std", "std", (1,), {"ddof": 1}, lambda x: np.std(x, 1, ddof=1)),
    ("std", "std", (), {"correction": 1}, lambda x: np.std(x, ddof=1)),
    ("sum", "sum", (), {}, np.sum),
    ("sum", "sum", (0, True), {}, lambda x: np.sum(x, 0, keepdims=True)),
    ("swapaxes", "swapaxes", (0, 1), {}, lambda x: np.swapaxes(x, 0, 1)),
    ("var", "var", (), {"axis": 0, "keepdims": True}, lambda x: np.var(x, 0, keepdims=True)),
    ("var", "var", (), {"correction": 1}, lambda x: np.var(x, ddof=1)),
]


def _operand(method):
    if method in ("all", "any"):
        return mx.array(B)
    if method == "abs":
        return mx.array(-X)
    return mx.array(X)


@pytest.mark.parametrize("method,op,args,kwargs,oracle", CASES, ids=[f"{c[0]}{c[2]}{c[3]}" for c in CASES])
def test_method_against_numpy(method, op, args, kwargs, oracle):
    if not hasattr(mx, op):
        pytest.skip(f"mlxcy.{op} has not landed yet")
    a = _operand(method)
    got = getattr(a, method)(*args, **kwargs)
    want = np.asarray(oracle(X))
    assert isinstance(got, mx.array)
    assert got.shape == want.shape
    np.testing.assert_allclose(np.asarray(got).astype(np.float64), want.astype(np.float64), rtol=2e-5, atol=1e-6)


@pytest.mark.parametrize("method,op,args,kwargs,oracle", CASES[:1] + CASES[4:5] + CASES[-3:])
def test_method_is_the_op(method, op, args, kwargs, oracle):
    if not hasattr(mx, op):
        pytest.skip(f"mlxcy.{op} has not landed yet")
    a = _operand(method)
    op_kwargs = {k: v for k, v in kwargs.items() if k != "correction"}
    if "correction" in kwargs:
        op_kwargs["ddof"] = kwargs["correction"]
    np.testing.assert_array_equal(np.asarray(getattr(a, method)(*args, **kwargs)),
                                  np.asarray(getattr(mx, op)(a, *args, **op_kwargs)))


def test_stream_keyword_is_accepted():
    a = mx.array(X)
    np.testing.assert_allclose(np.asarray(a.abs(stream=mx.cpu)), X)
    np.testing.assert_allclose(np.asarray(a.reshape(3, 2, stream=mx.cpu)), X.reshape(3, 2))
    if hasattr(mx, "sum"):
        np.testing.assert_allclose(np.asarray(a.sum(stream=mx.cpu)), X.sum(), rtol=1e-6)


def test_reshape_tuple_and_varargs():
    a = mx.array(X)
    for args in [(3, 2), ((3, 2),), ([3, 2],), (-1,), ((6, -1),)]:
        want = X.reshape(*args)
        got = a.reshape(*args)
        assert got.shape == want.shape
        np.testing.assert_array_equal(np.asarray(got), want)
    assert mx.array([5.0]).reshape(()).shape == ()
    with pytest.raises(ValueError):
        a.reshape(4, 2)
    with pytest.raises(TypeError):
        a.reshape(shape=(3, 2))


def test_transpose_tuple_varargs_and_none():
    x = np.arange(24, dtype=np.float32).reshape(2, 3, 4)
    a = mx.array(x)
    for args in [(), ((2, 0, 1),), ([2, 0, 1],), (2, 0, 1), (-1, 0, 1), (None,)]:
        want = x.transpose(*args) if args != (None,) else x.T
        np.testing.assert_array_equal(np.asarray(a.transpose(*args)), want)
    with pytest.raises(ValueError):
        a.transpose(0, 0, 1)
    with pytest.raises(TypeError):
        a.transpose(axes=(0, 1, 2))


def test_split_view_squeeze_flatten():
    x = np.arange(12, dtype=np.int32).reshape(2, 6)
    a = mx.array(x)
    if hasattr(mx, "split"):
        parts = a.split(3, axis=1)
        assert len(parts) == 3
        for p, w in zip(parts, np.split(x, 3, axis=1)):
            np.testing.assert_array_equal(np.asarray(p), w)
        parts = a.split([1, 4], 1)
        for p, w in zip(parts, np.split(x, [1, 4], axis=1)):
            np.testing.assert_array_equal(np.asarray(p), w)
    if hasattr(mx, "view"):
        np.testing.assert_array_equal(np.asarray(a.view(mx.uint8)), x.view(np.uint8))
    if hasattr(mx, "squeeze"):
        assert mx.zeros((1, 3, 1)).squeeze().shape == (3,)
        assert mx.zeros((1, 3, 1)).squeeze(0).shape == (3, 1)
        assert mx.zeros((1, 3, 1)).squeeze(axis=(0, 2)).shape == (3,)
    if hasattr(mx, "flatten"):
        assert mx.zeros((2, 3, 4)).flatten(1).shape == (2, 12)
        assert mx.zeros((2, 3, 4)).flatten(0, 1).shape == (6, 4)
        assert mx.zeros((2, 3, 4)).flatten(start_axis=-2, end_axis=-1).shape == (2, 12)


def test_astype_item_tolist():
    a = mx.array(X)
    b = a.astype(mx.int32)
    assert b.dtype == mx.int32 and b.tolist() == X.astype(np.int32).tolist()
    assert a.astype(mx.float16, mx.cpu).dtype == mx.float16
    assert mx.array([[2.5]]).item() == 2.5
    assert a.tolist() == X.tolist()
    with pytest.raises(ValueError):
        a.item()


# The reference's signatures of these methods: (parameter names, defaults).
SIGNATURES = {
    "all": "axis=None, keepdims=False, *, stream=None",
    "argmax": "axis=None, keepdims=False, *, stream=None",
    "cumsum": "axis=None, *, reverse=False, inclusive=True, stream=None",
    "diag": "k=0, *, stream=None",
    "diagonal": "offset=0, axis1=0, axis2=1, stream=None",
    "flatten": "start_axis=0, end_axis=-1, *, stream=None",
    "moveaxis": "source, destination, *, stream=None",
    "round": "decimals=0, *, stream=None",
    "split": "indices_or_sections, axis=0, *, stream=None",
    "squeeze": "axis=None, *, stream=None",
    "std": "axis=None, keepdims=False, ddof=0, *, correction=None, stream=None",
    "swapaxes": "axis1, axis2, *, stream=None",
    "var": "axis=None, keepdims=False, ddof=0, *, correction=None, stream=None",
    "view": "dtype, *, stream=None",
    "reshape": "*shape, stream=None",
    "transpose": "*axes, stream=None",
    "exp": "*, stream=None",
}


@pytest.mark.parametrize("name", sorted(SIGNATURES))
def test_signatures_match_the_reference(name):
    # names, kinds and defaults (the annotations are the stubs' business: tests/test_stubs.py)
    sig = inspect.signature(getattr(mx.array, name))
    params = [p.replace(annotation=inspect.Parameter.empty) for p in list(sig.parameters.values())[1:]]   # drop self
    assert str(sig.replace(parameters=params, return_annotation=inspect.Signature.empty))[1:-1] == SIGNATURES[name]


def test_every_reference_array_member_exists():
    names = ["T", "__abs__", "__add__", "__and__", "__array__", "__array_namespace__", "__bool__", "__bytes__",
             "__complex__", "__copy__", "__deepcopy__", "__div__", "__dlpack__", "__dlpack_device__", "__eq__",
             "__float__", "__floordiv__", "__ge__", "__getitem__", "__getstate__", "__gt__", "__hash__",
             "__iadd__", "__iand__", "__ifloordiv__", "__ilshift__", "__imatmul__", "__imod__", "__imul__",
             "__index__", "__int__", "__invert__", "__ior__", "__ipow__", "__irshift__", "__isub__", "__iter__",
             "__itruediv__", "__ixor__", "__le__", "__len__", "__lshift__", "__lt__", "__matmul__", "__mod__",
             "__mul__", "__ne__", "__neg__", "__or__", "__pos__", "__pow__", "__radd__", "__rdiv__", "__reduce__",
             "__repr__", "__rfloordiv__", "__rmod__", "__rmul__", "__rpow__", "__rshift__", "__rsub__",
             "__rtruediv__", "__setitem__", "__setstate__", "__str__", "__sub__", "__truediv__", "__xor__", "abs",
             "all", "any", "argmax", "argmin", "astype", "at", "conj", "cos", "cummax", "cummin", "cumprod",
             "cumsum", "diag", "diagonal", "dtype", "exp", "flatten", "imag", "item", "itemsize", "log", "log10",
             "log1p", "log2", "logcumsumexp", "logsumexp", "mT", "max", "mean", "min", "moveaxis", "nbytes",
             "ndim", "prod", "real", "reciprocal", "reshape", "round", "rsqrt", "shape", "sin", "size", "split",
             "sqrt", "square", "squeeze", "std", "sum", "swapaxes", "tolist", "transpose", "var", "view"]
    assert len(names) == 122
    missing = [n for n in names if not hasattr(mx.array, n)]
    assert missing == []


def test_methods_call_the_ops_themselves_not_the_namespace(monkeypatch):
    # a.sum() is the op sum(a), bound once; replacing mlxcy.sum (as a user's mock would) does
    # not reach it (issue 19)
    a = mx.array([[1.0, 2.0], [3.0, 4.0]])
    monkeypatch.setattr(mx, "sum", lambda *args, **kwargs: "replaced")
    monkeypatch.setattr(mx, "exp", lambda *args, **kwargs: "replaced")
    assert a.sum().item() == 10.0 and a.sum(axis=0).tolist() == [4.0, 6.0]
    np.testing.assert_allclose(np.asarray(a.exp()), np.exp(np.array([[1.0, 2.0], [3.0, 4.0]])), rtol=1e-6)


@pytest.mark.parametrize("name", ["std", "var"])
@pytest.mark.parametrize("ddof", [[], None, 1.5, "x"])
def test_std_var_ddof_must_be_an_int_even_with_correction(name, ddof):
    with pytest.raises(TypeError):
        getattr(mx.ones(3), name)(ddof=ddof, correction=1)
    got = getattr(mx.array([1.0, 3.0]), name)(ddof=0, correction=1).item()
    assert got == pytest.approx(getattr(np.array([1.0, 3.0]), name)(ddof=1), rel=1e-6)
