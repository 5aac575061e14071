// mlxcy's own CPU kernels, used in place of libmlx's where they are measured faster (issue 21,
// bench/RESULTS_KERNELS.md): softmax and logsumexp over the last axis of float32 arrays on the CPU
// stream, and scaled_dot_product_attention built on that softmax.
//
// Why: the x86-64 libmlx wheel is compiled for baseline x86-64 (SSE2, no AVX): its CPU softmax
// runs one float at a time, and its polynomial exp calls libm's fmaf once per coefficient. The
// kernel here does the same three passes (row max, exp of the difference with the running sum,
// scaling) eight floats at a time with AVX2 and FMA.
//
// The vector code is compiled with function-level target attributes only (no global -mavx2) and
// chosen at run time: on a CPU without AVX2+FMA, on other architectures, for other dtypes, axes
// or devices, and with MLXCY_CPU_KERNELS=0 in the environment, every op here returns libmlx's.
#pragma once

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <limits>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "mlx/allocator.h"
#include "mlx/array.h"
#include "mlx/backend/cpu/encoder.h"
#include "mlx/fast.h"
#include "mlx/ops.h"
#include "mlx/primitives.h"
#include "mlx/utils.h"

#if defined(__x86_64__)
#include <immintrin.h>
#endif

namespace mlxcy {
namespace mx = mlx::core;
namespace cpuk {

// ---- when the kernels apply -----------------------------------------------------------------

// Read on every call (a short scan of the environment), so that tests and benchmarks can switch
// the kernels off and on in one process through os.environ, in every module that uses them.
inline bool switched_on() {
  const char* v = std::getenv("MLXCY_CPU_KERNELS");
  return v == nullptr || !(v[0] == '0' && v[1] == '\0');
}

inline bool cpu_has_avx2_fma() {
#if defined(__x86_64__)
  static const bool ok = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
  return ok;
#else
  return false;
#endif
}

// float32 on the CPU stream, with the kernels available and switched on.
inline bool applies(mx::Dtype dtype, const mx::Stream& s) {
  return dtype == mx::float32 && s.device == mx::Device::cpu && cpu_has_avx2_fma() && switched_on();
}

// ---- the vector kernels ----------------------------------------------------------------------
#if defined(__x86_64__)

// exp of 8 floats, for arguments <= 0 only (the kernels subtract the row's maximum first), NaN kept.
// Cody-Waite reduction x = n*ln2 + r with |r| <= ln2/2, then a degree-7 polynomial of r
// (the Taylor coefficients 1/k!, trimmed slightly for the interval), then r's value times 2**n
// built in the exponent bits. Below -87.3 (where 2**n would leave the normal range) the result
// is 0, as libmlx flushes below -88: the two differ only in values under 1e-37.
__attribute__((target("avx2,fma"))) inline __m256 exp_nonpositive8(__m256 x) {
  const __m256 lo = _mm256_set1_ps(-87.3f);
  const __m256 xc = _mm256_max_ps(lo, x);   // NaN stays NaN: max_ps returns its second operand
  const __m256 n = _mm256_round_ps(_mm256_mul_ps(xc, _mm256_set1_ps(1.44269504088896341f)),
                                   _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
  // ln2 split in a part exact in float times n (n has at most 8 bits) and the rest
  __m256 r = _mm256_fnmadd_ps(n, _mm256_set1_ps(0.693359375f), xc);
  r = _mm256_fnmadd_ps(n, _mm256_set1_ps(-2.12194440e-4f), r);
  __m256 p = _mm256_set1_ps(1.9875691500e-4f);
  p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(1.3981999507e-3f));
  p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(8.3334519073e-3f));
  p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(4.1665795894e-2f));
  p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(1.6666665459e-1f));
  p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(5.0000001201e-1f));
  p = _mm256_fmadd_ps(p, _mm256_mul_ps(r, r), _mm256_add_ps(r, _mm256_set1_ps(1.0f)));
  const __m256i bits = _mm256_slli_epi32(_mm256_add_epi32(_mm256_cvtps_epi32(n), _mm256_set1_epi32(127)), 23);
  __m256 y = _mm256_mul_ps(p, _mm256_castsi256_ps(bits));
  y = _mm256_blendv_ps(y, _mm256_setzero_ps(), _mm256_cmp_ps(x, lo, _CMP_LT_OQ));
  return _mm256_blendv_ps(y, x, _mm256_cmp_ps(x, x, _CMP_UNORD_Q));
}

// Lanes [0, k) of a row tail of k < 8 floats.
__attribute__((target("avx2,fma"))) inline __m256i tail_mask(int64_t k) {
  const __m256i idx = _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7);
  return _mm256_cmpgt_epi32(_mm256_set1_epi32(static_cast<int>(k)), idx);
}

__attribute__((target("avx2,fma"))) inline float hmax8(__m256 v) {
  __m128 m = _mm_max_ps(_mm256_castps256_ps128(v), _mm256_extractf128_ps(v, 1));
  m = _mm_max_ps(m, _mm_movehl_ps(m, m));
  m = _mm_max_ss(m, _mm_shuffle_ps(m, m, 1));
  return _mm_cvtss_f32(m);
}

__attribute__((target("avx2,fma"))) inline float hsum8(__m256 v) {
  __m128 s = _mm_add_ps(_mm256_castps256_ps128(v), _mm256_extractf128_ps(v, 1));
  s = _mm_add_ps(s, _mm_movehl_ps(s, s));
  s = _mm_add_ss(s, _mm_shuffle_ps(s, s, 1));
  return _mm_cvtss_f32(s);
}

// The row's maximum, or its last NaN when it holds one (libmlx's running maximum keeps the last
// NaN it meets; which NaN shows when printed, as "nan" or "-nan").
__attribute__((target("avx2,fma"))) inline float row_max(const float* x, int64_t n) {
  const __m256 neg_inf = _mm256_set1_ps(-std::numeric_limits<float>::infinity());
  __m256 m = neg_inf;
  __m256 unordered = _mm256_setzero_ps();
  int64_t j = 0;
  for (; j + 8 <= n; j += 8) {
    const __m256 v = _mm256_loadu_ps(x + j);
    m = _mm256_max_ps(m, v);
    unordered = _mm256_or_ps(unordered, _mm256_cmp_ps(v, v, _CMP_UNORD_Q));
  }
  if (j < n) {
    const __m256i k = tail_mask(n - j);
    const __m256 v = _mm256_maskload_ps(x + j, k);   // masked-off lanes read as 0.0
    m = _mm256_max_ps(m, _mm256_blendv_ps(neg_inf, v, _mm256_castsi256_ps(k)));
    unordered = _mm256_or_ps(unordered, _mm256_cmp_ps(v, v, _CMP_UNORD_Q));
  }
  if (_mm256_movemask_ps(unordered) != 0) {
    for (int64_t i = n - 1; i >= 0; --i)
      if (std::isnan(x[i])) return x[i];
  }
  return hmax8(m);
}

// Writes exp(x - m) to y (which may be x) and returns its sum.
__attribute__((target("avx2,fma"))) inline float exp_shifted(const float* x, float* y, int64_t n, float m) {
  const __m256 vm = _mm256_set1_ps(m);
  __m256 s = _mm256_setzero_ps();
  int64_t j = 0;
  for (; j + 8 <= n; j += 8) {
    const __m256 e = exp_nonpositive8(_mm256_sub_ps(_mm256_loadu_ps(x + j), vm));
    if (y != nullptr) _mm256_storeu_ps(y + j, e);
    s = _mm256_add_ps(s, e);
  }
  if (j < n) {
    const __m256i k = tail_mask(n - j);
    __m256 e = exp_nonpositive8(_mm256_sub_ps(_mm256_maskload_ps(x + j, k), vm));
    e = _mm256_and_ps(e, _mm256_castsi256_ps(k));
    if (y != nullptr) _mm256_maskstore_ps(y + j, k, e);
    s = _mm256_add_ps(s, e);
  }
  return hsum8(s);
}

// A row holding a NaN comes out all NaN. Which NaN each element gets (its sign prints) follows
// what libmlx 0.32.4's x86-64 kernel gives, observed bit for bit (tests/test_cpu_kernels.py): a
// NaN element keeps its own, the others get the row's last NaN, and in a row of odd length the
// last element gets the first element's NaN if that is one (else the last NaN).
inline void softmax_nan_row(const float* x, float* y, int64_t n, float last_nan) {
  const float first = std::isnan(x[0]) ? x[0] : last_nan;
  for (int64_t j = 0; j < n; ++j) y[j] = (std::isnan(x[j]) ? x[j] : last_nan) + 0.0f;   // + 0: quiet NaN
  if (n % 2 == 1) y[n - 1] = first + 0.0f;
}

// Softmax of `rows` contiguous rows of n floats; y may be x.
// Rows with +inf, and rows of -inf only, come out NaN as libmlx's do (inf - inf).
__attribute__((target("avx2,fma"))) inline void softmax_rows(const float* x, float* y, int64_t rows, int64_t n) {
  for (int64_t i = 0; i < rows; ++i, x += n, y += n) {
    const float m = row_max(x, n);
    if (std::isnan(m)) {
      softmax_nan_row(x, y, n, m);
      continue;
    }
    const float inv = 1.0f / exp_shifted(x, y, n, m);
    const __m256 vinv = _mm256_set1_ps(inv);
    int64_t j = 0;
    for (; j + 8 <= n; j += 8) _mm256_storeu_ps(y + j, _mm256_mul_ps(_mm256_loadu_ps(y + j), vinv));
    for (; j < n; ++j) y[j] *= inv;
  }
}

// log(sum(exp(row))) of `rows` contiguous rows of n floats, one value per row into y, as
// max + log(sum(exp(x - max))); a NaN or infinite maximum is the result, as libmlx's (a row with a
// NaN gives NaN, one with +inf gives inf, one of -inf only gives -inf).
__attribute__((target("avx2,fma"))) inline void logsumexp_rows(const float* x, float* y, int64_t rows, int64_t n) {
  for (int64_t i = 0; i < rows; ++i, x += n) {
    const float m = row_max(x, n);
    y[i] = std::isfinite(m) ? m + std::log(exp_shifted(x, nullptr, n, m)) : m;
  }
}

#endif  // __x86_64__

// Copies a strided float32 view into `rows * n` contiguous floats (dst), row-major order.
inline void gather_rows(const float* src, const mx::Shape& shape, const mx::Strides& strides, float* dst) {
  const int nd = static_cast<int>(shape.size());
  int64_t total = 1;
  for (auto d : shape) total *= d;
  if (total == 0) return;
  std::vector<int64_t> idx(nd, 0);
  const int64_t n = shape[nd - 1];
  const int64_t step = strides[nd - 1];
  for (int64_t done = 0; done < total; done += n) {
    int64_t off = 0;
    for (int d = 0; d < nd - 1; ++d) off += idx[d] * strides[d];
    for (int64_t j = 0; j < n; ++j) *dst++ = src[off + j * step];
    for (int d = nd - 2; d >= 0; --d) {   // next row index
      if (++idx[d] < shape[d]) break;
      idx[d] = 0;
    }
  }
}

// Runs a row kernel over the rows of `in` (contiguous, or gathered into `rows_buf` first) on the
// CPU stream's thread. `in_place` kernels may write into the gathered copy.
template <class Kernel>
inline void dispatch_rows(mx::Stream stream, const mx::array& in, mx::array& out, Kernel kernel) {
  auto& enc = mx::cpu::get_command_encoder(stream);
  enc.set_input_array(in);
  enc.set_output_array(out);
  const int64_t n = in.ndim() ? in.shape(-1) : 1;
  const int64_t rows = n ? static_cast<int64_t>(in.size()) / n : 0;
  if (in.size() == 0) return;
  if (in.flags().row_contiguous) {
    enc.dispatch([x = in.data<float>(), y = out.data<float>(), rows, n, kernel]() { kernel(x, y, rows, n); });
    return;
  }
  // A strided or broadcast view: its rows copied into one contiguous scratch buffer first.
  mx::array scratch(in.shape(), mx::float32, nullptr, {});
  scratch.set_data(mx::allocator::malloc(in.size() * sizeof(float)));
  enc.add_temporary(scratch);
  enc.dispatch([x = in.data<float>(), t = scratch.data<float>(), y = out.data<float>(), shape = in.shape(),
                strides = in.strides(), rows, n, kernel]() {
    gather_rows(x, shape, strides, t);
    kernel(t, y, rows, n);
  });
}

// ---- the primitives --------------------------------------------------------------------------

mx::array softmax_last(const mx::array& a, bool precise, mx::Stream s);
mx::array logsumexp_last(const mx::array& a, bool keepdims, mx::Stream s);

// Softmax over the last axis of a float32 array on the CPU. Named "Softmax" and laid out like
// libmlx's Softmax (one bool, `precise_`, after the base), so that export_function writes it as
// libmlx's Softmax (its state is that bool) and an imported function runs libmlx's.
class CpuSoftmax : public mx::UnaryPrimitive {
 public:
  CpuSoftmax(mx::Stream stream, bool precise) : mx::UnaryPrimitive(stream), precise_(precise) {}

  void eval_cpu(const std::vector<mx::array>& inputs, mx::array& out) override {
    const mx::array& in = inputs[0];
    // Reuse the input's buffer when nothing else holds it (libmlx's donation rule).
    const bool donate = in.flags().row_contiguous && in.is_donatable();
    if (donate) {
      out.copy_shared_buffer(in);
    } else {
      out.set_data(mx::allocator::malloc(out.nbytes()));
    }
#if defined(__x86_64__)
    dispatch_rows(stream(), in, out,
                  [](const float* x, float* y, int64_t rows, int64_t n) { softmax_rows(x, y, rows, n); });
#else
    throw std::runtime_error("[softmax] mlxcy's CPU kernel is x86-64 only");
#endif
  }
  void eval_gpu(const std::vector<mx::array>&, mx::array&) override {
    throw std::runtime_error("[softmax] mlxcy's CPU kernel has no GPU version");
  }

  // d softmax = y * (t - sum(y * t)), over the last axis.
  std::vector<mx::array> jvp(const std::vector<mx::array>& primals, const std::vector<mx::array>& tangents,
                             const std::vector<int>&) override {
    auto s = stream();
    auto y = softmax_last(primals[0], precise_, s);
    auto yt = mx::multiply(y, tangents[0], s);
    return {mx::subtract(yt, mx::multiply(y, mx::sum(yt, std::vector<int>{-1}, true, s), s), s)};
  }
  std::vector<mx::array> vjp(const std::vector<mx::array>&, const std::vector<mx::array>& cotangents,
                             const std::vector<int>&, const std::vector<mx::array>& outputs) override {
    auto s = stream();
    const auto& y = outputs[0];
    auto yg = mx::multiply(y, cotangents[0], s);
    return {mx::subtract(yg, mx::multiply(y, mx::sum(yg, std::vector<int>{-1}, true, s), s), s)};
  }
  std::pair<std::vector<mx::array>, std::vector<int>> vmap(const std::vector<mx::array>& inputs,
                                                           const std::vector<int>& axes) override {
    const int ax = axes[0];
    const int last = static_cast<int>(inputs[0].ndim()) - 1;
    if (ax >= 0 && ax == last) {
      // the mapped axis is the last one: the softmax axis is the one before it
      return {{mx::softmax(inputs[0], std::vector<int>{-2}, precise_, stream())}, axes};
    }
    return {{softmax_last(inputs[0], precise_, stream())}, axes};
  }

  const char* name() const override { return "Softmax"; }
  bool is_equivalent(const mx::Primitive& other) const override {
    auto* o = dynamic_cast<const CpuSoftmax*>(&other);
    return o != nullptr && o->precise_ == precise_;
  }
  std::vector<mx::Shape> output_shapes(const std::vector<mx::array>& inputs) override {
    return {inputs[0].shape()};
  }

 private:
  bool precise_;   // first and only member, as in libmlx's Softmax (see above)
};

// log(sum(exp(a))) over the last axis of a float32 array on the CPU, keeping the axis (size 1).
// Named "LogSumExp" like libmlx's, which has no state, so export writes it as libmlx's.
class CpuLogSumExp : public mx::UnaryPrimitive {
 public:
  explicit CpuLogSumExp(mx::Stream stream) : mx::UnaryPrimitive(stream) {}

  void eval_cpu(const std::vector<mx::array>& inputs, mx::array& out) override {
    const mx::array& in = inputs[0];
    out.set_data(mx::allocator::malloc(out.nbytes()));
#if defined(__x86_64__)
    dispatch_rows(stream(), in, out,
                  [](const float* x, float* y, int64_t rows, int64_t n) { logsumexp_rows(x, y, rows, n); });
#else
    throw std::runtime_error("[logsumexp] mlxcy's CPU kernel is x86-64 only");
#endif
  }
  void eval_gpu(const std::vector<mx::array>&, mx::array&) override {
    throw std::runtime_error("[logsumexp] mlxcy's CPU kernel has no GPU version");
  }

  // d lse = sum(softmax(a) * t) over the last axis (kept).
  std::vector<mx::array> jvp(const std::vector<mx::array>& primals, const std::vector<mx::array>& tangents,
                             const std::vector<int>&) override {
    auto s = stream();
    auto p = softmax_last(primals[0], true, s);
    return {mx::sum(mx::multiply(p, tangents[0], s), std::vector<int>{-1}, true, s)};
  }
  // g * softmax(a): the cotangent (last axis of size 1) broadcasts over the row.
  std::vector<mx::array> vjp(const std::vector<mx::array>& primals, const std::vector<mx::array>& cotangents,
                             const std::vector<int>&, const std::vector<mx::array>&) override {
    auto s = stream();
    return {mx::multiply(cotangents[0], softmax_last(primals[0], true, s), s)};
  }
  std::pair<std::vector<mx::array>, std::vector<int>> vmap(const std::vector<mx::array>& inputs,
                                                           const std::vector<int>& axes) override {
    const int ax = axes[0];
    const int last = static_cast<int>(inputs[0].ndim()) - 1;
    if (ax >= 0 && ax == last) {
      return {{mx::logsumexp(inputs[0], std::vector<int>{-2}, true, stream())}, axes};
    }
    return {{logsumexp_last(inputs[0], true, stream())}, axes};
  }

  const char* name() const override { return "LogSumExp"; }
  bool is_equivalent(const mx::Primitive& other) const override {
    return dynamic_cast<const CpuLogSumExp*>(&other) != nullptr;
  }
  std::vector<mx::Shape> output_shapes(const std::vector<mx::array>& inputs) override {
    auto shape = inputs[0].shape();
    shape.back() = 1;
    return {shape};
  }
};

inline mx::array softmax_last(const mx::array& a, bool precise, mx::Stream s) {
  return mx::array(a.shape(), mx::float32, std::make_shared<CpuSoftmax>(s, precise), {a});
}

inline mx::array logsumexp_last(const mx::array& a, bool keepdims, mx::Stream s) {
  auto shape = a.shape();
  shape.back() = 1;
  mx::array out(std::move(shape), mx::float32, std::make_shared<CpuLogSumExp>(s), {a});
  return keepdims ? out : mx::squeeze(out, -1, s);
}

// ---- the ops ---------------------------------------------------------------------------------

// Whether a reduction over `axes` (or every axis) of `a` is one over its last axis only.
inline bool last_axis_only(const mx::array& a, bool all_axes, const std::vector<int>& axes) {
  const int nd = static_cast<int>(a.ndim());
  if (nd == 0) return false;
  if (all_axes) return nd == 1;
  return axes.size() == 1 && (axes[0] == -1 || axes[0] == nd - 1);
}

// mx.softmax: the kernel where it applies, libmlx's op otherwise.
inline mx::array softmax(const mx::array& a, bool all_axes, const std::vector<int>& axes, bool precise,
                         mx::StreamOrDevice sod) {
  if (last_axis_only(a, all_axes, axes)) {
    const mx::Stream s = mx::to_stream(sod);
    if (applies(a.dtype(), s)) return softmax_last(a, precise, s);
  }
  return all_axes ? mx::softmax(a, precise, sod) : mx::softmax(a, axes, precise, sod);
}

// mx.logsumexp likewise.
inline mx::array logsumexp(const mx::array& a, bool all_axes, const std::vector<int>& axes, bool keepdims,
                           mx::StreamOrDevice sod) {
  if (a.size() != 0 && last_axis_only(a, all_axes, axes)) {   // libmlx raises for empty arrays
    const mx::Stream s = mx::to_stream(sod);
    if (applies(a.dtype(), s)) return logsumexp_last(a, keepdims, s);
  }
  return all_axes ? mx::logsumexp(a, keepdims, sod) : mx::logsumexp(a, axes, keepdims, sod);
}

// The two overloads of mlx::core::logsumexp, as the op table's generated code calls them.
inline mx::array logsumexp(const mx::array& a, bool keepdims, mx::StreamOrDevice sod) {
  return logsumexp(a, true, {}, keepdims, sod);
}
inline mx::array logsumexp(const mx::array& a, const std::vector<int>& axes, bool keepdims, mx::StreamOrDevice sod) {
  return logsumexp(a, false, axes, keepdims, sod);
}

// Whether `m`'s shape broadcasts to `to` (trailing dimensions equal or 1).
inline bool broadcasts_to(const mx::Shape& m, const mx::Shape& to) {
  if (m.size() > to.size()) return false;
  for (size_t i = 1; i <= m.size(); ++i) {
    const auto d = m[m.size() - i];
    if (d != 1 && d != to[to.size() - i]) return false;
  }
  return true;
}

// mx.fast.scaled_dot_product_attention. libmlx has no fused CPU kernel: on the CPU it builds the
// unfused graph (scale, matmul, mask, softmax, matmul). For float32 on the CPU this builds the
// same graph with the kernel's softmax; any other case, including every invalid one (whose error
// libmlx raises), goes to libmlx.
inline mx::array sdpa(const mx::array& queries, const mx::array& keys, const mx::array& values, float scale,
                      const std::string& mask_mode, std::optional<mx::array> mask_arr,
                      const std::optional<mx::array>& sinks, bool force_fused, mx::StreamOrDevice sod) {
  auto libmlx = [&]() {
    return mx::fast::scaled_dot_product_attention(queries, keys, values, scale, mask_mode, mask_arr, sinks,
                                                  force_fused, sod);
  };
  const mx::Stream s = mx::to_stream(sod);
  if (force_fused || !applies(mx::float32, s)) return libmlx();
  for (const auto* t : {&queries, &keys, &values})
    if (t->dtype() != mx::float32 || t->ndim() != 4) return libmlx();
  const int B = queries.shape(0), n_q = queries.shape(1), L_q = queries.shape(2);
  const int n_kv = keys.shape(1), L_kv = keys.shape(2);
  if (keys.shape(0) != B || values.shape(0) != B || keys.shape(3) != queries.shape(3) || values.shape(1) != n_kv ||
      values.shape(2) != L_kv || n_kv == 0 || n_q % n_kv != 0)
    return libmlx();
  const bool causal = mask_mode == "causal";
  const bool has_arr = mask_mode == "array" && mask_arr.has_value();
  if (!(mask_mode.empty() || mask_mode == "array") && !causal) return libmlx();
  if (causal && mask_arr) return libmlx();
  if (mask_mode == "array" && !mask_arr) return libmlx();
  const mx::Shape scores_shape{B, n_q, L_q, L_kv};
  if (has_arr) {
    const auto md = mask_arr->dtype();
    if (mask_arr->ndim() > 4 || (md != mx::bool_ && mx::promote_types(md, mx::float32) != mx::float32) ||
        !broadcasts_to(mask_arr->shape(), scores_shape))
      return libmlx();
  }
  if (sinks && (sinks->ndim() != 1 || sinks->shape(0) != n_q ||
                mx::promote_types(sinks->dtype(), mx::float32) != mx::float32))
    return libmlx();

  const int reps = n_q / n_kv;
  auto q = mx::multiply(mx::array(scale, mx::float32), queries, s);
  auto k = keys;
  auto v = values;
  if (reps > 1) {
    // query heads grouped by the key/value head they share: (B, n_kv, reps, L, D)
    q = mx::unflatten(q, 1, {n_kv, reps}, s);
    k = mx::expand_dims(k, 2, s);
    v = mx::expand_dims(v, 2, s);
  }
  auto scores = mx::matmul(q, mx::swapaxes(k, -1, -2, s), s);
  if (causal || has_arr) {
    mx::array mask = causal ? mx::array(0) : mx::broadcast_to(*mask_arr, scores_shape, s);
    if (causal) {
      // query i sees keys 0..i + (L_kv - L_q): the queries are the last L_q positions
      auto qi = mx::expand_dims(mx::arange(L_kv - L_q, L_kv, s), 1, s);
      auto ki = mx::expand_dims(mx::arange(0, L_kv, s), 0, s);
      mask = mx::greater_equal(qi, ki, s);
    } else if (mask.dtype() != mx::bool_) {
      mask = mx::astype(mask, mx::float32, s);
    }
    if (reps > 1 && mask.ndim() >= 3) {
      mask = mask.shape(-3) == 1 ? mx::expand_dims(mask, -3, s) : mx::unflatten(mask, -3, {n_kv, reps}, s);
    }
    if (mask.dtype() == mx::bool_) {
      // masked scores become float32's lowest value, not -inf: a fully masked row stays finite
      scores = mx::where(mask, scores, mx::array(mx::finfo(mx::float32).min, mx::float32), s);
    } else {
      scores = mx::add(scores, mask, s);
    }
  }
  if (sinks) {
    // one extra logit in front of each row, dropped after the softmax
    auto sk = mx::expand_dims(mx::astype(*sinks, mx::float32, s), {0, 2, 3}, s);
    if (scores.ndim() == 5) sk = mx::unflatten(sk, 1, {n_kv, reps}, s);
    auto front = scores.shape();
    front.back() = 1;
    scores = mx::concatenate({mx::broadcast_to(sk, front, s), scores}, -1, s);
  }
  scores = softmax_last(scores, true, s);
  if (sinks) {
    mx::Shape start(scores.ndim(), 0);
    start.back() = 1;
    scores = mx::slice(scores, start, scores.shape(), s);
  }
  auto out = mx::matmul(scores, v, s);
  return reps > 1 ? mx::flatten(out, 1, 2, s) : out;
}

}  // namespace cpuk
}  // namespace mlxcy
