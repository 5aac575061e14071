"""mlx-lm from PyPI, unmodified, on mlxcy (issue 18): tools/mlx_lm_check.

Makes (first time, ~2-3 minutes and ~360 MB; then reused) .mlxlm-venv/ with the pinned mlx-lm and
its dependencies, runs mlx-lm's own model code on small random models under the reference binding
and under the mlx switch, each in its own process (~15-25 s on 2 cores), and compares greedy tokens,
logits, LoRA losses and mlx_lm.server's completions (generated in its worker thread). Skips,
saying why, where the venv cannot be made (no network).
"""
import copy
import importlib
import sys
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
