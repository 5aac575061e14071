# Declarations of MLX's I/O and export API (mlx/io.h, mlx/export.h) and of mlxcy's helpers
# for them (src/io.h).
from cpython.object cimport PyObject
from libcpp cimport bool
from libcpp.memory cimport shared_ptr
from libcpp.pair cimport pair
from libcpp.string cimport string
from libcpp.unordered_map cimport unordered_map
from libcpp.vector cimport vector
from mlxcy.includes.mlx cimport array, Shape, StreamOrDevice, Dtype
from mlxcy.includes.python_bridge cimport raise_py_error


cdef extern from "mlx/io/load.h" namespace "mlx::core::io":
    cdef cppclass Writer:
        pass


cdef extern from "mlx/io.h" namespace "mlx::core":
    cdef cppclass GGUFMetaData:
        pass
    cdef cppclass SafetensorsLoad:
        unordered_map[string, array] first
        unordered_map[string, string] second
    cdef cppclass GGUFLoad:
        unordered_map[string, array] first
        unordered_map[string, GGUFMetaData] second

    void save(string, array) except + nogil
    array load(string, StreamOrDevice) except + nogil
    SafetensorsLoad load_safetensors(const string&, StreamOrDevice) except + nogil
    void save_safetensors(string, unordered_map[string, array], unordered_map[string, string]) except + nogil
    GGUFLoad load_gguf(const string&, StreamOrDevice) except + nogil
    void save_gguf(string, unordered_map[string, array], unordered_map[string, GGUFMetaData]) except + nogil
    # the same writers into a Writer
    void save_to_writer "mlx::core::save"(shared_ptr[Writer], array) except + nogil
    void save_safetensors_to_writer "mlx::core::save_safetensors"(
        shared_ptr[Writer], unordered_map[string, array], unordered_map[string, string]) except + nogil


cdef extern from "mlx/export.h" namespace "mlx::core":
    cdef cppclass FunctionExporter:
        void close() except +
    cdef cppclass ImportedFunction:
        const string& metadata()
    cdef cppclass ExportCallbackInput:
        pass
    cdef cppclass ExportCallback:
        pass


cdef extern from "src/io.h" namespace "mlxcy":
    ctypedef unordered_map[string, GGUFMetaData] GGUFMeta
    cdef cppclass StringWriter:
        pass
    cdef cppclass PyTraceFn "std::function<std::vector<mlx::core::array>(const mlx::core::Args&, const mlx::core::Kwargs&)>":
        pass
    ctypedef int (*PyTraceCall)(PyObject*, const vector[array]&, const unordered_map[string, array]&,
                                vector[array]&) except -1
    ctypedef int (*PyExportCbCall)(PyObject*, const ExportCallbackInput&) except -1

    shared_ptr[StringWriter] make_string_writer()
    shared_ptr[Writer] as_writer(const shared_ptr[StringWriter]&) nogil
    object writer_bytes(const shared_ptr[StringWriter]&)

    void split_array_map(const unordered_map[string, array]&, vector[string]&, vector[array]&)
    void split_string_map(const unordered_map[string, string]&, vector[string]&, vector[string]&)
    void array_map_set(unordered_map[string, array]&, const string&, const array&)

    void gguf_set_array(GGUFMeta&, const string&, const array&)
    void gguf_set_string(GGUFMeta&, const string&, const string&)
    void gguf_set_strings(GGUFMeta&, const string&, const vector[string]&)
    vector[string] gguf_keys(const GGUFMeta&)
    int gguf_kind(const GGUFMeta&, const string&) except +
    array gguf_get_array(const GGUFMeta&, const string&) except +
    string gguf_get_string(const GGUFMeta&, const string&) except +
    vector[string] gguf_get_strings(const GGUFMeta&, const string&) except +

    SafetensorsLoad load_safetensors_reader(const char*, size_t, PyObject*, StreamOrDevice) except + nogil

    PyTraceFn py_trace_fun(PyObject*, PyTraceCall)
    ExportCallback py_export_callback(PyObject*, PyExportCbCall)
    void export_function_file(const string&, const PyTraceFn&, const vector[array]&,
                              const unordered_map[string, array]&, bool, const string&) except +raise_py_error
    void export_function_cb(const ExportCallback&, const PyTraceFn&, const vector[array]&,
                            const unordered_map[string, array]&, bool) except +raise_py_error
    shared_ptr[FunctionExporter] make_exporter_file(const string&, const PyTraceFn&, bool, const string&) except +raise_py_error
    shared_ptr[FunctionExporter] make_exporter_cb(const ExportCallback&, const PyTraceFn&, bool) except +raise_py_error
    void exporter_call(FunctionExporter&, const vector[array]&, const unordered_map[string, array]&) except +raise_py_error
    shared_ptr[ImportedFunction] import_function_ptr(const string&) except +
    vector[array] imported_call(const ImportedFunction&, const vector[array]&,
                                const unordered_map[string, array]&) except + nogil

    cdef enum CallbackValueKind:
        CB_TENSOR_INFO, CB_ARRAYS, CB_STRINGS, CB_STATE, CB_STRING
    vector[string] cbin_keys(const ExportCallbackInput&)
    int cbin_kind(const ExportCallbackInput&, const string&) except +
    size_t cbin_len(const ExportCallbackInput&, const string&) except +
    string cbin_info_name(const ExportCallbackInput&, const string&, size_t) except +
    Shape cbin_info_shape(const ExportCallbackInput&, const string&, size_t) except +
    int cbin_info_dtype(const ExportCallbackInput&, const string&, size_t) except +
    string cbin_pair_name(const ExportCallbackInput&, const string&, size_t) except +
    array cbin_pair_array(const ExportCallbackInput&, const string&, size_t) except +
    string cbin_pair_string(const ExportCallbackInput&, const string&, size_t) except +
    string cbin_string(const ExportCallbackInput&, const string&) except +
    object cbin_state(const ExportCallbackInput&, const string&, size_t, PyObject* (*)(int) noexcept) except +

    string export_dot_string(const vector[array]&, const vector[string]&, const vector[array]&) except +


cdef extern from "src/io_safetensors.h" namespace "mlxcy":
    cdef cppclass StFile:
        pass
    cdef cppclass StOpen:
        int err
        bool ok
        bool cpu
        shared_ptr[StFile] file
        vector[string] names
        vector[array] arrays
        vector[string] meta_keys
        vector[string] meta_values
    StOpen st_open(const string&, StreamOrDevice) except + nogil
    array st_entry_array(const shared_ptr[StFile]&, unsigned long long, const Shape&, Dtype, StreamOrDevice) except +
