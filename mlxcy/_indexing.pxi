# NumPy-style indexing: array.__getitem__ / __setitem__ and the `.at[]` updates.
#
# A Python index is parsed here into an IndexSpec (src/indexing.h): ints and slices are
# normalised against the shape, Ellipsis expanded, None recorded by output position, boolean
# masks turned into integer arrays, and NumPy's placement rule for advanced indices decided.
# The graph itself (slice, take, gather, scatter, slice_update, ...) is built in C++.

from cpython.slice cimport PySlice_Unpack, PySlice_AdjustIndices
from cpython.number cimport PyNumber_AsSsize_t
from mlxcy.includes cimport indexing as cidx
from mlxcy.includes.indexing cimport IndexSpec

cdef enum IndexKind:
    IX_INT = 0
    IX_SLICE = 1
    IX_NONE = 2
    IX_ELLIPSIS = 3
    IX_ARRAY = 4
    IX_MASK = 5


cdef inline object _bad_index(object x):
    return ValueError(f"Cannot index mlx array using the given type ({type(x).__name__}); indices must be "
                      "integers, slices, None, Ellipsis, or integer or boolean arrays.")


cdef int _array_index_kind(const c_array& a, object x) except -1:
    cdef c_Dtype d = a.dtype()
    if d == cx.bool_:
        return IX_MASK
    if cx.issubdtype(d, c_DtypeCategory.integer):
        return IX_ARRAY
    raise ValueError(f"Arrays used as indices must be of integer or boolean type, got {_DTYPE_NAMES[dtype_val(d)]}.")


cdef bint _is_int_like(object x):
    """Python ints, and integer scalars of other libraries (NumPy's np.int64, 0-d int arrays)."""
    if isinstance(x, int):
        return True
    if not hasattr(x, "__index__"):
        return False
    if not hasattr(x, "shape"):
        return True
    return getattr(x, "shape", None) == () and getattr(getattr(x, "dtype", None), "kind", "") in ("i", "u")


cdef int _classify(object x, optional[c_array]& out) except -1:
    """The kind of one index entry; arrays (and array-likes) are converted into `out`."""
    cdef type t = type(x)
    if t is int:
        return IX_INT
    if t is slice:
        return IX_SLICE
    if x is None:
        return IX_NONE
    if x is Ellipsis:
        return IX_ELLIPSIS
    if isinstance(x, array):
        out = (<array>x)._a
        return _array_index_kind(deref(out), x)
    if isinstance(x, (bool, float, complex, str, bytes)):
        raise _bad_index(x)
    if _is_int_like(x):
        return IX_INT
    if isinstance(x, (list, tuple)):
        if len(x) == 0:
            out = array_uninit(0, to_c_shape((0,)), cx.int32)
            return IX_ARRAY
        to_c(x, out)
        return _array_index_kind(deref(out), x)
    if PyObject_CheckBuffer(x) or hasattr(x, "__mlx_array__") or hasattr(x, "__array__") \
            or hasattr(x, "__dlpack__"):
        to_c(x, out)
        return _array_index_kind(deref(out), x)
    raise _bad_index(x)


cdef inline Py_ssize_t _norm_int(object x, Py_ssize_t n, int axis) except? -1:
    cdef Py_ssize_t v = PyNumber_AsSsize_t(x, IndexError)
    if v < -n or v >= n:
        raise IndexError(f"index {v} is out of bounds for axis {axis} with size {n}")
    return v + n if v < 0 else v


cdef inline int _norm_slice(object sl, Py_ssize_t n, int32_t* start, int32_t* stop, int32_t* step,
                             int32_t* size) except -1:
    """Normalise `sl` against a dimension of size n for MLX's slice; True when it takes
    the whole axis in order."""
    cdef Py_ssize_t s0, s1, st, length
    try:
        PySlice_Unpack(sl, &s0, &s1, &st)
    except TypeError:
        raise ValueError(f"Slice indices must be integers or None, got {sl!r}.") from None
    length = PySlice_AdjustIndices(n, &s0, &s1, st)
    # Bounds are clamped to the axis by now; a step beyond it picks the same elements as a step
    # of the axis's size (MLX's slice takes 32-bit values: big Python ints clamp, as in NumPy).
    if st > n:
        st = n if n > 0 else 1
    elif st < -n:
        st = -n if n > 0 else -1
    if length == 0:
        s0 = 0
        s1 = 0
        st = 1
    elif st < 0:
        s1 = s0 + length * st
        if s1 < 0:
            s1 = -(n + 1)    # MLX reads a negative stop from the end: this one means "before 0"
    start[0] = <int32_t>s0
    stop[0] = <int32_t>s1
    step[0] = <int32_t>st
    size[0] = <int32_t>length
    return s0 == 0 and st == 1 and length == n


class BooleanIndexError(IndexError, ValueError):
    """Raised when a boolean mask does not match the shape of the axes it indexes.

    Both an ``IndexError`` (NumPy's type for this error) and a ``ValueError`` (the reference
    binding's), so code written for either catches it.

    Parameters
    ----------
    *args : object
        The message (as for any exception).

    Examples
    --------
    >>> a = mx.zeros((2, 3))
    >>> try:
    ...     a[mx.array([True, False, True])] = 1
    ... except IndexError as e:
    ...     print(type(e).__name__, isinstance(e, ValueError))
    BooleanIndexError True

    Notes
    -----
    The reference binding raises ``ValueError`` for such a mask (docs/differences.md).
    """


cdef int _check_mask(const c_array& m, const c_array& a, int axis) except -1:
    cdef int j
    if m.ndim() == 0:
        raise ValueError("0-dimensional boolean indices are not supported; use None or a 1-d mask.")
    if axis + <int>m.ndim() > <int>a.ndim():
        raise ValueError(f"Too many indices for array with {a.ndim()} dimensions.")
    for j in range(<int>m.ndim()):
        if m.shape(j) != a.shape(axis + j):
            raise BooleanIndexError(f"boolean index did not match indexed array along axis {axis + j}; size of axis "
                             f"is {a.shape(axis + j)} but size of corresponding boolean axis is {m.shape(j)}")
    return 0


cdef int _parse_index(const c_array& a, object idx, IndexSpec& spec) except -1:
    """Fill `spec` from a Python index `idx` against array `a` (NumPy semantics)."""
    cdef tuple entries = idx if type(idx) is tuple else (idx,)
    cdef Py_ssize_t n = len(entries)
    cdef Py_ssize_t i
    cdef int ndim = <int>a.ndim()
    cdef vector[int] kinds = vector[int]()
    cdef vector[int] src = vector[int]()          # entry each kind came from
    cdef vector[c_array] arrs = vector[c_array]()  # the ARRAY entries' arrays, in order
    cdef vector[c_array] parts = vector[c_array]()
    cdef optional[c_array] tmp = nullopt
    cdef optional[c_array] mk = nullopt
    cdef int k, j, consumed = 0, axis, ell_len, out, slices_before = 0, nadv = 0, first_adv = -1, last_adv = -1
    cdef int32_t s0, s1, st, sz, dim
    cdef bint has_ell = False, has_adv = False, has_mask = False, seen_adv = False
    cdef Py_ssize_t v
    cdef size_t ai = 0

    for i in range(n):
        x = entries[i]
        k = _classify(x, tmp)
        if k == IX_ARRAY:
            arrs.push_back(deref(tmp))
            has_adv = True
            consumed += 1
        elif k == IX_MASK:
            arrs.push_back(deref(tmp))
            has_adv = True
            has_mask = True
            consumed += <int>deref(tmp).ndim()
        elif k == IX_ELLIPSIS:
            if has_ell:
                raise ValueError("An index can only have a single ellipsis (...)")
            has_ell = True
        elif k != IX_NONE:
            consumed += 1
        kinds.push_back(k)
        src.push_back(<int>i)
    if consumed > ndim:
        raise ValueError(f"Too many indices for array with {ndim} dimensions.")
    ell_len = ndim - consumed

    if has_mask:
        # Masks become the integer arrays of their true positions (this evaluates the mask).
        _expand_masks(a, kinds, src, arrs, ell_len)

    # Where the advanced entries are (ints count as advanced when arrays are present), and
    # whether they sit side by side (anything in between, Ellipsis and None included, separates).
    cdef int adv_ndim = 0
    for j in range(<int>kinds.size()):
        k = kinds[j]
        if k == IX_ARRAY or (k == IX_INT and has_adv):
            if first_adv < 0:
                first_adv = j
            last_adv = j
            nadv += 1
    for ai in range(arrs.size()):
        if <int>arrs[ai].ndim() > adv_ndim:
            adv_ndim = <int>arrs[ai].ndim()
    spec.adjacent = nadv == 0 or last_adv - first_adv + 1 == nadv
    spec.adv_ndim = adv_ndim

    for j in range(ndim):
        dim = a.shape(j)
        spec.start.push_back(0)
        spec.stop.push_back(dim)
        spec.strides.push_back(1)
        spec.sizes.push_back(dim)
    spec.sliced = False

    axis = 0
    ai = 0
    out = adv_ndim if (has_adv and not spec.adjacent) else 0
    for j in range(<int>kinds.size()):
        k = kinds[j]
        if k == IX_NONE:
            spec.new_axes.push_back(out)
            out += 1
        elif k == IX_ELLIPSIS:
            axis += ell_len
            out += ell_len
            if not seen_adv:
                slices_before += ell_len
        elif k == IX_SLICE:
            if not _norm_slice(entries[src[j]], a.shape(axis), &s0, &s1, &st, &sz):
                spec.start[axis] = s0
                spec.stop[axis] = s1
                spec.strides[axis] = st
                spec.sizes[axis] = sz
                spec.sliced = True
            out += 1
            if not seen_adv:
                slices_before += 1
            axis += 1
        else:
            if k == IX_INT:
                v = _norm_int(entries[src[j]], a.shape(axis), axis)
                if has_adv:
                    spec.adv.push_back(c_array(<int64_t>v, cx.int32))
                else:
                    spec.start[axis] = <int32_t>v
                    spec.stop[axis] = <int32_t>(v + 1)
                    spec.sizes[axis] = 1
                    spec.sliced = True
                    spec.int_axes.push_back(axis)
            else:
                # index arrays converted from Python/NumPy here are host data: always checked
                cidx.check_index_values(arrs[ai], a.shape(axis), f"axis {axis}".encode(),
                                        not isinstance(entries[src[j]], array))
                spec.adv.push_back(arrs[ai])
                ai += 1
            if k == IX_ARRAY or has_adv:
                spec.adv_axes.push_back(axis)
                if not seen_adv:
                    seen_adv = True
                    if spec.adjacent:
                        spec.adv_pos = slices_before
                        out += adv_ndim
            axis += 1
    return 0


cdef int _expand_masks(const c_array& a, vector[int]& kinds, vector[int]& src, vector[c_array]& arrs,
                       int ell_len) except -1:
    """Replace each boolean mask entry by one integer-array entry per mask axis."""
    cdef vector[int] nk = vector[int]()
    cdef vector[int] ns = vector[int]()
    cdef vector[c_array] na = vector[c_array]()
    cdef vector[c_array] nz = vector[c_array]()
    cdef optional[c_array] m = nullopt
    cdef size_t j, ai = 0, q
    cdef int axis = 0, k
    for j in range(kinds.size()):
        k = kinds[j]
        if k == IX_MASK:
            m = arrs[ai]
            ai += 1
            _check_mask(deref(m), a, axis)
            with nogil:
                nz = cidx.mask_nonzero(deref(m))
            for q in range(nz.size()):
                nk.push_back(IX_ARRAY)
                ns.push_back(src[j])
                na.push_back(nz[q])
            axis += <int>deref(m).ndim()
            continue
        if k == IX_ARRAY:
            na.push_back(arrs[ai])
            ai += 1
            axis += 1
        elif k == IX_ELLIPSIS:
            axis += ell_len
        elif k != IX_NONE:
            axis += 1
        nk.push_back(k)
        ns.push_back(src[j])
    kinds.swap(nk)
    src.swap(ns)
    arrs.swap(na)
    return 0


cdef inline array _getitem_int(array a, object idx):
    cdef int n
    if a._a.ndim() == 0:
        raise ValueError("Too many indices for array with 0 dimensions.")
    n = a._a.shape(0)
    return wrap_tmp(first_axis_item(a._a, <int>_norm_int(idx, n, 0)))


cdef inline bint _is_int_array_index(array a, object idx):
    """Whether `idx` is an mlxcy integer array indexing the first axis of `a` alone (a[idx])."""
    return type(idx) is array and a._a.ndim() > 0 and cx.issubdtype((<array>idx)._a.dtype(), c_DtypeCategory.integer)


cdef int _spec_int_array(const c_array& a, const c_array& idx, IndexSpec& spec) except -1:
    """Fill `spec` as _parse_index does for a lone integer array indexing the first axis of `a`
    (the common ``a[idx] = v`` / ``a.at[idx]``), without its general bookkeeping."""
    cdef int j
    cdef int32_t dim
    cdef int zero = 0
    cidx.check_index_values(idx, a.shape(0), b"axis 0", False)
    for j in range(<int>a.ndim()):
        dim = a.shape(j)
        spec.start.push_back(0)
        spec.stop.push_back(dim)
        spec.strides.push_back(1)
        spec.sizes.push_back(dim)
    spec.sliced = False
    spec.adjacent = True
    spec.adv_ndim = <int>idx.ndim()
    spec.adv.push_back(idx)
    spec.adv_axes.push_back(zero)
    spec.adv_pos = 0
    return 0


cdef int _spec_slice(const c_array& a, object sl, IndexSpec& spec) except -1:
    """Fill `spec` as _parse_index does for a lone slice on the first axis of `a` (ndim > 0)."""
    cdef int j
    cdef int32_t dim, s0, s1, st, sz
    for j in range(<int>a.ndim()):
        dim = a.shape(j)
        spec.start.push_back(0)
        spec.stop.push_back(dim)
        spec.strides.push_back(1)
        spec.sizes.push_back(dim)
    spec.sliced = False
    spec.adjacent = True
    spec.adv_ndim = 0
    if not _norm_slice(sl, a.shape(0), &s0, &s1, &st, &sz):
        spec.start[0] = s0
        spec.stop[0] = s1
        spec.strides[0] = st
        spec.sizes[0] = sz
        spec.sliced = True
    return 0


cdef object _getitem_general(array a, object idx):
    cdef IndexSpec spec = IndexSpec()
    cdef optional[c_array] r = nullopt
    _parse_index(a._a, idx, spec)
    r = cidx.index_get(a._a, spec, sod_default())
    return wrap(deref(r))


cdef object _getitem(array a, object idx):
    cdef type t = type(idx)
    cdef int32_t s0, s1, st, sz
    # Fast paths for the common cases.
    if t is int:
        return _getitem_int(a, idx)
    if t is slice and a._a.ndim() > 0:
        if _norm_slice(idx, a._a.shape(0), &s0, &s1, &st, &sz):
            return wrap(a._a)
        return wrap_tmp(cidx.slice_first_axis(a._a, s0, s1, st, sod_default()))
    if _is_int_array_index(a, idx):
        cidx.check_index_values((<array>idx)._a, a._a.shape(0), b"axis 0", False)
        return wrap_tmp(cops.take(a._a, (<array>idx)._a, 0, sod_default()))
    if idx is None:
        return wrap_tmp(cops.expand_dims(a._a, 0, sod_default()))
    return _getitem_general(a, idx)


cdef int _value_to_c(array a, object value, optional[c_array]& out) except -1:
    """The right-hand side of an assignment as an array (it is cast to a's dtype later)."""
    if isinstance(value, array):
        out = (<array>value)._a
    elif _is_py_scalar(value):
        # as an operand next to `a`: an int that does not fit a's integer dtype is an error
        _weak_scalar(value, a._a.dtype(), out)
    else:
        to_c(value, out)
    return 0


cdef bint _lone_mask(object idx, optional[c_array]& out) except -1:
    """Whether `idx` is a single boolean mask (an array alone or in a 1-tuple, or a lone Python
    or NumPy bool, which acts as a 0-d mask); fills `out`."""
    if isinstance(idx, bool) or type(idx).__name__ == "bool_":
        out = c_array(<cbool>bool(idx), cx.bool_)
        return True
    if type(idx) is tuple and len(idx) == 1:
        idx = idx[0]
    if isinstance(idx, array):
        if (<array>idx)._a.dtype() == cx.bool_:
            out = (<array>idx)._a
            return True
        return False
    if PyObject_CheckBuffer(idx) and getattr(getattr(idx, "dtype", None), "kind", "") == "b":
        to_c(idx, out)
        return True
    return False


cdef int _updated(array a, object idx, object value, int op, optional[c_array]& res) except -1:
    """a with a[idx] set (op UPD_SET) or accumulated (add/prod/max/min) with `value`: into `res`."""
    cdef IndexSpec spec = IndexSpec()
    cdef optional[c_array] v = nullopt
    cdef optional[c_array] m = nullopt
    _value_to_c(a, value, v)
    if _is_int_array_index(a, idx):   # (not a mask: no _lone_mask check needed)
        _spec_int_array(a._a, (<array>idx)._a, spec)
        res = cidx.index_update(a._a, spec, deref(v), op, sod_default())
        return 0
    if type(idx) is slice and a._a.ndim() > 0:   # a[i:j] = v (not a mask either)
        _spec_slice(a._a, idx, spec)
        res = cidx.index_update(a._a, spec, deref(v), op, sod_default())
        return 0
    if op == cidx.UPD_SET and _lone_mask(idx, m):
        if deref(m).ndim() > 0:
            _check_mask(deref(m), a._a, 0)
        res = cidx.mask_update(a._a, deref(m), deref(v), sod_default())
        return 0
    _parse_index(a._a, idx, spec)
    res = cidx.index_update(a._a, spec, deref(v), op, sod_default())
    return 0


cdef int _setitem(array a, object idx, object value) except -1:
    cdef optional[c_array] res = nullopt
    cdef optional[c_array] v = nullopt
    if type(idx) is int and a._a.ndim() > 0:      # fast path: a[i] = v
        _value_to_c(a, value, v)
        a._a = cidx.update_first_axis(a._a, <int>_norm_int(idx, a._a.shape(0), 0), deref(v), sod_default())
        return 0
    _updated(a, idx, value, cidx.UPD_SET, res)
    a._a = deref(res)
    return 0


# What array.at's update applies to the value first: subtract adds -v, divide multiplies by 1/v.
cdef enum AtValue:
    AT_VALUE, AT_NEGATED, AT_RECIPROCAL


@cython.final
cdef class ArrayAt:
    """The object behind ``a.at``: updates of ``a`` at an index that accumulate over repeated indices.

    ``a.at[idx]`` selects where to update; its methods (``add``, ``subtract``, ``multiply``,
    ``divide``, ``maximum``, ``minimum``) return a new array, leaving ``a`` as it is. Unlike
    ``a[idx] += v``, an index that occurs several times in ``idx`` receives every update meant for
    it.

    Parameters
    ----------
    arr : array
        The array to update (usually reached as ``arr.at``).

    Examples
    --------
    >>> a = mx.array([1, 2, 3])
    >>> a.at[mx.array([0, 0, 2])].add(1)
    array([3, 2, 4], dtype=int32)
    >>> a
    array([1, 2, 3], dtype=int32)
    """
    cdef array _arr
    cdef object _idx
    cdef bint _has_idx

    @cython.embedsignature(True)   # the class's signature line (help(), gen_stubs)
    def __init__(self, array arr) -> None:
        self._arr = arr
        self._has_idx = False

    def __getitem__(self, idx) -> ArrayAt:
        cdef ArrayAt r = ArrayAt.__new__(ArrayAt)
        r._arr = self._arr
        r._idx = idx
        r._has_idx = True
        return r

    cdef object _apply(self, object value, int op, AtValue transform):
        cdef optional[c_array] res = nullopt
        cdef optional[c_array] v = nullopt
        if not self._has_idx:
            raise ValueError("Must give indices to array.at (e.g. `x.at[0].add(4)`).")
        if transform != AT_VALUE:
            # subtract adds -v; divide multiplies by 1/v (v taken in the array's dtype first).
            _value_to_c(self._arr, value, v)
            v = cops.astype(deref(v), self._arr._a.dtype(), sod_default())
            if transform == AT_NEGATED:
                if self._arr._a.dtype() != cx.bool_:   # a bool -v is v: adding it is a logical or
                    v = c_negative(deref(v), sod_default())
            else:
                v = cops.astype(c_reciprocal(deref(v), sod_default()), self._arr._a.dtype(), sod_default())
            value = wrap(deref(v))
        _updated(self._arr, self._idx, value, op, res)
        return wrap(deref(res))

    def add(self, value) -> array:
        """``a`` with ``value`` added at the index, once per occurrence of each index.

        Parameters
        ----------
        value : array or scalar
            What to add; broadcast to the indexed shape.

        Returns
        -------
        array
            A new array of ``a``'s shape and dtype.

        Raises
        ------
        ValueError
            When no index was given (``a.at.add(1)``), or ``value`` does not broadcast.

        Examples
        --------
        >>> a = mx.array([1, 2, 3])
        >>> a.at[mx.array([0, 0, 2])].add(10)
        array([21, 2, 13], dtype=int32)
        """
        return self._apply(value, cidx.UPD_ADD, AT_VALUE)

    def subtract(self, value) -> array:
        """``a`` with ``value`` subtracted at the index, once per occurrence of each index.

        Parameters
        ----------
        value : array or scalar
            What to subtract; broadcast to the indexed shape.

        Returns
        -------
        array
            A new array of ``a``'s shape and dtype.

        Raises
        ------
        ValueError
            When no index was given, or ``value`` does not broadcast.

        Examples
        --------
        >>> a = mx.array([8, 2, 3])
        >>> a.at[mx.array([0, 0])].subtract(2)
        array([4, 2, 3], dtype=int32)
        """
        return self._apply(value, cidx.UPD_ADD, AT_NEGATED)

    def multiply(self, value) -> array:
        """``a`` multiplied by ``value`` at the index, once per occurrence of each index.

        Parameters
        ----------
        value : array or scalar
            The factor; broadcast to the indexed shape.

        Returns
        -------
        array
            A new array of ``a``'s shape and dtype.

        Raises
        ------
        ValueError
            When no index was given, or ``value`` does not broadcast.

        Examples
        --------
        >>> a = mx.array([1.0, 2.0, 3.0])
        >>> a.at[mx.array([0, 0])].multiply(2)
        array([4, 2, 3], dtype=float32)
        """
        return self._apply(value, cidx.UPD_PROD, AT_VALUE)

    def divide(self, value) -> array:
        """``a`` divided by ``value`` at the index, once per occurrence of each index.

        Computed as a multiplication by ``1 / value`` in ``a``'s dtype, so for an integer array the
        reciprocal is truncated first (dividing by 2 makes 0).

        Parameters
        ----------
        value : array or scalar
            The divisor; broadcast to the indexed shape.

        Returns
        -------
        array
            A new array of ``a``'s shape and dtype.

        Raises
        ------
        ValueError
            When no index was given, or ``value`` does not broadcast.

        Examples
        --------
        >>> a = mx.array([8.0, 2.0, 3.0])
        >>> a.at[mx.array([0, 0])].divide(2)
        array([2, 2, 3], dtype=float32)

        Notes
        -----
        The result keeps ``a``'s dtype for every index; the reference binding promotes it for the
        ``...`` index only (docs/differences.md).
        """
        return self._apply(value, cidx.UPD_PROD, AT_RECIPROCAL)

    def maximum(self, value) -> array:
        """``a`` with the larger of it and ``value`` at the index.

        With a repeated index, the largest of the values meant for it wins.

        Parameters
        ----------
        value : array or scalar
            The values to compare with; broadcast to the indexed shape.

        Returns
        -------
        array
            A new array of ``a``'s shape and dtype.

        Raises
        ------
        ValueError
            When no index was given, or ``value`` does not broadcast.

        Examples
        --------
        >>> a = mx.array([8, 2, 3])
        >>> a.at[mx.array([0, 1])].maximum(5)
        array([8, 5, 3], dtype=int32)
        """
        return self._apply(value, cidx.UPD_MAX, AT_VALUE)

    def minimum(self, value) -> array:
        """``a`` with the smaller of it and ``value`` at the index.

        With a repeated index, the smallest of the values meant for it wins.

        Parameters
        ----------
        value : array or scalar
            The values to compare with; broadcast to the indexed shape.

        Returns
        -------
        array
            A new array of ``a``'s shape and dtype.

        Raises
        ------
        ValueError
            When no index was given, or ``value`` does not broadcast.

        Examples
        --------
        >>> a = mx.array([8, 2, 3])
        >>> a.at[mx.array([0, 1])].minimum(5)
        array([5, 2, 3], dtype=int32)
        """
        return self._apply(value, cidx.UPD_MIN, AT_VALUE)
