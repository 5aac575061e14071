"""Run a program written for MLX on mlxcy, unmodified.

    python -m mlxcy.run script.py [args]     # as `python script.py [args]`
    python -m mlxcy.run -m module [args]     # as `python -m module [args]`

Turns on :mod:`mlxcy.compat` (``mlx``, ``mlx.core``, ``mlx.nn``, ... are mlxcy) and runs the
program as ``python`` would: ``sys.argv``, ``sys.path[0]`` and ``__main__`` as ``python`` sets them.
"""
import os
import runpy
import sys

USAGE = ("usage: python -m mlxcy.run script.py [args]\n"
         "       python -m mlxcy.run -m module [args]\n"
         "Runs the program with mlx, mlx.core, mlx.nn, mlx.optimizers and mlx.utils served by mlxcy.")


def main(argv):
    if not argv or argv[0] in ("-h", "--help"):
        print(USAGE, file=sys.stdout if argv else sys.stderr)
        return 0 if argv else 2
    from mlxcy import compat

    compat.install()
    # Python processes the program starts (multiprocessing's spawn, subprocesses) are switched
    # too, by the installed .pth hook.
    os.environ[compat.ENV_VAR] = "1"
    if argv[0] == "-m":
        if len(argv) < 2:
            print("mlxcy.run: -m needs a module name\n" + USAGE, file=sys.stderr)
            return 2
        module, args = argv[1], argv[2:]
        # `python -m` keeps the working directory first on sys.path (as `python -m mlxcy.run`
        # already did) and sets argv[0] to the module's file, which run_module does.
        sys.argv = [module] + args
        runpy.run_module(module, run_name="__main__", alter_sys=True)
        return 0
    if argv[0].startswith("-"):
        print(f"mlxcy.run: unknown option {argv[0]!r}\n" + USAGE, file=sys.stderr)
        return 2
    script, args = argv[0], argv[1:]
    # `python script.py` puts the script's directory first on sys.path, where `python -m
    # mlxcy.run` put the working directory.
    sys.path[0] = os.path.dirname(os.path.abspath(script))
    sys.argv = [script] + args
    runpy.run_path(script, run_name="__main__")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
