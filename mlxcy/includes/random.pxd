# mlx/random.h (split's pair form through src/random.h).
from libc.stdint cimport uint64_t
from libcpp.optional cimport optional
from libcpp.vector cimport vector
from mlxcy.includes.mlx cimport array, Dtype, StreamOrDevice, Shape

cdef extern from "mlx/random.h" namespace "mlx::core::random" nogil:
    array key(uint64_t) except +
    array split(const array&, int, StreamOrDevice) except +
    array uniform(const array&, const array&, const Shape&, Dtype, const optional[array]&,
                  StreamOrDevice) except +
    array normal(const Shape&, Dtype, const optional[array]&, const optional[array]&,
                 const optional[array]&, StreamOrDevice) except +
    array multivariate_normal(const array&, const array&, const Shape&, Dtype,
                              const optional[array]&, StreamOrDevice) except +
    array randint(const array&, const array&, const Shape&, Dtype, const optional[array]&,
                  StreamOrDevice) except +
    array bernoulli(const array&, const Shape&, const optional[array]&, StreamOrDevice) except +
    array bernoulli(const array&, const optional[array]&, StreamOrDevice) except +
    array truncated_normal(const array&, const array&, const Shape&, Dtype, const optional[array]&,
                           StreamOrDevice) except +
    array truncated_normal(const array&, const array&, Dtype, const optional[array]&,
                           StreamOrDevice) except +
    array gumbel(const Shape&, Dtype, const optional[array]&, StreamOrDevice) except +
    array categorical(const array&, int, const Shape&, const optional[array]&, StreamOrDevice) except +
    array categorical(const array&, int, int, const optional[array]&, StreamOrDevice) except +
    array categorical(const array&, int, const optional[array]&, StreamOrDevice) except +
    array laplace(const Shape&, Dtype, float, float, const optional[array]&, StreamOrDevice) except +
    array permutation(const array&, int, const optional[array]&, StreamOrDevice) except +
    array permutation(int, const optional[array]&, StreamOrDevice) except +

cdef extern from "src/random.h" namespace "mlxcy" nogil:
    vector[array] random_split2(const array&) except +
