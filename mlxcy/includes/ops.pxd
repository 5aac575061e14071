# mlx/ops.h and mlx/einsum.h: the one declaration of MLX's op functions every module cimports
# (`from mlxcy.includes cimport ops`), except the regular ops of codegen/regular_ops.py, whose
# declarations codegen/generate.py writes into the modules it generates. Overloads are declared as
# the header has them.
from libcpp cimport bool
from libcpp.optional cimport optional
from libcpp.pair cimport pair
from libcpp.string cimport string
from libcpp.vector cimport vector
from mlxcy.includes.mlx cimport array, Dtype, StreamOrDevice, Shape, Strides


cdef extern from "<tuple>" namespace "std" nogil:
    # The (d, h, w) triples conv3d / conv_transpose3d take.
    cdef cppclass int3 "std::tuple<int, int, int>":
        int3()
        int3(int, int, int)


cdef extern from "mlx/ops.h" namespace "mlx::core" nogil:
    # creation
    array zeros(const Shape&, Dtype, StreamOrDevice) except +
    array ones(const Shape&, Dtype, StreamOrDevice) except +
    array full(Shape, array, Dtype, StreamOrDevice) except +
    array full(Shape, array, StreamOrDevice) except +
    array zeros_like(const array&, Dtype, StreamOrDevice) except +
    array ones_like(const array&, Dtype, StreamOrDevice) except +
    array arange(double, double, double, Dtype, StreamOrDevice) except +
    array linspace(double, double, int, bool, Dtype, StreamOrDevice) except +
    array eye(int, int, int, Dtype, StreamOrDevice) except +
    array identity(int, Dtype, StreamOrDevice) except +
    array tri(int, int, int, Dtype, StreamOrDevice) except +
    array tril(array, int, StreamOrDevice) except +
    array triu(array, int, StreamOrDevice) except +
    vector[array] meshgrid(const vector[array]&, bool, const string&, StreamOrDevice) except +
    array hanning(int, StreamOrDevice) except +
    array hamming(int, StreamOrDevice) except +
    array bartlett(int, StreamOrDevice) except +
    array blackman(int, StreamOrDevice) except +

    # shapes
    array reshape(const array&, Shape, StreamOrDevice) except +
    array flatten(const array&, int, int, StreamOrDevice) except +
    array unflatten(const array&, int, Shape, StreamOrDevice) except +
    array squeeze(const array&, const vector[int]&, StreamOrDevice) except +
    array squeeze(const array&, StreamOrDevice) except +
    array squeeze(const array&, int, StreamOrDevice) except +
    array expand_dims(const array&, const vector[int]&, StreamOrDevice) except +
    array expand_dims(const array&, int, StreamOrDevice) except +
    array transpose(const array&, vector[int], StreamOrDevice) except +
    array transpose(const array&, StreamOrDevice) except +
    array matrix_transpose(const array&, StreamOrDevice) except +
    array swapaxes(const array&, int, int, StreamOrDevice) except +
    array moveaxis(const array&, int, int, StreamOrDevice) except +
    array broadcast_to(const array&, const Shape&, StreamOrDevice) except +
    vector[array] broadcast_arrays(const vector[array]&, StreamOrDevice) except +
    array atleast_1d(const array&, StreamOrDevice) except +
    array atleast_2d(const array&, StreamOrDevice) except +
    array atleast_3d(const array&, StreamOrDevice) except +
    array as_strided(array, Shape, Strides, size_t, StreamOrDevice) except +
    array view(const array&, const Dtype&, StreamOrDevice) except +
    array contiguous(const array&, bool, StreamOrDevice) except +
    array astype(array, Dtype, StreamOrDevice) except +
    array copy(array, StreamOrDevice) except +

    # joining and splitting
    array concatenate(vector[array], int, StreamOrDevice) except +
    array stack(const vector[array]&, int, StreamOrDevice) except +
    array stack(const vector[array]&, StreamOrDevice) except +
    vector[array] unstack(const array&, int, StreamOrDevice) except +
    vector[array] split(const array&, int, int, StreamOrDevice) except +
    vector[array] split(const array&, const Shape&, int, StreamOrDevice) except +
    array tile(const array&, vector[int], StreamOrDevice) except +
    array repeat(const array&, int, int, StreamOrDevice) except +
    array repeat(const array&, int, StreamOrDevice) except +
    array pad(const array&, const vector[pair[int, int]]&, const array&, const string&,
              StreamOrDevice) except +
    array roll(const array&, const Shape&, StreamOrDevice) except +
    array roll(const array&, const Shape&, const vector[int]&, StreamOrDevice) except +
    array roll(const array&, int, const vector[int]&, StreamOrDevice) except +
    array roll(const array&, const Shape&, int, StreamOrDevice) except +
    array flip(const array&, const vector[int]&, StreamOrDevice) except +
    array flip(const array&, StreamOrDevice) except +
    array diag(const array&, int, StreamOrDevice) except +
    array diagonal(const array&, int, int, int, StreamOrDevice) except +

    # indexing
    array slice(const array&, Shape, Shape, StreamOrDevice) except +
    array slice(const array&, Shape, Shape, Shape, StreamOrDevice) except +
    array slice(const array&, const array&, vector[int], Shape, StreamOrDevice) except +
    array slice_update(const array&, const array&, const array&, vector[int], StreamOrDevice) except +
    array take(const array&, const array&, int, StreamOrDevice) except +
    array take(const array&, const array&, StreamOrDevice) except +
    array take(const array&, int, int, StreamOrDevice) except +
    array take(const array&, int, StreamOrDevice) except +
    array take_along_axis(const array&, const array&, int, StreamOrDevice) except +
    array put_along_axis(const array&, const array&, const array&, int, StreamOrDevice) except +

    # element-wise math and logic (the regular ones, codegen/regular_ops.py, are declared by the
    # modules generated from that table: `c_<name>`)
    array round(const array&, int, StreamOrDevice) except +
    array clip(const array&, const optional[array]&, const optional[array]&, StreamOrDevice) except +
    array where(const array&, const array&, const array&, StreamOrDevice) except +
    array isclose(const array&, const array&, double, double, bool, StreamOrDevice) except +
    array allclose(const array&, const array&, double, double, bool, StreamOrDevice) except +
    array array_equal(const array&, const array&, bool, StreamOrDevice) except +
    array diff(const array&, int, int, StreamOrDevice) except +
    vector[array] divmod(const array&, const array&, StreamOrDevice) except +
    vector[array] depends(const vector[array]&, const vector[array]&) except +

    # reductions, sorting, searching (the regular reductions: codegen/regular_ops.py)
    array argmin(const array&, bool, StreamOrDevice) except +
    array argmin(const array&, int, bool, StreamOrDevice) except +
    array argmax(const array&, bool, StreamOrDevice) except +
    array argmax(const array&, int, bool, StreamOrDevice) except +
    array searchsorted(const array&, const array&, const string&, StreamOrDevice) except +
    vector[array] unique(const array&, int, bool, bool, bool, const optional[array]&, StreamOrDevice) except +

    # matrix products, convolutions, quantization
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
