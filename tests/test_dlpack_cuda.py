"""DLPack exchange with PyTorch and CuPy on MLX's CUDA backend: GPU machines only.

MLX's CUDA arrays live in CUDA unified memory once the host or another framework looks at
them, so exports are zero-copy both to GPU frameworks (as kDLCUDA) and to the host; imports
share unified memory and copy device-only memory (MLX may move a buffer it reads on the host,
which it must never do to memory another framework owns).
"""
import numpy as np
import pytest

import mlxcy as mx

pytestmark = [
    pytest.mark.gpu,
    pytest.mark.skipif(not mx.cuda.is_available(), reason="needs libmlx's CUDA backend and an NVIDIA GPU"),
]

EXPECTED = np.arange(12, dtype=np.float32).reshape(3, 4) * 2


@pytest.fixture
def torch():
    t = pytest.importorskip("torch")
    if not t.cuda.is_available():
        pytest.skip("PyTorch has no CUDA device")
    return t


@pytest.fixture
def cupy():
    # (exc_type: in some xdist workers on the H200 `import cupy` raised a bare ImportError that a
    # rerun did not; docs/cuda.md)
    return pytest.importorskip("cupy", exc_type=ImportError)


def gpu_array():
    a = mx.multiply(mx.arange(12, dtype=mx.float32).reshape(3, 4), 2, stream=mx.gpu)
    mx.eval(a)
    return a


def test_gpu_arrays_report_the_cuda_device():
    assert gpu_array().__dlpack_device__() == (2, 0)


def test_to_torch_is_a_cuda_tensor_sharing_memory(torch):
    a = gpu_array()
    t = torch.from_dlpack(a)
    assert t.is_cuda and t.dtype == torch.float32 and tuple(t.shape) == (3, 4)
    np.testing.assert_array_equal(t.cpu().numpy(), EXPECTED)
    t[0, 0] = 100.0
    torch.cuda.synchronize()
    assert a[0, 0].item() == 100.0         # the same memory, seen from MLX


def test_torch_round_trip_keeps_the_device_pointer(torch):
    a = gpu_array()
    t = torch.from_dlpack(a)
    b = mx.from_dlpack(t, copy=False)
    assert torch.from_dlpack(b).data_ptr() == t.data_ptr()
    assert mx.array_equal(b, a).item()
    # MLX computes on the shared memory on the GPU, and the host view agrees.
    np.testing.assert_array_equal(np.asarray(mx.add(b, 1, stream=mx.gpu)), EXPECTED + 1)
    del a, t
    np.testing.assert_array_equal(np.asarray(b), EXPECTED)   # b alone keeps the memory alive


def test_cupy_round_trip_keeps_the_device_pointer(cupy):
    a = gpu_array()
    c = cupy.from_dlpack(a)
    np.testing.assert_array_equal(cupy.asnumpy(c), EXPECTED)
    b = mx.from_dlpack(c, copy=False)
    assert cupy.from_dlpack(b).data.ptr == c.data.ptr
    c *= 3
    cupy.cuda.Device().synchronize()
    np.testing.assert_array_equal(np.asarray(b), EXPECTED * 3)


def test_host_views_and_gpu_views_share_one_pointer(torch):
    a = gpu_array()
    t = torch.from_dlpack(a)
    host = np.asarray(a)                    # host-visible export, as the reference gives
    assert host.__array_interface__["data"][0] == t.data_ptr()
    np.testing.assert_array_equal(host, EXPECTED)
    np.testing.assert_array_equal(np.from_dlpack(a, device="cpu"), EXPECTED)
    shared = np.from_dlpack(a)              # NumPy passes no stream: a managed-memory capsule
    assert shared.__array_interface__["data"][0] == t.data_ptr()
    np.testing.assert_array_equal(np.asarray(memoryview(a)), EXPECTED)
    # Reading on the host did not move the memory under the GPU view.
    assert torch.from_dlpack(a).data_ptr() == t.data_ptr()
    assert float(t.sum()) == EXPECTED.sum()


@pytest.mark.parametrize("name", ["float32", "float16", "bfloat16", "int64", "int8", "uint8", "bool"])
def test_torch_device_memory_is_copied_on_import(torch, name):
    t = (torch.arange(24, device="cuda") % 5).to(getattr(torch, name)).reshape(2, 3, 4)
    b = mx.from_dlpack(t)
    want = t.cpu().float().numpy() if name == "bfloat16" else t.cpu().numpy()
    got = np.asarray(b.astype(mx.float32)) if name == "bfloat16" else np.asarray(b)
    np.testing.assert_array_equal(got, want)
    t.zero_()
    torch.cuda.synchronize()
    assert (np.asarray(b.astype(mx.float32)) == want).all()   # an independent copy
    with pytest.raises(ValueError, match="CUDA device memory"):
        mx.from_dlpack(t, copy=False)


def test_array_constructor_and_strided_cuda_tensors(torch):
    t = torch.arange(12.0, device="cuda").reshape(3, 4)
    np.testing.assert_array_equal(np.asarray(mx.array(t)), t.cpu().numpy())
    tt = t.T                                  # non-contiguous view
    np.testing.assert_array_equal(np.asarray(mx.from_dlpack(tt)), tt.cpu().numpy())
    sl = t[:, 1::2]
    np.testing.assert_array_equal(np.asarray(mx.asarray(sl)), sl.cpu().numpy())
    with pytest.raises(ValueError, match="row-contiguous"):
        mx.from_dlpack(tt, copy=False)


def test_cupy_managed_memory_is_shared(cupy):
    pool = cupy.cuda.MemoryPool(cupy.cuda.malloc_managed)
    with cupy.cuda.using_allocator(pool.malloc):
        c = cupy.arange(8, dtype=cupy.float32)
    b = mx.from_dlpack(c, copy=False)
    c[0] = 42
    cupy.cuda.Device().synchronize()
    assert np.asarray(b)[0] == 42
    np.testing.assert_array_equal(np.asarray(mx.multiply(b, 2, stream=mx.gpu)),
                                  np.array([84, 2, 4, 6, 8, 10, 12, 14], np.float32))


def test_export_device_requests():
    a = gpu_array()
    for ok in [(1, 0), (2, 0), (13, 0)]:
        assert a.__dlpack__(dl_device=ok) is not None
    for bad in [(2, 7), (4, 0), (3, 0)]:
        with pytest.raises(BufferError):
            a.__dlpack__(dl_device=bad)


def test_host_buffers_are_copied_and_copy_false_refuses():
    x = np.arange(6, dtype=np.float32)
    a = mx.asarray(x)
    x[0] = 99
    assert np.asarray(a)[0] == 0              # the CUDA backend copied the host buffer
    with pytest.raises(ValueError, match="CUDA backend"):
        mx.asarray(x, copy=False)
    with pytest.raises(ValueError, match="CUDA backend"):
        mx.from_dlpack(x, copy=False)


def test_empty_arrays_cross_both_ways(torch):
    e = mx.zeros((0, 3), stream=mx.gpu)
    t = torch.from_dlpack(e)
    assert tuple(t.shape) == (0, 3) and t.is_cuda
    back = mx.from_dlpack(torch.empty((2, 0), device="cuda"))
    assert back.shape == (2, 0)


def _run_isolated(code):
    """Run `code` in a fresh interpreter (from /, so the installed mlxcy is imported)."""
    import subprocess
    import sys
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd="/", timeout=300)


def test_export_needs_no_other_framework_loaded():
    # libmlx links its CUDA runtime statically: the exchange must work with no libcudart in
    # the process (it once looked for PyTorch's and failed without it).
    r = _run_isolated(
        "import sys, mlxcy as mx\n"
        "a = mx.multiply(mx.arange(6, dtype=mx.float32), 2, stream=mx.gpu); mx.eval(a)\n"
        "cap = a.__dlpack__()\n"
        "assert 'torch' not in sys.modules and 'cupy' not in sys.modules\n"
        "print('exported')\n")
    assert r.returncode == 0 and "exported" in r.stdout, r.stderr[-2000:]


def test_torch_keeps_working_after_an_import_and_host_read(torch):
    # Regression: after mx.from_dlpack of a CUDA tensor and a host read of the result,
    # PyTorch's next kernel launch failed with cudaErrorInvalidResourceHandle (and the process
    # crashed). Isolated, as the failure poisons the process's CUDA state.
    r = _run_isolated(
        "import numpy as np, mlxcy as mx, torch\n"
        "mx.set_default_device(mx.gpu)\n"
        "t = (torch.arange(24, device='cuda') % 5).to(torch.float32)\n"
        "b = mx.from_dlpack(t); host = np.asarray(b)\n"
        "t.zero_(); torch.cuda.synchronize()\n"
        "assert host.sum() == 46 and t.sum().item() == 0\n"
        "print('torch ok')\n")
    assert r.returncode == 0 and "torch ok" in r.stdout, r.stderr[-2000:]
