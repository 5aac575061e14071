"""Per-call cost of small operations: mlxcy vs the reference binding (graph building only, and
with evaluation), beside the C++ floor: the same constructions made directly against libmlx
(bench/floor/dispatch_floor.cpp). A binding's overhead is its time minus the floor's.
Targets (issue 21): overhead <= 0.5x the reference's (geometric mean), no op slower than the reference.

Run: python bench/dispatch.py [--rounds N] [--build-floor] [--quick] [--json OUT]
(reference measured in MLXCY_BENCH_REF_PYTHON or in-process; the bindings and the floor alternate
over the rounds, each case's best kept)

The floor program is not part of the normal build. Build it once with --build-floor, which runs
    meson setup build/bench -Dbench=true --native-file <file naming this python>
    ninja -C build/bench bench/floor/dispatch_floor
from the repository root; dispatch.py then finds build/*/bench/floor/dispatch_floor (or the
program named by MLXCY_BENCH_FLOOR) and adds its columns.
"""
import argparse
import glob
import json
import os
import subprocess
import sys

from _peers import (TIMED_SRC, add_common_args, geomean, keep_best, reference_python, run_with_module, ratio,
                    write_json)

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FLOOR_BUILD_DIR = os.path.join(ROOT, "build", "bench")

# (name, setup-free statement over a, b, m, s, idx, mask; needs these attributes of mx)
BASKET = [
    ("a + b", "a + b", []),
    ("a + 1.5", "a + 1.5", []),
    ("a * 2", "a * 2", []),
    ("a < b", "a < b", []),
    ("-a", "-a", []),
    ("a.shape", "a.shape", []),
    ("a.dtype", "a.dtype", []),
    ("a.ndim/size", "a.ndim; a.size", []),
    ("mx.array(1.0)", "mx.array(1.0)", []),
    ("mx.array([1,2,3])", "mx.array([1, 2, 3])", []),
    ("a.astype(f16)", "a.astype(mx.float16)", []),
    ("mx.add(a, b)", "mx.add(a, b)", []),
    ("mx.multiply(a, 2.0)", "mx.multiply(a, 2.0)", []),
    ("a @ m", "a @ m", []),
    ("mx.zeros((4,4))", "mx.zeros((4, 4))", ["zeros"]),
    ("mx.exp(a)", "mx.exp(a)", ["exp"]),
    ("mx.sum(a)", "mx.sum(a)", ["sum"]),
    ("mx.sum(m, axis=1)", "mx.sum(m, axis=1)", ["sum"]),
    ("mx.maximum(a, b)", "mx.maximum(a, b)", ["maximum"]),
    ("mx.where(a<b,a,b)", "mx.where(a < b, a, b)", ["where"]),
    ("mx.reshape(m,(16,))", "mx.reshape(m, (16,))", ["reshape"]),
    ("m.reshape(16)", "m.reshape(16)", ["reshape"]),
    ("mx.transpose(m)", "mx.transpose(m)", ["transpose"]),
    ("mx.concatenate", "mx.concatenate([a, b])", ["concatenate"]),
    ("mx.sqrt(a)", "mx.sqrt(a)", ["sqrt"]),
    ("mx.mean(a)", "mx.mean(a)", ["mean"]),
    ("a.sum()", "a.sum()", ["sum"]),
    ("m.sum(axis=1)", "m.sum(axis=1)", ["sum"]),
    ("a.exp()", "a.exp()", ["exp"]),
    ("a.max()", "a.max()", ["max"]),
    ("mx.argmax(a)", "mx.argmax(a)", ["argmax"]),
    ("mx.softmax(a)", "mx.softmax(a)", ["softmax"]),
    ("a[0]", "a[0]", []),
    ("a[1:3]", "a[1:3]", ["__slice_ok__"]),
    ("m[:, None]", "m[:, None]", ["__slice_ok__"]),
    ("a[idx]", "a[idx]", ["__slice_ok__"]),
    ("a[mask]", "a[mask]", ["__slice_ok__"]),
    ("a[0] = 1", "a2[0] = 1", ["__setitem_ok__"]),
    ("m[1, 2]", "m[1, 2]", ["__slice_ok__"]),
    ("m[:, 1]", "m[:, 1]", ["__slice_ok__"]),
    ("a[::-1]", "a[::-1]", ["__slice_ok__"]),
    ("m[idx, 1:]", "m[idx, 1:]", ["__slice_ok__"]),
    ("m[..., None]", "m[..., None]", ["__slice_ok__"]),
    ("a[1:3] = 0", "a2[1:3] = 0", ["__setitem_ok__"]),
    ("a[idx] = 0", "a2[idx] = 0", ["__setitem_ok__"]),
    ("a.at[idx].add(1)", "a.at[idx].add(1.0)", ["__setitem_ok__"]),
]

TIMER = r"""
import json, time
names = set(dir(mx))
try:
    mx.array([1, 2, 3])[1:3]; names.add("__slice_ok__")
except Exception: pass
try:
    t = mx.array([1, 2, 3]); t[0] = 1; names.add("__setitem_ok__")
except Exception: pass
a = mx.array([1.0, 2.0, 3.0, 4.0]); b = mx.array([4.0, 3.0, 2.0, 1.0])
m = mx.array([[1.0] * 4] * 4); idx = mx.array([0, 2]); mask = mx.array([True, False, True, False])
a2 = mx.array([1.0, 2.0, 3.0, 4.0])
mx.eval(a, b, m, idx, mask, a2)
out = {}
for name, stmt, needs in BASKET:
    if not all(n in names for n in needs):
        continue
    env = dict(mx=mx, a=a, b=b, m=m, idx=idx, mask=mask, a2=a2)
    try:
        exec(stmt, env)
    except Exception:          # not supported by this binding (e.g. boolean masks in the reference)
        continue
    best = _timed(stmt, env, N, REPS)
    returns_array = "=" not in stmt and ";" not in stmt and stmt not in ("a.shape", "a.dtype")
    best_eval = _timed("mx.eval(" + stmt + ")", env, N_EVAL, REPS_EVAL) if returns_array else None
    out[name] = [best, best_eval]
out["__loop__"] = [_timed("pass", {}, N, REPS), None]
print(json.dumps(out))
"""


def find_floor():
    """The built floor program: MLXCY_BENCH_FLOOR, else the newest build/*/bench/floor/dispatch_floor."""
    named = os.environ.get("MLXCY_BENCH_FLOOR")
    if named:
        return named if os.path.isfile(named) else None
    found = glob.glob(os.path.join(ROOT, "build", "*", "bench", "floor", "dispatch_floor"))
    return max(found, key=os.path.getmtime) if found else None


def build_floor():
    """Configure build/bench with -Dbench=true (this python, so the same libmlx) and build the floor."""
    # The native file stays beside the build folder: ninja re-runs meson with it when a meson.build changes.
    native = os.path.join(os.path.dirname(FLOOR_BUILD_DIR), "bench-native.ini")
    content = f"[binaries]\npython = {sys.executable!r}\npython3 = {sys.executable!r}\n"
    os.makedirs(os.path.dirname(native), exist_ok=True)
    if not os.path.isfile(native) or open(native).read() != content:
        with open(native, "w") as f:
            f.write(content)
    if not os.path.isfile(os.path.join(FLOOR_BUILD_DIR, "build.ninja")):
        subprocess.run(["meson", "setup", FLOOR_BUILD_DIR, "-Dbench=true", "--native-file", native],
                       cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    subprocess.run(["ninja", "-C", FLOOR_BUILD_DIR, "bench/floor/dispatch_floor"], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)


def run_floor(program, counts):
    """{case: [seconds, seconds with eval or None]} from one run of the floor program."""
    res = subprocess.run([program, *map(str, counts)], capture_output=True, text=True, timeout=1800)
    if res.returncode != 0:
        raise RuntimeError(f"{program} failed:\n{res.stderr[-2000:]}")
    return json.loads(res.stdout.strip().splitlines()[-1])


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rounds", type=int,
                    help="alternate mlxcy, reference and floor runs this many times, best kept (default 1; --quick: 3)")
    ap.add_argument("--build-floor", action="store_true", help="build the C++ floor program first (see above)")
    args = add_common_args(ap).parse_args()
    # calls per timing loop and loops (best kept), without and with mx.eval
    counts = (1000, 5, 200, 3) if args.quick else (3000, 7, 500, 5)
    rounds = args.rounds or (3 if args.quick else 1)
    code = "BASKET = " + repr(BASKET) + "\nN, REPS, N_EVAL, REPS_EVAL = " + repr(counts) + "\n" + TIMED_SRC + TIMER
    if args.build_floor:
        try:
            build_floor()
        except (OSError, subprocess.CalledProcessError) as err:    # meson/ninja missing or the build failed
            print(f"(could not build the C++ floor: {err}; going on without it)")
    ref_py = reference_python()
    floor_program = find_floor()
    # Alternating spreads a shared machine's busy spells over the bindings and the floor.
    ours, theirs, floor = {}, {}, {}
    for _ in range(rounds):
        keep_best(ours, run_with_module(sys.executable, "mlxcy", code))
        if ref_py:
            keep_best(theirs, run_with_module(ref_py, "mlx.core", code))
        if floor_program:
            keep_best(floor, run_floor(floor_program, counts))
    base_o = ours.pop("__loop__")[0]
    base_t = theirs.pop("__loop__", [0])[0]
    base_f = floor.pop("__loop__", [0])[0]
    rows, cases = [], []

    def net(times, base):
        """[graph, with eval] of one case in seconds with the loop's cost taken off (None where missing)."""
        return [t - base if t is not None else None for t in (times or [None, None])]

    ns = lambda v: v * 1e9 if v is not None else None
    print(f"{'operation':<22} {'mlxcy ns':>9} {'ref ns':>9} {'ratio':>6} {'floor ns':>9} {'mlxcy ovh':>10} "
          f"{'ref ovh':>8} {'ovh ratio':>9}   {'+eval mlxcy':>11} {'+eval ref':>10} {'ratio':>6}")
    for name, _, _ in BASKET:
        if name not in ours:
            continue
        o, oe = net(ours[name], base_o)
        t, te = net(theirs.get(name), base_t)
        f, _fe = net(floor.get(name), base_f)
        o_ovh = o - f if f is not None else None
        t_ovh = t - f if f is not None and t is not None else None
        row = {"op": name, "mlxcy_ns": ns(o), "ref_ns": ns(t), "ratio": ratio(o, t), "floor_ns": ns(f),
               "mlxcy_overhead_ns": ns(o_ovh), "ref_overhead_ns": ns(t_ovh),
               "overhead_ratio": o_ovh / t_ovh if o_ovh is not None and t_ovh else None,
               "mlxcy_eval_ns": ns(oe), "ref_eval_ns": ns(te),
               "ratio_eval": ratio(oe, te) if oe and te else None}
        rows.append(row)
        # for --json: graph building (the headline), binding overhead and with mx.eval as separate cases
        cases.append({"case": name, "group": "graph building", "headline": True,
                      "mlxcy_ns": row["mlxcy_ns"], "ref_ns": row["ref_ns"], "floor_ns": row["floor_ns"]})
        if o_ovh is not None and o_ovh > 0 and t_ovh and t_ovh > 0:
            cases.append({"case": f"{name}: overhead over the C++ floor", "group": "binding overhead",
                          "headline": False, "mlxcy_ns": row["mlxcy_overhead_ns"], "ref_ns": row["ref_overhead_ns"]})
        if oe is not None:
            cases.append({"case": f"mx.eval({name})", "group": "with mx.eval", "headline": False,
                          "mlxcy_ns": row["mlxcy_eval_ns"], "ref_ns": row["ref_eval_ns"]})
        fmt = lambda v, w, p=0: f"{v:>{w}.{p}f}" if v is not None else f"{'-':>{w}}"
        print(f"{name:<22} {fmt(row['mlxcy_ns'], 9)} {fmt(row['ref_ns'], 9)} {fmt(row['ratio'], 6, 2)} "
              f"{fmt(row['floor_ns'], 9)} {fmt(row['mlxcy_overhead_ns'], 10)} {fmt(row['ref_overhead_ns'], 8)} "
              f"{fmt(row['overhead_ratio'], 9, 2)}   "
              f"{fmt(row['mlxcy_eval_ns'], 11)} {fmt(row['ref_eval_ns'], 10)} {fmt(row['ratio_eval'], 6, 2)}")
    notes = []
    ratios = [r["ratio"] for r in rows if r["ref_ns"] and r["ratio"] > 0]
    if ratios:
        print(f"geometric mean ratio over {len(ratios)} ops: {geomean(ratios):.2f}")
        slower = [r["op"] for r in rows if r["ref_ns"] and r["ratio"] > 1]
        print(f"ops slower than the reference: {', '.join(slower) if slower else 'none'}")
    else:
        print("(reference mlx not found: set MLXCY_BENCH_REF_PYTHON to a python with mlx==0.32.4)")
    if floor_program:
        both = [r for r in rows if r["mlxcy_overhead_ns"] and r["ref_overhead_ns"]
                and r["mlxcy_overhead_ns"] > 0 and r["ref_overhead_ns"] > 0]
        if both:
            line = (f"binding overhead over the C++ floor: geometric mean ratio {geomean([r['overhead_ratio'] for r in both]):.2f} "
                    f"over {len(both)} ops (target <= 0.5)")
            left = len([r for r in rows if r["ref_overhead_ns"] is not None]) - len(both)
            if left:
                line += f"; {left} op(s) left out where a binding was at or below the floor"
            print(line)
            notes.append(line)
    else:
        print("(no C++ floor: build it with `python bench/dispatch.py --build-floor`)")
    if args.json:
        write_json(args.json, "dispatch", cases, quick=args.quick, notes=notes,
                   headline="per-call time of small ops, graph building (geometric mean)")


if __name__ == "__main__":
    main()
