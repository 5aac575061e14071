"""Type stub of mlxcy: written by tools/gen_stubs.py (runtime parameters, reference types)."""
import enum
import pathlib
import types
from typing import Any, Callable, Iterator, Literal, Optional, Sequence, Union, final
from typing_extensions import disjoint_base

_Scalar = Union[bool, int, float, complex]
_StreamOrDevice = Union[None, Stream, ThreadLocalStream, Device, DeviceType]

__version__: str
__mlxcy_version__: str
from . import core as core
from . import cuda as cuda
from . import distributed as distributed
from . import fast as fast
from . import fft as fft
from . import linalg as linalg
from . import metal as metal
from . import random as random

@final
class ArrayAt:
    """The object behind ``a.at``: updates of ``a`` at an index that accumulate over repeated indices.

    ``a.at[idx]`` selects where to update; its methods (``add``, ``subtract``, ``multiply``,
    ``divide``, ``maximum``, ``minimum``) return a new array, leaving ``a`` as it is. Unlike
    ``a[idx] += v``, an index that occurs several times in ``idx`` receives every update meant for
    it.

    Parameters
    ----------
    arr : array
        The array to update (usually reached as ``arr.at``).

    Examples
    --------
    >>> a = mx.array([1, 2, 3])
    >>> a.at[mx.array([0, 0, 2])].add(1)
    array([3, 2, 4], dtype=int32)
    >>> a
    array([1, 2, 3], dtype=int32)
    """
    def __getitem__(self, key, /) -> ArrayAt: ...
    def __init__(self, arr) -> None: ...
    def add(self, value) -> array:
        """``a`` with ``value`` added at the index, once per occurrence of each index.

        Parameters
        ----------
        value : array or scalar
            What to add; broadcast to the indexed shape.

        Returns
        -------
        array
            A new array of ``a``'s shape and dtype.

        Raises
        ------
        ValueError
            When no index was given (``a.at.add(1)``), or ``value`` does not broadcast.

        Examples
        --------
        >>> a = mx.array([1, 2, 3])
        >>> a.at[mx.array([0, 0, 2])].add(10)
        array([21, 2, 13], dtype=int32)
        """

    def divide(self, value) -> array:
        """``a`` divided by ``value`` at the index, once per occurrence of each index.

        Computed as a multiplication by ``1 / value`` in ``a``'s dtype, so for an integer array the
        reciprocal is truncated first (dividing by 2 makes 0).

        Parameters
        ----------
        value : array or scalar
            The divisor; broadcast to the indexed shape.

        Returns
        -------
        array
            A new array of ``a``'s shape and dtype.

        Raises
        ------
        ValueError
            When no index was given, or ``value`` does not broadcast.

        Examples
        --------
        >>> a = mx.array([8.0, 2.0, 3.0])
        >>> a.at[mx.array([0, 0])].divide(2)
        array([2, 2, 3], dtype=float32)

        Notes
        -----
        The result keeps ``a``'s dtype for every index; the reference binding promotes it for the
        ``...`` index only (docs/differences.md).
        """

    def maximum(self, value) -> array:
        """``a`` with the larger of it and ``value`` at the index.

        With a repeated index, the largest of the values meant for it wins.

        Parameters
        ----------
        value : array or scalar
            The values to compare with; broadcast to the indexed shape.

        Returns
        -------
        array
            A new array of ``a``'s shape and dtype.

        Raises
        ------
        ValueError
            When no index was given, or ``value`` does not broadcast.

        Examples
        --------
        >>> a = mx.array([8, 2, 3])
        >>> a.at[mx.array([0, 1])].maximum(5)
        array([8, 5, 3], dtype=int32)
        """

    def minimum(self, value) -> array:
        """``a`` with the smaller of it and ``value`` at the index.

        With a repeated index, the smallest of the values meant for it wins.

        Parameters
        ----------
        value : array or scalar
            The values to compare with; broadcast to the indexed shape.

        Returns
        -------
        array
            A new array of ``a``'s shape and dtype.

        Raises
        ------
        ValueError
            When no index was given, or ``value`` does not broadcast.

        Examples
        --------
        >>> a = mx.array([8, 2, 3])
        >>> a.at[mx.array([0, 1])].minimum(5)
        array([5, 2, 3], dtype=int32)
        """

    def multiply(self, value) -> array:
        """``a`` multiplied by ``value`` at the index, once per occurrence of each index.

        Parameters
        ----------
        value : array or scalar
            The factor; broadcast to the indexed shape.

        Returns
        -------
        array
            A new array of ``a``'s shape and dtype.

        Raises
        ------
        ValueError
            When no index was given, or ``value`` does not broadcast.

        Examples
        --------
        >>> a = mx.array([1.0, 2.0, 3.0])
        >>> a.at[mx.array([0, 0])].multiply(2)
        array([4, 2, 3], dtype=float32)
        """

    def subtract(self, value) -> array:
        """``a`` with ``value`` subtracted at the index, once per occurrence of each index.

        Parameters
        ----------
        value : array or scalar
            What to subtract; broadcast to the indexed shape.

        Returns
        -------
        array
            A new array of ``a``'s shape and dtype.

        Raises
        ------
        ValueError
            When no index was given, or ``value`` does not broadcast.

        Examples
        --------
        >>> a = mx.array([8, 2, 3])
        >>> a.at[mx.array([0, 0])].subtract(2)
        array([4, 2, 3], dtype=int32)
        """


@final
class ArrayIterator:
    """The iterator ``iter(a)`` returns: it yields ``a[0]``, ``a[1]``, ... along the first axis.

    Made by iterating an array (``for row in a``); a 0-d array cannot be iterated.

    Parameters
    ----------
    arr : array
        The array to iterate over.

    Raises
    ------
    TypeError
        From ``iter(a)`` when ``a`` is 0-d.

    Examples
    --------
    >>> for row in mx.array([[1, 2], [3, 4]]):
    ...     print(row)
    array([1, 2], dtype=int32)
    array([3, 4], dtype=int32)
    """
    def __init__(self, arr) -> None: ...
    def __iter__(self, /) -> ArrayIterator: ...
    def __next__(self, /) -> array: ...

class ArrayLike:
    """A wrapper marking any value :func:`array` accepts as array-like.

    Its ``__mlx_array__`` method returns ``array(arg)``, so anything that converts objects with
    that method (:func:`array`, the operations) reads it as that array. The wrapped value is the
    ``obj`` attribute.

    Parameters
    ----------
    arg : object
        Anything :func:`array` accepts.

    Examples
    --------
    >>> x = mx.ArrayLike([1, 2])
    >>> x.obj
    [1, 2]
    >>> mx.array(x)
    array([1, 2], dtype=int32)

    Notes
    -----
    In the reference binding ``ArrayLike`` is only a name for annotations: its objects are not
    accepted by ``array`` or the operations.
    """
    def __init__(self, arg: object, /) -> None: ...
    def __mlx_array__(self) -> array: ...

class BooleanIndexError(IndexError, ValueError):
    """Raised when a boolean mask does not match the shape of the axes it indexes.

    Both an ``IndexError`` (NumPy's type for this error) and a ``ValueError`` (the reference
    binding's), so code written for either catches it.

    Parameters
    ----------
    *args : object
        The message (as for any exception).

    Examples
    --------
    >>> a = mx.zeros((2, 3))
    >>> try:
    ...     a[mx.array([True, False, True])] = 1
    ... except IndexError as e:
    ...     print(type(e).__name__, isinstance(e, ValueError))
    BooleanIndexError True

    Notes
    -----
    The reference binding raises ``ValueError`` for such a mask (docs/differences.md).
    """

@final
class Device:
    """A device operations run on: its type (cpu or gpu) and its index.

    Making a ``Device`` does not check that such a device exists; see :func:`is_available`.
    Devices compare equal when type and index match; a device of index 0 also compares equal to
    its :class:`DeviceType` (``mx.Device(mx.cpu) == mx.cpu``).

    Parameters
    ----------
    type : DeviceType
        ``mx.cpu`` or ``mx.gpu`` (the integers 0 and 1 are accepted too).
    index : int, optional
        Which device of that type. Default: ``0``.

    Raises
    ------
    TypeError
        When ``type`` is not a :class:`DeviceType` (a string such as ``"cpu"`` is refused), or
        ``index`` is not an int that fits in 32 bits.

    Examples
    --------
    >>> mx.Device(mx.cpu)
    Device(cpu, 0)
    >>> mx.Device(mx.gpu, 1)
    Device(gpu, 1)
    >>> mx.Device(mx.cpu) == mx.cpu
    True
    """
    def __eq__(self, value, /) -> bool: ...
    def __hash__(self, /) -> int: ...
    def __init__(self, type: DeviceType, index: int = 0) -> None: ...
    def __ne__(self, value, /) -> bool: ...
    def __repr__(self, /) -> str: ...
    @property
    def type(self) -> DeviceType:
        """The kind of the device.

        Returns
        -------
        DeviceType
            ``DeviceType.cpu`` or ``DeviceType.gpu``.

        Examples
        --------
        >>> mx.Device(mx.gpu, 1).type
        DeviceType.gpu
        >>> mx.Device(mx.cpu).type == mx.cpu
        True
        """


class DeviceType(enum.Enum):
    """The kind of a device: ``DeviceType.cpu`` or ``DeviceType.gpu``.

    An enum, whose members are also available as ``mx.cpu`` and ``mx.gpu``. A member can stand
    for the first device of its kind wherever a :class:`Device` is expected (``stream=mx.cpu``),
    and compares equal to such a device.

    Parameters
    ----------
    value : int
        The member's value, 0 (cpu) or 1 (gpu), as for any ``enum.Enum``; members are usually
        reached by name. The other parameters of the signature are those of ``enum.Enum``'s
        functional API, which does not apply here.

    Examples
    --------
    >>> mx.cpu
    DeviceType.cpu
    >>> mx.DeviceType(1)
    DeviceType.gpu
    >>> mx.Device(mx.cpu).type == mx.cpu
    True
    """
    cpu = 0
    gpu = 1

@final
class Dtype:
    """The type of an array's elements.

    There is one object per type, available as ``mx.bool_``, ``mx.uint8``, ``mx.uint16``,
    ``mx.uint32``, ``mx.uint64``, ``mx.int8``, ``mx.int16``, ``mx.int32``, ``mx.int64``,
    ``mx.float16``, ``mx.float32``, ``mx.float64``, ``mx.bfloat16`` and ``mx.complex64``; the class
    cannot be instantiated. Dtypes compare equal only to themselves and are hashable.

    Raises
    ------
    TypeError
        When ``Dtype()`` is called.

    Examples
    --------
    >>> mx.array([1.5]).dtype
    mlx.core.float32
    >>> mx.float16.size
    2
    >>> mx.int32 == mx.int32, mx.int32 == mx.int64
    (True, False)

    Notes
    -----
    Dtypes pickle and deep-copy to the same object; the reference's cannot be pickled
    (docs/differences.md).
    """
    def __eq__(self, value, /) -> bool: ...
    def __hash__(self, /) -> int: ...
    def __init__(self, /, *args, **kwargs) -> None: ...
    def __ne__(self, value, /) -> bool: ...
    def __repr__(self, /) -> str: ...
    @property
    def size(self) -> int:
        """The size of one element of this type, in bytes.

        Returns
        -------
        int
            1 for ``bool_``, ``int8`` and ``uint8``, up to 8 for ``int64``, ``float64`` and
            ``complex64``.

        Examples
        --------
        >>> mx.float32.size
        4
        >>> mx.complex64.size
        8
        """


class DtypeCategory(enum.Enum):
    """An abstract kind of dtype, for :func:`issubdtype`.

    An enum with the members ``complexfloating``, ``floating``, ``inexact`` (floating or complex),
    ``signedinteger``, ``unsignedinteger``, ``integer``, ``number`` and ``generic`` (every dtype,
    ``bool_`` included), also available as ``mx.floating`` and so on.

    Parameters
    ----------
    value : int
        The member's value (0 to 7), as for any ``enum.Enum``; members are usually reached by name.
        The other parameters of the signature are those of ``enum.Enum``'s functional API, which
        does not apply here.

    Examples
    --------
    >>> mx.floating
    DtypeCategory.floating
    >>> mx.issubdtype(mx.float16, mx.floating)
    True
    >>> mx.issubdtype(mx.uint8, mx.signedinteger)
    False
    """
    complexfloating = 0
    floating = 1
    inexact = 2
    signedinteger = 3
    unsignedinteger = 4
    integer = 5
    number = 6
    generic = 7

@disjoint_base
class FunctionExporter:
    """Writes several traces of one function to one file; made by :func:`exporter`.

    Calling the exporter with example inputs (arrays, as for :func:`export_function`) adds a
    trace for those inputs. ``close()``, or leaving a ``with`` block, finishes the file.

    Examples
    --------
    >>> import os, tempfile
    >>> path = os.path.join(tempfile.mkdtemp(), "double.mlxfn")
    >>> export = mx.exporter(path, lambda x: 2 * x)
    >>> type(export).__name__
    'FunctionExporter'
    >>> export(mx.array([1.0]))
    >>> export.close()
    >>> mx.import_function(path)(mx.array([3.0]))
    (array([6], dtype=float32),)
    """
    def __call__(self, /, *args, **kwargs) -> None: ...
    def __enter__(self) -> FunctionExporter: ...
    def __exit__(self, *exc) -> None: ...
    def __init__(self, /, *args, **kwargs) -> None: ...
    def close(self) -> None:
        """Finish the file; adding traces afterwards raises. Closing twice does nothing.

        Returns
        -------
        None

        Examples
        --------
        >>> import os, tempfile
        >>> export = mx.exporter(os.path.join(tempfile.mkdtemp(), "f.mlxfn"), lambda x: x)
        >>> export(mx.array([1]))
        >>> export.close()
        >>> try:
        ...     export(mx.array([1]))
        ... except RuntimeError:
        ...     print("closed")
        closed
        """


class PrintOptions:
    """How arrays print: the object :func:`get_printoptions` returns.

    Its one attribute, ``precision``, is the number of digits printed after the decimal point of
    floating point values (-1: the default, 6 significant digits).

    Parameters
    ----------
    precision : int, optional
        Digits after the decimal point. Default: ``-1``.

    Examples
    --------
    >>> mx.PrintOptions(3).precision
    3
    >>> mx.get_printoptions().precision
    -1
    """
    def __init__(self, precision: int = -1) -> None: ...
    precision: int

@final
class Stream:
    """A queue of operations on one device; operations given the same stream run in order.

    Streams are not made by calling the class: get one with :func:`default_stream` or
    :func:`new_stream`, and pass it as the ``stream=`` argument of an operation or to
    :func:`stream` to make it the default in a block. Streams compare equal when they are the same
    stream.

    Raises
    ------
    TypeError
        When ``Stream()`` is called.

    Examples
    --------
    >>> s = mx.new_stream(mx.cpu)
    >>> s.device
    Device(cpu, 0)
    >>> mx.add(mx.array([1, 2]), 1, stream=s)
    array([2, 3], dtype=int32)
    >>> s == mx.new_stream(mx.cpu)
    False
    """
    def __eq__(self, value, /) -> bool: ...
    def __hash__(self, /) -> int: ...
    def __init__(self, /, *args, **kwargs) -> None: ...
    def __ne__(self, value, /) -> bool: ...
    def __repr__(self, /) -> str: ...
    @property
    def device(self) -> Device:
        """The device the stream runs its operations on.

        Returns
        -------
        Device

        Examples
        --------
        >>> mx.new_stream(mx.cpu).device
        Device(cpu, 0)
        >>> mx.default_stream(mx.cpu).device == mx.cpu
        True
        """


class StreamContext:
    """The context manager :func:`stream` returns.

    Entering it makes ``s`` the default stream (and its device the default device); leaving it
    restores the previous defaults. Its ``__enter__`` returns ``None``.

    Parameters
    ----------
    s : Stream, ThreadLocalStream, Device or DeviceType
        What to run on inside the ``with`` block.

    Raises
    ------
    TypeError
        When ``s`` is ``None`` or of another type.

    Examples
    --------
    >>> with mx.StreamContext(mx.cpu):
    ...     print(mx.default_device())
    Device(cpu, 0)
    """
    def __enter__(self) -> None: ...
    def __exit__(self, *exc) -> None: ...
    def __init__(self, s: Stream | ThreadLocalStream | Device | DeviceType) -> None: ...

@final
class ThreadLocalStream:
    """A stream that stands for a different stream in each thread that uses it.

    Made with :func:`new_thread_local_stream`. An operation given this stream runs on the calling
    thread's own stream of it, so threads sharing one such object
    do not queue their work behind each other. It is accepted wherever a :class:`Stream` is.

    Raises
    ------
    TypeError
        When ``ThreadLocalStream()`` is called.

    Examples
    --------
    >>> s = mx.new_thread_local_stream(mx.cpu)
    >>> s.device
    Device(cpu, 0)
    >>> mx.multiply(mx.array([1, 2]), 3, stream=s)
    array([3, 6], dtype=int32)
    """
    def __eq__(self, value, /) -> bool: ...
    def __hash__(self, /) -> int: ...
    def __init__(self, /, *args, **kwargs) -> None: ...
    def __ne__(self, value, /) -> bool: ...
    def __repr__(self, /) -> str: ...
    @property
    def device(self) -> Device:
        """The device the stream's per-thread streams run on.

        Returns
        -------
        Device

        Examples
        --------
        >>> mx.new_thread_local_stream(mx.cpu).device
        Device(cpu, 0)
        """


@disjoint_base
class array:
    """An N-dimensional array: a node of a lazily evaluated computation graph.

    ``array(val, dtype=None)`` makes an array from a Python scalar, a (nested) list or tuple,
    another array, or any object with the buffer protocol or DLPack (a NumPy array, for one).
    Operations on arrays only record what to compute; the values are computed when they are needed
    (printing, ``item()``, ``tolist()``, NumPy conversion) or when :func:`eval` is called.

    Without ``dtype``: Python bools become ``bool``, ints ``int32`` (``int64`` when a value does
    not fit in 32 bits), floats ``float32``, complex numbers ``complex64``; a list mixing them takes
    the widest kind. A NumPy array keeps its dtype, except float64, which becomes float32 (pass
    ``dtype=mx.float64`` to keep it). ``array`` always copies its input; :func:`asarray` shares
    memory where it can.

    Parameters
    ----------
    val : scalar, list, tuple, array or array-like
        The values. Nested lists must be rectangular (every row of a level the same length).
    dtype : Dtype, optional
        The element type to convert the values to. Default: ``None``, inferred from ``val`` as
        described above.

    Raises
    ------
    ValueError
        For nested lists of uneven lengths, and for values of a type that cannot be converted
        (``array("abc")``).
    TypeError
        When ``val`` is ``None`` or ``dtype`` is not a :class:`Dtype` (a string such as
        ``"float32"`` is refused).

    Examples
    --------
    >>> mx.array([1, 2, 3])
    array([1, 2, 3], dtype=int32)
    >>> mx.array([[1, 2], [3, 4.5]])
    array([[1, 2],
           [3, 4.5]], dtype=float32)
    >>> mx.array(np.array([1.0, 2.0])).dtype
    mlx.core.float32
    >>> mx.array([1, 2], dtype=mx.float16)
    array([1, 2], dtype=float16)

    Notes
    -----
    Where the reference binding fails with ``RuntimeError: std::bad_cast``, mlxcy converts or
    raises a clear error (docs/differences.md): integers beyond int64 raise a ``ValueError`` (that
    is also a ``RuntimeError``); an integer that fits uint64 converts with ``dtype=mx.uint64``;
    byte-swapped and negatively strided NumPy arrays are converted (copied); NumPy arrays of
    unsupported dtypes (``object``, strings) raise ``ValueError``; tuples mixed with lists nest as
    lists do.
    """
    @property
    def T(self) -> array:
        """The array with its axes in reverse order.

        Same as ``a.transpose()``: a 2-D array is transposed; 0-d and 1-D arrays are unchanged.

        Returns
        -------
        array

        Examples
        --------
        >>> mx.array([[1, 2], [3, 4]]).T
        array([[1, 3],
               [2, 4]], dtype=int32)
        >>> mx.zeros((2, 3, 4)).T.shape
        (4, 3, 2)
        """

    def __abs__(self, /) -> array: ...
    def __add__(self, other: bool | int | float | array | Any | complex | ArrayLike, /) -> array: ...
    def __and__(self, other: bool | int | float | array | Any | complex | ArrayLike, /) -> array: ...
    def __array__(self, dtype: object | None = None, copy: object | None = None) -> Any:
        """A NumPy view of the array's memory (no copy for evaluated host arrays)."""

    def __array_namespace__(self, api_version: str | None = None) -> types.ModuleType:
        """The array-API namespace of these arrays (the mlxcy module)."""

    def __bool__(self, /) -> bool: ...
    def __bytes__(self) -> bytes: ...
    def __complex__(self) -> complex: ...
    def __copy__(self) -> array: ...
    def __deepcopy__(self, memo: dict) -> array: ...
    def __div__(self, other: bool | int | float | array | Any | complex | ArrayLike) -> array: ...
    def __dlpack__(self, *, stream: object | None = None, max_version: object | None = None, dl_device: tuple[int, int] | None = None, copy: bool | None = None) -> Any:
        """Export the array through the DLPack protocol (zero-copy for host memory)."""

    def __dlpack_device__(self) -> tuple:
        """(device type, device id) of the array's memory, per DLPack."""

    def __eq__(self, value: bool | int | float | array | Any | complex | ArrayLike, /) -> array | bool: ...  # type: ignore[override]
    def __float__(self, /) -> float: ...
    def __floordiv__(self, other: bool | int | float | array | Any | complex | ArrayLike, /) -> array: ...
    def __ge__(self, value: bool | int | float | array | Any | complex | ArrayLike, /) -> array: ...
    def __getitem__(self, key: object | None, /) -> array: ...
    def __getstate__(self) -> tuple: ...
    def __gt__(self, value: bool | int | float | array | Any | complex | ArrayLike, /) -> array: ...
    def __hash__(self, /) -> int: ...
    def __iadd__(self, value: bool | int | float | array | Any | complex | ArrayLike, /) -> array: ...
    def __iand__(self, value: bool | int | float | array | Any | complex | ArrayLike, /) -> array: ...
    def __ifloordiv__(self, value: bool | int | float | array | Any | complex | ArrayLike, /) -> array: ...
    def __ilshift__(self, value: bool | int | float | array | Any | complex | ArrayLike, /) -> array: ...
    def __imatmul__(self, value: array, /) -> array: ...
    def __imod__(self, value: bool | int | float | array | Any | complex | ArrayLike, /) -> array: ...
    def __imul__(self, value: bool | int | float | array | Any | complex | ArrayLike, /) -> array: ...
    def __index__(self, /) -> int: ...
    def __init__(self, val: _Scalar | list | tuple | Any | array, dtype: Dtype | None = None) -> None: ...
    def __int__(self, /) -> int: ...
    def __invert__(self, /) -> array: ...
    def __ior__(self, value: bool | int | float | array | Any | complex | ArrayLike, /) -> array: ...
    def __ipow__(self, value: bool | int | float | array | Any | complex | ArrayLike, /) -> array: ...  # type: ignore[misc]
    def __irshift__(self, value: bool | int | float | array | Any | complex | ArrayLike, /) -> array: ...
    def __isub__(self, value: bool | int | float | array | Any | complex | ArrayLike, /) -> array: ...
    def __iter__(self, /) -> ArrayIterator: ...
    def __itruediv__(self, value: bool | int | float | array | Any | complex | ArrayLike, /) -> array: ...
    def __ixor__(self, value: bool | int | float | array | Any | complex | ArrayLike, /) -> array: ...
    def __le__(self, value: bool | int | float | array | Any | complex | ArrayLike, /) -> array: ...
    def __len__(self, /) -> int: ...
    def __lshift__(self, other: bool | int | float | array | Any | complex | ArrayLike, /) -> array: ...
    def __lt__(self, value: bool | int | float | array | Any | complex | ArrayLike, /) -> array: ...
    def __matmul__(self, other: array, /) -> array: ...
    def __mod__(self, other: bool | int | float | array | Any | complex | ArrayLike, /) -> array: ...
    def __mul__(self, other: bool | int | float | array | Any | complex | ArrayLike, /) -> array: ...
    def __ne__(self, value: bool | int | float | array | Any | complex | ArrayLike, /) -> array | bool: ...  # type: ignore[override]
    def __neg__(self, /) -> array: ...
    def __or__(self, other: bool | int | float | array | Any | complex | ArrayLike, /) -> array: ...
    def __pos__(self, /) -> array: ...
    def __pow__(self, value: bool | int | float | array | Any | complex | ArrayLike, mod=None, /) -> array: ...
    def __radd__(self, other: bool | int | float | array | Any | complex | ArrayLike, /) -> array: ...
    def __rand__(self, other: bool | int | float | array | Any | complex | ArrayLike, /) -> array: ...
    def __rdiv__(self, other: bool | int | float | array | Any | complex | ArrayLike) -> array: ...
    def __repr__(self, /) -> str: ...
    def __rfloordiv__(self, other: bool | int | float | array | Any | complex | ArrayLike, /) -> array: ...
    def __rlshift__(self, other: bool | int | float | array | Any | complex | ArrayLike, /) -> array: ...
    def __rmatmul__(self, other: array, /) -> array: ...
    def __rmod__(self, other: bool | int | float | array | Any | complex | ArrayLike, /) -> array: ...
    def __rmul__(self, other: bool | int | float | array | Any | complex | ArrayLike, /) -> array: ...
    def __ror__(self, other: bool | int | float | array | Any | complex | ArrayLike, /) -> array: ...
    def __rpow__(self, value: bool | int | float | array | Any | complex | ArrayLike, mod=None, /) -> array: ...
    def __rrshift__(self, other: bool | int | float | array | Any | complex | ArrayLike, /) -> array: ...
    def __rshift__(self, other: bool | int | float | array | Any | complex | ArrayLike, /) -> array: ...
    def __rsub__(self, other: bool | int | float | array | Any | complex | ArrayLike, /) -> array: ...
    def __rtruediv__(self, other: bool | int | float | array | Any | complex | ArrayLike, /) -> array: ...
    def __rxor__(self, other: bool | int | float | array | Any | complex | ArrayLike, /) -> array: ...
    def __setitem__(self, key: object | None, value, /) -> None: ...
    def __setstate__(self, state: tuple) -> None: ...
    def __str__(self, /) -> str: ...
    def __sub__(self, other: bool | int | float | array | Any | complex | ArrayLike, /) -> array: ...
    def __truediv__(self, other: bool | int | float | array | Any | complex | ArrayLike, /) -> array: ...
    def __xor__(self, other: bool | int | float | array | Any | complex | ArrayLike, /) -> array: ...
    def abs(self, *, stream: _StreamOrDevice = None) -> array:
        """The absolute value of each element.

        Same as ``mx.abs(a)``.

        Parameters
        ----------
        stream : Stream or Device, optional
            Where to schedule the computation. Default: ``None``, the default stream of the default
            device.

        Returns
        -------
        array
            Of ``a``'s dtype (``float32`` for ``complex64``: the modulus).

        Examples
        --------
        >>> mx.array([-1, 2]).abs()
        array([1, 2], dtype=int32)
        >>> mx.array([-1.5, 0.5]).abs()
        array([1.5, 0.5], dtype=float32)
        """

    def all(self, axis: int | Sequence[int] | None = None, keepdims: bool = False, *, stream: _StreamOrDevice = None) -> array:
        """Whether every element is true (non-zero), over ``axis``.

        Same as ``mx.all(a, axis, keepdims)``.

        Parameters
        ----------
        axis : int or list(int), optional
            Axis or axes to reduce over. Default: ``None``, every axis.
        keepdims : bool, optional
            Keep the reduced axes as axes of size 1. Default: ``False``.
        stream : Stream or Device, optional
            Where to schedule the computation. Default: ``None``, the default stream of the default
            device.

        Returns
        -------
        array
            ``bool``; an empty reduction is ``True``.

        Raises
        ------
        IndexError
            When an axis is out of range.
        TypeError
            When ``keepdims`` is not a bool.

        Examples
        --------
        >>> a = mx.array([[True, False], [True, True]])
        >>> a.all()
        array(False, dtype=bool)
        >>> a.all(axis=1)
        array([False, True], dtype=bool)
        """

    def any(self, axis: int | Sequence[int] | None = None, keepdims: bool = False, *, stream: _StreamOrDevice = None) -> array:
        """Whether any element is true (non-zero), over ``axis``.

        Same as ``mx.any(a, axis, keepdims)``.

        Parameters
        ----------
        axis : int or list(int), optional
            Axis or axes to reduce over. Default: ``None``, every axis.
        keepdims : bool, optional
            Keep the reduced axes as axes of size 1. Default: ``False``.
        stream : Stream or Device, optional
            Where to schedule the computation. Default: ``None``, the default stream of the default
            device.

        Returns
        -------
        array
            ``bool``; an empty reduction is ``False``.

        Raises
        ------
        IndexError
            When an axis is out of range.
        TypeError
            When ``keepdims`` is not a bool.

        Examples
        --------
        >>> a = mx.array([[0, 0], [0, 1]])
        >>> a.any()
        array(True, dtype=bool)
        >>> a.any(axis=1)
        array([False, True], dtype=bool)
        """

    def argmax(self, axis: int | None = None, keepdims: bool = False, *, stream: _StreamOrDevice = None) -> array:
        """The index of the largest element along ``axis``.

        Same as ``mx.argmax(a, axis, keepdims)``. Of equal elements, the first wins.

        Parameters
        ----------
        axis : int, optional
            The axis to search along. Default: ``None``, the flattened array.
        keepdims : bool, optional
            Keep the reduced axes as axes of size 1. Default: ``False``.
        stream : Stream or Device, optional
            Where to schedule the computation. Default: ``None``, the default stream of the default
            device.

        Returns
        -------
        array
            ``uint32`` indices.

        Raises
        ------
        IndexError
            When ``axis`` is out of range.
        TypeError
            When ``keepdims`` is not a bool.

        Examples
        --------
        >>> mx.array([3, 9, 1]).argmax()
        array(1, dtype=uint32)
        >>> mx.array([[1, 5], [7, 2]]).argmax(axis=1)
        array([1, 0], dtype=uint32)
        """

    def argmin(self, axis: int | None = None, keepdims: bool = False, *, stream: _StreamOrDevice = None) -> array:
        """The index of the smallest element along ``axis``.

        Same as ``mx.argmin(a, axis, keepdims)``. Of equal elements, the first wins.

        Parameters
        ----------
        axis : int, optional
            The axis to search along. Default: ``None``, the flattened array.
        keepdims : bool, optional
            Keep the reduced axes as axes of size 1. Default: ``False``.
        stream : Stream or Device, optional
            Where to schedule the computation. Default: ``None``, the default stream of the default
            device.

        Returns
        -------
        array
            ``uint32`` indices.

        Raises
        ------
        IndexError
            When ``axis`` is out of range.
        TypeError
            When ``keepdims`` is not a bool.

        Examples
        --------
        >>> mx.array([3, 9, 1]).argmin()
        array(2, dtype=uint32)
        >>> mx.array([[1, 5], [7, 2]]).argmin(axis=1)
        array([0, 1], dtype=uint32)
        """

    def astype(self, dtype: Dtype, stream: _StreamOrDevice = None) -> array:
        """A copy of the array with its elements converted to ``dtype``.

        Same as ``mx.astype(a, dtype)``. Floats become integers by truncation toward zero.

        Parameters
        ----------
        dtype : Dtype
            The element type of the result.
        stream : Stream or Device, optional
            Where to schedule the computation (may be passed by position). Default: ``None``, the
            default stream of the default device.

        Returns
        -------
        array
            Of ``a``'s shape, with elements of type ``dtype``.

        Raises
        ------
        TypeError
            When ``dtype`` is not a :class:`Dtype` (a string is refused).

        Examples
        --------
        >>> mx.array([1, 2]).astype(mx.float16)
        array([1, 2], dtype=float16)
        >>> mx.array([1.75, -1.75]).astype(mx.int32)
        array([1, -1], dtype=int32)
        """

    @property
    def at(self) -> ArrayAt:
        """Updates at an index that accumulate over repeated indices: ``a.at[idx].add(v)``.

        ``a.at[idx]`` has the methods ``add``, ``subtract``, ``multiply``, ``divide``, ``maximum`` and
        ``minimum``, each returning a new array (``a`` is not changed). Unlike ``a[idx] += v``, where
        an index repeated in ``idx`` gets one of its updates, every update counts.

        Returns
        -------
        ArrayAt

        Examples
        --------
        >>> a = mx.array([1, 2, 3])
        >>> a.at[mx.array([0, 0])].add(1)
        array([3, 2, 3], dtype=int32)
        >>> b = mx.array([1, 2, 3])
        >>> b[mx.array([0, 0])] += 1
        >>> b
        array([2, 2, 3], dtype=int32)
        """

    def conj(self, *, stream: _StreamOrDevice = None) -> array:
        """The complex conjugate of each element.

        Same as ``mx.conj(a)``.

        Parameters
        ----------
        stream : Stream or Device, optional
            Where to schedule the computation. Default: ``None``, the default stream of the default
            device.

        Returns
        -------
        array
            Of ``a``'s dtype; real arrays come back unchanged.

        Examples
        --------
        >>> mx.array([1 + 2j]).conj()
        array([1-2j], dtype=complex64)
        >>> mx.array([1, 2]).conj()
        array([1, 2], dtype=int32)
        """

    def cos(self, *, stream: _StreamOrDevice = None) -> array:
        """The cosine of each element (in radians).

        Same as ``mx.cos(a)``.

        Parameters
        ----------
        stream : Stream or Device, optional
            Where to schedule the computation. Default: ``None``, the default stream of the default
            device.

        Returns
        -------
        array
            Of ``a``'s floating dtype; ``float32`` for bool and integer arrays.

        Examples
        --------
        >>> mx.array([0.0]).cos()
        array([1], dtype=float32)
        """

    def cummax(self, axis: int | None = None, *, reverse: bool = False, inclusive: bool = True, stream: _StreamOrDevice = None) -> array:
        """The running maximum along ``axis``.

        Same as ``mx.cummax(a, axis, reverse=..., inclusive=...)``.

        Parameters
        ----------
        axis : int, optional
            The axis to scan along. Default: ``None``, the flattened array.
        reverse : bool, optional
            Scan from the end of the axis toward its start. Default: ``False``.
        inclusive : bool, optional
            Include each element in its own result; with ``False`` the first result is the
            operation's identity and the last element is left out. Default: ``True``.
        stream : Stream or Device, optional
            Where to schedule the computation. Default: ``None``, the default stream of the default
            device.

        Returns
        -------
        array
            The running results, of ``a``'s shape (1-D of ``a.size`` elements when ``axis`` is
            ``None``).

        Raises
        ------
        IndexError
            When ``axis`` is out of range.

        Examples
        --------
        >>> mx.array([1, 3, 2]).cummax()
        array([1, 3, 3], dtype=int32)
        >>> mx.array([1, 3, 2]).cummax(reverse=True)
        array([3, 3, 2], dtype=int32)
        """

    def cummin(self, axis: int | None = None, *, reverse: bool = False, inclusive: bool = True, stream: _StreamOrDevice = None) -> array:
        """The running minimum along ``axis``.

        Same as ``mx.cummin(a, axis, reverse=..., inclusive=...)``.

        Parameters
        ----------
        axis : int, optional
            The axis to scan along. Default: ``None``, the flattened array.
        reverse : bool, optional
            Scan from the end of the axis toward its start. Default: ``False``.
        inclusive : bool, optional
            Include each element in its own result; with ``False`` the first result is the
            operation's identity and the last element is left out. Default: ``True``.
        stream : Stream or Device, optional
            Where to schedule the computation. Default: ``None``, the default stream of the default
            device.

        Returns
        -------
        array
            The running results, of ``a``'s shape (1-D of ``a.size`` elements when ``axis`` is
            ``None``).

        Raises
        ------
        IndexError
            When ``axis`` is out of range.

        Examples
        --------
        >>> mx.array([3, 1, 2]).cummin()
        array([3, 1, 1], dtype=int32)
        >>> mx.array([[4, 2], [3, 5]]).cummin(axis=1)
        array([[4, 2],
               [3, 3]], dtype=int32)
        """

    def cumprod(self, axis: int | None = None, *, reverse: bool = False, inclusive: bool = True, stream: _StreamOrDevice = None) -> array:
        """The running product along ``axis``.

        Same as ``mx.cumprod(a, axis, reverse=..., inclusive=...)``.

        Parameters
        ----------
        axis : int, optional
            The axis to scan along. Default: ``None``, the flattened array.
        reverse : bool, optional
            Scan from the end of the axis toward its start. Default: ``False``.
        inclusive : bool, optional
            Include each element in its own result; with ``False`` the first result is the
            operation's identity and the last element is left out. Default: ``True``.
        stream : Stream or Device, optional
            Where to schedule the computation. Default: ``None``, the default stream of the default
            device.

        Returns
        -------
        array
            The running results, of ``a``'s shape (1-D of ``a.size`` elements when ``axis`` is
            ``None``).

        Raises
        ------
        IndexError
            When ``axis`` is out of range.

        Examples
        --------
        >>> mx.array([1, 2, 3]).cumprod()
        array([1, 2, 6], dtype=int32)
        >>> mx.array([[1, 2], [3, 4]]).cumprod(axis=0)
        array([[1, 2],
               [3, 8]], dtype=int32)
        """

    def cumsum(self, axis: int | None = None, *, reverse: bool = False, inclusive: bool = True, stream: _StreamOrDevice = None) -> array:
        """The running sum along ``axis``.

        Same as ``mx.cumsum(a, axis, reverse=..., inclusive=...)``.

        Parameters
        ----------
        axis : int, optional
            The axis to scan along. Default: ``None``, the flattened array.
        reverse : bool, optional
            Scan from the end of the axis toward its start. Default: ``False``.
        inclusive : bool, optional
            Include each element in its own result; with ``False`` the first result is the
            operation's identity and the last element is left out. Default: ``True``.
        stream : Stream or Device, optional
            Where to schedule the computation. Default: ``None``, the default stream of the default
            device.

        Returns
        -------
        array
            The running results, of ``a``'s shape (1-D of ``a.size`` elements when ``axis`` is
            ``None``).

        Raises
        ------
        IndexError
            When ``axis`` is out of range.

        Examples
        --------
        >>> mx.array([1, 2, 3]).cumsum()
        array([1, 3, 6], dtype=int32)
        >>> mx.array([1, 2, 3]).cumsum(reverse=True)
        array([6, 5, 3], dtype=int32)
        >>> mx.array([1, 2, 3]).cumsum(inclusive=False)
        array([0, 1, 3], dtype=int32)
        """

    def diag(self, k: int = 0, *, stream: _StreamOrDevice = None) -> array:
        """A diagonal of a 2-D array, or a 2-D array with a 1-D array on a diagonal.

        Same as ``mx.diag(a, k)``.

        Parameters
        ----------
        k : int, optional
            Which diagonal: 0 the main one, positive above it, negative below. Default: ``0``.
        stream : Stream or Device, optional
            Where to schedule the computation. Default: ``None``, the default stream of the default
            device.

        Returns
        -------
        array
            For a 2-D ``a``, the 1-D diagonal; for a 1-D ``a`` of ``n`` elements, a square array of
            size ``n + abs(k)`` with ``a`` on diagonal ``k`` and zeros elsewhere.

        Raises
        ------
        ValueError
            When ``a`` is not 1-D or 2-D.

        Examples
        --------
        >>> mx.array([[1, 2], [3, 4]]).diag()
        array([1, 4], dtype=int32)
        >>> mx.array([[1, 2], [3, 4]]).diag(1)
        array([2], dtype=int32)
        >>> mx.array([1, 2]).diag()
        array([[1, 0],
               [0, 2]], dtype=int32)
        """

    def diagonal(self, offset: int = 0, axis1: int = 0, axis2: int = 1, stream: _StreamOrDevice = None) -> array:
        """The diagonal at ``offset`` of the planes spanned by ``axis1`` and ``axis2``.

        Same as ``mx.diagonal(a, offset, axis1, axis2)``.

        Parameters
        ----------
        offset : int, optional
            Which diagonal: 0 the main one, positive above it, negative below. Default: ``0``.
        axis1 : int, optional
            The axis of the rows. Default: ``0``.
        axis2 : int, optional
            The axis of the columns. Default: ``1``.
        stream : Stream or Device, optional
            Where to schedule the computation (may be passed by position). Default: ``None``, the
            default stream of the default device.

        Returns
        -------
        array
            The two axes removed, and the diagonal appended as the last axis.

        Raises
        ------
        ValueError
            When ``a`` has fewer than two dimensions, or ``axis1`` and ``axis2`` are the same axis.

        Examples
        --------
        >>> mx.array([[1, 2], [3, 4]]).diagonal()
        array([1, 4], dtype=int32)
        >>> mx.arange(8).reshape(2, 2, 2).diagonal(0, 1, 2)
        array([[0, 3],
               [4, 7]], dtype=int32)
        """

    @property
    def dtype(self) -> Dtype:
        """The type of the array's elements.

        Returns
        -------
        Dtype

        Examples
        --------
        >>> mx.array([1, 2]).dtype
        mlx.core.int32
        >>> mx.array([1.5]).dtype
        mlx.core.float32
        """

    def exp(self, *, stream: _StreamOrDevice = None) -> array:
        """``e`` raised to each element.

        Same as ``mx.exp(a)``.

        Parameters
        ----------
        stream : Stream or Device, optional
            Where to schedule the computation. Default: ``None``, the default stream of the default
            device.

        Returns
        -------
        array
            Of ``a``'s floating dtype; ``float32`` for bool and integer arrays.

        Examples
        --------
        >>> mx.array([0.0]).exp()
        array([1], dtype=float32)
        >>> print(f"{mx.array(1.0).exp().item():.4f}")
        2.7183
        """

    def flatten(self, start_axis: int = 0, end_axis: int = -1, *, stream: _StreamOrDevice = None) -> array:
        """The axes ``start_axis`` to ``end_axis`` merged into one.

        Same as ``mx.flatten(a, start_axis, end_axis)``. With the defaults the result is 1-D; a 0-d
        array gives a 1-D array of one element.

        Parameters
        ----------
        start_axis : int, optional
            The first axis to merge. Default: ``0``.
        end_axis : int, optional
            The last axis to merge (inclusive). Default: ``-1``.
        stream : Stream or Device, optional
            Where to schedule the computation. Default: ``None``, the default stream of the default
            device.

        Returns
        -------
        array

        Raises
        ------
        ValueError
            When ``start_axis`` comes after ``end_axis``.

        Examples
        --------
        >>> a = mx.zeros((2, 3, 4))
        >>> a.flatten().shape
        (24,)
        >>> a.flatten(1).shape
        (2, 12)
        >>> a.flatten(0, 1).shape
        (6, 4)
        """

    @property
    def imag(self) -> array:
        """The imaginary part of the elements.

        Same as ``mx.imag(a)``.

        Returns
        -------
        array
            ``float32`` for a ``complex64`` array; zeros of the array's dtype otherwise.

        Examples
        --------
        >>> mx.array([1 + 2j, 3]).imag
        array([2, 0], dtype=float32)
        >>> mx.array([1.5, 2.0]).imag
        array([0, 0], dtype=float32)
        """

    def item(self) -> _Scalar:
        """The single element of the array as a Python scalar.

        Evaluates the array. Booleans become ``bool``, integers ``int``, floating types ``float`` and
        ``complex64`` ``complex``.

        Returns
        -------
        bool, int, float or complex

        Raises
        ------
        ValueError
            When the array does not have exactly one element (any number of axes of size 1 is fine).

        Examples
        --------
        >>> mx.array(1.5).item()
        1.5
        >>> mx.array([[7]]).item()
        7
        >>> (mx.array([1, 2]) == 2).any().item()
        True
        """

    @property
    def itemsize(self) -> int:
        """The size of one element, in bytes.

        Returns
        -------
        int
            ``a.dtype.size``.

        Examples
        --------
        >>> mx.array([1, 2]).itemsize
        4
        >>> mx.array([1, 2], mx.int64).itemsize
        8
        """

    def log(self, *, stream: _StreamOrDevice = None) -> array:
        """The natural logarithm of each element.

        Same as ``mx.log(a)``.

        Parameters
        ----------
        stream : Stream or Device, optional
            Where to schedule the computation. Default: ``None``, the default stream of the default
            device.

        Returns
        -------
        array
            Of ``a``'s floating dtype; ``float32`` for bool and integer arrays. ``log(0)`` is ``-inf``, negative values give ``nan``.

        Examples
        --------
        >>> mx.array([1.0, 0.0]).log()
        array([0, -inf], dtype=float32)
        """

    def log10(self, *, stream: _StreamOrDevice = None) -> array:
        """The base-10 logarithm of each element.

        Same as ``mx.log10(a)``.

        Parameters
        ----------
        stream : Stream or Device, optional
            Where to schedule the computation. Default: ``None``, the default stream of the default
            device.

        Returns
        -------
        array
            Of ``a``'s floating dtype; ``float32`` for bool and integer arrays.

        Examples
        --------
        >>> mx.array([1, 100]).log10()
        array([0, 2], dtype=float32)
        """

    def log1p(self, *, stream: _StreamOrDevice = None) -> array:
        """``log(1 + x)`` of each element, accurate for small ``x``.

        Same as ``mx.log1p(a)``.

        Parameters
        ----------
        stream : Stream or Device, optional
            Where to schedule the computation. Default: ``None``, the default stream of the default
            device.

        Returns
        -------
        array
            Of ``a``'s floating dtype; ``float32`` for bool and integer arrays.

        Examples
        --------
        >>> mx.array([0.0]).log1p()
        array([0], dtype=float32)
        """

    def log2(self, *, stream: _StreamOrDevice = None) -> array:
        """The base-2 logarithm of each element.

        Same as ``mx.log2(a)``.

        Parameters
        ----------
        stream : Stream or Device, optional
            Where to schedule the computation. Default: ``None``, the default stream of the default
            device.

        Returns
        -------
        array
            Of ``a``'s floating dtype; ``float32`` for bool and integer arrays.

        Examples
        --------
        >>> mx.array([1.0, 8.0]).log2()
        array([0, 3], dtype=float32)
        """

    def logcumsumexp(self, axis: int | None = None, *, reverse: bool = False, inclusive: bool = True, stream: _StreamOrDevice = None) -> array:
        """The running ``log(sum(exp(a)))`` along ``axis``, computed without overflow.

        Same as ``mx.logcumsumexp(a, axis, reverse=..., inclusive=...)``.

        Parameters
        ----------
        axis : int, optional
            The axis to scan along. Default: ``None``, the flattened array.
        reverse : bool, optional
            Scan from the end of the axis toward its start. Default: ``False``.
        inclusive : bool, optional
            Include each element in its own result; with ``False`` the first result is the
            operation's identity and the last element is left out. Default: ``True``.
        stream : Stream or Device, optional
            Where to schedule the computation. Default: ``None``, the default stream of the default
            device.

        Returns
        -------
        array
            The running results, of ``a``'s shape (1-D of ``a.size`` elements when ``axis`` is
            ``None``).

        Raises
        ------
        IndexError
            When ``axis`` is out of range.

        Examples
        --------
        >>> a = mx.array([0.0, 0.0, 0.0, 0.0]).logcumsumexp()
        >>> [round(x, 4) for x in a.tolist()]  # log(1), log(2), log(3), log(4)
        [0.0, 0.6931, 1.0986, 1.3863]
        """

    def logsumexp(self, axis: int | Sequence[int] | None = None, keepdims: bool = False, *, stream: _StreamOrDevice = None) -> array:
        """``log(sum(exp(a)))`` over ``axis``, computed without overflow.

        Same as ``mx.logsumexp(a, axis, keepdims)``.

        Parameters
        ----------
        axis : int or list(int), optional
            Axis or axes to reduce over. Default: ``None``, every axis.
        keepdims : bool, optional
            Keep the reduced axes as axes of size 1. Default: ``False``.
        stream : Stream or Device, optional
            Where to schedule the computation. Default: ``None``, the default stream of the default
            device.

        Returns
        -------
        array
            The results; ``float32`` for bool and integer arrays.

        Raises
        ------
        IndexError
            When an axis is out of range.
        TypeError
            When ``keepdims`` is not a bool.

        Examples
        --------
        >>> a = mx.array([0.0, 0.0])
        >>> print(f"{a.logsumexp().item():.4f}")  # log(2)
        0.6931
        >>> mx.array([[1000.0, 1000.0]]).logsumexp(axis=1, keepdims=True).shape
        (1, 1)
        """

    @property
    def mT(self) -> array:
        """The array with its last two axes swapped: a transpose of each matrix in a stack.

        Returns
        -------
        array
            Of shape ``(..., n, m)`` for an array of shape ``(..., m, n)``.

        Raises
        ------
        ValueError
            When the array has fewer than two dimensions.

        Examples
        --------
        >>> mx.array([[1, 2], [3, 4]]).mT
        array([[1, 3],
               [2, 4]], dtype=int32)
        >>> mx.zeros((5, 2, 3)).mT.shape
        (5, 3, 2)
        """

    def max(self, axis: int | Sequence[int] | None = None, keepdims: bool = False, *, stream: _StreamOrDevice = None) -> array:
        """The largest element over ``axis``.

        Same as ``mx.max(a, axis, keepdims)``.

        Parameters
        ----------
        axis : int or list(int), optional
            Axis or axes to reduce over. Default: ``None``, every axis.
        keepdims : bool, optional
            Keep the reduced axes as axes of size 1. Default: ``False``.
        stream : Stream or Device, optional
            Where to schedule the computation. Default: ``None``, the default stream of the default
            device.

        Returns
        -------
        array
            The maxima, in ``a``'s dtype.

        Raises
        ------
        IndexError
            When an axis is out of range.
        TypeError
            When ``keepdims`` is not a bool.
        ValueError
            When a reduced axis has size 0.

        Examples
        --------
        >>> a = mx.array([[5, 1], [2, 8]])
        >>> a.max()
        array(8, dtype=int32)
        >>> a.max(axis=0)
        array([5, 8], dtype=int32)
        """

    def mean(self, axis: int | Sequence[int] | None = None, keepdims: bool = False, *, stream: _StreamOrDevice = None) -> array:
        """The mean of the elements over ``axis``.

        Same as ``mx.mean(a, axis, keepdims)``.

        Parameters
        ----------
        axis : int or list(int), optional
            Axis or axes to reduce over. Default: ``None``, every axis.
        keepdims : bool, optional
            Keep the reduced axes as axes of size 1. Default: ``False``.
        stream : Stream or Device, optional
            Where to schedule the computation. Default: ``None``, the default stream of the default
            device.

        Returns
        -------
        array
            The means; ``float32`` for bool and integer arrays, ``a``'s dtype for floating ones.

        Raises
        ------
        IndexError
            When an axis is out of range.
        TypeError
            When ``keepdims`` is not a bool.

        Examples
        --------
        >>> a = mx.array([[1, 2], [3, 4]])
        >>> a.mean()
        array(2.5, dtype=float32)
        >>> a.mean(axis=1)
        array([1.5, 3.5], dtype=float32)
        """

    def min(self, axis: int | Sequence[int] | None = None, keepdims: bool = False, *, stream: _StreamOrDevice = None) -> array:
        """The smallest element over ``axis``.

        Same as ``mx.min(a, axis, keepdims)``.

        Parameters
        ----------
        axis : int or list(int), optional
            Axis or axes to reduce over. Default: ``None``, every axis.
        keepdims : bool, optional
            Keep the reduced axes as axes of size 1. Default: ``False``.
        stream : Stream or Device, optional
            Where to schedule the computation. Default: ``None``, the default stream of the default
            device.

        Returns
        -------
        array
            The minima, in ``a``'s dtype.

        Raises
        ------
        IndexError
            When an axis is out of range.
        TypeError
            When ``keepdims`` is not a bool.
        ValueError
            When a reduced axis has size 0.

        Examples
        --------
        >>> a = mx.array([[5, 1], [2, 8]])
        >>> a.min()
        array(1, dtype=int32)
        >>> a.min(axis=0, keepdims=True)
        array([[2, 1]], dtype=int32)
        """

    def moveaxis(self, source: int, destination: int, *, stream: _StreamOrDevice = None) -> array:
        """The array with axis ``source`` moved to position ``destination``.

        Same as ``mx.moveaxis(a, source, destination)``; the other axes keep their order.

        Parameters
        ----------
        source : int
            The axis to move.
        destination : int
            Where it ends up.
        stream : Stream or Device, optional
            Where to schedule the computation. Default: ``None``, the default stream of the default
            device.

        Returns
        -------
        array

        Raises
        ------
        IndexError
            When an axis is out of range.

        Examples
        --------
        >>> a = mx.zeros((2, 3, 4))
        >>> a.moveaxis(0, -1).shape
        (3, 4, 2)
        >>> a.moveaxis(-1, 0).shape
        (4, 2, 3)
        """

    @property
    def nbytes(self) -> int:
        """The number of bytes the elements take.

        Returns
        -------
        int
            ``a.size * a.itemsize``.

        Examples
        --------
        >>> mx.zeros((2, 3)).nbytes
        24
        >>> mx.array([1, 2], mx.int8).nbytes
        2
        """

    @property
    def ndim(self) -> int:
        """The number of axes.

        Returns
        -------
        int
            ``len(a.shape)``; 0 for a scalar array.

        Examples
        --------
        >>> mx.zeros((2, 3)).ndim
        2
        >>> mx.array(5).ndim
        0
        """

    def prod(self, axis: int | Sequence[int] | None = None, keepdims: bool = False, *, stream: _StreamOrDevice = None) -> array:
        """The product of the elements over ``axis``.

        Same as ``mx.prod(a, axis, keepdims)``.

        Parameters
        ----------
        axis : int or list(int), optional
            Axis or axes to reduce over. Default: ``None``, every axis.
        keepdims : bool, optional
            Keep the reduced axes as axes of size 1. Default: ``False``.
        stream : Stream or Device, optional
            Where to schedule the computation. Default: ``None``, the default stream of the default
            device.

        Returns
        -------
        array
            The products. Bool and integer types narrower than 32 bits multiply in ``int32`` (``uint32`` for unsigned ones).

        Raises
        ------
        IndexError
            When an axis is out of range.
        TypeError
            When ``keepdims`` is not a bool.

        Examples
        --------
        >>> a = mx.array([[1, 2], [3, 4]])
        >>> a.prod()
        array(24, dtype=int32)
        >>> a.prod(axis=0)
        array([3, 8], dtype=int32)
        """

    @property
    def real(self) -> array:
        """The real part of the elements.

        Same as ``mx.real(a)``.

        Returns
        -------
        array
            ``float32`` for a ``complex64`` array; the array's values, in its dtype, otherwise.

        Examples
        --------
        >>> mx.array([1 + 2j, 3]).real
        array([1, 3], dtype=float32)
        >>> mx.array([1, 2]).real
        array([1, 2], dtype=int32)
        """

    def reciprocal(self, *, stream: _StreamOrDevice = None) -> array:
        """The reciprocal ``1 / x`` of each element.

        Same as ``mx.reciprocal(a)``.

        Parameters
        ----------
        stream : Stream or Device, optional
            Where to schedule the computation. Default: ``None``, the default stream of the default
            device.

        Returns
        -------
        array
            Of ``a``'s floating dtype; ``float32`` for bool and integer arrays.

        Examples
        --------
        >>> mx.array([2.0, 4.0]).reciprocal()
        array([0.5, 0.25], dtype=float32)
        >>> mx.array([1, 2]).reciprocal()
        array([1, 0.5], dtype=float32)
        """

    def reshape(self, *shape, stream: _StreamOrDevice = None) -> array:
        """The array with a new shape and the same elements in the same (row-major) order.

        Same as ``mx.reshape(a, shape)``. The shape may be given as one sequence (``a.reshape((2,
        3))``) or as separate ints (``a.reshape(2, 3)``); one size may be ``-1``, to be inferred.

        Parameters
        ----------
        *shape : int or sequence of int
            The new shape; its sizes must multiply to ``a.size``.
        stream : Stream or Device, optional
            Where to schedule the computation. Default: ``None``, the default stream of the default
            device.

        Returns
        -------
        array

        Raises
        ------
        ValueError
            When the sizes do not multiply to ``a.size``, or more than one is ``-1``.

        Examples
        --------
        >>> mx.arange(6).reshape(2, 3)
        array([[0, 1, 2],
               [3, 4, 5]], dtype=int32)
        >>> mx.arange(6).reshape((-1, 2)).shape
        (3, 2)
        """

    def round(self, decimals: int = 0, *, stream: _StreamOrDevice = None) -> array:
        """Each element rounded to ``decimals`` decimal places.

        Same as ``mx.round(a, decimals)``. Halves round to the nearest even value (``0.5`` to ``0``,
        ``1.5`` to ``2``). Integer arrays are unchanged unless ``decimals`` is negative.

        Parameters
        ----------
        decimals : int, optional
            The number of decimal places; a negative number rounds to tens, hundreds, ... Default:
            ``0``.
        stream : Stream or Device, optional
            Where to schedule the computation. Default: ``None``, the default stream of the default
            device.

        Returns
        -------
        array
            Of ``a``'s dtype.

        Raises
        ------
        TypeError
            When ``decimals`` is not an int.

        Examples
        --------
        >>> mx.array([0.5, 1.5, 2.25]).round()
        array([0, 2, 2], dtype=float32)
        >>> mx.array([15, 25, 31]).round(-1)
        array([20, 20, 30], dtype=int32)
        """

    def rsqrt(self, *, stream: _StreamOrDevice = None) -> array:
        """The reciprocal square root ``1 / sqrt(x)`` of each element.

        Same as ``mx.rsqrt(a)``.

        Parameters
        ----------
        stream : Stream or Device, optional
            Where to schedule the computation. Default: ``None``, the default stream of the default
            device.

        Returns
        -------
        array
            Of ``a``'s floating dtype; ``float32`` for bool and integer arrays.

        Examples
        --------
        >>> mx.array([4.0, 16.0]).rsqrt()
        array([0.5, 0.25], dtype=float32)
        """

    @property
    def shape(self) -> tuple[int, ...]:
        """The size of each axis.

        Returns
        -------
        tuple(int)
            One size per axis; ``()`` for a 0-d array.

        Examples
        --------
        >>> mx.zeros((2, 3)).shape
        (2, 3)
        >>> mx.array(5).shape
        ()
        """

    def sin(self, *, stream: _StreamOrDevice = None) -> array:
        """The sine of each element (in radians).

        Same as ``mx.sin(a)``.

        Parameters
        ----------
        stream : Stream or Device, optional
            Where to schedule the computation. Default: ``None``, the default stream of the default
            device.

        Returns
        -------
        array
            Of ``a``'s floating dtype; ``float32`` for bool and integer arrays.

        Examples
        --------
        >>> mx.array([0.0]).sin()
        array([0], dtype=float32)
        >>> mx.array([0, 0]).sin().dtype
        mlx.core.float32
        """

    @property
    def size(self) -> int:
        """The number of elements.

        Returns
        -------
        int
            The product of the sizes of the axes (1 for a 0-d array).

        Examples
        --------
        >>> mx.zeros((2, 3)).size
        6
        >>> mx.array(5).size
        1
        """

    def split(self, indices_or_sections: int | tuple[int, ...], axis: int = 0, *, stream: _StreamOrDevice = None) -> list[array]:
        """The array split into several along ``axis``.

        Same as ``mx.split(a, indices_or_sections, axis)``.

        Parameters
        ----------
        indices_or_sections : int or sequence of int
            An int ``n``: ``n`` parts of equal size (the axis's size must divide by ``n``). A sequence:
            the indices along ``axis`` where each new part starts.
        axis : int, optional
            The axis to split along. Default: ``0``.
        stream : Stream or Device, optional
            Where to schedule the computation. Default: ``None``, the default stream of the default
            device.

        Returns
        -------
        list(array)

        Raises
        ------
        ValueError
            When an int ``indices_or_sections`` is not positive or does not divide the axis's size.

        Examples
        --------
        >>> mx.arange(6).split(3)
        [array([0, 1], dtype=int32), array([2, 3], dtype=int32), array([4, 5], dtype=int32)]
        >>> [p.tolist() for p in mx.arange(6).split([1, 4])]
        [[0], [1, 2, 3], [4, 5]]
        """

    def sqrt(self, *, stream: _StreamOrDevice = None) -> array:
        """The square root of each element.

        Same as ``mx.sqrt(a)``.

        Parameters
        ----------
        stream : Stream or Device, optional
            Where to schedule the computation. Default: ``None``, the default stream of the default
            device.

        Returns
        -------
        array
            Of ``a``'s floating dtype; ``float32`` for bool and integer arrays. Negative values give ``nan``.

        Examples
        --------
        >>> mx.array([4.0, 9.0]).sqrt()
        array([2, 3], dtype=float32)
        """

    def square(self, *, stream: _StreamOrDevice = None) -> array:
        """The square of each element.

        Same as ``mx.square(a)``.

        Parameters
        ----------
        stream : Stream or Device, optional
            Where to schedule the computation. Default: ``None``, the default stream of the default
            device.

        Returns
        -------
        array
            Of ``a``'s dtype (integers stay integers).

        Examples
        --------
        >>> mx.array([2, -3]).square()
        array([4, 9], dtype=int32)
        """

    def squeeze(self, axis: int | Sequence[int] | None = None, *, stream: _StreamOrDevice = None) -> array:
        """The array without axes of size 1 (all of them, or those in ``axis``).

        Same as ``mx.squeeze(a, axis)``.

        Parameters
        ----------
        axis : int or sequence of int, optional
            The axes to remove; each must have size 1. Default: ``None``, every axis of size 1.
        stream : Stream or Device, optional
            Where to schedule the computation. Default: ``None``, the default stream of the default
            device.

        Returns
        -------
        array

        Raises
        ------
        ValueError
            When an axis given does not have size 1.

        Examples
        --------
        >>> a = mx.zeros((1, 3, 1))
        >>> a.squeeze().shape
        (3,)
        >>> a.squeeze(0).shape
        (3, 1)
        """

    def std(self, axis: int | Sequence[int] | None = None, keepdims: bool = False, ddof: int = 0, *, correction: int | None = None, stream: _StreamOrDevice = None) -> array:
        """The standard deviation of the elements over ``axis``.

        Same as ``mx.std(a, axis, keepdims, ddof)``. The sum of squared deviations from the mean is
        divided by ``N - ddof``, ``N`` being the number of elements reduced; the standard deviation is the square root of that.

        Parameters
        ----------
        axis : int or list(int), optional
            Axis or axes to reduce over. Default: ``None``, every axis.
        keepdims : bool, optional
            Keep the reduced axes as axes of size 1. Default: ``False``.
        ddof : int, optional
            Delta degrees of freedom (1 gives the unbiased sample variance). Default: ``0``.
        correction : int, optional
            The array-API name of ``ddof``; when given, it is used instead of ``ddof``. Default:
            ``None``.
        stream : Stream or Device, optional
            Where to schedule the computation. Default: ``None``, the default stream of the default
            device.

        Returns
        -------
        array
            ``float32`` for bool and integer arrays, ``a``'s dtype for floating ones. ``N - ddof <= 0``
            gives ``inf`` or ``nan``.

        Raises
        ------
        IndexError
            When an axis is out of range.
        TypeError
            When ``ddof`` or ``correction`` is not an int, or ``keepdims`` is not a bool.

        Examples
        --------
        >>> mx.array([1.0, 3.0]).std()
        array(1, dtype=float32)
        >>> mx.array([[1.0, 3.0], [2.0, 6.0]]).std(axis=1)
        array([1, 2], dtype=float32)
        """

    def sum(self, axis: int | Sequence[int] | None = None, keepdims: bool = False, *, stream: _StreamOrDevice = None) -> array:
        """The sum of the elements over ``axis``.

        Same as ``mx.sum(a, axis, keepdims)``.

        Parameters
        ----------
        axis : int or list(int), optional
            Axis or axes to reduce over. Default: ``None``, every axis.
        keepdims : bool, optional
            Keep the reduced axes as axes of size 1. Default: ``False``.
        stream : Stream or Device, optional
            Where to schedule the computation. Default: ``None``, the default stream of the default
            device.

        Returns
        -------
        array
            The sums. Bool and integer types narrower than 32 bits sum in ``int32`` (``uint32`` for unsigned ones).

        Raises
        ------
        IndexError
            When an axis is out of range.
        TypeError
            When ``keepdims`` is not a bool.

        Examples
        --------
        >>> a = mx.array([[1, 2], [3, 4]])
        >>> a.sum()
        array(10, dtype=int32)
        >>> a.sum(axis=0)
        array([4, 6], dtype=int32)
        >>> a.sum(axis=1, keepdims=True)
        array([[3],
               [7]], dtype=int32)
        """

    def swapaxes(self, axis1: int, axis2: int, *, stream: _StreamOrDevice = None) -> array:
        """The array with axes ``axis1`` and ``axis2`` interchanged.

        Same as ``mx.swapaxes(a, axis1, axis2)``.

        Parameters
        ----------
        axis1 : int
            The first axis.
        axis2 : int
            The second axis.
        stream : Stream or Device, optional
            Where to schedule the computation. Default: ``None``, the default stream of the default
            device.

        Returns
        -------
        array

        Raises
        ------
        IndexError
            When an axis is out of range.

        Examples
        --------
        >>> mx.zeros((2, 3, 4)).swapaxes(0, 2).shape
        (4, 3, 2)
        >>> mx.array([[1, 2]]).swapaxes(0, 1)
        array([[1],
               [2]], dtype=int32)
        """

    def tolist(self) -> Any:
        """The array as nested Python lists.

        Evaluates the array. The elements become Python scalars as in :meth:`item`; a 0-d array gives a
        scalar, not a list.

        Returns
        -------
        list or scalar

        Examples
        --------
        >>> mx.array([[1, 2], [3, 4]]).tolist()
        [[1, 2], [3, 4]]
        >>> mx.array([0.5, 1.5], mx.float16).tolist()
        [0.5, 1.5]
        >>> mx.array(5).tolist()
        5
        """

    def transpose(self, *axes, stream: _StreamOrDevice = None) -> array:
        """The array with its axes permuted.

        Same as ``mx.transpose(a, axes)``. The axes may be given as one sequence or as separate ints;
        with none, the axes are reversed.

        Parameters
        ----------
        *axes : int or sequence of int
            A permutation of ``range(a.ndim)`` (negative axes count from the end). Default: none, the
            axes reversed.
        stream : Stream or Device, optional
            Where to schedule the computation. Default: ``None``, the default stream of the default
            device.

        Returns
        -------
        array
            Whose axis ``i`` is ``a``'s axis ``axes[i]``.

        Raises
        ------
        ValueError
            When the axes are not a permutation of the array's axes.

        Examples
        --------
        >>> a = mx.zeros((2, 3, 4))
        >>> a.transpose().shape
        (4, 3, 2)
        >>> a.transpose(1, 0, 2).shape
        (3, 2, 4)
        >>> a.transpose((2, 0, 1)).shape
        (4, 2, 3)

        Notes
        -----
        ``a.transpose(None)`` reverses the axes; the reference binding raises ``RuntimeError`` for it.
        """

    def var(self, axis: int | Sequence[int] | None = None, keepdims: bool = False, ddof: int = 0, *, correction: int | None = None, stream: _StreamOrDevice = None) -> array:
        """The variance of the elements over ``axis``.

        Same as ``mx.var(a, axis, keepdims, ddof)``. The sum of squared deviations from the mean is
        divided by ``N - ddof``, ``N`` being the number of elements reduced.

        Parameters
        ----------
        axis : int or list(int), optional
            Axis or axes to reduce over. Default: ``None``, every axis.
        keepdims : bool, optional
            Keep the reduced axes as axes of size 1. Default: ``False``.
        ddof : int, optional
            Delta degrees of freedom (1 gives the unbiased sample variance). Default: ``0``.
        correction : int, optional
            The array-API name of ``ddof``; when given, it is used instead of ``ddof``. Default:
            ``None``.
        stream : Stream or Device, optional
            Where to schedule the computation. Default: ``None``, the default stream of the default
            device.

        Returns
        -------
        array
            ``float32`` for bool and integer arrays, ``a``'s dtype for floating ones. ``N - ddof <= 0``
            gives ``inf`` or ``nan``.

        Raises
        ------
        IndexError
            When an axis is out of range.
        TypeError
            When ``ddof`` or ``correction`` is not an int, or ``keepdims`` is not a bool.

        Examples
        --------
        >>> a = mx.array([1.0, 2.0, 3.0, 4.0])
        >>> a.var()
        array(1.25, dtype=float32)
        >>> mx.array([1.0, 3.0]).var(ddof=1)
        array(2, dtype=float32)
        """

    def view(self, dtype: Dtype, *, stream: _StreamOrDevice = None) -> array:
        """The same bytes read as elements of another dtype.

        Same as ``mx.view(a, dtype)``. When the sizes of the two dtypes differ, the last axis grows or
        shrinks by their ratio.

        Parameters
        ----------
        dtype : Dtype
            The dtype to read the bytes as.
        stream : Stream or Device, optional
            Where to schedule the computation. Default: ``None``, the default stream of the default
            device.

        Returns
        -------
        array

        Raises
        ------
        ValueError
            When viewing as a larger dtype and the last axis's size in bytes is not a multiple of its
            size, or when ``a`` is 0-d and the two sizes differ.
        TypeError
            When ``dtype`` is not a :class:`Dtype`.

        Examples
        --------
        >>> mx.array([1.0], mx.float32).view(mx.int32)
        array([1065353216], dtype=int32)
        >>> mx.array([1, 2], mx.int32).view(mx.uint8).shape
        (8,)
        """


@disjoint_base
class custom_function:
    """Wrap a function so that its vjp, jvp or vmap can be given by hand.

    Use it as a decorator, then decorate the replacements with ``@f.vjp``, ``@f.jvp`` and
    ``@f.vmap``. A transform without a replacement is derived from the function as usual. The
    wrapped function is called like the original one.

    Parameters
    ----------
    f : callable
        The function to wrap; it takes arrays (or trees of arrays) and returns arrays.

    Raises
    ------
    TypeError
        When ``f`` is not callable.

    Examples
    --------
    >>> @mx.custom_function
    ... def f(x):
    ...     return x * x
    >>> @f.vjp
    ... def f_vjp(primals, cotangent, output):
    ...     return 10 * cotangent
    >>> f(mx.array(3.0)), mx.grad(f)(mx.array(3.0))
    (array(9, dtype=float32), array(10, dtype=float32))

    Notes
    -----
    A vjp may return ``None`` for a primal to mean zeros; arrays passed by keyword are
    constants for a custom vjp (their gradient is zero) (see docs/differences.md).
    """
    def __call__(self, /, *args, **kwargs) -> Any: ...
    def __init__(self, f: Callable) -> None: ...
    def jvp(self, f) -> Any:
        """Set the function that computes the Jacobian-vector product; use it as a decorator.

        ``f`` is called as ``f(primals, tangents)``: the single positional argument of the wrapped
        function and its tangent, or tuples of them when there are several. It returns the
        product(s), shaped like the output(s).

        Parameters
        ----------
        f : callable
            The jvp function.

        Returns
        -------
        custom_function
            This custom function, so that the decorated name still refers to it.

        Examples
        --------
        >>> @mx.custom_function
        ... def square(x):
        ...     return x * x
        >>> @square.jvp
        ... def square_jvp(primals, tangents):
        ...     return 2 * primals * tangents
        >>> mx.jvp(square, [mx.array(3.0)], [mx.array(1.0)])
        ([array(9, dtype=float32)], [array(6, dtype=float32)])
        """

    def vjp(self, f) -> Any:
        """Set the function that computes the vector-Jacobian product; use it as a decorator.

        ``f`` is called as ``f(primals, cotangents, outputs)``: ``primals`` is the single positional
        argument of the wrapped function, or a tuple of them when there are several; ``cotangents``
        and ``outputs`` are shaped like the wrapped function's output. It returns one array per
        primal (a tuple when there are several), or ``None`` for zeros.

        Parameters
        ----------
        f : callable
            The vjp function.

        Returns
        -------
        custom_function
            This custom function, so that the decorated name still refers to it.

        Raises
        ------
        ValueError
            When the vjp is used: if ``f`` returns fewer values than there are primals.

        Examples
        --------
        >>> @mx.custom_function
        ... def mul(x, y):
        ...     return x * y
        >>> @mul.vjp
        ... def mul_vjp(primals, cotangent, output):
        ...     x, y = primals
        ...     return cotangent * y, cotangent * x
        >>> mx.grad(mul, argnums=(0, 1))(mx.array(2.0), mx.array(5.0))
        (array(5, dtype=float32), array(2, dtype=float32))
        """

    def vmap(self, f) -> Any:
        """Set the function that computes the vectorized version; use it as a decorator.

        ``f`` is called as ``f(inputs, axes)``: the single positional argument of the wrapped
        function and its mapped axis, or tuples of them when there are several (``None`` for an
        input that is not mapped). It returns ``(outputs, output_axes)``.

        Parameters
        ----------
        f : callable
            The vmap function.

        Returns
        -------
        custom_function
            This custom function, so that the decorated name still refers to it.

        Examples
        --------
        >>> @mx.custom_function
        ... def double(x):
        ...     return x * 2
        >>> @double.vmap
        ... def double_vmap(inputs, axes):
        ...     return inputs * 2, axes
        >>> mx.vmap(double)(mx.array([1, 2, 3]))
        array([2, 4, 6], dtype=int32)
        """


class finfo:
    """The limits of a floating point (or complex) dtype.

    The object has the attributes ``min``, ``max`` (the most negative and largest finite values),
    ``eps`` (the gap between 1 and the next larger value), ``smallest_normal`` (the smallest
    positive normal value), ``bits`` (the width in bits) and ``dtype``, all Python numbers except
    ``dtype``. For ``complex64`` the limits are those of its ``float32`` parts, and ``dtype`` is
    ``float32``.

    Parameters
    ----------
    arg : Dtype or array
        A floating point or complex dtype, or an array of one.

    Raises
    ------
    ValueError
        When the dtype is not floating point or complex.
    TypeError
        When ``arg`` is neither a :class:`Dtype` nor an array.

    Examples
    --------
    >>> mx.finfo(mx.float16)
    finfo(min=-65504, max=65504, dtype=float16)
    >>> mx.finfo(mx.float16).eps
    0.0009765625
    >>> mx.finfo(mx.float32).bits
    32

    Notes
    -----
    The reference binding accepts only a :class:`Dtype`; mlxcy also takes an array and reads its
    dtype.
    """
    def __init__(self, arg: Dtype, /) -> None: ...
    def __repr__(self) -> str: ...
    bits: int
    dtype: Dtype
    eps: float
    max: float
    min: float
    smallest_normal: float

class iinfo:
    """The limits of an integer dtype.

    The object has the attributes ``min`` and ``max`` (the smallest and largest values, Python
    ints) and ``dtype``.

    Parameters
    ----------
    arg : Dtype or array
        An integer dtype (``bool_`` is not one), or an array of one.

    Raises
    ------
    ValueError
        When the dtype is not an integer type.
    TypeError
        When ``arg`` is neither a :class:`Dtype` nor an array.

    Examples
    --------
    >>> mx.iinfo(mx.uint8)
    iinfo(min=0, max=255, dtype=uint8)
    >>> mx.iinfo(mx.int64).max
    9223372036854775807

    Notes
    -----
    The reference binding accepts only a :class:`Dtype`; mlxcy also takes an array and reads its
    dtype.
    """
    def __init__(self, arg: Dtype, /) -> None: ...
    def __repr__(self) -> str: ...
    dtype: Dtype
    max: int
    min: int

def abs(a: array, /, *, stream: _StreamOrDevice = None) -> array:
    """Element-wise absolute value.

    Parameters
    ----------
    a : array
        The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
        own binding refuses lists).
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The absolute value of each element, same shape and dtype as ``a``; for complex input the
        magnitude, as the matching real dtype (float32 for complex64).

    Examples
    --------
    >>> mx.abs(mx.array([-2, 0, 3]))
    array([2, 0, 3], dtype=int32)
    >>> mx.abs(mx.array([3 + 4j]))
    array([5], dtype=float32)
    """

def acos(a: array, /, *, stream: _StreamOrDevice = None) -> array:
    """Element-wise inverse cosine, in radians.

    Floating-point and complex inputs keep their dtype; boolean and integer inputs give float32.
    Real inputs outside ``[-1, 1]`` give NaN. ``acos`` is the same function.

    Parameters
    ----------
    a : array
        The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
        own binding refuses lists).
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The angle in ``[0, pi]`` whose cosine is each element, same shape as ``a``.

    Examples
    --------
    >>> mx.arccos(mx.array([1.0, 0.0, -1.0]))
    array([0, 1.5708, 3.14159], dtype=float32)
    >>> mx.acos is mx.arccos
    True
    """

def acosh(a: array, /, *, stream: _StreamOrDevice = None) -> array:
    """Element-wise inverse hyperbolic cosine.

    Floating-point and complex inputs keep their dtype; boolean and integer inputs give float32.
    Real inputs below 1 give NaN. ``acosh`` is the same function.

    Parameters
    ----------
    a : array
        The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
        own binding refuses lists).
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The non-negative value whose hyperbolic cosine is each element, same shape as ``a``.

    Examples
    --------
    >>> mx.arccosh(mx.array([1.0]))
    array([0], dtype=float32)
    >>> mx.acosh is mx.arccosh
    True
    """

def add(a: _Scalar | array, b: _Scalar | array, *, stream: _StreamOrDevice = None) -> array:
    """Element-wise sum ``a + b``.

    ``a`` and ``b`` broadcast against each other. Their dtypes promote as usual; a Python scalar
    takes the other operand's dtype when it fits its kind (``int8`` array + 1 stays ``int8``,
    ``float16`` array * 2.5 stays ``float16``). For bools, ``add`` is a logical or.

    Parameters
    ----------
    a : array or scalar
        The first operand.
    b : array or scalar
        The second operand.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default
        device.

    Returns
    -------
    array
        The sums, of the broadcast shape and promoted dtype.

    Raises
    ------
    ValueError
        When the shapes of ``a`` and ``b`` do not broadcast, or a Python int does not fit the
        other operand's integer dtype.

    Examples
    --------
    >>> mx.add(mx.array([1, 2]), 3)
    array([4, 5], dtype=int32)
    >>> mx.add(mx.array([1, 2]), 2.5)
    array([3.5, 4.5], dtype=float32)
    >>> mx.add(mx.array([[1], [2]]), mx.array([10, 20]))
    array([[11, 21],
           [12, 22]], dtype=int32)

    Notes
    -----
    The reference binding accepts only arrays and Python scalars here; mlxcy also converts lists,
    tuples and NumPy arrays (docs/differences.md).
    """

def addmm(c: array, a: array, b: array, /, alpha: float = 1.0, beta: float = 1.0, *, stream: _StreamOrDevice = None) -> array:
    """Matrix product plus a scaled addend in one op: ``alpha * (a @ b) + beta * c``.

    ``a`` and ``b`` multiply as in :func:`matmul` (batch dimensions broadcast) and ``c`` broadcasts to
    the shape of the product. Only real floating-point dtypes are supported.

    Parameters
    ----------
    c : array
        The addend.
    a : array
        The left matrix (or batch of matrices).
    b : array
        The right matrix (or batch of matrices).
    alpha : float, optional
        The factor of the product. Default: ``1.0``.
    beta : float, optional
        The factor of ``c``. Default: ``1.0``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        ``alpha * (a @ b) + beta * c``, of the product's shape and the promoted floating-point dtype.

    Raises
    ------
    TypeError
        When ``a``, ``b`` or ``c`` is not an array.
    ValueError
        When the inner dimensions do not match, ``c`` does not broadcast to the product, or the
        promoted dtype is not a real floating-point type.

    Examples
    --------
    >>> a = mx.array([[1.0, 2.0], [3.0, 4.0]])
    >>> mx.addmm(mx.array([1.0, 1.0]), a, mx.eye(2), alpha=2.0, beta=0.5)
    array([[2.5, 4.5],
           [6.5, 8.5]], dtype=float32)
    """

def all(a: array, /, axis: None | int | Sequence[int] = None, keepdims: bool = False, *, stream: _StreamOrDevice = None) -> array:
    """Test whether every element is true (non-zero) over the given axes.

    Parameters
    ----------
    a : array
        The input array, of any dtype.
    axis : int or list(int), optional
        Axis or axes to reduce over. Default: ``None``, every axis.
    keepdims : bool, optional
        Keep the reduced axes as axes of size 1. Default: ``False``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        A bool array. Reducing an empty axis gives ``True``.

    Raises
    ------
    IndexError
        When an axis is out of range.
    ValueError
        When an axis is given twice.

    Examples
    --------
    >>> a = mx.array([[1, 1], [0, 1]])
    >>> mx.all(a)
    array(False, dtype=bool)
    >>> mx.all(a, axis=0)
    array([False, True], dtype=bool)

    Notes
    -----
    mlxcy also accepts a Python scalar, list or NumPy array for ``a`` (the reference raises
    ``TypeError``).
    """

def allclose(a: array, b: array, /, rtol: float = 1e-05, atol: float = 1e-08, *, equal_nan: bool = False, stream: _StreamOrDevice = None) -> array:
    """Whether every element of ``a`` is close to the matching element of ``b``.

    The reduction of :func:`isclose` with :func:`all`: the elements are close when
    ``abs(a - b) <= atol + rtol * abs(b)``. The inputs broadcast against each other.

    Parameters
    ----------
    a : array or scalar
        The first input. Lists and NumPy arrays are converted to arrays too.
    b : array or scalar
        The second input, converted likewise (the relative tolerance scales with it).
    rtol : float, optional
        Relative tolerance. Default: ``1e-05``.
    atol : float, optional
        Absolute tolerance. Default: ``1e-08``.
    equal_nan : bool, optional
        Whether two NaNs count as close. Default: ``False``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        A boolean scalar (0-d) array.

    Raises
    ------
    ValueError
        When the shapes do not broadcast.
    TypeError
        When ``rtol`` or ``atol`` is not a number, or ``equal_nan`` is not a bool.

    Examples
    --------
    >>> mx.allclose(mx.array([1.0, 2.0]), mx.array([1.0, 2.5]))
    array(False, dtype=bool)
    >>> mx.allclose(mx.array([1.0, 2.0]), mx.array([1.0, 2.5]), atol=0.5)
    array(True, dtype=bool)
    """

def any(a: array, /, axis: None | int | Sequence[int] = None, keepdims: bool = False, *, stream: _StreamOrDevice = None) -> array:
    """Test whether any element is true (non-zero) over the given axes.

    Parameters
    ----------
    a : array
        The input array, of any dtype.
    axis : int or list(int), optional
        Axis or axes to reduce over. Default: ``None``, every axis.
    keepdims : bool, optional
        Keep the reduced axes as axes of size 1. Default: ``False``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        A bool array. Reducing an empty axis gives ``False``.

    Raises
    ------
    IndexError
        When an axis is out of range.
    ValueError
        When an axis is given twice.

    Examples
    --------
    >>> a = mx.array([[0, 0], [0, 1]])
    >>> mx.any(a)
    array(True, dtype=bool)
    >>> mx.any(a, axis=1, keepdims=True)
    array([[False],
           [True]], dtype=bool)

    Notes
    -----
    mlxcy also accepts a Python scalar, list or NumPy array for ``a`` (the reference raises
    ``TypeError``).
    """

def arange(start: int | float | None = None, stop: None | int | float = None, step: None | int | float = None, dtype: Dtype | None = None, *, stream: _StreamOrDevice = None) -> array:
    """Evenly spaced values in the half-open interval ``[start, stop)``.

    Called as ``arange(stop)``, ``arange(start, stop)``, ``arange(start, stop, step)`` or, with the
    dtype third, ``arange(stop, step, dtype)``. The result has
    ``ceil((stop - start) / step)`` elements (none when that is not positive).

    Parameters
    ----------
    start : int or float, optional
        The first value. Called with one number, that number is the stop and the start is 0.
        Default: ``None``.
    stop : int or float, optional
        The end of the interval, not included. Default: ``None``, see ``start``; ``start`` may be
        named only together with ``stop``.
    step : int or float, optional
        The spacing between values. Default: ``None``, 1.
    dtype : Dtype, optional
        The dtype of the result. Default: ``None``: float32 when any of ``start``, ``stop``,
        ``step`` is a float, else int32, or int64 when an integer does not fit in 32 bits.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        A 1-D array.

    Raises
    ------
    ValueError
        When ``step`` is 0, or a bound or ``dtype`` is bool.
    TypeError
        When a bound is not a Python int or float, or ``stop`` is missing.

    Examples
    --------
    >>> mx.arange(5)
    array([0, 1, 2, 3, 4], dtype=int32)
    >>> mx.arange(1, 7, 2)
    array([1, 3, 5], dtype=int32)
    >>> mx.arange(0, 1, 0.25)
    array([0, 0.25, 0.5, 0.75], dtype=float32)
    >>> mx.arange(3, dtype=mx.float32)
    array([0, 1, 2], dtype=float32)
    """

def arccos(a: array, /, *, stream: _StreamOrDevice = None) -> array:
    """Element-wise inverse cosine, in radians.

    Floating-point and complex inputs keep their dtype; boolean and integer inputs give float32.
    Real inputs outside ``[-1, 1]`` give NaN. ``acos`` is the same function.

    Parameters
    ----------
    a : array
        The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
        own binding refuses lists).
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The angle in ``[0, pi]`` whose cosine is each element, same shape as ``a``.

    Examples
    --------
    >>> mx.arccos(mx.array([1.0, 0.0, -1.0]))
    array([0, 1.5708, 3.14159], dtype=float32)
    >>> mx.acos is mx.arccos
    True
    """

def arccosh(a: array, /, *, stream: _StreamOrDevice = None) -> array:
    """Element-wise inverse hyperbolic cosine.

    Floating-point and complex inputs keep their dtype; boolean and integer inputs give float32.
    Real inputs below 1 give NaN. ``acosh`` is the same function.

    Parameters
    ----------
    a : array
        The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
        own binding refuses lists).
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The non-negative value whose hyperbolic cosine is each element, same shape as ``a``.

    Examples
    --------
    >>> mx.arccosh(mx.array([1.0]))
    array([0], dtype=float32)
    >>> mx.acosh is mx.arccosh
    True
    """

def arcsin(a: array, /, *, stream: _StreamOrDevice = None) -> array:
    """Element-wise inverse sine, in radians.

    Floating-point and complex inputs keep their dtype; boolean and integer inputs give float32.
    Real inputs outside ``[-1, 1]`` give NaN. ``asin`` is the same function.

    Parameters
    ----------
    a : array
        The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
        own binding refuses lists).
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The angle in ``[-pi/2, pi/2]`` whose sine is each element, same shape as ``a``.

    Examples
    --------
    >>> mx.arcsin(mx.array([0.0, 1.0]))
    array([0, 1.5708], dtype=float32)
    >>> mx.asin is mx.arcsin
    True
    """

def arcsinh(a: array, /, *, stream: _StreamOrDevice = None) -> array:
    """Element-wise inverse hyperbolic sine.

    Floating-point and complex inputs keep their dtype; boolean and integer inputs give float32.
    ``asinh`` is the same function.

    Parameters
    ----------
    a : array
        The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
        own binding refuses lists).
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The value whose hyperbolic sine is each element, same shape as ``a``.

    Examples
    --------
    >>> mx.arcsinh(mx.array([0.0]))
    array([0], dtype=float32)
    >>> mx.asinh is mx.arcsinh
    True
    """

def arctan(a: array, /, *, stream: _StreamOrDevice = None) -> array:
    """Element-wise inverse tangent, in radians.

    Floating-point and complex inputs keep their dtype; boolean and integer inputs give float32.
    ``atan`` is the same function.

    Parameters
    ----------
    a : array
        The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
        own binding refuses lists).
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The angle in ``(-pi/2, pi/2)`` whose tangent is each element, same shape as ``a``.

    Examples
    --------
    >>> mx.arctan(mx.array([0.0, 1.0]))
    array([0, 0.785398], dtype=float32)
    >>> mx.atan is mx.arctan
    True
    """

def arctan2(a: _Scalar | array, b: _Scalar | array, /, *, stream: _StreamOrDevice = None) -> array:
    """Element-wise inverse tangent of ``a / b``, in radians, using the signs of both to pick the
    quadrant.

    ``a`` (the y coordinate) and ``b`` (the x coordinate) broadcast against each other. Boolean and
    integer inputs give float32.

    Parameters
    ----------
    a : array or scalar
        The y coordinates. Lists and NumPy arrays are converted to arrays too.
    b : array or scalar
        The x coordinates, converted likewise.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The angle in ``[-pi, pi]`` of each point ``(b, a)``, of the broadcast shape and the promoted
        floating-point dtype.

    Raises
    ------
    ValueError
        When the shapes do not broadcast, or an input is complex.

    Examples
    --------
    >>> mx.arctan2(mx.array([1.0, 0.0, -1.0]), mx.array([0.0, -1.0, 0.0]))
    array([1.5708, 3.14159, -1.5708], dtype=float32)
    >>> mx.atan2 is mx.arctan2
    True
    """

def arctanh(a: array, /, *, stream: _StreamOrDevice = None) -> array:
    """Element-wise inverse hyperbolic tangent.

    Floating-point and complex inputs keep their dtype; boolean and integer inputs give float32.
    Real inputs of 1 and -1 give infinities, outside ``[-1, 1]`` NaN. ``atanh`` is the same
    function.

    Parameters
    ----------
    a : array
        The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
        own binding refuses lists).
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The value whose hyperbolic tangent is each element, same shape as ``a``.

    Examples
    --------
    >>> mx.arctanh(mx.array([0.0]))
    array([0], dtype=float32)
    >>> mx.atanh is mx.arctanh
    True
    """

def argmax(a: array, /, axis: None | int = None, keepdims: bool = False, *, stream: _StreamOrDevice = None) -> array:
    """Indices of the maximum values along an axis.

    Where the maximum occurs several times, the first index is returned.

    Parameters
    ----------
    a : array
        The input array.
    axis : int, optional
        The axis to search along. Default: ``None``, the flattened array.
    keepdims : bool, optional
        Keep the reduced axis (every axis when ``axis`` is None) with size 1. Default: ``False``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The indices, uint32.

    Raises
    ------
    TypeError
        When ``axis`` is a sequence.
    IndexError
        When ``axis`` is out of range.
    ValueError
        When ``a`` is empty.

    Examples
    --------
    >>> a = mx.array([[3, 1], [2, 5]])
    >>> mx.argmax(a)
    array(3, dtype=uint32)
    >>> mx.argmax(a, axis=0, keepdims=True)
    array([[0, 1]], dtype=uint32)

    Notes
    -----
    mlxcy also accepts a Python scalar, list or NumPy array for ``a`` (the reference raises
    ``TypeError``).
    """

def argmin(a: array, /, axis: None | int = None, keepdims: bool = False, *, stream: _StreamOrDevice = None) -> array:
    """Indices of the minimum values along an axis.

    Where the minimum occurs several times, the first index is returned.

    Parameters
    ----------
    a : array
        The input array.
    axis : int, optional
        The axis to search along. Default: ``None``, the flattened array.
    keepdims : bool, optional
        Keep the reduced axis (every axis when ``axis`` is None) with size 1. Default: ``False``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The indices, uint32.

    Raises
    ------
    TypeError
        When ``axis`` is a sequence.
    IndexError
        When ``axis`` is out of range.
    ValueError
        When ``a`` is empty.

    Examples
    --------
    >>> a = mx.array([[4, 1], [0, 3]])
    >>> mx.argmin(a)
    array(2, dtype=uint32)
    >>> mx.argmin(a, axis=1)
    array([1, 0], dtype=uint32)

    Notes
    -----
    mlxcy also accepts a Python scalar, list or NumPy array for ``a`` (the reference raises
    ``TypeError``).
    """

def argpartition(a: array, /, kth: int, axis: None | int = -1, *, stream: _StreamOrDevice = None) -> array:
    """Indices that partition an array around position ``kth``, as in :func:`partition`.

    Parameters
    ----------
    a : array
        The input array.
    kth : int
        The position to put in sorted order; negative counts from the end.
    axis : int, optional
        The axis to partition along; ``None`` uses the flattened array. Default: ``-1``, the last
        axis.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        uint32 indices along ``axis``, with the shape of ``a`` (1-D when ``axis`` is None); the
        index at position ``kth`` is that of the ``kth`` smallest element.

    Raises
    ------
    TypeError
        When ``axis`` is a sequence.
    ValueError
        When ``kth`` is out of range for the axis.
    IndexError
        When ``axis`` is out of range.

    Examples
    --------
    >>> a = mx.array([3, 1, 2, 5, 4])
    >>> i = mx.argpartition(a, 2)
    >>> i[2]
    array(0, dtype=uint32)
    >>> mx.sort(a[i[:2]])
    array([1, 2], dtype=int32)

    Notes
    -----
    mlxcy also accepts a Python scalar, list or NumPy array for ``a`` (the reference raises
    ``TypeError``).
    """

def argsort(a: array, /, axis: None | int = -1, *, stream: _StreamOrDevice = None) -> array:
    """Indices that sort an array along an axis, in ascending order.

    Parameters
    ----------
    a : array
        The input array.
    axis : int, optional
        The axis to sort along; ``None`` sorts the flattened array. Default: ``-1``, the last axis.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        uint32 indices along ``axis``, with the shape of ``a`` (1-D when ``axis`` is None);
        ``take_along_axis(a, argsort(a, axis), axis)`` is sorted.

    Raises
    ------
    TypeError
        When ``axis`` is a sequence.
    IndexError
        When ``axis`` is out of range.

    Examples
    --------
    >>> mx.argsort(mx.array([3, 1, 2]))
    array([1, 2, 0], dtype=uint32)
    >>> mx.argsort(mx.array([[3, 1], [0, 2]]), axis=None)
    array([2, 1, 3, 0], dtype=uint32)

    Notes
    -----
    mlxcy also accepts a Python scalar, list or NumPy array for ``a`` (the reference raises
    ``TypeError``).
    """

def array_equal(a: _Scalar | array, b: _Scalar | array, equal_nan: bool = False, stream: _StreamOrDevice = None) -> array:
    """Whether ``a`` and ``b`` have the same shape and equal elements.

    The dtypes need not match: values are compared after promotion. Arrays of different shapes are
    simply not equal (no broadcasting).

    Parameters
    ----------
    a : array or scalar
        The first input. Lists and NumPy arrays are converted to arrays too.
    b : array or scalar
        The second input, converted likewise.
    equal_nan : bool, optional
        Whether NaNs in the same places count as equal. Default: ``False``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        A boolean scalar (0-d) array.

    Raises
    ------
    TypeError
        When ``equal_nan`` is not a bool.

    Examples
    --------
    >>> mx.array_equal(mx.array([1, 2]), mx.array([1.0, 2.0]))
    array(True, dtype=bool)
    >>> mx.array_equal(mx.array([1, 2]), mx.array([1, 2, 3]))
    array(False, dtype=bool)
    >>> mx.array_equal(mx.array([float("nan")]), mx.array([float("nan")]), equal_nan=True)
    array(True, dtype=bool)

    Notes
    -----
    The parameters after the operands may also be passed by position (``mx.array_equal(a, b, True)``),
    as the reference's published signature lists them; MLX's own binding takes them only by keyword.
    """

def as_strided(a: array, /, shape: Sequence[int] | None = None, strides: Sequence[int] | None = None, offset: int = 0, *, stream: _StreamOrDevice = None) -> array:
    """A view of an array's memory with a given shape and strides.

    Element ``(i0, i1, ...)`` of the result is the element at flat position
    ``offset + i0 * strides[0] + i1 * strides[1] + ...`` of ``a``'s row-major data. This allows
    overlapping windows without copying, but nothing checks that the positions stay inside ``a``:
    positions beyond it read unrelated memory.

    Parameters
    ----------
    a : array
        The input array.
    shape : list(int), optional
        The shape of the view. Default: ``None``, the shape of ``a``.
    strides : list(int), optional
        The step between elements along each axis, counted in elements (not bytes). Default:
        ``None``, the row-major strides of ``shape``.
    offset : int, optional
        The flat position of the first element (0 or more). Default: ``0``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The view, with the dtype of ``a``.

    Raises
    ------
    TypeError
        When ``a`` is not an array, ``offset`` is negative, or ``shape`` is not a sequence of ints.

    Examples
    --------
    >>> a = mx.arange(6)
    >>> mx.as_strided(a, (3, 2), (2, 1))
    array([[0, 1],
           [2, 3],
           [4, 5]], dtype=int32)
    >>> mx.as_strided(a, (2, 2), (1, 1), offset=2)
    array([[2, 3],
           [3, 4]], dtype=int32)
    """

def asarray(a: _Scalar | array | Sequence | Any, dtype: Dtype | None = None, *, copy: bool | None = None) -> array:
    """Convert ``a`` to an array, sharing its memory when possible.

    Follows NumPy 2's ``asarray``: a NumPy array (or other buffer or DLPack tensor) that is
    C-contiguous, aligned, in native byte order and of a dtype MLX has is shared, not copied; other
    inputs are converted as :func:`array` converts them. As in :func:`array`, float64 sources
    become float32 unless ``dtype=mx.float64`` is given. Writing into a shared source afterwards
    changes what the array reads.

    Parameters
    ----------
    a : array or array-like
        The values: an array, a NumPy array, any buffer or DLPack object, a scalar or a (nested)
        list or tuple.
    dtype : Dtype, optional
        The element type of the result. Default: ``None``, inferred from ``a``.
    copy : bool, optional
        ``True`` always copies; ``False`` never copies and raises when a copy is needed; ``None``
        copies only when sharing is impossible. Default: ``None``.

    Returns
    -------
    array
        ``a`` itself when it is already an array of the requested dtype (and ``copy`` is not
        ``True``); otherwise a new array.

    Raises
    ------
    ValueError
        When ``copy=False`` and the conversion needs a copy (a list, a dtype change, a
        non-contiguous buffer), and for values :func:`array` cannot convert.
    TypeError
        When ``copy`` is not a bool or ``None``, or ``dtype`` is not a :class:`Dtype`.

    Examples
    --------
    >>> mx.asarray([1, 2])
    array([1, 2], dtype=int32)
    >>> a = mx.array([1.0, 2.0])
    >>> mx.asarray(a) is a
    True
    >>> mx.asarray(np.array([1.0, 2.0]), mx.float64)
    array([1, 2], dtype=float64)

    Notes
    -----
    The reference binding always copies a NumPy array on the Linux CPU and returns a new array
    object for an mlx array (raising ``ValueError`` for ``copy=False``); mlxcy shares the memory and
    returns the same object (docs/differences.md, docs/zero-copy.md).
    """

def asin(a: array, /, *, stream: _StreamOrDevice = None) -> array:
    """Element-wise inverse sine, in radians.

    Floating-point and complex inputs keep their dtype; boolean and integer inputs give float32.
    Real inputs outside ``[-1, 1]`` give NaN. ``asin`` is the same function.

    Parameters
    ----------
    a : array
        The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
        own binding refuses lists).
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The angle in ``[-pi/2, pi/2]`` whose sine is each element, same shape as ``a``.

    Examples
    --------
    >>> mx.arcsin(mx.array([0.0, 1.0]))
    array([0, 1.5708], dtype=float32)
    >>> mx.asin is mx.arcsin
    True
    """

def asinh(a: array, /, *, stream: _StreamOrDevice = None) -> array:
    """Element-wise inverse hyperbolic sine.

    Floating-point and complex inputs keep their dtype; boolean and integer inputs give float32.
    ``asinh`` is the same function.

    Parameters
    ----------
    a : array
        The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
        own binding refuses lists).
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The value whose hyperbolic sine is each element, same shape as ``a``.

    Examples
    --------
    >>> mx.arcsinh(mx.array([0.0]))
    array([0], dtype=float32)
    >>> mx.asinh is mx.arcsinh
    True
    """

def astype(a: array, dtype: Dtype, /, *, stream: _StreamOrDevice = None) -> array:
    """Convert the elements of ``a`` to ``dtype``.

    The function form of :meth:`array.astype`. Floats become integers by truncation toward zero;
    values out of an integer type's range wrap around or are undefined, as in C.

    Parameters
    ----------
    a : array
        The input array (a scalar, list or NumPy array is converted first).
    dtype : Dtype
        The element type of the result.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default
        device.

    Returns
    -------
    array
        An array of ``a``'s shape with elements of type ``dtype``.

    Raises
    ------
    TypeError
        When ``dtype`` is not a :class:`Dtype`.

    Examples
    --------
    >>> mx.astype(mx.array([1.75, -1.75]), mx.int32)
    array([1, -1], dtype=int32)
    >>> mx.astype(mx.array([1, 0]), mx.bool_)
    array([True, False], dtype=bool)

    Notes
    -----
    The reference binding accepts only arrays for ``a``; mlxcy also converts lists, scalars and
    NumPy arrays (docs/differences.md).
    """

def async_eval(*args) -> Any:
    """Start computing the given arrays and return without waiting.

    Like :func:`eval`, but returns at once. Reading an array (printing it, ``item()``, or
    :func:`eval`) waits for its values; :func:`synchronize` waits for everything queued.

    Parameters
    ----------
    *args : array, or list, tuple or dict of them
        The arrays to evaluate.

    Returns
    -------
    None

    Examples
    --------
    >>> a = mx.ones((2,)) * 3
    >>> mx.async_eval(a)
    >>> a.tolist()
    [3.0, 3.0]
    """

def atan(a: array, /, *, stream: _StreamOrDevice = None) -> array:
    """Element-wise inverse tangent, in radians.

    Floating-point and complex inputs keep their dtype; boolean and integer inputs give float32.
    ``atan`` is the same function.

    Parameters
    ----------
    a : array
        The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
        own binding refuses lists).
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The angle in ``(-pi/2, pi/2)`` whose tangent is each element, same shape as ``a``.

    Examples
    --------
    >>> mx.arctan(mx.array([0.0, 1.0]))
    array([0, 0.785398], dtype=float32)
    >>> mx.atan is mx.arctan
    True
    """

def atan2(a: _Scalar | array, b: _Scalar | array, /, *, stream: _StreamOrDevice = None) -> array:
    """Element-wise inverse tangent of ``a / b``, in radians, using the signs of both to pick the
    quadrant.

    ``a`` (the y coordinate) and ``b`` (the x coordinate) broadcast against each other. Boolean and
    integer inputs give float32.

    Parameters
    ----------
    a : array or scalar
        The y coordinates. Lists and NumPy arrays are converted to arrays too.
    b : array or scalar
        The x coordinates, converted likewise.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The angle in ``[-pi, pi]`` of each point ``(b, a)``, of the broadcast shape and the promoted
        floating-point dtype.

    Raises
    ------
    ValueError
        When the shapes do not broadcast, or an input is complex.

    Examples
    --------
    >>> mx.arctan2(mx.array([1.0, 0.0, -1.0]), mx.array([0.0, -1.0, 0.0]))
    array([1.5708, 3.14159, -1.5708], dtype=float32)
    >>> mx.atan2 is mx.arctan2
    True
    """

def atanh(a: array, /, *, stream: _StreamOrDevice = None) -> array:
    """Element-wise inverse hyperbolic tangent.

    Floating-point and complex inputs keep their dtype; boolean and integer inputs give float32.
    Real inputs of 1 and -1 give infinities, outside ``[-1, 1]`` NaN. ``atanh`` is the same
    function.

    Parameters
    ----------
    a : array
        The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
        own binding refuses lists).
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The value whose hyperbolic tangent is each element, same shape as ``a``.

    Examples
    --------
    >>> mx.arctanh(mx.array([0.0]))
    array([0], dtype=float32)
    >>> mx.atanh is mx.arctanh
    True
    """

def atleast_1d(*arys: array, stream: _StreamOrDevice = None) -> array | list[array]:
    """Give arrays at least one dimension.

    A 0-d array becomes shape ``(1,)``; other arrays are returned as they are.

    Parameters
    ----------
    *arys : array
        The arrays.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array or list(array)
        One array for one argument, else a list (empty for none).

    Raises
    ------
    RuntimeError
        When an argument is not an array.

    Examples
    --------
    >>> mx.atleast_1d(mx.array(1))
    array([1], dtype=int32)
    >>> mx.atleast_1d(mx.array(1), mx.array([2, 3]))
    [array([1], dtype=int32), array([2, 3], dtype=int32)]
    """

def atleast_2d(*arys: array, stream: _StreamOrDevice = None) -> array | list[array]:
    """Give arrays at least two dimensions.

    A 0-d array becomes shape ``(1, 1)`` and a 1-D array of size ``n`` shape ``(1, n)``; arrays with
    2 or more dimensions are returned as they are.

    Parameters
    ----------
    *arys : array
        The arrays.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array or list(array)
        One array for one argument, else a list (empty for none).

    Raises
    ------
    RuntimeError
        When an argument is not an array.

    Examples
    --------
    >>> mx.atleast_2d(mx.array([1, 2]))
    array([[1, 2]], dtype=int32)
    >>> [x.shape for x in mx.atleast_2d(mx.array(1), mx.zeros((2, 3, 4)))]
    [(1, 1), (2, 3, 4)]
    """

def atleast_3d(*arys: array, stream: _StreamOrDevice = None) -> array | list[array]:
    """Give arrays at least three dimensions.

    A 0-d array becomes shape ``(1, 1, 1)``, a 1-D array of size ``n`` shape ``(1, n, 1)`` and a
    2-D array of shape ``(m, n)`` shape ``(m, n, 1)``; others are returned as they are.

    Parameters
    ----------
    *arys : array
        The arrays.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array or list(array)
        One array for one argument, else a list (empty for none).

    Raises
    ------
    RuntimeError
        When an argument is not an array.

    Examples
    --------
    >>> mx.atleast_3d(mx.array([1, 2])).shape
    (1, 2, 1)
    >>> [x.shape for x in mx.atleast_3d(mx.array(1), mx.zeros((2, 3)))]
    [(1, 1, 1), (2, 3, 1)]
    """

def bartlett(M: int, *, stream: _StreamOrDevice = None) -> array:
    """The Bartlett (triangular) window.

    Rises linearly from 0 to 1 at the middle and back down to 0, as used to taper a signal before
    a Fourier transform.

    Parameters
    ----------
    M : int
        The number of points (0 or less gives an empty array, 1 gives ``[1]``).
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        A 1-D float32 array of ``M`` values.

    Examples
    --------
    >>> mx.bartlett(5)
    array([0, 0.5, 1, 0.5, 0], dtype=float32)
    """

def bitwise_and(a: _Scalar | array, b: _Scalar | array, *, stream: _StreamOrDevice = None) -> array:
    """Element-wise bitwise and ``a & b``.

    For integers, the and of each pair of bits; for bools, the logical and. ``a`` and ``b``
    broadcast against each other and their dtypes promote (a Python int takes the other operand's
    dtype when it fits).

    Parameters
    ----------
    a : array or scalar
        The first operand, of an integer or bool type.
    b : array or scalar
        The second operand, of an integer or bool type.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default
        device.

    Returns
    -------
    array
        The result, of the broadcast shape and promoted dtype.

    Raises
    ------
    RuntimeError
        When an operand is of a floating point or complex type.
    ValueError
        When the shapes of ``a`` and ``b`` do not broadcast, or a Python int does not fit the
        other operand's integer dtype.

    Examples
    --------
    >>> mx.bitwise_and(mx.array([12, 10]), 6)
    array([4, 2], dtype=int32)
    >>> mx.bitwise_and(mx.array([True, False]), True)
    array([True, False], dtype=bool)

    Notes
    -----
    The reference binding accepts only arrays and Python scalars here; mlxcy also converts lists,
    tuples and NumPy arrays (docs/differences.md).
    """

def bitwise_invert(a: _Scalar | array, stream: _StreamOrDevice = None) -> array:
    """Element-wise bitwise NOT, ``~a``, of an integer or boolean array.

    For booleans this is the logical NOT.

    Parameters
    ----------
    a : array
        The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
        own binding refuses lists).
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        Same shape and dtype as ``a``.

    Raises
    ------
    ValueError
        When ``a`` is not of an integer or boolean dtype.

    Examples
    --------
    >>> mx.bitwise_invert(mx.array([0, 1, -3]))
    array([-1, -2, 2], dtype=int32)
    >>> mx.bitwise_invert(mx.array([True, False]))
    array([False, True], dtype=bool)

    Notes
    -----
    The parameters after the operands may also be passed by position (``mx.bitwise_invert(a,
    mx.cpu)``), as the reference's published signature lists them; MLX's own binding takes them only by
    keyword.
    """

def bitwise_left_shift(a: _Scalar | array, b: _Scalar | array, *, stream: _StreamOrDevice = None) -> array:
    """Element-wise left shift ``a << b``: the bits of ``a`` moved ``b`` places left.

    For integers, ``a`` multiplied by ``2**b``; bits shifted out of the type are lost. Bool operands are read as the integers 0 and 1. ``a`` and ``b``
    broadcast against each other and their dtypes promote (a Python int takes the other operand's
    dtype when it fits). ``mx.bitwise_left_shift`` is the same function.

    Parameters
    ----------
    a : array or scalar
        The values to shift, of an integer or bool type.
    b : array or scalar
        The number of places, of an integer or bool type.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default
        device.

    Returns
    -------
    array
        The shifted values, of the broadcast shape and promoted dtype (``uint8`` for two bools).

    Raises
    ------
    RuntimeError
        When an operand is of a floating point or complex type.
    ValueError
        When the shapes of ``a`` and ``b`` do not broadcast, or a Python int does not fit the
        other operand's integer dtype.

    Examples
    --------
    >>> mx.left_shift(mx.array([1, 3]), 2)
    array([4, 12], dtype=int32)
    >>> mx.left_shift(mx.array([1], mx.uint8), 8)
    array([0], dtype=uint8)

    Notes
    -----
    The reference binding accepts only arrays and Python scalars here; mlxcy also converts lists,
    tuples and NumPy arrays (docs/differences.md).
    """

def bitwise_or(a: _Scalar | array, b: _Scalar | array, *, stream: _StreamOrDevice = None) -> array:
    """Element-wise bitwise or ``a | b``.

    For integers, the or of each pair of bits; for bools, the logical or. ``a`` and ``b``
    broadcast against each other and their dtypes promote (a Python int takes the other operand's
    dtype when it fits).

    Parameters
    ----------
    a : array or scalar
        The first operand, of an integer or bool type.
    b : array or scalar
        The second operand, of an integer or bool type.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default
        device.

    Returns
    -------
    array
        The result, of the broadcast shape and promoted dtype.

    Raises
    ------
    RuntimeError
        When an operand is of a floating point or complex type.
    ValueError
        When the shapes of ``a`` and ``b`` do not broadcast, or a Python int does not fit the
        other operand's integer dtype.

    Examples
    --------
    >>> mx.bitwise_or(mx.array([12, 10]), 1)
    array([13, 11], dtype=int32)
    >>> mx.bitwise_or(mx.array([True, False]), False)
    array([True, False], dtype=bool)

    Notes
    -----
    The reference binding accepts only arrays and Python scalars here; mlxcy also converts lists,
    tuples and NumPy arrays (docs/differences.md).
    """

def bitwise_right_shift(a: _Scalar | array, b: _Scalar | array, *, stream: _StreamOrDevice = None) -> array:
    """Element-wise right shift ``a >> b``: the bits of ``a`` moved ``b`` places right.

    For integers, ``a`` divided by ``2**b``, rounded toward minus infinity for signed types. Bool operands are read as the integers 0 and 1. ``a`` and ``b``
    broadcast against each other and their dtypes promote (a Python int takes the other operand's
    dtype when it fits). ``mx.bitwise_right_shift`` is the same function.

    Parameters
    ----------
    a : array or scalar
        The values to shift, of an integer or bool type.
    b : array or scalar
        The number of places, of an integer or bool type.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default
        device.

    Returns
    -------
    array
        The shifted values, of the broadcast shape and promoted dtype (``uint8`` for two bools).

    Raises
    ------
    RuntimeError
        When an operand is of a floating point or complex type.
    ValueError
        When the shapes of ``a`` and ``b`` do not broadcast, or a Python int does not fit the
        other operand's integer dtype.

    Examples
    --------
    >>> mx.right_shift(mx.array([8, 7]), 1)
    array([4, 3], dtype=int32)
    >>> mx.right_shift(mx.array([-8]), 1)
    array([-4], dtype=int32)

    Notes
    -----
    The reference binding accepts only arrays and Python scalars here; mlxcy also converts lists,
    tuples and NumPy arrays (docs/differences.md).
    """

def bitwise_xor(a: _Scalar | array, b: _Scalar | array, *, stream: _StreamOrDevice = None) -> array:
    """Element-wise bitwise exclusive or ``a ^ b``.

    For integers, the exclusive or of each pair of bits; for bools, the logical exclusive or. ``a`` and ``b``
    broadcast against each other and their dtypes promote (a Python int takes the other operand's
    dtype when it fits).

    Parameters
    ----------
    a : array or scalar
        The first operand, of an integer or bool type.
    b : array or scalar
        The second operand, of an integer or bool type.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default
        device.

    Returns
    -------
    array
        The result, of the broadcast shape and promoted dtype.

    Raises
    ------
    RuntimeError
        When an operand is of a floating point or complex type.
    ValueError
        When the shapes of ``a`` and ``b`` do not broadcast, or a Python int does not fit the
        other operand's integer dtype.

    Examples
    --------
    >>> mx.bitwise_xor(mx.array([12, 10]), 6)
    array([10, 12], dtype=int32)
    >>> mx.bitwise_xor(mx.array([True, False]), True)
    array([False, True], dtype=bool)

    Notes
    -----
    The reference binding accepts only arrays and Python scalars here; mlxcy also converts lists,
    tuples and NumPy arrays (docs/differences.md).
    """

def blackman(M: int, *, stream: _StreamOrDevice = None) -> array:
    """The Blackman window.

    A taper made of three cosine terms, 0 at both ends and 1 in the middle, with lower side lobes
    than :func:`hanning`.

    Parameters
    ----------
    M : int
        The number of points (0 or less gives an empty array, 1 gives ``[1]``).
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        A 1-D float32 array of ``M`` values.

    Examples
    --------
    >>> w = mx.blackman(5)
    >>> w.shape, w.dtype
    ((5,), mlx.core.float32)
    >>> mx.allclose(w, mx.array([0.0, 0.34, 1.0, 0.34, 0.0]), atol=1e-6)
    array(True, dtype=bool)
    """

def blas_info() -> dict[str, str | int]:
    """Which BLAS/LAPACK library libmlx's CPU products and factorizations run on (mlxcy only).

    mlxcy forwards libmlx's BLAS calls to an optimized library (scipy-openblas) when one is
    installed, else to the reference BLAS libmlx ships with. Asking loads the optimized library
    if no BLAS call has yet.

    Returns
    -------
    dict
        ``"blas"``: ``"optimized"`` or ``"reference"``; ``"library"``: the path of the optimized
        library (None for the reference); ``"threads"``: the most threads one product uses (None
        for the reference); ``"reason"``: why the reference is used ('' otherwise);
        ``"libmlx"``: the path of the libmlx in use.

    Examples
    --------
    >>> info = mx.blas_info()
    >>> info["blas"] in ("optimized", "reference")
    True
    >>> sorted(info)
    ['blas', 'libmlx', 'library', 'reason', 'threads']

    Notes
    -----
    Not in MLX's own binding. ``MLXCY_BLAS=reference`` selects the reference BLAS and
    ``MLXCY_BLAS_THREADS`` the thread count (see docs/DESIGN.md).
    """

def block_masked_mm(a: array, b: array, /, block_size: int = 64, mask_out: array | None = None, mask_lhs: array | None = None, mask_rhs: array | None = None, *, stream: _StreamOrDevice = None) -> array:
    """Matrix product in which square blocks of the inputs and of the output are masked.

    The matrices are divided into tiles of ``block_size`` x ``block_size``; each mask holds one entry
    per tile (its last two dimensions are the tile counts, rounded up). A boolean mask keeps or zeroes
    a tile; a floating-point mask multiplies it. ``mask_lhs`` and ``mask_rhs`` apply to the tiles of
    ``a`` and ``b`` before the product, ``mask_out`` to the tiles of the result. Only floating-point
    inputs are supported.

    Parameters
    ----------
    a : array
        The left matrix (or batch of matrices), shape ``(..., M, K)``.
    b : array
        The right matrix (or batch of matrices), shape ``(..., K, N)``.
    block_size : int, optional
        The tile size: 32 or 64 when a mask is given. Default: ``64``.
    mask_out : array, optional
        Mask of the output tiles, shape ``(..., ceil(M / block_size), ceil(N / block_size))``.
        Default: ``None``, no mask.
    mask_lhs : array, optional
        Mask of the tiles of ``a``, shape ``(..., ceil(M / block_size), ceil(K / block_size))``.
        Default: ``None``, no mask.
    mask_rhs : array, optional
        Mask of the tiles of ``b``, shape ``(..., ceil(K / block_size), ceil(N / block_size))``.
        Default: ``None``, no mask.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The masked product, shape ``(..., M, N)``.

    Raises
    ------
    TypeError
        When an operand or mask is neither an array nor (for masks) ``None``.
    ValueError
        When ``block_size`` is not 32 or 64 while a mask is given, the shapes do not match, or the
        inputs are integer.

    Examples
    --------
    >>> a = mx.ones((64, 64))
    >>> out = mx.block_masked_mm(a, a, block_size=32, mask_out=mx.array([[True, False], [False, True]]))
    >>> out[::32, ::32]
    array([[64, 0],
           [0, 64]], dtype=float32)
    >>> out = mx.block_masked_mm(a, a, block_size=32, mask_lhs=mx.array([[1.0, 0.0], [0.5, 1.0]]))
    >>> out[::32, ::32]
    array([[32, 32],
           [48, 48]], dtype=float32)
    """

def broadcast_arrays(*arrays: array, stream: _StreamOrDevice = None) -> tuple[array, ...]:
    """Broadcast several arrays against each other to one common shape.

    Parameters
    ----------
    *arrays : array
        The arrays to broadcast.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    list(array)
        The broadcast arrays, in order (an empty list for none).

    Raises
    ------
    ValueError
        When the shapes do not broadcast together.
    RuntimeError
        When an argument is not an array.

    Examples
    --------
    >>> a, b = mx.broadcast_arrays(mx.array([1, 2]), mx.array([[3], [4]]))
    >>> a
    array([[1, 2],
           [1, 2]], dtype=int32)
    >>> b
    array([[3, 3],
           [4, 4]], dtype=int32)
    """

def broadcast_shapes(*shapes: Sequence[int]) -> tuple[int]:
    """The shape that several shapes broadcast to together.

    Only shapes are involved: no array is made.

    Parameters
    ----------
    *shapes : list(int)
        One or more shapes, each a tuple or list of ints.

    Returns
    -------
    tuple(int)
        The broadcast shape.

    Raises
    ------
    ValueError
        When no shape is given, the shapes do not broadcast, or a shape after the first is not a
        tuple or list of ints.
    RuntimeError
        When the first shape is not a sequence of ints.

    Examples
    --------
    >>> mx.broadcast_shapes((1, 3), (2, 1))
    (2, 3)
    >>> mx.broadcast_shapes((5, 1, 4), (3, 1), (4,))
    (5, 3, 4)
    """

def broadcast_to(a: _Scalar | array, /, shape: Sequence[int], *, stream: _StreamOrDevice = None) -> array:
    """Broadcast an array to a given shape.

    Size-1 axes are repeated and missing leading axes added, following the usual broadcasting
    rules; no data is copied.

    Parameters
    ----------
    a : scalar or array
        The array (or Python scalar) to broadcast.
    shape : list(int)
        The target shape.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        An array of shape ``shape`` with the dtype of ``a``.

    Raises
    ------
    ValueError
        When ``a`` does not broadcast to ``shape``, or ``a`` is a list or tuple.
    TypeError
        When ``shape`` is not a sequence of ints (a bare int included).

    Examples
    --------
    >>> mx.broadcast_to(mx.array([1, 2]), (2, 2))
    array([[1, 2],
           [1, 2]], dtype=int32)
    >>> mx.broadcast_to(5, (3,))
    array([5, 5, 5], dtype=int32)
    """

def can_cast(from_: array | Dtype, to: Dtype) -> bool:
    """Whether a dtype casts safely to another, by MLX's type promotion rules.

    The cast is safe when promoting the source dtype with ``to`` gives ``to``. Those are MLX's rules,
    not NumPy's: ``int64`` casts safely to ``float32``, for instance.

    Parameters
    ----------
    from_ : array or Dtype
        The source dtype, or an array whose dtype is used.
    to : Dtype
        The target dtype.

    Returns
    -------
    bool
        ``True`` when the cast is safe.

    Raises
    ------
    ValueError
        When ``from_`` is neither an array nor a Dtype.
    TypeError
        When ``from_`` is ``None`` or ``to`` is not a Dtype.

    Examples
    --------
    >>> mx.can_cast(mx.int32, mx.float32)
    True
    >>> mx.can_cast(mx.float32, mx.int32)
    False
    >>> mx.can_cast(mx.array([1, 2]), mx.int64)
    True
    >>> mx.can_cast(mx.int64, mx.float32)
    True
    """

def ceil(a: array, /, *, stream: _StreamOrDevice = None) -> array:
    """Element-wise ceiling: the smallest integer not below each element.

    Parameters
    ----------
    a : array
        The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
        own binding refuses lists).
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        Same shape and dtype as ``a`` (integer and boolean arrays come back unchanged).

    Raises
    ------
    ValueError
        When ``a`` is complex.

    Examples
    --------
    >>> mx.ceil(mx.array([1.5, -1.5, 2.0]))
    array([2, -1, 2], dtype=float32)
    """

def checkpoint(fun: Callable[..., Any]) -> Callable[..., Any]:
    """Make a version of ``fun`` that saves memory in gradients by recomputing its intermediates.

    The results are those of ``fun``. Under :func:`grad` and the other transforms, the
    intermediate arrays of ``fun`` are not kept for the backward pass but recomputed from its
    inputs, trading compute for memory.

    Parameters
    ----------
    fun : callable
        A function of arrays (or trees of arrays) returning arrays.

    Returns
    -------
    callable
        The checkpointed function.

    Raises
    ------
    TypeError
        When ``fun`` is not callable.
    ValueError
        When called: if ``fun`` returns no array (the reference crashes).

    Examples
    --------
    >>> f = mx.checkpoint(lambda x: (mx.exp(x) * x).sum())
    >>> mx.grad(f)(mx.array([0.0]))
    array([1], dtype=float32)
    """

def clear_cache() -> None:
    """Return the buffers in MLX's cache to the system.

    Returns
    -------
    None

    Examples
    --------
    >>> a = mx.zeros((1024,))
    >>> mx.eval(a)
    >>> del a
    >>> mx.clear_cache()
    >>> mx.get_cache_memory()
    0
    """

def clear_streams() -> None:
    """Destroy the streams the calling thread made.

    Frees what the thread's streams hold (for a thread about to end, say). Using a stream made
    earlier in the thread afterwards raises ``RuntimeError``; the default streams are made again
    when next needed.

    Returns
    -------
    None

    Examples
    --------
    >>> import threading
    >>> def work():
    ...     s = mx.new_stream(mx.cpu)
    ...     mx.eval(mx.add(mx.array([1]), 1, stream=s))
    ...     mx.clear_streams()
    >>> t = threading.Thread(target=work)
    >>> t.start(); t.join()
    """

def clip(a: array, /, a_min: _Scalar | array | None, a_max: _Scalar | array | None, *, stream: _StreamOrDevice = None) -> array:
    """Limit the values of ``a`` to the interval ``[a_min, a_max]``.

    Values below ``a_min`` become ``a_min`` and values above ``a_max`` become ``a_max``. The bounds
    may be scalars or arrays that broadcast against ``a``; either one (not both) may be ``None`` for
    no limit on that side. The result takes the dtype promoted from ``a`` and the bounds.

    Parameters
    ----------
    a : array
        The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
        own binding refuses lists).
    a_min : scalar or array or None
        The lower bound, or ``None`` for none.
    a_max : scalar or array or None
        The upper bound, or ``None`` for none.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The clipped values, of the broadcast shape and promoted dtype.

    Raises
    ------
    ValueError
        When both bounds are ``None``, or the shapes do not broadcast.

    Examples
    --------
    >>> a = mx.array([1, 5, 9])
    >>> mx.clip(a, 2, 6)
    array([2, 5, 6], dtype=int32)
    >>> mx.clip(a, None, 6)
    array([1, 5, 6], dtype=int32)
    >>> mx.clip(a, 2.5, None)
    array([2.5, 5, 9], dtype=float32)
    """

def compile(fun: Callable[..., Any], inputs: object | None = None, outputs: object | None = None, shapeless: bool = False) -> Callable[..., Any]:
    """Make a compiled version of ``fun``, traced once per input signature and replayed as one graph.

    The function is traced again when the shapes (unless ``shapeless``), dtypes, number or tree
    structure of its arguments change, or the value of a non-array argument (``None``, bool,
    int, float, str); new array values alone reuse the trace. ``fun`` must be a pure function of
    its arguments: arrays it reads or writes from elsewhere (a model's parameters, an
    optimizer's state, ``mx.random.state``) must be named in ``inputs``/``outputs``.

    Parameters
    ----------
    fun : callable
        The function to compile; it takes and returns arrays or trees of arrays.
    inputs : list, dict or tree, optional
        Arrays ``fun`` reads as implicit state. Default: ``None``.
    outputs : list, dict or tree, optional
        Arrays ``fun`` writes as implicit state; they are written back after each call.
        Default: ``None``.
    shapeless : bool, optional
        Do not retrace when only shapes change. Default: ``False``.

    Returns
    -------
    callable
        The compiled function, called like ``fun``.

    Raises
    ------
    TypeError
        When ``fun`` is not callable.

    Examples
    --------
    >>> f = mx.compile(lambda x, y: x * y + 1)
    >>> f(mx.array([1, 2]), mx.array([3, 4]))
    array([4, 9], dtype=int32)
    >>> f(mx.array([1.5]), mx.array([2.0]))
    array([4], dtype=float32)

    Notes
    -----
    :func:`disable_compile` (or the ``MLX_DISABLE_COMPILE`` environment variable) makes compiled
    functions run as plain Python functions.
    """

def concat(arrays: list[array], axis: int | None = 0, *, stream: _StreamOrDevice = None) -> array:
    """Join arrays along an existing axis; another name for :func:`concatenate`.

    Parameters
    ----------
    arrays : list(array)
        The arrays to join (at least one).
    axis : int, optional
        The axis to join along; ``None`` flattens every array first. Default: ``0``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The joined array, with the promoted dtype of the inputs.

    Raises
    ------
    ValueError
        When ``arrays`` is empty or the shapes do not match.
    IndexError
        When ``axis`` is out of range.
    TypeError
        When an element of ``arrays`` is not an array.

    Examples
    --------
    >>> mx.concat([mx.array([[1], [2]]), mx.array([[3], [4]])], axis=1)
    array([[1, 3],
           [2, 4]], dtype=int32)
    """

def concatenate(arrays: list[array], axis: int | None = 0, *, stream: _StreamOrDevice = None) -> array:
    """Join arrays along an existing axis.

    The arrays must have the same number of dimensions and the same sizes on every other axis; the
    result has their promoted dtype.

    Parameters
    ----------
    arrays : list(array)
        The arrays to join (at least one).
    axis : int, optional
        The axis to join along; ``None`` flattens every array first. Default: ``0``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The joined array.

    Raises
    ------
    ValueError
        When ``arrays`` is empty or the shapes do not match.
    IndexError
        When ``axis`` is out of range.
    TypeError
        When an element of ``arrays`` is not an array.

    Examples
    --------
    >>> mx.concatenate([mx.array([1, 2]), mx.array([3])])
    array([1, 2, 3], dtype=int32)
    >>> mx.concatenate([mx.array([[1, 2]]), mx.array([[3, 4]])], axis=1)
    array([[1, 2, 3, 4]], dtype=int32)
    >>> mx.concatenate([mx.array([[1, 2]]), mx.array([3.5])], axis=None)
    array([1, 2, 3.5], dtype=float32)
    """

def conj(a: array, *, stream: _StreamOrDevice = None) -> array:
    """Element-wise complex conjugate.

    Real arrays come back with their values and dtype unchanged. ``conjugate`` is the same function.

    Parameters
    ----------
    a : array
        The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
        own binding refuses lists).
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The conjugate of each element, same shape and dtype as ``a``.

    Examples
    --------
    >>> mx.conj(mx.array([1 + 2j, 3 - 4j]))
    array([1-2j, 3+4j], dtype=complex64)
    >>> mx.conjugate(mx.array([2j]))
    array([0-2j], dtype=complex64)
    """

def conjugate(a: array, *, stream: _StreamOrDevice = None) -> array:
    """Element-wise complex conjugate.

    Real arrays come back with their values and dtype unchanged. ``conjugate`` is the same function.

    Parameters
    ----------
    a : array
        The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
        own binding refuses lists).
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The conjugate of each element, same shape and dtype as ``a``.

    Examples
    --------
    >>> mx.conj(mx.array([1 + 2j, 3 - 4j]))
    array([1-2j, 3+4j], dtype=complex64)
    >>> mx.conjugate(mx.array([2j]))
    array([0-2j], dtype=complex64)
    """

def contiguous(a: array, /, allow_col_major: bool = False, *, stream: _StreamOrDevice = None) -> array:
    """A copy of an array with row-contiguous memory, unless it already has it.

    Useful before handing an array's memory to code that expects a dense row-major layout; the
    values are unchanged.

    Parameters
    ----------
    a : array
        The input array.
    allow_col_major : bool, optional
        Also accept a column-contiguous (Fortran-order) array as it is. Default: ``False``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        An array equal to ``a`` whose memory is contiguous.

    Raises
    ------
    TypeError
        When ``a`` is not an array.

    Examples
    --------
    >>> t = mx.array([[1, 2], [3, 4]]).T
    >>> mx.contiguous(t)
    array([[1, 3],
           [2, 4]], dtype=int32)
    """

def conv1d(input: array, weight: array, /, stride: int = 1, padding: int = 0, dilation: int = 1, groups: int = 1, *, stream: _StreamOrDevice = None) -> array:
    """1-D convolution (a cross-correlation: the kernel is not flipped) over a batch of sequences.

    Channels come last. The output length is
    ``(L + 2 * padding - dilation * (K - 1) - 1) // stride + 1``. Only floating-point inputs are
    supported.

    Parameters
    ----------
    input : array
        The input, shape ``(N, L, C_in)``.
    weight : array
        The kernels, shape ``(C_out, K, C_in // groups)``.
    stride : int, optional
        Step between kernel applications. Default: ``1``.
    padding : int, optional
        Zeros added at both ends of the sequence. Default: ``0``.
    dilation : int, optional
        Spacing between kernel taps. Default: ``1``.
    groups : int, optional
        Number of channel groups; ``C_in`` and ``C_out`` must be divisible by it. Default: ``1``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        Shape ``(N, L_out, C_out)``.

    Raises
    ------
    TypeError
        When ``input`` or ``weight`` is not an array, or an integer argument is not an int.
    ValueError
        When the shapes, channels or groups do not match (``groups`` below 1 included), or the
        inputs are integer.

    Examples
    --------
    >>> x = mx.ones((1, 5, 1))
    >>> w = mx.array([1.0, 2.0, 3.0]).reshape(1, 3, 1)
    >>> mx.conv1d(x, w).shape
    (1, 3, 1)
    >>> mx.conv1d(x, w, stride=2, padding=1).flatten()
    array([5, 6, 3], dtype=float32)

    Notes
    -----
    A ``groups`` of 0 crashes the reference binding (floating point exception); mlxcy raises
    ``ValueError`` for any ``groups`` below 1.
    """

def conv2d(input: array, weight: array, /, stride: int | tuple[int, int] = 1, padding: int | tuple[int, int] = 0, dilation: int | tuple[int, int] = 1, groups: int = 1, *, stream: _StreamOrDevice = None) -> array:
    """2-D convolution (a cross-correlation: the kernel is not flipped) over a batch of images.

    Channels come last. Along each spatial axis the output length is
    ``(L + 2 * padding - dilation * (K - 1) - 1) // stride + 1``. Only floating-point inputs are
    supported.

    Parameters
    ----------
    input : array
        The input, shape ``(N, H, W, C_in)``.
    weight : array
        The kernels, shape ``(C_out, KH, KW, C_in // groups)``.
    stride : int or tuple(int, int), optional
        Step between kernel applications, for both axes or per axis. Default: ``1``.
    padding : int or tuple(int, int), optional
        Zeros added at both ends of each spatial axis. Default: ``0``.
    dilation : int or tuple(int, int), optional
        Spacing between kernel taps. Default: ``1``.
    groups : int, optional
        Number of channel groups; ``C_in`` and ``C_out`` must be divisible by it. Default: ``1``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        Shape ``(N, H_out, W_out, C_out)``.

    Raises
    ------
    TypeError
        When ``input`` or ``weight`` is not an array, or a spatial argument is neither an int nor a
        pair of ints.
    ValueError
        When the shapes, channels or groups do not match (``groups`` below 1 included), or the
        inputs are integer.

    Examples
    --------
    >>> x = mx.ones((1, 4, 4, 1))
    >>> w = mx.ones((1, 2, 2, 1))
    >>> mx.conv2d(x, w, stride=2)[0, :, :, 0]
    array([[4, 4],
           [4, 4]], dtype=float32)
    >>> mx.conv2d(x, w, padding=(1, 0)).shape
    (1, 5, 3, 1)

    Notes
    -----
    A ``groups`` of 0 crashes the reference binding (floating point exception); mlxcy raises
    ``ValueError`` for any ``groups`` below 1.
    """

def conv3d(input: array, weight: array, /, stride: int | tuple[int, int, int] = 1, padding: int | tuple[int, int, int] = 0, dilation: int | tuple[int, int, int] = 1, groups: int = 1, *, stream: _StreamOrDevice = None) -> array:
    """3-D convolution (a cross-correlation: the kernel is not flipped) over a batch of volumes.

    Channels come last. Along each spatial axis the output length is
    ``(L + 2 * padding - dilation * (K - 1) - 1) // stride + 1``. Only floating-point inputs are
    supported.

    Parameters
    ----------
    input : array
        The input, shape ``(N, D, H, W, C_in)``.
    weight : array
        The kernels, shape ``(C_out, KD, KH, KW, C_in)``.
    stride : int or tuple(int, int, int), optional
        Step between kernel applications, for all axes or per axis. Default: ``1``.
    padding : int or tuple(int, int, int), optional
        Zeros added at both ends of each spatial axis. Default: ``0``.
    dilation : int or tuple(int, int, int), optional
        Spacing between kernel taps. Default: ``1``.
    groups : int, optional
        Number of channel groups: only 1 is supported for 3-D convolutions. Default: ``1``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        Shape ``(N, D_out, H_out, W_out, C_out)``.

    Raises
    ------
    TypeError
        When ``input`` or ``weight`` is not an array, or a spatial argument is neither an int nor a
        triple of ints.
    ValueError
        When the shapes or channels do not match, ``groups`` is not 1 (3-D convolutions have no
        groups), or the inputs are integer.

    Examples
    --------
    >>> x = mx.ones((1, 3, 3, 3, 1))
    >>> w = mx.ones((1, 2, 2, 2, 1))
    >>> mx.conv3d(x, w).shape
    (1, 2, 2, 2, 1)
    >>> mx.conv3d(x, w)[0, 0, 0, 0, 0]
    array(8, dtype=float32)
    >>> mx.conv3d(x, w, padding=1).shape
    (1, 4, 4, 4, 1)
    """

def conv_general(input: array, weight: array, /, stride: int | Sequence[int] = 1, padding: int | Sequence[int] | tuple[Sequence[int], Sequence[int]] = 0, kernel_dilation: int | Sequence[int] = 1, input_dilation: int | Sequence[int] = 1, groups: int = 1, flip: bool = False, *, stream: _StreamOrDevice = None) -> array:
    """Convolution over 1 to 3 spatial dimensions with every option: per-axis strides, asymmetric
    padding, kernel and input dilation, groups and kernel flipping.

    Channels come last: ``input`` is ``(N, ..., C_in)`` and ``weight`` ``(C_out, ..., C_in // groups)``.
    Input dilation inserts ``input_dilation - 1`` zeros between input elements (as in a transposed
    convolution). Only floating-point inputs are supported.

    Parameters
    ----------
    input : array
        The input, shape ``(N, *spatial, C_in)``.
    weight : array
        The kernels, shape ``(C_out, *kernel, C_in // groups)``.
    stride : int or list(int), optional
        Step between kernel applications, for all axes or per axis. Default: ``1``.
    padding : int or list(int) or tuple(list(int), list(int)), optional
        Zeros added at both ends of every axis (an int), of each axis (a list), or ``(low, high)``
        lists for the start and the end of each axis. Default: ``0``.
    kernel_dilation : int or list(int), optional
        Spacing between kernel taps. Default: ``1``.
    input_dilation : int or list(int), optional
        Spacing between input elements. Default: ``1``.
    groups : int, optional
        Number of channel groups; ``C_in`` and ``C_out`` must be divisible by it (only 1 for 3 spatial
        dimensions). Default: ``1``.
    flip : bool, optional
        Whether to flip the kernel along its spatial axes, making a true convolution rather than a
        cross-correlation. Default: ``False``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        Shape ``(N, *spatial_out, C_out)``.

    Raises
    ------
    TypeError
        When ``input`` or ``weight`` is not an array, an argument has the wrong type, or ``flip`` is
        not a bool.
    ValueError
        When the shapes, channels or groups do not match (``groups`` below 1 included), or the
        inputs are integer.

    Examples
    --------
    >>> x = mx.array([1.0, 2.0, 3.0]).reshape(1, 3, 1)
    >>> w = mx.array([1.0, 0.0]).reshape(1, 2, 1)
    >>> mx.conv_general(x, w).flatten()
    array([1, 2], dtype=float32)
    >>> mx.conv_general(x, w, flip=True).flatten()
    array([2, 3], dtype=float32)
    >>> mx.conv_general(mx.ones((1, 5, 5, 1)), mx.ones((1, 3, 3, 1)), padding=([1, 0], [0, 1])).shape
    (1, 4, 4, 1)

    Notes
    -----
    A ``groups`` of 0 crashes the reference binding (floating point exception); mlxcy raises
    ``ValueError`` for any ``groups`` below 1.
    """

def conv_transpose1d(input: array, weight: array, /, stride: int = 1, padding: int = 0, dilation: int = 1, output_padding: int = 0, groups: int = 1, *, stream: _StreamOrDevice = None) -> array:
    """1-D transposed convolution (the gradient of :func:`conv1d` with respect to its input).

    Channels come last. The output length is
    ``(L - 1) * stride - 2 * padding + dilation * (K - 1) + output_padding + 1``. Only floating-point
    inputs are supported.

    Parameters
    ----------
    input : array
        The input, shape ``(N, L, C_in)``.
    weight : array
        The kernels, shape ``(C_out, K, C_in // groups)``.
    stride : int, optional
        Upsampling step. Default: ``1``.
    padding : int, optional
        Elements removed at both ends of the output. Default: ``0``.
    dilation : int, optional
        Spacing between kernel taps. Default: ``1``.
    output_padding : int, optional
        Extra elements added at the end of the output. Default: ``0``.
    groups : int, optional
        Number of channel groups. Default: ``1``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        Shape ``(N, L_out, C_out)``.

    Raises
    ------
    TypeError
        When ``input`` or ``weight`` is not an array, or an integer argument is not an int.
    ValueError
        When the shapes, channels or groups do not match (``groups`` below 1 included), or the
        inputs are integer.

    Examples
    --------
    >>> x = mx.array([1.0, 2.0]).reshape(1, 2, 1)
    >>> w = mx.array([1.0, 10.0, 100.0]).reshape(1, 3, 1)
    >>> mx.conv_transpose1d(x, w).flatten()
    array([1, 12, 120, 200], dtype=float32)
    >>> mx.conv_transpose1d(x, w, stride=2, output_padding=1).shape
    (1, 6, 1)

    Notes
    -----
    A ``groups`` of 0 crashes the reference binding (floating point exception); mlxcy raises
    ``ValueError`` for any ``groups`` below 1.
    """

def conv_transpose2d(input: array, weight: array, /, stride: int | tuple[int, int] = 1, padding: int | tuple[int, int] = 0, dilation: int | tuple[int, int] = 1, output_padding: int | tuple[int, int] = 0, groups: int = 1, *, stream: _StreamOrDevice = None) -> array:
    """2-D transposed convolution (the gradient of :func:`conv2d` with respect to its input).

    Channels come last. Along each spatial axis the output length is
    ``(L - 1) * stride - 2 * padding + dilation * (K - 1) + output_padding + 1``. Only floating-point
    inputs are supported.

    Parameters
    ----------
    input : array
        The input, shape ``(N, H, W, C_in)``.
    weight : array
        The kernels, shape ``(C_out, KH, KW, C_in // groups)``.
    stride : int or tuple(int, int), optional
        Upsampling step, for both axes or per axis. Default: ``1``.
    padding : int or tuple(int, int), optional
        Elements removed at both ends of each output axis. Default: ``0``.
    dilation : int or tuple(int, int), optional
        Spacing between kernel taps. Default: ``1``.
    output_padding : int or tuple(int, int), optional
        Extra elements added at the end of each output axis. Default: ``0``.
    groups : int, optional
        Number of channel groups. Default: ``1``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        Shape ``(N, H_out, W_out, C_out)``.

    Raises
    ------
    TypeError
        When ``input`` or ``weight`` is not an array, or a spatial argument is neither an int nor a
        pair of ints.
    ValueError
        When the shapes, channels or groups do not match (``groups`` below 1 included), or the
        inputs are integer.

    Examples
    --------
    >>> x = mx.ones((1, 2, 2, 1))
    >>> w = mx.ones((1, 2, 2, 1))
    >>> mx.conv_transpose2d(x, w)[0, :, :, 0]
    array([[1, 2, 1],
           [2, 4, 2],
           [1, 2, 1]], dtype=float32)
    >>> mx.conv_transpose2d(x, w, stride=2).shape
    (1, 4, 4, 1)

    Notes
    -----
    A ``groups`` of 0 crashes the reference binding (floating point exception); mlxcy raises
    ``ValueError`` for any ``groups`` below 1.
    """

def conv_transpose3d(input: array, weight: array, /, stride: int | tuple[int, int, int] = 1, padding: int | tuple[int, int, int] = 0, dilation: int | tuple[int, int, int] = 1, output_padding: int | tuple[int, int, int] = 0, groups: int = 1, *, stream: _StreamOrDevice = None) -> array:
    """3-D transposed convolution (the gradient of :func:`conv3d` with respect to its input).

    Channels come last. Along each spatial axis the output length is
    ``(L - 1) * stride - 2 * padding + dilation * (K - 1) + output_padding + 1``. Only floating-point
    inputs are supported.

    Parameters
    ----------
    input : array
        The input, shape ``(N, D, H, W, C_in)``.
    weight : array
        The kernels, shape ``(C_out, KD, KH, KW, C_in)``.
    stride : int or tuple(int, int, int), optional
        Upsampling step, for all axes or per axis. Default: ``1``.
    padding : int or tuple(int, int, int), optional
        Elements removed at both ends of each output axis. Default: ``0``.
    dilation : int or tuple(int, int, int), optional
        Spacing between kernel taps. Default: ``1``.
    output_padding : int or tuple(int, int, int), optional
        Extra elements added at the end of each output axis. Default: ``0``.
    groups : int, optional
        Number of channel groups: only 1 is supported for 3-D convolutions. Default: ``1``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        Shape ``(N, D_out, H_out, W_out, C_out)``.

    Raises
    ------
    TypeError
        When ``input`` or ``weight`` is not an array, or a spatial argument is neither an int nor a
        triple of ints.
    ValueError
        When the shapes or channels do not match, ``groups`` is not 1 (3-D convolutions have no
        groups), or the inputs are integer.

    Examples
    --------
    >>> x = mx.ones((1, 2, 2, 2, 1))
    >>> w = mx.ones((1, 2, 2, 2, 1))
    >>> mx.conv_transpose3d(x, w).shape
    (1, 3, 3, 3, 1)
    >>> mx.conv_transpose3d(x, w, stride=(2, 1, 1)).shape
    (1, 4, 3, 3, 1)
    """

def convolve(a: array, v: array, /, mode: str = 'full', *, stream: _StreamOrDevice = None) -> array:
    """Discrete linear convolution of two 1-D arrays, as ``numpy.convolve``.

    The kernel is flipped (a true convolution, not a correlation); the shorter input acts as the
    kernel. Only floating-point inputs are supported.

    Parameters
    ----------
    a : array
        The first 1-D input, of ``n`` elements.
    v : array
        The second 1-D input, of ``m`` elements.
    mode : str, optional
        ``"full"``: every overlap, ``n + m - 1`` elements; ``"same"``: ``max(n, m)`` elements, centred
        on the full result; ``"valid"``: only full overlaps, ``max(n, m) - min(n, m) + 1`` elements.
        Default: ``"full"``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The 1-D convolution.

    Raises
    ------
    TypeError
        When ``a`` or ``v`` is not an array, or ``mode`` is not a str.
    ValueError
        When an input is not 1-D or is empty, ``mode`` is unknown, or the inputs are integer.

    Examples
    --------
    >>> a = mx.array([1.0, 2.0, 3.0])
    >>> v = mx.array([0.0, 1.0, 0.5])
    >>> mx.convolve(a, v)
    array([0, 1, 2.5, 4, 1.5], dtype=float32)
    >>> mx.convolve(a, v, mode="same")
    array([1, 2.5, 4], dtype=float32)
    >>> mx.convolve(a, v, mode="valid")
    array([2.5], dtype=float32)
    """

def cos(a: array, /, *, stream: _StreamOrDevice = None) -> array:
    """Element-wise cosine of angles in radians.

    Floating-point and complex inputs keep their dtype; boolean and integer inputs give float32.

    Parameters
    ----------
    a : array
        The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
        own binding refuses lists).
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The cosine of each element, same shape as ``a``.

    Examples
    --------
    >>> mx.cos(mx.array([0.0]))
    array([1], dtype=float32)
    """

def cosh(a: array, /, *, stream: _StreamOrDevice = None) -> array:
    """Element-wise hyperbolic cosine.

    Floating-point and complex inputs keep their dtype; boolean and integer inputs give float32.

    Parameters
    ----------
    a : array
        The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
        own binding refuses lists).
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The hyperbolic cosine of each element, same shape as ``a``.

    Examples
    --------
    >>> mx.cosh(mx.array([0.0]))
    array([1], dtype=float32)
    """

def count_nonzero(a: array, /, *, axis: None | int | Sequence[int] = None, keepdims: bool = False, stream: _StreamOrDevice = None) -> array:
    """Count the non-zero elements over the given axes.

    Parameters
    ----------
    a : array
        The input array, of any dtype.
    axis : int or list(int), optional
        Axis or axes to count over. Keyword only. Default: ``None``, every axis.
    keepdims : bool, optional
        Keep the reduced axes as axes of size 1. Keyword only. Default: ``False``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The counts, int32.

    Raises
    ------
    IndexError
        When an axis is out of range.
    ValueError
        When an axis is given twice.

    Examples
    --------
    >>> a = mx.array([[0, 1], [2, 3]])
    >>> mx.count_nonzero(a)
    array(3, dtype=int32)
    >>> mx.count_nonzero(a, axis=0)
    array([1, 2], dtype=int32)

    Notes
    -----
    mlxcy also accepts a Python scalar, list or NumPy array for ``a`` (the reference raises
    ``TypeError``).
    """

def cummax(a: array, /, axis: int | None = None, *, reverse: bool = False, inclusive: bool = True, stream: _StreamOrDevice = None) -> array:
    """Cumulative maximum along an axis.

    Parameters
    ----------
    a : array
        The input array; the result keeps its dtype.
    axis : int, optional
        The axis to scan along. Default: ``None``, the flattened array.
    reverse : bool, optional
        Scan from the last element towards the first. Keyword only. Default: ``False``.
    inclusive : bool, optional
        Include each element in its own output; with ``False`` the output is shifted by one and
        starts at the lowest value of the dtype (``-inf`` for floats). Keyword only.
        Default: ``True``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The running maxima, with the shape of ``a`` (1-D when ``axis`` is None).

    Raises
    ------
    TypeError
        When ``axis`` is a sequence.
    IndexError
        When ``axis`` is out of range.

    Examples
    --------
    >>> mx.cummax(mx.array([1, 3, 2, 5]))
    array([1, 3, 3, 5], dtype=int32)
    >>> mx.cummax(mx.array([[1, 3], [2, 0]]), axis=0)
    array([[1, 3],
           [2, 3]], dtype=int32)

    Notes
    -----
    mlxcy also accepts a Python scalar, list or NumPy array for ``a`` (the reference raises
    ``TypeError``).
    """

def cummin(a: array, /, axis: int | None = None, *, reverse: bool = False, inclusive: bool = True, stream: _StreamOrDevice = None) -> array:
    """Cumulative minimum along an axis.

    Parameters
    ----------
    a : array
        The input array; the result keeps its dtype.
    axis : int, optional
        The axis to scan along. Default: ``None``, the flattened array.
    reverse : bool, optional
        Scan from the last element towards the first. Keyword only. Default: ``False``.
    inclusive : bool, optional
        Include each element in its own output; with ``False`` the output is shifted by one and
        starts at the highest value of the dtype (``inf`` for floats). Keyword only.
        Default: ``True``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The running minima, with the shape of ``a`` (1-D when ``axis`` is None).

    Raises
    ------
    TypeError
        When ``axis`` is a sequence.
    IndexError
        When ``axis`` is out of range.

    Examples
    --------
    >>> a = mx.array([4, 3, 5, 1])
    >>> mx.cummin(a)
    array([4, 3, 3, 1], dtype=int32)
    >>> mx.cummin(a, reverse=True)
    array([1, 1, 1, 1], dtype=int32)

    Notes
    -----
    mlxcy also accepts a Python scalar, list or NumPy array for ``a`` (the reference raises
    ``TypeError``).
    """

def cumprod(a: array, /, axis: int | None = None, *, reverse: bool = False, inclusive: bool = True, dtype: Dtype | None = None, stream: _StreamOrDevice = None) -> array:
    """Cumulative product along an axis.

    The result keeps the dtype of ``a`` (bool stays bool, unlike :func:`prod`).

    Parameters
    ----------
    a : array
        The input array.
    axis : int, optional
        The axis to scan along. Default: ``None``, the flattened array.
    reverse : bool, optional
        Scan from the last element towards the first. Keyword only. Default: ``False``.
    inclusive : bool, optional
        Include each element in its own output; with ``False`` the output is shifted by one and
        starts at 1. Keyword only. Default: ``True``.
    dtype : Dtype, optional
        Cast the input to this dtype before the scan. Keyword only. Default: ``None``, as
        described above.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The running products, with the shape of ``a`` (1-D when ``axis`` is None).

    Raises
    ------
    TypeError
        When ``axis`` is a sequence.
    IndexError
        When ``axis`` is out of range.

    Examples
    --------
    >>> a = mx.array([1, 2, 3])
    >>> mx.cumprod(a)
    array([1, 2, 6], dtype=int32)
    >>> mx.cumprod(a, inclusive=False)
    array([1, 1, 2], dtype=int32)

    Notes
    -----
    ``cumulative_prod`` is the same function. mlxcy also accepts a Python scalar, list or NumPy
    array for ``a`` (the reference raises ``TypeError``).
    """

def cumsum(a: array, /, axis: int | None = None, *, reverse: bool = False, inclusive: bool = True, dtype: Dtype | None = None, stream: _StreamOrDevice = None) -> array:
    """Cumulative sum along an axis.

    Bool inputs are summed as int32; other dtypes keep their own (int8 stays int8, unlike
    :func:`sum`).

    Parameters
    ----------
    a : array
        The input array.
    axis : int, optional
        The axis to scan along. Default: ``None``, the flattened array.
    reverse : bool, optional
        Scan from the last element towards the first. Keyword only. Default: ``False``.
    inclusive : bool, optional
        Include each element in its own output; with ``False`` the output is shifted by one and
        starts at 0. Keyword only. Default: ``True``.
    dtype : Dtype, optional
        Cast the input to this dtype before the scan (bool gives int32). Keyword only. Default:
        ``None``, as described above.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The running sums, with the shape of ``a`` (1-D when ``axis`` is None).

    Raises
    ------
    TypeError
        When ``axis`` is a sequence.
    IndexError
        When ``axis`` is out of range.

    Examples
    --------
    >>> a = mx.array([1, 2, 3])
    >>> mx.cumsum(a)
    array([1, 3, 6], dtype=int32)
    >>> mx.cumsum(a, reverse=True)
    array([6, 5, 3], dtype=int32)
    >>> mx.cumsum(a, inclusive=False)
    array([0, 1, 3], dtype=int32)

    Notes
    -----
    ``cumulative_sum`` is the same function. mlxcy also accepts a Python scalar, list or NumPy array
    for ``a`` (the reference raises ``TypeError``).
    """

def cumulative_prod(a: array, /, axis: int | None = None, *, reverse: bool = False, inclusive: bool = True, dtype: Dtype | None = None, stream: _StreamOrDevice = None) -> array:
    """Cumulative product along an axis.

    The result keeps the dtype of ``a`` (bool stays bool, unlike :func:`prod`).

    Parameters
    ----------
    a : array
        The input array.
    axis : int, optional
        The axis to scan along. Default: ``None``, the flattened array.
    reverse : bool, optional
        Scan from the last element towards the first. Keyword only. Default: ``False``.
    inclusive : bool, optional
        Include each element in its own output; with ``False`` the output is shifted by one and
        starts at 1. Keyword only. Default: ``True``.
    dtype : Dtype, optional
        Cast the input to this dtype before the scan. Keyword only. Default: ``None``, as
        described above.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The running products, with the shape of ``a`` (1-D when ``axis`` is None).

    Raises
    ------
    TypeError
        When ``axis`` is a sequence.
    IndexError
        When ``axis`` is out of range.

    Examples
    --------
    >>> a = mx.array([1, 2, 3])
    >>> mx.cumprod(a)
    array([1, 2, 6], dtype=int32)
    >>> mx.cumprod(a, inclusive=False)
    array([1, 1, 2], dtype=int32)

    Notes
    -----
    ``cumulative_prod`` is the same function. mlxcy also accepts a Python scalar, list or NumPy
    array for ``a`` (the reference raises ``TypeError``).
    """

def cumulative_sum(a: array, /, axis: int | None = None, *, reverse: bool = False, inclusive: bool = True, dtype: Dtype | None = None, stream: _StreamOrDevice = None) -> array:
    """Cumulative sum along an axis.

    Bool inputs are summed as int32; other dtypes keep their own (int8 stays int8, unlike
    :func:`sum`).

    Parameters
    ----------
    a : array
        The input array.
    axis : int, optional
        The axis to scan along. Default: ``None``, the flattened array.
    reverse : bool, optional
        Scan from the last element towards the first. Keyword only. Default: ``False``.
    inclusive : bool, optional
        Include each element in its own output; with ``False`` the output is shifted by one and
        starts at 0. Keyword only. Default: ``True``.
    dtype : Dtype, optional
        Cast the input to this dtype before the scan (bool gives int32). Keyword only. Default:
        ``None``, as described above.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The running sums, with the shape of ``a`` (1-D when ``axis`` is None).

    Raises
    ------
    TypeError
        When ``axis`` is a sequence.
    IndexError
        When ``axis`` is out of range.

    Examples
    --------
    >>> a = mx.array([1, 2, 3])
    >>> mx.cumsum(a)
    array([1, 3, 6], dtype=int32)
    >>> mx.cumsum(a, reverse=True)
    array([6, 5, 3], dtype=int32)
    >>> mx.cumsum(a, inclusive=False)
    array([0, 1, 3], dtype=int32)

    Notes
    -----
    ``cumulative_sum`` is the same function. mlxcy also accepts a Python scalar, list or NumPy array
    for ``a`` (the reference raises ``TypeError``).
    """

def default_device() -> Device:
    """The device operations run on when no ``stream`` is given.

    The GPU where this build of MLX has a GPU backend and a GPU is present, else the CPU, until
    :func:`set_default_device` changes it.

    Returns
    -------
    Device

    Examples
    --------
    >>> d = mx.default_device()
    >>> d.type in (mx.cpu, mx.gpu)
    True
    """

def default_stream(device: Device | DeviceType) -> Stream:
    """The default stream of ``device`` in the calling thread.

    Operations scheduled on ``device`` without an explicit stream run on this stream.

    Parameters
    ----------
    device : Device or DeviceType
        The device (a :class:`DeviceType` means its device 0).

    Returns
    -------
    Stream

    Raises
    ------
    ValueError
        When the device is not available (``mx.gpu`` on a build without a GPU backend).
    TypeError
        When ``device`` is neither a :class:`Device` nor a :class:`DeviceType`.

    Examples
    --------
    >>> s = mx.default_stream(mx.cpu)
    >>> s.device
    Device(cpu, 0)
    >>> s == mx.default_stream(mx.cpu)
    True
    """

def degrees(a: _Scalar | array, /, *, stream: _StreamOrDevice = None) -> array:
    """Convert angles from radians to degrees, element-wise.

    Floating-point and complex inputs keep their dtype; boolean and integer inputs give float32.

    Parameters
    ----------
    a : array
        The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
        own binding refuses lists).
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        ``a * 180 / pi``, same shape as ``a``.

    Examples
    --------
    >>> mx.degrees(mx.array([0.0, 1.0]))
    array([0, 57.2958], dtype=float32)
    """

def depends(inputs: array | Sequence[array], dependencies: array | Sequence[array]) -> Any:
    """Return ``inputs`` unchanged, but evaluated only after ``dependencies``.

    The result stands for ``inputs`` in the graph but also depends on ``dependencies``: evaluating it
    evaluates the dependencies first, though their values are not used. Useful to order side effects,
    such as communication, that nothing else depends on.

    Parameters
    ----------
    inputs : array or list(array)
        The arrays to pass through.
    dependencies : array or list(array)
        The arrays that must be computed first.

    Returns
    -------
    array or list(array)
        An array when ``inputs`` is one array, otherwise a list of arrays, equal to ``inputs``.

    Raises
    ------
    TypeError
        When ``inputs`` or ``dependencies`` is neither an array nor a sequence of arrays.
    ValueError
        When ``inputs`` is empty.

    Examples
    --------
    >>> a = mx.array([1, 2])
    >>> b = mx.array([3])
    >>> mx.depends(a, b)
    array([1, 2], dtype=int32)
    >>> mx.depends([a, a], [b])
    [array([1, 2], dtype=int32), array([1, 2], dtype=int32)]

    Notes
    -----
    The reference binding fails with ``RuntimeError: std::bad_cast`` for arguments that are not
    arrays, and crashes on an empty ``inputs``.
    """

def dequantize(w: array, /, scales: array, biases: array | None = None, group_size: int | None = None, bits: int | None = None, mode: str = 'affine', global_scale: array | None = None, dtype: Dtype | None = None, *, stream: _StreamOrDevice = None) -> array:
    """Rebuild a floating-point matrix from the output of :func:`quantize`.

    The quantization parameters (``group_size``, ``bits``, ``mode``) must be those used to quantize.

    Parameters
    ----------
    w : array
        The packed quantized matrix (uint32).
    scales : array
        The scales, one per group.
    biases : array, optional
        The biases, one per group: required for ``"affine"``, not used otherwise. Default: ``None``.
    group_size : int, optional
        Elements per group. Default: ``None``, the mode's default (as in :func:`quantize`).
    bits : int, optional
        Bits per element. Default: ``None``, the mode's default.
    mode : str, optional
        ``"affine"``, ``"mxfp4"``, ``"mxfp8"`` or ``"nvfp4"``. Default: ``"affine"``.
    global_scale : array, optional
        The scalar scale given to :func:`quantize` (``"nvfp4"`` only). Default: ``None``.
    dtype : Dtype, optional
        The dtype of the result. Default: ``None``, the dtype of ``scales`` when it is floating-point
        (``"affine"``), otherwise bfloat16.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The dequantized matrix, shape ``(..., n)`` with ``n = w.shape[-1] * 32 // bits``.

    Raises
    ------
    TypeError
        When ``w``, ``scales``, ``biases`` or ``global_scale`` is not an array, or ``mode`` is not a
        str.
    ValueError
        When ``biases`` is missing in the ``"affine"`` mode, the shapes do not match the quantization
        parameters, or ``group_size``/``bits``/``mode`` is not supported.

    Examples
    --------
    >>> w = (mx.arange(128) % 16).astype(mx.float32).reshape(2, 64)
    >>> w_q, scales, biases = mx.quantize(w, group_size=32, bits=4)
    >>> mx.dequantize(w_q, scales, biases, group_size=32, bits=4)[:, :4]
    array([[0, 1, 2, 3],
           [0, 1, 2, 3]], dtype=float32)
    >>> w_q, scales = mx.quantize(w, mode="mxfp8")
    >>> mx.dequantize(w_q, scales, mode="mxfp8")[0, :4]
    array([0, 1, 2, 3], dtype=bfloat16)
    """

def device_count(device_type: DeviceType) -> int:
    """The number of devices of a kind.

    Parameters
    ----------
    device_type : DeviceType
        ``mx.cpu`` or ``mx.gpu``.

    Returns
    -------
    int
        1 for the CPU; the number of GPUs MLX can use (0 on a build without a GPU backend).

    Raises
    ------
    TypeError
        When ``device_type`` is not a :class:`DeviceType`.

    Examples
    --------
    >>> mx.device_count(mx.cpu)
    1
    """

def device_info(d: None | Device | DeviceType = None) -> dict[str, str | int]:
    """Facts about a device, as a dict.

    The keys depend on the backend (for the CPU, ``device_name`` and ``architecture``). The dict
    is empty for a device that is not available.

    Parameters
    ----------
    d : Device or DeviceType, optional
        The device. Default: ``None``, the default device.

    Returns
    -------
    dict
        From names (str) to values (str or int).

    Raises
    ------
    TypeError
        When ``d`` is not a :class:`Device`, a :class:`DeviceType` or ``None``.

    Examples
    --------
    >>> info = mx.device_info(mx.cpu)
    >>> isinstance(info, dict)
    True
    """

def diag(a: array, /, k: int = 0, *, stream: _StreamOrDevice = None) -> array:
    """Take a diagonal of a 2-D array, or build a 2-D array from a 1-D diagonal.

    Parameters
    ----------
    a : array
        A 2-D array to take a diagonal from, or a 1-D array to place on one.
    k : int, optional
        The diagonal: 0 the main one, positive above it, negative below it. Default: ``0``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        For 2-D input, the 1-D diagonal; for 1-D input of size ``n``, a square array of size
        ``n + abs(k)`` with zeros off the diagonal.

    Raises
    ------
    ValueError
        When ``a`` is neither 1-D nor 2-D.
    TypeError
        When ``a`` is not an array.

    Examples
    --------
    >>> mx.diag(mx.array([[1, 2], [3, 4]]))
    array([1, 4], dtype=int32)
    >>> mx.diag(mx.array([1, 2]), k=-1)
    array([[0, 0, 0],
           [1, 0, 0],
           [0, 2, 0]], dtype=int32)
    """

def diagonal(a: array, offset: int = 0, axis1: int = 0, axis2: int = 1, stream: _StreamOrDevice = None) -> array:
    """Take a diagonal of the 2-D slices of an array.

    Parameters
    ----------
    a : array
        The input array, with at least 2 dimensions.
    offset : int, optional
        The diagonal: 0 the main one, positive above it, negative below it. Default: ``0``.
    axis1 : int, optional
        The first axis of the 2-D slices (the rows). Default: ``0``.
    axis2 : int, optional
        The second axis of the 2-D slices (the columns). Default: ``1``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The diagonals: ``a`` without ``axis1`` and ``axis2``, with the diagonal as a new last axis
        (empty when ``offset`` is beyond the slices).

    Raises
    ------
    ValueError
        When ``a`` has fewer than 2 dimensions or ``axis1`` and ``axis2`` are the same axis.
    TypeError
        When ``a`` is not an array.

    Examples
    --------
    >>> a = mx.array([[1, 2], [3, 4]])
    >>> mx.diagonal(a)
    array([1, 4], dtype=int32)
    >>> mx.diagonal(a, offset=1)
    array([2], dtype=int32)
    >>> mx.diagonal(mx.zeros((4, 2, 3)), axis1=1, axis2=2).shape
    (4, 2)
    """

def diff(a: array, /, n: int = 1, axis: int = -1, *, stream: _StreamOrDevice = None) -> array:
    """The ``n``-th discrete difference along one axis.

    The first difference is ``a[1:] - a[:-1]`` along ``axis``; higher orders repeat it, so the axis
    shrinks by ``n`` (to length 0 when ``n`` exceeds it). ``n = 0`` returns ``a`` unchanged. For
    boolean arrays the difference is ``a[1:] != a[:-1]``.

    Parameters
    ----------
    a : array
        The input array, with at least one dimension. Lists and NumPy arrays are converted to an array
        first (MLX's own binding refuses them).
    n : int, optional
        How many times to take the difference. Default: ``1``.
    axis : int, optional
        The axis along which to take it. Default: ``-1``, the last one.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The differences, of the dtype of ``a``; the shape of ``a`` with ``max(0, len - n)`` along
        ``axis``.

    Raises
    ------
    ValueError
        When ``n`` is negative.
    IndexError
        When ``axis`` is out of range (also for a 0-d ``a``).

    Examples
    --------
    >>> a = mx.array([1, 4, 9, 16])
    >>> mx.diff(a)
    array([3, 5, 7], dtype=int32)
    >>> mx.diff(a, n=2)
    array([2, 2], dtype=int32)
    >>> mx.diff(mx.array([[1, 4], [9, 16]]), axis=0)
    array([[8, 12]], dtype=int32)
    """

def disable_compile() -> None:
    """Turn compilation off globally: functions made by :func:`compile` then run uncompiled.

    Returns
    -------
    None

    Examples
    --------
    >>> f = mx.compile(lambda x: x + 1)
    >>> mx.disable_compile()
    >>> f(mx.array(1))
    array(2, dtype=int32)
    >>> mx.enable_compile()
    """

def divide(a: _Scalar | array, b: _Scalar | array, *, stream: _StreamOrDevice = None) -> array:
    """Element-wise true division ``a / b``.

    ``a`` and ``b`` broadcast against each other. Their dtypes promote as usual; a Python scalar
    takes the other operand's dtype when it fits its kind (``int8`` array + 1 stays ``int8``,
    ``float16`` array * 2.5 stays ``float16``). Bool and integer operands give ``float32``. Dividing a float by zero gives ``inf`` or
    ``nan``, as IEEE arithmetic does.

    Parameters
    ----------
    a : array or scalar
        The dividend.
    b : array or scalar
        The divisor.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default
        device.

    Returns
    -------
    array
        The quotients, of the broadcast shape; a floating point (or complex) dtype.

    Raises
    ------
    ValueError
        When the shapes of ``a`` and ``b`` do not broadcast, or a Python int does not fit the
        other operand's integer dtype.

    Examples
    --------
    >>> mx.divide(mx.array([1, 2]), 4)
    array([0.25, 0.5], dtype=float32)
    >>> mx.divide(mx.array([1.0, -1.0]), 0)
    array([inf, -inf], dtype=float32)

    Notes
    -----
    The reference binding accepts only arrays and Python scalars here; mlxcy also converts lists,
    tuples and NumPy arrays (docs/differences.md).
    """

def divmod(a: _Scalar | array, b: _Scalar | array, stream: _StreamOrDevice = None) -> array:
    """Element-wise quotient and remainder of floor division, as Python's ``divmod``.

    Equivalent to ``[floor_divide(a, b), remainder(a, b)]`` computed in one op: the quotient is
    rounded toward negative infinity and the remainder takes the sign of ``b``. The inputs broadcast
    against each other and their dtypes are promoted.

    Parameters
    ----------
    a : array or scalar
        The dividend. Lists and NumPy arrays are converted to arrays too.
    b : array or scalar
        The divisor, converted likewise.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    list(array)
        ``[quotient, remainder]``, both of the broadcast shape and promoted dtype.

    Raises
    ------
    ValueError
        When the shapes do not broadcast, or an input is complex.
    ZeroDivisionError
        For integer inputs whose divisor holds 0 (see Notes).
    OverflowError
        For integer inputs dividing the type's most negative value by -1 (see Notes).

    Examples
    --------
    >>> q, r = mx.divmod(mx.array([7, -7]), 2)
    >>> q
    array([3, -4], dtype=int32)
    >>> r
    array([1, 1], dtype=int32)

    Notes
    -----
    The reference binding crashes the process on an integer division by zero; mlxcy raises
    ``ZeroDivisionError`` (``OverflowError`` for ``MIN // -1``) when the operand values are already on
    the host. Values still to be computed are not read.

    The parameters after the operands may also be passed by position (``mx.divmod(a, b, mx.cpu)``), as
    the reference's published signature lists them; MLX's own binding takes them only by keyword.
    """

def einsum(subscripts: str, *operands, stream: _StreamOrDevice = None) -> array:
    """Einstein summation of the operands, as described by ``subscripts``.

    ``subscripts`` uses NumPy's notation: one comma-separated group of letters per operand, one
    letter per axis, then optionally ``->`` and the output's letters (without it, the letters seen
    once, in alphabetical order). Letters missing from the output are summed over; ``...`` stands for
    the remaining axes. Contractions that become matrix products need floating-point operands.

    Parameters
    ----------
    subscripts : str
        The summation, e.g. ``"ij,jk->ik"``.
    *operands : array
        One array per group of letters.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The result of the summation.

    Raises
    ------
    TypeError
        When ``subscripts`` is not a str or an operand is not an array.
    ValueError
        When the subscripts do not match the number or dimensions of the operands, or a contraction
        of integer operands needs a matrix product.

    Examples
    --------
    >>> a = mx.array([[1.0, 2.0], [3.0, 4.0]])
    >>> mx.einsum("ij,jk->ik", a, a)
    array([[7, 10],
           [15, 22]], dtype=float32)
    >>> mx.einsum("ii", a)
    array(5, dtype=float32)
    >>> mx.einsum("ij->ji", mx.array([[1, 2], [3, 4]]))
    array([[1, 3],
           [2, 4]], dtype=int32)

    Notes
    -----
    An operand that is not an array is a ``TypeError`` naming it; the reference binding fails with
    ``RuntimeError: std::bad_cast``.
    """

def einsum_path(subscripts: str, *operands) -> Any:
    """The order in which :func:`einsum` would contract the operands, and its estimated cost.

    Nothing is computed: only the shapes of the operands are used.

    Parameters
    ----------
    subscripts : str
        The summation, as for :func:`einsum`.
    *operands : array
        One array per group of letters.

    Returns
    -------
    tuple(list(tuple(int, ...)), str)
        ``(path, report)``: ``path`` lists, for each step, the positions of the operands contracted
        (in the list of operands left at that step, the result appended last); ``report`` is a
        readable summary with the naive and optimized scaling and FLOP counts.

    Raises
    ------
    TypeError
        When ``subscripts`` is not a str or an operand is not an array.
    ValueError
        When the subscripts do not match the number or dimensions of the operands.

    Examples
    --------
    >>> a = mx.ones((2, 2))
    >>> path, report = mx.einsum_path("ij,jk,kl->il", a, a, a)
    >>> path
    [(0, 1), (0, 1)]
    >>> print(report.splitlines()[0].strip())
    Complete contraction:  ij,jk,kl->il

    Notes
    -----
    An operand that is not an array is a ``TypeError`` naming it; the reference binding fails with
    ``RuntimeError: std::bad_cast``.
    """

def empty(shape: int | Sequence[int], dtype: Dtype | None = float32, *, stream: _StreamOrDevice = None) -> array:
    """An array of the given shape and dtype whose values are not meant to be read.

    Use it for a buffer that is written before it is read. In this version the values are zeros, as
    :func:`zeros` gives.

    Parameters
    ----------
    shape : int or list(int)
        The shape of the result; an int makes a 1-D array.
    dtype : Dtype, optional
        The dtype of the result. Default: ``float32`` (``None`` also means float32).
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The new array.

    Raises
    ------
    ValueError
        When a dimension is negative.
    RuntimeError
        When ``shape`` is not an int or a sequence of ints (``None``: ``TypeError``).

    Examples
    --------
    >>> e = mx.empty((2, 3), mx.int32)
    >>> e.shape, e.dtype
    ((2, 3), mlx.core.int32)

    Notes
    -----
    A result too large to allocate raises ``MemoryError`` in mlxcy when the op is called (the
    reference crashes when it is evaluated).
    """

def empty_like(a: array, /, dtype: Dtype | None = None, *, stream: _StreamOrDevice = None) -> array:
    """An array with the shape and dtype of ``a`` whose values are not meant to be read.

    In this version the values are zeros, as :func:`zeros_like` gives.

    Parameters
    ----------
    a : array
        The array whose shape (and dtype) to use.
    dtype : Dtype, optional
        The dtype of the result. Default: ``None``, the dtype of ``a``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The new array.

    Raises
    ------
    TypeError
        When ``a`` is not an array.

    Examples
    --------
    >>> e = mx.empty_like(mx.array([[1, 2], [3, 4]]), mx.float16)
    >>> e.shape, e.dtype
    ((2, 2), mlx.core.float16)
    """

def enable_compile() -> None:
    """Turn compilation back on globally, also when ``MLX_DISABLE_COMPILE`` is set.

    Returns
    -------
    None

    Examples
    --------
    >>> mx.disable_compile()
    >>> mx.enable_compile()
    >>> mx.compile(lambda x: x * 2)(mx.array(3))
    array(6, dtype=int32)
    """

def equal(a: _Scalar | array, b: _Scalar | array, *, stream: _StreamOrDevice = None) -> array:
    """Element-wise comparison ``a == b``.

    ``a`` and ``b`` broadcast against each other and are compared in their promoted dtype (a Python
    scalar takes the other operand's dtype when it fits its kind). NaN equals nothing, itself included.

    Parameters
    ----------
    a : array or scalar
        The first operand.
    b : array or scalar
        The second operand.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default
        device.

    Returns
    -------
    array
        A ``bool`` array of the broadcast shape: whether ``a`` equals ``b``.

    Raises
    ------
    ValueError
        When the shapes of ``a`` and ``b`` do not broadcast, or a Python int does not fit the
        other operand's integer dtype.

    Examples
    --------
    >>> mx.equal(mx.array([1, 2]), mx.array([1, 3]))
    array([True, False], dtype=bool)
    >>> mx.equal(mx.array([1.0, float('nan')]), mx.array([1.0, float('nan')]))
    array([True, False], dtype=bool)

    Notes
    -----
    The reference binding accepts only arrays and Python scalars here; mlxcy also converts lists,
    tuples and NumPy arrays (docs/differences.md).
    """

def erf(a: array, /, *, stream: _StreamOrDevice = None) -> array:
    """Element-wise Gauss error function, ``2 / sqrt(pi)`` times the integral of ``exp(-t**2)`` from 0
    to ``a``.

    Floating-point inputs keep their dtype; boolean and integer inputs give float32.

    Parameters
    ----------
    a : array
        The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
        own binding refuses lists).
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        ``erf`` of each element, in ``[-1, 1]``, same shape as ``a``.

    Raises
    ------
    ValueError
        When ``a`` is complex.

    Examples
    --------
    >>> mx.erf(mx.array([1.0, -1.0]))
    array([0.842701, -0.842701], dtype=float32)
    """

def erfinv(a: array, /, *, stream: _StreamOrDevice = None) -> array:
    """Element-wise inverse of the error function :func:`erf`.

    Floating-point inputs keep their dtype; boolean and integer inputs give float32. 1 and -1 give
    infinities, inputs outside ``[-1, 1]`` NaN.

    Parameters
    ----------
    a : array
        The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
        own binding refuses lists).
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The value whose error function is each element, same shape as ``a``.

    Raises
    ------
    ValueError
        When ``a`` is complex.

    Examples
    --------
    >>> mx.erfinv(mx.array([0.0]))
    array([0], dtype=float32)
    """

def eval(*args) -> None:
    """Compute the given arrays now.

    Arrays record operations lazily; ``eval`` runs what is needed to give every array found in
    ``args`` its values, and returns when they are ready. Lists, tuples and dicts are searched
    (nested too); other values are ignored. The GIL is released while MLX computes.

    Parameters
    ----------
    *args : array, or list, tuple or dict of them
        The arrays to evaluate.

    Returns
    -------
    None

    Examples
    --------
    >>> a = mx.array([1, 2]) + 1
    >>> mx.eval(a, {"twice": [a * 2]}, "ignored")
    >>> a
    array([2, 3], dtype=int32)
    """

def exp(a: array, /, *, stream: _StreamOrDevice = None) -> array:
    """Element-wise natural exponential, ``e ** a``.

    Floating-point and complex inputs keep their dtype; boolean and integer inputs give float32.

    Parameters
    ----------
    a : array
        The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
        own binding refuses lists).
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The exponential of each element, same shape as ``a``.

    Examples
    --------
    >>> mx.exp(mx.array([0.0, 1.0]))
    array([1, 2.71828], dtype=float32)
    >>> mx.exp(mx.array([0, 1])).dtype
    mlx.core.float32
    """

def expand_dims(a: array, /, axis: int | Sequence[int], *, stream: _StreamOrDevice = None) -> array:
    """Insert axes of size 1.

    Parameters
    ----------
    a : array
        The input array.
    axis : int or list(int)
        The positions of the new axes in the result (negative counts from the end of the result).
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The array with ``len(axis)`` more dimensions.

    Raises
    ------
    IndexError
        When a position is out of range for the result.
    ValueError
        When a position is given twice.
    TypeError
        When ``a`` is not an array.

    Examples
    --------
    >>> a = mx.zeros((2, 3))
    >>> mx.expand_dims(a, 0).shape
    (1, 2, 3)
    >>> mx.expand_dims(a, (0, -1)).shape
    (1, 2, 3, 1)
    """

def expm1(a: array, /, *, stream: _StreamOrDevice = None) -> array:
    """Element-wise ``exp(a) - 1``, accurate also for ``a`` close to zero.

    Floating-point inputs keep their dtype; boolean and integer inputs give float32.

    Parameters
    ----------
    a : array
        The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
        own binding refuses lists).
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        ``exp(a) - 1`` for each element, same shape as ``a``.

    Raises
    ------
    ValueError
        When ``a`` is complex.

    Examples
    --------
    >>> mx.expm1(mx.array([0.0]))
    array([0], dtype=float32)
    """

def export_function(file_or_callback: str | Callable, fun: Callable, *args, shapeless: bool = False, metadata: str | None = None, **kwargs) -> None:
    """Trace ``fun`` on example inputs and export its graph to a file (or to a callback).

    The exported function is read back with :func:`import_function` and can run without the
    Python code of ``fun``. It must then be called with arguments of the same structure, and the
    same shapes unless ``shapeless``.

    Parameters
    ----------
    file_or_callback : str, pathlib.Path or callable
        The file to write (``.mlxfn`` by convention), or a function receiving the parts of the
        traced graph, one dict at a time.
    fun : callable
        The function to export; it returns an array or a tuple or list of arrays.
    *args : array
        Example positional inputs (or one tuple of arrays and/or one dict of arrays).
    shapeless : bool, optional
        Let the exported function accept inputs of other shapes. Default: ``False``.
    metadata : str, optional
        A string stored with the function (files only), returned by
        ``import_function(..., return_metadata=True)``. Default: ``None``.
    **kwargs : array
        Example keyword inputs.

    Returns
    -------
    None

    Raises
    ------
    TypeError
        When ``fun`` is not callable.
    ValueError
        When the inputs are not arrays as described, or ``fun`` returns something else.

    Examples
    --------
    >>> import os, tempfile
    >>> path = os.path.join(tempfile.mkdtemp(), "add.mlxfn")
    >>> mx.export_function(path, lambda x, y: x + y, mx.array([1.0]), mx.array([2.0]))
    >>> add = mx.import_function(path)
    >>> add(mx.array([3.0]), mx.array([4.0]))
    (array([7], dtype=float32),)
    """

def export_to_dot(file: object, *args, **kwargs) -> None:
    """Write the graph that computes the given arrays in Graphviz DOT format.

    Parameters
    ----------
    file : str, pathlib.Path or text file object
        Where to write.
    *args : array or tree of arrays
        The arrays whose graph is drawn.
    **kwargs : array
        More arrays, labelled with their keyword's name.

    Returns
    -------
    None

    Raises
    ------
    RuntimeError
        When a keyword argument is not a single array.
    ValueError
        When a positional argument holds something other than arrays.

    Examples
    --------
    >>> import io
    >>> x = mx.array(1.0)
    >>> out = io.StringIO()
    >>> mx.export_to_dot(out, result=mx.exp(x) + x)
    >>> text = out.getvalue()
    >>> text.startswith("digraph"), "Exp" in text, "result" in text
    (True, True, True)
    """

def exporter(file: str, fun: Callable, *, shapeless: bool = False, metadata: str | None = None) -> FunctionExporter:
    """Make a :class:`FunctionExporter` that writes several traces of ``fun`` to one file.

    Call the exporter with example inputs once per trace wanted (different shapes or argument
    structures), then close it, or use it as a context manager.

    Parameters
    ----------
    file : str, pathlib.Path or callable
        The file to write, or a function receiving the parts of each trace.
    fun : callable
        The function to export.
    shapeless : bool, optional
        Let the traces accept inputs of other shapes. Default: ``False``.
    metadata : str, optional
        A string stored with the function (files only). Default: ``None``.

    Returns
    -------
    FunctionExporter
        The exporter.

    Raises
    ------
    TypeError
        When ``fun`` is not callable.

    Examples
    --------
    >>> import os, tempfile
    >>> path = os.path.join(tempfile.mkdtemp(), "inc.mlxfn")
    >>> with mx.exporter(path, lambda x: x + 1) as export:
    ...     export(mx.array([1]))
    ...     export(mx.array([1, 2]))
    >>> mx.import_function(path)(mx.array([5, 6]))
    (array([6, 7], dtype=int32),)
    """

def eye(n: int, m: int | None = None, k: int = 0, dtype: Dtype | None = float32, *, stream: _StreamOrDevice = None) -> array:
    """A 2-D array with ones on one diagonal and zeros elsewhere.

    Parameters
    ----------
    n : int
        The number of rows.
    m : int, optional
        The number of columns. Default: ``None``, ``n``.
    k : int, optional
        The diagonal: 0 the main one, positive above it, negative below it. Default: ``0``.
    dtype : Dtype, optional
        The dtype of the result. Default: ``float32``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        An ``n`` x ``m`` array.

    Raises
    ------
    ValueError
        When ``n`` or ``m`` is negative.

    Examples
    --------
    >>> mx.eye(2)
    array([[1, 0],
           [0, 1]], dtype=float32)
    >>> mx.eye(2, 3, k=1, dtype=mx.int32)
    array([[0, 1, 0],
           [0, 0, 1]], dtype=int32)

    Notes
    -----
    A result too large to allocate raises ``MemoryError`` in mlxcy when the op is called (the
    reference crashes when it is evaluated).
    """

def flatten(a: array, /, start_axis: int = 0, end_axis: int = -1, *, stream: _StreamOrDevice = None) -> array:
    """Merge a range of consecutive axes into one.

    Parameters
    ----------
    a : array
        The input array.
    start_axis : int, optional
        The first axis to merge. Default: ``0``.
    end_axis : int, optional
        The last axis to merge, included. Default: ``-1``, the last axis.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The array with axes ``start_axis`` to ``end_axis`` replaced by one axis of their total size
        (a 0-d array gives shape ``(1,)``).

    Raises
    ------
    ValueError
        When ``start_axis`` comes after ``end_axis`` (after negative axes are resolved).
    TypeError
        When ``a`` is not an array.

    Examples
    --------
    >>> a = mx.zeros((2, 3, 4))
    >>> mx.flatten(a).shape
    (24,)
    >>> mx.flatten(a, start_axis=1).shape
    (2, 12)
    >>> mx.flatten(a, 0, 1).shape
    (6, 4)
    """

def flip(a: array, /, axis: None | int | Sequence[int] = None, *, stream: _StreamOrDevice = None) -> array:
    """Reverse the order of the elements along axes.

    Parameters
    ----------
    a : array
        The input array.
    axis : int or list(int), optional
        The axes to reverse. Default: ``None``, every axis.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The flipped array, with the shape and dtype of ``a``.

    Raises
    ------
    IndexError
        When an axis is out of range.
    TypeError
        When ``a`` is not an array.

    Examples
    --------
    >>> a = mx.array([[1, 2], [3, 4]])
    >>> mx.flip(a)
    array([[4, 3],
           [2, 1]], dtype=int32)
    >>> mx.flip(a, axis=1)
    array([[2, 1],
           [4, 3]], dtype=int32)
    """

def floor(a: array, /, *, stream: _StreamOrDevice = None) -> array:
    """Element-wise floor: the largest integer not above each element.

    Parameters
    ----------
    a : array
        The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
        own binding refuses lists).
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        Same shape and dtype as ``a`` (integer and boolean arrays come back unchanged).

    Raises
    ------
    ValueError
        When ``a`` is complex.

    Examples
    --------
    >>> mx.floor(mx.array([1.5, -1.5, 2.0]))
    array([1, -2, 2], dtype=float32)
    """

def floor_divide(a: _Scalar | array, b: _Scalar | array, *, stream: _StreamOrDevice = None) -> array:
    """Element-wise floor division ``a // b``: the quotient rounded toward minus infinity.

    ``a`` and ``b`` broadcast against each other. Their dtypes promote as usual; a Python scalar
    takes the other operand's dtype when it fits its kind (``int8`` array + 1 stays ``int8``,
    ``float16`` array * 2.5 stays ``float16``). For floats the result is ``floor(a / b)``. An integer divided by zero gives 0.

    Parameters
    ----------
    a : array or scalar
        The dividend.
    b : array or scalar
        The divisor.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default
        device.

    Returns
    -------
    array
        The quotients, of the broadcast shape and promoted dtype.

    Raises
    ------
    ValueError
        When the shapes of ``a`` and ``b`` do not broadcast, or a Python int does not fit the
        other operand's integer dtype.
    OverflowError
        When an integer type's most negative value is divided by -1 (values already on the host).

    Examples
    --------
    >>> mx.floor_divide(mx.array([7, -7]), 2)
    array([3, -4], dtype=int32)
    >>> mx.floor_divide(mx.array([7.5, -7.5]), 2)
    array([3, -4], dtype=float32)

    Notes
    -----
    The reference binding crashes (SIGFPE) on the most negative integer divided by -1, and accepts
    only arrays and Python scalars; mlxcy raises ``OverflowError`` and also converts lists, tuples
    and NumPy arrays (docs/differences.md).
    """

def from_dlpack(x: Any, /, *, copy: bool | None = None) -> array:
    """Make an array from an object that implements the DLPack protocol.

    Reads the DLPack tensor ``x`` exports through ``__dlpack__`` (a NumPy array, a PyTorch or JAX
    tensor, another array). Host memory is shared where dtype and layout allow; float64 tensors
    become float32, as in :func:`array`.

    Parameters
    ----------
    x : object
        An object with ``__dlpack__`` and ``__dlpack_device__`` methods.
    copy : bool, optional
        ``True`` always copies; ``False`` never copies and raises when a copy is needed; ``None``
        copies only when sharing is impossible. Default: ``None``.

    Returns
    -------
    array
        The tensor's values.

    Raises
    ------
    TypeError
        When ``x`` has no ``__dlpack__`` method, or ``copy`` is not a bool or ``None``.
    ValueError
        When ``copy=False`` and a copy is needed (a float64 tensor, which becomes float32).

    Examples
    --------
    >>> mx.from_dlpack(np.arange(3))
    array([0, 1, 2], dtype=int64)
    >>> mx.from_dlpack(np.array([0.5, 1.5])).dtype
    mlx.core.float32

    Notes
    -----
    The reference binding raises ``ValueError`` for ``copy=False`` with any CPU tensor; mlxcy shares
    the memory instead, and on the CUDA backend also imports CUDA tensors (docs/differences.md,
    docs/zero-copy.md).
    """

def from_fp8(x: array, dtype: Dtype = bfloat16, *, stream: _StreamOrDevice = None) -> array:
    """Decode 8-bit floats (E4M3), stored as uint8, into a floating-point dtype.

    The inverse of :func:`to_fp8`.

    Parameters
    ----------
    x : array
        The encoded bytes, uint8.
    dtype : Dtype, optional
        The real floating-point dtype of the result. Default: ``bfloat16``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The decoded values, same shape as ``x``.

    Raises
    ------
    TypeError
        When ``x`` is not an array.
    ValueError
        When ``x`` is not uint8 or ``dtype`` is not a real floating-point dtype.

    Examples
    --------
    >>> b = mx.to_fp8(mx.array([1.0, 0.5, -2.0, 3.3]))
    >>> mx.from_fp8(b)
    array([1, 0.5, -2, 3.25], dtype=bfloat16)
    >>> mx.from_fp8(b, mx.float32)
    array([1, 0.5, -2, 3.25], dtype=float32)
    """

def full(shape: int | Sequence[int], vals: _Scalar | array, dtype: Dtype | None = None, *, stream: _StreamOrDevice = None) -> array:
    """An array of the given shape filled with ``vals``.

    ``vals`` is broadcast to ``shape``. Without ``dtype`` the result has the dtype of ``vals`` (a
    Python int gives int32, a float float32, a bool bool). With ``dtype``, a Python scalar is
    combined with ``dtype`` the way a scalar operand is combined with an array of that dtype: an int
    takes an integer or floating ``dtype`` (but gives int32 for bool), a float takes a floating
    ``dtype`` (but gives float32 for an integer or bool ``dtype``). See Notes for array ``vals``.

    Parameters
    ----------
    shape : int or list(int)
        The shape of the result; an int makes a 1-D array.
    vals : scalar or array
        The fill value, or an array that broadcasts to ``shape``.
    dtype : Dtype, optional
        The dtype to fill with, combined with a scalar ``vals`` as described above. Default:
        ``None``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The filled array of shape ``shape``.

    Raises
    ------
    ValueError
        When ``vals`` does not broadcast to ``shape``, ``vals`` is a list or tuple, a Python int
        does not fit ``dtype``, or a dimension is negative.
    RuntimeError
        When ``shape`` is not an int or a sequence of ints (``None``: ``TypeError``).

    Examples
    --------
    >>> mx.full((2, 2), 7)
    array([[7, 7],
           [7, 7]], dtype=int32)
    >>> mx.full(3, 2, mx.float16)
    array([2, 2, 2], dtype=float16)
    >>> mx.full((2, 2), mx.array([1, 2]))
    array([[1, 2],
           [1, 2]], dtype=int32)
    >>> mx.full(2, 3.5, mx.int32)
    array([3.5, 3.5], dtype=float32)

    Notes
    -----
    An array ``vals`` keeps its own dtype whatever ``dtype`` says (``full(2, mx.array(1, mx.int8),
    mx.float32)`` is int8), as in the reference; use ``astype`` to convert it. A result too large to
    allocate raises ``MemoryError`` in mlxcy when the op is called (the reference crashes when it is
    evaluated).
    """

def full_like(a: array, vals: _Scalar | array, dtype: Dtype | None = None, *, stream: _StreamOrDevice = None) -> array:
    """An array with the shape and dtype of ``a`` filled with ``vals``.

    Unlike :func:`full`, the value is cast to the result's dtype (``a``'s unless ``dtype`` is given),
    so ``3.5`` fills an int32 array with 3. An array ``vals`` broadcasts with the shape of ``a``.

    Parameters
    ----------
    a : array
        The array whose shape (and dtype) to use.
    vals : scalar or array
        The fill value, or an array that broadcasts with ``a``'s shape.
    dtype : Dtype, optional
        The dtype of the result. Default: ``None``, the dtype of ``a``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The filled array.

    Raises
    ------
    TypeError
        When ``a`` is not an array.
    ValueError
        When ``vals`` is a list or tuple, does not broadcast, or is a Python int that does not fit
        the dtype.

    Examples
    --------
    >>> a = mx.array([1, 2])
    >>> mx.full_like(a, 3.5)
    array([3, 3], dtype=int32)
    >>> mx.full_like(a, 3.5, mx.float32)
    array([3.5, 3.5], dtype=float32)
    """

def gather_mm(a: array, b: array, /, lhs_indices: array | None = None, rhs_indices: array | None = None, *, sorted_indices: bool = False, stream: _StreamOrDevice = None) -> array:
    """Matrix products of matrices picked from the batches of ``a`` and ``b`` by index arrays.

    ``a`` has shape ``(..., M, K)`` and ``b`` ``(..., K, N)``. ``lhs_indices`` index the batch of
    ``a`` as if its batch dimensions were flattened, and ``rhs_indices`` that of ``b``; the two index
    arrays broadcast against each other, and the output holds one ``M x N`` product per index. A
    missing index array stands for every batch entry in order. Only real floating-point inputs are
    supported.

    Parameters
    ----------
    a : array
        The left matrices, shape ``(..., M, K)``.
    b : array
        The right matrices, shape ``(..., K, N)``.
    lhs_indices : array, optional
        Integer indices into the flattened batch of ``a``. Default: ``None``.
    rhs_indices : array, optional
        Integer indices into the flattened batch of ``b``. Default: ``None``.
    sorted_indices : bool, optional
        Promise that the indices are sorted, which may allow a faster kernel. Default: ``False``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        Shape ``broadcast(lhs_indices, rhs_indices).shape + (M, N)``.

    Raises
    ------
    TypeError
        When an operand is not an array (or ``None`` for the indices), or ``sorted_indices`` is not a
        bool.
    ValueError
        When the shapes do not match, the indices are not integers, or the inputs are not real
        floating-point.
    IndexError
        When an index value is out of range (see Notes).

    Examples
    --------
    >>> a = mx.stack([mx.eye(2), 2 * mx.eye(2), 3 * mx.eye(2)])
    >>> b = mx.array([[[1.0, 2.0], [3.0, 4.0]]])
    >>> mx.gather_mm(a, b, lhs_indices=mx.array([2, 0]), rhs_indices=mx.array([0, 0]))
    array([[[3, 6],
            [9, 12]],
           [[1, 2],
            [3, 4]]], dtype=float32)

    Notes
    -----
    The reference binding reads outside the operands for out-of-range indices; mlxcy raises
    ``IndexError`` when the index values are already on the host (arrays made from lists or NumPy
    arrays, or evaluated arrays). Indices still to be computed are not checked.
    """

def gather_qmm(x: array, w: array, /, scales: array, biases: array | None = None, lhs_indices: array | None = None, rhs_indices: array | None = None, transpose: bool = True, group_size: int | None = None, bits: int | None = None, mode: str = 'affine', global_scale: array | None = None, *, sorted_indices: bool = False, stream: _StreamOrDevice = None) -> array:
    """:func:`quantized_matmul` of matrices picked from the batches of ``x`` and ``w`` by index arrays,
    as :func:`gather_mm` does for unquantized matrices.

    ``lhs_indices`` index the batch of ``x`` (its batch dimensions flattened) and ``rhs_indices`` that
    of the quantized ``w`` (with ``scales`` and ``biases``); the index arrays broadcast against each
    other. A missing index array stands for every batch entry in order.

    Parameters
    ----------
    x : array
        The left matrices, floating-point.
    w : array
        The quantized matrices (uint32), as returned by :func:`quantize`.
    scales : array
        The scales of ``w``.
    biases : array, optional
        The biases of ``w``: required for ``"affine"``. Default: ``None``.
    lhs_indices : array, optional
        Integer indices into the flattened batch of ``x``. Default: ``None``.
    rhs_indices : array, optional
        Integer indices into the flattened batch of ``w``. Default: ``None``.
    transpose : bool, optional
        Whether to multiply by the transpose of the dequantized ``w``. Default: ``True``.
    group_size : int, optional
        Elements per group. Default: ``None``, the mode's default (as in :func:`quantize`).
    bits : int, optional
        Bits per element. Default: ``None``, the mode's default.
    mode : str, optional
        ``"affine"``, ``"mxfp4"``, ``"mxfp8"`` or ``"nvfp4"``. Default: ``"affine"``.
    global_scale : array, optional
        The scalar scale of ``w`` (``"nvfp4"`` only). Default: ``None``.
    sorted_indices : bool, optional
        Promise that the indices are sorted, which may allow a faster kernel. Default: ``False``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        One product per index: shape ``broadcast(lhs_indices, rhs_indices).shape + (M, N)``.

    Raises
    ------
    TypeError
        When an operand is not an array (or ``None`` where allowed), or a flag is not a bool.
    ValueError
        When ``biases`` is missing in the ``"affine"`` mode, the shapes do not match the quantization
        parameters, or the indices are not integers.
    IndexError
        When an index value is out of range and already on the host (see :func:`gather_mm`).

    Examples
    --------
    >>> w = (mx.arange(128) % 16).astype(mx.float32).reshape(2, 64)
    >>> W_q, S, B = mx.quantize(mx.stack([w, 2 * w]), group_size=32, bits=4)
    >>> x = mx.ones((1, 64))
    >>> mx.gather_qmm(x, W_q, S, B, rhs_indices=mx.array([1, 0]), group_size=32, bits=4)
    array([[[960, 960]],
           [[480, 480]]], dtype=float32)

    Notes
    -----
    A ``group_size`` or ``bits`` of 0 can crash the reference binding (floating point exception);
    mlxcy raises ``ValueError`` for any value below 1.
    """

def gather_qqmm(x: array, w: array, /, scales: array | None = None, lhs_indices: array | None = None, rhs_indices: array | None = None, group_size: int | None = None, bits: int | None = None, mode: str = 'nvfp4', global_scale_x: array | None = None, global_scale_w: array | None = None, *, sorted_indices: bool = False, stream: _StreamOrDevice = None) -> array:
    """:func:`qqmm` of matrices picked from the batches of ``x`` and ``w`` by index arrays, as
    :func:`gather_mm` does for unquantized matrices.

    Parameters
    ----------
    x : array
        The left matrices, floating-point.
    w : array
        The right matrices, floating-point, or their quantized form (uint32).
    scales : array, optional
        The scales of a quantized ``w``. Default: ``None``, ``w`` is not quantized.
    lhs_indices : array, optional
        Integer indices into the flattened batch of ``x``. Default: ``None``.
    rhs_indices : array, optional
        Integer indices into the flattened batch of ``w``. Default: ``None``.
    group_size : int, optional
        Elements per group. Default: ``None``, the mode's default (as in :func:`quantize`).
    bits : int, optional
        Bits per element. Default: ``None``, the mode's default.
    mode : str, optional
        ``"nvfp4"`` or ``"mxfp8"``. Default: ``"nvfp4"``.
    global_scale_x : array, optional
        A scalar scale for ``x`` (``"nvfp4"`` only). Default: ``None``.
    global_scale_w : array, optional
        A scalar scale for ``w`` (``"nvfp4"`` only). Default: ``None``.
    sorted_indices : bool, optional
        Promise that the indices are sorted, which may allow a faster kernel. Default: ``False``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        One product per index: shape ``broadcast(lhs_indices, rhs_indices).shape + (M, N)``.

    Raises
    ------
    TypeError
        When an operand is not an array (or ``None`` where allowed), or a flag is not a bool.
    ValueError
        When ``w`` is quantized but ``scales`` is missing, or the shapes do not match; on the GPU also
        for the ``"affine"`` mode and when the last axis of ``x`` is not a multiple of the group size.
    RuntimeError
        When the backend does not implement it (the CPU does not).

    Examples
    --------
    >>> x = mx.ones((1, 64))
    >>> w_q, scales = mx.quantize(mx.ones((2, 64)), mode="nvfp4")
    >>> mx.gather_qqmm(x, w_q)
    Traceback (most recent call last):
        ...
    ValueError: [gather_qqmm] Scales must be provided if second argument is quantized.

    Notes
    -----
    The reference binding crashes (segmentation fault) when ``w`` is quantized and ``scales`` is
    missing; mlxcy raises ``ValueError``.

    A ``group_size`` or ``bits`` of 0 or below is a ``ValueError`` here; the reference binding crashes
    on them (floating point exception). On the GPU, libmlx's kernel faults (an illegal memory access
    that leaves the CUDA context unusable) in the ``"affine"`` mode and for an ``x`` whose last axis
    is not a whole number of groups; mlxcy raises ``ValueError`` for those.
    """

def get_active_memory() -> int:
    """The memory held by live arrays, in bytes.

    Counts the buffers of arrays still referenced; freed buffers kept for reuse are counted by
    :func:`get_cache_memory` instead.

    Returns
    -------
    int

    Examples
    --------
    >>> n = mx.get_active_memory()
    >>> isinstance(n, int) and n >= 0
    True
    """

def get_array_buffer_size(*args) -> int:
    """The total size of the buffers behind the given arrays, in bytes.

    Each buffer counts once, however many of the arrays share it; the size is that of the
    allocation, which may be rounded up from ``nbytes``. Lists, tuples and dicts are searched
    (nested too); other values are ignored.

    Parameters
    ----------
    *args : array, or list, tuple or dict of them
        Evaluated arrays.

    Returns
    -------
    int

    Raises
    ------
    ValueError
        When an array has not been evaluated.

    Examples
    --------
    >>> a = mx.zeros((1024,))
    >>> mx.eval(a)
    >>> mx.get_array_buffer_size(a, [a]) >= a.nbytes
    True
    >>> mx.get_array_buffer_size()
    0
    """

def get_cache_memory() -> int:
    """The memory in MLX's buffer cache, in bytes.

    Buffers of freed arrays are kept for reuse rather than returned to the system, up to the cache
    limit (:func:`set_cache_limit`); :func:`clear_cache` returns them.

    Returns
    -------
    int

    Examples
    --------
    >>> mx.clear_cache()
    >>> mx.get_cache_memory()
    0
    """

def get_memory_limit() -> int:
    """The memory limit set with :func:`set_memory_limit`, in bytes.

    Returns
    -------
    int

    Examples
    --------
    >>> mx.get_memory_limit() > 0
    True
    """

def get_peak_memory() -> int:
    """The largest active memory seen, in bytes.

    Since the start of the process or the last :func:`reset_peak_memory`.

    Returns
    -------
    int

    Examples
    --------
    >>> mx.reset_peak_memory()
    >>> a = mx.zeros((1024,))
    >>> mx.eval(a)
    >>> mx.get_peak_memory() >= a.nbytes
    True
    """

def get_printoptions() -> PrintOptions:
    """The options arrays print with now.

    Returns
    -------
    PrintOptions
        A new object holding the current ``precision``; changing it changes nothing.

    Examples
    --------
    >>> mx.get_printoptions().precision
    -1
    """

def grad(fun: Callable[..., Any], argnums: int | Sequence[int] | None = None, argnames: str | Sequence[str] = ()) -> Callable[..., Any]:
    """Make a function that returns the gradient of ``fun``.

    ``fun`` must return a scalar array (to return more, use :func:`value_and_grad`). The
    gradient is taken with respect to the arguments picked by
    ``argnums`` and ``argnames``; each picked argument may be an array or a tree (list, tuple,
    dict) of arrays, and its gradient has the same structure.

    Parameters
    ----------
    fun : callable
        The function to differentiate.
    argnums : int or sequence of int, optional
        Positional arguments to differentiate with respect to. Default: ``None``, meaning
        argument 0 unless ``argnames`` is given, in which case no positional argument.
    argnames : str or sequence of str, optional
        Keyword arguments to differentiate with respect to. Default: ``()``.

    Returns
    -------
    callable
        A function with the arguments of ``fun`` returning the gradients: one tree for a single
        ``argnums``, a tuple of them for several, and ``(positional, {name: gradient})`` when
        ``argnames`` is given (the positional part is ``None`` when ``argnums`` picks none).

    Raises
    ------
    TypeError
        When ``fun`` is not callable.
    ValueError
        When called: if ``fun`` returns anything but a scalar array (a tuple too), or
        ``argnums`` names a missing argument, or a picked argument holds something other than
        arrays.

    Examples
    --------
    >>> df = mx.grad(lambda x: (x * x).sum())
    >>> df(mx.array([1.0, 2.0]))
    array([2, 4], dtype=float32)
    >>> mx.grad(lambda x, y: x * y, argnums=(0, 1))(mx.array(2.0), mx.array(3.0))
    (array(3, dtype=float32), array(2, dtype=float32))

    Notes
    -----
    The returned callable has ``__wrapped__``, ``__name__`` and ``__doc__`` of ``fun``, and
    lists and dicts passed to it get their own arrays back after the call, also when ``fun``
    raises (see docs/differences.md).
    """

def greater(a: _Scalar | array, b: _Scalar | array, *, stream: _StreamOrDevice = None) -> array:
    """Element-wise comparison ``a > b``.

    ``a`` and ``b`` broadcast against each other and are compared in their promoted dtype (a Python
    scalar takes the other operand's dtype when it fits its kind).

    Parameters
    ----------
    a : array or scalar
        The first operand.
    b : array or scalar
        The second operand.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default
        device.

    Returns
    -------
    array
        A ``bool`` array of the broadcast shape: whether ``a`` is greater than ``b``.

    Raises
    ------
    ValueError
        When the shapes of ``a`` and ``b`` do not broadcast, or a Python int does not fit the
        other operand's integer dtype.

    Examples
    --------
    >>> mx.greater(mx.array([1, 2, 3]), 2)
    array([False, False, True], dtype=bool)

    Notes
    -----
    The reference binding accepts only arrays and Python scalars here; mlxcy also converts lists,
    tuples and NumPy arrays (docs/differences.md).
    """

def greater_equal(a: _Scalar | array, b: _Scalar | array, *, stream: _StreamOrDevice = None) -> array:
    """Element-wise comparison ``a >= b``.

    ``a`` and ``b`` broadcast against each other and are compared in their promoted dtype (a Python
    scalar takes the other operand's dtype when it fits its kind).

    Parameters
    ----------
    a : array or scalar
        The first operand.
    b : array or scalar
        The second operand.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default
        device.

    Returns
    -------
    array
        A ``bool`` array of the broadcast shape: whether ``a`` is greater than or equal to ``b``.

    Raises
    ------
    ValueError
        When the shapes of ``a`` and ``b`` do not broadcast, or a Python int does not fit the
        other operand's integer dtype.

    Examples
    --------
    >>> mx.greater_equal(mx.array([1, 2, 3]), 2)
    array([False, True, True], dtype=bool)

    Notes
    -----
    The reference binding accepts only arrays and Python scalars here; mlxcy also converts lists,
    tuples and NumPy arrays (docs/differences.md).
    """

def hadamard_transform(a: array, scale: float | None = None, stream: _StreamOrDevice = None) -> array:
    """Walsh-Hadamard transform along the last axis, times ``scale``.

    The length ``n`` of the last axis must be ``m * 2**k`` with ``m`` one of 1, 12, 20 or 28.
    Floating-point inputs keep their dtype; integer and boolean inputs give float32.

    Parameters
    ----------
    a : array
        The input array.
    scale : float, optional
        The factor applied to the result. Default: ``None``, ``1 / sqrt(n)``, which makes the
        transform orthonormal.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The transform, same shape as ``a``.

    Raises
    ------
    TypeError
        When ``a`` is not an array.
    ValueError
        When the length of the last axis is not supported.

    Examples
    --------
    >>> mx.hadamard_transform(mx.array([1.0, 1.0, 1.0, 1.0]))
    array([2, 0, 0, 0], dtype=float32)
    >>> mx.hadamard_transform(mx.array([1, 2, 3, 4]), scale=1.0)
    array([10, -2, -4, 0], dtype=float32)

    Notes
    -----
    The parameters after the operands may also be passed by position (``mx.hadamard_transform(a, 1.0,
    mx.cpu)``), as the reference's published signature lists them; MLX's own binding takes them only by
    keyword.
    """

def hamming(M: int, *, stream: _StreamOrDevice = None) -> array:
    """The Hamming window.

    A raised cosine, ``0.54 - 0.46 cos(2 pi n / (M - 1))``, which does not reach 0 at the ends.

    Parameters
    ----------
    M : int
        The number of points (0 or less gives an empty array, 1 gives ``[1]``).
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        A 1-D float32 array of ``M`` values.

    Examples
    --------
    >>> mx.allclose(mx.hamming(5), mx.array([0.08, 0.54, 1.0, 0.54, 0.08]), atol=1e-6)
    array(True, dtype=bool)
    """

def hanning(M: int, *, stream: _StreamOrDevice = None) -> array:
    """The Hann window.

    A raised cosine, ``0.5 - 0.5 cos(2 pi n / (M - 1))``, 0 at both ends and 1 in the middle.

    Parameters
    ----------
    M : int
        The number of points (0 or less gives an empty array, 1 gives ``[1]``).
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        A 1-D float32 array of ``M`` values.

    Examples
    --------
    >>> mx.allclose(mx.hanning(5), mx.array([0.0, 0.5, 1.0, 0.5, 0.0]), atol=1e-6)
    array(True, dtype=bool)
    """

def identity(n: int, dtype: Dtype | None = float32, *, stream: _StreamOrDevice = None) -> array:
    """The square identity matrix.

    Parameters
    ----------
    n : int
        The number of rows and columns.
    dtype : Dtype, optional
        The dtype of the result. Default: ``float32``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        An ``n`` x ``n`` array with ones on the main diagonal.

    Raises
    ------
    ValueError
        When ``n`` is negative.

    Examples
    --------
    >>> mx.identity(2)
    array([[1, 0],
           [0, 1]], dtype=float32)
    >>> mx.identity(3, mx.int32).shape
    (3, 3)

    Notes
    -----
    A result too large to allocate raises ``MemoryError`` in mlxcy when the op is called (the
    reference crashes when it is evaluated).
    """

def imag(a: array, /, *, stream: _StreamOrDevice = None) -> array:
    """The imaginary part of each element.

    Parameters
    ----------
    a : array
        The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
        own binding refuses lists).
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        For complex input the imaginary parts, as the matching real dtype (float32 for complex64);
        for any other array zeros of its shape and dtype.

    Examples
    --------
    >>> mx.imag(mx.array([1 + 2j, 3 - 4j]))
    array([2, -4], dtype=float32)
    >>> mx.imag(mx.array([1, 2]))
    array([0, 0], dtype=int32)
    """

def import_function(file: str, return_metadata: bool = False) -> Callable | tuple[Callable, str]:
    """Read a function exported by :func:`export_function` or :func:`exporter`.

    Parameters
    ----------
    file : str or pathlib.Path
        The exported file.
    return_metadata : bool, optional
        Also return the metadata string stored with the function. Default: ``False``.

    Returns
    -------
    callable or tuple
        A function called like the exported one, with arrays, returning a tuple of arrays; with
        ``return_metadata``, ``(function, metadata)``. Calling it with inputs that match no
        exported trace raises ``ValueError``.

    Raises
    ------
    FileNotFoundError
        When the file does not exist (``MissingFileError``, also a ``RuntimeError`` and a
        ``ValueError``).
    RuntimeError
        When the file is not an exported function.

    Examples
    --------
    >>> import os, tempfile
    >>> path = os.path.join(tempfile.mkdtemp(), "mul.mlxfn")
    >>> mx.export_function(path, lambda x, y: x * y, mx.array([1]), y=mx.array([2]),
    ...                    metadata="v1")
    >>> mul, meta = mx.import_function(path, return_metadata=True)
    >>> mul(mx.array([3]), y=mx.array([4])), meta
    ((array([12], dtype=int32),), 'v1')
    """

def inner(a: array, b: array, /, *, stream: _StreamOrDevice = None) -> array:
    """Inner product over the last axes of ``a`` and ``b``.

    For vectors this is the dot product. In general every vector along the last axis of ``a`` is
    multiplied with every vector along the last axis of ``b``; for matrices
    ``inner(a, b)[i, j] = sum(a[i, :] * b[j, :])``. A 0-d operand multiplies the other element-wise.

    Parameters
    ----------
    a : array
        The first operand.
    b : array
        The second operand; its last axis must have the length of ``a``'s.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The inner products, of shape ``a.shape[:-1] + b.shape[:-1]``.

    Raises
    ------
    TypeError
        When ``a`` or ``b`` is not an array.
    ValueError
        When the last dimensions differ, or both operands are integer (the product is computed as a
        floating-point matrix product).

    Examples
    --------
    >>> mx.inner(mx.array([1.0, 2.0, 3.0]), mx.array([4.0, 5.0, 6.0]))
    array(32, dtype=float32)
    >>> a = mx.array([[1.0, 2.0], [3.0, 4.0]])
    >>> mx.inner(a, a)
    array([[5, 11],
           [11, 25]], dtype=float32)
    """

def is_available(device: Device | DeviceType) -> bool:
    """Whether ``device`` exists on this machine with this build of MLX.

    Parameters
    ----------
    device : Device or DeviceType
        The device (a :class:`DeviceType` means its device 0).

    Returns
    -------
    bool

    Raises
    ------
    TypeError
        When ``device`` is neither a :class:`Device` nor a :class:`DeviceType`.

    Examples
    --------
    >>> mx.is_available(mx.cpu)
    True
    >>> mx.is_available(mx.Device(mx.cpu, 1))
    False
    """

def isclose(a: array, b: array, /, rtol: float = 1e-05, atol: float = 1e-08, *, equal_nan: bool = False, stream: _StreamOrDevice = None) -> array:
    """Element-wise test whether ``a`` and ``b`` are equal within a tolerance.

    Two values are close when ``abs(a - b) <= atol + rtol * abs(b)``. Equal infinities are close; NaN
    is close to nothing unless ``equal_nan`` is set. The inputs broadcast against each other.

    Parameters
    ----------
    a : array or scalar
        The first input. Lists and NumPy arrays are converted to arrays too.
    b : array or scalar
        The second input, converted likewise (the relative tolerance scales with it).
    rtol : float, optional
        Relative tolerance. Default: ``1e-05``.
    atol : float, optional
        Absolute tolerance. Default: ``1e-08``.
    equal_nan : bool, optional
        Whether two NaNs count as close. Default: ``False``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        A boolean array of the broadcast shape.

    Raises
    ------
    ValueError
        When the shapes do not broadcast.
    TypeError
        When ``rtol`` or ``atol`` is not a number, or ``equal_nan`` is not a bool.

    Examples
    --------
    >>> mx.isclose(mx.array([1.0, 1.5, float("nan")]), mx.array([1.0, 1.0, float("nan")]))
    array([True, False, False], dtype=bool)
    >>> mx.isclose(mx.array([1.0, 1.5]), mx.array([1.0, 1.0]), atol=0.5)
    array([True, True], dtype=bool)
    >>> mx.isclose(mx.array([float("nan")]), mx.array([float("nan")]), equal_nan=True)
    array([True], dtype=bool)
    """

def isdtype(dtype: Dtype, kind: Dtype | str | tuple[Dtype | str, ...]) -> bool:
    """Whether ``dtype`` is of the given kind.

    Parameters
    ----------
    dtype : Dtype
        The dtype to test.
    kind : Dtype or str or tuple
        A Dtype (equality), one of the kind names ``"bool"``, ``"signed integer"``,
        ``"unsigned integer"``, ``"integral"``, ``"real floating"``, ``"complex floating"``,
        ``"numeric"``, or a tuple of those (true when any matches). ``bool`` is neither integral nor
        numeric.

    Returns
    -------
    bool
        ``True`` when ``dtype`` matches ``kind``.

    Raises
    ------
    TypeError
        When ``dtype`` is not a Dtype or ``kind`` is ``None``.
    ValueError
        When ``kind`` is an unknown name or of another type.

    Examples
    --------
    >>> mx.isdtype(mx.int32, "integral")
    True
    >>> mx.isdtype(mx.bfloat16, ("bool", "real floating"))
    True
    >>> mx.isdtype(mx.bool_, "numeric")
    False
    """

def isfinite(a: array, stream: _StreamOrDevice = None) -> array:
    """Element-wise test for finite values: neither infinite nor NaN.

    Parameters
    ----------
    a : array
        The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
        own binding refuses lists).
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        A boolean array of the shape of ``a`` (all true for integer and boolean arrays).

    Examples
    --------
    >>> mx.isfinite(mx.array([1.0, float("inf"), float("nan")]))
    array([True, False, False], dtype=bool)

    Notes
    -----
    The parameters after the operands may also be passed by position (``mx.isfinite(a, mx.cpu)``), as
    the reference's published signature lists them; MLX's own binding takes them only by keyword.
    """

def isinf(a: array, stream: _StreamOrDevice = None) -> array:
    """Element-wise test for positive or negative infinity.

    Parameters
    ----------
    a : array
        The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
        own binding refuses lists).
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        A boolean array of the shape of ``a``.

    Examples
    --------
    >>> mx.isinf(mx.array([1.0, float("inf"), -float("inf"), float("nan")]))
    array([False, True, True, False], dtype=bool)

    Notes
    -----
    The parameters after the operands may also be passed by position (``mx.isinf(a, mx.cpu)``), as the
    reference's published signature lists them; MLX's own binding takes them only by keyword.
    """

def isnan(a: array, stream: _StreamOrDevice = None) -> array:
    """Element-wise test for NaN (not a number).

    Integer and boolean arrays contain no NaN. A complex element is NaN when either part is.

    Parameters
    ----------
    a : array
        The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
        own binding refuses lists).
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        A boolean array of the shape of ``a``.

    Examples
    --------
    >>> mx.isnan(mx.array([1.0, float("nan"), float("inf")]))
    array([False, True, False], dtype=bool)

    Notes
    -----
    The parameters after the operands may also be passed by position (``mx.isnan(a, mx.cpu)``), as the
    reference's published signature lists them; MLX's own binding takes them only by keyword.
    """

def isneginf(a: array, stream: _StreamOrDevice = None) -> array:
    """Element-wise test for negative infinity.

    Parameters
    ----------
    a : array
        The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
        own binding refuses lists).
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        A boolean array of the shape of ``a``.

    Examples
    --------
    >>> mx.isneginf(mx.array([1.0, float("inf"), -float("inf")]))
    array([False, False, True], dtype=bool)

    Notes
    -----
    The parameters after the operands may also be passed by position (``mx.isneginf(a, mx.cpu)``), as
    the reference's published signature lists them; MLX's own binding takes them only by keyword.
    """

def isposinf(a: array, stream: _StreamOrDevice = None) -> array:
    """Element-wise test for positive infinity.

    Parameters
    ----------
    a : array
        The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
        own binding refuses lists).
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        A boolean array of the shape of ``a``.

    Examples
    --------
    >>> mx.isposinf(mx.array([1.0, float("inf"), -float("inf")]))
    array([False, True, False], dtype=bool)

    Notes
    -----
    The parameters after the operands may also be passed by position (``mx.isposinf(a, mx.cpu)``), as
    the reference's published signature lists them; MLX's own binding takes them only by keyword.
    """

def issubdtype(arg1: Dtype | DtypeCategory, arg2: Dtype | DtypeCategory) -> bool:
    """Whether ``arg1`` is ``arg2`` or lies below it in the dtype hierarchy.

    Each argument is a :class:`Dtype` or a :class:`DtypeCategory`. A dtype is below the categories
    that contain it (``int8`` below ``signedinteger``, ``integer``, ``number`` and ``generic``); a
    category is below the wider categories; no category is below a dtype. ``bool_`` is only below
    ``generic``.

    Parameters
    ----------
    arg1 : Dtype or DtypeCategory
        The dtype or category to test.
    arg2 : Dtype or DtypeCategory
        The dtype or category to test against.

    Returns
    -------
    bool

    Raises
    ------
    ValueError
        When an argument is neither a :class:`Dtype` nor a :class:`DtypeCategory`.
    TypeError
        When an argument is ``None``.

    Examples
    --------
    >>> mx.issubdtype(mx.int8, mx.integer)
    True
    >>> mx.issubdtype(mx.float32, mx.integer)
    False
    >>> mx.issubdtype(mx.floating, mx.inexact)
    True
    >>> mx.issubdtype(mx.bool_, mx.number)
    False
    """

def jvp(fun: Callable, primals: list[array], tangents: list[array]) -> tuple[list[array], list[array]]:
    """Evaluate ``fun`` and its Jacobian-vector products.

    Parameters
    ----------
    fun : callable
        A function of arrays returning an array or a list or tuple of arrays.
    primals : list of array
        The arguments to call ``fun`` with (``fun(*primals)``).
    tangents : list of array
        One array per primal, each shaped like that primal.

    Returns
    -------
    tuple(list of array, list of array)
        ``(outputs, jvps)``: the outputs of ``fun`` and one product per output, each shaped
        like its output.

    Raises
    ------
    TypeError
        When ``fun`` is not callable or ``primals``/``tangents`` are not lists of arrays.
    ValueError
        When the number or shapes of the tangents do not match the primals.

    Examples
    --------
    >>> mx.jvp(lambda x: x * x, [mx.array(3.0)], [mx.array(1.0)])
    ([array(9, dtype=float32)], [array(6, dtype=float32)])
    >>> outs, jvps = mx.jvp(lambda x, y: x * y, [mx.array(2.0), mx.array(5.0)],
    ...                     [mx.array(1.0), mx.array(0.0)])
    >>> jvps
    [array(5, dtype=float32)]
    """

def kron(a: array, b: array, *, stream: _StreamOrDevice = None) -> array:
    """Kronecker product of ``a`` and ``b``.

    Each element ``a[i, j, ...]`` is replaced by the block ``a[i, j, ...] * b``. The operand with
    fewer dimensions is first given leading axes of length 1.

    Parameters
    ----------
    a : array
        The first operand.
    b : array
        The second operand.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        Of shape ``a.shape[i] * b.shape[i]`` along each axis, and the promoted dtype.

    Raises
    ------
    TypeError
        When ``a`` or ``b`` is not an array.
    MemoryError
        When the result is too large to allocate.
    OverflowError
        When a dimension of the result exceeds ``2**31 - 1``.

    Examples
    --------
    >>> mx.kron(mx.array([[1, 2], [3, 4]]), mx.array([[1, 1]]))
    array([[1, 1, 2, 2],
           [3, 3, 4, 4]], dtype=int32)

    Notes
    -----
    A result too large to allocate is a ``MemoryError`` when the op is called; the reference binding
    crashes when it is evaluated.
    """

def left_shift(a: _Scalar | array, b: _Scalar | array, *, stream: _StreamOrDevice = None) -> array:
    """Element-wise left shift ``a << b``: the bits of ``a`` moved ``b`` places left.

    For integers, ``a`` multiplied by ``2**b``; bits shifted out of the type are lost. Bool operands are read as the integers 0 and 1. ``a`` and ``b``
    broadcast against each other and their dtypes promote (a Python int takes the other operand's
    dtype when it fits). ``mx.bitwise_left_shift`` is the same function.

    Parameters
    ----------
    a : array or scalar
        The values to shift, of an integer or bool type.
    b : array or scalar
        The number of places, of an integer or bool type.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default
        device.

    Returns
    -------
    array
        The shifted values, of the broadcast shape and promoted dtype (``uint8`` for two bools).

    Raises
    ------
    RuntimeError
        When an operand is of a floating point or complex type.
    ValueError
        When the shapes of ``a`` and ``b`` do not broadcast, or a Python int does not fit the
        other operand's integer dtype.

    Examples
    --------
    >>> mx.left_shift(mx.array([1, 3]), 2)
    array([4, 12], dtype=int32)
    >>> mx.left_shift(mx.array([1], mx.uint8), 8)
    array([0], dtype=uint8)

    Notes
    -----
    The reference binding accepts only arrays and Python scalars here; mlxcy also converts lists,
    tuples and NumPy arrays (docs/differences.md).
    """

def less(a: _Scalar | array, b: _Scalar | array, *, stream: _StreamOrDevice = None) -> array:
    """Element-wise comparison ``a < b``.

    ``a`` and ``b`` broadcast against each other and are compared in their promoted dtype (a Python
    scalar takes the other operand's dtype when it fits its kind).

    Parameters
    ----------
    a : array or scalar
        The first operand.
    b : array or scalar
        The second operand.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default
        device.

    Returns
    -------
    array
        A ``bool`` array of the broadcast shape: whether ``a`` is less than ``b``.

    Raises
    ------
    ValueError
        When the shapes of ``a`` and ``b`` do not broadcast, or a Python int does not fit the
        other operand's integer dtype.

    Examples
    --------
    >>> mx.less(mx.array([1, 2, 3]), 2)
    array([True, False, False], dtype=bool)

    Notes
    -----
    The reference binding accepts only arrays and Python scalars here; mlxcy also converts lists,
    tuples and NumPy arrays (docs/differences.md).
    """

def less_equal(a: _Scalar | array, b: _Scalar | array, *, stream: _StreamOrDevice = None) -> array:
    """Element-wise comparison ``a <= b``.

    ``a`` and ``b`` broadcast against each other and are compared in their promoted dtype (a Python
    scalar takes the other operand's dtype when it fits its kind).

    Parameters
    ----------
    a : array or scalar
        The first operand.
    b : array or scalar
        The second operand.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default
        device.

    Returns
    -------
    array
        A ``bool`` array of the broadcast shape: whether ``a`` is less than or equal to ``b``.

    Raises
    ------
    ValueError
        When the shapes of ``a`` and ``b`` do not broadcast, or a Python int does not fit the
        other operand's integer dtype.

    Examples
    --------
    >>> mx.less_equal(mx.array([1, 2, 3]), 2)
    array([True, True, False], dtype=bool)

    Notes
    -----
    The reference binding accepts only arrays and Python scalars here; mlxcy also converts lists,
    tuples and NumPy arrays (docs/differences.md).
    """

def linspace(start: _Scalar, stop: _Scalar, num: int | None = 50, endpoint: bool = True, dtype: Dtype | None = float32, stream: _StreamOrDevice = None) -> array:
    """``num`` evenly spaced values from ``start`` to ``stop``.

    Parameters
    ----------
    start : scalar
        The first value.
    stop : scalar
        The last value (when ``endpoint`` is True).
    num : int, optional
        How many values (0 or more). Default: ``50``.
    endpoint : bool, optional
        Include ``stop`` as the last value; with ``False`` the values stop one spacing short of it.
        Default: ``True``.
    dtype : Dtype, optional
        The dtype of the result (an integer dtype truncates the values). Default: ``float32``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        A 1-D array of ``num`` values.

    Raises
    ------
    ValueError
        When ``num`` is negative.
    TypeError
        When ``num`` is not an int, or ``start`` or ``stop`` is not a real number.

    Examples
    --------
    >>> mx.linspace(0, 1, 5)
    array([0, 0.25, 0.5, 0.75, 1], dtype=float32)
    >>> mx.linspace(0, 1, 4, endpoint=False)
    array([0, 0.25, 0.5, 0.75], dtype=float32)
    """

def load(file: Any | str | pathlib.Path, /, format: str | None = None, return_metadata: bool = False, *, stream: _StreamOrDevice = None, mmap: bool = False) -> array | dict[str, array] | tuple[dict[str, array], dict[str, Any]]:
    """Load arrays from a ``.npy``, ``.npz``, ``.safetensors`` or ``.gguf`` file.

    Parameters
    ----------
    file : str, pathlib.Path or binary file object
        What to read. The format comes from the extension of the path (or of the file object's
        ``name``) unless ``format`` is given.
    format : str, optional
        One of ``"npy"``, ``"npz"``, ``"safetensors"``, ``"gguf"``. Default: ``None``, from the
        extension.
    return_metadata : bool, optional
        Also return the file's metadata (``.safetensors`` and ``.gguf`` only). Default: ``False``.
    stream : Stream or Device, optional
        Where to schedule the loading. Default: ``None``, the default stream of the default
        device.
    mmap : bool, optional
        Memory-map a ``.safetensors`` or ``.npy`` file instead of reading it (an mlxcy extra).
        Default: ``False``.

    Returns
    -------
    array, dict or tuple
        An array for ``.npy``, otherwise a dict from names to arrays; with ``return_metadata``,
        ``(arrays, metadata)`` where metadata is a dict (of strings for ``.safetensors``; of
        strings, lists or arrays for ``.gguf``).

    Raises
    ------
    ValueError
        When the format is unknown or cannot be inferred, or ``return_metadata`` is asked of a
        format without metadata.
    FileNotFoundError
        When the file does not exist (``MissingFileError``, also a ``RuntimeError`` and a
        ``ValueError``).
    ValueError, RuntimeError
        When the file is truncated, corrupt or not of its format (``MalformedFileError``, both).

    Examples
    --------
    >>> import io
    >>> f = io.BytesIO()
    >>> mx.save(f, mx.array([1, 2, 3]))
    >>> _ = f.seek(0)
    >>> mx.load(f, format="npy")
    array([1, 2, 3], dtype=int32)

    Notes
    -----
    ``mmap=True`` returns arrays that view the mapped file without copying: loading takes
    constant time and memory grows only with the pages read; tensors not aligned to their
    element size, or byte-swapped, are copied. The reference has no ``mmap`` keyword, raises
    ``RuntimeError``/``ValueError`` for missing or malformed files, and cannot read GGUF from a
    file object (see docs/differences.md and docs/large-weights.md).
    """

def load_sharded(path: str | pathlib.Path, *, mmap: bool = False, return_metadata: bool = False, stream: _StreamOrDevice = None, progress: bool = False) -> dict[str, array] | tuple[dict[str, array], dict[str, Any]]:
    """Load a sharded safetensors checkpoint as one dict (an mlxcy extra).

    The index file (``model.safetensors.index.json``) maps each tensor name to the shard file,
    relative to the index, that holds it (its ``weight_map``). Each shard is opened once.

    Parameters
    ----------
    path : str or pathlib.Path
        The index file, or a folder holding ``model.safetensors.index.json``.
    mmap : bool, optional
        Memory-map the shards instead of reading them (see :func:`load`). Default: ``False``.
    return_metadata : bool, optional
        Also return the index's ``metadata`` entry. Default: ``False``.
    stream : Stream or Device, optional
        Where to schedule the loading. Default: ``None``, the default stream of the default
        device.
    progress : bool, optional
        Draw a progress bar over the shards on stderr (tqdm when installed). Without ``mmap``
        each shard is then read as it is loaded, so that the bar follows the disk.
        Default: ``False``.

    Returns
    -------
    dict or tuple
        A dict from tensor names to arrays; with ``return_metadata``, ``(arrays, metadata)``.

    Raises
    ------
    FileNotFoundError
        When the index or a shard does not exist (``MissingFileError``, also a ``RuntimeError``
        and a ``ValueError``).
    ValueError, RuntimeError
        When the index is not JSON or has no ``weight_map`` (``MalformedFileError``, both).

    Examples
    --------
    >>> import json, os, tempfile
    >>> folder = tempfile.mkdtemp()
    >>> mx.save_safetensors(os.path.join(folder, "part1.safetensors"), {"a": mx.array([1])})
    >>> mx.save_safetensors(os.path.join(folder, "part2.safetensors"), {"b": mx.array([2.0])})
    >>> index = {"weight_map": {"a": "part1.safetensors", "b": "part2.safetensors"}}
    >>> with open(os.path.join(folder, "model.safetensors.index.json"), "w") as f:
    ...     json.dump(index, f)
    >>> mx.load_sharded(folder)
    {'a': array([1], dtype=int32), 'b': array([2], dtype=float32)}
    """

def log(a: array, /, *, stream: _StreamOrDevice = None) -> array:
    """Element-wise natural logarithm.

    Floating-point and complex inputs keep their dtype; boolean and integer inputs give float32.
    Zero gives ``-inf`` and negative real inputs NaN.

    Parameters
    ----------
    a : array
        The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
        own binding refuses lists).
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The natural logarithm of each element, same shape as ``a``.

    Examples
    --------
    >>> mx.log(mx.array([1.0, 0.0]))
    array([0, -inf], dtype=float32)
    """

def log10(a: array, /, *, stream: _StreamOrDevice = None) -> array:
    """Element-wise base-10 logarithm.

    Floating-point and complex inputs keep their dtype; boolean and integer inputs give float32.
    Zero gives ``-inf`` and negative real inputs NaN.

    Parameters
    ----------
    a : array
        The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
        own binding refuses lists).
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The base-10 logarithm of each element, same shape as ``a``.

    Examples
    --------
    >>> mx.log10(mx.array([1.0, 10.0, 100.0]))
    array([0, 1, 2], dtype=float32)
    """

def log1p(a: array, /, *, stream: _StreamOrDevice = None) -> array:
    """Element-wise ``log(1 + a)``, accurate also for ``a`` close to zero.

    Floating-point and complex inputs keep their dtype; boolean and integer inputs give float32. -1
    gives ``-inf`` and real inputs below -1 NaN.

    Parameters
    ----------
    a : array
        The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
        own binding refuses lists).
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        ``log(1 + a)`` for each element, same shape as ``a``.

    Examples
    --------
    >>> mx.log1p(mx.array([0.0, -1.0]))
    array([0, -inf], dtype=float32)
    """

def log2(a: array, /, *, stream: _StreamOrDevice = None) -> array:
    """Element-wise base-2 logarithm.

    Floating-point and complex inputs keep their dtype; boolean and integer inputs give float32.
    Zero gives ``-inf`` and negative real inputs NaN.

    Parameters
    ----------
    a : array
        The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
        own binding refuses lists).
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The base-2 logarithm of each element, same shape as ``a``.

    Examples
    --------
    >>> mx.log2(mx.array([1, 2, 8]))
    array([0, 1, 3], dtype=float32)
    """

def logaddexp(a: _Scalar | array, b: _Scalar | array, /, *, stream: _StreamOrDevice = None) -> array:
    """Element-wise ``log(exp(a) + exp(b))``, computed without overflow.

    The inputs broadcast against each other; boolean and integer inputs give float32.

    Parameters
    ----------
    a : array or scalar
        The first input. Lists and NumPy arrays are converted to arrays too.
    b : array or scalar
        The second input, converted likewise.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        ``log(exp(a) + exp(b))``, of the broadcast shape and the promoted floating-point dtype.

    Raises
    ------
    ValueError
        When the shapes do not broadcast.

    Examples
    --------
    >>> mx.logaddexp(mx.array([0.0, 1000.0]), mx.array([-float("inf"), 1000.0]))
    array([0, 1000.69], dtype=float32)
    """

def logcumsumexp(a: array, /, axis: int | None = None, *, reverse: bool = False, inclusive: bool = True, stream: _StreamOrDevice = None) -> array:
    """Cumulative ``log(sum(exp(a)))`` along an axis, computed stably.

    Integer and bool inputs give float32; floating inputs keep their dtype.

    Parameters
    ----------
    a : array
        The input array.
    axis : int, optional
        The axis to scan along. Default: ``None``, the flattened array.
    reverse : bool, optional
        Scan from the last element towards the first. Keyword only. Default: ``False``.
    inclusive : bool, optional
        Include each element in its own output; with ``False`` the output is shifted by one and
        starts at ``-inf``. Keyword only. Default: ``True``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The running values, with the shape of ``a`` (1-D when ``axis`` is None).

    Raises
    ------
    TypeError
        When ``axis`` is a sequence.
    IndexError
        When ``axis`` is out of range.

    Examples
    --------
    >>> mx.round(mx.logcumsumexp(mx.array([0.0, 0.0])), 4)
    array([0, 0.6931], dtype=float32)
    >>> mx.logcumsumexp(mx.zeros((2, 3)), axis=1).shape
    (2, 3)

    Notes
    -----
    mlxcy also accepts a Python scalar, list or NumPy array for ``a`` (the reference raises
    ``TypeError``).
    """

def logical_and(a: array, b: array, /, *, stream: _StreamOrDevice = None) -> array:
    """Element-wise logical AND: true where both ``a`` and ``b`` are non-zero.

    The inputs broadcast against each other; a Python scalar only counts for its truth value.

    Parameters
    ----------
    a : array or scalar
        The first input. Lists and NumPy arrays are converted to arrays too.
    b : array or scalar
        The second input, converted likewise.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        A boolean array of the broadcast shape.

    Raises
    ------
    ValueError
        When the shapes do not broadcast.

    Examples
    --------
    >>> mx.logical_and(mx.array([1, 0, 2]), mx.array([True, True, False]))
    array([True, False, False], dtype=bool)
    """

def logical_not(a: array, /, *, stream: _StreamOrDevice = None) -> array:
    """Element-wise logical NOT: true where ``a`` is zero (or false).

    Parameters
    ----------
    a : array
        The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
        own binding refuses lists).
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        A boolean array of the shape of ``a``.

    Examples
    --------
    >>> mx.logical_not(mx.array([0, 1, 2]))
    array([True, False, False], dtype=bool)
    """

def logical_or(a: array, b: array, /, *, stream: _StreamOrDevice = None) -> array:
    """Element-wise logical OR: true where ``a`` or ``b`` (or both) is non-zero.

    The inputs broadcast against each other; a Python scalar only counts for its truth value.

    Parameters
    ----------
    a : array or scalar
        The first input. Lists and NumPy arrays are converted to arrays too.
    b : array or scalar
        The second input, converted likewise.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        A boolean array of the broadcast shape.

    Raises
    ------
    ValueError
        When the shapes do not broadcast.

    Examples
    --------
    >>> mx.logical_or(mx.array([1, 0, 0]), mx.array([False, True, False]))
    array([True, True, False], dtype=bool)
    """

def logical_xor(a: _Scalar | array, b: _Scalar | array, /, *, stream: _StreamOrDevice = None) -> array:
    """Element-wise logical exclusive OR: true where exactly one of ``a`` and ``b`` is non-zero.

    The inputs broadcast against each other; a Python scalar only counts for its truth value.

    Parameters
    ----------
    a : array or scalar
        The first input. Lists and NumPy arrays are converted to arrays too.
    b : array or scalar
        The second input, converted likewise.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        A boolean array of the broadcast shape.

    Raises
    ------
    ValueError
        When the shapes do not broadcast.

    Examples
    --------
    >>> mx.logical_xor(mx.array([True, True, False]), mx.array([2, 0, 0]))
    array([False, True, False], dtype=bool)
    """

def logsumexp(a: array, /, axis: None | int | Sequence[int] = None, keepdims: bool = False, *, stream: _StreamOrDevice = None) -> array:
    """Logarithm of the sum of exponentials over the given axes.

    Computes ``log(sum(exp(a)))`` without overflow by subtracting the maximum first. Integer and
    bool inputs give float32.

    Parameters
    ----------
    a : array
        The input array.
    axis : int or list(int), optional
        Axis or axes to reduce over. Default: ``None``, every axis.
    keepdims : bool, optional
        Keep the reduced axes as axes of size 1. Default: ``False``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The reduced values.

    Raises
    ------
    IndexError
        When an axis is out of range.
    ValueError
        When an axis is given twice, or ``a`` is empty.

    Examples
    --------
    >>> mx.logsumexp(mx.array([1000.0, 1000.0]))
    array(1000.69, dtype=float32)
    >>> mx.round(mx.logsumexp(mx.array([0.0, 0.0])), 4)
    array(0.6931, dtype=float32)
    >>> mx.logsumexp(mx.zeros((2, 3)), axis=1).shape
    (2,)

    Notes
    -----
    mlxcy also accepts a Python scalar, list or NumPy array for ``a`` (the reference raises
    ``TypeError``).
    """

def matmul(a: array, b: array, /, *, stream: _StreamOrDevice = None) -> array:
    """Matrix product ``a @ b``.

    Follows NumPy's rules: two 1-D operands give their inner product, a 1-D first (second) operand
    is read as a row (column) vector and that axis is removed from the result, and operands with
    more than two dimensions are stacks of matrices whose leading axes broadcast. Both operands
    must be of a floating point type.

    Parameters
    ----------
    a : array
        The left operand, with at least one dimension.
    b : array
        The right operand, with at least one dimension.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default
        device.

    Returns
    -------
    array
        The product; a ``(..., m, k)`` by ``(..., k, n)`` product has shape ``(..., m, n)``.

    Raises
    ------
    ValueError
        When an operand is 0-d or not of a floating point type, the inner sizes differ, or the batch
        axes do not broadcast.

    Examples
    --------
    >>> a = mx.array([[1.0, 2.0], [3.0, 4.0]])
    >>> mx.matmul(a, mx.array([1.0, 1.0]))
    array([3, 7], dtype=float32)
    >>> mx.matmul(mx.array([1.0, 2.0]), mx.array([3.0, 4.0]))
    array(11, dtype=float32)
    >>> mx.matmul(mx.ones((5, 2, 3)), mx.ones((3, 4))).shape
    (5, 2, 4)

    Notes
    -----
    The reference binding accepts only arrays; mlxcy also converts lists, tuples and NumPy arrays.
    """

def matrix_norm(a: array, /, ord: None | int | float | str = None, axis: None | int | list[int] = None, keepdims: bool = False, *, stream: _StreamOrDevice = None) -> array:
    """Compute a vector norm or a matrix norm.

    With ``axis=None``, a 1-D input gets a vector norm and a 2-D input a matrix norm; with
    ``ord=None`` too, any input gets the 2-norm of all its elements (flattened). An int ``axis``
    asks for vector norms along it, a pair of ints for matrix norms over those two axes.

    Parameters
    ----------
    a : array
        The input.
    ord : int, float, str or None, optional
        Which norm. Vectors: ``None`` or 2 (Euclidean), ``inf``, ``-inf``, 0 (count of non-zero
        elements), any other number p (``sum(abs(a)**p)**(1/p)``). Matrices: ``None`` or
        ``"fro"`` (Frobenius), ``"nuc"`` (sum of singular values), ``inf``, ``-inf``, 1, -1
        (maximum/minimum absolute row or column sum), 2, -2 (largest/smallest singular value).
        Default: ``None``.
    axis : int or tuple(int, int), optional
        The axis of vector norms or the two axes of matrix norms. Default: ``None``.
    keepdims : bool, optional
        Keep the reduced axes with size 1. Default: ``False``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default
        device.

    Returns
    -------
    array
        The norms, of a floating-point dtype (integer inputs give float32).

    Raises
    ------
    ValueError
        When ``ord`` is not valid for a vector or matrix norm, or there are more than two axes
        (explicitly, or an input of more than 2 dimensions with ``ord`` given and no ``axis``).

    Examples
    --------
    >>> mx.linalg.norm(mx.array([3.0, 4.0]))
    array(5, dtype=float32)
    >>> mx.linalg.norm(mx.array([3.0, -4.0]), ord=1)
    array(7, dtype=float32)
    >>> mx.linalg.norm(mx.array([[3.0, 4.0], [6.0, 8.0]]), axis=1)
    array([5, 10], dtype=float32)
    >>> mx.linalg.norm(mx.array([[1.0, -2.0], [3.0, 4.0]]), ord=1)
    array(6, dtype=float32)

    Notes
    -----
    ``ord`` 2, -2 and ``"nuc"`` of matrices go through :func:`linalg.svd`, which runs on the
    CPU only.
    """

def matrix_transpose(a: array, /, *, stream: _StreamOrDevice = None) -> array:
    """Swap the last two axes of an array (transpose a stack of matrices).

    Parameters
    ----------
    a : array
        The input array, with at least 2 dimensions.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The array with its last two axes exchanged.

    Raises
    ------
    ValueError
        When ``a`` has fewer than 2 dimensions.
    TypeError
        When ``a`` is not an array.

    Examples
    --------
    >>> mx.matrix_transpose(mx.zeros((5, 2, 3))).shape
    (5, 3, 2)
    >>> mx.matrix_transpose(mx.array([[1, 2]]))
    array([[1],
           [2]], dtype=int32)
    """

def max(a: array, /, axis: None | int | Sequence[int] = None, keepdims: bool = False, *, stream: _StreamOrDevice = None) -> array:
    """Maximum of the elements over the given axes.

    The result keeps the dtype of ``a``; NaN wins over numbers.

    Parameters
    ----------
    a : array
        The input array.
    axis : int or list(int), optional
        Axis or axes to reduce over. Default: ``None``, every axis.
    keepdims : bool, optional
        Keep the reduced axes as axes of size 1. Default: ``False``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The maxima.

    Raises
    ------
    IndexError
        When an axis is out of range.
    ValueError
        When an axis is given twice, or a reduced axis has size 0.

    Examples
    --------
    >>> a = mx.array([[1, 2], [3, 4]])
    >>> mx.max(a)
    array(4, dtype=int32)
    >>> mx.max(a, axis=0)
    array([3, 4], dtype=int32)

    Notes
    -----
    mlxcy also accepts a Python scalar, list or NumPy array for ``a`` (the reference raises
    ``TypeError``).
    """

def maximum(a: _Scalar | array, b: _Scalar | array, /, *, stream: _StreamOrDevice = None) -> array:
    """Element-wise maximum of ``a`` and ``b``.

    The inputs broadcast against each other and their dtypes are promoted (a Python scalar takes the
    array's dtype when it fits it). A NaN in either input gives NaN.

    Parameters
    ----------
    a : array or scalar
        The first input. Lists and NumPy arrays are converted to arrays too.
    b : array or scalar
        The second input, converted likewise.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The larger of each pair of elements, of the broadcast shape and promoted dtype.

    Raises
    ------
    ValueError
        When the shapes do not broadcast, or a Python int does not fit the other operand's integer
        dtype.

    Examples
    --------
    >>> mx.maximum(mx.array([1, 5]), mx.array([3, 2]))
    array([3, 5], dtype=int32)
    >>> mx.maximum(mx.array([1.0, float("nan")]), 2)
    array([2, nan], dtype=float32)
    """

def mean(a: array, /, axis: None | int | Sequence[int] = None, keepdims: bool = False, *, stream: _StreamOrDevice = None) -> array:
    """Arithmetic mean of the elements over the given axes.

    Integer and bool inputs give float32; floating inputs keep their dtype.

    Parameters
    ----------
    a : array
        The input array.
    axis : int or list(int), optional
        Axis or axes to reduce over. Default: ``None``, every axis.
    keepdims : bool, optional
        Keep the reduced axes as axes of size 1. Default: ``False``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The means. The mean over an empty axis is NaN.

    Raises
    ------
    IndexError
        When an axis is out of range.
    ValueError
        When an axis is given twice.

    Examples
    --------
    >>> a = mx.array([[1, 2], [3, 4]])
    >>> mx.mean(a)
    array(2.5, dtype=float32)
    >>> mx.mean(a, axis=1)
    array([1.5, 3.5], dtype=float32)

    Notes
    -----
    mlxcy also accepts a Python scalar, list or NumPy array for ``a`` (the reference raises
    ``TypeError``).
    """

def median(a: array, /, axis: None | int | Sequence[int] = None, keepdims: bool = False, *, stream: _StreamOrDevice = None) -> array:
    """Median of the elements over the given axes.

    For an even count the result is the mean of the two middle values. Integer and bool inputs give
    float32; a NaN in the reduced elements gives NaN.

    Parameters
    ----------
    a : array
        The input array.
    axis : int or list(int), optional
        Axis or axes to reduce over. Default: ``None``, every axis.
    keepdims : bool, optional
        Keep the reduced axes as axes of size 1. Default: ``False``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The medians.

    Raises
    ------
    IndexError
        When an axis is out of range.
    ValueError
        When an axis is given twice.

    Examples
    --------
    >>> mx.median(mx.array([3, 1, 2]))
    array(2, dtype=float32)
    >>> mx.median(mx.array([[1, 2], [3, 5]]), axis=0)
    array([2, 3.5], dtype=float32)

    Notes
    -----
    mlxcy also accepts a Python scalar, list or NumPy array for ``a`` (the reference raises
    ``TypeError``).
    """

def meshgrid(*arrays: array, sparse: bool | None = False, indexing: str | None = 'xy', stream: _StreamOrDevice = None) -> tuple[array, ...]:
    """Coordinate grids from 1-D coordinate arrays.

    With ``n`` arrays of sizes ``s1, ..., sn``, each result has ``n`` dimensions and holds one
    array's values repeated along the other axes. Arrays with more than one dimension are flattened
    first.

    Parameters
    ----------
    *arrays : array
        The coordinates along each axis.
    sparse : bool, optional
        Return arrays of size 1 on every axis but their own, which broadcast to the full grid.
        Keyword only. Default: ``False``.
    indexing : str, optional
        ``"xy"`` (Cartesian: the first two axes are swapped, shapes ``(s2, s1, ...)``) or ``"ij"``
        (matrix: shapes ``(s1, s2, ...)``). Keyword only. Default: ``"xy"``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    tuple(array, ...)
        One grid per input array (an empty tuple for none).

    Raises
    ------
    ValueError
        When ``indexing`` is neither ``"xy"`` nor ``"ij"``.
    RuntimeError
        When an argument is not an array.

    Examples
    --------
    >>> x, y = mx.meshgrid(mx.array([1, 2, 3]), mx.array([4, 5]))
    >>> x
    array([[1, 2, 3],
           [1, 2, 3]], dtype=int32)
    >>> y
    array([[4, 4, 4],
           [5, 5, 5]], dtype=int32)
    >>> [g.shape for g in mx.meshgrid(mx.array([1, 2, 3]), mx.array([4, 5]), indexing="ij")]
    [(3, 2), (3, 2)]
    """

def min(a: array, /, axis: None | int | Sequence[int] = None, keepdims: bool = False, *, stream: _StreamOrDevice = None) -> array:
    """Minimum of the elements over the given axes.

    The result keeps the dtype of ``a``; NaN wins over numbers.

    Parameters
    ----------
    a : array
        The input array.
    axis : int or list(int), optional
        Axis or axes to reduce over. Default: ``None``, every axis.
    keepdims : bool, optional
        Keep the reduced axes as axes of size 1. Default: ``False``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The minima.

    Raises
    ------
    IndexError
        When an axis is out of range.
    ValueError
        When an axis is given twice, or a reduced axis has size 0.

    Examples
    --------
    >>> a = mx.array([[1, 2], [3, 4]])
    >>> mx.min(a)
    array(1, dtype=int32)
    >>> mx.min(a, axis=1, keepdims=True)
    array([[1],
           [3]], dtype=int32)

    Notes
    -----
    mlxcy also accepts a Python scalar, list or NumPy array for ``a`` (the reference raises
    ``TypeError``).
    """

def minimum(a: _Scalar | array, b: _Scalar | array, /, *, stream: _StreamOrDevice = None) -> array:
    """Element-wise minimum of ``a`` and ``b``.

    The inputs broadcast against each other and their dtypes are promoted (a Python scalar takes the
    array's dtype when it fits it). A NaN in either input gives NaN.

    Parameters
    ----------
    a : array or scalar
        The first input. Lists and NumPy arrays are converted to arrays too.
    b : array or scalar
        The second input, converted likewise.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The smaller of each pair of elements, of the broadcast shape and promoted dtype.

    Raises
    ------
    ValueError
        When the shapes do not broadcast, or a Python int does not fit the other operand's integer
        dtype.

    Examples
    --------
    >>> mx.minimum(mx.array([1, 5]), mx.array([3, 2]))
    array([1, 2], dtype=int32)
    >>> mx.minimum(mx.array([1, 5]), 2.5)
    array([1, 2.5], dtype=float32)
    """

def minmax(a: array, /, axis: None | int | Sequence[int] = None, keepdims: bool = False, *, stream: _StreamOrDevice = None) -> tuple[array, array]:
    """Minimum and maximum of the elements over the given axes, in one call.

    Parameters
    ----------
    a : array
        The input array.
    axis : int or list(int), optional
        Axis or axes to reduce over. Default: ``None``, every axis.
    keepdims : bool, optional
        Keep the reduced axes as axes of size 1. Default: ``False``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    tuple(array, array)
        ``(min, max)``, each as :func:`min` and :func:`max` would return it.

    Raises
    ------
    IndexError
        When an axis is out of range.
    ValueError
        When an axis is given twice, or a reduced axis has size 0.

    Examples
    --------
    >>> mx.minmax(mx.array([3, 1, 2]))
    (array(1, dtype=int32), array(3, dtype=int32))
    >>> lo, hi = mx.minmax(mx.array([[3, 1], [2, 5]]), axis=1)
    >>> hi
    array([3, 5], dtype=int32)

    Notes
    -----
    mlxcy also accepts a Python scalar, list or NumPy array for ``a`` (the reference raises
    ``TypeError``).
    """

def moveaxis(a: array, /, source: int, destination: int, *, stream: _StreamOrDevice = None) -> array:
    """Move one axis to a new position, keeping the order of the others.

    Parameters
    ----------
    a : array
        The input array.
    source : int
        The axis to move.
    destination : int
        Its position in the result.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The array with the axis moved.

    Raises
    ------
    IndexError
        When ``source`` or ``destination`` is out of range.
    TypeError
        When ``a`` is not an array.

    Examples
    --------
    >>> a = mx.zeros((2, 3, 4))
    >>> mx.moveaxis(a, 0, -1).shape
    (3, 4, 2)
    >>> mx.moveaxis(a, 2, 0).shape
    (4, 2, 3)
    """

def multiply(a: _Scalar | array, b: _Scalar | array, *, stream: _StreamOrDevice = None) -> array:
    """Element-wise product ``a * b``.

    ``a`` and ``b`` broadcast against each other. Their dtypes promote as usual; a Python scalar
    takes the other operand's dtype when it fits its kind (``int8`` array + 1 stays ``int8``,
    ``float16`` array * 2.5 stays ``float16``).

    Parameters
    ----------
    a : array or scalar
        The first factor.
    b : array or scalar
        The second factor.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default
        device.

    Returns
    -------
    array
        The products, of the broadcast shape and promoted dtype.

    Raises
    ------
    ValueError
        When the shapes of ``a`` and ``b`` do not broadcast, or a Python int does not fit the
        other operand's integer dtype.

    Examples
    --------
    >>> mx.multiply(mx.array([1.5, 2.0]), 2)
    array([3, 4], dtype=float32)
    >>> mx.multiply(mx.array([1, 2], mx.float16), 2.5)
    array([2.5, 5], dtype=float16)

    Notes
    -----
    The reference binding accepts only arrays and Python scalars here; mlxcy also converts lists,
    tuples and NumPy arrays (docs/differences.md).
    """

def nan_to_num(a: _Scalar | array, nan: float = 0, posinf: float | None = None, neginf: float | None = None, *, stream: _StreamOrDevice = None) -> array:
    """Replace NaN and infinite values with finite numbers.

    Integer and boolean arrays come back unchanged.

    Parameters
    ----------
    a : array
        The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
        own binding refuses lists).
    nan : float, optional
        The value NaNs become. Default: ``0``.
    posinf : float, optional
        The value positive infinities become. Default: ``None``, the largest finite value of the
        dtype of ``a``.
    neginf : float, optional
        The value negative infinities become. Default: ``None``, the lowest finite value of the dtype
        of ``a``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        Same shape and dtype as ``a``, with the replacements made.

    Examples
    --------
    >>> a = mx.array([float("nan"), float("inf"), -float("inf"), 1.5])
    >>> mx.nan_to_num(a, nan=-1.0, posinf=100, neginf=-100)
    array([-1, 100, -100, 1.5], dtype=float32)
    >>> mx.nan_to_num(mx.array([float("nan"), float("inf")], dtype=mx.float16))
    array([0, 65504], dtype=float16)
    """

def negative(a: array, /, *, stream: _StreamOrDevice = None) -> array:
    """Element-wise negation, ``-a``.

    Parameters
    ----------
    a : array
        The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
        own binding refuses lists).
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        ``-a``, same shape and dtype as ``a`` (unsigned integers wrap around).

    Raises
    ------
    ValueError
        When ``a`` is boolean (use :func:`logical_not`).

    Examples
    --------
    >>> mx.negative(mx.array([1, -2]))
    array([-1, 2], dtype=int32)
    """

def new_stream(device: Device | DeviceType) -> Stream:
    """Make a new stream on ``device``.

    Operations on different streams may run concurrently; those on one stream run in order. The
    stream belongs to the calling thread: using it from another thread raises ``RuntimeError``
    (see :func:`new_thread_unsafe_stream` and :func:`new_thread_local_stream`).

    Parameters
    ----------
    device : Device or DeviceType
        The device the stream runs on (a :class:`DeviceType` means its device 0).

    Returns
    -------
    Stream
        A stream different from every existing one.

    Raises
    ------
    ValueError
        When the device is not available (``mx.gpu`` on a build without a GPU backend).
    TypeError
        When ``device`` is neither a :class:`Device` nor a :class:`DeviceType`.

    Examples
    --------
    >>> s = mx.new_stream(mx.cpu)
    >>> s.device
    Device(cpu, 0)
    >>> s == mx.default_stream(mx.cpu)
    False
    """

def new_thread_local_stream(device: Device | DeviceType) -> ThreadLocalStream:
    """Make a stream that stands for a distinct stream in each thread that uses it.

    Parameters
    ----------
    device : Device or DeviceType
        The device the streams run on (a :class:`DeviceType` means its device 0).

    Returns
    -------
    ThreadLocalStream

    Raises
    ------
    ValueError
        When the device is not available.
    TypeError
        When ``device`` is neither a :class:`Device` nor a :class:`DeviceType`.

    Examples
    --------
    >>> s = mx.new_thread_local_stream(mx.cpu)
    >>> s.device
    Device(cpu, 0)
    >>> mx.add(mx.array([1]), 1, stream=s)
    array([2], dtype=int32)
    """

def new_thread_unsafe_stream(device: Device | DeviceType) -> Stream:
    """Make a new stream on ``device`` that any thread may schedule work on.

    A stream from :func:`new_stream` belongs to the thread that made it; this one can be used from
    several threads, which must then order their use of it themselves.

    Parameters
    ----------
    device : Device or DeviceType
        The device the stream runs on (a :class:`DeviceType` means its device 0).

    Returns
    -------
    Stream

    Raises
    ------
    ValueError
        When the device is not available.
    TypeError
        When ``device`` is neither a :class:`Device` nor a :class:`DeviceType`.

    Examples
    --------
    >>> s = mx.new_thread_unsafe_stream(mx.cpu)
    >>> s.device
    Device(cpu, 0)
    >>> mx.add(mx.array([1]), 1, stream=s)
    array([2], dtype=int32)
    """

def not_equal(a: _Scalar | array, b: _Scalar | array, *, stream: _StreamOrDevice = None) -> array:
    """Element-wise comparison ``a != b``.

    ``a`` and ``b`` broadcast against each other and are compared in their promoted dtype (a Python
    scalar takes the other operand's dtype when it fits its kind). NaN differs from everything, itself included.

    Parameters
    ----------
    a : array or scalar
        The first operand.
    b : array or scalar
        The second operand.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default
        device.

    Returns
    -------
    array
        A ``bool`` array of the broadcast shape: whether ``a`` differs from ``b``.

    Raises
    ------
    ValueError
        When the shapes of ``a`` and ``b`` do not broadcast, or a Python int does not fit the
        other operand's integer dtype.

    Examples
    --------
    >>> mx.not_equal(mx.array([1, 2]), 2)
    array([True, False], dtype=bool)

    Notes
    -----
    The reference binding accepts only arrays and Python scalars here; mlxcy also converts lists,
    tuples and NumPy arrays (docs/differences.md).
    """

def ones(shape: int | Sequence[int], dtype: Dtype | None = float32, *, stream: _StreamOrDevice = None) -> array:
    """An array of the given shape filled with ones.

    Parameters
    ----------
    shape : int or list(int)
        The shape of the result; an int makes a 1-D array.
    dtype : Dtype, optional
        The dtype of the result. Default: ``float32`` (``None`` also means float32).
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The ones.

    Raises
    ------
    ValueError
        When a dimension is negative.
    RuntimeError
        When ``shape`` is not an int or a sequence of ints (``None``: ``TypeError``).

    Examples
    --------
    >>> mx.ones(3)
    array([1, 1, 1], dtype=float32)
    >>> mx.ones((1, 2), mx.bool_)
    array([[True, True]], dtype=bool)

    Notes
    -----
    A result too large to allocate raises ``MemoryError`` in mlxcy when the op is called (the
    reference crashes when it is evaluated).
    """

def ones_like(a: array, /, dtype: Dtype | None = None, *, stream: _StreamOrDevice = None) -> array:
    """An array of ones with the shape and dtype of ``a``.

    Parameters
    ----------
    a : array
        The array whose shape (and dtype) to use.
    dtype : Dtype, optional
        The dtype of the result. Default: ``None``, the dtype of ``a``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The ones.

    Raises
    ------
    TypeError
        When ``a`` is not an array.

    Examples
    --------
    >>> a = mx.array([1.5, 2.5])
    >>> mx.ones_like(a)
    array([1, 1], dtype=float32)
    >>> mx.ones_like(a, dtype=mx.bool_)
    array([True, True], dtype=bool)
    """

def outer(a: array, b: array, /, *, stream: _StreamOrDevice = None) -> array:
    """Outer product of ``a`` and ``b``, both flattened to vectors first.

    Parameters
    ----------
    a : array
        The first operand (flattened), of ``n`` elements.
    b : array
        The second operand (flattened), of ``m`` elements.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The ``(n, m)`` matrix ``a[i] * b[j]``, of the promoted dtype.

    Raises
    ------
    TypeError
        When ``a`` or ``b`` is not an array.
    MemoryError
        When the result is too large to allocate.

    Examples
    --------
    >>> mx.outer(mx.array([1, 2]), mx.array([1, 10, 100]))
    array([[1, 10, 100],
           [2, 20, 200]], dtype=int32)

    Notes
    -----
    A result too large to allocate is a ``MemoryError`` when the op is called; the reference binding
    crashes when it is evaluated.
    """

def pad(a: array, pad_width: int | tuple[int] | tuple[int, int] | list[tuple[int, int]], mode: Literal['constant', 'edge', 'reflect', 'symmetric'] = 'constant', constant_values: _Scalar | array = 0, *, stream: _StreamOrDevice = None) -> array:
    """Pad an array on the edges of each axis.

    Parameters
    ----------
    a : array
        The input array.
    pad_width : int or tuple(int) or tuple(int, int) or list(tuple(int, int))
        How many elements to add before and after each axis: ``n`` or ``(n,)`` adds ``n`` on both
        sides of every axis, ``(low, high)`` adds ``low`` before and ``high`` after every axis, and a
        list of ``(low, high)`` pairs gives one pair per axis. Every width must be 0 or more.
    mode : str, optional
        ``"constant"`` fills with ``constant_values``; ``"edge"`` repeats the edge element;
        ``"reflect"`` mirrors the array without repeating the edge element; ``"symmetric"``
        mirrors it including the edge element. Default: ``"constant"``.
    constant_values : scalar or array, optional
        The fill value of ``"constant"`` mode, cast to the dtype of ``a``. Default: ``0``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The padded array, with the dtype of ``a``.

    Raises
    ------
    ValueError
        When a width is negative, the number of pairs does not match ``a.ndim``, or ``mode`` is
        unknown.
    TypeError
        When ``a`` is not an array or ``pad_width`` has another form.

    Examples
    --------
    >>> a = mx.array([1, 2])
    >>> mx.pad(a, 1)
    array([0, 1, 2, 0], dtype=int32)
    >>> mx.pad(a, (1, 2), constant_values=9)
    array([9, 1, 2, 9, 9], dtype=int32)
    >>> mx.pad(mx.array([1, 2, 3]), 1, mode="reflect")
    array([2, 1, 2, 3, 2], dtype=int32)
    >>> mx.pad(mx.array([[1, 2]]), [(0, 1), (1, 0)])
    array([[0, 1, 2],
           [0, 0, 0]], dtype=int32)

    Notes
    -----
    An empty ``constant_values`` array raises ``ValueError`` in mlxcy (the reference pads with
    whatever memory lies outside it).
    """

def partition(a: array, /, kth: int, axis: None | int = -1, *, stream: _StreamOrDevice = None) -> array:
    """A partially sorted copy: the element at index ``kth`` is where a full sort puts it.

    Elements before position ``kth`` are smaller than or equal to it and elements after it larger
    than or equal to it, each group in no particular order.

    Parameters
    ----------
    a : array
        The input array.
    kth : int
        The position to put in sorted order; negative counts from the end.
    axis : int, optional
        The axis to partition along; ``None`` uses the flattened array. Default: ``-1``, the last
        axis.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The partitioned values, with the dtype and shape of ``a`` (1-D when ``axis`` is None).

    Raises
    ------
    TypeError
        When ``axis`` is a sequence.
    ValueError
        When ``kth`` is out of range for the axis.
    IndexError
        When ``axis`` is out of range.

    Examples
    --------
    >>> p = mx.partition(mx.array([3, 1, 2, 5, 4]), 2)
    >>> p[2]
    array(3, dtype=int32)
    >>> mx.sort(p[:2]), mx.sort(p[3:])
    (array([1, 2], dtype=int32), array([4, 5], dtype=int32))

    Notes
    -----
    mlxcy also accepts a Python scalar, list or NumPy array for ``a`` (the reference raises
    ``TypeError``).
    """

def permute_dims(a: array, /, axes: Sequence[int] | None = None, *, stream: _StreamOrDevice = None) -> array:
    """Permute the axes of an array; another name for :func:`transpose`.

    Parameters
    ----------
    a : array
        The input array.
    axes : list(int), optional
        The new order: axis ``i`` of the result is axis ``axes[i]`` of ``a``. Default: ``None``,
        the axes reversed.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The permuted array.

    Raises
    ------
    ValueError
        When ``axes`` does not have one entry per axis or repeats an axis.
    IndexError
        When an axis is out of range.
    TypeError
        When ``a`` is not an array or ``axes`` is not a sequence of ints.

    Examples
    --------
    >>> mx.permute_dims(mx.zeros((2, 3, 4)), (2, 0, 1)).shape
    (4, 2, 3)
    """

def positive(a: array, /, *, stream: _StreamOrDevice = None) -> array:
    """Element-wise unary plus, ``+a``: the values unchanged.

    Parameters
    ----------
    a : array
        The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
        own binding refuses lists).
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        An array equal to ``a``, same shape and dtype.

    Examples
    --------
    >>> mx.positive(mx.array([1, -2]))
    array([1, -2], dtype=int32)
    """

def pow(a: _Scalar | array, b: _Scalar | array, /, *, stream: _StreamOrDevice = None) -> array:
    """Element-wise power ``a ** b``.

    ``a`` and ``b`` broadcast against each other. Their dtypes promote as usual; a Python scalar
    takes the other operand's dtype when it fits its kind (``int8`` array + 1 stays ``int8``,
    ``float16`` array * 2.5 stays ``float16``). Integer powers stay integers and wrap around on overflow; a negative integer exponent
    gives 0, even for a base of 1. ``mx.pow`` is the same function.

    Parameters
    ----------
    a : array or scalar
        The base.
    b : array or scalar
        The exponent.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default
        device.

    Returns
    -------
    array
        The powers, of the broadcast shape and promoted dtype.

    Raises
    ------
    ValueError
        When the shapes of ``a`` and ``b`` do not broadcast, or a Python int does not fit the
        other operand's integer dtype.

    Examples
    --------
    >>> mx.power(mx.array([2, 3]), 2)
    array([4, 9], dtype=int32)
    >>> mx.power(mx.array([4.0, 9.0]), 0.5)
    array([2, 3], dtype=float32)
    >>> mx.power(2, mx.array([3, -1]))
    array([8, 0], dtype=int32)

    Notes
    -----
    The reference binding accepts only arrays and Python scalars here; mlxcy also converts lists,
    tuples and NumPy arrays (docs/differences.md).
    """

def power(a: _Scalar | array, b: _Scalar | array, /, *, stream: _StreamOrDevice = None) -> array:
    """Element-wise power ``a ** b``.

    ``a`` and ``b`` broadcast against each other. Their dtypes promote as usual; a Python scalar
    takes the other operand's dtype when it fits its kind (``int8`` array + 1 stays ``int8``,
    ``float16`` array * 2.5 stays ``float16``). Integer powers stay integers and wrap around on overflow; a negative integer exponent
    gives 0, even for a base of 1. ``mx.pow`` is the same function.

    Parameters
    ----------
    a : array or scalar
        The base.
    b : array or scalar
        The exponent.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default
        device.

    Returns
    -------
    array
        The powers, of the broadcast shape and promoted dtype.

    Raises
    ------
    ValueError
        When the shapes of ``a`` and ``b`` do not broadcast, or a Python int does not fit the
        other operand's integer dtype.

    Examples
    --------
    >>> mx.power(mx.array([2, 3]), 2)
    array([4, 9], dtype=int32)
    >>> mx.power(mx.array([4.0, 9.0]), 0.5)
    array([2, 3], dtype=float32)
    >>> mx.power(2, mx.array([3, -1]))
    array([8, 0], dtype=int32)

    Notes
    -----
    The reference binding accepts only arrays and Python scalars here; mlxcy also converts lists,
    tuples and NumPy arrays (docs/differences.md).
    """

def printoptions(precision: int = -1) -> Any:
    """A context manager that sets print options inside a ``with`` block.

    The options in force before the block are restored when it ends.

    Parameters
    ----------
    precision : int, optional
        Digits after the decimal point of floating point values; -1: the default (6 significant
        digits). Default: ``-1``.

    Returns
    -------
    context manager

    Raises
    ------
    TypeError
        When ``precision`` is not an int of 32 bits.

    Examples
    --------
    >>> with mx.printoptions(precision=3):
    ...     print(mx.array([1 / 3]))
    array([0.333], dtype=float32)
    >>> mx.get_printoptions().precision
    -1
    """

def prod(a: array, /, axis: None | int | Sequence[int] = None, keepdims: bool = False, *, stream: _StreamOrDevice = None) -> array:
    """Product of the elements over the given axes.

    Bool, int8 and int16 inputs are multiplied as int32, uint8 and uint16 inputs as uint32; other
    dtypes keep their own.

    Parameters
    ----------
    a : array
        The input array.
    axis : int or list(int), optional
        Axis or axes to reduce over. Default: ``None``, every axis.
    keepdims : bool, optional
        Keep the reduced axes as axes of size 1. Default: ``False``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The products. An empty axis gives 1.

    Raises
    ------
    IndexError
        When an axis is out of range.
    ValueError
        When an axis is given twice.

    Examples
    --------
    >>> a = mx.array([[1, 2], [3, 4]])
    >>> mx.prod(a)
    array(24, dtype=int32)
    >>> mx.prod(a, axis=1)
    array([2, 12], dtype=int32)

    Notes
    -----
    mlxcy also accepts a Python scalar, list or NumPy array for ``a`` (the reference raises
    ``TypeError``).
    """

def put_along_axis(a: array, /, indices: array, values: array, axis: int | None = None, *, stream: _StreamOrDevice = None) -> array:
    """A copy of an array with values written at indices given along an axis.

    The counterpart of :func:`take_along_axis`: ``indices`` and ``values`` broadcast with ``a`` on
    the other axes, and the values are cast to the dtype of ``a``.

    Parameters
    ----------
    a : array
        The array to write into (it is not modified).
    indices : array
        Integer indices, with ``a.ndim`` dimensions (1 when ``axis`` is None).
    values : array
        The values to write, broadcast together with ``indices``.
    axis : int, optional
        The axis the indices refer to; ``None`` uses the flattened array (the shape of ``a`` is
        kept). Default: ``None``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The updated copy, with the shape and dtype of ``a``.

    Raises
    ------
    ValueError
        When ``indices`` does not have the right number of dimensions or does not broadcast.
    IndexError
        When ``axis`` is out of range.
    TypeError
        When ``a``, ``indices`` or ``values`` is not an array.

    Examples
    --------
    >>> a = mx.zeros((2, 3), mx.int32)
    >>> mx.put_along_axis(a, mx.array([[1], [2]]), mx.array([[7], [8]]), axis=1)
    array([[0, 7, 0],
           [0, 0, 8]], dtype=int32)
    >>> mx.put_along_axis(mx.zeros((2, 2)), mx.array([3]), mx.array([5.0]))
    array([[0, 0],
           [0, 5]], dtype=float32)
    """

def qqmm(x: array, w: array, scales: array | None = None, group_size: int | None = None, bits: int | None = None, mode: str = 'nvfp4', global_scale_x: array | None = None, global_scale_w: array | None = None, *, stream: _StreamOrDevice = None) -> array:
    """Matrix product ``x @ w.T`` with both operands in a low-precision floating-point format.

    ``x`` is quantized on the fly. ``w`` is either already quantized (pass its ``scales``) or
    quantized on the fly too. Only the ``"nvfp4"`` and ``"mxfp8"`` modes are supported; the CPU
    supports only an already quantized ``w``.

    Parameters
    ----------
    x : array
        The left operand, shape ``(..., K)``, floating-point.
    w : array
        The right operand, shape ``(N, K)`` floating-point, or its quantized form from
        :func:`quantize` (uint32).
    scales : array, optional
        The scales of a quantized ``w``. Default: ``None``, ``w`` is not quantized.
    group_size : int, optional
        Elements per group. Default: ``None``, the mode's default (as in :func:`quantize`).
    bits : int, optional
        Bits per element. Default: ``None``, the mode's default.
    mode : str, optional
        ``"nvfp4"`` or ``"mxfp8"``. Default: ``"nvfp4"``.
    global_scale_x : array, optional
        A scalar scale for ``x`` (``"nvfp4"`` only). Default: ``None``.
    global_scale_w : array, optional
        A scalar scale for ``w`` (``"nvfp4"`` only). Default: ``None``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The product, shape ``(..., N)``, approximate to the precision of the format.

    Raises
    ------
    TypeError
        When an operand is not an array (or ``None`` where allowed), or ``mode`` is not a str.
    ValueError
        When ``w`` is quantized but ``scales`` is missing, or the shapes do not match the
        quantization parameters.
    RuntimeError
        When the backend does not implement the requested case.

    Examples
    --------
    >>> w = mx.ones((2, 64))
    >>> w_q, scales = mx.quantize(w, mode="mxfp8")
    >>> mx.qqmm(mx.full((1, 64), 2.0), w_q, scales, mode="mxfp8")
    array([[128, 128]], dtype=float32)
    """

def quantize(w: array, /, group_size: int | None = None, bits: int | None = None, mode: str = 'affine', *, global_scale: array | None = None, stream: _StreamOrDevice = None) -> tuple[array, array, array]:
    """Quantize a matrix along its last axis, in groups of ``group_size`` elements.

    In the ``"affine"`` mode each group gets a scale and a bias, and each element is stored as a
    ``bits``-bit integer ``q`` with ``w ~ scale * q + bias``. The floating-point modes ``"mxfp4"``,
    ``"mxfp8"`` and ``"nvfp4"`` store small floats with one shared scale per group (as uint8). The
    quantized elements are packed into uint32 words along the last axis.

    Parameters
    ----------
    w : array
        The matrix to quantize: real floating-point, at least 2-D, its last axis divisible by
        ``group_size``.
    group_size : int, optional
        Elements per group. Default: ``None``, 64 for ``"affine"``, 32 for ``"mxfp4"`` and
        ``"mxfp8"``, 16 for ``"nvfp4"`` (the only size those modes accept).
    bits : int, optional
        Bits per element: 1, 2, 3, 4, 5, 6 or 8 for ``"affine"``. Default: ``None``, 4 (8 for
        ``"mxfp8"``, the only value each floating-point mode accepts).
    mode : str, optional
        ``"affine"``, ``"mxfp4"``, ``"mxfp8"`` or ``"nvfp4"``. Default: ``"affine"``.
    global_scale : array, optional
        A scalar scale applied to the whole matrix, for ``"nvfp4"`` only. Default: ``None``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    list(array)
        ``[w_q, scales, biases]`` for ``"affine"``, ``[w_q, scales]`` for the other modes. ``w_q`` is
        uint32 of shape ``(..., n * bits // 32)``; ``scales`` (and ``biases``) have one entry per group,
        shape ``(..., n // group_size)``, in the dtype of ``w`` for ``"affine"`` and uint8 otherwise.

    Raises
    ------
    TypeError
        When ``w`` or ``global_scale`` is not an array, or ``mode`` is not a str.
    ValueError
        When ``w`` has fewer than 2 dimensions or is not floating-point, its last axis is not
        divisible by ``group_size``, ``group_size`` or ``bits`` is not supported (zero and negative
        values included), the mode is unknown, or ``global_scale`` is given for another mode than
        ``"nvfp4"``.

    Examples
    --------
    >>> w = (mx.arange(128) % 16).astype(mx.float32).reshape(2, 64)
    >>> w_q, scales, biases = mx.quantize(w, group_size=32, bits=4)
    >>> w_q.shape, w_q.dtype, scales.shape
    ((2, 8), mlx.core.uint32, (2, 2))
    >>> [a.dtype for a in mx.quantize(w, mode="mxfp4")]
    [mlx.core.uint32, mlx.core.uint8]

    Notes
    -----
    The reference binding crashes (floating point exception) for a ``group_size`` or ``bits`` of 0;
    mlxcy raises ``ValueError``.
    """

def quantized_matmul(x: array, w: array, /, scales: array, biases: array | None = None, transpose: bool = True, group_size: int | None = None, bits: int | None = None, mode: str = 'affine', *, stream: _StreamOrDevice = None) -> array:
    """Matrix product with a quantized matrix: ``x @ dequantize(w).T`` (or ``x @ dequantize(w)`` when
    ``transpose`` is ``False``), without building the dequantized matrix.

    Parameters
    ----------
    x : array
        The left operand, shape ``(..., K)`` with ``transpose``.
    w : array
        The quantized matrix (uint32), as returned by :func:`quantize`.
    scales : array
        The scales of ``w``.
    biases : array, optional
        The biases of ``w``: required for ``"affine"``. Default: ``None``.
    transpose : bool, optional
        Whether to multiply by the transpose of the dequantized ``w`` (the layout of a linear layer's
        weight). Default: ``True``.
    group_size : int, optional
        Elements per group. Default: ``None``, the mode's default (as in :func:`quantize`).
    bits : int, optional
        Bits per element. Default: ``None``, the mode's default.
    mode : str, optional
        ``"affine"``, ``"mxfp4"``, ``"mxfp8"`` or ``"nvfp4"``. Default: ``"affine"``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The product, shape ``(..., N)``.

    Raises
    ------
    TypeError
        When an operand is not an array, ``transpose`` is not a bool or ``mode`` is not a str.
    ValueError
        When ``biases`` is missing in the ``"affine"`` mode, or the shapes do not match the
        quantization parameters.

    Examples
    --------
    >>> w = (mx.arange(128) % 16).astype(mx.float32).reshape(2, 64)
    >>> w_q, scales, biases = mx.quantize(w, group_size=32, bits=4)
    >>> x = mx.ones((1, 64))
    >>> mx.quantized_matmul(x, w_q, scales, biases, group_size=32, bits=4)
    array([[480, 480]], dtype=float32)
    >>> x @ w.T
    array([[480, 480]], dtype=float32)

    Notes
    -----
    A ``group_size`` or ``bits`` of 0 can crash the reference binding (floating point exception);
    mlxcy raises ``ValueError`` for any value below 1.
    """

def radians(a: _Scalar | array, /, *, stream: _StreamOrDevice = None) -> array:
    """Convert angles from degrees to radians, element-wise.

    Floating-point and complex inputs keep their dtype; boolean and integer inputs give float32.

    Parameters
    ----------
    a : array
        The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
        own binding refuses lists).
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        ``a * pi / 180``, same shape as ``a``.

    Examples
    --------
    >>> mx.radians(mx.array([0.0, 180.0]))
    array([0, 3.14159], dtype=float32)
    """

def real(a: array, /, *, stream: _StreamOrDevice = None) -> array:
    """The real part of each element.

    Parameters
    ----------
    a : array
        The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
        own binding refuses lists).
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        For complex input the real parts, as the matching real dtype (float32 for complex64); any
        other array comes back with its values and dtype unchanged.

    Examples
    --------
    >>> mx.real(mx.array([1 + 2j, 3 - 4j]))
    array([1, 3], dtype=float32)
    """

def reciprocal(a: array, /, *, stream: _StreamOrDevice = None) -> array:
    """Element-wise reciprocal, ``1 / a``.

    Floating-point and complex inputs keep their dtype; boolean and integer inputs give float32.
    Zero gives ``inf``.

    Parameters
    ----------
    a : array
        The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
        own binding refuses lists).
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        ``1 / a`` for each element, same shape as ``a``.

    Examples
    --------
    >>> mx.reciprocal(mx.array([2, 4]))
    array([0.5, 0.25], dtype=float32)
    """

def remainder(a: _Scalar | array, b: _Scalar | array, *, stream: _StreamOrDevice = None) -> array:
    """Element-wise remainder ``a % b``, with the sign of the divisor (as Python's ``%``).

    ``a`` and ``b`` broadcast against each other. Their dtypes promote as usual; a Python scalar
    takes the other operand's dtype when it fits its kind (``int8`` array + 1 stays ``int8``,
    ``float16`` array * 2.5 stays ``float16``). The result satisfies ``a == floor_divide(a, b) * b + remainder(a, b)``. An integer
    remainder by zero gives the dividend.

    Parameters
    ----------
    a : array or scalar
        The dividend.
    b : array or scalar
        The divisor.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default
        device.

    Returns
    -------
    array
        The remainders, of the broadcast shape and promoted dtype.

    Raises
    ------
    ValueError
        When the shapes of ``a`` and ``b`` do not broadcast, or a Python int does not fit the
        other operand's integer dtype.
    OverflowError
        When an integer type's most negative value is divided by -1 (values already on the host).

    Examples
    --------
    >>> mx.remainder(mx.array([7, -7]), 3)
    array([1, 2], dtype=int32)
    >>> mx.remainder(mx.array([7, -7]), -3)
    array([-2, -1], dtype=int32)
    >>> mx.remainder(mx.array([5.5, -5.5]), 2)
    array([1.5, 0.5], dtype=float32)

    Notes
    -----
    The reference binding crashes (SIGFPE) on the most negative integer divided by -1, and accepts
    only arrays and Python scalars; mlxcy raises ``OverflowError`` and also converts lists, tuples
    and NumPy arrays (docs/differences.md).
    """

def repeat(array: array, /, repeats: int, axis: int | None = None, *, stream: _StreamOrDevice = None) -> array:
    """Repeat each element of an array a number of times.

    Parameters
    ----------
    array : array
        The input array.
    repeats : int
        How many times each element is repeated (0 or more).
    axis : int, optional
        The axis to repeat along. Default: ``None``, the flattened array.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The array with the size along ``axis`` multiplied by ``repeats`` (1-D when ``axis`` is None).

    Raises
    ------
    ValueError
        When ``repeats`` is negative.
    IndexError
        When ``axis`` is out of range.
    TypeError
        When ``array`` is not an array or ``repeats`` is not an int.

    Examples
    --------
    >>> mx.repeat(mx.array([1, 2]), 2)
    array([1, 1, 2, 2], dtype=int32)
    >>> mx.repeat(mx.array([[1, 2], [3, 4]]), 2, axis=0)
    array([[1, 2],
           [1, 2],
           [3, 4],
           [3, 4]], dtype=int32)
    """

def reset_peak_memory() -> None:
    """Set the peak memory figure of :func:`get_peak_memory` back to zero.

    Returns
    -------
    None

    Examples
    --------
    >>> mx.reset_peak_memory()
    >>> isinstance(mx.get_peak_memory(), int)
    True
    """

def reshape(a: array, /, shape: Sequence[int], *, stream: _StreamOrDevice = None) -> array:
    """An array with the same elements in a new shape.

    The elements are taken in row-major order. The result shares memory with ``a`` when the layout
    allows, and is a copy otherwise.

    Parameters
    ----------
    a : array
        The input array.
    shape : list(int)
        The new shape, with the same number of elements; one entry may be -1, inferred from the
        others.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The reshaped array, with the dtype of ``a``.

    Raises
    ------
    ValueError
        When the sizes do not match or more than one entry is -1.
    TypeError
        When ``a`` is not an array or ``shape`` is not a sequence of ints (a bare int included).

    Examples
    --------
    >>> a = mx.arange(6)
    >>> mx.reshape(a, (2, 3))
    array([[0, 1, 2],
           [3, 4, 5]], dtype=int32)
    >>> mx.reshape(a, (-1, 2)).shape
    (3, 2)
    """

def result_type(*arrays_and_dtypes: array | Dtype) -> Dtype:
    """The dtype that promoting the given arrays and dtypes together gives.

    The same dtype a binary operation between arrays of these dtypes has: ``int8`` with ``uint8``
    gives ``int16``, an integer with a float gives that float, ``float16`` with ``bfloat16`` gives
    ``float32``. Python scalars are not accepted.

    Parameters
    ----------
    *arrays_and_dtypes : array or Dtype
        One or more arrays or dtypes; an array stands for its dtype.

    Returns
    -------
    Dtype

    Raises
    ------
    ValueError
        When no argument is given, or an argument is neither an array nor a :class:`Dtype`.

    Examples
    --------
    >>> mx.result_type(mx.int8, mx.uint8)
    mlx.core.int16
    >>> mx.result_type(mx.array([1, 2]), mx.float16)
    mlx.core.float16
    >>> mx.result_type(mx.float16, mx.bfloat16)
    mlx.core.float32
    """

def right_shift(a: _Scalar | array, b: _Scalar | array, *, stream: _StreamOrDevice = None) -> array:
    """Element-wise right shift ``a >> b``: the bits of ``a`` moved ``b`` places right.

    For integers, ``a`` divided by ``2**b``, rounded toward minus infinity for signed types. Bool operands are read as the integers 0 and 1. ``a`` and ``b``
    broadcast against each other and their dtypes promote (a Python int takes the other operand's
    dtype when it fits). ``mx.bitwise_right_shift`` is the same function.

    Parameters
    ----------
    a : array or scalar
        The values to shift, of an integer or bool type.
    b : array or scalar
        The number of places, of an integer or bool type.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default
        device.

    Returns
    -------
    array
        The shifted values, of the broadcast shape and promoted dtype (``uint8`` for two bools).

    Raises
    ------
    RuntimeError
        When an operand is of a floating point or complex type.
    ValueError
        When the shapes of ``a`` and ``b`` do not broadcast, or a Python int does not fit the
        other operand's integer dtype.

    Examples
    --------
    >>> mx.right_shift(mx.array([8, 7]), 1)
    array([4, 3], dtype=int32)
    >>> mx.right_shift(mx.array([-8]), 1)
    array([-4], dtype=int32)

    Notes
    -----
    The reference binding accepts only arrays and Python scalars here; mlxcy also converts lists,
    tuples and NumPy arrays (docs/differences.md).
    """

def roll(a: array, /, shift: int | tuple[int], axis: None | int | tuple[int] = None, *, stream: _StreamOrDevice = None) -> array:
    """Shift the elements of an array along axes, wrapping around at the end.

    Parameters
    ----------
    a : array
        The input array.
    shift : int or tuple(int)
        How many places to shift (negative shifts towards the start).
    axis : int or tuple(int), optional
        The axes to shift along. Default: ``None``, the flattened array (the shape is restored).
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The rolled array, with the shape and dtype of ``a``.

    Raises
    ------
    ValueError
        When ``shift`` and ``axis`` are both sequences and ``shift`` has fewer entries.
    IndexError
        When an axis is out of range.
    TypeError
        When ``a`` is not an array.

    Examples
    --------
    >>> mx.roll(mx.array([1, 2, 3, 4]), 1)
    array([4, 1, 2, 3], dtype=int32)
    >>> a = mx.array([[1, 2], [3, 4]])
    >>> mx.roll(a, 1, axis=1)
    array([[2, 1],
           [4, 3]], dtype=int32)
    >>> mx.roll(a, 1, axis=(0, 1))
    array([[4, 3],
           [2, 1]], dtype=int32)

    Notes
    -----
    One int ``shift`` applies to every axis in ``axis``; with sequences for both, ``shift[i]``
    applies to ``axis[i]``; several shifts for one axis (or for the flattened array) add up.
    """

def round(a: array, /, decimals: int = 0, stream: _StreamOrDevice = None) -> array:
    """Round each element to ``decimals`` decimal places, halves to the nearest even value.

    A negative ``decimals`` rounds to tens, hundreds, ... (integer arrays too); integer and boolean
    arrays are otherwise unchanged.

    Parameters
    ----------
    a : array
        The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
        own binding refuses lists).
    decimals : int, optional
        How many decimal places to keep. Default: ``0``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The rounded values, same shape and dtype as ``a``.

    Raises
    ------
    TypeError
        When ``decimals`` is not an integer.

    Examples
    --------
    >>> mx.round(mx.array([0.5, 1.5, 2.5, -1.5]))
    array([0, 2, 2, -2], dtype=float32)
    >>> mx.round(mx.array([1.25, 2.375]), decimals=1)
    array([1.2, 2.4], dtype=float32)
    >>> mx.round(mx.array([15, 251]), decimals=-1)
    array([20, 250], dtype=int32)

    Notes
    -----
    The parameters after the operands may also be passed by position (``mx.round(a, 1, mx.cpu)``), as
    the reference's published signature lists them; MLX's own binding takes them only by keyword.
    """

def rsqrt(a: array, /, *, stream: _StreamOrDevice = None) -> array:
    """Element-wise reciprocal square root, ``1 / sqrt(a)``.

    Floating-point and complex inputs keep their dtype; boolean and integer inputs give float32.
    Zero gives ``inf`` and negative real inputs NaN.

    Parameters
    ----------
    a : array
        The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
        own binding refuses lists).
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        ``1 / sqrt(a)`` for each element, same shape as ``a``.

    Examples
    --------
    >>> mx.rsqrt(mx.array([4.0, 16.0]))
    array([0.5, 0.25], dtype=float32)
    """

def save(file: Any | str | pathlib.Path, arr: array) -> None:
    """Save one array to a ``.npy`` file.

    Parameters
    ----------
    file : str, pathlib.Path or binary file object
        Where to write; ``.npy`` is appended to a path without that extension.
    arr : array
        The array to save (array-likes such as lists are converted).

    Returns
    -------
    None

    Raises
    ------
    TypeError
        When ``arr`` cannot be converted to an array.
    RuntimeError
        When the file cannot be opened for writing.

    Examples
    --------
    >>> import os, tempfile
    >>> path = os.path.join(tempfile.mkdtemp(), "weights")
    >>> mx.save(path, mx.array([[1, 2], [3, 4]]))
    >>> mx.load(path + ".npy")
    array([[1, 2],
           [3, 4]], dtype=int32)

    Notes
    -----
    A path is written through a temporary file renamed over the target, so an existing file
    stays whole if writing fails and arrays memory-mapped from it keep their values (see
    docs/differences.md).
    """

def save_gguf(file: Any | str | pathlib.Path, arrays: dict[str, array], metadata: dict[str, array | str | list[str]] | None = None) -> Any:
    """Save a dict of arrays, with optional metadata, in the GGUF format.

    Parameters
    ----------
    file : str, pathlib.Path or binary file object
        Where to write; ``.gguf`` is appended to a path without that extension.
    arrays : dict(str, array)
        The arrays to save, by name.
    metadata : dict, optional
        Values stored in the header: strings, lists of strings, numbers, lists of numbers, or
        arrays of at most one dimension. Default: ``None``.

    Returns
    -------
    None

    Raises
    ------
    TypeError
        When ``arrays`` is not a dict of names to arrays or a metadata value has another type.
    ValueError
        When a metadata array has more than one dimension.
    RuntimeError
        When the file cannot be opened for writing.

    Examples
    --------
    >>> import os, tempfile
    >>> path = os.path.join(tempfile.mkdtemp(), "model.gguf")
    >>> mx.save_gguf(path, {"w": mx.array([1.0, 2.0])}, {"name": "tiny"})
    >>> mx.load(path, return_metadata=True)
    ({'w': array([1, 2], dtype=float32)}, {'name': 'tiny'})

    Notes
    -----
    A path is written through a temporary file renamed over the target (see :func:`save`); the
    reference accepts only paths here.
    """

def save_safetensors(file: Any | str | pathlib.Path, arrays: dict[str, array], metadata: dict[str, str] | None = None) -> Any:
    """Save a dict of arrays, with optional string metadata, in the safetensors format.

    Parameters
    ----------
    file : str, pathlib.Path or binary file object
        Where to write; ``.safetensors`` is appended to a path without that extension.
    arrays : dict(str, array)
        The arrays to save, by name.
    metadata : dict(str, str), optional
        Strings stored in the header, read back by ``load(..., return_metadata=True)``.
        Default: ``None``.

    Returns
    -------
    None

    Raises
    ------
    TypeError
        When ``arrays`` is not a dict of names to arrays.
    ValueError
        When ``metadata`` holds something other than strings, or an array is named
        ``"__metadata__"``.
    RuntimeError
        When the file cannot be opened for writing.

    Examples
    --------
    >>> import os, tempfile
    >>> path = os.path.join(tempfile.mkdtemp(), "model")
    >>> mx.save_safetensors(path, {"w": mx.array([1.0, 2.0])}, {"step": "10"})
    >>> mx.load(path + ".safetensors", return_metadata=True)
    ({'w': array([1, 2], dtype=float32)}, {'step': '10'})

    Notes
    -----
    The header is padded so that the data is 8-byte aligned and the tensors are laid out widest
    element first, so :func:`load` with ``mmap=True`` maps every tensor in place; a path is
    written through a temporary file renamed over the target (see docs/differences.md).
    """

def savez(file: Any | str | pathlib.Path, *args, **kwargs) -> Any:
    """Save several arrays to an uncompressed ``.npz`` archive.

    Parameters
    ----------
    file : str, pathlib.Path or binary file object
        Where to write; ``.npz`` is appended to a path without that extension.
    *args : array
        Arrays stored as ``arr_0``, ``arr_1``, ... in order.
    **kwargs : array
        Arrays stored under their keyword's name.

    Returns
    -------
    None

    Raises
    ------
    OSError
        When the file cannot be opened for writing (``FileNotFoundError`` for a missing folder).

    Examples
    --------
    >>> import os, tempfile
    >>> path = os.path.join(tempfile.mkdtemp(), "arrays.npz")
    >>> mx.savez(path, mx.array([1, 2]), scale=mx.array(0.5))
    >>> sorted(mx.load(path).items())
    [('arr_0', array([1, 2], dtype=int32)), ('scale', array(0.5, dtype=float32))]

    Notes
    -----
    A path is written through a temporary file renamed over the target (see :func:`save`).
    """

def savez_compressed(file: Any | str | pathlib.Path, *args, **kwargs) -> Any:
    """Save several arrays to a compressed ``.npz`` archive (members deflate-compressed).

    Parameters
    ----------
    file : str, pathlib.Path or binary file object
        Where to write; ``.npz`` is appended to a path without that extension.
    *args : array
        Arrays stored as ``arr_0``, ``arr_1``, ... in order.
    **kwargs : array
        Arrays stored under their keyword's name.

    Returns
    -------
    None

    Raises
    ------
    OSError
        When the file cannot be opened for writing (``FileNotFoundError`` for a missing folder).

    Examples
    --------
    >>> import os, tempfile
    >>> path = os.path.join(tempfile.mkdtemp(), "zeros.npz")
    >>> mx.savez_compressed(path, z=mx.zeros((1000,)))
    >>> mx.load(path)["z"].shape
    (1000,)
    >>> os.path.getsize(path) < 4000
    True

    Notes
    -----
    A path is written through a temporary file renamed over the target (see :func:`save`).
    """

def searchsorted(sorted_sequence: array, values: array, /, side: str = 'left', *, stream: _StreamOrDevice = None) -> array:
    """Positions at which to insert values into a sorted 1-D array to keep it sorted.

    Parameters
    ----------
    sorted_sequence : array
        A 1-D array in ascending order.
    values : array
        The values to place, of any shape.
    side : str, optional
        ``"left"``: the position before any equal elements; ``"right"``: the position after them.
        Default: ``"left"``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        uint32 positions, with the shape of ``values``.

    Raises
    ------
    ValueError
        When ``sorted_sequence`` is not 1-D or ``side`` is neither ``"left"`` nor ``"right"``.
    TypeError
        When ``side`` is not a str.

    Examples
    --------
    >>> s = mx.array([1, 2, 2, 3])
    >>> mx.searchsorted(s, mx.array([0, 2, 5]))
    array([0, 1, 4], dtype=uint32)
    >>> mx.searchsorted(s, mx.array([2]), side="right")
    array([3], dtype=uint32)

    Notes
    -----
    mlxcy also accepts Python scalars, lists and NumPy arrays for ``sorted_sequence`` and ``values``
    (the reference raises ``TypeError``).
    """

def segmented_mm(a: array, b: array, /, segments: array, *, stream: _StreamOrDevice = None) -> array:
    """Matrix products over segments of the inner dimension: one output matrix per segment.

    For each pair ``[start, end)`` in ``segments`` the result holds
    ``a[:, start:end] @ b[start:end, :]``; an empty segment gives zeros.

    Parameters
    ----------
    a : array
        The left matrix, shape ``(M, K)``.
    b : array
        The right matrix, shape ``(K, N)``.
    segments : array
        Integer pairs ``[start, end)`` into the ``K`` axis, shape ``(..., 2)``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        Shape ``segments.shape[:-1] + (M, N)``.

    Raises
    ------
    TypeError
        When an argument is not an array.
    ValueError
        When ``segments`` is not of shape ``(..., 2)`` or not integer, or the shapes do not match.

    Examples
    --------
    >>> a = mx.array([[1.0, 2.0, 3.0, 4.0]])
    >>> b = mx.ones((4, 2))
    >>> mx.segmented_mm(a, b, mx.array([[0, 1], [1, 4]]))
    array([[[1, 1]],
           [[9, 9]]], dtype=float32)
    """

def set_cache_limit(limit: int) -> int:
    """Set the size limit of MLX's buffer cache, in bytes; returns the previous limit.

    Freed buffers are kept for reuse up to this size; ``0`` turns the cache off.

    Parameters
    ----------
    limit : int
        The new limit in bytes.

    Returns
    -------
    int
        The previous limit.

    Raises
    ------
    TypeError
        When ``limit`` is not an int, or is negative.

    Examples
    --------
    >>> previous = mx.set_cache_limit(0)
    >>> mx.set_cache_limit(previous)
    0
    """

def set_default_device(device: Device | DeviceType) -> None:
    """Make ``device`` the device operations run on when no ``stream`` is given.

    Parameters
    ----------
    device : Device or DeviceType
        The new default device (a :class:`DeviceType` means its device 0).

    Returns
    -------
    None

    Raises
    ------
    ValueError
        When the device is not available (``mx.gpu`` on a build without a GPU backend).
    TypeError
        When ``device`` is neither a :class:`Device` nor a :class:`DeviceType`.

    Examples
    --------
    >>> previous = mx.default_device()
    >>> mx.set_default_device(mx.cpu)
    >>> mx.default_device()
    Device(cpu, 0)
    >>> mx.set_default_device(previous)
    """

def set_default_stream(stream: Stream) -> None:
    """Make ``stream`` the default stream of its device, and that device the default device.

    Parameters
    ----------
    stream : Stream
        The stream to make the default.

    Returns
    -------
    None

    Raises
    ------
    TypeError
        When ``stream`` is not a :class:`Stream` (a device is refused).

    Examples
    --------
    >>> previous, previous_cpu = mx.default_stream(mx.default_device()), mx.default_stream(mx.cpu)
    >>> s = mx.new_stream(mx.cpu)
    >>> mx.set_default_stream(s)
    >>> mx.default_stream(mx.cpu) == s
    True
    >>> mx.set_default_stream(previous_cpu)
    >>> mx.set_default_stream(previous)
    """

def set_memory_limit(limit: int) -> int:
    """Set the memory limit, in bytes; returns the previous limit.

    The limit is a guideline for MLX's allocator, not a hard cap: an allocation beyond it is not
    refused.

    Parameters
    ----------
    limit : int
        The new limit in bytes.

    Returns
    -------
    int
        The previous limit.

    Raises
    ------
    TypeError
        When ``limit`` is not an int, or is negative.

    Examples
    --------
    >>> previous = mx.set_memory_limit(2**30)
    >>> mx.get_memory_limit()
    1073741824
    >>> mx.set_memory_limit(previous)
    1073741824
    """

def set_printoptions(precision: int = -1) -> None:
    """Set how arrays print, for the rest of the process.

    Parameters
    ----------
    precision : int, optional
        Digits after the decimal point of floating point values; -1 restores the default (6
        significant digits). Default: ``-1``.

    Returns
    -------
    None

    Raises
    ------
    TypeError
        When ``precision`` is not an int that fits in 32 bits.

    Examples
    --------
    >>> mx.set_printoptions(precision=2)
    >>> mx.array([1 / 3, 2 / 3])
    array([0.33, 0.67], dtype=float32)
    >>> mx.set_printoptions()
    >>> mx.array([1 / 3, 2 / 3])
    array([0.333333, 0.666667], dtype=float32)
    """

def set_wired_limit(limit: int) -> int:
    """Set the wired memory limit, in bytes; returns the previous limit.

    On Apple silicon (Metal), memory up to this size is kept resident (wired) for the GPU, which
    helps large models. On other backends it has no effect (and the previous limit reads as 0). The
    default is 0.

    Parameters
    ----------
    limit : int
        The new limit in bytes.

    Returns
    -------
    int
        The previous limit.

    Raises
    ------
    TypeError
        When ``limit`` is not an int, or is negative.

    Examples
    --------
    >>> previous = mx.set_wired_limit(0)
    >>> mx.set_wired_limit(previous)
    0
    """

def sigmoid(a: array, /, *, stream: _StreamOrDevice = None) -> array:
    """Element-wise logistic sigmoid, ``1 / (1 + exp(-a))``.

    Floating-point inputs keep their dtype; boolean and integer inputs give float32.

    Parameters
    ----------
    a : array
        The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
        own binding refuses lists).
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The sigmoid of each element, in ``[0, 1]``, same shape as ``a``.

    Raises
    ------
    ValueError
        When ``a`` is complex.

    Examples
    --------
    >>> mx.sigmoid(mx.array([0.0]))
    array([0.5], dtype=float32)
    """

def sign(a: array, /, *, stream: _StreamOrDevice = None) -> array:
    """Element-wise sign: -1 for negative, 0 for zero, 1 for positive elements.

    For complex input the sign is ``a / abs(a)`` (0 where ``a`` is 0). NaN gives 0.

    Parameters
    ----------
    a : array
        The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
        own binding refuses lists).
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The sign of each element, same shape and dtype as ``a``.

    Examples
    --------
    >>> mx.sign(mx.array([-3, 0, 2]))
    array([-1, 0, 1], dtype=int32)
    >>> mx.sign(mx.array([3 + 4j]))
    array([0.6+0.8j], dtype=complex64)
    """

def sin(a: array, /, *, stream: _StreamOrDevice = None) -> array:
    """Element-wise sine of angles in radians.

    Floating-point and complex inputs keep their dtype; boolean and integer inputs give float32.

    Parameters
    ----------
    a : array
        The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
        own binding refuses lists).
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The sine of each element, same shape as ``a``.

    Examples
    --------
    >>> mx.sin(mx.array([0.0, 0.5]))
    array([0, 0.479426], dtype=float32)
    """

def sinh(a: array, /, *, stream: _StreamOrDevice = None) -> array:
    """Element-wise hyperbolic sine.

    Floating-point and complex inputs keep their dtype; boolean and integer inputs give float32.

    Parameters
    ----------
    a : array
        The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
        own binding refuses lists).
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The hyperbolic sine of each element, same shape as ``a``.

    Examples
    --------
    >>> mx.sinh(mx.array([0.0]))
    array([0], dtype=float32)
    """

def slice(a: array, start_indices: array, axes: Sequence[int], slice_size: Sequence[int], *, stream: _StreamOrDevice = None) -> array:
    """A window of an array whose start positions are given by an array.

    Unlike Python slicing, the start positions may be the result of a computation (they are read
    when the graph is evaluated, also inside :func:`compile`), while the window's size is fixed.

    Parameters
    ----------
    a : array
        The input array.
    start_indices : array
        Integer array of start positions, one per entry of ``axes``.
    axes : list(int)
        The axes the window is taken along; the others are kept whole.
    slice_size : list(int)
        The size of the window along every axis of ``a`` (one entry per axis).
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The window, of shape ``slice_size``.

    Raises
    ------
    ValueError
        When a size is negative or larger than its axis, the number of start positions does not
        match ``axes``, ``start_indices`` is not an integer array, or the window leaves the array.
    IndexError
        When an axis is out of range.
    TypeError
        When ``a`` or ``start_indices`` is not an array.

    Examples
    --------
    >>> a = mx.arange(12).reshape(3, 4)
    >>> mx.slice(a, mx.array([1, 2]), [0, 1], [2, 2])
    array([[6, 7],
           [10, 11]], dtype=int32)
    >>> f = mx.compile(lambda x, i: mx.slice(x, i, [0], [3]))
    >>> f(mx.arange(10), mx.array([2]))
    array([2, 3, 4], dtype=int32)

    Notes
    -----
    A window that leaves the array raises ``ValueError`` in mlxcy when the start positions are
    known (the reference reads outside the array); start positions still to be computed are not
    checked. A negative size is a ``ValueError`` too (the reference returns an empty array).
    """

def slice_update(a: array, update: array, start_indices: array, axes: Sequence[int], *, stream: _StreamOrDevice = None) -> array:
    """A copy of an array with a block written at start positions given by an array.

    The counterpart of :func:`slice`: the block ``update`` is written with its first element at
    ``start_indices`` along ``axes``, and its values are cast to the dtype of ``a``.

    Parameters
    ----------
    a : array
        The array to write into (it is not modified).
    update : array
        The block to write, with at most ``a.ndim`` dimensions; its shape is aligned to the last axes
        of ``a``. An axis of ``a`` that ``update`` lacks is covered whole (the block repeated along
        it), unless it is in ``axes``, where the block has size 1.
    start_indices : array
        Integer array of start positions, one per entry of ``axes``.
    axes : list(int)
        The axes the start positions refer to; the block starts at 0 along the others.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The updated copy, with the shape and dtype of ``a``.

    Raises
    ------
    ValueError
        When the block does not fit at the start positions, has more dimensions than ``a``, or the
        number of start positions does not match ``axes``.
    IndexError
        When an axis is out of range.
    TypeError
        When ``a``, ``update`` or ``start_indices`` is not an array.

    Examples
    --------
    >>> mx.slice_update(mx.zeros(5), mx.array([1.0, 2.0]), mx.array([1]), [0])
    array([0, 1, 2, 0, 0], dtype=float32)
    >>> mx.slice_update(mx.zeros((2, 3)), mx.array([[7.0]]), mx.array([1, 2]), [0, 1])
    array([[0, 0, 0],
           [0, 0, 7]], dtype=float32)
    >>> mx.slice_update(mx.zeros((2, 3)), mx.array([7.0]), mx.array([2]), [1])
    array([[0, 0, 7],
           [0, 0, 7]], dtype=float32)

    Notes
    -----
    A block that does not fit, or has more dimensions than ``a``, raises ``ValueError`` in mlxcy
    when the start positions are known (the reference writes outside the array).
    """

def softmax(a: array, /, axis: None | int | Sequence[int] = None, *, precise: bool = False, stream: _StreamOrDevice = None) -> array:
    """Softmax over the given axes: ``exp(a) / sum(exp(a))``, computed stably.

    Integer and bool inputs give float32; floating inputs keep their dtype.

    Parameters
    ----------
    a : array
        The input array.
    axis : int or list(int), optional
        Axis or axes to normalize over. Default: ``None``, every axis.
    precise : bool, optional
        For float16 and bfloat16 inputs, accumulate in float32. Keyword only. Default: ``False``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        An array of the shape of ``a`` whose entries along the given axes sum to 1.

    Raises
    ------
    IndexError
        When an axis is out of range.
    ValueError
        When an axis is given twice.

    Examples
    --------
    >>> mx.softmax(mx.array([0.0, 0.0]))
    array([0.5, 0.5], dtype=float32)
    >>> mx.softmax(mx.array([[1.0, 1.0], [5.0, 5.0]]), axis=1)
    array([[0.5, 0.5],
           [0.5, 0.5]], dtype=float32)

    Notes
    -----
    mlxcy also accepts a Python scalar, list or NumPy array for ``a`` (the reference raises
    ``TypeError``).
    """

def sort(a: array, /, axis: None | int = -1, *, stream: _StreamOrDevice = None) -> array:
    """A sorted copy of an array along an axis, in ascending order.

    NaNs are placed last.

    Parameters
    ----------
    a : array
        The input array.
    axis : int, optional
        The axis to sort along; ``None`` sorts the flattened array. Default: ``-1``, the last axis.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The sorted values, with the dtype and shape of ``a`` (1-D when ``axis`` is None).

    Raises
    ------
    TypeError
        When ``axis`` is a sequence.
    IndexError
        When ``axis`` is out of range (a 0-d array needs ``axis=None``).

    Examples
    --------
    >>> a = mx.array([[3, 1], [0, 2]])
    >>> mx.sort(a)
    array([[1, 3],
           [0, 2]], dtype=int32)
    >>> mx.sort(a, axis=None)
    array([0, 1, 2, 3], dtype=int32)

    Notes
    -----
    mlxcy also accepts a Python scalar, list or NumPy array for ``a`` (the reference raises
    ``TypeError``).
    """

def split(a: array, /, indices_or_sections: int | Sequence[int], axis: int = 0, *, stream: _StreamOrDevice = None) -> array:
    """Split an array along an axis into several arrays.

    Parameters
    ----------
    a : array
        The input array.
    indices_or_sections : int or list(int)
        An int ``n`` splits into ``n`` equal parts (the axis size must be divisible by ``n``). A
        list of indices splits before each index: ``[1, 4]`` gives ``a[:1]``, ``a[1:4]``, ``a[4:]``
        along the axis.
    axis : int, optional
        The axis to split along. Default: ``0``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    list(array)
        The parts.

    Raises
    ------
    ValueError
        When the axis does not divide into ``n`` equal parts, or ``n`` is not positive.
    IndexError
        When ``axis`` is out of range.
    TypeError
        When ``a`` is not an array.

    Examples
    --------
    >>> a = mx.arange(6)
    >>> mx.split(a, 3)
    [array([0, 1], dtype=int32), array([2, 3], dtype=int32), array([4, 5], dtype=int32)]
    >>> mx.split(a, [1, 4])
    [array([0], dtype=int32), array([1, 2, 3], dtype=int32), array([4, 5], dtype=int32)]
    """

def sqrt(a: array, /, *, stream: _StreamOrDevice = None) -> array:
    """Element-wise square root.

    Floating-point and complex inputs keep their dtype; boolean and integer inputs give float32.
    Negative real inputs give NaN.

    Parameters
    ----------
    a : array
        The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
        own binding refuses lists).
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The square root of each element, same shape as ``a``.

    Examples
    --------
    >>> mx.sqrt(mx.array([4, 9]))
    array([2, 3], dtype=float32)
    """

def square(a: array, /, *, stream: _StreamOrDevice = None) -> array:
    """Element-wise square, ``a * a``.

    Parameters
    ----------
    a : array
        The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
        own binding refuses lists).
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The square of each element, same shape and dtype as ``a`` (integers may wrap around).

    Examples
    --------
    >>> mx.square(mx.array([2, -3]))
    array([4, 9], dtype=int32)
    """

def squeeze(a: array, /, axis: None | int | Sequence[int] = None, *, stream: _StreamOrDevice = None) -> array:
    """Remove axes of size 1.

    Parameters
    ----------
    a : array
        The input array.
    axis : int or list(int), optional
        The axes to remove, each of size 1. Default: ``None``, every axis of size 1.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The array without those axes.

    Raises
    ------
    ValueError
        When a given axis does not have size 1.
    IndexError
        When an axis is out of range.
    TypeError
        When ``a`` is not an array.

    Examples
    --------
    >>> a = mx.zeros((1, 2, 1))
    >>> mx.squeeze(a).shape
    (2,)
    >>> mx.squeeze(a, 0).shape
    (2, 1)
    """

def stack(arrays: list[array], axis: int | None = 0, *, stream: _StreamOrDevice = None) -> array:
    """Join arrays of the same shape along a new axis.

    Parameters
    ----------
    arrays : list(array)
        The arrays to stack (at least one), all of one shape.
    axis : int, optional
        The position of the new axis in the result (``None`` means 0). Default: ``0``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        An array with one more dimension than the inputs, of their promoted dtype.

    Raises
    ------
    ValueError
        When ``arrays`` is empty or the shapes differ.
    IndexError
        When ``axis`` is out of range for the result.
    TypeError
        When an element of ``arrays`` is not an array.

    Examples
    --------
    >>> a, b = mx.array([1, 2]), mx.array([3, 4])
    >>> mx.stack([a, b])
    array([[1, 2],
           [3, 4]], dtype=int32)
    >>> mx.stack([a, b], axis=1)
    array([[1, 3],
           [2, 4]], dtype=int32)
    """

def std(a: array, /, axis: None | int | Sequence[int] = None, keepdims: bool = False, ddof: int = 0, *, stream: _StreamOrDevice = None) -> array:
    """Standard deviation of the elements over the given axes.

    The square root of :func:`var` with the same ``ddof``. Integer and bool inputs give float32.

    Parameters
    ----------
    a : array
        The input array.
    axis : int or list(int), optional
        Axis or axes to reduce over. Default: ``None``, every axis.
    keepdims : bool, optional
        Keep the reduced axes as axes of size 1. Default: ``False``.
    ddof : int, optional
        Delta degrees of freedom: the sum of squares is divided by ``N - ddof``. Default: ``0``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The standard deviations.

    Raises
    ------
    IndexError
        When an axis is out of range.
    ValueError
        When an axis is given twice.

    Examples
    --------
    >>> mx.std(mx.array([1.0, 3.0]))
    array(1, dtype=float32)
    >>> mx.std(mx.array([[1, 3], [2, 2]]), axis=1)
    array([1, 0], dtype=float32)

    Notes
    -----
    mlxcy also accepts a Python scalar, list or NumPy array for ``a`` (the reference raises
    ``TypeError``).
    """

def stop_gradient(a: array, /, *, stream: _StreamOrDevice = None) -> array:
    """The identity, but no gradient flows back through it.

    Transformations such as :func:`grad` treat the result as a constant.

    Parameters
    ----------
    a : array
        The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
        own binding refuses lists).
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        An array equal to ``a``, same shape and dtype.

    Examples
    --------
    >>> def f(x):
    ...     return (mx.stop_gradient(x) * x).sum()
    >>> mx.grad(f)(mx.array([3.0]))
    array([3], dtype=float32)
    """

def stream(s: Stream | ThreadLocalStream | Device | DeviceType) -> StreamContext:
    """A context manager that makes ``s`` the default inside a ``with`` block.

    Inside the block, operations without a ``stream`` argument run on ``s`` (a device means its
    default stream), and the default device is ``s``'s device. Both are restored on leaving the
    block. The ``as`` target of the ``with`` statement is ``None``.

    Parameters
    ----------
    s : Stream, ThreadLocalStream, Device or DeviceType
        What to run on inside the block.

    Returns
    -------
    StreamContext

    Raises
    ------
    TypeError
        When ``s`` is ``None`` or of another type.

    Examples
    --------
    >>> with mx.stream(mx.cpu):
    ...     print(mx.default_device())
    ...     b = mx.array([1, 2]) * 2
    Device(cpu, 0)
    >>> b
    array([2, 4], dtype=int32)
    """

def subtract(a: _Scalar | array, b: _Scalar | array, *, stream: _StreamOrDevice = None) -> array:
    """Element-wise difference ``a - b``.

    ``a`` and ``b`` broadcast against each other. Their dtypes promote as usual; a Python scalar
    takes the other operand's dtype when it fits its kind (``int8`` array + 1 stays ``int8``,
    ``float16`` array * 2.5 stays ``float16``).

    Parameters
    ----------
    a : array or scalar
        The values subtracted from.
    b : array or scalar
        The values to subtract.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default
        device.

    Returns
    -------
    array
        The differences, of the broadcast shape and promoted dtype.

    Raises
    ------
    ValueError
        When the shapes of ``a`` and ``b`` do not broadcast, or a Python int does not fit the
        other operand's integer dtype.

    Examples
    --------
    >>> mx.subtract(mx.array([5, 7]), 2)
    array([3, 5], dtype=int32)
    >>> mx.subtract(10, mx.array([0.5, 1.5]))
    array([9.5, 8.5], dtype=float32)

    Notes
    -----
    The reference binding accepts only arrays and Python scalars here; mlxcy also converts lists,
    tuples and NumPy arrays (docs/differences.md).
    """

def sum(a: array, /, axis: None | int | Sequence[int] = None, keepdims: bool = False, *, stream: _StreamOrDevice = None) -> array:
    """Sum of the elements over the given axes.

    Bool, int8 and int16 inputs are summed as int32, uint8 and uint16 inputs as uint32; other
    dtypes keep their own.

    Parameters
    ----------
    a : array
        The input array.
    axis : int or list(int), optional
        Axis or axes to reduce over. Default: ``None``, every axis.
    keepdims : bool, optional
        Keep the reduced axes as axes of size 1. Default: ``False``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The sums. An empty axis sums to 0.

    Raises
    ------
    IndexError
        When an axis is out of range.
    ValueError
        When an axis is given twice.

    Examples
    --------
    >>> a = mx.array([[1, 2], [3, 4]])
    >>> mx.sum(a)
    array(10, dtype=int32)
    >>> mx.sum(a, axis=0)
    array([4, 6], dtype=int32)
    >>> mx.sum(mx.array([True, True, False]))
    array(2, dtype=int32)

    Notes
    -----
    mlxcy also accepts a Python scalar, list or NumPy array for ``a`` (the reference raises
    ``TypeError``).
    """

def swapaxes(a: array, /, axis1: int, axis2: int, *, stream: _StreamOrDevice = None) -> array:
    """Exchange two axes of an array.

    Parameters
    ----------
    a : array
        The input array.
    axis1 : int
        One axis.
    axis2 : int
        The other axis.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The array with ``axis1`` and ``axis2`` exchanged.

    Raises
    ------
    IndexError
        When an axis is out of range.
    TypeError
        When ``a`` is not an array.

    Examples
    --------
    >>> mx.swapaxes(mx.zeros((2, 3, 4)), 0, 2).shape
    (4, 3, 2)
    """

def synchronize(stream: _StreamOrDevice = None) -> None:
    """Wait until every operation queued on ``stream`` has run.

    Parameters
    ----------
    stream : Stream or Device, optional
        The stream to wait for (a device means its default stream). Default: ``None``, the default
        stream of the default device.

    Returns
    -------
    None

    Raises
    ------
    TypeError
        When ``stream`` is not a stream, a device or ``None``.

    Examples
    --------
    >>> a = mx.array([1, 2]) + 1
    >>> mx.async_eval(a)
    >>> mx.synchronize()
    >>> mx.synchronize(mx.cpu)
    """

def take(a: array, /, indices: int | array, axis: int | None = None, *, stream: _StreamOrDevice = None) -> array:
    """Elements of an array at given indices along an axis.

    Parameters
    ----------
    a : array
        The input array.
    indices : int or array
        One index, or an integer array of indices. Negative indices count from the end.
    axis : int, optional
        The axis to index. Default: ``None``, the flattened array.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        ``a`` with ``axis`` replaced by the shape of ``indices`` (removed for an int). With
        ``axis=None`` the result has the shape of ``indices``.

    Raises
    ------
    ValueError
        When an int index is out of range, or ``indices`` is not an integer array.
    IndexError
        When ``axis`` is out of range, or an index array whose values are known holds an index out
        of range.
    TypeError
        When ``a`` is not an array, or ``indices`` is neither an int nor an array.

    Examples
    --------
    >>> a = mx.array([[1, 2], [3, 4]])
    >>> mx.take(a, mx.array([3, 0]))
    array([4, 1], dtype=int32)
    >>> mx.take(a, 1, axis=1)
    array([2, 4], dtype=int32)
    >>> mx.take(a, mx.array([[1, 0]]), axis=0).shape
    (1, 2, 2)

    Notes
    -----
    In mlxcy a negative int index counts from the end and an out-of-range int is a ``ValueError``
    (the reference raises a confusing ``ValueError`` for both); out-of-range values in an index array
    built from Python or NumPy data, or already evaluated, raise ``IndexError`` (the reference reads
    outside the array).
    """

def take_along_axis(a: array, /, indices: array, axis: int | None = -1, *, stream: _StreamOrDevice = None) -> array:
    """Elements of an array at indices given for each position along an axis.

    ``indices`` has the same number of dimensions as ``a``; along ``axis`` it picks elements, and
    on every other axis it broadcasts with ``a``. The result of :func:`argsort` or
    :func:`argpartition` is a typical ``indices``.

    Parameters
    ----------
    a : array
        The input array.
    indices : array
        Integer indices, with ``a.ndim`` dimensions (1 when ``axis`` is None).
    axis : int, optional
        The axis to pick along; ``None`` uses the flattened array. Default: ``-1``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The picked elements, with the shape of ``indices`` broadcast against ``a`` on the other
        axes.

    Raises
    ------
    ValueError
        When ``indices`` does not have the right number of dimensions or does not broadcast.
    IndexError
        When ``axis`` is out of range.
    TypeError
        When ``a`` or ``indices`` is not an array.

    Examples
    --------
    >>> a = mx.array([[3, 1], [2, 5]])
    >>> mx.take_along_axis(a, mx.argsort(a, axis=1), axis=1)
    array([[1, 3],
           [2, 5]], dtype=int32)
    >>> mx.take_along_axis(a, mx.array([[1], [0]]), axis=1)
    array([[1],
           [2]], dtype=int32)
    """

def tan(a: array, /, *, stream: _StreamOrDevice = None) -> array:
    """Element-wise tangent of angles in radians.

    Floating-point and complex inputs keep their dtype; boolean and integer inputs give float32.

    Parameters
    ----------
    a : array
        The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
        own binding refuses lists).
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The tangent of each element, same shape as ``a``.

    Examples
    --------
    >>> mx.tan(mx.array([0.0]))
    array([0], dtype=float32)
    """

def tanh(a: array, /, *, stream: _StreamOrDevice = None) -> array:
    """Element-wise hyperbolic tangent.

    Floating-point and complex inputs keep their dtype; boolean and integer inputs give float32.

    Parameters
    ----------
    a : array
        The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
        own binding refuses lists).
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The hyperbolic tangent of each element, in ``[-1, 1]``, same shape as ``a``.

    Examples
    --------
    >>> mx.tanh(mx.array([0.0]))
    array([0], dtype=float32)
    """

def tensordot(a: array, b: array, /, axes: int | list[Sequence[int]] = 2, *, stream: _StreamOrDevice = None) -> array:
    """Tensor contraction: sum of products over chosen axes of ``a`` and ``b``.

    With an int ``axes = n`` the last ``n`` axes of ``a`` are contracted with the first ``n`` axes of
    ``b`` (``axes=1`` is the matrix product, ``axes=0`` the outer product). With
    ``axes = [axes_a, axes_b]`` the listed axes are contracted pairwise. The contraction is computed
    as a matrix product, so integer operands are refused.

    Parameters
    ----------
    a : array
        The first operand.
    b : array
        The second operand.
    axes : int or list(list(int)), optional
        How many axes to contract, or the two lists of axes. Default: ``2``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The uncontracted axes of ``a`` followed by those of ``b``.

    Raises
    ------
    TypeError
        When ``a`` or ``b`` is not an array, or ``axes`` is neither an int nor a list of two lists.
    ValueError
        When ``axes`` does not hold two lists, an axis is out of range, the contracted lengths
        differ, or the operands are integer.

    Examples
    --------
    >>> a = mx.array([[1.0, 2.0], [3.0, 4.0]])
    >>> mx.tensordot(a, a)
    array(30, dtype=float32)
    >>> mx.tensordot(a, a, axes=1)
    array([[7, 10],
           [15, 22]], dtype=float32)
    >>> mx.tensordot(a, a, axes=[[0], [0]])
    array([[10, 14],
           [14, 20]], dtype=float32)
    """

def tile(a: array, reps: int | Sequence[int], /, *, stream: _StreamOrDevice = None) -> array:
    """Repeat a whole array a number of times along each axis.

    Parameters
    ----------
    a : array
        The input array.
    reps : int or list(int)
        Repetitions per axis, aligned to the last axes. When ``reps`` is longer than ``a.ndim``,
        ``a`` gets leading axes of size 1; when shorter, the leading axes are repeated once.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The tiled array.

    Raises
    ------
    ValueError
        When a repetition count is negative.
    TypeError
        When ``a`` is not an array.

    Examples
    --------
    >>> a = mx.array([1, 2])
    >>> mx.tile(a, 2)
    array([1, 2, 1, 2], dtype=int32)
    >>> mx.tile(a, (2, 1))
    array([[1, 2],
           [1, 2]], dtype=int32)

    Notes
    -----
    A result too large to allocate raises ``MemoryError`` in mlxcy when the op is called (the
    reference crashes when it is evaluated).
    """

def to_fp8(x: array, *, stream: _StreamOrDevice = None) -> array:
    """Encode a floating-point array as 8-bit floats (E4M3: 4 exponent bits, 3 mantissa bits), stored
    as uint8.

    Values are rounded to the nearest E4M3 value; the largest finite magnitude is 448.

    Parameters
    ----------
    x : array
        The values to encode, real floating-point.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The encoded bytes, uint8, same shape as ``x``.

    Raises
    ------
    TypeError
        When ``x`` is not an array.
    ValueError
        When ``x`` is not of a real floating-point dtype.

    Examples
    --------
    >>> mx.to_fp8(mx.array([1.0, 0.5, -2.0, 448.0]))
    array([56, 48, 192, 126], dtype=uint8)
    """

def topk(a: array, /, k: int, axis: None | int = -1, *, stream: _StreamOrDevice = None) -> array:
    """The ``k`` largest elements along an axis, in no particular order.

    Parameters
    ----------
    a : array
        The input array.
    k : int
        How many elements to keep, from 0 to the size of the axis.
    axis : int, optional
        The axis to select along; ``None`` uses the flattened array. Default: ``-1``, the last axis.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The selected values, with the dtype of ``a`` and size ``k`` along ``axis``.

    Raises
    ------
    TypeError
        When ``axis`` is a sequence.
    ValueError
        When ``k`` is negative or larger than the axis.
    IndexError
        When ``axis`` is out of range.

    Examples
    --------
    >>> mx.sort(mx.topk(mx.array([3, 1, 2, 5, 4]), 2))
    array([4, 5], dtype=int32)
    >>> mx.topk(mx.array([[3, 1], [0, 2]]), 1)
    array([[3],
           [2]], dtype=int32)

    Notes
    -----
    mlxcy also accepts a Python scalar, list or NumPy array for ``a`` (the reference raises
    ``TypeError``).
    """

def trace(a: array, /, offset: int = 0, axis1: int = 0, axis2: int = 1, dtype: Dtype | None = None, *, stream: _StreamOrDevice = None) -> array:
    """Sum along a diagonal of the 2-D slices of an array.

    Without ``dtype``, bool, int8 and int16 inputs are summed as int32 (uint8 and uint16 as uint32),
    as in :func:`sum`.

    Parameters
    ----------
    a : array
        The input array, with at least 2 dimensions.
    offset : int, optional
        Which diagonal: 0 the main one, positive above it, negative below it. Default: ``0``.
    axis1 : int, optional
        The first axis of the 2-D slices. Default: ``0``.
    axis2 : int, optional
        The second axis of the 2-D slices. Default: ``1``.
    dtype : Dtype, optional
        The dtype of the result. Default: ``None``, chosen as described above.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The sums; the shape of ``a`` without ``axis1`` and ``axis2``.

    Raises
    ------
    ValueError
        When ``a`` has fewer than 2 dimensions or ``axis1`` and ``axis2`` are the same axis.

    Examples
    --------
    >>> a = mx.array([[1, 2], [3, 4]])
    >>> mx.trace(a)
    array(5, dtype=int32)
    >>> mx.trace(a, offset=1, dtype=mx.float32)
    array(2, dtype=float32)

    Notes
    -----
    mlxcy also accepts a Python scalar, list or NumPy array for ``a`` (the reference raises
    ``TypeError``).
    """

def transpose(a: array, /, axes: Sequence[int] | None = None, *, stream: _StreamOrDevice = None) -> array:
    """Permute the axes of an array.

    Parameters
    ----------
    a : array
        The input array.
    axes : list(int), optional
        The new order: axis ``i`` of the result is axis ``axes[i]`` of ``a``. Default: ``None``,
        the axes reversed.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The permuted array (a view: no data is copied until needed).

    Raises
    ------
    ValueError
        When ``axes`` does not have one entry per axis or repeats an axis.
    IndexError
        When an axis is out of range.
    TypeError
        When ``a`` is not an array or ``axes`` is not a sequence of ints.

    Examples
    --------
    >>> mx.transpose(mx.array([[1, 2], [3, 4]]))
    array([[1, 3],
           [2, 4]], dtype=int32)
    >>> mx.transpose(mx.zeros((2, 3, 4)), (1, 0, 2)).shape
    (3, 2, 4)
    """

def tri(n: int, m: int | None = None, k: int = 0, dtype: Dtype | None = None, *, stream: _StreamOrDevice = None) -> array:
    """A 2-D array with ones at and below a diagonal and zeros above it.

    Parameters
    ----------
    n : int
        The number of rows.
    m : int, optional
        The number of columns. Default: ``None``, ``n``.
    k : int, optional
        The diagonal: 0 the main one, positive above it, negative below it. Default: ``0``.
    dtype : Dtype, optional
        The dtype of the result. Default: ``None``, float32.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        An ``n`` x ``m`` array (empty when ``n`` is 0 or negative).

    Examples
    --------
    >>> mx.tri(3)
    array([[1, 0, 0],
           [1, 1, 0],
           [1, 1, 1]], dtype=float32)
    >>> mx.tri(2, 3, k=1, dtype=mx.int32)
    array([[1, 1, 0],
           [1, 1, 1]], dtype=int32)

    Notes
    -----
    A result too large to allocate raises ``MemoryError`` in mlxcy when the op is called (the
    reference crashes when it is evaluated).
    """

def tril(x: array, k: int = 0, *, stream: _StreamOrDevice = None) -> array:
    """The lower triangle of an array: elements above a diagonal set to zero.

    Works on the last two axes; leading axes are batch axes.

    Parameters
    ----------
    x : array
        The input array, with at least 2 dimensions.
    k : int, optional
        The diagonal to keep up to: 0 the main one, positive above it, negative below it.
        Default: ``0``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        An array of the shape and dtype of ``x``.

    Raises
    ------
    ValueError
        When ``x`` has fewer than 2 dimensions.
    TypeError
        When ``x`` is not an array.

    Examples
    --------
    >>> a = mx.array([[1, 2, 3], [4, 5, 6], [7, 8, 9]])
    >>> mx.tril(a)
    array([[1, 0, 0],
           [4, 5, 0],
           [7, 8, 9]], dtype=int32)
    >>> mx.tril(a, -1)
    array([[0, 0, 0],
           [4, 0, 0],
           [7, 8, 0]], dtype=int32)
    """

def triu(x: array, k: int = 0, *, stream: _StreamOrDevice = None) -> array:
    """The upper triangle of an array: elements below a diagonal set to zero.

    Works on the last two axes; leading axes are batch axes.

    Parameters
    ----------
    x : array
        The input array, with at least 2 dimensions.
    k : int, optional
        The diagonal to keep from: 0 the main one, positive above it, negative below it.
        Default: ``0``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        An array of the shape and dtype of ``x``.

    Raises
    ------
    ValueError
        When ``x`` has fewer than 2 dimensions.
    TypeError
        When ``x`` is not an array.

    Examples
    --------
    >>> a = mx.array([[1, 2, 3], [4, 5, 6], [7, 8, 9]])
    >>> mx.triu(a)
    array([[1, 2, 3],
           [0, 5, 6],
           [0, 0, 9]], dtype=int32)
    >>> mx.triu(a, 1)
    array([[0, 2, 3],
           [0, 0, 6],
           [0, 0, 0]], dtype=int32)
    """

def trunc(a: array, /, *, stream: _StreamOrDevice = None) -> array:
    """Element-wise truncation toward zero: the integer part of each element.

    Parameters
    ----------
    a : array
        The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
        own binding refuses lists).
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        Same shape and dtype as ``a`` (integer and boolean arrays come back unchanged).

    Raises
    ------
    ValueError
        When ``a`` is complex.

    Examples
    --------
    >>> mx.trunc(mx.array([1.5, -1.5, 2.0]))
    array([1, -1, 2], dtype=float32)
    """

def unflatten(a: array, /, axis: int, shape: Sequence[int], *, stream: _StreamOrDevice = None) -> array:
    """Split one axis into several with the given shape.

    Parameters
    ----------
    a : array
        The input array.
    axis : int
        The axis to split.
    shape : list(int)
        The sizes that replace the axis; their product must equal its size, and one entry may be
        -1, inferred from the others.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The array with ``axis`` replaced by ``len(shape)`` axes.

    Raises
    ------
    ValueError
        When ``shape`` is empty or does not match the size of the axis.
    IndexError
        When ``axis`` is out of range.
    TypeError
        When ``a`` is not an array or ``shape`` is not a sequence of ints.

    Examples
    --------
    >>> a = mx.zeros((6, 4))
    >>> mx.unflatten(a, 0, (2, 3)).shape
    (2, 3, 4)
    >>> mx.unflatten(a, -1, (2, -1)).shape
    (6, 2, 2)

    Notes
    -----
    A -1 beside a 0 in ``shape`` raises ``ValueError`` in mlxcy (the reference crashes).
    """

def unique(a: array, /, size: int, return_index: bool = False, return_inverse: bool = False, return_counts: bool = False, fill_value: _Scalar | array | None = None, *, stream: _StreamOrDevice = None) -> array | tuple[array, ...]:
    """The sorted unique values of an array, as a fixed number of entries.

    The array is flattened. Because the number of distinct values is only known once computed, the
    result has exactly ``size`` entries: the smallest ``size`` unique values, padded with
    ``fill_value`` when there are fewer.

    Parameters
    ----------
    a : array
        The input array.
    size : int
        The number of entries of the result (0 or more).
    return_index : bool, optional
        Also return, for each entry, the index in the flattened ``a`` of its first occurrence.
        Default: ``False``.
    return_inverse : bool, optional
        Also return, for each element of the flattened ``a``, the index of its value in the result.
        Default: ``False``.
    return_counts : bool, optional
        Also return how many times each entry occurs in ``a`` (0 for padding). Default: ``False``.
    fill_value : scalar or array, optional
        The padding value, cast to the dtype of ``a``. Default: ``None``, the smallest unique value.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array or tuple(array, ...)
        The unique values (dtype of ``a``); when any ``return_*`` flag is set, a tuple of the
        values followed by the requested arrays in the order index (uint32), inverse (uint32),
        counts (int32).

    Raises
    ------
    ValueError
        When ``size`` is negative, or ``a`` is empty with a positive ``size`` and no ``fill_value``.

    Examples
    --------
    >>> a = mx.array([3, 1, 3, 2])
    >>> mx.unique(a, 3)
    array([1, 2, 3], dtype=int32)
    >>> mx.unique(a, 4, fill_value=-1)
    array([1, 2, 3, -1], dtype=int32)
    >>> mx.unique(a, 3, return_counts=True)
    (array([1, 2, 3], dtype=int32), array([1, 1, 2], dtype=int32))

    Notes
    -----
    mlxcy also accepts a Python scalar, list or NumPy array for ``a`` (the reference raises
    ``TypeError``).
    """

def unstack(x: array, /, *, axis: int = 0, stream: _StreamOrDevice = None) -> tuple[array, ...]:
    """Split an array into its slices along an axis, removing that axis.

    The inverse of :func:`stack`.

    Parameters
    ----------
    x : array
        The input array.
    axis : int, optional
        The axis to split along. Keyword only. Default: ``0``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    tuple(array, ...)
        ``x.shape[axis]`` arrays, each without ``axis``.

    Raises
    ------
    IndexError
        When ``axis`` is out of range (a 0-d array has none).
    TypeError
        When ``x`` is not an array.

    Examples
    --------
    >>> a = mx.array([[1, 2], [3, 4]])
    >>> mx.unstack(a)
    (array([1, 2], dtype=int32), array([3, 4], dtype=int32))
    >>> mx.unstack(a, axis=1)
    (array([1, 3], dtype=int32), array([2, 4], dtype=int32))
    """

def value_and_grad(fun: Callable[..., Any], argnums: int | Sequence[int] | None = None, argnames: str | Sequence[str] = ()) -> Callable[..., tuple[Any, Any]]:
    """Make a function that returns both the value of ``fun`` and its gradient.

    ``fun`` must return a scalar array, or a tuple whose first element is a scalar array (the
    other elements are returned as they are, without gradient). Arguments are picked as in
    :func:`grad`.

    Parameters
    ----------
    fun : callable
        The function to evaluate and differentiate.
    argnums : int or sequence of int, optional
        Positional arguments to differentiate with respect to. Default: ``None``, meaning
        argument 0 unless ``argnames`` is given, in which case no positional argument.
    argnames : str or sequence of str, optional
        Keyword arguments to differentiate with respect to. Default: ``()``.

    Returns
    -------
    callable
        A function with the arguments of ``fun`` returning ``(value, grads)``: ``value`` is what
        ``fun`` returned and ``grads`` is shaped as for :func:`grad`.

    Raises
    ------
    TypeError
        When ``fun`` is not callable.
    ValueError
        When called: if ``fun`` does not return a scalar array (first), or ``argnums`` names a
        missing argument, or a picked argument holds something other than arrays.

    Examples
    --------
    >>> f = mx.value_and_grad(lambda x: (x * x).sum())
    >>> f(mx.array([1.0, 2.0]))
    (array(5, dtype=float32), array([2, 4], dtype=float32))
    >>> g = mx.value_and_grad(lambda x: ((x * 3).sum(), x + 1))
    >>> (loss, aux), dx = g(mx.array([1.0]))
    >>> loss, aux, dx
    (array(3, dtype=float32), array([2], dtype=float32), array([3], dtype=float32))

    Notes
    -----
    ``fun`` receives the caller's own lists and dicts (an ``nn.Module`` too) with the arrays
    replaced by traced ones; afterwards each array still in place is given back, while what
    ``fun`` added to them stays (see docs/differences.md).
    """

def var(a: array, /, axis: None | int | Sequence[int] = None, keepdims: bool = False, ddof: int = 0, *, stream: _StreamOrDevice = None) -> array:
    """Variance of the elements over the given axes.

    The mean squared deviation from the mean, with the sum of squares divided by ``N - ddof`` where
    ``N`` is the number of elements reduced. Integer and bool inputs give float32.

    Parameters
    ----------
    a : array
        The input array.
    axis : int or list(int), optional
        Axis or axes to reduce over. Default: ``None``, every axis.
    keepdims : bool, optional
        Keep the reduced axes as axes of size 1. Default: ``False``.
    ddof : int, optional
        Delta degrees of freedom: ``ddof=1`` gives the unbiased sample variance. Default: ``0``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The variances (``inf`` or NaN where ``N - ddof`` is not positive).

    Raises
    ------
    IndexError
        When an axis is out of range.
    ValueError
        When an axis is given twice.

    Examples
    --------
    >>> a = mx.array([1, 2, 3, 4])
    >>> mx.var(a)
    array(1.25, dtype=float32)
    >>> mx.var(mx.array([1.0, 3.0]), ddof=1)
    array(2, dtype=float32)

    Notes
    -----
    mlxcy also accepts a Python scalar, list or NumPy array for ``a`` (the reference raises
    ``TypeError``).
    """

def vecdot(a: array, b: array, /, *, axis: int = -1, stream: _StreamOrDevice = None) -> array:
    """Dot product of vectors along one axis, conjugating ``a`` when it is complex.

    Computes ``sum(conj(a) * b, axis)``. Both operands must have the same length along ``axis``.

    Parameters
    ----------
    a : array
        The first vectors (conjugated when complex).
    b : array
        The second vectors.
    axis : int, optional
        The axis holding the vectors. Default: ``-1``, the last one.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The dot products, with ``axis`` removed, of the promoted dtype.

    Raises
    ------
    TypeError
        When ``a`` or ``b`` is not an array, or ``axis`` is not an integer.
    ValueError
        When the lengths along ``axis`` differ.
    IndexError
        When ``axis`` is out of range.

    Examples
    --------
    >>> mx.vecdot(mx.array([1, 2, 3]), mx.array([4, 5, 6]))
    array(32, dtype=int32)
    >>> mx.vecdot(mx.array([1j, 2]), mx.array([1j, 2]))
    array(5+0j, dtype=complex64)
    >>> a = mx.array([[1.0, 2.0], [3.0, 4.0]])
    >>> mx.vecdot(a, a, axis=0)
    array([10, 20], dtype=float32)
    """

def view(a: _Scalar | array, dtype: Dtype, stream: _StreamOrDevice = None) -> array:
    """Reinterpret the bytes of an array as another dtype.

    No value is converted: the bits are read as ``dtype``. When the item sizes differ, the last axis
    is resized so that the total number of bytes is unchanged.

    Parameters
    ----------
    a : scalar or array
        The input array (or Python scalar).
    dtype : Dtype
        The dtype to read the bytes as.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The reinterpreted array.

    Raises
    ------
    ValueError
        When ``a`` is 0-d and the item sizes differ, when the byte size of the last axis is not a
        multiple of the new item size, or ``a`` is a list or tuple.

    Examples
    --------
    >>> mx.view(mx.array([1.0, 2.0]), mx.uint32)
    array([1065353216, 1073741824], dtype=uint32)
    >>> mx.view(mx.array([1, 2], mx.int32), mx.uint8).shape
    (8,)

    Notes
    -----
    mlxcy also accepts ``stream`` positionally, as the published signature lists it (the reference
    raises ``TypeError``).
    """

def vjp(fun: Callable, primals: list[array], cotangents: list[array]) -> tuple[list[array], list[array]]:
    """Evaluate ``fun`` and its vector-Jacobian products.

    Parameters
    ----------
    fun : callable
        A function of arrays returning an array or a list or tuple of arrays.
    primals : list of array
        The arguments to call ``fun`` with (``fun(*primals)``).
    cotangents : list of array
        One array per output of ``fun``, each shaped like that output.

    Returns
    -------
    tuple(list of array, list of array)
        ``(outputs, vjps)``: the outputs of ``fun`` and one product per primal, each shaped like
        its primal.

    Raises
    ------
    TypeError
        When ``fun`` is not callable or ``primals``/``cotangents`` are not lists of arrays.
    ValueError
        When the number or shapes of the cotangents do not match the outputs.

    Examples
    --------
    >>> mx.vjp(lambda x: x * x, [mx.array(3.0)], [mx.array(1.0)])
    ([array(9, dtype=float32)], [array(6, dtype=float32)])
    >>> outs, vjps = mx.vjp(lambda x, y: x * y, [mx.array(2.0), mx.array(5.0)], [mx.array(2.0)])
    >>> vjps
    [array(10, dtype=float32), array(4, dtype=float32)]
    """

def vmap(fun: Callable[..., Any], in_axes: object = 0, out_axes: object = 0) -> Callable[..., Any]:
    """Make a vectorized version of ``fun`` that maps it over an axis of its inputs.

    Parameters
    ----------
    fun : callable
        A function of arrays (or trees of arrays) returning arrays.
    in_axes : int, None or tree, optional
        The axis of each input to map over: an int for all of them, or a tree matching a prefix
        of the arguments (the argument itself when there is only one), whose leaves are ints or
        ``None`` (not mapped, passed whole to every call). Default: ``0``.
    out_axes : int, None or tree, optional
        Where the mapped axis goes in each output, in the same way. Default: ``0``.

    Returns
    -------
    callable
        The vectorized function.

    Raises
    ------
    TypeError
        When ``fun`` is not callable.
    ValueError
        When called: if the mapped inputs disagree on the size of the mapped axis.
    IndexError
        When called: if an axis in ``in_axes`` is out of range for its input.

    Examples
    --------
    >>> rowsum = mx.vmap(lambda row: row.sum())
    >>> rowsum(mx.array([[1, 2], [3, 4]]))
    array([3, 7], dtype=int32)
    >>> add = mx.vmap(lambda x, y: x + y, in_axes=(0, None))
    >>> add(mx.array([[1, 2], [3, 4]]), mx.array([10, 20]))
    array([[11, 22],
           [13, 24]], dtype=int32)
    >>> mx.vmap(lambda x: x * 2, in_axes=1, out_axes=1)(mx.array([[1, 2], [3, 4]]))
    array([[2, 4],
           [6, 8]], dtype=int32)
    """

def where(condition: _Scalar | array, x: _Scalar | array, y: _Scalar | array, /, *, stream: _StreamOrDevice = None) -> array:
    """Pick elements from ``x`` where ``condition`` is true and from ``y`` elsewhere.

    ``condition``, ``x`` and ``y`` broadcast against each other; any non-zero condition counts as
    true. The result takes the dtype promoted from ``x`` and ``y``.

    Parameters
    ----------
    condition : array or scalar
        Where to take ``x``. Lists and NumPy arrays are converted to arrays too.
    x : array or scalar
        The values taken where ``condition`` is true.
    y : array or scalar
        The values taken where ``condition`` is false.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        Of the broadcast shape and the dtype promoted from ``x`` and ``y``.

    Raises
    ------
    ValueError
        When the shapes do not broadcast.

    Examples
    --------
    >>> mx.where(mx.array([True, False, True]), mx.array([1, 2, 3]), mx.array([10, 20, 30]))
    array([1, 20, 3], dtype=int32)
    >>> mx.where(mx.array([1, 0]), 1, 2.5)
    array([1, 2.5], dtype=float32)
    """

def zeros(shape: int | Sequence[int], dtype: Dtype | None = float32, *, stream: _StreamOrDevice = None) -> array:
    """An array of the given shape filled with zeros.

    Parameters
    ----------
    shape : int or list(int)
        The shape of the result; an int makes a 1-D array.
    dtype : Dtype, optional
        The dtype of the result. Default: ``float32`` (``None`` also means float32).
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The zeros.

    Raises
    ------
    ValueError
        When a dimension is negative.
    RuntimeError
        When ``shape`` is not an int or a sequence of ints (``None``: ``TypeError``).

    Examples
    --------
    >>> mx.zeros((2, 3))
    array([[0, 0, 0],
           [0, 0, 0]], dtype=float32)
    >>> mx.zeros(2, mx.int32)
    array([0, 0], dtype=int32)

    Notes
    -----
    A result too large to allocate raises ``MemoryError`` in mlxcy when the op is called (the
    reference crashes when it is evaluated).
    """

def zeros_like(a: array, /, dtype: Dtype | None = None, *, stream: _StreamOrDevice = None) -> array:
    """An array of zeros with the shape and dtype of ``a``.

    Parameters
    ----------
    a : array
        The array whose shape (and dtype) to use.
    dtype : Dtype, optional
        The dtype of the result. Default: ``None``, the dtype of ``a``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default device.

    Returns
    -------
    array
        The zeros.

    Raises
    ------
    TypeError
        When ``a`` is not an array.

    Examples
    --------
    >>> a = mx.array([[1, 2], [3, 4]])
    >>> mx.zeros_like(a)
    array([[0, 0],
           [0, 0]], dtype=int32)
    >>> mx.zeros_like(a, mx.float32).dtype
    mlx.core.float32
    """


bfloat16: Dtype
bool_: Dtype
complex64: Dtype
complexfloating: DtypeCategory
cpu: DeviceType
e: float
euler_gamma: float
float16: Dtype
float32: Dtype
float64: Dtype
floating: DtypeCategory
generic: DtypeCategory
gpu: DeviceType
inexact: DtypeCategory
inf: float
int16: Dtype
int32: Dtype
int64: Dtype
int8: Dtype
integer: DtypeCategory
nan: float
newaxis: None
number: DtypeCategory
pi: float
signedinteger: DtypeCategory
uint16: Dtype
uint32: Dtype
uint64: Dtype
uint8: Dtype
unsignedinteger: DtypeCategory
