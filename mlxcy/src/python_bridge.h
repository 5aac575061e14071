// The bridge between C++ frames and the Python interpreter, shared by every src/ header that
// holds Python objects or calls into Python: references dropped from any thread (MLX releases
// buffers and closures on its own threads), the GIL taken for a scope, and a Python exception
// carried through C++ frames as `PythonError`, restored unchanged by `raise_py_error` at a Cython
// call site declared `except +raise_py_error`.
#pragma once
#include <Python.h>

#include <memory>
#include <new>
#include <stdexcept>

namespace mlxcy {

inline bool python_alive() {
#if PY_VERSION_HEX >= 0x030D0000
  return Py_IsInitialized() && !Py_IsFinalizing();
#else
  return Py_IsInitialized() && !_Py_IsFinalizing();
#endif
}

// Drops a Python reference from whatever thread MLX happens to release it on.
inline void py_decref_any_thread(PyObject* o) {
  if (o == nullptr || !python_alive()) return;  // interpreter gone: leak rather than crash
  PyGILState_STATE st = PyGILState_Ensure();
  Py_DECREF(o);
  PyGILState_Release(st);
}

struct GilDecRef {
  void operator()(PyObject* o) const { py_decref_any_thread(o); }
};
using PyPtr = std::shared_ptr<PyObject>;

// A shared owner of `o` (a new reference is taken here).
inline PyPtr py_ptr(PyObject* o) {
  Py_XINCREF(o);
  return PyPtr(o, GilDecRef{});
}

struct Gil {
  PyGILState_STATE st;
  Gil() : st(PyGILState_Ensure()) {}
  ~Gil() { PyGILState_Release(st); }
};

// A Python exception in flight through C++ frames.
class PythonError : public std::exception {
 public:
  PythonError() {
    PyObject *t = nullptr, *v = nullptr, *tb = nullptr;
    PyErr_Fetch(&t, &v, &tb);
    PyErr_NormalizeException(&t, &v, &tb);
    if (tb != nullptr && v != nullptr) PyException_SetTraceback(v, tb);
    type_ = PyPtr(t, GilDecRef{});
    value_ = PyPtr(v, GilDecRef{});
    tb_ = PyPtr(tb, GilDecRef{});
  }
  const char* what() const noexcept override { return "a Python exception raised in a callback"; }
  // Hands the exception back to Python (the caller holds the GIL).
  void restore() const {
    PyObject* t = type_.get();
    PyObject* v = value_.get();
    PyObject* tb = tb_.get();
    if (t == nullptr) {
      PyErr_SetString(PyExc_RuntimeError, "a Python callback failed without setting an exception");
      return;
    }
    Py_XINCREF(t);
    Py_XINCREF(v);
    Py_XINCREF(tb);
    PyErr_Restore(t, v, tb);
  }

 private:
  PyPtr type_, value_, tb_;
};

// Exception translation for `except +raise_py_error` call sites (called inside a catch block,
// with the GIL held).
inline void raise_py_error() {
  try {
    throw;
  } catch (const PythonError& e) {
    e.restore();
  } catch (const std::invalid_argument& e) {
    PyErr_SetString(PyExc_ValueError, e.what());
  } catch (const std::out_of_range& e) {
    PyErr_SetString(PyExc_IndexError, e.what());
  } catch (const std::bad_alloc& e) {
    PyErr_SetString(PyExc_MemoryError, e.what());
  } catch (const std::exception& e) {
    PyErr_SetString(PyExc_RuntimeError, e.what());
  } catch (...) {
    PyErr_SetString(PyExc_RuntimeError, "unknown C++ exception");
  }
}

}  // namespace mlxcy
