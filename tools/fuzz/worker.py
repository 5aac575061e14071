"""Fuzz worker: runs cases under one binding and reports a verdict per case.

    python worker.py ours|ref

Standalone (the reference interpreter runs it without mlxcy or the tools package): it imports its
sibling `formats.py` by path. Reads one JSON case per line on stdin, writes one JSON line
{"id": ..., "v": verdict, "d": detail} per case on the stdout it was started with (anything the
library prints goes to stderr). Verdicts:
  ok        the call returned (and its arrays evaluated) / the file loaded and matched the oracle
  clean     a clean Python exception (detail: its type)
  unclean   an exception outside the allowed families (detail: type and message)
  misread   the file loaded but differs from the independent reader (detail: what differs)
  lenient   the file loaded though the independent reader rejects it (reported, not a failure)
A crash or a hang never answers: the runner records it.
"""
import base64
import json
import os
import sys
import tempfile
import time
import warnings

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
FLAVOUR = sys.argv[1]
if FLAVOUR == "ref":
    import mlx.core as mx
else:
    import mlxcy as mx
import numpy as np

import formats as F

FILE_ERRORS = (ValueError, RuntimeError)


def _mx_dtype_name(a):
    return str(a.dtype).rsplit(".", 1)[-1]


def _raw(a):
    """(dtype name, shape, bytes) of an mlx array, bit-exact (bfloat16 through a uint16 view)."""
    name = _mx_dtype_name(a)
    if name == "bfloat16":
        host = np.array(a.view(mx.uint16))
    else:
        host = np.array(a)
    if host.dtype == np.bool_:
        host = host.view(np.uint8) != 0                # any nonzero byte is True on both sides
    return name, tuple(a.shape), np.ascontiguousarray(host).tobytes()


def _np_expect(arr):
    """An oracle NumPy array as (mlx dtype name or None when mlx has no such dtype, shape, bytes)."""
    arr = arr.astype(arr.dtype.newbyteorder("<"))        # a big-endian file loads as native values
    if arr.dtype == np.bool_:
        arr = arr.view(np.uint8) != 0
    return F.NPY_MLX.get(arr.dtype.str[1:]), tuple(arr.shape), np.ascontiguousarray(arr).tobytes()


def _gguf_meta_diff(got, want):
    if set(got) != set(want):
        return f"metadata keys {sorted(set(got) ^ set(want))[:4]}"
    for k, (vtype, v) in want.items():
        g = got[k]
        if vtype == F.GGUF_STRING:
            ok = g == v
        elif vtype == F.GGUF_ARRAY:
            etype, items = v
            if etype == F.GGUF_STRING:
                ok = list(g) == items
            else:
                ok = isinstance(g, mx.array) and g.ndim == 1 and np.array(g).tolist() == items
        else:
            ok = isinstance(g, mx.array) and g.ndim == 0 and np.array(g).item() == v \
                or (vtype in (6, 12) and v != v and isinstance(g, mx.array) and np.isnan(np.array(g)))
        if not ok:
            return f"metadata {k!r}: {g!r} != {v!r}"
    return None


def oracle(fmt, blob):
    """{name: raw triple}, extra (safetensors metadata / GGUF kvs) -- raises F.Invalid."""
    if fmt == "safetensors":
        return F.read_safetensors(blob)
    if fmt == "npy":
        return {"": _np_expect(F.read_npy(blob))}, None
    if fmt == "npz":
        return {k: _np_expect(v) for k, v in F.read_npz(blob).items()}, None
    return F.read_gguf(blob)


def run_file_case(case, path):
    fmt, blob = case["fmt"], base64.b64decode(case["blob"])
    with open(path, "wb") as f:
        f.write(blob)
    try:
        want, extra = oracle(fmt, blob)
    except F.Invalid as e:
        want, extra, why_invalid = None, None, str(e)
    except Exception as e:  # noqa: BLE001 -- an oracle bug must not pass for a crash of the loader
        return "oracle_error", f"{type(e).__name__}: {str(e)[:200]}"
    try:
        kw = {"mmap": True} if case["mmap"] and FLAVOUR != "ref" else {}   # the reference has no mmap
        out = mx.load(path, format=fmt, return_metadata=fmt in ("safetensors", "gguf"), **kw)
        meta = None
        if isinstance(out, tuple):
            out, meta = out
        got = {"": _raw(out)} if isinstance(out, mx.array) else {k: _raw(v) for k, v in out.items()}
    except FILE_ERRORS as e:
        return "clean", type(e).__name__
    except Exception as e:  # noqa: BLE001 -- the point: which exception escaped
        return "unclean", f"{type(e).__name__}: {str(e)[:200]}"
    if want is None:
        return "lenient", why_invalid[:200]
    if set(got) != set(want):
        return "misread", f"names {sorted(got)[:4]} != {sorted(want)[:4]}"
    for name in want:
        why = F.raw_difference(got[name], want[name], name or "array")
        if why:
            return "misread", why
    if fmt == "gguf":
        why = _gguf_meta_diff(meta, extra)
        if why:
            return "misread", why
    if fmt == "safetensors" and (extra or {}) != (meta or {}):
        return "misread", f"metadata {meta!r} != {extra!r}"
    return "ok", ""


def _arrays_in(obj, depth=0):
    if isinstance(obj, mx.array):
        yield obj
    elif depth < 4 and isinstance(obj, (list, tuple)):
        for x in obj:
            yield from _arrays_in(x, depth + 1)
    elif depth < 4 and isinstance(obj, dict):
        for x in obj.values():
            yield from _arrays_in(x, depth + 1)


def run_call_case(case, namespace):
    try:
        result = eval(case["src"], dict(namespace))          # noqa: S307 -- the case is our own source
        arrays = list(_arrays_in(result))
        if arrays:
            mx.eval(*arrays)
    except SystemError as e:                                  # a C-API misuse, not a clean refusal
        return "unclean", f"SystemError: {str(e)[:200]}"
    except Exception as e:  # noqa: BLE001 -- any ordinary exception is a clean refusal here
        return "clean", type(e).__name__
    return "ok", ""


def _settle():
    """Finish work a case left running (async_eval, a stream it queued on), so that its time and
    any crash are charged to that case and not to the next one."""
    try:
        mx.synchronize()
    except Exception:  # noqa: BLE001 -- a failed task was that case's result already
        pass


def main():
    out = os.fdopen(os.dup(1), "w", buffering=1)
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    warnings.simplefilter("ignore")
    import faulthandler
    faulthandler.enable()                # a crash leaves its Python stack on stderr for the record
    tmp = tempfile.mkdtemp(prefix=f"mlxcy-fuzz-{FLAVOUR}-")
    os.chdir(tmp)                        # a file a call writes lands here
    path = os.path.join(tmp, "case")
    namespace = {"mx": mx, "np": np, "nan": float("nan"), "inf": float("inf")}
    out.write(json.dumps({"ready": FLAVOUR}) + "\n")
    for line in sys.stdin:
        case = json.loads(line)
        started = time.monotonic()
        if case["kind"] == "file":
            verdict, detail = run_file_case(case, path)
        else:
            verdict, detail = run_call_case(case, namespace)
            _settle()
        out.write(json.dumps({"id": case["id"], "v": verdict, "d": detail,
                              "t": round(time.monotonic() - started, 4)}) + "\n")


if __name__ == "__main__":
    main()
