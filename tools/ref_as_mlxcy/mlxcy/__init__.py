# Test shim: the reference binding under mlxcy's name, to run mlxcy's tests against it.
from mlx.core import *  # noqa
from mlx.core import cuda, metal, linalg, fft, random, fast, distributed  # noqa
import mlx.core as _c
__version__ = _c.__version__
