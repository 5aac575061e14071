"""Quantization (quantize, dequantize, quantized_matmul, gather_qmm, qqmm, gather_qqmm, to_fp8,
from_fp8) against a NumPy re-derivation of the formats: affine codes packed little-endian into
uint32 words, E2M1 (fp4) and E4M3 (fp8) elements, E8M0 and E4M3 group scales."""
import numpy as np
import pytest

import mlxcy as mx
from _device import cuda_jit_or_skip, libmlx_cuda
from _oracles import check_close, rand, to_np

RNG = np.random.default_rng(7)

# 1-bit affine dequantization on CUDA leaves its output unwritten (it reads back stale memory)
AFFINE_BITS = [pytest.param(1, marks=libmlx_cuda("1-bit affine dequantize writes no output")), 2, 3, 4, 5, 6, 8]
AFFINE_GROUPS = [32, 64, 128]

# The 16 E2M1 values, indexed by their 4-bit code.
FP4 = np.array([0, 0.5, 1, 1.5, 2, 3, 4, 6, -0.0, -0.5, -1, -1.5, -2, -3, -4, -6])


def e4m3(codes):
    """Decode E4M3 bytes (bias 7, subnormals, 0x7f/0xff are NaN, no infinities)."""
    c = np.asarray(codes).astype(np.int64)
    sign = np.where(c >> 7, -1.0, 1.0)
    e, m = (c >> 3) & 15, c & 7
    v = np.where(e == 0, m / 8 * 2.0 ** -6, (1 + m / 8) * 2.0 ** (e - 7))
    v = np.where((e == 15) & (m == 7), np.nan, v)
    return sign * v


FP8_TABLE = e4m3(np.arange(256))


def unpack(wq, bits, n):
    """Codes of `bits` bits stored from the lowest bit up, as one bit stream per row."""
    stream = np.unpackbits(np.asarray(wq).view(np.uint8), axis=-1, bitorder="little")
    stream = stream[..., : n * bits].reshape(*stream.shape[:-1], n, bits)
    return (stream.astype(np.int64) << np.arange(bits)).sum(-1)


def fp_elements(wq, mode, n):
    """Element values (before scaling) of an mxfp4 / nvfp4 / mxfp8 quantized matrix."""
    b = np.asarray(wq).view(np.uint8)
    if mode == "mxfp8":
        return e4m3(b)[..., :n]
    return FP4[np.stack([b & 15, b >> 4], -1).reshape(*b.shape[:-1], -1)][..., :n]


def fp_scales(scales, mode):
    s = np.asarray(scales)
    return e4m3(s) if mode == "nvfp4" else 2.0 ** (s.astype(np.float64) - 127)


def np_dequantize_fp(wq, scales, mode, n, group):
    v = fp_elements(wq, mode, n)
    v = v.reshape(*v.shape[:-1], -1, group) * fp_scales(scales, mode)[..., None]
    return v.reshape(*v.shape[:-2], n)


# ---- affine ----------------------------------------------------------------------------------

@pytest.mark.parametrize("bits", AFFINE_BITS)
@pytest.mark.parametrize("group", AFFINE_GROUPS)
def test_affine_layout_and_dequantize_formula(bits, group):
    w, wn = rand((3, 128))
    wq, scales, biases = mx.quantize(w, group, bits)
    assert wq.dtype == mx.uint32 and wq.shape == (3, 128 * bits // 32)
    assert scales.dtype == biases.dtype == mx.float32
    assert scales.shape == biases.shape == (3, 128 // group)
    q = unpack(wq, bits, 128)
    assert q.min() >= 0 and q.max() <= 2 ** bits - 1
    s, b = np.asarray(scales), np.asarray(biases)
    expected = (q.reshape(3, -1, group) * s[..., None] + b[..., None]).reshape(3, 128)
    check_close(mx.dequantize(wq, scales, biases, group, bits), expected, 1e-6, mx.float32)
    # The codes are the rounded positions of w on the grid bias + k * scale (ties may go either way).
    requant = np.clip(np.round((wn.reshape(3, -1, group) - b[..., None]) / s[..., None]), 0, 2 ** bits - 1)
    diff = np.abs(requant.reshape(3, 128) - q)
    assert diff.max() <= 1 and (diff == 0).mean() > 0.95


@pytest.mark.parametrize("bits", AFFINE_BITS)
def test_affine_round_trip_error_bound(bits):
    # Per group, the error stays within one quantization step (max - min) / (2^bits - 1).
    for w_np in (RNG.standard_normal((8, 128)), RNG.uniform(1, 3, (8, 128)), -RNG.uniform(0.1, 3, (8, 128)),
                 1e-4 * RNG.standard_normal((8, 128))):
        w_np = w_np.astype(np.float32)
        for group in AFFINE_GROUPS:
            deq = np.asarray(mx.dequantize(*mx.quantize(mx.array(w_np), group, bits), group, bits))
            g = w_np.reshape(8, -1, group)
            step = (g.max(-1) - g.min(-1)) / (2 ** bits - 1)
            err = np.abs(deq.reshape(8, -1, group) - g).max(-1)
            assert np.all(err <= step * (1 + 1e-3) + 1e-7), (bits, group, (err / step).max())


def test_affine_defaults_constant_and_batched():
    w, wn = rand((2, 3, 128))
    wq, scales, biases = mx.quantize(w)  # group_size 64, bits 4
    assert wq.shape == (2, 3, 16) and scales.shape == (2, 3, 2)
    deq = mx.dequantize(wq, scales, biases)
    assert deq.shape == (2, 3, 128) and deq.dtype == mx.float32
    g = wn.reshape(2, 3, 2, 64)
    step = (g.max(-1) - g.min(-1)) / 15
    assert np.all(np.abs(to_np(deq).reshape(2, 3, 2, 64) - g).max(-1) <= step * (1 + 1e-3))
    # a constant group comes back exactly
    c = mx.array(np.full((2, 64), 0.7, np.float32))
    np.testing.assert_array_equal(np.asarray(mx.dequantize(*mx.quantize(c, 32, 3), 32, 3)), np.full((2, 64), 0.7, np.float32))


@pytest.mark.parametrize("dtype,tol", [(mx.float16, 1e-2), (mx.bfloat16, 5e-2)], ids=["float16", "bfloat16"])
def test_affine_half_precision(dtype, tol):
    w, wn = rand((4, 64), dtype)
    wq, scales, biases = mx.quantize(w, 32, 8)
    assert scales.dtype == biases.dtype == dtype
    deq = mx.dequantize(wq, scales, biases, 32, 8)
    assert deq.dtype == dtype
    g = wn.reshape(4, 2, 32)
    step = (g.max(-1) - g.min(-1)) / 255
    assert np.all(np.abs(to_np(deq).astype(np.float64).reshape(4, 2, 32) - g).max(-1) <= step + tol * np.abs(g).max(-1))
    assert mx.dequantize(wq, scales, biases, 32, 8, dtype=mx.float32).dtype == mx.float32


# ---- floating-point modes --------------------------------------------------------------------

FP_MODES = [("mxfp4", 32, 4, 0.25), ("mxfp8", 32, 8, 0.07), ("nvfp4", 16, 4, 0.2)]


@pytest.mark.parametrize("mode,group,bits,bound", FP_MODES, ids=[m[0] for m in FP_MODES])
def test_fp_modes(mode, group, bits, bound):
    w, wn = rand((4, 128))
    out = mx.quantize(w, mode=mode)
    assert len(out) == 2
    wq, scales = out
    assert wq.dtype == mx.uint32 and wq.shape == (4, 128 * bits // 32)
    assert scales.dtype == mx.uint8 and scales.shape == (4, 128 // group)
    expected = np_dequantize_fp(wq, scales, mode, 128, group)
    check_close(mx.dequantize(wq, scales, mode=mode, dtype=mx.float32), expected, 1e-6, mx.float32)
    deq = mx.dequantize(wq, scales, mode=mode)
    assert deq.dtype == mx.bfloat16  # no floating scales to infer a dtype from
    # Round trip: error within a fixed fraction of each group's largest magnitude.
    g = wn.reshape(4, -1, group)
    err = np.abs(expected.reshape(4, -1, group) - g).max(-1)
    assert np.all(err <= bound * np.abs(g).max(-1))
    # explicit defaults give the same result
    same = mx.quantize(w, group, bits, mode)
    np.testing.assert_array_equal(np.asarray(same[0]), np.asarray(wq))


def test_nvfp4_global_scale():
    w, wn = rand((4, 64))
    gs = mx.array(np.float32(3.0))
    wq, scales = mx.quantize(w, mode="nvfp4", global_scale=gs)
    deq = mx.dequantize(wq, scales, mode="nvfp4", global_scale=gs, dtype=mx.float32)
    # Block scales are stored relative to global_scale / (448 * 6).
    expected = np_dequantize_fp(wq, scales, "nvfp4", 64, 16) * 3.0 / (448 * 6)
    check_close(deq, expected, 1e-6)
    g = wn.reshape(4, -1, 16)
    assert np.all(np.abs(expected.reshape(4, -1, 16) - g).max(-1) <= 0.2 * np.abs(g).max(-1))


def test_quantize_errors():
    w = mx.ones((4, 64))
    with pytest.raises(ValueError, match="number of bits 7"):
        mx.quantize(w, 32, 7)
    with pytest.raises(ValueError, match="group size 16"):
        mx.quantize(w, 16, 4)
    with pytest.raises(ValueError, match="divisible"):
        mx.quantize(w, 128, 4)
    with pytest.raises(ValueError, match="divisible"):
        mx.quantize(mx.ones((2, 48)))
    with pytest.raises(ValueError, match="at least 2 dimension"):
        mx.quantize(mx.ones(64))
    with pytest.raises(ValueError, match="floating"):
        mx.quantize(mx.ones((2, 64), mx.int32))
    with pytest.raises(ValueError, match="Invalid quantization mode"):
        mx.quantize(w, mode="bad")
    with pytest.raises(ValueError, match="requires bits to be 4"):
        mx.quantize(w, mode="mxfp4", bits=8)
    with pytest.raises(ValueError, match="requires group size 32"):
        mx.quantize(w, mode="mxfp4", group_size=64)
    with pytest.raises(ValueError, match="Global scale"):
        mx.quantize(w, global_scale=mx.array(2.0))
    with pytest.raises(TypeError, match="'w'"):
        mx.quantize(np.ones((2, 64), np.float32))
    with pytest.raises(TypeError, match="bits"):
        mx.quantize(w, 64, 4.0)
    with pytest.raises(TypeError, match="mode"):
        mx.quantize(w, 64, 4, None)


def test_dequantize_errors():
    wq, scales, biases = mx.quantize(mx.ones((4, 64)))
    with pytest.raises(ValueError, match="Biases must be provided"):
        mx.dequantize(wq, scales)
    with pytest.raises(ValueError, match="Shape of scales and biases"):
        mx.dequantize(wq, scales, biases, bits=8)
    with pytest.raises(ValueError, match="Shape of scales and biases"):
        mx.dequantize(wq, scales, biases, group_size=32)
    with pytest.raises(ValueError, match="floating"):
        mx.dequantize(wq, scales, biases, dtype=mx.int32)
    fq, fs = mx.quantize(mx.ones((4, 64)), mode="mxfp4")
    with pytest.raises(ValueError, match="Biases must be null"):
        mx.dequantize(fq, fs, mx.ones((4, 2)), mode="mxfp4")
    with pytest.raises(TypeError, match="'scales'"):
        mx.dequantize(wq, np.ones((4, 1), np.float32), biases)
    with pytest.raises(TypeError):
        mx.dequantize(wq, scales, biases, dtype="float32")


# ---- fp8 conversions -------------------------------------------------------------------------

def test_from_fp8_every_code():
    codes = mx.array(np.arange(256, dtype=np.uint8))
    got = np.asarray(mx.from_fp8(codes, mx.float32))
    np.testing.assert_array_equal(np.isnan(got), np.isnan(FP8_TABLE))
    ok = ~np.isnan(FP8_TABLE)
    np.testing.assert_array_equal(got[ok], FP8_TABLE[ok])
    assert mx.from_fp8(codes).dtype == mx.bfloat16
    half = mx.from_fp8(codes, dtype=mx.float16)
    assert half.dtype == mx.float16
    np.testing.assert_array_equal(np.asarray(half)[ok], FP8_TABLE[ok].astype(np.float16))


def test_to_fp8_nearest_and_saturating():
    finite = FP8_TABLE[~np.isnan(FP8_TABLE)]
    # exactly representable values round trip
    x = np.unique(finite[np.abs(finite) > 0]).astype(np.float32)
    np.testing.assert_array_equal(np.asarray(mx.from_fp8(mx.to_fp8(mx.array(x)), mx.float32)), x)
    # other values go to a nearest representable one, clamped to +-448
    x = np.concatenate([RNG.standard_normal(200) * 10, [1000.0, -600.0, 449.0, 2.0 ** -10]]).astype(np.float32)
    codes = mx.to_fp8(mx.array(x))
    assert codes.dtype == mx.uint8
    got = FP8_TABLE[np.asarray(codes)]
    clipped = np.clip(x, -448, 448)
    best = np.abs(clipped[:, None] - finite[None, :]).min(1)
    np.testing.assert_allclose(np.abs(got - clipped), best, rtol=0, atol=1e-12)
    h = mx.array(x[:8]).astype(mx.float16)
    np.testing.assert_array_equal(np.asarray(mx.to_fp8(h)), np.asarray(mx.to_fp8(h.astype(mx.float32))))


def test_fp8_errors():
    with pytest.raises(ValueError, match="floating"):
        mx.to_fp8(mx.array(np.arange(3, dtype=np.int32)))
    with pytest.raises(ValueError, match="uint8"):
        mx.from_fp8(mx.ones(3))
    with pytest.raises(ValueError, match="floating"):
        mx.from_fp8(mx.array(np.arange(3, dtype=np.uint8)), dtype=mx.int32)
    with pytest.raises(TypeError):
        mx.to_fp8([1.0, 2.0])


# ---- quantized products ------------------------------------------------------------------------

QMM_CASES = [("affine", 64, 4), ("affine", 32, 8), ("affine", 128, 2), ("affine", 32, 3),
             ("mxfp4", None, None), ("mxfp8", None, None), ("nvfp4", None, None)]


def _quantized(w, group, bits, mode):
    out = mx.quantize(w, group, bits, mode)
    biases = out[2] if mode == "affine" else None
    deq = to_np(mx.dequantize(out[0], out[1], biases, group, bits, mode, dtype=mx.float32)).astype(np.float64)
    return out[0], out[1], biases, deq


@pytest.mark.parametrize("mode,group,bits", QMM_CASES, ids=[f"{m}-{g}-{b}" for m, g, b in QMM_CASES])
def test_quantized_matmul(mode, group, bits):
    w, _ = rand((8, 128))
    wq, scales, biases, deq = _quantized(w, group, bits, mode)
    x, xn = rand((2, 3, 128))
    check_close(mx.quantized_matmul(x, wq, scales, biases, True, group, bits, mode), xn @ deq.T, 1e-4, mx.float32)
    x2, xn2 = rand((3, 8))
    check_close(mx.quantized_matmul(x2, wq, scales, biases, transpose=False, group_size=group, bits=bits, mode=mode),
          xn2 @ deq, 1e-4, mx.float32)


def test_quantized_matmul_half():
    w, _ = rand((8, 64), mx.float16)
    wq, scales, biases, deq = _quantized(w, 64, 4, "affine")
    x, xn = rand((3, 64), mx.float16)
    with cuda_jit_or_skip():
        check_close(mx.quantized_matmul(x, wq, scales, biases), xn @ deq.T, 5e-2, mx.float16)


def test_quantized_matmul_errors():
    wq, scales, biases = mx.quantize(mx.ones((4, 64)))
    with pytest.raises(ValueError, match="Last dimension of first input"):
        mx.quantized_matmul(mx.ones((3, 63)), wq, scales, biases)
    with pytest.raises(ValueError):
        mx.quantized_matmul(mx.ones((3, 64)), wq, scales)
    with pytest.raises(TypeError, match="transpose"):
        mx.quantized_matmul(mx.ones((3, 64)), wq, scales, biases, 1)
    with pytest.raises(TypeError, match="'x'"):
        mx.quantized_matmul([[1.0]], wq, scales, biases)


@pytest.mark.parametrize("mode,group,bits", [("affine", 32, 4), ("mxfp4", None, None)])
def test_gather_qmm(mode, group, bits):
    experts = [rand((6, 64))[0] for _ in range(3)]
    parts = [_quantized(e, group, bits, mode) for e in experts]
    wq = mx.array(np.stack([np.asarray(p[0]) for p in parts]))
    scales = mx.array(np.stack([np.asarray(p[1]) for p in parts]))
    biases = mx.array(np.stack([np.asarray(p[2]) for p in parts])) if mode == "affine" else None
    x, xn = rand((4, 2, 64))
    li = np.array([0, 3, 1, 1], np.uint32)
    ri = np.array([2, 0, 1, 2], np.uint32)
    got = mx.gather_qmm(x, wq, scales, biases, mx.array(li), mx.array(ri), group_size=group, bits=bits, mode=mode)
    check_close(got, np.stack([xn[i] @ parts[j][3].T for i, j in zip(li, ri)]), 1e-4, mx.float32)
    got = mx.gather_qmm(x, wq, scales, biases, rhs_indices=mx.array(ri), group_size=group, bits=bits, mode=mode,
                        sorted_indices=False)
    check_close(got, np.stack([xn[k] @ parts[j][3].T for k, j in enumerate(ri)]), 1e-4, mx.float32)
    with pytest.raises(TypeError, match="sorted_indices"):
        mx.gather_qmm(x, wq, scales, biases, sorted_indices="yes", group_size=group, bits=bits, mode=mode)


@pytest.mark.parametrize("mode", ["nvfp4", "mxfp8"])
def test_qqmm_vector(mode):
    # A single row of activations against an already quantized weight: x is quantized on the fly.
    w, _ = rand((8, 64))
    wq, scales = mx.quantize(w, mode=mode)
    x, _ = rand((1, 64))
    group = 16 if mode == "nvfp4" else 32
    xq, xs = mx.quantize(x, mode=mode)
    xd = np_dequantize_fp(xq, xs, mode, 64, group)
    wd = np_dequantize_fp(wq, scales, mode, 64, group)
    check_close(mx.qqmm(x, wq, scales, mode=mode), xd @ wd.T, 1e-5, mx.float32)


def test_qqmm_errors():
    x, w = mx.ones((3, 64)), mx.ones((8, 64))
    wq, scales = mx.quantize(w, mode="nvfp4")
    with pytest.raises(ValueError, match="Scales must be provided"):
        mx.qqmm(x, wq)
    with pytest.raises(ValueError, match="Global scale"):
        mx.qqmm(x, w, global_scale_x=mx.array(2.0), mode="mxfp8")
    with pytest.raises(ValueError, match="floating"):
        mx.qqmm(x.astype(mx.int32), w)
    with pytest.raises(ValueError, match="must match last dimension"):
        mx.qqmm(x, mx.ones((8, 32)))
    with pytest.raises(TypeError, match="'scales'"):
        mx.qqmm(x, wq, np.asarray(scales))


@pytest.mark.cpu_only
def test_qqmm_general_case_not_on_cpu():
    # Several rows of activations are only implemented by the GPU backends.
    y = mx.qqmm(mx.ones((3, 64)), mx.ones((8, 64)))
    assert y.shape == (3, 8)
    with pytest.raises(RuntimeError, match="NYI"):
        mx.eval(y)


def test_gather_qqmm_graph_and_errors():
    x, w = mx.ones((2, 3, 64)), mx.ones((4, 8, 64))
    li, ri = mx.array(np.array([1, 0], np.uint32)), mx.array(np.array([3, 2], np.uint32))
    y = mx.gather_qqmm(x, w, None, li, ri)
    assert y.shape == (2, 3, 8) and y.dtype == mx.float32
    wq, scales = mx.quantize(w, mode="nvfp4")
    with pytest.raises(ValueError, match="Scales must be provided"):
        mx.gather_qqmm(x, wq, lhs_indices=li, rhs_indices=ri)
    with pytest.raises(ValueError, match="broadcast"):
        mx.gather_qqmm(x, w)
    with pytest.raises(TypeError, match="sorted_indices"):
        mx.gather_qqmm(x, w, sorted_indices=0)


@pytest.mark.skipif(not mx.cuda.is_available(), reason="needs libmlx's CUDA backend and an NVIDIA GPU")
@pytest.mark.parametrize("x_cols, kwargs", [(64, {"mode": "affine"}), (4, {}), (48, {"mode": "mxfp8"}),
                                            (64, {"mode": "nvfp4", "group_size": 48})])
def test_gather_qqmm_refuses_what_faults_the_cuda_kernel(x_cols, kwargs):
    # affine mode, or x's last axis not a whole number of groups: libmlx's CUDA kernel makes an
    # illegal memory access there (measured on an H200), which leaves the CUDA context unusable
    with pytest.raises(ValueError, match="gather_qqmm"):
        mx.gather_qqmm(mx.ones((4, x_cols)), mx.ones((4, x_cols)), stream=mx.gpu, **kwargs)
    y = mx.gather_qqmm(mx.ones((4, 64)), mx.ones((4, 64)), stream=mx.gpu)   # a whole number of nvfp4 groups
    assert y.shape == (4, 4)


@pytest.mark.parametrize("kwargs", [{"group_size": 0}, {"group_size": -64}, {"bits": 0}])
def test_quantize_group_size_and_bits_must_be_positive(kwargs):
    # libmlx divides by them (SIGFPE, in the reference too): a ValueError first
    w = mx.ones((4, 64))
    with pytest.raises(ValueError):
        mx.quantize(w, **kwargs)
    q, s, b = mx.quantize(w)
    with pytest.raises(ValueError):
        mx.dequantize(q, s, b, **kwargs)


@pytest.mark.parametrize("shape", [(0, 0), (0, 64)])
def test_quantize_of_an_empty_array_is_empty(shape):
    # on the CUDA backend libmlx's kernel divides by zero here (SIGFPE): mlxcy quantizes an empty
    # input on the CPU stream, which gives what the reference gives on the CPU
    w_q, scales, biases = mx.quantize(mx.zeros(shape))
    n = shape[1]
    assert w_q.shape == (0, n * 4 // 32) and scales.shape == (0, n // 64) and biases.shape == (0, n // 64)
