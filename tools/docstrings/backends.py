"""Docstrings of ``mlxcy.metal`` and ``mlxcy.cuda`` (see README.md).

``metal.py`` and ``cuda.py`` are plain Python, ``is_available``/``start_capture``/
``stop_capture`` come from ``_backends.pyx``; they are kept here so that one tool applies them.
The memory functions of ``mlxcy.metal`` are deprecated aliases of the core ones: each prints a
notice to stderr the first time it runs (doctest does not see stderr).
"""

_DEPRECATED = """Notes
-----
Deprecated: use ``mx.{name}``, which this calls.
The first call prints a deprecation notice to stderr, as the reference does."""

DOCS = {
    "metal.is_available": """
Tell whether the Metal backend (an Apple GPU) is available.

Returns
-------
bool
    True on a Mac with a Metal GPU and a Metal build of libmlx.

Examples
--------
>>> isinstance(mx.metal.is_available(), bool)
True
""",
    "cuda.is_available": """
Tell whether the CUDA backend (an NVIDIA GPU) is available.

Returns
-------
bool
    True when libmlx was built with CUDA and a GPU is present.

Examples
--------
>>> isinstance(mx.cuda.is_available(), bool)
True
""",
    "metal.start_capture": """
Start capturing Metal GPU work into a trace file, for Xcode's GPU debugger.

The capture records the GPU commands run until :func:`metal.stop_capture`. It needs the
environment variable ``MTL_CAPTURE_ENABLED=1`` to be set when the process starts. Without
Metal it does nothing.

Parameters
----------
path : str
    The trace file to write (a ``.gputrace`` folder).

Returns
-------
None

Raises
------
TypeError
    When ``path`` is not a str.

Examples
--------
>>> import os, tempfile
>>> trace = os.path.join(tempfile.mkdtemp(), "run.gputrace")
>>> # on a Mac, run with MTL_CAPTURE_ENABLED=1 set:
>>> mx.metal.start_capture(trace)  # doctest: +SKIP
>>> mx.eval(mx.ones((4,)) * 2)
>>> mx.metal.stop_capture()
""",
    "metal.stop_capture": """
Stop the capture started by :func:`metal.start_capture` and write the trace.

Without Metal, or without a capture running, it does nothing.

Returns
-------
None

Examples
--------
>>> mx.metal.stop_capture()
""",
    "metal.device_info": """
Return facts about the Metal GPU: name, architecture, memory sizes.

Returns
-------
dict
    From str to str or int (e.g. ``"device_name"``, ``"memory_size"``,
    ``"max_recommended_working_set_size"``); an empty dict without Metal.

Examples
--------
>>> isinstance(mx.metal.device_info(), dict)
True

Notes
-----
Deprecated: use ``mx.device_info()``. The first call prints a deprecation notice to stderr,
as the reference does.
""",
    "metal.get_active_memory": """
Return the bytes of memory held by live arrays (the cache excluded).

Returns
-------
int
    The active memory in bytes.

Examples
--------
>>> a = mx.ones((1024,))
>>> mx.eval(a)
>>> mx.metal.get_active_memory() >= 4096
True

""" + _DEPRECATED.format(name="get_active_memory"),
    "metal.get_peak_memory": """
Return the largest active memory since the start or the last reset.

The peak is reset by :func:`metal.reset_peak_memory`.

Returns
-------
int
    The peak memory in bytes.

Examples
--------
>>> a = mx.ones((1024,))
>>> mx.eval(a)
>>> mx.metal.get_peak_memory() >= 4096
True

""" + _DEPRECATED.format(name="get_peak_memory"),
    "metal.reset_peak_memory": """
Reset the peak memory to the current active memory.

Returns
-------
None

Examples
--------
>>> mx.metal.reset_peak_memory()
>>> mx.metal.get_peak_memory() <= mx.metal.get_active_memory() + 4096
True

""" + _DEPRECATED.format(name="reset_peak_memory"),
    "metal.get_cache_memory": """
Return the bytes of freed memory kept in the allocator's cache for reuse.

Returns
-------
int
    The cache size in bytes.

Examples
--------
>>> mx.metal.clear_cache()
>>> mx.metal.get_cache_memory()
0

""" + _DEPRECATED.format(name="get_cache_memory"),
    "metal.clear_cache": """
Release the memory held in the allocator's cache.

Returns
-------
None

Examples
--------
>>> mx.metal.clear_cache()
>>> mx.metal.get_cache_memory()
0

""" + _DEPRECATED.format(name="clear_cache"),
    "metal.set_memory_limit": """
Set the soft limit on the memory that evaluation tries to stay under.

Parameters
----------
limit : int
    The limit in bytes.

Returns
-------
int
    The previous limit.

Raises
------
TypeError
    When ``limit`` is not a non-negative int.

Examples
--------
>>> previous = mx.metal.set_memory_limit(2**30)
>>> mx.metal.set_memory_limit(previous)
1073741824

""" + _DEPRECATED.format(name="set_memory_limit"),
    "metal.set_cache_limit": """
Set how many bytes of freed memory the allocator may keep cached; 0 disables the cache.

Parameters
----------
limit : int
    The limit in bytes.

Returns
-------
int
    The previous limit.

Raises
------
TypeError
    When ``limit`` is not a non-negative int.

Examples
--------
>>> previous = mx.metal.set_cache_limit(0)
>>> mx.metal.set_cache_limit(previous)
0

""" + _DEPRECATED.format(name="set_cache_limit"),
    "metal.set_wired_limit": """
Set how many bytes of memory the Metal GPU may keep wired (resident); 0 means none.

Has an effect only with Metal on recent macOS; elsewhere it does nothing and returns 0.

Parameters
----------
limit : int
    The limit in bytes.

Returns
-------
int
    The previous limit.

Raises
------
TypeError
    When ``limit`` is not a non-negative int.

Examples
--------
>>> previous = mx.metal.set_wired_limit(0)
>>> mx.metal.set_wired_limit(previous)
0

""" + _DEPRECATED.format(name="set_wired_limit"),
}
