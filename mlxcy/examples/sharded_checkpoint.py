"""Write a model as a sharded safetensors checkpoint and load it back with a progress bar.

Large checkpoints ship as several ``*.safetensors`` shards plus a ``model.safetensors.index.json``
whose ``weight_map`` says which shard holds each tensor (the Hugging Face layout). This example

1. builds a small multi-layer perceptron with ``mlxcy.nn``,
2. writes its weights as shards of at most ``--shard-mb`` MiB each, with the index file,
3. loads them into a fresh model with ``Module.load_weights(folder, mmap=True, progress=True)``
   (memory-mapped: nothing is read until used; tqdm draws the bar when installed, a plain line
   otherwise), and checks that both models compute the same thing.

Run ``python -m mlxcy.examples.sharded_checkpoint`` (``--help`` for the options). The checkpoint
goes to a temporary folder, deleted at the end, unless ``--out`` names one.
"""
import argparse
import json
import os
import sys
import tempfile

import mlxcy as mx
import mlxcy.nn as nn
from mlxcy.utils import tree_flatten

INDEX_NAME = "model.safetensors.index.json"


def build_model(width, layers):
    """An MLP of ``layers`` square Linear layers with GELU between them."""
    blocks = []
    for _ in range(layers - 1):
        blocks += [nn.Linear(width, width), nn.GELU()]
    return nn.Sequential(*blocks, nn.Linear(width, width))


def save_sharded(folder, weights, max_shard_bytes):
    """Write ``weights`` ({name: array}) to ``folder`` as ``model-0000i-of-0000n.safetensors``
    shards of at most ``max_shard_bytes`` each (a larger tensor gets a shard of its own) and the
    index file naming each tensor's shard. Returns the shard file names."""
    groups, current, current_bytes = [], {}, 0
    for name, value in weights.items():
        if current and current_bytes + value.nbytes > max_shard_bytes:
            groups.append(current)
            current, current_bytes = {}, 0
        current[name] = value
        current_bytes += value.nbytes
    if current:
        groups.append(current)
    os.makedirs(folder, exist_ok=True)
    names, weight_map = [], {}
    for i, group in enumerate(groups, start=1):
        shard = f"model-{i:05d}-of-{len(groups):05d}.safetensors"
        mx.save_safetensors(os.path.join(folder, shard), group, metadata={"format": "mlx"})
        weight_map.update({name: shard for name in group})
        names.append(shard)
    index = {"metadata": {"total_size": sum(v.nbytes for v in weights.values())}, "weight_map": weight_map}
    with open(os.path.join(folder, INDEX_NAME), "w") as f:
        json.dump(index, f, indent=2)
    return names


def run(folder, width, layers, shard_mb, progress, say):
    """Build, save as shards under ``folder``, reload and compare; returns a summary dict."""
    mx.random.seed(0)
    source = build_model(width, layers)
    weights = dict(tree_flatten(source.parameters()))
    mx.eval(weights)
    shards = save_sharded(folder, weights, int(shard_mb * (1 << 20)))
    total = sum(v.nbytes for v in weights.values())
    size = f"{total / (1 << 20):.1f} MiB" if total >= 1 << 20 else f"{total / 1024:.1f} KiB"
    say(f"wrote {len(weights)} tensors, {size}, as {len(shards)} shards in {folder}")

    mx.random.seed(1)   # a different initialisation, replaced by the loaded weights
    target = build_model(width, layers)
    target.load_weights(folder, mmap=True, progress=progress)

    x = mx.random.normal((4, width))
    same = mx.array_equal(source(x), target(x)).item()
    say("reloaded model computes the same outputs" if same else "MISMATCH after reloading")
    return {"shards": shards, "tensors": len(weights), "bytes": total, "same": same}


def main(argv=None):
    ap = argparse.ArgumentParser(prog="python -m mlxcy.examples.sharded_checkpoint",
                                 description="Write a sharded safetensors checkpoint and load it with progress.")
    ap.add_argument("--out", help="folder for the checkpoint (default: a temporary folder, deleted)")
    ap.add_argument("--width", type=int, default=512, help="layer width (default 512)")
    ap.add_argument("--layers", type=int, default=8, help="Linear layers (default 8: ~8 MiB)")
    ap.add_argument("--shard-mb", type=float, default=2.0, help="largest shard, MiB (default 2)")
    ap.add_argument("--no-progress", action="store_true", help="do not draw the progress bar")
    args = ap.parse_args(argv)
    if args.width < 1 or args.layers < 1 or not args.shard_mb > 0:
        ap.error("--width, --layers and --shard-mb must be positive")

    def say(text):
        print(text, flush=True)

    if args.out is not None:
        summary = run(args.out, args.width, args.layers, args.shard_mb, not args.no_progress, say)
    else:
        with tempfile.TemporaryDirectory(prefix="mlxcy-shards-") as folder:
            summary = run(folder, args.width, args.layers, args.shard_mb, not args.no_progress, say)
    return 0 if summary["same"] else 1


if __name__ == "__main__":
    sys.exit(main())
