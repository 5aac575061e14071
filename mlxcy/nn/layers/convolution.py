"""Convolutions over channels-last inputs: Conv1d, Conv2d, Conv3d.

Examples
--------
>>> nn.convolution.Conv2d is nn.Conv2d
True
"""
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
    """1-D convolution over channels-last inputs ``(N, L, C_in)``.

    Calls ``mx.conv1d`` with the learned ``weight``, of shape
    ``(out_channels, kernel_size, in_channels / groups)``, then adds the learned ``bias``, of shape
    ``(out_channels,)``.
    The weight starts uniform in ``[-b, b]``, ``b = 1 / sqrt(fan_in)`` (``fan_in``: the input
    channels per group times the kernel's size), the bias at zeros.

    Parameters
    ----------
    in_channels : int
        Channels of the input (its last axis).
    out_channels : int
        Channels of the output.
    kernel_size : int
        Size of the kernel.
    stride : int, optional
        Step between kernel positions. Default: ``1``.
    padding : int, optional
        Zeros added on both sides of each spatial axis. Default: ``0``.
    dilation : int, optional
        Spacing between kernel elements. Default: ``1``.
    groups : int, optional
        Split the channels into this many groups convolved separately; ``in_channels`` must be
        divisible by it (``groups == in_channels`` is a depthwise convolution). Default: ``1``.
    bias : bool, optional
        Whether to add a learned bias. Default: ``True``.

    Raises
    ------
    ValueError
        When ``in_channels`` is not divisible by ``groups``.

    Examples
    --------
    >>> layer = nn.Conv1d(2, 4, kernel_size=3)
    >>> layer.weight.shape
    (4, 3, 2)
    >>> layer(mx.zeros((1, 10, 2))).shape
    (1, 8, 4)
    >>> box = nn.Conv1d(1, 1, 3, bias=False)
    >>> box.weight = mx.ones((1, 3, 1))
    >>> box(mx.arange(5.0).reshape(1, 5, 1)).reshape(-1)
    array([3, 6, 9], dtype=float32)
    """

    _ndim = 1

    def __init__(self, in_channels: int, out_channels: int, kernel_size: int, stride: int = 1,
                 padding: int = 0, dilation: int = 1, groups: int = 1, bias: bool = True):
        super().__init__(in_channels, out_channels, kernel_size, stride, padding, dilation, groups, bias)

    def __call__(self, x):
        return self._finish(mx.conv1d(x, self["weight"], self.stride, self.padding, self.dilation, self.groups))


class Conv2d(_ConvBase):
    """2-D convolution over channels-last inputs ``(N, H, W, C_in)``.

    Calls ``mx.conv2d`` with the learned ``weight``, of shape
    ``(out_channels, kh, kw, in_channels / groups)``, then adds the learned ``bias``, of shape
    ``(out_channels,)``.
    The weight starts uniform in ``[-b, b]``, ``b = 1 / sqrt(fan_in)`` (``fan_in``: the input
    channels per group times the kernel's size), the bias at zeros.

    Parameters
    ----------
    in_channels : int
        Channels of the input (its last axis).
    out_channels : int
        Channels of the output.
    kernel_size : int or tuple(int, int)
        Size of the kernel: one int for every spatial axis, or one per axis.
    stride : int or tuple(int, int), optional
        Step between kernel positions. Default: ``1``.
    padding : int or tuple(int, int), optional
        Zeros added on both sides of each spatial axis. Default: ``0``.
    dilation : int or tuple(int, int), optional
        Spacing between kernel elements. Default: ``1``.
    groups : int, optional
        Split the channels into this many groups convolved separately; ``in_channels`` must be
        divisible by it (``groups == in_channels`` is a depthwise convolution). Default: ``1``.
    bias : bool, optional
        Whether to add a learned bias. Default: ``True``.

    Raises
    ------
    ValueError
        When ``in_channels`` is not divisible by ``groups``.

    Examples
    --------
    >>> layer = nn.Conv2d(3, 8, kernel_size=3, stride=2, padding=1)
    >>> layer
    Conv2d(3, 8, kernel_size=(3, 3), stride=(2, 2), padding=(1, 1), dilation=1, groups=1, bias=True)
    >>> layer(mx.zeros((1, 8, 8, 3))).shape
    (1, 4, 4, 8)
    >>> nn.Conv2d(4, 4, 3, groups=4).weight.shape
    (4, 3, 3, 1)
    """

    _ndim = 2

    def __init__(self, in_channels: int, out_channels: int, kernel_size, stride=1, padding=0,
                 dilation=1, groups: int = 1, bias: bool = True):
        super().__init__(in_channels, out_channels, kernel_size, stride, padding, dilation, groups, bias)

    def __call__(self, x):
        return self._finish(mx.conv2d(x, self["weight"], self.stride, self.padding, self.dilation, self.groups))


class Conv3d(_ConvBase):
    """3-D convolution over channels-last inputs ``(N, D, H, W, C_in)``.

    Calls ``mx.conv3d`` with the learned ``weight``, of shape
    ``(out_channels, kd, kh, kw, in_channels)``, then adds the learned ``bias``, of shape
    ``(out_channels,)``.
    The weight starts uniform in ``[-b, b]``, ``b = 1 / sqrt(fan_in)`` (``fan_in``: the input
    channels per group times the kernel's size), the bias at zeros.

    Parameters
    ----------
    in_channels : int
        Channels of the input (its last axis).
    out_channels : int
        Channels of the output.
    kernel_size : int or tuple(int, int, int)
        Size of the kernel: one int for every spatial axis, or one per axis.
    stride : int or tuple(int, int, int), optional
        Step between kernel positions. Default: ``1``.
    padding : int or tuple(int, int, int), optional
        Zeros added on both sides of each spatial axis. Default: ``0``.
    dilation : int or tuple(int, int, int), optional
        Spacing between kernel elements. Default: ``1``.
    bias : bool, optional
        Whether to add a learned bias. Default: ``True``.

    Examples
    --------
    >>> layer = nn.Conv3d(1, 2, kernel_size=(1, 2, 2))
    >>> layer.weight.shape
    (2, 1, 2, 2, 1)
    >>> layer(mx.zeros((1, 3, 4, 4, 1))).shape
    (1, 3, 3, 3, 2)
    """

    _ndim = 3
    _has_groups = False

    def __init__(self, in_channels: int, out_channels: int, kernel_size, stride=1, padding=0,
                 dilation=1, bias: bool = True):
        super().__init__(in_channels, out_channels, kernel_size, stride, padding, dilation, 1, bias)

    def __call__(self, x):
        return self._finish(mx.conv3d(x, self["weight"], self.stride, self.padding, self.dilation))
