# Dtype objects, dtype categories, issubdtype, finfo, iinfo.

_DTYPE_NAMES = ("bool", "uint8", "uint16", "uint32", "uint64", "int8", "int16", "int32",
                "int64", "float16", "float32", "float64", "bfloat16", "complex64")

cdef list _dtype_table = [None] * 14


@cython.final
cdef class Dtype:
    """An object holding the type of an array's elements (e.g. ``mlxcy.float32``)."""

    def __init__(self, *args, **kwargs):
        raise TypeError("mlxcy.Dtype cannot be instantiated; use one of the dtype objects, e.g. mlxcy.float32")

    cdef c_Dtype c(self):
        return dtype_from_val(self._val)

    @property
    def size(self):
        """Size of one element in bytes."""
        return self._size

    def __repr__(self):
        return "mlx.core." + _DTYPE_NAMES[self._val]

    def __eq__(self, other):
        if isinstance(other, Dtype):
            return self._val == (<Dtype>other)._val
        return False

    def __ne__(self, other):
        return not self.__eq__(other)

    def __hash__(self):
        return self._val

    def __reduce__(self):
        return (_dtype_by_name, (_DTYPE_NAMES[self._val],))


cdef Dtype _make_dtype(int val):
    cdef Dtype d = Dtype.__new__(Dtype)
    d._val = val
    d._size = dtype_from_val(val).size()
    _dtype_table[val] = d
    return d


def _dtype_by_name(name):
    return _dtype_table[_DTYPE_NAMES.index(name)]


cdef inline Dtype py_dtype(c_Dtype d):
    return <Dtype>_dtype_table[dtype_val(d)]


cdef c_Dtype to_c_dtype(object dtype) except *:
    if type(dtype) is Dtype:
        return (<Dtype>dtype).c()
    raise TypeError(f"Expected an mlxcy Dtype (e.g. mlxcy.float32), got {type(dtype).__name__}: {dtype!r}")


bool_ = _make_dtype(<int>DtypeVal.bool_)
uint8 = _make_dtype(<int>DtypeVal.uint8)
uint16 = _make_dtype(<int>DtypeVal.uint16)
uint32 = _make_dtype(<int>DtypeVal.uint32)
uint64 = _make_dtype(<int>DtypeVal.uint64)
int8 = _make_dtype(<int>DtypeVal.int8)
int16 = _make_dtype(<int>DtypeVal.int16)
int32 = _make_dtype(<int>DtypeVal.int32)
int64 = _make_dtype(<int>DtypeVal.int64)
float16 = _make_dtype(<int>DtypeVal.float16)
float32 = _make_dtype(<int>DtypeVal.float32)
float64 = _make_dtype(<int>DtypeVal.float64)
bfloat16 = _make_dtype(<int>DtypeVal.bfloat16)
complex64 = _make_dtype(<int>DtypeVal.complex64)


class _PlainReprEnum(_enum.Enum):
    """An enum whose members print as ``Kind.member``, as the reference binding's enums do."""

    def __repr__(self):
        return f"{type(self).__name__}.{self.name}"


class DtypeCategory(_PlainReprEnum):
    """Abstract dtype categories usable with :func:`issubdtype`."""
    complexfloating = 0
    floating = 1
    inexact = 2
    signedinteger = 3
    unsignedinteger = 4
    integer = 5
    number = 6
    generic = 7


complexfloating = DtypeCategory.complexfloating
floating = DtypeCategory.floating
inexact = DtypeCategory.inexact
signedinteger = DtypeCategory.signedinteger
unsignedinteger = DtypeCategory.unsignedinteger
integer = DtypeCategory.integer
number = DtypeCategory.number
generic = DtypeCategory.generic


def issubdtype(arg1, arg2):
    """Whether ``arg1`` is ``arg2`` or below it in the dtype hierarchy.

    Each argument is a :class:`Dtype` or a :class:`DtypeCategory`.
    """
    cdef c_Dtype d1, d2
    cdef c_DtypeCategory c1, c2
    if arg1 is None or arg2 is None:   # the reference's parser refuses None before looking
        raise TypeError("issubdtype(): arguments must be Dtype or DtypeCategory, got None")
    if isinstance(arg1, Dtype):
        d1 = (<Dtype>arg1).c()
        if isinstance(arg2, Dtype):
            return cx.issubdtype(d1, (<Dtype>arg2).c())
        if isinstance(arg2, DtypeCategory):
            c2 = <c_DtypeCategory><int>arg2.value
            return cx.issubdtype(d1, c2)
    elif isinstance(arg1, DtypeCategory):
        c1 = <c_DtypeCategory><int>arg1.value
        if isinstance(arg2, Dtype):
            return cx.issubdtype(c1, (<Dtype>arg2).c())
        if isinstance(arg2, DtypeCategory):
            c2 = <c_DtypeCategory><int>arg2.value
            return cx.issubdtype(c1, c2)
    which = "first" if not isinstance(arg1, (Dtype, DtypeCategory)) else "second"
    raise ValueError(f"[issubdtype] Received invalid type for {which} input: {type(arg1 if which == 'first' else arg2).__name__}.")


cdef c_Dtype _dtype_of(object x) except *:
    if isinstance(x, Dtype):
        return (<Dtype>x).c()
    if isinstance(x, array):
        return (<array>x)._a.dtype()
    raise TypeError(f"Expected an mlxcy array or Dtype, got {type(x).__name__}")


class finfo:
    """Machine limits of a floating point (or complex) dtype."""

    def __init__(self, arg, /):
        cdef c_Dtype d = _dtype_of(arg)
        if not cx.issubdtype(d, c_DtypeCategory.inexact):
            raise ValueError(f"[finfo] dtype {_DTYPE_NAMES[dtype_val(d)]} is not inexact.")
        cdef cx.finfo* info = new cx.finfo(d)
        try:
            self.min = info.min
            self.max = info.max
            self.eps = info.eps
            self.bits = info.bits
            self.smallest_normal = info.smallest_normal
            self.dtype = py_dtype(info.dtype)
        finally:
            del info

    def __repr__(self):
        return f"finfo(min={self.min:g}, max={self.max:g}, dtype={_DTYPE_NAMES[(<Dtype>self.dtype)._val]})"


class iinfo:
    """Machine limits of an integer dtype."""

    def __init__(self, arg, /):
        cdef c_Dtype d = _dtype_of(arg)
        if not cx.issubdtype(d, c_DtypeCategory.integer):
            raise ValueError(f"[iinfo] Only integer types supported but {_DTYPE_NAMES[dtype_val(d)]} was provided")
        cdef cx.iinfo* info = new cx.iinfo(d)
        try:
            self.min = info.min
            self.max = info.max
            self.dtype = py_dtype(info.dtype)
        finally:
            del info

    def __repr__(self):
        return f"iinfo(min={self.min}, max={self.max}, dtype={_DTYPE_NAMES[(<Dtype>self.dtype)._val]})"


def result_type(*arrays_and_dtypes):
    """The dtype that results from promoting the given arrays and dtypes together."""
    if not arrays_and_dtypes:
        raise ValueError("[result_type] Requires at least one input.")
    cdef c_Dtype acc = _dtype_of_checked(arrays_and_dtypes[0])
    for x in arrays_and_dtypes[1:]:
        acc = cx.promote_types(acc, _dtype_of_checked(x))
    return py_dtype(acc)


cdef c_Dtype _dtype_of_checked(object x) except *:
    if isinstance(x, (Dtype, array)):
        return _dtype_of(x)
    raise ValueError("[result_type] Inputs must be arrays or dtypes.")
