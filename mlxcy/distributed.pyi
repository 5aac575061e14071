"""Type stub of mlxcy.distributed: written by tools/gen_stubs.py (runtime parameters, reference types)."""
import enum
import pathlib
import types
from typing import Any, Callable, Iterator, Literal, Optional, Sequence, Union, final
from typing_extensions import disjoint_base
from mlxcy import array, Dtype, Device, DeviceType, Stream, ThreadLocalStream, ArrayLike

_Scalar = Union[bool, int, float, complex]
_StreamOrDevice = Union[None, Stream, ThreadLocalStream, Device, DeviceType]

@disjoint_base
class Group:
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
    def __init__(self, /, *args, **kwargs) -> None: ...
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


def all_gather(x: array, *, group: Group | None = None, stream: _StreamOrDevice = None) -> array:
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

def all_max(x: array, *, group: Group | None = None, stream: _StreamOrDevice = None) -> array:
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

def all_min(x: array, *, group: Group | None = None, stream: _StreamOrDevice = None) -> array:
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

def all_sum(x: array, *, group: Group | None = None, stream: _StreamOrDevice = None) -> array:
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

def init(strict: bool = False, backend: str = 'any', *, all_gather_factory: Callable[[int, int], Callable[[bytes, int], bytes]] | None = None) -> Group:
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

def is_available(backend: str = 'any') -> bool:
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

def recv(shape: Sequence[int], dtype: Dtype, src: int, *, group: Group | None = None, stream: _StreamOrDevice = None) -> array:
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

def recv_like(x: array, src: int, *, group: Group | None = None, stream: _StreamOrDevice = None) -> array:
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

def send(x: array, dst: int, *, group: Group | None = None, stream: _StreamOrDevice = None) -> array:
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

def sum_scatter(x: array, *, group: Group | None = None, stream: _StreamOrDevice = None) -> array:
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


