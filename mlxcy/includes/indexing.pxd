# src/indexing.h: NumPy-style indexing (array.__getitem__/__setitem__, array.at) and the index
# checks of issue 17, declared once.
from libcpp cimport bool
from libc.stdint cimport int64_t
from libcpp.string cimport string
from libcpp.vector cimport vector
from libcpp.optional cimport optional
from mlxcy.includes.mlx cimport array, Dtype, StreamOrDevice, Shape

cdef extern from "src/indexing.h" namespace "mlxcy" nogil:
    cdef cppclass IndexSpec:
        IndexSpec()
        Shape start, stop, strides, sizes
        bool sliced
        vector[int] int_axes
        vector[array] adv
        vector[int] adv_axes
        bool adjacent
        int adv_pos
        int adv_ndim
        vector[int] new_axes

    cdef enum IndexUpdateOp:
        UPD_SET, UPD_ADD, UPD_PROD, UPD_MAX, UPD_MIN

    array index_get(const array&, const IndexSpec&, StreamOrDevice) except +
    array index_update(const array&, const IndexSpec&, const array&, int, StreamOrDevice) except +
    array mask_update(const array&, const array&, const array&, StreamOrDevice) except +
    vector[array] mask_nonzero(array&) except +
    array update_first_axis(const array&, int, const array&, StreamOrDevice) except +
    array slice_first_axis(const array&, int, int, int, StreamOrDevice) except +
    void check_index_values(const array&, int64_t, const string&, bool) except +
    void check_batch_indices(const optional[array]&, const array&, const char*) except +
    void check_slice_window(const array&, const array&, const vector[int]&, const Shape&, const char*, bool) except +
