"""Quantized layers (QuantizedLinear, QuantizedEmbedding, QQLinear) and ``quantize``.

Examples
--------
>>> nn.quantized.quantize is nn.quantize
True
"""
import math
from typing import Callable, Optional, Union

import mlxcy as mx
from mlxcy.nn.layers.base import Module
from mlxcy.utils import tree_map_with_path

# mode -> (group_size, bits) used when either is not given
_MODE_DEFAULTS = {"affine": (64, 4), "mxfp4": (32, 4), "nvfp4": (16, 4), "mxfp8": (32, 8)}
# the modes Linear.to_quantized(quantize_input=True) accepts (the reference's list)
_INPUT_QUANTIZATION_MODES = ("nvfp4", "mxfp8")


def _defaults(group_size, bits, mode):
    if mode not in _MODE_DEFAULTS:
        raise ValueError(
            f"Invalid quantization mode '{mode}'. Valid modes are: {', '.join(_MODE_DEFAULTS)}."
        )
    default_group_size, default_bits = _MODE_DEFAULTS[mode]
    if group_size is None:
        group_size = default_group_size
    if bits is None:
        bits = default_bits
    # 0 would reach libmlx's quantize, which divides by it (a crash, not an exception)
    if group_size <= 0 or bits <= 0:
        raise ValueError(f"group_size and bits must be positive, got group_size={group_size}, bits={bits}.")
    return group_size, bits


def _store_quantized(module, w):
    """Quantizes ``w`` into ``module.weight``/``scales`` (and ``biases`` for affine mode)."""
    parts = mx.quantize(w, module.group_size, module.bits, mode=module.mode)
    module.weight, module.scales = parts[0], parts[1]
    if len(parts) > 2 and parts[2] is not None:
        module.biases = parts[2]


def _quant_repr(module, head):
    return f"{head}, group_size={module.group_size}, bits={module.bits}, mode={module.mode}"


class _FrozenQuantized(Module):
    """Base of quantized layers whose weights stay frozen through ``unfreeze``
    (the sharded quantized layers of ``distributed.py``)."""

    def unfreeze(self, *args, **kwargs):
        super().unfreeze(*args, **kwargs)
        self.freeze(recurse=False)
        return self


class QuantizedLinear(Module):
    """A Linear layer whose weight is stored quantized.

    ``y = x @ dequantize(weight).T + bias``, computed by ``mx.quantized_matmul``. The weight is kept
    as ``mx.quantize`` returns it (packed ``uint32`` ``weight``, ``scales`` and, in affine mode,
    ``biases``). The layer starts frozen: its parameters are not trainable until ``unfreeze``
    (``unfreeze(keys="bias")`` to train the bias only). Usually made from a trained :class:`Linear` with :meth:`from_linear` or
    :func:`quantize`; constructed directly, the weight is random.

    Parameters
    ----------
    input_dims : int
        The size of the input's last axis; a multiple of ``group_size``.
    output_dims : int
        The size of the output's last axis.
    bias : bool, optional
        Whether to add a bias (started at zeros). Default: ``True``.
    group_size : int, optional
        How many consecutive weights share one scale (and bias). Default: ``None``, the mode's
        default: 64 for ``'affine'``, 32 for ``'mxfp4'`` and ``'mxfp8'``, 16 for ``'nvfp4'``.
    bits : int, optional
        Bits per weight. Default: ``None``, the mode's default: 8 for ``'mxfp8'``, else 4.
    mode : str, optional
        The quantization mode of ``mx.quantize``: ``'affine'``, ``'mxfp4'``, ``'nvfp4'`` or ``'mxfp8'``.
        Default: ``'affine'``.

    Raises
    ------
    ValueError
        For an unknown ``mode``, or a ``group_size`` or ``bits`` that is not positive.

    Examples
    --------
    >>> layer = nn.QuantizedLinear(64, 8)
    >>> layer
    QuantizedLinear(input_dims=64, output_dims=8, bias=True, group_size=64, bits=4, mode=affine)
    >>> layer.weight.shape, layer.weight.dtype
    ((8, 8), mlx.core.uint32)
    >>> layer(mx.ones((2, 64))).shape
    (2, 8)
    >>> layer.trainable_parameters()
    {}

    Notes
    -----
    The reference crashes for ``group_size=0`` or ``bits=0``; mlxcy raises ``ValueError``
    (docs/differences.md).
    """

    def __init__(self, input_dims: int, output_dims: int, bias: bool = True, group_size: int = None,
                 bits: int = None, mode: str = "affine"):
        super().__init__()
        self.group_size, self.bits = _defaults(group_size, bits, mode)
        self.mode = mode
        bound = math.sqrt(1 / input_dims)
        _store_quantized(self, mx.random.uniform(low=-bound, high=bound, shape=(output_dims, input_dims)))
        if bias:
            self.bias = mx.zeros((output_dims,))
        self.freeze()

    def _extra_repr(self):
        head = (f"input_dims={self.weight.shape[1] * 32 // self.bits}, output_dims={self.weight.shape[0]}, "
                f"bias={'bias' in self}")
        return _quant_repr(self, head)

    def __call__(self, x):
        y = mx.quantized_matmul(x, self["weight"], scales=self["scales"], biases=self.get("biases"),
                                transpose=True, group_size=self.group_size, bits=self.bits, mode=self.mode)
        if "bias" in self:
            y = y + self["bias"]
        return y

    @classmethod
    def from_linear(cls, linear_layer: Module, group_size: int = None, bits: int = None, mode: str = "affine"):
        """A :class:`QuantizedLinear` holding the quantized weight of ``linear_layer``.

        Parameters
        ----------
        linear_layer : Module
            A :class:`Linear` layer; its bias, if any, is shared (not copied).
        group_size : int, optional
            How many consecutive weights share one scale (and bias). Default: ``None``, the mode's
            default: 64 for ``'affine'``, 32 for ``'mxfp4'`` and ``'mxfp8'``, 16 for ``'nvfp4'``.
        bits : int, optional
            Bits per weight. Default: ``None``, the mode's default: 8 for ``'mxfp8'``, else 4.
        mode : str, optional
            The quantization mode of ``mx.quantize``: ``'affine'``, ``'mxfp4'``, ``'nvfp4'`` or ``'mxfp8'``.
            Default: ``'affine'``.

        Returns
        -------
        QuantizedLinear
            The new layer.

        Raises
        ------
        ValueError
            For an unknown ``mode``, or a ``group_size`` or ``bits`` that is not positive.

        Examples
        --------
        >>> nn.QuantizedLinear.from_linear(nn.Linear(64, 8), bits=8)
        QuantizedLinear(input_dims=64, output_dims=8, bias=True, group_size=64, bits=8, mode=affine)
        """
        out_dims, in_dims = linear_layer.weight.shape
        ql = cls(in_dims, out_dims, False, group_size, bits, mode=mode)
        _store_quantized(ql, linear_layer.weight)
        if "bias" in linear_layer:
            ql.bias = linear_layer.bias
        return ql


class QuantizedEmbedding(Module):
    """An :class:`Embedding` whose table is stored quantized.

    Looking up indices dequantizes the selected rows; :meth:`as_linear` multiplies by the quantized
    table directly. The table is kept as ``mx.quantize`` returns it (``weight``, ``scales`` and, in
    affine mode, ``biases``) and is frozen. Usually made from a trained :class:`Embedding` with
    :meth:`from_embedding` or :func:`quantize`.

    Parameters
    ----------
    num_embeddings : int
        How many vectors.
    dims : int
        The size of each vector; a multiple of ``group_size``.
    group_size : int, optional
        How many consecutive weights share one scale (and bias). Default: ``None``, the mode's
        default: 64 for ``'affine'``, 32 for ``'mxfp4'`` and ``'mxfp8'``, 16 for ``'nvfp4'``.
    bits : int, optional
        Bits per weight. Default: ``None``, the mode's default: 8 for ``'mxfp8'``, else 4.
    mode : str, optional
        The quantization mode of ``mx.quantize``: ``'affine'``, ``'mxfp4'``, ``'nvfp4'`` or ``'mxfp8'``.
        Default: ``'affine'``.

    Raises
    ------
    ValueError
        For an unknown ``mode``, or a ``group_size`` or ``bits`` that is not positive.

    Examples
    --------
    >>> table = nn.QuantizedEmbedding(10, 64)
    >>> table
    QuantizedEmbedding(10, 64, group_size=64, bits=4, mode=affine)
    >>> table(mx.array([1, 2])).shape
    (2, 64)
    """

    def __init__(self, num_embeddings: int, dims: int, group_size: int = None, bits: int = None,
                 mode: str = "affine"):
        super().__init__()
        self.group_size, self.bits = _defaults(group_size, bits, mode)
        self.mode = mode
        self.num_embeddings = num_embeddings
        self.dims = dims
        _store_quantized(self, mx.random.normal(shape=(num_embeddings, dims), scale=math.sqrt(1 / dims)))
        self.freeze()

    def _extra_repr(self):
        return _quant_repr(self, f"{self.num_embeddings}, {self.dims}")

    def __call__(self, x):
        biases = self.get("biases")
        return mx.dequantize(self["weight"][x], scales=self["scales"][x],
                             biases=None if biases is None else biases[x],
                             group_size=self.group_size, bits=self.bits, mode=self.mode)

    def as_linear(self, x):
        """Uses the quantized table as a linear map from ``dims`` to ``num_embeddings``.

        Parameters
        ----------
        x : array
            Input of shape ``(..., dims)``.

        Returns
        -------
        array
            ``x @ dequantize(weight).T``, shape ``(..., num_embeddings)``.

        Examples
        --------
        >>> nn.QuantizedEmbedding(10, 64).as_linear(mx.ones((1, 64))).shape
        (1, 10)
        """
        return mx.quantized_matmul(x, self["weight"], scales=self["scales"], biases=self.get("biases"),
                                   transpose=True, group_size=self.group_size, bits=self.bits, mode=self.mode)

    @classmethod
    def from_embedding(cls, embedding_layer: Module, group_size: int = None, bits: int = None,
                       mode: str = "affine"):
        """A :class:`QuantizedEmbedding` holding the quantized table of ``embedding_layer``.

        Parameters
        ----------
        embedding_layer : Module
            An :class:`Embedding` layer.
        group_size : int, optional
            How many consecutive weights share one scale (and bias). Default: ``None``, the mode's
            default: 64 for ``'affine'``, 32 for ``'mxfp4'`` and ``'mxfp8'``, 16 for ``'nvfp4'``.
        bits : int, optional
            Bits per weight. Default: ``None``, the mode's default: 8 for ``'mxfp8'``, else 4.
        mode : str, optional
            The quantization mode of ``mx.quantize``: ``'affine'``, ``'mxfp4'``, ``'nvfp4'`` or ``'mxfp8'``.
            Default: ``'affine'``.

        Returns
        -------
        QuantizedEmbedding
            The new layer.

        Raises
        ------
        ValueError
            For an unknown ``mode``, or a ``group_size`` or ``bits`` that is not positive.

        Examples
        --------
        >>> nn.QuantizedEmbedding.from_embedding(nn.Embedding(10, 64), group_size=32)
        QuantizedEmbedding(10, 64, group_size=32, bits=4, mode=affine)
        """
        n, dims = embedding_layer.weight.shape
        qe = cls(n, dims, group_size, bits, mode=mode)
        _store_quantized(qe, embedding_layer.weight)
        return qe


class QQLinear(Module):
    """A bias-free Linear layer that quantizes both its weight and its input (``mx.qqmm``).

    In training mode the weight is kept in floating point (and is trainable); switching to
    evaluation mode (``eval()``) quantizes it (:meth:`quantize`) and back to training mode
    (``train()``) dequantizes it to bfloat16 (:meth:`dequantize`).

    Parameters
    ----------
    input_dims : int
        The size of the input's last axis; a multiple of ``group_size``.
    output_dims : int
        The size of the output's last axis.
    group_size : int, optional
        How many consecutive values share one scale. Default: ``None``, the mode's default (16 for
        ``'nvfp4'``, 32 for ``'mxfp8'``).
    bits : int, optional
        Bits per value. Default: ``None``, the mode's default (4 for ``'nvfp4'``, 8 for ``'mxfp8'``).
    mode : str, optional
        The quantization mode, ``'nvfp4'`` or ``'mxfp8'``. Default: ``'nvfp4'``.

    Raises
    ------
    ValueError
        For an unknown ``mode``, or a ``group_size`` or ``bits`` that is not positive.

    Examples
    --------
    >>> layer = nn.QQLinear(64, 8)
    >>> layer
    QQLinear(input_dims=64, output_dims=8, group_size=16, bits=4, mode=nvfp4)
    >>> layer.weight.dtype
    mlx.core.float32
    >>> layer.eval().weight.dtype
    mlx.core.uint32
    """

    def __init__(self, input_dims: int, output_dims: int, group_size: int = None, bits: int = None,
                 mode: str = "nvfp4"):
        super().__init__()
        self.group_size, self.bits = _defaults(group_size, bits, mode)
        self.mode = mode
        bound = math.sqrt(1 / input_dims)
        self.weight = mx.random.uniform(low=-bound, high=bound, shape=(output_dims, input_dims))
        self._quantized = False

    def _extra_repr(self):
        out_dims, in_dims = self.weight.shape
        if self._quantized:
            in_dims = in_dims * 32 // self.bits
        return _quant_repr(self, f"input_dims={in_dims}, output_dims={out_dims}")

    def quantize(self):
        """Replaces the floating-point weight by its quantized form (nothing if already quantized).

        Called by ``eval()``.

        Returns
        -------
        None

        Raises
        ------
        ValueError
            In ``'affine'`` mode, whose quantized inputs ``mx.qqmm`` cannot use.

        Examples
        --------
        >>> layer = nn.QQLinear(64, 8)
        >>> layer.quantize()
        >>> sorted(layer.parameters())
        ['scales', 'weight']
        """
        if not self._quantized:
            if self.mode == "affine":   # its biases have no place in qqmm (the reference fails unclearly)
                raise ValueError("QQLinear cannot quantize its weight in 'affine' mode: quantized "
                                 "activations are only supported for 'nvfp4' and 'mxfp8' modes.")
            _store_quantized(self, self.weight)
            self._quantized = True

    def dequantize(self):
        """Restores a bfloat16 weight from the quantized one (nothing if not quantized).

        Called by ``train()``.

        Returns
        -------
        None

        Examples
        --------
        >>> layer = nn.QQLinear(64, 8)
        >>> layer.quantize()
        >>> layer.dequantize()
        >>> layer.weight.dtype
        mlx.core.bfloat16
        """
        if self._quantized:
            self.weight = mx.dequantize(self.weight, scales=self.scales, biases=self.get("biases"),
                                        group_size=self.group_size, bits=self.bits, mode=self.mode,
                                        dtype=mx.bfloat16)
            del self.scales
            if "biases" in self:
                del self.biases
            self._quantized = False

    def _set_training_mode(self, mode: bool):
        super()._set_training_mode(mode)
        if mode:
            self.dequantize()
        else:
            self.quantize()

    def __call__(self, x):
        return mx.qqmm(x, self["weight"], scales=self.get("scales"), group_size=self.group_size,
                       bits=self.bits, mode=self.mode)

    @classmethod
    def from_linear(cls, linear_layer: Module, group_size: int = None, bits: int = None, mode: str = "nvfp4"):
        """A :class:`QQLinear` sharing the weight of a bias-free ``linear_layer``.

        Parameters
        ----------
        linear_layer : Module
            A :class:`Linear` layer without bias.
        group_size : int, optional
            How many consecutive values share one scale. Default: ``None``, the mode's default.
        bits : int, optional
            Bits per value. Default: ``None``, the mode's default.
        mode : str, optional
            The quantization mode. Default: ``'nvfp4'``.

        Returns
        -------
        QQLinear
            The new layer (in training mode, its weight not yet quantized).

        Raises
        ------
        NotImplementedError
            When ``linear_layer`` has a bias.
        ValueError
            For an unknown ``mode``, or a ``group_size`` or ``bits`` that is not positive.

        Examples
        --------
        >>> nn.QQLinear.from_linear(nn.Linear(64, 8, bias=False))
        QQLinear(input_dims=64, output_dims=8, group_size=16, bits=4, mode=nvfp4)
        """
        if "bias" in linear_layer:
            raise NotImplementedError("QQLinear does not support bias yet.")
        out_dims, in_dims = linear_layer.weight.shape
        layer = cls(in_dims, out_dims, group_size, bits, mode)
        layer.weight = linear_layer.weight
        return layer


def _default_predicate(path, module):
    return hasattr(module, "to_quantized")


def quantize(model: Module, group_size: int = None, bits: int = None, *, mode: str = "affine",
             quantize_input: bool = False,
             class_predicate: Optional[Callable[[str, Module], Union[bool, dict]]] = None):
    """Quantizes the layers of a model in place.

    Every leaf module of ``model`` for which ``class_predicate(path, module)`` is true is replaced
    by ``module.to_quantized(group_size=..., bits=..., mode=...)`` (:class:`Linear` becomes
    :class:`QuantizedLinear`, :class:`Embedding` becomes :class:`QuantizedEmbedding`). The
    predicate may also return a dict, passed to ``to_quantized`` as its keyword arguments instead.

    Parameters
    ----------
    model : Module
        The model to change.
    group_size : int, optional
        How many consecutive weights share one scale. Default: ``None``, the mode's default.
    bits : int, optional
        Bits per weight. Default: ``None``, the mode's default.
    mode : str, optional
        The quantization mode of ``mx.quantize``. Default: ``'affine'``.
    quantize_input : bool, optional
        Quantize the inputs of linear layers too (:class:`QQLinear`, for bias-free layers and the
        modes ``'nvfp4'`` and ``'mxfp8'``). Default: ``False``.
    class_predicate : callable, optional
        ``(path, module) -> bool or dict``, ``path`` the module's dotted name in ``model``.
        Default: ``None``, every leaf module that has a ``to_quantized`` method.

    Returns
    -------
    None

    Raises
    ------
    ValueError
        When the predicate selects a module without ``to_quantized``, or returns something other
        than a bool or a dict; for invalid quantization arguments.

    Examples
    --------
    >>> model = nn.Sequential(nn.Linear(64, 64), nn.ReLU(), nn.Linear(64, 8))
    >>> nn.quantize(model, bits=8, class_predicate=lambda path, m: path == "layers.0")
    >>> model
    Sequential(
      (layers.0): QuantizedLinear(input_dims=64, output_dims=64, bias=True, group_size=64, bits=8, mode=affine)
      (layers.1): ReLU()
      (layers.2): Linear(input_dims=64, output_dims=8, bias=True)
    )
    """
    if class_predicate is None:
        class_predicate = _default_predicate

    def swap(path, m):
        choice = class_predicate(path, m)
        if not choice:
            return m
        if not hasattr(m, "to_quantized"):
            raise ValueError(f"Unable to quantize model of type {type(m)}")
        if isinstance(choice, bool):
            kwargs = {"group_size": group_size, "bits": bits, "mode": mode}
            if quantize_input:
                kwargs["quantize_input"] = True
        elif isinstance(choice, dict):
            kwargs = choice
        else:
            raise ValueError("``class_predicate`` must return a bool or a dict of parameters to pass to ``to_quantized``")
        return m.to_quantized(**kwargs)

    leaves = tree_map_with_path(swap, model.leaf_modules(), is_leaf=Module.is_module)
    model.update_modules(leaves)
