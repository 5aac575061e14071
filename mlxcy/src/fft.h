// One entry point for the n-dimensional FFT family, so that the binding dispatches once on
// (kind, whether sizes were given, whether axes were given).
#pragma once
#include <optional>
#include <string>
#include <vector>
#include "mlx/fft.h"
#include "mlx/ops.h"

namespace mlxcy {
namespace mx = mlx::core;

enum FFTKind { FFT_C = 0, FFT_IC = 1, FFT_R = 2, FFT_IR = 3 };

inline mx::array fft_any(int kind, const mx::array& a, const std::optional<mx::Shape>& n,
                         const std::optional<std::vector<int>>& axes, int norm_code,
                         mx::StreamOrDevice s) {
  auto norm = static_cast<mx::fft::FFTNorm>(norm_code);
  using Fn3 = mx::array (*)(const mx::array&, const mx::Shape&, const std::vector<int>&,
                            mx::fft::FFTNorm, mx::StreamOrDevice);
  using Fn2 = mx::array (*)(const mx::array&, const std::vector<int>&, mx::fft::FFTNorm,
                            mx::StreamOrDevice);
  using Fn1 = mx::array (*)(const mx::array&, mx::fft::FFTNorm, mx::StreamOrDevice);
  static const Fn3 with_n[] = {mx::fft::fftn, mx::fft::ifftn, mx::fft::rfftn, mx::fft::irfftn};
  static const Fn2 with_axes[] = {mx::fft::fftn, mx::fft::ifftn, mx::fft::rfftn, mx::fft::irfftn};
  static const Fn1 plain[] = {mx::fft::fftn, mx::fft::ifftn, mx::fft::rfftn, mx::fft::irfftn};
  if (n) return with_n[kind](a, *n, *axes, norm, s);
  if (axes) return with_axes[kind](a, *axes, norm, s);
  return plain[kind](a, norm, s);
}
// The last axis of `x` extended by `pad` samples at each end, reflected about the end samples
// as NumPy's `pad(mode="reflect")` does (repeatedly, when `pad` exceeds the length).
inline mx::array reflect_pad_last_axis(const mx::array& x, int pad, mx::StreamOrDevice s) {
  int n = x.shape(-1);
  auto positions = mx::arange(-pad, n + pad, mx::int32, s);
  if (n == 1) return mx::take(x, mx::zeros_like(positions, s), -1, s);
  int period = 2 * (n - 1);
  auto folded = mx::remainder(positions, mx::array(period), s);  // in [0, period)
  folded = mx::where(mx::greater_equal(folded, mx::array(n), s), mx::subtract(mx::array(period), folded, s), folded, s);
  return mx::take(x, folded, -1, s);
}

// stft. libmlx's centring reflect padding takes time that grows with the square of n_fft once
// n_fft / 2 reaches the signal's length (4 samples with n_fft=10**6 ran for minutes, in the
// reference too; issue 17); it equals NumPy's reflect padding, done here as one gather.
inline mx::array stft_op(const mx::array& x, int n_fft, const std::optional<int>& hop, const std::optional<int>& win_length,
                         const std::optional<mx::array>& window, bool center, const std::string& pad_mode,
                         mx::fft::FFTNorm norm, const std::optional<bool>& onesided, mx::StreamOrDevice s) {
  if (center && pad_mode == "reflect" && x.ndim() >= 1 && x.shape(-1) >= 1 && n_fft > 0 && n_fft / 2 >= x.shape(-1)) {
    return mx::fft::stft(reflect_pad_last_axis(x, n_fft / 2, s), n_fft, hop, win_length, window, false, pad_mode,
                         norm, onesided, s);
  }
  return mx::fft::stft(x, n_fft, hop, win_length, window, center, pad_mode, norm, onesided, s);
}
}  // namespace mlxcy
