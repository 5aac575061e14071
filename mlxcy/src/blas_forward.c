/* Forwards the BLAS/LAPACK symbols that libmlx imports to an optimized library.
 *
 * The mlx-cpu wheel links netlib's reference BLAS, ~50x slower than OpenBLAS for matmul.
 * This module defines each of those symbols as a one-instruction jump through a pointer.
 * mlxcy/_libload.py loads it, calls mlxcy_blas_bind() with an optimized library and its symbol
 * prefix (scipy-openblas32 prefixes everything with "scipy_"), and only when every symbol
 * resolved re-opens it RTLD_GLOBAL before libmlx loads, so libmlx binds to these first.
 * The jump keeps every argument register and the stack untouched, so no prototypes are needed.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <dlfcn.h>
#include <stdio.h>
#include <string.h>

#define MLXCY_BLAS_SYMBOLS(X) \
  X(cblas_sgemm) X(cblas_dgemm) X(cblas_cgemm) \
  X(sgeev_) X(dgeev_) X(cgeev_) \
  X(sgesdd_) X(dgesdd_) X(cgesdd_) \
  X(cheevd_) X(ssyevd_) X(dsyevd_) \
  X(sgeqrf_) X(dgeqrf_) X(sorgqr_) X(dorgqr_) \
  X(sgetrf_) X(dgetrf_) X(sgetri_) X(dgetri_) \
  X(spotrf_) X(dpotrf_) X(strtri_) X(dtrtri_)

#define DECLARE_TARGET(name) __attribute__((visibility("hidden"))) void* mlxcy_target_##name = NULL;
MLXCY_BLAS_SYMBOLS(DECLARE_TARGET)

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
MLXCY_BLAS_SYMBOLS(TRAMPOLINE)

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

static char bound_library[4096];

/* Resolve every symbol as prefix+name in `library`. Returns the number of symbols that did
 * NOT resolve (0 on success); on any failure no pointer is changed. */
__attribute__((visibility("default"))) int mlxcy_blas_bind(const char* library, const char* prefix) {
  void* handle = dlopen(library, RTLD_NOW | RTLD_LOCAL);
  if (!handle) return (int)N_SYMBOLS;
  void* found[N_SYMBOLS];
  int missing = 0;
  char name[256];
  for (size_t i = 0; i < N_SYMBOLS; ++i) {
    snprintf(name, sizeof(name), "%s%s", prefix ? prefix : "", symbol_names[i]);
    found[i] = dlsym(handle, name);
    if (!found[i]) ++missing;
  }
  if (missing) {
    dlclose(handle);
    return missing;
  }
  for (size_t i = 0; i < N_SYMBOLS; ++i) *targets[i] = found[i];
  snprintf(bound_library, sizeof(bound_library), "%s", library);
  return 0;
}

__attribute__((visibility("default"))) const char* mlxcy_blas_bound_library(void) {
  return bound_library[0] ? bound_library : NULL;
}

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_blas_forward",
                                    "BLAS/LAPACK symbol forwarding for libmlx (see _libload.py).",
                                    -1, NULL};

PyMODINIT_FUNC PyInit__blas_forward(void) { return PyModule_Create(&module); }
