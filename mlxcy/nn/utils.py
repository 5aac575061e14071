"""Training helpers over modules: value_and_grad, checkpoint, average_gradients."""
from functools import wraps
from typing import Any, Callable, Optional

import mlxcy as mx
from mlxcy.nn.layers.base import Module
from mlxcy.utils import tree_flatten, tree_map, tree_unflatten


def _bind_parameters(model: Module, fn: Callable, transform: Callable):
    """Applies ``transform`` to ``fn`` seen as a function of the model's trainable parameters."""

    def with_params(params, *args, **kwargs):
        model.update(params)
        return fn(*args, **kwargs)

    transformed = transform(with_params)

    @wraps(fn)
    def call(*args, **kwargs):
        return transformed(model.trainable_parameters(), *args, **kwargs)

    return call


def value_and_grad(model: Module, fn: Callable):
    """Like ``mx.value_and_grad`` but the gradient is taken with respect to the trainable
    parameters of ``model``: the returned function gives ``(fn(*args), grads)`` with ``grads``
    shaped like ``model.trainable_parameters()``."""
    return _bind_parameters(model, fn, mx.value_and_grad)


def checkpoint(module: Module, fn: Optional[Callable] = None):
    """Wraps ``fn`` (default: calling ``module``) with ``mx.checkpoint`` so that its
    intermediate values are recomputed in the backward pass instead of stored."""
    if fn is None:
        fn = module.__call__
    return _bind_parameters(module, fn, mx.checkpoint)


def average_gradients(gradients: Any, group: Optional[Any] = None, all_reduce_size: int = 32 * 1024**2,
                      communication_stream: Optional[mx.Stream] = None):
    """Averages a gradient tree over the processes of ``group`` (the identity on one process).

    Small arrays are packed into messages of about ``all_reduce_size`` bytes (0 or less: one
    all-reduce per array); ``communication_stream`` is where the all-reduces run.
    """
    if group is None:
        group = mx.distributed.init()
    n = group.size()
    if n == 1:
        return gradients

    def average(x):
        return mx.distributed.all_sum(x, group=group, stream=communication_stream) / n

    if all_reduce_size <= 0:
        return tree_map(average, gradients)

    flat = tree_flatten(gradients)
    if not flat:
        return gradients
    keys = [k for k, _ in flat]
    values = [v for _, v in flat]
    dtype = values[0].dtype
    if any(v.dtype != dtype for v in values):
        # Mixed dtypes cannot share a buffer.
        return tree_map(average, gradients)

    out = []
    bucket = []
    bucket_bytes = 0

    def flush():
        nonlocal bucket, bucket_bytes
        if not bucket:
            return
        sizes = [v.size for v in bucket]
        joined = average(mx.concatenate([v.reshape(-1) for v in bucket]))
        offsets = [sum(sizes[: i + 1]) for i in range(len(sizes) - 1)]
        for v, part in zip(bucket, mx.split(joined, offsets)):
            out.append(part.reshape(v.shape))
        bucket, bucket_bytes = [], 0

    for v in values:
        bucket.append(v)
        bucket_bytes += v.nbytes
        if bucket_bytes >= all_reduce_size:
            flush()
    flush()
    return tree_unflatten(list(zip(keys, out)))
