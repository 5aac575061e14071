// The DLPack exchange structures (written from the DLPack specification, ABI version 1.x),
// and the helpers that build capsules of MLX arrays and MLX arrays over imported tensors.
#pragma once
#include <Python.h>

#include <cstdint>
#include <cstring>
#include <vector>

#include "mlx/array.h"
#include "cuda_interop.h"
#include "mlxcy_core.h"

extern "C" {

// Where a tensor's memory lives. Only the values mlxcy uses or reports are named.
enum MlxcyDLDeviceType : int32_t {
  MLXCY_DL_CPU = 1,
  MLXCY_DL_CUDA = 2,
  MLXCY_DL_CUDA_HOST = 3,
  MLXCY_DL_METAL = 8,
  MLXCY_DL_CUDA_MANAGED = 13,
};

struct MlxcyDLDevice {
  int32_t device_type;
  int32_t device_id;
};

// Element type: a type code, a width in bits and a vector lane count.
enum MlxcyDLTypeCode : uint8_t {
  MLXCY_DL_INT = 0,
  MLXCY_DL_UINT = 1,
  MLXCY_DL_FLOAT = 2,
  MLXCY_DL_BFLOAT = 4,
  MLXCY_DL_COMPLEX = 5,
  MLXCY_DL_BOOL = 6,
};

struct MlxcyDLDataType {
  uint8_t code;
  uint8_t bits;
  uint16_t lanes;
};

struct MlxcyDLTensor {
  void* data;
  MlxcyDLDevice device;
  int32_t ndim;
  MlxcyDLDataType dtype;
  int64_t* shape;
  int64_t* strides;  // in elements; may be NULL (compact row-major) in legacy capsules
  uint64_t byte_offset;
};

// Legacy (pre-1.0) managed tensor, carried in a capsule named "dltensor".
struct MlxcyDLManagedTensor {
  MlxcyDLTensor dl_tensor;
  void* manager_ctx;
  void (*deleter)(MlxcyDLManagedTensor* self);
};

struct MlxcyDLPackVersion {
  uint32_t major;
  uint32_t minor;
};

// Versioned (>= 1.0) managed tensor, carried in a capsule named "dltensor_versioned".
struct MlxcyDLManagedTensorVersioned {
  MlxcyDLPackVersion version;
  void* manager_ctx;
  void (*deleter)(MlxcyDLManagedTensorVersioned* self);
  uint64_t flags;
  MlxcyDLTensor dl_tensor;
};

}  // extern "C"

#define MLXCY_DLPACK_FLAG_READ_ONLY (1ULL << 0)
#define MLXCY_DLPACK_FLAG_IS_COPIED (1ULL << 1)

namespace mlxcy {
namespace mx = mlx::core;

// What an exported capsule owns: the array (so its data) and the shape/stride storage.
struct DLExportCtx {
  mx::array arr;
  std::vector<int64_t> shape;
  std::vector<int64_t> strides;
  explicit DLExportCtx(const mx::array& a) : arr(a) {}
};

inline MlxcyDLDataType dl_dtype_of(const mx::Dtype& d) {
  MlxcyDLDataType t{MLXCY_DL_FLOAT, static_cast<uint8_t>(d.size() * 8), 1};
  switch (d.val()) {
    case mx::Dtype::Val::bool_: t.code = MLXCY_DL_BOOL; break;
    case mx::Dtype::Val::uint8:
    case mx::Dtype::Val::uint16:
    case mx::Dtype::Val::uint32:
    case mx::Dtype::Val::uint64: t.code = MLXCY_DL_UINT; break;
    case mx::Dtype::Val::int8:
    case mx::Dtype::Val::int16:
    case mx::Dtype::Val::int32:
    case mx::Dtype::Val::int64: t.code = MLXCY_DL_INT; break;
    case mx::Dtype::Val::bfloat16: t.code = MLXCY_DL_BFLOAT; break;
    case mx::Dtype::Val::complex64: t.code = MLXCY_DL_COMPLEX; break;
    default: t.code = MLXCY_DL_FLOAT; break;
  }
  return t;
}

inline void dl_fill_tensor(MlxcyDLTensor& t, DLExportCtx* ctx, MlxcyDLDevice device) {
  auto& a = ctx->arr;
  for (size_t i = 0; i < a.ndim(); ++i) {
    ctx->shape.push_back(a.shape(static_cast<int>(i)));
    ctx->strides.push_back(a.strides()[i]);
  }
  t.data = raw_data(a);
  t.device = device;
  t.ndim = static_cast<int32_t>(a.ndim());
  t.dtype = dl_dtype_of(a.dtype());
  t.shape = ctx->shape.empty() ? nullptr : ctx->shape.data();
  t.strides = ctx->strides.empty() ? nullptr : ctx->strides.data();
  t.byte_offset = 0;
}

inline void dl_delete_legacy(MlxcyDLManagedTensor* m) {
  delete static_cast<DLExportCtx*>(m->manager_ctx);
  delete m;
}

inline void dl_delete_versioned(MlxcyDLManagedTensorVersioned* m) {
  delete static_cast<DLExportCtx*>(m->manager_ctx);
  delete m;
}

// A capsule no consumer took still owns its tensor: free it with the capsule.
inline void dl_capsule_destructor(PyObject* cap) {
  if (PyCapsule_IsValid(cap, "dltensor_versioned")) {
    auto* m = static_cast<MlxcyDLManagedTensorVersioned*>(PyCapsule_GetPointer(cap, "dltensor_versioned"));
    if (m && m->deleter) m->deleter(m);
  } else if (PyCapsule_IsValid(cap, "dltensor")) {
    auto* m = static_cast<MlxcyDLManagedTensor*>(PyCapsule_GetPointer(cap, "dltensor"));
    if (m && m->deleter) m->deleter(m);
  }
}

// A DLPack capsule of an evaluated, row-contiguous array (no copy of the data), reported as
// living on `device_type`/`device_id`. `data()` is the host-visible pointer (on the CUDA
// build: unified memory, which the GPU addresses too). `read_only` sets the versioned
// capsule's read-only flag (a legacy capsule has no way to say it: the caller refuses those).
inline PyObject* dl_make_capsule(const mx::array& a, bool versioned, bool copied, bool read_only,
                                 int32_t device_type, int32_t device_id) {
  MlxcyDLDevice device{device_type, device_id};
  auto* ctx = new DLExportCtx(a);
  if (versioned) {
    auto* m = new MlxcyDLManagedTensorVersioned{};
    m->version = MlxcyDLPackVersion{1, 1};
    m->manager_ctx = ctx;
    m->deleter = dl_delete_versioned;
    m->flags = (copied ? MLXCY_DLPACK_FLAG_IS_COPIED : 0) | (read_only ? MLXCY_DLPACK_FLAG_READ_ONLY : 0);
    dl_fill_tensor(m->dl_tensor, ctx, device);
    PyObject* cap = PyCapsule_New(m, "dltensor_versioned", dl_capsule_destructor);
    if (!cap) dl_delete_versioned(m);
    return cap;
  }
  auto* m = new MlxcyDLManagedTensor{};
  m->manager_ctx = ctx;
  m->deleter = dl_delete_legacy;
  dl_fill_tensor(m->dl_tensor, ctx, device);
  PyObject* cap = PyCapsule_New(m, "dltensor", dl_capsule_destructor);
  if (!cap) dl_delete_legacy(m);
  return cap;
}

// What runs when MLX lets go of an imported tensor's memory: the producer's deleter, with the GIL.
inline std::function<void()> dl_release(void* managed, bool versioned) {
  return [managed, versioned]() {
    if (!python_alive()) return;  // interpreter gone: leak rather than crash
    Gil gil;
    if (versioned) {
      auto* m = static_cast<MlxcyDLManagedTensorVersioned*>(managed);
      if (m->deleter) m->deleter(m);
    } else {
      auto* m = static_cast<MlxcyDLManagedTensor*>(managed);
      if (m->deleter) m->deleter(m);
    }
  };
}

// An array viewing an imported tensor's host memory.
inline mx::array dl_array_view(void* data, const mx::Shape& shape, mx::Dtype dtype, void* managed,
                               bool versioned) {
  return array_foreign_view(data, shape, dtype, dl_release(managed, versioned));
}

// An array viewing an imported tensor's CUDA unified memory (CUDA build only).
inline mx::array dl_array_view_unified(void* data, size_t nbytes, const mx::Shape& shape, mx::Dtype dtype,
                                       void* managed, bool versioned) {
  return cuda_unified_view(data, nbytes, shape, dtype, dl_release(managed, versioned));
}

// Copy a strided tensor (strides in elements, possibly negative) into compact row-major order.
inline void dl_strided_copy(char* dst, const char* src, const int64_t* shape, const int64_t* strides, int ndim,
                            size_t itemsize) {
  if (ndim == 0) {
    std::memcpy(dst, src, itemsize);
    return;
  }
  std::vector<int64_t> idx(ndim, 0);
  int64_t total = 1;
  for (int i = 0; i < ndim; ++i) total *= shape[i];
  for (int64_t n = 0; n < total; ++n) {
    int64_t off = 0;
    for (int i = 0; i < ndim; ++i) off += idx[i] * strides[i];
    std::memcpy(dst + n * itemsize, src + off * static_cast<int64_t>(itemsize), itemsize);
    for (int i = ndim - 1; i >= 0; --i) {
      if (++idx[i] < shape[i]) break;
      idx[i] = 0;
    }
  }
}

}  // namespace mlxcy
