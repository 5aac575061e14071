"""DLPack both ways: NumPy (and PyTorch when installed), versioned and legacy capsules,
zero-copy where the protocol allows, lifetimes, copy= rules, bad input."""
import gc
import weakref

import numpy as np
import pytest

import mlxcy as mx


def addr(x):
    return np.asarray(x).__array_interface__["data"][0]


NP_DTYPES = [np.bool_, np.uint8, np.int8, np.uint16, np.int16, np.uint32, np.int32, np.uint64,
             np.int64, np.float16, np.float32, np.float64, np.complex64]


@pytest.mark.parametrize("npdt", NP_DTYPES)
def test_numpy_to_mlx(npdt):
    x = (np.arange(12) % 3).astype(npdt).reshape(3, 4)
    a = mx.from_dlpack(x)
    assert a.shape == (3, 4)
    np.testing.assert_array_equal(np.array(a), x)


@pytest.mark.host_zero_copy
@pytest.mark.parametrize("npdt", [d for d in NP_DTYPES if d != np.float64])
def test_numpy_to_mlx_zero_copy(npdt):
    x = (np.arange(12) % 3).astype(npdt).reshape(3, 4)
    assert addr(mx.from_dlpack(x)) == addr(x)


@pytest.mark.parametrize("npdt", NP_DTYPES)
def test_mlx_to_numpy_zero_copy(npdt):
    a = mx.array((np.arange(6) % 3).astype(npdt), dtype=None if npdt != np.float64 else mx.float64)
    y = np.from_dlpack(a)
    assert y.dtype == npdt
    assert y.__array_interface__["data"][0] == addr(a)
    np.testing.assert_array_equal(y, (np.arange(6) % 3).astype(npdt))


def test_capsule_kinds():
    a = mx.array([1.0, 2.0])
    assert "dltensor_versioned" in repr(a.__dlpack__(max_version=(1, 0)))
    assert '"dltensor"' in repr(a.__dlpack__())
    assert '"dltensor"' in repr(a.__dlpack__(max_version=(0, 8)))
    # Host memory, or CUDA memory on libmlx's CUDA backend (see test_dlpack_cuda.py).
    assert a.__dlpack_device__() == ((2, 0) if mx.cuda.is_available() else (1, 0))
    # An unconsumed capsule frees its tensor without leaking or crashing.
    for _ in range(100):
        a.__dlpack__(max_version=(1, 0))
        a.__dlpack__()


def test_export_keeps_data_alive():
    a = mx.array(np.arange(1000, dtype=np.float32))
    y = np.from_dlpack(a)
    del a
    gc.collect()
    np.testing.assert_array_equal(y, np.arange(1000, dtype=np.float32))


@pytest.mark.host_zero_copy
def test_import_keeps_source_alive():
    x = np.arange(100, dtype=np.int32)
    r = weakref.ref(x)
    a = mx.from_dlpack(x)
    del x
    gc.collect()
    assert r() is not None
    assert np.array(a).sum() == 4950
    del a
    gc.collect()
    assert r() is None


def test_export_copy_rules():
    a = mx.array(np.arange(4, dtype=np.float32))
    c = np.from_dlpack(a, copy=True)
    assert c.__array_interface__["data"][0] != addr(a)
    np.testing.assert_array_equal(c, np.arange(4))
    with pytest.raises(BufferError, match="device"):
        a.__dlpack__(dl_device=(4, 0))      # OpenCL: no build of MLX can hand memory there
    if not mx.cuda.is_available():
        with pytest.raises(BufferError, match="host memory"):
            a.__dlpack__(dl_device=(2, 0))


def test_import_copy_rules():
    x = np.arange(10, dtype=np.float32)
    a = mx.from_dlpack(x, copy=True)
    assert addr(a) != addr(x)
    s = x[::2]
    b = mx.from_dlpack(s)        # strided: copied
    np.testing.assert_array_equal(np.array(b), s)
    with pytest.raises(ValueError, match="row-contiguous"):
        mx.from_dlpack(s, copy=False)
    t = np.arange(12, dtype=np.int16).reshape(3, 4).T
    np.testing.assert_array_equal(np.array(mx.from_dlpack(t)), t)


def test_import_read_only_numpy():
    x = np.arange(5, dtype=np.float32)
    x.setflags(write=False)
    a = mx.from_dlpack(x)
    np.testing.assert_array_equal(np.array(a + 1), x + 1)
    assert x.tolist() == [0, 1, 2, 3, 4]


def test_ops_on_imported_do_not_write_source():
    x = np.arange(1, 33, dtype=np.float32)
    keep = x.copy()
    a = mx.from_dlpack(x)
    r = -a
    del a
    mx.eval(r)
    np.testing.assert_array_equal(x, keep)


class Legacy:
    """A producer whose __dlpack__ takes no max_version (before DLPack 1.0)."""

    def __init__(self, x):
        self.x = x

    def __dlpack__(self, stream=None):
        return self.x.__dlpack__()

    def __dlpack_device__(self):
        return (1, 0)


def test_legacy_producer():
    x = np.arange(6, dtype=np.int64)
    np.testing.assert_array_equal(np.array(mx.from_dlpack(Legacy(x))), x)
    np.testing.assert_array_equal(np.array(mx.array(Legacy(x))), x)   # array() accepts producers


@pytest.mark.host_zero_copy
def test_legacy_producer_shares():
    x = np.arange(6, dtype=np.int64)
    assert addr(mx.from_dlpack(Legacy(x))) == addr(x)


def test_round_trip_through_mlx():
    a = mx.array([[1, 2], [3, 4]])
    b = mx.from_dlpack(a)
    assert np.array(b).tolist() == [[1, 2], [3, 4]]


def test_bad_inputs():
    with pytest.raises(TypeError, match="DLPack"):
        mx.from_dlpack([1, 2])

    class Bad:
        def __dlpack__(self, **kw):
            return "not a capsule"

    with pytest.raises(ValueError, match="capsule"):
        mx.from_dlpack(Bad())

    class OnDevice:
        def __init__(self, device_type):
            self.device_type = device_type

        def __dlpack__(self, **kw):
            raise AssertionError("must not be called")

        def __dlpack_device__(self):
            return (self.device_type, 0)

    with pytest.raises(BufferError, match="device type 4"):
        mx.from_dlpack(OnDevice(4))
    if not mx.cuda.is_available():
        with pytest.raises(BufferError, match="CPU backend"):
            mx.from_dlpack(OnDevice(2))
    # A consumed capsule cannot be imported twice.
    cap = np.arange(3.0).__dlpack__()

    class Once:
        def __dlpack__(self, **kw):
            return cap

    mx.from_dlpack(Once())
    with pytest.raises(ValueError, match="consumed"):
        mx.from_dlpack(Once())


# ---- PyTorch -------------------------------------------------------------------------------

try:
    import torch  # noqa: F811
except Exception:  # pragma: no cover - optional peer
    torch = None

needs_torch = pytest.mark.skipif(torch is None, reason="torch not installed")
TORCH_DTYPES = ["float32", "float16", "bfloat16", "int64", "int8", "uint8", "bool", "complex64"]


@needs_torch
@pytest.mark.parametrize("tdt", TORCH_DTYPES)
def test_torch_to_mlx_and_back(tdt):
    t = (torch.arange(12) % 3).to(getattr(torch, tdt)).reshape(3, 4)
    assert torch.equal(torch.from_dlpack(mx.from_dlpack(t)).cpu(), t)   # a CUDA build hands back CUDA memory


@needs_torch
@pytest.mark.host_zero_copy
@pytest.mark.parametrize("tdt", TORCH_DTYPES)
def test_torch_to_mlx_zero_copy(tdt):
    t = (torch.arange(12) % 3).to(getattr(torch, tdt)).reshape(3, 4)
    assert torch.from_dlpack(mx.from_dlpack(t)).data_ptr() == t.data_ptr()


@needs_torch
def test_mlx_to_torch_and_lifetime():
    a = mx.array(np.arange(8, dtype=np.float32))
    t = torch.from_dlpack(a)
    assert t.data_ptr() == addr(a)
    del a
    gc.collect()
    assert t.tolist() == list(range(8))


@needs_torch
def test_torch_noncontiguous_and_asarray():
    t = torch.arange(20, dtype=torch.float32).reshape(4, 5).T
    a = mx.from_dlpack(t)
    np.testing.assert_array_equal(np.array(a), t.numpy())
    with pytest.raises(ValueError):
        mx.from_dlpack(t, copy=False)
    u = torch.arange(6, dtype=torch.int32)
    c = mx.array(u)                       # array() copies
    assert addr(c) != u.data_ptr()
    u[0] = 9
    assert np.array(c)[0] == 0


@needs_torch
@pytest.mark.host_zero_copy
def test_torch_asarray_shares():
    u = torch.arange(6, dtype=torch.int32)
    s = mx.asarray(u)
    assert addr(s) == u.data_ptr()
    u[0] = 9
    assert np.array(s)[0] == 9


# ---- float64 / complex128 narrow as in mx.array ----------------------------------------------

class Producer:
    """A DLPack producer that is not a NumPy array (as a torch tensor would be)."""

    def __init__(self, x):
        self.x = x

    def __dlpack__(self, **kw):
        return self.x.__dlpack__(**kw)

    def __dlpack_device__(self):
        return self.x.__dlpack_device__()


@pytest.mark.parametrize("wrap", [lambda x: x, Producer, Legacy])
def test_float64_and_complex128_narrow_like_array(wrap):
    x = np.array([[0.1, -2.5e38], [1e-46, 3.0]])
    a = mx.from_dlpack(wrap(x))
    assert a.dtype == mx.float32 and a.shape == (2, 2)
    np.testing.assert_array_equal(np.array(a), x.astype(np.float32))
    c = np.array([0.1 + 2j, -3.5j, 1e30 + 0j])
    b = mx.from_dlpack(wrap(c))
    assert b.dtype == mx.complex64 and b.shape == (3,)
    np.testing.assert_array_equal(np.array(b), c.astype(np.complex64))


def test_float64_and_complex128_narrow_strided_and_empty():
    x = np.arange(24.0).reshape(4, 6)[::2, ::-3]
    np.testing.assert_array_equal(np.array(mx.from_dlpack(x)), x.astype(np.float32))
    c = (np.arange(12.0) + 1j * np.arange(12.0)[::-1]).reshape(3, 4).T
    b = mx.from_dlpack(c)
    assert b.dtype == mx.complex64 and b.shape == (4, 3)
    np.testing.assert_array_equal(np.array(b), c.astype(np.complex64))
    e = mx.from_dlpack(np.zeros((0, 3), np.complex128))
    assert e.dtype == mx.complex64 and e.shape == (0, 3)
    s = mx.from_dlpack(np.array(2.5 - 1j))
    assert s.dtype == mx.complex64 and s.shape == () and s.item() == 2.5 - 1j


def test_narrowing_import_is_independent_of_the_source():
    x = np.array([1.5, 2.5])
    a = mx.from_dlpack(x)
    x[:] = 7
    assert a.tolist() == [1.5, 2.5]


def test_narrowing_import_refuses_copy_false():
    with pytest.raises(ValueError, match="float64 becomes float32"):
        mx.from_dlpack(np.ones(3), copy=False)
    with pytest.raises(ValueError, match="complex128"):
        mx.from_dlpack(np.ones(3, np.complex128), copy=False)


@pytest.mark.cpu_only
def test_float64_kept_when_asked_for():
    x = np.array([0.1, 1e-300])
    for a in (mx.array(Producer(x), dtype=mx.float64), mx.asarray(Producer(x), dtype=mx.float64)):
        assert a.dtype == mx.float64
        assert np.array(a).tolist() == x.tolist()       # exact: no trip through float32


@pytest.mark.cpu_only
@pytest.mark.host_zero_copy
def test_float64_asked_for_is_shared():
    x = np.array([0.1, 1e-300])
    assert addr(mx.asarray(Producer(x), dtype=mx.float64, copy=False)) == addr(x)


@pytest.mark.cpu_only
def test_float64_mlx_array_narrows_through_from_dlpack():
    a = mx.array([0.1, 2.5], mx.float64)
    b = mx.from_dlpack(a)
    assert b.dtype == mx.float32
    np.testing.assert_array_equal(np.array(b), np.array([0.1, 2.5], np.float32))
    with pytest.raises(ValueError, match="float64"):
        mx.from_dlpack(a, copy=False)


# ---- memory the array does not own is exported read-only (issue 17) ---------------------------

def _read_only_sources(tmp_path):
    """(name, mlxcy array viewing memory it does not own, the owner's bytes as they must stay)."""
    b = bytes(range(16))
    frozen = np.arange(16, dtype=np.uint8)
    frozen.flags.writeable = False
    p = tmp_path / "m.npy"
    np.save(p, np.arange(16, dtype=np.uint8))
    return [("bytes", mx.asarray(np.frombuffer(b, np.uint8)), b),
            ("read-only numpy", mx.asarray(frozen), frozen),
            ("mapped file", mx.load(str(p), mmap=True), p)]


@pytest.mark.host_zero_copy
def test_dlpack_export_of_read_only_memory_is_read_only(tmp_path):
    for name, a, owner in _read_only_sources(tmp_path):
        before = owner.read_bytes() if hasattr(owner, "read_bytes") else bytes(owner)
        y = np.from_dlpack(a)                        # NumPy 2 asks for a versioned capsule
        assert not y.flags.writeable, name
        with pytest.raises(ValueError):
            y[:5] = 99
        np.testing.assert_array_equal(y, np.arange(16, dtype=np.uint8))
        after = owner.read_bytes() if hasattr(owner, "read_bytes") else bytes(owner)
        assert after == before, name
        # A consumer that cannot be told "read-only" (legacy capsule) is refused, as NumPy does.
        with pytest.raises(BufferError):
            a.__dlpack__()
        with pytest.raises(BufferError):
            a.__dlpack__(max_version=(0, 8))
        # A copy is the array's own memory: writable, and the source is untouched.
        c = np.from_dlpack(a, copy=True)
        assert c.flags.writeable
        c[:5] = 0
        assert (owner.read_bytes() if hasattr(owner, "read_bytes") else bytes(owner)) == before


def test_dlpack_bytes_not_mutated_through_numpy():
    b = bytes(range(1, 17))          # built at run time: not a shared code constant
    a = mx.asarray(np.frombuffer(b, np.uint8))
    try:
        np.from_dlpack(a)[:5] = 0
    except ValueError:
        pass
    assert b == bytes(range(1, 17))


def test_dlpack_owned_memory_stays_writable_and_legacy():
    a = mx.arange(6, dtype=mx.float32)
    assert '"dltensor"' in repr(a.__dlpack__())
    y = np.from_dlpack(a)
    assert y.flags.writeable
    w = mx.asarray(np.frombuffer(b"abcd", np.uint8)) + 1   # a result owns its memory
    assert np.from_dlpack(w).flags.writeable
    assert '"dltensor"' in repr(w.__dlpack__())


def test_numpy_rejects_legacy_read_only_as_we_do():
    # The oracle for the legacy refusal: NumPy's own exporter.
    frozen = np.arange(3)
    frozen.flags.writeable = False
    with pytest.raises(BufferError):
        frozen.__dlpack__()
    assert "dltensor_versioned" in repr(frozen.__dlpack__(max_version=(1, 0)))
