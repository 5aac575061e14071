"""mlx-lm from PyPI, unmodified, on mlxcy (issue 18): tools/mlx_lm_check.

Makes (first time, ~2-3 minutes and ~360 MB; then reused) .mlxlm-venv/ with the pinned mlx-lm and
its dependencies, runs mlx-lm's own model code on small random models under the reference binding
and under the mlx switch, each in its own process (~15-25 s on 2 cores), and compares greedy tokens,
logits, LoRA losses and mlx_lm.server's completions (generated in its worker thread). Skips,
saying why, where the venv cannot be made (no network).
"""
import copy
import importlib
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def _import_check():
    # tools/ is not installed: import it from the checkout without leaving the checkout (and its
    # source mlxcy/ folder) on sys.path.
    sys.path.insert(0, str(REPO))
    try:
        return importlib.import_module("tools.mlx_lm_check.__main__")
    finally:
        sys.path.remove(str(REPO))


CHECK = _import_check()


def test_mlx_lm_runs_the_same_on_mlxcy():
    try:
        diffs, ref, cy = CHECK.check(log=lambda *a: None)
    except CHECK.VenvUnavailable as e:
        pytest.skip(f"cannot make the mlx-lm venv: {e}")
    assert (ref["mlx_core"], cy["mlx_core"]) == ("mlx.core", "mlxcy")
    assert set(cy["models"]) >= {"llama", "mistral", "qwen2", "qwen3", "gemma", "mixtral", "qwen3_moe"}
    assert all(len(r["tokens"]) == 32 for r in cy["models"].values())
    assert len(cy["lora"]["losses"]) == 3 and cy["lora"]["adapter_saved"]
    # mlx_lm.server generated in its worker thread while the main thread waited for the replies
    assert len(cy["server"]["plain"].split()) == 16 and len(cy["server"]["stream"].split()) == 8
    assert not diffs, "\n".join(diffs)


def _result():
    model = {"shape": [1, 24, 256], "last_logits": [0.5, -1.0, 2.0], "tokens": [3, 1, 4], "text": "w3 w1 w4"}
    return {"mlx_core": "mlx.core", "models": {"llama": copy.deepcopy(model)},
            "quantized": dict(copy.deepcopy(model), quantization={"group_size": 32, "bits": 4, "mode": "affine"}),
            "lora": {"losses": [6.0, 5.0, 4.5], "trainable": 4096, "adapter_saved": True},
            "server": {"plain": "w1 w2", "stream": "w3"}}


@pytest.mark.parametrize("change, expected", [
    (lambda r: r["models"]["llama"]["tokens"].__setitem__(2, 5), "model llama: tokens differ"),
    (lambda r: r["models"]["llama"]["last_logits"].__setitem__(1, -1.01), "model llama: 1 logits differ"),
    (lambda r: r["quantized"]["quantization"].__setitem__("bits", 8), "quantization config differs"),
    (lambda r: r["lora"]["losses"].__setitem__(2, 4.51), "LoRA losses differ"),
    (lambda r: r.__setitem__("mlx_core", "mlx.core"), "the mlxcy side ran on mlx.core"),
    (lambda r: r["server"].__setitem__("stream", "w4"), "mlx_lm.server completions differ"),
])
def test_compare_reports_each_kind_of_difference(change, expected):
    ref = _result()
    cy = copy.deepcopy(ref)
    cy["mlx_core"] = "mlxcy"
    assert CHECK.compare(ref, cy) == []
    change(cy)
    diffs = CHECK.compare(ref, cy)
    assert len(diffs) == 1 and diffs[0].startswith(expected), diffs


def _interpreter(folder, with_mlx_lm):
    """An executable `python` in `folder` that runs this interpreter, with an (empty) mlx_lm
    package importable when `with_mlx_lm`."""
    folder.mkdir()
    lib = folder / "lib"
    if with_mlx_lm:
        (lib / "mlx_lm").mkdir(parents=True)
        (lib / "mlx_lm" / "__init__.py").write_text("")
    python = folder / "python"
    python.write_text(f'#!/bin/sh\nPYTHONPATH="{lib}" exec "{sys.executable}" "$@"\n')
    python.chmod(0o755)
    return str(python)


def test_given_interpreter_is_used_as_it_is(tmp_path, monkeypatch):
    # a venv path that cannot be made (under a file): only MLXCY_MLXLM_PYTHON can give an interpreter
    (tmp_path / "a-file").write_text("")
    venv = str(tmp_path / "a-file" / "venv")
    given = _interpreter(tmp_path / "has", with_mlx_lm=True)
    monkeypatch.setenv(CHECK.PYTHON_VAR, given)
    assert CHECK.ensure_venv(venv, log=lambda *a: None) == given
    # a name is looked up on PATH, as the shell would
    monkeypatch.setenv("PATH", str(tmp_path / "has") + os.pathsep + os.environ["PATH"])
    monkeypatch.setenv(CHECK.PYTHON_VAR, "python")
    assert CHECK.ensure_venv(venv, log=lambda *a: None) == given
    # an interpreter without mlx_lm, or none at all: the check says so instead of failing later
    monkeypatch.setenv(CHECK.PYTHON_VAR, _interpreter(tmp_path / "hasnt", with_mlx_lm=False))
    with pytest.raises(CHECK.VenvUnavailable, match="mlx_lm is not installed there"):
        CHECK.ensure_venv(venv, log=lambda *a: None)
    monkeypatch.setenv(CHECK.PYTHON_VAR, str(tmp_path / "no-python"))
    with pytest.raises(CHECK.VenvUnavailable, match="no such interpreter"):
        CHECK.ensure_venv(venv, log=lambda *a: None)


def test_switch_in_an_interpreter_that_has_mlxcy_and_the_real_mlx(tmp_path):
    """MLXCY_MLXLM_PYTHON naming the interpreter that has mlxcy (an offline GPU machine): mlx
    must still be mlxcy, and the site mlxcy comes from, already on sys.path, is not added again
    (its .pth files ran at start-up; a second run would repeat their side effects)."""
    fake = tmp_path / "fake"            # an installed reference mlx that records being imported
    (fake / "mlx").mkdir(parents=True)
    (fake / "mlx" / "core.py").write_text("IS_FAKE_REFERENCE = True\n")
    site_dir = tmp_path / "site"        # a site whose .pth counts its runs
    site_dir.mkdir()
    runs = tmp_path / "pth-runs"
    (site_dir / "count.pth").write_text(f"import pathlib; pathlib.Path({str(runs)!r}).open('a').write('x')\n")
    code = textwrap.dedent(f"""
        import json, site, sys
        site.addsitedir({str(site_dir)!r})            # as the interpreter's start-up does
        sys.path.insert(0, {str(REPO / "tools" / "mlx_lm_check")!r})
        import cases
        cases.switch_to_mlxcy({str(site_dir)!r})
        import mlx.core as mx, mlxcy
        print(json.dumps({{"is_mlxcy": mx is mlxcy, "fake": hasattr(mx, "IS_FAKE_REFERENCE"),
                          "doubled": (mx.array([1.0, 2.0]) * 2).tolist()}}))
    """)
    env = {k: v for k, v in os.environ.items() if k not in ("MLXCY_AS_MLX",)}
    env["PYTHONPATH"] = str(fake)
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd="/", env=env,
                         timeout=300)
    assert res.returncode == 0, res.stderr
    assert json.loads(res.stdout.strip().splitlines()[-1]) == {"is_mlxcy": True, "fake": False, "doubled": [2.0, 4.0]}
    assert runs.read_text() == "x"
