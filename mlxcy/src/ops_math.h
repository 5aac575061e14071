// Helpers for the reductions of mlx.core that the op table (codegen/regular_ops.py) does not
// generate: var/std, minmax, trace, nan_to_num, and the empty-view guard every reduction
// goes through. The table's ops call mlx::core directly.
#pragma once

#include <stdexcept>
#include <tuple>
#include <vector>

#include "mlx/ops.h"

namespace mlxcy {
namespace mx = mlx::core;

// ---- reductions ----------------------------------------------------------------------------
// libmlx's CPU reductions can loop forever over an empty array laid out as a strided view
// (the transpose or diagonal of an empty array: `mx.sum(mx.zeros((0, 3)).T, -1)` hangs in some
// runs, in the reference too; issue 17). Such an input is first made a fresh row-contiguous
// array, which costs nothing as it holds no elements.
inline bool empty_view_risk(const mx::array& a) { return a.size() == 0 && a.ndim() > 1; }
inline mx::array reduction_input(const mx::array& a, mx::StreamOrDevice s) {
  return empty_view_risk(a) ? mx::contiguous(a, false, s) : a;
}

// var (`standard_deviation` false) or std with `ddof` delta degrees of freedom.
inline mx::array moment_op(bool standard_deviation, const mx::array& a, bool all_axes, const std::vector<int>& axes,
                           bool keepdims, int ddof, mx::StreamOrDevice s) {
  const mx::array in = reduction_input(a, s);
  if (standard_deviation) return all_axes ? mx::std(in, keepdims, ddof, s) : mx::std(in, axes, keepdims, ddof, s);
  return all_axes ? mx::var(in, keepdims, ddof, s) : mx::var(in, axes, keepdims, ddof, s);
}

inline std::vector<mx::array> minmax_op(const mx::array& a, bool all_axes, const std::vector<int>& axes,
                                        bool keepdims, mx::StreamOrDevice s) {
  const mx::array in = reduction_input(a, s);
  auto [lo, hi] = all_axes ? mx::minmax(in, keepdims, s) : mx::minmax(in, axes, keepdims, s);
  return {lo, hi};
}

// trace with an optional dtype (the input's when absent).
inline mx::array trace_op(const mx::array& a, int offset, int axis1, int axis2, bool has_dtype, mx::Dtype dtype,
                          mx::StreamOrDevice s) {
  auto t = has_dtype ? mx::trace(a, offset, axis1, axis2, dtype, s) : mx::trace(a, offset, axis1, axis2, s);
  // An empty input's diagonal is an empty strided view, which libmlx's sum may loop over
  // forever (see reduce_op); a sum of nothing is 0.
  return a.size() == 0 ? mx::zeros_like(t, s) : t;
}

// nan_to_num with optional replacements for +inf and -inf (the dtype's extremes when absent).
inline mx::array nan_to_num_op(const mx::array& a, float nan, bool has_posinf, float posinf, bool has_neginf,
                               float neginf, mx::StreamOrDevice s) {
  std::optional<float> p, n;
  if (has_posinf) p = posinf;
  if (has_neginf) n = neginf;
  return mx::nan_to_num(a, nan, p, n, s);
}

}  // namespace mlxcy
