# cython: language_level=3, cpp_locals=True, embedsignature=True
"""Element-wise math, logic and comparison ops of mlx.core (the arithmetic and comparison
operators themselves live in _core, next to the array dunders)."""
from cython.operator cimport dereference as deref
from libcpp cimport bool as cbool
from libcpp.optional cimport optional, nullopt
from libcpp.vector cimport vector

from mlxcy._core cimport (array, Dtype, wrap, wrap_list, to_c, to_c_pair, to_sod, to_c_list, to_flag, to_int32,
                          to_c_dtype, check_integer_division)
from mlxcy.includes.mlx cimport (array as c_array, Dtype as c_Dtype, StreamOrDevice, promote_types,
                                 issubdtype as c_issubdtype, bool_, DtypeCategory as c_DtypeCategory)
from mlxcy._arguments cimport array_like_arg, array_list_arg
from mlxcy.includes cimport ops
from mlxcy.includes cimport ops_math as dispatch

from mlxcy._core import power as _power, left_shift as _left_shift, right_shift as _right_shift


# ---- shared argument handling -------------------------------------------------------------

cdef object _unary(object a, int op, object stream):
    cdef optional[c_array] tmp = nullopt
    cdef const c_array* p = array_like_arg(a, tmp)
    return wrap(dispatch.unary_op(op, deref(p), to_sod(stream)))


cdef int _pair(object a, object b, optional[c_array]& ca, optional[c_array]& cb) except -1:
    """Both operands of a binary op, promoted as the reference does (weak Python scalars)."""
    if a is None or b is None:
        raise TypeError("Expected arrays or scalars as operands, got None")
    return to_c_pair(a, b, ca, cb, None)


cdef object _binary(object a, object b, int op, object stream):
    cdef optional[c_array] ca = nullopt, cb = nullopt
    if type(a) is array and type(b) is array:
        return wrap(dispatch.math_binary_op(op, (<array>a)._a, (<array>b)._a, to_sod(stream)))
    _pair(a, b, ca, cb)
    return wrap(dispatch.math_binary_op(op, deref(ca), deref(cb), to_sod(stream)))


# ---- one operand ------------------------------------------------------------------------------

def abs(a, /, *, stream=None):
    """Element-wise absolute value.

    Parameters
    ----------
    a : array
        The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
        own binding refuses lists).
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The absolute value of each element, same shape and dtype as ``a``; for complex input the
        magnitude, as the matching real dtype (float32 for complex64).

    Examples
    --------
    >>> mx.abs(mx.array([-2, 0, 3]))
    array([2, 0, 3], dtype=int32)
    >>> mx.abs(mx.array([3 + 4j]))
    array([5], dtype=float32)
    """
    return _unary(a, dispatch.U_ABS, stream)


def arccos(a, /, *, stream=None):
    """Element-wise inverse cosine, in radians.

    Floating-point and complex inputs keep their dtype; boolean and integer inputs give float32.
    Real inputs outside ``[-1, 1]`` give NaN. ``acos`` is the same function.

    Parameters
    ----------
    a : array
        The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
        own binding refuses lists).
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The angle in ``[0, pi]`` whose cosine is each element, same shape as ``a``.

    Examples
    --------
    >>> mx.arccos(mx.array([1.0, 0.0, -1.0]))
    array([0, 1.5708, 3.14159], dtype=float32)
    >>> mx.acos is mx.arccos
    True
    """
    return _unary(a, dispatch.U_ARCCOS, stream)


def arccosh(a, /, *, stream=None):
    """Element-wise inverse hyperbolic cosine.

    Floating-point and complex inputs keep their dtype; boolean and integer inputs give float32.
    Real inputs below 1 give NaN. ``acosh`` is the same function.

    Parameters
    ----------
    a : array
        The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
        own binding refuses lists).
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The non-negative value whose hyperbolic cosine is each element, same shape as ``a``.

    Examples
    --------
    >>> mx.arccosh(mx.array([1.0]))
    array([0], dtype=float32)
    >>> mx.acosh is mx.arccosh
    True
    """
    return _unary(a, dispatch.U_ARCCOSH, stream)


def arcsin(a, /, *, stream=None):
    """Element-wise inverse sine, in radians.

    Floating-point and complex inputs keep their dtype; boolean and integer inputs give float32.
    Real inputs outside ``[-1, 1]`` give NaN. ``asin`` is the same function.

    Parameters
    ----------
    a : array
        The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
        own binding refuses lists).
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The angle in ``[-pi/2, pi/2]`` whose sine is each element, same shape as ``a``.

    Examples
    --------
    >>> mx.arcsin(mx.array([0.0, 1.0]))
    array([0, 1.5708], dtype=float32)
    >>> mx.asin is mx.arcsin
    True
    """
    return _unary(a, dispatch.U_ARCSIN, stream)


def arcsinh(a, /, *, stream=None):
    """Element-wise inverse hyperbolic sine.

    Floating-point and complex inputs keep their dtype; boolean and integer inputs give float32.
    ``asinh`` is the same function.

    Parameters
    ----------
    a : array
        The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
        own binding refuses lists).
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The value whose hyperbolic sine is each element, same shape as ``a``.

    Examples
    --------
    >>> mx.arcsinh(mx.array([0.0]))
    array([0], dtype=float32)
    >>> mx.asinh is mx.arcsinh
    True
    """
    return _unary(a, dispatch.U_ARCSINH, stream)


def arctan(a, /, *, stream=None):
    """Element-wise inverse tangent, in radians.

    Floating-point and complex inputs keep their dtype; boolean and integer inputs give float32.
    ``atan`` is the same function.

    Parameters
    ----------
    a : array
        The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
        own binding refuses lists).
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The angle in ``(-pi/2, pi/2)`` whose tangent is each element, same shape as ``a``.

    Examples
    --------
    >>> mx.arctan(mx.array([0.0, 1.0]))
    array([0, 0.785398], dtype=float32)
    >>> mx.atan is mx.arctan
    True
    """
    return _unary(a, dispatch.U_ARCTAN, stream)


def arctanh(a, /, *, stream=None):
    """Element-wise inverse hyperbolic tangent.

    Floating-point and complex inputs keep their dtype; boolean and integer inputs give float32.
    Real inputs of 1 and -1 give infinities, outside ``[-1, 1]`` NaN. ``atanh`` is the same
    function.

    Parameters
    ----------
    a : array
        The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
        own binding refuses lists).
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The value whose hyperbolic tangent is each element, same shape as ``a``.

    Examples
    --------
    >>> mx.arctanh(mx.array([0.0]))
    array([0], dtype=float32)
    >>> mx.atanh is mx.arctanh
    True
    """
    return _unary(a, dispatch.U_ARCTANH, stream)


def ceil(a, /, *, stream=None):
    """Element-wise ceiling: the smallest integer not below each element.

    Parameters
    ----------
    a : array
        The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
        own binding refuses lists).
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        Same shape and dtype as ``a`` (integer and boolean arrays come back unchanged).

    Raises
    ------
    ValueError
        When ``a`` is complex.

    Examples
    --------
    >>> mx.ceil(mx.array([1.5, -1.5, 2.0]))
    array([2, -1, 2], dtype=float32)
    """
    return _unary(a, dispatch.U_CEIL, stream)


def floor(a, /, *, stream=None):
    """Element-wise floor: the largest integer not above each element.

    Parameters
    ----------
    a : array
        The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
        own binding refuses lists).
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        Same shape and dtype as ``a`` (integer and boolean arrays come back unchanged).

    Raises
    ------
    ValueError
        When ``a`` is complex.

    Examples
    --------
    >>> mx.floor(mx.array([1.5, -1.5, 2.0]))
    array([1, -2, 2], dtype=float32)
    """
    return _unary(a, dispatch.U_FLOOR, stream)


def trunc(a, /, *, stream=None):
    """Element-wise truncation toward zero: the integer part of each element.

    Parameters
    ----------
    a : array
        The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
        own binding refuses lists).
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        Same shape and dtype as ``a`` (integer and boolean arrays come back unchanged).

    Raises
    ------
    ValueError
        When ``a`` is complex.

    Examples
    --------
    >>> mx.trunc(mx.array([1.5, -1.5, 2.0]))
    array([1, -1, 2], dtype=float32)
    """
    return _unary(a, dispatch.U_TRUNC, stream)


def cos(a, /, *, stream=None):
    """Element-wise cosine of angles in radians.

    Floating-point and complex inputs keep their dtype; boolean and integer inputs give float32.

    Parameters
    ----------
    a : array
        The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
        own binding refuses lists).
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The cosine of each element, same shape as ``a``.

    Examples
    --------
    >>> mx.cos(mx.array([0.0]))
    array([1], dtype=float32)
    """
    return _unary(a, dispatch.U_COS, stream)


def cosh(a, /, *, stream=None):
    """Element-wise hyperbolic cosine.

    Floating-point and complex inputs keep their dtype; boolean and integer inputs give float32.

    Parameters
    ----------
    a : array
        The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
        own binding refuses lists).
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The hyperbolic cosine of each element, same shape as ``a``.

    Examples
    --------
    >>> mx.cosh(mx.array([0.0]))
    array([1], dtype=float32)
    """
    return _unary(a, dispatch.U_COSH, stream)


def sin(a, /, *, stream=None):
    """Element-wise sine of angles in radians.

    Floating-point and complex inputs keep their dtype; boolean and integer inputs give float32.

    Parameters
    ----------
    a : array
        The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
        own binding refuses lists).
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The sine of each element, same shape as ``a``.

    Examples
    --------
    >>> mx.sin(mx.array([0.0, 0.5]))
    array([0, 0.479426], dtype=float32)
    """
    return _unary(a, dispatch.U_SIN, stream)


def sinh(a, /, *, stream=None):
    """Element-wise hyperbolic sine.

    Floating-point and complex inputs keep their dtype; boolean and integer inputs give float32.

    Parameters
    ----------
    a : array
        The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
        own binding refuses lists).
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The hyperbolic sine of each element, same shape as ``a``.

    Examples
    --------
    >>> mx.sinh(mx.array([0.0]))
    array([0], dtype=float32)
    """
    return _unary(a, dispatch.U_SINH, stream)


def tan(a, /, *, stream=None):
    """Element-wise tangent of angles in radians.

    Floating-point and complex inputs keep their dtype; boolean and integer inputs give float32.

    Parameters
    ----------
    a : array
        The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
        own binding refuses lists).
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The tangent of each element, same shape as ``a``.

    Examples
    --------
    >>> mx.tan(mx.array([0.0]))
    array([0], dtype=float32)
    """
    return _unary(a, dispatch.U_TAN, stream)


def tanh(a, /, *, stream=None):
    """Element-wise hyperbolic tangent.

    Floating-point and complex inputs keep their dtype; boolean and integer inputs give float32.

    Parameters
    ----------
    a : array
        The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
        own binding refuses lists).
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The hyperbolic tangent of each element, in ``[-1, 1]``, same shape as ``a``.

    Examples
    --------
    >>> mx.tanh(mx.array([0.0]))
    array([0], dtype=float32)
    """
    return _unary(a, dispatch.U_TANH, stream)


def exp(a, /, *, stream=None):
    """Element-wise natural exponential, ``e ** a``.

    Floating-point and complex inputs keep their dtype; boolean and integer inputs give float32.

    Parameters
    ----------
    a : array
        The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
        own binding refuses lists).
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The exponential of each element, same shape as ``a``.

    Examples
    --------
    >>> mx.exp(mx.array([0.0, 1.0]))
    array([1, 2.71828], dtype=float32)
    >>> mx.exp(mx.array([0, 1])).dtype
    mlx.core.float32
    """
    return _unary(a, dispatch.U_EXP, stream)


def expm1(a, /, *, stream=None):
    """Element-wise ``exp(a) - 1``, accurate also for ``a`` close to zero.

    Floating-point inputs keep their dtype; boolean and integer inputs give float32.

    Parameters
    ----------
    a : array
        The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
        own binding refuses lists).
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        ``exp(a) - 1`` for each element, same shape as ``a``.

    Raises
    ------
    ValueError
        When ``a`` is complex.

    Examples
    --------
    >>> mx.expm1(mx.array([0.0]))
    array([0], dtype=float32)
    """
    return _unary(a, dispatch.U_EXPM1, stream)


def log(a, /, *, stream=None):
    """Element-wise natural logarithm.

    Floating-point and complex inputs keep their dtype; boolean and integer inputs give float32.
    Zero gives ``-inf`` and negative real inputs NaN.

    Parameters
    ----------
    a : array
        The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
        own binding refuses lists).
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The natural logarithm of each element, same shape as ``a``.

    Examples
    --------
    >>> mx.log(mx.array([1.0, 0.0]))
    array([0, -inf], dtype=float32)
    """
    return _unary(a, dispatch.U_LOG, stream)


def log10(a, /, *, stream=None):
    """Element-wise base-10 logarithm.

    Floating-point and complex inputs keep their dtype; boolean and integer inputs give float32.
    Zero gives ``-inf`` and negative real inputs NaN.

    Parameters
    ----------
    a : array
        The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
        own binding refuses lists).
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The base-10 logarithm of each element, same shape as ``a``.

    Examples
    --------
    >>> mx.log10(mx.array([1.0, 10.0, 100.0]))
    array([0, 1, 2], dtype=float32)
    """
    return _unary(a, dispatch.U_LOG10, stream)


def log1p(a, /, *, stream=None):
    """Element-wise ``log(1 + a)``, accurate also for ``a`` close to zero.

    Floating-point and complex inputs keep their dtype; boolean and integer inputs give float32. -1
    gives ``-inf`` and real inputs below -1 NaN.

    Parameters
    ----------
    a : array
        The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
        own binding refuses lists).
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        ``log(1 + a)`` for each element, same shape as ``a``.

    Examples
    --------
    >>> mx.log1p(mx.array([0.0, -1.0]))
    array([0, -inf], dtype=float32)
    """
    return _unary(a, dispatch.U_LOG1P, stream)


def log2(a, /, *, stream=None):
    """Element-wise base-2 logarithm.

    Floating-point and complex inputs keep their dtype; boolean and integer inputs give float32.
    Zero gives ``-inf`` and negative real inputs NaN.

    Parameters
    ----------
    a : array
        The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
        own binding refuses lists).
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The base-2 logarithm of each element, same shape as ``a``.

    Examples
    --------
    >>> mx.log2(mx.array([1, 2, 8]))
    array([0, 1, 3], dtype=float32)
    """
    return _unary(a, dispatch.U_LOG2, stream)


def sqrt(a, /, *, stream=None):
    """Element-wise square root.

    Floating-point and complex inputs keep their dtype; boolean and integer inputs give float32.
    Negative real inputs give NaN.

    Parameters
    ----------
    a : array
        The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
        own binding refuses lists).
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The square root of each element, same shape as ``a``.

    Examples
    --------
    >>> mx.sqrt(mx.array([4, 9]))
    array([2, 3], dtype=float32)
    """
    return _unary(a, dispatch.U_SQRT, stream)


def rsqrt(a, /, *, stream=None):
    """Element-wise reciprocal square root, ``1 / sqrt(a)``.

    Floating-point and complex inputs keep their dtype; boolean and integer inputs give float32.
    Zero gives ``inf`` and negative real inputs NaN.

    Parameters
    ----------
    a : array
        The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
        own binding refuses lists).
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        ``1 / sqrt(a)`` for each element, same shape as ``a``.

    Examples
    --------
    >>> mx.rsqrt(mx.array([4.0, 16.0]))
    array([0.5, 0.25], dtype=float32)
    """
    return _unary(a, dispatch.U_RSQRT, stream)


def square(a, /, *, stream=None):
    """Element-wise square, ``a * a``.

    Parameters
    ----------
    a : array
        The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
        own binding refuses lists).
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The square of each element, same shape and dtype as ``a`` (integers may wrap around).

    Examples
    --------
    >>> mx.square(mx.array([2, -3]))
    array([4, 9], dtype=int32)
    """
    return _unary(a, dispatch.U_SQUARE, stream)


def reciprocal(a, /, *, stream=None):
    """Element-wise reciprocal, ``1 / a``.

    Floating-point and complex inputs keep their dtype; boolean and integer inputs give float32.
    Zero gives ``inf``.

    Parameters
    ----------
    a : array
        The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
        own binding refuses lists).
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        ``1 / a`` for each element, same shape as ``a``.

    Examples
    --------
    >>> mx.reciprocal(mx.array([2, 4]))
    array([0.5, 0.25], dtype=float32)
    """
    return _unary(a, dispatch.U_RECIPROCAL, stream)


def sign(a, /, *, stream=None):
    """Element-wise sign: -1 for negative, 0 for zero, 1 for positive elements.

    For complex input the sign is ``a / abs(a)`` (0 where ``a`` is 0). NaN gives 0.

    Parameters
    ----------
    a : array
        The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
        own binding refuses lists).
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The sign of each element, same shape and dtype as ``a``.

    Examples
    --------
    >>> mx.sign(mx.array([-3, 0, 2]))
    array([-1, 0, 1], dtype=int32)
    >>> mx.sign(mx.array([3 + 4j]))
    array([0.6+0.8j], dtype=complex64)
    """
    return _unary(a, dispatch.U_SIGN, stream)


def sigmoid(a, /, *, stream=None):
    """Element-wise logistic sigmoid, ``1 / (1 + exp(-a))``.

    Floating-point inputs keep their dtype; boolean and integer inputs give float32.

    Parameters
    ----------
    a : array
        The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
        own binding refuses lists).
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The sigmoid of each element, in ``[0, 1]``, same shape as ``a``.

    Raises
    ------
    ValueError
        When ``a`` is complex.

    Examples
    --------
    >>> mx.sigmoid(mx.array([0.0]))
    array([0.5], dtype=float32)
    """
    return _unary(a, dispatch.U_SIGMOID, stream)


def erf(a, /, *, stream=None):
    """Element-wise Gauss error function, ``2 / sqrt(pi)`` times the integral of ``exp(-t**2)`` from 0
    to ``a``.

    Floating-point inputs keep their dtype; boolean and integer inputs give float32.

    Parameters
    ----------
    a : array
        The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
        own binding refuses lists).
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        ``erf`` of each element, in ``[-1, 1]``, same shape as ``a``.

    Raises
    ------
    ValueError
        When ``a`` is complex.

    Examples
    --------
    >>> mx.erf(mx.array([1.0, -1.0]))
    array([0.842701, -0.842701], dtype=float32)
    """
    return _unary(a, dispatch.U_ERF, stream)


def erfinv(a, /, *, stream=None):
    """Element-wise inverse of the error function :func:`erf`.

    Floating-point inputs keep their dtype; boolean and integer inputs give float32. 1 and -1 give
    infinities, inputs outside ``[-1, 1]`` NaN.

    Parameters
    ----------
    a : array
        The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
        own binding refuses lists).
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The value whose error function is each element, same shape as ``a``.

    Raises
    ------
    ValueError
        When ``a`` is complex.

    Examples
    --------
    >>> mx.erfinv(mx.array([0.0]))
    array([0], dtype=float32)
    """
    return _unary(a, dispatch.U_ERFINV, stream)


def negative(a, /, *, stream=None):
    """Element-wise negation, ``-a``.

    Parameters
    ----------
    a : array
        The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
        own binding refuses lists).
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        ``-a``, same shape and dtype as ``a`` (unsigned integers wrap around).

    Raises
    ------
    ValueError
        When ``a`` is boolean (use :func:`logical_not`).

    Examples
    --------
    >>> mx.negative(mx.array([1, -2]))
    array([-1, 2], dtype=int32)
    """
    return _unary(a, dispatch.U_NEGATIVE, stream)


def positive(a, /, *, stream=None):
    """Element-wise unary plus, ``+a``: the values unchanged.

    Parameters
    ----------
    a : array
        The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
        own binding refuses lists).
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        An array equal to ``a``, same shape and dtype.

    Examples
    --------
    >>> mx.positive(mx.array([1, -2]))
    array([1, -2], dtype=int32)
    """
    return _unary(a, dispatch.U_POSITIVE, stream)


def degrees(a, /, *, stream=None):
    """Convert angles from radians to degrees, element-wise.

    Floating-point and complex inputs keep their dtype; boolean and integer inputs give float32.

    Parameters
    ----------
    a : array
        The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
        own binding refuses lists).
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        ``a * 180 / pi``, same shape as ``a``.

    Examples
    --------
    >>> mx.degrees(mx.array([0.0, 1.0]))
    array([0, 57.2958], dtype=float32)
    """
    return _unary(a, dispatch.U_DEGREES, stream)


def radians(a, /, *, stream=None):
    """Convert angles from degrees to radians, element-wise.

    Floating-point and complex inputs keep their dtype; boolean and integer inputs give float32.

    Parameters
    ----------
    a : array
        The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
        own binding refuses lists).
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        ``a * pi / 180``, same shape as ``a``.

    Examples
    --------
    >>> mx.radians(mx.array([0.0, 180.0]))
    array([0, 3.14159], dtype=float32)
    """
    return _unary(a, dispatch.U_RADIANS, stream)


def logical_not(a, /, *, stream=None):
    """Element-wise logical NOT: true where ``a`` is zero (or false).

    Parameters
    ----------
    a : array
        The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
        own binding refuses lists).
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        A boolean array of the shape of ``a``.

    Examples
    --------
    >>> mx.logical_not(mx.array([0, 1, 2]))
    array([True, False, False], dtype=bool)
    """
    return _unary(a, dispatch.U_LOGICAL_NOT, stream)


def bitwise_invert(a, stream=None):
    """Element-wise bitwise NOT, ``~a``, of an integer or boolean array.

    For booleans this is the logical NOT.

    Parameters
    ----------
    a : array
        The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
        own binding refuses lists).
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        Same shape and dtype as ``a``.

    Raises
    ------
    ValueError
        When ``a`` is not of an integer or boolean dtype.

    Examples
    --------
    >>> mx.bitwise_invert(mx.array([0, 1, -3]))
    array([-1, -2, 2], dtype=int32)
    >>> mx.bitwise_invert(mx.array([True, False]))
    array([False, True], dtype=bool)

    Notes
    -----
    The parameters after the operands may also be passed by position (``mx.bitwise_invert(a,
    mx.cpu)``), as the reference's published signature lists them; MLX's own binding takes them only by
    keyword.
    """
    return _unary(a, dispatch.U_BITWISE_INVERT, stream)


def isnan(a, stream=None):
    """Element-wise test for NaN (not a number).

    Integer and boolean arrays contain no NaN. A complex element is NaN when either part is.

    Parameters
    ----------
    a : array
        The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
        own binding refuses lists).
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        A boolean array of the shape of ``a``.

    Examples
    --------
    >>> mx.isnan(mx.array([1.0, float("nan"), float("inf")]))
    array([False, True, False], dtype=bool)

    Notes
    -----
    The parameters after the operands may also be passed by position (``mx.isnan(a, mx.cpu)``), as the
    reference's published signature lists them; MLX's own binding takes them only by keyword.
    """
    return _unary(a, dispatch.U_ISNAN, stream)


def isinf(a, stream=None):
    """Element-wise test for positive or negative infinity.

    Parameters
    ----------
    a : array
        The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
        own binding refuses lists).
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        A boolean array of the shape of ``a``.

    Examples
    --------
    >>> mx.isinf(mx.array([1.0, float("inf"), -float("inf"), float("nan")]))
    array([False, True, True, False], dtype=bool)

    Notes
    -----
    The parameters after the operands may also be passed by position (``mx.isinf(a, mx.cpu)``), as the
    reference's published signature lists them; MLX's own binding takes them only by keyword.
    """
    return _unary(a, dispatch.U_ISINF, stream)


def isfinite(a, stream=None):
    """Element-wise test for finite values: neither infinite nor NaN.

    Parameters
    ----------
    a : array
        The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
        own binding refuses lists).
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        A boolean array of the shape of ``a`` (all true for integer and boolean arrays).

    Examples
    --------
    >>> mx.isfinite(mx.array([1.0, float("inf"), float("nan")]))
    array([True, False, False], dtype=bool)

    Notes
    -----
    The parameters after the operands may also be passed by position (``mx.isfinite(a, mx.cpu)``), as
    the reference's published signature lists them; MLX's own binding takes them only by keyword.
    """
    return _unary(a, dispatch.U_ISFINITE, stream)


def isposinf(a, stream=None):
    """Element-wise test for positive infinity.

    Parameters
    ----------
    a : array
        The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
        own binding refuses lists).
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        A boolean array of the shape of ``a``.

    Examples
    --------
    >>> mx.isposinf(mx.array([1.0, float("inf"), -float("inf")]))
    array([False, True, False], dtype=bool)

    Notes
    -----
    The parameters after the operands may also be passed by position (``mx.isposinf(a, mx.cpu)``), as
    the reference's published signature lists them; MLX's own binding takes them only by keyword.
    """
    return _unary(a, dispatch.U_ISPOSINF, stream)


def isneginf(a, stream=None):
    """Element-wise test for negative infinity.

    Parameters
    ----------
    a : array
        The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
        own binding refuses lists).
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        A boolean array of the shape of ``a``.

    Examples
    --------
    >>> mx.isneginf(mx.array([1.0, float("inf"), -float("inf")]))
    array([False, False, True], dtype=bool)

    Notes
    -----
    The parameters after the operands may also be passed by position (``mx.isneginf(a, mx.cpu)``), as
    the reference's published signature lists them; MLX's own binding takes them only by keyword.
    """
    return _unary(a, dispatch.U_ISNEGINF, stream)


def real(a, /, *, stream=None):
    """The real part of each element.

    Parameters
    ----------
    a : array
        The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
        own binding refuses lists).
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        For complex input the real parts, as the matching real dtype (float32 for complex64); any
        other array comes back with its values and dtype unchanged.

    Examples
    --------
    >>> mx.real(mx.array([1 + 2j, 3 - 4j]))
    array([1, 3], dtype=float32)
    """
    return _unary(a, dispatch.U_REAL, stream)


def imag(a, /, *, stream=None):
    """The imaginary part of each element.

    Parameters
    ----------
    a : array
        The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
        own binding refuses lists).
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        For complex input the imaginary parts, as the matching real dtype (float32 for complex64);
        for any other array zeros of its shape and dtype.

    Examples
    --------
    >>> mx.imag(mx.array([1 + 2j, 3 - 4j]))
    array([2, -4], dtype=float32)
    >>> mx.imag(mx.array([1, 2]))
    array([0, 0], dtype=int32)
    """
    return _unary(a, dispatch.U_IMAG, stream)


def conj(a, *, stream=None):
    """Element-wise complex conjugate.

    Real arrays come back with their values and dtype unchanged. ``conjugate`` is the same function.

    Parameters
    ----------
    a : array
        The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
        own binding refuses lists).
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The conjugate of each element, same shape and dtype as ``a``.

    Examples
    --------
    >>> mx.conj(mx.array([1 + 2j, 3 - 4j]))
    array([1-2j, 3+4j], dtype=complex64)
    >>> mx.conjugate(mx.array([2j]))
    array([0-2j], dtype=complex64)
    """
    return _unary(a, dispatch.U_CONJ, stream)


def stop_gradient(a, /, *, stream=None):
    """The identity, but no gradient flows back through it.

    Transformations such as :func:`grad` treat the result as a constant.

    Parameters
    ----------
    a : array
        The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
        own binding refuses lists).
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        An array equal to ``a``, same shape and dtype.

    Examples
    --------
    >>> def f(x):
    ...     return (mx.stop_gradient(x) * x).sum()
    >>> mx.grad(f)(mx.array([3.0]))
    array([3], dtype=float32)
    """
    return _unary(a, dispatch.U_STOP_GRADIENT, stream)


def round(a, /, decimals=0, stream=None):
    """Round each element to ``decimals`` decimal places, halves to the nearest even value.

    A negative ``decimals`` rounds to tens, hundreds, ... (integer arrays too); integer and boolean
    arrays are otherwise unchanged.

    Parameters
    ----------
    a : array
        The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
        own binding refuses lists).
    decimals : int, optional
        How many decimal places to keep. Default: ``0``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The rounded values, same shape and dtype as ``a``.

    Raises
    ------
    TypeError
        When ``decimals`` is not an integer.

    Examples
    --------
    >>> mx.round(mx.array([0.5, 1.5, 2.5, -1.5]))
    array([0, 2, 2, -2], dtype=float32)
    >>> mx.round(mx.array([1.25, 2.375]), decimals=1)
    array([1.2, 2.4], dtype=float32)
    >>> mx.round(mx.array([15, 251]), decimals=-1)
    array([20, 250], dtype=int32)

    Notes
    -----
    The parameters after the operands may also be passed by position (``mx.round(a, 1, mx.cpu)``), as
    the reference's published signature lists them; MLX's own binding takes them only by keyword.
    """
    cdef optional[c_array] tmp = nullopt
    cdef const c_array* p = array_like_arg(a, tmp)
    return wrap(ops.round(deref(p), to_int32(decimals, "round", "decimals"), to_sod(stream)))


acos = arccos
acosh = arccosh
asin = arcsin
asinh = arcsinh
atan = arctan
atanh = arctanh
conjugate = conj


# ---- two operands ---------------------------------------------------------------------------

def arctan2(a, b, /, *, stream=None):
    """Element-wise inverse tangent of ``a / b``, in radians, using the signs of both to pick the
    quadrant.

    ``a`` (the y coordinate) and ``b`` (the x coordinate) broadcast against each other. Boolean and
    integer inputs give float32.

    Parameters
    ----------
    a : array or scalar
        The y coordinates. Lists and NumPy arrays are converted to arrays too.
    b : array or scalar
        The x coordinates, converted likewise.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The angle in ``[-pi, pi]`` of each point ``(b, a)``, of the broadcast shape and the promoted
        floating-point dtype.

    Raises
    ------
    ValueError
        When the shapes do not broadcast, or an input is complex.

    Examples
    --------
    >>> mx.arctan2(mx.array([1.0, 0.0, -1.0]), mx.array([0.0, -1.0, 0.0]))
    array([1.5708, 3.14159, -1.5708], dtype=float32)
    >>> mx.atan2 is mx.arctan2
    True
    """
    return _binary(a, b, dispatch.B_ARCTAN2, stream)


def logaddexp(a, b, /, *, stream=None):
    """Element-wise ``log(exp(a) + exp(b))``, computed without overflow.

    The inputs broadcast against each other; boolean and integer inputs give float32.

    Parameters
    ----------
    a : array or scalar
        The first input. Lists and NumPy arrays are converted to arrays too.
    b : array or scalar
        The second input, converted likewise.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        ``log(exp(a) + exp(b))``, of the broadcast shape and the promoted floating-point dtype.

    Raises
    ------
    ValueError
        When the shapes do not broadcast.

    Examples
    --------
    >>> mx.logaddexp(mx.array([0.0, 1000.0]), mx.array([-float("inf"), 1000.0]))
    array([0, 1000.69], dtype=float32)
    """
    return _binary(a, b, dispatch.B_LOGADDEXP, stream)


def maximum(a, b, /, *, stream=None):
    """Element-wise maximum of ``a`` and ``b``.

    The inputs broadcast against each other and their dtypes are promoted (a Python scalar takes the
    array's dtype when it fits it). A NaN in either input gives NaN.

    Parameters
    ----------
    a : array or scalar
        The first input. Lists and NumPy arrays are converted to arrays too.
    b : array or scalar
        The second input, converted likewise.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The larger of each pair of elements, of the broadcast shape and promoted dtype.

    Raises
    ------
    ValueError
        When the shapes do not broadcast, or a Python int does not fit the other operand's integer
        dtype.

    Examples
    --------
    >>> mx.maximum(mx.array([1, 5]), mx.array([3, 2]))
    array([3, 5], dtype=int32)
    >>> mx.maximum(mx.array([1.0, float("nan")]), 2)
    array([2, nan], dtype=float32)
    """
    return _binary(a, b, dispatch.B_MAXIMUM, stream)


def minimum(a, b, /, *, stream=None):
    """Element-wise minimum of ``a`` and ``b``.

    The inputs broadcast against each other and their dtypes are promoted (a Python scalar takes the
    array's dtype when it fits it). A NaN in either input gives NaN.

    Parameters
    ----------
    a : array or scalar
        The first input. Lists and NumPy arrays are converted to arrays too.
    b : array or scalar
        The second input, converted likewise.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The smaller of each pair of elements, of the broadcast shape and promoted dtype.

    Raises
    ------
    ValueError
        When the shapes do not broadcast, or a Python int does not fit the other operand's integer
        dtype.

    Examples
    --------
    >>> mx.minimum(mx.array([1, 5]), mx.array([3, 2]))
    array([1, 2], dtype=int32)
    >>> mx.minimum(mx.array([1, 5]), 2.5)
    array([1, 2.5], dtype=float32)
    """
    return _binary(a, b, dispatch.B_MINIMUM, stream)


cdef object _logical(object a, object b, int op, object stream):
    """A logical op: a Python scalar operand only counts for its truth value, so it is not
    range-checked against the other operand's dtype (as in the reference)."""
    cdef optional[c_array] ca = nullopt, cb = nullopt
    if a is None or b is None:
        raise TypeError("Expected arrays or scalars as operands, got None")
    if isinstance(a, (int, float, complex)) or isinstance(b, (int, float, complex)):
        to_c(a, ca)
        to_c(b, cb)
        return wrap(dispatch.math_binary_op(op, deref(ca), deref(cb), to_sod(stream)))
    return _binary(a, b, op, stream)


def logical_and(a, b, /, *, stream=None):
    """Element-wise logical AND: true where both ``a`` and ``b`` are non-zero.

    The inputs broadcast against each other; a Python scalar only counts for its truth value.

    Parameters
    ----------
    a : array or scalar
        The first input. Lists and NumPy arrays are converted to arrays too.
    b : array or scalar
        The second input, converted likewise.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        A boolean array of the broadcast shape.

    Raises
    ------
    ValueError
        When the shapes do not broadcast.

    Examples
    --------
    >>> mx.logical_and(mx.array([1, 0, 2]), mx.array([True, True, False]))
    array([True, False, False], dtype=bool)
    """
    return _logical(a, b, dispatch.B_LOGICAL_AND, stream)


def logical_or(a, b, /, *, stream=None):
    """Element-wise logical OR: true where ``a`` or ``b`` (or both) is non-zero.

    The inputs broadcast against each other; a Python scalar only counts for its truth value.

    Parameters
    ----------
    a : array or scalar
        The first input. Lists and NumPy arrays are converted to arrays too.
    b : array or scalar
        The second input, converted likewise.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        A boolean array of the broadcast shape.

    Raises
    ------
    ValueError
        When the shapes do not broadcast.

    Examples
    --------
    >>> mx.logical_or(mx.array([1, 0, 0]), mx.array([False, True, False]))
    array([True, True, False], dtype=bool)
    """
    return _logical(a, b, dispatch.B_LOGICAL_OR, stream)


def logical_xor(a, b, /, *, stream=None):
    """Element-wise logical exclusive OR: true where exactly one of ``a`` and ``b`` is non-zero.

    The inputs broadcast against each other; a Python scalar only counts for its truth value.

    Parameters
    ----------
    a : array or scalar
        The first input. Lists and NumPy arrays are converted to arrays too.
    b : array or scalar
        The second input, converted likewise.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        A boolean array of the broadcast shape.

    Raises
    ------
    ValueError
        When the shapes do not broadcast.

    Examples
    --------
    >>> mx.logical_xor(mx.array([True, True, False]), mx.array([2, 0, 0]))
    array([False, True, False], dtype=bool)
    """
    return _logical(a, b, dispatch.B_LOGICAL_XOR, stream)


atan2 = arctan2
pow = _power
bitwise_left_shift = _left_shift
bitwise_right_shift = _right_shift


def divmod(a, b, stream=None):
    """Element-wise quotient and remainder of floor division, as Python's ``divmod``.

    Equivalent to ``[floor_divide(a, b), remainder(a, b)]`` computed in one op: the quotient is
    rounded toward negative infinity and the remainder takes the sign of ``b``. The inputs broadcast
    against each other and their dtypes are promoted.

    Parameters
    ----------
    a : array or scalar
        The dividend. Lists and NumPy arrays are converted to arrays too.
    b : array or scalar
        The divisor, converted likewise.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    list(array)
        ``[quotient, remainder]``, both of the broadcast shape and promoted dtype.

    Raises
    ------
    ValueError
        When the shapes do not broadcast, or an input is complex.
    ZeroDivisionError
        For integer inputs whose divisor holds 0 (see Notes).
    OverflowError
        For integer inputs dividing the type's most negative value by -1 (see Notes).

    Examples
    --------
    >>> q, r = mx.divmod(mx.array([7, -7]), 2)
    >>> q
    array([3, -4], dtype=int32)
    >>> r
    array([1, 1], dtype=int32)

    Notes
    -----
    The reference binding crashes the process on an integer division by zero; mlxcy raises
    ``ZeroDivisionError`` (``OverflowError`` for ``MIN // -1``) when the operand values are already on
    the host. Values still to be computed are not read.

    The parameters after the operands may also be passed by position (``mx.divmod(a, b, mx.cpu)``), as
    the reference's published signature lists them; MLX's own binding takes them only by keyword.
    """
    cdef optional[c_array] ca = nullopt, cb = nullopt
    _pair(a, b, ca, cb)
    out = wrap_list(ops.divmod(deref(ca), deref(cb), to_sod(stream)))
    check_integer_division(deref(ca), deref(cb), True)
    return out


def isclose(a, b, /, double rtol=1e-05, double atol=1e-08, *, equal_nan=False, stream=None):
    """Element-wise test whether ``a`` and ``b`` are equal within a tolerance.

    Two values are close when ``abs(a - b) <= atol + rtol * abs(b)``. Equal infinities are close; NaN
    is close to nothing unless ``equal_nan`` is set. The inputs broadcast against each other.

    Parameters
    ----------
    a : array or scalar
        The first input. Lists and NumPy arrays are converted to arrays too.
    b : array or scalar
        The second input, converted likewise (the relative tolerance scales with it).
    rtol : float, optional
        Relative tolerance. Default: ``1e-05``.
    atol : float, optional
        Absolute tolerance. Default: ``1e-08``.
    equal_nan : bool, optional
        Whether two NaNs count as close. Default: ``False``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        A boolean array of the broadcast shape.

    Raises
    ------
    ValueError
        When the shapes do not broadcast.
    TypeError
        When ``rtol`` or ``atol`` is not a number, or ``equal_nan`` is not a bool.

    Examples
    --------
    >>> mx.isclose(mx.array([1.0, 1.5, float("nan")]), mx.array([1.0, 1.0, float("nan")]))
    array([True, False, False], dtype=bool)
    >>> mx.isclose(mx.array([1.0, 1.5]), mx.array([1.0, 1.0]), atol=0.5)
    array([True, True], dtype=bool)
    >>> mx.isclose(mx.array([float("nan")]), mx.array([float("nan")]), equal_nan=True)
    array([True], dtype=bool)
    """
    cdef optional[c_array] ca = nullopt, cb = nullopt
    _pair(a, b, ca, cb)
    return wrap(ops.isclose(deref(ca), deref(cb), rtol, atol, to_flag(equal_nan, "isclose", "equal_nan"),
                            to_sod(stream)))


def allclose(a, b, /, double rtol=1e-05, double atol=1e-08, *, equal_nan=False, stream=None):
    """Whether every element of ``a`` is close to the matching element of ``b``.

    The reduction of :func:`isclose` with :func:`all`: the elements are close when
    ``abs(a - b) <= atol + rtol * abs(b)``. The inputs broadcast against each other.

    Parameters
    ----------
    a : array or scalar
        The first input. Lists and NumPy arrays are converted to arrays too.
    b : array or scalar
        The second input, converted likewise (the relative tolerance scales with it).
    rtol : float, optional
        Relative tolerance. Default: ``1e-05``.
    atol : float, optional
        Absolute tolerance. Default: ``1e-08``.
    equal_nan : bool, optional
        Whether two NaNs count as close. Default: ``False``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        A boolean scalar (0-d) array.

    Raises
    ------
    ValueError
        When the shapes do not broadcast.
    TypeError
        When ``rtol`` or ``atol`` is not a number, or ``equal_nan`` is not a bool.

    Examples
    --------
    >>> mx.allclose(mx.array([1.0, 2.0]), mx.array([1.0, 2.5]))
    array(False, dtype=bool)
    >>> mx.allclose(mx.array([1.0, 2.0]), mx.array([1.0, 2.5]), atol=0.5)
    array(True, dtype=bool)
    """
    cdef optional[c_array] ca = nullopt, cb = nullopt
    _pair(a, b, ca, cb)
    return wrap(ops.allclose(deref(ca), deref(cb), rtol, atol, to_flag(equal_nan, "allclose", "equal_nan"),
                             to_sod(stream)))


def array_equal(a, b, equal_nan=False, stream=None):
    """Whether ``a`` and ``b`` have the same shape and equal elements.

    The dtypes need not match: values are compared after promotion. Arrays of different shapes are
    simply not equal (no broadcasting).

    Parameters
    ----------
    a : array or scalar
        The first input. Lists and NumPy arrays are converted to arrays too.
    b : array or scalar
        The second input, converted likewise.
    equal_nan : bool, optional
        Whether NaNs in the same places count as equal. Default: ``False``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        A boolean scalar (0-d) array.

    Raises
    ------
    TypeError
        When ``equal_nan`` is not a bool.

    Examples
    --------
    >>> mx.array_equal(mx.array([1, 2]), mx.array([1.0, 2.0]))
    array(True, dtype=bool)
    >>> mx.array_equal(mx.array([1, 2]), mx.array([1, 2, 3]))
    array(False, dtype=bool)
    >>> mx.array_equal(mx.array([float("nan")]), mx.array([float("nan")]), equal_nan=True)
    array(True, dtype=bool)

    Notes
    -----
    The parameters after the operands may also be passed by position (``mx.array_equal(a, b, True)``),
    as the reference's published signature lists them; MLX's own binding takes them only by keyword.
    """
    cdef optional[c_array] ca = nullopt, cb = nullopt
    _pair(a, b, ca, cb)
    return wrap(ops.array_equal(deref(ca), deref(cb), to_flag(equal_nan, "array_equal", "equal_nan"), to_sod(stream)))


# ---- others -----------------------------------------------------------------------------------

def nan_to_num(a, nan=0, posinf=None, neginf=None, *, stream=None):
    """Replace NaN and infinite values with finite numbers.

    Integer and boolean arrays come back unchanged.

    Parameters
    ----------
    a : array
        The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
        own binding refuses lists).
    nan : float, optional
        The value NaNs become. Default: ``0``.
    posinf : float, optional
        The value positive infinities become. Default: ``None``, the largest finite value of the
        dtype of ``a``.
    neginf : float, optional
        The value negative infinities become. Default: ``None``, the lowest finite value of the dtype
        of ``a``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        Same shape and dtype as ``a``, with the replacements made.

    Examples
    --------
    >>> a = mx.array([float("nan"), float("inf"), -float("inf"), 1.5])
    >>> mx.nan_to_num(a, nan=-1.0, posinf=100, neginf=-100)
    array([-1, 100, -100, 1.5], dtype=float32)
    >>> mx.nan_to_num(mx.array([float("nan"), float("inf")], dtype=mx.float16))
    array([0, 65504], dtype=float16)
    """
    cdef optional[c_array] tmp = nullopt
    cdef const c_array* p = array_like_arg(a, tmp)
    cdef float fnan = nan
    cdef float pinf = 0 if posinf is None else posinf
    cdef float ninf = 0 if neginf is None else neginf
    return wrap(dispatch.nan_to_num_op(deref(p), fnan, posinf is not None, pinf, neginf is not None, ninf,
                                  to_sod(stream)))


def clip(a, /, a_min, a_max, *, stream=None):
    """Limit the values of ``a`` to the interval ``[a_min, a_max]``.

    Values below ``a_min`` become ``a_min`` and values above ``a_max`` become ``a_max``. The bounds
    may be scalars or arrays that broadcast against ``a``; either one (not both) may be ``None`` for
    no limit on that side. The result takes the dtype promoted from ``a`` and the bounds.

    Parameters
    ----------
    a : array
        The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
        own binding refuses lists).
    a_min : scalar or array or None
        The lower bound, or ``None`` for none.
    a_max : scalar or array or None
        The upper bound, or ``None`` for none.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The clipped values, of the broadcast shape and promoted dtype.

    Raises
    ------
    ValueError
        When both bounds are ``None``, or the shapes do not broadcast.

    Examples
    --------
    >>> a = mx.array([1, 5, 9])
    >>> mx.clip(a, 2, 6)
    array([2, 5, 6], dtype=int32)
    >>> mx.clip(a, None, 6)
    array([1, 5, 6], dtype=int32)
    >>> mx.clip(a, 2.5, None)
    array([2.5, 5, 9], dtype=float32)
    """
    cdef optional[c_array] ca = nullopt, lo = nullopt, hi = nullopt, tmp = nullopt
    if a_min is None and a_max is None:
        raise ValueError("At most one of a_min and a_max may be None")
    if type(a) is not array:
        array_like_arg(a, tmp)
        a = wrap(deref(tmp))
    if a_min is not None:
        _pair(a, a_min, ca, lo)
    if a_max is not None:
        _pair(a, a_max, ca, hi)
    return wrap(ops.clip(deref(ca), lo, hi, to_sod(stream)))


def where(condition, x, y, /, *, stream=None):
    """Pick elements from ``x`` where ``condition`` is true and from ``y`` elsewhere.

    ``condition``, ``x`` and ``y`` broadcast against each other; any non-zero condition counts as
    true. The result takes the dtype promoted from ``x`` and ``y``.

    Parameters
    ----------
    condition : array or scalar
        Where to take ``x``. Lists and NumPy arrays are converted to arrays too.
    x : array or scalar
        The values taken where ``condition`` is true.
    y : array or scalar
        The values taken where ``condition`` is false.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        Of the broadcast shape and the dtype promoted from ``x`` and ``y``.

    Raises
    ------
    ValueError
        When the shapes do not broadcast.

    Examples
    --------
    >>> mx.where(mx.array([True, False, True]), mx.array([1, 2, 3]), mx.array([10, 20, 30]))
    array([1, 20, 3], dtype=int32)
    >>> mx.where(mx.array([1, 0]), 1, 2.5)
    array([1, 2.5], dtype=float32)
    """
    cdef optional[c_array] cond = nullopt, cx = nullopt, cy = nullopt
    cdef const c_array* p = array_like_arg(condition, cond)
    _pair(x, y, cx, cy)
    return wrap(ops.where(deref(p), deref(cx), deref(cy), to_sod(stream)))


def diff(a, /, n=1, axis=-1, *, stream=None):
    """The ``n``-th discrete difference along one axis.

    The first difference is ``a[1:] - a[:-1]`` along ``axis``; higher orders repeat it, so the axis
    shrinks by ``n`` (to length 0 when ``n`` exceeds it). ``n = 0`` returns ``a`` unchanged. For
    boolean arrays the difference is ``a[1:] != a[:-1]``.

    Parameters
    ----------
    a : array
        The input array, with at least one dimension. Lists and NumPy arrays are converted to an array
        first (MLX's own binding refuses them).
    n : int, optional
        How many times to take the difference. Default: ``1``.
    axis : int, optional
        The axis along which to take it. Default: ``-1``, the last one.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The differences, of the dtype of ``a``; the shape of ``a`` with ``max(0, len - n)`` along
        ``axis``.

    Raises
    ------
    ValueError
        When ``n`` is negative.
    IndexError
        When ``axis`` is out of range (also for a 0-d ``a``).

    Examples
    --------
    >>> a = mx.array([1, 4, 9, 16])
    >>> mx.diff(a)
    array([3, 5, 7], dtype=int32)
    >>> mx.diff(a, n=2)
    array([2, 2], dtype=int32)
    >>> mx.diff(mx.array([[1, 4], [9, 16]]), axis=0)
    array([[8, 12]], dtype=int32)
    """
    cdef optional[c_array] tmp = nullopt
    cdef const c_array* p = array_like_arg(a, tmp)
    cdef int order = to_int32(n, "diff", "n")
    cdef int ax = to_int32(axis, "diff", "axis")
    cdef int ndim = deref(p).ndim()
    # Past the axis length every further difference is empty: stop there, as libmlx would
    # otherwise build one subtraction per order (diff(a, 10**6) took seconds; issue 17).
    if -ndim <= ax < ndim and order > deref(p).shape(ax if ax >= 0 else ax + ndim):
        order = deref(p).shape(ax if ax >= 0 else ax + ndim)
    return wrap(ops.diff(deref(p), order, ax, to_sod(stream)))


def depends(inputs, dependencies):
    """Return ``inputs`` unchanged, but evaluated only after ``dependencies``.

    The result stands for ``inputs`` in the graph but also depends on ``dependencies``: evaluating it
    evaluates the dependencies first, though their values are not used. Useful to order side effects,
    such as communication, that nothing else depends on.

    Parameters
    ----------
    inputs : array or list(array)
        The arrays to pass through.
    dependencies : array or list(array)
        The arrays that must be computed first.

    Returns
    -------
    array or list(array)
        An array when ``inputs`` is one array, otherwise a list of arrays, equal to ``inputs``.

    Raises
    ------
    TypeError
        When ``inputs`` or ``dependencies`` is neither an array nor a sequence of arrays.
    ValueError
        When ``inputs`` is empty.

    Examples
    --------
    >>> a = mx.array([1, 2])
    >>> b = mx.array([3])
    >>> mx.depends(a, b)
    array([1, 2], dtype=int32)
    >>> mx.depends([a, a], [b])
    [array([1, 2], dtype=int32), array([1, 2], dtype=int32)]

    Notes
    -----
    The reference binding fails with ``RuntimeError: std::bad_cast`` for arguments that are not
    arrays, and crashes on an empty ``inputs``.
    """
    cdef bint single = isinstance(inputs, array)
    cdef vector[c_array] ins = array_list_arg((inputs,) if isinstance(inputs, array) else inputs, "depends", TypeError)
    cdef vector[c_array] deps = array_list_arg((dependencies,) if isinstance(dependencies, array) else dependencies, "depends",
                                                  TypeError)
    if ins.empty():
        raise ValueError("[depends] inputs must hold at least one array")
    out = wrap_list(ops.depends(ins, deps))
    return out[0] if single else out


# ---- dtype predicates -------------------------------------------------------------------------

def can_cast(from_, to):
    """Whether a dtype casts safely to another, by MLX's type promotion rules.

    The cast is safe when promoting the source dtype with ``to`` gives ``to``. Those are MLX's rules,
    not NumPy's: ``int64`` casts safely to ``float32``, for instance.

    Parameters
    ----------
    from_ : array or Dtype
        The source dtype, or an array whose dtype is used.
    to : Dtype
        The target dtype.

    Returns
    -------
    bool
        ``True`` when the cast is safe.

    Raises
    ------
    ValueError
        When ``from_`` is neither an array nor a Dtype.
    TypeError
        When ``from_`` is ``None`` or ``to`` is not a Dtype.

    Examples
    --------
    >>> mx.can_cast(mx.int32, mx.float32)
    True
    >>> mx.can_cast(mx.float32, mx.int32)
    False
    >>> mx.can_cast(mx.array([1, 2]), mx.int64)
    True
    >>> mx.can_cast(mx.int64, mx.float32)
    True
    """
    cdef c_Dtype src
    cdef c_Dtype dst
    if isinstance(from_, array):
        src = (<array>from_)._a.dtype()
    elif isinstance(from_, Dtype):
        src = to_c_dtype(from_)
    elif from_ is None:
        raise TypeError("can_cast(): `from_` must be an array or a dtype, got None")
    else:
        raise ValueError("[can_cast] `from_` must be an array or a dtype.")
    if not isinstance(to, Dtype):
        raise TypeError(f"[can_cast] `to` must be a Dtype, got {type(to).__name__}")
    dst = to_c_dtype(to)
    return promote_types(src, dst) == dst


# The kind names of the array API standard, as the dtype categories they stand for.
cdef dict _KINDS = {
    "bool": -1,   # only bool itself
    "signed integer": <int>c_DtypeCategory.signedinteger,
    "unsigned integer": <int>c_DtypeCategory.unsignedinteger,
    "integral": <int>c_DtypeCategory.integer,
    "real floating": <int>c_DtypeCategory.floating,
    "complex floating": <int>c_DtypeCategory.complexfloating,
    "numeric": <int>c_DtypeCategory.number,
}


cdef bint _is_kind(c_Dtype d, object kind) except -1:
    cdef c_DtypeCategory cat
    if isinstance(kind, Dtype):
        return d == to_c_dtype(kind)
    if isinstance(kind, str):
        if kind not in _KINDS:
            raise ValueError(f"[isdtype] Unknown data type kind: '{kind}'.")
        category = _KINDS[kind]
        if category < 0:
            return d == bool_
        cat = <c_DtypeCategory><int>category
        return c_issubdtype(d, cat)
    raise ValueError("[isdtype] `kind` must be a dtype, a string, or a tuple of dtypes and strings.")


def isdtype(dtype, kind):
    """Whether ``dtype`` is of the given kind.

    Parameters
    ----------
    dtype : Dtype
        The dtype to test.
    kind : Dtype or str or tuple
        A Dtype (equality), one of the kind names ``"bool"``, ``"signed integer"``,
        ``"unsigned integer"``, ``"integral"``, ``"real floating"``, ``"complex floating"``,
        ``"numeric"``, or a tuple of those (true when any matches). ``bool`` is neither integral nor
        numeric.

    Returns
    -------
    bool
        ``True`` when ``dtype`` matches ``kind``.

    Raises
    ------
    TypeError
        When ``dtype`` is not a Dtype or ``kind`` is ``None``.
    ValueError
        When ``kind`` is an unknown name or of another type.

    Examples
    --------
    >>> mx.isdtype(mx.int32, "integral")
    True
    >>> mx.isdtype(mx.bfloat16, ("bool", "real floating"))
    True
    >>> mx.isdtype(mx.bool_, "numeric")
    False
    """
    if not isinstance(dtype, Dtype):
        raise TypeError(f"[isdtype] `dtype` must be a Dtype, got {type(dtype).__name__}")
    cdef c_Dtype d = to_c_dtype(dtype)
    if kind is None:   # the reference's parser refuses None before looking
        raise TypeError("isdtype(): kind must be a Dtype, a kind name or a tuple of those, got None")
    if isinstance(kind, tuple):
        for k in kind:
            if _is_kind(d, k):
                return True
        return False
    return _is_kind(d, kind)

