"""Identity, Linear and Bilinear layers.

Examples
--------
>>> nn.linear.Linear is nn.Linear
True
"""
import math
from typing import Any, Optional

import mlxcy as mx
from mlxcy.nn.layers.base import Module


class Identity(Module):
    """A layer that returns its input unchanged.

    Useful as a placeholder where a layer is optional. Has no parameters.

    Parameters
    ----------
    *args : Any
        Accepted and ignored.
    **kwargs : Any
        Accepted and ignored.

    Examples
    --------
    >>> nn.Identity(16, bias=False)(mx.array([1, 2]))
    array([1, 2], dtype=int32)
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__()

    def __call__(self, x: mx.array) -> mx.array:
        return x


class Linear(Module):
    """Affine map ``y = x @ weight.T + bias`` over the last axis of the input.

    ``weight`` has shape ``(output_dims, input_dims)`` and ``bias`` shape ``(output_dims,)``; both
    start uniform in ``[-k, k]`` with ``k = 1 / sqrt(input_dims)`` (drawn from the global
    ``mx.random`` state). Calling the layer on ``(..., input_dims)`` gives ``(..., output_dims)``.

    Parameters
    ----------
    input_dims : int
        The size of the input's last axis.
    output_dims : int
        The size of the output's last axis.
    bias : bool, optional
        Whether to add a learned bias. Default: ``True``.

    Examples
    --------
    >>> layer = nn.Linear(3, 2)
    >>> layer
    Linear(input_dims=3, output_dims=2, bias=True)
    >>> layer.weight = mx.ones((2, 3))
    >>> layer.bias = mx.array([0.5, -1.0])
    >>> layer(mx.array([1.0, 2.0, 3.0]))
    array([6.5, 5], dtype=float32)
    """

    def __init__(self, input_dims: int, output_dims: int, bias: bool = True) -> None:
        super().__init__()
        bound = math.sqrt(1.0 / input_dims)
        self.weight = mx.random.uniform(low=-bound, high=bound, shape=(output_dims, input_dims))
        if bias:
            self.bias = mx.random.uniform(low=-bound, high=bound, shape=(output_dims,))

    def _extra_repr(self) -> str:
        out, inp = self.weight.shape
        return f"input_dims={inp}, output_dims={out}, bias={'bias' in self}"

    def __call__(self, x: mx.array) -> mx.array:
        if "bias" in self:
            return mx.addmm(self["bias"], x, self["weight"].T)
        return x @ self["weight"].T

    def to_quantized(self, group_size: Optional[int] = None, bits: Optional[int] = None, mode: str = "affine",
                     quantize_input: bool = False):
        """The quantized counterpart of this layer (used by :func:`quantize`).

        Parameters
        ----------
        group_size : int, optional
            Elements sharing one scale. Default: ``None``, the mode's default (64 for ``'affine'``).
        bits : int, optional
            Bits per weight. Default: ``None``, the mode's default (4 for ``'affine'``).
        mode : str, optional
            The quantization mode of ``mx.quantize``. Default: ``'affine'``.
        quantize_input : bool, optional
            Also quantize the input at each call: a :class:`QQLinear`, for bias-free layers and
            the modes ``'nvfp4'`` and ``'mxfp8'``. Default: ``False``.

        Returns
        -------
        QuantizedLinear or QQLinear
            A new layer with this layer's weight quantized (and its bias, shared).

        Raises
        ------
        ValueError
            For an unknown ``mode``, or a ``group_size`` or ``bits`` that is not positive; with
            ``quantize_input``, for a mode other than ``'nvfp4'`` and ``'mxfp8'``.
        NotImplementedError
            With ``quantize_input`` when the layer has a bias.

        Examples
        --------
        >>> nn.Linear(64, 8).to_quantized(bits=8)
        QuantizedLinear(input_dims=64, output_dims=8, bias=True, group_size=64, bits=8, mode=affine)
        """
        from mlxcy.nn.layers.quantized import _INPUT_QUANTIZATION_MODES, QQLinear, QuantizedLinear

        if quantize_input:
            # checked before the bias, as the reference does
            if mode not in _INPUT_QUANTIZATION_MODES:
                raise ValueError("Quantized activations are only supported for 'nvfp4' and 'mxfp8' modes, "
                                 f"got {mode}.")
            return QQLinear.from_linear(self, group_size, bits, mode)
        return QuantizedLinear.from_linear(self, group_size, bits, mode)


class Bilinear(Module):
    """Bilinear map of two inputs: ``y[o] = sum_ij x1[i] * weight[o, j, i] * x2[j] + bias[o]``.

    ``weight`` has shape ``(output_dims, input2_dims, input1_dims)`` and ``bias`` shape
    ``(output_dims,)``; both start uniform in ``[-k, k]`` with ``k = 1 / sqrt(input1_dims)``.
    Calling the layer on ``x1`` of shape ``(..., input1_dims)`` and ``x2`` of shape
    ``(..., input2_dims)`` gives ``(..., output_dims)``.

    Parameters
    ----------
    input1_dims : int
        The size of the first input's last axis.
    input2_dims : int
        The size of the second input's last axis.
    output_dims : int
        The size of the output's last axis.
    bias : bool, optional
        Whether to add a learned bias. Default: ``True``.

    Examples
    --------
    >>> layer = nn.Bilinear(2, 3, 1, bias=False)
    >>> layer.weight.shape
    (1, 3, 2)
    >>> layer.weight = mx.ones((1, 3, 2))
    >>> layer(mx.array([1.0, 2.0]), mx.array([1.0, 1.0, 1.0]))
    array([9], dtype=float32)
    """

    def __init__(self, input1_dims: int, input2_dims: int, output_dims: int, bias: bool = True) -> None:
        super().__init__()
        bound = math.sqrt(1.0 / input1_dims)
        self.weight = mx.random.uniform(low=-bound, high=bound, shape=(output_dims, input2_dims, input1_dims))
        if bias:
            self.bias = mx.random.uniform(low=-bound, high=bound, shape=(output_dims,))

    def _extra_repr(self) -> str:
        out, in2, in1 = self.weight.shape
        return f"input1_dims={in1}, input2_dims={in2}, output_dims={out}, bias={'bias' in self}"

    def __call__(self, x1: mx.array, x2: mx.array) -> mx.array:
        out, in2, in1 = self.weight.shape
        lead = x1.shape[:-1]
        a = x1.reshape(-1, in1) @ self.weight.reshape(out * in2, in1).T  # (n, out*in2)
        a = a.reshape(-1, out, in2).swapaxes(-2, -1)  # (n, in2, out)
        # x2 as row vectors on the left: the reference's product, whose BLAS call sums in the same
        # order (a NaN result then carries the same sign)
        y = (x2.reshape(-1, 1, in2) @ a).squeeze(1)  # (n, out)
        if "bias" in self:
            y = y + self.bias
        return y.reshape(*lead, out)
