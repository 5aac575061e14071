"""Positional encodings: RoPE, sinusoidal encodings and ALiBi biases.

Examples
--------
>>> nn.positional_encoding.RoPE is nn.RoPE
True
"""
import math
from typing import Optional

import mlxcy as mx
from mlxcy.nn.layers.base import Module


class RoPE(Module):
    """Rotary positional encoding (through ``mx.fast.rope``).

    Calling the layer on ``x`` of shape ``(..., L, D)`` rotates pairs of the first ``dims`` features
    of each of the ``L`` positions by angles proportional to the position (``offset`` for the
    first one, then ``offset + 1``, ...); the other features pass unchanged. It has no parameters.
    The call is ``layer(x, offset=0)``.

    Parameters
    ----------
    dims : int
        How many features (from the start of the last axis) to rotate; even.
    traditional : bool, optional
        Rotate consecutive pairs ``(0, 1), (2, 3), ...`` instead of the two halves
        ``(i, i + dims // 2)``. Default: ``False``.
    base : float, optional
        The base of the geometric sequence of rotation frequencies. Default: ``10000``.
    scale : float, optional
        Positions are multiplied by it before the rotation. Default: ``1.0``.

    Examples
    --------
    >>> rope = nn.RoPE(4)
    >>> rope
    RoPE(4, traditional=False)
    >>> x = mx.ones((1, 3, 4))
    >>> rope(x).shape
    (1, 3, 4)
    >>> rope(x)[0, 0]  # position 0 is not rotated
    array([1, 1, 1, 1], dtype=float32)
    """

    def __init__(self, dims: int, traditional: bool = False, base: float = 10000, scale: float = 1.0):
        super().__init__()
        self.dims = dims
        self.traditional = traditional
        self.base = base
        self.scale = scale

    def _extra_repr(self):
        return f"{self.dims}, traditional={self.traditional}"

    def __call__(self, x, offset: int = 0):
        return mx.fast.rope(x, self.dims, traditional=self.traditional, base=self.base,
                            scale=self.scale, offset=offset)


class SinusoidalPositionalEncoding(Module):
    """Maps positions to ``dims`` sines and cosines of geometrically spaced frequencies.

    Calling the layer on positions ``x`` (any shape, usually ``(L,)``) returns ``x.shape + (dims,)``:
    ``[sin(x * f), cos(x * f)]`` (``[cos, sin]`` with ``cos_first``) times ``scale``, with ``dims // 2``
    frequencies ``f`` running geometrically from ``max_freq`` down to ``min_freq``. It has no
    parameters.

    Parameters
    ----------
    dims : int
        The size of each encoding; positive and even.
    min_freq : float, optional
        The lowest frequency. Default: ``0.0001``.
    max_freq : float, optional
        The highest frequency. Default: ``1``.
    scale : float, optional
        Multiplies the output. Default: ``None``, ``sqrt(2 / dims)``.
    cos_first : bool, optional
        Put the cosines first. Default: ``False``.
    full_turns : bool, optional
        Multiply the frequencies by ``2 * pi`` (read them as turns per unit). Default: ``False``.

    Raises
    ------
    ValueError
        When ``dims`` is not positive and even.

    Examples
    --------
    >>> pe = nn.SinusoidalPositionalEncoding(4, scale=1.0)
    >>> pe(mx.array([0.0]))
    array([[0, 0, 1, 1]], dtype=float32)
    >>> nn.SinusoidalPositionalEncoding(4, cos_first=True, scale=1.0)(mx.array([0.0]))
    array([[1, 1, 0, 0]], dtype=float32)
    >>> pe(mx.arange(10)).shape
    (10, 4)
    """

    def __init__(self, dims: int, min_freq: float = 0.0001, max_freq: float = 1, scale: Optional[float] = None,
                 cos_first: bool = False, full_turns: bool = False):
        super().__init__()
        if dims <= 0 or dims % 2 != 0:
            raise ValueError(f"[SinusoidalPositionalEncoding] dims must be positive and even but got {dims}.")
        half = dims // 2
        # with one frequency (dims == 2) it is max_freq
        frac = 1 - mx.arange(0, half) / max(half - 1, 1)
        lo, hi = math.log(min_freq), math.log(max_freq)
        self._sigmas = mx.exp(frac * (hi - lo) + lo)
        if full_turns:
            self._sigmas = self._sigmas * (2 * math.pi)
        self.scale = (2 / dims) ** 0.5 if scale is None else scale
        self.cos_first = cos_first

    def __call__(self, x):
        y = x[..., None] * self._sigmas
        parts = [mx.cos(y), mx.sin(y)] if self.cos_first else [mx.sin(y), mx.cos(y)]
        y = mx.concatenate(parts, axis=-1)
        if self.scale != 1:
            y = y * self.scale
        return y


def _alibi_geometric_slopes(n):
    """``2^(-8 h / n)`` for ``h = 1..n``."""
    return mx.power(2.0, -8 * mx.arange(1, n + 1) / n)


class ALiBi(Module):
    """Attention with linear biases: adds ``-slope_h * |i - j|`` to attention scores.

    Calling the layer on scores of shape ``(B, num_heads, L_q, L_k)`` adds, for head ``h``, query
    ``i`` and key ``j``, a penalty growing linearly with their distance (slopes from
    :meth:`create_alibi_slope`). The call is ``layer(attention_scores, offset=0, mask=None)``:
    ``offset`` is the position of the first query (for cached decoding) and ``mask``, when given, is
    added too. It has no parameters and no constructor arguments.

    Examples
    --------
    >>> alibi = nn.ALiBi()
    >>> alibi(mx.zeros((1, 1, 3, 3)))[0, 0]
    array([[0, -0.00390625, -0.0078125],
           [-0.00390625, 0, -0.00390625],
           [-0.0078125, -0.00390625, 0]], dtype=float32)
    >>> alibi(mx.zeros((2, 4, 1, 5)), offset=4).shape
    (2, 4, 1, 5)
    """

    _cache = {}

    @staticmethod
    def create_alibi_matrix(q_sequence_length: int, k_sequence_length: int, num_heads: int,
                            offset: int = 0, dtype: mx.Dtype = mx.float32) -> mx.array:
        """The ALiBi bias of every head for queries ``offset..q_sequence_length`` against keys
        ``0..k_sequence_length``.

        Parameters
        ----------
        q_sequence_length : int
            One past the position of the last query.
        k_sequence_length : int
            The number of keys.
        num_heads : int
            The number of heads.
        offset : int, optional
            The position of the first query. Default: ``0``.
        dtype : Dtype, optional
            The result's dtype. Default: ``float32``.

        Returns
        -------
        array
            Shape ``(1, num_heads, q_sequence_length - offset, k_sequence_length)``: ``-slope_h * |i - j|``.

        Examples
        --------
        >>> nn.ALiBi.create_alibi_matrix(3, 3, 1)
        array([[[[0, -0.00390625, -0.0078125],
                 [-0.00390625, 0, -0.00390625],
                 [-0.0078125, -0.00390625, 0]]]], dtype=float32)
        >>> nn.ALiBi.create_alibi_matrix(5, 5, 2, offset=4).shape
        (1, 2, 1, 5)
        """
        q = mx.arange(offset, q_sequence_length)
        k = mx.arange(0, k_sequence_length)
        dist = -mx.abs(q[:, None] - k[None, :])[None, None]
        return (dist * ALiBi.create_alibi_slope(num_heads)).astype(dtype)

    @staticmethod
    def create_alibi_slope(num_heads: int, dtype: mx.Dtype = mx.float32) -> mx.array:
        """The per-head slopes of ALiBi.

        For ``n`` heads, ``n`` a power of two, the slopes are ``2 ** (-8 * h / n)`` for ``h = 1..n``.
        Otherwise the slopes of the largest power of two ``c`` below ``n`` come first, followed by every
        other slope of ``2 * c`` heads (``h = 1, 3, 5, ...``) for the remaining heads.

        Parameters
        ----------
        num_heads : int
            The number of heads.
        dtype : Dtype, optional
            The result's dtype. Default: ``float32``.

        Returns
        -------
        array
            Shape ``(num_heads, 1, 1)``.

        Examples
        --------
        >>> nn.ALiBi.create_alibi_slope(4).reshape(-1)
        array([0.25, 0.0625, 0.015625, 0.00390625], dtype=float32)
        >>> nn.ALiBi.create_alibi_slope(3).reshape(-1)
        array([0.0625, 0.00390625, 0.25], dtype=float32)
        """
        first = 2 ** int(math.floor(math.log2(num_heads)))
        slopes = _alibi_geometric_slopes(first)
        if first < num_heads:
            extra = _alibi_geometric_slopes(2 * first)[0::2][: num_heads - first]
            slopes = mx.concatenate([slopes, extra])
        return slopes[:, None, None].astype(dtype)

    def __call__(self, attention_scores: mx.array, offset: int = 0, mask: Optional[mx.array] = None) -> mx.array:
        key = (attention_scores.shape[-2] + offset, attention_scores.shape[-1], attention_scores.shape[1],
               offset, attention_scores.dtype)
        bias = ALiBi._cache.get(key)
        if bias is None:
            bias = ALiBi.create_alibi_matrix(*key)
            ALiBi._cache = {key: bias}
        if mask is not None:
            bias = bias + mask
        return attention_scores + bias
