# Evaluation, memory controls, print options, and the binary ops behind the dunders.


__version__ = cx.version().decode()

pi = _math.pi
e = _math.e
inf = _math.inf
nan = _math.nan
euler_gamma = 0.5772156649015329
newaxis = None


cdef void _collect_arrays(object tree, vector[c_array]& out) except *:
    if isinstance(tree, array):
        out.push_back((<array>tree)._a)
    elif isinstance(tree, (list, tuple)):
        for x in tree:
            _collect_arrays(x, out)
    elif isinstance(tree, dict):
        for x in tree.values():
            _collect_arrays(x, out)


def eval(*args):
    """Evaluate every array in ``args`` (arrays, or lists/tuples/dicts nesting them).

    Other leaves are ignored. The GIL is released while MLX computes.
    """
    cdef vector[c_array] arrays = vector[c_array]()
    _collect_arrays(args, arrays)
    with nogil:
        cx.eval(arrays)


def async_eval(*args):
    """Start evaluating the arrays in ``args`` and return at once; read them to wait."""
    cdef vector[c_array] arrays = vector[c_array]()
    _collect_arrays(args, arrays)
    with nogil:
        cx.async_eval(arrays)


# ---- memory ----

def get_active_memory():
    """Bytes of memory held by live arrays (not counting the cache)."""
    return cx.get_active_memory()


def get_peak_memory():
    """The most active memory seen since start or the last :func:`reset_peak_memory`."""
    return cx.get_peak_memory()


def reset_peak_memory():
    """Reset the peak memory figure to zero."""
    cx.reset_peak_memory()


def get_cache_memory():
    """Bytes held in MLX's buffer cache, free for reuse but not returned to the system."""
    return cx.get_cache_memory()


def _check_limit(limit, name):
    if not isinstance(limit, int) or isinstance(limit, bool):
        raise TypeError(f"{name}() expects an int number of bytes, got {type(limit).__name__}")
    if limit < 0:
        raise TypeError(f"{name}() expects a non-negative int number of bytes, got {limit}")
    return limit


def set_memory_limit(limit):
    """Set the memory limit guideline in bytes; returns the previous limit."""
    return cx.set_memory_limit(_check_limit(limit, "set_memory_limit"))


def get_memory_limit():
    """The current memory limit in bytes."""
    return cx.get_memory_limit()


def set_cache_limit(limit):
    """Set the cache limit in bytes (0 disables the cache); returns the previous limit."""
    return cx.set_cache_limit(_check_limit(limit, "set_cache_limit"))


def set_wired_limit(limit):
    """Set the wired memory limit (meaningful on Metal only); returns the previous limit."""
    return cx.set_wired_limit(_check_limit(limit, "set_wired_limit"))


def clear_cache():
    """Return the cached buffers to the system."""
    cx.clear_cache()


def get_array_buffer_size(*args):
    """Bytes of the buffers behind the given (evaluated) arrays, each buffer counted once."""
    cdef vector[c_array] arrays = vector[c_array]()
    _collect_arrays(args, arrays)
    return cx.get_array_buffer_size(arrays)


# ---- print options ----

class PrintOptions:
    """The options arrays print with (see :func:`set_printoptions`)."""

    def __init__(self, precision=-1):
        self.precision = precision


def set_printoptions(precision=-1):
    """Set how arrays print: ``precision`` digits after the point (-1: the default)."""
    if not isinstance(precision, int):
        raise TypeError(f"precision must be an int, got {type(precision).__name__}")
    set_print_precision(precision)


def get_printoptions():
    """The current :class:`PrintOptions`."""
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


def printoptions(precision=-1):
    """A context manager that sets print options inside a ``with`` block."""
    if not isinstance(precision, int) or not -2**31 <= precision < 2**31:
        raise TypeError(f"printoptions(): precision must be an int of 32 bits, got {precision!r}")
    return _PrintOptionsContext(precision)


# ---- binary ops (functions behind the dunders) ----

def add(a, b, *, stream=None):
    """Element-wise addition with broadcasting and the usual dtype promotion."""
    return _binary(a, b, OP_ADD, stream, False)


def subtract(a, b, *, stream=None):
    """Element-wise subtraction ``a - b``."""
    return _binary(a, b, OP_SUB, stream, False)


def multiply(a, b, *, stream=None):
    """Element-wise multiplication."""
    return _binary(a, b, OP_MUL, stream, False)


def divide(a, b, *, stream=None):
    """Element-wise true division (integers give floats)."""
    return _binary(a, b, OP_DIV, stream, False)


def floor_divide(a, b, *, stream=None):
    """Element-wise ``a // b``."""
    return _binary(a, b, OP_FLOORDIV, stream, False)


def remainder(a, b, *, stream=None):
    """Element-wise remainder with the sign of the divisor (Python's ``%``)."""
    return _binary(a, b, OP_MOD, stream, False)


def power(a, b, /, *, stream=None):
    """Element-wise ``a ** b``."""
    return _binary(a, b, OP_POW, stream, False)


def matmul(a, b, /, *, stream=None):
    """Matrix product with NumPy's rules for 1-d and batched inputs."""
    return _binary(a, b, OP_MATMUL, stream, False)


def equal(a, b, *, stream=None):
    """Element-wise ``a == b``."""
    return _binary(a, b, OP_EQ, stream, False)


def not_equal(a, b, *, stream=None):
    """Element-wise ``a != b``."""
    return _binary(a, b, OP_NE, stream, False)


def less(a, b, *, stream=None):
    """Element-wise ``a < b``."""
    return _binary(a, b, OP_LT, stream, False)


def less_equal(a, b, *, stream=None):
    """Element-wise ``a <= b``."""
    return _binary(a, b, OP_LE, stream, False)


def greater(a, b, *, stream=None):
    """Element-wise ``a > b``."""
    return _binary(a, b, OP_GT, stream, False)


def greater_equal(a, b, *, stream=None):
    """Element-wise ``a >= b``."""
    return _binary(a, b, OP_GE, stream, False)


def bitwise_and(a, b, *, stream=None):
    """Element-wise bitwise and (logical and for bool)."""
    return _binary(a, b, OP_AND, stream, False)


def bitwise_or(a, b, *, stream=None):
    """Element-wise bitwise or (logical or for bool)."""
    return _binary(a, b, OP_OR, stream, False)


def bitwise_xor(a, b, *, stream=None):
    """Element-wise bitwise exclusive or."""
    return _binary(a, b, OP_XOR, stream, False)


def left_shift(a, b, *, stream=None):
    """Element-wise ``a << b``."""
    return _binary(a, b, OP_LSHIFT, stream, False)


def right_shift(a, b, *, stream=None):
    """Element-wise ``a >> b``."""
    return _binary(a, b, OP_RSHIFT, stream, False)


class ArrayLike:
    """Wraps any value :func:`array` accepts, marking it as array-like (for annotations and
    for APIs that take "an array or something convertible")."""

    def __init__(self, arg, /):
        self.obj = arg

    def __mlx_array__(self):
        return array(self.obj)


def astype(a, dtype, /, *, stream=None):
    """``a`` converted to ``dtype`` (the function form of :meth:`array.astype`)."""
    cdef optional[c_array] x = nullopt
    to_c(a, x)
    return wrap(cops.astype(deref(x), to_c_dtype(dtype), to_sod(stream)))
