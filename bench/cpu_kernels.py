"""Single CPU operations of a Transformer step, evaluated: mlxcy vs the reference binding vs PyTorch on
the CPU (its default threads, and one thread), to tell which part of the Transformer step's gap to
PyTorch (train_step_transformer.py) comes from libmlx's CPU kernels and which from the binding.
Most rows run the same libmlx kernels in both bindings (a ratio near 1 says the binding is not the
cause); softmax, logsumexp (so cross-entropy), attention, and fast.rms_norm/layer_norm/rope (no
PyTorch row for rope) run mlxcy's own float32 kernels
(src/cpu_kernels.h), and the "off" column times mlxcy with them switched off (MLXCY_CPU_KERNELS=0,
libmlx's path) in the same process.

Run: python bench/cpu_kernels.py [--quick] [--json OUT]
"""
import argparse
import json
import sys
import time

from _peers import add_common_args, alternate, geomean, torch_on_threads, write_json

# (case, setup over mx (names a, b, ...), statement timed with evaluation)
CASES = [
    ("softmax (8,4,128,128), last axis", "a = mx.random.normal((8, 4, 128, 128))",
     "mx.eval(mx.softmax(a, axis=-1))"),
    ("logsumexp (1024,1024), last axis", "a = mx.random.normal((1024, 1024))",
     "mx.eval(mx.logsumexp(a, axis=-1))"),
    ("exp (1M)", "a = mx.random.normal((1 << 20,))", "mx.eval(mx.exp(a))"),
    ("causal SDPA (8,4,128,64)", "a = mx.random.normal((8, 4, 128, 64))",
     "mx.eval(mx.fast.scaled_dot_product_attention(a, a, a, scale=0.125, mask='causal'))"),
    ("cross-entropy (1024 x 1024 logits)",
     "a = mx.random.normal((1024, 1024)); b = mx.random.randint(0, 1024, (1024,))",
     "mx.eval(mx.mean(mx.logsumexp(a, axis=-1) - mx.take_along_axis(a, b[:, None], axis=-1)[:, 0]))"),
    ("layer_norm (1024,256)", "a = mx.random.normal((1024, 256)); w = mx.ones((256,)); b = mx.zeros((256,))",
     "mx.eval(mx.fast.layer_norm(a, w, b, 1e-5))"),
    ("layer_norm (1,1,64), one decode row", "a = mx.random.normal((1, 1, 64)); w = mx.ones((64,)); b = mx.zeros((64,))",
     "mx.eval(mx.fast.layer_norm(a, w, b, 1e-5))"),
    ("rms_norm (1024,256)", "a = mx.random.normal((1024, 256)); w = mx.ones((256,))",
     "mx.eval(mx.fast.rms_norm(a, w, 1e-5))"),
    ("rms_norm (1,1,64), one decode row", "a = mx.random.normal((1, 1, 64)); w = mx.ones((64,))",
     "mx.eval(mx.fast.rms_norm(a, w, 1e-5))"),
    ("rope (8,4,128,64)", "a = mx.random.normal((8, 4, 128, 64))",
     "mx.eval(mx.fast.rope(a, 64, traditional=False, base=10000.0, scale=1.0, offset=0))"),
    ("rope traditional (8,4,128,64), dims 32", "a = mx.random.normal((8, 4, 128, 64))",
     "mx.eval(mx.fast.rope(a, 32, traditional=True, base=10000.0, scale=1.0, offset=7))"),
    ("rope (1,4,1,16), one decode token", "a = mx.random.normal((1, 4, 1, 16))",
     "mx.eval(mx.fast.rope(a, 16, traditional=False, base=10000.0, scale=1.0, offset=100))"),
    ("relu (1024,1024)", "a = mx.random.normal((1024, 1024))", "mx.eval(mx.maximum(a, 0))"),
    ("matmul (1024,256)x(256,1024)", "a = mx.random.normal((1024, 256)); b = mx.random.normal((256, 1024))",
     "mx.eval(a @ b)"),
]

TORCH = {
    "softmax (8,4,128,128), last axis": ("a = torch.randn(8, 4, 128, 128)", "torch.softmax(a, -1)"),
    "logsumexp (1024,1024), last axis": ("a = torch.randn(1024, 1024)", "torch.logsumexp(a, -1)"),
    "exp (1M)": ("a = torch.randn(1 << 20)", "torch.exp(a)"),
    "causal SDPA (8,4,128,64)": ("a = torch.randn(8, 4, 128, 64)",
                                 "F.scaled_dot_product_attention(a, a, a, is_causal=True)"),
    "cross-entropy (1024 x 1024 logits)": ("a = torch.randn(1024, 1024); b = torch.randint(0, 1024, (1024,))",
                                           "F.cross_entropy(a, b)"),
    "layer_norm (1024,256)": ("a = torch.randn(1024, 256); w = torch.ones(256); b = torch.zeros(256)",
                              "F.layer_norm(a, (256,), w, b, 1e-5)"),
    "layer_norm (1,1,64), one decode row": ("a = torch.randn(1, 1, 64); w = torch.ones(64); b = torch.zeros(64)",
                                            "F.layer_norm(a, (64,), w, b, 1e-5)"),
    "rms_norm (1024,256)": ("a = torch.randn(1024, 256); w = torch.ones(256)",
                            "a * torch.rsqrt(a.square().mean(-1, keepdim=True) + 1e-5) * w"),
    "rms_norm (1,1,64), one decode row": ("a = torch.randn(1, 1, 64); w = torch.ones(64)",
                                          "a * torch.rsqrt(a.square().mean(-1, keepdim=True) + 1e-5) * w"),
    "relu (1024,1024)": ("a = torch.randn(1024, 1024)", "torch.relu(a)"),
    "matmul (1024,256)x(256,1024)": ("a = torch.randn(1024, 256); b = torch.randn(256, 1024)", "a @ b"),
}

CODE = r"""
import json, time
out = {}
for name, setup, stmt in CASES:
    env = {"mx": mx}
    exec(setup, env)
    exec("mx.eval(" + ", ".join(k for k in env if k not in ("mx", "__builtins__")) + ")", env)
    fn = eval("lambda: " + stmt, env)
    fn()
    best = float("inf")
    for _ in range(REPS):
        t = time.perf_counter(); fn(); best = min(best, time.perf_counter() - t)
    out[name] = [best]
if mx.__name__.startswith("mlxcy"):
    # the same cases with mlxcy's own CPU kernels switched off (read by the ops on each call)
    import os
    os.environ["MLXCY_CPU_KERNELS"] = "0"
    for name, setup, stmt in CASES:
        env = {"mx": mx}
        exec(setup, env)
        exec("mx.eval(" + ", ".join(k for k in env if k not in ("mx", "__builtins__")) + ")", env)
        fn = eval("lambda: " + stmt, env)
        fn()
        best = float("inf")
        for _ in range(REPS):
            t = time.perf_counter(); fn(); best = min(best, time.perf_counter() - t)
        out[name].append(best)
    del os.environ["MLXCY_CPU_KERNELS"]
print(json.dumps(out))
"""


def time_torch(reps, threads=None):
    """{case: seconds} in PyTorch (`threads`, None: its default), or None where it is not installed."""
    peer = torch_on_threads(threads)
    if peer is None:
        return None
    torch, default = peer
    import torch.nn.functional as F
    out = {}
    try:
        for name, (setup, stmt) in TORCH.items():
            env = {"torch": torch, "F": F}
            exec(setup, env)
            fn = eval("lambda: " + stmt, env)
            fn()
            best = float("inf")
            for _ in range(reps):
                t = time.perf_counter()
                fn()
                best = min(best, time.perf_counter() - t)
            out[name] = best
    finally:
        torch.set_num_threads(default)
    return out, (threads or default)


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--rounds", type=int, help="alternate the bindings (default 3; --quick: 2)")
    args = add_common_args(ap).parse_args()
    reps = 3 if args.quick else 7
    rounds = args.rounds or (2 if args.quick else 3)
    ours, theirs = alternate(f"CASES = {CASES!r}\nREPS = {reps}\n" + CODE, rounds)
    torch_default = time_torch(reps)
    torch_one = time_torch(reps, threads=1)
    rows = []
    header = f"{'operation':<36} {'mlxcy ms':>9} {'off ms':>8} {'/off':>5} {'ref ms':>8} {'/ref':>5}"
    if torch_default:
        header += f" {'torch ms':>9} {'/torch':>7} {'torch 1t':>9} {'/torch 1t':>9}"
    print(header)
    for name, _, _ in CASES:
        o, off = ours[name][0], ours[name][1]
        t = theirs[name][0] if theirs else None
        line = (f"{name:<36} {o * 1e3:>9.3f} {off * 1e3:>8.3f} {o / off:>5.2f} "
                f"{t * 1e3 if t else float('nan'):>8.3f} {o / t if t else float('nan'):>5.2f}")
        row = {"case": name, "group": "CPU kernels", "headline": True, "mlxcy_ms": o * 1e3,
               "ref_ms": t * 1e3 if t else None, "mlxcy_kernels_off_ms": off * 1e3}
        rows.append(row)
        if torch_default and name in torch_default[0]:
            td, t1 = torch_default[0][name], torch_one[0][name]
            line += f" {td * 1e3:>9.3f} {o / td:>7.1f} {t1 * 1e3:>9.3f} {o / t1:>9.1f}"
            row["torch_ms"] = td * 1e3
            rows.append({"case": f"{name}, vs PyTorch on 1 thread", "group": "CPU kernels, PyTorch on 1 thread",
                         "headline": False, "mlxcy_ms": o * 1e3, "torch_ms": t1 * 1e3})
        print(line)
    notes = []
    if theirs:
        notes.append(f"mlxcy / reference over these ops: geometric mean "
                     f"{geomean([ours[n][0] / theirs[n][0] for n, _, _ in CASES]):.2f}; with mlxcy's CPU kernels off "
                     f"(libmlx's kernels in both): {geomean([ours[n][1] / theirs[n][0] for n, _, _ in CASES]):.2f}")
    if torch_default:
        notes.append(f"PyTorch ran on {torch_default[1]} thread(s) (its default) and on 1; mlxcy / PyTorch on 1 "
                     f"thread: geometric mean "
                     f"{geomean([ours[n][0] / torch_one[0][n] for n, _, _ in CASES if n in torch_one[0]]):.2f}")
    for note in notes:
        print(note)
    if not torch_default:
        print("(PyTorch not installed: no PyTorch columns)")
    if theirs is None:
        print("(reference mlx not found: set MLXCY_BENCH_REF_PYTHON to a python with mlx==0.32.4)")
    if args.json:
        write_json(args.json, "cpu_kernels", rows, quick=args.quick, notes=notes,
                   headline="single CPU ops of a Transformer step, evaluated (geomean)")


if __name__ == "__main__":
    main()
