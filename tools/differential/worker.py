"""Long-lived worker: runs differential cases under one binding and reports plain-data results.

    python worker.py ref      (binds mx = mlx.core, nn = mlx.nn, optim = mlx.optimizers, utils = mlx.utils)
    python worker.py ours     (binds the same names to mlxcy)

Reads one JSON object per line on stdin: {"id": int, "seed": int, "src": str}. Runs `src` (the
value of its last line, when that line is an expression, is the result) and writes one JSON line
{"id": ..., "r": <description>} per case on the stdout it was started with; anything the case
itself prints goes to stderr, so it cannot corrupt the protocol. Standalone on purpose: the
reference interpreter runs this file without mlxcy or the tools package on its path.
"""
import ast
import json
import os
import re
import sys
import tempfile
import warnings

FLAVOUR = sys.argv[1]
if FLAVOUR == "ref":
    import mlx.core as mx
    import mlx.nn as nn
    import mlx.optimizers as optim
    import mlx.utils as utils
else:
    import mlxcy as mx
    import mlxcy.nn as nn
    import mlxcy.optimizers as optim
    import mlxcy.utils as utils
import numpy as np

# Package names differ by construction (mlx.core vs mlxcy): fold both to "mx" in every string we
# report, and blank out object addresses, which differ from run to run.
_PACKAGE = re.compile(r"\bmlx\.core\b|\bmlxcy\b|\bmlx\b")
_ADDRESS = re.compile(r"0x[0-9a-fA-F]+")
MAX_ELEMENTS = 4096


def norm(text):
    return _ADDRESS.sub("0x?", _PACKAGE.sub("mx", text))


def _plain(v):
    if isinstance(v, list):
        return [_plain(x) for x in v]
    if isinstance(v, complex):
        return [v.real, v.imag]
    return v


def describe(obj, depth=0):
    """Plain-data description of a case's result (recursion bounded for self-referencing trees)."""
    if depth > 8:
        return {"t": "deep"}
    if isinstance(obj, mx.array):
        d = {"t": "array", "dtype": str(obj.dtype).rsplit(".", 1)[-1], "shape": list(obj.shape)}
        if obj.size <= MAX_ELEMENTS:
            d["values"] = _plain(obj.tolist())
            d["repr"] = norm(repr(obj))
            d["str"] = norm(str(obj))
        return d
    if obj is None or isinstance(obj, (bool, int, float, str)):
        if isinstance(obj, float) and obj != obj:
            return {"t": "py", "type": "float", "v": "nan"}
        if isinstance(obj, str):
            return {"t": "py", "type": "str", "v": norm(obj)}
        if isinstance(obj, int) and not isinstance(obj, bool) and abs(obj) > 2**62:
            return {"t": "py", "type": type(obj).__name__, "v": str(obj)}
        return {"t": "py", "type": type(obj).__name__, "v": obj}
    if isinstance(obj, complex):
        return {"t": "py", "type": "complex", "v": [obj.real, obj.imag]}
    if isinstance(obj, bytes):
        return {"t": "py", "type": "bytes", "v": obj.hex()}
    if isinstance(obj, nn.Module):
        return {"t": "module", "type": type(obj).__name__, "training": obj.training,
                "params": describe(utils.tree_flatten(obj.parameters()), depth + 1),
                "repr": norm(repr(obj))}
    if isinstance(obj, (list, tuple)):
        return {"t": "seq", "type": type(obj).__name__,
                "items": [describe(x, depth + 1) for x in obj[:64]], "len": len(obj)}
    if isinstance(obj, dict):
        return {"t": "dict", "type": type(obj).__name__,
                "items": [[norm(repr(k)), describe(v, depth + 1)] for k, v in list(obj.items())[:64]]}
    if isinstance(obj, optim.Optimizer):
        return {"t": "optimizer", "type": type(obj).__name__,
                "state": describe(utils.tree_flatten(obj.state), depth + 1)}
    if isinstance(obj, (mx.Dtype, mx.Device, mx.Stream)):
        return {"t": "obj", "type": type(obj).__name__, "repr": norm(repr(obj)), "str": norm(str(obj))}
    if isinstance(obj, type):
        return {"t": "class", "name": obj.__name__}
    if callable(obj):
        return {"t": "callable", "type": type(obj).__name__}
    return {"t": "obj", "type": type(obj).__name__, "repr": norm(repr(obj))}


def describe_exception(e):
    return {"t": "exc", "type": type(e).__name__, "mro": [c.__name__ for c in type(e).__mro__],
            "msg": norm(str(e))[:400]}


def run_case(src, seed, namespace):
    mx.random.seed(seed)
    tree = ast.parse(src, mode="exec")
    last = tree.body.pop() if tree.body and isinstance(tree.body[-1], ast.Expr) else None
    exec(compile(tree, "<case>", "exec"), namespace)
    if last is None:
        return {"t": "py", "type": "NoneType", "v": None}
    value = eval(compile(ast.Expression(last.value), "<case>", "eval"), namespace)
    return describe(value)


def main():
    out = os.fdopen(os.dup(1), "w", buffering=1)
    os.dup2(2, 1)                       # prints from a case go to stderr, not the protocol
    sys.stdout = sys.stderr
    warnings.simplefilter("ignore")
    mx.set_default_device(mx.cpu)       # both bindings on the same device whatever the build
    tmp = tempfile.mkdtemp(prefix=f"mlxcy-diff-{FLAVOUR}-")
    base = {"mx": mx, "nn": nn, "optim": optim, "utils": utils, "np": np, "tmp": tmp,
            "nan": float("nan"), "inf": float("inf")}
    out.write(json.dumps({"ready": FLAVOUR}) + "\n")
    for line in sys.stdin:
        case = json.loads(line)
        try:
            result = run_case(case["src"], case["seed"], dict(base))
        except BaseException as e:      # noqa: BLE001 -- SystemExit/KeyboardInterrupt from a case are results too
            result = describe_exception(e)
        try:
            text = json.dumps({"id": case["id"], "r": result})
        except (TypeError, ValueError) as e:
            text = json.dumps({"id": case["id"], "r": {"t": "unserialisable", "msg": str(e)}})
        out.write(text + "\n")


if __name__ == "__main__":
    main()
