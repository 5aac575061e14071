# mlx/ops.h declarations used by _ops_shape.pyx (creation, shapes, joining, indexing ops).
from libcpp cimport bool
from libcpp.vector cimport vector
from mlxcy.includes.mlx cimport array, Dtype, StreamOrDevice, Shape

cdef extern from "mlx/ops.h" namespace "mlx::core" nogil:
    array zeros(const Shape&, Dtype, StreamOrDevice) except +
    array ones(const Shape&, Dtype, StreamOrDevice) except +
