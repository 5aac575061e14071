# src/cpu_kernels.h: mlxcy's own CPU kernels (softmax, logsumexp, attention, rms_norm, layer_norm, rope), each op falling back
# to libmlx's where the kernel does not apply. logsumexp's two overloads are declared by the op
# table's generator (codegen/generate.py), as for the other regular ops.
from libcpp cimport bool
from libcpp.optional cimport optional
from libcpp.string cimport string
from libcpp.vector cimport vector
from mlxcy.includes.mlx cimport array, StreamOrDevice

cdef extern from "src/cpu_kernels.h" namespace "mlxcy::cpuk" nogil:
    bool cpu_has_avx2_fma()
    array softmax(const array&, bool, const vector[int]&, bool, StreamOrDevice) except +
    array rms_norm(const array&, const optional[array]&, float, bool, StreamOrDevice) except +
    array layer_norm(const array&, const optional[array]&, const optional[array]&, float, bool,
                     StreamOrDevice) except +
    array rope(const array&, int, bool, optional[float], float, int, const optional[array]&, bool,
               StreamOrDevice) except +
    array rope(const array&, int, bool, optional[float], float, const array&, const optional[array]&, bool,
               StreamOrDevice) except +
    array sdpa(const array&, const array&, const array&, float, const string&, optional[array],
               const optional[array]&, bool, StreamOrDevice) except +
