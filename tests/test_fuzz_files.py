"""File fuzzing (tools/fuzz, issue 17): mutated safetensors, npy, npz and GGUF files, each loaded by
mlxcy in a worker process (plain and mmap=True where mlxcy maps the format).

Fails on any crash, hang, exception outside the ValueError/RuntimeError family, or silent misread
(the file loaded, but differently from the independent reader: NumPy for npy/npz, the readers in
tools/fuzz/formats.py for safetensors and GGUF). MLXCY_FUZZ_CASES files per format (default 2000),
seed MLXCY_FUZZ_SEED (default 0); `python -m tools.fuzz files` runs larger sweeps and writes a
report. Known crashes are listed with reproducers in tools/fuzz/FINDINGS.md.
"""
import base64
import importlib
import sys
from pathlib import Path

import numpy as np
import pytest

REPO = Path(__file__).resolve().parents[1]


def _import_tools():
    sys.path.insert(0, str(REPO))            # tools/ is not installed; do not leave the checkout on sys.path
    try:
        return {n: importlib.import_module(f"tools.fuzz.{n}") for n in ("files", "formats", "pool", "report")}
    finally:
        sys.path.remove(str(REPO))


T = _import_tools()
S = T["report"].settings()


def _failure_text(sweep, limit=40):
    groups = sweep.groups()
    lines = [f"{sum(map(len, groups.values()))} failing cases in {len(groups)} signatures "
             "(see tools/fuzz/FINDINGS.md):"]
    for (where, verdict, how, detail), cases in list(groups.items())[:limit]:
        lines.append(f"  {where} {verdict} {how} {detail} x{len(cases)}: "
                     f"{T['report'].reproducer(cases[0], sweep.seed)}")
    return "\n".join(lines)


@pytest.mark.parametrize("fmt", ["safetensors", "npy", "npz", "gguf"])
def test_fuzzed_files_load_or_raise_cleanly(fmt):
    sweep = T["report"].run_files([fmt], S["files"], S["seed"], workers=S["workers"],
                                  timeout=S["timeout"], mem_gb=S["mem_gb"])
    assert len({c["index"] for c in sweep.cases}) == S["files"]
    # The sweep compared something: valid files are among the cases and none was refused.
    valid = [c for c in sweep.cases if c["how"] == "valid"]
    assert valid and all(sweep.results[c["id"]]["v"] in ("ok", "crash") for c in valid), \
        [sweep.results[c["id"]] for c in valid if sweep.results[c["id"]]["v"] != "ok"][:3]
    assert not sweep.failures(), _failure_text(sweep)


# ---- the harness itself --------------------------------------------------------------------------
def test_writers_match_numpy_and_own_readers():
    import random
    rnd = random.Random(5)
    for _ in range(20):
        blob = T["files"].valid_npy(rnd)
        np.load(__import__("io").BytesIO(blob))                      # NumPy accepts our npy writer
        T["formats"].read_npz(T["files"].valid_npz(rnd))
        tensors, _ = T["formats"].read_safetensors(T["files"].valid_safetensors(rnd))
        assert tensors
        tensors, kvs = T["formats"].read_gguf(T["files"].valid_gguf(rnd))
        assert tensors


def test_own_safetensors_reader_agrees_with_safetensors_package():
    safetensors = pytest.importorskip("safetensors")
    import random
    rnd = random.Random(6)
    for _ in range(50):
        blob = T["files"].valid_safetensors(rnd)
        ours, _ = T["formats"].read_safetensors(blob)
        theirs = {name: d for name, d in safetensors.deserialize(blob)}
        assert set(ours) == set(theirs)
        for k, (dtype, shape, raw) in ours.items():
            assert tuple(theirs[k]["shape"]) == shape and bytes(theirs[k]["data"]) == raw
    # On fuzzed files, whatever our reader accepts the package accepts with the same data (ours is
    # stricter only where the format is ambiguous: duplicated JSON keys; it allows the bytes the
    # package refuses as "not fully covered": unused bytes after or between tensors).
    for i in range(300):
        blob, how = T["files"].make_file("safetensors", 0, i)
        try:
            ours, _ = T["formats"].read_safetensors(blob)
        except T["formats"].Invalid:
            continue
        try:
            theirs = {name: d for name, d in safetensors.deserialize(blob)}
        except Exception as e:  # noqa: BLE001 -- SafetensorError
            assert "not fully covered" in str(e), (i, how, e)
            continue
        assert {k: (list(s), r) for k, (_, s, r) in ours.items()} == \
            {k: (d["shape"], bytes(d["data"])) for k, d in theirs.items()}, (i, how)


def test_gguf_writer_covers_every_metadata_type():
    import random
    seen = set()
    for i in range(300):
        rnd = random.Random(i)
        _, kvs = T["formats"].read_gguf(T["files"].valid_gguf(rnd))
        for vtype, value in kvs.values():
            seen.add(vtype if vtype != 9 else (9, value[0]))
    want = set(range(9)) | {10, 11, 12} | {(9, t) for t in range(13) if t != 9}
    assert want <= seen, want - seen


def test_pool_counts_crashes_and_hangs_and_goes_on():
    cases = [{"id": 0, "kind": "call", "src": "__import__('os').kill(__import__('os').getpid(), 11)"},
             {"id": 1, "kind": "call", "src": "__import__('time').sleep(60)"},
             {"id": 2, "kind": "call", "src": "mx.ones((2,)).sum()"},
             {"id": 3, "kind": "call", "src": "mx.ones((2, 3)) @ mx.ones((2, 3))"}]
    r = T["pool"].run_cases(cases, workers=1, case_timeout_s=3.0)
    assert [r[i]["v"] for i in range(4)] == ["crash", "hang", "ok", "clean"]
    assert "-11" in r[0]["d"]


def test_misread_comparison():
    diff = T["formats"].raw_difference
    want = ("float32", (2,), b"\0" * 8)
    assert diff(want, want, "a") is None
    assert "shape" in diff(("float32", (2, 1), b"\0" * 8), want, "a")
    assert "dtype" in diff(("int32", (2,), b"\0" * 8), want, "a")
    assert "bytes" in diff(("float32", (2,), b"\0" * 7 + b"\1"), want, "a")
    assert "lacks" in diff(want, (None, (2,), b"\0" * 8), "a")


def test_worker_loads_a_valid_file_and_compares():
    blob = T["formats"].write_npy(np.arange(4, dtype=np.float32))
    case = {"id": 0, "kind": "file", "fmt": "npy", "mmap": False, "how": "valid", "index": 0,
            "blob": base64.b64encode(blob).decode()}
    r = T["pool"].run_cases([case], workers=1)
    assert r[0]["v"] == "ok", r[0]
