# cython: language_level=3, cpp_locals=True, embedsignature=True
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

from mlxcy._core cimport array, wrap, wrap_list, to_sod, to_c_dtype, to_c_shape, to_int32, to_flag
from mlxcy.includes.mlx cimport array as c_array, Dtype as c_Dtype, StreamOrDevice, uint32
from mlxcy.includes cimport ops
from mlxcy._arguments cimport (array_arg, opt_array_arg, array_list_arg, opt_int_arg, int_list_arg,
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

def addmm(c, a, b, /, alpha=1.0, beta=1.0, *, stream=None):
    """``alpha * (a @ b) + beta * c`` in one op (``c`` broadcasts to the product's shape)."""
    cdef optional[c_array] xc = nullopt, xa = nullopt, xb = nullopt
    xc = array_arg(c, "addmm", "c")._a
    xa = array_arg(a, "addmm", "a")._a
    xb = array_arg(b, "addmm", "b")._a
    cdef float fa = alpha, fb = beta
    return wrap(ops.addmm(deref(xc), deref(xa), deref(xb), fa, fb, to_sod(stream)))


def inner(a, b, /, *, stream=None):
    """Sum-product over the last axes of ``a`` and ``b`` (ordinary inner product for vectors)."""
    cdef optional[c_array] xa = nullopt, xb = nullopt
    xa = array_arg(a, "inner", "a")._a
    xb = array_arg(b, "inner", "b")._a
    return wrap(ops.inner(deref(xa), deref(xb), to_sod(stream)))


def outer(a, b, /, *, stream=None):
    """Outer product of ``a`` and ``b``, both flattened to vectors first."""
    cdef optional[c_array] xa = nullopt, xb = nullopt
    xa = array_arg(a, "outer", "a")._a
    xb = array_arg(b, "outer", "b")._a
    return wrap(ops.outer(deref(xa), deref(xb), to_sod(stream)))


def vecdot(a, b, /, *, axis=-1, stream=None):
    """Dot product of vectors along ``axis``, conjugating ``a`` when complex."""
    cdef optional[c_array] xa = nullopt, xb = nullopt
    xa = array_arg(a, "vecdot", "a")._a
    xb = array_arg(b, "vecdot", "b")._a
    return wrap(ops.vecdot(deref(xa), deref(xb), to_int32(axis, "vecdot", "axis"), to_sod(stream)))


def tensordot(a, b, /, axes=2, *, stream=None):
    """Tensor contraction: over the last ``axes`` axes of ``a`` and the first of ``b`` when an
    int, or over the axes listed in ``axes = [axes_a, axes_b]``."""
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
        return wrap(ops.tensordot(deref(xa), deref(xb), ax_a, ax_b, to_sod(stream)))
    try:
        n = _index(axes)
    except TypeError:
        raise TypeError("tensordot(): 'axes' must be an int or a list of two lists of ints, "
                        f"got {type(axes).__name__}") from None
    return wrap(ops.tensordot(deref(xa), deref(xb), <int>n, to_sod(stream)))


def kron(a, b, *, stream=None):
    """Kronecker product of ``a`` and ``b``."""
    cdef optional[c_array] xa = nullopt, xb = nullopt
    xa = array_arg(a, "kron", "a")._a
    xb = array_arg(b, "kron", "b")._a
    return wrap(ops.kron(deref(xa), deref(xb), to_sod(stream)))


def einsum(subscripts, *operands, stream=None):
    """Einstein summation over ``operands`` as described by ``subscripts`` (NumPy's notation,
    ``...`` included)."""
    cdef string sub = str_arg(subscripts, "einsum", "subscripts").encode()
    cdef vector[c_array] xs = array_list_arg(operands, "einsum", TypeError)
    return wrap(ops.einsum(sub, xs, to_sod(stream)))


def einsum_path(subscripts, *operands):
    """The contraction order einsum would use: ``(path, report)``, where ``path`` lists the
    operand pairs contracted at each step and ``report`` describes the cost."""
    cdef string sub = str_arg(subscripts, "einsum_path", "subscripts").encode()
    cdef vector[c_array] xs = array_list_arg(operands, "einsum_path", TypeError)
    cdef pair[vector[vector[int]], string] res = ops.einsum_path(sub, xs)
    path = [tuple(step) for step in res.first]
    return path, res.second.decode()


def block_masked_mm(a, b, /, block_size=64, mask_out=None, mask_lhs=None, mask_rhs=None, *,
                    stream=None):
    """Matrix product where ``block_size`` x ``block_size`` tiles of the inputs and the output
    are masked (multiplied) by the optional block masks."""
    cdef optional[c_array] xa = nullopt, xb = nullopt, mo = nullopt, ml = nullopt, mr = nullopt
    xa = array_arg(a, "block_masked_mm", "a")._a
    xb = array_arg(b, "block_masked_mm", "b")._a
    opt_array_arg(mask_out, "block_masked_mm", "mask_out", mo)
    opt_array_arg(mask_lhs, "block_masked_mm", "mask_lhs", ml)
    opt_array_arg(mask_rhs, "block_masked_mm", "mask_rhs", mr)
    cdef int bs = to_int32(block_size, "block_masked_mm", "block_size")
    return wrap(ops.block_masked_mm(deref(xa), deref(xb), bs, mo, ml, mr, to_sod(stream)))


def gather_mm(a, b, /, lhs_indices=None, rhs_indices=None, *, sorted_indices=False, stream=None):
    """Batched matrix product whose operands are picked from the batch dimensions of ``a`` and
    ``b`` by flat ``lhs_indices`` / ``rhs_indices``."""
    cdef optional[c_array] xa = nullopt, xb = nullopt, li = nullopt, ri = nullopt
    xa = array_arg(a, "gather_mm", "a")._a
    xb = array_arg(b, "gather_mm", "b")._a
    opt_array_arg(lhs_indices, "gather_mm", "lhs_indices", li)
    opt_array_arg(rhs_indices, "gather_mm", "rhs_indices", ri)
    cdef cbool srt = to_flag(sorted_indices, "gather_mm", "sorted_indices")
    out = wrap(ops.gather_mm(deref(xa), deref(xb), li, ri, srt, to_sod(stream)))
    check_batch_indices(li, deref(xa), b"a")   # after libmlx accepted the shapes
    check_batch_indices(ri, deref(xb), b"b")
    return out


def segmented_mm(a, b, /, segments, *, stream=None):
    """Matrix products of ``a`` and ``b`` over segments ``[start, end)`` of the inner dimension,
    one output matrix per segment."""
    cdef optional[c_array] xa = nullopt, xb = nullopt, seg = nullopt
    xa = array_arg(a, "segmented_mm", "a")._a
    xb = array_arg(b, "segmented_mm", "b")._a
    seg = array_arg(segments, "segmented_mm", "segments")._a
    return wrap(ops.segmented_mm(deref(xa), deref(xb), deref(seg), to_sod(stream)))


def hadamard_transform(a, scale=None, stream=None):
    """Walsh-Hadamard transform along the last axis, scaled by ``scale`` (default
    ``1/sqrt(n)``, which makes it orthonormal)."""
    cdef optional[c_array] xa = nullopt
    cdef optional[float] sc = nullopt
    xa = array_arg(a, "hadamard_transform", "a")._a
    if scale is not None:
        sc = <float>scale
    return wrap(ops.hadamard_transform(deref(xa), sc, to_sod(stream)))


# ---- convolutions -----------------------------------------------------------------------------

def convolve(a, v, /, mode="full", *, stream=None):
    """Discrete convolution of two 1-D arrays, as ``numpy.convolve`` (``mode`` is ``"full"``,
    ``"same"`` or ``"valid"``; the shorter input is the kernel)."""
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
    cdef StreamOrDevice s = to_sod(stream)
    # (N, L, C) input and (C_out, K, C_in) kernel, flipped: a true convolution.
    res = ops.conv_general(ops.reshape(deref(xa), to_c_shape((1, n, 1)), s),
                           ops.reshape(deref(xv), to_c_shape((1, m, 1)), s),
                           one, lo, hi, one, one, 1, True, s)
    return wrap(ops.reshape(deref(res), to_c_shape((-1,)), s))


def conv1d(input, weight, /, stride=1, padding=0, dilation=1, groups=1, *, stream=None):
    """1-D convolution: ``input`` (N, L, C_in), ``weight`` (C_out, K, C_in // groups)."""
    cdef optional[c_array] x = nullopt, w = nullopt
    x = array_arg(input, "conv1d", "input")._a
    w = array_arg(weight, "conv1d", "weight")._a
    return wrap(ops.conv1d(deref(x), deref(w), to_int32(stride, "conv1d", "stride"),
                           to_int32(padding, "conv1d", "padding"),
                           to_int32(dilation, "conv1d", "dilation"),
                           _groups(groups, "conv1d"), to_sod(stream)))


def conv2d(input, weight, /, stride=1, padding=0, dilation=1, groups=1, *, stream=None):
    """2-D convolution: ``input`` (N, H, W, C_in), ``weight`` (C_out, KH, KW, C_in // groups);
    ``stride``, ``padding`` and ``dilation`` are ints or pairs."""
    cdef optional[c_array] x = nullopt, w = nullopt
    x = array_arg(input, "conv2d", "input")._a
    w = array_arg(weight, "conv2d", "weight")._a
    return wrap(ops.conv2d(deref(x), deref(w), _pair(_ntuple(stride, 2, "conv2d", "stride")),
                           _pair(_ntuple(padding, 2, "conv2d", "padding")),
                           _pair(_ntuple(dilation, 2, "conv2d", "dilation")),
                           _groups(groups, "conv2d"), to_sod(stream)))


def conv3d(input, weight, /, stride=1, padding=0, dilation=1, groups=1, *, stream=None):
    """3-D convolution: ``input`` (N, D, H, W, C_in), ``weight`` (C_out, KD, KH, KW,
    C_in // groups); ``stride``, ``padding`` and ``dilation`` are ints or triples."""
    cdef optional[c_array] x = nullopt, w = nullopt
    x = array_arg(input, "conv3d", "input")._a
    w = array_arg(weight, "conv3d", "weight")._a
    return wrap(ops.conv3d(deref(x), deref(w), _triple(_ntuple(stride, 3, "conv3d", "stride")),
                           _triple(_ntuple(padding, 3, "conv3d", "padding")),
                           _triple(_ntuple(dilation, 3, "conv3d", "dilation")),
                           _groups(groups, "conv3d"), to_sod(stream)))


def conv_general(input, weight, /, stride=1, padding=0, kernel_dilation=1, input_dilation=1,
                 groups=1, flip=False, *, stream=None):
    """Convolution over 1 to 3 spatial dimensions with per-axis strides, dilations of kernel
    and input, and padding given as one int, one int per axis, or ``(low, high)`` lists."""
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
    return wrap(ops.conv_general(deref(x), deref(w),
                                 int_list_arg(stride, "conv_general", "stride", True), lo, hi,
                                 int_list_arg(kernel_dilation, "conv_general", "kernel_dilation", True),
                                 int_list_arg(input_dilation, "conv_general", "input_dilation", True),
                                 _groups(groups, "conv_general"),
                                 to_flag(flip, "conv_general", "flip"), to_sod(stream)))


def conv_transpose1d(input, weight, /, stride=1, padding=0, dilation=1, output_padding=0,
                     groups=1, *, stream=None):
    """1-D transposed convolution: ``input`` (N, L, C_in), ``weight`` (C_out, K, C_in // groups)."""
    cdef optional[c_array] x = nullopt, w = nullopt
    x = array_arg(input, "conv_transpose1d", "input")._a
    w = array_arg(weight, "conv_transpose1d", "weight")._a
    return wrap(ops.conv_transpose1d(deref(x), deref(w), to_int32(stride, "conv_transpose1d", "stride"),
                                     to_int32(padding, "conv_transpose1d", "padding"),
                                     to_int32(dilation, "conv_transpose1d", "dilation"),
                                     to_int32(output_padding, "conv_transpose1d", "output_padding"),
                                     _groups(groups, "conv_transpose1d"), to_sod(stream)))


def conv_transpose2d(input, weight, /, stride=1, padding=0, dilation=1, output_padding=0,
                     groups=1, *, stream=None):
    """2-D transposed convolution: ``input`` (N, H, W, C_in), ``weight`` (C_out, KH, KW,
    C_in // groups); the spatial arguments are ints or pairs."""
    cdef optional[c_array] x = nullopt, w = nullopt
    cdef str f = "conv_transpose2d"
    x = array_arg(input, f, "input")._a
    w = array_arg(weight, f, "weight")._a
    return wrap(ops.conv_transpose2d(deref(x), deref(w), _pair(_ntuple(stride, 2, f, "stride")),
                                     _pair(_ntuple(padding, 2, f, "padding")),
                                     _pair(_ntuple(dilation, 2, f, "dilation")),
                                     _pair(_ntuple(output_padding, 2, f, "output_padding")),
                                     _groups(groups, f), to_sod(stream)))


def conv_transpose3d(input, weight, /, stride=1, padding=0, dilation=1, output_padding=0,
                     groups=1, *, stream=None):
    """3-D transposed convolution: ``input`` (N, D, H, W, C_in), ``weight`` (C_out, KD, KH, KW,
    C_in // groups); the spatial arguments are ints or triples."""
    cdef optional[c_array] x = nullopt, w = nullopt
    cdef str f = "conv_transpose3d"
    x = array_arg(input, f, "input")._a
    w = array_arg(weight, f, "weight")._a
    return wrap(ops.conv_transpose3d(deref(x), deref(w), _triple(_ntuple(stride, 3, f, "stride")),
                                     _triple(_ntuple(padding, 3, f, "padding")),
                                     _triple(_ntuple(dilation, 3, f, "dilation")),
                                     _triple(_ntuple(output_padding, 3, f, "output_padding")),
                                     _groups(groups, f), to_sod(stream)))


cdef int _groups(object groups, str fname) except? -1:
    # MLX divides by `groups` before validating it: a zero would crash the process.
    cdef int g = to_int32(groups, fname, "groups")
    if g < 1:
        raise ValueError(f"[conv] The number of groups must be positive. Got {g} groups.")
    return g


# ---- quantization -----------------------------------------------------------------------------

def quantize(w, /, group_size=None, bits=None, mode="affine", *, global_scale=None, stream=None):
    """Quantize ``w`` along its last axis in groups of ``group_size``: returns
    ``[w_q, scales, biases]`` for ``"affine"`` and ``[w_q, scales]`` for ``"mxfp4"``,
    ``"mxfp8"`` and ``"nvfp4"``."""
    cdef optional[c_array] xw = nullopt, gs = nullopt
    xw = array_arg(w, "quantize", "w")._a
    opt_array_arg(global_scale, "quantize", "global_scale", gs)
    cdef string m = str_arg(mode, "quantize", "mode").encode()
    cdef StreamOrDevice where = to_sod(stream)
    if deref(xw).size() == 0:
        where = to_sod(_cpu)   # libmlx's CUDA kernel divides by zero on an empty input (SIGFPE)
    return wrap_list(ops.quantize(deref(xw), _opt_group_arg(group_size, "quantize", "group_size"),
                                  _opt_group_arg(bits, "quantize", "bits"), m, gs, where))


def dequantize(w, /, scales, biases=None, group_size=None, bits=None, mode="affine",
               global_scale=None, dtype=None, *, stream=None):
    """Rebuild a floating-point array from the output of :func:`quantize` (``dtype`` defaults
    to that of the scales when they are floating, else bfloat16)."""
    cdef optional[c_array] xw = nullopt, sc = nullopt, bi = nullopt, gs = nullopt
    cdef optional[c_Dtype] dt = nullopt
    xw = array_arg(w, "dequantize", "w")._a
    sc = array_arg(scales, "dequantize", "scales")._a
    opt_array_arg(biases, "dequantize", "biases", bi)
    opt_array_arg(global_scale, "dequantize", "global_scale", gs)
    cdef string m = str_arg(mode, "dequantize", "mode").encode()
    if dtype is not None:
        dt = to_c_dtype(dtype)
    return wrap(ops.dequantize(deref(xw), deref(sc), bi,
                               _opt_group_arg(group_size, "dequantize", "group_size"),
                               _opt_group_arg(bits, "dequantize", "bits"), m, gs, dt, to_sod(stream)))


def quantized_matmul(x, w, /, scales, biases=None, transpose=True, group_size=None, bits=None,
                     mode="affine", *, stream=None):
    """``x @ dequantize(w).T`` (or ``x @ dequantize(w)`` when ``transpose`` is False) without
    materialising the dequantized matrix."""
    cdef optional[c_array] xx = nullopt, xw = nullopt, sc = nullopt, bi = nullopt
    cdef str f = "quantized_matmul"
    xx = array_arg(x, f, "x")._a
    xw = array_arg(w, f, "w")._a
    sc = array_arg(scales, f, "scales")._a
    opt_array_arg(biases, f, "biases", bi)
    cdef string m = str_arg(mode, f, "mode").encode()
    return wrap(ops.quantized_matmul(deref(xx), deref(xw), deref(sc), bi,
                                     to_flag(transpose, f, "transpose"),
                                     _opt_group_arg(group_size, f, "group_size"),
                                     _opt_group_arg(bits, f, "bits"), m, to_sod(stream)))


def gather_qmm(x, w, /, scales, biases=None, lhs_indices=None, rhs_indices=None, transpose=True,
               group_size=None, bits=None, mode="affine", global_scale=None, *,
               sorted_indices=False, stream=None):
    """:func:`quantized_matmul` with the batch entries of ``x`` and ``w`` picked by flat
    ``lhs_indices`` / ``rhs_indices`` (as :func:`gather_mm`)."""
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
    out = wrap(ops.gather_qmm(deref(xx), deref(xw), deref(sc), bi, li, ri,
                              to_flag(transpose, f, "transpose"),
                              _opt_group_arg(group_size, f, "group_size"), _opt_group_arg(bits, f, "bits"),
                              m, gs, to_flag(sorted_indices, f, "sorted_indices"), to_sod(stream)))
    check_batch_indices(li, deref(xx), b"x")
    check_batch_indices(ri, deref(xw), b"w")
    return out


def qqmm(x, w, scales=None, group_size=None, bits=None, mode="nvfp4", global_scale_x=None,
         global_scale_w=None, *, stream=None):
    """``x @ w.T`` with ``x`` quantized on the fly and ``w`` either already quantized (pass its
    ``scales``) or quantized on the fly; modes ``"nvfp4"`` and ``"mxfp8"``."""
    cdef optional[c_array] xx = nullopt, xw = nullopt, sc = nullopt, gx = nullopt, gw = nullopt
    cdef str f = "qqmm"
    xx = array_arg(x, f, "x")._a
    xw = array_arg(w, f, "w")._a
    opt_array_arg(scales, f, "scales", sc)
    opt_array_arg(global_scale_x, f, "global_scale_x", gx)
    opt_array_arg(global_scale_w, f, "global_scale_w", gw)
    cdef string m = str_arg(mode, f, "mode").encode()
    return wrap(ops.qqmm(deref(xx), deref(xw), sc, _opt_group_arg(group_size, f, "group_size"),
                         _opt_group_arg(bits, f, "bits"), m, gx, gw, to_sod(stream)))


def gather_qqmm(x, w, /, scales=None, lhs_indices=None, rhs_indices=None, group_size=None,
                bits=None, mode="nvfp4", global_scale_x=None, global_scale_w=None, *,
                sorted_indices=False, stream=None):
    """:func:`qqmm` with the batch entries of ``x`` and ``w`` picked by flat ``lhs_indices`` /
    ``rhs_indices``."""
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
    return wrap(ops.gather_qqmm(deref(xx), deref(xw), sc, li, ri,
                                _opt_group_arg(group_size, f, "group_size"), _opt_group_arg(bits, f, "bits"),
                                m, gx, gw, to_flag(sorted_indices, f, "sorted_indices"),
                                to_sod(stream)))


def to_fp8(x, *, stream=None):
    """Encode a floating-point array as float8 E4M3 bytes (dtype uint8)."""
    cdef optional[c_array] xx = nullopt
    xx = array_arg(x, "to_fp8", "x")._a
    return wrap(ops.to_fp8(deref(xx), to_sod(stream)))


def from_fp8(x, dtype=bfloat16, *, stream=None):
    """Decode float8 E4M3 bytes (dtype uint8) into ``dtype``."""
    cdef optional[c_array] xx = nullopt
    xx = array_arg(x, "from_fp8", "x")._a
    return wrap(ops.from_fp8(deref(xx), to_c_dtype(dtype), to_sod(stream)))
