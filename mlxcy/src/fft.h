// One entry point for the n-dimensional FFT family, so that the binding dispatches once on
// (kind, whether sizes were given, whether axes were given).
#pragma once
#include <optional>
#include <vector>
#include "mlx/fft.h"

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
}  // namespace mlxcy
