# The file formats' headers, parsed once with hardened checks (shared by validation and the mmap
# path), and arrays built over mapped memory. Included by _io.pyx.

# ---- header parsing (hardened; shared by validation and the mmap path) ----------------------

cdef dict _ST_DTYPES = {
    "BOOL": D_BOOL, "U8": D_U8, "I8": D_I8, "U16": D_U16, "I16": D_I16, "U32": D_U32, "I32": D_I32,
    "U64": D_U64, "I64": D_I64, "F16": D_F16, "BF16": D_BF16, "F32": D_F32, "F64": D_F64, "C64": D_C64,
    # 8-bit floats MLX has no dtype for load as their raw bytes (uint8), as libmlx (and so the
    # reference) loads them; F8_E5M2 and the rest are refused there too.
    "F8_E4M3": D_U8, "F8_E8M0": D_U8,
}
cdef object MAX_HEADER = 100_000_000      # the safetensors format's own bound on the JSON header
cdef object MAX_DIM = 2147483647


cdef object _check_shape(object shape, str what):
    if not isinstance(shape, (list, tuple)):
        raise MalformedFileError(f"[load] {what}: shape must be a list of integers, got {shape!r:.80}")
    n = 1
    for d in shape:
        if type(d) is not int or d < 0 or d > MAX_DIM:
            raise MalformedFileError(f"[load] {what}: invalid shape entry {d!r:.40} (need an integer in [0, 2**31))")
        n *= d
    if len(shape) > 64:
        raise MalformedFileError(f"[load] {what}: too many dimensions ({len(shape)})")
    return n


cdef tuple _parse_safetensors(object buf, Py_ssize_t size):
    """(entries, metadata, data_start) of a safetensors file held in `buf` (bytes or mmap).
    entries: list of (name, dtype code, shape list, begin, end), offsets relative to data_start,
    in header order. Every field is checked against the file size before any data is touched."""
    if size < 8:
        raise MalformedFileError(f"[load_safetensors] File too short for a safetensors header ({size} bytes)")
    (n,) = _struct.unpack_from("<Q", buf, 0)
    if n > size - 8:
        raise MalformedFileError(f"[load_safetensors] Header length {n} exceeds the file size ({size} bytes): "
                         "the file is truncated or not safetensors")
    if n > MAX_HEADER:
        raise MalformedFileError(f"[load_safetensors] Header length {n} is larger than the format allows")
    raw = bytes(buf[8:8 + n])
    try:
        header = _json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise MalformedFileError("[load_safetensors] The header is not valid UTF-8") from None
    except (ValueError, RecursionError) as e:
        raise MalformedFileError(f"[load_safetensors] The header is not valid JSON: {e}") from None
    if not isinstance(header, dict):
        raise MalformedFileError("[load_safetensors] The header must be a JSON object")
    data_start = 8 + n
    data_len = size - data_start
    metadata = {}
    entries = []
    for name, info in header.items():
        if name == "__metadata__":
            if info is None:
                continue
            if not isinstance(info, dict) or not all(isinstance(v, str) for v in info.values()):
                raise MalformedFileError("[load_safetensors] __metadata__ must map strings to strings")
            metadata = info
            continue
        what = f"tensor {name!r:.60}"
        if not isinstance(info, dict):
            raise MalformedFileError(f"[load_safetensors] {what}: entry must be a JSON object")
        dt = info.get("dtype")
        if not isinstance(dt, str) or dt not in _ST_DTYPES:
            raise MalformedFileError(f"[load_safetensors] {what}: unsupported dtype {dt!r:.40}")
        shape = info.get("shape")
        count = _check_shape(shape, what)
        offs = info.get("data_offsets")
        if (not isinstance(offs, (list, tuple)) or len(offs) != 2 or type(offs[0]) is not int
                or type(offs[1]) is not int):
            raise MalformedFileError(f"[load_safetensors] {what}: data_offsets must be two integers")
        b, e = offs
        if b < 0 or e < b or e > data_len:
            raise MalformedFileError(f"[load_safetensors] {what}: data_offsets [{b}, {e}] lie outside the "
                             f"{data_len} data bytes of the file (truncated or corrupt)")
        code = _ST_DTYPES[dt]
        if e - b != count * _itemsize(code):
            raise MalformedFileError(f"[load_safetensors] {what}: shape {list(shape)} of {dt} needs "
                             f"{count * _itemsize(code)} bytes but data_offsets give {e - b}")
        entries.append((name, code, list(shape), b, e))
    spans = sorted((b, e) for (_, _, _, b, e) in entries if e > b)
    for i in range(1, len(spans)):
        if spans[i][0] < spans[i - 1][1]:
            raise MalformedFileError(f"[load_safetensors] Tensors overlap in the data section "
                             f"(bytes {spans[i - 1]} and {spans[i]})")
    return entries, metadata, data_start


cdef dict _NPY_DTYPES = {
    "b1": D_BOOL, "u1": D_U8, "i1": D_I8, "u2": D_U16, "i2": D_I16, "u4": D_U32, "i4": D_I32,
    "u8": D_U64, "i8": D_I64, "f2": D_F16, "f4": D_F32, "f8": D_F64, "c8": D_C64, "V2": D_BF16,
}


cdef tuple _parse_npy(object buf, Py_ssize_t size):
    """(dtype code, byte-swapped, fortran order, shape tuple, data offset) of a .npy file."""
    if size < 10 or bytes(buf[:6]) != b"\x93NUMPY":
        raise MalformedFileError("[load] Invalid header in .npy file: bad magic string (not a NumPy file)")
    major = buf[6]
    if major == 1:
        (hlen,) = _struct.unpack_from("<H", buf, 8)
        start = 10
    elif major in (2, 3):
        if size < 12:
            raise MalformedFileError("[load] Truncated .npy header")
        (hlen,) = _struct.unpack_from("<I", buf, 8)
        start = 12
    else:
        raise MalformedFileError(f"[load] Unsupported .npy format version {major}")
    if hlen > size - start or hlen > 1 << 20:
        raise MalformedFileError(f"[load] .npy header length {hlen} exceeds the file size ({size} bytes)")
    try:
        text = bytes(buf[start:start + hlen]).decode("utf-8" if major == 3 else "latin1")
        d = _ast.literal_eval(text)
    except (SyntaxError, ValueError, TypeError, MemoryError, RecursionError, UnicodeDecodeError):
        raise MalformedFileError("[load] Invalid .npy header: not a Python dict literal") from None
    if not isinstance(d, dict) or set(d) != {"descr", "fortran_order", "shape"}:
        raise MalformedFileError("[load] Invalid .npy header: expected the keys descr, fortran_order and shape")
    descr, fortran, shape = d["descr"], d["fortran_order"], d["shape"]
    if not isinstance(descr, str) or not descr:
        if isinstance(descr, list):
            raise MalformedFileError("[load] Structured .npy arrays are not supported")
        raise MalformedFileError(f"[load] Invalid .npy dtype description {descr!r:.40}")
    order = descr[0] if descr[0] in "<>|=" else "|"
    code_str = descr[1:] if descr[0] in "<>|=" else descr
    if code_str.startswith("O"):
        raise MalformedFileError("[load] Cannot load .npy files of object dtype (they hold pickled Python objects)")
    if code_str not in _NPY_DTYPES:
        raise MalformedFileError(f"[load] Unsupported .npy dtype {descr!r:.40}")
    if not isinstance(fortran, bool):
        raise MalformedFileError("[load] Invalid .npy header: fortran_order must be a bool")
    if not isinstance(shape, tuple):
        raise MalformedFileError("[load] Invalid .npy header: shape must be a tuple")
    code = _NPY_DTYPES[code_str]
    count = _check_shape(shape, ".npy")
    swapped = (order == ">" and _LITTLE) or (order == "<" and not _LITTLE)
    data_off = start + hlen
    if count * _itemsize(code) > size - data_off:
        raise MalformedFileError(f"[load] .npy file is truncated: shape {shape} needs {count * _itemsize(code)} "
                         f"bytes of data, the file has {size - data_off}")
    return code, swapped and _itemsize(code) > 1, fortran, shape, data_off


# GGUF value types -> fixed size in bytes (8 = string, 9 = array are variable).
cdef dict _GGUF_SCALAR = {0: 1, 1: 1, 2: 2, 3: 2, 4: 4, 5: 4, 6: 4, 7: 1, 10: 8, 11: 8, 12: 8}
# ggml tensor types -> (elements per block, bytes per block)
cdef dict _GGML_BLOCKS = {
    0: (1, 4), 1: (1, 2), 2: (32, 18), 3: (32, 20), 6: (32, 22), 7: (32, 24), 8: (32, 34), 9: (32, 36),
    10: (256, 84), 11: (256, 110), 12: (256, 144), 13: (256, 176), 14: (256, 210), 15: (256, 292),
    24: (1, 1), 25: (1, 2), 26: (1, 4), 27: (1, 8), 28: (1, 8), 30: (1, 2),
}


cdef class _Cursor:
    """Bounds-checked little-endian reads from a buffer."""
    cdef object buf
    cdef Py_ssize_t pos, size

    def __cinit__(self, buf, Py_ssize_t size, Py_ssize_t pos):
        self.buf = buf
        self.size = size
        self.pos = pos

    cdef object take(self, str fmt, Py_ssize_t n):
        if n > self.size - self.pos:
            raise MalformedFileError(f"[load_gguf] File truncated: need {n} bytes at offset {self.pos}, "
                             f"file has {self.size}")
        v = _struct.unpack_from(fmt, self.buf, self.pos)[0]
        self.pos += n
        return v

    cdef object skip(self, object n):
        if n < 0 or n > self.size - self.pos:
            raise MalformedFileError(f"[load_gguf] File truncated or corrupt: a length of {n} at offset "
                             f"{self.pos} runs past the end of the file ({self.size} bytes)")
        self.pos += n

    cdef object string(self):
        n = self.take("<Q", 8)
        start = self.pos
        self.skip(n)
        return bytes(self.buf[start:start + n])


cdef object _gguf_value(_Cursor c, object vtype, int depth):
    if vtype in _GGUF_SCALAR:
        c.skip(_GGUF_SCALAR[vtype])
        return None
    if vtype == 8:
        return c.string()
    if vtype == 9 and depth == 0:
        etype = c.take("<I", 4)
        count = c.take("<Q", 8)
        if etype in _GGUF_SCALAR:
            c.skip(count * _GGUF_SCALAR[etype])
        elif etype == 8:
            if count > (c.size - c.pos) // 8:
                raise MalformedFileError(f"[load_gguf] Array count {count} is larger than the file can hold")
            for _ in range(count):
                c.string()
        else:
            raise MalformedFileError(f"[load_gguf] Unsupported GGUF array element type {etype}")
        return None
    raise MalformedFileError(f"[load_gguf] Unsupported GGUF metadata value type {vtype}")


cdef list _check_gguf(object buf, Py_ssize_t size):
    """Walk a GGUF file's header and tensor table, checking every count, length and offset.
    Returns the float64 metadata values (GGUF value type 12, scalars and arrays), which libmlx
    cannot read (it crashes on them): (key, offset of their type code, offset of the values,
    element count or None for a scalar)."""
    if size < 24 or bytes(buf[:4]) != b"GGUF":
        raise MalformedFileError("[load_gguf] Not a GGUF file: bad magic or truncated header")
    cdef _Cursor c = _Cursor(buf, size, 4)
    version = c.take("<I", 4)
    if version not in (2, 3):
        raise MalformedFileError(f"[load_gguf] Unsupported GGUF version {version}")
    n_tensors = c.take("<Q", 8)
    n_kv = c.take("<Q", 8)
    # Each metadata entry takes at least 13 bytes and each tensor description at least 24.
    if n_kv > size // 13 or n_tensors > size // 24:
        raise MalformedFileError(f"[load_gguf] Bad counts: {n_tensors} tensors and {n_kv} metadata entries "
                         f"cannot fit in {size} bytes")
    alignment = 32
    float64_entries = []
    for _ in range(n_kv):
        key = c.string()
        vtype = c.take("<I", 4)
        if vtype == 12:
            float64_entries.append((key, c.pos - 4, c.pos, None))
        elif vtype == 9 and c.size - c.pos >= 12 and _struct.unpack_from("<I", c.buf, c.pos)[0] == 12:
            float64_entries.append((key, c.pos, c.pos + 12, _struct.unpack_from("<Q", c.buf, c.pos + 4)[0]))
        if key == b"general.alignment" and vtype == 4:
            alignment = c.take("<I", 4)
            if alignment == 0 or alignment & (alignment - 1):
                raise MalformedFileError(f"[load_gguf] Invalid alignment {alignment}")
        else:
            _gguf_value(c, vtype, 0)
    tensors = []
    for _ in range(n_tensors):
        name = c.string()
        ndim = c.take("<I", 4)
        if ndim > 8:
            raise MalformedFileError(f"[load_gguf] Tensor {name[:60]!r} has {ndim} dimensions")
        count = 1
        for _ in range(ndim):
            d = c.take("<Q", 8)
            if d > MAX_DIM:
                raise MalformedFileError(f"[load_gguf] Tensor {name[:60]!r} has an absurd dimension {d}")
            count *= d
        ttype = c.take("<I", 4)
        off = c.take("<Q", 8)
        if ttype not in _GGML_BLOCKS:
            raise MalformedFileError(f"[load_gguf] Tensor {name[:60]!r} has unsupported type {ttype}")
        per, nb = _GGML_BLOCKS[ttype]
        if count % per:
            raise MalformedFileError(f"[load_gguf] Tensor {name[:60]!r}: {count} elements is not a whole "
                             f"number of blocks of {per}")
        tensors.append((name, off, count // per * nb))
    data_start = (c.pos + alignment - 1) // alignment * alignment
    for name, off, nbytes in tensors:
        if off > size or data_start + off + nbytes > size:
            raise MalformedFileError(f"[load_gguf] Tensor {name[:60]!r} data (offset {off}, {nbytes} bytes) runs past "
                             f"the end of the file ({size} bytes)")
    return float64_entries


# ---- building arrays over mapped memory ------------------------------------------------------

cdef array _view_or_copy(object owner, Py_ssize_t offset, int code, list shape, bint swapped, bint copy):
    """An array of the elements at `offset` in the buffer of memoryview `owner`: a zero-copy
    view when aligned, in native byte order and not `copy`, else an owned copy."""
    cdef const char* base = <const char*>PyMemoryView_GET_BUFFER(owner).buf
    cdef Shape s = to_c_shape(shape)
    cdef c_Dtype d = dtype_from_val(code)
    cdef Py_ssize_t isz = _itemsize(code)
    cdef Py_ssize_t count = 1
    cdef optional[c_array] out = nullopt
    for x in shape:
        count *= <Py_ssize_t>x
    cdef const char* p = base + offset
    if not copy and not swapped and (<uintptr_t>p) % isz == 0:
        Py_INCREF(owner)
        out = array_view_of(<void*>p, s, d, <PyObject*>owner)
    else:
        out = array_copy_of(p, count * isz, s, d)
        if swapped and d == complex64:   # two float32 halves, each swapped on its own
            byteswap_inplace(<char*>raw_data(deref(out)), count * 2, isz // 2)
        elif swapped:
            byteswap_inplace(<char*>raw_data(deref(out)), count, isz)
    return wrap(deref(out))


cdef object _npy_array(object owner, Py_ssize_t size, bint copy):
    """The array of the .npy file in memoryview `owner`, built from mlxcy's own parse of its
    header (the one parse that both checks and reads it): a view of the buffer where
    _view_or_copy can make one and `copy` is false, else an owned copy."""
    code, swapped, fortran, shape, data_off = _parse_npy(owner, size)
    if fortran and len(shape) > 1:
        a = _view_or_copy(owner, data_off, code, list(reversed(shape)), swapped, copy)
        return wrap(cops.transpose((<array>a)._a, StreamOrDevice()))
    return _view_or_copy(owner, data_off, code, list(shape), swapped, copy)


cdef object _load_mmap(str path, str fmt, bint return_metadata):
    m = _map_file(path)
    size = len(m)
    if fmt == "safetensors":
        entries, metadata, data_start = _parse_safetensors(m, size)
        owner = memoryview(m) if size else memoryview(b"")
        out = {}
        for name, code, shape, b, e in entries:
            out[name] = _view_or_copy(owner, data_start + b, code, shape, False, False)
        return (out, metadata) if return_metadata else out
    return _npy_array(memoryview(m), size, False)
