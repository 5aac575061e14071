"""NumPy <-> array conversion at 1 MB, 64 MB and 256 MB: mlxcy against the reference `mlx`
binding (run in its own interpreter if it is not importable here), NumPy itself and
`torch.from_numpy` when installed (and mlxcy -> PyTorch through `torch.from_dlpack`). Prints median times and ratios measured in this run.

    python bench/interop.py [--repeat N] [--quick] [--json OUT]

The reference runs in its own process: the interpreter named by MLXCY_BENCH_REF_PYTHON, or this
one if it has `mlx` (see _peers.py); missing peers are skipped.
"""
import argparse
import json
import statistics
import subprocess
import time

import numpy as np

from _peers import add_common_args, failure_summary, reference_python, write_json

SIZES = {"1MB": 1 << 18, "64MB": 1 << 24, "256MB": 1 << 26}   # float32 element counts


SHARED_LOOPS = 200   # calls per sample for the conversions that share memory (about a microsecond each)


def median_time(fn, repeat, loops=1):
    """Median over `repeat` samples of the time per call, each sample timing `loops` calls (a
    single sub-microsecond call is below the clock's resolution and its own overhead)."""
    ts = []
    for _ in range(repeat):
        t = time.perf_counter()
        for _ in range(loops):
            r = fn()
            del r
        ts.append((time.perf_counter() - t) / loops)
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
            res["asarray"] = median_time(lambda: asarray(x), reps, SHARED_LOOPS)
        a = mx.array(x)
        mx.eval(a)
        res["to_numpy"] = median_time(lambda: np.asarray(a), reps, SHARED_LOOPS)
        res["to_numpy_copy"] = median_time(lambda: np.array(a), reps)
        out[name] = res
        del x, a
    return out


def reference_times(repeat):
    py = reference_python()
    if py is None:
        return None
    r = subprocess.run([py, __file__, "--peer", "--repeat", str(repeat)], capture_output=True, text=True)
    if r.returncode != 0:
        print(f"(reference run failed: {failure_summary(r.stderr)})")
        return None
    return json.loads(r.stdout.strip().splitlines()[-1])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, help="timings per case, median kept (default 9; --quick: 5)")
    ap.add_argument("--peer", action="store_true", help=argparse.SUPPRESS)
    args = add_common_args(ap).parse_args()
    repeat = args.repeat or (5 if args.quick else 9)
    if args.peer:
        import mlx.core as ref
        print(json.dumps(measure(ref, repeat, "mlx")))
        return
    import mlxcy
    ours = measure(mlxcy, repeat, "mlxcy")
    ref = reference_times(repeat)
    try:
        import torch
    except ImportError:
        torch = None

    def us(t):
        return f"{t * 1e6:10.1f} us"

    def ms(times, key):
        return times[key] * 1e3 if times and key in times else None

    print(f"{'size':>6} | {'what':<34} | {'time':>13} | ratio (peer / mlxcy)")
    cases = []
    for name, n in SIZES.items():
        o = ours[name]
        r = ref[name] if ref else None
        x = np.ones(n, dtype=np.float32)
        np_copy = median_time(lambda: x.copy(), 3)
        tf = median_time(lambda: torch.from_numpy(x), 9, SHARED_LOOPS) if torch is not None else None
        t_dlpack = None
        if torch is not None:
            a = mlxcy.array(x)
            mlxcy.eval(a)
            t_dlpack = median_time(lambda: torch.from_dlpack(a), 9, SHARED_LOOPS)
            del a
        # --json cases: mlxcy's call against what a user of each peer would call for the same job.
        cases += [
            {"case": f"NumPy\u2192array {name}: mlxcy asarray (shares) vs reference array (copies), "
                     "torch.from_numpy (shares)", "headline": name == "256MB",
             "mlxcy_ms": ms(o, "asarray"), "ref_ms": ms(r, "array"), "torch_ms": tf * 1e3 if tf else None},
            {"case": f"NumPy\u2192array {name}: asarray vs reference asarray", "headline": False,
             "mlxcy_ms": ms(o, "asarray"), "ref_ms": ms(r, "asarray")},
            {"case": f"NumPy\u2192array {name}: array (copies) vs reference array, NumPy x.copy()",
             "headline": False, "mlxcy_ms": ms(o, "array"), "ref_ms": ms(r, "array"), "numpy_ms": np_copy * 1e3},
            {"case": f"array\u2192NumPy {name}: np.asarray (shares)", "headline": False,
             "mlxcy_ms": ms(o, "to_numpy"), "ref_ms": ms(r, "to_numpy")},
            {"case": f"array\u2192NumPy {name}: np.array (copies)", "headline": False,
             "mlxcy_ms": ms(o, "to_numpy_copy"), "ref_ms": ms(r, "to_numpy_copy")},
        ]
        if t_dlpack is not None:
            cases.append({"case": f"array\u2192PyTorch {name}: torch.from_dlpack(mlxcy array) vs "
                                  "torch.from_numpy(ndarray)", "headline": False,
                          "mlxcy_ms": t_dlpack * 1e3, "torch_ms": tf * 1e3})
        rows = [("NumPy->mlxcy asarray (shares)", o["asarray"], None)]
        if ref:
            rows.append(("  reference mx.array (copies)", ref[name]["array"], ref[name]["array"] / o["asarray"]))
            if "asarray" in ref[name]:
                rows.append(("  reference mx.asarray", ref[name]["asarray"], ref[name]["asarray"] / o["asarray"]))
        if torch is not None:
            rows.append(("  torch.from_numpy (shares)", tf, tf / o["asarray"]))
            rows.append(("mlxcy->PyTorch torch.from_dlpack", t_dlpack, None))
            rows.append(("  torch.from_numpy(ndarray)", tf, tf / t_dlpack))
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
    if args.json:
        write_json(args.json, "interop", cases, quick=args.quick,
                   headline="256 MB NumPy\u2192array: `asarray` (shares memory) vs the reference's `array` (copies)")


if __name__ == "__main__":
    main()
