"""Compare two result descriptions (see worker.describe) and say how they differ.

compare(ref, ours) returns None when mlxcy matches the reference, else (kind, detail):
- exceptions match when mlxcy's exception is an instance of a class named like the reference's
  (mlxcy may raise a class deriving from both ValueError and RuntimeError);
- arrays match on dtype, shape and values (exact for integers and bools, a tolerance by dtype for
  floats, NaN equal to NaN); when the values are identical, repr and str must be identical too;
- a crash or hang of mlxcy never matches; where the reference crashes too on the same input
  the kind is "both_crash" (a libmlx crash neither binding guards: reported, see report.py);
  a crash or hang of the reference alone is fine (counted) whatever mlxcy did.
"""
import math
import re

# (rtol, atol) per dtype. Both bindings run the same libmlx with the same BLAS, so these only
# absorb evaluation-order noise (fused vs unfused graphs), not different algorithms.
TOLERANCE = {"float64": (1e-12, 1e-14), "float32": (1e-5, 1e-6), "complex64": (1e-5, 1e-6),
             "float16": (1e-3, 1e-4), "bfloat16": (1e-2, 1e-3), "float": (1e-9, 1e-12)}


def _close(a, b, tol):
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_close(x, y, tol) for x, y in zip(a, b))
    if isinstance(a, bool) or isinstance(b, bool) or not isinstance(a, (int, float)) or not isinstance(b, (int, float)):
        return a == b and type(a) is type(b)
    if isinstance(a, float) and math.isnan(a):
        return isinstance(b, float) and math.isnan(b)
    if isinstance(a, int) and isinstance(b, int):
        return a == b
    if tol is None:
        return a == b
    if math.isinf(a) or math.isinf(b):
        return a == b
    rtol, atol = tol
    return abs(a - b) <= atol + rtol * abs(b)


def _identical(a, b):
    """Equality where NaN equals NaN (values come back from JSON as float('nan'))."""
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_identical(x, y) for x, y in zip(a, b))
    if isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b):
        return True
    return a == b and type(a) is type(b)


def _compare(ref, ours, path):
    rt, ot = ref.get("t"), ours.get("t")
    if ot in ("crash", "hang") and rt in ("crash", "hang"):
        return ("both_crash", f"{path}: both crash (libmlx): mlxcy {ot} (exit {ours.get('code')}), "
                              f"reference {rt} (exit {ref.get('code')})")
    if ot in ("crash", "hang"):
        return (f"ours_{ot}", f"{path}: mlxcy {ot} (exit {ours.get('code')}), reference gave {rt}")
    if rt in ("crash", "hang"):
        return None                       # counted by the caller as ref_crash
    if rt == "exc" or ot == "exc":
        if rt == "exc" and ot == "exc":
            if ref["type"] in ours["mro"]:
                return None
            return ("exception_type", f"{path}: reference {ref['type']}, mlxcy {ours['type']}")
        if rt == "exc":
            return ("ours_succeeds", f"{path}: reference raises {ref['type']}, mlxcy returns {ot}")
        return ("ours_raises", f"{path}: mlxcy raises {ours['type']}, reference returns {rt}")
    if rt != ot:
        return ("result_kind", f"{path}: reference {rt}, mlxcy {ot}")
    if rt == "array":
        if ref["dtype"] != ours["dtype"]:
            return ("dtype", f"{path}: reference {ref['dtype']}, mlxcy {ours['dtype']}")
        if ref["shape"] != ours["shape"]:
            return ("shape", f"{path}: reference {ref['shape']}, mlxcy {ours['shape']}")
        if "values" not in ref or "values" not in ours:
            return None
        if _identical(ref["values"], ours["values"]):
            for key in ("repr", "str"):
                if ref.get(key) != ours.get(key):
                    return ("printing", f"{path}.{key}: reference {ref.get(key)!r}, mlxcy {ours.get(key)!r}")
            return None
        tol = TOLERANCE.get(ref["dtype"])
        if _close(ref["values"], ours["values"], tol):
            return None
        return ("values", f"{path}: values differ")
    if rt == "py":
        if ref["type"] != ours["type"]:
            return ("py_type", f"{path}: reference {ref['type']}, mlxcy {ours['type']}")
        if ref["type"] in ("float", "complex"):
            ok = _identical(ref["v"], ours["v"]) or _close(ref["v"], ours["v"], TOLERANCE["float"])
        else:
            ok = ref["v"] == ours["v"]
        return None if ok else ("py_value", f"{path}: reference {ref['v']!r}, mlxcy {ours['v']!r}")
    if rt == "seq":
        if ref["type"] != ours["type"] or ref["len"] != ours["len"]:
            return ("container", f"{path}: reference {ref['type']}[{ref['len']}], mlxcy {ours['type']}[{ours['len']}]")
        for i, (a, b) in enumerate(zip(ref["items"], ours["items"])):
            d = _compare(a, b, f"{path}[{i}]")
            if d:
                return d
        return None
    if rt == "dict":
        # dicts are equal whatever their order (the reference builds some from sets, whose
        # order follows the string hash seed)
        rk, ok = dict(ref["items"]), dict(ours["items"])
        if ref["type"] != ours["type"] or set(rk) != set(ok):
            return ("container", f"{path}: keys/type differ: reference {ref['type']} {sorted(rk)}, "
                                 f"mlxcy {ours['type']} {sorted(ok)}")
        for k in sorted(rk):
            d = _compare(rk[k], ok[k], f"{path}[{k}]")
            if d:
                return d
        return None
    if rt in ("module", "optimizer"):
        if ref["type"] != ours["type"]:
            return ("type_name", f"{path}: reference {ref['type']}, mlxcy {ours['type']}")
        key = "params" if rt == "module" else "state"
        d = _compare(ref[key], ours[key], f"{path}.{key}")
        if d:
            return d
        if rt == "module" and (ref["repr"] != ours["repr"] or ref["training"] != ours["training"]):
            return ("printing", f"{path}: module repr/training differ: reference {ref['repr']!r}, mlxcy {ours['repr']!r}")
        return None
    if rt == "callable":
        if ref["type"] != ours["type"]:
            return ("type_name", f"{path}: callable type: reference {ref['type']}, mlxcy {ours['type']}")
        return None
    if rt == "class":
        return None if ref["name"] == ours["name"] else ("type_name", f"{path}: class {ref['name']} vs {ours['name']}")
    if ref != ours:
        return ("object", f"{path}: reference {ref}, mlxcy {ours}")
    return None


def compare(ref, ours, path="result"):
    """None if equal, else (kind, detail, reference node, mlxcy node) at the first difference."""
    d = _compare(ref, ours, path)
    if d is None:
        return None
    node_ref, node_ours = _node(ref, d[1]), _node(ours, d[1])
    return d[0], d[1], node_ref, node_ours


def _node(res, detail):
    """The sub-result a detail's path (result[0]['w'].repr: ...) points at, for the report."""
    path = detail.split(":", 1)[0]
    node = res
    for step in re.findall(r"\[([^\]]*)\]|\.(\w+)", path[len("result"):]):
        index, attr = step
        try:
            if attr in ("params", "state"):
                node = node[attr]
            elif attr:
                return node
            elif node.get("t") == "seq":
                node = node["items"][int(index)]
            elif node.get("t") == "dict":
                node = dict(node["items"])[index]
        except (KeyError, IndexError, ValueError, AttributeError, TypeError):
            return node
    return node
