// Default-constructible stand-ins for MLX value types, so that Cython (which declares a
// function's return variable up front) can return them from cdef functions. Each converts
// to and from the MLX type implicitly.
#pragma once
#include "mlx/device.h"
#include "mlx/dtype.h"
#include "mlx/stream.h"

namespace mlxcy {
struct DtypeD : mlx::core::Dtype {
  DtypeD() : mlx::core::Dtype(mlx::core::float32) {}
  DtypeD(const mlx::core::Dtype& d) : mlx::core::Dtype(d) {}
};
struct DeviceD : mlx::core::Device {
  DeviceD() : mlx::core::Device(mlx::core::Device::cpu, 0) {}
  DeviceD(const mlx::core::Device& d) : mlx::core::Device(d) {}
};
struct StreamD : mlx::core::Stream {
  StreamD() : mlx::core::Stream(0, mlx::core::Device(mlx::core::Device::cpu, 0)) {}
  StreamD(const mlx::core::Stream& s) : mlx::core::Stream(s) {}
};
}  // namespace mlxcy
