"""Convolutions (convolve, conv1d/2d/3d, conv_general, conv_transpose1d/2d/3d) against explicit
NumPy loops. Layout is channels-last: input (N, *spatial, C_in), weight (C_out, *kernel, C_in/groups)."""
import numpy as np
import pytest

import mlxcy as mx
from _device import libmlx_cuda
from _oracles import PRODUCT_TOL_IDS, PRODUCT_TOLS, check_close, rand

# A convolution whose input is dilated by 2 with no padding to absorb it (a stride-2 transposed
# convolution is one) gives wrong values on CUDA; the CPU and the other dilated cases are right.
# The reference binding fails the same cases on the same GPU; the wrong values depend on what
# ran before in the process (docs/cuda.md).
_INPUT_DILATION_BUG = libmlx_cuda("convolution with input dilation (conv_transpose stride 2) gives "
                                  "state-dependent wrong values")


def _unmarked(case):
    """A parametrize case without its marks: the value, or the tuple of values."""
    if not isinstance(case, type(pytest.param())):
        return case
    return case.values[0] if len(case.values) == 1 else case.values


def _tuple(v, nd):
    return tuple(v) if isinstance(v, (list, tuple)) else (v,) * nd


def np_conv(x, w, stride=1, padding=0, kernel_dilation=1, input_dilation=1, groups=1, flip=False,
            padding_hi=None):
    """Reference N-d convolution (cross-correlation unless `flip`) by a loop over output positions."""
    nd = x.ndim - 2
    stride, kdil, idil = _tuple(stride, nd), _tuple(kernel_dilation, nd), _tuple(input_dilation, nd)
    lo = _tuple(padding, nd)
    hi = lo if padding_hi is None else _tuple(padding_hi, nd)
    if any(d > 1 for d in idil):
        dilated = np.zeros((x.shape[0], *[(s - 1) * d + 1 for s, d in zip(x.shape[1:-1], idil)], x.shape[-1]))
        dilated[(slice(None),) + tuple(slice(None, None, d) for d in idil)] = x
        x = dilated
    x = np.pad(x, [(0, 0)] + list(zip(lo, hi)) + [(0, 0)])
    if flip:
        w = w[(slice(None),) + (slice(None, None, -1),) * nd]
    eff = [(k - 1) * d + 1 for k, d in zip(w.shape[1:-1], kdil)]
    out_sp = [(s - e) // st + 1 for s, e, st in zip(x.shape[1:-1], eff, stride)]
    cin_g, cout_g = w.shape[-1], w.shape[0] // groups
    out = np.zeros((x.shape[0], *out_sp, w.shape[0]))
    axes = list(range(1, nd + 2))
    for pos in np.ndindex(*out_sp):
        win = x[(slice(None),) + tuple(slice(p * st, p * st + e, d)
                                       for p, st, e, d in zip(pos, stride, eff, kdil))]
        for g in range(groups):
            out[(slice(None),) + pos + (slice(g * cout_g, (g + 1) * cout_g),)] = np.tensordot(
                win[..., g * cin_g:(g + 1) * cin_g], w[g * cout_g:(g + 1) * cout_g], axes=(axes, axes))
    return out


def np_conv_transpose(x, w, stride=1, padding=0, dilation=1, output_padding=0, groups=1):
    """Reference transposed convolution: every input position scatters its kernel-weighted values."""
    nd = x.ndim - 2
    stride, pad, dil, opad = (_tuple(v, nd) for v in (stride, padding, dilation, output_padding))
    kernel = w.shape[1:-1]
    full = [(s - 1) * st + (k - 1) * d + 1 for s, st, k, d in zip(x.shape[1:-1], stride, kernel, dil)]
    cin_g, cout_g = w.shape[-1], w.shape[0] // groups
    out = np.zeros((x.shape[0], *[f + op for f, op in zip(full, opad)], w.shape[0]))
    for pos in np.ndindex(*x.shape[1:-1]):
        for kpos in np.ndindex(*kernel):
            o = tuple(p * st + k * d for p, st, k, d in zip(pos, stride, kpos, dil))
            for g in range(groups):
                xin = x[(slice(None),) + pos + (slice(g * cin_g, (g + 1) * cin_g),)]
                wk = w[(slice(g * cout_g, (g + 1) * cout_g),) + kpos]
                out[(slice(None),) + o + (slice(g * cout_g, (g + 1) * cout_g),)] += xin @ wk.T
    crop = tuple(slice(p, f + op - p) for p, f, op in zip(pad, full, opad))
    return out[(slice(None),) + crop]


# ---- convolve ------------------------------------------------------------------------------

@pytest.mark.parametrize("mode", ["full", "same", "valid"])
def test_convolve_matches_numpy(mode):
    for la in range(1, 7):
        for lv in range(1, 7):
            a, an = rand((la,))
            v, vn = rand((lv,))
            check_close(mx.convolve(a, v, mode), np.convolve(an, vn, mode), 1e-5, mx.float32)


def test_convolve_default_and_dtypes():
    a, an = rand((9,), mx.float16)
    v, vn = rand((3,), mx.float16)
    check_close(mx.convolve(a, v), np.convolve(an, vn), 2e-2, mx.float16)
    check_close(mx.convolve(a, v, mode="same", stream=mx.cpu), np.convolve(an, vn, "same"), 2e-2, mx.float16)
    a32, an32 = rand((5,))
    assert mx.convolve(a32, v).dtype == mx.float32
    # an integer kernel is promoted to the input's floating type
    k = mx.array(np.array([1, 2], np.int32))
    check_close(mx.convolve(a32, k), np.convolve(an32, [1, 2]), 1e-5, mx.float32)


def test_convolve_errors():
    a = mx.ones(3)
    with pytest.raises(ValueError, match="1D"):
        mx.convolve(mx.ones((2, 2)), mx.ones(2))
    with pytest.raises(ValueError, match="1D"):
        mx.convolve(mx.array(1.0), mx.ones(2))
    with pytest.raises(ValueError, match="empty"):
        mx.convolve(a, mx.ones(0))
    with pytest.raises(ValueError, match="mode"):
        mx.convolve(a, mx.ones(2), "FULL")
    with pytest.raises(TypeError):
        mx.convolve(a, mx.ones(2), 3)
    with pytest.raises(TypeError, match="'a'"):
        mx.convolve([1.0, 2.0], mx.ones(2))
    with pytest.raises(ValueError, match="floating point"):
        mx.convolve(mx.array(np.arange(3, dtype=np.int32)), mx.ones(2))


# ---- forward convolutions --------------------------------------------------------------------

# (op, input shape, weight shape with C_in // groups left out, keyword arguments)
FORWARD = [
    ("conv1d", (2, 9, 4), (6, 3), dict()),
    ("conv1d", (2, 9, 4), (6, 3), dict(stride=2)),
    ("conv1d", (2, 9, 4), (6, 3), dict(padding=2)),
    ("conv1d", (2, 9, 4), (6, 3), dict(dilation=2)),
    ("conv1d", (2, 9, 4), (6, 3), dict(stride=2, padding=1, dilation=2)),
    ("conv1d", (2, 9, 4), (6, 3), dict(groups=2)),
    ("conv1d", (2, 9, 4), (4, 3), dict(groups=4, padding=1)),
    ("conv2d", (2, 7, 6, 4), (6, 3, 2), dict()),
    ("conv2d", (2, 7, 6, 4), (6, 3, 2), dict(stride=2, padding=1)),
    ("conv2d", (2, 7, 6, 4), (6, 3, 2), dict(stride=(2, 1), padding=(1, 0))),
    ("conv2d", (2, 7, 6, 4), (6, 3, 2), dict(stride=[1, 2], dilation=(2, 1))),
    ("conv2d", (2, 7, 6, 4), (6, 3, 2), dict(dilation=2, padding=2)),
    ("conv2d", (2, 7, 6, 4), (6, 3, 2), dict(groups=2, stride=(1, 2))),
    ("conv3d", (1, 5, 6, 4, 2), (4, 2, 2, 3), dict()),
    ("conv3d", (1, 5, 6, 4, 2), (4, 2, 2, 3), dict(stride=(2, 1, 1), padding=1)),
    ("conv3d", (1, 5, 6, 4, 2), (4, 2, 2, 3), dict(dilation=(1, 2, 1), padding=(0, 1, 0))),
]


@pytest.mark.parametrize("op,xshape,wshape,kw", FORWARD, ids=[f"{c[0]}-{c[3]}" for c in FORWARD])
def test_conv_nd(op, xshape, wshape, kw):
    groups = kw.get("groups", 1)
    x, xn = rand(xshape)
    w, wn = rand(wshape + (xshape[-1] // groups,))
    expected = np_conv(xn, wn, kw.get("stride", 1), kw.get("padding", 0), kw.get("dilation", 1), groups=groups)
    check_close(getattr(mx, op)(x, w, **kw), expected, 1e-5, mx.float32, k=w.size // w.shape[0])


@pytest.mark.parametrize("dtype,tol", PRODUCT_TOLS, ids=PRODUCT_TOL_IDS)
def test_conv1d_dtypes(dtype, tol):
    x, xn = rand((1, 7, 3), dtype)
    w, wn = rand((2, 3, 3), dtype)
    check_close(mx.conv1d(x, w, padding=1), np_conv(xn, wn, padding=1), tol, dtype)


def test_conv_promotion():
    x16 = mx.ones((1, 5, 4), mx.float16)
    assert mx.conv1d(x16, mx.ones((4, 3, 4))).dtype == mx.float32
    assert mx.conv1d(mx.ones((1, 5, 4), mx.bfloat16), mx.ones((4, 3, 4), mx.float16)).dtype == mx.float32


@pytest.mark.parametrize("dtype,tol", PRODUCT_TOLS[1:], ids=PRODUCT_TOL_IDS[1:])
def test_conv2d_half(dtype, tol):
    x, xn = rand((1, 5, 5, 2), dtype)
    w, wn = rand((3, 3, 3, 2), dtype)
    check_close(mx.conv2d(x, w, 1, 1), np_conv(xn, wn, padding=1), tol, dtype)


CONV_GENERAL = [
    dict(),
    dict(stride=2),
    dict(stride=[2, 1], padding=[1, 0]),
    dict(padding=([1, 0], [2, 1])),
    dict(padding=([1], [2])),
    dict(kernel_dilation=[1, 2]),
    pytest.param(dict(input_dilation=2), marks=_INPUT_DILATION_BUG),
    dict(input_dilation=[2, 1], padding=1, stride=2),
    dict(flip=True, padding=1),
    dict(groups=2, flip=True, input_dilation=[1, 2], kernel_dilation=2),
]


@pytest.mark.parametrize("kw", CONV_GENERAL, ids=[str(_unmarked(k)) for k in CONV_GENERAL])
def test_conv_general_2d(kw):
    groups = kw.get("groups", 1)
    x, xn = rand((2, 6, 5, 4))
    w, wn = rand((4, 3, 2, 4 // groups))
    padding = kw.get("padding", 0)
    lo, hi = padding if (isinstance(padding, tuple) and isinstance(padding[0], list)) else (padding, None)
    if isinstance(lo, list) and len(lo) == 1:
        lo, hi = lo[0], hi[0]
    expected = np_conv(xn, wn, kw.get("stride", 1), lo, kw.get("kernel_dilation", 1),
                       kw.get("input_dilation", 1), groups, kw.get("flip", False), padding_hi=hi)
    check_close(mx.conv_general(x, w, **kw), expected, 1e-5, mx.float32, k=w.size // w.shape[0])


def test_conv_general_1d_and_3d():
    x, xn = rand((1, 8, 3))
    w, wn = rand((2, 3, 3))
    check_close(mx.conv_general(x, w, 3, ([2], [0]), 2, 1, 1, True),
          np_conv(xn, wn, 3, 2, 2, 1, 1, True, padding_hi=0), 1e-5, k=9)
    x, xn = rand((1, 4, 3, 5, 2))
    w, wn = rand((3, 2, 2, 2, 2))
    check_close(mx.conv_general(x, w, [1, 2, 1], [0, 1, 1], input_dilation=[1, 1, 2]),
          np_conv(xn, wn, (1, 2, 1), (0, 1, 1), input_dilation=(1, 1, 2)), 1e-5, k=16)
    # an empty stride list means unit strides
    check_close(mx.conv_general(x, w, stride=[]), np_conv(xn, wn), 1e-5, k=16)


# ---- transposed convolutions ------------------------------------------------------------------

TRANSPOSED = [
    ("conv_transpose1d", (2, 5, 4), (6, 3), dict()),
    pytest.param("conv_transpose1d", (2, 5, 4), (6, 3), dict(stride=2), marks=_INPUT_DILATION_BUG),
    ("conv_transpose1d", (2, 5, 4), (6, 3), dict(stride=2, padding=1, output_padding=1)),
    ("conv_transpose1d", (2, 5, 4), (6, 3), dict(dilation=2, padding=1)),
    ("conv_transpose1d", (2, 5, 4), (6, 3), dict(stride=3, output_padding=2)),
    ("conv_transpose1d", (2, 5, 4), (6, 3), dict(groups=2, stride=2)),
    ("conv_transpose2d", (1, 4, 5, 4), (4, 3, 2), dict()),
    ("conv_transpose2d", (1, 4, 5, 4), (4, 3, 2), dict(stride=2, padding=1, output_padding=(1, 0))),
    ("conv_transpose2d", (1, 4, 5, 4), (4, 3, 2), dict(stride=(1, 2), dilation=(2, 1))),
    ("conv_transpose2d", (1, 4, 5, 4), (4, 3, 2), dict(groups=2, padding=(0, 1))),
    ("conv_transpose3d", (1, 3, 2, 3, 2), (3, 2, 2, 2), dict()),
    ("conv_transpose3d", (1, 3, 2, 3, 2), (3, 2, 2, 2),
     dict(stride=2, padding=(1, 0, 1), output_padding=(1, 0, 1))),
]


@pytest.mark.parametrize("op,xshape,wshape,kw", TRANSPOSED, ids=[f"{c[0]}-{c[3]}" for c in map(_unmarked, TRANSPOSED)])
def test_conv_transpose_nd(op, xshape, wshape, kw):
    x, xn = rand(xshape)
    w, wn = rand(wshape + (xshape[-1] // kw.get("groups", 1),))
    check_close(getattr(mx, op)(x, w, **kw), np_conv_transpose(xn, wn, **kw), 1e-5, mx.float32, k=w.size // w.shape[0])


@pytest.mark.parametrize("dtype,tol", PRODUCT_TOLS[1:], ids=PRODUCT_TOL_IDS[1:])
def test_conv_transpose2d_half(dtype, tol):
    x, xn = rand((1, 3, 3, 2), dtype)
    w, wn = rand((2, 2, 2, 2), dtype)
    check_close(mx.conv_transpose2d(x, w, stride=2), np_conv_transpose(xn, wn, stride=2), tol, dtype)


def test_conv_transpose_inverts_shape_of_strided_conv():
    x = mx.ones((1, 10, 3))
    w = mx.ones((3, 3, 3))
    y = mx.conv1d(x, w, stride=2, padding=1)
    assert mx.conv_transpose1d(y, w, stride=2, padding=1, output_padding=1).shape == x.shape


# ---- bad input -----------------------------------------------------------------------------

def test_conv_errors_shapes_and_channels():
    x = mx.ones((1, 5, 5, 2))
    with pytest.raises(ValueError, match="input channels"):
        mx.conv2d(x, mx.ones((3, 3, 3, 3)))
    with pytest.raises(ValueError, match="weight array with 4 dimensions for 1D"):
        mx.conv2d(mx.ones((5, 5, 4)), mx.ones((4, 3, 3, 4)))
    with pytest.raises(ValueError, match="1-3 spatial dimensions"):
        mx.conv1d(mx.ones((6, 2)), mx.ones((3, 3, 2)))
    with pytest.raises(ValueError, match="1-3 spatial dimensions"):
        mx.conv_general(mx.ones((1, 2, 2, 2, 6, 2)), mx.ones((3, 1, 1, 1, 3, 2)))
    with pytest.raises(ValueError, match="Invalid strides"):
        mx.conv3d(mx.ones((1, 6, 2)), mx.ones((3, 3, 2)))
    with pytest.raises(ValueError, match="cannot be smaller than weight"):
        mx.conv2d(mx.ones((1, 2, 2, 4)), mx.ones((4, 3, 3, 4)))
    with pytest.raises(ValueError, match="input channels"):
        mx.conv_transpose1d(mx.ones((1, 6, 2)), mx.ones((3, 3, 3)))


def test_conv_errors_groups_and_params():
    x = mx.ones((1, 5, 5, 4))
    with pytest.raises(ValueError, match="divisible by the number of groups"):
        mx.conv2d(x, mx.ones((3, 3, 3, 2)), groups=2)
    with pytest.raises(ValueError, match="input channels"):
        mx.conv1d(mx.ones((1, 6, 4)), mx.ones((4, 3, 3)), groups=2)
    with pytest.raises(ValueError, match="divisible by the number of groups"):
        mx.conv_transpose1d(mx.ones((1, 6, 2)), mx.ones((3, 3, 2)), groups=3)
    with pytest.raises(ValueError, match="groups != 1 in 1D or 2D"):
        mx.conv3d(mx.ones((1, 4, 4, 4, 4)), mx.ones((4, 2, 2, 2, 2)), groups=2)
    for bad in (0, -1):
        with pytest.raises(ValueError, match="groups"):
            mx.conv2d(x, mx.ones((4, 3, 3, 4)), groups=bad)
    with pytest.raises(ValueError, match="Stride sizes must be positive"):
        mx.conv2d(x, mx.ones((4, 3, 3, 4)), stride=0)
    with pytest.raises(ValueError, match="dilation sizes must be positive"):
        mx.conv2d(x, mx.ones((4, 3, 3, 4)), dilation=0)
    with pytest.raises(ValueError, match="Input dilation sizes must be positive"):
        mx.conv_general(x, mx.ones((4, 3, 3, 4)), input_dilation=0)
    with pytest.raises(ValueError, match="Invalid padding"):
        mx.conv_general(mx.ones((1, 5, 4)), mx.ones((4, 3, 4)), padding=(1, 2))
    with pytest.raises(ValueError, match="Invalid input dilation"):
        mx.conv_general(x, mx.ones((4, 3, 3, 4)), input_dilation=[2, 1, 1])


def test_conv_errors_types():
    x, w = mx.ones((1, 5, 5, 2)), mx.ones((3, 3, 3, 2))
    with pytest.raises(ValueError, match="floating point"):
        mx.conv1d(mx.ones((1, 5, 4), mx.int32), mx.ones((4, 3, 4)))
    with pytest.raises(ValueError, match="floating point"):
        mx.conv1d(mx.ones((1, 5, 4), mx.complex64), mx.ones((4, 3, 4)))
    with pytest.raises(TypeError, match="'input'"):
        mx.conv1d([[[1.0]]], mx.ones((1, 1, 1)))
    with pytest.raises(TypeError, match="'weight'"):
        mx.conv2d(x, np.ones((3, 3, 3, 2), np.float32))
    with pytest.raises(TypeError):
        mx.conv1d(mx.ones((1, 5, 2)), mx.ones((3, 3, 2)), stride=(2,))
    with pytest.raises(TypeError):
        mx.conv1d(mx.ones((1, 5, 2)), mx.ones((3, 3, 2)), stride=None)
    with pytest.raises(TypeError):
        mx.conv2d(x, w, stride=(2, 1, 1))
    with pytest.raises(TypeError):
        mx.conv2d(x, w, padding=1.5)
    with pytest.raises(TypeError):
        mx.conv3d(mx.ones((1, 5, 5, 5, 2)), mx.ones((3, 3, 3, 3, 2)), stride=(2, 1))
    with pytest.raises(TypeError):
        mx.conv_transpose2d(x, w, output_padding=(1,))
    with pytest.raises(TypeError):
        mx.conv_general(x, w, stride=1.0)
    with pytest.raises(TypeError):
        mx.conv_general(x, w, padding=([1, 1], [1, 1], [1, 1]))
    with pytest.raises(TypeError):
        mx.conv_general(x, w, flip=1)
    # integer-like values are accepted where an int is expected
    assert mx.conv1d(mx.ones((1, 6, 2)), mx.ones((3, 3, 2)), np.int64(2)).shape == (1, 2, 3)
    assert mx.conv2d(mx.ones((1, 6, 6, 2)), w, (np.int64(2), 1)).shape == (1, 2, 4, 3)
