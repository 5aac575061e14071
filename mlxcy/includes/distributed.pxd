# mlx/distributed/distributed.h and ops.h
from libcpp cimport bool
from libcpp.string cimport string
from libcpp.optional cimport optional
from mlxcy.includes.mlx cimport array, Dtype, StreamOrDevice, Shape

cdef extern from "mlx/distributed/distributed.h" namespace "mlx::core::distributed" nogil:
    cdef cppclass Group:
        Group(const Group&)
        int rank()
        int size()
        Group split(int, int) except +

    bool is_available()
    bool is_available(const string&)
    Group init(bool, const string&) except +

cdef extern from "mlx/distributed/ops.h" namespace "mlx::core::distributed" nogil:
    array all_sum(const array&, optional[Group], StreamOrDevice) except +
    array all_gather(const array&, optional[Group], StreamOrDevice) except +
    array all_max(const array&, optional[Group], StreamOrDevice) except +
    array all_min(const array&, optional[Group], StreamOrDevice) except +
    array sum_scatter(const array&, optional[Group], StreamOrDevice) except +
    array send(const array&, int, optional[Group], StreamOrDevice) except +
    array recv(Shape, Dtype, int, optional[Group], StreamOrDevice) except +
    array recv_like(const array&, int, optional[Group], StreamOrDevice) except +
