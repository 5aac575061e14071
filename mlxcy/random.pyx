# cython: language_level=3, cpp_locals=True, embedsignature=True
"""mlxcy.random: counter-based (threefry) random numbers (as ``mlx.core.random``).

Every sampler takes an optional ``key`` (from :func:`key` or :func:`split`). Without one it
draws from the calling thread's key in ``state``: each draw splits ``state[0]`` in two, keeps
the first half as the thread's new key and samples with the second. :func:`seed` resets it.
"""
import threading as _threading
import time as _time

from libc.stdint cimport uint64_t
from mlxcy.includes cimport random as cr
from mlxcy.includes.mlx cimport Dtype as c_Dtype
from mlxcy._core import float32 as _float32, int32 as _int32

include "_ns_common.pxi"


cdef class _RandomState:
    """The global random state, one key per thread (as the reference's): ``state[0]`` is the
    calling thread's current key. A thread that seeds or draws never changes what another
    thread draws; a new thread starts from a key seeded by the clock.

    ``compile(..., inputs=state, outputs=state)`` threads the calling thread's key through a
    compiled function: the transforms see the one-element list of that thread (``_keys``)."""
    cdef object _local

    def __cinit__(self):
        self._local = _threading.local()

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


cdef array _key_of(object seed):
    if not isinstance(seed, int) or isinstance(seed, bool) or not 0 <= seed < 2 ** 64:
        raise TypeError(f"seed must be an int in [0, 2**64), got {seed!r}")
    cdef uint64_t s = seed
    return wrap(cr.key(s))


def key(seed):
    """A PRNG key (a uint32 array of shape (2,)) made from an integer seed."""
    return _key_of(seed)


def seed(seed):
    """Reset the calling thread's random state to the key of ``seed``."""
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


def split(key, num=2, stream=None):
    """Split ``key`` into ``num`` new keys, stacked along the first axis."""
    cdef optional[c_array] k = nullopt
    k = array_arg(key, "split", "key")._a
    return wrap(cr.split(deref(k), <int>num, to_sod(stream)))


def uniform(low=0, high=1, shape=[], dtype=_float32, key=None, stream=None):
    """Samples uniform on ``[low, high)``; ``low``/``high`` broadcast against ``shape``."""
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


def normal(shape=[], dtype=_float32, loc=None, scale=None, key=None, stream=None):
    """Samples from the normal distribution with mean ``loc`` (0) and standard deviation
    ``scale`` (1)."""
    cdef optional[c_array] mu = nullopt
    cdef optional[c_array] sigma = nullopt
    cdef optional[c_array] k = nullopt
    cdef Shape sh = shape_arg(shape, "normal", False, TypeError)
    cdef c_Dtype d = _dtype(dtype, _float32)
    _param(loc, d, mu)
    _param(scale, d, sigma)
    _take_key(key, k)
    return wrap(cr.normal(sh, d, mu, sigma, k, to_sod(stream)))


def multivariate_normal(mean, cov, shape=[], dtype=_float32, key=None, stream=None):
    """Samples from the multivariate normal with ``mean`` (..., n) and covariance ``cov``
    (..., n, n); the result has shape ``shape + (n,)`` (float32 only)."""
    cdef optional[c_array] m = nullopt
    cdef optional[c_array] c = nullopt
    cdef optional[c_array] k = nullopt
    m = array_arg(mean, "multivariate_normal", "mean")._a
    c = array_arg(cov, "multivariate_normal", "cov")._a
    cdef Shape sh = shape_arg(shape, "multivariate_normal", False, TypeError)
    cdef c_Dtype d = _dtype(dtype, _float32)
    _take_key(key, k)
    return wrap(cr.multivariate_normal(deref(m), deref(c), sh, d, k, to_sod(stream)))


def randint(low, high, shape=[], dtype=_int32, key=None, stream=None):
    """Integers uniform on ``[low, high)``."""
    cdef optional[c_array] lo = nullopt
    cdef optional[c_array] hi = nullopt
    cdef optional[c_array] k = nullopt
    scalar_or_array_arg(low, lo)
    scalar_or_array_arg(high, hi)
    cdef Shape sh = shape_arg(shape, "randint", False, TypeError)
    cdef c_Dtype d = _dtype(dtype, _int32)
    _take_key(key, k)
    return wrap(cr.randint(deref(lo), deref(hi), sh, d, k, to_sod(stream)))


def bernoulli(p=0.5, shape=None, key=None, stream=None):
    """Booleans that are True with probability ``p`` (a float scalar or array)."""
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


def truncated_normal(lower, upper, shape=None, dtype=_float32, key=None, stream=None):
    """Standard normal samples truncated to ``[lower, upper]``."""
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


def gumbel(shape=[], dtype=_float32, key=None, stream=None):
    """Samples from the standard Gumbel distribution."""
    cdef optional[c_array] k = nullopt
    cdef Shape sh = shape_arg(shape, "gumbel", False, TypeError)
    cdef c_Dtype d = _dtype(dtype, _float32)
    _take_key(key, k)
    return wrap(cr.gumbel(sh, d, k, to_sod(stream)))


def categorical(logits, axis=-1, shape=None, num_samples=None, key=None, stream=None):
    """Indices sampled from the categorical distribution given by unnormalised ``logits``
    along ``axis``; ``shape`` or ``num_samples`` (not both) sets how many."""
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


def laplace(shape=[], dtype=_float32, loc=0.0, scale=1.0, key=None, stream=None):
    """Samples from the Laplace distribution with location ``loc`` and scale ``scale``."""
    cdef optional[c_array] k = nullopt
    cdef Shape sh = shape_arg(shape, "laplace", False, TypeError)
    cdef c_Dtype d = _dtype(dtype, _float32)
    cdef float l = loc
    cdef float s = scale
    _take_key(key, k)
    return wrap(cr.laplace(sh, d, l, s, k, to_sod(stream)))


def permutation(x, axis=0, key=None, stream=None):
    """A random permutation of ``range(x)`` for an int, else of ``x`` along ``axis``."""
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
