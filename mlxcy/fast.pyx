# cython: language_level=3, cpp_locals=True, embedsignature=True
"""mlxcy.fast: fused implementations of common operations (as ``mlx.core.fast``)."""
from libcpp cimport bool as cbool
from libcpp.string cimport string
from mlxcy.includes cimport fast as cf
from mlxcy.includes.mlx cimport Dtype as c_Dtype, float32 as c_float32
from mlxcy._core cimport Dtype, to_c_list

include "_ns_common.pxi"


def rms_norm(x, weight, eps, *, stream=None):
    """Root-mean-square normalization over the last axis, scaled by ``weight`` if given."""
    cdef optional[c_array] a = nullopt
    cdef optional[c_array] w = nullopt
    a = array_arg(x, "rms_norm", "x")._a
    opt_array_arg(weight, "rms_norm", "weight", w)
    return wrap(cf.rms_norm(deref(a), w, <float>eps, to_sod(stream)))


def layer_norm(x, weight, bias, eps, *, stream=None):
    """Layer normalization over the last axis with optional ``weight`` and ``bias``."""
    cdef optional[c_array] a = nullopt
    cdef optional[c_array] w = nullopt
    cdef optional[c_array] b = nullopt
    a = array_arg(x, "layer_norm", "x")._a
    opt_array_arg(weight, "layer_norm", "weight", w)
    opt_array_arg(bias, "layer_norm", "bias", b)
    return wrap(cf.layer_norm(deref(a), w, b, <float>eps, to_sod(stream)))


def cross_entropy(logits, targets, *, stream=None):
    """Cross entropy of ``logits`` (..., classes) against integer class ``targets`` (...)."""
    cdef optional[c_array] lg = nullopt
    cdef optional[c_array] t = nullopt
    lg = array_arg(logits, "cross_entropy", "logits")._a
    t = array_arg(targets, "cross_entropy", "targets")._a
    return wrap(cf.cross_entropy(deref(lg), deref(t), to_sod(stream)))


def rope(a, dims, *, traditional, base, scale, offset, freqs=None, stream=None):
    """Rotary positional encoding of the first ``dims`` features of the last axis, positions
    starting at ``offset`` (an int or an integer array). Frequencies come from ``base`` or,
    when ``base`` is None, from ``freqs``."""
    cdef optional[c_array] x = nullopt
    cdef optional[c_array] f = nullopt
    cdef optional[c_array] off = nullopt
    cdef optional[float] b = nullopt
    cdef int d = dims
    cdef cbool trad = traditional
    cdef float sc = scale
    cdef int ioff = 0
    x = array_arg(a, "rope", "a")._a
    opt_array_arg(freqs, "rope", "freqs", f)
    if base is not None:
        b = <float>base
    if isinstance(offset, int):
        ioff = offset
        return wrap(cf.rope(deref(x), d, trad, b, sc, ioff, f, to_sod(stream)))
    off = array_arg(offset, "rope", "offset")._a
    return wrap(cf.rope(deref(x), d, trad, b, sc, deref(off), f, to_sod(stream)))


def scaled_dot_product_attention(q, k, v, *, scale, mask=None, sinks=None, force_fused=False,
                                 stream=None):
    """``softmax(scale * q @ k.T + mask) @ v`` for (batch, heads, length, dim) inputs.

    ``k``/``v`` may have fewer heads than ``q`` (grouped-query attention). ``mask`` is None,
    ``"causal"``, a boolean array (True keeps) or an additive array. ``sinks`` (one logit per
    head) adds an attention sink to each softmax.
    """
    cdef optional[c_array] cq = nullopt
    cdef optional[c_array] ck = nullopt
    cdef optional[c_array] cv = nullopt
    cdef optional[c_array] m = nullopt
    cdef optional[c_array] s = nullopt
    cdef string mode = string()
    cq = array_arg(q, "scaled_dot_product_attention", "q")._a
    ck = array_arg(k, "scaled_dot_product_attention", "k")._a
    cv = array_arg(v, "scaled_dot_product_attention", "v")._a
    opt_array_arg(sinks, "scaled_dot_product_attention", "sinks", s)
    if isinstance(mask, str):
        if mask != "causal":
            raise ValueError(f"[scaled_dot_product_attention] invalid mask option '{mask}'. "
                             "Must be 'causal', or an array.")
        mode = b"causal"
    elif mask is not None:
        m = array_arg(mask, "scaled_dot_product_attention", "mask")._a
        mode = b"array"
    return wrap(cf.scaled_dot_product_attention(deref(cq), deref(ck), deref(cv), <float>scale, mode,
                                                m, s, <cbool>force_fused, to_sod(stream)))


def gated_delta_update(q, k, v, gamma, beta, initial_state=None, mask=None, stream=None):
    """The gated delta rule recurrence (linear attention with a decaying, delta-updated state).
    Returns ``[outputs, final_state]``."""
    cdef optional[c_array] cq = nullopt
    cdef optional[c_array] ck = nullopt
    cdef optional[c_array] cv = nullopt
    cdef optional[c_array] g = nullopt
    cdef optional[c_array] b = nullopt
    cdef optional[c_array] st = nullopt
    cdef optional[c_array] m = nullopt
    cq = array_arg(q, "gated_delta_update", "q")._a
    ck = array_arg(k, "gated_delta_update", "k")._a
    cv = array_arg(v, "gated_delta_update", "v")._a
    g = array_arg(gamma, "gated_delta_update", "gamma")._a
    b = array_arg(beta, "gated_delta_update", "beta")._a
    opt_array_arg(initial_state, "gated_delta_update", "initial_state", st)
    opt_array_arg(mask, "gated_delta_update", "mask", m)
    return wrap_list(cf.gated_delta_update(deref(cq), deref(ck), deref(cv), deref(g), deref(b), st, m,
                                           to_sod(stream)))


# ---- custom kernels ----

cdef vector[string] _names(object seq, str fn, str what) except *:
    cdef vector[string] out = vector[string]()
    if isinstance(seq, str) or not hasattr(seq, "__iter__"):
        raise TypeError(f"{fn}(): {what} must be a sequence of str, got {type(seq).__name__}")
    for s in seq:
        if not isinstance(s, str):
            raise TypeError(f"{fn}(): {what} must contain str, got {type(s).__name__}")
        out.push_back(s.encode())
    return out


cdef vector[Shape] _shapes(object seq) except *:
    cdef vector[Shape] out = vector[Shape]()
    for s in seq:
        out.push_back(to_c_shape(s))
    return out


cdef vector[c_Dtype] _dtypes(object seq) except *:
    cdef vector[c_Dtype] out = vector[c_Dtype]()
    for d in seq:
        out.push_back(to_c_dtype(d))
    return out


cdef tuple _dim3(object t, str what):
    if len(t) != 3:
        raise ValueError(f"{what} must have three entries, got {len(t)}")
    return (int(t[0]), int(t[1]), int(t[2]))


cdef class _CustomKernel:
    """A compiled custom kernel; call it with keyword arguments to run it."""
    cdef cf.CustomKernel* _k

    def __dealloc__(self):
        if self._k != NULL:
            cf.free_kernel(self._k)

    def __call__(self, *, inputs, output_shapes, output_dtypes, grid, threadgroup, template=None,
                 init_value=None, verbose=False, stream=None):
        """Run the kernel on ``inputs``; returns the list of outputs."""
        cdef vector[c_array] ins = to_c_list(inputs)
        cdef vector[Shape] shapes = _shapes(output_shapes)
        cdef vector[c_Dtype] dts = _dtypes(output_dtypes)
        cdef vector[string] tnames = vector[string]()
        cdef vector[int] tkinds = vector[int]()
        cdef vector[int] tints = vector[int]()
        cdef vector[c_Dtype] tdts = vector[c_Dtype]()
        cdef optional[float] init = nullopt
        cdef int kind, ival
        gx, gy, gz = _dim3(grid, "grid")
        tx, ty, tz = _dim3(threadgroup, "threadgroup")
        for name, value in (template or ()):
            tnames.push_back(name.encode())
            ival = 0
            if isinstance(value, bool):
                kind = 1
                ival = value
                tdts.push_back(c_float32)
            elif isinstance(value, int):
                kind = 0
                ival = value
                tdts.push_back(c_float32)
            elif isinstance(value, Dtype):
                kind = 2
                tdts.push_back(to_c_dtype(value))
            else:
                raise TypeError(f"template argument {name!r} must be a bool, int or Dtype, "
                                f"got {type(value).__name__}")
            tkinds.push_back(kind)
            tints.push_back(ival)
        if init_value is not None:
            init = <float>init_value
        return wrap_list(cf.run_kernel(self._k, ins, shapes, dts, gx, gy, gz, tx, ty, tz, tnames,
                                       tkinds, tints, tdts, init, <cbool>verbose, to_sod(stream)))


cdef dict _MATH_MODES = {"safe": 0, "relaxed": 1, "fast": 2}


def metal_kernel(name, input_names, output_names, source, header="", ensure_row_contiguous=True,
                 atomic_outputs=False, compile_options=None):
    """A custom Metal kernel from the body ``source``; returns a callable that runs it (on the
    Metal backend only; elsewhere calling it raises RuntimeError)."""
    cdef int math_mode = 0
    if compile_options is not None:
        if not isinstance(compile_options, dict):
            raise ValueError("[metal_kernel] Expected `compile_options` to be a dict.")
        for opt, value in compile_options.items():
            if opt != "math_mode":
                raise ValueError(f"[metal_kernel] Unknown compile option `{opt}`.")
            if not isinstance(value, str):
                raise TypeError(f"[metal_kernel] math_mode must be a str, got {type(value).__name__}")
            if value not in _MATH_MODES:
                raise ValueError("[metal_kernel] Expected math_mode to be 'safe', 'relaxed', or 'fast'.")
            math_mode = _MATH_MODES[value]
    cdef _CustomKernel k = _CustomKernel.__new__(_CustomKernel)
    k._k = cf.make_metal_kernel(name.encode(), _names(input_names, "metal_kernel", "input_names"),
                                _names(output_names, "metal_kernel", "output_names"), source.encode(),
                                header.encode(), <cbool>ensure_row_contiguous, <cbool>atomic_outputs,
                                math_mode)
    return k


def cuda_kernel(name, input_names, output_names, source, header="", ensure_row_contiguous=True,
                shared_memory=0):
    """A custom CUDA kernel from the body ``source``; returns a callable that runs it (on the
    CUDA backend only; elsewhere this raises RuntimeError)."""
    cdef _CustomKernel k = _CustomKernel.__new__(_CustomKernel)
    k._k = cf.make_cuda_kernel(name.encode(), _names(input_names, "cuda_kernel", "input_names"),
                               _names(output_names, "cuda_kernel", "output_names"), source.encode(),
                               header.encode(), <cbool>ensure_row_contiguous, <int>shared_memory)
    return k


def precompiled_cuda_kernel(*, name, compiled_source, inputs, output_shapes, output_dtypes, scalars,
                            grid, threadgroup, shared_memory=0, init_value=None,
                            ensure_row_contiguous=False, stream=None):
    """Run an already compiled CUDA kernel (PTX/cubin in ``compiled_source``) with ``inputs``
    and bool/int/float ``scalars``; returns the outputs (CUDA backend only)."""
    cdef vector[c_array] ins = to_c_list(inputs)
    cdef vector[int] kinds = vector[int]()
    cdef vector[double] values = vector[double]()
    cdef optional[float] init = nullopt
    cdef int kind
    cdef double val
    if not isinstance(compiled_source, bytes):
        raise TypeError(f"precompiled_cuda_kernel(): compiled_source must be bytes, "
                        f"got {type(compiled_source).__name__}")
    for x in scalars:
        if isinstance(x, bool):
            kind = 0
        elif isinstance(x, int):
            kind = 1
        elif isinstance(x, float):
            kind = 2
        else:
            raise TypeError(f"precompiled_cuda_kernel(): scalars must be bool, int or float, "
                            f"got {type(x).__name__}")
        val = x
        kinds.push_back(kind)
        values.push_back(val)
    gx, gy, gz = _dim3(grid, "grid")
    tx, ty, tz = _dim3(threadgroup, "threadgroup")
    if init_value is not None:
        init = <float>init_value
    return wrap_list(cf.run_precompiled_cuda(name.encode(), <string>compiled_source, ins,
                                             _shapes(output_shapes), _dtypes(output_dtypes), kinds,
                                             values, gx, gy, gz, tx, ty, tz, <int>shared_memory, init,
                                             <cbool>ensure_row_contiguous, to_sod(stream)))
