"""mlx-lm, unmodified, on mlxcy: the same small runs on the reference binding and under the switch.

    .venv/bin/python -m tools.mlx_lm_check            # from the checkout, with the interpreter that has mlxcy

Makes (once, then reuses) a venv at .mlxlm-venv/ holding the pinned mlx-lm with its dependencies
(the reference mlx comes with them), runs tools/mlx_lm_check/cases.py in it twice, each in its own
process: on the venv's own mlx, and with mlx served by this interpreter's mlxcy (python -m
mlxcy.run semantics: mlxcy.compat.install() before mlx_lm is imported). Then compares: greedy
tokens, decoded text and mlx_lm.server's completions exactly, logits and LoRA losses to a tolerance. Exit status 1 on a
difference, 2 if the venv cannot be made (no network). tests/test_mlx_lm.py runs it.

MLXCY_MLXLM_PYTHON=/path/to/python: use that interpreter as it is instead of the venv (no venv is
made or checked; it must already have mlx-lm and the reference mlx, e.g. installed offline from
wheels on a GPU machine). It may be the interpreter that has mlxcy too: the switch still serves
mlxcy there (compat's finder goes before the installed mlx).
"""
import argparse
import concurrent.futures
import importlib.metadata
import json
import math
import os
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
VENV = os.environ.get("MLXCY_MLXLM_VENV", os.path.join(ROOT, ".mlxlm-venv"))
PYTHON_VAR = "MLXCY_MLXLM_PYTHON"   # an interpreter to use as it is, instead of the venv
CASES = os.path.join(HERE, "cases.py")

# mlx-lm 0.32.2, the newest release when this was written, asks for mlx>=0.32.2; the reference binding
# and its CPU backend are pinned to the libmlx mlxcy binds, transformers to the release tried.
REQUIREMENTS = ["mlx-lm==0.32.2", "mlx==0.32.4", "mlx-cpu==0.32.4", "transformers==5.24.0"]
STAMP = "mlxcy-check-requirements.txt"

# float32 on the CPU; the two bindings run the same libmlx, mlxcy through an optimized BLAS.
LOGITS_RTOL, LOGITS_ATOL = 1e-4, 1e-4
LOSS_RTOL = 1e-4


class VenvUnavailable(Exception):
    """The mlx-lm venv could not be made (pip could not reach its index, ...)."""


def venv_python(venv=VENV):
    return os.path.join(venv, "bin", "python")


def given_python():
    """The interpreter named by MLXCY_MLXLM_PYTHON (a path, or a name looked up on PATH), or None
    when the variable is unset. VenvUnavailable if it is not there or has no mlx_lm."""
    name = os.environ.get(PYTHON_VAR)
    if not name:
        return None
    python = shutil.which(name)
    if python is None:
        raise VenvUnavailable(f"{PYTHON_VAR}={name}: no such interpreter")
    res = subprocess.run([python, "-c", "import importlib.util as u; print(u.find_spec('mlx_lm') is not None)"],
                         capture_output=True, text=True, cwd="/", timeout=120)
    if res.stdout.strip() != "True":
        raise VenvUnavailable(f"{PYTHON_VAR}={name}: mlx_lm is not installed there")
    return python


def ensure_venv(venv=VENV, log=print):
    """The python of a venv holding REQUIREMENTS, made if missing or stale. Built in a temporary
    folder and renamed into place, so an interrupted install leaves nothing half made.
    With MLXCY_MLXLM_PYTHON set: that interpreter, as it is (no venv is made)."""
    python = given_python()
    if python is not None:
        return python
    wanted = "\n".join(REQUIREMENTS) + "\n"
    stamp = os.path.join(venv, STAMP)
    if os.path.exists(stamp) and open(stamp).read() == wanted and os.path.exists(venv_python(venv)):
        return venv_python(venv)
    building = f"{venv}.building-{os.getpid()}"
    shutil.rmtree(building, ignore_errors=True)
    log(f"making {venv} with {' '.join(REQUIREMENTS)} (first time: a few minutes)")
    steps = [[sys.executable, "-m", "venv", building],
             [venv_python(building), "-m", "pip", "install", "-q", "--disable-pip-version-check", *REQUIREMENTS]]
    for cmd in steps:
        try:
            res = subprocess.run(cmd, capture_output=True, text=True, timeout=1200)
        except subprocess.TimeoutExpired:
            shutil.rmtree(building, ignore_errors=True)
            raise VenvUnavailable(f"{' '.join(cmd[:4])} ... timed out")
        if res.returncode != 0:
            shutil.rmtree(building, ignore_errors=True)
            tail = [line for line in (res.stderr + res.stdout).splitlines() if line.strip()][-3:]
            raise VenvUnavailable(f"{' '.join(cmd[:4])} ... failed: {' | '.join(tail)}")
    with open(os.path.join(building, STAMP), "w") as f:
        f.write(wanted)
    shutil.rmtree(venv, ignore_errors=True)
    try:
        os.rename(building, venv)   # the venv's python finds its site-packages relative to itself
    except OSError:
        # another process finished the same venv first: keep its copy
        shutil.rmtree(building, ignore_errors=True)
        if not (os.path.exists(stamp) and open(stamp).read() == wanted):
            raise
    return venv_python(venv)


def mlxcy_site():
    """The site-packages folder this interpreter's mlxcy is installed in: another interpreter
    that runs its .pth files (site.addsitedir) imports the same mlxcy, editable or not."""
    try:
        return str(importlib.metadata.distribution("mlxcy").locate_file(""))
    except importlib.metadata.PackageNotFoundError:
        import mlxcy
        return os.path.dirname(os.path.dirname(os.path.abspath(mlxcy.__file__)))


def run_side(python, binding, models=None, timeout=600):
    """Run cases.py for one binding in its own process; its JSON result."""
    cmd = [python, CASES, "--binding", binding]
    if binding == "mlxcy":
        cmd += ["--mlxcy-site", mlxcy_site()]
    if models:
        cmd += ["--models", models]
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "MLXCY_AS_MLX", "PYTHONHOME")}
    res = subprocess.run(cmd, capture_output=True, text=True, cwd="/", env=env, timeout=timeout)
    if res.returncode != 0:
        raise RuntimeError(f"cases.py --binding {binding} failed (exit {res.returncode}):\n{res.stderr[-4000:]}")
    return json.loads(res.stdout.strip().splitlines()[-1])


def _close(a, b, rtol, atol):
    return abs(a - b) <= atol + rtol * abs(b) and math.isfinite(a) == math.isfinite(b)


def compare(ref, cy):
    """The differences between the reference's results and mlxcy's, as readable lines."""
    diffs = []
    if cy["mlx_core"] != "mlxcy":
        diffs.append(f"the mlxcy side ran on {cy['mlx_core']}, not mlxcy")
    if ref["mlx_core"] != "mlx.core":
        diffs.append(f"the reference side ran on {ref['mlx_core']}, not mlx.core")
    runs = [(f"model {name}", ref["models"][name], cy["models"].get(name)) for name in ref["models"]]
    runs.append(("quantized", ref["quantized"], cy["quantized"]))
    for label, r, c in runs:
        if c is None:
            diffs.append(f"{label}: missing on mlxcy")
            continue
        for key in ("shape", "tokens", "text"):
            if r[key] != c[key]:
                diffs.append(f"{label}: {key} differ: reference {r[key]!r}, mlxcy {c[key]!r}")
        bad = [i for i, (a, b) in enumerate(zip(c["last_logits"], r["last_logits"]))
               if not _close(a, b, LOGITS_RTOL, LOGITS_ATOL)]
        if bad or len(r["last_logits"]) != len(c["last_logits"]):
            i = bad[0] if bad else 0
            diffs.append(f"{label}: {len(bad)} logits differ, first at {i}: reference {r['last_logits'][i]}, "
                         f"mlxcy {c['last_logits'][i]}")
    if ref["quantized"]["quantization"] != cy["quantized"]["quantization"]:
        diffs.append(f"quantization config differs: {ref['quantized']['quantization']} vs {cy['quantized']['quantization']}")
    rl, cl = ref["lora"], cy["lora"]
    if (rl["trainable"], rl["adapter_saved"]) != (cl["trainable"], cl["adapter_saved"]):
        diffs.append(f"LoRA: trainable/adapter differ: reference {rl}, mlxcy {cl}")
    if len(rl["losses"]) != len(cl["losses"]) or not all(
            _close(a, b, LOSS_RTOL, 0.0) for a, b in zip(cl["losses"], rl["losses"])):
        diffs.append(f"LoRA losses differ: reference {rl['losses']}, mlxcy {cl['losses']}")
    if ref["server"] != cy["server"]:
        diffs.append(f"mlx_lm.server completions differ: reference {ref['server']}, mlxcy {cy['server']}")
    return diffs


def check(models=None, log=print):
    """Make the venv, run both sides (in parallel), compare. (differences, reference, mlxcy)."""
    python = ensure_venv(log=log)
    with concurrent.futures.ThreadPoolExecutor(2) as pool:
        ref = pool.submit(run_side, python, "reference", models)
        cy = pool.submit(run_side, python, "mlxcy", models)
        ref, cy = ref.result(), cy.result()
    return compare(ref, cy), ref, cy


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--models", help="comma-separated subset of cases.CONFIGS")
    opts = parser.parse_args(argv)
    try:
        diffs, ref, cy = check(opts.models)
    except VenvUnavailable as e:
        print(f"cannot make the mlx-lm venv: {e}", file=sys.stderr)
        return 2
    for name, r in ref["models"].items():
        print(f"{name:12s} tokens {r['tokens'][:8]}... {'same' if r['tokens'] == cy['models'][name]['tokens'] else 'DIFFER'}")
    print(f"LoRA losses: reference {ref['lora']['losses']}, mlxcy {cy['lora']['losses']}")
    print(f"mlx_lm.server completion: {cy['server']['plain'][:40]}... "
          f"{'same' if ref['server'] == cy['server'] else 'DIFFER'}")
    print(f"seconds: reference {ref['seconds']['total']:.1f}, mlxcy {cy['seconds']['total']:.1f}")
    for d in diffs:
        print("DIFFERENCE:", d)
    print("mlx-lm runs the same on mlxcy" if not diffs else f"{len(diffs)} differences")
    return 1 if diffs else 0


if __name__ == "__main__":
    sys.exit(main())
