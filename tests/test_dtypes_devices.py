"""Dtype objects and categories, finfo/iinfo, result_type, devices, streams, eval."""
import os
import pickle
import threading

import numpy as np
import pytest

import mlxcy as mx

NP_OF = {mx.bool_: np.bool_, mx.uint8: np.uint8, mx.uint16: np.uint16, mx.uint32: np.uint32,
         mx.uint64: np.uint64, mx.int8: np.int8, mx.int16: np.int16, mx.int32: np.int32,
         mx.int64: np.int64, mx.float16: np.float16, mx.float32: np.float32, mx.float64: np.float64,
         mx.complex64: np.complex64}
ALL = list(NP_OF) + [mx.bfloat16]


def test_dtype_objects():
    for dt in ALL:
        assert dt.size == (2 if dt == mx.bfloat16 else np.dtype(NP_OF[dt]).itemsize)
        name = "bool" if dt == mx.bool_ else ("bfloat16" if dt == mx.bfloat16 else np.dtype(NP_OF[dt]).name)
        assert repr(dt) == "mlx.core." + name
        assert dt == dt and hash(dt) == hash(dt)
        assert pickle.loads(pickle.dumps(dt)) is dt
    assert len(set(ALL)) == 14
    assert mx.float32 != mx.float16 and mx.float32 != "float32"
    with pytest.raises(TypeError):
        mx.Dtype()


def _np_category(dt):
    if dt == mx.bfloat16:
        return np.floating
    return NP_OF[dt]


@pytest.mark.parametrize("cat,np_cat", [(mx.complexfloating, np.complexfloating), (mx.floating, np.floating),
                                        (mx.inexact, np.inexact), (mx.signedinteger, np.signedinteger),
                                        (mx.unsignedinteger, np.unsignedinteger), (mx.integer, np.integer),
                                        (mx.number, np.number), (mx.generic, np.generic)])
def test_issubdtype_matches_numpy_hierarchy(cat, np_cat):
    for dt in ALL:
        assert mx.issubdtype(dt, cat) == np.issubdtype(_np_category(dt), np_cat), (dt, cat)
    assert mx.issubdtype(cat, mx.generic)
    assert mx.issubdtype(mx.float32, mx.float32) and not mx.issubdtype(mx.float32, mx.float16)


def test_issubdtype_bad_input():
    with pytest.raises(ValueError):
        mx.issubdtype(mx.float32, "a")


@pytest.mark.parametrize("dt", [mx.float16, mx.float32, mx.float64])
def test_finfo_matches_numpy(dt):
    f, n = mx.finfo(dt), np.finfo(NP_OF[dt])
    assert f.max == float(n.max) and f.min == float(n.min) and f.eps == float(n.eps)
    assert f.bits == n.bits and f.dtype == dt
    assert f.smallest_normal == float(n.smallest_normal)


def test_finfo_bfloat16_and_errors():
    f = mx.finfo(mx.bfloat16)
    assert f.eps == 2.0 ** -7 and f.bits == 16
    assert repr(mx.finfo(mx.float32)) == "finfo(min=-3.40282e+38, max=3.40282e+38, dtype=float32)"
    with pytest.raises(ValueError, match="not inexact"):
        mx.finfo(mx.int32)


@pytest.mark.parametrize("dt", [mx.uint8, mx.uint16, mx.uint32, mx.uint64, mx.int8, mx.int16, mx.int32, mx.int64])
def test_iinfo_matches_numpy(dt):
    i, n = mx.iinfo(dt), np.iinfo(NP_OF[dt])
    assert (i.min, i.max) == (int(n.min), int(n.max))
    with pytest.raises(ValueError):
        mx.iinfo(mx.float32)


def test_result_type_promotion_table():
    # NumPy's promotion, except that MLX keeps 64-bit ints + float16 at float16 and bfloat16
    # with float16 goes to float32 (hand-checked against the MLX type lattice).
    cases = [(mx.int8, mx.uint8, mx.int16), (mx.bool_, mx.int8, mx.int8), (mx.float16, mx.bfloat16, mx.float32),
             (mx.uint64, mx.int64, mx.float32), (mx.complex64, mx.float64, mx.complex64),
             (mx.int32, mx.float32, mx.float32), (mx.uint32, mx.int32, mx.int64)]
    for a, b, expect in cases:
        assert mx.result_type(a, b) == expect, (a, b)
        assert mx.result_type(mx.zeros((1,), a), b) == expect
    with pytest.raises(ValueError):
        mx.result_type(mx.array(1), 1.0)


# ---- devices and streams --------------------------------------------------------------------

def test_devices():
    d = mx.default_device()
    kind = os.environ.get("MLXCY_TEST_DEVICE", "cpu").lower()   # the device conftest.py made default
    assert d == mx.Device(getattr(mx, kind)) and d == getattr(mx, kind) and repr(d) == f"Device({kind}, 0)"
    assert mx.Device(mx.gpu, 1) == mx.Device(mx.gpu, 1) and mx.Device(mx.cpu) != mx.Device(mx.cpu, 1)
    assert mx.Device(mx.cpu).type == mx.DeviceType.cpu
    assert list(mx.DeviceType) == [mx.cpu, mx.gpu]
    assert mx.is_available(mx.cpu) and mx.device_count(mx.cpu) == 1
    info = mx.device_info(mx.cpu)
    assert isinstance(info, dict) and all(isinstance(k, str) for k in info)
    with pytest.raises(TypeError):
        mx.Device("cpu")


def test_device_equals_its_device_type_only_at_index_0():
    assert mx.Device(mx.cpu, 0) == mx.cpu and not mx.Device(mx.cpu, 0) != mx.cpu
    assert not mx.Device(mx.cpu, 1) == mx.cpu and mx.Device(mx.cpu, 1) != mx.cpu
    assert not mx.Device(mx.gpu, 0) == mx.cpu
    # the member's side compares the kind only (the reference's rule, kept for code relying on it)
    assert mx.cpu == mx.Device(mx.cpu, 1) and not mx.cpu != mx.Device(mx.cpu, 1)
    assert not mx.gpu == mx.Device(mx.cpu, 0)


def test_device_type_integers_accepted_where_a_device_type_is():
    # 0 and 1 (also as bools, NumPy integers, 0-d arrays) stand for cpu and gpu, as in the reference
    assert mx.device_count(0) == 1 and mx.device_count(np.int32(0)) == 1
    assert mx.device_count(True) == mx.device_count(mx.gpu) == mx.device_count(1)
    assert mx.Device(True) == mx.Device(mx.gpu, 0) and mx.Device(np.int64(0), 2) == mx.Device(mx.cpu, 2)
    assert mx.Device(mx.array(0)) == mx.Device(mx.cpu)
    assert mx.is_available(np.int64(0)) and mx.default_stream(mx.array(0)) == mx.default_stream(mx.cpu)
    assert mx.add(1, 2, stream=np.int32(0)).item() == 3
    for bad in (2, -1, 0.0, "cpu", mx.Device(mx.cpu)):
        with pytest.raises(TypeError):
            mx.device_count(bad)
    for bad in (2, -1, 0.0, "cpu"):
        with pytest.raises(TypeError):
            mx.Device(bad)
        with pytest.raises(TypeError):
            mx.add(1, 2, stream=bad)


@pytest.mark.parametrize("index", [2**31, -2**31 - 1, 2**40, 2**63, 1.0])
def test_device_index_beyond_32_bits_or_not_an_int_is_a_type_error(index):
    with pytest.raises(TypeError) as info:
        mx.Device(mx.cpu, index)
    assert not isinstance(info.value, OverflowError)


def test_device_index_edges():
    assert repr(mx.Device(mx.cpu, -2**31)) == "Device(cpu, -2147483648)"
    assert repr(mx.Device(mx.gpu, np.int32(3))) == "Device(gpu, 3)"
    assert mx.Device(mx.cpu, True) == mx.Device(mx.cpu, 1)


@pytest.mark.skipif(mx.is_available(mx.gpu), reason="this machine has a GPU backend")
def test_no_gpu_errors():
    assert not mx.is_available(mx.gpu)
    with pytest.raises(ValueError):
        mx.set_default_device(mx.gpu)
    with pytest.raises(ValueError):
        mx.new_stream(mx.gpu)


def test_streams_and_stream_context():
    s0 = mx.default_stream(mx.cpu)
    assert s0 == mx.default_stream(mx.Device(mx.cpu)) and s0.device == mx.Device(mx.cpu)
    assert mx.default_stream(mx.default_device()).device == mx.default_device()
    s1 = mx.new_stream(mx.cpu)
    assert s1 != s0 and repr(s1).startswith("Stream(Device(cpu, 0), ")
    with mx.stream(s1):
        assert mx.default_stream(mx.cpu) == s1
        y = mx.add(mx.array(1), mx.array(2))
    assert mx.default_stream(mx.cpu) == s0
    assert y.item() == 3
    assert mx.add(mx.array(1), 2, stream=s1).item() == 3
    assert mx.add(mx.array(1), mx.array(2), stream=mx.cpu).item() == 3
    mx.synchronize(s1)
    mx.synchronize()
    with pytest.raises(TypeError):
        mx.stream(None)
    with pytest.raises(TypeError):
        mx.add(1, 2, stream="cpu")


def test_set_default_stream_round_trip():
    s0 = mx.default_stream(mx.cpu)
    s1 = mx.new_stream(mx.cpu)
    mx.set_default_stream(s1)
    try:
        assert mx.default_stream(mx.cpu) == s1
    finally:
        mx.set_default_stream(s0)
    assert mx.default_stream(mx.cpu) == s0


def test_thread_local_and_unsafe_streams():
    tls = mx.new_thread_local_stream(mx.cpu)
    assert repr(tls).startswith("ThreadLocalStream(Device(cpu, 0)")
    results = []

    def work(v):
        results.append(mx.multiply(mx.array(v), 2, stream=tls).item())

    threads = [threading.Thread(target=work, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(results) == [0, 2, 4, 6]
    s = mx.new_thread_unsafe_stream(mx.cpu)
    assert mx.add(1, 1, stream=s).item() == 2


# ---- eval -----------------------------------------------------------------------------------

def test_eval_over_trees_ignores_other_leaves():
    a, b, c = mx.array(1) + 1, mx.array(2) * 3, mx.array(4) - 1
    mx.eval(a, [b, "text", 3], {"k": (c, None)})
    assert (a.item(), b.item(), c.item()) == (2, 6, 3)
    mx.eval()
    d = mx.array([1.0, 2.0]) * 2
    mx.async_eval(d)
    assert d.tolist() == [2.0, 4.0]


def test_eval_releases_the_gil():
    # Another Python thread keeps running while a long eval is in progress.
    x = mx.ones((1500, 1500))
    y = x
    for _ in range(6):
        y = y @ x / 1500.0
    ticks = []
    stop = threading.Event()

    def ticker():
        while not stop.is_set():
            ticks.append(1)

    t = threading.Thread(target=ticker)
    t.start()
    while not ticks:
        pass
    before = len(ticks)
    mx.eval(y)
    during = len(ticks) - before
    stop.set()
    t.join()
    # Had eval held the GIL, the ticker could not have appended while it ran.
    assert during > 1000
    assert y[0].tolist()[0] == pytest.approx(1.0, rel=1e-3)


def test_enum_members_print_like_the_reference():
    # The reference's enums print as Kind.member (no angle brackets, no value).
    assert repr(mx.cpu) == str(mx.cpu) == "DeviceType.cpu"
    assert repr(mx.gpu) == "DeviceType.gpu"
    assert repr(mx.floating) == "DtypeCategory.floating"
    assert repr([mx.integer]) == "[DtypeCategory.integer]"


def test_stream_context_enter_and_exit_return_none():
    # As the reference's: `with mx.stream(s) as x` binds None, and __exit__ does not swallow.
    ctx = mx.stream(mx.cpu)
    assert ctx.__enter__() is None
    assert ctx.__exit__(None, None, None) is None
    with pytest.raises(ZeroDivisionError):
        with mx.stream(mx.cpu):
            1 / 0
