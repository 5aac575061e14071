"""Run under mlxcy.launch: sharded linear layers and data-parallel training equal their
single-process counterparts (every rank builds the same full model from the same seed)."""
import sys

import numpy as np

import mlxcy as mx
import mlxcy.nn as nn
import mlxcy.optimizers as optim

world = mx.distributed.init(strict=True)
rank, size = world.rank(), world.size()


def close(name, a, b, tol=1e-4):
    a, b = np.asarray(a), np.asarray(b)
    if a.shape != b.shape or not np.allclose(a, b, rtol=tol, atol=tol):
        print(f"FAIL {name}: max diff {np.max(np.abs(a - b)) if a.shape == b.shape else (a.shape, b.shape)}", flush=True)
        sys.exit(3)


mx.random.seed(7)
full1, full2 = nn.Linear(8, 16), nn.Linear(16, 4)
x = mx.random.normal((5, 8))
mx.eval(full1.parameters(), full2.parameters(), x)

# forward: all-to-sharded then sharded-to-all equals the unsharded pair
s1 = nn.AllToShardedLinear.from_linear(full1)
s2 = nn.ShardedToAllLinear.from_linear(full2)
assert s1.weight.shape == (16 // size, 8) and s2.weight.shape == (4, 16 // size)
close("sharded forward", s2(s1(x)), full2(full1(x)))

# gradients: the sharded model's gradients are the matching slices of the full ones
def loss_full(x):
    return mx.sum(full2(full1(x)) ** 2)

def loss_sharded(x):
    return mx.sum(s2(s1(x)) ** 2)

close("input gradient", mx.grad(loss_sharded)(x), mx.grad(loss_full)(x))
g_full = nn.value_and_grad(full1, lambda m, x: mx.sum(full2(m(x)) ** 2))(full1, x)[1]
g_shard = nn.value_and_grad(s1, lambda m, x: mx.sum(s2(m(x)) ** 2))(s1, x)[1]
rows = 16 // size
close("weight gradient", g_shard["weight"], g_full["weight"][rank * rows:(rank + 1) * rows])

# data-parallel SGD with average_gradients equals one process on the combined batch
mx.random.seed(11)
batch_x, batch_y = mx.random.normal((8 * size, 8)), mx.random.normal((8 * size, 4))
def make():
    mx.random.seed(3)
    return nn.Sequential(nn.Linear(8, 16), nn.ReLU(), nn.Linear(16, 4))

def mse(model, x, y):
    return mx.mean((model(x) - y) ** 2)

single, parallel = make(), make()
opt_a, opt_b = optim.SGD(0.1), optim.SGD(0.1)
step_single = nn.value_and_grad(single, mse)
step_parallel = nn.value_and_grad(parallel, mse)
mine = slice(rank * 8, (rank + 1) * 8)
for _ in range(5):
    _, g = step_single(single, batch_x, batch_y)
    opt_a.update(single, g)
    _, g = step_parallel(parallel, batch_x[mine], batch_y[mine])
    opt_b.update(parallel, nn.average_gradients(g))
    mx.eval(single.parameters(), parallel.parameters())
from mlxcy.utils import tree_flatten
for (k, a), (_, b) in zip(tree_flatten(single.parameters()), tree_flatten(parallel.parameters())):
    close(f"data parallel {k}", a, b)

# fully sharded: forward equal, each rank keeps a slice
mx.random.seed(5)
base = nn.Linear(8, 4 * size)
ref_out = base(x)
mx.eval(ref_out)
fs = nn.fully_shard(base)
assert fs.module.weight.shape == (4, 8)
close("fully sharded forward", fs(x), ref_out)
print(f"rank {rank} ok", flush=True)
