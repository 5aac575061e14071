# cython: language_level=3, cpp_locals=True, embedsignature=True
"""Creation, shape manipulation, joining/splitting and indexing ops of mlx.core."""
from cython.operator cimport dereference as deref
from libcpp.optional cimport optional, nullopt

from mlxcy._core cimport array, wrap, to_c, to_sod, to_c_dtype, to_c_shape
from mlxcy.includes.mlx cimport array as c_array, float32
from mlxcy.includes cimport ops_shape as ops


def zeros(shape, dtype=None, *, stream=None):
    """An array of ``shape`` filled with zeros (float32 unless ``dtype``)."""
    return wrap(ops.zeros(to_c_shape(shape), float32 if dtype is None else to_c_dtype(dtype), to_sod(stream)))


def ones(shape, dtype=None, *, stream=None):
    """An array of ``shape`` filled with ones (float32 unless ``dtype``)."""
    return wrap(ops.ones(to_c_shape(shape), float32 if dtype is None else to_c_dtype(dtype), to_sod(stream)))
