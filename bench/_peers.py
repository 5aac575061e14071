"""Finding the peers a benchmark compares against, in this process or another interpreter.

The reference binding (`mlx`) is measured in this process when importable, else in the
interpreter named by MLXCY_BENCH_REF_PYTHON (a venv with `mlx==0.32.4 mlx-cpu==0.32.4`), so that
mlxcy and the reference never share a process that loaded two copies of libmlx.
"""
import importlib.util
import json
import os
import subprocess
import sys


def reference_python():
    """The interpreter that has the reference `mlx`, or None."""
    path = os.environ.get("MLXCY_BENCH_REF_PYTHON")
    if path and os.path.isfile(path):
        return path
    if importlib.util.find_spec("mlx") is not None and importlib.util.find_spec("mlx.core") is not None:
        return sys.executable
    return None


def run_with_module(python, module_name, code, timeout=1800):
    """Run `code` in `python` with `mx` bound to `module_name`; `code` prints one JSON line."""
    prog = f"import {module_name} as mx\n" + code
    env = dict(os.environ)
    env.pop("PYTHONPATH", None)
    res = subprocess.run([python, "-c", prog], capture_output=True, text=True, timeout=timeout, cwd="/", env=env)
    if res.returncode != 0:
        raise RuntimeError(f"{python} failed:\n{res.stderr[-2000:]}")
    return json.loads(res.stdout.strip().splitlines()[-1])


def have(module_name):
    return importlib.util.find_spec(module_name) is not None


def ratio(a, b):
    return float("nan") if not a or not b else a / b
