"""Array creation ops: zeros/ones/full/empty (+ _like), arange, linspace, eye, identity, tri,
tril/triu, meshgrid and the window functions. NumPy is the oracle."""
import numpy as np
import pytest

import mlxcy as mx
from _device import cpu_only, libmlx_cuda
from _oracles import ALL_DTYPES, NP_DTYPES, check_equal, make


# ---- zeros / ones / empty / full ----------------------------------------------------------

@pytest.mark.parametrize("dtype", ALL_DTYPES)
@pytest.mark.parametrize("fn,npfn", [(mx.zeros, np.zeros), (mx.ones, np.ones), (mx.empty, np.zeros)])
def test_zeros_ones_empty_dtypes(fn, npfn, dtype):
    check_equal(fn((2, 3), dtype), npfn((2, 3), NP_DTYPES[dtype]), dtype)


@pytest.mark.parametrize("shape", [3, (3,), [2, 3], (), (0,), (2, 0, 3), np.int64(2), (np.int64(2), 1),
                                   np.array([2, 3]), range(3)])
def test_zeros_shape_forms(shape):
    expected = np.zeros(tuple(shape) if not isinstance(shape, (int, np.integer)) else (int(shape),))
    check_equal(mx.zeros(shape), expected, mx.float32)
    check_equal(mx.ones(shape, dtype=None), np.ones(expected.shape), mx.float32)


def test_zeros_stream_argument():
    check_equal(mx.zeros(2, stream=mx.cpu), np.zeros(2))
    check_equal(mx.ones(2, stream=mx.default_stream(mx.cpu)), np.ones(2))
    with pytest.raises(TypeError):
        mx.zeros(2, stream="cpu")


@pytest.mark.parametrize("fn", [mx.zeros, mx.ones, mx.empty])
def test_zeros_bad_input(fn):
    with pytest.raises(ValueError, match="Negative"):
        fn((2, -1))
    with pytest.raises(RuntimeError, match="shape"):
        fn((2, 3.0))
    with pytest.raises(RuntimeError, match="shape"):
        fn(2.0)
    with pytest.raises(TypeError):
        fn(None)
    with pytest.raises(TypeError):
        fn((2,), "float32")


@pytest.mark.parametrize("vals,dtype,expected_dtype", [
    (3, None, mx.int32), (3.0, None, mx.float32), (True, None, mx.bool_), (1j, None, mx.complex64),
    (2**40, None, mx.int64), (np.float64(1.5), None, mx.float32),
    (3, mx.float16, mx.float16), (1.5, mx.bfloat16, mx.bfloat16), (1, mx.uint64, mx.uint64),
    (True, mx.int8, mx.int8), (3, mx.complex64, mx.complex64), cpu_only(2.5, mx.float64, mx.float64),
    # a Python float typed against an integer dtype stays float, as in the reference
    (3.5, mx.int32, mx.float32), (2, mx.bool_, mx.int32),
])
def test_full_dtype_rules(vals, dtype, expected_dtype):
    a = mx.full((2, 2), vals, dtype)
    assert a.dtype == expected_dtype
    check_equal(a, np.full((2, 2), vals).astype(NP_DTYPES[expected_dtype]))


def test_full_array_values():
    # arrays broadcast and keep their dtype; other array-likes take the requested dtype
    check_equal(mx.full((2, 2), mx.array([1, 2])), [[1, 2], [1, 2]], mx.int32)
    check_equal(mx.full((2,), make([1, 2], mx.int8), mx.float32), [1, 2], mx.int8)
    check_equal(mx.full((2,), np.array(1.5), mx.int32), [1, 1], mx.int32)
    check_equal(mx.full((2,), np.array([1.5, 2.0])), [1.5, 2.0], mx.float32)
    check_equal(mx.full(3, 7), [7, 7, 7], mx.int32)
    check_equal(mx.full((), 7), np.array(7), mx.int32)
    check_equal(mx.full((0, 2), 1.0), np.ones((0, 2)), mx.float32)


def test_full_bad_input():
    with pytest.raises(ValueError, match="overflow"):
        mx.full((2,), 300, mx.int8)
    with pytest.raises(ValueError, match="list"):
        mx.full((2,), [1, 2])
    with pytest.raises(ValueError, match="broadcast"):
        mx.full((2, 2), mx.array([1, 2, 3]))
    with pytest.raises(ValueError, match="Negative"):
        mx.full((-1,), 3)


@pytest.mark.parametrize("dtype", ALL_DTYPES)
def test_like_ops_keep_dtype(dtype):
    a = make(np.arange(6).reshape(2, 3) % 2, dtype)
    np_dt = NP_DTYPES[dtype]
    check_equal(mx.zeros_like(a), np.zeros((2, 3), np_dt), dtype)
    check_equal(mx.empty_like(a), np.zeros((2, 3), np_dt), dtype)
    check_equal(mx.ones_like(a), np.ones((2, 3), np_dt), dtype)
    check_equal(mx.full_like(a, 1), np.ones((2, 3), np_dt), dtype)


def test_like_ops_dtype_override_and_casts():
    a = mx.array([1, 2])
    check_equal(mx.ones_like(a, mx.float16), [1.0, 1.0], mx.float16)
    check_equal(mx.zeros_like(a, dtype=mx.complex64), [0, 0], mx.complex64)
    check_equal(mx.full_like(a, 5.5), [5, 5], mx.int32)
    check_equal(mx.full_like(mx.array([1.0, 2.0]), 5), [5.0, 5.0], mx.float32)
    check_equal(mx.full_like(make([1, 2], mx.float16), 5.5, mx.int32), [5, 5], mx.int32)
    check_equal(mx.full_like(a, 2.5, mx.float16), [2.5, 2.5], mx.float16)
    check_equal(mx.full_like(a, mx.array([1.5, 2.5])), [1, 2], mx.int32)
    check_equal(mx.zeros_like(mx.array(3.0)), np.array(0.0), mx.float32)


def test_like_ops_bad_input():
    for fn in (mx.zeros_like, mx.ones_like, mx.empty_like):
        with pytest.raises(TypeError):
            fn([1, 2])
        with pytest.raises(TypeError):
            fn(3.0)
    with pytest.raises(TypeError):
        mx.full_like([1, 2], 5)
    with pytest.raises(ValueError, match="overflow"):
        mx.full_like(make([1, 2], mx.int8), 1000)
    with pytest.raises(ValueError, match="list"):
        mx.full_like(mx.array([1, 2]), [3, 4])
    with pytest.raises(ValueError, match="broadcast"):
        mx.full_like(mx.array([1, 2]), mx.array([1, 2, 3]))


# ---- arange / linspace --------------------------------------------------------------------

@pytest.mark.parametrize("args,kwargs,expected,dtype", [
    ((5,), {}, np.arange(5), mx.int32),
    ((0.5, 3), {}, np.arange(0.5, 3), mx.float32),
    ((5,), {"dtype": mx.float16}, np.arange(5), mx.float16),
    ((1, 5, 2), {}, [1, 3], mx.int32),
    ((5, 1, -1), {}, [5, 4, 3, 2], mx.int32),
    ((5.0,), {}, np.arange(5.0), mx.float32),
    ((0, 1, 0.25), {}, [0, 0.25, 0.5, 0.75], mx.float32),
    ((1, -1, -0.5), {}, [1, 0.5, 0, -0.5], mx.float32),
    ((5, 1), {}, np.zeros(0), mx.int32),
    ((3,), {"step": 1.0}, [0.0, 1.0, 2.0], mx.float32),
    ((3,), {"step": 2}, [0, 2], mx.int32),
    ((0, 3, 1, mx.int64), {}, [0, 1, 2], mx.int64),
    ((3, None, 1), {}, [0, 1, 2], mx.int32),
    ((1, 3, None), {}, [1, 2], mx.int32),
    ((), {"start": 1, "stop": 3}, [1, 2], mx.int32),
    ((), {"stop": 3}, [0, 1, 2], mx.int32),
    ((5, 2, mx.float32), {}, [0.0, 2.0, 4.0], mx.float32),      # arange(stop, step, dtype)
    ((1.0, 3), {"dtype": mx.int32}, [1, 2], mx.int32),
    ((0, 10, 3.5, mx.int32), {}, [0, 3, 6], mx.int32),
    ((3,), {"dtype": mx.uint8}, [0, 1, 2], mx.uint8),
    cpu_only((3.0,), {"dtype": mx.float64}, [0.0, 1.0, 2.0], mx.float64),
    ((3,), {"dtype": mx.bfloat16}, [0.0, 1.0, 2.0], mx.bfloat16),
    pytest.param((0.5, 3, 1, mx.complex64), {}, [0.5, 1.5, 2.5], mx.complex64,
                 marks=libmlx_cuda("the GPU Arange kernel has no complex64")),
])
def test_arange(args, kwargs, expected, dtype):
    check_equal(mx.arange(*args, **kwargs), np.asarray(expected, dtype=NP_DTYPES[dtype]), dtype)


@pytest.mark.parametrize("args", [(2 ** 40, 2 ** 40 + 2), (0, 2 ** 31, 2 ** 30), (-2 ** 31 - 1, -2 ** 31 + 1),
                                  (2 ** 31 - 1, 2 ** 31 + 1), (0, 3, 2 ** 40), (0, 2 ** 40, 2 ** 39)])
def test_arange_wide_integer_bounds_give_int64(args):
    # int32 cannot hold these bounds: the result is int64 with NumPy's values
    check_equal(mx.arange(*args), np.arange(*args, dtype=np.int64), mx.int64)


def test_arange_int32_when_bounds_fit():
    assert mx.arange(-2 ** 31, -2 ** 31 + 2).dtype == mx.int32
    assert mx.arange(2 ** 31 - 2, 2 ** 31 - 1).dtype == mx.int32


def test_arange_start_by_name_needs_stop():
    for kwargs in ({"start": 1, "step": 2}, {"start": 1}):
        with pytest.raises(TypeError):
            mx.arange(**kwargs)
    check_equal(mx.arange(1, step=2), np.arange(0, 1, 2, dtype=np.int32), mx.int32)   # positional: the stop
    check_equal(mx.arange(2, stop=6, step=2), np.arange(2, 6, 2, dtype=np.int32), mx.int32)
    with pytest.raises(TypeError):
        mx.arange(1, start=2)
    with pytest.raises(TypeError):
        mx.arange(1, 2, 3, mx.int32, 5)
    with pytest.raises(TypeError):
        mx.arange(3, bogus=1)


def test_arange_beyond_64_bits_is_type_error():
    for args in ((2 ** 63, 2 ** 63 + 1), (-2 ** 63 - 1, 0), (0, 10, 2 ** 64)):
        with pytest.raises(TypeError):
            mx.arange(*args)


def test_arange_signature_for_tools():
    import inspect
    params = inspect.signature(mx.arange).parameters
    assert list(params) == ["start", "stop", "step", "dtype", "stream"]
    assert params["stream"].kind is inspect.Parameter.KEYWORD_ONLY


def test_arange_bad_input():
    with pytest.raises(ValueError, match="nonzero"):
        mx.arange(1, 2, 0)
    with pytest.raises(ValueError, match="bool"):
        mx.arange(True)
    with pytest.raises(ValueError, match="bool"):
        mx.arange(3, dtype=mx.bool_)
    with pytest.raises(ValueError):
        mx.arange(2**40)
    with pytest.raises(ValueError):
        mx.arange(0, float("inf"))
    for bad in ("a", mx.array(3), np.int64(3), np.float32(3)):
        with pytest.raises(TypeError):
            mx.arange(bad)
    with pytest.raises(TypeError):
        mx.arange()


@pytest.mark.parametrize("start,stop,num,endpoint", [
    (0, 1, 5, True), (0, 1, 5, False), (-2.5, 7, 11, True), (3, -3, 4, False), (0, 1, 1, True),
    (0, 1, 0, True), (1, 1, 3, True),
])
def test_linspace(start, stop, num, endpoint):
    got = mx.linspace(start, stop, num, endpoint)
    check_equal(got, np.linspace(start, stop, num, endpoint=endpoint), mx.float32, rtol=1e-6, atol=1e-6)


def test_linspace_defaults_and_dtypes():
    check_equal(mx.linspace(0, 1), np.linspace(0, 1), mx.float32, rtol=1e-6, atol=1e-7)
    check_equal(mx.linspace(0, 10, 5, dtype=mx.int32), [0, 2, 5, 7, 10], mx.int32)
    check_equal(mx.linspace(0, 1, 3, dtype=mx.float16), [0, 0.5, 1], mx.float16)
    check_equal(mx.linspace(0, 1, 3, dtype=None), [0, 0.5, 1], mx.float32)
    check_equal(mx.linspace(mx.array(0), 1, 3), [0, 0.5, 1], mx.float32)
    check_equal(mx.linspace(0.0, 1.0, 3, True, mx.float32, mx.cpu), [0, 0.5, 1], mx.float32)


def test_linspace_bad_input():
    with pytest.raises(ValueError, match="non-negative"):
        mx.linspace(0, 1, -1)
    with pytest.raises(TypeError):
        mx.linspace(0, 1, None)
    with pytest.raises(TypeError):
        mx.linspace(0, 1, 2.0)
    with pytest.raises(TypeError):
        mx.linspace(1j, 1, 3)


# ---- eye / identity / tri / tril / triu ---------------------------------------------------

@pytest.mark.parametrize("n,m,k", [(3, None, 0), (2, 3, 1), (2, None, -1), (3, 2, -1), (2, 3, 5), (0, None, 0),
                                   (4, 4, -3)])
def test_eye_and_tri(n, m, k):
    check_equal(mx.eye(n, m, k), np.eye(n, m, k), mx.float32)
    check_equal(mx.tri(n, m, k), np.tri(n, m, k), mx.float32)


# eye and identity write their diagonal with a scatter
_NO_GPU_SCATTER = libmlx_cuda("GPU scatter does not support int64, uint64 or complex64")


@pytest.mark.parametrize("dtype", [pytest.param(d, marks=_NO_GPU_SCATTER)
                                   if d in (mx.int64, mx.uint64, mx.complex64) else d
                                   for d in NP_DTYPES if d != mx.float64] + [cpu_only(mx.float64)])
def test_eye_identity_dtypes(dtype):
    np_dt = NP_DTYPES[dtype]
    check_equal(mx.eye(3, dtype=dtype), np.eye(3, dtype=np_dt), dtype)
    check_equal(mx.identity(2, dtype), np.identity(2, dtype=np_dt), dtype)


@pytest.mark.parametrize("dtype", ALL_DTYPES)
def test_tri_dtypes(dtype):
    check_equal(mx.tri(3, 2, k=1, dtype=dtype), np.tri(3, 2, 1, dtype=NP_DTYPES[dtype]), dtype)


def test_eye_defaults_and_bad_input():
    check_equal(mx.eye(2, dtype=None), np.eye(2), mx.float32)
    check_equal(mx.identity(2, None), np.eye(2), mx.float32)
    check_equal(mx.tri(2, dtype=None), np.tri(2), mx.float32)
    check_equal(mx.tri(-1), np.zeros((0, 0)), mx.float32)
    check_equal(mx.eye(True), np.eye(1), mx.float32)
    with pytest.raises(ValueError, match="positive"):
        mx.eye(-1)
    for fn in (mx.eye, mx.identity, mx.tri):
        with pytest.raises(TypeError):
            fn(2.5)


@pytest.mark.parametrize("shape", [(3, 3), (2, 4), (4, 2), (2, 3, 3), (0, 3)])
@pytest.mark.parametrize("k", [-1, 0, 2])
def test_tril_triu(shape, k):
    x = np.arange(int(np.prod(shape)), dtype=np.float32).reshape(shape) + 1
    check_equal(mx.tril(mx.array(x), k), np.tril(x, k), mx.float32)
    check_equal(mx.triu(mx.array(x), k=k), np.triu(x, k), mx.float32)


@pytest.mark.parametrize("dtype", ALL_DTYPES)
def test_tril_triu_dtypes(dtype):
    x = np.arange(9).reshape(3, 3) % 3
    a = make(x, dtype)
    check_equal(mx.tril(a), np.tril(x).astype(NP_DTYPES[dtype]), dtype)
    check_equal(mx.triu(a, -1), np.triu(x, -1).astype(NP_DTYPES[dtype]), dtype)


def test_tril_triu_bad_input():
    with pytest.raises(ValueError, match="2-D"):
        mx.tril(mx.ones((3,)))
    with pytest.raises(TypeError):
        mx.triu([[1, 2], [3, 4]])
    with pytest.raises(TypeError):
        mx.tril(mx.ones((2, 2)), 1.5)


# ---- meshgrid -----------------------------------------------------------------------------

@pytest.mark.parametrize("indexing", ["xy", "ij"])
@pytest.mark.parametrize("sparse", [False, True])
def test_meshgrid(indexing, sparse):
    xs = [np.arange(2, dtype=np.int32), np.arange(3, dtype=np.float32) * 0.5, np.arange(4, dtype=np.int32) - 1]
    got = mx.meshgrid(*[mx.array(x) for x in xs], sparse=sparse, indexing=indexing)
    want = np.meshgrid(*xs, sparse=sparse, indexing=indexing)
    assert isinstance(got, tuple) and len(got) == 3
    for g, w, dt in zip(got, want, (mx.int32, mx.float32, mx.int32)):
        check_equal(g, w, dt)


def test_meshgrid_edge_cases():
    assert mx.meshgrid() == ()
    (only,) = mx.meshgrid(mx.arange(2))
    check_equal(only, [0, 1], mx.int32)
    # n-d inputs are flattened
    g = mx.meshgrid(mx.zeros((2, 2)), mx.arange(2))
    assert [x.shape for x in g] == [(2, 4), (2, 4)]


def test_meshgrid_bad_input():
    with pytest.raises(ValueError, match="indexing"):
        mx.meshgrid(mx.arange(2), mx.arange(3), indexing="xx")
    with pytest.raises(RuntimeError):
        mx.meshgrid([1, 2], [3])
    with pytest.raises(TypeError):
        mx.meshgrid(mx.arange(2), indexing=None)
    with pytest.raises(TypeError):
        mx.meshgrid(mx.arange(2), sparse=None)


# ---- windows ------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["bartlett", "blackman", "hamming", "hanning"])
@pytest.mark.parametrize("M", [0, 1, 2, 5, 8])
def test_windows(name, M):
    got = getattr(mx, name)(M)
    check_equal(got, getattr(np, name)(M), mx.float32, rtol=1e-5, atol=1e-6)


@pytest.mark.parametrize("name", ["bartlett", "blackman", "hamming", "hanning"])
def test_windows_bad_input(name):
    check_equal(getattr(mx, name)(-1), np.zeros(0), mx.float32)
    with pytest.raises(TypeError):
        getattr(mx, name)(2.5)
