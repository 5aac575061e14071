"""mlxcy.nn: neural-network layers, losses, initialisers and training helpers (as ``mlx.nn``)."""
from mlxcy.nn import init, losses  # noqa: F401
from mlxcy.nn.layers import *  # noqa: F401,F403
from mlxcy.nn.layers import (  # noqa: F401
    activations, base, containers, convolution, convolution_transpose, dropout, embedding, linear,
    normalization, pooling, positional_encoding, quantized, recurrent, transformer, upsample, distributed,
)
from mlxcy.nn.utils import average_gradients, value_and_grad  # noqa: F401
from mlxcy.nn import layers, utils  # noqa: F401
