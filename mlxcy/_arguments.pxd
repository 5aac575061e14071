# The argument converters the op modules share, as inline functions (compiled into each module
# that cimports them, so no module depends on another at run time for them). One converter per
# kind of argument; `_core.pxd` exports the ones that need _core's internals (to_c, to_flag, ...).
from cpython.number cimport PyNumber_Index
from libcpp.optional cimport optional
from mlxcy.includes.mlx cimport array as c_array
from mlxcy._core cimport array, to_c


cdef inline const c_array* as_c(object a, optional[c_array]& tmp) except NULL:
    """The C++ array of `a`: borrowed when `a` is an array, else converted into `tmp`."""
    if type(a) is array:
        return &(<array>a)._a
    if a is None:
        raise TypeError("Expected an array or array-like, got None")
    to_c(a, tmp)
    return &tmp.value()


cdef inline int as_int(object x) except? -1:
    """An int argument; floats are a TypeError (a plain C int argument would truncate them), and
    so is a value beyond 32 bits, as in the reference (not an OverflowError)."""
    v = PyNumber_Index(x)
    if not -2147483648 <= v <= 2147483647:
        raise TypeError(f"integer argument {v} does not fit in a 32-bit int")
    return v
