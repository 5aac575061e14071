"""Max and average pooling over channels-last inputs (1, 2 and 3 spatial dimensions).

Examples
--------
>>> nn.pooling.MaxPool2d is nn.MaxPool2d
True
"""
import math

import mlxcy as mx
from mlxcy.nn.layers.base import Module


def _windows(x, kernel, stride):
    """A strided view ``(N, *out, *kernel, C)`` of ``x`` ``(N, *spatial, C)``."""
    if x.ndim < 3:
        raise ValueError(
            "To extract sliding windows at least 1 spatial dimension (3 total) is needed but "
            f"the input only has {x.ndim} dimensions."
        )
    shape = x.shape
    spatial = shape[1:-1]
    elem_strides = [math.prod(shape[i + 1:]) for i in range(len(shape))]
    out = [(size - k) // s + 1 for size, k, s in zip(spatial, kernel, stride)]
    view_shape = [shape[0], *out, *kernel, shape[-1]]
    sp_strides = elem_strides[1:-1]
    view_strides = [
        elem_strides[0],
        *(st * s for st, s in zip(sp_strides, stride)),
        *sp_strides,
        elem_strides[-1],
    ]
    return mx.as_strided(x, view_shape, view_strides)


class _Pool(Module):
    _ndim = 0

    def __init__(self, kernel_size, stride, padding):
        super().__init__()
        name, n = type(self).__name__, self._ndim
        kernel_size = self._as_tuple(name, "kernel_size", kernel_size)
        stride = kernel_size if stride is None else self._as_tuple(name, "stride", stride)
        padding = self._as_tuple(name, "padding", padding)
        if any(k <= 0 for k in kernel_size):
            raise ValueError(f"[{name}] 'kernel_size' must be positive but got {kernel_size}.")
        if any(s <= 0 for s in stride):
            raise ValueError(f"[{name}] 'stride' must be positive but got {stride}.")
        if any(p < 0 for p in padding):
            raise ValueError(f"[{name}] 'padding' must be non-negative but got {padding}.")
        # Stored as the reference stores them (they show in the module's dict, `state` and
        # `children()`): lists, padding as (before, after) pairs, the pooled axes as a tuple.
        self._kernel_size = list(kernel_size)
        self._stride = list(stride)
        self._padding = [(p, p) for p in padding]
        self._axes = tuple(range(-n - 1, -1))
        self._pooling_function = self._reduce_function
        self._padding_value = self._pad_value

    def _as_tuple(self, name, what, value):
        n = self._ndim
        if isinstance(value, int):
            return (value,) * n
        if isinstance(value, (tuple, list)) and len(value) == n and all(isinstance(v, int) for v in value):
            return tuple(value)
        if n == 1:
            raise ValueError(f"[{name}] '{what}' must be an integer or a tuple containing 1 integer")
        raise ValueError(f"[{name}] '{what}' must be an integer or a tuple containing {n} integers")

    def _extra_repr(self):
        padding = tuple(before for before, _ in self._padding)
        return f"kernel_size={tuple(self._kernel_size)}, stride={tuple(self._stride)}, padding={padding}"

    def __call__(self, x):
        if any(before > 0 or after > 0 for before, after in self._padding):
            widths = [(0, 0)] + list(self._padding) + [(0, 0)]
            x = mx.pad(x, widths, constant_values=self._padding_value)
        w = _windows(x, self._kernel_size, self._stride)
        return self._pooling_function(w, axis=self._axes)


class _MaxPool(_Pool):
    _pad_value = -float("inf")
    _reduce_function = staticmethod(mx.max)


class _AvgPool(_Pool):
    _pad_value = 0
    _reduce_function = staticmethod(mx.mean)


class MaxPool1d(_MaxPool):
    """1-D maximum pooling over channels-last inputs ``(N, L, C)``.

    Slides a window of ``kernel_size`` over the spatial axes with step ``stride`` and takes the
    maximum of each window, per channel.
    ``padding`` adds ``-inf`` on both sides of each spatial axis first.
    Each spatial size ``L`` becomes ``(L + 2 * padding - kernel_size) // stride + 1``.

    Parameters
    ----------
    kernel_size : int or tuple(int)
        The window's size.
    stride : int or tuple(int), optional
        The step between windows. Default: ``None``, ``kernel_size`` (windows do not overlap).
    padding : int or tuple(int), optional
        Padding added on both sides of each spatial axis. Default: ``0``.

    Raises
    ------
    ValueError
        When ``kernel_size`` or ``stride`` is not positive, ``padding`` is negative, or a tuple has
        the wrong length; when called on an input with fewer than 3 dimensions.

    Examples
    --------
    >>> x = mx.arange(6.0).reshape(1, 6, 1)
    >>> nn.MaxPool1d(2)(x).reshape(-1)
    array([1, 3, 5], dtype=float32)
    >>> nn.MaxPool1d(2, padding=1)(x).reshape(-1)
    array([0, 2, 4, 5], dtype=float32)
    """

    _ndim = 1

    def __init__(self, kernel_size, stride=None, padding=0):
        super().__init__(kernel_size, stride, padding)


class MaxPool2d(_MaxPool):
    """2-D maximum pooling over channels-last inputs ``(N, H, W, C)``.

    Slides a window of ``kernel_size`` over the spatial axes with step ``stride`` and takes the
    maximum of each window, per channel.
    ``padding`` adds ``-inf`` on both sides of each spatial axis first.
    Each spatial size ``L`` becomes ``(L + 2 * padding - kernel_size) // stride + 1``.

    Parameters
    ----------
    kernel_size : int or tuple(int, int)
        The window's size: one int for every spatial axis, or one per axis.
    stride : int or tuple(int, int), optional
        The step between windows. Default: ``None``, ``kernel_size`` (windows do not overlap).
    padding : int or tuple(int, int), optional
        Padding added on both sides of each spatial axis. Default: ``0``.

    Raises
    ------
    ValueError
        When ``kernel_size`` or ``stride`` is not positive, ``padding`` is negative, or a tuple has
        the wrong length; when called on an input with fewer than 3 dimensions.

    Examples
    --------
    >>> x = mx.arange(16.0).reshape(1, 4, 4, 1)
    >>> nn.MaxPool2d(2)(x).squeeze()
    array([[5, 7],
           [13, 15]], dtype=float32)
    >>> nn.MaxPool2d((2, 1), stride=1)(x).shape
    (1, 3, 4, 1)
    """

    _ndim = 2

    def __init__(self, kernel_size, stride=None, padding=0):
        super().__init__(kernel_size, stride, padding)


class MaxPool3d(_MaxPool):
    """3-D maximum pooling over channels-last inputs ``(N, D, H, W, C)``.

    Slides a window of ``kernel_size`` over the spatial axes with step ``stride`` and takes the
    maximum of each window, per channel.
    ``padding`` adds ``-inf`` on both sides of each spatial axis first.
    Each spatial size ``L`` becomes ``(L + 2 * padding - kernel_size) // stride + 1``.

    Parameters
    ----------
    kernel_size : int or tuple(int, int, int)
        The window's size: one int for every spatial axis, or one per axis.
    stride : int or tuple(int, int, int), optional
        The step between windows. Default: ``None``, ``kernel_size`` (windows do not overlap).
    padding : int or tuple(int, int, int), optional
        Padding added on both sides of each spatial axis. Default: ``0``.

    Raises
    ------
    ValueError
        When ``kernel_size`` or ``stride`` is not positive, ``padding`` is negative, or a tuple has
        the wrong length; when called on an input with fewer than 3 dimensions.

    Examples
    --------
    >>> x = mx.arange(8.0).reshape(1, 2, 2, 2, 1)
    >>> nn.MaxPool3d(2)(x).reshape(-1)
    array([7], dtype=float32)
    >>> nn.MaxPool3d((1, 2, 2))(x).shape
    (1, 2, 1, 1, 1)
    """

    _ndim = 3

    def __init__(self, kernel_size, stride=None, padding=0):
        super().__init__(kernel_size, stride, padding)


class AvgPool1d(_AvgPool):
    """1-D mean pooling over channels-last inputs ``(N, L, C)``.

    Slides a window of ``kernel_size`` over the spatial axes with step ``stride`` and takes the
    mean of each window, per channel.
    ``padding`` adds zeros (which count in the mean) on both sides of each spatial axis first.
    Each spatial size ``L`` becomes ``(L + 2 * padding - kernel_size) // stride + 1``.

    Parameters
    ----------
    kernel_size : int or tuple(int)
        The window's size.
    stride : int or tuple(int), optional
        The step between windows. Default: ``None``, ``kernel_size`` (windows do not overlap).
    padding : int or tuple(int), optional
        Padding added on both sides of each spatial axis. Default: ``0``.

    Raises
    ------
    ValueError
        When ``kernel_size`` or ``stride`` is not positive, ``padding`` is negative, or a tuple has
        the wrong length; when called on an input with fewer than 3 dimensions.

    Examples
    --------
    >>> x = mx.arange(6.0).reshape(1, 6, 1)
    >>> nn.AvgPool1d(3, stride=1)(x).reshape(-1)
    array([1, 2, 3, 4], dtype=float32)
    >>> nn.AvgPool1d(2, padding=1)(x).reshape(-1)
    array([0, 1.5, 3.5, 2.5], dtype=float32)
    """

    _ndim = 1

    def __init__(self, kernel_size, stride=None, padding=0):
        super().__init__(kernel_size, stride, padding)


class AvgPool2d(_AvgPool):
    """2-D mean pooling over channels-last inputs ``(N, H, W, C)``.

    Slides a window of ``kernel_size`` over the spatial axes with step ``stride`` and takes the
    mean of each window, per channel.
    ``padding`` adds zeros (which count in the mean) on both sides of each spatial axis first.
    Each spatial size ``L`` becomes ``(L + 2 * padding - kernel_size) // stride + 1``.

    Parameters
    ----------
    kernel_size : int or tuple(int, int)
        The window's size: one int for every spatial axis, or one per axis.
    stride : int or tuple(int, int), optional
        The step between windows. Default: ``None``, ``kernel_size`` (windows do not overlap).
    padding : int or tuple(int, int), optional
        Padding added on both sides of each spatial axis. Default: ``0``.

    Raises
    ------
    ValueError
        When ``kernel_size`` or ``stride`` is not positive, ``padding`` is negative, or a tuple has
        the wrong length; when called on an input with fewer than 3 dimensions.

    Examples
    --------
    >>> x = mx.arange(16.0).reshape(1, 4, 4, 1)
    >>> nn.AvgPool2d(2)(x).squeeze()
    array([[2.5, 4.5],
           [10.5, 12.5]], dtype=float32)
    >>> nn.AvgPool2d(2, stride=1, padding=(1, 0))
    AvgPool2d(kernel_size=(2, 2), stride=(1, 1), padding=(1, 0))
    """

    _ndim = 2

    def __init__(self, kernel_size, stride=None, padding=0):
        super().__init__(kernel_size, stride, padding)


class AvgPool3d(_AvgPool):
    """3-D mean pooling over channels-last inputs ``(N, D, H, W, C)``.

    Slides a window of ``kernel_size`` over the spatial axes with step ``stride`` and takes the
    mean of each window, per channel.
    ``padding`` adds zeros (which count in the mean) on both sides of each spatial axis first.
    Each spatial size ``L`` becomes ``(L + 2 * padding - kernel_size) // stride + 1``.

    Parameters
    ----------
    kernel_size : int or tuple(int, int, int)
        The window's size: one int for every spatial axis, or one per axis.
    stride : int or tuple(int, int, int), optional
        The step between windows. Default: ``None``, ``kernel_size`` (windows do not overlap).
    padding : int or tuple(int, int, int), optional
        Padding added on both sides of each spatial axis. Default: ``0``.

    Raises
    ------
    ValueError
        When ``kernel_size`` or ``stride`` is not positive, ``padding`` is negative, or a tuple has
        the wrong length; when called on an input with fewer than 3 dimensions.

    Examples
    --------
    >>> x = mx.arange(8.0).reshape(1, 2, 2, 2, 1)
    >>> nn.AvgPool3d(2)(x).reshape(-1)
    array([3.5], dtype=float32)
    """

    _ndim = 3

    def __init__(self, kernel_size, stride=None, padding=0):
        super().__init__(kernel_size, stride, padding)
