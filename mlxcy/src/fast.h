// Helpers for mlxcy.fast: custom kernel objects (a std::function Cython cannot hold by value)
// and the variant-typed template/scalar arguments, passed from Cython as parallel vectors.
#pragma once
#include <optional>
#include <string>
#include <tuple>
#include <variant>
#include <vector>
#include "mlx/fast.h"
#include "src/mlxcy_types.h"

namespace mlxcy {
namespace mx = mlx::core;

struct CustomKernel {
  mx::fast::CustomKernelFunction fn;
};

inline CustomKernel* make_metal_kernel(const std::string& name, const std::vector<std::string>& in,
                                       const std::vector<std::string>& out, const std::string& source,
                                       const std::string& header, bool row_contiguous, bool atomic,
                                       int math_mode) {
  return new CustomKernel{mx::fast::metal_kernel(name, in, out, source, header, row_contiguous,
                                                 atomic, mx::CompileOptions(math_mode))};
}

inline CustomKernel* make_cuda_kernel(const std::string& name, const std::vector<std::string>& in,
                                      const std::vector<std::string>& out, const std::string& source,
                                      const std::string& header, bool row_contiguous, int shared) {
  return new CustomKernel{
      mx::fast::cuda_kernel(name, in, out, source, header, row_contiguous, shared)};
}

inline void free_kernel(CustomKernel* k) { delete k; }

inline std::vector<mx::Dtype> to_dtypes(const std::vector<DtypeD>& v) {
  return std::vector<mx::Dtype>(v.begin(), v.end());
}

// Template argument i is an int (kind 0), a bool (kind 1) or a dtype (kind 2).
inline std::vector<mx::array> run_kernel(
    CustomKernel* k, const std::vector<mx::array>& inputs, const std::vector<mx::Shape>& shapes,
    const std::vector<DtypeD>& dtypes, int gx, int gy, int gz, int tx, int ty, int tz,
    const std::vector<std::string>& tnames, const std::vector<int>& tkinds,
    const std::vector<int>& tints, const std::vector<DtypeD>& tdtypes,
    std::optional<float> init, bool verbose, mx::StreamOrDevice s) {
  std::vector<std::pair<std::string, mx::fast::TemplateArg>> tmpl;
  for (size_t i = 0; i < tnames.size(); ++i) {
    mx::fast::TemplateArg v = tints[i];
    if (tkinds[i] == 1) v = tints[i] != 0;
    if (tkinds[i] == 2) v = static_cast<mx::Dtype>(tdtypes[i]);
    tmpl.emplace_back(tnames[i], v);
  }
  return k->fn(inputs, shapes, to_dtypes(dtypes), {gx, gy, gz}, {tx, ty, tz}, tmpl, init, verbose, s);
}

// Scalar i is a bool (kind 0), an int (kind 1) or a float (kind 2), its value in values[i].
inline std::vector<mx::array> run_precompiled_cuda(
    const std::string& name, const std::string& compiled, const std::vector<mx::array>& inputs,
    const std::vector<mx::Shape>& shapes, const std::vector<DtypeD>& dtypes,
    const std::vector<int>& kinds, const std::vector<double>& values, int gx, int gy, int gz,
    int tx, int ty, int tz, int shared, std::optional<float> init, bool row_contiguous,
    mx::StreamOrDevice s) {
  std::vector<mx::fast::ScalarArg> scalars;
  for (size_t i = 0; i < kinds.size(); ++i) {
    if (kinds[i] == 0) scalars.emplace_back(values[i] != 0);
    else if (kinds[i] == 1) scalars.emplace_back(static_cast<int>(values[i]));
    else scalars.emplace_back(static_cast<float>(values[i]));
  }
  return mx::fast::precompiled_cuda_kernel(name, compiled, inputs, shapes, to_dtypes(dtypes), scalars,
                                           {gx, gy, gz}, {tx, ty, tz}, shared, init, row_contiguous, s);
}
}  // namespace mlxcy
