"""Quantized layers (QuantizedLinear, QuantizedEmbedding, QQLinear) and ``quantize``."""
import math
from typing import Callable, Optional, Union

import mlxcy as mx
from mlxcy.nn.layers.base import Module
from mlxcy.utils import tree_map_with_path

# mode -> (group_size, bits) used when either is not given
_MODE_DEFAULTS = {"affine": (64, 4), "mxfp4": (32, 4), "nvfp4": (16, 4), "mxfp8": (32, 8)}


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
    """A Linear layer whose weight is stored quantized (``mx.quantize``) and used by ``quantized_matmul``."""

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
        """Quantizes the weight (and shares the bias) of ``linear_layer``."""
        out_dims, in_dims = linear_layer.weight.shape
        ql = cls(in_dims, out_dims, False, group_size, bits, mode=mode)
        _store_quantized(ql, linear_layer.weight)
        if "bias" in linear_layer:
            ql.bias = linear_layer.bias
        return ql


class QuantizedEmbedding(Module):
    """An Embedding whose table is stored quantized; rows are dequantized on lookup."""

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
        """Uses the quantized table as a linear map from ``dims`` to ``num_embeddings``."""
        return mx.quantized_matmul(x, self["weight"], scales=self["scales"], biases=self.get("biases"),
                                   transpose=True, group_size=self.group_size, bits=self.bits, mode=self.mode)

    @classmethod
    def from_embedding(cls, embedding_layer: Module, group_size: int = None, bits: int = None,
                       mode: str = "affine"):
        """Quantizes the table of ``embedding_layer``."""
        n, dims = embedding_layer.weight.shape
        qe = cls(n, dims, group_size, bits, mode=mode)
        _store_quantized(qe, embedding_layer.weight)
        return qe


class QQLinear(Module):
    """A bias-free Linear layer that quantizes both its weight and its input (``mx.qqmm``).

    In training mode the weight is kept in floating point; ``eval()`` quantizes it and
    ``train()`` dequantizes it again (to bfloat16).
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
        """Replaces the floating-point weight by its quantized form (no-op if already quantized)."""
        if not self._quantized:
            _store_quantized(self, self.weight)
            self._quantized = True

    def dequantize(self):
        """Restores a bfloat16 weight from the quantized one (no-op if not quantized)."""
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
        """A QQLinear that shares the (bias-free) weight of ``linear_layer``."""
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
    """Replaces, in place, the leaf modules of ``model`` chosen by ``class_predicate`` by their
    quantized versions (``to_quantized``). The predicate may return a dict of arguments for
    ``to_quantized`` instead of ``True``. By default every layer that has ``to_quantized`` is.
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
