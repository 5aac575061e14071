# cython: language_level=3, cpp_locals=True, embedsignature=True
"""Creation, shape manipulation, joining/splitting and indexing ops of mlx.core."""
from cython.operator cimport dereference as deref
from libc.stdint cimport int32_t, int64_t
from libcpp cimport bool as cbool
from libcpp.optional cimport optional, nullopt
from libcpp.string cimport string
from libcpp.utility cimport pair
from libcpp.vector cimport vector

from mlxcy._core cimport (array, Dtype, wrap, wrap_list, to_c, to_c_dtype_of, to_c_pair, to_sod, to_flag, to_int32,
                          to_c_dtype, to_c_shape, shape_tuple, to_axes)
from mlxcy.includes.mlx cimport (array as c_array, Dtype as c_Dtype, Shape, Strides, StreamOrDevice,
                                 float32, int32, int64, bool_ as c_bool_)
from mlxcy.includes cimport ops
from mlxcy.includes.core cimport to_shape
from mlxcy._arguments cimport (array_arg, array_list_arg, scalar_or_array_arg, int_list_arg, shape_arg,
                              fast_int_list)
from mlxcy.includes cimport mlx as cx
from mlxcy.includes.indexing cimport check_index_values, check_slice_window

import inspect as _inspect
import operator as _operator

from mlxcy._core import float32 as _float32

__all__ = [
    "zeros", "ones", "full", "zeros_like", "ones_like", "full_like", "empty", "empty_like",
    "arange", "linspace", "eye", "identity", "tri", "tril", "triu", "meshgrid",
    "bartlett", "blackman", "hamming", "hanning",
    "reshape", "flatten", "unflatten", "squeeze", "expand_dims", "transpose", "permute_dims",
    "matrix_transpose", "swapaxes", "moveaxis", "broadcast_to", "broadcast_arrays",
    "broadcast_shapes", "concatenate", "concat", "stack", "unstack", "split", "tile", "repeat",
    "pad", "roll", "flip", "diag", "diagonal", "atleast_1d", "atleast_2d", "atleast_3d",
    "as_strided", "view", "contiguous", "slice", "slice_update", "take", "take_along_axis",
    "put_along_axis",
]


# ---- argument helpers ---------------------------------------------------------------------




cdef int _value_as(object vals, c_Dtype d, object like, optional[c_array]& out) except -1:
    """A fill value meant for dtype `d`: a Python scalar is weakly typed against `d` (so 3.5 for
    an integer dtype stays float, and an int that overflows `d` is an error), an array keeps its
    dtype, any other array-like is converted to `d`. `like` is an array of dtype `d`, or None."""
    cdef optional[c_array] dummy = nullopt
    if isinstance(vals, (list, tuple)):
        raise ValueError(f"Invalid type {type(vals).__name__} received in array initialization.")
    if isinstance(vals, array):
        out = (<array>vals)._a
    elif isinstance(vals, (int, float, complex)):
        if like is None:
            like = wrap(ops.zeros(Shape(), d, StreamOrDevice()))
        to_c_pair(like, vals, dummy, out, None)
    else:
        to_c_dtype_of(vals, d, out)
    return 0


cdef object _index_or_none(object x):
    """`x` as a Python int when it is one integer (int, bool, NumPy integer, 0-d integer array),
    else None. Sequences and arrays are never single integers here."""
    if type(x) is int:
        return x
    if isinstance(x, (list, tuple, array, float)):
        return None
    try:
        return _operator.index(x)
    except (TypeError, ValueError):
        return None







cdef Shape _flat_shape():
    """The shape (-1,): reshaping to it flattens."""
    cdef Shape s = Shape()
    cdef int32_t minus_one = -1
    s.push_back(minus_one)
    return s


cdef inline c_Dtype _dtype_or(object dtype, c_Dtype default) except *:
    return default if dtype is None else to_c_dtype(dtype)


# ---- creation -----------------------------------------------------------------------------

def zeros(shape, dtype=_float32, *, stream=None):
    """An array of ``shape`` filled with zeros (float32 unless ``dtype``)."""
    return wrap(ops.zeros(shape_arg(shape, "zeros", True, RuntimeError), _dtype_or(dtype, float32),
                          to_sod(stream)))


def ones(shape, dtype=_float32, *, stream=None):
    """An array of ``shape`` filled with ones (float32 unless ``dtype``)."""
    return wrap(ops.ones(shape_arg(shape, "ones", True, RuntimeError), _dtype_or(dtype, float32),
                         to_sod(stream)))


def empty(shape, dtype=_float32, *, stream=None):
    """An array of ``shape`` and ``dtype`` (float32 by default); its contents are zeros here."""
    return wrap(ops.zeros(shape_arg(shape, "empty", True, RuntimeError), _dtype_or(dtype, float32),
                          to_sod(stream)))


def full(shape, vals, dtype=None, *, stream=None):
    """An array of ``shape`` with ``vals`` broadcast into it.

    Without ``dtype`` the result has the dtype of ``vals``. With it, a Python scalar is typed
    against ``dtype`` the way a scalar operand is (a float for an integer dtype stays float).
    """
    cdef Shape s = shape_arg(shape, "full", True, RuntimeError)
    cdef optional[c_array] v = nullopt
    cdef StreamOrDevice sd = to_sod(stream)
    if dtype is None:
        scalar_or_array_arg(vals, v)
    else:
        _value_as(vals, to_c_dtype(dtype), None, v)
    return wrap(ops.full(s, deref(v), deref(v).dtype(), sd))


def zeros_like(a, /, dtype=None, *, stream=None):
    """Zeros with the shape of ``a`` and its dtype (or ``dtype``)."""
    cdef array x = array_arg(a, "zeros_like", "a")
    return wrap(ops.zeros_like(x._a, _dtype_or(dtype, x._a.dtype()), to_sod(stream)))


def empty_like(a, /, dtype=None, *, stream=None):
    """An array with the shape of ``a`` and its dtype (or ``dtype``); its contents are zeros here."""
    cdef array x = array_arg(a, "empty_like", "a")
    return wrap(ops.zeros_like(x._a, _dtype_or(dtype, x._a.dtype()), to_sod(stream)))


def ones_like(a, /, dtype=None, *, stream=None):
    """Ones with the shape of ``a`` and its dtype (or ``dtype``)."""
    cdef array x = array_arg(a, "ones_like", "a")
    return wrap(ops.ones_like(x._a, _dtype_or(dtype, x._a.dtype()), to_sod(stream)))


def full_like(a, vals, dtype=None, *, stream=None):
    """``vals`` broadcast to the shape of ``a``, cast to the dtype of ``a`` (or ``dtype``)."""
    cdef array x = array_arg(a, "full_like", "a")
    cdef c_Dtype d = _dtype_or(dtype, x._a.dtype())
    cdef optional[c_array] v = nullopt
    _value_as(vals, d, x if dtype is None else None, v)
    # an array of values broadcasts with a's shape (the result can be larger than a)
    return wrap(ops.full(cx.broadcast_shapes(x._a.shape(), deref(v).shape()), deref(v), d, to_sod(stream)))


cdef inline bint _is_range_number(object x):
    return isinstance(x, (int, float))


cdef tuple _ARANGE_PARAMS = ("start", "stop", "step", "dtype")


cdef tuple _arange_bind(tuple args, dict kwargs):
    """(start, stop, step, dtype, stream) from ``arange``'s arguments, by the reference's two
    forms ``arange(start, stop, step=None, dtype=None)`` and ``arange(stop, step=None,
    dtype=None)``: ``start`` may be named only together with ``stop``."""
    cdef Py_ssize_t n = len(args)
    if n > 4:
        raise TypeError(f"arange() takes at most 4 positional arguments ({n} given)")
    if not kwargs:   # the common call: no dict to build
        return (args[0] if n > 0 else None, args[1] if n > 1 else None, args[2] if n > 2 else None,
                args[3] if n > 3 else None, None)
    bound = dict(zip(_ARANGE_PARAMS, args))
    stream = kwargs.pop("stream", None)
    for name, value in kwargs.items():
        if name not in _ARANGE_PARAMS:
            raise TypeError(f"arange() got an unexpected keyword argument {name!r}")
        if name in bound:
            raise TypeError(f"arange() got multiple values for argument {name!r}")
        bound[name] = value
    if "start" in kwargs and "stop" not in bound:
        raise TypeError("arange(): start was given by name without stop; "
                        "call arange(stop) or arange(start, stop)")
    return bound.get("start"), bound.get("stop"), bound.get("step"), bound.get("dtype"), stream


cdef inline bint _fits_int32(object v):
    return -2147483648 <= v <= 2147483647


def arange(*args, **kwargs):
    """Evenly spaced values in ``[start, stop)`` by ``step``.

    Called as ``arange(stop)``, ``arange(start, stop)``, ``arange(start, stop, step)`` or
    ``arange(stop, step, dtype)``. Unless ``dtype`` is given, the result is float32 when any
    bound is a float, else int32, or int64 when an integer bound does not fit in 32 bits
    (integers beyond 64 bits raise TypeError).
    """
    start, stop, step, dtype, stream = _arange_bind(args, kwargs)
    cdef double c_start, c_stop, c_step
    if type(start) is int and (stop is None or type(stop) is int) and (step is None or type(step) is int) \
            and dtype is None and _fits_int32(start) and (stop is None or _fits_int32(stop)) \
            and (step is None or _fits_int32(step)):
        # the common all-int case, int32
        c_start, c_stop = (0.0, <double>start) if stop is None else (<double>start, <double>stop)
        c_step = 1.0 if step is None else <double>step
        return wrap(ops.arange(c_start, c_stop, c_step, int32, to_sod(stream)))
    if isinstance(step, Dtype) and dtype is None:
        # arange(stop, step, dtype)
        start, stop, step, dtype = None, start, stop, step
    if stop is None:
        if start is None:
            raise TypeError("arange(): missing the stop value")
        start, stop = None, start
    cdef bint wide_int = False
    for v in (start, stop, step):
        if v is not None and not _is_range_number(v):
            raise TypeError(f"arange(): start, stop and step must be Python ints or floats, "
                            f"got {type(v).__name__}")
        if isinstance(v, bool):
            raise ValueError("bool not supported for arange.")
        if isinstance(v, int):
            if not -2 ** 63 <= v < 2 ** 63:
                raise TypeError(f"arange(): {v} does not fit in a 64-bit integer")
            wide_int = wide_int or not _fits_int32(v)
    cdef bint any_float = isinstance(start, float) or isinstance(stop, float) or isinstance(step, float)
    c_start = 0.0 if start is None else start
    c_stop = stop
    c_step = 1.0 if step is None else step
    cdef c_Dtype d = _dtype_or(dtype, float32 if any_float else (int64 if wide_int else int32))
    if d == c_bool_:
        raise ValueError("bool not supported for arange.")
    return wrap(ops.arange(c_start, c_stop, c_step, d, to_sod(stream)))


# ``arange`` parses its two call forms itself; tools and IDEs see one signature.
arange.__signature__ = _inspect.Signature([
    _inspect.Parameter("start", _inspect.Parameter.POSITIONAL_OR_KEYWORD, default=None),
    _inspect.Parameter("stop", _inspect.Parameter.POSITIONAL_OR_KEYWORD, default=None),
    _inspect.Parameter("step", _inspect.Parameter.POSITIONAL_OR_KEYWORD, default=None),
    _inspect.Parameter("dtype", _inspect.Parameter.POSITIONAL_OR_KEYWORD, default=None),
    _inspect.Parameter("stream", _inspect.Parameter.KEYWORD_ONLY, default=None),
])


def linspace(start, stop, num=50, endpoint=True, dtype=_float32, stream=None):
    """``num`` evenly spaced values from ``start`` to ``stop`` (included unless ``endpoint`` is
    False), float32 unless ``dtype``."""
    for v in (start, stop):
        if isinstance(v, (complex, str, bytes)) or not hasattr(v, "__float__"):
            raise TypeError(f"linspace(): start and stop must be real numbers, got {type(v).__name__}")
    if not isinstance(num, int) or not -2147483648 <= num <= 2147483647:
        raise TypeError(f"linspace(): num must be a 32-bit integer, got {num!r}")
    return wrap(ops.linspace(float(start), float(stop), <int>num, <cbool>to_flag(endpoint, "linspace", "endpoint"),
                             _dtype_or(dtype, float32), to_sod(stream)))


def eye(n, m=None, k=0, dtype=_float32, *, stream=None):
    """An ``n`` x ``m`` matrix (``m`` defaults to ``n``) with ones on diagonal ``k``."""
    cdef int c_n = to_int32(n, "eye", "n")
    cdef int c_k = to_int32(k, "eye", "k")
    cdef int cm = c_n if m is None else to_int32(m, "eye", "m")
    return wrap(ops.eye(c_n, cm, c_k, _dtype_or(dtype, float32), to_sod(stream)))


def identity(n, dtype=_float32, *, stream=None):
    """The ``n`` x ``n`` identity matrix."""
    cdef int c_n = to_int32(n, "identity", "n")
    return wrap(ops.identity(c_n, _dtype_or(dtype, float32), to_sod(stream)))


def tri(n, m=None, k=0, dtype=None, *, stream=None):
    """An ``n`` x ``m`` matrix with ones at and below diagonal ``k`` and zeros elsewhere."""
    cdef int c_n = to_int32(n, "tri", "n")
    cdef int c_k = to_int32(k, "tri", "k")
    cdef int cm = c_n if m is None else to_int32(m, "tri", "m")
    return wrap(ops.tri(c_n, cm, c_k, _dtype_or(dtype, float32), to_sod(stream)))


def tril(x, k=0, *, stream=None):
    """``x`` with the elements above diagonal ``k`` of its last two axes zeroed."""
    cdef int c_k = to_int32(k, "tril", "k")
    return wrap(ops.tril(array_arg(x, "tril", "x")._a, c_k, to_sod(stream)))


def triu(x, k=0, *, stream=None):
    """``x`` with the elements below diagonal ``k`` of its last two axes zeroed."""
    cdef int c_k = to_int32(k, "triu", "k")
    return wrap(ops.triu(array_arg(x, "triu", "x")._a, c_k, to_sod(stream)))


def meshgrid(*arrays, sparse=False, indexing="xy", stream=None):
    """Coordinate grids from 1-D coordinate arrays (``indexing`` 'xy' or 'ij')."""
    to_flag(sparse, "meshgrid", "sparse")
    if not isinstance(indexing, str):
        raise TypeError(f"meshgrid(): indexing must be a str, got {type(indexing).__name__}")
    cdef vector[c_array] v = array_list_arg(arrays, "meshgrid", RuntimeError)
    cdef string idx = indexing.encode()
    return tuple(wrap_list(ops.meshgrid(v, <cbool>sparse, idx, to_sod(stream))))


cdef object _window(object M, object stream, str name):
    cdef int n = to_int32(M, name, "M")
    cdef StreamOrDevice sd = to_sod(stream)
    if name == "bartlett":
        return wrap(ops.bartlett(n, sd))
    if name == "blackman":
        return wrap(ops.blackman(n, sd))
    if name == "hamming":
        return wrap(ops.hamming(n, sd))
    return wrap(ops.hanning(n, sd))


def bartlett(M, *, stream=None):
    """The Bartlett (triangular) window of ``M`` points."""
    return _window(M, stream, "bartlett")


def blackman(M, *, stream=None):
    """The Blackman window of ``M`` points."""
    return _window(M, stream, "blackman")


def hamming(M, *, stream=None):
    """The Hamming window of ``M`` points."""
    return _window(M, stream, "hamming")


def hanning(M, *, stream=None):
    """The Hann window of ``M`` points."""
    return _window(M, stream, "hanning")


# ---- shapes -------------------------------------------------------------------------------

def reshape(a, /, shape, *, stream=None):
    """``a`` with a new ``shape`` of the same size (one entry may be -1)."""
    cdef array x = array_arg(a, "reshape", "a")
    return wrap(ops.reshape(x._a, shape_arg(shape, "reshape", False, TypeError), to_sod(stream)))


cdef object _two_ints_op(object a, object i, object j, object stream, str fname, str iname, str jname):
    """flatten, swapaxes and moveaxis: an array and two integer arguments."""
    cdef int ci = to_int32(i, fname, iname)
    cdef int cj = to_int32(j, fname, jname)
    cdef array x = array_arg(a, fname, "a")
    cdef StreamOrDevice sd = to_sod(stream)
    if fname == "flatten":
        return wrap(ops.flatten(x._a, ci, cj, sd))
    if fname == "swapaxes":
        return wrap(ops.swapaxes(x._a, ci, cj, sd))
    return wrap(ops.moveaxis(x._a, ci, cj, sd))


def flatten(a, /, start_axis=0, end_axis=-1, *, stream=None):
    """``a`` with axes ``start_axis`` through ``end_axis`` merged into one."""
    return _two_ints_op(a, start_axis, end_axis, stream, "flatten", "start_axis", "end_axis")


def unflatten(a, /, axis, shape, *, stream=None):
    """``a`` with ``axis`` split into ``shape`` (one entry may be -1)."""
    cdef int c_axis = to_int32(axis, "unflatten", "axis")
    cdef array x = array_arg(a, "unflatten", "a")
    cdef Shape dims = shape_arg(shape, "unflatten", False, TypeError)
    cdef bint infer = False, empty = False
    for i in range(dims.size()):
        infer = infer or dims[i] == -1
        empty = empty or dims[i] == 0
    cdef int ndim = x._a.ndim()
    # libmlx divides by the other sizes' product to infer -1 (SIGFPE); a bad axis it reports first
    if infer and empty and -ndim <= c_axis < ndim:
        raise ValueError(f"[unflatten] Cannot infer the -1 dimension of {shape_tuple(dims)} when another is 0.")
    return wrap(ops.unflatten(x._a, c_axis, dims, to_sod(stream)))


def squeeze(a, /, axis=None, *, stream=None):
    """``a`` without the size-1 ``axis`` (or all size-1 axes)."""
    cdef array x = array_arg(a, "squeeze", "a")
    if axis is None:
        return wrap(ops.squeeze(x._a, to_sod(stream)))
    return wrap(ops.squeeze(x._a, int_list_arg(axis, "squeeze", "axis", True), to_sod(stream)))


def expand_dims(a, /, axis, *, stream=None):
    """``a`` with a size-1 axis inserted at each of ``axis``."""
    cdef array x = array_arg(a, "expand_dims", "a")
    return wrap(ops.expand_dims(x._a, int_list_arg(axis, "expand_dims", "axis", True), to_sod(stream)))


cdef object _transpose(object a, object axes, object stream, str fname):
    cdef array x = array_arg(a, fname, "a")
    if axes is None:
        return wrap(ops.transpose(x._a, to_sod(stream)))
    if isinstance(axes, int):
        raise TypeError(f"{fname}(): axes must be a sequence of integers, got int")
    return wrap(ops.transpose(x._a, int_list_arg(axes, fname, "axes", True), to_sod(stream)))


def transpose(a, /, axes=None, *, stream=None):
    """``a`` with its axes permuted to ``axes`` (reversed by default)."""
    return _transpose(a, axes, stream, "transpose")


def permute_dims(a, /, axes=None, *, stream=None):
    """``a`` with its axes permuted to ``axes`` (reversed by default); same as ``transpose``."""
    return _transpose(a, axes, stream, "permute_dims")


def matrix_transpose(a, /, *, stream=None):
    """``a`` with its last two axes swapped."""
    return wrap(ops.matrix_transpose(array_arg(a, "matrix_transpose", "a")._a, to_sod(stream)))


def swapaxes(a, /, axis1, axis2, *, stream=None):
    """``a`` with ``axis1`` and ``axis2`` exchanged."""
    return _two_ints_op(a, axis1, axis2, stream, "swapaxes", "axis1", "axis2")


def moveaxis(a, /, source, destination, *, stream=None):
    """``a`` with axis ``source`` moved to position ``destination``."""
    return _two_ints_op(a, source, destination, stream, "moveaxis", "source", "destination")


def broadcast_to(a, /, shape, *, stream=None):
    """``a`` (an array or scalar) broadcast to ``shape``."""
    cdef optional[c_array] x = nullopt
    scalar_or_array_arg(a, x)
    return wrap(ops.broadcast_to(deref(x), shape_arg(shape, "broadcast_to", False, TypeError),
                                 to_sod(stream)))


def broadcast_arrays(*arrays, stream=None):
    """The arrays broadcast against each other to one common shape."""
    cdef vector[c_array] v = array_list_arg(arrays, "broadcast_arrays", RuntimeError)
    return wrap_list(ops.broadcast_arrays(v, to_sod(stream)))


def broadcast_shapes(*shapes):
    """The shape that ``shapes`` broadcast to together."""
    if len(shapes) == 0:
        raise ValueError("[broadcast_shapes] Must provide at least one shape.")
    # As the reference: a bad first shape is a RuntimeError (its bad_cast), a bad later one a
    # ValueError.
    cdef Shape out = shape_arg(shapes[0], "broadcast_shapes", False, RuntimeError)
    for s in shapes[1:]:
        if not isinstance(s, (list, tuple)):
            raise ValueError("[broadcast_shapes] Expects a sequence of shapes (tuple or list of ints).")
        out = cx.broadcast_shapes(out, shape_arg(s, "broadcast_shapes", False, ValueError))
    return shape_tuple(out)


cdef object _atleast(tuple arys, object stream, int n):
    cdef str fname = f"atleast_{n}d"
    cdef vector[c_array] v = array_list_arg(arys, fname, RuntimeError)
    cdef StreamOrDevice sd = to_sod(stream)
    cdef list out = []
    cdef size_t i
    for i in range(v.size()):
        if n == 1:
            out.append(wrap(ops.atleast_1d(v[i], sd)))
        elif n == 2:
            out.append(wrap(ops.atleast_2d(v[i], sd)))
        else:
            out.append(wrap(ops.atleast_3d(v[i], sd)))
    return out[0] if len(out) == 1 else out


def atleast_1d(*arys, stream=None):
    """Each array with at least one dimension (one array, or a list for several)."""
    return _atleast(arys, stream, 1)


def atleast_2d(*arys, stream=None):
    """Each array with at least two dimensions (one array, or a list for several)."""
    return _atleast(arys, stream, 2)


def atleast_3d(*arys, stream=None):
    """Each array with at least three dimensions (one array, or a list for several)."""
    return _atleast(arys, stream, 3)


def as_strided(a, /, shape=None, strides=None, offset=0, *, stream=None):
    """A view of the memory of ``a`` with the given ``shape``, element ``strides`` and ``offset``.

    ``shape`` defaults to the shape of ``a`` and ``strides`` to row-major strides of ``shape``.
    Nothing checks that the view stays inside the array's memory.
    """
    cdef int64_t i_offset = to_int32(offset, "as_strided", "offset")
    if i_offset < 0:
        raise TypeError(f"as_strided(): offset must be a non-negative integer, got {offset}")
    cdef size_t c_offset = <size_t>i_offset
    cdef array x = array_arg(a, "as_strided", "a")
    cdef Shape s = x._a.shape() if shape is None else shape_arg(shape, "as_strided", False, TypeError)
    cdef Strides st = Strides()
    cdef int64_t acc = 1
    cdef int64_t v
    cdef Py_ssize_t i
    if strides is None:
        for i in range(<Py_ssize_t>s.size()):
            st.push_back(acc)
        for i in range(<Py_ssize_t>s.size() - 1, -1, -1):
            st[i] = acc
            acc *= s[i]
    else:
        for item in strides:
            v = _operator.index(item)
            st.push_back(v)
    return wrap(ops.as_strided(x._a, s, st, c_offset, to_sod(stream)))


def view(a, dtype, stream=None):
    """The bytes of ``a`` (an array or scalar) reinterpreted as ``dtype``; the last axis is
    resized when the item sizes differ."""
    cdef optional[c_array] x = nullopt
    scalar_or_array_arg(a, x)
    return wrap(ops.view(deref(x), to_c_dtype(dtype), to_sod(stream)))


def contiguous(a, /, allow_col_major=False, *, stream=None):
    """``a`` with row-contiguous memory (column-contiguous also kept when ``allow_col_major``)."""
    return wrap(ops.contiguous(array_arg(a, "contiguous", "a")._a, <cbool>to_flag(allow_col_major, "contiguous", "allow_col_major"), to_sod(stream)))


# ---- joining and splitting ----------------------------------------------------------------

cdef object _concatenate(object arrays, object axis, object stream, str fname):
    cdef vector[c_array] v = array_list_arg(arrays, fname, TypeError)
    cdef StreamOrDevice sd = to_sod(stream)
    cdef size_t i
    cdef Shape flat = _flat_shape()
    cdef int ax
    if axis is None:
        for i in range(v.size()):
            v[i] = ops.reshape(v[i], flat, sd)
        ax = 0
    else:
        ax = to_int32(axis, fname, "axis")
    return wrap(ops.concatenate(v, ax, sd))


def concatenate(arrays, axis=0, *, stream=None):
    """The arrays joined along ``axis`` (flattened first when ``axis`` is None)."""
    return _concatenate(arrays, axis, stream, "concatenate")


def concat(arrays, axis=0, *, stream=None):
    """The arrays joined along ``axis``; same as ``concatenate``."""
    return _concatenate(arrays, axis, stream, "concat")


def stack(arrays, axis=0, *, stream=None):
    """The equally shaped arrays stacked along a new ``axis``."""
    cdef vector[c_array] v = array_list_arg(arrays, "stack", TypeError)
    cdef int ax = 0 if axis is None else to_int32(axis, "stack", "axis")
    return wrap(ops.stack(v, ax, to_sod(stream)))


def unstack(x, /, *, axis=0, stream=None):
    """The slices of ``x`` along ``axis``, as a tuple of arrays without that axis."""
    cdef int c_axis = to_int32(axis, "unstack", "axis")
    return tuple(wrap_list(ops.unstack(array_arg(x, "unstack", "x")._a, c_axis, to_sod(stream))))


def split(a, /, indices_or_sections, axis=0, *, stream=None):
    """``a`` split along ``axis`` into equal sections (an int) or at the given indices."""
    cdef int c_axis = to_int32(axis, "split", "axis")
    cdef array x = array_arg(a, "split", "a")
    cdef int n
    sections = _index_or_none(indices_or_sections)
    if sections is not None:
        n = sections
        return wrap_list(ops.split(x._a, n, c_axis, to_sod(stream)))
    cdef Shape s = to_shape(int_list_arg(indices_or_sections, "split", "indices_or_sections", True))
    return wrap_list(ops.split(x._a, s, c_axis, to_sod(stream)))


def tile(a, reps, /, *, stream=None):
    """``a`` repeated ``reps`` times along each axis."""
    cdef array x = array_arg(a, "tile", "a")
    return wrap(ops.tile(x._a, int_list_arg(reps, "tile", "reps", True), to_sod(stream)))


cdef object _repeat(object a, int repeats, object axis, object stream):
    cdef array x = array_arg(a, "repeat", "array")
    if axis is None:
        return wrap(ops.repeat(x._a, repeats, to_sod(stream)))
    cdef int ax = to_int32(axis, "repeat", "axis")
    return wrap(ops.repeat(x._a, repeats, ax, to_sod(stream)))


def repeat(array, /, repeats, axis=None, *, stream=None):
    """Each element repeated ``repeats`` times along ``axis`` (of the flattened array if None)."""
    cdef int c_repeats = to_int32(repeats, "repeat", "repeats")
    return _repeat(array, c_repeats, axis, stream)


cdef vector[pair[int, int]] _pad_width(object pad_width, size_t ndim) except *:
    """pad_width as one (low, high) pair per axis, from an int, (n,), (low, high) or a list of
    pairs (one pair applies to every axis)."""
    cdef vector[pair[int, int]] out = vector[pair[int, int]]()
    cdef pair[int, int] p = pair[int, int](0, 0)
    cdef size_t i
    if type(pad_width) is int:
        p.first = pad_width
        p.second = pad_width
        out.assign(ndim, p)
        return out
    msg = ("pad(): pad_width must be an int, a tuple (n,), a pair (low, high) or a list of "
           f"(low, high) pairs, got {pad_width!r}")
    single = _index_or_none(pad_width)
    if single is not None:
        pairs = [(single, single)]
    elif isinstance(pad_width, (list, tuple)):
        items = [_index_or_none(w) for w in pad_width]
        if all(w is not None for w in items):
            if len(items) == 0:       # no pairs: right for a 0-d array (one pair per axis)
                pairs = []
            elif len(items) == 1:
                pairs = [(items[0], items[0])]
            elif len(items) == 2:
                pairs = [(items[0], items[1])]
            else:
                raise TypeError(msg)
        elif all(isinstance(w, (list, tuple)) and len(w) == 2 for w in pad_width):
            pairs = [(_index_or_none(w[0]), _index_or_none(w[1])) for w in pad_width]
            if any(lo is None or hi is None for lo, hi in pairs):
                raise TypeError(msg)
        else:
            raise TypeError(msg)
    else:
        raise TypeError(msg)
    if len(pairs) == 1:
        pairs = pairs * ndim
    for lo, hi in pairs:
        p.first = lo
        p.second = hi
        out.push_back(p)
    return out


def pad(a, pad_width, mode="constant", constant_values=0, *, stream=None):
    """``a`` padded by ``pad_width`` on each axis.

    ``mode`` is 'constant' (``constant_values``, cast to the dtype of ``a``), 'edge' (repeat the
    edge values), 'reflect' (mirror without the edge) or 'symmetric' (mirror with the edge).
    """
    cdef array x = array_arg(a, "pad", "a")
    cdef vector[pair[int, int]] widths = _pad_width(pad_width, x._a.ndim())
    cdef optional[c_array] v = nullopt
    if not isinstance(mode, str):
        raise TypeError(f"pad(): mode must be a str, got {type(mode).__name__}")
    cdef string m = mode.encode()
    _value_as(constant_values, x._a.dtype(), x, v)
    if deref(v).size() == 0:   # libmlx reads the fill value from it (outside an empty buffer)
        raise ValueError("pad(): constant_values is an empty array; give one value")
    return wrap(ops.pad(x._a, widths, deref(v), m, to_sod(stream)))


cdef bint _is_single_int(object x):
    """True for one integer (a Python int, a 0-d array, anything with ``__index__``), False for
    a sequence: several ops treat ``3`` and ``(3,)`` differently."""
    if isinstance(x, array):
        return (<array>x)._a.ndim() == 0
    return isinstance(x, int) or (not isinstance(x, (list, tuple)) and hasattr(x, "__index__"))


def roll(a, /, shift, axis=None, *, stream=None):
    """``a`` with elements shifted by ``shift`` along ``axis`` (of the flattened array if None),
    wrapping around.

    As in the reference: several shifts on one axis (or on the flattened array) add up; one int
    shift applies to every axis given; with sequences of both, shift ``i`` goes to axis ``i``
    (there must be at least as many shifts as axes)."""
    cdef array x = array_arg(a, "roll", "a")
    cdef Shape s = to_shape(int_list_arg(shift, "roll", "shift", True))
    if axis is None:
        return wrap(ops.roll(x._a, s, to_sod(stream)))
    cdef vector[int] axes = int_list_arg(axis, "roll", "axis", True)
    cdef int one_shift, one_axis
    if _is_single_int(axis):
        one_axis = axes[0]
        return wrap(ops.roll(x._a, s, one_axis, to_sod(stream)))
    if _is_single_int(shift):
        one_shift = s[0]
        return wrap(ops.roll(x._a, one_shift, axes, to_sod(stream)))
    return wrap(ops.roll(x._a, s, axes, to_sod(stream)))


def flip(a, /, axis=None, *, stream=None):
    """``a`` with the order of elements reversed along ``axis`` (all axes by default)."""
    cdef array x = array_arg(a, "flip", "a")
    if axis is None:
        return wrap(ops.flip(x._a, to_sod(stream)))
    return wrap(ops.flip(x._a, int_list_arg(axis, "flip", "axis", True), to_sod(stream)))


def diag(a, /, k=0, *, stream=None):
    """The ``k``-th diagonal of a 2-D array, or a 2-D array with a 1-D array on that diagonal."""
    cdef int c_k = to_int32(k, "diag", "k")
    return wrap(ops.diag(array_arg(a, "diag", "a")._a, c_k, to_sod(stream)))


def diagonal(a, offset=0, axis1=0, axis2=1, stream=None):
    """The diagonal at ``offset`` of the 2-D sub-arrays along ``axis1`` and ``axis2``, as the last
    axis of the result."""
    cdef int c_offset = to_int32(offset, "diagonal", "offset")
    cdef int c_axis1 = to_int32(axis1, "diagonal", "axis1")
    cdef int c_axis2 = to_int32(axis2, "diagonal", "axis2")
    return wrap(ops.diagonal(array_arg(a, "diagonal", "a")._a, c_offset, c_axis1, c_axis2, to_sod(stream)))


# ---- indexing -----------------------------------------------------------------------------

def slice(a, start_indices, axes, slice_size, *, stream=None):
    """A window of ``a`` of ``slice_size`` along ``axes``, starting at ``start_indices`` (an
    integer array, which may be computed, unlike Python slicing)."""
    cdef array x = array_arg(a, "slice", "a")
    cdef array st = array_arg(start_indices, "slice", "start_indices")
    cdef Shape size = shape_arg(slice_size, "slice", False, TypeError)
    for i in range(size.size()):
        if size[i] < 0:
            raise ValueError(f"[slice] Slice sizes must be non-negative, got {size[i]} for axis {i}.")
    cdef vector[int] ax = int_list_arg(axes, "slice", "axes", True)
    out = wrap(ops.slice(x._a, st._a, ax, size, to_sod(stream)))
    check_slice_window(x._a, st._a, ax, size, b"slice", not isinstance(start_indices, array))
    return out


def slice_update(a, update, start_indices, axes, *, stream=None):
    """A copy of ``a`` with ``update`` written at ``start_indices`` along ``axes``."""
    cdef array x = array_arg(a, "slice_update", "a")
    cdef array u = array_arg(update, "slice_update", "update")
    cdef array st = array_arg(start_indices, "slice_update", "start_indices")
    cdef vector[int] ax = int_list_arg(axes, "slice_update", "axes", True)
    cdef int extra = <int>u._a.ndim() - <int>x._a.ndim()
    if extra > 0:   # libmlx writes outside the array for these (issue 17)
        raise ValueError(f"[slice_update] The update has {u._a.ndim()} dimensions, more than the "
                         f"{x._a.ndim()} of the array it is written into.")
    out = wrap(ops.slice_update(x._a, u._a, st._a, ax, to_sod(stream)))
    # the window is the update's extent, its shape aligned to the array's trailing axes
    cdef Shape window = Shape()
    cdef int one = 1
    cdef int extent
    for i in range(x._a.ndim()):
        if i < -extra:
            window.push_back(one)
        else:
            extent = u._a.shape(i + extra)
            window.push_back(extent)
    check_slice_window(x._a, st._a, ax, window, b"slice_update", not isinstance(start_indices, array))
    return out


def take(a, /, indices, axis=None, *, stream=None):
    """Elements of ``a`` at ``indices`` along ``axis`` (of the flattened array if None).

    An integer index removes the axis; an array of indices replaces it with the index shape.
    """
    cdef array x = array_arg(a, "take", "a")
    cdef StreamOrDevice sd = to_sod(stream)
    cdef int ax
    cdef int idx
    cdef int64_t n
    cdef int64_t iv
    if isinstance(indices, array):
        if axis is None:
            check_index_values((<array>indices)._a, x._a.size(), b"the flattened array", False)
            return wrap(ops.take(x._a, (<array>indices)._a, sd))
        ax = to_int32(axis, "take", "axis")
        if -<int>x._a.ndim() <= ax < <int>x._a.ndim():
            check_index_values((<array>indices)._a, x._a.shape(ax if ax >= 0 else ax + <int>x._a.ndim()),
                               f"axis {axis}".encode(), False)
        return wrap(ops.take(x._a, (<array>indices)._a, ax, sd))
    if not isinstance(indices, int):
        raise TypeError(f"take(): indices must be an int or an mlx array, got {type(indices).__name__}")
    if axis is None:
        n = x._a.size()
        ax = 0
    else:
        ax = to_int32(axis, "take", "axis")
        if not -<int>x._a.ndim() <= ax < <int>x._a.ndim():
            return wrap(ops.take(x._a, 0, ax, sd))   # raises the reference's IndexError
        n = x._a.shape(ax if ax >= 0 else ax + <int>x._a.ndim())
    iv = indices
    if not -n <= iv < n:
        raise ValueError(f"[take] Index {indices} is out of bounds for "
                         f"{'the flattened array' if axis is None else f'axis {axis}'} with size {n}.")
    idx = iv + n if iv < 0 else iv
    if axis is None:
        return wrap(ops.take(x._a, idx, sd))
    return wrap(ops.take(x._a, idx, ax, sd))


def take_along_axis(a, /, indices, axis=-1, *, stream=None):
    """Elements of ``a`` at ``indices`` along ``axis``, where ``indices`` broadcasts with ``a``
    on the other axes (``axis=None`` works on the flattened array)."""
    cdef array x = array_arg(a, "take_along_axis", "a")
    cdef array ind = array_arg(indices, "take_along_axis", "indices")
    cdef StreamOrDevice sd = to_sod(stream)
    cdef Shape flat = _flat_shape()
    cdef int ax
    if axis is None:
        return wrap(ops.take_along_axis(ops.reshape(x._a, flat, sd), ind._a, 0, sd))
    ax = to_int32(axis, "take_along_axis", "axis")
    return wrap(ops.take_along_axis(x._a, ind._a, ax, sd))


def put_along_axis(a, /, indices, values, axis=None, *, stream=None):
    """A copy of ``a`` with ``values`` written at ``indices`` along ``axis`` (the counterpart of
    ``take_along_axis``; ``axis=None`` works on the flattened array)."""
    cdef array x = array_arg(a, "put_along_axis", "a")
    cdef array ind = array_arg(indices, "put_along_axis", "indices")
    cdef array val = array_arg(values, "put_along_axis", "values")
    cdef StreamOrDevice sd = to_sod(stream)
    cdef Shape flat = _flat_shape()
    cdef int ax
    if axis is None:
        return wrap(ops.reshape(ops.put_along_axis(ops.reshape(x._a, flat, sd), ind._a, val._a, 0, sd),
                                x._a.shape(), sd))
    ax = to_int32(axis, "put_along_axis", "axis")
    return wrap(ops.put_along_axis(x._a, ind._a, val._a, ax, sd))
