"""``python -m mlxcy``: print what this mlxcy runs on, for bug reports and first checks.

mlxcy's and MLX's versions and where they were loaded from, the backend and its devices, the
BLAS libmlx calls, memory limits, and the array libraries mlxcy exchanges data with (NumPy
through the buffer protocol and DLPack, PyTorch, CuPy and JAX through DLPack). Peers are looked
up in the installed distributions' metadata, not imported: the report stays fast and never
initialises another framework's GPU runtime.
"""
import importlib.metadata
import os
import platform
import sys

import mlxcy as mx
from mlxcy import _build_info, _libload

# Array libraries mlxcy exchanges arrays with, by distribution name(s) (the first one found wins).
PEERS = {
    "numpy": ("numpy",),
    "torch": ("torch",),
    "cupy": ("cupy", "cupy-cuda13x", "cupy-cuda12x", "cupy-cuda11x"),
    "jax": ("jax",),
    "ml_dtypes": ("ml_dtypes",),
}


def _distribution_version(names):
    for name in names:
        try:
            return importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            continue
    return None


def _bytes(n):
    """``n`` bytes in GiB/MiB, or a plain count below 1 MiB."""
    for unit, size in (("GiB", 1 << 30), ("MiB", 1 << 20)):
        if n >= size:
            return f"{n / size:.2f} {unit} ({n:,} bytes)"
    return f"{n:,} bytes"


def _system_memory():
    try:
        return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (ValueError, OSError, AttributeError):
        return None


def _cache_limit():
    """libmlx has no getter for the cache limit: setting one returns the previous value, which is
    set back at once."""
    previous = mx.set_cache_limit(0)
    mx.set_cache_limit(previous)
    return previous


def _devices():
    rows = []
    for kind in (mx.cpu, mx.gpu):
        name = "cpu" if kind == mx.cpu else "gpu"
        if not mx.is_available(kind):
            rows.append((name, "not available in this build"))
            continue
        for index in range(mx.device_count(kind)):
            info = mx.device_info(mx.Device(kind, index))
            details = ", ".join(f"{k}={_bytes(v) if 'memory' in k and isinstance(v, int) else v}"
                                for k, v in sorted(info.items()))
            rows.append((f"{name}:{index}", details))
    return rows


def report():
    """The environment report as (section, [(key, value), ...]) pairs, in print order."""
    libmlx = _libload.find_libmlx()
    backends = _libload.installed_backends(os.path.dirname(os.path.dirname(os.path.dirname(libmlx)))) \
        if libmlx else []
    build_source = "backend wheel" if _build_info.MLX_FROM_WHEEL else "prefix"
    sections = [
        ("mlxcy", [
            ("version", mx.__mlxcy_version__),
            ("location", os.path.dirname(os.path.abspath(mx.__file__))),
            ("built against", f"MLX {_build_info.MLX_VERSION} from {build_source} {_build_info.MLX_PREFIX}"),
        ]),
        ("MLX", [
            ("version", mx.__version__),
            ("libmlx", libmlx),
            ("backend wheel", ", ".join(backends) if backends else "none (a prefix install)"),
        ]),
        ("platform", [
            ("python", f"{platform.python_version()} ({sys.executable})"),
            ("system", f"{platform.system()} {platform.release()} {platform.machine()}"),
            ("cpu cores", os.cpu_count()),
        ]),
        ("devices", [("default", mx.default_device())] + _devices()),
    ]
    blas = mx.blas_info()
    blas_rows = [("in use", blas["blas"]), ("library", blas["library"] or "the one libmlx links")]
    if blas["threads"] is not None:
        blas_rows.append(("threads", blas["threads"]))
    if blas["reason"]:
        blas_rows.append(("why not optimized", blas["reason"]))
    sections.append(("BLAS/LAPACK", blas_rows))
    system_memory = _system_memory()
    sections.append(("memory", [
        ("memory limit", _bytes(mx.get_memory_limit())),
        ("cache limit", _bytes(_cache_limit())),
        ("active", _bytes(mx.get_active_memory())),
        ("peak", _bytes(mx.get_peak_memory())),
        ("system", _bytes(system_memory) if system_memory else "unknown"),
    ]))
    sections.append(("array libraries (NumPy buffers, DLPack)", [
        (peer, _distribution_version(names) or "not installed") for peer, names in PEERS.items()
    ]))
    return sections


def main():
    sections = report()
    width = max(len(key) for _, rows in sections for key, _ in rows)
    for title, rows in sections:
        print(title)
        for key, value in rows:
            print(f"  {key:<{width}}  {value}")


if __name__ == "__main__":
    main()
