# mlx/linalg.h (pair-returning functions through src/linalg.h).
from libcpp cimport bool
from libcpp.optional cimport optional
from libcpp.string cimport string
from libcpp.vector cimport vector
from mlxcy.includes.mlx cimport array, StreamOrDevice

cdef extern from "mlx/linalg.h" namespace "mlx::core::linalg" nogil:
    vector[array] svd(const array&, bool, StreamOrDevice) except +
    array inv(const array&, StreamOrDevice) except +
    array tri_inv(const array&, bool, StreamOrDevice) except +
    array cholesky(const array&, bool, StreamOrDevice) except +
    array pinv(const array&, StreamOrDevice) except +
    array cholesky_inv(const array&, bool, StreamOrDevice) except +
    vector[array] lu(const array&, StreamOrDevice) except +
    array solve(const array&, const array&, StreamOrDevice) except +
    array solve_triangular(const array&, const array&, bool, StreamOrDevice) except +
    array cross(const array&, const array&, int, StreamOrDevice) except +
    array eigvals(const array&, StreamOrDevice) except +
    array eigvalsh(const array&, string, StreamOrDevice) except +
    array det(const array&, StreamOrDevice) except +
    # norm: ord absent, a number, or a string ("fro", "nuc")
    array norm(const array&, const optional[vector[int]]&, bool, StreamOrDevice) except +
    array norm(const array&, double, const optional[vector[int]]&, bool, StreamOrDevice) except +
    array norm(const array&, const string&, const optional[vector[int]]&, bool, StreamOrDevice) except +

cdef extern from "src/linalg.h" namespace "mlxcy" nogil:
    vector[array] linalg_qr(const array&, StreamOrDevice) except +
    vector[array] linalg_lu_factor(const array&, StreamOrDevice) except +
    vector[array] linalg_eig(const array&, StreamOrDevice) except +
    vector[array] linalg_eigh(const array&, const string&, StreamOrDevice) except +
    vector[array] linalg_slogdet(const array&, StreamOrDevice) except +
