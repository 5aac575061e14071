"""Loss functions. Each takes ``reduction`` in ``'none'``, ``'mean'``, ``'sum'``."""
import math
from typing import Literal, Optional

import mlxcy as mx
from mlxcy.nn.layers.activations import _shift_by_max

Reduction = Literal["none", "mean", "sum"]
_REDUCTIONS = ("none", "mean", "sum")


def _reduce(loss: mx.array, reduction: Reduction = "none"):
    if reduction == "mean":
        return mx.mean(loss)
    if reduction == "sum":
        return mx.sum(loss)
    if reduction == "none":
        return loss
    raise ValueError(f"Invalid reduction. Must be one of {_REDUCTIONS}.")


def _same_shape(a, b, a_name, b_name):
    if a.shape != b.shape:
        raise ValueError(f"{a_name} shape {a.shape} does not match {b_name} shape {b.shape}.")


def _weighted(loss, weights):
    if weights is None:
        return loss
    if weights.shape != loss.shape:
        raise ValueError(
            f"Weights with shape {weights.shape} is not the same as output loss with shape {loss.shape}."
        )
    return loss * weights


def cross_entropy(logits: mx.array, targets: mx.array, weights: Optional[mx.array] = None, axis: int = -1,
                  label_smoothing: float = 0.0, reduction: Reduction = "none") -> mx.array:
    """Cross entropy between ``logits`` and class indices or class probabilities ``targets``.

    With ``label_smoothing`` ``s`` the target distribution is mixed with the uniform one.
    """
    if label_smoothing < 0 or label_smoothing >= 1:
        raise ValueError(f"Label smoothing must be in [0, 1), got {label_smoothing}.")
    probs = targets.ndim == logits.ndim
    expected = logits.shape if probs else tuple(d for i, d in enumerate(logits.shape) if i != axis % logits.ndim)
    if targets.shape != expected:
        raise ValueError(f"Targets shape {targets.shape} does not match logits shape {logits.shape}.")
    # on logits shifted by their maximum, lse stays small: lse - score keeps its precision
    # (logits [1e4, 1e4] give log 2, not the float32 rounding of 1e4 + log 2, minus 1e4)
    logits = _shift_by_max(logits, axis)
    if probs:
        score = mx.sum(logits * targets, axis=axis)
    else:
        score = mx.take_along_axis(logits, mx.expand_dims(targets, axis), axis).squeeze(axis)
    lse = mx.logsumexp(logits, axis=axis)
    if label_smoothing > 0:
        # this order of operations (adding the negated mean) gives a NaN loss the reference's sign
        smoothing_term = -mx.mean(logits, axis=axis) * label_smoothing
        loss = lse - (1 - label_smoothing) * score + smoothing_term
    else:
        loss = lse - score
    return _reduce(_weighted(loss, weights), reduction)


def binary_cross_entropy(inputs: mx.array, targets: mx.array, weights: Optional[mx.array] = None,
                         with_logits: bool = True, reduction: Reduction = "mean") -> mx.array:
    """Binary cross entropy of logits (or, without ``with_logits``, probabilities) against ``targets``."""
    _same_shape(inputs, targets, "Inputs", "targets")
    if with_logits:
        loss = mx.logaddexp(0.0, inputs) - inputs * targets
    else:
        log_p = mx.maximum(mx.log(inputs), -100)
        log_q = mx.maximum(mx.log(1 - inputs), -100)
        loss = -(targets * log_p + (1 - targets) * log_q)
    return _reduce(_weighted(loss, weights), reduction)


def l1_loss(predictions: mx.array, targets: mx.array, reduction: Reduction = "mean") -> mx.array:
    """Absolute error ``|predictions - targets|``."""
    _same_shape(predictions, targets, "Predictions", "targets")
    return _reduce(mx.abs(predictions - targets), reduction)


def mse_loss(predictions: mx.array, targets: mx.array, reduction: Reduction = "mean") -> mx.array:
    """Squared error ``(predictions - targets)^2``."""
    _same_shape(predictions, targets, "Predictions", "targets")
    return _reduce(mx.square(predictions - targets), reduction)


def nll_loss(inputs: mx.array, targets: mx.array, axis: int = -1, reduction: Reduction = "none") -> mx.array:
    """Negative log likelihood: minus the log-probability ``inputs`` picked by class index ``targets``."""
    picked = mx.take_along_axis(inputs, mx.expand_dims(targets, axis), axis).squeeze(axis)
    return _reduce(-picked, reduction)


def gaussian_nll_loss(inputs: mx.array, targets: mx.array, vars: mx.array, full: bool = False,
                      eps: float = 1e-6, reduction: Reduction = "mean") -> mx.array:
    """Negative log likelihood of ``targets`` under normals of mean ``inputs`` and variance ``vars``."""
    _same_shape(inputs, targets, "Inputs", "targets")
    _same_shape(inputs, vars, "Inputs", "vars")
    vars = mx.maximum(vars, eps)
    loss = 0.5 * (mx.log(vars) + mx.square(targets - inputs) / vars)
    if full:
        loss = loss + 0.5 * math.log(2 * math.pi)
    return _reduce(loss, reduction)


def kl_div_loss(inputs: mx.array, targets: mx.array, axis: int = -1, reduction: Reduction = "none") -> mx.array:
    """KL divergence from log-probabilities ``inputs`` to log-probabilities ``targets``."""
    loss = mx.sum(mx.exp(targets) * (targets - inputs), axis)
    return _reduce(loss, reduction)


def smooth_l1_loss(predictions: mx.array, targets: mx.array, beta: float = 1.0,
                   reduction: Reduction = "mean") -> mx.array:
    """Quadratic ``0.5 d^2 / beta`` below ``beta``, linear ``d - 0.5 beta`` above, ``d = |p - t|``."""
    _same_shape(predictions, targets, "Predictions", "targets")
    d = mx.abs(predictions - targets)
    loss = mx.where(d < beta, 0.5 * mx.square(d) / beta, d - 0.5 * beta)
    return _reduce(loss, reduction)


def triplet_loss(anchors: mx.array, positives: mx.array, negatives: mx.array, axis: int = -1, p: int = 2,
                 margin: float = 1.0, eps: float = 1e-6, reduction: Reduction = "none") -> mx.array:
    """``max(||a - p|| - ||a - n|| + margin, 0)`` with ``p``-norms along ``axis``."""

    def dist(u, v):
        return mx.power(mx.sum(mx.power(mx.abs(u - v), p), axis) + eps, 1.0 / p)

    loss = mx.maximum(dist(anchors, positives) - dist(anchors, negatives) + margin, 0)
    return _reduce(loss, reduction)


def hinge_loss(inputs: mx.array, targets: mx.array, reduction: Reduction = "none") -> mx.array:
    """``max(1 - inputs * targets, 0)`` for targets in {-1, 1}."""
    return _reduce(mx.maximum(1 - inputs * targets, 0), reduction)


def huber_loss(inputs: mx.array, targets: mx.array, delta: float = 1.0, reduction: Reduction = "none") -> mx.array:
    """Quadratic ``0.5 d^2`` for ``|d| <= delta``, linear ``delta (|d| - 0.5 delta)`` beyond."""
    d = mx.abs(inputs - targets)
    quad = mx.minimum(d, delta)
    loss = 0.5 * mx.square(quad) + delta * (d - quad)
    return _reduce(loss, reduction)


def log_cosh_loss(inputs: mx.array, targets: mx.array, reduction: Reduction = "none") -> mx.array:
    """``log(cosh(inputs - targets))``, computed stably."""
    d = inputs - targets
    loss = mx.logaddexp(d, -d) - math.log(2)
    return _reduce(loss, reduction)


def cosine_similarity_loss(x1: mx.array, x2: mx.array, axis: int = 1, eps: float = 1e-8,
                           reduction: Reduction = "none") -> mx.array:
    """Cosine similarity of ``x1`` and ``x2`` along ``axis`` (norm product floored at ``eps``)."""
    n1 = mx.linalg.norm(x1, axis=axis)
    n2 = mx.linalg.norm(x2, axis=axis)
    loss = mx.sum(x1 * x2, axis=axis) / mx.maximum(n1 * n2, eps)
    return _reduce(loss, reduction)


def margin_ranking_loss(inputs1: mx.array, inputs2: mx.array, targets: mx.array, margin: float = 0.0,
                        reduction: Reduction = "none") -> mx.array:
    """``max(0, -targets * (inputs1 - inputs2) + margin)`` for targets in {-1, 1}."""
    if not (inputs1.shape == inputs2.shape == targets.shape):
        raise ValueError(
            "The shapes of the arguments do not match. The provided shapes are "
            f"inputs1.shape={inputs1.shape}, inputs2.shape={inputs2.shape}, and "
            f"targets.shape={targets.shape}."
        )
    loss = mx.maximum(0, -targets * (inputs1 - inputs2) + margin)
    return _reduce(loss, reduction)
