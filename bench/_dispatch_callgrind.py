"""Instructions per call of dispatch.py's operations, counted by valgrind's callgrind: a
deterministic companion to dispatch.py's timings (which a busy machine makes noisy).

Run: python bench/_dispatch_callgrind.py [--calls N] [--repeat R] [--keep DIR] [--json OUT]
(private, "_": bench/run_all.py does not run it)

For mlxcy (this interpreter), the reference (MLXCY_BENCH_REF_PYTHON) and the C++ floor (built by
`dispatch.py --build-floor`), each operation runs N times between two client requests that start
and stop callgrind's counting (a small C library, compiled here against valgrind/callgrind.h); an
empty loop's count is taken off. The floor's cases are split by callgrind's --dump-before on its
timing function. Prints instructions per call, the overhead over the floor and its ratio to the
reference's. Needs valgrind and a C compiler; slow (about a minute per binding).
`callgrind_annotate --inclusive=no <dump>` on a kept dump (--keep DIR) shows where they go.
Counts are exact for one build and environment, but the heap's layout (the build's library sizes
move it too) now and then sends an allocation down a slower malloc path: about 235 instructions
per call, so compare builds op by op with that in mind.
"""
import argparse
import glob
import json
import math
import os
import subprocess
import sys
import tempfile

from _peers import reference_python
from dispatch import BASKET, find_floor

MARKER_C = r"""
#include <valgrind/callgrind.h>
void cg_start(void) { CALLGRIND_ZERO_STATS; CALLGRIND_TOGGLE_COLLECT; }
void cg_stop(void) { CALLGRIND_TOGGLE_COLLECT; CALLGRIND_DUMP_STATS; }
"""

RUNNER = r"""
import ctypes, importlib, json, sys
marker = ctypes.CDLL(sys.argv[1])
mx = importlib.import_module(sys.argv[2])
n = int(sys.argv[3])
basket = json.loads(sys.argv[4])
a = mx.array([1.0, 2.0, 3.0, 4.0]); b = mx.array([4.0, 3.0, 2.0, 1.0])
m = mx.array([[1.0] * 4] * 4); idx = mx.array([0, 2]); mask = mx.array([True, False, True, False])
a2 = mx.array([1.0, 2.0, 3.0, 4.0])
mx.eval(a, b, m, idx, mask, a2)
done = []
for name, stmt in [["__loop__", "pass"]] + basket:
    env = dict(mx=mx, a=a, b=b, m=m, idx=idx, mask=mask, a2=a2)
    try:
        exec(stmt, env)
        exec("def _loop(n):\n    for _ in range(n):\n        " + stmt + "\n", env)
    except Exception:
        continue
    loop = env["_loop"]
    loop(50)
    marker.cg_start(); loop(n); marker.cg_stop()
    done.append(name)
print("CASES " + json.dumps(done))
"""


def dump_totals(folder, prefix, thread=""):
    """The instruction totals of the numbered dumps `prefix`.1, .2, ... in order (of one thread's
    dumps, `thread` "-01" for the main one, where callgrind kept threads apart)."""
    files = [f for f in glob.glob(os.path.join(folder, prefix + ".*" + thread))
             if f[len(f) - len(thread):] == thread and f[:len(f) - len(thread)].rsplit(".", 1)[1].isdigit()]
    files.sort(key=lambda f: int(f[:len(f) - len(thread)].rsplit(".", 1)[1]))
    out = []
    for f in files:
        with open(f) as fh:
            for line in fh:
                if line.startswith(("summary:", "totals:")):
                    out.append(int(line.split()[1]))
                    break
    return out


def fixed_env():
    """The same small environment for every run: its size moves the heap's layout, and with it
    which malloc paths the calls take (a few hundred instructions per call either way)."""
    return {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "PYTHONHASHSEED": "0", "LC_ALL": "C"}


def count_binding(python, module, n, marker, folder, tag):
    basket = json.dumps([[name, stmt] for name, stmt, _ in BASKET])
    runner = os.path.join(folder, "runner.py")
    with open(runner, "w") as f:
        f.write(RUNNER)
    out = os.path.join(folder, f"{tag}.%p")
    # Only the main thread's instructions: libmlx's threads would add what the scheduling gives them.
    res = subprocess.run(["valgrind", "--tool=callgrind", "--collect-atstart=no", "--separate-threads=yes",
                          f"--callgrind-out-file={out}",
                          python, runner, marker, module, str(n), basket],
                         capture_output=True, text=True, env=fixed_env())
    line = [ln for ln in res.stdout.splitlines() if ln.startswith("CASES ")]
    if res.returncode != 0 or not line:
        raise RuntimeError(f"{module} under callgrind failed:\n{res.stderr[-2000:]}")
    cases = json.loads(line[0][6:])
    prefix = next(os.path.basename(f).rsplit(".", 1)[0] for f in glob.glob(os.path.join(folder, tag + ".*.1-01")))
    totals = dump_totals(folder, prefix, "-01")
    per_call = {name: t / n for name, t in zip(cases, totals)}
    loop = per_call.pop("__loop__")
    return {k: v - loop for k, v in per_call.items()}


def count_floor(program, n, folder):
    out = os.path.join(folder, "floor.%p")
    res = subprocess.run(["valgrind", "--tool=callgrind", "--dump-before=*best_seconds*",
                          f"--callgrind-out-file={out}", program, str(n), "1", "1", "1"],
                         capture_output=True, text=True)
    if res.returncode != 0:
        raise RuntimeError(f"the floor under callgrind failed:\n{res.stderr[-2000:]}")
    order = json.loads(res.stdout.strip().splitlines()[-1])
    prefix = next(os.path.basename(f).rsplit(".", 1)[0] for f in glob.glob(os.path.join(folder, "floor.*.1")))
    totals = dump_totals(folder, prefix)[1:]   # dump 1: the set-up before the first timing
    # Each timing call ends up in the dump the next one starts, the last one in the final dump.
    with open(os.path.join(folder, prefix)) as fh:
        totals.append(next(int(ln.split()[1]) for ln in fh if ln.startswith(("summary:", "totals:"))))
    runs = []
    for name, (_t, t_eval) in order.items():
        runs.append(name)
        if t_eval is not None:
            runs.append(None)                   # the with-eval timing, not used here
    calls = n + 10                              # best_seconds warms up with 10 calls
    return {name: t / calls for name, t in zip(runs, totals) if name and name != "__loop__"}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--calls", type=int, default=500, help="calls per operation (default 500)")
    ap.add_argument("--repeat", type=int, default=1,
                    help="runs per binding, the lowest count kept (default 1): the heap's state, which libmlx's "
                         "threads vary from run to run, now and then adds a slower malloc path to every call")
    ap.add_argument("--json", help="write the counts here")
    ap.add_argument("--keep", help="keep the callgrind dumps in this folder")
    args = ap.parse_args()
    folder = args.keep or tempfile.mkdtemp(prefix="dispatch_cg_")
    os.makedirs(folder, exist_ok=True)
    marker = os.path.join(folder, "libcgmarker.so")
    src = os.path.join(folder, "cgmarker.c")
    with open(src, "w") as f:
        f.write(MARKER_C)
    subprocess.run(["cc", "-O2", "-shared", "-fPIC", "-o", marker, src], check=True)
    def lowest(python, module, tag):
        runs = [count_binding(python, module, args.calls, marker, folder, f"{tag}{i}") for i in range(args.repeat)]
        return {k: min(r[k] for r in runs if k in r) for k in runs[0]}

    ours = lowest(sys.executable, "mlxcy", "mlxcy")
    ref_py = reference_python()
    theirs = lowest(ref_py, "mlx.core", "ref") if ref_py else {}
    program = find_floor()
    floor = count_floor(program, args.calls, folder) if program else {}
    print(f"{'operation':<22} {'mlxcy':>7} {'ref':>7} {'floor':>7} {'mlxcy ovh':>9} {'ref ovh':>8} {'ovh ratio':>9}")
    logs = []
    for name, _, _ in BASKET:
        if name not in ours:
            continue
        o, t, f = ours[name], theirs.get(name), floor.get(name)
        oo = o - f if f is not None else None
        to = t - f if f is not None and t is not None else None
        r = oo / to if oo is not None and to and to > 0 else None
        if r is not None and oo > 0:
            logs.append(math.log(r))
        cell = lambda v, w: f"{v:>{w}.0f}" if v is not None else " " * (w - 1) + "-"
        print(f"{name:<22} {cell(o, 7)} {cell(t, 7)} {cell(f, 7)} {cell(oo, 9)} {cell(to, 8)} "
              f"{r:>9.2f}" if r is not None else f"{name:<22} {cell(o, 7)} {cell(t, 7)} {cell(f, 7)}")
    if logs:
        print(f"overhead ratio, geometric mean over {len(logs)} ops: {math.exp(sum(logs) / len(logs)):.3f}")
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"mlxcy": ours, "ref": theirs, "floor": floor}, f, indent=1)


if __name__ == "__main__":
    main()
