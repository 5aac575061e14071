"""Run a sweep, group its failures by signature, and render them as Markdown."""
import collections
import os
import re
import sys
import time

from . import args as args_mod
from . import files as files_mod
from . import pool

FAILING = ("crash", "hang", "unclean", "misread", "oracle_error")
REPORTED = FAILING + ("lenient",)


def settings():
    """Sweep sizes from the environment (fixed defaults keep CI deterministic)."""
    env = os.environ
    return {"files": int(env.get("MLXCY_FUZZ_CASES", "2000")), "seed": int(env.get("MLXCY_FUZZ_SEED", "0")),
            "pairs": int(env.get("MLXCY_FUZZ_PAIRS", "2")), "workers": int(env.get("MLXCY_FUZZ_WORKERS", "2")),
            "timeout": float(env.get("MLXCY_FUZZ_TIMEOUT", "10")),
            "mem_gb": float(env.get("MLXCY_FUZZ_MEM_GB", "4"))}


def crash_site(stderr):
    """The innermost Python frame faulthandler printed (file:line in function), or the last line."""
    frames = re.findall(r'File "([^"]+)", line (\d+) in (\S+)', stderr or "")
    if frames:
        f, line, fn = frames[0]                       # faulthandler lists the innermost frame first
        return f"{os.path.basename(f)}:{line} in {fn}"
    tail = (stderr or "").strip().splitlines()
    return tail[-1][:120] if tail else ""


def signature(case, result):
    """Grouping key of a failing case: what was fuzzed, how, and how it failed."""
    if case["kind"] == "file":
        how = case["how"].split("+")[0]
        if how.startswith(files_mod.F.GGUF_F64_TAG):
            how = "holds float64 metadata"        # one known cause, whatever the mutation
        where = f"{case['fmt']}{' mmap' if case['mmap'] else ''}"
    else:
        how, where = "", case["op"]
    detail = result["d"] if result["v"] in ("crash", "hang") else re.sub(r"\d+", "N", result["d"])[:80]
    if result["v"] == "crash":
        detail += " at " + crash_site(result.get("stderr"))
    return (where, result["v"], how, detail)


def reproducer(case, seed, python_name="mlxcy"):
    if case["kind"] == "call":
        return f"python -c \"import {python_name} as mx; r = {case['src']}; mx.eval(r)\"".replace(
            "mx.eval(r)", "mx.eval(r) if isinstance(r, mx.array) else None")
    mm = ", mmap=True" if case["mmap"] else ""
    return (f"python -m tools.fuzz --write-file {case['fmt']}:{seed}:{case['index']} /tmp/case && "
            f"(cd /tmp && python -c \"import mlxcy as mx; mx.load('/tmp/case', format='{case['fmt']}'{mm})\")")


class Sweep:
    def __init__(self, cases, results, seed, seconds):
        self.cases, self.results, self.seed, self.seconds = cases, results, seed, seconds
        self.by_id = {c["id"]: c for c in cases}

    def counts(self, key):
        out = collections.defaultdict(collections.Counter)
        for c in self.cases:
            out[key(c)][self.results[c["id"]]["v"]] += 1
        return out

    def groups(self, verdicts=FAILING):
        g = collections.OrderedDict()
        for c in self.cases:
            r = self.results[c["id"]]
            if r["v"] in verdicts:
                g.setdefault(signature(c, r), []).append(c)
        return g

    def failures(self):
        return [c for c in self.cases if self.results[c["id"]]["v"] in FAILING]

    def markdown(self, title):
        lines = [f"# {title}", "", f"{len(self.cases)} cases, seed {self.seed}, {self.seconds:.0f} s", ""]
        key = (lambda c: c["fmt"] + (" mmap" if c.get("mmap") else "")) if self.cases and \
            self.cases[0]["kind"] == "file" else (lambda c: c["op"].rsplit(".", 1)[0])
        verdicts = ("ok", "clean") + REPORTED
        lines += ["| group | " + " | ".join(verdicts) + " |", "|---" * (len(verdicts) + 1) + "|"]
        for k, cnt in sorted(self.counts(key).items()):
            lines.append(f"| {k} | " + " | ".join(str(cnt.get(v, 0)) for v in verdicts) + " |")
        slow = sorted(self.cases, key=lambda c: -self.results[c["id"]].get("t", 0.0))[:10]
        lines += ["", "## Slowest cases", ""] + [
            f"- {self.results[c['id']].get('t', 0.0):.2f} s {self.results[c['id']]['v']}: "
            f"`{c.get('src') or c['fmt'] + ':' + str(c['index'])}`" for c in slow]
        for verdicts_, head in ((FAILING, "Failures"), (("lenient",), "Accepted though the independent reader rejects")):
            groups = self.groups(verdicts_)
            lines += ["", f"## {head} ({sum(map(len, groups.values()))} cases, {len(groups)} signatures)", ""]
            for (where, verdict, how, detail), cs in groups.items():
                lines.append(f"- **{where}** {verdict} {how} `{detail}` x{len(cs)}: "
                             f"`{reproducer(cs[0], self.seed)}`")
        return "\n".join(lines)


def run_files(fmts, n, seed, workers=2, timeout=30.0, mem_gb=4.0, python=sys.executable, flavour="ours"):
    cases = []
    for fmt in fmts:
        cases += files_mod.file_cases(fmt, n, seed, start_id=len(cases))
    t = time.monotonic()
    results = pool.run_cases(cases, python, flavour, workers, timeout, int(mem_gb * (1 << 30)))
    return Sweep(cases, results, seed, time.monotonic() - t)


def run_args(seed, pairs, workers=2, timeout=30.0, mem_gb=4.0, python=sys.executable, flavour="ours",
             ops=None, limit=None):
    cases = args_mod.call_cases(seed, pairs)
    if ops:
        cases = [c for c in cases if any(c["op"] == o or c["op"].startswith(o + ".") for o in ops)]
    if limit is not None:
        cases = cases[:limit]
    t = time.monotonic()
    results = pool.run_cases(cases, python, flavour, workers, timeout, int(mem_gb * (1 << 30)))
    return Sweep(cases, results, seed, time.monotonic() - t)
