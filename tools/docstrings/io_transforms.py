"""Docstrings of the public names of ``mlxcy._io`` and ``mlxcy._transforms`` (see README.md)."""

DOCS = {
    # ------------------------------------------------------------------ transforms
    "grad": """
Make a function that returns the gradient of ``fun``.

``fun`` must return a scalar array (to return more, use :func:`value_and_grad`). The
gradient is taken with respect to the arguments picked by
``argnums`` and ``argnames``; each picked argument may be an array or a tree (list, tuple,
dict) of arrays, and its gradient has the same structure.

Parameters
----------
fun : callable
    The function to differentiate.
argnums : int or sequence of int, optional
    Positional arguments to differentiate with respect to. Default: ``None``, meaning
    argument 0 unless ``argnames`` is given, in which case no positional argument.
argnames : str or sequence of str, optional
    Keyword arguments to differentiate with respect to. Default: ``()``.

Returns
-------
callable
    A function with the arguments of ``fun`` returning the gradients: one tree for a single
    ``argnums``, a tuple of them for several, and ``(positional, {name: gradient})`` when
    ``argnames`` is given (the positional part is ``None`` when ``argnums`` picks none).

Raises
------
TypeError
    When ``fun`` is not callable.
ValueError
    When called: if ``fun`` returns anything but a scalar array (a tuple too), or
    ``argnums`` names a missing argument, or a picked argument holds something other than
    arrays.

Examples
--------
>>> df = mx.grad(lambda x: (x * x).sum())
>>> df(mx.array([1.0, 2.0]))
array([2, 4], dtype=float32)
>>> mx.grad(lambda x, y: x * y, argnums=(0, 1))(mx.array(2.0), mx.array(3.0))
(array(3, dtype=float32), array(2, dtype=float32))

Notes
-----
The returned callable has ``__wrapped__``, ``__name__`` and ``__doc__`` of ``fun``, and
lists and dicts passed to it get their own arrays back after the call, also when ``fun``
raises (see docs/differences.md).
""",
    "value_and_grad": """
Make a function that returns both the value of ``fun`` and its gradient.

``fun`` must return a scalar array, or a tuple whose first element is a scalar array (the
other elements are returned as they are, without gradient). Arguments are picked as in
:func:`grad`.

Parameters
----------
fun : callable
    The function to evaluate and differentiate.
argnums : int or sequence of int, optional
    Positional arguments to differentiate with respect to. Default: ``None``, meaning
    argument 0 unless ``argnames`` is given, in which case no positional argument.
argnames : str or sequence of str, optional
    Keyword arguments to differentiate with respect to. Default: ``()``.

Returns
-------
callable
    A function with the arguments of ``fun`` returning ``(value, grads)``: ``value`` is what
    ``fun`` returned and ``grads`` is shaped as for :func:`grad`.

Raises
------
TypeError
    When ``fun`` is not callable.
ValueError
    When called: if ``fun`` does not return a scalar array (first), or ``argnums`` names a
    missing argument, or a picked argument holds something other than arrays.

Examples
--------
>>> f = mx.value_and_grad(lambda x: (x * x).sum())
>>> f(mx.array([1.0, 2.0]))
(array(5, dtype=float32), array([2, 4], dtype=float32))
>>> g = mx.value_and_grad(lambda x: ((x * 3).sum(), x + 1))
>>> (loss, aux), dx = g(mx.array([1.0]))
>>> loss, aux, dx
(array(3, dtype=float32), array([2], dtype=float32), array([3], dtype=float32))

Notes
-----
``fun`` receives the caller's own lists and dicts (an ``nn.Module`` too) with the arrays
replaced by traced ones; afterwards each array still in place is given back, while what
``fun`` added to them stays (see docs/differences.md).
""",
    "vjp": """
Evaluate ``fun`` and its vector-Jacobian products.

Parameters
----------
fun : callable
    A function of arrays returning an array or a list or tuple of arrays.
primals : list of array
    The arguments to call ``fun`` with (``fun(*primals)``).
cotangents : list of array
    One array per output of ``fun``, each shaped like that output.

Returns
-------
tuple(list of array, list of array)
    ``(outputs, vjps)``: the outputs of ``fun`` and one product per primal, each shaped like
    its primal.

Raises
------
TypeError
    When ``fun`` is not callable or ``primals``/``cotangents`` are not lists of arrays.
ValueError
    When the number or shapes of the cotangents do not match the outputs.

Examples
--------
>>> mx.vjp(lambda x: x * x, [mx.array(3.0)], [mx.array(1.0)])
([array(9, dtype=float32)], [array(6, dtype=float32)])
>>> outs, vjps = mx.vjp(lambda x, y: x * y, [mx.array(2.0), mx.array(5.0)], [mx.array(2.0)])
>>> vjps
[array(10, dtype=float32), array(4, dtype=float32)]
""",
    "jvp": """
Evaluate ``fun`` and its Jacobian-vector products.

Parameters
----------
fun : callable
    A function of arrays returning an array or a list or tuple of arrays.
primals : list of array
    The arguments to call ``fun`` with (``fun(*primals)``).
tangents : list of array
    One array per primal, each shaped like that primal.

Returns
-------
tuple(list of array, list of array)
    ``(outputs, jvps)``: the outputs of ``fun`` and one product per output, each shaped
    like its output.

Raises
------
TypeError
    When ``fun`` is not callable or ``primals``/``tangents`` are not lists of arrays.
ValueError
    When the number or shapes of the tangents do not match the primals.

Examples
--------
>>> mx.jvp(lambda x: x * x, [mx.array(3.0)], [mx.array(1.0)])
([array(9, dtype=float32)], [array(6, dtype=float32)])
>>> outs, jvps = mx.jvp(lambda x, y: x * y, [mx.array(2.0), mx.array(5.0)],
...                     [mx.array(1.0), mx.array(0.0)])
>>> jvps
[array(5, dtype=float32)]
""",
    "vmap": """
Make a vectorized version of ``fun`` that maps it over an axis of its inputs.

Parameters
----------
fun : callable
    A function of arrays (or trees of arrays) returning arrays.
in_axes : int, None or tree, optional
    The axis of each input to map over: an int for all of them, or a tree matching a prefix
    of the arguments (the argument itself when there is only one), whose leaves are ints or
    ``None`` (not mapped, passed whole to every call). Default: ``0``.
out_axes : int, None or tree, optional
    Where the mapped axis goes in each output, in the same way. Default: ``0``.

Returns
-------
callable
    The vectorized function.

Raises
------
TypeError
    When ``fun`` is not callable.
ValueError
    When called: if the mapped inputs disagree on the size of the mapped axis.
IndexError
    When called: if an axis in ``in_axes`` is out of range for its input.

Examples
--------
>>> rowsum = mx.vmap(lambda row: row.sum())
>>> rowsum(mx.array([[1, 2], [3, 4]]))
array([3, 7], dtype=int32)
>>> add = mx.vmap(lambda x, y: x + y, in_axes=(0, None))
>>> add(mx.array([[1, 2], [3, 4]]), mx.array([10, 20]))
array([[11, 22],
       [13, 24]], dtype=int32)
>>> mx.vmap(lambda x: x * 2, in_axes=1, out_axes=1)(mx.array([[1, 2], [3, 4]]))
array([[2, 4],
       [6, 8]], dtype=int32)
""",
    "compile": """
Make a compiled version of ``fun``, traced once per input signature and replayed as one graph.

The function is traced again when the shapes (unless ``shapeless``), dtypes, number or tree
structure of its arguments change, or the value of a non-array argument (``None``, bool,
int, float, str); new array values alone reuse the trace. ``fun`` must be a pure function of
its arguments: arrays it reads or writes from elsewhere (a model's parameters, an
optimizer's state, ``mx.random.state``) must be named in ``inputs``/``outputs``.

Parameters
----------
fun : callable
    The function to compile; it takes and returns arrays or trees of arrays.
inputs : list, dict or tree, optional
    Arrays ``fun`` reads as implicit state. Default: ``None``.
outputs : list, dict or tree, optional
    Arrays ``fun`` writes as implicit state; they are written back after each call.
    Default: ``None``.
shapeless : bool, optional
    Do not retrace when only shapes change. Default: ``False``.

Returns
-------
callable
    The compiled function, called like ``fun``.

Raises
------
TypeError
    When ``fun`` is not callable.

Examples
--------
>>> f = mx.compile(lambda x, y: x * y + 1)
>>> f(mx.array([1, 2]), mx.array([3, 4]))
array([4, 9], dtype=int32)
>>> f(mx.array([1.5]), mx.array([2.0]))
array([4], dtype=float32)

Notes
-----
:func:`disable_compile` (or the ``MLX_DISABLE_COMPILE`` environment variable) makes compiled
functions run as plain Python functions.
""",
    "disable_compile": """
Turn compilation off globally: functions made by :func:`compile` then run uncompiled.

Returns
-------
None

Examples
--------
>>> f = mx.compile(lambda x: x + 1)
>>> mx.disable_compile()
>>> f(mx.array(1))
array(2, dtype=int32)
>>> mx.enable_compile()
""",
    "enable_compile": """
Turn compilation back on globally, also when ``MLX_DISABLE_COMPILE`` is set.

Returns
-------
None

Examples
--------
>>> mx.disable_compile()
>>> mx.enable_compile()
>>> mx.compile(lambda x: x * 2)(mx.array(3))
array(6, dtype=int32)
""",
    "checkpoint": """
Make a version of ``fun`` that saves memory in gradients by recomputing its intermediates.

The results are those of ``fun``. Under :func:`grad` and the other transforms, the
intermediate arrays of ``fun`` are not kept for the backward pass but recomputed from its
inputs, trading compute for memory.

Parameters
----------
fun : callable
    A function of arrays (or trees of arrays) returning arrays.

Returns
-------
callable
    The checkpointed function.

Raises
------
TypeError
    When ``fun`` is not callable.
ValueError
    When called: if ``fun`` returns no array (the reference crashes).

Examples
--------
>>> f = mx.checkpoint(lambda x: (mx.exp(x) * x).sum())
>>> mx.grad(f)(mx.array([0.0]))
array([1], dtype=float32)
""",
    "custom_function": """
Wrap a function so that its vjp, jvp or vmap can be given by hand.

Use it as a decorator, then decorate the replacements with ``@f.vjp``, ``@f.jvp`` and
``@f.vmap``. A transform without a replacement is derived from the function as usual. The
wrapped function is called like the original one.

Parameters
----------
f : callable
    The function to wrap; it takes arrays (or trees of arrays) and returns arrays.

Raises
------
TypeError
    When ``f`` is not callable.

Examples
--------
>>> @mx.custom_function
... def f(x):
...     return x * x
>>> @f.vjp
... def f_vjp(primals, cotangent, output):
...     return 10 * cotangent
>>> f(mx.array(3.0)), mx.grad(f)(mx.array(3.0))
(array(9, dtype=float32), array(10, dtype=float32))

Notes
-----
A vjp may return ``None`` for a primal to mean zeros; arrays passed by keyword are
constants for a custom vjp (their gradient is zero) (see docs/differences.md).
""",
    "custom_function.vjp": """
Set the function that computes the vector-Jacobian product; use it as a decorator.

``f`` is called as ``f(primals, cotangents, outputs)``: ``primals`` is the single positional
argument of the wrapped function, or a tuple of them when there are several; ``cotangents``
and ``outputs`` are shaped like the wrapped function's output. It returns one array per
primal (a tuple when there are several), or ``None`` for zeros.

Parameters
----------
f : callable
    The vjp function.

Returns
-------
custom_function
    This custom function, so that the decorated name still refers to it.

Raises
------
ValueError
    When the vjp is used: if ``f`` returns fewer values than there are primals.

Examples
--------
>>> @mx.custom_function
... def mul(x, y):
...     return x * y
>>> @mul.vjp
... def mul_vjp(primals, cotangent, output):
...     x, y = primals
...     return cotangent * y, cotangent * x
>>> mx.grad(mul, argnums=(0, 1))(mx.array(2.0), mx.array(5.0))
(array(5, dtype=float32), array(2, dtype=float32))
""",
    "custom_function.jvp": """
Set the function that computes the Jacobian-vector product; use it as a decorator.

``f`` is called as ``f(primals, tangents)``: the single positional argument of the wrapped
function and its tangent, or tuples of them when there are several. It returns the
product(s), shaped like the output(s).

Parameters
----------
f : callable
    The jvp function.

Returns
-------
custom_function
    This custom function, so that the decorated name still refers to it.

Examples
--------
>>> @mx.custom_function
... def square(x):
...     return x * x
>>> @square.jvp
... def square_jvp(primals, tangents):
...     return 2 * primals * tangents
>>> mx.jvp(square, [mx.array(3.0)], [mx.array(1.0)])
([array(9, dtype=float32)], [array(6, dtype=float32)])
""",
    "custom_function.vmap": """
Set the function that computes the vectorized version; use it as a decorator.

``f`` is called as ``f(inputs, axes)``: the single positional argument of the wrapped
function and its mapped axis, or tuples of them when there are several (``None`` for an
input that is not mapped). It returns ``(outputs, output_axes)``.

Parameters
----------
f : callable
    The vmap function.

Returns
-------
custom_function
    This custom function, so that the decorated name still refers to it.

Examples
--------
>>> @mx.custom_function
... def double(x):
...     return x * 2
>>> @double.vmap
... def double_vmap(inputs, axes):
...     return inputs * 2, axes
>>> mx.vmap(double)(mx.array([1, 2, 3]))
array([2, 4, 6], dtype=int32)
""",
    # ------------------------------------------------------------------ saving and loading
    "load": """
Load arrays from a ``.npy``, ``.npz``, ``.safetensors`` or ``.gguf`` file.

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
""",
    "load_sharded": """
Load a sharded safetensors checkpoint as one dict (an mlxcy extra).

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
""",
    "save": """
Save one array to a ``.npy`` file.

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
""",
    "savez": """
Save several arrays to an uncompressed ``.npz`` archive.

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
""",
    "savez_compressed": """
Save several arrays to a compressed ``.npz`` archive (members deflate-compressed).

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
""",
    "save_safetensors": """
Save a dict of arrays, with optional string metadata, in the safetensors format.

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
""",
    "save_gguf": """
Save a dict of arrays, with optional metadata, in the GGUF format.

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
""",
    # ------------------------------------------------------------------ export
    "export_function": """
Trace ``fun`` on example inputs and export its graph to a file (or to a callback).

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
""",
    "exporter": """
Make a :class:`FunctionExporter` that writes several traces of ``fun`` to one file.

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
""",
    "FunctionExporter": """
Writes several traces of one function to one file; made by :func:`exporter`.

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
""",
    "FunctionExporter.close": """
Finish the file; adding traces afterwards raises. Closing twice does nothing.

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
""",
    "import_function": """
Read a function exported by :func:`export_function` or :func:`exporter`.

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
""",
    "export_to_dot": """
Write the graph that computes the given arrays in Graphviz DOT format.

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
""",
}
