// The C++ floor of bench/dispatch.py: the same small op constructions made directly against
// libmlx, with no Python in between, so that dispatch.py can report each binding's overhead
// (its time per call minus this one).
//
// Build (not part of the normal build): meson setup build/bench -Dbench=true && ninja -C build/bench
// Run:   build/bench/bench/floor/dispatch_floor N REPS N_EVAL REPS_EVAL
// Prints one JSON line {"<case name of dispatch.py>": [seconds, seconds with eval or null], ...,
// "__loop__": [seconds, null]}: the best time per call over REPS loops of N calls (the loop's
// own cost included, as in dispatch.py, which subtracts "__loop__" from every case).
//
// Each case builds what the Python expression asks libmlx for, in the cheapest direct form:
// a Python float operand becomes a float32 0-d array, an index an int32 array or a slice.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "mlx/mlx.h"

namespace mx = mlx::core;

namespace {

// Keeps the compiler from dropping a computation whose result is unused.
template <typename T>
inline void keep(const T& value) {
  asm volatile("" : : "r,m"(value) : "memory");
}

struct Case {
  std::string name;
  std::function<void()> build;                // the construction alone
  std::function<void()> build_and_eval;       // with mx::eval; empty when it returns no array
};

double best_seconds(const std::function<void()>& body, long n, int reps) {
  for (int i = 0; i < 10; ++i) body();
  double best = std::numeric_limits<double>::infinity();
  for (int r = 0; r < reps; ++r) {
    auto t0 = std::chrono::steady_clock::now();
    for (long i = 0; i < n; ++i) body();
    std::chrono::duration<double> dt = std::chrono::steady_clock::now() - t0;
    best = std::min(best, dt.count() / n);
  }
  return best;
}

// a[mask] for a boolean mask: the kept positions are read on the host, then gathered.
mx::array masked(const mx::array& a, mx::array mask) {
  mask.eval();
  const bool* p = mask.data<bool>();
  std::vector<int32_t> kept;
  for (size_t i = 0; i < mask.size(); ++i)
    if (p[i]) kept.push_back(static_cast<int32_t>(i));
  mx::array idx(kept.begin(), mx::Shape{static_cast<int>(kept.size())}, mx::int32);
  return mx::take(a, idx, 0);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 5) {
    std::fprintf(stderr, "usage: %s N REPS N_EVAL REPS_EVAL\n", argv[0]);
    return 2;
  }
  long n = std::atol(argv[1]), n_eval = std::atol(argv[3]);
  int reps = std::atoi(argv[2]), reps_eval = std::atoi(argv[4]);

  // The operands of dispatch.py's TIMER.
  mx::array a({1.0f, 2.0f, 3.0f, 4.0f});
  mx::array b({4.0f, 3.0f, 2.0f, 1.0f});
  mx::array m = mx::ones({4, 4}, mx::float32);
  mx::array idx({0, 2});
  mx::array mask({true, false, true, false});
  mx::array a2({1.0f, 2.0f, 3.0f, 4.0f});
  mx::eval(a, b, m, idx, mask, a2);
  auto f32 = [](float v) { return mx::array(v, mx::float32); };

  // (name, expression): the names are dispatch.py's BASKET names.
  std::vector<std::pair<std::string, std::function<mx::array()>>> exprs = {
      {"a + b", [&] { return mx::add(a, b); }},
      {"a + 1.5", [&] { return mx::add(a, f32(1.5f)); }},
      {"a * 2", [&] { return mx::multiply(a, f32(2.0f)); }},
      {"a < b", [&] { return mx::less(a, b); }},
      {"-a", [&] { return mx::negative(a); }},
      {"mx.array(1.0)", [&] { return f32(1.0f); }},
      {"mx.array([1,2,3])", [&] { return mx::array({1, 2, 3}); }},
      {"a.astype(f16)", [&] { return mx::astype(a, mx::float16); }},
      {"mx.add(a, b)", [&] { return mx::add(a, b); }},
      {"mx.multiply(a, 2.0)", [&] { return mx::multiply(a, f32(2.0f)); }},
      {"a @ m", [&] { return mx::matmul(a, m); }},
      {"mx.zeros((4,4))", [&] { return mx::zeros({4, 4}, mx::float32); }},
      {"mx.exp(a)", [&] { return mx::exp(a); }},
      {"mx.sum(a)", [&] { return mx::sum(a); }},
      {"mx.sum(m, axis=1)", [&] { return mx::sum(m, 1); }},
      {"mx.maximum(a, b)", [&] { return mx::maximum(a, b); }},
      {"mx.where(a<b,a,b)", [&] { return mx::where(mx::less(a, b), a, b); }},
      {"mx.reshape(m,(16,))", [&] { return mx::reshape(m, {16}); }},
      {"m.reshape(16)", [&] { return mx::reshape(m, {16}); }},
      {"mx.transpose(m)", [&] { return mx::transpose(m); }},
      {"mx.concatenate", [&] { return mx::concatenate({a, b}); }},
      {"mx.sqrt(a)", [&] { return mx::sqrt(a); }},
      {"mx.mean(a)", [&] { return mx::mean(a); }},
      {"a.sum()", [&] { return mx::sum(a); }},
      {"m.sum(axis=1)", [&] { return mx::sum(m, 1); }},
      {"a.exp()", [&] { return mx::exp(a); }},
      {"a.max()", [&] { return mx::max(a); }},
      {"mx.argmax(a)", [&] { return mx::argmax(a); }},
      {"mx.softmax(a)", [&] { return mx::softmax(a); }},
      {"a[0]", [&] { return mx::squeeze(mx::slice(a, {0}, {1}), 0); }},
      {"a[1:3]", [&] { return mx::slice(a, {1}, {3}); }},
      {"m[:, None]", [&] { return mx::expand_dims(m, 1); }},
      {"a[idx]", [&] { return mx::take(a, idx, 0); }},
      {"a[mask]", [&] { return masked(a, mask); }},
      {"m[1, 2]", [&] { return mx::reshape(mx::slice(m, {1, 2}, {2, 3}), {}); }},
      {"m[:, 1]", [&] { return mx::squeeze(mx::slice(m, {0, 1}, {4, 2}), 1); }},
      {"a[::-1]", [&] { return mx::slice(a, {3}, {-5}, {-1}); }},
      {"m[idx, 1:]", [&] { return mx::slice(mx::take(m, idx, 0), {0, 1}, {2, 4}); }},
      {"m[..., None]", [&] { return mx::expand_dims(m, 2); }},
      {"a.at[idx].add(1)", [&] { return mx::scatter_add(a, idx, mx::full({2, 1}, f32(1.0f)), 0); }},
  };

  std::vector<Case> cases;
  for (auto& [name, expr] : exprs) {
    auto e = expr;
    cases.push_back({name, [e] { keep(e()); }, [e] { mx::eval(e()); }});
  }
  // Accessors and in-place updates: no array to evaluate (dispatch.py times them without eval).
  cases.push_back({"a.shape", [&] { keep(a.shape()); }, {}});
  cases.push_back({"a.dtype", [&] { keep(a.dtype()); }, {}});
  cases.push_back({"a.ndim/size", [&] { keep(a.ndim()); keep(a.size()); }, {}});
  // a2 grows a chain of updates, as it does under both bindings in dispatch.py.
  cases.push_back({"a[0] = 1", [&] { a2.overwrite_descriptor(mx::slice_update(a2, f32(1.0f), mx::Shape{0}, mx::Shape{1})); }, {}});
  cases.push_back({"a[1:3] = 0", [&] { a2.overwrite_descriptor(mx::slice_update(a2, f32(0.0f), mx::Shape{1}, mx::Shape{3})); }, {}});
  cases.push_back({"a[idx] = 0", [&] {
                     a2.overwrite_descriptor(mx::scatter(a2, idx, mx::zeros({2, 1}, mx::float32), 0));
                   }, {}});

  // Every case must give what the Python expression gives before it is timed.
  {
    auto rev = mx::slice(a, {3}, {-5}, {-1});
    rev.eval();
    if (rev.size() != 4 || rev.data<float>()[0] != 4.0f) {
      std::fprintf(stderr, "a[::-1] floor does not reverse\n");
      return 1;
    }
  }

  auto seconds = [](double t) {
    char buf[32];
    std::snprintf(buf, sizeof(buf), "%.6e", t);
    return std::string(buf);
  };
  std::string out = "{";
  for (auto& c : cases) {
    std::string t = seconds(best_seconds(c.build, n, reps));
    std::string te = c.build_and_eval ? seconds(best_seconds(c.build_and_eval, n_eval, reps_eval)) : "null";
    out += "\"" + c.name + "\": [" + t + ", " + te + "], ";
  }
  out += "\"__loop__\": [" + seconds(best_seconds([] {}, n, reps)) + ", null]}";
  std::puts(out.c_str());
  return 0;
}
