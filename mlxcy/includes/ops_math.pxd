# Declarations for _ops_math.pyx: the op-code dispatchers of src/ops_math.h and the mlx/ops.h
# functions with their own signatures. Also the argument helper shared with _ops_reduce.pyx.
from cpython.number cimport PyNumber_Index
from libcpp cimport bool
from libcpp.optional cimport optional
from libcpp.string cimport string
from libcpp.vector cimport vector
from mlxcy.includes.mlx cimport array, Dtype, StreamOrDevice
from mlxcy._core cimport array as py_array, to_c

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

cdef extern from "mlx/ops.h" namespace "mlx::core" nogil:
    array round(const array&, int, StreamOrDevice) except +
    array clip(const array&, const optional[array]&, const optional[array]&, StreamOrDevice) except +
    array where(const array&, const array&, const array&, StreamOrDevice) except +
    array isclose(const array&, const array&, double, double, bool, StreamOrDevice) except +
    array allclose(const array&, const array&, double, double, bool, StreamOrDevice) except +
    array array_equal(const array&, const array&, bool, StreamOrDevice) except +
    array diff(const array&, int, int, StreamOrDevice) except +
    vector[array] divmod(const array&, const array&, StreamOrDevice) except +
    vector[array] depends(const vector[array]&, const vector[array]&) except +


cdef inline const array* as_c(object a, optional[array]& tmp) except NULL:
    """The C++ array of `a`: borrowed when `a` is an array, else converted into `tmp`."""
    if type(a) is py_array:
        return &(<py_array>a)._a
    if a is None:
        raise TypeError("Expected an array or array-like, got None")
    to_c(a, tmp)
    return &tmp.value()


cdef inline int as_int(object x) except? -1:
    """An int argument; floats are a TypeError (a plain C int argument would truncate them), and
    so is a value beyond 32 bits, as in the reference (not an OverflowError)."""
    v = PyNumber_Index(x)
    if not -2147483648 <= v <= 2147483647:
        raise TypeError(f"integer argument {v} does not fit in a 32-bit int")
    return v
