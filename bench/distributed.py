"""all_sum bandwidth over local ranks: mlxcy's ring backend (127.0.0.1) beside the reference
binding's ring backend (same libmlx) and torch.distributed's gloo backend where PyTorch is installed,
with a memcpy figure for scale.

Run: python bench/distributed.py [--ranks 2 4] [--sizes-mb 1 16 64 256] [--quick] [--json OUT]
(--quick: 2 ranks, 1 and 16 MB)
Each rank reports seconds per all_sum of a float32 buffer; bandwidth is the buffer size over that
time (the "algorithm bandwidth"); memcpy is a NumPy copy of the same buffer in one process. The ranks
share this machine's cores, so the figures measure the machine as much as the backend: compare the
columns of one run. The reference's ranks are started by mlxcy.launch (--python), which writes the
hostfile MLX's ring backend reads.
"""
import argparse
import importlib.util
import json
import os
import socket
import subprocess
import sys
import tempfile
import time

import numpy as np

from _peers import add_common_args, figure, reference_python, write_json

# argv: sizes (MB, comma-separated), binding module name (mlxcy or mlx.core)
WORKER = r"""
import importlib, json, sys, time
mx = importlib.import_module(sys.argv[2])
sizes = [int(s) for s in sys.argv[1].split(",")]
g = mx.distributed.init(strict=True, backend="ring")
out = {}
for mb in sizes:
    x = mx.ones((mb * (1 << 20) // 4,), mx.float32)
    mx.eval(mx.distributed.all_sum(x))
    reps = 3 if mb >= 64 else 10
    t = time.perf_counter()
    for _ in range(reps):
        mx.eval(mx.distributed.all_sum(x))
    out[mb] = (time.perf_counter() - t) / reps
if g.rank() == 0:
    print("RESULT " + json.dumps(out), flush=True)
"""

# argv: sizes, rank, world size, port
TORCH_WORKER = r"""
import json, sys, time
import torch, torch.distributed as dist
sizes = [int(s) for s in sys.argv[1].split(",")]
rank, world, port = int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
dist.init_process_group("gloo", init_method=f"tcp://127.0.0.1:{port}", rank=rank, world_size=world)
out = {}
for mb in sizes:
    x = torch.ones(mb * (1 << 20) // 4, dtype=torch.float32)
    dist.all_reduce(x)
    reps = 3 if mb >= 64 else 10
    t = time.perf_counter()
    for _ in range(reps):
        dist.all_reduce(x)
    out[mb] = (time.perf_counter() - t) / reps
dist.destroy_process_group()
if rank == 0:
    print("RESULT " + json.dumps(out), flush=True)
"""

def memcpy_gbps(mb):
    a = np.ones(mb * (1 << 20) // 4, np.float32)
    b = np.empty_like(a)
    np.copyto(b, a)
    t = time.perf_counter()
    for _ in range(5):
        np.copyto(b, a)
    return a.nbytes / ((time.perf_counter() - t) / 5) / 1e9


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--ranks", type=int, nargs="+", help="rank counts (default 2 4; --quick: 2)")
    ap.add_argument("--sizes-mb", type=int, nargs="+", help="buffer sizes (default 1 16 64 256; --quick: 1 16)")
    args = add_common_args(ap).parse_args()
    args.ranks = args.ranks or ([2] if args.quick else [2, 4])
    args.sizes_mb = args.sizes_mb or ([1, 16] if args.quick else [1, 16, 64, 256])
    rows = []
    ref_py = reference_python()
    have_torch = importlib.util.find_spec("torch") is not None
    sizes = ",".join(map(str, args.sizes_mb))
    with tempfile.TemporaryDirectory() as d:
        script = os.path.join(d, "worker.py")
        with open(script, "w") as f:
            f.write(WORKER)
        torch_script = os.path.join(d, "torch_worker.py")
        with open(torch_script, "w") as f:
            f.write(TORCH_WORKER)
        print(f"{'ranks':>5} {'MB':>5} {'mlxcy ms':>9} {'ref ms':>8} {'torch ms':>9} {'mlxcy GB/s':>11} "
              f"{'memcpy GB/s':>12}")
        for n in args.ranks:
            ours = ring_times(sys.executable, "mlxcy", n, script, sizes)
            theirs = ring_times(ref_py, "mlx.core", n, script, sizes) if ref_py else None
            gloo = gloo_times(n, torch_script, sizes) if have_torch else None
            if ours is None:
                continue
            for mb in args.sizes_mb:
                sec = ours[str(mb)]
                ref_sec = theirs[str(mb)] if theirs else None
                torch_sec = gloo[str(mb)] if gloo else None
                row = {"case": f"all_sum {mb} MB, {n} ranks", "ranks": n, "mb": mb,
                       "headline": n == args.ranks[0] and mb == args.sizes_mb[-1],
                       "mlxcy_ms": sec * 1e3, "ref_ms": ref_sec * 1e3 if ref_sec else None,
                       "torch_ms": torch_sec * 1e3 if torch_sec else None,
                       "gbps": mb * (1 << 20) / sec / 1e9, "memcpy_gbps": memcpy_gbps(mb)}
                rows.append(row)
                fmt = lambda v, w: f"{v * 1e3:>{w}.2f}" if v else f"{'-':>{w}}"
                print(f"{n:>5} {mb:>5} {fmt(sec, 9)} {fmt(ref_sec, 8)} {fmt(torch_sec, 9)} {row['gbps']:>11.2f} "
                      f"{row['memcpy_gbps']:>12.2f}")
    if not ref_py:
        print("(reference mlx not found: set MLXCY_BENCH_REF_PYTHON to a python with mlx==0.32.4)")
    if not have_torch:
        print("(PyTorch not installed: no gloo column)")
    if args.json:
        figures = [figure(f"{r['case']}: algorithm bandwidth (one-process memcpy {r['memcpy_gbps']:.1f} GB/s)",
                          r["gbps"], "GB/s") for r in rows]
        write_json(args.json, "distributed", rows, quick=args.quick, figures=figures,
                   headline="all_sum over local ranks (ring backend; PyTorch: gloo), time",
                   notes=["the ranks share this machine's cores: compare the columns of one run"])


def ring_times(python, module, n, script, sizes):
    """{MB: seconds per all_sum} of rank 0 of `n` local ranks of `script` under `python`, or None."""
    res = subprocess.run([sys.executable, "-m", "mlxcy.launch", "-n", str(n), "--timeout", "600",
                          "--python", python, script, sizes, module], capture_output=True, text=True, cwd="/")
    line = next((l for l in res.stdout.splitlines() if "RESULT " in l), None)
    if res.returncode != 0 or line is None:
        print(f"{module}: {n} ranks failed:\n{res.stdout[-2000:]}{res.stderr[-2000:]}")
        return None
    return json.loads(line.split("RESULT ", 1)[1])


def gloo_times(n, script, sizes):
    """The same for torch.distributed's gloo backend, or None."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    procs = [subprocess.Popen([sys.executable, script, sizes, str(r), str(n), str(port)], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True, cwd="/") for r in range(n)]
    outs = [p.communicate(timeout=600) for p in procs]
    line = next((l for l in outs[0][0].splitlines() if "RESULT " in l), None)
    if any(p.returncode for p in procs) or line is None:
        print(f"torch gloo: {n} ranks failed:\n{outs[0][1][-2000:]}")
        return None
    return json.loads(line.split("RESULT ", 1)[1])

if __name__ == "__main__":
    main()
