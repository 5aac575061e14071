# mlx/ops.h declarations used by _ops_shape.pyx (creation, shapes, joining, indexing ops).
from libcpp cimport bool
from libcpp.string cimport string
from libcpp.utility cimport pair
from libcpp.vector cimport vector
from mlxcy.includes.mlx cimport array, Dtype, StreamOrDevice, Shape, Strides

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
    array expand_dims(const array&, const vector[int]&, StreamOrDevice) except +
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

    # joining and splitting
    array concatenate(vector[array], int, StreamOrDevice) except +
    array stack(const vector[array]&, int, StreamOrDevice) except +
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
    array slice(const array&, const array&, vector[int], Shape, StreamOrDevice) except +
    array slice_update(const array&, const array&, const array&, vector[int], StreamOrDevice) except +
    array take(const array&, const array&, int, StreamOrDevice) except +
    array take(const array&, const array&, StreamOrDevice) except +
    array take(const array&, int, int, StreamOrDevice) except +
    array take(const array&, int, StreamOrDevice) except +
    array take_along_axis(const array&, const array&, int, StreamOrDevice) except +
    array put_along_axis(const array&, const array&, const array&, int, StreamOrDevice) except +


cdef extern from "mlx/utils.h" namespace "mlx::core" nogil:
    Shape broadcast_shapes(const Shape&, const Shape&) except +
