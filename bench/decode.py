"""Token-by-token decode of a tiny Llama-style model: mlxcy vs the reference binding, with the
same BLAS (MLXCY_BLAS=reference, libmlx's own) so that only the binding differs (issue 21, item 6;
target: <= 0.8x the reference's time per token).

Model (written with the binding's own nn): token embedding (vocab 512) -> 2 pre-norm blocks
(d 64, 4 heads, RoPE, scaled_dot_product_attention, a KV cache grown by concatenate, SwiGLU MLP
of width 128) -> RMSNorm -> output projection. A 16-token prompt is prefilled, then each new token
is chosen from the last logits (greedy: argmax; sampled: mx.random.categorical at temperature
0.8) and read back with `.item()`, as a chat loop does.

Besides the ratio, mlxcy's time per token is split by manual timers into building the graph
(the model's Python code and the ops it calls), `mx.eval` and `.item()`; `--profile` also prints
cProfile's top functions for mlxcy's decode (the nn Python code; compiled calls are charged to
their Python caller) and the per-call cost of each operation a decode step makes, under both
bindings.

Run: python bench/decode.py [--tokens N] [--rounds N] [--profile] [--quick] [--json OUT]
"""
import argparse
import os
import sys

from _peers import BINDING_NAMESPACES_SRC, add_common_args, alternate, figure, ratio, run_text, write_json

MODEL_SRC = BINDING_NAMESPACES_SRC + r"""
import json, time
VOCAB, D, LAYERS, HEADS, HIDDEN, PROMPT = 512, 64, 2, 4, 128, 16

class Attention(nn.Module):
    def __init__(self):
        super().__init__()
        self.heads = HEADS
        self.scale = (D // HEADS) ** -0.5
        self.q_proj = nn.Linear(D, D, bias=False)
        self.k_proj = nn.Linear(D, D, bias=False)
        self.v_proj = nn.Linear(D, D, bias=False)
        self.o_proj = nn.Linear(D, D, bias=False)
        self.rope = nn.RoPE(D // HEADS)

    def __call__(self, x, cache):
        B, L, _ = x.shape
        q, k, v = (p(x).reshape(B, L, self.heads, -1).transpose(0, 2, 1, 3)
                   for p in (self.q_proj, self.k_proj, self.v_proj))
        offset = 0 if cache is None else cache[0].shape[2]
        q = self.rope(q, offset=offset)
        k = self.rope(k, offset=offset)
        if cache is not None:
            k = mx.concatenate([cache[0], k], axis=2)
            v = mx.concatenate([cache[1], v], axis=2)
        out = mx.fast.scaled_dot_product_attention(q, k, v, scale=self.scale, mask="causal" if L > 1 else None)
        return self.o_proj(out.transpose(0, 2, 1, 3).reshape(B, L, -1)), (k, v)

class MLP(nn.Module):
    def __init__(self):
        super().__init__()
        self.gate = nn.Linear(D, HIDDEN, bias=False)
        self.up = nn.Linear(D, HIDDEN, bias=False)
        self.down = nn.Linear(HIDDEN, D, bias=False)

    def __call__(self, x):
        return self.down(nn.silu(self.gate(x)) * self.up(x))

class Block(nn.Module):
    def __init__(self):
        super().__init__()
        self.attn_norm = nn.RMSNorm(D)
        self.attn = Attention()
        self.mlp_norm = nn.RMSNorm(D)
        self.mlp = MLP()

    def __call__(self, x, cache):
        h, cache = self.attn(self.attn_norm(x), cache)
        x = x + h
        return x + self.mlp(self.mlp_norm(x)), cache

class TinyLlama(nn.Module):
    def __init__(self):
        super().__init__()
        self.embed = nn.Embedding(VOCAB, D)
        self.layers = [Block() for _ in range(LAYERS)]
        self.norm = nn.RMSNorm(D)
        self.head = nn.Linear(D, VOCAB, bias=False)

    def __call__(self, tokens, caches):
        x = self.embed(tokens)
        new = []
        for layer, cache in zip(self.layers, caches):
            x, cache = layer(x, cache)
            new.append(cache)
        return self.head(self.norm(x)), new

mx.random.seed(0)
model = TinyLlama()
mx.eval(model.parameters())
prompt = mx.random.randint(0, VOCAB, (1, PROMPT))

def pick(logits, sampled):
    if sampled:
        return mx.random.categorical(logits * (1 / 0.8))
    return mx.argmax(logits, axis=-1)

def decode(n_tokens, sampled, timers=None):
    # timers: None, or a dict adding up seconds spent in "build", "eval" and "item"
    mx.random.seed(1)
    caches = [None] * LAYERS
    logits, caches = model(prompt, caches)
    token = pick(logits[:, -1, :], sampled)
    mx.eval(token, caches)
    out = [token.item()]
    clock = time.perf_counter
    for _ in range(n_tokens - 1):
        t0 = clock()
        logits, caches = model(token.reshape(1, 1), caches)
        token = pick(logits[:, -1, :], sampled)
        t1 = clock()
        mx.eval(token)
        t2 = clock()
        out.append(token.item())
        if timers is not None:
            t3 = clock()
            timers["build"] += t1 - t0
            timers["eval"] += t2 - t1
            timers["item"] += t3 - t2
    return out
"""

CODE = MODEL_SRC + r"""
res = {}
for mode in ("greedy", "sampled"):
    decode(4, mode == "sampled")                     # warm up
    best = float("inf")
    for _ in range(REPS):
        t = time.perf_counter()
        tokens = decode(N_TOKENS, mode == "sampled")
        best = min(best, (time.perf_counter() - t) / N_TOKENS)
    res[mode] = [best]
    TOKENS[mode] = tokens
timers = {"build": 0.0, "eval": 0.0, "item": 0.0}
decode(N_TOKENS, False, timers)
for k, v in timers.items():
    res["split " + k] = [v / (N_TOKENS - 1)]
res["__tokens__"] = TOKENS
print(json.dumps(res))
"""

PROFILE = MODEL_SRC + r"""
import cProfile, pstats, io
decode(4, False)
prof = cProfile.Profile()
prof.enable()
for _ in range(REPS):
    decode(N_TOKENS, False)
prof.disable()
s = io.StringIO()
pstats.Stats(prof, stream=s).sort_stats("tottime").print_stats(TOP)
print(s.getvalue())
"""


# --profile: graph-building cost per call of the operations one decode step makes (shapes of a
# decode step: one token, 4 heads of 16, a cache of 20), under each binding. cProfile does not see
# inside compiled bindings, so this is where their time is told apart.
STEP_OPS = [
    ("fast.rope(q, offset=k)", "mx.fast.rope(q, 16, traditional=False, base=10000, scale=1.0, offset=5)", 4),
    ("fast.rms_norm", "mx.fast.rms_norm(x, w, 1e-5)", 5),
    ("fast.scaled_dot_product_attention", "mx.fast.scaled_dot_product_attention(q, k, k, scale=0.25)", 2),
    ("concatenate (KV cache)", "mx.concatenate([k, k], axis=2)", 4),
    ("reshape + transpose", "x.reshape(1, 1, 4, -1).transpose(0, 2, 1, 3)", 8),
    ("Linear: x @ w.T", "x @ wt.T", 15),
    ("multiply / add", "x * x", 6),
    ("argmax(axis=-1)", "mx.argmax(x, axis=-1)", 1),
    ("random.categorical", "mx.random.categorical(x * (1 / 0.8))", 1),
    ("token.item() (token evaluated)", "t.item()", 1),
]
STEP_OPS_CODE = r"""
import json, time
q = mx.ones((1, 4, 1, 16)); k = mx.ones((1, 4, 20, 16)); x = mx.ones((1, 1, 64)); w = mx.ones((64,))
wt = mx.ones((64, 64)); t = mx.array([3]).reshape(1, 1)
mx.eval(q, k, x, w, wt, t)
env = dict(mx=mx, q=q, k=k, x=x, w=w, wt=wt, t=t)
out = {}
for name, stmt, _ in STEP_OPS:
    exec(compile("def _run(_n):\n    for _ in range(_n):\n        " + stmt + "\n", "ops", "exec"), env)
    run = env["_run"]; run(10)
    best = float("inf")
    for _ in range(5):
        t0 = time.perf_counter(); run(300); best = min(best, (time.perf_counter() - t0) / 300)
    out[name] = [best]
print(json.dumps(out))
"""


def print_step_ops():
    """Per-call cost of each operation of a decode step under both bindings, and per token."""
    ours, theirs = alternate(f"STEP_OPS = {STEP_OPS!r}\n" + STEP_OPS_CODE, 2)
    print("per call, graph building, shapes of one decode step:")
    print(f"{'operation':<36} {'calls/token':>11} {'mlxcy us':>9} {'ref us':>8} {'mlxcy us/token':>15}")
    total = 0.0
    for name, _, calls in STEP_OPS:
        o = ours[name][0]
        t = theirs[name][0] if theirs else None
        total += o * calls
        print(f"{name:<36} {calls:>11} {o * 1e6:>9.2f} {t * 1e6 if t else float('nan'):>8.2f} "
              f"{o * calls * 1e6:>15.1f}")
    print(f"{'sum':<36} {'':>11} {'':>9} {'':>8} {total * 1e6:>15.1f}")


def params(n_tokens, reps):
    return f"N_TOKENS, REPS = {n_tokens}, {reps}\nTOKENS = {{}}\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--tokens", type=int, help="tokens decoded per timing (default 64; --quick: 32)")
    ap.add_argument("--rounds", type=int, help="alternate mlxcy and reference runs (default 3; --quick: 2)")
    ap.add_argument("--profile", action="store_true", help="also print cProfile's top functions for mlxcy")
    args = add_common_args(ap).parse_args()
    n_tokens = args.tokens or (32 if args.quick else 64)
    reps = 3 if args.quick else 5
    rounds = args.rounds or (2 if args.quick else 3)
    # Same BLAS in both: libmlx's own (the reference cannot forward to OpenBLAS).
    os.environ["MLXCY_BLAS"] = "reference"
    code = params(n_tokens, reps) + CODE
    ours, theirs = alternate(code, rounds)
    ours_tokens = ours.pop("__tokens__", None)
    theirs_tokens = theirs.pop("__tokens__", None) if theirs else None
    rows, figures = [], []
    print(f"tiny Llama (d 64, 2 layers, vocab 512), {n_tokens} tokens after a 16-token prompt, MLXCY_BLAS=reference")
    print(f"{'decode':<10} {'mlxcy us/token':>15} {'ref us/token':>13} {'ratio':>6}")
    for mode in ("greedy", "sampled"):
        o = ours[mode][0]
        t = theirs[mode][0] if theirs else None
        rows.append({"case": f"decode, {mode}", "group": "decode", "headline": True,
                     "mlxcy_us": o * 1e6, "ref_us": t * 1e6 if t else None})
        print(f"{mode:<10} {o * 1e6:>15.1f} {t * 1e6 if t else float('nan'):>13.1f} {ratio(o, t):>6.2f}")
    split = {k[len("split "):]: v[0] for k, v in ours.items() if k.startswith("split ")}
    total = sum(split.values())
    print("mlxcy's time per greedy token: " + ", ".join(
        f"{k} {v * 1e6:.1f} us ({v / total:.0%})" for k, v in split.items()))
    if theirs:
        ref_split = {k[len("split "):]: v[0] for k, v in theirs.items() if k.startswith("split ")}
        print("reference's:                   " + ", ".join(f"{k} {v * 1e6:.1f} us" for k, v in ref_split.items()))
        for k in split:
            rows.append({"case": f"greedy token: {k}", "group": "split", "headline": False,
                         "mlxcy_us": split[k] * 1e6, "ref_us": ref_split.get(k, 0) * 1e6 or None})
        if ours_tokens and theirs_tokens:
            same = ours_tokens.get("greedy") == theirs_tokens.get("greedy")
            print(f"greedy tokens identical under both bindings: {same}")
    else:
        print("(reference mlx not found: set MLXCY_BENCH_REF_PYTHON to a python with mlx==0.32.4)")
    for k, v in split.items():
        figures.append(figure(f"greedy token, {k}", v * 1e6, "us"))
    if args.profile:
        print(run_text(sys.executable, "mlxcy", params(n_tokens, reps) + "TOP = 30\n" + PROFILE))
        print_step_ops()
    if args.json:
        write_json(args.json, "decode", rows, quick=args.quick, figures=figures,
                   headline="tiny Llama decode, time per token (greedy / sampled), same BLAS",
                   notes=["MLXCY_BLAS=reference: both bindings use libmlx's own BLAS"])


if __name__ == "__main__":
    main()
