# cython: language_level=3, cpp_locals=True, embedsignature=True
"""mlxcy.fft: discrete Fourier transforms (as ``mlx.core.fft``)."""
from libcpp cimport bool as cbool
from libcpp.string cimport string
from mlxcy.includes cimport fft as cfft

include "_ns_common.pxi"

cdef dict _NORMS = {"backward": <int>cfft.FFTNorm.Backward, "ortho": <int>cfft.FFTNorm.Ortho,
                    "forward": <int>cfft.FFTNorm.Forward}


cdef int _norm(object norm) except -1:
    if not isinstance(norm, str):
        raise TypeError(f"norm must be a str, got {type(norm).__name__}")
    code = _NORMS.get(norm)
    if code is None:
        raise ValueError("[fft] Invalid norm. Expected one of {'backward', 'ortho', 'forward'}.")
    return code


cdef array _fft1(int kind, str fn, object a, object n, int axis, object norm, object stream):
    """A one-dimensional transform along ``axis``, of output size ``n`` when given."""
    cdef optional[c_array] x = nullopt
    cdef optional[Shape] sizes = nullopt
    cdef optional[vector[int]] axes = vector[int]()
    cdef Shape nn = Shape()
    cdef int nv
    x = array_arg(a, fn, "a")._a
    deref(axes).push_back(axis)
    if n is not None:
        nv = n
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
        if axes is None:
            raise ValueError("[fftn] `axes` should not be `None` if `s` is not `None`.")
        sizes = to_c_shape(s)
    return wrap(cfft.fft_any(kind, deref(x), sizes, ax, _norm(norm), to_sod(stream)))


def fft(a, n=None, axis=-1, norm="backward", stream=None):
    """One-dimensional discrete Fourier transform along ``axis`` (complex64 result)."""
    return _fft1(cfft.FFT_C, "fft", a, n, axis, norm, stream)


def ifft(a, n=None, axis=-1, norm="backward", stream=None):
    """One-dimensional inverse discrete Fourier transform along ``axis``."""
    return _fft1(cfft.FFT_IC, "ifft", a, n, axis, norm, stream)


def rfft(a, n=None, axis=-1, norm="backward", stream=None):
    """Fourier transform of a real signal: the ``n // 2 + 1`` non-negative frequencies."""
    return _fft1(cfft.FFT_R, "rfft", a, n, axis, norm, stream)


def irfft(a, n=None, axis=-1, norm="backward", stream=None):
    """Inverse of :func:`rfft`: a real signal of length ``n`` (default ``2 * (m - 1)``)."""
    return _fft1(cfft.FFT_IR, "irfft", a, n, axis, norm, stream)


def fft2(a, s=None, axes=[-2, -1], norm="backward", stream=None):
    """Two-dimensional discrete Fourier transform over ``axes``."""
    return _fftn(cfft.FFT_C, "fft2", a, s, axes, norm, stream)


def ifft2(a, s=None, axes=[-2, -1], norm="backward", stream=None):
    """Two-dimensional inverse discrete Fourier transform over ``axes``."""
    return _fftn(cfft.FFT_IC, "ifft2", a, s, axes, norm, stream)


def rfft2(a, s=None, axes=[-2, -1], norm="backward", stream=None):
    """Two-dimensional transform of a real input (last axis halved)."""
    return _fftn(cfft.FFT_R, "rfft2", a, s, axes, norm, stream)


def irfft2(a, s=None, axes=[-2, -1], norm="backward", stream=None):
    """Inverse of :func:`rfft2`."""
    return _fftn(cfft.FFT_IR, "irfft2", a, s, axes, norm, stream)


def fftn(a, s=None, axes=None, norm="backward", stream=None):
    """N-dimensional discrete Fourier transform over ``axes`` (all axes by default)."""
    return _fftn(cfft.FFT_C, "fftn", a, s, axes, norm, stream)


def ifftn(a, s=None, axes=None, norm="backward", stream=None):
    """N-dimensional inverse discrete Fourier transform."""
    return _fftn(cfft.FFT_IC, "ifftn", a, s, axes, norm, stream)


def rfftn(a, s=None, axes=None, norm="backward", stream=None):
    """N-dimensional transform of a real input (last transformed axis halved)."""
    return _fftn(cfft.FFT_R, "rfftn", a, s, axes, norm, stream)


def irfftn(a, s=None, axes=None, norm="backward", stream=None):
    """Inverse of :func:`rfftn`."""
    return _fftn(cfft.FFT_IR, "irfftn", a, s, axes, norm, stream)


def fftfreq(int n, double d=1.0, stream=None):
    """Sample frequencies of an ``n``-point transform with sample spacing ``d``."""
    return wrap(cfft.fftfreq(n, d, to_sod(stream)))


def rfftfreq(int n, double d=1.0, stream=None):
    """Sample frequencies of an ``n``-point :func:`rfft` with sample spacing ``d``."""
    return wrap(cfft.rfftfreq(n, d, to_sod(stream)))


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


def fftshift(a, axes=None, stream=None):
    """Move the zero-frequency term to the centre along ``axes`` (all by default)."""
    return _shift(False, "fftshift", a, axes, stream)


def ifftshift(a, axes=None, stream=None):
    """Undo :func:`fftshift`."""
    return _shift(True, "ifftshift", a, axes, stream)


cdef inline optional[cbool] _opt_bool(object v):
    cdef optional[cbool] out = nullopt
    cdef cbool bv
    if v is not None:
        bv = v
        out = bv
    return out


def stft(x, n_fft=2048, hop_length=None, win_length=None, window=None, center=True,
         pad_mode="reflect", norm="backward", onesided=None, stream=None):
    """Short-time Fourier transform of the last axis of ``x``: frames by frequencies."""
    cdef optional[c_array] cx_ = nullopt
    cdef optional[c_array] win = nullopt
    cx_ = array_arg(x, "stft", "x")._a
    opt_array_arg(window, "stft", "window", win)
    cdef string pad = pad_mode.encode()
    return wrap(cfft.stft_op(deref(cx_), <int>n_fft, opt_int_arg(hop_length, "stft", "hop_length"),
                             opt_int_arg(win_length, "stft", "win_length"), win,
                          <bint>center, pad, <cfft.FFTNorm>_norm(norm), _opt_bool(onesided),
                          to_sod(stream)))


def istft(stft_matrix, n_fft=None, hop_length=None, win_length=None, window=None, center=True,
          norm="backward", onesided=None, length=None, stream=None):
    """Inverse of :func:`stft` by overlap-add; ``length`` trims or pads the signal."""
    cdef optional[c_array] m = nullopt
    cdef optional[c_array] win = nullopt
    m = array_arg(stft_matrix, "istft", "stft_matrix")._a
    opt_array_arg(window, "istft", "window", win)
    return wrap(cfft.istft(deref(m), opt_int_arg(n_fft, "istft", "n_fft"), opt_int_arg(hop_length, "istft", "hop_length"),
                           opt_int_arg(win_length, "istft", "win_length"),
                           win, <bint>center, <cfft.FFTNorm>_norm(norm), _opt_bool(onesided),
                           opt_int_arg(length, "istft", "length"), to_sod(stream)))
