"""Type stub of mlxcy.random: written by tools/gen_stubs.py (runtime parameters, reference types)."""
import enum
import pathlib
import types
from typing import Any, Callable, Iterator, Literal, Optional, Sequence, Union, final
from typing_extensions import disjoint_base
from mlxcy import array, Dtype, Device, DeviceType, Stream, ThreadLocalStream, ArrayLike

_Scalar = Union[bool, int, float, complex]
_StreamOrDevice = Union[None, Stream, ThreadLocalStream, Device, DeviceType]

def bernoulli(p: _Scalar | array = 0.5, shape: Sequence[int] | None = None, key: array | None = None, stream: _StreamOrDevice = None) -> array:
    """Draw booleans that are True with probability ``p``.

    Parameters
    ----------
    p : float or array, optional
        The probability of True, a floating-point scalar or array. Default: ``0.5``.
    shape : sequence of int, optional
        Shape of the result; ``p`` must broadcast to it. Default: ``None``, the shape of ``p``.
    key : array, optional
        A PRNG key (see :func:`random.key`) to draw from. Default: ``None``, the calling thread's
        global state, which is then advanced.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default
        device.

    Returns
    -------
    array
        bool samples.

    Raises
    ------
    ValueError
        When ``p`` is not floating point (an int such as ``1`` is refused), does not broadcast
        to ``shape``, or ``key`` is not a uint32 key.

    Examples
    --------
    >>> mx.random.bernoulli(mx.array([0.0, 1.0]))
    array([False, True], dtype=bool)
    >>> b = mx.random.bernoulli(0.3, (2, 3))
    >>> b.shape, b.dtype
    ((2, 3), mlx.core.bool)
    """

def categorical(logits: array, axis: int = -1, shape: Sequence[int] | None = None, num_samples: int | None = None, key: array | None = None, stream: _StreamOrDevice = None) -> array:
    """Draw indices from categorical distributions given by unnormalized log-probabilities.

    Parameters
    ----------
    logits : array
        Unnormalized log-probabilities of the categories along ``axis``; the other axes are
        independent distributions.
    axis : int, optional
        The axis of the categories. Default: ``-1``.
    shape : sequence of int, optional
        Shape of the result; the shape of ``logits`` without ``axis`` must broadcast to it.
        Default: ``None``.
    num_samples : int, optional
        Draw this many samples per distribution, in a new last axis. Default: ``None``, one.
    key : array, optional
        A PRNG key (see :func:`random.key`) to draw from. Default: ``None``, the calling thread's
        global state, which is then advanced.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default
        device.

    Returns
    -------
    array
        uint32 indices: of ``shape``, or of ``logits``'s shape without ``axis`` (plus
        ``num_samples`` as the last axis).

    Raises
    ------
    ValueError
        When both ``shape`` and ``num_samples`` are given, the shapes do not broadcast, or
        ``key`` is not a uint32 key.

    Examples
    --------
    >>> logits = mx.zeros((4, 3))
    >>> mx.random.categorical(logits).shape
    (4,)
    >>> mx.random.categorical(logits, num_samples=5).shape
    (4, 5)
    >>> mx.random.categorical(mx.array([-float("inf"), 0.0, -float("inf")]))
    array(1, dtype=uint32)
    """

def gumbel(shape: Sequence[int] = [], dtype: Dtype | None = ..., key: array | None = None, stream: _StreamOrDevice = None) -> array:
    """Draw samples from the standard Gumbel distribution (location 0, scale 1).

    Parameters
    ----------
    shape : sequence of int, optional
        Shape of the result. Default: ``[]``, a scalar.
    dtype : Dtype, optional
        A real floating-point dtype. Default: ``float32``.
    key : array, optional
        A PRNG key (see :func:`random.key`) to draw from. Default: ``None``, the calling thread's
        global state, which is then advanced.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default
        device.

    Returns
    -------
    array
        The samples, of ``shape`` and ``dtype``.

    Raises
    ------
    ValueError
        When ``dtype`` is not a real floating-point type, or ``key`` is not a uint32 key.

    Examples
    --------
    >>> g = mx.random.gumbel((2, 3))
    >>> g.shape, g.dtype
    ((2, 3), mlx.core.float32)
    """

def key(seed: int) -> array:
    """Make a PRNG key from an integer seed.

    Functions given the same key return the same values; use :func:`random.split` to make
    independent keys from one.

    Parameters
    ----------
    seed : int
        The seed, in ``[0, 2**64)``.

    Returns
    -------
    array
        The key: uint32 of shape ``(2,)`` (the seed's high and low 32 bits).

    Raises
    ------
    TypeError
        When ``seed`` is not an int in that range.

    Examples
    --------
    >>> mx.random.key(7)
    array([0, 7], dtype=uint32)
    >>> k = mx.random.key(0)
    >>> mx.array_equal(mx.random.normal((3,), key=k), mx.random.normal((3,), key=k)).item()
    True
    """

def laplace(shape: Sequence[int] = [], dtype: Dtype | None = ..., loc: float = 0.0, scale: float = 1.0, key: array | None = None, stream: _StreamOrDevice = None) -> array:
    """Draw samples from a Laplace distribution.

    Parameters
    ----------
    shape : sequence of int, optional
        Shape of the result. Default: ``[]``, a scalar.
    dtype : Dtype, optional
        A real floating-point dtype. Default: ``float32``.
    loc : float, optional
        The location (mean). Default: ``0.0``.
    scale : float, optional
        The scale. Default: ``1.0``.
    key : array, optional
        A PRNG key (see :func:`random.key`) to draw from. Default: ``None``, the calling thread's
        global state, which is then advanced.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default
        device.

    Returns
    -------
    array
        The samples, of ``shape`` and ``dtype``.

    Raises
    ------
    ValueError
        When ``dtype`` is not a real floating-point type, or ``key`` is not a uint32 key.

    Examples
    --------
    >>> x = mx.random.laplace((2, 3))
    >>> x.shape, x.dtype
    ((2, 3), mlx.core.float32)
    >>> mx.random.laplace((2,), loc=3.0, scale=0.0)
    array([3, 3], dtype=float32)
    """

def multivariate_normal(mean: array, cov: array, shape: Sequence[int] = [], dtype: Dtype | None = ..., key: array | None = None, stream: _StreamOrDevice = None) -> array:
    """Draw samples from a multivariate normal distribution.

    Parameters
    ----------
    mean : array
        The means, of shape ``(..., n)``.
    cov : array
        The covariance matrices, of shape ``(..., n, n)``, symmetric positive semi-definite.
    shape : sequence of int, optional
        Batch shape of the result; the batch shapes of ``mean`` and ``cov`` must broadcast to
        it. Default: ``[]``.
    dtype : Dtype, optional
        Must be ``float32``. Default: ``float32``.
    key : array, optional
        A PRNG key (see :func:`random.key`) to draw from. Default: ``None``, the calling thread's
        global state, which is then advanced.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default
        device. It factorizes ``cov`` with an SVD, which runs on the CPU only: on a GPU pass
        ``stream=mx.cpu``.

    Returns
    -------
    array
        float32 samples of shape ``shape + (n,)``.

    Raises
    ------
    ValueError
        When ``dtype`` is not float32, ``cov`` has fewer than two dimensions, the shapes of
        ``mean`` and ``cov`` do not match, or ``key`` is not a uint32 key.

    Examples
    --------
    >>> x = mx.random.multivariate_normal(mx.zeros((2,)), mx.eye(2), shape=(3,), stream=mx.cpu)
    >>> x.shape, x.dtype
    ((3, 2), mlx.core.float32)
    >>> mx.random.multivariate_normal(mx.array([1.0, 2.0]), mx.zeros((2, 2)), stream=mx.cpu)
    array([1, 2], dtype=float32)
    """

def normal(shape: Sequence[int] = [], dtype: Dtype | None = ..., loc: _Scalar | array | None = None, scale: _Scalar | array | None = None, key: array | None = None, stream: _StreamOrDevice = None) -> array:
    """Draw samples from a normal (Gaussian) distribution.

    Parameters
    ----------
    shape : sequence of int, optional
        Shape of the result. Default: ``[]``, a scalar (or the shape of ``loc``/``scale`` when
        they are arrays).
    dtype : Dtype, optional
        A floating-point dtype or complex64. Default: ``float32``.
    loc : scalar or array, optional
        The mean. Default: ``None``, 0.
    scale : scalar or array, optional
        The standard deviation. Default: ``None``, 1.
    key : array, optional
        A PRNG key (see :func:`random.key`) to draw from. Default: ``None``, the calling thread's
        global state, which is then advanced.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default
        device.

    Returns
    -------
    array
        The samples, of ``shape`` and ``dtype``.

    Raises
    ------
    ValueError
        When ``dtype`` is not floating point or complex64, or ``key`` is not a uint32 key.

    Examples
    --------
    >>> x = mx.random.normal((2, 3))
    >>> x.shape, x.dtype
    ((2, 3), mlx.core.float32)
    >>> mx.random.normal((2,), dtype=mx.bfloat16).dtype
    mlx.core.bfloat16
    >>> mx.random.normal((2,), loc=1.0, scale=0.0)
    array([1, 1], dtype=float32)
    """

def permutation(x: int | array, axis: int = 0, key: array | None = None, stream: _StreamOrDevice = None) -> array:
    """Return a random permutation of the integers ``0..x-1``, or of an array along an axis.

    Parameters
    ----------
    x : int or array
        An int ``n`` to permute ``arange(n)``, or the array whose slices along ``axis`` are
        shuffled.
    axis : int, optional
        The axis to shuffle along (for an array). Default: ``0``.
    key : array, optional
        A PRNG key (see :func:`random.key`) to draw from. Default: ``None``, the calling thread's
        global state, which is then advanced.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default
        device.

    Returns
    -------
    array
        The permuted integers (uint32), or the shuffled array (``x``'s shape and dtype).

    Raises
    ------
    TypeError
        When ``x`` is neither an int nor an array.
    IndexError
        When ``axis`` is out of range.

    Examples
    --------
    >>> mx.sort(mx.random.permutation(5))
    array([0, 1, 2, 3, 4], dtype=uint32)
    >>> rows = mx.random.permutation(mx.array([[1, 2], [3, 4], [5, 6]]))
    >>> rows.shape, mx.sort(rows[:, 0]).tolist()
    ((3, 2), [1, 3, 5])
    """

def randint(low: _Scalar | array, high: _Scalar | array, shape: Sequence[int] = [], dtype: Dtype | None = ..., key: array | None = None, stream: _StreamOrDevice = None) -> array:
    """Draw integers uniformly distributed on ``[low, high)``.

    Parameters
    ----------
    low : int or array
        Lower bound (inclusive).
    high : int or array
        Upper bound (exclusive).
    shape : sequence of int, optional
        Shape of the result; ``low`` and ``high`` must broadcast to it. Default: ``[]``, a
        scalar.
    dtype : Dtype, optional
        An integer dtype or bool. Default: ``int32``.
    key : array, optional
        A PRNG key (see :func:`random.key`) to draw from. Default: ``None``, the calling thread's
        global state, which is then advanced.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default
        device.

    Returns
    -------
    array
        The samples, of ``shape`` and ``dtype``.

    Raises
    ------
    ValueError
        When ``dtype`` is not an integer type or bool, the bounds do not broadcast to
        ``shape``, or ``key`` is not a uint32 key.

    Examples
    --------
    >>> x = mx.random.randint(0, 10, (3, 4))
    >>> x.shape, x.dtype
    ((3, 4), mlx.core.int32)
    >>> bool(((x >= 0) & (x < 10)).all())
    True
    >>> mx.random.randint(3, 4, (3,))
    array([3, 3, 3], dtype=int32)
    """

def seed(seed: int) -> None:
    """Seed the calling thread's global random state.

    Afterwards the draws that use the global state (no ``key``) repeat the same sequence.
    Other threads keep their own state.

    Parameters
    ----------
    seed : int
        The seed, in ``[0, 2**64)``.

    Returns
    -------
    None

    Raises
    ------
    TypeError
        When ``seed`` is not an int in that range.

    Examples
    --------
    >>> mx.random.seed(42)
    >>> a = mx.random.uniform(shape=(3,))
    >>> mx.random.seed(42)
    >>> mx.array_equal(a, mx.random.uniform(shape=(3,))).item()
    True
    """

def split(key: array, num: int = 2, stream: _StreamOrDevice = None) -> array:
    """Split a PRNG key into new, independent keys.

    Parameters
    ----------
    key : array
        The key to split.
    num : int, optional
        How many keys to make. Default: ``2``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default
        device.

    Returns
    -------
    array
        The keys, uint32 of shape ``(num, 2)``.

    Raises
    ------
    ValueError
        When ``key`` is not a uint32 key.

    Examples
    --------
    >>> keys = mx.random.split(mx.random.key(0), num=3)
    >>> keys.shape, keys.dtype
    ((3, 2), mlx.core.uint32)
    >>> k1, k2 = mx.random.split(mx.random.key(0))
    >>> mx.array_equal(k1, k2).item()
    False
    """

def truncated_normal(lower: _Scalar | array, upper: _Scalar | array, shape: Sequence[int] | None = None, dtype: Dtype | None = ..., key: array | None = None, stream: _StreamOrDevice = None) -> array:
    """Draw standard normal samples truncated to the interval ``[lower, upper]``.

    Parameters
    ----------
    lower : float or array
        Lower bound.
    upper : float or array
        Upper bound.
    shape : sequence of int, optional
        Shape of the result. Default: ``None``, the broadcast shape of ``lower`` and ``upper``.
    dtype : Dtype, optional
        A floating-point dtype. Default: ``float32``.
    key : array, optional
        A PRNG key (see :func:`random.key`) to draw from. Default: ``None``, the calling thread's
        global state, which is then advanced.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default
        device.

    Returns
    -------
    array
        The samples, of ``shape`` and ``dtype``.

    Raises
    ------
    ValueError
        When ``dtype`` is not floating point, the bounds do not broadcast to ``shape``, or
        ``key`` is not a uint32 key.

    Examples
    --------
    >>> x = mx.random.truncated_normal(-1.0, 1.0, (100,))
    >>> x.shape, bool(((x >= -1) & (x <= 1)).all())
    ((100,), True)
    >>> mx.random.truncated_normal(mx.array([-1.0, 0.0]), 1.0).shape
    (2,)
    """

def uniform(low: _Scalar | array = 0, high: _Scalar | array = 1, shape: Sequence[int] = [], dtype: Dtype | None = ..., key: array | None = None, stream: _StreamOrDevice = None) -> array:
    """Draw samples uniformly distributed on ``[low, high)``.

    Parameters
    ----------
    low : scalar or array, optional
        Lower bound. Default: ``0``.
    high : scalar or array, optional
        Upper bound. Default: ``1``.
    shape : sequence of int, optional
        Shape of the result; ``low`` and ``high`` must broadcast to it. Default: ``[]``, a
        scalar (so array bounds need an explicit ``shape``).
    dtype : Dtype, optional
        A real floating-point dtype. Default: ``float32``.
    key : array, optional
        A PRNG key (see :func:`random.key`) to draw from. Default: ``None``, the calling thread's
        global state, which is then advanced.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default
        device.

    Returns
    -------
    array
        The samples, of ``shape`` and ``dtype``.

    Raises
    ------
    ValueError
        When the bounds do not broadcast to ``shape``, ``dtype`` is not a real floating-point
        type, or ``key`` is not a uint32 key.
    RuntimeError
        For ``float64`` (not supported).

    Examples
    --------
    >>> x = mx.random.uniform(shape=(2, 3))
    >>> x.shape, x.dtype
    ((2, 3), mlx.core.float32)
    >>> bool(((x >= 0) & (x < 1)).all())
    True
    >>> mx.random.uniform(mx.array([0.0, 10.0]), 20.0, shape=(4, 2)).shape
    (4, 2)
    """


state: Any
