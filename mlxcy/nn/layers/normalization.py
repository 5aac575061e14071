"""Normalisation layers: LayerNorm, RMSNorm, GroupNorm, InstanceNorm, BatchNorm.

Examples
--------
>>> nn.normalization.LayerNorm is nn.LayerNorm
True
"""
import math

import mlxcy as mx
from mlxcy.nn.layers.base import Module


def _standardize(x, axes, eps):
    mean = mx.mean(x, axis=axes, keepdims=True)
    var = mx.var(x, axis=axes, keepdims=True)
    return (x - mean) * mx.rsqrt(var + eps)


def _check_eps(layer, eps):
    # NaN passes, as in the reference: only a value known to be <= 0 is refused
    if eps <= 0.0:
        raise ValueError(f"[{layer}] 'eps' must be positive but got {eps}.")


def _affine(module, x):
    if "weight" in module:
        x = module["weight"] * x
    if "bias" in module:
        x = x + module["bias"]
    return x


class InstanceNorm(Module):
    """Normalises each sample and channel over the spatial axes.

    For an input ``(N, ..., C)`` every ``(sample, channel)`` slice is shifted to zero mean and
    scaled to unit variance over the axes between the first and the last; with ``affine`` the
    result is then multiplied by ``weight`` and shifted by ``bias`` (both ``(dims,)``, started at
    ones and zeros).

    Parameters
    ----------
    dims : int
        The number of channels (the input's last axis).
    eps : float, optional
        Added to the variance before the square root, for numerical stability; must be positive.
        Default: ``1e-05``.
    affine : bool, optional
        Whether to learn a per-channel scale and shift. Default: ``False``.

    Raises
    ------
    ValueError
        When ``eps`` is not positive; when called on an input with fewer than 3 dimensions.

    Examples
    --------
    >>> norm = nn.InstanceNorm(2)
    >>> norm
    InstanceNorm(2, eps=1e-05, affine=False)
    >>> mx.round(norm(mx.array([[[1.0, 2.0], [3.0, 6.0]]])), 3)
    array([[[-1, -1],
            [1, 1]]], dtype=float32)
    """

    def __init__(self, dims: int, eps: float = 1e-5, affine: bool = False):
        super().__init__()
        _check_eps("InstanceNorm", eps)
        if affine:
            self.weight = mx.ones((dims,))
            self.bias = mx.zeros((dims,))
        self.dims = dims
        self.eps = eps

    def _extra_repr(self):
        return f"{self.dims}, eps={self.eps}, affine={'weight' in self}"

    def __call__(self, x: mx.array) -> mx.array:
        if x.ndim < 3:
            raise ValueError(
                "InstanceNorm expects inputs with at least 3 dimensions (N, ..., C) but the input "
                f"has {x.ndim} dimensions."
            )
        # Normalise each (sample, channel) row of spatial values with fast.layer_norm, which
        # accumulates in float32: float16 inputs do not overflow in the variance.
        if x.size == 0:
            return _affine(self, x)  # nothing to normalise (libmlx's layer_norm crawls on empty views)
        n, c = x.shape[0], x.shape[-1]
        rows = x.reshape(n, -1, c).swapaxes(1, 2)
        y = mx.fast.layer_norm(rows, None, None, self.eps).swapaxes(1, 2).reshape(x.shape)
        return _affine(self, y)


class LayerNorm(Module):
    """Normalises over the last axis, then scales and shifts.

    Each vector along the last axis is shifted to zero mean and scaled to unit variance (through
    ``mx.fast.layer_norm``), then multiplied by ``weight`` and shifted by ``bias`` (both ``(dims,)``,
    started at ones and zeros) when ``affine``.

    Parameters
    ----------
    dims : int
        The size of the last axis.
    eps : float, optional
        Added to the variance before the square root, for numerical stability; must be positive.
        Default: ``1e-05``.
    affine : bool, optional
        Whether to learn ``weight`` (and ``bias``). Default: ``True``.
    bias : bool, optional
        With ``affine``, whether to learn ``bias`` too. Default: ``True``.

    Raises
    ------
    ValueError
        When ``eps`` is not positive.

    Examples
    --------
    >>> norm = nn.LayerNorm(2)
    >>> sorted(norm.parameters())
    ['bias', 'weight']
    >>> mx.round(norm(mx.array([[1.0, 3.0], [2.0, 6.0]])), 3)
    array([[-1, 1],
           [-1, 1]], dtype=float32)
    >>> nn.LayerNorm(2, affine=False).parameters()
    {}
    """

    def __init__(self, dims: int, eps: float = 1e-5, affine: bool = True, bias: bool = True):
        super().__init__()
        _check_eps("LayerNorm", eps)
        if affine:
            self.weight = mx.ones((dims,))
            if bias:
                self.bias = mx.zeros((dims,))
        self.eps = eps
        self.dims = dims

    def _extra_repr(self):
        return f"{self.dims}, eps={self.eps}, affine={'weight' in self}"

    def __call__(self, x):
        return mx.fast.layer_norm(x, self.get("weight"), self.get("bias"), self.eps)


class RMSNorm(Module):
    """Divides by the root mean square over the last axis, then scales by a learned weight.

    ``y = weight * x / sqrt(mean(x ** 2) + eps)`` along the last axis (through
    ``mx.fast.rms_norm``); ``weight`` has shape ``(dims,)`` and starts at ones.

    Parameters
    ----------
    dims : int
        The size of the last axis.
    eps : float, optional
        Added to the variance before the square root, for numerical stability; must be positive.
        Default: ``1e-05``.

    Raises
    ------
    ValueError
        When ``eps`` is not positive.

    Examples
    --------
    >>> norm = nn.RMSNorm(2)
    >>> norm
    RMSNorm(2, eps=1e-05)
    >>> mx.round(norm(mx.array([[3.0, 4.0]])), 3)
    array([[0.849, 1.131]], dtype=float32)
    """

    def __init__(self, dims: int, eps: float = 1e-5):
        super().__init__()
        _check_eps("RMSNorm", eps)
        self.weight = mx.ones((dims,))
        self.eps = eps

    def _extra_repr(self):
        return f"{self.weight.shape[0]}, eps={self.eps}"

    def __call__(self, x):
        return mx.fast.rms_norm(x, self["weight"], self.eps)


class GroupNorm(Module):
    """Normalises groups of channels over the spatial axes and the channels of each group.

    For an input ``(N, ..., C)`` the channels are split into ``num_groups`` groups and each sample's
    group is shifted to zero mean and scaled to unit variance; with ``affine`` the result is then
    multiplied by ``weight`` and shifted by ``bias`` (both ``(dims,)``, started at ones and zeros).
    By default channel ``c`` belongs to group ``c % num_groups``; with ``pytorch_compatible`` the
    groups are contiguous runs of ``dims // num_groups`` channels, as PyTorch forms them.

    Parameters
    ----------
    num_groups : int
        The number of groups; must divide ``dims``.
    dims : int
        The number of channels (the input's last axis).
    eps : float, optional
        Added to the variance before the square root, for numerical stability; must be positive.
        Default: ``1e-05``.
    affine : bool, optional
        Whether to learn a per-channel scale and shift. Default: ``True``.
    pytorch_compatible : bool, optional
        Group contiguous channels (see above). Default: ``False``.

    Raises
    ------
    ValueError
        When ``eps`` is not positive, ``num_groups`` or ``dims`` is not positive, or ``dims`` is not
        divisible by ``num_groups``.

    Examples
    --------
    >>> x = mx.array([[[1.0, 2.0, 3.0, 4.0], [3.0, 4.0, 5.0, 6.0]]])
    >>> mx.round(nn.GroupNorm(2, 4)(x), 3)
    array([[[-1.414, -1.414, 0, 0],
            [0, 0, 1.414, 1.414]]], dtype=float32)
    >>> mx.round(nn.GroupNorm(2, 4, pytorch_compatible=True)(x), 3)
    array([[[-1.342, -0.447, -1.342, -0.447],
            [0.447, 1.342, 0.447, 1.342]]], dtype=float32)
    """

    def __init__(self, num_groups: int, dims: int, eps: float = 1e-5, affine: bool = True,
                 pytorch_compatible: bool = False):
        super().__init__()
        _check_eps("GroupNorm", eps)
        if num_groups <= 0:
            raise ValueError(f"The number of groups ({num_groups}) must be a positive integer.")
        if dims <= 0:
            raise ValueError(f"The number of features ({dims}) must be a positive integer.")
        if dims % num_groups != 0:
            raise ValueError(
                f"The number of features ({dims}) must be evenly divisible by the number of "
                f"groups ({num_groups})."
            )
        if affine:
            self.bias = mx.zeros((dims,))
            self.weight = mx.ones((dims,))
        self.num_groups = num_groups
        self.dims = dims
        self.eps = eps
        self.pytorch_compatible = pytorch_compatible

    def _extra_repr(self):
        return (
            f"{self.num_groups}, {self.dims}, eps={self.eps}, affine={'weight' in self}, "
            f"pytorch_compatible={self.pytorch_compatible}"
        )

    def __call__(self, x):
        shape = x.shape
        batch, groups = shape[0], self.num_groups
        if self.pytorch_compatible:
            per = self.dims // groups
            y = x.reshape(batch, -1, groups, per).transpose(0, 2, 1, 3).reshape(batch, groups, -1)
            y = mx.fast.layer_norm(y, None, None, self.eps)
            y = y.reshape(batch, groups, -1, per).transpose(0, 2, 1, 3).reshape(shape)
        else:
            y = _standardize(x.reshape(batch, -1, groups), 1, self.eps).reshape(shape)
        return _affine(self, y)


class BatchNorm(Module):
    """Normalises each channel over the batch (and spatial) axes.

    For an input ``(N, C)``, ``(N, L, C)`` or ``(N, H, W, C)``, each channel is normalised over every
    axis but the last, then multiplied by ``weight`` and shifted by ``bias`` (both
    ``(num_features,)``, started at ones and zeros) when ``affine``.

    In training mode the batch's mean and (biased) variance are used and, with
    ``track_running_stats``, folded into ``running_mean`` and ``running_var`` (the unbiased variance)
    as ``running = (1 - momentum) * running + momentum * batch``. In evaluation mode (``eval()``)
    the running statistics are used instead. The running statistics are parameters (they are saved
    and loaded with the weights) but stay frozen, even through ``unfreeze``.

    Parameters
    ----------
    num_features : int
        The number of channels (the input's last axis).
    eps : float, optional
        Added to the variance before the square root, for numerical stability; must be positive.
        Default: ``1e-05``.
    momentum : float, optional
        The weight of each batch in the running statistics. Default: ``0.1``.
    affine : bool, optional
        Whether to learn a per-channel scale and shift. Default: ``True``.
    track_running_stats : bool, optional
        Whether to keep running statistics (without them the batch's statistics are used in
        evaluation mode too). Default: ``True``.

    Raises
    ------
    ValueError
        When ``eps`` is not positive; when called on an input that does not have 2 to 4
        dimensions, or in training mode on one value per channel.

    Examples
    --------
    >>> norm = nn.BatchNorm(2)
    >>> mx.round(norm(mx.array([[1.0, 3.0], [2.0, 6.0]])), 3)
    array([[-1, -1],
           [1, 1]], dtype=float32)
    >>> norm.running_mean
    array([0.15, 0.45], dtype=float32)
    >>> sorted(norm.trainable_parameters())
    ['bias', 'weight']
    """

    def __init__(self, num_features: int, eps: float = 1e-5, momentum: float = 0.1,
                 affine: bool = True, track_running_stats: bool = True):
        super().__init__()
        _check_eps("BatchNorm", eps)
        self.num_features = num_features
        self.eps = eps
        self.momentum = momentum
        self.track_running_stats = track_running_stats
        if affine:
            self.weight = mx.ones((num_features,))
            self.bias = mx.zeros((num_features,))
        if track_running_stats:
            self.running_mean = mx.zeros((num_features,))
            self.running_var = mx.ones((num_features,))
            self.freeze(keys=["running_mean", "running_var"], recurse=False)

    def unfreeze(self, *args, **kwargs):
        """As :meth:`Module.unfreeze`, but the running statistics stay frozen.

        Parameters
        ----------
        *args, **kwargs
            Passed to :meth:`Module.unfreeze` (``recurse``, ``keys``, ``strict``).

        Returns
        -------
        None
            Unlike :meth:`Module.unfreeze`, which returns the module (as the reference).

        Examples
        --------
        >>> norm = nn.BatchNorm(2)
        >>> _ = norm.unfreeze()
        >>> sorted(norm.trainable_parameters())
        ['bias', 'weight']
        """
        super().unfreeze(*args, **kwargs)
        if self.track_running_stats:
            self.freeze(keys=["running_mean", "running_var"], recurse=False)

    def _extra_repr(self):
        return (
            f"{self.num_features}, eps={self.eps}, momentum={self.momentum}, "
            f"affine={'weight' in self}, track_running_stats={self.track_running_stats}"
        )

    def __call__(self, x: mx.array) -> mx.array:
        if x.ndim < 2 or x.ndim > 4:
            raise ValueError(f"Expected input tensor to have 2, 3 or 4 dimensions, but got {x.ndim}")
        axes = tuple(range(x.ndim - 1))
        if self.training and math.prod(x.shape[:-1]) == 1:
            # one value per channel: its variance says nothing (and the unbiased one divides by 0)
            raise ValueError("BatchNorm training requires more than one value per channel.")
        if self.training or not self.track_running_stats:
            mean = mx.mean(x, axis=axes)
            var = mx.var(x, axis=axes)
            if self.training and self.track_running_stats:
                unbiased = mx.var(x, axis=axes, ddof=1)  # (not var * n/(n-1): other roundings)
                m = self.momentum
                self.running_mean = (1 - m) * self.running_mean + m * mean
                self.running_var = (1 - m) * self.running_var + m * unbiased
        else:
            mean, var = self.running_mean, self.running_var
        return _affine(self, (x - mean) * mx.rsqrt(var + self.eps))
