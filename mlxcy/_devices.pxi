# Devices, streams, and the stream context manager.

class DeviceType(_PlainReprEnum):
    """The kind of a device: ``cpu`` or ``gpu``."""
    cpu = 0
    gpu = 1

    def __eq__(self, other):
        if isinstance(other, Device):
            return other == self
        return self is other

    def __hash__(self):
        return hash(self.value)


cpu = DeviceType.cpu
gpu = DeviceType.gpu


@cython.final
cdef class Device:
    """A device to run operations on: its type (cpu/gpu) and index."""

    def __init__(self, type, int index=0):
        self._type = _device_type_code(type)
        self._index = index

    @property
    def type(self):
        """The :class:`DeviceType` of the device."""
        return DeviceType(self._type)

    def __repr__(self):
        return f"Device({'gpu' if self._type else 'cpu'}, {self._index})"

    def __eq__(self, other):
        if isinstance(other, Device):
            return self._type == (<Device>other)._type and self._index == (<Device>other)._index
        if isinstance(other, DeviceType):
            return self._type == other.value
        return False

    def __ne__(self, other):
        return not self.__eq__(other)

    def __hash__(self):
        return hash((self._type, self._index))


cdef Device _py_device(const c_Device& d):
    cdef Device r = Device.__new__(Device)
    r._type = <int>d.type
    r._index = d.index
    return r


cdef int _device_type_code(object t) except -1:
    """A DeviceType (or its int value, as the reference accepts) as 0 (cpu) / 1 (gpu)."""
    if isinstance(t, DeviceType):
        return t.value
    if isinstance(t, int) and not isinstance(t, bool) and t in (0, 1):
        return t
    raise TypeError(f"Expected a DeviceType (mlxcy.cpu or mlxcy.gpu), got {type(t).__name__}: {t!r}")


cdef c_Device _to_c_device(object d) except *:
    if isinstance(d, Device):
        return make_device((<Device>d)._type, (<Device>d)._index)
    return make_device(_device_type_code(d), 0)


@cython.final
cdef class Stream:
    """A stream of operations on a device; ops given ``stream=`` run in its order."""

    def __init__(self, *args, **kwargs):
        raise TypeError("Streams are made with mlxcy.new_stream(device) or mlxcy.default_stream(device)")

    @property
    def device(self):
        """The :class:`Device` the stream runs on."""
        return self._device

    def __repr__(self):
        return f"Stream({self._device!r}, {self._index})"

    def __eq__(self, other):
        if isinstance(other, Stream):
            return self._index == (<Stream>other)._index and self._device == (<Stream>other)._device
        return False

    def __ne__(self, other):
        return not self.__eq__(other)

    def __hash__(self):
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
    """A stream that stands for a distinct stream in each thread that uses it."""
    cdef int _index
    cdef Device _device

    def __init__(self, *args, **kwargs):
        raise TypeError("Thread-local streams are made with mlxcy.new_thread_local_stream(device)")

    @property
    def device(self):
        """The :class:`Device` the stream runs on."""
        return self._device

    def __repr__(self):
        return f"ThreadLocalStream({self._device!r}, {self._index})"

    def __eq__(self, other):
        if isinstance(other, ThreadLocalStream):
            return self._index == (<ThreadLocalStream>other)._index and self._device == (<ThreadLocalStream>other)._device
        return False

    def __hash__(self):
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
    if isinstance(stream, (DeviceType, int)) and not isinstance(stream, bool):
        return sod_device(make_device(_device_type_code(stream), 0))
    raise TypeError(f"stream must be a Stream, ThreadLocalStream, Device, DeviceType or None, got "
                    f"{type(stream).__name__}")


def default_device():
    """The device ops run on when no stream is given."""
    return _py_device(cx.default_device())


def set_default_device(device):
    """Make ``device`` (a Device or DeviceType) the default device."""
    cx.set_default_device(_to_c_device(device))


def default_stream(device):
    """The default stream of ``device`` for the current thread."""
    return _py_stream(cx.default_stream(_to_c_device(device)))


def set_default_stream(stream):
    """Make ``stream`` the default stream of its device (and its device the default)."""
    if not isinstance(stream, Stream):
        raise TypeError(f"set_default_stream() expects a Stream, got {type(stream).__name__}")
    cx.set_default_stream(_c_stream(<Stream>stream))


def new_stream(device):
    """Make a new stream on ``device``."""
    return _py_stream(cx.new_stream(_to_c_device(device)))


def new_thread_unsafe_stream(device):
    """Make a new stream on ``device`` that any thread may use (callers synchronise)."""
    return _py_stream(cx.new_thread_unsafe_stream(_to_c_device(device)))


def new_thread_local_stream(device):
    """Make a stream that resolves to a distinct stream in each thread that uses it."""
    cdef c_Stream s = cx.new_thread_local_stream(_to_c_device(device))
    cdef ThreadLocalStream r = ThreadLocalStream.__new__(ThreadLocalStream)
    r._index = s.index
    r._device = _py_device(s.device)
    return r


def clear_streams():
    """Destroy the streams this thread created."""
    cx.clear_streams()


def is_available(device):
    """Whether ``device`` (Device or DeviceType) is available on this machine."""
    return cx.is_available(_to_c_device(device))


def device_count(device_type):
    """The number of devices of ``device_type``."""
    if not isinstance(device_type, DeviceType):
        raise TypeError(f"device_count() expects a DeviceType, got {type(device_type).__name__}")
    return cx.device_count(<c_DeviceType><int>device_type.value)




def device_info(d=None):
    """A dict of facts about a device (name, architecture, memory where known)."""
    cdef c_Device dev = cx.default_device() if d is None else _to_c_device(d)
    return device_info_dict(dev)


def synchronize(stream=None):
    """Wait until every op queued on ``stream`` (default: the default stream) has run."""
    cdef c_Stream s = cx.to_stream(to_sod(stream))
    with nogil:
        cx.synchronize(s)


class StreamContext:
    """Context manager that makes a stream (or device) the default inside a ``with`` block."""

    def __init__(self, s):
        if s is None:
            raise TypeError("StreamContext() expects a Stream, ThreadLocalStream, Device or DeviceType, got None")
        to_sod(s)   # validates the type now rather than at __enter__
        self._target = s
        self._saved = None

    def __enter__(self):
        cdef c_Stream target = cx.to_stream(to_sod(self._target))
        # Both the default device's stream and the target device's own default stream are
        # restored on exit (they differ when the block targets the other device).
        self._saved = (_py_stream(cx.default_stream(cx.default_device())),
                       _py_stream(cx.default_stream(target.device)))
        cx.set_default_device(target.device)
        cx.set_default_stream(target)
        # None, as the reference's (`with mx.stream(s) as x` binds None there)

    def __exit__(self, *exc):
        cdef c_Stream saved = _c_stream(<Stream>self._saved[0])
        cx.set_default_stream(_c_stream(<Stream>self._saved[1]))
        cx.set_default_device(saved.device)
        cx.set_default_stream(saved)


def stream(s):
    """A context manager that runs ops on ``s`` (a Stream, Device or DeviceType) by default.

    Example: ``with mlxcy.stream(mlxcy.cpu): y = x + 1``.
    """
    return StreamContext(s)
