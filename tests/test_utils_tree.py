from collections import namedtuple

import numpy as np
import pytest

import mlxcy as mx
from mlxcy.utils import tree_flatten, tree_map, tree_map_with_path, tree_merge, tree_reduce, tree_unflatten

TREE = {"a": [1, (2, 3)], "b": {"c": 4, "d": []}, "e": None, "f": {}}


def test_flatten_paths_and_empty_nodes():
    assert tree_flatten(TREE) == [("a.0", 1), ("a.1.0", 2), ("a.1.1", 3), ("b.c", 4), ("e", None)]
    assert tree_flatten(5) == [("", 5)]


def test_flatten_prefix_drops_first_character():
    assert tree_flatten([1, 2], prefix=".x") == [("x.0", 1), ("x.1", 2)]
    assert tree_flatten({"a": 1}, prefix="p") == [(".a", 1)]


def test_flatten_is_leaf_and_destination():
    assert tree_flatten(TREE, is_leaf=lambda x: isinstance(x, tuple))[1] == ("a.1", (2, 3))
    d = {}
    assert tree_flatten(TREE, destination=d) is d and d["b.c"] == 4
    lst = [("z", 0)]
    assert tree_flatten([7], destination=lst) == [("z", 0), ("0", 7)]
    with pytest.raises(ValueError, match="Destination"):
        tree_flatten(TREE, destination=3)


def test_unflatten_roundtrip_and_lists():
    assert tree_unflatten(tree_flatten(TREE)) == {"a": [1, [2, 3]], "b": {"c": 4}, "e": None}
    assert tree_unflatten(dict(tree_flatten(TREE))) == {"a": [1, [2, 3]], "b": {"c": 4}, "e": None}
    assert tree_unflatten([("1", "b"), ("0", "a")]) == ["a", "b"]
    assert tree_unflatten([("0", 1), ("2", 2)]) == [1, {}, 2]
    assert tree_unflatten([(str(i), i) for i in range(12)]) == list(range(12))
    assert tree_unflatten([("", 1)]) == 1
    assert tree_unflatten([]) == []
    assert tree_unflatten([("a.0.x", 1), ("a.1", 2), ("b", 3)]) == {"a": [{"x": 1}, 2], "b": 3}


def test_tree_map():
    assert tree_map(lambda x: x * 2, {"a": [1, (2,)]}) == {"a": [2, (4,)]}
    assert tree_map(lambda x, y: x + y, {"a": 1, "b": [2]}, {"a": 10, "b": [20]}) == {"a": 11, "b": [22]}
    # rest may be deeper than tree: the subtree is passed whole
    assert tree_map(lambda x, y: (x, y), {"a": 1}, {"a": [5, 6]}) == {"a": (1, [5, 6])}
    assert tree_map(len, {"a": [1, 2], "b": [3]}, is_leaf=lambda x: isinstance(x, list)) == {"a": 2, "b": 1}
    P = namedtuple("P", "x y")
    assert tree_map(lambda x: x + 1, P(1, 2)) == P(2, 3)
    with pytest.raises(KeyError):
        tree_map(lambda x, y: x, {"a": 1, "b": 2}, {"a": 1})
    with pytest.raises(TypeError):
        tree_map(lambda x: x * 2, {"a": None})   # None is a leaf


def test_tree_map_arrays():
    t = {"w": mx.ones((2,)), "b": [mx.zeros((3,))]}
    r = tree_map(lambda a: a + 1, t)
    np.testing.assert_array_equal(np.array(r["w"]), [2, 2])
    np.testing.assert_array_equal(np.array(r["b"][0]), [1, 1, 1])


def test_tree_map_with_path():
    assert tree_map_with_path(lambda p, x: p, (1, [2, {"k": 3}])) == ("0", ["1.0", {"k": "1.1.k"}])
    assert tree_map_with_path(lambda p, x: p, {"a": [1]}, path="root") == {"a": ["root.a.0"]}
    assert tree_map_with_path(lambda p, x: p, 3) is None
    assert tree_map_with_path(lambda p, x, y: x + y, {"a": [1]}, {"a": [2]}) == {"a": [3]}


def test_tree_reduce():
    assert tree_reduce(lambda acc, x: acc + x, {"a": [1, 2], "b": 3}, 0) == 6
    assert tree_reduce(lambda acc, x: acc + x, {"a": [1, 2], "b": 3}) == 6
    assert tree_reduce(lambda acc, x: acc + x, {}) is None
    assert tree_reduce(lambda acc, x: acc + [x], {"a": [1, 2], "b": [3]}, [],
                       is_leaf=lambda x: isinstance(x, list)) == [[1, 2], [3]]


def test_tree_merge():
    assert tree_merge({"a": 1, "b": None}, {"b": 2, "c": 3}) == {"a": 1, "b": 2, "c": 3}
    assert tree_merge([1, None, [None]], [None, 2, [3]]) == [1, 2, [3]]
    assert tree_merge((1, None), (None, 2)) == (1, 2)
    assert tree_merge([1], [None, 2]) == [1, 2]
    assert tree_merge({"a": 1}, {"a": 2}, merge_fn=lambda a, b: a + b) == {"a": 3}
    assert tree_merge(None, {"a": 2}) == {"a": 2}
    for a, b in [({"a": 1}, {"a": 2}), ([1], {"a": 2}), ({"a": {"b": 1}}, {"a": 2}), (None, None)]:
        with pytest.raises(ValueError, match="merge function"):
            tree_merge(a, b)


def test_tree_merge_empty_nodes_count_as_absent():
    # an empty dict/list on one side leaves the other side's value (the user-reported case)
    assert tree_merge({"a": 1, "b": {}}, {"a": {}, "b": 2}) == {"a": 1, "b": 2}
    assert tree_merge([1, []], [[], 2]) == [1, 2]
    assert tree_merge({"x": 1}, []) == {"x": 1}
    assert tree_merge({}, 1) == 1
    # two empty nodes of one type merge into an empty node; of two types they cannot
    assert tree_merge({}, {}) == {}
    assert tree_merge([], []) == []
    with pytest.raises(ValueError, match="list.*tuple"):
        tree_merge([], ())
    with pytest.raises(ValueError, match="dict.*list"):
        tree_merge({"x": {}}, {"x": []})
    # an empty node against None is two absent values: merge_fn decides, or it is an error
    with pytest.raises(ValueError):
        tree_merge(None, {})
    with pytest.raises(ValueError):
        tree_merge(None, None)
    assert tree_merge({}, None, merge_fn=lambda a, b: ("merged", a, b)) == ("merged", None, None)
    # the first tree's sequence type is kept, a named tuple included
    P = namedtuple("P", "x y")
    assert tree_merge(P(1, None), [None, 2]) == P(1, 2)
    assert type(tree_merge((None, 2), P(1, None))) is tuple


def test_tree_unflatten_only_distinct_integer_keys_make_lists():
    # "01" and "1" both read as index 1: the level is a dict keeping both keys
    assert tree_unflatten([("01", "a"), ("1", "b")]) == {"01": "a", "1": "b"}
    assert tree_unflatten([("0", "a"), ("00", "b")]) == {"0": "a", "00": "b"}
    # a key that int() reads is an index ("01" is 1); gaps hold {}
    assert tree_unflatten([("01", "a")]) == [{}, "a"]
    assert tree_unflatten([("01", "x"), ("2", "y")]) == [{}, "x", "y"]
    # indices below the current length take the next place, in index order
    assert tree_unflatten([("-1", "a"), ("0", "b")]) == ["a", "b"]
    assert tree_unflatten([("-2", "a"), ("3", "b")]) == ["a", {}, {}, "b"]
    # anything int() refuses makes the level a dict
    assert tree_unflatten([("1e3", "a")]) == {"1e3": "a"}
    assert tree_unflatten([("0", "a"), ("x", "b")]) == {"0": "a", "x": "b"}
    assert tree_unflatten([("1.0", "a"), ("01.1", "b")]) == {"1": ["a"], "01": [{}, "b"]}


def test_flatten_fast_path_matches_the_generic_walk():
    # is_leaf=lambda: False takes the generic walk; the same pairs, hand-checked for one case
    Point = namedtuple("Point", "x y")
    trees = [TREE, [], {}, 5, None, [[[]], [1]], (Point(1, [2]), {"k": (3,)}), {1: "a", (2, 3): [4]},
             [mx.ones((1,)), {"w": mx.zeros((2,))}]]
    for tree in trees:
        for prefix in ("", ".", ".m", "p", "ab.c"):
            fast = tree_flatten(tree, prefix=prefix)
            generic = tree_flatten(tree, prefix=prefix, is_leaf=lambda _: False)
            assert [k for k, _ in fast] == [k for k, _ in generic]
            assert all(a is b for (_, a), (_, b) in zip(fast, generic))
    assert tree_flatten({1: "a", (2, 3): [4]}, prefix=".m") == [("m.1", "a"), ("m.(2, 3).0", 4)]
    assert tree_flatten([[[]], [1]], prefix="ab.c") == [("b.c.1.0", 1)]


def test_flatten_into_a_list_subclass():
    class Log(list):
        pass

    out = Log([("old", 0)])
    assert tree_flatten({"a": [1]}, destination=out) is out
    assert out == [("old", 0), ("a.0", 1)]
