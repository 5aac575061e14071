"""Per-call cost of small operations: mlxcy vs the reference binding (graph building only, and
with evaluation). Target (issues 2-4): mlxcy <= 0.75x the reference's time per call.

Run: python bench/dispatch.py [--quick] [--json OUT]
(reference measured in MLXCY_BENCH_REF_PYTHON or in-process)
"""
import argparse
import sys

from _peers import add_common_args, reference_python, run_with_module, ratio, write_json

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
def _timed(stmt, env, n, reps):
    # best seconds per execution of stmt over reps loops of n (loop overhead included)
    src = "def _run(_n):\n    for _ in range(_n):\n        " + stmt + "\n"
    exec(compile(src, "bench", "exec"), env)
    run = env["_run"]
    run(10)
    best = float("inf")
    for _ in range(reps):
        t = time.perf_counter()
        run(n)
        best = min(best, (time.perf_counter() - t) / n)
    return best


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


def _keep_best(best, run):
    """Fold one run's {op: [seconds, seconds with eval]} into `best`, keeping the smaller times."""
    for op, times in run.items():
        prev = best.setdefault(op, times)
        best[op] = [min(a, b) if a is not None and b is not None else (a if b is None else b)
                    for a, b in zip(prev, times)]


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--rounds", type=int,
                    help="alternate mlxcy and reference runs this many times, best kept (default 1; --quick: 3)")
    args = add_common_args(ap).parse_args()
    # calls per timing loop and loops (best kept), without and with mx.eval
    counts = (1000, 5, 200, 3) if args.quick else (3000, 7, 500, 5)
    rounds = args.rounds or (3 if args.quick else 1)
    code = "BASKET = " + repr(BASKET) + "\nN, REPS, N_EVAL, REPS_EVAL = " + repr(counts) + "\n" + TIMER
    ref_py = reference_python()
    # Alternating the two bindings spreads a shared machine's busy spells over both of them.
    ours, theirs = {}, {}
    for _ in range(rounds):
        _keep_best(ours, run_with_module(sys.executable, "mlxcy", code))
        if ref_py:
            _keep_best(theirs, run_with_module(ref_py, "mlx.core", code))
    base_o = ours.pop("__loop__")[0]
    base_t = theirs.pop("__loop__", [0])[0]
    rows, cases = [], []
    print(f"{'operation':<22} {'mlxcy ns':>9} {'ref ns':>9} {'ratio':>6}   {'+eval mlxcy':>11} {'+eval ref':>10} {'ratio':>6}")
    for name, _, _ in BASKET:
        if name not in ours:
            continue
        o, oe = ours[name]
        t, te = theirs.get(name, [None, None])
        o -= base_o
        t = t - base_t if t is not None else None
        oe = oe - base_o if oe is not None else None
        te = te - base_t if te is not None else None
        row = {"op": name, "mlxcy_ns": o * 1e9, "ref_ns": t * 1e9 if t else None, "ratio": ratio(o, t),
               "mlxcy_eval_ns": oe * 1e9 if oe else None, "ref_eval_ns": te * 1e9 if te else None,
               "ratio_eval": ratio(oe, te) if oe and te else None}
        rows.append(row)
        # for --json: graph building (the headline) and with mx.eval as separate cases
        cases.append({"case": name, "group": "graph building", "headline": True,
                      "mlxcy_ns": row["mlxcy_ns"], "ref_ns": row["ref_ns"]})
        if oe is not None:
            cases.append({"case": f"mx.eval({name})", "group": "with mx.eval", "headline": False,
                          "mlxcy_ns": row["mlxcy_eval_ns"], "ref_ns": row["ref_eval_ns"]})
        fmt = lambda v, w, p=0: f"{v:>{w}.{p}f}" if v is not None else f"{'-':>{w}}"
        print(f"{name:<22} {fmt(row['mlxcy_ns'], 9)} {fmt(row['ref_ns'], 9)} {fmt(row['ratio'], 6, 2)}   "
              f"{fmt(row['mlxcy_eval_ns'], 11)} {fmt(row['ref_eval_ns'], 10)} {fmt(row['ratio_eval'], 6, 2)}")
    ratios = [r["ratio"] for r in rows if r["ref_ns"] and r["ratio"] > 0]
    if ratios:
        geo = 1.0
        for r in ratios:
            geo *= r
        geo **= 1.0 / len(ratios)
        print(f"geometric mean ratio over {len(ratios)} ops: {geo:.2f} (target <= 0.75)")
    else:
        print("(reference mlx not found: set MLXCY_BENCH_REF_PYTHON to a python with mlx==0.32.4)")
    if args.json:
        write_json(args.json, "dispatch", cases, quick=args.quick,
                   headline="per-call time of small ops, graph building (geometric mean)")


if __name__ == "__main__":
    main()
