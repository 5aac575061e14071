"""Differential testing against the reference binding (mlx 0.32.4): tools/differential.

test_matches_reference runs MLXCY_DIFF_CASES generated cases (default below: sized so this file
takes ~3 minutes on 2 cores) with seed MLXCY_DIFF_SEED under the reference and under mlxcy, and
fails listing every difference that tools/differential/allowlist.py (rows of docs/differences.md)
does not explain. The reference interpreter is $MLXCY_REFERENCE_PYTHON, else .refvenv/bin/python
in the repository (.ci/run creates it); without it that test skips. The other tests check the
harness itself and need no reference.
"""
import importlib
import os
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
CASES = int(os.environ.get("MLXCY_DIFF_CASES", "20000"))
SEED = int(os.environ.get("MLXCY_DIFF_SEED", "20261201"))


def _import_tools():
    # tools/ is not installed: import it from the checkout without leaving the checkout (and its
    # source mlxcy/ folder) on sys.path.
    sys.path.insert(0, str(REPO))
    try:
        return {name: importlib.import_module(f"tools.differential.{name}")
                for name in ("allowlist", "compare", "generator", "report", "runner")}
    finally:
        sys.path.remove(str(REPO))


T = _import_tools()


def test_matches_reference():
    ref = T["runner"].reference_python()
    problem = T["runner"].reference_problem(ref)
    if problem:
        pytest.skip(problem)
    sweep = T["report"].run_sweep(CASES, SEED, ref)
    assert len(sweep.cases) == CASES
    if sweep.differences:
        pytest.fail(sweep.failure_text(), pytrace=False)


def test_generator_is_deterministic_and_prefix_stable():
    gen = T["generator"].generate
    a, b = gen(300, 7), gen(300, 7)
    assert a == b
    assert gen(120, 7) == a[:120]
    assert gen(300, 8) != a


def test_every_public_name_has_cases_or_a_reason():
    g = T["generator"]
    inv = g.load_inventory()
    covered, skipped = g.covered_names(inv)
    covered = set(covered)
    prefixes = {"mlx.core": "mx", "mlx.core.fft": "mx.fft", "mlx.core.linalg": "mx.linalg",
                "mlx.core.random": "mx.random", "mlx.core.fast": "mx.fast", "mlx.nn": "nn",
                "mlx.nn.losses": "nn.losses", "mlx.nn.init": "nn.init", "mlx.optimizers": "optim",
                "mlx.utils": "utils"}
    missing = []
    for ns, pre in prefixes.items():
        for name, info in inv[ns].items():
            if info["kind"] not in ("function", "class") or name in skipped:
                continue
            if ns == "mlx.core" and info["kind"] == "class":
                continue          # classes of mlx.core are exercised through the ops that return them
            if ns in ("mlx.optimizers",) and name in ("Optimizer", "Module", "tree_flatten", "tree_map",
                                                      "tree_merge", "tree_reduce", "tree_unflatten"):
                continue          # base classes and mlx.utils re-exports
            if f"{pre}.{name}" not in covered:
                missing.append(f"{pre}.{name}")
    assert not missing, f"no differential cases and no SKIPPED reason for: {missing}"


def test_compare_rules():
    compare = T["compare"].compare
    exc = lambda t, mro: {"t": "exc", "type": t, "mro": mro, "msg": ""}
    arr = lambda dtype, values, r="r": {"t": "array", "dtype": dtype, "shape": [len(values)],
                                         "values": values, "repr": r, "str": r}
    # an exception deriving from the reference's class (by name) matches
    assert compare(exc("RuntimeError", []), exc("IndexError", ["IndexError", "RuntimeError", "Exception"])) is None
    assert compare(exc("RuntimeError", []), exc("ValueError", ["ValueError", "Exception"]))[0] == "exception_type"
    # NaN equals NaN; float tolerance by dtype; integers exact
    nan = float("nan")
    assert compare(arr("float32", [nan, 1.0]), arr("float32", [nan, 1.0])) is None
    assert compare(arr("float32", [1.0]), arr("float32", [1.0 + 1e-7], "s")) is None
    assert compare(arr("float16", [1.0]), arr("float16", [1.01]))[0] == "values"
    assert compare(arr("int32", [1]), arr("int32", [2]))[0] == "values"
    assert compare(arr("int32", [1]), arr("int64", [1]))[0] == "dtype"
    # identical values must print identically
    assert compare(arr("int32", [1], "array([1])"), arr("int32", [1], "array([1], dtype=int32)"))[0] == "printing"
    # crashes: mlxcy's always count; the reference's alone do not
    crash = {"t": "crash", "code": -11}
    assert compare(arr("int32", [1]), crash)[0] == "ours_crash"
    assert compare(crash, exc("ValueError", ["ValueError"])) is None
    assert compare(crash, crash)[0] == "both_crash"


def test_worker_survives_crash_and_hang(monkeypatch):
    runner = T["runner"]
    monkeypatch.setattr(runner, "CASE_TIMEOUT_S", 5.0)
    w = runner.Worker(sys.executable, "ours")
    cases = [(0, 1, "1 + 1"), (1, 1, "import os\nos.abort()"), (2, 1, "mx.array([1, 2]).sum()"),
             (3, 1, "import time\ntime.sleep(60)"), (4, 1, "raise KeyError('k')"), (5, 1, "print('noise')\n3")]
    results = {}
    try:
        w.run(cases, results)
    finally:
        w.stop()
    assert results[0] == {"t": "py", "type": "int", "v": 2}
    assert results[1]["t"] == "crash"
    assert results[2]["t"] == "array" and results[2]["values"] == 3
    assert results[3]["t"] == "hang"
    assert results[4]["t"] == "exc" and results[4]["type"] == "KeyError"
    assert results[5] == {"t": "py", "type": "int", "v": 3}      # printing does not corrupt the protocol
    assert w.restarts == 2


def test_allowlist_entries_cite_rows_of_differences_md():
    rows = (REPO / "docs" / "differences.md").read_text()
    for entry in T["allowlist"].ALLOWED:
        assert f"| {entry.row} |" in rows, entry.row
