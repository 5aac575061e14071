// mlxcy.random helper: split a key in two, as a vector (Cython cannot hold a pair of arrays).
#pragma once
#include <vector>
#include "mlx/random.h"

namespace mlxcy {
inline std::vector<mlx::core::array> random_split2(const mlx::core::array& key) {
  auto p = mlx::core::random::split(key);
  return {p.first, p.second};
}
}  // namespace mlxcy
