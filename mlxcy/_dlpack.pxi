# DLPack export (array.__dlpack__, __dlpack_device__) and import (from_dlpack).
# The exchange structures are declared in src/dlpack.h.

from cpython.pycapsule cimport PyCapsule_IsValid, PyCapsule_GetPointer, PyCapsule_SetName

# DLPack device types used here.
cdef enum:
    DL_CPU = 1
    DL_CUDA = 2
    DL_CUDA_HOST = 3
    DL_CUDA_MANAGED = 13

# Host-visible DLPack device types: CPU, CUDA host (pinned) and CUDA managed memory.
cdef tuple _DL_HOST_DEVICES = (DL_CPU, DL_CUDA_HOST, DL_CUDA_MANAGED)


# (DLPack type code, bits) -> mlxcy dtype code
cdef dict _DL_DTYPES = {
    (6, 8): <int>DtypeVal.bool_,
    (1, 8): <int>DtypeVal.uint8, (1, 16): <int>DtypeVal.uint16,
    (1, 32): <int>DtypeVal.uint32, (1, 64): <int>DtypeVal.uint64,
    (0, 8): <int>DtypeVal.int8, (0, 16): <int>DtypeVal.int16,
    (0, 32): <int>DtypeVal.int32, (0, 64): <int>DtypeVal.int64,
    (2, 16): <int>DtypeVal.float16, (2, 32): <int>DtypeVal.float32, (2, 64): <int>DtypeVal.float64,
    (4, 16): <int>DtypeVal.bfloat16, (5, 64): <int>DtypeVal.complex64,
}


cdef object _dlpack_export(array a, object stream, object max_version, object dl_device, object copy):
    """A DLPack capsule of the array's evaluated, row-contiguous data: versioned (1.x) when the
    consumer's ``max_version`` allows, legacy otherwise. The capsule keeps the data alive.
    Without ``copy=True`` an evaluated row-contiguous array is exported without copying.
    Memory the array does not own (a NumPy source, ``bytes``, a mapped file) is exported
    read-only, as through the buffer protocol: flagged so in a versioned capsule; a legacy
    capsule cannot say so and is refused with BufferError, as NumPy refuses it."""
    cdef optional[c_array] x = a._a
    cdef bint copied = False
    cdef bint versioned
    cdef int32_t dev_type, dev_id
    dev_type, dev_id = _dlpack_device(a)
    if dl_device is not None:
        dev_type, dev_id = _dlpack_target_device(tuple(dl_device))
    elif dev_type == DL_CUDA and stream is None:
        # GPU consumers (PyTorch, CuPy, JAX) pass their stream; one that passes none is a host
        # consumer such as NumPy, which takes the memory as what it is: CUDA managed memory.
        dev_type = DL_CUDA_MANAGED
    versioned = max_version is not None and tuple(max_version)[0] >= 1
    _eval_now(deref(x))
    if not deref(x).flags().row_contiguous:
        if copy is False:
            raise BufferError("The array is not row-contiguous: exporting it through DLPack needs a copy "
                              "(copy=False was given)")
        x = cops.contiguous(deref(x), False, sod_default())
        _eval_now(deref(x))
        copied = True
    elif copy is True:
        x = array_copy_of(raw_data(deref(x)), deref(x).nbytes(), deref(x).shape(), deref(x).dtype())
        copied = True
    cdef bint read_only = data_is_foreign(deref(x))
    if read_only and not versioned:
        raise BufferError("this array views memory it does not own (a NumPy/DLPack source, bytes or a "
                          "mapped file), which is exported read-only: a legacy DLPack capsule cannot be "
                          "marked read-only. Pass max_version=(1, 0) (NumPy 2's np.from_dlpack does), "
                          "or copy=True")
    if cuda_memory():
        with nogil:
            cuda_synchronize()   # the GPU has finished writing before another framework reads
    return dl_make_capsule(deref(x), versioned, copied, read_only, dev_type, dev_id)


cdef tuple _dlpack_device(array a):
    # On the CUDA build MLX's memory is CUDA memory, exported as unified memory that both the
    # GPU (kDLCUDA, so PyTorch and CuPy make GPU tensors) and, on request, the host can use.
    # Otherwise host memory (kDLCPU).
    if cuda_memory():
        return (DL_CUDA, 0)
    return (DL_CPU, 0)


cdef tuple _dlpack_target_device(tuple dev):
    """The (type, id) an export asked for with ``dl_device``, if the array's memory can be seen
    there without a copy: the host always; on the CUDA build, also the GPU and CUDA managed
    memory (MLX exports unified memory)."""
    if len(dev) != 2:
        raise BufferError(f"dl_device must be a (device type, device id) pair, not {dev!r}")
    if cuda_memory():
        if dev[0] in (DL_CPU, DL_CUDA_MANAGED) or dev == (DL_CUDA, 0):
            return dev
        raise BufferError(f"mlxcy arrays live in CUDA unified memory and export to the CPU (1, 0), "
                          f"CUDA device (2, 0) or CUDA managed memory (13, 0), not to {dev}")
    if dev[0] not in _DL_HOST_DEVICES:
        raise BufferError(f"mlxcy arrays live in host memory and export to the CPU device (1, 0) only, "
                          f"not to {dev}")
    return (DL_CPU, 0)


cdef object _array_from_dl_tensor(MlxcyDLTensor* t, void* managed, bint versioned, object copy,
                                  object capsule, const char* used_name, bint keep_float64):
    """An array over (or copied from) the tensor `t` of a DLPack capsule. Consumes the capsule.
    As mx.array does, float64 becomes float32 (unless `keep_float64`) and complex128 becomes
    complex64: both are converted copies."""
    cdef vector[int] vshape = vector[int]()
    cdef Shape shape
    cdef int i
    cdef int64_t expected = 1
    cdef int64_t total = 1
    cdef bint contiguous = True
    cdef char* ptr
    cdef c_Dtype d
    cdef optional[c_array] out = nullopt
    cdef bint on_cuda = _check_importable_device(t.device.device_type)
    key = (t.dtype.code, t.dtype.bits)
    # complex128 has no MLX dtype: its elements are read as float64 (real, imaginary) pairs.
    cdef bint is_complex128 = key == (5, 128) and t.dtype.lanes == 1
    if not is_complex128 and (t.dtype.lanes != 1 or key not in _DL_DTYPES):
        raise ValueError(f"from_dlpack: unsupported DLPack dtype (code {t.dtype.code}, {t.dtype.bits} bits, "
                         f"{t.dtype.lanes} lanes)")
    if t.ndim < 0 or t.ndim > 64:
        raise ValueError(f"from_dlpack: invalid number of dimensions {t.ndim}")
    # (if/else, not a conditional expression: see DEVELOPING.md, Cython pitfalls 3)
    if is_complex128:
        d = cx.float64
    else:
        d = dtype_from_val(_DL_DTYPES[key])
    cdef size_t itemsize = d.size()
    if is_complex128:
        itemsize = 16
    cdef bint narrow = is_complex128 or (d == cx.float64 and not keep_float64)
    for i in range(t.ndim):
        if t.shape[i] < 0:
            raise ValueError(f"from_dlpack: negative dimension {t.shape[i]}")
        vshape.push_back(checked_dim(t.shape[i]))
        total *= t.shape[i]
    if t.strides != NULL and total > 0:
        for i in range(t.ndim - 1, -1, -1):
            if t.shape[i] != 1 and t.strides[i] != expected:
                contiguous = False
                break
            expected *= t.shape[i]
    if is_complex128:
        vshape.push_back(2)
    shape = to_shape(vshape)
    ptr = <char*>t.data + t.byte_offset
    cdef bint aligned = (<uintptr_t>ptr) % d.size() == 0
    # Whether MLX can use the memory in place: host memory on the CPU backend, CUDA unified
    # memory on the CUDA backend.
    cdef bint in_place
    if not on_cuda:
        in_place = not cuda_memory()
    elif total == 0:
        in_place = True
    else:
        with nogil:
            cuda_synchronize()   # the producer's pending writes are done before MLX reads
        in_place = t.device.device_type == DL_CUDA_MANAGED or cuda_memory_is_unified(ptr)
    if copy is False and narrow:
        raise ValueError("from_dlpack: cannot import without a copy: "
                         + ("complex128 has no MLX dtype and becomes complex64"
                            if is_complex128 else "float64 becomes float32 (as in mx.array)")
                         + " (copy=False was given)")
    if copy is False and not (contiguous and aligned and in_place):
        raise ValueError("from_dlpack: cannot share the tensor's memory without a copy: it is "
                         + ("not row-contiguous" if not contiguous else
                            "not aligned to its element size" if not aligned else
                            "CUDA device memory, and MLX shares only CUDA unified memory" if on_cuda else
                            "host memory, which libmlx's CUDA backend cannot use in place")
                         + " (copy=False was given)")
    # A float64 tensor that is narrowed is read through a view (the conversion is the copy).
    if (copy is not True or narrow) and contiguous and aligned and in_place and total > 0:
        # The array takes over the managed tensor: the producer's deleter runs when MLX frees it.
        PyCapsule_SetName(capsule, used_name)
        if on_cuda:
            out = dl_array_view_unified(ptr, <size_t>total * itemsize, shape, d, managed, versioned)
        else:
            out = dl_array_view(ptr, shape, d, managed, versioned)
        if narrow:
            _narrow_float64(out, is_complex128)
        return wrap(deref(out))
    if on_cuda:
        if is_complex128 and not contiguous and total > 0:
            raise ValueError("from_dlpack: strided complex128 CUDA tensors are not supported; "
                             "make the tensor contiguous (or complex64) first")
        _copy_from_cuda(ptr, t, shape, d, total, contiguous, out)
    else:
        out = array_uninit(<size_t>total * itemsize, shape, d)
        if total > 0:
            if contiguous:
                memcpy(raw_data(deref(out)), ptr, <size_t>total * itemsize)
            else:
                dl_strided_copy(<char*>raw_data(deref(out)), ptr, t.shape, t.strides, t.ndim, itemsize)
    PyCapsule_SetName(capsule, used_name)
    if versioned:
        if (<MlxcyDLManagedTensorVersioned*>managed).deleter != NULL:
            (<MlxcyDLManagedTensorVersioned*>managed).deleter(<MlxcyDLManagedTensorVersioned*>managed)
    elif (<MlxcyDLManagedTensor*>managed).deleter != NULL:
        (<MlxcyDLManagedTensor*>managed).deleter(<MlxcyDLManagedTensor*>managed)
    if narrow:
        _narrow_float64(out, is_complex128)
    return wrap(deref(out))


cdef int _narrow_float64(optional[c_array]& x, bint pairs_to_complex) except -1:
    """Replace float64 `x` by its float32 conversion, computed now so that the result no longer
    reads the source; with `pairs_to_complex`, x's last axis of 2 holds (real, imaginary) parts
    and the result is complex64 without that axis."""
    cdef Shape complex_shape = Shape()
    cdef size_t i
    x = cops.astype(deref(x), cx.float32, _HOST)
    if pairs_to_complex:
        for i in range(deref(x).ndim() - 1):
            complex_shape.push_back(deref(x).shape()[i])
        x = cops.view(deref(x), cx.complex64, _HOST)   # (re, im) float32 pairs are complex64's layout
        x = cops.reshape(deref(x), complex_shape, _HOST)
    _eval_now(deref(x))
    return 0


cdef bint _check_importable_device(int device_type) except -1:
    """Whether a tensor on `device_type` is CUDA memory (True) or host memory (False); raises
    BufferError for memory this build of MLX cannot use."""
    if device_type in _DL_HOST_DEVICES and device_type != DL_CUDA_MANAGED:
        return False
    if device_type in (DL_CUDA, DL_CUDA_MANAGED):
        if cuda_memory():
            return True
        if device_type == DL_CUDA_MANAGED:
            return False   # managed memory is host-addressable
        raise BufferError("from_dlpack: the tensor lives in CUDA device memory, but this mlxcy runs on "
                          "libmlx's CPU backend; move it to the host first (e.g. tensor.cpu())")
    raise BufferError(f"from_dlpack: the tensor lives on DLPack device type {device_type}; mlxcy imports "
                      "host memory" + (" and CUDA memory" if cuda_memory() else "") + " only")


cdef int _copy_from_cuda(char* ptr, MlxcyDLTensor* t, Shape shape, c_Dtype d, int64_t total,
                         bint contiguous, optional[c_array]& out) except -1:
    """Set `out` to a new MLX array with a copy of a CUDA tensor's elements in row-major order."""
    cdef int64_t span = 1
    cdef int i
    cdef size_t itemsize = d.size()
    # A complex128 tensor arrives as float64 (real, imaginary) pairs: one axis of 2 more.
    cdef size_t values_per_element = 2 if <int>shape.size() > t.ndim else 1
    cdef size_t nbytes = <size_t>total * itemsize * values_per_element
    if contiguous or total == 0:
        with nogil:
            out = cuda_copy_in(ptr, nbytes, shape, d)
        return 0
    # Strided: copy the elements' whole extent, then gather them with MLX (on the CPU stream,
    # which handles every dtype).
    cdef vector[int64_t] elem_strides = vector[int64_t]()
    for i in range(t.ndim):
        if t.strides[i] < 0:
            raise ValueError("from_dlpack: CUDA tensors with negative strides are not supported; "
                             "make the tensor contiguous first")
        span += (t.shape[i] - 1) * t.strides[i]
        elem_strides.push_back(t.strides[i])
    cdef Shape flat = to_shape([<int>span])
    nbytes = <size_t>span * itemsize
    with nogil:
        out = cuda_copy_in(ptr, nbytes, flat, d)
    out = cops.as_strided(deref(out), shape, to_strides(elem_strides), 0, _HOST)
    out = cops.contiguous(deref(out), False, _HOST)
    _eval_now(deref(out))
    return 0


def from_dlpack(x: Any, /, *, copy: bool | None = None) -> array:
    """Make an array from an object that implements the DLPack protocol.

    Reads the DLPack tensor ``x`` exports through ``__dlpack__`` (a NumPy array, a PyTorch or JAX
    tensor, another array). Host memory is shared where dtype and layout allow; float64 tensors
    become float32, as in :func:`array`.

    Parameters
    ----------
    x : object
        An object with ``__dlpack__`` and ``__dlpack_device__`` methods.
    copy : bool, optional
        ``True`` always copies; ``False`` never copies and raises when a copy is needed; ``None``
        copies only when sharing is impossible. Default: ``None``.

    Returns
    -------
    array
        The tensor's values.

    Raises
    ------
    TypeError
        When ``x`` has no ``__dlpack__`` method, or ``copy`` is not a bool or ``None``.
    ValueError
        When ``copy=False`` and a copy is needed (a float64 tensor, which becomes float32).

    Examples
    --------
    >>> mx.from_dlpack(np.arange(3))
    array([0, 1, 2], dtype=int64)
    >>> mx.from_dlpack(np.array([0.5, 1.5])).dtype
    mlx.core.float32

    Notes
    -----
    The reference binding raises ``ValueError`` for ``copy=False`` with any CPU tensor; mlxcy shares
    the memory instead, and on the CUDA backend also imports CUDA tensors (docs/differences.md,
    docs/zero-copy.md).
    """
    return _import_dlpack(x, to_opt_flag(copy, "from_dlpack", "copy"), False)


cdef object _import_dlpack(object x, object copy, bint keep_float64):
    """from_dlpack; `keep_float64` keeps a float64 tensor float64 (shared where it can be), for
    array(t, dtype=float64) and asarray(t, dtype=float64)."""
    cdef MlxcyDLManagedTensorVersioned* mv
    cdef MlxcyDLManagedTensor* ml
    cdef optional[c_array] narrowed = nullopt
    if isinstance(x, array):
        if (<array>x)._a.dtype() == cx.float64 and not keep_float64:
            if copy is False:
                raise ValueError("from_dlpack: cannot import without a copy: float64 becomes float32 "
                                 "(as in mx.array) (copy=False was given)")
            narrowed = (<array>x)._a
            _narrow_float64(narrowed, False)
            return wrap(deref(narrowed))
        return asarray(x, copy=copy)
    if not hasattr(x, "__dlpack__"):
        raise TypeError(f"from_dlpack(): {type(x).__name__} does not implement the DLPack protocol "
                        "(it has no __dlpack__ method)")
    if hasattr(x, "__dlpack_device__"):
        _check_importable_device(tuple(x.__dlpack_device__())[0])
    try:
        cap = x.__dlpack__(max_version=(1, 1))
    except TypeError:
        cap = x.__dlpack__()   # a producer older than DLPack 1.0
    if PyCapsule_IsValid(cap, b"dltensor_versioned"):
        mv = <MlxcyDLManagedTensorVersioned*>PyCapsule_GetPointer(cap, b"dltensor_versioned")
        if mv.version.major != 1:
            raise BufferError(f"from_dlpack: unsupported DLPack version {mv.version.major}.{mv.version.minor}")
        return _array_from_dl_tensor(&mv.dl_tensor, <void*>mv, True, copy, cap, b"used_dltensor_versioned",
                                     keep_float64)
    if PyCapsule_IsValid(cap, b"dltensor"):
        ml = <MlxcyDLManagedTensor*>PyCapsule_GetPointer(cap, b"dltensor")
        return _array_from_dl_tensor(&ml.dl_tensor, <void*>ml, False, copy, cap, b"used_dltensor", keep_float64)
    raise ValueError("from_dlpack: __dlpack__ did not return a DLPack capsule (or it was already consumed)")
