"""A pool of long-lived worker processes that survives its workers.

Cases go to `worker.py` processes over pipes, one JSON line each. A worker that dies is restarted
and the case it was running is recorded as a crash (with its exit signal and the tail of its
stderr, where faulthandler wrote the Python stack); one that does not answer within the per-case
timeout is killed, restarted, and the case recorded as a hang. Each worker runs under a data-size
limit (RLIMIT_DATA: writable private memory; unlike RLIMIT_AS it leaves alone the large address
reservations a CUDA context makes), so that a huge allocation fails inside the worker instead of
exhausting the machine. A limit of 0 means none.
"""
import sys
from pathlib import Path

from ..pipe_worker import PipeWorker, run_in_threads

WORKER = Path(__file__).with_name("worker.py")


class Worker(PipeWorker):
    batch = 32

    def __init__(self, python, flavour, case_timeout_s, mem_limit_bytes):
        super().__init__(python, WORKER, flavour, case_timeout_s, env={"OMP_NUM_THREADS": "1"},
                         data_limit_bytes=mem_limit_bytes)

    def record_answer(self, case, msg, results):
        results[msg["id"]] = {"v": msg["v"], "d": msg["d"], "t": msg.get("t", 0.0)}

    def record_failure(self, case, verdict, results):
        if verdict == "hang":
            self.proc.kill()
        code = self.proc.wait()
        results[case["id"]] = {"v": verdict, "d": f"exit {code}", "stderr": self.stderr_tail(1500),
                               "t": self.case_timeout_s if verdict == "hang" else 0.0}


def run_cases(cases, python=sys.executable, flavour="ours", workers=2, case_timeout_s=30.0,
              mem_limit_bytes=4 << 30):
    """Results {id: {"v", "d"[, "stderr"]}} of `cases`, spread round-robin over `workers` processes."""
    results = {}
    pool = [Worker(python, flavour, case_timeout_s, mem_limit_bytes) for _ in range(workers)]
    run_in_threads([(w, cases[i::workers], results) for i, w in enumerate(pool)])
    return results
