"""Activation functions and their Module wrappers.

Each function takes an array and returns an array of the same shape; each class is a Module
without trainable parameters (but :class:`PReLU`) that applies one of them when called.

Examples
--------
>>> nn.activations.relu(mx.array([-1.0, 2.0]))
array([0, 2], dtype=float32)
"""
import math

import mlxcy as mx
from mlxcy.nn.layers.base import Module

_SQRT_2 = math.sqrt(2.0)
_SQRT_2_OVER_PI = math.sqrt(2.0 / math.pi)
# the SELU constants to the precision mlx.nn uses (5 and 4 decimals), so results agree to the bit
_SELU_ALPHA = 1.67326
_SELU_SCALE = 1.0507


def sigmoid(x):
    """Logistic sigmoid, ``1 / (1 + exp(-x))``, element-wise (same as ``mx.sigmoid``).

    Parameters
    ----------
    x : array
        The input.

    Returns
    -------
    array
        Values in ``(0, 1)``, the shape of ``x``.

    Examples
    --------
    >>> nn.sigmoid(mx.array([0.0]))
    array([0.5], dtype=float32)
    >>> mx.round(nn.sigmoid(mx.array([-2.0, 2.0])), 3)
    array([0.119, 0.881], dtype=float32)
    """
    return mx.sigmoid(x)


def relu(x):
    """Rectified linear unit, ``max(x, 0)``, element-wise.

    Parameters
    ----------
    x : array
        The input.

    Returns
    -------
    array
        The shape and dtype of ``x`` (an integer input stays integer).

    Examples
    --------
    >>> nn.relu(mx.array([-1.0, 0.0, 2.5]))
    array([0, 0, 2.5], dtype=float32)
    >>> nn.relu(mx.array([-3, 4]))
    array([0, 4], dtype=int32)
    """
    return mx.maximum(x, 0)


def relu2(x):
    """Squared ReLU, ``max(x, 0) ** 2``, element-wise.

    Parameters
    ----------
    x : array
        The input.

    Returns
    -------
    array
        The shape of ``x``.

    Examples
    --------
    >>> nn.relu2(mx.array([-1.0, 0.5, 3.0]))
    array([0, 0.25, 9], dtype=float32)
    """
    return mx.square(mx.maximum(x, 0))


def relu6(x):
    """ReLU clipped at 6, ``min(max(x, 0), 6)``, element-wise.

    Parameters
    ----------
    x : array
        The input.

    Returns
    -------
    array
        The shape of ``x``; floating point (an integer input gives float32, as the bound 6 is a
        Python float).

    Examples
    --------
    >>> nn.relu6(mx.array([-1.0, 3.0, 8.0]))
    array([0, 3, 6], dtype=float32)
    """
    return mx.minimum(mx.maximum(x, 0), 6.0)


def leaky_relu(x, negative_slope=0.01):
    """Leaky ReLU, ``max(x, negative_slope * x)``, element-wise.

    Parameters
    ----------
    x : array
        The input.
    negative_slope : float, optional
        The slope for negative inputs. Default: ``0.01``.

    Returns
    -------
    array
        The shape of ``x``.

    Examples
    --------
    >>> nn.leaky_relu(mx.array([-2.0, 3.0]), negative_slope=0.5)
    array([-1, 3], dtype=float32)
    """
    return mx.maximum(negative_slope * x, x)


def _shift_by_max(x, axis):
    """``x`` minus its maximum along ``axis``: the largest entry becomes 0, so exponentials
    cannot overflow and ``log(sum(exp))`` of the result is small and exact.

    The shift leaves every shift-invariant quantity (log-softmax, softmax cross entropy) unchanged,
    gradients included, so the maximum is taken out of the gradient.
    """
    return x - mx.stop_gradient(mx.max(x, axis=axis, keepdims=True))


def log_softmax(x, axis=-1):
    """Logarithm of the softmax, ``x - logsumexp(x)`` along ``axis``.

    Computed on ``x`` shifted by its maximum, so large inputs do not overflow.

    Parameters
    ----------
    x : array
        The input.
    axis : int, optional
        The axis to normalise over. Default: ``-1``.

    Returns
    -------
    array
        The shape of ``x``; ``exp`` of it sums to 1 along ``axis``.

    Examples
    --------
    >>> nn.log_softmax(mx.array([1000.0, 1000.0]))
    array([-0.693147, -0.693147], dtype=float32)

    Notes
    -----
    The reference binding compiles this function and may return stale results after a call on
    an empty input; mlxcy computes each call afresh (docs/differences.md).
    """
    shifted = _shift_by_max(x, axis)
    return shifted - mx.logsumexp(shifted, axis=axis, keepdims=True)


def elu(x, alpha=1.0):
    """Exponential linear unit: ``x`` where ``x > 0``, else ``alpha * (exp(x) - 1)``.

    Parameters
    ----------
    x : array
        The input.
    alpha : float, optional
        The scale of the negative part (its limit is ``-alpha``). Default: ``1.0``.

    Returns
    -------
    array
        The shape of ``x``.

    Examples
    --------
    >>> mx.round(nn.elu(mx.array([-2.0, 0.0, 2.0])), 3)
    array([-0.865, 0, 2], dtype=float32)
    """
    return mx.where(x > 0, x, alpha * (mx.exp(x) - 1))


def softmax(x, axis=-1):
    """Softmax along ``axis``: ``exp(x)`` normalised to sum to 1 (same as ``mx.softmax``).

    Parameters
    ----------
    x : array
        The input.
    axis : int, optional
        The axis to normalise over. Default: ``-1``.

    Returns
    -------
    array
        The shape of ``x``, values in ``[0, 1]`` summing to 1 along ``axis``.

    Examples
    --------
    >>> nn.softmax(mx.array([[0.0, 0.0], [5.0, 5.0]]))
    array([[0.5, 0.5],
           [0.5, 0.5]], dtype=float32)
    >>> nn.softmax(mx.array([[0.0, 0.0], [5.0, 5.0]]), axis=0).shape
    (2, 2)

    Notes
    -----
    The reference binding compiles this function and may return stale results after a call on
    an empty input; mlxcy computes each call afresh (docs/differences.md).
    """
    return mx.softmax(x, axis=axis)


def softplus(x):
    """Softplus, ``log(1 + exp(x))``, element-wise, computed without overflow.

    Parameters
    ----------
    x : array
        The input.

    Returns
    -------
    array
        Positive values, the shape of ``x``.

    Examples
    --------
    >>> mx.round(nn.softplus(mx.array([-2.0, 0.0, 2.0])), 3)
    array([0.127, 0.693, 2.127], dtype=float32)
    >>> nn.softplus(mx.array([1000.0]))
    array([1000], dtype=float32)
    """
    return mx.logaddexp(x, 0)


def softsign(x):
    """Softsign, ``x / (1 + |x|)``, element-wise.

    Parameters
    ----------
    x : array
        The input.

    Returns
    -------
    array
        Values in ``(-1, 1)``, the shape of ``x``.

    Examples
    --------
    >>> nn.softsign(mx.array([-3.0, 0.0, 1.0]))
    array([-0.75, 0, 0.5], dtype=float32)
    """
    return mx.divide(x, 1 + mx.abs(x))


def softshrink(x, lambd: float = 0.5):
    """Soft shrinkage: moves ``x`` toward zero by ``lambd``; 0 inside ``[-lambd, lambd]``.

    Parameters
    ----------
    x : array
        The input.
    lambd : float, optional
        The shrinkage threshold. Default: ``0.5``.

    Returns
    -------
    array
        The shape of ``x``.

    Examples
    --------
    >>> nn.softshrink(mx.array([-2.0, 0.25, 1.5]))
    array([-1.5, 0, 1], dtype=float32)
    """
    return mx.where(mx.abs(x) > lambd, x - mx.sign(x) * lambd, 0)


def celu(x, alpha=1.0):
    """Continuously differentiable ELU, ``max(x, 0) + alpha * (exp(min(x, 0) / alpha) - 1)``.

    Parameters
    ----------
    x : array
        The input.
    alpha : float, optional
        The scale of the negative part (its limit is ``-alpha``). Default: ``1.0``.

    Returns
    -------
    array
        The shape of ``x``.

    Examples
    --------
    >>> mx.round(nn.celu(mx.array([-2.0, 0.0, 2.0]), alpha=2.0), 3)
    array([-1.264, 0, 2], dtype=float32)
    """
    return mx.maximum(x, 0.0) + alpha * (mx.exp(mx.minimum(x, 0.0) / alpha) - 1)


def silu(x):
    """Sigmoid linear unit (swish), ``x * sigmoid(x)``, element-wise.

    Parameters
    ----------
    x : array
        The input.

    Returns
    -------
    array
        The shape of ``x``.

    Examples
    --------
    >>> mx.round(nn.silu(mx.array([-2.0, 0.0, 2.0])), 3)
    array([-0.238, 0, 1.762], dtype=float32)
    """
    return x * mx.sigmoid(x)


def log_sigmoid(x):
    """``log(sigmoid(x))``, element-wise, computed without overflow (``-softplus(-x)``).

    Parameters
    ----------
    x : array
        The input.

    Returns
    -------
    array
        Negative values, the shape of ``x``.

    Examples
    --------
    >>> mx.round(nn.log_sigmoid(mx.array([-2.0, 0.0, 2.0])), 3)
    array([-2.127, -0.693, -0.127], dtype=float32)
    >>> nn.log_sigmoid(mx.array([-1000.0]))
    array([-1000], dtype=float32)
    """
    return -softplus(-x)


def gelu(x) -> mx.array:
    """Gaussian error linear unit, exact form: ``x * Phi(x)``, ``Phi`` the standard normal CDF.

    ``Phi(x) = (1 + erf(x / sqrt(2))) / 2``. See :func:`gelu_approx` and
    :func:`gelu_fast_approx` for cheaper approximations.

    Parameters
    ----------
    x : array
        The input.

    Returns
    -------
    array
        The shape of ``x``.

    Examples
    --------
    >>> mx.round(nn.gelu(mx.array([-2.0, 0.0, 2.0])), 3)
    array([-0.046, 0, 1.954], dtype=float32)
    """
    return x * (1 + mx.erf(x / _SQRT_2)) / 2


def gelu_approx(x):
    """GELU through its tanh approximation,
    ``0.5 * x * (1 + tanh(sqrt(2 / pi) * (x + 0.044715 * x ** 3)))``.

    Parameters
    ----------
    x : array
        The input.

    Returns
    -------
    array
        The shape of ``x``; within about ``5e-4`` of :func:`gelu`.

    Examples
    --------
    >>> mx.round(nn.gelu_approx(mx.array([-2.0, 0.0, 2.0])), 3)
    array([-0.045, 0, 1.955], dtype=float32)
    """
    return 0.5 * x * (1 + mx.tanh(_SQRT_2_OVER_PI * (x + 0.044715 * x**3)))


def gelu_fast_approx(x):
    """GELU through its sigmoid approximation, ``x * sigmoid(1.702 * x)``.

    Parameters
    ----------
    x : array
        The input.

    Returns
    -------
    array
        The shape of ``x``; within about ``0.02`` of :func:`gelu`.

    Examples
    --------
    >>> mx.round(nn.gelu_fast_approx(mx.array([-2.0, 0.0, 2.0])), 3)
    array([-0.064, 0, 1.936], dtype=float32)
    """
    return x * mx.sigmoid(1.702 * x)


def glu(x: mx.array, axis: int = -1) -> mx.array:
    """Gated linear unit: splits ``x`` into halves ``a, b`` along ``axis`` and returns
    ``a * sigmoid(b)``.

    Parameters
    ----------
    x : array
        The input; its size along ``axis`` must be even.
    axis : int, optional
        The axis to split. Default: ``-1``.

    Returns
    -------
    array
        The shape of ``x`` with the size along ``axis`` halved.

    Raises
    ------
    ValueError
        When the size of ``x`` along ``axis`` is odd.

    Examples
    --------
    >>> nn.glu(mx.array([[1.0, 2.0, 0.0, 0.0]]))
    array([[0.5, 1]], dtype=float32)
    """
    a, b = mx.split(x, indices_or_sections=2, axis=axis)
    return a * mx.sigmoid(b)


def step(x: mx.array, threshold: float = 0.0):
    """Step function: 1 where ``x >= threshold``, else 0.

    Parameters
    ----------
    x : array
        The input.
    threshold : float, optional
        Where the step is. Default: ``0.0``.

    Returns
    -------
    array
        int32 zeros and ones, the shape of ``x``.

    Examples
    --------
    >>> nn.step(mx.array([-1.0, 0.0, 2.0]))
    array([0, 1, 1], dtype=int32)
    >>> nn.step(mx.array([-1.0, 0.0, 2.0]), threshold=1.0)
    array([0, 0, 1], dtype=int32)
    """
    return mx.where(x >= threshold, 1, 0)


def selu(x):
    """Scaled ELU, ``1.0507 * elu(x, alpha=1.67326)``, element-wise.

    The constants are those that keep activations near zero mean and unit variance through
    deep stacks of layers (self-normalising networks).

    Parameters
    ----------
    x : array
        The input.

    Returns
    -------
    array
        The shape of ``x``.

    Examples
    --------
    >>> mx.round(nn.selu(mx.array([-2.0, 0.0, 2.0])), 3)
    array([-1.52, 0, 2.101], dtype=float32)
    """
    return elu(x, _SELU_ALPHA) * _SELU_SCALE


def prelu(x: mx.array, alpha: mx.array) -> mx.array:
    """Parametric ReLU, ``max(0, x) + alpha * min(0, x)``, element-wise.

    Parameters
    ----------
    x : array
        The input.
    alpha : array
        The slopes for negative inputs, broadcast against ``x`` (one per channel on the last
        axis, or a single value).

    Returns
    -------
    array
        The broadcast shape of ``x`` and ``alpha``.

    Examples
    --------
    >>> nn.prelu(mx.array([-2.0, 3.0]), mx.array([0.25]))
    array([-0.5, 3], dtype=float32)

    Notes
    -----
    The reference binding compiles this function and may return stale results after a call on
    an empty input; mlxcy computes each call afresh (docs/differences.md).
    """
    return mx.maximum(0, x) + alpha * mx.minimum(0, x)


def mish(x: mx.array) -> mx.array:
    """Mish, ``x * tanh(softplus(x))``, element-wise.

    Parameters
    ----------
    x : array
        The input.

    Returns
    -------
    array
        The shape of ``x``.

    Examples
    --------
    >>> mx.round(nn.mish(mx.array([-2.0, 0.0, 2.0])), 3)
    array([-0.253, 0, 1.944], dtype=float32)
    """
    return x * mx.tanh(softplus(x))


def hardswish(x):
    """Hard swish, ``x * min(max(x + 3, 0), 6) / 6``, element-wise.

    Parameters
    ----------
    x : array
        The input.

    Returns
    -------
    array
        The shape of ``x``.

    Examples
    --------
    >>> nn.hardswish(mx.array([-1.5, 0.0, 3.0, 5.0]))
    array([-0.375, 0, 3, 5], dtype=float32)
    """
    return x * mx.minimum(mx.maximum(x + 3, 0), 6) / 6


def hard_tanh(x, min_val=-1.0, max_val=1.0):
    """Hard tanh: ``x`` clipped to ``[min_val, max_val]``.

    Parameters
    ----------
    x : array
        The input.
    min_val : float, optional
        The lower bound. Default: ``-1.0``.
    max_val : float, optional
        The upper bound. Default: ``1.0``.

    Returns
    -------
    array
        The shape of ``x``.

    Examples
    --------
    >>> nn.hard_tanh(mx.array([-3.0, 0.5, 3.0]))
    array([-1, 0.5, 1], dtype=float32)
    >>> nn.hard_tanh(mx.array([-3.0, 0.5, 3.0]), min_val=0.0, max_val=2.0)
    array([0, 0.5, 2], dtype=float32)
    """
    return mx.minimum(mx.maximum(x, min_val), max_val)


def hard_shrink(x, lambd=0.5):
    """Hard shrinkage: ``x`` where ``|x| > lambd``, else 0.

    Parameters
    ----------
    x : array
        The input.
    lambd : float, optional
        The threshold. Default: ``0.5``.

    Returns
    -------
    array
        The shape of ``x``.

    Examples
    --------
    >>> nn.hard_shrink(mx.array([-2.0, 0.25, 1.5]))
    array([-2, 0, 1.5], dtype=float32)
    """
    return mx.where(mx.abs(x) > lambd, x, 0)


def softmin(x, axis=-1):
    """Softmin along ``axis``: the softmax of ``-x``, largest for the smallest entries.

    Parameters
    ----------
    x : array
        The input.
    axis : int, optional
        The axis to normalise over. Default: ``-1``.

    Returns
    -------
    array
        The shape of ``x``, values in ``[0, 1]`` summing to 1 along ``axis``.

    Examples
    --------
    >>> nn.softmin(mx.array([3.0, 3.0]))
    array([0.5, 0.5], dtype=float32)
    >>> nn.softmin(mx.array([0.0, 2.0])).argmax().item()
    0

    Notes
    -----
    The reference binding compiles this function and may return stale results after a call on
    an empty input; mlxcy computes each call afresh (docs/differences.md).
    """
    return mx.softmax(-x, axis=axis)


def tanh(x):
    """Hyperbolic tangent, element-wise (same as ``mx.tanh``).

    Parameters
    ----------
    x : array
        The input.

    Returns
    -------
    array
        Values in ``[-1, 1]``, the shape of ``x``.

    Examples
    --------
    >>> mx.round(nn.tanh(mx.array([-1.0, 0.0, 1.0])), 3)
    array([-0.762, 0, 0.762], dtype=float32)
    """
    return mx.tanh(x)


# -- Module forms ---------------------------------------------------------------------------
def _stateless(fn, name, doc):
    """A parameterless Module class that applies ``fn``."""

    def __call__(self, x):
        return fn(x)

    return type(name, (Module,), {"__call__": __call__, "__doc__": doc, "__module__": __name__})


def _stateless_doc(summary, example, output):
    """The docstring of a parameterless activation Module: its summary and one example."""
    return (
        f"{summary}\n\n"
        "Calling the module on an array ``x`` returns an array of the same shape.\n\n"
        "Examples\n--------\n"
        f">>> {example}\n{output}\n"
    )


ReLU = _stateless(relu, "ReLU", _stateless_doc(
    "Applies :func:`relu`, ``max(x, 0)``.",
    "nn.ReLU()(mx.array([-1.0, 2.0]))", "array([0, 2], dtype=float32)"))
ReLU2 = _stateless(relu2, "ReLU2", _stateless_doc(
    "Applies :func:`relu2`, ``max(x, 0) ** 2``.",
    "nn.ReLU2()(mx.array([-1.0, 3.0]))", "array([0, 9], dtype=float32)"))
ReLU6 = _stateless(relu6, "ReLU6", _stateless_doc(
    "Applies :func:`relu6`, ``min(max(x, 0), 6)``.",
    "nn.ReLU6()(mx.array([-1.0, 8.0]))", "array([0, 6], dtype=float32)"))
SiLU = _stateless(silu, "SiLU", _stateless_doc(
    "Applies :func:`silu`, ``x * sigmoid(x)``.",
    "nn.SiLU()(mx.array([0.0]))", "array([0], dtype=float32)"))
Mish = _stateless(mish, "Mish", _stateless_doc(
    "Applies :func:`mish`, ``x * tanh(softplus(x))``.",
    "nn.Mish()(mx.array([0.0]))", "array([0], dtype=float32)"))
SELU = _stateless(selu, "SELU", _stateless_doc(
    "Applies :func:`selu`, the scaled ELU.",
    "nn.SELU()(mx.array([0.0, 1.0]))", "array([0, 1.0507], dtype=float32)"))
Softplus = _stateless(softplus, "Softplus", _stateless_doc(
    "Applies :func:`softplus`, ``log(1 + exp(x))``.",
    "nn.Softplus()(mx.array([1000.0]))", "array([1000], dtype=float32)"))
Softsign = _stateless(softsign, "Softsign", _stateless_doc(
    "Applies :func:`softsign`, ``x / (1 + |x|)``.",
    "nn.Softsign()(mx.array([-3.0, 1.0]))", "array([-0.75, 0.5], dtype=float32)"))
Hardswish = _stateless(hardswish, "Hardswish", _stateless_doc(
    "Applies :func:`hardswish`, ``x * min(max(x + 3, 0), 6) / 6``.",
    "nn.Hardswish()(mx.array([0.0, 3.0]))", "array([0, 3], dtype=float32)"))
HardTanh = _stateless(hard_tanh, "HardTanh", _stateless_doc(
    "Applies :func:`hard_tanh` with its default bounds: ``x`` clipped to ``[-1, 1]``.",
    "nn.HardTanh()(mx.array([-3.0, 0.5, 3.0]))", "array([-1, 0.5, 1], dtype=float32)"))
Tanh = _stateless(tanh, "Tanh", _stateless_doc(
    "Applies :func:`tanh`, the hyperbolic tangent.",
    "nn.Tanh()(mx.array([0.0]))", "array([0], dtype=float32)"))
Sigmoid = _stateless(sigmoid, "Sigmoid", _stateless_doc(
    "Applies :func:`sigmoid`, ``1 / (1 + exp(-x))``.",
    "nn.Sigmoid()(mx.array([0.0]))", "array([0.5], dtype=float32)"))
LogSigmoid = _stateless(log_sigmoid, "LogSigmoid", _stateless_doc(
    "Applies :func:`log_sigmoid`, ``log(sigmoid(x))``.",
    "nn.LogSigmoid()(mx.array([-1000.0]))", "array([-1000], dtype=float32)"))
Softmax = _stateless(softmax, "Softmax", _stateless_doc(
    "Applies :func:`softmax` along the last axis.",
    "nn.Softmax()(mx.array([1.0, 1.0, 1.0, 1.0]))", "array([0.25, 0.25, 0.25, 0.25], dtype=float32)"))
Softmin = _stateless(softmin, "Softmin", _stateless_doc(
    "Applies :func:`softmin` along the last axis.",
    "nn.Softmin()(mx.array([1.0, 1.0]))", "array([0.5, 0.5], dtype=float32)"))
LogSoftmax = _stateless(log_softmax, "LogSoftmax", _stateless_doc(
    "Applies :func:`log_softmax` along the last axis.",
    "nn.LogSoftmax()(mx.array([0.0, 0.0]))", "array([-0.693147, -0.693147], dtype=float32)"))


class LeakyReLU(Module):
    """Applies :func:`leaky_relu` with a fixed slope for negative inputs.

    Parameters
    ----------
    negative_slope : float, optional
        The slope for negative inputs. Default: ``0.01``.

    Examples
    --------
    >>> nn.LeakyReLU(0.5)(mx.array([-2.0, 3.0]))
    array([-1, 3], dtype=float32)
    """

    def __init__(self, negative_slope=1e-2):
        super().__init__()
        self._negative_slope = negative_slope

    def __call__(self, x):
        return leaky_relu(x, self._negative_slope)


class ELU(Module):
    """Applies :func:`elu` with a fixed ``alpha``.

    Parameters
    ----------
    alpha : float, optional
        The scale of the negative part. Default: ``1.0``.

    Examples
    --------
    >>> nn.ELU(alpha=2.0)(mx.array([0.0, 3.0]))
    array([0, 3], dtype=float32)
    """

    def __init__(self, alpha=1.0):
        super().__init__()
        self._alpha = alpha

    def __call__(self, x):
        return elu(x, self._alpha)


class CELU(Module):
    """Applies :func:`celu` with a fixed ``alpha``.

    Parameters
    ----------
    alpha : float, optional
        The scale of the negative part. Default: ``1.0``.

    Examples
    --------
    >>> nn.CELU(alpha=2.0)(mx.array([0.0, 3.0]))
    array([0, 3], dtype=float32)
    """

    def __init__(self, alpha=1.0):
        super().__init__()
        self._alpha = alpha

    def __call__(self, x):
        return celu(x, self._alpha)


class Softshrink(Module):
    """Applies :func:`softshrink` with a fixed threshold.

    Parameters
    ----------
    lambd : float, optional
        The shrinkage threshold. Default: ``0.5``.

    Examples
    --------
    >>> nn.Softshrink(1.0)(mx.array([-3.0, 0.5, 2.0]))
    array([-2, 0, 1], dtype=float32)
    """

    def __init__(self, lambd=0.5):
        super().__init__()
        self.lambd = lambd

    def __call__(self, x):
        return softshrink(x, self.lambd)


class HardShrink(Module):
    """Applies :func:`hard_shrink` with a fixed threshold.

    Parameters
    ----------
    lambd : float, optional
        The threshold. Default: ``0.5``.

    Examples
    --------
    >>> nn.HardShrink(1.0)(mx.array([-3.0, 0.5, 2.0]))
    array([-3, 0, 2], dtype=float32)
    """

    def __init__(self, lambd=0.5):
        super().__init__()
        self.lambd = lambd

    def __call__(self, x):
        return hard_shrink(x, self.lambd)


class GLU(Module):
    """Applies :func:`glu` (gated linear unit) along a fixed axis.

    Parameters
    ----------
    axis : int, optional
        The axis split into the value and gate halves. Default: ``-1``.

    Examples
    --------
    >>> nn.GLU(axis=0)(mx.array([[1.0, 2.0], [0.0, 0.0]]))
    array([[0.5, 1]], dtype=float32)
    """

    def __init__(self, axis: int = -1):
        super().__init__()
        self.axis = axis

    def __call__(self, x):
        return glu(x=x, axis=self.axis)


class Step(Module):
    """Applies :func:`step` with a fixed threshold (int32 zeros and ones).

    Parameters
    ----------
    threshold : float, optional
        Where the step is. Default: ``0.0``.

    Examples
    --------
    >>> nn.Step(1.0)(mx.array([0.0, 1.0, 2.0]))
    array([0, 1, 1], dtype=int32)
    """

    def __init__(self, threshold: float = 0.0):
        super().__init__()
        self.threshold = threshold

    def __call__(self, x: mx.array):
        return step(x, self.threshold)


class PReLU(Module):
    """Applies :func:`prelu` with learned slopes for negative inputs.

    The slopes are the parameter ``weight``, of shape ``(num_parameters,)``, broadcast against
    the last axis of the input.

    Parameters
    ----------
    num_parameters : int, optional
        How many slopes: 1 (shared) or the number of channels. Default: ``1``.
    init : float, optional
        The starting value of every slope. Default: ``0.25``.

    Examples
    --------
    >>> layer = nn.PReLU()
    >>> layer.weight
    array([0.25], dtype=float32)
    >>> layer(mx.array([-2.0, 3.0]))
    array([-0.5, 3], dtype=float32)
    """

    def __init__(self, num_parameters=1, init=0.25):
        super().__init__()
        self.weight = mx.full([num_parameters], init)

    def __call__(self, x: mx.array):
        return prelu(x, self.weight)


_GELU_FORMS = {"none": gelu, "precise": gelu_approx, "tanh": gelu_approx, "fast": gelu_fast_approx}


class GELU(Module):
    """Applies GELU, exact or approximated.

    Parameters
    ----------
    approx : str, optional
        ``'none'`` for the exact :func:`gelu`, ``'precise'`` or ``'tanh'`` for
        :func:`gelu_approx`, ``'fast'`` for :func:`gelu_fast_approx`. Default: ``'none'``.

    Raises
    ------
    ValueError
        When ``approx`` is none of these.

    Examples
    --------
    >>> x = mx.array([-2.0, 0.0, 2.0])
    >>> mx.array_equal(nn.GELU()(x), nn.gelu(x))
    array(True, dtype=bool)
    >>> mx.array_equal(nn.GELU(approx="tanh")(x), nn.gelu_approx(x))
    array(True, dtype=bool)
    """

    def __init__(self, approx="none"):
        super().__init__()
        if approx not in _GELU_FORMS:
            raise ValueError(
                f"The approximation should be in {list(_GELU_FORMS)} but '{approx}' was given"
            )
        self._act = _GELU_FORMS[approx]

    def __call__(self, x):
        return self._act(x)
