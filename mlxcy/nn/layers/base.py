"""The Module base class: a dict whose array and sub-module entries form a parameter tree.

Examples
--------
>>> nn.base.Module is nn.Module
True
"""
import os
from typing import Any, Callable, List, Optional, Tuple, Union

import mlxcy as mx
from mlxcy.utils import tree_flatten, tree_unflatten

_TREE_TYPES = (mx.array, dict, list, tuple)
_array = mx.array


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


def _merge_arrays(dst, src, strict):
    """``_merge(dst, src, strict, want_module=False)`` (what ``update`` does), with the leaf step
    inlined and the destination's type checked once per container rather than once per entry."""
    array = _array
    if isinstance(src, dict):
        if not isinstance(dst, dict):
            for k in src:
                if strict:
                    raise ValueError(f'Module does not have parameter named "{k}".')
            return
        for k in src:
            if k in dst:
                cur = dst[k]
                new = src[k]
                if isinstance(cur, array):
                    if strict and not isinstance(new, array):
                        raise ValueError(f"Received invalid type: {type(new).__name__}.")
                    dst[k] = new
                elif isinstance(new, (dict, list)):
                    _merge_arrays(cur, new, strict)
                elif strict:
                    raise ValueError(f"Received invalid type: {type(new).__name__}.")
            elif strict:
                raise ValueError(f'Module does not have parameter named "{k}".')
    elif isinstance(src, list):
        if not isinstance(dst, list):
            if strict and src:
                n = len(dst) if isinstance(dst, dict) else 0
                raise ValueError(f"List index 0 is out of bounds for destination of length {n}.")
            return
        for i in range(len(src)):
            if i < len(dst):
                cur = dst[i]
                new = src[i]
                if isinstance(cur, array):
                    if strict and not isinstance(new, array):
                        raise ValueError(f"Received invalid type: {type(new).__name__}.")
                    dst[i] = new
                elif isinstance(new, (dict, list)):
                    _merge_arrays(cur, new, strict)
                elif strict:
                    raise ValueError(f"Received invalid type: {type(new).__name__}.")
            elif strict:
                raise ValueError(f"List index {i} is out of bounds for destination of length {len(dst)}.")
    elif strict:
        raise ValueError(f"Received invalid type: {type(src).__name__}.")


_PARAM_TYPES = (dict, list, mx.array)
_UNSET = object()


def _param_tree(module, trainable):
    """``module.filter_and_map(Module.valid_parameter_filter)`` (``trainable_parameter_filter`` when
    ``trainable``) with the default map and leaf rule, the filters written out inline."""
    out = {}
    no_grad = _UNSET
    for k, v in module.items():
        if isinstance(v, _PARAM_TYPES) and not k.startswith("_"):
            if trainable:
                if no_grad is _UNSET:
                    no_grad = module._no_grad
                if k in no_grad:
                    continue
            out[k] = _param_value(module, k, v, trainable)
    return out


def _param_ok(owner, path, value, trainable):
    return (isinstance(value, _PARAM_TYPES) and not path.startswith("_")
            and (not trainable or path not in owner._no_grad))


def _param_value(owner, key, value, trainable):
    """``_walk`` for the parameter filters: ``value`` is the entry ``key`` of ``owner``."""
    if not isinstance(value, (dict, list)):
        return value
    if isinstance(value, Module):
        return _param_tree(value, trainable)
    if isinstance(value, dict):
        out = {}
        for k, v in value.items():
            path = f"{key}.{k}"
            out[k] = _param_value(owner, path, v, trainable) if _param_ok(owner, path, v, trainable) else {}
        return out
    out = []
    for i, v in enumerate(value):
        path = f"{key}.{i}"
        out.append(_param_value(owner, path, v, trainable) if _param_ok(owner, path, v, trainable) else {})
    return out


def _is_floating(dtype):
    return mx.issubdtype(dtype, mx.floating)


def _indent(text, prefix="  "):
    """`text` with `prefix` before each line that is not blank (textwrap.indent's rule, without
    importing textwrap for `import mlxcy.nn`)."""
    return "".join(prefix + line if line.strip() else line for line in text.splitlines(True))


class Module(dict):
    """Base class of every layer and model.

    A module is a ``dict``. Setting an attribute to an array, a list, a tuple, a dict or another
    module stores it as an item, and these items form the module's tree of parameters and
    sub-modules (:meth:`parameters`, :meth:`children`); any other attribute (numbers, strings,
    functions) is a plain Python attribute. Entries whose name starts with ``_`` are not
    parameters. Sub-classes set their parameters in ``__init__`` (after calling
    ``super().__init__()``) and implement ``__call__``.

    A module starts in training mode (see :meth:`train`, :meth:`eval`) with nothing frozen (see
    :meth:`freeze`). It takes no constructor arguments.

    Examples
    --------
    >>> class Affine(nn.Module):
    ...     def __init__(self, n):
    ...         super().__init__()
    ...         self.scale = mx.ones((n,))
    ...         self.shift = mx.zeros((n,))
    ...         self.name = "affine"  # a plain attribute, not a parameter
    ...     def __call__(self, x):
    ...         return self.scale * x + self.shift
    >>> layer = Affine(2)
    >>> sorted(layer.parameters())
    ['scale', 'shift']
    >>> layer(mx.array([3.0, 4.0]))
    array([3, 4], dtype=float32)
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
        """Whether the module is in training mode (see :meth:`train` and :meth:`eval`).

        Returns
        -------
        bool
            ``True`` in training mode, ``False`` in evaluation mode.

        Examples
        --------
        >>> layer = nn.Dropout(0.5)
        >>> layer.training
        True
        >>> layer.eval().training
        False
        """
        return self._training

    @property
    def state(self):
        """The module's own dict of entries: the module itself.

        Returns
        -------
        Module
            ``self``.

        Examples
        --------
        >>> layer = nn.Linear(2, 3)
        >>> layer.state is layer
        True
        """
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
            lines.append(_indent(f"({name}): {child!r}"))
        lines.append(")")
        return "\n".join(lines)

    # -- filters --------------------------------------------------------------------------
    @staticmethod
    def is_module(value):
        """Whether ``value`` is a :class:`Module` (a handy ``is_leaf`` for the tree utilities).

        Parameters
        ----------
        value : Any
            Anything.

        Returns
        -------
        bool
            ``True`` for a Module instance.

        Examples
        --------
        >>> nn.Module.is_module(nn.ReLU()), nn.Module.is_module({})
        (True, False)
        >>> model = nn.Sequential(nn.Linear(2, 2), nn.ReLU())
        >>> [name for name, _ in utils.tree_flatten(model.children(), is_leaf=nn.Module.is_module)]
        ['layers.0', 'layers.1']
        """
        return isinstance(value, Module)

    @staticmethod
    def valid_child_filter(module, key, value):
        """Filter for :meth:`filter_and_map` keeping the entries that may hold sub-modules.

        Parameters
        ----------
        module : Module
            The module owning the entry.
        key : str
            The entry's name.
        value : Any
            The entry's value.

        Returns
        -------
        bool
            ``True`` when ``value`` is a dict or a list (modules are dicts).

        Examples
        --------
        >>> layer = nn.Linear(2, 2)
        >>> nn.Module.valid_child_filter(layer, "layers", [nn.ReLU()])
        True
        >>> nn.Module.valid_child_filter(layer, "weight", layer.weight)
        False
        """
        return isinstance(value, (dict, list))

    @staticmethod
    def valid_parameter_filter(module, key, value):
        """Filter for :meth:`filter_and_map` keeping the entries that may hold parameters.

        Parameters
        ----------
        module : Module
            The module owning the entry.
        key : str
            The entry's name.
        value : Any
            The entry's value.

        Returns
        -------
        bool
            ``True`` when ``value`` is an array, a dict or a list and ``key`` does not start with ``_``.

        Examples
        --------
        >>> layer = nn.Linear(2, 2)
        >>> nn.Module.valid_parameter_filter(layer, "weight", layer.weight)
        True
        >>> nn.Module.valid_parameter_filter(layer, "_cache", layer.weight)
        False
        """
        return isinstance(value, (dict, list, mx.array)) and not key.startswith("_")

    @staticmethod
    def trainable_parameter_filter(module, key, value):
        """Filter for :meth:`filter_and_map` keeping the parameters that are not frozen.

        Parameters
        ----------
        module : Module
            The module owning the entry.
        key : str
            The entry's name.
        value : Any
            The entry's value.

        Returns
        -------
        bool
            ``True`` when :meth:`valid_parameter_filter` keeps the entry and ``module`` has not frozen
            ``key``.

        Examples
        --------
        >>> layer = nn.Linear(2, 2).freeze(keys="weight")
        >>> nn.Module.trainable_parameter_filter(layer, "weight", layer.weight)
        False
        >>> nn.Module.trainable_parameter_filter(layer, "bias", layer.bias)
        True
        """
        return Module.valid_parameter_filter(module, key, value) and key not in module._no_grad

    def filter_and_map(
        self,
        filter_fn: Callable[["Module", str, Any], bool],
        map_fn: Optional[Callable] = None,
        is_leaf_fn: Optional[Callable[["Module", str, Any], bool]] = None,
    ):
        """The sub-tree of the entries kept by ``filter_fn``, with ``map_fn`` applied to its leaves.

        Walks the module's entries, descending into sub-modules, dicts and lists; ``filter_fn`` decides
        which entries to keep (and descend into) and ``is_leaf_fn`` where to stop. The basis of
        :meth:`parameters`, :meth:`children` and the like.

        Parameters
        ----------
        filter_fn : callable
            ``(module, key, value) -> bool``: keep the entry ``key`` of ``module``. Inside dicts and lists
            ``key`` is the dotted path from the owning module's entry (``"layers.0"``).
        map_fn : callable, optional
            Applied to each leaf kept. Default: ``None``, the leaf itself.
        is_leaf_fn : callable, optional
            ``(module, key, value) -> bool``: stop descending at this entry. Default: ``None``, every
            value that is not a dict or a list (modules are dicts) is a leaf.

        Returns
        -------
        dict
            Nested dicts and lists shaped like the module's tree.

        Raises
        ------
        RuntimeError
            When a kept entry that is not a leaf is not a dict or a list.

        Examples
        --------
        >>> layer = nn.Linear(2, 3)
        >>> layer.filter_and_map(lambda m, k, v: k == "weight", map_fn=lambda v: v.shape)
        {'weight': (3, 2)}
        """
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
        """Every parameter (array) of the module and its sub-modules.

        Returns
        -------
        dict
            Nested dicts and lists of arrays, shaped like the module's tree (``utils.tree_flatten``
            gives dotted names). Frozen parameters are included.

        Examples
        --------
        >>> model = nn.Sequential(nn.Linear(2, 3), nn.ReLU(), nn.Linear(3, 1))
        >>> [name for name, _ in utils.tree_flatten(model.parameters())]
        ['layers.0.weight', 'layers.0.bias', 'layers.2.weight', 'layers.2.bias']
        >>> model.parameters()["layers"][1]
        {}
        """
        if _default_walk(self, self.valid_parameter_filter, _VALID_FILTER):
            return _param_tree(self, False)
        return self.filter_and_map(self.valid_parameter_filter)

    def trainable_parameters(self):
        """The parameters that are not frozen (see :meth:`freeze`).

        These are what :func:`value_and_grad` differentiates and what optimizers update.

        Returns
        -------
        dict
            Nested dicts and lists of arrays, shaped like :meth:`parameters`.

        Examples
        --------
        >>> model = nn.Sequential(nn.Linear(2, 3), nn.Linear(3, 1))
        >>> _ = model.layers[0].freeze()
        >>> [name for name, _ in utils.tree_flatten(model.trainable_parameters())]
        ['layers.1.weight', 'layers.1.bias']
        """
        if _default_walk(self, self.trainable_parameter_filter, _TRAINABLE_FILTER):
            return _param_tree(self, True)
        return self.filter_and_map(self.trainable_parameter_filter)

    def children(self):
        """The direct sub-modules.

        Returns
        -------
        dict
            Nested dicts and lists whose leaves are the modules held directly by this module (not their
            own sub-modules).

        Examples
        --------
        >>> model = nn.Sequential(nn.Linear(2, 2), nn.ReLU())
        >>> model.children()
        {'layers': [Linear(input_dims=2, output_dims=2, bias=True), ReLU()]}
        """
        return self.filter_and_map(self.valid_child_filter, is_leaf_fn=_module_leaf)

    def leaf_modules(self):
        """The sub-modules, at any depth, that have no sub-modules of their own.

        Returns
        -------
        dict
            Nested dicts and lists shaped like the module's tree, whose leaves are the leaf modules.

        Examples
        --------
        >>> model = nn.Sequential(nn.Sequential(nn.Linear(2, 2)), nn.ReLU())
        >>> model.leaf_modules()
        {'layers': [{'layers': [Linear(input_dims=2, output_dims=2, bias=True)]}, ReLU()]}
        """
        return self.filter_and_map(self.valid_child_filter, is_leaf_fn=_leaf_module_leaf)

    # -- updates --------------------------------------------------------------------------
    def update(self, parameters: dict, strict: bool = True) -> "Module":
        """Replaces parameters by the arrays of a tree shaped like :meth:`parameters`, in place.

        Only the entries present in ``parameters`` change; sub-modules are reached through nested
        dicts and lists.

        Parameters
        ----------
        parameters : dict
            The new arrays, as nested dicts and lists (``utils.tree_unflatten`` builds one from dotted
            names).
        strict : bool, optional
            Raise for a name the module does not have or a value that is not an array where the module
            holds one. With ``False`` those are skipped. Default: ``True``.

        Returns
        -------
        Module
            The module itself.

        Raises
        ------
        ValueError
            With ``strict``, for an unknown name, an out-of-range list index, or a value of the wrong
            type.

        Examples
        --------
        >>> layer = nn.Linear(2, 2)
        >>> layer.update({"weight": mx.ones((2, 2))}).weight
        array([[1, 1],
               [1, 1]], dtype=float32)
        >>> _ = layer.update({"scale": mx.ones(2)}, strict=False)  # unknown: skipped
        """
        _merge_arrays(self, parameters, strict)
        return self

    def update_modules(self, modules: dict, strict: bool = True) -> "Module":
        """Replaces sub-modules by the modules of a tree shaped like :meth:`children`, in place.

        A module only replaces a module.

        Parameters
        ----------
        modules : dict
            The new modules, as nested dicts and lists.
        strict : bool, optional
            Raise for a name the module does not have or a value of the wrong type. Default: ``True``.

        Returns
        -------
        Module
            The module itself.

        Raises
        ------
        ValueError
            With ``strict``, for an unknown name, an out-of-range list index, or a value of the wrong
            type.

        Examples
        --------
        >>> model = nn.Sequential(nn.Linear(2, 2), nn.ReLU())
        >>> model.update_modules({"layers": [nn.Identity(), nn.Tanh()]})
        Sequential(
          (layers.0): Identity()
          (layers.1): Tanh()
        )
        """
        _merge(self, modules, strict, want_module=True)
        return self

    def apply(
        self,
        map_fn: Callable[[mx.array], mx.array],
        filter_fn: Optional[Callable[["Module", str, Any], bool]] = None,
    ) -> "Module":
        """Maps parameters through ``map_fn``, in place.

        Parameters
        ----------
        map_fn : callable
            ``array -> array``, applied to every parameter selected.
        filter_fn : callable, optional
            ``(module, key, value) -> bool`` selecting the entries (as in :meth:`filter_and_map`).
            Default: ``None``, :meth:`valid_parameter_filter` (every parameter).

        Returns
        -------
        Module
            The module itself.

        Examples
        --------
        >>> layer = nn.Linear(2, 2).apply(mx.zeros_like)
        >>> layer.weight
        array([[0, 0],
               [0, 0]], dtype=float32)
        """
        if filter_fn is None:
            filter_fn = self.valid_parameter_filter
        self.update(self.filter_and_map(filter_fn, map_fn))
        return self

    def apply_to_modules(self, apply_fn: Callable[[str, "Module"], Any]) -> "Module":
        """Calls ``apply_fn(name, module)`` on this module and on every sub-module.

        Parameters
        ----------
        apply_fn : callable
            ``(name, module) -> Any``; ``name`` is the dotted path from this module (``""`` for this
            module itself). Its result is ignored.

        Returns
        -------
        Module
            The module itself.

        Examples
        --------
        >>> model = nn.Sequential(nn.Linear(2, 2), nn.ReLU())
        >>> _ = model.apply_to_modules(lambda name, m: print(repr(name), type(m).__name__))
        '' Sequential
        'layers.1' ReLU
        'layers.0' Linear
        """
        pending = [("", self)]
        while pending:
            name, mod = pending.pop()
            apply_fn(name, mod)
            prefix = "." + name if name else ""
            pending.extend(tree_flatten(mod.children(), prefix=prefix, is_leaf=Module.is_module))
        return self

    def modules(self):
        """This module and every sub-module, at any depth.

        Returns
        -------
        list(Module)
            In the order :meth:`apply_to_modules` visits them, this module first.

        Examples
        --------
        >>> model = nn.Sequential(nn.Linear(2, 2), nn.ReLU())
        >>> [type(m).__name__ for m in model.modules()]
        ['Sequential', 'ReLU', 'Linear']
        """
        found = []
        self.apply_to_modules(lambda _, m: found.append(m))
        return found

    def named_modules(self):
        """``(name, module)`` for this module and every sub-module, at any depth.

        Returns
        -------
        list(tuple(str, Module))
            Dotted paths from this module (``""`` for itself) and the modules, in the order of
            :meth:`modules`.

        Examples
        --------
        >>> model = nn.Sequential(nn.Linear(2, 2), nn.ReLU())
        >>> [name for name, _ in model.named_modules()]
        ['', 'layers.1', 'layers.0']
        """
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
        """Freezes parameters: they stay in :meth:`parameters` but leave :meth:`trainable_parameters`.

        Parameters
        ----------
        recurse : bool, optional
            Freeze the parameters of sub-modules too. Default: ``True``.
        keys : str or list(str), optional
            The names of the entries to freeze (in every module visited). Default: ``None``, all.
        strict : bool, optional
            Raise when a name in ``keys`` is not an entry of the module (of any sub-module, with
            ``recurse``). Default: ``False``.

        Returns
        -------
        Module
            The module itself.

        Raises
        ------
        KeyError
            With ``strict``, for a name in ``keys`` the module does not contain.

        Examples
        --------
        >>> model = nn.Sequential(nn.Linear(2, 2), nn.Linear(2, 2))
        >>> model.freeze().trainable_parameters()
        {'layers': [{}, {}]}
        >>> _ = model.unfreeze().freeze(keys="bias")
        >>> [name for name, _ in utils.tree_flatten(model.trainable_parameters())]
        ['layers.0.weight', 'layers.1.weight']
        """
        return self._set_frozen(True, recurse, keys, strict)

    def unfreeze(
        self,
        *,
        recurse: bool = True,
        keys: Optional[Union[str, List[str]]] = None,
        strict: bool = False,
    ) -> "Module":
        """Makes frozen parameters trainable again.

        Parameters
        ----------
        recurse : bool, optional
            Unfreeze the parameters of sub-modules too. Default: ``True``.
        keys : str or list(str), optional
            The names of the entries to unfreeze. Default: ``None``, all.
        strict : bool, optional
            Raise when a name in ``keys`` is not an entry of the module (of any sub-module, with
            ``recurse``). Default: ``False``.

        Returns
        -------
        Module
            The module itself.

        Raises
        ------
        KeyError
            With ``strict``, for a name in ``keys`` the module does not contain.

        Examples
        --------
        >>> layer = nn.Linear(2, 2).freeze()
        >>> sorted(layer.unfreeze(keys="bias").trainable_parameters())
        ['bias']
        """
        return self._set_frozen(False, recurse, keys, strict)

    # -- modes and dtypes --------------------------------------------------------------------
    def _set_training_mode(self, mode: bool) -> None:
        self._training = mode

    def train(self, mode: bool = True) -> "Module":
        """Sets training (or evaluation) mode on this module and every sub-module.

        Layers such as :class:`Dropout` and :class:`BatchNorm` behave differently in the two modes.

        Parameters
        ----------
        mode : bool, optional
            ``True`` for training mode, ``False`` for evaluation mode. Default: ``True``.

        Returns
        -------
        Module
            The module itself.

        Examples
        --------
        >>> model = nn.Sequential(nn.Dropout(0.5))
        >>> model.train(False).layers[0].training
        False
        >>> model.train().layers[0].training
        True
        """
        self.apply_to_modules(lambda _, m: m._set_training_mode(mode))
        return self

    def eval(self) -> "Module":
        """Sets evaluation mode on this module and every sub-module (``train(False)``).

        Returns
        -------
        Module
            The module itself.

        Examples
        --------
        >>> nn.Dropout(0.5).eval()(mx.ones((3,)))
        array([1, 1, 1], dtype=float32)
        """
        return self.train(False)

    def set_dtype(
        self,
        dtype: mx.Dtype,
        predicate: Optional[Callable[[mx.Dtype], bool]] = _is_floating,
    ):
        """Casts parameters to ``dtype``, in place.

        Parameters
        ----------
        dtype : Dtype
            The new dtype.
        predicate : callable, optional
            ``Dtype -> bool``: only parameters whose dtype satisfies it are cast. Default: floating
            dtypes only (integer parameters, such as quantized weights, are kept). ``None`` casts all.

        Returns
        -------
        None

        Examples
        --------
        >>> layer = nn.QuantizedLinear(64, 8)
        >>> layer.set_dtype(mx.float16)
        >>> layer.scales.dtype, layer.weight.dtype
        (mlx.core.float16, mlx.core.uint32)
        """
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
        """Loads parameters from a file or from a list of ``(name, array)`` pairs.

        Names are dotted paths as ``utils.tree_flatten(model.parameters())`` gives them.

        Parameters
        ----------
        file_or_weights : str or list(tuple(str, array))
            A ``.safetensors`` or ``.npz`` file (a path), a sharded safetensors checkpoint (a
            ``*.safetensors.index.json`` file, or a folder holding ``model.safetensors.index.json``),
            or a list of ``(name, array)`` pairs.
        strict : bool, optional
            Require every parameter of the module, with its current shape, and nothing else; else
            load what matches by name and ignore the rest. Default: ``True``.
        mmap : bool, optional
            Memory-map ``.safetensors`` files instead of reading them (mlxcy extra). Default: ``False``.
        progress : bool, optional
            Show a progress bar over the shards of a sharded checkpoint (mlxcy extra). Default: ``False``.

        Returns
        -------
        Module
            The module itself.

        Raises
        ------
        ValueError
            With ``strict``, for missing or unknown names, a value that is not an array, or a shape
            that differs; for a file of an unknown format.
        FileNotFoundError
            For a path that does not exist (``mlxcy._io.MissingFileError``, also a ``RuntimeError`` and
            a ``ValueError``).

        Examples
        --------
        >>> layer = nn.Linear(2, 2)
        >>> _ = layer.load_weights([("weight", mx.ones((2, 2))), ("bias", mx.zeros(2))])
        >>> layer(mx.array([1.0, 2.0]))
        array([3, 3], dtype=float32)
        >>> _ = layer.load_weights([("bias", mx.ones(2))], strict=False)

        Notes
        -----
        ``mmap``, ``progress`` and sharded checkpoints are mlxcy extras; a missing file raises
        ``FileNotFoundError`` where the reference raises ``RuntimeError`` or ``ValueError``
        (docs/differences.md, docs/large-weights.md).
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
        """Saves the parameters (frozen ones included) to a file, by dotted name.

        Parameters
        ----------
        file : str
            The path; its extension picks the format: ``.npz`` or ``.safetensors``.

        Returns
        -------
        None

        Raises
        ------
        ValueError
            For any other extension.

        Examples
        --------
        >>> import os, tempfile
        >>> path = os.path.join(tempfile.mkdtemp(), "layer.safetensors")
        >>> layer = nn.Linear(2, 2)
        >>> layer.save_weights(path)
        >>> sorted(mx.load(path))
        ['bias', 'weight']

        Notes
        -----
        The file is written to a temporary name and renamed over ``path``; safetensors files are
        padded so that every tensor is aligned (docs/differences.md).
        """
        file = os.fspath(file)
        flat = dict(tree_flatten(self.parameters()))
        if file.endswith(".npz"):
            mx.savez(file, **flat)
        elif file.endswith(".safetensors"):
            mx.save_safetensors(file, flat)
        else:
            raise ValueError(f"Unsupported file extension for {file}. Use '.npz' or '.safetensors'.")


_VALID_FILTER = Module.valid_parameter_filter
_TRAINABLE_FILTER = Module.trainable_parameter_filter
_FILTER_AND_MAP = Module.filter_and_map


def _default_walk(module, filter_fn, expected):
    """Whether ``module.filter_and_map(filter_fn)`` is the stock walk with the stock filter, which
    ``_param_tree`` writes out."""
    return (filter_fn is expected and type(module).filter_and_map is _FILTER_AND_MAP
            and Module.valid_parameter_filter is _VALID_FILTER)


def _load_weight_file(path, mmap, progress):
    """The {name: array} of a weight file or of a sharded checkpoint (index file or folder)."""
    if os.path.isdir(path) or path.endswith(".index.json"):
        return mx.load_sharded(path, mmap=mmap, progress=progress)
    return mx.load(path, mmap=mmap)


def _module_leaf(module, key, value):
    return isinstance(value, Module)


def _leaf_module_leaf(module, key, value):
    return isinstance(value, Module) and len(tree_flatten(value.children())) == 0
