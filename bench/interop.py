"""NumPy <-> array conversion at 1 MB, 64 MB and 256 MB: mlxcy against the reference `mlx`
binding (run in its own interpreter if it is not importable here), NumPy itself and
`torch.from_numpy` when installed. Prints median times and ratios measured in this run.

    python bench/interop.py [--repeat N]

The reference is looked for as `mlx.core` here, else in the interpreter named by
$MLXCY_REF_PYTHON (default /opt/refvenv/bin/python); missing peers are skipped.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import time

import numpy as np

SIZES = {"1MB": 1 << 18, "64MB": 1 << 24, "256MB": 1 << 26}   # float32 element counts


def median_time(fn, repeat):
    ts = []
    for _ in range(repeat):
        t = time.perf_counter()
        r = fn()
        ts.append(time.perf_counter() - t)
        del r
    return statistics.median(ts)


def measure(mx, repeat, label):
    """Times for one binding module `mx` (mlxcy or mlx.core)."""
    out = {}
    for name, n in SIZES.items():
        x = np.ones(n, dtype=np.float32)
        reps = repeat if n < (1 << 24) else max(3, repeat // 4)
        res = {"array": median_time(lambda: mx.array(x), reps)}
        asarray = getattr(mx, "asarray", None)
        if asarray is not None:
            res["asarray"] = median_time(lambda: asarray(x), reps)
        a = mx.array(x)
        mx.eval(a)
        res["to_numpy"] = median_time(lambda: np.asarray(a), reps)
        res["to_numpy_copy"] = median_time(lambda: np.array(a), reps)
        out[name] = res
        del x, a
    return out


def reference_times(repeat):
    try:
        import mlx.core as ref
        return measure(ref, repeat, "mlx")
    except ImportError:
        pass
    py = os.environ.get("MLXCY_REF_PYTHON", "/opt/refvenv/bin/python")
    if not os.path.exists(py):
        return None
    r = subprocess.run([py, __file__, "--peer", "--repeat", str(repeat)], capture_output=True, text=True)
    if r.returncode != 0:
        print(f"(reference run failed: {r.stderr.strip()[-300:]})")
        return None
    return json.loads(r.stdout.strip().splitlines()[-1])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=9)
    ap.add_argument("--peer", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.peer:
        import mlx.core as ref
        print(json.dumps(measure(ref, args.repeat, "mlx")))
        return
    import mlxcy
    ours = measure(mlxcy, args.repeat, "mlxcy")
    ref = reference_times(args.repeat)
    try:
        import torch
    except ImportError:
        torch = None

    def us(t):
        return f"{t * 1e6:10.1f} us"

    print(f"{'size':>6} | {'what':<34} | {'time':>13} | ratio (peer / mlxcy)")
    for name, n in SIZES.items():
        o = ours[name]
        x = np.ones(n, dtype=np.float32)
        np_copy = median_time(lambda: x.copy(), 3)
        rows = [("NumPy->mlxcy asarray (shares)", o["asarray"], None)]
        if ref:
            rows.append(("  reference mx.array (copies)", ref[name]["array"], ref[name]["array"] / o["asarray"]))
            if "asarray" in ref[name]:
                rows.append(("  reference mx.asarray", ref[name]["asarray"], ref[name]["asarray"] / o["asarray"]))
        if torch is not None:
            tf = median_time(lambda: torch.from_numpy(x), 9)
            rows.append(("  torch.from_numpy (shares)", tf, tf / o["asarray"]))
        rows.append(("NumPy->mlxcy array (copies)", o["array"], None))
        if ref:
            rows.append(("  reference mx.array", ref[name]["array"], ref[name]["array"] / o["array"]))
        rows.append(("  numpy x.copy()", np_copy, np_copy / o["array"]))
        rows.append(("mlxcy->NumPy np.asarray (shares)", o["to_numpy"], None))
        if ref:
            rows.append(("  reference np.asarray", ref[name]["to_numpy"], ref[name]["to_numpy"] / o["to_numpy"]))
        rows.append(("mlxcy->NumPy np.array (copies)", o["to_numpy_copy"], None))
        if ref:
            rows.append(("  reference np.array", ref[name]["to_numpy_copy"],
                         ref[name]["to_numpy_copy"] / o["to_numpy_copy"]))
        for what, t, ratio in rows:
            r = "" if ratio is None else f"{ratio:10.1f}x"
            print(f"{name:>6} | {what:<34} | {us(t)} | {r}")
        del x
    if ref is None:
        print("(reference mlx binding not found: no reference ratios)")
    if ref:
        r = ref["256MB"]["array"] / ours["256MB"]["asarray"]
        print(f"\n256 MB NumPy->array: mlxcy.asarray is {r:.0f}x faster than the reference's mx.array "
              f"(target >= 1000x)")


if __name__ == "__main__":
    main()
