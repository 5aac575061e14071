"""Sorting, partitioning, top-k, searchsorted and unique, with NumPy as the oracle."""
import numpy as np
import pytest

import mlxcy as mx
from _device import f64_cpu_only
from _oracles import to_np

DTYPES = [mx.bool_, mx.uint8, mx.uint16, mx.uint32, mx.uint64, mx.int8, mx.int16, mx.int32, mx.int64,
          mx.float16, mx.bfloat16, mx.float32, mx.float64]


def sample(dtype, shape=(3, 5), seed=0):
    """Random values with ties, stored in `dtype`, and the stored values in NumPy."""
    v = np.random.default_rng(seed).integers(0, 7, size=shape)
    if dtype == mx.bool_:
        v = v > 3
    elif dtype in (mx.float16, mx.bfloat16, mx.float32, mx.float64):
        v = v * 0.5 - 1.25
    x = mx.array(v, dtype=dtype)
    return x, to_np(x)


@pytest.mark.parametrize("axis", [-1, 0, None], ids=repr)
@pytest.mark.parametrize("dtype", f64_cpu_only(DTYPES), ids=str)
def test_sort_argsort(dtype, axis):
    x, v = sample(dtype)
    out = mx.sort(x, axis)
    assert out.dtype == dtype
    np.testing.assert_array_equal(to_np(out), np.sort(v, axis=axis))
    idx = mx.argsort(x, axis)
    assert idx.dtype == mx.uint32
    # The sort is stable: equal elements keep their order, as with NumPy's stable sort.
    np.testing.assert_array_equal(np.array(idx), np.argsort(v, axis=axis, kind="stable"))


def test_sort_nan_last_and_complex():
    v = np.array([np.nan, 1.0, -np.inf, 0.0, np.inf])
    np.testing.assert_array_equal(np.array(mx.sort(mx.array(v))), np.sort(v.astype(np.float32)))
    z = np.array([1 + 1j, 0 + 2j, 1 - 1j, -1 + 0j], np.complex64)
    out = mx.sort(mx.array(z))
    assert out.dtype == mx.complex64
    np.testing.assert_array_equal(np.array(out), np.sort(z))   # lexicographic in both


def test_sort_edge_shapes_and_errors():
    np.testing.assert_array_equal(np.array(mx.sort(mx.array(np.zeros((2, 0), np.float32)))), np.zeros((2, 0)))
    with pytest.raises(IndexError):
        mx.sort(mx.array(3))   # axis -1 of a 0-d array
    np.testing.assert_array_equal(np.array(mx.sort(mx.array(3), None)), [3])
    x = mx.array([[3, 1], [2, 0]])
    with pytest.raises(IndexError):
        mx.sort(x, 2)
    with pytest.raises(IndexError):
        mx.argsort(x, -3)
    with pytest.raises(TypeError):
        mx.sort(x, (0,))
    np.testing.assert_array_equal(np.array(mx.sort([3, 1, 2])), [1, 2, 3])


def _check_partitioned(p, v, kth, axis):
    """`p` is a partition of `v` around `kth` along `axis`."""
    if axis is None:
        v, axis = v.reshape(-1), 0
    p = np.moveaxis(p, axis, -1)
    ref = np.sort(np.moveaxis(v, axis, -1), axis=-1)
    np.testing.assert_array_equal(np.sort(p, axis=-1), ref)   # same elements
    np.testing.assert_array_equal(p[..., kth], ref[..., kth])
    assert np.all(p[..., :kth] <= p[..., kth:kth + 1])
    assert np.all(p[..., kth + 1:] >= p[..., kth:kth + 1])


@pytest.mark.parametrize("axis", [-1, 0, None], ids=repr)
@pytest.mark.parametrize("dtype", f64_cpu_only([mx.uint8, mx.int32, mx.int64, mx.float16, mx.float32, mx.float64]),
                         ids=str)
def test_partition_argpartition(dtype, axis):
    x, v = sample(dtype)
    n = v.size if axis is None else v.shape[axis]
    for kth in (0, n // 2, n - 1, -1):
        k = kth % n
        p = mx.partition(x, kth, axis)
        assert p.dtype == dtype
        _check_partitioned(to_np(p), v, k, axis)
        idx = mx.argpartition(x, kth, axis=axis)
        assert idx.dtype == mx.uint32
        flat = v.reshape(-1) if axis is None else v
        taken = flat[np.array(idx)] if axis is None else np.take_along_axis(v, np.array(idx).astype(np.int64), axis)
        _check_partitioned(taken, flat, k, 0 if axis is None else axis)


def test_partition_errors():
    x = mx.array([3, 1, 2, 0])
    with pytest.raises(ValueError, match="kth"):
        mx.partition(x, 4)
    with pytest.raises(ValueError, match="kth"):
        mx.argpartition(x, -5)
    with pytest.raises(TypeError):
        mx.partition(x, 1.5)


@pytest.mark.parametrize("axis", [-1, 0, None], ids=repr)
@pytest.mark.parametrize("dtype", f64_cpu_only([mx.uint8, mx.int32, mx.float16, mx.bfloat16, mx.float32, mx.float64]),
                         ids=str)
def test_topk(dtype, axis):
    x, v = sample(dtype, (4, 6))
    n = v.size if axis is None else v.shape[axis]
    for k in (1, 3, n):
        out = mx.topk(x, k, axis)
        assert out.dtype == dtype
        ax = 0 if axis is None else axis
        src = v.reshape(-1) if axis is None else v
        expected = np.take(np.sort(src, axis=ax), np.arange(n - k, n), axis=ax)
        np.testing.assert_array_equal(np.sort(to_np(out), axis=ax), expected)


def test_topk_edges_and_errors():
    x = mx.array([3, 1, 2, 0])
    assert mx.topk(x, 0).shape == (0,)
    with pytest.raises(ValueError, match="k=5"):
        mx.topk(x, 5)
    with pytest.raises(ValueError):
        mx.topk(x, -1)
    with pytest.raises(IndexError):
        mx.topk(x, 1, 1)


@pytest.mark.parametrize("side", ["left", "right"])
@pytest.mark.parametrize("dtype", f64_cpu_only([mx.uint8, mx.int32, mx.int64, mx.float16, mx.float32, mx.float64]),
                         ids=str)
def test_searchsorted(dtype, side):
    seq = np.array([1, 3, 3, 5, 8])
    vals = np.array([[0, 3, 4], [8, 9, 1]])
    out = mx.searchsorted(mx.array(seq, dtype=dtype), mx.array(vals, dtype=dtype), side)
    assert out.dtype == mx.uint32 and out.shape == (2, 3)
    np.testing.assert_array_equal(np.array(out), np.searchsorted(seq, vals, side))


def test_searchsorted_mixed_and_errors():
    seq = mx.array([1.0, 3.0, 5.0])
    np.testing.assert_array_equal(np.array(mx.searchsorted(seq, mx.array([3]))), [1])
    np.testing.assert_array_equal(np.array(mx.searchsorted(seq, 4.0, side="right")), 2)
    np.testing.assert_array_equal(np.array(mx.searchsorted(seq, mx.array([np.nan]))), [3])
    with pytest.raises(ValueError, match="side"):
        mx.searchsorted(seq, mx.array([1.0]), "middle")
    with pytest.raises(ValueError, match="1-D"):
        mx.searchsorted(mx.array([[1, 2], [3, 4]]), mx.array([1]))


@pytest.mark.parametrize("dtype", f64_cpu_only([mx.bool_, mx.uint8, mx.int16, mx.int32, mx.uint64, mx.float16,
                                          mx.float32, mx.float64]),
                         ids=str)
def test_unique_full(dtype):
    x, v = sample(dtype, (3, 4), seed=3)
    vals, index, inverse, counts = np.unique(v, return_index=True, return_inverse=True, return_counts=True)
    n = len(vals)
    only = mx.unique(x, n)
    assert isinstance(only, mx.array) and only.dtype == dtype
    np.testing.assert_array_equal(to_np(only), vals)
    out = mx.unique(x, n, True, True, True)
    assert isinstance(out, tuple) and len(out) == 4
    np.testing.assert_array_equal(to_np(out[0]), vals)
    assert out[1].dtype == mx.uint32 and out[2].dtype == mx.uint32 and out[3].dtype == mx.int32
    np.testing.assert_array_equal(np.array(out[1]), index)
    np.testing.assert_array_equal(np.array(out[2]), inverse.reshape(v.shape))   # keeps the input's shape
    np.testing.assert_array_equal(np.array(out[3]), counts)


def test_unique_return_selection():
    x = mx.array([3, 1, 3, 2])
    vals, counts = mx.unique(x, 3, return_counts=True)
    np.testing.assert_array_equal(np.array(counts), [1, 1, 2])
    vals, inverse = mx.unique(x, 3, return_inverse=True)
    np.testing.assert_array_equal(np.array(inverse), [2, 0, 2, 1])
    vals, index = mx.unique(x, 3, return_index=True)
    np.testing.assert_array_equal(np.array(index), [1, 3, 0])


def test_unique_padding_and_truncation():
    x = mx.array([3, 1, 3, 2])
    np.testing.assert_array_equal(np.array(mx.unique(x, 5)), [1, 2, 3, 1, 1])   # pads with the first value
    np.testing.assert_array_equal(np.array(mx.unique(x, 5, fill_value=-1)), [1, 2, 3, -1, -1])
    vals, counts = mx.unique(x, 2, return_counts=True)
    np.testing.assert_array_equal(np.array(vals), [1, 2])
    np.testing.assert_array_equal(np.array(counts), [1, 1])
    out = mx.unique(mx.array([1, 2, 2]), 4, fill_value=1.5)   # the fill takes the input's dtype
    assert out.dtype == mx.int32
    np.testing.assert_array_equal(np.array(out), [1, 2, 1, 1])
    out = mx.unique(mx.array([1.0, 2.0], mx.float16), 3, fill_value=1.5)
    assert out.dtype == mx.float16
    np.testing.assert_array_equal(to_np(out), [1.0, 2.0, 1.5])
    empty = mx.array(np.zeros(0, np.float32))
    assert mx.unique(empty, 0).shape == (0,)
    np.testing.assert_array_equal(np.array(mx.unique(empty, 2, fill_value=1.5)), [1.5, 1.5])


def test_unique_errors():
    with pytest.raises(ValueError, match="fill value"):
        mx.unique(mx.array(np.zeros(0, np.float32)), 2)
    with pytest.raises(ValueError, match="negative"):
        mx.unique(mx.array([1, 2]), -1)
    with pytest.raises(ValueError, match="one element"):
        mx.unique(mx.array([1, 2, 2]), 4, fill_value=mx.array([1, 2]))
    with pytest.raises(ValueError, match="overflow"):
        mx.unique(mx.array([1, 2], mx.uint8), 3, fill_value=-1)
    with pytest.raises(TypeError):
        mx.unique(mx.array([1, 2]), 2.0)
