"""Multi-head attention and the Transformer encoder/decoder stacks."""
import math
from typing import Any, Callable, Optional

import mlxcy as mx
from mlxcy.nn.layers.activations import relu
from mlxcy.nn.layers.base import Module
from mlxcy.nn.layers.dropout import Dropout
from mlxcy.nn.layers.linear import Linear
from mlxcy.nn.layers.normalization import LayerNorm


def _dims_or_default(dims, default):
    """``default`` for a size left unset: ``None``, or 0 (as the reference reads it: a layer
    of size 0 is never what was meant)."""
    return default if dims is None or dims == 0 else dims


class MultiHeadAttention(Module):
    """Scaled dot-product attention over ``num_heads`` heads with input and output projections."""

    def __init__(self, dims: int, num_heads: int, query_input_dims: Optional[int] = None,
                 key_input_dims: Optional[int] = None, value_input_dims: Optional[int] = None,
                 value_dims: Optional[int] = None, value_output_dims: Optional[int] = None,
                 bias: bool = False):
        super().__init__()
        if dims % num_heads != 0:
            raise ValueError(
                "The input feature dimensions should be divisible by the "
                f"number of heads ({dims} % {num_heads}) != 0"
            )
        query_input_dims = _dims_or_default(query_input_dims, dims)
        key_input_dims = _dims_or_default(key_input_dims, dims)
        value_input_dims = _dims_or_default(value_input_dims, key_input_dims)
        value_dims = _dims_or_default(value_dims, dims)
        value_output_dims = _dims_or_default(value_output_dims, dims)
        self.num_heads = num_heads
        self.query_proj = Linear(query_input_dims, dims, bias=bias)
        self.key_proj = Linear(key_input_dims, dims, bias=bias)
        self.value_proj = Linear(value_input_dims, value_dims, bias=bias)
        self.out_proj = Linear(value_dims, value_output_dims, bias=bias)

    def __call__(self, queries, keys, values, mask=None):
        q = self.query_proj(queries)
        k = self.key_proj(keys)
        v = self.value_proj(values)
        h = self.num_heads
        B, Lq, D = q.shape
        Lk = k.shape[1]
        q = q.reshape(B, Lq, h, -1).transpose(0, 2, 1, 3)
        k = k.reshape(B, Lk, h, -1).transpose(0, 2, 1, 3)
        v = v.reshape(B, Lk, h, -1).transpose(0, 2, 1, 3)
        scale = math.sqrt(1.0 / q.shape[-1])
        out = mx.fast.scaled_dot_product_attention(q, k, v, scale=scale, mask=mask)
        out = out.transpose(0, 2, 1, 3).reshape(B, Lq, -1)
        return self.out_proj(out)

    @staticmethod
    def create_additive_causal_mask(N: int, dtype: mx.Dtype = mx.float32):
        """An ``(N, N)`` additive mask: 0 on and below the diagonal, the dtype's lowest value above."""
        idx = mx.arange(N)
        above = idx[:, None] < idx[None]
        return above.astype(dtype) * mx.finfo(dtype).min


class TransformerEncoderLayer(Module):
    """Self-attention then a two-layer MLP, each with a residual; pre-norm when ``norm_first``."""

    def __init__(self, dims: int, num_heads: int, mlp_dims: Optional[int] = None, dropout: float = 0.0,
                 activation: Callable[[Any], Any] = relu, norm_first: bool = True):
        super().__init__()
        mlp_dims = _dims_or_default(mlp_dims, dims * 4)
        self.attention = MultiHeadAttention(dims, num_heads)
        self.ln1 = LayerNorm(dims)
        self.ln2 = LayerNorm(dims)
        self.linear1 = Linear(dims, mlp_dims)
        self.linear2 = Linear(mlp_dims, dims)
        self.dropout1 = Dropout(dropout)
        self.dropout2 = Dropout(dropout)
        self.activation = activation
        self.norm_first = norm_first

    def _mlp(self, x):
        return self.linear2(self.dropout2(self.activation(self.linear1(x))))

    def __call__(self, x, mask):
        if self.norm_first:
            y = self.ln1(x)
            x = x + self.dropout1(self.attention(y, y, y, mask))
            return x + self._mlp(self.ln2(x))
        x = self.ln1(x + self.dropout1(self.attention(x, x, x, mask)))
        return self.ln2(x + self._mlp(x))


class TransformerDecoderLayer(Module):
    """Self-attention, cross-attention over ``memory``, then an MLP; pre-norm when ``norm_first``."""

    def __init__(self, dims: int, num_heads: int, mlp_dims: Optional[int] = None, dropout: float = 0.0,
                 activation: Callable[[Any], Any] = relu, norm_first: bool = True):
        super().__init__()
        mlp_dims = _dims_or_default(mlp_dims, dims * 4)
        self.self_attention = MultiHeadAttention(dims, num_heads)
        self.cross_attention = MultiHeadAttention(dims, num_heads)
        self.ln1 = LayerNorm(dims)
        self.ln2 = LayerNorm(dims)
        self.ln3 = LayerNorm(dims)
        self.linear1 = Linear(dims, mlp_dims)
        self.linear2 = Linear(mlp_dims, dims)
        self.dropout1 = Dropout(dropout)
        self.dropout2 = Dropout(dropout)
        self.dropout3 = Dropout(dropout)
        self.activation = activation
        self.norm_first = norm_first

    def _mlp(self, x):
        return self.linear2(self.dropout3(self.activation(self.linear1(x))))

    def __call__(self, x, memory, x_mask, memory_mask):
        if self.norm_first:
            y = self.ln1(x)
            x = x + self.dropout1(self.self_attention(y, y, y, x_mask))
            y = self.ln2(x)
            x = x + self.dropout2(self.cross_attention(y, memory, memory, memory_mask))
            return x + self._mlp(self.ln3(x))
        x = self.ln1(x + self.dropout1(self.self_attention(x, x, x, x_mask)))
        x = self.ln2(x + self.dropout2(self.cross_attention(x, memory, memory, memory_mask)))
        return self.ln3(x + self._mlp(x))


def _run_layers(stack, args):
    from mlxcy.nn.utils import checkpoint

    x, rest = args[0], args[1:]
    for layer in stack.layers:
        call = checkpoint(layer) if stack.checkpoint else layer
        x = call(x, *rest)
    return stack.ln(x)


class TransformerEncoder(Module):
    """``num_layers`` encoder layers followed by a LayerNorm."""

    def __init__(self, num_layers: int, dims: int, num_heads: int, mlp_dims: Optional[int] = None,
                 dropout: float = 0.0, activation=relu, norm_first: bool = True, checkpoint: bool = False):
        super().__init__()
        self.layers = [
            TransformerEncoderLayer(dims, num_heads, mlp_dims, dropout, activation, norm_first)
            for _ in range(num_layers)
        ]
        self.ln = LayerNorm(dims)
        self.checkpoint = checkpoint

    def __call__(self, x, mask):
        return _run_layers(self, (x, mask))


class TransformerDecoder(Module):
    """``num_layers`` decoder layers followed by a LayerNorm."""

    def __init__(self, num_layers: int, dims: int, num_heads: int, mlp_dims: Optional[int] = None,
                 dropout: float = 0.0, activation=relu, norm_first: bool = True, checkpoint: bool = False):
        super().__init__()
        self.layers = [
            TransformerDecoderLayer(dims, num_heads, mlp_dims, dropout, activation, norm_first)
            for _ in range(num_layers)
        ]
        self.ln = LayerNorm(dims)
        self.checkpoint = checkpoint

    def __call__(self, x, memory, x_mask, memory_mask):
        return _run_layers(self, (x, memory, x_mask, memory_mask))


class Transformer(Module):
    """Encoder-decoder Transformer; ``custom_encoder``/``custom_decoder`` replace the default stacks."""

    def __init__(self, dims: int = 512, num_heads: int = 8, num_encoder_layers: int = 6,
                 num_decoder_layers: int = 6, mlp_dims: Optional[int] = None, dropout: float = 0.0,
                 activation: Callable[[Any], Any] = relu, custom_encoder: Optional[Any] = None,
                 custom_decoder: Optional[Any] = None, norm_first: bool = True, checkpoint: bool = False):
        super().__init__()
        # a custom module is kept even when it is empty (an empty Module, a dict, is falsy)
        if custom_encoder is None:
            custom_encoder = TransformerEncoder(
                num_encoder_layers, dims, num_heads, mlp_dims, dropout, activation, norm_first, checkpoint)
        if custom_decoder is None:
            custom_decoder = TransformerDecoder(
                num_decoder_layers, dims, num_heads, mlp_dims, dropout, activation, norm_first, checkpoint)
        self.encoder = custom_encoder
        self.decoder = custom_decoder

    def __call__(self, src, tgt, src_mask, tgt_mask, memory_mask):
        memory = self.encoder(src, src_mask)
        return self.decoder(tgt, memory, tgt_mask, memory_mask)
