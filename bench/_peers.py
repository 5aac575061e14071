"""What the benchmark scripts share: finding the peers, the common options, the --json format.

The reference binding (`mlx`) is measured in this process when importable, else in the
interpreter named by MLXCY_BENCH_REF_PYTHON (a venv with `mlx==0.32.4 mlx-cpu==0.32.4`), so that
mlxcy and the reference never share a process that loaded two copies of libmlx.

The --json file every script writes (read by run_all.py):

    {"benchmark": name, "quick": bool, "date": "YYYY-MM-DD HH:MM", "headline": "what the headline
     rows measure", "rows": [...], "figures": [...], "no_ratio_reason": "..." (optional)}

A row is one case: {"case": label, "headline": bool, "<who>_<metric>_<unit>": number or None, ...}
where <who> is one of WHO (mlxcy and the peers), <metric> is optional (lowercase words joined
by "_") and <unit> one of UNITS. run_all.py divides mlxcy's field by each peer's field with the
same metric and unit: a time ratio for s/ms/us/ns, a memory ratio for bytes. A figure is a
number of mlxcy's own with no peer to divide by: {"label", "value", "unit", "headline"}. "notes" (a
list of sentences) says how to read the figures, e.g. the thread counts.
"""
import datetime
import importlib.util
import json
import os
import platform
import subprocess
import sys
from pathlib import Path

WHO = ("mlxcy", "ref", "numpy", "torch", "safetensors")
UNITS = {"s": "time", "ms": "time", "us": "time", "ns": "time", "bytes": "memory"}


def reference_python():
    """The interpreter that has the reference `mlx`, or None."""
    for var in ("MLXCY_BENCH_REF_PYTHON", "MLXCY_REF_PYTHON", "MLX_REF_PYTHON"):
        path = os.environ.get(var)
        if path and os.path.isfile(path):
            return path
    if importlib.util.find_spec("mlx") is not None and importlib.util.find_spec("mlx.core") is not None:
        return sys.executable
    return None


def run_text(python, module_name, code, timeout=1800):
    """Run `code` in `python` with `mx` bound to `module_name`; returns what it printed."""
    prog = f"import {module_name} as mx\n" + code
    env = dict(os.environ)
    env.pop("PYTHONPATH", None)
    res = subprocess.run([python, "-c", prog], capture_output=True, text=True, timeout=timeout, cwd="/", env=env)
    if res.returncode != 0:
        raise RuntimeError(f"{python} failed:\n{res.stderr[-2000:]}")
    return res.stdout


def run_with_module(python, module_name, code, timeout=1800):
    """Run `code` in `python` with `mx` bound to `module_name`; `code` prints one JSON line."""
    return json.loads(run_text(python, module_name, code, timeout).strip().splitlines()[-1])


def have(module_name):
    """Whether `module_name` can be imported by this interpreter."""
    return importlib.util.find_spec(module_name) is not None


def failure_summary(stderr):
    """The last line of a failed child's stderr (the exception), without the traceback's paths."""
    lines = [line for line in (stderr or "").strip().splitlines() if line.strip()]
    return lines[-1].strip() if lines else "no error output"


def torch_on_threads(threads):
    """(torch, its default thread count) with `threads` intra-op threads set (None: left at its
    default), or None where PyTorch is not installed. The caller sets the default back."""
    try:
        import torch
    except ImportError:
        return None
    default = torch.get_num_threads()
    if threads is not None:
        torch.set_num_threads(threads)
    return torch, default


def ratio(a, b):
    return float("nan") if not a or not b else a / b


def add_common_args(ap):
    """The options every benchmark script offers: --json PATH and --quick."""
    ap.add_argument("--json", metavar="PATH", help="also write the results here (read by run_all.py)")
    ap.add_argument("--quick", action="store_true", help="small sizes and few repetitions (run_all.py uses it)")
    return ap


def now_utc():
    return datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M")


def write_json(path, benchmark, rows, *, quick, headline, figures=(), **extra):
    """Write a script's results in the format described in this module's docstring."""
    payload = {"benchmark": benchmark, "quick": bool(quick), "date": now_utc(), "headline": headline,
               "rows": list(rows), "figures": list(figures)}
    payload.update(extra)
    with open(path, "w") as f:
        json.dump(payload, f, indent=1)


def figure(label, value, unit, headline=False):
    """A number of mlxcy's own (no peer): e.g. an open time or a memory-to-bytes ratio."""
    return {"label": label, "value": value, "unit": unit, "headline": headline}


def machine():
    """CPU model, core count, OS, Python and load average, for a report's header."""
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


def gpu():
    """Name, driver and memory of the first NVIDIA GPU (from nvidia-smi), or None."""
    try:
        res = subprocess.run(["nvidia-smi", "--query-gpu=name,driver_version,memory.total",
                              "--format=csv,noheader"], capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.SubprocessError):
        return None
    line = res.stdout.strip().splitlines()[:1]
    if res.returncode != 0 or not line:
        return None
    name, driver, memory = (p.strip() for p in (line[0].split(",") + ["", "", ""])[:3])
    return {"gpu": name, "driver": driver, "memory": memory}


def _dist_version(name):
    try:
        from importlib.metadata import version
        return version(name)
    except Exception:
        return None


def versions():
    """Versions of mlxcy (and its libmlx), the reference binding, and the optional peers.

    A peer that is not installed maps to None, so a report can say what was missing.
    """
    out = {}
    try:
        res = subprocess.run([sys.executable, "-c",
                              "import mlxcy, mlxcy._build_info as b; print(mlxcy.__version__, b.MLX_VERSION)"],
                             capture_output=True, text=True, cwd="/", timeout=600)
        v = res.stdout.split()
        out["mlxcy"] = f"{v[0]} (libmlx {v[1]})" if len(v) == 2 else (res.stdout.strip() or None)
    except Exception:
        out["mlxcy"] = None
    ref = reference_python()
    out["reference (mlx)"] = None
    if ref:
        res = subprocess.run([ref, "-c", "import mlx.core as mx; print(mx.__version__)"],
                             capture_output=True, text=True, cwd="/", timeout=600)
        if res.returncode == 0:
            # the interpreter's venv by name only: a report must not point outside the clone
            out["reference (mlx)"] = f"{res.stdout.strip()} ({Path(ref).parent.parent.name})"
    for name, label in (("numpy", "NumPy"), ("torch", "PyTorch"), ("safetensors", "safetensors")):
        out[label] = _dist_version(name)
    return out


# Source of `_timed(stmt, env, n, reps)` for the code the scripts run under each binding: the best
# seconds per execution of `stmt` (a statement over the names in `env`) over `reps` loops of `n`,
# the loop's own cost included (time "pass" the same way and subtract it).
TIMED_SRC = r'''
import time
def _timed(stmt, env, n, reps):
    src = "def _run(_n):\n    for _ in range(_n):\n        " + stmt + "\n"
    exec(compile(src, "bench", "exec"), env)
    run = env["_run"]
    run(min(n, 10))
    best = float("inf")
    for _ in range(reps):
        t = time.perf_counter()
        run(n)
        best = min(best, (time.perf_counter() - t) / n)
    return best
'''

# Binds nn, optim and utils to the namespaces of the binding `mx` is (mlxcy.* or mlx.*).
BINDING_NAMESPACES_SRC = r'''
import importlib
_pkg = mx.__name__.split(".")[0]
nn = importlib.import_module(_pkg + ".nn")
optim = importlib.import_module(_pkg + ".optimizers")
utils = importlib.import_module(_pkg + ".utils")
'''


def keep_best(best, run):
    """Fold one run's {case: [seconds or None, ...]} into `best`, keeping the smaller time of each.
    A value that is not a list of times (a record of what the run computed) is kept from the first run."""
    for case, times in run.items():
        prev = best.setdefault(case, times)
        if not isinstance(times, list):
            continue
        best[case] = [min(a, b) if a is not None and b is not None else (a if b is None else b)
                      for a, b in zip(prev, times)]


def alternate(code, rounds, timeout=1800):
    """Run `code` (prints one JSON line {case: [seconds, ...]}) `rounds` times under mlxcy and the
    reference in turn, keeping each case's best; returns (mlxcy's, the reference's or None).
    Alternating spreads a shared machine's busy spells over both bindings."""
    ref_py = reference_python()
    ours, theirs = {}, ({} if ref_py else None)
    for _ in range(rounds):
        keep_best(ours, run_with_module(sys.executable, "mlxcy", code, timeout))
        if ref_py:
            keep_best(theirs, run_with_module(ref_py, "mlx.core", code, timeout))
    return ours, theirs


def geomean(values):
    """The geometric mean of positive numbers (nan for none)."""
    values = [v for v in values if v and v > 0]
    if not values:
        return float("nan")
    prod = 1.0
    for v in values:
        prod *= v
    return prod ** (1.0 / len(values))
