"""mlxcy.linalg against NumPy: values, and reconstruction of A from its factors."""
import numpy as np
import pytest

import mlxcy as mx
from _device import cpu_only

RNG = np.random.RandomState(3)


def _m(*shape):
    return RNG.randn(*shape).astype(np.float32)


def _spd(n, batch=()):
    a = RNG.randn(*batch, n, n)
    return (a @ np.swapaxes(a, -1, -2) + n * np.eye(n)).astype(np.float32)


def _np(x):
    return np.asarray(x)


def _close(got, want, tol=1e-4):
    np.testing.assert_allclose(_np(got), want, rtol=tol, atol=tol * max(1.0, float(np.abs(want).max())))


# ---- norm ----

VEC_ORDS = [None, 0, 1, -1, 2, -2, 3, 0.5, np.inf, -np.inf]
# "nuc", 2 and -2 take an SVD, which runs on the CPU stream only (libmlx's rule)
MAT_ORDS = [None, "fro", cpu_only("nuc"), 1, -1, cpu_only(2), cpu_only(-2), np.inf, -np.inf]


@pytest.mark.parametrize("ord", VEC_ORDS)
def test_vector_norms(ord):
    x = _m(7)
    _close(mx.linalg.norm(mx.array(x), ord), np.linalg.norm(x, ord))
    b = _m(3, 5)
    _close(mx.linalg.norm(mx.array(b), ord, axis=1), np.linalg.norm(b, ord, axis=1))
    _close(mx.linalg.norm(mx.array(b), ord, axis=0, keepdims=True), np.linalg.norm(b, ord, axis=0, keepdims=True))


@pytest.mark.parametrize("ord", MAT_ORDS)
def test_matrix_norms(ord):
    a = _m(4, 3)
    _close(mx.linalg.norm(mx.array(a), ord), np.linalg.norm(a, ord))
    b = _m(2, 4, 3)
    _close(mx.linalg.norm(mx.array(b), ord, axis=(1, 2)), np.linalg.norm(b, ord, axis=(1, 2)))
    _close(mx.linalg.norm(mx.array(b), ord, axis=[2, 0], keepdims=True),
           np.linalg.norm(b, ord, axis=(2, 0), keepdims=True))


def test_norm_defaults_flatten_and_dtypes():
    b = _m(2, 3, 4)
    _close(mx.linalg.norm(mx.array(b)), np.linalg.norm(b.ravel()))
    _close(mx.linalg.norm(mx.array(b), axis=-1), np.linalg.norm(b, axis=-1))
    assert mx.linalg.norm(mx.array([3, 4])).dtype == mx.float32
    assert mx.linalg.norm(mx.array([3, 4]).astype(mx.float16)).dtype == mx.float16
    assert mx.linalg.norm(mx.array([3, 4])).item() == 5.0
    c = np.array([[1 + 1j, 2]], np.complex64)
    _close(mx.linalg.norm(mx.array(c), "fro"), np.linalg.norm(c, "fro"))


def test_matrix_norm_is_norm():
    # as in the reference, the core namespace's matrix_norm is linalg.norm itself
    assert mx.matrix_norm is mx.linalg.norm
    assert "matrix_norm" not in dir(mx.linalg)
    a = _m(3, 3)
    _close(mx.matrix_norm(mx.array(a), "nuc", stream=mx.cpu), np.linalg.norm(a, "nuc"))


def test_norm_bad_input():
    a = mx.array(_m(2, 2))
    with pytest.raises(ValueError, match="Invalid ord value 'foo'"):
        mx.linalg.norm(a, "foo")
    with pytest.raises(ValueError, match="Invalid ord 3"):
        mx.linalg.norm(a, 3)
    with pytest.raises(ValueError, match="only supported for matrices"):
        mx.linalg.norm(mx.array(_m(3)), "fro")
    with pytest.raises(ValueError, match="too many axes"):
        mx.linalg.norm(a, axis=(0, 1, 0))
    with pytest.raises(TypeError):
        mx.linalg.norm(a, ord=[1])
    with pytest.raises(TypeError):
        mx.linalg.norm(a, axis=1.0)
    with pytest.raises(TypeError):
        mx.linalg.norm([[1.0, 2.0]])


# ---- factorizations ----

@pytest.mark.cpu_only   # CPU stream only (libmlx's rule)
@pytest.mark.parametrize("shape", [(4, 4), (5, 3), (3, 5), (2, 4, 3)])
def test_qr_reconstructs(shape):
    a = _m(*shape)
    q, r = mx.linalg.qr(mx.array(a))
    q, r = _np(q), _np(r)
    _close(q @ r, a)
    k = min(shape[-2:])
    _close(np.swapaxes(q, -1, -2) @ q, np.broadcast_to(np.eye(k), q.shape[:-2] + (k, k)))
    assert np.allclose(np.tril(r, -1), 0)


@pytest.mark.cpu_only   # CPU stream only (libmlx's rule)
@pytest.mark.parametrize("shape", [(4, 4), (5, 3), (3, 5), (2, 3, 3)])
def test_svd_reconstructs(shape):
    a = _m(*shape)
    u, s, vt = mx.linalg.svd(mx.array(a))
    u, s, vt = _np(u), _np(s), _np(vt)
    k = min(shape[-2:])
    _close(u[..., :k] * s[..., None, :] @ vt[..., :k, :], a)
    _close(s, np.linalg.svd(a, compute_uv=False))
    only_s = mx.linalg.svd(mx.array(a), compute_uv=False)
    assert isinstance(only_s, mx.array)
    _close(only_s, np.linalg.svd(a, compute_uv=False))


@pytest.mark.cpu_only   # CPU stream only (libmlx's rule)
def test_inverses():
    a = _spd(4, (3,))
    _close(mx.linalg.inv(mx.array(a)), np.linalg.inv(a), tol=1e-3)
    l = np.linalg.cholesky(a).astype(np.float32)
    _close(mx.linalg.tri_inv(mx.array(l)), np.linalg.inv(l), tol=1e-3)
    u = np.swapaxes(l, -1, -2).copy()
    _close(mx.linalg.tri_inv(mx.array(u), upper=True), np.linalg.inv(u), tol=1e-3)
    _close(mx.linalg.cholesky_inv(mx.array(l)), np.linalg.inv(a), tol=1e-3)
    _close(mx.linalg.cholesky_inv(mx.array(u), True), np.linalg.inv(a), tol=1e-3)
    b = _m(5, 3)
    _close(mx.linalg.pinv(mx.array(b)), np.linalg.pinv(b), tol=1e-3)


@pytest.mark.cpu_only   # CPU stream only (libmlx's rule)
def test_inv_float64():
    a = np.array([[1.0, 2.0], [3.0, 4.0]])
    got = mx.linalg.inv(mx.array(a, mx.float64))
    assert got.dtype == mx.float64
    np.testing.assert_allclose(_np(got), np.linalg.inv(a), rtol=1e-12)


def test_cholesky():
    a = _spd(5, (2,))
    l = _np(mx.linalg.cholesky(mx.array(a)))
    _close(l @ np.swapaxes(l, -1, -2), a, tol=1e-3)
    assert np.allclose(np.triu(l, 1), 0)
    u = _np(mx.linalg.cholesky(mx.array(a), upper=True))
    _close(np.swapaxes(u, -1, -2) @ u, a, tol=1e-3)
    assert np.allclose(np.tril(u, -1), 0)


@pytest.mark.cpu_only   # CPU stream only (libmlx's rule)
def test_eigh_and_eigvalsh():
    a = _spd(4, (2,))
    for uplo in ("L", "U"):
        w, v = mx.linalg.eigh(mx.array(a), uplo)
        w, v = _np(w), _np(v)
        _close(w, np.linalg.eigvalsh(a), tol=1e-3)
        _close(a @ v, v * w[..., None, :], tol=1e-3)
        _close(mx.linalg.eigvalsh(mx.array(a), UPLO=uplo), np.linalg.eigvalsh(a), tol=1e-3)


@pytest.mark.cpu_only   # CPU stream only (libmlx's rule)
def test_eig_and_eigvals():
    a = _m(4, 4)
    w, v = mx.linalg.eig(mx.array(a))
    assert w.dtype == mx.complex64 and v.dtype == mx.complex64
    w, v = _np(w), _np(v)
    _close(a @ v, v * w[None, :], tol=1e-3)
    got = np.sort_complex(_np(mx.linalg.eigvals(mx.array(a))))
    _close(got, np.sort_complex(np.linalg.eigvals(a)), tol=1e-3)
    rot = mx.linalg.eigvals(mx.array([[0.0, -1.0], [1.0, 0.0]]))
    _close(np.sort_complex(_np(rot)), np.array([-1j, 1j]))


@pytest.mark.cpu_only   # CPU stream only (libmlx's rule)
def test_lu_and_lu_factor():
    a = _m(2, 4, 4)
    p, l, u = mx.linalg.lu(mx.array(a))
    assert p.dtype == mx.uint32
    p, l, u = _np(p), _np(l), _np(u)
    for i in range(2):
        _close((l[i] @ u[i])[p[i]], a[i])   # row p[i][k] of L @ U is row k of a
    assert np.allclose(np.triu(l, 1), 0) and np.allclose(np.tril(u, -1), 0)
    # a case whose permutation is not its own inverse
    a5 = np.random.RandomState(3).randn(5, 5).astype(np.float32)
    p5, l5, u5 = (_np(t) for t in mx.linalg.lu(mx.array(a5)))
    assert (p5[p5] != np.arange(5)).any()
    _close((l5 @ u5)[p5], a5)
    lu, piv = mx.linalg.lu_factor(mx.array(a[0]))
    lu, piv = _np(lu), _np(piv)
    # LAPACK pivots: row i was swapped with row piv[i], in order
    perm = np.arange(4)
    for i, j in enumerate(piv):
        perm[[i, j]] = perm[[j, i]]
    _close((np.tril(lu, -1) + np.eye(4)) @ np.triu(lu), a[0][perm])


@pytest.mark.cpu_only   # CPU stream only (libmlx's rule)
def test_solvers():
    a = _spd(4, (2,))
    b = _m(2, 4, 3)
    _close(mx.linalg.solve(mx.array(a), mx.array(b)), np.linalg.solve(a, b), tol=1e-3)
    v = _m(4)
    _close(mx.linalg.solve(mx.array(a[0]), mx.array(v)), np.linalg.solve(a[0], v), tol=1e-3)
    l = np.tril(a[0])
    _close(mx.linalg.solve_triangular(mx.array(l), mx.array(v)), np.linalg.solve(l, v), tol=1e-3)
    u = np.triu(a[0])
    _close(mx.linalg.solve_triangular(mx.array(u), mx.array(v), upper=True), np.linalg.solve(u, v), tol=1e-3)


@pytest.mark.cpu_only   # CPU stream only (libmlx's rule)
def test_det_and_slogdet():
    a = _m(3, 4, 4)
    _close(mx.linalg.det(mx.array(a)), np.linalg.det(a), tol=1e-3)
    sign, logabs = mx.linalg.slogdet(mx.array(a))
    ws, wl = np.linalg.slogdet(a)
    _close(sign, ws)
    _close(logabs, wl, tol=1e-3)
    assert mx.linalg.det(mx.array([[1, 2], [3, 4]])).item() == pytest.approx(-2.0, abs=1e-5)


def test_cross():
    a, b = _m(5, 3), _m(5, 3)
    _close(mx.linalg.cross(mx.array(a), mx.array(b)), np.cross(a, b))
    _close(mx.linalg.cross(mx.array(a.T.copy()), mx.array(b.T.copy()), axis=0), np.cross(a.T, b.T, axis=0))
    with pytest.raises(ValueError, match="size 2 or 3"):
        mx.linalg.cross(mx.array(_m(4)), mx.array(_m(4)))


def test_runs_on_cpu_stream_only():
    a = mx.array(_spd(3))
    _close(mx.linalg.inv(a, stream=mx.cpu), np.linalg.inv(_np(a)), tol=1e-3)
    if not mx.is_available(mx.gpu):
        with pytest.raises(ValueError, match="gpu"):
            mx.linalg.inv(a, stream=mx.gpu)
    else:
        with pytest.raises(ValueError, match="CPU"):
            mx.linalg.inv(a, stream=mx.gpu)


def test_bad_input():
    # libmlx checks the stream before the arguments: on the CPU stream (the only one linalg runs
    # on) the argument errors show
    with mx.stream(mx.cpu):
        with pytest.raises(ValueError, match="square"):
            mx.linalg.inv(mx.ones((2, 3)))
        with pytest.raises(ValueError, match="square"):
            mx.linalg.cholesky(mx.ones((2, 3)))
        with pytest.raises(ValueError, match="square"):
            mx.linalg.det(mx.ones((2, 3)))
        with pytest.raises(ValueError, match="float32 or float64"):
            mx.linalg.inv(mx.array([[1, 2], [3, 4]]))
        with pytest.raises(ValueError, match=">= 2 dimensions"):
            mx.linalg.inv(mx.ones((2,)))
        with pytest.raises(ValueError, match="must match"):
            mx.linalg.solve(mx.ones((2, 2)), mx.ones((3,)))
        with pytest.raises(TypeError):
            mx.linalg.inv([[1.0, 2.0], [3.0, 4.0]])
        with pytest.raises(TypeError):
            mx.linalg.inv(np.eye(2, dtype=np.float32))
        with pytest.raises(TypeError):
            mx.linalg.eigh(mx.ones((2, 2)), 1)
        with pytest.raises(TypeError):
            mx.linalg.solve_triangular(mx.ones((2, 2)), mx.ones((2,)), True)   # upper is keyword-only


@pytest.mark.cpu_only
@pytest.mark.parametrize("fn", [mx.linalg.inv, mx.linalg.tri_inv, mx.linalg.cholesky_inv, mx.linalg.lu,
                                mx.linalg.lu_factor])
@pytest.mark.parametrize("shape", [(0, 0), (2, 0, 0)])
def test_factorizations_refuse_empty_matrices(fn, shape):
    # libmlx divides by zero on these (SIGFPE, in the reference too): a ValueError first
    with pytest.raises(ValueError, match="empty"):
        fn(mx.zeros(shape), stream=mx.cpu)
