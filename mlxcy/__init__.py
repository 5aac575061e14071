"""mlxcy: Cython bindings for Apple's MLX; ``import mlxcy as mx`` stands in for ``mlx.core``."""
def _refuse_source_tree():
    """Raise a clear ImportError when Python found this source folder instead of an installed
    mlxcy: the folder has no compiled modules (and no ``_build_info``), and without this check
    the first failing import reads as a "circular import"."""
    import importlib.util   # only on this failure path: it costs `import mlxcy` ~6 ms
    import os
    here = os.path.dirname(os.path.abspath(__file__))
    if importlib.util.find_spec(__name__ + "._build_info") is not None:
        return
    if not os.path.isfile(os.path.join(here, "meson.build")):
        return   # not a source tree: let the real import error speak
    raise ImportError(
        f"you are importing mlxcy from its source tree ({here}), which holds no compiled "
        "modules: Python looks in the current directory first, so this folder hides the installed "
        f"mlxcy. Run Python from any directory other than {os.path.dirname(here)}, or make the "
        "source tree importable with an editable install (docs/DEVELOPING.md), from that "
        "directory: pip install meson-python meson ninja cython mlx-cpu==0.32.4 scipy-openblas32, "
        "then pip install --no-build-isolation -e . -Cbuild-dir=build/dev")


try:
    from . import _build_info  # noqa: E402,F401  (absent from a source tree)
except ImportError:
    _build_info = None
if _build_info is None:   # outside the except: the source tree's error reads on its own
    _refuse_source_tree()
    from . import _build_info  # noqa: E402,F401  (not a source tree: the real import error)
del _refuse_source_tree

from . import _libload  # noqa: E402

_libload.load()

# The core namespace, one extension module per area (see docs/DESIGN.md).
from ._core import *  # noqa: E402,F401,F403
from ._core import __version__  # noqa: E402,F401  (MLX's version, as mlx.core.__version__)
from ._build_info import MLXCY_VERSION as __mlxcy_version__  # noqa: E402,F401  (mlxcy's own)
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
