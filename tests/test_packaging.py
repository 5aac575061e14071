"""What a new user meets around the package: license metadata."""
import importlib.metadata
import os
import subprocess
import sys
import sysconfig

import pytest

import mlxcy

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
    if tracked.returncode == 0:   # a git checkout (an unpacked sdist has no .git)
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
