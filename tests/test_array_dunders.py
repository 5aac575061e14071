"""The array's dunders: pickling every dtype (also in a fresh process), copies, in-place
semantics, hashing, iteration, conversions to Python, properties."""
import copy
import operator
import pickle
import subprocess
import sys

import numpy as np
import pytest

import mlxcy as mx
from _device import f64_cpu_only

DTYPES = [mx.bool_, mx.uint8, mx.uint16, mx.uint32, mx.uint64, mx.int8, mx.int16, mx.int32, mx.int64,
          mx.float16, mx.float32, mx.float64, mx.bfloat16, mx.complex64]
SIZES = {mx.bool_: 1, mx.uint8: 1, mx.uint16: 2, mx.uint32: 4, mx.uint64: 8, mx.int8: 1, mx.int16: 2,
         mx.int32: 4, mx.int64: 8, mx.float16: 2, mx.float32: 4, mx.float64: 8, mx.bfloat16: 2, mx.complex64: 8}


@pytest.mark.parametrize("dtype", f64_cpu_only(DTYPES), ids=repr)
def test_pickle_round_trips_every_dtype(dtype):
    vals = [[1, 0, 3], [4, 5, 6]]
    a = mx.array(vals).astype(dtype)
    for x in (a, a[:, ::-1], a.T, a[1], a[0, 0]):     # contiguous, strided, transposed, 0-d
        y = pickle.loads(pickle.dumps(x))
        assert type(y) is mx.array and y.dtype == dtype and y.shape == x.shape
        assert y.tolist() == x.tolist()


def test_pickle_loads_in_a_fresh_process():
    data = pickle.dumps({"w": mx.array([[1.5, -2.0]], dtype=mx.bfloat16), "c": mx.array([1 + 2j]),
                         "i": mx.array(7, dtype=mx.int64), "e": mx.zeros((0, 3))})
    code = ("import pickle, sys; d = pickle.loads(sys.stdin.buffer.read()); "
            "print(d['w'].dtype, d['w'].tolist(), d['c'].tolist(), d['i'].item(), d['i'].dtype, d['e'].shape)")
    out = subprocess.run([sys.executable, "-c", code], input=data, capture_output=True, check=True, cwd="/")
    assert out.stdout.decode().strip() == \
        "mlx.core.bfloat16 [[1.5, -2.0]] [(1+2j)] 7 mlx.core.int64 (0, 3)"


# libmlx's Dtype::Val codes, which the reference binding's pickles carry with the values
REFERENCE_DTYPE_CODES = {mx.bool_: 0, mx.uint8: 1, mx.uint16: 2, mx.uint32: 3, mx.uint64: 4, mx.int8: 5,
                         mx.int16: 6, mx.int32: 7, mx.int64: 8, mx.float16: 9, mx.float32: 10,
                         mx.float64: 11, mx.bfloat16: 12, mx.complex64: 13}


@pytest.mark.parametrize("dtype", f64_cpu_only(DTYPES), ids=repr)
def test_setstate_reads_the_reference_bindings_state(dtype):
    # the reference pickles (NumPy array of the values, dtype code); bfloat16 as its uint16 bits
    want = mx.array([[1, 0, 3], [4, 5, 6]]).astype(dtype)
    values = np.asarray(want.view(mx.uint16)) if dtype == mx.bfloat16 else np.asarray(want)
    got = mx.array.__new__(mx.array)
    got.__setstate__((np.asfortranarray(values), REFERENCE_DTYPE_CODES[dtype]))   # not row-major, too
    assert got.dtype == dtype and got.shape == (2, 3) and got.tolist() == want.tolist()


def test_setstate_refuses_bad_states():
    a = mx.array.__new__(mx.array)
    with pytest.raises(ValueError, match="dtype code"):
        a.__setstate__((np.zeros(3, np.float32), 99))
    with pytest.raises(ValueError, match="bytes do not hold"):
        a.__setstate__((b"\0" * 5, (2,), "float32"))


def test_getstate_setstate():
    a = mx.array([1.0, 2.0])
    state = a.__getstate__()
    assert isinstance(state, tuple)
    b = mx.array(0)
    b.__setstate__(state)
    assert b.tolist() == [1.0, 2.0] and b.dtype == mx.float32


def test_copy_and_deepcopy():
    a = mx.array([1, 2, 3])
    c = copy.copy(a)
    d = copy.deepcopy(a)
    assert c is not a and d is not a
    a[0] = 9
    assert c.tolist() == [1, 2, 3] and d.tolist() == [1, 2, 3]


def test_inplace_updates_the_same_object():
    a = mx.array([1, 2, 3])
    alias = a
    before = a * 1
    pos = +a
    a += 1
    assert alias is a and alias.tolist() == [2, 3, 4]
    a[0] = 9
    assert alias.tolist() == [9, 3, 4]
    a *= 2
    assert alias.tolist() == [18, 6, 8]
    assert before.tolist() == [1, 2, 3] and pos.tolist() == [1, 2, 3]


@pytest.mark.parametrize("op,iop,rhs", [
    (operator.add, operator.iadd, 2), (operator.sub, operator.isub, 2), (operator.mul, operator.imul, 3),
    (operator.floordiv, operator.ifloordiv, 2),   # int /= : test_inplace_true_division_refuses_...
    (operator.mod, operator.imod, 3), (operator.pow, operator.ipow, 2), (operator.and_, operator.iand, 6),
    (operator.or_, operator.ior, 1), (operator.xor, operator.ixor, 5), (operator.lshift, operator.ilshift, 1),
    (operator.rshift, operator.irshift, 1)])
def test_inplace_ops_match_numpy(op, iop, rhs):
    xn = np.array([5, 6, 7], dtype=np.int32)
    a = mx.array(xn)
    alias = a
    want = op(xn, rhs)
    a = iop(a, rhs)
    assert a is alias
    np.testing.assert_allclose(np.asarray(a), want)


def test_div_aliases_and_pow_with_scalars():
    a = mx.array([1, 2, 4])
    np.testing.assert_allclose(np.asarray(a.__div__(2)), [0.5, 1, 2])
    np.testing.assert_allclose(np.asarray(a.__rdiv__(2)), [2, 1, 0.5])
    assert (a ** 2).tolist() == [1, 4, 16] and (a ** 2).dtype == mx.int32
    assert (2 ** a).tolist() == [2, 4, 16]
    assert (mx.array([2.0]) ** 0.5).dtype == mx.float32
    with pytest.raises(TypeError):
        pow(a, 2, 3)


def test_unary_dunders():
    a = mx.array([1, -2, 3])
    assert (-a).tolist() == [-1, 2, -3]
    p = +a
    assert p is not a and p.tolist() == [1, -2, 3]
    assert abs(a).tolist() == [1, 2, 3]
    assert (~a).tolist() == list(~np.array([1, -2, 3]))
    assert (~mx.array([True, False])).tolist() == [False, True]
    with pytest.raises(ValueError, match="Floating point"):
        ~mx.array([1.0])


def test_hash_is_identity_based():
    a = mx.array([1, 2])
    b = mx.array([1, 2])
    assert hash(a) == hash(a) and hash(a) != hash(b)
    assert {a: 1}[a] == 1


def test_len_and_iteration():
    xn = np.arange(6).reshape(3, 2)
    a = mx.array(xn)
    assert len(a) == 3
    it = iter(a)
    assert type(it).__name__ == "ArrayIterator"
    rows = list(a)
    assert len(rows) == 3 and all(type(r) is mx.array for r in rows)
    assert [r.tolist() for r in rows] == xn.tolist()
    a0, a1, a2 = a
    assert a2.tolist() == [4, 5]
    with pytest.raises(TypeError, match="0-dimensional"):
        len(mx.array(1))
    with pytest.raises(TypeError, match="0-dimensional"):
        iter(mx.array(1))
    assert list(mx.zeros((0, 2))) == []


def test_conversions_to_python():
    assert bool(mx.array(0)) is False and bool(mx.array([2.0])) is True
    assert int(mx.array(2.7)) == 2 and float(mx.array(2)) == 2.0 and complex(mx.array(2)) == 2 + 0j
    assert complex(mx.array(1 + 2j)) == 1 + 2j
    assert operator.index(mx.array(3)) == 3 and [10, 20, 30][mx.array(1)] == 20
    for bad in (mx.array([1, 2]), mx.array([])):
        with pytest.raises(ValueError, match="Only length-1"):
            bool(bad)
        with pytest.raises(ValueError, match="Only length-1"):
            int(bad)
    with pytest.raises(TypeError, match="0-dimensional integer"):
        operator.index(mx.array(2.0))
    with pytest.raises(TypeError, match="0-dimensional integer"):
        operator.index(mx.array([2]))


@pytest.mark.parametrize("dtype", f64_cpu_only(DTYPES), ids=repr)
def test_bytes_itemsize_nbytes(dtype):
    a = mx.array([[1, 2, 3], [4, 5, 6]]).astype(dtype)
    assert a.itemsize == SIZES[dtype] and a.nbytes == 6 * SIZES[dtype]
    raw = bytes(a.T)                     # row-major bytes of the transposed (strided) view
    assert len(raw) == a.nbytes
    if dtype not in (mx.bfloat16,):
        np_dtype = np.asarray(a).dtype
        np.testing.assert_array_equal(np.frombuffer(raw, dtype=np_dtype).reshape(3, 2), np.asarray(a).T)
    else:
        bits = np.frombuffer(raw, dtype=np.uint16).astype(np.uint32) << 16
        np.testing.assert_array_equal(bits.view(np.float32).reshape(3, 2), [[1, 4], [2, 5], [3, 6]])


def test_properties():
    xn = np.arange(24, dtype=np.float32).reshape(2, 3, 4)
    a = mx.array(xn)
    np.testing.assert_array_equal(np.asarray(a.mT), np.swapaxes(xn, -1, -2))
    np.testing.assert_array_equal(np.asarray(a.T), xn.T)
    with pytest.raises(ValueError, match="at least 2 dimensions"):
        mx.array([1, 2]).mT
    c = mx.array([1 + 2j, 3 - 4j])
    assert c.real.tolist() == [1, 3] and c.imag.tolist() == [2, -4] and c.real.dtype == mx.float32
    assert a.shape == (2, 3, 4) and a.ndim == 3 and a.size == 24 and a.dtype == mx.float32
    assert type(a.at).__name__ == "ArrayAt"


def test_array_namespace():
    a = mx.array([1])
    assert a.__array_namespace__() is mx
    with pytest.raises(ValueError, match="api_version"):
        a.__array_namespace__("2023.12")


# ---- format() / f-strings ----------------------------------------------------------------------

@pytest.mark.parametrize("value,dtype", [(2.3457, mx.float32), (3, mx.int32), (True, mx.bool_), (1.5, mx.float16),
                                         (1.5, mx.bfloat16), (2 ** 40, mx.int64), (7, mx.uint8),
                                         (1 + 2j, mx.complex64), (float("nan"), mx.float32)])
@pytest.mark.parametrize("spec", ["", ".3f", ">12", ".2e", "+.2f", "5.1f", "g"])
def test_format_of_0d_array_is_format_of_its_scalar(value, dtype, spec):
    a = mx.array(value, dtype=dtype)
    item = a.item()
    try:
        expected = format(item, spec)
    except (ValueError, TypeError) as e:
        with pytest.raises(type(e)):
            format(a, spec)
        return
    assert format(a, spec) == expected
    assert f"{a:{spec}}" == expected


def test_format_integer_codes_on_int_and_bool():
    assert f"{mx.array(3):d}" == "3" and f"{mx.array(255, mx.uint8):x}" == "ff"
    assert f"{mx.array(True):d}" == "1"
    assert f"{mx.array(1.5)}" == "1.5"
    assert f"loss {mx.array(0.25):.3f}" == "loss 0.250"


def test_format_bad_code_on_float_raises_value_error():
    with pytest.raises(ValueError):
        format(mx.array(2.5), "d")


def test_format_of_nd_array():
    a = mx.array([[1, 2], [3, 4]])
    assert format(a, "") == repr(a) == f"{a}"
    for spec in (".2f", ">30"):
        with pytest.raises(TypeError, match="unsupported format string"):
            format(a, spec)
    with pytest.raises(TypeError):
        format(mx.zeros((0,)), ".2f")


# ---- in-place true division -------------------------------------------------------------------

@pytest.mark.parametrize("dtype", [mx.bool_, mx.int8, mx.int32, mx.uint32, mx.int64])
@pytest.mark.parametrize("other", [2, 2.0, "array"])
def test_inplace_true_division_refuses_non_float_arrays(dtype, other):
    a = mx.array([3, 1], dtype=dtype)
    before = a
    rhs = mx.array([2.0, 2.0]) if other == "array" else other
    with pytest.raises(ValueError, match="In place division"):
        a /= rhs
    assert a is before and a.dtype == dtype
    np.testing.assert_array_equal(np.asarray(a), np.array([3, 1]).astype(np.asarray(a).dtype))


@pytest.mark.parametrize("dtype", [mx.float16, mx.float32, mx.complex64])
def test_inplace_true_division_on_inexact_arrays(dtype):
    a = mx.array([3.0, 1.0], dtype=dtype)
    a /= 2
    assert a.dtype == dtype
    np.testing.assert_allclose(np.asarray(a), np.array([1.5, 0.5]))


def test_other_inplace_ops_may_change_int_dtype():
    # only /= refuses: a += 1.5 on an int array gives float32, as in the reference
    a = mx.array([3])
    a += 1.5
    assert a.dtype == mx.float32 and a.item() == 4.5


@pytest.mark.parametrize("left", [(1,), 2.5, "x", [1], None])
@pytest.mark.parametrize("op", [operator.or_, operator.and_, operator.xor, operator.lshift, operator.rshift])
def test_reflected_bitwise_with_a_non_integer_is_type_error(left, op):
    with pytest.raises(TypeError, match="unsupported operand"):
        op(left, mx.array([1, 2], mx.int32))


@pytest.mark.parametrize("op", [operator.or_, operator.and_, operator.xor, operator.lshift, operator.rshift])
@pytest.mark.parametrize("left", [3, np.int64(3), True])
def test_reflected_bitwise_with_an_integer_is_numpys(op, left):
    b = np.array([1, 2], np.int32)
    got = op(left, mx.array(b))
    np.testing.assert_array_equal(np.asarray(got), op(left if not isinstance(left, bool) else int(left), b))
