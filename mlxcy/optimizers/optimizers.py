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
    """The base class of the optimizers: it keeps the state and applies an update rule to every
    parameter of a tree.

    An optimizer's ``state`` is a dict holding the step count (``"step"``), the hyper-parameters
    that are arrays (``"learning_rate"``, ...) and, for each parameter, a dict of its own entries
    (the momentum of SGD, the moments of Adam, ...) at the parameter's place in the tree. The
    per-parameter entries are created by ``init`` or on the first update. A subclass defines the rule
    for one array: ``init_single(parameter, state)`` fills a parameter's state and
    ``apply_single(gradient, parameter, state)`` returns its new value.

    Parameters
    ----------
    schedulers : dict, optional
        Hyper-parameter name to schedule (a callable from the step count to the value): before every
        step, ``state[name]`` becomes ``schedule(step)``. Default: ``None``, no schedules.

    Examples
    --------
    >>> class SignDescent(optim.Optimizer):
    ...     def init_single(self, parameter, state):
    ...         pass
    ...     def apply_single(self, gradient, parameter, state):
    ...         return parameter - 0.5 * mx.sign(gradient)
    >>> SignDescent().apply_gradients({"w": mx.array([3.0, -2.0])}, {"w": mx.array([1.0, 1.0])})
    {'w': array([0.5, 1.5], dtype=float32)}
    """

    def __init__(self, schedulers=None):
        self._initialized = False
        self._state = {"step": mx.array(0, mx.uint64)}
        self._schedulers = {} if schedulers is None else dict(schedulers)

    def update(self, model, gradients: dict):
        """Take one optimization step on a model: apply ``gradients`` to its parameters, in place.

        It is ``model.update(self.apply_gradients(gradients, model))``.

        Parameters
        ----------
        model : nn.Module
            The model whose parameters are updated.
        gradients : dict
            The gradients, a tree of arrays of the structure of ``model.parameters()`` (or part of it:
            only the parameters it holds are updated), as from ``nn.value_and_grad``.

        Returns
        -------
        None

        Examples
        --------
        >>> model = nn.Linear(2, 1)
        >>> model.update({"weight": mx.array([[1.0, 1.0]]), "bias": mx.array([0.0])})
        Linear(input_dims=2, output_dims=1, bias=True)
        >>> grads = {"weight": mx.array([[1.0, -1.0]]), "bias": mx.array([2.0])}
        >>> optim.SGD(learning_rate=0.5).update(model, grads)
        >>> model.weight, model.bias
        (array([[0.5, 1.5]], dtype=float32), array([-1], dtype=float32))
        """
        model.update(self.apply_gradients(gradients, model))

    def init(self, parameters: dict):
        """Create the state of every parameter now, instead of on the first update.

        Useful to save or inspect the state before training. Parameters that already have state keep it.

        Parameters
        ----------
        parameters : dict
            A tree of arrays: the model's parameters (``model.trainable_parameters()``).

        Returns
        -------
        None

        Examples
        --------
        >>> opt = optim.Adam(learning_rate=0.5)
        >>> opt.init({"w": mx.zeros((2,))})
        >>> opt.state["w"]
        {'m': array([0, 0], dtype=float32), 'v': array([0, 0], dtype=float32)}
        """
        self._state = _extend_state(parameters, self._state)

        def init_leaf(param, state):
            if not state:
                self.init_single(param, state)
            return state

        tree_map(init_leaf, parameters, self._state)
        self._initialized = True

    def init_single(self, parameter: mx.array, state: dict):
        """Create the state of one parameter: subclasses fill ``state`` in place.

        Parameters
        ----------
        parameter : array
            The parameter.
        state : dict
            The parameter's state, empty on entry.

        Returns
        -------
        None

        Raises
        ------
        NotImplementedError
            In the base class: every optimizer defines its own.

        Examples
        --------
        >>> state = {}
        >>> optim.SGD(learning_rate=0.5, momentum=0.9).init_single(mx.ones((2,)), state)
        >>> state
        {'v': array([0, 0], dtype=float32)}
        """
        raise NotImplementedError(f"{type(self).__name__} must define init_single")

    def apply_gradients(self, gradients: dict, parameters: dict):
        """The parameters after one step, without changing them in place.

        The step count advances, scheduled hyper-parameters are evaluated, and the state of the
        parameters (created now if ``init`` was not called) is updated.

        Parameters
        ----------
        gradients : dict
            A tree of gradient arrays.
        parameters : dict
            The tree of parameters, with at least the structure of ``gradients``.

        Returns
        -------
        dict
            A tree of the structure of ``gradients`` holding the new parameters.

        Examples
        --------
        >>> opt = optim.SGD(learning_rate=0.5)
        >>> opt.apply_gradients({"w": mx.array([1.0, -2.0])}, {"w": mx.array([1.0, 2.0])})
        {'w': array([0.5, 3], dtype=float32)}
        >>> opt.step
        array(1, dtype=uint64)
        """
        if not self._initialized:
            self.init(gradients)
        for name, schedule in self._schedulers.items():
            self._state[name] = schedule(self.step)
        self._state["step"] = self.step + 1
        return tree_map(self.apply_single, gradients, parameters, self._state)

    def apply_single(self, gradient: mx.array, parameter: mx.array, state: dict):
        """One parameter's new value after one step: subclasses define the update rule here.

        Parameters
        ----------
        gradient : array
            The parameter's gradient.
        parameter : array
            The parameter.
        state : dict
            The parameter's state, updated in place.

        Returns
        -------
        array
            The new parameter.

        Raises
        ------
        NotImplementedError
            In the base class: every optimizer defines its own.

        Examples
        --------
        >>> opt = optim.SGD(learning_rate=0.5)
        >>> opt.apply_single(mx.array([2.0]), mx.array([1.0]), {})
        array([0], dtype=float32)
        """
        raise NotImplementedError(f"{type(self).__name__} must define apply_single")

    @property
    def state(self):
        """The optimizer's state: step count, hyper-parameters and per-parameter entries.

        Assigning a state (one saved with ``utils.tree_flatten`` and ``mx.save_safetensors``, say)
        replaces it; per-parameter entries missing from it are created on the next update.

        Returns
        -------
        dict
            The state tree (the optimizer's own, not a copy).

        Examples
        --------
        >>> opt = optim.SGD(learning_rate=0.5)
        >>> opt.state
        {'step': array(0, dtype=uint64), 'learning_rate': array(0.5, dtype=float32)}
        """
        return self._state

    @state.setter
    def state(self, state: dict):
        self._initialized = False
        self._state = state

    @property
    def step(self):
        """The number of steps taken so far.

        Returns
        -------
        array
            A 0-d ``uint64`` array (``state["step"]``).

        Examples
        --------
        >>> opt = optim.SGD(learning_rate=0.5)
        >>> opt.step
        array(0, dtype=uint64)
        """
        return self._state["step"]

    @property
    def learning_rate(self):
        """The current learning rate; assign a number or array to change it.

        With a schedule it is the value the schedule gave for the latest step.

        Returns
        -------
        array
            A 0-d array (``state["learning_rate"]``).

        Examples
        --------
        >>> opt = optim.SGD(learning_rate=0.5)
        >>> opt.learning_rate = 0.25
        >>> opt.learning_rate
        array(0.25, dtype=float32)
        """
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
    """Stochastic gradient descent, with optional momentum, dampening, Nesterov momentum and weight
    decay.

    With gradient ``g`` (plus ``weight_decay * p`` when ``weight_decay`` is not 0) the velocity is
    ``v = momentum * v + (1 - dampening) * g`` and the update is ``p - learning_rate * v``
    (``g + momentum * v`` in place of ``v`` with Nesterov momentum). Without momentum the update
    is ``p - learning_rate * g``.

    Parameters
    ----------
    learning_rate : float or Callable
        The learning rate, or a schedule: a callable from the step count (an array) to the learning
        rate, evaluated before every step (see ``optim.cosine_decay`` and the other schedules).
    momentum : float, optional
        The momentum factor. Default: ``0.0``, no momentum.
    weight_decay : float, optional
        The L2 penalty added to the gradient. Default: ``0.0``.
    dampening : float, optional
        The share of the gradient left out of the velocity. Default: ``0.0``.
    nesterov : bool, optional
        Whether to use Nesterov momentum. Default: ``False``.

    Raises
    ------
    ValueError
        When ``nesterov`` is true without a positive ``momentum`` and zero ``dampening``.

    Examples
    --------
    >>> opt = optim.SGD(learning_rate=0.5, momentum=0.5)
    >>> params = {"w": mx.array([1.0])}
    >>> params = opt.apply_gradients({"w": mx.array([1.0])}, params)
    >>> params = opt.apply_gradients({"w": mx.array([1.0])}, params)
    >>> params["w"], opt.state["w"]["v"]
    (array([-0.25], dtype=float32), array([1.5], dtype=float32))
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
    """RMSprop: gradient steps divided by a running root mean square of the gradients.

    ``v = alpha * v + (1 - alpha) * g ** 2`` and ``p = p - learning_rate * g / (sqrt(v) + eps)``.

    Parameters
    ----------
    learning_rate : float or Callable
        The learning rate, or a schedule: a callable from the step count (an array) to the learning
        rate, evaluated before every step (see ``optim.cosine_decay`` and the other schedules).
    alpha : float, optional
        The smoothing constant of the running average. Default: ``0.99``.
    eps : float, optional
        Added to the denominator for stability. Default: ``1e-8``.

    Raises
    ------
    ValueError
        When ``alpha`` is negative or ``eps`` is not positive.

    Examples
    --------
    >>> opt = optim.RMSprop(learning_rate=0.01, alpha=0.75)
    >>> opt.apply_gradients({"w": mx.array([2.0, -2.0])}, {"w": mx.array([1.0, 1.0])})
    {'w': array([0.98, 1.02], dtype=float32)}
    """

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
    """Adagrad: gradient steps divided by the root of the sum of all past squared gradients.

    ``v = v + g ** 2`` and ``p = p - learning_rate * g / (sqrt(v) + eps)``.

    Parameters
    ----------
    learning_rate : float or Callable
        The learning rate, or a schedule: a callable from the step count (an array) to the learning
        rate, evaluated before every step (see ``optim.cosine_decay`` and the other schedules).
    eps : float, optional
        Added to the denominator for stability. Default: ``1e-8``.

    Raises
    ------
    ValueError
        When ``eps`` is not positive.

    Examples
    --------
    >>> opt = optim.Adagrad(learning_rate=0.5)
    >>> opt.apply_gradients({"w": mx.array([2.0, -4.0])}, {"w": mx.array([1.0, 1.0])})
    {'w': array([0.5, 1.5], dtype=float32)}
    """

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
    """AdaDelta: steps scaled by the ratio of running root mean squares of past updates and of
    gradients.

    ``v = rho * v + (1 - rho) * g ** 2``, ``d = sqrt(u + eps) / sqrt(v + eps) * g``,
    ``u = rho * u + (1 - rho) * d ** 2`` and ``p = p - learning_rate * d``.

    Parameters
    ----------
    learning_rate : float or Callable
        The learning rate, or a schedule: a callable from the step count (an array) to the learning
        rate, evaluated before every step (see ``optim.cosine_decay`` and the other schedules).
    rho : float, optional
        The smoothing constant of the running averages. Default: ``0.9``.
    eps : float, optional
        Added inside the square roots for stability. Default: ``1e-6``.

    Raises
    ------
    ValueError
        When ``rho`` is negative or ``eps`` is not positive.

    Examples
    --------
    >>> opt = optim.AdaDelta(learning_rate=1.0, rho=0.0, eps=0.25)
    >>> opt.apply_gradients({"w": mx.array([0.0])}, {"w": mx.array([1.0])})
    {'w': array([1], dtype=float32)}
    >>> sorted(opt.state["w"])
    ['u', 'v']
    """

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
    """Adam: steps from running averages of the gradients and of their squares.

    ``m = b1 * m + (1 - b1) * g``, ``v = b2 * v + (1 - b2) * g ** 2`` and
    ``p = p - learning_rate * m / (sqrt(v) + eps)``. With ``bias_correction`` the averages are
    divided by ``1 - b1 ** t`` and ``1 - b2 ** t`` (``t`` the step count) first.

    Parameters
    ----------
    learning_rate : float or Callable
        The learning rate, or a schedule: a callable from the step count (an array) to the learning
        rate, evaluated before every step (see ``optim.cosine_decay`` and the other schedules).
    betas : list(float), optional
        ``[b1, b2]``, the smoothing constants of the two averages, each in ``[0, 1)``.
        Default: ``[0.9, 0.999]``.
    eps : float, optional
        Added to the denominator for stability. Default: ``1e-8``.
    bias_correction : bool, optional
        Whether to correct the averages' bias towards 0 in the first steps. Default: ``False``.

    Raises
    ------
    ValueError
        When a beta is outside ``[0, 1)`` or ``eps`` is negative.

    Examples
    --------
    >>> opt = optim.Adam(learning_rate=0.5, betas=[0.5, 0.75], bias_correction=True)
    >>> opt.apply_gradients({"w": mx.array([3.0, -2.0])}, {"w": mx.array([1.0, 1.0])})
    {'w': array([0.5, 1.5], dtype=float32)}
    """

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
    """AdamW: Adam with decoupled weight decay.

    Each step first shrinks the parameter, ``p = p * (1 - learning_rate * weight_decay)``, then
    takes the Adam step (see ``Adam``).

    Parameters
    ----------
    learning_rate : float or Callable
        The learning rate, or a schedule: a callable from the step count (an array) to the learning
        rate, evaluated before every step (see ``optim.cosine_decay`` and the other schedules).
    betas : list(float), optional
        ``[b1, b2]``, the smoothing constants of the two averages, each in ``[0, 1)``.
        Default: ``[0.9, 0.999]``.
    eps : float, optional
        Added to the denominator for stability. Default: ``1e-8``.
    weight_decay : float, optional
        The decoupled weight decay. Default: ``0.01``.
    bias_correction : bool, optional
        Whether to correct the averages' bias towards 0 in the first steps. Default: ``False``.

    Raises
    ------
    ValueError
        When a beta is outside ``[0, 1)`` or ``eps`` is negative (the message names Adam).

    Examples
    --------
    >>> opt = optim.AdamW(learning_rate=0.5, betas=[0.5, 0.75], weight_decay=0.5, bias_correction=True)
    >>> opt.apply_gradients({"w": mx.array([3.0, -2.0])}, {"w": mx.array([1.0, 1.0])})
    {'w': array([0.25, 1.25], dtype=float32)}
    """

    def __init__(self, learning_rate: Union[float, Callable], betas: List[float] = [0.9, 0.999], eps: float = 1e-8,
                 weight_decay: float = 0.01, bias_correction: bool = False):
        super().__init__(learning_rate=learning_rate, betas=betas, eps=eps, bias_correction=bias_correction)
        self.weight_decay = weight_decay

    def apply_single(self, gradient, parameter, state):
        lr = self.learning_rate.astype(gradient.dtype)
        return super().apply_single(gradient, parameter * (1 - lr * self.weight_decay), state)


class Adamax(Adam):
    """Adamax: Adam with the infinity norm in place of the root mean square.

    ``m = b1 * m + (1 - b1) * g``, ``v = maximum(b2 * v, |g|)`` and
    ``p = p - learning_rate * m / (v + eps)``.

    Parameters
    ----------
    learning_rate : float or Callable
        The learning rate, or a schedule: a callable from the step count (an array) to the learning
        rate, evaluated before every step (see ``optim.cosine_decay`` and the other schedules).
    betas : list(float), optional
        ``[b1, b2]``, the smoothing constants, each in ``[0, 1)``. Default: ``[0.9, 0.999]``.
    eps : float, optional
        Added to the denominator for stability. Default: ``1e-8``.

    Raises
    ------
    ValueError
        When a beta is outside ``[0, 1)`` or ``eps`` is negative (the message names Adam).

    Examples
    --------
    >>> opt = optim.Adamax(learning_rate=0.5, betas=[0.5, 0.999])
    >>> opt.apply_gradients({"w": mx.array([3.0, -2.0])}, {"w": mx.array([1.0, 1.0])})
    {'w': array([0.75, 1.25], dtype=float32)}
    """

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
    """Lion: steps of fixed size in the direction of the sign of an interpolated momentum.

    ``c = b1 * m + (1 - b1) * g``, ``m = b2 * m + (1 - b2) * g`` and
    ``p = p - learning_rate * sign(c)``; with ``weight_decay`` the parameter is first multiplied
    by ``1 - learning_rate * weight_decay``.

    Parameters
    ----------
    learning_rate : float or Callable
        The learning rate, or a schedule: a callable from the step count (an array) to the learning
        rate, evaluated before every step (see ``optim.cosine_decay`` and the other schedules).
    betas : list(float), optional
        ``[b1, b2]``: the interpolation constant of the step and the smoothing constant of the
        momentum, each in ``[0, 1)``. Default: ``[0.9, 0.99]``.
    weight_decay : float, optional
        The decoupled weight decay. Default: ``0.0``.

    Raises
    ------
    ValueError
        When a beta is outside ``[0, 1)``.

    Examples
    --------
    >>> opt = optim.Lion(learning_rate=0.5)
    >>> opt.apply_gradients({"w": mx.array([3.0, -0.25, 0.0])}, {"w": mx.array([1.0, 1.0, 1.0])})
    {'w': array([0.5, 1.5, 1], dtype=float32)}
    """

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
    """Adafactor: adaptive steps with factored second moments, using little memory.

    For a parameter of 2 or more dimensions the running average of the squared gradients is kept
    as a row and a column factor (``exp_avg_sq_row``, ``exp_avg_sq_col``) instead of a full array.
    The update is clipped to a root mean square of at most ``clip_threshold``; with
    ``relative_step`` the step size comes from the step count (no learning rate is needed), and with
    ``scale_parameter`` it is scaled by the parameter's root mean square.

    Parameters
    ----------
    learning_rate : float or Callable, optional
        The learning rate or a schedule, used when ``relative_step`` is false. Default: ``None``.
    eps : tuple(float, float), optional
        Added to the squared gradients, and the least parameter scale. Default: ``(1e-30, 1e-3)``.
    clip_threshold : float, optional
        The largest root mean square of the update. Default: ``1.0``.
    decay_rate : float, optional
        Exponent of the step count in the averages' decay, ``1 - step ** decay_rate``.
        Default: ``-0.8``.
    beta_1 : float, optional
        When given, the smoothing constant of a running average of the updates. Default: ``None``.
    weight_decay : float, optional
        The weight decay. Default: ``0.0``.
    scale_parameter : bool, optional
        Whether to scale the step by the parameter's root mean square. Default: ``True``.
    relative_step : bool, optional
        Whether to compute the step size from the step count instead of ``learning_rate``.
        Default: ``True``.
    warmup_init : bool, optional
        With ``relative_step``, whether the step size grows from 0 over the first steps.
        Default: ``False``.

    Examples
    --------
    >>> opt = optim.Adafactor()
    >>> opt.init({"w": mx.zeros((2, 3)), "b": mx.zeros((3,))})
    >>> opt.state["w"]["exp_avg_sq_row"].shape, opt.state["w"]["exp_avg_sq_col"].shape
    ((2,), (3,))
    >>> sorted(opt.state["b"])
    ['exp_avg_sq']
    """

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
    """Muon: momentum steps whose matrix-shaped updates are orthogonalised.

    ``v = momentum * v + (1 - momentum) * g`` (``g`` plus ``weight_decay * p`` when
    ``weight_decay`` is not 0); the update is ``v`` or, with Nesterov momentum,
    ``(1 - momentum) * g + momentum * v``. For a parameter of 2 or more dimensions (flattened to a
    matrix after the first axis) the update is replaced by an approximately orthogonal matrix with
    its singular vectors (``ns_steps`` Newton-Schulz iterations) and the learning rate is scaled by
    ``sqrt(max(1, rows / columns))``. Other parameters take the plain momentum step.

    Parameters
    ----------
    learning_rate : float or Callable
        The learning rate, or a schedule: a callable from the step count (an array) to the learning
        rate, evaluated before every step (see ``optim.cosine_decay`` and the other schedules).
    momentum : float, optional
        The momentum factor. Default: ``0.95``.
    weight_decay : float, optional
        The L2 penalty added to the gradient. Default: ``0.01``.
    nesterov : bool, optional
        Whether to use Nesterov momentum. Default: ``True``.
    ns_steps : int, optional
        The number of Newton-Schulz iterations. Default: ``5``.

    Examples
    --------
    >>> opt = optim.Muon(learning_rate=1.0, momentum=0.5, weight_decay=0.0, nesterov=False)
    >>> grads = {"b": mx.array([2.0]), "w": mx.ones((4, 2))}
    >>> new = opt.apply_gradients(grads, {"b": mx.array([1.0]), "w": mx.zeros((4, 2))})
    >>> new["b"], new["w"].shape
    (array([0], dtype=float32), (4, 2))
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
    """Several optimizers for one model: each parameter goes to the first optimizer whose filter
    accepts it, or to the last optimizer.

    Parameters
    ----------
    optimizers : list(Optimizer)
        The optimizers.
    filters : list(Callable), optional
        One filter fewer than ``optimizers``: ``filters[i](path, parameter)`` returns whether
        ``optimizers[i]`` takes the parameter at ``path`` (a dotted path as from
        ``utils.tree_flatten``, ``"layers.0.bias"``). Default: ``[]``.

    Raises
    ------
    ValueError
        When there is not exactly one filter fewer than optimizers.

    Examples
    --------
    >>> opt = optim.MultiOptimizer([optim.SGD(learning_rate=0.5), optim.SGD(learning_rate=0.25)],
    ...                            [lambda path, p: path.endswith("bias")])
    >>> grads = {"bias": mx.array([1.0]), "weight": mx.array([1.0])}
    >>> new = opt.apply_gradients(grads, {"bias": mx.array([1.0]), "weight": mx.array([1.0])})
    >>> new["bias"], new["weight"]
    (array([0.5], dtype=float32), array([0.75], dtype=float32))
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
    """Scale a tree of gradients so that their global L2 norm is at most ``max_norm``.

    The global norm is that of all gradients together; when it exceeds ``max_norm``, every gradient
    is multiplied by ``max_norm / norm``. Floating-point gradients keep their dtype.

    Parameters
    ----------
    grads : dict
        A tree of gradient arrays.
    max_norm : float
        The largest global norm allowed, 0 or more.

    Returns
    -------
    tuple(dict, array)
        The clipped gradients (the structure of ``grads``) and their global norm before clipping.

    Raises
    ------
    ValueError
        When ``max_norm`` is negative.

    Examples
    --------
    >>> grads = {"a": mx.array([3.0]), "b": [mx.array([4.0])]}
    >>> optim.clip_grad_norm(grads, max_norm=1.0)
    ({'a': array([0.6], dtype=float32), 'b': [array([0.8], dtype=float32)]}, array(5, dtype=float32))
    >>> optim.clip_grad_norm(grads, max_norm=10.0)[0]
    {'a': array([3], dtype=float32), 'b': [array([4], dtype=float32)]}
    """
    if max_norm < 0:
        raise ValueError(f"max_norm should be >=0, {max_norm} was provided instead")
    total = mx.sqrt(sum(_squared_norm(g) for _, g in tree_flatten(grads)))
    scale = mx.minimum(max_norm / (total + 1e-6), 1.0)

    def clip(g):
        clipped = g * scale
        return clipped.astype(g.dtype) if mx.issubdtype(g.dtype, mx.floating) else clipped

    return tree_map(clip, grads), total
