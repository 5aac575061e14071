"""mlxcy.random: keys and determinism, the global seed, and each distribution's statistics
(fixed keys, so every run draws the same numbers)."""
import math

import numpy as np
import pytest

import mlxcy as mx

N = 20000
_erf = np.vectorize(math.erf)


def _k(seed=0):
    return mx.random.key(seed)


def _ks_stat(samples, cdf):
    """Kolmogorov-Smirnov distance between the samples and a CDF."""
    x = np.sort(np.asarray(samples, np.float64).ravel())
    n = len(x)
    f = cdf(x)
    return max(np.max(np.arange(1, n + 1) / n - f), np.max(f - np.arange(n) / n))


def _ks_ok(samples, cdf):
    # 0.1% critical value of the KS distribution
    assert _ks_stat(samples, cdf) < 1.95 / math.sqrt(np.size(samples))


def _norm_cdf(x, mu=0.0, sigma=1.0):
    return 0.5 * (1 + _erf((x - mu) / (sigma * math.sqrt(2))))


# ---- keys, determinism, global state ----

@pytest.mark.parametrize("seed", [0, 1, 12345, 2**32 + 7, 2**63 + 5, 2**64 - 1])
def test_key_holds_the_seed_bits(seed):
    k = mx.random.key(seed)
    assert k.dtype == mx.uint32 and k.shape == (2,)
    assert np.asarray(k).tolist() == [seed >> 32, seed & 0xFFFFFFFF]


def test_same_key_same_numbers():
    a = mx.random.normal((50,), key=_k(3))
    b = mx.random.normal((50,), key=_k(3))
    c = mx.random.normal((50,), key=_k(4))
    np.testing.assert_array_equal(np.asarray(a), np.asarray(b))
    assert not np.array_equal(np.asarray(a), np.asarray(c))


def test_split():
    ks = mx.random.split(_k(0))
    assert ks.shape == (2, 2) and ks.dtype == mx.uint32
    np.testing.assert_array_equal(np.asarray(ks), np.asarray(mx.random.split(_k(0), 2, mx.cpu)))
    k3 = mx.random.split(_k(0), num=3)
    assert k3.shape == (3, 2)
    assert len({tuple(r) for r in np.asarray(k3).tolist()}) == 3
    assert mx.random.split(_k(0), 0).shape == (0, 2) or mx.random.split(_k(0), 0).size == 0


def test_global_seed_is_reproducible_and_splits_the_state():
    mx.random.seed(42)
    a = np.asarray(mx.random.uniform(shape=(5,)))
    b = np.asarray(mx.random.uniform(shape=(5,)))
    mx.random.seed(42)
    np.testing.assert_array_equal(np.asarray(mx.random.uniform(shape=(5,))), a)
    # each draw splits state[0]: keep the first half, sample with the second
    first, second = (mx.random.split(mx.random.key(42))[i] for i in range(2))
    np.testing.assert_array_equal(np.asarray(mx.random.uniform(shape=(5,), key=second)), a)
    nxt = mx.random.split(first)
    np.testing.assert_array_equal(np.asarray(mx.random.uniform(shape=(5,), key=nxt[1])), b)
    assert len(mx.random.state) == 1
    np.testing.assert_array_equal(np.asarray(mx.random.state[0]), np.asarray(first))  # one draw since the seed
    assert not np.array_equal(a, b)


def test_bad_keys_and_seeds():
    with pytest.raises(TypeError):
        mx.random.key(-1)
    with pytest.raises(TypeError):
        mx.random.key(2**64)
    with pytest.raises(TypeError):
        mx.random.seed(1.5)
    with pytest.raises(ValueError, match="uint32"):
        mx.random.uniform(key=mx.zeros((2,)))
    with pytest.raises(ValueError, match="uint32"):
        mx.random.split(mx.zeros((3,)))
    with pytest.raises(TypeError):
        mx.random.split([0, 0])


# ---- distributions ----

def test_uniform():
    x = np.asarray(mx.random.uniform(-2.0, 3.0, (N,), key=_k(1)))
    assert x.dtype == np.float32 and x.min() >= -2.0 and x.max() < 3.0
    assert abs(x.mean() - 0.5) < 0.05 and abs(x.var() - 25 / 12) < 0.08
    _ks_ok(x, lambda t: (t + 2.0) / 5.0)
    d = np.asarray(mx.random.uniform(shape=(N,), key=_k(2)))
    assert d.min() >= 0 and d.max() < 1
    # array bounds broadcast against the shape
    lo = mx.array(np.array([0.0, 10.0], np.float32))
    y = np.asarray(mx.random.uniform(lo, lo + 1.0, (1000, 2), key=_k(3)))
    assert y.shape == (1000, 2)
    assert y[:, 0].max() < 1.0 and y[:, 1].min() >= 10.0
    for dt in (mx.float16, mx.bfloat16):
        z = mx.random.uniform(0.5, 1.5, (100,), dt, key=_k(4))
        assert z.dtype == dt


def test_uniform_bad_input():
    with pytest.raises(ValueError, match="floating point"):
        mx.random.uniform(0, 10, (3,), mx.int32, key=_k())
    with pytest.raises(ValueError, match="broadcast"):
        mx.random.uniform(mx.zeros((3,)), 1, (2,), key=_k())
    with pytest.raises(ValueError, match="Negative"):
        mx.random.uniform(0, 1, (-2,), key=_k())
    with pytest.raises(TypeError):
        mx.random.uniform(0, 1, 3, key=_k())
    with pytest.raises(ValueError, match="list"):
        mx.random.uniform([0.0, 1.0], 2.0)


def test_normal():
    x = np.asarray(mx.random.normal((N,), key=_k(5)))
    assert abs(x.mean()) < 0.04 and abs(x.var() - 1) < 0.05
    _ks_ok(x, _norm_cdf)
    y = np.asarray(mx.random.normal((N,), loc=3.0, scale=0.5, key=_k(6)))
    assert abs(y.mean() - 3) < 0.02 and abs(y.std() - 0.5) < 0.02
    _ks_ok(y, lambda t: _norm_cdf(t, 3.0, 0.5))
    h = mx.random.normal((4,), mx.float16, loc=1.0, key=_k(7))
    assert h.dtype == mx.float16
    loc = mx.array(np.array([1.0, 100.0], np.float32))
    np.testing.assert_array_equal(np.asarray(mx.random.normal((2,), loc=loc, scale=0.0, key=_k())), [1, 100])
    # loc=0, scale=1 give the standard draw
    np.testing.assert_array_equal(np.asarray(mx.random.normal((8,), loc=0.0, scale=1.0, key=_k(8))),
                                  np.asarray(mx.random.normal((8,), key=_k(8))))
    with pytest.raises(ValueError, match="floating point"):
        mx.random.normal((2,), mx.int32)
    with pytest.raises(TypeError):
        mx.random.normal(2)


def test_randint():
    x = np.asarray(mx.random.randint(3, 13, (N,), key=_k(9)))
    assert x.dtype == np.int32 and x.min() == 3 and x.max() == 12
    counts = np.bincount(x - 3, minlength=10)
    expected = N / 10
    chi2 = ((counts - expected) ** 2 / expected).sum()
    assert chi2 < 27.9   # 0.1% critical value, 9 degrees of freedom
    assert mx.random.randint(0, 100, (5,), mx.int16, key=_k()).dtype == mx.int16
    with pytest.raises(ValueError, match="integer"):
        mx.random.randint(0, 3, (2,), mx.float32)


def test_bernoulli():
    x = np.asarray(mx.random.bernoulli(0.3, (N,), key=_k(10)))
    assert x.dtype == np.bool_ and abs(x.mean() - 0.3) < 0.015
    p = mx.array(np.array([0.0, 1.0, 0.5], np.float32))
    y = np.asarray(mx.random.bernoulli(p, key=_k(11)))
    assert y.shape == (3,) and not y[0] and y[1]
    z = np.asarray(mx.random.bernoulli(p, (4000, 3), key=_k(12)))
    assert abs(z[:, 2].mean() - 0.5) < 0.04
    assert mx.random.bernoulli(key=_k()).shape == ()
    with pytest.raises(ValueError, match="float"):
        mx.random.bernoulli(1, key=_k())
    with pytest.raises(ValueError, match="broadcast"):
        mx.random.bernoulli(mx.zeros((3,)), (2,), key=_k())


def test_truncated_normal():
    x = np.asarray(mx.random.truncated_normal(-1.0, 1.0, (N,), key=_k(13)))
    assert x.min() >= -1 and x.max() <= 1 and abs(x.mean()) < 0.02
    z = _norm_cdf(1.0) - _norm_cdf(-1.0)
    _ks_ok(x, lambda t: (_norm_cdf(t) - _norm_cdf(-1.0)) / z)
    y = np.asarray(mx.random.truncated_normal(0.0, 8.0, (N,), key=_k(14)))
    assert y.min() >= 0 and abs(y.mean() - math.sqrt(2 / math.pi)) < 0.02
    lo = mx.zeros((2,))
    assert mx.random.truncated_normal(lo, 1.0, key=_k()).shape == (2,)
    assert mx.random.truncated_normal(lo, 1.0, (3, 2), mx.float16, key=_k()).dtype == mx.float16


def test_gumbel():
    x = np.asarray(mx.random.gumbel((N,), key=_k(15)))
    assert abs(x.mean() - 0.5772156649) < 0.04 and abs(x.var() - math.pi ** 2 / 6) < 0.1
    _ks_ok(x, lambda t: np.exp(-np.exp(-t)))


def test_laplace():
    x = np.asarray(mx.random.laplace((N,), loc=1.0, scale=2.0, key=_k(16)))
    assert abs(x.mean() - 1) < 0.06 and abs(x.var() - 8) < 0.4
    _ks_ok(x, lambda t: np.where(t < 1, 0.5 * np.exp((t - 1) / 2), 1 - 0.5 * np.exp(-(t - 1) / 2)))
    with pytest.raises(ValueError, match="floating point"):
        mx.random.laplace((2,), mx.int32)


def test_categorical():
    logits = np.log(np.array([0.1, 0.2, 0.7], np.float32))
    x = np.asarray(mx.random.categorical(mx.array(logits), shape=(N,), key=_k(17)))
    assert x.dtype == np.uint32
    freq = np.bincount(x, minlength=3) / N
    np.testing.assert_allclose(freq, [0.1, 0.2, 0.7], atol=0.015)
    two = mx.array(np.stack([logits, logits[::-1].copy()]))
    assert mx.random.categorical(two, key=_k()).shape == (2,)
    assert mx.random.categorical(two, num_samples=4, key=_k()).shape == (2, 4)
    assert mx.random.categorical(two, shape=(5, 2), key=_k()).shape == (5, 2)
    cols = mx.array(np.stack([logits, logits], axis=1))
    y = np.asarray(mx.random.categorical(cols, axis=0, num_samples=3000, key=_k(18)))
    assert abs((y == 2).mean() - 0.7) < 0.03
    with pytest.raises(ValueError, match="At most one"):
        mx.random.categorical(two, shape=(2,), num_samples=2)


def test_multivariate_normal():
    cov = np.array([[2.0, 0.6], [0.6, 1.0]], np.float32)
    mean = np.array([1.0, -2.0], np.float32)
    # it factors cov with an SVD, which runs on the CPU stream only (libmlx's rule)
    x = np.asarray(mx.random.multivariate_normal(mx.array(mean), mx.array(cov), (N,), key=_k(19), stream=mx.cpu))
    assert x.shape == (N, 2)
    np.testing.assert_allclose(x.mean(0), mean, atol=0.04)
    np.testing.assert_allclose(np.cov(x.T), cov, atol=0.06)
    with pytest.raises(ValueError, match="compatible shapes"):
        mx.random.multivariate_normal(mx.zeros((2,)), mx.array(np.eye(3, dtype=np.float32)), key=_k(), stream=mx.cpu)
    with pytest.raises(ValueError, match="float32"):
        mx.random.multivariate_normal(mx.zeros((2,)), mx.array(cov), dtype=mx.float16, key=_k(), stream=mx.cpu)
    with pytest.raises(TypeError):
        mx.random.multivariate_normal([0.0, 0.0], mx.array(cov))


def test_permutation():
    p = np.asarray(mx.random.permutation(50, key=_k(20)))
    assert sorted(p.tolist()) == list(range(50)) and p.tolist() != list(range(50))
    a = np.arange(24, dtype=np.int32).reshape(4, 6)
    q = np.asarray(mx.random.permutation(mx.array(a), axis=1, key=_k(21)))
    assert q.shape == (4, 6)
    # one permutation of the columns, applied to every row
    cols = q[0].tolist()
    assert sorted(cols) == list(range(6))
    np.testing.assert_array_equal(q, a[:, cols])
    r = np.asarray(mx.random.permutation(mx.array(a), key=_k(22)))
    np.testing.assert_array_equal(np.sort(r[:, 0]), a[:, 0])
    with pytest.raises(TypeError):
        mx.random.permutation([1, 2, 3])


def _compile_works():
    try:
        mx.compile(lambda x: x + 1)(mx.ones((1,)))
        return True
    except Exception:
        return False


@pytest.mark.skipif(not _compile_works(), reason="mlxcy.compile is not usable in this build yet")
def test_global_state_through_compile():
    from functools import partial

    @partial(mx.compile, inputs=[mx.random.state], outputs=[mx.random.state])
    def draw():
        return mx.random.uniform(shape=(3,))

    mx.random.seed(0)
    a, b = np.asarray(draw()), np.asarray(draw())
    mx.random.seed(0)
    np.testing.assert_array_equal(np.asarray(mx.random.uniform(shape=(3,))), a)
    np.testing.assert_array_equal(np.asarray(mx.random.uniform(shape=(3,))), b)


@pytest.mark.skipif(not _compile_works(), reason="mlxcy.compile is not usable in this build yet")
def test_global_state_through_compile_given_as_the_state_itself():
    # the documented spelling: inputs=mx.random.state (not wrapped in a list)
    from functools import partial

    @partial(mx.compile, inputs=mx.random.state, outputs=mx.random.state)
    def noisy(x):
        return x + mx.random.uniform(shape=(2,))

    mx.random.seed(0)
    a, b = np.asarray(noisy(mx.zeros(2))), np.asarray(noisy(mx.zeros(2)))
    mx.random.seed(0)
    np.testing.assert_array_equal(np.asarray(mx.random.uniform(shape=(2,))), a)
    np.testing.assert_array_equal(np.asarray(mx.random.uniform(shape=(2,))), b)


# ---- the random state is per thread ---------------------------------------------------------

def _in_thread(fn):
    import threading
    box = {}

    def run():
        try:
            box["value"] = fn()
        except BaseException as e:   # surfaced in the calling thread
            box["error"] = e
    t = threading.Thread(target=run)
    t.start()
    t.join()
    if "error" in box:
        raise box["error"]
    return box.get("value")


def test_state_object_reads_like_the_reference():
    st = mx.random.state
    assert len(st) == 1 and isinstance(st[0], mx.array) and st[0].dtype == mx.uint32
    mx.random.seed(5)
    np.testing.assert_array_equal(np.asarray(st[0]), np.asarray(mx.random.key(5)))
    np.testing.assert_array_equal(np.asarray(st[-1]), np.asarray(mx.random.key(5)))
    assert [k.tolist() for k in st] == [mx.random.key(5).tolist()]
    with pytest.raises(IndexError):
        st[1]
    with pytest.raises(TypeError):
        st[0] = mx.random.key(1)


def test_seed_and_draws_in_a_thread_leave_this_thread_alone():
    mx.random.seed(1)
    expected = np.asarray(mx.random.normal((3,)))
    mx.random.seed(1)
    _in_thread(lambda: (mx.random.seed(99), np.asarray(mx.random.normal((5,)))))
    np.testing.assert_array_equal(np.asarray(mx.random.normal((3,))), expected)


def test_thread_seeded_alike_draws_alike():
    # a thread's state is its own but follows the same rules: seed(s) then a draw = split(key(s))
    def draw():
        mx.random.seed(7)
        return np.asarray(mx.random.uniform(shape=(4,)))
    second = mx.random.split(mx.random.key(7))[1]
    np.testing.assert_array_equal(_in_thread(draw), np.asarray(mx.random.uniform(shape=(4,), key=second)))


def test_new_thread_does_not_start_from_this_threads_key():
    mx.random.seed(0)
    mine = mx.random.state[0].tolist()
    theirs = _in_thread(lambda: mx.random.state[0].tolist())
    assert theirs != mine
    assert mx.random.state[0].tolist() == mine


def test_draw_on_a_thread_stream_does_not_break_this_thread():
    # The worker's draw happens on a stream of its own that dies with it: none of its lazily
    # computed keys may end up in this thread's state.
    mx.random.seed(0)
    expected = np.asarray(mx.random.normal((2,)))
    mx.random.seed(0)

    def worker():
        with mx.stream(mx.new_stream(mx.cpu)):
            return np.asarray(mx.random.normal((2,)))
    _in_thread(worker)
    np.testing.assert_array_equal(np.asarray(mx.random.normal((2,))), expected)
    np.asarray(mx.random.uniform(shape=(2,)))   # and the state stays usable


def test_explicit_keys_are_the_same_in_every_thread():
    k = mx.random.key(3)
    here = (mx.random.split(k).tolist(), np.asarray(mx.random.normal((2,), key=k)))
    there = _in_thread(lambda: (mx.random.split(mx.random.key(3)).tolist(),
                                np.asarray(mx.random.normal((2,), key=mx.random.key(3)))))
    assert here[0] == there[0]
    np.testing.assert_array_equal(here[1], there[1])
