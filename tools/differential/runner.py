"""Feed cases to two long-lived workers (reference, mlxcy) and collect their results.

A worker that dies is restarted and the case it was running is recorded as {"t": "crash"}; one
that does not answer within the per-case timeout is killed, restarted, and the case recorded as
{"t": "hang"}. Either way the run goes on with the next case.
"""
import os
import subprocess
import sys
from pathlib import Path

from ..pipe_worker import PipeWorker, run_in_threads

WORKER = Path(__file__).with_name("worker.py")
REPO = Path(__file__).resolve().parents[2]
BATCH = 64                 # cases written per pipe write (well under the 64 KiB pipe buffer)
CASE_TIMEOUT_S = 60.0      # generous: a hang is a hang, not a slow case on a loaded machine


def reference_python():
    """The reference interpreter: $MLXCY_REFERENCE_PYTHON, else .refvenv/bin/python in the repo."""
    env = os.environ.get("MLXCY_REFERENCE_PYTHON")
    if env:
        return env
    return str(REPO / ".refvenv" / "bin" / "python")


def reference_problem(python):
    """None if `python` can import mlx.core (the reference), else why not."""
    if not Path(python).exists():
        return f"reference interpreter {python} not found (set MLXCY_REFERENCE_PYTHON or create .refvenv)"
    p = subprocess.run([python, "-c", "import mlx.core, mlx.nn, numpy; print(mlx.core.__version__)"],
                       capture_output=True, text=True, cwd="/")
    if p.returncode != 0:
        return f"{python} cannot import mlx: {p.stderr.strip().splitlines()[-1:]}"
    if p.stdout.strip() != "0.32.4":
        return f"{python} has mlx {p.stdout.strip()}, not 0.32.4"
    return None


class Worker(PipeWorker):
    """Cases are (id, seed, src); each answer is the case's result record."""
    batch = BATCH

    def __init__(self, python, flavour, env=None):
        super().__init__(python, WORKER, flavour, CASE_TIMEOUT_S, env=env)

    def message(self, case):
        case_id, seed, src = case
        return {"id": case_id, "seed": seed, "src": src}

    def record_answer(self, case, msg, results):
        results[msg["id"]] = msg["r"]

    def record_failure(self, case, verdict, results):
        results[case[0]] = {"t": verdict, "code": self._exit_code(), "stderr": self.stderr_tail(400)}

    def _exit_code(self):
        try:
            return self.proc.wait(timeout=2)
        except subprocess.TimeoutExpired:
            return None


def run_both(cases, ref_python, ours_python=sys.executable):
    """Results of `cases` [(id, seed, src)] under both bindings, the two workers running in parallel."""
    ref_results, ours_results = {}, {}
    # Same BLAS as the reference (netlib, from the mlx-cpu wheel) so matmul results compare exactly.
    ref = Worker(ref_python, "ref")
    ours = Worker(ours_python, "ours", env={"MLXCY_BLAS": "reference"})
    run_in_threads([(ref, cases, ref_results), (ours, cases, ours_results)])
    return ref_results, ours_results, {"ref_restarts": ref.restarts, "ours_restarts": ours.restarts}
