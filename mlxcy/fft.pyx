# cython: language_level=3, cpp_locals=True
"""mlxcy.fft: discrete Fourier transforms (as ``mlx.core.fft``)."""
from libcpp cimport bool as cbool
from libcpp.string cimport string
from mlxcy.includes cimport fft as cfft

include "_ns_common.pxi"
from mlxcy._arguments cimport str_arg

cdef dict _NORMS = {"backward": <int>cfft.FFTNorm.Backward, "ortho": <int>cfft.FFTNorm.Ortho,
                    "forward": <int>cfft.FFTNorm.Forward}


cdef int _norm(object norm) except -1:
    if not isinstance(norm, str):
        raise TypeError(f"norm must be a str, got {type(norm).__name__}")
    code = _NORMS.get(norm)
    if code is None:
        raise ValueError("[fft] Invalid norm. Expected one of {'backward', 'ortho', 'forward'}.")
    return code


cdef array _fft1(int kind, str fn, object a, object n, object axis, object norm, object stream):
    """A one-dimensional transform along ``axis``, of output size ``n`` when given."""
    cdef optional[c_array] x = nullopt
    cdef optional[Shape] sizes = nullopt
    cdef optional[vector[int]] axes = vector[int]()
    cdef Shape nn = Shape()
    cdef int nv
    x = array_arg(a, fn, "a")._a
    deref(axes).push_back(to_int32(axis, fn, "axis"))
    if n is not None:
        nv = to_int32(n, fn, "n")
        nn.push_back(nv)
        sizes = nn
    return wrap(cfft.fft_any(kind, deref(x), sizes, axes, _norm(norm), to_sod(stream)))


cdef array _fftn(int kind, str fn, object a, object s, object axes, object norm, object stream):
    """An n-dimensional transform over ``axes`` (all axes when None), sizes ``s`` when given."""
    cdef optional[c_array] x = nullopt
    cdef optional[Shape] sizes = nullopt
    cdef optional[vector[int]] ax = nullopt
    x = array_arg(a, fn, "a")._a
    if axes is not None:
        ax = int_list_arg(axes, fn, "axes", False)
    if s is not None:
        sizes = Shape()
        for size in int_list_arg(s, fn, "s", False):   # its type first, as the reference
            deref(sizes).push_back(size)
        if axes is None:
            raise ValueError("[fftn] `axes` should not be `None` if `s` is not `None`.")
    return wrap(cfft.fft_any(kind, deref(x), sizes, ax, _norm(norm), to_sod(stream)))


def fft(a: array, n: int | None = None, axis: int = -1, norm: str = "backward",
        stream: StreamOrDevice = None) -> array:
    """Compute the one-dimensional discrete Fourier transform along an axis.

    Parameters
    ----------
    a : array
        The input; real inputs of any dtype are converted to complex64.
    n : int, optional
        Length of the transform: the axis is cropped or zero-padded to it. Default: ``None``,
        its size.
    axis : int, optional
        The axis to transform. Default: ``-1``.
    norm : str, optional
        Scaling: ``"backward"`` (none forward, ``1/n`` inverse), ``"ortho"`` (``1/sqrt(n)`` both
        ways) or ``"forward"`` (``1/n`` forward, none inverse). Default: ``"backward"``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default
        device.

    Returns
    -------
    array
        The transform, complex64, with size ``n`` along ``axis``.

    Raises
    ------
    TypeError
        When ``a`` is not an array (lists are not converted).
    ValueError
        When ``n`` is not positive or ``norm`` is not one of the three names.
    IndexError
        When ``axis`` is out of range.

    Examples
    --------
    >>> mx.fft.fft(mx.array([1.0, 2.0, 3.0, 4.0]))
    array([10+0j, -2+2j, -2+0j, -2-2j], dtype=complex64)
    >>> mx.fft.fft(mx.array([1.0, 2.0, 3.0, 4.0]), n=2)
    array([3+0j, -1+0j], dtype=complex64)
    >>> mx.fft.fft(mx.array([1.0, 2.0, 3.0, 4.0]), norm="forward")
    array([2.5+0j, -0.5+0.5j, -0.5+0j, -0.5-0.5j], dtype=complex64)
    """
    return _fft1(cfft.FFT_C, "fft", a, n, axis, norm, stream)


def ifft(a: array, n: int | None = None, axis: int = -1, norm: str = "backward",
         stream: StreamOrDevice = None) -> array:
    """Compute the one-dimensional inverse discrete Fourier transform along an axis.

    Parameters
    ----------
    a : array
        The input (converted to complex64).
    n : int, optional
        Length of the transform: the axis is cropped or zero-padded to it. Default: ``None``,
        its size.
    axis : int, optional
        The axis to transform. Default: ``-1``.
    norm : str, optional
        Scaling: ``"backward"`` (none forward, ``1/n`` inverse), ``"ortho"`` (``1/sqrt(n)`` both
        ways) or ``"forward"`` (``1/n`` forward, none inverse). Default: ``"backward"``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default
        device.

    Returns
    -------
    array
        The inverse transform, complex64, with size ``n`` along ``axis``.

    Raises
    ------
    TypeError
        When ``a`` is not an array (lists are not converted).
    ValueError
        When ``n`` is not positive or ``norm`` is not one of the three names.
    IndexError
        When ``axis`` is out of range.

    Examples
    --------
    >>> mx.fft.ifft(mx.array([10+0j, -2+2j, -2+0j, -2-2j]))
    array([1+0j, 2+0j, 3+0j, 4+0j], dtype=complex64)
    >>> mx.fft.ifft(mx.array([4.0, 0.0, 0.0, 0.0]))
    array([1+0j, 1+0j, 1+0j, 1+0j], dtype=complex64)
    """
    return _fft1(cfft.FFT_IC, "ifft", a, n, axis, norm, stream)


def rfft(a: array, n: int | None = None, axis: int = -1, norm: str = "backward",
         stream: StreamOrDevice = None) -> array:
    """Compute the one-dimensional discrete Fourier transform of a real input.

    Only the ``n // 2 + 1`` non-negative frequencies are returned: the others are their complex
    conjugates.

    Parameters
    ----------
    a : array
        The real input (a complex input has its imaginary part dropped).
    n : int, optional
        Length of the transform: the axis is cropped or zero-padded to it. Default: ``None``,
        its size.
    axis : int, optional
        The axis to transform. Default: ``-1``.
    norm : str, optional
        Scaling: ``"backward"`` (none forward, ``1/n`` inverse), ``"ortho"`` (``1/sqrt(n)`` both
        ways) or ``"forward"`` (``1/n`` forward, none inverse). Default: ``"backward"``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default
        device.

    Returns
    -------
    array
        The transform, complex64, with size ``n // 2 + 1`` along ``axis``.

    Raises
    ------
    TypeError
        When ``a`` is not an array (lists are not converted).
    ValueError
        When ``n`` is not positive or ``norm`` is not one of the three names.
    IndexError
        When ``axis`` is out of range.

    Examples
    --------
    >>> mx.fft.rfft(mx.array([1.0, 2.0, 3.0, 4.0]))
    array([10+0j, -2+2j, -2+0j], dtype=complex64)
    >>> mx.fft.rfft(mx.ones((3, 8))).shape
    (3, 5)
    """
    return _fft1(cfft.FFT_R, "rfft", a, n, axis, norm, stream)


def irfft(a: array, n: int | None = None, axis: int = -1, norm: str = "backward",
          stream: StreamOrDevice = None) -> array:
    """Compute the inverse of :func:`fft.rfft`: a real signal from its non-negative frequencies.

    Parameters
    ----------
    a : array
        The non-negative frequencies (converted to complex64).
    n : int, optional
        Length of the real output; the input axis is cropped or zero-padded to
        ``n // 2 + 1``. Default: ``None``, ``2 * (m - 1)`` for an input axis of size ``m``.
    axis : int, optional
        The axis to transform. Default: ``-1``.
    norm : str, optional
        Scaling: ``"backward"`` (none forward, ``1/n`` inverse), ``"ortho"`` (``1/sqrt(n)`` both
        ways) or ``"forward"`` (``1/n`` forward, none inverse). Default: ``"backward"``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default
        device.

    Returns
    -------
    array
        The real signal, float32, with size ``n`` along ``axis``.

    Raises
    ------
    TypeError
        When ``a`` is not an array (lists are not converted).
    ValueError
        When ``n`` is not positive or ``norm`` is not one of the three names.
    IndexError
        When ``axis`` is out of range.

    Examples
    --------
    >>> mx.fft.irfft(mx.array([10+0j, -2+2j, -2+0j]))
    array([1, 2, 3, 4], dtype=float32)
    >>> x = mx.array([1.0, 2.0, 3.0])
    >>> mx.fft.irfft(mx.fft.rfft(x), n=3)
    array([1, 2, 3], dtype=float32)
    """
    return _fft1(cfft.FFT_IR, "irfft", a, n, axis, norm, stream)


def fft2(a: array, s: tuple[int, ...] | None = None, axes: Sequence[int] | None = [-2, -1],
         norm: str = "backward", stream: StreamOrDevice = None) -> array:
    """Compute the two-dimensional discrete Fourier transform.

    Parameters
    ----------
    a : array
        The input, of at least two dimensions (converted to complex64).
    s : sequence of int, optional
        Sizes of the transformed axes; each input axis is cropped or zero-padded to its
        size. Default: ``None``, the input's sizes.
    axes : sequence of int, optional
        The two axes to transform. Default: ``[-2, -1]``.
    norm : str, optional
        Scaling: ``"backward"`` (none forward, ``1/n`` inverse), ``"ortho"`` (``1/sqrt(n)`` both
        ways) or ``"forward"`` (``1/n`` forward, none inverse). Default: ``"backward"``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default
        device.

    Returns
    -------
    array
        The transform, complex64.

    Raises
    ------
    TypeError
        When ``a`` is not an array (lists are not converted).
    ValueError
        When ``s`` and ``axes`` differ in length, an axis repeats, a size is not positive, or
        ``norm`` is not one of the three names.
    IndexError
        When an axis is out of range.

    Examples
    --------
    >>> mx.fft.fft2(mx.array([[1.0, 2.0], [3.0, 4.0]]))
    array([[10+0j, -2+0j],
           [-4+0j, 0+0j]], dtype=complex64)
    """
    return _fftn(cfft.FFT_C, "fft2", a, s, axes, norm, stream)


def ifft2(a: array, s: tuple[int, ...] | None = None, axes: Sequence[int] | None = [-2, -1],
          norm: str = "backward", stream: StreamOrDevice = None) -> array:
    """Compute the two-dimensional inverse discrete Fourier transform.

    Parameters
    ----------
    a : array
        The input, of at least two dimensions (converted to complex64).
    s : sequence of int, optional
        Sizes of the transformed axes; each input axis is cropped or zero-padded to its
        size. Default: ``None``, the input's sizes.
    axes : sequence of int, optional
        The two axes to transform. Default: ``[-2, -1]``.
    norm : str, optional
        Scaling: ``"backward"`` (none forward, ``1/n`` inverse), ``"ortho"`` (``1/sqrt(n)`` both
        ways) or ``"forward"`` (``1/n`` forward, none inverse). Default: ``"backward"``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default
        device.

    Returns
    -------
    array
        The inverse transform, complex64.

    Raises
    ------
    TypeError
        When ``a`` is not an array (lists are not converted).
    ValueError
        When ``s`` and ``axes`` differ in length, an axis repeats, a size is not positive, or
        ``norm`` is not one of the three names.
    IndexError
        When an axis is out of range.

    Examples
    --------
    >>> mx.fft.ifft2(mx.array([[4.0, 0.0], [0.0, 0.0]]))
    array([[1+0j, 1+0j],
           [1+0j, 1+0j]], dtype=complex64)
    """
    return _fftn(cfft.FFT_IC, "ifft2", a, s, axes, norm, stream)


def rfft2(a: array, s: tuple[int, ...] | None = None, axes: Sequence[int] | None = [-2, -1],
          norm: str = "backward", stream: StreamOrDevice = None) -> array:
    """Compute the two-dimensional discrete Fourier transform of a real input.

    The last transformed axis keeps only its ``n // 2 + 1`` non-negative frequencies.

    Parameters
    ----------
    a : array
        The real input, of at least two dimensions.
    s : sequence of int, optional
        Sizes of the transformed axes; each input axis is cropped or zero-padded to its
        size. Default: ``None``, the input's sizes.
    axes : sequence of int, optional
        The two axes to transform. Default: ``[-2, -1]``.
    norm : str, optional
        Scaling: ``"backward"`` (none forward, ``1/n`` inverse), ``"ortho"`` (``1/sqrt(n)`` both
        ways) or ``"forward"`` (``1/n`` forward, none inverse). Default: ``"backward"``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default
        device.

    Returns
    -------
    array
        The transform, complex64.

    Raises
    ------
    TypeError
        When ``a`` is not an array (lists are not converted).
    ValueError
        When ``s`` and ``axes`` differ in length, an axis repeats, a size is not positive, or
        ``norm`` is not one of the three names.
    IndexError
        When an axis is out of range.

    Examples
    --------
    >>> mx.fft.rfft2(mx.array([[1.0, 2.0], [3.0, 4.0]]))
    array([[10+0j, -2+0j],
           [-4+0j, 0+0j]], dtype=complex64)
    >>> mx.fft.rfft2(mx.ones((4, 8))).shape
    (4, 5)
    """
    return _fftn(cfft.FFT_R, "rfft2", a, s, axes, norm, stream)


def irfft2(a: array, s: tuple[int, ...] | None = None, axes: Sequence[int] | None = [-2, -1],
           norm: str = "backward", stream: StreamOrDevice = None) -> array:
    """Compute the inverse of :func:`fft.rfft2`: a real array from its two-dimensional transform.

    Parameters
    ----------
    a : array
        The transform (converted to complex64).
    s : sequence of int, optional
        Sizes of the real output along the transformed axes. Default: ``None``, the
        input's sizes except the last axis, ``2 * (m - 1)`` from its size ``m``.
    axes : sequence of int, optional
        The two axes to transform. Default: ``[-2, -1]``.
    norm : str, optional
        Scaling: ``"backward"`` (none forward, ``1/n`` inverse), ``"ortho"`` (``1/sqrt(n)`` both
        ways) or ``"forward"`` (``1/n`` forward, none inverse). Default: ``"backward"``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default
        device.

    Returns
    -------
    array
        The real result, float32.

    Raises
    ------
    TypeError
        When ``a`` is not an array (lists are not converted).
    ValueError
        When ``s`` and ``axes`` differ in length, an axis repeats, a size is not positive, or
        ``norm`` is not one of the three names.
    IndexError
        When an axis is out of range.

    Examples
    --------
    >>> x = mx.array([[1.0, 2.0], [3.0, 4.0]])
    >>> mx.fft.irfft2(mx.fft.rfft2(x))
    array([[1, 2],
           [3, 4]], dtype=float32)
    """
    return _fftn(cfft.FFT_IR, "irfft2", a, s, axes, norm, stream)


def fftn(a: array, s: tuple[int, ...] | None = None, axes: Sequence[int] | None = None,
         norm: str = "backward", stream: StreamOrDevice = None) -> array:
    """Compute the n-dimensional discrete Fourier transform.

    Parameters
    ----------
    a : array
        The input (converted to complex64).
    s : sequence of int, optional
        Sizes of the transformed axes; each input axis is cropped or zero-padded to its
        size. Default: ``None``, the input's sizes.
    axes : sequence of int, optional
        The axes to transform. Default: ``None``, every axis (``s`` then cannot be given).
    norm : str, optional
        Scaling: ``"backward"`` (none forward, ``1/n`` inverse), ``"ortho"`` (``1/sqrt(n)`` both
        ways) or ``"forward"`` (``1/n`` forward, none inverse). Default: ``"backward"``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default
        device.

    Returns
    -------
    array
        The transform, complex64.

    Raises
    ------
    TypeError
        When ``a`` is not an array (lists are not converted).
    ValueError
        When ``s`` and ``axes`` differ in length, an axis repeats, a size is not positive, or
        ``norm`` is not one of the three names.
    IndexError
        When an axis is out of range.

    Examples
    --------
    >>> mx.fft.fftn(mx.ones((2, 2, 2)))[0, 0, 0]
    array(8+0j, dtype=complex64)
    >>> mx.fft.fftn(mx.ones((2, 2)), axes=[0])
    array([[2+0j, 2+0j],
           [0+0j, 0+0j]], dtype=complex64)
    """
    return _fftn(cfft.FFT_C, "fftn", a, s, axes, norm, stream)


def ifftn(a: array, s: tuple[int, ...] | None = None, axes: Sequence[int] | None = None,
          norm: str = "backward", stream: StreamOrDevice = None) -> array:
    """Compute the n-dimensional inverse discrete Fourier transform.

    Parameters
    ----------
    a : array
        The input (converted to complex64).
    s : sequence of int, optional
        Sizes of the transformed axes; each input axis is cropped or zero-padded to its
        size. Default: ``None``, the input's sizes.
    axes : sequence of int, optional
        The axes to transform. Default: ``None``, every axis (``s`` then cannot be given).
    norm : str, optional
        Scaling: ``"backward"`` (none forward, ``1/n`` inverse), ``"ortho"`` (``1/sqrt(n)`` both
        ways) or ``"forward"`` (``1/n`` forward, none inverse). Default: ``"backward"``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default
        device.

    Returns
    -------
    array
        The inverse transform, complex64.

    Raises
    ------
    TypeError
        When ``a`` is not an array (lists are not converted).
    ValueError
        When ``s`` and ``axes`` differ in length, an axis repeats, a size is not positive, or
        ``norm`` is not one of the three names.
    IndexError
        When an axis is out of range.

    Examples
    --------
    >>> mx.fft.ifftn(mx.array([[4.0, 0.0], [0.0, 0.0]]))
    array([[1+0j, 1+0j],
           [1+0j, 1+0j]], dtype=complex64)
    """
    return _fftn(cfft.FFT_IC, "ifftn", a, s, axes, norm, stream)


def rfftn(a: array, s: tuple[int, ...] | None = None, axes: Sequence[int] | None = None,
          norm: str = "backward", stream: StreamOrDevice = None) -> array:
    """Compute the n-dimensional discrete Fourier transform of a real input.

    The last transformed axis keeps only its ``n // 2 + 1`` non-negative frequencies.

    Parameters
    ----------
    a : array
        The real input.
    s : sequence of int, optional
        Sizes of the transformed axes; each input axis is cropped or zero-padded to its
        size. Default: ``None``, the input's sizes.
    axes : sequence of int, optional
        The axes to transform. Default: ``None``, every axis (``s`` then cannot be given).
    norm : str, optional
        Scaling: ``"backward"`` (none forward, ``1/n`` inverse), ``"ortho"`` (``1/sqrt(n)`` both
        ways) or ``"forward"`` (``1/n`` forward, none inverse). Default: ``"backward"``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default
        device.

    Returns
    -------
    array
        The transform, complex64.

    Raises
    ------
    TypeError
        When ``a`` is not an array (lists are not converted).
    ValueError
        When ``s`` and ``axes`` differ in length, an axis repeats, a size is not positive, or
        ``norm`` is not one of the three names.
    IndexError
        When an axis is out of range.

    Examples
    --------
    >>> mx.fft.rfftn(mx.ones((2, 2, 4))).shape
    (2, 2, 3)
    >>> mx.fft.rfftn(mx.array([[1.0, 2.0], [3.0, 4.0]]))
    array([[10+0j, -2+0j],
           [-4+0j, 0+0j]], dtype=complex64)
    """
    return _fftn(cfft.FFT_R, "rfftn", a, s, axes, norm, stream)


def irfftn(a: array, s: tuple[int, ...] | None = None, axes: Sequence[int] | None = None,
           norm: str = "backward", stream: StreamOrDevice = None) -> array:
    """Compute the inverse of :func:`fft.rfftn`: a real array from its n-dimensional transform.

    Parameters
    ----------
    a : array
        The transform (converted to complex64).
    s : sequence of int, optional
        Sizes of the real output along the transformed axes. Default: ``None``, the
        input's sizes except the last axis, ``2 * (m - 1)`` from its size ``m``.
    axes : sequence of int, optional
        The axes to transform. Default: ``None``, every axis (``s`` then cannot be given).
    norm : str, optional
        Scaling: ``"backward"`` (none forward, ``1/n`` inverse), ``"ortho"`` (``1/sqrt(n)`` both
        ways) or ``"forward"`` (``1/n`` forward, none inverse). Default: ``"backward"``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default
        device.

    Returns
    -------
    array
        The real result, float32.

    Raises
    ------
    TypeError
        When ``a`` is not an array (lists are not converted).
    ValueError
        When ``s`` and ``axes`` differ in length, an axis repeats, a size is not positive, or
        ``norm`` is not one of the three names.
    IndexError
        When an axis is out of range.

    Examples
    --------
    >>> mx.fft.irfftn(mx.fft.rfftn(mx.ones((2, 2, 4)))).shape
    (2, 2, 4)
    >>> mx.fft.irfftn(mx.array([[4.0, 0.0], [0.0, 0.0]]))
    array([[1, 1],
           [1, 1]], dtype=float32)
    """
    return _fftn(cfft.FFT_IR, "irfftn", a, s, axes, norm, stream)


def fftfreq(n: int, double d: float = 1.0, stream: StreamOrDevice = None) -> array:
    """Return the sample frequencies of an ``n``-point discrete Fourier transform.

    The frequencies are in cycles per unit of ``d``, in the order :func:`fft.fft` returns them:
    ``[0, 1, ..., (n - 1) // 2, -(n // 2), ..., -1] / (d * n)``.

    Parameters
    ----------
    n : int
        The length of the transform.
    d : float, optional
        The sample spacing. Default: ``1.0``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default
        device.

    Returns
    -------
    array
        The ``n`` frequencies, float32.

    Raises
    ------
    ValueError
        When ``n`` is not positive.

    Examples
    --------
    >>> mx.fft.fftfreq(4)
    array([0, 0.25, -0.5, -0.25], dtype=float32)
    >>> mx.fft.fftfreq(4, d=0.5)
    array([0, 0.5, -1, -0.5], dtype=float32)
    """
    return wrap(cfft.fftfreq(to_int32(n, "fftfreq", "n"), d, to_sod(stream)))


def rfftfreq(n: int, double d: float = 1.0, stream: StreamOrDevice = None) -> array:
    """Return the sample frequencies of an ``n``-point :func:`fft.rfft`.

    The ``n // 2 + 1`` non-negative frequencies ``[0, 1, ..., n // 2] / (d * n)``.

    Parameters
    ----------
    n : int
        The length of the transform.
    d : float, optional
        The sample spacing. Default: ``1.0``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default
        device.

    Returns
    -------
    array
        The ``n // 2 + 1`` frequencies, float32.

    Raises
    ------
    ValueError
        When ``n`` is not positive.

    Examples
    --------
    >>> mx.fft.rfftfreq(4)
    array([0, 0.25, 0.5], dtype=float32)
    >>> mx.fft.rfftfreq(5, d=0.25)
    array([0, 0.8, 1.6], dtype=float32)
    """
    return wrap(cfft.rfftfreq(to_int32(n, "rfftfreq", "n"), d, to_sod(stream)))


cdef array _shift(bint inverse, str fn, object a, object axes, object stream):
    cdef optional[c_array] x = nullopt
    cdef vector[int] ax = vector[int]()
    x = array_arg(a, fn, "a")._a
    if axes is None:
        if inverse:
            return wrap(cfft.ifftshift(deref(x), to_sod(stream)))
        return wrap(cfft.fftshift(deref(x), to_sod(stream)))
    ax = int_list_arg((axes,) if isinstance(axes, int) else axes, fn, "axes", False)
    if inverse:
        return wrap(cfft.ifftshift(deref(x), ax, to_sod(stream)))
    return wrap(cfft.fftshift(deref(x), ax, to_sod(stream)))


def fftshift(a: array, axes: int | Sequence[int] | None = None,
             stream: StreamOrDevice = None) -> array:
    """Move the zero-frequency term to the centre of the spectrum.

    Rolls each axis by half its size, so that the order of :func:`fft.fftfreq` becomes
    increasing.

    Parameters
    ----------
    a : array
        The input (any dtype).
    axes : int or sequence of int, optional
        The axes to shift. Default: ``None``, every axis.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default
        device.

    Returns
    -------
    array
        The shifted array, of ``a``'s shape and dtype.

    Raises
    ------
    IndexError
        When an axis is out of range.

    Examples
    --------
    >>> mx.fft.fftshift(mx.fft.fftfreq(4))
    array([-0.5, -0.25, 0, 0.25], dtype=float32)
    >>> mx.fft.fftshift(mx.array([0, 1, 2, 3, 4]))
    array([3, 4, 0, 1, 2], dtype=int32)
    >>> mx.fft.fftshift(mx.array([[0, 1], [2, 3]]), axes=[1])
    array([[1, 0],
           [3, 2]], dtype=int32)
    """
    return _shift(False, "fftshift", a, axes, stream)


def ifftshift(a: array, axes: int | Sequence[int] | None = None,
              stream: StreamOrDevice = None) -> array:
    """Undo :func:`fft.fftshift`: move the centre of the spectrum back to index 0.

    Differs from :func:`fft.fftshift` for axes of odd size.

    Parameters
    ----------
    a : array
        The input (any dtype).
    axes : int or sequence of int, optional
        The axes to shift. Default: ``None``, every axis.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default
        device.

    Returns
    -------
    array
        The shifted array, of ``a``'s shape and dtype.

    Raises
    ------
    IndexError
        When an axis is out of range.

    Examples
    --------
    >>> mx.fft.ifftshift(mx.array([3, 4, 0, 1, 2]))
    array([0, 1, 2, 3, 4], dtype=int32)
    """
    return _shift(True, "ifftshift", a, axes, stream)


cdef inline optional[cbool] _opt_bool(object v, str fn) except *:
    """The ``onesided`` parameter, ``bool | None``."""
    cdef optional[cbool] out = nullopt
    cdef cbool bv
    if v is not None:
        bv = to_flag(v, fn, "onesided")
        out = bv
    return out


def stft(x: array, n_fft: int = 2048, hop_length: int | None = None, win_length: int | None = None, window: array | None = None, center: bool = True,
         pad_mode: str = "reflect", norm: str = "backward", onesided: bool | None = None, stream: StreamOrDevice = None) -> array:
    """Compute the short-time Fourier transform of the last axis.

    The signal is cut into frames of ``n_fft`` samples every ``hop_length`` samples, each frame
    is multiplied by the window and transformed.

    Parameters
    ----------
    x : array
        The signal, in its last axis (leading axes are batch axes).
    n_fft : int, optional
        The frame length and length of each transform. Default: ``2048``.
    hop_length : int, optional
        Samples between the starts of frames. Default: ``None``, ``n_fft // 4``.
    win_length : int, optional
        Length of the window, at most ``n_fft``. Default: ``None``, ``n_fft``.
    window : array, optional
        The window; one shorter than ``n_fft`` is zero-padded on both sides. Default:
        ``None``, all ones (rectangular) of ``win_length``.
    center : bool, optional
        Pad the signal by ``n_fft // 2`` on both sides so that frame ``t`` is centred on
        sample ``t * hop_length``. Default: ``True``.
    pad_mode : str, optional
        How to pad when ``center``: ``"reflect"``, ``"constant"`` (zeros) or ``"edge"``.
        Default: ``"reflect"``.
    norm : str, optional
        Scaling: ``"backward"`` (none forward, ``1/n`` inverse), ``"ortho"`` (``1/sqrt(n)`` both
        ways) or ``"forward"`` (``1/n`` forward, none inverse). Default: ``"backward"``.
    onesided : bool, optional
        Keep only the ``n_fft // 2 + 1`` non-negative frequencies. Default: ``None``, true for
        real signals, false for complex ones.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default
        device.

    Returns
    -------
    array
        complex64 of shape ``x.shape[:-1] + (frequencies, frames)``.

    Raises
    ------
    ValueError
        When ``x`` is 0-dimensional, ``n_fft`` or ``hop_length`` is not positive, the window
        is longer than ``n_fft``, or ``pad_mode`` is unknown.

    Examples
    --------
    >>> signal = mx.arange(16, dtype=mx.float32)
    >>> mx.fft.stft(signal, n_fft=8).shape
    (5, 9)
    >>> mx.fft.stft(signal, n_fft=8, hop_length=4, center=False).shape
    (5, 3)
    >>> mx.fft.stft(mx.ones((8,)), n_fft=4, hop_length=4, center=False)
    array([[4+0j, 4+0j],
           [0+0j, 0+0j],
           [0+0j, 0+0j]], dtype=complex64)
    """
    cdef optional[c_array] cx_ = nullopt
    cdef optional[c_array] win = nullopt
    cx_ = array_arg(x, "stft", "x")._a
    opt_array_arg(window, "stft", "window", win)
    cdef string pad = str_arg(pad_mode, "stft", "pad_mode").encode()
    return wrap(cfft.stft_op(deref(cx_), to_int32(n_fft, "stft", "n_fft"),
                             opt_int_arg(hop_length, "stft", "hop_length"),
                             opt_int_arg(win_length, "stft", "win_length"), win,
                             to_flag(center, "stft", "center"), pad, <cfft.FFTNorm>_norm(norm),
                             _opt_bool(onesided, "stft"), to_sod(stream)))


def istft(stft_matrix: array, n_fft: int | None = None, hop_length: int | None = None, win_length: int | None = None, window: array | None = None, center: bool = True,
          norm: str = "backward", onesided: bool | None = None, length: int | None = None, stream: StreamOrDevice = None) -> array:
    """Compute the inverse of :func:`fft.stft` by overlap-add.

    Each frame is transformed back, multiplied by the window and added at its place; the sum
    is divided by the overlapping squared window.

    Parameters
    ----------
    stft_matrix : array
        The transform, of shape ``(..., frequencies, frames)``.
    n_fft : int, optional
        The frame length. Default: ``None``, ``2 * (frequencies - 1)`` when ``onesided``,
        ``frequencies`` otherwise.
    hop_length : int, optional
        Samples between the starts of frames. Default: ``None``, ``n_fft // 4``.
    win_length : int, optional
        Length of the window. Default: ``None``, ``n_fft``.
    window : array, optional
        The window used by :func:`fft.stft`. Default: ``None``, all ones.
    center : bool, optional
        The signal was padded by :func:`fft.stft` (``center=True``): drop ``n_fft // 2``
        samples at both ends. Default: ``True``.
    norm : str, optional
        Scaling: ``"backward"`` (none forward, ``1/n`` inverse), ``"ortho"`` (``1/sqrt(n)`` both
        ways) or ``"forward"`` (``1/n`` forward, none inverse). Default: ``"backward"``.
    onesided : bool, optional
        The transform holds only non-negative frequencies. Default: ``None``, inferred from
        ``n_fft`` and the number of frequencies.
    length : int, optional
        Crop or zero-pad the signal to this length. Default: ``None``.
    stream : Stream or Device, optional
        Where to schedule the computation. Default: ``None``, the default stream of the default
        device.

    Returns
    -------
    array
        The real signal, float32, of shape ``(..., samples)``.

    Raises
    ------
    ValueError
        When ``stft_matrix`` has fewer than two dimensions.

    Examples
    --------
    >>> signal = mx.arange(16, dtype=mx.float32)
    >>> spec = mx.fft.stft(signal, n_fft=8, hop_length=2)
    >>> back = mx.fft.istft(spec, n_fft=8, hop_length=2)
    >>> back.shape, mx.allclose(back, signal, atol=1e-4).item()
    ((16,), True)
    >>> mx.fft.istft(spec, n_fft=8, hop_length=2, length=10).shape
    (10,)
    """
    cdef optional[c_array] m = nullopt
    cdef optional[c_array] win = nullopt
    m = array_arg(stft_matrix, "istft", "stft_matrix")._a
    opt_array_arg(window, "istft", "window", win)
    return wrap(cfft.istft(deref(m), opt_int_arg(n_fft, "istft", "n_fft"), opt_int_arg(hop_length, "istft", "hop_length"),
                           opt_int_arg(win_length, "istft", "win_length"),
                           win, to_flag(center, "istft", "center"), <cfft.FFTNorm>_norm(norm),
                           _opt_bool(onesided, "istft"),
                           opt_int_arg(length, "istft", "length"), to_sod(stream)))
