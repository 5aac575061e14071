# cython: language_level=3, cpp_locals=True, embedsignature=True
"""Backend queries behind ``mlxcy.metal`` and ``mlxcy.cuda``."""
from mlxcy.includes cimport backends as cb


def metal_is_available():
    """Whether the Metal backend is available."""
    return cb.metal_is_available()


def cuda_is_available():
    """Whether the CUDA backend is available."""
    return cb.cuda_is_available()


def start_capture(str path):
    """Start a Metal GPU trace capture written to ``path`` (no-op without Metal)."""
    cb.start_capture(path.encode())


def stop_capture():
    """Stop a Metal GPU trace capture started by :func:`start_capture`."""
    cb.stop_capture()
