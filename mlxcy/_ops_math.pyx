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
    """Element-wise absolute value."""
    return _unary(a, dispatch.U_ABS, stream)


def arccos(a, /, *, stream=None):
    """Element-wise inverse cosine."""
    return _unary(a, dispatch.U_ARCCOS, stream)


def arccosh(a, /, *, stream=None):
    """Element-wise inverse hyperbolic cosine."""
    return _unary(a, dispatch.U_ARCCOSH, stream)


def arcsin(a, /, *, stream=None):
    """Element-wise inverse sine."""
    return _unary(a, dispatch.U_ARCSIN, stream)


def arcsinh(a, /, *, stream=None):
    """Element-wise inverse hyperbolic sine."""
    return _unary(a, dispatch.U_ARCSINH, stream)


def arctan(a, /, *, stream=None):
    """Element-wise inverse tangent."""
    return _unary(a, dispatch.U_ARCTAN, stream)


def arctanh(a, /, *, stream=None):
    """Element-wise inverse hyperbolic tangent."""
    return _unary(a, dispatch.U_ARCTANH, stream)


def ceil(a, /, *, stream=None):
    """Element-wise ceiling (smallest integer not below each element)."""
    return _unary(a, dispatch.U_CEIL, stream)


def floor(a, /, *, stream=None):
    """Element-wise floor (largest integer not above each element)."""
    return _unary(a, dispatch.U_FLOOR, stream)


def trunc(a, /, *, stream=None):
    """Element-wise truncation toward zero."""
    return _unary(a, dispatch.U_TRUNC, stream)


def cos(a, /, *, stream=None):
    """Element-wise cosine."""
    return _unary(a, dispatch.U_COS, stream)


def cosh(a, /, *, stream=None):
    """Element-wise hyperbolic cosine."""
    return _unary(a, dispatch.U_COSH, stream)


def sin(a, /, *, stream=None):
    """Element-wise sine."""
    return _unary(a, dispatch.U_SIN, stream)


def sinh(a, /, *, stream=None):
    """Element-wise hyperbolic sine."""
    return _unary(a, dispatch.U_SINH, stream)


def tan(a, /, *, stream=None):
    """Element-wise tangent."""
    return _unary(a, dispatch.U_TAN, stream)


def tanh(a, /, *, stream=None):
    """Element-wise hyperbolic tangent."""
    return _unary(a, dispatch.U_TANH, stream)


def exp(a, /, *, stream=None):
    """Element-wise natural exponential."""
    return _unary(a, dispatch.U_EXP, stream)


def expm1(a, /, *, stream=None):
    """Element-wise ``exp(a) - 1``, accurate for small ``a``."""
    return _unary(a, dispatch.U_EXPM1, stream)


def log(a, /, *, stream=None):
    """Element-wise natural logarithm."""
    return _unary(a, dispatch.U_LOG, stream)


def log10(a, /, *, stream=None):
    """Element-wise base-10 logarithm."""
    return _unary(a, dispatch.U_LOG10, stream)


def log1p(a, /, *, stream=None):
    """Element-wise ``log(1 + a)``, accurate for small ``a``."""
    return _unary(a, dispatch.U_LOG1P, stream)


def log2(a, /, *, stream=None):
    """Element-wise base-2 logarithm."""
    return _unary(a, dispatch.U_LOG2, stream)


def sqrt(a, /, *, stream=None):
    """Element-wise square root."""
    return _unary(a, dispatch.U_SQRT, stream)


def rsqrt(a, /, *, stream=None):
    """Element-wise reciprocal of the square root."""
    return _unary(a, dispatch.U_RSQRT, stream)


def square(a, /, *, stream=None):
    """Element-wise square."""
    return _unary(a, dispatch.U_SQUARE, stream)


def reciprocal(a, /, *, stream=None):
    """Element-wise ``1 / a``."""
    return _unary(a, dispatch.U_RECIPROCAL, stream)


def sign(a, /, *, stream=None):
    """Element-wise sign: -1, 0 or 1 (``a / |a|`` for complex values)."""
    return _unary(a, dispatch.U_SIGN, stream)


def sigmoid(a, /, *, stream=None):
    """Element-wise logistic sigmoid ``1 / (1 + exp(-a))``."""
    return _unary(a, dispatch.U_SIGMOID, stream)


def erf(a, /, *, stream=None):
    """Element-wise Gauss error function."""
    return _unary(a, dispatch.U_ERF, stream)


def erfinv(a, /, *, stream=None):
    """Element-wise inverse of the error function."""
    return _unary(a, dispatch.U_ERFINV, stream)


def negative(a, /, *, stream=None):
    """Element-wise negation."""
    return _unary(a, dispatch.U_NEGATIVE, stream)


def positive(a, /, *, stream=None):
    """Element-wise unary plus: the values unchanged."""
    return _unary(a, dispatch.U_POSITIVE, stream)


def degrees(a, /, *, stream=None):
    """Convert angles from radians to degrees."""
    return _unary(a, dispatch.U_DEGREES, stream)


def radians(a, /, *, stream=None):
    """Convert angles from degrees to radians."""
    return _unary(a, dispatch.U_RADIANS, stream)


def logical_not(a, /, *, stream=None):
    """Element-wise logical negation (non-zero counts as true)."""
    return _unary(a, dispatch.U_LOGICAL_NOT, stream)


def bitwise_invert(a, stream=None):
    """Element-wise bitwise NOT of an integer or boolean array."""
    return _unary(a, dispatch.U_BITWISE_INVERT, stream)


def isnan(a, stream=None):
    """Element-wise test for NaN."""
    return _unary(a, dispatch.U_ISNAN, stream)


def isinf(a, stream=None):
    """Element-wise test for positive or negative infinity."""
    return _unary(a, dispatch.U_ISINF, stream)


def isfinite(a, stream=None):
    """Element-wise test for finite values (neither infinite nor NaN)."""
    return _unary(a, dispatch.U_ISFINITE, stream)


def isposinf(a, stream=None):
    """Element-wise test for positive infinity."""
    return _unary(a, dispatch.U_ISPOSINF, stream)


def isneginf(a, stream=None):
    """Element-wise test for negative infinity."""
    return _unary(a, dispatch.U_ISNEGINF, stream)


def real(a, /, *, stream=None):
    """The real part of each element."""
    return _unary(a, dispatch.U_REAL, stream)


def imag(a, /, *, stream=None):
    """The imaginary part of each element (zeros for real arrays)."""
    return _unary(a, dispatch.U_IMAG, stream)


def conj(a, *, stream=None):
    """Element-wise complex conjugate (real arrays are returned unchanged)."""
    return _unary(a, dispatch.U_CONJ, stream)


def stop_gradient(a, /, *, stream=None):
    """The identity, but blocks gradients from flowing through ``a``."""
    return _unary(a, dispatch.U_STOP_GRADIENT, stream)


def round(a, /, decimals=0, stream=None):
    """Round to ``decimals`` decimal places (negative: to tens, hundreds, ...), halves to even."""
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
    """Element-wise inverse tangent of ``a / b``, using the signs of both for the quadrant."""
    return _binary(a, b, dispatch.B_ARCTAN2, stream)


def logaddexp(a, b, /, *, stream=None):
    """Element-wise ``log(exp(a) + exp(b))``, computed stably."""
    return _binary(a, b, dispatch.B_LOGADDEXP, stream)


def maximum(a, b, /, *, stream=None):
    """Element-wise maximum (NaN propagates)."""
    return _binary(a, b, dispatch.B_MAXIMUM, stream)


def minimum(a, b, /, *, stream=None):
    """Element-wise minimum (NaN propagates)."""
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
    """Element-wise logical AND (non-zero counts as true)."""
    return _logical(a, b, dispatch.B_LOGICAL_AND, stream)


def logical_or(a, b, /, *, stream=None):
    """Element-wise logical OR (non-zero counts as true)."""
    return _logical(a, b, dispatch.B_LOGICAL_OR, stream)


def logical_xor(a, b, /, *, stream=None):
    """Element-wise logical exclusive OR (non-zero counts as true)."""
    return _logical(a, b, dispatch.B_LOGICAL_XOR, stream)


atan2 = arctan2
pow = _power
bitwise_left_shift = _left_shift
bitwise_right_shift = _right_shift


def divmod(a, b, stream=None):
    """Element-wise ``[floor_divide(a, b), remainder(a, b)]``, as a list of two arrays."""
    cdef optional[c_array] ca = nullopt, cb = nullopt
    _pair(a, b, ca, cb)
    out = wrap_list(ops.divmod(deref(ca), deref(cb), to_sod(stream)))
    check_integer_division(deref(ca), deref(cb), True)
    return out


def isclose(a, b, /, double rtol=1e-05, double atol=1e-08, *, equal_nan=False, stream=None):
    """Element-wise ``|a - b| <= atol + rtol * |b|``; NaNs compare equal if ``equal_nan``."""
    cdef optional[c_array] ca = nullopt, cb = nullopt
    _pair(a, b, ca, cb)
    return wrap(ops.isclose(deref(ca), deref(cb), rtol, atol, to_flag(equal_nan, "isclose", "equal_nan"),
                            to_sod(stream)))


def allclose(a, b, /, double rtol=1e-05, double atol=1e-08, *, equal_nan=False, stream=None):
    """Whether :func:`isclose` holds for every element, as a boolean scalar array."""
    cdef optional[c_array] ca = nullopt, cb = nullopt
    _pair(a, b, ca, cb)
    return wrap(ops.allclose(deref(ca), deref(cb), rtol, atol, to_flag(equal_nan, "allclose", "equal_nan"),
                             to_sod(stream)))


def array_equal(a, b, equal_nan=False, stream=None):
    """Whether ``a`` and ``b`` have the same shape and equal values (dtypes may differ)."""
    cdef optional[c_array] ca = nullopt, cb = nullopt
    _pair(a, b, ca, cb)
    return wrap(ops.array_equal(deref(ca), deref(cb), to_flag(equal_nan, "array_equal", "equal_nan"), to_sod(stream)))


# ---- others -----------------------------------------------------------------------------------

def nan_to_num(a, nan=0, posinf=None, neginf=None, *, stream=None):
    """Replace NaN by ``nan`` and infinities by ``posinf``/``neginf`` (default: the dtype's
    largest and lowest finite values)."""
    cdef optional[c_array] tmp = nullopt
    cdef const c_array* p = array_like_arg(a, tmp)
    cdef float fnan = nan
    cdef float pinf = 0 if posinf is None else posinf
    cdef float ninf = 0 if neginf is None else neginf
    return wrap(dispatch.nan_to_num_op(deref(p), fnan, posinf is not None, pinf, neginf is not None, ninf,
                                  to_sod(stream)))


def clip(a, /, a_min, a_max, *, stream=None):
    """Limit the values of ``a`` to ``[a_min, a_max]``; either bound (not both) may be None.
    Bounds may be scalars or arrays (broadcast against ``a``)."""
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
    """Elements of ``x`` where ``condition`` is true, else of ``y`` (all three broadcast)."""
    cdef optional[c_array] cond = nullopt, cx = nullopt, cy = nullopt
    cdef const c_array* p = array_like_arg(condition, cond)
    _pair(x, y, cx, cy)
    return wrap(ops.where(deref(p), deref(cx), deref(cy), to_sod(stream)))


def diff(a, /, n=1, axis=-1, *, stream=None):
    """The ``n``-th discrete difference along ``axis``."""
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
    """``inputs`` unchanged, but evaluated only after ``dependencies``. An array in gives an
    array out; a sequence in gives a list out."""
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
    """Whether ``from_`` (an array or Dtype) casts safely to ``to``: promoting the two gives ``to``."""
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
    """Whether ``dtype`` is ``kind``: a Dtype, one of the kind names ``"bool"``,
    ``"signed integer"``, ``"unsigned integer"``, ``"integral"``, ``"real floating"``,
    ``"complex floating"``, ``"numeric"``, or a tuple of those (any matches)."""
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

