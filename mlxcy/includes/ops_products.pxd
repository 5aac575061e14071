# mlx/ops.h and mlx/einsum.h declarations used by _ops_products.pyx: matrix products,
# einsum, convolutions and quantization.
from libcpp cimport bool
from libcpp.optional cimport optional
from libcpp.pair cimport pair
from libcpp.string cimport string
from libcpp.vector cimport vector
from mlxcy.includes.mlx cimport array, Dtype, StreamOrDevice


cdef extern from "<tuple>" namespace "std" nogil:
    # The (d, h, w) triples conv3d / conv_transpose3d take.
    cdef cppclass int3 "std::tuple<int, int, int>":
        int3()
        int3(int, int, int)


cdef extern from "mlx/ops.h" namespace "mlx::core" nogil:
    array addmm(array, array, array, const float&, const float&, StreamOrDevice) except +
    array inner(const array&, const array&, StreamOrDevice) except +
    array outer(const array&, const array&, StreamOrDevice) except +
    array vecdot(const array&, const array&, int, StreamOrDevice) except +
    array tensordot(const array&, const array&, const int, StreamOrDevice) except +
    array tensordot(const array&, const array&, const vector[int]&, const vector[int]&,
                    StreamOrDevice) except +
    array kron(const array&, const array&, StreamOrDevice) except +
    array block_masked_mm(array, array, int, optional[array], optional[array], optional[array],
                          StreamOrDevice) except +
    array gather_mm(array, array, optional[array], optional[array], bool, StreamOrDevice) except +
    array segmented_mm(array, array, array, StreamOrDevice) except +
    array hadamard_transform(const array&, optional[float], StreamOrDevice) except +

    array conv_general(array, array, vector[int], vector[int], vector[int], vector[int],
                       vector[int], int, bool, StreamOrDevice) except +
    array conv1d(const array&, const array&, int, int, int, int, StreamOrDevice) except +
    array conv2d(const array&, const array&, const pair[int, int]&, const pair[int, int]&,
                 const pair[int, int]&, int, StreamOrDevice) except +
    array conv3d(const array&, const array&, const int3&, const int3&, const int3&, int,
                 StreamOrDevice) except +
    array conv_transpose1d(const array&, const array&, int, int, int, int, int,
                           StreamOrDevice) except +
    array conv_transpose2d(const array&, const array&, const pair[int, int]&,
                           const pair[int, int]&, const pair[int, int]&, const pair[int, int]&,
                           int, StreamOrDevice) except +
    array conv_transpose3d(const array&, const array&, const int3&, const int3&, const int3&,
                           const int3&, int, StreamOrDevice) except +

    vector[array] quantize(const array&, optional[int], optional[int], const string&,
                           const optional[array]&, StreamOrDevice) except +
    array dequantize(const array&, const array&, const optional[array]&, optional[int],
                     optional[int], const string&, const optional[array]&, optional[Dtype],
                     StreamOrDevice) except +
    array quantized_matmul(const array&, const array&, const array&, const optional[array]&,
                           bool, optional[int], optional[int], const string&,
                           StreamOrDevice) except +
    array gather_qmm(const array&, const array&, const array&, const optional[array]&,
                     optional[array], optional[array], bool, optional[int], optional[int],
                     const string&, const optional[array]&, bool, StreamOrDevice) except +
    array qqmm(const array&, const array&, const optional[array]&, optional[int], optional[int],
               const string&, const optional[array]&, const optional[array]&,
               StreamOrDevice) except +
    array gather_qqmm(const array&, const array&, const optional[array]&,
                      const optional[array]&, const optional[array]&, optional[int],
                      optional[int], const string&, const optional[array]&,
                      const optional[array]&, bool, StreamOrDevice) except +
    array to_fp8(array, StreamOrDevice) except +
    array from_fp8(array, Dtype, StreamOrDevice) except +


cdef extern from "mlx/einsum.h" namespace "mlx::core" nogil:
    pair[vector[vector[int]], string] einsum_path(const string&, const vector[array]&) except +
    array einsum(const string&, const vector[array]&, StreamOrDevice) except +
