"""Recurrent layers: RNN, GRU, LSTM over ``(N, L, D)`` or ``(L, D)`` inputs."""
import math
from typing import Callable, Optional

import mlxcy as mx
from mlxcy.nn.layers.activations import tanh
from mlxcy.nn.layers.base import Module


def _uniform(bound, shape):
    return mx.random.uniform(low=-bound, high=bound, shape=shape)


def _input_projection(x, w, b):
    return mx.addmm(b, x, w.T) if b is not None else x @ w.T


def _add_recurrent_projection(x_t, hidden, w):
    """``x_t + hidden @ w.T`` as one addmm, as the reference computes it (BLAS then adds in the
    same order, so even the sign of a NaN result agrees)."""
    return mx.addmm(x_t, hidden, w.T)


class RNN(Module):
    """Elman recurrence ``h_t = nonlinearity(x_t W_xh^T + b + h_{t-1} W_hh^T)`` (tanh by default)."""

    def __init__(self, input_size: int, hidden_size: int, bias: bool = True,
                 nonlinearity: Optional[Callable] = None):
        super().__init__()
        # only None means tanh: an empty Module (falsy, being a dict) is a valid nonlinearity
        self.nonlinearity = tanh if nonlinearity is None else nonlinearity
        if not callable(self.nonlinearity):
            raise ValueError(f"Nonlinearity must be callable. Current value: {nonlinearity}.")
        bound = 1.0 / math.sqrt(hidden_size)
        self.hidden_size = hidden_size
        self.Wxh = _uniform(bound, (hidden_size, input_size))
        self.Whh = _uniform(bound, (hidden_size, hidden_size))
        self.bias = _uniform(bound, (hidden_size,)) if bias else None

    def _extra_repr(self):
        return (
            f"input_dims={self.Wxh.shape[1]}, hidden_size={self.hidden_size}, "
            f"nonlinearity={self.nonlinearity}, bias={self.bias is not None}"
        )

    def __call__(self, x, hidden=None):
        xp = _input_projection(x, self.Wxh, self.bias)
        states = []
        for t in range(x.shape[-2]):
            h = xp[..., t, :]
            if hidden is not None:
                h = _add_recurrent_projection(h, hidden, self.Whh)
            hidden = self.nonlinearity(h)
            states.append(hidden)
        return mx.stack(states, axis=-2)


class GRU(Module):
    """Gated recurrent unit; gates ordered reset, update, candidate in ``Wx``/``Wh``/``b``."""

    def __init__(self, input_size: int, hidden_size: int, bias: bool = True):
        super().__init__()
        self.hidden_size = hidden_size
        bound = 1.0 / math.sqrt(hidden_size)
        self.Wx = _uniform(bound, (3 * hidden_size, input_size))
        self.Wh = _uniform(bound, (3 * hidden_size, hidden_size))
        self.b = _uniform(bound, (3 * hidden_size,)) if bias else None
        self.bhn = _uniform(bound, (hidden_size,)) if bias else None

    def _extra_repr(self):
        return f"input_dims={self.Wx.shape[1]}, hidden_size={self.hidden_size}, bias={self.b is not None}"

    def __call__(self, x, hidden=None):
        H = self.hidden_size
        xp = _input_projection(x, self.Wx, self.b)
        x_rz, x_n = xp[..., : 2 * H], xp[..., 2 * H:]
        states = []
        for t in range(x.shape[-2]):
            rz = x_rz[..., t, :]
            hn = self.bhn  # the hidden projection of the candidate; zero state at the start
            if hidden is not None:
                hp = hidden @ self.Wh.T
                rz = rz + hp[..., : 2 * H]
                hn = hp[..., 2 * H:] if hn is None else hp[..., 2 * H:] + hn
            rz = mx.sigmoid(rz)
            r, z = rz[..., :H], rz[..., H:]
            n = x_n[..., t, :]
            if hn is not None:
                n = n + r * hn
            n = mx.tanh(n)
            hidden = (1 - z) * n if hidden is None else (1 - z) * n + z * hidden
            states.append(hidden)
        return mx.stack(states, axis=-2)


class LSTM(Module):
    """Long short-term memory; gates ordered input, forget, cell, output. Returns ``(hidden, cell)``."""

    def __init__(self, input_size: int, hidden_size: int, bias: bool = True):
        super().__init__()
        self.hidden_size = hidden_size
        bound = 1.0 / math.sqrt(hidden_size)
        self.Wx = _uniform(bound, (4 * hidden_size, input_size))
        self.Wh = _uniform(bound, (4 * hidden_size, hidden_size))
        self.bias = _uniform(bound, (4 * hidden_size,)) if bias else None

    def _extra_repr(self):
        return f"input_dims={self.Wx.shape[1]}, hidden_size={self.hidden_size}, bias={self.bias is not None}"

    def __call__(self, x, hidden=None, cell=None):
        H = self.hidden_size
        xp = _input_projection(x, self.Wx, self.bias)
        hs, cs = [], []
        for t in range(x.shape[-2]):
            g = xp[..., t, :]
            if hidden is not None:
                g = _add_recurrent_projection(g, hidden, self.Wh)
            i = mx.sigmoid(g[..., :H])
            f = mx.sigmoid(g[..., H: 2 * H])
            c = mx.tanh(g[..., 2 * H: 3 * H])
            o = mx.sigmoid(g[..., 3 * H:])
            cell = i * c if cell is None else f * cell + i * c
            hidden = o * mx.tanh(cell)
            hs.append(hidden)
            cs.append(cell)
        return mx.stack(hs, axis=-2), mx.stack(cs, axis=-2)
