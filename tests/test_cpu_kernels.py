"""mlxcy's own CPU kernels (src/cpu_kernels.h): softmax and logsumexp over the last axis of float32
arrays, and scaled_dot_product_attention through that softmax. Values against a NumPy float64
oracle, and every transform against libmlx's own path (the kernels switched off with
MLXCY_CPU_KERNELS=0, which the ops read on each call). mx.fast's attention values against NumPy
are in test_fast.py, which runs through the kernel on the CPU.

Where the machine has no AVX2+FMA (or is not x86-64), both sides run libmlx and the comparisons
hold trivially; `mx.fast._cpu_kernels_available()` says which.
"""
import os
import tempfile

import numpy as np
import pytest

import mlxcy as mx
import mlxcy.nn as nn
from _oracles import check_same_arrays, with_cpu_kernels_on_and_off, check_at_dtype_tol, num_grad, printed_by_both, to_np

pytestmark = pytest.mark.cpu_only   # the kernels exist for the CPU stream only

RNG = np.random.default_rng(21)
INF, NAN = float("inf"), float("nan")


def _x(*shape, scale=3.0):
    return (RNG.standard_normal(shape) * scale).astype(np.float32)


def np_softmax(x, axis=-1):
    x = np.asarray(x, np.float64)
    e = np.exp(x - x.max(axis=axis, keepdims=True))
    return e / e.sum(axis=axis, keepdims=True)


def np_logsumexp(x, axis=-1, keepdims=False):
    x = np.asarray(x, np.float64)
    m = x.max(axis=axis, keepdims=True)
    out = m + np.log(np.exp(x - m).sum(axis=axis, keepdims=True))
    return out if keepdims else np.squeeze(out, axis)


@pytest.fixture
def kernels(monkeypatch):
    """Runs a function with the kernels on, then off: (on, off), each evaluated."""
    return lambda fn: with_cpu_kernels_on_and_off(monkeypatch, fn)


def _same(on, off, rtol=1e-5, atol=1e-6):
    """Results of the kernel and of libmlx agree (lists and tuples element-wise)."""
    check_same_arrays(on, off, rtol, atol)


def test_switch_and_availability():
    assert isinstance(mx.fast._cpu_kernels_available(), bool)


# ---- softmax ---------------------------------------------------------------------------------

# row lengths around the 8-float vector width, and long ones
@pytest.mark.parametrize("n", [1, 2, 7, 8, 9, 15, 16, 17, 33, 128, 1000])
@pytest.mark.parametrize("precise", [False, True])
def test_softmax_rows(n, precise):
    x = _x(5, n)
    check_at_dtype_tol(mx.softmax(mx.array(x), axis=-1, precise=precise), np_softmax(x), mx.float32)
    check_at_dtype_tol(mx.softmax(mx.array(x), axis=1, precise=precise), np_softmax(x), mx.float32)


def test_softmax_shapes_and_axis_none():
    for shape in [(1,), (6,), (2, 3, 4, 9), (1, 1, 1)]:
        x = _x(*shape)
        check_at_dtype_tol(mx.softmax(mx.array(x), axis=-1), np_softmax(x), mx.float32)
    x = _x(11)
    check_at_dtype_tol(mx.softmax(mx.array(x)), np_softmax(x), mx.float32)   # every axis of a vector
    x = _x(3, 4)
    check_at_dtype_tol(mx.softmax(mx.array(x)), np_softmax(x.reshape(-1)).reshape(3, 4), mx.float32)
    check_at_dtype_tol(mx.softmax(mx.array(x), axis=0), np_softmax(x, axis=0), mx.float32)


def test_softmax_large_range():
    # differences far beyond exp's range: the small terms vanish, no overflow
    x = np.array([[0.0, -50.0, -87.0, -90.0, -1e30, 30.0, 88.0, 3e38]], np.float32)
    check_at_dtype_tol(mx.softmax(mx.array(x), axis=-1), np_softmax(x), mx.float32)
    x = np.array([[1e4, 1e4 + 1, 1e4 - 3]], np.float32)
    check_at_dtype_tol(mx.softmax(mx.array(x), axis=-1), np_softmax(x), mx.float32)


SPECIAL_ROWS = [
    [NAN, 1.0, 2.0], [1.0, NAN], [INF, 1.0, 2.0], [-INF, 1.0, 2.0], [-INF, -INF], [INF, INF],
    [INF, -INF], [INF, NAN], [-INF, -INF, NAN], [5.0], [NAN], [INF], [-INF],
    [1.0] * 9 + [NAN], [1.0] * 9 + [INF], [-INF] * 8 + [3.0],
]


def _expected_softmax(row):
    """libmlx's rule: a NaN or +inf anywhere, or nothing but -inf, makes the row NaN."""
    r = np.array(row, np.float64)
    if np.isnan(r).any() or np.isposinf(r).any() or np.isneginf(r).all():
        return np.full(r.shape, np.nan)
    return np_softmax(r)


@pytest.mark.parametrize("row", SPECIAL_ROWS, ids=str)
def test_softmax_nan_inf_rows(row, kernels):
    on, off = kernels(lambda: mx.softmax(mx.array(row), axis=-1))
    check_at_dtype_tol(on, _expected_softmax(row), mx.float32)
    _same(on, off)


def test_nan_signs_as_the_reference_prints():
    # NaNs of both signs, in rows of odd and even lengths, with infinities; each element's sign
    snippet = ("import numpy as np\n"
               "rng = np.random.default_rng(5)\n"
               "for n in list(range(1, 12)) + [16, 17, 31]:\n"
               "    for _ in range(6):\n"
               "        r = rng.standard_normal(n).astype(np.float32)\n"
               "        for p in rng.choice(n, rng.integers(1, min(n, 3) + 1), replace=False):\n"
               "            r[p] = rng.choice([np.nan, -np.nan])\n"
               "        if rng.random() < 0.3:\n"
               "            r[rng.integers(n)] = rng.choice([np.inf, -np.inf])\n"
               "        a = mx.array(r)\n"
               "        print(np.signbit(np.array(mx.softmax(a, axis=-1))).astype(int).tolist(),\n"
               "              np.signbit(np.array(mx.logsumexp(a, axis=-1))).astype(int).tolist())\n"
               "rows = [[float('inf'), 1.0], [float('inf'), float('inf'), 2.0], [-float('inf')] * 3]\n"
               "for r in rows:\n"
               "    print(mx.softmax(mx.array(r), axis=-1), mx.logsumexp(mx.array(r), axis=-1))\n")
    ours, theirs = printed_by_both(snippet)
    assert ours == theirs


def test_softmax_empty(kernels):
    for shape in [(0,), (0, 3), (3, 0), (2, 0, 4)]:
        on, off = kernels(lambda: mx.softmax(mx.zeros(shape), axis=-1))
        assert on.shape == shape and on.dtype == mx.float32
        _same(on, off)


def test_softmax_strided_and_broadcast_views():
    x = _x(7, 12)
    cases = [
        (mx.array(x).T, x.T),
        (mx.array(x)[:, ::3], x[:, ::3]),
        (mx.array(x)[::2, 1:], x[::2, 1:]),
        (mx.broadcast_to(mx.array(x[:1]), (5, 12)), np.broadcast_to(x[:1], (5, 12))),
        (mx.broadcast_to(mx.array(x[:, :1]), (7, 10)), np.broadcast_to(x[:, :1], (7, 10))),
        (mx.swapaxes(mx.array(_x(2, 3, 4).reshape(2, 3, 4)), 0, 2), None),
    ]
    for a, ref in cases:
        ref = to_np(a) if ref is None else ref
        check_at_dtype_tol(mx.softmax(a, axis=-1), np_softmax(ref), mx.float32)
        check_at_dtype_tol(mx.logsumexp(a, axis=-1), np_logsumexp(ref), mx.float32)


def test_softmax_other_dtypes_and_axes_keep_libmlx(kernels):
    x = _x(4, 6)
    for dtype in (mx.float16, mx.bfloat16, mx.int32):
        _same(*kernels(lambda: mx.softmax(mx.array(x).astype(dtype), axis=-1)), rtol=1e-2, atol=1e-3)
    _same(*kernels(lambda: mx.softmax(mx.array(x), axis=0)))
    _same(*kernels(lambda: mx.softmax(mx.array(x), axis=[0, 1])))


def test_softmax_in_place_result_does_not_disturb_input():
    # the kernel may reuse a donated input buffer; an input still referenced must stay unchanged
    x = _x(3, 20)
    a = mx.array(x)
    y = mx.softmax(a * 1.0, axis=-1)
    z = mx.softmax(a, axis=-1)
    mx.eval(y, z)
    np.testing.assert_array_equal(np.array(a), x)
    check_at_dtype_tol(y, np_softmax(x), mx.float32)
    check_at_dtype_tol(z, np_softmax(x), mx.float32)


# ---- transforms of softmax -------------------------------------------------------------------

def test_softmax_grad_vjp_jvp(kernels):
    x, w = _x(3, 10), _x(3, 10)
    mw = mx.array(w)
    f = lambda a: mx.softmax(a, axis=-1)
    g_on, g_off = kernels(lambda: mx.grad(lambda a: (f(a) * mw).sum())(mx.array(x)))
    _same(g_on, g_off)
    np.testing.assert_allclose(np.array(g_on), num_grad(np_softmax, x, w), rtol=1e-4, atol=1e-5)
    _same(*kernels(lambda: mx.vjp(f, [mx.array(x)], [mw])[1]))
    _same(*kernels(lambda: mx.jvp(f, [mx.array(x)], [mw])[1]))
    # second derivative through the kernel's vjp
    h = lambda a: mx.grad(lambda b: (f(b) * mw).sum())(a).sum()
    _same(*kernels(lambda: mx.grad(h)(mx.array(x))))


def test_softmax_vmap(kernels):
    x = _x(4, 6, 5)
    for in_axes in (0, 1, 2):
        on, off = kernels(lambda: mx.vmap(lambda a: mx.softmax(a, axis=-1), in_axes=in_axes)(mx.array(x)))
        _same(on, off)
        ref = np_softmax(np.moveaxis(x, in_axes, 0))
        check_at_dtype_tol(on, ref, mx.float32)


def test_softmax_compile(kernels):
    x = _x(5, 9)
    fn = lambda a: mx.softmax(a * 2.0, axis=-1) + mx.softmax(a * 2.0, axis=-1)   # CSE of equal nodes
    on, off = kernels(lambda: mx.compile(fn)(mx.array(x)))
    _same(on, off)
    check_at_dtype_tol(on, 2 * np_softmax(2.0 * x), mx.float32)
    c = mx.compile(lambda a: mx.softmax(a, axis=-1), shapeless=True)
    for shape in [(2, 3), (4, 17)]:
        y = _x(*shape)
        check_at_dtype_tol(c(mx.array(y)), np_softmax(y), mx.float32)


def test_export_import_runs_libmlx_primitives():
    # the kernels' primitives are written as libmlx's Softmax/LogSumExp
    x = _x(3, 12)
    d = tempfile.mkdtemp()
    for name, fn, ref in [("s", lambda a: mx.softmax(a, axis=-1), np_softmax(x)),
                          ("l", lambda a: mx.logsumexp(a, axis=-1), np_logsumexp(x))]:
        path = os.path.join(d, name + ".mlxfn")
        mx.export_function(path, fn, mx.array(x))
        check_at_dtype_tol(mx.import_function(path)(mx.array(x))[0], ref, mx.float32)


# ---- logsumexp -------------------------------------------------------------------------------

@pytest.mark.parametrize("n", [1, 3, 8, 13, 100, 1025])
def test_logsumexp_rows(n):
    x = _x(4, n)
    check_at_dtype_tol(mx.logsumexp(mx.array(x), axis=-1), np_logsumexp(x), mx.float32)
    check_at_dtype_tol(mx.logsumexp(mx.array(x), axis=1, keepdims=True), np_logsumexp(x, keepdims=True),
                       mx.float32)
    check_at_dtype_tol(mx.array(x).logsumexp(axis=-1), np_logsumexp(x), mx.float32)   # the method
    v = x[0]
    check_at_dtype_tol(mx.logsumexp(mx.array(v)), np_logsumexp(v), mx.float32)
    check_at_dtype_tol(mx.logsumexp(mx.array(v), keepdims=True), np_logsumexp(v, keepdims=True), mx.float32)


def _expected_logsumexp(row):
    r = np.array(row, np.float64)
    if np.isnan(r).any():
        return np.nan
    if np.isinf(r.max()):
        return r.max()
    return np_logsumexp(r)


@pytest.mark.parametrize("row", SPECIAL_ROWS, ids=str)
def test_logsumexp_nan_inf_rows(row, kernels):
    on, off = kernels(lambda: mx.logsumexp(mx.array(row), axis=-1))
    check_at_dtype_tol(on, np.array(_expected_logsumexp(row)), mx.float32)
    _same(on, off)


def test_logsumexp_empty_raises_as_libmlx():
    for shape in [(0,), (3, 0), (0, 4)]:
        with pytest.raises(ValueError, match="empty"):
            mx.logsumexp(mx.zeros(shape), axis=-1)


def test_logsumexp_transforms(kernels):
    x, w = _x(3, 11), _x(3)
    mw = mx.array(w)
    f = lambda a: mx.logsumexp(a, axis=-1)
    g_on, g_off = kernels(lambda: mx.grad(lambda a: (f(a) * mw).sum())(mx.array(x)))
    _same(g_on, g_off)
    np.testing.assert_allclose(np.array(g_on), num_grad(np_logsumexp, x, w), rtol=1e-4, atol=1e-5)
    t = mx.array(_x(3, 11))
    _same(*kernels(lambda: mx.jvp(f, [mx.array(x)], [t])[1]))
    for in_axes in (0, 1):
        on, off = kernels(lambda: mx.vmap(f, in_axes=in_axes)(mx.array(x)))
        _same(on, off)
        check_at_dtype_tol(on, np_logsumexp(np.moveaxis(x, in_axes, 0)), mx.float32)
    _same(*kernels(lambda: mx.compile(lambda a: f(a) * 2.0)(mx.array(x))))


def test_cross_entropy_through_logsumexp(kernels):
    logits, targets = _x(6, 10), RNG.integers(0, 10, 6)
    on, off = kernels(lambda: nn.losses.cross_entropy(mx.array(logits), mx.array(targets)))
    _same(on, off)
    ref = np_logsumexp(logits) - logits[np.arange(6), targets]
    check_at_dtype_tol(on, ref, mx.float32)


# ---- attention -------------------------------------------------------------------------------

def _qkv(b, hq, hkv, lq, lk, d, dv=None):
    return (mx.array(_x(b, hq, lq, d, scale=1.0)), mx.array(_x(b, hkv, lk, d, scale=1.0)),
            mx.array(_x(b, hkv, lk, dv or d, scale=1.0)))


SDPA_MASKS = ["none", "causal", "bool", "bool_4d", "additive", "additive_f16", "fully_masked_row"]


@pytest.mark.parametrize("mask_kind", SDPA_MASKS)
@pytest.mark.parametrize("heads", [(4, 4), (4, 2), (3, 1)])
def test_sdpa_matches_libmlx(mask_kind, heads, kernels):
    hq, hkv = heads
    q, k, v = _qkv(2, hq, hkv, 5, 9, 8, 6)
    mask = {"none": None, "causal": "causal",
            "bool": mx.array(RNG.random((5, 9)) > 0.4),
            "bool_4d": mx.array(RNG.random((2, hq, 5, 9)) > 0.4),
            "additive": mx.array(_x(2, 1, 5, 9)),
            "additive_f16": mx.array(_x(hq, 5, 9)).astype(mx.float16),
            "fully_masked_row": mx.array(np.arange(9)[None, :] < np.array([0, 1, 2, 3, 4])[:, None])}[mask_kind]
    fn = lambda: mx.fast.scaled_dot_product_attention(q, k, v, scale=0.35, mask=mask)
    on, off = kernels(fn)
    assert on.shape == (2, hq, 5, 6) and on.dtype == mx.float32
    _same(on, off)


def test_sdpa_sinks_and_shapes(kernels):
    q, k, v = _qkv(1, 4, 2, 3, 6, 4)
    sinks = mx.array(_x(4, scale=1.0))
    for mask in (None, "causal"):
        _same(*kernels(lambda: mx.fast.scaled_dot_product_attention(q, k, v, scale=0.5, mask=mask, sinks=sinks)))
    # empty key and query lengths, one query
    for lq, lk in [(0, 4), (3, 0), (1, 1)]:
        q, k, v = _qkv(1, 2, 2, lq, lk, 4)
        on, off = kernels(lambda: mx.fast.scaled_dot_product_attention(q, k, v, scale=0.5))
        _same(on, off)


def test_sdpa_non_float32_and_errors_go_to_libmlx(kernels):
    q, k, v = _qkv(1, 2, 2, 3, 4, 4)
    _same(*kernels(lambda: mx.fast.scaled_dot_product_attention(q.astype(mx.float16), k.astype(mx.float16),
                                                                v.astype(mx.float16), scale=0.5)),
          rtol=1e-2, atol=1e-3)
    F = mx.fast.scaled_dot_product_attention
    bad = [
        (lambda: F(q, mx.ones((1, 3, 4, 4)), mx.ones((1, 3, 4, 4)), scale=1.0), "n_heads"),
        (lambda: F(q, k, mx.ones((1, 1, 4, 4)), scale=1.0), "n_kv_heads|n_heads"),
        (lambda: F(q, mx.ones((1, 2, 4, 5)), v, scale=1.0), "last dimension"),
        (lambda: F(q, k, v, scale=1.0, mask=mx.ones((2, 2))), "broadcast"),
        (lambda: F(q, k, v, scale=1.0, sinks=mx.ones((3,))), "sinks"),
        (lambda: F(q, k, v, scale=1.0, mask=mx.ones((4,), mx.float64)), "promote|float64"),
        (lambda: F(q, k, v, scale=1.0, force_fused=True), "fused"),
    ]
    for call, message in bad:
        with pytest.raises(ValueError, match=message):
            call()


def test_sdpa_transforms(kernels):
    q, k, v = _qkv(1, 4, 2, 4, 6, 4)
    mask = mx.array(RNG.random((4, 6)) > 0.3)
    for m in ("causal", mask):
        f = lambda a, b, c: (mx.fast.scaled_dot_product_attention(a, b, c, scale=0.5, mask=m) ** 2).sum()
        _same(*kernels(lambda: mx.grad(f, argnums=(0, 1, 2))(q, k, v)))
    g = lambda a: mx.fast.scaled_dot_product_attention(a, k, v, scale=0.5, mask="causal")
    _same(*kernels(lambda: mx.jvp(g, [q], [mx.ones_like(q)])[1]))
    _same(*kernels(lambda: mx.compile(g)(q)))
    qs = mx.stack([q, q * 0.5])
    _same(*kernels(lambda: mx.vmap(g)(qs)))
    path = os.path.join(tempfile.mkdtemp(), "sdpa.mlxfn")
    mx.export_function(path, g, q)
    _same(mx.import_function(path)(q)[0], g(q))
