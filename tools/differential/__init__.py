"""Differential testing of mlxcy against the reference binding (mlx 0.32.4).

generator.py makes seeded cases, worker.py runs them under one binding, runner.py drives a
worker per binding, compare.py compares results, allowlist.py lists the intended differences
(each citing its row of docs/differences.md), report.py groups what is left. CLI:
`python -m tools.differential --cases N --seed S --report out.md`.
"""
