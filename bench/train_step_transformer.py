"""One training step of a small Transformer language model: mlxcy vs the reference binding.

Model: token embedding (vocab 1024) -> 2 pre-norm encoder layers (d=256, 4 heads, causal mask)
-> output projection; batch 8 x sequence 128; cross-entropy; forward + backward through
``nn.value_and_grad`` + a plain SGD update written here; evaluated each step.
Target (issue 8): mlxcy <= 0.9x the reference's time per step on CPU. Also the inference forward
alone, and PyTorch (CPU, its default threads) with the same model where it is installed
(nn.TransformerEncoder, pre-norm, ReLU, final LayerNorm; its own initialisation).

Run: python bench/train_step_transformer.py [--steps N] [--quick] [--json OUT]
"""
import argparse
import sys
import time

from _peers import add_common_args, reference_python, run_with_module, ratio, torch_on_threads, write_json

CODE = r"""
import importlib, json, time
nn = importlib.import_module(mx.__name__.split(".")[0] + ".nn")
tree_map = importlib.import_module(mx.__name__.split(".")[0] + ".utils").tree_map

VOCAB, D, HEADS, LAYERS, B, L = 1024, 256, 4, 2, 8, 128

class LM(nn.Module):
    def __init__(self):
        super().__init__()
        self.embed = nn.Embedding(VOCAB, D)
        self.encoder = nn.TransformerEncoder(LAYERS, D, HEADS)
        self.out = nn.Linear(D, VOCAB)

    def __call__(self, tokens, mask):
        return self.out(self.encoder(self.embed(tokens), mask))

mx.random.seed(0)
model = LM()
mx.eval(model.parameters())
tokens = mx.random.randint(0, VOCAB, (B, L + 1))
inputs, targets = tokens[:, :-1], tokens[:, 1:]
mask = nn.MultiHeadAttention.create_additive_causal_mask(L)

def loss_fn(x, y):
    return nn.losses.cross_entropy(model(x, mask), y, reduction="mean")

loss_and_grad = nn.value_and_grad(model, loss_fn)

def step():
    loss, grads = loss_and_grad(inputs, targets)
    model.update(tree_map(lambda p, g: p - 0.05 * g, model.trainable_parameters(), grads))
    mx.eval(loss, model.parameters())
    return loss

for _ in range(WARMUP):
    step()
times = []
for _ in range(STEPS):
    t0 = time.perf_counter()
    loss = step()
    times.append(time.perf_counter() - t0)
times.sort()
forward = []
for _ in range(STEPS):
    t0 = time.perf_counter()
    mx.eval(model(inputs, mask))
    forward.append(time.perf_counter() - t0)
forward.sort()
print(json.dumps({"median_s": times[len(times) // 2], "min_s": times[0], "loss": loss.item(),
                  "forward_s": forward[len(forward) // 2]}))
"""


def measure_torch(steps, warmup, threads=None):
    """The same model, step and forward in PyTorch on the CPU (`threads`, None: its default), or None."""
    peer = torch_on_threads(threads)
    if peer is None:
        return None
    torch, default_threads = peer
    from torch import nn
    vocab, d, heads, layers, b, length = 1024, 256, 4, 2, 8, 128
    torch.manual_seed(0)

    class LM(nn.Module):
        def __init__(self):
            super().__init__()
            self.embed = nn.Embedding(vocab, d)
            layer = nn.TransformerEncoderLayer(d, heads, dim_feedforward=4 * d, dropout=0.0, activation="relu",
                                               batch_first=True, norm_first=True)
            self.encoder = nn.TransformerEncoder(layer, layers, norm=nn.LayerNorm(d), enable_nested_tensor=False)
            self.out = nn.Linear(d, vocab)

        def forward(self, tokens, mask):
            return self.out(self.encoder(self.embed(tokens), mask=mask, is_causal=True))

    model = LM()
    tokens = torch.randint(0, vocab, (b, length + 1))
    inputs, targets = tokens[:, :-1], tokens[:, 1:]
    mask = nn.Transformer.generate_square_subsequent_mask(length)
    loss_fn = nn.CrossEntropyLoss()

    def step():
        model.zero_grad(set_to_none=True)
        loss = loss_fn(model(inputs, mask).reshape(-1, vocab), targets.reshape(-1))
        loss.backward()
        with torch.no_grad():
            for p in model.parameters():
                p -= 0.05 * p.grad
        return loss

    def median(fn, n):
        times = []
        for _ in range(n):
            t0 = time.perf_counter()
            fn()
            times.append(time.perf_counter() - t0)
        return sorted(times)[n // 2], min(times)

    for _ in range(warmup):
        step()
    med, best = median(step, steps)
    with torch.no_grad():
        fwd, _ = median(lambda: model(inputs, mask), steps)
    used = torch.get_num_threads()
    torch.set_num_threads(default_threads)
    return {"median_s": med, "min_s": best, "forward_s": fwd, "threads": used}



def measure(python, module, steps, warmup):
    code = f"STEPS = {steps}\nWARMUP = {warmup}\n" + CODE
    return run_with_module(python, module, code)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--steps", type=int, help="timed steps (default 15; --quick: 5)")
    ap.add_argument("--warmup", type=int, help="untimed steps first (default 3; --quick: 1)")
    args = add_common_args(ap).parse_args()
    steps = args.steps or (5 if args.quick else 15)
    warmup = args.warmup if args.warmup is not None else (1 if args.quick else 3)

    try:
        ours = measure(sys.executable, "mlxcy", steps, warmup)
    except RuntimeError as err:  # keep the reference's figure even when our run fails
        ours = {"error": str(err).strip()[-500:] or "the mlxcy run died without a message"}
    ref_py = reference_python()
    ref = measure(ref_py, "mlx.core", steps, warmup) if ref_py else None
    torch_res = measure_torch(steps, warmup)
    torch_one = measure_torch(steps, warmup, threads=1)

    ok = "median_s" in ours
    result = {"mlxcy": ours, "reference": ref,
              "ratio_median": ratio(ours["median_s"], ref["median_s"]) if ref and ok else None}
    what = "2-layer Transformer LM (d 256, seq 128, batch 8) training step"
    if args.json:
        rows = [{"case": f"{what}, {label}", "headline": k == "median",
                 "mlxcy_ms": ours[f"{k}_s"] * 1e3 if ok else None,
                 "ref_ms": ref[f"{k}_s"] * 1e3 if ref else None,
                 "torch_ms": torch_res[f"{k}_s"] * 1e3 if torch_res else None}
                for k, label in (("median", "median"), ("min", "min"), ("forward", "inference forward, median"))]
        if torch_one and ok:
            rows += [{"case": f"{what}, {label} vs PyTorch on 1 thread", "headline": False,
                      "mlxcy_ms": ours[f"{k}_s"] * 1e3, "torch_ms": torch_one[f"{k}_s"] * 1e3}
                     for k, label in (("median", "median"), ("forward", "inference forward, median"))]
        notes = [f"PyTorch ran on {torch_res['threads']} thread(s) (its default)"] if torch_res else []
        write_json(args.json, "train_step_transformer", rows, quick=args.quick, notes=notes,
                   headline=f"{what}, median time", **({} if ok else {"error": ours["error"]}))
    print("train step: 2-layer Transformer LM, d=256, seq 128, batch 8 (forward+backward+SGD)")
    if ok:
        print(f"  mlxcy      median {ours['median_s'] * 1e3:8.2f} ms   min {ours['min_s'] * 1e3:8.2f} ms")
    else:
        print(f"  mlxcy      FAILED: {ours['error']}")
    if ref and ok:
        print(f"  reference  median {ref['median_s'] * 1e3:8.2f} ms   min {ref['min_s'] * 1e3:8.2f} ms")
        print(f"  ratio mlxcy/reference (median): {result['ratio_median']:.3f}  (target <= 0.9)")
        print(f"  final loss mlxcy {ours['loss']:.4f}  reference {ref['loss']:.4f}")
    elif ref:
        print(f"  reference  median {ref['median_s'] * 1e3:8.2f} ms   min {ref['min_s'] * 1e3:8.2f} ms")
    else:
        print("  reference binding not found (set MLXCY_BENCH_REF_PYTHON)")
    if ok:
        line = f"  inference forward, median: mlxcy {ours['forward_s'] * 1e3:.2f} ms"
        if ref:
            line += f"   reference {ref['forward_s'] * 1e3:.2f} ms"
        print(line)
    if torch_res:
        print(f"  PyTorch CPU ({torch_res['threads']} threads): step median {torch_res['median_s'] * 1e3:.2f} ms, "
              f"forward median {torch_res['forward_s'] * 1e3:.2f} ms"
              + (f"; mlxcy/PyTorch step {ratio(ours['median_s'], torch_res['median_s']):.2f}" if ok else ""))
        print(f"  PyTorch CPU (1 thread): step median {torch_one['median_s'] * 1e3:.2f} ms, "
              f"forward median {torch_one['forward_s'] * 1e3:.2f} ms")
    else:
        print("  PyTorch not installed: no PyTorch column")


if __name__ == "__main__":
    main()
