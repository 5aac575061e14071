"""The typed fast paths of the dispatch layer (issue 21) give what the general paths give.

Each case goes through a fast path (flat lists of ints/floats, a lone integer array or slice in an
assignment or ``.at[]`` update, a plain int argument, an empty strided view into a reduction) and
is compared with NumPy, or with the same request forced through the general path (a nested or
wrapped form of the same index or value).
"""
import numpy as np
import pytest

import mlxcy as mx
from _device import on_gpu
from _oracles import check_equal, to_np


# ---- array() from flat lists of numbers ----------------------------------------------------------

@pytest.mark.parametrize("values, dtype", [
    ([1, 2, 3], mx.int32),
    ((1, -2, 3), mx.int32),
    ([0], mx.int32),
    ([2147483647, -2147483648], mx.int32),
    ([2147483648, 1], mx.int64),          # beyond int32: the general path widens
    ([1.5, 2.0], mx.float32),
    ([1, 2.5, 3], mx.float32),            # an int before and after a float
    ([2.5, 1, 2**40], mx.float32),        # a wide int after a float
    ([True, 1], mx.int32),                # bools mixed in: the general path
    ([1, 2 + 1j], mx.complex64),
])
def test_flat_list_dtype_and_values(values, dtype):
    a = mx.array(values)
    assert a.dtype == dtype
    assert a.shape == (len(values),)
    expected = np.array(values).astype({mx.int32: np.int32, mx.int64: np.int64, mx.float32: np.float32,
                                        mx.complex64: np.complex64}[dtype])
    check_equal(a, expected)


def test_flat_list_matches_nested_form():
    # The nested form [[...]] never takes the flat path: same values and dtype, one more axis.
    for values in ([1, 2, 3], [0.25, -1.0, 3], [7, 1e30], [-5, 2**31 - 1]):
        flat = mx.array(values)
        nested = mx.array([values])
        assert flat.dtype == nested.dtype
        np.testing.assert_array_equal(to_np(flat), to_np(nested)[0])


@pytest.mark.parametrize("dtype", [mx.float16, mx.bfloat16, mx.int8, mx.uint8, mx.float32])
def test_flat_list_with_dtype(dtype):
    a = mx.array([1.0, 2.5, -3.0], dtype=dtype)
    assert a.dtype == dtype
    ref = mx.array([[1.0, 2.5, -3.0]], dtype=dtype)[0]
    np.testing.assert_array_equal(to_np(a.astype(mx.float32)), to_np(ref.astype(mx.float32)))


def test_flat_int_list_with_dtype_keeps_range_checks():
    assert mx.array([1, 2], dtype=mx.uint8).dtype == mx.uint8
    with pytest.raises((ValueError, RuntimeError)):
        mx.array([-1, 2], dtype=mx.uint32)


def test_flat_list_float_subclass_and_bad_items():
    class F(float):
        pass
    a = mx.array([F(1.5), 2.0])
    assert a.dtype == mx.float32
    check_equal(a, np.array([1.5, 2.0], np.float32))
    with pytest.raises(ValueError):
        mx.array([1, "x"])
    with pytest.raises(ValueError):
        mx.array([1, [2]])


# ---- assignment and .at[] with a lone integer array or slice -------------------------------------

def _np_and_mx(shape):
    x = np.arange(np.prod(shape), dtype=np.float32).reshape(shape)
    return x, mx.array(x)


@pytest.mark.parametrize("shape", [(5,), (4, 3), (3, 2, 2)])
@pytest.mark.parametrize("idx", [[0, 2], [-1, 1], [[0], [2]], [2, 2]])
def test_setitem_int_array(shape, idx):
    x, a = _np_and_mx(shape)
    x[np.array(idx)] = 7
    a[mx.array(idx)] = 7
    check_equal(a, x)


def test_setitem_int_array_value_broadcast_and_errors():
    x, a = _np_and_mx((4, 3))
    v = np.array([1.0, 2.0, 3.0], np.float32)
    x[np.array([0, 3])] = v
    a[mx.array([0, 3])] = mx.array(v)
    check_equal(a, x)
    if not on_gpu():   # index values are checked where they are host data: the CPU backend's
        with pytest.raises(IndexError):
            a[mx.array([4])] = 1
    with pytest.raises(ValueError):
        a[mx.array([0])] = mx.ones((2, 3))
    b = mx.zeros((3,), mx.int32)
    b[mx.array([1])] = 2
    check_equal(b, np.array([0, 2, 0], np.int32))
    with pytest.raises(ValueError):
        mx.zeros((2,), mx.uint8)[mx.array([0])] = 300


@pytest.mark.parametrize("sl", [slice(1, 3), slice(None, None, -1), slice(5, 9), slice(None), slice(None, None, 2),
                                slice(-2, None), slice(3, 1)])
@pytest.mark.parametrize("shape", [(5,), (4, 3)])
def test_setitem_slice(sl, shape):
    x, a = _np_and_mx(shape)
    x[sl] = -1
    a[sl] = -1
    check_equal(a, x)


def test_setitem_slice_array_value():
    x, a = _np_and_mx((4, 3))
    x[1:3] = np.array([9.0, 8.0, 7.0], np.float32)
    a[1:3] = mx.array([9.0, 8.0, 7.0])
    check_equal(a, x)
    x[::-2] = np.arange(6, dtype=np.float32).reshape(2, 3)
    a[::-2] = mx.arange(6).reshape(2, 3)
    check_equal(a, x)
    with pytest.raises(ValueError):
        a[0:2] = mx.ones((3, 3))
    with pytest.raises(ValueError):
        a["x":] = 1


def test_at_updates_int_array_and_slice():
    x, a = _np_and_mx((5,))
    idx = np.array([0, 0, 3])
    e = x.copy()
    np.add.at(e, idx, 1.5)
    check_equal(a.at[mx.array(idx)].add(1.5), e)
    e = x.copy()
    np.multiply.at(e, idx, 2.0)
    check_equal(a.at[mx.array(idx)].multiply(2.0), e)
    e = x.copy()
    e[1:4] -= 2
    check_equal(a.at[1:4].subtract(2), e)
    e = x.copy()
    e[::-1] = np.maximum(e[::-1], 2)
    check_equal(a.at[::-1].maximum(2), e)
    if not on_gpu():   # as above: the CUDA backend's arrays are not read on the host
        with pytest.raises(IndexError):
            a.at[mx.array([9])].add(1)


def test_getitem_int_array_and_0d():
    x, a = _np_and_mx((4, 3))
    check_equal(a[mx.array([3, 0, -1])], x[np.array([3, 0, -1])])
    check_equal(a[mx.array(2)], x[2])
    with pytest.raises(ValueError):
        mx.array(3.0)[mx.array([0])]


# ---- plain int arguments, binary operands, reductions ----------------------------------------------

def test_int_arguments():
    a = mx.arange(6).reshape(2, 3)
    check_equal(mx.concatenate([a, a], axis=1), np.concatenate([to_np(a)] * 2, axis=1))
    check_equal(mx.concatenate([a, a], axis=-1), np.concatenate([to_np(a)] * 2, axis=-1))
    check_equal(mx.concatenate([a, a], axis=np.int64(0)), np.concatenate([to_np(a)] * 2, axis=0))
    check_equal(mx.concatenate([a, a], axis=True), np.concatenate([to_np(a)] * 2, axis=1))
    check_equal(mx.concatenate((a, a), axis=None), np.concatenate([to_np(a).ravel()] * 2))
    with pytest.raises(TypeError, match="does not fit in a 32-bit int"):
        mx.concatenate([a, a], axis=2**31)
    with pytest.raises(TypeError, match="must be an int"):
        mx.concatenate([a, a], axis=1.0)
    check_equal(mx.stack([a, a], axis=1), np.stack([to_np(a)] * 2, axis=1))


def test_binary_operands_in_place():
    a = mx.array([7, -8, 9])
    b = mx.array([2, 3, -4])
    x, y = to_np(a), to_np(b)
    check_equal(a + b, x + y)
    check_equal(a // b, x // y)
    check_equal(a % b, x % y)
    check_equal(3 - a, 3 - x)
    check_equal(a * 2, x * 2)
    check_equal(2.5 * a, (2.5 * x).astype(np.float32))
    f = a.astype(mx.float32)
    check_equal(f @ mx.ones((3,)), x.astype(np.float32) @ np.ones(3, np.float32))
    if not on_gpu():   # the integer-division check after the fast path (CPU backend only, as
        with pytest.raises(OverflowError):   # in test_ops_elementwise: the GPU does not trap)
            mx.array([-2**31]) // mx.array([-1])


def test_reductions_on_views_and_empty_views():
    m = mx.arange(12).reshape(3, 4).astype(mx.float32)
    x = to_np(m)
    check_equal(mx.sum(m.T, axis=1), x.T.sum(axis=1))
    check_equal(mx.argmax(m[:, ::-1], axis=1), np.argmax(x[:, ::-1], axis=1).astype(np.uint32))
    check_equal(mx.argmin(m), np.array(0, np.uint32))
    e = mx.zeros((0, 4))[:, ::2]   # an empty strided view: made fresh first
    check_equal(mx.sum(e, axis=0), np.zeros(2, np.float32))
    check_equal(e.sum(axis=0), np.zeros(2, np.float32))
    check_equal(mx.softmax(mx.zeros((2, 0))[::2], axis=-1), np.zeros((1, 0), np.float32))
    with pytest.raises(ValueError):   # as libmlx: no argmax over zero elements
        mx.argmax(mx.zeros((0, 4))[:, ::2], axis=0)
