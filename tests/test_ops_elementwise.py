"""Element-wise math, logic and comparison ops, with NumPy (or math) as the oracle."""
import math

import numpy as np
import pytest

import mlxcy as mx
from _device import f64_cpu_only, on_gpu
from _oracles import DTYPE_TOLS, FLOATS, INTS, NP_DTYPES, check_at_dtype_tol, to_np


def inputs(lo, hi, dtype, shape=(3, 4)):
    """Values in [lo, hi] stored in `dtype`, and the same values (as stored) in float64."""
    x = mx.array(np.linspace(lo, hi, int(np.prod(shape))).reshape(shape), dtype=dtype)
    return x, to_np(x).astype(np.float64)


_erf = np.vectorize(math.erf)


def _sigmoid(x):
    return 1 / (1 + np.exp(-x))


# name, oracle, input range
UNARY_FLOAT = [
    ("abs", np.abs, (-3, 3)), ("arccos", np.arccos, (-0.9, 0.9)), ("arccosh", np.arccosh, (1.1, 4)),
    ("arcsin", np.arcsin, (-0.9, 0.9)), ("arcsinh", np.arcsinh, (-3, 3)), ("arctan", np.arctan, (-3, 3)),
    ("arctanh", np.arctanh, (-0.9, 0.9)), ("ceil", np.ceil, (-3.3, 3.3)), ("floor", np.floor, (-3.3, 3.3)),
    ("trunc", np.trunc, (-3.3, 3.3)), ("cos", np.cos, (-3, 3)), ("cosh", np.cosh, (-2, 2)),
    ("sin", np.sin, (-3, 3)), ("sinh", np.sinh, (-2, 2)), ("tan", np.tan, (-1.2, 1.2)),
    ("tanh", np.tanh, (-3, 3)), ("exp", np.exp, (-3, 3)), ("expm1", np.expm1, (-2, 2)),
    ("log", np.log, (0.1, 5)), ("log10", np.log10, (0.1, 5)), ("log1p", np.log1p, (-0.5, 5)),
    ("log2", np.log2, (0.1, 5)), ("sqrt", np.sqrt, (0, 5)), ("rsqrt", lambda x: 1 / np.sqrt(x), (0.2, 5)),
    ("square", np.square, (-3, 3)), ("reciprocal", np.reciprocal, (0.5, 5)), ("sign", np.sign, (-3, 3)),
    ("sigmoid", _sigmoid, (-4, 4)), ("erf", _erf, (-2, 2)), ("negative", np.negative, (-3, 3)),
    ("positive", np.positive, (-3, 3)), ("degrees", np.degrees, (-3, 3)), ("radians", np.radians, (-200, 200)),
]


@pytest.mark.parametrize("dtype", f64_cpu_only(FLOATS), ids=str)
@pytest.mark.parametrize("name,oracle,rng", UNARY_FLOAT, ids=[u[0] for u in UNARY_FLOAT])
def test_unary_float(name, oracle, rng, dtype):
    x, xn = inputs(*rng, dtype)
    check_at_dtype_tol(getattr(mx, name)(x), oracle(xn), dtype)


@pytest.mark.parametrize("dtype", f64_cpu_only(FLOATS), ids=str)
def test_erfinv_inverts_erf(dtype):
    y, yn = inputs(-0.9, 0.9, dtype)
    got = to_np(mx.erfinv(y)).astype(np.float64)
    assert mx.erfinv(y).dtype == dtype
    rtol = DTYPE_TOLS[dtype][0]
    np.testing.assert_allclose(_erf(got), yn, rtol=10 * rtol, atol=10 * rtol)


# Ops that keep integer dtypes; every other math op maps integers and bool to float32.
KEEPS_INT = {"abs", "ceil", "floor", "trunc", "square", "sign", "negative", "positive"}


@pytest.mark.filterwarnings("ignore::RuntimeWarning")   # bool inputs leave some domains: NaN/inf both sides
@pytest.mark.parametrize("dtype", f64_cpu_only([mx.bool_, mx.uint8, mx.int16, mx.uint32, mx.int64]), ids=str)
@pytest.mark.parametrize("name,oracle,rng", UNARY_FLOAT, ids=[u[0] for u in UNARY_FLOAT])
def test_unary_integer_input(name, oracle, rng, dtype):
    if dtype == mx.bool_:
        vals = np.array([True, False, True])
    else:
        lo = max(1, int(math.ceil(rng[0])))
        vals = np.arange(lo, lo + 3).astype(NP_DTYPES[dtype])
    x = mx.array(vals)
    if name == "negative" and dtype == mx.bool_:
        with pytest.raises(ValueError, match="logical_not"):
            mx.negative(x)
        return
    out = getattr(mx, name)(x)
    if name in KEEPS_INT:
        assert out.dtype == dtype
        if dtype != mx.bool_ and name not in ("negative", "sign"):
            np.testing.assert_array_equal(np.array(out), oracle(vals))
    else:
        assert out.dtype == mx.float32
        np.testing.assert_allclose(np.array(out), oracle(vals.astype(np.float64)), rtol=1e-5, atol=1e-6)


def test_integer_negative_and_abs_wrap():
    assert np.array(mx.negative(mx.array(np.array([1, 200], np.uint8)))).tolist() == [255, 56]
    assert np.array(mx.abs(mx.array(np.array([-128, -3], np.int8)))).tolist() == [-128, 3]
    assert np.array(mx.sign(mx.array([-5, 0, 7]))).tolist() == [-1, 0, 1]


COMPLEX_OK = [("exp", np.exp), ("log", np.log), ("sin", np.sin), ("cos", np.cos), ("tan", np.tan),
              ("sinh", np.sinh), ("cosh", np.cosh), ("tanh", np.tanh), ("sqrt", np.sqrt),
              ("square", np.square), ("reciprocal", np.reciprocal), ("negative", np.negative),
              ("arcsin", np.arcsin), ("arctan", np.arctan), ("log10", np.log10), ("conj", np.conj),
              ("conjugate", np.conjugate), ("sign", lambda z: z / np.abs(z))]


@pytest.mark.parametrize("name,oracle", COMPLEX_OK, ids=[c[0] for c in COMPLEX_OK])
def test_unary_complex(name, oracle):
    z = np.array([0.5 + 0.25j, -1.0 + 2.0j, 1.5 - 0.75j], dtype=np.complex64)
    check_at_dtype_tol(getattr(mx, name)(mx.array(z)), oracle(z.astype(np.complex128)), mx.complex64)


def test_complex_parts():
    z = np.array([[1 + 2j, -3.5 - 0.5j]], dtype=np.complex64)
    a = mx.array(z)
    check_at_dtype_tol(mx.abs(a), np.abs(z), mx.float32)
    check_at_dtype_tol(mx.real(a), z.real, mx.float32)
    check_at_dtype_tol(mx.imag(a), z.imag, mx.float32)
    r = mx.array([1.5, -2.0])
    check_at_dtype_tol(mx.real(r), np.array([1.5, -2.0]), mx.float32)
    check_at_dtype_tol(mx.imag(r), np.zeros(2), mx.float32)
    check_at_dtype_tol(mx.conj(r), np.array([1.5, -2.0]), mx.float32)


@pytest.mark.parametrize("name", ["ceil", "floor", "trunc", "expm1", "sigmoid", "erf", "erfinv"])
def test_unary_complex_unsupported(name):
    with pytest.raises(ValueError, match=name):
        getattr(mx, name)(mx.array([1 + 1j]))


@pytest.mark.parametrize("dtype", f64_cpu_only(FLOATS), ids=str)
def test_round(dtype):
    x = np.array([1.25, -2.5, 0.5, 1.5, 2.675, -0.04])
    xs = to_np(mx.array(x, dtype=dtype)).astype(np.float64)
    check_at_dtype_tol(mx.round(mx.array(x, dtype=dtype)), np.round(xs), dtype)
    check_at_dtype_tol(mx.round(mx.array(x, dtype=dtype), 1), np.round(xs, 1), dtype)


def test_round_integers_and_keywords():
    check_at_dtype_tol(mx.round(mx.array([15, 24, -35]), -1), np.array([20, 20, -40]), mx.int32)
    check_at_dtype_tol(mx.round(mx.array([1.234]), decimals=2, stream=None), np.array([1.23]), mx.float32)
    with pytest.raises(TypeError):
        mx.round(mx.array([1.25]), 1.0)


@pytest.mark.parametrize("dtype", f64_cpu_only([mx.float16, mx.bfloat16, mx.float32, mx.float64]), ids=str)
def test_special_value_predicates(dtype):
    v = np.array([np.nan, np.inf, -np.inf, 0.0, 1.5])
    x = mx.array(v, dtype=dtype)
    for name, oracle in [("isnan", np.isnan), ("isinf", np.isinf), ("isfinite", np.isfinite),
                         ("isposinf", np.isposinf), ("isneginf", np.isneginf)]:
        out = getattr(mx, name)(x)
        assert out.dtype == mx.bool_
        assert np.array(out).tolist() == oracle(v).tolist(), name


def test_special_value_predicates_integers():
    x = mx.array([1, -2, 0])
    assert np.array(mx.isnan(x)).tolist() == [False] * 3
    assert np.array(mx.isinf(x)).tolist() == [False] * 3
    assert np.array(mx.isfinite(x)).tolist() == [True] * 3
    assert np.array(mx.isnan(mx.array(np.array([complex(np.nan, 0), 1j], np.complex64)))).tolist() == [True, False]


@pytest.mark.parametrize("dtype", f64_cpu_only([mx.float16, mx.bfloat16, mx.float32]), ids=str)
def test_nan_to_num(dtype):
    v = np.array([np.nan, np.inf, -np.inf, 2.0])
    x = mx.array(v, dtype=dtype)
    big = mx.finfo(dtype).max
    check_at_dtype_tol(mx.nan_to_num(x), np.array([0.0, big, -big, 2.0]), dtype)
    check_at_dtype_tol(mx.nan_to_num(x, 1.0, 5, -6), np.array([1.0, 5.0, -6.0, 2.0]), dtype)
    check_at_dtype_tol(mx.nan_to_num(x, nan=-1.0, neginf=0.0), np.array([-1.0, big, 0.0, 2.0]), dtype)


def test_nan_to_num_other_inputs():
    check_at_dtype_tol(mx.nan_to_num(mx.array([1, 2])), np.array([1, 2]), mx.int32)
    check_at_dtype_tol(mx.nan_to_num(2.0), np.array(2.0), mx.float32)
    with pytest.raises(TypeError):
        mx.nan_to_num(mx.array([1.0]), nan=None)
    with pytest.raises(ValueError, match="complex64"):
        mx.nan_to_num(mx.array([1 + 1j]))
    with pytest.raises(ValueError, match="float64"):   # not supported by MLX 0.32.4
        mx.nan_to_num(mx.array([1.0], mx.float64))


def test_logical_not_and_bitwise_invert():
    check_at_dtype_tol(mx.logical_not(mx.array([1.5, 0.0, -1.0])), np.array([False, True, False]), mx.bool_)
    check_at_dtype_tol(mx.logical_not(2), np.array(False), mx.bool_)
    for dt in INTS:
        v = np.array([0, 1, 5], dtype=NP_DTYPES[dt])
        check_at_dtype_tol(mx.bitwise_invert(mx.array(v)), np.invert(v), dt)
    check_at_dtype_tol(mx.bitwise_invert(mx.array([True, False])), np.array([False, True]), mx.bool_)
    check_at_dtype_tol(mx.bitwise_invert(3), np.array(-4), mx.int32)
    with pytest.raises(ValueError, match="integer"):
        mx.bitwise_invert(mx.array([1.0]))


# ---- binary ---------------------------------------------------------------------------------

BINARY = [("maximum", np.maximum), ("minimum", np.minimum), ("arctan2", np.arctan2),
          ("logaddexp", np.logaddexp)]


@pytest.mark.parametrize("dtype", f64_cpu_only(FLOATS), ids=str)
@pytest.mark.parametrize("name,oracle", BINARY, ids=[b[0] for b in BINARY])
def test_binary_float_broadcast(name, oracle, dtype):
    a, an = inputs(-2, 3, dtype, (3, 1))
    b, bn = inputs(-1.5, 2.5, dtype, (4,))
    check_at_dtype_tol(getattr(mx, name)(a, b), oracle(an, bn), dtype)


@pytest.mark.parametrize("dtype", f64_cpu_only(INTS), ids=str)
@pytest.mark.parametrize("name,oracle", [("maximum", np.maximum), ("minimum", np.minimum)])
def test_maximum_minimum_integers(name, oracle, dtype):
    a = np.array([[0, 7, 3]], dtype=NP_DTYPES[dtype])
    b = np.array([[5], [1]], dtype=NP_DTYPES[dtype])
    check_at_dtype_tol(getattr(mx, name)(mx.array(a), mx.array(b)), oracle(a, b), dtype)


def test_maximum_propagates_nan():
    x = mx.array(np.array([np.nan, 1.0, -2.0]))
    check_at_dtype_tol(mx.maximum(x, 0.0), np.array([np.nan, 1.0, 0.0]), mx.float32)
    check_at_dtype_tol(mx.minimum(0.0, x), np.array([np.nan, 0.0, -2.0]), mx.float32)


def test_binary_weak_scalar_promotion():
    assert mx.maximum(mx.array([1], mx.int8), 2).dtype == mx.int8
    assert mx.maximum(mx.array([1], mx.float16), 2.5).dtype == mx.float16
    assert mx.maximum(mx.array([1], mx.int32), 2.5).dtype == mx.float32
    assert mx.maximum(1, 2.5).dtype == mx.float32
    assert mx.maximum(np.array([1, 2]), 2.5).dtype == mx.float32
    assert mx.arctan2(mx.array([1], mx.bfloat16), 1).dtype == mx.bfloat16
    assert mx.arctan2(mx.array([1]), mx.array([2])).dtype == mx.float32
    check_at_dtype_tol(mx.minimum([3, -1], 0), np.array([0, -1]), mx.int32)
    with pytest.raises(ValueError, match="overflow"):
        mx.maximum(mx.array([1], mx.uint8), 300)
    with pytest.raises(TypeError):
        mx.maximum(None, 2.5)


def test_binary_0d_and_0size():
    check_at_dtype_tol(mx.maximum(mx.array(2.0), mx.array(3.0)), np.array(3.0), mx.float32)
    out = mx.logaddexp(mx.array(np.zeros((0, 3), np.float32)), mx.array([1.0, 2.0, 3.0]))
    assert out.shape == (0, 3) and out.dtype == mx.float32
    with pytest.raises(ValueError, match="broadcast"):
        mx.maximum(mx.array([1, 2]), mx.array([1, 2, 3]))


def test_logaddexp_complex():
    z = np.array([1 + 1j, -0.5 + 2j], np.complex64).astype(np.complex128)
    check_at_dtype_tol(mx.logaddexp(mx.array(z), 2), np.log(np.exp(z) + np.exp(2)), mx.complex64)


@pytest.mark.parametrize("name,oracle", [("logical_and", np.logical_and), ("logical_or", np.logical_or),
                                         ("logical_xor", np.logical_xor)])
def test_logical_binary(name, oracle):
    a = np.array([[0.0, 1.5, -2.0, 0.0]])
    b = np.array([[0], [3]])
    check_at_dtype_tol(getattr(mx, name)(mx.array(a), mx.array(b)), oracle(a, b), mx.bool_)
    check_at_dtype_tol(getattr(mx, name)(mx.array([True, False]), True), oracle([True, False], True), mx.bool_)
    check_at_dtype_tol(getattr(mx, name)(1, 0), oracle(1, 0), mx.bool_)


@pytest.mark.parametrize("dtype", f64_cpu_only([mx.int8, mx.int32, mx.int64, mx.float32, mx.float64]), ids=str)
def test_floor_divide_remainder_divmod_negative(dtype):
    np_dt = NP_DTYPES[dtype]
    a = np.array([-7, 7, -7, 7, -1, 0], dtype=np_dt)
    b = np.array([2, -2, -2, 2, 3, -3], dtype=np_dt)
    ma, mb = mx.array(a, dtype=dtype), mx.array(b, dtype=dtype)
    check_at_dtype_tol(mx.floor_divide(ma, mb), np.floor_divide(a, b), dtype)
    check_at_dtype_tol(mx.remainder(ma, mb), np.remainder(a, b), dtype)
    q, r = mx.divmod(ma, mb)
    check_at_dtype_tol(q, np.floor_divide(a, b), dtype)
    check_at_dtype_tol(r, np.remainder(a, b), dtype)


def test_divmod_scalars_and_errors():
    out = mx.divmod(-7.5, 2)
    assert isinstance(out, list) and len(out) == 2
    check_at_dtype_tol(out[0], np.array(-4.0), mx.float32)
    check_at_dtype_tol(out[1], np.array(0.5), mx.float32)
    with pytest.raises(ValueError, match="[Cc]omplex"):
        mx.divmod(mx.array([1 + 1j]), 2)


def test_aliases_are_one_function():
    assert mx.acos is mx.arccos and mx.acosh is mx.arccosh and mx.asin is mx.arcsin
    assert mx.asinh is mx.arcsinh and mx.atan is mx.arctan and mx.atanh is mx.arctanh
    assert mx.atan2 is mx.arctan2 and mx.pow is mx.power
    assert mx.bitwise_left_shift is mx.left_shift and mx.bitwise_right_shift is mx.right_shift
    check_at_dtype_tol(mx.bitwise_left_shift(mx.array([1, 3]), 2), np.array([4, 12]), mx.int32)
    check_at_dtype_tol(mx.bitwise_right_shift(mx.array([8, -8]), 1), np.array([4, -4]), mx.int32)
    check_at_dtype_tol(mx.pow(2, mx.array([3])), np.array([8]), mx.int32)


# ---- closeness and equality ---------------------------------------------------------------------

def test_isclose_allclose():
    a = np.array([1.0, 1e10, 1e-8, np.nan, np.inf, 2.0], np.float32)
    b = np.array([1.000001, 1.000001e10, 1e-9, np.nan, np.inf, 2.1], np.float32)
    for eq in (False, True):
        check_at_dtype_tol(mx.isclose(mx.array(a), mx.array(b), equal_nan=eq), np.isclose(a, b, equal_nan=eq), mx.bool_)
    check_at_dtype_tol(mx.isclose(mx.array(a), mx.array(b), 0.0, 0.0), np.isclose(a, b, 0.0, 0.0), mx.bool_)
    check_at_dtype_tol(mx.allclose(mx.array(a[:3]), mx.array(b[:3])), np.array(True), mx.bool_)
    check_at_dtype_tol(mx.allclose(mx.array(a), mx.array(b)), np.array(False), mx.bool_)
    check_at_dtype_tol(mx.allclose(mx.array(a[:5]), mx.array(b[:5])), np.array(False), mx.bool_)
    check_at_dtype_tol(mx.allclose(mx.array(a[:5]), mx.array(b[:5]), equal_nan=True), np.array(True), mx.bool_)
    check_at_dtype_tol(mx.isclose(mx.array([1, 2]), mx.array([1, 3])), np.array([True, False]), mx.bool_)
    with pytest.raises(ValueError, match="broadcast"):
        mx.allclose(mx.array([1.0, 2.0]), mx.array([1.0, 2.0, 3.0]))


def test_array_equal():
    check_at_dtype_tol(mx.array_equal(mx.array([1.0, 2.0]), mx.array([1, 2])), np.array(True), mx.bool_)
    check_at_dtype_tol(mx.array_equal(mx.array([1.0, 2.0]), mx.array([1.0, 2.0, 3.0])), np.array(False), mx.bool_)
    nan = mx.array(np.array([1.0, np.nan]))
    check_at_dtype_tol(mx.array_equal(nan, nan), np.array(False), mx.bool_)
    check_at_dtype_tol(mx.array_equal(nan, nan, equal_nan=True), np.array(True), mx.bool_)
    check_at_dtype_tol(mx.array_equal(1, 1.0), np.array(True), mx.bool_)


# ---- selection --------------------------------------------------------------------------------

@pytest.mark.parametrize("dtype", f64_cpu_only([mx.int32, mx.uint8, mx.float16, mx.float32, mx.bfloat16]), ids=str)
def test_clip(dtype):
    v = np.array([[1, 5, 9], [0, 3, 12]])
    x = mx.array(v, dtype=dtype)
    check_at_dtype_tol(mx.clip(x, 2, 8), np.clip(v, 2, 8), dtype)
    check_at_dtype_tol(mx.clip(x, 2, None), np.clip(v, 2, None), dtype)
    check_at_dtype_tol(mx.clip(x, None, 4), np.clip(v, None, 4), dtype)
    lo = np.array([2, 3, 4])
    check_at_dtype_tol(mx.clip(x, mx.array(lo, dtype=dtype), 10), np.clip(v, lo, 10), dtype)


def test_clip_promotion_and_errors():
    check_at_dtype_tol(mx.clip(mx.array([1, 5, 9]), 2.5, 6), np.array([2.5, 5.0, 6.0]), mx.float32)
    check_at_dtype_tol(mx.clip([1, 5, 9], a_min=2, a_max=6), np.array([2, 5, 6]), mx.int32)
    with pytest.raises(ValueError, match="a_min and a_max"):
        mx.clip(mx.array([1, 5]), None, None)
    with pytest.raises(ValueError, match="overflow"):
        mx.clip(mx.array([1, 5], mx.uint8), -1, 6)


def test_where():
    cond = np.array([[True, False, True]])
    x = np.array([[1.0], [2.0]])
    y = np.array([10.0, 20.0, 30.0])
    check_at_dtype_tol(mx.where(mx.array(cond), mx.array(x), mx.array(y)), np.where(cond, x, y), mx.float32)
    check_at_dtype_tol(mx.where(mx.array([1.5, 0.0]), 1, 2.5), np.array([1.0, 2.5]), mx.float32)
    check_at_dtype_tol(mx.where(1, mx.array([1], mx.int8), 2), np.array([1]), mx.int8)
    check_at_dtype_tol(mx.where(mx.array([True, False]), mx.array([1], mx.float16), 2.0), np.array([1.0, 2.0]),
                       mx.float16)
    check_at_dtype_tol(mx.where([True, False], [1, 2], [3, 4]), np.array([1, 4]), mx.int32)
    with pytest.raises(ValueError, match="broadcast"):
        mx.where(mx.array([True, False, True]), mx.array([1, 2]), 0)


@pytest.mark.parametrize("dtype", f64_cpu_only([mx.int32, mx.float32, mx.float64, mx.bool_]), ids=str)
def test_diff(dtype):
    v = np.array([[1, 4, 9, 16], [0, 0, 5, 2]])
    if dtype == mx.bool_:
        v = v > 3
    x = mx.array(v, dtype=dtype)
    check_at_dtype_tol(mx.diff(x), np.diff(v), dtype)
    check_at_dtype_tol(mx.diff(x, axis=0), np.diff(v, axis=0), dtype)
    if dtype != mx.bool_:
        check_at_dtype_tol(mx.diff(x, 2), np.diff(v, n=2), dtype)
        check_at_dtype_tol(mx.diff(x, 0), v, dtype)
        assert mx.diff(x, 5).shape == (2, 0)


def test_diff_far_beyond_the_axis_length_is_empty_at_once():
    # libmlx builds one subtraction per order: n=10**6 took seconds for a 2x4 array (issue 17)
    v = np.array([[1, 4, 9, 16], [0, 0, 5, 2]], np.int32)
    for n in (4, 5, 10**6):
        got = mx.diff(mx.array(v), n)
        assert got.shape == np.diff(v, n).shape and got.dtype == mx.int32
    assert mx.diff(mx.array(v), 10**6, axis=0).shape == (0, 4)


def test_diff_errors():
    with pytest.raises(ValueError, match="non-negative"):
        mx.diff(mx.array([1, 2]), -1)
    with pytest.raises(IndexError):
        mx.diff(mx.array([1, 2]), 1, 1)
    with pytest.raises(IndexError):
        mx.diff(mx.array(1))


# ---- graph helpers and dtype predicates -------------------------------------------------------

def test_stop_gradient_and_depends():
    x = mx.array([1.0, 2.0])
    check_at_dtype_tol(mx.stop_gradient(x), np.array([1.0, 2.0]), mx.float32)
    y = mx.depends(x, mx.array([5]))
    assert isinstance(y, mx.array)
    check_at_dtype_tol(y, np.array([1.0, 2.0]), mx.float32)
    out = mx.depends([x, x * 2], (mx.array([5]), mx.array([6])))
    assert isinstance(out, list) and len(out) == 2
    check_at_dtype_tol(out[1], np.array([2.0, 4.0]), mx.float32)
    with pytest.raises(TypeError):
        mx.depends(1, x)
    with pytest.raises(ValueError):
        mx.depends([], x)


def test_can_cast():
    assert mx.can_cast(mx.int32, mx.int64)
    assert not mx.can_cast(mx.int64, mx.int32)
    assert mx.can_cast(mx.array([1]), mx.float32)
    assert not mx.can_cast(mx.uint8, mx.int8)
    assert not mx.can_cast(mx.float16, mx.bfloat16)
    assert mx.can_cast(mx.bool_, mx.int8)
    with pytest.raises(ValueError, match="from_"):
        mx.can_cast(1, mx.int8)
    with pytest.raises(TypeError):
        mx.can_cast(mx.int8, "int8")


ALL_DTYPES = [mx.bool_] + INTS + [mx.float16, mx.float32, mx.float64, mx.bfloat16, mx.complex64]


@pytest.mark.parametrize("kind,members", [
    ("bool", [mx.bool_]),
    ("signed integer", [mx.int8, mx.int16, mx.int32, mx.int64]),
    ("unsigned integer", [mx.uint8, mx.uint16, mx.uint32, mx.uint64]),
    ("integral", INTS),
    ("real floating", [mx.float16, mx.float32, mx.float64, mx.bfloat16]),
    ("complex floating", [mx.complex64]),
    ("numeric", ALL_DTYPES[1:]),
])
def test_isdtype_kinds(kind, members):
    assert [d for d in ALL_DTYPES if mx.isdtype(d, kind)] == members


def test_isdtype_dtypes_tuples_and_errors():
    assert mx.isdtype(mx.int8, mx.int8) and not mx.isdtype(mx.int8, mx.int16)
    assert mx.isdtype(mx.float32, ("bool", mx.float32))
    assert not mx.isdtype(mx.int8, ("bool", "real floating"))
    with pytest.raises(ValueError, match="foo"):
        mx.isdtype(mx.int8, "foo")
    with pytest.raises(ValueError):
        mx.isdtype(mx.int8, mx.integer)
    with pytest.raises(TypeError):
        mx.isdtype(mx.array([1]), "integral")


# ---- array-likes and bad arguments ------------------------------------------------------------

def test_array_like_inputs():
    check_at_dtype_tol(mx.exp(1), np.exp(np.float32(1)), mx.float32)
    check_at_dtype_tol(mx.exp(np.array([0.0, 1.0])), np.exp([0.0, 1.0]), mx.float32)
    check_at_dtype_tol(mx.sqrt([4, 9]), np.array([2.0, 3.0]), mx.float32)
    check_at_dtype_tol(mx.abs(-3), np.array(3), mx.int32)
    check_at_dtype_tol(mx.exp(1 + 2j), np.exp(np.complex128(1 + 2j)), mx.complex64)
    check_at_dtype_tol(mx.degrees(mx.array(np.zeros((0, 2), np.float32))), np.zeros((0, 2)), mx.float32)


def test_bad_arguments():
    with pytest.raises(TypeError):
        mx.exp(None)
    with pytest.raises(ValueError):
        mx.exp("a")
    with pytest.raises(TypeError):
        mx.exp(mx.array([1.0]), stream="cpu")
    with pytest.raises(TypeError):
        mx.exp(mx.array([1.0]), mx.cpu)   # stream is keyword-only
    check_at_dtype_tol(mx.exp(mx.array([0.0]), stream=mx.cpu), np.array([1.0]), mx.float32)


# ---- Python scalars next to arrays, as the reference reads them -----------------------------------

def test_logical_ops_take_a_scalar_for_its_truth_value():
    a = mx.array([0, 1, 2], mx.uint8)
    ref = np.array([0, 1, 2]) != 0
    np.testing.assert_array_equal(np.asarray(mx.logical_xor(a, -2)), np.logical_xor(ref, True))
    np.testing.assert_array_equal(np.asarray(mx.logical_and(a, 300)), np.logical_and(ref, True))
    np.testing.assert_array_equal(np.asarray(mx.logical_or(0, a)), ref)
    with pytest.raises(TypeError):
        mx.logical_or(a, None)


def test_uint64_takes_negative_ints_by_wrapping():
    # the reference checks ints against int64 for uint64 arrays: -1 wraps (NumPy's uint64 arithmetic)
    a = mx.array([5], mx.uint64)
    assert (a | -1).item() == np.uint64(5) | np.uint64(2 ** 64 - 1)
    assert (a + -1).item() == 4
    with pytest.raises(ValueError, match="overflow"):
        mx.array([5], mx.uint32) + -1


def test_invalid_array_argument_is_value_and_type_error():
    for bad in ({}, object(), "x"):
        with pytest.raises(TypeError):
            mx.sum(bad)
        with pytest.raises(ValueError):
            mx.array(bad)


def test_issubdtype_and_isdtype_refuse_none_as_type_error():
    with pytest.raises(TypeError):
        mx.issubdtype(mx.uint32, None)
    with pytest.raises(TypeError):
        mx.issubdtype(None, mx.uint32)
    with pytest.raises(ValueError):
        mx.issubdtype(mx.uint32, "x")
    with pytest.raises(TypeError):
        mx.isdtype(mx.uint8, None)


# libmlx's integer division kills the process (SIGFPE) on the most negative value divided by -1,
# and divmod also on a zero divisor, in the reference too; mlxcy raises where the values are known.
# The CPU backend's behaviour: GPU integer division does not trap, and mlx arrays are not read
# on the host there.
cpu_integer_division = pytest.mark.skipif(
    on_gpu(), reason="CPU backend behaviour: the GPU's integer division does not trap (values differ)")


@cpu_integer_division
@pytest.mark.parametrize("call", [
    lambda: mx.divmod(mx.array([5]), mx.array([0])),
    lambda: mx.divmod(mx.array([5, 4], mx.uint8), mx.array([0, 1], mx.uint8)),
    lambda: mx.divmod(7, mx.array([3, 0], mx.int64)),
    lambda: mx.divmod(mx.array([5], mx.int64), False),
], ids=["int32", "uint8", "scalar_dividend", "bool_divisor"])
def test_integer_divmod_by_zero_raises_zero_division_error(call):
    with pytest.raises(ZeroDivisionError):
        call()


@cpu_integer_division
def test_floor_divide_and_remainder_by_zero_keep_libmlx_values():
    # unlike divmod these do not crash: libmlx gives x // 0 == 0 and x % 0 == x (the reference too)
    a, b = mx.array([5, -4]), mx.array([0, 3])
    assert (a // b).tolist() == [0, -4 // 3] and (a % b).tolist() == [5, -4 % 3]
    assert mx.floor_divide(7, False).tolist() == 0 and mx.remainder(7, False).tolist() == 7


@cpu_integer_division
@pytest.mark.parametrize("op", [mx.floor_divide, mx.remainder, mx.divmod])
def test_integer_division_overflow_raises_overflow_error(op):
    with pytest.raises(OverflowError):
        op(mx.array([-2**31, 4], mx.int32), mx.array([-1, 0], mx.int32))
    # the same values in a wider result type do not overflow
    got = mx.floor_divide(mx.array([-2**31, 4], mx.int32), mx.array(-1, mx.int64))
    assert got.dtype == mx.int64 and got.tolist() == [2**31, -4]


def test_division_checks_leave_valid_and_float_divisions_alone():
    assert (mx.array([7, -8]) // 2).tolist() == [7 // 2, -8 // 2]
    assert (mx.array([7, -8]) % 3).tolist() == [7 % 3, -8 % 3]
    assert np.isinf(np.asarray(mx.array([7.0]) // 0)).all()      # floats: inf, as NumPy
    assert [x.tolist() for x in mx.divmod(mx.array([7]), mx.array([-2]))] == [[7 // -2], [7 % -2]]


def test_can_cast_refuses_none_as_a_type_error():
    with pytest.raises(TypeError):
        mx.can_cast(None, mx.uint32)
    with pytest.raises(ValueError):          # the reference's type for other values
        mx.can_cast(3, mx.uint32)
