"""Shape manipulation, joining/splitting and indexing ops. NumPy is the oracle."""
import numpy as np
import pytest

import mlxcy as mx
from _device import cpu_only, libmlx_cuda, on_gpu
from _oracles import ALL_DTYPES, NP_DTYPES, check_equal, make, to_np


def arange_np(shape, dtype=np.int32):
    return np.arange(int(np.prod(shape)), dtype=dtype).reshape(shape)


A = arange_np((2, 3))


def a23():
    return mx.array(A)


# ---- reshape / flatten / unflatten --------------------------------------------------------

@pytest.mark.parametrize("src,dst", [((2, 3), (3, 2)), ((2, 3), (-1,)), ((6,), (1, 2, 3)), ((2, 3), [3, -1]),
                                     ((), (1, 1)), ((1,), ()), ((0, 3), (3, 0)), ((0, 3), (-1, 3))])
def test_reshape(src, dst):
    x = arange_np(src)
    check_equal(mx.reshape(mx.array(x), dst), x.reshape(dst), mx.int32)


@pytest.mark.parametrize("dtype", ALL_DTYPES)
def test_reshape_transpose_dtypes(dtype):
    x = arange_np((2, 3)) % 2
    a = make(x, dtype)
    npx = x.astype(NP_DTYPES[dtype])
    check_equal(mx.reshape(a, (3, 2)), npx.reshape(3, 2), dtype)
    check_equal(mx.transpose(a), npx.T, dtype)
    check_equal(mx.flatten(a), npx.ravel(), dtype)
    check_equal(mx.expand_dims(a, -1), npx[..., None], dtype)


def test_reshape_bad_input():
    a = a23()
    with pytest.raises(ValueError, match="reshape"):
        mx.reshape(a, (4, 2))
    with pytest.raises(ValueError, match="infer"):
        mx.reshape(a, (-1, -1))
    for bad_a in ([1, 2, 3, 4], np.arange(4), 3):
        with pytest.raises(TypeError):
            mx.reshape(bad_a, (2, 2))
    with pytest.raises(TypeError):
        mx.reshape(a, 6)
    with pytest.raises(TypeError):
        mx.reshape(a, (2.0, 3))


@pytest.mark.parametrize("shape,start,end", [((2, 3, 4), 0, -1), ((2, 3, 4), 1, -1), ((2, 3, 4), 0, 1),
                                             ((2, 3, 4), -2, 2), ((2, 3, 4), 1, 1), ((2, 3, 4), -5, -1),
                                             ((), 0, -1), ((2, 0, 3), 0, 1)])
def test_flatten(shape, start, end):
    x = arange_np(shape)
    nd = max(x.ndim, 1)
    s, e = max(start % nd if start >= -nd else 0, 0), end % nd
    expected = x.reshape(x.shape[:s] + (-1,) + x.shape[e + 1:]) if x.ndim else x.reshape(1)
    check_equal(mx.flatten(mx.array(x), start, end), expected, mx.int32)
    check_equal(mx.flatten(mx.array(x), start_axis=start, end_axis=end), expected, mx.int32)


def test_flatten_bad_input():
    with pytest.raises(ValueError, match="start_axis"):
        mx.flatten(a23(), 1, 0)
    with pytest.raises(TypeError):
        mx.flatten([[1, 2]])
    with pytest.raises(TypeError):
        mx.flatten(a23(), 2.5)


def test_unflatten():
    x = arange_np((2, 6))
    check_equal(mx.unflatten(mx.array(x), 1, (2, 3)), x.reshape(2, 2, 3), mx.int32)
    check_equal(mx.unflatten(mx.array(x), -1, (-1, 3)), x.reshape(2, 2, 3), mx.int32)
    check_equal(mx.unflatten(mx.array(x), 0, (1, 2)), x.reshape(1, 2, 6), mx.int32)
    with pytest.raises(ValueError):
        mx.unflatten(mx.arange(6), 0, (4, 3))
    with pytest.raises(ValueError):
        mx.unflatten(mx.arange(6), 0, (-1, -1))
    with pytest.raises(ValueError, match="empty"):
        mx.unflatten(mx.arange(6), 0, ())
    with pytest.raises(IndexError):
        mx.unflatten(mx.arange(6), 1, (2, 3))
    with pytest.raises(TypeError):
        mx.unflatten([1, 2], 0, (2, 1))


# ---- squeeze / expand_dims ----------------------------------------------------------------

@pytest.mark.parametrize("axis", [None, 0, -1, (0, 2), [0], (0, -1)])
def test_squeeze(axis):
    x = arange_np((1, 2, 1))
    np_axis = tuple(axis) if isinstance(axis, list) else axis
    check_equal(mx.squeeze(mx.array(x), axis), np.squeeze(x, np_axis), mx.int32)


def test_squeeze_edge_and_bad_input():
    check_equal(mx.squeeze(mx.array(5)), np.array(5), mx.int32)
    check_equal(mx.squeeze(mx.zeros((1, 0, 1))), np.zeros((0,)), mx.float32)
    z = mx.zeros((1, 2, 1))
    with pytest.raises(ValueError, match="squeeze"):
        mx.squeeze(z, 1)
    with pytest.raises(IndexError):
        mx.squeeze(z, 5)
    with pytest.raises(ValueError, match="duplicate"):
        mx.squeeze(z, (0, 0))
    with pytest.raises(TypeError):
        mx.squeeze(z, (0.0,))
    with pytest.raises(TypeError):
        mx.squeeze([[1]])


@pytest.mark.parametrize("shape,axis", [((2, 3), 0), ((2, 3), -1), ((2, 3), (0, -1)), ((2, 3), [1, 2]),
                                        ((), 0), ((), (0, 1)), ((0,), 1)])
def test_expand_dims(shape, axis):
    x = arange_np(shape)
    np_axis = tuple(axis) if isinstance(axis, list) else axis
    check_equal(mx.expand_dims(mx.array(x), axis), np.expand_dims(x, np_axis), mx.int32)


def test_expand_dims_bad_input():
    with pytest.raises(IndexError):
        mx.expand_dims(a23(), 5)
    with pytest.raises(ValueError, match="duplicate"):
        mx.expand_dims(a23(), (0, 0))
    with pytest.raises(TypeError):
        mx.expand_dims(a23(), None)
    with pytest.raises(TypeError):
        mx.expand_dims([1], 0)


# ---- transposes ---------------------------------------------------------------------------

@pytest.mark.parametrize("axes", [None, (1, 0, 2), (2, 0, 1), [-1, 0, 1], (0, 1, 2)])
def test_transpose(axes):
    x = arange_np((2, 3, 4))
    check_equal(mx.transpose(mx.array(x), axes), np.transpose(x, axes), mx.int32)
    check_equal(mx.permute_dims(mx.array(x), axes=axes), np.transpose(x, axes), mx.int32)


def test_transpose_edges_and_bad_input():
    check_equal(mx.transpose(mx.array(3)), np.array(3), mx.int32)
    check_equal(mx.transpose(mx.zeros((0, 2))), np.zeros((2, 0)), mx.float32)
    a = a23()
    with pytest.raises(ValueError):
        mx.transpose(a, [0])
    with pytest.raises(ValueError, match="Repeat"):
        mx.transpose(a, (0, 0))
    with pytest.raises(IndexError):
        mx.transpose(a, (0, 2))
    with pytest.raises(TypeError):
        mx.transpose(a, 1)
    with pytest.raises(TypeError):
        mx.transpose([[1, 2]])


def test_matrix_transpose_swapaxes_moveaxis():
    x = arange_np((2, 3, 4))
    a = mx.array(x)
    check_equal(mx.matrix_transpose(a), np.swapaxes(x, -1, -2), mx.int32)
    check_equal(mx.swapaxes(a, 0, 2), np.swapaxes(x, 0, 2), mx.int32)
    check_equal(mx.swapaxes(a, axis1=-1, axis2=0), np.swapaxes(x, -1, 0), mx.int32)
    check_equal(mx.moveaxis(a, 0, -1), np.moveaxis(x, 0, -1), mx.int32)
    check_equal(mx.moveaxis(a, source=2, destination=0), np.moveaxis(x, 2, 0), mx.int32)
    with pytest.raises(ValueError, match="2 dimensions"):
        mx.matrix_transpose(mx.zeros((2,)))
    with pytest.raises(IndexError):
        mx.swapaxes(a23(), 0, 2)
    with pytest.raises(IndexError):
        mx.moveaxis(a23(), 0, 3)
    with pytest.raises(TypeError):
        mx.swapaxes(a23(), 0.0, 1)
    for fn, args in ((mx.matrix_transpose, ()), (mx.swapaxes, (0, 1)), (mx.moveaxis, (0, 1))):
        with pytest.raises(TypeError):
            fn([[1, 2]], *args)


# ---- broadcasting -------------------------------------------------------------------------

def test_broadcast_to():
    check_equal(mx.broadcast_to(3, (2,)), [3, 3], mx.int32)
    check_equal(mx.broadcast_to(3.0, (2, 2)), np.full((2, 2), 3.0), mx.float32)
    check_equal(mx.broadcast_to(True, (2,)), [True, True], mx.bool_)
    check_equal(mx.broadcast_to(np.array([1, 2], dtype=np.int32), (2, 2)), [[1, 2], [1, 2]], mx.int32)
    x = arange_np((3, 1))
    check_equal(mx.broadcast_to(mx.array(x), (2, 3, 4)), np.broadcast_to(x, (2, 3, 4)), mx.int32)
    check_equal(mx.broadcast_to(mx.array(x), (3, 0)), np.broadcast_to(x, (3, 0)), mx.int32)
    with pytest.raises(ValueError, match="broadcast"):
        mx.broadcast_to(a23(), (3, 3))
    with pytest.raises(ValueError, match="list"):
        mx.broadcast_to([1, 2], (2, 2))
    with pytest.raises(TypeError):
        mx.broadcast_to(a23(), 6)


def test_broadcast_arrays():
    x, y = arange_np((2, 1)), arange_np((3,))
    got = mx.broadcast_arrays(mx.array(x), mx.array(y).astype(mx.float16))
    want = np.broadcast_arrays(x, y)
    assert len(got) == 2
    check_equal(got[0], want[0], mx.int32)
    check_equal(got[1], want[1], mx.float16)
    assert list(mx.broadcast_arrays()) == []
    (single,) = mx.broadcast_arrays(mx.zeros((2,)))
    assert single.shape == (2,)
    with pytest.raises(ValueError, match="broadcast"):
        mx.broadcast_arrays(mx.zeros((2,)), mx.zeros((3,)))
    with pytest.raises(RuntimeError):
        mx.broadcast_arrays(mx.zeros((2, 1)), 1)


@pytest.mark.parametrize("shapes", [[(2, 1), (3,)], [(2, 1), [3]], [(2, 1)], [(2,), (1, 2), ()],
                                    [(5, 1, 4), (3, 1), (1,)], [(0,), (1,)]])
def test_broadcast_shapes(shapes):
    got = mx.broadcast_shapes(*shapes)
    assert isinstance(got, tuple)
    assert got == np.broadcast_shapes(*[tuple(s) for s in shapes])


def test_broadcast_shapes_bad_input():
    with pytest.raises(ValueError, match="at least one"):
        mx.broadcast_shapes()
    with pytest.raises(ValueError, match="broadcast"):
        mx.broadcast_shapes((2,), (3,))
    with pytest.raises(RuntimeError):
        mx.broadcast_shapes(2, 3)
    with pytest.raises(RuntimeError):
        mx.broadcast_shapes((2.0,))


@pytest.mark.parametrize("n", [1, 2, 3])
@pytest.mark.parametrize("shape", [(), (3,), (2, 3), (2, 3, 4)])
def test_atleast(n, shape):
    x = arange_np(shape)
    fn, npfn = getattr(mx, f"atleast_{n}d"), getattr(np, f"atleast_{n}d")
    check_equal(fn(mx.array(x)), npfn(x), mx.int32)
    both = fn(mx.array(x), mx.array(x))
    assert isinstance(both, list) and len(both) == 2
    check_equal(both[1], npfn(x), mx.int32)


def test_atleast_bad_input():
    assert mx.atleast_1d() == []
    with pytest.raises(RuntimeError):
        mx.atleast_1d(1)
    with pytest.raises(RuntimeError):
        mx.atleast_2d([1, 2])


# ---- joining and splitting ----------------------------------------------------------------

@pytest.mark.parametrize("axis", [0, 1, -1, None])
def test_concatenate(axis):
    x, y = arange_np((2, 3)), arange_np((2, 3)) + 10
    if axis is None:
        want = np.concatenate([x.ravel(), y.ravel()])
    else:
        want = np.concatenate([x, y], axis)
    check_equal(mx.concatenate([mx.array(x), mx.array(y)], axis), want, mx.int32)
    check_equal(mx.concat((mx.array(x), mx.array(y)), axis=axis), want, mx.int32)


@pytest.mark.parametrize("d1,d2,dout", [(mx.int8, mx.float16, mx.float16), (mx.uint8, mx.int8, mx.int16),
                                        (mx.bool_, mx.int32, mx.int32), (mx.float32, mx.complex64, mx.complex64),
                                        (mx.bfloat16, mx.float16, mx.float32), cpu_only(mx.int64, mx.float64, mx.float64)])
def test_concatenate_stack_promote(d1, d2, dout):
    a, b = make([1, 0], d1), make([0, 1, 1], d2)
    check_equal(mx.concatenate([a, b]), np.array([1, 0, 0, 1, 1]).astype(NP_DTYPES[dout]), dout)
    check_equal(mx.stack([a, make([0, 1], d2)]), np.array([[1, 0], [0, 1]]).astype(NP_DTYPES[dout]),
          dout)


def test_concatenate_edges_and_bad_input():
    a = a23()
    check_equal(mx.concatenate([a]), A, mx.int32)
    check_equal(mx.concatenate(a), A.ravel(), mx.int32)   # an array is a sequence of its rows
    check_equal(mx.concatenate([mx.zeros((0, 3)), mx.ones((1, 3))]), np.ones((1, 3)), mx.float32)
    with pytest.raises(ValueError, match="dimensions must match"):
        mx.concatenate([a, mx.zeros((2, 2))])
    with pytest.raises(ValueError):
        mx.concatenate([a, mx.zeros((3,))])
    with pytest.raises(IndexError):
        mx.concatenate([a, a], 2)
    with pytest.raises(ValueError, match="No arrays"):
        mx.concatenate([])
    with pytest.raises(TypeError):
        mx.concatenate([a, [[1, 2, 3]]])
    with pytest.raises(TypeError):
        mx.concatenate([a, a], 1.0)


@pytest.mark.parametrize("axis", [0, 1, 2, -1, None])
def test_stack(axis):
    x, y = arange_np((2, 3)), arange_np((2, 3)) + 10
    got = mx.stack([mx.array(x), mx.array(y)], axis)
    check_equal(got, np.stack([x, y], 0 if axis is None else axis), mx.int32)


def test_stack_bad_input():
    a = a23()
    with pytest.raises(IndexError):
        mx.stack([a, a], 3)
    with pytest.raises(ValueError, match="same shape"):
        mx.stack([a, mx.zeros((3, 2))])
    with pytest.raises(ValueError, match="No arrays"):
        mx.stack([])
    with pytest.raises(TypeError):
        mx.stack([1, 2])


@pytest.mark.parametrize("axis", [0, 1, -1])
def test_unstack(axis):
    x = arange_np((2, 3))
    got = mx.unstack(mx.array(x), axis=axis)
    assert isinstance(got, tuple)
    want = [np.take(x, i, axis) for i in range(x.shape[axis])]
    assert len(got) == len(want)
    for g, w in zip(got, want):
        check_equal(g, w, mx.int32)


def test_unstack_bad_input():
    with pytest.raises(IndexError):
        mx.unstack(a23(), axis=2)
    with pytest.raises(IndexError):
        mx.unstack(mx.array(1))
    with pytest.raises(TypeError):
        mx.unstack(a23(), 1)   # axis is keyword-only


@pytest.mark.parametrize("arg,axis", [(3, 0), (2, 0), (1, 0), ([1, 4], 0), ((1, 4), 0), ([4, 1], 0), ([], 0),
                                      ([10], 0), ([-2], 0), (3, 1), ([1], -1), (2, -2), (2, 1)])
def test_split(arg, axis):
    x = arange_np((6, 6))
    if axis == 1 and arg == 2:
        x = arange_np((6, 4))
    got = mx.split(mx.array(x), arg, axis)
    want = np.split(x, arg, axis)
    assert isinstance(got, list) and len(got) == len(want)
    for g, w in zip(got, want):
        check_equal(g, w, mx.int32)


def test_split_indices_from_array():
    got = mx.split(mx.arange(6), mx.array([1, 2]))
    for g, w in zip(got, np.split(np.arange(6), [1, 2])):
        check_equal(g, w, mx.int32)


def test_split_bad_input():
    with pytest.raises(ValueError, match="equal size"):
        mx.split(mx.arange(6), 4)
    with pytest.raises(ValueError, match="num_splits"):
        mx.split(mx.arange(6), 0)
    with pytest.raises(ValueError, match="num_splits"):
        mx.split(mx.arange(6), -1)
    with pytest.raises(IndexError):
        mx.split(a23(), 3, 2)
    with pytest.raises(IndexError):
        mx.split(mx.array(1), 1)
    with pytest.raises(TypeError):
        mx.split(mx.arange(6), 2.0)
    with pytest.raises(TypeError):
        mx.split([1, 2], 2)


@pytest.mark.parametrize("reps", [2, (2,), (2, 1), (1, 3), (2, 1, 2), (0,), [3]])
def test_tile(reps):
    check_equal(mx.tile(a23(), reps), np.tile(A, reps), mx.int32)


def test_tile_bad_input():
    with pytest.raises(ValueError, match="Negative"):
        mx.tile(a23(), -1)
    with pytest.raises(TypeError):
        mx.tile([1, 2], 2)
    with pytest.raises(TypeError):
        mx.tile(a23(), reps=2)   # positional-only


@pytest.mark.parametrize("repeats,axis", [(2, None), (2, 0), (2, 1), (0, 1), (3, -1), (1, None)])
def test_repeat(repeats, axis):
    check_equal(mx.repeat(a23(), repeats, axis), np.repeat(A, repeats, axis), mx.int32)
    check_equal(mx.repeat(a23(), repeats=repeats, axis=axis), np.repeat(A, repeats, axis), mx.int32)


def test_repeat_bad_input():
    with pytest.raises(ValueError, match="negative"):
        mx.repeat(a23(), -1)
    with pytest.raises(IndexError):
        mx.repeat(a23(), 2, 3)
    with pytest.raises(TypeError):
        mx.repeat([1, 2], 2)
    with pytest.raises(TypeError):
        mx.repeat(a23(), [1, 2], 0)
    with pytest.raises(TypeError):
        mx.repeat(a23(), 2.0)


# ---- pad ----------------------------------------------------------------------------------

PAD_WIDTHS = [(1, 1), ((1,), 1), ((1, 2), (1, 2)), ([(1, 2), (0, 1)], [(1, 2), (0, 1)]),
              (((1, 2), (0, 1)), ((1, 2), (0, 1))), ([(1, 2)], (1, 2)), ([1, 2], (1, 2)),
              ([[1, 2], [0, 1]], [(1, 2), (0, 1)]), (0, 0)]


@pytest.mark.parametrize("mode", ["constant", "edge", "reflect", "symmetric"])
@pytest.mark.parametrize("width,np_width", PAD_WIDTHS)
def test_pad_modes(mode, width, np_width):
    x = arange_np((3, 4))
    check_equal(mx.pad(mx.array(x), width, mode), np.pad(x, np_width, mode), mx.int32)


def test_pad_wide_reflect_and_edges():
    x = arange_np((2, 3))
    check_equal(mx.pad(mx.array(x), [(0, 0), (2, 2)], "reflect"), np.pad(x, [(0, 0), (2, 2)], "reflect"), mx.int32)
    check_equal(mx.pad(mx.array(x), 2, "symmetric"), np.pad(x, 2, "symmetric"), mx.int32)
    check_equal(mx.pad(mx.zeros((0, 3)), 1), np.zeros((2, 5)), mx.float32)


@libmlx_cuda("Pad of a 0-d array leaves the pad value instead of the element")
def test_pad_0d_is_identity():
    check_equal(mx.pad(mx.array(7), 1), np.array(7), mx.int32)   # 0-d: nothing to pad


@pytest.mark.parametrize("dtype", ALL_DTYPES)
def test_pad_dtypes(dtype):
    x = arange_np((2, 2)) % 2
    got = mx.pad(make(x, dtype), 1, constant_values=1)
    check_equal(got, np.pad(x, 1, constant_values=1).astype(NP_DTYPES[dtype]), dtype)


def test_pad_constant_values_cast_to_array_dtype():
    check_equal(mx.pad(a23(), 1, constant_values=7.5), np.pad(A, 1, constant_values=7), mx.int32)
    check_equal(mx.pad(a23(), 1, constant_values=mx.array(2.5)), np.pad(A, 1, constant_values=2), mx.int32)
    check_equal(mx.pad(mx.zeros((2,), mx.float16), 1, constant_values=1e6), [np.inf, 0, 0, np.inf], mx.float16)
    check_equal(mx.pad(mx.zeros((2,), mx.bool_), 1, constant_values=2), [True, False, False, True], mx.bool_)
    check_equal(mx.pad(mx.array([1.0, 2.0]), (1, 0), "constant", -1.5), [-1.5, 1, 2], mx.float32)


def test_pad_bad_input():
    a = a23()
    with pytest.raises(ValueError, match="padding sizes"):
        mx.pad(a, [(1, 2), (0, 1), (1, 1)])
    with pytest.raises(ValueError, match="mode"):
        mx.pad(a, 1, "wrap")
    with pytest.raises(ValueError, match="non-negative"):
        mx.pad(a, -1)
    with pytest.raises(ValueError, match="overflow"):
        mx.pad(mx.zeros((2,), mx.int8), 1, constant_values=1000)
    with pytest.raises(ValueError, match="list"):
        mx.pad(a, 1, constant_values=[1, 2])
    for bad in ((1, 2, 3), 1.5, ((1,), (2,)), [(1, 2, 3)]):
        with pytest.raises(TypeError):
            mx.pad(a, bad)
    with pytest.raises(TypeError):
        mx.pad([1, 2], 1)


# ---- roll / flip / diag / diagonal --------------------------------------------------------

@pytest.mark.parametrize("shift,axis", [(1, None), (-7, None), (1, 1), (1, (0, 1)), ((1, 2), (0, 1)),
                                        ([1, 2], [0, 1]), ((1, 2), None), (4, -1), (0, 0)])
def test_roll(shift, axis):
    np_axis = tuple(axis) if isinstance(axis, list) else axis
    np_shift = tuple(shift) if isinstance(shift, list) else shift
    check_equal(mx.roll(a23(), shift, axis), np.roll(A, np_shift, np_axis), mx.int32)


@pytest.mark.parametrize("shift,axis", [((1, 1), 0), ((1, 2), 1), ([2, 3, 4], -1), ((), 1), ((5,), 0)])
def test_roll_several_shifts_on_one_axis_add_up(shift, axis):
    # NumPy broadcasts the shifts against the one axis; each shift applies in turn.
    check_equal(mx.roll(a23(), shift, axis), np.roll(A, sum(shift), axis), mx.int32)


def test_roll_one_shift_per_axis_needed():
    # a 1-sequence of shifts is not one int: two axes need two shifts (as in the reference)
    with pytest.raises(ValueError, match="shift"):
        mx.roll(a23(), (1,), (0, 1))
    check_equal(mx.roll(a23(), 1, (0, 1)), np.roll(A, (1, 1), (0, 1)), mx.int32)


def test_roll_keywords_and_bad_input():
    check_equal(mx.roll(a23(), shift=1, axis=0), np.roll(A, 1, 0), mx.int32)
    check_equal(mx.roll(mx.array(3), 2), np.array(3), mx.int32)
    with pytest.raises(IndexError):
        mx.roll(a23(), 1, 2)
    with pytest.raises(ValueError, match="shift"):
        mx.roll(a23(), [1, 2], (0, 1, 1))
    with pytest.raises(TypeError):
        mx.roll([1, 2], 1)
    with pytest.raises(TypeError):
        mx.roll(a23(), 1.5)


@pytest.mark.parametrize("axis", [None, 0, 1, -1, (0, 1), [0]])
def test_flip(axis):
    np_axis = tuple(axis) if isinstance(axis, list) else axis
    check_equal(mx.flip(a23(), axis), np.flip(A, np_axis), mx.int32)


def test_flip_edges_and_bad_input():
    check_equal(mx.flip(mx.array(1)), np.array(1), mx.int32)
    with pytest.raises(IndexError):
        mx.flip(a23(), 2)
    with pytest.raises(TypeError):
        mx.flip([1, 2])


@pytest.mark.parametrize("shape", [(3,), (3, 3), (2, 4), (4, 2)])
@pytest.mark.parametrize("k", [-1, 0, 1, 5])
def test_diag(shape, k):
    x = arange_np(shape) + 1
    check_equal(mx.diag(mx.array(x), k), np.diag(x, k), mx.int32)
    check_equal(mx.diag(mx.array(x), k=k), np.diag(x, k), mx.int32)


def test_diag_bad_input():
    with pytest.raises(ValueError, match="1-D or 2-D"):
        mx.diag(mx.array(1))
    with pytest.raises(ValueError, match="1-D or 2-D"):
        mx.diag(mx.zeros((2, 2, 2)))
    with pytest.raises(TypeError):
        mx.diag([1, 2])


@pytest.mark.parametrize("offset,axis1,axis2", [(0, 0, 1), (1, 0, 1), (-1, 0, 1), (0, 1, 2), (1, 2, 0),
                                                (0, -1, -2), (5, 0, 1)])
def test_diagonal(offset, axis1, axis2):
    x = arange_np((3, 4, 5))
    check_equal(mx.diagonal(mx.array(x), offset, axis1, axis2), np.diagonal(x, offset, axis1, axis2), mx.int32)


def test_diagonal_bad_input():
    with pytest.raises(ValueError, match="same axis"):
        mx.diagonal(a23(), 0, 0, 0)
    with pytest.raises(IndexError):
        mx.diagonal(a23(), 0, 0, 2)
    with pytest.raises(ValueError, match="two dimensions"):
        mx.diagonal(mx.zeros((2,)))
    with pytest.raises(TypeError):
        mx.diagonal([[1, 2]])


# ---- as_strided / view / contiguous -------------------------------------------------------

@pytest.mark.parametrize("shape,strides,offset", [((2, 2), (1, 1), 0), ((2, 2), (1, 1), 2), ((3,), (2,), 0),
                                                  ((2, 3), (1, 2), 0), ((2,), (-1,), 3), ((2, 2), (0, 1), 1)])
def test_as_strided(shape, strides, offset):
    x = np.arange(6, dtype=np.int32)
    want = np.lib.stride_tricks.as_strided(x[offset:], shape, [s * 4 for s in strides]) if strides[0] >= 0 \
        else np.array([x[offset - i] for i in range(shape[0])])
    check_equal(mx.as_strided(mx.array(x), shape, strides, offset), want, mx.int32)


def test_as_strided_defaults_and_bad_input():
    x = mx.reshape(mx.arange(6), (2, 3))
    check_equal(mx.as_strided(x), A, mx.int32)
    check_equal(mx.as_strided(x, (3,)), [0, 1, 2], mx.int32)
    check_equal(mx.as_strided(x, (2, 2)), [[0, 1], [2, 3]], mx.int32)
    check_equal(mx.as_strided(x, None, (1, 2)), np.arange(6).reshape(3, 2).T, mx.int32)
    with pytest.raises(ValueError, match="Negative"):
        mx.as_strided(mx.arange(6), (-1,), (1,))
    with pytest.raises(TypeError):
        mx.as_strided([1], (1,), (1,))


@pytest.mark.parametrize("src,dst", [(mx.int32, mx.uint8), (mx.int32, mx.int16), (mx.int32, mx.float32),
                                     (mx.float32, mx.int32), cpu_only(mx.int64, mx.float64), (mx.int32, mx.bool_),
                                     (mx.float16, mx.int16), (mx.uint8, mx.int8), (mx.int32, mx.bfloat16)])
def test_view(src, dst):
    x = (np.arange(8).reshape(2, 4) * 37 - 60).astype(NP_DTYPES[src])
    a = mx.array(x) if src != mx.float16 else make(x, mx.float16)
    want_np = x.view(np.uint16 if dst == mx.bfloat16 else NP_DTYPES[dst])
    got = mx.view(a, dst)
    assert got.dtype == dst and got.shape == want_np.shape
    if dst == mx.bfloat16:
        # bfloat16 is the top half of float32: widen the raw bits and compare as float32
        want = (want_np.astype(np.uint32) << 16).view(np.float32)
        np.testing.assert_array_equal(np.array(got.astype(mx.float32)), want)
    else:
        np.testing.assert_array_equal(np.array(got), want_np)


def test_view_scalars_and_bad_input():
    check_equal(mx.view(1.0, mx.int32), np.array(np.float32(1.0).view(np.int32)), mx.int32)
    check_equal(mx.view(np.float32(1), mx.int32), np.array(np.float32(1.0).view(np.int32)), mx.int32)
    with pytest.raises(ValueError, match="multiple"):
        mx.view(mx.arange(3), mx.int64)
    with pytest.raises(ValueError, match="list"):
        mx.view([1, 2], mx.int32)


def test_contiguous():
    t = mx.transpose(a23())
    check_equal(mx.contiguous(t), A.T, mx.int32)
    check_equal(mx.contiguous(t, True), A.T, mx.int32)
    check_equal(mx.contiguous(a23(), allow_col_major=True), A, mx.int32)
    with pytest.raises(TypeError):
        mx.contiguous([1])


# ---- slice / slice_update -----------------------------------------------------------------

def test_slice():
    x = arange_np((4, 5))
    a = mx.array(x)
    check_equal(mx.slice(a, mx.array([1, 2]), (0, 1), (2, 3)), x[1:3, 2:5], mx.int32)
    check_equal(mx.slice(a, mx.array([3]), [1], [4, 2]), x[:, 3:5], mx.int32)
    check_equal(mx.slice(a, mx.array([1, 0]), (-1, 0), (2, 2)), x[0:2, 1:3], mx.int32)
    check_equal(mx.slice(a, mx.array([0, 0], mx.uint8), (0, 1), (0, 2)), x[0:0, 0:2], mx.int32)


def test_slice_bad_input():
    a = a23()
    with pytest.raises(ValueError, match="slice size"):
        mx.slice(a, mx.array([1]), (0,), (1,))
    with pytest.raises(ValueError, match="does not match"):
        mx.slice(a, mx.array([1, 0]), (0,), (1, 3))
    with pytest.raises(IndexError):
        mx.slice(a, mx.array([0]), (3,), (1, 3))
    with pytest.raises(ValueError, match="integers"):
        mx.slice(a, mx.array([0.0]), (0,), (1, 3))
    with pytest.raises(TypeError):
        mx.slice(a, [1], (0,), (1, 3))


def test_slice_update():
    x = arange_np((3, 4))
    want = x.copy()
    want[1:2, 1:3] = [[90, 91]]
    got = mx.slice_update(mx.array(x), mx.array([[90, 91]]), mx.array([1, 1]), (0, 1))
    check_equal(got, want, mx.int32)
    want = x.copy()
    want[2:3, :] = 9
    check_equal(mx.slice_update(mx.array(x), mx.array([[9.5, 9, 9, 9]]), mx.array([2]), (0,)), want, mx.int32)
    # the source is not modified
    src = mx.array(x)
    mx.slice_update(src, mx.zeros((1, 4), mx.int32), mx.array([0]), (0,))
    check_equal(src, x, mx.int32)


def test_slice_update_bad_input():
    a = a23()
    with pytest.raises(ValueError, match="does not match"):
        mx.slice_update(a, mx.array([[9, 9]]), mx.array([1, 0]), (0,))
    with pytest.raises(TypeError):
        mx.slice_update(a, 9, mx.array([1]), (0,))
    with pytest.raises(TypeError):
        mx.slice_update(a, [[9, 9, 9]], mx.array([1]), (0,))


# start arrays are read on the host only where they live there: on the CPU backend (on the CUDA
# backend an array may live in device memory, and reading it would move it; docs/differences.md)
host_start_values = pytest.mark.skipif(mx.cuda.is_available(),
                                       reason="CUDA backend: start arrays of mlx are not read on the host")


@host_start_values
@pytest.mark.parametrize("start", [[3, 0], [0, 4], [-1, 0], [100, 0]])
def test_slice_window_outside_the_array_raises(start):
    # libmlx reads outside the array for these (issue 17); a window that fits still works
    x = arange_np((4, 5))
    with pytest.raises(ValueError, match="does not fit"):
        mx.slice(mx.array(x), mx.array(start), (0, 1), (2, 2))
    check_equal(mx.slice(mx.array(x), mx.array([2, 3]), (0, 1), (2, 2)), x[2:4, 3:5], mx.int32)


@host_start_values
@pytest.mark.parametrize("update,start", [((2, 2), [3, 3]), ((1, 4), [3, 2]), ((2, 2), [-1, 0]),
                                          ((1, 1), [4, 0])])
def test_slice_update_window_outside_the_array_raises(update, start):
    # libmlx writes outside the array for these (heap corruption, issue 17)
    x = arange_np((4, 4))
    with pytest.raises(ValueError, match="does not fit"):
        mx.slice_update(mx.array(x), mx.ones(update, mx.int32), mx.array(start), (0, 1))


@pytest.mark.parametrize("update", [(1, 2, 2), (2, 0, 3), (1,) * 9])
def test_slice_update_with_more_dimensions_than_the_array_raises(update):
    with pytest.raises(ValueError, match="more than"):
        mx.slice_update(mx.zeros((4, 4)), mx.ones(update), mx.array([0, 0]), (0, 1))


def test_slice_update_windows_that_fit_at_the_edges():
    x = arange_np((4, 4))
    want = x.copy()
    want[3, 0:4] = 7
    check_equal(mx.slice_update(mx.array(x), mx.full((1, 4), 7, mx.int32), mx.array([3, 0]), (0, 1)), want, mx.int32)
    want = x.copy()
    want[1:3, 2:4] = 5                    # a 1-D update aligns with the trailing axis
    check_equal(mx.slice_update(mx.array(x), mx.full((2,), 5, mx.int32), mx.array([1, 2]), (0, 1))[1:3],
          np.concatenate([want[1:2], x[2:3]]), mx.int32)


# ---- take / take_along_axis / put_along_axis ----------------------------------------------

@pytest.mark.parametrize("indices,axis", [(1, None), (5, None), (1, 1), (0, 0), (-1, None), (-2, 1),
                                          (True, None)])
def test_take_int(indices, axis):
    check_equal(mx.take(a23(), indices, axis), np.take(A, int(indices), axis), mx.int32)


@pytest.mark.parametrize("indices,axis", [([0, 2], 1), ([[0, 1]], 0), ([1, 1, 0], None), ([-1, 0], 1),
                                          (0, 1), ([], 0)])
def test_take_array(indices, axis):
    ind = np.array(indices, dtype=np.int32)
    check_equal(mx.take(a23(), mx.array(ind), axis), np.take(A, ind, axis), mx.int32)


@pytest.mark.parametrize("dtype", ALL_DTYPES)
def test_take_dtypes(dtype):
    x = arange_np((2, 3)) % 2
    got = mx.take(make(x, dtype), mx.array([2, 0]), 1)
    check_equal(got, np.take(x, [2, 0], 1).astype(NP_DTYPES[dtype]), dtype)


def test_take_index_dtypes_and_0d():
    check_equal(mx.take(a23(), mx.array([1], mx.uint8)), [1], mx.int32)
    check_equal(mx.take(mx.array(1), 0), np.array(1), mx.int32)
    check_equal(mx.take(a23(), indices=1), np.array(1), mx.int32)


def test_take_bad_input():
    a = a23()
    with pytest.raises(ValueError, match="out of bounds"):
        mx.take(a, 7)
    with pytest.raises(ValueError, match="out of bounds"):
        mx.take(a, 5, 1)
    with pytest.raises(IndexError):
        mx.take(a, 1, 3)
    with pytest.raises(IndexError):
        mx.take(mx.array(1), 0, 0)
    with pytest.raises(ValueError, match="integral"):
        mx.take(a, mx.array([0.5]))
    for bad in ([0, 2], np.array([0, 2])):
        with pytest.raises(TypeError):
            mx.take(a, bad, 1)
    with pytest.raises(TypeError):
        mx.take([1, 2], 1)
    with pytest.raises(TypeError):
        mx.take(a, 1, 1.0)


@pytest.mark.parametrize("ind,axis", [([[0], [1]], 1), ([[0, 2, 1], [1, 1, 0]], 1), ([[1, 0, 1]], 0),
                                      ([[2], [0]], -1), ([0, 5, 3], None)])
def test_take_and_put_along_axis(ind, axis):
    ind = np.array(ind, dtype=np.int32)
    a, mi = a23(), mx.array(ind)
    check_equal(mx.take_along_axis(a, mi, axis), np.take_along_axis(A, ind, axis), mx.int32)
    vals = (np.arange(ind.size, dtype=np.int32) + 100).reshape(ind.shape)
    want = A.copy()
    np.put_along_axis(want, ind, vals, axis)
    got = mx.put_along_axis(a, mi, mx.array(vals), axis)
    if not on_gpu():
        check_equal(got, want, mx.int32)      # the CPU writes duplicate indices in order: the last stays
        return
    # A GPU scatter writes duplicate indices in no set order: any of the values written to a
    # position may stay there; positions nobody writes keep their value.
    assert got.dtype == mx.int32 and got.shape == want.shape
    flat_axis = axis if axis is not None else 0
    src = A if axis is not None else A.reshape(-1)
    candidates = {}
    for pos in np.ndindex(ind.shape):
        target = list(pos)
        target[flat_axis] = ind[pos]
        candidates.setdefault(tuple(target), set()).add(int(vals[pos]))
    out = to_np(got).reshape(src.shape)
    for pos in np.ndindex(src.shape):
        assert out[pos] in candidates.get(pos, {int(src[pos])}), (pos, out)


def test_take_along_axis_defaults_and_bad_input():
    a = a23()
    ind = mx.array([[0], [1]])
    check_equal(mx.take_along_axis(a, ind), np.take_along_axis(A, np.array([[0], [1]]), -1), mx.int32)
    with pytest.raises(IndexError):
        mx.take_along_axis(a, ind, 2)
    with pytest.raises(ValueError, match="dimension"):
        mx.take_along_axis(a, mx.array([0]), 1)
    with pytest.raises(TypeError):
        mx.take_along_axis(a, [[0], [1]], 1)
    # put_along_axis defaults to axis=None (flattened), where 2-D indices do not fit
    with pytest.raises(ValueError, match="dimension"):
        mx.put_along_axis(a, ind, mx.array([[9], [9]]))
    for bad in (9, 9.5, [[9], [9]]):
        with pytest.raises(TypeError):
            mx.put_along_axis(a, ind, bad, 1)


# ---- every op takes stream= ---------------------------------------------------------------

def _calls():
    a, i = a23(), mx.array([[0], [1]])
    return {
        "zeros": ((2,),), "ones": ((2,),), "empty": ((2,),), "full": ((2,), 3), "zeros_like": (a,),
        "ones_like": (a,), "empty_like": (a,), "full_like": (a, 2), "arange": (3,), "linspace": (0, 1, 3),
        "eye": (2,), "identity": (2,), "tri": (2,), "tril": (a,), "triu": (a,), "meshgrid": (a, a),
        "bartlett": (3,), "blackman": (3,), "hamming": (3,), "hanning": (3,), "reshape": (a, (3, 2)),
        "flatten": (a,), "unflatten": (a, 1, (3, 1)), "squeeze": (a,), "expand_dims": (a, 0),
        "transpose": (a,), "permute_dims": (a,), "matrix_transpose": (a,), "swapaxes": (a, 0, 1),
        "moveaxis": (a, 0, 1), "broadcast_to": (a, (2, 2, 3)), "broadcast_arrays": (a, a),
        "concatenate": ([a, a],), "concat": ([a, a],), "stack": ([a, a],), "unstack": (a,),
        "split": (a, 2), "tile": (a, 2), "repeat": (a, 2), "pad": (a, 1), "roll": (a, 1), "flip": (a,),
        "diag": (a,), "diagonal": (a,), "atleast_1d": (a,), "atleast_2d": (a,), "atleast_3d": (a,),
        "as_strided": (a,), "view": (a, mx.uint8), "contiguous": (a,),
        "slice": (a, mx.array([0]), (1,), (2, 2)), "slice_update": (a, a, mx.array([0]), (0,)),
        "take": (a, 1), "take_along_axis": (a, i, 1), "put_along_axis": (a, i, i, 1),
    }


@pytest.mark.parametrize("name", sorted(_calls()))
def test_stream_argument(name):
    args = _calls()[name]
    fn = getattr(mx, name)
    plain = fn(*args)
    for stream in (mx.cpu, mx.default_stream(mx.cpu), mx.Device(mx.cpu)):
        got = fn(*args, stream=stream)
        for g, p in zip(got if isinstance(got, (list, tuple)) else [got],
                        plain if isinstance(plain, (list, tuple)) else [plain]):
            assert g.dtype == p.dtype
            np.testing.assert_array_equal(np.array(g), np.array(p))
    with pytest.raises(TypeError):
        fn(*args, stream="cpu")


# ---- integer-like arguments and range limits ----------------------------------------------

def test_numpy_integer_arguments():
    a = a23()
    for g, w in zip(mx.split(a, np.int64(2)), np.split(A, 2)):
        check_equal(g, w, mx.int32)
    check_equal(mx.pad(a, np.int64(1)), np.pad(A, 1), mx.int32)
    check_equal(mx.pad(a, (np.int64(1), 2)), np.pad(A, (1, 2)), mx.int32)
    check_equal(mx.pad(a, [(np.int32(1), 0), (0, np.int8(2))]), np.pad(A, [(1, 0), (0, 2)]), mx.int32)
    check_equal(mx.reshape(a, np.array([3, 2])), A.reshape(3, 2), mx.int32)
    check_equal(mx.reshape(a, (np.int64(6),)), A.ravel(), mx.int32)
    check_equal(mx.squeeze(mx.zeros((1, 2)), np.int64(0)), np.zeros(2), mx.float32)
    check_equal(mx.roll(a, np.int64(1)), np.roll(A, 1), mx.int32)
    check_equal(mx.tile(a, np.int64(2)), np.tile(A, 2), mx.int32)
    check_equal(mx.repeat(a, np.int64(2)), np.repeat(A, 2), mx.int32)


def test_range_limits_and_negative_sizes():
    with pytest.raises(OverflowError, match="32-bit"):
        mx.zeros((2**31,))
    with pytest.raises(OverflowError, match="32-bit"):
        mx.zeros(2**40)
    with pytest.raises(OverflowError, match="32-bit"):
        mx.reshape(a23(), (2**40,))
    with pytest.raises(TypeError):
        mx.linspace(0, 1, 2**31)
    with pytest.raises(TypeError, match="offset"):
        mx.as_strided(a23(), (2,), (1,), -1)
    with pytest.raises(ValueError, match="non-negative"):
        mx.slice(a23(), mx.array([1, 0]), (0, 1), (-1, 2))


def test_full_like_broadcasts_an_array_of_values():
    a = mx.array([3], mx.uint64)
    vals = np.array([[True], [False], [True]])
    got = mx.full_like(a, mx.array(vals))
    assert got.dtype == mx.uint64
    np.testing.assert_array_equal(np.asarray(got), np.broadcast_to(vals, (3, 1)).astype(np.uint64))


def test_sequence_arguments_refuse_mappings():
    with pytest.raises(TypeError):
        mx.concatenate({})
    with pytest.raises(TypeError):
        mx.concatenate({"a": mx.ones(2)})
    with pytest.raises(ValueError, match="sequence of shapes"):
        mx.broadcast_shapes((), None)
    with pytest.raises(ValueError):
        mx.broadcast_shapes((2,), [1.5])
    with pytest.raises(TypeError):
        mx.unflatten(mx.zeros((2, 0)), 1, {})


@pytest.mark.parametrize("call", [lambda v: mx.repeat(mx.ones(3), v), lambda v: mx.tile(mx.ones(3), v),
                                  lambda v: mx.roll(mx.ones(3), v), lambda v: mx.swapaxes(mx.ones((2, 2)), v, 0)])
def test_shape_op_ints_beyond_32_bits_are_type_errors(call):
    with pytest.raises(TypeError):
        call(2 ** 40)


@pytest.mark.parametrize("call", [lambda v: mx.roll(mx.ones((3, 1)), (1,), v), lambda v: mx.roll(mx.ones((3, 1)), v, 0),
                                  lambda v: mx.expand_dims(mx.ones(2), v), lambda v: mx.flip(mx.ones(2), axis=v),
                                  lambda v: mx.tile(mx.ones(2), v)])
@pytest.mark.parametrize("bad", [{}, {0: 1}, set(), "ab"])
def test_int_or_sequence_arguments_refuse_mappings_and_strings(call, bad):
    # an empty dict once reached C++ as an empty axis list and crashed roll
    with pytest.raises(TypeError):
        call(bad)


def test_unflatten_cannot_infer_a_dimension_beside_a_zero():
    # libmlx divides by zero inferring the -1 (SIGFPE, in the reference too); NumPy's reshape
    # refuses it with ValueError
    with pytest.raises(ValueError, match="infer"):
        mx.unflatten(mx.zeros((0, 3)), 0, (-1, 0))
    assert mx.unflatten(mx.zeros((0, 3)), 0, (2, 0)).shape == np.zeros((0, 3)).reshape(2, 0, 3).shape


@pytest.mark.parametrize("op", [mx.stack, mx.concatenate])
@pytest.mark.parametrize("arrays", [{}, set(), {"a": 1}], ids=["dict", "set", "mapping"])
def test_stack_and_concatenate_refuse_mappings_and_sets(op, arrays):
    with pytest.raises(TypeError):
        op(arrays)


def test_pad_with_no_pairs_and_with_an_empty_fill_value():
    if not on_gpu():   # libmlx's CUDA pad does not take a 0-d array (docs/cuda.md)
        assert mx.pad(mx.array(1.5), []).tolist() == 1.5        # a 0-d array has no axes to pad
    with pytest.raises(ValueError):
        mx.pad(mx.ones((2,)), [])
    with pytest.raises(ValueError, match="constant_values"):   # libmlx would read outside it
        mx.pad(mx.ones((2,)), (1, 1), constant_values=mx.zeros((0,)))
