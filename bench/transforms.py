"""Per-call overhead of function transforms and of the plain-Python training-step helpers:
mlxcy vs the reference binding (issue 21, item 3; target: transform calls <= 0.7x).

Transforms of a tiny function f(x) = sum(x * x) over 3 floats: calling `grad(f)` (made once, and
made on each call), `value_and_grad(f)`, `vmap(f)` over 4 rows, and a `compile`d f; each graph
building alone (the headline) and with `mx.eval` of the result.
Training helpers on a model of 500 parameter arrays (250 Linear(8, 8) layers):
`model.trainable_parameters()`, `tree_flatten` of the parameters, `model.update(params)` and
`optimizer.update(model, grads)` (Adam; the model and state are evaluated after each update,
outside the timed part).

Run: python bench/transforms.py [--rounds N] [--quick] [--json OUT]
(the two bindings alternate over the rounds, each case's best kept; on a loaded machine the
timings swing widely: tools/transforms_instructions.py counts instructions per call instead)
"""
import argparse

from _peers import (BINDING_NAMESPACES_SRC, TIMED_SRC, add_common_args, alternate, geomean, ratio,
                    write_json)

# (case, statement timed, whether it returns arrays to evaluate)
TRANSFORM_CASES = [
    ("f(x) (no transform)", "f(x)", True),
    ("mx.grad(f)(x)", "mx.grad(f)(x)", True),
    ("g(x), g = mx.grad(f)", "g(x)", True),
    ("vg(x), vg = mx.value_and_grad(f)", "vg(x)", True),
    ("vf(xs), vf = mx.vmap(f)", "vf(xs)", True),
    ("cf(x), cf = mx.compile(f)", "cf(x)", True),
]
TRAINING_CASES = [
    ("model.trainable_parameters()", "model.trainable_parameters()"),
    ("tree_flatten(model.parameters())", "utils.tree_flatten(model.parameters())"),
    ("model.update(params)", "model.update(params)"),
]
OPTIMIZER_CASE = "optimizer.update(model, grads) (Adam)"    # timed by hand, no loop cost to subtract
N_LAYERS = 250     # two arrays each: 500 parameter arrays

CODE = TIMED_SRC + BINDING_NAMESPACES_SRC + r"""
import json
def f(x):
    return mx.sum(x * x)
x = mx.array([1.0, 2.0, 3.0]); xs = mx.ones((4, 3))
g = mx.grad(f); vg = mx.value_and_grad(f); vf = mx.vmap(f); cf = mx.compile(f)
mx.eval(x, xs, cf(x))
env = dict(mx=mx, f=f, x=x, xs=xs, g=g, vg=vg, vf=vf, cf=cf)
out = {}
for name, stmt, returns in TRANSFORM_CASES:
    out[name] = [_timed(stmt, env, N, REPS), _timed("mx.eval(" + stmt + ")", env, N, REPS) if returns else None]

mx.random.seed(0)
model = nn.Sequential(*[nn.Linear(8, 8) for _ in range(N_LAYERS)])
mx.eval(model.parameters())
params = model.parameters()
env = dict(mx=mx, model=model, utils=utils, params=params)
assert len(utils.tree_flatten(model.trainable_parameters())) == 2 * N_LAYERS
for name, stmt in TRAINING_CASES:
    out[name] = [_timed(stmt, env, N_TRAIN, REPS), None]

# optimizer.update: only the update (graph building in plain Python) is timed; evaluating the new
# parameters and state after each keeps the graph from growing.
optimizer = optim.Adam(learning_rate=1e-3)
grads = model.trainable_parameters()
optimizer.init(model.trainable_parameters())
best = float("inf")
for _ in range(REPS):
    spent = 0.0
    for _ in range(N_TRAIN):
        t = time.perf_counter()
        optimizer.update(model, grads)
        spent += time.perf_counter() - t
        mx.eval(model.parameters(), optimizer.state)
    best = min(best, spent / N_TRAIN)
out[OPTIMIZER_CASE] = [best, None]
out["__loop__"] = [_timed("pass", {}, N, REPS), None]
print(json.dumps(out))
"""


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--rounds", type=int, help="alternate mlxcy and reference runs (default 3; --quick: 2)")
    args = add_common_args(ap).parse_args()
    n, n_train, reps = (300, 10, 3) if args.quick else (2000, 40, 5)
    rounds = args.rounds or (2 if args.quick else 3)
    code = (f"TRANSFORM_CASES = {TRANSFORM_CASES!r}\nTRAINING_CASES = {TRAINING_CASES!r}\n"
            f"N_LAYERS = {N_LAYERS}\nOPTIMIZER_CASE = {OPTIMIZER_CASE!r}\nN, N_TRAIN, REPS = {n}, {n_train}, {reps}\n" + CODE)
    ours, theirs = alternate(code, rounds)
    loop_o = ours.pop("__loop__")[0]
    loop_t = theirs.pop("__loop__")[0] if theirs else 0.0
    rows, transform_ratios = [], []
    print(f"{'case':<40} {'mlxcy us':>9} {'ref us':>9} {'ratio':>6}   {'+eval mlxcy':>11} {'+eval ref':>10} {'ratio':>6}")
    for name, (o, oe) in ours.items():
        t, te = theirs.get(name, [None, None]) if theirs else (None, None)
        in_loop = name != OPTIMIZER_CASE
        o_us = (o - (loop_o if in_loop else 0.0)) * 1e6
        t_us = (t - (loop_t if in_loop else 0.0)) * 1e6 if t is not None else None
        oe_us = (oe - loop_o) * 1e6 if oe is not None else None
        te_us = (te - loop_t) * 1e6 if te is not None else None
        is_transform = any(name == c[0] for c in TRANSFORM_CASES)
        baseline = name == TRANSFORM_CASES[0][0]
        group = "call without transform" if baseline else "transform call" if is_transform else "training step helper"
        rows.append({"case": name, "group": group, "headline": is_transform and not baseline,
                     "mlxcy_us": o_us, "ref_us": t_us})
        if oe_us is not None:
            rows.append({"case": name + " + mx.eval", "group": group + " with eval", "headline": False,
                         "mlxcy_us": oe_us, "ref_us": te_us})
        if is_transform and not baseline and t_us:
            transform_ratios.append(o_us / t_us)
        fmt = lambda v, w, p=1: f"{v:>{w}.{p}f}" if v is not None else f"{'-':>{w}}"
        print(f"{name:<40} {fmt(o_us, 9)} {fmt(t_us, 9)} {fmt(ratio(o_us, t_us), 6, 2)}   "
              f"{fmt(oe_us, 11)} {fmt(te_us, 10)} {fmt(ratio(oe_us, te_us) if oe_us and te_us else None, 6, 2)}")
    if theirs is None:
        print("(reference mlx not found: set MLXCY_BENCH_REF_PYTHON to a python with mlx==0.32.4)")
    else:
        print(f"geometric mean ratio over {len(transform_ratios)} transform calls: "
              f"{geomean(transform_ratios):.2f} (target <= 0.7)")
    if args.json:
        write_json(args.json, "transforms", rows, quick=args.quick,
                   headline="per-call time of grad / value_and_grad / vmap / compiled calls, tiny f (geomean)",
                   notes=[f"training helpers on a model of {2 * N_LAYERS} parameter arrays; bindings alternated "
                          f"over {rounds} rounds, best kept"])


if __name__ == "__main__":
    main()
