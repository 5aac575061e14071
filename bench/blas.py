"""float32 matmul through mlxcy (optimized BLAS on Linux) vs NumPy and the reference binding.

Targets (issue 2): mlxcy <= 1.2x NumPy's time; >= 40x faster than the reference on Linux CPU.
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


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--sizes", type=int, nargs="+", help="matrix sizes (default 1024 4096; --quick: 256 1024)")
    args = add_common_args(ap).parse_args()
    sizes = args.sizes or ([256, 1024] if args.quick else [1024, 4096])
    headline_n = 1024 if 1024 in sizes else max(sizes)
    ref = reference_python()
    rows = []
    print(f"{'n':>6} {'mlxcy s':>10} {'numpy s':>10} {'ref s':>10} {'mlxcy/numpy':>12} {'ref/mlxcy':>10}")
    for n in sizes:
        reps = 5 if n <= 2048 else 2
        ours = run_with_module(sys.executable, "mlxcy", TIMER.format(n=n, reps=reps))["seconds"]
        npy = time_numpy(n, reps)
        # The reference's netlib BLAS is ~50x slower: one repetition is plenty at 4096.
        theirs = run_with_module(ref, "mlx.core", TIMER.format(n=n, reps=1 if n > 2048 else 2))["seconds"] if ref else None
        rows.append({"case": f"f32 matmul {n}\u00b2", "n": n, "headline": n == headline_n,
                     "mlxcy_s": ours, "numpy_s": npy, "ref_s": theirs})
        print(f"{n:>6} {ours:>10.4f} {npy:>10.4f} {theirs if theirs else float('nan'):>10.4f} "
              f"{ratio(ours, npy):>12.2f} {ratio(theirs, ours):>10.1f}")
    if not ref:
        print("(reference mlx not found: set MLXCY_BENCH_REF_PYTHON to a python with mlx==0.32.4)")
    threads = os.environ.get("MLXCY_BLAS_THREADS") or os.environ.get("OPENBLAS_NUM_THREADS") or "1 (the default)"
    note = (f"mlxcy's BLAS ran on {threads} thread(s) (MLXCY_BLAS_THREADS); NumPy's OpenBLAS uses every core "
            f"unless told otherwise ({os.cpu_count()} here)")
    print(note)
    if args.json:
        write_json(args.json, "blas", rows, quick=args.quick, headline=f"f32 matmul {headline_n}\u00b2, time",
                   notes=[note])


if __name__ == "__main__":
    main()
