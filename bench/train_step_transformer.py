"""One training step of a small Transformer language model: mlxcy vs the reference binding.

Model: token embedding (vocab 1024) -> 2 pre-norm encoder layers (d=256, 4 heads, causal mask)
-> output projection; batch 8 x sequence 128; cross-entropy; forward + backward through
``nn.value_and_grad`` + a plain SGD update written here; evaluated each step.
Target (issue 8): mlxcy <= 0.9x the reference's time per step on CPU.

Run: python bench/train_step_transformer.py [--steps N] [--quick] [--json OUT]
"""
import argparse
import sys

from _peers import add_common_args, reference_python, run_with_module, ratio, write_json

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
print(json.dumps({"median_s": times[len(times) // 2], "min_s": times[0], "loss": loss.item()}))
"""


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

    ok = "median_s" in ours
    result = {"mlxcy": ours, "reference": ref,
              "ratio_median": ratio(ours["median_s"], ref["median_s"]) if ref and ok else None}
    what = "2-layer Transformer LM (d 256, seq 128, batch 8) training step"
    if args.json:
        rows = [{"case": f"{what}, {k}", "headline": k == "median",
                 "mlxcy_ms": ours[f"{k}_s"] * 1e3 if ok else None,
                 "ref_ms": ref[f"{k}_s"] * 1e3 if ref else None} for k in ("median", "min")]
        write_json(args.json, "train_step_transformer", rows, quick=args.quick,
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


if __name__ == "__main__":
    main()
