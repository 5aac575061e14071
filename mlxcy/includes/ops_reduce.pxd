# Declarations for _ops_reduce.pyx: the reduction/scan/sort dispatchers of src/ops_math.h and
# the mlx/ops.h functions with their own signatures.
from libcpp cimport bool
from libcpp.optional cimport optional
from libcpp.string cimport string
from libcpp.vector cimport vector
from mlxcy.includes.mlx cimport array, Dtype, StreamOrDevice

cdef extern from "src/ops_math.h" namespace "mlxcy" nogil:
    cdef enum ReduceOp:
        R_ALL, R_ANY, R_SUM, R_PROD, R_MEAN, R_VAR, R_STD, R_MEDIAN, R_MIN, R_MAX,
        R_LOGSUMEXP, R_COUNT_NONZERO, R_ARGMIN, R_ARGMAX, R_SOFTMAX

    cdef enum ScanOp:
        S_CUMSUM, S_CUMPROD, S_CUMMAX, S_CUMMIN, S_LOGCUMSUMEXP

    cdef enum SortOp:
        SO_SORT, SO_ARGSORT, SO_PARTITION, SO_ARGPARTITION, SO_TOPK

    array reduce_op(int, const array&, bool, const vector[int]&, bool, int, StreamOrDevice) except +
    vector[array] minmax_op(const array&, bool, const vector[int]&, bool, StreamOrDevice) except +
    array scan_op(int, const array&, bool, int, bool, bool, bool, Dtype, StreamOrDevice) except +
    array sort_op(int, const array&, bool, int, int, StreamOrDevice) except +
    array trace_op(const array&, int, int, int, bool, Dtype, StreamOrDevice) except +

cdef extern from "mlx/ops.h" namespace "mlx::core" nogil:
    array searchsorted(const array&, const array&, const string&, StreamOrDevice) except +
    vector[array] unique(const array&, int, bool, bool, bool, const optional[array]&, StreamOrDevice) except +
