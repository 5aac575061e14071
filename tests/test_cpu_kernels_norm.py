"""mlxcy's CPU primitives for mx.fast.rms_norm, layer_norm and rope (src/cpu_kernels.h).

libmlx 0.32.4 has no CPU kernel for these (it builds composed graphs); mlxcy's one-pass primitives
replace them for float32 on the CPU stream. Checked here: values against NumPy float64 oracles,
within the error the reference binding itself makes against the same oracle (the reference run in
a subprocess on the same inputs); special rows, empty arrays, strided and broadcast views; the
gradients against central differences and against libmlx's path (MLXCY_CPU_KERNELS=0); vmap,
compile and export; the switch; bad input raising what the reference raises.
"""
import os
import subprocess
import tempfile

import numpy as np
import pytest

import mlxcy as mx
from _oracles import check_same_arrays, with_cpu_kernels_on_and_off, REFERENCE_PYTHON, check_at_dtype_tol, num_grad, to_np

pytestmark = pytest.mark.cpu_only   # the primitives exist for the CPU stream only

RNG = np.random.default_rng(2121)
EPS32 = np.finfo(np.float32).eps


def _x(*shape, scale=2.0):
    return (RNG.standard_normal(shape) * scale).astype(np.float32)


@pytest.fixture
def kernels(monkeypatch):
    """Runs a function with the kernels on, then off: (on, off), each evaluated."""
    return lambda fn: with_cpu_kernels_on_and_off(monkeypatch, fn)


def _same(on, off, rtol=2e-6, atol=2e-6):
    """Results of the kernel and of libmlx agree (lists and tuples element-wise)."""
    check_same_arrays(on, off, rtol, atol)


def _graph_names(y):
    """The primitive names of y's graph, from export_to_dot."""
    path = os.path.join(tempfile.mkdtemp(), "g.dot")
    mx.export_to_dot(path, y)
    with open(path) as f:
        return f.read()


# ---- NumPy float64 oracles -------------------------------------------------------------------

def np_rms_norm(x, w, eps):
    with np.errstate(all="ignore"):
        return _np_rms_norm(x, w, eps)


def np_layer_norm(x, w, b, eps):
    with np.errstate(all="ignore"):
        return _np_layer_norm(x, w, b, eps)


def _np_rms_norm(x, w, eps):
    x = np.asarray(x, np.float64)
    y = x / np.sqrt(np.mean(x * x, axis=-1, keepdims=True) + eps)
    return y if w is None else y * np.asarray(w, np.float64)


def _np_layer_norm(x, w, b, eps):
    x = np.asarray(x, np.float64)
    xc = x - x.mean(axis=-1, keepdims=True)
    y = xc / np.sqrt(np.mean(xc * xc, axis=-1, keepdims=True) + eps)
    if w is not None:
        y = y * np.asarray(w, np.float64)
    if b is not None:
        y = y + np.asarray(b, np.float64)
    return y


def np_rope(x, dims, traditional, base, scale, offset, freqs=None):
    """Rotary encoding in float64: offset an int or one per entry of x's first axis."""
    x = np.asarray(x, np.float64)
    L, half = x.shape[-2], dims // 2
    off = np.asarray(offset, np.float64)
    if off.size > 1:
        off = off.reshape((-1,) + (1,) * (x.ndim - 1))
    else:
        off = off.reshape(())
    pos = (np.arange(L, dtype=np.float64)[:, None] + off) * scale           # (..., L, 1)
    inv = 1.0 / np.asarray(freqs, np.float64) if freqs is not None else base ** (-np.arange(half) * 2.0 / dims)
    th = pos * inv
    c, s = np.cos(th), np.sin(th)
    out = x.copy()
    if traditional:
        x1, x2 = x[..., 0:dims:2], x[..., 1:dims:2]
        out[..., 0:dims:2] = x1 * c - x2 * s
        out[..., 1:dims:2] = x1 * s + x2 * c
    else:
        x1, x2 = x[..., :half], x[..., half:dims]
        out[..., :half] = x1 * c - x2 * s
        out[..., half:dims] = x1 * s + x2 * c
    return out


# ---- the reference binding on the same inputs -----------------------------------------------

_REF_SNIPPET = """
import sys, numpy as np, mlx.core as mx
d = np.load(sys.argv[1], allow_pickle=True)
out = {}
for key in sorted(k for k in d.files if k.startswith("call")):
    call = d[key].item()
    dt = getattr(mx, call.get("dtype", "float32"))
    args = {k: (mx.array(d[v]).astype(dt if k in ("x", "weight", "bias") else mx.array(d[v]).dtype)
                if isinstance(v, str) and v in d.files else v) for k, v in call["args"].items()}
    fn = getattr(mx.fast, call["fn"])
    if call["fn"] == "rope":
        x = args.pop("x")
        y = fn(x, **args)
    elif call["fn"] == "rms_norm":
        y = fn(args["x"], args["weight"], args["eps"])
    else:
        y = fn(args["x"], args["weight"], args["bias"], args["eps"])
    out[key] = np.array(y.astype(mx.float32))
np.savez(sys.argv[2], **out)
"""


def reference_results(calls):
    """Each call {'fn': name, 'args': {...NumPy arrays or plain values}} run by the reference
    binding; a list of NumPy results. Skips where the reference interpreter is absent."""
    if not os.path.exists(REFERENCE_PYTHON):
        pytest.skip("reference interpreter not available")
    d = tempfile.mkdtemp()
    payload = {}
    for i, call in enumerate(calls):
        args = {}
        for k, v in call["args"].items():
            if isinstance(v, np.ndarray):
                name = f"a{i}_{k}"
                payload[name] = v
                args[k] = name
            else:
                args[k] = v
        payload[f"call{i:04d}"] = np.array({"fn": call["fn"], "args": args, "dtype": call.get("dtype", "float32")},
                                           dtype=object)
    src, dst = os.path.join(d, "in.npz"), os.path.join(d, "out.npz")
    np.savez(src, **payload)
    run = subprocess.run([REFERENCE_PYTHON, "-c", _REF_SNIPPET, src, dst], capture_output=True, text=True,
                         timeout=300, cwd="/")
    if run.returncode != 0:
        pytest.skip(f"reference failed: {run.stderr[-300:]}")
    res = np.load(dst)
    return [res[f"call{i:04d}"] for i in range(len(calls))]


def _mx_call(call):
    dt = getattr(mx, call.get("dtype", "float32"))
    a = {k: ((mx.array(v).astype(dt) if k in ("x", "weight", "bias") else mx.array(v))
             if isinstance(v, np.ndarray) else v) for k, v in call["args"].items()}
    if call["fn"] == "rope":
        x = a.pop("x")
        return mx.fast.rope(x, **a)
    if call["fn"] == "rms_norm":
        return mx.fast.rms_norm(a["x"], a["weight"], a["eps"])
    return mx.fast.layer_norm(a["x"], a["weight"], a["bias"], a["eps"])


def _np_call(call):
    a = call["args"]
    if call["fn"] == "rope":
        return np_rope(a["x"], a["dims"], a["traditional"], a["base"], a["scale"], a["offset"], a.get("freqs"))
    if call["fn"] == "rms_norm":
        return np_rms_norm(a["x"], a["weight"], a["eps"])
    return np_layer_norm(a["x"], a["weight"], a["bias"], a["eps"])


def _check_against_oracle_and_reference(calls):
    """mlxcy's error against the float64 oracle is within the reference's own error on the same
    input (or 2 float32 ulps of the largest value, where the reference happens to be exact), and
    the two bindings agree to the same bound."""
    refs = reference_results(calls)
    for call, ref in zip(calls, refs):
        got = to_np(_mx_call(call))
        exp = _np_call(call)
        assert got.dtype == np.float32 and got.shape == exp.shape
        if exp.size == 0:
            continue
        finite = np.isfinite(exp)
        assert np.array_equal(np.isnan(got), np.isnan(exp)) and np.array_equal(np.isnan(ref), np.isnan(exp))
        ref_err = np.abs(ref[finite] - exp[finite]).max(initial=0.0)
        floor = 2 * EPS32 * np.abs(exp[finite]).max(initial=0.0)
        tol = max(ref_err, floor)
        err = np.abs(got[finite] - exp[finite]).max(initial=0.0)
        assert err <= tol, (call["fn"], {k: v for k, v in call["args"].items() if not isinstance(v, np.ndarray)},
                            err, ref_err)
        assert np.abs(got[finite] - ref[finite]).max(initial=0.0) <= 2 * tol
        np.testing.assert_array_equal(got[~finite & ~np.isnan(exp)], exp[~finite & ~np.isnan(exp)])


# ---- rms_norm and layer_norm: values -----------------------------------------------------------

NORM_SIZES = [1, 2, 7, 8, 9, 16, 31, 64, 100, 1000]


def test_norm_values_against_oracle_and_reference():
    calls = []
    for n in NORM_SIZES:
        for eps in (1e-5, 0.0, 0.5):
            x = _x(3, n) + np.float32(0.7)      # a non-zero mean, for layer_norm's centring
            w, b = _x(n), _x(n)
            calls.append({"fn": "rms_norm", "args": {"x": x, "weight": w, "eps": eps}})
            calls.append({"fn": "rms_norm", "args": {"x": x, "weight": None, "eps": eps}})
            calls.append({"fn": "layer_norm", "args": {"x": x, "weight": w, "bias": b, "eps": eps}})
            calls.append({"fn": "layer_norm", "args": {"x": x, "weight": None, "bias": b, "eps": eps}})
            calls.append({"fn": "layer_norm", "args": {"x": x, "weight": w, "bias": None, "eps": eps}})
            calls.append({"fn": "layer_norm", "args": {"x": x, "weight": None, "bias": None, "eps": eps}})
    # batch shapes, large and small magnitudes
    calls.append({"fn": "rms_norm", "args": {"x": _x(2, 3, 4, 24, scale=1e3), "weight": _x(24), "eps": 1e-6}})
    calls.append({"fn": "layer_norm", "args": {"x": _x(2, 3, 4, 24, scale=1e-3), "weight": _x(24),
                                               "bias": _x(24), "eps": 1e-6}})
    calls.append({"fn": "rms_norm", "args": {"x": _x(40), "weight": _x(40), "eps": 1e-5}})
    _check_against_oracle_and_reference(calls)


def test_norms_are_the_references_bit_for_bit():
    # libmlx 0.32.4's CPU graph sums each row in order in float32; so do the kernels, and every
    # rounding follows the graph's, so the results are identical (float16/bfloat16 too)
    calls = []
    for n in (1, 5, 8, 37, 64, 256, 1000):
        x = _x(19, n, scale=50.0) + np.float32(100)       # a large mean: cancellation in layer_norm
        w, b = _x(n), _x(n)
        for dt in ("float32", "float16", "bfloat16"):
            calls.append({"fn": "rms_norm", "dtype": dt, "args": {"x": x, "weight": w, "eps": 1e-5}})
            calls.append({"fn": "rms_norm", "dtype": dt, "args": {"x": x, "weight": None, "eps": 1e-5}})
            calls.append({"fn": "layer_norm", "dtype": dt, "args": {"x": x, "weight": w, "bias": b, "eps": 1e-5}})
            calls.append({"fn": "layer_norm", "dtype": dt, "args": {"x": x, "weight": None, "bias": b, "eps": 0.0}})
    for call, ref in zip(calls, reference_results(calls)):
        got = _mx_call(call)
        assert got.dtype == getattr(mx, call["dtype"])
        np.testing.assert_array_equal(to_np(got.astype(mx.float32)), ref, err_msg=str(call["fn"]) + call["dtype"])


@pytest.mark.parametrize("dt", ["float16", "bfloat16"])
def test_16bit_through_the_kernels(dt, kernels):
    d = getattr(mx, dt)
    x = mx.array(_x(2, 3, 16)).astype(d)
    w, b = mx.array(_x(16)).astype(d), mx.array(_x(16)).astype(d)
    names = {"MlxcyRMSNorm": lambda: mx.fast.rms_norm(x, w, 1e-5),
             "MlxcyLayerNorm": lambda: mx.fast.layer_norm(x, w, b, 1e-5),
             "MlxcyRoPE": lambda: mx.fast.rope(x, 16, traditional=False, base=10000.0, scale=1.0, offset=9)}
    tol = {"float16": 1e-3, "bfloat16": 8e-3}[dt]
    for name, fn in names.items():
        assert name in _graph_names(fn())
        on, off = kernels(fn)
        assert on.dtype == off.dtype == d
        # one 16-bit ulp at most (rope's cos/sin are libmlx's own approximations in the graph)
        _same(on.astype(mx.float32), off.astype(mx.float32), rtol=tol, atol=tol)
    xf = to_np(x.astype(mx.float32))
    check_at_dtype_tol(mx.fast.rms_norm(x, w, 1e-5), np_rms_norm(xf, to_np(w.astype(mx.float32)), 1e-5), d)
    # gradients through the composed graph, as with the kernels off
    g = lambda: mx.grad(lambda a: mx.fast.layer_norm(a, w, b, 1e-5).astype(mx.float32).sum())(x)
    on, off = kernels(g)
    _same(on.astype(mx.float32), off.astype(mx.float32), rtol=tol, atol=tol)


def test_16bit_rope_against_oracle_and_reference():
    calls = []
    for dt in ("float16", "bfloat16"):
        for trad in (False, True):
            x = _x(2, 3, 5, 16)
            calls.append({"fn": "rope", "dtype": dt, "args": {"x": x, "dims": 12, "traditional": trad,
                                                              "base": 10000.0, "scale": 1.0, "offset": 3}})
    refs = reference_results(calls)
    for call, ref in zip(calls, refs):
        got = to_np(_mx_call(call).astype(mx.float32))
        a = call["args"]
        xq = to_np(mx.array(a["x"]).astype(getattr(mx, call["dtype"])).astype(mx.float32))
        exp = np_rope(xq, a["dims"], a["traditional"], a["base"], a["scale"], a["offset"])
        ref_err = np.abs(ref - exp).max()
        assert np.abs(got - exp).max() <= ref_err
        np.testing.assert_array_equal(got[..., 12:], xq[..., 12:])


def test_norm_hand_values():
    # rows of (1, -1, 1, -1): mean square 1, mean 0, variance 1
    x = mx.array([[1.0, -1.0, 1.0, -1.0], [3.0, 3.0, 3.0, 3.0]])
    np.testing.assert_array_equal(to_np(mx.fast.rms_norm(x, None, 0.0)), [[1, -1, 1, -1], [1, 1, 1, 1]])
    # a constant row with eps = 0 is 0 * (1 / sqrt(0)): NaN, as in the reference's graph
    np.testing.assert_array_equal(to_np(mx.fast.layer_norm(x, None, None, 0.0)),
                                  [[1, -1, 1, -1], [np.nan] * 4])
    w, b = mx.array([2.0, 0.5, 1.0, -1.0]), mx.array([0.0, 1.0, 2.0, 3.0])
    np.testing.assert_array_equal(to_np(mx.fast.layer_norm(x[:1], w, b, 0.0)), [[2, 0.5, 3, 4]])
    np.testing.assert_array_equal(to_np(mx.fast.layer_norm(x[1:], w, b, 1.0)), [[0, 1, 2, 3]])
    # eps = 3: 1 / sqrt(1 + 3) = 0.5
    np.testing.assert_array_equal(to_np(mx.fast.rms_norm(x[:1], w, 3.0)), [[1, -0.25, 0.5, 0.5]])


SPECIAL_ROWS = [
    [1.0, float("nan"), 2.0],
    [float("inf"), 1.0, 2.0, 3.0],
    [float("-inf"), float("inf")],
    [0.0, 0.0, 0.0, 0.0],
    [3e38, 3e38],          # the mean square overflows to inf
    [1e-30, -1e-30, 1e-30],
]


@pytest.mark.parametrize("row", SPECIAL_ROWS, ids=str)
def test_norm_special_rows(row, kernels):
    x = mx.array(np.array([row, [1.0] * len(row)], np.float32))
    w = mx.array(np.linspace(0.5, 2.0, len(row)).astype(np.float32))
    for fn in (lambda: mx.fast.rms_norm(x, w, 1e-5), lambda: mx.fast.rms_norm(x, None, 0.0),
               lambda: mx.fast.layer_norm(x, w, w, 1e-5), lambda: mx.fast.layer_norm(x, None, None, 0.0)):
        on, off = kernels(fn)
        # NaN/inf exactly where libmlx's graph has them, equal values elsewhere
        a, b = to_np(on), to_np(off)
        np.testing.assert_array_equal(np.isnan(a), np.isnan(b))
        np.testing.assert_array_equal(np.isinf(a), np.isinf(b))
        _same(on, off)


def test_norm_empty(kernels):
    for shape in [(0, 4), (3, 0), (2, 0, 5)]:
        x = mx.zeros(shape)
        n = shape[-1]
        w = mx.ones((n,))
        for fn in (lambda: mx.fast.rms_norm(x, w, 1e-5), lambda: mx.fast.layer_norm(x, w, w, 1e-5),
                   lambda: mx.fast.rms_norm(x, None, 1e-5)):
            on, off = kernels(fn)
            assert on.shape == off.shape == shape and on.dtype == mx.float32


def test_norm_strided_and_broadcast_views(kernels):
    base = _x(6, 10)
    w_full = _x(20)
    x = mx.array(base)
    w = mx.array(w_full)[::2]                               # a strided weight
    views = [(mx.transpose(x)[:, :5], base.T[:, :5]),       # column-major rows
             (x[::2, 1::2], base[::2, 1::2]),
             (mx.broadcast_to(x[:1], (4, 10)), np.broadcast_to(base[:1], (4, 10))),
             (mx.broadcast_to(mx.array(base[0, :1]), (3, 10)), np.broadcast_to(base[0, :1], (3, 10)))]
    for v, nv in views:
        n = nv.shape[-1]
        wv, wn = w[:n], w_full[::2][:n]
        # libmlx's graph (kernels off) gives the same bits; NumPy within float32's loss on rows of
        # ten random values (layer_norm's E[x^2] - E[x]^2 cancels where |mean| >> std)
        for fn, oracle in ((lambda: mx.fast.rms_norm(v, wv, 1e-5), np_rms_norm(nv, wn, 1e-5)),
                           (lambda: mx.fast.layer_norm(v, wv, wv, 1e-5), np_layer_norm(nv, wn, wn, 1e-5))):
            on, off = kernels(fn)
            _same(on, off, rtol=0, atol=0)
            np.testing.assert_allclose(to_np(on), oracle, rtol=2e-4, atol=1e-5)
    # a broadcast weight (stride 0)
    wb = mx.broadcast_to(mx.array(np.float32(1.5)), (10,))
    check_at_dtype_tol(mx.fast.rms_norm(x, wb, 1e-5), np_rms_norm(base, np.full(10, 1.5), 1e-5), mx.float32)


def test_norm_mixed_dtypes_keep_libmlx():
    x = _x(3, 8)
    y = mx.fast.rms_norm(mx.array(x), mx.ones((8,), mx.float16), 1e-5)
    assert "MlxcyRMSNorm" not in _graph_names(y)
    # mixed dtypes promote as libmlx's graph does
    y = mx.fast.rms_norm(mx.array(x), mx.ones((8,), mx.float16), 1e-5)
    assert y.dtype == mx.float32
    check_at_dtype_tol(y, np_rms_norm(x, None, 1e-5), mx.float32)
    y = mx.fast.layer_norm(mx.array(x).astype(mx.float16), mx.ones((8,)), None, 1e-5)
    assert y.dtype == mx.float32


def test_norm_errors_as_the_reference():
    # the reference raises ValueError for each of these (observed with mlx 0.32.4)
    with pytest.raises(ValueError):
        mx.fast.rms_norm(mx.array([1, 2]), None, 1e-5)            # integer input
    with pytest.raises(ValueError):
        mx.fast.rms_norm(mx.array(1.0), None, 1e-5)               # 0-d
    with pytest.raises(ValueError):
        mx.fast.rms_norm(mx.ones((2, 4)), mx.ones((3,)), 1e-5)    # weight of the wrong size
    with pytest.raises(ValueError):
        mx.fast.rms_norm(mx.ones((2, 4)), mx.ones((2, 4)), 1e-5)  # weight not 1-D
    with pytest.raises(ValueError):
        mx.fast.layer_norm(mx.ones((2, 4)), None, mx.ones((5,)), 1e-5)
    with pytest.raises(TypeError):
        mx.fast.rms_norm([1.0, 2.0], None, 1e-5)


# ---- rope: values ------------------------------------------------------------------------------

def _rope_calls():
    calls = []
    for trad in (False, True):
        for shape, dims in [((1, 5, 16), 16), ((2, 3, 7, 8), 8), ((2, 4, 10), 6), ((1, 3, 9), 4),
                            ((2, 1, 1, 64), 32), ((3, 2, 12), 2)]:
            x = _x(*shape)
            for offset in (0, 3, 1000):
                calls.append({"fn": "rope", "args": {"x": x, "dims": dims, "traditional": trad, "base": 10000.0,
                                                     "scale": 1.0, "offset": offset}})
            calls.append({"fn": "rope", "args": {"x": x, "dims": dims, "traditional": trad, "base": 500.0,
                                                 "scale": 0.25, "offset": np.array(7, np.int32)}})
            calls.append({"fn": "rope", "args": {"x": x, "dims": dims, "traditional": trad, "base": 10000.0,
                                                 "scale": 2.0, "offset": np.array(12, np.int64)}})
            calls.append({"fn": "rope", "args": {"x": x, "dims": dims, "traditional": trad, "base": 10000.0,
                                                 "scale": 1.0, "offset": np.array([5], np.int32)}})
            calls.append({"fn": "rope", "args": {"x": x, "dims": dims, "traditional": trad, "base": None,
                                                 "scale": 1.0, "offset": 4,
                                                 "freqs": (RNG.random(dims // 2) * 20 + 1).astype(np.float32)}})
            if shape[0] > 1:   # one offset per entry of the first axis
                offs = np.array([2, 40, 9][:shape[0]], np.int32)
                calls.append({"fn": "rope", "args": {"x": x, "dims": dims, "traditional": trad,
                                                     "base": 10000.0, "scale": 1.0, "offset": offs}})
    return calls


def test_rope_values_against_oracle_and_reference():
    _check_against_oracle_and_reference(_rope_calls())


def test_rope_hand_values():
    # position 1, one pair, theta = 1 rad: (1, 0) -> (cos 1, sin 1); position 0 leaves x as is
    x = mx.array([[[1.0, 0.0], [1.0, 0.0]]])
    y = to_np(mx.fast.rope(x, 2, traditional=False, base=10000.0, scale=1.0, offset=0))
    np.testing.assert_allclose(y, [[[1, 0], [np.cos(1), np.sin(1)]]], rtol=1e-6, atol=1e-7)
    # scale 0.5 at position 2 is angle 1 too; freqs = 2 halves the angle
    y = to_np(mx.fast.rope(x, 2, traditional=True, base=None, scale=1.0, offset=1, freqs=mx.array([0.5])))
    np.testing.assert_allclose(y[0, 1], [np.cos(4.0), np.sin(4.0)], rtol=1e-6, atol=1e-6)


def test_rope_features_past_dims_unchanged():
    x = _x(2, 3, 11)
    for trad in (False, True):
        y = to_np(mx.fast.rope(mx.array(x), 6, traditional=trad, base=10000.0, scale=1.0, offset=5))
        np.testing.assert_array_equal(y[..., 6:], x[..., 6:])


def test_rope_strided_broadcast_and_empty(kernels):
    base = _x(2, 6, 8)
    x = mx.array(base)
    for v, nv in [(mx.swapaxes(x, 0, 1)[:, :, :], np.swapaxes(base, 0, 1)),
                  (x[:, ::2, :], base[:, ::2, :]),
                  (mx.broadcast_to(x[:1], (3, 6, 8)), np.broadcast_to(base[:1], (3, 6, 8)))]:
        for trad in (False, True):
            y = mx.fast.rope(v, 8, traditional=trad, base=10000.0, scale=1.0, offset=2)
            check_at_dtype_tol(y, np_rope(nv, 8, trad, 10000.0, 1.0, 2), mx.float32)
    for shape in [(0, 3, 8), (2, 0, 8), (2, 3, 0)]:
        dims = 2 if shape[-1] else 0
        if dims == 0:
            continue
        on, off = kernels(lambda: mx.fast.rope(mx.zeros(shape), dims, traditional=False, base=10000.0,
                                               scale=1.0, offset=1))
        assert on.shape == off.shape == shape


def test_rope_offset_array_computed_in_graph():
    # the offset produced by a computation still pending when the rope is scheduled
    x = _x(1, 4, 8)
    off = mx.array(3) * mx.array(4) + mx.array(1)
    y = mx.fast.rope(mx.array(x), 8, traditional=False, base=10000.0, scale=1.0, offset=off)
    check_at_dtype_tol(y, np_rope(x, 8, False, 10000.0, 1.0, 13), mx.float32)
    f = mx.array([2.0, 3.0]) * mx.array(2.0)
    y = mx.fast.rope(mx.array(x), 4, traditional=True, base=None, scale=1.0, offset=off, freqs=f)
    check_at_dtype_tol(y, np_rope(x, 4, True, None, 1.0, 13, np.array([4.0, 6.0])), mx.float32)


@pytest.mark.parametrize("trad", [False, True])
def test_rope_nan_inf(trad, kernels):
    x = _x(1, 3, 8)
    x[0, 0, 1] = np.nan
    x[0, 1, 2] = np.inf
    x[0, 2, 5] = -np.inf
    for offset in (0, 3):
        on, off = kernels(lambda: mx.fast.rope(mx.array(x), 8, traditional=trad, base=10000.0, scale=1.0,
                                               offset=offset))
        a, b = to_np(on), to_np(off)
        np.testing.assert_array_equal(np.isnan(a), np.isnan(b))
        np.testing.assert_array_equal(np.isinf(a), np.isinf(b))
        _same(on, off, rtol=1e-5, atol=1e-5)
        exp = np_rope(x, 8, trad, 10000.0, 1.0, offset)
        np.testing.assert_array_equal(np.isnan(a), np.isnan(exp))


def test_rope_errors_as_the_reference():
    x = mx.ones((1, 2, 8))
    kw = dict(traditional=False, base=10000.0, scale=1.0)
    with pytest.raises(ValueError):
        mx.fast.rope(x, 7, offset=0, **kw)                              # odd dims
    with pytest.raises(ValueError):
        mx.fast.rope(mx.ones((2, 8)), 8, offset=0, **kw)                # fewer than 3 dimensions
    with pytest.raises(ValueError):
        mx.fast.rope(x, 8, offset=mx.array(2.5), **kw)                  # float offset
    with pytest.raises(ValueError):
        mx.fast.rope(x, 8, offset=mx.array(True), **kw)                 # bool offset
    with pytest.raises(ValueError):
        mx.fast.rope(mx.ones((1, 2, 8), mx.int32), 8, offset=0, **kw)   # integer input
    with pytest.raises(ValueError):                                     # both base and freqs
        mx.fast.rope(x, 8, traditional=False, base=10000.0, scale=1.0, offset=0, freqs=mx.ones((4,)))
    with pytest.raises(ValueError):                                     # freqs of the wrong size
        mx.fast.rope(x, 8, traditional=False, base=None, scale=1.0, offset=0, freqs=mx.ones((3,)))


def test_rope_other_operand_dtypes_keep_libmlx():
    x = _x(1, 3, 8)
    y = mx.fast.rope(mx.array(x), 8, traditional=False, base=None, scale=1.0, offset=1,
                     freqs=mx.array([1.0, 2.0, 3.0, 4.0], mx.float16))
    assert "MlxcyRoPE" not in _graph_names(y)
    check_at_dtype_tol(y, np_rope(x, 8, False, None, 1.0, 1, np.array([1.0, 2.0, 3.0, 4.0])), mx.float32)
    y = mx.fast.rope(mx.array(x), 8, traditional=False, base=10000.0, scale=1.0, offset=mx.array(1, mx.uint32))
    assert "MlxcyRoPE" not in _graph_names(y)


# ---- the switch ------------------------------------------------------------------------------

def test_switch_selects_the_primitive(monkeypatch):
    x = mx.array(_x(2, 3, 8))
    calls = {"MlxcyRMSNorm": lambda: mx.fast.rms_norm(x, None, 1e-5),
             "MlxcyLayerNorm": lambda: mx.fast.layer_norm(x, None, None, 1e-5),
             "MlxcyRoPE": lambda: mx.fast.rope(x, 8, traditional=False, base=10000.0, scale=1.0, offset=2)}
    for name, fn in calls.items():
        monkeypatch.setenv("MLXCY_CPU_KERNELS", "0")
        off = fn()
        assert name not in _graph_names(off)
        monkeypatch.setenv("MLXCY_CPU_KERNELS", "1")
        on = fn()
        assert name in _graph_names(on)
        _same(on, off, rtol=1e-5, atol=1e-6)


# ---- transforms -------------------------------------------------------------------------------

def _norm_fns(n):
    w, b = mx.array(_x(n)), mx.array(_x(n))
    return {
        "rms": (lambda a: mx.fast.rms_norm(a, w, 1e-5), lambda a: np_rms_norm(a, to_np(w), 1e-5)),
        "rms_now": (lambda a: mx.fast.rms_norm(a, None, 1e-5), lambda a: np_rms_norm(a, None, 1e-5)),
        "ln": (lambda a: mx.fast.layer_norm(a, w, b, 1e-5), lambda a: np_layer_norm(a, to_np(w), to_np(b), 1e-5)),
        "ln_now": (lambda a: mx.fast.layer_norm(a, None, None, 1e-5), lambda a: np_layer_norm(a, None, None, 1e-5)),
        "rope": (lambda a: mx.fast.rope(a.reshape(1, 3, n), 8, traditional=False, base=100.0, scale=1.0,
                                        offset=3).reshape(3, n),
                 lambda a: np_rope(a.reshape(1, 3, n), 8, False, 100.0, 1.0, 3).reshape(3, n)),
        "rope_trad": (lambda a: mx.fast.rope(a.reshape(1, 3, n), 6, traditional=True, base=100.0, scale=0.5,
                                             offset=mx.array(2)).reshape(3, n),
                      lambda a: np_rope(a.reshape(1, 3, n), 6, True, 100.0, 0.5, 2).reshape(3, n)),
    }


@pytest.mark.parametrize("which", ["rms", "rms_now", "ln", "ln_now", "rope", "rope_trad"])
def test_grad_vjp_jvp(which, kernels):
    n = 10
    f, nf = _norm_fns(n)[which]
    x, ct = _x(3, n), _x(3, n)
    mct = mx.array(ct)
    g_on, g_off = kernels(lambda: mx.grad(lambda a: (f(a) * mct).sum())(mx.array(x)))
    _same(g_on, g_off, rtol=1e-5, atol=1e-5)
    np.testing.assert_allclose(to_np(g_on), num_grad(nf, x, ct), rtol=1e-3, atol=1e-3)
    _same(*kernels(lambda: mx.vjp(f, [mx.array(x)], [mct])[1]), rtol=1e-5, atol=1e-5)
    _same(*kernels(lambda: mx.jvp(f, [mx.array(x)], [mct])[1]), rtol=1e-5, atol=1e-5)
    _same(*kernels(lambda: mx.value_and_grad(lambda a: (f(a) * mct).sum())(mx.array(x))), rtol=1e-5, atol=1e-5)
    # second derivative through the primitive's vjp
    h = lambda a: (mx.grad(lambda b: (f(b) * mct).sum())(a) ** 2).sum()
    _same(*kernels(lambda: mx.grad(h)(mx.array(x))), rtol=1e-4, atol=1e-4)


def test_grad_wrt_weight_bias_and_freqs(kernels):
    x, ct = _x(4, 6), _x(4, 6)
    w, b = _x(6), _x(6)
    mct = mx.array(ct)
    loss = lambda a, ww, bb: (mx.fast.layer_norm(a, ww, bb, 1e-5) * mct).sum()
    on, off = kernels(lambda: mx.grad(loss, argnums=(0, 1, 2))(mx.array(x), mx.array(w), mx.array(b)))
    _same(on, off, rtol=1e-5, atol=1e-5)
    np.testing.assert_allclose(to_np(on[1]), num_grad(lambda ww: np_layer_norm(x, ww, b, 1e-5), w, ct),
                               rtol=1e-3, atol=1e-3)
    np.testing.assert_allclose(to_np(on[2]), ct.sum(0), rtol=1e-5, atol=1e-5)
    loss = lambda a, ww: (mx.fast.rms_norm(a, ww, 1e-5) * mct).sum()
    on, off = kernels(lambda: mx.grad(loss, argnums=1)(mx.array(x), mx.array(w)))
    _same(on, off, rtol=1e-5, atol=1e-5)
    np.testing.assert_allclose(to_np(on), num_grad(lambda ww: np_rms_norm(x, ww, 1e-5), w, ct),
                               rtol=1e-3, atol=1e-3)
    xr, fr = _x(1, 3, 6), (RNG.random(3) * 5 + 1).astype(np.float32)
    ctr = _x(1, 3, 6)
    loss = lambda f: (mx.fast.rope(mx.array(xr), 6, traditional=False, base=None, scale=1.0, offset=1, freqs=f)
                      * mx.array(ctr)).sum()
    on, off = kernels(lambda: mx.grad(loss)(mx.array(fr)))
    _same(on, off, rtol=1e-4, atol=1e-4)
    np.testing.assert_allclose(to_np(on), num_grad(lambda f: np_rope(xr, 6, False, None, 1.0, 1, f), fr, ctr),
                               rtol=1e-3, atol=1e-3)


@pytest.mark.parametrize("which", ["rms", "ln", "ln_now"])
def test_vmap(which, kernels):
    n = 10
    f, nf = _norm_fns(n)[which]
    x = _x(4, 3, n)
    for in_axes in (0, 1):
        on, off = kernels(lambda: mx.vmap(f, in_axes=in_axes)(mx.array(x)))
        _same(on, off, rtol=1e-5, atol=1e-5)
        moved = np.moveaxis(x, in_axes, 0)
        check_at_dtype_tol(on, np.stack([nf(m) for m in moved]), mx.float32)


@pytest.mark.parametrize("trad", [False, True])
def test_vmap_rope(trad, kernels):
    f = lambda a: mx.fast.rope(a, 6, traditional=trad, base=100.0, scale=0.5, offset=3)
    x = _x(4, 2, 3, 10)
    for in_axes in (0, 1, 2):
        on, off = kernels(lambda: mx.vmap(f, in_axes=in_axes)(mx.array(x)))
        _same(on, off, rtol=1e-5, atol=1e-5)
        moved = np.moveaxis(x, in_axes, 0)
        check_at_dtype_tol(on, np.stack([np_rope(m, 6, trad, 100.0, 0.5, 3) for m in moved]), mx.float32)


def test_vmap_over_weight_and_offsets():
    x, w = _x(5, 8), _x(3, 8)
    y = mx.vmap(lambda ww: mx.fast.rms_norm(mx.array(x), ww, 1e-5))(mx.array(w))
    check_at_dtype_tol(y, np.stack([np_rms_norm(x, ww, 1e-5) for ww in w]), mx.float32)
    xr = _x(1, 2, 8)
    offs = mx.array([0, 4, 9])
    y = mx.vmap(lambda o: mx.fast.rope(mx.array(xr), 8, traditional=False, base=10000.0, scale=1.0, offset=o))(offs)
    check_at_dtype_tol(y, np.stack([np_rope(xr, 8, False, 10000.0, 1.0, o) for o in (0, 4, 9)]), mx.float32)


@pytest.mark.parametrize("which", ["rms", "ln", "rope", "rope_trad"])
def test_compile(which, kernels):
    n = 10
    f, nf = _norm_fns(n)[which]
    x = _x(3, n)
    g = lambda a: f(a * 2.0) + f(a * 2.0)      # equal nodes merged by compile
    on, off = kernels(lambda: mx.compile(g)(mx.array(x)))
    _same(on, off, rtol=1e-5, atol=1e-5)
    check_at_dtype_tol(on, 2 * nf(2.0 * x), mx.float32)
    gr = mx.compile(mx.grad(lambda a: f(a).sum()))
    _same(*kernels(lambda: gr(mx.array(x))), rtol=1e-5, atol=1e-5)


def test_compile_shapeless_norms():
    c = mx.compile(lambda a: mx.fast.rms_norm(a, None, 1e-5) + mx.fast.layer_norm(a, None, None, 1e-5),
                   shapeless=True)
    for shape in [(2, 3), (4, 17), (2, 2, 8)]:
        y = _x(*shape)
        check_at_dtype_tol(c(mx.array(y)), np_rms_norm(y, None, 1e-5) + np_layer_norm(y, None, None, 1e-5),
                           mx.float32)


def test_compile_rope_offsets():
    c = mx.compile(lambda a, o: mx.fast.rope(a, 8, traditional=False, base=10000.0, scale=1.0, offset=o))
    x = _x(1, 2, 8)
    for o in (0, 5, 17):
        check_at_dtype_tol(c(mx.array(x), mx.array(o)), np_rope(x, 8, False, 10000.0, 1.0, o), mx.float32)


# ---- export -------------------------------------------------------------------------------------

def test_export_writes_libmlx_graph():
    x = _x(2, 3, 8)
    w, b = _x(8), _x(8)
    fn = lambda a: (mx.fast.rms_norm(a, mx.array(w), 1e-5) + mx.fast.layer_norm(a, None, mx.array(b), 1e-5)
                    + mx.fast.rope(a, 8, traditional=True, base=10000.0, scale=1.0, offset=3))
    expected = (np_rms_norm(x, w, 1e-5) + np_layer_norm(x, None, b, 1e-5) + np_rope(x, 8, True, 10000.0, 1.0, 3))
    d = tempfile.mkdtemp()
    path = os.path.join(d, "f.mlxfn")
    mx.export_function(path, fn, mx.array(x))
    with open(path, "rb") as fh:
        assert b"Mlxcy" not in fh.read()
    check_at_dtype_tol(mx.import_function(path)(mx.array(x))[0], expected, mx.float32)
    path2 = os.path.join(d, "g.mlxfn")
    with mx.exporter(path2, fn) as ex:
        ex(mx.array(x))
    with open(path2, "rb") as fh:
        assert b"Mlxcy" not in fh.read()
    # the kernels are back after the export
    assert "MlxcyRMSNorm" in _graph_names(mx.fast.rms_norm(mx.array(x), None, 1e-5))
    # and the reference runs what mlxcy wrote
    if os.path.exists(REFERENCE_PYTHON):
        np.save(os.path.join(d, "x.npy"), x)
        snippet = ("import sys, numpy as np, mlx.core as mx\n"
                   "f = mx.import_function(sys.argv[1])\n"
                   "np.save(sys.argv[3], np.array(f(mx.array(np.load(sys.argv[2])))[0]))\n")
        out = os.path.join(d, "y.npy")
        run = subprocess.run([REFERENCE_PYTHON, "-c", snippet, path, os.path.join(d, "x.npy"), out],
                             capture_output=True, text=True, timeout=300, cwd="/")
        assert run.returncode == 0, run.stderr[-500:]
        np.testing.assert_allclose(np.load(out), expected, rtol=1e-5, atol=1e-5)


def test_export_of_a_compiled_function_already_run():
    # its compiled graph (holding the primitives) was cached before the export traced it
    f = mx.compile(lambda a: mx.fast.rms_norm(a, None, 1e-5) * 2.0)
    x = _x(2, 8)
    check_at_dtype_tol(f(mx.array(x)), 2 * np_rms_norm(x, None, 1e-5), mx.float32)
    path = os.path.join(tempfile.mkdtemp(), "c.mlxfn")
    mx.export_function(path, f, mx.array(x))
    with open(path, "rb") as fh:
        assert b"Mlxcy" not in fh.read()
    check_at_dtype_tol(mx.import_function(path)(mx.array(x))[0], 2 * np_rms_norm(x, None, 1e-5), mx.float32)


# ---- the layers using them ---------------------------------------------------------------------

def test_nn_layers_through_the_kernels(kernels):
    import mlxcy.nn as nn
    x = mx.array(_x(2, 5, 16))
    for layer in (nn.RMSNorm(16), nn.LayerNorm(16), nn.RoPE(16), nn.RoPE(8, traditional=True)):
        _same(*kernels(lambda: layer(x)), rtol=1e-5, atol=1e-5)
