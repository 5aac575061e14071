"""Feed cases to two long-lived workers (reference, mlxcy) and collect their results.

A worker that dies is restarted and the case it was running is recorded as {"t": "crash"}; one
that does not answer within the per-case timeout is killed, restarted, and the case recorded as
{"t": "hang"}. Either way the run goes on with the next case.
"""
import json
import os
import select
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

WORKER = Path(__file__).with_name("worker.py")
REPO = Path(__file__).resolve().parents[2]
BATCH = 64                 # cases written per pipe write (well under the 64 KiB pipe buffer)
CASE_TIMEOUT_S = 60.0      # generous: a hang is a hang, not a slow case on a loaded machine
START_TIMEOUT_S = 300.0    # first import of an editable mlxcy may rebuild modules


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


class Worker:
    def __init__(self, python, flavour, env=None):
        self.python, self.flavour, self.env = python, flavour, env
        self.proc = None
        self.restarts = 0
        self._buf = b""

    def start(self):
        env = dict(os.environ)
        env["PYTHONHASHSEED"] = "0"       # set iteration order (in either binding) is part of a result
        env.update(self.env or {})
        self.stderr = tempfile.TemporaryFile()       # its tail goes with a crash record
        self.proc = subprocess.Popen([self.python, str(WORKER), self.flavour], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=self.stderr,
                                     cwd="/", env=env)
        self._buf = b""
        ready = self._readline(START_TIMEOUT_S)
        if ready is None or "ready" not in ready:
            raise RuntimeError(f"{self.flavour} worker ({self.python}) did not start")

    def stop(self):
        if self.proc is not None:
            self.proc.kill()
            self.proc.wait()
            self.proc = None
            self.stderr.close()

    def _readline(self, timeout):
        """One JSON line from the worker; None on EOF; "hang" on timeout."""
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

    def run(self, cases, results):
        """Run cases [(id, seed, src)], filling results[id]."""
        pending = list(cases)
        while pending:
            if self.proc is None:
                self.start()
            batch = pending[:BATCH]
            try:
                data = "".join(json.dumps({"id": i, "seed": s, "src": src}) + "\n" for i, s, src in batch)
                self.proc.stdin.write(data.encode())
                self.proc.stdin.flush()
            except (BrokenPipeError, OSError):
                pass                     # dead worker: the read below sees EOF
            done = 0
            for case_id, _, _ in batch:
                msg = self._readline(CASE_TIMEOUT_S)
                if msg is None or msg == "hang":
                    results[case_id] = {"t": "crash" if msg is None else "hang",
                                        "code": self._exit_code(), "stderr": self._stderr_tail()}
                    self.stop()
                    self.restarts += 1
                    done += 1
                    break
                results[msg["id"]] = msg["r"]
                done += 1
            pending = pending[done:]

    def _stderr_tail(self, n=400):
        self.stderr.seek(0, os.SEEK_END)
        size = self.stderr.tell()
        self.stderr.seek(max(0, size - n))
        return self.stderr.read().decode(errors="replace")

    def _exit_code(self):
        if self.proc is None:
            return None
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
    errors = []

    def go(worker, results):
        try:
            worker.run(cases, results)
        except Exception as e:  # noqa: BLE001 -- reported to the caller below
            errors.append(e)
        finally:
            worker.stop()

    threads = [threading.Thread(target=go, args=(ref, ref_results)),
               threading.Thread(target=go, args=(ours, ours_results))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if errors:
        raise errors[0]
    return ref_results, ours_results, {"ref_restarts": ref.restarts, "ours_restarts": ours.restarts}
