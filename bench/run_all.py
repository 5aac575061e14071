"""Run every benchmark in bench/ and write bench/RESULTS.md: one table of time ratios per peer.

Each ``bench/<name>.py`` script (files starting with ``_`` and this one excepted) runs in its own
process with ``--json OUT`` (when its ``--help`` offers it) and the small sizes listed in
QUICK_ARGS (or ``--quick`` when its ``--help`` offers that), so the whole run takes minutes.

A ratio is mlxcy's time divided by the peer's time for the same case: below 1 means mlxcy is
faster. Ratios are read from the rows each script writes, pairing a time field of mlxcy
(``mlxcy<suffix>``) with the same field of a peer (``numpy<suffix>``, ``ref<suffix>``, ...),
where the suffix is a unit (``_s``, ``_ms``, ``_us``, ``_ns``) possibly preceded by a variant
(``mlxcy_eval_ns`` pairs with ``ref_eval_ns``).

The reference binding is measured in the interpreter named by MLXCY_BENCH_REF_PYTHON (see
``_peers.py``). Run: ``python bench/run_all.py [--only blas dispatch] [--out bench/RESULTS.md]``.
"""
import argparse
import datetime
import json
import math
import os
import platform
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))

# Small sizes for a run of a few minutes on a 2-core CPU, per script.
QUICK_ARGS = {
    "blas": ["--sizes", "256", "1024"],
}

# Peer names as they appear in the scripts' field names, and how the report spells them.
PEERS = {
    "reference": "reference (mlx)", "ref": "reference (mlx)", "mlx": "reference (mlx)",
    "numpy": "NumPy", "np": "NumPy",
    "torch": "PyTorch", "pytorch": "PyTorch",
    "safetensors": "safetensors",
}
PEER_ORDER = ["reference (mlx)", "NumPy", "PyTorch", "safetensors"]
TIME_FIELD = re.compile(r"^(?P<who>[a-z]+)(?P<variant>(?:_[a-z0-9]+)*?)_(?P<unit>s|ms|us|ns)$")


def scripts(only=None):
    """The benchmark scripts present, by name."""
    names = sorted(f[:-3] for f in os.listdir(HERE)
                   if f.endswith(".py") and not f.startswith("_") and f != "run_all.py")
    if only:
        missing = sorted(set(only) - set(names))
        if missing:
            raise SystemExit(f"run_all.py: error: no such benchmark: {', '.join(missing)} (have {', '.join(names)})")
        names = [n for n in names if n in only]
    return names


def run_script(name, timeout):
    """Run one script; returns (rows or None, console output, error text or None)."""
    path = os.path.join(HERE, name + ".py")
    help_text = subprocess.run([sys.executable, path, "--help"], capture_output=True, text=True,
                               cwd=HERE, timeout=120).stdout
    args = list(QUICK_ARGS.get(name, []))
    if not args and "--quick" in help_text:
        args.append("--quick")
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, name + ".json")
        if "--json" in help_text:
            args += ["--json", out]
        try:
            res = subprocess.run([sys.executable, path, *args], capture_output=True, text=True,
                                 cwd=HERE, timeout=timeout)
        except subprocess.TimeoutExpired:
            return None, "", f"timed out after {timeout}s"
        console = res.stdout + res.stderr
        if res.returncode != 0:
            return None, console, f"exit status {res.returncode}: {res.stderr.strip().splitlines()[-1:]}"
        if not os.path.exists(out):
            return None, console, "wrote no --json results"
        with open(out) as f:
            payload = json.load(f)
    rows = payload.get("rows", payload) if isinstance(payload, dict) else payload
    return rows, console, None


def _case(row):
    """A short label for a row: its fields that are not numbers."""
    parts = [f"{v}" for k, v in row.items() if isinstance(v, str)]
    parts += [f"{k}={v}" for k, v in row.items()
              if isinstance(v, int) and not isinstance(v, bool) and not TIME_FIELD.match(k)]
    return ", ".join(parts) or "-"


def ratios(rows):
    """[(case, peer, ratio)] from rows: mlxcy's time over each peer's time, same variant and unit."""
    found = []
    for row in rows:
        if not isinstance(row, dict):
            continue
        times = {}
        for key, value in row.items():
            m = TIME_FIELD.match(key)
            if m and isinstance(value, (int, float)) and not isinstance(value, bool):
                times[(m["who"], m["variant"], m["unit"])] = float(value)
        for (who, variant, unit), ours in times.items():
            if who != "mlxcy":
                continue
            for (pwho, pvariant, punit), theirs in times.items():
                if (pvariant, punit) != (variant, unit) or pwho not in PEERS:
                    continue
                if ours > 0 and theirs > 0 and math.isfinite(ours) and math.isfinite(theirs):
                    label = _case(row) + (f" ({variant.strip('_').replace('_', ' ')})" if variant else "")
                    found.append((label, PEERS[pwho], ours / theirs))
    return found


def _geomean(values):
    return math.exp(sum(math.log(v) for v in values) / len(values)) if values else float("nan")


def _version_of(module):
    try:
        from importlib.metadata import version
        return version(module)
    except Exception:
        return None


def machine():
    """CPU model, core count, OS and load, for the report's header."""
    model = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    try:
        load = "%.1f %.1f %.1f" % os.getloadavg()
    except OSError:
        load = "n/a"
    return {"cpu": model, "cores": os.cpu_count(), "os": f"{platform.system()} {platform.release()}",
            "python": platform.python_version(), "load": load}


def versions():
    """Versions of mlxcy, its libmlx, and every installed peer."""
    out = {}
    try:
        res = subprocess.run([sys.executable, "-c",
                              "import mlxcy, mlxcy._build_info as b; print(mlxcy.__version__, b.MLX_VERSION)"],
                             capture_output=True, text=True, cwd="/", timeout=300)
        v = res.stdout.split()
        out["mlxcy"] = f"{v[0]} (libmlx {v[1]})" if len(v) == 2 else (res.stdout.strip() or "?")
    except Exception:
        out["mlxcy"] = "?"
    sys.path.insert(0, HERE)
    from _peers import reference_python
    ref = reference_python()
    if ref:
        res = subprocess.run([ref, "-c", "import mlx.core as mx; print(mx.__version__)"],
                             capture_output=True, text=True, cwd="/", timeout=300)
        out["reference (mlx)"] = f"{res.stdout.strip() or '?'} ({ref})"
    for name, label in (("numpy", "NumPy"), ("torch", "PyTorch"), ("safetensors", "safetensors")):
        v = _version_of(name)
        if v:
            out[label] = v
    return out


def render(results, info, vers, when):
    """The Markdown report."""
    peers = [p for p in PEER_ORDER if any(p == peer for r in results.values() for _, peer, _ in r["ratios"])]
    lines = ["# Benchmark results", "",
             f"Generated by `python bench/run_all.py` on {when} (UTC).", "",
             f"- Machine: {info['cpu']}, {info['cores']} cores, {info['os']}, Python {info['python']}",
             f"- Load average at the end of the run: {info['load']} (a shared machine: timings are noisy)"]
    lines += [f"- {k}: {v}" for k, v in vers.items()]
    lines += ["", "Each cell is **mlxcy's time / the peer's time** for the same case (below 1: mlxcy is "
              "faster). Sizes are the quick ones of `run_all.py`; run a script by itself for full sizes.", ""]
    lines.append("| benchmark | case | " + " | ".join(f"vs {p}" for p in peers) + " |")
    lines.append("| --- | --- | " + " | ".join("---:" for _ in peers) + " |")
    for name, r in results.items():
        cases = {}
        for case, peer, value in r["ratios"]:
            cases.setdefault(case, {})[peer] = value
        for case, by_peer in cases.items():
            cells = [f"{by_peer[p]:.2f}" if p in by_peer else "" for p in peers]
            lines.append(f"| {name} | {case} | " + " | ".join(cells) + " |")
        if len(cases) > 1:
            cells = []
            for p in peers:
                vals = [v for _, peer, v in r["ratios"] if peer == p]
                cells.append(f"**{_geomean(vals):.2f}**" if vals else "")
            lines.append(f"| {name} | *geometric mean* | " + " | ".join(cells) + " |")
    failed = {n: r["error"] for n, r in results.items() if r["error"]}
    empty = [n for n, r in results.items() if not r["error"] and not r["ratios"]]
    if failed or empty:
        lines += ["", "Not in the table:"]
        lines += [f"- `{n}.py`: {e}" for n, e in failed.items()]
        lines += [f"- `{n}.py`: no peer to compare with" for n in empty]
    lines += ["", "## Console output", ""]
    for name, r in results.items():
        lines += [f"### {name}.py {' '.join(r['args'])}".rstrip(), "", "```", r["console"].rstrip(), "```", ""]
    return "\n".join(lines).rstrip() + "\n"


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", nargs="+", help="run only these benchmarks (names without .py)")
    ap.add_argument("--out", default=os.path.join(HERE, "RESULTS.md"), help="report path")
    ap.add_argument("--timeout", type=int, default=900, help="seconds allowed per benchmark")
    args = ap.parse_args(argv)
    if not os.environ.get("MLXCY_BENCH_REF_PYTHON"):
        print("note: MLXCY_BENCH_REF_PYTHON is not set; the reference is measured only if importable here")
    results = {}
    for name in scripts(args.only):
        print(f"== {name}.py", flush=True)
        rows, console, error = run_script(name, args.timeout)
        print(console.rstrip())
        if error:
            print(f"!! {name}.py: {error}")
        found = ratios(rows or [])
        results[name] = {"ratios": found, "console": console, "error": error,
                         "args": QUICK_ARGS.get(name, [])}
    when = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M")
    report = render(results, machine(), versions(), when)
    with open(args.out, "w") as f:
        f.write(report)
    print(f"wrote {args.out}")
    return 1 if all(r["error"] for r in results.values()) and results else 0


if __name__ == "__main__":
    sys.exit(main())
