"""Transposed convolutions over channels-last inputs."""
import mlxcy as mx
from mlxcy.nn.layers.convolution import _ConvBase


class _ConvTransposeBase(_ConvBase):
    _has_groups = False

    def _extra_repr(self):
        return super()._extra_repr().replace(
            ", bias=", f", output_padding={self.output_padding}, bias="
        )


class ConvTranspose1d(_ConvTransposeBase):
    """1-D transposed convolution over ``(N, L, C_in)`` inputs."""

    _ndim = 1

    def __init__(self, in_channels: int, out_channels: int, kernel_size: int, stride: int = 1,
                 padding: int = 0, dilation: int = 1, output_padding: int = 0, bias: bool = True):
        super().__init__(in_channels, out_channels, kernel_size, stride, padding, dilation, 1, bias,
                         transpose=True, output_padding=output_padding)

    def __call__(self, x):
        return self._finish(mx.conv_transpose1d(
            x, self["weight"], self.stride, self.padding, self.dilation, self.output_padding))


class ConvTranspose2d(_ConvTransposeBase):
    """2-D transposed convolution over ``(N, H, W, C_in)`` inputs."""

    _ndim = 2

    def __init__(self, in_channels: int, out_channels: int, kernel_size, stride=1, padding=0,
                 dilation=1, output_padding=0, bias: bool = True):
        super().__init__(in_channels, out_channels, kernel_size, stride, padding, dilation, 1, bias,
                         transpose=True, output_padding=output_padding)

    def __call__(self, x):
        return self._finish(mx.conv_transpose2d(
            x, self["weight"], self.stride, self.padding, self.dilation, self.output_padding))


class ConvTranspose3d(_ConvTransposeBase):
    """3-D transposed convolution over ``(N, D, H, W, C_in)`` inputs."""

    _ndim = 3

    def __init__(self, in_channels: int, out_channels: int, kernel_size, stride=1, padding=0,
                 dilation=1, output_padding=0, bias: bool = True):
        super().__init__(in_channels, out_channels, kernel_size, stride, padding, dilation, 1, bias,
                         transpose=True, output_padding=output_padding)

    def __call__(self, x):
        return self._finish(mx.conv_transpose3d(
            x, self["weight"], self.stride, self.padding, self.dilation, self.output_padding))
