"""The optimized-BLAS forwarding on Linux: on by default, switchable, results unchanged."""
import json
import os
import subprocess
import sys
import textwrap

import numpy as np
import pytest

import mlxcy as mx
from _device import matmul_tol

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="BLAS forwarding is Linux-only")

HAVE_OPENBLAS = __import__("importlib").util.find_spec("scipy_openblas32") is not None

# Computes a few BLAS/LAPACK-backed results in a fresh process under a given MLXCY_BLAS.
PROBE = textwrap.dedent("""
    import json, numpy as np, mlxcy as mx
    rng = np.random.default_rng(0)
    a = rng.standard_normal((64, 48)).astype(np.float32)
    b = rng.standard_normal((48, 32)).astype(np.float32)
    out = {"info": mx.blas_info(), "matmul": np.asarray(mx.array(a) @ mx.array(b)).tolist()}
    linalg = getattr(mx, "linalg", None)
    if linalg is not None and hasattr(linalg, "inv"):
        s = (a[:32, :32] @ a[:32, :32].T + 32 * np.eye(32)).astype(np.float32)
        out["inv"] = np.asarray(linalg.inv(mx.array(s), stream=mx.cpu)).tolist()
    print(json.dumps(out))
""")


def _probe(env_blas):
    env = dict(os.environ)
    env.pop("MLXCY_BLAS", None)
    if env_blas is not None:
        env["MLXCY_BLAS"] = env_blas
    res = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, env=env, cwd="/")
    assert res.returncode == 0, res.stderr
    return json.loads(res.stdout)


@pytest.mark.skipif(not HAVE_OPENBLAS, reason="scipy-openblas32 not installed")
def test_optimized_blas_is_the_default_and_results_match_reference_blas():
    fast, ref = _probe(None), _probe("reference")
    assert fast["info"]["blas"] == "optimized" and "openblas" in fast["info"]["library"]
    assert ref["info"]["blas"] == "reference" and ref["info"]["reason"] == "MLXCY_BLAS=reference"
    rng = np.random.default_rng(0)
    a = rng.standard_normal((64, 48)).astype(np.float32)
    b = rng.standard_normal((48, 32)).astype(np.float32)
    np.testing.assert_allclose(fast["matmul"], a @ b, rtol=1e-4, atol=1e-4)
    np.testing.assert_allclose(fast["matmul"], ref["matmul"], rtol=1e-4, atol=1e-4)
    if "inv" in fast:
        np.testing.assert_allclose(fast["inv"], ref["inv"], rtol=1e-3, atol=1e-5)


def test_unusable_blas_choice_falls_back_with_a_reason():
    out = _probe("/nonexistent/libblas.so")
    assert out["info"]["blas"] == "reference"
    assert "not a file" in out["info"]["reason"]


def test_large_matmul_matches_numpy():
    rng = np.random.default_rng(1)
    a = rng.standard_normal((256, 512)).astype(np.float32)
    b = rng.standard_normal((512, 128)).astype(np.float32)
    rtol, atol = matmul_tol(1e-4, 1e-3, k=512)
    np.testing.assert_allclose(np.asarray(mx.array(a) @ mx.array(b)), a @ b, rtol=rtol, atol=atol)


@pytest.mark.skipif(not HAVE_OPENBLAS, reason="scipy-openblas32 not installed")
def test_blas_threads_default_to_one_and_follow_the_switch():
    code = "import mlxcy; print(mlxcy.blas_info()['threads'])"
    env = {k: v for k, v in os.environ.items() if k not in ("MLXCY_BLAS_THREADS", "OPENBLAS_NUM_THREADS")}
    one = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd="/")
    two = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env=dict(env, MLXCY_BLAS_THREADS="2"), cwd="/")
    assert one.stdout.strip() == "1" and two.stdout.strip() == "2", one.stderr + two.stderr
