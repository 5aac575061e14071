"""Long-lived worker processes fed JSON lines over pipes, which survive their workers.

Shared by the fuzzers (tools/fuzz) and the differential harness (tools/differential): each has
its own `worker.py` that answers one JSON line per case. A worker that dies, or does not answer
within the per-case timeout, is stopped and restarted; the case it was running is handed to
`record_failure` as a crash or a hang, and the run goes on with the next case.
"""
import json
import os
import resource
import select
import subprocess
import tempfile
import threading
import time

START_TIMEOUT_S = 300.0   # the first import of an editable mlxcy may rebuild modules


def _process_limits(data_limit_bytes):
    def apply():
        if data_limit_bytes > 0:
            resource.setrlimit(resource.RLIMIT_DATA, (data_limit_bytes, data_limit_bytes))
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))      # no core files from expected crashes
    return apply


class PipeWorker:
    """`python script flavour`, answering each JSON line it reads with one JSON line.

    Subclasses say how a case is written (`message`), where an answer goes (`record_answer`)
    and how a crash or hang is recorded (`record_failure`, called while the dead or hung process
    is still there to ask)."""

    batch = 32   # cases written per pipe write (well under the 64 KiB pipe buffer)

    def __init__(self, python, script, flavour, case_timeout_s, *, env=None, data_limit_bytes=0):
        self.python, self.script, self.flavour = python, script, flavour
        self.case_timeout_s, self.env, self.data_limit_bytes = case_timeout_s, env, data_limit_bytes
        self.proc, self.restarts, self._buf = None, 0, b""

    def start(self):
        # set iteration order (in either binding) is part of a result
        env = dict(os.environ, PYTHONHASHSEED="0", **(self.env or {}))
        self.stderr = tempfile.TemporaryFile()       # its tail goes with a crash record
        self.proc = subprocess.Popen([self.python, str(self.script), self.flavour], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=self.stderr, cwd="/", env=env,
                                     preexec_fn=_process_limits(self.data_limit_bytes))
        self._buf = b""
        ready = self.readline(START_TIMEOUT_S)
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

    def readline(self, timeout):
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

    def stderr_tail(self, n):
        self.stderr.seek(0, os.SEEK_END)
        size = self.stderr.tell()
        self.stderr.seek(max(0, size - n))
        return self.stderr.read().decode(errors="replace")

    def message(self, case):
        return case

    def record_answer(self, case, msg, results):
        raise NotImplementedError

    def record_failure(self, case, verdict, results):
        raise NotImplementedError

    def run(self, cases, results):
        """Run `cases`, filling `results` through the record_* methods."""
        pending = list(cases)
        while pending:
            if self.proc is None:
                self.start()
            batch = pending[:self.batch]
            try:
                self.proc.stdin.write("".join(json.dumps(self.message(c)) + "\n" for c in batch).encode())
                self.proc.stdin.flush()
            except OSError:
                pass                                   # dead worker: the read below sees EOF
            done = 0
            for case in batch:
                msg = self.readline(self.case_timeout_s)
                done += 1
                if msg is None or msg == "hang":
                    self.record_failure(case, "crash" if msg is None else "hang", results)
                    self.stop()
                    self.restarts += 1
                    break
                self.record_answer(case, msg, results)
            pending = pending[done:]


def run_in_threads(jobs):
    """Run each (worker, cases, results) in its own thread; stop every worker; raise the first
    error any of them met."""
    errors = []

    def go(worker, cases, results):
        try:
            worker.run(cases, results)
        except Exception as e:  # noqa: BLE001 -- re-raised below
            errors.append(e)
        finally:
            worker.stop()

    threads = [threading.Thread(target=go, args=job) for job in jobs]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if errors:
        raise errors[0]
