// mlxcy's default (non-mmap) safetensors loader: one pass over the header in C++ (UTF-8 and JSON
// checked as strictly as Python's json module, every entry checked against the file size), then
// one lazy array per tensor whose primitive reads the tensor's bytes with pread when evaluated.
// Reads run on a small pool of threads (so that evaluating many tensors, or one large one, reads
// in parallel); the stream waits for them. The file stays open while any unevaluated array of it
// exists, and is closed with the last one.
//
// The header checks mirror _parse_safetensors (mlxcy/_io_formats.pxi). On any problem this parser
// only says "not ok": the caller then runs that Python parser, which raises the exception with its
// message (or, should it accept the file, hands back entries for st_lazy_array).
#pragma once

#include <fcntl.h>
#include <pthread.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <condition_variable>
#include <cstdint>
#include <cstring>
#include <deque>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <unordered_map>
#include <utility>
#include <vector>

#include "mlx/allocator.h"
#include "mlx/array.h"
#include "mlx/backend/cpu/encoder.h"
#include "mlx/primitives.h"
#include "mlx/utils.h"

namespace mlxcy {
namespace mx = mlx::core;

// ---- the open file -------------------------------------------------------------------------

class StFile {
 public:
  StFile(int fd, std::string path) : fd_(fd), path_(std::move(path)) {}
  ~StFile() { ::close(fd_); }
  StFile(const StFile&) = delete;
  StFile& operator=(const StFile&) = delete;

  // Exactly n bytes at `offset`, or an exception: the file may have been truncated (or replaced
  // in place) since it was loaded.
  void read(char* out, size_t n, uint64_t offset) const {
    while (n > 0) {
      ssize_t got = ::pread(fd_, out, std::min<size_t>(n, size_t(1) << 30), static_cast<off_t>(offset));
      if (got < 0 && errno == EINTR) continue;
      if (got < 0)
        throw std::runtime_error("[load] Reading " + path_ + " failed: " + std::strerror(errno));
      if (got == 0)
        throw std::runtime_error("[load] " + path_ + " ends at byte " + std::to_string(offset) +
                                 ", before the data of a tensor loaded from it: the file was truncated "
                                 "after mx.load and before the tensor was evaluated");
      out += got;
      n -= static_cast<size_t>(got);
      offset += static_cast<uint64_t>(got);
    }
  }

 private:
  int fd_;
  std::string path_;
};

// ---- the read pool -------------------------------------------------------------------------

// A batch of reads into one array; the stream's task waits for all of them.
struct StReadJob {
  std::mutex mu;
  std::condition_variable cv;
  size_t left = 0;
  std::exception_ptr error;

  void done(std::exception_ptr e) {
    std::lock_guard<std::mutex> lk(mu);
    if (e && !error) error = e;
    if (--left == 0) cv.notify_all();
  }
  void wait() {
    std::unique_lock<std::mutex> lk(mu);
    cv.wait(lk, [this] { return left == 0; });
    if (error) std::rethrow_exception(error);
  }
};

class StReadPool {
 public:
  explicit StReadPool(size_t n) {
    for (size_t i = 0; i < n; ++i) std::thread([this] { work(); }).detach();
  }
  void submit(std::function<void()> f) {
    {
      std::lock_guard<std::mutex> lk(mu_);
      tasks_.push_back(std::move(f));
    }
    cv_.notify_one();
  }
  size_t size() const { return n_; }

  // The process's pool, started on first use. Never destroyed (its threads sleep until exit);
  // a child made by fork() starts a pool of its own, as the parent's threads do not exist there.
  static StReadPool& get() {
    static std::once_flag once;
    std::call_once(once, [] {
      pthread_atfork(nullptr, nullptr, [] {
        start_mu() = new std::mutex();  // the parent's may have been held by another thread
        current() = nullptr;
      });
    });
    std::lock_guard<std::mutex> lk(*start_mu());
    if (current() == nullptr) {
      size_t hw = std::thread::hardware_concurrency();
      size_t n = std::clamp<size_t>(hw, 2, 8);
      current() = new StReadPool(n);
      current()->n_ = n;
    }
    return *current();
  }

 private:
  static StReadPool*& current() {
    static StReadPool* p = nullptr;
    return p;
  }
  static std::mutex*& start_mu() {
    static std::mutex* m = new std::mutex();
    return m;
  }
  void work() {
    for (;;) {
      std::function<void()> f;
      {
        std::unique_lock<std::mutex> lk(mu_);
        cv_.wait(lk, [this] { return !tasks_.empty(); });
        f = std::move(tasks_.front());
        tasks_.pop_front();
      }
      f();
    }
  }
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::function<void()>> tasks_;
  size_t n_ = 0;
};

// Maps the pages of a fresh buffer in one call (MADV_POPULATE_WRITE, Linux 5.14+) rather than
// one page fault at a time during the copy; advice only, ignored where unsupported.
inline void prefault(char* p, size_t n) {
#ifdef __linux__
  constexpr int populate_write = 23;  // MADV_POPULATE_WRITE, missing from older headers
  constexpr uintptr_t page = 4096;
  if (n < 16 * page) return;
  uintptr_t b = (reinterpret_cast<uintptr_t>(p) + page - 1) & ~(page - 1);
  uintptr_t e = (reinterpret_cast<uintptr_t>(p) + n) & ~(page - 1);
  if (e > b) ::madvise(reinterpret_cast<void*>(b), e - b, populate_write);
#endif
}

// Reads [offset, offset + n) of `file` into `out` on the pool, in pieces so that one large
// tensor is read by every thread.
inline std::shared_ptr<StReadJob> st_read_async(const std::shared_ptr<StFile>& file, char* out, size_t n,
                                                uint64_t offset) {
  auto job = std::make_shared<StReadJob>();
  if (n == 0) return job;
  StReadPool& pool = StReadPool::get();
  constexpr size_t min_piece = size_t(4) << 20;
  size_t pieces = std::clamp<size_t>(n / min_piece, 1, pool.size());
  size_t step = (n + pieces - 1) / pieces;
  step = (step + 4095) / 4096 * 4096;  // page-sized pieces
  pieces = (n + step - 1) / step;
  job->left = pieces;
  for (size_t i = 0; i < pieces; ++i) {
    size_t at = i * step, len = std::min(step, n - at);
    pool.submit([file, job, dst = out + at, len, off = offset + at] {
      std::exception_ptr e;
      try {
        prefault(dst, len);
        file->read(dst, len, off);
      } catch (...) {
        e = std::current_exception();
      }
      job->done(e);
    });
  }
  return job;
}

// ---- the primitive ---------------------------------------------------------------------------

class StLoad : public mx::UnaryPrimitive {
 public:
  StLoad(mx::Stream s, std::shared_ptr<StFile> file, uint64_t offset)
      : mx::UnaryPrimitive(s), file_(std::move(file)), offset_(offset) {}

  void eval_cpu(const std::vector<mx::array>&, mx::array& out) override {
    out.set_data(mx::allocator::malloc(out.nbytes()));
    auto job = st_read_async(file_, out.data<char>(), out.nbytes(), offset_);
    // The stream runs what uses `out` after this task, so after the reads (a read's error is
    // raised there, and so by mx.eval); the task holds `out`'s buffer until they are done.
    mx::cpu::get_command_encoder(stream()).dispatch([job, keep = out.data_shared_ptr()] { job->wait(); });
  }
  void eval_gpu(const std::vector<mx::array>& inputs, mx::array& out) override {
    throw std::runtime_error("[load] mlxcy reads safetensors tensors on a CPU stream");
  }
  const char* name() const override { return "Load"; }

 private:

  std::shared_ptr<StFile> file_;
  uint64_t offset_;
};

inline mx::array st_lazy_array(const std::shared_ptr<StFile>& file, uint64_t offset, const mx::Shape& shape,
                               mx::Dtype dtype, mx::Stream s) {
  return mx::array(shape, dtype, std::make_shared<StLoad>(s, file, offset), {});
}

// ---- a strict JSON reader for the header -------------------------------------------------------

// A JSON value; only what the header checks look at is kept (strings, integers, lists, objects).
struct StJson {
  enum Kind : uint8_t { Null, Bool, Int, BigInt, Float, Str, List, Obj } kind = Null;
  bool negative = false;  // BigInt: an integer beyond int64 (its sign is all the checks need)
  int64_t i = 0;
  std::string s;
  std::vector<StJson> items;                          // List
  std::vector<std::pair<std::string, StJson>> members;  // Obj, first position of each key, last value
};

class StJsonParser {
 public:
  StJsonParser(const char* p, size_t n) : p_(p), end_(p + n) {}

  bool parse(StJson& out) {
    ws();
    if (!value(out, 0)) return false;
    ws();
    return p_ == end_;
  }

 private:
  const char* p_;
  const char* end_;
  static constexpr int max_depth = 900;  // Python's json gives up near its recursion limit

  void ws() {
    while (p_ < end_ && (*p_ == ' ' || *p_ == '\t' || *p_ == '\n' || *p_ == '\r')) ++p_;
  }
  bool lit(const char* word) {
    size_t n = std::strlen(word);
    if (static_cast<size_t>(end_ - p_) < n || std::memcmp(p_, word, n) != 0) return false;
    p_ += n;
    return true;
  }
  bool value(StJson& v, int depth) {
    if (p_ == end_ || depth > max_depth) return false;
    switch (*p_) {
      case '{': return object(v, depth + 1);
      case '[': return list(v, depth + 1);
      case '"': v.kind = StJson::Str; return string(v.s);
      case 'n': v.kind = StJson::Null; return lit("null");
      case 't': v.kind = StJson::Bool; return lit("true");
      case 'f': v.kind = StJson::Bool; return lit("false");
      case 'N': v.kind = StJson::Float; return lit("NaN");
      case 'I': v.kind = StJson::Float; return lit("Infinity");
      default: return number(v);
    }
  }
  bool object(StJson& v, int depth) {
    v.kind = StJson::Obj;
    ++p_;
    ws();
    if (p_ < end_ && *p_ == '}') {
      ++p_;
      return true;
    }
    std::unordered_map<std::string, size_t> where;  // only for large objects
    for (;;) {
      ws();
      if (p_ == end_ || *p_ != '"') return false;
      std::string key;
      if (!string(key)) return false;
      ws();
      if (p_ == end_ || *p_ != ':') return false;
      ++p_;
      ws();
      StJson val;
      if (!value(val, depth)) return false;
      // A repeated key keeps its first position and takes the last value, as a Python dict does.
      size_t found = v.members.size();
      if (v.members.size() < 16) {
        for (size_t k = 0; k < v.members.size(); ++k)
          if (v.members[k].first == key) found = k;
      } else {
        if (where.empty())
          for (size_t k = 0; k < v.members.size(); ++k) where.emplace(v.members[k].first, k);
        auto it = where.find(key);
        if (it != where.end()) found = it->second;
        else where.emplace(key, v.members.size());
      }
      if (found < v.members.size()) v.members[found].second = std::move(val);
      else v.members.emplace_back(std::move(key), std::move(val));
      ws();
      if (p_ == end_) return false;
      if (*p_ == ',') {
        ++p_;
        continue;
      }
      if (*p_ == '}') {
        ++p_;
        return true;
      }
      return false;
    }
  }
  bool list(StJson& v, int depth) {
    v.kind = StJson::List;
    ++p_;
    ws();
    if (p_ < end_ && *p_ == ']') {
      ++p_;
      return true;
    }
    for (;;) {
      ws();
      v.items.emplace_back();
      if (!value(v.items.back(), depth)) return false;
      ws();
      if (p_ == end_) return false;
      if (*p_ == ',') {
        ++p_;
        continue;
      }
      if (*p_ == ']') {
        ++p_;
        return true;
      }
      return false;
    }
  }
  static int hex(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  }
  bool hex4(unsigned& u) {
    if (end_ - p_ < 4) return false;
    u = 0;
    for (int k = 0; k < 4; ++k) {
      int h = hex(p_[k]);
      if (h < 0) return false;
      u = u * 16 + static_cast<unsigned>(h);
    }
    p_ += 4;
    return true;
  }
  static void put_utf8(std::string& s, unsigned c) {
    // Lone surrogates are written as their 3-byte form; the caller decodes with surrogatepass.
    if (c < 0x80) {
      s += static_cast<char>(c);
    } else if (c < 0x800) {
      s += static_cast<char>(0xC0 | (c >> 6));
      s += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
      s += static_cast<char>(0xE0 | (c >> 12));
      s += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      s += static_cast<char>(0x80 | (c & 0x3F));
    } else {
      s += static_cast<char>(0xF0 | (c >> 18));
      s += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
      s += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      s += static_cast<char>(0x80 | (c & 0x3F));
    }
  }
  bool string(std::string& s) {
    ++p_;  // the opening quote
    for (;;) {
      const char* run = p_;
      while (p_ < end_ && *p_ != '"' && *p_ != '\\' && static_cast<unsigned char>(*p_) >= 0x20) ++p_;
      s.append(run, p_);
      if (p_ == end_) return false;
      char c = *p_++;
      if (c == '"') return true;
      if (c != '\\') return false;  // a control character: refused by Python's strict json
      if (p_ == end_) return false;
      char e = *p_++;
      switch (e) {
        case '"': s += '"'; break;
        case '\\': s += '\\'; break;
        case '/': s += '/'; break;
        case 'b': s += '\b'; break;
        case 'f': s += '\f'; break;
        case 'n': s += '\n'; break;
        case 'r': s += '\r'; break;
        case 't': s += '\t'; break;
        case 'u': {
          unsigned u;
          if (!hex4(u)) return false;
          if (u >= 0xD800 && u < 0xDC00 && end_ - p_ >= 6 && p_[0] == '\\' && p_[1] == 'u') {
            const char* save = p_;
            p_ += 2;
            unsigned lo;
            if (!hex4(lo)) return false;
            if (lo >= 0xDC00 && lo < 0xE000) u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
            else p_ = save;
          }
          put_utf8(s, u);
          break;
        }
        default: return false;
      }
    }
  }
  bool number(StJson& v) {
    const char* start = p_;
    bool neg = false;
    if (*p_ == '-') {
      neg = true;
      ++p_;
      if (lit("Infinity")) {
        v.kind = StJson::Float;
        return true;
      }
    }
    if (p_ == end_ || *p_ < '0' || *p_ > '9') return false;
    const char* digits = p_;
    if (*p_ == '0') ++p_;
    else
      while (p_ < end_ && *p_ >= '0' && *p_ <= '9') ++p_;
    const char* digits_end = p_;
    bool is_float = false;
    if (p_ < end_ && *p_ == '.' && end_ - p_ >= 2 && p_[1] >= '0' && p_[1] <= '9') {
      is_float = true;
      ++p_;
      while (p_ < end_ && *p_ >= '0' && *p_ <= '9') ++p_;
    }
    if (p_ < end_ && (*p_ == 'e' || *p_ == 'E')) {
      const char* q = p_ + 1;
      if (q < end_ && (*q == '+' || *q == '-')) ++q;
      if (q < end_ && *q >= '0' && *q <= '9') {
        is_float = true;
        p_ = q;
        while (p_ < end_ && *p_ >= '0' && *p_ <= '9') ++p_;
      }
    }
    (void)start;
    if (is_float) {
      v.kind = StJson::Float;
      return true;
    }
    if (digits_end - digits > 4300) return false;  // Python refuses longer integer strings
    v.kind = StJson::Int;
    v.negative = neg;
    uint64_t acc = 0;
    bool big = false;
    for (const char* d = digits; d < digits_end; ++d) {
      unsigned dig = static_cast<unsigned>(*d - '0');
      if (acc > (UINT64_MAX - dig) / 10) {
        big = true;
        break;
      }
      acc = acc * 10 + dig;
    }
    if (big || acc > static_cast<uint64_t>(INT64_MAX)) {
      v.kind = StJson::BigInt;
    } else {
      v.i = neg ? -static_cast<int64_t>(acc) : static_cast<int64_t>(acc);
    }
    return true;
  }
};

// Whether [p, p + n) is UTF-8 as Python's strict decoder accepts it.
inline bool st_valid_utf8(const unsigned char* p, size_t n) {
  size_t i = 0;
  while (i < n) {
    unsigned char c = p[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t len;
    unsigned lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) len = 2;
    else if (c == 0xE0) len = 3, lo = 0xA0;
    else if (c == 0xED) len = 3, hi = 0x9F;
    else if (c >= 0xE1 && c <= 0xEF) len = 3;
    else if (c == 0xF0) len = 4, lo = 0x90;
    else if (c == 0xF4) len = 4, hi = 0x8F;
    else if (c >= 0xF1 && c <= 0xF3) len = 4;
    else return false;
    if (n - i < len) return false;
    if (p[i + 1] < lo || p[i + 1] > hi) return false;
    for (size_t k = 2; k < len; ++k)
      if (p[i + k] < 0x80 || p[i + k] > 0xBF) return false;
    i += len;
  }
  return true;
}

// ---- opening a file ----------------------------------------------------------------------------

struct StOpen {
  int err = 0;             // errno when the file could not be opened (EISDIR for a folder)
  bool ok = false;         // the header parsed and passed every check
  bool cpu = true;         // the stream is a CPU stream (else the caller uses libmlx's reader)
  std::shared_ptr<StFile> file;
  uint64_t data_start = 0;
  std::vector<std::string> names;
  std::vector<mx::array> arrays;
  std::vector<std::string> meta_keys, meta_values;
};

inline bool st_dtype(const std::string& name, mx::Dtype& out) {
  static const std::unordered_map<std::string, mx::Dtype> table = {
      {"BOOL", mx::bool_},     {"U8", mx::uint8},      {"I8", mx::int8},          {"U16", mx::uint16},
      {"I16", mx::int16},      {"U32", mx::uint32},    {"I32", mx::int32},        {"U64", mx::uint64},
      {"I64", mx::int64},      {"F16", mx::float16},   {"BF16", mx::bfloat16},    {"F32", mx::float32},
      {"F64", mx::float64},    {"C64", mx::complex64},
      // 8-bit floats load as their raw bytes, as in _ST_DTYPES
      {"F8_E4M3", mx::uint8},  {"F8_E8M0", mx::uint8},
  };
  auto it = table.find(name);
  if (it == table.end()) return false;
  out = it->second;
  return true;
}

inline const StJson* st_member(const StJson& obj, const char* key) {
  for (const auto& m : obj.members)
    if (m.first == key) return &m.second;
  return nullptr;
}

// The entries of a parsed header, checked as _parse_safetensors checks them; false on any problem.
inline bool st_build(const StJson& header, uint64_t data_len, mx::Stream s, StOpen& res) {
  if (header.kind != StJson::Obj) return false;
  struct Span {
    uint64_t b, e;
  };
  std::vector<Span> spans;
  res.names.reserve(header.members.size());
  res.arrays.reserve(header.members.size());
  for (const auto& [name, info] : header.members) {
    if (name == "__metadata__") {
      if (info.kind == StJson::Null) continue;
      if (info.kind != StJson::Obj) return false;
      for (const auto& [k, v] : info.members) {
        if (v.kind != StJson::Str) return false;
        res.meta_keys.push_back(k);
        res.meta_values.push_back(v.s);
      }
      continue;
    }
    if (info.kind != StJson::Obj) return false;
    const StJson* dt = st_member(info, "dtype");
    mx::Dtype dtype = mx::uint8;
    if (dt == nullptr || dt->kind != StJson::Str || !st_dtype(dt->s, dtype)) return false;
    const StJson* shape = st_member(info, "shape");
    if (shape == nullptr || shape->kind != StJson::List || shape->items.size() > 64) return false;
    mx::Shape sh;
    sh.reserve(shape->items.size());
    // The element count saturates: a count that large cannot match any byte range of the file.
    uint64_t count = 1;
    bool huge = false;
    for (const auto& d : shape->items) {
      if (d.kind != StJson::Int || d.i < 0 || d.i > INT32_MAX) return false;
      sh.push_back(static_cast<int32_t>(d.i));
      uint64_t dd = static_cast<uint64_t>(d.i);
      if (dd != 0 && count > UINT64_MAX / dd) huge = true;
      else count *= dd;
    }
    bool zero = std::find(sh.begin(), sh.end(), 0) != sh.end();
    if (zero) huge = false, count = 0;
    const StJson* offs = st_member(info, "data_offsets");
    if (offs == nullptr || offs->kind != StJson::List || offs->items.size() != 2) return false;
    const StJson& b = offs->items[0];
    const StJson& e = offs->items[1];
    if ((b.kind != StJson::Int && b.kind != StJson::BigInt) || (e.kind != StJson::Int && e.kind != StJson::BigInt))
      return false;
    if (b.kind == StJson::BigInt || e.kind == StJson::BigInt || b.i < 0 || e.i < b.i ||
        static_cast<uint64_t>(e.i) > data_len)
      return false;
    uint64_t nbytes = static_cast<uint64_t>(e.i - b.i);
    uint64_t isz = dtype.size();
    if (huge || count > UINT64_MAX / isz || count * isz != nbytes) return false;
    if (nbytes > 0) spans.push_back({static_cast<uint64_t>(b.i), static_cast<uint64_t>(e.i)});
    res.names.push_back(name);
    res.arrays.push_back(st_lazy_array(res.file, res.data_start + static_cast<uint64_t>(b.i), sh, dtype, s));
  }
  std::sort(spans.begin(), spans.end(), [](const Span& x, const Span& y) { return x.b < y.b || (x.b == y.b && x.e < y.e); });
  for (size_t k = 1; k < spans.size(); ++k)
    if (spans[k].b < spans[k - 1].e) return false;
  return true;
}

// Opens `path`, reads and checks its header and builds its lazy arrays. Never throws for a bad
// file: `err` says the file could not be opened, `ok` false that the header is not acceptable.
inline StOpen st_open(const std::string& path, mx::StreamOrDevice sod) {
  StOpen res;
  mx::Stream s = mx::to_stream(sod, mx::Device::cpu);
  if (s.device.type != mx::Device::cpu) {
    res.cpu = false;
    return res;
  }
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    res.err = errno;
    return res;
  }
  res.file = std::make_shared<StFile>(fd, path);
  struct stat st;
  if (::fstat(fd, &st) != 0) {
    res.err = errno;
    return res;
  }
  if (S_ISDIR(st.st_mode)) {
    res.err = EISDIR;
    return res;
  }
  uint64_t size = static_cast<uint64_t>(st.st_size);
  unsigned char len8[8];
  try {
    if (size < 8) return res;
    res.file->read(reinterpret_cast<char*>(len8), 8, 0);
    uint64_t n = 0;
    for (int k = 7; k >= 0; --k) n = (n << 8) | len8[k];
    if (n > size - 8 || n > 100000000) return res;
    std::string text(n, '\0');
    res.file->read(text.data(), n, 8);
    if (!st_valid_utf8(reinterpret_cast<const unsigned char*>(text.data()), n)) return res;
    StJson header;
    if (!StJsonParser(text.data(), n).parse(header)) return res;
    res.data_start = 8 + n;
    if (!st_build(header, size - res.data_start, s, res)) {
      res.names.clear();
      res.arrays.clear();
      res.meta_keys.clear();
      res.meta_values.clear();
      return res;
    }
  } catch (const std::exception&) {
    return res;  // a read failed (the file changed under us): the Python parser reports it
  }
  res.ok = true;
  return res;
}

// A lazy array for an entry of the Python parser (see the top of this file).
inline mx::array st_entry_array(const std::shared_ptr<StFile>& file, uint64_t offset, const mx::Shape& shape,
                                mx::Dtype dtype, mx::StreamOrDevice sod) {
  return st_lazy_array(file, offset, shape, dtype, mx::to_stream(sod, mx::Device::cpu));
}

}  // namespace mlxcy
