"""Evaluate expressions under the reference binding and under mlxcy and list where they differ
(result repr, or exception type). One expression per line in FILE (`mx`, `np`, `nn`, `optim`,
`utils` are defined); a crash of either side is recorded and the run goes on.

    python tools/parity_sweep.py FILE        (reference: $MLXCY_REF_PYTHON, default /opt/refvenv/bin/python)
"""
import os
import json, sys, subprocess
RUNONE = r'''
import sys, json
import numpy as np
if sys.argv[1] == "ref":
    import mlx.core as mx, mlx.nn as nn, mlx.optimizers as optim, mlx.utils as utils
else:
    import mlxcy as mx, mlxcy.nn as nn, mlxcy.optimizers as optim, mlxcy.utils as utils
exprs = json.load(open(sys.argv[2]))
start = int(sys.argv[3])
for i in range(start, len(exprs)):
    e = exprs[i]
    try:
        mx.random.seed(0); r = eval(e, {"mx": mx, "np": np, "nn": nn, "optim": optim, "utils": utils})
        s = ["ok", repr(r).replace("mlx.core", "MX").replace("mlxcy", "MX").replace("mlx.", "MX.").replace("MX.nn.layers", "MX.nn")]
    except Exception as ex:
        s = ["err", type(ex).__name__, str(ex)[:160]]
    print(json.dumps([i] + s), flush=True)
'''
exprs = [l.rstrip("\n") for l in open(sys.argv[1]) if l.strip() and not l.startswith("#")]
json.dump(exprs, open("/tmp/_px.json", "w"))
def run(mod, py):
    out = {}
    start = 0
    while start < len(exprs):
        p = subprocess.run([py, "-c", RUNONE, mod, "/tmp/_px.json", str(start)], capture_output=True, text=True, cwd="/tmp")
        last = start - 1
        for line in p.stdout.splitlines():
            rec = json.loads(line); out[rec[0]] = rec[1:]; last = rec[0]
        if p.returncode != 0 and last + 1 < len(exprs):
            out[last + 1] = ["CRASH", str(p.returncode)]
            start = last + 2
        else:
            start = len(exprs)
    return out
ref = run("ref", os.environ.get("MLXCY_REF_PYTHON", "/opt/refvenv/bin/python")); ours = run("ours", sys.executable)
bad = 0
for i, e in enumerate(exprs):
    r, o = ref.get(i), ours.get(i)
    if r is None or o is None or r[:2] != o[:2]:
        bad += 1
        print("!!", e); print("   ref :", r); print("   ours:", o)
print(bad, "mismatches of", len(exprs))
