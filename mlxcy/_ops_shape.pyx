# cython: language_level=3, cpp_locals=True
"""Creation, shape manipulation, joining/splitting and indexing ops of mlx.core."""
from cython.operator cimport dereference as deref
from libc.stdint cimport int32_t, int64_t
from libcpp cimport bool as cbool
from libcpp.optional cimport optional, nullopt
from libcpp.string cimport string
from libcpp.utility cimport pair, move
from libcpp.vector cimport vector

from mlxcy._core cimport (array, Dtype, wrap, wrap_tmp, wrap_list, to_c, to_c_dtype_of, to_c_pair, to_sod, to_flag, to_int32,
                          to_c_dtype, to_c_shape, shape_tuple, to_axes)
from mlxcy.includes.mlx cimport (array as c_array, Dtype as c_Dtype, Shape, Strides, StreamOrDevice,
                                 float32, int32, int64, bool_ as c_bool_)
from mlxcy.includes cimport ops
from mlxcy.includes.core cimport to_shape
from mlxcy._arguments cimport array_arg, array_list_arg, array_list_into, scalar_or_array_arg, int_list_arg, shape_arg, shape_into, stream_arg
from mlxcy.includes cimport mlx as cx
from mlxcy.includes.indexing cimport check_index_values, check_slice_window

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
            like = wrap_tmp(ops.zeros(Shape(), d, StreamOrDevice()))
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

def zeros(shape: int | Sequence[int], dtype: Dtype | None = _float32, *,
          stream: StreamOrDevice = None) -> array:
    """An array of the given shape filled with zeros.

    Parameters
    ----------
    shape : int or list(int)
        The shape of the result; an int makes a 1-D array.
    dtype : Dtype, optional
        The dtype of the result. Default: ``float32`` (``None`` also means float32).
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The zeros.

    Raises
    ------
    ValueError
        When a dimension is negative.
    RuntimeError
        When ``shape`` is not an int or a sequence of ints (``None``: ``TypeError``).

    Examples
    --------
    >>> mx.zeros((2, 3))
    array([[0, 0, 0],
           [0, 0, 0]], dtype=float32)
    >>> mx.zeros(2, mx.int32)
    array([0, 0], dtype=int32)

    Notes
    -----
    A result too large to allocate raises ``MemoryError`` in mlxcy when the op is called (the
    reference crashes when it is evaluated).
    """
    cdef Shape sh = Shape()
    shape_into(shape, "zeros", True, RuntimeError, sh)
    return wrap_tmp(ops.zeros(sh, _dtype_or(dtype, float32),
                          stream_arg(stream)))


def ones(shape: int | Sequence[int], dtype: Dtype | None = _float32, *,
         stream: StreamOrDevice = None) -> array:
    """An array of the given shape filled with ones.

    Parameters
    ----------
    shape : int or list(int)
        The shape of the result; an int makes a 1-D array.
    dtype : Dtype, optional
        The dtype of the result. Default: ``float32`` (``None`` also means float32).
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The ones.

    Raises
    ------
    ValueError
        When a dimension is negative.
    RuntimeError
        When ``shape`` is not an int or a sequence of ints (``None``: ``TypeError``).

    Examples
    --------
    >>> mx.ones(3)
    array([1, 1, 1], dtype=float32)
    >>> mx.ones((1, 2), mx.bool_)
    array([[True, True]], dtype=bool)

    Notes
    -----
    A result too large to allocate raises ``MemoryError`` in mlxcy when the op is called (the
    reference crashes when it is evaluated).
    """
    cdef Shape sh = Shape()
    shape_into(shape, "ones", True, RuntimeError, sh)
    return wrap_tmp(ops.ones(sh, _dtype_or(dtype, float32),
                         stream_arg(stream)))


def empty(shape: int | Sequence[int], dtype: Dtype | None = _float32, *,
          stream: StreamOrDevice = None) -> array:
    """An array of the given shape and dtype whose values are not meant to be read.

    Use it for a buffer that is written before it is read. In this version the values are zeros, as
    :func:`zeros` gives.

    Parameters
    ----------
    shape : int or list(int)
        The shape of the result; an int makes a 1-D array.
    dtype : Dtype, optional
        The dtype of the result. Default: ``float32`` (``None`` also means float32).
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The new array.

    Raises
    ------
    ValueError
        When a dimension is negative.
    RuntimeError
        When ``shape`` is not an int or a sequence of ints (``None``: ``TypeError``).

    Examples
    --------
    >>> e = mx.empty((2, 3), mx.int32)
    >>> e.shape, e.dtype
    ((2, 3), mlx.core.int32)

    Notes
    -----
    A result too large to allocate raises ``MemoryError`` in mlxcy when the op is called (the
    reference crashes when it is evaluated).
    """
    cdef Shape sh = Shape()
    shape_into(shape, "empty", True, RuntimeError, sh)
    return wrap_tmp(ops.zeros(sh, _dtype_or(dtype, float32),
                          stream_arg(stream)))


def full(shape: int | Sequence[int], vals: scalar | array, dtype: Dtype | None = None, *,
         stream: StreamOrDevice = None) -> array:
    """An array of the given shape filled with ``vals``.

    ``vals`` is broadcast to ``shape``. Without ``dtype`` the result has the dtype of ``vals`` (a
    Python int gives int32, a float float32, a bool bool). With ``dtype``, a Python scalar is
    combined with ``dtype`` the way a scalar operand is combined with an array of that dtype: an int
    takes an integer or floating ``dtype`` (but gives int32 for bool), a float takes a floating
    ``dtype`` (but gives float32 for an integer or bool ``dtype``). See Notes for array ``vals``.

    Parameters
    ----------
    shape : int or list(int)
        The shape of the result; an int makes a 1-D array.
    vals : scalar or array
        The fill value, or an array that broadcasts to ``shape``.
    dtype : Dtype, optional
        The dtype to fill with, combined with a scalar ``vals`` as described above. Default:
        ``None``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The filled array of shape ``shape``.

    Raises
    ------
    ValueError
        When ``vals`` does not broadcast to ``shape``, ``vals`` is a list or tuple, a Python int
        does not fit ``dtype``, or a dimension is negative.
    RuntimeError
        When ``shape`` is not an int or a sequence of ints (``None``: ``TypeError``).

    Examples
    --------
    >>> mx.full((2, 2), 7)
    array([[7, 7],
           [7, 7]], dtype=int32)
    >>> mx.full(3, 2, mx.float16)
    array([2, 2, 2], dtype=float16)
    >>> mx.full((2, 2), mx.array([1, 2]))
    array([[1, 2],
           [1, 2]], dtype=int32)
    >>> mx.full(2, 3.5, mx.int32)
    array([3.5, 3.5], dtype=float32)

    Notes
    -----
    An array ``vals`` keeps its own dtype whatever ``dtype`` says (``full(2, mx.array(1, mx.int8),
    mx.float32)`` is int8), as in the reference; use ``astype`` to convert it. A result too large to
    allocate raises ``MemoryError`` in mlxcy when the op is called (the reference crashes when it is
    evaluated).
    """
    cdef Shape s = shape_arg(shape, "full", True, RuntimeError)
    cdef optional[c_array] v = nullopt
    cdef StreamOrDevice sd = stream_arg(stream)
    if dtype is None:
        scalar_or_array_arg(vals, v)
    else:
        _value_as(vals, to_c_dtype(dtype), None, v)
    return wrap_tmp(ops.full(s, deref(v), deref(v).dtype(), sd))


def zeros_like(a: array, /, dtype: Dtype | None = None, *, stream: StreamOrDevice = None) -> array:
    """An array of zeros with the shape and dtype of ``a``.

    Parameters
    ----------
    a : array
        The array whose shape (and dtype) to use.
    dtype : Dtype, optional
        The dtype of the result. Default: ``None``, the dtype of ``a``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The zeros.

    Raises
    ------
    TypeError
        When ``a`` is not an array.

    Examples
    --------
    >>> a = mx.array([[1, 2], [3, 4]])
    >>> mx.zeros_like(a)
    array([[0, 0],
           [0, 0]], dtype=int32)
    >>> mx.zeros_like(a, mx.float32).dtype
    mlx.core.float32
    """
    cdef array x = array_arg(a, "zeros_like", "a")
    return wrap_tmp(ops.zeros_like(x._a, _dtype_or(dtype, x._a.dtype()), stream_arg(stream)))


def empty_like(a: array, /, dtype: Dtype | None = None, *, stream: StreamOrDevice = None) -> array:
    """An array with the shape and dtype of ``a`` whose values are not meant to be read.

    In this version the values are zeros, as :func:`zeros_like` gives.

    Parameters
    ----------
    a : array
        The array whose shape (and dtype) to use.
    dtype : Dtype, optional
        The dtype of the result. Default: ``None``, the dtype of ``a``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The new array.

    Raises
    ------
    TypeError
        When ``a`` is not an array.

    Examples
    --------
    >>> e = mx.empty_like(mx.array([[1, 2], [3, 4]]), mx.float16)
    >>> e.shape, e.dtype
    ((2, 2), mlx.core.float16)
    """
    cdef array x = array_arg(a, "empty_like", "a")
    return wrap_tmp(ops.zeros_like(x._a, _dtype_or(dtype, x._a.dtype()), stream_arg(stream)))


def ones_like(a: array, /, dtype: Dtype | None = None, *, stream: StreamOrDevice = None) -> array:
    """An array of ones with the shape and dtype of ``a``.

    Parameters
    ----------
    a : array
        The array whose shape (and dtype) to use.
    dtype : Dtype, optional
        The dtype of the result. Default: ``None``, the dtype of ``a``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The ones.

    Raises
    ------
    TypeError
        When ``a`` is not an array.

    Examples
    --------
    >>> a = mx.array([1.5, 2.5])
    >>> mx.ones_like(a)
    array([1, 1], dtype=float32)
    >>> mx.ones_like(a, dtype=mx.bool_)
    array([True, True], dtype=bool)
    """
    cdef array x = array_arg(a, "ones_like", "a")
    return wrap_tmp(ops.ones_like(x._a, _dtype_or(dtype, x._a.dtype()), stream_arg(stream)))


def full_like(a: array, vals: scalar | array, dtype: Dtype | None = None, *,
              stream: StreamOrDevice = None) -> array:
    """An array with the shape and dtype of ``a`` filled with ``vals``.

    Unlike :func:`full`, the value is cast to the result's dtype (``a``'s unless ``dtype`` is given),
    so ``3.5`` fills an int32 array with 3. An array ``vals`` broadcasts with the shape of ``a``.

    Parameters
    ----------
    a : array
        The array whose shape (and dtype) to use.
    vals : scalar or array
        The fill value, or an array that broadcasts with ``a``'s shape.
    dtype : Dtype, optional
        The dtype of the result. Default: ``None``, the dtype of ``a``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The filled array.

    Raises
    ------
    TypeError
        When ``a`` is not an array.
    ValueError
        When ``vals`` is a list or tuple, does not broadcast, or is a Python int that does not fit
        the dtype.

    Examples
    --------
    >>> a = mx.array([1, 2])
    >>> mx.full_like(a, 3.5)
    array([3, 3], dtype=int32)
    >>> mx.full_like(a, 3.5, mx.float32)
    array([3.5, 3.5], dtype=float32)
    """
    cdef array x = array_arg(a, "full_like", "a")
    cdef c_Dtype d = _dtype_or(dtype, x._a.dtype())
    cdef optional[c_array] v = nullopt
    _value_as(vals, d, x if dtype is None else None, v)
    # an array of values broadcasts with a's shape (the result can be larger than a)
    return wrap_tmp(ops.full(cx.broadcast_shapes(x._a.shape(), deref(v).shape()), deref(v), d, stream_arg(stream)))


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


def arange(*args, **kwargs) -> array:
    """Evenly spaced values in the half-open interval ``[start, stop)``.

    Called as ``arange(stop)``, ``arange(start, stop)``, ``arange(start, stop, step)`` or, with the
    dtype third, ``arange(stop, step, dtype)``. The result has
    ``ceil((stop - start) / step)`` elements (none when that is not positive).

    Parameters
    ----------
    start : int or float, optional
        The first value. Called with one number, that number is the stop and the start is 0.
        Default: ``None``.
    stop : int or float, optional
        The end of the interval, not included. Default: ``None``, see ``start``; ``start`` may be
        named only together with ``stop``.
    step : int or float, optional
        The spacing between values. Default: ``None``, 1.
    dtype : Dtype, optional
        The dtype of the result. Default: ``None``: float32 when any of ``start``, ``stop``,
        ``step`` is a float, else int32, or int64 when an integer does not fit in 32 bits.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        A 1-D array.

    Raises
    ------
    ValueError
        When ``step`` is 0, or a bound or ``dtype`` is bool.
    TypeError
        When a bound is not a Python int or float, or ``stop`` is missing.

    Examples
    --------
    >>> mx.arange(5)
    array([0, 1, 2, 3, 4], dtype=int32)
    >>> mx.arange(1, 7, 2)
    array([1, 3, 5], dtype=int32)
    >>> mx.arange(0, 1, 0.25)
    array([0, 0.25, 0.5, 0.75], dtype=float32)
    >>> mx.arange(3, dtype=mx.float32)
    array([0, 1, 2], dtype=float32)
    """
    start, stop, step, dtype, stream = _arange_bind(args, kwargs)
    cdef double c_start, c_stop, c_step
    if type(start) is int and (stop is None or type(stop) is int) and (step is None or type(step) is int) \
            and dtype is None and _fits_int32(start) and (stop is None or _fits_int32(stop)) \
            and (step is None or _fits_int32(step)):
        # the common all-int case, int32
        c_start, c_stop = (0.0, <double>start) if stop is None else (<double>start, <double>stop)
        c_step = 1.0 if step is None else <double>step
        return wrap_tmp(ops.arange(c_start, c_stop, c_step, int32, stream_arg(stream)))
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
    return wrap_tmp(ops.arange(c_start, c_stop, c_step, d, stream_arg(stream)))


def _arange_parameters(start=None, stop=None, step=None, dtype=None, *, stream=None):
    """The one parameter list ``arange`` shows (it parses its two call forms itself)."""


# Tools and IDEs see one signature: inspect.signature follows ``__wrapped__`` to the prototype
# above (a ``__signature__`` object would need ``inspect``, ~5 ms of `import mlxcy`).
arange.__wrapped__ = _arange_parameters


def linspace(start: scalar, stop: scalar, num: int | None = 50, endpoint: bool = True,
             dtype: Dtype | None = _float32, stream: StreamOrDevice = None) -> array:
    """``num`` evenly spaced values from ``start`` to ``stop``.

    Parameters
    ----------
    start : scalar
        The first value.
    stop : scalar
        The last value (when ``endpoint`` is True).
    num : int, optional
        How many values (0 or more). Default: ``50``.
    endpoint : bool, optional
        Include ``stop`` as the last value; with ``False`` the values stop one spacing short of it.
        Default: ``True``.
    dtype : Dtype, optional
        The dtype of the result (an integer dtype truncates the values). Default: ``float32``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        A 1-D array of ``num`` values.

    Raises
    ------
    ValueError
        When ``num`` is negative.
    TypeError
        When ``num`` is not an int, or ``start`` or ``stop`` is not a real number.

    Examples
    --------
    >>> mx.linspace(0, 1, 5)
    array([0, 0.25, 0.5, 0.75, 1], dtype=float32)
    >>> mx.linspace(0, 1, 4, endpoint=False)
    array([0, 0.25, 0.5, 0.75], dtype=float32)
    """
    for v in (start, stop):
        if isinstance(v, (complex, str, bytes)) or not hasattr(v, "__float__"):
            raise TypeError(f"linspace(): start and stop must be real numbers, got {type(v).__name__}")
    if not isinstance(num, int) or not -2147483648 <= num <= 2147483647:
        raise TypeError(f"linspace(): num must be a 32-bit integer, got {num!r}")
    return wrap_tmp(ops.linspace(float(start), float(stop), <int>num, <cbool>to_flag(endpoint, "linspace", "endpoint"),
                             _dtype_or(dtype, float32), stream_arg(stream)))


def eye(n: int, m: int | None = None, k: int = 0, dtype: Dtype | None = _float32, *,
        stream: StreamOrDevice = None) -> array:
    """A 2-D array with ones on one diagonal and zeros elsewhere.

    Parameters
    ----------
    n : int
        The number of rows.
    m : int, optional
        The number of columns. Default: ``None``, ``n``.
    k : int, optional
        The diagonal: 0 the main one, positive above it, negative below it. Default: ``0``.
    dtype : Dtype, optional
        The dtype of the result. Default: ``float32``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        An ``n`` x ``m`` array.

    Raises
    ------
    ValueError
        When ``n`` or ``m`` is negative.

    Examples
    --------
    >>> mx.eye(2)
    array([[1, 0],
           [0, 1]], dtype=float32)
    >>> mx.eye(2, 3, k=1, dtype=mx.int32)
    array([[0, 1, 0],
           [0, 0, 1]], dtype=int32)

    Notes
    -----
    A result too large to allocate raises ``MemoryError`` in mlxcy when the op is called (the
    reference crashes when it is evaluated).
    """
    cdef int c_n = to_int32(n, "eye", "n")
    cdef int c_k = to_int32(k, "eye", "k")
    cdef int cm = c_n if m is None else to_int32(m, "eye", "m")
    return wrap_tmp(ops.eye(c_n, cm, c_k, _dtype_or(dtype, float32), stream_arg(stream)))


def identity(n: int, dtype: Dtype | None = _float32, *, stream: StreamOrDevice = None) -> array:
    """The square identity matrix.

    Parameters
    ----------
    n : int
        The number of rows and columns.
    dtype : Dtype, optional
        The dtype of the result. Default: ``float32``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        An ``n`` x ``n`` array with ones on the main diagonal.

    Raises
    ------
    ValueError
        When ``n`` is negative.

    Examples
    --------
    >>> mx.identity(2)
    array([[1, 0],
           [0, 1]], dtype=float32)
    >>> mx.identity(3, mx.int32).shape
    (3, 3)

    Notes
    -----
    A result too large to allocate raises ``MemoryError`` in mlxcy when the op is called (the
    reference crashes when it is evaluated).
    """
    cdef int c_n = to_int32(n, "identity", "n")
    return wrap_tmp(ops.identity(c_n, _dtype_or(dtype, float32), stream_arg(stream)))


def tri(n: int, m: int | None = None, k: int = 0, dtype: Dtype | None = None, *,
        stream: StreamOrDevice = None) -> array:
    """A 2-D array with ones at and below a diagonal and zeros above it.

    Parameters
    ----------
    n : int
        The number of rows.
    m : int, optional
        The number of columns. Default: ``None``, ``n``.
    k : int, optional
        The diagonal: 0 the main one, positive above it, negative below it. Default: ``0``.
    dtype : Dtype, optional
        The dtype of the result. Default: ``None``, float32.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        An ``n`` x ``m`` array (empty when ``n`` is 0 or negative).

    Examples
    --------
    >>> mx.tri(3)
    array([[1, 0, 0],
           [1, 1, 0],
           [1, 1, 1]], dtype=float32)
    >>> mx.tri(2, 3, k=1, dtype=mx.int32)
    array([[1, 1, 0],
           [1, 1, 1]], dtype=int32)

    Notes
    -----
    A result too large to allocate raises ``MemoryError`` in mlxcy when the op is called (the
    reference crashes when it is evaluated).
    """
    cdef int c_n = to_int32(n, "tri", "n")
    cdef int c_k = to_int32(k, "tri", "k")
    cdef int cm = c_n if m is None else to_int32(m, "tri", "m")
    return wrap_tmp(ops.tri(c_n, cm, c_k, _dtype_or(dtype, float32), stream_arg(stream)))


def tril(x: array, k: int = 0, *, stream: StreamOrDevice = None) -> array:
    """The lower triangle of an array: elements above a diagonal set to zero.

    Works on the last two axes; leading axes are batch axes.

    Parameters
    ----------
    x : array
        The input array, with at least 2 dimensions.
    k : int, optional
        The diagonal to keep up to: 0 the main one, positive above it, negative below it.
        Default: ``0``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        An array of the shape and dtype of ``x``.

    Raises
    ------
    ValueError
        When ``x`` has fewer than 2 dimensions.
    TypeError
        When ``x`` is not an array.

    Examples
    --------
    >>> a = mx.array([[1, 2, 3], [4, 5, 6], [7, 8, 9]])
    >>> mx.tril(a)
    array([[1, 0, 0],
           [4, 5, 0],
           [7, 8, 9]], dtype=int32)
    >>> mx.tril(a, -1)
    array([[0, 0, 0],
           [4, 0, 0],
           [7, 8, 0]], dtype=int32)
    """
    cdef int c_k = to_int32(k, "tril", "k")
    return wrap_tmp(ops.tril(array_arg(x, "tril", "x")._a, c_k, stream_arg(stream)))


def triu(x: array, k: int = 0, *, stream: StreamOrDevice = None) -> array:
    """The upper triangle of an array: elements below a diagonal set to zero.

    Works on the last two axes; leading axes are batch axes.

    Parameters
    ----------
    x : array
        The input array, with at least 2 dimensions.
    k : int, optional
        The diagonal to keep from: 0 the main one, positive above it, negative below it.
        Default: ``0``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        An array of the shape and dtype of ``x``.

    Raises
    ------
    ValueError
        When ``x`` has fewer than 2 dimensions.
    TypeError
        When ``x`` is not an array.

    Examples
    --------
    >>> a = mx.array([[1, 2, 3], [4, 5, 6], [7, 8, 9]])
    >>> mx.triu(a)
    array([[1, 2, 3],
           [0, 5, 6],
           [0, 0, 9]], dtype=int32)
    >>> mx.triu(a, 1)
    array([[0, 2, 3],
           [0, 0, 6],
           [0, 0, 0]], dtype=int32)
    """
    cdef int c_k = to_int32(k, "triu", "k")
    return wrap_tmp(ops.triu(array_arg(x, "triu", "x")._a, c_k, stream_arg(stream)))


def meshgrid(*arrays: array, sparse: bool | None = False, indexing: str | None = "xy",
             stream: StreamOrDevice = None) -> tuple[array, ...]:
    """Coordinate grids from 1-D coordinate arrays.

    With ``n`` arrays of sizes ``s1, ..., sn``, each result has ``n`` dimensions and holds one
    array's values repeated along the other axes. Arrays with more than one dimension are flattened
    first.

    Parameters
    ----------
    *arrays : array
        The coordinates along each axis.
    sparse : bool, optional
        Return arrays of size 1 on every axis but their own, which broadcast to the full grid.
        Keyword only. Default: ``False``.
    indexing : str, optional
        ``"xy"`` (Cartesian: the first two axes are swapped, shapes ``(s2, s1, ...)``) or ``"ij"``
        (matrix: shapes ``(s1, s2, ...)``). Keyword only. Default: ``"xy"``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    tuple(array, ...)
        One grid per input array (an empty tuple for none).

    Raises
    ------
    ValueError
        When ``indexing`` is neither ``"xy"`` nor ``"ij"``.
    RuntimeError
        When an argument is not an array.

    Examples
    --------
    >>> x, y = mx.meshgrid(mx.array([1, 2, 3]), mx.array([4, 5]))
    >>> x
    array([[1, 2, 3],
           [1, 2, 3]], dtype=int32)
    >>> y
    array([[4, 4, 4],
           [5, 5, 5]], dtype=int32)
    >>> [g.shape for g in mx.meshgrid(mx.array([1, 2, 3]), mx.array([4, 5]), indexing="ij")]
    [(3, 2), (3, 2)]
    """
    to_flag(sparse, "meshgrid", "sparse")
    if not isinstance(indexing, str):
        raise TypeError(f"meshgrid(): indexing must be a str, got {type(indexing).__name__}")
    cdef vector[c_array] v = vector[c_array]()
    array_list_into(arrays, "meshgrid", RuntimeError, v)
    cdef string idx = indexing.encode()
    return tuple(wrap_list(ops.meshgrid(v, <cbool>sparse, idx, stream_arg(stream))))


cdef object _window(object M, object stream, str name):
    cdef int n = to_int32(M, name, "M")
    cdef StreamOrDevice sd = stream_arg(stream)
    if name == "bartlett":
        return wrap_tmp(ops.bartlett(n, sd))
    if name == "blackman":
        return wrap_tmp(ops.blackman(n, sd))
    if name == "hamming":
        return wrap_tmp(ops.hamming(n, sd))
    return wrap_tmp(ops.hanning(n, sd))


def bartlett(M: int, *, stream: StreamOrDevice = None) -> array:
    """The Bartlett (triangular) window.

    Rises linearly from 0 to 1 at the middle and back down to 0, as used to taper a signal before
    a Fourier transform.

    Parameters
    ----------
    M : int
        The number of points (0 or less gives an empty array, 1 gives ``[1]``).
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        A 1-D float32 array of ``M`` values.

    Examples
    --------
    >>> mx.bartlett(5)
    array([0, 0.5, 1, 0.5, 0], dtype=float32)
    """
    return _window(M, stream, "bartlett")


def blackman(M: int, *, stream: StreamOrDevice = None) -> array:
    """The Blackman window.

    A taper made of three cosine terms, 0 at both ends and 1 in the middle, with lower side lobes
    than :func:`hanning`.

    Parameters
    ----------
    M : int
        The number of points (0 or less gives an empty array, 1 gives ``[1]``).
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        A 1-D float32 array of ``M`` values.

    Examples
    --------
    >>> w = mx.blackman(5)
    >>> w.shape, w.dtype
    ((5,), mlx.core.float32)
    >>> mx.allclose(w, mx.array([0.0, 0.34, 1.0, 0.34, 0.0]), atol=1e-6)
    array(True, dtype=bool)
    """
    return _window(M, stream, "blackman")


def hamming(M: int, *, stream: StreamOrDevice = None) -> array:
    """The Hamming window.

    A raised cosine, ``0.54 - 0.46 cos(2 pi n / (M - 1))``, which does not reach 0 at the ends.

    Parameters
    ----------
    M : int
        The number of points (0 or less gives an empty array, 1 gives ``[1]``).
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        A 1-D float32 array of ``M`` values.

    Examples
    --------
    >>> mx.allclose(mx.hamming(5), mx.array([0.08, 0.54, 1.0, 0.54, 0.08]), atol=1e-6)
    array(True, dtype=bool)
    """
    return _window(M, stream, "hamming")


def hanning(M: int, *, stream: StreamOrDevice = None) -> array:
    """The Hann window.

    A raised cosine, ``0.5 - 0.5 cos(2 pi n / (M - 1))``, 0 at both ends and 1 in the middle.

    Parameters
    ----------
    M : int
        The number of points (0 or less gives an empty array, 1 gives ``[1]``).
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        A 1-D float32 array of ``M`` values.

    Examples
    --------
    >>> mx.allclose(mx.hanning(5), mx.array([0.0, 0.5, 1.0, 0.5, 0.0]), atol=1e-6)
    array(True, dtype=bool)
    """
    return _window(M, stream, "hanning")


# ---- shapes -------------------------------------------------------------------------------

def reshape(a: array, /, shape: Sequence[int], *, stream: StreamOrDevice = None) -> array:
    """An array with the same elements in a new shape.

    The elements are taken in row-major order. The result shares memory with ``a`` when the layout
    allows, and is a copy otherwise.

    Parameters
    ----------
    a : array
        The input array.
    shape : list(int)
        The new shape, with the same number of elements; one entry may be -1, inferred from the
        others.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The reshaped array, with the dtype of ``a``.

    Raises
    ------
    ValueError
        When the sizes do not match or more than one entry is -1.
    TypeError
        When ``a`` is not an array or ``shape`` is not a sequence of ints (a bare int included).

    Examples
    --------
    >>> a = mx.arange(6)
    >>> mx.reshape(a, (2, 3))
    array([[0, 1, 2],
           [3, 4, 5]], dtype=int32)
    >>> mx.reshape(a, (-1, 2)).shape
    (3, 2)
    """
    cdef array x = array_arg(a, "reshape", "a")
    cdef Shape sh = Shape()
    shape_into(shape, "reshape", False, TypeError, sh)
    return wrap_tmp(ops.reshape(x._a, sh, stream_arg(stream)))


cdef object _two_ints_op(object a, object i, object j, object stream, str fname, str iname, str jname):
    """flatten, swapaxes and moveaxis: an array and two integer arguments."""
    cdef int ci = to_int32(i, fname, iname)
    cdef int cj = to_int32(j, fname, jname)
    cdef array x = array_arg(a, fname, "a")
    cdef StreamOrDevice sd = stream_arg(stream)
    if fname == "flatten":
        return wrap_tmp(ops.flatten(x._a, ci, cj, sd))
    if fname == "swapaxes":
        return wrap_tmp(ops.swapaxes(x._a, ci, cj, sd))
    return wrap_tmp(ops.moveaxis(x._a, ci, cj, sd))


def flatten(a: array, /, start_axis: int = 0, end_axis: int = -1, *,
            stream: StreamOrDevice = None) -> array:
    """Merge a range of consecutive axes into one.

    Parameters
    ----------
    a : array
        The input array.
    start_axis : int, optional
        The first axis to merge. Default: ``0``.
    end_axis : int, optional
        The last axis to merge, included. Default: ``-1``, the last axis.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The array with axes ``start_axis`` to ``end_axis`` replaced by one axis of their total size
        (a 0-d array gives shape ``(1,)``).

    Raises
    ------
    ValueError
        When ``start_axis`` comes after ``end_axis`` (after negative axes are resolved).
    TypeError
        When ``a`` is not an array.

    Examples
    --------
    >>> a = mx.zeros((2, 3, 4))
    >>> mx.flatten(a).shape
    (24,)
    >>> mx.flatten(a, start_axis=1).shape
    (2, 12)
    >>> mx.flatten(a, 0, 1).shape
    (6, 4)
    """
    return _two_ints_op(a, start_axis, end_axis, stream, "flatten", "start_axis", "end_axis")


def unflatten(a: array, /, axis: int, shape: Sequence[int], *,
              stream: StreamOrDevice = None) -> array:
    """Split one axis into several with the given shape.

    Parameters
    ----------
    a : array
        The input array.
    axis : int
        The axis to split.
    shape : list(int)
        The sizes that replace the axis; their product must equal its size, and one entry may be
        -1, inferred from the others.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The array with ``axis`` replaced by ``len(shape)`` axes.

    Raises
    ------
    ValueError
        When ``shape`` is empty or does not match the size of the axis.
    IndexError
        When ``axis`` is out of range.
    TypeError
        When ``a`` is not an array or ``shape`` is not a sequence of ints.

    Examples
    --------
    >>> a = mx.zeros((6, 4))
    >>> mx.unflatten(a, 0, (2, 3)).shape
    (2, 3, 4)
    >>> mx.unflatten(a, -1, (2, -1)).shape
    (6, 2, 2)

    Notes
    -----
    A -1 beside a 0 in ``shape`` raises ``ValueError`` in mlxcy (the reference crashes).
    """
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
    return wrap_tmp(ops.unflatten(x._a, c_axis, dims, stream_arg(stream)))


def squeeze(a: array, /, axis: None | int | Sequence[int] = None, *,
            stream: StreamOrDevice = None) -> array:
    """Remove axes of size 1.

    Parameters
    ----------
    a : array
        The input array.
    axis : int or list(int), optional
        The axes to remove, each of size 1. Default: ``None``, every axis of size 1.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The array without those axes.

    Raises
    ------
    ValueError
        When a given axis does not have size 1.
    IndexError
        When an axis is out of range.
    TypeError
        When ``a`` is not an array.

    Examples
    --------
    >>> a = mx.zeros((1, 2, 1))
    >>> mx.squeeze(a).shape
    (2,)
    >>> mx.squeeze(a, 0).shape
    (2, 1)
    """
    cdef array x = array_arg(a, "squeeze", "a")
    if axis is None:
        return wrap_tmp(ops.squeeze(x._a, stream_arg(stream)))
    return wrap_tmp(ops.squeeze(x._a, int_list_arg(axis, "squeeze", "axis", True), stream_arg(stream)))


def expand_dims(a: array, /, axis: int | Sequence[int], *, stream: StreamOrDevice = None) -> array:
    """Insert axes of size 1.

    Parameters
    ----------
    a : array
        The input array.
    axis : int or list(int)
        The positions of the new axes in the result (negative counts from the end of the result).
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The array with ``len(axis)`` more dimensions.

    Raises
    ------
    IndexError
        When a position is out of range for the result.
    ValueError
        When a position is given twice.
    TypeError
        When ``a`` is not an array.

    Examples
    --------
    >>> a = mx.zeros((2, 3))
    >>> mx.expand_dims(a, 0).shape
    (1, 2, 3)
    >>> mx.expand_dims(a, (0, -1)).shape
    (1, 2, 3, 1)
    """
    cdef array x = array_arg(a, "expand_dims", "a")
    return wrap_tmp(ops.expand_dims(x._a, int_list_arg(axis, "expand_dims", "axis", True), stream_arg(stream)))


cdef object _transpose(object a, object axes, object stream, str fname):
    cdef array x = array_arg(a, fname, "a")
    if axes is None:
        return wrap_tmp(ops.transpose(x._a, stream_arg(stream)))
    if isinstance(axes, int):
        raise TypeError(f"{fname}(): axes must be a sequence of integers, got int")
    return wrap_tmp(ops.transpose(x._a, int_list_arg(axes, fname, "axes", True), stream_arg(stream)))


def transpose(a: array, /, axes: Sequence[int] | None = None, *,
              stream: StreamOrDevice = None) -> array:
    """Permute the axes of an array.

    Parameters
    ----------
    a : array
        The input array.
    axes : list(int), optional
        The new order: axis ``i`` of the result is axis ``axes[i]`` of ``a``. Default: ``None``,
        the axes reversed.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The permuted array (a view: no data is copied until needed).

    Raises
    ------
    ValueError
        When ``axes`` does not have one entry per axis or repeats an axis.
    IndexError
        When an axis is out of range.
    TypeError
        When ``a`` is not an array or ``axes`` is not a sequence of ints.

    Examples
    --------
    >>> mx.transpose(mx.array([[1, 2], [3, 4]]))
    array([[1, 3],
           [2, 4]], dtype=int32)
    >>> mx.transpose(mx.zeros((2, 3, 4)), (1, 0, 2)).shape
    (3, 2, 4)
    """
    return _transpose(a, axes, stream, "transpose")


def permute_dims(a: array, /, axes: Sequence[int] | None = None, *,
                 stream: StreamOrDevice = None) -> array:
    """Permute the axes of an array; another name for :func:`transpose`.

    Parameters
    ----------
    a : array
        The input array.
    axes : list(int), optional
        The new order: axis ``i`` of the result is axis ``axes[i]`` of ``a``. Default: ``None``,
        the axes reversed.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The permuted array.

    Raises
    ------
    ValueError
        When ``axes`` does not have one entry per axis or repeats an axis.
    IndexError
        When an axis is out of range.
    TypeError
        When ``a`` is not an array or ``axes`` is not a sequence of ints.

    Examples
    --------
    >>> mx.permute_dims(mx.zeros((2, 3, 4)), (2, 0, 1)).shape
    (4, 2, 3)
    """
    return _transpose(a, axes, stream, "permute_dims")


def matrix_transpose(a: array, /, *, stream: StreamOrDevice = None) -> array:
    """Swap the last two axes of an array (transpose a stack of matrices).

    Parameters
    ----------
    a : array
        The input array, with at least 2 dimensions.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The array with its last two axes exchanged.

    Raises
    ------
    ValueError
        When ``a`` has fewer than 2 dimensions.
    TypeError
        When ``a`` is not an array.

    Examples
    --------
    >>> mx.matrix_transpose(mx.zeros((5, 2, 3))).shape
    (5, 3, 2)
    >>> mx.matrix_transpose(mx.array([[1, 2]]))
    array([[1],
           [2]], dtype=int32)
    """
    return wrap_tmp(ops.matrix_transpose(array_arg(a, "matrix_transpose", "a")._a, stream_arg(stream)))


def swapaxes(a: array, /, axis1: int, axis2: int, *, stream: StreamOrDevice = None) -> array:
    """Exchange two axes of an array.

    Parameters
    ----------
    a : array
        The input array.
    axis1 : int
        One axis.
    axis2 : int
        The other axis.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The array with ``axis1`` and ``axis2`` exchanged.

    Raises
    ------
    IndexError
        When an axis is out of range.
    TypeError
        When ``a`` is not an array.

    Examples
    --------
    >>> mx.swapaxes(mx.zeros((2, 3, 4)), 0, 2).shape
    (4, 3, 2)
    """
    return _two_ints_op(a, axis1, axis2, stream, "swapaxes", "axis1", "axis2")


def moveaxis(a: array, /, source: int, destination: int, *, stream: StreamOrDevice = None) -> array:
    """Move one axis to a new position, keeping the order of the others.

    Parameters
    ----------
    a : array
        The input array.
    source : int
        The axis to move.
    destination : int
        Its position in the result.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The array with the axis moved.

    Raises
    ------
    IndexError
        When ``source`` or ``destination`` is out of range.
    TypeError
        When ``a`` is not an array.

    Examples
    --------
    >>> a = mx.zeros((2, 3, 4))
    >>> mx.moveaxis(a, 0, -1).shape
    (3, 4, 2)
    >>> mx.moveaxis(a, 2, 0).shape
    (4, 2, 3)
    """
    return _two_ints_op(a, source, destination, stream, "moveaxis", "source", "destination")


def broadcast_to(a: scalar | array, /, shape: Sequence[int], *,
                 stream: StreamOrDevice = None) -> array:
    """Broadcast an array to a given shape.

    Size-1 axes are repeated and missing leading axes added, following the usual broadcasting
    rules; no data is copied.

    Parameters
    ----------
    a : scalar or array
        The array (or Python scalar) to broadcast.
    shape : list(int)
        The target shape.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        An array of shape ``shape`` with the dtype of ``a``.

    Raises
    ------
    ValueError
        When ``a`` does not broadcast to ``shape``, or ``a`` is a list or tuple.
    TypeError
        When ``shape`` is not a sequence of ints (a bare int included).

    Examples
    --------
    >>> mx.broadcast_to(mx.array([1, 2]), (2, 2))
    array([[1, 2],
           [1, 2]], dtype=int32)
    >>> mx.broadcast_to(5, (3,))
    array([5, 5, 5], dtype=int32)
    """
    cdef optional[c_array] x = nullopt
    scalar_or_array_arg(a, x)
    return wrap_tmp(ops.broadcast_to(deref(x), shape_arg(shape, "broadcast_to", False, TypeError),
                                 stream_arg(stream)))


def broadcast_arrays(*arrays: array, stream: StreamOrDevice = None) -> tuple[array, ...]:
    """Broadcast several arrays against each other to one common shape.

    Parameters
    ----------
    *arrays : array
        The arrays to broadcast.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    list(array)
        The broadcast arrays, in order (an empty list for none).

    Raises
    ------
    ValueError
        When the shapes do not broadcast together.
    RuntimeError
        When an argument is not an array.

    Examples
    --------
    >>> a, b = mx.broadcast_arrays(mx.array([1, 2]), mx.array([[3], [4]]))
    >>> a
    array([[1, 2],
           [1, 2]], dtype=int32)
    >>> b
    array([[3, 3],
           [4, 4]], dtype=int32)
    """
    cdef vector[c_array] v = vector[c_array]()
    array_list_into(arrays, "broadcast_arrays", RuntimeError, v)
    return wrap_list(ops.broadcast_arrays(v, stream_arg(stream)))


def broadcast_shapes(*shapes: Sequence[int]) -> tuple[int]:
    """The shape that several shapes broadcast to together.

    Only shapes are involved: no array is made.

    Parameters
    ----------
    *shapes : list(int)
        One or more shapes, each a tuple or list of ints.

    Returns
    -------
    tuple(int)
        The broadcast shape.

    Raises
    ------
    ValueError
        When no shape is given, the shapes do not broadcast, or a shape after the first is not a
        tuple or list of ints.
    RuntimeError
        When the first shape is not a sequence of ints.

    Examples
    --------
    >>> mx.broadcast_shapes((1, 3), (2, 1))
    (2, 3)
    >>> mx.broadcast_shapes((5, 1, 4), (3, 1), (4,))
    (5, 3, 4)
    """
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
    cdef vector[c_array] v = vector[c_array]()
    array_list_into(arys, fname, RuntimeError, v)
    cdef StreamOrDevice sd = stream_arg(stream)
    cdef list out = []
    cdef size_t i
    for i in range(v.size()):
        if n == 1:
            out.append(wrap_tmp(ops.atleast_1d(v[i], sd)))
        elif n == 2:
            out.append(wrap_tmp(ops.atleast_2d(v[i], sd)))
        else:
            out.append(wrap_tmp(ops.atleast_3d(v[i], sd)))
    return out[0] if len(out) == 1 else out


def atleast_1d(*arys: array, stream: StreamOrDevice = None) -> array | list[array]:
    """Give arrays at least one dimension.

    A 0-d array becomes shape ``(1,)``; other arrays are returned as they are.

    Parameters
    ----------
    *arys : array
        The arrays.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array or list(array)
        One array for one argument, else a list (empty for none).

    Raises
    ------
    RuntimeError
        When an argument is not an array.

    Examples
    --------
    >>> mx.atleast_1d(mx.array(1))
    array([1], dtype=int32)
    >>> mx.atleast_1d(mx.array(1), mx.array([2, 3]))
    [array([1], dtype=int32), array([2, 3], dtype=int32)]
    """
    return _atleast(arys, stream, 1)


def atleast_2d(*arys: array, stream: StreamOrDevice = None) -> array | list[array]:
    """Give arrays at least two dimensions.

    A 0-d array becomes shape ``(1, 1)`` and a 1-D array of size ``n`` shape ``(1, n)``; arrays with
    2 or more dimensions are returned as they are.

    Parameters
    ----------
    *arys : array
        The arrays.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array or list(array)
        One array for one argument, else a list (empty for none).

    Raises
    ------
    RuntimeError
        When an argument is not an array.

    Examples
    --------
    >>> mx.atleast_2d(mx.array([1, 2]))
    array([[1, 2]], dtype=int32)
    >>> [x.shape for x in mx.atleast_2d(mx.array(1), mx.zeros((2, 3, 4)))]
    [(1, 1), (2, 3, 4)]
    """
    return _atleast(arys, stream, 2)


def atleast_3d(*arys: array, stream: StreamOrDevice = None) -> array | list[array]:
    """Give arrays at least three dimensions.

    A 0-d array becomes shape ``(1, 1, 1)``, a 1-D array of size ``n`` shape ``(1, n, 1)`` and a
    2-D array of shape ``(m, n)`` shape ``(m, n, 1)``; others are returned as they are.

    Parameters
    ----------
    *arys : array
        The arrays.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array or list(array)
        One array for one argument, else a list (empty for none).

    Raises
    ------
    RuntimeError
        When an argument is not an array.

    Examples
    --------
    >>> mx.atleast_3d(mx.array([1, 2])).shape
    (1, 2, 1)
    >>> [x.shape for x in mx.atleast_3d(mx.array(1), mx.zeros((2, 3)))]
    [(1, 1, 1), (2, 3, 1)]
    """
    return _atleast(arys, stream, 3)


def as_strided(a: array, /, shape: Sequence[int] | None = None,
               strides: Sequence[int] | None = None, offset: int = 0, *,
               stream: StreamOrDevice = None) -> array:
    """A view of an array's memory with a given shape and strides.

    Element ``(i0, i1, ...)`` of the result is the element at flat position
    ``offset + i0 * strides[0] + i1 * strides[1] + ...`` of ``a``'s row-major data. This allows
    overlapping windows without copying, but nothing checks that the positions stay inside ``a``:
    positions beyond it read unrelated memory.

    Parameters
    ----------
    a : array
        The input array.
    shape : list(int), optional
        The shape of the view. Default: ``None``, the shape of ``a``.
    strides : list(int), optional
        The step between elements along each axis, counted in elements (not bytes). Default:
        ``None``, the row-major strides of ``shape``.
    offset : int, optional
        The flat position of the first element (0 or more). Default: ``0``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The view, with the dtype of ``a``.

    Raises
    ------
    TypeError
        When ``a`` is not an array, ``offset`` is negative, or ``shape`` is not a sequence of ints.

    Examples
    --------
    >>> a = mx.arange(6)
    >>> mx.as_strided(a, (3, 2), (2, 1))
    array([[0, 1],
           [2, 3],
           [4, 5]], dtype=int32)
    >>> mx.as_strided(a, (2, 2), (1, 1), offset=2)
    array([[2, 3],
           [3, 4]], dtype=int32)
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
    return wrap_tmp(ops.as_strided(x._a, s, st, c_offset, stream_arg(stream)))


def view(a: scalar | array, dtype: Dtype, stream: StreamOrDevice = None) -> array:
    """Reinterpret the bytes of an array as another dtype.

    No value is converted: the bits are read as ``dtype``. When the item sizes differ, the last axis
    is resized so that the total number of bytes is unchanged.

    Parameters
    ----------
    a : scalar or array
        The input array (or Python scalar).
    dtype : Dtype
        The dtype to read the bytes as.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The reinterpreted array.

    Raises
    ------
    ValueError
        When ``a`` is 0-d and the item sizes differ, when the byte size of the last axis is not a
        multiple of the new item size, or ``a`` is a list or tuple.

    Examples
    --------
    >>> mx.view(mx.array([1.0, 2.0]), mx.uint32)
    array([1065353216, 1073741824], dtype=uint32)
    >>> mx.view(mx.array([1, 2], mx.int32), mx.uint8).shape
    (8,)

    Notes
    -----
    mlxcy also accepts ``stream`` positionally, as the published signature lists it (the reference
    raises ``TypeError``).
    """
    cdef optional[c_array] x = nullopt
    scalar_or_array_arg(a, x)
    return wrap_tmp(ops.view(deref(x), to_c_dtype(dtype), stream_arg(stream)))


def contiguous(a: array, /, allow_col_major: bool = False, *,
               stream: StreamOrDevice = None) -> array:
    """A copy of an array with row-contiguous memory, unless it already has it.

    Useful before handing an array's memory to code that expects a dense row-major layout; the
    values are unchanged.

    Parameters
    ----------
    a : array
        The input array.
    allow_col_major : bool, optional
        Also accept a column-contiguous (Fortran-order) array as it is. Default: ``False``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        An array equal to ``a`` whose memory is contiguous.

    Raises
    ------
    TypeError
        When ``a`` is not an array.

    Examples
    --------
    >>> t = mx.array([[1, 2], [3, 4]]).T
    >>> mx.contiguous(t)
    array([[1, 3],
           [2, 4]], dtype=int32)
    """
    return wrap_tmp(ops.contiguous(array_arg(a, "contiguous", "a")._a, <cbool>to_flag(allow_col_major, "contiguous", "allow_col_major"), stream_arg(stream)))


# ---- joining and splitting ----------------------------------------------------------------

cdef object _concatenate(object arrays, object axis, object stream, str fname):
    cdef vector[c_array] v = vector[c_array]()
    array_list_into(arrays, fname, TypeError, v)
    cdef StreamOrDevice sd = stream_arg(stream)
    cdef size_t i
    cdef Shape flat
    cdef int ax
    if axis is None:
        flat = _flat_shape()
        for i in range(v.size()):
            v[i] = ops.reshape(v[i], flat, sd)
        ax = 0
    else:
        ax = to_int32(axis, fname, "axis")
    return wrap_tmp(ops.concatenate(move(v), ax, sd))   # moved: no copy of each array handle


def concatenate(arrays: list[array], axis: int | None = 0, *,
                stream: StreamOrDevice = None) -> array:
    """Join arrays along an existing axis.

    The arrays must have the same number of dimensions and the same sizes on every other axis; the
    result has their promoted dtype.

    Parameters
    ----------
    arrays : list(array)
        The arrays to join (at least one).
    axis : int, optional
        The axis to join along; ``None`` flattens every array first. Default: ``0``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The joined array.

    Raises
    ------
    ValueError
        When ``arrays`` is empty or the shapes do not match.
    IndexError
        When ``axis`` is out of range.
    TypeError
        When an element of ``arrays`` is not an array.

    Examples
    --------
    >>> mx.concatenate([mx.array([1, 2]), mx.array([3])])
    array([1, 2, 3], dtype=int32)
    >>> mx.concatenate([mx.array([[1, 2]]), mx.array([[3, 4]])], axis=1)
    array([[1, 2, 3, 4]], dtype=int32)
    >>> mx.concatenate([mx.array([[1, 2]]), mx.array([3.5])], axis=None)
    array([1, 2, 3.5], dtype=float32)
    """
    return _concatenate(arrays, axis, stream, "concatenate")


def concat(arrays: list[array], axis: int | None = 0, *, stream: StreamOrDevice = None) -> array:
    """Join arrays along an existing axis; another name for :func:`concatenate`.

    Parameters
    ----------
    arrays : list(array)
        The arrays to join (at least one).
    axis : int, optional
        The axis to join along; ``None`` flattens every array first. Default: ``0``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The joined array, with the promoted dtype of the inputs.

    Raises
    ------
    ValueError
        When ``arrays`` is empty or the shapes do not match.
    IndexError
        When ``axis`` is out of range.
    TypeError
        When an element of ``arrays`` is not an array.

    Examples
    --------
    >>> mx.concat([mx.array([[1], [2]]), mx.array([[3], [4]])], axis=1)
    array([[1, 3],
           [2, 4]], dtype=int32)
    """
    return _concatenate(arrays, axis, stream, "concat")


def stack(arrays: list[array], axis: int | None = 0, *, stream: StreamOrDevice = None) -> array:
    """Join arrays of the same shape along a new axis.

    Parameters
    ----------
    arrays : list(array)
        The arrays to stack (at least one), all of one shape.
    axis : int, optional
        The position of the new axis in the result (``None`` means 0). Default: ``0``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        An array with one more dimension than the inputs, of their promoted dtype.

    Raises
    ------
    ValueError
        When ``arrays`` is empty or the shapes differ.
    IndexError
        When ``axis`` is out of range for the result.
    TypeError
        When an element of ``arrays`` is not an array.

    Examples
    --------
    >>> a, b = mx.array([1, 2]), mx.array([3, 4])
    >>> mx.stack([a, b])
    array([[1, 2],
           [3, 4]], dtype=int32)
    >>> mx.stack([a, b], axis=1)
    array([[1, 3],
           [2, 4]], dtype=int32)
    """
    cdef vector[c_array] v = vector[c_array]()
    array_list_into(arrays, "stack", TypeError, v)
    cdef int ax = 0 if axis is None else to_int32(axis, "stack", "axis")
    return wrap_tmp(ops.stack(v, ax, stream_arg(stream)))


def unstack(x: array, /, *, axis: int = 0, stream: StreamOrDevice = None) -> tuple[array, ...]:
    """Split an array into its slices along an axis, removing that axis.

    The inverse of :func:`stack`.

    Parameters
    ----------
    x : array
        The input array.
    axis : int, optional
        The axis to split along. Keyword only. Default: ``0``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    tuple(array, ...)
        ``x.shape[axis]`` arrays, each without ``axis``.

    Raises
    ------
    IndexError
        When ``axis`` is out of range (a 0-d array has none).
    TypeError
        When ``x`` is not an array.

    Examples
    --------
    >>> a = mx.array([[1, 2], [3, 4]])
    >>> mx.unstack(a)
    (array([1, 2], dtype=int32), array([3, 4], dtype=int32))
    >>> mx.unstack(a, axis=1)
    (array([1, 3], dtype=int32), array([2, 4], dtype=int32))
    """
    cdef int c_axis = to_int32(axis, "unstack", "axis")
    return tuple(wrap_list(ops.unstack(array_arg(x, "unstack", "x")._a, c_axis, stream_arg(stream))))


def split(a: array, /, indices_or_sections: int | Sequence[int], axis: int = 0, *,
          stream: StreamOrDevice = None) -> array:
    """Split an array along an axis into several arrays.

    Parameters
    ----------
    a : array
        The input array.
    indices_or_sections : int or list(int)
        An int ``n`` splits into ``n`` equal parts (the axis size must be divisible by ``n``). A
        list of indices splits before each index: ``[1, 4]`` gives ``a[:1]``, ``a[1:4]``, ``a[4:]``
        along the axis.
    axis : int, optional
        The axis to split along. Default: ``0``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    list(array)
        The parts.

    Raises
    ------
    ValueError
        When the axis does not divide into ``n`` equal parts, or ``n`` is not positive.
    IndexError
        When ``axis`` is out of range.
    TypeError
        When ``a`` is not an array.

    Examples
    --------
    >>> a = mx.arange(6)
    >>> mx.split(a, 3)
    [array([0, 1], dtype=int32), array([2, 3], dtype=int32), array([4, 5], dtype=int32)]
    >>> mx.split(a, [1, 4])
    [array([0], dtype=int32), array([1, 2, 3], dtype=int32), array([4, 5], dtype=int32)]
    """
    cdef int c_axis = to_int32(axis, "split", "axis")
    cdef array x = array_arg(a, "split", "a")
    cdef int n
    sections = _index_or_none(indices_or_sections)
    if sections is not None:
        n = sections
        return wrap_list(ops.split(x._a, n, c_axis, stream_arg(stream)))
    cdef Shape s = to_shape(int_list_arg(indices_or_sections, "split", "indices_or_sections", True))
    return wrap_list(ops.split(x._a, s, c_axis, stream_arg(stream)))


def tile(a: array, reps: int | Sequence[int], /, *, stream: StreamOrDevice = None) -> array:
    """Repeat a whole array a number of times along each axis.

    Parameters
    ----------
    a : array
        The input array.
    reps : int or list(int)
        Repetitions per axis, aligned to the last axes. When ``reps`` is longer than ``a.ndim``,
        ``a`` gets leading axes of size 1; when shorter, the leading axes are repeated once.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The tiled array.

    Raises
    ------
    ValueError
        When a repetition count is negative.
    TypeError
        When ``a`` is not an array.

    Examples
    --------
    >>> a = mx.array([1, 2])
    >>> mx.tile(a, 2)
    array([1, 2, 1, 2], dtype=int32)
    >>> mx.tile(a, (2, 1))
    array([[1, 2],
           [1, 2]], dtype=int32)

    Notes
    -----
    A result too large to allocate raises ``MemoryError`` in mlxcy when the op is called (the
    reference crashes when it is evaluated).
    """
    cdef array x = array_arg(a, "tile", "a")
    return wrap_tmp(ops.tile(x._a, int_list_arg(reps, "tile", "reps", True), stream_arg(stream)))


cdef object _repeat(object a, int repeats, object axis, object stream):
    cdef array x = array_arg(a, "repeat", "array")
    if axis is None:
        return wrap_tmp(ops.repeat(x._a, repeats, stream_arg(stream)))
    cdef int ax = to_int32(axis, "repeat", "axis")
    return wrap_tmp(ops.repeat(x._a, repeats, ax, stream_arg(stream)))


def repeat(array: array, /, repeats: int, axis: int | None = None, *,
           stream: StreamOrDevice = None) -> array:
    """Repeat each element of an array a number of times.

    Parameters
    ----------
    array : array
        The input array.
    repeats : int
        How many times each element is repeated (0 or more).
    axis : int, optional
        The axis to repeat along. Default: ``None``, the flattened array.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The array with the size along ``axis`` multiplied by ``repeats`` (1-D when ``axis`` is None).

    Raises
    ------
    ValueError
        When ``repeats`` is negative.
    IndexError
        When ``axis`` is out of range.
    TypeError
        When ``array`` is not an array or ``repeats`` is not an int.

    Examples
    --------
    >>> mx.repeat(mx.array([1, 2]), 2)
    array([1, 1, 2, 2], dtype=int32)
    >>> mx.repeat(mx.array([[1, 2], [3, 4]]), 2, axis=0)
    array([[1, 2],
           [1, 2],
           [3, 4],
           [3, 4]], dtype=int32)
    """
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


def pad(a: array, pad_width: int | tuple[int] | tuple[int, int] | list[tuple[int, int]],
        mode: Literal['constant', 'edge', 'reflect', 'symmetric'] = "constant",
        constant_values: scalar | array = 0, *, stream: StreamOrDevice = None) -> array:
    """Pad an array on the edges of each axis.

    Parameters
    ----------
    a : array
        The input array.
    pad_width : int or tuple(int) or tuple(int, int) or list(tuple(int, int))
        How many elements to add before and after each axis: ``n`` or ``(n,)`` adds ``n`` on both
        sides of every axis, ``(low, high)`` adds ``low`` before and ``high`` after every axis, and a
        list of ``(low, high)`` pairs gives one pair per axis. Every width must be 0 or more.
    mode : str, optional
        ``"constant"`` fills with ``constant_values``; ``"edge"`` repeats the edge element;
        ``"reflect"`` mirrors the array without repeating the edge element; ``"symmetric"``
        mirrors it including the edge element. Default: ``"constant"``.
    constant_values : scalar or array, optional
        The fill value of ``"constant"`` mode, cast to the dtype of ``a``. Default: ``0``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The padded array, with the dtype of ``a``.

    Raises
    ------
    ValueError
        When a width is negative, the number of pairs does not match ``a.ndim``, or ``mode`` is
        unknown.
    TypeError
        When ``a`` is not an array or ``pad_width`` has another form.

    Examples
    --------
    >>> a = mx.array([1, 2])
    >>> mx.pad(a, 1)
    array([0, 1, 2, 0], dtype=int32)
    >>> mx.pad(a, (1, 2), constant_values=9)
    array([9, 1, 2, 9, 9], dtype=int32)
    >>> mx.pad(mx.array([1, 2, 3]), 1, mode="reflect")
    array([2, 1, 2, 3, 2], dtype=int32)
    >>> mx.pad(mx.array([[1, 2]]), [(0, 1), (1, 0)])
    array([[0, 1, 2],
           [0, 0, 0]], dtype=int32)

    Notes
    -----
    An empty ``constant_values`` array raises ``ValueError`` in mlxcy (the reference pads with
    whatever memory lies outside it).
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
    return wrap_tmp(ops.pad(x._a, widths, deref(v), m, stream_arg(stream)))


cdef bint _is_single_int(object x):
    """True for one integer (a Python int, a 0-d array, anything with ``__index__``), False for
    a sequence: several ops treat ``3`` and ``(3,)`` differently."""
    if isinstance(x, array):
        return (<array>x)._a.ndim() == 0
    return isinstance(x, int) or (not isinstance(x, (list, tuple)) and hasattr(x, "__index__"))


def roll(a: array, /, shift: int | tuple[int], axis: None | int | tuple[int] = None, *,
         stream: StreamOrDevice = None) -> array:
    """Shift the elements of an array along axes, wrapping around at the end.

    Parameters
    ----------
    a : array
        The input array.
    shift : int or tuple(int)
        How many places to shift (negative shifts towards the start).
    axis : int or tuple(int), optional
        The axes to shift along. Default: ``None``, the flattened array (the shape is restored).
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The rolled array, with the shape and dtype of ``a``.

    Raises
    ------
    ValueError
        When ``shift`` and ``axis`` are both sequences and ``shift`` has fewer entries.
    IndexError
        When an axis is out of range.
    TypeError
        When ``a`` is not an array.

    Examples
    --------
    >>> mx.roll(mx.array([1, 2, 3, 4]), 1)
    array([4, 1, 2, 3], dtype=int32)
    >>> a = mx.array([[1, 2], [3, 4]])
    >>> mx.roll(a, 1, axis=1)
    array([[2, 1],
           [4, 3]], dtype=int32)
    >>> mx.roll(a, 1, axis=(0, 1))
    array([[4, 3],
           [2, 1]], dtype=int32)

    Notes
    -----
    One int ``shift`` applies to every axis in ``axis``; with sequences for both, ``shift[i]``
    applies to ``axis[i]``; several shifts for one axis (or for the flattened array) add up.
    """
    cdef array x = array_arg(a, "roll", "a")
    cdef Shape s = to_shape(int_list_arg(shift, "roll", "shift", True))
    if axis is None:
        return wrap_tmp(ops.roll(x._a, s, stream_arg(stream)))
    cdef vector[int] axes = int_list_arg(axis, "roll", "axis", True)
    cdef int one_shift, one_axis
    if _is_single_int(axis):
        one_axis = axes[0]
        return wrap_tmp(ops.roll(x._a, s, one_axis, stream_arg(stream)))
    if _is_single_int(shift):
        one_shift = s[0]
        return wrap_tmp(ops.roll(x._a, one_shift, axes, stream_arg(stream)))
    return wrap_tmp(ops.roll(x._a, s, axes, stream_arg(stream)))


def flip(a: array, /, axis: None | int | Sequence[int] = None, *,
         stream: StreamOrDevice = None) -> array:
    """Reverse the order of the elements along axes.

    Parameters
    ----------
    a : array
        The input array.
    axis : int or list(int), optional
        The axes to reverse. Default: ``None``, every axis.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The flipped array, with the shape and dtype of ``a``.

    Raises
    ------
    IndexError
        When an axis is out of range.
    TypeError
        When ``a`` is not an array.

    Examples
    --------
    >>> a = mx.array([[1, 2], [3, 4]])
    >>> mx.flip(a)
    array([[4, 3],
           [2, 1]], dtype=int32)
    >>> mx.flip(a, axis=1)
    array([[2, 1],
           [4, 3]], dtype=int32)
    """
    cdef array x = array_arg(a, "flip", "a")
    if axis is None:
        return wrap_tmp(ops.flip(x._a, stream_arg(stream)))
    return wrap_tmp(ops.flip(x._a, int_list_arg(axis, "flip", "axis", True), stream_arg(stream)))


def diag(a: array, /, k: int = 0, *, stream: StreamOrDevice = None) -> array:
    """Take a diagonal of a 2-D array, or build a 2-D array from a 1-D diagonal.

    Parameters
    ----------
    a : array
        A 2-D array to take a diagonal from, or a 1-D array to place on one.
    k : int, optional
        The diagonal: 0 the main one, positive above it, negative below it. Default: ``0``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        For 2-D input, the 1-D diagonal; for 1-D input of size ``n``, a square array of size
        ``n + abs(k)`` with zeros off the diagonal.

    Raises
    ------
    ValueError
        When ``a`` is neither 1-D nor 2-D.
    TypeError
        When ``a`` is not an array.

    Examples
    --------
    >>> mx.diag(mx.array([[1, 2], [3, 4]]))
    array([1, 4], dtype=int32)
    >>> mx.diag(mx.array([1, 2]), k=-1)
    array([[0, 0, 0],
           [1, 0, 0],
           [0, 2, 0]], dtype=int32)
    """
    cdef int c_k = to_int32(k, "diag", "k")
    return wrap_tmp(ops.diag(array_arg(a, "diag", "a")._a, c_k, stream_arg(stream)))


def diagonal(a: array, offset: int = 0, axis1: int = 0, axis2: int = 1,
             stream: StreamOrDevice = None) -> array:
    """Take a diagonal of the 2-D slices of an array.

    Parameters
    ----------
    a : array
        The input array, with at least 2 dimensions.
    offset : int, optional
        The diagonal: 0 the main one, positive above it, negative below it. Default: ``0``.
    axis1 : int, optional
        The first axis of the 2-D slices (the rows). Default: ``0``.
    axis2 : int, optional
        The second axis of the 2-D slices (the columns). Default: ``1``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The diagonals: ``a`` without ``axis1`` and ``axis2``, with the diagonal as a new last axis
        (empty when ``offset`` is beyond the slices).

    Raises
    ------
    ValueError
        When ``a`` has fewer than 2 dimensions or ``axis1`` and ``axis2`` are the same axis.
    TypeError
        When ``a`` is not an array.

    Examples
    --------
    >>> a = mx.array([[1, 2], [3, 4]])
    >>> mx.diagonal(a)
    array([1, 4], dtype=int32)
    >>> mx.diagonal(a, offset=1)
    array([2], dtype=int32)
    >>> mx.diagonal(mx.zeros((4, 2, 3)), axis1=1, axis2=2).shape
    (4, 2)
    """
    cdef int c_offset = to_int32(offset, "diagonal", "offset")
    cdef int c_axis1 = to_int32(axis1, "diagonal", "axis1")
    cdef int c_axis2 = to_int32(axis2, "diagonal", "axis2")
    return wrap_tmp(ops.diagonal(array_arg(a, "diagonal", "a")._a, c_offset, c_axis1, c_axis2, stream_arg(stream)))


# ---- indexing -----------------------------------------------------------------------------

def slice(a: array, start_indices: array, axes: Sequence[int], slice_size: Sequence[int], *,
          stream: StreamOrDevice = None) -> array:
    """A window of an array whose start positions are given by an array.

    Unlike Python slicing, the start positions may be the result of a computation (they are read
    when the graph is evaluated, also inside :func:`compile`), while the window's size is fixed.

    Parameters
    ----------
    a : array
        The input array.
    start_indices : array
        Integer array of start positions, one per entry of ``axes``.
    axes : list(int)
        The axes the window is taken along; the others are kept whole.
    slice_size : list(int)
        The size of the window along every axis of ``a`` (one entry per axis).
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The window, of shape ``slice_size``.

    Raises
    ------
    ValueError
        When a size is negative or larger than its axis, the number of start positions does not
        match ``axes``, ``start_indices`` is not an integer array, or the window leaves the array.
    IndexError
        When an axis is out of range.
    TypeError
        When ``a`` or ``start_indices`` is not an array.

    Examples
    --------
    >>> a = mx.arange(12).reshape(3, 4)
    >>> mx.slice(a, mx.array([1, 2]), [0, 1], [2, 2])
    array([[6, 7],
           [10, 11]], dtype=int32)
    >>> f = mx.compile(lambda x, i: mx.slice(x, i, [0], [3]))
    >>> f(mx.arange(10), mx.array([2]))
    array([2, 3, 4], dtype=int32)

    Notes
    -----
    A window that leaves the array raises ``ValueError`` in mlxcy when the start positions are
    known (the reference reads outside the array); start positions still to be computed are not
    checked. A negative size is a ``ValueError`` too (the reference returns an empty array).
    """
    cdef array x = array_arg(a, "slice", "a")
    cdef array st = array_arg(start_indices, "slice", "start_indices")
    cdef Shape size = shape_arg(slice_size, "slice", False, TypeError)
    for i in range(size.size()):
        if size[i] < 0:
            raise ValueError(f"[slice] Slice sizes must be non-negative, got {size[i]} for axis {i}.")
    cdef vector[int] ax = int_list_arg(axes, "slice", "axes", True)
    out = wrap_tmp(ops.slice(x._a, st._a, ax, size, stream_arg(stream)))
    check_slice_window(x._a, st._a, ax, size, b"slice", not isinstance(start_indices, array))
    return out


def slice_update(a: array, update: array, start_indices: array, axes: Sequence[int], *,
                 stream: StreamOrDevice = None) -> array:
    """A copy of an array with a block written at start positions given by an array.

    The counterpart of :func:`slice`: the block ``update`` is written with its first element at
    ``start_indices`` along ``axes``, and its values are cast to the dtype of ``a``.

    Parameters
    ----------
    a : array
        The array to write into (it is not modified).
    update : array
        The block to write, with at most ``a.ndim`` dimensions; its shape is aligned to the last axes
        of ``a``. An axis of ``a`` that ``update`` lacks is covered whole (the block repeated along
        it), unless it is in ``axes``, where the block has size 1.
    start_indices : array
        Integer array of start positions, one per entry of ``axes``.
    axes : list(int)
        The axes the start positions refer to; the block starts at 0 along the others.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The updated copy, with the shape and dtype of ``a``.

    Raises
    ------
    ValueError
        When the block does not fit at the start positions, has more dimensions than ``a``, or the
        number of start positions does not match ``axes``.
    IndexError
        When an axis is out of range.
    TypeError
        When ``a``, ``update`` or ``start_indices`` is not an array.

    Examples
    --------
    >>> mx.slice_update(mx.zeros(5), mx.array([1.0, 2.0]), mx.array([1]), [0])
    array([0, 1, 2, 0, 0], dtype=float32)
    >>> mx.slice_update(mx.zeros((2, 3)), mx.array([[7.0]]), mx.array([1, 2]), [0, 1])
    array([[0, 0, 0],
           [0, 0, 7]], dtype=float32)
    >>> mx.slice_update(mx.zeros((2, 3)), mx.array([7.0]), mx.array([2]), [1])
    array([[0, 0, 7],
           [0, 0, 7]], dtype=float32)

    Notes
    -----
    A block that does not fit, or has more dimensions than ``a``, raises ``ValueError`` in mlxcy
    when the start positions are known (the reference writes outside the array).
    """
    cdef array x = array_arg(a, "slice_update", "a")
    cdef array u = array_arg(update, "slice_update", "update")
    cdef array st = array_arg(start_indices, "slice_update", "start_indices")
    cdef vector[int] ax = int_list_arg(axes, "slice_update", "axes", True)
    cdef int extra = <int>u._a.ndim() - <int>x._a.ndim()
    if extra > 0:   # libmlx writes outside the array for these (issue 17)
        raise ValueError(f"[slice_update] The update has {u._a.ndim()} dimensions, more than the "
                         f"{x._a.ndim()} of the array it is written into.")
    out = wrap_tmp(ops.slice_update(x._a, u._a, st._a, ax, stream_arg(stream)))
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


def take(a: array, /, indices: int | array, axis: int | None = None, *,
         stream: StreamOrDevice = None) -> array:
    """Elements of an array at given indices along an axis.

    Parameters
    ----------
    a : array
        The input array.
    indices : int or array
        One index, or an integer array of indices. Negative indices count from the end.
    axis : int, optional
        The axis to index. Default: ``None``, the flattened array.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        ``a`` with ``axis`` replaced by the shape of ``indices`` (removed for an int). With
        ``axis=None`` the result has the shape of ``indices``.

    Raises
    ------
    ValueError
        When an int index is out of range, or ``indices`` is not an integer array.
    IndexError
        When ``axis`` is out of range, or an index array whose values are known holds an index out
        of range.
    TypeError
        When ``a`` is not an array, or ``indices`` is neither an int nor an array.

    Examples
    --------
    >>> a = mx.array([[1, 2], [3, 4]])
    >>> mx.take(a, mx.array([3, 0]))
    array([4, 1], dtype=int32)
    >>> mx.take(a, 1, axis=1)
    array([2, 4], dtype=int32)
    >>> mx.take(a, mx.array([[1, 0]]), axis=0).shape
    (1, 2, 2)

    Notes
    -----
    In mlxcy a negative int index counts from the end and an out-of-range int is a ``ValueError``
    (the reference raises a confusing ``ValueError`` for both); out-of-range values in an index array
    built from Python or NumPy data, or already evaluated, raise ``IndexError`` (the reference reads
    outside the array).
    """
    cdef array x = array_arg(a, "take", "a")
    cdef StreamOrDevice sd = stream_arg(stream)
    cdef int ax
    cdef int idx
    cdef int64_t n
    cdef int64_t iv
    if isinstance(indices, array):
        if axis is None:
            check_index_values((<array>indices)._a, x._a.size(), b"the flattened array", False)
            return wrap_tmp(ops.take(x._a, (<array>indices)._a, sd))
        ax = to_int32(axis, "take", "axis")
        if -<int>x._a.ndim() <= ax < <int>x._a.ndim():
            check_index_values((<array>indices)._a, x._a.shape(ax if ax >= 0 else ax + <int>x._a.ndim()),
                               f"axis {axis}".encode(), False)
        return wrap_tmp(ops.take(x._a, (<array>indices)._a, ax, sd))
    if not isinstance(indices, int):
        raise TypeError(f"take(): indices must be an int or an mlx array, got {type(indices).__name__}")
    if axis is None:
        n = x._a.size()
        ax = 0
    else:
        ax = to_int32(axis, "take", "axis")
        if not -<int>x._a.ndim() <= ax < <int>x._a.ndim():
            return wrap_tmp(ops.take(x._a, 0, ax, sd))   # raises the reference's IndexError
        n = x._a.shape(ax if ax >= 0 else ax + <int>x._a.ndim())
    iv = indices
    if not -n <= iv < n:
        raise ValueError(f"[take] Index {indices} is out of bounds for "
                         f"{'the flattened array' if axis is None else f'axis {axis}'} with size {n}.")
    idx = iv + n if iv < 0 else iv
    if axis is None:
        return wrap_tmp(ops.take(x._a, idx, sd))
    return wrap_tmp(ops.take(x._a, idx, ax, sd))


def take_along_axis(a: array, /, indices: array, axis: int | None = -1, *,
                    stream: StreamOrDevice = None) -> array:
    """Elements of an array at indices given for each position along an axis.

    ``indices`` has the same number of dimensions as ``a``; along ``axis`` it picks elements, and
    on every other axis it broadcasts with ``a``. The result of :func:`argsort` or
    :func:`argpartition` is a typical ``indices``.

    Parameters
    ----------
    a : array
        The input array.
    indices : array
        Integer indices, with ``a.ndim`` dimensions (1 when ``axis`` is None).
    axis : int, optional
        The axis to pick along; ``None`` uses the flattened array. Default: ``-1``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The picked elements, with the shape of ``indices`` broadcast against ``a`` on the other
        axes.

    Raises
    ------
    ValueError
        When ``indices`` does not have the right number of dimensions or does not broadcast.
    IndexError
        When ``axis`` is out of range.
    TypeError
        When ``a`` or ``indices`` is not an array.

    Examples
    --------
    >>> a = mx.array([[3, 1], [2, 5]])
    >>> mx.take_along_axis(a, mx.argsort(a, axis=1), axis=1)
    array([[1, 3],
           [2, 5]], dtype=int32)
    >>> mx.take_along_axis(a, mx.array([[1], [0]]), axis=1)
    array([[1],
           [2]], dtype=int32)
    """
    cdef array x = array_arg(a, "take_along_axis", "a")
    cdef array ind = array_arg(indices, "take_along_axis", "indices")
    cdef StreamOrDevice sd = stream_arg(stream)
    cdef Shape flat = _flat_shape()
    cdef int ax
    if axis is None:
        return wrap_tmp(ops.take_along_axis(ops.reshape(x._a, flat, sd), ind._a, 0, sd))
    ax = to_int32(axis, "take_along_axis", "axis")
    return wrap_tmp(ops.take_along_axis(x._a, ind._a, ax, sd))


def put_along_axis(a: array, /, indices: array, values: array, axis: int | None = None, *,
                   stream: StreamOrDevice = None) -> array:
    """A copy of an array with values written at indices given along an axis.

    The counterpart of :func:`take_along_axis`: ``indices`` and ``values`` broadcast with ``a`` on
    the other axes, and the values are cast to the dtype of ``a``.

    Parameters
    ----------
    a : array
        The array to write into (it is not modified).
    indices : array
        Integer indices, with ``a.ndim`` dimensions (1 when ``axis`` is None).
    values : array
        The values to write, broadcast together with ``indices``.
    axis : int, optional
        The axis the indices refer to; ``None`` uses the flattened array (the shape of ``a`` is
        kept). Default: ``None``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The updated copy, with the shape and dtype of ``a``.

    Raises
    ------
    ValueError
        When ``indices`` does not have the right number of dimensions or does not broadcast.
    IndexError
        When ``axis`` is out of range.
    TypeError
        When ``a``, ``indices`` or ``values`` is not an array.

    Examples
    --------
    >>> a = mx.zeros((2, 3), mx.int32)
    >>> mx.put_along_axis(a, mx.array([[1], [2]]), mx.array([[7], [8]]), axis=1)
    array([[0, 7, 0],
           [0, 0, 8]], dtype=int32)
    >>> mx.put_along_axis(mx.zeros((2, 2)), mx.array([3]), mx.array([5.0]))
    array([[0, 0],
           [0, 5]], dtype=float32)
    """
    cdef array x = array_arg(a, "put_along_axis", "a")
    cdef array ind = array_arg(indices, "put_along_axis", "indices")
    cdef array val = array_arg(values, "put_along_axis", "values")
    cdef StreamOrDevice sd = stream_arg(stream)
    cdef Shape flat = _flat_shape()
    cdef int ax
    if axis is None:
        return wrap_tmp(ops.reshape(ops.put_along_axis(ops.reshape(x._a, flat, sd), ind._a, val._a, 0, sd),
                                x._a.shape(), sd))
    ax = to_int32(axis, "put_along_axis", "axis")
    return wrap_tmp(ops.put_along_axis(x._a, ind._a, val._a, ax, sd))
