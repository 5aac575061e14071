// Interpreter exit while daemon threads are inside libmlx.
//
// At exit Python runs its atexit handlers, finalizes, then the C runtime destroys libmlx's
// statics (allocators, streams, the CUDA context's helpers). A daemon thread that is still
// evaluating at that moment (it released the GIL, so Python cannot stop it) then works on
// destroyed objects: on the CUDA backend under load that was a segfault or abort at exit in a
// few percent of runs, the reference binding's included. So the long libmlx calls made without
// the GIL (evaluation, synchronisation) are counted; mlxcy's atexit handler stops new ones (a
// thread arriving after it sleeps for good: only daemon threads are left at that point) and
// waits, bounded, for those in flight before the runtime is torn down.
#pragma once

#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

#include "mlx/array.h"
#include "mlx/stream.h"
#include "mlx/transforms.h"

namespace mlxcy {

inline std::atomic<int>& libmlx_calls_in_flight() {
  static std::atomic<int> count{0};
  return count;
}

inline std::atomic<bool>& interpreter_exiting() {
  static std::atomic<bool> exiting{false};
  return exiting;
}

// The thread that runs the exit (the main thread): it keeps calling libmlx normally, for the
// objects finalized after the atexit handlers (a __del__ that saves or reads an array).
inline std::thread::id& exiting_thread() {
  static std::thread::id id;
  return id;
}

// Counts one call for as long as it lives; once the interpreter exits, parks any thread but the
// exiting one instead.
class LibmlxCall {
 public:
  LibmlxCall() {
    libmlx_calls_in_flight().fetch_add(1);
    if (interpreter_exiting().load(std::memory_order_acquire) &&
        std::this_thread::get_id() != exiting_thread()) {
      libmlx_calls_in_flight().fetch_sub(1);
      for (;;) std::this_thread::sleep_for(std::chrono::hours(1));
    }
  }
  ~LibmlxCall() { libmlx_calls_in_flight().fetch_sub(1); }
  LibmlxCall(const LibmlxCall&) = delete;
  LibmlxCall& operator=(const LibmlxCall&) = delete;
};

// Called by the atexit handler without the GIL: refuses new calls and waits up to `timeout_ms`
// for the ones in flight. Returns whether they all finished.
inline bool finish_libmlx_calls(int timeout_ms) {
  exiting_thread() = std::this_thread::get_id();
  interpreter_exiting().store(true, std::memory_order_release);
  auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  while (libmlx_calls_in_flight().load() > 0) {
    if (std::chrono::steady_clock::now() >= deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  return true;
}

// The GIL-free calls that compute, each counted.
inline void counted_eval(std::vector<mlx::core::array>& arrays) {
  LibmlxCall call;
  mlx::core::eval(arrays);
}

inline void counted_async_eval(std::vector<mlx::core::array>& arrays) {
  LibmlxCall call;
  mlx::core::async_eval(arrays);
}

inline void counted_array_eval(mlx::core::array& a) {
  LibmlxCall call;
  a.eval();
}

inline void counted_synchronize(mlx::core::Stream s) {
  LibmlxCall call;
  mlx::core::synchronize(s);
}

}  // namespace mlxcy
