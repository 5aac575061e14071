"""Docstrings of the names defined in mlxcy._core (the array class itself, dtypes, devices,
streams, evaluation, memory, printing, the binary ops behind the operators). See README.md."""

DOCS = {
    # ---- the array class -------------------------------------------------------------------
    "array": """
An N-dimensional array: a node of a lazily evaluated computation graph.

``array(val, dtype=None)`` makes an array from a Python scalar, a (nested) list or tuple,
another array, or any object with the buffer protocol or DLPack (a NumPy array, for one).
Operations on arrays only record what to compute; the values are computed when they are needed
(printing, ``item()``, ``tolist()``, NumPy conversion) or when :func:`eval` is called.

Without ``dtype``: Python bools become ``bool``, ints ``int32`` (``int64`` when a value does
not fit in 32 bits), floats ``float32``, complex numbers ``complex64``; a list mixing them takes
the widest kind. A NumPy array keeps its dtype, except float64, which becomes float32 (pass
``dtype=mx.float64`` to keep it). ``array`` always copies its input; :func:`asarray` shares
memory where it can.

Parameters
----------
val : scalar, list, tuple, array or array-like
    The values. Nested lists must be rectangular (every row of a level the same length).
dtype : Dtype, optional
    The element type to convert the values to. Default: ``None``, inferred from ``val`` as
    described above.

Raises
------
ValueError
    For nested lists of uneven lengths, and for values of a type that cannot be converted
    (``array("abc")``).
TypeError
    When ``val`` is ``None`` or ``dtype`` is not a :class:`Dtype` (a string such as
    ``"float32"`` is refused).

Examples
--------
>>> mx.array([1, 2, 3])
array([1, 2, 3], dtype=int32)
>>> mx.array([[1, 2], [3, 4.5]])
array([[1, 2],
       [3, 4.5]], dtype=float32)
>>> mx.array(np.array([1.0, 2.0])).dtype
mlx.core.float32
>>> mx.array([1, 2], dtype=mx.float16)
array([1, 2], dtype=float16)

Notes
-----
Where the reference binding fails with ``RuntimeError: std::bad_cast``, mlxcy converts or
raises a clear error (docs/differences.md): integers beyond int64 raise a ``ValueError`` (that
is also a ``RuntimeError``); an integer that fits uint64 converts with ``dtype=mx.uint64``;
byte-swapped and negatively strided NumPy arrays are converted (copied); NumPy arrays of
unsupported dtypes (``object``, strings) raise ``ValueError``; tuples mixed with lists nest as
lists do.
""",
    "asarray": """
Convert ``a`` to an array, sharing its memory when possible.

Follows NumPy 2's ``asarray``: a NumPy array (or other buffer or DLPack tensor) that is
C-contiguous, aligned, in native byte order and of a dtype MLX has is shared, not copied; other
inputs are converted as :func:`array` converts them. As in :func:`array`, float64 sources
become float32 unless ``dtype=mx.float64`` is given. Writing into a shared source afterwards
changes what the array reads.

Parameters
----------
a : array or array-like
    The values: an array, a NumPy array, any buffer or DLPack object, a scalar or a (nested)
    list or tuple.
dtype : Dtype, optional
    The element type of the result. Default: ``None``, inferred from ``a``.
copy : bool, optional
    ``True`` always copies; ``False`` never copies and raises when a copy is needed; ``None``
    copies only when sharing is impossible. Default: ``None``.

Returns
-------
array
    ``a`` itself when it is already an array of the requested dtype (and ``copy`` is not
    ``True``); otherwise a new array.

Raises
------
ValueError
    When ``copy=False`` and the conversion needs a copy (a list, a dtype change, a
    non-contiguous buffer), and for values :func:`array` cannot convert.
TypeError
    When ``copy`` is not a bool or ``None``, or ``dtype`` is not a :class:`Dtype`.

Examples
--------
>>> mx.asarray([1, 2])
array([1, 2], dtype=int32)
>>> a = mx.array([1.0, 2.0])
>>> mx.asarray(a) is a
True
>>> mx.asarray(np.array([1.0, 2.0]), mx.float64)
array([1, 2], dtype=float64)

Notes
-----
The reference binding always copies a NumPy array on the Linux CPU and returns a new array
object for an mlx array (raising ``ValueError`` for ``copy=False``); mlxcy shares the memory and
returns the same object (docs/differences.md, docs/zero-copy.md).
""",
    "from_dlpack": """
Make an array from an object that implements the DLPack protocol.

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
""",
    "astype": """
Convert the elements of ``a`` to ``dtype``.

The function form of :meth:`array.astype`. Floats become integers by truncation toward zero;
values out of an integer type's range wrap around or are undefined, as in C.

Parameters
----------
a : array
    The input array (a scalar, list or NumPy array is converted first).
dtype : Dtype
    The element type of the result.
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default
    device.

Returns
-------
array
    An array of ``a``'s shape with elements of type ``dtype``.

Raises
------
TypeError
    When ``dtype`` is not a :class:`Dtype`.

Examples
--------
>>> mx.astype(mx.array([1.75, -1.75]), mx.int32)
array([1, -1], dtype=int32)
>>> mx.astype(mx.array([1, 0]), mx.bool_)
array([True, False], dtype=bool)

Notes
-----
The reference binding accepts only arrays for ``a``; mlxcy also converts lists, scalars and
NumPy arrays (docs/differences.md).
""",
    # ---- dtypes ---------------------------------------------------------------------------
    "Dtype": """
The type of an array's elements.

There is one object per type, available as ``mx.bool_``, ``mx.uint8``, ``mx.uint16``,
``mx.uint32``, ``mx.uint64``, ``mx.int8``, ``mx.int16``, ``mx.int32``, ``mx.int64``,
``mx.float16``, ``mx.float32``, ``mx.float64``, ``mx.bfloat16`` and ``mx.complex64``; the class
cannot be instantiated. Dtypes compare equal only to themselves and are hashable.

Raises
------
TypeError
    When ``Dtype()`` is called.

Examples
--------
>>> mx.array([1.5]).dtype
mlx.core.float32
>>> mx.float16.size
2
>>> mx.int32 == mx.int32, mx.int32 == mx.int64
(True, False)

Notes
-----
Dtypes pickle and deep-copy to the same object; the reference's cannot be pickled
(docs/differences.md).
""",
    "Dtype.size": """
The size of one element of this type, in bytes.

Returns
-------
int
    1 for ``bool_``, ``int8`` and ``uint8``, up to 8 for ``int64``, ``float64`` and
    ``complex64``.

Examples
--------
>>> mx.float32.size
4
>>> mx.complex64.size
8
""",
    "DtypeCategory": """
An abstract kind of dtype, for :func:`issubdtype`.

An enum with the members ``complexfloating``, ``floating``, ``inexact`` (floating or complex),
``signedinteger``, ``unsignedinteger``, ``integer``, ``number`` and ``generic`` (every dtype,
``bool_`` included), also available as ``mx.floating`` and so on.

Parameters
----------
value : int
    The member's value (0 to 7), as for any ``enum.Enum``; members are usually reached by name.
    The other parameters of the signature are those of ``enum.Enum``'s functional API, which
    does not apply here.

Examples
--------
>>> mx.floating
DtypeCategory.floating
>>> mx.issubdtype(mx.float16, mx.floating)
True
>>> mx.issubdtype(mx.uint8, mx.signedinteger)
False
""",
    "issubdtype": """
Whether ``arg1`` is ``arg2`` or lies below it in the dtype hierarchy.

Each argument is a :class:`Dtype` or a :class:`DtypeCategory`. A dtype is below the categories
that contain it (``int8`` below ``signedinteger``, ``integer``, ``number`` and ``generic``); a
category is below the wider categories; no category is below a dtype. ``bool_`` is only below
``generic``.

Parameters
----------
arg1 : Dtype or DtypeCategory
    The dtype or category to test.
arg2 : Dtype or DtypeCategory
    The dtype or category to test against.

Returns
-------
bool

Raises
------
ValueError
    When an argument is neither a :class:`Dtype` nor a :class:`DtypeCategory`.
TypeError
    When an argument is ``None``.

Examples
--------
>>> mx.issubdtype(mx.int8, mx.integer)
True
>>> mx.issubdtype(mx.float32, mx.integer)
False
>>> mx.issubdtype(mx.floating, mx.inexact)
True
>>> mx.issubdtype(mx.bool_, mx.number)
False
""",
    "result_type": """
The dtype that promoting the given arrays and dtypes together gives.

The same dtype a binary operation between arrays of these dtypes has: ``int8`` with ``uint8``
gives ``int16``, an integer with a float gives that float, ``float16`` with ``bfloat16`` gives
``float32``. Python scalars are not accepted.

Parameters
----------
*arrays_and_dtypes : array or Dtype
    One or more arrays or dtypes; an array stands for its dtype.

Returns
-------
Dtype

Raises
------
ValueError
    When no argument is given, or an argument is neither an array nor a :class:`Dtype`.

Examples
--------
>>> mx.result_type(mx.int8, mx.uint8)
mlx.core.int16
>>> mx.result_type(mx.array([1, 2]), mx.float16)
mlx.core.float16
>>> mx.result_type(mx.float16, mx.bfloat16)
mlx.core.float32
""",
    "finfo": """
The limits of a floating point (or complex) dtype.

The object has the attributes ``min``, ``max`` (the most negative and largest finite values),
``eps`` (the gap between 1 and the next larger value), ``smallest_normal`` (the smallest
positive normal value), ``bits`` (the width in bits) and ``dtype``, all Python numbers except
``dtype``. For ``complex64`` the limits are those of its ``float32`` parts, and ``dtype`` is
``float32``.

Parameters
----------
arg : Dtype or array
    A floating point or complex dtype, or an array of one.

Raises
------
ValueError
    When the dtype is not floating point or complex.
TypeError
    When ``arg`` is neither a :class:`Dtype` nor an array.

Examples
--------
>>> mx.finfo(mx.float16)
finfo(min=-65504, max=65504, dtype=float16)
>>> mx.finfo(mx.float16).eps
0.0009765625
>>> mx.finfo(mx.float32).bits
32

Notes
-----
The reference binding accepts only a :class:`Dtype`; mlxcy also takes an array and reads its
dtype.
""",
    "iinfo": """
The limits of an integer dtype.

The object has the attributes ``min`` and ``max`` (the smallest and largest values, Python
ints) and ``dtype``.

Parameters
----------
arg : Dtype or array
    An integer dtype (``bool_`` is not one), or an array of one.

Raises
------
ValueError
    When the dtype is not an integer type.
TypeError
    When ``arg`` is neither a :class:`Dtype` nor an array.

Examples
--------
>>> mx.iinfo(mx.uint8)
iinfo(min=0, max=255, dtype=uint8)
>>> mx.iinfo(mx.int64).max
9223372036854775807

Notes
-----
The reference binding accepts only a :class:`Dtype`; mlxcy also takes an array and reads its
dtype.
""",
    # ---- devices and streams --------------------------------------------------------------
    "DeviceType": """
The kind of a device: ``DeviceType.cpu`` or ``DeviceType.gpu``.

An enum, whose members are also available as ``mx.cpu`` and ``mx.gpu``. A member can stand
for the first device of its kind wherever a :class:`Device` is expected (``stream=mx.cpu``),
and compares equal to such a device.

Parameters
----------
value : int
    The member's value, 0 (cpu) or 1 (gpu), as for any ``enum.Enum``; members are usually
    reached by name. The other parameters of the signature are those of ``enum.Enum``'s
    functional API, which does not apply here.

Examples
--------
>>> mx.cpu
DeviceType.cpu
>>> mx.DeviceType(1)
DeviceType.gpu
>>> mx.Device(mx.cpu).type == mx.cpu
True
""",
    "Device": """
A device operations run on: its type (cpu or gpu) and its index.

Making a ``Device`` does not check that such a device exists; see :func:`is_available`.
Devices compare equal when type and index match; a device also compares equal to its
:class:`DeviceType` (``mx.Device(mx.cpu) == mx.cpu``).

Parameters
----------
type : DeviceType
    ``mx.cpu`` or ``mx.gpu`` (the integers 0 and 1 are accepted too).
index : int, optional
    Which device of that type. Default: ``0``.

Raises
------
TypeError
    When ``type`` is not a :class:`DeviceType` (a string such as ``"cpu"`` is refused).

Examples
--------
>>> mx.Device(mx.cpu)
Device(cpu, 0)
>>> mx.Device(mx.gpu, 1)
Device(gpu, 1)
>>> mx.Device(mx.cpu) == mx.cpu
True
""",
    "Device.type": """
The kind of the device.

Returns
-------
DeviceType
    ``DeviceType.cpu`` or ``DeviceType.gpu``.

Examples
--------
>>> mx.Device(mx.gpu, 1).type
DeviceType.gpu
>>> mx.Device(mx.cpu).type == mx.cpu
True
""",
    "Stream": """
A queue of operations on one device; operations given the same stream run in order.

Streams are not made by calling the class: get one with :func:`default_stream` or
:func:`new_stream`, and pass it as the ``stream=`` argument of an operation or to
:func:`stream` to make it the default in a block. Streams compare equal when they are the same
stream.

Raises
------
TypeError
    When ``Stream()`` is called.

Examples
--------
>>> s = mx.new_stream(mx.cpu)
>>> s.device
Device(cpu, 0)
>>> mx.add(mx.array([1, 2]), 1, stream=s)
array([2, 3], dtype=int32)
>>> s == mx.new_stream(mx.cpu)
False
""",
    "Stream.device": """
The device the stream runs its operations on.

Returns
-------
Device

Examples
--------
>>> mx.new_stream(mx.cpu).device
Device(cpu, 0)
>>> mx.default_stream(mx.cpu).device == mx.cpu
True
""",
    "ThreadLocalStream": """
A stream that stands for a different stream in each thread that uses it.

Made with :func:`new_thread_local_stream`. An operation given this stream runs on the calling
thread's own stream of it, so threads sharing one such object
do not queue their work behind each other. It is accepted wherever a :class:`Stream` is.

Raises
------
TypeError
    When ``ThreadLocalStream()`` is called.

Examples
--------
>>> s = mx.new_thread_local_stream(mx.cpu)
>>> s.device
Device(cpu, 0)
>>> mx.multiply(mx.array([1, 2]), 3, stream=s)
array([3, 6], dtype=int32)
""",
    "ThreadLocalStream.device": """
The device the stream's per-thread streams run on.

Returns
-------
Device

Examples
--------
>>> mx.new_thread_local_stream(mx.cpu).device
Device(cpu, 0)
""",
    "default_device": """
The device operations run on when no ``stream`` is given.

The GPU where this build of MLX has a GPU backend and a GPU is present, else the CPU, until
:func:`set_default_device` changes it.

Returns
-------
Device

Examples
--------
>>> d = mx.default_device()
>>> d.type in (mx.cpu, mx.gpu)
True
""",
    "set_default_device": """
Make ``device`` the device operations run on when no ``stream`` is given.

Parameters
----------
device : Device or DeviceType
    The new default device (a :class:`DeviceType` means its device 0).

Returns
-------
None

Raises
------
ValueError
    When the device is not available (``mx.gpu`` on a build without a GPU backend).
TypeError
    When ``device`` is neither a :class:`Device` nor a :class:`DeviceType`.

Examples
--------
>>> previous = mx.default_device()
>>> mx.set_default_device(mx.cpu)
>>> mx.default_device()
Device(cpu, 0)
>>> mx.set_default_device(previous)
""",
    "default_stream": """
The default stream of ``device`` in the calling thread.

Operations scheduled on ``device`` without an explicit stream run on this stream.

Parameters
----------
device : Device or DeviceType
    The device (a :class:`DeviceType` means its device 0).

Returns
-------
Stream

Raises
------
ValueError
    When the device is not available (``mx.gpu`` on a build without a GPU backend).
TypeError
    When ``device`` is neither a :class:`Device` nor a :class:`DeviceType`.

Examples
--------
>>> s = mx.default_stream(mx.cpu)
>>> s.device
Device(cpu, 0)
>>> s == mx.default_stream(mx.cpu)
True
""",
    "set_default_stream": """
Make ``stream`` the default stream of its device, and that device the default device.

Parameters
----------
stream : Stream
    The stream to make the default.

Returns
-------
None

Raises
------
TypeError
    When ``stream`` is not a :class:`Stream` (a device is refused).

Examples
--------
>>> previous, previous_cpu = mx.default_stream(mx.default_device()), mx.default_stream(mx.cpu)
>>> s = mx.new_stream(mx.cpu)
>>> mx.set_default_stream(s)
>>> mx.default_stream(mx.cpu) == s, mx.default_device()
(True, Device(cpu, 0))
>>> mx.set_default_stream(previous_cpu)
>>> mx.set_default_stream(previous)
""",
    "new_stream": """
Make a new stream on ``device``.

Operations on different streams may run concurrently; those on one stream run in order. The
stream belongs to the calling thread: using it from another thread raises ``RuntimeError``
(see :func:`new_thread_unsafe_stream` and :func:`new_thread_local_stream`).

Parameters
----------
device : Device or DeviceType
    The device the stream runs on (a :class:`DeviceType` means its device 0).

Returns
-------
Stream
    A stream different from every existing one.

Raises
------
ValueError
    When the device is not available (``mx.gpu`` on a build without a GPU backend).
TypeError
    When ``device`` is neither a :class:`Device` nor a :class:`DeviceType`.

Examples
--------
>>> s = mx.new_stream(mx.cpu)
>>> s.device
Device(cpu, 0)
>>> s == mx.default_stream(mx.cpu)
False
""",
    "new_thread_unsafe_stream": """
Make a new stream on ``device`` that any thread may schedule work on.

A stream from :func:`new_stream` belongs to the thread that made it; this one can be used from
several threads, which must then order their use of it themselves.

Parameters
----------
device : Device or DeviceType
    The device the stream runs on (a :class:`DeviceType` means its device 0).

Returns
-------
Stream

Raises
------
ValueError
    When the device is not available.
TypeError
    When ``device`` is neither a :class:`Device` nor a :class:`DeviceType`.

Examples
--------
>>> s = mx.new_thread_unsafe_stream(mx.cpu)
>>> s.device
Device(cpu, 0)
>>> mx.add(mx.array([1]), 1, stream=s)
array([2], dtype=int32)
""",
    "new_thread_local_stream": """
Make a stream that stands for a distinct stream in each thread that uses it.

Parameters
----------
device : Device or DeviceType
    The device the streams run on (a :class:`DeviceType` means its device 0).

Returns
-------
ThreadLocalStream

Raises
------
ValueError
    When the device is not available.
TypeError
    When ``device`` is neither a :class:`Device` nor a :class:`DeviceType`.

Examples
--------
>>> s = mx.new_thread_local_stream(mx.cpu)
>>> s.device
Device(cpu, 0)
>>> mx.add(mx.array([1]), 1, stream=s)
array([2], dtype=int32)
""",
    "clear_streams": """
Destroy the streams the calling thread made.

Frees what the thread's streams hold (for a thread about to end, say). Using a stream made
earlier in the thread afterwards raises ``RuntimeError``; the default streams are made again
when next needed.

Returns
-------
None

Examples
--------
>>> import threading
>>> def work():
...     s = mx.new_stream(mx.cpu)
...     mx.eval(mx.add(mx.array([1]), 1, stream=s))
...     mx.clear_streams()
>>> t = threading.Thread(target=work)
>>> t.start(); t.join()
""",
    "stream": """
A context manager that makes ``s`` the default inside a ``with`` block.

Inside the block, operations without a ``stream`` argument run on ``s`` (a device means its
default stream), and the default device is ``s``'s device. Both are restored on leaving the
block. The ``as`` target of the ``with`` statement is ``None``.

Parameters
----------
s : Stream, ThreadLocalStream, Device or DeviceType
    What to run on inside the block.

Returns
-------
StreamContext

Raises
------
TypeError
    When ``s`` is ``None`` or of another type.

Examples
--------
>>> with mx.stream(mx.cpu):
...     print(mx.default_device())
...     b = mx.array([1, 2]) * 2
Device(cpu, 0)
>>> b
array([2, 4], dtype=int32)
""",
    "StreamContext": """
The context manager :func:`stream` returns.

Entering it makes ``s`` the default stream (and its device the default device); leaving it
restores the previous defaults. Its ``__enter__`` returns ``None``.

Parameters
----------
s : Stream, ThreadLocalStream, Device or DeviceType
    What to run on inside the ``with`` block.

Raises
------
TypeError
    When ``s`` is ``None`` or of another type.

Examples
--------
>>> with mx.StreamContext(mx.cpu):
...     print(mx.default_device())
Device(cpu, 0)
""",
    "synchronize": """
Wait until every operation queued on ``stream`` has run.

Parameters
----------
stream : Stream or Device, optional
    The stream to wait for (a device means its default stream). Default: ``None``, the default
    stream of the default device.

Returns
-------
None

Raises
------
TypeError
    When ``stream`` is not a stream, a device or ``None``.

Examples
--------
>>> a = mx.array([1, 2]) + 1
>>> mx.async_eval(a)
>>> mx.synchronize()
>>> mx.synchronize(mx.cpu)
""",
    "is_available": """
Whether ``device`` exists on this machine with this build of MLX.

Parameters
----------
device : Device or DeviceType
    The device (a :class:`DeviceType` means its device 0).

Returns
-------
bool

Raises
------
TypeError
    When ``device`` is neither a :class:`Device` nor a :class:`DeviceType`.

Examples
--------
>>> mx.is_available(mx.cpu)
True
>>> mx.is_available(mx.Device(mx.cpu, 1))
False
""",
    "device_count": """
The number of devices of a kind.

Parameters
----------
device_type : DeviceType
    ``mx.cpu`` or ``mx.gpu``.

Returns
-------
int
    1 for the CPU; the number of GPUs MLX can use (0 on a build without a GPU backend).

Raises
------
TypeError
    When ``device_type`` is not a :class:`DeviceType`.

Examples
--------
>>> mx.device_count(mx.cpu)
1
""",
    "device_info": """
Facts about a device, as a dict.

The keys depend on the backend (for the CPU, ``device_name`` and ``architecture``). The dict
is empty for a device that is not available.

Parameters
----------
d : Device or DeviceType, optional
    The device. Default: ``None``, the default device.

Returns
-------
dict
    From names (str) to values (str or int).

Raises
------
TypeError
    When ``d`` is not a :class:`Device`, a :class:`DeviceType` or ``None``.

Examples
--------
>>> info = mx.device_info(mx.cpu)
>>> isinstance(info, dict)
True
""",
    # ---- evaluation -----------------------------------------------------------------------
    "eval": """
Compute the given arrays now.

Arrays record operations lazily; ``eval`` runs what is needed to give every array found in
``args`` its values, and returns when they are ready. Lists, tuples and dicts are searched
(nested too); other values are ignored. The GIL is released while MLX computes.

Parameters
----------
*args : array, or list, tuple or dict of them
    The arrays to evaluate.

Returns
-------
None

Examples
--------
>>> a = mx.array([1, 2]) + 1
>>> mx.eval(a, {"twice": [a * 2]}, "ignored")
>>> a
array([2, 3], dtype=int32)
""",
    "async_eval": """
Start computing the given arrays and return without waiting.

Like :func:`eval`, but returns at once. Reading an array (printing it, ``item()``, or
:func:`eval`) waits for its values; :func:`synchronize` waits for everything queued.

Parameters
----------
*args : array, or list, tuple or dict of them
    The arrays to evaluate.

Returns
-------
None

Examples
--------
>>> a = mx.ones((2,)) * 3
>>> mx.async_eval(a)
>>> a.tolist()
[3.0, 3.0]
""",
    # ---- memory ---------------------------------------------------------------------------
    "get_active_memory": """
The memory held by live arrays, in bytes.

Counts the buffers of arrays still referenced; freed buffers kept for reuse are counted by
:func:`get_cache_memory` instead.

Returns
-------
int

Examples
--------
>>> n = mx.get_active_memory()
>>> isinstance(n, int) and n >= 0
True
""",
    "get_peak_memory": """
The largest active memory seen, in bytes.

Since the start of the process or the last :func:`reset_peak_memory`.

Returns
-------
int

Examples
--------
>>> mx.reset_peak_memory()
>>> a = mx.zeros((1024,))
>>> mx.eval(a)
>>> mx.get_peak_memory() >= a.nbytes
True
""",
    "reset_peak_memory": """
Set the peak memory figure of :func:`get_peak_memory` back to zero.

Returns
-------
None

Examples
--------
>>> mx.reset_peak_memory()
>>> isinstance(mx.get_peak_memory(), int)
True
""",
    "get_cache_memory": """
The memory in MLX's buffer cache, in bytes.

Buffers of freed arrays are kept for reuse rather than returned to the system, up to the cache
limit (:func:`set_cache_limit`); :func:`clear_cache` returns them.

Returns
-------
int

Examples
--------
>>> mx.clear_cache()
>>> mx.get_cache_memory()
0
""",
    "clear_cache": """
Return the buffers in MLX's cache to the system.

Returns
-------
None

Examples
--------
>>> a = mx.zeros((1024,))
>>> mx.eval(a)
>>> del a
>>> mx.clear_cache()
>>> mx.get_cache_memory()
0
""",
    "set_memory_limit": """
Set the memory limit, in bytes; returns the previous limit.

The limit is a guideline for MLX's allocator, not a hard cap: an allocation beyond it is not
refused.

Parameters
----------
limit : int
    The new limit in bytes.

Returns
-------
int
    The previous limit.

Raises
------
TypeError
    When ``limit`` is not an int, or is negative.

Examples
--------
>>> previous = mx.set_memory_limit(2**30)
>>> mx.get_memory_limit()
1073741824
>>> mx.set_memory_limit(previous)
1073741824
""",
    "get_memory_limit": """
The memory limit set with :func:`set_memory_limit`, in bytes.

Returns
-------
int

Examples
--------
>>> mx.get_memory_limit() > 0
True
""",
    "set_cache_limit": """
Set the size limit of MLX's buffer cache, in bytes; returns the previous limit.

Freed buffers are kept for reuse up to this size; ``0`` turns the cache off.

Parameters
----------
limit : int
    The new limit in bytes.

Returns
-------
int
    The previous limit.

Raises
------
TypeError
    When ``limit`` is not an int, or is negative.

Examples
--------
>>> previous = mx.set_cache_limit(0)
>>> mx.set_cache_limit(previous)
0
""",
    "set_wired_limit": """
Set the wired memory limit, in bytes; returns the previous limit.

On Apple silicon (Metal), memory up to this size is kept resident (wired) for the GPU, which
helps large models. On other backends it has no effect (and the previous limit reads as 0). The
default is 0.

Parameters
----------
limit : int
    The new limit in bytes.

Returns
-------
int
    The previous limit.

Raises
------
TypeError
    When ``limit`` is not an int, or is negative.

Examples
--------
>>> previous = mx.set_wired_limit(0)
>>> mx.set_wired_limit(previous)
0
""",
    "get_array_buffer_size": """
The total size of the buffers behind the given arrays, in bytes.

Each buffer counts once, however many of the arrays share it; the size is that of the
allocation, which may be rounded up from ``nbytes``. Lists, tuples and dicts are searched
(nested too); other values are ignored.

Parameters
----------
*args : array, or list, tuple or dict of them
    Evaluated arrays.

Returns
-------
int

Raises
------
ValueError
    When an array has not been evaluated.

Examples
--------
>>> a = mx.zeros((1024,))
>>> mx.eval(a)
>>> mx.get_array_buffer_size(a, [a]) >= a.nbytes
True
>>> mx.get_array_buffer_size()
0
""",
    # ---- printing -------------------------------------------------------------------------
    "PrintOptions": """
How arrays print: the object :func:`get_printoptions` returns.

Its one attribute, ``precision``, is the number of digits printed after the decimal point of
floating point values (-1: the default, 6 significant digits).

Parameters
----------
precision : int, optional
    Digits after the decimal point. Default: ``-1``.

Examples
--------
>>> mx.PrintOptions(3).precision
3
>>> mx.get_printoptions().precision
-1
""",
    "get_printoptions": """
The options arrays print with now.

Returns
-------
PrintOptions
    A new object holding the current ``precision``; changing it changes nothing.

Examples
--------
>>> mx.get_printoptions().precision
-1
""",
    "set_printoptions": """
Set how arrays print, for the rest of the process.

Parameters
----------
precision : int, optional
    Digits after the decimal point of floating point values; -1 restores the default (6
    significant digits). Default: ``-1``.

Returns
-------
None

Raises
------
TypeError
    When ``precision`` is not an int.

Examples
--------
>>> mx.set_printoptions(precision=2)
>>> mx.array([1 / 3, 2 / 3])
array([0.33, 0.67], dtype=float32)
>>> mx.set_printoptions()
>>> mx.array([1 / 3, 2 / 3])
array([0.333333, 0.666667], dtype=float32)

Notes
-----
A ``precision`` beyond 32 bits raises ``OverflowError`` here, ``TypeError`` in the reference
binding.
""",
    "printoptions": """
A context manager that sets print options inside a ``with`` block.

The options in force before the block are restored when it ends.

Parameters
----------
precision : int, optional
    Digits after the decimal point of floating point values; -1: the default (6 significant
    digits). Default: ``-1``.

Returns
-------
context manager

Raises
------
TypeError
    When ``precision`` is not an int of 32 bits.

Examples
--------
>>> with mx.printoptions(precision=3):
...     print(mx.array([1 / 3]))
array([0.333], dtype=float32)
>>> mx.get_printoptions().precision
-1
""",
    # ---- misc classes ---------------------------------------------------------------------
    "ArrayLike": """
A wrapper marking any value :func:`array` accepts as array-like.

Its ``__mlx_array__`` method returns ``array(arg)``, so anything that converts objects with
that method (:func:`array`, the operations) reads it as that array. The wrapped value is the
``obj`` attribute.

Parameters
----------
arg : object
    Anything :func:`array` accepts.

Examples
--------
>>> x = mx.ArrayLike([1, 2])
>>> x.obj
[1, 2]
>>> mx.array(x)
array([1, 2], dtype=int32)

Notes
-----
In the reference binding ``ArrayLike`` is only a name for annotations: its objects are not
accepted by ``array`` or the operations.
""",
    "BooleanIndexError": """
Raised when a boolean mask does not match the shape of the axes it indexes.

Both an ``IndexError`` (NumPy's type for this error) and a ``ValueError`` (the reference
binding's), so code written for either catches it.

Parameters
----------
*args : object
    The message (as for any exception).

Examples
--------
>>> a = mx.zeros((2, 3))
>>> try:
...     a[mx.array([True, False, True])] = 1
... except IndexError as e:
...     print(type(e).__name__, isinstance(e, ValueError))
BooleanIndexError True

Notes
-----
The reference binding raises ``ValueError`` for such a mask (docs/differences.md).
""",
    "ArrayIterator": """
The iterator ``iter(a)`` returns: it yields ``a[0]``, ``a[1]``, ... along the first axis.

Made by iterating an array (``for row in a``); a 0-d array cannot be iterated.

Parameters
----------
arr : array
    The array to iterate over.

Raises
------
TypeError
    From ``iter(a)`` when ``a`` is 0-d.

Examples
--------
>>> for row in mx.array([[1, 2], [3, 4]]):
...     print(row)
array([1, 2], dtype=int32)
array([3, 4], dtype=int32)
""",
    "ArrayAt": """
The object behind ``a.at``: updates of ``a`` at an index that accumulate over repeated indices.

``a.at[idx]`` selects where to update; its methods (``add``, ``subtract``, ``multiply``,
``divide``, ``maximum``, ``minimum``) return a new array, leaving ``a`` as it is. Unlike
``a[idx] += v``, an index that occurs several times in ``idx`` receives every update meant for
it.

Parameters
----------
arr : array
    The array to update (usually reached as ``arr.at``).

Examples
--------
>>> a = mx.array([1, 2, 3])
>>> a.at[mx.array([0, 0, 2])].add(1)
array([3, 2, 4], dtype=int32)
>>> a
array([1, 2, 3], dtype=int32)
""",
    "ArrayAt.add": """
``a`` with ``value`` added at the index, once per occurrence of each index.

Parameters
----------
value : array or scalar
    What to add; broadcast to the indexed shape.

Returns
-------
array
    A new array of ``a``'s shape and dtype.

Raises
------
ValueError
    When no index was given (``a.at.add(1)``), or ``value`` does not broadcast.

Examples
--------
>>> a = mx.array([1, 2, 3])
>>> a.at[mx.array([0, 0, 2])].add(10)
array([21, 2, 13], dtype=int32)
""",
    "ArrayAt.subtract": """
``a`` with ``value`` subtracted at the index, once per occurrence of each index.

Parameters
----------
value : array or scalar
    What to subtract; broadcast to the indexed shape.

Returns
-------
array
    A new array of ``a``'s shape and dtype.

Raises
------
ValueError
    When no index was given, or ``value`` does not broadcast.

Examples
--------
>>> a = mx.array([8, 2, 3])
>>> a.at[mx.array([0, 0])].subtract(2)
array([4, 2, 3], dtype=int32)
""",
    "ArrayAt.multiply": """
``a`` multiplied by ``value`` at the index, once per occurrence of each index.

Parameters
----------
value : array or scalar
    The factor; broadcast to the indexed shape.

Returns
-------
array
    A new array of ``a``'s shape and dtype.

Raises
------
ValueError
    When no index was given, or ``value`` does not broadcast.

Examples
--------
>>> a = mx.array([1.0, 2.0, 3.0])
>>> a.at[mx.array([0, 0])].multiply(2)
array([4, 2, 3], dtype=float32)
""",
    "ArrayAt.divide": """
``a`` divided by ``value`` at the index, once per occurrence of each index.

Computed as a multiplication by ``1 / value`` in ``a``'s dtype, so for an integer array the
reciprocal is truncated first (dividing by 2 makes 0).

Parameters
----------
value : array or scalar
    The divisor; broadcast to the indexed shape.

Returns
-------
array
    A new array of ``a``'s shape and dtype.

Raises
------
ValueError
    When no index was given, or ``value`` does not broadcast.

Examples
--------
>>> a = mx.array([8.0, 2.0, 3.0])
>>> a.at[mx.array([0, 0])].divide(2)
array([2, 2, 3], dtype=float32)

Notes
-----
The result keeps ``a``'s dtype for every index; the reference binding promotes it for the
``...`` index only (docs/differences.md).
""",
    "ArrayAt.maximum": """
``a`` with the larger of it and ``value`` at the index.

With a repeated index, the largest of the values meant for it wins.

Parameters
----------
value : array or scalar
    The values to compare with; broadcast to the indexed shape.

Returns
-------
array
    A new array of ``a``'s shape and dtype.

Raises
------
ValueError
    When no index was given, or ``value`` does not broadcast.

Examples
--------
>>> a = mx.array([8, 2, 3])
>>> a.at[mx.array([0, 1])].maximum(5)
array([8, 5, 3], dtype=int32)
""",
    "ArrayAt.minimum": """
``a`` with the smaller of it and ``value`` at the index.

With a repeated index, the smallest of the values meant for it wins.

Parameters
----------
value : array or scalar
    The values to compare with; broadcast to the indexed shape.

Returns
-------
array
    A new array of ``a``'s shape and dtype.

Raises
------
ValueError
    When no index was given, or ``value`` does not broadcast.

Examples
--------
>>> a = mx.array([8, 2, 3])
>>> a.at[mx.array([0, 1])].minimum(5)
array([5, 2, 3], dtype=int32)
""",
    # ---- binary operations (the functions behind the operators) ------------------------
    "add": """
Element-wise sum ``a + b``.

``a`` and ``b`` broadcast against each other. Their dtypes promote as usual; a Python scalar
takes the other operand's dtype when it fits its kind (``int8`` array + 1 stays ``int8``,
``float16`` array * 2.5 stays ``float16``). For bools, ``add`` is a logical or.

Parameters
----------
a : array or scalar
    The first operand.
b : array or scalar
    The second operand.
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default
    device.

Returns
-------
array
    The sums, of the broadcast shape and promoted dtype.

Raises
------
ValueError
    When the shapes of ``a`` and ``b`` do not broadcast, or a Python int does not fit the
    other operand's integer dtype.

Examples
--------
>>> mx.add(mx.array([1, 2]), 3)
array([4, 5], dtype=int32)
>>> mx.add(mx.array([1, 2]), 2.5)
array([3.5, 4.5], dtype=float32)
>>> mx.add(mx.array([[1], [2]]), mx.array([10, 20]))
array([[11, 21],
       [12, 22]], dtype=int32)

Notes
-----
The reference binding accepts only arrays and Python scalars here; mlxcy also converts lists,
tuples and NumPy arrays (docs/differences.md).
""",
    "subtract": """
Element-wise difference ``a - b``.

``a`` and ``b`` broadcast against each other. Their dtypes promote as usual; a Python scalar
takes the other operand's dtype when it fits its kind (``int8`` array + 1 stays ``int8``,
``float16`` array * 2.5 stays ``float16``).

Parameters
----------
a : array or scalar
    The values subtracted from.
b : array or scalar
    The values to subtract.
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default
    device.

Returns
-------
array
    The differences, of the broadcast shape and promoted dtype.

Raises
------
ValueError
    When the shapes of ``a`` and ``b`` do not broadcast, or a Python int does not fit the
    other operand's integer dtype.

Examples
--------
>>> mx.subtract(mx.array([5, 7]), 2)
array([3, 5], dtype=int32)
>>> mx.subtract(10, mx.array([0.5, 1.5]))
array([9.5, 8.5], dtype=float32)

Notes
-----
The reference binding accepts only arrays and Python scalars here; mlxcy also converts lists,
tuples and NumPy arrays (docs/differences.md).
""",
    "multiply": """
Element-wise product ``a * b``.

``a`` and ``b`` broadcast against each other. Their dtypes promote as usual; a Python scalar
takes the other operand's dtype when it fits its kind (``int8`` array + 1 stays ``int8``,
``float16`` array * 2.5 stays ``float16``).

Parameters
----------
a : array or scalar
    The first factor.
b : array or scalar
    The second factor.
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default
    device.

Returns
-------
array
    The products, of the broadcast shape and promoted dtype.

Raises
------
ValueError
    When the shapes of ``a`` and ``b`` do not broadcast, or a Python int does not fit the
    other operand's integer dtype.

Examples
--------
>>> mx.multiply(mx.array([1.5, 2.0]), 2)
array([3, 4], dtype=float32)
>>> mx.multiply(mx.array([1, 2], mx.float16), 2.5)
array([2.5, 5], dtype=float16)

Notes
-----
The reference binding accepts only arrays and Python scalars here; mlxcy also converts lists,
tuples and NumPy arrays (docs/differences.md).
""",
    "divide": """
Element-wise true division ``a / b``.

``a`` and ``b`` broadcast against each other. Their dtypes promote as usual; a Python scalar
takes the other operand's dtype when it fits its kind (``int8`` array + 1 stays ``int8``,
``float16`` array * 2.5 stays ``float16``). Bool and integer operands give ``float32``. Dividing a float by zero gives ``inf`` or
``nan``, as IEEE arithmetic does.

Parameters
----------
a : array or scalar
    The dividend.
b : array or scalar
    The divisor.
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default
    device.

Returns
-------
array
    The quotients, of the broadcast shape; a floating point (or complex) dtype.

Raises
------
ValueError
    When the shapes of ``a`` and ``b`` do not broadcast, or a Python int does not fit the
    other operand's integer dtype.

Examples
--------
>>> mx.divide(mx.array([1, 2]), 4)
array([0.25, 0.5], dtype=float32)
>>> mx.divide(mx.array([1.0, -1.0]), 0)
array([inf, -inf], dtype=float32)

Notes
-----
The reference binding accepts only arrays and Python scalars here; mlxcy also converts lists,
tuples and NumPy arrays (docs/differences.md).
""",
    "floor_divide": """
Element-wise floor division ``a // b``: the quotient rounded toward minus infinity.

``a`` and ``b`` broadcast against each other. Their dtypes promote as usual; a Python scalar
takes the other operand's dtype when it fits its kind (``int8`` array + 1 stays ``int8``,
``float16`` array * 2.5 stays ``float16``). For floats the result is ``floor(a / b)``. An integer divided by zero gives 0.

Parameters
----------
a : array or scalar
    The dividend.
b : array or scalar
    The divisor.
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default
    device.

Returns
-------
array
    The quotients, of the broadcast shape and promoted dtype.

Raises
------
ValueError
    When the shapes of ``a`` and ``b`` do not broadcast, or a Python int does not fit the
    other operand's integer dtype.
OverflowError
    When an integer type's most negative value is divided by -1 (values already on the host).

Examples
--------
>>> mx.floor_divide(mx.array([7, -7]), 2)
array([3, -4], dtype=int32)
>>> mx.floor_divide(mx.array([7.5, -7.5]), 2)
array([3, -4], dtype=float32)

Notes
-----
The reference binding crashes (SIGFPE) on the most negative integer divided by -1, and accepts
only arrays and Python scalars; mlxcy raises ``OverflowError`` and also converts lists, tuples
and NumPy arrays (docs/differences.md).
""",
    "remainder": """
Element-wise remainder ``a % b``, with the sign of the divisor (as Python's ``%``).

``a`` and ``b`` broadcast against each other. Their dtypes promote as usual; a Python scalar
takes the other operand's dtype when it fits its kind (``int8`` array + 1 stays ``int8``,
``float16`` array * 2.5 stays ``float16``). The result satisfies ``a == floor_divide(a, b) * b + remainder(a, b)``. An integer
remainder by zero gives the dividend.

Parameters
----------
a : array or scalar
    The dividend.
b : array or scalar
    The divisor.
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default
    device.

Returns
-------
array
    The remainders, of the broadcast shape and promoted dtype.

Raises
------
ValueError
    When the shapes of ``a`` and ``b`` do not broadcast, or a Python int does not fit the
    other operand's integer dtype.
OverflowError
    When an integer type's most negative value is divided by -1 (values already on the host).

Examples
--------
>>> mx.remainder(mx.array([7, -7]), 3)
array([1, 2], dtype=int32)
>>> mx.remainder(mx.array([7, -7]), -3)
array([-2, -1], dtype=int32)
>>> mx.remainder(mx.array([5.5, -5.5]), 2)
array([1.5, 0.5], dtype=float32)

Notes
-----
The reference binding crashes (SIGFPE) on the most negative integer divided by -1, and accepts
only arrays and Python scalars; mlxcy raises ``OverflowError`` and also converts lists, tuples
and NumPy arrays (docs/differences.md).
""",
    "power": """
Element-wise power ``a ** b``.

``a`` and ``b`` broadcast against each other. Their dtypes promote as usual; a Python scalar
takes the other operand's dtype when it fits its kind (``int8`` array + 1 stays ``int8``,
``float16`` array * 2.5 stays ``float16``). Integer powers stay integers and wrap around on overflow; a negative integer exponent
gives 0, even for a base of 1. ``mx.pow`` is the same function.

Parameters
----------
a : array or scalar
    The base.
b : array or scalar
    The exponent.
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default
    device.

Returns
-------
array
    The powers, of the broadcast shape and promoted dtype.

Raises
------
ValueError
    When the shapes of ``a`` and ``b`` do not broadcast, or a Python int does not fit the
    other operand's integer dtype.

Examples
--------
>>> mx.power(mx.array([2, 3]), 2)
array([4, 9], dtype=int32)
>>> mx.power(mx.array([4.0, 9.0]), 0.5)
array([2, 3], dtype=float32)
>>> mx.power(2, mx.array([3, -1]))
array([8, 0], dtype=int32)

Notes
-----
The reference binding accepts only arrays and Python scalars here; mlxcy also converts lists,
tuples and NumPy arrays (docs/differences.md).
""",
    "matmul": """
Matrix product ``a @ b``.

Follows NumPy's rules: two 1-D operands give their inner product, a 1-D first (second) operand
is read as a row (column) vector and that axis is removed from the result, and operands with
more than two dimensions are stacks of matrices whose leading axes broadcast. Both operands
must be of a floating point type.

Parameters
----------
a : array
    The left operand, with at least one dimension.
b : array
    The right operand, with at least one dimension.
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default
    device.

Returns
-------
array
    The product; a ``(..., m, k)`` by ``(..., k, n)`` product has shape ``(..., m, n)``.

Raises
------
ValueError
    When an operand is 0-d or not of a floating point type, the inner sizes differ, or the batch
    axes do not broadcast.

Examples
--------
>>> a = mx.array([[1.0, 2.0], [3.0, 4.0]])
>>> mx.matmul(a, mx.array([1.0, 1.0]))
array([3, 7], dtype=float32)
>>> mx.matmul(mx.array([1.0, 2.0]), mx.array([3.0, 4.0]))
array(11, dtype=float32)
>>> mx.matmul(mx.ones((5, 2, 3)), mx.ones((3, 4))).shape
(5, 2, 4)

Notes
-----
The reference binding accepts only arrays; mlxcy also converts lists, tuples and NumPy arrays.
""",
    "equal": """
Element-wise comparison ``a == b``.

``a`` and ``b`` broadcast against each other and are compared in their promoted dtype (a Python
scalar takes the other operand's dtype when it fits its kind). NaN equals nothing, itself included.

Parameters
----------
a : array or scalar
    The first operand.
b : array or scalar
    The second operand.
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default
    device.

Returns
-------
array
    A ``bool`` array of the broadcast shape: whether ``a`` equals ``b``.

Raises
------
ValueError
    When the shapes of ``a`` and ``b`` do not broadcast, or a Python int does not fit the
    other operand's integer dtype.

Examples
--------
>>> mx.equal(mx.array([1, 2]), mx.array([1, 3]))
array([True, False], dtype=bool)
>>> mx.equal(mx.array([1.0, float('nan')]), mx.array([1.0, float('nan')]))
array([True, False], dtype=bool)

Notes
-----
The reference binding accepts only arrays and Python scalars here; mlxcy also converts lists,
tuples and NumPy arrays (docs/differences.md).
""",
    "not_equal": """
Element-wise comparison ``a != b``.

``a`` and ``b`` broadcast against each other and are compared in their promoted dtype (a Python
scalar takes the other operand's dtype when it fits its kind). NaN differs from everything, itself included.

Parameters
----------
a : array or scalar
    The first operand.
b : array or scalar
    The second operand.
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default
    device.

Returns
-------
array
    A ``bool`` array of the broadcast shape: whether ``a`` differs from ``b``.

Raises
------
ValueError
    When the shapes of ``a`` and ``b`` do not broadcast, or a Python int does not fit the
    other operand's integer dtype.

Examples
--------
>>> mx.not_equal(mx.array([1, 2]), 2)
array([True, False], dtype=bool)

Notes
-----
The reference binding accepts only arrays and Python scalars here; mlxcy also converts lists,
tuples and NumPy arrays (docs/differences.md).
""",
    "less": """
Element-wise comparison ``a < b``.

``a`` and ``b`` broadcast against each other and are compared in their promoted dtype (a Python
scalar takes the other operand's dtype when it fits its kind).

Parameters
----------
a : array or scalar
    The first operand.
b : array or scalar
    The second operand.
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default
    device.

Returns
-------
array
    A ``bool`` array of the broadcast shape: whether ``a`` is less than ``b``.

Raises
------
ValueError
    When the shapes of ``a`` and ``b`` do not broadcast, or a Python int does not fit the
    other operand's integer dtype.

Examples
--------
>>> mx.less(mx.array([1, 2, 3]), 2)
array([True, False, False], dtype=bool)

Notes
-----
The reference binding accepts only arrays and Python scalars here; mlxcy also converts lists,
tuples and NumPy arrays (docs/differences.md).
""",
    "less_equal": """
Element-wise comparison ``a <= b``.

``a`` and ``b`` broadcast against each other and are compared in their promoted dtype (a Python
scalar takes the other operand's dtype when it fits its kind).

Parameters
----------
a : array or scalar
    The first operand.
b : array or scalar
    The second operand.
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default
    device.

Returns
-------
array
    A ``bool`` array of the broadcast shape: whether ``a`` is less than or equal to ``b``.

Raises
------
ValueError
    When the shapes of ``a`` and ``b`` do not broadcast, or a Python int does not fit the
    other operand's integer dtype.

Examples
--------
>>> mx.less_equal(mx.array([1, 2, 3]), 2)
array([True, True, False], dtype=bool)

Notes
-----
The reference binding accepts only arrays and Python scalars here; mlxcy also converts lists,
tuples and NumPy arrays (docs/differences.md).
""",
    "greater": """
Element-wise comparison ``a > b``.

``a`` and ``b`` broadcast against each other and are compared in their promoted dtype (a Python
scalar takes the other operand's dtype when it fits its kind).

Parameters
----------
a : array or scalar
    The first operand.
b : array or scalar
    The second operand.
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default
    device.

Returns
-------
array
    A ``bool`` array of the broadcast shape: whether ``a`` is greater than ``b``.

Raises
------
ValueError
    When the shapes of ``a`` and ``b`` do not broadcast, or a Python int does not fit the
    other operand's integer dtype.

Examples
--------
>>> mx.greater(mx.array([1, 2, 3]), 2)
array([False, False, True], dtype=bool)

Notes
-----
The reference binding accepts only arrays and Python scalars here; mlxcy also converts lists,
tuples and NumPy arrays (docs/differences.md).
""",
    "greater_equal": """
Element-wise comparison ``a >= b``.

``a`` and ``b`` broadcast against each other and are compared in their promoted dtype (a Python
scalar takes the other operand's dtype when it fits its kind).

Parameters
----------
a : array or scalar
    The first operand.
b : array or scalar
    The second operand.
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default
    device.

Returns
-------
array
    A ``bool`` array of the broadcast shape: whether ``a`` is greater than or equal to ``b``.

Raises
------
ValueError
    When the shapes of ``a`` and ``b`` do not broadcast, or a Python int does not fit the
    other operand's integer dtype.

Examples
--------
>>> mx.greater_equal(mx.array([1, 2, 3]), 2)
array([False, True, True], dtype=bool)

Notes
-----
The reference binding accepts only arrays and Python scalars here; mlxcy also converts lists,
tuples and NumPy arrays (docs/differences.md).
""",
    "bitwise_and": """
Element-wise bitwise and ``a & b``.

For integers, the and of each pair of bits; for bools, the logical and. ``a`` and ``b``
broadcast against each other and their dtypes promote (a Python int takes the other operand's
dtype when it fits).

Parameters
----------
a : array or scalar
    The first operand, of an integer or bool type.
b : array or scalar
    The second operand, of an integer or bool type.
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default
    device.

Returns
-------
array
    The result, of the broadcast shape and promoted dtype.

Raises
------
RuntimeError
    When an operand is of a floating point or complex type.
ValueError
    When the shapes of ``a`` and ``b`` do not broadcast, or a Python int does not fit the
    other operand's integer dtype.

Examples
--------
>>> mx.bitwise_and(mx.array([12, 10]), 6)
array([4, 2], dtype=int32)
>>> mx.bitwise_and(mx.array([True, False]), True)
array([True, False], dtype=bool)

Notes
-----
The reference binding accepts only arrays and Python scalars here; mlxcy also converts lists,
tuples and NumPy arrays (docs/differences.md).
""",
    "bitwise_or": """
Element-wise bitwise or ``a | b``.

For integers, the or of each pair of bits; for bools, the logical or. ``a`` and ``b``
broadcast against each other and their dtypes promote (a Python int takes the other operand's
dtype when it fits).

Parameters
----------
a : array or scalar
    The first operand, of an integer or bool type.
b : array or scalar
    The second operand, of an integer or bool type.
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default
    device.

Returns
-------
array
    The result, of the broadcast shape and promoted dtype.

Raises
------
RuntimeError
    When an operand is of a floating point or complex type.
ValueError
    When the shapes of ``a`` and ``b`` do not broadcast, or a Python int does not fit the
    other operand's integer dtype.

Examples
--------
>>> mx.bitwise_or(mx.array([12, 10]), 1)
array([13, 11], dtype=int32)
>>> mx.bitwise_or(mx.array([True, False]), False)
array([True, False], dtype=bool)

Notes
-----
The reference binding accepts only arrays and Python scalars here; mlxcy also converts lists,
tuples and NumPy arrays (docs/differences.md).
""",
    "bitwise_xor": """
Element-wise bitwise exclusive or ``a ^ b``.

For integers, the exclusive or of each pair of bits; for bools, the logical exclusive or. ``a`` and ``b``
broadcast against each other and their dtypes promote (a Python int takes the other operand's
dtype when it fits).

Parameters
----------
a : array or scalar
    The first operand, of an integer or bool type.
b : array or scalar
    The second operand, of an integer or bool type.
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default
    device.

Returns
-------
array
    The result, of the broadcast shape and promoted dtype.

Raises
------
RuntimeError
    When an operand is of a floating point or complex type.
ValueError
    When the shapes of ``a`` and ``b`` do not broadcast, or a Python int does not fit the
    other operand's integer dtype.

Examples
--------
>>> mx.bitwise_xor(mx.array([12, 10]), 6)
array([10, 12], dtype=int32)
>>> mx.bitwise_xor(mx.array([True, False]), True)
array([False, True], dtype=bool)

Notes
-----
The reference binding accepts only arrays and Python scalars here; mlxcy also converts lists,
tuples and NumPy arrays (docs/differences.md).
""",
    "left_shift": """
Element-wise left shift ``a << b``: the bits of ``a`` moved ``b`` places left.

For integers, ``a`` multiplied by ``2**b``; bits shifted out of the type are lost. Bool operands are read as the integers 0 and 1. ``a`` and ``b``
broadcast against each other and their dtypes promote (a Python int takes the other operand's
dtype when it fits). ``mx.bitwise_left_shift`` is the same function.

Parameters
----------
a : array or scalar
    The values to shift, of an integer or bool type.
b : array or scalar
    The number of places, of an integer or bool type.
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default
    device.

Returns
-------
array
    The shifted values, of the broadcast shape and promoted dtype (``uint8`` for two bools).

Raises
------
RuntimeError
    When an operand is of a floating point or complex type.
ValueError
    When the shapes of ``a`` and ``b`` do not broadcast, or a Python int does not fit the
    other operand's integer dtype.

Examples
--------
>>> mx.left_shift(mx.array([1, 3]), 2)
array([4, 12], dtype=int32)
>>> mx.left_shift(mx.array([1], mx.uint8), 8)
array([0], dtype=uint8)

Notes
-----
The reference binding accepts only arrays and Python scalars here; mlxcy also converts lists,
tuples and NumPy arrays (docs/differences.md).
""",
    "right_shift": """
Element-wise right shift ``a >> b``: the bits of ``a`` moved ``b`` places right.

For integers, ``a`` divided by ``2**b``, rounded toward minus infinity for signed types. Bool operands are read as the integers 0 and 1. ``a`` and ``b``
broadcast against each other and their dtypes promote (a Python int takes the other operand's
dtype when it fits). ``mx.bitwise_right_shift`` is the same function.

Parameters
----------
a : array or scalar
    The values to shift, of an integer or bool type.
b : array or scalar
    The number of places, of an integer or bool type.
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default
    device.

Returns
-------
array
    The shifted values, of the broadcast shape and promoted dtype (``uint8`` for two bools).

Raises
------
RuntimeError
    When an operand is of a floating point or complex type.
ValueError
    When the shapes of ``a`` and ``b`` do not broadcast, or a Python int does not fit the
    other operand's integer dtype.

Examples
--------
>>> mx.right_shift(mx.array([8, 7]), 1)
array([4, 3], dtype=int32)
>>> mx.right_shift(mx.array([-8]), 1)
array([-4], dtype=int32)

Notes
-----
The reference binding accepts only arrays and Python scalars here; mlxcy also converts lists,
tuples and NumPy arrays (docs/differences.md).
""",
}
