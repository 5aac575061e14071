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
    """Facts about the Metal GPU (an empty dict without Metal). Deprecated: use
    ``mlxcy.device_info``."""
    _deprecated("device_info")
    return _core.device_info(_core.gpu) if is_available() else {}


def get_active_memory():
    """Deprecated alias of ``mlxcy.get_active_memory``."""
    _deprecated("get_active_memory")
    return _core.get_active_memory()


def get_peak_memory():
    """Deprecated alias of ``mlxcy.get_peak_memory``."""
    _deprecated("get_peak_memory")
    return _core.get_peak_memory()


def reset_peak_memory():
    """Deprecated alias of ``mlxcy.reset_peak_memory``."""
    _deprecated("reset_peak_memory")
    _core.reset_peak_memory()


def get_cache_memory():
    """Deprecated alias of ``mlxcy.get_cache_memory``."""
    _deprecated("get_cache_memory")
    return _core.get_cache_memory()


def set_memory_limit(limit):
    """Deprecated alias of ``mlxcy.set_memory_limit``; returns the previous limit."""
    _deprecated("set_memory_limit")
    return _core.set_memory_limit(limit)


def set_cache_limit(limit):
    """Deprecated alias of ``mlxcy.set_cache_limit``; returns the previous limit."""
    _deprecated("set_cache_limit")
    return _core.set_cache_limit(limit)


def set_wired_limit(limit):
    """Deprecated alias of ``mlxcy.set_wired_limit``; returns the previous limit."""
    _deprecated("set_wired_limit")
    return _core.set_wired_limit(limit)


def clear_cache():
    """Deprecated alias of ``mlxcy.clear_cache``."""
    _deprecated("clear_cache")
    _core.clear_cache()
