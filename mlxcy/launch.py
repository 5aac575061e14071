"""Launch a program on several processes that talk through mlxcy.distributed.

    python -m mlxcy.launch -n 4 train.py --lr 0.1          # 4 local ranks, ring backend
    python -m mlxcy.launch --hostfile hosts.json train.py   # ranks on the listed hosts
    python -m mlxcy.launch -n 2 --backend mpi train.py      # through mpirun

For the ring backend it writes the hostfile MLX reads (a JSON list, one entry per rank, of
"ip:port" addresses), sets MLX_RANK / MLX_HOSTFILE for each rank, prefixes every output line
with its rank, and when any rank fails it terminates the others and exits with that rank's code.
The hostfile may be the reference's format ({"hosts": [{"ssh": host, "ips": [ip, ...]}, ...]})
or a plain list of hosts; hosts other than this machine are reached with ssh.
"""
import argparse
import json
import os
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time

LOCAL_NAMES = {"127.0.0.1", "localhost", "::1", socket.gethostname()}


def _clean_environ():
    """os.environ without the variables an MPI runtime initialised in this process leaves
    behind (a singleton MPI_Init exports OMPI_*/PMIX_*), which would confuse the new ranks."""
    return {k: v for k, v in os.environ.items() if not k.startswith(("OMPI_", "PMIX_", "OPAL_", "PRTE_"))}


def _free_ports(n, host="127.0.0.1"):
    """n distinct ports that are free on `host` right now."""
    socks, ports = [], []
    try:
        for _ in range(n):
            s = socket.socket()
            s.bind((host, 0))
            socks.append(s)
            ports.append(s.getsockname()[1])
    finally:
        for s in socks:
            s.close()
    return ports


def _read_hostfile(path):
    """[(ssh host, ip)] from the reference's JSON hostfile format or a plain list."""
    with open(path) as f:
        data = json.load(f)
    entries = data["hosts"] if isinstance(data, dict) else data
    hosts = []
    for e in entries:
        if isinstance(e, str):
            hosts.append((e, e))
        elif isinstance(e, dict):
            ssh = e.get("ssh") or (e.get("ips") or ["127.0.0.1"])[0]
            hosts.append((ssh, (e.get("ips") or [ssh])[0]))
        else:
            raise ValueError(f"hostfile entry must be a host name or an object with 'ssh'/'ips': {e!r}")
    if not hosts:
        raise ValueError(f"hostfile {path} lists no hosts")
    return hosts


def _pump(stream, rank, out, lock):
    for line in iter(stream.readline, b""):
        with lock:
            out.write(f"[{rank}] ".encode() + line)
            out.flush()
    stream.close()


def _run_all(commands, envs, timeout):
    """Start one process per rank; return the first non-zero exit code (0 if all succeed)."""
    lock = threading.Lock()
    out = sys.stdout.buffer
    procs, pumps = [], []
    for rank, (cmd, env) in enumerate(zip(commands, envs)):
        p = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True)
        procs.append(p)
        t = threading.Thread(target=_pump, args=(p.stdout, rank, out, lock), daemon=True)
        t.start()
        pumps.append(t)
    deadline = time.monotonic() + timeout if timeout else None
    code = 0
    try:
        while True:
            codes = [p.poll() for p in procs]
            failed = [(r, c) for r, c in enumerate(codes) if c not in (None, 0)]
            if failed:
                rank, code = failed[0]
                sys.stderr.write(f"mlxcy.launch: rank {rank} exited with code {code}; stopping the others\n")
                break
            if all(c == 0 for c in codes):
                break
            if deadline and time.monotonic() > deadline:
                sys.stderr.write(f"mlxcy.launch: timed out after {timeout} s; stopping every rank\n")
                code = 124
                break
            time.sleep(0.05)
    except KeyboardInterrupt:
        code = 130
    _terminate(procs)
    for t in pumps:
        t.join(timeout=2)
    return code


def _terminate(procs, grace=3.0):
    for p in procs:
        if p.poll() is None:
            try:
                os.killpg(p.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
    end = time.monotonic() + grace
    for p in procs:
        try:
            p.wait(timeout=max(0.0, end - time.monotonic()))
        except subprocess.TimeoutExpired:
            try:
                os.killpg(p.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            p.wait()


def _ring_commands(hosts, program, workdir):
    """Commands and environments for a ring over `hosts` (one rank per entry)."""
    local = all(ssh in LOCAL_NAMES for ssh, _ in hosts)
    ports = _free_ports(len(hosts)) if local else [5000 + r for r in range(len(hosts))]
    ring = [[f"{ip}:{port}"] for (_, ip), port in zip(hosts, ports)]
    fd, hostfile = tempfile.mkstemp(prefix="mlxcy-hosts-", suffix=".json", dir=workdir)
    with os.fdopen(fd, "w") as f:
        json.dump(ring, f)
    commands, envs = [], []
    for rank, (ssh, _) in enumerate(hosts):
        env = dict(_clean_environ(), MLX_RANK=str(rank), MLX_HOSTFILE=hostfile, PYTHONUNBUFFERED="1")
        if ssh in LOCAL_NAMES:
            commands.append(program)
        else:
            remote_env = f"MLX_RANK={rank} MLX_HOSTFILE={shlex.quote(hostfile)} PYTHONUNBUFFERED=1"
            commands.append(["ssh", ssh, f"cd {shlex.quote(os.getcwd())} && {remote_env} " + shlex.join(program)])
        envs.append(env)
    return commands, envs, hostfile


def main(argv=None):
    ap = argparse.ArgumentParser(prog="python -m mlxcy.launch", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-n", "--nproc", type=int, help="number of local processes (ring backend)")
    ap.add_argument("--hostfile", help="JSON hostfile: one rank per host entry")
    ap.add_argument("--backend", default="ring", choices=["ring", "mpi"], help="communication backend")
    ap.add_argument("--python", default=sys.executable, help="interpreter that runs the script")
    ap.add_argument("--timeout", type=float, default=0, help="stop every rank after this many seconds (0: never)")
    ap.add_argument("script", help="the Python script to run on every rank")
    ap.add_argument("args", nargs=argparse.REMAINDER, help="arguments for the script")
    a = ap.parse_args(argv)
    if (a.nproc is None) == (a.hostfile is None):
        ap.error("give exactly one of -n/--nproc and --hostfile")
    if a.nproc is not None and a.nproc < 1:
        ap.error("-n must be at least 1")
    if not os.path.isfile(a.script):
        ap.error(f"no such script: {a.script}")
    program = [a.python, a.script] + a.args
    try:
        hosts = _read_hostfile(a.hostfile) if a.hostfile else [("127.0.0.1", "127.0.0.1")] * a.nproc
    except (OSError, ValueError, KeyError) as e:
        ap.error(f"cannot read hostfile: {e}")

    if a.backend == "mpi":
        mpirun = shutil.which("mpirun")
        if mpirun is None:
            ap.error("the mpi backend needs mpirun on PATH (e.g. apt-get install openmpi-bin)")
        cmd = [mpirun, "--oversubscribe", "-np", str(len(hosts)), "-x", "PYTHONUNBUFFERED=1"]
        if os.geteuid() == 0:
            cmd.append("--allow-run-as-root")
        if a.hostfile:
            cmd += ["--host", ",".join(h for h, _ in hosts)]
        return _run_all([cmd + program], [_clean_environ()], a.timeout)

    with tempfile.TemporaryDirectory(prefix="mlxcy-launch-") as workdir:
        commands, envs, _ = _ring_commands(hosts, program, workdir)
        return _run_all(commands, envs, a.timeout)


if __name__ == "__main__":
    sys.exit(main())
