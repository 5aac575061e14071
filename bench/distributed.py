"""all_sum bandwidth over local ranks (ring backend on 127.0.0.1), next to a memcpy figure.

Run: python bench/distributed.py [--ranks 2 4] [--sizes-mb 1 16 64 256] [--quick] [--json OUT]
(--quick: 2 ranks, 1 and 16 MB)
Each rank reports seconds per all_sum; bandwidth is the buffer size over that time (the
"algorithm bandwidth"); memcpy is a NumPy copy of the same buffer in one process, for scale.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

import numpy as np

from _peers import add_common_args, figure, write_json

WORKER = r"""
import json, sys, time
import mlxcy as mx
sizes = [int(s) for s in sys.argv[1].split(",")]
g = mx.distributed.init(strict=True)
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
    with tempfile.TemporaryDirectory() as d:
        script = os.path.join(d, "worker.py")
        with open(script, "w") as f:
            f.write(WORKER)
        print(f"{'ranks':>5} {'MB':>5} {'ms/all_sum':>11} {'GB/s':>7} {'memcpy GB/s':>12}")
        for n in args.ranks:
            res = subprocess.run([sys.executable, "-m", "mlxcy.launch", "-n", str(n), "--timeout", "600", script,
                                  ",".join(map(str, args.sizes_mb))], capture_output=True, text=True, cwd="/")
            line = next((l for l in res.stdout.splitlines() if "RESULT " in l), None)
            if res.returncode != 0 or line is None:
                print(f"{n} ranks failed:\n{res.stdout[-2000:]}{res.stderr[-2000:]}")
                continue
            times = json.loads(line.split("RESULT ", 1)[1])
            for mb in args.sizes_mb:
                sec = times[str(mb)]
                row = {"case": f"all_sum {mb} MB, {n} ranks", "ranks": n, "mb": mb, "headline": False,
                       "mlxcy_ms": sec * 1e3, "gbps": mb * (1 << 20) / sec / 1e9, "memcpy_gbps": memcpy_gbps(mb)}
                rows.append(row)
                print(f"{n:>5} {mb:>5} {sec * 1e3:>11.2f} {row['gbps']:>7.2f} {row['memcpy_gbps']:>12.2f}")
    if args.json:
        figures = [figure(f"{r['case']}: algorithm bandwidth (one-process memcpy {r['memcpy_gbps']:.1f} GB/s)",
                          r["gbps"], "GB/s") for r in rows]
        write_json(args.json, "distributed", rows, quick=args.quick, figures=figures,
                   headline="all_sum over local ranks (ring backend), bandwidth",
                   no_ratio_reason="no peer: the ranks share this machine's cores, so its all_sum figures "
                                   "measure the machine's load more than the backend; bandwidths listed for scale")


if __name__ == "__main__":
    main()
