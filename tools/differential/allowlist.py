"""Intended differences between mlxcy and the reference binding.

Each entry mirrors one row of docs/differences.md (quoted in `row`, the table's first column)
and says, as a predicate on (case label, case source, reference result, mlxcy result), which
observed differences that row explains. Nothing else belongs here: a difference that is a bug,
even a known one being fixed, is not allowlisted; it fails the test until it is fixed.
"""
import re
from dataclasses import dataclass
from typing import Callable


@dataclass(frozen=True)
class Allowed:
    row: str                                     # first column of the docs/differences.md row
    why: str
    matches: Callable[[str, str, dict, dict, tuple], bool]   # diff: compare()'s (kind, detail)


def _exc(res, *types):
    return res.get("t") == "exc" and (not types or res["type"] in types)


def _ok(res):
    return res.get("t") not in ("exc", "crash", "hang")


def _indexing(label, src=""):
    # generated indexing cases, or a hand-written edge case subscripting an array expression
    return label in ("getitem", "setitem") or (label == "edge_case" and re.search(r"\)\[", src) is not None)


_OOB = re.compile(r"index (-?\d+) is out of bounds for axis \d+ with size (\d+)")
# The call's first argument is a Python list/tuple/number/bool or a NumPy value, not an array,
# or a later positional argument (before any keyword) is a list literal.
_NON_ARRAY_FIRST_ARG = re.compile(r"^(?:mx|mx\.\w+)\.\w+\((?:\[|\(|-?\d|True|False|np\.)")
_LIST_POSITIONAL = re.compile(r"^(?:mx|mx\.\w+)\.\w+\([^=()]*, \[")


def _really_out_of_bounds(msg):
    """mlxcy's IndexError names the index and the axis size: check that the index is out of range."""
    m = _OOB.search(msg)
    if not m:
        return False
    index, size = int(m.group(1)), int(m.group(2))
    return not -size <= index < size


def _has_int_beyond_int64(src):
    literals = [int(x) for x in re.findall(r"(?<![\w.*])\d+(?![\w.])", src)]
    powers = [2 ** int(p) for p in re.findall(r"2\*\*(\d+)", src)]
    return any(v >= 2**63 for v in literals + powers)


def _last_line(src):
    return src.strip().splitlines()[-1]


def _reference_rejects_non_array(ref):
    return (_exc(ref, "TypeError") and "incompatible function arguments" in ref["msg"]) or (
        _exc(ref, "ValueError") and "received in array initialization" in ref["msg"])


ALLOWED = [
    Allowed(
        row="`a[mask]` with a boolean mask",
        why="mlxcy gives NumPy's result where the reference refuses boolean indices",
        matches=lambda label, src, ref, ours, diff: (
            _indexing(label, src) and _exc(ref) and "boolean" in ref["msg"].lower() and not _exc(ours, "ValueError"))),
    Allowed(
        row="out-of-bounds integer index `a[5]`",
        why="mlxcy raises NumPy's IndexError (checked: the index it names is out of range) where the "
            "reference clamps, reads garbage or fails inside take/squeeze",
        matches=lambda label, src, ref, ours, diff: (
            _indexing(label, src) and not _exc(ref, "IndexError") and _exc(ours, "IndexError")
            and _really_out_of_bounds(ours["msg"]))),
    Allowed(
        row="`array(2**63)`, `array([2**63])`, ints beyond int64",
        why="mlxcy raises ValueError naming the integer where the reference raises std::bad_cast",
        matches=lambda label, src, ref, ours, diff: (
            _exc(ref, "RuntimeError") and "bad_cast" in ref["msg"] and _exc(ours, "ValueError", "OverflowError")
            and _has_int_beyond_int64(src))),
    Allowed(
        row="`array(2**63, uint64)` (fits uint64)",
        why="an integer that fits uint64 converts where the reference raises std::bad_cast",
        matches=lambda label, src, ref, ours, diff: (
            _exc(ref, "RuntimeError") and "bad_cast" in ref["msg"] and _ok(ours) and _has_int_beyond_int64(src))),
    Allowed(
        row="element-wise/reduction ops given lists, scalars or NumPy arrays (`mx.sum(3)`, `mx.exp([1, 2])`)",
        why="mlxcy converts a list/scalar/NumPy first argument as mx.array would, so the call either "
            "works or fails the way the converted call fails; the reference refuses the argument",
        matches=lambda label, src, ref, ours, diff: (
            label.startswith("mx.") and _reference_rejects_non_array(ref)
            and (_NON_ARRAY_FIRST_ARG.match(_last_line(src)) or _LIST_POSITIONAL.match(_last_line(src))))),
    Allowed(
        row="`asarray(a)` / `asarray(a, copy=False)` / `from_dlpack(a, copy=False)` of an mlx array",
        why="mlxcy returns the array itself where the reference refuses to avoid a copy",
        matches=lambda label, src, ref, ours, diff: (
            label in ("mx.asarray", "mx.from_dlpack") and "copy=False" in src and _exc(ref, "ValueError")
            and ("avoid copy" in ref["msg"] or "without a copy" in ref["msg"]) and _ok(ours))),
    Allowed(
        row="`take(a, -1)`",
        why="a negative integer index wraps where the reference fails in squeeze",
        matches=lambda label, src, ref, ours, diff: (
            label == "mx.take" and _exc(ref, "ValueError") and "squeeze" in ref["msg"] and _ok(ours)
            and re.search(r"take\([^,]+, -\d+", _last_line(src)) is not None)),
    Allowed(
        row="type of functions and transformed functions (`type(mx.sum)`, `type(mx.grad(f))`)",
        why="the callables differ only in their type's name",
        matches=lambda label, src, ref, ours, diff: (
            (diff[0] == "type_name" and "callable type" in diff[1])
            or (diff[0] == "py_value" and "__name__" in src and ref.get("v") in ("nb_func", "nb_method", "_gc_func")
                and ours.get("v") in ("cython_function_or_method", "_ValueAndGrad", "_Vmapped", "_Compiled")))),
]


def explain(label, src, ref, ours, diff):
    """The allowlist entry that explains this difference, or None."""
    for entry in ALLOWED:
        try:
            if entry.matches(label, src, ref, ours, diff):
                return entry
        except (KeyError, TypeError):
            continue
    return None
