"""Import time: `import mlxcy` vs `import mlx.core`, and with nn and optimizers, each the best of
several fresh interpreters; plus where mlxcy's time goes (`python -X importtime`, the top entries)
and whether `mlxcy.nn` or `mlxcy.optimizers` pulls in NumPy. Target (issue 21): `import mlxcy`
<= 30 ms.

An editable install (meson-python) re-runs its build check on every import, and its finder,
loaded at start-up by a .pth file, imports much of the standard library (inspect, tempfile, ...)
before mlxcy asks for it. So every interpreter here starts with -S (no .pth files), with `site`
imported before the clock starts and the site-packages folders on PYTHONPATH; for an editable
install, mlxcy is a plain copy assembled in a temporary folder from the source files and the built
extension modules (the layout a wheel installs).

Run: python bench/import_time.py [--runs N] [--quick] [--json OUT]
"""
import argparse
import compileall
import json
import os
import shutil
import subprocess
import sys
import tempfile

from _peers import add_common_args, figure, reference_python, write_json

STATEMENTS = [
    ("import core", "import {core}"),
    ("import core, nn, optimizers", "import {core}; import {pkg}.nn; import {pkg}.optimizers"),
]

# Prints the package's module files as JSON: {"package_dir": ..., "editable": bool,
# "extensions": {module name: file}}.
LAYOUT = r"""
import json, os, sys, importlib, mlxcy, mlxcy.nn, mlxcy.optimizers
pkg_dir = os.path.dirname(mlxcy.__file__)
ext = {}
for name, mod in list(sys.modules.items()):
    f = getattr(mod, "__file__", None) or ""
    if name.startswith("mlxcy.") and (f.endswith(".so") or name == "mlxcy._build_info"):
        ext[name] = f
editable = any(os.path.dirname(f) != pkg_dir for f in ext.values())
print(json.dumps({"package_dir": pkg_dir, "editable": editable, "extensions": ext}))
"""


def plain_copy(layout, into):
    """Assemble mlxcy as a wheel would install it, under `into`; returns `into`."""
    dest = os.path.join(into, "mlxcy")
    shutil.copytree(layout["package_dir"], dest,
                    ignore=shutil.ignore_patterns("*.pyx", "*.pxi", "*.pxd", "src", "includes", "__pycache__"))
    for name, path in layout["extensions"].items():
        shutil.copy(path, os.path.join(into, *name.split(".")[:-1], os.path.basename(path)))
    # Byte-compile the copy as a wheel install does: without .pyc files (e.g. under
    # PYTHONDONTWRITEBYTECODE) every run would time compiling the .py modules.
    compileall.compile_dir(dest, quiet=1)
    return into


def startup_env(python, env, first=None):
    """`env` for `python -S` that finds what `python` finds without running .pth files
    (`first`, a folder, ahead of the rest)."""
    res = subprocess.run([python, "-c", "import site, sys; print(repr(site.getsitepackages()))"],
                         capture_output=True, text=True, env=env, cwd="/", check=True)
    folders = ([first] if first else []) + eval(res.stdout.strip())
    return dict(env, PYTHONPATH=os.pathsep.join(folders))


def best_of(python, statement, runs, env):
    """Best seconds of `statement` in `runs` fresh `python -S` (start-up and `import site` excluded)."""
    code = ("import site, time\nt = time.perf_counter()\n" + statement +
            "\nprint(time.perf_counter() - t)")
    best = float("inf")
    for _ in range(runs):
        res = subprocess.run([python, "-S", "-c", code], capture_output=True, text=True, env=env, cwd="/",
                             timeout=600)
        if res.returncode != 0:
            raise RuntimeError(res.stderr[-2000:])
        best = min(best, float(res.stdout.strip().splitlines()[-1]))
    return best


def top_costs(python, module, env, count=12):
    """The `count` largest cumulative entries (microseconds) of `python -X importtime` for the
    modules that `import module` imports, as (cumulative, self, name)."""
    res = subprocess.run([python, "-S", "-X", "importtime", "-c", f"import site; import {module}"],
                         capture_output=True, text=True, env=env, cwd="/", timeout=600)
    lines = []
    for line in res.stderr.splitlines():
        if line.startswith("import time:") and "self [us]" not in line:
            self_us, cumulative, name = line[len("import time:"):].split("|")
            lines.append((int(cumulative), int(self_us), name.rstrip()[1:]))   # name keeps its indentation
    # -X importtime lists a module after everything it imported, those indented deeper.
    top = max(i for i, entry in enumerate(lines) if entry[2] == module)
    inside = []
    for entry in reversed(lines[:top]):
        if not entry[2].startswith(" "):
            break
        inside.append(entry)
    return sorted(((c, s, n.strip()) for c, s, n in [lines[top]] + inside), reverse=True)[:count]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, help="fresh interpreters per measure, best kept (default 9; --quick: 5)")
    args = add_common_args(ap).parse_args()
    runs = args.runs or (5 if args.quick else 9)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    layout = json.loads(subprocess.run([sys.executable, "-c", LAYOUT], capture_output=True, text=True, cwd="/",
                                       check=True).stdout.strip().splitlines()[-1])
    ref = reference_python()
    rows, figures, notes = [], [], []
    with tempfile.TemporaryDirectory() as tmp:
        our_env = startup_env(sys.executable, env, plain_copy(layout, tmp) if layout["editable"] else None)
        ref_env = startup_env(ref, env) if ref else None
        if layout["editable"]:
            notes.append("editable install: timed a plain copy of the package (the editable build check excluded)")
        print(f"{'statement':<34} {'mlxcy ms':>9} {'ref ms':>8} {'ratio':>6}")
        for label, stmt in STATEMENTS:
            ours = best_of(sys.executable, stmt.format(core="mlxcy", pkg="mlxcy"), runs, our_env)
            theirs = best_of(ref, stmt.format(core="mlx.core", pkg="mlx"), runs, ref_env) if ref else None
            rows.append({"case": label, "headline": label == "import core", "mlxcy_ms": ours * 1e3,
                         "ref_ms": theirs * 1e3 if theirs else None})
            print(f"{label:<34} {ours * 1e3:>9.1f} {theirs * 1e3 if theirs else float('nan'):>8.1f} "
                  f"{ours / theirs if theirs else float('nan'):>6.2f}")
        numpy_in_nn = subprocess.run(
            [sys.executable, "-S", "-c",
             "import site, sys, mlxcy.nn, mlxcy.optimizers; print('numpy' in sys.modules)"],
            capture_output=True, text=True, env=our_env, cwd="/").stdout.strip() == "True"
        print(f"NumPy imported by `import mlxcy.nn, mlxcy.optimizers`: {numpy_in_nn}")
        notes.append(f"NumPy imported by `import mlxcy.nn, mlxcy.optimizers`: {numpy_in_nn}")
        print("largest cumulative costs of `import mlxcy` (python -X importtime, one run):")
        for cumulative, self_us, name in top_costs(sys.executable, "mlxcy", our_env):
            print(f"  {cumulative / 1e3:7.1f} ms  (self {self_us / 1e3:5.1f} ms)  {name}")
    figures.append(figure("import mlxcy", rows[0]["mlxcy_ms"], "ms", headline=True))
    if not ref:
        print("(reference mlx not found: set MLXCY_BENCH_REF_PYTHON to a python with mlx==0.32.4)")
    if args.json:
        write_json(args.json, "import_time", rows, quick=args.quick, figures=figures, notes=notes,
                   headline="import time, `import mlxcy` vs `import mlx.core` (target <= 30 ms)")


if __name__ == "__main__":
    main()
