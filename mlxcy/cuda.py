"""mlxcy.cuda: the CUDA backend's queries (as ``mlx.core.cuda``)."""
from ._backends import cuda_is_available as is_available

__all__ = ["is_available"]
