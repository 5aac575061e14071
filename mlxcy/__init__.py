"""mlxcy: Cython bindings for Apple's MLX; ``import mlxcy as mx`` stands in for ``mlx.core``."""
from . import _libload

_libload.load()

from ._core import *  # noqa: E402,F401,F403
from ._core import __version__  # noqa: E402,F401
from . import _core  # noqa: E402

# `import mlxcy.core as mx` works as `import mlx.core as mx` does.
from . import core  # noqa: E402,F401

blas_info = _libload.blas_info
