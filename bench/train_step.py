"""Training-step benchmark: value_and_grad + manual SGD on a 2-layer MLP, eager and compiled.

    python bench/train_step.py [--steps N] [--batch 64] [--width 512]

Times mlxcy, and the reference binding `mlx` when it can be run: imported in this process if
installed, else through the interpreter named by MLX_REF_PYTHON (e.g. a venv with mlx) in a
subprocess. Prints the time per step and the ratio mlxcy / mlx (lower is better).
"""
import argparse
import importlib
import json
import os
import subprocess
import sys
import time

import numpy as np


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


def peer(args):
    """Times of the reference binding, or None when it cannot be run."""
    try:
        mx = importlib.import_module("mlx.core")
    except ImportError:
        mx = None
    if mx is not None:
        return run(mx, args.steps, args.batch, args.width)
    py = os.environ.get("MLXCY_BENCH_REF_PYTHON") or os.environ.get("MLX_REF_PYTHON")
    if not py:
        return None
    cmd = [py, os.path.abspath(__file__), "--impl", "mlx", "--json", "--steps", str(args.steps),
           "--batch", str(args.batch), "--width", str(args.width)]
    out = subprocess.run(cmd, capture_output=True, text=True)
    if out.returncode != 0:
        print(f"reference run failed: {out.stderr.strip()[-500:]}", file=sys.stderr)
        return None
    return json.loads(out.stdout.strip().splitlines()[-1])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--steps", type=int, default=50)
    ap.add_argument("--batch", type=int, default=64)
    ap.add_argument("--width", type=int, default=512)
    ap.add_argument("--impl", default="mlxcy", choices=["mlxcy", "mlx"])
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    if args.impl == "mlx":
        res = run(importlib.import_module("mlx.core"), args.steps, args.batch, args.width)
        print(json.dumps(res))
        return
    import mlxcy
    mine = run(mlxcy, args.steps, args.batch, args.width)
    ref = peer(args)
    print(f"2-layer MLP, batch {args.batch}, width {args.width}, {args.steps} steps (best of 3)")
    for k in ("eager", "compiled"):
        line = f"  {k:9s} mlxcy {mine[k] * 1e3:8.3f} ms/step"
        if ref:
            line += f"   mlx {ref[k] * 1e3:8.3f} ms/step   ratio {mine[k] / ref[k]:.2f}x"
        print(line)
    if not ref:
        print("  (reference mlx not available: set MLX_REF_PYTHON to an interpreter with mlx to compare)")


if __name__ == "__main__":
    main()
