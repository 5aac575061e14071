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


cdef str _buffer_format(c_Dtype d):
    cdef int v = dtype_val(d)
    return ("?", "B", "H", "I", "Q", "b", "h", "i", "q", "e", "f", "d", "bfloat16", "Zf")[v]


cdef inline void _eval_now(c_array& a) except *:
    with nogil:
        a.eval()


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
    if type(a) is array and type(b) is array and stream is None and not is_bitwise_op(op):   # fast path
        with nogil:
            r = binary_op(op, (<array>a)._a, (<array>b)._a, s)
        if op == OP_FLOORDIV or op == OP_MOD:
            check_integer_division((<array>a)._a, (<array>b)._a, False)
        return wrap(deref(r))
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
    """An N-dimensional array: the node of a lazily evaluated computation graph.

    ``array(val, dtype=None)`` makes one from a Python scalar, a (nested) list or tuple, another
    array, or any object with the buffer protocol or DLPack (e.g. a NumPy array). Python ints
    become int32 (int64 if they need it), floats float32, complexes complex64; NumPy float64
    becomes float32 unless ``dtype`` says otherwise. ``array`` always copies its input; see
    :func:`asarray` to share memory instead.
    """

    def __init__(self, val, dtype=None):
        cdef optional[c_Dtype] d = nullopt
        if dtype is not None:
            d = to_c_dtype(dtype)
        cdef optional[c_array] out = nullopt
        _to_c_impl(val, d, out)
        self._a = deref(out)

    # ---- basic properties ----
    @property
    def shape(self):
        """The shape of the array as a tuple of ints."""
        return shape_tuple(self._a.shape())

    @property
    def dtype(self):
        """The :class:`Dtype` of the array's elements."""
        return py_dtype(self._a.dtype())

    @property
    def ndim(self):
        """The number of dimensions."""
        return self._a.ndim()

    @property
    def size(self):
        """The number of elements."""
        return self._a.size()

    @property
    def itemsize(self):
        """The size of one element in bytes."""
        return self._a.itemsize()

    @property
    def nbytes(self):
        """The number of bytes the elements take (size * itemsize)."""
        return self._a.nbytes()

    @property
    def T(self):
        """The array with its axes reversed (``transpose()``)."""
        return wrap(cops.transpose(self._a, sod_default()))

    @property
    def real(self):
        """The real part of the array."""
        return wrap(cops.real(self._a, sod_default()))

    @property
    def imag(self):
        """The imaginary part of the array."""
        return wrap(cops.imag(self._a, sod_default()))

    # ---- conversion to Python ----
    def item(self):
        """The single element of a size-1 array as a Python scalar (evaluates the array)."""
        if self._a.size() != 1:
            raise ValueError("[convert] Only length-1 arrays can be converted to Python scalars.")
        _eval_now(self._a)
        return item_of(self._a)

    def tolist(self):
        """The array as nested Python lists of scalars (a scalar for a 0-d array)."""
        _eval_now(self._a)
        return to_list(self._a)

    def astype(self, dtype, stream=None):
        """A copy of the array cast to ``dtype``."""
        return wrap(cops.astype(self._a, to_c_dtype(dtype), to_sod(stream)))

    # ---- methods mirroring the ops: each delegates to the op of the mlxcy namespace ----
    def abs(self, *, stream=None):
        """Element-wise absolute value (see :func:`abs`)."""
        return wrap(cops.abs(self._a, to_sod(stream)))

    def all(self, axis=None, keepdims=False, *, stream=None):
        """Whether all elements are true, over ``axis`` (see :func:`all`)."""
        return _METHOD_OPS.all(self, axis, keepdims, stream=stream)

    def any(self, axis=None, keepdims=False, *, stream=None):
        """Whether any element is true, over ``axis`` (see :func:`any`)."""
        return _METHOD_OPS.any(self, axis, keepdims, stream=stream)

    def argmax(self, axis=None, keepdims=False, *, stream=None):
        """Indices of the maxima along ``axis`` (see :func:`argmax`)."""
        return _METHOD_OPS.argmax(self, axis, keepdims, stream=stream)

    def argmin(self, axis=None, keepdims=False, *, stream=None):
        """Indices of the minima along ``axis`` (see :func:`argmin`)."""
        return _METHOD_OPS.argmin(self, axis, keepdims, stream=stream)

    def conj(self, *, stream=None):
        """Element-wise complex conjugate (see :func:`conj`)."""
        return _METHOD_OPS.conj(self, stream=stream)

    def cos(self, *, stream=None):
        """Element-wise cosine (see :func:`cos`)."""
        return _METHOD_OPS.cos(self, stream=stream)

    def cummax(self, axis=None, *, reverse=False, inclusive=True, stream=None):
        """Cumulative maximum along ``axis`` (see :func:`cummax`)."""
        return _METHOD_OPS.cummax(self, axis, reverse=reverse, inclusive=inclusive, stream=stream)

    def cummin(self, axis=None, *, reverse=False, inclusive=True, stream=None):
        """Cumulative minimum along ``axis`` (see :func:`cummin`)."""
        return _METHOD_OPS.cummin(self, axis, reverse=reverse, inclusive=inclusive, stream=stream)

    def cumprod(self, axis=None, *, reverse=False, inclusive=True, stream=None):
        """Cumulative product along ``axis`` (see :func:`cumprod`)."""
        return _METHOD_OPS.cumprod(self, axis, reverse=reverse, inclusive=inclusive, stream=stream)

    def cumsum(self, axis=None, *, reverse=False, inclusive=True, stream=None):
        """Cumulative sum along ``axis`` (see :func:`cumsum`)."""
        return _METHOD_OPS.cumsum(self, axis, reverse=reverse, inclusive=inclusive, stream=stream)

    def diag(self, k=0, *, stream=None):
        """The ``k``-th diagonal of a 2-D array, or a diagonal matrix from a 1-D one (see :func:`diag`)."""
        return _METHOD_OPS.diag(self, k, stream=stream)

    def diagonal(self, offset=0, axis1=0, axis2=1, stream=None):
        """The diagonal at ``offset`` of the ``axis1``/``axis2`` planes (see :func:`diagonal`)."""
        return _METHOD_OPS.diagonal(self, offset, axis1, axis2, stream=stream)

    def exp(self, *, stream=None):
        """Element-wise exponential (see :func:`exp`)."""
        return _METHOD_OPS.exp(self, stream=stream)

    def flatten(self, start_axis=0, end_axis=-1, *, stream=None):
        """The axes ``start_axis`` to ``end_axis`` merged into one (see :func:`flatten`)."""
        return _METHOD_OPS.flatten(self, start_axis, end_axis, stream=stream)

    def log(self, *, stream=None):
        """Element-wise natural logarithm (see :func:`log`)."""
        return _METHOD_OPS.log(self, stream=stream)

    def log10(self, *, stream=None):
        """Element-wise base-10 logarithm (see :func:`log10`)."""
        return _METHOD_OPS.log10(self, stream=stream)

    def log1p(self, *, stream=None):
        """Element-wise ``log(1 + x)`` (see :func:`log1p`)."""
        return _METHOD_OPS.log1p(self, stream=stream)

    def log2(self, *, stream=None):
        """Element-wise base-2 logarithm (see :func:`log2`)."""
        return _METHOD_OPS.log2(self, stream=stream)

    def logcumsumexp(self, axis=None, *, reverse=False, inclusive=True, stream=None):
        """Cumulative log-sum-exp along ``axis`` (see :func:`logcumsumexp`)."""
        return _METHOD_OPS.logcumsumexp(self, axis, reverse=reverse, inclusive=inclusive, stream=stream)

    def logsumexp(self, axis=None, keepdims=False, *, stream=None):
        """Log-sum-exp reduction over ``axis`` (see :func:`logsumexp`)."""
        return _METHOD_OPS.logsumexp(self, axis, keepdims, stream=stream)

    def max(self, axis=None, keepdims=False, *, stream=None):
        """Maximum over ``axis`` (see :func:`max`)."""
        return _METHOD_OPS.max(self, axis, keepdims, stream=stream)

    def mean(self, axis=None, keepdims=False, *, stream=None):
        """Mean over ``axis`` (see :func:`mean`)."""
        return _METHOD_OPS.mean(self, axis, keepdims, stream=stream)

    def min(self, axis=None, keepdims=False, *, stream=None):
        """Minimum over ``axis`` (see :func:`min`)."""
        return _METHOD_OPS.min(self, axis, keepdims, stream=stream)

    def moveaxis(self, source, destination, *, stream=None):
        """The axis ``source`` moved to position ``destination`` (see :func:`moveaxis`)."""
        return _METHOD_OPS.moveaxis(self, source, destination, stream=stream)

    def prod(self, axis=None, keepdims=False, *, stream=None):
        """Product over ``axis`` (see :func:`prod`)."""
        return _METHOD_OPS.prod(self, axis, keepdims, stream=stream)

    def reciprocal(self, *, stream=None):
        """Element-wise ``1 / x`` (see :func:`reciprocal`)."""
        return _METHOD_OPS.reciprocal(self, stream=stream)

    def reshape(self, *shape, stream=None):
        """The array with a new shape, given as one sequence or as separate ints (``-1`` infers a size)."""
        if len(shape) == 1 and not isinstance(shape[0], int):
            shape = shape[0]
        return wrap(cops.reshape(self._a, to_c_shape(shape), to_sod(stream)))

    def round(self, decimals=0, *, stream=None):
        """Rounded to ``decimals`` decimal places (see :func:`round`)."""
        return _METHOD_OPS.round(self, decimals, stream=stream)

    def rsqrt(self, *, stream=None):
        """Element-wise ``1 / sqrt(x)`` (see :func:`rsqrt`)."""
        return _METHOD_OPS.rsqrt(self, stream=stream)

    def sin(self, *, stream=None):
        """Element-wise sine (see :func:`sin`)."""
        return _METHOD_OPS.sin(self, stream=stream)

    def split(self, indices_or_sections, axis=0, *, stream=None):
        """Split along ``axis`` into equal sections or at the given indices (see :func:`split`)."""
        return _METHOD_OPS.split(self, indices_or_sections, axis, stream=stream)

    def sqrt(self, *, stream=None):
        """Element-wise square root (see :func:`sqrt`)."""
        return _METHOD_OPS.sqrt(self, stream=stream)

    def square(self, *, stream=None):
        """Element-wise square (see :func:`square`)."""
        return _METHOD_OPS.square(self, stream=stream)

    def squeeze(self, axis=None, *, stream=None):
        """The size-1 axes (or the given ones) removed (see :func:`squeeze`)."""
        return _METHOD_OPS.squeeze(self, axis, stream=stream)

    def std(self, axis=None, keepdims=False, ddof=0, *, correction=None, stream=None):
        """Standard deviation over ``axis``; ``correction``, when given, replaces ``ddof`` (see :func:`std`)."""
        if not isinstance(ddof, int):   # checked even when correction replaces it (as the reference does)
            raise TypeError(f"std(): ddof must be an int, got {type(ddof).__name__}")
        return _METHOD_OPS.std(self, axis, keepdims, ddof if correction is None else correction, stream=stream)

    def sum(self, axis=None, keepdims=False, *, stream=None):
        """Sum over ``axis`` (see :func:`sum`)."""
        return _METHOD_OPS.sum(self, axis, keepdims, stream=stream)

    def swapaxes(self, axis1, axis2, *, stream=None):
        """The axes ``axis1`` and ``axis2`` interchanged (see :func:`swapaxes`)."""
        return _METHOD_OPS.swapaxes(self, axis1, axis2, stream=stream)

    def transpose(self, *axes, stream=None):
        """The axes permuted, given as one sequence or separate ints (reversed when none)."""
        if len(axes) == 0:
            return wrap(cops.transpose(self._a, to_sod(stream)))
        if len(axes) == 1 and not isinstance(axes[0], int):
            if axes[0] is None:
                return wrap(cops.transpose(self._a, to_sod(stream)))
            axes = axes[0]
        return wrap(cops.transpose(self._a, to_axes(axes), to_sod(stream)))

    def var(self, axis=None, keepdims=False, ddof=0, *, correction=None, stream=None):
        """Variance over ``axis``; ``correction``, when given, replaces ``ddof`` (see :func:`var`)."""
        if not isinstance(ddof, int):   # checked even when correction replaces it (as the reference does)
            raise TypeError(f"var(): ddof must be an int, got {type(ddof).__name__}")
        return _METHOD_OPS.var(self, axis, keepdims, ddof if correction is None else correction, stream=stream)

    def view(self, dtype, *, stream=None):
        """The same bytes read as ``dtype``; the last axis scales by the size ratio (see :func:`view`)."""
        return _METHOD_OPS.view(self, dtype, stream=stream)

    @property
    def mT(self):
        """The array with its last two axes swapped."""
        cdef int nd = <int>self._a.ndim()
        cdef vector[int] perm = vector[int]()
        cdef int i
        if nd < 2:
            raise ValueError("[matrix_transpose] Input array must have at least 2 dimensions.")
        for i in range(nd - 2):
            perm.push_back(i)
        perm.push_back(nd - 1)
        perm.push_back(nd - 2)
        return wrap(cops.transpose(self._a, perm, sod_default()))

    @property
    def at(self):
        """Out-of-place updates that accumulate over repeated indices: ``a.at[idx].add(v)``."""
        return ArrayAt(self)

    def __array_namespace__(self, api_version=None):
        """The array-API namespace of these arrays (the mlxcy module)."""
        if api_version is not None:
            raise ValueError("Explicitly specifying api_version is not yet implemented.")
        return _ns()

    def __len__(self):
        if self._a.ndim() == 0:
            raise TypeError("len() 0-dimensional array.")
        return self._a.shape(0)

    def __iter__(self):
        if self._a.ndim() == 0:
            raise TypeError("iter() 0-dimensional array.")
        return ArrayIterator(self)

    def __bool__(self):
        return bool(self.item())

    def __int__(self):
        return int(self.item())

    def __float__(self):
        return float(self.item())

    def __complex__(self):
        return complex(self.item())

    def __index__(self):
        cdef c_Dtype d = self._a.dtype()
        if self._a.ndim() != 0 or not cx.issubdtype(d, c_DtypeCategory.integer):
            raise TypeError("Only 0-dimensional integer arrays can be converted to an index.")
        return self.item()

    def __bytes__(self):
        return _contiguous_bytes(self)

    def __repr__(self):
        cdef string s = string()
        with nogil:
            s = array_to_string(self._a)
        return s.decode()

    def __str__(self):
        return self.__repr__()

    def __format__(self, spec):
        # As the reference: a 0-d array formats as its Python scalar (f"{loss:.3f}"); other
        # arrays print their repr for an empty spec and refuse any other.
        if self._a.ndim() == 0:
            return format(self.item(), spec)
        if spec:
            raise TypeError("unsupported format string passed to mlxcy.array.__format__")
        return self.__repr__()

    def __hash__(self):
        return <Py_hash_t>(<uintptr_t><PyObject*>self >> 4)

    def __copy__(self):
        return wrap(self._a)

    def __deepcopy__(self, memo):
        return wrap(cops.copy(self._a, sod_default()))

    # ---- pickling: raw little-endian bytes, shape and dtype name ----
    def __getstate__(self):
        return (_contiguous_bytes(self), self.shape, _DTYPE_NAMES[dtype_val(self._a.dtype())])

    def __setstate__(self, state):
        if len(state) == 2:
            # A pickle the reference binding wrote: (NumPy array of the values, dtype code), the
            # code being libmlx's Dtype::Val (bfloat16 values come as their uint16 bits).
            values, code = state
            if not isinstance(code, int) or not 0 <= code < len(_dtype_table):
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
        fmt = _buffer_format(deref(a).dtype()).encode()
        cdef BufferExport* e = make_buffer_export(deref(a), <const char*>fmt)
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
        buffer.format = <char*>e.format.c_str() if (flags & PyBUF_FORMAT) else NULL
        buffer.shape = e.shape.data() if (flags & PyBUF_ND) else NULL
        buffer.strides = e.strides.data() if (flags & PyBUF_STRIDES) == PyBUF_STRIDES else NULL
        buffer.suboffsets = NULL
        buffer.internal = <void*>e

    def __releasebuffer__(self, Py_buffer* buffer):
        free_buffer_export(buffer.internal)

    def __array__(self, dtype=None, copy=None):
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
    def __add__(self, other): return _dunder(self, other, OP_ADD, False)
    def __radd__(self, other): return _dunder(self, other, OP_ADD, True)
    def __iadd__(self, other): return _inplace(self, other, OP_ADD)
    def __sub__(self, other): return _dunder(self, other, OP_SUB, False)
    def __rsub__(self, other): return _dunder(self, other, OP_SUB, True)
    def __isub__(self, other): return _inplace(self, other, OP_SUB)
    def __mul__(self, other): return _dunder(self, other, OP_MUL, False)
    def __rmul__(self, other): return _dunder(self, other, OP_MUL, True)
    def __imul__(self, other): return _inplace(self, other, OP_MUL)
    def __truediv__(self, other): return _dunder(self, other, OP_DIV, False)
    def __rtruediv__(self, other): return _dunder(self, other, OP_DIV, True)
    def __itruediv__(self, other):
        # true division yields floats: like the reference, refuse it in place on bool/int arrays
        if not cx.issubdtype(self._a.dtype(), c_DtypeCategory.inexact):
            raise ValueError("In place division cannot cast to non-floating point type.")
        return _inplace(self, other, OP_DIV)
    def __div__(self, other): return _dunder(self, other, OP_DIV, False)
    def __rdiv__(self, other): return _dunder(self, other, OP_DIV, True)
    def __floordiv__(self, other): return _dunder(self, other, OP_FLOORDIV, False)
    def __rfloordiv__(self, other): return _dunder(self, other, OP_FLOORDIV, True)
    def __ifloordiv__(self, other): return _inplace(self, other, OP_FLOORDIV)
    def __mod__(self, other): return _dunder(self, other, OP_MOD, False)
    def __rmod__(self, other): return _dunder(self, other, OP_MOD, True)
    def __imod__(self, other): return _inplace(self, other, OP_MOD)
    def __pow__(self, other, mod):
        if mod is not None:
            return NotImplemented
        return _dunder(self, other, OP_POW, False)
    def __rpow__(self, other, mod):
        if mod is not None:
            return NotImplemented
        return _dunder(self, other, OP_POW, True)
    def __ipow__(self, other): return _inplace(self, other, OP_POW)
    def __matmul__(self, other): return _dunder(self, other, OP_MATMUL, False)
    def __rmatmul__(self, other): return _dunder(self, other, OP_MATMUL, True)
    def __imatmul__(self, other): return _inplace(self, other, OP_MATMUL)
    def __and__(self, other): return _dunder(self, other, OP_AND, False)
    def __rand__(self, other): return _reflected_int_op(self, other, OP_AND)
    def __iand__(self, other): return _inplace(self, other, OP_AND)
    def __or__(self, other): return _dunder(self, other, OP_OR, False)
    def __ror__(self, other): return _reflected_int_op(self, other, OP_OR)
    def __ior__(self, other): return _inplace(self, other, OP_OR)
    def __xor__(self, other): return _dunder(self, other, OP_XOR, False)
    def __rxor__(self, other): return _reflected_int_op(self, other, OP_XOR)
    def __ixor__(self, other): return _inplace(self, other, OP_XOR)
    def __lshift__(self, other): return _dunder(self, other, OP_LSHIFT, False)
    def __rlshift__(self, other): return _reflected_int_op(self, other, OP_LSHIFT)
    def __ilshift__(self, other): return _inplace(self, other, OP_LSHIFT)
    def __rshift__(self, other): return _dunder(self, other, OP_RSHIFT, False)
    def __rrshift__(self, other): return _reflected_int_op(self, other, OP_RSHIFT)
    def __irshift__(self, other): return _inplace(self, other, OP_RSHIFT)

    def __eq__(self, other): return _compare(self, other, OP_EQ)
    def __ne__(self, other): return _compare(self, other, OP_NE)
    def __lt__(self, other): return _dunder(self, other, OP_LT, False)
    def __le__(self, other): return _dunder(self, other, OP_LE, False)
    def __gt__(self, other): return _dunder(self, other, OP_GT, False)
    def __ge__(self, other): return _dunder(self, other, OP_GE, False)

    def __neg__(self): return wrap(cops.negative(self._a, sod_default()))
    def __pos__(self): return wrap(self._a)
    def __abs__(self): return wrap(cops.abs(self._a, sod_default()))
    def __invert__(self):
        if cx.issubdtype(self._a.dtype(), c_DtypeCategory.inexact):
            raise ValueError("Floating point types not allowed with bitwise inversion.")
        return wrap(cops.bitwise_invert(self._a, sod_default()))

    # ---- indexing (see _indexing.pxi) ----
    def __getitem__(self, idx):
        return _getitem(self, idx)

    def __setitem__(self, idx, value):
        _setitem(self, idx, value)

    # ---- DLPack (see _dlpack.pxi) ----
    def __dlpack__(self, *, stream=None, max_version=None, dl_device=None, copy=None):
        """Export the array through the DLPack protocol (zero-copy for host memory)."""
        return _dlpack_export(self, stream, max_version, dl_device, copy)

    def __dlpack_device__(self):
        """(device type, device id) of the array's memory, per DLPack."""
        return _dlpack_device(self)


def _array_from_state(state):
    cdef array a = array.__new__(array)
    a.__setstate__(state)
    return a


@cython.final
cdef class ArrayIterator:
    """Iterates over the first axis of an array, yielding sub-arrays."""
    cdef array _arr
    cdef int _i
    cdef int _n

    def __init__(self, array arr):
        self._arr = arr
        self._i = 0
        self._n = arr._a.shape(0)

    def __iter__(self):
        return self

    def __next__(self):
        if self._i >= self._n:
            raise StopIteration
        r = wrap(first_axis_item(self._arr._a, self._i))
        self._i += 1
        return r

