"""mlxcy.fft against NumPy's FFT."""
import numpy as np
import pytest

import mlxcy as mx

RNG = np.random.RandomState(7)


def _real(*shape):
    return RNG.randn(*shape).astype(np.float32)


def _cplx(*shape):
    return (RNG.randn(*shape) + 1j * RNG.randn(*shape)).astype(np.complex64)


def _close(got, want, tol=1e-4):
    got = np.asarray(got)
    scale = max(1.0, float(np.abs(want).max()) if np.size(want) else 1.0)
    np.testing.assert_allclose(got, want, atol=tol * scale, rtol=tol)


@pytest.mark.parametrize("name", ["fft", "ifft"])
@pytest.mark.parametrize("n", [None, 5, 8, 13])
@pytest.mark.parametrize("axis", [-1, 0])
@pytest.mark.parametrize("norm", ["backward", "ortho", "forward"])
def test_complex_1d(name, n, axis, norm):
    x = _cplx(6, 8)
    got = getattr(mx.fft, name)(mx.array(x), n=n, axis=axis, norm=norm)
    assert got.dtype == mx.complex64
    _close(got, getattr(np.fft, name)(x, n=n, axis=axis, norm=norm))


@pytest.mark.parametrize("n", [None, 6, 9])
@pytest.mark.parametrize("norm", ["backward", "ortho", "forward"])
def test_rfft_irfft(n, norm):
    x = _real(3, 10)
    spec = mx.fft.rfft(mx.array(x), n, -1, norm)
    assert spec.dtype == mx.complex64
    _close(spec, np.fft.rfft(x, n=n, norm=norm))
    c = _cplx(3, 6)
    back = mx.fft.irfft(mx.array(c), n=n, norm=norm)
    assert back.dtype == mx.float32
    _close(back, np.fft.irfft(c, n=n, norm=norm))


def test_real_and_integer_inputs_promote_to_complex64():
    x = np.arange(8)
    for dt in (mx.int32, mx.float32, mx.float16, mx.bool_):
        got = mx.fft.fft(mx.array(x).astype(dt))
        assert got.dtype == mx.complex64
        _close(got, np.fft.fft(x.astype(np.bool_ if dt == mx.bool_ else np.float64)))


def test_rfft_roundtrip_odd_length():
    x = _real(4, 11)
    back = mx.fft.irfft(mx.fft.rfft(mx.array(x)), n=11)
    _close(back, x)


@pytest.mark.parametrize("name", ["fft2", "ifft2", "fftn", "ifftn"])
@pytest.mark.parametrize("s,axes", [(None, [-2, -1]), ((4, 6), [0, 2]), ((3, 5), (1, 2)), (None, [1])])
def test_complex_nd(name, s, axes):
    x = _cplx(3, 4, 5)
    got = getattr(mx.fft, name)(mx.array(x), s=s, axes=axes)
    _close(got, getattr(np.fft, name if name.endswith("n") else name[:-1] + "n")(x, s=s, axes=axes))


def test_fftn_all_axes_default():
    x = _cplx(3, 4, 5)
    _close(mx.fft.fftn(mx.array(x)), np.fft.fftn(x))
    _close(mx.fft.ifftn(mx.array(x), norm="ortho"), np.fft.ifftn(x, norm="ortho"))
    # fft2 with axes=None transforms every axis, as fftn does
    _close(mx.fft.fft2(mx.array(x), axes=None), np.fft.fftn(x))


@pytest.mark.parametrize("s,axes", [(None, None), (None, [0, 1]), ((4, 6), [0, 2]), ((2, 3, 8), [0, 1, 2])])
def test_rfftn_irfftn(s, axes):
    x = _real(3, 4, 5)
    _close(mx.fft.rfftn(mx.array(x), s=s, axes=axes), np.fft.rfftn(x, s=s, axes=axes))
    spec = np.fft.rfftn(x, axes=[0, 1])
    _close(mx.fft.irfftn(mx.array(spec.astype(np.complex64)), s=(3, 4), axes=[0, 1]),
           np.fft.irfftn(spec, s=(3, 4), axes=[0, 1]))


def test_rfft2_irfft2():
    x = _real(2, 6, 8)
    spec = mx.fft.rfft2(mx.array(x))
    _close(spec, np.fft.rfft2(x))
    _close(mx.fft.irfft2(spec), x)
    _close(mx.fft.irfft2(spec, s=(6, 8), axes=(-2, -1), norm="ortho"),
           np.fft.irfft2(np.fft.rfft2(x), s=(6, 8), norm="ortho"))


@pytest.mark.parametrize("n", [1, 4, 7])
@pytest.mark.parametrize("d", [1.0, 0.25])
def test_frequencies(n, d):
    _close(mx.fft.fftfreq(n, d), np.fft.fftfreq(n, d))
    _close(mx.fft.rfftfreq(n, d), np.fft.rfftfreq(n, d))
    assert mx.fft.fftfreq(n).dtype == mx.float32


@pytest.mark.parametrize("axes", [None, 0, [1], (0, 1)])
def test_shifts(axes):
    x = np.arange(35, dtype=np.float32).reshape(5, 7)
    np.testing.assert_array_equal(np.asarray(mx.fft.fftshift(mx.array(x), axes)), np.fft.fftshift(x, axes))
    np.testing.assert_array_equal(np.asarray(mx.fft.ifftshift(mx.array(x), axes=axes)),
                                  np.fft.ifftshift(x, axes))


def _np_stft(x, n_fft, hop, win, center):
    if center:
        x = np.pad(x, n_fft // 2, mode="reflect")
    frames = 1 + (len(x) - n_fft) // hop
    fr = np.stack([x[i * hop:i * hop + n_fft] * win for i in range(frames)])
    return np.fft.rfft(fr, axis=-1).T   # (frequencies, frames)


def test_stft_defaults_and_options():
    x = _real(96)
    got = mx.fft.stft(mx.array(x), n_fft=16)
    _close(got, _np_stft(x, 16, 4, np.ones(16), True))
    w = np.hanning(16).astype(np.float32)
    got = mx.fft.stft(mx.array(x), 16, 8, None, mx.array(w), False)
    _close(got, _np_stft(x, 16, 8, w, False))
    ortho = mx.fft.stft(mx.array(x), n_fft=16, norm="ortho")
    _close(ortho, _np_stft(x, 16, 4, np.ones(16), True) / 4.0)
    assert mx.fft.stft(mx.array(x), n_fft=16, onesided=False).shape == (16, 25)
    assert mx.fft.stft(mx.array(np.stack([x, x])), n_fft=16).shape == (2, 9, 25)


@pytest.mark.parametrize("n_fft", [8, 9, 16, 33, 1000])
@pytest.mark.parametrize("length", [1, 4, 5])
def test_stft_of_signals_shorter_than_half_the_window(length, n_fft):
    # centring pads by n_fft // 2 samples reflected repeatedly, as NumPy's reflect padding
    x = (np.arange(length, dtype=np.float32) + 1) ** 1.5
    hop = max(n_fft // 4, 1)
    _close(mx.fft.stft(mx.array(x), n_fft), _np_stft(x, n_fft, hop, np.ones(n_fft), True))


def test_stft_with_a_huge_window_on_a_short_signal_finishes():
    # libmlx's own padding took minutes here (issue 17); one frame of 10**6 samples
    x = np.array([1.0, 2.0, 4.0, 7.0], np.float32)
    got = mx.fft.stft(mx.array(np.stack([x, x])), 10**6)
    assert got.shape == (2, 500001, 1)
    _close(got[1], _np_stft(x, 10**6, 250000, np.ones(10**6, np.float32), True))


def test_istft_inverts_stft():
    x = _real(128)
    w = np.hanning(32).astype(np.float32) + 0.1
    spec = mx.fft.stft(mx.array(x), n_fft=32, hop_length=8, window=mx.array(w))
    back = mx.fft.istft(spec, n_fft=32, hop_length=8, window=mx.array(w), length=128)
    _close(back, x, tol=1e-3)


def test_stream_argument_positional_and_keyword():
    x = _cplx(8)
    _close(mx.fft.fft(mx.array(x), None, -1, "backward", mx.cpu), np.fft.fft(x))
    _close(mx.fft.fftfreq(4, 1.0, stream=mx.cpu), np.fft.fftfreq(4))


@pytest.mark.parametrize("call", [
    lambda x: mx.fft.fftfreq(4.0), lambda x: mx.fft.rfftfreq(4.0), lambda x: mx.fft.fftfreq(2**40),
    lambda x: mx.fft.fft(x, n=4.0), lambda x: mx.fft.ifft(x, n=2**40), lambda x: mx.fft.rfft(x, axis=0.0),
    lambda x: mx.fft.irfft(x, n=4.0), lambda x: mx.fft.fft(x, axis=None),
    lambda x: mx.fft.fftn(x, s=(4.0,), axes=[0]), lambda x: mx.fft.fftn(x, s=4, axes=[0]),
    lambda x: mx.fft.fftn(x, s=(4.0,)),   # the type of s before the missing axes
    lambda x: mx.fft.stft(x, n_fft=4.0), lambda x: mx.fft.stft(x, n_fft=4, center=1),
    lambda x: mx.fft.stft(x, n_fft=4, onesided=0), lambda x: mx.fft.stft(x, n_fft=4, pad_mode=3),
    lambda x: mx.fft.stft(x, n_fft=None), lambda x: mx.fft.stft(x, n_fft=2**40),
    lambda x: mx.fft.istft(mx.fft.stft(x, n_fft=4), n_fft=4, center=1),
    lambda x: mx.fft.istft(mx.fft.stft(x, n_fft=4), n_fft=4, onesided=1),
])
def test_int_and_bool_parameters_refuse_other_types(call):
    # as the reference: a float, an int beyond 32 bits or an int for a bool is a TypeError
    with pytest.raises(TypeError) as info:
        call(mx.array(_real(8)))
    assert not isinstance(info.value, OverflowError)


def test_int_parameters_take_integer_like_values():
    x = _real(8)
    _close(mx.fft.fftfreq(np.int64(4)), np.fft.fftfreq(4))
    _close(mx.fft.fft(mx.array(x), n=np.int32(4), axis=mx.array(0)), np.fft.fft(x, n=4))
    assert mx.fft.fftfreq(True).tolist() == [0.0]


def test_bad_input():
    x = mx.array(_real(8))
    with pytest.raises(ValueError, match="norm"):
        mx.fft.fft(x, norm="bad")
    with pytest.raises(TypeError):
        mx.fft.fft(x, norm=None)
    with pytest.raises(ValueError, match="output size"):
        mx.fft.fft(x, n=0)
    with pytest.raises(ValueError, match="output size"):
        mx.fft.rfft(x, n=-3)
    with pytest.raises(ValueError, match="axes"):
        mx.fft.fftn(mx.array(_real(2, 4)), s=(2, 3))
    with pytest.raises(ValueError, match="different sizes"):
        mx.fft.fftn(mx.array(_real(2, 4)), s=(2,), axes=(0, 1))
    with pytest.raises(ValueError, match="Duplicated axis"):
        mx.fft.fftn(mx.array(_real(2, 4)), axes=(0, 0))
    with pytest.raises(IndexError):
        mx.fft.fft(x, axis=3)
    with pytest.raises(ValueError, match="greater than 0"):
        mx.fft.fftfreq(0)
    with pytest.raises(TypeError):
        mx.fft.fft([1.0, 2.0])   # the reference takes arrays only
    with pytest.raises(ValueError, match="padding mode"):
        mx.fft.stft(mx.array(_real(64)), 16, pad_mode="nope")
