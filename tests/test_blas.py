"""The optimized-BLAS forwarding on Linux: on by default, switchable, results unchanged."""
import json
import os
import platform
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
    # the CPU stream: BLAS is the CPU backend's (a GPU product would use TF32)
    out = {"info": mx.blas_info(), "matmul": np.asarray(mx.matmul(mx.array(a), mx.array(b), stream=mx.cpu)).tolist()}
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


def _run(code, **env_changes):
    env = {k: v for k, v in os.environ.items()
           if k not in ("MLXCY_BLAS", "MLXCY_BLAS_THREADS", "OPENBLAS_NUM_THREADS")}
    env.update(env_changes)
    res = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, env=env,
                         cwd="/")
    assert res.returncode == 0, res.stderr
    return json.loads(res.stdout.strip().splitlines()[-1])


# Thread counts OpenBLAS is left at after a small and after a large product on the CPU.
THREADS_PROBE = """
    import json, os, mlxcy as mx
    from mlxcy import _blas_forward, _libload
    info = mx.blas_info()
    cores = len(os.sched_getaffinity(0))
    def threads_after(m, n, k):
        mx.eval(mx.matmul(mx.ones((m, k)), mx.ones((k, n)), stream=mx.cpu))
        return _blas_forward.threads()
    k_large = -(-cores * _libload.BLAS_GRAIN // (1024 * 1024))   # m*n*k >= cores * grain
    print(json.dumps({"info": info["threads"], "cores": cores, "small": threads_after(16, 16, 16),
                      "large": threads_after(1024, 1024, k_large)}))
"""


@pytest.mark.skipif(not HAVE_OPENBLAS, reason="scipy-openblas32 not installed")
def test_blas_threads_follow_cores_and_product_size():
    out = _run(THREADS_PROBE)
    # every core this process may use, unless OpenBLAS was built for fewer threads (scipy-openblas: 64)
    assert out["info"] == out["cores"] or 32 <= out["info"] < out["cores"]
    assert out["small"] == 1
    assert out["large"] == out["info"]


@pytest.mark.skipif(not HAVE_OPENBLAS, reason="scipy-openblas32 not installed")
def test_blas_threads_switch_fixes_the_count():
    out = _run(THREADS_PROBE, MLXCY_BLAS_THREADS="2")
    assert out["info"] == 2 and out["small"] == 2 and out["large"] == 2


# Whether the optimized library is mapped before and after the first BLAS/LAPACK call (a LAPACK
# routine first: its lazy stub must hand over every argument), with the results.
LAZY_PROBE = """
    import json, os, numpy as np, mlxcy as mx
    from mlxcy import _blas_forward, _libload
    library = os.environ.get("MLXCY_BLAS") or _libload._scipy_openblas()
    def mapped():
        with open("/proc/self/maps") as f:
            return any(line.rstrip().endswith(library) for line in f)
    before = {"bound": _blas_forward.is_bound(), "mapped": mapped()}
    rng = np.random.default_rng(0)
    s = rng.standard_normal((24, 24)).astype(np.float32)
    s = s @ s.T + 24 * np.eye(24, dtype=np.float32)
    if FIRST == "svd":      # sgesdd_: 14 arguments, 8 of them on the stack through the lazy stub
        sv = np.asarray(mx.linalg.svd(mx.array(s), compute_uv=False, stream=mx.cpu))
        assert np.allclose(sv, np.linalg.svd(s.astype(np.float64), compute_uv=False), rtol=1e-4)
    inv = np.asarray(mx.linalg.inv(mx.array(s), stream=mx.cpu))
    a = rng.standard_normal((40, 30)).astype(np.float32)
    b = rng.standard_normal((30, 20)).astype(np.float32)
    prod = np.asarray(mx.matmul(mx.array(a), mx.array(b), stream=mx.cpu))
    print(json.dumps({"before": before, "after": {"bound": _blas_forward.is_bound(), "mapped": mapped()},
                      "inv_err": float(np.abs(inv @ s - np.eye(24)).max()),
                      "prod_err": float(np.abs(prod - a @ b).max()), "info": mx.blas_info()}))
"""


@pytest.mark.skipif(not HAVE_OPENBLAS or platform.machine() != "x86_64",
                    reason="lazy binding: x86_64 with scipy-openblas32")
@pytest.mark.parametrize("first", ["inv", "svd"])
def test_optimized_blas_is_loaded_on_the_first_call(first):
    out = _run(f"FIRST = {first!r}\n" + textwrap.dedent(LAZY_PROBE))
    assert out["before"] == {"bound": False, "mapped": False}
    assert out["after"] == {"bound": True, "mapped": True}
    assert out["inv_err"] < 1e-4 and out["prod_err"] < 1e-3
    assert out["info"]["blas"] == "optimized"


@pytest.mark.skipif(platform.machine() != "x86_64", reason="lazy binding: x86_64")
def test_blas_lacking_symbols_falls_back_on_the_first_call():
    # A library that loads but defines none of the routines itself (the forwarder's own
    # definitions do not count: they would jump to themselves): found out at the first call,
    # which then runs libmlx's own (netlib) BLAS/LAPACK.
    lacking = mx._blas_forward.__file__
    out = _run("FIRST = 'inv'\n" + textwrap.dedent(LAZY_PROBE), MLXCY_BLAS=lacking)
    assert out["inv_err"] < 1e-4 and out["prod_err"] < 1e-3
    assert out["info"]["blas"] == "reference"
    assert "lacks" in out["info"]["reason"] and lacking in out["info"]["reason"]


def test_every_linux_backend_extra_brings_openblas():
    # mlx-cpu and the mlx-cuda wheels all link netlib BLAS/LAPACK into libmlx (on CUDA, linalg
    # runs on the CPU stream): each backend extra installs the optimized BLAS as well.
    tomllib = pytest.importorskip("tomllib")
    repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    with open(os.path.join(repo, "pyproject.toml"), "rb") as f:
        extras = tomllib.load(f)["project"]["optional-dependencies"]
    for extra in ("cpu", "cuda12", "cuda13"):
        assert any(req.startswith("scipy-openblas32;") and "platform_system == 'Linux'" in req
                   for req in extras[extra]), (extra, extras[extra])


# On the CUDA backend: a CPU-stream inverse of a 1024x1024 matrix, timed, under a given MLXCY_BLAS.
CPU_STREAM_INV = textwrap.dedent("""
    import json, time, numpy as np, mlxcy as mx
    rng = np.random.default_rng(2)
    a = rng.standard_normal((1024, 1024)).astype(np.float32) + 1024 * np.eye(1024, dtype=np.float32)
    x = mx.array(a)
    mx.eval(mx.linalg.inv(x, stream=mx.cpu))          # warm up (threads, pages)
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        inv = mx.linalg.inv(x, stream=mx.cpu)
        mx.eval(inv)
        best = min(best, time.perf_counter() - start)
    check = np.asarray(inv.astype(mx.float32)) @ a    # ~ identity
    print(json.dumps({"info": mx.blas_info(), "seconds": best, "gpu": mx.is_available(mx.gpu),
                      "max_error": float(np.abs(check - np.eye(1024)).max())}))
""")


def _cpu_stream_inv(env_blas):
    env = dict(os.environ)
    env.pop("MLXCY_BLAS", None)
    if env_blas is not None:
        env["MLXCY_BLAS"] = env_blas
    res = subprocess.run([sys.executable, "-c", CPU_STREAM_INV], capture_output=True, text=True, env=env,
                         cwd="/", timeout=600)
    assert res.returncode == 0, res.stderr
    return json.loads(res.stdout)


@pytest.mark.gpu
@pytest.mark.skipif(not HAVE_OPENBLAS, reason="scipy-openblas32 not installed (the cuda12/cuda13 extras bring it)")
def test_cuda_backend_runs_cpu_stream_linalg_on_the_optimized_blas():
    # Issue 20: the mlx-cuda wheels' libmlx links netlib BLAS/LAPACK (mlx_cuda_13.libs/libblas*,
    # liblapack*); the forwarding must replace them there as it does for mlx-cpu.
    fast, slow = _cpu_stream_inv(None), _cpu_stream_inv("reference")
    assert fast["gpu"], "expected a CUDA build"
    assert fast["info"]["blas"] == "optimized" and "openblas" in fast["info"]["library"], fast["info"]
    assert slow["info"]["blas"] == "reference"
    assert fast["max_error"] < 1e-3 and slow["max_error"] < 1e-3
    # No timing assertion (shared machines): the figures are reported for the reader.
    import warnings
    warnings.warn(f"CPU-stream linalg.inv 1024x1024 on the CUDA build: optimized BLAS {fast['seconds']:.3f} s, "
                  f"netlib reference {slow['seconds']:.3f} s ({slow['seconds'] / fast['seconds']:.1f}x)")
