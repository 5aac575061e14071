"""Memory accounting and limits, checked against real allocations."""
import gc

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
