"""What `import mlxcy` (and `import mlxcy.nn`, `mlxcy.optimizers`) leaves out of sys.modules
(issue 21: heavy standard modules and NumPy load on first use, not at import), and that the
parts loaded late still work once used. Each case runs a fresh interpreter, set up as
bench/import_time.py times it: `python -S` (no .pth files, so no editable-install finder
importing half the standard library first) over a plain copy of the package. No timing here."""
import json
import os
import subprocess
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "bench"))

import import_time  # noqa: E402

# Modules `import mlxcy` must not import (each cost milliseconds, or NumPy tens of them).
NOT_BY_CORE = ["numpy", "zipfile", "inspect", "threading", "importlib.util", "contextlib", "json",
               "tempfile", "shutil", "secrets", "ast", "mmap", "struct", "typing", "re", "dataclasses",
               "textwrap", "warnings"]
# ... nor `import mlxcy.nn` and `import mlxcy.optimizers` (typing and re are theirs, as the reference's).
NOT_BY_NN = ["numpy", "zipfile", "inspect", "threading", "json", "tempfile", "textwrap"]


@pytest.fixture(scope="module")
def fresh_env(tmp_path_factory):
    """The environment for `python -S` that imports this mlxcy as a wheel install would."""
    res = subprocess.run([sys.executable, "-c", import_time.LAYOUT], capture_output=True, text=True,
                         cwd="/", check=True)
    layout = json.loads(res.stdout.strip().splitlines()[-1])
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    first = None
    if layout["editable"]:
        first = import_time.plain_copy(layout, str(tmp_path_factory.mktemp("plain")))
    return import_time.startup_env(sys.executable, env, first)


def _run(env, code):
    """Run `code` after `import site` in a fresh `python -S`; its last printed line, as JSON."""
    res = subprocess.run([sys.executable, "-S", "-c", "import site, sys, json\n" + code],
                         capture_output=True, text=True, env=env, cwd="/", timeout=300)
    assert res.returncode == 0, res.stderr[-3000:]
    return json.loads(res.stdout.strip().splitlines()[-1])


def test_import_mlxcy_leaves_heavy_modules_out(fresh_env):
    loaded = _run(fresh_env, "before = set(sys.modules)\nimport mlxcy\n"
                             "print(json.dumps([m for m in sys.modules if m not in before]))")
    assert "mlxcy._core" in loaded   # the check sees what the import brought
    assert sorted(set(NOT_BY_CORE) & set(loaded)) == []


def test_import_nn_and_optimizers_leave_numpy_out(fresh_env):
    loaded = _run(fresh_env, "before = set(sys.modules)\nimport mlxcy.nn, mlxcy.optimizers\n"
                             "print(json.dumps([m for m in sys.modules if m not in before]))")
    assert "mlxcy.nn.layers.base" in loaded and "mlxcy.optimizers.optimizers" in loaded
    assert sorted(set(NOT_BY_NN) & set(loaded)) == []


LATE_PARTS = r"""
import os, tempfile
import mlxcy as mx
out = {}
# Constants (from C's math.h, not the math module).
import math
out["constants"] = [mx.pi == math.pi, mx.e == math.e, mx.inf == math.inf, math.isnan(mx.nan),
                    math.copysign(1.0, mx.nan) == 1.0]
# arange's one signature, built without inspect at import.
import inspect
out["arange_signature"] = str(inspect.signature(mx.arange))
# .npz (zipfile on first use), and a damaged member: also zipfile.BadZipFile.
d = tempfile.mkdtemp()
p = os.path.join(d, "a.npz")
mx.savez(p, x=mx.arange(64, dtype=mx.float32))
out["npz"] = mx.load(p)["x"].tolist() == list(range(64))
import io, zipfile
b = io.BytesIO()
with zipfile.ZipFile(b, "w", compression=zipfile.ZIP_STORED) as zf:
    zf.writestr("x.npy", b"\x93NUMPY" + bytes(250))
raw = bytearray(b.getvalue())
raw[100] ^= 0xFF                      # inside the member's data: its CRC no longer matches
open(p, "wb").write(bytes(raw))
try:
    mx.load(p)
    out["corrupt"] = "loaded"
except Exception as e:
    err = e
    made_again = mx._io._CorruptNpzMemberError("")   # the same class, made once
    out["corrupt"] = [type(e).__name__, isinstance(e, zipfile.BadZipFile), isinstance(e, ValueError),
                      isinstance(e, RuntimeError), isinstance(e, mx._io.MalformedFileError),
                      isinstance(e, mx._io._CorruptNpzMemberError), type(e) is type(made_again)]
import pickle
again = pickle.loads(pickle.dumps(err))
out["corrupt_pickled"] = [type(again) is type(err), again.args == err.args]
# safetensors through a memory map (mmap, struct, json on first use).
q = os.path.join(d, "w.safetensors")
mx.save_safetensors(q, {"w": mx.arange(6, dtype=mx.float32).reshape(2, 3)})
out["mmap"] = mx.load(q, mmap=True)["w"].tolist()
# The random state stays per thread (threading itself not imported by mlxcy).
mx.random.seed(5)
mine = mx.random.state[0].tolist()
import threading
theirs = []
t = threading.Thread(target=lambda: theirs.append(mx.random.state[0].tolist()))
t.start(); t.join()
out["random"] = [mine == [0, 5], theirs[0] != mine, mx.random.state[0].tolist() == mine]
print(json.dumps(out))
"""


def test_parts_loaded_late_work(fresh_env):
    out = _run(fresh_env, LATE_PARTS)
    assert out["constants"] == [True] * 5
    assert out["arange_signature"] == "(start=None, stop=None, step=None, dtype=None, *, stream=None)"
    assert out["npz"] is True
    assert out["corrupt"] == ["_CorruptNpzMemberError", True, True, True, True, True, True]
    assert out["corrupt_pickled"] == [True, True]
    assert out["mmap"] == [[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]]
    assert out["random"] == [True, True, True]
