"""The Module base class: a dict whose array and sub-module entries form a parameter tree."""
import os
import textwrap
from typing import Any, Callable, List, Optional, Tuple, Union

import mlxcy as mx
from mlxcy.utils import tree_flatten, tree_unflatten

_TREE_TYPES = (mx.array, dict, list, tuple)


def _keep(value):
    return value


def _default_is_leaf(module, key, value):
    return not isinstance(value, (dict, list))


def _walk(owner, key, value, filter_fn, map_fn, is_leaf_fn):
    """Maps one entry of ``owner`` (named ``key``) to its filtered, mapped sub-tree."""
    if is_leaf_fn(owner, key, value):
        return map_fn(value)
    if isinstance(value, Module):
        return {
            k: _walk(value, k, v, filter_fn, map_fn, is_leaf_fn)
            for k, v in value.items()
            if filter_fn(value, k, v)
        }
    if isinstance(value, dict):
        out = {}
        for k, v in value.items():
            path = f"{key}.{k}"
            out[k] = _walk(owner, path, v, filter_fn, map_fn, is_leaf_fn) if filter_fn(owner, path, v) else {}
        return out
    if isinstance(value, list):
        out = []
        for i, v in enumerate(value):
            path = f"{key}.{i}"
            out.append(_walk(owner, path, v, filter_fn, map_fn, is_leaf_fn) if filter_fn(owner, path, v) else {})
        return out
    raise RuntimeError("Unexpected leaf found while traversing the module")


def _merge_entry(dst, key, new, strict, want_module):
    cur = dst[key]
    if want_module and isinstance(new, Module):
        if isinstance(cur, Module):  # a module only ever replaces a module
            dst[key] = new
    elif not want_module and isinstance(cur, mx.array):
        if strict and not isinstance(new, mx.array):
            raise ValueError(f"Received invalid type: {type(new).__name__}.")
        dst[key] = new
    elif isinstance(new, (dict, list)):
        _merge(cur, new, strict, want_module)
    elif strict:
        raise ValueError(f"Received invalid type: {type(new).__name__}.")


def _merge(dst, src, strict, want_module):
    """Writes the leaves of ``src`` into the matching places of ``dst``.

    With ``want_module`` the leaves are modules (``update_modules``), else arrays (``update``).
    """
    if isinstance(src, dict):
        for k, new in src.items():
            if isinstance(dst, dict) and k in dst:
                _merge_entry(dst, k, new, strict, want_module)
            elif strict:
                what = "sub-module" if want_module else "parameter"
                raise ValueError(f'Module does not have {what} named "{k}".')
    elif isinstance(src, list):
        for i, new in enumerate(src):
            if isinstance(dst, list) and i < len(dst):
                _merge_entry(dst, i, new, strict, want_module)
            elif strict:
                n = len(dst) if isinstance(dst, (list, dict)) else 0
                raise ValueError(f"List index {i} is out of bounds for destination of length {n}.")
    elif strict:
        raise ValueError(f"Received invalid type: {type(src).__name__}.")


def _is_floating(dtype):
    return mx.issubdtype(dtype, mx.floating)


class Module(dict):
    """Base class of every layer.

    A module is a ``dict``: attributes holding arrays, lists, tuples, dicts or other modules
    are stored as its items and make up its parameter tree; any other attribute is a plain
    Python attribute. Sub-classes implement ``__call__``.
    """

    __call__: Callable

    def __init__(self):
        """Starts an empty module in training mode with nothing frozen."""
        self._no_grad = set()
        self._training = True

    # -- attribute access over the dict ------------------------------------------------
    def __getattr__(self, key: str):
        try:
            return self[key]
        except KeyError:
            raise AttributeError(f"{type(self).__name__!r} object has no attribute {key!r}") from None

    def __setattr__(self, key: str, value: Any):
        if isinstance(value, _TREE_TYPES):
            if key in self.__dict__:
                del self.__dict__[key]
            self[key] = value
        else:
            if key in self:
                del self[key]
            object.__setattr__(self, key, value)

    def __delattr__(self, key: str):
        if key in self:
            del self[key]
        else:
            object.__delattr__(self, key)

    # -- state --------------------------------------------------------------------------
    @property
    def training(self):
        """Whether the module is in training mode."""
        return self._training

    @property
    def state(self):
        """The module's own dict of parameters and sub-modules (the module itself)."""
        return self

    def _extra_repr(self) -> str:
        return ""

    def __repr__(self):
        head = f"{type(self).__name__}({self._extra_repr()}"
        kids = tree_flatten(self.children(), is_leaf=Module.is_module)
        if not kids:
            return head + ")"
        lines = [head]
        for name, child in kids:
            lines.append(textwrap.indent(f"({name}): {child!r}", "  "))
        lines.append(")")
        return "\n".join(lines)

    # -- filters --------------------------------------------------------------------------
    @staticmethod
    def is_module(value):
        """True for a Module instance."""
        return isinstance(value, Module)

    @staticmethod
    def valid_child_filter(module, key, value):
        """Entries that may hold sub-modules."""
        return isinstance(value, (dict, list))

    @staticmethod
    def valid_parameter_filter(module, key, value):
        """Entries that may hold parameters: public arrays and containers."""
        return isinstance(value, (dict, list, mx.array)) and not key.startswith("_")

    @staticmethod
    def trainable_parameter_filter(module, key, value):
        """Parameters that are not frozen."""
        return Module.valid_parameter_filter(module, key, value) and key not in module._no_grad

    def filter_and_map(
        self,
        filter_fn: Callable[["Module", str, Any], bool],
        map_fn: Optional[Callable] = None,
        is_leaf_fn: Optional[Callable[["Module", str, Any], bool]] = None,
    ):
        """Returns the sub-tree of entries kept by ``filter_fn``, with ``map_fn`` applied to leaves."""
        if map_fn is None:
            map_fn = _keep
        if is_leaf_fn is None:
            is_leaf_fn = _default_is_leaf
        return {
            k: _walk(self, k, v, filter_fn, map_fn, is_leaf_fn)
            for k, v in self.items()
            if filter_fn(self, k, v)
        }

    def parameters(self):
        """All parameters (arrays) of the module tree, as nested dicts and lists."""
        return self.filter_and_map(self.valid_parameter_filter)

    def trainable_parameters(self):
        """The parameters that are not frozen."""
        return self.filter_and_map(self.trainable_parameter_filter)

    def children(self):
        """The direct sub-modules, as nested dicts and lists."""
        return self.filter_and_map(self.valid_child_filter, is_leaf_fn=_module_leaf)

    def leaf_modules(self):
        """The sub-modules that have no sub-modules of their own."""
        return self.filter_and_map(self.valid_child_filter, is_leaf_fn=_leaf_module_leaf)

    # -- updates --------------------------------------------------------------------------
    def update(self, parameters: dict, strict: bool = True) -> "Module":
        """Replaces parameters with the arrays in ``parameters`` (a tree like ``parameters()``)."""
        _merge(self, parameters, strict, want_module=False)
        return self

    def update_modules(self, modules: dict, strict: bool = True) -> "Module":
        """Replaces sub-modules with the modules in ``modules`` (a tree like ``children()``)."""
        _merge(self, modules, strict, want_module=True)
        return self

    def apply(
        self,
        map_fn: Callable[[mx.array], mx.array],
        filter_fn: Optional[Callable[["Module", str, Any], bool]] = None,
    ) -> "Module":
        """Maps every parameter (selected by ``filter_fn``) through ``map_fn`` in place."""
        if filter_fn is None:
            filter_fn = self.valid_parameter_filter
        self.update(self.filter_and_map(filter_fn, map_fn))
        return self

    def apply_to_modules(self, apply_fn: Callable[[str, "Module"], Any]) -> "Module":
        """Calls ``apply_fn(name, module)`` on this module and every sub-module."""
        pending = [("", self)]
        while pending:
            name, mod = pending.pop()
            apply_fn(name, mod)
            prefix = "." + name if name else ""
            pending.extend(tree_flatten(mod.children(), prefix=prefix, is_leaf=Module.is_module))
        return self

    def modules(self):
        """This module and every sub-module, as a list."""
        found = []
        self.apply_to_modules(lambda _, m: found.append(m))
        return found

    def named_modules(self):
        """``(name, module)`` for this module and every sub-module."""
        found = []
        self.apply_to_modules(lambda k, m: found.append((k, m)))
        return found

    # -- freezing ----------------------------------------------------------------------------
    def _validate_keys(self, keys, strict):
        if isinstance(keys, str):
            keys = [keys]
        if strict:
            for k in keys:
                if k not in self:
                    raise KeyError(f"Module doesn't contain member {k}.")
        return keys

    def _validate_keys_recursive(self, keys):
        if isinstance(keys, str):
            keys = [keys]
        present = set()
        for _, m in self.named_modules():
            present.update(m.keys())
        for k in keys:
            if k not in present:
                raise KeyError(f"Module doesn't contain member {k}.")
        return keys

    def _own_parameter_keys(self):
        local = self.filter_and_map(
            lambda m, k, v: not isinstance(v, Module) and m.valid_parameter_filter(m, k, v)
        )
        return [k for k, _ in tree_flatten(local)]

    def _set_frozen(self, freeze, recurse, keys, strict):
        if keys is not None:
            if recurse and strict:
                keys = self._validate_keys_recursive(keys)
            else:
                keys = self._validate_keys(keys, strict)

        def one(_, m):
            names = m._own_parameter_keys() if keys is None else keys
            if freeze:
                m._no_grad.update(names)
            elif keys is None:
                m._no_grad.clear()
            else:
                m._no_grad.difference_update(names)

        if recurse:
            self.apply_to_modules(one)
        else:
            one("", self)
        return self

    def freeze(
        self,
        *,
        recurse: bool = True,
        keys: Optional[Union[str, List[str]]] = None,
        strict: bool = False,
    ) -> "Module":
        """Excludes parameters (all, or those named in ``keys``) from ``trainable_parameters``."""
        return self._set_frozen(True, recurse, keys, strict)

    def unfreeze(
        self,
        *,
        recurse: bool = True,
        keys: Optional[Union[str, List[str]]] = None,
        strict: bool = False,
    ) -> "Module":
        """Makes frozen parameters (all, or those named in ``keys``) trainable again."""
        return self._set_frozen(False, recurse, keys, strict)

    # -- modes and dtypes --------------------------------------------------------------------
    def _set_training_mode(self, mode: bool) -> None:
        self._training = mode

    def train(self, mode: bool = True) -> "Module":
        """Sets training mode (``mode=False`` for evaluation) on the whole tree."""
        self.apply_to_modules(lambda _, m: m._set_training_mode(mode))
        return self

    def eval(self) -> "Module":
        """Sets evaluation mode on the whole tree."""
        return self.train(False)

    def set_dtype(
        self,
        dtype: mx.Dtype,
        predicate: Optional[Callable[[mx.Dtype], bool]] = _is_floating,
    ):
        """Casts the parameters whose dtype satisfies ``predicate`` (floating by default) to ``dtype``."""
        if predicate is None:
            self.apply(lambda x: x.astype(dtype))
        else:
            self.apply(lambda x: x.astype(dtype) if predicate(x.dtype) else x)

    # -- weights on disk ----------------------------------------------------------------------
    def load_weights(
        self,
        file_or_weights: Union[str, List[Tuple[str, mx.array]]],
        strict: bool = True,
        *,
        mmap: bool = False,
        progress: bool = False,
    ) -> "Module":
        """Loads parameters from a ``.safetensors``/``.npz`` file or a list of ``(name, array)``.

        With ``strict`` every parameter must be given, with its current shape, and nothing else.

        mlxcy extras: a sharded checkpoint (a ``*.safetensors.index.json`` file, or a folder
        holding ``model.safetensors.index.json``) loads through ``mx.load_sharded``;
        ``mmap=True`` memory-maps ``.safetensors`` files instead of reading them (pages are read
        when the weights are used); ``progress=True`` shows a progress bar over the shards of a
        sharded checkpoint (see ``mx.load_sharded``).
        """
        weights = file_or_weights
        if isinstance(weights, (str, os.PathLike)):
            weights = list(_load_weight_file(os.fspath(weights), mmap, progress).items())
        if strict:
            given = dict(weights)
            current = dict(tree_flatten(self.parameters()))
            extra = sorted(given.keys() - current.keys())
            if extra:
                raise ValueError(f"Received {len(extra)} parameters not in model: \n" + ",\n".join(extra) + ".")
            missing = sorted(current.keys() - given.keys())
            if missing:
                raise ValueError(f"Missing {len(missing)} parameters: \n" + ",\n".join(missing) + ".")
            for name, old in current.items():
                new = given[name]
                if not isinstance(new, mx.array):
                    raise ValueError(f"Expected mx.array but received {type(new)} for parameter {name}")
                if new.shape != old.shape:
                    raise ValueError(
                        f"Expected shape {old.shape} but received shape {new.shape} for parameter {name}"
                    )
        if len(weights) != 0:
            self.update(tree_unflatten(list(weights)), strict=False)
        return self

    def save_weights(self, file: str):
        """Saves the parameters to ``file`` (``.npz`` or ``.safetensors``, by extension)."""
        file = os.fspath(file)
        flat = dict(tree_flatten(self.parameters()))
        if file.endswith(".npz"):
            mx.savez(file, **flat)
        elif file.endswith(".safetensors"):
            mx.save_safetensors(file, flat)
        else:
            raise ValueError(f"Unsupported file extension for {file}. Use '.npz' or '.safetensors'.")


def _load_weight_file(path, mmap, progress):
    """The {name: array} of a weight file or of a sharded checkpoint (index file or folder)."""
    if os.path.isdir(path) or path.endswith(".index.json"):
        return mx.load_sharded(path, mmap=mmap, progress=progress)
    return mx.load(path, mmap=mmap)


def _module_leaf(module, key, value):
    return isinstance(value, Module)


def _leaf_module_leaf(module, key, value):
    return isinstance(value, Module) and len(tree_flatten(value.children())) == 0
