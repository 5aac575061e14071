"""Oracles and inputs that several test files share: NumPy conversions and comparisons, dtype
tables, seeded random inputs, numerical oracles (scans, finite differences) and the runner that
prints one snippet under both bindings.

Test files import shared helpers from here, never from one another (tests/test_suite_layout.py
checks). What follows the default device (on_gpu, the TF32 tolerances of matmul_tol, the
cpu_only / f64_cpu_only / libmlx_cuda marks) lives in _device.py instead; the helpers here that
compare products use it. conftest.py has pytest rewrite the asserts in this module, so a failing
comparison reports its values as it would inside a test file.
"""
import os
import subprocess
import sys

import numpy as np
import pytest

import mlxcy as mx
from _device import f64_cpu_only, matmul_tol

# ---- dtype tables ---------------------------------------------------------------------------

INTS = [mx.uint8, mx.uint16, mx.uint32, mx.uint64, mx.int8, mx.int16, mx.int32, mx.int64]
FLOATS = [mx.float16, mx.bfloat16, mx.float32, mx.float64]

# mlxcy dtype -> NumPy dtype used as the oracle (bfloat16 has none: compared through float32).
NP_DTYPES = {
    mx.bool_: np.bool_, mx.uint8: np.uint8, mx.uint16: np.uint16, mx.uint32: np.uint32,
    mx.uint64: np.uint64, mx.int8: np.int8, mx.int16: np.int16, mx.int32: np.int32,
    mx.int64: np.int64, mx.float16: np.float16, mx.float32: np.float32, mx.float64: np.float64,
    mx.bfloat16: np.float32, mx.complex64: np.complex64,
}
# Every dtype, for parametrize; float64 exists on the CPU only (MLX's own rule).
ALL_DTYPES = f64_cpu_only(NP_DTYPES)


# ---- conversion and comparison --------------------------------------------------------------

def to_np(a):
    """An mlxcy array as a NumPy array (half-precision floats widened to float32, which holds
    their values exactly; NumPy has no bfloat16)."""
    assert isinstance(a, mx.array)
    if a.dtype in (mx.float16, mx.bfloat16):
        return np.array(a.astype(mx.float32))
    return np.array(a)


def check_equal(a, expected, dtype=None, **tol):
    """`a` has the shape and values of `expected` (exactly, or within the `np.testing.
    assert_allclose` tolerances given, compared in `a`'s dtype), and `dtype` when given."""
    expected = np.asarray(expected)
    if dtype is not None:
        assert a.dtype == dtype, (a.dtype, dtype)
    assert a.shape == expected.shape, (a.shape, expected.shape)
    got = to_np(a)
    if tol:
        np.testing.assert_allclose(got, expected.astype(got.dtype), **tol)
    else:
        np.testing.assert_array_equal(got, expected)


# (rtol, atol) of an element-wise result per result dtype; results of other dtypes are exact.
# (MLX evaluates several float64 transcendental functions at about float32 accuracy on the CPU.)
DTYPE_TOLS = {mx.float16: (4e-3, 4e-3), mx.bfloat16: (2e-2, 2e-2), mx.float32: (2e-5, 1e-6),
              mx.float64: (1e-6, 1e-7), mx.complex64: (1e-4, 1e-5)}


def check_at_dtype_tol(out, expected, dtype):
    """`out` is of `dtype` and has `expected`'s shape and values, within DTYPE_TOLS[dtype]
    (NaN where `expected` has NaN), exactly for the dtypes without an entry."""
    assert out.dtype == dtype
    rtol, atol = DTYPE_TOLS.get(dtype, (0, 0))
    got = to_np(out)
    assert got.shape == np.shape(expected)
    if rtol:
        np.testing.assert_allclose(got, expected, rtol=rtol, atol=atol, equal_nan=True)
    else:
        np.testing.assert_array_equal(got, expected)


# dtype, absolute/relative tolerance of a small product (matmul, convolution, quantized matmul)
# against a float64 oracle
PRODUCT_TOLS = [(mx.float32, 1e-5), (mx.float16, 2e-2), (mx.bfloat16, 1e-1)]
PRODUCT_TOL_IDS = ["float32", "float16", "bfloat16"]


def check_close(got, expected, tol, dtype=None, k=None):
    """`got` has `expected`'s shape and values within `tol`, compared in float64 (and `dtype`
    when given). `k`: the result sums k products (a matmul or convolution), which TF32 rounds
    on the GPU."""
    if dtype is not None:
        assert got.dtype == dtype
    assert got.shape == expected.shape
    rtol, atol = (tol, tol) if k is None else matmul_tol(tol, tol, k)
    np.testing.assert_allclose(to_np(got).astype(np.float64), expected, rtol=rtol, atol=atol)


# ---- inputs ---------------------------------------------------------------------------------

# The stream `rand` draws from. One generator for all its users (test_ops_products also draws
# from it directly), so the values a test gets depend on the tests that ran before it.
RNG = np.random.default_rng(1234)


def rand(shape, dtype=mx.float32):
    """A random mlxcy array of `dtype` and the float64 NumPy array of its (rounded) values."""
    x = mx.array(RNG.standard_normal(shape).astype(np.float32)).astype(dtype)
    return x, to_np(x).astype(np.float64)


def make(x, dtype=None):
    """An mlxcy array holding the NumPy values `x` in `dtype` (any dtype, small values)."""
    x = np.asarray(x)
    if dtype is None:
        return mx.array(x)
    if dtype == mx.complex64:
        return mx.array(x.astype(np.complex64))
    return mx.array(x.astype(np.float32)).astype(dtype)


# ---- numerical oracles ----------------------------------------------------------------------

def np_scan(fn, v, axis, reverse, inclusive, identity):
    """An inclusive/exclusive, forward/reverse scan built from a NumPy cumulative function."""
    if axis is None:
        v, axis = v.reshape(-1), 0
    if reverse:
        v = np.flip(v, axis)
    out = fn(v, axis=axis)
    if not inclusive:
        pad = np.full_like(np.take(out, [0], axis=axis), identity)
        out = np.concatenate([pad, np.delete(out, -1, axis=axis)], axis=axis)
    return np.flip(out, axis) if reverse else out


def num_grad(f, x, ct, h=1e-4):
    """Central-difference gradient of sum(f(x) * ct) in float64 (`f` may return a NumPy array
    or a Python float)."""
    x = x.astype(np.float64)
    g = np.zeros_like(x)
    it = np.nditer(x, flags=["multi_index"])
    for _ in it:
        i = it.multi_index
        xp, xm = x.copy(), x.copy()
        xp[i] += h
        xm[i] -= h
        g[i] = np.sum((f(xp) - f(xm)) * ct) / (2 * h)
    return g


# ---- the reference binding as the oracle ----------------------------------------------------

# as tests/test_differential.py finds it: $MLXCY_REFERENCE_PYTHON, else .refvenv in the checkout
REFERENCE_PYTHON = os.environ.get(
    "MLXCY_REFERENCE_PYTHON",
    os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), ".refvenv", "bin", "python"))


def printed_by_both(snippet):
    """(mlxcy's, the reference's) stdout of `snippet`, run with `mx`, `nn` and `L` (the losses)
    bound to each binding, each in a fresh process; mlxcy under the reference's BLAS (netlib), so
    sums run in the same order. Skips where the reference interpreter is absent.

    For what only the reference can decide: the sign a NaN result prints with ("nan" or "-nan")
    follows the exact order of the float operations and BLAS calls.
    """
    if not os.path.exists(REFERENCE_PYTHON):
        pytest.skip("reference interpreter not available")
    headers = {REFERENCE_PYTHON: "import mlx.core as mx, mlx.nn as nn, mlx.nn.losses as L\n",
               sys.executable: "import mlxcy as mx, mlxcy.nn as nn, mlxcy.nn.losses as L\n"}
    env = dict(os.environ, MLXCY_BLAS="reference")
    out = {}
    for python, header in headers.items():
        run = subprocess.run([python, "-c", header + snippet], capture_output=True, text=True,
                             timeout=300, cwd="/", env=env)
        if run.returncode != 0:
            if python == REFERENCE_PYTHON:
                pytest.skip(f"reference failed: {run.stderr[-300:]}")
            raise AssertionError(run.stderr)
        out[python] = run.stdout
    return out[sys.executable], out[REFERENCE_PYTHON]


def with_cpu_kernels_on_and_off(monkeypatch, fn):
    """(fn() with mlxcy's CPU kernels on, fn() with them off), each evaluated; MLXCY_CPU_KERNELS is
    set back as it was."""
    original = os.environ.get("MLXCY_CPU_KERNELS")
    results = []
    for switch in ("1", "0"):
        monkeypatch.setenv("MLXCY_CPU_KERNELS", switch)
        out = fn()
        mx.eval(out)
        results.append(out)
    if original is None:
        monkeypatch.delenv("MLXCY_CPU_KERNELS")
    else:
        monkeypatch.setenv("MLXCY_CPU_KERNELS", original)
    return tuple(results)


def check_same_arrays(got, expected, rtol, atol):
    """Arrays (or lists/tuples of them, element-wise) of one dtype and shape, values within tolerance."""
    if isinstance(got, (list, tuple)):
        assert len(got) == len(expected)
        for a, b in zip(got, expected):
            check_same_arrays(a, b, rtol, atol)
        return
    assert got.dtype == expected.dtype and got.shape == expected.shape
    np.testing.assert_allclose(to_np(got), to_np(expected), rtol=rtol, atol=atol, equal_nan=True)
