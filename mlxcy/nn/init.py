"""Weight initialisers. Each returns a function mapping an array to a new array of its shape."""
import math
from typing import Callable, Literal

import mlxcy as mx


def constant(value: float, dtype: mx.Dtype = mx.float32) -> Callable[[mx.array], mx.array]:
    """Fills with ``value``."""

    def init(a: mx.array) -> mx.array:
        return mx.full(a.shape, value, dtype=dtype)

    return init


def normal(mean: float = 0.0, std: float = 1.0, dtype: mx.Dtype = mx.float32) -> Callable[[mx.array], mx.array]:
    """Samples from a normal distribution of the given ``mean`` and ``std``."""

    def init(a: mx.array) -> mx.array:
        return mx.random.normal(shape=a.shape, scale=std, loc=mean, dtype=dtype)

    return init


def uniform(low: float = 0.0, high: float = 1.0, dtype: mx.Dtype = mx.float32) -> Callable[[mx.array], mx.array]:
    """Samples uniformly from ``[low, high)``."""

    def init(a: mx.array) -> mx.array:
        return mx.random.uniform(low, high, a.shape, dtype=dtype)

    return init


def identity(dtype: mx.Dtype = mx.float32) -> Callable[[mx.array], mx.array]:
    """The identity matrix (the array must be square)."""

    def init(arr: mx.array) -> mx.array:
        if arr.ndim != 2 or arr.shape[0] != arr.shape[1]:
            raise ValueError(f"The input array must be a square matrix but got shape {arr.shape}.")
        return mx.eye(n=arr.shape[0], dtype=dtype)

    return init


def _fans(x: mx.array):
    """(fan_in, fan_out): last and first axis, each times the product of the axes between."""
    if x.ndim < 2:
        raise ValueError(
            "Glorot / He initialization requires at least 2 dimensional input"
            f" but input with {x.ndim} dimensions."
        )
    receptive = math.prod(x.shape[1:-1])
    return x.shape[-1] * receptive, x.shape[0] * receptive


def glorot_normal(dtype: mx.Dtype = mx.float32) -> Callable[[mx.array, float], mx.array]:
    """Normal with std ``gain * sqrt(2 / (fan_in + fan_out))``."""

    def init(a: mx.array, gain: float = 1.0) -> mx.array:
        fan_in, fan_out = _fans(a)
        std = gain * math.sqrt(2.0 / (fan_in + fan_out))
        # scaled inside normal() (not multiplied after): the same rounding as the reference
        return mx.random.normal(shape=a.shape, scale=std, dtype=dtype)

    return init


def glorot_uniform(dtype: mx.Dtype = mx.float32) -> Callable[[mx.array, float], mx.array]:
    """Uniform in ``±gain * sqrt(6 / (fan_in + fan_out))``."""

    def init(a: mx.array, gain: float = 1.0) -> mx.array:
        fan_in, fan_out = _fans(a)
        limit = gain * math.sqrt(6.0 / (fan_in + fan_out))
        return mx.random.uniform(-limit, limit, a.shape, dtype=dtype)

    return init


def _he_fan(a, mode):
    fan_in, fan_out = _fans(a)
    if mode == "fan_in":
        return fan_in
    if mode == "fan_out":
        return fan_out
    raise ValueError(f"Invalid mode: {mode}. Valid modes are: fan_in, fan_out")


def he_normal(dtype: mx.Dtype = mx.float32) -> Callable[[mx.array, Literal["fan_in", "fan_out"], float], mx.array]:
    """Normal with std ``gain / sqrt(fan)``, ``fan`` chosen by ``mode``."""

    def init(a: mx.array, mode: Literal["fan_in", "fan_out"] = "fan_in", gain: float = 1.0) -> mx.array:
        std = gain / math.sqrt(_he_fan(a, mode))
        # scaled inside normal() (not multiplied after): the same rounding as the reference
        return mx.random.normal(shape=a.shape, scale=std, dtype=dtype)

    return init


def he_uniform(dtype: mx.Dtype = mx.float32) -> Callable[[mx.array, Literal["fan_in", "fan_out"], float], mx.array]:
    """Uniform in ``±gain * sqrt(3 / fan)``, ``fan`` chosen by ``mode``."""

    def init(a: mx.array, mode: Literal["fan_in", "fan_out"] = "fan_in", gain: float = 1.0) -> mx.array:
        limit = gain * math.sqrt(3.0 / _he_fan(a, mode))
        return mx.random.uniform(-limit, limit, a.shape, dtype=dtype)

    return init


def sparse(sparsity: float, mean: float = 0.0, std: float = 1.0,
           dtype: mx.Dtype = mx.float32) -> Callable[[mx.array], mx.array]:
    """Normal values with ``ceil(sparsity * columns)`` zeros at random places in each row."""

    def init(a: mx.array) -> mx.array:
        if a.ndim != 2:
            raise ValueError("Only tensors with 2 dimensions are supported")
        rows, cols = a.shape
        n_zero = int(math.ceil(sparsity * cols))
        order = mx.argsort(mx.random.uniform(shape=a.shape), axis=1)
        values = mx.random.normal(shape=a.shape, scale=std, loc=mean, dtype=dtype)
        zero_at = mx.zeros(a.shape, dtype=mx.bool_)
        if n_zero > 0:
            hit = mx.arange(cols)[None, :] < n_zero  # the first n_zero of a random permutation
            zero_at = mx.put_along_axis(zero_at, order, mx.broadcast_to(hit, a.shape), axis=1)
        return mx.where(zero_at, mx.zeros((), dtype=dtype), values)

    return init


def orthogonal(gain: float = 1.0, dtype: mx.Dtype = mx.float32) -> Callable[[mx.array], mx.array]:
    """A (semi-)orthogonal matrix times ``gain``, from the QR decomposition of a normal sample."""

    def init(a: mx.array) -> mx.array:
        if a.ndim != 2:
            raise ValueError(f"Orthogonal initialization requires a 2D array but got a {a.ndim}D array.")
        rows, cols = a.shape
        n = max(rows, cols)
        q, r = mx.linalg.qr(mx.random.normal(shape=(n, n)), stream=mx.cpu)
        q = q * mx.sign(mx.diag(r))  # makes the decomposition unique
        return (gain * q[:rows, :cols]).astype(dtype)

    return init
