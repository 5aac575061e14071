/* Forwards the BLAS/LAPACK symbols that libmlx imports to an optimized library, loaded on the
 * first BLAS call.
 *
 * The mlx-cpu wheel links netlib's reference BLAS, ~50x slower than OpenBLAS for matmul.
 * This module defines each of those symbols, and mlxcy/_libload.py makes it global before libmlx
 * loads, so libmlx binds to these first:
 * - the LAPACK routines are a one-instruction jump through a pointer (no prototypes needed: the
 *   jump keeps every argument register and the stack untouched);
 * - the three cblas_*gemm are C functions with the CBLAS prototype, which also pick the number of
 *   OpenBLAS threads from the problem size before jumping on (see fit_threads).
 *
 * Loading OpenBLAS (and starting its threads) is deferred to the first BLAS call: _libload.py only
 * records the library (configure()) and every pointer starts at a "lazy stub" that binds all
 * symbols once (as bind_now() does), then continues into the bound routine with the
 * caller's registers restored. Afterwards a call costs one indirect jump, as before.
 * If the optimized library cannot be loaded or lacks a symbol, every symbol is bound to the
 * definition libmlx would have used without us (netlib's, found among the loaded libraries), and
 * the reason is kept for mlxcy.blas_info(). Lazy stubs exist for x86_64; on aarch64 _libload.py
 * binds at import (lazy_supported() is False) and does not install the forwarding
 * unless that bind succeeded.
 */
#define _GNU_SOURCE
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <dlfcn.h>
#include <link.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define HIDDEN __attribute__((visibility("hidden")))
#define EXPORTED __attribute__((visibility("default")))

#define MLXCY_GEMM_SYMBOLS(X) X(cblas_sgemm) X(cblas_dgemm) X(cblas_cgemm)
#define MLXCY_LAPACK_SYMBOLS(X) \
  X(sgeev_) X(dgeev_) X(cgeev_) \
  X(sgesdd_) X(dgesdd_) X(cgesdd_) \
  X(cheevd_) X(ssyevd_) X(dsyevd_) \
  X(sgeqrf_) X(dgeqrf_) X(sorgqr_) X(dorgqr_) \
  X(sgetrf_) X(dgetrf_) X(sgetri_) X(dgetri_) \
  X(spotrf_) X(dpotrf_) X(strtri_) X(dtrtri_)
#define MLXCY_BLAS_SYMBOLS(X) MLXCY_GEMM_SYMBOLS(X) MLXCY_LAPACK_SYMBOLS(X)

#if defined(__x86_64__) && !defined(MLXCY_NO_LAZY)   /* MLXCY_NO_LAZY: test the eager path on x86_64 */
#define MLXCY_LAZY 1
#else
#define MLXCY_LAZY 0
#endif

HIDDEN void mlxcy_blas_ensure_bound(void);

/* ---- the pointers each forwarded symbol jumps through ---- */
#if MLXCY_LAZY
/* Lazy stub of one LAPACK symbol: saves the argument registers (rdi rsi rdx rcx r8 r9, rax for
 * varargs, xmm0-7), binds, restores them and jumps to the bound routine; stack arguments are
 * untouched. At entry rsp = 8 mod 16 (the caller's return address): 7 pushes and 128 bytes
 * leave it 16-aligned for the call. */
#define LAZY_STUB(name)                                                             \
  __asm__(".text\n.type mlxcy_lazy_" #name ",@function\nmlxcy_lazy_" #name ":\n"   \
          "\tpush %rdi\n\tpush %rsi\n\tpush %rdx\n\tpush %rcx\n\tpush %r8\n"       \
          "\tpush %r9\n\tpush %rax\n\tsub $128, %rsp\n"                             \
          "\tmovdqu %xmm0, 0(%rsp)\n\tmovdqu %xmm1, 16(%rsp)\n"                     \
          "\tmovdqu %xmm2, 32(%rsp)\n\tmovdqu %xmm3, 48(%rsp)\n"                    \
          "\tmovdqu %xmm4, 64(%rsp)\n\tmovdqu %xmm5, 80(%rsp)\n"                    \
          "\tmovdqu %xmm6, 96(%rsp)\n\tmovdqu %xmm7, 112(%rsp)\n"                   \
          "\tcall mlxcy_blas_ensure_bound\n"                                        \
          "\tmovdqu 0(%rsp), %xmm0\n\tmovdqu 16(%rsp), %xmm1\n"                     \
          "\tmovdqu 32(%rsp), %xmm2\n\tmovdqu 48(%rsp), %xmm3\n"                    \
          "\tmovdqu 64(%rsp), %xmm4\n\tmovdqu 80(%rsp), %xmm5\n"                    \
          "\tmovdqu 96(%rsp), %xmm6\n\tmovdqu 112(%rsp), %xmm7\n"                   \
          "\tadd $128, %rsp\n\tpop %rax\n\tpop %r9\n\tpop %r8\n\tpop %rcx\n"        \
          "\tpop %rdx\n\tpop %rsi\n\tpop %rdi\n"                                    \
          "\tjmp *mlxcy_target_" #name "(%rip)\n"                                   \
          ".size mlxcy_lazy_" #name ",.-mlxcy_lazy_" #name "\n");                   \
  extern HIDDEN char mlxcy_lazy_##name[];
MLXCY_LAPACK_SYMBOLS(LAZY_STUB)
#define DECLARE_TARGET(name) HIDDEN void* mlxcy_target_##name = (void*)mlxcy_lazy_##name;
MLXCY_LAPACK_SYMBOLS(DECLARE_TARGET)
#undef DECLARE_TARGET
#else
#define DECLARE_TARGET(name) HIDDEN void* mlxcy_target_##name = NULL;
MLXCY_LAPACK_SYMBOLS(DECLARE_TARGET)
#undef DECLARE_TARGET
#endif
#define DECLARE_TARGET(name) HIDDEN void* mlxcy_target_##name = NULL;
MLXCY_GEMM_SYMBOLS(DECLARE_TARGET)
#undef DECLARE_TARGET

/* ---- the LAPACK symbols: a jump through their pointer ---- */
#if defined(__x86_64__)
#define TRAMPOLINE(name)                                         \
  __asm__(".text\n.globl " #name "\n.type " #name ",@function\n" \
          #name ":\n\tjmp *mlxcy_target_" #name "(%rip)\n"       \
          ".size " #name ",.-" #name "\n");
#elif defined(__aarch64__)
#define TRAMPOLINE(name)                                                    \
  __asm__(".text\n.globl " #name "\n.type " #name ",%function\n" #name ":\n" \
          "\tadrp x16, mlxcy_target_" #name "\n"                            \
          "\tldr x16, [x16, :lo12:mlxcy_target_" #name "]\n"                \
          "\tbr x16\n.size " #name ",.-" #name "\n");
#else
#error "blas_forward supports x86_64 and aarch64"
#endif
MLXCY_LAPACK_SYMBOLS(TRAMPOLINE)

/* ---- what is bound, and the thread policy ---- */
static const char* symbol_names[] = {
#define NAME(name) #name,
    MLXCY_BLAS_SYMBOLS(NAME)
#undef NAME
};
static void** targets[] = {
#define TARGET(name) &mlxcy_target_##name,
    MLXCY_BLAS_SYMBOLS(TARGET)
#undef TARGET
};
#define N_SYMBOLS (sizeof(symbol_names) / sizeof(symbol_names[0]))

static char wanted_library[4096];     /* what configure() asked for */
static char wanted_prefix[64];
static char bound_library[4096];      /* set once the optimized library is bound */
static char fallback_reason[4608];     /* why the optimized library is not used, once bound */
static pthread_once_t bind_once = PTHREAD_ONCE_INIT;
static atomic_int bound = 0;

/* Threads: max_threads for a gemm of at least max_threads * grain multiply-adds, fewer below
 * (grain <= 0: always max_threads); max_threads 0: leave OpenBLAS's own setting alone. */
static int max_threads = 0;
static double grain = 0.0;
static void (*set_threads)(int) = NULL;
static int (*get_threads)(void) = NULL;
static atomic_int current_threads = 0;

/* The definition of `name` that the loaded libraries other than this one give (netlib's). */
struct loaded { char* paths[512]; int n; };

static int collect_loaded(struct dl_phdr_info* info, size_t size, void* data) {
  (void)size;
  struct loaded* l = data;
  if (info->dlpi_name && info->dlpi_name[0] && l->n < 512) l->paths[l->n++] = strdup(info->dlpi_name);
  return 0;
}

/* Whether `address` lies in this module. */
static int defined_here(void* address) {
  Dl_info self, where;
  return dladdr((void*)&mlxcy_blas_ensure_bound, &self) && dladdr(address, &where) &&
         where.dli_fbase == self.dli_fbase;
}

static void* definition_elsewhere(const char* name, struct loaded* l) {
  for (int i = 0; i < l->n; ++i) {
    void* h = dlopen(l->paths[i], RTLD_LAZY | RTLD_NOLOAD);
    if (!h) continue;
    void* p = dlsym(h, name);
    int ours = p && defined_here(p);
    dlclose(h);
    if (p && !ours) return p;
  }
  return NULL;
}

static void abort_missing(void) {
  fprintf(stderr, "mlxcy: a BLAS/LAPACK routine libmlx called is defined nowhere (see mlxcy/src/blas_forward.c)\n");
  abort();
}

static void bind_all(void) {
  void* found[N_SYMBOLS];
  int missing = 0;
  if (wanted_library[0]) {
    void* handle = dlopen(wanted_library, RTLD_NOW | RTLD_LOCAL);
    if (!handle) {
      const char* err = dlerror();
      snprintf(fallback_reason, sizeof(fallback_reason), "%s could not be loaded: %s", wanted_library,
               err ? err : "?");
    } else {
      char name[256];
      for (size_t i = 0; i < N_SYMBOLS; ++i) {
        snprintf(name, sizeof(name), "%s%s", wanted_prefix, symbol_names[i]);
        found[i] = dlsym(handle, name);
        /* Our own definitions (MLXCY_BLAS naming this module) would jump to themselves. */
        if (!found[i] || defined_here(found[i])) ++missing;
      }
      if (missing) {
        snprintf(fallback_reason, sizeof(fallback_reason), "%s lacks %d of the symbols libmlx needs",
                 wanted_library, missing);
        dlclose(handle);
      } else {
        snprintf(name, sizeof(name), "%sopenblas_set_num_threads", wanted_prefix);
        set_threads = (void (*)(int))dlsym(handle, name);
        snprintf(name, sizeof(name), "%sopenblas_get_num_threads", wanted_prefix);
        get_threads = (int (*)(void))dlsym(handle, name);
        if (max_threads > 0 && set_threads) {
          set_threads(max_threads);
          /* OpenBLAS caps the count at the threads it was built for: keep what it took. */
          if (get_threads && get_threads() > 0) max_threads = get_threads();
          atomic_store(&current_threads, max_threads);
        }
        for (size_t i = 0; i < N_SYMBOLS; ++i) *targets[i] = found[i];
        snprintf(bound_library, sizeof(bound_library), "%s", wanted_library);
        atomic_store(&bound, 1);
        return;
      }
    }
  } else {
    snprintf(fallback_reason, sizeof(fallback_reason), "no optimized library configured");
  }
  /* Fall back to what libmlx would have called without this module. */
  struct loaded l = {.n = 0};
  dl_iterate_phdr(collect_loaded, &l);
  for (size_t i = 0; i < N_SYMBOLS; ++i) {
    void* p = definition_elsewhere(symbol_names[i], &l);
    *targets[i] = p ? p : (void*)abort_missing;
  }
  for (int i = 0; i < l.n; ++i) free(l.paths[i]);
  atomic_store(&bound, 1);
}

HIDDEN void mlxcy_blas_ensure_bound(void) {
  if (__builtin_expect(!atomic_load_explicit(&bound, memory_order_acquire), 0)) pthread_once(&bind_once, bind_all);
}

/* Threads for a product of m*n*k multiply-adds. Changing OpenBLAS's count is a store (plus
 * waking or parking workers), done only when it changes; products from several threads at once
 * may run with another's count, which changes their speed, not their result. */
static inline void fit_threads(double mnk) {
  if (max_threads <= 1 || !set_threads) return;
  int want = max_threads;
  if (grain > 0 && mnk < grain * max_threads) {
    want = (int)(mnk / grain);
    if (want < 1) want = 1;
  }
  if (atomic_load_explicit(&current_threads, memory_order_relaxed) != want) {
    atomic_store_explicit(&current_threads, want, memory_order_relaxed);
    set_threads(want);
  }
}

/* ---- the gemm symbols: C functions with the CBLAS prototype (enums are passed as int) ---- */
typedef void (*sgemm_fn)(int, int, int, int, int, int, float, const float*, int, const float*, int, float,
                         float*, int);
typedef void (*dgemm_fn)(int, int, int, int, int, int, double, const double*, int, const double*, int, double,
                         double*, int);
typedef void (*cgemm_fn)(int, int, int, int, int, int, const void*, const void*, int, const void*, int,
                         const void*, void*, int);

EXPORTED void cblas_sgemm(int layout, int ta, int tb, int m, int n, int k, float alpha, const float* a, int lda,
                          const float* b, int ldb, float beta, float* c, int ldc) {
  mlxcy_blas_ensure_bound();
  fit_threads((double)m * n * k);
  ((sgemm_fn)mlxcy_target_cblas_sgemm)(layout, ta, tb, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
}

EXPORTED void cblas_dgemm(int layout, int ta, int tb, int m, int n, int k, double alpha, const double* a,
                          int lda, const double* b, int ldb, double beta, double* c, int ldc) {
  mlxcy_blas_ensure_bound();
  fit_threads((double)m * n * k);
  ((dgemm_fn)mlxcy_target_cblas_dgemm)(layout, ta, tb, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
}

EXPORTED void cblas_cgemm(int layout, int ta, int tb, int m, int n, int k, const void* alpha, const void* a,
                          int lda, const void* b, int ldb, const void* beta, void* c, int ldc) {
  mlxcy_blas_ensure_bound();
  fit_threads(4.0 * m * n * k);    /* a complex multiply-add is 4 real ones */
  ((cgemm_fn)mlxcy_target_cblas_cgemm)(layout, ta, tb, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
}

/* ---- the module's functions, called by _libload.py ---- */

static PyObject* py_configure(PyObject* self, PyObject* args) {
  (void)self;
  const char *library, *prefix;
  int threads;
  double grain_mnk;
  if (!PyArg_ParseTuple(args, "ssid", &library, &prefix, &threads, &grain_mnk)) return NULL;
  if (atomic_load(&bound)) {
    PyErr_SetString(PyExc_RuntimeError, "the BLAS is already bound");
    return NULL;
  }
  snprintf(wanted_library, sizeof(wanted_library), "%s", library);
  snprintf(wanted_prefix, sizeof(wanted_prefix), "%s", prefix);
  max_threads = threads;
  grain = grain_mnk;
  Py_RETURN_NONE;
}

static PyObject* py_bind_now(PyObject* self, PyObject* unused) {
  (void)self, (void)unused;
  Py_BEGIN_ALLOW_THREADS
  mlxcy_blas_ensure_bound();
  Py_END_ALLOW_THREADS
  return PyBool_FromLong(bound_library[0] != 0);
}

static PyObject* py_is_bound(PyObject* self, PyObject* unused) {
  (void)self, (void)unused;
  return PyBool_FromLong(atomic_load(&bound));
}

static PyObject* py_lazy_supported(PyObject* self, PyObject* unused) {
  (void)self, (void)unused;
  return PyBool_FromLong(MLXCY_LAZY);
}

static PyObject* py_fallback_reason(PyObject* self, PyObject* unused) {
  (void)self, (void)unused;
  return PyUnicode_DecodeFSDefault(fallback_reason);
}

static PyObject* py_threads(PyObject* self, PyObject* unused) {
  (void)self, (void)unused;
  return PyLong_FromLong(get_threads ? get_threads() : 0);
}

static PyObject* py_max_threads(PyObject* self, PyObject* unused) {
  (void)self, (void)unused;
  return PyLong_FromLong(max_threads);
}

/* Re-open this module RTLD_GLOBAL, so that libraries loaded afterwards (libmlx) bind to its
 * symbols first. */
static PyObject* py_make_global(PyObject* self, PyObject* unused) {
  (void)self, (void)unused;
  Dl_info info;
  if (!dladdr((void*)&py_make_global, &info) || !dlopen(info.dli_fname, RTLD_NOW | RTLD_NOLOAD | RTLD_GLOBAL)) {
    const char* err = dlerror();
    PyErr_Format(PyExc_OSError, "cannot make the BLAS forwarder global: %s", err ? err : "?");
    return NULL;
  }
  Py_RETURN_NONE;
}

/* dlopen(path, RTLD_NOW | RTLD_GLOBAL): how _libload.py loads libmlx without importing ctypes. */
static PyObject* py_load_global(PyObject* self, PyObject* arg) {
  (void)self;
  PyObject* encoded = NULL;
  if (!PyUnicode_FSConverter(arg, &encoded)) return NULL;
  void* handle;
  Py_BEGIN_ALLOW_THREADS
  handle = dlopen(PyBytes_AS_STRING(encoded), RTLD_NOW | RTLD_GLOBAL);
  Py_END_ALLOW_THREADS
  if (!handle) {
    const char* err = dlerror();
    PyErr_Format(PyExc_OSError, "%s", err ? err : "dlopen failed");
    Py_DECREF(encoded);
    return NULL;
  }
  Py_DECREF(encoded);
  Py_RETURN_NONE;
}

static PyMethodDef methods[] = {
    {"configure", py_configure, METH_VARARGS,
     "configure(library, prefix, max_threads, grain): the optimized library to bind on the first BLAS call, "
     "its symbol prefix, and the thread policy (max_threads 0: OpenBLAS's own; grain 0: always max_threads)."},
    {"bind_now", py_bind_now, METH_NOARGS, "Bind now if not yet; True when the optimized library is in use."},
    {"is_bound", py_is_bound, METH_NOARGS, "Whether the symbols are bound (a BLAS call or bind_now happened)."},
    {"lazy_supported", py_lazy_supported, METH_NOARGS, "Whether binding can wait for the first call here."},
    {"fallback_reason", py_fallback_reason, METH_NOARGS, "Why the optimized library is not used ('' if it is)."},
    {"threads", py_threads, METH_NOARGS, "OpenBLAS's thread count now (0 if unknown)."},
    {"max_threads", py_max_threads, METH_NOARGS,
     "The most threads a product uses (as OpenBLAS took it once bound; 0: OpenBLAS's own choice)."},
    {"make_global", py_make_global, METH_NOARGS, "Put this module's symbols in the global scope."},
    {"load_global", py_load_global, METH_O, "dlopen a library RTLD_NOW | RTLD_GLOBAL (OSError on failure)."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_blas_forward",
                                    "BLAS/LAPACK symbol forwarding for libmlx (see _libload.py).",
                                    -1, methods, NULL, NULL, NULL, NULL};

PyMODINIT_FUNC PyInit__blas_forward(void) { return PyModule_Create(&module); }
