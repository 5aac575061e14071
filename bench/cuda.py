"""The CUDA backend: per-op dispatch cost, an 8192² bf16 matmul and causal attention, for mlxcy,
the reference binding (same libmlx) and PyTorch, on the GPU of this machine.

Run on a machine with an NVIDIA GPU: python bench/cuda.py [--quick] [--json OUT]
The report's GPU section is read from bench/results_cuda.json, written on the GPU machine by
    MLXCY_BENCH_REF_PYTHON=<python with mlx[cuda]> python bench/cuda.py --json bench/results_cuda.json
(the file records the date, GPU, driver and versions, so a report written elsewhere shows them).
"""
import argparse
import sys

from _peers import (add_common_args, gpu, have, machine, reference_python, run_with_module, ratio, versions,
                    write_json, figure)

KERNELS = r"""
import json, time
dev = mx.default_device()
assert "gpu" in repr(dev), dev
def best(fn, reps):
    fn(); b = float("inf")
    for _ in range(3):
        t = time.perf_counter()
        for _ in range(reps): fn()
        b = min(b, (time.perf_counter() - t) / reps)
    return b
a = mx.ones((4,)); c = mx.ones((4,)); mx.eval(a, c)
out = {}
out["dispatch_add_ns"] = best(lambda: a + c, 20000 // SCALE) * 1e9
out["dispatch_add_eval_us"] = best(lambda: mx.eval(a + c), 2000 // SCALE) * 1e6
n = 8192
x = mx.random.normal((n, n)).astype(mx.bfloat16); y = mx.random.normal((n, n)).astype(mx.bfloat16); mx.eval(x, y)
s = best(lambda: mx.eval(x @ y), 10)
out["matmul_ms"] = s * 1e3; out["matmul_tflops"] = 2 * n ** 3 / s / 1e12
B, H, L, D = 4, 32, 2048, 128
q = mx.random.normal((B, H, L, D)).astype(mx.bfloat16); k = mx.random.normal((B, H, L, D)).astype(mx.bfloat16)
v = mx.random.normal((B, H, L, D)).astype(mx.bfloat16); mx.eval(q, k, v)
s = best(lambda: mx.eval(mx.fast.scaled_dot_product_attention(q, k, v, scale=D ** -0.5, mask="causal")), 10)
out["sdpa_ms"] = s * 1e3
print(json.dumps(out))
"""

TORCH = r"""
import json, time, torch
import torch.nn.functional as F
def best(fn, reps):
    fn(); torch.cuda.synchronize(); b = float("inf")
    for _ in range(3):
        t = time.perf_counter()
        for _ in range(reps): fn()
        torch.cuda.synchronize()
        b = min(b, (time.perf_counter() - t) / reps)
    return b
a = torch.ones(4, device="cuda"); c = torch.ones(4, device="cuda")
out = {"dispatch_add_ns": best(lambda: a + c, 20000 // SCALE) * 1e9}
n = 8192
x = torch.randn(n, n, device="cuda", dtype=torch.bfloat16); y = torch.randn(n, n, device="cuda", dtype=torch.bfloat16)
s = best(lambda: x @ y, 10)
out["matmul_ms"] = s * 1e3; out["matmul_tflops"] = 2 * n ** 3 / s / 1e12
B, H, L, D = 4, 32, 2048, 128
q, k, v = (torch.randn(B, H, L, D, device="cuda", dtype=torch.bfloat16) for _ in range(3))
out["sdpa_ms"] = best(lambda: F.scaled_dot_product_attention(q, k, v, is_causal=True), 10) * 1e3
print(json.dumps(out))
"""


def best_of(kept, new):
    """Per figure, the better of two runs: the larger throughput, the smaller time."""
    if kept is None:
        return new
    return {k: (max if k.endswith("tflops") else min)(v, kept.get(k, v)) for k, v in new.items()}


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--rounds", type=int, help="runs of each binding, alternating (default 3; 1 with --quick)")
    args = add_common_args(ap).parse_args()
    import mlxcy
    if not mlxcy.cuda.is_available():
        raise SystemExit("cuda.py: mlxcy.cuda.is_available() is False: this needs an NVIDIA GPU and the "
                         "CUDA backend wheel (docs/cuda.md)")
    scale = "SCALE = %d\n" % (10 if args.quick else 1)   # --quick: a tenth of the dispatch repetitions
    runs = [("mlxcy", sys.executable, "mlxcy", KERNELS)]
    ref = reference_python()
    if ref:
        runs.append(("mlx", ref, "mlx.core", KERNELS))
    if have("torch"):
        runs.append(("torch", sys.executable, "json", TORCH))
    # The bindings take turns over the rounds and each keeps its best figures: one process after
    # another measured the host's clock and cache state as much as the binding (a first process
    # on a fresh machine ran 1.7x slower on the small-op figures).
    results = {}
    for _ in range(args.rounds or (1 if args.quick else 3)):
        for name, python, module, code in runs:
            results[name] = best_of(results.get(name), run_with_module(python, module, scale + code))
    keys = ["dispatch_add_ns", "dispatch_add_eval_us", "matmul_ms", "matmul_tflops", "sdpa_ms"]
    print(f"{'measure':<22}" + "".join(f"{name:>12}" for name in results) + f"{'mlxcy/mlx':>11}")
    for k in keys:
        vals = [results[n].get(k) for n in results]
        cells = "".join(f"{v:>12.2f}" if v is not None else f"{'-':>12}" for v in vals)
        r = ratio(results["mlxcy"].get(k), results.get("mlx", {}).get(k)) if "mlx" in results else None
        tail = f"{r:>11.2f}" if r else "-".rjust(11)
        print(f"{k:<22}{cells}{tail}")
    if args.json:
        def field(who, key):
            return results.get(who, {}).get(key)
        rows = []
        for case, key, unit, headline in (
                ("`a + b` graph building", "dispatch_add_ns", "ns", True),
                ("`mx.eval(a + b)`", "dispatch_add_eval_us", "us", False),
                ("8192\u00b2 bf16 matmul", "matmul_ms", "ms", True),
                ("causal SDPA B4 H32 L2048 D128 bf16", "sdpa_ms", "ms", True)):
            rows.append({"case": case, "headline": headline, f"mlxcy_{unit}": field("mlxcy", key),
                         f"ref_{unit}": field("mlx", key), f"torch_{unit}": field("torch", key)})
        figures = [figure(f"8192\u00b2 bf16 matmul, {who}", field(key, "matmul_tflops"), "TFLOP/s")
                   for key, who in (("mlxcy", "mlxcy"), ("mlx", "reference"), ("torch", "PyTorch")) if key in results]
        write_json(args.json, "cuda", rows, quick=args.quick, figures=figures, results=results,
                   headline="`a + b` dispatch / 8192\u00b2 bf16 matmul / causal SDPA, time",
                   machine=dict(machine(), **(gpu() or {})), versions=versions())


if __name__ == "__main__":
    main()
