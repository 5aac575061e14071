# cython: language_level=3, cpp_locals=True
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
                          check_copyable, tree_arrays)
from mlxcy.includes.mlx cimport (array as c_array, Dtype as c_Dtype, DtypeVal, Shape, StreamOrDevice, complex64,
                                 uint16 as c_uint16)
from mlxcy.includes cimport ops as cops
from mlxcy.includes cimport io as cio
from mlxcy.includes.io cimport (GGUFMeta, SafetensorsLoad, GGUFLoad, StringWriter, PyTraceFn,
                                FunctionExporter as c_FunctionExporter, ImportedFunction, ExportCallback, ExportCallbackInput)
from mlxcy.includes.core cimport dtype_from_val, dtype_val, array_view_of, array_copy_of, raw_data, byteswap_inplace
from mlxcy.includes.mlx cimport eval as c_eval

import errno as _errno
import os as _os
import stat as _stat
import sys as _sys


class _LazyModule:
    """A standard module imported on first use: the loaders', writers' and parsers' helpers
    would cost `import mlxcy` tens of ms up front (zipfile alone ~10 ms; secrets pulls in hmac and
    hashlib). Keep `import mlxcy` free of them (docs/DEVELOPING.md, tests/test_import.py)."""

    def __init__(self, name):
        self._name = name

    def __getattr__(self, attr):
        __import__(self._name)
        value = getattr(_sys.modules[self._name], attr)
        setattr(self, attr, value)   # later uses skip __getattr__
        return value


_ast = _LazyModule("ast")
_json = _LazyModule("json")
_mmap = _LazyModule("mmap")
_secrets = _LazyModule("secrets")
_shutil = _LazyModule("shutil")
_struct = _LazyModule("struct")
_tempfile = _LazyModule("tempfile")
_zipfile = _LazyModule("zipfile")

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


class _NamelessFileError(ValueError, AttributeError):
    """``load`` of a file object without a ``name`` and no ``format=``: the format cannot be
    inferred. The reference binding fails with AttributeError (reading ``file.name``); this is
    also one, so code written for it catches it."""


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


class _CorruptNpzMemberError(MalformedFileError):
    """A damaged member of a .npz archive (the reference lets zipfile's BadZipFile through).
    Every instance is also a ``zipfile.BadZipFile``: constructing one makes (once) the subclass
    that adds that base, so that zipfile is imported only when a .npz is read, not by `import
    mlxcy`."""

    def __new__(cls, *args, **kwargs):
        if cls is _CorruptNpzMemberError:
            cls = _corrupt_npz_member_class()
        return MalformedFileError.__new__(cls, *args, **kwargs)

    def __reduce__(self):
        # pickle finds the class by name, which names this base: rebuilding calls it again
        return (_CorruptNpzMemberError, self.args) + ((self.__dict__,) if self.__dict__ else ())


cdef object _corrupt_npz_class = None


cdef object _corrupt_npz_member_class():
    global _corrupt_npz_class
    if _corrupt_npz_class is None:
        base = _CorruptNpzMemberError
        _corrupt_npz_class = type(base)(base.__name__, (base, _zipfile.BadZipFile),
                                        {"__module__": base.__module__, "__qualname__": base.__qualname__,
                                         "__doc__": base.__doc__})
    return _corrupt_npz_class

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


include "_io_formats.pxi"
include "_io_load.pxi"
include "_io_save.pxi"
include "_export.pxi"
