"""Run a sweep, classify every case, and write a grouped Markdown report."""
import collections
import json
import sys
import time

from . import allowlist, compare, generator, runner


def run_sweep(n, seed, ref_python=None, ours_python=sys.executable):
    """Generate n cases, run them under both bindings; returns a Sweep."""
    ref_python = ref_python or runner.reference_python()
    cases = generator.generate(n, seed)
    t0 = time.monotonic()
    ref, ours, restarts = runner.run_both([(i, s, src) for i, _, s, src in cases], ref_python, ours_python)
    return Sweep(cases, ref, ours, restarts, time.monotonic() - t0, seed)


class Sweep:
    def __init__(self, cases, ref, ours, restarts, seconds, seed):
        self.cases, self.ref, self.ours, self.restarts, self.seconds, self.seed = cases, ref, ours, restarts, seconds, seed
        self.counts = collections.Counter()
        self.differences = []        # (case, kind, detail)
        self.allowed = collections.Counter()
        self.both_crash = []         # libmlx crashes both bindings share: reported, not failures
        for case in cases:
            i, label, _, src = case
            r, o = ref[i], ours[i]
            if r.get("t") in ("crash", "hang") and o.get("t") not in ("crash", "hang"):
                self.counts["reference crash/hang, mlxcy clean"] += 1
            diff = compare.compare(r, o)
            if diff is None:
                self.counts["same"] += 1
                continue
            if diff[0] == "both_crash":
                self.counts["crash in both (libmlx)"] += 1
                self.both_crash.append(case)
                continue
            entry = allowlist.explain(label, src, r, o, diff)
            if entry is not None:
                self.allowed[entry.row] += 1
                self.counts["allowlisted"] += 1
                continue
            self.counts["different"] += 1
            self.differences.append((case, diff[0], diff[1], diff[2], diff[3]))

    def failure_text(self, limit=60):
        out = [f"{len(self.differences)} unexplained differences in {len(self.cases)} cases (seed {self.seed}):"]
        for (i, label, _, src), kind, detail, r, o in self.differences[:limit]:
            out.append(f"\n--- case {i} [{label}] {kind}: {detail}\n{src}\n  reference: {short(r)}\n  mlxcy:     {short(o)}")
        if len(self.differences) > limit:
            out.append(f"\n... and {len(self.differences) - limit} more (python -m tools.differential --report)")
        return "\n".join(out)

    def markdown(self):
        groups = collections.defaultdict(list)
        for case, kind, detail, r, o in self.differences:
            groups[(case[1], kind)].append((case, detail, r, o))
        lines = [f"# Differential sweep: {len(self.cases)} cases, seed {self.seed}", "",
                 f"{self.seconds:.0f} s; " + ", ".join(f"{k}: {v}" for k, v in sorted(self.counts.items()))
                 + f"; worker restarts: {self.restarts}", ""]
        if self.allowed:
            lines += ["Allowlisted (docs/differences.md rows):", ""]
            lines += [f"- {row}: {n}" for row, n in self.allowed.most_common()] + [""]
        if self.both_crash:
            lines += ["Inputs that crash both bindings (libmlx; mlxcy could raise instead):", ""]
            for i, label, _, src in self.both_crash:
                lines += [f"- `{label}` (mlxcy exit {self.ours[i].get('code')}, reference exit {self.ref[i].get('code')}):",
                          "  ```python", *("  " + l for l in src.splitlines()), "  ```"]
            lines.append("")
        lines += [f"## {len(groups)} groups of unexplained differences", ""]
        for (label, kind), items in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])):
            lines.append(f"### `{label}` — {kind} ({len(items)})")
            for (i, _, _, src), detail, r, o in sorted(items, key=lambda it: len(it[0][3]))[:2]:
                lines += ["", "```python", src, "```",
                          f"- {detail}", f"- reference: `{short(r)}`", f"- mlxcy: `{short(o)}`"]
            lines.append("")
        return "\n".join(lines)


def short(res, width=300):
    if not isinstance(res, dict):
        return repr(res)[:width]
    t = res.get("t")
    if t == "exc":
        text = f"{res['type']}: {res['msg']}"
    elif t == "array":
        text = f"array {res['dtype']} {res['shape']} " + (res.get("repr") or "")
    elif t == "py":
        text = f"{res['type']} {res['v']!r}"
    else:
        text = json.dumps(res)
    text = text.replace("\n", " ")
    return text if len(text) <= width else text[:width] + "..."
