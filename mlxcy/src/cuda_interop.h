// DLPack exchange with CUDA memory when libmlx is the CUDA build (mlx-cuda-12/13).
//
// mlxcy links no CUDA library: the few CUDA runtime calls needed here are looked up at run
// time in the libcudart that libmlx already loaded. On the CPU build none of this is used.
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

// cudaPointerAttributes as laid out since CUDA 11 (type, device, devicePointer, hostPointer).
struct CudaPointerAttributes {
  int type;  // 0 unregistered host, 1 registered/pinned host, 2 device, 3 managed
  int device;
  void* device_pointer;
  void* host_pointer;
};

enum CudaMemoryType : int {
  CUDA_MEMORY_UNREGISTERED = 0,
  CUDA_MEMORY_HOST = 1,
  CUDA_MEMORY_DEVICE = 2,
  CUDA_MEMORY_MANAGED = 3,
};

struct CudaRuntime {
  int (*pointer_get_attributes)(CudaPointerAttributes*, const void*) = nullptr;
  int (*memcpy)(void*, const void*, size_t, int) = nullptr;
  int (*device_synchronize)() = nullptr;
  const char* (*error_string)(int) = nullptr;
  bool loaded() const { return pointer_get_attributes && memcpy && device_synchronize && error_string; }
};

inline void* cuda_runtime_symbol(const char* name) {
  if (void* p = dlsym(RTLD_DEFAULT, name)) return p;
  // libmlx may have loaded libcudart privately: find it among the loaded libraries.
  for (const char* lib : {"libcudart.so.13", "libcudart.so.12", "libcudart.so"}) {
    if (void* h = dlopen(lib, RTLD_NOW | RTLD_NOLOAD)) {
      if (void* p = dlsym(h, name)) return p;
    }
  }
  return nullptr;
}

inline const CudaRuntime& cuda_runtime() {
  static const CudaRuntime rt = [] {
    CudaRuntime r;
    r.pointer_get_attributes =
        reinterpret_cast<int (*)(CudaPointerAttributes*, const void*)>(cuda_runtime_symbol("cudaPointerGetAttributes"));
    r.memcpy = reinterpret_cast<int (*)(void*, const void*, size_t, int)>(cuda_runtime_symbol("cudaMemcpy"));
    r.device_synchronize = reinterpret_cast<int (*)()>(cuda_runtime_symbol("cudaDeviceSynchronize"));
    r.error_string = reinterpret_cast<const char* (*)(int)>(cuda_runtime_symbol("cudaGetErrorString"));
    return r;
  }();
  if (!rt.loaded()) throw std::runtime_error("mlxcy: the CUDA runtime (libcudart) that libmlx uses could not be found");
  return rt;
}

inline void cuda_check(int err, const char* what) {
  if (err != 0) {
    throw std::runtime_error(std::string("mlxcy: ") + what + " failed: " + cuda_runtime().error_string(err));
  }
}

// Wait for all work on the device, so memory another framework handed over is complete.
inline void cuda_synchronize() { cuda_check(cuda_runtime().device_synchronize(), "cudaDeviceSynchronize"); }

// Whether the host can address `p` as well as the GPU (managed or registered host memory).
inline bool cuda_memory_is_unified(const void* p) {
  CudaPointerAttributes attrs{};
  cuda_check(cuda_runtime().pointer_get_attributes(&attrs, p), "cudaPointerGetAttributes");
  return attrs.type == CUDA_MEMORY_MANAGED || attrs.type == CUDA_MEMORY_HOST;
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
    cuda_check(cuda_runtime().memcpy(dst, src, nbytes, /*cudaMemcpyDefault*/ 4), "cudaMemcpy");
  }
  return mx::array(std::move(buf), shape, dtype);
}

}  // namespace mlxcy
