"""Training through mlxcy.nn: value_and_grad over modules, checkpoint, average_gradients."""
import numpy as np
import pytest

import mlxcy as mx
import mlxcy.nn as nn
from mlxcy.nn.utils import average_gradients, checkpoint
from mlxcy.utils import tree_flatten, tree_map


def sgd_step(model, grads, lr):
    model.update(tree_map(lambda p, g: p - lr * g, model.trainable_parameters(), grads))


def test_mlp_learns_a_nonlinear_classification():
    """Two concentric rings: not linearly separable, a small MLP must get the loss below 0.1."""
    mx.random.seed(0)
    rng = np.random.default_rng(0)
    n = 256
    radius = np.where(rng.random(n) < 0.5, 1.0, 2.0)
    angle = rng.random(n) * 2 * np.pi
    pts = np.stack([radius * np.cos(angle), radius * np.sin(angle)], 1) + 0.1 * rng.standard_normal((n, 2))
    labels = (radius > 1.5).astype(np.int32)
    X, Y = mx.array(pts.astype(np.float32)), mx.array(labels)

    model = nn.Sequential(nn.Linear(2, 32), nn.Tanh(), nn.Linear(32, 32), nn.Tanh(), nn.Linear(32, 2))

    def loss_fn(x, y):
        return nn.losses.cross_entropy(model(x), y, reduction="mean")

    step = nn.value_and_grad(model, loss_fn)
    first = None
    for _ in range(300):
        loss, grads = step(X, Y)
        sgd_step(model, grads, 0.5)
        mx.eval(model.parameters())
        first = float(loss) if first is None else first
    final = float(loss_fn(X, Y))
    assert first > 0.5
    assert final < 0.1, final
    acc = float(mx.mean(mx.argmax(model(X), axis=-1) == Y))
    assert acc > 0.97


def test_regression_with_conv_and_norm_layers():
    """A conv + norm + pooling model fits a smoothed signal; MSE must fall below a tenth of its start."""
    mx.random.seed(1)
    rng = np.random.default_rng(1)
    x = rng.standard_normal((16, 12, 2)).astype(np.float32)
    tgt = np.stack([np.convolve(s[:, 0], [0.25, 0.5, 0.25], "same") + s[:, 1] for s in x])[..., None]
    X, T = mx.array(x), mx.array(tgt.astype(np.float32))
    model = nn.Sequential(nn.Conv1d(2, 8, 3, padding=1), nn.LayerNorm(8), nn.GELU(), nn.Conv1d(8, 1, 1))
    step = nn.value_and_grad(model, lambda a, b: nn.losses.mse_loss(model(a), b))
    start = float(nn.losses.mse_loss(model(X), T))
    for _ in range(200):
        _, g = step(X, T)
        sgd_step(model, g, 0.1)
        mx.eval(model.parameters())
    assert float(nn.losses.mse_loss(model(X), T)) < 0.1 * start


def test_value_and_grad_only_sees_trainable_parameters():
    model = nn.Sequential(nn.Linear(3, 3), nn.Linear(3, 1))
    model.layers[0].freeze()
    x = mx.ones((4, 3))
    loss, grads = nn.value_and_grad(model, lambda a: mx.sum(model(a)))(x)
    keys = [k for k, _ in tree_flatten(grads)]
    assert keys == ["layers.1.weight", "layers.1.bias"]
    # d/dW of sum(W h + b) is the column sums of h
    h = np.array(model.layers[0](x))
    np.testing.assert_allclose(np.array(grads["layers"][1]["weight"]), h.sum(0, keepdims=True), rtol=1e-5)
    np.testing.assert_allclose(np.array(grads["layers"][1]["bias"]), [4.0])


def test_checkpoint_gives_the_same_gradients():
    mx.random.seed(2)
    block = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 4))
    x = mx.array(np.random.default_rng(2).standard_normal((3, 4)).astype(np.float32))
    plain = nn.value_and_grad(block, lambda a: mx.sum(block(a) ** 2))(x)
    ck_call = checkpoint(block)
    ck = nn.value_and_grad(block, lambda a: mx.sum(ck_call(a) ** 2))(x)
    assert float(plain[0]) == pytest.approx(float(ck[0]), rel=1e-6)
    for (k1, g1), (k2, g2) in zip(tree_flatten(plain[1]), tree_flatten(ck[1])):
        assert k1 == k2
        np.testing.assert_allclose(np.array(g1), np.array(g2), rtol=1e-5, atol=1e-6)


def test_average_gradients_single_process_is_identity():
    grads = {"a": mx.ones((2,)), "b": [mx.zeros((3,))]}
    assert average_gradients(grads) is grads
    assert nn.average_gradients(grads, all_reduce_size=0) is grads


def test_dropout_is_inactive_in_eval_mode_during_training_loops():
    model = nn.Sequential(nn.Linear(4, 4), nn.Dropout(0.5))
    x = mx.ones((2, 4))
    model.eval()
    a, b = np.array(model(x)), np.array(model(x))
    assert np.array_equal(a, b)
