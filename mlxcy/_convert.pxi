# Python values -> C++ arrays: scalars, nested sequences, buffer-protocol objects (NumPy),
# with the reference binding's dtype rules (int -> int32/int64, float -> float32,
# complex -> complex64, float64/complex128 buffers -> float32/complex64 unless asked).

from cpython.memoryview cimport PyMemoryView_FromObject, PyMemoryView_GET_BUFFER
from cpython.buffer cimport Py_buffer
from cpython.float cimport PyFloat_CheckExact, PyFloat_AS_DOUBLE
from libcpp.utility cimport move


cdef extern from "Python.h":
    int PyObject_CheckBuffer(object)

cdef enum ElementKind:
    KIND_BOOL = 0
    KIND_INT = 1
    KIND_FLOAT = 2
    KIND_COMPLEX = 3

cdef int64_t INT32_MIN_ = -2147483648
cdef int64_t INT32_MAX_ = 2147483647


class _ArrayInputError(ValueError, TypeError):
    """A value of a type no array can be made from. ``mx.array(x)`` raises ValueError in the
    reference and an op given it as an array argument TypeError: this is both."""


_ArrayInputError.__module__ = "mlxcy"


class _ConversionError(ValueError, RuntimeError):
    """A value no MLX dtype can hold: an unsupported element type (object, str, datetime,
    float128), an integer beyond int64. The reference raises RuntimeError (std::bad_cast) for
    these; mlxcy's ValueError says what is wrong and is a RuntimeError too."""


cdef inline array wrap(const c_array& a):
    # Every op's result passes here, with its shape known: refuse one the machine could never
    # hold now, before evaluating it crashes the process.
    if output_unallocatable(a):
        throw_unallocatable(a)   # MemoryError
    cdef array r = array.__new__(array)
    r._a = a
    return r


cdef inline array wrap_tmp(c_array& a):
    """wrap() for a C++ array the caller is done with (an op's result, held in a temporary): it
    is moved into the Python array, not copied (no reference count taken and dropped)."""
    if output_unallocatable(a):
        throw_unallocatable(a)   # MemoryError
    cdef array r = array.__new__(array)
    r._a = move(a)
    return r


cdef int check_copyable(const c_array& x) except -1:
    """For ops that copy an input into a contiguous buffer of its full size (sorting, linalg,
    saving …): MemoryError for a huge view (a broadcast) the machine could not hold as a copy."""
    check_copyable_c(x)
    return 0


cdef list wrap_list(const vector[c_array]& v):
    cdef list out = []
    cdef size_t i
    for i in range(v.size()):
        out.append(wrap(v[i]))
    return out


cdef inline c_array* cptr(array a):
    return &a._a


cdef bint fast_shape(object seq, Shape& out) except -1:
    """Fill `out` from a list or tuple of plain Python ints that fit in 32 bits and return True;
    False (with `out` cleared) for anything else, left to the caller's general path. The common
    case of every shape argument, without a Python-level step per dimension."""
    cdef Py_ssize_t i, n
    cdef long v
    cdef int32_t d
    cdef int overflow = 0
    cdef PyObject* x
    if type(seq) is tuple:
        n = PyTuple_GET_SIZE(seq)
    elif type(seq) is list:
        n = PyList_GET_SIZE(seq)
    else:
        return False
    out.clear()
    out.reserve(n)
    for i in range(n):
        x = PySequence_Fast_GET_ITEM(seq, i)
        if not PyLong_CheckExact(<object>x):
            out.clear()
            return False
        v = PyLong_AsLongAndOverflow(<object>x, &overflow)
        if overflow or v < INT32_MIN_ or v > INT32_MAX_:
            out.clear()
            return False
        d = <int32_t>v
        out.push_back(d)
    return True


cdef Shape to_c_shape(object shape) except *:
    cdef Shape s = Shape()
    cdef int32_t d
    if fast_shape(shape, s):
        return s
    if isinstance(shape, int):
        shape = (shape,)
    for x in shape:
        if not isinstance(x, int) and not hasattr(x, "__index__"):
            raise TypeError(f"Shape entries must be integers, got {type(x).__name__}")
        d = checked_dim(x)
        s.push_back(d)
    return s


cdef int32_t checked_dim(object n) except? -1:
    """A shape dimension as MLX's 32-bit integer; OverflowError (as the reference) beyond it."""
    if n < INT32_MIN_ or n > INT32_MAX_:
        raise OverflowError(f"Shape dimension {n} is outside the supported range "
                            f"[{INT32_MIN_}, {INT32_MAX_}]: MLX uses 32-bit integers for shape dimensions")
    return <int32_t>n


cdef tuple shape_tuple(const Shape& s):
    cdef size_t i
    cdef object v  # a Python int: inferred as int32_t, the tuple would own a freed object
    cdef tuple t = PyTuple_New(s.size())
    for i in range(s.size()):
        v = s[i]
        Py_INCREF(v)
        PyTuple_SET_ITEM(t, i, v)
    return t


cdef vector[int] to_axes(object axis) except *:
    cdef vector[int] out = vector[int]()
    if isinstance(axis, int):
        out.push_back(to_int32(axis, "axis", "axis"))
    else:
        for a in axis:
            if not isinstance(a, int):
                raise TypeError(f"Axes must be integers, got {type(a).__name__}")
            out.push_back(to_int32(a, "axis", "axis"))
    return out


cdef inline bint _is_py_scalar(object x):
    return isinstance(x, (int, float, complex))   # bool is an int


cdef int _scalar_to_c(object x, optional[c_Dtype] dtype, optional[c_array]& out) except -1:
    """A Python bool/int/float/complex as a 0-d array (default dtype unless `dtype`)."""
    cdef c_Dtype d
    cdef int64_t iv
    if isinstance(x, bool):
        d = deref(dtype) if dtype.has_value() else cx.bool_
        out = c_array(<cbool>(x is True), d)
    elif isinstance(x, int):
        if dtype.has_value():
            d = deref(dtype)
            _int_to_c(x, d, out)
        elif INT32_MIN_ <= x <= INT32_MAX_:
            out = c_array(<int64_t>x, cx.int32)
        elif -9223372036854775808 <= x <= 9223372036854775807:
            out = c_array(<int64_t>x, cx.int64)
        else:
            raise _ConversionError(f"Integer {x} does not fit in int64, the widest integer dtype; "
                             "pass it as a float or use a smaller value")
    elif isinstance(x, float):
        d = deref(dtype) if dtype.has_value() else cx.float32
        out = c_array(<double>x, d)
    elif isinstance(x, complex):
        d = deref(dtype) if dtype.has_value() else cx.complex64
        out = array_from_complex(x.real, x.imag, d)
    else:
        raise TypeError(f"not a Python scalar: {type(x).__name__}")
    return 0


cdef int _int_to_c(object x, c_Dtype d, optional[c_array]& out) except -1:
    """A Python int converted to dtype `d` (wrapping like a C cast, as the reference does)."""
    if d == cx.uint64 and x > 9223372036854775807:
        if x > 18446744073709551615:
            raise _ConversionError(f"Integer {x} is out of range for uint64")
        out = c_array(<uint64_t>x, d)
    elif cx.issubdtype(d, c_DtypeCategory.inexact):
        out = c_array(<double>x, d)
    else:
        if not (-9223372036854775808 <= x <= 9223372036854775807):
            raise _ConversionError(f"Integer {x} is out of range for {_DTYPE_NAMES[dtype_val(d)]}")
        out = c_array(<int64_t>x, d)
    return 0


# (min, max) of each integer dtype by dtype code, for the weak-scalar overflow check.
cdef dict _INT_RANGES = {
    <int>DtypeVal.uint8: (0, 255), <int>DtypeVal.uint16: (0, 65535), <int>DtypeVal.uint32: (0, 4294967295),
    # uint64 takes negative ints too, wrapping them (the reference checks them against int64)
    <int>DtypeVal.uint64: (-9223372036854775808, 18446744073709551615), <int>DtypeVal.int8: (-128, 127),
    <int>DtypeVal.int16: (-32768, 32767), <int>DtypeVal.int32: (-2147483648, 2147483647),
    <int>DtypeVal.int64: (-9223372036854775808, 9223372036854775807),
}


cdef int _weak_scalar(object x, c_Dtype other, optional[c_array]& out) except -1:
    """A Python scalar operand next to an array of dtype `other`: it adopts `other` when its kind
    allows (int with an integer or floating array, float with a floating array), else takes its
    default dtype. An int that does not fit the integer dtype is an error, as in the reference."""
    cdef optional[c_Dtype] none = nullopt
    if isinstance(x, bool):
        out = c_array(<cbool>(x is True), other)
    elif isinstance(x, int):
        if other == cx.bool_:
            _scalar_to_c(x, none, out)
        elif cx.issubdtype(other, c_DtypeCategory.integer):
            lo, hi = _INT_RANGES[dtype_val(other)]
            if x < lo or x > hi:
                raise ValueError(f"Converting {x} to {_DTYPE_NAMES[dtype_val(other)]} would result in overflow.")
            _int_to_c(x, other, out)
        else:
            out = c_array(<double>x, other)
    elif isinstance(x, float):
        if cx.issubdtype(other, c_DtypeCategory.inexact):
            out = c_array(<double>x, other)
        else:
            out = c_array(<double>x, cx.float32)
    else:
        _scalar_to_c(x, none, out)
    return 0


cdef bint cached_operand(object x, c_Dtype other, optional[c_array]& out) except -1:
    """`x`, exactly a float or an int, as the 0-d operand _weak_scalar makes next to an array of
    dtype `other`, taken from a cache of constant arrays (src/mlxcy_core.h, cached_scalar): for
    operands of ops that always make a new array of them (arithmetic, comparisons), never for an
    array the user gets back. False, and `out` untouched, where the general path is needed."""
    cdef int overflow = 0
    cdef long long v
    cdef type t = type(x)
    if t is float:
        out = cached_float_scalar(<double>x, other if cx.issubdtype(other, c_DtypeCategory.inexact) else cx.float32)
        return True
    if t is not int:
        return False
    v = PyLong_AsLongLongAndOverflow(x, &overflow)
    if overflow:
        return False
    if cx.issubdtype(other, c_DtypeCategory.inexact):
        out = cached_float_scalar(<double>v, other)
    elif other == cx.int32 and INT32_MIN_ <= v <= INT32_MAX_:
        out = cached_int_scalar(v, other)
    elif other == cx.int64:
        out = cached_int_scalar(v, other)
    else:
        return False   # other integer widths check their range there; bool operands promote
    return True


cdef int to_c(object x, optional[c_array]& out) except -1:
    cdef optional[c_Dtype] none = nullopt
    return _to_c_impl(x, none, out)


cdef int to_c_dtype_of(object x, c_Dtype d, optional[c_array]& out) except -1:
    cdef optional[c_Dtype] od = d
    return _to_c_impl(x, od, out)


cdef int _to_c_impl(object x, optional[c_Dtype] dtype, optional[c_array]& out) except -1:
    if isinstance(x, array):
        if dtype.has_value() and (<array>x)._a.dtype() != deref(dtype):
            out = cops.astype((<array>x)._a, deref(dtype), sod_default())
        else:
            out = (<array>x)._a
        return 0
    if isinstance(x, (int, float, complex)):
        return _scalar_to_c(x, dtype, out)
    if type(x) is list or type(x) is tuple:
        if _flat_numbers_to_c(x, dtype, out):
            return 0
        return _sequence_to_c(x, dtype, out)
    if isinstance(x, (list, tuple)):
        return _sequence_to_c(x, dtype, out)
    if PyObject_CheckBuffer(x):
        return _buffer_to_c(x, dtype, COPY_ALWAYS, out)
    if hasattr(x, "__mlx_array__"):
        return _to_c_impl(x.__mlx_array__(), dtype, out)
    if hasattr(x, "__dlpack__"):
        # an independent copy, kept float64 when that is what was asked for
        return _to_c_impl(_import_dlpack(x, True, dtype.has_value() and deref(dtype) == cx.float64), dtype, out)
    if hasattr(x, "__array__"):
        return _to_c_impl(x.__array__(), dtype, out)
    if x is None:
        raise TypeError("array(): None cannot be converted to an array; expected a scalar, list, tuple, "
                        "array or an object with the buffer or DLPack protocol")
    raise _ArrayInputError(f"Invalid type {type(x).__name__} received in array initialization.")



cdef bint _flat_numbers_to_c(object x, optional[c_Dtype] dtype, optional[c_array]& out) except -1:
    """The common ``array([1, 2, 3])``/``array([0.5, 1.0])``: a flat, non-empty list or tuple of
    exactly ints (each within int32) and floats, in one pass without Python-level steps. Gives
    what _sequence_to_c gives (int32 for ints when no dtype is asked; float32, or `dtype`, from
    the values as doubles when any is a float). False, `out` untouched, for anything else (bools,
    nesting, wider ints, other types, ints with a dtype), left to the general path."""
    cdef Py_ssize_t i, n = len(x)
    cdef PyObject* item
    cdef long long v
    cdef int overflow = 0
    cdef bint floats = False
    cdef vector[int32_t] ivals = vector[int32_t]()
    cdef vector[double] fvals = vector[double]()
    cdef Shape shape = Shape()
    cdef int32_t n32
    if n == 0 or n > INT32_MAX_:
        return False
    ivals.reserve(n)
    for i in range(n):
        item = PySequence_Fast_GET_ITEM(x, i)
        if PyFloat_CheckExact(<object>item):
            if not floats:
                floats = True
                fvals.reserve(n)
                fvals.assign(ivals.begin(), ivals.end())
            fvals.push_back(PyFloat_AS_DOUBLE(<object>item))
        elif PyLong_CheckExact(<object>item):
            v = PyLong_AsLongLongAndOverflow(<object>item, &overflow)
            if overflow or v < INT32_MIN_ or v > INT32_MAX_:
                return False
            if floats:
                fvals.push_back(<double>v)
            else:
                ivals.push_back(<int32_t>v)
        else:
            return False
    n32 = <int32_t>n
    shape.push_back(n32)
    if floats:
        out = array_from_values[double](fvals.data(), shape, deref(dtype) if dtype.has_value() else cx.float32)
    elif dtype.has_value():
        return False   # the ints' range is checked against the dtype there
    else:
        out = array_from_values[int32_t](ivals.data(), shape, cx.int32)
    return True


cdef vector[c_array] to_c_list(object seq) except *:
    cdef vector[c_array] out = vector[c_array]()
    cdef optional[c_array] tmp = nullopt
    for x in seq:
        to_c(x, tmp)
        out.push_back(deref(tmp))
    return out


# ---- nested sequences -------------------------------------------------------------------

# Deeper nesting than this is a list that contains itself (or no array MLX could hold): the
# recursive scans stop there with a ValueError instead of overflowing the C stack.
cdef int MAX_NESTING = 1000


cdef int _scan_sequence(object x, int depth, vector[int]& shape, int* leaf_depth, int* kind, bint* wide) except -1:
    """Check that `x` is a regular nesting (every leaf at the same depth, equal lengths per
    level); find the widest element kind and whether its ints need int64."""
    if depth > MAX_NESTING:
        raise ValueError("Initialization encountered a list nested too deeply (does it contain itself?)")
    cdef Py_ssize_t n
    if isinstance(x, (list, tuple)):
        if leaf_depth[0] >= 0 and depth >= leaf_depth[0]:
            raise ValueError("Initialization encountered extra dimension.")
        n = len(x)
        if depth == <int>shape.size():
            shape.push_back(<int>n)
        elif depth > <int>shape.size() or shape[depth] != n:
            raise ValueError("Initialization encountered non-uniform length.")
        for item in x:
            _scan_sequence(item, depth + 1, shape, leaf_depth, kind, wide)
        return 0
    if leaf_depth[0] < 0:
        leaf_depth[0] = depth
    if depth != leaf_depth[0] or depth < <int>shape.size():
        raise ValueError("Initialization encountered non-uniform length.")
    if isinstance(x, bool):
        pass
    elif isinstance(x, int):
        kind[0] = max(kind[0], <int>KIND_INT)
        if not (INT32_MIN_ <= x <= INT32_MAX_):
            wide[0] = True
    elif isinstance(x, float):
        kind[0] = max(kind[0], <int>KIND_FLOAT)
    elif isinstance(x, complex):
        kind[0] = KIND_COMPLEX
    else:
        raise _ArrayInputError(f"Invalid type {type(x).__name__} received in array initialization.")
    return 0


cdef int _fill_bool(object x, vector[uint8_t]& out) except -1:
    cdef uint8_t v
    if isinstance(x, (list, tuple)):
        for item in x:
            _fill_bool(item, out)
    else:
        v = 1 if x else 0   # (a typed local: Cython mishandles a conditional passed by reference)
        out.push_back(v)
    return 0


cdef int _fill_int(object x, vector[int64_t]& out) except -1:
    if isinstance(x, (list, tuple)):
        for item in x:
            _fill_int(item, out)
    else:
        if not (-9223372036854775808 <= x <= 9223372036854775807):
            raise _ConversionError(f"Integer {x} does not fit in int64, the widest integer dtype")
        out.push_back(x)
    return 0


cdef int _check_list_ints_for(const vector[int64_t]& vals, c_Dtype d) except -1:
    """The reference reads a list's ints for dtype `d` as a C int (int32) for bool and the
    integers narrower than 32 bits (wrapping them afterwards), as uint32 for uint32, as a
    non-negative int64 for uint64 and as int64 otherwise; an int outside that type is its
    RuntimeError (std::bad_cast), here _ConversionError."""
    cdef int64_t lo = INT32_MIN_
    cdef int64_t hi = INT32_MAX_
    cdef size_t i
    if d == cx.uint32:
        lo, hi = 0, 4294967295
    elif d == cx.uint64:
        lo, hi = 0, 9223372036854775807
    elif d == cx.int64 or cx.issubdtype(d, c_DtypeCategory.inexact):
        return 0   # every int64 fits (_fill_int checked that)
    for i in range(vals.size()):
        if vals[i] < lo or vals[i] > hi:
            raise _ConversionError(f"Integer {vals[i]} cannot be read for a list of dtype "
                                   f"{_DTYPE_NAMES[dtype_val(d)]}: it must lie in [{lo}, {hi}]")
    return 0


cdef int _fill_float(object x, vector[double]& out) except -1:
    if isinstance(x, (list, tuple)):
        for item in x:
            _fill_float(item, out)
    else:
        out.push_back(x)
    return 0


cdef int _fill_complex(object x, vector[ccomplex[float]]& out) except -1:
    cdef complex c
    if isinstance(x, (list, tuple)):
        for item in x:
            _fill_complex(item, out)
    else:
        c = x
        out.push_back(ccomplex[float](c.real, c.imag))
    return 0


cdef int _sequence_to_c(object x, optional[c_Dtype] dtype, optional[c_array]& out) except -1:
    cdef vector[int] vshape = vector[int]()
    cdef int kind = KIND_BOOL
    cdef bint wide = False
    cdef int leaf_depth = -1
    cdef vector[uint8_t] bvals = vector[uint8_t]()
    cdef vector[int64_t] ivals = vector[int64_t]()
    cdef vector[double] fvals = vector[double]()
    cdef vector[ccomplex[float]] cvals = vector[ccomplex[float]]()
    cdef vector[c_array] parts = vector[c_array]()
    cdef optional[c_array] tmp = nullopt
    cdef Shape shape = Shape()
    cdef c_Dtype d
    if _contains_array(x):
        return _sequence_with_arrays_to_c(x, dtype, out)
    _scan_sequence(x, 0, vshape, &leaf_depth, &kind, &wide)
    shape = to_shape(vshape)
    if vshape.size() and vshape.back() == 0 and kind == KIND_BOOL:
        kind = KIND_FLOAT   # an empty list is float32, as in the reference
    d = cx.int64 if wide else cx.int32
    if kind == KIND_BOOL:
        _fill_bool(x, bvals)
        out = array_from_values[cbool](<cbool*>bvals.data(), shape, deref(dtype) if dtype.has_value() else cx.bool_)
    elif kind == KIND_INT:
        _fill_int(x, ivals)
        if dtype.has_value():
            _check_list_ints_for(ivals, deref(dtype))
        out = array_from_values[int64_t](ivals.data(), shape, deref(dtype) if dtype.has_value() else d)
    elif kind == KIND_FLOAT:
        _fill_float(x, fvals)
        out = array_from_values[double](fvals.data(), shape, deref(dtype) if dtype.has_value() else cx.float32)
    else:
        _fill_complex(x, cvals)
        out = array_from_complex_values(cvals, shape, deref(dtype) if dtype.has_value() else cx.complex64)
    return 0


cdef int _sequence_with_arrays_to_c(object x, optional[c_Dtype] dtype, optional[c_array]& out) except -1:
    """A nested list holding mlxcy arrays among its elements. Each array counts as a nesting of
    its own shape, so the whole must be as regular as a plain nested list; the result dtype
    promotes the arrays' dtypes with the default dtypes of the Python scalars (as the reference:
    [int8 array, 2] is int32, [float16 array, 2.5] is float32)."""
    cdef vector[int] vshape = vector[int]()
    cdef int leaf_depth = -1
    cdef optional[c_Dtype] common = nullopt
    cdef optional[c_Dtype] target = nullopt
    cdef vector[c_array] parts = vector[c_array]()
    cdef optional[c_array] tmp = nullopt
    _scan_with_arrays(x, 0, vshape, &leaf_depth, common)
    target = dtype if dtype.has_value() else common
    for item in x:
        _to_c_impl(item, target, tmp)
        parts.push_back(deref(tmp))
    out = cops.stack(parts, sod_default())
    return 0


cdef int _scan_with_arrays(object x, int depth, vector[int]& shape, int* leaf_depth,
                           optional[c_Dtype]& common) except -1:
    """_scan_sequence for lists holding arrays: an array of shape (a, b) at depth d fills
    dimensions d and d+1 and ends at depth d+2, where every other leaf must end too."""
    if depth > MAX_NESTING:
        raise ValueError("Initialization encountered a list nested too deeply (does it contain itself?)")
    cdef int i
    cdef int ndim = 0
    cdef c_Dtype d
    cdef Shape ashape
    if isinstance(x, (list, tuple)):
        if leaf_depth[0] >= 0 and depth >= leaf_depth[0]:
            raise ValueError("Initialization encountered extra dimension.")
        _check_dimension(shape, depth, len(x))
        for item in x:
            _scan_with_arrays(item, depth + 1, shape, leaf_depth, common)
        return 0
    if isinstance(x, array):
        ashape = (<array>x)._a.shape()
        ndim = <int>ashape.size()
        d = (<array>x)._a.dtype()
    elif isinstance(x, bool):
        d = cx.bool_
    elif isinstance(x, int):
        d = cx.int32 if INT32_MIN_ <= x <= INT32_MAX_ else cx.int64
    elif isinstance(x, float):
        d = cx.float32
    elif isinstance(x, complex):
        d = cx.complex64
    else:
        raise _ArrayInputError(f"Invalid type {type(x).__name__} received in array initialization.")
    if leaf_depth[0] < 0:
        leaf_depth[0] = depth + ndim
    elif depth + ndim != leaf_depth[0]:
        raise ValueError("Initialization encountered non-uniform length.")
    for i in range(ndim):
        _check_dimension(shape, depth + i, ashape[i])
    common = cx.promote_types(deref(common), d) if common.has_value() else d
    return 0


cdef int _check_dimension(vector[int]& shape, int depth, Py_ssize_t n) except -1:
    """Record length `n` at nesting `depth`, or check it against the length recorded there."""
    if depth == <int>shape.size():
        shape.push_back(<int>n)
    elif depth > <int>shape.size() or shape[depth] != n:
        raise ValueError("Initialization encountered non-uniform length.")
    return 0


cdef bint _contains_array(object x, int depth=0) except -1:
    if depth > MAX_NESTING:
        raise ValueError("Initialization encountered a list nested too deeply (does it contain itself?)")
    for item in x:
        if isinstance(item, array):
            return True
        if isinstance(item, (list, tuple)) and len(item) and _contains_array(item, depth + 1):
            return True
    return False


# ---- buffer protocol ------------------------------------------------------------------------

cdef enum CopyMode:
    COPY_ALWAYS = 0     # array(x): always an independent copy
    COPY_IF_NEEDED = 1  # asarray(x, copy=None): share when the layout and dtype allow
    COPY_NEVER = 2      # asarray(x, copy=False): share or raise

cdef dict _FORMAT_DTYPES = {
    "?": <int>DtypeVal.bool_, "b": <int>DtypeVal.int8, "B": <int>DtypeVal.uint8,
    "h": <int>DtypeVal.int16, "H": <int>DtypeVal.uint16,
    "i": <int>DtypeVal.int32, "I": <int>DtypeVal.uint32,
    "q": <int>DtypeVal.int64, "Q": <int>DtypeVal.uint64,
    "e": <int>DtypeVal.float16, "f": <int>DtypeVal.float32, "d": <int>DtypeVal.float64,
    "Zf": <int>DtypeVal.complex64, "bfloat16": <int>DtypeVal.bfloat16, "c": <int>DtypeVal.uint8,
}
# 'l'/'L' are 8 bytes on LP64 Linux/macOS, 'n'/'N' are Py_ssize_t.
if sizeof(long) == 8:
    _FORMAT_DTYPES.update({"l": <int>DtypeVal.int64, "L": <int>DtypeVal.uint64})
else:
    _FORMAT_DTYPES.update({"l": <int>DtypeVal.int32, "L": <int>DtypeVal.uint32})
_FORMAT_DTYPES.update({"n": <int>DtypeVal.int64, "N": <int>DtypeVal.uint64})

cdef bint _LITTLE = _sys.byteorder == "little"
# Converting host buffers runs on the CPU: the GPU may lack the source dtype (float64 on CUDA).
cdef StreamOrDevice _HOST = sod_device(make_device(0, 0))


cdef tuple _parse_format(str fmt):
    """(dtype code or -1, byteswapped, is complex128) for a PEP 3118 format string."""
    cdef bint swapped = False
    if fmt and fmt[0] in "<>!=@":
        order = fmt[0]
        fmt = fmt[1:]
        if order in ">!":
            swapped = _LITTLE
        elif order == "<":
            swapped = not _LITTLE
    if fmt == "Zd":
        return (<int>DtypeVal.complex64, swapped, True)
    return (_FORMAT_DTYPES.get(fmt, -1), swapped, False)


cdef object _bfloat16_bits(object x):
    """A NumPy array or scalar of ml_dtypes' bfloat16 (JAX's, many weight converters') viewed as
    uint16 over the same memory, or None for anything else. NumPy cannot export that dtype
    through the buffer protocol (it has no PEP 3118 code), but its bits are MLX's bfloat16."""
    dt = getattr(x, "dtype", None)
    if dt is None or getattr(dt, "name", None) != "bfloat16" or getattr(dt, "itemsize", 0) != 2:
        return None
    if not type(dt).__module__.startswith(("numpy", "ml_dtypes")):
        # a NumPy dtype only (ml_dtypes 0.7 names its dtype class in its own module): x.view("u2")
        # is then NumPy's reinterpreting view
        return None
    return x.view("u2")


cdef int _buffer_to_c(object x, optional[c_Dtype] dtype, int copy_mode, optional[c_array]& out) except -1:
    bf16_bits = _bfloat16_bits(x)
    if bf16_bits is not None:
        x = bf16_bits
    elif getattr(getattr(x, "dtype", None), "kind", None) in ("M", "m"):
        # NumPy exports datetime64/timedelta64 scalars as plain bytes: not numbers to MLX
        raise _ConversionError(f"Cannot convert {type(x).__name__} (dtype {x.dtype}) to an mlxcy array: "
                               "unsupported element type")
    cdef object mv
    try:
        mv = PyMemoryView_FromObject(x)
    except ValueError as e:   # NumPy's "cannot include dtype 'M' in a buffer" and the like
        raise _ConversionError(f"Cannot convert {type(x).__name__} to an mlxcy array: {e}") from None
    cdef Py_buffer* view = PyMemoryView_GET_BUFFER(mv)
    cdef vector[int] vshape = vector[int]()
    cdef int i
    cdef int code
    cdef bint swapped, is_c128
    cdef c_Dtype src_dtype, target
    cdef Shape shape = Shape()
    cdef size_t nbytes = <size_t>view.len
    cdef size_t swap_size
    cdef optional[c_array] tmp = nullopt
    fmt = (view.format or b"B").decode() if view.format != NULL else "B"
    code, swapped, is_c128 = _parse_format(fmt)
    if bf16_bits is not None:
        code = <int>DtypeVal.bfloat16
    if code < 0:
        raise _ConversionError(f"Cannot convert a buffer of format '{fmt}' ({type(x).__name__}) to an mlxcy "
                               "array: unsupported element type")
    for i in range(view.ndim):
        vshape.push_back(checked_dim(view.shape[i]))
    if view.ndim == 0 and view.len > view.itemsize:
        vshape.push_back(checked_dim(view.len // view.itemsize))
    shape = to_shape(vshape)
    if is_c128:
        # complex128 has no MLX dtype: read it as float64 pairs, then combine.
        return _complex128_to_c(mv, view, shape, swapped, dtype, copy_mode, out)
    src_dtype = dtype_from_val(code)
    if <size_t>view.itemsize != src_dtype.size():
        raise ValueError(f"Buffer format '{fmt}' has item size {view.itemsize}, expected {src_dtype.size()}")
    # The dtype an array() of this buffer gets: float64 narrows to float32 unless asked.
    if dtype.has_value():
        target = deref(dtype)
    elif code == <int>DtypeVal.float64:
        target = cx.float32   # as the reference: float64 sources become float32 unless asked
    else:
        target = src_dtype
    cdef bint contiguous = PyBuffer_IsContiguous(view, b'C')
    cdef bint aligned = (<uintptr_t>view.buf) % src_dtype.size() == 0
    # On the CUDA backend MLX's memory must be addressable by the GPU: host buffers are copied.
    cdef bint host_backend = not cuda_memory()
    cdef bint shareable = contiguous and aligned and not swapped and host_backend
    if copy_mode == COPY_NEVER and (not shareable or target != src_dtype):
        why = ("it is not C-contiguous" if not contiguous else "it is not aligned" if not aligned
               else "it is byte-swapped" if swapped else
               "mlxcy runs on libmlx's CUDA backend, which cannot use host memory in place"
               if not host_backend and target == src_dtype else
               f"its dtype {_DTYPE_NAMES[code]} differs from the requested {_DTYPE_NAMES[dtype_val(target)]}"
               + (" (float64 becomes float32 unless dtype=float64 is given)" if not dtype.has_value() else ""))
        raise ValueError(f"Unable to avoid a copy while creating an array from {type(x).__name__}: {why}.")
    if shareable and copy_mode != COPY_ALWAYS:
        Py_INCREF(mv)
        tmp = array_view_of(view.buf, shape, src_dtype, <PyObject*>mv)
    elif shareable and target != src_dtype:
        # Converting reads the source once into a new buffer: a view suffices, evaluated now
        # so that the result does not depend on the source after this call.
        Py_INCREF(mv)
        tmp = array_view_of(view.buf, shape, src_dtype, <PyObject*>mv)
        out = cops.astype(deref(tmp), target, _HOST)
        with nogil:
            counted_array_eval(deref(out))
        return 0
    else:
        tmp = array_uninit(nbytes, shape, src_dtype)
        if contiguous:
            memcpy(raw_data(deref(tmp)), view.buf, nbytes)
        elif PyBuffer_ToContiguous(raw_data(deref(tmp)), view, view.len, b'C') < 0:
            raise ValueError("Could not copy the buffer into contiguous memory")
        if swapped:
            # (a complex64 is two float32s, each swapped on its own)
            swap_size = 4 if code == <int>DtypeVal.complex64 else src_dtype.size()
            byteswap_inplace(<char*>raw_data(deref(tmp)), nbytes // swap_size, swap_size)
    if target != src_dtype:
        out = cops.astype(deref(tmp), target, _HOST)
    else:
        out = tmp
    return 0


cdef int _complex128_to_c(object mv, Py_buffer* view, Shape shape, bint swapped, optional[c_Dtype] dtype,
                          int copy_mode, optional[c_array]& out) except -1:
    cdef size_t n = <size_t>(view.len // 16)
    cdef vector[ccomplex[float]] vals = vector[ccomplex[float]]()
    cdef double* p
    cdef size_t i
    if copy_mode == COPY_NEVER:
        raise ValueError("Unable to avoid a copy: complex128 has no MLX dtype and must be converted to complex64.")
    buf = bytearray(view.len)
    cdef Py_buffer* dst
    dmv = PyMemoryView_FromObject(buf)
    dst = PyMemoryView_GET_BUFFER(dmv)
    if PyBuffer_ToContiguous(dst.buf, view, view.len, b'C') < 0:
        raise ValueError("Could not copy the buffer into contiguous memory")
    if swapped:
        byteswap_inplace(<char*>dst.buf, 2 * n, 8)
    p = <double*>dst.buf
    vals.reserve(n)
    for i in range(n):
        vals.push_back(ccomplex[float](<float>p[2 * i], <float>p[2 * i + 1]))
    out = array_from_complex_values(vals, shape, deref(dtype) if dtype.has_value() else cx.complex64)
    return 0


def asarray(a: scalar | array | Sequence | Any, dtype: Dtype | None = None, *,
            copy: bool | None = None) -> array:
    """Convert ``a`` to an array, sharing its memory when possible.

    Follows NumPy 2's ``asarray``: a NumPy array (or other buffer or DLPack tensor) that is
    C-contiguous, aligned, in native byte order and of a dtype MLX has is shared, not copied; other
    inputs are converted as :func:`array` converts them. As in :func:`array`, float64 sources
    become float32 unless ``dtype=mx.float64`` is given. Writing into a shared source afterwards
    changes what the array reads.

    Parameters
    ----------
    a : array or array-like
        The values: an array, a NumPy array, any buffer or DLPack object, a scalar or a (nested)
        list or tuple.
    dtype : Dtype, optional
        The element type of the result. Default: ``None``, inferred from ``a``.
    copy : bool, optional
        ``True`` always copies; ``False`` never copies and raises when a copy is needed; ``None``
        copies only when sharing is impossible. Default: ``None``.

    Returns
    -------
    array
        ``a`` itself when it is already an array of the requested dtype (and ``copy`` is not
        ``True``); otherwise a new array.

    Raises
    ------
    ValueError
        When ``copy=False`` and the conversion needs a copy (a list, a dtype change, a
        non-contiguous buffer), and for values :func:`array` cannot convert.
    TypeError
        When ``copy`` is not a bool or ``None``, or ``dtype`` is not a :class:`Dtype`.

    Examples
    --------
    >>> mx.asarray([1, 2])
    array([1, 2], dtype=int32)
    >>> a = mx.array([1.0, 2.0])
    >>> mx.asarray(a) is a
    True
    >>> mx.asarray(np.array([1.0, 2.0]), mx.float64)
    array([1, 2], dtype=float64)

    Notes
    -----
    The reference binding always copies a NumPy array on the Linux CPU and returns a new array
    object for an mlx array (raising ``ValueError`` for ``copy=False``); mlxcy shares the memory and
    returns the same object (docs/differences.md, docs/zero-copy.md).
    """
    cdef optional[c_Dtype] d = nullopt
    cdef optional[c_array] out = nullopt
    copy = to_opt_flag(copy, "asarray", "copy")
    if dtype is not None:
        d = to_c_dtype(dtype)
    if isinstance(a, array):
        if copy is True:
            out = cops.copy((<array>a)._a, sod_default())
            if d.has_value():
                out = cops.astype(deref(out), deref(d), sod_default())
            return wrap(deref(out))
        if d.has_value() and deref(d) != (<array>a)._a.dtype():
            if copy is False:
                raise ValueError("Unable to avoid a copy: the requested dtype differs from the array's.")
            return wrap(cops.astype((<array>a)._a, deref(d), sod_default()))
        return a
    if PyObject_CheckBuffer(a) and not isinstance(a, (bytes, bytearray)) or isinstance(a, memoryview):
        _buffer_to_c(a, d, COPY_ALWAYS if copy is True else COPY_NEVER if copy is False else COPY_IF_NEEDED, out)
        return wrap(deref(out))
    if hasattr(a, "__dlpack__") and not isinstance(a, (bytes, bytearray)):
        r = _import_dlpack(a, copy, d.has_value() and deref(d) == cx.float64)
        if d.has_value() and deref(d) != (<array>r)._a.dtype():
            if copy is False:
                raise ValueError("Unable to avoid a copy: the requested dtype differs from the source's.")
            return wrap(cops.astype((<array>r)._a, deref(d), sod_default()))
        return r
    if copy is False:
        raise ValueError(f"Unable to avoid a copy while creating an array from {type(a).__name__}.")
    _to_c_impl(a, d, out)
    return wrap(deref(out))


# ---- bfloat16 to NumPy ------------------------------------------------------------------------

cdef object _ml_dtypes = None        # the ml_dtypes module, or False where it does not import


cdef object _ml_dtypes_module():
    """ml_dtypes if it imports (looked up once, on first need), else None."""
    global _ml_dtypes
    if _ml_dtypes is None:
        import importlib   # (Cython's own import statement would accept a None in sys.modules)
        try:
            _ml_dtypes = importlib.import_module("ml_dtypes")
        except ImportError:
            _ml_dtypes = False
    return _ml_dtypes if _ml_dtypes is not False else None


cdef object _bfloat16_numpy_view(array a):
    """np.asarray of a bfloat16 array: an ml_dtypes.bfloat16 NumPy array over the same memory
    (NumPy has no bfloat16 of its own). Without ml_dtypes, the reference's ValueError."""
    ml_dtypes = _ml_dtypes_module()
    if ml_dtypes is None:
        raise ValueError("'bfloat16' is not a valid PEP 3118 buffer format string; install ml_dtypes "
                         "to convert bfloat16 arrays to NumPy")
    import numpy as np
    # The uint16 view shares the buffer (and strides); NumPy then relabels the bits.
    cdef array bits = wrap(cops.view(a._a, cx.uint16, sod_default()))
    return np.asarray(memoryview(bits)).view(ml_dtypes.bfloat16)
