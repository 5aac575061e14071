"""Training helpers over modules: value_and_grad, checkpoint, average_gradients.

Examples
--------
>>> nn.utils.value_and_grad is nn.value_and_grad
True
"""
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
    """Makes a function that returns ``fn``'s value and its gradient with respect to the trainable
    parameters of ``model``.

    ``fn`` is any function whose result depends on ``model`` (usually a loss calling it); the
    returned function takes ``fn``'s arguments and returns ``(value, grads)``, ``grads`` shaped like
    ``model.trainable_parameters()``. As with ``mx.value_and_grad``, ``fn`` must return a scalar
    array (or a tuple whose first element is one: then ``value`` is the whole tuple).

    Parameters
    ----------
    model : Module
        The module whose trainable parameters the gradient is taken for.
    fn : callable
        The function to differentiate.

    Returns
    -------
    callable
        ``(*args, **kwargs) -> (value, grads)``, with ``fn``'s name and docstring.

    Examples
    --------
    >>> model = nn.Linear(2, 1)
    >>> model.weight, model.bias = mx.array([[1.0, 2.0]]), mx.array([0.5])
    >>> def loss(x):
    ...     return model(x).sum()
    >>> value, grads = nn.value_and_grad(model, loss)(mx.array([[3.0, 4.0]]))
    >>> value
    array(11.5, dtype=float32)
    >>> grads
    {'weight': array([[3, 4]], dtype=float32), 'bias': array([1], dtype=float32)}
    """
    return _bind_parameters(model, fn, mx.value_and_grad)


def checkpoint(module: Module, fn: Optional[Callable] = None):
    """Wraps ``fn`` (default: calling ``module``) with ``mx.checkpoint``, as a function of the
    module's trainable parameters.

    The intermediate values of the call are recomputed in the backward pass instead of being
    kept: less memory, more compute. Used by the Transformer stacks' ``checkpoint`` option.

    Parameters
    ----------
    module : Module
        The module whose trainable parameters the checkpointed function depends on.
    fn : callable, optional
        The function to checkpoint. Default: ``None``, ``module.__call__``.

    Returns
    -------
    callable
        Takes ``fn``'s arguments and returns its result.

    Examples
    --------
    >>> layer = nn.Linear(2, 2)
    >>> layer.weight, layer.bias = mx.ones((2, 2)), mx.zeros(2)
    >>> nn.utils.checkpoint(layer)(mx.array([1.0, 2.0]))
    array([3, 3], dtype=float32)
    """
    if fn is None:
        fn = module.__call__
    return _bind_parameters(module, fn, mx.checkpoint)


def average_gradients(gradients: Any, group: Optional[Any] = None, all_reduce_size: int = 32 * 1024**2,
                      communication_stream: Optional[mx.Stream] = None):
    """Averages a tree of gradients over the processes of a distributed group.

    Each array is summed over the group (``mx.distributed.all_sum``) and divided by its size. To
    send fewer, larger messages, the arrays are packed together into messages of about
    ``all_reduce_size`` bytes when they all have the same dtype (else each is sent alone).
    On a single process the tree is returned as it is.

    Parameters
    ----------
    gradients : Any
        A tree (nested dicts, lists, tuples) of arrays.
    group : Group, optional
        The processes to average over. Default: ``None``, ``mx.distributed.init()``.
    all_reduce_size : int, optional
        Bytes per packed message; 0 or less sends one message per array. Default: ``33554432``
        (32 MiB).
    communication_stream : Stream, optional
        Where to run the all-reduces. Default: ``None``, the default stream.

    Returns
    -------
    Any
        A tree shaped like ``gradients`` (on a single process, ``gradients`` itself).

    Examples
    --------
    >>> grads = {"w": mx.array([1.0, 2.0])}
    >>> nn.average_gradients(grads) is grads  # a single process
    True
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
