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
from mlxcy.includes.indexing cimport check_batch_indices
from mlxcy.includes.ops cimport int3

from operator import index as _index

from mlxcy._core import bfloat16, cpu as _cpu


# ---- argument checking ----------------------------------------------------------------------

cdef int _arr(object x, str fname, str argname, optional[c_array]& out) except -1:
    """`x` (which must be an mlxcy array) into `out`."""
    if isinstance(x, array):
        out = (<array>x)._a
        return 0
    raise TypeError(f"{fname}(): argument '{argname}' must be an array, got {type(x).__name__}")


cdef int _opt_arr(object x, str fname, str argname, optional[c_array]& out) except -1:
    """Like _arr, with None giving an empty optional."""
    if x is None:
        out = nullopt
        return 0
    return _arr(x, fname, argname, out)


cdef vector[c_array] _arr_list(tuple xs, str fname) except *:
    cdef vector[c_array] out = vector[c_array]()
    cdef Py_ssize_t i
    for i in range(len(xs)):
        if not isinstance(xs[i], array):
            raise TypeError(f"{fname}(): operand {i} must be an array, got {type(xs[i]).__name__}")
        out.push_back((<array>xs[i])._a)
    return out


cdef int _int(object x, str fname, str argname) except? -1:
    """A Python integer (or anything with __index__, bool included) as a C int."""
    return to_int32(x, fname, argname)


cdef optional[int] _opt_int(object x, str fname, str argname) except *:
    cdef optional[int] out = nullopt
    if x is not None:
        out = _int(x, fname, argname)
    return out


cdef optional[int] _opt_group_arg(object x, str fname, str argname) except *:
    """A quantization ``group_size`` or ``bits``: libmlx divides by it (a zero kills the process
    with SIGFPE, in the reference too), so it must be positive."""
    cdef optional[int] out = _opt_int(x, fname, argname)
    if out.has_value() and out.value() <= 0:
        raise ValueError(f"[{fname}] The requested {'group size' if argname == 'group_size' else 'number of bits'} "
                         f"{out.value()} is not supported: it must be positive.")
    return out


cdef vector[int] _ints(object x, str fname, str argname) except *:
    """A sequence of integers."""
    cdef vector[int] out = vector[int]()
    if not isinstance(x, (list, tuple)):
        raise TypeError(f"{fname}(): argument '{argname}' must be a sequence of ints, "
                        f"got {type(x).__name__}")
    for v in x:
        out.push_back(_int(v, fname, argname))
    return out


cdef vector[int] _int_or_ints(object x, str fname, str argname) except *:
    """An int (as a one-element vector, which MLX broadcasts) or a sequence of ints."""
    cdef vector[int] out = vector[int]()
    if isinstance(x, (list, tuple)):
        return _ints(x, fname, argname)
    out.push_back(_int(x, fname, argname))
    return out


cdef vector[int] _ntuple(object x, int n, str fname, str argname) except *:
    """An int repeated `n` times, or a sequence of exactly `n` ints."""
    cdef vector[int] out = vector[int]()
    cdef int v
    if isinstance(x, (list, tuple)):
        if len(x) != n:
            raise TypeError(f"{fname}(): argument '{argname}' must be an int or a tuple of {n} "
                            f"ints, got a sequence of length {len(x)}")
        return _ints(x, fname, argname)
    try:
        v = _int(x, fname, argname)
    except TypeError:
        raise TypeError(f"{fname}(): argument '{argname}' must be an int or a tuple of {n} ints, "
                        f"got {type(x).__name__}") from None
    out.assign(n, v)
    return out


cdef inline pair[int, int] _pair(const vector[int]& v):
    return pair[int, int](v[0], v[1])


cdef inline int3 _triple(const vector[int]& v):
    return int3(v[0], v[1], v[2])


cdef str _check_str(object x, str fname, str argname):
    if not isinstance(x, str):
        raise TypeError(f"{fname}(): argument '{argname}' must be a str, got {type(x).__name__}")
    return x


# ---- matrix products --------------------------------------------------------------------------

def addmm(c, a, b, /, alpha=1.0, beta=1.0, *, stream=None):
    """``alpha * (a @ b) + beta * c`` in one op (``c`` broadcasts to the product's shape)."""
    cdef optional[c_array] xc = nullopt, xa = nullopt, xb = nullopt
    _arr(c, "addmm", "c", xc)
    _arr(a, "addmm", "a", xa)
    _arr(b, "addmm", "b", xb)
    cdef float fa = alpha, fb = beta
    return wrap(ops.addmm(deref(xc), deref(xa), deref(xb), fa, fb, to_sod(stream)))


def inner(a, b, /, *, stream=None):
    """Sum-product over the last axes of ``a`` and ``b`` (ordinary inner product for vectors)."""
    cdef optional[c_array] xa = nullopt, xb = nullopt
    _arr(a, "inner", "a", xa)
    _arr(b, "inner", "b", xb)
    return wrap(ops.inner(deref(xa), deref(xb), to_sod(stream)))


def outer(a, b, /, *, stream=None):
    """Outer product of ``a`` and ``b``, both flattened to vectors first."""
    cdef optional[c_array] xa = nullopt, xb = nullopt
    _arr(a, "outer", "a", xa)
    _arr(b, "outer", "b", xb)
    return wrap(ops.outer(deref(xa), deref(xb), to_sod(stream)))


def vecdot(a, b, /, *, axis=-1, stream=None):
    """Dot product of vectors along ``axis``, conjugating ``a`` when complex."""
    cdef optional[c_array] xa = nullopt, xb = nullopt
    _arr(a, "vecdot", "a", xa)
    _arr(b, "vecdot", "b", xb)
    return wrap(ops.vecdot(deref(xa), deref(xb), _int(axis, "vecdot", "axis"), to_sod(stream)))


def tensordot(a, b, /, axes=2, *, stream=None):
    """Tensor contraction: over the last ``axes`` axes of ``a`` and the first of ``b`` when an
    int, or over the axes listed in ``axes = [axes_a, axes_b]``."""
    cdef optional[c_array] xa = nullopt, xb = nullopt
    cdef vector[int] ax_a = vector[int](), ax_b = vector[int]()
    _arr(a, "tensordot", "a", xa)
    _arr(b, "tensordot", "b", xb)
    if isinstance(axes, (list, tuple)):
        for part in axes:
            if not isinstance(part, (list, tuple)):
                raise TypeError("tensordot(): 'axes' must be an int or a list of two lists of "
                                f"ints, got an element of type {type(part).__name__}")
        if len(axes) != 2:
            raise ValueError("[tensordot] axes must be a list of two lists.")
        ax_a = _ints(axes[0], "tensordot", "axes")
        ax_b = _ints(axes[1], "tensordot", "axes")
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
    _arr(a, "kron", "a", xa)
    _arr(b, "kron", "b", xb)
    return wrap(ops.kron(deref(xa), deref(xb), to_sod(stream)))


def einsum(subscripts, *operands, stream=None):
    """Einstein summation over ``operands`` as described by ``subscripts`` (NumPy's notation,
    ``...`` included)."""
    cdef string sub = _check_str(subscripts, "einsum", "subscripts").encode()
    cdef vector[c_array] xs = _arr_list(operands, "einsum")
    return wrap(ops.einsum(sub, xs, to_sod(stream)))


def einsum_path(subscripts, *operands):
    """The contraction order einsum would use: ``(path, report)``, where ``path`` lists the
    operand pairs contracted at each step and ``report`` describes the cost."""
    cdef string sub = _check_str(subscripts, "einsum_path", "subscripts").encode()
    cdef vector[c_array] xs = _arr_list(operands, "einsum_path")
    cdef pair[vector[vector[int]], string] res = ops.einsum_path(sub, xs)
    path = [tuple(step) for step in res.first]
    return path, res.second.decode()


def block_masked_mm(a, b, /, block_size=64, mask_out=None, mask_lhs=None, mask_rhs=None, *,
                    stream=None):
    """Matrix product where ``block_size`` x ``block_size`` tiles of the inputs and the output
    are masked (multiplied) by the optional block masks."""
    cdef optional[c_array] xa = nullopt, xb = nullopt, mo = nullopt, ml = nullopt, mr = nullopt
    _arr(a, "block_masked_mm", "a", xa)
    _arr(b, "block_masked_mm", "b", xb)
    _opt_arr(mask_out, "block_masked_mm", "mask_out", mo)
    _opt_arr(mask_lhs, "block_masked_mm", "mask_lhs", ml)
    _opt_arr(mask_rhs, "block_masked_mm", "mask_rhs", mr)
    cdef int bs = _int(block_size, "block_masked_mm", "block_size")
    return wrap(ops.block_masked_mm(deref(xa), deref(xb), bs, mo, ml, mr, to_sod(stream)))


def gather_mm(a, b, /, lhs_indices=None, rhs_indices=None, *, sorted_indices=False, stream=None):
    """Batched matrix product whose operands are picked from the batch dimensions of ``a`` and
    ``b`` by flat ``lhs_indices`` / ``rhs_indices``."""
    cdef optional[c_array] xa = nullopt, xb = nullopt, li = nullopt, ri = nullopt
    _arr(a, "gather_mm", "a", xa)
    _arr(b, "gather_mm", "b", xb)
    _opt_arr(lhs_indices, "gather_mm", "lhs_indices", li)
    _opt_arr(rhs_indices, "gather_mm", "rhs_indices", ri)
    cdef cbool srt = to_flag(sorted_indices, "gather_mm", "sorted_indices")
    out = wrap(ops.gather_mm(deref(xa), deref(xb), li, ri, srt, to_sod(stream)))
    check_batch_indices(li, deref(xa), b"a")   # after libmlx accepted the shapes
    check_batch_indices(ri, deref(xb), b"b")
    return out


def segmented_mm(a, b, /, segments, *, stream=None):
    """Matrix products of ``a`` and ``b`` over segments ``[start, end)`` of the inner dimension,
    one output matrix per segment."""
    cdef optional[c_array] xa = nullopt, xb = nullopt, seg = nullopt
    _arr(a, "segmented_mm", "a", xa)
    _arr(b, "segmented_mm", "b", xb)
    _arr(segments, "segmented_mm", "segments", seg)
    return wrap(ops.segmented_mm(deref(xa), deref(xb), deref(seg), to_sod(stream)))


def hadamard_transform(a, scale=None, stream=None):
    """Walsh-Hadamard transform along the last axis, scaled by ``scale`` (default
    ``1/sqrt(n)``, which makes it orthonormal)."""
    cdef optional[c_array] xa = nullopt
    cdef optional[float] sc = nullopt
    _arr(a, "hadamard_transform", "a", xa)
    if scale is not None:
        sc = <float>scale
    return wrap(ops.hadamard_transform(deref(xa), sc, to_sod(stream)))


# ---- convolutions -----------------------------------------------------------------------------

def convolve(a, v, /, mode="full", *, stream=None):
    """Discrete convolution of two 1-D arrays, as ``numpy.convolve`` (``mode`` is ``"full"``,
    ``"same"`` or ``"valid"``; the shorter input is the kernel)."""
    cdef optional[c_array] xa = nullopt, xv = nullopt, res = nullopt
    _arr(a, "convolve", "a", xa)
    _arr(v, "convolve", "v", xv)
    _check_str(mode, "convolve", "mode")
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
    _arr(input, "conv1d", "input", x)
    _arr(weight, "conv1d", "weight", w)
    return wrap(ops.conv1d(deref(x), deref(w), _int(stride, "conv1d", "stride"),
                           _int(padding, "conv1d", "padding"),
                           _int(dilation, "conv1d", "dilation"),
                           _groups(groups, "conv1d"), to_sod(stream)))


def conv2d(input, weight, /, stride=1, padding=0, dilation=1, groups=1, *, stream=None):
    """2-D convolution: ``input`` (N, H, W, C_in), ``weight`` (C_out, KH, KW, C_in // groups);
    ``stride``, ``padding`` and ``dilation`` are ints or pairs."""
    cdef optional[c_array] x = nullopt, w = nullopt
    _arr(input, "conv2d", "input", x)
    _arr(weight, "conv2d", "weight", w)
    return wrap(ops.conv2d(deref(x), deref(w), _pair(_ntuple(stride, 2, "conv2d", "stride")),
                           _pair(_ntuple(padding, 2, "conv2d", "padding")),
                           _pair(_ntuple(dilation, 2, "conv2d", "dilation")),
                           _groups(groups, "conv2d"), to_sod(stream)))


def conv3d(input, weight, /, stride=1, padding=0, dilation=1, groups=1, *, stream=None):
    """3-D convolution: ``input`` (N, D, H, W, C_in), ``weight`` (C_out, KD, KH, KW,
    C_in // groups); ``stride``, ``padding`` and ``dilation`` are ints or triples."""
    cdef optional[c_array] x = nullopt, w = nullopt
    _arr(input, "conv3d", "input", x)
    _arr(weight, "conv3d", "weight", w)
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
    _arr(input, "conv_general", "input", x)
    _arr(weight, "conv_general", "weight", w)
    if (isinstance(padding, (list, tuple)) and len(padding) == 2
            and all(isinstance(p, (list, tuple)) for p in padding)):
        lo = _ints(padding[0], "conv_general", "padding")
        hi = _ints(padding[1], "conv_general", "padding")
    else:
        if isinstance(padding, (list, tuple)) and any(isinstance(p, (list, tuple)) for p in padding):
            raise TypeError("conv_general(): 'padding' must be an int, a sequence of ints or a "
                            "pair (low, high) of sequences of ints")
        lo = _int_or_ints(padding, "conv_general", "padding")
        hi = lo
    return wrap(ops.conv_general(deref(x), deref(w),
                                 _int_or_ints(stride, "conv_general", "stride"), lo, hi,
                                 _int_or_ints(kernel_dilation, "conv_general", "kernel_dilation"),
                                 _int_or_ints(input_dilation, "conv_general", "input_dilation"),
                                 _groups(groups, "conv_general"),
                                 to_flag(flip, "conv_general", "flip"), to_sod(stream)))


def conv_transpose1d(input, weight, /, stride=1, padding=0, dilation=1, output_padding=0,
                     groups=1, *, stream=None):
    """1-D transposed convolution: ``input`` (N, L, C_in), ``weight`` (C_out, K, C_in // groups)."""
    cdef optional[c_array] x = nullopt, w = nullopt
    _arr(input, "conv_transpose1d", "input", x)
    _arr(weight, "conv_transpose1d", "weight", w)
    return wrap(ops.conv_transpose1d(deref(x), deref(w), _int(stride, "conv_transpose1d", "stride"),
                                     _int(padding, "conv_transpose1d", "padding"),
                                     _int(dilation, "conv_transpose1d", "dilation"),
                                     _int(output_padding, "conv_transpose1d", "output_padding"),
                                     _groups(groups, "conv_transpose1d"), to_sod(stream)))


def conv_transpose2d(input, weight, /, stride=1, padding=0, dilation=1, output_padding=0,
                     groups=1, *, stream=None):
    """2-D transposed convolution: ``input`` (N, H, W, C_in), ``weight`` (C_out, KH, KW,
    C_in // groups); the spatial arguments are ints or pairs."""
    cdef optional[c_array] x = nullopt, w = nullopt
    cdef str f = "conv_transpose2d"
    _arr(input, f, "input", x)
    _arr(weight, f, "weight", w)
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
    _arr(input, f, "input", x)
    _arr(weight, f, "weight", w)
    return wrap(ops.conv_transpose3d(deref(x), deref(w), _triple(_ntuple(stride, 3, f, "stride")),
                                     _triple(_ntuple(padding, 3, f, "padding")),
                                     _triple(_ntuple(dilation, 3, f, "dilation")),
                                     _triple(_ntuple(output_padding, 3, f, "output_padding")),
                                     _groups(groups, f), to_sod(stream)))


cdef int _groups(object groups, str fname) except? -1:
    # MLX divides by `groups` before validating it: a zero would crash the process.
    cdef int g = _int(groups, fname, "groups")
    if g < 1:
        raise ValueError(f"[conv] The number of groups must be positive. Got {g} groups.")
    return g


# ---- quantization -----------------------------------------------------------------------------

def quantize(w, /, group_size=None, bits=None, mode="affine", *, global_scale=None, stream=None):
    """Quantize ``w`` along its last axis in groups of ``group_size``: returns
    ``[w_q, scales, biases]`` for ``"affine"`` and ``[w_q, scales]`` for ``"mxfp4"``,
    ``"mxfp8"`` and ``"nvfp4"``."""
    cdef optional[c_array] xw = nullopt, gs = nullopt
    _arr(w, "quantize", "w", xw)
    _opt_arr(global_scale, "quantize", "global_scale", gs)
    cdef string m = _check_str(mode, "quantize", "mode").encode()
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
    _arr(w, "dequantize", "w", xw)
    _arr(scales, "dequantize", "scales", sc)
    _opt_arr(biases, "dequantize", "biases", bi)
    _opt_arr(global_scale, "dequantize", "global_scale", gs)
    cdef string m = _check_str(mode, "dequantize", "mode").encode()
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
    _arr(x, f, "x", xx)
    _arr(w, f, "w", xw)
    _arr(scales, f, "scales", sc)
    _opt_arr(biases, f, "biases", bi)
    cdef string m = _check_str(mode, f, "mode").encode()
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
    _arr(x, f, "x", xx)
    _arr(w, f, "w", xw)
    _arr(scales, f, "scales", sc)
    _opt_arr(biases, f, "biases", bi)
    _opt_arr(lhs_indices, f, "lhs_indices", li)
    _opt_arr(rhs_indices, f, "rhs_indices", ri)
    _opt_arr(global_scale, f, "global_scale", gs)
    cdef string m = _check_str(mode, f, "mode").encode()
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
    _arr(x, f, "x", xx)
    _arr(w, f, "w", xw)
    _opt_arr(scales, f, "scales", sc)
    _opt_arr(global_scale_x, f, "global_scale_x", gx)
    _opt_arr(global_scale_w, f, "global_scale_w", gw)
    cdef string m = _check_str(mode, f, "mode").encode()
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
    _arr(x, f, "x", xx)
    _arr(w, f, "w", xw)
    _opt_arr(scales, f, "scales", sc)
    _opt_arr(lhs_indices, f, "lhs_indices", li)
    _opt_arr(rhs_indices, f, "rhs_indices", ri)
    _opt_arr(global_scale_x, f, "global_scale_x", gx)
    _opt_arr(global_scale_w, f, "global_scale_w", gw)
    cdef string m = _check_str(mode, f, "mode").encode()
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
    _arr(x, "to_fp8", "x", xx)
    return wrap(ops.to_fp8(deref(xx), to_sod(stream)))


def from_fp8(x, dtype=bfloat16, *, stream=None):
    """Decode float8 E4M3 bytes (dtype uint8) into ``dtype``."""
    cdef optional[c_array] xx = nullopt
    _arr(x, "from_fp8", "x", xx)
    return wrap(ops.from_fp8(deref(xx), to_c_dtype(dtype), to_sod(stream)))
