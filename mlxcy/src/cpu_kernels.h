// mlxcy's own CPU kernels, used in place of libmlx's where they are measured faster (issue 21,
// bench/RESULTS_KERNELS.md): softmax and logsumexp over the last axis of float32 arrays on the CPU
// stream, and scaled_dot_product_attention built on that softmax (AVX2+FMA code, below); and
// fast.rms_norm, fast.layer_norm and fast.rope (plain C++, any CPU; their section further down).
//
// Why: the x86-64 libmlx wheel is compiled for baseline x86-64 (SSE2, no AVX): its CPU softmax
// runs one float at a time, and its polynomial exp calls libm's fmaf once per coefficient. The
// kernel here does the same three passes (row max, exp of the difference with the running sum,
// scaling) eight floats at a time with AVX2 and FMA.
//
// The vector code is compiled with function-level target attributes only (no global -mavx2) and
// chosen at run time: on a CPU without AVX2+FMA, on other architectures, for other dtypes, axes
// or devices, and with MLXCY_CPU_KERNELS=0 in the environment, softmax, logsumexp and attention
// return libmlx's (and with MLXCY_CPU_KERNELS=0, or off the CPU, the norms and rope too).
#pragma once

#include <cmath>
#include <cstdint>
#include <algorithm>
#include <array>
#include <cstdlib>
#include <functional>
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
#include "mlx/transforms.h"
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
template <class T>
inline void gather_rows(const T* src, const mx::Shape& shape, const mx::Strides& strides, T* dst) {
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


// ---- rms_norm, layer_norm and rope ----------------------------------------------------------
//
// libmlx 0.32.4 has no CPU kernel for these: its fast::RMSNorm, fast::LayerNorm and fast::RoPE
// throw "NYI" in eval_cpu, so on the CPU it builds their composed graphs instead (rms_norm: 7
// primitives, layer_norm: 12, rope: 20 or more, each allocating its result). The primitives here
// do each in one pass over the rows, computing in float32 in the same order of operations as that
// graph, and for float16/bfloat16 inputs rounding to the input's type where the graph does (each
// product or sum of two 16-bit values computed in float32 and rounded once is the correctly
// rounded 16-bit result, which is what libmlx's 16-bit arithmetic gives).
// Their derivatives and vmap are the composed graphs themselves (libmlx's own ops, below), so
// grad/jvp/vmap give what the reference's composed graph gives. They are plain C++ (no vector
// intrinsics), so they apply on any CPU, on the CPU stream with MLXCY_CPU_KERNELS unset.

inline bool applies_plain(mx::Dtype dtype, const mx::Stream& s) {
  return (dtype == mx::float32 || dtype == mx::float16 || dtype == mx::bfloat16) && s.device == mx::Device::cpu &&
         switched_on();
}

// v rounded to T and back (nothing for float).
template <class T>
inline float round_to(float v) {
  return static_cast<float>(static_cast<T>(v));
}
template <>
inline float round_to<float>(float v) {
  return v;
}

// Runs body.template operator()<T>() for the element type T of a float32/float16/bfloat16 dtype.
template <class Body>
inline void by_float_type(mx::Dtype dtype, Body body) {
  if (dtype == mx::float32) {
    body(float{});
  } else if (dtype == mx::float16) {
    body(mx::float16_t{});
  } else if (dtype == mx::bfloat16) {
    body(mx::bfloat16_t{});
  } else {
    throw std::runtime_error("[mlxcy cpu kernel] unexpected dtype");
  }
}

// `in` made row contiguous: itself, or a scratch copy (a temporary of the encoder) filled on the
// stream's thread before `then` runs with the contiguous pointer.
template <class T, class Body>
inline void with_rows(mx::Stream stream, const mx::array& in, const std::vector<mx::array>& extra_inputs,
                      mx::array& out, Body body) {
  auto& enc = mx::cpu::get_command_encoder(stream);
  enc.set_input_array(in);
  for (const auto& e : extra_inputs) enc.set_input_array(e);
  enc.set_output_array(out);
  if (in.size() == 0) return;
  if (in.flags().row_contiguous) {
    enc.dispatch([x = in.data<T>(), body]() { body(x); });
    return;
  }
  mx::array scratch(in.shape(), in.dtype(), nullptr, {});
  scratch.set_data(mx::allocator::malloc(in.size() * sizeof(T)));
  enc.add_temporary(scratch);
  enc.dispatch([x = in.data<T>(), t = scratch.data<T>(), shape = in.shape(), strides = in.strides(), body]() {
    gather_rows(x, shape, strides, t);
    body(static_cast<const T*>(t));
  });
}

// A 1-D operand (weight, bias: of x's type; freqs: float32) read with its stride (0 when
// broadcast), as float.
template <class T>
struct Vec1 {
  const T* p = nullptr;
  int64_t stride = 0;
  float operator[](int64_t j) const { return static_cast<float>(p[j * stride]); }
};

template <class T>
inline Vec1<T> vec1(const mx::array& a) {
  return Vec1<T>{a.data<T>(), a.ndim() ? static_cast<int64_t>(a.strides()[0]) : 0};
}

// Row statistics summed in order, one float32 running sum per row, as libmlx 0.32.4's CPU
// reduction does on x86-64 (its vector width there is one float): the results are then the
// reference's bit for bit (tests/test_cpu_kernels_norm.py). kGroup rows are summed together, so
// that their independent additions overlap.
constexpr int kGroup = 8;

// sums[k] = sum over j of f(row k of the group, j), k < g.
template <class T, class F>
inline void group_sums(const T* x, int64_t n, int g, float* sums, F f) {
  for (int k = 0; k < g; ++k) sums[k] = 0.0f;
  if (g == kGroup) {
    for (int64_t j = 0; j < n; ++j)
      for (int k = 0; k < kGroup; ++k) sums[k] += f(k, static_cast<float>(x[k * n + j]));
  } else {
    for (int64_t j = 0; j < n; ++j)
      for (int k = 0; k < g; ++k) sums[k] += f(k, static_cast<float>(x[k * n + j]));
  }
}

// A weight or bias as n contiguous floats (read once per call, whatever its strides).
template <class T>
inline std::vector<float> dense(const Vec1<T>* v, int64_t n) {
  std::vector<float> out;
  if (v != nullptr) {
    out.resize(n);
    for (int64_t j = 0; j < n; ++j) out[j] = (*v)[j];
  }
  return out;
}

// y = (x * rsqrt(mean(x**2) + eps)) [* w], row by row, as libmlx's composed graph rounds it (for
// 16-bit x: the normalised value rounded to x's type, then the product with w rounded again).
template <class T>
inline void rms_norm_rows(const T* x, T* y, int64_t rows, int64_t n, float eps, const Vec1<T>* w) {
  const float inv_n = 1.0f / static_cast<float>(n);
  const std::vector<float> wf = dense(w, n);
  float ss[kGroup] = {};
  for (int64_t i0 = 0; i0 < rows; i0 += kGroup) {
    const int g = static_cast<int>(std::min<int64_t>(kGroup, rows - i0));
    const T* xg = x + i0 * n;
    group_sums(xg, n, g, ss, [](int, float v) { return v * v; });
    for (int k = 0; k < g; ++k) {
      const float r = 1.0f / std::sqrt(ss[k] * inv_n + eps);
      const T* xr = xg + k * n;
      T* yr = y + (i0 + k) * n;
      if (w == nullptr) {
        for (int64_t j = 0; j < n; ++j) yr[j] = static_cast<T>(static_cast<float>(xr[j]) * r);
      } else {
        const float* wp = wf.data();
        for (int64_t j = 0; j < n; ++j) yr[j] = static_cast<T>(round_to<T>(static_cast<float>(xr[j]) * r) * wp[j]);
      }
    }
  }
}

// One normalised row of layer_norm: ((x - mean) * r) [* w] [+ b], rounded as the graph does.
template <class T, bool HasW, bool HasB>
inline void layer_norm_out(const T* xr, T* yr, int64_t n, float mean, float r, const float* wp, const float* bp) {
  for (int64_t j = 0; j < n; ++j) {
    float v = round_to<T>((static_cast<float>(xr[j]) - mean) * r);
    if constexpr (HasW) v = round_to<T>(v * wp[j]);
    if constexpr (HasB) v = v + bp[j];
    yr[j] = static_cast<T>(v);
  }
}

// y = ((x - mean) * rsqrt(var + eps)) [* w] [+ b], var the mean of (x - mean)**2; for 16-bit x
// rounded to x's type after the normalisation, the product and the sum, as the graph does.
template <class T>
inline void layer_norm_rows(const T* x, T* y, int64_t rows, int64_t n, float eps, const Vec1<T>* w,
                            const Vec1<T>* b) {
  const float inv_n = 1.0f / static_cast<float>(n);
  const std::vector<float> wf = dense(w, n), bf = dense(b, n);
  const float *wp = wf.data(), *bp = bf.data();
  float mean[kGroup] = {}, var[kGroup] = {};
  for (int64_t i0 = 0; i0 < rows; i0 += kGroup) {
    const int g = static_cast<int>(std::min<int64_t>(kGroup, rows - i0));
    const T* xg = x + i0 * n;
    group_sums(xg, n, g, mean, [](int, float v) { return v; });
    for (int k = 0; k < g; ++k) mean[k] *= inv_n;
    std::array<float, kGroup> m;
    std::copy(mean, mean + kGroup, m.begin());
    group_sums(xg, n, g, var, [m](int k, float v) {
      const float d = v - m[k];
      return d * d;
    });
    for (int k = 0; k < g; ++k) {
      const float r = 1.0f / std::sqrt(var[k] * inv_n + eps);
      const T* xr = xg + k * n;
      T* yr = y + (i0 + k) * n;
      if (w != nullptr && b != nullptr) {
        layer_norm_out<T, true, true>(xr, yr, n, mean[k], r, wp, bp);
      } else if (w != nullptr) {
        layer_norm_out<T, true, false>(xr, yr, n, mean[k], r, wp, bp);
      } else if (b != nullptr) {
        layer_norm_out<T, false, true>(xr, yr, n, mean[k], r, wp, bp);
      } else {
        layer_norm_out<T, false, false>(xr, yr, n, mean[k], r, wp, bp);
      }
    }
  }
}

// The composed forms (libmlx ops), used for the derivatives and vmap of the primitives below.
inline std::vector<mx::array> rms_norm_graph(const std::vector<mx::array>& in, float eps, mx::Stream s) {
  const auto x = mx::astype(in[0], mx::float32, s);
  auto ms = mx::mean(mx::square(x, s), std::vector<int>{-1}, true, s);
  auto y = mx::multiply(x, mx::rsqrt(mx::add(ms, mx::array(eps, mx::float32), s), s), s);
  y = mx::astype(y, in[0].dtype(), s);
  if (in.size() > 1) y = mx::multiply(y, in[1], s);
  return {y};
}

inline std::vector<mx::array> layer_norm_graph(const std::vector<mx::array>& in, float eps, bool has_w, bool has_b,
                                               mx::Stream s) {
  const auto x = mx::astype(in[0], mx::float32, s);
  auto xc = mx::subtract(x, mx::mean(x, std::vector<int>{-1}, true, s), s);
  auto var = mx::mean(mx::square(xc, s), std::vector<int>{-1}, true, s);
  auto y = mx::multiply(xc, mx::rsqrt(mx::add(var, mx::array(eps, mx::float32), s), s), s);
  y = mx::astype(y, in[0].dtype(), s);
  size_t k = 1;
  if (has_w) y = mx::multiply(y, in[k++], s);
  if (has_b) y = mx::add(y, in[k], s);
  return {y};
}

// vjp/jvp/vmap of a primitive through its composed graph `g`.
using GraphFn = std::function<std::vector<mx::array>(const std::vector<mx::array>&)>;

inline std::vector<mx::array> graph_vjp(const GraphFn& g, const std::vector<mx::array>& primals,
                                        const std::vector<mx::array>& cotangents, const std::vector<int>& argnums) {
  auto all = mx::vjp(g, primals, cotangents).second;
  std::vector<mx::array> out;
  for (int a : argnums) out.push_back(all[a]);
  return out;
}

inline std::vector<mx::array> graph_jvp(const GraphFn& g, const std::vector<mx::array>& primals,
                                        const std::vector<mx::array>& tangents, const std::vector<int>& argnums) {
  std::vector<mx::array> full;
  for (const auto& p : primals) full.push_back(mx::zeros_like(p));
  for (size_t i = 0; i < argnums.size(); ++i) full[argnums[i]] = tangents[i];
  return mx::jvp(g, primals, full).second;
}

inline std::pair<std::vector<mx::array>, std::vector<int>> graph_vmap(const GraphFn& g,
                                                                      const std::vector<mx::array>& inputs,
                                                                      const std::vector<int>& axes) {
  return {mx::vmap(g, axes, {0})(inputs), {0}};
}

// A one-output CPU primitive whose derivatives and vmap go through its composed graph (`graph()`,
// libmlx's ops doing the same computation), as the reference differentiates these ops on the CPU.
class GraphDerivedPrimitive : public mx::UnaryPrimitive {
 public:
  using mx::UnaryPrimitive::UnaryPrimitive;
  std::vector<mx::array> jvp(const std::vector<mx::array>& primals, const std::vector<mx::array>& tangents,
                             const std::vector<int>& argnums) override {
    return graph_jvp(graph(), primals, tangents, argnums);
  }
  std::vector<mx::array> vjp(const std::vector<mx::array>& primals, const std::vector<mx::array>& cotangents,
                             const std::vector<int>& argnums, const std::vector<mx::array>&) override {
    return graph_vjp(graph(), primals, cotangents, argnums);
  }
  std::pair<std::vector<mx::array>, std::vector<int>> vmap(const std::vector<mx::array>& inputs,
                                                           const std::vector<int>& axes) override {
    return graph_vmap(graph(), inputs, axes);
  }
  std::vector<mx::Shape> output_shapes(const std::vector<mx::array>& inputs) override {
    return {inputs[0].shape()};
  }

 protected:
  virtual GraphFn graph() = 0;
};

class CpuRMSNorm : public GraphDerivedPrimitive {
 public:
  CpuRMSNorm(mx::Stream stream, float eps) : GraphDerivedPrimitive(stream), eps_(eps) {}

  void eval_cpu(const std::vector<mx::array>& inputs, mx::array& out) override {
    const mx::array& x = inputs[0];
    out.set_data(mx::allocator::malloc(out.nbytes()));
    const int64_t n = x.shape(-1);
    const int64_t rows = n ? static_cast<int64_t>(x.size()) / n : 0;
    std::vector<mx::array> extra(inputs.begin() + 1, inputs.end());
    const bool has_w = inputs.size() > 1;
    by_float_type(x.dtype(), [&](auto zero) {
      using T = decltype(zero);
      const Vec1<T> w = has_w ? vec1<T>(inputs[1]) : Vec1<T>{};
      with_rows<T>(stream(), x, extra, out, [y = out.data<T>(), rows, n, eps = eps_, has_w, w](const T* xp) {
        rms_norm_rows<T>(xp, y, rows, n, eps, has_w ? &w : nullptr);
      });
    });
  }
  void eval_gpu(const std::vector<mx::array>&, mx::array&) override {
    throw std::runtime_error("[rms_norm] mlxcy's CPU kernel has no GPU version");
  }
  const char* name() const override { return "MlxcyRMSNorm"; }
  bool is_equivalent(const mx::Primitive& other) const override {
    auto* o = dynamic_cast<const CpuRMSNorm*>(&other);
    return o != nullptr && o->eps_ == eps_;
  }
 private:
  GraphFn graph() override {
    return [eps = eps_, s = stream()](const std::vector<mx::array>& in) { return rms_norm_graph(in, eps, s); };
  }
  float eps_;
};

class CpuLayerNorm : public GraphDerivedPrimitive {
 public:
  CpuLayerNorm(mx::Stream stream, float eps, bool has_w, bool has_b)
      : GraphDerivedPrimitive(stream), eps_(eps), has_w_(has_w), has_b_(has_b) {}

  void eval_cpu(const std::vector<mx::array>& inputs, mx::array& out) override {
    const mx::array& x = inputs[0];
    out.set_data(mx::allocator::malloc(out.nbytes()));
    const int64_t n = x.shape(-1);
    const int64_t rows = n ? static_cast<int64_t>(x.size()) / n : 0;
    std::vector<mx::array> extra(inputs.begin() + 1, inputs.end());
    by_float_type(x.dtype(), [&](auto zero) {
      using T = decltype(zero);
      size_t k = 1;
      const Vec1<T> w = has_w_ ? vec1<T>(inputs[k++]) : Vec1<T>{};
      const Vec1<T> b = has_b_ ? vec1<T>(inputs[k]) : Vec1<T>{};
      with_rows<T>(stream(), x, extra, out,
                   [y = out.data<T>(), rows, n, eps = eps_, hw = has_w_, hb = has_b_, w, b](const T* xp) {
                     layer_norm_rows<T>(xp, y, rows, n, eps, hw ? &w : nullptr, hb ? &b : nullptr);
                   });
    });
  }
  void eval_gpu(const std::vector<mx::array>&, mx::array&) override {
    throw std::runtime_error("[layer_norm] mlxcy's CPU kernel has no GPU version");
  }
  const char* name() const override { return "MlxcyLayerNorm"; }
  bool is_equivalent(const mx::Primitive& other) const override {
    auto* o = dynamic_cast<const CpuLayerNorm*>(&other);
    return o != nullptr && o->eps_ == eps_ && o->has_w_ == has_w_ && o->has_b_ == has_b_;
  }
 private:
  GraphFn graph() override {
    return [eps = eps_, hw = has_w_, hb = has_b_, s = stream()](const std::vector<mx::array>& in) {
      return layer_norm_graph(in, eps, hw, hb, s);
    };
  }
  float eps_;
  bool has_w_, has_b_;
};

// A 1-D operand the kernels take: of `dtype`, of size n.
inline bool vec_operand_ok(const std::optional<mx::array>& v, int64_t n, mx::Dtype dtype) {
  return !v || (v->dtype() == dtype && v->ndim() == 1 && v->shape(0) == n);
}

// mx.fast.rms_norm: the kernel for float32 on the CPU, libmlx's op (with its checks and errors)
// otherwise. `allowed` is false while a function is traced for export (the file then holds
// libmlx's composed graph, as the reference writes it).
inline mx::array rms_norm(const mx::array& x, const std::optional<mx::array>& weight, float eps, bool allowed,
                          mx::StreamOrDevice sod) {
  if (allowed && x.ndim() >= 1) {
    const mx::Stream s = mx::to_stream(sod);
    if (applies_plain(x.dtype(), s) && vec_operand_ok(weight, x.shape(-1), x.dtype())) {
      std::vector<mx::array> in{x};
      if (weight) in.push_back(*weight);
      return mx::array(x.shape(), x.dtype(), std::make_shared<CpuRMSNorm>(s, eps), std::move(in));
    }
  }
  return mx::fast::rms_norm(x, weight, eps, sod);
}

inline mx::array layer_norm(const mx::array& x, const std::optional<mx::array>& weight,
                            const std::optional<mx::array>& bias, float eps, bool allowed, mx::StreamOrDevice sod) {
  if (allowed && x.ndim() >= 1) {
    const mx::Stream s = mx::to_stream(sod);
    if (applies_plain(x.dtype(), s) && vec_operand_ok(weight, x.shape(-1), x.dtype()) &&
        vec_operand_ok(bias, x.shape(-1), x.dtype())) {
      std::vector<mx::array> in{x};
      if (weight) in.push_back(*weight);
      if (bias) in.push_back(*bias);
      return mx::array(x.shape(), x.dtype(),
                       std::make_shared<CpuLayerNorm>(s, eps, weight.has_value(), bias.has_value()), std::move(in));
    }
  }
  return mx::fast::layer_norm(x, weight, bias, eps, sod);
}

// ---- rope --------------------------------------------------------------------------------

// Rotary encoding of the rows of x (..., L, D), contiguous: row r is at position
// offset[block] + r % L, where `block` is r / rows_per_block (one block, or one per entry of the
// first axis when the offset is a vector). Pair i of the first `dims` features, (i, i + dims/2)
// or (2i, 2i + 1) when `traditional`, turns by (position * scale) * inv_freq[i]; the features
// past `dims` are copied. The angles and their cos/sin are computed in double (one table per
// block, of L * dims/2 entries) and rounded once: libmlx's graph rounds the angle to float32,
// which at large positions is most of its error; the rotations are float32 as in that graph.
// For 16-bit x the cos/sin are rounded to x's type and every product and difference too, as the
// graph computes them in that type.
template <class T>
inline void rope_rows(const T* x, T* y, int64_t rows, int64_t D, int64_t L, int dims, bool traditional,
                      float scale, const double* inv_freq, const int64_t* offsets, int64_t rows_per_block) {
  const int half = dims / 2;
  std::vector<float> cs(static_cast<size_t>(L) * half * 2);
  int64_t block = -1;
  for (int64_t r = 0; r < rows; ++r, x += D, y += D) {
    if (r / rows_per_block != block) {   // a new block: its table of cos and sin per position
      block = r / rows_per_block;
      const double off = static_cast<double>(offsets[block]);
      for (int64_t l = 0; l < L; ++l) {
        const double pos = (static_cast<double>(l) + off) * static_cast<double>(scale);
        float* t = cs.data() + l * half * 2;
        for (int i = 0; i < half; ++i) {
          const double th = pos * inv_freq[i];
          t[i] = round_to<T>(static_cast<float>(std::cos(th)));
          t[half + i] = round_to<T>(static_cast<float>(std::sin(th)));
        }
      }
    }
    const float* c = cs.data() + (r % L) * half * 2;
    const float* sn = c + half;
    auto turn = [&](int i, int64_t j1, int64_t j2) {
      const float x1 = static_cast<float>(x[j1]), x2 = static_cast<float>(x[j2]);
      y[j1] = static_cast<T>(round_to<T>(x1 * c[i]) - round_to<T>(x2 * sn[i]));
      y[j2] = static_cast<T>(round_to<T>(x1 * sn[i]) + round_to<T>(x2 * c[i]));
    };
    if (traditional) {
      for (int i = 0; i < half; ++i) turn(i, 2 * i, 2 * i + 1);
    } else {
      for (int i = 0; i < half; ++i) turn(i, i, i + half);
    }
    for (int64_t j = dims; j < D; ++j) y[j] = x[j];
  }
}

// 1 / base**(2i / dims).
inline std::vector<double> rope_base_freqs(int dims, float base) {
  std::vector<double> f(dims / 2);
  for (int i = 0; i < dims / 2; ++i) f[i] = std::pow(static_cast<double>(base), -2.0 * i / dims);
  return f;
}

// The composed form: inputs x, offset (integer, scalar or one per entry of x's first axis) and
// optionally freqs.
inline std::vector<mx::array> rope_graph(const std::vector<mx::array>& in, int dims, bool traditional, float base,
                                         float scale, mx::Stream s) {
  const auto& x = in[0];
  const int nd = static_cast<int>(x.ndim());
  const int D = x.shape(-1), L = x.shape(-2), half = dims / 2;
  auto pos = mx::reshape(mx::astype(mx::arange(0, L, s), mx::float32, s), {L, 1}, s);
  auto off = mx::astype(in[1], mx::float32, s);
  if (off.size() > 1) {
    mx::Shape sh(nd, 1);
    sh[0] = off.size();
    off = mx::reshape(off, sh, s);
  } else {
    off = mx::reshape(off, {}, s);
  }
  pos = mx::multiply(mx::add(pos, off, s), mx::array(scale, mx::float32), s);
  mx::array inv = in.size() > 2 ? mx::reciprocal(in[2], s) : mx::array(mx::array(0.0f));
  if (in.size() <= 2) {
    std::vector<float> f;
    for (double v : rope_base_freqs(dims, base)) f.push_back(static_cast<float>(v));
    inv = mx::array(f.begin(), mx::Shape{half}, mx::float32);
  }
  auto th = mx::multiply(pos, inv, s);
  auto c = mx::astype(mx::cos(th, s), x.dtype(), s), sn = mx::astype(mx::sin(th, s), x.dtype(), s);
  mx::Shape start(nd, 0), stop = x.shape(), step(nd, 1);
  auto part = [&](int b, int e, int st) {
    start.back() = b;
    stop.back() = e;
    step.back() = st;
    return mx::slice(x, start, stop, step, s);
  };
  auto x1 = traditional ? part(0, dims, 2) : part(0, half, 1);
  auto x2 = traditional ? part(1, dims, 2) : part(half, dims, 1);
  auto o1 = mx::subtract(mx::multiply(x1, c, s), mx::multiply(x2, sn, s), s);
  auto o2 = mx::add(mx::multiply(x1, sn, s), mx::multiply(x2, c, s), s);
  mx::array rot = mx::array(0.0f);
  if (traditional) {
    auto st = mx::stack({o1, o2}, -1, s);
    auto sh = st.shape();
    sh.pop_back();
    sh.back() = dims;
    rot = mx::reshape(st, sh, s);
  } else {
    rot = mx::concatenate({o1, o2}, -1, s);
  }
  if (dims < D) rot = mx::concatenate({rot, part(dims, D, 1)}, -1, s);
  return {rot};
}

class CpuRoPE : public GraphDerivedPrimitive {
 public:
  CpuRoPE(mx::Stream stream, int dims, bool traditional, float base, float scale)
      : GraphDerivedPrimitive(stream), dims_(dims), traditional_(traditional), base_(base), scale_(scale) {}

  void eval_cpu(const std::vector<mx::array>& inputs, mx::array& out) override {
    const mx::array& x = inputs[0];
    const mx::array& offset = inputs[1];
    out.set_data(mx::allocator::malloc(out.nbytes()));
    const int64_t D = x.shape(-1), L = x.shape(-2);
    const int64_t rows = D ? static_cast<int64_t>(x.size()) / D : 0;
    // offsets and freqs are read on the stream's thread, where their values are ready
    const size_t n_off = offset.size();
    const int64_t off_stride = offset.ndim() ? offset.strides()[0] : 0;
    const bool off64 = offset.dtype() == mx::int64;
    const void* offp = off64 ? static_cast<const void*>(offset.data<int64_t>())
                             : static_cast<const void*>(offset.data<int32_t>());
    const int64_t per_block = n_off > 1 ? rows / static_cast<int64_t>(n_off) : std::max<int64_t>(rows, 1);
    const bool has_f = inputs.size() > 2;
    const Vec1<float> f = has_f ? vec1<float>(inputs[2]) : Vec1<float>{};
    std::vector<mx::array> extra(inputs.begin() + 1, inputs.end());
    by_float_type(x.dtype(), [&](auto zero) {
      using T = decltype(zero);
      with_rows<T>(stream(), x, extra, out,
              [y = out.data<T>(), rows, D, L, dims = dims_, trad = traditional_, base = base_, scale = scale_,
               has_f, f, offp, off64, off_stride, n_off, per_block](const T* xp) {
                std::vector<int64_t> offs(n_off);
                for (size_t i = 0; i < n_off; ++i) {
                  const int64_t k = static_cast<int64_t>(i) * off_stride;
                  offs[i] = off64 ? static_cast<const int64_t*>(offp)[k] : static_cast<const int32_t*>(offp)[k];
                }
                std::vector<double> inv;
                if (has_f) {
                  inv.resize(dims / 2);
                  for (int i = 0; i < dims / 2; ++i) inv[i] = 1.0 / static_cast<double>(f[i]);
                } else {
                  inv = rope_base_freqs(dims, base);
                }
                rope_rows<T>(xp, y, rows, D, L, dims, trad, scale, inv.data(), offs.data(), per_block);
              });
    });
  }
  void eval_gpu(const std::vector<mx::array>&, mx::array&) override {
    throw std::runtime_error("[rope] mlxcy's CPU kernel has no GPU version");
  }
  const char* name() const override { return "MlxcyRoPE"; }
  bool is_equivalent(const mx::Primitive& other) const override {
    auto* o = dynamic_cast<const CpuRoPE*>(&other);
    return o != nullptr && o->dims_ == dims_ && o->traditional_ == traditional_ && o->base_ == base_ &&
           o->scale_ == scale_;
  }
 private:
  GraphFn graph() override {
    return [d = dims_, t = traditional_, b = base_, sc = scale_, s = stream()](const std::vector<mx::array>& in) {
      return rope_graph(in, d, t, b, sc, s);
    };
  }
  int dims_;
  bool traditional_;
  float base_, scale_;
};

// mx.fast.rope with an array offset: the kernel for float32 on the CPU when every argument is
// valid (an integer offset of one value, or one per entry of x's first axis), libmlx's op
// (with its checks) otherwise.
inline mx::array rope(const mx::array& x, int dims, bool traditional, std::optional<float> base, float scale,
                      const mx::array& offset, const std::optional<mx::array>& freqs, bool allowed,
                      mx::StreamOrDevice sod) {
  auto libmlx = [&]() { return mx::fast::rope(x, dims, traditional, base, scale, offset, freqs, sod); };
  if (!allowed || x.ndim() < 3 || dims <= 0 || dims % 2 != 0 || dims > x.shape(-1)) return libmlx();
  const mx::Stream s = mx::to_stream(sod);
  if (!applies_plain(x.dtype(), s)) return libmlx();
  if (offset.dtype() != mx::int32 && offset.dtype() != mx::int64) return libmlx();
  const bool one = offset.size() == 1 && offset.ndim() <= 1;
  const bool per_batch = offset.ndim() == 1 && offset.size() > 1 && offset.shape(0) == x.shape(0);
  if (!one && !per_batch) return libmlx();
  if (freqs.has_value() == base.has_value()) return libmlx();
  if (freqs && !vec_operand_ok(freqs, dims / 2, mx::float32)) return libmlx();
  std::vector<mx::array> in{x, offset};
  if (freqs) in.push_back(*freqs);
  return mx::array(x.shape(), x.dtype(),
                   std::make_shared<CpuRoPE>(s, dims, traditional, base.value_or(0.0f), scale), std::move(in));
}

inline mx::array rope(const mx::array& x, int dims, bool traditional, std::optional<float> base, float scale,
                      int offset, const std::optional<mx::array>& freqs, bool allowed, mx::StreamOrDevice sod) {
  if (!allowed || !applies_plain(x.dtype(), mx::to_stream(sod)))
    return mx::fast::rope(x, dims, traditional, base, scale, offset, freqs, sod);
  return rope(x, dims, traditional, base, scale, mx::array(offset, mx::int32), freqs, allowed, sod);
}

}  // namespace cpuk
}  // namespace mlxcy
