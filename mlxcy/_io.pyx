# cython: language_level=3, cpp_locals=True, embedsignature=True
"""Loading and saving arrays (.npy, .npz, .safetensors, .gguf), memory-mapped zero-copy loading,
sharded checkpoints, and exporting/importing traced functions."""
from cpython.bytes cimport PyBytes_AS_STRING, PyBytes_GET_SIZE
from cpython.memoryview cimport PyMemoryView_GET_BUFFER
from cpython.object cimport PyObject
from cpython.ref cimport Py_INCREF
from cython.operator cimport dereference as deref
from libc.stdint cimport uintptr_t
from libcpp cimport bool as cbool
from libcpp.memory cimport shared_ptr
from libcpp.optional cimport optional, nullopt
from libcpp.string cimport string
from libcpp.unordered_map cimport unordered_map
from libcpp.vector cimport vector

from mlxcy._core cimport (array, wrap, wrap_list, to_c, to_sod, py_dtype, shape_tuple, to_c_shape,
                          check_copyable)
from mlxcy.includes.mlx cimport (array as c_array, Dtype as c_Dtype, DtypeVal, Shape, StreamOrDevice, complex64,
                                 uint16 as c_uint16)
from mlxcy.includes cimport ops as cops
from mlxcy.includes cimport io as cio
from mlxcy.includes.io cimport (GGUFMeta, SafetensorsLoad, GGUFLoad, StringWriter, PyTraceFn,
                                FunctionExporter as c_FunctionExporter, ImportedFunction, ExportCallback, ExportCallbackInput)
from mlxcy.includes.core cimport dtype_from_val, dtype_val, array_view_of, array_copy_of, raw_data, byteswap_inplace
from mlxcy.includes.mlx cimport eval as c_eval

import errno as _errno
import importlib as _importlib
import mmap as _mmap
import os as _os
import stat as _stat
import struct as _struct
import sys as _sys
import zipfile as _zipfile   # needed now: an exception class below derives from one of its


class _LazyModule:
    """A standard module imported on first use: the writers' and parsers' helpers cost
    `import mlxcy` some 20 ms when imported up front (secrets pulls in hmac and hashlib)."""

    def __init__(self, name):
        self._name = name

    def __getattr__(self, attr):
        module = _importlib.import_module(self._name)
        setattr(self, attr, getattr(module, attr))   # later uses skip __getattr__
        return getattr(module, attr)


_ast = _LazyModule("ast")
_json = _LazyModule("json")
_secrets = _LazyModule("secrets")
_shutil = _LazyModule("shutil")
_tempfile = _LazyModule("tempfile")

from mlxcy._progress import progress_bar as _progress_bar

__all__ = ["load", "save", "savez", "savez_compressed", "save_safetensors", "save_gguf", "load_sharded",
           "export_function", "import_function", "exporter", "FunctionExporter", "export_to_dot"]

# Dtype codes: libmlx's own Dtype::Val values (the codes dtype_from_val/dtype_val convert).
cdef int D_BOOL = <int>DtypeVal.bool_
cdef int D_U8 = <int>DtypeVal.uint8
cdef int D_U16 = <int>DtypeVal.uint16
cdef int D_U32 = <int>DtypeVal.uint32
cdef int D_U64 = <int>DtypeVal.uint64
cdef int D_I8 = <int>DtypeVal.int8
cdef int D_I16 = <int>DtypeVal.int16
cdef int D_I32 = <int>DtypeVal.int32
cdef int D_I64 = <int>DtypeVal.int64
cdef int D_F16 = <int>DtypeVal.float16
cdef int D_F32 = <int>DtypeVal.float32
cdef int D_F64 = <int>DtypeVal.float64
cdef int D_BF16 = <int>DtypeVal.bfloat16
cdef int D_C64 = <int>DtypeVal.complex64


cdef inline Py_ssize_t _itemsize(int code):
    return dtype_from_val(code).size()


cdef bint _LITTLE = _sys.byteorder == "little"


class MalformedFileError(ValueError, RuntimeError):
    """A file that is truncated, corrupt or not in the format it claims. mlxcy checks files
    before libmlx reads them; the reference binding raises RuntimeError for most such files
    (ValueError for a few), so this derives from both: code written for either catches it."""


class MissingFileError(FileNotFoundError, RuntimeError, ValueError):
    """A file to load that does not exist. The reference binding raises RuntimeError (ValueError
    for .npz and .gguf files); NumPy, PyTorch and open() raise FileNotFoundError. This derives
    from all three, so code written for any of them catches it; ``filename`` is the path."""

    def __str__(self):
        return self.strerror


cdef object _open_failure(str what, object path, OSError error):
    """The exception for a file that could not be opened for reading: MissingFileError when it
    does not exist, RuntimeError (as the reference) for other reasons."""
    if isinstance(error, FileNotFoundError):
        return MissingFileError(_errno.ENOENT, f"[{what}] Failed to open file {path}: no such file", path)
    return RuntimeError(f"[{what}] Failed to open file {path}")


class _CorruptNpzMemberError(MalformedFileError, _zipfile.BadZipFile):
    """A damaged member of a .npz archive (the reference lets zipfile's BadZipFile through)."""

# ---- paths, file-likes, formats ------------------------------------------------------------

cdef object _as_path(object file):
    """The path string of a str/PathLike argument, or None for a file-like object."""
    if isinstance(file, str):
        return file
    if isinstance(file, _os.PathLike):
        p = _os.fspath(file)
        return p if isinstance(p, str) else p.decode()
    return None


cdef object _read_all(object file):
    if not hasattr(file, "read"):
        raise TypeError(f"[load] Expected a path (str or pathlib.Path) or a readable file object, "
                        f"got {type(file).__name__}")
    data = file.read()
    if isinstance(data, (bytearray, memoryview)):
        data = bytes(data)
    if not isinstance(data, bytes):
        raise TypeError("[load] The file object must be opened in binary mode (read() returned "
                        f"{type(data).__name__}, not bytes)")
    return data


cdef object _writer_target(object file, str what):
    if not hasattr(file, "write"):
        raise TypeError(f"[{what}] Expected a path (str or pathlib.Path) or a writable file object, "
                        f"got {type(file).__name__}")
    return file


cdef object _map_file(str path):
    """A private (copy-on-write) memory map of the whole file, or bytes b'' for an empty file."""
    try:
        f = open(path, "rb")
    except OSError as e:
        raise _open_failure("load", path, e) from None
    with f:
        size = _os.fstat(f.fileno()).st_size
        if size == 0:
            return b""
        return _mmap.mmap(f.fileno(), 0, access=_mmap.ACCESS_COPY)


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


# ---- load ----------------------------------------------------------------------------------

cdef dict _array_dict(const unordered_map[string, c_array]& m, list order):
    cdef vector[string] keys = vector[string]()
    cdef vector[c_array] vals = vector[c_array]()
    cio.split_array_map(m, keys, vals)
    got = {}
    cdef size_t i
    for i in range(keys.size()):
        got[keys[i].decode("utf-8", "surrogateescape")] = wrap(vals[i])
    if order is None:
        return got
    return {k: got[k] for k in order if k in got} | got


cdef dict _string_dict(const unordered_map[string, string]& m):
    cdef vector[string] keys = vector[string]()
    cdef vector[string] vals = vector[string]()
    cio.split_string_map(m, keys, vals)
    cdef size_t i
    return {keys[i].decode("utf-8", "surrogateescape"): vals[i].decode("utf-8", "surrogateescape")
            for i in range(keys.size())}


cdef object _load_safetensors(object path, object data, StreamOrDevice s, bint return_metadata):
    cdef SafetensorsLoad res
    cdef string cpath
    if path is not None:
        m = _map_file(path)
        entries, _, _ = _parse_safetensors(m, len(m))
        if not isinstance(m, bytes):
            m.close()
        cpath = path.encode()
        with nogil:
            res = cio.load_safetensors(cpath, s)
    else:
        entries, _, _ = _parse_safetensors(data, len(data))
        res = cio.load_safetensors_reader(PyBytes_AS_STRING(data), <size_t>PyBytes_GET_SIZE(data),
                                          <PyObject*>data, s)
    arrays = _array_dict(res.first, [e[0] for e in entries])
    if return_metadata:
        return arrays, _string_dict(res.second)
    return arrays


cdef object _load_npy_bytes(object data):
    with memoryview(data) as owner:
        return _npy_array(owner, len(data), True)


cdef object _load_npy(object path, object data):
    if path is None:
        return _load_npy_bytes(data)
    m = _map_file(path)
    try:
        return _load_npy_bytes(m)
    finally:
        if not isinstance(m, bytes):
            m.close()


cdef object _load_npz(object file, StreamOrDevice s):
    try:
        zf = _zipfile.ZipFile(file, "r")
    except FileNotFoundError as e:
        raise _open_failure("load", file, e) from None
    except (_zipfile.BadZipFile, EOFError, OSError) as e:
        raise MalformedFileError(f"[load] Not a valid .npz file (not a zip archive): {e}") from None
    out = {}
    with zf:
        for info in zf.infolist():
            # members are .npy files, named with or without the suffix (as NumPy and the reference
            # read them); the suffix is not part of the key
            if not info.filename or info.filename.endswith("/"):   # directories
                continue
            if info.file_size > (1 << 40):
                raise MalformedFileError(f"[load] .npz member {info.filename!r} declares an absurd size")
            try:
                data = zf.read(info)
            except (_zipfile.BadZipFile, EOFError, OSError, NotImplementedError) as e:
                raise _CorruptNpzMemberError(f"[load] Corrupt .npz member {info.filename!r}: {e}") from None
            except Exception as e:   # zlib.error and friends
                raise _CorruptNpzMemberError(f"[load] Corrupt .npz member {info.filename!r}: {e}") from None
            key = info.filename[:-4] if info.filename.endswith(".npy") else info.filename
            out[key] = _load_npy_bytes(data)
    return out


cdef object _gguf_metadata(const GGUFMeta& m):
    cdef vector[string] keys = cio.gguf_keys(m)
    cdef size_t i
    cdef int kind
    out = {}
    for i in range(keys.size()):
        k = keys[i].decode("utf-8", "surrogateescape")
        kind = cio.gguf_kind(m, keys[i])
        if kind == 1:
            out[k] = wrap(cio.gguf_get_array(m, keys[i]))
        elif kind == 2:
            out[k] = cio.gguf_get_string(m, keys[i]).decode("utf-8", "surrogateescape")
        elif kind == 3:
            out[k] = [x.decode("utf-8", "surrogateescape") for x in cio.gguf_get_strings(m, keys[i])]
    return out


cdef dict _gguf_float64_values(object buf, list float64_entries):
    """{key: float64 array} of the float64 metadata values found by _check_gguf, read from the
    file's bytes (libmlx cannot read them)."""
    out = {}
    with memoryview(buf) as owner:
        for key, _, values_at, count in float64_entries:
            shape = [] if count is None else [count]
            out[key.decode("utf-8", "surrogateescape")] = _view_or_copy(owner, values_at, D_F64, shape,
                                                                        not _LITTLE, True)
    return out


cdef object _stage_gguf(object path, object data, list float64_entries):
    """A temporary copy of a GGUF file for libmlx, which reads GGUF by path only and crashes on
    float64 metadata: those values' type codes become uint64 (same size, so every offset
    holds); their values are read by _gguf_float64_values instead."""
    fd, tmp = _tempfile.mkstemp(suffix=".gguf")
    try:
        with _os.fdopen(fd, "r+b") as f:
            if data is not None:
                f.write(data)
            else:
                with open(path, "rb") as src:
                    _shutil.copyfileobj(src, f, 1 << 24)
            for _, type_at, _, _ in float64_entries:
                f.seek(type_at)
                f.write(_struct.pack("<I", 10))
    except BaseException:
        _os.unlink(tmp)
        raise
    return tmp


cdef object _load_gguf(object path, object data, StreamOrDevice s, bint return_metadata):
    cdef GGUFLoad res
    cdef string cpath
    cdef vector[c_array] vals
    tmp = None
    float64_meta = {}
    if path is None:
        float64_entries = _check_gguf(data, len(data))
        if return_metadata and float64_entries:
            float64_meta = _gguf_float64_values(data, float64_entries)
    else:
        m = _map_file(path)
        try:
            float64_entries = _check_gguf(m, len(m))
            if return_metadata and float64_entries:
                float64_meta = _gguf_float64_values(m, float64_entries)
        finally:
            if not isinstance(m, bytes):
                m.close()
    if path is None or float64_entries:
        tmp = _stage_gguf(path, data, float64_entries)
    try:
        cpath = (path if tmp is None else tmp).encode()
        with nogil:
            res = cio.load_gguf(cpath, s)
        arrays = _array_dict(res.first, None)
        meta = _gguf_metadata(res.second) if return_metadata else None
        if meta is not None:
            meta.update(float64_meta)
        if tmp is not None:
            # libmlx reads the tensors when they are evaluated: do it before the copy goes.
            vals = vector[c_array]()
            for a in arrays.values():
                vals.push_back((<array>a)._a)
            for a in (meta or {}).values():
                if isinstance(a, array):
                    vals.push_back((<array>a)._a)
            _eval_all(vals)
    finally:
        if tmp is not None:
            _os.unlink(tmp)
    return (arrays, meta) if return_metadata else arrays


cdef void _eval_all(vector[c_array]& v) except *:
    with nogil:
        c_eval(v)


cdef str _format_of(object file, object path, object format):
    if format is not None:
        return format
    name = path if path is not None else getattr(file, "name", None)
    if not isinstance(name, str):
        raise ValueError("[load] Could not infer file format: the file object has no name; pass format=")
    base = _os.path.basename(name)
    if "." not in base:
        raise ValueError("[load] Could not infer file format from extension")
    return base.rsplit(".", 1)[1]


def load(file, /, format=None, return_metadata=False, *, stream=None, mmap=False):
    """Load arrays from a .npy, .npz, .safetensors or .gguf file.

    ``file`` is a path (str or ``pathlib.Path``) or a binary file object; the format comes from
    the extension unless ``format`` names it. Returns an array (.npy) or a dict of arrays, and
    with ``return_metadata=True`` also the file's metadata (.safetensors, .gguf).

    ``mmap=True`` (an mlxcy extra) memory-maps a .safetensors or .npy file and returns arrays
    that view the mapping without copying: opening takes constant time, memory grows only with
    the pages actually read, and the mapping stays open while any array views it. Tensors that
    are not aligned to their element size, or byte-swapped, are copied.

    A truncated, corrupt or mislabelled file raises ``MalformedFileError``, which is both a
    ``ValueError`` and a ``RuntimeError`` (the reference raises the latter for most such files).
    """
    path = _as_path(file)
    fmt = _format_of(file, path, format)
    if fmt not in ("npy", "npz", "safetensors", "gguf"):
        raise ValueError(f"[load] Unknown file format {fmt}")
    if return_metadata and fmt in ("npy", "npz"):
        raise ValueError(f"[load] metadata not supported for format {fmt}")
    if mmap:
        if fmt not in ("npy", "safetensors"):
            raise ValueError(f"[load] mmap=True supports .npy and .safetensors files, not .{fmt}")
        if path is None:
            raise ValueError("[load] mmap=True needs a file path, not a file object")
        return _load_mmap(path, fmt, return_metadata)
    cdef StreamOrDevice s = to_sod(stream)
    if fmt == "npz":
        return _load_npz(path if path is not None else file, s)
    data = _read_all(file) if path is None else None
    if fmt == "npy":
        return _load_npy(path, data)
    if fmt == "safetensors":
        return _load_safetensors(path, data, s, return_metadata)
    return _load_gguf(path, data, s, return_metadata)


def load_sharded(path, *, mmap=False, return_metadata=False, stream=None, progress=False):
    """Load a sharded safetensors checkpoint as one dict (an mlxcy extra).

    ``path`` is a ``model.safetensors.index.json`` file (or a folder holding one) whose
    ``weight_map`` names, for each tensor, the shard file (relative to the index) that holds it.
    Each shard is opened once; ``mmap=True`` maps the shards instead of reading them (see
    :func:`load`). With ``return_metadata=True`` returns ``(arrays, index_metadata)``.

    ``progress=True`` draws a progress bar over the shards on stderr (tqdm when installed, a
    plain text line otherwise). Loading is lazy, so to make the bar follow the disk each shard
    is then read (its arrays evaluated) as it is loaded; with ``mmap=True`` nothing is read and
    the bar follows the opening of the shards.
    """
    p = _as_path(path)
    if p is None:
        raise TypeError(f"[load_sharded] Expected a path, got {type(path).__name__}")
    if _os.path.isdir(p):
        p = _os.path.join(p, "model.safetensors.index.json")
    try:
        with open(p, "rb") as f:
            raw = f.read()
    except OSError as e:
        raise _open_failure("load_sharded", p, e) from None
    try:
        index = _json.loads(raw.decode("utf-8"))
    except (ValueError, RecursionError) as e:
        raise MalformedFileError(f"[load_sharded] {p} is not a valid JSON index: {e}") from None
    wmap = index.get("weight_map") if isinstance(index, dict) else None
    if not isinstance(wmap, dict) or not all(isinstance(v, str) for v in wmap.values()):
        raise MalformedFileError(f"[load_sharded] {p} has no weight_map of tensor names to shard files")
    root = _os.path.dirname(_os.path.abspath(p))
    by_shard = {}
    for name, shard in wmap.items():
        if _os.path.isabs(shard) or ".." in shard.replace("\\", "/").split("/"):
            raise ValueError(f"[load_sharded] Shard path {shard!r} must be relative to the index folder")
        by_shard.setdefault(shard, []).append(name)
    out = {}
    cdef vector[c_array] shard_arrays
    with _progress_bar(len(by_shard), "loading shards", "shard", progress) as bar:
        for shard, names in by_shard.items():
            arrays = load(_os.path.join(root, shard), format="safetensors", stream=stream, mmap=mmap)
            for n in names:
                if n not in arrays:
                    raise ValueError(f"[load_sharded] Tensor {n!r} is not in shard {shard!r}")
                out[n] = arrays[n]
            if progress and not mmap:
                shard_arrays = vector[c_array]()
                for n in names:
                    shard_arrays.push_back((<array>arrays[n])._a)
                _eval_all(shard_arrays)
            bar.update(1)
    if return_metadata:
        meta = index.get("metadata") or {}
        return out, meta
    return out


# ---- save ----------------------------------------------------------------------------------

# Every writer to a path writes a temporary file in the same folder and renames it over the
# target: readers that mapped the old file (mx.load(..., mmap=True)) keep its inode and see
# no change, and a failure or crash mid-write leaves the old file whole.

cdef str _atomic_target(str path):
    """The file a write to `path` replaces: the target of a symbolic link, else `path`."""
    return _os.path.realpath(path) if _os.path.islink(path) else path


cdef str _temp_beside(str path, str what):
    """A new empty file in `path`'s folder, ending in `path`'s extension (libmlx's writers
    append theirs to a name without it). Created with mode 0o666 less the umask, as open()
    would create `path`. A folder that cannot be written raises what the reference raises when
    it opens `path`: OSError naming `path` for savez*, RuntimeError for the others."""
    folder, base = _os.path.split(path)
    ext = _os.path.splitext(base)[1]
    while True:
        tmp = _os.path.join(folder, f".{base}.{_secrets.token_hex(6)}.tmp{ext}")
        try:
            fd = _os.open(tmp, _os.O_WRONLY | _os.O_CREAT | _os.O_EXCL | getattr(_os, "O_CLOEXEC", 0), 0o666)
        except FileExistsError:
            continue
        except OSError as e:
            if what.startswith("savez"):
                raise type(e)(e.errno, e.strerror, path) from None
            raise RuntimeError(f"[{what}] Failed to open file {path}") from None
        _os.close(fd)
        return tmp


cdef object _replace_with(str tmp, str path):
    """Rename the finished `tmp` over `path`, keeping the permission bits `path` had."""
    try:
        mode = _stat.S_IMODE(_os.stat(path).st_mode)
    except FileNotFoundError:
        mode = None
    if mode is not None:
        _os.chmod(tmp, mode)
    _os.replace(tmp, path)


cdef object _discard_temp(str tmp):
    try:
        _os.unlink(tmp)
    except FileNotFoundError:
        pass


cdef object _to_array(object x, str what):
    """An array to save; one the machine could not hold as the contiguous copy every writer
    makes (a huge broadcast) raises MemoryError."""
    cdef optional[c_array] out = nullopt
    if isinstance(x, array):
        check_copyable((<array>x)._a)
        return x
    try:
        to_c(x, out)
    except (TypeError, ValueError):
        raise TypeError(f"[{what}] Expected an array, got {type(x).__name__}") from None
    return wrap(deref(out))


cdef list _named_arrays(object arrays, str what):
    """[(name, array)] of a dict of str to arrays (or array-likes) to save, in the dict's order."""
    if not isinstance(arrays, dict):
        raise TypeError(f"[{what}] arrays must be a dict of str to array, got {type(arrays).__name__}")
    named = []
    for k, v in arrays.items():
        if not isinstance(k, str):
            raise TypeError(f"[{what}] Array names must be strings, got {type(k).__name__}")
        named.append((k, _to_array(v, what)))
    return named


cdef unordered_map[string, c_array] _array_map(object arrays, str what) except *:
    cdef unordered_map[string, c_array] m = unordered_map[string, c_array]()
    for k, v in _named_arrays(arrays, what):
        cio.array_map_set(m, k.encode(), (<array>v)._a)
    return m


cdef bytes _npy_bytes(array a):
    cdef shared_ptr[StringWriter] w = cio.make_string_writer()
    with nogil:
        cio.save_to_writer(cio.as_writer(w), a._a)
    return cio.writer_bytes(w)


def save(file, arr):
    """Save an array to a .npy file (``.npy`` is appended to a path without it) or file object."""
    cdef array a = _to_array(arr, "save")
    cdef string cpath
    path = _as_path(file)
    if path is None:
        _writer_target(file, "save").write(_npy_bytes(a))
        return
    if not path.endswith(".npy"):
        path += ".npy"
    path = _atomic_target(path)
    tmp = _temp_beside(path, "save")
    try:
        cpath = tmp.encode()
        with nogil:
            cio.save(cpath, a._a)
        _replace_with(tmp, path)
    except BaseException:
        _discard_temp(tmp)
        raise


cdef object _savez(object file, tuple args, dict kwargs, bint compressed):
    what = "savez_compressed" if compressed else "savez"
    named = {}
    for i, a in enumerate(args):
        named[f"arr_{i}"] = a
    for k, v in kwargs.items():
        if k in named:
            raise ValueError(f"[{what}] Cannot use un-named variables and keyword {k}")
        named[k] = v
    path = _as_path(file)
    if path is not None and not path.endswith(".npz"):
        path += ".npz"
    if path is None:
        _write_npz(_writer_target(file, what), named, compressed, what)
        return
    path = _atomic_target(path)
    tmp = _temp_beside(path, what)
    try:
        _write_npz(tmp, named, compressed, what)
        _replace_with(tmp, path)
    except BaseException:
        _discard_temp(tmp)
        raise


cdef object _write_npz(object target, dict named, bint compressed, str what):
    with _zipfile.ZipFile(target, "w", _zipfile.ZIP_DEFLATED if compressed else _zipfile.ZIP_STORED,
                          allowZip64=True) as zf:
        for k, v in named.items():
            zf.writestr(k + ".npy", _npy_bytes(_to_array(v, what)))


def savez(file, *args, **kwargs):
    """Save several arrays to an uncompressed .npz archive: positional ones as ``arr_0``,
    ``arr_1``..., keyword ones under their names."""
    _savez(file, args, kwargs, False)


def savez_compressed(file, *args, **kwargs):
    """As :func:`savez`, with the archive members deflate-compressed."""
    _savez(file, args, kwargs, True)


# mlxcy writes safetensors itself (libmlx's writer does not pad its header, so its files' data
# starts at an arbitrary offset and mx.load(..., mmap=True) must copy every tensor wider than a
# byte). Names by Dtype::Val, as libmlx writes them; float64 has none (libmlx refuses it too).
cdef tuple _ST_NAMES = ("BOOL", "U8", "U16", "U32", "U64", "I8", "I16", "I32", "I64", "F16", "F32", None,
                        "BF16", "C64")
cdef int _ST_DATA_ALIGN = 8     # the data section starts at a multiple of this (the widest element)


cdef tuple _safetensors_layout(list named, dict metadata):
    """(header bytes, [array to write, in file order]) of a safetensors file holding `named`
    ([(name, array)]) and `metadata`. The arrays to write are evaluated, row-major, non-empty
    (bfloat16 ones as their uint16 bits, which the buffer protocol exports). The header keeps the
    dict's order and is padded with spaces (the format allows trailing whitespace) so that the
    data starts at a multiple of 8 bytes; tensors are laid out widest element first, so every
    tensor's offset is a multiple of its element size and no gap is left between tensors (the
    format forbids one)."""
    cdef vector[c_array] flat = vector[c_array]()
    cdef optional[c_array] x = nullopt
    cdef int code
    codes = []
    for name, a in named:
        if name == "__metadata__":
            raise ValueError("[save_safetensors] '__metadata__' is reserved for the metadata and cannot "
                             "name an array")
        code = dtype_val((<array>a)._a.dtype())
        if _ST_NAMES[code] is None:
            raise RuntimeError("[save_safetensors] received invalid dtype.")
        x = (<array>a)._a
        if code == D_BF16:
            x = cops.view(deref(x), c_uint16, StreamOrDevice())
        flat.push_back(cops.contiguous(deref(x), False, StreamOrDevice()))
        codes.append(code)
    _eval_all(flat)
    file_order = sorted(range(len(named)), key=[-_itemsize(c) for c in codes].__getitem__)
    offsets = [None] * len(named)
    end = 0
    for i in file_order:
        begin = end
        end = begin + <Py_ssize_t>flat[i].nbytes()
        offsets[i] = [begin, end]
    header = {"__metadata__": metadata} if metadata else {}
    for i in range(len(named)):
        header[named[i][0]] = {"dtype": _ST_NAMES[codes[i]], "shape": list(shape_tuple(flat[i].shape())),
                               "data_offsets": offsets[i]}
    text = _json.dumps(header, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    text += b" " * (-(8 + len(text)) % _ST_DATA_ALIGN)
    return _struct.pack("<Q", len(text)) + text, [wrap(flat[i]) for i in file_order if flat[i].nbytes()]


cdef object _write_fully(object write, object data):
    """Call `write` (a file's write method) until all of `data` (a byte buffer) is written: a raw
    unbuffered file may take fewer bytes per call; most file objects take all (returning the
    count, or None)."""
    view = memoryview(data).cast("B")
    while len(view):
        n = write(view)
        if not isinstance(n, int) or n >= len(view):
            return
        if n <= 0:
            raise OSError(_errno.EIO, "[save_safetensors] The file object wrote no bytes")
        view = view[n:]


cdef object _write_safetensors(object write, bytes header, list tensors):
    """Write a laid-out safetensors file through `write`, each tensor straight from its own
    memory (no copy of the data into Python bytes, whatever its size)."""
    _write_fully(write, header)
    for t in tensors:
        _write_fully(write, t)


def save_safetensors(file, arrays, metadata=None):
    """Save a dict of arrays (and an optional dict of str metadata) in the safetensors format.

    The header is padded so that the data is 8-byte aligned (the reference does not pad): every
    tensor of the file can then be viewed in place by ``mx.load(..., mmap=True)``."""
    named = _named_arrays(arrays, "save_safetensors")
    if metadata is not None:
        if not isinstance(metadata, dict) or not all(isinstance(k, str) and isinstance(v, str)
                                                     for k, v in metadata.items()):
            raise ValueError("[save_safetensors] Metadata must be a dictionary with string keys and values")
    header, tensors = _safetensors_layout(named, metadata if metadata is not None else {})
    path = _as_path(file)
    if path is None:
        _write_safetensors(_writer_target(file, "save_safetensors").write, header, tensors)
        return
    if not path.endswith(".safetensors"):
        path += ".safetensors"
    path = _atomic_target(path)
    tmp = _temp_beside(path, "save_safetensors")
    try:
        # "r+b": the temporary is ours and empty; truncating it ("wb") makes ext4 force its data
        # out to disk at close (auto_da_alloc), which doubled the time of a large save.
        with open(tmp, "r+b") as f:
            _write_safetensors(f.write, header, tensors)
        _replace_with(tmp, path)
    except BaseException:
        _discard_temp(tmp)
        raise


cdef GGUFMeta _gguf_meta(object metadata) except *:
    cdef GGUFMeta m = GGUFMeta()
    cdef vector[string] strs
    cdef optional[c_array] a = nullopt
    if metadata is None:
        return m
    if not isinstance(metadata, dict):
        raise TypeError(f"[save_gguf] metadata must be a dict, got {type(metadata).__name__}")
    for k, v in metadata.items():
        if not isinstance(k, str):
            raise TypeError(f"[save_gguf] Metadata keys must be strings, got {type(k).__name__}")
        key = k.encode()
        if isinstance(v, str):
            cio.gguf_set_string(m, key, v.encode())
        elif isinstance(v, (list, tuple)) and all(isinstance(x, str) for x in v):
            strs = vector[string]()
            for x in v:
                strs.push_back(x.encode())
            cio.gguf_set_strings(m, key, strs)
        elif isinstance(v, (array, int, float, list, tuple)) and not isinstance(v, bool):
            to_c(v, a)
            if deref(a).ndim() > 1:
                raise ValueError(f"[save_gguf] Metadata {k!r}: arrays must have at most one dimension")
            cio.gguf_set_array(m, key, deref(a))
        else:
            raise TypeError(f"[save_gguf] Metadata {k!r}: values must be str, list of str, numbers, "
                            f"lists of numbers or arrays, got {type(v).__name__}")
    return m


def save_gguf(file, arrays, metadata=None):
    """Save a dict of arrays to a GGUF file, with metadata whose values are strings, lists of
    strings, numbers, lists of numbers or arrays (at most one dimension)."""
    cdef unordered_map[string, c_array] m = _array_map(arrays, "save_gguf")
    cdef GGUFMeta md = _gguf_meta(metadata)
    cdef string cpath
    path = _as_path(file)
    if path is None:
        # libmlx writes GGUF to a path only: stage it in a temporary file, then copy it out.
        _writer_target(file, "save_gguf")
        fd, tmp = _tempfile.mkstemp(suffix=".gguf")
        _os.close(fd)
    else:
        if not path.endswith(".gguf"):
            path += ".gguf"
        path = _atomic_target(path)
        tmp = _temp_beside(path, "save_gguf")
    try:
        cpath = tmp.encode()
        with nogil:
            cio.save_gguf(cpath, m, md)
        if path is None:
            with open(tmp, "rb") as f:
                file.write(f.read())
            _os.unlink(tmp)
        else:
            _replace_with(tmp, path)
    except BaseException:
        _discard_temp(tmp)
        raise


# ---- function export ----------------------------------------------------------------------

# A Python exception raised inside a traced function or export callback, carried across the
# C++ frames and raised again at the caller.
cdef object _pending = None


cdef object _raise_pending(object err):
    global _pending
    exc = _pending
    _pending = None
    if exc is not None:
        raise exc
    raise err


cdef str _INPUTS_MSG = ("Inputs can either be a variable number of positional and keyword arrays or a "
                        "single tuple and/or dictionary of arrays.")


cdef bint _all_arrays(object xs):
    return all(isinstance(x, array) for x in xs)


cdef bint _arrays_by_name(object d):
    return all(isinstance(k, str) and isinstance(v, array) for k, v in d.items())


cdef tuple _split_inputs(tuple args, dict kwargs, str where):
    """The positional and keyword input arrays, given the reference's two ways: arrays as
    ``*args``/``**kwargs``, or a single tuple (or list) and/or dict of arrays as the only
    positional arguments. Anything else (a Python scalar, a NumPy array, a nested list) is a
    ValueError, as in the reference: an exported function takes arrays only."""
    if _all_arrays(args) and _all_arrays(kwargs.values()):
        return args, kwargs
    if not kwargs and len(args) == 1 and isinstance(args[0], dict) and _arrays_by_name(args[0]):
        return (), dict(args[0])
    if (not kwargs and 1 <= len(args) <= 2 and isinstance(args[0], (list, tuple)) and _all_arrays(args[0])
            and (len(args) == 1 or (isinstance(args[1], dict) and _arrays_by_name(args[1])))):
        return tuple(args[0]), (dict(args[1]) if len(args) == 2 else {})
    raise ValueError(f"[{where}] {_INPUTS_MSG}")


cdef vector[c_array] _arg_vector(tuple args) except *:
    """The C++ vector of `args`, arrays already checked by _split_inputs."""
    cdef vector[c_array] v = vector[c_array]()
    for a in args:
        v.push_back((<array>a)._a)
    return v


cdef unordered_map[string, c_array] _kwarg_map(dict kwargs) except *:
    """The C++ map of `kwargs`, arrays already checked by _split_inputs."""
    cdef unordered_map[string, c_array] m = unordered_map[string, c_array]()
    for k, v in kwargs.items():
        cio.array_map_set(m, k.encode(), (<array>v)._a)
    return m


cdef str _describe(object r):
    if isinstance(r, (list, tuple)):
        return f"a {type(r).__name__} holding something other than arrays"
    return f"an object of type {type(r).__name__}"


cdef int _check_exportable(object fun, str where) except -1:
    if not callable(fun):
        raise TypeError(f"[{where}] The function to export must be callable, got {type(fun).__name__}.")
    return 0


cdef cbool _trace_call(PyObject* fn, const vector[c_array]& args, const unordered_map[string, c_array]& kwargs,
                      vector[c_array]& out) noexcept with gil:
    global _pending
    try:
        pos = wrap_list(args)
        kw = _array_dict(kwargs, None)
        r = (<object>fn)(*pos, **kw)
        if isinstance(r, array):
            r = (r,)
        if not isinstance(r, (list, tuple)) or not _all_arrays(r):
            raise ValueError("[export_function] Outputs can be either a single array, a tuple, or a list of "
                             f"arrays, but the function returned {_describe(r)}.")
        for x in r:
            out.push_back((<array>x)._a)
        return True
    except BaseException as e:
        _pending = e
        return False


cdef PyObject* _dtype_obj(int v) noexcept with gil:
    d = py_dtype(dtype_from_val(v))
    Py_INCREF(d)
    return <PyObject*>d


cdef cbool _export_cb_call(PyObject* cb, const ExportCallbackInput& inp) noexcept with gil:
    global _pending
    cdef vector[string] keys
    cdef size_t i, n
    cdef int kind
    try:
        keys = cio.cbin_keys(inp)
        d = {}
        for key in keys:
            kind = cio.cbin_kind(inp, key)
            n = cio.cbin_len(inp, key)
            if kind == 0:
                v = [(cio.cbin_info_name(inp, key, i).decode(), shape_tuple(cio.cbin_info_shape(inp, key, i)),
                      py_dtype(dtype_from_val(cio.cbin_info_dtype(inp, key, i)))) for i in range(n)]
            elif kind == 1:
                v = [(cio.cbin_pair_name(inp, key, i).decode(), wrap(cio.cbin_pair_array(inp, key, i)))
                     for i in range(n)]
            elif kind == 2:
                v = [(cio.cbin_pair_name(inp, key, i).decode(), cio.cbin_pair_string(inp, key, i).decode())
                     for i in range(n)]
            elif kind == 3:
                v = [cio.cbin_state(inp, key, i, _dtype_obj) for i in range(n)]
            else:
                v = cio.cbin_string(inp, key).decode()
            d[key.decode()] = v
        (<object>cb)(d)
        return True
    except BaseException as e:
        _pending = e
        return False


def export_function(file_or_callback, fun, *args, shapeless=False, metadata=None, **kwargs):
    """Trace ``fun`` on the example inputs and export the graph to a file (or hand its parts to
    a callback). Inputs are ``*args``/``**kwargs`` or a tuple of arrays and/or a dict of arrays;
    ``fun`` returns an array or a tuple/list of arrays. ``metadata`` (a string, files only) is
    stored alongside and read back by :func:`import_function`."""
    cdef tuple pos
    cdef dict kw
    _check_exportable(fun, "export_function")
    pos, kw = _split_inputs(args, kwargs, "export_function")
    cdef vector[c_array] cargs = _arg_vector(pos)
    cdef unordered_map[string, c_array] ckw = _kwarg_map(kw)
    cdef PyTraceFn f = cio.py_trace_fun(<PyObject*>fun, _trace_call)
    path = _as_path(file_or_callback)
    failure = None
    try:
        if path is not None:
            if metadata is not None and not isinstance(metadata, str):
                raise TypeError("[export_function] metadata must be a string")
            cio.export_function_file(path.encode(), f, cargs, ckw, shapeless, (metadata or "").encode())
        elif callable(file_or_callback):
            if metadata is not None:
                raise ValueError("[export_function] metadata is only supported when exporting to a file")
            cio.export_function_cb(cio.py_export_callback(<PyObject*>file_or_callback, _export_cb_call),
                                   f, cargs, ckw, shapeless)
        else:
            raise TypeError("[export_function] Expected a file path or a callback, got "
                            f"{type(file_or_callback).__name__}")
    except RuntimeError as e:
        failure = e
    if failure is not None:   # raised out of the handler: the function's own error shows unchained
        _raise_pending(failure)


cdef class FunctionExporter:
    """Exports several traces of one function to one file; make it with :func:`exporter` and
    call it with example inputs once per trace, then ``close()`` it (or use ``with``)."""
    cdef shared_ptr[c_FunctionExporter] _e
    cdef bint _closed

    def __init__(self, *args, **kwargs):
        raise TypeError("FunctionExporter cannot be created directly; use mlxcy.exporter(file, fun)")

    def __call__(self, *args, **kwargs):
        cdef tuple pos
        cdef dict kw
        if self._closed:
            raise RuntimeError("[FunctionExporter] The exporter is closed")
        pos, kw = _split_inputs(args, kwargs, "export_function")
        cdef vector[c_array] cargs = _arg_vector(pos)
        cdef unordered_map[string, c_array] ckw = _kwarg_map(kw)
        failure = None
        try:
            cio.exporter_call(deref(self._e), cargs, ckw)
        except RuntimeError as e:
            failure = e
        if failure is not None:
            _raise_pending(failure)

    def close(self):
        """Finish the file; later calls raise."""
        if not self._closed:
            self._closed = True
            deref(self._e).close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
        return False


def exporter(file, fun, *, shapeless=False, metadata=None):
    """A :class:`FunctionExporter` writing traces of ``fun`` to ``file`` (a path) or, if
    ``file`` is callable, handing each trace's parts to it."""
    _check_exportable(fun, "exporter")
    cdef FunctionExporter e = FunctionExporter.__new__(FunctionExporter)
    cdef PyTraceFn f = cio.py_trace_fun(<PyObject*>fun, _trace_call)
    path = _as_path(file)
    if path is not None:
        if metadata is not None and not isinstance(metadata, str):
            raise TypeError("[exporter] metadata must be a string")
        e._e = cio.make_exporter_file(path.encode(), f, shapeless, (metadata or "").encode())
    elif callable(file):
        if metadata is not None:
            raise ValueError("[exporter] metadata is only supported when exporting to a file")
        e._e = cio.make_exporter_cb(cio.py_export_callback(<PyObject*>file, _export_cb_call), f, shapeless)
    else:
        raise TypeError(f"[exporter] Expected a file path or a callback, got {type(file).__name__}")
    return e


cdef class _ImportedFunction:
    """A function read back by :func:`import_function`; call it with arrays as it was
    exported (``*args``/``**kwargs``, or a tuple and/or dict of arrays). Returns a tuple."""
    cdef shared_ptr[ImportedFunction] _f

    def __call__(self, *args, **kwargs):
        cdef tuple pos
        cdef dict kw
        cdef vector[c_array] res
        pos, kw = _split_inputs(args, kwargs, "import_function::call")
        cdef vector[c_array] cargs = _arg_vector(pos)
        cdef unordered_map[string, c_array] ckw = _kwarg_map(kw)
        with nogil:
            res = cio.imported_call(deref(self._f), cargs, ckw)
        return tuple(wrap_list(res))

    def __repr__(self):
        return "<mlxcy imported function>"


def import_function(file, return_metadata=False):
    """Read a function exported by :func:`export_function` or :func:`exporter`; with
    ``return_metadata=True`` also returns the metadata string saved with it."""
    path = _as_path(file)
    if path is None:
        raise TypeError(f"[import_function] Expected a file path, got {type(file).__name__}")
    if not _os.path.exists(path):   # libmlx's error would not say that the file is missing
        raise _open_failure("import_function", path, FileNotFoundError()) from None
    cdef _ImportedFunction f = _ImportedFunction.__new__(_ImportedFunction)
    f._f = cio.import_function_ptr(path.encode())
    if return_metadata:
        return f, deref(f._f).metadata().decode("utf-8", "surrogateescape")
    return f


cdef int _flatten_outputs(object tree, vector[c_array]& out) except -1:
    """Append the arrays of a tree (lists, tuples, dicts) to `out`; other leaves are a ValueError."""
    if isinstance(tree, array):
        out.push_back((<array>tree)._a)
    elif isinstance(tree, (list, tuple)):
        for x in tree:
            _flatten_outputs(x, out)
    elif isinstance(tree, dict):
        for x in (<dict>tree).values():
            _flatten_outputs(x, out)
    else:
        raise ValueError("[tree_flatten] The argument should contain only arrays, but it contains an "
                         f"object of type {type(tree).__name__}.")
    return 0


def export_to_dot(file, *args, **kwargs):
    """Write the graph that computes the given arrays, in DOT format, to a path or a text file
    object. Positional arguments are arrays or trees of arrays; keyword arguments are arrays too,
    drawn under their keyword's name (``out=y`` labels ``y`` "out")."""
    cdef vector[c_array] outs = vector[c_array]()
    _flatten_outputs(args, outs)
    cdef vector[string] names = vector[string]()
    cdef vector[c_array] named = vector[c_array]()
    cdef vector[c_array] checked = vector[c_array]()
    for k, v in kwargs.items():
        _flatten_outputs(v, checked)   # a ValueError for what is not an array, as in the reference
        if not isinstance(v, array):
            # (a tree of arrays: the reference fails there with std::bad_cast)
            raise RuntimeError(f"[export_to_dot] Keyword argument {k!r} must be a single array, "
                               f"got {type(v).__name__}.")
        names.push_back(k.encode())
        named.push_back((<array>v)._a)
        outs.push_back((<array>v)._a)
    text = cio.export_dot_string(outs, names, named).decode("utf-8", "surrogateescape")
    path = _as_path(file)
    if path is not None:
        with open(path, "w") as f:
            f.write(text)
    elif hasattr(file, "write"):
        file.write(text)
    else:
        raise ValueError("[export_to_dot] Accepts file-like objects or strings to be used as filenames, "
                         f"got {type(file).__name__}.")
