# The array type: construction, properties, conversion to Python, the buffer protocol,
# NumPy's __array__, arithmetic/comparison dunders, pickling.

from cpython.tuple cimport PyTuple_New, PyTuple_SET_ITEM
from cpython.bytes cimport PyBytes_FromStringAndSize


# The words the reference uses in "Cannot perform <op> on an mlx.core.array and <type>".
cdef dict _OP_WORDS = {
    OP_ADD: "addition", OP_SUB: "subtraction", OP_MUL: "multiplication", OP_DIV: "division",
    OP_FLOORDIV: "floor division", OP_MOD: "modulus", OP_POW: "power", OP_MATMUL: "matrix multiplication",
    OP_EQ: "equality comparison", OP_NE: "inequality comparison", OP_LT: "less than comparison",
    OP_LE: "less than or equal comparison", OP_GT: "greater than comparison",
    OP_GE: "greater than or equal comparison", OP_AND: "bitwise and", OP_OR: "bitwise or",
    OP_XOR: "bitwise xor", OP_LSHIFT: "left shift", OP_RSHIFT: "right shift"}

cdef bytes _contiguous_bytes(array self):
    """The evaluated elements in row-major order as bytes (any dtype, any layout)."""
    cdef optional[c_array] a = self._a
    _eval_now(deref(a))
    if not deref(a).flags().row_contiguous:
        a = cops.contiguous(deref(a), False, sod_default())
        _eval_now(deref(a))
    return PyBytes_FromStringAndSize(<char*>raw_data(deref(a)), <Py_ssize_t>deref(a).nbytes())


cdef object _NS = None


cdef inline object _ns():
    """The mlxcy namespace, looked up once on first use (the op modules import this one)."""
    global _NS
    if _NS is None:
        _NS = _sys.modules["mlxcy"]
    return _NS


class _MethodOps:
    """The op functions array methods call (``a.sum()`` is ``sum(a)``), taken from the modules
    that define them on first use, not from the ``mlxcy`` namespace: replacing ``mlxcy.sum``
    does not change ``a.sum()``, and a method costs one attribute lookup more than the
    function. (The op modules import this one, so they cannot be imported here up front.)"""

    _modules = ("mlxcy._ops_reduce", "mlxcy._ops_math", "mlxcy._ops_shape")

    def __getattr__(self, name):
        for module_name in self._modules:
            fn = getattr(_sys.modules[module_name], name, None)
            if fn is not None:
                setattr(self, name, fn)   # later lookups find it without __getattr__
                return fn
        raise AttributeError(f"no op named {name!r} for array methods")


cdef object _METHOD_OPS = _MethodOps()


cdef extern from "Python.h":
    void PyType_Modified(PyTypeObject*)


cdef int _add_methods(type cls, dict methods) except -1:
    """Put module-level functions into a cdef class as its methods, the way Cython stores a class
    attribute (the type's dict, then PyType_Modified): codegen/generate.py writes the array methods
    of the regular ops as functions, because a class body cannot include a generated file."""
    cdef PyTypeObject* t = <PyTypeObject*>cls
    for name, fn in methods.items():
        fn.__name__ = name
        fn.__qualname__ = f"{cls.__name__}.{name}"
        (<dict><object>t.tp_dict)[name] = fn
    PyType_Modified(t)
    return 0


cdef inline void _eval_now(c_array& a) except *:
    if a.is_available():   # already computed: skip releasing and retaking the GIL
        return
    with nogil:
        counted_array_eval(a)


cdef int to_c_pair(object a, object b, optional[c_array]& ca, optional[c_array]& cb, str opname) except -1:
    """Both operands of a binary op as arrays. A Python scalar next to an array is weakly typed;
    another array-like next to an array takes that array's dtype (as in the reference)."""
    cdef bint a_arr = isinstance(a, array)
    cdef bint b_arr = isinstance(b, array)
    if a_arr and b_arr:
        ca = (<array>a)._a
        cb = (<array>b)._a
    elif a_arr:
        ca = (<array>a)._a
        _operand_like(b, deref(ca).dtype(), cb, opname)
    elif b_arr:
        cb = (<array>b)._a
        _operand_like(a, deref(cb).dtype(), ca, opname)
    elif _is_py_scalar(a) and not _is_py_scalar(b):
        to_c(b, cb)
        _weak_scalar(a, deref(cb).dtype(), ca)
    elif _is_py_scalar(b) and not _is_py_scalar(a):
        to_c(a, ca)
        _weak_scalar(b, deref(ca).dtype(), cb)
    else:
        to_c(a, ca)
        to_c(b, cb)
    return 0


cdef int _operand_like(object x, c_Dtype other, optional[c_array]& out, str opname) except -1:
    if _is_py_scalar(x):
        return _weak_scalar(x, other, out)
    if opname is not None and isinstance(x, (list, tuple, str)):
        raise ValueError(f"Cannot perform {opname} on an mlx.core.array and {type(x).__name__}")
    return to_c_dtype_of(x, other, out)


cdef inline bint _dunder_operand_ok(object x):
    """Operands a dunder accepts; others give NotImplemented (so Python raises TypeError)."""
    return isinstance(x, (array, int, float, complex, list, tuple, str)) or PyObject_CheckBuffer(x) \
        or hasattr(x, "__mlx_array__") or hasattr(x, "__array__") or hasattr(x, "__dlpack__")


cdef int check_integer_division(const c_array& a, const c_array& b, bint zero_crashes) except -1:
    """Refuse an integer division libmlx would crash on (SIGFPE) where the values are known: the
    most negative value divided by -1 (OverflowError), and, for divmod (`zero_crashes`; libmlx's
    floor_divide gives 0 and remainder the dividend there), a zero divisor (ZeroDivisionError, as
    Python's ints). Call it after libmlx accepted the shapes. Divisors still to be computed are
    not read."""
    cdef int fault = integer_division_fault(a, b)
    if fault == DIVISION_BY_ZERO and zero_crashes:
        raise ZeroDivisionError("integer division or modulo by zero (an element of the divisor is 0)")
    if fault == DIVISION_OVERFLOW:
        raise OverflowError("integer division overflows: the most negative value of the type divided by -1")
    return 0


cdef object _binary(object a, object b, int op, object stream, bint dunder):
    cdef optional[c_array] ca = nullopt, cb = nullopt
    cdef optional[c_array] r = nullopt
    cdef StreamOrDevice s = sod_default()
    # Fast paths: two arrays, or an array and a float/int (a cached constant operand). Building
    # an op neither blocks nor computes: the GIL stays held.
    # The operands are used in place (no copy of the C++ arrays, no optional to fill).
    cdef const c_array* pa = NULL
    cdef const c_array* pb = NULL
    if stream is None and not is_bitwise_op(op):
        if type(a) is array:
            pa = &(<array>a)._a
            if type(b) is array:
                pb = &(<array>b)._a
            elif cached_operand(b, pa.dtype(), cb):
                pb = &cb.value()
        elif type(b) is array:
            pb = &(<array>b)._a
            if cached_operand(a, pb.dtype(), ca):
                pa = &ca.value()
        if pa != NULL and pb != NULL:
            if op == OP_FLOORDIV or op == OP_MOD:
                r = binary_op(op, deref(pa), deref(pb), s)
                check_integer_division(deref(pa), deref(pb), False)
                return wrap(deref(r))
            return wrap_tmp(binary_op(op, deref(pa), deref(pb), s))
    to_c_pair(a, b, ca, cb, _OP_WORDS[op] if dunder else None)
    if dunder and is_bitwise_op(op) and (cx.issubdtype(deref(ca).dtype(), c_DtypeCategory.inexact)
                         or cx.issubdtype(deref(cb).dtype(), c_DtypeCategory.inexact)):
        raise ValueError(f"Floating point types not allowed with {_OP_WORDS[op]}.")
    s = to_sod(stream)
    r = binary_op(op, deref(ca), deref(cb), s)
    if op == OP_FLOORDIV or op == OP_MOD:
        check_integer_division(deref(ca), deref(cb), False)
    return wrap(deref(r))


cdef object _dunder(object self, object other, int op, bint reflected):
    if not _dunder_operand_ok(other) or (op == OP_MATMUL and not isinstance(other, array)):
        return NotImplemented
    if isinstance(other, str):
        raise ValueError(f"Cannot perform {_OP_WORDS[op]} on an mlx.core.array and str")
    if reflected:
        return _binary(other, self, op, None, True)
    return _binary(self, other, op, None, True)


cdef object _reflected_int_op(object self, object other, int op):
    """``other <op> self`` for the bitwise and shift operators, which the reference does not
    define reflected (so there ``2 | a`` is a TypeError): mlxcy computes it for integer operands,
    as NumPy does, and leaves every other operand to Python's TypeError."""
    if isinstance(other, array):
        return _dunder(self, other, op, True)
    if isinstance(other, int) or (hasattr(other, "__index__") and type(other).__module__ == "numpy"):
        try:
            return _dunder(self, other, op, True)
        except ValueError:   # an int that does not fit: the operator is not defined for it
            return NotImplemented
    return NotImplemented


cdef object _inplace(array self, object other, int op):
    r = _dunder(self, other, op, False)
    if r is NotImplemented:
        return r
    self._a = (<array>r)._a
    return self


cdef object _compare(array self, object other, int op):
    # == and != with something that is not array-like are plain False/True, as in the reference.
    if other is None:
        raise TypeError(f"{'__eq__' if op == OP_EQ else '__ne__'}(): incompatible function arguments: "
                        "cannot compare an mlxcy array with None")
    if isinstance(other, (str, list, tuple)) or not _dunder_operand_ok(other):
        return op == OP_NE
    return _binary(self, other, op, None, True)


@cython.freelist(64)
cdef class array:
    """An N-dimensional array: a node of a lazily evaluated computation graph.

    ``array(val, dtype=None)`` makes an array from a Python scalar, a (nested) list or tuple,
    another array, or any object with the buffer protocol or DLPack (a NumPy array, for one).
    Operations on arrays only record what to compute; the values are computed when they are needed
    (printing, ``item()``, ``tolist()``, NumPy conversion) or when :func:`eval` is called.

    Without ``dtype``: Python bools become ``bool``, ints ``int32`` (``int64`` when a value does
    not fit in 32 bits), floats ``float32``, complex numbers ``complex64``; a list mixing them takes
    the widest kind. A NumPy array keeps its dtype, except float64, which becomes float32 (pass
    ``dtype=mx.float64`` to keep it). ``array`` always copies its input; :func:`asarray` shares
    memory where it can.

    Parameters
    ----------
    val : scalar, list, tuple, array or array-like
        The values. Nested lists must be rectangular (every row of a level the same length).
    dtype : Dtype, optional
        The element type to convert the values to. Default: ``None``, inferred from ``val`` as
        described above.

    Raises
    ------
    ValueError
        For nested lists of uneven lengths, and for values of a type that cannot be converted
        (``array("abc")``).
    TypeError
        When ``val`` is ``None`` or ``dtype`` is not a :class:`Dtype` (a string such as
        ``"float32"`` is refused).

    Examples
    --------
    >>> mx.array([1, 2, 3])
    array([1, 2, 3], dtype=int32)
    >>> mx.array([[1, 2], [3, 4.5]])
    array([[1, 2],
           [3, 4.5]], dtype=float32)
    >>> mx.array(np.array([1.0, 2.0])).dtype
    mlx.core.float32
    >>> mx.array([1, 2], dtype=mx.float16)
    array([1, 2], dtype=float16)

    Notes
    -----
    Where the reference binding fails with ``RuntimeError: std::bad_cast``, mlxcy converts or
    raises a clear error (docs/differences.md): integers beyond int64 raise a ``ValueError`` (that
    is also a ``RuntimeError``); an integer that fits uint64 converts with ``dtype=mx.uint64``;
    byte-swapped and negatively strided NumPy arrays are converted (copied); NumPy arrays of
    unsupported dtypes (``object``, strings) raise ``ValueError``; tuples mixed with lists nest as
    lists do.
    """

    @cython.embedsignature(True)   # the class's signature line (help(), gen_stubs)
    def __init__(self, val: scalar | list | tuple | Any | array,
                 dtype: Dtype | None = None) -> None:
        cdef optional[c_Dtype] d = nullopt
        if dtype is not None:
            d = to_c_dtype(dtype)
        cdef optional[c_array] out = nullopt
        _to_c_impl(val, d, out)
        self._a = deref(out)

    # ---- basic properties ----
    @property
    def shape(self):
        """The size of each axis.

        Returns
        -------
        tuple(int)
            One size per axis; ``()`` for a 0-d array.

        Examples
        --------
        >>> mx.zeros((2, 3)).shape
        (2, 3)
        >>> mx.array(5).shape
        ()
        """
        return shape_tuple(self._a.shape())

    @property
    def dtype(self):
        """The type of the array's elements.

        Returns
        -------
        Dtype

        Examples
        --------
        >>> mx.array([1, 2]).dtype
        mlx.core.int32
        >>> mx.array([1.5]).dtype
        mlx.core.float32
        """
        return py_dtype(self._a.dtype())

    @property
    def ndim(self):
        """The number of axes.

        Returns
        -------
        int
            ``len(a.shape)``; 0 for a scalar array.

        Examples
        --------
        >>> mx.zeros((2, 3)).ndim
        2
        >>> mx.array(5).ndim
        0
        """
        return self._a.ndim()

    @property
    def size(self):
        """The number of elements.

        Returns
        -------
        int
            The product of the sizes of the axes (1 for a 0-d array).

        Examples
        --------
        >>> mx.zeros((2, 3)).size
        6
        >>> mx.array(5).size
        1
        """
        return self._a.size()

    @property
    def itemsize(self):
        """The size of one element, in bytes.

        Returns
        -------
        int
            ``a.dtype.size``.

        Examples
        --------
        >>> mx.array([1, 2]).itemsize
        4
        >>> mx.array([1, 2], mx.int64).itemsize
        8
        """
        return self._a.itemsize()

    @property
    def nbytes(self):
        """The number of bytes the elements take.

        Returns
        -------
        int
            ``a.size * a.itemsize``.

        Examples
        --------
        >>> mx.zeros((2, 3)).nbytes
        24
        >>> mx.array([1, 2], mx.int8).nbytes
        2
        """
        return self._a.nbytes()

    @property
    def T(self):
        """The array with its axes in reverse order.

        Same as ``a.transpose()``: a 2-D array is transposed; 0-d and 1-D arrays are unchanged.

        Returns
        -------
        array

        Examples
        --------
        >>> mx.array([[1, 2], [3, 4]]).T
        array([[1, 3],
               [2, 4]], dtype=int32)
        >>> mx.zeros((2, 3, 4)).T.shape
        (4, 3, 2)
        """
        return wrap_tmp(cops.transpose(self._a, sod_default()))

    @property
    def real(self):
        """The real part of the elements.

        Same as ``mx.real(a)``.

        Returns
        -------
        array
            ``float32`` for a ``complex64`` array; the array's values, in its dtype, otherwise.

        Examples
        --------
        >>> mx.array([1 + 2j, 3]).real
        array([1, 3], dtype=float32)
        >>> mx.array([1, 2]).real
        array([1, 2], dtype=int32)
        """
        return wrap(c_real(self._a, sod_default()))

    @property
    def imag(self):
        """The imaginary part of the elements.

        Same as ``mx.imag(a)``.

        Returns
        -------
        array
            ``float32`` for a ``complex64`` array; zeros of the array's dtype otherwise.

        Examples
        --------
        >>> mx.array([1 + 2j, 3]).imag
        array([2, 0], dtype=float32)
        >>> mx.array([1.5, 2.0]).imag
        array([0, 0], dtype=float32)
        """
        return wrap(c_imag(self._a, sod_default()))

    # ---- conversion to Python ----
    def item(self) -> scalar:
        """The single element of the array as a Python scalar.

        Evaluates the array. Booleans become ``bool``, integers ``int``, floating types ``float`` and
        ``complex64`` ``complex``.

        Returns
        -------
        bool, int, float or complex

        Raises
        ------
        ValueError
            When the array does not have exactly one element (any number of axes of size 1 is fine).

        Examples
        --------
        >>> mx.array(1.5).item()
        1.5
        >>> mx.array([[7]]).item()
        7
        >>> (mx.array([1, 2]) == 2).any().item()
        True
        """
        if self._a.size() != 1:
            raise ValueError("[convert] Only length-1 arrays can be converted to Python scalars.")
        _eval_now(self._a)
        return item_of(self._a)

    def tolist(self) -> Any:
        """The array as nested Python lists.

        Evaluates the array. The elements become Python scalars as in :meth:`item`; a 0-d array gives a
        scalar, not a list.

        Returns
        -------
        list or scalar

        Examples
        --------
        >>> mx.array([[1, 2], [3, 4]]).tolist()
        [[1, 2], [3, 4]]
        >>> mx.array([0.5, 1.5], mx.float16).tolist()
        [0.5, 1.5]
        >>> mx.array(5).tolist()
        5
        """
        _eval_now(self._a)
        return to_list(self._a)

    def astype(self, dtype: Dtype, stream: StreamOrDevice = None) -> array:
        """A copy of the array with its elements converted to ``dtype``.

        Same as ``mx.astype(a, dtype)``. Floats become integers by truncation toward zero.

        Parameters
        ----------
        dtype : Dtype
            The element type of the result.
        stream : Stream or Device, optional
            Where to schedule the computation (may be passed by position). Default: ``None``, the
            default stream of the default device.

        Returns
        -------
        array
            Of ``a``'s shape, with elements of type ``dtype``.

        Raises
        ------
        TypeError
            When ``dtype`` is not a :class:`Dtype` (a string is refused).

        Examples
        --------
        >>> mx.array([1, 2]).astype(mx.float16)
        array([1, 2], dtype=float16)
        >>> mx.array([1.75, -1.75]).astype(mx.int32)
        array([1, -1], dtype=int32)
        """
        return wrap_tmp(cops.astype(self._a, to_c_dtype(dtype), to_sod(stream)))

    # ---- methods mirroring the ops: each delegates to the op of the mlxcy namespace ----
    def argmax(self, axis: int | None = None, keepdims: bool = False, *,
               stream: StreamOrDevice = None) -> array:
        """The index of the largest element along ``axis``.

        Same as ``mx.argmax(a, axis, keepdims)``. Of equal elements, the first wins.

        Parameters
        ----------
        axis : int, optional
            The axis to search along. Default: ``None``, the flattened array.
        keepdims : bool, optional
            Keep the reduced axes as axes of size 1. Default: ``False``.
        stream : Stream or Device, optional
            Where to schedule the computation. Default: ``None``, the default stream of the default
            device.

        Returns
        -------
        array
            ``uint32`` indices.

        Raises
        ------
        IndexError
            When ``axis`` is out of range.
        TypeError
            When ``keepdims`` is not a bool.

        Examples
        --------
        >>> mx.array([3, 9, 1]).argmax()
        array(1, dtype=uint32)
        >>> mx.array([[1, 5], [7, 2]]).argmax(axis=1)
        array([1, 0], dtype=uint32)
        """
        return _METHOD_OPS.argmax(self, axis, keepdims, stream=stream)

    def argmin(self, axis: int | None = None, keepdims: bool = False, *,
               stream: StreamOrDevice = None) -> array:
        """The index of the smallest element along ``axis``.

        Same as ``mx.argmin(a, axis, keepdims)``. Of equal elements, the first wins.

        Parameters
        ----------
        axis : int, optional
            The axis to search along. Default: ``None``, the flattened array.
        keepdims : bool, optional
            Keep the reduced axes as axes of size 1. Default: ``False``.
        stream : Stream or Device, optional
            Where to schedule the computation. Default: ``None``, the default stream of the default
            device.

        Returns
        -------
        array
            ``uint32`` indices.

        Raises
        ------
        IndexError
            When ``axis`` is out of range.
        TypeError
            When ``keepdims`` is not a bool.

        Examples
        --------
        >>> mx.array([3, 9, 1]).argmin()
        array(2, dtype=uint32)
        >>> mx.array([[1, 5], [7, 2]]).argmin(axis=1)
        array([0, 1], dtype=uint32)
        """
        return _METHOD_OPS.argmin(self, axis, keepdims, stream=stream)

    def diag(self, k: int = 0, *, stream: StreamOrDevice = None) -> array:
        """A diagonal of a 2-D array, or a 2-D array with a 1-D array on a diagonal.

        Same as ``mx.diag(a, k)``.

        Parameters
        ----------
        k : int, optional
            Which diagonal: 0 the main one, positive above it, negative below. Default: ``0``.
        stream : Stream or Device, optional
            Where to schedule the computation. Default: ``None``, the default stream of the default
            device.

        Returns
        -------
        array
            For a 2-D ``a``, the 1-D diagonal; for a 1-D ``a`` of ``n`` elements, a square array of
            size ``n + abs(k)`` with ``a`` on diagonal ``k`` and zeros elsewhere.

        Raises
        ------
        ValueError
            When ``a`` is not 1-D or 2-D.

        Examples
        --------
        >>> mx.array([[1, 2], [3, 4]]).diag()
        array([1, 4], dtype=int32)
        >>> mx.array([[1, 2], [3, 4]]).diag(1)
        array([2], dtype=int32)
        >>> mx.array([1, 2]).diag()
        array([[1, 0],
               [0, 2]], dtype=int32)
        """
        return _METHOD_OPS.diag(self, k, stream=stream)

    def diagonal(self, offset: int = 0, axis1: int = 0, axis2: int = 1,
                 stream: StreamOrDevice = None) -> array:
        """The diagonal at ``offset`` of the planes spanned by ``axis1`` and ``axis2``.

        Same as ``mx.diagonal(a, offset, axis1, axis2)``.

        Parameters
        ----------
        offset : int, optional
            Which diagonal: 0 the main one, positive above it, negative below. Default: ``0``.
        axis1 : int, optional
            The axis of the rows. Default: ``0``.
        axis2 : int, optional
            The axis of the columns. Default: ``1``.
        stream : Stream or Device, optional
            Where to schedule the computation (may be passed by position). Default: ``None``, the
            default stream of the default device.

        Returns
        -------
        array
            The two axes removed, and the diagonal appended as the last axis.

        Raises
        ------
        ValueError
            When ``a`` has fewer than two dimensions, or ``axis1`` and ``axis2`` are the same axis.

        Examples
        --------
        >>> mx.array([[1, 2], [3, 4]]).diagonal()
        array([1, 4], dtype=int32)
        >>> mx.arange(8).reshape(2, 2, 2).diagonal(0, 1, 2)
        array([[0, 3],
               [4, 7]], dtype=int32)
        """
        return _METHOD_OPS.diagonal(self, offset, axis1, axis2, stream=stream)

    def flatten(self, start_axis: int = 0, end_axis: int = -1, *,
                stream: StreamOrDevice = None) -> array:
        """The axes ``start_axis`` to ``end_axis`` merged into one.

        Same as ``mx.flatten(a, start_axis, end_axis)``. With the defaults the result is 1-D; a 0-d
        array gives a 1-D array of one element.

        Parameters
        ----------
        start_axis : int, optional
            The first axis to merge. Default: ``0``.
        end_axis : int, optional
            The last axis to merge (inclusive). Default: ``-1``.
        stream : Stream or Device, optional
            Where to schedule the computation. Default: ``None``, the default stream of the default
            device.

        Returns
        -------
        array

        Raises
        ------
        ValueError
            When ``start_axis`` comes after ``end_axis``.

        Examples
        --------
        >>> a = mx.zeros((2, 3, 4))
        >>> a.flatten().shape
        (24,)
        >>> a.flatten(1).shape
        (2, 12)
        >>> a.flatten(0, 1).shape
        (6, 4)
        """
        return _METHOD_OPS.flatten(self, start_axis, end_axis, stream=stream)

    def moveaxis(self, source: int, destination: int, *, stream: StreamOrDevice = None) -> array:
        """The array with axis ``source`` moved to position ``destination``.

        Same as ``mx.moveaxis(a, source, destination)``; the other axes keep their order.

        Parameters
        ----------
        source : int
            The axis to move.
        destination : int
            Where it ends up.
        stream : Stream or Device, optional
            Where to schedule the computation. Default: ``None``, the default stream of the default
            device.

        Returns
        -------
        array

        Raises
        ------
        IndexError
            When an axis is out of range.

        Examples
        --------
        >>> a = mx.zeros((2, 3, 4))
        >>> a.moveaxis(0, -1).shape
        (3, 4, 2)
        >>> a.moveaxis(-1, 0).shape
        (4, 2, 3)
        """
        return _METHOD_OPS.moveaxis(self, source, destination, stream=stream)

    def reshape(self, *shape, stream: StreamOrDevice = None) -> array:
        """The array with a new shape and the same elements in the same (row-major) order.

        Same as ``mx.reshape(a, shape)``. The shape may be given as one sequence (``a.reshape((2,
        3))``) or as separate ints (``a.reshape(2, 3)``); one size may be ``-1``, to be inferred.

        Parameters
        ----------
        *shape : int or sequence of int
            The new shape; its sizes must multiply to ``a.size``.
        stream : Stream or Device, optional
            Where to schedule the computation. Default: ``None``, the default stream of the default
            device.

        Returns
        -------
        array

        Raises
        ------
        ValueError
            When the sizes do not multiply to ``a.size``, or more than one is ``-1``.

        Examples
        --------
        >>> mx.arange(6).reshape(2, 3)
        array([[0, 1, 2],
               [3, 4, 5]], dtype=int32)
        >>> mx.arange(6).reshape((-1, 2)).shape
        (3, 2)
        """
        cdef Shape sh = Shape()
        if len(shape) == 1 and not isinstance(shape[0], int):
            shape = shape[0]
        if not fast_shape(shape, sh):   # (filled in place: no copy of the shape)
            sh = to_c_shape(shape)
        return wrap_tmp(cops.reshape(self._a, sh, to_sod(stream)))

    def round(self, decimals: int = 0, *, stream: StreamOrDevice = None) -> array:
        """Each element rounded to ``decimals`` decimal places.

        Same as ``mx.round(a, decimals)``. Halves round to the nearest even value (``0.5`` to ``0``,
        ``1.5`` to ``2``). Integer arrays are unchanged unless ``decimals`` is negative.

        Parameters
        ----------
        decimals : int, optional
            The number of decimal places; a negative number rounds to tens, hundreds, ... Default:
            ``0``.
        stream : Stream or Device, optional
            Where to schedule the computation. Default: ``None``, the default stream of the default
            device.

        Returns
        -------
        array
            Of ``a``'s dtype.

        Raises
        ------
        TypeError
            When ``decimals`` is not an int.

        Examples
        --------
        >>> mx.array([0.5, 1.5, 2.25]).round()
        array([0, 2, 2], dtype=float32)
        >>> mx.array([15, 25, 31]).round(-1)
        array([20, 20, 30], dtype=int32)
        """
        return _METHOD_OPS.round(self, decimals, stream=stream)

    def split(self, indices_or_sections: int | tuple[int, ...], axis: int = 0, *,
              stream: StreamOrDevice = None) -> list[array]:
        """The array split into several along ``axis``.

        Same as ``mx.split(a, indices_or_sections, axis)``.

        Parameters
        ----------
        indices_or_sections : int or sequence of int
            An int ``n``: ``n`` parts of equal size (the axis's size must divide by ``n``). A sequence:
            the indices along ``axis`` where each new part starts.
        axis : int, optional
            The axis to split along. Default: ``0``.
        stream : Stream or Device, optional
            Where to schedule the computation. Default: ``None``, the default stream of the default
            device.

        Returns
        -------
        list(array)

        Raises
        ------
        ValueError
            When an int ``indices_or_sections`` is not positive or does not divide the axis's size.

        Examples
        --------
        >>> mx.arange(6).split(3)
        [array([0, 1], dtype=int32), array([2, 3], dtype=int32), array([4, 5], dtype=int32)]
        >>> [p.tolist() for p in mx.arange(6).split([1, 4])]
        [[0], [1, 2, 3], [4, 5]]
        """
        return _METHOD_OPS.split(self, indices_or_sections, axis, stream=stream)

    def squeeze(self, axis: int | Sequence[int] | None = None, *,
                stream: StreamOrDevice = None) -> array:
        """The array without axes of size 1 (all of them, or those in ``axis``).

        Same as ``mx.squeeze(a, axis)``.

        Parameters
        ----------
        axis : int or sequence of int, optional
            The axes to remove; each must have size 1. Default: ``None``, every axis of size 1.
        stream : Stream or Device, optional
            Where to schedule the computation. Default: ``None``, the default stream of the default
            device.

        Returns
        -------
        array

        Raises
        ------
        ValueError
            When an axis given does not have size 1.

        Examples
        --------
        >>> a = mx.zeros((1, 3, 1))
        >>> a.squeeze().shape
        (3,)
        >>> a.squeeze(0).shape
        (3, 1)
        """
        return _METHOD_OPS.squeeze(self, axis, stream=stream)

    def std(self, axis: int | Sequence[int] | None = None, keepdims: bool = False, ddof: int = 0, *,
            correction: int | None = None, stream: StreamOrDevice = None) -> array:
        """The standard deviation of the elements over ``axis``.

        Same as ``mx.std(a, axis, keepdims, ddof)``. The sum of squared deviations from the mean is
        divided by ``N - ddof``, ``N`` being the number of elements reduced; the standard deviation is the square root of that.

        Parameters
        ----------
        axis : int or list(int), optional
            Axis or axes to reduce over. Default: ``None``, every axis.
        keepdims : bool, optional
            Keep the reduced axes as axes of size 1. Default: ``False``.
        ddof : int, optional
            Delta degrees of freedom (1 gives the unbiased sample variance). Default: ``0``.
        correction : int, optional
            The array-API name of ``ddof``; when given, it is used instead of ``ddof``. Default:
            ``None``.
        stream : Stream or Device, optional
            Where to schedule the computation. Default: ``None``, the default stream of the default
            device.

        Returns
        -------
        array
            ``float32`` for bool and integer arrays, ``a``'s dtype for floating ones. ``N - ddof <= 0``
            gives ``inf`` or ``nan``.

        Raises
        ------
        IndexError
            When an axis is out of range.
        TypeError
            When ``ddof`` or ``correction`` is not an int, or ``keepdims`` is not a bool.

        Examples
        --------
        >>> mx.array([1.0, 3.0]).std()
        array(1, dtype=float32)
        >>> mx.array([[1.0, 3.0], [2.0, 6.0]]).std(axis=1)
        array([1, 2], dtype=float32)
        """
        if not isinstance(ddof, int):   # checked even when correction replaces it (as the reference does)
            raise TypeError(f"std(): ddof must be an int, got {type(ddof).__name__}")
        return _METHOD_OPS.std(self, axis, keepdims, ddof if correction is None else correction, stream=stream)

    def swapaxes(self, axis1: int, axis2: int, *, stream: StreamOrDevice = None) -> array:
        """The array with axes ``axis1`` and ``axis2`` interchanged.

        Same as ``mx.swapaxes(a, axis1, axis2)``.

        Parameters
        ----------
        axis1 : int
            The first axis.
        axis2 : int
            The second axis.
        stream : Stream or Device, optional
            Where to schedule the computation. Default: ``None``, the default stream of the default
            device.

        Returns
        -------
        array

        Raises
        ------
        IndexError
            When an axis is out of range.

        Examples
        --------
        >>> mx.zeros((2, 3, 4)).swapaxes(0, 2).shape
        (4, 3, 2)
        >>> mx.array([[1, 2]]).swapaxes(0, 1)
        array([[1],
               [2]], dtype=int32)
        """
        return _METHOD_OPS.swapaxes(self, axis1, axis2, stream=stream)

    def transpose(self, *axes, stream: StreamOrDevice = None) -> array:
        """The array with its axes permuted.

        Same as ``mx.transpose(a, axes)``. The axes may be given as one sequence or as separate ints;
        with none, the axes are reversed.

        Parameters
        ----------
        *axes : int or sequence of int
            A permutation of ``range(a.ndim)`` (negative axes count from the end). Default: none, the
            axes reversed.
        stream : Stream or Device, optional
            Where to schedule the computation. Default: ``None``, the default stream of the default
            device.

        Returns
        -------
        array
            Whose axis ``i`` is ``a``'s axis ``axes[i]``.

        Raises
        ------
        ValueError
            When the axes are not a permutation of the array's axes.

        Examples
        --------
        >>> a = mx.zeros((2, 3, 4))
        >>> a.transpose().shape
        (4, 3, 2)
        >>> a.transpose(1, 0, 2).shape
        (3, 2, 4)
        >>> a.transpose((2, 0, 1)).shape
        (4, 2, 3)

        Notes
        -----
        ``a.transpose(None)`` reverses the axes; the reference binding raises ``RuntimeError`` for it.
        """
        if len(axes) == 0:
            return wrap_tmp(cops.transpose(self._a, to_sod(stream)))
        if len(axes) == 1 and not isinstance(axes[0], int):
            if axes[0] is None:
                return wrap_tmp(cops.transpose(self._a, to_sod(stream)))
            axes = axes[0]
        return wrap_tmp(cops.transpose(self._a, to_axes(axes), to_sod(stream)))

    def var(self, axis: int | Sequence[int] | None = None, keepdims: bool = False, ddof: int = 0, *,
            correction: int | None = None, stream: StreamOrDevice = None) -> array:
        """The variance of the elements over ``axis``.

        Same as ``mx.var(a, axis, keepdims, ddof)``. The sum of squared deviations from the mean is
        divided by ``N - ddof``, ``N`` being the number of elements reduced.

        Parameters
        ----------
        axis : int or list(int), optional
            Axis or axes to reduce over. Default: ``None``, every axis.
        keepdims : bool, optional
            Keep the reduced axes as axes of size 1. Default: ``False``.
        ddof : int, optional
            Delta degrees of freedom (1 gives the unbiased sample variance). Default: ``0``.
        correction : int, optional
            The array-API name of ``ddof``; when given, it is used instead of ``ddof``. Default:
            ``None``.
        stream : Stream or Device, optional
            Where to schedule the computation. Default: ``None``, the default stream of the default
            device.

        Returns
        -------
        array
            ``float32`` for bool and integer arrays, ``a``'s dtype for floating ones. ``N - ddof <= 0``
            gives ``inf`` or ``nan``.

        Raises
        ------
        IndexError
            When an axis is out of range.
        TypeError
            When ``ddof`` or ``correction`` is not an int, or ``keepdims`` is not a bool.

        Examples
        --------
        >>> a = mx.array([1.0, 2.0, 3.0, 4.0])
        >>> a.var()
        array(1.25, dtype=float32)
        >>> mx.array([1.0, 3.0]).var(ddof=1)
        array(2, dtype=float32)
        """
        if not isinstance(ddof, int):   # checked even when correction replaces it (as the reference does)
            raise TypeError(f"var(): ddof must be an int, got {type(ddof).__name__}")
        return _METHOD_OPS.var(self, axis, keepdims, ddof if correction is None else correction, stream=stream)

    def view(self, dtype: Dtype, *, stream: StreamOrDevice = None) -> array:
        """The same bytes read as elements of another dtype.

        Same as ``mx.view(a, dtype)``. When the sizes of the two dtypes differ, the last axis grows or
        shrinks by their ratio.

        Parameters
        ----------
        dtype : Dtype
            The dtype to read the bytes as.
        stream : Stream or Device, optional
            Where to schedule the computation. Default: ``None``, the default stream of the default
            device.

        Returns
        -------
        array

        Raises
        ------
        ValueError
            When viewing as a larger dtype and the last axis's size in bytes is not a multiple of its
            size, or when ``a`` is 0-d and the two sizes differ.
        TypeError
            When ``dtype`` is not a :class:`Dtype`.

        Examples
        --------
        >>> mx.array([1.0], mx.float32).view(mx.int32)
        array([1065353216], dtype=int32)
        >>> mx.array([1, 2], mx.int32).view(mx.uint8).shape
        (8,)
        """
        return _METHOD_OPS.view(self, dtype, stream=stream)

    @property
    def mT(self):
        """The array with its last two axes swapped: a transpose of each matrix in a stack.

        Returns
        -------
        array
            Of shape ``(..., n, m)`` for an array of shape ``(..., m, n)``.

        Raises
        ------
        ValueError
            When the array has fewer than two dimensions.

        Examples
        --------
        >>> mx.array([[1, 2], [3, 4]]).mT
        array([[1, 3],
               [2, 4]], dtype=int32)
        >>> mx.zeros((5, 2, 3)).mT.shape
        (5, 3, 2)
        """
        cdef int nd = <int>self._a.ndim()
        cdef vector[int] perm = vector[int]()
        cdef int i
        if nd < 2:
            raise ValueError("[matrix_transpose] Input array must have at least 2 dimensions.")
        for i in range(nd - 2):
            perm.push_back(i)
        perm.push_back(nd - 1)
        perm.push_back(nd - 2)
        return wrap_tmp(cops.transpose(self._a, perm, sod_default()))

    @property
    def at(self):
        """Updates at an index that accumulate over repeated indices: ``a.at[idx].add(v)``.

        ``a.at[idx]`` has the methods ``add``, ``subtract``, ``multiply``, ``divide``, ``maximum`` and
        ``minimum``, each returning a new array (``a`` is not changed). Unlike ``a[idx] += v``, where
        an index repeated in ``idx`` gets one of its updates, every update counts.

        Returns
        -------
        ArrayAt

        Examples
        --------
        >>> a = mx.array([1, 2, 3])
        >>> a.at[mx.array([0, 0])].add(1)
        array([3, 2, 3], dtype=int32)
        >>> b = mx.array([1, 2, 3])
        >>> b[mx.array([0, 0])] += 1
        >>> b
        array([2, 2, 3], dtype=int32)
        """
        return ArrayAt(self)

    def __array_namespace__(self, api_version: str | None = None) -> types.ModuleType:
        """The array-API namespace of these arrays (the mlxcy module)."""
        if api_version is not None:
            raise ValueError("Explicitly specifying api_version is not yet implemented.")
        return _ns()

    def __len__(self) -> int:
        if self._a.ndim() == 0:
            raise TypeError("len() 0-dimensional array.")
        return self._a.shape(0)

    def __iter__(self) -> ArrayIterator:
        if self._a.ndim() == 0:
            raise TypeError("iter() 0-dimensional array.")
        return ArrayIterator(self)

    def __bool__(self) -> bool:
        return bool(self.item())

    def __int__(self) -> int:
        return int(self.item())

    def __float__(self) -> float:
        return float(self.item())

    def __complex__(self) -> complex:
        return complex(self.item())

    def __index__(self) -> int:
        cdef c_Dtype d = self._a.dtype()
        if self._a.ndim() != 0 or not cx.issubdtype(d, c_DtypeCategory.integer):
            raise TypeError("Only 0-dimensional integer arrays can be converted to an index.")
        return self.item()

    def __bytes__(self) -> bytes:
        return _contiguous_bytes(self)

    def __repr__(self) -> str:
        cdef string s = string()
        with nogil:
            counted_array_eval(self._a)
            s = array_to_string(self._a)
        return s.decode()

    def __str__(self) -> str:
        return self.__repr__()

    def __format__(self, spec):
        # As the reference: a 0-d array formats as its Python scalar (f"{loss:.3f}"); other
        # arrays print their repr for an empty spec and refuse any other.
        if self._a.ndim() == 0:
            return format(self.item(), spec)
        if spec:
            raise TypeError("unsupported format string passed to mlxcy.array.__format__")
        return self.__repr__()

    def __hash__(self) -> int:
        return <Py_hash_t>(<uintptr_t><PyObject*>self >> 4)

    def __copy__(self) -> array:
        return wrap(self._a)

    def __deepcopy__(self, memo: dict) -> array:
        return wrap_tmp(cops.copy(self._a, sod_default()))

    # ---- pickling: raw little-endian bytes, shape and dtype name ----
    def __getstate__(self) -> tuple:
        return (_contiguous_bytes(self), self.shape, _DTYPE_NAMES[dtype_val(self._a.dtype())])

    def __setstate__(self, state: tuple) -> None:
        if len(state) == 2:
            # A pickle the reference binding wrote: (NumPy array of the values, dtype code), the
            # code being libmlx's Dtype::Val (bfloat16 values come as their uint16 bits).
            values, code = state
            if not isinstance(code, int) or code not in _DTYPE_NAMES:
                raise ValueError(f"array.__setstate__: unknown dtype code {code!r}")
            data = memoryview(values).tobytes()   # row-major bytes of the values
            state = (data, tuple(values.shape), _DTYPE_NAMES[code])
        data, shape, name = state
        d = _dtype_by_name(name)
        count = 1
        for dim in shape:
            count *= dim
        if len(data) != (<Dtype>d).c().size() * count:
            raise ValueError(f"array.__setstate__: {len(data)} bytes do not hold shape {tuple(shape)} of {name}")
        self._a = array_copy_of(<const char*>data, len(data), to_c_shape(shape), (<Dtype>d).c())

    def __reduce__(self):
        return (_array_from_state, (self.__getstate__(),))

    # ---- the buffer protocol: a zero-copy view of the evaluated data ----
    def __getbuffer__(self, Py_buffer* buffer, int flags):
        cdef optional[c_array] a = self._a
        if self._a.dtype() == cx.bfloat16 and _ml_dtypes_module() is not None:
            # NumPy reads a buffer before __array__, and cannot read this one: refusing it lets
            # np.asarray reach __array__, which returns an ml_dtypes.bfloat16 view.
            raise BufferError("bfloat16 arrays are not exported through the buffer protocol when "
                              "ml_dtypes is installed: use np.asarray(a) or a.view(mlxcy.uint16)")
        _eval_now(deref(a))
        if not deref(a).flags().row_contiguous and (flags & PyBUF_STRIDES) != PyBUF_STRIDES:
            a = cops.contiguous(deref(a), False, sod_default())
            _eval_now(deref(a))
        cdef BufferExport* e = make_buffer_export(deref(a))
        buffer.buf = raw_data(e.arr)
        buffer.obj = self
        buffer.len = <Py_ssize_t>e.arr.nbytes()
        buffer.itemsize = <Py_ssize_t>e.arr.itemsize()
        buffer.readonly = 1 if data_is_foreign(e.arr) else 0
        if buffer.readonly and (flags & PyBUF_WRITABLE) == PyBUF_WRITABLE:
            free_buffer_export(<void*>e)
            raise BufferError("this array views memory it does not own (a NumPy/DLPack source or a "
                              "mapped file): it is exported read-only")
        buffer.ndim = <int>e.arr.ndim()
        buffer.format = <char*>e.format if (flags & PyBUF_FORMAT) else NULL
        buffer.shape = e.shape if (flags & PyBUF_ND) else NULL
        buffer.strides = e.strides if (flags & PyBUF_STRIDES) == PyBUF_STRIDES else NULL
        buffer.suboffsets = NULL
        buffer.internal = <void*>e

    def __releasebuffer__(self, Py_buffer* buffer):
        free_buffer_export(buffer.internal)

    def __array__(self, dtype: object | None = None, copy: object | None = None) -> Any:
        """A NumPy view of the array's memory (no copy for evaluated host arrays)."""
        import numpy as np
        if self._a.dtype() == cx.bfloat16:
            out = _bfloat16_numpy_view(self)
        else:
            out = np.asarray(memoryview(self))
        if dtype is not None and np.dtype(dtype) != out.dtype:
            if copy is False:
                raise ValueError("Unable to avoid a copy while converting to the requested dtype.")
            return out.astype(dtype)
        if copy:
            return out.copy()
        return out

    # ---- arithmetic ----
    def __add__(self, other: bool | int | float | array | Any | complex | ArrayLike) -> array: return _dunder(self, other, OP_ADD, False)
    def __radd__(self, other: bool | int | float | array | Any | complex | ArrayLike) -> array: return _dunder(self, other, OP_ADD, True)
    def __iadd__(self, other) -> array: return _inplace(self, other, OP_ADD)
    def __sub__(self, other: bool | int | float | array | Any | complex | ArrayLike) -> array: return _dunder(self, other, OP_SUB, False)
    def __rsub__(self, other: bool | int | float | array | Any | complex | ArrayLike) -> array: return _dunder(self, other, OP_SUB, True)
    def __isub__(self, other) -> array: return _inplace(self, other, OP_SUB)
    def __mul__(self, other: bool | int | float | array | Any | complex | ArrayLike) -> array: return _dunder(self, other, OP_MUL, False)
    def __rmul__(self, other: bool | int | float | array | Any | complex | ArrayLike) -> array: return _dunder(self, other, OP_MUL, True)
    def __imul__(self, other) -> array: return _inplace(self, other, OP_MUL)
    def __truediv__(self, other: bool | int | float | array | Any | complex | ArrayLike) -> array: return _dunder(self, other, OP_DIV, False)
    def __rtruediv__(self, other: bool | int | float | array | Any | complex | ArrayLike) -> array: return _dunder(self, other, OP_DIV, True)
    def __itruediv__(self, other) -> array:
        # true division yields floats: like the reference, refuse it in place on bool/int arrays
        if not cx.issubdtype(self._a.dtype(), c_DtypeCategory.inexact):
            raise ValueError("In place division cannot cast to non-floating point type.")
        return _inplace(self, other, OP_DIV)
    def __div__(self, other: bool | int | float | array | Any | complex | ArrayLike) -> array: return _dunder(self, other, OP_DIV, False)
    def __rdiv__(self, other: bool | int | float | array | Any | complex | ArrayLike) -> array: return _dunder(self, other, OP_DIV, True)
    def __floordiv__(self, other: bool | int | float | array | Any | complex | ArrayLike) -> array: return _dunder(self, other, OP_FLOORDIV, False)
    def __rfloordiv__(self, other: bool | int | float | array | Any | complex | ArrayLike) -> array: return _dunder(self, other, OP_FLOORDIV, True)
    def __ifloordiv__(self, other) -> array: return _inplace(self, other, OP_FLOORDIV)
    def __mod__(self, other: bool | int | float | array | Any | complex | ArrayLike) -> array: return _dunder(self, other, OP_MOD, False)
    def __rmod__(self, other: bool | int | float | array | Any | complex | ArrayLike) -> array: return _dunder(self, other, OP_MOD, True)
    def __imod__(self, other) -> array: return _inplace(self, other, OP_MOD)
    def __pow__(self, other, mod) -> array:
        if mod is not None:
            return NotImplemented
        return _dunder(self, other, OP_POW, False)
    def __rpow__(self, other, mod) -> array:
        if mod is not None:
            return NotImplemented
        return _dunder(self, other, OP_POW, True)
    def __ipow__(self, other) -> array: return _inplace(self, other, OP_POW)
    def __matmul__(self, other: array) -> array: return _dunder(self, other, OP_MATMUL, False)
    def __rmatmul__(self, other: array) -> array: return _dunder(self, other, OP_MATMUL, True)
    def __imatmul__(self, other) -> array: return _inplace(self, other, OP_MATMUL)
    def __and__(self, other: bool | int | float | array | Any | complex | ArrayLike) -> array: return _dunder(self, other, OP_AND, False)
    def __rand__(self, other: bool | int | float | array | Any | complex | ArrayLike) -> array: return _reflected_int_op(self, other, OP_AND)
    def __iand__(self, other) -> array: return _inplace(self, other, OP_AND)
    def __or__(self, other: bool | int | float | array | Any | complex | ArrayLike) -> array: return _dunder(self, other, OP_OR, False)
    def __ror__(self, other: bool | int | float | array | Any | complex | ArrayLike) -> array: return _reflected_int_op(self, other, OP_OR)
    def __ior__(self, other) -> array: return _inplace(self, other, OP_OR)
    def __xor__(self, other: bool | int | float | array | Any | complex | ArrayLike) -> array: return _dunder(self, other, OP_XOR, False)
    def __rxor__(self, other: bool | int | float | array | Any | complex | ArrayLike) -> array: return _reflected_int_op(self, other, OP_XOR)
    def __ixor__(self, other) -> array: return _inplace(self, other, OP_XOR)
    def __lshift__(self, other: bool | int | float | array | Any | complex | ArrayLike) -> array: return _dunder(self, other, OP_LSHIFT, False)
    def __rlshift__(self, other: bool | int | float | array | Any | complex | ArrayLike) -> array: return _reflected_int_op(self, other, OP_LSHIFT)
    def __ilshift__(self, other) -> array: return _inplace(self, other, OP_LSHIFT)
    def __rshift__(self, other: bool | int | float | array | Any | complex | ArrayLike) -> array: return _dunder(self, other, OP_RSHIFT, False)
    def __rrshift__(self, other: bool | int | float | array | Any | complex | ArrayLike) -> array: return _reflected_int_op(self, other, OP_RSHIFT)
    def __irshift__(self, other) -> array: return _inplace(self, other, OP_RSHIFT)

    def __eq__(self, other) -> array | bool: return _compare(self, other, OP_EQ)
    def __ne__(self, other) -> array | bool: return _compare(self, other, OP_NE)
    def __lt__(self, other) -> array: return _dunder(self, other, OP_LT, False)
    def __le__(self, other) -> array: return _dunder(self, other, OP_LE, False)
    def __gt__(self, other) -> array: return _dunder(self, other, OP_GT, False)
    def __ge__(self, other) -> array: return _dunder(self, other, OP_GE, False)

    def __neg__(self) -> array: return wrap(c_negative(self._a, sod_default()))
    def __pos__(self) -> array: return wrap(self._a)
    def __abs__(self) -> array: return wrap(c_abs(self._a, sod_default()))
    def __invert__(self) -> array:
        if cx.issubdtype(self._a.dtype(), c_DtypeCategory.inexact):
            raise ValueError("Floating point types not allowed with bitwise inversion.")
        return wrap(c_bitwise_invert(self._a, sod_default()))

    # ---- indexing (see _indexing.pxi) ----
    def __getitem__(self, idx) -> array:
        return _getitem(self, idx)

    def __setitem__(self, idx, value) -> None:
        _setitem(self, idx, value)

    # ---- DLPack (see _dlpack.pxi) ----
    def __dlpack__(self, *, stream: object | None = None, max_version: object | None = None,
                   dl_device: tuple[int, int] | None = None, copy: bool | None = None) -> Any:
        """Export the array through the DLPack protocol (zero-copy for host memory)."""
        return _dlpack_export(self, stream, max_version, dl_device, copy)

    def __dlpack_device__(self) -> tuple:
        """(device type, device id) of the array's memory, per DLPack."""
        return _dlpack_device(self)


def _array_from_state(state):
    cdef array a = array.__new__(array)
    a.__setstate__(state)
    return a


@cython.final
cdef class ArrayIterator:
    """The iterator ``iter(a)`` returns: it yields ``a[0]``, ``a[1]``, ... along the first axis.

    Made by iterating an array (``for row in a``); a 0-d array cannot be iterated.

    Parameters
    ----------
    arr : array
        The array to iterate over.

    Raises
    ------
    TypeError
        From ``iter(a)`` when ``a`` is 0-d.

    Examples
    --------
    >>> for row in mx.array([[1, 2], [3, 4]]):
    ...     print(row)
    array([1, 2], dtype=int32)
    array([3, 4], dtype=int32)
    """
    cdef array _arr
    cdef int _i
    cdef int _n

    @cython.embedsignature(True)   # the class's signature line (help(), gen_stubs)
    def __init__(self, array arr) -> None:
        self._arr = arr
        self._i = 0
        self._n = arr._a.shape(0)

    def __iter__(self) -> ArrayIterator:
        return self

    def __next__(self) -> array:
        if self._i >= self._n:
            raise StopIteration
        r = wrap_tmp(first_axis_item(self._arr._a, self._i))
        self._i += 1
        return r

