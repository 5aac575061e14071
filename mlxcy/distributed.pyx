# cython: language_level=3, cpp_locals=True
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
    """A group of processes that communicate with each other.

    Groups are not constructed directly: :func:`distributed.init` returns the global group and
    :meth:`distributed.Group.split` divides one. Pass a group as the ``group`` argument of the
    collectives.

    Raises
    ------
    TypeError
        When constructed directly.

    Examples
    --------
    >>> group = mx.distributed.init()
    >>> type(group).__name__
    'Group'
    >>> mx.distributed.all_sum(mx.array([1, 2]), group=group)
    array([1, 2], dtype=int32)
    """
    cdef cd.Group _g

    def __init__(self, *args, **kwargs) -> None:
        raise TypeError("Groups are made with mlxcy.distributed.init() or Group.split()")

    def rank(self) -> int:
        """Return this process's rank in the group, from 0 to ``size() - 1``.

        Returns
        -------
        int
            The rank.

        Examples
        --------
        >>> mx.distributed.init().rank()
        0
        """
        return self._g.rank()

    def size(self) -> int:
        """Return the number of processes in the group.

        Returns
        -------
        int
            The size.

        Examples
        --------
        >>> mx.distributed.init().size()
        1
        """
        return self._g.size()

    def split(self, color, key=-1) -> Group:
        """Divide the group into sub-groups by color.

        Every process of the group must call it. Processes passing the same ``color`` form one
        sub-group, ranked by ``key``.

        Parameters
        ----------
        color : int
            Which sub-group this process joins.
        key : int, optional
            Orders the processes in the sub-group. Default: ``-1``, this process's rank in the
            group.

        Returns
        -------
        Group
            The sub-group this process belongs to.

        Raises
        ------
        RuntimeError
            When the backend cannot split groups (a group of size 1 cannot be split).

        Examples
        --------
        >>> group = mx.distributed.init()
        >>> try:
        ...     group.split(0)
        ... except RuntimeError:
        ...     print("a group of size 1 cannot be split")
        a group of size 1 cannot be split
        """
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


def is_available(backend: str = "any") -> bool:
    """Tell whether a distributed backend can be used in this installation.

    Parameters
    ----------
    backend : str, optional
        ``"any"`` or one backend's name: ``"ring"``, ``"mpi"``, ``"nccl"``, ``"jaccl"``.
        Default: ``"any"``.

    Returns
    -------
    bool
        True when the backend (or, for ``"any"``, at least one) is available.

    Examples
    --------
    >>> isinstance(mx.distributed.is_available(), bool)
    True
    >>> isinstance(mx.distributed.is_available("ring"), bool)
    True
    """
    if not isinstance(backend, str):
        raise TypeError(f"backend must be a str, got {type(backend).__name__}")
    if backend not in _BACKENDS:   # a name no backend has: none is available (the reference's answer)
        return False
    cdef string b = backend.encode()
    return cd.is_available(b)


def init(strict: bool = False, backend: str = "any", *,
         all_gather_factory: Callable[[int, int], Callable[[bytes, int], bytes]] | None = None) -> Group:
    """Set up the distributed backend (once) and return the group of all processes.

    The processes are started by a launcher (``python -m mlxcy.launch``,
    ``mpirun``) that tells each one its rank and peers. A process started alone gets a group of
    size 1 unless ``strict`` is set.

    Parameters
    ----------
    strict : bool, optional
        Raise when no backend can be set up, instead of returning a group of size 1.
        Default: ``False``.
    backend : str, optional
        ``"any"`` (the first that works) or one backend's name: ``"ring"``, ``"mpi"``,
        ``"nccl"``, ``"jaccl"``. Default: ``"any"``.
    all_gather_factory : optional
        Not supported by mlxcy: anything but ``None`` raises ``ValueError``. Default:
        ``None``.

    Returns
    -------
    Group
        The global group.

    Raises
    ------
    ValueError
        When ``backend`` is not one of the names above, or ``all_gather_factory`` is given.
    RuntimeError
        When ``strict`` is set and the backend cannot be set up.

    Examples
    --------
    >>> group = mx.distributed.init()
    >>> group.rank(), group.size()
    (0, 1)

    Notes
    -----
    The reference's ``all_gather_factory`` (a custom backend) is not supported (see
    docs/differences.md).
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


def all_sum(x: array, *, group: Group | None = None, stream: StreamOrDevice = None) -> array:
    """Sum an array element-wise over every process of the group.

    Parameters
    ----------
    x : array
        This process's array.
    group : Group, optional
        The processes taking part. Default: ``None``, the global group (:func:`distributed.init`).
    stream : Stream or Device, optional
        Where to schedule the operation. Default: ``None``, the default stream of the default
        device.

    Returns
    -------
    array
        The sum, of ``x``'s shape and dtype, on every process.

    Raises
    ------
    TypeError
        When ``group`` is neither a :class:`distributed.Group` nor ``None``.

    Examples
    --------
    >>> mx.distributed.all_sum(mx.array([1, 2]))
    array([1, 2], dtype=int32)
    """
    return _collective(cd.all_sum, x, group, stream)


def all_max(x: array, *, group: Group | None = None, stream: StreamOrDevice = None) -> array:
    """Take the element-wise maximum of an array over every process of the group.

    Parameters
    ----------
    x : array
        This process's array.
    group : Group, optional
        The processes taking part. Default: ``None``, the global group (:func:`distributed.init`).
    stream : Stream or Device, optional
        Where to schedule the operation. Default: ``None``, the default stream of the default
        device.

    Returns
    -------
    array
        The maximum, of ``x``'s shape and dtype, on every process.

    Raises
    ------
    TypeError
        When ``group`` is neither a :class:`distributed.Group` nor ``None``.

    Examples
    --------
    >>> mx.distributed.all_max(mx.array([1, 2]))
    array([1, 2], dtype=int32)
    """
    return _collective(cd.all_max, x, group, stream)


def all_min(x: array, *, group: Group | None = None, stream: StreamOrDevice = None) -> array:
    """Take the element-wise minimum of an array over every process of the group.

    Parameters
    ----------
    x : array
        This process's array.
    group : Group, optional
        The processes taking part. Default: ``None``, the global group (:func:`distributed.init`).
    stream : Stream or Device, optional
        Where to schedule the operation. Default: ``None``, the default stream of the default
        device.

    Returns
    -------
    array
        The minimum, of ``x``'s shape and dtype, on every process.

    Raises
    ------
    TypeError
        When ``group`` is neither a :class:`distributed.Group` nor ``None``.

    Examples
    --------
    >>> mx.distributed.all_min(mx.array([1.5, 2.0]))
    array([1.5, 2], dtype=float32)
    """
    return _collective(cd.all_min, x, group, stream)


def all_gather(x: array, *, group: Group | None = None, stream: StreamOrDevice = None) -> array:
    """Concatenate the arrays of every process along the first axis, in rank order.

    Parameters
    ----------
    x : array
        This process's array.
    group : Group, optional
        The processes taking part. Default: ``None``, the global group (:func:`distributed.init`).
    stream : Stream or Device, optional
        Where to schedule the operation. Default: ``None``, the default stream of the default
        device.

    Returns
    -------
    array
        The concatenation, on every process: its first axis is ``group.size()`` times
        ``x``'s.

    Raises
    ------
    TypeError
        When ``group`` is neither a :class:`distributed.Group` nor ``None``.

    Examples
    --------
    >>> mx.distributed.all_gather(mx.array([1, 2]))
    array([1, 2], dtype=int32)
    """
    return _collective(cd.all_gather, x, group, stream)


def sum_scatter(x: array, *, group: Group | None = None, stream: StreamOrDevice = None) -> array:
    """Sum the arrays over the group and give each process its slice of the first axis.

    The first axis of ``x`` is divided into ``group.size()`` equal slices; process ``r`` gets
    slice ``r`` of the sum.

    Parameters
    ----------
    x : array
        This process's array.
    group : Group, optional
        The processes taking part. Default: ``None``, the global group (:func:`distributed.init`).
    stream : Stream or Device, optional
        Where to schedule the operation. Default: ``None``, the default stream of the default
        device.

    Returns
    -------
    array
        This process's slice of the sum.

    Raises
    ------
    TypeError
        When ``group`` is neither a :class:`distributed.Group` nor ``None``.

    Examples
    --------
    >>> mx.distributed.sum_scatter(mx.array([1, 2, 3, 4]))
    array([1, 2, 3, 4], dtype=int32)
    """
    return _collective(cd.sum_scatter, x, group, stream)


def send(x: array, dst: int, *, group: Group | None = None, stream: StreamOrDevice = None) -> array:
    """Send an array to another process of the group.

    The matching process calls :func:`distributed.recv` or :func:`distributed.recv_like`.

    Parameters
    ----------
    x : array
        The array to send.
    dst : int
        The rank to send to.
    group : Group, optional
        The processes taking part. Default: ``None``, the global group (:func:`distributed.init`).
    stream : Stream or Device, optional
        Where to schedule the operation. Default: ``None``, the default stream of the default
        device.

    Returns
    -------
    array
        An array to evaluate (or use as a dependency) so that the send happens.

    Raises
    ------
    ValueError
        In a group of size 1.
    TypeError
        When ``group`` is neither a :class:`distributed.Group` nor ``None``.

    Examples
    --------
    >>> try:
    ...     mx.distributed.send(mx.array([1, 2]), 0)
    ... except ValueError:
    ...     print("a process cannot send to itself in a group of size 1")
    a process cannot send to itself in a group of size 1
    """
    cdef optional[c_array] a = nullopt
    to_c(x, a)
    return wrap(cd.send(deref(a), dst, _group_arg(group), to_sod(stream)))


def recv(shape: Sequence[int], dtype: Dtype, src: int, *, group: Group | None = None,
         stream: StreamOrDevice = None) -> array:
    """Receive an array from another process of the group.

    Parameters
    ----------
    shape : sequence of int
        Shape of the array to receive.
    dtype : Dtype
        Its dtype.
    src : int
        The rank it comes from.
    group : Group, optional
        The processes taking part. Default: ``None``, the global group (:func:`distributed.init`).
    stream : Stream or Device, optional
        Where to schedule the operation. Default: ``None``, the default stream of the default
        device.

    Returns
    -------
    array
        The received array.

    Raises
    ------
    ValueError
        In a group of size 1.
    TypeError
        When ``group`` is neither a :class:`distributed.Group` nor ``None``.

    Examples
    --------
    >>> try:
    ...     mx.distributed.recv((2,), mx.int32, 0)
    ... except ValueError:
    ...     print("nothing to receive in a group of size 1")
    nothing to receive in a group of size 1
    """
    return wrap(cd.recv(to_c_shape(shape), to_c_dtype(dtype), src, _group_arg(group), to_sod(stream)))


def recv_like(x: array, src: int, *, group: Group | None = None,
              stream: StreamOrDevice = None) -> array:
    """Receive an array shaped and typed like ``x`` from another process of the group.

    Parameters
    ----------
    x : array
        Gives the shape and dtype of the array to receive.
    src : int
        The rank it comes from.
    group : Group, optional
        The processes taking part. Default: ``None``, the global group (:func:`distributed.init`).
    stream : Stream or Device, optional
        Where to schedule the operation. Default: ``None``, the default stream of the default
        device.

    Returns
    -------
    array
        The received array.

    Raises
    ------
    ValueError
        In a group of size 1.
    TypeError
        When ``group`` is neither a :class:`distributed.Group` nor ``None``.

    Examples
    --------
    >>> try:
    ...     mx.distributed.recv_like(mx.zeros((2,)), 0)
    ... except ValueError:
    ...     print("nothing to receive in a group of size 1")
    nothing to receive in a group of size 1
    """
    cdef optional[c_array] a = nullopt
    to_c(x, a)
    return wrap(cd.recv_like(deref(a), src, _group_arg(group), to_sod(stream)))
