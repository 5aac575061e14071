# cython: language_level=3, cpp_locals=True
"""Backend queries behind ``mlxcy.metal`` and ``mlxcy.cuda``."""
from mlxcy.includes cimport backends as cb


def metal_is_available():
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
    return cb.metal_is_available()


def cuda_is_available():
    """Tell whether the CUDA backend (an NVIDIA GPU) is available.

    Returns
    -------
    bool
        True when libmlx was built with CUDA and a GPU is present.

    Examples
    --------
    >>> isinstance(mx.cuda.is_available(), bool)
    True
    """
    return cb.cuda_is_available()


def start_capture(str path):
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
    cb.start_capture(path.encode())


def stop_capture():
    """Stop the capture started by :func:`metal.start_capture` and write the trace.

    Without Metal, or without a capture running, it does nothing.

    Returns
    -------
    None

    Examples
    --------
    >>> mx.metal.stop_capture()
    """
    cb.stop_capture()
