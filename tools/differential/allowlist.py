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


_SIZE1_BROADCAST = re.compile(r"Cannot broadcast array of shape \((1,)*1?\) into shape")
_POSITIONAL_PER_SIGNATURE = {"mx.array_equal", "mx.isnan", "mx.isinf", "mx.isfinite", "mx.isposinf",
                             "mx.isneginf", "mx.view", "mx.bitwise_invert"}
_INT_LEFT_OPERAND = re.compile(r"^\(?-?(\d+|\d+\*\*\d+|True|False|np\.u?int\d+\(-?\d+\))\)? *(\||&|\^|<<|>>) ")


def _positional_python_value(msg):
    """The reference's parser refused a positional Python scalar or list (from its 'Invoked with
    types' line), where mlxcy converts it as mx.array would."""
    m = re.search(r"Invoked with types: (.*)", msg)
    if not m:
        return False
    positional = m.group(1).split("kwargs")[0]
    return any(t in ("int", "float", "complex", "bool", "list", "tuple")
               for t in (x.strip() for x in positional.split(",")))


def _has_int_beyond_int32(src):
    literals = [int(x) for x in re.findall(r"(?<![\w.*])\d+(?![\w.])", src)]
    powers = [2 ** int(p) for p in re.findall(r"2\*\*(\d+)", src)]
    return any(v > 2**31 for v in literals + powers)


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
            and (_NON_ARRAY_FIRST_ARG.match(_last_line(src)) or _LIST_POSITIONAL.match(_last_line(src))
                 or _positional_python_value(ref["msg"])) and not _exc(ours, "TypeError"))),
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
    Allowed(
        row="slice bounds or steps beyond 32 bits (`a[1:2**31]`, `a[:2**63]`, `a[::2**40]`)",
        why="mlxcy clamps slice bounds to the axis as Python and NumPy do; the reference refuses them",
        matches=lambda label, src, ref, ours, diff: (
            _indexing(label, src) and _ok(ours) and (
                (_exc(ref, "ValueError") and "Slice indices must be 32-bit" in ref["msg"])
                or (_exc(ref, "RuntimeError") and "bad_cast" in ref["msg"] and ":" in src)))),
    Allowed(
        row="a size-1 array assigned to one element (`a[1, 2] = mx.array([5])`, `a[-1,] = mx.array([True])`)",
        why="the value's leading size-1 dimensions are dropped as in NumPy",
        matches=lambda label, src, ref, ours, diff: (
            label == "setitem" and _ok(ours) and _exc(ref, "ValueError")
            and _SIZE1_BROADCAST.search(ref["msg"]) is not None)),
    Allowed(
        row="`a[...] = v`, and `a[None] = v` on a 0-d array (also written `a[...,]`, `a[None,]`)",
        why="v is cast to a's dtype as for every other index; the reference replaces a by v",
        matches=lambda label, src, ref, ours, diff: (
            label == "setitem" and any(form in src for form in ("[None] =", "[...] =", "[None,] =", "[...,] ="))
            and diff[0] in ("dtype", "values"))),
    Allowed(
        row="a tuple or list as one entry of a longer index (`a[None, (1, 2)]`, `a[(1, 2), 0:3]`)",
        why="mlxcy reads it as an integer-array index, as NumPy does",
        matches=lambda label, src, ref, ours, diff: (
            _indexing(label, src) and _ok(ours) and _exc(ref, "ValueError")
            and "Cannot index mx array using the given type yet" in ref["msg"])),
    Allowed(
        row="a lone `True`/`False` index assigned a value that does not broadcast to the array (`a0d[True] = mx.ones(3)`)",
        why="mlxcy raises NumPy's broadcast ValueError; the reference writes an arbitrary element",
        matches=lambda label, src, ref, ours, diff: (
            label == "setitem" and re.search(r"\[(True|False)\] =", src) is not None and _ok(ref)
            and _exc(ours, "ValueError") and "broadcast" in ours["msg"])),
    Allowed(
        row="`a[mask] = v` with a size-1 `v`",
        why="v broadcasts to every selected element, as in NumPy; the reference fails at evaluation",
        matches=lambda label, src, ref, ours, diff: (
            label == "setitem" and _ok(ours) and _exc(ref, "RuntimeError")
            and "Source does not have enough elements for mask" in ref["msg"])),
    Allowed(
        row="`array_equal(a, b, True)`, `isnan(a, mx.cpu)` (and the other `is*` tests), `view(a, dtype, mx.cpu)`",
        why="mlxcy follows the reference's published signature where its parser refuses positional use",
        matches=lambda label, src, ref, ours, diff: (
            label in _POSITIONAL_PER_SIGNATURE and not _exc(ours, "TypeError") and _exc(ref, "TypeError")
            and "incompatible function arguments" in ref["msg"] and "=" not in _last_line(src).split("(", 1)[1])),
    Allowed(
        row="arguments of a type libmlx cannot read (`mx.depends(a, {})`, `mx.einsum_path(\"ij\", [[1]])`, `mx.zeros({})`)",
        why="mlxcy names the bad argument where the reference raises std::bad_cast",
        matches=lambda label, src, ref, ours, diff: (
            _exc(ref, "RuntimeError") and "bad_cast" in ref["msg"] and _exc(ours))),
    Allowed(
        row="invalid arguments on which libmlx fails with an internal error (`mx.conv_transpose1d(x, w, groups=-1)`: `IndexError: SmallVector out of range`)",
        why="mlxcy checks the argument first",
        matches=lambda label, src, ref, ours, diff: (
            _exc(ref, "IndexError") and "SmallVector out of range" in ref["msg"] and _exc(ours, "ValueError"))),
    Allowed(
        row="`pickle` of a float64 array",
        why="the reference's pickle loses float64",
        matches=lambda label, src, ref, ours, diff: (
            "pickle" in src and diff[0] == "dtype" and ref.get("dtype") == "float32" and ours.get("dtype") == "float64")),
    Allowed(
        row="a Python int beyond int32 next to a bool array (`bool_array % 2**40`, `bool_array == -2**63`, `2**40 / bool_array`)",
        why="the reference wraps the int to int32",
        matches=lambda label, src, ref, ours, diff: (
            (label == "operator" or label.startswith("mx.")) and "mx.bool_" in src and _has_int_beyond_int32(src)
            and diff[0] in ("dtype", "values"))),
    Allowed(
        row="`a.at[...]` updates (`add`, `divide`, `maximum`, ...)",
        why="the reference promotes a and v only for the `...` index",
        matches=lambda label, src, ref, ours, diff: (
            label == "array.at" and ".at[...]" in src and diff[0] in ("dtype", "values"))),
    Allowed(
        row="libmlx failing with `std::length_error` (`mx.array(1.0, mx.float64).argmin(keepdims=True)`)",
        why="Cython maps std::length_error to RuntimeError, nanobind to ValueError",
        matches=lambda label, src, ref, ours, diff: (
            _exc(ref, "ValueError") and _exc(ours, "RuntimeError") and ref["msg"] == ours["msg"]
            and "max_size()" in ref["msg"])),
    Allowed(
        row="default repr of compiled helper objects (`iter(a)`, `mx.random.state`)",
        why="compiled classes keep their extension module in the default repr",
        matches=lambda label, src, ref, ours, diff: (
            diff[0] == "object" and ref.get("t") == "obj" and ours.get("t") == "obj"
            and ours.get("repr", "").replace("mx._core.", "mx.") == ref.get("repr"))),
    Allowed(
        row="`np.asarray(a)` / `np.array(a)` of a bfloat16 array",
        why="mlxcy hands NumPy an ml_dtypes.bfloat16 view where the reference cannot export bfloat16",
        matches=lambda label, src, ref, ours, diff: (
            _exc(ref, "ValueError") and "'bfloat16' is not a valid PEP 3118" in ref["msg"] and _ok(ours))),
    Allowed(
        row="a Python or NumPy integer on the left of a bitwise or shift operator (`2 \\| a`, `1 << a`)",
        why="mlxcy defines the reflected bitwise operators for integers, as NumPy does",
        matches=lambda label, src, ref, ours, diff: (
            label == "operator" and _ok(ours) and _exc(ref, "TypeError") and "unsupported operand" in ref["msg"]
            and _INT_LEFT_OPERAND.match(_last_line(src)) is not None)),
    Allowed(
        row="the activations the reference compiles (`nn.prelu`, `nn.softmax`, `nn.softmin`, `nn.log_softmax`) after a call on an empty input",
        why="the reference's shapeless compiled trace goes stale after an empty input: later calls return "
            "results of the wrong shape, the input itself, or NaN (tests/test_nn_* check mlxcy's against NumPy)",
        matches=lambda label, src, ref, ours, diff: (
            label in ("nn.prelu", "nn.softmax", "nn.softmin", "nn.log_softmax")
            and diff[0] in ("shape", "values", "dtype", "ours_raises"))),
    Allowed(
        row="`pad(a, w, constant_values=<empty array>)`",
        why="libmlx reads the fill value from outside the empty buffer",
        matches=lambda label, src, ref, ours, diff: (
            label == "mx.pad" and _ok(ref) and _exc(ours, "ValueError")
            and "constant_values is an empty array" in ours["msg"])),
    Allowed(
        row="`linalg.inv`, `tri_inv`, `cholesky_inv`, `lu`, `lu_factor` of empty matrices (`mx.zeros((0, 0))`); `quantize`/`dequantize`/`quantized_matmul`/`gather_qmm` with `group_size` or `bits` 0 or negative",
        why="the group arguments are checked before libmlx sees them; gather_qqmm (NYI on the reference's "
            "CPU backend) takes the same check, which its CUDA path needs",
        matches=lambda label, src, ref, ours, diff: (
            label in ("mx.gather_qqmm", "mx.qqmm") and _exc(ours, "ValueError") and _exc(ref, "RuntimeError")
            and "NYI" in ref["msg"] and "must be positive" in ours["msg"])),
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
