# The cimports the sub-namespace modules (fft, linalg, random, fast) share: _core's converters and
# the argument layer of _arguments.pxd.
from cython.operator cimport dereference as deref
from libcpp.optional cimport optional, nullopt
from libcpp.vector cimport vector

from mlxcy._core cimport (array, wrap, wrap_list, to_c, to_sod, to_c_dtype, to_c_shape, to_flag, to_int32,
                          check_copyable)
from mlxcy.includes.mlx cimport array as c_array, Shape
from mlxcy._arguments cimport (array_arg, opt_array_arg, scalar_or_array_arg, shape_arg, int_list_arg,
                              opt_int_arg)
