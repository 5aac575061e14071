# cython: language_level=3, cpp_locals=True
"""mlxcy.fast: fused implementations of common operations (as ``mlx.core.fast``)."""
from libcpp cimport bool as cbool
from libcpp.string cimport string
from mlxcy.includes cimport fast as cf
from mlxcy.includes cimport cpu_kernels as cpuk
from mlxcy.includes.mlx cimport Dtype as c_Dtype, float32 as c_float32
from mlxcy._core cimport Dtype, to_c_list

include "_ns_common.pxi"

# While a function is traced for export (export_function, exporter), rms_norm, layer_norm and rope
# build libmlx's graph rather than mlxcy's CPU primitives, so that the file holds what the
# reference writes (libmlx's composed graph) and runs wherever libmlx runs.
cdef int _export_depth = 0


def _export_scope(int delta) -> None:
    """Enter (``+1``) or leave (``-1``) an export trace (``mlxcy._io`` calls it)."""
    global _export_depth
    _export_depth += delta


def rms_norm(x: array, weight: array | None, eps: float, *, stream: StreamOrDevice = None) -> array:
    """Normalize by the root mean square over the last axis, then scale.

    Computes ``x / sqrt(mean(x**2, axis=-1) + eps) * weight`` in one fused operation.

    Parameters
    ----------
    x : array
        The input, of at least one dimension and a floating-point dtype.
    weight : array or None
        A scale per feature (1-D, of size ``x.shape[-1]``), or ``None`` for none.
    eps : float
        Added to the mean square for stability.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default
        device.

    Returns
    -------
    array
        The normalized array, of ``x``'s shape and dtype.

    Raises
    ------
    TypeError
        When ``x`` is not an array.
    ValueError
        When ``x`` is 0-dimensional or not floating point, or ``weight`` is not 1-D of the
        size of the last axis.

    Examples
    --------
    >>> x = mx.array([[1.0, -1.0, 1.0, -1.0], [2.0, 2.0, 2.0, 2.0]])
    >>> mx.fast.rms_norm(x, None, 0.0)
    array([[1, -1, 1, -1],
           [1, 1, 1, 1]], dtype=float32)
    >>> mx.fast.rms_norm(mx.array([3.0, -3.0]), mx.array([2.0, 0.5]), 0.0)
    array([2, -0.5], dtype=float32)
    """
    cdef optional[c_array] a = nullopt
    cdef optional[c_array] w = nullopt
    a = array_arg(x, "rms_norm", "x")._a
    opt_array_arg(weight, "rms_norm", "weight", w)
    return wrap(cpuk.rms_norm(deref(a), w, <float>eps, _export_depth == 0, to_sod(stream)))


def layer_norm(x: array, weight: array | None, bias: array | None, eps: float, *,
               stream: StreamOrDevice = None) -> array:
    """Normalize to zero mean and unit variance over the last axis, then scale and shift.

    Computes ``(x - mean) / sqrt(var + eps) * weight + bias`` over the last axis in one fused
    operation.

    Parameters
    ----------
    x : array
        The input, of at least one dimension and a floating-point dtype.
    weight : array or None
        A scale per feature (1-D, of size ``x.shape[-1]``), or ``None`` for none.
    bias : array or None
        A shift per feature (1-D, of size ``x.shape[-1]``), or ``None`` for none.
    eps : float
        Added to the variance for stability.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default
        device.

    Returns
    -------
    array
        The normalized array, of ``x``'s shape and dtype.

    Raises
    ------
    TypeError
        When ``x`` is not an array.
    ValueError
        When ``x`` is 0-dimensional or not floating point, or ``weight``/``bias`` do not match
        the last axis.

    Examples
    --------
    >>> mx.fast.layer_norm(mx.array([1.0, 3.0]), None, None, 0.0)
    array([-1, 1], dtype=float32)
    >>> mx.fast.layer_norm(mx.array([1.0, 3.0]), mx.array([2.0, 2.0]), mx.array([1.0, 1.0]), 0.0)
    array([-1, 3], dtype=float32)
    """
    cdef optional[c_array] a = nullopt
    cdef optional[c_array] w = nullopt
    cdef optional[c_array] b = nullopt
    a = array_arg(x, "layer_norm", "x")._a
    opt_array_arg(weight, "layer_norm", "weight", w)
    opt_array_arg(bias, "layer_norm", "bias", b)
    return wrap(cpuk.layer_norm(deref(a), w, b, <float>eps, _export_depth == 0, to_sod(stream)))


def cross_entropy(logits: array, targets: array, *, stream: StreamOrDevice = None) -> array:
    """Compute the cross-entropy loss of logits against integer class targets.

    For each row, ``logsumexp(logits) - logits[target]``, in one fused operation.

    Parameters
    ----------
    logits : array
        Unnormalized log-probabilities, classes in the last axis (floating point).
    targets : array
        Integer class indices, of ``logits``'s shape without the last axis. They are not
        checked against the number of classes.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default
        device.

    Returns
    -------
    array
        The losses, float32, of ``targets``'s shape.

    Raises
    ------
    TypeError
        When ``logits`` or ``targets`` is not an array.
    ValueError
        When ``logits`` is not floating point, ``targets`` is not integer, or the shapes do not
        match.

    Examples
    --------
    >>> mx.fast.cross_entropy(mx.array([[0.0, 0.0], [0.0, 0.0]]), mx.array([0, 1]))
    array([0.693147, 0.693147], dtype=float32)
    >>> mx.fast.cross_entropy(mx.zeros((2, 3, 4)), mx.zeros((2, 3), dtype=mx.int32)).shape
    (2, 3)
    """
    cdef optional[c_array] lg = nullopt
    cdef optional[c_array] t = nullopt
    lg = array_arg(logits, "cross_entropy", "logits")._a
    t = array_arg(targets, "cross_entropy", "targets")._a
    return wrap(cf.cross_entropy(deref(lg), deref(t), to_sod(stream)))


def rope(a: array, dims: int, *, traditional: bool, base: float | None, scale: float,
         offset: int | array, freqs: array | None = None, stream: StreamOrDevice = None) -> array:
    """Apply rotary positional encoding.

    The input's second-to-last axis is the sequence axis: position ``p`` (counted from
    ``offset``) rotates each pair of the first ``dims`` features by the angle
    ``p * scale * theta_i``, with ``theta_i = base ** (-2 i / dims)`` or ``1 / freqs[i]``.
    Features beyond ``dims`` pass through unchanged.

    Parameters
    ----------
    a : array
        The input, of at least 3 dimensions (``(..., sequence, features)``), floating point.
    dims : int
        How many features to rotate (even, at most ``a.shape[-1]``).
    traditional : bool
        Pair consecutive features ``(2i, 2i + 1)`` instead of the two halves
        ``(i, i + dims / 2)``. Required keyword.
    base : float or None
        The base of the geometric frequencies, or ``None`` to use ``freqs``. Required keyword.
    scale : float
        Multiplies the positions. Required keyword.
    offset : int or array
        The position of the first element of the sequence (an integer scalar array too).
        Required keyword.
    freqs : array, optional
        ``dims // 2`` periods used instead of ``base`` (``base`` must then be ``None``).
        Default: ``None``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default
        device.

    Returns
    -------
    array
        The encoded array, of ``a``'s shape and dtype.

    Raises
    ------
    TypeError
        When a required keyword is missing or ``a`` is not an array.
    ValueError
        When ``a`` has fewer than 3 dimensions or is not floating point, ``dims`` is odd or too
        large, both or neither of ``base`` and ``freqs`` are given, ``freqs`` has the wrong
        size, or ``offset`` is not an integer.

    Examples
    --------
    >>> x = mx.array([[[1.0, 2.0, 3.0, 4.0]]])
    >>> mx.fast.rope(x, 4, traditional=False, base=10000.0, scale=1.0, offset=0)
    array([[[1, 2, 3, 4]]], dtype=float32)
    >>> y = mx.fast.rope(mx.ones((2, 8, 16)), 16, traditional=False, base=10000.0,
    ...                  scale=1.0, offset=5)
    >>> y.shape
    (2, 8, 16)
    """
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
        return wrap(cpuk.rope(deref(x), d, trad, b, sc, ioff, f, _export_depth == 0, to_sod(stream)))
    off = array_arg(offset, "rope", "offset")._a
    return wrap(cpuk.rope(deref(x), d, trad, b, sc, deref(off), f, _export_depth == 0, to_sod(stream)))


def scaled_dot_product_attention(q: array, k: array, v: array, *, scale: float, mask: None | str | array = None, sinks: array | None = None, force_fused: bool = False,
                                 stream: StreamOrDevice = None) -> array:
    """Compute attention: ``softmax(scale * q @ k.T + mask) @ v`` in one fused operation.

    Inputs are shaped ``(batch, heads, length, dim)``. ``k`` and ``v`` may have fewer heads
    than ``q`` as long as they divide them (grouped-query attention): each key/value head
    serves ``q_heads / kv_heads`` query heads.

    Parameters
    ----------
    q : array
        Queries, ``(B, H_q, L_q, D)``.
    k : array
        Keys, ``(B, H_kv, L_kv, D)``.
    v : array
        Values, ``(B, H_kv, L_kv, D_v)``.
    scale : float
        Multiplies the scores (usually ``1 / sqrt(D)``). Required keyword.
    mask : str or array, optional
        ``None`` (no mask), ``"causal"`` (query ``i`` sees keys up to ``i``, aligned at the end
        when ``L_q < L_kv``), a boolean array (True keeps) or an additive array; arrays
        broadcast to ``(B, H_q, L_q, L_kv)``. Default: ``None``.
    sinks : array, optional
        One logit per query head, added to each softmax as an extra key with no value (an
        attention sink). Default: ``None``.
    force_fused : bool, optional
        Raise instead of falling back to unfused operations when no fused kernel fits.
        Default: ``False``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default
        device.

    Returns
    -------
    array
        ``(B, H_q, L_q, D_v)``, of the inputs' dtype.

    Raises
    ------
    TypeError
        When ``scale`` is missing or an input is not an array.
    ValueError
        When an input is not 4-dimensional or not floating point, the heads do not divide,
        the mask is an unknown string or does not broadcast, ``sinks`` has the wrong shape, or
        ``force_fused`` is set and no fused kernel is available (always on the CPU).

    Examples
    --------
    >>> q = mx.ones((1, 1, 2, 2))
    >>> k = mx.ones((1, 1, 2, 2))
    >>> v = mx.array([[[[2.0, 2.0], [4.0, 4.0]]]])
    >>> mx.fast.scaled_dot_product_attention(q, k, v, scale=1.0, mask="causal")
    array([[[[2, 2],
             [3, 3]]]], dtype=float32)
    >>> mx.fast.scaled_dot_product_attention(q, k, v, scale=1.0, mask=mx.array([True, False]))
    array([[[[2, 2],
             [2, 2]]]], dtype=float32)
    >>> mx.fast.scaled_dot_product_attention(mx.ones((1, 8, 3, 4)), mx.ones((1, 2, 5, 4)),
    ...                                      mx.ones((1, 2, 5, 6)), scale=0.5).shape
    (1, 8, 3, 6)
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
    # float32 on the CPU: libmlx's unfused graph with mlxcy's softmax kernel (src/cpu_kernels.h)
    return wrap(cpuk.sdpa(deref(cq), deref(ck), deref(cv), <float>scale, mode, m, s, <cbool>force_fused,
                          to_sod(stream)))


def _cpu_kernels_available() -> bool:
    """Whether mlxcy's own CPU kernels (softmax, logsumexp, attention on float32) can run here:
    an x86-64 CPU with AVX2 and FMA. MLXCY_CPU_KERNELS=0 in the environment switches them off."""
    return cpuk.cpu_has_avx2_fma()


def gated_delta_update(q: array, k: array, v: array, gamma: array, beta: array,
                       initial_state: array | None = None, mask: array | None = None,
                       stream: StreamOrDevice = None) -> list[array]:
    """Run the gated delta rule recurrence (linear attention with a decaying state).

    For each time step ``t`` and value head, with state ``S`` of shape ``(D_v, D_k)``:
    ``S = gamma[t] * S``, then ``S += beta[t] * outer(v[t] - S @ k[t], k[t])``, and the output
    is ``S @ q[t]``. Key heads are shared by groups of value heads when ``H_k < H_v``.

    Parameters
    ----------
    q : array
        Queries, ``(B, T, H_k, D_k)``.
    k : array
        Keys, ``(B, T, H_k, D_k)``.
    v : array
        Values, ``(B, T, H_v, D_v)``.
    gamma : array
        Decay factors, ``(B, T, H_v)``.
    beta : array
        Update strengths, ``(B, T, H_v)``.
    initial_state : array, optional
        The starting state, ``(B, H_v, D_v, D_k)``. Default: ``None``, zeros.
    mask : array, optional
        Boolean ``(B, T)``: steps where it is False leave the state unchanged and output
        zeros. Default: ``None``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default
        device.

    Returns
    -------
    list(array, array)
        ``[outputs, final_state]``: outputs ``(B, T, H_v, D_v)`` and the state after the
        last step ``(B, H_v, D_v, D_k)``.

    Raises
    ------
    TypeError
        When an input is not an array.
    ValueError
        When the shapes do not match.

    Examples
    --------
    >>> q = k = mx.array([[[[1.0, 0.0]]]])
    >>> v = mx.array([[[[2.0, 3.0]]]])
    >>> gamma = beta = mx.array([[[1.0]]])
    >>> out, state = mx.fast.gated_delta_update(q, k, v, gamma, beta)
    >>> out
    array([[[[2, 3]]]], dtype=float32)
    >>> state.shape
    (1, 1, 2, 2)
    """
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


def metal_kernel(name: str, input_names: Sequence[str], output_names: Sequence[str], source: str, header: str = "", ensure_row_contiguous: bool = True,
                 atomic_outputs: bool = False, compile_options: object | None = None) -> object:
    """Build a custom Metal kernel from the body of its source.

    The signature is generated from the names: each input is a ``device const`` buffer (with
    ``<name>_shape``, ``<name>_strides`` and ``<name>_ndim`` when the source uses them), each
    output a ``device`` buffer, and Metal attributes such as ``thread_position_in_grid`` are
    available when used.

    Parameters
    ----------
    name : str
        The kernel's name (also used to cache it).
    input_names : sequence of str
        Names of the input buffers, in the order of ``inputs``.
    output_names : sequence of str
        Names of the output buffers.
    source : str
        The body of the kernel.
    header : str, optional
        Code placed before the kernel (helper functions, includes). Default: ``""``.
    ensure_row_contiguous : bool, optional
        Copy inputs to row-major contiguous layout first. Default: ``True``.
    atomic_outputs : bool, optional
        Declare the outputs as ``device atomic<T>*``. Default: ``False``.
    compile_options : optional
        Options for compiling the Metal library. Default: ``None``.

    Returns
    -------
    callable
        The kernel. Call it with keyword arguments: ``inputs`` (arrays or scalars, one per
        input name), ``output_shapes`` and ``output_dtypes`` (one per output name), ``grid``
        and ``threadgroup`` (three ints each: the total number of threads and the threads per
        group), and optionally ``template`` (a list of ``(name, value)`` pairs, value a bool,
        int or Dtype, instantiating template parameters), ``init_value`` (a float the outputs
        are filled with first; otherwise they start uninitialized), ``verbose`` (print the
        generated source) and ``stream``. It returns the list of output arrays.

    Raises
    ------
    TypeError
        When the name lists are not sequences of str.
    RuntimeError
        When the kernel is called without a Metal GPU.

    Examples
    --------
    >>> kernel = mx.fast.metal_kernel(
    ...     name="double", input_names=["inp"], output_names=["out"],
    ...     source="uint i = thread_position_in_grid.x; out[i] = 2 * inp[i];")
    >>> x = mx.array([1.0, 2.0, 3.0])
    >>> # needs a Metal GPU:
    >>> kernel(inputs=[x], grid=(3, 1, 1), threadgroup=(3, 1, 1),  # doctest: +SKIP
    ...        output_shapes=[x.shape], output_dtypes=[x.dtype])[0]
    array([2, 4, 6], dtype=float32)
    """
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


def cuda_kernel(name: str, input_names: Sequence[str], output_names: Sequence[str], source: str, header: str = "", ensure_row_contiguous: bool = True,
                shared_memory: int = 0) -> object:
    """Build a custom CUDA kernel from the body of its source.

    The signature is generated from the names, as for :func:`fast.metal_kernel`; CUDA built-ins
    (``threadIdx``, ``blockIdx``, ``blockDim``) are available.

    Parameters
    ----------
    name : str
        The kernel's name (also used to cache it).
    input_names : sequence of str
        Names of the input buffers, in the order of ``inputs``.
    output_names : sequence of str
        Names of the output buffers.
    source : str
        The body of the kernel.
    header : str, optional
        Code placed before the kernel. Default: ``""``.
    ensure_row_contiguous : bool, optional
        Copy inputs to row-major contiguous layout first. Default: ``True``.
    shared_memory : int, optional
        Bytes of dynamic shared memory per block. Default: ``0``.

    Returns
    -------
    callable
        The kernel. Call it with keyword arguments: ``inputs`` (arrays or scalars, one per
        input name), ``output_shapes`` and ``output_dtypes`` (one per output name), ``grid``
        and ``threadgroup`` (three ints each: the total number of threads and the threads per
        group), and optionally ``template`` (a list of ``(name, value)`` pairs, value a bool,
        int or Dtype, instantiating template parameters), ``init_value`` (a float the outputs
        are filled with first; otherwise they start uninitialized), ``verbose`` (print the
        generated source) and ``stream``. It returns the list of output arrays.

    Raises
    ------
    TypeError
        When the name lists are not sequences of str.
    RuntimeError
        Without the CUDA backend.

    Examples
    --------
    >>> # needs the CUDA backend:
    >>> kernel = mx.fast.cuda_kernel(  # doctest: +SKIP
    ...     name="double", input_names=["inp"], output_names=["out"],
    ...     source="auto i = blockIdx.x * blockDim.x + threadIdx.x; out[i] = 2 * inp[i];")
    >>> x = mx.array([1.0, 2.0, 3.0])
    >>> kernel(inputs=[x], grid=(3, 1, 1), threadgroup=(3, 1, 1),  # doctest: +SKIP
    ...        output_shapes=[x.shape], output_dtypes=[x.dtype])[0]
    array([2, 4, 6], dtype=float32)
    """
    cdef _CustomKernel k = _CustomKernel.__new__(_CustomKernel)
    k._k = cf.make_cuda_kernel(name.encode(), _names(input_names, "cuda_kernel", "input_names"),
                               _names(output_names, "cuda_kernel", "output_names"), source.encode(),
                               header.encode(), <cbool>ensure_row_contiguous, <int>shared_memory)
    return k


def precompiled_cuda_kernel(*, name: str, compiled_source: bytes, inputs: Sequence[bool | int | float | array | Any | complex | ArrayLike], output_shapes: Sequence[tuple[int, ...]], output_dtypes: Sequence[Dtype], scalars: Sequence[object],
                            grid: tuple[int, int, int], threadgroup: tuple[int, int, int], shared_memory: int = 0, init_value: float | None = None,
                            ensure_row_contiguous: bool = False, stream: StreamOrDevice = None) -> list[array]:
    """Run an already compiled CUDA kernel (PTX or a cubin) on arrays.

    The kernel is given the input buffers, the output buffers and the scalars.

    Parameters
    ----------
    name : str
        The kernel's (entry point's) name. Required keyword.
    compiled_source : bytes
        The compiled code. Required keyword.
    inputs : sequence of array
        The input arrays. Required keyword.
    output_shapes : sequence of tuple of int
        Shape of each output. Required keyword.
    output_dtypes : sequence of Dtype
        Dtype of each output. Required keyword.
    scalars : sequence of bool, int or float
        Scalar arguments after the buffers. Required keyword.
    grid : tuple(int, int, int)
        The grid, in blocks. Required keyword.
    threadgroup : tuple(int, int, int)
        The threads per block. Required keyword.
    shared_memory : int, optional
        Bytes of dynamic shared memory per block. Default: ``0``.
    init_value : float, optional
        Fill the outputs with this value first. Default: ``None``, uninitialized.
    ensure_row_contiguous : bool, optional
        Copy inputs to row-major contiguous layout first. Default: ``False``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default
        device.

    Returns
    -------
    list of array
        The outputs.

    Raises
    ------
    RuntimeError
        Without the CUDA backend.

    Examples
    --------
    >>> # needs the CUDA backend and a compiled kernel (ptx: bytes of a kernel "double")
    >>> out, = mx.fast.precompiled_cuda_kernel(  # doctest: +SKIP
    ...     name="double", compiled_source=ptx, inputs=[mx.array([1.0, 2.0])],
    ...     output_shapes=[(2,)], output_dtypes=[mx.float32], scalars=[],
    ...     grid=(1, 1, 1), threadgroup=(2, 1, 1))
    >>> callable(mx.fast.precompiled_cuda_kernel)
    True
    """
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
