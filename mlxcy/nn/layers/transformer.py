"""Multi-head attention and the Transformer encoder/decoder stacks.

Examples
--------
>>> nn.transformer.Transformer is nn.Transformer
True
"""
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
    """Multi-head scaled dot-product attention with input and output projections.

    Calling the layer as ``layer(queries, keys, values, mask=None)``, with ``queries``
    ``(B, L_q, query_input_dims)``, ``keys`` ``(B, L_k, key_input_dims)`` and ``values``
    ``(B, L_k, value_input_dims)``, projects them (``query_proj``, ``key_proj``, ``value_proj``),
    splits the features into ``num_heads`` heads, runs ``mx.fast.scaled_dot_product_attention``
    with scale ``1 / sqrt(head size)`` and ``mask`` (additive, or boolean: True keeps), and projects
    the joined heads with ``out_proj``: the result is ``(B, L_q, value_output_dims)``.

    Parameters
    ----------
    dims : int
        The size of the projected queries and keys; must be divisible by ``num_heads``.
    num_heads : int
        The number of heads.
    query_input_dims : int, optional
        The queries' feature size. Default: ``None``, ``dims``.
    key_input_dims : int, optional
        The keys' feature size. Default: ``None``, ``dims``.
    value_input_dims : int, optional
        The values' feature size. Default: ``None``, ``key_input_dims``.
    value_dims : int, optional
        The size of the projected values. Default: ``None``, ``dims``.
    value_output_dims : int, optional
        The output's feature size. Default: ``None``, ``dims``.
    bias : bool, optional
        Whether the four projections have biases. Default: ``False``.

    Raises
    ------
    ValueError
        When ``dims`` is not divisible by ``num_heads``.

    Examples
    --------
    >>> attention = nn.MultiHeadAttention(8, num_heads=2)
    >>> x = mx.ones((2, 3, 8))
    >>> mask = nn.MultiHeadAttention.create_additive_causal_mask(3)
    >>> attention(x, x, x, mask=mask).shape
    (2, 3, 8)
    >>> cross = nn.MultiHeadAttention(8, 2, query_input_dims=4, key_input_dims=6, value_output_dims=5)
    >>> cross(mx.ones((2, 3, 4)), mx.ones((2, 7, 6)), mx.ones((2, 7, 6))).shape
    (2, 3, 5)
    """

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
        """An additive causal mask: position ``i`` may attend to positions ``j <= i`` only.

        Parameters
        ----------
        N : int
            The sequence length.
        dtype : Dtype, optional
            The mask's dtype. Default: ``float32``.

        Returns
        -------
        array
            Shape ``(N, N)``: 0 on and below the diagonal (printed ``-0``), the dtype's lowest finite
            value above it.

        Examples
        --------
        >>> nn.MultiHeadAttention.create_additive_causal_mask(2, mx.float16)
        array([[-0, -65504],
               [-0, -0]], dtype=float16)
        """
        idx = mx.arange(N)
        above = idx[:, None] < idx[None]
        return above.astype(dtype) * mx.finfo(dtype).min


class TransformerEncoderLayer(Module):
    """One Transformer encoder layer: self-attention then a two-layer MLP, each with a residual
    connection and a LayerNorm.

    The call is ``layer(x, mask)`` with ``x`` ``(B, L, dims)`` and ``mask`` an attention mask (or
    ``None``); the result has the shape of ``x``. With ``norm_first``:
    ``x = x + attention(ln1(x))`` then ``x = x + mlp(ln2(x))``; otherwise
    ``x = ln1(x + attention(x))`` then ``x = ln2(x + mlp(x))``.

    Parameters
    ----------
    dims : int
        The model's feature size (the inputs' last axis).
    num_heads : int
        Attention heads; must divide ``dims``.
    mlp_dims : int, optional
        The hidden size of the MLP. Default: ``None``, ``4 * dims``.
    dropout : float, optional
        Dropout probability after the attention and inside the MLP (training mode only).
        Default: ``0.0``.
    activation : callable, optional
        The MLP's activation. Default: :func:`relu`.
    norm_first : bool, optional
        Apply each LayerNorm before its block (pre-norm) rather than after the residual sum.
        Default: ``True``.

    Examples
    --------
    >>> layer = nn.TransformerEncoderLayer(8, num_heads=2)
    >>> layer(mx.ones((2, 3, 8)), None).shape
    (2, 3, 8)
    >>> layer.linear1.weight.shape
    (32, 8)
    """

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
    """One Transformer decoder layer: self-attention, attention over the encoder's output
    (``memory``), then a two-layer MLP, each with a residual connection and a LayerNorm.

    The call is ``layer(x, memory, x_mask, memory_mask)`` with ``x`` ``(B, L, dims)``, ``memory``
    ``(B, L_m, dims)`` and the masks of the two attentions (or ``None``); the result has the shape
    of ``x``. ``norm_first`` places the LayerNorms as in :class:`TransformerEncoderLayer`.

    Parameters
    ----------
    dims : int
        The model's feature size (the inputs' last axis).
    num_heads : int
        Attention heads; must divide ``dims``.
    mlp_dims : int, optional
        The hidden size of the MLP. Default: ``None``, ``4 * dims``.
    dropout : float, optional
        Dropout probability after the attention and inside the MLP (training mode only).
        Default: ``0.0``.
    activation : callable, optional
        The MLP's activation. Default: :func:`relu`.
    norm_first : bool, optional
        Apply each LayerNorm before its block (pre-norm) rather than after the residual sum.
        Default: ``True``.

    Examples
    --------
    >>> layer = nn.TransformerDecoderLayer(8, num_heads=2)
    >>> layer(mx.ones((2, 3, 8)), mx.ones((2, 5, 8)), None, None).shape
    (2, 3, 8)
    """

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
    """A stack of ``num_layers`` :class:`TransformerEncoderLayer` followed by a LayerNorm.

    The call is ``encoder(x, mask)``, as for one layer. The layers are in the list ``layers``, the
    final norm is ``ln``.

    Parameters
    ----------
    num_layers : int
        How many layers.
    dims : int
        The model's feature size (the inputs' last axis).
    num_heads : int
        Attention heads; must divide ``dims``.
    mlp_dims : int, optional
        The hidden size of the MLP. Default: ``None``, ``4 * dims``.
    dropout : float, optional
        Dropout probability after the attention and inside the MLP (training mode only).
        Default: ``0.0``.
    activation : callable, optional
        The MLP's activation. Default: :func:`relu`.
    norm_first : bool, optional
        Apply each LayerNorm before its block (pre-norm) rather than after the residual sum.
        Default: ``True``.
    checkpoint : bool, optional
        Recompute each layer's activations in the backward pass instead of storing them
        (``mx.checkpoint``): less memory, more compute. Default: ``False``.

    Examples
    --------
    >>> encoder = nn.TransformerEncoder(2, 8, num_heads=2)
    >>> mask = nn.MultiHeadAttention.create_additive_causal_mask(3)
    >>> encoder(mx.ones((2, 3, 8)), mask).shape
    (2, 3, 8)
    >>> len(encoder.layers)
    2
    """

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
    """A stack of ``num_layers`` :class:`TransformerDecoderLayer` followed by a LayerNorm.

    The call is ``decoder(x, memory, x_mask, memory_mask)``, as for one layer. The layers are in the
    list ``layers``, the final norm is ``ln``.

    Parameters
    ----------
    num_layers : int
        How many layers.
    dims : int
        The model's feature size (the inputs' last axis).
    num_heads : int
        Attention heads; must divide ``dims``.
    mlp_dims : int, optional
        The hidden size of the MLP. Default: ``None``, ``4 * dims``.
    dropout : float, optional
        Dropout probability after the attention and inside the MLP (training mode only).
        Default: ``0.0``.
    activation : callable, optional
        The MLP's activation. Default: :func:`relu`.
    norm_first : bool, optional
        Apply each LayerNorm before its block (pre-norm) rather than after the residual sum.
        Default: ``True``.
    checkpoint : bool, optional
        Recompute each layer's activations in the backward pass instead of storing them
        (``mx.checkpoint``): less memory, more compute. Default: ``False``.

    Examples
    --------
    >>> decoder = nn.TransformerDecoder(2, 8, num_heads=2)
    >>> decoder(mx.ones((2, 3, 8)), mx.ones((2, 5, 8)), None, None).shape
    (2, 3, 8)
    """

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
    """An encoder-decoder Transformer.

    The call is ``model(src, tgt, src_mask, tgt_mask, memory_mask)``: the encoder reads ``src``
    ``(B, L_src, dims)`` (with ``src_mask``), and the decoder reads ``tgt`` ``(B, L_tgt, dims)``
    (with ``tgt_mask``) and attends to the encoder's output (with ``memory_mask``); the result is
    ``(B, L_tgt, dims)``. Masks may be ``None``. The stacks are ``encoder`` and ``decoder``.

    Parameters
    ----------
    dims : int, optional
        The model's feature size. Default: ``512``.
    num_heads : int, optional
        Attention heads; must divide ``dims``. Default: ``8``.
    num_encoder_layers : int, optional
        Layers of the encoder. Default: ``6``.
    num_decoder_layers : int, optional
        Layers of the decoder. Default: ``6``.
    mlp_dims : int, optional
        The hidden size of the MLPs. Default: ``None``, ``4 * dims``.
    dropout : float, optional
        Dropout probability (training mode only). Default: ``0.0``.
    activation : callable, optional
        The MLPs' activation. Default: :func:`relu`.
    custom_encoder : Module, optional
        Used instead of a :class:`TransformerEncoder` (called as ``encoder(src, src_mask)``).
        Default: ``None``.
    custom_decoder : Module, optional
        Used instead of a :class:`TransformerDecoder` (called as
        ``decoder(tgt, memory, tgt_mask, memory_mask)``). Default: ``None``.
    norm_first : bool, optional
        Apply each LayerNorm before its block (pre-norm) rather than after the residual sum.
        Default: ``True``.
    checkpoint : bool, optional
        Recompute each layer's activations in the backward pass instead of storing them
        (``mx.checkpoint``): less memory, more compute. Default: ``False``.

    Examples
    --------
    >>> model = nn.Transformer(dims=8, num_heads=2, num_encoder_layers=1, num_decoder_layers=1)
    >>> src, tgt = mx.ones((2, 5, 8)), mx.ones((2, 3, 8))
    >>> tgt_mask = nn.MultiHeadAttention.create_additive_causal_mask(3)
    >>> model(src, tgt, None, tgt_mask, None).shape
    (2, 3, 8)
    """

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
