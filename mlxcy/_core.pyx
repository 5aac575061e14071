# cython: language_level=3, cpp_locals=True, boundscheck=False, wraparound=False
# cython: embedsignature=True, binding=True
"""The array type, dtypes, devices, streams, evaluation and memory controls."""
cimport cython
from cpython.buffer cimport PyBUF_WRITABLE, PyBUF_FORMAT, PyBUF_ND, PyBUF_STRIDES, PyBuffer_Release, PyObject_GetBuffer, PyBuffer_ToContiguous, PyBUF_RECORDS_RO, PyBuffer_IsContiguous
from cpython.object cimport PyObject
from cpython.ref cimport Py_INCREF
from cython.operator cimport dereference as deref
from libc.stdint cimport int8_t, int16_t, int32_t, int64_t, uint8_t, uint16_t, uint32_t, uint64_t, uintptr_t
from libc.string cimport memcpy
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
from cpython.number cimport PyNumber_Index

import enum as _enum
import math as _math
import sys as _sys

cdef extern from "src/mlxcy_core.h" namespace "mlxcy":
    c_Dtype dtype_from_val(int)
    int dtype_val(const c_Dtype&)
    Shape to_shape(const vector[int]&)
    c_array array_view_of(void*, const Shape&, c_Dtype, PyObject*) except +
    c_array array_copy_of(const void*, size_t, const Shape&, c_Dtype) except +
    c_array array_uninit(size_t, const Shape&, c_Dtype) except +
    void* raw_data(c_array&)
    c_array array_from_values[T](T*, const Shape&, c_Dtype) except +
    c_array array_from_complex(double, double, c_Dtype) except +
    c_array array_from_complex_values(vector[ccomplex[float]]&, const Shape&, c_Dtype) except +
    ccomplex[float] item_complex(c_array&) except + nogil
    string array_to_string(const c_array&) except + nogil
    string dtype_to_string(const c_Dtype&)
    int get_print_precision()
    void set_print_precision(int)
    StreamOrDevice sod_default() nogil
    StreamOrDevice sod_stream(const c_Stream&)
    StreamOrDevice sod_device(const c_Device&)
    c_Device make_device(int, int)
    c_Stream make_stream(int, int, int)
    c_array first_axis_item(const c_array&, int) except +
    void use_python_bool_printing()
    StreamOrDevice sod_thread_local(int, int, int)
    c_Stream resolve_thread_local(int, int, int) except +

use_python_bool_printing()

include "_args.pxi"
include "_dtypes.pxi"
include "_devices.pxi"
include "_convert.pxi"
include "_array.pxi"
include "_runtime.pxi"
include "_indexing.pxi"
include "_dlpack.pxi"
