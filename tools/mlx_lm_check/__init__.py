"""mlx-lm from PyPI, unmodified, on mlxcy against the reference binding (python -m tools.mlx_lm_check)."""
