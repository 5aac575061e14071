"""Learning-rate schedules: callables from the step count to a learning rate."""
import math

import mlxcy as mx

__all__ = ["exponential_decay", "step_decay", "cosine_decay", "linear_schedule", "join_schedules"]


def exponential_decay(init: float, decay_rate: float):
    """``init * decay_rate ** step``."""
    def schedule(step):
        return init * decay_rate ** step
    return schedule


def step_decay(init: float, decay_rate: float, step_size: int):
    """``init * decay_rate ** (step // step_size)``: decays once every ``step_size`` steps."""
    if step_size < 1:
        raise ValueError(f"step_size must be greater than 0, but got {step_size}.")

    def schedule(step):
        return init * decay_rate ** (step // step_size)
    return schedule


def cosine_decay(init: float, decay_steps: int, end: float = 0.0):
    """Half a cosine from ``init`` down to ``end`` over ``decay_steps`` steps, then ``end``."""
    if decay_steps < 1:
        raise ValueError(f"decay_steps must be greater than 0, but got {decay_steps}.")

    def schedule(step):
        progress = mx.minimum(step, decay_steps) / decay_steps
        return end + (init - end) * 0.5 * (1.0 + mx.cos(math.pi * progress))
    return schedule


def linear_schedule(init: float, end: float, steps: int):
    """A straight line from ``init`` to ``end`` over ``steps`` steps, then ``end``."""
    if steps < 1:
        raise ValueError(f"steps must be greater than 0, but got {steps}.")

    def schedule(step):
        return init + (end - init) * (mx.minimum(step, steps) / steps)
    return schedule


def join_schedules(schedules, boundaries):
    """Run ``schedules[i]`` from ``boundaries[i-1]`` on, each counting its steps from its start.

    ``boundaries`` has one entry fewer than ``schedules``.
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
