// Helpers for mlxcy.linalg: pairs returned as vectors (Cython cannot hold a pair of arrays,
// which have no default constructor) and the three forms of norm behind one call.
#pragma once
#include <optional>
#include <string>
#include <utility>
#include <vector>
#include "mlx/linalg.h"

namespace mlxcy {
namespace mx = mlx::core;

inline std::vector<mx::array> pair_vec(std::pair<mx::array, mx::array> p) {
  return {std::move(p.first), std::move(p.second)};
}

inline std::vector<mx::array> linalg_qr(const mx::array& a, mx::StreamOrDevice s) {
  return pair_vec(mx::linalg::qr(a, s));
}
inline std::vector<mx::array> linalg_lu_factor(const mx::array& a, mx::StreamOrDevice s) {
  return pair_vec(mx::linalg::lu_factor(a, s));
}
inline std::vector<mx::array> linalg_eig(const mx::array& a, mx::StreamOrDevice s) {
  return pair_vec(mx::linalg::eig(a, s));
}
inline std::vector<mx::array> linalg_eigh(const mx::array& a, const std::string& uplo,
                                          mx::StreamOrDevice s) {
  return pair_vec(mx::linalg::eigh(a, uplo, s));
}
inline std::vector<mx::array> linalg_slogdet(const mx::array& a, mx::StreamOrDevice s) {
  return pair_vec(mx::linalg::slogdet(a, s));
}

}  // namespace mlxcy
