# The element-wise ops of mlx.core that take more than their operands (round, divmod, isclose,
# clip, where, diff, ...) and the dtype predicates: the hand-written part of _ops_math, which
# codegen/generate.py includes ahead of the regular ops it generates from the op table.
from cython.operator cimport dereference as deref
from libcpp cimport bool as cbool
from libcpp.optional cimport optional, nullopt
from libcpp.vector cimport vector

from mlxcy._core cimport (array, Dtype, wrap, wrap_tmp, wrap_list, to_c, to_c_pair, to_sod, to_c_list, to_flag, to_int32,
                          to_c_dtype, check_integer_division)
from mlxcy.includes.mlx cimport (array as c_array, Dtype as c_Dtype, StreamOrDevice, promote_types,
                                 issubdtype as c_issubdtype, bool_, DtypeCategory as c_DtypeCategory)
from mlxcy._arguments cimport array_like_arg, array_list_arg, operands_arg, stream_arg
from mlxcy.includes cimport ops
from mlxcy.includes cimport ops_math as dispatch   # nan_to_num_op

from mlxcy._core import power as _power, left_shift as _left_shift, right_shift as _right_shift


# ---- one operand (the regular element-wise ops come from codegen/regular_ops.py) ------------

def round(a: array, /, decimals: int = 0, stream: StreamOrDevice = None) -> array:
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
    return wrap_tmp(ops.round(deref(p), to_int32(decimals, "round", "decimals"), stream_arg(stream)))


# ---- two operands ---------------------------------------------------------------------------

pow = _power
bitwise_left_shift = _left_shift
bitwise_right_shift = _right_shift


def divmod(a: scalar | array, b: scalar | array, stream: StreamOrDevice = None) -> array:
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
    operands_arg(a, b, ca, cb)
    out = wrap_list(ops.divmod(deref(ca), deref(cb), stream_arg(stream)))
    check_integer_division(deref(ca), deref(cb), True)
    return out


def isclose(a: array, b: array, /, double rtol: float = 1e-05, double atol: float = 1e-08, *,
            equal_nan: bool = False, stream: StreamOrDevice = None) -> array:
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
    operands_arg(a, b, ca, cb)
    return wrap_tmp(ops.isclose(deref(ca), deref(cb), rtol, atol, to_flag(equal_nan, "isclose", "equal_nan"),
                            stream_arg(stream)))


def allclose(a: array, b: array, /, double rtol: float = 1e-05, double atol: float = 1e-08, *,
             equal_nan: bool = False, stream: StreamOrDevice = None) -> array:
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
    operands_arg(a, b, ca, cb)
    return wrap_tmp(ops.allclose(deref(ca), deref(cb), rtol, atol, to_flag(equal_nan, "allclose", "equal_nan"),
                             stream_arg(stream)))


def array_equal(a: scalar | array, b: scalar | array, equal_nan: bool = False,
                stream: StreamOrDevice = None) -> array:
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
    operands_arg(a, b, ca, cb)
    return wrap_tmp(ops.array_equal(deref(ca), deref(cb), to_flag(equal_nan, "array_equal", "equal_nan"), stream_arg(stream)))


# ---- others -----------------------------------------------------------------------------------

def nan_to_num(a: scalar | array, nan: float = 0, posinf: float | None = None,
               neginf: float | None = None, *, stream: StreamOrDevice = None) -> array:
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
    return wrap_tmp(dispatch.nan_to_num_op(deref(p), fnan, posinf is not None, pinf, neginf is not None, ninf,
                                  stream_arg(stream)))


def clip(a: array, /, a_min: scalar | array | None, a_max: scalar | array | None, *,
         stream: StreamOrDevice = None) -> array:
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
        operands_arg(a, a_min, ca, lo)
    if a_max is not None:
        operands_arg(a, a_max, ca, hi)
    return wrap_tmp(ops.clip(deref(ca), lo, hi, stream_arg(stream)))


def where(condition: scalar | array, x: scalar | array, y: scalar | array, /, *,
          stream: StreamOrDevice = None) -> array:
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
    operands_arg(x, y, cx, cy)
    return wrap_tmp(ops.where(deref(p), deref(cx), deref(cy), stream_arg(stream)))


def diff(a: array, /, n: int = 1, axis: int = -1, *, stream: StreamOrDevice = None) -> array:
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
    return wrap_tmp(ops.diff(deref(p), order, ax, stream_arg(stream)))


def depends(inputs: array | Sequence[array], dependencies: array | Sequence[array]) -> Any:
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

def can_cast(from_: array | Dtype, to: Dtype) -> bool:
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


def isdtype(dtype: Dtype, kind: Dtype | str | tuple[Dtype | str, ...]) -> bool:
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

