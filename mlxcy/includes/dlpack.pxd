# src/dlpack.h (the DLPack structs, capsules, views) and src/cuda_interop.h (CUDA memory through
# the driver API), declared once.
from libc.stdint cimport int32_t, int64_t, uint8_t, uint16_t, uint32_t, uint64_t
from libcpp cimport bool
from mlxcy.includes.mlx cimport array, Dtype, Shape

cdef extern from "src/dlpack.h":
    ctypedef struct MlxcyDLDevice:
        int32_t device_type
        int32_t device_id
    ctypedef struct MlxcyDLDataType:
        uint8_t code
        uint8_t bits
        uint16_t lanes
    ctypedef struct MlxcyDLTensor:
        void* data
        MlxcyDLDevice device
        int32_t ndim
        MlxcyDLDataType dtype
        int64_t* shape
        int64_t* strides
        uint64_t byte_offset
    ctypedef struct MlxcyDLManagedTensor:
        MlxcyDLTensor dl_tensor
        void* manager_ctx
        void (*deleter)(MlxcyDLManagedTensor*)
    ctypedef struct MlxcyDLPackVersion:
        uint32_t major
        uint32_t minor
    ctypedef struct MlxcyDLManagedTensorVersioned:
        MlxcyDLPackVersion version
        void* manager_ctx
        void (*deleter)(MlxcyDLManagedTensorVersioned*)
        uint64_t flags
        MlxcyDLTensor dl_tensor

cdef extern from "src/dlpack.h" namespace "mlxcy":
    object dl_make_capsule(const array&, bool, bool, bool, int32_t, int32_t) except +
    array dl_array_view(void*, const Shape&, Dtype, void*, bool) except +
    array dl_array_view_unified(void*, size_t, const Shape&, Dtype, void*, bool) except +
    void dl_strided_copy(char*, const char*, const int64_t*, const int64_t*, int, size_t)

cdef extern from "src/cuda_interop.h" namespace "mlxcy":
    void cuda_synchronize() except + nogil
    bool cuda_memory_is_unified(const void*) except +
    array cuda_copy_in(const void*, size_t, const Shape&, Dtype) except + nogil
