"""Recurrent layers: RNN, GRU, LSTM over ``(N, L, D)`` or ``(L, D)`` inputs.

Examples
--------
>>> nn.recurrent.LSTM is nn.LSTM
True
"""
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
    """Elman recurrent layer: ``h_t = nonlinearity(x_t @ Wxh.T + bias + h_(t-1) @ Whh.T)``.

    Calling the layer on ``x`` of shape ``(N, L, input_size)`` (or ``(L, input_size)``) runs over
    the ``L`` steps and returns the hidden state of every step, ``(N, L, hidden_size)`` (or
    ``(L, hidden_size)``).
    The call is ``layer(x, hidden=None)``; ``hidden``, shape ``(N, hidden_size)``, is the
    state before the first step (none: zeros).

    The parameters ``Wxh`` ``(hidden_size, input_size)``, ``Whh`` ``(hidden_size, hidden_size)`` and
    ``bias`` ``(hidden_size,)`` start uniform in ``[-k, k]``, ``k = 1 / sqrt(hidden_size)``.

    Parameters
    ----------
    input_size : int
        The size of each input step.
    hidden_size : int
        The size of the hidden state.
    bias : bool, optional
        Whether to learn a bias. Default: ``True``.
    nonlinearity : callable, optional
        Applied to each new state. Default: ``None``, :func:`tanh`.

    Raises
    ------
    ValueError
        When ``nonlinearity`` is not callable.

    Examples
    --------
    >>> rnn = nn.RNN(3, 5)
    >>> rnn(mx.ones((2, 7, 3))).shape
    (2, 7, 5)
    >>> sorted(rnn.parameters())
    ['Whh', 'Wxh', 'bias']
    >>> acc = nn.RNN(1, 1, bias=False, nonlinearity=lambda h: h)
    >>> acc.Wxh, acc.Whh = mx.array([[1.0]]), mx.array([[1.0]])
    >>> acc(mx.array([[1.0], [2.0], [3.0]]))  # a running sum
    array([[1],
           [3],
           [6]], dtype=float32)

    Notes
    -----
    Any callable is used as given: the reference replaces a module without parameters (such as
    ``nn.ReLU()``, an empty and so falsy dict) by ``tanh`` (docs/differences.md).
    """

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
    """Gated recurrent unit layer.

    Calling the layer on ``x`` of shape ``(N, L, input_size)`` (or ``(L, input_size)``) runs over
    the ``L`` steps and returns the hidden state of every step, ``(N, L, hidden_size)`` (or
    ``(L, hidden_size)``).
    The call is ``layer(x, hidden=None)``; ``hidden``, shape ``(N, hidden_size)``, is the
    state before the first step (none: zeros).

    With reset gate ``r``, update gate ``z`` and candidate ``n``:
    ``r, z = sigmoid(x_t @ Wx_rz.T + b_rz + h @ Wh_rz.T)``,
    ``n = tanh(x_t @ Wx_n.T + b_n + r * (h @ Wh_n.T + bhn))`` and ``h_t = (1 - z) * n + z * h``.
    The parameters ``Wx`` ``(3 * hidden_size, input_size)``, ``Wh`` ``(3 * hidden_size, hidden_size)``
    and ``b`` ``(3 * hidden_size,)`` stack the gates in the order ``r, z, n``; ``bhn``
    ``(hidden_size,)``. All start uniform in ``[-k, k]``, ``k = 1 / sqrt(hidden_size)``.

    Parameters
    ----------
    input_size : int
        The size of each input step.
    hidden_size : int
        The size of the hidden state.
    bias : bool, optional
        Whether to learn ``b`` and ``bhn``. Default: ``True``.

    Examples
    --------
    >>> gru = nn.GRU(3, 5)
    >>> gru(mx.ones((2, 7, 3))).shape
    (2, 7, 5)
    >>> gru.Wx.shape, gru.Wh.shape, gru.bhn.shape
    ((15, 3), (15, 5), (5,))
    """

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
    """Long short-term memory layer.

    Calling the layer on ``x`` of shape ``(N, L, input_size)`` (or ``(L, input_size)``) runs over
    the ``L`` steps and returns a pair ``(hidden, cell)``: the hidden and cell states of every step,
    each ``(N, L, hidden_size)``. The call is ``layer(x, hidden=None, cell=None)``; ``hidden`` and
    ``cell``, shape ``(N, hidden_size)``, are the states before the first step (none: zeros).

    With gates ``i, f, g, o = x_t @ Wx.T + bias + h @ Wh.T`` (split in four, in that order):
    ``c_t = sigmoid(f) * c + sigmoid(i) * tanh(g)`` and ``h_t = sigmoid(o) * tanh(c_t)``. The
    parameters ``Wx`` ``(4 * hidden_size, input_size)``, ``Wh`` ``(4 * hidden_size, hidden_size)``
    and ``bias`` ``(4 * hidden_size,)`` start uniform in ``[-k, k]``, ``k = 1 / sqrt(hidden_size)``.

    Parameters
    ----------
    input_size : int
        The size of each input step.
    hidden_size : int
        The size of the hidden and cell states.
    bias : bool, optional
        Whether to learn a bias. Default: ``True``.

    Examples
    --------
    >>> lstm = nn.LSTM(3, 5)
    >>> hidden, cell = lstm(mx.ones((2, 7, 3)))
    >>> hidden.shape, cell.shape
    ((2, 7, 5), (2, 7, 5))
    >>> lstm(mx.ones((2, 1, 3)), hidden=hidden[:, -1], cell=cell[:, -1])[0].shape
    (2, 1, 5)
    """

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
