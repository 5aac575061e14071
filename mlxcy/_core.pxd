# The array type and the conversions every other extension module shares.
# Other modules `from mlxcy._core cimport ...`; cdef functions here are exported via capsules.
from libcpp.optional cimport optional
from libcpp.vector cimport vector
from mlxcy.includes.mlx cimport (array as c_array, Dtype as c_Dtype, Stream as c_Stream,
                                 Device as c_Device, StreamOrDevice, Shape)


cdef class Dtype:
    cdef int _val
    cdef int _size
    cdef c_Dtype c(self)


cdef class Device:
    cdef int _type
    cdef int _index


cdef class Stream:
    cdef int _index
    cdef Device _device


cdef class array:
    cdef c_array _a
    cdef object __weakref__


# Wrapping and unwrapping
cdef array wrap(const c_array& a)
cdef array wrap_tmp(c_array& a)                  # wrap() moving from an op's result (a temporary)
cdef list wrap_list(const vector[c_array]& v)
cdef int check_copyable(const c_array& x) except -1
cdef int check_integer_division(const c_array& a, const c_array& b, bint zero_crashes) except -1
cdef c_array* cptr(array a)                      # borrowed pointer to the C++ array

# Converting Python values to C++ arrays. `out` receives the result.
cdef int to_c(object x, optional[c_array]& out) except -1
cdef int to_c_dtype_of(object x, c_Dtype d, optional[c_array]& out) except -1
# Two operands of a binary op, with the reference's weak-scalar promotion.
cdef int to_c_pair(object a, object b, optional[c_array]& ca, optional[c_array]& cb, str opname) except -1
cdef vector[c_array] to_c_list(object seq) except *
# A float/int operand of an op that always makes a new array (arithmetic, comparison) as a cached
# constant 0-d array; False where the general conversion is needed.
cdef bint cached_operand(object x, c_Dtype other, optional[c_array]& out) except -1

# Trees of arrays: the arrays of nested lists/tuples/dicts into `out` (or `cpp_out` if `out` is None);
# other leaves skipped, or a ValueError naming `strict`.
cdef int tree_arrays(object tree, list out, vector[c_array]* cpp_out, str strict) except -1
cdef int set_random_state(object state) except -1   # mx.random.state: the thread's key list in trees
cdef object random_state_view(object tree)

# Arguments
cdef bint to_flag(object x, str fn, str name) except -1   # bool parameters (strict)
cdef int to_int32(object x, str fn, str name) except? -1  # int parameters (32 bits)
cdef object to_opt_flag(object x, str fn, str name)       # bool | None parameters
cdef StreamOrDevice to_sod(object stream) except *
cdef c_Dtype to_c_dtype(object dtype) except *
cdef Dtype py_dtype(c_Dtype d)
cdef bint fast_shape(object seq, Shape& out) except -1   # list/tuple of 32-bit ints, else False
cdef Shape to_c_shape(object shape) except *
cdef tuple shape_tuple(const Shape& s)
cdef vector[int] to_axes(object axis) except *   # int or sequence of ints
