"""Loading a ~2 GB safetensors checkpoint of transformer-like shapes: time to open, to read the
first tensor, to materialise everything, and peak RSS, for mlxcy (mmap=True and default), the
reference `mx.load`, `safetensors.numpy.load_file` and `safetensors.torch.load_file` (when
installed). Each loader runs in fresh processes (--runs; best time and largest RSS shown) so that peak RSS is its own; the file is read
once beforehand so that every loader sees a warm page cache. The checkpoint is written to /tmp
and deleted afterwards.

    python bench/load.py [--gb 2.0] [--runs 3] [--keep] [--quick] [--json OUT]

--quick: a 0.5 GB checkpoint and 2 runs per loader. The reference runs in the interpreter named
by MLXCY_BENCH_REF_PYTHON, or this one if it has `mlx` (see _peers.py).
"""
import argparse
import json
import os
import resource
import struct
import subprocess
import sys
import tempfile
import time

import numpy as np

from _peers import add_common_args, failure_summary, figure, reference_python, write_json

# A decoder layer of a ~1B-parameter model in float16: (name, shape).
D, FF, VOCAB = 2048, 5632, 32000
# The tensor every loader reads for "first tensor": the first in the file, named, because the
# bindings' dicts do not list the tensors in the same order.
FIRST = "model.embed_tokens.weight"


def layer_shapes(i):
    p = f"model.layers.{i}."
    return [(p + "self_attn.q_proj.weight", (D, D)), (p + "self_attn.k_proj.weight", (D // 8, D)),
            (p + "self_attn.v_proj.weight", (D // 8, D)), (p + "self_attn.o_proj.weight", (D, D)),
            (p + "mlp.gate_proj.weight", (FF, D)), (p + "mlp.up_proj.weight", (FF, D)),
            (p + "mlp.down_proj.weight", (D, FF)), (p + "input_layernorm.weight", (D,)),
            (p + "post_attention_layernorm.weight", (D,))]


def write_checkpoint(path, target_bytes):
    """Stream a safetensors file (header padded to 8 bytes, tensors in order) to `path`."""
    tensors = [(FIRST, (VOCAB, D))]
    total = VOCAB * D * 2
    i = 0
    while total < target_bytes:
        for name, shape in layer_shapes(i):
            tensors.append((name, shape))
            total += int(np.prod(shape)) * 2
        i += 1
    header, off = {}, 0
    for name, shape in tensors:
        n = int(np.prod(shape)) * 2
        header[name] = {"dtype": "F16", "shape": list(shape), "data_offsets": [off, off + n]}
        off += n
    header["__metadata__"] = {"format": "pt"}
    h = json.dumps(header).encode()
    h += b" " * (-len(h) % 8)
    rng = np.random.default_rng(0)
    chunk = rng.standard_normal(1 << 22).astype(np.float16).tobytes()
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(h)) + h)
        left = off
        while left:
            k = min(left, len(chunk))
            f.write(chunk[:k])
            left -= k
    return off, len(tensors)


def touch_all(arrays):
    """Read one byte of every 4 KiB page of every array (forces the data into memory)."""
    s = 0
    for a in arrays:
        v = np.asarray(a).reshape(-1).view(np.uint8)
        s += int(v[::4096].sum())
    return s


def rss_peak():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def rss_now():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def run_one(kind, path):
    """Runs in a child process: prints a JSON line of timings and peak RSS above baseline."""
    if kind.startswith("mlxcy") or kind == "mlx":
        if kind == "mlx":
            import mlx.core as mx
            kwargs = {}
        else:
            import mlxcy as mx
            kwargs = {"mmap": kind == "mlxcy-mmap"}

        def opener():
            return mx.load(path, **kwargs)

        def materialise(d):
            mx.eval(list(d.values()))
            return touch_all(d.values())

        def first(d):
            a = d[FIRST]
            mx.eval(a)
            return touch_all([a])
    elif kind == "safetensors-numpy":
        from safetensors.numpy import load_file

        def opener():
            return load_file(path)

        def materialise(d):
            return touch_all(d.values())

        def first(d):
            return touch_all([d[FIRST]])
    elif kind == "safetensors-torch":
        from safetensors.torch import load_file

        def opener():
            return load_file(path)

        def materialise(d):
            return touch_all(t.numpy() for t in d.values())

        def first(d):
            return touch_all([d[FIRST].numpy()])
    else:
        raise SystemExit(f"unknown loader {kind}")
    base, base_now = rss_peak(), rss_now()
    t0 = time.perf_counter()
    d = opener()
    t1 = time.perf_counter()
    first(d)
    t2 = time.perf_counter()
    materialise(d)
    t3 = time.perf_counter()
    print(json.dumps({"open": t1 - t0, "first": t2 - t1, "all": t3 - t0, "rss": max(rss_peak() - base, rss_now() - base_now)}))


# --json: which loader stands for which peer (safetensors.torch.load_file counts as PyTorch's).
PEER_FIELDS = {"mlx": "ref", "safetensors-numpy": "safetensors", "safetensors-torch": "torch"}


def json_rows(results, nbytes):
    """Cases for --json: each mlxcy mode's times and peak RSS against every other loader's."""
    size = f"{nbytes / 2**30:.2g} GiB"
    rows = []
    for mode, label in (("mlxcy-mmap", "mmap=True"), ("mlxcy", "default (no mmap)")):
        if mode not in results:
            continue
        for key, what, unit, scale, headline in (
                ("all", "open + read every page", "s", 1, True),
                ("open", "open", "ms", 1e3, False),
                ("first", "read the first tensor", "ms", 1e3, False),
                ("rss", "peak RSS (memory ratio)", "bytes", 1, False)):
            row = {"case": f"{size} safetensors, {what}, mlxcy {label}", "headline": headline,
                   f"mlxcy_{key}_{unit}": results[mode][key] * scale}
            for loader, who in PEER_FIELDS.items():
                if loader in results:
                    row[f"{who}_{key}_{unit}"] = results[loader][key] * scale
            rows.append(row)
    return rows


def json_figures(results, nbytes):
    """mlxcy's own figures for --json: open time with mmap, peak RSS over the bytes touched."""
    out = []
    if "mlxcy-mmap" in results:
        out.append(figure("open, mmap=True", results["mlxcy-mmap"]["open"] * 1e3, "ms", headline=True))
    for mode, label in (("mlxcy-mmap", "mmap=True"), ("mlxcy", "default")):
        if mode in results:
            out.append(figure(f"peak RSS / bytes touched, {label}", results[mode]["rss"] / nbytes, "\u00d7",
                              headline=mode == "mlxcy-mmap"))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--gb", type=float, help="checkpoint size in GiB (default 2; --quick: 0.5)")
    ap.add_argument("--keep", action="store_true", help="keep the checkpoint file")
    ap.add_argument("--runs", type=int, help="fresh processes per loader, best times shown (default 3; --quick: 2)")
    ap.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = add_common_args(ap).parse_args()
    if args.child:
        run_one(*args.child)
        return
    gb = args.gb or (0.5 if args.quick else 2.0)
    nruns = args.runs or (2 if args.quick else 3)
    path = os.path.join(tempfile.gettempdir(), "mlxcy_bench_checkpoint.safetensors")
    nbytes, ntensors = write_checkpoint(path, int(gb * (1 << 30)))
    try:
        with open(path, "rb") as f:       # warm the page cache for every loader alike
            while f.read(1 << 26):
                pass
        loaders = [("mlxcy-mmap", sys.executable), ("mlxcy", sys.executable)]
        ref = reference_python()
        if ref:
            loaders.append(("mlx", ref))
        for name, mod in (("safetensors-numpy", "safetensors.numpy"), ("safetensors-torch", "torch")):
            try:
                __import__(mod)
                loaders.append((name, sys.executable))
            except ImportError:
                pass
        print(f"checkpoint: {ntensors} float16 tensors, {nbytes / 2**30:.2f} GiB of data\n")
        results = {}
        for name, py in loaders:
            runs = []
            for _ in range(nruns):
                r = subprocess.run([py, os.path.abspath(__file__), "--child", name, path], capture_output=True,
                                   text=True)
                if r.returncode != 0:
                    print(f"{name}: failed: {failure_summary(r.stderr)}")
                    break
                runs.append(json.loads(r.stdout.strip().splitlines()[-1]))
            if runs:
                # Best time of the runs (the machine is shared: slower runs measure contention),
                # largest peak RSS.
                results[name] = {k: (max if k == "rss" else min)(x[k] for x in runs) for k in runs[0]}
        print(f"{'loader':<18} | {'open':>10} | {'first tensor':>12} | {'everything':>10} | "
              f"{'peak RSS':>9} | RSS / bytes")
        for name, r in results.items():
            print(f"{name:<18} | {r['open'] * 1e3:8.2f}ms | {r['first'] * 1e3:10.2f}ms | {r['all']:9.3f}s | "
                  f"{r['rss'] / 2**30:6.2f}GiB | {r['rss'] / nbytes:.3f}")
        if "mlx" in results:
            ref = results["mlx"]
            print()
            for name in ("mlxcy-mmap", "mlxcy"):
                if name in results:
                    r = results[name]
                    print(f"{name}: materialise everything {r['all'] / ref['all']:.2f}x the reference's time "
                          f"(target <= 1.0); open in {r['open'] / max(ref['open'], 1e-9):.2f}x the reference's time")
        if "mlxcy-mmap" in results:
            r = results["mlxcy-mmap"]
            print(f"mlxcy-mmap: open {r['open'] * 1e3:.2f} ms (target < 5 ms); "
                  f"peak RSS {r['rss'] / nbytes:.3f}x the bytes touched (target <= 1.05)")
        if args.json:
            write_json(args.json, "load", json_rows(results, nbytes), quick=args.quick,
                       headline=f"{nbytes / 2**30:.2g} GiB safetensors, open + read every page, "
                                "mlxcy mmap=True / default",
                       figures=json_figures(results, nbytes))
    finally:
        if not args.keep:
            os.remove(path)


if __name__ == "__main__":
    main()
