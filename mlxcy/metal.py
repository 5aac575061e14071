"""mlxcy.metal: the Metal backend's queries (as ``mlx.core.metal``).

The memory functions are deprecated aliases of the core ones (``mlxcy.get_active_memory``
etc.); like the reference, each prints a deprecation notice to stderr the first time it runs.
"""
import sys as _sys

from . import _core
from ._backends import metal_is_available as is_available, start_capture, stop_capture

__all__ = ["is_available", "start_capture", "stop_capture", "device_info", "get_active_memory",
           "get_peak_memory", "reset_peak_memory", "get_cache_memory", "set_memory_limit",
           "set_cache_limit", "set_wired_limit", "clear_cache"]

_warned = set()


def _deprecated(name):
    if name not in _warned:
        _warned.add(name)
        print(f"mx.metal.{name} is deprecated and will be removed in a future version. "
              f"Use mx.{name} instead.", file=_sys.stderr)


def device_info():
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
    _deprecated("device_info")
    return _core.device_info(_core.gpu) if is_available() else {}


def get_active_memory():
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
    _deprecated("get_active_memory")
    return _core.get_active_memory()


def get_peak_memory():
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
    _deprecated("get_peak_memory")
    return _core.get_peak_memory()


def reset_peak_memory():
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
    _deprecated("reset_peak_memory")
    _core.reset_peak_memory()


def get_cache_memory():
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
    _deprecated("get_cache_memory")
    return _core.get_cache_memory()


def set_memory_limit(limit):
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
    _deprecated("set_memory_limit")
    return _core.set_memory_limit(limit)


def set_cache_limit(limit):
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
    _deprecated("set_cache_limit")
    return _core.set_cache_limit(limit)


def set_wired_limit(limit):
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
    _deprecated("set_wired_limit")
    return _core.set_wired_limit(limit)


def clear_cache():
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
    _deprecated("clear_cache")
    _core.clear_cache()
