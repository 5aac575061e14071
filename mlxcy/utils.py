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
    """Apply ``fn`` to every leaf of ``tree`` (and the matching nodes of ``rest``), keeping its shape.

    Each tree in ``rest`` must have ``tree``'s structure at least down to ``tree``'s leaves (it may
    go deeper: the whole subtree is passed). ``is_leaf(node)`` returning true stops the descent.
    """
    if (is_leaf is None or not is_leaf(tree)) and _is_node(tree):
        return _rebuild(tree, [tree_map(fn, child, *[r[k] for r in rest], is_leaf=is_leaf)
                               for k, child in _children(tree)])
    return fn(tree, *rest)


def tree_map_with_path(fn: Callable, tree: Any, *rest: Any, is_leaf: Optional[Callable] = None,
                       path: Optional[Any] = None) -> Any:
    """Like :func:`tree_map`, but ``fn`` also receives the leaf's path first: ``fn(path, leaf, *rest)``.

    ``path`` is the prefix of the paths (``None`` at the root, where a bare leaf gets path ``None``).
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
    """The leaves of ``tree`` as ``(path, leaf)`` pairs, depth first; empty nodes vanish.

    ``prefix`` is read as a path that already ends in a separator: its first character is dropped
    (``prefix=".model"`` gives ``"model.0"``). ``destination`` (a list or dict) receives the pairs
    in place and is returned; by default a new list is.
    """
    if destination is None:
        destination = []
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
    """Rebuild a tree from ``(path, leaf)`` pairs (or a ``{path: leaf}`` dict), as from :func:`tree_flatten`.

    A level whose keys all read as distinct integers becomes a list (missing indices hold
    ``{}``); any other level becomes a dict keyed by the path strings.
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
    """Fold the leaves of ``tree`` with ``fn(accumulator, leaf)``, starting from ``initializer``.

    Without an initializer the first leaf starts the fold; with none at all the result is None.
    """
    acc = initializer
    for _, leaf in tree_flatten(tree, is_leaf=is_leaf):
        acc = leaf if acc is None else fn(acc, leaf)
    return acc


def _is_empty_node(x):
    return _is_node(x) and len(x) == 0


def tree_merge(tree_a, tree_b, merge_fn=None):
    """Merge two trees: where one side is ``None`` or an empty node, the other side is taken.

    Lists/tuples merge index by index (the shorter padded with ``None``) into ``tree_a``'s type,
    dicts key by key; two leaves at the same place (two ``None`` included) are combined by
    ``merge_fn(a, b)``, or raise ValueError without one. Two empty nodes of different types
    (``[]`` and ``()``) cannot be merged.
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
