"""Run under mlxcy.launch: checks every collective against values computed locally.
Each rank's contribution is a known function of its rank, so every rank can compute the
expected result itself. Exits non-zero on the first mismatch."""
import sys

import numpy as np

import mlxcy as mx

world = mx.distributed.init(strict=True)
rank, size = world.rank(), world.size()


def contribution(r, shape, dtype):
    base = np.arange(int(np.prod(shape)), dtype=np.float64).reshape(shape)
    return (base + 10 * r).astype(dtype)


def check(name, got, expect):
    got = np.asarray(got)
    if got.shape != expect.shape or not np.allclose(got.astype(np.float64), expect.astype(np.float64)):
        print(f"FAIL {name}: got {got!r} expected {expect!r}", flush=True)
        sys.exit(3)


for dtype, np_dtype in [(mx.float32, np.float32), (mx.int32, np.int32), (mx.float16, np.float16)]:
    for shape in [(3,), (2, 4), (size * 2, 3)]:
        mine = contribution(rank, shape, np_dtype)
        everyone = [contribution(r, shape, np_dtype) for r in range(size)]
        x = mx.array(mine)
        check(f"all_sum {dtype} {shape}", mx.distributed.all_sum(x), sum(e.astype(np.float64) for e in everyone))
        check(f"all_max {dtype} {shape}", mx.distributed.all_max(x), np.max(everyone, axis=0))
        check(f"all_min {dtype} {shape}", mx.distributed.all_min(x), np.min(everyone, axis=0))
        check(f"all_gather {dtype} {shape}", mx.distributed.all_gather(x), np.concatenate(everyone, axis=0))
        if shape[0] % size == 0:
            total = sum(e.astype(np.float64) for e in everyone)
            part = shape[0] // size
            try:
                check(f"sum_scatter {dtype} {shape}", mx.distributed.sum_scatter(x), total[rank * part:(rank + 1) * part])
            except RuntimeError as e:   # libmlx's ring backend has no reduce-scatter
                if "not supported" not in str(e) and "not yet implemented" not in str(e):
                    raise

# send/recv around the ring
token = mx.array([float(rank)] * 4)
right, left = (rank + 1) % size, (rank - 1) % size
if rank % 2 == 0:
    mx.eval(mx.distributed.send(token, right))
    got = mx.distributed.recv((4,), mx.float32, left)
else:
    got = mx.distributed.recv_like(token, left)
    mx.eval(got)
    mx.eval(mx.distributed.send(token, right))
check("send/recv", got, np.full(4, float(left)))

# sub-groups: even and odd ranks (libmlx's ring backend cannot split; MPI can)
try:
    sub = world.split(rank % 2)
except RuntimeError as e:
    if "not supported" not in str(e):
        raise
    sub = None
if size >= 4 and sub is not None:
    check("split size", mx.array(sub.size()), np.array(size // 2))
    members = [r for r in range(size) if r % 2 == rank % 2]
    check("split all_sum", mx.distributed.all_sum(mx.array([float(rank)]), group=sub), np.array([float(sum(members))]))
print(f"rank {rank} ok", flush=True)
