"""Constructing arrays from Python and NumPy values; properties; conversion back; printing."""
import copy
import math

import numpy as np
import pytest

import mlxcy as mx

ALL_DTYPES = [mx.bool_, mx.uint8, mx.uint16, mx.uint32, mx.uint64, mx.int8, mx.int16, mx.int32,
              mx.int64, mx.float16, mx.float32, mx.float64, mx.bfloat16, mx.complex64]
NP_OF = {mx.bool_: np.bool_, mx.uint8: np.uint8, mx.uint16: np.uint16, mx.uint32: np.uint32,
         mx.uint64: np.uint64, mx.int8: np.int8, mx.int16: np.int16, mx.int32: np.int32,
         mx.int64: np.int64, mx.float16: np.float16, mx.float32: np.float32, mx.float64: np.float64,
         mx.complex64: np.complex64}


# ---- Python scalars and sequences ----------------------------------------------------------

@pytest.mark.parametrize("val,dtype", [(True, mx.bool_), (3, mx.int32), (2**40, mx.int64), (-2**63, mx.int64),
                                       (1.5, mx.float32), (1 + 2j, mx.complex64)])
def test_scalar_default_dtypes(val, dtype):
    a = mx.array(val)
    assert a.dtype == dtype and a.shape == () and a.ndim == 0 and a.size == 1
    assert a.item() == val if dtype != mx.float32 else a.item() == pytest.approx(val)


@pytest.mark.parametrize("val,dtype", [([1, 2.5], mx.float32), ([True, 2], mx.int32), ([True, False], mx.bool_),
                                       ([1, 2j], mx.complex64), ([2**40, 1], mx.int64), ([], mx.float32),
                                       ([[]], mx.float32), ((1, 2), mx.int32), ([[1.5, 2], (3, 4)], mx.float32)])
def test_sequence_promotion(val, dtype):
    a = mx.array(val)
    ref = np.array(val)
    assert a.dtype == dtype
    assert a.shape == ref.shape
    np.testing.assert_allclose(np.array(a.tolist(), dtype=ref.dtype if ref.size else None), ref)


def test_nested_lists_of_arrays_stack_and_promote():
    a = mx.array([mx.array(1), mx.array(2.0)])
    assert a.dtype == mx.float32 and a.tolist() == [1.0, 2.0]
    b = mx.array([mx.array([1, 2]), [3, 4]])
    assert b.shape == (2, 2) and b.tolist() == [[1, 2], [3, 4]]


@pytest.mark.parametrize("bad", [[[1, 2], [3]], [1, [2, 3]], (1, (2, 3)), [[1, 2], 3]])
def test_ragged_sequences_raise_value_error(bad):
    with pytest.raises(ValueError):
        mx.array(bad)


@pytest.mark.parametrize("bad,exc", [("a", ValueError), (None, TypeError), (range(3), ValueError),
                                     ({"a": 1}, ValueError), ([np.float32(1), 2], ValueError),
                                     (2**63, ValueError), ([2**64], ValueError), (object(), ValueError)])
def test_unsupported_values_raise(bad, exc):
    with pytest.raises(exc):
        mx.array(bad)


def test_int_out_of_range_for_explicit_dtype():
    assert mx.array(300, mx.uint8).item() == 300 % 256          # wraps like a C cast, as the reference
    assert mx.array(2**63, mx.uint64).item() == 2**63
    with pytest.raises(ValueError, match="uint64"):
        mx.array(2**64, mx.uint64)


@pytest.mark.parametrize("dtype", ALL_DTYPES)
def test_explicit_dtype_from_list(dtype):
    a = mx.array([0, 1, 2], dtype)
    assert a.dtype == dtype and a.itemsize == dtype.size and a.nbytes == 3 * dtype.size
    expect = [False, True, True] if dtype == mx.bool_ else [0, 1, 2]
    assert a.tolist() == expect


def test_array_from_array_and_dtype_change():
    a = mx.array([1, 2])
    b = mx.array(a, mx.float32)
    assert b.dtype == mx.float32 and b.tolist() == [1.0, 2.0]
    assert mx.array(a).tolist() == [1, 2]


# ---- NumPy and buffers ---------------------------------------------------------------------

@pytest.mark.parametrize("np_dtype", [np.bool_, np.uint8, np.uint16, np.uint32, np.uint64, np.int8, np.int16,
                                      np.int32, np.int64, np.float16, np.float32, np.complex64])
def test_numpy_dtypes_round_trip(np_dtype):
    src = (np.arange(12).reshape(3, 4) % 3).astype(np_dtype)
    a = mx.array(src)
    assert a.shape == src.shape
    assert np.dtype(NP_OF[a.dtype]) == src.dtype
    np.testing.assert_array_equal(np.asarray(a), src)


def test_numpy_float64_and_complex128_narrow_by_default():
    assert mx.array(np.array([1.5])).dtype == mx.float32
    assert mx.array(np.float64(1.5)).dtype == mx.float32
    assert mx.array(np.array([1.5]), mx.float64).dtype == mx.float64
    c = mx.array(np.array([1 + 2j, -3.5j], np.complex128))
    assert c.dtype == mx.complex64 and c.tolist() == [1 + 2j, -3.5j]


def test_numpy_scalars_keep_their_dtype():
    assert mx.array(np.int64(5)).dtype == mx.int64
    assert mx.array(np.float16(1)).dtype == mx.float16
    assert mx.array(np.bool_(True)).dtype == mx.bool_


def test_non_contiguous_and_byteswapped_numpy_are_copied_correctly():
    src = np.arange(24, dtype=np.int32).reshape(4, 6)
    np.testing.assert_array_equal(np.asarray(mx.array(src[:, ::2])), src[:, ::2])
    np.testing.assert_array_equal(np.asarray(mx.array(src.T)), src.T)
    big = np.arange(5, dtype=">i4")
    np.testing.assert_array_equal(np.asarray(mx.array(big)), np.arange(5))


def test_array_copies_its_input():
    src = np.arange(4, dtype=np.float32)
    a = mx.array(src)
    src[0] = 100
    assert a.tolist()[0] == 0.0


def test_buffer_protocol_objects():
    assert mx.array(memoryview(b"abc")).tolist() == [97, 98, 99]
    assert mx.array(bytearray(b"ab")).dtype == mx.uint8


@pytest.mark.parametrize("np_dtype", [object, "U1", np.longdouble])
def test_unsupported_numpy_dtypes(np_dtype):
    if np.dtype(np_dtype) == np.float64:
        pytest.skip("longdouble is float64 here")
    with pytest.raises(ValueError):
        mx.array(np.array([1, 2], dtype=np_dtype))


# ---- conversion back to Python -------------------------------------------------------------

def test_item_and_python_conversions():
    assert mx.array(True).item() is True
    assert type(mx.array(3, mx.uint64).item()) is int
    assert mx.array(1.5, mx.float16).item() == 1.5
    assert mx.array(1.5, mx.bfloat16).item() == 1.5
    assert int(mx.array([2])) == 2 and float(mx.array(2)) == 2.0
    assert complex(mx.array(1 + 2j)) == 1 + 2j
    assert mx.array(2.7).__int__() == 2
    assert [10, 20, 30][mx.array(1)] == 20
    with pytest.raises(TypeError):
        [1][mx.array(0.0)]
    with pytest.raises(ValueError):
        mx.array([1, 2]).item()
    with pytest.raises(ValueError):
        bool(mx.array([1, 2]))
    assert bool(mx.array([3])) is True and bool(mx.array(0)) is False


def test_tolist_matches_numpy_for_every_dtype():
    src = np.array([[0, 1, 2], [3, 4, 5]])
    for dt in ALL_DTYPES:
        a = mx.array(src.tolist(), dt)
        expect = src.astype(np.float32 if dt == mx.bfloat16 else NP_OF.get(dt)).tolist()
        assert a.tolist() == expect, dt
    assert mx.array(7).tolist() == 7
    t = mx.array(np.arange(12).reshape(3, 4)).T.tolist()   # a strided array
    assert t == np.arange(12).reshape(3, 4).T.tolist()


def test_len_iter():
    a = mx.array([[1, 2], [3, 4], [5, 6]])
    assert len(a) == 3
    assert [r.tolist() for r in a] == [[1, 2], [3, 4], [5, 6]]
    with pytest.raises(TypeError):
        len(mx.array(1))
    with pytest.raises(TypeError):
        iter(mx.array(1))


def test_astype_and_T():
    a = mx.array([[1, 2, 3]])
    assert a.astype(mx.float16).dtype == mx.float16
    assert a.T.shape == (3, 1)
    with pytest.raises(TypeError):
        a.astype("float16")


def test_copy_and_deepcopy():
    a = mx.array([1, 2, 3])
    assert copy.copy(a).tolist() == [1, 2, 3]
    assert copy.deepcopy(a).tolist() == [1, 2, 3]


# ---- printing (the reference's exact format) -----------------------------------------------

@pytest.mark.parametrize("make,text", [
    (lambda: mx.array([1, 2.5]), "array([1, 2.5], dtype=float32)"),
    (lambda: mx.array([[1, 2], [3, 4]]), "array([[1, 2],\n       [3, 4]], dtype=int32)"),
    (lambda: mx.array(True), "array(True, dtype=bool)"),
    (lambda: mx.array([True, False]), "array([True, False], dtype=bool)"),
    (lambda: mx.array(-0.0), "array(-0, dtype=float32)"),
    (lambda: mx.array([math.nan, math.inf, -math.inf]), "array([nan, inf, -inf], dtype=float32)"),
    (lambda: mx.array([1e20, 1.0]), "array([1e+20, 1], dtype=float32)"),
    (lambda: mx.array(1.0 / 3), "array(0.333333, dtype=float32)"),
    (lambda: mx.array([0.1, 0.25], mx.float16), "array([0.0999756, 0.25], dtype=float16)"),
    (lambda: mx.array([1 + 0.5j]), "array([1+0.5j], dtype=complex64)"),
    (lambda: mx.array([[1, 2]], mx.uint64), "array([[1, 2]], dtype=uint64)"),
    (lambda: mx.array([1.5], mx.bfloat16), "array([1.5], dtype=bfloat16)"),
    (lambda: mx.array([], mx.int32), "array([], dtype=int32)"),
    (lambda: mx.zeros((2, 0)), "array([[],\n       []], dtype=float32)"),
    (lambda: mx.array(list(range(2000))), "array([0, 1, 2, ..., 1997, 1998, 1999], dtype=int32)"),
])
def test_repr(make, text):
    a = make()
    assert repr(a) == text
    assert str(a) == text


def test_repr_summarises_large_nd_arrays():
    text = repr(mx.ones((2000, 3)))
    lines = text.split("\n")
    assert lines[0] == "array([[1, 1, 1],"
    assert "       ...," in lines
    assert lines[-1] == "       [1, 1, 1]], dtype=float32)"
    assert len(lines) == 7


def test_printoptions_precision():
    a = mx.array([1.0 / 3])
    with mx.printoptions(precision=2):
        assert repr(a) == "array([0.33], dtype=float32)"
        assert mx.get_printoptions().precision == 2
    assert repr(a) == "array([0.333333], dtype=float32)"


# ---- shapes beyond MLX's 32-bit dimensions -------------------------------------------------

def _huge_views():
    """NumPy arrays with a dimension of 2**31 or more that allocate (almost) nothing."""
    tiny = np.zeros(1, np.float32)
    return [np.lib.stride_tricks.as_strided(tiny, shape=(2**31,), strides=(0,)),
            np.broadcast_to(np.float32(1), (3, 2**32)),
            np.empty((2**31, 0), np.float32)]


@pytest.mark.parametrize("convert", [mx.array, mx.asarray, mx.from_dlpack])
@pytest.mark.parametrize("which", [0, 1, 2])
def test_numpy_dimension_beyond_int32_raises_overflow(convert, which):
    x = _huge_views()[which]
    big = max(x.shape)
    with pytest.raises(OverflowError, match=str(big)):
        convert(x)


def test_numpy_dimension_at_int32_limit_converts():
    x = np.empty((2**31 - 1, 0), np.float32)
    assert mx.array(x).shape == x.shape
    assert mx.asarray(x).shape == x.shape


@pytest.mark.parametrize("make", [lambda: mx.ones(2).reshape(2**31),
                                  lambda: mx.random.normal((2**31,)),
                                  lambda: mx.random.uniform(shape=(2, 2**40))])
def test_shape_argument_beyond_int32_raises_overflow(make):
    with pytest.raises(OverflowError, match="32-bit"):
        make()


# ---- lists holding arrays ------------------------------------------------------------------

@pytest.mark.parametrize("bad", [
    lambda: [mx.ones(2), mx.ones(3)],
    lambda: [[1, 2], [mx.ones(3)]],
    lambda: [[1, 2], mx.ones(3)],
    lambda: [1, mx.ones(3)],
    lambda: [mx.ones(3), 1],
    lambda: [mx.ones((2, 2)), [[1, 2], [3]]],
    lambda: [mx.ones((2, 2)), [1, 2]],
    lambda: [mx.ones(2), [[1, 2]]],
    lambda: [[mx.ones(2)], [[1, 2, 3]]],
    lambda: [[mx.array(1), 2], [mx.ones(1), 3]],
])
def test_ragged_lists_with_arrays_raise_non_uniform(bad):
    with pytest.raises(ValueError, match="non-uniform length"):
        mx.array(bad())


@pytest.mark.parametrize("make,dtype,values", [
    # (a Python scalar takes its default dtype here, then all promote: hand-derived from MLX's table)
    (lambda: [mx.array(1, mx.int8), 2], mx.int32, [1, 2]),
    (lambda: [mx.array(1, mx.int8), 300], mx.int32, [1, 300]),
    (lambda: [mx.array([1], mx.uint8), [True]], mx.uint8, [[1], [1]]),
    (lambda: [mx.array([1], mx.uint8), [2]], mx.int32, [[1], [2]]),
    (lambda: [mx.array([1], mx.float16), [2.5]], mx.float32, [[1.0], [2.5]]),
    (lambda: [mx.array([1], mx.float16), [2]], mx.float16, [[1.0], [2.0]]),
    (lambda: [mx.array([True]), [2]], mx.int32, [[1], [2]]),
    (lambda: [mx.array([1], mx.int8), mx.array([2], mx.uint8)], mx.int16, [[1], [2]]),
    (lambda: [mx.array([1], mx.bfloat16), mx.array([2], mx.float16)], mx.float32, [[1.0], [2.0]]),
    (lambda: [mx.zeros(2, mx.uint32), mx.ones(2, mx.int32)], mx.int64, [[0, 0], [1, 1]]),
    (lambda: [mx.array(1), 2**40], mx.int64, [1, 2**40]),
    (lambda: [mx.array(1.0), 1j], mx.complex64, [1, 1j]),
    (lambda: [[mx.array(1), mx.array(2)], [mx.array(3), mx.array(4)]], mx.int32, [[1, 2], [3, 4]]),
    (lambda: [[mx.array(1.5), 2], [3, 4]], mx.float32, [[1.5, 2], [3, 4]]),
    (lambda: [[mx.array(1, mx.int8), 2], [3, mx.array(4, mx.int16)]], mx.int32, [[1, 2], [3, 4]]),
    (lambda: [[mx.ones(2)], [[1, 2]]], mx.float32, [[[1, 1]], [[1, 2]]]),
    (lambda: [[], mx.ones(0)], mx.float32, [[], []]),
    (lambda: [mx.ones(0), []], mx.float32, [[], []]),
])
def test_lists_with_arrays_promote_all_leaves(make, dtype, values):
    a = mx.array(make())
    assert a.dtype == dtype
    assert a.tolist() == values
    assert a.shape == np.array(values).shape


def test_list_below_an_array_leaf_is_an_extra_dimension():
    with pytest.raises(ValueError, match="extra dimension"):
        mx.array([mx.array(1), [2]])


def test_lists_with_arrays_and_explicit_dtype():
    a = mx.array([mx.array(1, mx.int32), 2.5, mx.array(3.25)], dtype=mx.float16)
    assert a.dtype == mx.float16 and a.tolist() == [1.0, 2.5, 3.25]


def test_lists_with_arrays_reject_numpy_leaves_as_plain_lists_do():
    for bad in ([mx.array(1), np.array(2.0)], [mx.ones(2), "ab"], [mx.ones(2), None]):
        with pytest.raises(ValueError, match="Invalid type"):
            mx.array(bad)


# ---- ml_dtypes.bfloat16 NumPy arrays --------------------------------------------------------

def _bf16_numpy(values):
    ml_dtypes = pytest.importorskip("ml_dtypes")
    return np.array(values, dtype=ml_dtypes.bfloat16)


@pytest.mark.parametrize("convert", [mx.array, mx.asarray])
def test_ml_dtypes_bfloat16_converts_bit_exact(convert):
    x = _bf16_numpy([[1.5, -2.5, 3.0e38], [0.0, -0.0, 1e-40]])
    a = convert(x)
    assert a.dtype == mx.bfloat16 and a.shape == (2, 3)
    assert np.array(a.view(mx.uint16)).tolist() == x.view(np.uint16).tolist()


@pytest.mark.parametrize("view", [lambda x: x.T, lambda x: x[:, ::-1], lambda x: x[::2], lambda x: x[0, 1]])
def test_ml_dtypes_bfloat16_views_and_scalars(view):
    x = _bf16_numpy(np.arange(12, dtype=np.float32).reshape(3, 4) - 5.5)
    src = view(x)
    a = mx.array(src)
    assert a.dtype == mx.bfloat16 and a.shape == np.shape(src)
    np.testing.assert_array_equal(np.array(a.astype(mx.float32)), np.asarray(src, dtype=np.float32))


def test_ml_dtypes_bfloat16_scalar_and_dtype_argument():
    ml_dtypes = pytest.importorskip("ml_dtypes")
    s = mx.array(ml_dtypes.bfloat16(3.5))
    assert s.dtype == mx.bfloat16 and s.shape == () and s.item() == 3.5
    x = _bf16_numpy([1.5, 2.5])
    for convert in (mx.array, mx.asarray):
        f = convert(x, mx.float32)
        assert f.dtype == mx.float32 and f.tolist() == [1.5, 2.5]


@pytest.mark.host_zero_copy
def test_ml_dtypes_bfloat16_asarray_shares():
    x = _bf16_numpy(np.arange(8, dtype=np.float32))
    a = mx.asarray(x, copy=False)
    assert np.asarray(a.view(mx.uint16)).__array_interface__["data"][0] == x.__array_interface__["data"][0]


# ---- sweep against the reference: byte order, unsupported values --------------------------

@pytest.mark.parametrize("dt", [">c8", ">c16", "<c8", ">f4", ">i8", ">u2", ">f2"])
def test_byteswapped_numpy_converts_to_native_values(dt):
    x = np.array([1 + 2j, -3.5 + 0.25j, 0]).astype(dt) if "c" in dt else np.array([1, 2, 300]).astype(dt)
    a = mx.array(x)
    native = x.astype(x.dtype.newbyteorder("="))
    expect = native.astype(np.complex64) if "c16" in dt else native
    np.testing.assert_array_equal(np.array(a), expect)


def _unsupported_values():
    vals = [np.zeros(3, object), np.zeros(3, "U2"), np.zeros(3, "M8[s]"), np.zeros(3, "m8[s]"),
            np.zeros(3, "V2"), np.datetime64(1, "s"), np.timedelta64(3, "s"), np.str_("a"),
            2**63, -2**63 - 1, [1, 2**64]]
    if np.dtype(np.longdouble).itemsize > 8:
        vals.append(np.zeros(3, np.longdouble))
    return vals


@pytest.mark.parametrize("convert", [mx.array, mx.asarray])
@pytest.mark.parametrize("i", range(len(_unsupported_values())))
def test_unsupported_values_raise_value_and_runtime_error(convert, i):
    """The reference raises RuntimeError (std::bad_cast; datetime64 scalars crash it); mlxcy's
    ValueError is a RuntimeError too, so code written for either catches it."""
    with pytest.raises(ValueError) as info:
        convert(_unsupported_values()[i])
    assert isinstance(info.value, RuntimeError)


def test_ml_dtypes_other_than_bfloat16_raise_value_and_runtime_error():
    ml_dtypes = pytest.importorskip("ml_dtypes")
    with pytest.raises(RuntimeError) as info:
        mx.array(np.array([1, 2], ml_dtypes.float8_e4m3fn))
    assert isinstance(info.value, ValueError)


def test_explicit_dtype_integer_out_of_range_is_value_and_runtime_error():
    for val, dt in [(2**64, mx.uint64), (2**63, mx.int64)]:
        with pytest.raises(RuntimeError):
            mx.array(val, dt)


@pytest.mark.parametrize("vals,dtype,expect", [
    ([300], mx.uint8, [44]), ([-1, 2], mx.uint16, [65535, 2]), ([2**31 - 1], mx.int16, [-1]),
    ([2**31], mx.uint32, [2**31]), ([2**63 - 1], mx.uint64, [2**63 - 1]), ([2**40], mx.int64, [2**40]),
    ([2**40], mx.float32, [2.0**40]),
])
def test_list_ints_with_explicit_dtype_wrap_as_c_casts(vals, dtype, expect):
    assert mx.array(vals, dtype).tolist() == expect


@pytest.mark.parametrize("vals,dtype", [
    ([2**31], mx.int32), ([2**31], mx.uint16), ([2**31], mx.bool_), ([-1], mx.uint32), ([2**32], mx.uint32),
    ([-1], mx.uint64), ([True, 2**31], mx.int32), ([[1], [2**31]], mx.int32), ([2**63], mx.float32),
])
def test_list_ints_beyond_what_the_reference_reads_raise(vals, dtype):
    with pytest.raises(RuntimeError) as info:
        mx.array(vals, dtype)
    assert isinstance(info.value, ValueError)


def test_asarray_copy_takes_bool_or_none_only():
    a = mx.ones(3)
    for bad in ([[1, 2], [3]], {}, 1, "yes"):
        with pytest.raises(TypeError):
            mx.asarray(a, copy=bad)
        with pytest.raises(TypeError):
            mx.from_dlpack(a, copy=bad)
    assert mx.asarray(a, copy=None) is a


@pytest.mark.parametrize("make", [lambda l: l.append(l), lambda l: l.append([l]), lambda l: l.append([mx.ones(1), l])])
def test_list_containing_itself_is_value_error(make):
    # used to recurse until the C stack overflowed
    lst = [1]
    make(lst)
    with pytest.raises(ValueError):
        mx.array(lst)
    empty = []
    empty.append(empty)
    with pytest.raises(ValueError):
        mx.array(empty)


@pytest.mark.parametrize("precision", [object(), 2.5, 2**40, None])
def test_printoptions_precision_must_be_an_int(precision):
    with pytest.raises(TypeError):
        mx.printoptions(precision)


@pytest.mark.parametrize("precision", [2**31, -2**31 - 1, 2**40, 2.0])
def test_print_precision_beyond_32_bits_or_not_an_int_is_a_type_error(precision):
    # The reference refuses these arguments as of the wrong type (TypeError, not OverflowError).
    for call in (lambda: mx.set_printoptions(precision=precision), lambda: mx.PrintOptions(precision)):
        with pytest.raises(TypeError) as info:
            call()
        assert not isinstance(info.value, OverflowError)
    options = mx.PrintOptions(2)
    with pytest.raises(TypeError):
        options.precision = precision
    assert mx.get_printoptions().precision == -1


def test_print_precision_takes_integer_like_values():
    assert mx.PrintOptions(np.int64(3)).precision == 3 and type(mx.PrintOptions(np.int64(3)).precision) is int
    mx.set_printoptions(precision=np.int32(2))
    try:
        assert repr(mx.array([1.0 / 3])) == "array([0.33], dtype=float32)"
    finally:
        mx.set_printoptions()
    with mx.printoptions(precision=np.int64(1)):
        assert repr(mx.array([2.0 / 3])) == "array([0.7], dtype=float32)"
