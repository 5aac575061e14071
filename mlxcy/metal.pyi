"""Type stub of mlxcy.metal: written by tools/gen_stubs.py (runtime parameters, reference types)."""
import enum
import pathlib
import types
from typing import Any, Callable, Iterator, Literal, Optional, Sequence, Union, final
from typing_extensions import disjoint_base
from mlxcy import array, Dtype, Device, DeviceType, Stream, ThreadLocalStream, ArrayLike

_Scalar = Union[bool, int, float, complex]
_StreamOrDevice = Union[None, Stream, ThreadLocalStream, Device, DeviceType]

def clear_cache() -> None:
    """Release the memory held in the allocator's cache.

    Returns
    -------
    None

    Examples
    --------
    >>> mx.metal.clear_cache()
    >>> mx.metal.get_cache_memory()
    0

    Notes
    -----
    Deprecated: use ``mx.clear_cache``, which this calls.
    The first call prints a deprecation notice to stderr, as the reference does.
    """

def device_info() -> dict[str, str | int]:
    """Return facts about the Metal GPU: name, architecture, memory sizes.

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
    """

def get_active_memory() -> int:
    """Return the bytes of memory held by live arrays (the cache excluded).

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

    Notes
    -----
    Deprecated: use ``mx.get_active_memory``, which this calls.
    The first call prints a deprecation notice to stderr, as the reference does.
    """

def get_cache_memory() -> int:
    """Return the bytes of freed memory kept in the allocator's cache for reuse.

    Returns
    -------
    int
        The cache size in bytes.

    Examples
    --------
    >>> mx.metal.clear_cache()
    >>> mx.metal.get_cache_memory()
    0

    Notes
    -----
    Deprecated: use ``mx.get_cache_memory``, which this calls.
    The first call prints a deprecation notice to stderr, as the reference does.
    """

def get_peak_memory() -> int:
    """Return the largest active memory since the start or the last reset.

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

    Notes
    -----
    Deprecated: use ``mx.get_peak_memory``, which this calls.
    The first call prints a deprecation notice to stderr, as the reference does.
    """

def is_available() -> bool:
    """Tell whether the Metal backend (an Apple GPU) is available.

    Returns
    -------
    bool
        True on a Mac with a Metal GPU and a Metal build of libmlx.

    Examples
    --------
    >>> isinstance(mx.metal.is_available(), bool)
    True
    """

def reset_peak_memory() -> None:
    """Reset the peak memory to the current active memory.

    Returns
    -------
    None

    Examples
    --------
    >>> mx.metal.reset_peak_memory()
    >>> mx.metal.get_peak_memory() <= mx.metal.get_active_memory() + 4096
    True

    Notes
    -----
    Deprecated: use ``mx.reset_peak_memory``, which this calls.
    The first call prints a deprecation notice to stderr, as the reference does.
    """

def set_cache_limit(limit: int) -> int:
    """Set how many bytes of freed memory the allocator may keep cached; 0 disables the cache.

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

    Notes
    -----
    Deprecated: use ``mx.set_cache_limit``, which this calls.
    The first call prints a deprecation notice to stderr, as the reference does.
    """

def set_memory_limit(limit: int) -> int:
    """Set the soft limit on the memory that evaluation tries to stay under.

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

    Notes
    -----
    Deprecated: use ``mx.set_memory_limit``, which this calls.
    The first call prints a deprecation notice to stderr, as the reference does.
    """

def set_wired_limit(limit: int) -> int:
    """Set how many bytes of memory the Metal GPU may keep wired (resident); 0 means none.

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

    Notes
    -----
    Deprecated: use ``mx.set_wired_limit``, which this calls.
    The first call prints a deprecation notice to stderr, as the reference does.
    """

def start_capture(path: str) -> None:
    """Start capturing Metal GPU work into a trace file, for Xcode's GPU debugger.

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
    """

def stop_capture() -> None:
    """Stop the capture started by :func:`metal.start_capture` and write the trace.

    Without Metal, or without a capture running, it does nothing.

    Returns
    -------
    None

    Examples
    --------
    >>> mx.metal.stop_capture()
    """


