"""Type stub of mlxcy.cuda: written by tools/gen_stubs.py (runtime parameters, reference types)."""
import enum
import pathlib
import types
from typing import Any, Callable, Iterator, Literal, Optional, Sequence, Union, final
from typing_extensions import disjoint_base
from mlxcy import array, Dtype, Device, DeviceType, Stream, ThreadLocalStream, ArrayLike

_Scalar = Union[bool, int, float, complex]
_StreamOrDevice = Union[None, Stream, ThreadLocalStream, Device, DeviceType]

def is_available() -> bool:
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


