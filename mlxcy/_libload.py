"""Find and load libmlx (and an optimized BLAS for it) before the extension modules import.

libmlx comes from (1) the prefix this copy was built against when that was not the backend
wheel (a conda env, a system install), else (2) the backend wheel's ``mlx/lib`` on sys.path
(mlx-cpu, mlx-cuda-12/13, mlx-metal). Loading it by absolute path here makes plain, editable
and prefix installs work alike, with no LD_LIBRARY_PATH.

On Linux the mlx-cpu wheel links netlib's reference BLAS. Unless ``MLXCY_BLAS=reference``,
the BLAS/LAPACK symbols libmlx imports are forwarded to an optimized library:
``MLXCY_BLAS=/path/to/libopenblas.so`` (with ``MLXCY_BLAS_PREFIX`` if its symbols carry one),
else the ``scipy-openblas32`` wheel when installed (the one NumPy builds against). On x86_64 the
library is loaded on the first BLAS call, not at import (it costs ~40 ms); mlxcy.blas_info()
loads it to report. Threads: ``MLXCY_BLAS_THREADS=N`` uses N for every product; else, unless
``OPENBLAS_NUM_THREADS`` is set (then OpenBLAS's own choice holds), a product uses one thread per
``BLAS_GRAIN`` multiply-adds, up to the cores this process may run on.
"""
import os
import sys

from . import _build_info

_state = {"libmlx": None, "blas": "reference", "blas_library": None, "blas_reason": "", "blas_threads": None}


def _libmlx_name():
    return "libmlx.dylib" if sys.platform == "darwin" else "libmlx.so"


def find_libmlx():
    """The absolute path of the libmlx this mlxcy uses, or None."""
    name = _libmlx_name()
    if not _build_info.MLX_FROM_WHEEL:
        cand = os.path.join(_build_info.MLX_PREFIX, "lib", name)
        if os.path.isfile(cand):
            return cand
    for entry in sys.path:
        cand = os.path.join(entry or os.getcwd(), "mlx", "lib", name)
        if os.path.isfile(cand):
            return os.path.abspath(cand)
    if _build_info.MLX_FROM_WHEEL:
        cand = os.path.join(_build_info.MLX_PREFIX, "lib", name)
        if os.path.isfile(cand):
            return cand
    return None


# The backend wheels all install mlx/lib/libmlx.so: with two of them the last one installed
# silently wins, half-overwriting the other.
_BACKEND_DISTRIBUTIONS = {"mlx_cpu": "mlx-cpu", "mlx_cuda_12": "mlx-cuda-12", "mlx_cuda_13": "mlx-cuda-13",
                          "mlx_metal": "mlx-metal"}


def installed_backends(site_dir):
    """The MLX backend wheels installed in `site_dir` (a site-packages folder), by name."""
    try:
        entries = os.listdir(site_dir)
    except OSError:
        return []
    found = set()
    for entry in entries:
        if entry.endswith(".dist-info"):
            project = entry[:-len(".dist-info")].rsplit("-", 1)[0].lower().replace("-", "_")
            if project in _BACKEND_DISTRIBUTIONS:
                found.add(_BACKEND_DISTRIBUTIONS[project])
    return sorted(found)


def check_single_backend(libmlx_path):
    """Raise ImportError when the site-packages holding `libmlx_path` has several backend wheels."""
    lib_dir = os.path.dirname(libmlx_path)
    if os.path.basename(lib_dir) != "lib" or os.path.basename(os.path.dirname(lib_dir)) != "mlx":
        return   # a prefix install (conda, system), not a wheel
    site_dir = os.path.dirname(os.path.dirname(lib_dir))
    backends = installed_backends(site_dir)
    if len(backends) > 1:
        raise ImportError(
            f"Several MLX backends are installed in {site_dir}: {', '.join(backends)}. They share "
            "mlx/lib/libmlx.so, so only one may be installed: uninstall all of them, then install "
            "the one you want: pip install mlx-cpu==0.32.4, mlx-cuda-12==0.32.4 or mlx-cuda-13==0.32.4.")


def _scipy_openblas():
    """The scipy-openblas32 wheel's library on sys.path, or None (a path search: importing
    importlib.util to ask would cost more than the rest of this module)."""
    for entry in sys.path:
        cand = os.path.join(entry or os.getcwd(), "scipy_openblas32", "lib", "libscipy_openblas.so")
        if os.path.isfile(cand):
            return os.path.abspath(cand)
    return None


def _optimized_blas():
    """(library path, symbol prefix) of the BLAS to forward to, or (None, reason)."""
    choice = os.environ.get("MLXCY_BLAS", "").strip()
    if choice.lower() == "reference":
        return None, "MLXCY_BLAS=reference"
    if choice:
        if not os.path.isfile(choice):
            return None, f"MLXCY_BLAS={choice!r} is not a file"
        return (choice, os.environ.get("MLXCY_BLAS_PREFIX", "")), ""
    library = _scipy_openblas()
    if library is None:
        return None, "scipy-openblas32 is not installed (pip install scipy-openblas32)"
    return (library, "scipy_"), ""


# Multiply-adds per OpenBLAS thread by default: a product of m*n*k uses m*n*k / BLAS_GRAIN threads
# (at least 1, at most the cores). Measured in bench/RESULTS.md ("BLAS threads").
BLAS_GRAIN = 1 << 24


def _blas_thread_policy():
    """(max threads, multiply-adds per thread) for the forwarder; max 0 leaves OpenBLAS's own count."""
    wanted = os.environ.get("MLXCY_BLAS_THREADS", "").strip()
    if wanted.isdigit() and int(wanted) > 0:
        return int(wanted), 0.0
    if "OPENBLAS_NUM_THREADS" in os.environ:
        return 0, 0.0
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cores = os.cpu_count()
    return (cores if cores is not None else 1), float(BLAS_GRAIN)


def _forwarder():
    """The _blas_forward module, or None where this build has none (not Linux x86_64/aarch64)."""
    try:
        from . import _blas_forward
    except ImportError:
        return None
    return _blas_forward


def _install_blas_forwarding():
    if not sys.platform.startswith("linux"):
        _state["blas_reason"] = "not Linux: the backend's own BLAS is used"
        return
    target, reason = _optimized_blas()
    if target is None:
        _state["blas_reason"] = reason
        return
    forward = _forwarder()
    if forward is None:
        _state["blas_reason"] = "this build has no _blas_forward module"
        return
    library, prefix = target
    threads, grain = _blas_thread_policy()
    forward.configure(library, prefix, threads, grain)
    if not forward.lazy_supported() and not forward.bind_now():
        # Bound at import (no lazy stubs on this CPU): forward nothing unless it worked.
        _state["blas_reason"] = forward.fallback_reason()
        return
    forward.make_global()       # ahead of libmlx, which loads next
    _state.update(forwarder=forward, blas="optimized", blas_library=library, blas_reason="",
                  blas_threads=threads or None)


def _load_global(path):
    """dlopen `path` RTLD_GLOBAL, through _blas_forward where built (ctypes costs ~6 ms to import)."""
    forward = _forwarder()
    if forward is not None:
        forward.load_global(path)
        return
    import ctypes
    ctypes.CDLL(path, mode=os.RTLD_GLOBAL)


def load():
    """Load libmlx (once), after arranging BLAS forwarding. Raises ImportError if not found."""
    if _state["libmlx"] is not None:
        return
    path = find_libmlx()
    if path is None:
        raise ImportError(
            "mlxcy could not find libmlx. Install one MLX backend wheel: pip install mlx-cpu==0.32.4 "
            "scipy-openblas32 (Linux CPU), mlx-cuda-13==0.32.4 or mlx-cuda-12==0.32.4 (Linux CUDA), "
            "mlx-metal==0.32.4 (macOS); or reinstall mlxcy from its source tree with the extra "
            "that brings it (pip install '.[cpu]', '.[cuda13]', '.[cuda12]'); or rebuild mlxcy "
            "against a prefix holding lib/libmlx (pip install --no-build-isolation . "
            "-Csetup-args=-Dmlx_prefix=<prefix>, docs/conda.md).")
    check_single_backend(path)
    _install_blas_forwarding()
    _load_global(path)
    _state["libmlx"] = path


def blas_info():
    """Which BLAS/LAPACK library libmlx's CPU products and factorizations run on (mlxcy only).

    mlxcy forwards libmlx's BLAS calls to an optimized library (scipy-openblas) when one is
    installed, else to the reference BLAS libmlx ships with. Asking loads the optimized library
    if no BLAS call has yet.

    Returns
    -------
    dict
        ``"blas"``: ``"optimized"`` or ``"reference"``; ``"library"``: the path of the optimized
        library (None for the reference); ``"threads"``: the most threads one product uses (None
        for the reference); ``"reason"``: why the reference is used ('' otherwise);
        ``"libmlx"``: the path of the libmlx in use.

    Examples
    --------
    >>> info = mx.blas_info()
    >>> info["blas"] in ("optimized", "reference")
    True
    >>> sorted(info)
    ['blas', 'libmlx', 'library', 'reason', 'threads']

    Notes
    -----
    Not in MLX's own binding. ``MLXCY_BLAS=reference`` selects the reference BLAS and
    ``MLXCY_BLAS_THREADS`` the thread count (see docs/DESIGN.md).
    """
    forward = _state.get("forwarder")
    if _state["blas"] == "optimized" and forward is not None and not _state.get("blas_checked"):
        if not forward.bind_now():
            _state.update(blas="reference", blas_library=None, blas_threads=None,
                          blas_reason=forward.fallback_reason())
        else:
            _state["blas_threads"] = forward.max_threads() or forward.threads() or None
        _state["blas_checked"] = True
    return {"blas": _state["blas"], "library": _state["blas_library"], "threads": _state["blas_threads"],
            "reason": _state["blas_reason"], "libmlx": _state["libmlx"]}
