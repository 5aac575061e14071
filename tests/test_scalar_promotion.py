"""Arithmetic and comparison dunders: Python scalars are weakly typed, as in the reference.

Values are checked against NumPy; dtypes against the reference's rules (an int scalar adopts an
integer or floating array's dtype, a float scalar adopts a floating array's dtype, otherwise the
scalar's default dtype applies; NumPy values next to an array take the array's dtype)."""
import operator

import numpy as np
import pytest

import mlxcy as mx
from _device import cpu_only

OPS = [operator.add, operator.sub, operator.mul, operator.truediv, operator.floordiv, operator.mod, operator.pow]


@pytest.mark.parametrize("dtype,scalar,expect", [
    (mx.int32, 1.5, mx.float32), (mx.int32, 2, mx.int32), (mx.float16, 2.0, mx.float16),
    (mx.float16, 2, mx.float16), (mx.bfloat16, 1, mx.bfloat16), (mx.int8, True, mx.int8),
    (mx.bool_, 1, mx.int32), (mx.bool_, 1.5, mx.float32), (mx.bool_, True, mx.bool_),
    (mx.int32, 1j, mx.complex64), (mx.uint8, 200, mx.uint8), (mx.int64, 2.0, mx.float32),
    cpu_only(mx.float64, 1.5, mx.float64), (mx.complex64, 2, mx.complex64),
])
def test_weak_scalar_dtypes(dtype, scalar, expect):
    a = mx.array([1, 2], dtype)
    assert (a + scalar).dtype == expect
    assert (scalar + a).dtype == expect
    assert (a * scalar).dtype == expect


@pytest.mark.parametrize("dtype", [mx.uint8, mx.int8, mx.uint32])
def test_scalar_overflowing_integer_dtype_raises(dtype):
    a = mx.array([1, 2], dtype)
    with pytest.raises(ValueError, match="overflow"):
        a + 2**40
    with pytest.raises(ValueError, match="overflow"):
        a + (-2**40)


def test_numpy_operands_adopt_the_array_dtype():
    assert (mx.array([1], mx.int32) + np.array([1.5])).dtype == mx.int32
    assert (mx.array([1.0], mx.float16) + np.float32(2)).dtype == mx.float16
    assert (mx.array([1], mx.int32) + np.int64(1)).dtype == mx.int32
    assert (mx.array([1], mx.int64) * np.float64(2)).dtype == mx.float32   # np.float64 is a Python float


def test_functions_promote_like_the_dunders():
    assert mx.add(1, 2).dtype == mx.int32
    assert mx.add(1, 2.5).dtype == mx.float32
    assert mx.add(np.int64(1), 2).dtype == mx.int64
    assert mx.add(mx.array(1, mx.int8), np.float32(2.5)).dtype == mx.int8


@pytest.mark.parametrize("op", OPS)
@pytest.mark.parametrize("dtype,np_dtype", [(mx.int32, np.int32), (mx.float32, np.float32)])
def test_binary_values_match_numpy(op, dtype, np_dtype):
    x = np.array([[-7, -2, 3], [5, 8, 1]], np_dtype)
    y = np.array([3, -4, 2], np_dtype)
    if op is operator.pow and dtype == mx.int32:
        y = np.abs(y)
    a, b = mx.array(x), mx.array(y)
    got = np.asarray(op(a, b))
    expect = op(x, y)
    if op is operator.truediv:
        expect = expect.astype(np.float32)
    np.testing.assert_allclose(got, expect, rtol=1e-6)
    np.testing.assert_allclose(np.asarray(op(a, 3)), op(x, np_dtype(3)).astype(got.dtype), rtol=1e-6)


def test_remainder_and_floor_divide_follow_python_signs():
    a = mx.array([-7, 7, -7, 7])
    b = mx.array([3, -3, -3, 3])
    assert (a % b).tolist() == [-7 % 3, 7 % -3, -7 % -3, 7 % 3]
    assert (a // b).tolist() == [-7 // 3, 7 // -3, -7 // -3, 7 // 3]
    assert (mx.array([-7.0]) % 3).tolist() == [2.0]


def test_comparisons_and_bitwise():
    a = mx.array([1, 2, 3])
    assert (a < 2.5).tolist() == [True, True, False] and (a < 2.5).dtype == mx.bool_
    assert (a >= 2).tolist() == [False, True, True]
    assert (a == mx.array([1, 0, 3])).tolist() == [True, False, True]
    assert (a != 2).tolist() == [True, False, True]
    assert (a & 1).tolist() == [1, 0, 1] and (a | 4).tolist() == [5, 6, 7] and (a ^ 1).tolist() == [0, 3, 2]
    assert (a << 1).tolist() == [2, 4, 6] and (a >> 1).tolist() == [0, 1, 1]
    assert (~a).tolist() == [-2, -3, -4] and (~mx.array([True])).tolist() == [False]
    assert (-a).tolist() == [-1, -2, -3] and abs(mx.array([-1.5])).tolist() == [1.5] and (+a).tolist() == [1, 2, 3]


def test_operator_bad_operands():
    a = mx.array([1, 2])
    assert (a == "x") is False and (a != "x") is True and (a == [1, 2]) is False
    with pytest.raises(ValueError, match="addition"):
        a + "a"
    with pytest.raises(ValueError, match="list"):
        a + [1, 2]
    with pytest.raises(TypeError):
        a + None
    with pytest.raises(TypeError):
        a == None  # noqa: E711  (the reference raises here too)
    with pytest.raises(ValueError, match="Floating point"):
        a & 1.5
    with pytest.raises(ValueError, match="Floating point"):
        mx.array([1.0]) ^ 1
    with pytest.raises(ValueError):
        -mx.array([True])
    with pytest.raises(TypeError):
        a @ [1, 2]
    with pytest.raises(ValueError):
        mx.array([1, 2]) @ mx.array([1, 2])      # matmul needs floating types
    assert (mx.array([1.0, 2.0]) @ mx.array([3.0, 4.0])).item() == 11.0


def test_in_place_operators_keep_identity():
    a = mx.array([1, 2, 3])
    alias = a
    earlier = a * 1
    a += 1
    a *= 2
    assert alias is a and a.tolist() == [4, 6, 8]
    assert earlier.tolist() == [1, 2, 3]


def test_scalar_operands_are_right_for_many_values_and_dtypes():
    # Python scalar operands come from a small cache of constant arrays (src/mlxcy_core.h): many
    # distinct values (slot collisions), both signs of zero, and each dtype must still give
    # exactly NumPy's result.
    rng = np.random.default_rng(5)
    values = [0.0, -0.0, 1.5, 2, -3, 2 ** 31 - 1, -(2 ** 31)] + [float(v) for v in rng.normal(size=300)]
    for dtype, np_dtype in [(mx.float32, np.float32), (mx.float16, np.float16), (mx.int32, np.int32),
                            (mx.int64, np.int64)]:
        base = np.array([3, -7, 11], np_dtype)
        a = mx.array(base)
        for v in values:
            if np.issubdtype(np_dtype, np.integer) and isinstance(v, float):
                continue   # float next to an integer array promotes to float32: checked below
            got = a + v
            expected = base + np.array(v, np_dtype)
            assert got.dtype == dtype
            np.testing.assert_array_equal(np.array(got), expected)
            np.testing.assert_array_equal(np.array(v * a), np.array(v, np_dtype) * base)
    np.testing.assert_array_equal(np.array(mx.array([1, 2]) * 0.5), np.array([0.5, 1.0], np.float32))
    assert (1 / mx.array([-0.0])).item() == float("-inf")   # -0.0 is not 0.0's cached array


def test_scalar_operand_constants_are_never_written():
    # The cached constant behind `+ 1.5` is an operand only: writing into results (zero-copy
    # NumPy views), donation through chains of 0-d ops, and in-place operators leave it intact.
    for _ in range(3):
        y = mx.array(2.0) + 1.5
        mx.eval(y)
        view = np.asarray(y)
        if view.flags.writeable:
            view[...] = 99.0
        z = ((mx.array(1.0) + 1.5) * 1.5) + 1.5
        assert z.item() == (1.0 + 1.5) * 1.5 + 1.5
        x = mx.array(4.0)
        x += 1.5
        x *= 1.5
        assert x.item() == (4.0 + 1.5) * 1.5
        assert (mx.array(0.0) + 1.5).item() == 1.5
