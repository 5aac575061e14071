"""The opt-in `mlx` switch (mlxcy.compat, python -m mlxcy.run, MLXCY_AS_MLX=1): code written
for MLX imports mlxcy's modules under mlx's names. Every case runs in a fresh interpreter."""
import importlib.metadata
import json
import os
import shutil
import subprocess
import sys
import textwrap

import pytest

import mlxcy
from _oracles import REFERENCE_PYTHON

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PTH_SOURCE = os.path.join(ROOT, "mlxcy", "mlxcy-mlx-switch.pth")

# The reference's module tree (mlx 0.32.4, as `import mlx.core, mlx.nn, mlx.optimizers, mlx.utils`
# leaves it in sys.modules), each with the mlxcy module that must stand for it.
MLX_TO_MLXCY = {
    "mlx.core": "mlxcy",
    **{f"mlx.core.{n}": f"mlxcy.{n}" for n in ("cuda", "distributed", "fast", "fft", "linalg", "metal", "random")},
    **{f"mlx.{n}": f"mlxcy.{n}" for n in (
        "nn", "nn.init", "nn.losses", "nn.utils", "nn.layers", "optimizers", "optimizers.optimizers",
        "optimizers.schedulers", "utils")},
    **{f"mlx.nn.layers.{n}": f"mlxcy.nn.layers.{n}" for n in (
        "activations", "base", "containers", "convolution", "convolution_transpose", "distributed",
        "dropout", "embedding", "linear", "normalization", "pooling", "positional_encoding",
        "quantized", "recurrent", "transformer", "upsample")},
}


def _env(**extra):
    env = {k: v for k, v in os.environ.items() if k not in ("MLXCY_AS_MLX", "PYTHONPATH")}
    env.update(extra)
    return env


def _run(args, **env):
    return subprocess.run([sys.executable, *args], capture_output=True, text=True, cwd="/", env=_env(**env),
                          timeout=300)


def _run_code(code, **env):
    return _run(["-c", textwrap.dedent(code)], **env)


def _json_out(res):
    assert res.returncode == 0, res.stderr
    return json.loads(res.stdout.strip().splitlines()[-1])


@pytest.fixture
def fake_mlx(tmp_path):
    """A directory holding an `mlx` package that stands for an installed reference: importing
    its mlx.core records the fact (and gives no arrays)."""
    pkg = tmp_path / "site" / "mlx"
    pkg.mkdir(parents=True)
    (pkg / "core.py").write_text("IS_FAKE_REFERENCE = True\n")
    (pkg / "utils.py").write_text("IS_FAKE_REFERENCE = True\n")
    return str(tmp_path / "site")


def test_every_module_of_mlx_is_the_mlxcy_module():
    res = _run_code(f"""
        import importlib, json, sys
        import mlxcy.compat
        mlxcy.compat.install()
        pairs = {MLX_TO_MLXCY!r}
        out = {{}}
        for mlx_name, mlxcy_name in pairs.items():
            m = importlib.import_module(mlx_name)
            out[mlx_name] = m is importlib.import_module(mlxcy_name) and sys.modules[mlx_name] is m
        import mlx, mlx.core as mx, mlxcy
        out["attrs"] = mlx.core is mx and mlx.nn is sys.modules["mlxcy.nn"] and mx.fast is mlxcy.fast
        out["array"] = mx.array is mlxcy.array
        # the modules keep their own names and specs (what pickle and reload see)
        out["names"] = [mx.__name__, mx.__spec__.name, sys.modules["mlx.nn.layers.base"].__spec__.name]
        print(json.dumps(out))
    """)
    out = _json_out(res)
    assert out.pop("names") == ["mlxcy", "mlxcy", "mlxcy.nn.layers.base"]
    assert all(out.values()), {k: v for k, v in out.items() if not v}


def test_switch_serves_mlx_code_mlxcy_arrays():
    res = _run_code("""
        import json
        import mlxcy.compat
        mlxcy.compat.install()
        import mlx.core as mx, mlx.nn as nn, mlx.optimizers as optim
        from mlx.utils import tree_flatten
        import mlxcy
        layer = nn.Linear(3, 2)
        y = layer(mx.ones((4, 3)))
        out = {
            "isinstance": isinstance(y, mx.array) and isinstance(y, mlxcy.array),
            "type": type(layer.weight) is mlxcy.array,
            "module": isinstance(layer, mlxcy.nn.Module),
            "optimizer": isinstance(optim.Adam(1e-3), mlxcy.optimizers.Optimizer),
            "params": sorted(k for k, _ in tree_flatten(layer.parameters())),
            "version": mx.__version__,
            "dtype": mx.float32 is mlxcy.float32,
        }
        print(json.dumps(out))
    """)
    out = _json_out(res)
    assert out.pop("params") == ["bias", "weight"]
    try:
        expected = importlib.metadata.version("mlx-cpu")
    except importlib.metadata.PackageNotFoundError:
        expected = mlxcy.__version__   # a prefix build: libmlx's own version string
    assert out.pop("version") == expected
    assert all(out.values()), out


def test_finder_wins_over_an_installed_mlx(fake_mlx):
    code = """
        import json, sys
        if sys.argv[1] == "on":
            import mlxcy.compat
            mlxcy.compat.install()
        import mlx.core, mlx.utils
        print(json.dumps({"fake": [hasattr(mlx.core, "IS_FAKE_REFERENCE"), hasattr(mlx.utils, "IS_FAKE_REFERENCE")],
                          "mlxcy_loaded": "mlxcy" in sys.modules}))
    """
    on = _json_out(_run(["-c", textwrap.dedent(code), "on"], PYTHONPATH=fake_mlx))
    off = _json_out(_run(["-c", textwrap.dedent(code), "off"], PYTHONPATH=fake_mlx))
    assert on == {"fake": [False, False], "mlxcy_loaded": True}
    # without opting in nothing changes: the installed mlx is imported, mlxcy is not
    assert off == {"fake": [True, True], "mlxcy_loaded": False}


def test_install_refuses_when_the_real_mlx_core_is_already_imported(fake_mlx):
    res = _run_code("""
        import mlx.core
        import mlxcy.compat
        try:
            mlxcy.compat.install()
        except RuntimeError as e:
            print("RuntimeError:", e)
        import mlx.core
        print("still fake:", hasattr(mlx.core, "IS_FAKE_REFERENCE"), mlxcy.compat.is_installed())
    """, PYTHONPATH=fake_mlx)
    assert res.returncode == 0, res.stderr
    assert "RuntimeError:" in res.stdout and "already imported" in res.stdout, res.stdout
    assert "still fake: True False" in res.stdout


def test_install_replaces_an_mlx_imported_without_its_core(fake_mlx):
    # `import mlx` or the pure-Python mlx.utils alone hold no native state: install() takes over.
    res = _run_code("""
        import json
        import mlx, mlx.utils
        import mlxcy.compat
        mlxcy.compat.install()
        import mlx.utils, mlx.core, mlxcy
        print(json.dumps([mlx.utils is mlxcy.utils, mlx.core is mlxcy]))
    """, PYTHONPATH=fake_mlx)
    assert _json_out(res) == [True, True]


def test_uninstall_gives_mlx_back(fake_mlx):
    res = _run_code("""
        import json
        import mlxcy.compat
        mlxcy.compat.install()
        import mlx.core
        first = hasattr(mlx.core, "IS_FAKE_REFERENCE")
        mlxcy.compat.uninstall()
        import mlx.core
        print(json.dumps([first, hasattr(mlx.core, "IS_FAKE_REFERENCE"), mlxcy.compat.is_installed()]))
    """, PYTHONPATH=fake_mlx)
    assert _json_out(res) == [False, True, False]


def test_unknown_mlx_module_fails_with_a_clear_message():
    res = _run_code("""
        import mlxcy.compat
        mlxcy.compat.install()
        try:
            import mlx.extension
        except ModuleNotFoundError as e:
            print(e.name, "|", e)
    """)
    assert res.returncode == 0, res.stderr
    assert res.stdout.startswith("mlx.extension |") and "mlxcy" in res.stdout


def test_pickle_round_trip_under_the_switch(tmp_path):
    data = tmp_path / "arrays.pkl"
    writer = f"""
        import pickle
        import mlxcy.compat
        mlxcy.compat.install()
        import mlx.core as mx, mlx.nn as nn
        layer = nn.Linear(2, 3)
        layer.update({{"weight": mx.arange(6, dtype=mx.float32).reshape(3, 2), "bias": mx.array([1, 2, 3], mx.float16)}})
        with open({str(data)!r}, "wb") as f:
            pickle.dump({{"a": mx.array([[1.5, 2], [3, 4]]), "b": mx.array([True, False]), "layer": layer}}, f)
    """
    res = _run_code(writer)
    assert res.returncode == 0, res.stderr
    # read back in another process under the switch: the objects are mlx.core's (= mlxcy's) types
    reader = f"""
        import json, pickle
        import mlxcy.compat
        mlxcy.compat.install()
        import mlx.core as mx, mlx.nn as nn
        with open({str(data)!r}, "rb") as f:
            d = pickle.load(f)
        y = d["layer"](mx.array([[1.0, 1.0]]))
        print(json.dumps({{"types": [type(d["a"]) is mx.array, isinstance(d["layer"], nn.Linear)],
                          "a": d["a"].tolist(), "a_dtype": str(d["a"].dtype), "b": d["b"].tolist(),
                          "bias_dtype": str(d["layer"].bias.dtype), "y": y.tolist()}}))
    """
    out = _json_out(_run_code(reader))
    assert out == {"types": [True, True], "a": [[1.5, 2.0], [3.0, 4.0]], "a_dtype": "mlx.core.float32",
                   "b": [True, False], "bias_dtype": "mlx.core.float16", "y": [[2.0, 7.0, 12.0]]}


def test_array_pickled_by_the_reference_loads_under_the_switch(tmp_path):
    if not os.path.exists(REFERENCE_PYTHON):
        pytest.skip(f"no reference interpreter at {REFERENCE_PYTHON}")
    data = tmp_path / "ref.pkl"
    res = subprocess.run([REFERENCE_PYTHON, "-c", f"import pickle, mlx.core as mx; pickle.dump(mx.array([[1.5, 2], "
                          f"[3, 4]]), open({str(data)!r}, 'wb'))"], capture_output=True, text=True, cwd="/")
    assert res.returncode == 0, res.stderr
    out = _json_out(_run_code(f"""
        import json, pickle
        import mlxcy.compat
        mlxcy.compat.install()
        import mlx.core as mx
        a = pickle.load(open({str(data)!r}, "rb"))
        print(json.dumps([type(a) is mx.array, a.tolist()]))
    """))
    assert out == [True, [[1.5, 2.0], [3.0, 4.0]]]


# ---- python -m mlxcy.run ----

PROBE_SCRIPT = """
import json, sys
try:
    import mlx.core, mlxcy
    served = mlx.core is mlxcy
except ImportError:
    served = None
print(json.dumps({"argv": sys.argv, "name": __name__, "path0": sys.path[0], "served": served,
                  "file": __file__}))
if len(sys.argv) > 1 and sys.argv[1] == "exit3":
    sys.exit(3)
"""


def test_run_script_sees_argv_path_and_main_as_python_gives_them(tmp_path):
    script = tmp_path / "probe_script.py"
    script.write_text(PROBE_SCRIPT)
    plain = _json_out(_run([str(script), "a", "--flag"]))
    switched = _json_out(_run(["-m", "mlxcy.run", str(script), "a", "--flag"]))
    assert plain.pop("served") is not True   # `python` alone does not serve mlx from mlxcy
    assert switched.pop("served") is True
    assert switched == plain
    assert _run(["-m", "mlxcy.run", str(script), "exit3"]).returncode == 3


def test_run_module_sees_argv_path_and_main_as_python_gives_them(tmp_path):
    (tmp_path / "probe_module.py").write_text(PROBE_SCRIPT)
    plain = _json_out(_run(["-m", "probe_module", "x", "-m"], PYTHONPATH=str(tmp_path)))
    switched = _json_out(_run(["-m", "mlxcy.run", "-m", "probe_module", "x", "-m"], PYTHONPATH=str(tmp_path)))
    assert plain.pop("served") is not True
    assert switched.pop("served") is True
    assert switched == plain


def test_run_reports_errors_as_python_does(tmp_path):
    script = tmp_path / "fails.py"
    script.write_text("import mlx.core as mx\nraise ValueError('from the script')\n")
    res = _run(["-m", "mlxcy.run", str(script)])
    assert res.returncode == 1 and "ValueError: from the script" in res.stderr
    assert _run(["-m", "mlxcy.run"]).returncode == 2
    res = _run(["-m", "mlxcy.run", "-m", "no_such_module_here"])
    assert res.returncode == 1 and "No module named" in res.stderr


# ---- MLXCY_AS_MLX=1: the .pth hook ----

def _site_with_hook(tmp_path):
    site_dir = tmp_path / "hooked-site"
    site_dir.mkdir()
    shutil.copy(PTH_SOURCE, site_dir)
    return str(site_dir)


HOOK_PROBE = """
import json, site, sys
site.addsitedir(sys.argv[1])    # processes the .pth as interpreter start does for site-packages
loaded = "mlxcy" in sys.modules
try:
    import mlx.core
    served = mlx.core is sys.modules.get("mlxcy")
except ImportError:
    served = None
print(json.dumps({"mlxcy_loaded_by_hook": loaded, "served": served}))
"""


@pytest.mark.parametrize("value, on", [("1", True), ("0", False), ("", False), (None, False)])
def test_pth_hook_acts_only_when_the_variable_is_set(tmp_path, value, on):
    env = {} if value is None else {"MLXCY_AS_MLX": value}
    out = _json_out(_run(["-c", HOOK_PROBE, _site_with_hook(tmp_path)], **env))
    # off: the hook imports nothing (mlxcy stays unloaded) and mlx is not served: `import mlx.core`
    # fails, or finds the reference where that is installed too ("served" False)
    assert out["mlxcy_loaded_by_hook"] == on
    assert out["served"] is True if on else out["served"] in (None, False)


def _installed_pth():
    """The switch's .pth as this mlxcy distribution installed it, or None (an editable install
    serves mlxcy from the build folder and installs no data files)."""
    try:
        files = importlib.metadata.files("mlxcy") or []
    except importlib.metadata.PackageNotFoundError:
        return None
    for f in files:
        if f.name == "mlxcy-mlx-switch.pth":
            return f.locate()
    return None


def test_installed_pth_hook_switches_a_plain_interpreter(fake_mlx):
    pth = _installed_pth()
    if pth is None:
        pytest.skip("this mlxcy is an editable install: only a wheel install puts mlxcy-mlx-switch.pth in site-packages")
    assert open(pth).read() == open(PTH_SOURCE).read()
    code = "import json, sys, mlx.core; print(json.dumps([mlx.core is sys.modules.get('mlxcy')]))"
    assert _json_out(_run(["-c", code], MLXCY_AS_MLX="1", PYTHONPATH=fake_mlx)) == [True]
    assert _run_code("import sys; print('mlxcy' in sys.modules)").stdout.strip() == "False"


def test_run_passes_the_switch_to_child_processes(tmp_path):
    script = tmp_path / "parent.py"
    script.write_text("import os; print(os.environ.get('MLXCY_AS_MLX'))\n")
    assert _run(["-m", "mlxcy.run", str(script)]).stdout.strip() == "1"
    assert _run([str(script)]).stdout.strip() == "None"
