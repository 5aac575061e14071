"""The Transformer training step of `train_step_transformer.py`, taken apart: forward + backward of
each kind of layer at the step's shapes, times how often the step runs it, for mlxcy, the reference
binding and PyTorch (CPU, one thread), so that the step's gap to PyTorch can be read layer by layer (issue 21:
"the Transformer step's gap to PyTorch CPU explained op by op").

Shapes: batch 8 x sequence 128, d 256, 4 heads, feed-forward 1024, vocab 1024. Parts (count per step):
embedding (1), layer norm (5: two per layer and the final one), causal self-attention with its four
projections (2), the ReLU MLP (2), output projection + cross-entropy (1). Each part's gradient is
taken with respect to its parameters and its input (as inside the step; the embedding's input is
integer), the outputs summed to a scalar. What the parts leave out (residual adds, the SGD update,
one graph instead of several) is the step's time minus the sum of the parts.

Run: python bench/transformer_breakdown.py [--steps N] [--quick] [--json OUT]
"""
import argparse
import sys
import time

from _peers import add_common_args, reference_python, run_with_module, ratio, torch_on_threads, write_json
from train_step_transformer import measure as measure_step
from train_step_transformer import measure_torch as measure_torch_step

B, L, D, HEADS, FF, VOCAB = 8, 128, 256, 4, 1024, 1024
# (name, times per training step)
PARTS = [("embedding", 1), ("layer norm", 5), ("causal self-attention", 2), ("ReLU MLP", 2),
         ("output projection + cross-entropy", 1)]

CODE = r"""
import importlib, json, time
nn = importlib.import_module(mx.__name__.split(".")[0] + ".nn")
B, L, D, HEADS, FF, VOCAB = SHAPES
mx.random.seed(0)
mask = nn.MultiHeadAttention.create_additive_causal_mask(L)

class Attention(nn.Module):
    def __init__(self):
        super().__init__()
        self.attn = nn.MultiHeadAttention(D, HEADS)
    def __call__(self, x):
        return self.attn(x, x, x, mask)

class MLP(nn.Module):
    def __init__(self):
        super().__init__()
        self.up, self.down = nn.Linear(D, FF), nn.Linear(FF, D)
    def __call__(self, x):
        return self.down(nn.relu(self.up(x)))

class Head(nn.Module):
    def __init__(self):
        super().__init__()
        self.out = nn.Linear(D, VOCAB)
    def __call__(self, x, targets):
        return nn.losses.cross_entropy(self.out(x), targets, reduction="mean")

x = mx.random.normal((B, L, D))
tokens = mx.random.randint(0, VOCAB, (B, L))
parts = {
    "embedding": (nn.Embedding(VOCAB, D), (tokens,), False),
    "layer norm": (nn.LayerNorm(D), (x,), True),
    "causal self-attention": (Attention(), (x,), True),
    "ReLU MLP": (MLP(), (x,), True),
    "output projection + cross-entropy": (Head(), (x, tokens), True),
}

def fwd_bwd(module, args, input_grad):
    def loss(params, *args):
        module.update(params)
        return module(*args).sum()
    vg = mx.value_and_grad(loss, argnums=(0, 1) if input_grad else 0)
    params = module.trainable_parameters()
    def run():
        value, grads = vg(params, *args)
        mx.eval(value, grads)
    return run

out = {}
for name, (module, args, input_grad) in parts.items():
    mx.eval(module.parameters())
    run = fwd_bwd(module, args, input_grad)
    for _ in range(WARMUP):
        run()
    times = []
    for _ in range(STEPS):
        t0 = time.perf_counter()
        run()
        times.append(time.perf_counter() - t0)
    out[name] = sorted(times)[len(times) // 2]
print(json.dumps(out))
"""


def measure(python, module, steps, warmup):
    code = f"SHAPES = {(B, L, D, HEADS, FF, VOCAB)!r}\nSTEPS = {steps}\nWARMUP = {warmup}\n" + CODE
    return run_with_module(python, module, code)


def measure_torch(steps, warmup, threads=None):
    """The same parts in PyTorch (`threads` intra-op threads, None: its default), or None."""
    peer = torch_on_threads(threads)
    if peer is None:
        return None
    torch, default_threads = peer
    from torch import nn
    torch.manual_seed(0)
    causal = nn.Transformer.generate_square_subsequent_mask(L)

    class Attention(nn.Module):
        def __init__(self):
            super().__init__()
            self.attn = nn.MultiheadAttention(D, HEADS, batch_first=True)

        def forward(self, x):
            return self.attn(x, x, x, attn_mask=causal, is_causal=True, need_weights=False)[0]

    class Head(nn.Module):
        def __init__(self):
            super().__init__()
            self.out = nn.Linear(D, VOCAB)

        def forward(self, x, targets):
            return nn.functional.cross_entropy(self.out(x).reshape(-1, VOCAB), targets.reshape(-1))

    x = torch.randn(B, L, D, requires_grad=True)
    tokens = torch.randint(0, VOCAB, (B, L))
    parts = {
        "embedding": (nn.Embedding(VOCAB, D), (tokens,)),
        "layer norm": (nn.LayerNorm(D), (x,)),
        "causal self-attention": (Attention(), (x,)),
        "ReLU MLP": (nn.Sequential(nn.Linear(D, FF), nn.ReLU(), nn.Linear(FF, D)), (x,)),
        "output projection + cross-entropy": (Head(), (x, tokens)),
    }
    out = {}
    for name, (module, args) in parts.items():
        def run():
            module.zero_grad(set_to_none=True)
            x.grad = None
            module(*args).sum().backward()
        for _ in range(warmup):
            run()
        times = []
        for _ in range(steps):
            t0 = time.perf_counter()
            run()
            times.append(time.perf_counter() - t0)
        out[name] = sorted(times)[len(times) // 2]
    out["threads"] = torch.get_num_threads()
    torch.set_num_threads(default_threads)
    return out


def per_step(result):
    """{part: seconds per training step} (count x the part's median), plus the sum."""
    if not result:
        return None
    parts = {name: result[name] * count for name, count in PARTS}
    parts["sum of the parts"] = sum(parts.values())
    return parts


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--steps", type=int, help="timed repetitions per part (default 15; --quick: 7)")
    args = add_common_args(ap).parse_args()
    steps = args.steps or (7 if args.quick else 15)
    warmup = 2

    ours = per_step(measure(sys.executable, "mlxcy", steps, warmup))
    ref_py = reference_python()
    ref = per_step(measure(ref_py, "mlx.core", steps, warmup)) if ref_py else None
    # one PyTorch thread: its default (all cores) spins in OpenMP and swings widely on a loaded machine
    torch_raw = measure_torch(steps, warmup, threads=1)
    torch_parts = per_step(torch_raw)
    # the whole step, measured in this run too, so that the parts' sum can be set against it
    step_ours = measure_step(sys.executable, "mlxcy", steps, warmup)["median_s"]
    step_ref = measure_step(ref_py, "mlx.core", steps, warmup)["median_s"] if ref_py else None
    step_torch = measure_torch_step(steps, warmup, threads=1)
    step_torch = step_torch["median_s"] if step_torch else None
    for table, step in ((ours, step_ours), (ref, step_ref), (torch_parts, step_torch)):
        if table is not None and step is not None:
            table["whole step"] = step
            table["rest of the step (residual adds, update, graph)"] = step - table["sum of the parts"]

    names = [name for name, _ in PARTS] + ["sum of the parts", "rest of the step (residual adds, update, graph)",
                                           "whole step"]
    counts = dict(PARTS)
    gap = (ours["whole step"] - torch_parts["whole step"]) if torch_parts else None
    print(f"Transformer training step (batch {B} x seq {L}, d {D}) taken apart: ms per step "
          f"(count x forward+backward of the part)")
    print(f"{'part':<52} {'mlxcy':>8} {'ref':>8} {'torch':>8} {'/ref':>6} {'/torch':>7} {'share of gap':>12}")
    rows = []
    for name in names:
        label = f"{name} x{counts[name]}" if name in counts else name
        o = ours[name]
        t = ref[name] if ref else None
        p = torch_parts[name] if torch_parts else None
        share = (o - p) / gap if gap and p is not None and name != "whole step" else None
        fmt = lambda v: f"{v * 1e3:8.2f}" if v is not None else f"{'-':>8}"
        print(f"{label:<52} {fmt(o)} {fmt(t)} {fmt(p)} {ratio(o, t):6.2f} {ratio(o, p):7.2f} "
              + (f"{share * 100:11.0f}%" if share is not None else f"{'':>12}"))
        rows.append({"case": f"Transformer step part: {label}, forward+backward, per step",
                     "headline": name == "sum of the parts",
                     "mlxcy_ms": o * 1e3, "ref_ms": t * 1e3 if t is not None else None,
                     "torch_ms": p * 1e3 if p is not None else None})
    notes = []
    if torch_raw:
        notes.append(f"PyTorch ran on {torch_raw['threads']} thread; a part's row is its "
                     "median forward+backward times how often one training step runs it")
    if torch_parts:
        slower = sorted((n for n, _ in PARTS if ours[n] > torch_parts[n]), key=lambda n: torch_parts[n] - ours[n])
        faster_or_slower = "slower" if gap > 0 else "faster"
        notes.append(f"mlxcy's step is {abs(gap) * 1e3:.1f} ms {faster_or_slower} than PyTorch's (one thread); "
                     + ("parts slower than PyTorch's, most time lost first: "
                        + ", ".join(f"{n} (+{(ours[n] - torch_parts[n]) * 1e3:.1f} ms)" for n in slower)
                        if slower else "no part is slower than PyTorch's"))
    for note in notes:
        print(note)
    if args.json:
        write_json(args.json, "transformer_breakdown", rows, quick=args.quick, notes=notes,
                   headline="Transformer training step taken apart, sum of the parts' forward+backward")


if __name__ == "__main__":
    main()
