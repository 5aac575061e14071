"""float32 matmul through mlxcy (optimized BLAS on Linux) vs NumPy and the reference binding.

Targets (issue 21): mlxcy <= 1.1x NumPy's time for large products; >= 40x faster than the reference
on Linux CPU. mlxcy runs with its default threads (one per mlxcy._libload.BLAS_GRAIN multiply-adds,
up to the cores) and, for comparison, pinned to one thread (MLXCY_BLAS_THREADS=1).
Run: python bench/blas.py [--sizes 1024 4096] [--quick] [--json OUT]
"""
import argparse
import os
import sys
import time

import numpy as np

from _peers import add_common_args, reference_python, run_with_module, ratio, write_json

TIMER = r"""
import json, time, numpy as np, sys
n, reps = {n}, {reps}
mx.set_default_device(mx.cpu)   # CPU BLAS, also on a CUDA build
rng = np.random.default_rng(0)
a = mx.array(rng.standard_normal((n, n)).astype(np.float32))
b = mx.array(rng.standard_normal((n, n)).astype(np.float32))
mx.eval(a @ b)
best = float("inf")
for _ in range(reps):
    t = time.perf_counter(); mx.eval(a @ b); best = min(best, time.perf_counter() - t)
print(json.dumps({{"seconds": best}}))
"""


def time_numpy(n, reps):
    rng = np.random.default_rng(0)
    a = rng.standard_normal((n, n)).astype(np.float32)
    b = rng.standard_normal((n, n)).astype(np.float32)
    a @ b
    best = float("inf")
    for _ in range(reps):
        t = time.perf_counter()
        a @ b
        best = min(best, time.perf_counter() - t)
    return best


def time_mlxcy(n, reps, threads=None):
    """Seconds per n x n product under mlxcy, with MLXCY_BLAS_THREADS=threads (None: the default)."""
    saved = os.environ.pop("MLXCY_BLAS_THREADS", None)
    try:
        if threads is not None:
            os.environ["MLXCY_BLAS_THREADS"] = str(threads)
        return run_with_module(sys.executable, "mlxcy", TIMER.format(n=n, reps=reps))["seconds"]
    finally:
        os.environ.pop("MLXCY_BLAS_THREADS", None)
        if saved is not None:
            os.environ["MLXCY_BLAS_THREADS"] = saved


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--sizes", type=int, nargs="+", help="matrix sizes (default 1024 4096; --quick: 256 1024)")
    args = add_common_args(ap).parse_args()
    sizes = args.sizes or ([256, 1024] if args.quick else [1024, 4096])
    headline_n = 1024 if 1024 in sizes else max(sizes)
    ref = reference_python()
    rows = []
    print(f"{'n':>6} {'mlxcy s':>10} {'1 thread s':>10} {'numpy s':>10} {'ref s':>10} {'mlxcy/numpy':>12} "
          f"{'ref/mlxcy':>10}")
    for n in sizes:
        reps = 5 if n <= 2048 else 2
        ours = time_mlxcy(n, reps)
        one = time_mlxcy(n, reps, threads=1)
        npy = time_numpy(n, reps)
        # The reference's netlib BLAS is ~50x slower: one repetition is plenty at 4096.
        theirs = run_with_module(ref, "mlx.core", TIMER.format(n=n, reps=1 if n > 2048 else 2))["seconds"] if ref else None
        rows.append({"case": f"f32 matmul {n}\u00b2", "n": n, "headline": n == headline_n,
                     "mlxcy_s": ours, "mlxcy_1thread_s": one, "numpy_s": npy, "ref_s": theirs})
        print(f"{n:>6} {ours:>10.4f} {one:>10.4f} {npy:>10.4f} {theirs if theirs else float('nan'):>10.4f} "
              f"{ratio(ours, npy):>12.2f} {ratio(theirs, ours):>10.1f}")
    if not ref:
        print("(reference mlx not found: set MLXCY_BENCH_REF_PYTHON to a python with mlx==0.32.4)")
    threads = os.environ.get("MLXCY_BLAS_THREADS") or os.environ.get("OPENBLAS_NUM_THREADS")
    threads = (f"{threads} thread(s) (set in the environment)" if threads else
               "its default threads (one per 2**24 multiply-adds, up to the cores)")
    note = (f"mlxcy's BLAS ran on {threads}; NumPy's OpenBLAS uses every core unless told otherwise "
            f"({os.cpu_count()} here)")
    print(note)
    if args.json:
        write_json(args.json, "blas", rows, quick=args.quick, headline=f"f32 matmul {headline_n}\u00b2, time",
                   notes=[note])


if __name__ == "__main__":
    main()
