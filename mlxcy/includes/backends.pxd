# mlx/backend/metal/metal.h and mlx/backend/cuda/cuda.h: backend queries and GPU capture.
from libcpp cimport bool
from libcpp.string cimport string

cdef extern from "mlx/backend/metal/metal.h" namespace "mlx::core::metal" nogil:
    bool metal_is_available "mlx::core::metal::is_available"()
    void start_capture(string) except +
    void stop_capture() except +

cdef extern from "mlx/backend/cuda/cuda.h" namespace "mlx::core::cu" nogil:
    bool cuda_is_available "mlx::core::cu::is_available"()
