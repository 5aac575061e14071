# cython: language_level=3, cpp_locals=True
"""mlxcy.random: counter-based (threefry) random numbers (as ``mlx.core.random``).

Every sampler takes an optional ``key`` (from :func:`key` or :func:`split`). Without one it
draws from the calling thread's key in ``state``: each draw splits ``state[0]`` in two, keeps
the first half as the thread's new key and samples with the second. :func:`seed` resets it.
"""
from _thread import _local as _thread_local   # threading itself costs `import mlxcy` ~3 ms
import time as _time

from libc.stdint cimport uint64_t
from mlxcy.includes cimport random as cr
from mlxcy.includes.mlx cimport Dtype as c_Dtype
from mlxcy._core import float32 as _float32, int32 as _int32

include "_ns_common.pxi"

from mlxcy._core cimport set_random_state


cdef class _RandomState:
    """The global random state: a list-like holding the calling thread's current key.

    ``state[0]`` is that key (uint32, shape ``(2,)``). Each thread has its own key: seeding or
    drawing in one thread does not change what another draws, and a new thread starts from a key
    seeded by the clock. Pass ``inputs=mx.random.state, outputs=mx.random.state`` to
    :func:`compile` so that a compiled function drawing random numbers advances the state.

    Examples
    --------
    >>> mx.random.seed(3)
    >>> mx.random.state[0]
    array([0, 3], dtype=uint32)
    >>> f = mx.compile(lambda: mx.random.uniform(shape=(2,)),
    ...                inputs=mx.random.state, outputs=mx.random.state)
    >>> mx.array_equal(f(), f()).item()
    False
    """
    cdef object _local

    def __cinit__(self):
        self._local = _thread_local()

    cpdef list _keys(self):
        """The calling thread's one-element list holding its current key (made on first use)."""
        cdef object keys = getattr(self._local, "keys", None)
        if keys is None:
            keys = [_key_of(_clock_seed())]
            self._local.keys = keys
        return keys

    def __getitem__(self, i):
        try:
            return self._keys()[i]
        except IndexError:
            raise IndexError("random state index out of range") from None

    def __len__(self):
        return 1

    def __iter__(self):
        return iter(self._keys())


cdef object _clock_seed():
    return int(_time.time() * 1000) % (2 ** 64)


state = _RandomState()
set_random_state(state)   # trees of arrays (eval, compile's inputs/outputs) see the thread's key list


cdef array _key_of(object seed):
    if not isinstance(seed, int) or isinstance(seed, bool) or not 0 <= seed < 2 ** 64:
        raise TypeError(f"seed must be an int in [0, 2**64), got {seed!r}")
    cdef uint64_t s = seed
    return wrap(cr.key(s))


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
    return _key_of(seed)


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
    (<_RandomState>state)._keys()[0] = _key_of(seed)


cdef int _take_key(object key, optional[c_array]& out) except -1:
    """The explicit ``key`` if given, else the next key of the global state."""
    cdef vector[c_array] halves
    if key is not None:
        out = array_arg(key, "random", "key")._a
        return 0
    cdef list keys = (<_RandomState>state)._keys()
    cur = keys[0]
    if not isinstance(cur, array):
        raise TypeError("mlxcy.random.state[0] must be an array key")
    halves = cr.random_split2((<array>cur)._a)
    keys[0] = wrap(halves[0])
    out = halves[1]
    return 0


cdef c_Dtype _dtype(object dtype, object default):
    return to_c_dtype(default if dtype is None else dtype)


def split(key: array, num: int = 2, stream: StreamOrDevice = None) -> array:
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
    cdef optional[c_array] k = nullopt
    k = array_arg(key, "split", "key")._a
    return wrap(cr.split(deref(k), <int>num, to_sod(stream)))


def uniform(low: scalar | array = 0, high: scalar | array = 1, shape: Sequence[int] = [],
            dtype: Dtype | None = _float32, key: array | None = None,
            stream: StreamOrDevice = None) -> array:
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
    cdef optional[c_array] lo = nullopt
    cdef optional[c_array] hi = nullopt
    cdef optional[c_array] k = nullopt
    scalar_or_array_arg(low, lo)
    scalar_or_array_arg(high, hi)
    cdef Shape sh = shape_arg(shape, "uniform", False, TypeError)
    cdef c_Dtype d = _dtype(dtype, _float32)
    _take_key(key, k)
    return wrap(cr.uniform(deref(lo), deref(hi), sh, d, k, to_sod(stream)))


cdef int _param(object x, c_Dtype d, optional[c_array]& out) except -1:
    """An optional location/scale parameter: Python scalars take the sample dtype."""
    if x is None:
        out = nullopt
    elif isinstance(x, (int, float)) and not isinstance(x, bool):
        out = c_array(<double>x, d)
    else:
        scalar_or_array_arg(x, out)
    return 0


def normal(shape: Sequence[int] = [], dtype: Dtype | None = _float32,
           loc: scalar | array | None = None, scale: scalar | array | None = None,
           key: array | None = None, stream: StreamOrDevice = None) -> array:
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
    cdef optional[c_array] mu = nullopt
    cdef optional[c_array] sigma = nullopt
    cdef optional[c_array] k = nullopt
    cdef Shape sh = shape_arg(shape, "normal", False, TypeError)
    cdef c_Dtype d = _dtype(dtype, _float32)
    _param(loc, d, mu)
    _param(scale, d, sigma)
    _take_key(key, k)
    return wrap(cr.normal(sh, d, mu, sigma, k, to_sod(stream)))


def multivariate_normal(mean: array, cov: array, shape: Sequence[int] = [],
                        dtype: Dtype | None = _float32, key: array | None = None,
                        stream: StreamOrDevice = None) -> array:
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
    cdef optional[c_array] m = nullopt
    cdef optional[c_array] c = nullopt
    cdef optional[c_array] k = nullopt
    m = array_arg(mean, "multivariate_normal", "mean")._a
    c = array_arg(cov, "multivariate_normal", "cov")._a
    cdef Shape sh = shape_arg(shape, "multivariate_normal", False, TypeError)
    cdef c_Dtype d = _dtype(dtype, _float32)
    _take_key(key, k)
    return wrap(cr.multivariate_normal(deref(m), deref(c), sh, d, k, to_sod(stream)))


def randint(low: scalar | array, high: scalar | array, shape: Sequence[int] = [],
            dtype: Dtype | None = _int32, key: array | None = None,
            stream: StreamOrDevice = None) -> array:
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
    cdef optional[c_array] lo = nullopt
    cdef optional[c_array] hi = nullopt
    cdef optional[c_array] k = nullopt
    scalar_or_array_arg(low, lo)
    scalar_or_array_arg(high, hi)
    cdef Shape sh = shape_arg(shape, "randint", False, TypeError)
    cdef c_Dtype d = _dtype(dtype, _int32)
    _take_key(key, k)
    return wrap(cr.randint(deref(lo), deref(hi), sh, d, k, to_sod(stream)))


def bernoulli(p: scalar | array = 0.5, shape: Sequence[int] | None = None, key: array | None = None,
              stream: StreamOrDevice = None) -> array:
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
    cdef optional[c_array] cp = nullopt
    cdef optional[c_array] k = nullopt
    cdef Shape sh = Shape()
    scalar_or_array_arg(p, cp)
    if shape is not None:
        sh = shape_arg(shape, "bernoulli", False, TypeError)
    _take_key(key, k)
    if shape is None:
        return wrap(cr.bernoulli(deref(cp), k, to_sod(stream)))
    return wrap(cr.bernoulli(deref(cp), sh, k, to_sod(stream)))


def truncated_normal(lower: scalar | array, upper: scalar | array,
                     shape: Sequence[int] | None = None, dtype: Dtype | None = _float32,
                     key: array | None = None, stream: StreamOrDevice = None) -> array:
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
    cdef optional[c_array] lo = nullopt
    cdef optional[c_array] hi = nullopt
    cdef optional[c_array] k = nullopt
    cdef Shape sh = Shape()
    scalar_or_array_arg(lower, lo)
    scalar_or_array_arg(upper, hi)
    if shape is not None:
        sh = shape_arg(shape, "truncated_normal", False, TypeError)
    cdef c_Dtype d = _dtype(dtype, _float32)
    _take_key(key, k)
    if shape is None:
        return wrap(cr.truncated_normal(deref(lo), deref(hi), d, k, to_sod(stream)))
    return wrap(cr.truncated_normal(deref(lo), deref(hi), sh, d, k, to_sod(stream)))


def gumbel(shape: Sequence[int] = [], dtype: Dtype | None = _float32, key: array | None = None,
           stream: StreamOrDevice = None) -> array:
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
    cdef optional[c_array] k = nullopt
    cdef Shape sh = shape_arg(shape, "gumbel", False, TypeError)
    cdef c_Dtype d = _dtype(dtype, _float32)
    _take_key(key, k)
    return wrap(cr.gumbel(sh, d, k, to_sod(stream)))


def categorical(logits: array, axis: int = -1, shape: Sequence[int] | None = None,
                num_samples: int | None = None, key: array | None = None,
                stream: StreamOrDevice = None) -> array:
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
    cdef optional[c_array] lg = nullopt
    cdef optional[c_array] k = nullopt
    cdef Shape sh = Shape()
    cdef int ax = axis
    cdef int ns = 0
    lg = array_arg(logits, "categorical", "logits")._a
    check_copyable(deref(lg))   # sampling copies the logits
    if shape is not None and num_samples is not None:
        raise ValueError("[categorical] At most one of shape or num_samples can be specified.")
    if shape is not None:
        sh = shape_arg(shape, "categorical", False, TypeError)
    if num_samples is not None:
        ns = num_samples
    _take_key(key, k)
    if shape is not None:
        return wrap(cr.categorical(deref(lg), ax, sh, k, to_sod(stream)))
    if num_samples is not None:
        return wrap(cr.categorical(deref(lg), ax, ns, k, to_sod(stream)))
    return wrap(cr.categorical(deref(lg), ax, k, to_sod(stream)))


def laplace(shape: Sequence[int] = [], dtype: Dtype | None = _float32, loc: float = 0.0,
            scale: float = 1.0, key: array | None = None, stream: StreamOrDevice = None) -> array:
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
    cdef optional[c_array] k = nullopt
    cdef Shape sh = shape_arg(shape, "laplace", False, TypeError)
    cdef c_Dtype d = _dtype(dtype, _float32)
    cdef float l = loc
    cdef float s = scale
    _take_key(key, k)
    return wrap(cr.laplace(sh, d, l, s, k, to_sod(stream)))


def permutation(x: int | array, axis: int = 0, key: array | None = None,
                stream: StreamOrDevice = None) -> array:
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
    cdef optional[c_array] a = nullopt
    cdef optional[c_array] k = nullopt
    cdef int n = 0
    if isinstance(x, int) and not isinstance(x, bool):
        n = x
        _take_key(key, k)
        return wrap(cr.permutation(n, k, to_sod(stream)))
    a = array_arg(x, "permutation", "x")._a
    check_copyable(deref(a))   # the permuted copy
    _take_key(key, k)
    return wrap(cr.permutation(deref(a), <int>axis, k, to_sod(stream)))
