"""Bad-argument cases for every function of mlx.core and its fft/linalg/random/fast namespaces.

The signatures come from the API inventory (tools/reference/mlx-0.32.4-api.json). For each function
a baseline call is built from plausible values, then each parameter in turn is replaced by every
value of its bad-value pool (bad types, out-of-range axes, negative and huge sizes, mismatched
shapes, zero group sizes, empty matrices...); a seeded share of the cases replaces two parameters
at once. A case is one Python expression the worker evaluates and then `mx.eval`s: its own
one-line reproducer.
"""
import ast
import json
import random
import re
from pathlib import Path

INVENTORY = Path(__file__).resolve().parents[1] / "reference" / "mlx-0.32.4-api.json"
NAMESPACES = {"mlx.core": "mx", "mlx.core.fft": "mx.fft", "mlx.core.linalg": "mx.linalg",
              "mlx.core.random": "mx.random", "mlx.core.fast": "mx.fast"}

# Functions left out: they change the worker's process-wide state for the cases after them, or
# act on the process (streams, limits, defaults, compile switches).
SKIP = {
    "mx": {"set_default_device", "set_default_stream", "set_memory_limit", "set_wired_limit",
           "set_cache_limit", "disable_compile", "enable_compile", "set_printoptions", "clear_streams",
           "synchronize"},
    "mx.random": {"seed"},
}

# Calls that are correct but do work proportional to a huge argument, beyond the per-case
# timeout (NumPy takes as long): not hangs. Matched against the case's source.
LEGITIMATELY_SLOW = [
    # 10**6 output arrays, one per row (~20 s in libmlx's eval, in the reference too)
    "mx.unstack(mx.broadcast_to(mx.array(1.0), (10**6, 10**6))",
]

ARRAYS = ["mx.ones((4, 4))", "mx.array(1.0)", "mx.zeros((0,))", "mx.zeros((0, 0))", "mx.zeros((2, 0, 3))",
          "mx.arange(6, dtype=mx.int32).reshape(2, 3)", "mx.ones((2, 3), dtype=mx.complex64)",
          "mx.ones((2, 3), dtype=mx.bool_)", "mx.ones((3, 2, 4), dtype=mx.float16)",
          "mx.ones((1,) * 9)", "mx.broadcast_to(mx.array(1.0), (10**6, 10**6))",
          "mx.ones((2, 3), dtype=mx.uint32)", "mx.array([-10**6, 10**6])", "'x'", "None", "[[1], [1, 2]]",
          "mx.array([float('nan'), float('inf')])"]
INTS = ["0", "-1", "1", "2", "3", "-7", "100", "10**6", "10**12", "2**31", "2**63", "-(2**63)", "2**64",
        "1.5", "'a'", "None", "mx.array([1, 2])", "True"]
SHAPES = ["(10**6, 10**6)", "(-1,)", "(-2, 3)", "(2**31,)", "(0,)", "()", "(2**62, 2**62)", "(2**63,)",
          "'ab'", "(1.5,)", "[3, 2]", "(1,) * 40", "None", "7"]
AXES = ["(0, 0)", "(5,)", "(-5,)", "()", "[0, 1]", "5", "-5", "2**31", "(0.5,)", "'a'"]
FLOATS = ["float('nan')", "float('inf')", "-1.0", "0.0", "1e308", "'x'", "None", "10**400"]
STRS = ["''", "'bogus'", "3", "None", "'\\x00'"]
DTYPES = ["mx.complex64", "mx.bool_", "mx.uint8", "mx.float64", "mx.bfloat16", "mx.int64", "'float32'",
          "5", "None", "mx.floating"]
BOOLS = ["True", "2", "'yes'", "None"]
CALLABLES = ["lambda x: x", "lambda *a: None", "5", "lambda x: (x * 2).sum()", "None"]
DEVICES = ["mx.cpu", "mx.gpu", "'cpu'", "5", "None"]
STREAMS = ["mx.gpu", "5", "'cpu'"]
SEQUENCES = ["[]", "[mx.ones((2,)), mx.ones((3, 3))]", "[mx.ones((2, 2))] * 3", "[1, 'a']", "None",
             "[mx.zeros((0,))]", "(mx.ones((4,)),)"]
GROUPS = ["0", "-1", "1", "3", "7", "2**31", "2**63", "None", "'a'", "1.5"]

# Parameter names whose pool is decided by name before annotation.
BY_NAME = [
    (("group_size", "bits", "block_size", "groups"), GROUPS),
    (("shape", "s", "reps", "slice_size", "strides", "shapes"), SHAPES),
    (("axis", "axes", "axis1", "axis2", "source", "destination", "start_axis", "end_axis",
      "in_axes", "out_axes", "argnums", "kth", "k", "offset", "dim"), INTS + AXES),
    (("stream",), STREAMS),
]


def _annotation_pool(name, ann):
    for names, pool in BY_NAME:
        if name in names:
            return pool
    a = ann or ""
    if "Callable" in a:
        return CALLABLES
    if "Dtype" in a:
        return DTYPES
    if "Device" in a or "Stream" in a:
        return DEVICES
    if re.search(r"\blist\[array\]|Sequence\[array\]", a):
        return SEQUENCES + ARRAYS[:4]
    if "array" in a or "scalar" in a or a == "":
        return ARRAYS + ["0", "-1", "2**63", "1e308"]
    if "Sequence[int]" in a or "tuple[int" in a:
        return SHAPES + INTS
    if "float" in a:
        return FLOATS + INTS[:6]
    if "int" in a:
        return INTS
    if "str" in a:
        return STRS
    if "bool" in a:
        return BOOLS
    return ARRAYS[:4] + INTS[:6] + STRS[:2]


BASELINE_BY_NAME = {
    "shape": "(2, 3)", "s": "(4, 4)", "reps": "(2, 1)", "slice_size": "(1, 1)", "axes": "(0, 1)",
    "axis": "0", "axis1": "0", "axis2": "1", "source": "0", "destination": "1", "group_size": "32",
    "bits": "4", "k": "1", "kth": "1", "n": "3", "m": "3", "M": "4", "num": "5", "subscripts": "'ij,jk->ik'",
    "indices": "mx.array([0, 1])", "start_indices": "mx.array([0, 0])", "dtype": "mx.float32",
    "key": "mx.random.key(0)", "file": "'out.bin'", "file_or_callback": "'out.bin'", "fun": "lambda x: x",
    "fn": "lambda x: x", "ord": "None", "mode": "None", "side": "'left'", "kernel_name": "'k'",
    "device": "mx.cpu", "device_type": "mx.cpu", "stop": "5", "start": "0", "step": "1",
}


def _baseline(name, ann):
    if name in BASELINE_BY_NAME:
        return BASELINE_BY_NAME[name]
    a = ann or ""
    if "Callable" in a:
        return "lambda x: x"
    if re.search(r"\blist\[array\]|Sequence\[array\]", a):
        return "[mx.ones((4, 4)), mx.ones((4, 4))]"
    if "array" in a or "scalar" in a or a == "":
        return "mx.ones((4, 4))"
    if "Sequence[int]" in a or "tuple[int" in a:
        return "(2, 2)"
    if "float" in a:
        return "1.0"
    if "int" in a:
        return "2"
    if "str" in a:
        return "'x'"
    if "bool" in a:
        return "False"
    return "mx.ones((4, 4))"


class Param:
    def __init__(self, name, ann, kind, required):
        self.name, self.ann, self.kind, self.required = name, ann, kind, required


def parse_signature(sig):
    """[Param] from an inventory signature string 'def f(a: array, /, *, stream=None) -> array'."""
    text = re.sub(r"\\\d+", "None", sig.split(" -> ")[0] if " -> " in sig else sig)
    text = text.replace("start :", "start:").replace("axis1 :", "axis1:")
    tree = ast.parse(text + ": pass")
    args = tree.body[0].args
    out = []
    pos = args.posonlyargs + args.args
    n_req = len(pos) - len(args.defaults)
    for i, a in enumerate(pos):
        kind = "pos" if a in args.posonlyargs else "pos_or_kw"
        out.append(Param(a.arg, ast.unparse(a.annotation) if a.annotation else "", kind, i < n_req))
    if args.vararg:
        a = args.vararg
        out.append(Param(a.arg, ast.unparse(a.annotation) if a.annotation else "", "var", False))
    for a, d in zip(args.kwonlyargs, args.kw_defaults):
        out.append(Param(a.arg, ast.unparse(a.annotation) if a.annotation else "", "kw", d is None and False))
    return out


def _call(qual, params, values):
    """Source of the call: positional while no parameter before is missing, keywords after."""
    positional_only = [p for p in params if p.kind == "pos"]
    last = max((i for i, p in enumerate(positional_only) if p.name in values), default=-1)
    values = dict(values)
    for p in positional_only[:last]:            # a positional-only one cannot be skipped
        values.setdefault(p.name, _baseline(p.name, p.ann))
    pos, kw, gap = [], [], False
    for p in params:
        if p.name not in values:
            gap = gap or p.kind != "pos"
            continue
        v = values[p.name]
        if p.kind == "pos" or (p.kind == "pos_or_kw" and not gap):
            pos.append(v)
        elif p.kind == "var":
            pos.extend(v if isinstance(v, list) else [v])
        else:
            kw.append(f"{p.name}={v}")
    return f"{qual}({', '.join(pos + kw)})"


def functions():
    """[(qualified name 'mx.linalg.inv', [Param])] for every function of the swept namespaces."""
    inventory = json.loads(INVENTORY.read_text())
    out = []
    for ns, prefix in NAMESPACES.items():
        for name, entry in sorted(inventory[ns].items()):
            if entry["kind"] != "function" or name in SKIP.get(prefix, ()):
                continue
            sig = entry["signature"]
            sig = sig[0] if isinstance(sig, list) else sig
            try:
                params = parse_signature(sig) if sig and sig.startswith("def ") else []
            except SyntaxError:
                params = []
            out.append((f"{prefix}.{name}", params))
    return out


def _values_for(p):
    if p.kind == "var":
        return [["mx.ones((4, 4))", "mx.ones((3,))"], ["mx.zeros((0, 0))"], ["'x'"], [],
                ["mx.broadcast_to(mx.array(1.0), (10**6, 10**6))", "mx.ones((2,))"], ["(10**6, 10**6)"],
                ["mx.ones((2, 2))", "mx.ones((2, 2)) > 0", "mx.ones((2,), dtype=mx.int32)"]]
    return _annotation_pool(p.name, p.ann)


def call_cases(seed=0, pairs_per_function=8, start_id=0):
    """Every single-parameter variation of every function, plus `pairs_per_function` seeded
    two-parameter variations each. Returns [{"id", "kind": "call", "src", "op"}]."""
    rnd = random.Random(seed)
    cases, seen = [], set()

    def add(op, src):
        if src not in seen and not any(src.startswith(slow) for slow in LEGITIMATELY_SLOW):
            seen.add(src)
            cases.append({"id": start_id + len(cases), "kind": "call", "src": src, "op": op})

    for qual, params in functions():
        base = {p.name: _baseline(p.name, p.ann) for p in params if p.required}
        if any(p.kind == "var" for p in params):
            base[[p for p in params if p.kind == "var"][0].name] = ["mx.ones((4, 4))"]
        add(qual, _call(qual, params, base))
        for p in params:
            for v in _values_for(p):
                add(qual, _call(qual, params, dict(base, **{p.name: v})))
        if len(params) >= 2:
            for _ in range(pairs_per_function):
                p1, p2 = rnd.sample(params, 2)
                add(qual, _call(qual, params, dict(base, **{p1.name: rnd.choice(_values_for(p1)),
                                                             p2.name: rnd.choice(_values_for(p2))})))
    return cases
