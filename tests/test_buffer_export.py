"""Zero-copy export: the buffer protocol and __array__ share MLX's memory and keep it alive."""
import gc
import pickle

import numpy as np
import pytest

import mlxcy as mx


def _addr(np_arr):
    return np_arr.__array_interface__["data"][0]


def test_numpy_view_shares_memory():
    a = mx.array(np.arange(12, dtype=np.int32).reshape(3, 4)) + 0
    v1, v2 = np.asarray(a), np.asarray(a)
    assert _addr(v1) == _addr(v2)              # both views see one buffer: no copy was made
    assert v1.shape == (3, 4) and v1.dtype == np.int32
    m = memoryview(a)
    assert m.format == "i" and m.shape == (3, 4) and m.nbytes == 48
    v1[0, 0] = 99                               # writes are visible through the other view
    assert v2[0, 0] == 99


@pytest.mark.parametrize("dtype,fmt", [(mx.bool_, "?"), (mx.uint8, "B"), (mx.int64, "q"), (mx.float16, "e"),
                                       (mx.float32, "f"), (mx.float64, "d"), (mx.complex64, "Zf")])
def test_buffer_formats(dtype, fmt):
    m = memoryview(mx.array([1, 0], dtype))
    assert m.format == fmt and m.itemsize == dtype.size


def test_export_keeps_data_alive_after_array_is_gone():
    a = mx.array(np.arange(1000, dtype=np.float32)) * 2
    view = np.asarray(a)
    del a
    gc.collect()
    junk = [mx.array(np.full(1000, 7, np.float32)) + 1 for _ in range(10)]
    mx.eval(junk)
    np.testing.assert_array_equal(view, np.arange(1000, dtype=np.float32) * 2)


def test_export_survives_in_place_update_of_the_array():
    a = mx.array([1, 2, 3])
    view = np.asarray(a)
    a += 10                                     # the Python object now holds a new array
    assert a.tolist() == [11, 12, 13]
    assert view.tolist() == [1, 2, 3]


def test_strided_array_exports_with_strides_or_contiguous_copy():
    a = mx.array(np.arange(12, dtype=np.int32).reshape(3, 4)).T
    np.testing.assert_array_equal(np.asarray(a), np.arange(12).reshape(3, 4).T)
    assert bytes(a) == np.ascontiguousarray(np.arange(12, dtype=np.int32).reshape(3, 4).T).tobytes()


def test_dunder_array_protocol():
    a = mx.array([1, 2, 3])
    assert np.array(a).tolist() == [1, 2, 3]
    shared = a.__array__(copy=False)
    copied = a.__array__(copy=True)
    assert _addr(shared) == _addr(np.asarray(a)) and _addr(copied) != _addr(shared)
    as_f = a.__array__(np.float64)
    assert as_f.dtype == np.float64 and as_f.tolist() == [1.0, 2.0, 3.0]
    with pytest.raises(ValueError):
        a.__array__(np.float64, copy=False)


def test_lazy_array_is_evaluated_on_export():
    a = mx.array([1.0, 2.0]) * 3
    assert np.asarray(a).tolist() == [3.0, 6.0]


@pytest.mark.host_zero_copy
def test_memory_the_array_does_not_own_is_exported_read_only():
    src = np.arange(4, dtype=np.float32)
    src.setflags(write=False)
    shared = mx.asarray(src)                 # views the read-only NumPy buffer
    view = np.asarray(shared)
    assert np.shares_memory(view, src) and not view.flags.writeable
    assert memoryview(shared).readonly
    with pytest.raises(ValueError):
        view[0] = 9.0
    assert np.asarray(shared + 1).flags.writeable   # results of ops are MLX's own memory
    assert src.tolist() == [0.0, 1.0, 2.0, 3.0]


def test_empty_results_read_back():
    # A zero-size result may have no buffer at all (the CUDA backend allocates none for it).
    for a in (mx.arange(5, 1), mx.zeros((0, 3)) + 1, mx.ones((2, 0)).T * 2):
        assert np.asarray(a).shape == a.shape and np.asarray(a).size == 0
        assert memoryview(a).nbytes == 0 and bytes(a) == b""
        assert a.tolist() == np.zeros(a.shape).tolist()
        b = pickle.loads(pickle.dumps(a))
        assert b.shape == a.shape and b.dtype == a.dtype


# ---- bfloat16: an ml_dtypes view where ml_dtypes is installed, the reference's errors elsewhere ----

def test_bfloat16_to_numpy_is_an_ml_dtypes_view():
    ml_dtypes = pytest.importorskip("ml_dtypes")
    a = mx.array([1.5, -2.5, 3.0e38, 0.0], mx.bfloat16) * 1
    v = np.asarray(a)
    assert v.dtype == np.dtype(ml_dtypes.bfloat16) and v.shape == (4,)
    # the same bits as MLX's, read through an independent route
    assert v.view(np.uint16).tolist() == np.asarray(a.view(mx.uint16)).tolist()
    assert v.astype(np.float32).tolist() == [1.5, -2.5, float(np.float32(a[2].item())), 0.0]
    assert _addr(np.asarray(a)) == _addr(v)          # a view of MLX's buffer, not a copy
    assert np.asarray(a, dtype=np.float32).dtype == np.float32
    assert np.array(a).dtype == np.dtype(ml_dtypes.bfloat16)


def test_bfloat16_strided_export():
    pytest.importorskip("ml_dtypes")
    base = np.arange(12, dtype=np.float32).reshape(3, 4) - 4.5
    a = mx.array(base, mx.bfloat16)
    for view, expect in [(a.T, base.T), (a[:, ::2], base[:, ::2]), (a[1], base[1])]:
        np.testing.assert_array_equal(np.asarray(view).astype(np.float32), expect)


def test_bfloat16_round_trip_through_numpy():
    ml_dtypes = pytest.importorskip("ml_dtypes")
    x = np.array([[0.1, 2.5e-30], [-7.0, 65504.0]], dtype=ml_dtypes.bfloat16)
    back = np.asarray(mx.array(x))
    assert back.dtype == x.dtype and back.view(np.uint16).tolist() == x.view(np.uint16).tolist()


def test_bfloat16_without_ml_dtypes_behaves_as_the_reference():
    """Without ml_dtypes: np.asarray raises the reference's ValueError, memoryview works."""
    import subprocess
    import sys
    code = (
        "import sys; sys.modules['ml_dtypes'] = None\n"
        "import numpy as np, mlxcy as mx\n"
        "a = mx.array([1.5, 2.0], mx.bfloat16)\n"
        "m = memoryview(a)\n"
        "assert m.format == 'bfloat16' and m.nbytes == 4 and m.tobytes() == bytes(a.view(mx.uint8))\n"
        "try:\n"
        "    np.asarray(a)\n"
        "except ValueError as e:\n"
        "    print('ValueError', e)\n"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300, cwd="/")
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("ValueError") and "bfloat16" in r.stdout


def test_bfloat16_buffer_refused_with_ml_dtypes():
    pytest.importorskip("ml_dtypes")
    with pytest.raises(BufferError, match="uint16"):
        memoryview(mx.array([1.5], mx.bfloat16))
