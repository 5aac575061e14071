#!/usr/bin/env bash
# Build mlxcy against the CUDA backend and run the test suite with the GPU as default device.
#
# On a Linux machine with an NVIDIA GPU, CUDA 13 and network access this is simply:
#   python3 -m venv .venv && .venv/bin/pip install ".[cuda13,test]" && \
#     MLXCY_TEST_DEVICE=gpu .venv/bin/pytest tests
# Offline (as on the GPU machines used for development, which have PyTorch and the NVIDIA
# libraries mlx-cuda-13 needs), pass a folder of wheels: mlx-cuda-13 (or its split parts
# mlxcuda.part.*), Cython, meson, meson-python, pyproject-metadata, pytest and friends:
#   tools/run_gpu_suite.sh WHEEL_DIR [pytest args...]
set -euo pipefail
cd "$(dirname "$0")/.."
wheels=${1:?usage: tools/run_gpu_suite.sh WHEEL_DIR [pytest args...]}
shift
py=${PYTHON:-python3}
if ls "$wheels"/mlxcuda.part.* >/dev/null 2>&1; then
  cat "$wheels"/mlxcuda.part.* > "$wheels"/mlx_cuda_13-0.32.4-py3-none-manylinux_2_35_x86_64.whl
  rm -f "$wheels"/mlxcuda.part.*
fi
$py -m pip install -q --no-index --no-deps "$wheels"/*.whl
# editable: a wheel build would need patchelf, which offline GPU images may lack
$py -m pip install -q --no-index --no-deps --no-build-isolation -e . -Cbuild-dir=build/gpu
nvidia-smi --query-gpu=name,driver_version --format=csv,noheader || true
$py -c "import mlxcy as mx; print('mlxcy', mx.__version__, 'default device', mx.default_device(), 'cuda', mx.cuda.is_available())"
cd tests && MLXCY_TEST_DEVICE=gpu $py -m pytest -q -p no:cacheprovider "$@"
