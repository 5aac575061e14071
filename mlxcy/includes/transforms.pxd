# Declarations of the transform bridges in src/transforms.h (over mlx/transforms.h, mlx/compile.h).
from cpython.object cimport PyObject
from libc.stdint cimport uint64_t, uintptr_t
from libcpp cimport bool
from libcpp.vector cimport vector
from mlxcy.includes.mlx cimport array

from mlxcy.includes.python_bridge cimport raise_py_error

cdef extern from "src/transforms.h" namespace "mlxcy":
    ctypedef int (*FlatCb)(PyObject*, const vector[array]&, vector[array]&) except -1
    ctypedef int (*ExtraCb)(PyObject*, const vector[array]&, vector[array]&, PyObject**) except -1
    ctypedef int (*VjpCb)(PyObject*, const vector[array]&, const vector[array]&, const vector[array]&,
                          vector[array]&) except -1
    ctypedef int (*JvpCb)(PyObject*, const vector[array]&, const vector[array]&, const vector[int]&,
                          vector[array]&) except -1
    ctypedef int (*VmapCb)(PyObject*, const vector[array]&, const vector[int]&, vector[array]&, vector[int]&) except -1

    void value_and_grad(PyObject*, FlatCb, const vector[array]&, const vector[int]&,
                        vector[array]&, vector[array]&) except +raise_py_error
    void vjp(PyObject*, FlatCb, const vector[array]&, const vector[array]&,
             vector[array]&, vector[array]&) except +raise_py_error
    void jvp(PyObject*, FlatCb, const vector[array]&, const vector[array]&,
             vector[array]&, vector[array]&) except +raise_py_error
    void vmap_trace(PyObject*, FlatCb, const vector[array]&, const vector[int]&,
                    vector[array]&, vector[array]&) except +raise_py_error
    vector[array] vmap_replace(const vector[array]&, const vector[array]&, const vector[array]&,
                               const vector[int]&, const vector[int]&) except +raise_py_error
    vector[array] checkpoint(PyObject*, FlatCb, const vector[array]&) except +raise_py_error
    vector[array] custom_function(PyObject*, FlatCb, VjpCb, JvpCb, VmapCb,
                                  const vector[array]&) except +raise_py_error

    cdef cppclass CompileHandle:
        CompileHandle()
        uintptr_t fun_id
    void compile_handle_init(CompileHandle&, uintptr_t)
    void compile_handle_erase(CompileHandle&)
    void compiled_call(PyObject*, ExtraCb, const CompileHandle&, bool, vector[uint64_t]&,
                       const vector[array]&, vector[array]&, PyObject**) except +raise_py_error
    void set_compile_enabled(bool)
    array zeros_like(const array&) except +raise_py_error
    array stop_gradient(const array&) except +raise_py_error
