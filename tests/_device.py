"""Test helpers that follow the default device (MLXCY_TEST_DEVICE=gpu makes it the GPU, see
conftest.py): tolerances for TF32 products, marks for the CUDA backend's own limits."""
import contextlib
import math

import pytest

import mlxcy as mx


def on_gpu():
    """Whether ops without an explicit stream run on the GPU."""
    return mx.default_device() == mx.gpu


# On CUDA, libmlx runs float32 matmuls and convolutions with TF32 inputs (10 explicit mantissa
# bits): each product is off by up to about 2**-10 ~ 1e-3 relative, and the sum is taken in
# another order than on the CPU.
TF32_EPS = 2.0 ** -10


def matmul_tol(rtol, atol, k=64):
    """(rtol, atol) for a float32 result built from products (matmul, conv, attention, a layer
    holding them): the CPU tolerance given, unchanged on the CPU. On the GPU at least 4 TF32
    steps relative, and 2 TF32 steps times sqrt(k) absolute, k being the number of O(1) products
    summed into one element (independent rounding errors grow like a random walk)."""
    if not on_gpu():
        return rtol, atol
    return max(rtol, 4 * TF32_EPS), max(atol, 2 * TF32_EPS * math.sqrt(k))


def cpu_only(*values):
    """A parametrize case that needs the CPU device (float64, CPU-stream-only linalg)."""
    return pytest.param(*values, marks=pytest.mark.cpu_only)


def f64_cpu_only(dtypes):
    """`dtypes` for parametrize, the float64 case marked cpu_only (CUDA has no float64)."""
    return [cpu_only(d) if d == mx.float64 else d for d in dtypes]


def libmlx_cuda(what):
    """Skip when ops run on the GPU, for a case libmlx's CUDA backend itself does not support
    (the reference binding calls the same libmlx and sees the same): `what` names it."""
    return pytest.mark.skipif(on_gpu(), reason=f"libmlx CUDA: {what}")


@contextlib.contextmanager
def cuda_jit_or_skip():
    """Run a block whose CUDA kernels libmlx compiles at run time (NVRTC); skip the test, with
    the compiler's message, where this machine's CUDA toolkit lacks headers NVRTC needs."""
    try:
        yield
    except RuntimeError as e:
        if on_gpu() and "Failed to compile kernel" in str(e) and "cannot open source file" in str(e):
            pytest.skip("CUDA toolkit on this machine lacks headers for libmlx's JIT: "
                        + str(e).splitlines()[0][:200])
        raise
