"""Learning-rate schedules: callables from the step count to a learning rate."""
import math

import mlxcy as mx

__all__ = ["exponential_decay", "step_decay", "cosine_decay", "linear_schedule", "join_schedules"]


def exponential_decay(init: float, decay_rate: float):
    """Learning-rate schedule ``init * decay_rate ** step``.

    Parameters
    ----------
    init : float
        The learning rate at step 0.
    decay_rate : float
        The factor applied at every step.

    Returns
    -------
    Callable
        A schedule: called with a step count (an int or an array), it returns the learning rate
        (an array, or a float for some schedules given an int); pass it as an optimizer's
        ``learning_rate``.

    Examples
    --------
    >>> lr = optim.exponential_decay(1.0, 0.5)
    >>> lr(mx.array(3))
    array(0.125, dtype=float32)
    >>> opt = optim.SGD(learning_rate=lr)
    >>> opt.learning_rate
    array(1, dtype=float32)
    """
    def schedule(step):
        return init * decay_rate ** step
    return schedule


def step_decay(init: float, decay_rate: float, step_size: int):
    """Learning-rate schedule that decays once every ``step_size`` steps:
    ``init * decay_rate ** (step // step_size)``.

    Parameters
    ----------
    init : float
        The learning rate of the first ``step_size`` steps.
    decay_rate : float
        The factor applied every ``step_size`` steps.
    step_size : int
        The number of steps between decays, 1 or more.

    Returns
    -------
    Callable
        A schedule: called with a step count (an int or an array), it returns the learning rate
        (an array, or a float for some schedules given an int); pass it as an optimizer's
        ``learning_rate``.

    Raises
    ------
    ValueError
        When ``step_size`` is less than 1.

    Examples
    --------
    >>> lr = optim.step_decay(1.0, 0.5, step_size=2)
    >>> lr(mx.array(1)), lr(mx.array(5))
    (array(1, dtype=float32), array(0.25, dtype=float32))
    """
    if step_size < 1:
        raise ValueError(f"step_size must be greater than 0, but got {step_size}.")

    def schedule(step):
        return init * decay_rate ** (step // step_size)
    return schedule


def cosine_decay(init: float, decay_steps: int, end: float = 0.0):
    """Learning-rate schedule falling from ``init`` to ``end`` along half a cosine over
    ``decay_steps`` steps, then staying at ``end``.

    The rate at step ``t`` is ``end + (init - end) * 0.5 * (1 + cos(pi * min(t, decay_steps) / decay_steps))``.

    Parameters
    ----------
    init : float
        The learning rate at step 0.
    decay_steps : int
        The number of steps the decay takes, 1 or more.
    end : float, optional
        The final learning rate. Default: ``0.0``.

    Returns
    -------
    Callable
        A schedule: called with a step count (an int or an array), it returns the learning rate
        (an array, or a float for some schedules given an int); pass it as an optimizer's
        ``learning_rate``.

    Raises
    ------
    ValueError
        When ``decay_steps`` is less than 1.

    Examples
    --------
    >>> lr = optim.cosine_decay(1.0, 4)
    >>> lr(mx.array(0)), lr(mx.array(2))
    (array(1, dtype=float32), array(0.5, dtype=float32))
    >>> optim.cosine_decay(1.0, 4, end=0.5)(mx.array(10))
    array(0.5, dtype=float32)
    """
    if decay_steps < 1:
        raise ValueError(f"decay_steps must be greater than 0, but got {decay_steps}.")

    def schedule(step):
        progress = mx.minimum(step, decay_steps) / decay_steps
        return end + (init - end) * 0.5 * (1.0 + mx.cos(math.pi * progress))
    return schedule


def linear_schedule(init: float, end: float, steps: int):
    """Learning-rate schedule going in a straight line from ``init`` to ``end`` over ``steps`` steps,
    then staying at ``end`` (a warm-up, when ``init`` is the smaller).

    Parameters
    ----------
    init : float
        The learning rate at step 0.
    end : float
        The learning rate from step ``steps`` on.
    steps : int
        The number of steps the change takes, 1 or more.

    Returns
    -------
    Callable
        A schedule: called with a step count (an int or an array), it returns the learning rate
        (an array, or a float for some schedules given an int); pass it as an optimizer's
        ``learning_rate``.

    Raises
    ------
    ValueError
        When ``steps`` is less than 1.

    Examples
    --------
    >>> lr = optim.linear_schedule(0.0, 1.0, steps=4)
    >>> lr(mx.array(1)), lr(mx.array(8))
    (array(0.25, dtype=float32), array(1, dtype=float32))
    """
    if steps < 1:
        raise ValueError(f"steps must be greater than 0, but got {steps}.")

    def schedule(step):
        return init + (end - init) * (mx.minimum(step, steps) / steps)
    return schedule


def join_schedules(schedules, boundaries):
    """Learning-rate schedule that runs several schedules one after another.

    ``schedules[0]`` runs until step ``boundaries[0]``, then ``schedules[1]`` until
    ``boundaries[1]``, and so on; each schedule counts its steps from the boundary where it starts.

    Parameters
    ----------
    schedules : list(Callable)
        The schedules, at least one.
    boundaries : list(int)
        The steps where the next schedule takes over: one fewer than ``schedules``.

    Returns
    -------
    Callable
        A schedule: called with a step count (an int or an array), it returns the learning rate
        (an array, or a float for some schedules given an int); pass it as an optimizer's
        ``learning_rate``.

    Raises
    ------
    ValueError
        When ``schedules`` is empty or ``boundaries`` does not have one entry fewer.

    Examples
    --------
    >>> warmup = optim.linear_schedule(0.0, 1.0, steps=4)
    >>> lr = optim.join_schedules([warmup, optim.exponential_decay(1.0, 0.5)], [4])
    >>> lr(mx.array(2)), lr(mx.array(6))
    (array(0.5, dtype=float32), array(0.25, dtype=float32))
    """
    if len(schedules) == 0:
        raise ValueError("Must provide at least 1 schedule to join.")
    if len(boundaries) != len(schedules) - 1:
        raise ValueError(f"Received {len(boundaries)} boundaries but expected {len(schedules) - 1}.")

    def schedule(step):
        value = schedules[0](step)
        for start, later in zip(boundaries, schedules[1:]):
            value = mx.where(step < start, value, later(step - start))
        return value
    return schedule
