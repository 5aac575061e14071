# save, savez, savez_compressed, save_safetensors, save_gguf: every writer goes through a temporary
# file renamed into place. Included by _io.pyx.

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


def save(file: Any | str | pathlib.Path, arr: array) -> None:
    """Save one array to a ``.npy`` file.

    Parameters
    ----------
    file : str, pathlib.Path or binary file object
        Where to write; ``.npy`` is appended to a path without that extension.
    arr : array
        The array to save (array-likes such as lists are converted).

    Returns
    -------
    None

    Raises
    ------
    TypeError
        When ``arr`` cannot be converted to an array.
    RuntimeError
        When the file cannot be opened for writing.

    Examples
    --------
    >>> import os, tempfile
    >>> path = os.path.join(tempfile.mkdtemp(), "weights")
    >>> mx.save(path, mx.array([[1, 2], [3, 4]]))
    >>> mx.load(path + ".npy")
    array([[1, 2],
           [3, 4]], dtype=int32)

    Notes
    -----
    A path is written through a temporary file renamed over the target, so an existing file
    stays whole if writing fails and arrays memory-mapped from it keep their values (see
    docs/differences.md).
    """
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


def savez(file: Any | str | pathlib.Path, *args, **kwargs) -> Any:
    """Save several arrays to an uncompressed ``.npz`` archive.

    Parameters
    ----------
    file : str, pathlib.Path or binary file object
        Where to write; ``.npz`` is appended to a path without that extension.
    *args : array
        Arrays stored as ``arr_0``, ``arr_1``, ... in order.
    **kwargs : array
        Arrays stored under their keyword's name.

    Returns
    -------
    None

    Raises
    ------
    OSError
        When the file cannot be opened for writing (``FileNotFoundError`` for a missing folder).

    Examples
    --------
    >>> import os, tempfile
    >>> path = os.path.join(tempfile.mkdtemp(), "arrays.npz")
    >>> mx.savez(path, mx.array([1, 2]), scale=mx.array(0.5))
    >>> sorted(mx.load(path).items())
    [('arr_0', array([1, 2], dtype=int32)), ('scale', array(0.5, dtype=float32))]

    Notes
    -----
    A path is written through a temporary file renamed over the target (see :func:`save`).
    """
    _savez(file, args, kwargs, False)


def savez_compressed(file: Any | str | pathlib.Path, *args, **kwargs) -> Any:
    """Save several arrays to a compressed ``.npz`` archive (members deflate-compressed).

    Parameters
    ----------
    file : str, pathlib.Path or binary file object
        Where to write; ``.npz`` is appended to a path without that extension.
    *args : array
        Arrays stored as ``arr_0``, ``arr_1``, ... in order.
    **kwargs : array
        Arrays stored under their keyword's name.

    Returns
    -------
    None

    Raises
    ------
    OSError
        When the file cannot be opened for writing (``FileNotFoundError`` for a missing folder).

    Examples
    --------
    >>> import os, tempfile
    >>> path = os.path.join(tempfile.mkdtemp(), "zeros.npz")
    >>> mx.savez_compressed(path, z=mx.zeros((1000,)))
    >>> mx.load(path)["z"].shape
    (1000,)
    >>> os.path.getsize(path) < 4000
    True

    Notes
    -----
    A path is written through a temporary file renamed over the target (see :func:`save`).
    """
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


def save_safetensors(file: Any | str | pathlib.Path, arrays: dict[str, array],
                     metadata: dict[str, str] | None = None) -> Any:
    """Save a dict of arrays, with optional string metadata, in the safetensors format.

    Parameters
    ----------
    file : str, pathlib.Path or binary file object
        Where to write; ``.safetensors`` is appended to a path without that extension.
    arrays : dict(str, array)
        The arrays to save, by name.
    metadata : dict(str, str), optional
        Strings stored in the header, read back by ``load(..., return_metadata=True)``.
        Default: ``None``.

    Returns
    -------
    None

    Raises
    ------
    TypeError
        When ``arrays`` is not a dict of names to arrays.
    ValueError
        When ``metadata`` holds something other than strings, or an array is named
        ``"__metadata__"``.
    RuntimeError
        When the file cannot be opened for writing.

    Examples
    --------
    >>> import os, tempfile
    >>> path = os.path.join(tempfile.mkdtemp(), "model")
    >>> mx.save_safetensors(path, {"w": mx.array([1.0, 2.0])}, {"step": "10"})
    >>> mx.load(path + ".safetensors", return_metadata=True)
    ({'w': array([1, 2], dtype=float32)}, {'step': '10'})

    Notes
    -----
    The header is padded so that the data is 8-byte aligned and the tensors are laid out widest
    element first, so :func:`load` with ``mmap=True`` maps every tensor in place; a path is
    written through a temporary file renamed over the target (see docs/differences.md).
    """
    named = _named_arrays(arrays, "save_safetensors")
    # An untyped name: some Cython versions type the loop variables from the `dict[str, str]`
    # annotation and would raise their own TypeError before our check runs.
    cdef object given = metadata
    if given is not None:
        if not isinstance(given, dict) or not all(isinstance(k, str) and isinstance(v, str)
                                                  for k, v in given.items()):
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


def save_gguf(file: Any | str | pathlib.Path, arrays: dict[str, array],
              metadata: dict[str, array | str | list[str]] | None = None) -> Any:
    """Save a dict of arrays, with optional metadata, in the GGUF format.

    Parameters
    ----------
    file : str, pathlib.Path or binary file object
        Where to write; ``.gguf`` is appended to a path without that extension.
    arrays : dict(str, array)
        The arrays to save, by name.
    metadata : dict, optional
        Values stored in the header: strings, lists of strings, numbers, lists of numbers, or
        arrays of at most one dimension. Default: ``None``.

    Returns
    -------
    None

    Raises
    ------
    TypeError
        When ``arrays`` is not a dict of names to arrays or a metadata value has another type.
    ValueError
        When a metadata array has more than one dimension.
    RuntimeError
        When the file cannot be opened for writing.

    Examples
    --------
    >>> import os, tempfile
    >>> path = os.path.join(tempfile.mkdtemp(), "model.gguf")
    >>> mx.save_gguf(path, {"w": mx.array([1.0, 2.0])}, {"name": "tiny"})
    >>> mx.load(path, return_metadata=True)
    ({'w': array([1, 2], dtype=float32)}, {'name': 'tiny'})

    Notes
    -----
    A path is written through a temporary file renamed over the target (see :func:`save`); the
    reference accepts only paths here.
    """
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
