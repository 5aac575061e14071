"""mlxcy.utils: helpers for trees (nested lists, tuples and dicts) of arrays, as mlx.utils."""
from collections import defaultdict
from typing import Any, Callable, Dict, List, Optional, Tuple, Union

__all__ = ["tree_flatten", "tree_unflatten", "tree_map", "tree_map_with_path", "tree_reduce", "tree_merge"]


def _is_container(x):
    return isinstance(x, (list, tuple, dict))


def tree_map(fn: Callable, tree: Any, *rest: Any, is_leaf: Optional[Callable] = None) -> Any:
    """Apply ``fn`` to the leaves of ``tree`` (and the matching leaves of each tree in ``rest``),
    returning a tree of the same structure. ``rest`` trees may have extra entries."""
    if is_leaf is not None and is_leaf(tree):
        return fn(tree, *rest)
    if isinstance(tree, (list, tuple)):
        items = [tree_map(fn, child, *[r[i] for r in rest], is_leaf=is_leaf) for i, child in enumerate(tree)]
        return type(tree)(items) if not hasattr(tree, "_fields") else type(tree)(*items)
    if isinstance(tree, dict):
        return {k: tree_map(fn, child, *[r[k] for r in rest], is_leaf=is_leaf) for k, child in tree.items()}
    return fn(tree, *rest)


def tree_map_with_path(fn: Callable, tree: Any, *rest: Any, is_leaf: Optional[Callable] = None,
                       path: Optional[Any] = None) -> Any:
    """Like :func:`tree_map`, with ``fn(path, leaf, *rest_leaves)`` where ``path`` is the
    dotted location of the leaf (``"layers.0.weight"``)."""
    if is_leaf is not None and is_leaf(tree):
        return fn(path, tree, *rest)

    def sub(key):
        return str(key) if path is None else f"{path}.{key}"

    if isinstance(tree, (list, tuple)):
        items = [tree_map_with_path(fn, child, *[r[i] for r in rest], is_leaf=is_leaf, path=sub(i))
                 for i, child in enumerate(tree)]
        return type(tree)(items) if not hasattr(tree, "_fields") else type(tree)(*items)
    if isinstance(tree, dict):
        return {k: tree_map_with_path(fn, child, *[r[k] for r in rest], is_leaf=is_leaf, path=sub(k))
                for k, child in tree.items()}
    return fn(path, tree, *rest)


def tree_flatten(tree: Any, prefix: str = "", is_leaf: Optional[Callable] = None,
                 destination: Union[List[Tuple[str, Any]], Dict[str, Any], None] = None):
    """The leaves of ``tree`` as ``(dotted path, leaf)`` pairs, in order.

    ``destination`` may be a list (extended) or a dict (updated) to collect into.
    As in the reference, the first character of each path is dropped (the separator that
    joins ``prefix`` to the first key), so ``prefix`` itself reads as ``prefix[1:]``.
    """
    out = [] if destination is None else destination
    add = out.append if isinstance(out, list) else (lambda kv: out.__setitem__(*kv))

    def walk(node, path):
        if (is_leaf is None or not is_leaf(node)) and isinstance(node, (list, tuple)):
            for i, child in enumerate(node):
                walk(child, f"{path}.{i}")
        elif (is_leaf is None or not is_leaf(node)) and isinstance(node, dict):
            for k, child in node.items():
                walk(child, f"{path}.{k}")
        else:
            add((path[1:], node))

    walk(tree, prefix)
    return out


def tree_unflatten(tree: Union[List[Tuple[str, Any]], Dict[str, Any]]) -> Any:
    """Rebuild nested lists and dicts from ``(dotted path, leaf)`` pairs (or a dict of them).

    A level whose keys are all integers becomes a list; missing indices hold ``{}``."""
    items = list(tree.items()) if isinstance(tree, dict) else list(tree)
    if len(items) == 1 and items[0][0] == "":
        return items[0][1]
    children = defaultdict(list)
    for path, value in items:
        head, _, rest = path.partition(".")
        children[head].append((rest, value))
    if children and all(k.isdigit() for k in children):
        # indices with no leaves (e.g. a parameter-free layer) become empty dicts
        out = [{} for _ in range(max(int(k) for k in children) + 1)]
        for k, v in children.items():
            out[int(k)] = tree_unflatten(v)
        return out
    return {k: tree_unflatten(v) for k, v in children.items()}


def tree_reduce(fn, tree, initializer=None, is_leaf=None):
    """Fold ``fn(accumulator, leaf)`` over the leaves of ``tree``, starting at ``initializer``
    (or the first leaf when it is None)."""
    acc = initializer
    first = initializer is None
    for _, leaf in tree_flatten(tree, is_leaf=is_leaf):
        if first:
            acc, first = leaf, False
        else:
            acc = fn(acc, leaf)
    return acc


def tree_merge(tree_a, tree_b, merge_fn=None):
    """Combine two trees. Where only one has a value it is kept (None counts as absent);
    where both do, ``merge_fn(a, b)`` decides, and without one that is a ValueError."""
    if tree_a is None:
        return tree_b
    if tree_b is None:
        return tree_a
    if isinstance(tree_a, dict) and isinstance(tree_b, dict):
        keys = list(tree_b) + [k for k in tree_a if k not in tree_b]
        return {k: tree_merge(tree_a.get(k), tree_b.get(k), merge_fn) for k in keys}
    if isinstance(tree_a, (list, tuple)) and isinstance(tree_b, (list, tuple)) and type(tree_a) is type(tree_b):
        n = max(len(tree_a), len(tree_b))
        pick = lambda t, i: t[i] if i < len(t) else None
        return type(tree_a)(tree_merge(pick(tree_a, i), pick(tree_b, i), merge_fn) for i in range(n))
    if _is_container(tree_a) or _is_container(tree_b):
        raise ValueError("Trees contain elements at the same locations but with different structures.")
    if merge_fn is None:
        raise ValueError("Trees contain elements at the same locations but no merge function was provided")
    return merge_fn(tree_a, tree_b)
