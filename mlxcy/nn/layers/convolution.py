"""Convolutions over channels-last inputs: Conv1d, Conv2d, Conv3d."""
import math

import mlxcy as mx
from mlxcy.nn.layers.base import Module


def _ntuple(value, n):
    return (value,) * n if isinstance(value, int) else tuple(value)


class _ConvBase(Module):
    """Shared construction: weight ``(out, *kernel, in/groups)`` uniform in ``±1/sqrt(fan_in)``."""

    _ndim = 0

    def __init__(self, in_channels, out_channels, kernel_size, stride, padding, dilation, groups, bias,
                 transpose=False, output_padding=0):
        super().__init__()
        n = self._ndim
        if in_channels % groups != 0:
            raise ValueError(
                f"The number of input channels ({in_channels}) must be divisible by "
                f"the number of groups ({groups})"
            )
        kernel_size = _ntuple(kernel_size, n)
        bound = math.sqrt(1 / (in_channels // groups * math.prod(kernel_size)))
        self.weight = mx.random.uniform(
            low=-bound, high=bound, shape=(out_channels, *kernel_size, in_channels // groups)
        )
        if bias:
            self.bias = mx.zeros((out_channels,))
        if n == 1:
            self.padding, self.stride = padding, stride
            if transpose:
                self.output_padding = output_padding
        else:
            self.padding, self.stride = _ntuple(padding, n), _ntuple(stride, n)
            if transpose:
                self.output_padding = _ntuple(output_padding, n)
        self.dilation = dilation
        self.groups = groups

    def _kernel_repr(self):
        k = self.weight.shape[1:-1]
        return k[0] if self._ndim == 1 else k

    def _extra_repr(self):
        out_ch = self.weight.shape[0]
        in_ch = self.weight.shape[-1] * self.groups
        groups = f"groups={self.groups}, " if self._has_groups else ""
        return (
            f"{in_ch}, {out_ch}, kernel_size={self._kernel_repr()}, stride={self.stride}, "
            f"padding={self.padding}, dilation={self.dilation}, {groups}bias={'bias' in self}"
        )

    _has_groups = True

    def _finish(self, y):
        if "bias" in self:
            y = y + self["bias"]
        return y


class Conv1d(_ConvBase):
    """1-D convolution over ``(N, L, C_in)`` inputs."""

    _ndim = 1

    def __init__(self, in_channels: int, out_channels: int, kernel_size: int, stride: int = 1,
                 padding: int = 0, dilation: int = 1, groups: int = 1, bias: bool = True):
        super().__init__(in_channels, out_channels, kernel_size, stride, padding, dilation, groups, bias)

    def __call__(self, x):
        return self._finish(mx.conv1d(x, self["weight"], self.stride, self.padding, self.dilation, self.groups))


class Conv2d(_ConvBase):
    """2-D convolution over ``(N, H, W, C_in)`` inputs."""

    _ndim = 2

    def __init__(self, in_channels: int, out_channels: int, kernel_size, stride=1, padding=0,
                 dilation=1, groups: int = 1, bias: bool = True):
        super().__init__(in_channels, out_channels, kernel_size, stride, padding, dilation, groups, bias)

    def __call__(self, x):
        return self._finish(mx.conv2d(x, self["weight"], self.stride, self.padding, self.dilation, self.groups))


class Conv3d(_ConvBase):
    """3-D convolution over ``(N, D, H, W, C_in)`` inputs."""

    _ndim = 3
    _has_groups = False

    def __init__(self, in_channels: int, out_channels: int, kernel_size, stride=1, padding=0,
                 dilation=1, bias: bool = True):
        super().__init__(in_channels, out_channels, kernel_size, stride, padding, dilation, 1, bias)

    def __call__(self, x):
        return self._finish(mx.conv3d(x, self["weight"], self.stride, self.padding, self.dilation))
