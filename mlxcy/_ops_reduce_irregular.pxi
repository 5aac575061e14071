# The reductions, scans, sorts and searches of mlx.core that take more than an axis and keepdims
# (var, std, softmax, argmin, cumsum, sort, ...): the hand-written part of _ops_reduce, which
# codegen/generate.py includes ahead of the regular reductions it generates from the op table.
from cython.operator cimport dereference as deref
from libcpp cimport bool as cbool
from libcpp.optional cimport optional, nullopt
from libcpp.string cimport string
from libcpp.vector cimport vector

from mlxcy._core cimport (array, wrap, wrap_tmp, wrap_list, to_c_pair, to_sod, to_c_dtype, to_axes, to_flag, to_int32,
                          check_copyable)
from mlxcy.includes.mlx cimport array as c_array, Dtype as c_Dtype, float32   # trace's default
from mlxcy._arguments cimport array_like_arg, reduction_axes_arg, single_axis_arg, stream_arg
from mlxcy.includes cimport ops
from mlxcy.includes cimport ops_math as dispatch
from mlxcy.includes cimport cpu_kernels as cpuk


# ---- shared argument handling -------------------------------------------------------------

cdef object _moment(object a, bint standard_deviation, object axis, bint keepdims, int ddof, object stream,
                    str opname):
    cdef optional[c_array] tmp = nullopt
    cdef const c_array* p = array_like_arg(a, tmp)
    cdef vector[int] axes = vector[int]()
    cdef bint has_axes = reduction_axes_arg(axis, axes, opname)
    return wrap_tmp(dispatch.moment_op(standard_deviation, deref(p), not has_axes, axes, keepdims, ddof, stream_arg(stream)))


cdef object _arg_reduce(object a, bint maximum, object axis, bint keepdims, object stream, str opname):
    """argmin (`maximum` false) or argmax, over one axis or the flattened array."""
    cdef optional[c_array] tmp = nullopt
    cdef optional[c_array] x = nullopt
    cdef StreamOrDevice s = stream_arg(stream)
    cdef const c_array* p = array_like_arg(a, tmp)
    if dispatch.empty_view_risk(deref(p)):   # (the input used in place otherwise: no copy)
        x = dispatch.reduction_input(deref(p), s)
        p = &x.value()
    cdef int ax = 0
    if single_axis_arg(axis, &ax, opname):
        if maximum:
            return wrap_tmp(ops.argmax(deref(p), ax, keepdims, s))
        return wrap_tmp(ops.argmin(deref(p), ax, keepdims, s))
    if maximum:
        return wrap_tmp(ops.argmax(deref(p), keepdims, s))
    return wrap_tmp(ops.argmin(deref(p), keepdims, s))


# ---- reductions -------------------------------------------------------------------------------


def var(a: array, /, axis: None | int | Sequence[int] = None, keepdims: bool = False, ddof: int = 0,
        *, stream: StreamOrDevice = None) -> array:
    """Variance of the elements over the given axes.

    The mean squared deviation from the mean, with the sum of squares divided by ``N - ddof`` where
    ``N`` is the number of elements reduced. Integer and bool inputs give float32.

    Parameters
    ----------
    a : array
        The input array.
    axis : int or list(int), optional
        Axis or axes to reduce over. Default: ``None``, every axis.
    keepdims : bool, optional
        Keep the reduced axes as axes of size 1. Default: ``False``.
    ddof : int, optional
        Delta degrees of freedom: ``ddof=1`` gives the unbiased sample variance. Default: ``0``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The variances (``inf`` or NaN where ``N - ddof`` is not positive).

    Raises
    ------
    IndexError
        When an axis is out of range.
    ValueError
        When an axis is given twice.

    Examples
    --------
    >>> a = mx.array([1, 2, 3, 4])
    >>> mx.var(a)
    array(1.25, dtype=float32)
    >>> mx.var(mx.array([1.0, 3.0]), ddof=1)
    array(2, dtype=float32)

    Notes
    -----
    mlxcy also accepts a Python scalar, list or NumPy array for ``a`` (the reference raises
    ``TypeError``).
    """
    return _moment(a, False, axis, to_flag(keepdims, "var", "keepdims"), to_int32(ddof, "var", "ddof"), stream, "var")


def std(a: array, /, axis: None | int | Sequence[int] = None, keepdims: bool = False, ddof: int = 0,
        *, stream: StreamOrDevice = None) -> array:
    """Standard deviation of the elements over the given axes.

    The square root of :func:`var` with the same ``ddof``. Integer and bool inputs give float32.

    Parameters
    ----------
    a : array
        The input array.
    axis : int or list(int), optional
        Axis or axes to reduce over. Default: ``None``, every axis.
    keepdims : bool, optional
        Keep the reduced axes as axes of size 1. Default: ``False``.
    ddof : int, optional
        Delta degrees of freedom: the sum of squares is divided by ``N - ddof``. Default: ``0``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The standard deviations.

    Raises
    ------
    IndexError
        When an axis is out of range.
    ValueError
        When an axis is given twice.

    Examples
    --------
    >>> mx.std(mx.array([1.0, 3.0]))
    array(1, dtype=float32)
    >>> mx.std(mx.array([[1, 3], [2, 2]]), axis=1)
    array([1, 0], dtype=float32)

    Notes
    -----
    mlxcy also accepts a Python scalar, list or NumPy array for ``a`` (the reference raises
    ``TypeError``).
    """
    return _moment(a, True, axis, to_flag(keepdims, "std", "keepdims"), to_int32(ddof, "std", "ddof"), stream, "std")


def softmax(a: array, /, axis: None | int | Sequence[int] = None, *, precise: bool = False,
            stream: StreamOrDevice = None) -> array:
    """Softmax over the given axes: ``exp(a) / sum(exp(a))``, computed stably.

    Integer and bool inputs give float32; floating inputs keep their dtype.

    Parameters
    ----------
    a : array
        The input array.
    axis : int or list(int), optional
        Axis or axes to normalize over. Default: ``None``, every axis.
    precise : bool, optional
        For float16 and bfloat16 inputs, accumulate in float32. Keyword only. Default: ``False``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        An array of the shape of ``a`` whose entries along the given axes sum to 1.

    Raises
    ------
    IndexError
        When an axis is out of range.
    ValueError
        When an axis is given twice.

    Examples
    --------
    >>> mx.softmax(mx.array([0.0, 0.0]))
    array([0.5, 0.5], dtype=float32)
    >>> mx.softmax(mx.array([[1.0, 1.0], [5.0, 5.0]]), axis=1)
    array([[0.5, 0.5],
           [0.5, 0.5]], dtype=float32)

    Notes
    -----
    mlxcy also accepts a Python scalar, list or NumPy array for ``a`` (the reference raises
    ``TypeError``).
    """
    cdef StreamOrDevice s = stream_arg(stream)
    cdef optional[c_array] tmp = nullopt
    cdef optional[c_array] x = nullopt
    cdef const c_array* p = array_like_arg(a, tmp)
    if dispatch.empty_view_risk(deref(p)):   # (the input used in place otherwise: no copy)
        x = dispatch.reduction_input(deref(p), s)
        p = &x.value()
    cdef vector[int] axes = vector[int]()
    cdef bint has_axes = reduction_axes_arg(axis, axes, "softmax")
    # mlxcy's CPU kernel for float32 over the last axis (src/cpu_kernels.h), libmlx's otherwise
    return wrap_tmp(cpuk.softmax(deref(p), not has_axes, axes, to_flag(precise, "softmax", "precise"), s))


def minmax(a: array, /, axis: None | int | Sequence[int] = None, keepdims: bool = False, *,
           stream: StreamOrDevice = None) -> tuple[array, array]:
    """Minimum and maximum of the elements over the given axes, in one call.

    Parameters
    ----------
    a : array
        The input array.
    axis : int or list(int), optional
        Axis or axes to reduce over. Default: ``None``, every axis.
    keepdims : bool, optional
        Keep the reduced axes as axes of size 1. Default: ``False``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    tuple(array, array)
        ``(min, max)``, each as :func:`min` and :func:`max` would return it.

    Raises
    ------
    IndexError
        When an axis is out of range.
    ValueError
        When an axis is given twice, or a reduced axis has size 0.

    Examples
    --------
    >>> mx.minmax(mx.array([3, 1, 2]))
    (array(1, dtype=int32), array(3, dtype=int32))
    >>> lo, hi = mx.minmax(mx.array([[3, 1], [2, 5]]), axis=1)
    >>> hi
    array([3, 5], dtype=int32)

    Notes
    -----
    mlxcy also accepts a Python scalar, list or NumPy array for ``a`` (the reference raises
    ``TypeError``).
    """
    cdef optional[c_array] tmp = nullopt
    cdef const c_array* p = array_like_arg(a, tmp)
    cdef vector[int] axes = vector[int]()
    cdef bint has_axes = reduction_axes_arg(axis, axes, "minmax")
    return tuple(wrap_list(dispatch.minmax_op(deref(p), not has_axes, axes, to_flag(keepdims, "minmax", "keepdims"), stream_arg(stream))))


def argmin(a: array, /, axis: None | int = None, keepdims: bool = False, *,
           stream: StreamOrDevice = None) -> array:
    """Indices of the minimum values along an axis.

    Where the minimum occurs several times, the first index is returned.

    Parameters
    ----------
    a : array
        The input array.
    axis : int, optional
        The axis to search along. Default: ``None``, the flattened array.
    keepdims : bool, optional
        Keep the reduced axis (every axis when ``axis`` is None) with size 1. Default: ``False``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The indices, uint32.

    Raises
    ------
    TypeError
        When ``axis`` is a sequence.
    IndexError
        When ``axis`` is out of range.
    ValueError
        When ``a`` is empty.

    Examples
    --------
    >>> a = mx.array([[4, 1], [0, 3]])
    >>> mx.argmin(a)
    array(2, dtype=uint32)
    >>> mx.argmin(a, axis=1)
    array([1, 0], dtype=uint32)

    Notes
    -----
    mlxcy also accepts a Python scalar, list or NumPy array for ``a`` (the reference raises
    ``TypeError``).
    """
    return _arg_reduce(a, False, axis, to_flag(keepdims, "argmin", "keepdims"), stream, "argmin")


def argmax(a: array, /, axis: None | int = None, keepdims: bool = False, *,
           stream: StreamOrDevice = None) -> array:
    """Indices of the maximum values along an axis.

    Where the maximum occurs several times, the first index is returned.

    Parameters
    ----------
    a : array
        The input array.
    axis : int, optional
        The axis to search along. Default: ``None``, the flattened array.
    keepdims : bool, optional
        Keep the reduced axis (every axis when ``axis`` is None) with size 1. Default: ``False``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The indices, uint32.

    Raises
    ------
    TypeError
        When ``axis`` is a sequence.
    IndexError
        When ``axis`` is out of range.
    ValueError
        When ``a`` is empty.

    Examples
    --------
    >>> a = mx.array([[3, 1], [2, 5]])
    >>> mx.argmax(a)
    array(3, dtype=uint32)
    >>> mx.argmax(a, axis=0, keepdims=True)
    array([[0, 1]], dtype=uint32)

    Notes
    -----
    mlxcy also accepts a Python scalar, list or NumPy array for ``a`` (the reference raises
    ``TypeError``).
    """
    return _arg_reduce(a, True, axis, to_flag(keepdims, "argmax", "keepdims"), stream, "argmax")


def trace(a: array, /, offset: int = 0, axis1: int = 0, axis2: int = 1, dtype: Dtype | None = None,
          *, stream: StreamOrDevice = None) -> array:
    """Sum along a diagonal of the 2-D slices of an array.

    Without ``dtype``, bool, int8 and int16 inputs are summed as int32 (uint8 and uint16 as uint32),
    as in :func:`sum`.

    Parameters
    ----------
    a : array
        The input array, with at least 2 dimensions.
    offset : int, optional
        Which diagonal: 0 the main one, positive above it, negative below it. Default: ``0``.
    axis1 : int, optional
        The first axis of the 2-D slices. Default: ``0``.
    axis2 : int, optional
        The second axis of the 2-D slices. Default: ``1``.
    dtype : Dtype, optional
        The dtype of the result. Default: ``None``, chosen as described above.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The sums; the shape of ``a`` without ``axis1`` and ``axis2``.

    Raises
    ------
    ValueError
        When ``a`` has fewer than 2 dimensions or ``axis1`` and ``axis2`` are the same axis.

    Examples
    --------
    >>> a = mx.array([[1, 2], [3, 4]])
    >>> mx.trace(a)
    array(5, dtype=int32)
    >>> mx.trace(a, offset=1, dtype=mx.float32)
    array(2, dtype=float32)

    Notes
    -----
    mlxcy also accepts a Python scalar, list or NumPy array for ``a`` (the reference raises
    ``TypeError``).
    """
    cdef optional[c_array] tmp = nullopt
    cdef const c_array* p = array_like_arg(a, tmp)
    cdef c_Dtype d = float32 if dtype is None else to_c_dtype(dtype)
    return wrap_tmp(dispatch.trace_op(deref(p), to_int32(offset, "trace", "offset"), to_int32(axis1, "trace", "axis1"),
                                     to_int32(axis2, "trace", "axis2"), dtype is not None, d, stream_arg(stream)))


# ---- scans ------------------------------------------------------------------------------------


# ---- sorting and searching --------------------------------------------------------------------


def searchsorted(sorted_sequence: array, values: array, /, side: str = "left", *,
                 stream: StreamOrDevice = None) -> array:
    """Positions at which to insert values into a sorted 1-D array to keep it sorted.

    Parameters
    ----------
    sorted_sequence : array
        A 1-D array in ascending order.
    values : array
        The values to place, of any shape.
    side : str, optional
        ``"left"``: the position before any equal elements; ``"right"``: the position after them.
        Default: ``"left"``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        uint32 positions, with the shape of ``values``.

    Raises
    ------
    ValueError
        When ``sorted_sequence`` is not 1-D or ``side`` is neither ``"left"`` nor ``"right"``.
    TypeError
        When ``side`` is not a str.

    Examples
    --------
    >>> s = mx.array([1, 2, 2, 3])
    >>> mx.searchsorted(s, mx.array([0, 2, 5]))
    array([0, 1, 4], dtype=uint32)
    >>> mx.searchsorted(s, mx.array([2]), side="right")
    array([3], dtype=uint32)

    Notes
    -----
    mlxcy also accepts Python scalars, lists and NumPy arrays for ``sorted_sequence`` and ``values``
    (the reference raises ``TypeError``).
    """
    cdef optional[c_array] seq = nullopt, vals = nullopt
    if not isinstance(side, str):
        raise TypeError(f"searchsorted(): argument 'side' must be a str, got {type(side).__name__}")
    cdef string s = side.encode()
    to_c_pair(sorted_sequence, values, seq, vals, None)
    return wrap_tmp(ops.searchsorted(deref(seq), deref(vals), s, stream_arg(stream)))


def unique(a: array, /, size: int, return_index: bool = False, return_inverse: bool = False, return_counts: bool = False,
           fill_value: scalar | array | None = None, *, stream: StreamOrDevice = None) -> array | tuple[array, ...]:
    """The sorted unique values of an array, as a fixed number of entries.

    The array is flattened. Because the number of distinct values is only known once computed, the
    result has exactly ``size`` entries: the smallest ``size`` unique values, padded with
    ``fill_value`` when there are fewer.

    Parameters
    ----------
    a : array
        The input array.
    size : int
        The number of entries of the result (0 or more).
    return_index : bool, optional
        Also return, for each entry, the index in the flattened ``a`` of its first occurrence.
        Default: ``False``.
    return_inverse : bool, optional
        Also return, for each element of the flattened ``a``, the index of its value in the result.
        Default: ``False``.
    return_counts : bool, optional
        Also return how many times each entry occurs in ``a`` (0 for padding). Default: ``False``.
    fill_value : scalar or array, optional
        The padding value, cast to the dtype of ``a``. Default: ``None``, the smallest unique value.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array or tuple(array, ...)
        The unique values (dtype of ``a``); when any ``return_*`` flag is set, a tuple of the
        values followed by the requested arrays in the order index (uint32), inverse (uint32),
        counts (int32).

    Raises
    ------
    ValueError
        When ``size`` is negative, or ``a`` is empty with a positive ``size`` and no ``fill_value``.

    Examples
    --------
    >>> a = mx.array([3, 1, 3, 2])
    >>> mx.unique(a, 3)
    array([1, 2, 3], dtype=int32)
    >>> mx.unique(a, 4, fill_value=-1)
    array([1, 2, 3, -1], dtype=int32)
    >>> mx.unique(a, 3, return_counts=True)
    (array([1, 2, 3], dtype=int32), array([1, 1, 2], dtype=int32))

    Notes
    -----
    mlxcy also accepts a Python scalar, list or NumPy array for ``a`` (the reference raises
    ``TypeError``).
    """
    cdef optional[c_array] ca = nullopt, fill = nullopt, tmp = nullopt
    cdef const c_array* p
    if fill_value is None:
        p = array_like_arg(a, tmp)
    else:
        to_c_pair(a, fill_value, ca, fill, None)
        p = &ca.value()
    return_index = to_flag(return_index, "unique", "return_index")
    return_inverse = to_flag(return_inverse, "unique", "return_inverse")
    return_counts = to_flag(return_counts, "unique", "return_counts")
    out = wrap_list(ops.unique(deref(p), to_int32(size, "unique", "size"), return_index, return_inverse, return_counts, fill,
                               stream_arg(stream)))
    if not (return_index or return_inverse or return_counts):
        return out[0]
    return tuple(out)
