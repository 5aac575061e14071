"""Matrix products and einsum (addmm, inner, outer, vecdot, tensordot, kron, einsum, einsum_path,
block_masked_mm, gather_mm, segmented_mm, hadamard_transform) against NumPy."""
import numpy as np
import pytest

import mlxcy as mx
from _device import libmlx_cuda
from _oracles import PRODUCT_TOL_IDS, PRODUCT_TOLS, RNG, check_close, rand


# ---- addmm ----------------------------------------------------------------------------------

@pytest.mark.parametrize("dtype,tol", PRODUCT_TOLS, ids=PRODUCT_TOL_IDS)
def test_addmm(dtype, tol):
    c, cn = rand((3, 4), dtype)
    a, an = rand((3, 5), dtype)
    b, bn = rand((5, 4), dtype)
    check_close(mx.addmm(c, a, b), an @ bn + cn, tol, dtype, k=5)
    check_close(mx.addmm(c, a, b, 2.0, 0.5), 2.0 * (an @ bn) + 0.5 * cn, 2 * tol, dtype, k=5)
    check_close(mx.addmm(c, a, b, alpha=-1, beta=0), -(an @ bn), tol, dtype, k=5)


def test_addmm_broadcast_and_batched():
    c, cn = rand((4,))
    a, an = rand((2, 3, 5))
    b, bn = rand((5, 4))
    check_close(mx.addmm(c, a, b, 1.5, 2.0), 1.5 * (an @ bn) + 2.0 * cn, 1e-5, k=5)
    c2, cn2 = rand((2, 1, 4))
    b2, bn2 = rand((2, 5, 4))
    check_close(mx.addmm(c2, a, b2), an @ bn2 + cn2, 1e-5, k=5)


def test_addmm_errors():
    c, a, b = mx.ones((2, 2)), mx.ones((2, 3)), mx.ones((3, 2))
    with pytest.raises(TypeError, match="'c'"):
        mx.addmm([[1.0]], a, b)
    with pytest.raises(TypeError):
        mx.addmm(c, a, np.ones((3, 2), np.float32))
    with pytest.raises(TypeError):
        mx.addmm(c, a, b, "2")
    with pytest.raises(ValueError, match="floating"):
        mx.addmm(c.astype(mx.int32), a.astype(mx.int32), b.astype(mx.int32))
    with pytest.raises(ValueError, match="Last dimension"):
        mx.addmm(c, a, mx.ones((4, 2)))
    with pytest.raises(ValueError):
        mx.addmm(mx.ones((3,)), a, b)


# ---- inner / outer / vecdot ------------------------------------------------------------------

@pytest.mark.parametrize("dtype,tol", PRODUCT_TOLS, ids=PRODUCT_TOL_IDS)
def test_inner(dtype, tol):
    a, an = rand((4,), dtype)
    b, bn = rand((4,), dtype)
    check_close(mx.inner(a, b), np.inner(an, bn), tol, dtype, k=4)
    a, an = rand((2, 3, 4), dtype)
    b, bn = rand((5, 4), dtype)
    check_close(mx.inner(a, b), np.inner(an, bn), tol, dtype, k=4)


def test_inner_scalar_and_int_error():
    s = mx.array(3.0)
    b, bn = rand((2, 3))
    check_close(mx.inner(s, b), 3.0 * bn, 1e-6)
    a = mx.array(np.arange(6, dtype=np.int32).reshape(2, 3))
    with pytest.raises(ValueError, match="inexact"):  # a matmul underneath: floating types only
        mx.inner(a, a)


def test_inner_errors():
    with pytest.raises(ValueError, match="last dimension"):
        mx.inner(mx.ones(3), mx.ones(4))
    with pytest.raises(TypeError, match="'a'"):
        mx.inner([1.0, 2.0], mx.ones(2))


@pytest.mark.parametrize("dtype,tol", PRODUCT_TOLS, ids=PRODUCT_TOL_IDS)
def test_outer(dtype, tol):
    a, an = rand((3,), dtype)
    b, bn = rand((2, 2), dtype)  # flattened first, as NumPy does
    check_close(mx.outer(a, b), np.outer(an, bn), tol, dtype)
    r = mx.outer(mx.array(2.0), mx.array(3.0))
    assert r.shape == (1, 1) and np.asarray(r)[0, 0] == 6.0
    with pytest.raises(TypeError):
        mx.outer(2, 3)


def test_vecdot():
    a, an = rand((2, 3, 4))
    b, bn = rand((2, 3, 4))
    check_close(mx.vecdot(a, b), np.sum(an * bn, axis=-1), 1e-5)
    check_close(mx.vecdot(a, b, axis=0), np.sum(an * bn, axis=0), 1e-5)
    check_close(mx.vecdot(a, b, axis=-2), np.sum(an * bn, axis=-2), 1e-5)
    # complex: the first argument is conjugated
    zn = (RNG.standard_normal(5) + 1j * RNG.standard_normal(5)).astype(np.complex64)
    wn = (RNG.standard_normal(5) + 1j * RNG.standard_normal(5)).astype(np.complex64)
    r = mx.vecdot(mx.array(zn), mx.array(wn))
    assert r.dtype == mx.complex64
    np.testing.assert_allclose(np.asarray(r), np.sum(np.conj(zn) * wn), rtol=1e-5)


def test_vecdot_errors():
    a = mx.ones((2, 3))
    with pytest.raises(ValueError, match="same size"):
        mx.vecdot(a, mx.ones((2, 4)))
    with pytest.raises(IndexError, match="out of bounds"):
        mx.vecdot(a, a, axis=2)
    with pytest.raises(TypeError):
        mx.vecdot(a, a, axis=1.0)


# ---- tensordot / kron --------------------------------------------------------------------------

@pytest.mark.parametrize("dtype,tol", PRODUCT_TOLS, ids=PRODUCT_TOL_IDS)
def test_tensordot_int_axes(dtype, tol):
    a, an = rand((2, 3, 4), dtype)
    b, bn = rand((3, 4, 5), dtype)
    check_close(mx.tensordot(a, b), np.tensordot(an, bn), tol, dtype, k=12)
    b1, bn1 = rand((4, 2), dtype)
    check_close(mx.tensordot(a, b1, 1), np.tensordot(an, bn1, 1), tol, dtype, k=4)
    check_close(mx.tensordot(a, b1, axes=0), np.tensordot(an, bn1, 0), tol, dtype, k=1)


def test_tensordot_list_axes():
    a, an = rand((2, 3, 4))
    b, bn = rand((4, 3, 2))
    for axes in ([[1, 2], [1, 0]], ((1, 2), (1, 0)), [[2], [0]], [[0, 1, 2], [2, 1, 0]], [[], []]):
        check_close(mx.tensordot(a, b, axes), np.tensordot(an, bn, axes), 1e-5, k=24)
    check_close(mx.tensordot(a, b, [[-1], [0]]), np.tensordot(an, bn, [[2], [0]]), 1e-5, k=4)
    check_close(mx.tensordot(a, b, np.int64(1)), np.tensordot(an, bn, 1), 1e-5, k=4)


def test_tensordot_errors():
    a, b = mx.ones((2, 3, 4)), mx.ones((4, 3, 2))
    with pytest.raises(ValueError, match="two lists"):
        mx.tensordot(a, b, [[1]])
    with pytest.raises(ValueError, match="two lists"):
        mx.tensordot(a, b, [[1], [0], [2]])
    with pytest.raises(TypeError):
        mx.tensordot(a, b, [1, 0])
    with pytest.raises(TypeError):
        mx.tensordot(a, b, 1.0)
    with pytest.raises(ValueError, match="greater or equal to 0"):
        mx.tensordot(a, b, -1)
    with pytest.raises(ValueError, match="less than the number of dimensions"):
        mx.tensordot(mx.ones((2, 3)), mx.ones((3, 2)), 3)
    with pytest.raises(ValueError, match="same size"):
        mx.tensordot(a, b, [[1, 2], [1]])
    with pytest.raises(ValueError, match="same shape"):
        mx.tensordot(a, b, [[1], [0]])
    with pytest.raises(IndexError):
        mx.tensordot(a, b, [[5], [0]])
    with pytest.raises(ValueError, match="inexact"):
        mx.tensordot(mx.ones((2, 3), mx.int32), mx.ones((3,), mx.int32), 1)


@pytest.mark.parametrize("shapes", [((2, 2), (2, 2)), ((2, 3), (3,)), ((3,), (2, 2, 2)), ((), (3,))])
def test_kron(shapes):
    a, an = rand(shapes[0])
    b, bn = rand(shapes[1])
    check_close(mx.kron(a, b), np.kron(an, bn), 1e-6)


def test_kron_int_and_mixed():
    a = mx.array([[1, 2], [3, 4]])
    b = mx.array([[0, 5], [6, 7]])
    r = mx.kron(a, b)
    assert r.dtype == mx.int32
    np.testing.assert_array_equal(np.asarray(r), np.kron([[1, 2], [3, 4]], [[0, 5], [6, 7]]))
    assert mx.kron(a, b.astype(mx.float16)).dtype == mx.float16
    with pytest.raises(TypeError):
        mx.kron([1, 2], b)


# ---- einsum ---------------------------------------------------------------------------------

EINSUM_CASES = [
    ("ij,jk->ik", [(3, 4), (4, 5)]),
    ("ij,jk", [(3, 4), (4, 5)]),
    ("bij,bjk->bik", [(2, 3, 4), (2, 4, 5)]),
    ("ii->", [(4, 4)]),
    ("ii->i", [(4, 4)]),
    ("ij->ji", [(2, 3)]),
    ("ij->", [(2, 3)]),
    ("i,j->ij", [(3,), (4,)]),
    ("i,i->", [(5,), (5,)]),
    ("...ij,...jk->...ik", [(2, 3, 4), (4, 2)]),
    ("i...,...->...", [(2, 3), (3,)]),
    ("ij,jk,kl->il", [(2, 3), (3, 4), (4, 5)]),
    ("abc,cd,bd->a", [(2, 3, 4), (4, 5), (3, 5)]),
    ("i j", [(2, 3)]),
]


@pytest.mark.parametrize("subscripts,shapes", EINSUM_CASES, ids=[c[0] for c in EINSUM_CASES])
def test_einsum(subscripts, shapes):
    ops = [rand(s) for s in shapes]
    got = mx.einsum(subscripts, *[o[0] for o in ops])
    check_close(got, np.einsum(subscripts.replace(" ", ""), *[o[1] for o in ops]), 1e-5, k=20)


@pytest.mark.parametrize("dtype,tol", PRODUCT_TOLS[1:], ids=PRODUCT_TOL_IDS[1:])
def test_einsum_half(dtype, tol):
    a, an = rand((2, 3, 4), dtype)
    b, bn = rand((2, 4, 3), dtype)
    check_close(mx.einsum("bij,bjk->bik", a, b, stream=mx.cpu), np.einsum("bij,bjk->bik", an, bn), tol, dtype)


def test_einsum_int_and_promotion():
    m = mx.array(np.arange(9, dtype=np.int32).reshape(3, 3))
    r = mx.einsum("ii", m)
    assert r.dtype == mx.int32 and r.item() == 12
    assert mx.einsum("ij,jk", mx.ones((2, 3), mx.int32), mx.ones((3, 5), mx.float16)).dtype == mx.float16


def test_einsum_errors():
    a = mx.ones((2, 3))
    with pytest.raises(ValueError, match="Number of operands"):
        mx.einsum("ij,jk", a)
    with pytest.raises(ValueError, match="Cannot broadcast"):
        mx.einsum("ij,jk", a, mx.ones((4, 5)))
    with pytest.raises(ValueError, match="Invalid number of subscripts"):
        mx.einsum("ijj", a)
    with pytest.raises(ValueError, match="At least one operand"):
        mx.einsum("i")
    with pytest.raises(TypeError, match="subscripts"):
        mx.einsum(3, a)
    with pytest.raises(TypeError, match="element 1 is a list"):
        mx.einsum("ij,jk", a, [[1.0]])


def test_einsum_path():
    shapes = [(2, 3), (3, 4), (4, 5)]
    ops = [rand(s) for s in shapes]
    path, report = mx.einsum_path("ij,jk,kl->il", *[o[0] for o in ops])
    assert isinstance(path, list) and isinstance(report, str)
    assert len(path) == 2 and all(isinstance(p, tuple) for p in path)
    assert "ij,jk,kl->il" in report
    # Contracting the operands in the reported order reproduces the full einsum.
    terms = [(o[1], s) for o, s in zip(ops, ["ij", "jk", "kl"])]
    for step in path:
        picked = [terms[i] for i in step]
        for i in sorted(step, reverse=True):
            terms.pop(i)
        letters = "".join(dict.fromkeys("".join(s for _, s in picked)))
        keep = "".join(c for c in letters if c in "il" or any(c in s for _, s in terms))
        terms.append((np.einsum(",".join(s for _, s in picked) + "->" + keep, *[t for t, _ in picked]), keep))
    (final, final_sub), = terms
    np.testing.assert_allclose(np.einsum(final_sub + "->il", final),
                               np.einsum("ij,jk,kl->il", *[o[1] for o in ops]), rtol=1e-6)
    with pytest.raises(ValueError, match="Cannot broadcast"):
        mx.einsum_path("ij,jk", mx.ones((2, 3)), mx.ones((4, 5)))
    with pytest.raises(TypeError):
        mx.einsum_path("ij", mx.ones((2, 3)), stream=None)


# ---- masked, gathered and segmented products ----------------------------------------------

def _expand(mask, bs):
    return np.repeat(np.repeat(mask, bs, -2), bs, -1)


@pytest.mark.parametrize("bs", [32, 64])
def test_block_masked_mm(bs):
    a, an = rand((2, 2 * bs, 3 * bs))
    b, bn = rand((2, 3 * bs, bs))
    mo = RNG.random((2, 2, 1)) > 0.5
    ml = RNG.random((2, 2, 3)) > 0.3
    mr = RNG.random((2, 3, 1)) > 0.3
    got = mx.block_masked_mm(a, b, bs, mx.array(mo), mx.array(ml), mx.array(mr))
    expected = ((an * _expand(ml, bs)) @ (bn * _expand(mr, bs))) * _expand(mo, bs)
    check_close(got, expected, 1e-4, k=3 * bs)
    # float operand masks scale the blocks; no masks is a plain matmul
    mlf = RNG.random((2, 2, 3)).astype(np.float32)
    check_close(mx.block_masked_mm(a, b, bs, mask_lhs=mx.array(mlf)), (an * _expand(mlf, bs)) @ bn, 1e-4, k=3 * bs)
    check_close(mx.block_masked_mm(a, b, bs), an @ bn, 1e-4, k=3 * bs)


def test_block_masked_mm_errors():
    a, b = mx.ones((64, 64)), mx.ones((64, 64))
    with pytest.raises(ValueError, match="block_size"):
        mx.block_masked_mm(a, b, 16, mx.array(np.ones((4, 4), bool)))
    with pytest.raises(ValueError):
        mx.block_masked_mm(a, b, 32, mx.array(np.ones((3, 3), bool)))
    with pytest.raises(TypeError, match="mask_out"):
        mx.block_masked_mm(a, b, 32, np.ones((2, 2), bool))


def test_gather_mm():
    a, an = rand((4, 3, 5))
    b, bn = rand((2, 5, 6))
    li = np.array([3, 0, 1, 3])
    ri = np.array([1, 1, 0, 0])
    got = mx.gather_mm(a, b, mx.array(li.astype(np.uint32)), mx.array(ri.astype(np.uint32)))
    check_close(got, np.stack([an[i] @ bn[j] for i, j in zip(li, ri)]), 1e-5)
    # int32 indices, only one side given, sorted hint, broadcast index shapes
    got = mx.gather_mm(a, b, rhs_indices=mx.array(np.array([0, 1, 1, 0], np.int32)), sorted_indices=False)
    check_close(got, np.stack([an[i] @ bn[j] for i, j in enumerate([0, 1, 1, 0])]), 1e-5)
    got = mx.gather_mm(a, b, mx.array(np.array([0, 1, 2], np.int32)), mx.array(np.array([0, 0, 1], np.int32)),
                       sorted_indices=True)
    check_close(got, np.stack([an[0] @ bn[0], an[1] @ bn[0], an[2] @ bn[1]]), 1e-5)
    li2 = np.array([[0, 1], [2, 3]])
    ri2 = np.array([[1], [0]])
    got = mx.gather_mm(a, b, mx.array(li2.astype(np.uint32)), mx.array(ri2.astype(np.uint32)))
    li2b, ri2b = np.broadcast_arrays(li2, ri2)
    expected = np.stack([an[i] @ bn[j] for i, j in zip(li2b.ravel(), ri2b.ravel())]).reshape(2, 2, 3, 6)
    check_close(got, expected, 1e-5)


@pytest.mark.skipif(mx.cuda.is_available(), reason="CUDA backend: index arrays of mlx are not read on the host")
@pytest.mark.parametrize("which,index", [("lhs", [3]), ("lhs", [-1]), ("rhs", [5]), ("lhs", [0, 7])])
def test_gather_mm_batch_indices_outside_the_batch_raise(which, index):
    # libmlx reads outside the operand for these (garbage values, in the reference too); a batch
    # index picks one of the 3 matrices, 0..2 (negative ones are not counted from the end)
    a = mx.array(np.stack([np.eye(2, dtype=np.float32) * k for k in (1, 2, 3)]))
    bad = mx.array(index, mx.uint32 if index[0] >= 0 else mx.int32)
    good = mx.zeros((len(index),), mx.uint32)
    lhs, rhs = (bad, good) if which == "lhs" else (good, bad)
    with pytest.raises(IndexError, match="out of bounds for the batch"):
        mx.gather_mm(a, a, lhs, rhs)
    # valid indices: out[i] = a[lhs[i]] @ a[rhs[i]]
    got = mx.gather_mm(a, a, mx.array([2, 0], mx.uint32), mx.array([1, 2], mx.uint32))
    want = np.stack([np.asarray(a)[2] @ np.asarray(a)[1], np.asarray(a)[0] @ np.asarray(a)[2]])
    np.testing.assert_array_equal(np.asarray(got), want)


def test_gather_mm_errors():
    a, b = mx.ones((4, 3, 5)), mx.ones((2, 5, 6))
    with pytest.raises(ValueError, match="integral"):
        mx.gather_mm(a, b, mx.array([0.0, 1.0]))
    with pytest.raises(TypeError, match="sorted_indices"):
        mx.gather_mm(a, b, sorted_indices=1)
    with pytest.raises(TypeError):
        mx.gather_mm(a, b, [0, 1])


def test_segmented_mm():
    a, an = rand((3, 10))
    b, bn = rand((10, 4))
    seg = np.array([[0, 3], [3, 10], [2, 2], [0, 10]], np.uint32)
    got = mx.segmented_mm(a, b, mx.array(seg))
    check_close(got, np.stack([an[:, s:t] @ bn[s:t] for s, t in seg]), 1e-5, k=10)
    with pytest.raises(TypeError, match="segments"):
        mx.segmented_mm(a, b, seg)


# ---- hadamard_transform --------------------------------------------------------------------

def _sylvester(n):
    h = np.ones((1, 1))
    while h.shape[0] < n:
        h = np.block([[h, h], [h, -h]])
    return h


@pytest.mark.parametrize("n", [1, 2, 8, 64])
def test_hadamard_power_of_two(n):
    x, xn = rand((3, n))
    check_close(mx.hadamard_transform(x), xn @ _sylvester(n).T / np.sqrt(n), 1e-5)
    check_close(mx.hadamard_transform(x, 0.5), xn @ _sylvester(n).T * 0.5, 1e-5)
    check_close(mx.hadamard_transform(x, scale=1.0, stream=mx.cpu), xn @ _sylvester(n).T, 1e-5)


# n = m alone (k = 0) does not compile on the GPU: libmlx's kernel then divides by zero
_NO_GPU_M_ONLY = libmlx_cuda("the Hadamard kernel for n = m (12, 20, 28: no power-of-two factor) "
                             "fails to compile (division by zero in hadamard.cuh)")


@pytest.mark.parametrize("n", [pytest.param(12, marks=_NO_GPU_M_ONLY), pytest.param(20, marks=_NO_GPU_M_ONLY),
                               pytest.param(28, marks=_NO_GPU_M_ONLY), 24, 40])
def test_hadamard_orthonormal(n):
    # For n = m * 2^k the default scale makes the transform orthonormal with entries +-1/sqrt(n).
    h = np.asarray(mx.hadamard_transform(mx.array(np.eye(n, dtype=np.float32))))
    np.testing.assert_allclose(h @ h.T, np.eye(n), atol=1e-5)
    np.testing.assert_allclose(np.abs(h), 1 / np.sqrt(n), rtol=1e-5)


def test_hadamard_dtypes_and_errors():
    x, xn = rand((2, 16), mx.float16)
    check_close(mx.hadamard_transform(x), xn @ _sylvester(16).T / 4, 2e-2, mx.float16)
    assert mx.hadamard_transform(mx.ones(4, dtype=mx.int32)).dtype == mx.float32
    with pytest.raises(ValueError, match="n = m\\*2\\^k"):  # checked when evaluated
        mx.eval(mx.hadamard_transform(mx.ones(3)))
    with pytest.raises(TypeError):
        mx.hadamard_transform([1.0, 2.0])
