"""Training-step benchmark: value_and_grad + manual SGD on a 2-layer MLP, eager and compiled.

    python bench/train_step.py [--steps N] [--batch 64] [--width 512] [--quick] [--json OUT]

Times mlxcy, and the reference binding `mlx` when it can be run: in a subprocess of the
interpreter named by MLXCY_BENCH_REF_PYTHON (see _peers.py), or of this one if it has `mlx`.
Prints the time per step and the ratio mlxcy / mlx (lower is better).
"""
import argparse
import importlib
import json
import os
import subprocess
import sys
import time

import numpy as np

from _peers import add_common_args, failure_summary, reference_python, torch_on_threads, write_json


def run(mx, steps, batch, width):
    rng = np.random.default_rng(0)
    d_in, d_out = width, 10
    params = {
        "w1": mx.array((rng.standard_normal((d_in, width)) / np.sqrt(d_in)).astype(np.float32)),
        "b1": mx.zeros((width,)),
        "w2": mx.array((rng.standard_normal((width, d_out)) / np.sqrt(width)).astype(np.float32)),
        "b2": mx.zeros((d_out,)),
    }
    x = mx.array(rng.standard_normal((batch, d_in)).astype(np.float32))
    y = mx.array(rng.standard_normal((batch, d_out)).astype(np.float32))

    def loss_fn(p, x, y):
        h = mx.maximum(x @ p["w1"] + p["b1"], 0.0)
        out = h @ p["w2"] + p["b2"]
        return mx.mean((out - y) ** 2)

    vg = mx.value_and_grad(loss_fn)
    lr = 0.01

    def step(x, y):
        loss, grads = vg(params, x, y)
        for k in params:
            params[k] = params[k] - lr * grads[k]
        return loss

    compiled = mx.compile(step, inputs=params, outputs=params)
    results = {}
    for name, fn in (("eager", step), ("compiled", compiled)):
        for _ in range(5):  # warm-up (and trace)
            mx.eval(fn(x, y), params)
        best = float("inf")
        for _ in range(3):
            t0 = time.perf_counter()
            for _ in range(steps):
                mx.eval(fn(x, y), params)
            best = min(best, (time.perf_counter() - t0) / steps)
        results[name] = best
    return results


def run_torch(steps, batch, width, threads=None):
    """The same MLP step in PyTorch on the CPU (`threads`, None: its default), or None when not installed."""
    peer = torch_on_threads(threads)
    if peer is None:
        return None
    torch, default_threads = peer
    rng = np.random.default_rng(0)
    d_in, d_out = width, 10
    params = {
        "w1": (rng.standard_normal((d_in, width)) / np.sqrt(d_in)).astype(np.float32),
        "b1": np.zeros((width,), np.float32),
        "w2": (rng.standard_normal((width, d_out)) / np.sqrt(width)).astype(np.float32),
        "b2": np.zeros((d_out,), np.float32),
    }
    params = {k: torch.from_numpy(v).requires_grad_() for k, v in params.items()}
    x = torch.from_numpy(rng.standard_normal((batch, d_in)).astype(np.float32))
    y = torch.from_numpy(rng.standard_normal((batch, d_out)).astype(np.float32))
    lr = 0.01

    def step():
        h = torch.relu(x @ params["w1"] + params["b1"])
        loss = ((h @ params["w2"] + params["b2"] - y) ** 2).mean()
        grads = torch.autograd.grad(loss, list(params.values()))
        with torch.no_grad():
            for p, g in zip(params.values(), grads):
                p -= lr * g
        return loss

    for _ in range(5):
        step()
    best = float("inf")
    for _ in range(3):
        t0 = time.perf_counter()
        for _ in range(steps):
            step()
        best = min(best, (time.perf_counter() - t0) / steps)
    used = torch.get_num_threads()
    torch.set_num_threads(default_threads)
    return {"eager": best, "threads": used}


def peer(args, steps):
    """Times of the reference binding (run in its own process), or None when it cannot be run."""
    py = reference_python()
    if not py:
        return None
    cmd = [py, os.path.abspath(__file__), "--impl", "mlx", "--steps", str(steps),
           "--batch", str(args.batch), "--width", str(args.width)]
    out = subprocess.run(cmd, capture_output=True, text=True)
    if out.returncode != 0:
        print(f"reference run failed: {failure_summary(out.stderr)}", file=sys.stderr)
        return None
    return json.loads(out.stdout.strip().splitlines()[-1])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--steps", type=int, help="steps per timing (default 50; --quick: 20)")
    ap.add_argument("--batch", type=int, default=64)
    ap.add_argument("--width", type=int, default=512)
    ap.add_argument("--impl", default="mlxcy", choices=["mlxcy", "mlx"],
                    help="mlx: time the reference in this process and print one JSON line")
    args = add_common_args(ap).parse_args()
    steps = args.steps or (20 if args.quick else 50)
    if args.impl == "mlx":
        res = run(importlib.import_module("mlx.core"), steps, args.batch, args.width)
        print(json.dumps(res))
        return
    import mlxcy
    mine = run(mlxcy, steps, args.batch, args.width)
    ref = peer(args, steps)
    torch_res = run_torch(steps, args.batch, args.width)
    torch_one = run_torch(steps, args.batch, args.width, threads=1)
    what = f"2-layer MLP, batch {args.batch}, width {args.width}"
    print(f"{what}, {steps} steps (best of 3)")
    rows = []
    for k in ("eager", "compiled"):
        line = f"  {k:9s} mlxcy {mine[k] * 1e3:8.3f} ms/step"
        if ref:
            line += f"   mlx {ref[k] * 1e3:8.3f} ms/step   ratio {mine[k] / ref[k]:.2f}x"
        torch_ms = torch_res[k] * 1e3 if torch_res and k in torch_res else None
        if torch_ms:
            line += f"   torch {torch_ms:8.3f} ms/step   ratio {mine[k] * 1e3 / torch_ms:.2f}x"
        print(line)
        rows.append({"case": f"{what}, {k} step", "headline": True,
                     "mlxcy_ms": mine[k] * 1e3, "ref_ms": ref[k] * 1e3 if ref else None, "torch_ms": torch_ms})
    if torch_one:
        print(f"  PyTorch on 1 thread: eager {torch_one['eager'] * 1e3:8.3f} ms/step   "
              f"ratio {mine['eager'] / torch_one['eager']:.2f}x")
        rows.append({"case": f"{what}, eager step vs PyTorch on 1 thread", "headline": False,
                     "mlxcy_ms": mine["eager"] * 1e3, "torch_ms": torch_one["eager"] * 1e3})
    if not ref:
        print("  (reference mlx not available: set MLXCY_BENCH_REF_PYTHON to an interpreter with mlx to compare)")
    notes = []
    if torch_res:
        notes.append(f"PyTorch (eager autograd) ran on {torch_res['threads']} thread(s), its default")
        print("  " + notes[-1])
    else:
        print("  (PyTorch not installed: no PyTorch column)")
    if args.json:
        write_json(args.json, "train_step", rows, quick=args.quick, notes=notes,
                   headline=f"{what}: value_and_grad + SGD step, eager / compiled")


if __name__ == "__main__":
    main()
