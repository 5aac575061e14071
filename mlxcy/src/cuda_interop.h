// DLPack exchange with CUDA memory when libmlx is the CUDA build (mlx-cuda-12/13).
//
// mlxcy links no CUDA library. The few calls needed here go through the CUDA *driver* API
// (libcuda.so.1, part of the NVIDIA driver), looked up at run time. Not the runtime API:
// libmlx links its CUDA runtime statically, so the only libcudart a process may have loaded is
// another framework's (PyTorch's), or none. Calling into PyTorch's runtime from here broke its
// next kernel launch (cudaErrorInvalidResourceHandle), and without PyTorch there was no runtime
// to call. The driver is one per process and every framework's contexts live in it. On the
// CPU build none of this is used.
//
// How libmlx's CUDA allocator holds memory (mlx/backend/cuda/allocator.h): an allocator
// Buffer points to a `cu::CudaBuffer {data, size, device}`; device -1 means unified (managed
// or host-registered) memory that both the host and the GPU can address. A host access to an
// array (`array::data()`) first moves a device-only buffer to unified memory in place, freeing
// the old device allocation. So:
//  - exports hand out the unified pointer (`array::data()`), which stays valid for the life
//    of the buffer whatever MLX does later;
//  - imports share only unified memory, wrapped as a CudaBuffer marked -1 so that MLX never
//    migrates (and so frees) memory it does not own; device-only memory is copied.
#pragma once
#include <dlfcn.h>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <stdexcept>
#include <string>
#include <type_traits>

#include "mlx/allocator.h"
#include "mlx/array.h"
#include "mlx/ops.h"

namespace mlxcy {
namespace mx = mlx::core;

// Field layout of libmlx's cu::CudaBuffer (checked against the 0.32.x header).
struct MlxCudaBuffer {
  void* data;
  size_t size;
  int device;  // -1: unified memory
};

// The driver API's types and the values used here (cuda.h; stable since CUDA 4).
using CuResult = int;
using CuDevicePtr = unsigned long long;
using CuContext = void*;
constexpr int CU_POINTER_ATTRIBUTE_MEMORY_TYPE = 2;
constexpr int CU_POINTER_ATTRIBUTE_IS_MANAGED = 8;
constexpr unsigned CU_MEMORYTYPE_HOST = 1;  // registered (page-locked) host memory

struct CudaDriver {
  CuResult (*init)(unsigned) = nullptr;
  CuResult (*device_get)(int*, int) = nullptr;
  CuResult (*primary_ctx_retain)(CuContext*, int) = nullptr;
  CuResult (*ctx_get_current)(CuContext*) = nullptr;
  CuResult (*ctx_set_current)(CuContext) = nullptr;
  CuResult (*ctx_synchronize)() = nullptr;
  CuResult (*pointer_get_attribute)(void*, int, CuDevicePtr) = nullptr;
  CuResult (*memcpy)(CuDevicePtr, CuDevicePtr, size_t) = nullptr;
  CuResult (*get_error_string)(CuResult, const char**) = nullptr;
  bool loaded() const {
    return init && device_get && primary_ctx_retain && ctx_get_current && ctx_set_current && ctx_synchronize &&
           pointer_get_attribute && memcpy && get_error_string;
  }
};

inline const CudaDriver& cuda_driver() {
  static const CudaDriver drv = [] {
    CudaDriver d;
    void* h = dlopen("libcuda.so.1", RTLD_NOW | RTLD_LOCAL);
    if (!h) return d;
    auto sym = [h](auto& fn, const char* name) { fn = reinterpret_cast<std::decay_t<decltype(fn)>>(dlsym(h, name)); };
    sym(d.init, "cuInit");
    sym(d.device_get, "cuDeviceGet");
    sym(d.primary_ctx_retain, "cuDevicePrimaryCtxRetain");
    sym(d.ctx_get_current, "cuCtxGetCurrent");
    sym(d.ctx_set_current, "cuCtxSetCurrent");
    sym(d.ctx_synchronize, "cuCtxSynchronize");
    sym(d.pointer_get_attribute, "cuPointerGetAttribute");
    sym(d.memcpy, "cuMemcpy");
    sym(d.get_error_string, "cuGetErrorString");
    return d;
  }();
  if (!drv.loaded()) throw std::runtime_error("mlxcy: the CUDA driver library (libcuda.so.1) could not be loaded");
  return drv;
}

inline void cuda_check(CuResult err, const char* what) {
  if (err != 0) {
    const char* msg = nullptr;
    cuda_driver().get_error_string(err, &msg);
    throw std::runtime_error(std::string("mlxcy: ") + what + " failed: " + (msg ? msg : std::to_string(err)));
  }
}

// Make sure the calling thread has a CUDA context: the device's primary context, the one
// libmlx (and PyTorch, CuPy) use, made current if the thread has none yet.
inline void cuda_bind_context() {
  const CudaDriver& drv = cuda_driver();
  CuContext ctx = nullptr;
  cuda_check(drv.ctx_get_current(&ctx), "cuCtxGetCurrent");
  if (ctx) return;
  int device = 0;
  cuda_check(drv.init(0), "cuInit");
  cuda_check(drv.device_get(&device, 0), "cuDeviceGet");
  cuda_check(drv.primary_ctx_retain(&ctx, device), "cuDevicePrimaryCtxRetain");  // held for the process
  cuda_check(drv.ctx_set_current(ctx), "cuCtxSetCurrent");
}

// Wait for all work on the device, so memory another framework handed over is complete.
inline void cuda_synchronize() {
  cuda_bind_context();
  cuda_check(cuda_driver().ctx_synchronize(), "cuCtxSynchronize");
}

// Whether the host can address `p` as well as the GPU (managed or registered host memory).
inline bool cuda_memory_is_unified(const void* p) {
  cuda_bind_context();
  const CudaDriver& drv = cuda_driver();
  auto address = reinterpret_cast<CuDevicePtr>(p);
  unsigned long long managed = 0;  // a boolean; zeroed wide so any width the driver writes reads right
  if (drv.pointer_get_attribute(&managed, CU_POINTER_ATTRIBUTE_IS_MANAGED, address) == 0 && managed) return true;
  unsigned memory_type = 0;
  if (drv.pointer_get_attribute(&memory_type, CU_POINTER_ATTRIBUTE_MEMORY_TYPE, address) != 0) return false;
  return memory_type == CU_MEMORYTYPE_HOST;
}

// An array over unified memory it does not own; `release` runs once MLX drops the buffer.
inline mx::array cuda_unified_view(void* data, size_t nbytes, const mx::Shape& shape, mx::Dtype dtype,
                                   std::function<void()> release) {
  auto* held = new MlxCudaBuffer{data, nbytes, -1};
  return mx::array(mx::allocator::Data(mx::allocator::Buffer(held),
                                       [held, release](mx::allocator::Buffer) {
                                         delete held;
                                         release();
                                       }),
                   shape, dtype);
}

// A new MLX-owned array holding a copy of `nbytes` contiguous bytes of CUDA memory at `src`.
inline mx::array cuda_copy_in(const void* src, size_t nbytes, const mx::Shape& shape, mx::Dtype dtype) {
  auto buf = mx::allocator::malloc(nbytes);
  if (nbytes) {
    void* dst = static_cast<MlxCudaBuffer*>(buf.buffer().ptr())->data;
    cuda_bind_context();
    // unified addressing: the driver tells host from device memory by the addresses
    cuda_check(cuda_driver().memcpy(reinterpret_cast<CuDevicePtr>(dst), reinterpret_cast<CuDevicePtr>(src), nbytes),
               "cuMemcpy");
    // a device-to-device cuMemcpy returns before it is done: finish it before MLX's own streams read
    cuda_check(cuda_driver().ctx_synchronize(), "cuCtxSynchronize");
  }
  return mx::array(std::move(buf), shape, dtype);
}

}  // namespace mlxcy
