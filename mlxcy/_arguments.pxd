# The argument layer: one converter per kind of argument, one message per kind, shared by every
# op module. Inline functions, compiled into each module that cimports them (no module depends on
# another at run time for them). The converters that need _core's internals live there and are
# exported by _core.pxd: `to_c` (any array-like), `to_flag` (bool), `to_int32` (int),
# `to_opt_flag`, `to_c_dtype`, `to_sod` (stream), `to_axes`, `to_c_shape`.
#
# Messages name the function and the parameter: "f(): argument 'x' must be an array, got str".
from cpython.number cimport PyNumber_Index
from cpython.object cimport PyObject
from cpython.sequence cimport PySequence_Fast_GET_ITEM
from libc.stdint cimport int32_t
from libcpp.optional cimport optional, nullopt
from libcpp.vector cimport vector
from mlxcy.includes.mlx cimport array as c_array, Shape, StreamOrDevice
from mlxcy.includes.core cimport sod_default
from mlxcy._core cimport array, to_c, to_c_pair, cached_operand, to_int32, to_c_shape, fast_shape, to_axes, to_sod


# ---- arrays -------------------------------------------------------------------------------------

cdef inline array array_arg(object x, str fn, str name):
    """A parameter the reference types ``array``: an mlxcy array, nothing else (TypeError)."""
    if isinstance(x, array):
        return <array>x
    raise TypeError(f"{fn}(): argument '{name}' must be an array, got {type(x).__name__}")


cdef inline int opt_array_arg(object x, str fn, str name, optional[c_array]& out) except -1:
    """An ``array | None`` parameter into `out` (None leaves it empty)."""
    if x is None:
        out = nullopt
    else:
        out = array_arg(x, fn, name)._a
    return 0


cdef inline const c_array* array_like_arg(object x, optional[c_array]& tmp) except NULL:
    """A parameter taking anything array-like (arrays, scalars, nested lists, NumPy, DLPack): the
    C++ array, borrowed when `x` is an array, else converted into `tmp`."""
    if type(x) is array:
        return &(<array>x)._a
    if x is None:
        raise TypeError("Expected an array or array-like, got None")
    to_c(x, tmp)
    return &tmp.value()


cdef inline int scalar_or_array_arg(object x, optional[c_array]& out) except -1:
    """A ``scalar | array`` parameter: an array, a Python scalar or a buffer (NumPy) object.
    Nested lists are refused, as the reference refuses them."""
    if type(x) is array:
        out = (<array>x)._a
        return 0
    if isinstance(x, (list, tuple)):
        raise ValueError(f"Invalid type {type(x).__name__} received in array initialization.")
    return to_c(x, out)


cdef inline int operands_arg(object a, object b, optional[c_array]& ca, optional[c_array]& cb) except -1:
    """The two operands of a binary op into `ca`/`cb`, promoted as the reference does (a Python
    scalar next to an array is weakly typed)."""
    if type(a) is array and cached_operand(b, (<array>a)._a.dtype(), cb):
        ca = (<array>a)._a
        return 0
    if type(b) is array and cached_operand(a, (<array>b)._a.dtype(), ca):
        cb = (<array>b)._a
        return 0
    if a is None or b is None:
        raise TypeError("Expected arrays or scalars as operands, got None")
    return to_c_pair(a, b, ca, cb, None)


cdef inline int logical_operands_arg(object a, object b, optional[c_array]& ca, optional[c_array]& cb) except -1:
    """The two operands of a logical op: a Python scalar counts only for its truth value, so it is
    not range-checked against the other operand's dtype (as in the reference)."""
    if a is None or b is None:
        raise TypeError("Expected arrays or scalars as operands, got None")
    if isinstance(a, (int, float, complex)) or isinstance(b, (int, float, complex)):
        to_c(a, ca)
        to_c(b, cb)
        return 0
    return operands_arg(a, b, ca, cb)


cdef inline vector[c_array] array_list_arg(object seq, str fn, type exc) except *:
    """A ``Sequence[array]`` parameter. Mappings, sets and strings iterate but are not sequences
    of arrays (TypeError); an element that is not an array raises `exc` (the reference's type
    differs between functions)."""
    cdef vector[c_array] out = vector[c_array]()
    array_list_into(seq, fn, exc, out)
    return out


cdef inline int array_list_into(object seq, str fn, type exc, vector[c_array]& out) except -1:
    """array_list_arg filling `out` (empty on entry) in place: no copy of the vector afterwards."""
    cdef Py_ssize_t i, n
    cdef PyObject* item
    if type(seq) is list or type(seq) is tuple:   # the common case: no iterator, no enumerate
        n = len(seq)
        out.reserve(n)
        for i in range(n):
            item = PySequence_Fast_GET_ITEM(seq, i)
            if type(<object>item) is not array and not isinstance(<object>item, array):
                raise exc(f"{fn}(): expected a sequence of mlx arrays, element {i} is a "
                          f"{type(<object>item).__name__}")
            out.push_back((<array>item)._a)
        return 0
    if isinstance(seq, (dict, set, frozenset, str)):
        raise TypeError(f"{fn}(): arrays must be a sequence of arrays, got {type(seq).__name__}")
    for i, x in enumerate(seq):
        if not isinstance(x, array):
            raise exc(f"{fn}(): expected a sequence of mlx arrays, element {i} is a {type(x).__name__}")
        out.push_back((<array>x)._a)
    return 0


# ---- integers and shapes ------------------------------------------------------------------------

cdef inline optional[int] opt_int_arg(object x, str fn, str name) except *:
    """An ``int | None`` parameter (32 bits, as to_int32)."""
    cdef optional[int] out = nullopt
    if x is not None:
        out = to_int32(x, fn, name)
    return out


cdef inline bint fast_int_list(object seq, vector[int]& out) except -1:
    """Fill `out` from a tuple or list of plain Python ints that fit in 32 bits and return True;
    return False (with `out` cleared) for anything else, left to the general path."""
    cdef Py_ssize_t i
    cdef long long lv
    cdef int v
    if type(seq) is not tuple and type(seq) is not list:
        return False
    for i in range(len(seq)):
        x = seq[i]
        if type(x) is not int:
            out.clear()
            return False
        lv = x
        if lv < -2147483648 or lv > 2147483647:
            out.clear()
            return False
        v = <int>lv
        out.push_back(v)
    return True


cdef inline vector[int] int_list_arg(object x, str fn, str name, bint allow_int) except *:
    """A ``Sequence[int]`` parameter (also one int when `allow_int`, as ``int | Sequence[int]``)
    as a vector of 32-bit ints; TypeError for anything else."""
    cdef vector[int] out = vector[int]()
    if fast_int_list(x, out):
        return out
    cdef str expected = ("an integer or " if allow_int else "") + "a sequence of integers"
    if isinstance(x, (dict, set, frozenset, str, bytes)):   # iterable, but not integers
        raise TypeError(f"{fn}(): {name} must be {expected}, got {type(x).__name__}")
    if not isinstance(x, (list, tuple, array)) and hasattr(x, "__index__"):   # one integer
        if not allow_int:
            raise TypeError(f"{fn}(): {name} must be {expected}, got {type(x).__name__}")
        out.push_back(to_int32(x, fn, name))
        return out
    if not hasattr(x, "__iter__"):
        raise TypeError(f"{fn}(): {name} must be {expected}, got {type(x).__name__}")
    try:
        items = [PyNumber_Index(i) for i in x]
    except TypeError:
        raise TypeError(f"{fn}(): {name} must be {expected}, got {x!r}") from None
    for i in items:
        out.push_back(to_int32(i, fn, name))
    return out


cdef inline Shape shape_arg(object shape, str fn, bint allow_int, type exc) except *:
    """A shape parameter: a sequence of integers (or one integer when `allow_int`). A wrong kind
    of value raises `exc` (the reference's exception type differs between functions); a
    dimension beyond 32 bits OverflowError, as the reference."""
    cdef Shape out = Shape()
    cdef int32_t d
    if fast_shape(shape, out):
        return out
    if allow_int and type(shape) is int and -2147483648 <= shape <= 2147483647:
        d = <int32_t>shape
        out.push_back(d)
        return out
    if shape is None:
        raise TypeError(f"{fn}(): shape must be an integer or a sequence of integers, got None")
    if isinstance(shape, (dict, set, frozenset)):   # iterable, but not a sequence of dimensions
        raise exc(f"{fn}(): shape must be a sequence of integers, got {type(shape).__name__}")
    if isinstance(shape, int) and not allow_int:
        raise exc(f"{fn}(): shape must be a sequence of integers, got int")
    if allow_int and not isinstance(shape, (list, tuple)):
        try:
            shape = (PyNumber_Index(shape),)
        except (TypeError, ValueError):
            pass
    try:
        dims = [PyNumber_Index(x) for x in shape]
    except TypeError:
        raise exc(f"{fn}(): shape must be {'an integer or ' if allow_int else ''}a sequence of "
                  f"integers, got {shape!r}") from None
    return to_c_shape(dims)


cdef inline int shape_into(object shape, str fn, bint allow_int, type exc, Shape& out) except -1:
    """shape_arg filling `out` (empty on entry) in place: the common list or tuple of ints without
    a copy of the shape afterwards."""
    if fast_shape(shape, out):
        return 0
    out = shape_arg(shape, fn, allow_int, exc)
    return 0


cdef inline bint reduction_axes_arg(object axis, vector[int]& out, str fn) except -1:
    """A reduction's ``int | Sequence[int] | None`` axis into `out`; False (every axis) for None."""
    cdef int ax
    if axis is None:
        return False
    if isinstance(axis, (list, tuple)):
        out = to_axes(axis)
    else:
        ax = to_int32(axis, fn, "axis")
        out.push_back(ax)
    return True


cdef inline bint single_axis_arg(object axis, int* out, str fn) except -1:
    """An ``int | None`` axis (one axis, a sequence refused) into `out`; False for None."""
    if axis is None:
        return False
    if isinstance(axis, (list, tuple)):
        raise TypeError(f"[{fn}] axis must be an int or None, got {type(axis).__name__}")
    out[0] = to_int32(axis, fn, "axis")
    return True


# ---- streams --------------------------------------------------------------------------------------

cdef inline StreamOrDevice stream_arg(object stream) except *:
    """A ``stream`` parameter: to_sod, with the common None (the default stream) inline."""
    if stream is None:
        return sod_default()
    return to_sod(stream)


# ---- other kinds --------------------------------------------------------------------------------

cdef inline str str_arg(object x, str fn, str name):
    """A ``str`` parameter."""
    if not isinstance(x, str):
        raise TypeError(f"{fn}(): argument '{name}' must be a str, got {type(x).__name__}")
    return x
