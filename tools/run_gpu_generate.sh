#!/usr/bin/env bash
# mlx-lm generation on the GPU, mlxcy vs the reference binding: writes bench/results_generate_cuda.json
# (bench/run_all.py --render then shows it in RESULTS.md's GPU section) and prints the table.
#
#   tools/run_gpu_generate.sh WHEEL_DIR [--quick]
#
# Assumes: an NVIDIA GPU machine, offline, where tools/run_gpu_suite.sh has already installed
# mlx-cuda-13 and mlxcy (editable, against that libmlx) into python3 (or $PYTHON), and WHEEL_DIR
# holds, for that Python, the reference `mlx` 0.32.4 wheel and mlx-lm 0.32.2 with every one of its
# dependencies (--no-deps: nothing missing is fetched). mlx-lm then runs in this same interpreter
# (MLXCY_MLXLM_PYTHON, no venv): the reference on the installed mlx with mlx-cuda-13, mlxcy through
# the mlx switch (mlxcy.compat), each in its own process.
set -euo pipefail
cd "$(dirname "$0")/.."
wheels=${1:?usage: tools/run_gpu_generate.sh WHEEL_DIR [--quick]}
shift
py=${PYTHON:-python3}
$py -m pip install -q --no-index --no-deps "$wheels"/*.whl
MLXCY_MLXLM_PYTHON=$py $py bench/generate.py --device gpu --json bench/results_generate_cuda.json "$@"
