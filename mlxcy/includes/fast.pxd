# mlx/fast.h (custom kernels through src/fast.h).
from libcpp cimport bool
from libcpp.optional cimport optional
from libcpp.string cimport string
from libcpp.vector cimport vector
from mlxcy.includes.mlx cimport array, Dtype, StreamOrDevice, Shape

cdef extern from "mlx/fast.h" namespace "mlx::core::fast" nogil:
    array rms_norm(const array&, const optional[array]&, float, StreamOrDevice) except +
    array layer_norm(const array&, const optional[array]&, const optional[array]&, float,
                     StreamOrDevice) except +
    array cross_entropy(const array&, const array&, StreamOrDevice) except +
    array rope(const array&, int, bool, optional[float], float, int, const optional[array]&,
               StreamOrDevice) except +
    array rope(const array&, int, bool, optional[float], float, const array&, const optional[array]&,
               StreamOrDevice) except +
    array scaled_dot_product_attention(const array&, const array&, const array&, float,
                                       const string&, optional[array], const optional[array]&, bool,
                                       StreamOrDevice) except +
    vector[array] gated_delta_update(const array&, const array&, const array&, const array&,
                                     const array&, const optional[array]&, const optional[array]&,
                                     StreamOrDevice) except +

cdef extern from "src/fast.h" namespace "mlxcy" nogil:
    cdef cppclass CustomKernel:
        pass
    CustomKernel* make_metal_kernel(const string&, const vector[string]&, const vector[string]&,
                                    const string&, const string&, bool, bool, int) except +
    CustomKernel* make_cuda_kernel(const string&, const vector[string]&, const vector[string]&,
                                   const string&, const string&, bool, int) except +
    void free_kernel(CustomKernel*)
    vector[array] run_kernel(CustomKernel*, const vector[array]&, const vector[Shape]&,
                             const vector[Dtype]&, int, int, int, int, int, int,
                             const vector[string]&, const vector[int]&, const vector[int]&,
                             const vector[Dtype]&, optional[float], bool, StreamOrDevice) except +
    vector[array] run_precompiled_cuda(const string&, const string&, const vector[array]&,
                                       const vector[Shape]&, const vector[Dtype]&, const vector[int]&,
                                       const vector[double]&, int, int, int, int, int, int, int,
                                       optional[float], bool, StreamOrDevice) except +
