"""mlxcy.nn: neural-network layers, losses, initialisers and training helpers (as ``mlx.nn``).

Layers are :class:`Module` sub-classes; activation functions, :func:`value_and_grad`,
:func:`quantize` and :func:`average_gradients` are plain functions; ``nn.losses`` and
``nn.init`` hold the loss functions and the initialisers.

Examples
--------
>>> model = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 1))
>>> model(mx.zeros((2, 4))).shape
(2, 1)
"""
from mlxcy.nn import init, losses  # noqa: F401
from mlxcy.nn.layers import *  # noqa: F401,F403
from mlxcy.nn.layers import (  # noqa: F401
    activations, base, containers, convolution, convolution_transpose, dropout, embedding, linear,
    normalization, pooling, positional_encoding, quantized, recurrent, transformer, upsample, distributed,
)
from mlxcy.nn.utils import average_gradients, value_and_grad  # noqa: F401
from mlxcy.nn import layers, utils  # noqa: F401
