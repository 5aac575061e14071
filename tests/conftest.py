import os

import pytest

import mlxcy as mx

# The helpers test files share (tests/_oracles.py) assert like a test does: have pytest rewrite
# their asserts too, so a failing comparison reports its values.
pytest.register_assert_rewrite("_oracles")

# MLXCY_TEST_DEVICE=gpu runs the whole suite with the GPU as the default device.
_DEVICE = os.environ.get("MLXCY_TEST_DEVICE", "cpu").lower()


def pytest_configure(config):
    config.addinivalue_line("markers", "cpu_only: needs the CPU device (by the reference's own rules)")
    config.addinivalue_line("markers", "gpu: needs a GPU backend")
    config.addinivalue_line("markers", "host_zero_copy: asserts that importing host memory (NumPy, CPU torch, "
                                       "a mapped file) shares it; only the CPU backend can adopt host memory, "
                                       "a CUDA build copies it to memory the GPU can address")
    if _DEVICE not in ("cpu", "gpu"):
        pytest.exit(f"MLXCY_TEST_DEVICE must be 'cpu' or 'gpu', got {_DEVICE!r}", returncode=4)
    if _DEVICE == "gpu":
        if not mx.is_available(mx.gpu):
            pytest.exit("MLXCY_TEST_DEVICE=gpu, but the installed libmlx has no GPU backend "
                        "(install mlx-cuda-13 / mlx-cuda-12 on a machine with an NVIDIA GPU)", returncode=4)
        mx.set_default_device(mx.gpu)
    else:
        mx.set_default_device(mx.cpu)   # a CUDA build would otherwise default to its GPU


def pytest_collection_modifyitems(config, items):
    gpu_ok = mx.is_available(mx.gpu)
    cuda_build = mx.cuda.is_available()
    for item in items:
        if "cpu_only" in item.keywords and _DEVICE == "gpu":
            item.add_marker(pytest.mark.skip(reason="CPU-only by the reference's rules"))
        if "gpu" in item.keywords and not gpu_ok:
            item.add_marker(pytest.mark.skip(reason="no GPU backend on this machine"))
        if "host_zero_copy" in item.keywords and cuda_build:
            item.add_marker(pytest.mark.skip(reason="CUDA build: host memory is copied on import, not shared"))
