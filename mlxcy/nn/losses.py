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
    """Cross-entropy loss of unnormalised ``logits`` against class indices or class probabilities.

    The loss of one sample is ``logsumexp(logits) - score`` where ``score`` is the logit of the
    target class (``targets`` holds class indices, one dimension fewer than ``logits``) or the
    target-weighted sum of the logits (``targets`` holds probabilities, the shape of ``logits``).
    With ``label_smoothing`` ``s`` the target distribution is mixed with the uniform one:
    ``(1 - s) * target + s / num_classes``.

    Parameters
    ----------
    logits : array
        Unnormalised scores; the classes lie along ``axis``.
    targets : array
        Integer class indices (the shape of ``logits`` without ``axis``) or probabilities (the
        shape of ``logits``).
    weights : array, optional
        Per-sample weights, the shape of the unreduced loss. Default: ``None``, every weight 1.
    axis : int, optional
        The class axis of ``logits``. Default: ``-1``.
    label_smoothing : float, optional
        Amount of uniform distribution mixed into the targets, in ``[0, 1)``. Default: ``0.0``.
    reduction : {'none', 'mean', 'sum'}, optional
        How to reduce the element-wise losses: ``'none'`` keeps them, ``'mean'`` averages them,
        ``'sum'`` adds them up. Default: ``'none'``.

    Returns
    -------
    array
        The loss per sample (the shape of ``logits`` without ``axis``); a 0-d array when
        ``reduction`` is ``'mean'`` or ``'sum'``.

    Raises
    ------
    ValueError
        When ``label_smoothing`` is outside ``[0, 1)``, when ``targets`` has neither accepted
        shape, when ``weights`` does not have the shape of the loss, or for an unknown ``reduction``.

    Examples
    --------
    >>> logits = mx.array([[0.0, 0.0], [0.0, 0.0]])
    >>> nn.losses.cross_entropy(logits, mx.array([0, 1]))
    array([0.693147, 0.693147], dtype=float32)
    >>> nn.losses.cross_entropy(logits, mx.array([[0.5, 0.5], [1.0, 0.0]]), reduction="sum")
    array(1.38629, dtype=float32)
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
    """Binary cross-entropy of logits (or probabilities) against targets in ``[0, 1]``.

    With ``with_logits=True`` the loss is ``log(1 + exp(x)) - x * t``, computed stably; otherwise
    ``inputs`` are probabilities and the loss is ``-(t * log(p) + (1 - t) * log(1 - p))`` with each
    logarithm floored at ``-100`` (a probability of 0 or 1 gives a finite loss).

    Parameters
    ----------
    inputs : array
        Logits, or probabilities when ``with_logits`` is false.
    targets : array
        Target probabilities (usually 0 or 1), the shape of ``inputs``.
    weights : array, optional
        Element-wise weights, the shape of ``inputs``. Default: ``None``, every weight 1.
    with_logits : bool, optional
        Whether ``inputs`` are logits (``True``) or probabilities (``False``). Default: ``True``.
    reduction : {'none', 'mean', 'sum'}, optional
        How to reduce the element-wise losses: ``'none'`` keeps them, ``'mean'`` averages them,
        ``'sum'`` adds them up. Default: ``'mean'``.

    Returns
    -------
    array
        The element-wise losses, the shape of ``inputs``; a 0-d array when ``reduction`` is ``'mean'`` or ``'sum'``.

    Raises
    ------
    ValueError
        When ``inputs`` and ``targets`` (or ``weights``) differ in shape, or for an unknown
        ``reduction``.

    Examples
    --------
    >>> nn.losses.binary_cross_entropy(mx.array([0.0, 0.0]), mx.array([0.0, 1.0]))
    array(0.693147, dtype=float32)
    >>> nn.losses.binary_cross_entropy(mx.array([0.5, 1.0]), mx.array([1.0, 0.0]),
    ...                                with_logits=False, reduction="none")
    array([0.693147, 100], dtype=float32)
    """
    _same_shape(inputs, targets, "Inputs", "targets")
    if with_logits:
        loss = mx.logaddexp(0.0, inputs) - inputs * targets
    else:
        log_p = mx.maximum(mx.log(inputs), -100)
        log_q = mx.maximum(mx.log(1 - inputs), -100)
        loss = -(targets * log_p + (1 - targets) * log_q)
    return _reduce(_weighted(loss, weights), reduction)


def l1_loss(predictions: mx.array, targets: mx.array, reduction: Reduction = "mean") -> mx.array:
    """Mean absolute error: the element-wise loss ``|predictions - targets|``.

    Parameters
    ----------
    predictions : array
        The predicted values.
    targets : array
        The target values, the shape of ``predictions``.
    reduction : {'none', 'mean', 'sum'}, optional
        How to reduce the element-wise losses: ``'none'`` keeps them, ``'mean'`` averages them,
        ``'sum'`` adds them up. Default: ``'mean'``.

    Returns
    -------
    array
        The element-wise losses, the shape of ``predictions``; a 0-d array when ``reduction`` is ``'mean'`` or ``'sum'``.

    Raises
    ------
    ValueError
        When ``predictions`` and ``targets`` differ in shape, or for an unknown ``reduction``.

    Examples
    --------
    >>> p, t = mx.array([1.0, 2.0, 3.0]), mx.array([1.0, 4.0, 2.0])
    >>> nn.losses.l1_loss(p, t)
    array(1, dtype=float32)
    >>> nn.losses.l1_loss(p, t, reduction="none")
    array([0, 2, 1], dtype=float32)
    """
    _same_shape(predictions, targets, "Predictions", "targets")
    return _reduce(mx.abs(predictions - targets), reduction)


def mse_loss(predictions: mx.array, targets: mx.array, reduction: Reduction = "mean") -> mx.array:
    """Mean squared error: the element-wise loss ``(predictions - targets) ** 2``.

    Parameters
    ----------
    predictions : array
        The predicted values.
    targets : array
        The target values, the shape of ``predictions``.
    reduction : {'none', 'mean', 'sum'}, optional
        How to reduce the element-wise losses: ``'none'`` keeps them, ``'mean'`` averages them,
        ``'sum'`` adds them up. Default: ``'mean'``.

    Returns
    -------
    array
        The element-wise losses, the shape of ``predictions``; a 0-d array when ``reduction`` is ``'mean'`` or ``'sum'``.

    Raises
    ------
    ValueError
        When ``predictions`` and ``targets`` differ in shape, or for an unknown ``reduction``.

    Examples
    --------
    >>> p, t = mx.array([1.0, 2.0, 3.0]), mx.array([1.0, 4.0, 2.0])
    >>> nn.losses.mse_loss(p, t, reduction="sum")
    array(5, dtype=float32)
    >>> nn.losses.mse_loss(p, t, reduction="none")
    array([0, 4, 1], dtype=float32)
    """
    _same_shape(predictions, targets, "Predictions", "targets")
    return _reduce(mx.square(predictions - targets), reduction)


def nll_loss(inputs: mx.array, targets: mx.array, axis: int = -1, reduction: Reduction = "none") -> mx.array:
    """Negative log-likelihood: minus the log-probability of each sample's target class.

    Parameters
    ----------
    inputs : array
        Log-probabilities; the classes lie along ``axis``.
    targets : array
        Integer class indices, the shape of ``inputs`` without ``axis``.
    axis : int, optional
        The class axis of ``inputs``. Default: ``-1``.
    reduction : {'none', 'mean', 'sum'}, optional
        How to reduce the element-wise losses: ``'none'`` keeps them, ``'mean'`` averages them,
        ``'sum'`` adds them up. Default: ``'none'``.

    Returns
    -------
    array
        The loss per sample (the shape of ``targets``); a 0-d array when ``reduction`` is ``'mean'`` or ``'sum'``.

    Raises
    ------
    ValueError
        When ``reduction`` is not one of ``'none'``, ``'mean'``, ``'sum'``.

    Examples
    --------
    >>> log_probs = mx.array([[-1.0, -2.0], [-3.0, -0.5]])
    >>> nn.losses.nll_loss(log_probs, mx.array([0, 1]))
    array([1, 0.5], dtype=float32)
    >>> nn.losses.nll_loss(log_probs, mx.array([0, 1]), reduction="mean")
    array(0.75, dtype=float32)
    """
    picked = mx.take_along_axis(inputs, mx.expand_dims(targets, axis), axis).squeeze(axis)
    return _reduce(-picked, reduction)


def gaussian_nll_loss(inputs: mx.array, targets: mx.array, vars: mx.array, full: bool = False,
                      eps: float = 1e-6, reduction: Reduction = "mean") -> mx.array:
    """Negative log-likelihood of ``targets`` under normal distributions of mean ``inputs`` and
    variance ``vars``.

    The element-wise loss is ``0.5 * (log(v) + (targets - inputs) ** 2 / v)`` with
    ``v = maximum(vars, eps)``, plus the constant ``0.5 * log(2 * pi)`` when ``full`` is true.

    Parameters
    ----------
    inputs : array
        The predicted means.
    targets : array
        The observed values, the shape of ``inputs``.
    vars : array
        The predicted variances, the shape of ``inputs``.
    full : bool, optional
        Whether to add the constant term ``0.5 * log(2 * pi)``. Default: ``False``.
    eps : float, optional
        Lower bound on the variances, for stability. Default: ``1e-6``.
    reduction : {'none', 'mean', 'sum'}, optional
        How to reduce the element-wise losses: ``'none'`` keeps them, ``'mean'`` averages them,
        ``'sum'`` adds them up. Default: ``'mean'``.

    Returns
    -------
    array
        The element-wise losses, the shape of ``inputs``; a 0-d array when ``reduction`` is ``'mean'`` or ``'sum'``.

    Raises
    ------
    ValueError
        When ``targets`` or ``vars`` differ in shape from ``inputs``, or for an unknown
        ``reduction``.

    Examples
    --------
    >>> mu, y, var = mx.array([1.0, 2.0]), mx.array([1.0, 4.0]), mx.array([1.0, 1.0])
    >>> nn.losses.gaussian_nll_loss(mu, y, var, reduction="none")
    array([0, 2], dtype=float32)
    >>> nn.losses.gaussian_nll_loss(mu, y, var)
    array(1, dtype=float32)
    """
    _same_shape(inputs, targets, "Inputs", "targets")
    _same_shape(inputs, vars, "Inputs", "vars")
    vars = mx.maximum(vars, eps)
    loss = 0.5 * (mx.log(vars) + mx.square(targets - inputs) / vars)
    if full:
        loss = loss + 0.5 * math.log(2 * math.pi)
    return _reduce(loss, reduction)


def kl_div_loss(inputs: mx.array, targets: mx.array, axis: int = -1, reduction: Reduction = "none") -> mx.array:
    """Kullback-Leibler divergence from the distribution ``inputs`` to the distribution ``targets``,
    both given as log-probabilities: ``sum(exp(targets) * (targets - inputs), axis)``.

    Parameters
    ----------
    inputs : array
        Log-probabilities of the predicted distribution.
    targets : array
        Log-probabilities of the target distribution.
    axis : int, optional
        The axis the distributions lie along (summed over). Default: ``-1``.
    reduction : {'none', 'mean', 'sum'}, optional
        How to reduce the element-wise losses: ``'none'`` keeps them, ``'mean'`` averages them,
        ``'sum'`` adds them up. Default: ``'none'``.

    Returns
    -------
    array
        The divergence per distribution (the shape without ``axis``); a 0-d array when ``reduction`` is ``'mean'`` or ``'sum'``.

    Raises
    ------
    ValueError
        When ``reduction`` is not one of ``'none'``, ``'mean'``, ``'sum'``.

    Examples
    --------
    >>> p = mx.log(mx.array([[0.5, 0.5]]))
    >>> nn.losses.kl_div_loss(p, p)
    array([0], dtype=float32)
    >>> q = mx.log(mx.array([[0.25, 0.75]]))
    >>> bool(mx.allclose(nn.losses.kl_div_loss(p, q), mx.sum(mx.exp(q) * (q - p), axis=-1)))
    True
    """
    loss = mx.sum(mx.exp(targets) * (targets - inputs), axis)
    return _reduce(loss, reduction)


def smooth_l1_loss(predictions: mx.array, targets: mx.array, beta: float = 1.0,
                   reduction: Reduction = "mean") -> mx.array:
    """Smooth L1 loss: quadratic for small errors, linear for large ones.

    With ``d = |predictions - targets|`` the element-wise loss is ``0.5 * d ** 2 / beta`` where
    ``d < beta`` and ``d - 0.5 * beta`` elsewhere.

    Parameters
    ----------
    predictions : array
        The predicted values.
    targets : array
        The target values, the shape of ``predictions``.
    beta : float, optional
        Where the loss turns from quadratic to linear. Default: ``1.0``.
    reduction : {'none', 'mean', 'sum'}, optional
        How to reduce the element-wise losses: ``'none'`` keeps them, ``'mean'`` averages them,
        ``'sum'`` adds them up. Default: ``'mean'``.

    Returns
    -------
    array
        The element-wise losses, the shape of ``predictions``; a 0-d array when ``reduction`` is ``'mean'`` or ``'sum'``.

    Raises
    ------
    ValueError
        When ``predictions`` and ``targets`` differ in shape, or for an unknown ``reduction``.

    Examples
    --------
    >>> nn.losses.smooth_l1_loss(mx.array([0.0, 0.0]), mx.array([0.5, 3.0]), reduction="none")
    array([0.125, 2.5], dtype=float32)
    >>> nn.losses.smooth_l1_loss(mx.array([0.0, 0.0]), mx.array([0.5, 3.0]))
    array(1.3125, dtype=float32)
    """
    _same_shape(predictions, targets, "Predictions", "targets")
    d = mx.abs(predictions - targets)
    loss = mx.where(d < beta, 0.5 * mx.square(d) / beta, d - 0.5 * beta)
    return _reduce(loss, reduction)


def triplet_loss(anchors: mx.array, positives: mx.array, negatives: mx.array, axis: int = -1, p: int = 2,
                 margin: float = 1.0, eps: float = 1e-6, reduction: Reduction = "none") -> mx.array:
    """Triplet margin loss: pulls ``anchors`` towards ``positives`` and pushes them away from
    ``negatives``.

    The loss is ``max(dist(anchors, positives) - dist(anchors, negatives) + margin, 0)`` where
    ``dist(u, v) = (sum(|u - v| ** p, axis) + eps) ** (1 / p)``.

    Parameters
    ----------
    anchors : array
        The anchor embeddings.
    positives : array
        Embeddings of the same class as the anchors.
    negatives : array
        Embeddings of another class.
    axis : int, optional
        The embedding axis the distances are taken along. Default: ``-1``.
    p : int, optional
        The order of the norm of the distances. Default: ``2``.
    margin : float, optional
        The margin by which negatives should be farther than positives. Default: ``1.0``.
    eps : float, optional
        Added inside the norm, keeping its gradient finite at 0. Default: ``1e-6``.
    reduction : {'none', 'mean', 'sum'}, optional
        How to reduce the element-wise losses: ``'none'`` keeps them, ``'mean'`` averages them,
        ``'sum'`` adds them up. Default: ``'none'``.

    Returns
    -------
    array
        The loss per triplet (the shape without ``axis``); a 0-d array when ``reduction`` is ``'mean'`` or ``'sum'``.

    Raises
    ------
    ValueError
        When ``reduction`` is not one of ``'none'``, ``'mean'``, ``'sum'``.

    Examples
    --------
    >>> a, pos, neg = mx.array([[0.0, 0.0]]), mx.array([[3.0, 4.0]]), mx.array([[0.0, 1.0]])
    >>> nn.losses.triplet_loss(a, pos, neg)
    array([5], dtype=float32)
    >>> nn.losses.triplet_loss(a, neg, pos)
    array([0], dtype=float32)
    """

    def dist(u, v):
        return mx.power(mx.sum(mx.power(mx.abs(u - v), p), axis) + eps, 1.0 / p)

    loss = mx.maximum(dist(anchors, positives) - dist(anchors, negatives) + margin, 0)
    return _reduce(loss, reduction)


def hinge_loss(inputs: mx.array, targets: mx.array, reduction: Reduction = "none") -> mx.array:
    """Hinge loss ``max(1 - inputs * targets, 0)`` for targets in ``{-1, 1}``.

    Parameters
    ----------
    inputs : array
        The predicted scores.
    targets : array
        The targets, ``-1`` or ``1``; broadcast against ``inputs``.
    reduction : {'none', 'mean', 'sum'}, optional
        How to reduce the element-wise losses: ``'none'`` keeps them, ``'mean'`` averages them,
        ``'sum'`` adds them up. Default: ``'none'``.

    Returns
    -------
    array
        The element-wise losses; a 0-d array when ``reduction`` is ``'mean'`` or ``'sum'``.

    Raises
    ------
    ValueError
        When ``reduction`` is not one of ``'none'``, ``'mean'``, ``'sum'``.

    Examples
    --------
    >>> nn.losses.hinge_loss(mx.array([2.0, 0.5, -1.0]), mx.array([1.0, 1.0, 1.0]))
    array([0, 0.5, 2], dtype=float32)
    """
    return _reduce(mx.maximum(1 - inputs * targets, 0), reduction)


def huber_loss(inputs: mx.array, targets: mx.array, delta: float = 1.0, reduction: Reduction = "none") -> mx.array:
    """Huber loss: quadratic for small errors, linear beyond ``delta``.

    With ``d = |inputs - targets|`` the element-wise loss is ``0.5 * d ** 2`` where
    ``d <= delta`` and ``delta * (d - 0.5 * delta)`` elsewhere.

    Parameters
    ----------
    inputs : array
        The predicted values.
    targets : array
        The target values; broadcast against ``inputs``.
    delta : float, optional
        Where the loss turns from quadratic to linear. Default: ``1.0``.
    reduction : {'none', 'mean', 'sum'}, optional
        How to reduce the element-wise losses: ``'none'`` keeps them, ``'mean'`` averages them,
        ``'sum'`` adds them up. Default: ``'none'``.

    Returns
    -------
    array
        The element-wise losses; a 0-d array when ``reduction`` is ``'mean'`` or ``'sum'``.

    Raises
    ------
    ValueError
        When ``reduction`` is not one of ``'none'``, ``'mean'``, ``'sum'``.

    Examples
    --------
    >>> nn.losses.huber_loss(mx.array([0.0, 0.0]), mx.array([0.5, 3.0]))
    array([0.125, 2.5], dtype=float32)
    >>> nn.losses.huber_loss(mx.array([0.0, 0.0]), mx.array([0.5, 3.0]), delta=2.0)
    array([0.125, 4], dtype=float32)
    """
    d = mx.abs(inputs - targets)
    quad = mx.minimum(d, delta)
    loss = 0.5 * mx.square(quad) + delta * (d - quad)
    return _reduce(loss, reduction)


def log_cosh_loss(inputs: mx.array, targets: mx.array, reduction: Reduction = "none") -> mx.array:
    """Log-cosh loss ``log(cosh(inputs - targets))``, computed without overflow for large errors.

    It behaves like ``0.5 * d ** 2`` for small errors ``d`` and like ``|d| - log(2)`` for large ones.

    Parameters
    ----------
    inputs : array
        The predicted values.
    targets : array
        The target values; broadcast against ``inputs``.
    reduction : {'none', 'mean', 'sum'}, optional
        How to reduce the element-wise losses: ``'none'`` keeps them, ``'mean'`` averages them,
        ``'sum'`` adds them up. Default: ``'none'``.

    Returns
    -------
    array
        The element-wise losses; a 0-d array when ``reduction`` is ``'mean'`` or ``'sum'``.

    Raises
    ------
    ValueError
        When ``reduction`` is not one of ``'none'``, ``'mean'``, ``'sum'``.

    Examples
    --------
    >>> nn.losses.log_cosh_loss(mx.array([1.0, 2.0]), mx.array([1.0, 2.0]))
    array([0, 0], dtype=float32)
    >>> d = mx.array([0.5, -1.0])
    >>> bool(mx.allclose(nn.losses.log_cosh_loss(d, mx.zeros(2)), mx.log(mx.cosh(d))))
    True
    """
    d = inputs - targets
    loss = mx.logaddexp(d, -d) - math.log(2)
    return _reduce(loss, reduction)


def cosine_similarity_loss(x1: mx.array, x2: mx.array, axis: int = 1, eps: float = 1e-8,
                           reduction: Reduction = "none") -> mx.array:
    """Cosine similarity of ``x1`` and ``x2`` along ``axis``: ``sum(x1 * x2) / max(|x1| * |x2|, eps)``.

    The value lies in ``[-1, 1]``; as a loss to minimise, use its negative or ``1 -`` it.

    Parameters
    ----------
    x1 : array
        The first set of vectors.
    x2 : array
        The second set of vectors; broadcast against ``x1``.
    axis : int, optional
        The axis the vectors lie along. Default: ``1``.
    eps : float, optional
        Lower bound on the product of the norms, for stability. Default: ``1e-8``.
    reduction : {'none', 'mean', 'sum'}, optional
        How to reduce the element-wise losses: ``'none'`` keeps them, ``'mean'`` averages them,
        ``'sum'`` adds them up. Default: ``'none'``.

    Returns
    -------
    array
        The similarity per pair of vectors (the shape without ``axis``); a 0-d array when ``reduction`` is ``'mean'`` or ``'sum'``.

    Raises
    ------
    ValueError
        When ``reduction`` is not one of ``'none'``, ``'mean'``, ``'sum'``.

    Examples
    --------
    >>> x1 = mx.array([[1.0, 0.0], [1.0, 1.0]])
    >>> x2 = mx.array([[2.0, 0.0], [-1.0, -1.0]])
    >>> nn.losses.cosine_similarity_loss(x1, x2)
    array([1, -1], dtype=float32)
    """
    n1 = mx.linalg.norm(x1, axis=axis)
    n2 = mx.linalg.norm(x2, axis=axis)
    loss = mx.sum(x1 * x2, axis=axis) / mx.maximum(n1 * n2, eps)
    return _reduce(loss, reduction)


def margin_ranking_loss(inputs1: mx.array, inputs2: mx.array, targets: mx.array, margin: float = 0.0,
                        reduction: Reduction = "none") -> mx.array:
    """Margin ranking loss ``max(0, -targets * (inputs1 - inputs2) + margin)``.

    ``targets`` says which input should rank higher: ``1`` for ``inputs1``, ``-1`` for ``inputs2``.

    Parameters
    ----------
    inputs1 : array
        The scores of the first items.
    inputs2 : array
        The scores of the second items, the shape of ``inputs1``.
    targets : array
        ``1`` or ``-1`` per pair, the shape of ``inputs1``.
    margin : float, optional
        How far apart the scores should be. Default: ``0.0``.
    reduction : {'none', 'mean', 'sum'}, optional
        How to reduce the element-wise losses: ``'none'`` keeps them, ``'mean'`` averages them,
        ``'sum'`` adds them up. Default: ``'none'``.

    Returns
    -------
    array
        The loss per pair, the shape of ``inputs1``; a 0-d array when ``reduction`` is ``'mean'`` or ``'sum'``.

    Raises
    ------
    ValueError
        When the three arrays differ in shape, or for an unknown ``reduction``.

    Examples
    --------
    >>> x1, x2 = mx.array([1.0, 2.0]), mx.array([2.0, 1.0])
    >>> nn.losses.margin_ranking_loss(x1, x2, mx.array([1.0, 1.0]))
    array([1, 0], dtype=float32)
    >>> nn.losses.margin_ranking_loss(x1, x2, mx.array([1.0, 1.0]), margin=0.5)
    array([1.5, 0], dtype=float32)
    """
    if not (inputs1.shape == inputs2.shape == targets.shape):
        raise ValueError(
            "The shapes of the arguments do not match. The provided shapes are "
            f"inputs1.shape={inputs1.shape}, inputs2.shape={inputs2.shape}, and "
            f"targets.shape={targets.shape}."
        )
    loss = mx.maximum(0, -targets * (inputs1 - inputs2) + margin)
    return _reduce(loss, reduction)
