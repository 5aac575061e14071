"""Optimizers: each keeps a state tree that mirrors the parameter tree and turns gradients into
updated parameters. Written from MLX's documented update rules."""
import math
from typing import Callable, List, Optional, Tuple, Union

import mlxcy as mx
from mlxcy.utils import tree_flatten, tree_map, tree_map_with_path, tree_unflatten

__all__ = ["Optimizer", "SGD", "RMSprop", "Adagrad", "AdaDelta", "Adam", "AdamW", "Adamax", "Lion",
           "Adafactor", "Muon", "MultiOptimizer", "clip_grad_norm"]


# The argument checks: a NaN passes where the test is "refuse a value known to be bad"
# (``< 0``, ``<= 0``) and fails where it is "accept a value known to be good" (``>= 0``, [0, 1)).
def _check_non_negative(owner, name, value):
    if value < 0.0:
        raise ValueError(f"{owner} {name} should be >=0, {value} was provided instead")


def _check_positive(owner, name, value):
    if value <= 0.0:
        raise ValueError(f"{owner} {name} should be >0, {value} was provided instead")


def _check_betas(owner, betas):
    """Every beta (``betas`` may hold any number of them) must lie in [0, 1)."""
    for i, beta in enumerate(betas, start=1):
        if not 0.0 <= beta < 1.0:
            raise ValueError(f"{owner} beta{i} should be in [0, 1), {beta} was provided instead")


def _empty_state_like(tree):
    """A state tree with an empty dict where `tree` has each leaf."""
    if isinstance(tree, (list, tuple)):
        states = [_empty_state_like(t) for t in tree]
        return tuple(states) if isinstance(tree, tuple) else states
    if isinstance(tree, dict):
        return {k: _empty_state_like(v) for k, v in tree.items()}
    return {}


def _extend_state(params, state):
    """Grow `state` (in place where it is a dict) so it covers every leaf of `params`."""
    if isinstance(params, dict):
        for key, value in params.items():
            state[key] = _extend_state(value, state[key]) if key in state else _empty_state_like(value)
        return state
    if isinstance(params, (list, tuple)):
        grown = [_extend_state(p, s) for p, s in zip(params, state)]
        grown += [_empty_state_like(p) for p in params[len(grown):]]
        return tuple(grown) if isinstance(params, tuple) else grown  # the state keeps tuples
    return state


class Optimizer:
    """The base class: lazy state initialisation, schedules, and the tree-wide update.

    Subclasses define ``init_single(parameter, state)`` and
    ``apply_single(gradient, parameter, state)`` for one array.
    """

    def __init__(self, schedulers=None):
        self._initialized = False
        self._state = {"step": mx.array(0, mx.uint64)}
        self._schedulers = {} if schedulers is None else dict(schedulers)

    def update(self, model, gradients: dict):
        """Apply ``gradients`` to ``model``'s parameters and update the model in place."""
        model.update(self.apply_gradients(gradients, model))

    def init(self, parameters: dict):
        """Create the state for every parameter now (otherwise done on the first update)."""
        self._state = _extend_state(parameters, self._state)

        def init_leaf(param, state):
            if not state:
                self.init_single(param, state)
            return state

        tree_map(init_leaf, parameters, self._state)
        self._initialized = True

    def init_single(self, parameter: mx.array, state: dict):
        """Create the state of one parameter in ``state``."""
        raise NotImplementedError(f"{type(self).__name__} must define init_single")

    def apply_gradients(self, gradients: dict, parameters: dict):
        """The parameters after one step; the result has the structure of ``gradients``."""
        if not self._initialized:
            self.init(gradients)
        for name, schedule in self._schedulers.items():
            self._state[name] = schedule(self.step)
        self._state["step"] = self.step + 1
        return tree_map(self.apply_single, gradients, parameters, self._state)

    def apply_single(self, gradient: mx.array, parameter: mx.array, state: dict):
        """One parameter's new value."""
        raise NotImplementedError(f"{type(self).__name__} must define apply_single")

    @property
    def state(self):
        """The optimizer's state tree (step, learning rate, per-parameter entries)."""
        return self._state

    @state.setter
    def state(self, state: dict):
        self._initialized = False
        self._state = state

    @property
    def step(self):
        return self._state["step"]

    @property
    def learning_rate(self):
        return self._state["learning_rate"]

    @learning_rate.setter
    def learning_rate(self, learning_rate: Union[float, mx.array]):
        self._state["learning_rate"] = mx.array(learning_rate)

    def _maybe_schedule(self, name: str, value):
        """Store a hyper-parameter: a callable becomes a schedule evaluated every step."""
        if callable(value):
            self._schedulers[name] = value
            value = value(self.step)
        self._state[name] = mx.array(value)


class SGD(Optimizer):
    """Stochastic gradient descent with optional momentum, dampening, Nesterov and weight decay.

    ``v = momentum * v + (1 - dampening) * g``; the step is ``v`` (or ``g + momentum * v`` with
    Nesterov), and ``g`` includes ``weight_decay * p``.
    """

    def __init__(self, learning_rate: Union[float, Callable], momentum: float = 0.0, weight_decay: float = 0.0,
                 dampening: float = 0.0, nesterov: bool = False):
        if nesterov and (momentum <= 0 or dampening != 0):
            raise ValueError("Nesterov momentum requires a momentum and zero dampening.")
        super().__init__()
        self._maybe_schedule("learning_rate", learning_rate)
        self.momentum = momentum
        self.weight_decay = weight_decay
        self.dampening = dampening
        self.nesterov = nesterov

    def init_single(self, parameter, state):
        state["v"] = mx.zeros_like(parameter)

    def apply_single(self, gradient, parameter, state):
        if self.weight_decay != 0:
            gradient = gradient + self.weight_decay * parameter
        lr = self.learning_rate.astype(gradient.dtype)
        if self.momentum <= 0:
            return parameter - lr * gradient
        v = self.momentum * state["v"]
        v = v + (1 - self.dampening) * gradient if self.dampening > 0 else v + gradient
        state["v"] = v
        step = gradient + self.momentum * v if self.nesterov else v
        return parameter - lr * step


class RMSprop(Optimizer):
    """``v = alpha * v + (1 - alpha) * g**2``; ``p -= lr * g / (sqrt(v) + eps)``."""

    def __init__(self, learning_rate: Union[float, Callable], alpha: float = 0.99, eps: float = 1e-8):
        super().__init__()
        self._maybe_schedule("learning_rate", learning_rate)
        self.alpha = alpha
        self.eps = eps
        _check_non_negative("RMSprop", "alpha", alpha)
        _check_positive("RMSprop", "epsilon", eps)

    def init_single(self, parameter, state):
        state["v"] = mx.zeros_like(parameter)

    def apply_single(self, gradient, parameter, state):
        lr = self.learning_rate.astype(gradient.dtype)
        v = self.alpha * state["v"] + (1 - self.alpha) * mx.square(gradient)
        state["v"] = v
        return parameter - lr * gradient / (mx.sqrt(v) + self.eps)


class Adagrad(Optimizer):
    """``v += g**2``; ``p -= lr * g / (sqrt(v) + eps)``."""

    def __init__(self, learning_rate: Union[float, Callable], eps: float = 1e-8):
        super().__init__()
        self._maybe_schedule("learning_rate", learning_rate)
        self.eps = eps
        _check_positive("Adagrad", "epsilon", eps)

    def init_single(self, parameter, state):
        state["v"] = mx.zeros_like(parameter)

    def apply_single(self, gradient, parameter, state):
        lr = self.learning_rate.astype(gradient.dtype)
        v = state["v"] + mx.square(gradient)
        state["v"] = v
        return parameter - lr * gradient / (mx.sqrt(v) + self.eps)


class AdaDelta(Optimizer):
    """Zeiler's AdaDelta: step sizes from running averages of squared gradients and updates."""

    def __init__(self, learning_rate: Union[float, Callable], rho: float = 0.9, eps: float = 1e-6):
        super().__init__()
        self._maybe_schedule("learning_rate", learning_rate)
        self.rho = rho
        self.eps = eps
        _check_non_negative("AdaDelta", "rho", rho)
        _check_positive("AdaDelta", "epsilon", eps)

    def init_single(self, parameter, state):
        state["v"] = mx.zeros_like(parameter)
        state["u"] = mx.zeros_like(parameter)

    def apply_single(self, gradient, parameter, state):
        lr = self.learning_rate.astype(gradient.dtype)
        rho, eps = self.rho, self.eps
        v = rho * state["v"] + (1 - rho) * mx.square(gradient)
        delta = mx.sqrt(state["u"] + eps) / mx.sqrt(v + eps) * gradient
        state["v"] = v
        state["u"] = rho * state["u"] + (1 - rho) * mx.square(delta)
        return parameter - lr * delta


class Adam(Optimizer):
    """Adam: first and second moment estimates; bias correction only if asked (as in MLX)."""

    def __init__(self, learning_rate: Union[float, Callable], betas: List[float] = [0.9, 0.999], eps: float = 1e-8,
                 bias_correction: bool = False):
        super().__init__()
        # AdamW and Adamax come through here too: their messages say "Adam", as the reference's
        _check_betas("Adam", betas)
        if not eps >= 0.0:
            raise ValueError(f"Adam epsilon should be >=0, {eps} was provided instead")
        self._maybe_schedule("learning_rate", learning_rate)
        self.betas = betas
        self.eps = eps
        self.bias_correction = bias_correction

    def init_single(self, parameter, state):
        state["m"] = mx.zeros_like(parameter)
        state["v"] = mx.zeros_like(parameter)

    def apply_single(self, gradient, parameter, state):
        lr = self.learning_rate.astype(gradient.dtype)
        b1, b2 = self.betas
        m = b1 * state["m"] + (1 - b1) * gradient
        v = b2 * state["v"] + (1 - b2) * mx.square(gradient)
        state["m"], state["v"] = m, v
        if self.bias_correction:
            # the corrections in float32 (from the integer step), then cast: in bfloat16,
            # 1 - 0.999**t rounds to 0 and the step would vanish
            lr_corrected = (self.learning_rate / (1 - b1 ** self.step)).astype(gradient.dtype)
            v_correction = mx.rsqrt(1 - b2 ** self.step).astype(gradient.dtype)
            step = lr_corrected * m / (mx.sqrt(v) * v_correction + self.eps)
        else:
            step = lr * m / (mx.sqrt(v) + self.eps)
        return parameter - step


class AdamW(Adam):
    """Adam with decoupled weight decay: ``p *= 1 - lr * weight_decay`` before the Adam step."""

    def __init__(self, learning_rate: Union[float, Callable], betas: List[float] = [0.9, 0.999], eps: float = 1e-8,
                 weight_decay: float = 0.01, bias_correction: bool = False):
        super().__init__(learning_rate=learning_rate, betas=betas, eps=eps, bias_correction=bias_correction)
        self.weight_decay = weight_decay

    def apply_single(self, gradient, parameter, state):
        lr = self.learning_rate.astype(gradient.dtype)
        return super().apply_single(gradient, parameter * (1 - lr * self.weight_decay), state)


class Adamax(Adam):
    """Adam with the infinity norm: ``v = max(b2 * v, |g|)``; ``p -= lr * m / (v + eps)``."""

    def __init__(self, learning_rate: Union[float, Callable], betas: List[float] = [0.9, 0.999], eps: float = 1e-8):
        super().__init__(learning_rate, betas, eps)

    def apply_single(self, gradient, parameter, state):
        lr = self.learning_rate.astype(gradient.dtype)
        b1, b2 = self.betas
        m = b1 * state["m"] + (1 - b1) * gradient
        v = mx.maximum(b2 * state["v"], mx.abs(gradient))
        state["m"], state["v"] = m, v
        return parameter - lr * m / (v + self.eps)


class Lion(Optimizer):
    """Lion: the step is the sign of an interpolation of momentum and gradient."""

    def __init__(self, learning_rate: Union[float, Callable], betas: List[float] = [0.9, 0.99],
                 weight_decay: float = 0.0):
        super().__init__()
        _check_betas("Lion", betas)
        self._maybe_schedule("learning_rate", learning_rate)
        self.betas = betas
        self.weight_decay = weight_decay

    def init_single(self, parameter, state):
        state["m"] = mx.zeros_like(parameter)

    def apply_single(self, gradient, parameter, state):
        lr = self.learning_rate.astype(gradient.dtype)
        b1, b2 = self.betas
        direction = b1 * state["m"] + (1 - b1) * gradient
        state["m"] = b2 * state["m"] + (1 - b2) * gradient
        if self.weight_decay > 0:
            parameter = (1 - lr * self.weight_decay) * parameter
        return parameter - lr * mx.sign(direction)


def _rms(x):
    return mx.sqrt(mx.mean(mx.square(x)))


class Adafactor(Optimizer):
    """Adafactor: second moments kept as row and column factors for matrices, relative steps."""

    def __init__(self, learning_rate: Union[float, Callable, None] = None, eps: Tuple[float, float] = (1e-30, 1e-3),
                 clip_threshold: float = 1.0, decay_rate: float = -0.8, beta_1: Optional[float] = None,
                 weight_decay: float = 0.0, scale_parameter: bool = True, relative_step: bool = True,
                 warmup_init: bool = False):
        super().__init__()
        if learning_rate is not None:
            self._maybe_schedule("learning_rate", learning_rate)
        self.eps = eps
        self.clip_threshold = clip_threshold
        self.decay_rate = decay_rate
        self.beta_1 = beta_1
        self.weight_decay = weight_decay
        self.scale_parameter = scale_parameter
        self.relative_step = relative_step
        self.warmup_init = warmup_init

    def init_single(self, parameter, state):
        if parameter.ndim >= 2:
            shape = parameter.shape
            state["exp_avg_sq_row"] = mx.zeros(shape[:-1], dtype=parameter.dtype)
            state["exp_avg_sq_col"] = mx.zeros(shape[:-2] + shape[-1:], dtype=parameter.dtype)
        else:
            state["exp_avg_sq"] = mx.zeros_like(parameter)
        if self.beta_1 is not None:
            state["exp_avg"] = mx.zeros_like(parameter)

    def _step_size(self, step, parameter_rms):
        if self.relative_step:
            floor = 1e-6 * step if self.warmup_init else 1e-2
            size = mx.minimum(floor, 1 / mx.sqrt(step))
        else:
            size = self.learning_rate
        size = size.astype(parameter_rms.dtype)
        if self.scale_parameter:
            size = mx.maximum(self.eps[1], parameter_rms) * size
        return size

    def apply_single(self, gradient, parameter, state):
        step = self.step.astype(mx.float32)
        lr = self._step_size(step, _rms(parameter))
        beta_2 = 1.0 - mx.power(step, self.decay_rate).astype(gradient.dtype)
        sq = mx.square(gradient) + self.eps[0]
        if gradient.ndim >= 2:
            row = beta_2 * state["exp_avg_sq_row"] + (1 - beta_2) * mx.mean(sq, axis=-1)
            col = beta_2 * state["exp_avg_sq_col"] + (1 - beta_2) * mx.mean(sq, axis=-2)
            state["exp_avg_sq_row"], state["exp_avg_sq_col"] = row, col
            row_factor = mx.rsqrt(row / mx.mean(row, axis=-1, keepdims=True))
            col_factor = mx.rsqrt(col)
            update = mx.expand_dims(row_factor, -1) * mx.expand_dims(col_factor, -2) * gradient
        else:
            avg = beta_2 * state["exp_avg_sq"] + (1 - beta_2) * sq
            state["exp_avg_sq"] = avg
            update = mx.rsqrt(avg) * gradient
        update = update / mx.maximum(1.0, _rms(update) / self.clip_threshold)
        update = lr * update
        if self.beta_1 is not None:
            update = self.beta_1 * state["exp_avg"] + (1 - self.beta_1) * update
            state["exp_avg"] = update
        if self.weight_decay != 0:
            parameter = parameter - self.weight_decay * lr * parameter
        return parameter - update


def _orthogonalize(x, steps):
    """An approximately orthogonal matrix with x's singular vectors (quintic Newton-Schulz)."""
    a, b, c = 3.4445, -4.7750, 2.0315
    wide = x.shape[-2] <= x.shape[-1]
    if not wide:
        x = x.T
    x = x / (mx.linalg.norm(x, keepdims=True) + 1e-7)
    for _ in range(steps):
        gram = x @ x.T
        # fused multiply-adds (addmm): in half precision the rounding is the reference's
        poly = mx.addmm(b * gram, gram, gram, alpha=c)
        x = mx.addmm(a * x, poly, x)
    return x if wide else x.T


class Muon(Optimizer):
    """Muon: momentum whose matrix-shaped updates are orthogonalised by Newton-Schulz steps.

    Parameters with fewer than 2 dimensions get the plain momentum step.
    """

    def __init__(self, learning_rate: Union[float, Callable], momentum: float = 0.95, weight_decay: float = 0.01,
                 nesterov: bool = True, ns_steps: int = 5):
        super().__init__()
        self._maybe_schedule("learning_rate", learning_rate)
        self.momentum = momentum
        self.weight_decay = weight_decay
        self.nesterov = nesterov
        self.ns_steps = ns_steps

    def init_single(self, parameter, state):
        state["v"] = mx.zeros_like(parameter)

    def apply_single(self, gradient, parameter, state):
        if self.weight_decay != 0:
            gradient = gradient + self.weight_decay * parameter
        v = self.momentum * state["v"] + (1 - self.momentum) * gradient
        state["v"] = v
        update = gradient * (1 - self.momentum) + v * self.momentum if self.nesterov else v
        lr = self.learning_rate.astype(gradient.dtype)
        if update.ndim >= 2:
            shape = update.shape
            flat = update.reshape(shape[0], -1) if update.ndim > 2 else update
            flat = _orthogonalize(flat, self.ns_steps)
            update = flat.reshape(shape)
            lr = lr * max(1.0, flat.shape[-2] / flat.shape[-1]) ** 0.5
        return parameter - lr * update.astype(gradient.dtype)


class MultiOptimizer(Optimizer):
    """Routes each parameter to the first optimizer whose filter accepts it, else the last.

    ``filters[i](path, array)`` decides for ``optimizers[i]``; there is one filter fewer than
    optimizers.
    """

    def __init__(self, optimizers, filters: list = []):
        super().__init__()
        self._state = {}
        if len(filters) != len(optimizers) - 1:
            raise ValueError(f"Given {len(filters)} filters but {len(optimizers) - 1} needed.")
        self.optimizers = optimizers
        self.filters = list(filters) + [lambda *args, **kwargs: True]

    def _split(self, tree):
        parts = [[] for _ in self.optimizers]
        for path, value in tree_flatten(tree):
            for i, accepts in enumerate(self.filters):
                if accepts(path, value):
                    parts[i].append((path, value))
                    break
        return [tree_unflatten(p) for p in parts]

    def init(self, parameters: dict):
        for opt, part in zip(self.optimizers, self._split(parameters)):
            opt.init(part)

    def apply_gradients(self, gradients: dict, parameters: dict):
        merged = []
        for opt, part in zip(self.optimizers, self._split(gradients)):
            merged.extend(tree_flatten(opt.apply_gradients(part, parameters)))
        return tree_unflatten(merged)

    @property
    def state(self):
        return {"states": [opt.state for opt in self.optimizers]}

    @state.setter
    def state(self, state: dict):
        if "states" not in state or len(state["states"]) != len(self.optimizers):
            raise ValueError("Invalid state: expected {'states': [one state per optimizer]}")
        for opt, s in zip(self.optimizers, state["states"]):
            opt.state = s

    @property
    def learning_rate(self):
        return self.optimizers[0].learning_rate

    @learning_rate.setter
    def learning_rate(self, learning_rate):
        for opt in self.optimizers:
            opt.learning_rate = learning_rate


def _squared_norm(g):
    """``sum(g**2)``; float16 is summed in float32, where its squares cannot overflow."""
    if g.dtype == mx.float16:
        g = g.astype(mx.float32)
    return mx.sum(mx.square(g))


def clip_grad_norm(grads, max_norm):
    """Scale ``grads`` so their global L2 norm is at most ``max_norm``.

    Returns ``(clipped_grads, total_norm)``. Floating gradients keep their dtype.
    """
    if max_norm < 0:
        raise ValueError(f"max_norm should be >=0, {max_norm} was provided instead")
    total = mx.sqrt(sum(_squared_norm(g) for _, g in tree_flatten(grads)))
    scale = mx.minimum(max_norm / (total + 1e-6), 1.0)

    def clip(g):
        clipped = g * scale
        return clipped.astype(g.dtype) if mx.issubdtype(g.dtype, mx.floating) else clipped

    return tree_map(clip, grads), total
