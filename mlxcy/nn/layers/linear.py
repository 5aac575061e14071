"""Identity, Linear and Bilinear layers."""
import math
from typing import Any, Optional

import mlxcy as mx
from mlxcy.nn.layers.base import Module


class Identity(Module):
    """Returns its input unchanged; accepts and ignores any constructor arguments."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__()

    def __call__(self, x: mx.array) -> mx.array:
        return x


class Linear(Module):
    """``y = x W^T + b`` with ``W`` of shape ``(output_dims, input_dims)``.

    Weight and bias start uniform in ``[-1/sqrt(input_dims), 1/sqrt(input_dims)]``.
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
        """The quantized counterpart of this layer (``QQLinear`` when ``quantize_input``)."""
        from mlxcy.nn.layers.quantized import QQLinear, QuantizedLinear

        if quantize_input:
            return QQLinear.from_linear(self, group_size, bits, mode)
        return QuantizedLinear.from_linear(self, group_size, bits, mode)


class Bilinear(Module):
    """``y[o] = sum_ij x1[i] W[o, j, i] x2[j] + b[o]``, ``W`` of shape ``(output, input2, input1)``."""

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
