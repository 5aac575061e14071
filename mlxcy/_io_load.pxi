# load and load_sharded. Included by _io.pyx.

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


cdef object _load_safetensors_file(str path, StreamOrDevice s, bint return_metadata):
    """mlxcy's own loader of a safetensors path (src/io_safetensors.h): the header parsed and
    checked in one C++ pass, one lazy array per tensor read with pread when evaluated. None when
    the stream is not a CPU stream (libmlx's reader serves those)."""
    cdef string cpath = _os.fsencode(path)
    cdef cio.StOpen res
    cdef size_t i
    with nogil:
        res = cio.st_open(cpath, s)
    if not res.cpu:
        return None
    if res.err:
        raise _open_failure("load", path, OSError(res.err, _os.strerror(res.err), path))
    if res.ok:
        out = {}
        for i in range(res.names.size()):
            out[res.names[i].decode("utf-8", "surrogatepass")] = wrap(res.arrays[i])
        if not return_metadata:
            return out
        return out, {res.meta_keys[i].decode("utf-8", "surrogatepass"):
                     res.meta_values[i].decode("utf-8", "surrogatepass") for i in range(res.meta_keys.size())}
    # The C++ checks refused the header: the Python parser raises the exception that names the
    # problem. Should it accept the file (JSON nested deeper than the C++ parser goes), its
    # entries are read from the file already open.
    m = _map_file(path)
    try:
        entries, metadata, data_start = _parse_safetensors(m, len(m))
    finally:
        if not isinstance(m, bytes):
            m.close()
    out = {}
    for name, code, shape, b, e in entries:
        out[name] = wrap(cio.st_entry_array(res.file, data_start + b, to_c_shape(shape), dtype_from_val(code), s))
    return (out, metadata) if return_metadata else out


cdef object _load_safetensors(object path, object data, StreamOrDevice s, bint return_metadata):
    cdef SafetensorsLoad res
    cdef string cpath
    if path is not None:
        got = _load_safetensors_file(path, s, return_metadata)
        if got is not None:
            return got
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
        elif kind == cio.CB_STRINGS:
            out[k] = cio.gguf_get_string(m, keys[i]).decode("utf-8", "surrogateescape")
        elif kind == cio.CB_STATE:
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
        raise _NamelessFileError("[load] Could not infer file format: the file object has no name; pass format=")
    base = _os.path.basename(name)
    if "." not in base:
        raise ValueError("[load] Could not infer file format from extension")
    return base.rsplit(".", 1)[1]


def load(file: Any | str | pathlib.Path, /, format: str | None = None,
         return_metadata: bool = False, *, stream: StreamOrDevice = None,
         mmap: bool = False) -> array | dict[str, array] | tuple[dict[str, array], dict[str, Any]]:
    """Load arrays from a ``.npy``, ``.npz``, ``.safetensors`` or ``.gguf`` file.

    Parameters
    ----------
    file : str, pathlib.Path or binary file object
        What to read. The format comes from the extension of the path (or of the file object's
        ``name``) unless ``format`` is given.
    format : str, optional
        One of ``"npy"``, ``"npz"``, ``"safetensors"``, ``"gguf"``. Default: ``None``, from the
        extension.
    return_metadata : bool, optional
        Also return the file's metadata (``.safetensors`` and ``.gguf`` only). Default: ``False``.
    stream : Stream or Device, optional
        Where to schedule the loading. Default: ``None``, the default stream of the default
        device.
    mmap : bool, optional
        Memory-map a ``.safetensors`` or ``.npy`` file instead of reading it (an mlxcy extra).
        Default: ``False``.

    Returns
    -------
    array, dict or tuple
        An array for ``.npy``, otherwise a dict from names to arrays; with ``return_metadata``,
        ``(arrays, metadata)`` where metadata is a dict (of strings for ``.safetensors``; of
        strings, lists or arrays for ``.gguf``).

    Raises
    ------
    ValueError
        When the format is unknown or cannot be inferred, or ``return_metadata`` is asked of a
        format without metadata.
    FileNotFoundError
        When the file does not exist (``MissingFileError``, also a ``RuntimeError`` and a
        ``ValueError``).
    ValueError, RuntimeError
        When the file is truncated, corrupt or not of its format (``MalformedFileError``, both).

    Examples
    --------
    >>> import io
    >>> f = io.BytesIO()
    >>> mx.save(f, mx.array([1, 2, 3]))
    >>> _ = f.seek(0)
    >>> mx.load(f, format="npy")
    array([1, 2, 3], dtype=int32)

    Notes
    -----
    ``mmap=True`` returns arrays that view the mapped file without copying: loading takes
    constant time and memory grows only with the pages read; tensors not aligned to their
    element size, or byte-swapped, are copied. The reference has no ``mmap`` keyword, raises
    ``RuntimeError``/``ValueError`` for missing or malformed files, and cannot read GGUF from a
    file object (see docs/differences.md and docs/large-weights.md).
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


def load_sharded(path: str | pathlib.Path, *, mmap: bool = False, return_metadata: bool = False,
                 stream: StreamOrDevice = None,
                 progress: bool = False) -> dict[str, array] | tuple[dict[str, array], dict[str, Any]]:
    """Load a sharded safetensors checkpoint as one dict (an mlxcy extra).

    The index file (``model.safetensors.index.json``) maps each tensor name to the shard file,
    relative to the index, that holds it (its ``weight_map``). Each shard is opened once.

    Parameters
    ----------
    path : str or pathlib.Path
        The index file, or a folder holding ``model.safetensors.index.json``.
    mmap : bool, optional
        Memory-map the shards instead of reading them (see :func:`load`). Default: ``False``.
    return_metadata : bool, optional
        Also return the index's ``metadata`` entry. Default: ``False``.
    stream : Stream or Device, optional
        Where to schedule the loading. Default: ``None``, the default stream of the default
        device.
    progress : bool, optional
        Draw a progress bar over the shards on stderr (tqdm when installed). Without ``mmap``
        each shard is then read as it is loaded, so that the bar follows the disk.
        Default: ``False``.

    Returns
    -------
    dict or tuple
        A dict from tensor names to arrays; with ``return_metadata``, ``(arrays, metadata)``.

    Raises
    ------
    FileNotFoundError
        When the index or a shard does not exist (``MissingFileError``, also a ``RuntimeError``
        and a ``ValueError``).
    ValueError, RuntimeError
        When the index is not JSON or has no ``weight_map`` (``MalformedFileError``, both).

    Examples
    --------
    >>> import json, os, tempfile
    >>> folder = tempfile.mkdtemp()
    >>> mx.save_safetensors(os.path.join(folder, "part1.safetensors"), {"a": mx.array([1])})
    >>> mx.save_safetensors(os.path.join(folder, "part2.safetensors"), {"b": mx.array([2.0])})
    >>> index = {"weight_map": {"a": "part1.safetensors", "b": "part2.safetensors"}}
    >>> with open(os.path.join(folder, "model.safetensors.index.json"), "w") as f:
    ...     json.dump(index, f)
    >>> mx.load_sharded(folder)
    {'a': array([1], dtype=int32), 'b': array([2], dtype=float32)}
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
