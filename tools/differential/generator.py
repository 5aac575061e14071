"""Seeded generator of differential cases.

A case is a small Python snippet run under both bindings (see worker.py for the names it may
use: mx, nn, optim, utils, np, tmp, nan, inf); the value of its last line is the result. The same
seed gives the same cases. Targets are every public name of the reference inventory
(tools/reference/mlx-0.32.4-api.json) for mlx.core and its fft/linalg/random/fast namespaces (calls
built from the parameter names of the inventory's signatures), array methods, properties and
operators, indexing, and mlx.nn layers/activations/losses/initializers, mlx.optimizers and
mlx.utils; the names that cannot be compared are in SKIPPED with the reason.
"""
import json
import random
import re
from pathlib import Path

INVENTORY = Path(__file__).resolve().parents[1] / "reference" / "mlx-0.32.4-api.json"
# Hand-written edge cases (one expression a line), run first in every sweep.
EDGE_CASES = Path(__file__).resolve().parents[1] / "parity" / "edge_cases.txt"

_DEVICE = "device, stream or memory query/setting: depends on the machine or changes global state"
_IO = "writes outside the worker's temp dir or is covered by the save/load cases"
SKIPPED = {
    **{n: _DEVICE for n in (
        "clear_cache", "clear_streams", "default_device", "default_stream", "device_count",
        "device_info", "get_active_memory", "get_cache_memory", "get_memory_limit", "get_peak_memory",
        "is_available", "new_stream", "new_thread_local_stream", "new_thread_unsafe_stream",
        "reset_peak_memory", "set_cache_limit", "set_default_device", "set_default_stream",
        "set_memory_limit", "set_wired_limit", "stream", "synchronize", "get_array_buffer_size")},
    "enable_compile": "global compile switch: would leak into later cases",
    "disable_compile": "global compile switch: would leak into later cases",
    "set_printoptions": "global print setting: covered by printoptions(...) context cases",
    "export_function": "file I/O (export is another helper's area); exporter/import_function likewise",
    "export_to_dot": "file I/O (dot output)", "exporter": "file I/O", "import_function": "file I/O",
    "save": _IO, "savez": _IO, "savez_compressed": _IO, "save_gguf": _IO, "save_safetensors": _IO,
    "load": _IO,
    "metal_kernel": "needs a Metal GPU", "cuda_kernel": "needs a CUDA GPU",
    "precompiled_cuda_kernel": "needs a CUDA GPU",
    "async_eval": "same as eval, asynchronous: covered by eval",
    "checkpoint": "transform: covered by the transform cases",
    # nn / optimizers names that need a distributed group
    "AllToShardedLinear": "needs a distributed group", "ShardedToAllLinear": "needs a distributed group",
    "QuantizedAllToShardedLinear": "needs a distributed group",
    "QuantizedShardedToAllLinear": "needs a distributed group",
    "FullyShardedModule": "needs a distributed group", "fully_shard": "needs a distributed group",
    "average_gradients": "needs a distributed group",
}

DTYPES = ["bool_", "uint8", "uint16", "uint32", "uint64", "int8", "int16", "int32", "int64",
          "float16", "bfloat16", "float32", "float64", "complex64"]
COMMON_DTYPES = ["float32", "float32", "float32", "int32", "int32", "bool_", "float16", "int64"]
FLOATS = ("float16", "bfloat16", "float32", "float64")
SHAPES = [(), (0,), (1,), (3,), (4,), (2, 3), (3, 3), (1, 3), (3, 1), (2, 0), (0, 3), (2, 3, 4),
          (2, 1, 3), (4, 4), (2, 2, 2), (1,), (5,), (3, 4)]
INT_RANGES = {"uint8": (0, 255), "uint16": (0, 65535), "uint32": (0, 2**32 - 1), "uint64": (0, 2**63),
              "int8": (-128, 127), "int16": (-32768, 32767), "int32": (-2**31, 2**31 - 1),
              "int64": (-2**63, 2**63 - 1)}
BAD_VALUES = ["None", "'x'", "[[1, 2], [3]]", "object()", "1.5", "(1, 'a')", "[]", "{}", "-1", "2**40"]
UNARY_LAMBDAS = ["lambda x: mx.sum(x * x)", "lambda x: mx.sum(mx.sin(x))", "lambda x: (x ** 3).mean()",
                 "lambda x: mx.exp(x).sum()", "lambda x: mx.sum(mx.tanh(x) * 2.0)",
                 "lambda x: mx.max(x)", "lambda x: mx.logsumexp(x)", "lambda x: (x @ x.T).sum()"]
STR_CHOICES = {
    "norm": ["'backward'", "'ortho'", "'forward'", "'bogus'"], "UPLO": ["'L'", "'U'", "'X'"],
    "mode": ["'affine'", "'mxfp4'", "'constant'", "'edge'", "'full'", "'valid'", "'same'", "'bogus'"],
    "side": ["'left'", "'right'", "'middle'"], "indexing": ["'xy'", "'ij'", "'zz'"],
    "pad_mode": ["'reflect'", "'constant'"], "reduction": ["'none'", "'mean'", "'sum'", "'bad'"],
    "ord": ["None", "2", "1", "-1", "'fro'", "'nuc'", "float('inf')", "-float('inf')", "0", "'x'"],
}


def load_inventory():
    return json.loads(INVENTORY.read_text())


def split_top(text):
    """Split at commas not inside brackets or quotes."""
    parts, depth, cur, quote = [], 0, "", None
    for ch in text:
        if quote:
            cur += ch
            if ch == quote:
                quote = None
            continue
        if ch in "'\"":
            quote = ch
        elif ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
        elif ch == "," and depth == 0:
            parts.append(cur.strip())
            cur = ""
            continue
        cur += ch
    if cur.strip():
        parts.append(cur.strip())
    return parts


def parse_signature(sig):
    """[(name, kind, annotation, has_default)] with kind in posonly/pos/kwonly/varargs/varkw."""
    if isinstance(sig, list):
        sig = sig[0]
    if not sig:
        return []
    start = sig.index("(")
    depth, end = 0, len(sig)
    for i in range(start, len(sig)):
        depth += sig[i] == "("
        depth -= sig[i] == ")"
        if depth == 0:
            end = i
            break
    params, kwonly = [], False
    for part in split_top(sig[start + 1:end]):
        if part == "/":
            params = [(n, "posonly" if k == "pos" else k, a, d) for n, k, a, d in params]
            continue
        if part == "*":
            kwonly = True
            continue
        if part.startswith("**"):
            params.append((part[2:].split(":")[0].strip(), "varkw", "", False))
            continue
        if part.startswith("*"):
            params.append((part[1:].split(":")[0].strip(), "varargs", part, False))
            kwonly = True
            continue
        name = re.split(r"[:=]", part, 1)[0].strip()
        annot = part.split(":", 1)[1].split("=")[0] if ":" in part.split("=")[0] else ""
        params.append((name, "kwonly" if kwonly else "pos", annot.strip(), "=" in part))
    if params and params[0][0] == "self":
        params = params[1:]
    return params


class Builder:
    """Source text for one case: named preamble lines plus a final expression."""

    def __init__(self, rng):
        self.r = rng
        self.lines = []
        self.n = 0
        self.finite = False     # no nan/inf: LAPACK results on non-finite input are unspecified

    # ---------- values ----------
    def scalar(self, dtype):
        r = self.r
        if dtype == "bool_":
            return r.choice(["True", "False"])
        if dtype in INT_RANGES:
            lo, hi = INT_RANGES[dtype]
            if r.random() < 0.08:
                return str(r.choice([lo, hi]))
            return str(r.randint(max(lo, -5), min(hi, 9)))
        if r.random() < 0.08:
            return r.choice(["-0.0", "0.0"] if self.finite else ["nan", "inf", "-inf", "-0.0"])
        v = round(r.uniform(-3, 3), 2)
        if dtype == "complex64":
            return f"complex({v}, {round(r.uniform(-3, 3), 2)})"
        return repr(v)

    def nested(self, shape, dtype):
        if not shape:
            return self.scalar(dtype)
        return "[" + ", ".join(self.nested(shape[1:], dtype) for _ in range(shape[0])) + "]"

    def array_expr(self, shape=None, dtype=None):
        shape = tuple(self.r.choice(SHAPES) if shape is None else shape)
        dtype = dtype or (self.r.choice(COMMON_DTYPES) if self.r.random() < 0.6 else self.r.choice(DTYPES))
        if 0 in shape:
            return f"mx.zeros({shape!r}, dtype=mx.{dtype})", shape, dtype
        return f"mx.array({self.nested(shape, dtype)}, dtype=mx.{dtype})", shape, dtype

    def array(self, shape=None, dtype=None):
        """Define a new array variable; returns (name, shape, dtype)."""
        expr, shape, dtype = self.array_expr(shape, dtype)
        name = f"a{self.n}"
        self.n += 1
        self.lines.append(f"{name} = {expr}")
        return name, shape, dtype

    def index_array(self, n, bound):
        """An integer index array of n in-range entries for an axis of size `bound`: gathers do
        not check bounds in libmlx (both bindings read garbage), so out-of-range ones are not
        comparable."""
        r = self.r
        dtype = r.choice(["int32", "uint32", "int64", "int16", "uint8"])
        if bound == 0 or n == 0:
            return f"mx.zeros((0,), dtype=mx.{dtype})"
        lo = 0 if dtype.startswith("u") else -bound
        return f"mx.array({[r.randint(lo, bound - 1) for _ in range(n)]}, dtype=mx.{dtype})"

    def define(self, expr, prefix="v"):
        name = f"{prefix}{self.n}"
        self.n += 1
        self.lines.append(f"{name} = {expr}")
        return name

    def broadcast_shape(self, shape):
        r = self.r
        if r.random() < 0.15:
            return r.choice(SHAPES)
        if not shape or r.random() < 0.3:
            return shape
        k = r.randint(0, len(shape))
        tail = list(shape[k:])
        return tuple(1 if (d and r.random() < 0.3) else d for d in tail)

    def axis(self, ndim, allow_none=True):
        r = self.r
        x = r.random()
        if allow_none and x < 0.12:
            return "None"
        if x < 0.25 or ndim == 0:
            return str(r.choice([ndim, -ndim - 1, 5, -7]))
        return str(r.randint(-ndim, ndim - 1))

    def axes(self, ndim):
        r = self.r
        if ndim == 0 or r.random() < 0.15:
            return r.choice(["(0,)", "(0, 0)", "(5,)", "()", "[-1]"])
        k = r.randint(1, ndim)
        picked = r.sample(range(ndim), k)
        picked = [a - ndim if r.random() < 0.3 else a for a in picked]
        return repr(tuple(picked)) if r.random() < 0.7 else repr(list(picked))

    def dtype(self):
        return "mx." + self.r.choice(DTYPES)

    def shape_for(self, size):
        """A shape with `size` elements (or a bad one now and then)."""
        r = self.r
        if r.random() < 0.15:
            return repr(r.choice([(size + 1,), (-1, -1), (0,), (-2,), (2, 3, 5)]))
        if size == 0:
            return repr(r.choice([(0,), (0, 3), (3, 0), (-1, 0)]))
        divs = [d for d in range(1, size + 1) if size % d == 0]
        d = r.choice(divs)
        out = [d, size // d]
        if r.random() < 0.3:
            out[r.randint(0, 1)] = -1
        return repr(tuple(out))

    def source(self, expr):
        return "\n".join(self.lines + [expr])


def call_args(b, params, name, primary=None):
    """Arguments (source) for a call built from the inventory's parameter list; `primary`
    (name, shape) is an array already defined (the object of a method call)."""
    r = b.r
    ctx = {"ndim": 0, "shape": (), "size": 1}
    positional, keywords = [], []
    first_array = None
    if primary is not None:
        first_array = primary[0]
        ctx.update(ndim=len(primary[1]), shape=primary[1], size=_size(primary[1]))

    def value(pname, annot, has_default):
        nonlocal first_array
        a = annot.replace("mlx.core.", "")
        if pname in ("stream",):
            return None if r.random() < 0.9 else "mx.cpu"
        if pname == "key":
            return f"mx.random.key({r.randint(0, 1000)})" if r.random() < 0.85 else r.choice(["None", "3"])
        if pname == "dtype":
            return b.dtype()
        if pname in ("axis", "axis1", "axis2", "source", "destination", "start_axis", "end_axis"):
            return b.axis(ctx["ndim"], allow_none="None" in a)
        if pname == "axes":
            return b.axes(ctx["ndim"])
        if pname in ("shape", "s", "slice_size"):
            if first_array is not None and r.random() < 0.6:
                return b.shape_for(ctx["size"])
            return repr(tuple(r.choice(SHAPES)))
        if pname in ("arrays", "operands") or "list[array]" in a:
            k = r.randint(0, 3)
            shape = ctx["shape"] if first_array else r.choice(SHAPES)
            names = [b.array(shape if r.random() < 0.8 else None)[0] for _ in range(k)]
            return "[" + ", ".join(names) + "]"
        if a.startswith("Callable") or pname in ("fun", "fn"):
            return r.choice(UNARY_LAMBDAS)
        if "array" in a or pname in ("a", "x", "b", "input", "weight", "w", "condition", "v", "q", "k",
                                        "c", "indices", "values", "logits", "update", "array", "x1", "x2"):
            if a.startswith("scalar") and r.random() < 0.25:
                return b.scalar(r.choice(["int32", "float32", "bool_"]))
            if pname == "indices":
                bound = min(ctx["shape"]) if ctx["shape"] else 1
                return b.define(b.index_array(r.randint(0, 3), bound), "i")
            if first_array is None:
                nm, shape, _ = b.array()
                first_array = nm
                ctx.update(ndim=len(shape), shape=shape, size=_size(shape))
                return nm
            if a.startswith("scalar") or r.random() < 0.7:
                return b.array(b.broadcast_shape(ctx["shape"]))[0]
            return b.array()[0]
        if pname in STR_CHOICES:
            return r.choice(STR_CHOICES[pname])
        if "bool" in a and "int" not in a:
            return r.choice(["True", "False"])
        if "str" in a and "int" not in a:
            return r.choice(["'a'", "'bogus'"])
        if "float" in a and "int" not in a:
            return repr(r.choice([0.5, 1.0, 2.0, 1e-5, -1.0, 0.0]))
        if "Sequence[int]" in a or "tuple[int" in a:
            return repr(tuple(r.randint(0, 3) for _ in range(r.randint(1, 3))))
        if "int" in a or pname in ("k", "n", "M", "N", "m", "num", "kth", "offset", "decimals", "ddof"):
            return str(r.choice([0, 1, 2, 3, -1, 5]))
        if "Dtype" in a:
            return b.dtype()
        return r.choice(["None", "1", "0.5"])

    skipped_positional = False     # after a skipped optional positional, later ones go by keyword
    for pname, kind, annot, has_default in params:
        if kind == "varkw":
            continue
        if kind == "varargs":
            if "array" in annot or pname in ("arys", "arrays", "args", "operands", "arrays_and_dtypes"):
                for _ in range(r.randint(1, 3)):
                    positional.append(value("a", "array", False))
            elif "shape" in pname:
                for _ in range(r.randint(1, 3)):
                    positional.append(repr(tuple(r.choice(SHAPES))))
            continue
        if has_default and r.random() < 0.55:
            skipped_positional = skipped_positional or kind in ("pos", "posonly")
            continue
        if kind == "posonly" and skipped_positional:
            continue
        v = value(pname, annot, has_default)
        if v is None:
            skipped_positional = skipped_positional or kind in ("pos", "posonly")
            continue
        if kind == "kwonly" or keywords or skipped_positional or (kind == "pos" and has_default and r.random() < 0.6):
            keywords.append((pname, v))
        else:
            positional.append(v)
    # bad arguments: wrong types, None, out-of-range values, a missing or unknown argument
    x = r.random()
    if x < 0.12 and (positional or keywords):
        if positional and (not keywords or r.random() < 0.5):
            positional[r.randrange(len(positional))] = r.choice(BAD_VALUES)
        else:
            i = r.randrange(len(keywords))
            keywords[i] = (keywords[i][0], r.choice(BAD_VALUES))
    elif x < 0.15 and positional:
        positional.pop()
    elif x < 0.17:
        keywords.append(("bogus", "1"))
    return ", ".join(positional + [f"{k}={v}" for k, v in keywords])


def _size(shape):
    n = 1
    for d in shape:
        n *= d
    return n


# ---------------------------------------------------------------- specialised recipes
def _matrix(b, n=None, m=None, dtype="float32", batch=()):
    n = n or b.r.randint(1, 4)
    m = m or n
    return b.array(tuple(batch) + (n, m), dtype)[0]


def _spd(b, n):
    """A symmetric positive definite float32 matrix variable."""
    m = _matrix(b, n, n)
    return b.define(f"{m} @ {m}.T + {n} * mx.eye({n})", "s")


def recipe_linalg(b, name):
    r = b.r
    b.finite = True
    n = r.randint(1, 4)
    dt = r.choice(["float32", "float32", "float64", "int32", "float16"])
    batch = r.choice([(), (), (2,)])
    kw = ", stream=mx.cpu"
    if name in ("cholesky", "cholesky_inv", "eigh", "eigvalsh"):
        a = _spd(b, n)
        extra = {"cholesky": r.choice(["", ", upper=True"]), "cholesky_inv": r.choice(["", ", upper=True"]),
                 "eigh": r.choice(["", ", UPLO='U'"]), "eigvalsh": ""}[name]
        if name == "cholesky_inv":
            a = b.define(f"mx.linalg.cholesky({a}, stream=mx.cpu)")
        return f"mx.linalg.{name}({a}{extra}{kw})"
    if name in ("inv", "det", "slogdet", "lu", "lu_factor", "eig", "eigvals", "pinv", "qr", "svd", "tri_inv"):
        m = r.choice([n, n, n + 1]) if name in ("pinv", "qr", "svd") else n
        a = _matrix(b, n, m, dt, batch)
        if name == "tri_inv":
            a = b.define(f"mx.triu({a}) + 4 * mx.eye({n}, dtype={a}.dtype)")
        if name in ("inv", "det", "slogdet"):
            a = b.define(f"{a} + 4 * mx.eye({n}, dtype={a}.dtype)")
        extra = ", compute_uv=False" if name == "svd" and r.random() < 0.3 else ""
        return f"mx.linalg.{name}({a}{extra}{kw})"
    if name in ("solve", "solve_triangular"):
        a = b.define(f"mx.triu({_matrix(b, n, n, dt)}) + 4 * mx.eye({n})")
        rhs = b.array(r.choice([(n,), (n, 2), (n + 1,)]), dt)[0]
        extra = r.choice(["", ", upper=True"]) if name == "solve_triangular" else ""
        return f"mx.linalg.{name}({a}, {rhs}{extra}{kw})"
    if name == "cross":
        a = b.array(r.choice([(3,), (2, 3), (4,)]), dt)[0]
        c = b.array(r.choice([(3,), (2, 3)]), dt)[0]
        return f"mx.linalg.cross({a}, {c}, axis={r.choice([-1, 0, 3])})"
    if name == "norm":
        a, shape, _ = b.array(r.choice([(3,), (2, 3), (3, 3), (2, 2, 2), ()]), r.choice(["float32", "float64", "int32", "complex64"]))
        ordv = r.choice(STR_CHOICES["ord"])
        axis = r.choice(["None", "0", "-1", "(0, 1)", "(1, 0)", "(0, 0)", "5"])
        return f"mx.linalg.norm({a}, {ordv}, {axis}, keepdims={r.choice(['True', 'False'])}{kw})"
    return None


def recipe_fft(b, name):
    r = b.r
    dt = r.choice(["float32", "complex64", "float32", "int32", "float64", "float16"])
    shape = r.choice([(4,), (8,), (3, 4), (2, 4, 4), (0,), (), (5,)])
    if name in ("fftfreq", "rfftfreq"):
        return f"mx.fft.{name}({r.choice([1, 4, 5, 0, -1])}, {r.choice([1.0, 0.5, 0.0])})"
    a = b.array(shape, dt)[0]
    if name in ("stft", "istft"):
        if name == "stft":
            a = b.array((r.choice([16, 32]),), "float32")[0]
            return f"mx.fft.stft({a}, n_fft={r.choice([4, 8, 64])}, hop_length={r.choice(['None', 2, 0])})"
        s = b.define(f"mx.fft.stft({b.array((32,), 'float32')[0]}, n_fft=8)")
        return f"mx.fft.istft({s}, n_fft=8)"
    args = [a]
    if name.endswith("shift"):
        if r.random() < 0.5:
            args.append(f"axes={b.axes(len(shape))}")
    elif name[-1] in "2n":
        if r.random() < 0.5:
            args.append(f"s={repr(tuple(r.choice([2, 4, 5, 0]) for _ in range(r.randint(1, 2))))}")
        if r.random() < 0.5:
            args.append(f"axes={b.axes(len(shape))}")
    else:
        if r.random() < 0.4:
            args.append(f"n={r.choice([2, 4, 5, 8, 0, -1])}")
        if r.random() < 0.4:
            args.append(f"axis={b.axis(len(shape), allow_none=False)}")
    if not name.endswith("shift") and r.random() < 0.3:
        args.append(f"norm={r.choice(STR_CHOICES['norm'])}")
    return f"mx.fft.{name}({', '.join(args)})"


def recipe_random(b, name):
    r = b.r
    key = f"mx.random.key({r.randint(0, 10**6)})" if r.random() < 0.85 else "None"
    shape = repr(tuple(r.choice([(), (3,), (2, 3), (0,), (4, 1)])))
    dt = r.choice(["mx.float32", "mx.float16", "mx.bfloat16", "mx.float64", "mx.int32", "mx.float32"])
    if name == "key":
        return f"mx.random.key({r.choice([0, 1, 2**31, 2**63, -1, 12345])})"
    if name == "seed":
        return f"mx.random.seed({r.choice([0, 7, 2**40, -1])}); mx.random.uniform(shape=(3,))"
    if name == "split":
        return f"mx.random.split({key if key != 'None' else 'mx.random.key(0)'}, num={r.choice([2, 3, 1, 0])})"
    if name in ("uniform", "normal", "gumbel", "laplace"):
        extra = ""
        if name == "uniform" and r.random() < 0.5:
            extra = f", low={r.choice([0, -1.0, 2])}, high={r.choice([1, 5.0, 0])}"
        if name == "normal" and r.random() < 0.5:
            extra = f", loc={r.choice([0.0, 1.5])}, scale={r.choice([1.0, 0.1])}"
        return f"mx.random.{name}(shape={shape}, dtype={dt}{extra}, key={key})"
    if name == "randint":
        return f"mx.random.randint({r.choice([0, -5, 3])}, {r.choice([10, 4, 0, 2**31])}, shape={shape}, dtype={r.choice(['mx.int32', 'mx.uint8', 'mx.int64', 'mx.float32'])}, key={key})"
    if name == "bernoulli":
        p = r.choice(["0.5", "0.0", "1.0", b.array((3,), "float32")[0] if r.random() < 0.5 else "0.3"])
        return f"mx.random.bernoulli({p}, shape={shape if 'a' not in p else 'None'}, key={key})"
    if name == "truncated_normal":
        return f"mx.random.truncated_normal({r.choice(['-1.0', '0.0', '-2'])}, {r.choice(['1.0', '2.0', '0.0'])}, shape={shape}, dtype={dt}, key={key})"
    if name == "categorical":
        logits = b.array(r.choice([(4,), (2, 4), (3, 5)]), "float32")[0]
        extra = r.choice(["", ", num_samples=3", f", shape={shape}", ", axis=0"])
        return f"mx.random.categorical({logits}{extra}, key={key})"
    if name == "permutation":
        x = r.choice(["5", "0", b.array((4,), "int32")[0], b.array((2, 3), "float32")[0]])
        return f"mx.random.permutation({x}, key={key})"
    if name == "multivariate_normal":
        b.finite = True
        n = r.randint(1, 3)
        mean = b.array((n,), "float32")[0]
        cov = _spd(b, n)
        return f"mx.random.multivariate_normal({mean}, {cov}, shape={shape}, key={key}, stream=mx.cpu)"
    return None


def recipe_fast(b, name):
    r = b.r
    dt = r.choice(["float32", "float16", "bfloat16", "float32"])
    if name == "rms_norm":
        x = b.array(r.choice([(2, 4), (4,), (3, 1, 4)]), dt)[0]
        w = r.choice([b.array((4,), dt)[0], "None", b.array((3,), dt)[0]])
        return f"mx.fast.rms_norm({x}, {w}, {r.choice([1e-5, 0.0, 1e-3])})"
    if name == "layer_norm":
        x = b.array(r.choice([(2, 4), (4,), (3, 1, 4)]), dt)[0]
        w = r.choice([b.array((4,), dt)[0], "None"])
        bias = r.choice([b.array((4,), dt)[0], "None", b.array((2,), dt)[0]])
        return f"mx.fast.layer_norm({x}, {w}, {bias}, {r.choice([1e-5, 0.0])})"
    if name == "rope":
        x = b.array(r.choice([(1, 2, 4, 8), (2, 3, 8), (4, 6)]), dt)[0]
        return (f"mx.fast.rope({x}, {r.choice([8, 4, 6, 5])}, traditional={r.choice(['True', 'False'])}, "
                f"base={r.choice(['10000.0', 'None'])}, scale={r.choice([1.0, 0.5])}, offset={r.choice([0, 3])})")
    if name == "scaled_dot_product_attention":
        L, S, D = r.randint(1, 4), r.randint(1, 4), r.choice([4, 8])
        q = b.array((1, 2, L, D), dt)[0]
        k = b.array((1, r.choice([2, 1]), S, D), dt)[0]
        v = b.array((1, 2, S, D), dt)[0]
        mask = r.choice(["None", "'causal'", b.array((L, S), "bool_")[0], b.array((L, S), dt)[0], "'bogus'"])
        return f"mx.fast.scaled_dot_product_attention({q}, {k}, {v}, scale={r.choice([0.5, 1.0])}, mask={mask})"
    if name == "cross_entropy":
        logits = b.array((3, 5), dt)[0]
        t = b.array((3,), "int32")[0]
        return f"mx.fast.cross_entropy({logits}, mx.clip({t}, 0, 4))"
    if name == "gated_delta_update":
        return None
    return None


# Ops that do not bounds-check their indices/strides in libmlx: only their recipe (in-range
# arguments) is used, since out-of-range reads are garbage in both bindings.
UNCHECKED = {"as_strided", "slice", "slice_update", "take_along_axis", "put_along_axis", "gather_mm",
             "segmented_mm",
             # libmlx sometimes hangs evaluating a trace/diagonal whose offset is past the matrix
             # (both bindings, about one run in two): offsets are kept inside
             "trace", "diagonal", "diag"}


def recipe_core(b, name):
    """Well-formed calls for core ops that random shapes would almost never satisfy."""
    r = b.r
    dt = r.choice(["float32", "float32", "float16", "int32", "float64", "bfloat16", "complex64"])
    if name in ("matmul", "inner", "outer", "kron", "tensordot", "addmm", "vecdot"):
        n, k, m = r.randint(1, 3), r.randint(0, 3), r.randint(1, 3)
        batch = r.choice([(), (), (2,)])
        a = b.array(batch + (n, k), dt)[0]
        c = b.array(r.choice([batch, ()]) + (k, m), r.choice([dt, "float32"]))[0]
        if name == "addmm":
            out = b.array(r.choice([(n, m), (m,), ()]), dt)[0]
            return f"mx.addmm({out}, {a}, {c}, alpha={r.choice([1.0, 0.5])}, beta={r.choice([1.0, 2.0])})"
        if name == "tensordot":
            return f"mx.tensordot({a}, {c}, axes={r.choice(['1', '0', '2', '[[1], [0]]', '[[0], [0]]'])})"
        if name == "vecdot":
            c = b.array(batch + (n, k), dt)[0]
        return f"mx.{name}({a}, {c})"
    if name.startswith("conv") and name != "convolve":
        nd = {"conv1d": 1, "conv2d": 2, "conv3d": 3, "conv_transpose1d": 1, "conv_transpose2d": 2,
              "conv_transpose3d": 3, "conv_general": r.randint(1, 2)}[name]
        cin, cout, groups = r.choice([(2, 2, 1), (4, 2, 2), (1, 3, 1), (2, 4, 2)])
        spatial = tuple(r.randint(3, 5) for _ in range(nd))
        ks = tuple(r.randint(1, 3) for _ in range(nd))
        x = b.array((1,) + spatial + (cin,), r.choice(["float32", "float32", "float16"]))[0]
        wshape = (cout,) + ks + (cin // groups,) if "transpose" not in name else (cout,) + ks + (cin // groups,)
        w = b.array(wshape, "float32")[0]
        opts = []
        if r.random() < 0.5:
            opts.append(f"stride={r.choice([1, 2, 0])}")
        if r.random() < 0.5:
            opts.append(f"padding={r.choice([0, 1, -1])}")
        if r.random() < 0.3:
            opts.append(f"groups={groups if r.random() < 0.8 else 3}")
        elif groups != 1:
            opts.append(f"groups={groups}")
        return f"mx.{name}({x}, {w}{''.join(', ' + o for o in opts)})"
    if name in ("quantize", "dequantize", "quantized_matmul", "gather_qmm"):
        mode = r.choice(["'affine'", "'affine'", "'mxfp4'", "'mxfp8'", "'nvfp4'"])
        gs = r.choice([32, 64, 128])
        bits = r.choice([2, 4, 8, 3, 5, 6])
        rows, cols = r.choice([1, 4]), r.choice([64, 128, 32])
        w = b.array((rows, cols), r.choice(["float32", "float16", "bfloat16"]))[0]
        opts = f"group_size={gs}, bits={bits}, mode={mode}" if "affine" in mode else f"mode={mode}"
        if name == "quantize":
            return f"mx.quantize({w}, {opts})"
        q = b.define(f"mx.quantize({w}, {opts})", "q")
        if name == "dequantize":
            return f"mx.dequantize(*{q}, {opts})" if "affine" in mode else f"mx.dequantize({q}[0], {q}[1], {opts})"
        x = b.array((2, cols), "float32")[0]
        if "affine" in mode:
            return f"mx.{name}({x}, {q}[0], {q}[1], {q}[2], transpose=True, {opts})"
        return f"mx.{name}({x}, {q}[0], {q}[1], transpose=True, {opts})"
    if name == "einsum" or name == "einsum_path":
        spec, shapes = r.choice([("ij,jk->ik", [(2, 3), (3, 2)]), ("ii->i", [(3, 3)]), ("i,i->", [(3,), (3,)]),
                                 ("bij,bjk->bik", [(2, 2, 3), (2, 3, 1)]), ("ij->ji", [(2, 3)]),
                                 ("ij,jk->ik", [(2, 3), (2, 2)]), ("i->", [(0,)]), ("...i,i", [(2, 3), (3,)])])
        ops = [b.array(s, r.choice(["float32", "float32", "int32"]))[0] for s in shapes]
        return f"mx.{name}({spec!r}, {', '.join(ops)})"
    if name in ("gather_mm", "segmented_mm", "block_masked_mm", "qqmm", "gather_qqmm", "hadamard_transform"):
        if name == "hadamard_transform":
            a = b.array(r.choice([(4,), (2, 8), (3,), (0,)]), r.choice(["float32", "float16", "int32"]))[0]
            return f"mx.hadamard_transform({a}, scale={r.choice(['None', '0.5'])})"
        if name == "gather_mm":
            a = b.array((2, 1, 3), "float32")[0]
            c = b.array((3, 3, 2), "float32")[0]
            li = b.array((2,), "uint32")[0]
            ri = b.define(f"mx.array([{r.choice([0, 2])}, 1], dtype=mx.uint32)")
            return f"mx.gather_mm({a}, {c}, {li} % 2, {ri})"
        if name == "segmented_mm":
            a = b.array((2, 4), "float32")[0]
            c = b.array((4, 3), "float32")[0]
            return f"mx.segmented_mm({a}, {c}, mx.array([[0, 2], [2, {r.choice([4, 3])}]], dtype=mx.uint32))"
        if name == "block_masked_mm":
            a = b.array((64, 64), "float32")[0]
            c = b.array((64, 64), "float32")[0]
            return f"mx.block_masked_mm({a}, {c}, block_size={r.choice([32, 64, 7])})"
        return None
    if name == "pad":
        a, shape, _ = b.array()
        pw = r.choice(["1", "(1, 2)", "[(0, 1)] * len(%s.shape)" % a, "((1, 1),)", "-1", "[(1, 0, 2)]"])
        mode = r.choice(["", ", mode='edge'", ", mode='reflect'", ", mode='symmetric'", ", constant_values=2", ", mode='bad'"])
        return f"mx.pad({a}, {pw}{mode})"
    if name in ("slice", "slice_update"):
        a = b.array((4, 5), dt)[0]
        start = f"mx.array([{r.choice([0, 1, 2])}, {r.choice([0, 2])}])"     # in range: not checked by libmlx
        if name == "slice":
            return f"mx.slice({a}, {start}, {r.choice(['(0, 1)', '(1, 0)'])}, {r.choice(['(2, 2)', '(1, 3)'])})"
        u = b.array((2, 2), dt)[0]
        return f"mx.slice_update({a}, {u}, {start}, (0, 1))"
    if name in ("put_along_axis", "take_along_axis"):
        a, shape, _ = b.array(r.choice([(3, 4), (4,), (2, 3, 2)]), dt)
        idx_shape = tuple(min(d, r.randint(1, 2)) for d in shape)
        idx = b.array(idx_shape, r.choice(["int32", "uint32", "int64"]))[0]
        axis = b.axis(len(shape))
        if name == "take_along_axis":
            return f"mx.take_along_axis({a}, mx.abs({idx}) % 2, axis={axis})"
        vals = b.array(idx_shape, dt)[0]
        return f"mx.put_along_axis({a}, mx.abs({idx}) % 2, {vals}, axis={axis})"
    if name in ("trace", "diagonal", "diag"):
        a, shape, _ = b.array(r.choice([(3, 3), (2, 3), (4, 2)] + ([(3,), (2,)] if name == "diag" else [(2, 3, 4)])), dt)
        k = min(shape[:2])   # trace/diagonal work on axes 0 and 1 by default
        extra = f", dtype={b.dtype()}" if name == "trace" and r.random() < 0.3 else ""
        return f"mx.{name}({a}, {r.randint(-k + 1, k - 1)}{extra})"
    if name == "as_strided":
        # views that stay inside the buffer (as_strided does not check: out of range is garbage)
        a = b.array((4, 3), dt)[0]
        shape, strides, offset = r.choice([((3, 4), (1, 3), 0), ((2, 2), (3, 1), 1), ((12,), (1,), 0),
                                           ((2, 3), (0, 1), 2), ((4,), (3,), 0), ((0, 2), (1, 1), 0)])
        return f"mx.as_strided({a}, {shape!r}, {strides!r}, {offset})"
    if name in ("unique",):
        a = b.array(r.choice([(5,), (2, 3), (0,)]), dt)[0]
        return f"mx.unique({a}, size={r.choice([3, 5, 0])}, return_counts={r.choice(['True', 'False'])})"
    return None


def recipe_io(b):
    """Save and load inside the worker's temp dir."""
    r = b.r
    a = b.array(r.choice([(3,), (2, 3), (), (0, 2)]), r.choice(DTYPES))[0]
    fmt = r.choice(["npy", "npz", "safetensors", "gguf"])
    if fmt == "npy":
        return f"mx.save(tmp + '/x.npy', {a})\nmx.load(tmp + '/x.npy')"
    if fmt == "npz":
        return f"mx.savez(tmp + '/x.npz', w={a}, {a})\nsorted(mx.load(tmp + '/x.npz').items())"
    if fmt == "safetensors":
        return f"mx.save_safetensors(tmp + '/x.safetensors', {{'w': {a}}}, {{'k': 'v'}})\nmx.load(tmp + '/x.safetensors', return_metadata=True)"
    return f"mx.save_gguf(tmp + '/x.gguf', {{'w': {a}}}, {{}})\nmx.load(tmp + '/x.gguf')"


# ---------------------------------------------------------------- array methods, operators, indexing
BINARY_OPS = ["+", "-", "*", "/", "//", "%", "**", "@", "==", "!=", "<", "<=", ">", ">=", "&", "|", "^", "<<", ">>"]
UNARY_OPS = ["-{}", "+{}", "~{}", "abs({})", "bool({})", "int({})", "float({})", "complex({})", "len({})",
             "list({})", "{}.item()", "{}.tolist()", "repr({})", "str({})", "hash({}.dtype)",
             "{}.__array_namespace__() is mx", "bytes({})", "{}.__index__()", "iter({})"]
FORMAT_SPECS = ["", ".2f", ".3", "e", ">10", "d", "x", "+.1f", "10.4g", "s", "%"]


def case_operator(b):
    r = b.r
    a, shape, dt = b.array()
    op = r.choice(BINARY_OPS)
    x = r.random()
    if x < 0.35:
        other = r.choice(["2", "-1", "0", "2.5", "True", "1j", "2**40", "-2**63", "float('nan')", "0.0"])
    elif x < 0.45:
        other = r.choice(["[1, 2, 3]", "(1,)", "None", "'s'", "np.array([1, 2, 3], dtype=np.int16)",
                          "np.float32(2.5)", "np.int64(3)"])
    else:
        other = b.array(b.broadcast_shape(shape))[0]
    kind = r.random()
    if kind < 0.25:      # reflected
        return f"{other} {op} {a}"
    if kind < 0.45:      # in place: result, identity of the object kept, value of the alias
        return f"alias = {a}\n{a} {op}= {other}\n({a}, {a} is alias, alias)"
    return f"{a} {op} {other}"


def case_unary(b):
    a = b.array(b.r.choice([(), (), (1,), (3,), (2, 3), (0,)]))[0]
    form = b.r.choice(UNARY_OPS)
    return form.format(a)


def case_format(b):
    r = b.r
    a = b.array(r.choice([(), (), (), (2,)]))[0]
    spec = r.choice(FORMAT_SPECS)
    return r.choice([f"format({a}, {spec!r})", f"f'{{{a}:{spec}}}'", f"'{{}}'.format({a})"])


def case_printing(b):
    r = b.r
    shape = r.choice([(), (3,), (2, 3), (30,), (1001,), (2, 2, 2), (0,), (12, 12)])
    dt = r.choice(DTYPES)
    if _size(shape) > 100:
        expr = f"mx.arange({_size(shape)}).reshape({shape!r}).astype(mx.{dt})"
        a = b.define(expr, "a")
    else:
        a = b.array(shape, dt)[0]
    if r.random() < 0.3:
        return f"with mx.printoptions(precision={r.choice([0, 2, 8])}):\n    s = repr({a})\ns"
    return r.choice([f"repr({a})", f"str({a})", f"print({a})", f"repr({a}.dtype)", f"str({a}.dtype)"])


def case_method(b, name, kind, sig):
    r = b.r
    a, shape, dt = b.array(b.r.choice([(3,), (2, 3), (4,)]) if name == "at" else None)
    if kind == "property":
        if name == "at":
            idx = r.choice(["0", "mx.array([0, 0])", "mx.array([1, -1])", "1:", "...", "-1"])
            op = r.choice(["add", "subtract", "multiply", "divide", "maximum", "minimum"])
            return f"{a}.at[{idx}].{op}({b.scalar('int32')})"
        return f"{a}.{name}"
    if name.startswith("__") and name not in ("__array__", "__copy__", "__deepcopy__", "__getstate__",
                                                "__dlpack_device__", "__len__", "__bool__", "__float__",
                                                "__int__", "__index__", "__complex__", "__bytes__"):
        return None          # operators, item access, protocol slots: covered by the other case kinds
    if name == "__array__":
        return f"np.asarray({a}{r.choice(['', ', dtype=np.float32', ', dtype=np.int8'])}).tolist()"
    if name == "__deepcopy__":
        return f"import copy\nc = copy.deepcopy({a})\n(c, c is {a})"
    if name == "__copy__":
        return f"import copy\nc = copy.copy({a})\n(c, c is {a})"
    if name == "__getstate__":
        return f"import pickle\npickle.loads(pickle.dumps({a}))"
    if name in ("reshape", "transpose"):
        args = b.shape_for(_size(shape)) if name == "reshape" else repr(tuple(r.sample(range(len(shape)), len(shape))))
        if r.random() < 0.5:
            args = args.strip("()").rstrip(",")
        return f"{a}.{name}({args})"
    if name == "view":
        return f"{a}.view({b.dtype()})"
    if name in ("diag", "diagonal"):         # offsets inside the matrix: see UNCHECKED
        a, shape, _ = b.array(r.choice([(3, 3), (2, 3), (4, 2)] + ([(3,)] if name == "diag" else [])))
        return f"{a}.{name}({r.randint(-min(shape) + 1, min(shape) - 1)})"
    if name == "astype":
        return f"{a}.astype({b.dtype()})"
    if name == "split":
        return f"{a}.split({r.choice(['2', '3', '[1]', '(1, 2)', '0'])}{r.choice(['', ', axis=-1', ', axis=5'])})"
    return f"{a}.{name}({call_args(b, parse_signature(sig), name, primary=(a, shape))})"


def index_expr(b, shape):
    r = b.r
    nd = len(shape)

    def one(dim):
        x = r.random()
        if x < 0.25:
            return str(r.randint(-dim - 1, dim) if dim else r.choice([0, -1, 1]))
        if x < 0.5:
            lo = r.choice(["", "0", "1", "-1", "-5", "10", "2**31", "-2**31"])
            hi = r.choice(["", "2", "-1", "100", "0", "2**40"])
            st = r.choice(["", "", ":2", ":-1", ":-2", ":3"])
            return f"{lo}:{hi}{st}"
        if x < 0.6:
            return "None"
        if x < 0.68:
            return "..."
        if x < 0.85:
            return b.index_array(r.randint(0, 3), min(shape) if shape else 1)
        if x < 0.92 and dim:
            return repr([r.randint(-dim, dim - 1) for _ in range(r.randint(1, 2))])
        return r.choice(["1.5", "'a'", "True", "False", "mx.array(1.0)", "(1, 2)"])

    if r.random() < 0.1 and nd:
        return f"{b.array(shape, 'bool_')[0]}"    # boolean mask of the array's own shape
    k = r.randint(1, max(1, min(nd + 1, 3)))
    parts = [one(shape[i] if i < nd else 1) for i in range(k)]
    return ", ".join(parts) if len(parts) > 1 or r.random() < 0.8 else parts[0] + ","


def case_getitem(b):
    a, shape, _ = b.array(b.r.choice([(3,), (2, 3), (4, 4), (2, 3, 4), (), (0,), (5,)]))
    return f"{a}[{index_expr(b, shape)}]"


def case_setitem(b):
    r = b.r
    a, shape, dt = b.array(r.choice([(3,), (2, 3), (4, 4), (), (5,)]))
    idx = index_expr(b, shape)
    val = r.choice([b.scalar(dt), b.scalar("float32"), b.array(r.choice([(), (1,), (3,), (2, 1)]))[0]])
    return f"{a}[{idx}] = {val}\n{a}"


# ---------------------------------------------------------------- nn, optimizers, utils
LAYERS = {
    # name: (constructor args, input shape(s) or None for no forward)
    "ALiBi": ("", [(1, 2, 3, 3)]), "AvgPool1d": ("2", [(1, 6, 2)]), "AvgPool2d": ("2, stride=1", [(1, 4, 4, 2)]),
    "AvgPool3d": ("2", [(1, 4, 4, 4, 1)]), "BatchNorm": ("3", [(4, 3)]), "Bilinear": ("2, 3, 4", [(2, 2), (2, 3)]),
    "CELU": ("", [(2, 3)]), "Conv1d": ("2, 3, 3", [(1, 5, 2)]), "Conv2d": ("2, 3, (2, 2), padding=1", [(1, 4, 4, 2)]),
    "Conv3d": ("1, 2, 2", [(1, 3, 3, 3, 1)]), "ConvTranspose1d": ("2, 3, 3, stride=2", [(1, 4, 2)]),
    "ConvTranspose2d": ("2, 2, 2", [(1, 3, 3, 2)]), "ConvTranspose3d": ("1, 2, 2", [(1, 2, 2, 2, 1)]),
    "Dropout": ("0.5", [(4, 4)]), "Dropout2d": ("0.5", [(1, 2, 2, 3)]), "Dropout3d": ("0.5", [(1, 2, 2, 2, 3)]),
    "ELU": ("", [(2, 3)]), "Embedding": ("10, 4", "int"), "GELU": ("approx='precise'", [(2, 3)]),
    "GLU": ("", [(2, 4)]), "GRU": ("3, 4", [(2, 5, 3)]), "GroupNorm": ("2, 4", [(2, 3, 4)]),
    "HardShrink": ("", [(2, 3)]), "HardTanh": ("", [(2, 3)]), "Hardswish": ("", [(2, 3)]),
    "Identity": ("", [(2, 3)]), "InstanceNorm": ("4", [(2, 3, 4)]), "LSTM": ("3, 4", [(2, 5, 3)]),
    "LayerNorm": ("4", [(2, 4)]), "LeakyReLU": ("0.2", [(2, 3)]), "Linear": ("3, 4", [(2, 3)]),
    "LogSigmoid": ("", [(2, 3)]), "LogSoftmax": ("", [(2, 3)]), "MaxPool1d": ("2", [(1, 6, 2)]),
    "MaxPool2d": ("2, padding=1", [(1, 4, 4, 2)]), "MaxPool3d": ("2", [(1, 4, 4, 4, 1)]), "Mish": ("", [(2, 3)]),
    "Module": ("", None), "MultiHeadAttention": ("8, 2", [(1, 3, 8), (1, 4, 8), (1, 4, 8)]),
    "PReLU": ("", [(2, 3)]), "QQLinear": ("64, 8", [(2, 64)]), "QuantizedEmbedding": ("10, 64", "int"),
    "QuantizedLinear": ("64, 8", [(2, 64)]), "RMSNorm": ("4", [(2, 4)]), "RNN": ("3, 4", [(2, 5, 3)]),
    "ReLU": ("", [(2, 3)]), "ReLU2": ("", [(2, 3)]), "ReLU6": ("", [(2, 3)]), "RoPE": ("4", [(1, 3, 4)]),
    "SELU": ("", [(2, 3)]), "Sequential": ("nn.Linear(3, 4), nn.ReLU(), nn.Linear(4, 2)", [(2, 3)]),
    "SiLU": ("", [(2, 3)]), "Sigmoid": ("", [(2, 3)]), "SinusoidalPositionalEncoding": ("8", [(3,)]),
    "Softmax": ("", [(2, 3)]), "Softmin": ("", [(2, 3)]), "Softplus": ("", [(2, 3)]),
    "Softshrink": ("", [(2, 3)]), "Softsign": ("", [(2, 3)]), "Step": ("", [(2, 3)]), "Tanh": ("", [(2, 3)]),
    "Transformer": ("dims=8, num_heads=2, num_encoder_layers=1, num_decoder_layers=1, mlp_dims=16",
                    [(1, 3, 8), (1, 2, 8), None, None, None]),
    "TransformerDecoder": ("1, 8, 2", [(1, 3, 8), (1, 2, 8), None, None]),
    "TransformerDecoderLayer": ("8, 2", [(1, 3, 8), (1, 2, 8), None, None]),
    "TransformerEncoder": ("1, 8, 2", [(1, 3, 8), None]), "TransformerEncoderLayer": ("8, 2", [(1, 3, 8), None]),
    "Upsample": ("2", [(1, 2, 2, 1)]),
}
LOSS_ARGS = {
    "binary_cross_entropy": ["f", "p01"], "cosine_similarity_loss": ["f", "f"], "cross_entropy": ["f", "cls"],
    "gaussian_nll_loss": ["f", "f", "pos"], "hinge_loss": ["f", "pm1"], "huber_loss": ["f", "f"],
    "kl_div_loss": ["f", "f"], "l1_loss": ["f", "f"], "log_cosh_loss": ["f", "f"],
    "margin_ranking_loss": ["f1", "f1", "pm1_1"], "mse_loss": ["f", "f"], "nll_loss": ["f", "cls"],
    "smooth_l1_loss": ["f", "f"], "triplet_loss": ["f", "f", "f"],
}
OPTIMIZER_ARGS = {
    "AdaDelta": "learning_rate=0.1", "Adafactor": "learning_rate=0.1", "Adagrad": "learning_rate=0.1",
    "Adam": "learning_rate=0.1", "AdamW": "learning_rate=0.1", "Adamax": "learning_rate=0.1",
    "Lion": "learning_rate=0.1", "Muon": "learning_rate=0.1", "RMSprop": "learning_rate=0.1",
    "SGD": "learning_rate=0.1, momentum=0.9", "MultiOptimizer": "[optim.SGD(0.1), optim.Adam(0.01)], [lambda p, w: p.startswith('w')]",
}
OPTIMIZER_EXTRAS = {
    "Adam": ["", ", bias_correction=True", ", betas=[0.8, 0.9]"], "AdamW": ["", ", weight_decay=0.1"],
    "SGD": ["", ", nesterov=True, dampening=0.0", ", weight_decay=0.01"], "Adafactor": ["", ", relative_step=False"],
    "Lion": ["", ", weight_decay=0.1"], "Muon": ["", ", nesterov=False"],
}
SCHEDULES = {
    "cosine_decay": "0.1, 10", "exponential_decay": "0.1, 0.9", "linear_schedule": "0.0, 1.0, 5",
    "step_decay": "0.1, 0.5, 2",
    "join_schedules": "[optim.linear_schedule(0.0, 0.1, 3), optim.cosine_decay(0.1, 10)], [3]",
}


def case_layer(b, name):
    r = b.r
    ctor, inputs = LAYERS[name]
    m = b.define(f"nn.{name}({ctor})", "m")
    if inputs is None:
        return f"{m}"
    if inputs == "int":
        x = b.define(f"mx.array({[r.randint(0, 9) for _ in range(4)]})", "x")
        args = [x]
    else:
        args = [b.array(s, "float32")[0] if s else "None" for s in inputs]
    mode = r.random()
    if mode < 0.2:
        b.lines.append(f"{m}.eval()")
    if mode < 0.5:
        return f"({m}({', '.join(args)}), {m})"
    if mode < 0.7:
        return f"{m}.update(utils.tree_map(lambda p: p * 0 + 1, {m}.parameters()))\n({m}({', '.join(args)}), sorted(k for k, _ in utils.tree_flatten({m}.trainable_parameters())))"
    if mode < 0.85:
        return f"{m}.freeze()\n({m}, utils.tree_flatten({m}.trainable_parameters()), utils.tree_flatten({m}.state))"
    return (f"loss = lambda mod, *xs: mx.sum(mod(*xs) if not isinstance(mod(*xs), tuple) else mod(*xs)[0])\n"
            f"nn.value_and_grad({m}, loss)({m}, {', '.join(args)})")


def case_activation(b, name):
    r = b.r
    a = b.array(r.choice([(2, 3), (4,), (), (0,)]), r.choice(["float32", "float32", "float16", "bfloat16", "int32"]))[0]
    extra = {"prelu": f", {b.array((1,), 'float32')[0]}", "glu": "", "softmax": ", axis=0",
             "log_softmax": ", axis=-1", "softmin": "", "hard_tanh": ", min_val=-0.5, max_val=0.5",
             "leaky_relu": ", negative_slope=0.2", "step": ", threshold=0.5"}.get(name, "")
    if name == "glu":
        a = b.array((2, 4), "float32")[0]
    return f"nn.{name}({a}{extra})"


def case_loss(b, name):
    r = b.r
    shape = r.choice([(3, 4), (4,), (2, 3)])
    args = []
    for kind in LOSS_ARGS[name]:
        if kind == "f":
            args.append(b.array(shape, "float32")[0])
        elif kind == "f1":
            args.append(b.array((shape[0],), "float32")[0])
        elif kind == "cls":
            args.append(b.define(f"mx.array({[r.randint(0, shape[-1] - 1) for _ in range(_size(shape[:-1]))]}).reshape({shape[:-1]!r})", "t"))
        elif kind == "p01":
            args.append(b.define(f"mx.sigmoid({b.array(shape, 'float32')[0]})", "t"))
        elif kind == "pos":
            args.append(b.define(f"mx.abs({b.array(shape, 'float32')[0]}) + 0.1", "t"))
        elif kind == "pm1":
            args.append(b.define(f"mx.sign({b.array(shape, 'float32')[0]})", "t"))
        else:
            args.append(b.define(f"mx.sign({b.array((shape[0],), 'float32')[0]})", "t"))
    if r.random() < 0.5:
        args.append(f"reduction={r.choice(STR_CHOICES['reduction'])}")
    if name == "cross_entropy" and r.random() < 0.3:
        args.append("label_smoothing=0.1")
    if name == "binary_cross_entropy" and r.random() < 0.5:
        args.append("with_logits=False")
    return f"nn.losses.{name}({', '.join(args)})"


def case_init(b, name):
    r = b.r
    a = b.array(r.choice([(3, 4), (4, 4), (2, 3, 4)]), "float32")[0]
    ctor = {"constant": "0.5", "sparse": "0.5"}.get(name, "")
    if r.random() < 0.3:
        ctor += (", " if ctor else "") + f"dtype=mx.{r.choice(['float16', 'float32', 'bfloat16'])}"
    call = {"he_normal": f"{a}, mode='fan_out'" if r.random() < 0.5 else a}.get(name, a)
    return f"nn.init.{name}({ctor})({call})"


def case_optimizer(b, name):
    r = b.r
    extra = r.choice(OPTIMIZER_EXTRAS.get(name, [""]))
    opt = b.define(f"optim.{name}({OPTIMIZER_ARGS[name]}{extra})", "opt")
    w = b.array((3, 4), "float32")[0]
    bias = b.array((4,), "float32")[0]
    g1 = b.array((3, 4), "float32")[0]
    g2 = b.array((4,), "float32")[0]
    steps = r.randint(1, 3)
    mode = r.random()
    if mode < 0.6:
        return (f"params = {{'w': {w}, 'b': {bias}}}\ngrads = {{'w': {g1}, 'b': {g2}}}\n"
                f"for _ in range({steps}):\n    params = {opt}.apply_gradients(grads, params)\n"
                f"(params, utils.tree_flatten({opt}.state))")
    return (f"model = nn.Linear(4, 3)\nmodel.update({{'weight': {w}.T, 'bias': mx.zeros((3,))}})\n"
            f"x = {b.array((2, 4), 'float32')[0]}\n"
            f"lg = nn.value_and_grad(model, lambda m, x: m(x).sum())\n"
            f"for _ in range({steps}):\n    l, g = lg(model, x)\n    {opt}.update(model, g)\n"
            f"(model.parameters(), {opt}.step, {opt}.learning_rate)")


def case_schedule(b, name):
    steps = b.r.choice([[0], [0, 1, 5], [10, 20], [3]])
    return f"s = optim.{name}({SCHEDULES[name]})\n[s(mx.array(i)) for i in {steps!r}]"


def case_utils(b, name):
    r = b.r
    a0 = b.array((2,), "float32")[0]
    a1 = b.array((3,), "int32")[0]
    tree = r.choice([f"{{'a': {a0}, 'b': [{a1}, {{'c': {a0}}}], 'd': ({a1},)}}", f"[{a0}, ({a1}, 3), None]",
                     f"{{'x': {{'y': {{'z': {a0}}}}}}}", f"{a0}", "{}"])
    t = b.define(tree, "t")
    if name == "tree_flatten":
        return r.choice([f"utils.tree_flatten({t})", f"utils.tree_flatten({t}, prefix='p')",
                         f"utils.tree_flatten({t}, destination={{}})",
                         f"utils.tree_flatten({t}, is_leaf=lambda x: isinstance(x, list))"])
    if name == "tree_unflatten":
        return r.choice([f"utils.tree_unflatten(utils.tree_flatten({t}))",
                         "utils.tree_unflatten([('a.0', 1), ('a.1', 2), ('b', 3)])",
                         "utils.tree_unflatten({'x.y': 1, 'x.z': 2})", "utils.tree_unflatten([('1', 1)])"])
    if name == "tree_map":
        return r.choice([f"utils.tree_map(lambda x: x * 2, {t})", f"utils.tree_map(lambda x, y: x + y, {t}, {t})",
                         f"utils.tree_map(lambda x: 0, {t}, is_leaf=lambda x: isinstance(x, tuple))"])
    if name == "tree_map_with_path":
        return f"utils.tree_map_with_path(lambda p, x: p, {t})"
    if name == "tree_reduce":
        return r.choice([f"utils.tree_reduce(lambda acc, x: acc + x.size, {t}, 0)",
                         f"utils.tree_reduce(lambda acc, x: acc + x.sum(), {t})"])
    if name == "tree_merge":
        return r.choice([f"utils.tree_merge({t}, {t}, merge_fn=lambda a, b: a)",
                         "utils.tree_merge({'a': 1}, {'b': 2})", "utils.tree_merge({'a': 1}, {'a': 2})"])
    return None


def case_transform(b):
    r = b.r
    x = b.array(r.choice([(3,), (2, 3), (), (3, 3)]), r.choice(["float32", "float32", "float16", "int32"]))[0]
    f = r.choice(UNARY_LAMBDAS)
    kind = r.choice(["grad", "value_and_grad", "vjp", "jvp", "vmap", "compile", "checkpoint", "custom", "grad2",
                     "containers"])
    if kind == "containers":
        # containers and tuple subclasses through transforms
        return r.choice([
            f"import collections\nP = collections.namedtuple('P', 'u v')\nmx.grad(lambda p: mx.sum(p.u * p.v))(P({x}, {x} + 1))",
            f"mx.grad(lambda d: mx.sum(d['a'][0] * 2))({{'a': [{x}, 3]}})",
            f"mx.vmap(lambda x: {{'s': x * 2, 't': (x, x)}})({x})",
            f"mx.compile(lambda x: {{'y': x + 1, 'z': [x * 2]}})({x})",
            f"mx.value_and_grad(lambda a, b: (mx.sum(a * b), a))({x}, {x})",
        ])
    if kind == "grad":
        return f"mx.grad({f})({x})"
    if kind == "grad2":
        return r.choice([f"mx.grad(lambda a, b: mx.sum(a * b), argnums={r.choice(['(0, 1)', '1', '2', '()'])})({x}, {x})",
                         f"mx.grad(lambda d: mx.sum(d['a'] ** 2))({{'a': {x}}})",
                         f"mx.grad(lambda a, b=None: mx.sum(a * b), argnames='b')({x}, b={x})"])
    if kind == "value_and_grad":
        return f"mx.value_and_grad({f})({x})"
    if kind == "vjp":
        return f"mx.vjp(lambda x: x * 2, [{x}], [mx.ones_like({x})])"
    if kind == "jvp":
        return f"mx.jvp(lambda x: mx.sin(x), [{x}], [mx.ones_like({x})])"
    if kind == "vmap":
        return r.choice([f"mx.vmap(lambda x: x * 2)({x})", f"mx.vmap(lambda x: x.sum(), in_axes={r.choice([0, 1, -1, None])})({x})",
                         f"mx.vmap(lambda x: (x, x + 1), out_axes={r.choice(['0', '(0, 0)', '1', 'None'])})({x})"])
    if kind == "compile":
        return r.choice([f"mx.compile({f})({x})", f"mx.compile(lambda x: x + 1, shapeless=True)({x})"])
    if kind == "checkpoint":
        return f"mx.grad(lambda x: mx.checkpoint(lambda y: mx.sum(mx.sin(y)))(x))({x})"
    return (f"@mx.custom_function\ndef f(x):\n    return x * 3\n"
            f"@f.vjp\ndef f_vjp(primals, cot, out):\n    return (cot * 10,)\n"
            f"(f({x}), mx.grad(lambda x: mx.sum(f(x)))({x}))")


def case_conversion(b):
    r = b.r
    src = r.choice([
        "[1, 2, 3]", "[[1, 2], [3]]", "[1, 2.5]", "[True, 2]", "2**31", "2**63", "-2**63 - 1", "[1, 2**40]",
        "1 + 2j", "[]", "[[]]", "'abc'", "None", "(1, 2)", "[mx.array(1), 2]", "[mx.array([1, 2]), mx.array([3, 4])]",
        "np.arange(6).reshape(2, 3)", "np.array([1.5], dtype=np.float16)", "np.array([1, 2], dtype=np.uint64)",
        "np.array(3.5)", "np.float64(2.0)", "np.array([], dtype=np.int8)", "np.array([True, False])",
        "range(4)", "[[1, 2], [3, 4]]", "3.0", "False", "[1.0, float('nan')]", "np.array([1, 2])[::2]",
        "np.array([[1, 2], [3, 4]]).T", "np.arange(4.0)",
    ])
    if r.random() < 0.15:
        return r.choice([f"mx.from_dlpack({src})" for src in ("np.arange(3.0)", "np.arange(4, dtype=np.int16)",
                                                               "np.array([[1.5, 2.5]], dtype=np.float32)")]
                        + ["np.array(mx.array([1.5, -2], dtype=mx.bfloat16)).dtype.name"])
    dtype = r.choice(["", "", f", dtype={b.dtype()}", f", {b.dtype()}"])
    fn = r.choice(["mx.array", "mx.asarray", "mx.array"])
    if fn == "mx.asarray" and r.random() < 0.3:
        dtype += r.choice([", copy=True", ", copy=None"])
    return f"{fn}({src}{dtype})"


# ---------------------------------------------------------------- targets
def targets(inv):
    """[(label, make(builder) -> src or None)] covering every comparable public name."""
    out = []
    recipes = {"mlx.core.linalg": recipe_linalg, "mlx.core.fft": recipe_fft, "mlx.core.random": recipe_random,
               "mlx.core.fast": recipe_fast}
    prefix = {"mlx.core": "mx", "mlx.core.fft": "mx.fft", "mlx.core.linalg": "mx.linalg",
              "mlx.core.random": "mx.random", "mlx.core.fast": "mx.fast"}
    for ns, pre in prefix.items():
        for name, info in inv[ns].items():
            if info["kind"] != "function" or name in SKIPPED:
                continue
            params = parse_signature(info["signature"])

            def make(b, ns=ns, pre=pre, name=name, params=params):
                rec = recipes.get(ns)
                src = rec(b, name) if rec else None
                if src is None and ns == "mlx.core" and (name in UNCHECKED or b.r.random() < 0.75):
                    src = recipe_core(b, name)
                if src is None:
                    src = f"{pre}.{name}({call_args(b, params, name)})"
                return src
            out.append((f"{pre}.{name}", make))
    for name, info in inv["mlx.core.array"].items():
        if name in ("__hash__", "__iter__", "__str__", "__reduce__", "__repr__", "__setstate__", "__dlpack__"):
            continue

        def make(b, name=name, info=info):
            return case_method(b, name, info["kind"], info.get("signature"))
        probe = Builder(random.Random(0))
        if case_method(probe, name, info["kind"], info.get("signature")) is not None:
            out.append((f"array.{name}", make))
    out += [("operator", case_operator)] * 12 + [("unary", case_unary)] * 3 + [("format", case_format)] * 2
    out += [("printing", case_printing)] * 2 + [("getitem", case_getitem)] * 8 + [("setitem", case_setitem)] * 5
    out += [("transform", case_transform)] * 4 + [("conversion", case_conversion)] * 3 + [("io", lambda b: recipe_io(b))]
    for name in LAYERS:
        if name not in inv["mlx.nn"] or name in SKIPPED:
            continue
        out.append((f"nn.{name}", lambda b, name=name: case_layer(b, name)))
    for name, info in inv["mlx.nn"].items():
        if info["kind"] == "function" and name not in SKIPPED and name not in ("quantize", "value_and_grad"):
            out.append((f"nn.{name}", lambda b, name=name: case_activation(b, name)))
    out.append(("nn.value_and_grad", lambda b: (
        f"m = nn.Linear(3, 2)\nx = {b.array((4, 3), 'float32')[0]}\n"
        f"nn.value_and_grad(m, lambda m, x: (m(x) ** 2).mean())(m, x)")))
    for cls in ("finfo", "iinfo"):
        out.append((f"mx.{cls}", lambda b, cls=cls: (
            f"i = mx.{cls}({b.dtype()})\n(i.min, i.max, i.dtype, repr(i)"
            + (", i.eps)" if cls == "finfo" else ")"))))
    out.append(("mx.Dtype", lambda b: f"d = {b.dtype()}\n(d, d.size, repr(d), str(d), hash(d) == hash(d), d == mx.float32, d.category if hasattr(d, 'category') else None)"))
    out.append(("nn.quantize", lambda b: "m = nn.Sequential(nn.Linear(64, 8), nn.ReLU())\nnn.quantize(m, group_size=64, bits=4)\nm"))
    for name in inv["mlx.nn.losses"]:
        if name in LOSS_ARGS:
            out.append((f"nn.losses.{name}", lambda b, name=name: case_loss(b, name)))
    for name in inv["mlx.nn.init"]:
        out.append((f"nn.init.{name}", lambda b, name=name: case_init(b, name)))
    for name in inv["mlx.optimizers"]:
        if name in OPTIMIZER_ARGS:
            out.append((f"optim.{name}", lambda b, name=name: case_optimizer(b, name)))
        elif name in SCHEDULES:
            out.append((f"optim.{name}", lambda b, name=name: case_schedule(b, name)))
        elif name == "clip_grad_norm":
            out.append((f"optim.{name}", lambda b: f"optim.clip_grad_norm({{'w': {b.array((3,), 'float32')[0]}, 'b': [{b.array((2, 2), 'float32')[0]}]}}, {b.r.choice([0.1, 10.0, 0.0])})"))
    for name in inv["mlx.utils"]:
        out.append((f"utils.{name}", lambda b, name=name: case_utils(b, name)))
    return out


EDGE_EXCLUDED = {
    "hash(mx.array([1]))": "identity hash: differs between any two processes",
    "mx.take(mx.arange(5), mx.array([1, 7]))": "out-of-range gather: libmlx reads garbage in both",
}


def edge_cases():
    if not EDGE_CASES.exists():
        return []
    return [line for line in EDGE_CASES.read_text().splitlines()
            if line.strip() and not line.startswith("#") and line not in EDGE_EXCLUDED]


def generate(n, seed):
    """n cases [(id, label, case_seed, src)]: the hand-written edge cases, then generated ones;
    deterministic for (n, seed), a prefix of larger n."""
    inv = load_inventory()
    tgts = targets(inv)
    order = random.Random(seed)
    cases = [(i, "edge_case", seed + i, src) for i, src in enumerate(edge_cases()[:n])]
    i = 0
    while len(cases) < n:
        perm = list(range(len(tgts)))
        order.shuffle(perm)           # each round visits every target once
        for t in perm:
            if len(cases) >= n:
                break
            label, make = tgts[t]
            b = Builder(random.Random(f"{seed}-{i}"))
            src = make(b)
            i += 1
            if src is None:
                continue
            cases.append((len(cases), label, (seed * 1000003 + i) % (2**31), b.source(src)))
    return cases


def covered_names(inv=None):
    """Public names with a case target, and the skipped ones with their reason (for the report)."""
    inv = inv or load_inventory()
    return sorted({label for label, _ in targets(inv)}), dict(SKIPPED)
