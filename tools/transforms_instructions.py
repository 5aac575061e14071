"""Instructions per call of the bench/transforms.py cases, under valgrind's callgrind: deterministic
where wall-clock timings on a shared machine are not (issue 21, item 3).

Each case runs N and 4N times in a fresh interpreter (after a few warm-up calls); the difference of
the two instruction totals over 3N is the cost of one call, loop included, with start-up and
one-time costs cancelled. PYTHONHASHSEED is fixed so that both runs hash alike.

Run: python tools/transforms_instructions.py [--cases g,vf,...] [--n N]
(the reference is measured too when MLXCY_BENCH_REF_PYTHON names its interpreter)
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile

CASES = {   # name: (statement, calls per run for --n 1)
    "f": ("f(x)", 200), "make": ("mx.grad(f)", 200), "grad": ("mx.grad(f)(x)", 200),
    "g": ("g(x)", 200), "vg": ("vg(x)", 200), "vf": ("vf(xs)", 200), "cf": ("cf(x)", 200),
    "trainable_parameters": ("model.trainable_parameters()", 10),
    "tree_flatten": ("utils.tree_flatten(model.parameters())", 10),
    "update": ("model.update(params)", 10),
}

PROGRAM = r"""
import sys
if sys.argv[1] == "ref":
    import mlx.core as mx, mlx.nn as nn, mlx.utils as utils
else:
    import mlxcy as mx, mlxcy.nn as nn, mlxcy.utils as utils
stmt, n = sys.argv[2], int(sys.argv[3])
def f(x):
    return mx.sum(x * x)
x = mx.array([1.0, 2.0, 3.0]); xs = mx.ones((4, 3))
g = mx.grad(f); vg = mx.value_and_grad(f); vf = mx.vmap(f); cf = mx.compile(f)
mx.eval(x, xs, cf(x))
env = dict(mx=mx, f=f, x=x, xs=xs, g=g, vg=vg, vf=vf, cf=cf, utils=utils)
if "model" in stmt:
    mx.random.seed(0)
    model = nn.Sequential(*[nn.Linear(8, 8) for _ in range(250)])
    mx.eval(model.parameters())
    env.update(model=model, params=model.parameters())
exec(compile(f"for _ in range(3):\n    {stmt}\n", "<warm-up>", "exec"), env)
exec(compile(f"for _ in range({n}):\n    {stmt}\n", "<timed>", "exec"), env)
"""


def instructions(python, which, stmt, n, tmp):
    out = os.path.join(tmp, "callgrind.out")
    env = dict(os.environ, PYTHONHASHSEED="0")
    env.pop("PYTHONPATH", None)
    res = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", python, "-c",
                          PROGRAM, which, stmt, str(n)], capture_output=True, text=True, cwd="/", env=env)
    m = re.search(r"Collected : (\d+)", res.stderr)
    if res.returncode != 0 or not m:
        raise RuntimeError(f"{python} failed:\n{res.stderr[-2000:]}")
    return int(m.group(1))


def per_call(python, which, stmt, n, tmp):
    return (instructions(python, which, stmt, 4 * n, tmp) - instructions(python, which, stmt, n, tmp)) / (3 * n)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cases", default=",".join(CASES), help="comma-separated, from: " + ", ".join(CASES))
    ap.add_argument("--n", type=float, default=1.0, help="scale the calls per run (default 1)")
    args = ap.parse_args()
    if shutil.which("valgrind") is None:
        sys.exit("valgrind is not installed")
    ref = os.environ.get("MLXCY_BENCH_REF_PYTHON")
    print(f"{'case':<22} {'mlxcy':>12} {'reference':>12} {'ratio':>6}")
    with tempfile.TemporaryDirectory() as tmp:
        for name in args.cases.split(","):
            stmt, n = CASES[name]
            n = max(1, int(n * args.n))
            ours = per_call(sys.executable, "mlxcy", stmt, n, tmp)
            theirs = per_call(ref, "ref", stmt, n, tmp) if ref else None
            r = f"{ours / theirs:6.2f}" if theirs else f"{'-':>6}"
            print(f"{name:<22} {ours:12.0f} {theirs if theirs is None else round(theirs):>12} {r}", flush=True)


if __name__ == "__main__":
    main()
