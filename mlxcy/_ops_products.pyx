# cython: language_level=3, cpp_locals=True
"""Matrix products, einsum, convolutions and quantization of mlx.core (``matmul`` lives in _core).

Like the reference binding, these ops take `array` arguments only (no lists, scalars or NumPy
arrays): anything else is a TypeError naming the argument.
"""
from cython.operator cimport dereference as deref
from libcpp cimport bool as cbool
from libcpp.optional cimport optional, nullopt
from libcpp.pair cimport pair
from libcpp.string cimport string
from libcpp.vector cimport vector

from mlxcy._core cimport array, wrap, wrap_tmp, wrap_list, to_sod, to_c_dtype, to_c_shape, to_int32, to_flag
from mlxcy.includes.mlx cimport array as c_array, Dtype as c_Dtype, StreamOrDevice, DeviceType, uint32
from mlxcy.includes cimport mlx as cx
from mlxcy.includes cimport ops
from mlxcy._arguments cimport (array_arg, opt_array_arg, array_list_arg, array_list_into, stream_arg, opt_int_arg, int_list_arg,
                              str_arg)
from mlxcy.includes.indexing cimport check_batch_indices
from mlxcy.includes.ops cimport int3

from operator import index as _index

from mlxcy._core import bfloat16, cpu as _cpu


# ---- argument checking ----------------------------------------------------------------------






cdef optional[int] _opt_group_arg(object x, str fname, str argname) except *:
    """A quantization ``group_size`` or ``bits``: libmlx divides by it (a zero kills the process
    with SIGFPE, in the reference too), so it must be positive."""
    cdef optional[int] out = opt_int_arg(x, fname, argname)
    if out.has_value() and out.value() <= 0:
        raise ValueError(f"[{fname}] The requested {'group size' if argname == 'group_size' else 'number of bits'} "
                         f"{out.value()} is not supported: it must be positive.")
    return out




cdef vector[int] _ntuple(object x, int n, str fname, str argname) except *:
    """An int repeated `n` times, or a sequence of exactly `n` ints."""
    cdef vector[int] out = vector[int]()
    cdef int v
    if isinstance(x, (list, tuple)):
        if len(x) != n:
            raise TypeError(f"{fname}(): argument '{argname}' must be an int or a tuple of {n} "
                            f"ints, got a sequence of length {len(x)}")
        return int_list_arg(x, fname, argname, False)
    try:
        v = to_int32(x, fname, argname)
    except TypeError:
        raise TypeError(f"{fname}(): argument '{argname}' must be an int or a tuple of {n} ints, "
                        f"got {type(x).__name__}") from None
    out.assign(n, v)
    return out


cdef inline pair[int, int] _pair(const vector[int]& v):
    return pair[int, int](v[0], v[1])


cdef inline int3 _triple(const vector[int]& v):
    return int3(v[0], v[1], v[2])



# ---- matrix products --------------------------------------------------------------------------

def addmm(c: array, a: array, b: array, /, alpha: float = 1.0, beta: float = 1.0, *,
          stream: StreamOrDevice = None) -> array:
    """Matrix product plus a scaled addend in one op: ``alpha * (a @ b) + beta * c``.

    ``a`` and ``b`` multiply as in :func:`matmul` (batch dimensions broadcast) and ``c`` broadcasts to
    the shape of the product. Only real floating-point dtypes are supported.

    Parameters
    ----------
    c : array
        The addend.
    a : array
        The left matrix (or batch of matrices).
    b : array
        The right matrix (or batch of matrices).
    alpha : float, optional
        The factor of the product. Default: ``1.0``.
    beta : float, optional
        The factor of ``c``. Default: ``1.0``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        ``alpha * (a @ b) + beta * c``, of the product's shape and the promoted floating-point dtype.

    Raises
    ------
    TypeError
        When ``a``, ``b`` or ``c`` is not an array.
    ValueError
        When the inner dimensions do not match, ``c`` does not broadcast to the product, or the
        promoted dtype is not a real floating-point type.

    Examples
    --------
    >>> a = mx.array([[1.0, 2.0], [3.0, 4.0]])
    >>> mx.addmm(mx.array([1.0, 1.0]), a, mx.eye(2), alpha=2.0, beta=0.5)
    array([[2.5, 4.5],
           [6.5, 8.5]], dtype=float32)
    """
    cdef optional[c_array] xc = nullopt, xa = nullopt, xb = nullopt
    xc = array_arg(c, "addmm", "c")._a
    xa = array_arg(a, "addmm", "a")._a
    xb = array_arg(b, "addmm", "b")._a
    cdef float fa = alpha, fb = beta
    return wrap_tmp(ops.addmm(deref(xc), deref(xa), deref(xb), fa, fb, stream_arg(stream)))


def inner(a: array, b: array, /, *, stream: StreamOrDevice = None) -> array:
    """Inner product over the last axes of ``a`` and ``b``.

    For vectors this is the dot product. In general every vector along the last axis of ``a`` is
    multiplied with every vector along the last axis of ``b``; for matrices
    ``inner(a, b)[i, j] = sum(a[i, :] * b[j, :])``. A 0-d operand multiplies the other element-wise.

    Parameters
    ----------
    a : array
        The first operand.
    b : array
        The second operand; its last axis must have the length of ``a``'s.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The inner products, of shape ``a.shape[:-1] + b.shape[:-1]``.

    Raises
    ------
    TypeError
        When ``a`` or ``b`` is not an array.
    ValueError
        When the last dimensions differ, or both operands are integer (the product is computed as a
        floating-point matrix product).

    Examples
    --------
    >>> mx.inner(mx.array([1.0, 2.0, 3.0]), mx.array([4.0, 5.0, 6.0]))
    array(32, dtype=float32)
    >>> a = mx.array([[1.0, 2.0], [3.0, 4.0]])
    >>> mx.inner(a, a)
    array([[5, 11],
           [11, 25]], dtype=float32)
    """
    cdef optional[c_array] xa = nullopt, xb = nullopt
    xa = array_arg(a, "inner", "a")._a
    xb = array_arg(b, "inner", "b")._a
    return wrap_tmp(ops.inner(deref(xa), deref(xb), stream_arg(stream)))


def outer(a: array, b: array, /, *, stream: StreamOrDevice = None) -> array:
    """Outer product of ``a`` and ``b``, both flattened to vectors first.

    Parameters
    ----------
    a : array
        The first operand (flattened), of ``n`` elements.
    b : array
        The second operand (flattened), of ``m`` elements.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The ``(n, m)`` matrix ``a[i] * b[j]``, of the promoted dtype.

    Raises
    ------
    TypeError
        When ``a`` or ``b`` is not an array.
    MemoryError
        When the result is too large to allocate.

    Examples
    --------
    >>> mx.outer(mx.array([1, 2]), mx.array([1, 10, 100]))
    array([[1, 10, 100],
           [2, 20, 200]], dtype=int32)

    Notes
    -----
    A result too large to allocate is a ``MemoryError`` when the op is called; the reference binding
    crashes when it is evaluated.
    """
    cdef optional[c_array] xa = nullopt, xb = nullopt
    xa = array_arg(a, "outer", "a")._a
    xb = array_arg(b, "outer", "b")._a
    return wrap_tmp(ops.outer(deref(xa), deref(xb), stream_arg(stream)))


def vecdot(a: array, b: array, /, *, axis: int = -1, stream: StreamOrDevice = None) -> array:
    """Dot product of vectors along one axis, conjugating ``a`` when it is complex.

    Computes ``sum(conj(a) * b, axis)``. Both operands must have the same length along ``axis``.

    Parameters
    ----------
    a : array
        The first vectors (conjugated when complex).
    b : array
        The second vectors.
    axis : int, optional
        The axis holding the vectors. Default: ``-1``, the last one.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The dot products, with ``axis`` removed, of the promoted dtype.

    Raises
    ------
    TypeError
        When ``a`` or ``b`` is not an array, or ``axis`` is not an integer.
    ValueError
        When the lengths along ``axis`` differ.
    IndexError
        When ``axis`` is out of range.

    Examples
    --------
    >>> mx.vecdot(mx.array([1, 2, 3]), mx.array([4, 5, 6]))
    array(32, dtype=int32)
    >>> mx.vecdot(mx.array([1j, 2]), mx.array([1j, 2]))
    array(5+0j, dtype=complex64)
    >>> a = mx.array([[1.0, 2.0], [3.0, 4.0]])
    >>> mx.vecdot(a, a, axis=0)
    array([10, 20], dtype=float32)
    """
    cdef optional[c_array] xa = nullopt, xb = nullopt
    xa = array_arg(a, "vecdot", "a")._a
    xb = array_arg(b, "vecdot", "b")._a
    return wrap_tmp(ops.vecdot(deref(xa), deref(xb), to_int32(axis, "vecdot", "axis"), stream_arg(stream)))


def tensordot(a: array, b: array, /, axes: int | list[Sequence[int]] = 2, *,
              stream: StreamOrDevice = None) -> array:
    """Tensor contraction: sum of products over chosen axes of ``a`` and ``b``.

    With an int ``axes = n`` the last ``n`` axes of ``a`` are contracted with the first ``n`` axes of
    ``b`` (``axes=1`` is the matrix product, ``axes=0`` the outer product). With
    ``axes = [axes_a, axes_b]`` the listed axes are contracted pairwise. The contraction is computed
    as a matrix product, so integer operands are refused.

    Parameters
    ----------
    a : array
        The first operand.
    b : array
        The second operand.
    axes : int or list(list(int)), optional
        How many axes to contract, or the two lists of axes. Default: ``2``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The uncontracted axes of ``a`` followed by those of ``b``.

    Raises
    ------
    TypeError
        When ``a`` or ``b`` is not an array, or ``axes`` is neither an int nor a list of two lists.
    ValueError
        When ``axes`` does not hold two lists, an axis is out of range, the contracted lengths
        differ, or the operands are integer.

    Examples
    --------
    >>> a = mx.array([[1.0, 2.0], [3.0, 4.0]])
    >>> mx.tensordot(a, a)
    array(30, dtype=float32)
    >>> mx.tensordot(a, a, axes=1)
    array([[7, 10],
           [15, 22]], dtype=float32)
    >>> mx.tensordot(a, a, axes=[[0], [0]])
    array([[10, 14],
           [14, 20]], dtype=float32)
    """
    cdef optional[c_array] xa = nullopt, xb = nullopt
    cdef vector[int] ax_a = vector[int](), ax_b = vector[int]()
    xa = array_arg(a, "tensordot", "a")._a
    xb = array_arg(b, "tensordot", "b")._a
    if isinstance(axes, (list, tuple)):
        for part in axes:
            if not isinstance(part, (list, tuple)):
                raise TypeError("tensordot(): 'axes' must be an int or a list of two lists of "
                                f"ints, got an element of type {type(part).__name__}")
        if len(axes) != 2:
            raise ValueError("[tensordot] axes must be a list of two lists.")
        ax_a = int_list_arg(axes[0], "tensordot", "axes", False)
        ax_b = int_list_arg(axes[1], "tensordot", "axes", False)
        return wrap_tmp(ops.tensordot(deref(xa), deref(xb), ax_a, ax_b, stream_arg(stream)))
    try:
        n = _index(axes)
    except TypeError:
        raise TypeError("tensordot(): 'axes' must be an int or a list of two lists of ints, "
                        f"got {type(axes).__name__}") from None
    return wrap_tmp(ops.tensordot(deref(xa), deref(xb), <int>n, stream_arg(stream)))


def kron(a: array, b: array, *, stream: StreamOrDevice = None) -> array:
    """Kronecker product of ``a`` and ``b``.

    Each element ``a[i, j, ...]`` is replaced by the block ``a[i, j, ...] * b``. The operand with
    fewer dimensions is first given leading axes of length 1.

    Parameters
    ----------
    a : array
        The first operand.
    b : array
        The second operand.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        Of shape ``a.shape[i] * b.shape[i]`` along each axis, and the promoted dtype.

    Raises
    ------
    TypeError
        When ``a`` or ``b`` is not an array.
    MemoryError
        When the result is too large to allocate.
    OverflowError
        When a dimension of the result exceeds ``2**31 - 1``.

    Examples
    --------
    >>> mx.kron(mx.array([[1, 2], [3, 4]]), mx.array([[1, 1]]))
    array([[1, 1, 2, 2],
           [3, 3, 4, 4]], dtype=int32)

    Notes
    -----
    A result too large to allocate is a ``MemoryError`` when the op is called; the reference binding
    crashes when it is evaluated.
    """
    cdef optional[c_array] xa = nullopt, xb = nullopt
    xa = array_arg(a, "kron", "a")._a
    xb = array_arg(b, "kron", "b")._a
    return wrap_tmp(ops.kron(deref(xa), deref(xb), stream_arg(stream)))


def einsum(subscripts: str, *operands, stream: StreamOrDevice = None) -> array:
    """Einstein summation of the operands, as described by ``subscripts``.

    ``subscripts`` uses NumPy's notation: one comma-separated group of letters per operand, one
    letter per axis, then optionally ``->`` and the output's letters (without it, the letters seen
    once, in alphabetical order). Letters missing from the output are summed over; ``...`` stands for
    the remaining axes. Contractions that become matrix products need floating-point operands.

    Parameters
    ----------
    subscripts : str
        The summation, e.g. ``"ij,jk->ik"``.
    *operands : array
        One array per group of letters.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The result of the summation.

    Raises
    ------
    TypeError
        When ``subscripts`` is not a str or an operand is not an array.
    ValueError
        When the subscripts do not match the number or dimensions of the operands, or a contraction
        of integer operands needs a matrix product.

    Examples
    --------
    >>> a = mx.array([[1.0, 2.0], [3.0, 4.0]])
    >>> mx.einsum("ij,jk->ik", a, a)
    array([[7, 10],
           [15, 22]], dtype=float32)
    >>> mx.einsum("ii", a)
    array(5, dtype=float32)
    >>> mx.einsum("ij->ji", mx.array([[1, 2], [3, 4]]))
    array([[1, 3],
           [2, 4]], dtype=int32)

    Notes
    -----
    An operand that is not an array is a ``TypeError`` naming it; the reference binding fails with
    ``RuntimeError: std::bad_cast``.
    """
    cdef string sub = str_arg(subscripts, "einsum", "subscripts").encode()
    cdef vector[c_array] xs = vector[c_array]()
    array_list_into(operands, "einsum", TypeError, xs)
    return wrap_tmp(ops.einsum(sub, xs, stream_arg(stream)))


def einsum_path(subscripts: str, *operands) -> Any:
    """The order in which :func:`einsum` would contract the operands, and its estimated cost.

    Nothing is computed: only the shapes of the operands are used.

    Parameters
    ----------
    subscripts : str
        The summation, as for :func:`einsum`.
    *operands : array
        One array per group of letters.

    Returns
    -------
    tuple(list(tuple(int, ...)), str)
        ``(path, report)``: ``path`` lists, for each step, the positions of the operands contracted
        (in the list of operands left at that step, the result appended last); ``report`` is a
        readable summary with the naive and optimized scaling and FLOP counts.

    Raises
    ------
    TypeError
        When ``subscripts`` is not a str or an operand is not an array.
    ValueError
        When the subscripts do not match the number or dimensions of the operands.

    Examples
    --------
    >>> a = mx.ones((2, 2))
    >>> path, report = mx.einsum_path("ij,jk,kl->il", a, a, a)
    >>> path
    [(0, 1), (0, 1)]
    >>> print(report.splitlines()[0].strip())
    Complete contraction:  ij,jk,kl->il

    Notes
    -----
    An operand that is not an array is a ``TypeError`` naming it; the reference binding fails with
    ``RuntimeError: std::bad_cast``.
    """
    cdef string sub = str_arg(subscripts, "einsum_path", "subscripts").encode()
    cdef vector[c_array] xs = vector[c_array]()
    array_list_into(operands, "einsum_path", TypeError, xs)
    cdef pair[vector[vector[int]], string] res = ops.einsum_path(sub, xs)
    path = [tuple(step) for step in res.first]
    return path, res.second.decode()


def block_masked_mm(a: array, b: array, /, block_size: int = 64, mask_out: array | None = None, mask_lhs: array | None = None, mask_rhs: array | None = None, *,
                    stream: StreamOrDevice = None) -> array:
    """Matrix product in which square blocks of the inputs and of the output are masked.

    The matrices are divided into tiles of ``block_size`` x ``block_size``; each mask holds one entry
    per tile (its last two dimensions are the tile counts, rounded up). A boolean mask keeps or zeroes
    a tile; a floating-point mask multiplies it. ``mask_lhs`` and ``mask_rhs`` apply to the tiles of
    ``a`` and ``b`` before the product, ``mask_out`` to the tiles of the result. Only floating-point
    inputs are supported.

    Parameters
    ----------
    a : array
        The left matrix (or batch of matrices), shape ``(..., M, K)``.
    b : array
        The right matrix (or batch of matrices), shape ``(..., K, N)``.
    block_size : int, optional
        The tile size: 32 or 64 when a mask is given. Default: ``64``.
    mask_out : array, optional
        Mask of the output tiles, shape ``(..., ceil(M / block_size), ceil(N / block_size))``.
        Default: ``None``, no mask.
    mask_lhs : array, optional
        Mask of the tiles of ``a``, shape ``(..., ceil(M / block_size), ceil(K / block_size))``.
        Default: ``None``, no mask.
    mask_rhs : array, optional
        Mask of the tiles of ``b``, shape ``(..., ceil(K / block_size), ceil(N / block_size))``.
        Default: ``None``, no mask.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The masked product, shape ``(..., M, N)``.

    Raises
    ------
    TypeError
        When an operand or mask is neither an array nor (for masks) ``None``.
    ValueError
        When ``block_size`` is not 32 or 64 while a mask is given, the shapes do not match, or the
        inputs are integer.

    Examples
    --------
    >>> a = mx.ones((64, 64))
    >>> out = mx.block_masked_mm(a, a, block_size=32, mask_out=mx.array([[True, False], [False, True]]))
    >>> out[::32, ::32]
    array([[64, 0],
           [0, 64]], dtype=float32)
    >>> out = mx.block_masked_mm(a, a, block_size=32, mask_lhs=mx.array([[1.0, 0.0], [0.5, 1.0]]))
    >>> out[::32, ::32]
    array([[32, 32],
           [48, 48]], dtype=float32)
    """
    cdef optional[c_array] xa = nullopt, xb = nullopt, mo = nullopt, ml = nullopt, mr = nullopt
    xa = array_arg(a, "block_masked_mm", "a")._a
    xb = array_arg(b, "block_masked_mm", "b")._a
    opt_array_arg(mask_out, "block_masked_mm", "mask_out", mo)
    opt_array_arg(mask_lhs, "block_masked_mm", "mask_lhs", ml)
    opt_array_arg(mask_rhs, "block_masked_mm", "mask_rhs", mr)
    cdef int bs = to_int32(block_size, "block_masked_mm", "block_size")
    return wrap_tmp(ops.block_masked_mm(deref(xa), deref(xb), bs, mo, ml, mr, stream_arg(stream)))


def gather_mm(a: array, b: array, /, lhs_indices: array | None = None,
              rhs_indices: array | None = None, *, sorted_indices: bool = False,
              stream: StreamOrDevice = None) -> array:
    """Matrix products of matrices picked from the batches of ``a`` and ``b`` by index arrays.

    ``a`` has shape ``(..., M, K)`` and ``b`` ``(..., K, N)``. ``lhs_indices`` index the batch of
    ``a`` as if its batch dimensions were flattened, and ``rhs_indices`` that of ``b``; the two index
    arrays broadcast against each other, and the output holds one ``M x N`` product per index. A
    missing index array stands for every batch entry in order. Only real floating-point inputs are
    supported.

    Parameters
    ----------
    a : array
        The left matrices, shape ``(..., M, K)``.
    b : array
        The right matrices, shape ``(..., K, N)``.
    lhs_indices : array, optional
        Integer indices into the flattened batch of ``a``. Default: ``None``.
    rhs_indices : array, optional
        Integer indices into the flattened batch of ``b``. Default: ``None``.
    sorted_indices : bool, optional
        Promise that the indices are sorted, which may allow a faster kernel. Default: ``False``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        Shape ``broadcast(lhs_indices, rhs_indices).shape + (M, N)``.

    Raises
    ------
    TypeError
        When an operand is not an array (or ``None`` for the indices), or ``sorted_indices`` is not a
        bool.
    ValueError
        When the shapes do not match, the indices are not integers, or the inputs are not real
        floating-point.
    IndexError
        When an index value is out of range (see Notes).

    Examples
    --------
    >>> a = mx.stack([mx.eye(2), 2 * mx.eye(2), 3 * mx.eye(2)])
    >>> b = mx.array([[[1.0, 2.0], [3.0, 4.0]]])
    >>> mx.gather_mm(a, b, lhs_indices=mx.array([2, 0]), rhs_indices=mx.array([0, 0]))
    array([[[3, 6],
            [9, 12]],
           [[1, 2],
            [3, 4]]], dtype=float32)

    Notes
    -----
    The reference binding reads outside the operands for out-of-range indices; mlxcy raises
    ``IndexError`` when the index values are already on the host (arrays made from lists or NumPy
    arrays, or evaluated arrays). Indices still to be computed are not checked.
    """
    cdef optional[c_array] xa = nullopt, xb = nullopt, li = nullopt, ri = nullopt
    xa = array_arg(a, "gather_mm", "a")._a
    xb = array_arg(b, "gather_mm", "b")._a
    opt_array_arg(lhs_indices, "gather_mm", "lhs_indices", li)
    opt_array_arg(rhs_indices, "gather_mm", "rhs_indices", ri)
    cdef cbool srt = to_flag(sorted_indices, "gather_mm", "sorted_indices")
    out = wrap_tmp(ops.gather_mm(deref(xa), deref(xb), li, ri, srt, stream_arg(stream)))
    check_batch_indices(li, deref(xa), b"a")   # after libmlx accepted the shapes
    check_batch_indices(ri, deref(xb), b"b")
    return out


def segmented_mm(a: array, b: array, /, segments: array, *, stream: StreamOrDevice = None) -> array:
    """Matrix products over segments of the inner dimension: one output matrix per segment.

    For each pair ``[start, end)`` in ``segments`` the result holds
    ``a[:, start:end] @ b[start:end, :]``; an empty segment gives zeros.

    Parameters
    ----------
    a : array
        The left matrix, shape ``(M, K)``.
    b : array
        The right matrix, shape ``(K, N)``.
    segments : array
        Integer pairs ``[start, end)`` into the ``K`` axis, shape ``(..., 2)``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        Shape ``segments.shape[:-1] + (M, N)``.

    Raises
    ------
    TypeError
        When an argument is not an array.
    ValueError
        When ``segments`` is not of shape ``(..., 2)`` or not integer, or the shapes do not match.

    Examples
    --------
    >>> a = mx.array([[1.0, 2.0, 3.0, 4.0]])
    >>> b = mx.ones((4, 2))
    >>> mx.segmented_mm(a, b, mx.array([[0, 1], [1, 4]]))
    array([[[1, 1]],
           [[9, 9]]], dtype=float32)
    """
    cdef optional[c_array] xa = nullopt, xb = nullopt, seg = nullopt
    xa = array_arg(a, "segmented_mm", "a")._a
    xb = array_arg(b, "segmented_mm", "b")._a
    seg = array_arg(segments, "segmented_mm", "segments")._a
    return wrap_tmp(ops.segmented_mm(deref(xa), deref(xb), deref(seg), stream_arg(stream)))


def hadamard_transform(a: array, scale: float | None = None,
                       stream: StreamOrDevice = None) -> array:
    """Walsh-Hadamard transform along the last axis, times ``scale``.

    The length ``n`` of the last axis must be ``m * 2**k`` with ``m`` one of 1, 12, 20 or 28.
    Floating-point inputs keep their dtype; integer and boolean inputs give float32.

    Parameters
    ----------
    a : array
        The input array.
    scale : float, optional
        The factor applied to the result. Default: ``None``, ``1 / sqrt(n)``, which makes the
        transform orthonormal.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The transform, same shape as ``a``.

    Raises
    ------
    TypeError
        When ``a`` is not an array.
    ValueError
        When the length of the last axis is not supported.

    Examples
    --------
    >>> mx.hadamard_transform(mx.array([1.0, 1.0, 1.0, 1.0]))
    array([2, 0, 0, 0], dtype=float32)
    >>> mx.hadamard_transform(mx.array([1, 2, 3, 4]), scale=1.0)
    array([10, -2, -4, 0], dtype=float32)

    Notes
    -----
    The parameters after the operands may also be passed by position (``mx.hadamard_transform(a, 1.0,
    mx.cpu)``), as the reference's published signature lists them; MLX's own binding takes them only by
    keyword.
    """
    cdef optional[c_array] xa = nullopt
    cdef optional[float] sc = nullopt
    xa = array_arg(a, "hadamard_transform", "a")._a
    if scale is not None:
        sc = <float>scale
    return wrap_tmp(ops.hadamard_transform(deref(xa), sc, stream_arg(stream)))


# ---- convolutions -----------------------------------------------------------------------------

def convolve(a: array, v: array, /, mode: str = "full", *, stream: StreamOrDevice = None) -> array:
    """Discrete linear convolution of two 1-D arrays, as ``numpy.convolve``.

    The kernel is flipped (a true convolution, not a correlation); the shorter input acts as the
    kernel. Only floating-point inputs are supported.

    Parameters
    ----------
    a : array
        The first 1-D input, of ``n`` elements.
    v : array
        The second 1-D input, of ``m`` elements.
    mode : str, optional
        ``"full"``: every overlap, ``n + m - 1`` elements; ``"same"``: ``max(n, m)`` elements, centred
        on the full result; ``"valid"``: only full overlaps, ``max(n, m) - min(n, m) + 1`` elements.
        Default: ``"full"``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The 1-D convolution.

    Raises
    ------
    TypeError
        When ``a`` or ``v`` is not an array, or ``mode`` is not a str.
    ValueError
        When an input is not 1-D or is empty, ``mode`` is unknown, or the inputs are integer.

    Examples
    --------
    >>> a = mx.array([1.0, 2.0, 3.0])
    >>> v = mx.array([0.0, 1.0, 0.5])
    >>> mx.convolve(a, v)
    array([0, 1, 2.5, 4, 1.5], dtype=float32)
    >>> mx.convolve(a, v, mode="same")
    array([1, 2.5, 4], dtype=float32)
    >>> mx.convolve(a, v, mode="valid")
    array([2.5], dtype=float32)
    """
    cdef optional[c_array] xa = nullopt, xv = nullopt, res = nullopt
    xa = array_arg(a, "convolve", "a")._a
    xv = array_arg(v, "convolve", "v")._a
    str_arg(mode, "convolve", "mode")
    if deref(xa).ndim() != 1 or deref(xv).ndim() != 1:
        raise ValueError("[convolve] Inputs must be 1D.")
    if deref(xa).size() == 0 or deref(xv).size() == 0:
        raise ValueError("[convolve] Inputs cannot be empty.")
    if deref(xv).size() > deref(xa).size():
        xa, xv = xv, xa
    cdef int n = deref(xa).size(), m = deref(xv).size()
    cdef vector[int] lo = vector[int](), hi = vector[int](), one = vector[int]()
    one.push_back(1)
    if mode == "full":
        lo.push_back(m - 1)
        hi.push_back(m - 1)
    elif mode == "same":
        lo.push_back(m // 2)
        hi.push_back((m - 1) // 2)
    elif mode == "valid":
        lo.push_back(0)
        hi.push_back(0)
    else:
        raise ValueError(f"[convolve] Invalid mode {mode!r}: expected 'full', 'same' or 'valid'.")
    cdef StreamOrDevice s = stream_arg(stream)
    # (N, L, C) input and (C_out, K, C_in) kernel, flipped: a true convolution.
    res = ops.conv_general(ops.reshape(deref(xa), to_c_shape((1, n, 1)), s),
                           ops.reshape(deref(xv), to_c_shape((1, m, 1)), s),
                           one, lo, hi, one, one, 1, True, s)
    return wrap_tmp(ops.reshape(deref(res), to_c_shape((-1,)), s))


def conv1d(input: array, weight: array, /, stride: int = 1, padding: int = 0, dilation: int = 1,
           groups: int = 1, *, stream: StreamOrDevice = None) -> array:
    """1-D convolution (a cross-correlation: the kernel is not flipped) over a batch of sequences.

    Channels come last. The output length is
    ``(L + 2 * padding - dilation * (K - 1) - 1) // stride + 1``. Only floating-point inputs are
    supported.

    Parameters
    ----------
    input : array
        The input, shape ``(N, L, C_in)``.
    weight : array
        The kernels, shape ``(C_out, K, C_in // groups)``.
    stride : int, optional
        Step between kernel applications. Default: ``1``.
    padding : int, optional
        Zeros added at both ends of the sequence. Default: ``0``.
    dilation : int, optional
        Spacing between kernel taps. Default: ``1``.
    groups : int, optional
        Number of channel groups; ``C_in`` and ``C_out`` must be divisible by it. Default: ``1``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        Shape ``(N, L_out, C_out)``.

    Raises
    ------
    TypeError
        When ``input`` or ``weight`` is not an array, or an integer argument is not an int.
    ValueError
        When the shapes, channels or groups do not match (``groups`` below 1 included), or the
        inputs are integer.

    Examples
    --------
    >>> x = mx.ones((1, 5, 1))
    >>> w = mx.array([1.0, 2.0, 3.0]).reshape(1, 3, 1)
    >>> mx.conv1d(x, w).shape
    (1, 3, 1)
    >>> mx.conv1d(x, w, stride=2, padding=1).flatten()
    array([5, 6, 3], dtype=float32)

    Notes
    -----
    A ``groups`` of 0 crashes the reference binding (floating point exception); mlxcy raises
    ``ValueError`` for any ``groups`` below 1.
    """
    cdef optional[c_array] x = nullopt, w = nullopt
    x = array_arg(input, "conv1d", "input")._a
    w = array_arg(weight, "conv1d", "weight")._a
    return wrap_tmp(ops.conv1d(deref(x), deref(w), to_int32(stride, "conv1d", "stride"),
                           to_int32(padding, "conv1d", "padding"),
                           to_int32(dilation, "conv1d", "dilation"),
                           _groups(groups, "conv1d"), stream_arg(stream)))


def conv2d(input: array, weight: array, /, stride: int | tuple[int, int] = 1,
           padding: int | tuple[int, int] = 0, dilation: int | tuple[int, int] = 1, groups: int = 1,
           *, stream: StreamOrDevice = None) -> array:
    """2-D convolution (a cross-correlation: the kernel is not flipped) over a batch of images.

    Channels come last. Along each spatial axis the output length is
    ``(L + 2 * padding - dilation * (K - 1) - 1) // stride + 1``. Only floating-point inputs are
    supported.

    Parameters
    ----------
    input : array
        The input, shape ``(N, H, W, C_in)``.
    weight : array
        The kernels, shape ``(C_out, KH, KW, C_in // groups)``.
    stride : int or tuple(int, int), optional
        Step between kernel applications, for both axes or per axis. Default: ``1``.
    padding : int or tuple(int, int), optional
        Zeros added at both ends of each spatial axis. Default: ``0``.
    dilation : int or tuple(int, int), optional
        Spacing between kernel taps. Default: ``1``.
    groups : int, optional
        Number of channel groups; ``C_in`` and ``C_out`` must be divisible by it. Default: ``1``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        Shape ``(N, H_out, W_out, C_out)``.

    Raises
    ------
    TypeError
        When ``input`` or ``weight`` is not an array, or a spatial argument is neither an int nor a
        pair of ints.
    ValueError
        When the shapes, channels or groups do not match (``groups`` below 1 included), or the
        inputs are integer.

    Examples
    --------
    >>> x = mx.ones((1, 4, 4, 1))
    >>> w = mx.ones((1, 2, 2, 1))
    >>> mx.conv2d(x, w, stride=2)[0, :, :, 0]
    array([[4, 4],
           [4, 4]], dtype=float32)
    >>> mx.conv2d(x, w, padding=(1, 0)).shape
    (1, 5, 3, 1)

    Notes
    -----
    A ``groups`` of 0 crashes the reference binding (floating point exception); mlxcy raises
    ``ValueError`` for any ``groups`` below 1.
    """
    cdef optional[c_array] x = nullopt, w = nullopt
    x = array_arg(input, "conv2d", "input")._a
    w = array_arg(weight, "conv2d", "weight")._a
    return wrap_tmp(ops.conv2d(deref(x), deref(w), _pair(_ntuple(stride, 2, "conv2d", "stride")),
                           _pair(_ntuple(padding, 2, "conv2d", "padding")),
                           _pair(_ntuple(dilation, 2, "conv2d", "dilation")),
                           _groups(groups, "conv2d"), stream_arg(stream)))


def conv3d(input: array, weight: array, /, stride: int | tuple[int, int, int] = 1,
           padding: int | tuple[int, int, int] = 0, dilation: int | tuple[int, int, int] = 1,
           groups: int = 1, *, stream: StreamOrDevice = None) -> array:
    """3-D convolution (a cross-correlation: the kernel is not flipped) over a batch of volumes.

    Channels come last. Along each spatial axis the output length is
    ``(L + 2 * padding - dilation * (K - 1) - 1) // stride + 1``. Only floating-point inputs are
    supported.

    Parameters
    ----------
    input : array
        The input, shape ``(N, D, H, W, C_in)``.
    weight : array
        The kernels, shape ``(C_out, KD, KH, KW, C_in)``.
    stride : int or tuple(int, int, int), optional
        Step between kernel applications, for all axes or per axis. Default: ``1``.
    padding : int or tuple(int, int, int), optional
        Zeros added at both ends of each spatial axis. Default: ``0``.
    dilation : int or tuple(int, int, int), optional
        Spacing between kernel taps. Default: ``1``.
    groups : int, optional
        Number of channel groups: only 1 is supported for 3-D convolutions. Default: ``1``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        Shape ``(N, D_out, H_out, W_out, C_out)``.

    Raises
    ------
    TypeError
        When ``input`` or ``weight`` is not an array, or a spatial argument is neither an int nor a
        triple of ints.
    ValueError
        When the shapes or channels do not match, ``groups`` is not 1 (3-D convolutions have no
        groups), or the inputs are integer.

    Examples
    --------
    >>> x = mx.ones((1, 3, 3, 3, 1))
    >>> w = mx.ones((1, 2, 2, 2, 1))
    >>> mx.conv3d(x, w).shape
    (1, 2, 2, 2, 1)
    >>> mx.conv3d(x, w)[0, 0, 0, 0, 0]
    array(8, dtype=float32)
    >>> mx.conv3d(x, w, padding=1).shape
    (1, 4, 4, 4, 1)
    """
    cdef optional[c_array] x = nullopt, w = nullopt
    x = array_arg(input, "conv3d", "input")._a
    w = array_arg(weight, "conv3d", "weight")._a
    return wrap_tmp(ops.conv3d(deref(x), deref(w), _triple(_ntuple(stride, 3, "conv3d", "stride")),
                           _triple(_ntuple(padding, 3, "conv3d", "padding")),
                           _triple(_ntuple(dilation, 3, "conv3d", "dilation")),
                           _groups(groups, "conv3d"), stream_arg(stream)))


def conv_general(input: array, weight: array, /, stride: int | Sequence[int] = 1, padding: int | Sequence[int] | tuple[Sequence[int], Sequence[int]] = 0, kernel_dilation: int | Sequence[int] = 1, input_dilation: int | Sequence[int] = 1,
                 groups: int = 1, flip: bool = False, *, stream: StreamOrDevice = None) -> array:
    """Convolution over 1 to 3 spatial dimensions with every option: per-axis strides, asymmetric
    padding, kernel and input dilation, groups and kernel flipping.

    Channels come last: ``input`` is ``(N, ..., C_in)`` and ``weight`` ``(C_out, ..., C_in // groups)``.
    Input dilation inserts ``input_dilation - 1`` zeros between input elements (as in a transposed
    convolution). Only floating-point inputs are supported.

    Parameters
    ----------
    input : array
        The input, shape ``(N, *spatial, C_in)``.
    weight : array
        The kernels, shape ``(C_out, *kernel, C_in // groups)``.
    stride : int or list(int), optional
        Step between kernel applications, for all axes or per axis. Default: ``1``.
    padding : int or list(int) or tuple(list(int), list(int)), optional
        Zeros added at both ends of every axis (an int), of each axis (a list), or ``(low, high)``
        lists for the start and the end of each axis. Default: ``0``.
    kernel_dilation : int or list(int), optional
        Spacing between kernel taps. Default: ``1``.
    input_dilation : int or list(int), optional
        Spacing between input elements. Default: ``1``.
    groups : int, optional
        Number of channel groups; ``C_in`` and ``C_out`` must be divisible by it (only 1 for 3 spatial
        dimensions). Default: ``1``.
    flip : bool, optional
        Whether to flip the kernel along its spatial axes, making a true convolution rather than a
        cross-correlation. Default: ``False``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        Shape ``(N, *spatial_out, C_out)``.

    Raises
    ------
    TypeError
        When ``input`` or ``weight`` is not an array, an argument has the wrong type, or ``flip`` is
        not a bool.
    ValueError
        When the shapes, channels or groups do not match (``groups`` below 1 included), or the
        inputs are integer.

    Examples
    --------
    >>> x = mx.array([1.0, 2.0, 3.0]).reshape(1, 3, 1)
    >>> w = mx.array([1.0, 0.0]).reshape(1, 2, 1)
    >>> mx.conv_general(x, w).flatten()
    array([1, 2], dtype=float32)
    >>> mx.conv_general(x, w, flip=True).flatten()
    array([2, 3], dtype=float32)
    >>> mx.conv_general(mx.ones((1, 5, 5, 1)), mx.ones((1, 3, 3, 1)), padding=([1, 0], [0, 1])).shape
    (1, 4, 4, 1)

    Notes
    -----
    A ``groups`` of 0 crashes the reference binding (floating point exception); mlxcy raises
    ``ValueError`` for any ``groups`` below 1.
    """
    cdef optional[c_array] x = nullopt, w = nullopt
    cdef vector[int] lo = vector[int](), hi = vector[int]()
    x = array_arg(input, "conv_general", "input")._a
    w = array_arg(weight, "conv_general", "weight")._a
    if (isinstance(padding, (list, tuple)) and len(padding) == 2
            and all(isinstance(p, (list, tuple)) for p in padding)):
        lo = int_list_arg(padding[0], "conv_general", "padding", False)
        hi = int_list_arg(padding[1], "conv_general", "padding", False)
    else:
        if isinstance(padding, (list, tuple)) and any(isinstance(p, (list, tuple)) for p in padding):
            raise TypeError("conv_general(): 'padding' must be an int, a sequence of ints or a "
                            "pair (low, high) of sequences of ints")
        lo = int_list_arg(padding, "conv_general", "padding", True)
        hi = lo
    return wrap_tmp(ops.conv_general(deref(x), deref(w),
                                 int_list_arg(stride, "conv_general", "stride", True), lo, hi,
                                 int_list_arg(kernel_dilation, "conv_general", "kernel_dilation", True),
                                 int_list_arg(input_dilation, "conv_general", "input_dilation", True),
                                 _groups(groups, "conv_general"),
                                 to_flag(flip, "conv_general", "flip"), stream_arg(stream)))


def conv_transpose1d(input: array, weight: array, /, stride: int = 1, padding: int = 0, dilation: int = 1, output_padding: int = 0,
                     groups: int = 1, *, stream: StreamOrDevice = None) -> array:
    """1-D transposed convolution (the gradient of :func:`conv1d` with respect to its input).

    Channels come last. The output length is
    ``(L - 1) * stride - 2 * padding + dilation * (K - 1) + output_padding + 1``. Only floating-point
    inputs are supported.

    Parameters
    ----------
    input : array
        The input, shape ``(N, L, C_in)``.
    weight : array
        The kernels, shape ``(C_out, K, C_in // groups)``.
    stride : int, optional
        Upsampling step. Default: ``1``.
    padding : int, optional
        Elements removed at both ends of the output. Default: ``0``.
    dilation : int, optional
        Spacing between kernel taps. Default: ``1``.
    output_padding : int, optional
        Extra elements added at the end of the output. Default: ``0``.
    groups : int, optional
        Number of channel groups. Default: ``1``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        Shape ``(N, L_out, C_out)``.

    Raises
    ------
    TypeError
        When ``input`` or ``weight`` is not an array, or an integer argument is not an int.
    ValueError
        When the shapes, channels or groups do not match (``groups`` below 1 included), or the
        inputs are integer.

    Examples
    --------
    >>> x = mx.array([1.0, 2.0]).reshape(1, 2, 1)
    >>> w = mx.array([1.0, 10.0, 100.0]).reshape(1, 3, 1)
    >>> mx.conv_transpose1d(x, w).flatten()
    array([1, 12, 120, 200], dtype=float32)
    >>> mx.conv_transpose1d(x, w, stride=2, output_padding=1).shape
    (1, 6, 1)

    Notes
    -----
    A ``groups`` of 0 crashes the reference binding (floating point exception); mlxcy raises
    ``ValueError`` for any ``groups`` below 1.
    """
    cdef optional[c_array] x = nullopt, w = nullopt
    x = array_arg(input, "conv_transpose1d", "input")._a
    w = array_arg(weight, "conv_transpose1d", "weight")._a
    return wrap_tmp(ops.conv_transpose1d(deref(x), deref(w), to_int32(stride, "conv_transpose1d", "stride"),
                                     to_int32(padding, "conv_transpose1d", "padding"),
                                     to_int32(dilation, "conv_transpose1d", "dilation"),
                                     to_int32(output_padding, "conv_transpose1d", "output_padding"),
                                     _groups(groups, "conv_transpose1d"), stream_arg(stream)))


def conv_transpose2d(input: array, weight: array, /, stride: int | tuple[int, int] = 1, padding: int | tuple[int, int] = 0, dilation: int | tuple[int, int] = 1, output_padding: int | tuple[int, int] = 0,
                     groups: int = 1, *, stream: StreamOrDevice = None) -> array:
    """2-D transposed convolution (the gradient of :func:`conv2d` with respect to its input).

    Channels come last. Along each spatial axis the output length is
    ``(L - 1) * stride - 2 * padding + dilation * (K - 1) + output_padding + 1``. Only floating-point
    inputs are supported.

    Parameters
    ----------
    input : array
        The input, shape ``(N, H, W, C_in)``.
    weight : array
        The kernels, shape ``(C_out, KH, KW, C_in // groups)``.
    stride : int or tuple(int, int), optional
        Upsampling step, for both axes or per axis. Default: ``1``.
    padding : int or tuple(int, int), optional
        Elements removed at both ends of each output axis. Default: ``0``.
    dilation : int or tuple(int, int), optional
        Spacing between kernel taps. Default: ``1``.
    output_padding : int or tuple(int, int), optional
        Extra elements added at the end of each output axis. Default: ``0``.
    groups : int, optional
        Number of channel groups. Default: ``1``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        Shape ``(N, H_out, W_out, C_out)``.

    Raises
    ------
    TypeError
        When ``input`` or ``weight`` is not an array, or a spatial argument is neither an int nor a
        pair of ints.
    ValueError
        When the shapes, channels or groups do not match (``groups`` below 1 included), or the
        inputs are integer.

    Examples
    --------
    >>> x = mx.ones((1, 2, 2, 1))
    >>> w = mx.ones((1, 2, 2, 1))
    >>> mx.conv_transpose2d(x, w)[0, :, :, 0]
    array([[1, 2, 1],
           [2, 4, 2],
           [1, 2, 1]], dtype=float32)
    >>> mx.conv_transpose2d(x, w, stride=2).shape
    (1, 4, 4, 1)

    Notes
    -----
    A ``groups`` of 0 crashes the reference binding (floating point exception); mlxcy raises
    ``ValueError`` for any ``groups`` below 1.
    """
    cdef optional[c_array] x = nullopt, w = nullopt
    cdef str f = "conv_transpose2d"
    x = array_arg(input, f, "input")._a
    w = array_arg(weight, f, "weight")._a
    return wrap_tmp(ops.conv_transpose2d(deref(x), deref(w), _pair(_ntuple(stride, 2, f, "stride")),
                                     _pair(_ntuple(padding, 2, f, "padding")),
                                     _pair(_ntuple(dilation, 2, f, "dilation")),
                                     _pair(_ntuple(output_padding, 2, f, "output_padding")),
                                     _groups(groups, f), stream_arg(stream)))


def conv_transpose3d(input: array, weight: array, /, stride: int | tuple[int, int, int] = 1, padding: int | tuple[int, int, int] = 0, dilation: int | tuple[int, int, int] = 1, output_padding: int | tuple[int, int, int] = 0,
                     groups: int = 1, *, stream: StreamOrDevice = None) -> array:
    """3-D transposed convolution (the gradient of :func:`conv3d` with respect to its input).

    Channels come last. Along each spatial axis the output length is
    ``(L - 1) * stride - 2 * padding + dilation * (K - 1) + output_padding + 1``. Only floating-point
    inputs are supported.

    Parameters
    ----------
    input : array
        The input, shape ``(N, D, H, W, C_in)``.
    weight : array
        The kernels, shape ``(C_out, KD, KH, KW, C_in)``.
    stride : int or tuple(int, int, int), optional
        Upsampling step, for all axes or per axis. Default: ``1``.
    padding : int or tuple(int, int, int), optional
        Elements removed at both ends of each output axis. Default: ``0``.
    dilation : int or tuple(int, int, int), optional
        Spacing between kernel taps. Default: ``1``.
    output_padding : int or tuple(int, int, int), optional
        Extra elements added at the end of each output axis. Default: ``0``.
    groups : int, optional
        Number of channel groups: only 1 is supported for 3-D convolutions. Default: ``1``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        Shape ``(N, D_out, H_out, W_out, C_out)``.

    Raises
    ------
    TypeError
        When ``input`` or ``weight`` is not an array, or a spatial argument is neither an int nor a
        triple of ints.
    ValueError
        When the shapes or channels do not match, ``groups`` is not 1 (3-D convolutions have no
        groups), or the inputs are integer.

    Examples
    --------
    >>> x = mx.ones((1, 2, 2, 2, 1))
    >>> w = mx.ones((1, 2, 2, 2, 1))
    >>> mx.conv_transpose3d(x, w).shape
    (1, 3, 3, 3, 1)
    >>> mx.conv_transpose3d(x, w, stride=(2, 1, 1)).shape
    (1, 4, 3, 3, 1)
    """
    cdef optional[c_array] x = nullopt, w = nullopt
    cdef str f = "conv_transpose3d"
    x = array_arg(input, f, "input")._a
    w = array_arg(weight, f, "weight")._a
    return wrap_tmp(ops.conv_transpose3d(deref(x), deref(w), _triple(_ntuple(stride, 3, f, "stride")),
                                     _triple(_ntuple(padding, 3, f, "padding")),
                                     _triple(_ntuple(dilation, 3, f, "dilation")),
                                     _triple(_ntuple(output_padding, 3, f, "output_padding")),
                                     _groups(groups, f), stream_arg(stream)))


cdef int _groups(object groups, str fname) except? -1:
    # MLX divides by `groups` before validating it: a zero would crash the process.
    cdef int g = to_int32(groups, fname, "groups")
    if g < 1:
        raise ValueError(f"[conv] The number of groups must be positive. Got {g} groups.")
    return g


# ---- quantization -----------------------------------------------------------------------------

def quantize(w: array, /, group_size: int | None = None, bits: int | None = None,
             mode: str = "affine", *, global_scale: array | None = None,
             stream: StreamOrDevice = None) -> tuple[array, array, array]:
    """Quantize a matrix along its last axis, in groups of ``group_size`` elements.

    In the ``"affine"`` mode each group gets a scale and a bias, and each element is stored as a
    ``bits``-bit integer ``q`` with ``w ~ scale * q + bias``. The floating-point modes ``"mxfp4"``,
    ``"mxfp8"`` and ``"nvfp4"`` store small floats with one shared scale per group (as uint8). The
    quantized elements are packed into uint32 words along the last axis.

    Parameters
    ----------
    w : array
        The matrix to quantize: real floating-point, at least 2-D, its last axis divisible by
        ``group_size``.
    group_size : int, optional
        Elements per group. Default: ``None``, 64 for ``"affine"``, 32 for ``"mxfp4"`` and
        ``"mxfp8"``, 16 for ``"nvfp4"`` (the only size those modes accept).
    bits : int, optional
        Bits per element: 1, 2, 3, 4, 5, 6 or 8 for ``"affine"``. Default: ``None``, 4 (8 for
        ``"mxfp8"``, the only value each floating-point mode accepts).
    mode : str, optional
        ``"affine"``, ``"mxfp4"``, ``"mxfp8"`` or ``"nvfp4"``. Default: ``"affine"``.
    global_scale : array, optional
        A scalar scale applied to the whole matrix, for ``"nvfp4"`` only. Default: ``None``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    list(array)
        ``[w_q, scales, biases]`` for ``"affine"``, ``[w_q, scales]`` for the other modes. ``w_q`` is
        uint32 of shape ``(..., n * bits // 32)``; ``scales`` (and ``biases``) have one entry per group,
        shape ``(..., n // group_size)``, in the dtype of ``w`` for ``"affine"`` and uint8 otherwise.

    Raises
    ------
    TypeError
        When ``w`` or ``global_scale`` is not an array, or ``mode`` is not a str.
    ValueError
        When ``w`` has fewer than 2 dimensions or is not floating-point, its last axis is not
        divisible by ``group_size``, ``group_size`` or ``bits`` is not supported (zero and negative
        values included), the mode is unknown, or ``global_scale`` is given for another mode than
        ``"nvfp4"``.

    Examples
    --------
    >>> w = (mx.arange(128) % 16).astype(mx.float32).reshape(2, 64)
    >>> w_q, scales, biases = mx.quantize(w, group_size=32, bits=4)
    >>> w_q.shape, w_q.dtype, scales.shape
    ((2, 8), mlx.core.uint32, (2, 2))
    >>> [a.dtype for a in mx.quantize(w, mode="mxfp4")]
    [mlx.core.uint32, mlx.core.uint8]

    Notes
    -----
    The reference binding crashes (floating point exception) for a ``group_size`` or ``bits`` of 0;
    mlxcy raises ``ValueError``.
    """
    cdef optional[c_array] xw = nullopt, gs = nullopt
    xw = array_arg(w, "quantize", "w")._a
    opt_array_arg(global_scale, "quantize", "global_scale", gs)
    cdef string m = str_arg(mode, "quantize", "mode").encode()
    cdef StreamOrDevice where = stream_arg(stream)
    if deref(xw).size() == 0:
        where = to_sod(_cpu)   # libmlx's CUDA kernel divides by zero on an empty input (SIGFPE)
    return wrap_list(ops.quantize(deref(xw), _opt_group_arg(group_size, "quantize", "group_size"),
                                  _opt_group_arg(bits, "quantize", "bits"), m, gs, where))


def dequantize(w: array, /, scales: array, biases: array | None = None, group_size: int | None = None, bits: int | None = None, mode: str = "affine",
               global_scale: array | None = None, dtype: Dtype | None = None, *, stream: StreamOrDevice = None) -> array:
    """Rebuild a floating-point matrix from the output of :func:`quantize`.

    The quantization parameters (``group_size``, ``bits``, ``mode``) must be those used to quantize.

    Parameters
    ----------
    w : array
        The packed quantized matrix (uint32).
    scales : array
        The scales, one per group.
    biases : array, optional
        The biases, one per group: required for ``"affine"``, not used otherwise. Default: ``None``.
    group_size : int, optional
        Elements per group. Default: ``None``, the mode's default (as in :func:`quantize`).
    bits : int, optional
        Bits per element. Default: ``None``, the mode's default.
    mode : str, optional
        ``"affine"``, ``"mxfp4"``, ``"mxfp8"`` or ``"nvfp4"``. Default: ``"affine"``.
    global_scale : array, optional
        The scalar scale given to :func:`quantize` (``"nvfp4"`` only). Default: ``None``.
    dtype : Dtype, optional
        The dtype of the result. Default: ``None``, the dtype of ``scales`` when it is floating-point
        (``"affine"``), otherwise bfloat16.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The dequantized matrix, shape ``(..., n)`` with ``n = w.shape[-1] * 32 // bits``.

    Raises
    ------
    TypeError
        When ``w``, ``scales``, ``biases`` or ``global_scale`` is not an array, or ``mode`` is not a
        str.
    ValueError
        When ``biases`` is missing in the ``"affine"`` mode, the shapes do not match the quantization
        parameters, or ``group_size``/``bits``/``mode`` is not supported.

    Examples
    --------
    >>> w = (mx.arange(128) % 16).astype(mx.float32).reshape(2, 64)
    >>> w_q, scales, biases = mx.quantize(w, group_size=32, bits=4)
    >>> mx.dequantize(w_q, scales, biases, group_size=32, bits=4)[:, :4]
    array([[0, 1, 2, 3],
           [0, 1, 2, 3]], dtype=float32)
    >>> w_q, scales = mx.quantize(w, mode="mxfp8")
    >>> mx.dequantize(w_q, scales, mode="mxfp8")[0, :4]
    array([0, 1, 2, 3], dtype=bfloat16)
    """
    cdef optional[c_array] xw = nullopt, sc = nullopt, bi = nullopt, gs = nullopt
    cdef optional[c_Dtype] dt = nullopt
    xw = array_arg(w, "dequantize", "w")._a
    sc = array_arg(scales, "dequantize", "scales")._a
    opt_array_arg(biases, "dequantize", "biases", bi)
    opt_array_arg(global_scale, "dequantize", "global_scale", gs)
    cdef string m = str_arg(mode, "dequantize", "mode").encode()
    if dtype is not None:
        dt = to_c_dtype(dtype)
    return wrap_tmp(ops.dequantize(deref(xw), deref(sc), bi,
                               _opt_group_arg(group_size, "dequantize", "group_size"),
                               _opt_group_arg(bits, "dequantize", "bits"), m, gs, dt, stream_arg(stream)))


def quantized_matmul(x: array, w: array, /, scales: array, biases: array | None = None, transpose: bool = True, group_size: int | None = None, bits: int | None = None,
                     mode: str = "affine", *, stream: StreamOrDevice = None) -> array:
    """Matrix product with a quantized matrix: ``x @ dequantize(w).T`` (or ``x @ dequantize(w)`` when
    ``transpose`` is ``False``), without building the dequantized matrix.

    Parameters
    ----------
    x : array
        The left operand, shape ``(..., K)`` with ``transpose``.
    w : array
        The quantized matrix (uint32), as returned by :func:`quantize`.
    scales : array
        The scales of ``w``.
    biases : array, optional
        The biases of ``w``: required for ``"affine"``. Default: ``None``.
    transpose : bool, optional
        Whether to multiply by the transpose of the dequantized ``w`` (the layout of a linear layer's
        weight). Default: ``True``.
    group_size : int, optional
        Elements per group. Default: ``None``, the mode's default (as in :func:`quantize`).
    bits : int, optional
        Bits per element. Default: ``None``, the mode's default.
    mode : str, optional
        ``"affine"``, ``"mxfp4"``, ``"mxfp8"`` or ``"nvfp4"``. Default: ``"affine"``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The product, shape ``(..., N)``.

    Raises
    ------
    TypeError
        When an operand is not an array, ``transpose`` is not a bool or ``mode`` is not a str.
    ValueError
        When ``biases`` is missing in the ``"affine"`` mode, or the shapes do not match the
        quantization parameters.

    Examples
    --------
    >>> w = (mx.arange(128) % 16).astype(mx.float32).reshape(2, 64)
    >>> w_q, scales, biases = mx.quantize(w, group_size=32, bits=4)
    >>> x = mx.ones((1, 64))
    >>> mx.quantized_matmul(x, w_q, scales, biases, group_size=32, bits=4)
    array([[480, 480]], dtype=float32)
    >>> x @ w.T
    array([[480, 480]], dtype=float32)

    Notes
    -----
    A ``group_size`` or ``bits`` of 0 can crash the reference binding (floating point exception);
    mlxcy raises ``ValueError`` for any value below 1.
    """
    cdef optional[c_array] xx = nullopt, xw = nullopt, sc = nullopt, bi = nullopt
    cdef str f = "quantized_matmul"
    xx = array_arg(x, f, "x")._a
    xw = array_arg(w, f, "w")._a
    sc = array_arg(scales, f, "scales")._a
    opt_array_arg(biases, f, "biases", bi)
    cdef string m = str_arg(mode, f, "mode").encode()
    return wrap_tmp(ops.quantized_matmul(deref(xx), deref(xw), deref(sc), bi,
                                     to_flag(transpose, f, "transpose"),
                                     _opt_group_arg(group_size, f, "group_size"),
                                     _opt_group_arg(bits, f, "bits"), m, stream_arg(stream)))


def gather_qmm(x: array, w: array, /, scales: array, biases: array | None = None, lhs_indices: array | None = None, rhs_indices: array | None = None, transpose: bool = True,
               group_size: int | None = None, bits: int | None = None, mode: str = "affine", global_scale: array | None = None, *,
               sorted_indices: bool = False, stream: StreamOrDevice = None) -> array:
    """:func:`quantized_matmul` of matrices picked from the batches of ``x`` and ``w`` by index arrays,
    as :func:`gather_mm` does for unquantized matrices.

    ``lhs_indices`` index the batch of ``x`` (its batch dimensions flattened) and ``rhs_indices`` that
    of the quantized ``w`` (with ``scales`` and ``biases``); the index arrays broadcast against each
    other. A missing index array stands for every batch entry in order.

    Parameters
    ----------
    x : array
        The left matrices, floating-point.
    w : array
        The quantized matrices (uint32), as returned by :func:`quantize`.
    scales : array
        The scales of ``w``.
    biases : array, optional
        The biases of ``w``: required for ``"affine"``. Default: ``None``.
    lhs_indices : array, optional
        Integer indices into the flattened batch of ``x``. Default: ``None``.
    rhs_indices : array, optional
        Integer indices into the flattened batch of ``w``. Default: ``None``.
    transpose : bool, optional
        Whether to multiply by the transpose of the dequantized ``w``. Default: ``True``.
    group_size : int, optional
        Elements per group. Default: ``None``, the mode's default (as in :func:`quantize`).
    bits : int, optional
        Bits per element. Default: ``None``, the mode's default.
    mode : str, optional
        ``"affine"``, ``"mxfp4"``, ``"mxfp8"`` or ``"nvfp4"``. Default: ``"affine"``.
    global_scale : array, optional
        The scalar scale of ``w`` (``"nvfp4"`` only). Default: ``None``.
    sorted_indices : bool, optional
        Promise that the indices are sorted, which may allow a faster kernel. Default: ``False``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        One product per index: shape ``broadcast(lhs_indices, rhs_indices).shape + (M, N)``.

    Raises
    ------
    TypeError
        When an operand is not an array (or ``None`` where allowed), or a flag is not a bool.
    ValueError
        When ``biases`` is missing in the ``"affine"`` mode, the shapes do not match the quantization
        parameters, or the indices are not integers.
    IndexError
        When an index value is out of range and already on the host (see :func:`gather_mm`).

    Examples
    --------
    >>> w = (mx.arange(128) % 16).astype(mx.float32).reshape(2, 64)
    >>> W_q, S, B = mx.quantize(mx.stack([w, 2 * w]), group_size=32, bits=4)
    >>> x = mx.ones((1, 64))
    >>> mx.gather_qmm(x, W_q, S, B, rhs_indices=mx.array([1, 0]), group_size=32, bits=4)
    array([[[960, 960]],
           [[480, 480]]], dtype=float32)

    Notes
    -----
    A ``group_size`` or ``bits`` of 0 can crash the reference binding (floating point exception);
    mlxcy raises ``ValueError`` for any value below 1.
    """
    cdef optional[c_array] xx = nullopt, xw = nullopt, sc = nullopt, bi = nullopt
    cdef optional[c_array] li = nullopt, ri = nullopt, gs = nullopt
    cdef str f = "gather_qmm"
    xx = array_arg(x, f, "x")._a
    xw = array_arg(w, f, "w")._a
    sc = array_arg(scales, f, "scales")._a
    opt_array_arg(biases, f, "biases", bi)
    opt_array_arg(lhs_indices, f, "lhs_indices", li)
    opt_array_arg(rhs_indices, f, "rhs_indices", ri)
    opt_array_arg(global_scale, f, "global_scale", gs)
    cdef string m = str_arg(mode, f, "mode").encode()
    out = wrap_tmp(ops.gather_qmm(deref(xx), deref(xw), deref(sc), bi, li, ri,
                              to_flag(transpose, f, "transpose"),
                              _opt_group_arg(group_size, f, "group_size"), _opt_group_arg(bits, f, "bits"),
                              m, gs, to_flag(sorted_indices, f, "sorted_indices"), stream_arg(stream)))
    check_batch_indices(li, deref(xx), b"x")
    check_batch_indices(ri, deref(xw), b"w")
    return out


def qqmm(x: array, w: array, scales: array | None = None, group_size: int | None = None, bits: int | None = None, mode: str = "nvfp4", global_scale_x: array | None = None,
         global_scale_w: array | None = None, *, stream: StreamOrDevice = None) -> array:
    """Matrix product ``x @ w.T`` with both operands in a low-precision floating-point format.

    ``x`` is quantized on the fly. ``w`` is either already quantized (pass its ``scales``) or
    quantized on the fly too. Only the ``"nvfp4"`` and ``"mxfp8"`` modes are supported; the CPU
    supports only an already quantized ``w``.

    Parameters
    ----------
    x : array
        The left operand, shape ``(..., K)``, floating-point.
    w : array
        The right operand, shape ``(N, K)`` floating-point, or its quantized form from
        :func:`quantize` (uint32).
    scales : array, optional
        The scales of a quantized ``w``. Default: ``None``, ``w`` is not quantized.
    group_size : int, optional
        Elements per group. Default: ``None``, the mode's default (as in :func:`quantize`).
    bits : int, optional
        Bits per element. Default: ``None``, the mode's default.
    mode : str, optional
        ``"nvfp4"`` or ``"mxfp8"``. Default: ``"nvfp4"``.
    global_scale_x : array, optional
        A scalar scale for ``x`` (``"nvfp4"`` only). Default: ``None``.
    global_scale_w : array, optional
        A scalar scale for ``w`` (``"nvfp4"`` only). Default: ``None``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The product, shape ``(..., N)``, approximate to the precision of the format.

    Raises
    ------
    TypeError
        When an operand is not an array (or ``None`` where allowed), or ``mode`` is not a str.
    ValueError
        When ``w`` is quantized but ``scales`` is missing, or the shapes do not match the
        quantization parameters.
    RuntimeError
        When the backend does not implement the requested case.

    Examples
    --------
    >>> w = mx.ones((2, 64))
    >>> w_q, scales = mx.quantize(w, mode="mxfp8")
    >>> mx.qqmm(mx.full((1, 64), 2.0), w_q, scales, mode="mxfp8")
    array([[128, 128]], dtype=float32)
    """
    cdef optional[c_array] xx = nullopt, xw = nullopt, sc = nullopt, gx = nullopt, gw = nullopt
    cdef str f = "qqmm"
    xx = array_arg(x, f, "x")._a
    xw = array_arg(w, f, "w")._a
    opt_array_arg(scales, f, "scales", sc)
    opt_array_arg(global_scale_x, f, "global_scale_x", gx)
    opt_array_arg(global_scale_w, f, "global_scale_w", gw)
    cdef string m = str_arg(mode, f, "mode").encode()
    return wrap_tmp(ops.qqmm(deref(xx), deref(xw), sc, _opt_group_arg(group_size, f, "group_size"),
                         _opt_group_arg(bits, f, "bits"), m, gx, gw, stream_arg(stream)))


def gather_qqmm(x: array, w: array, /, scales: array | None = None, lhs_indices: array | None = None, rhs_indices: array | None = None, group_size: int | None = None,
                bits: int | None = None, mode: str = "nvfp4", global_scale_x: array | None = None, global_scale_w: array | None = None, *,
                sorted_indices: bool = False, stream: StreamOrDevice = None) -> array:
    """:func:`qqmm` of matrices picked from the batches of ``x`` and ``w`` by index arrays, as
    :func:`gather_mm` does for unquantized matrices.

    Parameters
    ----------
    x : array
        The left matrices, floating-point.
    w : array
        The right matrices, floating-point, or their quantized form (uint32).
    scales : array, optional
        The scales of a quantized ``w``. Default: ``None``, ``w`` is not quantized.
    lhs_indices : array, optional
        Integer indices into the flattened batch of ``x``. Default: ``None``.
    rhs_indices : array, optional
        Integer indices into the flattened batch of ``w``. Default: ``None``.
    group_size : int, optional
        Elements per group. Default: ``None``, the mode's default (as in :func:`quantize`).
    bits : int, optional
        Bits per element. Default: ``None``, the mode's default.
    mode : str, optional
        ``"nvfp4"`` or ``"mxfp8"``. Default: ``"nvfp4"``.
    global_scale_x : array, optional
        A scalar scale for ``x`` (``"nvfp4"`` only). Default: ``None``.
    global_scale_w : array, optional
        A scalar scale for ``w`` (``"nvfp4"`` only). Default: ``None``.
    sorted_indices : bool, optional
        Promise that the indices are sorted, which may allow a faster kernel. Default: ``False``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        One product per index: shape ``broadcast(lhs_indices, rhs_indices).shape + (M, N)``.

    Raises
    ------
    TypeError
        When an operand is not an array (or ``None`` where allowed), or a flag is not a bool.
    ValueError
        When ``w`` is quantized but ``scales`` is missing, or the shapes do not match; on the GPU also
        for the ``"affine"`` mode and when the last axis of ``x`` is not a multiple of the group size.
    RuntimeError
        When the backend does not implement it (the CPU does not).

    Examples
    --------
    >>> x = mx.ones((1, 64))
    >>> w_q, scales = mx.quantize(mx.ones((2, 64)), mode="nvfp4")
    >>> mx.gather_qqmm(x, w_q)
    Traceback (most recent call last):
        ...
    ValueError: [gather_qqmm] Scales must be provided if second argument is quantized.

    Notes
    -----
    The reference binding crashes (segmentation fault) when ``w`` is quantized and ``scales`` is
    missing; mlxcy raises ``ValueError``.

    A ``group_size`` or ``bits`` of 0 or below is a ``ValueError`` here; the reference binding crashes
    on them (floating point exception). On the GPU, libmlx's kernel faults (an illegal memory access
    that leaves the CUDA context unusable) in the ``"affine"`` mode and for an ``x`` whose last axis
    is not a whole number of groups; mlxcy raises ``ValueError`` for those.
    """
    cdef optional[c_array] xx = nullopt, xw = nullopt, sc = nullopt, gx = nullopt, gw = nullopt
    cdef optional[c_array] li = nullopt, ri = nullopt
    cdef str f = "gather_qqmm"
    xx = array_arg(x, f, "x")._a
    xw = array_arg(w, f, "w")._a
    opt_array_arg(scales, f, "scales", sc)
    opt_array_arg(lhs_indices, f, "lhs_indices", li)
    opt_array_arg(rhs_indices, f, "rhs_indices", ri)
    opt_array_arg(global_scale_x, f, "global_scale_x", gx)
    opt_array_arg(global_scale_w, f, "global_scale_w", gw)
    cdef string m = str_arg(mode, f, "mode").encode()
    # libmlx reads the missing scales of a packed (uint32) weight and crashes: refuse it here.
    if not sc.has_value() and deref(xw).dtype() == uint32:
        raise ValueError("[gather_qqmm] Scales must be provided if second argument is quantized.")
    cdef optional[int] gsize = _opt_group_arg(group_size, f, "group_size")
    if cx.to_stream(stream_arg(stream)).device.type == DeviceType.gpu:
        _check_gather_qqmm_on_gpu(deref(xx), m, gsize)
    return wrap_tmp(ops.gather_qqmm(deref(xx), deref(xw), sc, li, ri, gsize, _opt_group_arg(bits, f, "bits"),
                                m, gx, gw, to_flag(sorted_indices, f, "sorted_indices"),
                                stream_arg(stream)))


# The group sizes the floating-point quantization modes use when none is given.
cdef dict _FP_MODE_GROUP_SIZE = {b"nvfp4": 16, b"mxfp4": 32, b"mxfp8": 32}


cdef int _check_gather_qqmm_on_gpu(const c_array& x, string mode, optional[int] group_size) except -1:
    """libmlx's CUDA gather_qqmm reads outside its buffers in the affine mode and when the last axis
    of ``x`` is not a whole number of groups: an illegal memory access that leaves the process's
    CUDA context unusable (issue 17, measured on an H200). Refuse those before libmlx runs it."""
    if mode == b"affine":
        raise ValueError("[gather_qqmm] The 'affine' mode is not supported on the GPU: use 'nvfp4', "
                         "'mxfp4' or 'mxfp8'.")
    cdef int groups_of = group_size.value() if group_size.has_value() else _FP_MODE_GROUP_SIZE.get(mode, 0)
    if x.ndim() >= 1 and groups_of > 0 and x.shape(-1) % groups_of != 0:
        raise ValueError(f"[gather_qqmm] The last axis of x ({x.shape(-1)}) must be a multiple of the "
                         f"group size {groups_of} on the GPU.")
    return 0


def to_fp8(x: array, *, stream: StreamOrDevice = None) -> array:
    """Encode a floating-point array as 8-bit floats (E4M3: 4 exponent bits, 3 mantissa bits), stored
    as uint8.

    Values are rounded to the nearest E4M3 value; the largest finite magnitude is 448.

    Parameters
    ----------
    x : array
        The values to encode, real floating-point.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The encoded bytes, uint8, same shape as ``x``.

    Raises
    ------
    TypeError
        When ``x`` is not an array.
    ValueError
        When ``x`` is not of a real floating-point dtype.

    Examples
    --------
    >>> mx.to_fp8(mx.array([1.0, 0.5, -2.0, 448.0]))
    array([56, 48, 192, 126], dtype=uint8)
    """
    cdef optional[c_array] xx = nullopt
    xx = array_arg(x, "to_fp8", "x")._a
    return wrap_tmp(ops.to_fp8(deref(xx), stream_arg(stream)))


def from_fp8(x: array, dtype: Dtype = bfloat16, *, stream: StreamOrDevice = None) -> array:
    """Decode 8-bit floats (E4M3), stored as uint8, into a floating-point dtype.

    The inverse of :func:`to_fp8`.

    Parameters
    ----------
    x : array
        The encoded bytes, uint8.
    dtype : Dtype, optional
        The real floating-point dtype of the result. Default: ``bfloat16``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The decoded values, same shape as ``x``.

    Raises
    ------
    TypeError
        When ``x`` is not an array.
    ValueError
        When ``x`` is not uint8 or ``dtype`` is not a real floating-point dtype.

    Examples
    --------
    >>> b = mx.to_fp8(mx.array([1.0, 0.5, -2.0, 3.3]))
    >>> mx.from_fp8(b)
    array([1, 0.5, -2, 3.25], dtype=bfloat16)
    >>> mx.from_fp8(b, mx.float32)
    array([1, 0.5, -2, 3.25], dtype=float32)
    """
    cdef optional[c_array] xx = nullopt
    xx = array_arg(x, "from_fp8", "x")._a
    return wrap_tmp(ops.from_fp8(deref(xx), to_c_dtype(dtype), stream_arg(stream)))
