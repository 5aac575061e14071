# Declarations of MLX's core C++ types (array.h, dtype.h, device.h, stream.h, utils.h,
# memory.h, transforms.h eval). Ops live in includes/ops.pxd; namespaces in their own files.
from libc.stdint cimport int32_t, int64_t, uint8_t, uint64_t, uintptr_t
from libcpp cimport bool
from libcpp.string cimport string
from libcpp.vector cimport vector
from libcpp.optional cimport optional


cdef extern from "mlx/small_vector.h" namespace "mlx::core":
    cdef cppclass SmallVector[T]:
        SmallVector()
        size_t size()
        T& operator[](size_t)
        void push_back(T&)
        void clear()
        void reserve(size_t)
        T* begin()
        T* end()


cdef extern from "mlx/device.h" namespace "mlx::core":
    cdef enum class DeviceType "mlx::core::Device::DeviceType":
        cpu "mlx::core::Device::DeviceType::cpu"
        gpu "mlx::core::Device::DeviceType::gpu"


cdef extern from "src/mlxcy_types.h":
    cdef cppclass Dtype "mlxcy::DtypeD":
        DtypeVal val()
        uint8_t size()
        bool operator==(const Dtype&)
        bool operator!=(const Dtype&)

    cdef cppclass Device "mlxcy::DeviceD":
        DeviceType type
        int index
        bool operator==(const Device&)

    cdef cppclass Stream "mlxcy::StreamD":
        int index
        Device device
        bool operator==(const Stream&)


cdef extern from "mlx/dtype.h" namespace "mlx::core":
    cdef enum class DtypeVal "mlx::core::Dtype::Val":
        bool_ "mlx::core::Dtype::Val::bool_"
        uint8 "mlx::core::Dtype::Val::uint8"
        uint16 "mlx::core::Dtype::Val::uint16"
        uint32 "mlx::core::Dtype::Val::uint32"
        uint64 "mlx::core::Dtype::Val::uint64"
        int8 "mlx::core::Dtype::Val::int8"
        int16 "mlx::core::Dtype::Val::int16"
        int32 "mlx::core::Dtype::Val::int32"
        int64 "mlx::core::Dtype::Val::int64"
        float16 "mlx::core::Dtype::Val::float16"
        float32 "mlx::core::Dtype::Val::float32"
        float64 "mlx::core::Dtype::Val::float64"
        bfloat16 "mlx::core::Dtype::Val::bfloat16"
        complex64 "mlx::core::Dtype::Val::complex64"

    cdef enum class DtypeCategory "mlx::core::Dtype::Category":
        complexfloating "mlx::core::Dtype::Category::complexfloating"
        floating "mlx::core::Dtype::Category::floating"
        inexact "mlx::core::Dtype::Category::inexact"
        signedinteger "mlx::core::Dtype::Category::signedinteger"
        unsignedinteger "mlx::core::Dtype::Category::unsignedinteger"
        integer "mlx::core::Dtype::Category::integer"
        number "mlx::core::Dtype::Category::number"
        generic "mlx::core::Dtype::Category::generic"

    # Dtype, Device and Stream are declared in the block below (default-constructible stand-ins).

    bool issubdtype(const Dtype&, const Dtype&)
    bool issubdtype(const DtypeCategory&, const Dtype&)
    bool issubdtype(const Dtype&, const DtypeCategory&)
    bool issubdtype(const DtypeCategory&, const DtypeCategory&)
    Dtype promote_types(const Dtype&, const Dtype&)

    # The dtype constants (mlx::core::float32, ...)
    const Dtype bool_
    const Dtype uint8
    const Dtype uint16
    const Dtype uint32
    const Dtype uint64
    const Dtype int8
    const Dtype int16
    const Dtype int32
    const Dtype int64
    const Dtype float16
    const Dtype float32
    const Dtype float64
    const Dtype bfloat16
    const Dtype complex64


cdef extern from "mlx/device.h" namespace "mlx::core":


    const Device& default_device()
    void set_default_device(const Device&) except +
    bool is_available(const Device&)
    int device_count(DeviceType) except +


cdef extern from "mlx/stream.h" namespace "mlx::core":

    Stream default_stream(Device) except +
    void set_default_stream(Stream) except +
    Stream new_stream(Device) except +
    Stream new_thread_unsafe_stream(Device) except +
    Stream new_thread_local_stream(Device) except +
    void clear_streams() except +
    void synchronize() except + nogil
    void synchronize(Stream) except + nogil


cdef extern from "mlx/allocator.h" namespace "mlx::core::allocator":
    cdef cppclass Buffer:
        void* raw_ptr()
    cdef cppclass Data:
        pass


cdef extern from "mlx/array.h" namespace "mlx::core":
    ctypedef SmallVector[int32_t] Shape
    ctypedef SmallVector[int64_t] Strides

    cdef cppclass array_flags "mlx::core::array::Flags":
        bool contiguous
        bool row_contiguous
        bool col_contiguous

    cdef enum array_status "mlx::core::array::Status":
        unscheduled "mlx::core::array::unscheduled"
        evaluated "mlx::core::array::evaluated"
        available "mlx::core::array::available"

    cdef cppclass array:
        array(const array&)
        array(bool, Dtype)
        array(int64_t, Dtype)
        array(double, Dtype)
        size_t itemsize()
        size_t size()
        size_t nbytes()
        size_t ndim()
        const Shape& shape()
        int32_t shape(int)
        const Strides& strides()
        Dtype dtype()
        void eval() except + nogil
        bool is_available()
        uintptr_t id()
        bool has_primitive()
        const array_flags& flags()
        size_t data_size()
        int64_t offset()
        array_status status()
        void wait() except + nogil
        void detach()
        bool is_donatable()
        T* data[T]()
        T item[T]() except + nogil
        vector[array]& inputs()
        vector[array]& siblings()
        Buffer buffer()


cdef extern from "mlx/utils.h" namespace "mlx::core":
    cdef cppclass StreamOrDevice:
        StreamOrDevice()
        StreamOrDevice(Stream)
        StreamOrDevice(Device)

    Stream to_stream(StreamOrDevice) except +

    cdef cppclass finfo:
        finfo(Dtype) except +
        Dtype dtype
        int bits
        double min
        double max
        double eps
        double smallest_normal

    cdef cppclass iinfo:
        iinfo(Dtype) except +
        Dtype dtype
        int64_t min
        uint64_t max

    Dtype result_type(const vector[array]&) except +
    Shape broadcast_shapes(const Shape&, const Shape&) except +


cdef extern from "mlx/memory.h" namespace "mlx::core":
    size_t get_active_memory()
    size_t get_array_buffer_size(const vector[array]&) except +
    size_t get_peak_memory()
    void reset_peak_memory()
    size_t get_cache_memory()
    size_t set_memory_limit(size_t) except +
    size_t get_memory_limit()
    size_t set_cache_limit(size_t) except +
    void clear_cache()
    size_t set_wired_limit(size_t) except +


cdef extern from "mlx/transforms.h" namespace "mlx::core":
    void eval(vector[array]) except + nogil
    void async_eval(vector[array]) except + nogil


cdef extern from "mlx/version.h" namespace "mlx::core":
    const char* version()
