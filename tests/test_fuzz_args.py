"""Bad-argument sweep (tools/fuzz, issue 17) over every function of mlx.core and its fft, linalg,
random and fast namespaces, from the API inventory: each parameter in turn gets bad types,
out-of-range axes, negative and huge sizes (10**6 x 10**6 shapes included: each call is evaluated
inside a worker process with an address-space limit), mismatched shapes, zero group sizes, empty
matrices; plus MLXCY_FUZZ_PAIRS (default 2) seeded two-parameter variations per function.

Fails on any crash (signal), hang, or SystemError; a clean exception or a result is fine. Runs in
CI (about 10 s on 2 cores). Findings, and the calls left out because they are legitimately slow,
are in tools/fuzz/FINDINGS.md and tools/fuzz/args.py; `python -m tools.fuzz args --ops mx.linalg`
reruns part of the sweep and writes a report.
"""
import importlib
import os
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def _import_tools():
    sys.path.insert(0, str(REPO))
    try:
        return {n: importlib.import_module(f"tools.fuzz.{n}") for n in ("args", "report")}
    finally:
        sys.path.remove(str(REPO))


T = _import_tools()
S = T["report"].settings()


def test_every_inventory_function_is_swept():
    swept = {q for q, _ in T["args"].functions()}
    assert len(swept) > 300
    for name in ("mx.zeros", "mx.linalg.inv", "mx.fft.rfft2", "mx.random.normal", "mx.fast.rms_norm",
                 "mx.quantize", "mx.conv2d", "mx.take"):
        assert name in swept


def test_bad_arguments_never_crash():
    sweep = T["report"].run_args(S["seed"], S["pairs"], workers=S["workers"], timeout=S["timeout"],
                                 mem_gb=S["mem_gb"])
    ops = {c["op"] for c in sweep.cases}
    assert len(ops) > 300
    groups = sweep.groups()
    lines = [f"{len(sweep.failures())} failing calls in {len(groups)} signatures (tools/fuzz/FINDINGS.md):"]
    for (op, verdict, _, detail), cases in list(groups.items())[:60]:
        lines.append(f"  {op} {verdict} {detail} x{len(cases)}: {cases[0]['src']}")
    assert not groups, "\n".join(lines)
