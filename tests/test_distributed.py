"""mlxcy.distributed in one process and across real processes on 127.0.0.1 (ring backend)."""
import os
import shutil
import subprocess
import sys
import time

import numpy as np
import pytest

import mlxcy as mx
from _device import cuda_jit_or_skip

SCRIPTS = os.path.join(os.path.dirname(__file__), "distributed_scripts")


def launch(n, script, *args, timeout=120, backend="ring"):
    cmd = [sys.executable, "-m", "mlxcy.launch", "-n", str(n), "--backend", backend, "--timeout", str(timeout),
           os.path.join(SCRIPTS, script), *args]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=timeout + 30, cwd="/")


# ---- one process --------------------------------------------------------------------------

def test_single_process_group_is_identity():
    g = mx.distributed.init()
    assert (g.rank(), g.size()) == (0, 1)
    x = mx.array([[1.0, -2.0], [3.0, 4.0]])
    for fn in (mx.distributed.all_sum, mx.distributed.all_max, mx.distributed.all_min,
               mx.distributed.all_gather, mx.distributed.sum_scatter):
        np.testing.assert_array_equal(np.asarray(fn(x)), np.asarray(x))
        np.testing.assert_array_equal(np.asarray(fn(x, group=g)), np.asarray(x))
    with pytest.raises(ValueError):
        mx.distributed.send(x, 0)
    with pytest.raises(ValueError):
        mx.distributed.recv((2,), mx.float32, 0)
    with pytest.raises(RuntimeError):
        g.split(0)


def test_availability_and_bad_arguments():
    assert mx.distributed.is_available() and mx.distributed.is_available("ring")
    # a name no backend has is not available (the reference's answer), not an error
    for name in ("carrier-pigeon", "", "MPI"):
        assert mx.distributed.is_available(name) is False
    with pytest.raises(TypeError):
        mx.distributed.is_available(None)
    with pytest.raises(ValueError):
        mx.distributed.init(backend="carrier-pigeon")
    with pytest.raises(TypeError):
        mx.distributed.all_sum(mx.array([1.0]), group="world")
    with pytest.raises(TypeError):
        mx.distributed.Group()


# ---- real processes -----------------------------------------------------------------------

@pytest.mark.parametrize("n", [2, 4])
def test_collectives_across_processes(n):
    res = launch(n, "collectives.py")
    assert res.returncode == 0, res.stdout + res.stderr
    for r in range(n):
        assert f"[{r}] rank {r} ok" in res.stdout


def test_failing_rank_stops_every_rank_quickly():
    start = time.monotonic()
    res = launch(3, "failing_rank.py", timeout=60)
    elapsed = time.monotonic() - start
    assert res.returncode != 0
    assert "rank 1 fails on purpose" in res.stdout
    assert "stopping the others" in res.stderr
    assert elapsed < 30, elapsed


def test_launch_rejects_bad_usage():
    res = subprocess.run([sys.executable, "-m", "mlxcy.launch", "-n", "2", "/nonexistent.py"],
                         capture_output=True, text=True, cwd="/")
    assert res.returncode == 2 and "no such script" in res.stderr
    res = subprocess.run([sys.executable, "-m", "mlxcy.launch", os.path.join(SCRIPTS, "collectives.py")],
                         capture_output=True, text=True, cwd="/")
    assert res.returncode == 2


@pytest.mark.skipif(shutil.which("mpirun") is None, reason="MPI (mpirun) is not installed")
@pytest.mark.skipif(shutil.which("ssh") is None and shutil.which("rsh") is None,
                    reason="Open MPI's mpirun needs ssh or rsh on PATH, even to start local ranks")
def test_collectives_through_mpi():
    if not mx.distributed.is_available("mpi"):
        pytest.skip("libmlx was built without MPI support")
    res = launch(2, "collectives.py", backend="mpi")
    assert res.returncode == 0, res.stdout + res.stderr
    assert "rank 0 ok" in res.stdout and "rank 1 ok" in res.stdout


def test_sharded_layers_and_data_parallel_training():
    res = launch(2, "sharded_layers.py")
    assert res.returncode == 0, res.stdout + res.stderr
    assert "[0] rank 0 ok" in res.stdout and "[1] rank 1 ok" in res.stdout


def test_quantized_sharded_unfreeze_returns_none_and_keeps_weights_frozen():
    import mlxcy.nn as nn
    for cls in (nn.QuantizedAllToShardedLinear, nn.QuantizedShardedToAllLinear):
        layer = cls(64, 8)
        assert layer.unfreeze() is None   # as the reference's override
        assert layer.trainable_parameters() == {}


def test_shard_linear_of_a_layer_that_is_not_linear():
    import mlxcy.nn as nn
    shard_linear = nn.layers.distributed.shard_linear
    for module in (nn.ReLU(), nn.Embedding(4, 4)):
        # an AttributeError as in the reference, and a ValueError
        with pytest.raises(AttributeError, match="Linear or QuantizedLinear"):
            shard_linear(module, "all-to-sharded")
        with pytest.raises(ValueError, match="Linear or QuantizedLinear"):
            shard_linear(module, "sharded-to-all")
    # the sharding is checked first, as in the reference
    with pytest.raises(ValueError, match="bogus") as info:
        shard_linear(nn.ReLU(), "bogus")
    assert not isinstance(info.value, AttributeError)


def test_sharded_layers_on_one_process_equal_linear():
    import mlxcy.nn as nn
    full = nn.Linear(6, 4)
    x = mx.random.normal((3, 6))
    for cls in (nn.AllToShardedLinear, nn.ShardedToAllLinear):
        np.testing.assert_allclose(np.asarray(cls.from_linear(full)(x)), np.asarray(full(x)), rtol=1e-5, atol=1e-6)
    assert nn.fully_shard(full) is full
    assert repr(nn.AllToShardedLinear(4, 6)) == "AllToShardedLinear(input_dims=4, output_dims=6, bias=True)"
    q = nn.QuantizedLinear(64, 32)
    qs = nn.QuantizedShardedToAllLinear.from_quantized_linear(q)
    with cuda_jit_or_skip():
        np.testing.assert_allclose(np.asarray(qs(mx.ones((2, 64)))), np.asarray(q(mx.ones((2, 64)))), rtol=1e-5)
