"""python -m tools.fuzz files [--formats safetensors,npy,npz,gguf] [--cases N] [--seed S] [--report out.md]
python -m tools.fuzz args [--pairs P] [--seed S] [--ops mx.linalg,mx.zeros] [--report out.md]
python -m tools.fuzz --write-file FMT:SEED:INDEX PATH      (rebuild one fuzzed file, to reproduce a case)

Runs the sweep in a pool of worker processes (this interpreter and mlxcy, or --reference PYTHON with
mlx.core), prints the counts and the failure signatures, writes a Markdown report. Exit status 1
when any case crashed, hung, raised an unclean exception or misread a file. Defaults come from
MLXCY_FUZZ_CASES, MLXCY_FUZZ_SEED, MLXCY_FUZZ_PAIRS, MLXCY_FUZZ_WORKERS, MLXCY_FUZZ_TIMEOUT,
MLXCY_FUZZ_MEM_GB (see report.settings).
"""
import argparse
import sys

from . import files, report


def main(argv=None):
    s = report.settings()
    p = argparse.ArgumentParser(prog="python -m tools.fuzz")
    p.add_argument("sweep", nargs="?", choices=("files", "args"))
    p.add_argument("--formats", default=",".join(files.FORMATS))
    p.add_argument("--cases", type=int, default=s["files"], help="files per format")
    p.add_argument("--pairs", type=int, default=s["pairs"], help="two-parameter cases per function")
    p.add_argument("--ops", help="comma-separated op names or namespace prefixes (args sweep)")
    p.add_argument("--seed", type=int, default=s["seed"])
    p.add_argument("--workers", type=int, default=s["workers"])
    p.add_argument("--timeout", type=float, default=s["timeout"], help="seconds per case before a hang")
    p.add_argument("--mem-gb", type=float, default=s["mem_gb"], help="data-size limit per worker (RLIMIT_DATA; 0: none)")
    p.add_argument("--reference", help="run under this interpreter with mlx.core instead of mlxcy")
    p.add_argument("--report", help="write the Markdown report here")
    p.add_argument("--write-file", nargs=2, metavar=("FMT:SEED:INDEX", "PATH"))
    a = p.parse_args(argv)
    if a.write_file:
        fmt, seed, index = a.write_file[0].split(":")
        blob, how = files.make_file(fmt, int(seed), int(index))
        with open(a.write_file[1], "wb") as f:
            f.write(blob)
        print(f"{a.write_file[1]}: {len(blob)} bytes ({how})")
        return 0
    if a.sweep is None:
        p.error("choose a sweep: files or args")
    common = dict(workers=a.workers, timeout=a.timeout, mem_gb=a.mem_gb)
    if a.reference:
        common.update(python=a.reference, flavour="ref")
    if a.sweep == "files":
        sweep = report.run_files(a.formats.split(","), a.cases, a.seed, **common)
    else:
        sweep = report.run_args(a.seed, a.pairs, ops=a.ops.split(",") if a.ops else None, **common)
    text = sweep.markdown(f"Fuzz sweep: {a.sweep}" + (" (reference)" if a.reference else ""))
    if a.report:
        with open(a.report, "w") as f:
            f.write(text + "\n")
    print(text)
    return 1 if sweep.failures() else 0


if __name__ == "__main__":
    sys.exit(main())
