# Function export and import (export_function, exporter, import_function, export_to_dot).
# Included by _io.pyx.

# ---- function export ----------------------------------------------------------------------

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


# The callbacks MLX's exporter calls: 0, or -1 with the Python exception set, which travels through
# MLX as PythonError and comes out of the export call unchanged (src/python_bridge.h).
cdef int _trace_call(PyObject* fn, const vector[c_array]& args, const unordered_map[string, c_array]& kwargs,
                     vector[c_array]& out) except -1 with gil:
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
    return 0


cdef PyObject* _dtype_obj(int v) noexcept with gil:
    d = py_dtype(dtype_from_val(v))
    Py_INCREF(d)
    return <PyObject*>d


cdef int _export_cb_call(PyObject* cb, const ExportCallbackInput& inp) except -1 with gil:
    cdef vector[string] keys
    cdef size_t i, n
    cdef int kind
    keys = cio.cbin_keys(inp)
    d = {}
    for key in keys:
        kind = cio.cbin_kind(inp, key)
        n = cio.cbin_len(inp, key)
        if kind == cio.CB_TENSOR_INFO:
            v = [(cio.cbin_info_name(inp, key, i).decode(), shape_tuple(cio.cbin_info_shape(inp, key, i)),
                  py_dtype(dtype_from_val(cio.cbin_info_dtype(inp, key, i)))) for i in range(n)]
        elif kind == cio.CB_ARRAYS:
            v = [(cio.cbin_pair_name(inp, key, i).decode(), wrap(cio.cbin_pair_array(inp, key, i)))
                 for i in range(n)]
        elif kind == cio.CB_STRINGS:
            v = [(cio.cbin_pair_name(inp, key, i).decode(), cio.cbin_pair_string(inp, key, i).decode())
                 for i in range(n)]
        elif kind == cio.CB_STATE:
            v = [cio.cbin_state(inp, key, i, _dtype_obj) for i in range(n)]
        else:
            v = cio.cbin_string(inp, key).decode()
        d[key.decode()] = v
    (<object>cb)(d)
    return 0


def export_function(file_or_callback: str | Callable, fun: Callable, *args, shapeless: bool = False,
                    metadata: str | None = None, **kwargs) -> None:
    """Trace ``fun`` on example inputs and export its graph to a file (or to a callback).

    The exported function is read back with :func:`import_function` and can run without the
    Python code of ``fun``. It must then be called with arguments of the same structure, and the
    same shapes unless ``shapeless``.

    Parameters
    ----------
    file_or_callback : str, pathlib.Path or callable
        The file to write (``.mlxfn`` by convention), or a function receiving the parts of the
        traced graph, one dict at a time.
    fun : callable
        The function to export; it returns an array or a tuple or list of arrays.
    *args : array
        Example positional inputs (or one tuple of arrays and/or one dict of arrays).
    shapeless : bool, optional
        Let the exported function accept inputs of other shapes. Default: ``False``.
    metadata : str, optional
        A string stored with the function (files only), returned by
        ``import_function(..., return_metadata=True)``. Default: ``None``.
    **kwargs : array
        Example keyword inputs.

    Returns
    -------
    None

    Raises
    ------
    TypeError
        When ``fun`` is not callable.
    ValueError
        When the inputs are not arrays as described, or ``fun`` returns something else.

    Examples
    --------
    >>> import os, tempfile
    >>> path = os.path.join(tempfile.mkdtemp(), "add.mlxfn")
    >>> mx.export_function(path, lambda x, y: x + y, mx.array([1.0]), mx.array([2.0]))
    >>> add = mx.import_function(path)
    >>> add(mx.array([3.0]), mx.array([4.0]))
    (array([7], dtype=float32),)
    """
    cdef tuple pos
    cdef dict kw
    _check_exportable(fun, "export_function")
    pos, kw = _split_inputs(args, kwargs, "export_function")
    cdef vector[c_array] cargs = _arg_vector(pos)
    cdef unordered_map[string, c_array] ckw = _kwarg_map(kw)
    cdef PyTraceFn f = cio.py_trace_fun(<PyObject*>fun, _trace_call)
    path = _as_path(file_or_callback)
    from mlxcy import fast as _fast   # its CPU kernels step aside while tracing (fast._export_scope)
    if path is not None:
        if metadata is not None and not isinstance(metadata, str):
            raise TypeError("[export_function] metadata must be a string")
        _fast._export_scope(1)
        try:
            cio.export_function_file(path.encode(), f, cargs, ckw, shapeless, (metadata or "").encode())
        finally:
            _fast._export_scope(-1)
    elif callable(file_or_callback):
        if metadata is not None:
            raise ValueError("[export_function] metadata is only supported when exporting to a file")
        _fast._export_scope(1)
        try:
            cio.export_function_cb(cio.py_export_callback(<PyObject*>file_or_callback, _export_cb_call),
                                   f, cargs, ckw, shapeless)
        finally:
            _fast._export_scope(-1)
    else:
        raise TypeError("[export_function] Expected a file path or a callback, got "
                        f"{type(file_or_callback).__name__}")


cdef class FunctionExporter:
    """Writes several traces of one function to one file; made by :func:`exporter`.

    Calling the exporter with example inputs (arrays, as for :func:`export_function`) adds a
    trace for those inputs. ``close()``, or leaving a ``with`` block, finishes the file.

    Examples
    --------
    >>> import os, tempfile
    >>> path = os.path.join(tempfile.mkdtemp(), "double.mlxfn")
    >>> export = mx.exporter(path, lambda x: 2 * x)
    >>> type(export).__name__
    'FunctionExporter'
    >>> export(mx.array([1.0]))
    >>> export.close()
    >>> mx.import_function(path)(mx.array([3.0]))
    (array([6], dtype=float32),)
    """
    cdef shared_ptr[c_FunctionExporter] _e
    cdef bint _closed

    def __init__(self, *args, **kwargs) -> None:
        raise TypeError("FunctionExporter cannot be created directly; use mlxcy.exporter(file, fun)")

    def __call__(self, *args, **kwargs) -> None:
        cdef tuple pos
        cdef dict kw
        if self._closed:
            raise RuntimeError("[FunctionExporter] The exporter is closed")
        pos, kw = _split_inputs(args, kwargs, "export_function")
        cdef vector[c_array] cargs = _arg_vector(pos)
        cdef unordered_map[string, c_array] ckw = _kwarg_map(kw)
        from mlxcy import fast as _fast   # as in export_function
        _fast._export_scope(1)
        try:
            cio.exporter_call(deref(self._e), cargs, ckw)
        finally:
            _fast._export_scope(-1)

    def close(self) -> None:
        """Finish the file; adding traces afterwards raises. Closing twice does nothing.

        Returns
        -------
        None

        Examples
        --------
        >>> import os, tempfile
        >>> export = mx.exporter(os.path.join(tempfile.mkdtemp(), "f.mlxfn"), lambda x: x)
        >>> export(mx.array([1]))
        >>> export.close()
        >>> try:
        ...     export(mx.array([1]))
        ... except RuntimeError:
        ...     print("closed")
        closed
        """
        if not self._closed:
            self._closed = True
            deref(self._e).close()

    def __enter__(self) -> FunctionExporter:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
        return False


def exporter(file: str, fun: Callable, *, shapeless: bool = False,
             metadata: str | None = None) -> FunctionExporter:
    """Make a :class:`FunctionExporter` that writes several traces of ``fun`` to one file.

    Call the exporter with example inputs once per trace wanted (different shapes or argument
    structures), then close it, or use it as a context manager.

    Parameters
    ----------
    file : str, pathlib.Path or callable
        The file to write, or a function receiving the parts of each trace.
    fun : callable
        The function to export.
    shapeless : bool, optional
        Let the traces accept inputs of other shapes. Default: ``False``.
    metadata : str, optional
        A string stored with the function (files only). Default: ``None``.

    Returns
    -------
    FunctionExporter
        The exporter.

    Raises
    ------
    TypeError
        When ``fun`` is not callable.

    Examples
    --------
    >>> import os, tempfile
    >>> path = os.path.join(tempfile.mkdtemp(), "inc.mlxfn")
    >>> with mx.exporter(path, lambda x: x + 1) as export:
    ...     export(mx.array([1]))
    ...     export(mx.array([1, 2]))
    >>> mx.import_function(path)(mx.array([5, 6]))
    (array([6, 7], dtype=int32),)
    """
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


def import_function(file: str, return_metadata: bool = False) -> Callable | tuple[Callable, str]:
    """Read a function exported by :func:`export_function` or :func:`exporter`.

    Parameters
    ----------
    file : str or pathlib.Path
        The exported file.
    return_metadata : bool, optional
        Also return the metadata string stored with the function. Default: ``False``.

    Returns
    -------
    callable or tuple
        A function called like the exported one, with arrays, returning a tuple of arrays; with
        ``return_metadata``, ``(function, metadata)``. Calling it with inputs that match no
        exported trace raises ``ValueError``.

    Raises
    ------
    FileNotFoundError
        When the file does not exist (``MissingFileError``, also a ``RuntimeError`` and a
        ``ValueError``).
    RuntimeError
        When the file is not an exported function.

    Examples
    --------
    >>> import os, tempfile
    >>> path = os.path.join(tempfile.mkdtemp(), "mul.mlxfn")
    >>> mx.export_function(path, lambda x, y: x * y, mx.array([1]), y=mx.array([2]),
    ...                    metadata="v1")
    >>> mul, meta = mx.import_function(path, return_metadata=True)
    >>> mul(mx.array([3]), y=mx.array([4])), meta
    ((array([12], dtype=int32),), 'v1')
    """
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


def export_to_dot(file: object, *args, **kwargs) -> None:
    """Write the graph that computes the given arrays in Graphviz DOT format.

    Parameters
    ----------
    file : str, pathlib.Path or text file object
        Where to write.
    *args : array or tree of arrays
        The arrays whose graph is drawn.
    **kwargs : array
        More arrays, labelled with their keyword's name.

    Returns
    -------
    None

    Raises
    ------
    RuntimeError
        When a keyword argument is not a single array.
    ValueError
        When a positional argument holds something other than arrays.

    Examples
    --------
    >>> import io
    >>> x = mx.array(1.0)
    >>> out = io.StringIO()
    >>> mx.export_to_dot(out, result=mx.exp(x) + x)
    >>> text = out.getvalue()
    >>> text.startswith("digraph"), "Exp" in text, "result" in text
    (True, True, True)
    """
    cdef vector[c_array] outs = vector[c_array]()
    tree_arrays(args, None, &outs, "tree_flatten")
    cdef vector[string] names = vector[string]()
    cdef vector[c_array] named = vector[c_array]()
    cdef vector[c_array] checked = vector[c_array]()
    for k, v in kwargs.items():
        tree_arrays(v, None, &checked, "tree_flatten")   # a ValueError for what is not an array, as in the reference
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
