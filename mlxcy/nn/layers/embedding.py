"""Embedding layer.

Examples
--------
>>> nn.embedding.Embedding is nn.Embedding
True
"""
import math
from typing import Optional

import mlxcy as mx
from mlxcy.nn.layers.base import Module


class Embedding(Module):
    """A lookup table of ``num_embeddings`` learned vectors of size ``dims``.

    Calling the layer on an integer array of indices returns the rows of ``weight`` (shape
    ``(num_embeddings, dims)``) they select: the output has the indices' shape plus ``dims``. The
    table starts normal with standard deviation ``1 / sqrt(dims)``.

    Parameters
    ----------
    num_embeddings : int
        How many vectors (the range of valid indices).
    dims : int
        The size of each vector.

    Examples
    --------
    >>> table = nn.Embedding(10, 4)
    >>> table
    Embedding(10, 4)
    >>> table(mx.array([[1, 2, 3]])).shape
    (1, 3, 4)
    >>> table.weight = mx.arange(8.0).reshape(2, 4)
    >>> table(mx.array([1]))
    array([[4, 5, 6, 7]], dtype=float32)
    """

    def __init__(self, num_embeddings: int, dims: int):
        super().__init__()
        self.weight = mx.random.normal(shape=(num_embeddings, dims), scale=math.sqrt(1.0 / dims))

    def _extra_repr(self):
        return f"{self.weight.shape[0]}, {self.weight.shape[1]}"

    def __call__(self, x):
        return self.weight[x]

    def as_linear(self, x):
        """Uses the table as a linear map from ``dims`` to ``num_embeddings``: ``x @ weight.T``.

        Handy for output layers tied to the input embedding.

        Parameters
        ----------
        x : array
            Input of shape ``(..., dims)``.

        Returns
        -------
        array
            Shape ``(..., num_embeddings)``.

        Examples
        --------
        >>> table = nn.Embedding(2, 3)
        >>> table.weight = mx.array([[1.0, 0.0, 0.0], [1.0, 1.0, 1.0]])
        >>> table.as_linear(mx.array([2.0, 3.0, 4.0]))
        array([2, 9], dtype=float32)
        """
        return x @ self.weight.T

    def to_quantized(self, group_size: Optional[int] = None, bits: Optional[int] = None, mode: str = "affine",
                     quantize_input: bool = False):
        """The :class:`QuantizedEmbedding` counterpart of this layer (used by :func:`quantize`).

        Parameters
        ----------
        group_size : int, optional
            Elements sharing one scale. Default: ``None``, the mode's default (64 for ``'affine'``).
        bits : int, optional
            Bits per weight. Default: ``None``, the mode's default (4 for ``'affine'``).
        mode : str, optional
            The quantization mode of ``mx.quantize``. Default: ``'affine'``.
        quantize_input : bool, optional
            Must be ``False``: an embedding's input is indices. Default: ``False``.

        Returns
        -------
        QuantizedEmbedding
            A new layer holding this layer's table quantized.

        Raises
        ------
        ValueError
            With ``quantize_input=True``, an unknown ``mode``, or a ``group_size`` or ``bits`` that is not
            positive.

        Examples
        --------
        >>> nn.Embedding(16, 64).to_quantized(bits=8)
        QuantizedEmbedding(16, 64, group_size=64, bits=8, mode=affine)
        """
        from mlxcy.nn.layers.quantized import QuantizedEmbedding

        if quantize_input:
            raise ValueError("Quantized input is not supported.")
        return QuantizedEmbedding.from_embedding(self, group_size, bits, mode)
