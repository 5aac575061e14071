"""bench/run_all.py's report: pairing of fields into ratios, the tables, the README splice and
the skip of cuda.py without a GPU, on synthetic rows (no benchmark is timed here)."""
import importlib.util
import json
import math
import os
import subprocess
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH = os.path.join(ROOT, "bench")


@pytest.fixture(scope="module")
def run_all():
    spec = importlib.util.spec_from_file_location("bench_run_all", os.path.join(BENCH, "run_all.py"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _run(payload=None, error=None, skipped=None, console="out"):
    return {"payload": payload, "console": console, "error": error, "args": ["--quick"], "skipped": skipped}


INFO = {"cpu": "Test CPU 9000", "cores": 2, "os": "Linux 6.0", "python": "3.11.7", "load": "3.0 2.0 1.0",
        "load_start": "1.0 1.0 1.0"}
VERSIONS = {"mlxcy": "0.1 (libmlx 0.32.4)", "reference (mlx)": "0.32.4 (/ref/python)", "NumPy": "2.4.6",
            "PyTorch": None, "safetensors": "0.8.0"}


def test_pairs_each_peer_with_the_same_metric_and_unit(run_all):
    row = {"case": "c", "headline": True, "mlxcy_ms": 2.0, "ref_ms": 8.0, "numpy_ms": 4.0, "torch_ms": None,
           "safetensors_s": 1.0,                      # another unit: no pair with mlxcy_ms
           "mlxcy_eval_ns": 30.0, "ref_eval_ns": 10.0,  # a metric of its own
           "mlxcy_over_numpy": 0.5, "memcpy_gbps": 3.0, "n": 7}
    got = {(r["case"], r["peer"]): r["ratio"] for r in run_all.ratios([row])}
    assert got == {("c", "reference (mlx)"): 0.25, ("c", "NumPy"): 0.5, ("c (eval)", "reference (mlx)"): 3.0}


def test_bytes_give_a_labelled_memory_ratio_and_bad_values_no_ratio(run_all):
    rows = [{"case": "load, peak RSS", "mlxcy_rss_bytes": 100, "safetensors_rss_bytes": 200},
            {"case": "zero", "mlxcy_ms": 0.0, "ref_ms": 1.0},
            {"case": "nan", "mlxcy_ms": float("nan"), "ref_ms": 1.0},
            {"case": "no peer", "mlxcy_ms": 1.0}]
    (r,) = run_all.ratios(rows)
    assert (r["case"], r["peer"], r["kind"], r["ratio"]) == ("load, peak RSS (memory ratio)", "safetensors",
                                                              "memory", 0.5)


@pytest.mark.parametrize("value, text", [(0.5, "0.50"), (1.234, "1.23"), (0.044, "0.044"), (41.2, "41"),
                                         (1 / 65432, "1/65,000"), (1 / 410, "1/410")])
def test_fmt_ratio(run_all, value, text):
    assert run_all.fmt_ratio(value) == text


def test_headline_cells_list_few_and_average_many(run_all):
    few = [{"case": k, "headline": True, "mlxcy_ms": v, "ref_ms": 1.0} for k, v in (("eager", 0.14), ("compiled", 0.08))]
    few.append({"case": "not headline", "headline": False, "mlxcy_ms": 9.0, "ref_ms": 1.0})
    assert run_all.headline_cells(run_all.ratios(few)) == {"reference (mlx)": "0.14 / 0.080"}
    many = [{"case": str(i), "headline": True, "mlxcy_ns": v, "ref_ns": 1.0} for i, v in enumerate((0.5, 2.0, 0.25, 4.0, 1.0))]
    assert run_all.headline_cells(run_all.ratios(many)) == {"reference (mlx)": "1.00 (geomean of 5)"}
    assert math.isclose(run_all.geomean([0.5, 0.125]), 0.25)


def _payloads():
    blas = {"benchmark": "blas", "headline": "f32 matmul 1024\u00b2, time", "figures": [], "notes": ["one thread"], "rows": [
        {"case": "f32 matmul 256\u00b2", "headline": False, "mlxcy_s": 1.0, "numpy_s": 2.0, "ref_s": 10.0},
        {"case": "f32 matmul 1024\u00b2", "headline": True, "mlxcy_s": 0.02, "numpy_s": 0.025, "ref_s": 0.82}]}
    load = {"benchmark": "load", "headline": "read", "rows": [
        {"case": "read, mmap", "headline": True, "mlxcy_all_s": 0.1, "ref_all_s": 2.0, "torch_all_s": 0.05}],
        "figures": [{"label": "open, mmap=True", "value": 1.5, "unit": "ms", "headline": True},
                    {"label": "peak RSS / bytes touched", "value": 1.0, "unit": "\u00d7", "headline": False}]}
    dispatch = {"benchmark": "dispatch", "headline": "small ops", "figures": [], "rows": [
        {"case": op, "group": "graph building", "headline": True, "mlxcy_ns": v, "ref_ns": 100.0}
        for op, v in (("a + b", 50.0), ("a * 2", 200.0), ("-a", 100.0), ("a < b", 100.0))]}
    dist = {"benchmark": "distributed", "headline": "all_sum", "no_ratio_reason": "no peer: shared cores",
            "rows": [{"case": "all_sum 1 MB", "mlxcy_ms": 3.0}],
            "figures": [{"label": "all_sum 1 MB, 2 ranks", "value": 0.4, "unit": "GB/s", "headline": False}]}
    gpu = {"benchmark": "cuda", "date": "2026-11-20 10:00", "headline": "dispatch", "placeholder": "typed in by hand.",
           "machine": {"gpu": "NVIDIA H100 80GB", "driver": "580.159"}, "versions": {"mlxcy": "0.1", "PyTorch": "2.9"},
           "rows": [{"case": "`a + b`", "headline": True, "mlxcy_ns": 654.0, "ref_ns": 1234.0, "torch_ns": 6912.0}],
           "figures": []}
    runs = {"blas": _run(blas, console="BLAS CONSOLE"), "cuda": _run(skipped="no NVIDIA GPU here"),
            "dispatch": _run(dispatch), "distributed": _run(dist), "load": _run(load),
            "train_step": _run(error="exit status 1: boom")}
    return runs, gpu


def test_render_results(run_all):
    runs, gpu = _payloads()
    text = run_all.render(runs, INFO, VERSIONS, "2026-11-21 04:00", gpu)
    lines = text.splitlines()
    # header: date, machine, load, versions, and the peer that is missing
    assert "2026-11-21 04:00" in lines[2]
    assert "- Machine: Test CPU 9000, 2 cores, Linux 6.0, Python 3.11.7" in lines
    assert any("1.0 1.0 1.0" in l and "3.0 2.0 1.0" in l for l in lines)
    assert "- reference (mlx): 0.32.4 (/ref/python)" in lines
    assert "- not installed (no column): PyTorch" in lines
    # summary: one line per benchmark with the headline ratio per peer, in the peers' column order
    assert ("| `blas.py` | f32 matmul 1024\u00b2, time | 0.024 | 0.80 |  |  |  |") in lines
    assert "| `load.py` | read | 0.050 |  | 2.00 |  | open, mmap=True: 1.5 ms |" in lines
    assert "| `dispatch.py` | small ops | 1.00 (geomean of 4) |  |  |  |  |" in lines
    assert "| `cuda.py` (NVIDIA H100 80GB) | dispatch | 0.53 |  | 0.095 |  |  |" in lines
    assert not any(l.startswith("| `distributed.py`") for l in lines)
    # all cases, each ratio mlxcy / that peer, and the group's geometric mean
    assert "| blas.py | f32 matmul 256\u00b2 | 0.10 | 0.50 |  |  |" in lines
    assert "| dispatch.py | *geometric mean, graph building (4 cases)* | **1.00** |  |  |  |" in lines
    assert "| load.py | peak RSS / bytes touched: 1.00\u00d7 |" in lines
    assert "| distributed.py | all_sum 1 MB, 2 ranks: 0.4 GB/s |" in lines
    # what is not in the table, and why
    assert "- `distributed.py`: no peer: shared cores" in lines
    assert "- `train_step.py`: failed: exit status 1: boom" in lines
    assert "- `cuda.py`: skipped: no NVIDIA GPU here (GPU section below)" in lines
    assert "- `blas.py`: one thread" in lines[lines.index("## Notes"):]
    # the GPU section carries its own date, GPU and versions, and says it is a placeholder
    gpu_at = lines.index("## GPU")
    section = "\n".join(lines[gpu_at:lines.index("## Console output")])
    assert "Measured 2026-11-20 10:00 (UTC)." in section and "NVIDIA H100 80GB, driver 580.159" in section
    assert "- PyTorch: 2.9" in section and "**Placeholder**: typed in by hand." in section
    assert "Not run in this report's run: no NVIDIA GPU here" in section
    assert "| cuda.py | `a + b` | 0.53 |  | 0.095 |  |" in section
    assert "BLAS CONSOLE" in text.split("## Console output")[1]


def test_readme_splice_replaces_only_the_marked_section(run_all):
    runs, gpu = _payloads()
    block = run_all.readme_block(runs, INFO, "2026-11-21 04:00", gpu)
    assert "| `blas.py` | f32 matmul 1024\u00b2, time | 0.024 | 0.80 |" in block
    assert "2026-11-21 04:00" in block and "Test CPU 9000" in block and "NVIDIA H100 80GB" in block
    before, after = "# Title\n\nintro\n", "\n\n## Next\ntext\n"
    text = before + run_all.START + "\nold table\n" + run_all.END + after
    out = run_all.splice_readme(text, block)
    assert out.startswith(before + run_all.START + "\n") and out.endswith(run_all.END + after)
    assert "old table" not in out and block in out
    assert run_all.splice_readme(out, block) == out            # idempotent
    for bad in (before + after, text + run_all.START, text.replace(run_all.START, "x") + run_all.START):
        with pytest.raises(ValueError):
            run_all.splice_readme(bad, block)
    # the real README has the markers, and splicing leaves the rest of it unchanged
    with open(os.path.join(ROOT, "README.md")) as f:
        readme = f.read()
    spliced = run_all.splice_readme(readme, "NEW")
    head, tail = readme.split(run_all.START)[0], readme.split(run_all.END)[1]
    assert spliced == head + run_all.START + "\nNEW\n" + run_all.END + tail


def test_committed_gpu_results_render(run_all):
    payload = run_all.load_gpu_results()
    assert payload is not None and payload["benchmark"] == "cuda"
    section = "\n".join(run_all.gpu_section(payload))
    assert payload["date"] in section and payload["machine"]["gpu"] in section
    assert run_all.ratios(payload["rows"])


def test_every_script_offers_json_and_quick():
    for name in sorted(os.listdir(BENCH)):
        if name.endswith(".py") and not name.startswith("_") and name != "run_all.py":
            res = subprocess.run([sys.executable, os.path.join(BENCH, name), "--help"], capture_output=True,
                                 text=True, cwd=BENCH, timeout=120)
            assert res.returncode == 0, (name, res.stderr)
            assert "--json" in res.stdout and "--quick" in res.stdout, name


def test_cuda_is_skipped_without_a_gpu(run_all, tmp_path, monkeypatch):
    import mlxcy
    if mlxcy.cuda.is_available():
        pytest.skip("this machine has a GPU: cuda.py would run")
    assert run_all.cuda_skip_reason() == "no NVIDIA GPU here (mlxcy.cuda.is_available() is False)"
    # the whole driver, with only cuda.py selected: nothing runs, the report says why and shows the
    # committed GPU figures; the README's section is rewritten from the same run
    monkeypatch.setattr(run_all, "versions", lambda: dict(VERSIONS))
    readme = tmp_path / "README.md"
    readme.write_text("top\n" + run_all.START + "\nOLD TABLE TEXT\n" + run_all.END + "\nbottom\n")
    out = tmp_path / "RESULTS.md"
    saved = tmp_path / "results_cpu.json"
    assert run_all.main(["--only", "cuda", "--out", str(out), "--readme", str(readme), "--results", str(saved)]) == 0
    text = out.read_text()
    assert "- `cuda.py`: skipped: no NVIDIA GPU here (mlxcy.cuda.is_available() is False)" in text
    gpu = json.loads(open(run_all.GPU_RESULTS).read())
    assert f"Measured {gpu['date']} (UTC)." in text
    new = readme.read_text()
    assert new.startswith("top\n" + run_all.START) and new.endswith(run_all.END + "\nbottom\n")
    assert "OLD TABLE TEXT" not in new and "| `cuda.py` (" in new
    assert json.loads(saved.read_text())["runs"]["cuda"]["skipped"] == run_all.cuda_skip_reason()


def test_render_runs_nothing_and_uses_the_saved_results(run_all, tmp_path, monkeypatch):
    runs, _ = _payloads()
    saved = tmp_path / "results_cpu.json"
    saved.write_text(json.dumps({"date": "2026-11-21 04:00", "machine": INFO, "versions": VERSIONS, "runs": runs}))

    def no_run(*a, **k):
        raise AssertionError("--render must not run a benchmark")
    monkeypatch.setattr(run_all, "run_script", no_run)
    monkeypatch.setattr(run_all, "cuda_skip_reason", no_run)
    readme = tmp_path / "README.md"
    readme.write_text("a\n" + run_all.START + "\n" + run_all.END + "\nb\n")
    out = tmp_path / "RESULTS.md"
    assert run_all.main(["--render", "--results", str(saved), "--out", str(out), "--readme", str(readme)]) == 0
    assert out.read_text() == run_all.render(runs, INFO, VERSIONS, "2026-11-21 04:00", run_all.load_gpu_results(),
                                             run_all.load_gpu_results(run_all.GPU_GENERATE_RESULTS))
    assert "| `blas.py` | f32 matmul 1024\u00b2, time | 0.024 | 0.80 |" in readme.read_text()


def _gpu_generate_payload():
    """What `generate.py --device gpu --json` writes, with made-up figures."""
    return {"benchmark": "generate", "quick": False, "date": "2026-11-30 12:00", "device": "gpu",
            "headline": "mlx-lm Llama (width 256, 4 layers) on the GPU, time per generated token",
            "machine": {"cpu": "Host CPU", "cores": 16, "os": "Linux 6.8", "python": "3.12.3",
                        "gpu": "NVIDIA H200", "driver": "580.1", "memory": "143771 MiB"},
            "versions": {"mlxcy": "0.1 (libmlx 0.32.4)", "reference (mlx)": "0.32.4", "mlx-lm": "0.32.2"},
            "notes": ["stream_generate on the GPU (NVIDIA H200): 512-token prompt."],
            "rows": [{"case": "llama: 512-token prompt processing", "mlxcy_s": 0.01, "ref_s": 0.04},
                     {"case": "llama: time per generated token", "headline": True, "mlxcy_ms": 2.0, "ref_ms": 2.5}],
            "figures": [{"label": "llama: generated tokens/s", "value": 500.0, "unit": "tok/s", "headline": False}]}


def test_gpu_generate_results_render_in_the_gpu_section_and_summary(run_all):
    runs, gpu = _payloads()
    lines = run_all.render(runs, INFO, VERSIONS, "2026-11-21 04:00", gpu, _gpu_generate_payload()).splitlines()
    # the summary has a line of its own, named with its GPU; the ratios are mlxcy's time / the reference's
    assert ("| `generate.py --device gpu` (NVIDIA H200) | mlx-lm Llama (width 256, 4 layers) on the GPU, "
            "time per generated token | 0.80 |  |  |  |  |") in lines
    # its subsection, after cuda.py's, with its own date, GPU, host, versions, cases, figures and notes
    gpu_at = lines.index("## GPU")
    sub_at = lines.index("### mlx-lm generation on the GPU (`generate.py --device gpu`)")
    end = lines.index("## Console output")
    assert gpu_at < lines.index("| cuda.py | `a + b` | 0.53 |  | 0.095 |  |") < sub_at < end
    section = lines[sub_at:end]
    assert "Measured 2026-11-30 12:00 (UTC)." in section
    assert "- GPU: NVIDIA H200, 143771 MiB, driver 580.1" in section
    assert "- host: Host CPU, 16 cores, Linux 6.8, Python 3.12.3" in section
    assert "- mlx-lm: 0.32.2" in section and "- reference (mlx): 0.32.4" in section
    assert "| generate.py | llama: 512-token prompt processing | 0.25 |  |  |  |" in section
    assert "| generate.py | llama: time per generated token | 0.80 |  |  |  |" in section
    assert "| generate.py | llama: generated tokens/s: 500 tok/s |" in section
    assert "- stream_generate on the GPU (NVIDIA H200): 512-token prompt." in section
    # the README names where the line was measured
    block = run_all.readme_block(runs, INFO, "2026-11-21 04:00", gpu, _gpu_generate_payload())
    assert "the `generate.py --device gpu` line on NVIDIA H200 on 2026-11-30 12:00" in block


def test_gpu_generate_section_without_results_or_after_a_failure(run_all):
    section = run_all.gpu_section(None)
    assert "### mlx-lm generation on the GPU (`generate.py --device gpu`)" in section
    assert any("No `bench/results_generate_cuda.json` yet" in l and "tools/run_gpu_generate.sh" in l for l in section)
    failed = {"benchmark": "generate", "date": "2026-11-30 12:00", "rows": [], "figures": [],
              "error": "cannot make the mlx-lm venv: MLXCY_MLXLM_PYTHON=python3: mlx_lm is not installed there"}
    section = run_all.gpu_section(None, generate_payload=failed)
    assert section[-2] == ("The last run failed (2026-11-30 12:00 UTC): cannot make the mlx-lm venv: "
                           "MLXCY_MLXLM_PYTHON=python3: mlx_lm is not installed there")
    assert run_all.summary_table({}, None, failed) == run_all.summary_table({})


def test_render_picks_up_the_gpu_generate_file(run_all, tmp_path, monkeypatch):
    runs, _ = _payloads()
    saved = tmp_path / "results_cpu.json"
    saved.write_text(json.dumps({"date": "2026-11-21 04:00", "machine": INFO, "versions": VERSIONS, "runs": runs}))
    gen = tmp_path / "results_generate_cuda.json"
    gen.write_text(json.dumps(_gpu_generate_payload()))
    monkeypatch.setattr(run_all, "GPU_GENERATE_RESULTS", str(gen))
    out = tmp_path / "RESULTS.md"
    assert run_all.main(["--render", "--results", str(saved), "--out", str(out), "--readme", ""]) == 0
    text = out.read_text()
    assert "| `generate.py --device gpu` (NVIDIA H200) |" in text
    assert "| generate.py | llama: time per generated token | 0.80 |  |  |  |" in text.split("### mlx-lm generation")[1]
