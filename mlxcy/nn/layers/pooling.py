"""Max and average pooling over channels-last inputs (1, 2 and 3 spatial dimensions)."""
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
    _pad_value = 0.0

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
        self._kernel_size, self._stride, self._padding = kernel_size, stride, padding

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
        return f"kernel_size={self._kernel_size}, stride={self._stride}, padding={self._padding}"

    def __call__(self, x):
        if any(p > 0 for p in self._padding):
            widths = [(0, 0)] + [(p, p) for p in self._padding] + [(0, 0)]
            x = mx.pad(x, widths, constant_values=self._pad_value)
        w = _windows(x, self._kernel_size, self._stride)
        axes = tuple(range(-self._ndim - 1, -1))
        return self._reduce(w, axes)


class _MaxPool(_Pool):
    _pad_value = -float("inf")

    @staticmethod
    def _reduce(w, axes):
        return mx.max(w, axis=axes)


class _AvgPool(_Pool):
    @staticmethod
    def _reduce(w, axes):
        return mx.mean(w, axis=axes)


class MaxPool1d(_MaxPool):
    """Max over windows of ``(N, L, C)`` inputs (padding counts as ``-inf``)."""

    _ndim = 1

    def __init__(self, kernel_size, stride=None, padding=0):
        super().__init__(kernel_size, stride, padding)


class MaxPool2d(_MaxPool):
    """Max over windows of ``(N, H, W, C)`` inputs (padding counts as ``-inf``)."""

    _ndim = 2

    def __init__(self, kernel_size, stride=None, padding=0):
        super().__init__(kernel_size, stride, padding)


class MaxPool3d(_MaxPool):
    """Max over windows of ``(N, D, H, W, C)`` inputs (padding counts as ``-inf``)."""

    _ndim = 3

    def __init__(self, kernel_size, stride=None, padding=0):
        super().__init__(kernel_size, stride, padding)


class AvgPool1d(_AvgPool):
    """Mean over windows of ``(N, L, C)`` inputs (padding counts as zeros)."""

    _ndim = 1

    def __init__(self, kernel_size, stride=None, padding=0):
        super().__init__(kernel_size, stride, padding)


class AvgPool2d(_AvgPool):
    """Mean over windows of ``(N, H, W, C)`` inputs (padding counts as zeros)."""

    _ndim = 2

    def __init__(self, kernel_size, stride=None, padding=0):
        super().__init__(kernel_size, stride, padding)


class AvgPool3d(_AvgPool):
    """Mean over windows of ``(N, D, H, W, C)`` inputs (padding counts as zeros)."""

    _ndim = 3

    def __init__(self, kernel_size, stride=None, padding=0):
        super().__init__(kernel_size, stride, padding)
