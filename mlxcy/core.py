"""``mlxcy.core``: the same namespace as ``mlxcy`` itself, for code written as ``mlx.core``."""
import sys as _sys

import mlxcy as _mlxcy

_sys.modules[__name__] = _mlxcy
