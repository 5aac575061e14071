"""A pool of long-lived worker processes that survives its workers.

Cases go to `worker.py` processes over pipes, one JSON line each. A worker that dies is restarted
and the case it was running is recorded as a crash (with its exit signal and the tail of its
stderr, where faulthandler wrote the Python stack); one that does not answer within the per-case
timeout is killed, restarted, and the case recorded as a hang. Each worker runs under a data-size
limit (RLIMIT_DATA: writable private memory; unlike RLIMIT_AS it leaves alone the large address
reservations a CUDA context makes), so that a huge allocation fails inside the worker instead of
exhausting the machine. A limit of 0 means none.
"""
import json
import os
import resource
import select
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

WORKER = Path(__file__).with_name("worker.py")
BATCH = 32
START_TIMEOUT_S = 300.0          # the first import of an editable mlxcy may rebuild modules


def _limit_memory(limit_bytes):
    def apply():
        if limit_bytes > 0:
            resource.setrlimit(resource.RLIMIT_DATA, (limit_bytes, limit_bytes))
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))      # no core files from expected crashes
    return apply


class Worker:
    def __init__(self, python, flavour, case_timeout_s, mem_limit_bytes):
        self.python, self.flavour = python, flavour
        self.case_timeout_s, self.mem_limit_bytes = case_timeout_s, mem_limit_bytes
        self.proc, self.restarts, self._buf = None, 0, b""

    def start(self):
        env = dict(os.environ, PYTHONHASHSEED="0", OMP_NUM_THREADS="1")
        self.stderr = tempfile.TemporaryFile()
        self.proc = subprocess.Popen([self.python, str(WORKER), self.flavour], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=self.stderr, cwd="/", env=env,
                                     preexec_fn=_limit_memory(self.mem_limit_bytes))
        self._buf = b""
        ready = self._readline(START_TIMEOUT_S)
        if not isinstance(ready, dict) or "ready" not in ready:
            self.stderr.seek(0)
            raise RuntimeError(f"{self.flavour} worker ({self.python}) did not start: "
                               f"{self.stderr.read()[-2000:].decode(errors='replace')}")

    def stop(self):
        if self.proc is not None:
            self.proc.kill()
            self.proc.wait()
            self.proc = None
            self.stderr.close()

    def _readline(self, timeout):
        """One JSON message; None on EOF; "hang" on timeout."""
        fd = self.proc.stdout.fileno()
        deadline = time.monotonic() + timeout
        while b"\n" not in self._buf:
            left = deadline - time.monotonic()
            if left <= 0:
                return "hang"
            r, _, _ = select.select([fd], [], [], left)
            if not r:
                continue
            chunk = os.read(fd, 1 << 16)
            if not chunk:
                return None
            self._buf += chunk
        line, self._buf = self._buf.split(b"\n", 1)
        return json.loads(line)

    def _stderr_tail(self, n=1500):
        self.stderr.seek(0, os.SEEK_END)
        size = self.stderr.tell()
        self.stderr.seek(max(0, size - n))
        return self.stderr.read().decode(errors="replace")

    def run(self, cases, results):
        """cases: [dict with "id"]; fills results[id] = {"v": verdict, "d": detail}."""
        pending = list(cases)
        while pending:
            if self.proc is None:
                self.start()
            batch = pending[:BATCH]
            try:
                self.proc.stdin.write("".join(json.dumps(c) + "\n" for c in batch).encode())
                self.proc.stdin.flush()
            except OSError:
                pass                                   # dead worker: the read below sees EOF
            done = 0
            for case in batch:
                msg = self._readline(self.case_timeout_s)
                done += 1
                if msg is None or msg == "hang":
                    if msg == "hang":
                        self.proc.kill()
                    code = self.proc.wait()
                    results[case["id"]] = {"v": "crash" if msg is None else "hang",
                                           "d": f"exit {code}", "stderr": self._stderr_tail(),
                                           "t": self.case_timeout_s if msg == "hang" else 0.0}
                    self.stop()
                    self.restarts += 1
                    break
                results[msg["id"]] = {"v": msg["v"], "d": msg["d"], "t": msg.get("t", 0.0)}
            pending = pending[done:]


def run_cases(cases, python=sys.executable, flavour="ours", workers=2, case_timeout_s=30.0,
              mem_limit_bytes=4 << 30):
    """Results {id: {"v", "d"[, "stderr"]}} of `cases`, spread round-robin over `workers` processes."""
    results, errors = {}, []
    pool = [Worker(python, flavour, case_timeout_s, mem_limit_bytes) for _ in range(workers)]

    def go(worker, share):
        try:
            worker.run(share, results)
        except Exception as e:  # noqa: BLE001 -- re-raised below
            errors.append(e)
        finally:
            worker.stop()

    threads = [threading.Thread(target=go, args=(w, cases[i::workers])) for i, w in enumerate(pool)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if errors:
        raise errors[0]
    return results
