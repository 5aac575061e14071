# src/ops_math.h: mlxcy's helpers for the reductions the op table does not generate, declared once.
from libcpp cimport bool
from libcpp.vector cimport vector
from mlxcy.includes.mlx cimport array, Dtype, StreamOrDevice

cdef extern from "src/ops_math.h" namespace "mlxcy" nogil:
    array nan_to_num_op(const array&, float, bool, float, bool, float, StreamOrDevice) except +

    array reduction_input(const array&, StreamOrDevice) except +   # empty strided views made fresh
    bool empty_view_risk(const array&)                                # whether reduction_input copies
    array moment_op(bool, const array&, bool, const vector[int]&, bool, int, StreamOrDevice) except +
    vector[array] minmax_op(const array&, bool, const vector[int]&, bool, StreamOrDevice) except +
    array trace_op(const array&, int, int, int, bool, Dtype, StreamOrDevice) except +
