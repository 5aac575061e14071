"""grad, value_and_grad, vjp, jvp, vmap, checkpoint, custom_function.

Oracles: hand-derived derivatives, central finite differences in float64 NumPy, Python loops."""
import gc
import threading

import numpy as np
import pytest

import mlxcy as mx
from _device import matmul_tol
from _oracles import num_grad


def npa(x):
    return np.array(x)


def check_fd(fn, x, rtol=2e-2, atol=2e-3):
    """Gradient of mx scalar function `fn` at NumPy `x` against finite differences."""
    g = npa(mx.grad(fn)(mx.array(x.astype(np.float32))))
    with mx.stream(mx.cpu):   # the oracle in full float32: TF32 noise over 2e-3 would swamp it on the GPU
        num = num_grad(lambda v: np.array(fn(mx.array(v.astype(np.float32)))), x, 1.0, h=1e-3)
    np.testing.assert_allclose(g, num, rtol=rtol, atol=atol)


RNG = np.random.default_rng(0)
X = RNG.uniform(0.5, 1.5, size=(3, 4))


# ---- gradients, op families ----

@pytest.mark.parametrize("fn,deriv", [
    (lambda x: mx.sum(mx.sin(x)), np.cos),
    (lambda x: mx.sum(mx.exp(x)), np.exp),
    (lambda x: mx.sum(mx.log(x)), lambda x: 1 / x),
    (lambda x: mx.sum(mx.tanh(x)), lambda x: 1 - np.tanh(x) ** 2),
    (lambda x: mx.sum(x * x * x), lambda x: 3 * x ** 2),
    (lambda x: mx.sum(mx.sqrt(x)), lambda x: 0.5 / np.sqrt(x)),
    (lambda x: mx.sum(1 / x), lambda x: -1 / x ** 2),
    (lambda x: mx.sum(x ** 2.5), lambda x: 2.5 * x ** 1.5),
])
def test_grad_elementwise_hand_derived(fn, deriv):
    g = mx.grad(fn)(mx.array(X.astype(np.float32)))
    np.testing.assert_allclose(npa(g), deriv(X), rtol=1e-4, atol=1e-5)


@pytest.mark.parametrize("fn", [
    lambda x: mx.mean(x * x),
    lambda x: mx.sum(mx.max(x, axis=1)),
    lambda x: mx.logsumexp(x),
    lambda x: mx.sum(mx.softmax(x, axis=-1) * mx.arange(4)),
    lambda x: mx.sum(mx.cumsum(x, axis=1) ** 2),
    lambda x: mx.sum(mx.sort(x, axis=1) * mx.arange(4)),
    lambda x: mx.sum(mx.matmul(x, mx.transpose(x)) ** 2),
    lambda x: mx.sum(mx.take(x, mx.array([0, 2, 2]), axis=0) ** 2),
    lambda x: mx.sum(mx.concatenate([x, 2 * x], axis=0) ** 2),
    lambda x: mx.sum(mx.split(x, 2, axis=1)[1] ** 3),
    lambda x: mx.sum(mx.reshape(x, (4, 3))[1:] ** 2),
    lambda x: mx.sum(mx.where(x > 1.0, x * x, -x)),
    lambda x: mx.sum(mx.topk(x, 2, axis=1) ** 2),
    lambda x: mx.sum(mx.take_along_axis(x, mx.array([[1], [0], [3]]), axis=1) ** 3),
    lambda x: mx.sum(mx.put_along_axis(x, mx.array([[1], [0], [3]]), x[:, :1] * 2, axis=1) ** 2),
    lambda x: mx.sum(x.at[mx.array([0, 0, 2])].add(x[:1] * 3) ** 2),
    lambda x: mx.sum(mx.abs(mx.fft.rfft(x, axis=1)) ** 2),
    lambda x: mx.sum(mx.prod(x, axis=0)),
])
def test_grad_against_finite_differences(fn):
    check_fd(fn, X)


def test_grad_matmul_hand_derived():
    a = RNG.standard_normal((3, 4)).astype(np.float32)
    b = RNG.standard_normal((4, 2)).astype(np.float32)
    ga, gb = mx.grad(lambda a, b: mx.sum(a @ b), argnums=(0, 1))(mx.array(a), mx.array(b))
    rtol, atol = matmul_tol(1e-5, 0, k=3)   # the gradients are matmuls too
    np.testing.assert_allclose(npa(ga), np.ones((3, 2)) @ b.T, rtol=rtol, atol=atol)
    np.testing.assert_allclose(npa(gb), a.T @ np.ones((3, 2)), rtol=rtol, atol=atol)


def test_grad_conv1d_finite_differences():
    w = mx.array(RNG.standard_normal((2, 2, 3)).astype(np.float32))
    check_fd(lambda x: mx.sum(mx.conv1d(mx.reshape(x, (1, 4, 3)), w) ** 2), X)


def test_stop_gradient():
    g = mx.grad(lambda a: mx.sum(a * mx.stop_gradient(a)))(mx.array([1.0, 2.0]))
    np.testing.assert_array_equal(npa(g), [1, 2])


def test_grad_dtypes_follow_input():
    assert mx.grad(lambda a: a * a)(mx.array(2.0, dtype=mx.float16)).dtype == mx.float16
    assert mx.grad(lambda a: a * a)(mx.array(3)).item() == 6


# ---- argnums / argnames / trees ----

def test_argnums_and_argnames():
    x, y = mx.array(2.0), mx.array(3.0)
    f = lambda a, b=None: a * b  # noqa: E731
    assert mx.grad(f)(x, y).item() == 3
    assert [g.item() for g in mx.grad(f, argnums=(0, 1))(x, y)] == [3, 2]
    assert mx.grad(f, argnums=[1])(x, y).item() == 2
    none, kw = mx.grad(f, argnames="b")(x, b=y)
    assert none is None and kw["b"].item() == 2
    g0, kw = mx.grad(f, argnums=0, argnames=["b"])(x, b=y)
    assert g0.item() == 3 and kw["b"].item() == 2


def test_grad_over_trees():
    P = __import__("collections").namedtuple("P", "x y")
    params = {"a": mx.array(2.0), "b": (mx.array(3.0), [mx.array(2.0)]), "p": P(mx.array(1.0), mx.array(5.0))}
    g = mx.grad(lambda p: p["a"] * p["b"][0] + p["b"][1][0] * p["p"].x * p["p"].y)(params)
    assert g["a"].item() == 3 and g["b"][0].item() == 2 and g["b"][1][0].item() == 5
    assert type(g["b"]) is tuple and isinstance(g["p"], P) and g["p"].y.item() == 2


def test_value_and_grad_aux_outputs_pass_through():
    x = mx.array(2.0)
    (loss, aux, n, s), g = mx.value_and_grad(lambda a: (a * a, a + 1, 3, "s"))(x)
    assert loss.item() == 4 and aux.item() == 3 and n == 3 and s == "s" and g.item() == 4


def test_non_differentiated_args_may_be_anything():
    assert mx.grad(lambda p, s, t=None: p * s)(mx.array(2.0), 3.0, t="x").item() == 3


@pytest.mark.parametrize("kw,exc,msg", [
    (dict(argnums=[]), ValueError, "no argument"),
    (dict(argnums=-1), ValueError, "negative argument index"),
    (dict(argnums=[0, 0]), ValueError, "Duplicate argument index 0"),
    (dict(argnums="a"), TypeError, "argnums"),
    (dict(argnums=1.0), TypeError, "argnums"),
    (dict(argnames=1), TypeError, "argnames"),
])
def test_grad_bad_arguments(kw, exc, msg):
    with pytest.raises(exc, match=msg):
        mx.grad(lambda a, b: a * b, **kw)(mx.array(1.0), mx.array(1.0))


def test_grad_bad_calls():
    x = mx.array(1.0)
    for fn in (mx.grad, mx.value_and_grad, mx.vmap, mx.compile, mx.checkpoint, mx.custom_function):
        with pytest.raises(TypeError, match="callable"):
            fn(3)
    with pytest.raises(ValueError, match="argument index 2 .* only 2 positional"):
        mx.grad(lambda a, b: a * b, argnums=2)(x, x)
    with pytest.raises(ValueError, match="keyword argument 'b'"):
        mx.grad(lambda a, b=None: a, argnames="b")(x)
    with pytest.raises(ValueError, match="should contain only arrays"):
        mx.grad(lambda p: p["a"])({"a": x, "n": None})
    with pytest.raises(ValueError, match="scalar array; but float"):
        mx.grad(lambda a: 1.0)(x)
    with pytest.raises(ValueError, match="scalar array; but tuple"):
        mx.grad(lambda a: (a, a))(x)
    with pytest.raises(ValueError, match="first value being of type float"):
        mx.value_and_grad(lambda a: (1.0, a))(x)
    with pytest.raises(ValueError, match="list was returned"):
        mx.value_and_grad(lambda a: [a])(x)
    with pytest.raises(ValueError, match="shape"):
        mx.grad(lambda a: a * mx.ones(3))(x)


# ---- vjp / jvp ----

def test_vjp_and_jvp_agree():
    a = mx.array(RNG.standard_normal((3, 3)).astype(np.float32))
    b = mx.array(RNG.standard_normal((3,)).astype(np.float32))

    def f(a, b):
        return mx.sin(a @ b), mx.sum(a * a)

    ct = [mx.array(RNG.standard_normal((3,)).astype(np.float32)), mx.array(1.5)]
    tg = [mx.array(RNG.standard_normal((3, 3)).astype(np.float32)), mx.array(RNG.standard_normal((3,)).astype(np.float32))]
    outs, vjps = mx.vjp(f, [a, b], ct)
    outs2, jvps = mx.jvp(f, [a, b], tg)
    np.testing.assert_allclose(npa(outs[0]), npa(outs2[0]), rtol=1e-6)
    # <ct, J t> == <J^T ct, t>
    lhs = sum(float(mx.sum(c * j).item()) for c, j in zip(ct, jvps))
    rhs = sum(float(mx.sum(v * t).item()) for v, t in zip(vjps, tg))
    assert abs(lhs - rhs) < 1e-4 * max(1.0, abs(lhs))


def test_vjp_jvp_values():
    x, y = mx.array(2.0), mx.array(3.0)
    outs, v = mx.vjp(lambda a, b: (a * b, a + b), [x, y], [mx.array(1.0), mx.array(2.0)])
    assert [o.item() for o in outs] == [6, 5] and [g.item() for g in v] == [5, 4]
    outs, t = mx.jvp(lambda a, b: a * b, (x, y), (mx.array(1.0), mx.array(0.0)))
    assert outs[0].item() == 6 and t[0].item() == 3


def test_vjp_jvp_bad_input():
    x = mx.array(1.0)
    with pytest.raises(TypeError, match="primals"):
        mx.vjp(lambda a: a, x, x)
    with pytest.raises(TypeError, match="primals"):
        mx.vjp(lambda a: a, [1.0], [x])
    with pytest.raises(RuntimeError, match="must return an array"):
        mx.vjp(lambda a: 3.0, [x], [x])
    with pytest.raises(RuntimeError, match="must return an array"):
        mx.jvp(lambda a: (a, 1), [x], [x])
    with pytest.raises(ValueError, match="tangent"):
        mx.jvp(lambda a, b: a * b, [x, x], [x])


# ---- vmap ----

def loop(fn, *xs):
    return np.stack([npa(fn(*[mx.array(v) for v in vals])) for vals in zip(*xs)])


def test_vmap_against_loop():
    A = RNG.standard_normal((5, 3, 4)).astype(np.float32)
    B = RNG.standard_normal((5, 4)).astype(np.float32)
    f = lambda a, b: mx.tanh(a @ b) + mx.sum(a)  # noqa: E731
    np.testing.assert_allclose(npa(mx.vmap(f)(mx.array(A), mx.array(B))), loop(f, A, B), rtol=1e-5, atol=1e-6)


def test_vmap_axes_trees_and_none():
    x = mx.arange(6, dtype=mx.float32).reshape(2, 3)
    y = mx.ones((3,))
    np.testing.assert_array_equal(npa(mx.vmap(lambda a, b: a + b, in_axes=(0, None))(x, y)), npa(x) + 1)
    np.testing.assert_array_equal(npa(mx.vmap(lambda a: a * 2, in_axes=1)(x)), npa(x).T * 2)
    np.testing.assert_array_equal(npa(mx.vmap(lambda a: a * 2, in_axes=-1)(x)), npa(x).T * 2)
    r = mx.vmap(lambda d: d["a"] + d["b"], in_axes={"a": 0, "b": None})({"a": x, "b": y})
    np.testing.assert_array_equal(npa(r), npa(x) + 1)
    r = mx.vmap(lambda a, t: a + t[0] * t[1], in_axes=(0, (None, 1)))(x, (y, x.T))
    np.testing.assert_array_equal(npa(r), npa(x) + npa(x))
    out = mx.vmap(lambda a: {"r": a, "s": [mx.sum(a)]}, out_axes={"r": 1, "s": 0})(x)
    np.testing.assert_array_equal(npa(out["r"]), npa(x).T)
    np.testing.assert_array_equal(npa(out["s"][0]), npa(x).sum(1))
    a, b = mx.vmap(lambda a: (a, y), out_axes=(0, None))(x)
    assert a.shape == (2, 3) and np.all(npa(b) == 1)


def test_vmap_nested_and_with_grad():
    x = mx.array(RNG.standard_normal((2, 3, 4)).astype(np.float32))
    np.testing.assert_allclose(npa(mx.vmap(mx.vmap(mx.sin))(x)), np.sin(npa(x)), rtol=1e-6)
    g = mx.vmap(mx.grad(lambda a: mx.sum(a * a)))(x)
    np.testing.assert_allclose(npa(g), 2 * npa(x), rtol=1e-6)
    g2 = mx.grad(lambda a: mx.sum(mx.vmap(lambda r: mx.sum(mx.sin(r)))(a)))(x)
    np.testing.assert_allclose(npa(g2), np.cos(npa(x)), rtol=1e-5)


def test_vmap_bad_input():
    x = mx.ones((2, 3))
    with pytest.raises(IndexError, match="Invalid vectorization axis 2"):
        mx.vmap(lambda a: a, in_axes=2)(x)
    with pytest.raises(IndexError, match="Invalid output vectorization axis 3"):
        mx.vmap(lambda a: a, out_axes=3)(x)
    with pytest.raises(ValueError, match="Inconsistent axis sizes"):
        mx.vmap(lambda a, b: a)(x, mx.ones(3))
    with pytest.raises(ValueError, match="not a valid prefix"):
        mx.vmap(lambda a, b: a, in_axes=(0, 0, 0))(x, x)
    with pytest.raises(ValueError, match="not a valid prefix"):
        mx.vmap(lambda d: d["a"], in_axes={"z": 0})({"a": x})
    with pytest.raises(ValueError, match="axis must be int or None"):
        mx.vmap(lambda a: a, in_axes="a")(x)
    with pytest.raises(ValueError, match="only arrays"):
        mx.vmap(lambda a: 3.0)(x)
    with pytest.raises(ValueError, match="non-None"):
        mx.vmap(lambda a, b: a, in_axes=(None, None))(x, x)
    with pytest.raises(TypeError, match="in_axes"):
        mx.vmap(lambda a: a, in_axes=None)
    with pytest.raises(TypeError, match="Keyword"):
        mx.vmap(lambda a, b=None: a)(x, b=x)


# ---- checkpoint, custom_function ----

def test_checkpoint_matches_plain_gradient():
    x = mx.array(RNG.standard_normal((3, 4)).astype(np.float32))
    f = lambda d, s: mx.sum(mx.sin(d["w"]) * s)  # noqa: E731
    g1 = mx.grad(mx.checkpoint(f))({"w": x}, 2.0)
    g2 = mx.grad(f)({"w": x}, 2.0)
    np.testing.assert_allclose(npa(g1["w"]), npa(g2["w"]), rtol=1e-6)
    out = mx.checkpoint(lambda a, b=None: (a * b, {"z": a}))(x, b=x)
    assert isinstance(out, tuple) and out[1]["z"] is not None
    with pytest.raises(ValueError, match="at least one array"):
        mx.checkpoint(lambda a: 3)(x)   # (the reference crashes: docs/differences.md)


def test_checkpoint_and_custom_function_pass_non_array_outputs_through():
    x = mx.array([1.0, 2.0])
    out = mx.checkpoint(lambda a: (2 * a, 1, "s", None))(x)
    assert out[1:] == (1, "s", None)
    np.testing.assert_array_equal(npa(out[0]), [2.0, 4.0])
    g = mx.grad(lambda a: mx.checkpoint(lambda b: ((b * b).sum(), 7))(a)[0])(x)
    np.testing.assert_array_equal(npa(g), [2.0, 4.0])   # d sum(b^2) = 2b
    assert mx.custom_function(lambda a: 1.5)(x) == 1.5
    out = mx.custom_function(lambda a: (a, 1.5))(x)
    assert out[1] == 1.5
    np.testing.assert_array_equal(npa(out[0]), [1.0, 2.0])


def test_custom_function_looks_like_the_function():
    import inspect

    def f(x, y=1):
        "doc of f"
        return x

    c = mx.custom_function(f)
    assert c.__name__ == "f" and c.__doc__ == "doc of f" and c.__module__ == f.__module__
    assert inspect.signature(c) == inspect.signature(f)


def test_custom_function_overrides():
    log = []

    @mx.custom_function
    def f(x, y):
        return x * y

    @f.vjp
    def f_vjp(primals, cotangent, output):
        log.append("vjp")
        return cotangent * 10, cotangent * 20

    @f.jvp
    def f_jvp(primals, tangents):
        log.append("jvp")
        return tangents[0] * 100

    @f.vmap
    def f_vmap(inputs, axes):
        log.append("vmap")
        return inputs[0] * inputs[1] + 1000, axes[0]

    x, y = mx.array(2.0), mx.array(3.0)
    assert f(x, y).item() == 6
    assert [g.item() for g in mx.grad(f, argnums=(0, 1))(x, y)] == [10, 20]
    assert mx.jvp(f, [x, y], [mx.array(1.0), mx.array(1.0)])[1][0].item() == 100
    np.testing.assert_array_equal(npa(mx.vmap(f)(mx.ones(3), mx.ones(3))), [1001] * 3)
    assert log == ["vjp", "jvp", "vmap"]


def test_custom_function_trees_and_defaults():
    @mx.custom_function
    def t(d):
        return {"o": d["a"] * 2}

    @t.vjp
    def t_vjp(p, c, o):
        assert set(p) == {"a"} and set(c) == {"o"}
        return {"a": c["o"] * 9}

    assert mx.grad(lambda d: t(d)["o"])({"a": mx.array(2.0)})["a"].item() == 9

    @mx.custom_function
    def sq(x):
        return x * x

    assert mx.grad(sq)(mx.array(3.0)).item() == 6    # no override: MLX's own vjp
    np.testing.assert_array_equal(npa(mx.vmap(sq)(mx.array([1.0, 2.0]))), [1, 4])

    @sq.vjp
    def bad(p, c, o):
        return "bad"

    with pytest.raises(ValueError, match="custom vjp"):
        mx.grad(sq)(mx.array(3.0))


# ---- exceptions ----

class MyError(Exception):
    pass


def raiser(*a):
    raise MyError("custom", 5)


@pytest.mark.parametrize("call", [
    lambda x: mx.grad(raiser)(x),
    lambda x: mx.value_and_grad(raiser)(x),
    lambda x: mx.vjp(raiser, [x], [x]),
    lambda x: mx.jvp(raiser, [x], [x]),
    lambda x: mx.vmap(raiser)(mx.ones(3)),
    lambda x: mx.checkpoint(raiser)(x),
    lambda x: mx.grad(lambda a: mx.grad(lambda b: mx.vmap(raiser)(b * mx.ones(2))[0])(a))(x),
    lambda x: mx.grad(mx.custom_function(lambda a: a).vjp(raiser))(x),
])
def test_exceptions_keep_type_and_message(call):
    x = mx.array(2.0)
    with pytest.raises(MyError) as info:
        call(x)
    assert info.value.args == ("custom", 5)
    assert mx.grad(lambda a: a * a)(x).item() == 4   # still usable


def test_keyboard_interrupt_like_exceptions_pass():
    def f(a):
        raise KeyError("k")
    with pytest.raises(KeyError):
        mx.grad(f)(mx.array(1.0))


# ---- leaks and threads ----

def test_no_leaks():
    x = mx.array(RNG.standard_normal((8,)).astype(np.float32))
    g = mx.grad(lambda a: mx.sum(a * a))
    v = mx.vmap(lambda a: a * 2)
    c = mx.compile(lambda a: mx.sin(a) + 1)

    def step():
        mx.eval(g(x), mx.vjp(lambda a: a * 3, [x], [x])[1], v(x), c(x))

    for _ in range(50):
        step()
    gc.collect()
    mem0, obj0 = mx.get_active_memory(), len(gc.get_objects())
    for _ in range(500):
        step()
    gc.collect()
    assert mx.get_active_memory() <= mem0 + 4096
    assert len(gc.get_objects()) <= obj0 + 50


def test_transformed_function_freed():
    import weakref

    class F:
        def __call__(self, a):
            return a * a

    f = F()
    r = weakref.ref(f)
    mx.eval(mx.grad(f)(mx.array(1.0)), mx.checkpoint(f)(mx.array(1.0)))
    del f
    gc.collect()
    assert r() is None


def test_threads():
    errors = []
    compiled = mx.compile(lambda a, s: a * s + 1)
    ckpt = mx.checkpoint(lambda a: mx.sin(a) * a)

    def work(k):
        try:
            for _ in range(20):
                x = mx.array(np.full((4,), float(k), dtype=np.float32))
                g = mx.grad(lambda a: mx.sum(a * a * a))(x)
                v = mx.vmap(lambda a: a * k)(x)
                c = compiled(x, 2.0)
                gc_ = mx.grad(lambda a: mx.sum(ckpt(a)))(x)
                mx.eval(g, v, c, gc_)
                np.testing.assert_allclose(npa(g), 3 * k * k * np.ones(4))
                np.testing.assert_allclose(npa(v), k * k * np.ones(4))
                np.testing.assert_allclose(npa(c), (2 * k + 1) * np.ones(4))
                np.testing.assert_allclose(npa(gc_), (np.cos(k) * k + np.sin(k)) * np.ones(4), rtol=1e-5)
        except Exception as e:  # pragma: no cover - reported below
            errors.append(e)

    ts = [threading.Thread(target=work, args=(k,)) for k in range(1, 5)]
    for t in ts:
        t.start()
    for t in ts:
        t.join(60)
    assert not any(t.is_alive() for t in ts)
    assert not errors, errors


# ---- what the function sees of its arguments, and what the caller's containers hold after ----
# (the reference's rules: lists and dicts are handed over themselves, filled with traced arrays;
# afterwards an array still in its traced place gets the caller's original back, one written by
# the function stays)

def test_grad_hands_over_the_callers_module():
    from mlxcy import nn
    lin = nn.Linear(2, 2)
    w0, b0 = lin.weight, lin.bias
    seen = {}

    def loss(m):
        seen["same"] = m is lin
        return m(mx.ones(2)).sum()

    g = mx.grad(loss)(lin)
    assert seen["same"]
    assert type(g) is dict and set(g) == {"weight", "bias"}
    # d/dW sum(W @ 1 + b) = ones (each row sees x = 1), d/db = ones
    np.testing.assert_array_equal(npa(g["weight"]), np.ones((2, 2)))
    np.testing.assert_array_equal(npa(g["bias"]), np.ones(2))
    assert lin.weight is w0 and lin.bias is b0   # the originals are back


def test_grad_write_into_the_argument_list_stays_visible():
    xs = [mx.array(1.0), mx.array(0.0)]
    x0 = xs[0]

    def f(l):
        l[1] = 2 * l[0]
        return l[1]

    g = mx.grad(f)(xs)
    assert [float(v) for v in g] == [2.0, 0.0]       # d(2 x0)/dx0 = 2, x1 unused
    assert xs[0] is x0                                # not written: the original is back
    assert float(xs[1]) == 2.0                        # written: the function's value stays


def test_grad_identity_rules_for_lists_dicts_tuples():
    a, b = mx.array(1.0), mx.array(2.0)
    xs = [a, b]
    inner = [mx.array(3.0)]
    d = {"k": mx.array(4.0), "l": inner}
    t = (mx.array(5.0), inner)
    seen = {}

    def f(l, dd, tt):
        seen["list"] = l is xs
        seen["list_items"] = (l[0] is a, l[1] is b)
        seen["dict"] = dd is d
        seen["dict_inner"] = dd["l"] is inner
        seen["tuple"] = tt is t
        seen["tuple_inner"] = tt[1] is inner
        return l[0] * l[1] + dd["k"] * dd["l"][0] + tt[0]

    g = mx.grad(f, argnums=(0, 1, 2))(xs, d, t)
    assert seen == {"list": True, "list_items": (False, False), "dict": True, "dict_inner": True,
                    "tuple": False, "tuple_inner": True}
    # hand-derived: d/da = b, d/db = a, d/dk = l0, d/dl0 = k (inner seen twice: once per argument)
    assert [float(v) for v in g[0]] == [2.0, 1.0]
    assert float(g[1]["k"]) == 3.0
    assert xs[0] is a and xs[1] is b


def test_grad_non_differentiated_arguments_are_new_objects_and_restored():
    c = [mx.array(1.0)]
    c0 = c[0]
    z = mx.array(5.0)
    seen = {}

    def f(x, l, zz, *, k):
        seen["l"] = l is c
        seen["l0"] = l[0] is c0
        seen["z"] = zz is z
        seen["k"] = k is z
        return x * l[0]

    g = mx.grad(f)(mx.array(2.0), c, z, k=z)
    assert float(g) == 1.0
    assert seen == {"l": True, "l0": False, "z": False, "k": False}
    assert c[0] is c0


def test_grad_argnames_list_is_the_callers():
    kw = [mx.array(3.0)]
    k0 = kw[0]
    seen = {}

    def f(x, *, y):
        seen["y"] = y is kw
        return x * y[0]

    g = mx.grad(f, argnames="y")(mx.array(2.0), y=kw)
    assert seen["y"] and kw[0] is k0
    assert g[0] is None and float(g[1]["y"][0]) == 2.0


def test_grad_restores_the_callers_list_after_an_exception():
    xs = [mx.array(1.0)]
    x0 = xs[0]

    def f(l):
        raise KeyError("boom")

    with pytest.raises(KeyError):
        mx.grad(f)(xs)
    assert xs[0] is x0   # (the reference leaves the traced array there: docs/differences.md)


def test_value_and_grad_returns_new_containers_for_the_value():
    xs = [mx.array(1.0), [mx.array(2.0)]]

    def f(l):
        return l[0] * l[1][0], l, 5

    (loss, aux, five), g = mx.value_and_grad(f)(xs)
    assert float(loss) == 2.0 and five == 5
    assert aux is not xs and aux[1] is not xs[1]
    assert float(aux[0]) == 1.0 and float(aux[1][0]) == 2.0
    assert float(g[0]) == 2.0 and float(g[1][0]) == 1.0


def test_value_and_grad_aux_arrays_carry_no_gradient():
    x = mx.array(3.0)
    # the aux output x*x must not add 2x to the gradient of the loss 2x
    (v, aux), g = mx.value_and_grad(lambda a: (2 * a, a * a))(x)
    assert float(v) == 6.0 and float(aux) == 9.0 and float(g) == 2.0


def test_grad_argnums_unsorted_and_bool():
    x = mx.array([1.0, 2.0])
    # reference: gradients in increasing argument order whatever the order of argnums
    ga, gb = mx.grad(lambda a, b: (a * 2 * b).sum(), argnums=(1, 0))(x, 2 * x)
    np.testing.assert_array_equal(npa(ga), 2 * 2 * npa(x))   # d/da = 2b
    np.testing.assert_array_equal(npa(gb), 2 * npa(x))       # d/db = 2a
    # a bool is an int index
    g = mx.grad(lambda a, b: (a * b).sum(), argnums=True)(x, 3 * x)
    np.testing.assert_array_equal(npa(g), npa(x))
    with pytest.raises(TypeError):
        mx.grad(lambda a: a, argnames=None)
    # NumPy integers and any sequence (a range) are accepted as in the reference
    sq = lambda a: (a * a).sum()  # noqa: E731
    for argnums in (np.int64(0), (np.int64(0),), range(1)):
        np.testing.assert_array_equal(npa(mx.grad(sq, argnums=argnums)(x)), 2 * npa(x))
    for bad in (1.0, "a", [0.0]):
        with pytest.raises(TypeError):
            mx.grad(sq, argnums=bad)


def test_grad_no_array_to_differentiate():
    with pytest.raises(ValueError, match="at least one argument"):
        mx.grad(lambda d: mx.array(1.0))([])
    with pytest.raises(ValueError, match="at least one argument"):
        mx.grad(lambda d: mx.array(1.0))({})
    # an empty container beside arrays is fine, and keeps its type
    g = mx.grad(lambda a, d: (a * a).sum(), argnums=(0, 1))(mx.array([1.0, 2.0]), [])
    np.testing.assert_array_equal(npa(g[0]), [2.0, 4.0])
    assert g[1] == []


class _Pair(tuple):
    pass


def test_tuple_subclasses_survive_grad_and_vmap():
    from collections import namedtuple
    NT = namedtuple("NT", "a b")
    x = mx.array([1.0, 2.0])
    seen = []

    def f(p):
        seen.append(type(p))
        return (p[0] * p[1]).sum()

    g = mx.grad(f)(_Pair((x, 3 * x)))
    assert seen[-1] is _Pair and type(g) is _Pair
    np.testing.assert_array_equal(npa(g[0]), 3 * npa(x))
    g = mx.grad(f)(NT(x, 3 * x))
    assert seen[-1] is NT and type(g) is NT
    np.testing.assert_array_equal(npa(g.b), npa(x))
    (v, aux), g = mx.value_and_grad(lambda a: ((a * a).sum(), _Pair((a, 2))))(x)
    assert type(aux) is _Pair and aux[1] == 2
    r = mx.vmap(lambda p: (seen.append(type(p)), p[0] * p[1])[1])(_Pair((x, x)))
    assert seen[-1] is _Pair
    np.testing.assert_array_equal(npa(r), npa(x) ** 2)
    r = mx.vmap(lambda a: _Pair((a, 2 * a)))(x)
    assert type(r) is _Pair
    np.testing.assert_array_equal(npa(r[1]), 2 * npa(x))
    r = mx.checkpoint(lambda a: _Pair((a, 2 * a)))(x)
    assert type(r) is _Pair
    # list and dict subclasses come back as plain lists and dicts (as in the reference)
    class L(list):
        pass
    assert type(mx.vmap(lambda a: L([a]))(x)) is list


@pytest.mark.parametrize("make", [mx.grad, mx.value_and_grad, mx.vmap, mx.checkpoint])
def test_transformed_function_looks_like_the_function(make):
    import inspect

    def f(x, y=2, *, z: int = 3) -> int:
        "doc of f"
        return x

    f.custom = 5
    g = make(f)
    assert g.__name__ == "f" and g.__qualname__ == f.__qualname__
    assert g.__doc__ == "doc of f" and g.__module__ == f.__module__
    assert g.__wrapped__ is f
    assert inspect.signature(g) == inspect.signature(f)
    assert g.__code__ is f.__code__ and g.__defaults__ == (2,) and g.custom == 5
    with pytest.raises(AttributeError):
        g.no_such_attribute


def test_vmap_axes_prefix_rules():
    x = mx.ones((2, 3))
    y = mx.ones((3, 2))
    # a one-element tuple for a lone array stands for its axis, for inputs and outputs
    assert mx.vmap(lambda v: 2 * v, out_axes=(1,))(x).shape == (3, 2)
    assert mx.vmap(lambda v: v, in_axes=(1,))(x).shape == (3, 2)
    assert mx.vmap(lambda v: (v, v), out_axes=(1, 0))(x)[0].shape == (3, 2)
    assert mx.vmap(lambda v: [v], out_axes=[1])(x)[0].shape == (3, 2)
    # a list of axes for a lone list argument; a dict for a dict
    r = mx.vmap(lambda a: a[0] + a[1].T, in_axes=[0, 1])([x, y])
    assert r.shape == (2, 3)
    r = mx.vmap(lambda d: d["a"] + d["b"].T, in_axes={"a": 0, "b": 1})({"a": x, "b": y})
    assert r.shape == (2, 3)
    # negative axes count from the end
    assert mx.vmap(lambda v: v, in_axes=-1)(x).shape == (3, 2)
    assert mx.vmap(lambda v: v, out_axes=-1)(x).shape == (3, 2)
    # containers of another kind, or of another length or keys, are not prefixes
    for in_axes, arg in [((0,), [x, x]), ([0, 1], (x, y)), (({"a": 0},), {"a": x}),
                         (((0, 1),), (x, y)), ({"a": 0}, {"a": x, "b": x}),
                         ({"a": 0, "b": 0, "c": 0}, {"a": x, "b": x})]:
        with pytest.raises(ValueError, match="not a valid prefix"):
            mx.vmap(lambda a: x, in_axes=in_axes)(arg)
    with pytest.raises(ValueError, match="not a valid prefix"):
        mx.vmap(lambda a, b: a, in_axes=[0, 0])(x, x)
    with pytest.raises(ValueError, match="not a valid prefix"):
        mx.vmap(lambda v: (v, v), out_axes=(1,))(x)
    with pytest.raises(ValueError, match="not a valid prefix"):
        mx.vmap(lambda v: [v], out_axes=(1,))(x)
    # an axis must be an int or None where an array is
    for bad in [(0, 0), [0], 1.0, "a"]:
        with pytest.raises(ValueError, match="axis must be int or None"):
            mx.vmap(lambda v: v, in_axes=bad)(x)
    with pytest.raises(ValueError, match="axis must be int or None"):
        mx.vmap(lambda v: v, in_axes=((0,),))((x,))
    # a bool is an int axis
    assert mx.vmap(lambda v: v, in_axes=True)(x).shape == (3, 2)


def test_custom_function_direct_call_gets_the_arguments_themselves():
    x = mx.array([1.0, 2.0])
    xs = [x, 2 * x]
    seen = {}

    @mx.custom_function
    def f(l):
        seen["list"] = l is xs
        seen["item"] = l[0] is x
        l[1] = l[0] * 5
        return l[0] * l[1]

    r = f(xs)
    assert seen == {"list": True, "item": True}
    np.testing.assert_array_equal(npa(r), 5 * npa(x) ** 2)
    np.testing.assert_array_equal(npa(xs[1]), 5 * npa(x))   # the write stays, as in the reference
    # under a transform the function sees the transform's arrays, and gradients still flow
    g = mx.grad(lambda a: mx.custom_function(lambda b: (b * b).sum())(a))(x)
    np.testing.assert_array_equal(npa(g), 2 * npa(x))


def test_grad_rebuilds_every_tuple_argument():
    inner = [3]
    tp, tp2 = (1, 2), (inner, "a")
    seen = {}

    def f(a, t, t2):
        seen.update(t=t is tp, t2=t2 is tp2, inner=t2[0] is inner, values=(t, t2))
        return a * 2

    assert float(mx.grad(f)(mx.array(2.0), tp, tp2)) == 2.0
    assert seen == {"t": False, "t2": False, "inner": True, "values": ((1, 2), ([3], "a"))}


def test_grad_argnums_beyond_32_bits_is_type_error():
    with pytest.raises(TypeError):
        mx.grad(lambda x: mx.sum(x * x), argnums=2 ** 40)


# ---- calls on positional arrays only (mlxcy's fast paths) give what the general path gives ----

def test_grad_positional_arrays_hand_derived():
    x, y, z = mx.array([1.0, 2.0]), mx.array([3.0, -1.0]), mx.array(0.5)

    def f(a, b, c):   # sum(a * b) * c: d/da = b c, d/db = a c, d/dc = sum(a * b)
        return mx.sum(a * b) * c

    assert npa(mx.grad(f)(x, y, z)).tolist() == [1.5, -0.5]
    assert npa(mx.grad(f, argnums=1)(x, y, z)).tolist() == [0.5, 1.0]
    for nums in ((0, 2), (2, 0), [2, 0]):   # gradients come in argument order
        ga, gc = mx.grad(f, argnums=nums)(x, y, z)
        assert npa(ga).tolist() == [1.5, -0.5] and float(gc) == 1.0
    v, g = mx.value_and_grad(f, argnums=2)(x, y, z)
    assert float(v) == 0.5 and float(g) == 1.0
    (v, aux), (ga, gb) = mx.value_and_grad(lambda a, b: (mx.sum(a * b), [a + b, 7]), argnums=[0, 1])(x, y)
    assert float(v) == 1.0 and npa(aux[0]).tolist() == [4.0, 1.0] and aux[1] == 7
    assert npa(ga).tolist() == [3.0, -1.0] and npa(gb).tolist() == [1.0, 2.0]
    # the same call through the general path (a keyword argument): the same numbers
    ga2 = mx.grad(lambda a, b, *, c: f(a, b, c))(x, y, c=z)
    assert npa(ga2).tolist() == [1.5, -0.5]


def test_grad_positional_arrays_are_new_objects_and_errors_unchanged():
    x, y = mx.array(2.0), mx.array(3.0)
    seen = []

    def f(a, b):
        seen.append((a is x, b is y, type(a) is mx.array))
        return a * b

    assert float(mx.grad(f)(x, y)) == 3.0
    assert float(mx.grad(f, argnums=1)(x, y)) == 2.0
    assert seen == [(False, False, True)] * 2
    with pytest.raises(ValueError, match=r"argument index 1 because the function is called with only 1"):
        mx.grad(lambda a, b=None: a, argnums=1)(x)
    with pytest.raises(KeyError, match="inside"):
        mx.grad(lambda a: {}["inside"])(x)
    with pytest.raises(ValueError, match=r"tuple with the first value being of type int"):
        mx.value_and_grad(lambda a, b: (1, a), argnums=1)(x, y)
    with pytest.raises(ValueError) as e:
        mx.value_and_grad(lambda a: ())(x)
    assert str(e.value) == ("[value_and_grad] The return value of the function whose gradient we want to "
                            "compute should be either a scalar array or a non-empty tuple. The first value "
                            "should be a scalar array and the rest can be anything. Instead, we got an empty "
                            "tuple.")   # the reference's words (mlx 0.32.4)


def test_transformed_function_dict_is_what_update_wrapper_writes():
    import functools

    def f(x: int) -> int:
        "doc of f"
        return x

    class Plain:
        pass

    expected = vars(functools.update_wrapper(Plain(), f, updated=()))
    for make in (mx.grad, mx.value_and_grad, mx.vmap, mx.compile, mx.checkpoint):
        assert vars(make(f)) == expected
    p = functools.partial(f)   # no __name__: left out, as update_wrapper does
    assert vars(mx.grad(p)) == vars(functools.update_wrapper(Plain(), p, updated=()))


def test_vmap_one_array_axes_against_numpy():
    x = np.arange(24, dtype=np.float32).reshape(2, 3, 4)
    for ia in (0, 1, 2, -1, -3):
        for oa in (0, 1, 2, -1, -3):
            r = mx.vmap(lambda v: v * 2, in_axes=ia, out_axes=oa)(mx.array(x))
            np.testing.assert_array_equal(npa(r), np.moveaxis(np.moveaxis(x, ia, 0) * 2, 0, oa))
    # other outputs of the same call go the general way
    s, l = mx.vmap(lambda v: (v.sum(), [v[0]]), in_axes=1)(mx.array(x))
    np.testing.assert_array_equal(npa(s), x.sum(axis=(0, 2)))
    np.testing.assert_array_equal(npa(l[0]), x[0])


def test_vmap_invalid_axis_messages_name_the_axis_as_the_reference():
    # hand-copied from mlx 0.32.4: a negative axis is named counted from the end
    x = mx.ones((2, 3, 4))
    cases = [(dict(in_axes=3), "vectorization axis 3 for array with shape (2,3,4)"),
             (dict(in_axes=-4), "vectorization axis -1 for array with shape (2,3,4)"),
             (dict(in_axes=-10), "vectorization axis -7 for array with shape (2,3,4)"),
             (dict(in_axes=(-4,)), "vectorization axis -1 for array with shape (2,3,4)"),
             (dict(out_axes=3), "output vectorization axis 3 for array with shape (3,4)"),
             (dict(out_axes=-5), "output vectorization axis -2 for array with shape (3,4)")]
    for kw, msg in cases:
        with pytest.raises(IndexError) as e:
            mx.vmap(lambda v: v, **kw)(x)
        assert str(e.value) == "[vmap] Invalid " + msg
    with pytest.raises(IndexError, match=r"axis -1 for array with shape \(2,2\)"):
        mx.vmap(lambda a, b: a + b, in_axes=(0, -3))(x, mx.ones((2, 2)))


def test_compile_positional_arrays_trace_once_per_signature():
    traced = []

    def f(a, b):
        traced.append(a.shape)
        return a * b + 1

    cf = mx.compile(f)
    assert cf(mx.array([1, 2]), mx.array([3, 4])).tolist() == [4, 9]
    assert cf(mx.array([5, 6]), mx.array([1, 1])).tolist() == [6, 7]
    assert len(traced) == 1
    assert cf(mx.array([1.5]), mx.array([2.0])).tolist() == [4.0]
    assert len(traced) == 2
    assert cf(mx.array([1, 2]), 2).tolist() == [3, 5]   # a constant: the general path
    assert len(traced) == 3
    r = mx.compile(lambda a: (a + 1, [a * 2]))(mx.array(1))
    assert type(r) is tuple and r[0].item() == 2 and type(r[1]) is list and r[1][0].item() == 2
