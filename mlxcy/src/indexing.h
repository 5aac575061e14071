// NumPy-style indexing over MLX ops: the Cython side parses a Python index into an IndexSpec
// (ints and slices already normalised against the shape), these helpers build the graph.
#pragma once
#include <algorithm>
#include <numeric>
#include <optional>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <vector>

#include "mlx/array.h"
#include "mlx/ops.h"
#include "mlx/utils.h"
#include "mlxcy_core.h"

namespace mlxcy {
namespace mx = mlx::core;

// A parsed index. Per axis of the source: the strided slice to take first (ints in basic mode
// are a slice of length one, squeezed afterwards). Advanced indices (integer arrays, and ints
// when arrays are present) come as arrays with the axis each one indexes.
struct IndexSpec {
  mx::Shape start, stop, strides, sizes;  // sizes: length of each axis after slicing
  bool sliced = false;                     // some axis is not taken whole
  std::vector<int> int_axes;               // basic mode: axes indexed by an int
  std::vector<mx::array> adv;              // advanced index arrays
  std::vector<int> adv_axes;               // the axis each one indexes (increasing)
  bool adjacent = true;                    // advanced entries side by side in the index
  int adv_pos = 0;                         // adjacent: output position of the broadcast block
  int adv_ndim = 0;                        // ndim of the broadcast index block
  std::vector<int> new_axes;               // output positions of None entries
};

enum IndexUpdateOp { UPD_SET = 0, UPD_ADD, UPD_PROD, UPD_MAX, UPD_MIN };

// Out-of-range values in an integer index array make libmlx read or write outside its buffers.
// Index values already on the host are checked here, with NumPy's IndexError, as Python ints
// are: arrays made from Python or NumPy data, and evaluated arrays of the CPU backend. Arrays
// still to be computed are not (reading them would force an evaluation in the middle of building
// the graph), nor, on the CUDA backend, arrays computed there (a host read would move them out
// of device memory). `what` names the indexed axis in the message ("axis 0", "size").
template <typename T>
inline void check_index_range(const mx::array& idx, int64_t n, const std::string& what, bool negatives_wrap) {
  const T* p = idx.data<T>();
  int64_t lowest = negatives_wrap ? -n : 0;
  for (size_t i = 0, m = idx.data_size(); i < m; ++i) {
    bool bad;
    if constexpr (std::is_signed_v<T>) {
      bad = static_cast<int64_t>(p[i]) < lowest || static_cast<int64_t>(p[i]) >= n;
    } else {
      bad = static_cast<uint64_t>(p[i]) >= static_cast<uint64_t>(n);
    }
    if (bad)
      throw std::out_of_range("index " + std::to_string(p[i]) + " is out of bounds for " + what +
                              " with size " + std::to_string(n));
  }
}

inline bool index_values_on_host(const mx::array& idx, bool host_made) { return values_on_host(idx, host_made); }

// `negatives_wrap`: -n..-1 count from the end (NumPy's indexing, take); otherwise only 0..n-1
// are valid (gather_mm's batch indices, which libmlx does not wrap).
inline void check_index_values(const mx::array& idx, int64_t n, const std::string& what, bool host_made,
                               bool negatives_wrap = true) {
  if (!index_values_on_host(idx, host_made)) return;
  auto d = idx.dtype();
  if (d == mx::int32) check_index_range<int32_t>(idx, n, what, negatives_wrap);
  else if (d == mx::int64) check_index_range<int64_t>(idx, n, what, negatives_wrap);
  else if (d == mx::uint32) check_index_range<uint32_t>(idx, n, what, negatives_wrap);
  else if (d == mx::uint64) check_index_range<uint64_t>(idx, n, what, negatives_wrap);
  else if (d == mx::int16) check_index_range<int16_t>(idx, n, what, negatives_wrap);
  else if (d == mx::uint16) check_index_range<uint16_t>(idx, n, what, negatives_wrap);
  else if (d == mx::int8) check_index_range<int8_t>(idx, n, what, negatives_wrap);
  else if (d == mx::uint8) check_index_range<uint8_t>(idx, n, what, negatives_wrap);
}

// gather_mm/gather_qmm: each batch index must pick one of the operand's batch matrices (the
// product of its shape but the last two axes); libmlx reads outside the array otherwise.
inline void check_batch_indices(const std::optional<mx::array>& idx, const mx::array& operand, const char* which) {
  if (!idx || operand.ndim() < 2) return;
  int64_t batch = 1;
  for (int i = 0; i < int(operand.ndim()) - 2; ++i) batch *= operand.shape(i);
  check_index_values(*idx, batch, std::string("the batch of ") + which, false, false);
}

template <typename T>
inline std::vector<int64_t> index_values_as_int64(const mx::array& idx) {
  const T* p = idx.data<T>();
  std::vector<int64_t> out(p, p + idx.data_size());
  return out;
}

// slice/slice_update with start indices in an array: libmlx reads and writes outside the
// array when a window does not fit (issue 17). Where the start values are on the host (see
// above), each window [start, start + window[axis]) must lie within its axis; `window` holds the
// window's extent along every axis of `a`. Call after libmlx accepted the arguments (counts,
// axes), so only the values remain to check.
inline void check_slice_window(const mx::array& a, const mx::array& start, const std::vector<int>& axes,
                               const mx::Shape& window, const char* op, bool host_made) {
  if (!index_values_on_host(start, host_made) || start.size() != axes.size()) return;
  std::vector<int64_t> v;
  auto d = start.dtype();
  if (d == mx::int32) v = index_values_as_int64<int32_t>(start);
  else if (d == mx::int64) v = index_values_as_int64<int64_t>(start);
  else if (d == mx::uint32) v = index_values_as_int64<uint32_t>(start);
  else if (d == mx::int16) v = index_values_as_int64<int16_t>(start);
  else if (d == mx::uint16) v = index_values_as_int64<uint16_t>(start);
  else if (d == mx::int8) v = index_values_as_int64<int8_t>(start);
  else if (d == mx::uint8) v = index_values_as_int64<uint8_t>(start);
  else return;  // uint64 and others: left to libmlx
  int ndim = static_cast<int>(a.ndim());
  for (size_t j = 0; j < axes.size(); ++j) {
    int ax = axes[j] < 0 ? axes[j] + ndim : axes[j];
    if (ax < 0 || ax >= ndim) return;
    int64_t extent = window[ax], size = a.shape(ax);
    if (v[j] < 0 || v[j] + extent > size)
      throw std::invalid_argument(std::string("[") + op + "] start index " + std::to_string(v[j]) +
                                  " with a window of " + std::to_string(extent) + " does not fit in axis " +
                                  std::to_string(axes[j]) + " of size " + std::to_string(size) +
                                  " (the window must lie within the array)");
  }
}

inline mx::array sliced_part(const mx::array& a, const IndexSpec& s, mx::StreamOrDevice sd) {
  return s.sliced ? mx::slice(a, s.start, s.stop, s.strides, sd) : a;
}

// The advanced part: x (already sliced) gathered at the broadcast index arrays.
inline mx::array gather_advanced(const mx::array& x, const IndexSpec& s, mx::StreamOrDevice sd) {
  if (s.adv.size() == 1) {
    // One index array: take() puts its dims where the indexed axis was, NumPy's placement.
    int ax = s.adv_axes[0];
    return mx::take(x, s.adv[0], ax, sd);
  }
  // (MLX's gather and scatter kernels wrap negative indices themselves.)
  std::vector<mx::array> idx = mx::broadcast_arrays(s.adv, sd);
  mx::Shape slice_sizes = x.shape();
  for (int ax : s.adv_axes) slice_sizes[ax] = 1;
  auto g = mx::gather(x, idx, s.adv_axes, slice_sizes, sd);
  int nb = s.adv_ndim;
  std::vector<int> sq;
  for (int ax : s.adv_axes) sq.push_back(nb + ax);
  g = mx::squeeze(g, sq, sd);
  if (s.adjacent && s.adv_pos > 0) {
    // Move the broadcast block from the front to where the advanced entries were.
    std::vector<int> perm;
    for (int i = 0; i < s.adv_pos; ++i) perm.push_back(nb + i);
    for (int i = 0; i < nb; ++i) perm.push_back(i);
    for (int i = nb + s.adv_pos; i < static_cast<int>(g.ndim()); ++i) perm.push_back(i);
    g = mx::transpose(g, perm, sd);
  }
  return g;
}

// a[index]
inline mx::array index_get(const mx::array& a, const IndexSpec& s, mx::StreamOrDevice sd) {
  mx::array x = sliced_part(a, s, sd);
  if (!s.adv.empty()) {
    x = gather_advanced(x, s, sd);
  } else if (!s.int_axes.empty()) {
    x = mx::squeeze(x, s.int_axes, sd);
  }
  if (!s.new_axes.empty()) x = mx::expand_dims(x, s.new_axes, sd);
  return x;
}

inline std::string shape_str(const mx::Shape& sh) {
  std::string out = "(";
  for (size_t i = 0; i < sh.size(); ++i) {
    if (i) out += ",";
    out += std::to_string(sh[i]);
  }
  return out + ")";
}

// `v` made to fit `target`: leading size-1 dims beyond target's rank dropped (NumPy allows
// them), then broadcast.
inline mx::array fit_value(const mx::array& v, const mx::Shape& target, mx::StreamOrDevice sd) {
  mx::array x = v;
  if (x.ndim() > target.size()) {
    size_t extra = x.ndim() - target.size();
    for (size_t i = 0; i < extra; ++i) {
      if (x.shape(static_cast<int>(i)) != 1)
        throw std::invalid_argument("Cannot broadcast array of shape " + shape_str(v.shape()) +
                                    " into shape " + shape_str(target) + ".");
    }
    mx::Shape rest(x.shape().begin() + extra, x.shape().end());
    x = mx::reshape(x, rest, sd);
  }
  try {
    return mx::broadcast_to(x, target, sd);
  } catch (const std::invalid_argument&) {
    throw std::invalid_argument("Cannot broadcast array of shape " + shape_str(v.shape()) +
                                " into shape " + shape_str(target) + ".");
  }
}

inline mx::array scatter_op(int op, const mx::array& x, const std::vector<mx::array>& idx, const mx::array& upd,
                            const std::vector<int>& axes, mx::StreamOrDevice sd) {
  switch (op) {
    case UPD_ADD: return mx::scatter_add(x, idx, upd, axes, sd);
    case UPD_PROD: return mx::scatter_prod(x, idx, upd, axes, sd);
    case UPD_MAX: return mx::scatter_max(x, idx, upd, axes, sd);
    case UPD_MIN: return mx::scatter_min(x, idx, upd, axes, sd);
    default: return mx::scatter(x, idx, upd, axes, sd);
  }
}

inline mx::array slice_update_op(int op, const mx::array& a, const mx::array& upd, const IndexSpec& s,
                                 mx::StreamOrDevice sd) {
  switch (op) {
    case UPD_ADD: return mx::slice_update_add(a, upd, s.start, s.stop, s.strides, sd);
    case UPD_PROD: return mx::slice_update_prod(a, upd, s.start, s.stop, s.strides, sd);
    case UPD_MAX: return mx::slice_update_max(a, upd, s.start, s.stop, s.strides, sd);
    case UPD_MIN: return mx::slice_update_min(a, upd, s.start, s.stop, s.strides, sd);
    default: return mx::slice_update(a, upd, s.start, s.stop, s.strides, sd);
  }
}

// The shape a[index] has, from the spec alone (no graph built).
inline mx::Shape result_shape(const IndexSpec& s) {
  // Axes that disappear: the int axes of a basic index, the advanced axes otherwise.
  const std::vector<int>& removed = s.adv.empty() ? s.int_axes : s.adv_axes;
  mx::Shape b;
  for (const auto& i : s.adv) b = mx::broadcast_shapes(b, i.shape());
  mx::Shape rest;
  size_t k = 0;
  for (int ax = 0; ax < static_cast<int>(s.sizes.size()); ++ax) {
    if (k < removed.size() && removed[k] == ax) {
      ++k;
      continue;
    }
    rest.push_back(s.sizes[ax]);
  }
  int pos = s.adjacent ? s.adv_pos : 0;
  mx::Shape out(rest.begin(), rest.begin() + pos);
  out.insert(out.end(), b.begin(), b.end());
  out.insert(out.end(), rest.begin() + pos, rest.end());
  for (int p : s.new_axes) out.insert(out.begin() + p, 1);
  return out;
}

// a[i] = v for an int i (already normalised) on the first axis: the common case, in two ops.
inline mx::array update_first_axis(const mx::array& a, int i, const mx::array& value, mx::StreamOrDevice sd) {
  // (slice_update casts and broadcasts a scalar update itself.)
  mx::array v = value;
  mx::Shape row = a.shape();
  row[0] = 1;
  if (v.ndim() > 0) {
    if (v.dtype() != a.dtype()) v = mx::astype(v, a.dtype(), sd);
    mx::Shape rest(a.shape().begin() + 1, a.shape().end());
    v = mx::reshape(fit_value(v, rest, sd), row, sd);
  }
  mx::Shape start(a.ndim(), 0), stop = a.shape();
  start[0] = i;
  stop[0] = i + 1;
  return mx::slice_update(a, v, std::move(start), std::move(stop), sd);
}

// a[start:stop:step] on the first axis (already normalised).
inline mx::array slice_first_axis(const mx::array& a, int start, int stop, int step, mx::StreamOrDevice sd) {
  mx::Shape st(a.ndim(), 0), sp = a.shape();
  st[0] = start;
  sp[0] = stop;
  if (step == 1) return mx::slice(a, std::move(st), std::move(sp), sd);
  mx::Shape strides(a.ndim(), 1);
  strides[0] = step;
  return mx::slice(a, std::move(st), std::move(sp), std::move(strides), sd);
}

// a[index] = v (op UPD_SET), or the accumulating updates of a.at[index]: the new array.
// The value is cast to a's dtype and broadcast to the shape a[index] has.
inline mx::array index_update(const mx::array& a, const IndexSpec& s, const mx::array& value, int op,
                              mx::StreamOrDevice sd) {
  mx::array v = value.dtype() == a.dtype() ? value : mx::astype(value, a.dtype(), sd);
  mx::Shape target = result_shape(s);
  size_t n = 1;
  for (auto d : target) n *= static_cast<size_t>(d);
  bool scalar = v.ndim() == 0;
  if (!scalar) v = fit_value(v, target, sd);
  if (n == 0) return a;  // nothing selected (scatter kernels must not see empty updates)
  if (s.adv.empty()) {
    // Basic index: one (strided) slice of a, ints kept as length-one axes.
    if (scalar) {
      // slice_update broadcasts a scalar update itself.
      if (s.sliced) return slice_update_op(op, a, v, s, sd);
      v = mx::broadcast_to(v, s.sizes, sd);
    } else if (!s.new_axes.empty() || !s.int_axes.empty()) {
      v = mx::reshape(v, s.sizes, sd);
    }
    if (!s.sliced && op == UPD_SET) return v;
    return slice_update_op(op, a, v, s, sd);
  }
  mx::array x = sliced_part(a, s, sd);
  int nb = s.adv_ndim;
  std::vector<mx::array> idx = s.adv.size() == 1 ? s.adv : mx::broadcast_arrays(s.adv, sd);
  if (nb == 0) {
    // Scalar indices: scatter wants at least one index dimension.
    for (auto& i : idx) i = mx::reshape(i, {1}, sd);
    nb = 1;
  }
  // The update scatter takes: the index block first, then x's axes with the indexed ones as 1.
  mx::Shape upd = idx[0].shape();
  for (int ax = 0, k = 0; ax < static_cast<int>(x.ndim()); ++ax) {
    bool indexed = k < static_cast<int>(s.adv_axes.size()) && s.adv_axes[k] == ax;
    upd.push_back(indexed ? 1 : x.shape(ax));
    if (indexed) ++k;
  }
  if (scalar) {
    v = mx::broadcast_to(v, upd, sd);
  } else {
    if (!s.new_axes.empty()) v = mx::squeeze(v, s.new_axes, sd);
    if (s.adjacent && s.adv_pos > 0) {
      // Undo the placement: the broadcast block goes back to the front.
      std::vector<int> perm;
      for (int i = 0; i < s.adv_ndim; ++i) perm.push_back(s.adv_pos + i);
      for (int i = 0; i < s.adv_pos; ++i) perm.push_back(i);
      for (int i = s.adv_pos + s.adv_ndim; i < static_cast<int>(v.ndim()); ++i) perm.push_back(i);
      v = mx::transpose(v, perm, sd);
    }
    v = mx::reshape(v, upd, sd);
  }
  // (MLX's gather and scatter kernels wrap negative indices themselves.)
  mx::array y = scatter_op(op, x, idx, v, s.adv_axes, sd);
  if (!s.sliced) return y;
  return mx::slice_update(a, y, s.start, s.stop, s.strides, sd);
}

// a[mask] = v with a boolean mask over the leading axes of a, without evaluating anything:
// a value that fits the trailing axes is spread with where(); otherwise its entries fill the
// selected positions in order (masked_scatter).
inline mx::array mask_update(const mx::array& a, const mx::array& mask, const mx::array& value,
                             mx::StreamOrDevice sd) {
  mx::array v = value.dtype() == a.dtype() ? value : mx::astype(value, a.dtype(), sd);
  int k = static_cast<int>(mask.ndim());
  mx::Shape rest(a.shape().begin() + k, a.shape().end());
  mx::Shape mshape = mask.shape();
  for (size_t i = 0; i < rest.size(); ++i) mshape.push_back(1);
  mx::array m = mx::reshape(mask, mshape, sd);
  // Does v broadcast against the trailing axes alone?
  bool fits = true;
  {
    mx::array t = v;
    int extra = static_cast<int>(t.ndim()) - static_cast<int>(rest.size());
    for (int i = 0; i < extra && fits; ++i) fits = t.shape(i) == 1;
    for (int i = std::max(extra, 0); i < static_cast<int>(t.ndim()) && fits; ++i) {
      int d = t.shape(i), r = rest[i - extra];
      fits = d == 1 || d == r;
    }
  }
  if (fits || k == 0) {  // a 0-d mask selects all of `a` or nothing: the value must broadcast
    mx::array w = fit_value(v, rest, sd);
    return mx::where(m, w, a, sd);
  }
  mx::array mb = mx::broadcast_to(m, a.shape(), sd);
  return mx::masked_scatter(a, mb, v, sd);
}

// The positions of the true entries of an evaluated boolean array, one int32 array per axis
// (NumPy's nonzero()).
inline std::vector<mx::array> mask_nonzero(mx::array& mask) {
  mask.eval();
  mx::array m = mx::contiguous(mask, false);
  m.eval();
  const bool* p = m.data<bool>();
  size_t n = m.size();
  int nd = static_cast<int>(m.ndim());
  std::vector<std::vector<int32_t>> pos(nd);
  std::vector<int32_t> coord(nd, 0);
  for (size_t i = 0; i < n; ++i) {
    if (p[i])
      for (int d = 0; d < nd; ++d) pos[d].push_back(coord[d]);
    for (int d = nd - 1; d >= 0; --d) {
      if (++coord[d] < m.shape(d)) break;
      coord[d] = 0;
    }
  }
  std::vector<mx::array> out;
  for (int d = 0; d < nd; ++d) {
    int cnt = static_cast<int>(pos[d].size());
    out.push_back(mx::array(pos[d].begin(), mx::Shape{cnt}, mx::int32));
  }
  return out;
}

}  // namespace mlxcy
