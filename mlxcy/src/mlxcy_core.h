// Small C++ helpers for what Cython cannot express directly: building arrays over foreign
// buffers with a GIL-aware deleter, shape conversions, printing through MLX's formatter.
#pragma once
#include <Python.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/sysinfo.h>
#endif

#include <complex>
#include <memory>
#include <new>
#include <optional>
#include <type_traits>
#include <cstdint>
#include <variant>
#include <cstring>
#include <sstream>
#include <string>
#include <vector>

#include "mlx/allocator.h"
#include "mlx/backend/cuda/cuda.h"
#include "mlx/array.h"
#include "mlx/device.h"
#include "mlx/ops.h"
#include "mlx/primitives.h"
#include "mlx/transforms.h"
#include "mlx/utils.h"
#include "python_bridge.h"

namespace mlxcy {
namespace mx = mlx::core;

inline mx::Dtype dtype_from_val(int v) {
  switch (static_cast<mx::Dtype::Val>(v)) {
    case mx::Dtype::Val::bool_: return mx::bool_;
    case mx::Dtype::Val::uint8: return mx::uint8;
    case mx::Dtype::Val::uint16: return mx::uint16;
    case mx::Dtype::Val::uint32: return mx::uint32;
    case mx::Dtype::Val::uint64: return mx::uint64;
    case mx::Dtype::Val::int8: return mx::int8;
    case mx::Dtype::Val::int16: return mx::int16;
    case mx::Dtype::Val::int32: return mx::int32;
    case mx::Dtype::Val::int64: return mx::int64;
    case mx::Dtype::Val::float16: return mx::float16;
    case mx::Dtype::Val::float32: return mx::float32;
    case mx::Dtype::Val::float64: return mx::float64;
    case mx::Dtype::Val::bfloat16: return mx::bfloat16;
    case mx::Dtype::Val::complex64: return mx::complex64;
  }
  return mx::float32;
}

inline int dtype_val(const mx::Dtype& d) { return static_cast<int>(d.val()); }

inline mx::Shape to_shape(const std::vector<int>& v) { return mx::Shape(v.begin(), v.end()); }
inline mx::Strides to_strides(const std::vector<int64_t>& v) {
  return mx::Strides(v.begin(), v.end());
}

// An array over foreign memory `data` that MLX does not own: MLX never donates or frees it and
// calls `release` once no array uses it. MLX's own pointer constructor copies on the CPU-only
// backend (its allocator cannot adopt foreign pointers), so there the buffer is wrapped as a
// non-owned allocator::Data whose raw pointer is `data` (the CPU allocator's raw pointer sits a
// fixed header after the allocation; the offset is measured once and checked). Elsewhere, fall
// back to MLX's constructor.
inline mx::array array_foreign_view(void* data, const mx::Shape& shape, mx::Dtype dtype,
                                    std::function<void()> release) {
  static const std::ptrdiff_t header = [] {
    if (mx::is_available(mx::Device::gpu)) return std::ptrdiff_t(-1);
    auto probe = mx::allocator::malloc(8);
    auto b = probe.buffer();
    return static_cast<char*>(b.raw_ptr()) - static_cast<char*>(b.ptr());
  }();
  if (header >= 0) {
    mx::allocator::Buffer b(static_cast<char*>(data) - header);
    if (b.raw_ptr() == data) {
      return mx::array(mx::allocator::Data(b, [release](mx::allocator::Buffer) { release(); }), shape, dtype);
    }
  }
  return mx::array(data, shape, dtype, [release](void*) { release(); });
}

// An array that views `data` without copying. `owner` (a new reference handed over here)
// keeps the memory alive; it is released when MLX drops the buffer, from whatever thread.
inline mx::array array_view_of(void* data, const mx::Shape& shape, mx::Dtype dtype, PyObject* owner) {
  return array_foreign_view(data, shape, dtype, [owner]() { py_decref_any_thread(owner); });
}

// Ask the kernel to back a large fresh buffer with transparent huge pages before it is first
// written: filling 256 MB of new memory otherwise costs ~65,000 page faults, which made copies
// into fresh MLX buffers several times slower than NumPy's (NumPy advises the same).
inline void advise_huge_pages(void* data, size_t nbytes) {
#ifdef MADV_HUGEPAGE
  constexpr size_t huge = size_t(2) << 20;
  if (nbytes < 2 * huge) return;
  auto start = (reinterpret_cast<uintptr_t>(data) + huge - 1) & ~(huge - 1);
  auto end = (reinterpret_cast<uintptr_t>(data) + nbytes) & ~(huge - 1);
  if (end > start) madvise(reinterpret_cast<void*>(start), end - start, MADV_HUGEPAGE);
#endif
}

// Whether MLX's arrays live in CUDA memory (libmlx is the CUDA build); asked once.
inline bool cuda_memory() {
  static const bool cuda = mx::cu::is_available();
  return cuda;
}

// The most bytes one array can ever occupy here: physical memory plus swap (plus the GPU's
// memory on the CUDA build, whose unified memory can spill to the host), or less where the
// process's address-space or data-size limit says so. An output beyond it cannot be
// allocated, and libmlx then crashes the process when it evaluates it (issue 17).
inline size_t allocatable_bytes() {
  static const size_t limit = [] {
    size_t total = 0;
#ifdef __linux__
    struct sysinfo si;
    if (sysinfo(&si) == 0) total = (size_t(si.totalram) + size_t(si.totalswap)) * si.mem_unit;
#endif
    if (total == 0) total = size_t(sysconf(_SC_PHYS_PAGES)) * size_t(sysconf(_SC_PAGE_SIZE));
    for (int resource : {RLIMIT_AS, RLIMIT_DATA}) {
      struct rlimit rl;
      if (getrlimit(resource, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY && size_t(rl.rlim_cur) < total) {
        total = size_t(rl.rlim_cur);
      }
    }
    if (cuda_memory()) {
      try {
        const auto& info = mx::device_info(mx::Device::gpu);
        for (const char* key : {"total_memory", "memory_size"}) {  // CUDA's name, Metal's
          auto it = info.find(key);
          if (it != info.end() && std::holds_alternative<size_t>(it->second)) {
            total += std::get<size_t>(it->second);
            break;
          }
        }
      } catch (const std::exception&) {
      }
    }
    return total;
  }();
  return limit;
}

// The bytes `a` needs (SIZE_MAX when the count overflows), computed from the shape because
// libmlx's own size wraps around for such shapes.
inline size_t checked_nbytes(const mx::array& a) {
  size_t n = a.itemsize();
  for (auto d : a.shape()) {
    if (__builtin_mul_overflow(n, static_cast<size_t>(d), &n)) return SIZE_MAX;
  }
  return n;
}

// Whether evaluating `a` would need an allocation larger than the machine can make. Views
// (broadcasts, strides, transposes, slices …) share their input's memory, so a huge broadcast
// is fine until something copies it; a reshape copies when its input is not row-contiguous,
// as a broadcast is, so it counts as allocating.
inline bool output_unallocatable(const mx::array& a) {
  size_t nbytes = a.ndim() < 2 ? a.nbytes() : checked_nbytes(a);  // one dimension cannot overflow
  if (nbytes <= allocatable_bytes()) return false;
  if (!a.has_primitive()) return false;
  static const char* const views[] = {"Broadcast", "BroadcastAxes", "AsStrided", "Transpose", "Slice",
                                      "ExpandDims", "Squeeze", "StopGradient", "View", "Split"};
  const char* name = a.primitive().name();
  for (const char* v : views) {
    if (std::strcmp(name, v) == 0) return false;
  }
  return true;
}

// MemoryError with a message (Cython turns std::bad_alloc into MemoryError, with what()).
struct Unallocatable : std::bad_alloc {
  std::string message;
  explicit Unallocatable(std::string m) : message(std::move(m)) {}
  const char* what() const noexcept override { return message.c_str(); }
};

inline std::string binary_size(double nbytes) {
  static const char* const units[] = {"bytes", "KiB", "MiB", "GiB", "TiB", "PiB"};
  int u = 0;
  while (nbytes >= 1024 && u < 5) {
    nbytes /= 1024;
    ++u;
  }
  std::ostringstream out;
  out.precision(3);
  out << nbytes << " " << units[u];
  return out.str();
}

// Raise MemoryError for `a`, as NumPy words it, with the machine's limit.
[[noreturn]] inline void throw_unallocatable(const mx::array& a) {
  size_t nbytes = checked_nbytes(a);
  std::ostringstream msg;
  msg << "Unable to allocate " << (nbytes == SIZE_MAX ? "more than 2**64 bytes" : binary_size(double(nbytes)))
      << " for an array with shape (";
  for (int i = 0; i < int(a.ndim()); ++i) msg << (i ? ", " : "") << a.shape(i);
  msg << (a.ndim() == 1 ? ",)" : ")") << " and data type " << a.dtype() << ": more than this machine's memory and swap ("
      << binary_size(double(allocatable_bytes())) << ") hold";
  throw Unallocatable(msg.str());
}

// For ops that copy an input into a contiguous buffer of its full size (matmul, sorting,
// linalg, saving …): refuse a huge view (a broadcast) the machine could not hold as a copy.
inline void check_copyable(const mx::array& a) {
  if (checked_nbytes(a) > allocatable_bytes()) throw_unallocatable(a);
}

// A fresh MLX allocation of `nbytes` whose memory the host is about to fill. (CUDA's unified
// memory is the driver's to place: no advice there.)
inline mx::allocator::Data host_fill_buffer(size_t nbytes) {
  auto buf = mx::allocator::malloc(nbytes);
  if (nbytes && !cuda_memory()) advise_huge_pages(buf.buffer().raw_ptr(), nbytes);
  return buf;
}

// An array that owns a fresh copy of `nbytes` contiguous bytes.
inline mx::array array_copy_of(const void* data, size_t nbytes, const mx::Shape& shape, mx::Dtype dtype) {
  auto buf = host_fill_buffer(nbytes);
  if (nbytes) std::memcpy(buf.buffer().raw_ptr(), data, nbytes);
  return mx::array(std::move(buf), shape, dtype);
}

// An uninitialised owned array of the given shape, to be filled by the caller.
inline mx::array array_uninit(size_t nbytes, const mx::Shape& shape, mx::Dtype dtype) {
  return mx::array(host_fill_buffer(nbytes), shape, dtype);
}

// The array's data for host access. An empty array's buffer is never asked for: on the CUDA
// backend a zero-size result may have none, or one that cannot be mapped to the host (reading
// one back crashed); nothing is read there, so any pointer does.
inline void* raw_data(mx::array& a) {
  static char no_data[1];
  return a.nbytes() == 0 ? no_data : a.data<char>();
}
inline char* buffer_ptr(mx::array& a) { return static_cast<char*>(a.buffer().raw_ptr()); }

template <typename T>
inline mx::array array_from_values(T* data, const mx::Shape& shape, mx::Dtype dtype) {
  return mx::array(data, shape, dtype);
}

inline mx::array array_from_complex(double re, double im, mx::Dtype dtype) {
  return mx::array(std::complex<float>(static_cast<float>(re), static_cast<float>(im)), dtype);
}

inline mx::array array_from_complex_values(std::vector<std::complex<float>>& v, const mx::Shape& shape,
                                           mx::Dtype dtype) {
  auto* p = reinterpret_cast<mx::complex64_t*>(v.data());
  return mx::array(p, shape, dtype);
}

inline std::complex<float> item_complex(mx::array& a) {
  auto c = a.item<mx::complex64_t>();
  return std::complex<float>(c.real(), c.imag());
}

inline std::string array_to_string(const mx::array& a) {
  std::ostringstream os;
  os << a;
  return os.str();
}

inline std::string dtype_to_string(const mx::Dtype& d) {
  std::ostringstream os;
  os << d;
  return os.str();
}

inline int get_print_precision() { return mx::get_global_formatter().format_options.precision; }
inline void set_print_precision(int p) { mx::set_printoptions(mx::PrintOptions{p}); }

inline mx::StreamOrDevice sod_default() { return mx::StreamOrDevice{}; }
inline mx::StreamOrDevice sod_stream(const mx::Stream& s) { return mx::StreamOrDevice{s}; }
inline mx::StreamOrDevice sod_device(const mx::Device& d) { return mx::StreamOrDevice{d}; }

}  // namespace mlxcy

#include "mlx/device.h"
namespace mlxcy {
// device_info() as a Python dict of str -> str | int.
inline PyObject* device_info_dict(const mlx::core::Device& d) {
  const auto& info = mlx::core::device_info(d);
  PyObject* out = PyDict_New();
  if (!out) return nullptr;
  for (const auto& [key, value] : info) {
    PyObject* v = std::holds_alternative<std::string>(value)
        ? PyUnicode_FromString(std::get<std::string>(value).c_str())
        : PyLong_FromSize_t(std::get<size_t>(value));
    if (!v || PyDict_SetItemString(out, key.c_str(), v) < 0) {
      Py_XDECREF(v);
      Py_DECREF(out);
      return nullptr;
    }
    Py_DECREF(v);
  }
  return out;
}
}  // namespace mlxcy

namespace mlxcy {
// One element at `p` of dtype `d`, as a new Python scalar (bool, int, float or complex).
inline PyObject* scalar_at(const char* p, const mx::Dtype& d) {
  switch (d.val()) {
    case mx::Dtype::Val::bool_: return PyBool_FromLong(*reinterpret_cast<const bool*>(p));
    case mx::Dtype::Val::uint8: return PyLong_FromUnsignedLong(*reinterpret_cast<const uint8_t*>(p));
    case mx::Dtype::Val::uint16: return PyLong_FromUnsignedLong(*reinterpret_cast<const uint16_t*>(p));
    case mx::Dtype::Val::uint32: return PyLong_FromUnsignedLong(*reinterpret_cast<const uint32_t*>(p));
    case mx::Dtype::Val::uint64: return PyLong_FromUnsignedLongLong(*reinterpret_cast<const uint64_t*>(p));
    case mx::Dtype::Val::int8: return PyLong_FromLong(*reinterpret_cast<const int8_t*>(p));
    case mx::Dtype::Val::int16: return PyLong_FromLong(*reinterpret_cast<const int16_t*>(p));
    case mx::Dtype::Val::int32: return PyLong_FromLong(*reinterpret_cast<const int32_t*>(p));
    case mx::Dtype::Val::int64: return PyLong_FromLongLong(*reinterpret_cast<const int64_t*>(p));
    case mx::Dtype::Val::float16:
      return PyFloat_FromDouble(static_cast<float>(*reinterpret_cast<const mx::float16_t*>(p)));
    case mx::Dtype::Val::bfloat16:
      return PyFloat_FromDouble(static_cast<float>(*reinterpret_cast<const mx::bfloat16_t*>(p)));
    case mx::Dtype::Val::float32: return PyFloat_FromDouble(*reinterpret_cast<const float*>(p));
    case mx::Dtype::Val::float64: return PyFloat_FromDouble(*reinterpret_cast<const double*>(p));
    case mx::Dtype::Val::complex64: {
      auto c = *reinterpret_cast<const mx::complex64_t*>(p);
      return PyComplex_FromDoubles(c.real(), c.imag());
    }
  }
  Py_RETURN_NONE;
}

inline PyObject* to_list_rec(const char* p, const mx::array& a, size_t dim) {
  if (dim == a.ndim()) return scalar_at(p, a.dtype());
  auto n = a.shape(static_cast<int>(dim));
  auto step = a.strides()[dim] * static_cast<int64_t>(a.itemsize());
  PyObject* out = PyList_New(n);
  if (!out) return nullptr;
  for (int i = 0; i < n; ++i) {
    PyObject* item = to_list_rec(p + i * step, a, dim + 1);
    if (!item) {
      Py_DECREF(out);
      return nullptr;
    }
    PyList_SET_ITEM(out, i, item);
  }
  return out;
}

// Nested Python lists of an evaluated array (any strides).
inline PyObject* to_list(mx::array& a) { return to_list_rec(static_cast<char*>(raw_data(a)), a, 0); }
inline PyObject* item_of(mx::array& a) { return scalar_at(a.data<char>(), a.dtype()); }

// Whether an array's values are on the host and can be read without evaluating anything: made
// from Python/NumPy data, or evaluated on the CPU backend (on the CUDA backend an evaluated
// array may live in device memory, and reading it on the host would move it).
inline bool values_on_host(const mx::array& a, bool host_made) {
  if (a.size() == 0 || a.status() == mx::array::Status::unscheduled || !a.is_available() || !a.flags().contiguous)
    return false;
  return host_made || !cuda_memory();
}

template <typename T>
inline bool holds_value(const mx::array& a, T value) {
  const T* p = a.data<T>();
  for (size_t i = 0, n = a.data_size(); i < n; ++i)
    if (p[i] == value) return true;
  return false;
}

// libmlx's integer division kills the process with SIGFPE on the most negative value divided by
// -1 (floor_divide, remainder, divmod) and on a zero divisor (divmod). Where the values are on
// the host (see above), say which: 1 a zero divisor, 2 the overflow, 0 neither or unknown.
enum IntegerDivisionFault { DIVISION_OK = 0, DIVISION_BY_ZERO = 1, DIVISION_OVERFLOW = 2 };

inline int integer_division_fault(const mx::array& a, const mx::array& b) {
  mx::Dtype out = mx::promote_types(a.dtype(), b.dtype());
  if (!mx::issubdtype(out, mx::integer) || !values_on_host(b, false)) return DIVISION_OK;
  bool zero = false, minus_one = false;
  switch (b.dtype()) {
    case mx::Dtype::Val::bool_: zero = holds_value<bool>(b, false); break;
    case mx::Dtype::Val::uint8: zero = holds_value<uint8_t>(b, 0); break;
    case mx::Dtype::Val::uint16: zero = holds_value<uint16_t>(b, 0); break;
    case mx::Dtype::Val::uint32: zero = holds_value<uint32_t>(b, 0); break;
    case mx::Dtype::Val::uint64: zero = holds_value<uint64_t>(b, 0); break;
    case mx::Dtype::Val::int8: zero = holds_value<int8_t>(b, 0); minus_one = holds_value<int8_t>(b, -1); break;
    case mx::Dtype::Val::int16: zero = holds_value<int16_t>(b, 0); minus_one = holds_value<int16_t>(b, -1); break;
    case mx::Dtype::Val::int32: zero = holds_value<int32_t>(b, 0); minus_one = holds_value<int32_t>(b, -1); break;
    case mx::Dtype::Val::int64: zero = holds_value<int64_t>(b, 0); minus_one = holds_value<int64_t>(b, -1); break;
    default: return DIVISION_OK;
  }
  // the overflow happens in the result's type: a dividend of that type holding its minimum
  if (minus_one && a.dtype() == out && values_on_host(a, false)) {
    bool overflow = false;
    switch (out) {
      case mx::Dtype::Val::int8: overflow = holds_value<int8_t>(a, INT8_MIN); break;
      case mx::Dtype::Val::int16: overflow = holds_value<int16_t>(a, INT16_MIN); break;
      case mx::Dtype::Val::int32: overflow = holds_value<int32_t>(a, INT32_MIN); break;
      case mx::Dtype::Val::int64: overflow = holds_value<int64_t>(a, INT64_MIN); break;
      default: break;
    }
    if (overflow) return DIVISION_OVERFLOW;
  }
  if (zero) return DIVISION_BY_ZERO;
  return DIVISION_OK;
}

enum BinaryOp {
  OP_ADD, OP_SUB, OP_MUL, OP_DIV, OP_FLOORDIV, OP_MOD, OP_POW, OP_MATMUL,
  OP_EQ, OP_NE, OP_LT, OP_LE, OP_GT, OP_GE,
  OP_AND, OP_OR, OP_XOR, OP_LSHIFT, OP_RSHIFT,
};
// The bitwise ops (integer and bool operands only) are the last five.
inline bool is_bitwise_op(int op) { return op >= OP_AND && op <= OP_RSHIFT; }

inline mx::array binary_op(int op, const mx::array& a, const mx::array& b, mx::StreamOrDevice s) {
  switch (op) {
    case OP_ADD: return mx::add(a, b, s);
    case OP_SUB: return mx::subtract(a, b, s);
    case OP_MUL: return mx::multiply(a, b, s);
    case OP_DIV: return mx::divide(a, b, s);
    case OP_FLOORDIV: return mx::floor_divide(a, b, s);
    case OP_MOD: return mx::remainder(a, b, s);
    case OP_POW: return mx::power(a, b, s);
    case OP_MATMUL:
      check_copyable(a);  // libmlx multiplies contiguous copies
      check_copyable(b);
      return mx::matmul(a, b, s);
    case OP_EQ: return mx::equal(a, b, s);
    case OP_NE: return mx::not_equal(a, b, s);
    case OP_LT: return mx::less(a, b, s);
    case OP_LE: return mx::less_equal(a, b, s);
    case OP_GT: return mx::greater(a, b, s);
    case OP_GE: return mx::greater_equal(a, b, s);
    case OP_AND: return mx::bitwise_and(a, b, s);
    case OP_OR: return mx::bitwise_or(a, b, s);
    case OP_XOR: return mx::bitwise_xor(a, b, s);
    case OP_LSHIFT: return mx::left_shift(a, b, s);
    case OP_RSHIFT: return mx::right_shift(a, b, s);
  }
  throw std::invalid_argument("unknown binary op");
}

// Python scalar operands of binary ops (`a + 1.5`, `i * 2`) as 0-d arrays, from a small
// direct-mapped cache: allocating a fresh array per scalar costs about as much as building the op.
// Only operands of ops that always make a new array from them use it (never an array handed to
// the user), and a cached array is an evaluated constant: no op writes to it, and holding a
// reference here keeps MLX from donating its buffer. Called with the GIL held, which guards it.
struct CachedScalar {
  uint64_t bits = 0;
  int dtype = -1;
  bool is_int = false;
  std::optional<mx::array> value;
};

template <typename T>
inline mx::array cached_scalar(T v, mx::Dtype d) {
  // never freed: arrays destroyed after libmlx's own statics at exit would crash
  static CachedScalar* slots = new CachedScalar[64];
  uint64_t bits = 0;
  std::memcpy(&bits, &v, sizeof(T));
  const int dtype = static_cast<int>(d.val());
  const bool is_int = std::is_integral_v<T>;
  uint64_t h = (bits ^ (bits >> 29) ^ (uint64_t(dtype) << 7) ^ (is_int ? 0x9e37u : 0)) * 0x9e3779b97f4a7c15ull;
  CachedScalar& slot = slots[h >> 58];
  if (!slot.value || slot.bits != bits || slot.dtype != dtype || slot.is_int != is_int) {
    slot.value = mx::array(v, d);
    slot.bits = bits;
    slot.dtype = dtype;
    slot.is_int = is_int;
  }
  return *slot.value;
}
inline mx::array cached_float_scalar(double v, mx::Dtype d) { return cached_scalar<double>(v, d); }
inline mx::array cached_int_scalar(int64_t v, mx::Dtype d) { return cached_scalar<int64_t>(v, d); }

// Swap the bytes of each of `n` items of `size` bytes, in place.
inline void byteswap_inplace(char* p, size_t n, size_t size) {
  for (size_t i = 0; i < n; ++i, p += size) std::reverse(p, p + size);
}

// The buffer-protocol (PEP 3118) format of a dtype; bfloat16 has no struct code, so its name.
inline const char* buffer_format(mx::Dtype d) {
  switch (d.val()) {
    case mx::Dtype::Val::bool_: return "?";
    case mx::Dtype::Val::uint8: return "B";
    case mx::Dtype::Val::uint16: return "H";
    case mx::Dtype::Val::uint32: return "I";
    case mx::Dtype::Val::uint64: return "Q";
    case mx::Dtype::Val::int8: return "b";
    case mx::Dtype::Val::int16: return "h";
    case mx::Dtype::Val::int32: return "i";
    case mx::Dtype::Val::int64: return "q";
    case mx::Dtype::Val::float16: return "e";
    case mx::Dtype::Val::float32: return "f";
    case mx::Dtype::Val::float64: return "d";
    case mx::Dtype::Val::bfloat16: return "bfloat16";
    case mx::Dtype::Val::complex64: return "Zf";
  }
  return "B";
}

// A buffer export of an array: keeps the array (and so its data) alive while viewed. One
// allocation per export: shape and strides live inline up to kInlineDims dimensions.
struct BufferExport {
  static constexpr size_t kInlineDims = 8;
  mx::array arr;
  const char* format;
  Py_ssize_t* shape;
  Py_ssize_t* strides;
  Py_ssize_t inline_dims[2 * kInlineDims];
  std::unique_ptr<Py_ssize_t[]> heap_dims;
  explicit BufferExport(const mx::array& a) : arr(a), format(buffer_format(a.dtype())) {
    size_t n = a.ndim();
    Py_ssize_t* dims = inline_dims;
    if (n > kInlineDims) {
      heap_dims.reset(new Py_ssize_t[2 * n]);
      dims = heap_dims.get();
    }
    shape = dims;
    strides = dims + n;
    auto isz = static_cast<Py_ssize_t>(a.itemsize());
    for (size_t i = 0; i < n; ++i) {
      shape[i] = a.shape(static_cast<int>(i));
      strides[i] = static_cast<Py_ssize_t>(a.strides()[i]) * isz;
    }
  }
};

inline BufferExport* make_buffer_export(const mx::array& a) { return new BufferExport(a); }
inline void free_buffer_export(void* e) { delete static_cast<BufferExport*>(e); }
}  // namespace mlxcy

namespace mlxcy {
inline mx::Device make_device(int type, int index) {
  return mx::Device(static_cast<mx::Device::DeviceType>(type), index);
}
inline mx::Stream make_stream(int index, int type, int device_index) {
  return mx::Stream(index, make_device(type, device_index));
}
// a[i] along the first axis.
inline mx::array first_axis_item(const mx::array& a, int i) {
  mx::Shape start(a.ndim(), 0), stop(a.shape());
  start[0] = i;
  stop[0] = i + 1;
  return mx::squeeze(mx::slice(a, start, stop), 0);
}
}  // namespace mlxcy

namespace mlxcy {
// Python spells booleans True/False; make MLX's printer do the same.
inline void use_python_bool_printing() { mx::get_global_formatter().capitalize_bool = true; }
}  // namespace mlxcy

namespace mlxcy {
inline mx::StreamOrDevice sod_thread_local(int index, int type, int device_index) {
  return mx::StreamOrDevice{mx::ThreadLocalStream(index, make_device(type, device_index))};
}
inline mx::Stream resolve_thread_local(int index, int type, int device_index) {
  return mx::stream_from_thread_local_stream(mx::ThreadLocalStream(index, make_device(type, device_index)));
}
}  // namespace mlxcy

namespace mlxcy {
// Whether the array's memory belongs to someone else (a NumPy/DLPack source, a file mapping):
// such memory is exported read-only, so a consumer cannot write into the user's data.
inline bool data_is_foreign(const mx::array& a) {
  auto d = a.data_shared_ptr();
  return d && !d->is_owned();
}
}  // namespace mlxcy
