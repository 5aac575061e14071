"""Work in a worker thread while the main thread waits (issue 18): the shape of mlx-lm's server,
which generates in a worker thread on a stream made at import while HTTP threads block on queues.

Each case runs in a fresh interpreter with a timeout, so that a hang fails the test instead of
stopping the suite. Expected outcomes are what the reference binding (mlx 0.32.4) does, observed
with the same scripts: a thread-local stream made in the main thread works in the worker; a plain
stream made in the main thread is refused there with a RuntimeError (libmlx's streams belong to the
thread that made them; mlx-lm moved to new_thread_local_stream for this reason).
"""
import json
import subprocess
import sys
import textwrap

import numpy as np

HANG_SECONDS = 120

# The worker repeats y <- (y @ m) / 8 with async_eval one step ahead, as mlx_lm's generate_step
# does, handing each step's sum to the main thread through a queue.
PRELUDE = """
import json, queue, sys, threading
import numpy as np
import mlxcy as mx

M = (np.arange(64, dtype=np.float32).reshape(8, 8) % 5 - 2) / 4
STEPS = 12
"""


def _run(body):
    res = subprocess.run([sys.executable, "-c", textwrap.dedent(PRELUDE) + textwrap.dedent(body)],
                         capture_output=True, text=True, cwd="/", timeout=HANG_SECONDS)
    assert res.returncode == 0, res.stderr
    return json.loads(res.stdout.strip().splitlines()[-1])


def _expected_sums(steps=12):
    m = (np.arange(64, dtype=np.float64).reshape(8, 8) % 5 - 2) / 4
    y, sums = m.copy(), []
    for _ in range(steps):
        sums.append(y.sum())
        y = (y @ m) / 8
    return sums


def test_worker_generates_on_a_thread_local_stream_while_main_waits_on_a_queue():
    out = _run("""
        generation_stream = mx.new_thread_local_stream(mx.default_device())   # at import, in main
        tokens = queue.Queue()

        def generate():
            try:
                with mx.stream(generation_stream):
                    m = mx.array(M)
                    y = m
                    mx.async_eval(y)
                    for _ in range(STEPS):
                        nxt = (y @ m) / 8
                        mx.async_eval(nxt)
                        tokens.put(y.sum().item())
                        y = nxt
                tokens.put(None)
            except Exception as e:
                tokens.put(f"{type(e).__name__}: {e}")

        worker = threading.Thread(target=generate)
        worker.start()
        got = []
        while True:
            item = tokens.get()          # blocks, no timeout, as a request handler does
            if not isinstance(item, float):
                break
            got.append(item)
        worker.join()
        # then the main thread goes on with its own work on its own default stream
        own = (mx.array(M) * 2).sum().item()
        print(json.dumps({"got": got, "end": item, "own": own}))
    """)
    assert out["end"] is None
    np.testing.assert_allclose(out["got"], _expected_sums(), rtol=1e-5, atol=1e-6)
    assert out["own"] == float(np.sum(((np.arange(64) % 5 - 2) / 4) * 2))


def test_server_loop_serves_requests_from_the_main_thread():
    # A long-lived worker polls a request queue (with a timeout, as mlx_lm.server's does) and
    # answers each request on its own response queue; the main thread sends three and waits.
    out = _run("""
        stream = mx.new_thread_local_stream(mx.default_device())
        requests = queue.Queue()
        stop = threading.Event()

        def serve():
            with mx.stream(stream):
                m = mx.array(M)
                while not stop.is_set():
                    try:
                        scale, reply = requests.get(timeout=0.05)
                    except queue.Empty:
                        continue
                    try:
                        y = m * scale
                        for _ in range(STEPS):
                            mx.async_eval(y)
                            y = (y @ m) / 8
                        reply.put(y.sum().item())
                    except Exception as e:
                        reply.put(f"{type(e).__name__}: {e}")

        worker = threading.Thread(target=serve, daemon=True)
        worker.start()
        answers = []
        for scale in (1.0, 2.0, -1.0):
            reply = queue.Queue()
            requests.put((scale, reply))
            answers.append(reply.get())
        stop.set()
        worker.join()
        print(json.dumps({"answers": answers, "own": mx.array(M).sum().item()}))
    """)
    last = _expected_sums(13)[-1]
    np.testing.assert_allclose(out["answers"], [last, 2 * last, -last], rtol=1e-5, atol=1e-6)
    assert out["own"] == float(np.sum((np.arange(64) % 5 - 2) / 4))


def test_stream_made_in_main_is_refused_in_a_worker_without_hanging():
    # The reference raises "RuntimeError: There is no Stream(cpu, N) in current thread." in the
    # worker (kwarg or context manager alike), and the main thread carries on.
    out = _run("""
        s = mx.new_stream(mx.default_device())
        results = queue.Queue()

        def worker():
            for how in ("context", "kwarg"):
                try:
                    if how == "context":
                        with mx.stream(s):
                            v = (mx.array(M) + 1).sum().item()
                    else:
                        v = mx.add(mx.array(M), 1, stream=s).sum().item()
                    results.put((how, "ok", v))
                except RuntimeError as e:
                    results.put((how, "RuntimeError", str(e)))

        t = threading.Thread(target=worker)
        t.start()
        got = [results.get(), results.get()]
        t.join()
        with mx.stream(s):               # the stream still works in the thread that made it
            own = (mx.array(M) + 1).sum().item()
        print(json.dumps({"got": got, "own": own, "default": repr(mx.default_stream(mx.default_device()))}))
    """)
    assert [g[:2] for g in out["got"]] == [["context", "RuntimeError"], ["kwarg", "RuntimeError"]]
    assert all("in current thread" in g[2] for g in out["got"])
    assert out["own"] == float(np.sum((np.arange(64) % 5 - 2) / 4 + 1))


def test_worker_with_its_own_stream_and_main_waiting_on_join():
    out = _run("""
        result = {}

        def worker():
            s = mx.new_stream(mx.default_device())
            with mx.stream(s):
                y = mx.array(M)
                for _ in range(STEPS):
                    y = (y @ mx.array(M)) / 8
                mx.eval(y)
                result["sum"] = y.sum().item()
            mx.synchronize(s)

        t = threading.Thread(target=worker)
        t.start()
        t.join()
        print(json.dumps({"sum": result["sum"], "own": mx.array(M).sum().item()}))
    """)
    np.testing.assert_allclose(out["sum"], _expected_sums(13)[-1], rtol=1e-5, atol=1e-6)
    assert out["own"] == float(np.sum((np.arange(64) % 5 - 2) / 4))


def test_interpreter_exits_cleanly_with_threads_still_computing():
    # issue 17 saw, twice in ten runs, "terminate called without an active exception" at exit
    # after threaded work; not reproduced since (tools/fuzz/FINDINGS.md). Daemon threads still
    # evaluating graphs when the interpreter exits must not abort the process.
    for _ in range(3):
        body = """
        import time
        def work():
            while True:
                x = mx.random.normal((128, 128))
                mx.eval(x @ x)
        for _ in range(2):
            threading.Thread(target=work, daemon=True).start()
        time.sleep(0.2)
        print(json.dumps("end"))
        """
        assert _run(body) == "end"


def test_exit_parks_daemon_threads_that_start_an_evaluation_after_the_atexit_handlers():
    # src/exit_guard.h: once mlxcy's atexit handler has run, a daemon thread's next evaluation
    # never starts (it would run while libmlx's state is destroyed: the GPU exit crash above, seen
    # in the reference too), while the exiting main thread still evaluates normally. An atexit
    # handler registered before mlxcy is imported runs after mlxcy's: it watches the thread's
    # count of finished evaluations stand still, then evaluates an array itself.
    script = textwrap.dedent("""
        import atexit, json, threading, time
        done = [0]
        def after_mlxcy_handler():
            first = done[0]
            time.sleep(0.3)
            still = done[0] == first
            print(json.dumps({"thread_parked": still, "main": (mx.ones(2) * 3).tolist()}), flush=True)
        atexit.register(after_mlxcy_handler)
        import mlxcy as mx
        def work():
            while True:
                mx.eval(mx.ones((16, 16)) @ mx.ones((16, 16)))
                done[0] += 1
        threading.Thread(target=work, daemon=True).start()
        while done[0] < 5:
            time.sleep(0.01)
        """)
    res = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd="/",
                         timeout=HANG_SECONDS)
    assert res.returncode == 0, res.stderr
    assert json.loads(res.stdout.strip().splitlines()[-1]) == {"thread_parked": True, "main": [3.0, 3.0]}
