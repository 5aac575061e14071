# cython: language_level=3, cpp_locals=True, embedsignature=True
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


def norm(a, /, ord=None, axis=None, keepdims=False, *, stream=None):
    """Vector or matrix norm of ``a``.

    ``ord`` is None (2-norm of vectors, Frobenius of matrices), a number (``inf``, ``-inf``,
    0, ±1, ±2, any p for vectors) or ``"fro"``/``"nuc"`` for matrices. ``axis`` is None, an
    int (vector norm) or two ints (matrix norm).
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


def qr(a, *, stream=None):
    """QR factorization ``a = Q @ R``; returns ``(Q, R)``."""
    cdef optional[c_array] x = nullopt
    return tuple(wrap_list(cl.linalg_qr(deref(_a(a, "qr", x)), to_sod(stream))))


def svd(a, compute_uv=True, *, stream=None):
    """Singular value decomposition ``a = U @ diag(S) @ Vt``: ``(U, S, Vt)``, or ``S`` alone
    when ``compute_uv`` is False."""
    cdef optional[c_array] x = nullopt
    cdef cbool uv = to_flag(compute_uv, "svd", "compute_uv")
    out = wrap_list(cl.svd(deref(_a(a, "svd", x)), uv, to_sod(stream)))
    return tuple(out) if uv else out[0]


def inv(a, *, stream=None):
    """Inverse of a square matrix (batched over leading axes)."""
    cdef optional[c_array] x = nullopt
    return wrap(cl.inv(deref(_nonempty_matrices(a, "inv", x)), to_sod(stream)))


def tri_inv(a, upper=False, *, stream=None):
    """Inverse of a triangular matrix (lower unless ``upper``)."""
    cdef optional[c_array] x = nullopt
    return wrap(cl.tri_inv(deref(_nonempty_matrices(a, "tri_inv", x)), <cbool>to_flag(upper, "tri_inv", "upper"), to_sod(stream)))


def cholesky(a, upper=False, *, stream=None):
    """Cholesky factor of a symmetric positive definite matrix (lower unless ``upper``)."""
    cdef optional[c_array] x = nullopt
    return wrap(cl.cholesky(deref(_a(a, "cholesky", x)), <cbool>to_flag(upper, "cholesky", "upper"), to_sod(stream)))


def cholesky_inv(a, upper=False, *, stream=None):
    """Inverse of the matrix whose Cholesky factor is ``a``."""
    cdef optional[c_array] x = nullopt
    return wrap(cl.cholesky_inv(deref(_nonempty_matrices(a, "cholesky_inv", x)), <cbool>to_flag(upper, "cholesky_inv", "upper"), to_sod(stream)))


def pinv(a, *, stream=None):
    """Moore-Penrose pseudo-inverse."""
    cdef optional[c_array] x = nullopt
    return wrap(cl.pinv(deref(_a(a, "pinv", x)), to_sod(stream)))


def cross(a, b, axis=-1, *, stream=None):
    """Cross product of 3-vectors (or 2-vectors, zero-extended) along ``axis``."""
    cdef optional[c_array] x = nullopt
    cdef optional[c_array] y = nullopt
    x = array_arg(a, "cross", "a")._a
    y = array_arg(b, "cross", "b")._a
    return wrap(cl.cross(deref(x), deref(y), <int>axis, to_sod(stream)))


def eig(a, *, stream=None):
    """Eigenvalues and right eigenvectors of a square matrix (complex64)."""
    cdef optional[c_array] x = nullopt
    return tuple(wrap_list(cl.linalg_eig(deref(_a(a, "eig", x)), to_sod(stream))))


def eigvals(a, *, stream=None):
    """Eigenvalues of a square matrix (complex64)."""
    cdef optional[c_array] x = nullopt
    return wrap(cl.eigvals(deref(_a(a, "eigvals", x)), to_sod(stream)))


cdef string _uplo(object UPLO, str fn) except *:
    if not isinstance(UPLO, str):
        raise TypeError(f"{fn}(): UPLO must be a str ('L' or 'U'), got {type(UPLO).__name__}")
    return UPLO.encode()


def eigh(a, UPLO="L", *, stream=None):
    """Eigenvalues (ascending) and eigenvectors of a symmetric/Hermitian matrix, read from
    its lower (``"L"``) or upper (``"U"``) triangle."""
    cdef optional[c_array] x = nullopt
    return tuple(wrap_list(cl.linalg_eigh(deref(_a(a, "eigh", x)), _uplo(UPLO, "eigh"), to_sod(stream))))


def eigvalsh(a, UPLO="L", *, stream=None):
    """Eigenvalues (ascending) of a symmetric/Hermitian matrix."""
    cdef optional[c_array] x = nullopt
    return wrap(cl.eigvalsh(deref(_a(a, "eigvalsh", x)), _uplo(UPLO, "eigvalsh"), to_sod(stream)))


def lu(a, *, stream=None):
    """LU factorization with partial pivoting: ``(p, L, U)`` with ``(L @ U)[p] == a``."""
    cdef optional[c_array] x = nullopt
    return tuple(wrap_list(cl.lu(deref(_nonempty_matrices(a, "lu", x)), to_sod(stream))))


def lu_factor(a, *, stream=None):
    """Compact LU factorization (LAPACK getrf): ``(LU, pivots)``."""
    cdef optional[c_array] x = nullopt
    return tuple(wrap_list(cl.linalg_lu_factor(deref(_nonempty_matrices(a, "lu_factor", x)), to_sod(stream))))


def solve(a, b, *, stream=None):
    """Solve ``a @ x = b`` for ``x`` (``a`` square)."""
    cdef optional[c_array] x = nullopt
    cdef optional[c_array] y = nullopt
    x = array_arg(a, "solve", "a")._a
    y = array_arg(b, "solve", "b")._a
    return wrap(cl.solve(deref(x), deref(y), to_sod(stream)))


def solve_triangular(a, b, *, upper=False, stream=None):
    """Solve ``a @ x = b`` for triangular ``a`` (lower unless ``upper``)."""
    cdef optional[c_array] x = nullopt
    cdef optional[c_array] y = nullopt
    x = array_arg(a, "solve_triangular", "a")._a
    y = array_arg(b, "solve_triangular", "b")._a
    return wrap(cl.solve_triangular(deref(x), deref(y), <cbool>to_flag(upper, "solve_triangular", "upper"), to_sod(stream)))


def det(a, *, stream=None):
    """Determinant of a square matrix (batched over leading axes)."""
    cdef optional[c_array] x = nullopt
    return wrap(cl.det(deref(_a(a, "det", x)), to_sod(stream)))


def slogdet(a, *, stream=None):
    """Sign and natural log of the absolute determinant: ``(sign, logabsdet)``."""
    cdef optional[c_array] x = nullopt
    return tuple(wrap_list(cl.linalg_slogdet(deref(_a(a, "slogdet", x)), to_sod(stream))))
