"""mlxcy.utils: helpers for trees (nested lists, tuples and dicts) of arrays and other values.

Lists, tuples (named tuples included) and dicts are the inner nodes; everything else, ``None``
included, is a leaf. Paths name a leaf by the dot-joined keys/indices leading to it (``"a.0.w"``).
"""
from collections import defaultdict
from typing import Any, Callable, Dict, List, Optional, Tuple, Union

__all__ = ["tree_flatten", "tree_unflatten", "tree_map", "tree_map_with_path", "tree_reduce", "tree_merge"]


def _is_node(x):
    return isinstance(x, (list, tuple, dict))


def _children(tree):
    """(key, child) pairs of an inner node."""
    if isinstance(tree, dict):
        return tree.items()
    return enumerate(tree)


def _rebuild(tree, values):
    """A node of the same kind as `tree` holding `values` (in the order of `_children`)."""
    if isinstance(tree, dict):
        return dict(zip(tree.keys(), values))
    if isinstance(tree, tuple):
        if type(tree) is not tuple and hasattr(tree, "_fields"):
            return type(tree)(*values)
        return type(tree)(values)
    if type(tree) is list:
        return list(values)
    return type(tree)(values)


def tree_map(fn: Callable, tree: Any, *rest: Any, is_leaf: Optional[Callable] = None) -> Any:
    """Apply a function to every leaf of a tree, returning a tree of the same structure.

    Lists, tuples (named tuples included) and dicts are the inner nodes; anything else is a leaf.
    With more trees in ``rest``, ``fn`` receives the leaf of ``tree`` and the values at the same
    place in each of them.

    Parameters
    ----------
    fn : Callable
        Called as ``fn(leaf, *values_of_rest)``; its results become the leaves of the new tree.
    tree : Any
        The tree whose structure is followed.
    *rest : Any
        More trees, each with at least ``tree``'s structure down to its leaves (where a tree of
        ``rest`` goes deeper, the whole subtree is passed to ``fn``).
    is_leaf : Callable, optional
        ``is_leaf(node)`` returning true makes ``node`` a leaf even when it is a list, tuple or dict.
        Default: ``None``, only values that are not lists, tuples or dicts are leaves.

    Returns
    -------
    Any
        A new tree of ``tree``'s structure (the same node types) holding ``fn``'s results.

    Examples
    --------
    >>> utils.tree_map(lambda x: x * 2, {"w": mx.array([1, 2]), "b": [3, 4]})
    {'w': array([2, 4], dtype=int32), 'b': [6, 8]}
    >>> utils.tree_map(lambda x, y: x + y, [1, (2, 3)], [10, (20, 30)])
    [11, (22, 33)]
    >>> utils.tree_map(len, {"p": [1, 2], "q": (3,)}, is_leaf=lambda x: isinstance(x, (list, tuple)))
    {'p': 2, 'q': 1}
    """
    if (is_leaf is None or not is_leaf(tree)) and _is_node(tree):
        return _rebuild(tree, [tree_map(fn, child, *[r[k] for r in rest], is_leaf=is_leaf)
                               for k, child in _children(tree)])
    return fn(tree, *rest)


def tree_map_with_path(fn: Callable, tree: Any, *rest: Any, is_leaf: Optional[Callable] = None,
                       path: Optional[Any] = None) -> Any:
    """Like ``tree_map``, but ``fn`` also receives each leaf's path first: ``fn(path, leaf, *rest)``.

    A path names a leaf by the keys and indices leading to it, joined by dots (``"layers.0.w"``).

    Parameters
    ----------
    fn : Callable
        Called as ``fn(path, leaf, *values_of_rest)``.
    tree : Any
        The tree whose structure is followed.
    *rest : Any
        More trees, each with at least ``tree``'s structure down to its leaves.
    is_leaf : Callable, optional
        ``is_leaf(node)`` returning true makes ``node`` a leaf even when it is a list, tuple or dict.
        Default: ``None``, only values that are not lists, tuples or dicts are leaves.
    path : str, optional
        The prefix of every path. Default: ``None``: paths start at the root, where a tree that is
        itself a leaf gets the path ``None``.

    Returns
    -------
    Any
        A new tree of ``tree``'s structure holding ``fn``'s results.

    Examples
    --------
    >>> utils.tree_map_with_path(lambda path, x: path, {"a": [1, 2], "b": {"c": 3}})
    {'a': ['a.0', 'a.1'], 'b': {'c': 'b.c'}}
    >>> utils.tree_map_with_path(lambda path, x: path, [1], path="model")
    ['model.0']
    """
    if (is_leaf is None or not is_leaf(tree)) and _is_node(tree):
        return _rebuild(tree, [
            tree_map_with_path(fn, child, *[r[k] for r in rest], is_leaf=is_leaf,
                               path=f"{path}.{k}" if path else f"{k}")
            for k, child in _children(tree)])
    return fn(path, tree, *rest)


def tree_flatten(tree: Any, prefix: str = "", is_leaf: Optional[Callable] = None,
                 destination: Union[List[Tuple[str, Any]], Dict[str, Any], None] = None
                 ) -> Union[List[Tuple[str, Any]], Dict[str, Any]]:
    """The leaves of a tree as ``(path, leaf)`` pairs, depth first.

    A path names a leaf by the keys and indices leading to it, joined by dots; empty lists, tuples
    and dicts hold no leaf and leave no pair. ``tree_unflatten`` rebuilds the tree.

    Parameters
    ----------
    tree : Any
        The tree to flatten.
    prefix : str, optional
        Prepended to every path; it is read as ending in a separator, so its first character is
        dropped: ``prefix=".model"`` gives paths ``"model.a"``. Default: ``""``.
    is_leaf : Callable, optional
        ``is_leaf(node)`` returning true makes ``node`` a leaf even when it is a list, tuple or dict.
        Default: ``None``, only values that are not lists, tuples or dicts are leaves.
    destination : list or dict, optional
        Where the pairs are added, in place: a list receives ``(path, leaf)`` tuples, a dict
        ``path: leaf`` items. Default: ``None``, a new list.

    Returns
    -------
    list(tuple(str, Any)) or dict(str, Any)
        ``destination`` (the new list by default) holding the pairs.

    Raises
    ------
    ValueError
        When ``destination`` is neither a list, a dict nor ``None``.

    Examples
    --------
    >>> tree = {"a": [1, 2], "b": {"c": 3}}
    >>> utils.tree_flatten(tree)
    [('a.0', 1), ('a.1', 2), ('b.c', 3)]
    >>> utils.tree_flatten(tree, prefix=".m", destination={})
    {'m.a.0': 1, 'm.a.1': 2, 'm.b.c': 3}
    """
    if destination is None:
        destination = []
    if is_leaf is None and type(prefix) is str and isinstance(destination, list):
        # the common case, without the per-node helper calls of `walk` below
        if isinstance(tree, (list, tuple, dict)):
            _flatten_into(tree, prefix[1:] + "." if prefix else "", destination)
        else:
            destination.append((prefix[1:], tree))
        return destination
    if isinstance(destination, list):
        add = lambda k, v: destination.append((k, v))  # noqa: E731
    elif isinstance(destination, dict):
        add = destination.__setitem__
    else:
        raise ValueError("Destination should be either a list or a dictionary or None")

    def walk(node, path):
        if (is_leaf is None or not is_leaf(node)) and _is_node(node):
            for k, child in _children(node):
                walk(child, f"{path}.{k}")
        else:
            add(path[1:], node)

    walk(tree, prefix)
    return destination


def _flatten_into(node, path_prefix, out):
    """Append to the list `out` the (path, leaf) pairs under `node` (a list, tuple or dict), each
    path starting with `path_prefix` ("" at the root, else the node's own path and a dot)."""
    add = out.append
    for k, child in (node.items() if isinstance(node, dict) else enumerate(node)):
        p = f"{path_prefix}{k}"
        if isinstance(child, (list, tuple, dict)):
            _flatten_into(child, p + ".", out)
        else:
            add((p, child))


def _as_index(key):
    """The list index a path key names (anything ``int()`` reads: ``"2"``, ``"02"``, ``"+2"``,
    ``"-1"``), or None for a dict key."""
    try:
        return int(key)
    except ValueError:
        return None


def _index_list(groups):
    """The children of a level whose keys all read as distinct integers, as a list in index order.

    A gap before an index is filled with ``{}``; an index at or below the list's current length
    (a negative one, say) takes the next free place.
    """
    out = []
    for index, child in sorted(groups, key=lambda pair: pair[0]):
        out.extend({} for _ in range(index - len(out)))
        out.append(child)
    return out


def tree_unflatten(tree: Union[List[Tuple[str, Any]], Dict[str, Any]]) -> Any:
    """Rebuild a tree from ``(path, leaf)`` pairs, as ``tree_flatten`` gives them.

    A level whose keys all read as distinct integers becomes a list, in index order (a missing
    index holds ``{}``); any other level becomes a dict keyed by the path's strings.

    Parameters
    ----------
    tree : list(tuple(str, Any)) or dict(str, Any)
        The pairs, as a list or a ``{path: leaf}`` dict.

    Returns
    -------
    Any
        The tree: a list or dict of nested lists and dicts (tuples come back as lists); a single
        pair with the empty path gives its leaf.

    Examples
    --------
    >>> utils.tree_unflatten([("a.0", 1), ("a.1", 2), ("b.c", 3)])
    {'a': [1, 2], 'b': {'c': 3}}
    >>> utils.tree_unflatten({"x.1": 5})
    {'x': [{}, 5]}
    """
    items = list(tree.items()) if isinstance(tree, dict) else list(tree)
    if len(items) == 1 and items[0][0] == "":
        return items[0][1]
    groups = defaultdict(list)
    for path, value in items:
        head, _, rest = path.partition(".")
        groups[head].append((rest, value))
    if not groups:
        return []
    indices = [_as_index(k) for k in groups]
    # "1" and "01" name the same index: such a level stays a dict, as does any non-integer key
    if None not in indices and len(set(indices)) == len(indices):
        return _index_list([(i, tree_unflatten(sub)) for i, sub in zip(indices, groups.values())])
    return {k: tree_unflatten(sub) for k, sub in groups.items()}


def tree_reduce(fn, tree, initializer=None, is_leaf=None):
    """Fold the leaves of a tree into one value with ``fn(accumulator, leaf)``.

    Parameters
    ----------
    fn : Callable
        Called as ``fn(accumulator, leaf)`` for each leaf, depth first; returns the new accumulator.
    tree : Any
        The tree whose leaves are folded.
    initializer : Any, optional
        The first accumulator. Default: ``None``: the first leaf is the first accumulator.
    is_leaf : Callable, optional
        ``is_leaf(node)`` returning true makes ``node`` a leaf even when it is a list, tuple or
        dict. Default: ``None``.

    Returns
    -------
    Any
        The final accumulator; ``None`` for a tree without leaves and no ``initializer``.

    Examples
    --------
    >>> tree = {"a": [1, 2], "b": {"c": 3}}
    >>> utils.tree_reduce(lambda acc, x: acc + x, tree)
    6
    >>> utils.tree_reduce(lambda acc, x: acc + x, tree, 100)
    106
    >>> utils.tree_reduce(lambda acc, x: acc + x.size, {"w": mx.zeros((2, 3)), "b": mx.zeros(3)}, 0)
    9
    """
    acc = initializer
    for _, leaf in tree_flatten(tree, is_leaf=is_leaf):
        acc = leaf if acc is None else fn(acc, leaf)
    return acc


def _is_empty_node(x):
    return _is_node(x) and len(x) == 0


def tree_merge(tree_a, tree_b, merge_fn=None):
    """Merge two trees that hold their leaves at different places.

    Where one tree has ``None`` or an empty list, tuple or dict, the other tree's value is taken.
    Dicts merge key by key (``tree_a``'s keys first), lists and tuples index by index (the shorter
    padded with ``None``) into ``tree_a``'s type. Two leaves at the same place (two ``None``
    included) are combined by ``merge_fn``.

    Parameters
    ----------
    tree_a : Any
        The first tree.
    tree_b : Any
        The second tree.
    merge_fn : Callable, optional
        ``merge_fn(a, b)`` combines two leaves found at the same place. Default: ``None``: such
        leaves raise ValueError.

    Returns
    -------
    Any
        The merged tree.

    Raises
    ------
    ValueError
        When both trees have a leaf at the same place and no ``merge_fn`` is given, or when two
        empty nodes of different types meet.

    Examples
    --------
    >>> utils.tree_merge({"a": 1}, {"b": [2]})
    {'a': 1, 'b': [2]}
    >>> utils.tree_merge([1, None], [None, 2])
    [1, 2]
    >>> utils.tree_merge({"a": 1}, {"a": 2}, merge_fn=lambda a, b: a + b)
    {'a': 3}
    """
    if _is_empty_node(tree_a) and _is_empty_node(tree_b):
        if type(tree_a) is not type(tree_b):
            raise ValueError(f"Cannot merge {type(tree_a).__name__} with {type(tree_b).__name__}")
        return tree_a
    # an empty node holds nothing: it counts as an absent value
    if _is_empty_node(tree_a):
        tree_a = None
    if _is_empty_node(tree_b):
        tree_b = None
    if tree_a is None and tree_b is not None:
        return tree_b
    if tree_b is None and tree_a is not None:
        return tree_a
    if isinstance(tree_a, (list, tuple)) and isinstance(tree_b, (list, tuple)):
        n = max(len(tree_a), len(tree_b))
        merged = [tree_merge(tree_a[i] if i < len(tree_a) else None,
                             tree_b[i] if i < len(tree_b) else None, merge_fn) for i in range(n)]
        return _rebuild(tree_a, merged)
    if isinstance(tree_a, dict) and isinstance(tree_b, dict):
        keys = list(tree_a) + [k for k in tree_b if k not in tree_a]
        return {k: tree_merge(tree_a.get(k), tree_b.get(k), merge_fn) for k in keys}
    if merge_fn is None:
        raise ValueError("Trees contain elements at the same locations but no merge function was provided")
    return merge_fn(tree_a, tree_b)
