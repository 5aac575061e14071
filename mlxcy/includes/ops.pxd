# The subset of mlx/ops.h that _core itself uses (dunders, conversions, printing).
# Each ops module declares what it needs in its own includes/ops_*.pxd.
from libcpp cimport bool
from libcpp.vector cimport vector
from mlxcy.includes.mlx cimport array, Dtype, StreamOrDevice, Shape

cdef extern from "mlx/ops.h" namespace "mlx::core" nogil:
    array astype(array, Dtype, StreamOrDevice) except +
    array copy(array, StreamOrDevice) except +
    array view(const array&, const Dtype&, StreamOrDevice) except +
    array reshape(const array&, Shape, StreamOrDevice) except +
    array transpose(const array&, StreamOrDevice) except +
    array transpose(const array&, vector[int], StreamOrDevice) except +
    array stack(const vector[array]&, StreamOrDevice) except +
    array contiguous(const array&, bool, StreamOrDevice) except +
    array negative(const array&, StreamOrDevice) except +
    array abs(const array&, StreamOrDevice) except +
    array bitwise_invert(const array&, StreamOrDevice) except +
    array real(const array&, StreamOrDevice) except +
    array imag(const array&, StreamOrDevice) except +
    array full(Shape, array, Dtype, StreamOrDevice) except +
    array slice(const array&, Shape, Shape, StreamOrDevice) except +
    array squeeze(const array&, int, StreamOrDevice) except +
