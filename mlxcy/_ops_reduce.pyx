# cython: language_level=3, cpp_locals=True, embedsignature=True
"""Reductions, scans, sorting and searching ops of mlx.core."""
from cython.operator cimport dereference as deref
from libcpp cimport bool as cbool
from libcpp.optional cimport optional, nullopt
from libcpp.string cimport string
from libcpp.vector cimport vector

from mlxcy._core cimport (array, wrap, wrap_list, to_c_pair, to_sod, to_c_dtype, to_axes, to_flag, to_int32,
                          check_copyable)
from mlxcy.includes.mlx cimport array as c_array, Dtype as c_Dtype, float32
from mlxcy._arguments cimport array_like_arg, array_list_arg
from mlxcy.includes cimport ops
from mlxcy.includes cimport ops_math as dispatch


# ---- shared argument handling -------------------------------------------------------------

cdef bint _axes(object axis, vector[int]& out, str opname) except -1:
    """Fill `out` from an int or a sequence of ints; False (reduce over all) for None."""
    cdef int ax
    if axis is None:
        return False
    if isinstance(axis, (list, tuple)):
        out = to_axes(axis)
    else:
        ax = to_int32(axis, opname, "axis")
        out.push_back(ax)
    return True


cdef bint _one_axis(object axis, int* out, str opname) except -1:
    """An optional single axis: False for None; TypeError for a sequence."""
    if axis is None:
        return False
    if isinstance(axis, (list, tuple)):
        raise TypeError(f"[{opname}] axis must be an int or None, got {type(axis).__name__}")
    out[0] = to_int32(axis, opname, "axis")
    return True


cdef object _reduce(object a, int op, object axis, bint keepdims, object stream, str opname):
    cdef optional[c_array] tmp = nullopt
    cdef const c_array* p = array_like_arg(a, tmp)
    cdef vector[int] axes = vector[int]()
    cdef bint has_axes = _axes(axis, axes, opname)
    return wrap(dispatch.reduce_op(op, deref(p), not has_axes, axes, keepdims, to_sod(stream)))


cdef object _moment(object a, bint standard_deviation, object axis, bint keepdims, int ddof, object stream,
                    str opname):
    cdef optional[c_array] tmp = nullopt
    cdef const c_array* p = array_like_arg(a, tmp)
    cdef vector[int] axes = vector[int]()
    cdef bint has_axes = _axes(axis, axes, opname)
    return wrap(dispatch.moment_op(standard_deviation, deref(p), not has_axes, axes, keepdims, ddof, to_sod(stream)))


cdef object _arg_reduce(object a, int op, object axis, bint keepdims, object stream, str opname):
    cdef optional[c_array] tmp = nullopt
    cdef const c_array* p = array_like_arg(a, tmp)
    cdef vector[int] axes = vector[int]()
    cdef int ax = 0
    if _one_axis(axis, &ax, opname):
        axes.push_back(ax)
    return wrap(dispatch.reduce_op(op, deref(p), axes.empty(), axes, keepdims, to_sod(stream)))


cdef object _scan(object a, int op, object axis, bint reverse, bint inclusive, object dtype, object stream,
                  str opname):
    cdef optional[c_array] tmp = nullopt
    cdef const c_array* p = array_like_arg(a, tmp)
    cdef int ax = 0
    cdef bint has_axis = _one_axis(axis, &ax, opname)
    cdef c_Dtype d = float32 if dtype is None else to_c_dtype(dtype)
    return wrap(dispatch.scan_op(op, deref(p), has_axis, ax, reverse, inclusive, dtype is not None, d,
                            to_sod(stream)))


cdef object _sort(object a, int op, object axis, int k, object stream, str opname):
    cdef optional[c_array] tmp = nullopt
    cdef const c_array* p = array_like_arg(a, tmp)
    cdef int ax = 0
    cdef bint has_axis = _one_axis(axis, &ax, opname)
    check_copyable(deref(p))   # sorting works on a contiguous copy (topk's output is small)
    return wrap(dispatch.sort_op(op, deref(p), has_axis, ax, k, to_sod(stream)))


# ---- reductions -------------------------------------------------------------------------------

def all(a, /, axis=None, keepdims=False, *, stream=None):
    """Whether every element is true (non-zero), over ``axis`` (all axes if None)."""
    return _reduce(a, dispatch.R_ALL, axis, to_flag(keepdims, "all", "keepdims"), stream, "all")


def any(a, /, axis=None, keepdims=False, *, stream=None):
    """Whether any element is true (non-zero), over ``axis`` (all axes if None)."""
    return _reduce(a, dispatch.R_ANY, axis, to_flag(keepdims, "any", "keepdims"), stream, "any")


def sum(a, /, axis=None, keepdims=False, *, stream=None):
    """Sum over ``axis`` (all axes if None); ``keepdims`` keeps reduced axes with size 1."""
    return _reduce(a, dispatch.R_SUM, axis, to_flag(keepdims, "sum", "keepdims"), stream, "sum")


def prod(a, /, axis=None, keepdims=False, *, stream=None):
    """Product over ``axis`` (all axes if None)."""
    return _reduce(a, dispatch.R_PROD, axis, to_flag(keepdims, "prod", "keepdims"), stream, "prod")


def mean(a, /, axis=None, keepdims=False, *, stream=None):
    """Arithmetic mean over ``axis`` (all axes if None)."""
    return _reduce(a, dispatch.R_MEAN, axis, to_flag(keepdims, "mean", "keepdims"), stream, "mean")


def var(a, /, axis=None, keepdims=False, ddof=0, *, stream=None):
    """Variance over ``axis``, dividing by ``N - ddof``."""
    return _moment(a, False, axis, to_flag(keepdims, "var", "keepdims"), to_int32(ddof, "var", "ddof"), stream, "var")


def std(a, /, axis=None, keepdims=False, ddof=0, *, stream=None):
    """Standard deviation over ``axis``, dividing by ``N - ddof``."""
    return _moment(a, True, axis, to_flag(keepdims, "std", "keepdims"), to_int32(ddof, "std", "ddof"), stream, "std")


def median(a, /, axis=None, keepdims=False, *, stream=None):
    """Median over ``axis`` (all axes if None); the mean of the middle pair for even counts."""
    return _reduce(a, dispatch.R_MEDIAN, axis, to_flag(keepdims, "median", "keepdims"), stream, "median")


def min(a, /, axis=None, keepdims=False, *, stream=None):
    """Minimum over ``axis`` (all axes if None)."""
    return _reduce(a, dispatch.R_MIN, axis, to_flag(keepdims, "min", "keepdims"), stream, "min")


def max(a, /, axis=None, keepdims=False, *, stream=None):
    """Maximum over ``axis`` (all axes if None)."""
    return _reduce(a, dispatch.R_MAX, axis, to_flag(keepdims, "max", "keepdims"), stream, "max")


def logsumexp(a, /, axis=None, keepdims=False, *, stream=None):
    """``log(sum(exp(a)))`` over ``axis``, computed stably."""
    return _reduce(a, dispatch.R_LOGSUMEXP, axis, to_flag(keepdims, "logsumexp", "keepdims"), stream, "logsumexp")


def count_nonzero(a, /, *, axis=None, keepdims=False, stream=None):
    """The number of non-zero elements over ``axis`` (all axes if None)."""
    return _reduce(a, dispatch.R_COUNT_NONZERO, axis, to_flag(keepdims, "count_nonzero", "keepdims"), stream, "count_nonzero")


def softmax(a, /, axis=None, *, precise=False, stream=None):
    """``exp(a) / sum(exp(a))`` over ``axis`` (all axes if None); ``precise`` accumulates
    half-precision inputs in float32."""
    cdef optional[c_array] tmp = nullopt
    cdef const c_array* p = array_like_arg(a, tmp)
    cdef vector[int] axes = vector[int]()
    cdef bint has_axes = _axes(axis, axes, "softmax")
    return wrap(dispatch.softmax_op(deref(p), not has_axes, axes, to_flag(precise, "softmax", "precise"),
                                    to_sod(stream)))


def minmax(a, /, axis=None, keepdims=False, *, stream=None):
    """``(min, max)`` over ``axis`` (all axes if None), computed in one pass."""
    cdef optional[c_array] tmp = nullopt
    cdef const c_array* p = array_like_arg(a, tmp)
    cdef vector[int] axes = vector[int]()
    cdef bint has_axes = _axes(axis, axes, "minmax")
    return tuple(wrap_list(dispatch.minmax_op(deref(p), not has_axes, axes, to_flag(keepdims, "minmax", "keepdims"), to_sod(stream))))


def argmin(a, /, axis=None, keepdims=False, *, stream=None):
    """Indices (uint32) of the minimum along ``axis``, or into the flattened array if None."""
    return _arg_reduce(a, dispatch.R_ARGMIN, axis, to_flag(keepdims, "argmin", "keepdims"), stream, "argmin")


def argmax(a, /, axis=None, keepdims=False, *, stream=None):
    """Indices (uint32) of the maximum along ``axis``, or into the flattened array if None."""
    return _arg_reduce(a, dispatch.R_ARGMAX, axis, to_flag(keepdims, "argmax", "keepdims"), stream, "argmax")


def trace(a, /, offset=0, axis1=0, axis2=1, dtype=None, *, stream=None):
    """Sum of the diagonal ``offset`` of the 2-D slices over ``axis1`` and ``axis2``."""
    cdef optional[c_array] tmp = nullopt
    cdef const c_array* p = array_like_arg(a, tmp)
    cdef c_Dtype d = float32 if dtype is None else to_c_dtype(dtype)
    return wrap(dispatch.trace_op(deref(p), to_int32(offset, "trace", "offset"), to_int32(axis1, "trace", "axis1"),
                                     to_int32(axis2, "trace", "axis2"), dtype is not None, d, to_sod(stream)))


# ---- scans ------------------------------------------------------------------------------------

def cumsum(a, /, axis=None, *, reverse=False, inclusive=True, dtype=None, stream=None):
    """Cumulative sum along ``axis`` (of the flattened array if None). ``reverse`` scans from the
    end; ``inclusive=False`` shifts so each output excludes its own element."""
    return _scan(a, dispatch.S_CUMSUM, axis, to_flag(reverse, "cumsum", "reverse"), to_flag(inclusive, "cumsum", "inclusive"), dtype, stream, "cumsum")


def cumprod(a, /, axis=None, *, reverse=False, inclusive=True, dtype=None, stream=None):
    """Cumulative product along ``axis`` (of the flattened array if None)."""
    return _scan(a, dispatch.S_CUMPROD, axis, to_flag(reverse, "cumprod", "reverse"), to_flag(inclusive, "cumprod", "inclusive"), dtype, stream, "cumprod")


def cummax(a, /, axis=None, *, reverse=False, inclusive=True, stream=None):
    """Cumulative maximum along ``axis`` (of the flattened array if None)."""
    return _scan(a, dispatch.S_CUMMAX, axis, to_flag(reverse, "cummax", "reverse"), to_flag(inclusive, "cummax", "inclusive"), None, stream, "cummax")


def cummin(a, /, axis=None, *, reverse=False, inclusive=True, stream=None):
    """Cumulative minimum along ``axis`` (of the flattened array if None)."""
    return _scan(a, dispatch.S_CUMMIN, axis, to_flag(reverse, "cummin", "reverse"), to_flag(inclusive, "cummin", "inclusive"), None, stream, "cummin")


def logcumsumexp(a, /, axis=None, *, reverse=False, inclusive=True, stream=None):
    """Cumulative ``log(sum(exp(a)))`` along ``axis`` (of the flattened array if None)."""
    return _scan(a, dispatch.S_LOGCUMSUMEXP, axis, to_flag(reverse, "logcumsumexp", "reverse"), to_flag(inclusive, "logcumsumexp", "inclusive"), None, stream, "logcumsumexp")


cumulative_sum = cumsum
cumulative_prod = cumprod


# ---- sorting and searching --------------------------------------------------------------------

def sort(a, /, axis=-1, *, stream=None):
    """A sorted copy along ``axis`` (of the flattened array if None); NaNs go last."""
    return _sort(a, dispatch.SO_SORT, axis, 0, stream, "sort")


def argsort(a, /, axis=-1, *, stream=None):
    """Indices (uint32) that sort ``a`` along ``axis`` (the flattened array if None)."""
    return _sort(a, dispatch.SO_ARGSORT, axis, 0, stream, "argsort")


def partition(a, /, kth, axis=-1, *, stream=None):
    """A copy where the element at ``kth`` is in its sorted place, smaller ones before it and
    larger ones after (in no given order)."""
    return _sort(a, dispatch.SO_PARTITION, axis, to_int32(kth, "partition", "kth"), stream, "partition")


def argpartition(a, /, kth, axis=-1, *, stream=None):
    """Indices (uint32) that partition ``a`` around ``kth`` as :func:`partition` does."""
    return _sort(a, dispatch.SO_ARGPARTITION, axis, to_int32(kth, "argpartition", "kth"), stream, "argpartition")


def topk(a, /, k, axis=-1, *, stream=None):
    """The ``k`` largest elements along ``axis`` (of the flattened array if None), unordered."""
    return _sort(a, dispatch.SO_TOPK, axis, to_int32(k, "topk", "k"), stream, "topk")


def searchsorted(sorted_sequence, values, /, side="left", *, stream=None):
    """Indices (uint32) at which ``values`` would be inserted into the 1-D ``sorted_sequence`` to
    keep it sorted: before equal elements for ``side="left"``, after them for ``"right"``."""
    cdef optional[c_array] seq = nullopt, vals = nullopt
    if not isinstance(side, str):
        raise TypeError(f"searchsorted(): argument 'side' must be a str, got {type(side).__name__}")
    cdef string s = side.encode()
    to_c_pair(sorted_sequence, values, seq, vals, None)
    return wrap(ops.searchsorted(deref(seq), deref(vals), s, to_sod(stream)))


def unique(a, /, size, return_index=False, return_inverse=False, return_counts=False,
           fill_value=None, *, stream=None):
    """The sorted unique values of the flattened array, as exactly ``size`` entries: truncated,
    or padded with ``fill_value`` (the smallest unique value if None). With ``return_index``,
    ``return_inverse`` or ``return_counts`` a tuple follows the values: first-occurrence indices,
    the index into the result of each input element, and how often each value occurs."""
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
                               to_sod(stream)))
    if not (return_index or return_inverse or return_counts):
        return out[0]
    return tuple(out)
