// C++ helpers for mlxcy's I/O module: in-memory readers/writers for Python file-likes,
// GGUF metadata variants, Python callables as MLX export functions, DOT export to a string.
#pragma once
#include <Python.h>

#include <cstring>
#include <functional>
#include <memory>
#include <sstream>
#include <string>
#include <unordered_map>
#include <variant>
#include <vector>

#include "mlx/array.h"
#include "mlx/export.h"
#include "mlx/graph_utils.h"
#include "mlx/io.h"
#include "python_bridge.h"

namespace mlxcy {
namespace mx = mlx::core;

// Reads from bytes held by a Python object (a new reference handed over here).
class MemReader : public mx::io::Reader {
 public:
  MemReader(const char* data, size_t size, PyObject* owner) : data_(data), size_(size), owner_(owner) {}
  ~MemReader() override { py_decref_any_thread(owner_); }
  bool is_open() const override { return true; }
  bool good() const override { return pos_ <= size_; }
  size_t tell() override { return pos_; }
  void seek(int64_t off, std::ios_base::seekdir way = std::ios_base::beg) override {
    int64_t base = way == std::ios_base::beg ? 0 : way == std::ios_base::end ? static_cast<int64_t>(size_)
                                                                              : static_cast<int64_t>(pos_);
    int64_t p = base + off;
    if (p < 0 || p > static_cast<int64_t>(size_)) throw std::invalid_argument("[load] seek outside the data");
    pos_ = static_cast<size_t>(p);
  }
  void read(char* out, size_t n) override {
    read(out, n, pos_);
    pos_ += n;
  }
  void read(char* out, size_t n, size_t offset) override {
    if (offset > size_ || n > size_ - offset)
      throw std::invalid_argument("[load] the data ends before the bytes its header describes");
    std::memcpy(out, data_ + offset, n);
  }
  std::string label() const override { return "in-memory file"; }

 private:
  const char* data_;
  size_t size_;
  size_t pos_ = 0;
  PyObject* owner_;
};

inline std::shared_ptr<mx::io::Reader> make_mem_reader(const char* data, size_t size, PyObject* owner) {
  Py_INCREF(owner);
  return std::make_shared<MemReader>(data, size, owner);
}

// Collects written bytes in memory (seekable), to hand to a Python file-like afterwards.
class StringWriter : public mx::io::Writer {
 public:
  bool is_open() const override { return true; }
  bool good() const override { return true; }
  size_t tell() override { return pos_; }
  void seek(int64_t off, std::ios_base::seekdir way = std::ios_base::beg) override {
    int64_t base = way == std::ios_base::beg ? 0 : way == std::ios_base::end ? static_cast<int64_t>(buf_.size())
                                                                              : static_cast<int64_t>(pos_);
    pos_ = static_cast<size_t>(std::max<int64_t>(0, base + off));
  }
  void write(const char* data, size_t n) override {
    if (pos_ + n > buf_.size()) buf_.resize(pos_ + n);
    std::memcpy(&buf_[pos_], data, n);
    pos_ += n;
  }
  std::string label() const override { return "in-memory file"; }
  std::string buf_;

 private:
  size_t pos_ = 0;
};

inline std::shared_ptr<StringWriter> make_string_writer() { return std::make_shared<StringWriter>(); }
inline std::shared_ptr<mx::io::Writer> as_writer(const std::shared_ptr<StringWriter>& w) { return w; }
inline PyObject* writer_bytes(const std::shared_ptr<StringWriter>& w) {
  return PyBytes_FromStringAndSize(w->buf_.data(), static_cast<Py_ssize_t>(w->buf_.size()));
}

// Maps of arrays as parallel key/value vectors (Cython cannot hold the pair type).
inline void split_array_map(const std::unordered_map<std::string, mx::array>& m, std::vector<std::string>& keys,
                            std::vector<mx::array>& vals) {
  for (const auto& [k, v] : m) {
    keys.push_back(k);
    vals.push_back(v);
  }
}
inline void split_string_map(const std::unordered_map<std::string, std::string>& m, std::vector<std::string>& keys,
                             std::vector<std::string>& vals) {
  for (const auto& [k, v] : m) {
    keys.push_back(k);
    vals.push_back(v);
  }
}

using ArrayMap = std::unordered_map<std::string, mx::array>;
using StringMap = std::unordered_map<std::string, std::string>;
using GGUFMeta = std::unordered_map<std::string, mx::GGUFMetaData>;

inline void array_map_set(ArrayMap& m, const std::string& k, const mx::array& a) { m.insert_or_assign(k, a); }

// GGUF metadata: set entries of each kind; read back the kind (0 none, 1 array, 2 string,
// 3 list of strings) and the value of each entry.
inline void gguf_set_array(GGUFMeta& m, const std::string& k, const mx::array& a) { m.insert_or_assign(k, a); }
inline void gguf_set_string(GGUFMeta& m, const std::string& k, const std::string& s) { m.insert_or_assign(k, s); }
inline void gguf_set_strings(GGUFMeta& m, const std::string& k, const std::vector<std::string>& s) {
  m.insert_or_assign(k, s);
}
inline std::vector<std::string> gguf_keys(const GGUFMeta& m) {
  std::vector<std::string> out;
  for (const auto& kv : m) out.push_back(kv.first);
  return out;
}
inline int gguf_kind(const GGUFMeta& m, const std::string& k) { return static_cast<int>(m.at(k).index()); }
inline mx::array gguf_get_array(const GGUFMeta& m, const std::string& k) { return std::get<mx::array>(m.at(k)); }
inline std::string gguf_get_string(const GGUFMeta& m, const std::string& k) { return std::get<std::string>(m.at(k)); }
inline std::vector<std::string> gguf_get_strings(const GGUFMeta& m, const std::string& k) {
  return std::get<std::vector<std::string>>(m.at(k));
}

inline mx::SafetensorsLoad load_safetensors_reader(const char* data, size_t size, PyObject* owner,
                                                   mx::StreamOrDevice s) {
  return mx::load_safetensors(make_mem_reader(data, size, owner), s);
}

// ---- Python callables as export functions ----

// Calls `fn` with wrapped args/kwargs and fills `out`; returns -1 with a Python exception set
// on failure, which then travels through MLX as PythonError. Implemented in _io.pyx.
using PyTraceCall = int (*)(PyObject* fn, const mx::Args& args, const mx::Kwargs& kwargs,
                            std::vector<mx::array>& out);

inline std::function<std::vector<mx::array>(const mx::Args&, const mx::Kwargs&)> py_trace_fun(PyObject* fn,
                                                                                             PyTraceCall call) {
  PyPtr ref = py_ptr(fn);
  return [ref, call](const mx::Args& args, const mx::Kwargs& kwargs) {
    std::vector<mx::array> out;
    Gil gil;
    if (call(ref.get(), args, kwargs, out) < 0) throw PythonError();
    return out;
  };
}

// Hands one ExportCallbackInput to a Python callable as a dict (implemented in _io.pyx); -1 with
// a Python exception set on failure.
using PyExportCbCall = int (*)(PyObject* cb, const mx::ExportCallbackInput& in);

inline mx::ExportCallback py_export_callback(PyObject* cb, PyExportCbCall call) {
  PyPtr ref = py_ptr(cb);
  return [ref, call](const mx::ExportCallbackInput& in) {
    Gil gil;
    if (call(ref.get(), in) < 0) throw PythonError();
  };
}

inline void export_function_file(const std::string& file,
                                 const std::function<std::vector<mx::array>(const mx::Args&, const mx::Kwargs&)>& f,
                                 const mx::Args& args, const mx::Kwargs& kwargs, bool shapeless,
                                 const std::string& metadata) {
  mx::export_function(file, f, args, kwargs, shapeless, metadata);
}
inline void export_function_cb(const mx::ExportCallback& cb,
                               const std::function<std::vector<mx::array>(const mx::Args&, const mx::Kwargs&)>& f,
                               const mx::Args& args, const mx::Kwargs& kwargs, bool shapeless) {
  mx::export_function(cb, f, args, kwargs, shapeless);
}

inline std::shared_ptr<mx::FunctionExporter> make_exporter_file(
    const std::string& file, const std::function<std::vector<mx::array>(const mx::Args&, const mx::Kwargs&)>& f,
    bool shapeless, const std::string& metadata) {
  return std::make_shared<mx::FunctionExporter>(mx::exporter(file, f, shapeless, metadata));
}
inline std::shared_ptr<mx::FunctionExporter> make_exporter_cb(
    const mx::ExportCallback& cb, const std::function<std::vector<mx::array>(const mx::Args&, const mx::Kwargs&)>& f,
    bool shapeless) {
  return std::make_shared<mx::FunctionExporter>(mx::exporter(cb, f, shapeless));
}
inline void exporter_call(mx::FunctionExporter& e, const mx::Args& args, const mx::Kwargs& kwargs) { e(args, kwargs); }

inline std::shared_ptr<mx::ImportedFunction> import_function_ptr(const std::string& file) {
  return std::make_shared<mx::ImportedFunction>(mx::import_function(file));
}
inline std::vector<mx::array> imported_call(const mx::ImportedFunction& f, const mx::Args& args,
                                            const mx::Kwargs& kwargs) {
  return f(args, kwargs);
}

// ---- the variant members of ExportCallbackInput, one accessor per kind ----
using CbTensorInfo = std::vector<std::tuple<std::string, mx::Shape, mx::Dtype>>;
using CbArrays = std::vector<std::pair<std::string, mx::array>>;
using CbStrings = std::vector<std::pair<std::string, std::string>>;
using CbState = std::vector<mx::StateT>;

// What a value of the callback's dict holds, by its C++ type (not by its place in the variant).
enum CallbackValueKind { CB_TENSOR_INFO, CB_ARRAYS, CB_STRINGS, CB_STATE, CB_STRING };

inline std::vector<std::string> cbin_keys(const mx::ExportCallbackInput& in) {
  std::vector<std::string> out;
  for (const auto& kv : in) out.push_back(kv.first);
  return out;
}
inline int cbin_kind(const mx::ExportCallbackInput& in, const std::string& k) {
  const auto& v = in.at(k);
  if (std::holds_alternative<CbTensorInfo>(v)) return CB_TENSOR_INFO;
  if (std::holds_alternative<CbArrays>(v)) return CB_ARRAYS;
  if (std::holds_alternative<CbStrings>(v)) return CB_STRINGS;
  if (std::holds_alternative<CbState>(v)) return CB_STATE;
  if (std::holds_alternative<std::string>(v)) return CB_STRING;
  throw std::runtime_error("[export_function] a callback value of an unknown kind");
}
inline size_t cbin_len(const mx::ExportCallbackInput& in, const std::string& k) {
  return std::visit(
      [](const auto& v) -> size_t {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, std::string>) return v.size();
        else return v.size();
      },
      in.at(k));
}
inline std::string cbin_info_name(const mx::ExportCallbackInput& in, const std::string& k, size_t i) {
  return std::get<0>(std::get<CbTensorInfo>(in.at(k))[i]);
}
inline mx::Shape cbin_info_shape(const mx::ExportCallbackInput& in, const std::string& k, size_t i) {
  return std::get<1>(std::get<CbTensorInfo>(in.at(k))[i]);
}
inline int cbin_info_dtype(const mx::ExportCallbackInput& in, const std::string& k, size_t i) {
  return static_cast<int>(std::get<2>(std::get<CbTensorInfo>(in.at(k))[i]).val());
}
inline std::string cbin_pair_name(const mx::ExportCallbackInput& in, const std::string& k, size_t i) {
  const auto& v = in.at(k);
  if (std::holds_alternative<CbArrays>(v)) return std::get<CbArrays>(v)[i].first;
  return std::get<CbStrings>(v)[i].first;
}
inline mx::array cbin_pair_array(const mx::ExportCallbackInput& in, const std::string& k, size_t i) {
  return std::get<CbArrays>(in.at(k))[i].second;
}
inline std::string cbin_pair_string(const mx::ExportCallbackInput& in, const std::string& k, size_t i) {
  return std::get<CbStrings>(in.at(k))[i].second;
}
inline std::string cbin_string(const mx::ExportCallbackInput& in, const std::string& k) {
  return std::get<std::string>(in.at(k));
}

// One primitive state value as a new Python object (dtypes come back as their integer code;
// the Cython side maps them to Dtype objects).
inline PyObject* state_to_py(const mx::StateT& s, PyObject* (*dtype_obj)(int)) {
  return std::visit(
      [dtype_obj](const auto& v) -> PyObject* {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, bool>) {
          return PyBool_FromLong(v);
        } else if constexpr (std::is_same_v<T, int>) {
          return PyLong_FromLong(v);
        } else if constexpr (std::is_same_v<T, size_t>) {
          return PyLong_FromSize_t(v);
        } else if constexpr (std::is_same_v<T, float> || std::is_same_v<T, double>) {
          return PyFloat_FromDouble(v);
        } else if constexpr (std::is_same_v<T, mx::Dtype>) {
          return dtype_obj(static_cast<int>(v.val()));
        } else if constexpr (std::is_same_v<T, std::string>) {
          return PyUnicode_FromStringAndSize(v.data(), static_cast<Py_ssize_t>(v.size()));
        } else if constexpr (std::is_same_v<T, std::optional<float>>) {
          if (!v) Py_RETURN_NONE;
          return PyFloat_FromDouble(*v);
        } else if constexpr (std::is_same_v<T, std::vector<std::tuple<bool, bool, bool>>>) {
          PyObject* out = PyList_New(static_cast<Py_ssize_t>(v.size()));
          if (!out) return nullptr;
          for (size_t i = 0; i < v.size(); ++i) {
            PyObject* t = Py_BuildValue("(OOO)", std::get<0>(v[i]) ? Py_True : Py_False,
                                        std::get<1>(v[i]) ? Py_True : Py_False, std::get<2>(v[i]) ? Py_True : Py_False);
            if (!t) {
              Py_DECREF(out);
              return nullptr;
            }
            PyList_SET_ITEM(out, static_cast<Py_ssize_t>(i), t);
          }
          return out;
        } else if constexpr (std::is_same_v<T, std::vector<std::variant<bool, int, float>>>) {
          PyObject* out = PyList_New(static_cast<Py_ssize_t>(v.size()));
          if (!out) return nullptr;
          for (size_t i = 0; i < v.size(); ++i) {
            PyObject* t = std::visit(
                [](const auto& e) -> PyObject* {
                  using E = std::decay_t<decltype(e)>;
                  if constexpr (std::is_same_v<E, bool>) return PyBool_FromLong(e);
                  else if constexpr (std::is_same_v<E, int>) return PyLong_FromLong(e);
                  else return PyFloat_FromDouble(e);
                },
                v[i]);
            if (!t) {
              Py_DECREF(out);
              return nullptr;
            }
            PyList_SET_ITEM(out, static_cast<Py_ssize_t>(i), t);
          }
          return out;
        } else {
          // Shape and Strides: tuples of ints; vector<int>, vector<size_t>: lists of ints (as the
          // reference hands them to an export callback).
          constexpr bool as_tuple = std::is_same_v<T, mx::Shape> || std::is_same_v<T, mx::Strides>;
          PyObject* out = as_tuple ? PyTuple_New(static_cast<Py_ssize_t>(v.size()))
                                   : PyList_New(static_cast<Py_ssize_t>(v.size()));
          if (!out) return nullptr;
          Py_ssize_t i = 0;
          for (auto e : v) {
            PyObject* t = PyLong_FromLongLong(static_cast<long long>(e));
            if (!t) {
              Py_DECREF(out);
              return nullptr;
            }
            if constexpr (as_tuple) {
              PyTuple_SET_ITEM(out, i++, t);
            } else {
              PyList_SET_ITEM(out, i++, t);
            }
          }
          return out;
        }
      },
      s);
}
inline PyObject* cbin_state(const mx::ExportCallbackInput& in, const std::string& k, size_t i,
                            PyObject* (*dtype_obj)(int)) {
  return state_to_py(std::get<std::vector<mx::StateT>>(in.at(k))[i], dtype_obj);
}

// DOT text of the graph of `outputs`, with the given names for some arrays.
inline std::string export_dot_string(const std::vector<mx::array>& outputs, const std::vector<std::string>& names,
                                     const std::vector<mx::array>& named) {
  mx::NodeNamer namer;
  for (size_t i = 0; i < names.size(); ++i) namer.set_name(named[i], names[i]);
  std::ostringstream os;
  mx::export_to_dot(os, std::move(namer), outputs);
  return os.str();
}

}  // namespace mlxcy
