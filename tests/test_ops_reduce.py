"""Reductions and scans, with NumPy as the oracle."""
import numpy as np
import pytest

import mlxcy as mx
from _device import f64_cpu_only
from _oracles import FLOATS, INTS, check_at_dtype_tol, np_scan, to_np

ALL = [mx.bool_] + INTS + FLOATS + [mx.complex64]
SMALL_INTS = {mx.bool_: mx.int32, mx.uint8: mx.uint32, mx.uint16: mx.uint32, mx.int8: mx.int32,
              mx.int16: mx.int32}


def sample(dtype, shape=(2, 3, 4)):
    """A small array of `dtype` and its values (as stored) in NumPy."""
    n = int(np.prod(shape))
    if dtype == mx.bool_:
        v = (np.arange(n) % 3 != 0).reshape(shape)
    elif dtype in INTS:
        v = (np.arange(n) % 5 + 1).reshape(shape)
    elif dtype == mx.complex64:
        v = (np.linspace(-1, 1, n) + 0.5j * np.linspace(1, 0, n)).reshape(shape)
    else:
        v = np.linspace(-1.5, 2.0, n).reshape(shape)
    x = mx.array(v, dtype=dtype)
    return x, to_np(x)


AXES = [None, 0, -1, (0, 2), (-1, 1), (), [1]]


def np_axis(axis):
    return tuple(axis) if isinstance(axis, list) else axis


@pytest.mark.parametrize("keepdims", [False, True])
@pytest.mark.parametrize("axis", AXES, ids=repr)
@pytest.mark.parametrize("dtype", f64_cpu_only(ALL), ids=str)
def test_sum(dtype, axis, keepdims):
    x, v = sample(dtype)
    out_dtype = dtype if axis == () else SMALL_INTS.get(dtype, dtype)   # () reduces nothing
    check_at_dtype_tol(mx.sum(x, axis, keepdims), np.sum(v, axis=np_axis(axis), keepdims=keepdims), out_dtype)


@pytest.mark.parametrize("dtype", f64_cpu_only(ALL), ids=str)
def test_prod(dtype):
    x, v = sample(dtype, (2, 3))
    out_dtype = SMALL_INTS.get(dtype, dtype)
    check_at_dtype_tol(mx.prod(x), np.prod(v), out_dtype)
    check_at_dtype_tol(mx.prod(x, 1, keepdims=True), np.prod(v, axis=1, keepdims=True), out_dtype)


@pytest.mark.parametrize("axis", AXES, ids=repr)
@pytest.mark.parametrize("dtype", f64_cpu_only(ALL), ids=str)
def test_min_max(dtype, axis):
    x, v = sample(dtype)
    if dtype == mx.complex64:   # NumPy orders complex lexicographically, as MLX does
        v = v.astype(np.complex128)
    check_at_dtype_tol(mx.min(x, axis), np.min(v, axis=np_axis(axis)), dtype)
    check_at_dtype_tol(mx.max(x, axis, keepdims=True), np.max(v, axis=np_axis(axis), keepdims=True), dtype)
    lo, hi = mx.minmax(x, axis)
    check_at_dtype_tol(lo, np.min(v, axis=np_axis(axis)), dtype)
    check_at_dtype_tol(hi, np.max(v, axis=np_axis(axis)), dtype)


@pytest.mark.parametrize("axis", [None, 1, (0, 2)], ids=repr)
@pytest.mark.parametrize("dtype", f64_cpu_only(ALL), ids=str)
def test_all_any_count_nonzero(dtype, axis):
    x, v = sample(dtype)
    v = v.copy()
    v.flat[::4] = 0
    x = mx.array(v, dtype=dtype)
    check_at_dtype_tol(mx.all(x, axis), np.all(v, axis=axis), mx.bool_)
    check_at_dtype_tol(mx.any(x, axis, True), np.any(v, axis=axis, keepdims=True), mx.bool_)
    check_at_dtype_tol(mx.count_nonzero(x, axis=axis), np.count_nonzero(v, axis=axis), mx.int32)


@pytest.mark.filterwarnings("ignore::RuntimeWarning")   # ddof=2 over 2 elements: inf on both sides
@pytest.mark.parametrize("axis", [None, 0, -1, (0, 2)], ids=repr)
@pytest.mark.parametrize("dtype", f64_cpu_only([mx.int8, mx.uint32, mx.int64] + FLOATS), ids=str)
def test_mean_var_std(dtype, axis):
    x, v = sample(dtype)
    out_dtype = dtype if dtype in FLOATS else mx.float32
    v = v.astype(np.float64)
    check_at_dtype_tol(mx.mean(x, axis), np.mean(v, axis=axis), out_dtype)
    check_at_dtype_tol(mx.var(x, axis, True), np.var(v, axis=axis, keepdims=True), out_dtype)
    check_at_dtype_tol(mx.var(x, axis, ddof=1), np.var(v, axis=axis, ddof=1), out_dtype)
    check_at_dtype_tol(mx.std(x, axis), np.std(v, axis=axis), out_dtype)
    check_at_dtype_tol(mx.std(x, axis, ddof=2), np.std(v, axis=axis, ddof=2), out_dtype)


def test_mean_var_complex():
    z = np.array([1 + 1j, 2, -1j], np.complex64)
    check_at_dtype_tol(mx.mean(mx.array(z)), np.mean(z), mx.complex64)
    check_at_dtype_tol(mx.var(mx.array(z)), np.var(z), mx.float32)


def test_var_ddof_edges():
    x = mx.array([[1.0, 2.0, 4.0]])
    check_at_dtype_tol(mx.var(x, ddof=3), np.array(np.inf), mx.float32)   # N - ddof == 0
    check_at_dtype_tol(mx.var(x, ddof=-1), np.var([1.0, 2.0, 4.0]) * 3 / 4, mx.float32)
    with pytest.raises(TypeError):
        mx.var(x, ddof=0.5)


@pytest.mark.parametrize("axis", [None, 0, 1, (0, 1)], ids=repr)
@pytest.mark.parametrize("dtype", f64_cpu_only([mx.int32, mx.float16, mx.float32, mx.float64]), ids=str)
def test_median(dtype, axis):
    v = np.array([[3, 1, 4, 1], [5, 9, 2, 6], [5, 3, 5, 8]])
    out_dtype = dtype if dtype in FLOATS else mx.float32
    check_at_dtype_tol(mx.median(mx.array(v, dtype=dtype), axis), np.median(v, axis=axis), out_dtype)
    check_at_dtype_tol(mx.median(mx.array(v, dtype=dtype), axis, keepdims=True),
          np.median(v, axis=axis, keepdims=True), out_dtype)


def _np_logsumexp(v, axis=None, keepdims=False):
    m = np.max(v, axis=axis, keepdims=True)
    out = np.log(np.sum(np.exp(v - m), axis=axis, keepdims=True)) + m
    return out if keepdims else np.squeeze(out, axis=axis)


@pytest.mark.parametrize("axis", [None, 0, -1, (0, 2)], ids=repr)
@pytest.mark.parametrize("dtype", f64_cpu_only(FLOATS), ids=str)
def test_logsumexp(dtype, axis):
    x, v = sample(dtype)
    v = v.astype(np.float64)
    check_at_dtype_tol(mx.logsumexp(x, axis), _np_logsumexp(v, axis), dtype)
    check_at_dtype_tol(mx.logsumexp(x, axis, keepdims=True), _np_logsumexp(v, axis, keepdims=True), dtype)


def test_logsumexp_large_and_ints():
    check_at_dtype_tol(mx.logsumexp(mx.array([1000.0, 1000.0])), np.array(1000 + np.log(2)), mx.float32)
    check_at_dtype_tol(mx.logsumexp(mx.array([1, 2, 3])), _np_logsumexp(np.array([1.0, 2.0, 3.0])), mx.float32)
    with pytest.raises(ValueError, match="empty"):
        mx.logsumexp(mx.array(np.zeros(0, np.float32)))


def _np_softmax(v, axis):
    e = np.exp(v - np.max(v, axis=axis, keepdims=True))
    return e / np.sum(e, axis=axis, keepdims=True)


@pytest.mark.parametrize("precise", [False, True])
@pytest.mark.parametrize("axis", [None, -1, 0, (1, 2)], ids=repr)
@pytest.mark.parametrize("dtype", f64_cpu_only(FLOATS), ids=str)
def test_softmax(dtype, axis, precise):
    x, v = sample(dtype)
    check_at_dtype_tol(mx.softmax(x, axis, precise=precise), _np_softmax(v.astype(np.float64), axis), dtype)


@pytest.mark.parametrize("axis", [None, 0, 1, -1], ids=repr)
@pytest.mark.parametrize("dtype", f64_cpu_only([mx.bool_, mx.uint8, mx.int32, mx.float16, mx.float32, mx.float64]),
                         ids=str)
def test_argmin_argmax(dtype, axis):
    v = np.array([[3, 1, 4, 1], [5, 9, 2, 6], [5, 3, 5, 9]])
    if dtype == mx.bool_:
        v = v > 3
    x = mx.array(v, dtype=dtype)
    check_at_dtype_tol(mx.argmin(x, axis), np.argmin(v, axis=axis), mx.uint32)
    check_at_dtype_tol(mx.argmax(x, axis), np.argmax(v, axis=axis), mx.uint32)
    check_at_dtype_tol(mx.argmax(x, axis, keepdims=True), np.argmax(v, axis=axis, keepdims=True), mx.uint32)


def test_argmin_argmax_errors():
    x = mx.array([[1, 2], [3, 4]])
    with pytest.raises(TypeError):
        mx.argmin(x, (0,))
    with pytest.raises(IndexError):
        mx.argmax(x, 2)
    with pytest.raises(ValueError, match="zero size"):
        mx.argmax(mx.array(np.zeros((0, 3), np.float32)), 0)


@pytest.mark.parametrize("dtype", f64_cpu_only([mx.int32, mx.uint8, mx.float32, mx.float64, mx.complex64]), ids=str)
def test_trace(dtype):
    v = np.arange(24).reshape(2, 3, 4)
    if dtype == mx.complex64:
        v = v + 1j
    x = mx.array(v, dtype=dtype)
    out = SMALL_INTS.get(dtype, dtype)
    check_at_dtype_tol(mx.trace(x[0]), np.trace(v[0]), out)
    check_at_dtype_tol(mx.trace(x[0], 1), np.trace(v[0], 1), out)
    check_at_dtype_tol(mx.trace(x[0], -1), np.trace(v[0], -1), out)
    check_at_dtype_tol(mx.trace(x, 0, 1, 2), np.trace(v, 0, 1, 2), out)
    check_at_dtype_tol(mx.trace(x, 1, axis1=0, axis2=2), np.trace(v, 1, 0, 2), out)
    check_at_dtype_tol(mx.trace(x[0], dtype=mx.float32), np.trace(v[0]).astype(np.complex64 if dtype == mx.complex64
                                                                     else np.float32).real, mx.float32)


# libmlx's reductions could loop forever over an empty array laid out as a strided view (in some
# runs; the reference too, issue 17). Each case runs in a fresh process, several times, under a
# timeout: a hang fails the test instead of stalling the suite.
EMPTY_VIEW_CASES = {
    "trace": ("mx.trace(mx.zeros((2, 0, 3)))", np.trace(np.zeros((2, 0, 3)))),
    "sum_of_transpose": ("mx.sum(mx.zeros((0, 3)).T, -1)", np.zeros((0, 3)).T.sum(-1)),
    "sum_of_diagonal": ("mx.sum(mx.diagonal(mx.zeros((2, 0, 3))), -1)",
                        np.diagonal(np.zeros((2, 0, 3))).sum(-1)),
    "prod_of_strided": ("mx.prod(mx.as_strided(mx.zeros((6,)), (3, 0), (1, 4)), -1)", np.ones(3)),
}


@pytest.mark.parametrize("case", sorted(EMPTY_VIEW_CASES))
def test_reductions_over_empty_strided_views_finish(case):
    import subprocess
    import sys
    src, want = EMPTY_VIEW_CASES[case]
    code = f"import mlxcy as mx\nfor _ in range(5):\n    r = {src}; mx.eval(r)\nprint(r.tolist())"
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd="/", timeout=120)
    assert r.returncode == 0, r.stderr[-1500:]
    assert eval(r.stdout.strip()) == want.tolist()


def test_trace_errors():
    with pytest.raises(ValueError, match="two dimensions"):
        mx.trace(mx.array([1, 2, 3]))
    with pytest.raises(ValueError, match="same axis"):
        mx.trace(mx.array(np.ones((2, 2, 3))), 0, 0, 0)
    with pytest.raises(IndexError):
        mx.trace(mx.array(np.ones((2, 2, 3))), 0, 0, 3)


# ---- edge shapes and axis errors ----------------------------------------------------------------

def test_zero_d_and_zero_size():
    s = mx.array(3.5)
    check_at_dtype_tol(mx.sum(s), np.array(3.5), mx.float32)
    check_at_dtype_tol(mx.max(s, keepdims=True), np.array(3.5), mx.float32)
    z = mx.array(np.zeros((0, 3), np.float32))
    check_at_dtype_tol(mx.sum(z, 0), np.zeros(3), mx.float32)
    check_at_dtype_tol(mx.sum(z), np.array(0.0), mx.float32)
    check_at_dtype_tol(mx.prod(z, 0), np.ones(3), mx.float32)
    check_at_dtype_tol(mx.prod(z, 1), np.ones(0), mx.float32)
    check_at_dtype_tol(mx.all(z), np.array(True), mx.bool_)
    check_at_dtype_tol(mx.any(z), np.array(False), mx.bool_)
    check_at_dtype_tol(mx.max(z, 1), np.zeros(0), mx.float32)
    assert np.isnan(to_np(mx.mean(z)))   # 0 / 0
    with pytest.raises(ValueError, match="size 0"):
        mx.min(z)
    with pytest.raises(ValueError, match="size 0"):
        mx.max(z, 0)


@pytest.mark.parametrize("fn", [mx.sum, mx.prod, mx.mean, mx.var, mx.std, mx.min, mx.max, mx.all, mx.any,
                                mx.logsumexp, mx.median, mx.minmax])
def test_axis_errors(fn):
    x = mx.array(np.ones((2, 3), np.float32))
    with pytest.raises(IndexError):
        fn(x, 2)
    with pytest.raises(IndexError):
        fn(x, -3)
    with pytest.raises(ValueError, match="[Dd]uplicate"):
        fn(x, (0, 0))
    with pytest.raises(TypeError):
        fn(x, 1.5)


def test_axis_accepts_index_objects_and_lists():
    x = mx.array(np.arange(6, dtype=np.int32).reshape(2, 3))
    check_at_dtype_tol(mx.sum(x, np.int64(1)), np.array([3, 12]), mx.int32)
    check_at_dtype_tol(mx.sum(x, [1], True), np.array([[3], [12]]), mx.int32)
    check_at_dtype_tol(mx.count_nonzero(x, axis=1, keepdims=True), np.array([[2], [3]]), mx.int32)
    check_at_dtype_tol(mx.sum([[1, 2], [3, 4]], 0), np.array([4, 6]), mx.int32)
    check_at_dtype_tol(mx.mean(np.array([1.0, 2.0])), np.array(1.5), mx.float32)


# ---- scans ----------------------------------------------------------------------------------------

SCANS = [
    ("cumsum", np.cumsum, 0),
    ("cumprod", np.cumprod, 1),
    ("cummax", np.maximum.accumulate, None),
    ("cummin", np.minimum.accumulate, None),
]


@pytest.mark.parametrize("inclusive", [True, False])
@pytest.mark.parametrize("reverse", [False, True])
@pytest.mark.parametrize("axis", [None, 0, -1], ids=repr)
@pytest.mark.parametrize("dtype", f64_cpu_only([mx.int32, mx.uint8, mx.float16, mx.float64]), ids=str)
@pytest.mark.parametrize("name,fn,identity", SCANS, ids=[s[0] for s in SCANS])
def test_scans(name, fn, identity, dtype, axis, reverse, inclusive):
    x, v = sample(dtype, (3, 4))
    if identity is None:   # cummax/cummin exclusive scans start at the dtype's extreme: only inclusive
        if not inclusive:
            return
        identity = 0
    expected = np_scan(lambda a, axis: fn(a, axis=axis, dtype=a.dtype), v, axis, reverse, inclusive, identity)
    check_at_dtype_tol(getattr(mx, name)(x, axis, reverse=reverse, inclusive=inclusive), expected, dtype)


@pytest.mark.parametrize("dtype", f64_cpu_only([mx.float16, mx.float32, mx.float64]), ids=str)
def test_logcumsumexp(dtype):
    x, v = sample(dtype, (3, 4))
    v = v.astype(np.float64)
    check_at_dtype_tol(mx.logcumsumexp(x, 1), np.logaddexp.accumulate(v, axis=1), dtype)
    check_at_dtype_tol(mx.logcumsumexp(x), np.logaddexp.accumulate(v.reshape(-1)), dtype)
    check_at_dtype_tol(mx.logcumsumexp(x, 0, reverse=True),
                       np.flip(np.logaddexp.accumulate(np.flip(v, 0), axis=0), 0), dtype)
    check_at_dtype_tol(mx.logcumsumexp(mx.array([1, 2])), np.logaddexp.accumulate([1.0, 2.0]), mx.float32)


def test_scan_dtypes():
    check_at_dtype_tol(mx.cumsum(mx.array([True, True, False])), np.array([1, 2, 2]), mx.int32)
    check_at_dtype_tol(mx.cumprod(mx.array([True, False])), np.array([True, False]), mx.bool_)
    check_at_dtype_tol(mx.cumsum(mx.array([100, 100], mx.int8)), np.array([100, -56]), mx.int8)   # wraps, keeps int8
    check_at_dtype_tol(mx.cumsum(mx.array([1, 2]), dtype=mx.float16), np.array([1.0, 3.0]), mx.float16)
    check_at_dtype_tol(mx.cumprod(mx.array([[1, 2], [3, 4]]), 0, dtype=mx.int64), np.array([[1, 2], [3, 8]]), mx.int64)
    z = np.array([1 + 1j, 2 - 1j], np.complex64)
    check_at_dtype_tol(mx.cumsum(mx.array(z)), np.cumsum(z), mx.complex64)
    assert mx.cumulative_sum is mx.cumsum and mx.cumulative_prod is mx.cumprod


def test_scan_edges_and_errors():
    check_at_dtype_tol(mx.cumsum(mx.array(3)), np.array([3]), mx.int32)
    check_at_dtype_tol(mx.cumsum(mx.array(np.zeros((0, 2), np.float32)), 0), np.zeros((0, 2)), mx.float32)
    x = mx.array(np.ones((2, 3), np.float32))
    for fn in (mx.cumsum, mx.cumprod, mx.cummax, mx.cummin, mx.logcumsumexp):
        with pytest.raises(IndexError):
            fn(x, 2)
        with pytest.raises(IndexError):
            fn(x, -3)
        with pytest.raises(TypeError):
            fn(x, (0,))
    with pytest.raises(IndexError):
        mx.cumsum(mx.array(3), 0)
    with pytest.raises(TypeError):
        mx.cummax(x, dtype=mx.float32)


# ---- scalar arguments are checked as the reference's parser checks them -------------------------

@pytest.mark.parametrize("call", [
    lambda v: mx.sum(mx.ones((2, 2)), keepdims=v), lambda v: mx.mean(mx.ones((2, 2)), axis=0, keepdims=v),
    lambda v: mx.argmax(mx.ones((2, 2)), keepdims=v), lambda v: mx.minmax(mx.ones((2,)), keepdims=v),
    lambda v: mx.cumsum(mx.ones((2,)), reverse=v), lambda v: mx.cumprod(mx.ones((2,)), inclusive=v),
    lambda v: mx.softmax(mx.ones((2,)), precise=v), lambda v: mx.ones((2, 2)).var(keepdims=v),
    lambda v: mx.unique(mx.ones((2,)), 2, return_counts=v),
    lambda v: mx.isclose(mx.ones(2), mx.ones(2), equal_nan=v), lambda v: mx.array_equal(mx.ones(2), mx.ones(2), v),
    lambda v: mx.linspace(0, 1, 3, endpoint=v), lambda v: mx.linalg.norm(mx.ones((2,)), keepdims=v),
], ids=["sum", "mean", "argmax", "minmax", "cumsum", "cumprod", "softmax", "var-method", "unique",
        "isclose", "array_equal", "linspace", "norm"])
@pytest.mark.parametrize("bad", [None, 1, 2 ** 40, "x", {}, object(), [True]])
def test_bool_parameters_take_bools_only(call, bad):
    call(True)
    call(False)
    with pytest.raises(TypeError, match="must be a bool"):
        call(bad)


@pytest.mark.parametrize("call", [
    lambda v: mx.sum(mx.ones((2, 2)), axis=v), lambda v: mx.sum(mx.ones((2, 2)), axis=[0, v]),
    lambda v: mx.var(mx.ones((2, 2)), ddof=v), lambda v: mx.cumsum(mx.ones((2, 2)), axis=v),
    lambda v: mx.topk(mx.ones((4,)), v), lambda v: mx.trace(mx.ones((2, 2)), offset=v),
])
@pytest.mark.parametrize("big", [2 ** 31, -2 ** 31 - 1, 2 ** 40, 2 ** 70])
def test_int_parameters_beyond_32_bits_are_type_errors(call, big):
    with pytest.raises(TypeError):
        call(big)


def test_searchsorted_side_must_be_a_string():
    with pytest.raises(TypeError, match="side"):
        mx.searchsorted(mx.arange(3), mx.array([1]), side=None)
    with pytest.raises(ValueError):
        mx.searchsorted(mx.arange(3), mx.array([1]), side="middle")
