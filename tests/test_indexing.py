"""array.__getitem__ / __setitem__ / .at[] against NumPy, over a generated matrix of index
expressions (ints, slices with any step, None, Ellipsis, integer arrays and lists, boolean
masks, and their combinations) on several shapes."""
import random

import numpy as np
import pytest

import mlxcy as mx

SHAPES = [(7,), (4, 5), (3, 4, 5), (2, 3, 4, 5)]


def _rand_slice(rng, n):
    pick = lambda: rng.choice([None, rng.randint(-n - 2, n + 2)])  # noqa: E731
    return slice(pick(), pick(), rng.choice([None, 1, 2, 3, -1, -2, -3]))


def _rand_entry(rng, n, kind, as_mx):
    if kind == "int":
        return rng.randint(-n, n - 1)
    if kind == "slice":
        return _rand_slice(rng, n)
    if kind == "list":
        return [rng.randint(-n, n - 1) for _ in range(rng.randint(1, 3))]
    if kind == "array":
        shape = rng.choice([(2,), (1,), (2, 1), (3,), ()])
        vals = np.array([rng.randint(-n, n - 1) for _ in range(int(np.prod(shape)))], dtype=np.int32).reshape(shape)
        return mx.array(vals) if as_mx else vals
    if kind == "mask":
        m = np.array([rng.random() < 0.5 for _ in range(n)])
        return mx.array(m) if as_mx else m
    raise AssertionError(kind)


def _rand_index(rng, shape):
    """A random index over `shape`: a tuple of entries covering at most ndim axes, with Nones and
    at most one Ellipsis spliced in."""
    ndim = len(shape)
    n_axes = rng.randint(0, ndim)
    kinds = [rng.choice(["int", "slice", "slice", "list", "array", "mask"]) for _ in range(n_axes)]
    ell = rng.random() < 0.3
    # Entries before and after the ellipsis index leading and trailing axes.
    split = rng.randint(0, n_axes) if ell else n_axes
    entries = []
    for i, k in enumerate(kinds):
        ax = i if i < split else ndim - (n_axes - i)
        entries.append(_rand_entry(rng, shape[ax], k, rng.random() < 0.5))
    if ell:
        entries.insert(split, Ellipsis)
    for _ in range(rng.choice([0, 0, 1, 2])):
        entries.insert(rng.randint(0, len(entries)), None)
    return tuple(entries)


def _to_np(idx):
    return tuple(np.asarray(e) if isinstance(e, mx.array) else e for e in idx)


def _cases(seed, count):
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        shape = rng.choice(SHAPES)
        out.append((shape, _rand_index(rng, shape)))
    return out


GET_CASES = _cases(0, 400)


def _np_get(x, idx):
    try:
        return x[_to_np(idx)], None
    except IndexError as e:
        return None, e


@pytest.mark.parametrize("shape,idx", GET_CASES, ids=[f"{s}-{i!r}"[:80] for s, i in GET_CASES])
def test_getitem_matrix(shape, idx):
    xn = np.arange(int(np.prod(shape)), dtype=np.int32).reshape(shape)
    x = mx.array(xn)
    want, err = _np_get(xn, idx)
    if err is not None:
        with pytest.raises((IndexError, ValueError)):
            x[idx]
        return
    got = np.asarray(x[idx])
    assert got.shape == want.shape
    np.testing.assert_array_equal(got, want)


SET_CASES = _cases(1, 300)


@pytest.mark.parametrize("shape,idx", SET_CASES, ids=[f"{s}-{i!r}"[:80] for s, i in SET_CASES])
def test_setitem_matrix(shape, idx):
    xn = np.arange(int(np.prod(shape)), dtype=np.float32).reshape(shape)
    target, err = _np_get(xn, idx)
    x = mx.array(xn)
    if err is not None:
        with pytest.raises((IndexError, ValueError)):
            x[idx] = 1.0
        return
    # Positions written more than once make the result order-dependent: use a scalar there.
    positions = np.arange(xn.size).reshape(shape)[_to_np(idx)].ravel()
    if len(np.unique(positions)) != positions.size or target.ndim == 0:
        value = -5.0
    elif target.ndim >= 2 and target.size % 2 == 0:
        value = -np.arange(1, target.shape[-1] + 1, dtype=np.float32)   # broadcast along the rest
    else:
        value = -np.arange(1, target.size + 1, dtype=np.float32).reshape(target.shape)
    alias = x
    before = x + 0
    xn[_to_np(idx)] = value
    x[idx] = mx.array(value) if isinstance(value, np.ndarray) else value
    assert alias is x
    np.testing.assert_array_equal(np.asarray(x), xn)
    # An array computed before the assignment keeps its value.
    np.testing.assert_array_equal(np.asarray(before), np.arange(xn.size, dtype=np.float32).reshape(shape))


# ---- specific cases ---------------------------------------------------------------------------

def test_placement_rule_when_advanced_indices_are_separated():
    xn = np.arange(120).reshape(2, 3, 4, 5).astype(np.int32)
    x = mx.array(xn)
    for idx in [(0, slice(None), [1, 2]), (slice(None), [0, 1], None, [1, 2]),
                (slice(None), [0, 1], Ellipsis, [1, 2]), ([0, 1], slice(None), slice(None), [0, 4]),
                (slice(None), [0, 1], [1, 2]), (Ellipsis, [0, 1], 0), (Ellipsis, [0, 1], slice(None), 0)]:
        np.testing.assert_array_equal(np.asarray(x[idx]), xn[idx])


def test_scalar_mx_indices_and_numpy_scalars():
    xn = np.arange(12).reshape(3, 4).astype(np.int32)
    x = mx.array(xn)
    np.testing.assert_array_equal(np.asarray(x[mx.array(1)]), xn[1])
    np.testing.assert_array_equal(np.asarray(x[mx.array(1), mx.array(-1)]), xn[1, -1])
    np.testing.assert_array_equal(np.asarray(x[:, mx.array(2)]), xn[:, 2])
    np.testing.assert_array_equal(np.asarray(x[np.int64(2)]), xn[2])
    np.testing.assert_array_equal(np.asarray(x[mx.array([[0, 2]], dtype=mx.uint8)]), xn[[[0, 2]]])


def test_zero_dim_and_empty():
    s = mx.array(3.5)
    assert s[()].item() == 3.5 and s[...].shape == () and s[None].shape == (1,)
    x = mx.array(np.arange(6).reshape(2, 3))
    assert x[1:1].shape == (0, 3)
    assert x[[]].shape == (0, 3)
    assert x[:, 5:].shape == (2, 0)


def test_fast_paths_return_new_objects():
    x = mx.array([1, 2, 3])
    assert x[:] is not x
    np.testing.assert_array_equal(np.asarray(x[:]), [1, 2, 3])


def test_mask_set_in_order_and_broadcast():
    xn = np.arange(12, dtype=np.int32).reshape(3, 4)
    x = mx.array(xn)
    x[x > 5] = mx.array([10, 20, 30, 40, 50, 60])
    xn[xn > 5] = [10, 20, 30, 40, 50, 60]
    np.testing.assert_array_equal(np.asarray(x), xn)
    m = np.array([True, False, True])
    x[mx.array(m)] = mx.array([7, 8, 9, 10])
    xn[m] = [7, 8, 9, 10]
    np.testing.assert_array_equal(np.asarray(x), xn)


def test_setitem_casts_to_the_array_dtype():
    x = mx.array([1, 2, 3])
    x[0] = 5.7
    x[1:] = mx.array([1.5, 2.5])
    assert x.dtype == mx.int32 and x.tolist() == [5, 1, 2]
    y = mx.zeros((2, 2), dtype=mx.float16)
    y[0] = mx.array([1, 2])
    assert y.dtype == mx.float16 and y.tolist() == [[1.0, 2.0], [0.0, 0.0]]
    b = mx.array([True, False])
    b[1] = 1
    assert b.dtype == mx.bool_ and b.tolist() == [True, True]


def test_setitem_value_with_extra_leading_ones():
    xn = np.zeros((2, 3, 4), np.float32)
    x = mx.array(xn)
    x[0, 0] = mx.ones((1, 1, 4))
    xn[0, 0] = np.ones((1, 1, 4))
    np.testing.assert_array_equal(np.asarray(x), xn)


def test_at_accumulates_over_repeated_indices():
    a = mx.array([0, 1, 2, 3, 4])
    idx = mx.array([0, 0, 1])
    an = np.arange(5)
    want = an.copy()
    np.add.at(want, [0, 0, 1], 1)
    np.testing.assert_array_equal(np.asarray(a.at[idx].add(1)), want)
    want = an.copy()
    np.subtract.at(want, [1, 1, 2], 2)
    np.testing.assert_array_equal(np.asarray(a.at[mx.array([1, 1, 2])].subtract(2)), want)
    want = np.array([1.0, 2.0, 3.0])
    np.multiply.at(want, [0, 0], 3.0)
    np.testing.assert_allclose(np.asarray(mx.array([1.0, 2.0, 3.0]).at[mx.array([0, 0])].multiply(3.0)), want)
    want = np.array([1.0, 2.0, 3.0])
    np.divide.at(want, [0, 0, 2], 2.0)
    np.testing.assert_allclose(np.asarray(mx.array([1.0, 2.0, 3.0]).at[mx.array([0, 0, 2])].divide(2.0)), want)
    want = an.copy()
    np.maximum.at(want, [1, 2, 2], [5, 1, 7])
    np.testing.assert_array_equal(np.asarray(a.at[mx.array([1, 2, 2])].maximum(mx.array([5, 1, 7]))), want)
    want = an.copy()
    np.minimum.at(want, [3, 3], [1, 2])
    np.testing.assert_array_equal(np.asarray(a.at[mx.array([3, 3])].minimum(mx.array([1, 2]))), want)
    # Basic indices too, and `a` itself is unchanged.
    np.testing.assert_array_equal(np.asarray(a.at[1:3].add(10)), [0, 11, 12, 3, 4])
    np.testing.assert_array_equal(np.asarray(a), an)
    # Two-dimensional with mixed indices.
    m = np.zeros((3, 4), np.float32)
    np.add.at(m, ([0, 0, 2], slice(1, 3)), 1.0)
    got = mx.zeros((3, 4)).at[mx.array([0, 0, 2]), 1:3].add(1.0)
    np.testing.assert_array_equal(np.asarray(got), m)


def test_at_needs_an_index():
    with pytest.raises(ValueError, match="Must give indices"):
        mx.array([1, 2]).at.add(1)


# ---- bad input --------------------------------------------------------------------------------

@pytest.mark.parametrize("idx", [1.0, 0.5, "x", True, 1j, {1: 2}])
def test_bad_index_types(idx):
    with pytest.raises(ValueError, match="Cannot index mlx array"):
        mx.zeros((3,))[idx]
    if idx is True:
        return   # assigning through a lone bool is a 0-d mask (test_zero_d_mask_assignment)
    x = mx.zeros((3,))
    with pytest.raises(ValueError, match="Cannot index mlx array"):
        x[idx] = 1


@pytest.mark.parametrize("make_mask", [lambda v: v, np.bool_, lambda v: mx.array(v)],
                         ids=["python", "numpy", "mlx"])
@pytest.mark.parametrize("flag", [True, False])
def test_zero_d_mask_assignment(make_mask, flag):
    # NumPy's rule (the reference follows it): a 0-d mask selects the whole array or nothing,
    # and the value broadcasts against the array's shape.
    a = mx.zeros((2, 3))
    ref = np.zeros((2, 3), np.float32)
    a[make_mask(flag)] = 5.0
    ref[np.bool_(flag)] = 5.0
    np.testing.assert_array_equal(np.asarray(a), ref)
    row = np.array([1.0, 2.0, 3.0], np.float32)
    a[make_mask(flag)] = mx.array(row)
    ref[np.bool_(flag)] = row
    np.testing.assert_array_equal(np.asarray(a), ref)
    assert a.dtype == mx.float32


def test_zero_d_mask_value_must_broadcast():
    a = mx.zeros((2, 3))
    with pytest.raises(ValueError):
        a[mx.array(True)] = mx.arange(6.0)
    np.testing.assert_array_equal(np.asarray(a), np.zeros((2, 3)))   # nothing was written


def test_mask_of_wrong_shape_is_index_and_value_error():
    # NumPy raises IndexError, the reference ValueError: code written for either catches it.
    a = mx.zeros((2, 3))
    for mask in (mx.array([True, False, True]), mx.array([[True, False]])):
        with pytest.raises(IndexError):
            a[mask] = 1.0
        with pytest.raises(ValueError):
            a[mask] = 1.0
        with pytest.raises(ValueError):
            a[mask]


@pytest.mark.parametrize("sl", [slice(1, 2 ** 31), slice(2 ** 31, None), slice(-2 ** 31 - 1, None),
                                slice(None, None, 2 ** 31), slice(1, 2 ** 40), slice(None, 2 ** 64),
                                slice(None, None, -2 ** 40)])
def test_huge_slice_bounds_clamp_as_python(sl):
    # Deliberate difference (docs/differences.md): bounds beyond 32 bits clamp as in Python and
    # NumPy instead of raising.
    x = np.arange(5, dtype=np.int32)
    np.testing.assert_array_equal(np.asarray(mx.array(x)[sl]), x[sl])
    y = mx.array(x)
    ref = x.copy()
    y[sl] = -1
    ref[sl] = -1
    np.testing.assert_array_equal(np.asarray(y), ref)


def test_float_slice_and_zero_step():
    x = mx.zeros((4,))
    with pytest.raises(ValueError, match="Slice indices must be integers"):
        x[0.5:2]
    with pytest.raises(ValueError, match="step cannot be zero"):
        x[::0]


def test_float_index_arrays():
    with pytest.raises(ValueError, match="integer or boolean"):
        mx.zeros((3,))[mx.array([0.0, 1.0])]
    with pytest.raises(ValueError, match="integer or boolean"):
        mx.zeros((3,))[[0, 1.5]]


def test_out_of_bounds_and_too_many():
    x = mx.zeros((2, 3))
    with pytest.raises(IndexError, match="out of bounds for axis 0 with size 2"):
        x[2]
    with pytest.raises(IndexError, match="out of bounds for axis 1 with size 3"):
        x[0, -4]
    with pytest.raises(IndexError):
        x[5] = 1
    with pytest.raises(ValueError, match="Too many indices"):
        x[0, 0, 0]
    with pytest.raises(ValueError, match="Too many indices"):
        mx.array(1.0)[0]
    with pytest.raises(ValueError, match="single ellipsis"):
        x[..., ...]


def test_masks_of_the_wrong_shape():
    x = mx.zeros((2, 3))
    with pytest.raises(IndexError, match="boolean index did not match"):
        x[mx.array([True, False, True])]
    with pytest.raises(IndexError, match="boolean index did not match"):
        x[mx.array([True, False, True])] = 1


def test_unbroadcastable_values():
    x = mx.zeros((2, 3, 4))
    with pytest.raises(ValueError, match="broadcast"):
        x[:, 0] = mx.array([1.0, 2.0, 3.0])
    with pytest.raises(ValueError, match="broadcast"):
        x[0, 0] = mx.zeros((2, 1, 4))
    with pytest.raises(ValueError, match="broadcast"):
        x[[0, 1], [0, 1]] = mx.zeros((3,))
    with pytest.raises(ValueError):
        x[0] = "x"
    assert x.shape == (2, 3, 4) and not np.asarray(x).any()   # failed assignments change nothing


def test_gradients_flow_through_indexing():
    # d/dx sum(2 * x[[0, 0, 1]]) counts each use of an element: [4, 2, 0].
    g = mx.grad(lambda x: (x[mx.array([0, 0, 1])] * 2).sum())(mx.ones((3,)))
    assert g.tolist() == [4.0, 2.0, 0.0]
    g = mx.grad(lambda x: x[1:, ::-1].sum())(mx.ones((3, 3)))
    assert g.tolist() == [[0.0] * 3, [1.0] * 3, [1.0] * 3]

    def overwrite_first(x):
        y = x * 1
        y[0] = 0.0
        return y.sum()
    assert mx.grad(overwrite_first)(mx.ones((3,))).tolist() == [0.0, 1.0, 1.0]


# ---- integer-array indices out of bounds ------------------------------------------------------
# libmlx reads/writes outside its buffers for such indices; index values already on the host
# (made from Python/NumPy data, or evaluated) are checked like Python ints (docs/differences.md).

# On the CUDA backend only index values converted from Python/NumPy in the call are checked (an
# array computed there lives in device memory; reading it on the host would move it).
CUDA_BUILD = mx.cuda.is_available()
host_indices_only = pytest.mark.skipif(
    CUDA_BUILD, reason="CUDA backend: index arrays of mlx are not read on the host (docs/differences.md)")


def _index_forms(values):
    forms = [values, np.array(values)]
    return forms if CUDA_BUILD else [mx.array(values)] + forms


@pytest.mark.parametrize("values", [[2], [-3], [0, 10 ** 6], [-(10 ** 6)]])
def test_out_of_bounds_index_arrays_raise_index_error(values):
    a = mx.arange(6).reshape(2, 3)
    ref = np.arange(6).reshape(2, 3)
    for idx in _index_forms(values):
        with pytest.raises(IndexError):
            ref[np.array(values)]          # the oracle agrees these are out of bounds
        with pytest.raises(IndexError, match="out of bounds for axis 0 with size 2"):
            a[idx]
        with pytest.raises(IndexError):
            a[idx] = 1
        with pytest.raises(IndexError):
            a.at[idx].add(1)
    np.testing.assert_array_equal(np.asarray(a), ref)   # failed writes changed nothing


@pytest.mark.parametrize("values", [[3], [-4], [1, 3]])
def test_out_of_bounds_index_arrays_on_a_later_axis(values):
    a = mx.arange(6).reshape(2, 3)
    for idx in _index_forms(values):
        with pytest.raises(IndexError, match="axis 1 with size 3"):
            a[:, idx]
        with pytest.raises(IndexError, match="axis 1 with size 3"):
            a[0, idx] = 7


@host_indices_only
def test_out_of_bounds_0d_index_array():
    a = mx.arange(6).reshape(2, 3)
    with pytest.raises(IndexError):
        a[mx.array(5)]


@host_indices_only
def test_out_of_bounds_take():
    a = mx.arange(6).reshape(2, 3)
    with pytest.raises(IndexError, match="flattened array with size 6"):
        mx.take(a, mx.array([10 ** 6]))
    with pytest.raises(IndexError):
        mx.take(a, mx.array([6]), axis=None)
    with pytest.raises(IndexError, match="axis 1 with size 3"):
        mx.take(a, mx.array([-4]), axis=1)
    with pytest.raises(IndexError):
        mx.take(a, mx.array([2], mx.uint8), axis=0)
    # in range, negative ones included, works as NumPy
    np.testing.assert_array_equal(np.asarray(mx.take(a, mx.array([-6, 5]))), np.take(np.arange(6), [-6, 5]))
    np.testing.assert_array_equal(np.asarray(mx.take(a, mx.array([-1, 0]), axis=1)),
                                  np.take(np.arange(6).reshape(2, 3), [-1, 0], axis=1))


@host_indices_only
def test_evaluated_index_arrays_are_checked_too():
    a = mx.arange(6)
    idx = mx.array([1]) + 9
    mx.eval(idx)
    with pytest.raises(IndexError):
        a[idx]


def test_at_subtract_on_bool_is_a_logical_update():
    # bool arithmetic: -v is v, so subtracting adds (logical or), as in the reference
    a = mx.array([False, False, True])
    np.testing.assert_array_equal(np.asarray(a.at[-1].subtract(2147483647)), [False, False, True])
    np.testing.assert_array_equal(np.asarray(a.at[0].subtract(True)), [True, False, True])


@pytest.mark.parametrize("dtype,value", [(mx.uint8, 300), (mx.uint8, -1), (mx.int8, 128), (mx.uint16, -3)])
def test_assigned_ints_must_fit_the_integer_dtype(dtype, value):
    a = mx.array([1, 2], dtype)
    with pytest.raises(ValueError, match="overflow"):
        a[0] = value
    with pytest.raises(ValueError, match="overflow"):
        a.at[0].add(value)
    np.testing.assert_array_equal(np.asarray(a), [1, 2])
