"""How mlxcy finds libmlx in each way it can be installed.

The plain-install check runs whenever mlxcy is installed as a wheel. The editable + prefix
build (a second full build, minutes on 2 cores) runs only with MLXCY_TEST_BUILDS=1, as CI does.
"""
import os
import shutil
import subprocess
import sys
import sysconfig
import textwrap

import pytest

import mlxcy
from mlxcy import _build_info, _libload

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EDITABLE = not os.path.abspath(mlxcy.__file__).startswith(os.path.abspath(sysconfig.get_paths()["purelib"]))


def _core_extension_path():
    return mlxcy._core.__file__


@pytest.mark.skipif(EDITABLE, reason="mlxcy is an editable/in-tree install here")
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ldd is Linux-only")
def test_plain_install_extension_resolves_libmlx_by_rpath():
    # Without any preload or environment variable, the dynamic loader finds the wheel's libmlx.
    out = subprocess.run(["ldd", _core_extension_path()], capture_output=True, text=True,
                         env={"PATH": os.environ.get("PATH", "")}).stdout
    line = next(l for l in out.splitlines() if "libmlx" in l)
    assert "not found" not in line
    assert os.path.join("mlx", "lib", "libmlx.so") in line


def test_loaded_libmlx_matches_build():
    path = _libload.find_libmlx()
    assert path is not None and os.path.isfile(path)
    assert mlxcy.__version__ == _build_info.MLX_VERSION == "0.32.4"


@pytest.mark.skipif(os.environ.get("MLXCY_TEST_BUILDS") != "1", reason="set MLXCY_TEST_BUILDS=1 for build tests")
def test_editable_install_against_a_prefix(tmp_path):
    # A prefix laid out like a conda env: include/mlx and lib/libmlx.so, copied from the wheel.
    wheel_mlx = os.path.dirname(os.path.dirname(_libload.find_libmlx()))
    prefix = tmp_path / "prefix"
    for sub in ("include", "lib"):
        shutil.copytree(os.path.join(wheel_mlx, sub), prefix / sub)
    # libmlx's own BLAS/LAPACK dependencies sit where its RPATH ($ORIGIN/../../mlx_cpu.libs) says.
    libs = os.path.join(os.path.dirname(wheel_mlx), "mlx_cpu.libs")
    if os.path.isdir(libs):
        shutil.copytree(libs, tmp_path / "mlx_cpu.libs")

    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    py = str(venv / "bin" / "python")
    pip = [py, "-m", "pip", "install", "-q", "--disable-pip-version-check"]
    subprocess.run(pip + ["meson-python>=0.17", "meson>=1.4", "ninja", "Cython>=3.1", "numpy", "pytest"], check=True)
    subprocess.run(pip + ["--no-build-isolation", "-e", REPO, f"-Csetup-args=-Dmlx_prefix={prefix}",
                          f"-Cbuild-dir={tmp_path / 'build'}"], check=True)

    check = textwrap.dedent(f"""
        import importlib.util, os, sys
        import mlxcy as mx
        from mlxcy import _libload, _build_info
        assert importlib.util.find_spec("mlx") is None, "a wheel-provided mlx is on the path"
        assert not _build_info.MLX_FROM_WHEEL
        assert _libload.find_libmlx().startswith({str(prefix)!r}), _libload.find_libmlx()
        assert os.path.realpath(mx.__file__).startswith({REPO!r}), mx.__file__   # editable: the source tree
        a = mx.array([[1.0, 2.0], [3.0, 4.0]])
        assert (a @ a).tolist() == [[7.0, 10.0], [15.0, 22.0]]
        print("ok", _libload.find_libmlx())
    """)
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "LD_LIBRARY_PATH")}
    res = subprocess.run([py, "-c", check], cwd=str(tmp_path), capture_output=True, text=True, env=env)
    assert res.returncode == 0, res.stdout + res.stderr
    assert res.stdout.startswith("ok")
    # The foundation tests pass in that install too.
    res = subprocess.run([str(venv / "bin" / "pytest"), "-q", "-x", os.path.join(REPO, "tests", "test_array_basics.py")],
                         cwd=REPO, capture_output=True, text=True, env=env)
    assert res.returncode == 0, res.stdout[-3000:] + res.stderr[-3000:]
