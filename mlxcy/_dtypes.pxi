# Dtype objects, dtype categories, issubdtype, finfo, iinfo.

# Each dtype's name, by libmlx's Dtype::Val code (the codes come from the header, not restated).
cdef dict _DTYPE_NAMES = {
    <int>DtypeVal.bool_: "bool", <int>DtypeVal.uint8: "uint8", <int>DtypeVal.uint16: "uint16",
    <int>DtypeVal.uint32: "uint32", <int>DtypeVal.uint64: "uint64", <int>DtypeVal.int8: "int8",
    <int>DtypeVal.int16: "int16", <int>DtypeVal.int32: "int32", <int>DtypeVal.int64: "int64",
    <int>DtypeVal.float16: "float16", <int>DtypeVal.float32: "float32", <int>DtypeVal.float64: "float64",
    <int>DtypeVal.bfloat16: "bfloat16", <int>DtypeVal.complex64: "complex64"}
cdef dict _DTYPE_CODES = {name: code for code, name in _DTYPE_NAMES.items()}

# The Dtype objects by code (a list: py_dtype is on every hot path), filled by _make_dtype.
cdef list _dtype_table = [None] * (max(_DTYPE_NAMES) + 1)


@cython.final
cdef class Dtype:
    """The type of an array's elements.

    There is one object per type, available as ``mx.bool_``, ``mx.uint8``, ``mx.uint16``,
    ``mx.uint32``, ``mx.uint64``, ``mx.int8``, ``mx.int16``, ``mx.int32``, ``mx.int64``,
    ``mx.float16``, ``mx.float32``, ``mx.float64``, ``mx.bfloat16`` and ``mx.complex64``; the class
    cannot be instantiated. Dtypes compare equal only to themselves and are hashable.

    Raises
    ------
    TypeError
        When ``Dtype()`` is called.

    Examples
    --------
    >>> mx.array([1.5]).dtype
    mlx.core.float32
    >>> mx.float16.size
    2
    >>> mx.int32 == mx.int32, mx.int32 == mx.int64
    (True, False)

    Notes
    -----
    Dtypes pickle and deep-copy to the same object; the reference's cannot be pickled
    (docs/differences.md).
    """

    def __init__(self, *args, **kwargs) -> None:
        raise TypeError("mlxcy.Dtype cannot be instantiated; use one of the dtype objects, e.g. mlxcy.float32")

    cdef c_Dtype c(self):
        return dtype_from_val(self._val)

    @property
    def size(self):
        """The size of one element of this type, in bytes.

        Returns
        -------
        int
            1 for ``bool_``, ``int8`` and ``uint8``, up to 8 for ``int64``, ``float64`` and
            ``complex64``.

        Examples
        --------
        >>> mx.float32.size
        4
        >>> mx.complex64.size
        8
        """
        return self._size

    def __repr__(self) -> str:
        return "mlx.core." + _DTYPE_NAMES[self._val]

    def __eq__(self, other) -> bool:
        if isinstance(other, Dtype):
            return self._val == (<Dtype>other)._val
        return False

    def __ne__(self, other) -> bool:
        return not self.__eq__(other)

    def __hash__(self) -> int:
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
    if name not in _DTYPE_CODES:
        raise ValueError(f"unknown dtype name {name!r}")
    return _dtype_table[_DTYPE_CODES[name]]


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
    """An abstract kind of dtype, for :func:`issubdtype`.

    An enum with the members ``complexfloating``, ``floating``, ``inexact`` (floating or complex),
    ``signedinteger``, ``unsignedinteger``, ``integer``, ``number`` and ``generic`` (every dtype,
    ``bool_`` included), also available as ``mx.floating`` and so on.

    Parameters
    ----------
    value : int
        The member's value (0 to 7), as for any ``enum.Enum``; members are usually reached by name.
        The other parameters of the signature are those of ``enum.Enum``'s functional API, which
        does not apply here.

    Examples
    --------
    >>> mx.floating
    DtypeCategory.floating
    >>> mx.issubdtype(mx.float16, mx.floating)
    True
    >>> mx.issubdtype(mx.uint8, mx.signedinteger)
    False
    """
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


def issubdtype(arg1: Dtype | DtypeCategory, arg2: Dtype | DtypeCategory) -> bool:
    """Whether ``arg1`` is ``arg2`` or lies below it in the dtype hierarchy.

    Each argument is a :class:`Dtype` or a :class:`DtypeCategory`. A dtype is below the categories
    that contain it (``int8`` below ``signedinteger``, ``integer``, ``number`` and ``generic``); a
    category is below the wider categories; no category is below a dtype. ``bool_`` is only below
    ``generic``.

    Parameters
    ----------
    arg1 : Dtype or DtypeCategory
        The dtype or category to test.
    arg2 : Dtype or DtypeCategory
        The dtype or category to test against.

    Returns
    -------
    bool

    Raises
    ------
    ValueError
        When an argument is neither a :class:`Dtype` nor a :class:`DtypeCategory`.
    TypeError
        When an argument is ``None``.

    Examples
    --------
    >>> mx.issubdtype(mx.int8, mx.integer)
    True
    >>> mx.issubdtype(mx.float32, mx.integer)
    False
    >>> mx.issubdtype(mx.floating, mx.inexact)
    True
    >>> mx.issubdtype(mx.bool_, mx.number)
    False
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
    """The limits of a floating point (or complex) dtype.

    The object has the attributes ``min``, ``max`` (the most negative and largest finite values),
    ``eps`` (the gap between 1 and the next larger value), ``smallest_normal`` (the smallest
    positive normal value), ``bits`` (the width in bits) and ``dtype``, all Python numbers except
    ``dtype``. For ``complex64`` the limits are those of its ``float32`` parts, and ``dtype`` is
    ``float32``.

    Parameters
    ----------
    arg : Dtype or array
        A floating point or complex dtype, or an array of one.

    Raises
    ------
    ValueError
        When the dtype is not floating point or complex.
    TypeError
        When ``arg`` is neither a :class:`Dtype` nor an array.

    Examples
    --------
    >>> mx.finfo(mx.float16)
    finfo(min=-65504, max=65504, dtype=float16)
    >>> mx.finfo(mx.float16).eps
    0.0009765625
    >>> mx.finfo(mx.float32).bits
    32

    Notes
    -----
    The reference binding accepts only a :class:`Dtype`; mlxcy also takes an array and reads its
    dtype.
    """

    def __init__(self, arg: Dtype, /) -> None:
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

    def __repr__(self) -> str:
        return f"finfo(min={self.min:g}, max={self.max:g}, dtype={_DTYPE_NAMES[(<Dtype>self.dtype)._val]})"


class iinfo:
    """The limits of an integer dtype.

    The object has the attributes ``min`` and ``max`` (the smallest and largest values, Python
    ints) and ``dtype``.

    Parameters
    ----------
    arg : Dtype or array
        An integer dtype (``bool_`` is not one), or an array of one.

    Raises
    ------
    ValueError
        When the dtype is not an integer type.
    TypeError
        When ``arg`` is neither a :class:`Dtype` nor an array.

    Examples
    --------
    >>> mx.iinfo(mx.uint8)
    iinfo(min=0, max=255, dtype=uint8)
    >>> mx.iinfo(mx.int64).max
    9223372036854775807

    Notes
    -----
    The reference binding accepts only a :class:`Dtype`; mlxcy also takes an array and reads its
    dtype.
    """

    def __init__(self, arg: Dtype, /) -> None:
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

    def __repr__(self) -> str:
        return f"iinfo(min={self.min}, max={self.max}, dtype={_DTYPE_NAMES[(<Dtype>self.dtype)._val]})"


def result_type(*arrays_and_dtypes: array | Dtype) -> Dtype:
    """The dtype that promoting the given arrays and dtypes together gives.

    The same dtype a binary operation between arrays of these dtypes has: ``int8`` with ``uint8``
    gives ``int16``, an integer with a float gives that float, ``float16`` with ``bfloat16`` gives
    ``float32``. Python scalars are not accepted.

    Parameters
    ----------
    *arrays_and_dtypes : array or Dtype
        One or more arrays or dtypes; an array stands for its dtype.

    Returns
    -------
    Dtype

    Raises
    ------
    ValueError
        When no argument is given, or an argument is neither an array nor a :class:`Dtype`.

    Examples
    --------
    >>> mx.result_type(mx.int8, mx.uint8)
    mlx.core.int16
    >>> mx.result_type(mx.array([1, 2]), mx.float16)
    mlx.core.float16
    >>> mx.result_type(mx.float16, mx.bfloat16)
    mlx.core.float32
    """
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
