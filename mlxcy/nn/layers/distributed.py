"""Layers whose parameters are split across the processes of a distributed group.

- ``AllToShardedLinear``: every process holds a slice of the output features; the input is the
  same everywhere and its gradient is summed over the group.
- ``ShardedToAllLinear``: every process holds a slice of the input features; the partial products
  are summed over the group so every process gets the full output.
- Their quantized counterparts, and ``fully_shard`` / ``FullyShardedModule``, which keeps only a
  slice (along axis 0) of every parameter and gathers the rest for each forward pass.

Examples
--------
>>> nn.distributed.fully_shard is nn.fully_shard
True
"""
import math
from functools import lru_cache
from typing import Callable, Optional, Union

import mlxcy as mx
from mlxcy.nn.layers.base import Module
from mlxcy.nn.layers.linear import Linear
from mlxcy.nn.layers.quantized import QuantizedLinear, _defaults, _quant_repr, _store_quantized
from mlxcy.utils import tree_flatten, tree_map, tree_map_with_path, tree_unflatten

__all__ = ["AllToShardedLinear", "ShardedToAllLinear", "QuantizedAllToShardedLinear",
           "QuantizedShardedToAllLinear", "FullyShardedModule", "fully_shard", "shard_linear",
           "shard_inplace", "sum_gradients"]


class _NotALinearLayerError(ValueError, AttributeError):
    """``shard_linear`` of a module that is not a (quantized) linear layer. The reference fails
    with AttributeError (reading ``module.weight``); this is also one, so code written for it
    catches it."""


def _group(group):
    return group if group is not None else mx.distributed.init()


@lru_cache(maxsize=None)
def _sum_gradients_for(group):
    @mx.custom_function
    def identity(x):
        return x

    @identity.vjp
    def identity_vjp(primals, cotangent, output):
        return mx.distributed.all_sum(cotangent, group=group)

    return identity


def sum_gradients(group):
    """A function that is the identity in the forward pass and sums its gradient over ``group``.

    Placed where an input enters sharded computations, so that each process gets the full gradient
    of that input.

    Parameters
    ----------
    group : Group
        The processes to sum over.

    Returns
    -------
    callable
        ``array -> array``; on a single process, a plain identity.

    Examples
    --------
    >>> identity = nn.distributed.sum_gradients(mx.distributed.init())
    >>> identity(mx.array([1.0, 2.0]))
    array([1, 2], dtype=float32)
    """
    if group.size() == 1:
        return lambda x: x
    return _sum_gradients_for(group)


def _shard(x, axis, segments, group):
    """This process's part of ``x`` along ``axis``: ``x`` is first cut into ``segments`` (a count,
    or the split indices of fused weights), and each segment is split evenly over the group."""
    n, r = group.size(), group.rank()
    if n == 1:
        return x
    parts = mx.split(x, segments, axis=axis) if segments != 1 else [x]
    mine = []
    for part in parts:
        if part.shape[axis] % n:
            raise ValueError(f"Cannot shard a dimension of size {part.shape[axis]} over {n} processes")
        mine.append(mx.split(part, n, axis=axis)[r])
    return mine[0] if len(mine) == 1 else mx.concatenate(mine, axis=axis)


def _check_divisible(dims, n, what):
    if dims % n:
        raise ValueError(f"The {what} ({dims}) must be divisible by the size of the group ({n})")


def _sharded_shapes(sharding, input_dims, output_dims, n):
    """(weight shape, bias shape) of this process's shard: all-to-sharded splits the output
    features, sharded-to-all the input features (its bias stays whole)."""
    if sharding == "all-to-sharded":
        _check_divisible(output_dims, n, "output dimensions")
        return (output_dims // n, input_dims), (output_dims // n,)
    _check_divisible(input_dims, n, "input dimensions")
    return (output_dims, input_dims // n), (output_dims,)


def _full_dims(sharding, weight_inputs, weight_outputs, n):
    """(input_dims, output_dims) of the unsharded layer, from the shard's weight."""
    if sharding == "all-to-sharded":
        return weight_inputs, weight_outputs * n
    return weight_inputs * n, weight_outputs


class _ShardedLinear(Module):
    """Shared by AllToShardedLinear and ShardedToAllLinear; ``_sharding`` says which."""
    _sharding = None

    def __init__(self, input_dims: int, output_dims: int, bias: bool = True, group=None):
        super().__init__()
        self.group = _group(group)
        w_shape, b_shape = _sharded_shapes(self._sharding, input_dims, output_dims, self.group.size())
        bound = math.sqrt(1.0 / input_dims)
        self.weight = mx.random.uniform(low=-bound, high=bound, shape=w_shape)
        if bias:
            self.bias = mx.random.uniform(low=-bound, high=bound, shape=b_shape)

    def _extra_repr(self):
        out, inp = self.weight.shape
        inp, out = _full_dims(self._sharding, inp, out, self.group.size())
        return f"input_dims={inp}, output_dims={out}, bias={'bias' in self}"

    @classmethod
    def from_linear(cls, linear_layer, *, segments: Union[int, list] = 1, group=None):
        """The sharded counterpart of ``linear_layer``: this process's slice of its weight and bias.

        Parameters
        ----------
        linear_layer : Module
            A :class:`Linear` layer.
        segments : int or list(int), optional
            For fused weights (several matrices stacked along the sharded axis): the number of equal
            segments, or the indices where they split; each segment is sharded separately. Default: ``1``.
        group : Group, optional
            The processes to shard over. Default: ``None``, ``mx.distributed.init()``.

        Returns
        -------
        AllToShardedLinear or ShardedToAllLinear
            A new layer of the class this method is called on.

        Raises
        ------
        ValueError
            When a sharded dimension is not divisible by the group's size.

        Examples
        --------
        >>> nn.AllToShardedLinear.from_linear(nn.Linear(4, 6))
        AllToShardedLinear(input_dims=4, output_dims=6, bias=True)
        """
        group = _group(group)
        out, inp = linear_layer.weight.shape
        layer = cls(inp, out, "bias" in linear_layer, group)
        layer.update(_sharded_params(linear_layer, cls._sharding, segments, group))
        return layer


class AllToShardedLinear(_ShardedLinear):
    """A Linear layer whose output features are split over the processes of a group.

    Each process holds ``output_dims / group.size()`` rows of the weight (and of the bias) and
    computes that slice of the output from the full input; in the backward pass the input's
    gradient is summed over the group. Usually followed by a :class:`ShardedToAllLinear`.
    On a single process (a group of size 1) nothing is split and no communication happens.
    Weight and bias start uniform in ``[-k, k]``, ``k = 1 / sqrt(input_dims)``.

    Parameters
    ----------
    input_dims : int
        The size of the input's last axis.
    output_dims : int
        The size of the unsharded output's last axis; divisible by the group's size.
    bias : bool, optional
        Whether to add a learned bias. Default: ``True``.
    group : Group, optional
        The processes to shard over. Default: ``None``, ``mx.distributed.init()``.

    Raises
    ------
    ValueError
        When ``output_dims`` is not divisible by the group's size.

    Examples
    --------
    >>> layer = nn.AllToShardedLinear(4, 6)
    >>> layer
    AllToShardedLinear(input_dims=4, output_dims=6, bias=True)
    >>> layer(mx.ones((2, 4))).shape  # one process: the whole output
    (2, 6)
    """
    _sharding = "all-to-sharded"

    def __call__(self, x):
        x = sum_gradients(self.group)(x)
        if "bias" in self:
            return mx.addmm(self["bias"], x, self["weight"].T)
        return x @ self["weight"].T


class ShardedToAllLinear(_ShardedLinear):
    """A Linear layer whose input features are split over the processes of a group.

    Each process holds ``input_dims / group.size()`` columns of the weight, multiplies them by its
    slice of the input, and the partial products are summed over the group (``all_sum``), so every
    process gets the full output; the bias is not split. Usually follows an
    :class:`AllToShardedLinear`.
    On a single process (a group of size 1) nothing is split and no communication happens.
    Weight and bias start uniform in ``[-k, k]``, ``k = 1 / sqrt(input_dims)``.

    Parameters
    ----------
    input_dims : int
        The size of the unsharded input's last axis; divisible by the group's size.
    output_dims : int
        The size of the output's last axis.
    bias : bool, optional
        Whether to add a learned bias. Default: ``True``.
    group : Group, optional
        The processes to shard over. Default: ``None``, ``mx.distributed.init()``.

    Raises
    ------
    ValueError
        When ``input_dims`` is not divisible by the group's size.

    Examples
    --------
    >>> layer = nn.ShardedToAllLinear(4, 6)
    >>> layer.weight.shape  # one process: the whole weight
    (6, 4)
    >>> layer(mx.ones((2, 4))).shape
    (2, 6)
    """
    _sharding = "sharded-to-all"

    def __call__(self, x):
        y = x @ self["weight"].T
        if self.group.size() > 1:
            y = mx.distributed.all_sum(y, group=self.group)
        return y + self["bias"] if "bias" in self else y


class _QuantizedSharded(Module):
    """Shared by the quantized sharded layers; quantized weights never train, so ``unfreeze``
    leaves them frozen."""
    _sharding = None

    def unfreeze(self, *args, **kwargs):
        """As :meth:`Module.unfreeze`, but the layer's own quantized parameters stay frozen.

        Parameters
        ----------
        *args, **kwargs
            Passed to :meth:`Module.unfreeze` (``recurse``, ``keys``, ``strict``).

        if self.track_running_stats:
            self.freeze(keys=["running_mean", "running_var"], recurse=False)

        Examples
        --------
        >>> layer = nn.QuantizedAllToShardedLinear(64, 8)
        >>> _ = layer.unfreeze()
        >>> layer.trainable_parameters()
        {}
        """
        super().unfreeze(*args, **kwargs)
        self.freeze(recurse=False)

    def __init__(self, input_dims, output_dims, bias=True, group_size=64, bits=4, mode="affine", group=None):
        super().__init__()
        self.group = _group(group)
        self.group_size, self.bits = _defaults(group_size, bits, mode)
        self.mode = mode
        w_shape, b_shape = _sharded_shapes(self._sharding, input_dims, output_dims, self.group.size())
        bound = math.sqrt(1.0 / input_dims)
        _store_quantized(self, mx.random.uniform(low=-bound, high=bound, shape=w_shape))
        if bias:
            self.bias = mx.zeros(b_shape)
        self.freeze()

    def _extra_repr(self):
        out, packed = self.weight.shape
        inp, out = _full_dims(self._sharding, packed * 32 // self.bits, out, self.group.size())
        return _quant_repr(self, f"input_dims={inp}, output_dims={out}, bias={'bias' in self}")

    def _matmul(self, x):
        return mx.quantized_matmul(x, self["weight"], self["scales"], self.get("biases"), transpose=True,
                                   group_size=self.group_size, bits=self.bits, mode=self.mode)

    @classmethod
    def from_quantized_linear(cls, quantized_linear_layer, *, segments: Union[int, list] = 1, group=None):
        """The sharded counterpart of a :class:`QuantizedLinear`: this process's slice of its quantized
        weight, scales, biases and bias.

        Parameters
        ----------
        quantized_linear_layer : Module
            A :class:`QuantizedLinear` layer.
        segments : int or list(int), optional
            For fused weights: the number of equal segments, or the indices where they split; each
            segment is sharded separately. Default: ``1``.
        group : Group, optional
            The processes to shard over. Default: ``None``, ``mx.distributed.init()``.

        Returns
        -------
        QuantizedAllToShardedLinear or QuantizedShardedToAllLinear
            A new layer of the class this method is called on.

        Raises
        ------
        ValueError
            When a sharded dimension is not divisible by the group's size.

        Examples
        --------
        >>> nn.QuantizedShardedToAllLinear.from_quantized_linear(nn.QuantizedLinear(64, 8))
        QuantizedShardedToAllLinear(input_dims=64, output_dims=8, bias=True, group_size=64, bits=4, mode=affine)
        """
        group = _group(group)
        q = quantized_linear_layer
        out, packed = q.weight.shape
        layer = cls(packed * 32 // q.bits, out, "bias" in q, q.group_size, q.bits, q.mode, group)
        layer.update(_sharded_params(q, cls._sharding, segments, group))
        return layer


class QuantizedAllToShardedLinear(_QuantizedSharded):
    """The quantized :class:`AllToShardedLinear`: output features split over a group, the weight
    stored quantized (as in :class:`QuantizedLinear`).

    Its parameters are frozen and stay frozen through ``unfreeze``.
    On a single process (a group of size 1) nothing is split and no communication happens.

    Parameters
    ----------
    input_dims : int
        The size of the input's last axis; a multiple of ``group_size``.
    output_dims : int
        The size of the unsharded output's last axis; divisible by the group's size.
    bias : bool, optional
        Whether to add a bias (started at zeros). Default: ``True``.
    group_size : int, optional
        How many consecutive weights share one scale. Default: ``64``.
    bits : int, optional
        Bits per weight. Default: ``4``.
    mode : str, optional
        The quantization mode of ``mx.quantize``. Default: ``'affine'``.
    group : Group, optional
        The processes to shard over. Default: ``None``, ``mx.distributed.init()``.

    Raises
    ------
    ValueError
        When ``output_dims`` is not divisible by the group's size; for an unknown ``mode``, or a
        ``group_size`` or ``bits`` that is not positive.

    Examples
    --------
    >>> layer = nn.QuantizedAllToShardedLinear(64, 6)
    >>> layer
    QuantizedAllToShardedLinear(input_dims=64, output_dims=6, bias=True, group_size=64, bits=4, mode=affine)
    >>> layer(mx.ones((2, 64))).shape
    (2, 6)
    """
    _sharding = "all-to-sharded"

    def __call__(self, x):
        y = self._matmul(sum_gradients(self.group)(x))
        return y + self["bias"] if "bias" in self else y


class QuantizedShardedToAllLinear(_QuantizedSharded):
    """The quantized :class:`ShardedToAllLinear`: input features split over a group, the weight
    stored quantized (as in :class:`QuantizedLinear`).

    Its parameters are frozen and stay frozen through ``unfreeze``.
    On a single process (a group of size 1) nothing is split and no communication happens.

    Parameters
    ----------
    input_dims : int
        The size of the unsharded input's last axis; divisible by the group's size, and each slice
        a multiple of ``group_size``.
    output_dims : int
        The size of the output's last axis.
    bias : bool, optional
        Whether to add a bias (started at zeros). Default: ``True``.
    group_size : int, optional
        How many consecutive weights share one scale. Default: ``64``.
    bits : int, optional
        Bits per weight. Default: ``4``.
    mode : str, optional
        The quantization mode of ``mx.quantize``. Default: ``'affine'``.
    group : Group, optional
        The processes to shard over. Default: ``None``, ``mx.distributed.init()``.

    Raises
    ------
    ValueError
        When ``input_dims`` is not divisible by the group's size; for an unknown ``mode``, or a
        ``group_size`` or ``bits`` that is not positive.

    Examples
    --------
    >>> layer = nn.QuantizedShardedToAllLinear(64, 6)
    >>> layer(mx.ones((2, 64))).shape
    (2, 6)
    >>> _ = layer.unfreeze()
    >>> layer.trainable_parameters()
    {}
    """
    _sharding = "sharded-to-all"

    def __call__(self, x):
        y = self._matmul(x)
        if self.group.size() > 1:
            y = mx.distributed.all_sum(y, group=self.group)
        return y + self["bias"] if "bias" in self else y


def _sharding_rule(sharding):
    """A callable (path, weight) -> axis or (axis, segments) or None for a named sharding."""
    if callable(sharding):
        return sharding
    if sharding == "all-to-sharded":
        return lambda path, w: 0
    if sharding == "sharded-to-all":
        return lambda path, w: -1 if not path.endswith("bias") else None
    raise ValueError(f"Unknown sharding '{sharding}': use 'all-to-sharded', 'sharded-to-all' or a callable")


def _sharded_params(module, sharding, segments, group):
    """The sharded parameter tree of ``module`` (the module itself is not changed)."""
    rule = _sharding_rule(sharding)

    def shard(path, w):
        spec = rule(path, w)
        if spec is None:
            return w
        axis, segs = spec if isinstance(spec, tuple) else (spec, segments)
        return _shard(w, axis, segs, group)

    return tree_map_with_path(shard, module.parameters())


def shard_inplace(module: Module, sharding: Union[str, Callable], *, segments: Union[int, list] = 1, group=None):
    """Replaces the parameters of ``module`` by this process's shard of them, in place.

    Parameters
    ----------
    module : Module
        The module whose parameters to shard.
    sharding : str or callable
        ``'all-to-sharded'`` splits every parameter along axis 0; ``'sharded-to-all'`` splits every
        parameter but biases along the last axis. A callable ``(path, weight)`` returns the axis to
        split, an ``(axis, segments)`` pair, or ``None`` to keep the parameter whole.
    segments : int or list(int), optional
        For fused weights (several matrices stacked along the sharded axis): the number of equal
        segments, or the indices where they split; each segment is sharded separately. Default: ``1``.
    group : Group, optional
        The processes to shard over. Default: ``None``, ``mx.distributed.init()``.

    Returns
    -------
    None

    Raises
    ------
    ValueError
        For an unknown ``sharding``, or a sharded dimension not divisible by the group's size.

    Examples
    --------
    >>> layer = nn.Linear(4, 6)
    >>> nn.distributed.shard_inplace(layer, "all-to-sharded")
    >>> layer.weight.shape  # one process: nothing split
    (6, 4)
    """
    module.update(_sharded_params(module, sharding, segments, _group(group)))


def shard_linear(module: Module, sharding: str, *, segments: Union[int, list] = 1, group=None):
    """A new sharded layer made from a :class:`Linear` or :class:`QuantizedLinear`.

    ``'all-to-sharded'`` gives an :class:`AllToShardedLinear` (or its quantized version),
    ``'sharded-to-all'`` a :class:`ShardedToAllLinear` (or its quantized version), holding this
    process's shard of the layer's parameters.

    Parameters
    ----------
    module : Module
        A :class:`Linear` or :class:`QuantizedLinear` layer.
    sharding : str
        ``'all-to-sharded'`` or ``'sharded-to-all'``.
    segments : int or list(int), optional
        For fused weights (several matrices stacked along the sharded axis): the number of equal
        segments, or the indices where they split; each segment is sharded separately. Default: ``1``.
    group : Group, optional
        The processes to shard over. Default: ``None``, ``mx.distributed.init()``.

    Returns
    -------
    Module
        The sharded layer.

    Raises
    ------
    ValueError
        When ``module`` is not a (quantized) linear layer, for an unknown ``sharding``, or a sharded
        dimension not divisible by the group's size.

    Examples
    --------
    >>> nn.distributed.shard_linear(nn.Linear(4, 6), "all-to-sharded")
    AllToShardedLinear(input_dims=4, output_dims=6, bias=True)

    Notes
    -----
    The ``ValueError`` for a module that is not a linear layer is also an ``AttributeError``, the
    type the reference raises.
    """
    kinds = {("all-to-sharded", False): AllToShardedLinear, ("sharded-to-all", False): ShardedToAllLinear,
             ("all-to-sharded", True): QuantizedAllToShardedLinear,
             ("sharded-to-all", True): QuantizedShardedToAllLinear}
    # the sharding is checked before the module, as the reference does
    if sharding not in ("all-to-sharded", "sharded-to-all"):
        raise ValueError(f"Unknown sharding '{sharding}': use 'all-to-sharded' or 'sharded-to-all'")
    quantized = isinstance(module, QuantizedLinear)
    if not quantized and not isinstance(module, Linear):
        raise _NotALinearLayerError(
            f"shard_linear expects a Linear or QuantizedLinear layer, got {type(module).__name__}")
    cls = kinds[(sharding, quantized)]
    convert = cls.from_quantized_linear if quantized else cls.from_linear
    return convert(module, segments=segments, group=group)


@lru_cache(maxsize=None)
def _gather_for(group):
    """all_gather forward; backward, the summed gradient's slice for this process."""
    n, r = group.size(), group.rank()

    @mx.custom_function
    def gather(x):
        return mx.distributed.all_gather(x, group=group)

    @gather.vjp
    def gather_vjp(primals, cotangent, output):
        # a reduce-scatter, written as all_sum + slice: libmlx's ring backend has no reduce-scatter
        return mx.split(mx.distributed.all_sum(cotangent, group=group), n, axis=0)[r]

    return gather


class FullyShardedModule(Module):
    """Wraps a module so that each process keeps only a slice of its parameters.

    At construction every parameter of ``module`` is replaced, in place, by this process's slice
    along axis 0 (so every parameter's first dimension must be divisible by the group's size). Each
    call gathers the full parameters (``all_gather``, cast to ``compute_dtype`` if given), calls
    ``module``, and puts the slices back; in the backward pass the gradients are summed over the
    group and each process keeps its slice. The wrapped module is ``self.module``.

    Parameters
    ----------
    module : Module
        The module to shard.
    group : Group, optional
        The processes to shard over. Default: ``None``, ``mx.distributed.init()``.
    compute_dtype : Dtype, optional
        The dtype the gathered parameters are cast to for the call. Default: ``None``, unchanged.

    Raises
    ------
    ValueError
        When a parameter is 0-d or its first dimension is not divisible by the group's size.

    Examples
    --------
    >>> wrapped = nn.FullyShardedModule(nn.Linear(4, 6))
    >>> wrapped(mx.ones((2, 4))).shape
    (2, 6)
    >>> wrapped.module.weight.shape  # one process: the whole weight
    (6, 4)
    """

    def __init__(self, module: Module, group=None, compute_dtype=None):
        super().__init__()
        self.group = _group(group)
        self.compute_dtype = compute_dtype
        n = self.group.size()
        for path, p in tree_flatten(module.parameters()):
            if p.ndim == 0 or p.shape[0] % n:
                raise ValueError(f"Parameter '{path}' of shape {p.shape} cannot be sharded along axis 0 "
                                 f"over {n} processes")
        module.update(tree_map(lambda p: _shard(p, 0, 1, self.group), module.parameters()))
        self.module = module

    def _extra_repr(self):
        return f"num_sharded_params={len(tree_flatten(self.module.parameters()))}"

    def __call__(self, *args, **kwargs):
        shards = self.module.parameters()
        gather = _gather_for(self.group)
        cast = (lambda p: p.astype(self.compute_dtype)) if self.compute_dtype is not None else (lambda p: p)
        self.module.update(tree_map(lambda p: cast(gather(p)), shards))
        try:
            return self.module(*args, **kwargs)
        finally:
            self.module.update(shards)


def fully_shard(module: Module, *, group=None, compute_dtype=None) -> Module:
    """Wraps ``module`` in a :class:`FullyShardedModule` (on one process, returns ``module`` itself).

    Parameters
    ----------
    module : Module
        The module to shard.
    group : Group, optional
        The processes to shard over. Default: ``None``, ``mx.distributed.init()``.
    compute_dtype : Dtype, optional
        The dtype the gathered parameters are cast to for each call. Default: ``None``, unchanged.

    Returns
    -------
    Module
        The wrapper, or ``module`` when the group has a single process.

    Raises
    ------
    ValueError
        As :class:`FullyShardedModule`.

    Examples
    --------
    >>> layer = nn.Linear(4, 6)
    >>> nn.fully_shard(layer) is layer  # a single process
    True
    """
    group = _group(group)
    if group.size() == 1:
        return module
    return FullyShardedModule(module, group=group, compute_dtype=compute_dtype)
