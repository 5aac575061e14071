# mlx/fft.h (through the dispatcher in src/fft.h).
from libcpp cimport bool
from libcpp.optional cimport optional
from libcpp.string cimport string
from libcpp.vector cimport vector
from mlxcy.includes.mlx cimport array, StreamOrDevice, Shape

cdef extern from "mlx/fft.h" namespace "mlx::core::fft" nogil:
    cdef enum class FFTNorm "mlx::core::fft::FFTNorm":
        Backward "mlx::core::fft::FFTNorm::Backward"
        Ortho "mlx::core::fft::FFTNorm::Ortho"
        Forward "mlx::core::fft::FFTNorm::Forward"

    array fftfreq(int, double, StreamOrDevice) except +
    array rfftfreq(int, double, StreamOrDevice) except +
    array fftshift(const array&, StreamOrDevice) except +
    array fftshift(const array&, const vector[int]&, StreamOrDevice) except +
    array ifftshift(const array&, StreamOrDevice) except +
    array ifftshift(const array&, const vector[int]&, StreamOrDevice) except +
    array stft(const array&, int, const optional[int]&, const optional[int]&, const optional[array]&,
               bool, const string&, FFTNorm, const optional[bool]&, StreamOrDevice) except +
    array istft(const array&, const optional[int]&, const optional[int]&, const optional[int]&,
                const optional[array]&, bool, FFTNorm, const optional[bool]&, const optional[int]&,
                StreamOrDevice) except +

cdef extern from "src/fft.h" namespace "mlxcy" nogil:
    cdef enum FFTKind:
        FFT_C, FFT_IC, FFT_R, FFT_IR   # complex, inverse complex, real, inverse real

    array fft_any(int, const array&, const optional[Shape]&, const optional[vector[int]]&, int,
                  StreamOrDevice) except +
    array stft_op(const array&, int, const optional[int]&, const optional[int]&, const optional[array]&,
                  bool, const string&, FFTNorm, const optional[bool]&, StreamOrDevice) except +
