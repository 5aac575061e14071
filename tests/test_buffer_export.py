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
                                       (mx.float32, "f"), (mx.float64, "d"), (mx.complex64, "Zf"),
                                       (mx.bfloat16, "bfloat16")])
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
