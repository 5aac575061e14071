# cython: language_level=3, cpp_locals=True
"""mlxcy.linalg: norms, factorizations, inverses and solvers (as ``mlx.core.linalg``).

The factorizations run on the CPU; passing a GPU stream raises the reference's error.
"""
from libcpp cimport bool as cbool
from libcpp.string cimport string
from mlxcy.includes cimport linalg as cl

include "_ns_common.pxi"


cdef inline c_array* _a(object a, str fn, optional[c_array]& store) except NULL:
    store = array_arg(a, fn, "a")._a
    check_copyable(deref(store))   # LAPACK works on a contiguous copy
    return &deref(store)


cdef c_array* _nonempty_matrices(object a, str fn, optional[c_array]& store) except NULL:
    """_a for the factorizations LAPACK is handed directly: matrices of size 0 make libmlx divide
    by zero (SIGFPE, in the reference too), so they are refused first."""
    cdef c_array* p = _a(a, fn, store)
    if p.ndim() >= 2 and (p.shape(-1) == 0 or p.shape(-2) == 0):
        raise ValueError(f"[linalg::{fn}] Received empty matrices of shape {tuple(a.shape)}.")
    return p


def norm(a: array, /, ord: None | int | float | str = None, axis: None | int | list[int] = None,
         keepdims: bool = False, *, stream: StreamOrDevice = None) -> array:
    """Compute a vector norm or a matrix norm.

    With ``axis=None``, a 1-D input gets a vector norm and a 2-D input a matrix norm; with
    ``ord=None`` too, any input gets the 2-norm of all its elements (flattened). An int ``axis``
    asks for vector norms along it, a pair of ints for matrix norms over those two axes.

    Parameters
    ----------
    a : array
        The input.
    ord : int, float, str or None, optional
        Which norm. Vectors: ``None`` or 2 (Euclidean), ``inf``, ``-inf``, 0 (count of non-zero
        elements), any other number p (``sum(abs(a)**p)**(1/p)``). Matrices: ``None`` or
        ``"fro"`` (Frobenius), ``"nuc"`` (sum of singular values), ``inf``, ``-inf``, 1, -1
        (maximum/minimum absolute row or column sum), 2, -2 (largest/smallest singular value).
        Default: ``None``.
    axis : int or tuple(int, int), optional
        The axis of vector norms or the two axes of matrix norms. Default: ``None``.
    keepdims : bool, optional
        Keep the reduced axes with size 1. Default: ``False``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default
        device.

    Returns
    -------
    array
        The norms, of a floating-point dtype (integer inputs give float32).

    Raises
    ------
    ValueError
        When ``ord`` is not valid for a vector or matrix norm, or there are more than two axes
        (explicitly, or an input of more than 2 dimensions with ``ord`` given and no ``axis``).

    Examples
    --------
    >>> mx.linalg.norm(mx.array([3.0, 4.0]))
    array(5, dtype=float32)
    >>> mx.linalg.norm(mx.array([3.0, -4.0]), ord=1)
    array(7, dtype=float32)
    >>> mx.linalg.norm(mx.array([[3.0, 4.0], [6.0, 8.0]]), axis=1)
    array([5, 10], dtype=float32)
    >>> mx.linalg.norm(mx.array([[1.0, -2.0], [3.0, 4.0]]), ord=1)
    array(6, dtype=float32)

    Notes
    -----
    ``ord`` 2, -2 and ``"nuc"`` of matrices go through :func:`linalg.svd`, which runs on the
    CPU only.
    """
    cdef optional[c_array] x = nullopt
    cdef optional[vector[int]] ax = nullopt
    x = array_arg(a, "norm", "a")._a
    if not (ord is None or isinstance(ord, (str, int, float))):
        raise TypeError(f"norm(): ord must be None, a number or a str, got {type(ord).__name__}")
    if axis is not None:
        ax = int_list_arg((axis,) if isinstance(axis, int) else axis, "norm", "axis", False)
    cdef cbool kd = to_flag(keepdims, "norm", "keepdims")
    cdef double dord = 0
    cdef string sord = string()
    if ord is None:
        return wrap(cl.norm(deref(x), ax, kd, to_sod(stream)))
    if isinstance(ord, str):
        sord = ord.encode()
        return wrap(cl.norm(deref(x), sord, ax, kd, to_sod(stream)))
    dord = ord
    return wrap(cl.norm(deref(x), dord, ax, kd, to_sod(stream)))


def qr(a: array, *, stream: StreamOrDevice = None) -> tuple[array, array]:
    """Compute the QR factorization ``a = Q @ R``.

    For an ``M x N`` input with ``K = min(M, N)``, ``Q`` is ``M x K`` with orthonormal columns
    and ``R`` is ``K x N`` upper triangular (the reduced factorization).

    Parameters
    ----------
    a : array
        The input, a matrix or a stack of matrices in its last two axes.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default
        device. The factorization runs on the CPU only: on a GPU pass ``stream=mx.cpu``.

    Returns
    -------
    tuple(array, array)
        ``(Q, R)``, of ``a``'s dtype.

    Raises
    ------
    TypeError
        When ``a`` is not an array (lists are not converted).
    ValueError
        When ``a`` has fewer than 2 dimensions or its dtype is not float32 or float64.

    Examples
    --------
    >>> a = mx.array([[3.0, 1.0], [4.0, 2.0], [0.0, 1.0]])
    >>> Q, R = mx.linalg.qr(a, stream=mx.cpu)
    >>> Q.shape, R.shape
    ((3, 2), (2, 2))
    >>> mx.allclose(mx.matmul(Q, R, stream=mx.cpu), a, atol=1e-5).item()
    True
    """
    cdef optional[c_array] x = nullopt
    return tuple(wrap_list(cl.linalg_qr(deref(_a(a, "qr", x)), to_sod(stream))))


def svd(a: array, compute_uv: bool = True, *,
        stream: StreamOrDevice = None) -> tuple[array, array, array]:
    """Compute the singular value decomposition ``a = U @ diag(S) @ Vt``.

    ``U`` and ``Vt`` are full square matrices (``M x M`` and ``N x N`` for an ``M x N``
    input); ``S`` holds the ``min(M, N)`` singular values in decreasing order.

    Parameters
    ----------
    a : array
        The input, a matrix or a stack of matrices in its last two axes.
    compute_uv : bool, optional
        Also compute ``U`` and ``Vt``. Default: ``True``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default
        device. The factorization runs on the CPU only: on a GPU pass ``stream=mx.cpu``.

    Returns
    -------
    tuple(array, array, array) or array
        ``(U, S, Vt)``, or ``S`` alone when ``compute_uv`` is False; of ``a``'s dtype.

    Raises
    ------
    TypeError
        When ``a`` is not an array (lists are not converted).
    ValueError
        When ``a`` has fewer than 2 dimensions or its dtype is not float32, float64 or
        complex64.

    Examples
    --------
    >>> a = mx.array([[3.0, 0.0, 0.0], [0.0, 4.0, 0.0]])
    >>> U, S, Vt = mx.linalg.svd(a, stream=mx.cpu)
    >>> S, U.shape, Vt.shape
    (array([4, 3], dtype=float32), (2, 2), (3, 3))
    >>> mx.linalg.svd(a, compute_uv=False, stream=mx.cpu)
    array([4, 3], dtype=float32)
    """
    cdef optional[c_array] x = nullopt
    cdef cbool uv = to_flag(compute_uv, "svd", "compute_uv")
    out = wrap_list(cl.svd(deref(_a(a, "svd", x)), uv, to_sod(stream)))
    return tuple(out) if uv else out[0]


def inv(a: array, *, stream: StreamOrDevice = None) -> array:
    """Compute the inverse of square matrices.

    Parameters
    ----------
    a : array
        The input, a matrix or a stack of matrices in its last two axes.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default
        device. The factorization runs on the CPU only: on a GPU pass ``stream=mx.cpu``.

    Returns
    -------
    array
        The inverses, of ``a``'s shape and dtype.

    Raises
    ------
    TypeError
        When ``a`` is not an array (lists are not converted).
    ValueError
        When ``a`` has fewer than 2 dimensions, its last two axes are not square, or its dtype
        is not float32 or float64.
    RuntimeError
        When a matrix is singular (at evaluation).

    Examples
    --------
    >>> mx.linalg.inv(mx.array([[2.0, 1.0], [1.0, 1.0]]), stream=mx.cpu)
    array([[1, -1],
           [-1, 2]], dtype=float32)
    >>> mx.linalg.inv(mx.ones((3, 2, 2)) + mx.eye(2), stream=mx.cpu).shape
    (3, 2, 2)

    Notes
    -----
    An empty matrix raises ``ValueError`` (the reference crashes; see docs/differences.md).
    """
    cdef optional[c_array] x = nullopt
    return wrap(cl.inv(deref(_nonempty_matrices(a, "inv", x)), to_sod(stream)))


def tri_inv(a: array, upper: bool = False, *, stream: StreamOrDevice = None) -> array:
    """Compute the inverse of triangular matrices.

    Only the lower (or upper) triangle of ``a`` is read; the result is triangular too.

    Parameters
    ----------
    a : array
        The input, a matrix or a stack of matrices in its last two axes.
    upper : bool, optional
        Read the upper triangle instead of the lower one. Default: ``False``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default
        device. The factorization runs on the CPU only: on a GPU pass ``stream=mx.cpu``.

    Returns
    -------
    array
        The inverses, of ``a``'s shape and dtype.

    Raises
    ------
    TypeError
        When ``a`` is not an array (lists are not converted).
    ValueError
        When ``a`` has fewer than 2 dimensions, its last two axes are not square, or its dtype
        is not float32 or float64.

    Examples
    --------
    >>> mx.linalg.tri_inv(mx.array([[2.0, 0.0], [1.0, 4.0]]), stream=mx.cpu)
    array([[0.5, 0],
           [-0.125, 0.25]], dtype=float32)
    >>> mx.linalg.tri_inv(mx.array([[2.0, 1.0], [0.0, 4.0]]), upper=True, stream=mx.cpu)
    array([[0.5, -0.125],
           [0, 0.25]], dtype=float32)
    """
    cdef optional[c_array] x = nullopt
    return wrap(cl.tri_inv(deref(_nonempty_matrices(a, "tri_inv", x)), <cbool>to_flag(upper, "tri_inv", "upper"), to_sod(stream)))


def cholesky(a: array, upper: bool = False, *, stream: StreamOrDevice = None) -> array:
    """Compute the Cholesky factor of symmetric positive definite matrices.

    The factor ``L`` is lower triangular with ``L @ L.T == a`` (or upper triangular ``U`` with
    ``U.T @ U == a``). Only the lower triangle of ``a`` is read (the upper one with
    ``upper=True``). The input is not checked for being positive definite: for other matrices
    the result is meaningless.

    Parameters
    ----------
    a : array
        The input, a matrix or a stack of matrices in its last two axes.
    upper : bool, optional
        Return the upper triangular factor. Default: ``False``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default
        device. The factorization runs on the CPU only: on a GPU pass ``stream=mx.cpu``.

    Returns
    -------
    array
        The factors, of ``a``'s shape and dtype.

    Raises
    ------
    TypeError
        When ``a`` is not an array (lists are not converted).
    ValueError
        When ``a`` has fewer than 2 dimensions, its last two axes are not square, or its dtype
        is not float32 or float64.

    Examples
    --------
    >>> a = mx.array([[4.0, 2.0], [2.0, 2.0]])
    >>> mx.linalg.cholesky(a, stream=mx.cpu)
    array([[2, 0],
           [1, 1]], dtype=float32)
    >>> mx.linalg.cholesky(a, upper=True, stream=mx.cpu)
    array([[2, 1],
           [0, 1]], dtype=float32)
    """
    cdef optional[c_array] x = nullopt
    return wrap(cl.cholesky(deref(_a(a, "cholesky", x)), <cbool>to_flag(upper, "cholesky", "upper"), to_sod(stream)))


def cholesky_inv(a: array, upper: bool = False, *, stream: StreamOrDevice = None) -> array:
    """Compute the inverse of a symmetric positive definite matrix from its Cholesky factor.

    Given the factor ``L`` of a matrix ``m`` (as returned by :func:`linalg.cholesky`), returns
    the inverse of ``m = L @ L.T`` (``U.T @ U`` with ``upper=True``).

    Parameters
    ----------
    a : array
        The Cholesky factors, matrices in the last two axes.
    upper : bool, optional
        ``a`` holds upper triangular factors. Default: ``False``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default
        device. The factorization runs on the CPU only: on a GPU pass ``stream=mx.cpu``.

    Returns
    -------
    array
        The inverses, of ``a``'s shape and dtype.

    Raises
    ------
    TypeError
        When ``a`` is not an array (lists are not converted).
    ValueError
        When ``a`` has fewer than 2 dimensions, its last two axes are not square, or its dtype
        is not float32 or float64.

    Examples
    --------
    >>> m = mx.array([[4.0, 2.0], [2.0, 2.0]])
    >>> factor = mx.linalg.cholesky(m, stream=mx.cpu)
    >>> mx.linalg.cholesky_inv(factor, stream=mx.cpu)
    array([[0.5, -0.5],
           [-0.5, 1]], dtype=float32)
    """
    cdef optional[c_array] x = nullopt
    return wrap(cl.cholesky_inv(deref(_nonempty_matrices(a, "cholesky_inv", x)), <cbool>to_flag(upper, "cholesky_inv", "upper"), to_sod(stream)))


def pinv(a: array, *, stream: StreamOrDevice = None) -> array:
    """Compute the Moore-Penrose pseudo-inverse of matrices, through the SVD.

    Parameters
    ----------
    a : array
        The input, matrices (any ``M x N``) in its last two axes.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default
        device. The factorization runs on the CPU only: on a GPU pass ``stream=mx.cpu``.

    Returns
    -------
    array
        The pseudo-inverses, of shape ``a.shape[:-2] + (N, M)`` and ``a``'s dtype.

    Raises
    ------
    TypeError
        When ``a`` is not an array (lists are not converted).
    ValueError
        When ``a`` has fewer than 2 dimensions or its dtype is not float32 or float64.

    Examples
    --------
    >>> mx.linalg.pinv(mx.array([[2.0, 0.0], [0.0, 0.0]]), stream=mx.cpu)
    array([[0.5, 0],
           [0, 0]], dtype=float32)
    >>> mx.linalg.pinv(mx.ones((2, 3)), stream=mx.cpu).shape
    (3, 2)
    """
    cdef optional[c_array] x = nullopt
    return wrap(cl.pinv(deref(_a(a, "pinv", x)), to_sod(stream)))


def cross(a: array, b: array, axis: int = -1, *, stream: StreamOrDevice = None) -> array:
    """Compute the cross product of 3-element vectors along an axis.

    2-element vectors are taken as 3-element ones with a zero third element. The inputs
    broadcast against each other.

    Parameters
    ----------
    a : array
        The first vectors.
    b : array
        The second vectors.
    axis : int, optional
        The axis that holds the vectors (size 2 or 3). Default: ``-1``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default
        device.

    Returns
    -------
    array
        The cross products, with size 3 along ``axis``, of the promoted dtype of the inputs.

    Raises
    ------
    ValueError
        When the vector axis does not have size 2 or 3.

    Examples
    --------
    >>> mx.linalg.cross(mx.array([1.0, 0.0, 0.0]), mx.array([0.0, 1.0, 0.0]))
    array([0, 0, 1], dtype=float32)
    >>> mx.linalg.cross(mx.array([1, 2]), mx.array([3, 4]))
    array([0, 0, -2], dtype=int32)
    """
    cdef optional[c_array] x = nullopt
    cdef optional[c_array] y = nullopt
    x = array_arg(a, "cross", "a")._a
    y = array_arg(b, "cross", "b")._a
    return wrap(cl.cross(deref(x), deref(y), <int>axis, to_sod(stream)))


def eig(a: array, *, stream: StreamOrDevice = None) -> tuple[array, array]:
    """Compute the eigenvalues and right eigenvectors of general square matrices.

    Parameters
    ----------
    a : array
        The input, a matrix or a stack of matrices in its last two axes.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default
        device. The factorization runs on the CPU only: on a GPU pass ``stream=mx.cpu``.

    Returns
    -------
    tuple(array, array)
        ``(values, vectors)``, both complex64 (also for float64 inputs): ``values`` of shape
        ``a.shape[:-1]``, and ``vectors[..., :, i]`` the unit eigenvector of ``values[..., i]``.
        The eigenvalues come in no particular order.

    Raises
    ------
    TypeError
        When ``a`` is not an array (lists are not converted).
    ValueError
        When ``a`` has fewer than 2 dimensions, its last two axes are not square, or its dtype
        is not float32, float64 or complex64.

    Examples
    --------
    >>> values, vectors = mx.linalg.eig(mx.array([[0.0, -1.0], [1.0, 0.0]]), stream=mx.cpu)
    >>> values
    array([0+1j, 0-1j], dtype=complex64)
    >>> vectors.shape, vectors.dtype
    ((2, 2), mlx.core.complex64)
    """
    cdef optional[c_array] x = nullopt
    return tuple(wrap_list(cl.linalg_eig(deref(_a(a, "eig", x)), to_sod(stream))))


def eigvals(a: array, *, stream: StreamOrDevice = None) -> array:
    """Compute the eigenvalues of general square matrices.

    Parameters
    ----------
    a : array
        The input, a matrix or a stack of matrices in its last two axes.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default
        device. The factorization runs on the CPU only: on a GPU pass ``stream=mx.cpu``.

    Returns
    -------
    array
        The eigenvalues, complex64 (also for float64 inputs), of shape ``a.shape[:-1]``, in no
        particular order.

    Raises
    ------
    TypeError
        When ``a`` is not an array (lists are not converted).
    ValueError
        When ``a`` has fewer than 2 dimensions, its last two axes are not square, or its dtype
        is not float32, float64 or complex64.

    Examples
    --------
    >>> mx.linalg.eigvals(mx.array([[0.0, -1.0], [1.0, 0.0]]), stream=mx.cpu)
    array([0+1j, 0-1j], dtype=complex64)
    """
    cdef optional[c_array] x = nullopt
    return wrap(cl.eigvals(deref(_a(a, "eigvals", x)), to_sod(stream)))


cdef string _uplo(object UPLO, str fn) except *:
    if not isinstance(UPLO, str):
        raise TypeError(f"{fn}(): UPLO must be a str ('L' or 'U'), got {type(UPLO).__name__}")
    return UPLO.encode()


def eigh(a: array, UPLO: str = "L", *, stream: StreamOrDevice = None) -> tuple[array, array]:
    """Compute the eigenvalues and eigenvectors of symmetric (or Hermitian) matrices.

    Only one triangle of the matrix is read.

    Parameters
    ----------
    a : array
        The input, a matrix or a stack of matrices in its last two axes.
    UPLO : str, optional
        ``"L"`` to read the lower triangle, ``"U"`` the upper one. Default: ``"L"``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default
        device. The factorization runs on the CPU only: on a GPU pass ``stream=mx.cpu``.

    Returns
    -------
    tuple(array, array)
        ``(values, vectors)``: real eigenvalues in ascending order, of shape ``a.shape[:-1]``,
        and ``vectors[..., :, i]`` the unit eigenvector of ``values[..., i]``, of ``a``'s dtype
        (the values of a complex64 input are float32).

    Raises
    ------
    TypeError
        When ``a`` is not an array (lists are not converted).
    ValueError
        When ``a`` has fewer than 2 dimensions, its last two axes are not square, or its dtype
        is not float32, float64 or complex64.

    Examples
    --------
    >>> values, vectors = mx.linalg.eigh(mx.array([[2.0, 1.0], [1.0, 2.0]]), stream=mx.cpu)
    >>> values
    array([1, 3], dtype=float32)
    >>> vectors.shape
    (2, 2)
    """
    cdef optional[c_array] x = nullopt
    return tuple(wrap_list(cl.linalg_eigh(deref(_a(a, "eigh", x)), _uplo(UPLO, "eigh"), to_sod(stream))))


def eigvalsh(a: array, UPLO: str = "L", *, stream: StreamOrDevice = None) -> array:
    """Compute the eigenvalues of symmetric (or Hermitian) matrices.

    Only one triangle of the matrix is read.

    Parameters
    ----------
    a : array
        The input, a matrix or a stack of matrices in its last two axes.
    UPLO : str, optional
        ``"L"`` to read the lower triangle, ``"U"`` the upper one. Default: ``"L"``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default
        device. The factorization runs on the CPU only: on a GPU pass ``stream=mx.cpu``.

    Returns
    -------
    array
        The real eigenvalues in ascending order, of shape ``a.shape[:-1]``.

    Raises
    ------
    TypeError
        When ``a`` is not an array (lists are not converted).
    ValueError
        When ``a`` has fewer than 2 dimensions, its last two axes are not square, or its dtype
        is not float32, float64 or complex64.

    Examples
    --------
    >>> mx.linalg.eigvalsh(mx.array([[2.0, 1.0], [1.0, 2.0]]), stream=mx.cpu)
    array([1, 3], dtype=float32)
    >>> mx.linalg.eigvalsh(mx.array([[1.0, 5.0], [0.0, 2.0]]), UPLO="L", stream=mx.cpu)
    array([1, 2], dtype=float32)
    """
    cdef optional[c_array] x = nullopt
    return wrap(cl.eigvalsh(deref(_a(a, "eigvalsh", x)), _uplo(UPLO, "eigvalsh"), to_sod(stream)))


def lu(a: array, *, stream: StreamOrDevice = None) -> tuple[array, array, array]:
    """Compute the LU factorization with partial pivoting.

    Returns ``(p, L, U)`` such that ``(L @ U)[p]`` equals ``a``, with ``L`` unit lower
    triangular and ``U`` upper triangular. Matrices need not be square: for an ``M x N``
    input, ``L`` is ``M x K`` and ``U`` is ``K x N`` with ``K = min(M, N)``.

    Parameters
    ----------
    a : array
        The input, a matrix or a stack of matrices in its last two axes.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default
        device. The factorization runs on the CPU only: on a GPU pass ``stream=mx.cpu``.

    Returns
    -------
    tuple(array, array, array)
        ``p`` (uint32 row indices, shape ``a.shape[:-1]``), ``L`` and ``U`` (``a``'s dtype).

    Raises
    ------
    TypeError
        When ``a`` is not an array (lists are not converted).
    ValueError
        When ``a`` has fewer than 2 dimensions or its dtype is not float32 or float64.

    Examples
    --------
    >>> p, L, U = mx.linalg.lu(mx.array([[1.0, 2.0], [4.0, 2.0]]), stream=mx.cpu)
    >>> p
    array([1, 0], dtype=uint32)
    >>> L, U
    (array([[1, 0],
           [0.25, 1]], dtype=float32), array([[4, 2],
           [0, 1.5]], dtype=float32))

    Notes
    -----
    An empty matrix raises ``ValueError`` (the reference crashes; see docs/differences.md).
    """
    cdef optional[c_array] x = nullopt
    return tuple(wrap_list(cl.lu(deref(_nonempty_matrices(a, "lu", x)), to_sod(stream))))


def lu_factor(a: array, *, stream: StreamOrDevice = None) -> tuple[array, array]:
    """Compute the compact LU factorization with partial pivoting (as LAPACK's ``getrf``).

    ``L`` (without its unit diagonal) and ``U`` share one matrix; ``pivots[i]`` is the row
    swapped with row ``i`` at step ``i``.

    Parameters
    ----------
    a : array
        The input, a matrix or a stack of matrices in its last two axes.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default
        device. The factorization runs on the CPU only: on a GPU pass ``stream=mx.cpu``.

    Returns
    -------
    tuple(array, array)
        ``(LU, pivots)``: ``LU`` of ``a``'s shape and dtype, ``pivots`` uint32 of shape
        ``a.shape[:-2] + (min(M, N),)``.

    Raises
    ------
    TypeError
        When ``a`` is not an array (lists are not converted).
    ValueError
        When ``a`` has fewer than 2 dimensions or its dtype is not float32 or float64.

    Examples
    --------
    >>> LU, pivots = mx.linalg.lu_factor(mx.array([[1.0, 2.0], [4.0, 2.0]]), stream=mx.cpu)
    >>> LU
    array([[4, 2],
           [0.25, 1.5]], dtype=float32)
    >>> pivots
    array([1, 1], dtype=uint32)
    """
    cdef optional[c_array] x = nullopt
    return tuple(wrap_list(cl.linalg_lu_factor(deref(_nonempty_matrices(a, "lu_factor", x)), to_sod(stream))))


def solve(a: array, b: array, *, stream: StreamOrDevice = None) -> array:
    """Solve the linear system ``a @ x = b`` for ``x``.

    Parameters
    ----------
    a : array
        Square coefficient matrices in the last two axes.
    b : array
        The right-hand side: a vector ``(N,)`` for one ``N x N`` matrix ``a``, or matrices
        ``(..., N, K)`` with the same batch axes as ``a``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default
        device. The factorization runs on the CPU only: on a GPU pass ``stream=mx.cpu``.

    Returns
    -------
    array
        The solution, shaped like ``b`` (after broadcasting).

    Raises
    ------
    TypeError
        When ``a`` or ``b`` is not an array.
    ValueError
        When ``a`` is not square, the shapes do not match, or the inputs do not promote to
        float32 or float64 (integer inputs are refused).

    Examples
    --------
    >>> a = mx.array([[1.0, 1.0], [1.0, -1.0]])
    >>> mx.linalg.solve(a, mx.array([3.0, 1.0]), stream=mx.cpu)
    array([2, 1], dtype=float32)
    >>> mx.linalg.solve(a, mx.array([[3.0], [1.0]]), stream=mx.cpu)
    array([[2],
           [1]], dtype=float32)
    """
    cdef optional[c_array] x = nullopt
    cdef optional[c_array] y = nullopt
    x = array_arg(a, "solve", "a")._a
    y = array_arg(b, "solve", "b")._a
    return wrap(cl.solve(deref(x), deref(y), to_sod(stream)))


def solve_triangular(a: array, b: array, *, upper: bool = False,
                     stream: StreamOrDevice = None) -> array:
    """Solve ``a @ x = b`` for ``x`` where ``a`` is triangular.

    Only the lower (or upper) triangle of ``a`` is read.

    Parameters
    ----------
    a : array
        Triangular coefficient matrices in the last two axes.
    b : array
        The right-hand side: vectors ``(..., N)`` or matrices ``(..., N, K)``; batch axes
        broadcast against ``a``'s.
    upper : bool, optional
        Read the upper triangle of ``a`` instead of the lower one. Default: ``False``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default
        device. The factorization runs on the CPU only: on a GPU pass ``stream=mx.cpu``.

    Returns
    -------
    array
        The solution, shaped like ``b`` (after broadcasting).

    Raises
    ------
    TypeError
        When ``a`` or ``b`` is not an array.
    ValueError
        When ``a`` is not square, the shapes do not match, or the dtypes are not float32 or
        float64.

    Examples
    --------
    >>> a = mx.array([[2.0, 0.0], [1.0, 4.0]])
    >>> mx.linalg.solve_triangular(a, mx.array([2.0, 9.0]), stream=mx.cpu)
    array([1, 2], dtype=float32)
    >>> mx.linalg.solve_triangular(a.T, mx.array([4.0, 8.0]), upper=True, stream=mx.cpu)
    array([1, 2], dtype=float32)
    """
    cdef optional[c_array] x = nullopt
    cdef optional[c_array] y = nullopt
    x = array_arg(a, "solve_triangular", "a")._a
    y = array_arg(b, "solve_triangular", "b")._a
    return wrap(cl.solve_triangular(deref(x), deref(y), <cbool>to_flag(upper, "solve_triangular", "upper"), to_sod(stream)))


def det(a: array, *, stream: StreamOrDevice = None) -> array:
    """Compute the determinant of square matrices.

    Parameters
    ----------
    a : array
        The input, a matrix or a stack of matrices in its last two axes.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default
        device. The factorization runs on the CPU only: on a GPU pass ``stream=mx.cpu``.

    Returns
    -------
    array
        The determinants, of shape ``a.shape[:-2]``; integer inputs give float32.

    Raises
    ------
    TypeError
        When ``a`` is not an array (lists are not converted).
    ValueError
        When ``a`` has fewer than 2 dimensions or its last two axes are not square.

    Examples
    --------
    >>> mx.linalg.det(mx.array([[2.0, 1.0], [4.0, 4.0]]), stream=mx.cpu)
    array(4, dtype=float32)
    >>> mx.linalg.det(mx.array([[[2, 0], [0, 2]], [[0, 1], [1, 0]]]), stream=mx.cpu)
    array([4, -1], dtype=float32)
    """
    cdef optional[c_array] x = nullopt
    return wrap(cl.det(deref(_a(a, "det", x)), to_sod(stream)))


def slogdet(a: array, *, stream: StreamOrDevice = None) -> tuple[array, array]:
    """Compute the sign and the natural logarithm of the absolute determinant of square matrices.

    More robust than ``log(det(a))`` when the determinant is very large or small.

    Parameters
    ----------
    a : array
        The input, a matrix or a stack of matrices in its last two axes.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default
        device. The factorization runs on the CPU only: on a GPU pass ``stream=mx.cpu``.

    Returns
    -------
    tuple(array, array)
        ``(sign, logabsdet)``, each of shape ``a.shape[:-2]``: the sign (1, -1 or 0) and
        ``log(abs(det(a)))``. Integer inputs give float32.

    Raises
    ------
    TypeError
        When ``a`` is not an array (lists are not converted).
    ValueError
        When ``a`` has fewer than 2 dimensions or its last two axes are not square.

    Examples
    --------
    >>> sign, logabsdet = mx.linalg.slogdet(mx.array([[0.0, 1.0], [1.0, 0.0]]), stream=mx.cpu)
    >>> sign, logabsdet
    (array(-1, dtype=float32), array(0, dtype=float32))
    """
    cdef optional[c_array] x = nullopt
    return tuple(wrap_list(cl.linalg_slogdet(deref(_a(a, "slogdet", x)), to_sod(stream))))
