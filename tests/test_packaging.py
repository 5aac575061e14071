"""What a new user meets around the package: license metadata, importing from the repository
root, install hints that name commands which work (mlxcy is not on PyPI)."""
import importlib.metadata
import os
import subprocess
import sys
import sysconfig

import pytest

import mlxcy
from mlxcy import _libload

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EDITABLE = not os.path.abspath(mlxcy.__file__).startswith(os.path.abspath(sysconfig.get_paths()["purelib"]))


def _pyproject():
    tomllib = pytest.importorskip("tomllib")   # Python 3.11+
    with open(os.path.join(REPO, "pyproject.toml"), "rb") as f:
        return tomllib.load(f)


def test_license_file_is_mit_and_declared_for_the_wheel_and_sdist():
    with open(os.path.join(REPO, "LICENSE"), encoding="utf-8") as f:
        text = f.read()
    assert text.startswith("MIT License") and "the mlxcy developers" in text
    project = _pyproject()["project"]
    # PEP 639: meson-python copies license-files into the wheel's .dist-info/licenses; the
    # sdist holds every file git tracks.
    assert project["license"] == "MIT"
    assert project["license-files"] == ["LICENSE"]
    tracked = subprocess.run(["git", "ls-files", "LICENSE", "CHANGELOG.md"], cwd=REPO, capture_output=True,
                             text=True)
    if tracked.returncode == 0 and tracked.stdout.strip():   # a git checkout (an unpacked sdist has no .git)
        assert tracked.stdout.split() == ["CHANGELOG.md", "LICENSE"]


def test_installed_distribution_carries_the_license():
    # The metadata pip installed (wheel or editable wheel) names the license and ships its text.
    try:
        dist = importlib.metadata.distribution("mlxcy")
    except importlib.metadata.PackageNotFoundError:
        pytest.skip("mlxcy is not installed as a distribution here")
    assert dist.metadata["License-Expression"] == "MIT"
    licenses = [f for f in dist.files or () if f.name == "LICENSE" and f.parent.name == "licenses"]
    assert len(licenses) == 1, dist.files
    with open(os.path.join(REPO, "LICENSE"), encoding="utf-8") as f:
        assert licenses[0].read_text(encoding="utf-8") == f.read()


@pytest.mark.skipif(os.environ.get("MLXCY_TEST_BUILDS") != "1", reason="set MLXCY_TEST_BUILDS=1 for build tests")
def test_sdist_carries_license_and_changelog(tmp_path):
    # meson-python's sdist is `meson dist` of the committed tree (configure only, ~15 s).
    mesonpy = pytest.importorskip("mesonpy")
    import tarfile
    cwd = os.getcwd()
    os.chdir(REPO)
    try:
        name = mesonpy.build_sdist(str(tmp_path))
    finally:
        os.chdir(cwd)
    with tarfile.open(tmp_path / name) as tar:
        top = name[:-len(".tar.gz")]
        members = set(tar.getnames())
        assert {f"{top}/LICENSE", f"{top}/CHANGELOG.md"} <= members
        pkg_info = tar.extractfile(f"{top}/PKG-INFO").read().decode()
    assert "License-Expression: MIT" in pkg_info and "License-File: LICENSE" in pkg_info


def _import_in(cwd, *python_flags):
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    return subprocess.run([sys.executable, *python_flags, "-c", "import mlxcy; print(mlxcy.__file__)"],
                          cwd=cwd, capture_output=True, text=True, env=env)


def _assert_source_tree_message(res):
    assert res.returncode != 0
    last = res.stderr.strip().splitlines()[-1]
    assert last.startswith("ImportError: you are importing mlxcy from its source tree"), res.stderr
    assert os.path.join(REPO, "mlxcy") in last
    assert "circular import" not in res.stderr
    # What to do: run elsewhere, or the editable install with commands that exist.
    assert "any directory other than" in last
    assert "pip install --no-build-isolation -e . -Cbuild-dir=build/dev" in last


def test_import_from_the_repository_root_says_what_happened():
    # Without site-packages (-S) nothing but the current directory can provide mlxcy, whatever
    # the install mode: the source folder is found and must explain itself.
    _assert_source_tree_message(_import_in(REPO, "-S"))


def test_plain_import_in_the_repository_root():
    res = _import_in(REPO)
    if EDITABLE:
        # The editable install's import hook maps mlxcy onto this source tree with its build.
        assert res.returncode == 0, res.stderr
        assert res.stdout.strip() == os.path.join(REPO, "mlxcy", "__init__.py")
    else:
        # A wheel install is hidden by the source folder (where the README's quick start ends).
        _assert_source_tree_message(res)


def test_missing_libmlx_hint_names_installable_packages(monkeypatch):
    monkeypatch.setitem(_libload._state, "libmlx", None)
    monkeypatch.setattr(_libload, "find_libmlx", lambda: None)
    with pytest.raises(ImportError) as info:
        _libload.load()
    message = str(info.value)
    # mlxcy is not on PyPI: hints name the backend wheels, or extras of the source tree.
    assert "mlxcy[" not in message
    assert "pip install mlx-cpu==0.32.4" in message
    assert "pip install '.[cpu]'" in message


def test_several_backends_hint_names_installable_packages(tmp_path):
    site = tmp_path / "site-packages"
    lib = site / "mlx" / "lib"
    lib.mkdir(parents=True)
    for dist in ("mlx_cpu-0.32.4.dist-info", "mlx_cuda_13-0.32.4.dist-info"):
        (site / dist).mkdir()
    with pytest.raises(ImportError) as info:
        _libload.check_single_backend(str(lib / "libmlx.so"))
    assert "mlxcy[" not in str(info.value)
    assert "pip install mlx-cpu==0.32.4" in str(info.value)


# ---- versions and `python -m mlxcy` ------------------------------------------------------------

def test_mlxcy_version_is_its_own_and_version_stays_mlx():
    # __version__ is MLX's (drop-in for mlx.core.__version__); mlxcy's own comes from its build.
    assert mlxcy.__version__ == "0.32.4"
    assert mlxcy.__mlxcy_version__ == mlxcy.core.__mlxcy_version__
    project_version = None
    with open(os.path.join(REPO, "meson.build"), encoding="utf-8") as f:
        for line in f:
            if line.strip().startswith("version:"):
                project_version = line.split("'")[1]
    assert mlxcy.__mlxcy_version__ == project_version
    try:
        assert importlib.metadata.version("mlxcy") == mlxcy.__mlxcy_version__
    except importlib.metadata.PackageNotFoundError:
        pass


def _environment_report():
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    res = subprocess.run([sys.executable, "-m", "mlxcy"], cwd="/", capture_output=True, text=True, env=env)
    assert res.returncode == 0, res.stderr
    sections, current = {}, None
    for line in res.stdout.splitlines():
        if not line.startswith(" "):
            current = sections.setdefault(line, {})
        else:
            key, _, value = line.strip().partition("  ")
            current[key] = value.strip()
    return sections


def test_python_m_mlxcy_reports_the_environment():
    import importlib.util
    report = _environment_report()
    assert report["mlxcy"]["version"] == mlxcy.__mlxcy_version__
    assert report["mlxcy"]["location"] == os.path.dirname(os.path.abspath(mlxcy.__file__))
    assert report["MLX"]["version"] == "0.32.4"
    assert report["MLX"]["libmlx"] == _libload.find_libmlx()
    assert os.path.isfile(report["MLX"]["libmlx"])

    devices = report["devices"]
    assert devices["default"] == str(mlxcy.default_device())
    assert "cpu:0" in devices
    if not mlxcy.is_available(mlxcy.gpu):
        assert devices["gpu"] == "not available in this build"
    else:
        assert "gpu:0" in devices

    blas = mlxcy.blas_info()
    assert report["BLAS/LAPACK"]["in use"] == blas["blas"]
    if blas["blas"] == "optimized":
        assert report["BLAS/LAPACK"]["library"] == blas["library"]
        assert report["BLAS/LAPACK"]["threads"] == str(blas["threads"])

    memory = report["memory"]
    assert memory["memory limit"].endswith(f"({mlxcy.get_memory_limit():,} bytes)")
    # A fresh process's cache limit (this one's may have been changed by other tests).
    fresh = subprocess.run([sys.executable, "-c", "import mlxcy; print(mlxcy.set_cache_limit(0))"], cwd="/",
                           capture_output=True, text=True, check=True).stdout.strip()
    assert memory["cache limit"].endswith(f"({int(fresh):,} bytes)")

    peers = report["array libraries (NumPy buffers, DLPack)"]
    assert set(peers) >= {"numpy", "torch", "cupy", "jax"}
    for name in ("numpy", "torch", "jax"):
        if importlib.util.find_spec(name) is None:
            assert peers[name] == "not installed"
        else:
            assert peers[name] == importlib.import_module(name).__version__.split("+")[0] or \
                peers[name] == importlib.import_module(name).__version__
