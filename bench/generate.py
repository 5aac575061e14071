"""Text generation with mlx-lm's own model code: prompt processing and generation speed, mlxcy vs
the reference binding, on the CPU (default) or the GPU (--device gpu).

Models: mlx-lm 0.32.2's Llama, Qwen3, Gemma and Mixtral (MoE, 4 experts, top 2) with random
weights, width 256, 4 layers, vocabulary 1024 (the architectures of tests/test_mlx_lm.py, larger);
a 512-token prompt then 128 greedy tokens (--quick: 128 and 64), timed by mlx_lm's
stream_generate itself (prompt_tps, generation_tps). Both bindings run in the mlx-lm venv of
tools/mlx_lm_check (.mlxlm-venv/, made if missing: needs PyPI the first time), the reference on
its own mlx and mlxcy under the mlx switch, each in one long-lived process; the rounds alternate
which binding goes first, and the medians over rounds are compared. MLXCY_MLXLM_PYTHON=python names
an interpreter that has mlx-lm and the reference mlx already, used instead of the venv (offline
machines; see tools/mlx_lm_check).

Run: python bench/generate.py [--device cpu|gpu] [--rounds N] [--quick] [--json OUT]
(with the interpreter that has mlxcy). The report's GPU section reads bench/results_generate_cuda.json,
written on a GPU machine by tools/run_gpu_generate.sh (python bench/generate.py --device gpu --json ...).
"""
import argparse
import os
import statistics
import subprocess
import sys
import json
import tempfile

from _peers import add_common_args, failure_summary, gpu, machine, ratio, write_json

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORKER = os.path.join(os.path.dirname(os.path.abspath(__file__)), "_generate_worker.py")


def _check_module():
    sys.path.insert(0, ROOT)
    try:
        import importlib
        return importlib.import_module("tools.mlx_lm_check.__main__")
    finally:
        sys.path.remove(ROOT)


class Worker:
    """One binding's long-lived measuring process."""

    def __init__(self, python, binding, site, prompt_tokens, new_tokens, device):
        env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "MLXCY_AS_MLX")}
        self.binding = binding
        self.errors = tempfile.TemporaryFile("w+")   # its stderr: shown, and its last line reported, if it dies
        self.proc = subprocess.Popen([python, WORKER, binding, site, str(prompt_tokens), str(new_tokens), device],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self.errors, text=True,
                                     cwd="/", env=env)
        self.ready = self._read()

    def _read(self):
        line = self.proc.stdout.readline()
        if not line:
            status = self.proc.wait()
            self.errors.seek(0)
            stderr = self.errors.read()
            print(stderr, file=sys.stderr, end="")
            raise RuntimeError(f"the {self.binding} worker died (exit {status}): {failure_summary(stderr)}")
        return json.loads(line)

    def round(self):
        self.proc.stdin.write("round\n")
        self.proc.stdin.flush()
        return self._read()

    def close(self):
        self.proc.stdin.close()
        self.proc.wait(timeout=60)
        self.errors.seek(0)
        print(self.errors.read(), file=sys.stderr, end="")   # warnings, if any
        self.errors.close()


def device_words(device):
    """How the header, headline and notes name the device: "on the CPU", "on the GPU (its name)"."""
    if device == "cpu":
        return "on the CPU"
    name = (gpu() or {}).get("gpu")
    return f"on the GPU ({name})" if name else "on the GPU"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, help="rounds per binding (default 5; --quick: 3)")
    ap.add_argument("--device", choices=("cpu", "gpu"), default="cpu", help="the default device of both bindings")
    args = add_common_args(ap).parse_args()
    rounds = args.rounds or (3 if args.quick else 5)
    prompt_tokens, new_tokens = (128, 64) if args.quick else (512, 128)
    where = device_words(args.device)

    def failed(error):
        """Say why nothing was measured, in the --json file too (the report shows it)."""
        if args.json:
            write_json(args.json, "generate", [], quick=args.quick, headline=f"mlx-lm generation {where}",
                       error=error, device=args.device)
        print(error, file=sys.stderr)
        return 1

    check = _check_module()
    try:
        python = check.ensure_venv(log=lambda msg: print(msg, file=sys.stderr))
    except check.VenvUnavailable as e:
        return failed(f"cannot make the mlx-lm venv: {e}")
    try:
        workers = {b: Worker(python, b, check.mlxcy_site(), prompt_tokens, new_tokens, args.device)
                   for b in ("reference", "mlxcy")}
    except RuntimeError as e:
        return failed(str(e))
    for binding, module in (("mlxcy", "mlxcy"), ("reference", "mlx.core")):
        ready = workers[binding].ready
        assert ready["ready"] == module and args.device in ready["device"], (binding, ready)
    results = {b: [] for b in workers}
    for r in range(rounds):
        order = ("reference", "mlxcy") if r % 2 == 0 else ("mlxcy", "reference")
        for b in order:
            results[b].append(workers[b].round())
    for w in workers.values():
        w.close()

    def median(binding, model, key):
        return statistics.median(run[model][key] for run in results[binding])

    rows, figures = [], []
    print(f"mlx-lm generation {where}: {prompt_tokens}-token prompt, {new_tokens} new tokens, "
          f"median of {rounds} rounds (ratio: mlxcy time / reference time)")
    print(f"{'model':10s} {'prompt tok/s mlxcy':>19s} {'reference':>10s} {'ratio':>6s}   "
          f"{'gen tok/s mlxcy':>16s} {'reference':>10s} {'ratio':>6s}")
    for model in results["mlxcy"][0]:
        p_cy, p_ref = median("mlxcy", model, "prompt_tps"), median("reference", model, "prompt_tps")
        g_cy, g_ref = median("mlxcy", model, "generation_tps"), median("reference", model, "generation_tps")
        rows.append({"case": f"{model}: {prompt_tokens}-token prompt processing",
                     "mlxcy_s": prompt_tokens / p_cy, "ref_s": prompt_tokens / p_ref})
        rows.append({"case": f"{model}: time per generated token", "headline": model == "llama",
                     "mlxcy_ms": 1e3 / g_cy, "ref_ms": 1e3 / g_ref})
        figures.append({"label": f"{model}: generated tokens/s", "value": g_cy, "unit": "tok/s", "headline": False})
        print(f"{model:10s} {p_cy:19.0f} {p_ref:10.0f} {ratio(p_ref, p_cy):6.2f}   "
              f"{g_cy:16.1f} {g_ref:10.1f} {ratio(g_ref, g_cy):6.2f}")
    if args.json:
        write_json(args.json, "generate", rows, quick=args.quick, figures=figures,
                   headline=f"mlx-lm Llama (width 256, 4 layers) on the {args.device.upper()}, time per generated token",
                   notes=[f"mlx-lm {workers['mlxcy'].ready['mlx_lm']} stream_generate {where}: "
                          f"{prompt_tokens}-token prompt, {new_tokens} new tokens, median of {rounds} "
                          f"alternating rounds per binding."],
                   device=args.device, machine=dict(machine(), **((gpu() or {}) if args.device == "gpu" else {})),
                   versions={"mlxcy": workers["mlxcy"].ready["version"],
                             "reference (mlx)": workers["reference"].ready["version"],
                             "mlx-lm": workers["mlxcy"].ready["mlx_lm"]})
    return 0


if __name__ == "__main__":
    sys.exit(main())
