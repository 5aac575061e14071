"""The demo (``python -m mlxcy.demo``): a short run produces its outputs; bad requests fail cleanly."""
import importlib.util
import json
import math
import os
import subprocess
import sys

import pytest

import mlxcy as mx
from mlxcy import demo

needs_io = pytest.mark.skipif(not (hasattr(mx, "save_safetensors") and hasattr(mx, "load")),
                              reason="the demo saves and reopens safetensors: needs mlxcy's I/O")

SMALL = ["--steps", "12", "--d-model", "32", "--layers", "1", "--heads", "2", "--context", "32",
         "--batch", "8", "--lr", "1e-2", "--sample-length", "40", "--seed", "3", "--no-progress"]


@needs_io
def test_short_run_writes_everything(tmp_path):
    out = tmp_path / "run"
    res = subprocess.run([sys.executable, "-m", "mlxcy.demo", *SMALL, "--out", str(out)],
                         capture_output=True, text=True, cwd=tmp_path, timeout=600)
    assert res.returncode == 0, res.stderr
    assert "Traceback" not in res.stderr

    history = json.loads((out / demo.HISTORY_NAME).read_text())
    losses = history["losses"]
    assert len(losses) == 12
    # Uniform guessing over the corpus's characters costs log(vocab) nats; training goes below it.
    vocab = len(set(demo.load_corpus()))
    assert losses[0] == pytest.approx(math.log(vocab), abs=0.6)
    assert sum(losses[-3:]) / 3 < losses[0] - 0.5

    weights = mx.load(str(out / demo.WEIGHTS_NAME))
    assert "head.weight" in weights and weights["head.weight"].shape == (vocab, 32)
    assert "tokens.weight" in weights and weights["tokens.weight"].shape == (vocab, 32)

    sample = (out / demo.SAMPLE_NAME).read_text(encoding="utf-8").rstrip("\n")
    assert sample.startswith("The ") and len(sample) == 4 + 40
    assert set(sample) <= set(demo.load_corpus())

    if importlib.util.find_spec("matplotlib") is not None:
        assert (out / demo.PLOT_NAME).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    else:
        assert not (out / demo.PLOT_NAME).exists()
        assert "pip install matplotlib" in res.stdout


def test_codec_round_trip():
    text = "The sea, the light.\n"
    codec = demo.CharCodec(text)
    ids = codec.encode(text)
    assert codec.size == len(set(text)) and max(ids) == codec.size - 1
    assert codec.decode(ids) == text


def test_corpus_ships_with_the_package():
    text = demo.load_corpus()
    assert 50_000 <= len(text.encode("utf-8")) <= 150_000


@pytest.mark.parametrize("argv, words", [
    (["--steps", "0"], "positive integer"),
    (["--steps", "ten"], "positive integer"),
    (["--lr", "-1"], "positive number"),
    (["--device", "tpu"], "invalid choice"),
    (["--d-model", "30", "--heads", "4"], "must divide"),
    (["--frobnicate"], "unrecognized arguments"),
])
def test_bad_flags_exit_2_with_a_message(argv, words, capsys, tmp_path):
    with pytest.raises(SystemExit) as e:
        demo.main(argv + ["--out", str(tmp_path)])
    assert e.value.code == 2
    err = capsys.readouterr().err
    assert words in err and "Traceback" not in err


def test_unwritable_output_folder(tmp_path, capsys):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    assert demo.main(["--steps", "1", "--out", str(blocker / "out")]) == 2
    err = capsys.readouterr().err
    assert "cannot write to the output folder" in err and str(blocker / "out") in err


def test_unwritable_output_folder_from_the_command_line(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    res = subprocess.run([sys.executable, "-m", "mlxcy.demo", "--out", str(blocker)],
                         capture_output=True, text=True, cwd=tmp_path, timeout=300)
    assert res.returncode == 2
    assert "cannot write to the output folder" in res.stderr and "Traceback" not in res.stderr


@pytest.mark.skipif(os.environ.get("MLXCY_TEST_DEVICE") == "gpu", reason="checks the no-GPU message")
def test_gpu_request_without_a_gpu(tmp_path, capsys):
    if mx.is_available(mx.gpu):
        pytest.skip("a GPU backend is available here")
    with pytest.raises(SystemExit) as e:
        demo.main(["--device", "gpu", "--out", str(tmp_path)])
    assert e.value.code == 2 and "no GPU backend" in capsys.readouterr().err


# ---- mlxcy.examples.sharded_checkpoint -----------------------------------------------------------

def test_sharded_checkpoint_example_writes_shards_and_loads_them_with_progress(tmp_path, capsys, monkeypatch):
    import json
    import sys
    from mlxcy.examples import sharded_checkpoint as example

    monkeypatch.setitem(sys.modules, "tqdm", None)   # the plain progress line
    out = tmp_path / "ckpt"
    # 4 layers of 32x32 float32 (4 KiB + 128 B bias each) in shards of at most ~5 KiB: one layer per shard.
    assert example.main(["--out", str(out), "--width", "32", "--layers", "4", "--shard-mb", "0.005"]) == 0
    index = json.loads((out / example.INDEX_NAME).read_text())
    shards = sorted(p.name for p in out.glob("*.safetensors"))
    assert shards == [f"model-{i:05d}-of-00004.safetensors" for i in range(1, 5)]
    assert sorted(set(index["weight_map"].values())) == shards
    assert len(index["weight_map"]) == 8 and index["metadata"]["total_size"] == 4 * (32 * 32 + 32) * 4
    for shard in shards:   # every shard within the limit unless it holds one tensor
        assert len(mx.load(str(out / shard))) == 2
    captured = capsys.readouterr()
    assert "4/4 shards" in captured.err
    assert "reloaded model computes the same outputs" in captured.out


def test_sharded_checkpoint_example_in_a_temporary_folder(capsys):
    from mlxcy.examples import sharded_checkpoint as example

    assert example.main(["--width", "16", "--layers", "3", "--shard-mb", "0.002", "--no-progress"]) == 0
    captured = capsys.readouterr()
    assert "as 3 shards" in captured.out and captured.err == ""
