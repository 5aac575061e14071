"""Weight initialisers. Each returns a function mapping an array to a new array of its shape."""
import math
from typing import Callable, Literal

import mlxcy as mx


def constant(value: float, dtype: mx.Dtype = mx.float32) -> Callable[[mx.array], mx.array]:
    """Initializer that fills an array's shape with one value.

    Parameters
    ----------
    value : float
        The value every element gets.
    dtype : Dtype, optional
        The dtype of the arrays the initializer returns. Default: ``mx.float32``.

    Returns
    -------
    Callable[[array], array]
        An initializer: called with an array, it returns a new array of that array's shape filled with ``value``.

    Examples
    --------
    >>> init_fn = nn.init.constant(0.5)
    >>> init_fn(mx.zeros((2, 2)))
    array([[0.5, 0.5],
           [0.5, 0.5]], dtype=float32)
    >>> nn.init.constant(2, dtype=mx.int32)(mx.zeros((3,)))
    array([2, 2, 2], dtype=int32)
    """

    def init(a: mx.array) -> mx.array:
        return mx.full(a.shape, value, dtype=dtype)

    return init


def normal(mean: float = 0.0, std: float = 1.0, dtype: mx.Dtype = mx.float32) -> Callable[[mx.array], mx.array]:
    """Initializer that samples from a normal distribution.

    Parameters
    ----------
    mean : float, optional
        The mean of the distribution. Default: ``0.0``.
    std : float, optional
        The standard deviation of the distribution. Default: ``1.0``.
    dtype : Dtype, optional
        The dtype of the arrays the initializer returns. Default: ``mx.float32``.

    Returns
    -------
    Callable[[array], array]
        An initializer: called with an array, it returns a new array of that array's shape of samples drawn with ``mx.random.normal``.

    Examples
    --------
    >>> w = nn.init.normal(mean=1.0, std=0.5)(mx.zeros((2, 3)))
    >>> w.shape, w.dtype
    ((2, 3), mlx.core.float32)
    >>> nn.init.normal(std=0.0)(mx.zeros((2,)))
    array([0, 0], dtype=float32)
    """

    def init(a: mx.array) -> mx.array:
        return mx.random.normal(shape=a.shape, scale=std, loc=mean, dtype=dtype)

    return init


def uniform(low: float = 0.0, high: float = 1.0, dtype: mx.Dtype = mx.float32) -> Callable[[mx.array], mx.array]:
    """Initializer that samples uniformly from ``[low, high)``.

    Parameters
    ----------
    low : float, optional
        The lower bound (included). Default: ``0.0``.
    high : float, optional
        The upper bound (excluded). Default: ``1.0``.
    dtype : Dtype, optional
        The dtype of the arrays the initializer returns. Default: ``mx.float32``.

    Returns
    -------
    Callable[[array], array]
        An initializer: called with an array, it returns a new array of that array's shape of samples drawn with ``mx.random.uniform``.

    Examples
    --------
    >>> w = nn.init.uniform(low=-0.5, high=0.5)(mx.zeros((4, 4)))
    >>> w.shape, bool(mx.all((w >= -0.5) & (w < 0.5)))
    ((4, 4), True)
    """

    def init(a: mx.array) -> mx.array:
        return mx.random.uniform(low, high, a.shape, dtype=dtype)

    return init


def identity(dtype: mx.Dtype = mx.float32) -> Callable[[mx.array], mx.array]:
    """Initializer that returns the identity matrix of a square array's size.

    Parameters
    ----------
    dtype : Dtype, optional
        The dtype of the arrays the initializer returns. Default: ``mx.float32``.

    Returns
    -------
    Callable[[array], array]
        An initializer: called with an array, it returns a new array of that array's shape: the identity matrix.
        The initializer raises ValueError for an array that is not a square matrix.

    Examples
    --------
    >>> nn.init.identity()(mx.zeros((2, 2)))
    array([[1, 0],
           [0, 1]], dtype=float32)
    """

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
    """Initializer that samples from a normal distribution scaled by the array's fans (Glorot, also
    called Xavier, initialisation).

    The standard deviation is ``gain * sqrt(2 / (fan_in + fan_out))``. ``fan_in`` is the size of the last axis and ``fan_out`` that of the first, each times the
    product of the axes in between (for a ``Linear`` weight of shape ``(out, in)``: ``in`` and
    ``out``).

    Parameters
    ----------
    dtype : Dtype, optional
        The dtype of the arrays the initializer returns. Default: ``mx.float32``.

    Returns
    -------
    Callable[[array, float], array]
        An initializer ``init(a, gain=1.0)`` returning a new array of ``a``'s shape. It raises
        ValueError when ``a`` has fewer than 2 dimensions.

    Examples
    --------
    >>> w = nn.init.glorot_normal()(mx.zeros((64, 32)))
    >>> w.shape, w.dtype
    ((64, 32), mlx.core.float32)
    >>> bool(mx.all(nn.init.glorot_normal()(mx.zeros((2, 2)), gain=0.0) == 0))
    True
    """

    def init(a: mx.array, gain: float = 1.0) -> mx.array:
        fan_in, fan_out = _fans(a)
        std = gain * math.sqrt(2.0 / (fan_in + fan_out))
        # scaled inside normal() (not multiplied after): the same rounding as the reference
        return mx.random.normal(shape=a.shape, scale=std, dtype=dtype)

    return init


def glorot_uniform(dtype: mx.Dtype = mx.float32) -> Callable[[mx.array, float], mx.array]:
    """Initializer that samples uniformly within bounds scaled by the array's fans (Glorot, also
    called Xavier, initialisation).

    The samples lie in ``[-limit, limit)`` with ``limit = gain * sqrt(6 / (fan_in + fan_out))``.
    ``fan_in`` is the size of the last axis and ``fan_out`` that of the first, each times the
    product of the axes in between (for a ``Linear`` weight of shape ``(out, in)``: ``in`` and
    ``out``).

    Parameters
    ----------
    dtype : Dtype, optional
        The dtype of the arrays the initializer returns. Default: ``mx.float32``.

    Returns
    -------
    Callable[[array, float], array]
        An initializer ``init(a, gain=1.0)`` returning a new array of ``a``'s shape. It raises
        ValueError when ``a`` has fewer than 2 dimensions.

    Examples
    --------
    >>> w = nn.init.glorot_uniform()(mx.zeros((4, 2)))  # limit sqrt(6 / 6) = 1
    >>> w.shape, bool(mx.all(mx.abs(w) <= 1.0))
    ((4, 2), True)
    """

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
    """Initializer that samples from a normal distribution scaled by one of the array's fans (He, also
    called Kaiming, initialisation).

    The standard deviation is ``gain / sqrt(fan)``, ``fan`` being ``fan_in`` or ``fan_out`` as
    ``mode`` says. ``fan_in`` is the size of the last axis and ``fan_out`` that of the first, each times the
    product of the axes in between (for a ``Linear`` weight of shape ``(out, in)``: ``in`` and
    ``out``).

    Parameters
    ----------
    dtype : Dtype, optional
        The dtype of the arrays the initializer returns. Default: ``mx.float32``.

    Returns
    -------
    Callable[[array, str, float], array]
        An initializer ``init(a, mode="fan_in", gain=1.0)`` returning a new array of ``a``'s shape.
        It raises ValueError when ``a`` has fewer than 2 dimensions or ``mode`` is neither
        ``"fan_in"`` nor ``"fan_out"``.

    Examples
    --------
    >>> w = nn.init.he_normal()(mx.zeros((8, 16)), mode="fan_out")
    >>> w.shape, w.dtype
    ((8, 16), mlx.core.float32)
    """

    def init(a: mx.array, mode: Literal["fan_in", "fan_out"] = "fan_in", gain: float = 1.0) -> mx.array:
        std = gain / math.sqrt(_he_fan(a, mode))
        # scaled inside normal() (not multiplied after): the same rounding as the reference
        return mx.random.normal(shape=a.shape, scale=std, dtype=dtype)

    return init


def he_uniform(dtype: mx.Dtype = mx.float32) -> Callable[[mx.array, Literal["fan_in", "fan_out"], float], mx.array]:
    """Initializer that samples uniformly within bounds scaled by one of the array's fans (He, also
    called Kaiming, initialisation).

    The samples lie in ``[-limit, limit)`` with ``limit = gain * sqrt(3 / fan)``, ``fan`` being
    ``fan_in`` or ``fan_out`` as ``mode`` says. ``fan_in`` is the size of the last axis and ``fan_out`` that of the first, each times the
    product of the axes in between (for a ``Linear`` weight of shape ``(out, in)``: ``in`` and
    ``out``).

    Parameters
    ----------
    dtype : Dtype, optional
        The dtype of the arrays the initializer returns. Default: ``mx.float32``.

    Returns
    -------
    Callable[[array, str, float], array]
        An initializer ``init(a, mode="fan_in", gain=1.0)`` returning a new array of ``a``'s shape.
        It raises ValueError when ``a`` has fewer than 2 dimensions or ``mode`` is neither
        ``"fan_in"`` nor ``"fan_out"``.

    Examples
    --------
    >>> w = nn.init.he_uniform()(mx.zeros((4, 3)))  # limit sqrt(3 / 3) = 1
    >>> w.shape, bool(mx.all(mx.abs(w) <= 1.0))
    ((4, 3), True)
    """

    def init(a: mx.array, mode: Literal["fan_in", "fan_out"] = "fan_in", gain: float = 1.0) -> mx.array:
        limit = gain * math.sqrt(3.0 / _he_fan(a, mode))
        return mx.random.uniform(-limit, limit, a.shape, dtype=dtype)

    return init


def sparse(sparsity: float, mean: float = 0.0, std: float = 1.0,
           dtype: mx.Dtype = mx.float32) -> Callable[[mx.array], mx.array]:
    """Initializer for 2-D arrays: normal samples with a fraction of each row set to zero.

    In each row, ``ceil(sparsity * columns)`` elements chosen at random are zero; the others are
    drawn from a normal distribution of the given ``mean`` and ``std``.

    Parameters
    ----------
    sparsity : float
        The fraction of each row that is zero, in ``[0, 1]``.
    mean : float, optional
        The mean of the normal samples. Default: ``0.0``.
    std : float, optional
        The standard deviation of the normal samples. Default: ``1.0``.
    dtype : Dtype, optional
        The dtype of the arrays the initializer returns. Default: ``mx.float32``.

    Returns
    -------
    Callable[[array], array]
        An initializer: called with an array, it returns a new array of that array's shape.
        The initializer raises ValueError for an array that does not have 2 dimensions.

    Examples
    --------
    >>> w = nn.init.sparse(sparsity=0.5, mean=1.0, std=0.0)(mx.zeros((3, 4)))
    >>> (w == 0).sum(axis=1)
    array([2, 2, 2], dtype=int32)
    >>> w.sum(axis=1)
    array([2, 2, 2], dtype=float32)
    """

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
    """Initializer for 2-D arrays: a matrix with orthonormal rows or columns, times ``gain``.

    The matrix comes from the QR decomposition of a square normal sample of the larger of the two
    sizes, cut to the array's shape: its rows are orthonormal when it is wide, its columns when it
    is tall.

    Parameters
    ----------
    gain : float, optional
        The factor applied to the orthogonal matrix. Default: ``1.0``.
    dtype : Dtype, optional
        The dtype of the arrays the initializer returns. Default: ``mx.float32``.

    Returns
    -------
    Callable[[array], array]
        An initializer: called with an array, it returns a new array of that array's shape.
        The initializer raises ValueError for an array that does not have 2 dimensions.

    Examples
    --------
    >>> q = nn.init.orthogonal()(mx.zeros((3, 3)))
    >>> bool(mx.allclose(mx.matmul(q, q.T, stream=mx.cpu), mx.eye(3), atol=1e-5))
    True
    >>> w = nn.init.orthogonal(gain=2.0)(mx.zeros((2, 4)))
    >>> bool(mx.allclose(mx.matmul(w, w.T, stream=mx.cpu), 4 * mx.eye(2), atol=1e-5))
    True
    """

    def init(a: mx.array) -> mx.array:
        if a.ndim != 2:
            raise ValueError(f"Orthogonal initialization requires a 2D array but got a {a.ndim}D array.")
        rows, cols = a.shape
        n = max(rows, cols)
        q, r = mx.linalg.qr(mx.random.normal(shape=(n, n)), stream=mx.cpu)
        q = q * mx.sign(mx.diag(r))  # makes the decomposition unique
        return (gain * q[:rows, :cols]).astype(dtype)

    return init
