// Bridges between Python callables and the std::function objects MLX's transforms take.
//
// Each transform gets a context object (a Python object, owned through a PyPtr, so MLX may drop
// it from any thread) and a plain C callback written in Cython. Every call into Python takes the
// GIL itself. A Python exception raised in a callback travels through MLX as `PythonError`
// (src/python_bridge.h).
#pragma once
#include <Python.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <utility>
#include <vector>

#include "mlx/array.h"
#include "mlx/compile.h"
#include "mlx/compile_impl.h"
#include "mlx/ops.h"
#include "mlx/transforms.h"
#include "mlx/transforms_impl.h"
#include "python_bridge.h"

namespace mlxcy {
namespace mx = mlx::core;
using Arrays = std::vector<mx::array>;

// ---- callbacks written in Cython: return 0, or -1 with a Python exception set ----
typedef int (*FlatCb)(PyObject* ctx, const Arrays& in, Arrays& out);
typedef int (*ExtraCb)(PyObject* ctx, const Arrays& in, Arrays& out, PyObject** extra);
typedef int (*VjpCb)(PyObject* ctx, const Arrays& primals, const Arrays& cotangents,
                     const Arrays& outputs, Arrays& out);
typedef int (*JvpCb)(PyObject* ctx, const Arrays& primals, const Arrays& tangents,
                     const std::vector<int>& argnums, Arrays& out);
typedef int (*VmapCb)(PyObject* ctx, const Arrays& inputs, const std::vector<int>& axes,
                      Arrays& out, std::vector<int>& out_axes);

using ArrayFn = std::function<Arrays(const Arrays&)>;

inline ArrayFn flat_fn(PyObject* ctx, FlatCb cb) {
  PyPtr ref = py_ptr(ctx);
  return [ref, cb](const Arrays& in) {
    Arrays out;
    Gil gil;
    if (cb(ref.get(), in, out) < 0) throw PythonError();
    return out;
  };
}

// For the transforms that call the function only while they run (value_and_grad, vjp, jvp,
// vmap_trace): the caller keeps `ctx` alive for the whole call, so the closure borrows it. Two
// plain pointers fit in std::function's own storage: nothing is allocated per call.
inline ArrayFn borrowed_flat_fn(PyObject* ctx, FlatCb cb) {
  return [ctx, cb](const Arrays& in) {
    Arrays out;
    Gil gil;
    if (cb(ctx, in, out) < 0) throw PythonError();
    return out;
  };
}

// ---- the transforms ----
inline void value_and_grad(PyObject* ctx, FlatCb cb, const Arrays& inputs,
                           const std::vector<int>& argnums, Arrays& values, Arrays& grads) {
  auto r = mx::value_and_grad(borrowed_flat_fn(ctx, cb), argnums)(inputs);
  values = std::move(r.first);
  grads = std::move(r.second);
}

inline void vjp(PyObject* ctx, FlatCb cb, const Arrays& primals, const Arrays& cotangents,
                Arrays& outputs, Arrays& vjps) {
  auto r = mx::vjp(borrowed_flat_fn(ctx, cb), primals, cotangents);
  outputs = std::move(r.first);
  vjps = std::move(r.second);
}

inline void jvp(PyObject* ctx, FlatCb cb, const Arrays& primals, const Arrays& tangents,
                Arrays& outputs, Arrays& jvps) {
  auto r = mx::jvp(borrowed_flat_fn(ctx, cb), primals, tangents);
  outputs = std::move(r.first);
  jvps = std::move(r.second);
}

inline void vmap_trace(PyObject* ctx, FlatCb cb, const Arrays& inputs, const std::vector<int>& in_axes,
                       Arrays& s_inputs, Arrays& s_outputs) {
  auto r = mx::detail::vmap_trace(borrowed_flat_fn(ctx, cb), inputs, in_axes);
  s_inputs = std::move(r.first);
  s_outputs = std::move(r.second);
}

inline Arrays vmap_replace(const Arrays& inputs, const Arrays& s_inputs, const Arrays& s_outputs,
                           const std::vector<int>& in_axes, const std::vector<int>& out_axes) {
  return mx::detail::vmap_replace(inputs, s_inputs, s_outputs, in_axes, out_axes);
}

inline Arrays checkpoint(PyObject* ctx, FlatCb cb, const Arrays& inputs) {
  return mx::checkpoint(flat_fn(ctx, cb))(inputs);
}

// custom_function: `ctx` serves all four callbacks; a null callback keeps MLX's default.
inline Arrays custom_function(PyObject* ctx, FlatCb fun, VjpCb vjp_cb, JvpCb jvp_cb, VmapCb vmap_cb,
                              const Arrays& inputs) {
  PyPtr ref = py_ptr(ctx);
  std::optional<std::function<Arrays(const Arrays&, const Arrays&, const Arrays&)>> fvjp;
  std::optional<std::function<Arrays(const Arrays&, const Arrays&, const std::vector<int>&)>> fjvp;
  std::optional<std::function<std::pair<Arrays, std::vector<int>>(const Arrays&, const std::vector<int>&)>>
      fvmap;
  if (vjp_cb != nullptr) {
    fvjp = [ref, vjp_cb](const Arrays& p, const Arrays& c, const Arrays& o) {
      Arrays out;
      Gil gil;
      if (vjp_cb(ref.get(), p, c, o, out) < 0) throw PythonError();
      return out;
    };
  }
  if (jvp_cb != nullptr) {
    fjvp = [ref, jvp_cb](const Arrays& p, const Arrays& t, const std::vector<int>& argnums) {
      Arrays out;
      Gil gil;
      if (jvp_cb(ref.get(), p, t, argnums, out) < 0) throw PythonError();
      return out;
    };
  }
  if (vmap_cb != nullptr) {
    fvmap = [ref, vmap_cb](const Arrays& in, const std::vector<int>& axes) {
      std::pair<Arrays, std::vector<int>> out;
      Gil gil;
      if (vmap_cb(ref.get(), in, axes, out.first, out.second) < 0) throw PythonError();
      return out;
    };
  }
  return mx::custom_function(flat_fn(ctx, fun), fvjp, fjvp, fvmap)(inputs);
}

inline mx::array zeros_like(const mx::array& a) { return mx::zeros_like(a); }
inline mx::array stop_gradient(const mx::array& a) { return mx::stop_gradient(a); }

// ---- compile ----
// One cache handle per compiled Python function; entries are erased when it goes away.
struct CompileHandle {
  mx::detail::CompileCacheWeakPtr cache;
  std::uintptr_t fun_id = 0;
};

inline void compile_handle_init(CompileHandle& h, std::uintptr_t fun_id) {
  h.cache = mx::detail::compile_cache();
  h.fun_id = fun_id;
}

inline void compile_handle_erase(CompileHandle& h) noexcept {
  if (h.fun_id == 0) return;
  try {
    mx::detail::compile_erase(h.cache, h.fun_id);
  } catch (...) {
  }
}

// Calls `fun` compiled. The callback returns, beside the arrays, a Python object (new
// reference) that MLX caches with the trace; it comes back as a new reference in `*extra`.
inline void compiled_call(PyObject* ctx, ExtraCb cb, const CompileHandle& h, bool shapeless,
                          std::vector<uint64_t>& constants, const Arrays& inputs,
                          Arrays& outputs, PyObject** extra) {
  // libmlx calls `fn` only within this call (its cache keeps the trace, not the function), so the
  // closure borrows `ctx`, which the caller keeps alive
  mx::detail::ArrayFnWithExtra fn = [ctx, cb](const Arrays& in) {
    mx::detail::ArraysAndExtra r;
    PyObject* e = nullptr;
    Gil gil;
    if (cb(ctx, in, r.first, &e) < 0) {
      Py_XDECREF(e);
      throw PythonError();
    }
    r.second = std::shared_ptr<void>(e, [](void* p) { GilDecRef{}(static_cast<PyObject*>(p)); });
    return r;
  };
  // `constants` (the caller's cache key, not used after this call) moves into the closure
  auto r = mx::detail::compile(std::move(fn), h.fun_id, shapeless, std::move(constants))(inputs);
  outputs = std::move(r.first);
  PyObject* e = static_cast<PyObject*>(r.second.get());
  Py_XINCREF(e);
  *extra = e;
}

inline void set_compile_enabled(bool on) {
  if (on) {
    mx::enable_compile();
  } else {
    mx::disable_compile();
  }
}

}  // namespace mlxcy
