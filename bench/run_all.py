"""Run every benchmark in bench/ and write bench/RESULTS.md and README.md's benchmark table.

Each ``bench/<name>.py`` script (files starting with ``_`` and this one excepted) runs in its own
process with ``--quick --json OUT`` (cuda.py at full size), so that the whole run takes about ten
minutes on a 2-core CPU. The rows each script writes (format: _peers.py) give the ratios: mlxcy's
time over each peer's time for the same case (``mlxcy_<metric>_<unit>`` over
``<peer>_<metric>_<unit>``; a memory ratio where the unit is bytes). Below 1: mlxcy is faster.

cuda.py needs an NVIDIA GPU: where ``mlxcy.cuda.is_available()`` is False it is skipped, and
the report's GPU section is read from bench/results_cuda.json, written on a GPU machine by
``python bench/cuda.py --json bench/results_cuda.json``. The same section shows mlx-lm generation on
the GPU when bench/results_generate_cuda.json exists (``tools/run_gpu_generate.sh`` writes it with
``python bench/generate.py --device gpu``; run_all itself runs generate.py on the CPU only). Each run
saves what it measured in bench/results_cpu.json; ``--render`` rewrites the report and README from
these files without running anything (after a new GPU run, say).

The reference binding is measured in the interpreter named by MLXCY_BENCH_REF_PYTHON (see
``_peers.py``). Run:
``python bench/run_all.py [--only blas dispatch] [--out bench/RESULTS.md] [--readme README.md] [--render]``.
"""
import argparse
import json
import math
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from _peers import UNITS, WHO, machine, now_utc, versions  # noqa: E402

GPU_RESULTS = os.path.join(HERE, "results_cuda.json")
GPU_GENERATE_RESULTS = os.path.join(HERE, "results_generate_cuda.json")   # generate.py --device gpu
CPU_RESULTS = os.path.join(HERE, "results_cpu.json")
README = os.path.join(os.path.dirname(HERE), "README.md")
START, END = "<!-- bench-table:start -->", "<!-- bench-table:end -->"
GPU_COMMAND = ("MLXCY_BENCH_REF_PYTHON=<python with mlx[cuda13]==0.32.4> "
               "python bench/cuda.py --json bench/results_cuda.json")
GPU_GENERATE_COMMAND = "tools/run_gpu_generate.sh WHEEL_DIR"
FULL_SIZE = {"cuda"}          # scripts run_all runs without --quick (cuda.py takes seconds on a GPU)
# More options for some scripts: dispatch.py builds its C++ floor (once; not part of the normal build).
EXTRA_ARGS = {"dispatch": ["--build-floor"]}

PEER_LABEL = {"ref": "reference (mlx)", "numpy": "NumPy", "torch": "PyTorch", "safetensors": "safetensors"}
PEERS = list(PEER_LABEL.values())
FIELD = re.compile(r"^(?P<who>%s)(?:_(?P<metric>[a-z0-9]+(?:_[a-z0-9]+)*?))?_(?P<unit>%s)$"
                   % ("|".join(WHO), "|".join(UNITS)))


def scripts(only=None):
    """The benchmark scripts present, by name."""
    names = sorted(f[:-3] for f in os.listdir(HERE)
                   if f.endswith(".py") and not f.startswith("_") and f != "run_all.py")
    if only:
        missing = sorted(set(only) - set(names))
        if missing:
            raise SystemExit(f"run_all.py: error: no such benchmark: {', '.join(missing)} (have {', '.join(names)})")
        names = [n for n in names if n in only]
    return names


def cuda_skip_reason(python=sys.executable):
    """Why cuda.py cannot run with `python` (None when mlxcy.cuda.is_available() is True)."""
    res = subprocess.run([python, "-c", "import mlxcy; print(mlxcy.cuda.is_available())"],
                         capture_output=True, text=True, cwd="/", timeout=600)
    if res.returncode != 0:
        return "mlxcy could not be imported to ask for a GPU: " + (res.stderr.strip().splitlines() or ["?"])[-1]
    if res.stdout.strip().splitlines()[-1:] == ["True"]:
        return None
    return "no NVIDIA GPU here (mlxcy.cuda.is_available() is False)"


def run_script(name, timeout, json_out=None):
    """Run one script; returns a run record: payload (or None), console output, error, args."""
    path = os.path.join(HERE, name + ".py")
    args = ([] if name in FULL_SIZE else ["--quick"]) + EXTRA_ARGS.get(name, [])
    with tempfile.TemporaryDirectory() as tmp:
        out = json_out or os.path.join(tmp, name + ".json")
        record = {"payload": None, "console": "", "error": None, "args": list(args), "skipped": None}
        try:
            res = subprocess.run([sys.executable, path, *args, "--json", out], capture_output=True,
                                 text=True, cwd=HERE, timeout=timeout)
        except subprocess.TimeoutExpired:
            record["error"] = f"timed out after {timeout}s"
            return record
        record["console"] = res.stdout + res.stderr
        if res.returncode != 0:
            last = (res.stderr.strip().splitlines() or ["no message"])[-1]
            record["error"] = f"exit status {res.returncode}: {last}"
        elif not os.path.exists(out):
            record["error"] = "wrote no --json results"
        else:
            with open(out) as f:
                record["payload"] = json.load(f)
            if record["payload"].get("error"):
                record["error"] = record["payload"]["error"].strip().splitlines()[-1]
    return record


def _number(v):
    return isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v) and v > 0


def ratios(rows):
    """Every ratio the rows give: mlxcy's field over each peer's field of the same metric and unit.

    Returns dicts with case (the row's label, plus the metric where a row has several), group,
    headline, peer (report label), kind ("time" or "memory") and ratio.
    """
    found = []
    for row in rows:
        fields = {}
        for key, value in row.items():
            m = FIELD.match(key)
            if m and _number(value):
                fields[(m["who"], m["metric"] or "", m["unit"])] = float(value)
        ours = {k[1:]: v for k, v in fields.items() if k[0] == "mlxcy"}
        for (metric, unit), mine in ours.items():
            case = str(row.get("case", "-"))
            if len(ours) > 1 and metric:
                case += f" ({metric.replace('_', ' ')})"
            kind = UNITS[unit]
            if kind == "memory" and "memory" not in case:
                case += " (memory ratio)"
            for who, label in PEER_LABEL.items():
                theirs = fields.get((who, metric, unit))
                if theirs is not None:
                    found.append({"case": case, "group": row.get("group", ""), "headline": bool(row.get("headline")),
                                  "peer": label, "kind": kind, "ratio": mine / theirs})
    return found


def geomean(values):
    values = list(values)
    return math.exp(sum(math.log(v) for v in values) / len(values)) if values else float("nan")


def fmt_ratio(r):
    """A ratio for a table cell: 2 decimals, 3 below 0.1, and 1/N (N times faster) below 0.01."""
    if r >= 10:
        return f"{r:,.0f}"
    if r >= 0.1:
        return f"{r:.2f}"
    if r >= 0.01:
        return f"{r:.3f}"
    return f"1/{float(f'{1 / r:.2g}'):,.0f}"


def fmt_figure(f):
    v = f["value"]
    if not _number(v):
        return f"{f['label']}: -"
    unit = f["unit"]
    num = f"{v:.2f}" if unit == "\u00d7" else f"{v:,.0f}" if v >= 1000 else f"{v:.3g}"
    return f"{f['label']}: {num}{'' if unit in ('×', '') else ' '}{unit}"


def headline_cells(found):
    """Per peer, the headline ratios of one benchmark: up to 3 listed (" / "), else their geomean."""
    cells = {}
    for peer in PEERS:
        vals = [r["ratio"] for r in found if r["headline"] and r["peer"] == peer]
        if not vals:
            continue
        if len(vals) <= 3:
            cells[peer] = " / ".join(fmt_ratio(v) for v in vals)
        else:
            cells[peer] = f"{fmt_ratio(geomean(vals))} (geomean of {len(vals)})"
    return cells


def _table(header, rows):
    out = ["| " + " | ".join(header) + " |", "| " + " | ".join("---" for _ in header) + " |"]
    out += ["| " + " | ".join(r) + " |" for r in rows]
    return out


def summary_table(runs, gpu_payload=None, gpu_generate_payload=None):
    """One line per benchmark: its headline measure, headline ratio vs each peer, mlxcy's own figures."""
    lines = []
    entries = [(f"`{name}.py`", r["payload"]) for name, r in runs.items() if r["payload"] and not r["error"]]
    for label, payload in (("`cuda.py`", gpu_payload), ("`generate.py --device gpu`", gpu_generate_payload)):
        if payload and not payload.get("error"):
            entries.append((f"{label} ({(payload.get('machine') or {}).get('gpu', 'GPU')})", payload))
    for label, payload in entries:
        found = ratios(payload.get("rows", []))
        cells = headline_cells(found)
        figs = "; ".join(fmt_figure(f) for f in payload.get("figures", []) if f.get("headline"))
        if not cells and not figs:
            continue
        lines.append([label, payload.get("headline", "")] + [cells.get(p, "") for p in PEERS] + [figs])
    return _table(["benchmark", "headline measure"] + [f"vs {p}" for p in PEERS] + ["mlxcy alone"], lines)


def cases_table(named_payloads):
    """Every case of every benchmark, with the geometric mean of each named group of 3 or more."""
    lines = []
    for name, payload in named_payloads:
        found = ratios(payload.get("rows", []))
        by_case, groups = {}, {}
        for r in found:
            by_case.setdefault(r["case"], {})[r["peer"]] = r["ratio"]
            if r["group"]:
                groups.setdefault(r["group"], {}).setdefault(r["peer"], []).append(r["ratio"])
        for case, by_peer in by_case.items():
            lines.append([f"{name}.py", case] + [fmt_ratio(by_peer[p]) if p in by_peer else "" for p in PEERS])
        for group, by_peer in groups.items():
            if max(len(v) for v in by_peer.values()) >= 3:
                lines.append([f"{name}.py", f"*geometric mean, {group} ({max(len(v) for v in by_peer.values())} cases)*"]
                             + [f"**{fmt_ratio(geomean(by_peer[p]))}**" if p in by_peer else "" for p in PEERS])
    return _table(["benchmark", "case"] + [f"vs {p}" for p in PEERS], lines)


def figures_table(named_payloads):
    lines = [[f"{name}.py", fmt_figure(f)] for name, p in named_payloads for f in p.get("figures", [])]
    return _table(["benchmark", "figure (mlxcy's own, no peer)"], lines) if lines else []


def load_gpu_results(path=GPU_RESULTS):
    """The committed results of a GPU run (cuda.py's by default), or None when there is no such file."""
    if not os.path.exists(path):
        return None
    with open(path) as f:
        return json.load(f)


def _versions_lines(vers):
    have = [f"- {k}: {v}" for k, v in vers.items() if v]
    missing = [k for k, v in vers.items() if not v]
    return have + ([f"- not installed (no column): {', '.join(missing)}"] if missing else [])


def gpu_section(payload, skipped_reason=None, generate_payload=None):
    """The GPU section of RESULTS.md, from cuda.py's --json file, then generate.py --device gpu's
    (when there is one)."""
    lines = ["## GPU", ""]
    if skipped_reason:
        lines += [f"Not run in this report's run: {skipped_reason}. The figures below come from "
                  "`bench/results_cuda.json`.", ""]
    if not payload:
        lines += [f"No `bench/results_cuda.json` yet: on a GPU machine run `{GPU_COMMAND}`.", ""]
    else:
        if payload.get("placeholder"):
            lines += [f"**Placeholder**: {payload['placeholder']} Replace it by running `{GPU_COMMAND}` on the "
                      "GPU machine.", ""]
        lines += recorded_run_lines("cuda", payload)
    lines += ["### mlx-lm generation on the GPU (`generate.py --device gpu`)", ""]
    if not generate_payload:
        return lines + ["No `bench/results_generate_cuda.json` yet: on a GPU machine where "
                        f"`tools/run_gpu_suite.sh` installed mlxcy, run `{GPU_GENERATE_COMMAND}`.", ""]
    if generate_payload.get("error"):
        return lines + [f"The last run failed ({generate_payload.get('date', '?')} UTC): "
                        f"{generate_payload['error'].strip().splitlines()[-1]}", ""]
    lines += recorded_run_lines("generate", generate_payload)
    return lines + [f"- {note}" for note in generate_payload.get("notes", [])] + [""]


def recorded_run_lines(name, payload):
    """A run recorded on another machine (a GPU's --json file): when, where, versions, its cases
    and figures."""
    m = payload.get("machine") or {}
    gpu = ", ".join(x for x in (m.get("gpu"), m.get("memory"), f"driver {m['driver']}" if m.get("driver") else "")
                    if x)
    host = ", ".join(str(x) for x in (m.get("cpu"), f"{m['cores']} cores" if m.get("cores") else None,
                                      m.get("os"), f"Python {m['python']}" if m.get("python") else None) if x)
    lines = [f"Measured {payload.get('date', '?')} (UTC).", "", f"- GPU: {gpu or '?'}"]
    if host:
        lines.append(f"- host: {host}")
    lines += _versions_lines(payload.get("versions") or {})
    lines += ["", "Each cell is mlxcy's time / the peer's time.", ""]
    lines += cases_table([(name, payload)])
    figs = figures_table([(name, payload)])
    return lines + ([""] + figs if figs else []) + [""]


def render(runs, info, vers, when, gpu_payload=None, gpu_generate_payload=None):
    """RESULTS.md: header, summary, all cases, mlxcy's own figures, what is not in the table, the
    scripts' notes, GPU, console."""
    ok = [(n, r["payload"]) for n, r in runs.items() if r["payload"] and not r["error"]]
    lines = ["# Benchmark results", "",
             f"Generated by `python bench/run_all.py` on {when} (UTC); do not edit by hand.", "",
             f"- Machine: {info['cpu']}, {info['cores']} cores, {info['os']}, Python {info['python']}",
             f"- Source: commit {info.get('commit') or '?'} of this repository",
             f"- Load average (1/5/15 min) at the start: {info.get('load_start', '?')}; at the end: "
             f"{info['load']} (a shared machine: timings are indicative)"]
    lines += _versions_lines(vers)
    lines += ["", "Each ratio is **mlxcy's time / the peer's time** for the same case (below 1: mlxcy is faster; "
              "`1/N`: N times faster), except rows marked *memory ratio* (mlxcy's peak RSS / the peer's). "
              "Sizes are the quick ones of `run_all.py` (`--quick`); run a script by itself for full sizes. "
              "In `load.py`, the PyTorch column is `safetensors.torch.load_file` and the safetensors column "
              "`safetensors.numpy.load_file`.", "", "## Summary", ""]
    lines += summary_table(runs, gpu_payload, gpu_generate_payload)
    lines += ["", "## All cases", ""]
    lines += cases_table(ok)
    figs = figures_table(ok)
    if figs:
        lines += ["", "## mlxcy's own figures", ""] + figs
    lines += ["", "## Not in the table", ""]
    for name, r in runs.items():
        if r["skipped"]:
            lines.append(f"- `{name}.py`: skipped: {r['skipped']}" + (" (GPU section below)" if name == "cuda" else ""))
        elif r["error"]:
            lines.append(f"- `{name}.py`: failed: {r['error']}")
        elif not ratios(r["payload"].get("rows", [])):
            lines.append(f"- `{name}.py`: {r['payload'].get('no_ratio_reason') or 'no peer to compare with'}")
    notes = [f"- `{name}.py`: {note}" for name, p in ok for note in p.get("notes", [])]
    if notes:
        lines += ["", "## Notes", ""] + notes
    lines += [""] + gpu_section(gpu_payload, runs.get("cuda", {}).get("skipped"), gpu_generate_payload)
    lines += ["## Console output", ""]
    for name, r in runs.items():
        if r["skipped"]:
            continue
        lines += [f"### {name}.py {' '.join(r['args'])}".rstrip(), "", "```", r["console"].rstrip(), "```", ""]
    return "\n".join(lines).rstrip() + "\n"


def readme_block(runs, info, when, gpu_payload=None, gpu_generate_payload=None):
    """The README's generated section (between the markers): the summary table and where it came from."""
    lines = ["<!-- generated by bench/run_all.py from its run; edit bench/ instead -->", ""]
    lines += summary_table(runs, gpu_payload, gpu_generate_payload)
    gpu = ""
    if gpu_payload:
        g = (gpu_payload.get("machine") or {}).get("gpu", "a GPU")
        gpu = f"; the cuda.py line on {g} on {gpu_payload.get('date', '?')}"
        if gpu_payload.get("placeholder"):
            gpu += " (placeholder figures from docs/cuda.md)"
    if gpu_generate_payload and not gpu_generate_payload.get("error"):
        g = (gpu_generate_payload.get("machine") or {}).get("gpu", "a GPU")
        gpu += f"; the `generate.py --device gpu` line on {g} on {gpu_generate_payload.get('date', '?')}"
    lines += ["", f"Ratios are mlxcy's time / the peer's time (below 1: mlxcy is faster; `1/N`: N times faster). "
              f"Measured by `python bench/run_all.py` on {when} UTC on {info['cpu']} ({info['cores']} cores, "
              f"shared; load average {info['load']}){gpu}. In `load.py` the PyTorch column is "
              f"`safetensors.torch.load_file` and the safetensors one `safetensors.numpy.load_file`. "
              f"Versions, figures and every case: `bench/RESULTS.md`."]
    return "\n".join(lines)


def splice_readme(text, block):
    """`text` with what lies between the two markers replaced by `block`; the rest untouched."""
    if text.count(START) != 1 or text.count(END) != 1 or text.index(START) > text.index(END):
        raise ValueError(f"README needs exactly one {START} followed by one {END}")
    head, rest = text.split(START)
    _, tail = rest.split(END)
    return head + START + "\n" + block.rstrip("\n") + "\n" + END + tail


def git_commit():
    """The short hash of the checked-out commit (with "+changes" when the tree differs), or None."""
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                              cwd=HERE, timeout=60).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], capture_output=True,
                               text=True, cwd=HERE, timeout=60).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return None
    return (head + (" + uncommitted changes" if dirty else "")) or None


def run_benchmarks(names, timeout):
    """Run the scripts; returns what the report is made from (saved as bench/results_cpu.json)."""
    load_start = machine()["load"]
    runs = {}
    for name in names:
        print(f"== {name}.py", flush=True)
        if name == "cuda":
            reason = cuda_skip_reason()
            if reason:
                print(f"   skipped: {reason}")
                runs[name] = {"payload": None, "console": "", "error": None, "args": [], "skipped": reason}
                continue
            runs[name] = run_script(name, timeout, json_out=GPU_RESULTS)
        else:
            runs[name] = run_script(name, timeout)
        print(runs[name]["console"].rstrip())
        if runs[name]["error"]:
            print(f"!! {name}.py: {runs[name]['error']}")
    info = dict(machine(), load_start=load_start, commit=git_commit())
    return {"date": now_utc(), "machine": info, "versions": versions(), "runs": runs}


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", nargs="+", help="run only these benchmarks (names without .py)")
    ap.add_argument("--out", default=os.path.join(HERE, "RESULTS.md"), help="report path")
    ap.add_argument("--readme", default=README, help="README whose bench-table section is rewritten ('' for none)")
    ap.add_argument("--results", default=CPU_RESULTS,
                    help="where this run's rows are saved, and read back by --render (default bench/results_cpu.json)")
    ap.add_argument("--render", action="store_true",
                    help="run nothing: rewrite the report and README from --results and bench/results_cuda.json "
                         "(e.g. after committing a new GPU run)")
    ap.add_argument("--timeout", type=int, default=900, help="seconds allowed per benchmark")
    args = ap.parse_args(argv)
    if args.render:
        with open(args.results) as f:
            saved = json.load(f)
    else:
        if not os.environ.get("MLXCY_BENCH_REF_PYTHON"):
            print("note: MLXCY_BENCH_REF_PYTHON is not set; the reference is measured only if importable here")
        saved = run_benchmarks(scripts(args.only), args.timeout)
        with open(args.results, "w") as f:
            json.dump(saved, f, indent=1, ensure_ascii=False)
    runs, info, when = saved["runs"], saved["machine"], saved["date"]
    gpu_payload, gpu_generate_payload = load_gpu_results(), load_gpu_results(GPU_GENERATE_RESULTS)
    with open(args.out, "w") as f:
        f.write(render(runs, info, saved["versions"], when, gpu_payload, gpu_generate_payload))
    print(f"wrote {args.out}")
    if args.readme:
        with open(args.readme) as f:
            text = f.read()
        with open(args.readme, "w") as f:
            f.write(splice_readme(text, readme_block(runs, info, when, gpu_payload, gpu_generate_payload)))
        print(f"rewrote the benchmark table of {args.readme}")
    return 1 if runs and all(r["error"] for r in runs.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
