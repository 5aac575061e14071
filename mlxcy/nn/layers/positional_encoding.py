"""Positional encodings: RoPE, sinusoidal encodings and ALiBi biases."""
import math
from typing import Optional

import mlxcy as mx
from mlxcy.nn.layers.base import Module


class RoPE(Module):
    """Rotary positional encoding of the first ``dims`` features (through ``mx.fast.rope``)."""

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

    Frequencies run from ``max_freq`` down to ``min_freq`` (times 2*pi with ``full_turns``);
    the output is ``[sin, cos]`` (``[cos, sin]`` with ``cos_first``) times ``scale``
    (default ``sqrt(2 / dims)``).
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
    """Adds the attention-with-linear-biases penalty ``-slope_h * |i - j|`` to attention scores."""

    _cache = {}

    @staticmethod
    def create_alibi_matrix(q_sequence_length: int, k_sequence_length: int, num_heads: int,
                            offset: int = 0, dtype: mx.Dtype = mx.float32) -> mx.array:
        """The ``(1, num_heads, q - offset, k)`` bias for queries ``offset..q`` against keys ``0..k``."""
        q = mx.arange(offset, q_sequence_length)
        k = mx.arange(0, k_sequence_length)
        dist = -mx.abs(q[:, None] - k[None, :])[None, None]
        return (dist * ALiBi.create_alibi_slope(num_heads)).astype(dtype)

    @staticmethod
    def create_alibi_slope(num_heads: int, dtype: mx.Dtype = mx.float32) -> mx.array:
        """Per-head slopes shaped ``(num_heads, 1, 1)``.

        For ``n`` a power of two they are ``2^(-8 h / n)``, ``h = 1..n``. Otherwise the ``c``
        slopes of the largest power of two ``c < num_heads`` come first, then every other slope
        of ``2 c`` heads (the odd ``h``) for the remaining heads (as in the ALiBi paper).
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
