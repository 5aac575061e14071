# Argument helpers shared by the sub-namespace modules (fft, linalg, random, fast).
# Included (not imported) so that each stays one self-contained extension module.
from cython.operator cimport dereference as deref
from libcpp.optional cimport optional, nullopt
from libcpp.vector cimport vector

from mlxcy._core cimport (array, wrap, wrap_list, to_c, to_sod, to_c_dtype, to_c_shape, to_flag, to_int32,
                          check_copyable)
from mlxcy.includes.mlx cimport array as c_array, Shape


cdef inline int arr_arg(object x, str fn, str name, optional[c_array]& out) except -1:
    """An argument the reference types as ``array``: an mlxcy array, nothing else."""
    if isinstance(x, array):
        out = (<array>x)._a
        return 0
    raise TypeError(f"{fn}(): argument '{name}' must be an array, got {type(x).__name__}")


cdef inline int opt_arr_arg(object x, str fn, str name, optional[c_array]& out) except -1:
    """An ``array | None`` argument; None leaves ``out`` empty."""
    if x is None:
        out = nullopt
        return 0
    return arr_arg(x, fn, name, out)


cdef inline int scalar_or_arr(object x, optional[c_array]& out) except -1:
    """A ``scalar | array`` argument: an array, a Python scalar or a buffer (NumPy) object.
    Nested lists are refused as the reference refuses them."""
    if isinstance(x, array):
        out = (<array>x)._a
        return 0
    if isinstance(x, (list, tuple)):
        raise ValueError(f"Invalid type {type(x).__name__} received in array initialization.")
    return to_c(x, out)


cdef inline Shape shape_arg(object shape, str fn) except *:
    """A ``Sequence[int]`` shape argument (a bare int is refused, as in the reference)."""
    if isinstance(shape, int) or not hasattr(shape, "__iter__"):
        raise TypeError(f"{fn}(): shape must be a sequence of ints, got {type(shape).__name__}")
    return to_c_shape(shape)


cdef inline vector[int] int_list(object seq, str fn, str name) except *:
    """A sequence of Python ints as a C++ vector."""
    cdef vector[int] out = vector[int]()
    cdef int v
    if isinstance(seq, int) or not hasattr(seq, "__iter__"):
        raise TypeError(f"{fn}(): {name} must be a sequence of ints, got {type(seq).__name__}")
    for x in seq:
        if not isinstance(x, int):
            raise TypeError(f"{fn}(): {name} must contain ints, got {type(x).__name__}")
        v = x
        out.push_back(v)
    return out
