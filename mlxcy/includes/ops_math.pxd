# src/ops_math.h: mlxcy's op-code dispatchers for the regular ops (element-wise math, reductions,
# scans, sorts), declared once. The op codes are C++ enums, so they cannot drift from the header.
from libcpp cimport bool
from libcpp.vector cimport vector
from mlxcy.includes.mlx cimport array, Dtype, StreamOrDevice

cdef extern from "src/ops_math.h" namespace "mlxcy" nogil:
    cdef enum UnaryOp:
        U_ABS, U_ARCCOS, U_ARCCOSH, U_ARCSIN, U_ARCSINH, U_ARCTAN, U_ARCTANH,
        U_CEIL, U_FLOOR, U_TRUNC, U_COS, U_COSH, U_SIN, U_SINH, U_TAN, U_TANH,
        U_EXP, U_EXPM1, U_LOG, U_LOG10, U_LOG1P, U_LOG2, U_SQRT, U_RSQRT, U_SQUARE,
        U_RECIPROCAL, U_SIGN, U_SIGMOID, U_ERF, U_ERFINV, U_NEGATIVE, U_POSITIVE,
        U_DEGREES, U_RADIANS, U_LOGICAL_NOT, U_BITWISE_INVERT, U_ISNAN, U_ISINF,
        U_ISFINITE, U_ISPOSINF, U_ISNEGINF, U_REAL, U_IMAG, U_CONJ, U_STOP_GRADIENT

    cdef enum MathBinaryOp:
        B_ARCTAN2, B_LOGADDEXP, B_MAXIMUM, B_MINIMUM, B_LOGICAL_AND, B_LOGICAL_OR, B_LOGICAL_XOR

    array unary_op(int, const array&, StreamOrDevice) except +
    array math_binary_op(int, const array&, const array&, StreamOrDevice) except +
    array nan_to_num_op(const array&, float, bool, float, bool, float, StreamOrDevice) except +

    cdef enum ReduceOp:
        R_ALL, R_ANY, R_SUM, R_PROD, R_MEAN, R_MEDIAN, R_MIN, R_MAX,
        R_LOGSUMEXP, R_COUNT_NONZERO, R_ARGMIN, R_ARGMAX

    cdef enum ScanOp:
        S_CUMSUM, S_CUMPROD, S_CUMMAX, S_CUMMIN, S_LOGCUMSUMEXP

    cdef enum SortOp:
        SO_SORT, SO_ARGSORT, SO_PARTITION, SO_ARGPARTITION, SO_TOPK

    array reduce_op(int, const array&, bool, const vector[int]&, bool, StreamOrDevice) except +
    array moment_op(bool, const array&, bool, const vector[int]&, bool, int, StreamOrDevice) except +
    array softmax_op(const array&, bool, const vector[int]&, bool, StreamOrDevice) except +
    vector[array] minmax_op(const array&, bool, const vector[int]&, bool, StreamOrDevice) except +
    array scan_op(int, const array&, bool, int, bool, bool, bool, Dtype, StreamOrDevice) except +
    array sort_op(int, const array&, bool, int, int, StreamOrDevice) except +
    array trace_op(const array&, int, int, int, bool, Dtype, StreamOrDevice) except +
