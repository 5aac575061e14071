// One entry point for the single-array collectives, so the Cython side has one code path.
#pragma once
#include <optional>
#include <stdexcept>

#include "mlx/distributed/ops.h"

namespace mlxcy {
enum Collective { COLL_SUM, COLL_MAX, COLL_MIN, COLL_GATHER, COLL_SUM_SCATTER };

inline mlx::core::array collective(int op, const mlx::core::array& x,
                                   std::optional<mlx::core::distributed::Group> g,
                                   mlx::core::StreamOrDevice s) {
  namespace d = mlx::core::distributed;
  switch (op) {
    case COLL_SUM: return d::all_sum(x, g, s);
    case COLL_MAX: return d::all_max(x, g, s);
    case COLL_MIN: return d::all_min(x, g, s);
    case COLL_GATHER: return d::all_gather(x, g, s);
    case COLL_SUM_SCATTER: return d::sum_scatter(x, g, s);
  }
  throw std::invalid_argument("unknown collective");
}
}  // namespace mlxcy
