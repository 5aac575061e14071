"""Train a small character-level transformer language model with mlxcy, end to end.

Run ``python -m mlxcy.demo`` (or the ``mlxcy-demo`` script). In a minute or two on a laptop CPU
it:

1. reads the text corpus that ships with the package (``mlxcy/data/corpus.txt``),
2. builds a small causal transformer with ``mlxcy.nn`` and trains it with ``mlxcy.optimizers.AdamW``,
   showing a progress bar with the loss and the tokens per second,
3. saves the weights as safetensors, reopens them memory-mapped (zero-copy where the build
   supports it), and checks they are the trained ones,
4. generates a sample of text from the reopened weights,
5. plots the loss curve to a PNG (needs matplotlib: ``pip install matplotlib``).

Everything is written to the ``--out`` folder.
"""
import argparse
import importlib.resources
import inspect
import json
import math
import os
import sys
import time

import mlxcy as mx
import mlxcy.nn as nn
import mlxcy.optimizers as optim
from mlxcy.utils import tree_flatten
from mlxcy._progress import progress_bar

PROG = "mlxcy-demo"
WEIGHTS_NAME = "charlm.safetensors"
SAMPLE_NAME = "sample.txt"
PLOT_NAME = "loss.png"
HISTORY_NAME = "losses.json"


class DemoError(Exception):
    """A problem with the user's request, reported as one line and exit status 2."""


# ---------------------------------------------------------------- data

def load_corpus():
    """The text shipped with the package."""
    return importlib.resources.files("mlxcy").joinpath("data", "corpus.txt").read_text(encoding="utf-8")


class CharCodec:
    """Maps each distinct character of a text to an integer id and back."""

    def __init__(self, text):
        self.chars = sorted(set(text))
        self.index = {c: i for i, c in enumerate(self.chars)}

    @property
    def size(self):
        return len(self.chars)

    def encode(self, text):
        return [self.index[c] for c in text if c in self.index]

    def decode(self, ids):
        return "".join(self.chars[i] for i in ids)


def sample_batch(data, batch, context):
    """``batch`` random windows of ``context + 1`` ids: inputs and next-character targets."""
    starts = mx.random.randint(0, data.size - context - 1, (batch, 1))
    windows = mx.take(data, starts + mx.arange(context + 1))
    return windows[:, :-1], windows[:, 1:]


# ---------------------------------------------------------------- model

class Block(nn.Module):
    """Pre-norm transformer block: causal self-attention then a GELU MLP, both residual."""

    def __init__(self, dims, heads):
        super().__init__()
        self.norm1 = nn.LayerNorm(dims)
        self.attention = nn.MultiHeadAttention(dims, heads)
        self.norm2 = nn.LayerNorm(dims)
        self.up = nn.Linear(dims, 4 * dims)
        self.down = nn.Linear(4 * dims, dims)

    def __call__(self, x, mask):
        h = self.norm1(x)
        x = x + self.attention(h, h, h, mask)
        return x + self.down(nn.gelu(self.up(self.norm2(x))))


class CharLM(nn.Module):
    """A small causal language model over characters with learned positions."""

    def __init__(self, vocab, dims, layers, heads, context):
        super().__init__()
        self.context = context
        self.tokens = nn.Embedding(vocab, dims)
        self.positions = nn.Embedding(context, dims)
        self.blocks = [Block(dims, heads) for _ in range(layers)]
        self.norm = nn.LayerNorm(dims)
        self.head = nn.Linear(dims, vocab)

    def __call__(self, ids):
        n = ids.shape[1]
        x = self.tokens(ids) + self.positions(mx.arange(n))
        mask = nn.MultiHeadAttention.create_additive_causal_mask(n).astype(x.dtype)
        for block in self.blocks:
            x = block(x, mask)
        return self.head(self.norm(x))


def generate(model, codec, prompt, length, temperature=0.8):
    """Extend ``prompt`` by ``length`` characters sampled from the model."""
    ids = codec.encode(prompt) or [0]
    for _ in range(length):
        window = mx.array([ids[-model.context:]], dtype=mx.int32)
        logits = model(window)[:, -1, :]
        ids.append(int(mx.random.categorical(logits * (1.0 / temperature)).item()))
    return codec.decode(ids)


# ---------------------------------------------------------------- reporting

def plot_losses(losses, path):
    """Write the loss curve to ``path``; returns False when matplotlib is missing."""
    try:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return False
    fig, ax = plt.subplots(figsize=(6, 3.5))
    ax.plot(range(1, len(losses) + 1), losses, lw=1, label="loss per step")
    k = max(1, len(losses) // 20)
    if k > 1:
        smooth = [sum(losses[max(0, i - k + 1):i + 1]) / len(losses[max(0, i - k + 1):i + 1])
                  for i in range(len(losses))]
        ax.plot(range(1, len(losses) + 1), smooth, lw=2, label=f"moving mean ({k})")
    ax.set_xlabel("step")
    ax.set_ylabel("cross-entropy (nats/char)")
    ax.set_title("mlxcy demo: character-level transformer")
    ax.legend()
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)
    return True


def open_weights(path):
    """Reopen a safetensors file, memory-mapped when this build's ``load`` supports it."""
    try:
        params = inspect.signature(mx.load).parameters
    except (TypeError, ValueError):
        params = {}
    if "mmap" in params:
        return mx.load(path, mmap=True), True
    return mx.load(path), False


# ---------------------------------------------------------------- command line

def _positive_int(text):
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a positive integer, got {text!r}") from None
    if value <= 0:
        raise argparse.ArgumentTypeError(f"expected a positive integer, got {value}")
    return value


def _positive_float(text):
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a positive number, got {text!r}") from None
    if not (value > 0 and math.isfinite(value)):
        raise argparse.ArgumentTypeError(f"expected a positive number, got {text}")
    return value


def build_parser():
    """The command-line interface."""
    ap = argparse.ArgumentParser(
        prog=PROG, description="Train a small character-level transformer with mlxcy, save it as "
        "safetensors, reopen it memory-mapped, sample from it and plot the loss curve.")
    ap.add_argument("--steps", type=_positive_int, default=300, help="training steps (default 300)")
    ap.add_argument("--d-model", type=_positive_int, default=64, help="model width (default 64)")
    ap.add_argument("--layers", type=_positive_int, default=2, help="transformer blocks (default 2)")
    ap.add_argument("--heads", type=_positive_int, default=4, help="attention heads; must divide --d-model (default 4)")
    ap.add_argument("--context", type=_positive_int, default=64, help="characters of context (default 64)")
    ap.add_argument("--batch", type=_positive_int, default=16, help="sequences per step (default 16)")
    ap.add_argument("--lr", type=_positive_float, default=3e-3, help="AdamW learning rate (default 3e-3)")
    ap.add_argument("--sample-length", type=_positive_int, default=300, help="characters to generate (default 300)")
    ap.add_argument("--out", default="mlxcy-demo-out", help="output folder (default ./mlxcy-demo-out)")
    ap.add_argument("--device", choices=["cpu", "gpu"], default="cpu", help="where to compute (default cpu)")
    ap.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    ap.add_argument("--no-progress", action="store_true", help="do not draw the progress bar")
    return ap


def check_args(ap, args):
    """Errors argparse cannot see alone; reported through ``ap.error`` (exit status 2)."""
    if args.d_model % args.heads:
        ap.error(f"--heads {args.heads} must divide --d-model {args.d_model}")
    if args.device == "gpu" and not mx.is_available(mx.gpu):
        ap.error("--device gpu: this mlxcy build has no GPU backend available (on Linux with an "
                 "NVIDIA GPU, replace mlx-cpu by a CUDA backend: pip uninstall mlx-cpu, then "
                 "pip install mlx-cuda-13==0.32.4)")


def prepare_out(folder):
    """Create ``folder`` and make sure we can write there."""
    try:
        os.makedirs(folder, exist_ok=True)
        probe = os.path.join(folder, ".mlxcy-demo-write-test")
        with open(probe, "w") as f:
            f.write("ok")
        os.remove(probe)
    except OSError as e:
        raise DemoError(f"cannot write to the output folder {folder!r}: {e.strerror or e}") from None


# ---------------------------------------------------------------- the run

def train(args, say):
    """Run the whole demo; returns a dict describing what was produced."""
    mx.set_default_device(mx.gpu if args.device == "gpu" else mx.cpu)
    mx.random.seed(args.seed)

    text = load_corpus()
    codec = CharCodec(text)
    data = mx.array(codec.encode(text), dtype=mx.int32)
    if data.size <= args.context + 1:
        raise DemoError(f"--context {args.context} is longer than the corpus ({data.size} characters)")
    say(f"corpus: {data.size} characters, {codec.size} distinct; device: {mx.default_device()}")

    model = CharLM(codec.size, args.d_model, args.layers, args.heads, args.context)
    mx.eval(model.parameters())
    n_params = sum(v.size for _, v in tree_flatten(model.parameters()))
    say(f"model: {args.layers} blocks, width {args.d_model}, {args.heads} heads, "
        f"context {args.context}: {n_params:,} parameters")

    def loss_fn(model, inputs, targets):
        return nn.losses.cross_entropy(model(inputs), targets, reduction="mean")

    loss_and_grad = nn.value_and_grad(model, loss_fn)
    optimizer = optim.AdamW(learning_rate=args.lr, weight_decay=0.01)

    losses = []
    bar = progress_bar(args.steps, "training", "step", not args.no_progress)
    tokens_per_step = args.batch * args.context
    start = time.perf_counter()
    for step in range(args.steps):
        inputs, targets = sample_batch(data, args.batch, args.context)
        loss, grads = loss_and_grad(model, inputs, targets)
        optimizer.update(model, grads)
        mx.eval(loss, model.parameters(), optimizer.state)
        losses.append(loss.item())
        elapsed = time.perf_counter() - start
        rate = tokens_per_step * (step + 1) / max(elapsed, 1e-9)
        bar.set_postfix_str(f"loss={losses[-1]:.3f} tok/s={rate:,.0f}")
        bar.update(1)
    elapsed = time.perf_counter() - start
    bar.close()
    rate = tokens_per_step * args.steps / elapsed
    say(f"trained {args.steps} steps in {elapsed:.1f}s ({rate:,.0f} tokens/s); "
        f"loss {losses[0]:.3f} -> {losses[-1]:.3f}")

    weights_path = os.path.join(args.out, WEIGHTS_NAME)
    trained = dict(tree_flatten(model.parameters()))
    config = {"vocab": codec.size, "dims": args.d_model, "layers": args.layers,
              "heads": args.heads, "context": args.context}
    mx.save_safetensors(weights_path, trained,
                        metadata={"config": json.dumps(config), "chars": json.dumps(codec.chars)})
    say(f"saved {len(trained)} tensors ({os.path.getsize(weights_path):,} bytes) to {weights_path}")

    reopened, mapped = open_weights(weights_path)
    same = all(mx.array_equal(reopened[k], v).item() for k, v in trained.items())
    if not same or set(reopened) != set(trained):
        raise RuntimeError("the reopened weights differ from the saved ones")
    fresh = CharLM(**config)
    fresh.load_weights(list(reopened.items()))
    say(f"reopened {weights_path} " + ("memory-mapped (zero-copy)" if mapped else
                                         "(this build's load has no mmap option: read into memory)"))

    sample = generate(fresh, codec, "The ", args.sample_length)
    sample_path = os.path.join(args.out, SAMPLE_NAME)
    with open(sample_path, "w", encoding="utf-8") as f:
        f.write(sample + "\n")
    say("sample from the reopened model:\n" + "-" * 60 + "\n" + sample + "\n" + "-" * 60)

    history_path = os.path.join(args.out, HISTORY_NAME)
    with open(history_path, "w") as f:
        json.dump({"losses": losses, "seconds": elapsed, "tokens_per_second": rate, "config": config}, f)

    plot_path = os.path.join(args.out, PLOT_NAME)
    if plot_losses(losses, plot_path):
        say(f"loss curve: {plot_path}")
    else:
        plot_path = None
        say("loss curve not drawn: matplotlib is not installed (pip install matplotlib); "
            f"the losses are in {history_path}")
    return {"weights": weights_path, "sample": sample_path, "plot": plot_path,
            "history": history_path, "losses": losses, "mmap": mapped}


def main(argv=None):
    """Entry point of ``python -m mlxcy.demo`` and ``mlxcy-demo``; returns the exit status."""
    ap = build_parser()
    args = ap.parse_args(argv)
    check_args(ap, args)
    try:
        prepare_out(args.out)
        train(args, print)
    except DemoError as e:
        print(f"{PROG}: error: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"\n{PROG}: interrupted", file=sys.stderr)
        return 130
    return 0


if __name__ == "__main__":
    sys.exit(main())
