"""mlxcy.nn.init: values, statistics, fan computation and validation."""
import math

import numpy as np
import pytest

import mlxcy as mx
import mlxcy.nn.init as init


def A(x):
    return np.array(x)


def test_constant_identity_dtypes():
    a = mx.zeros((3, 4))
    assert np.array_equal(A(init.constant(2.5)(a)), np.full((3, 4), 2.5, np.float32))
    c = init.constant(3, dtype=mx.int32)(a)
    assert c.dtype == mx.int32 and c.shape == (3, 4)
    eye = init.identity(dtype=mx.float16)(mx.zeros((4, 4)))
    assert eye.dtype == mx.float16 and np.array_equal(A(eye), np.eye(4))
    with pytest.raises(ValueError, match=r"The input array must be a square matrix but got shape \(2, 3\)."):
        init.identity()(mx.zeros((2, 3)))


def test_normal_and_uniform_statistics():
    a = mx.zeros((200, 200))
    n = A(init.normal(mean=1.5, std=0.5)(a))
    assert abs(n.mean() - 1.5) < 0.01 and abs(n.std() - 0.5) < 0.01
    u = A(init.uniform(low=-2, high=1)(a))
    assert u.min() >= -2 and u.max() < 1 and abs(u.mean() + 0.5) < 0.02
    assert abs(u.var() - 9 / 12) < 0.02
    assert init.normal(dtype=mx.float16)(a).dtype == mx.float16


@pytest.mark.parametrize("shape,fan_in,fan_out", [((30, 40), 40, 30), ((16, 3, 3, 8), 72, 144), ((20, 5, 10), 50, 100)])
def test_glorot_and_he_fans(shape, fan_in, fan_out):
    mx.random.seed(0)
    a = mx.zeros(shape)
    g = A(init.glorot_normal()(a, gain=2.0))
    assert abs(g.std() - 2.0 * math.sqrt(2 / (fan_in + fan_out))) / g.std() < 0.1
    gu = A(init.glorot_uniform()(a))
    limit = math.sqrt(6 / (fan_in + fan_out))
    assert gu.max() <= limit and gu.min() >= -limit and gu.max() > 0.9 * limit
    h = A(init.he_normal()(a))
    assert abs(h.std() - 1 / math.sqrt(fan_in)) / h.std() < 0.1
    ho = A(init.he_normal()(a, mode="fan_out", gain=3.0))
    assert abs(ho.std() - 3 / math.sqrt(fan_out)) / ho.std() < 0.1
    hu = A(init.he_uniform()(a, mode="fan_out"))
    limit = math.sqrt(3 / fan_out)
    assert hu.max() <= limit and hu.min() >= -limit and hu.max() > 0.9 * limit


def test_fan_errors():
    with pytest.raises(ValueError, match="Glorot / He initialization requires at least 2 dimensional input but input with 1 dimensions."):
        init.glorot_normal()(mx.zeros((3,)))
    with pytest.raises(ValueError, match="Invalid mode: bad. Valid modes are: fan_in, fan_out"):
        init.he_uniform()(mx.zeros((3, 3)), mode="bad")


@pytest.mark.parametrize("shape", [(4, 7), (7, 4), (5, 5)])
def test_orthogonal(shape):
    q = A(init.orthogonal(gain=2.0)(mx.zeros(shape)))
    assert q.shape == shape
    r, c = shape
    gram = q @ q.T if r <= c else q.T @ q
    np.testing.assert_allclose(gram, 4.0 * np.eye(min(shape)), atol=1e-4)
    with pytest.raises(ValueError, match="Orthogonal initialization requires a 2D array but got a 3D array."):
        init.orthogonal()(mx.zeros((2, 3, 4)))


def test_sparse():
    w = A(init.sparse(0.3, mean=5.0, std=0.1)(mx.zeros((6, 10))))
    zeros_per_row = (w == 0).sum(axis=1)
    assert np.all(zeros_per_row == math.ceil(0.3 * 10))
    assert abs(w[w != 0].mean() - 5.0) < 0.1
    assert np.all(A(init.sparse(0.0)(mx.zeros((3, 4)))) != 0)
    with pytest.raises(ValueError, match="Only tensors with 2 dimensions are supported"):
        init.sparse(0.5)(mx.zeros((2, 3, 4)))


def test_initialisers_plug_into_modules():
    import mlxcy.nn as nn

    lin = nn.Linear(8, 8)
    lin.apply(init.constant(0.5))
    assert np.all(A(lin.weight) == 0.5) and np.all(A(lin.bias) == 0.5)
