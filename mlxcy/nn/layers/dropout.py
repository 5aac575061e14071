"""Dropout layers.

Examples
--------
>>> nn.dropout.Dropout is nn.Dropout
True
"""
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
    """Randomly zeroes elements in training mode.

    In training mode each element is zeroed with probability ``p`` and the others are scaled by
    ``1 / (1 - p)``, so the expected value is unchanged; in evaluation mode (``eval()``) the layer is
    the identity. The mask comes from the global ``mx.random`` state.

    Parameters
    ----------
    p : float, optional
        The probability of zeroing an element, in ``[0, 1)``. Default: ``0.5``.

    Raises
    ------
    ValueError
        When ``p`` is not in ``[0, 1)``.

    Examples
    --------
    >>> layer = nn.Dropout(0.5)
    >>> y = layer(mx.ones((100,)))
    >>> mx.all((y == 0) | (y == 2))
    array(True, dtype=bool)
    >>> layer.eval()(mx.ones((2,)))
    array([1, 1], dtype=float32)
    """

    def __call__(self, x):
        return self._drop(x, x.shape)


class Dropout2d(_DropoutBase):
    """Randomly zeroes whole channels of 2-D feature maps in training mode.

    For inputs ``(N, H, W, C)`` or ``(H, W, C)``, each channel of each sample is zeroed entirely with
    probability ``p`` and the others are scaled by ``1 / (1 - p)`` (neighbouring pixels are
    correlated, so dropping single elements would regularise little). In evaluation mode the layer
    is the identity.

    Parameters
    ----------
    p : float, optional
        The probability of zeroing a channel, in ``[0, 1)``. Default: ``0.5``.

    Raises
    ------
    ValueError
        When ``p`` is not in ``[0, 1)``; when called on an input that does not have 3 or 4 dimensions.

    Examples
    --------
    >>> y = nn.Dropout2d(0.5)(mx.ones((2, 4, 4, 8)))
    >>> per_channel = y.max(axis=(1, 2))
    >>> mx.array_equal(per_channel, y.min(axis=(1, 2)))
    array(True, dtype=bool)
    """

    def __call__(self, x):
        if x.ndim not in (3, 4):
            raise ValueError(f"Received input with {x.ndim} dimensions. Expected 3 or 4 dimensions.")
        shape = list(x.shape)
        shape[-2] = shape[-3] = 1
        return self._drop(x, shape)


class Dropout3d(_DropoutBase):
    """Randomly zeroes whole channels of 3-D feature maps in training mode.

    As :class:`Dropout2d` for inputs ``(N, D, H, W, C)`` or ``(D, H, W, C)``: each channel of each
    sample is zeroed with probability ``p``, the others scaled by ``1 / (1 - p)``; the identity in
    evaluation mode.

    Parameters
    ----------
    p : float, optional
        The probability of zeroing a channel, in ``[0, 1)``. Default: ``0.5``.

    Raises
    ------
    ValueError
        When ``p`` is not in ``[0, 1)``; when called on an input that does not have 4 or 5 dimensions.

    Examples
    --------
    >>> y = nn.Dropout3d(0.5)(mx.ones((2, 2, 3, 3, 4)))
    >>> mx.array_equal(y.max(axis=(1, 2, 3)), y.min(axis=(1, 2, 3)))
    array(True, dtype=bool)
    >>> nn.Dropout3d(0.5).eval()(mx.ones((1, 1, 1, 1))).shape
    (1, 1, 1, 1)
    """

    def __call__(self, x):
        if x.ndim not in (4, 5):
            raise ValueError(f"Received input with {x.ndim} dimensions. Expected 4 or 5 dimensions.")
        shape = list(x.shape)
        shape[-2] = shape[-3] = shape[-4] = 1
        return self._drop(x, shape)
