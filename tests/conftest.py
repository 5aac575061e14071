import os

import pytest

import mlxcy as mx

# MLXCY_TEST_DEVICE=gpu runs the whole suite with the GPU as the default device.
_DEVICE = os.environ.get("MLXCY_TEST_DEVICE", "cpu").lower()


def pytest_configure(config):
    config.addinivalue_line("markers", "cpu_only: needs the CPU device (by the reference's own rules)")
    config.addinivalue_line("markers", "gpu: needs a GPU backend")
    if _DEVICE == "gpu":
        mx.set_default_device(mx.gpu)


def pytest_collection_modifyitems(config, items):
    gpu_ok = mx.is_available(mx.gpu)
    for item in items:
        if "cpu_only" in item.keywords and _DEVICE == "gpu":
            item.add_marker(pytest.mark.skip(reason="CPU-only by the reference's rules"))
        if "gpu" in item.keywords and not gpu_ok:
            item.add_marker(pytest.mark.skip(reason="no GPU backend on this machine"))
