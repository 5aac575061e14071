# Devices, streams, and the stream context manager.

class DeviceType(_PlainReprEnum):
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

    def __eq__(self, other):
        # A member equals any device of its kind, whatever the index (the reference's rule on this
        # side; the device's side compares the index too, see Device.__eq__).
        if isinstance(other, Device):
            return other.type is self
        return self is other

    def __hash__(self):
        return hash(self.value)


cpu = DeviceType.cpu
gpu = DeviceType.gpu


@cython.final
cdef class Device:
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

    @cython.embedsignature(True)   # the class's signature line (help(), gen_stubs)
    def __init__(self, type: DeviceType, index: int = 0) -> None:
        self._type = _device_type_code(type)
        self._index = to_int32(index, "Device", "index")

    @property
    def type(self):
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
        return DeviceType(self._type)

    def __repr__(self) -> str:
        return f"Device({'gpu' if self._type else 'cpu'}, {self._index})"

    def __eq__(self, other) -> bool:
        if isinstance(other, Device):
            return self._type == (<Device>other)._type and self._index == (<Device>other)._index
        if isinstance(other, DeviceType):   # stands for the first device of its kind
            return self._type == other.value and self._index == 0
        return False

    def __ne__(self, other) -> bool:
        return not self.__eq__(other)

    def __hash__(self) -> int:
        return hash((self._type, self._index))


cdef Device _py_device(const c_Device& d):
    cdef Device r = Device.__new__(Device)
    r._type = <int>d.type
    r._index = d.index
    return r


cdef int _device_type_code(object t) except -1:
    """A DeviceType as 0 (cpu) / 1 (gpu). As the reference, an integer value of a member is
    accepted too: anything with ``__index__`` (bool, NumPy and 0-d array integers) worth 0 or 1."""
    if isinstance(t, DeviceType):
        return t.value
    if not isinstance(t, str):   # (no str has __index__; spares the lookup)
        try:
            v = PyNumber_Index(t)
        except TypeError:
            pass
        else:
            if v == 0 or v == 1:
                return v
    raise TypeError(f"Expected a DeviceType (mlxcy.cpu or mlxcy.gpu), got {type(t).__name__}: {t!r}")


cdef c_Device _to_c_device(object d) except *:
    if isinstance(d, Device):
        return make_device((<Device>d)._type, (<Device>d)._index)
    return make_device(_device_type_code(d), 0)


@cython.final
cdef class Stream:
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

    def __init__(self, *args, **kwargs) -> None:
        raise TypeError("Streams are made with mlxcy.new_stream(device) or mlxcy.default_stream(device)")

    @property
    def device(self):
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
        return self._device

    def __repr__(self) -> str:
        return f"Stream({self._device!r}, {self._index})"

    def __eq__(self, other) -> bool:
        if isinstance(other, Stream):
            return self._index == (<Stream>other)._index and self._device == (<Stream>other)._device
        return False

    def __ne__(self, other) -> bool:
        return not self.__eq__(other)

    def __hash__(self) -> int:
        return hash((self._index, self._device._type, self._device._index))


cdef Stream _py_stream(const c_Stream& s):
    cdef Stream r = Stream.__new__(Stream)
    r._index = s.index
    r._device = _py_device(s.device)
    return r


cdef inline c_Stream _c_stream(Stream s):
    return make_stream(s._index, s._device._type, s._device._index)


@cython.final
cdef class ThreadLocalStream:
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
    cdef int _index
    cdef Device _device

    def __init__(self, *args, **kwargs) -> None:
        raise TypeError("Thread-local streams are made with mlxcy.new_thread_local_stream(device)")

    @property
    def device(self):
        """The device the stream's per-thread streams run on.

        Returns
        -------
        Device

        Examples
        --------
        >>> mx.new_thread_local_stream(mx.cpu).device
        Device(cpu, 0)
        """
        return self._device

    def __repr__(self) -> str:
        return f"ThreadLocalStream({self._device!r}, {self._index})"

    def __eq__(self, other) -> bool:
        if isinstance(other, ThreadLocalStream):
            return self._index == (<ThreadLocalStream>other)._index and self._device == (<ThreadLocalStream>other)._device
        return False

    def __hash__(self) -> int:
        return hash(("tls", self._index, self._device._type, self._device._index))


cdef StreamOrDevice to_sod(object stream) except *:
    cdef ThreadLocalStream tls
    if stream is None:
        return sod_default()
    if type(stream) is Stream:
        return sod_stream(_c_stream(<Stream>stream))
    if type(stream) is Device:
        return sod_device(make_device((<Device>stream)._type, (<Device>stream)._index))
    if type(stream) is ThreadLocalStream:
        tls = <ThreadLocalStream>stream
        return sod_thread_local(tls._index, tls._device._type, tls._device._index)
    try:   # a DeviceType, or its integer value (as the reference accepts)
        return sod_device(make_device(_device_type_code(stream), 0))
    except TypeError:
        raise TypeError(f"stream must be a Stream, ThreadLocalStream, Device, DeviceType or None, got "
                        f"{type(stream).__name__}") from None


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
    return _py_device(cx.default_device())


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
    cx.set_default_device(_to_c_device(device))


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
    return _py_stream(cx.default_stream(_to_c_device(device)))


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
    if not isinstance(stream, Stream):
        raise TypeError(f"set_default_stream() expects a Stream, got {type(stream).__name__}")
    cx.set_default_stream(_c_stream(<Stream>stream))


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
    return _py_stream(cx.new_stream(_to_c_device(device)))


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
    return _py_stream(cx.new_thread_unsafe_stream(_to_c_device(device)))


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
    cdef c_Stream s = cx.new_thread_local_stream(_to_c_device(device))
    cdef ThreadLocalStream r = ThreadLocalStream.__new__(ThreadLocalStream)
    r._index = s.index
    r._device = _py_device(s.device)
    return r


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
    cx.clear_streams()


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
    return cx.is_available(_to_c_device(device))


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
    cdef int code
    try:
        code = _device_type_code(device_type)
    except TypeError:
        raise TypeError(f"device_count() expects a DeviceType, got {type(device_type).__name__}") from None
    return cx.device_count(<c_DeviceType>code)




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
    cdef c_Device dev = cx.default_device() if d is None else _to_c_device(d)
    return device_info_dict(dev)


def synchronize(stream: StreamOrDevice = None) -> None:
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
    cdef c_Stream s = cx.to_stream(to_sod(stream))
    with nogil:
        counted_synchronize(s)


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

    def __init__(self, s: Stream | ThreadLocalStream | Device | DeviceType) -> None:
        if s is None:
            raise TypeError("StreamContext() expects a Stream, ThreadLocalStream, Device or DeviceType, got None")
        to_sod(s)   # validates the type now rather than at __enter__
        self._target = s
        self._saved = None

    def __enter__(self) -> None:
        cdef c_Stream target = cx.to_stream(to_sod(self._target))
        # Both the default device's stream and the target device's own default stream are
        # restored on exit (they differ when the block targets the other device).
        self._saved = (_py_stream(cx.default_stream(cx.default_device())),
                       _py_stream(cx.default_stream(target.device)))
        cx.set_default_device(target.device)
        cx.set_default_stream(target)
        # None, as the reference's (`with mx.stream(s) as x` binds None there)

    def __exit__(self, *exc) -> None:
        cdef c_Stream saved = _c_stream(<Stream>self._saved[0])
        cx.set_default_stream(_c_stream(<Stream>self._saved[1]))
        cx.set_default_device(saved.device)
        cx.set_default_stream(saved)


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
    return StreamContext(s)
