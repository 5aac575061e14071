"""Dropout layers."""
import mlxcy as mx
from mlxcy.nn.layers.base import Module


class _DropoutBase(Module):
    def __init__(self, p: float = 0.5):
        super().__init__()
        if p < 0 or p >= 1:
            raise ValueError(f"The dropout probability {p} is not in [0, 1)")
        self._p_1 = 1 - p

    def _extra_repr(self):
        return f"p={1 - self._p_1}"

    def _drop(self, x, mask_shape):
        if self._p_1 == 1 or not self.training:
            return x
        keep = mx.random.bernoulli(p=self._p_1, shape=mask_shape)
        # mask first, then the Python-scalar scale: x's floating dtype (bfloat16, float16) is kept
        return (keep * x) * (1 / self._p_1)


class Dropout(_DropoutBase):
    """In training, zeroes each element with probability ``p`` and scales the rest by ``1/(1-p)``."""

    def __call__(self, x):
        return self._drop(x, x.shape)


class Dropout2d(_DropoutBase):
    """Drops whole channels of ``(N, H, W, C)`` or ``(H, W, C)`` inputs in training."""

    def __call__(self, x):
        if x.ndim not in (3, 4):
            raise ValueError(f"Received input with {x.ndim} dimensions. Expected 3 or 4 dimensions.")
        shape = list(x.shape)
        shape[-2] = shape[-3] = 1
        return self._drop(x, shape)


class Dropout3d(_DropoutBase):
    """Drops whole channels of ``(N, D, H, W, C)`` or ``(D, H, W, C)`` inputs in training."""

    def __call__(self, x):
        if x.ndim not in (4, 5):
            raise ValueError(f"Received input with {x.ndim} dimensions. Expected 4 or 5 dimensions.")
        shape = list(x.shape)
        shape[-2] = shape[-3] = shape[-4] = 1
        return self._drop(x, shape)
