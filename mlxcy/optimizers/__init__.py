"""mlxcy.optimizers: optimizers and learning-rate schedules (stands in for mlx.optimizers)."""
from .optimizers import *  # noqa: F401,F403
from .schedulers import *  # noqa: F401,F403
from . import optimizers, schedulers  # noqa: F401

# The reference's namespace also exposes these helpers it is written with.
from mlxcy.nn import Module  # noqa: F401,E402
from mlxcy.utils import tree_flatten, tree_map, tree_merge, tree_reduce, tree_unflatten  # noqa: F401,E402
