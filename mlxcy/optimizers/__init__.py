"""mlxcy.optimizers: optimizers and learning-rate schedules (stands in for mlx.optimizers)."""
from .optimizers import *  # noqa: F401,F403
from .schedulers import *  # noqa: F401,F403
from . import optimizers, schedulers  # noqa: F401
