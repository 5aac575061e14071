# src/mlxcy_core.h: mlxcy's C++ helpers for the array type (conversions, printing, buffers,
# devices and streams, allocation checks, the dunders' op dispatch). Declared once here; the
# modules cimport the names they use.
from cpython.object cimport PyObject
from libc.stdint cimport int64_t
from libcpp cimport bool
from libcpp.complex cimport complex as ccomplex
from libcpp.string cimport string
from libcpp.vector cimport vector
from mlxcy.includes.mlx cimport array, Dtype, Device, Stream, StreamOrDevice, Shape, Strides

cdef extern from "src/mlxcy_core.h" namespace "mlxcy":
    # dtypes, shapes
    Dtype dtype_from_val(int)
    int dtype_val(const Dtype&)
    string dtype_to_string(const Dtype&)
    Shape to_shape(const vector[int]&)
    Strides to_strides(const vector[int64_t]&)

    # making arrays from host memory
    array array_view_of(void*, const Shape&, Dtype, PyObject*) except +
    array array_copy_of(const void*, size_t, const Shape&, Dtype) except +
    array array_uninit(size_t, const Shape&, Dtype) except +
    array array_from_values[T](T*, const Shape&, Dtype) except +
    array array_from_complex(double, double, Dtype) except +
    array array_from_complex_values(vector[ccomplex[float]]&, const Shape&, Dtype) except +
    void byteswap_inplace(char*, size_t, size_t)

    # reading arrays
    void* raw_data(array&)
    object to_list(array&) except +
    object item_of(array&) except +
    ccomplex[float] item_complex(array&) except + nogil
    array first_axis_item(const array&, int) except +
    bool data_is_foreign(const array&)
    cdef cppclass BufferExport:
        array arr
        const char* format
        Py_ssize_t* shape
        Py_ssize_t* strides
    BufferExport* make_buffer_export(const array&) except +
    void free_buffer_export(void*)

    # printing
    string array_to_string(const array&) except + nogil
    int get_print_precision()
    void set_print_precision(int)
    void use_python_bool_printing()

    # devices and streams
    StreamOrDevice sod_default() nogil
    StreamOrDevice sod_stream(const Stream&)
    StreamOrDevice sod_device(const Device&)
    StreamOrDevice sod_thread_local(int, int, int)
    Device make_device(int, int)
    Stream make_stream(int, int, int)
    Stream resolve_thread_local(int, int, int) except +
    object device_info_dict(const Device&) except +
    # Whether MLX's arrays live in CUDA memory (libmlx is the CUDA build).
    bool cuda_memory()

    # allocation checks (issue 17)
    bool output_unallocatable(const array&)
    void throw_unallocatable(const array&) except +
    # `check_copyable_c`: _core defines a Python-facing `check_copyable` of its own
    void check_copyable_c "mlxcy::check_copyable"(const array&) except +

    # the arithmetic, comparison and bitwise dunders
    cdef enum BinaryOp:
        OP_ADD, OP_SUB, OP_MUL, OP_DIV, OP_FLOORDIV, OP_MOD, OP_POW, OP_MATMUL,
        OP_EQ, OP_NE, OP_LT, OP_LE, OP_GT, OP_GE,
        OP_AND, OP_OR, OP_XOR, OP_LSHIFT, OP_RSHIFT
    bool is_bitwise_op(int)
    array binary_op(int, const array&, const array&, StreamOrDevice) except + nogil
    # Python scalar operands as cached constant 0-d arrays (operands only: see the header)
    array cached_float_scalar(double, Dtype) except +
    array cached_int_scalar(int64_t, Dtype) except +
    cdef enum IntegerDivisionFault:
        DIVISION_OK, DIVISION_BY_ZERO, DIVISION_OVERFLOW
    int integer_division_fault(const array&, const array&) except +
