# The hand-written part of mlxcy._core (the array type, dtypes, devices, streams, evaluation and
# memory controls). codegen/generate.py writes _core.pyx: the module's directives, this file, then
# the array methods of the regular ops (codegen/regular_ops.py, `method` rows).
cimport cython
from cpython.buffer cimport PyBUF_WRITABLE, PyBUF_FORMAT, PyBUF_ND, PyBUF_STRIDES, PyBuffer_Release, PyObject_GetBuffer, PyBuffer_ToContiguous, PyBUF_RECORDS_RO, PyBuffer_IsContiguous
from cpython.object cimport PyObject, PyTypeObject
from cpython.ref cimport Py_INCREF
from cython.operator cimport dereference as deref
from libc.stdint cimport int8_t, int16_t, int32_t, int64_t, uint8_t, uint16_t, uint32_t, uint64_t, uintptr_t
from libc.string cimport memcpy
from libc cimport math as cmath
from libcpp cimport bool as cbool
from libcpp.complex cimport complex as ccomplex
from libcpp.optional cimport optional, nullopt
from libcpp.string cimport string
from libcpp.vector cimport vector

from mlxcy.includes cimport mlx as cx
from mlxcy.includes.mlx cimport (array as c_array, Dtype as c_Dtype, DtypeVal, DtypeCategory as c_DtypeCategory,
                                 Device as c_Device, DeviceType as c_DeviceType, Stream as c_Stream,
                                 StreamOrDevice, Shape, Strides)
from mlxcy.includes cimport ops as cops
from mlxcy.includes.core cimport (
    dtype_from_val, dtype_val, dtype_to_string, to_shape, to_strides,
    array_view_of, array_copy_of, array_uninit, array_from_values, array_from_complex,
    array_from_complex_values, byteswap_inplace,
    raw_data, to_list, item_of, item_complex, first_axis_item, data_is_foreign, BufferExport,
    make_buffer_export, free_buffer_export,
    array_to_string, get_print_precision, set_print_precision, use_python_bool_printing,
    sod_default, sod_stream, sod_device, sod_thread_local, make_device, make_stream,
    resolve_thread_local, device_info_dict, cuda_memory,
    output_unallocatable, throw_unallocatable, check_copyable_c,
    OP_ADD, OP_SUB, OP_MUL, OP_DIV, OP_FLOORDIV, OP_MOD, OP_POW, OP_MATMUL, OP_EQ, OP_NE, OP_LT,
    OP_LE, OP_GT, OP_GE, OP_AND, OP_OR, OP_XOR, OP_LSHIFT, OP_RSHIFT, is_bitwise_op, binary_op,
    DIVISION_BY_ZERO, DIVISION_OVERFLOW, integer_division_fault, cached_float_scalar, cached_int_scalar)
from mlxcy.includes.exit_guard cimport (
    finish_libmlx_calls, counted_eval, counted_async_eval, counted_array_eval, counted_synchronize)
from mlxcy.includes.dlpack cimport (
    MlxcyDLTensor, MlxcyDLManagedTensor, MlxcyDLManagedTensorVersioned, dl_make_capsule, dl_array_view,
    dl_array_view_unified, dl_strided_copy, cuda_synchronize, cuda_memory_is_unified, cuda_copy_in)
from cpython.number cimport PyNumber_Index
from cpython.long cimport PyLong_AsLongLongAndOverflow, PyLong_AsLongAndOverflow, PyLong_CheckExact
from cpython.list cimport PyList_GET_SIZE
from cpython.tuple cimport PyTuple_GET_SIZE
from cpython.sequence cimport PySequence_Fast_GET_ITEM

import atexit as _atexit
import enum as _enum
import sys as _sys


use_python_bool_printing()

include "_args.pxi"
include "_dtypes.pxi"
include "_devices.pxi"
include "_convert.pxi"
include "_array.pxi"
include "_runtime.pxi"
include "_indexing.pxi"
include "_dlpack.pxi"
