"""mlxcy: Cython bindings for Apple's MLX; ``import mlxcy as mx`` stands in for ``mlx.core``."""
from . import _libload

_libload.load()

# The core namespace, one extension module per area (see docs/DESIGN.md).
from ._core import *  # noqa: E402,F401,F403
from ._core import __version__  # noqa: E402,F401
from ._ops_shape import *  # noqa: E402,F401,F403
from ._ops_math import *  # noqa: E402,F401,F403
from ._ops_reduce import *  # noqa: E402,F401,F403
from ._ops_products import *  # noqa: E402,F401,F403
from ._transforms import *  # noqa: E402,F401,F403
from ._io import *  # noqa: E402,F401,F403

# Sub-namespaces, as mlx.core.linalg etc.
from . import linalg, fft, random, fast, distributed, metal, cuda  # noqa: E402,F401
from .linalg import norm as matrix_norm  # noqa: E402,F401  (mlx.core.matrix_norm is linalg.norm)

# `import mlxcy.core as mx` works as `import mlx.core as mx` does.
from . import core  # noqa: E402,F401

blas_info = _libload.blas_info


def _present_classes_here():
    """Public classes defined in Python inside the extension modules report `mlxcy` as their
    module, as the reference's report `mlx.core` (compiled extension types keep their own)."""
    for name, value in list(globals().items()):
        if isinstance(value, type) and not name.startswith("_") and value.__module__.startswith("mlxcy._"):
            try:
                value.__module__ = __name__
            except (TypeError, AttributeError):
                pass


_present_classes_here()
del _present_classes_here
