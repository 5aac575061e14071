"""Rank 1 raises; the others would wait forever in a collective."""
import mlxcy as mx

world = mx.distributed.init(strict=True)
if world.rank() == 1:
    raise RuntimeError("rank 1 fails on purpose")
mx.eval(mx.distributed.all_sum(mx.array([1.0])))
import time
time.sleep(600)
