# src/python_bridge.h: the C++/Python bridge the other src/ headers share. Cython call sites of
# C++ functions that run Python callbacks declare `except +raise_py_error`, so a Python exception
# raised in the callback comes out unchanged (others translate as `except +` does).
cdef extern from "src/python_bridge.h" namespace "mlxcy":
    void raise_py_error()
