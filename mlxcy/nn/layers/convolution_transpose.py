"""Transposed convolutions over channels-last inputs.

Examples
--------
>>> nn.convolution_transpose.ConvTranspose2d is nn.ConvTranspose2d
True
"""
import mlxcy as mx
from mlxcy.nn.layers.convolution import _ConvBase


class _ConvTransposeBase(_ConvBase):
    _has_groups = False

    def _extra_repr(self):
        return super()._extra_repr().replace(
            ", bias=", f", output_padding={self.output_padding}, bias="
        )


class ConvTranspose1d(_ConvTransposeBase):
    """1-D transposed convolution over channels-last inputs ``(N, L, C_in)``.

    The gradient of a convolution with respect to its input, commonly used to up-sample: with
    stride ``s`` each spatial size ``L`` becomes ``(L - 1) * s - 2 * padding + dilation * (k - 1)
    + output_padding + 1``. Calls ``mx.conv_transpose1d`` with the learned ``weight`` (shape
    ``(out_channels, kernel_size, in_channels)``, uniform in ``[-b, b]`` with
    ``b = 1 / sqrt(fan_in)``, ``fan_in`` the input channels times the kernel's size), then adds ``bias``
    (``(out_channels,)``, started at zeros).

    Parameters
    ----------
    in_channels : int
        Channels of the input (its last axis).
    out_channels : int
        Channels of the output.
    kernel_size : int
        Size of the kernel.
    stride : int, optional
        Up-sampling step. Default: ``1``.
    padding : int, optional
        Padding of the matching forward convolution (removed from each side of the output).
        Default: ``0``.
    dilation : int, optional
        Spacing between kernel elements. Default: ``1``.
    output_padding : int, optional
        Extra size added to one side of each spatial axis of the output. Default: ``0``.
    bias : bool, optional
        Whether to add a learned bias. Default: ``True``.

    Examples
    --------
    >>> layer = nn.ConvTranspose1d(2, 4, kernel_size=3, stride=2)
    >>> layer.weight.shape
    (4, 3, 2)
    >>> layer(mx.zeros((1, 5, 2))).shape
    (1, 11, 4)
    """

    _ndim = 1

    def __init__(self, in_channels: int, out_channels: int, kernel_size: int, stride: int = 1,
                 padding: int = 0, dilation: int = 1, output_padding: int = 0, bias: bool = True):
        super().__init__(in_channels, out_channels, kernel_size, stride, padding, dilation, 1, bias,
                         transpose=True, output_padding=output_padding)

    def __call__(self, x):
        return self._finish(mx.conv_transpose1d(
            x, self["weight"], self.stride, self.padding, self.dilation, self.output_padding))


class ConvTranspose2d(_ConvTransposeBase):
    """2-D transposed convolution over channels-last inputs ``(N, H, W, C_in)``.

    The gradient of a convolution with respect to its input, commonly used to up-sample: with
    stride ``s`` each spatial size ``L`` becomes ``(L - 1) * s - 2 * padding + dilation * (k - 1)
    + output_padding + 1``. Calls ``mx.conv_transpose2d`` with the learned ``weight`` (shape
    ``(out_channels, kh, kw, in_channels)``, uniform in ``[-b, b]`` with
    ``b = 1 / sqrt(fan_in)``, ``fan_in`` the input channels times the kernel's size), then adds ``bias``
    (``(out_channels,)``, started at zeros).

    Parameters
    ----------
    in_channels : int
        Channels of the input (its last axis).
    out_channels : int
        Channels of the output.
    kernel_size : int or tuple(int, int)
        Size of the kernel: one int for every spatial axis, or one per axis.
    stride : int or tuple(int, int), optional
        Up-sampling step. Default: ``1``.
    padding : int or tuple(int, int), optional
        Padding of the matching forward convolution (removed from each side of the output).
        Default: ``0``.
    dilation : int or tuple(int, int), optional
        Spacing between kernel elements. Default: ``1``.
    output_padding : int or tuple(int, int), optional
        Extra size added to one side of each spatial axis of the output. Default: ``0``.
    bias : bool, optional
        Whether to add a learned bias. Default: ``True``.

    Examples
    --------
    >>> layer = nn.ConvTranspose2d(3, 8, kernel_size=2, stride=2)
    >>> layer(mx.zeros((1, 4, 4, 3))).shape
    (1, 8, 8, 8)
    >>> layer
    ConvTranspose2d(3, 8, kernel_size=(2, 2), stride=(2, 2), padding=(0, 0), dilation=1, output_padding=(0, 0), bias=True)
    """

    _ndim = 2

    def __init__(self, in_channels: int, out_channels: int, kernel_size, stride=1, padding=0,
                 dilation=1, output_padding=0, bias: bool = True):
        super().__init__(in_channels, out_channels, kernel_size, stride, padding, dilation, 1, bias,
                         transpose=True, output_padding=output_padding)

    def __call__(self, x):
        return self._finish(mx.conv_transpose2d(
            x, self["weight"], self.stride, self.padding, self.dilation, self.output_padding))


class ConvTranspose3d(_ConvTransposeBase):
    """3-D transposed convolution over channels-last inputs ``(N, D, H, W, C_in)``.

    The gradient of a convolution with respect to its input, commonly used to up-sample: with
    stride ``s`` each spatial size ``L`` becomes ``(L - 1) * s - 2 * padding + dilation * (k - 1)
    + output_padding + 1``. Calls ``mx.conv_transpose3d`` with the learned ``weight`` (shape
    ``(out_channels, kd, kh, kw, in_channels)``, uniform in ``[-b, b]`` with
    ``b = 1 / sqrt(fan_in)``, ``fan_in`` the input channels times the kernel's size), then adds ``bias``
    (``(out_channels,)``, started at zeros).

    Parameters
    ----------
    in_channels : int
        Channels of the input (its last axis).
    out_channels : int
        Channels of the output.
    kernel_size : int or tuple(int, int, int)
        Size of the kernel: one int for every spatial axis, or one per axis.
    stride : int or tuple(int, int, int), optional
        Up-sampling step. Default: ``1``.
    padding : int or tuple(int, int, int), optional
        Padding of the matching forward convolution (removed from each side of the output).
        Default: ``0``.
    dilation : int or tuple(int, int, int), optional
        Spacing between kernel elements. Default: ``1``.
    output_padding : int or tuple(int, int, int), optional
        Extra size added to one side of each spatial axis of the output. Default: ``0``.
    bias : bool, optional
        Whether to add a learned bias. Default: ``True``.

    Examples
    --------
    >>> layer = nn.ConvTranspose3d(1, 2, kernel_size=2, stride=2)
    >>> layer.weight.shape
    (2, 2, 2, 2, 1)
    >>> layer(mx.zeros((1, 2, 2, 2, 1))).shape
    (1, 4, 4, 4, 2)
    """

    _ndim = 3

    def __init__(self, in_channels: int, out_channels: int, kernel_size, stride=1, padding=0,
                 dilation=1, output_padding=0, bias: bool = True):
        super().__init__(in_channels, out_channels, kernel_size, stride, padding, dilation, 1, bias,
                         transpose=True, output_padding=output_padding)

    def __call__(self, x):
        return self._finish(mx.conv_transpose3d(
            x, self["weight"], self.stride, self.padding, self.dilation, self.output_padding))
