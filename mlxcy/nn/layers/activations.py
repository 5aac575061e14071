"""Activation functions and their Module wrappers."""
import math

import mlxcy as mx
from mlxcy.nn.layers.base import Module

_SQRT_2 = math.sqrt(2.0)
_SQRT_2_OVER_PI = math.sqrt(2.0 / math.pi)
# the SELU constants to the precision mlx.nn uses (5 and 4 decimals), so results agree to the bit
_SELU_ALPHA = 1.67326
_SELU_SCALE = 1.0507


def sigmoid(x):
    """Logistic sigmoid ``1 / (1 + exp(-x))``."""
    return mx.sigmoid(x)


def relu(x):
    """``max(x, 0)``."""
    return mx.maximum(x, 0)


def relu2(x):
    """Squared ReLU, ``max(x, 0) ** 2``."""
    return mx.square(mx.maximum(x, 0))


def relu6(x):
    """ReLU clipped at 6, ``min(max(x, 0), 6)``."""
    return mx.minimum(mx.maximum(x, 0), 6.0)


def leaky_relu(x, negative_slope=0.01):
    """``max(x, negative_slope * x)``."""
    return mx.maximum(negative_slope * x, x)


def _shift_by_max(x, axis):
    """``x`` minus its maximum along ``axis``: the largest entry becomes 0, so exponentials
    cannot overflow and ``log(sum(exp))`` of the result is small and exact.

    The shift leaves every shift-invariant quantity (log-softmax, softmax cross entropy) unchanged,
    gradients included, so the maximum is taken out of the gradient.
    """
    return x - mx.stop_gradient(mx.max(x, axis=axis, keepdims=True))


def log_softmax(x, axis=-1):
    """``x - logsumexp(x)`` along ``axis``, computed on ``x`` shifted by its maximum."""
    shifted = _shift_by_max(x, axis)
    return shifted - mx.logsumexp(shifted, axis=axis, keepdims=True)


def elu(x, alpha=1.0):
    """``x`` for ``x > 0``, else ``alpha * (exp(x) - 1)``."""
    return mx.where(x > 0, x, alpha * (mx.exp(x) - 1))


def softmax(x, axis=-1):
    """Softmax along ``axis``."""
    return mx.softmax(x, axis=axis)


def softplus(x):
    """``log(1 + exp(x))``, computed stably."""
    return mx.logaddexp(x, 0)


def softsign(x):
    """``x / (1 + |x|)``."""
    return mx.divide(x, 1 + mx.abs(x))


def softshrink(x, lambd: float = 0.5):
    """Moves ``x`` toward zero by ``lambd``, zero inside ``[-lambd, lambd]``."""
    return mx.where(mx.abs(x) > lambd, x - mx.sign(x) * lambd, 0)


def celu(x, alpha=1.0):
    """``max(x, 0) + alpha * (exp(min(x, 0) / alpha) - 1)``."""
    return mx.maximum(x, 0.0) + alpha * (mx.exp(mx.minimum(x, 0.0) / alpha) - 1)


def silu(x):
    """``x * sigmoid(x)``."""
    return x * mx.sigmoid(x)


def log_sigmoid(x):
    """``log(sigmoid(x))``, computed stably."""
    return -softplus(-x)


def gelu(x) -> mx.array:
    """Exact GELU, ``x * Phi(x)`` with the normal CDF written through ``erf``."""
    return x * (1 + mx.erf(x / _SQRT_2)) / 2


def gelu_approx(x):
    """GELU through the tanh approximation."""
    return 0.5 * x * (1 + mx.tanh(_SQRT_2_OVER_PI * (x + 0.044715 * x**3)))


def gelu_fast_approx(x):
    """GELU through the sigmoid approximation ``x * sigmoid(1.702 x)``."""
    return x * mx.sigmoid(1.702 * x)


def glu(x: mx.array, axis: int = -1) -> mx.array:
    """Gated linear unit: splits ``x`` in two halves ``a, b`` along ``axis``; ``a * sigmoid(b)``."""
    a, b = mx.split(x, indices_or_sections=2, axis=axis)
    return a * mx.sigmoid(b)


def step(x: mx.array, threshold: float = 0.0):
    """1 where ``x >= threshold``, else 0 (int32)."""
    return mx.where(x >= threshold, 1, 0)


def selu(x):
    """Scaled ELU with the self-normalising constants."""
    return elu(x, _SELU_ALPHA) * _SELU_SCALE


def prelu(x: mx.array, alpha: mx.array) -> mx.array:
    """``max(0, x) + alpha * min(0, x)`` with a learned ``alpha``."""
    return mx.maximum(0, x) + alpha * mx.minimum(0, x)


def mish(x: mx.array) -> mx.array:
    """``x * tanh(softplus(x))``."""
    return x * mx.tanh(softplus(x))


def hardswish(x):
    """``x * min(max(x + 3, 0), 6) / 6``."""
    return x * mx.minimum(mx.maximum(x + 3, 0), 6) / 6


def hard_tanh(x, min_val=-1.0, max_val=1.0):
    """``x`` clipped to ``[min_val, max_val]``."""
    return mx.minimum(mx.maximum(x, min_val), max_val)


def hard_shrink(x, lambd=0.5):
    """``x`` where ``|x| > lambd``, else 0."""
    return mx.where(mx.abs(x) > lambd, x, 0)


def softmin(x, axis=-1):
    """Softmax of ``-x`` along ``axis``."""
    return mx.softmax(-x, axis=axis)


def tanh(x):
    """Hyperbolic tangent."""
    return mx.tanh(x)


# -- Module forms ---------------------------------------------------------------------------
def _stateless(fn, name, doc):
    """A parameterless Module class that applies ``fn``."""

    def __call__(self, x):
        return fn(x)

    return type(name, (Module,), {"__call__": __call__, "__doc__": doc, "__module__": __name__})


ReLU = _stateless(relu, "ReLU", "Applies :func:`relu`.")
ReLU2 = _stateless(relu2, "ReLU2", "Applies :func:`relu2`.")
ReLU6 = _stateless(relu6, "ReLU6", "Applies :func:`relu6`.")
SiLU = _stateless(silu, "SiLU", "Applies :func:`silu`.")
Mish = _stateless(mish, "Mish", "Applies :func:`mish`.")
SELU = _stateless(selu, "SELU", "Applies :func:`selu`.")
Softplus = _stateless(softplus, "Softplus", "Applies :func:`softplus`.")
Softsign = _stateless(softsign, "Softsign", "Applies :func:`softsign`.")
Hardswish = _stateless(hardswish, "Hardswish", "Applies :func:`hardswish`.")
HardTanh = _stateless(hard_tanh, "HardTanh", "Applies :func:`hard_tanh` with bounds -1, 1.")
Tanh = _stateless(tanh, "Tanh", "Applies :func:`tanh`.")
Sigmoid = _stateless(sigmoid, "Sigmoid", "Applies :func:`sigmoid`.")
LogSigmoid = _stateless(log_sigmoid, "LogSigmoid", "Applies :func:`log_sigmoid`.")
Softmax = _stateless(softmax, "Softmax", "Applies :func:`softmax` on the last axis.")
Softmin = _stateless(softmin, "Softmin", "Applies :func:`softmin` on the last axis.")
LogSoftmax = _stateless(log_softmax, "LogSoftmax", "Applies :func:`log_softmax` on the last axis.")


class LeakyReLU(Module):
    """Applies :func:`leaky_relu` with a fixed ``negative_slope``."""

    def __init__(self, negative_slope=1e-2):
        super().__init__()
        self._negative_slope = negative_slope

    def __call__(self, x):
        return leaky_relu(x, self._negative_slope)


class ELU(Module):
    """Applies :func:`elu` with a fixed ``alpha``."""

    def __init__(self, alpha=1.0):
        super().__init__()
        self._alpha = alpha

    def __call__(self, x):
        return elu(x, self._alpha)


class CELU(Module):
    """Applies :func:`celu` with a fixed ``alpha``."""

    def __init__(self, alpha=1.0):
        super().__init__()
        self._alpha = alpha

    def __call__(self, x):
        return celu(x, self._alpha)


class Softshrink(Module):
    """Applies :func:`softshrink` with a fixed ``lambd``."""

    def __init__(self, lambd=0.5):
        super().__init__()
        self.lambd = lambd

    def __call__(self, x):
        return softshrink(x, self.lambd)


class HardShrink(Module):
    """Applies :func:`hard_shrink` with a fixed ``lambd``."""

    def __init__(self, lambd=0.5):
        super().__init__()
        self.lambd = lambd

    def __call__(self, x):
        return hard_shrink(x, self.lambd)


class GLU(Module):
    """Applies :func:`glu` along ``axis``."""

    def __init__(self, axis: int = -1):
        super().__init__()
        self.axis = axis

    def __call__(self, x):
        return glu(x=x, axis=self.axis)


class Step(Module):
    """Applies :func:`step` with a fixed ``threshold``."""

    def __init__(self, threshold: float = 0.0):
        super().__init__()
        self.threshold = threshold

    def __call__(self, x: mx.array):
        return step(x, self.threshold)


class PReLU(Module):
    """Applies :func:`prelu` with a learned slope (``num_parameters`` values, started at ``init``)."""

    def __init__(self, num_parameters=1, init=0.25):
        super().__init__()
        self.weight = mx.full([num_parameters], init)

    def __call__(self, x: mx.array):
        return prelu(x, self.weight)


_GELU_FORMS = {"none": gelu, "precise": gelu_approx, "tanh": gelu_approx, "fast": gelu_fast_approx}


class GELU(Module):
    """Applies GELU: ``approx`` is ``'none'`` (exact), ``'precise'``/``'tanh'`` or ``'fast'``."""

    def __init__(self, approx="none"):
        super().__init__()
        if approx not in _GELU_FORMS:
            raise ValueError(
                f"The approximation should be in {list(_GELU_FORMS)} but '{approx}' was given"
            )
        self._act = _GELU_FORMS[approx]

    def __call__(self, x):
        return self._act(x)
