# src/ops_math.h: mlxcy's op-code dispatchers for the reductions, scans and sorts (and nan_to_num),
# declared once. The op codes are C++ enums, so they cannot drift from the header.
from libcpp cimport bool
from libcpp.vector cimport vector
from mlxcy.includes.mlx cimport array, Dtype, StreamOrDevice

cdef extern from "src/ops_math.h" namespace "mlxcy" nogil:
    array nan_to_num_op(const array&, float, bool, float, bool, float, StreamOrDevice) except +

    cdef enum ScanOp:
        S_CUMSUM, S_CUMPROD, S_CUMMAX, S_CUMMIN, S_LOGCUMSUMEXP

    cdef enum SortOp:
        SO_SORT, SO_ARGSORT, SO_PARTITION, SO_ARGPARTITION, SO_TOPK

    array reduction_input(const array&, StreamOrDevice) except +   # empty strided views made fresh
    array moment_op(bool, const array&, bool, const vector[int]&, bool, int, StreamOrDevice) except +
    array softmax_op(const array&, bool, const vector[int]&, bool, StreamOrDevice) except +
    vector[array] minmax_op(const array&, bool, const vector[int]&, bool, StreamOrDevice) except +
    array scan_op(int, const array&, bool, int, bool, bool, bool, Dtype, StreamOrDevice) except +
    array sort_op(int, const array&, bool, int, int, StreamOrDevice) except +
    array trace_op(const array&, int, int, int, bool, Dtype, StreamOrDevice) except +
