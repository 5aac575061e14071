# src/exit_guard.h: the long GIL-free libmlx calls, counted so that interpreter exit can wait for
# daemon threads still inside them (see the header). Declared once here.
from libcpp cimport bool
from libcpp.vector cimport vector
from mlxcy.includes.mlx cimport array, Stream

cdef extern from "src/exit_guard.h" namespace "mlxcy" nogil:
    bool finish_libmlx_calls(int timeout_ms)
    void counted_eval(vector[array]&) except +
    void counted_async_eval(vector[array]&) except +
    void counted_array_eval(array&) except +
    void counted_synchronize(Stream) except +
