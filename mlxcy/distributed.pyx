# cython: language_level=3, cpp_locals=True, embedsignature=True
"""mlxcy.distributed: communication between processes (ring over TCP, MPI, NCCL), as
mlx.core.distributed. A group of size one makes every collective the identity, so the same
program runs alone or under ``python -m mlxcy.launch``."""
from cython.operator cimport dereference as deref
from libcpp.optional cimport optional, nullopt
from libcpp.string cimport string

from mlxcy._core cimport array, wrap, to_c, to_sod, to_c_dtype, to_c_shape
from mlxcy.includes.mlx cimport array as c_array, StreamOrDevice
from mlxcy.includes cimport distributed as cd

_BACKENDS = ("any", "ring", "mpi", "nccl", "jaccl")


cdef class Group:
    """A group of processes that communicate: ``rank()``, ``size()``, ``split(color, key)``."""
    cdef cd.Group _g

    def __init__(self, *args, **kwargs):
        raise TypeError("Groups are made with mlxcy.distributed.init() or Group.split()")

    def rank(self):
        """This process's rank in the group."""
        return self._g.rank()

    def size(self):
        """The number of processes in the group."""
        return self._g.size()

    def split(self, color, key=-1):
        """The sub-group of the processes that passed the same ``color``, ordered by ``key``
        (by rank when ``key`` is -1)."""
        return _wrap_group(self._g.split(color, key))


cdef Group _wrap_group(const cd.Group& g):
    cdef Group r = Group.__new__(Group)
    r._g = g
    return r


cdef optional[cd.Group] _group_arg(object group) except *:
    cdef optional[cd.Group] g = nullopt
    if group is None:
        return g
    if not isinstance(group, Group):
        raise TypeError(f"group must be a mlxcy.distributed.Group or None, got {type(group).__name__}")
    g = (<Group>group)._g
    return g


def _check_backend(backend):
    if not isinstance(backend, str):
        raise TypeError(f"backend must be a str, got {type(backend).__name__}")
    if backend not in _BACKENDS:
        raise ValueError(f"Unknown distributed backend '{backend}'; expected one of {', '.join(_BACKENDS)}")
    return backend.encode()


def is_available(backend="any"):
    """Whether a distributed backend (``"any"`` or a named one) can be used."""
    cdef string b = _check_backend(backend)
    return cd.is_available(b)


def init(strict=False, backend="any", *, all_gather_factory=None):
    """Initialise (once) and return the global group.

    With ``strict=False`` a process launched alone gets a group of size one; with
    ``strict=True`` failing to set up the backend raises RuntimeError.
    """
    if all_gather_factory is not None:
        raise ValueError("mlxcy.distributed.init: custom all_gather_factory backends are not supported; "
                         "use backend='ring', 'mpi' or 'nccl'")
    cdef string b = _check_backend(backend)
    cdef bint s = bool(strict)
    return _wrap_group(cd.init(s, b))


# The single-array collectives of mlx/distributed/ops.h share this signature.
ctypedef c_array (*Collective)(const c_array&, optional[cd.Group], StreamOrDevice) except +


cdef object _collective(Collective op, object x, object group, object stream):
    cdef optional[c_array] a = nullopt
    to_c(x, a)
    return wrap(op(deref(a), _group_arg(group), to_sod(stream)))


def all_sum(x, *, group=None, stream=None):
    """The element-wise sum of ``x`` over every process in ``group``."""
    return _collective(cd.all_sum, x, group, stream)


def all_max(x, *, group=None, stream=None):
    """The element-wise maximum of ``x`` over every process in ``group``."""
    return _collective(cd.all_max, x, group, stream)


def all_min(x, *, group=None, stream=None):
    """The element-wise minimum of ``x`` over every process in ``group``."""
    return _collective(cd.all_min, x, group, stream)


def all_gather(x, *, group=None, stream=None):
    """Every process's ``x`` concatenated along the first axis, in rank order."""
    return _collective(cd.all_gather, x, group, stream)


def sum_scatter(x, *, group=None, stream=None):
    """Sum ``x`` over the group and give each process its slice of the first axis."""
    return _collective(cd.sum_scatter, x, group, stream)


def send(x, dst, *, group=None, stream=None):
    """Send ``x`` to rank ``dst``; returns an array to evaluate to complete the send."""
    cdef optional[c_array] a = nullopt
    to_c(x, a)
    return wrap(cd.send(deref(a), dst, _group_arg(group), to_sod(stream)))


def recv(shape, dtype, src, *, group=None, stream=None):
    """Receive an array of ``shape`` and ``dtype`` from rank ``src``."""
    return wrap(cd.recv(to_c_shape(shape), to_c_dtype(dtype), src, _group_arg(group), to_sod(stream)))


def recv_like(x, src, *, group=None, stream=None):
    """Receive from rank ``src`` an array shaped and typed like ``x``."""
    cdef optional[c_array] a = nullopt
    to_c(x, a)
    return wrap(cd.recv_like(deref(a), src, _group_arg(group), to_sod(stream)))
