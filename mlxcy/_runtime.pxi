# Evaluation, memory controls, print options, and the binary ops behind the dunders.


__version__ = cx.version().decode()

# From C's math.h (libc.math), as Python's math module has them.
pi = cmath.M_PI
e = cmath.M_E
inf = <double>cmath.INFINITY
nan = <double>cmath.NAN
euler_gamma = 0.5772156649015329
newaxis = None


cdef object _random_state = None   # mx.random.state, set by mlxcy.random (set_random_state)


cdef int set_random_state(object state) except -1:
    global _random_state
    _random_state = state
    return 0


cdef object random_state_view(object tree):
    """``mx.random.state`` stands for the calling thread's key list (in compile's implicit inputs
    and outputs, and wherever arrays are collected from a tree); any other tree is itself."""
    if tree is _random_state and tree is not None:
        return tree._keys()
    return tree


cdef int tree_arrays(object tree, list out, vector[c_array]* cpp_out, str strict) except -1:
    """The one walk over a tree of arrays (nested lists, tuples and dicts, depth first): each array
    is appended to `out`, or, when `out` is None, its C++ array to `cpp_out`. Other leaves are
    skipped, or, when `strict` names the caller, a ValueError. ``mx.random.state`` stands for the
    calling thread's key list (compile's implicit inputs and outputs)."""
    tree = random_state_view(tree)
    if isinstance(tree, array):
        if out is None:
            cpp_out.push_back((<array>tree)._a)
        else:
            out.append(tree)
    elif isinstance(tree, (list, tuple)):
        for x in tree:
            tree_arrays(x, out, cpp_out, strict)
    elif isinstance(tree, dict):
        for x in (<dict>tree).values():
            tree_arrays(x, out, cpp_out, strict)
    elif strict is not None:
        raise ValueError(f"[{strict}] The argument should contain only arrays, "
                         f"but it contains an object of type {type(tree).__name__}.")
    return 0


def eval(*args) -> None:
    """Compute the given arrays now.

    Arrays record operations lazily; ``eval`` runs what is needed to give every array found in
    ``args`` its values, and returns when they are ready. Lists, tuples and dicts are searched
    (nested too); other values are ignored. The GIL is released while MLX computes.

    Parameters
    ----------
    *args : array, or list, tuple or dict of them
        The arrays to evaluate.

    Returns
    -------
    None

    Examples
    --------
    >>> a = mx.array([1, 2]) + 1
    >>> mx.eval(a, {"twice": [a * 2]}, "ignored")
    >>> a
    array([2, 3], dtype=int32)
    """
    cdef vector[c_array] arrays = vector[c_array]()
    tree_arrays(args, None, &arrays, None)
    with nogil:
        counted_eval(arrays)


def async_eval(*args) -> Any:
    """Start computing the given arrays and return without waiting.

    Like :func:`eval`, but returns at once. Reading an array (printing it, ``item()``, or
    :func:`eval`) waits for its values; :func:`synchronize` waits for everything queued.

    Parameters
    ----------
    *args : array, or list, tuple or dict of them
        The arrays to evaluate.

    Returns
    -------
    None

    Examples
    --------
    >>> a = mx.ones((2,)) * 3
    >>> mx.async_eval(a)
    >>> a.tolist()
    [3.0, 3.0]
    """
    cdef vector[c_array] arrays = vector[c_array]()
    tree_arrays(args, None, &arrays, None)
    with nogil:
        counted_async_eval(arrays)


def _finish_evaluations_at_exit():
    """Registered with atexit: daemon threads still evaluating get up to 10 s to finish, and
    no new evaluation starts, before the runtime destroys libmlx's state (src/exit_guard.h)."""
    cdef bint finished
    with nogil:
        finished = finish_libmlx_calls(10000)
    if finished:
        try:   # work queued by async_eval and not yet waited for
            with nogil:
                cx.synchronize()
        except Exception:
            pass


_atexit.register(_finish_evaluations_at_exit)


# ---- memory ----

def get_active_memory() -> int:
    """The memory held by live arrays, in bytes.

    Counts the buffers of arrays still referenced; freed buffers kept for reuse are counted by
    :func:`get_cache_memory` instead.

    Returns
    -------
    int

    Examples
    --------
    >>> n = mx.get_active_memory()
    >>> isinstance(n, int) and n >= 0
    True
    """
    return cx.get_active_memory()


def get_peak_memory() -> int:
    """The largest active memory seen, in bytes.

    Since the start of the process or the last :func:`reset_peak_memory`.

    Returns
    -------
    int

    Examples
    --------
    >>> mx.reset_peak_memory()
    >>> a = mx.zeros((1024,))
    >>> mx.eval(a)
    >>> mx.get_peak_memory() >= a.nbytes
    True
    """
    return cx.get_peak_memory()


def reset_peak_memory() -> None:
    """Set the peak memory figure of :func:`get_peak_memory` back to zero.

    Returns
    -------
    None

    Examples
    --------
    >>> mx.reset_peak_memory()
    >>> isinstance(mx.get_peak_memory(), int)
    True
    """
    cx.reset_peak_memory()


def get_cache_memory() -> int:
    """The memory in MLX's buffer cache, in bytes.

    Buffers of freed arrays are kept for reuse rather than returned to the system, up to the cache
    limit (:func:`set_cache_limit`); :func:`clear_cache` returns them.

    Returns
    -------
    int

    Examples
    --------
    >>> mx.clear_cache()
    >>> mx.get_cache_memory()
    0
    """
    return cx.get_cache_memory()


def _check_limit(limit, name):
    if not isinstance(limit, int) or isinstance(limit, bool):
        raise TypeError(f"{name}() expects an int number of bytes, got {type(limit).__name__}")
    if limit < 0:
        raise TypeError(f"{name}() expects a non-negative int number of bytes, got {limit}")
    return limit


def set_memory_limit(limit: int) -> int:
    """Set the memory limit, in bytes; returns the previous limit.

    The limit is a guideline for MLX's allocator, not a hard cap: an allocation beyond it is not
    refused.

    Parameters
    ----------
    limit : int
        The new limit in bytes.

    Returns
    -------
    int
        The previous limit.

    Raises
    ------
    TypeError
        When ``limit`` is not an int, or is negative.

    Examples
    --------
    >>> previous = mx.set_memory_limit(2**30)
    >>> mx.get_memory_limit()
    1073741824
    >>> mx.set_memory_limit(previous)
    1073741824
    """
    return cx.set_memory_limit(_check_limit(limit, "set_memory_limit"))


def get_memory_limit() -> int:
    """The memory limit set with :func:`set_memory_limit`, in bytes.

    Returns
    -------
    int

    Examples
    --------
    >>> mx.get_memory_limit() > 0
    True
    """
    return cx.get_memory_limit()


def set_cache_limit(limit: int) -> int:
    """Set the size limit of MLX's buffer cache, in bytes; returns the previous limit.

    Freed buffers are kept for reuse up to this size; ``0`` turns the cache off.

    Parameters
    ----------
    limit : int
        The new limit in bytes.

    Returns
    -------
    int
        The previous limit.

    Raises
    ------
    TypeError
        When ``limit`` is not an int, or is negative.

    Examples
    --------
    >>> previous = mx.set_cache_limit(0)
    >>> mx.set_cache_limit(previous)
    0
    """
    return cx.set_cache_limit(_check_limit(limit, "set_cache_limit"))


def set_wired_limit(limit: int) -> int:
    """Set the wired memory limit, in bytes; returns the previous limit.

    On Apple silicon (Metal), memory up to this size is kept resident (wired) for the GPU, which
    helps large models. On other backends it has no effect (and the previous limit reads as 0). The
    default is 0.

    Parameters
    ----------
    limit : int
        The new limit in bytes.

    Returns
    -------
    int
        The previous limit.

    Raises
    ------
    TypeError
        When ``limit`` is not an int, or is negative.

    Examples
    --------
    >>> previous = mx.set_wired_limit(0)
    >>> mx.set_wired_limit(previous)
    0
    """
    return cx.set_wired_limit(_check_limit(limit, "set_wired_limit"))


def clear_cache() -> None:
    """Return the buffers in MLX's cache to the system.

    Returns
    -------
    None

    Examples
    --------
    >>> a = mx.zeros((1024,))
    >>> mx.eval(a)
    >>> del a
    >>> mx.clear_cache()
    >>> mx.get_cache_memory()
    0
    """
    cx.clear_cache()


def get_array_buffer_size(*args) -> int:
    """The total size of the buffers behind the given arrays, in bytes.

    Each buffer counts once, however many of the arrays share it; the size is that of the
    allocation, which may be rounded up from ``nbytes``. Lists, tuples and dicts are searched
    (nested too); other values are ignored.

    Parameters
    ----------
    *args : array, or list, tuple or dict of them
        Evaluated arrays.

    Returns
    -------
    int

    Raises
    ------
    ValueError
        When an array has not been evaluated.

    Examples
    --------
    >>> a = mx.zeros((1024,))
    >>> mx.eval(a)
    >>> mx.get_array_buffer_size(a, [a]) >= a.nbytes
    True
    >>> mx.get_array_buffer_size()
    0
    """
    cdef vector[c_array] arrays = vector[c_array]()
    tree_arrays(args, None, &arrays, None)
    return cx.get_array_buffer_size(arrays)


# ---- print options ----

class PrintOptions:
    """How arrays print: the object :func:`get_printoptions` returns.

    Its one attribute, ``precision``, is the number of digits printed after the decimal point of
    floating point values (-1: the default, 6 significant digits).

    Parameters
    ----------
    precision : int, optional
        Digits after the decimal point. Default: ``-1``.

    Examples
    --------
    >>> mx.PrintOptions(3).precision
    3
    >>> mx.get_printoptions().precision
    -1
    """

    def __init__(self, precision: int = -1) -> None:
        self.precision = precision

    def __setattr__(self, name, value):
        if name == "precision":   # an int of 32 bits, checked as the reference checks it
            value = to_int32(value, "PrintOptions", "precision")
        object.__setattr__(self, name, value)


def set_printoptions(precision: int = -1) -> None:
    """Set how arrays print, for the rest of the process.

    Parameters
    ----------
    precision : int, optional
        Digits after the decimal point of floating point values; -1 restores the default (6
        significant digits). Default: ``-1``.

    Returns
    -------
    None

    Raises
    ------
    TypeError
        When ``precision`` is not an int that fits in 32 bits.

    Examples
    --------
    >>> mx.set_printoptions(precision=2)
    >>> mx.array([1 / 3, 2 / 3])
    array([0.33, 0.67], dtype=float32)
    >>> mx.set_printoptions()
    >>> mx.array([1 / 3, 2 / 3])
    array([0.333333, 0.666667], dtype=float32)
    """
    set_print_precision(to_int32(precision, "set_printoptions", "precision"))


def get_printoptions() -> PrintOptions:
    """The options arrays print with now.

    Returns
    -------
    PrintOptions
        A new object holding the current ``precision``; changing it changes nothing.

    Examples
    --------
    >>> mx.get_printoptions().precision
    -1
    """
    return PrintOptions(get_print_precision())


class _PrintOptionsContext:
    def __init__(self, precision):
        self._precision = precision
        self._saved = None

    def __enter__(self):
        self._saved = get_print_precision()
        set_printoptions(self._precision)
        return self

    def __exit__(self, *exc):
        set_print_precision(self._saved)
        return False


_PrintOptionsContext.__module__ = "mlxcy"   # as the reference's prints as mlx.core's


def printoptions(precision: int = -1) -> Any:
    """A context manager that sets print options inside a ``with`` block.

    The options in force before the block are restored when it ends.

    Parameters
    ----------
    precision : int, optional
        Digits after the decimal point of floating point values; -1: the default (6 significant
        digits). Default: ``-1``.

    Returns
    -------
    context manager

    Raises
    ------
    TypeError
        When ``precision`` is not an int of 32 bits.

    Examples
    --------
    >>> with mx.printoptions(precision=3):
    ...     print(mx.array([1 / 3]))
    array([0.333], dtype=float32)
    >>> mx.get_printoptions().precision
    -1
    """
    return _PrintOptionsContext(to_int32(precision, "printoptions", "precision"))


# ---- binary ops (functions behind the dunders) ----

def add(a: scalar | array, b: scalar | array, *, stream: StreamOrDevice = None) -> array:
    """Element-wise sum ``a + b``.

    ``a`` and ``b`` broadcast against each other. Their dtypes promote as usual; a Python scalar
    takes the other operand's dtype when it fits its kind (``int8`` array + 1 stays ``int8``,
    ``float16`` array * 2.5 stays ``float16``). For bools, ``add`` is a logical or.

    Parameters
    ----------
    a : array or scalar
        The first operand.
    b : array or scalar
        The second operand.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default
        device.

    Returns
    -------
    array
        The sums, of the broadcast shape and promoted dtype.

    Raises
    ------
    ValueError
        When the shapes of ``a`` and ``b`` do not broadcast, or a Python int does not fit the
        other operand's integer dtype.

    Examples
    --------
    >>> mx.add(mx.array([1, 2]), 3)
    array([4, 5], dtype=int32)
    >>> mx.add(mx.array([1, 2]), 2.5)
    array([3.5, 4.5], dtype=float32)
    >>> mx.add(mx.array([[1], [2]]), mx.array([10, 20]))
    array([[11, 21],
           [12, 22]], dtype=int32)

    Notes
    -----
    The reference binding accepts only arrays and Python scalars here; mlxcy also converts lists,
    tuples and NumPy arrays (docs/differences.md).
    """
    return _binary(a, b, OP_ADD, stream, False)


def subtract(a: scalar | array, b: scalar | array, *, stream: StreamOrDevice = None) -> array:
    """Element-wise difference ``a - b``.

    ``a`` and ``b`` broadcast against each other. Their dtypes promote as usual; a Python scalar
    takes the other operand's dtype when it fits its kind (``int8`` array + 1 stays ``int8``,
    ``float16`` array * 2.5 stays ``float16``).

    Parameters
    ----------
    a : array or scalar
        The values subtracted from.
    b : array or scalar
        The values to subtract.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default
        device.

    Returns
    -------
    array
        The differences, of the broadcast shape and promoted dtype.

    Raises
    ------
    ValueError
        When the shapes of ``a`` and ``b`` do not broadcast, or a Python int does not fit the
        other operand's integer dtype.

    Examples
    --------
    >>> mx.subtract(mx.array([5, 7]), 2)
    array([3, 5], dtype=int32)
    >>> mx.subtract(10, mx.array([0.5, 1.5]))
    array([9.5, 8.5], dtype=float32)

    Notes
    -----
    The reference binding accepts only arrays and Python scalars here; mlxcy also converts lists,
    tuples and NumPy arrays (docs/differences.md).
    """
    return _binary(a, b, OP_SUB, stream, False)


def multiply(a: scalar | array, b: scalar | array, *, stream: StreamOrDevice = None) -> array:
    """Element-wise product ``a * b``.

    ``a`` and ``b`` broadcast against each other. Their dtypes promote as usual; a Python scalar
    takes the other operand's dtype when it fits its kind (``int8`` array + 1 stays ``int8``,
    ``float16`` array * 2.5 stays ``float16``).

    Parameters
    ----------
    a : array or scalar
        The first factor.
    b : array or scalar
        The second factor.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default
        device.

    Returns
    -------
    array
        The products, of the broadcast shape and promoted dtype.

    Raises
    ------
    ValueError
        When the shapes of ``a`` and ``b`` do not broadcast, or a Python int does not fit the
        other operand's integer dtype.

    Examples
    --------
    >>> mx.multiply(mx.array([1.5, 2.0]), 2)
    array([3, 4], dtype=float32)
    >>> mx.multiply(mx.array([1, 2], mx.float16), 2.5)
    array([2.5, 5], dtype=float16)

    Notes
    -----
    The reference binding accepts only arrays and Python scalars here; mlxcy also converts lists,
    tuples and NumPy arrays (docs/differences.md).
    """
    return _binary(a, b, OP_MUL, stream, False)


def divide(a: scalar | array, b: scalar | array, *, stream: StreamOrDevice = None) -> array:
    """Element-wise true division ``a / b``.

    ``a`` and ``b`` broadcast against each other. Their dtypes promote as usual; a Python scalar
    takes the other operand's dtype when it fits its kind (``int8`` array + 1 stays ``int8``,
    ``float16`` array * 2.5 stays ``float16``). Bool and integer operands give ``float32``. Dividing a float by zero gives ``inf`` or
    ``nan``, as IEEE arithmetic does.

    Parameters
    ----------
    a : array or scalar
        The dividend.
    b : array or scalar
        The divisor.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default
        device.

    Returns
    -------
    array
        The quotients, of the broadcast shape; a floating point (or complex) dtype.

    Raises
    ------
    ValueError
        When the shapes of ``a`` and ``b`` do not broadcast, or a Python int does not fit the
        other operand's integer dtype.

    Examples
    --------
    >>> mx.divide(mx.array([1, 2]), 4)
    array([0.25, 0.5], dtype=float32)
    >>> mx.divide(mx.array([1.0, -1.0]), 0)
    array([inf, -inf], dtype=float32)

    Notes
    -----
    The reference binding accepts only arrays and Python scalars here; mlxcy also converts lists,
    tuples and NumPy arrays (docs/differences.md).
    """
    return _binary(a, b, OP_DIV, stream, False)


def floor_divide(a: scalar | array, b: scalar | array, *, stream: StreamOrDevice = None) -> array:
    """Element-wise floor division ``a // b``: the quotient rounded toward minus infinity.

    ``a`` and ``b`` broadcast against each other. Their dtypes promote as usual; a Python scalar
    takes the other operand's dtype when it fits its kind (``int8`` array + 1 stays ``int8``,
    ``float16`` array * 2.5 stays ``float16``). For floats the result is ``floor(a / b)``. An integer divided by zero gives 0.

    Parameters
    ----------
    a : array or scalar
        The dividend.
    b : array or scalar
        The divisor.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default
        device.

    Returns
    -------
    array
        The quotients, of the broadcast shape and promoted dtype.

    Raises
    ------
    ValueError
        When the shapes of ``a`` and ``b`` do not broadcast, or a Python int does not fit the
        other operand's integer dtype.
    OverflowError
        When an integer type's most negative value is divided by -1 (values already on the host).

    Examples
    --------
    >>> mx.floor_divide(mx.array([7, -7]), 2)
    array([3, -4], dtype=int32)
    >>> mx.floor_divide(mx.array([7.5, -7.5]), 2)
    array([3, -4], dtype=float32)

    Notes
    -----
    The reference binding crashes (SIGFPE) on the most negative integer divided by -1, and accepts
    only arrays and Python scalars; mlxcy raises ``OverflowError`` and also converts lists, tuples
    and NumPy arrays (docs/differences.md).
    """
    return _binary(a, b, OP_FLOORDIV, stream, False)


def remainder(a: scalar | array, b: scalar | array, *, stream: StreamOrDevice = None) -> array:
    """Element-wise remainder ``a % b``, with the sign of the divisor (as Python's ``%``).

    ``a`` and ``b`` broadcast against each other. Their dtypes promote as usual; a Python scalar
    takes the other operand's dtype when it fits its kind (``int8`` array + 1 stays ``int8``,
    ``float16`` array * 2.5 stays ``float16``). The result satisfies ``a == floor_divide(a, b) * b + remainder(a, b)``. An integer
    remainder by zero gives the dividend.

    Parameters
    ----------
    a : array or scalar
        The dividend.
    b : array or scalar
        The divisor.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default
        device.

    Returns
    -------
    array
        The remainders, of the broadcast shape and promoted dtype.

    Raises
    ------
    ValueError
        When the shapes of ``a`` and ``b`` do not broadcast, or a Python int does not fit the
        other operand's integer dtype.
    OverflowError
        When an integer type's most negative value is divided by -1 (values already on the host).

    Examples
    --------
    >>> mx.remainder(mx.array([7, -7]), 3)
    array([1, 2], dtype=int32)
    >>> mx.remainder(mx.array([7, -7]), -3)
    array([-2, -1], dtype=int32)
    >>> mx.remainder(mx.array([5.5, -5.5]), 2)
    array([1.5, 0.5], dtype=float32)

    Notes
    -----
    The reference binding crashes (SIGFPE) on the most negative integer divided by -1, and accepts
    only arrays and Python scalars; mlxcy raises ``OverflowError`` and also converts lists, tuples
    and NumPy arrays (docs/differences.md).
    """
    return _binary(a, b, OP_MOD, stream, False)


def power(a: scalar | array, b: scalar | array, /, *, stream: StreamOrDevice = None) -> array:
    """Element-wise power ``a ** b``.

    ``a`` and ``b`` broadcast against each other. Their dtypes promote as usual; a Python scalar
    takes the other operand's dtype when it fits its kind (``int8`` array + 1 stays ``int8``,
    ``float16`` array * 2.5 stays ``float16``). Integer powers stay integers and wrap around on overflow; a negative integer exponent
    gives 0, even for a base of 1. ``mx.pow`` is the same function.

    Parameters
    ----------
    a : array or scalar
        The base.
    b : array or scalar
        The exponent.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default
        device.

    Returns
    -------
    array
        The powers, of the broadcast shape and promoted dtype.

    Raises
    ------
    ValueError
        When the shapes of ``a`` and ``b`` do not broadcast, or a Python int does not fit the
        other operand's integer dtype.

    Examples
    --------
    >>> mx.power(mx.array([2, 3]), 2)
    array([4, 9], dtype=int32)
    >>> mx.power(mx.array([4.0, 9.0]), 0.5)
    array([2, 3], dtype=float32)
    >>> mx.power(2, mx.array([3, -1]))
    array([8, 0], dtype=int32)

    Notes
    -----
    The reference binding accepts only arrays and Python scalars here; mlxcy also converts lists,
    tuples and NumPy arrays (docs/differences.md).
    """
    return _binary(a, b, OP_POW, stream, False)


def matmul(a: array, b: array, /, *, stream: StreamOrDevice = None) -> array:
    """Matrix product ``a @ b``.

    Follows NumPy's rules: two 1-D operands give their inner product, a 1-D first (second) operand
    is read as a row (column) vector and that axis is removed from the result, and operands with
    more than two dimensions are stacks of matrices whose leading axes broadcast. Both operands
    must be of a floating point type.

    Parameters
    ----------
    a : array
        The left operand, with at least one dimension.
    b : array
        The right operand, with at least one dimension.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default
        device.

    Returns
    -------
    array
        The product; a ``(..., m, k)`` by ``(..., k, n)`` product has shape ``(..., m, n)``.

    Raises
    ------
    ValueError
        When an operand is 0-d or not of a floating point type, the inner sizes differ, or the batch
        axes do not broadcast.

    Examples
    --------
    >>> a = mx.array([[1.0, 2.0], [3.0, 4.0]])
    >>> mx.matmul(a, mx.array([1.0, 1.0]))
    array([3, 7], dtype=float32)
    >>> mx.matmul(mx.array([1.0, 2.0]), mx.array([3.0, 4.0]))
    array(11, dtype=float32)
    >>> mx.matmul(mx.ones((5, 2, 3)), mx.ones((3, 4))).shape
    (5, 2, 4)

    Notes
    -----
    The reference binding accepts only arrays; mlxcy also converts lists, tuples and NumPy arrays.
    """
    return _binary(a, b, OP_MATMUL, stream, False)


def equal(a: scalar | array, b: scalar | array, *, stream: StreamOrDevice = None) -> array:
    """Element-wise comparison ``a == b``.

    ``a`` and ``b`` broadcast against each other and are compared in their promoted dtype (a Python
    scalar takes the other operand's dtype when it fits its kind). NaN equals nothing, itself included.

    Parameters
    ----------
    a : array or scalar
        The first operand.
    b : array or scalar
        The second operand.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default
        device.

    Returns
    -------
    array
        A ``bool`` array of the broadcast shape: whether ``a`` equals ``b``.

    Raises
    ------
    ValueError
        When the shapes of ``a`` and ``b`` do not broadcast, or a Python int does not fit the
        other operand's integer dtype.

    Examples
    --------
    >>> mx.equal(mx.array([1, 2]), mx.array([1, 3]))
    array([True, False], dtype=bool)
    >>> mx.equal(mx.array([1.0, float('nan')]), mx.array([1.0, float('nan')]))
    array([True, False], dtype=bool)

    Notes
    -----
    The reference binding accepts only arrays and Python scalars here; mlxcy also converts lists,
    tuples and NumPy arrays (docs/differences.md).
    """
    return _binary(a, b, OP_EQ, stream, False)


def not_equal(a: scalar | array, b: scalar | array, *, stream: StreamOrDevice = None) -> array:
    """Element-wise comparison ``a != b``.

    ``a`` and ``b`` broadcast against each other and are compared in their promoted dtype (a Python
    scalar takes the other operand's dtype when it fits its kind). NaN differs from everything, itself included.

    Parameters
    ----------
    a : array or scalar
        The first operand.
    b : array or scalar
        The second operand.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default
        device.

    Returns
    -------
    array
        A ``bool`` array of the broadcast shape: whether ``a`` differs from ``b``.

    Raises
    ------
    ValueError
        When the shapes of ``a`` and ``b`` do not broadcast, or a Python int does not fit the
        other operand's integer dtype.

    Examples
    --------
    >>> mx.not_equal(mx.array([1, 2]), 2)
    array([True, False], dtype=bool)

    Notes
    -----
    The reference binding accepts only arrays and Python scalars here; mlxcy also converts lists,
    tuples and NumPy arrays (docs/differences.md).
    """
    return _binary(a, b, OP_NE, stream, False)


def less(a: scalar | array, b: scalar | array, *, stream: StreamOrDevice = None) -> array:
    """Element-wise comparison ``a < b``.

    ``a`` and ``b`` broadcast against each other and are compared in their promoted dtype (a Python
    scalar takes the other operand's dtype when it fits its kind).

    Parameters
    ----------
    a : array or scalar
        The first operand.
    b : array or scalar
        The second operand.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default
        device.

    Returns
    -------
    array
        A ``bool`` array of the broadcast shape: whether ``a`` is less than ``b``.

    Raises
    ------
    ValueError
        When the shapes of ``a`` and ``b`` do not broadcast, or a Python int does not fit the
        other operand's integer dtype.

    Examples
    --------
    >>> mx.less(mx.array([1, 2, 3]), 2)
    array([True, False, False], dtype=bool)

    Notes
    -----
    The reference binding accepts only arrays and Python scalars here; mlxcy also converts lists,
    tuples and NumPy arrays (docs/differences.md).
    """
    return _binary(a, b, OP_LT, stream, False)


def less_equal(a: scalar | array, b: scalar | array, *, stream: StreamOrDevice = None) -> array:
    """Element-wise comparison ``a <= b``.

    ``a`` and ``b`` broadcast against each other and are compared in their promoted dtype (a Python
    scalar takes the other operand's dtype when it fits its kind).

    Parameters
    ----------
    a : array or scalar
        The first operand.
    b : array or scalar
        The second operand.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default
        device.

    Returns
    -------
    array
        A ``bool`` array of the broadcast shape: whether ``a`` is less than or equal to ``b``.

    Raises
    ------
    ValueError
        When the shapes of ``a`` and ``b`` do not broadcast, or a Python int does not fit the
        other operand's integer dtype.

    Examples
    --------
    >>> mx.less_equal(mx.array([1, 2, 3]), 2)
    array([True, True, False], dtype=bool)

    Notes
    -----
    The reference binding accepts only arrays and Python scalars here; mlxcy also converts lists,
    tuples and NumPy arrays (docs/differences.md).
    """
    return _binary(a, b, OP_LE, stream, False)


def greater(a: scalar | array, b: scalar | array, *, stream: StreamOrDevice = None) -> array:
    """Element-wise comparison ``a > b``.

    ``a`` and ``b`` broadcast against each other and are compared in their promoted dtype (a Python
    scalar takes the other operand's dtype when it fits its kind).

    Parameters
    ----------
    a : array or scalar
        The first operand.
    b : array or scalar
        The second operand.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default
        device.

    Returns
    -------
    array
        A ``bool`` array of the broadcast shape: whether ``a`` is greater than ``b``.

    Raises
    ------
    ValueError
        When the shapes of ``a`` and ``b`` do not broadcast, or a Python int does not fit the
        other operand's integer dtype.

    Examples
    --------
    >>> mx.greater(mx.array([1, 2, 3]), 2)
    array([False, False, True], dtype=bool)

    Notes
    -----
    The reference binding accepts only arrays and Python scalars here; mlxcy also converts lists,
    tuples and NumPy arrays (docs/differences.md).
    """
    return _binary(a, b, OP_GT, stream, False)


def greater_equal(a: scalar | array, b: scalar | array, *, stream: StreamOrDevice = None) -> array:
    """Element-wise comparison ``a >= b``.

    ``a`` and ``b`` broadcast against each other and are compared in their promoted dtype (a Python
    scalar takes the other operand's dtype when it fits its kind).

    Parameters
    ----------
    a : array or scalar
        The first operand.
    b : array or scalar
        The second operand.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default
        device.

    Returns
    -------
    array
        A ``bool`` array of the broadcast shape: whether ``a`` is greater than or equal to ``b``.

    Raises
    ------
    ValueError
        When the shapes of ``a`` and ``b`` do not broadcast, or a Python int does not fit the
        other operand's integer dtype.

    Examples
    --------
    >>> mx.greater_equal(mx.array([1, 2, 3]), 2)
    array([False, True, True], dtype=bool)

    Notes
    -----
    The reference binding accepts only arrays and Python scalars here; mlxcy also converts lists,
    tuples and NumPy arrays (docs/differences.md).
    """
    return _binary(a, b, OP_GE, stream, False)


def bitwise_and(a: scalar | array, b: scalar | array, *, stream: StreamOrDevice = None) -> array:
    """Element-wise bitwise and ``a & b``.

    For integers, the and of each pair of bits; for bools, the logical and. ``a`` and ``b``
    broadcast against each other and their dtypes promote (a Python int takes the other operand's
    dtype when it fits).

    Parameters
    ----------
    a : array or scalar
        The first operand, of an integer or bool type.
    b : array or scalar
        The second operand, of an integer or bool type.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default
        device.

    Returns
    -------
    array
        The result, of the broadcast shape and promoted dtype.

    Raises
    ------
    RuntimeError
        When an operand is of a floating point or complex type.
    ValueError
        When the shapes of ``a`` and ``b`` do not broadcast, or a Python int does not fit the
        other operand's integer dtype.

    Examples
    --------
    >>> mx.bitwise_and(mx.array([12, 10]), 6)
    array([4, 2], dtype=int32)
    >>> mx.bitwise_and(mx.array([True, False]), True)
    array([True, False], dtype=bool)

    Notes
    -----
    The reference binding accepts only arrays and Python scalars here; mlxcy also converts lists,
    tuples and NumPy arrays (docs/differences.md).
    """
    return _binary(a, b, OP_AND, stream, False)


def bitwise_or(a: scalar | array, b: scalar | array, *, stream: StreamOrDevice = None) -> array:
    """Element-wise bitwise or ``a | b``.

    For integers, the or of each pair of bits; for bools, the logical or. ``a`` and ``b``
    broadcast against each other and their dtypes promote (a Python int takes the other operand's
    dtype when it fits).

    Parameters
    ----------
    a : array or scalar
        The first operand, of an integer or bool type.
    b : array or scalar
        The second operand, of an integer or bool type.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default
        device.

    Returns
    -------
    array
        The result, of the broadcast shape and promoted dtype.

    Raises
    ------
    RuntimeError
        When an operand is of a floating point or complex type.
    ValueError
        When the shapes of ``a`` and ``b`` do not broadcast, or a Python int does not fit the
        other operand's integer dtype.

    Examples
    --------
    >>> mx.bitwise_or(mx.array([12, 10]), 1)
    array([13, 11], dtype=int32)
    >>> mx.bitwise_or(mx.array([True, False]), False)
    array([True, False], dtype=bool)

    Notes
    -----
    The reference binding accepts only arrays and Python scalars here; mlxcy also converts lists,
    tuples and NumPy arrays (docs/differences.md).
    """
    return _binary(a, b, OP_OR, stream, False)


def bitwise_xor(a: scalar | array, b: scalar | array, *, stream: StreamOrDevice = None) -> array:
    """Element-wise bitwise exclusive or ``a ^ b``.

    For integers, the exclusive or of each pair of bits; for bools, the logical exclusive or. ``a`` and ``b``
    broadcast against each other and their dtypes promote (a Python int takes the other operand's
    dtype when it fits).

    Parameters
    ----------
    a : array or scalar
        The first operand, of an integer or bool type.
    b : array or scalar
        The second operand, of an integer or bool type.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default
        device.

    Returns
    -------
    array
        The result, of the broadcast shape and promoted dtype.

    Raises
    ------
    RuntimeError
        When an operand is of a floating point or complex type.
    ValueError
        When the shapes of ``a`` and ``b`` do not broadcast, or a Python int does not fit the
        other operand's integer dtype.

    Examples
    --------
    >>> mx.bitwise_xor(mx.array([12, 10]), 6)
    array([10, 12], dtype=int32)
    >>> mx.bitwise_xor(mx.array([True, False]), True)
    array([False, True], dtype=bool)

    Notes
    -----
    The reference binding accepts only arrays and Python scalars here; mlxcy also converts lists,
    tuples and NumPy arrays (docs/differences.md).
    """
    return _binary(a, b, OP_XOR, stream, False)


def left_shift(a: scalar | array, b: scalar | array, *, stream: StreamOrDevice = None) -> array:
    """Element-wise left shift ``a << b``: the bits of ``a`` moved ``b`` places left.

    For integers, ``a`` multiplied by ``2**b``; bits shifted out of the type are lost. Bool operands are read as the integers 0 and 1. ``a`` and ``b``
    broadcast against each other and their dtypes promote (a Python int takes the other operand's
    dtype when it fits). ``mx.bitwise_left_shift`` is the same function.

    Parameters
    ----------
    a : array or scalar
        The values to shift, of an integer or bool type.
    b : array or scalar
        The number of places, of an integer or bool type.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default
        device.

    Returns
    -------
    array
        The shifted values, of the broadcast shape and promoted dtype (``uint8`` for two bools).

    Raises
    ------
    RuntimeError
        When an operand is of a floating point or complex type.
    ValueError
        When the shapes of ``a`` and ``b`` do not broadcast, or a Python int does not fit the
        other operand's integer dtype.

    Examples
    --------
    >>> mx.left_shift(mx.array([1, 3]), 2)
    array([4, 12], dtype=int32)
    >>> mx.left_shift(mx.array([1], mx.uint8), 8)
    array([0], dtype=uint8)

    Notes
    -----
    The reference binding accepts only arrays and Python scalars here; mlxcy also converts lists,
    tuples and NumPy arrays (docs/differences.md).
    """
    return _binary(a, b, OP_LSHIFT, stream, False)


def right_shift(a: scalar | array, b: scalar | array, *, stream: StreamOrDevice = None) -> array:
    """Element-wise right shift ``a >> b``: the bits of ``a`` moved ``b`` places right.

    For integers, ``a`` divided by ``2**b``, rounded toward minus infinity for signed types. Bool operands are read as the integers 0 and 1. ``a`` and ``b``
    broadcast against each other and their dtypes promote (a Python int takes the other operand's
    dtype when it fits). ``mx.bitwise_right_shift`` is the same function.

    Parameters
    ----------
    a : array or scalar
        The values to shift, of an integer or bool type.
    b : array or scalar
        The number of places, of an integer or bool type.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default
        device.

    Returns
    -------
    array
        The shifted values, of the broadcast shape and promoted dtype (``uint8`` for two bools).

    Raises
    ------
    RuntimeError
        When an operand is of a floating point or complex type.
    ValueError
        When the shapes of ``a`` and ``b`` do not broadcast, or a Python int does not fit the
        other operand's integer dtype.

    Examples
    --------
    >>> mx.right_shift(mx.array([8, 7]), 1)
    array([4, 3], dtype=int32)
    >>> mx.right_shift(mx.array([-8]), 1)
    array([-4], dtype=int32)

    Notes
    -----
    The reference binding accepts only arrays and Python scalars here; mlxcy also converts lists,
    tuples and NumPy arrays (docs/differences.md).
    """
    return _binary(a, b, OP_RSHIFT, stream, False)


class ArrayLike:
    """A wrapper marking any value :func:`array` accepts as array-like.

    Its ``__mlx_array__`` method returns ``array(arg)``, so anything that converts objects with
    that method (:func:`array`, the operations) reads it as that array. The wrapped value is the
    ``obj`` attribute.

    Parameters
    ----------
    arg : object
        Anything :func:`array` accepts.

    Examples
    --------
    >>> x = mx.ArrayLike([1, 2])
    >>> x.obj
    [1, 2]
    >>> mx.array(x)
    array([1, 2], dtype=int32)

    Notes
    -----
    In the reference binding ``ArrayLike`` is only a name for annotations: its objects are not
    accepted by ``array`` or the operations.
    """

    def __init__(self, arg: object, /) -> None:
        self.obj = arg

    def __mlx_array__(self) -> array:
        return array(self.obj)


def astype(a: array, dtype: Dtype, /, *, stream: StreamOrDevice = None) -> array:
    """Convert the elements of ``a`` to ``dtype``.

    The function form of :meth:`array.astype`. Floats become integers by truncation toward zero;
    values out of an integer type's range wrap around or are undefined, as in C.

    Parameters
    ----------
    a : array
        The input array (a scalar, list or NumPy array is converted first).
    dtype : Dtype
        The element type of the result.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default
        device.

    Returns
    -------
    array
        An array of ``a``'s shape with elements of type ``dtype``.

    Raises
    ------
    TypeError
        When ``dtype`` is not a :class:`Dtype`.

    Examples
    --------
    >>> mx.astype(mx.array([1.75, -1.75]), mx.int32)
    array([1, -1], dtype=int32)
    >>> mx.astype(mx.array([1, 0]), mx.bool_)
    array([True, False], dtype=bool)

    Notes
    -----
    The reference binding accepts only arrays for ``a``; mlxcy also converts lists, scalars and
    NumPy arrays (docs/differences.md).
    """
    cdef optional[c_array] x = nullopt
    to_c(a, x)
    return wrap(cops.astype(deref(x), to_c_dtype(dtype), to_sod(stream)))
