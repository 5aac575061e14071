"""Find and load libmlx (and an optimized BLAS for it) before the extension modules import.

libmlx comes from (1) the prefix this copy was built against when that was not the backend
wheel (a conda env, a system install), else (2) the backend wheel's ``mlx/lib`` on sys.path
(mlx-cpu, mlx-cuda-12/13, mlx-metal). Loading it by absolute path here makes plain, editable
and prefix installs work alike, with no LD_LIBRARY_PATH.

On Linux the mlx-cpu wheel links netlib's reference BLAS. Unless ``MLXCY_BLAS=reference``,
the BLAS/LAPACK symbols libmlx imports are forwarded to an optimized library first:
``MLXCY_BLAS=/path/to/libopenblas.so`` (with ``MLXCY_BLAS_PREFIX`` if its symbols carry one),
else the ``scipy-openblas32`` wheel when installed (the one NumPy builds against).
It runs on one thread unless ``MLXCY_BLAS_THREADS`` (or ``OPENBLAS_NUM_THREADS``) says otherwise.
"""
import ctypes
import importlib.util
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


def _optimized_blas():
    """(library path, symbol prefix) of the BLAS to forward to, or (None, reason)."""
    choice = os.environ.get("MLXCY_BLAS", "").strip()
    if choice.lower() == "reference":
        return None, "MLXCY_BLAS=reference"
    if choice:
        if not os.path.isfile(choice):
            return None, f"MLXCY_BLAS={choice!r} is not a file"
        return (choice, os.environ.get("MLXCY_BLAS_PREFIX", "")), ""
    spec = importlib.util.find_spec("scipy_openblas32")
    if spec is None or not spec.submodule_search_locations:
        return None, "scipy-openblas32 is not installed (pip install scipy-openblas32)"
    for loc in spec.submodule_search_locations:
        cand = os.path.join(loc, "lib", "libscipy_openblas.so")
        if os.path.isfile(cand):
            return (cand, "scipy_"), ""
    return None, "scipy-openblas32 has no lib/libscipy_openblas.so"


def _install_blas_forwarding():
    if not sys.platform.startswith("linux"):
        _state["blas_reason"] = "not Linux: the backend's own BLAS is used"
        return
    spec = importlib.util.find_spec("mlxcy._blas_forward")
    if spec is None or spec.origin is None:
        _state["blas_reason"] = "this build has no _blas_forward module"
        return
    target, reason = _optimized_blas()
    if target is None:
        _state["blas_reason"] = reason
        return
    library, prefix = target
    forward = ctypes.CDLL(spec.origin, mode=os.RTLD_LOCAL)
    forward.mlxcy_blas_bind.argtypes = [ctypes.c_char_p, ctypes.c_char_p]
    missing = forward.mlxcy_blas_bind(os.fsencode(library), prefix.encode())
    if missing:
        _state["blas_reason"] = f"{library} lacks {missing} of the symbols libmlx needs"
        return
    # Promote the already-bound forwarder into the global symbol scope, ahead of libmlx.
    ctypes.CDLL(spec.origin, mode=os.RTLD_GLOBAL | os.RTLD_NOLOAD)
    _state.update(blas="optimized", blas_library=library, blas_reason="",
                  blas_threads=_set_blas_threads(library, prefix))


def _set_blas_threads(library, prefix):
    """Threads for the optimized BLAS: MLXCY_BLAS_THREADS, else OPENBLAS_NUM_THREADS as OpenBLAS
    read it, else 1. MLX already runs its CPU work on its own thread, and measured here a
    multi-threaded OpenBLAS made small matmuls (a 64x512 MLP step) 10x slower than one thread
    on a 2-core machine while winning little on large ones."""
    try:
        lib = ctypes.CDLL(library, mode=os.RTLD_LOCAL)
        setter = getattr(lib, prefix + "openblas_set_num_threads")
        getter = getattr(lib, prefix + "openblas_get_num_threads")
    except (OSError, AttributeError):
        return None
    wanted = os.environ.get("MLXCY_BLAS_THREADS", "").strip()
    if wanted.isdigit() and int(wanted) > 0:
        setter(ctypes.c_int(int(wanted)))
    elif "OPENBLAS_NUM_THREADS" not in os.environ:
        setter(ctypes.c_int(1))
    return int(getter())


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
    ctypes.CDLL(path, mode=os.RTLD_GLOBAL)
    _state["libmlx"] = path


def blas_info():
    """Which BLAS libmlx uses: {'blas': 'optimized'|'reference', 'library': path, 'threads': n,
    'reason': why not optimized, 'libmlx': path}."""
    return {"blas": _state["blas"], "library": _state["blas_library"], "threads": _state["blas_threads"],
            "reason": _state["blas_reason"], "libmlx": _state["libmlx"]}
