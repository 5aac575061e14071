"""Memory accounting and limits, checked against real allocations."""
import gc
import subprocess
import sys
from pathlib import Path

import pytest

import mlxcy as mx

MB = 1 << 20


@pytest.fixture(autouse=True)
def _restore_limits():
    mem, cache = mx.get_memory_limit(), mx.set_cache_limit(1 << 40)
    mx.set_cache_limit(cache)
    yield
    mx.set_memory_limit(mem)
    mx.set_cache_limit(cache)
    mx.clear_cache()


def _alloc(nbytes):
    a = mx.zeros((nbytes // 4,), mx.float32) + 1   # an op result: a fresh evaluated buffer
    mx.eval(a)
    return a


def test_active_memory_follows_allocations():
    gc.collect()
    mx.clear_cache()
    before = mx.get_active_memory()
    a = _alloc(64 * MB)
    during = mx.get_active_memory()
    assert during - before >= 64 * MB
    del a
    gc.collect()
    assert mx.get_active_memory() <= before + MB


def test_cache_keeps_freed_buffers_until_cleared():
    mx.clear_cache()
    mx.set_cache_limit(256 * MB)   # the CPU default (32 MB here) would not hold the buffer
    a = _alloc(32 * MB)
    del a
    gc.collect()
    assert mx.get_cache_memory() >= 32 * MB
    mx.clear_cache()
    assert mx.get_cache_memory() == 0


def test_cache_limit_zero_disables_cache():
    mx.clear_cache()
    mx.set_cache_limit(0)
    a = _alloc(16 * MB)
    del a
    gc.collect()
    assert mx.get_cache_memory() == 0


def test_peak_memory_and_reset():
    mx.reset_peak_memory()
    base = mx.get_active_memory()
    a = _alloc(48 * MB)
    assert mx.get_peak_memory() >= base + 48 * MB
    del a
    gc.collect()
    assert mx.get_peak_memory() >= 48 * MB          # the peak survives the free
    mx.reset_peak_memory()
    assert mx.get_peak_memory() < 48 * MB


def test_limits_return_previous_values():
    old = mx.get_memory_limit()
    assert mx.set_memory_limit(1 << 30) == old
    assert mx.get_memory_limit() == 1 << 30
    assert mx.set_memory_limit(old) == 1 << 30
    prev_cache = mx.set_cache_limit(123 * MB)
    assert mx.set_cache_limit(prev_cache) == 123 * MB
    assert mx.set_wired_limit(0) == 0        # meaningful on Metal only; 0 elsewhere


@pytest.mark.parametrize("bad,exc", [(-1, TypeError), (1.5, TypeError), ("1", TypeError)])
def test_limit_bad_input(bad, exc):
    with pytest.raises(exc):
        mx.set_memory_limit(bad)
    with pytest.raises(exc):
        mx.set_cache_limit(bad)


def test_array_buffer_size():
    a = _alloc(4 * MB)
    b = a  # the same buffer counts once
    assert mx.get_array_buffer_size(a) >= 4 * MB
    assert mx.get_array_buffer_size([a, b]) == mx.get_array_buffer_size(a)
    c = _alloc(MB)
    assert mx.get_array_buffer_size(a, c) >= 5 * MB


# ---- set_memory_limit on the CPU backend (docs/memory.md) ------------------------------------

def _physical_memory():
    with open("/proc/meminfo") as f:
        fields = dict(line.split(":", 1) for line in f)
    return int(fields["MemTotal"].split()[0]) * 1024, int(fields["SwapTotal"].split()[0]) * 1024


@pytest.mark.cpu_only
@pytest.mark.skipif(not Path("/proc/meminfo").exists(), reason="reads /proc/meminfo")
def test_default_memory_limit_is_four_fifths_of_physical_memory():
    total, _ = _physical_memory()
    assert abs(mx.get_memory_limit() - 0.8 * total) < 0.001 * total


@pytest.mark.cpu_only
def test_memory_limit_is_recorded_but_not_enforced_on_cpu():
    # As in the reference: libmlx's CPU allocator never consults the limit.
    mx.set_memory_limit(16 * MB)
    assert mx.get_memory_limit() == 16 * MB
    a = _alloc(64 * MB)
    assert mx.get_active_memory() >= 64 * MB
    assert float(a[-1]) == 1.0


# ---- outputs too large to allocate (issue 17) ---------------------------------------------------

HUGE = (10**6, 10**6)


def _broadcast_huge():
    return mx.broadcast_to(mx.array(1.0), HUGE)


@pytest.mark.parametrize("make", [
    lambda: mx.zeros(HUGE),
    lambda: mx.ones(HUGE, dtype=mx.int8),
    lambda: mx.full(HUGE, 3.0),
    lambda: mx.eye(10**6),
    lambda: mx.tile(mx.ones((4, 4)), HUGE),
    lambda: mx.pad(mx.ones((2, 2)), 10**6),
    lambda: mx.random.normal(HUGE),
    lambda: mx.conv2d(mx.ones((1, 4, 4, 1)), mx.ones((1, 1, 1, 1)), padding=10**6),
    lambda: mx.fft.rfft2(mx.ones((4, 4)), s=HUGE),
    lambda: mx.ones((10**6, 1)) + mx.ones((1, 10**6)),
    lambda: mx.ones((10**6, 1)) @ mx.ones((1, 10**6)),
    lambda: _broadcast_huge() + 1,
    lambda: mx.contiguous(_broadcast_huge()),
    lambda: mx.kron(_broadcast_huge(), mx.ones((4, 4))),
    lambda: _broadcast_huge().reshape(10**3, 10**9),   # a reshape of a broadcast copies it
], ids=["zeros", "ones", "full", "eye", "tile", "pad", "normal", "conv2d", "rfft2", "broadcast_add",
        "matmul_out", "view_plus_one", "contiguous", "kron", "reshape_of_broadcast"])
def test_outputs_too_large_raise_memory_error_when_built(make):
    with pytest.raises(MemoryError, match=r"Unable to allocate .* for an array with shape"):
        make()


@pytest.mark.parametrize("use", [
    lambda b: b @ mx.ones((10**6, 1)),
    lambda b: mx.topk(b, 1),
    lambda b: mx.topk(b, 2, axis=0),
    lambda b: mx.linalg.det(b),
    lambda b: mx.random.categorical(b),
    lambda b: mx.random.permutation(b),
], ids=["matmul", "topk", "topk_axis0", "det", "categorical", "permutation"])
def test_ops_copying_a_huge_view_raise_memory_error(use):
    with pytest.raises(MemoryError):
        use(_broadcast_huge())


@pytest.mark.parametrize("save", [
    lambda p, b: mx.save(str(p / "a.npy"), b),
    lambda p, b: mx.savez(str(p / "a.npz"), b),
    lambda p, b: mx.save_safetensors(str(p / "a.safetensors"), {"b": b}),
], ids=["save", "savez", "save_safetensors"])
def test_saving_a_huge_view_raises_and_writes_nothing(tmp_path, save):
    with pytest.raises(MemoryError):
        save(tmp_path, _broadcast_huge())
    assert list(tmp_path.iterdir()) == []


def test_views_of_a_huge_broadcast_stay_usable():
    b = _broadcast_huge()
    mx.eval(b)                                   # a broadcast shares its input's memory
    assert b.shape == HUGE and b.T.shape == HUGE
    row = b[3] * 2                               # a 1-row view, then a small result
    assert row.shape == (10**6,) and float(row.sum()) == 2 * 10**6
    assert mx.expand_dims(b, 0).shape == (1,) + HUGE


def test_the_limit_is_not_a_budget():
    # arrays the machine can hold are untouched by the check, whatever is already in use
    a = mx.zeros((1 << 20,)) + 1
    assert float(a.sum()) == float(1 << 20)


@pytest.mark.skipif(mx.cuda.is_available(), reason="the CUDA runtime reserves more address space than the limit")
def test_the_limit_follows_the_process_address_space_limit():
    # RLIMIT_AS lowered to 8 GiB before mlxcy first sizes the machine: a 16 GiB output is refused,
    # a 1 GiB one is built and evaluated.
    code = (
        "import resource\n"
        "resource.setrlimit(resource.RLIMIT_AS, (8 << 30, resource.RLIM_INFINITY))\n"
        "import mlxcy as mx\n"
        "try:\n"
        "    mx.zeros((4, 1 << 30))\n"
        "    print('no error')\n"
        "except MemoryError as e:\n"
        "    print('MemoryError', e)\n"
        "a = mx.zeros((1 << 28,)) + 1\n"
        "print('ok', float(a[-1]))\n")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd="/", timeout=300)
    assert r.returncode == 0, r.stderr[-2000:]
    assert "MemoryError Unable to allocate 16 GiB" in r.stdout and "8 GiB" in r.stdout
    assert "ok 1.0" in r.stdout
