"""python -m tools.differential --cases N --seed S [--report out.md] [--reference PYTHON]
python -m tools.differential --snippet 'mx.array([1, 2])[5]' [--snippet ...]   (one case, both results)

Runs N generated cases under the reference binding and under mlxcy (this interpreter), prints
the counts and writes a Markdown report of the unexplained differences grouped by op and kind.
Exit status 1 when there are unexplained differences.
"""
import argparse
import sys

from . import compare, report, runner


def main(argv=None):
    p = argparse.ArgumentParser(prog="python -m tools.differential")
    p.add_argument("--cases", type=int, default=5000)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--report", help="write the grouped Markdown report here")
    p.add_argument("--reference", help="reference interpreter (default: $MLXCY_REFERENCE_PYTHON or .refvenv)")
    p.add_argument("--snippet", action="append", help="run this case source under both bindings and print "
                                                     "both results (repeatable); no sweep")
    args = p.parse_args(argv)
    ref_python = args.reference or runner.reference_python()
    problem = runner.reference_problem(ref_python)
    if problem:
        print(problem, file=sys.stderr)
        return 2
    if args.snippet:
        cases = [(i, 0, src.replace("\\n", "\n")) for i, src in enumerate(args.snippet)]
        ref, ours, _ = runner.run_both(cases, ref_python)
        for i, _, src in cases:
            diff = compare.compare(ref[i], ours[i])
            print(f"{src}\n  reference: {report.short(ref[i], 600)}\n  mlxcy:     {report.short(ours[i], 600)}\n"
                  f"  {'same' if diff is None else diff[0] + ': ' + diff[1]}")
        return 0
    sweep = report.run_sweep(args.cases, args.seed, ref_python)
    text = sweep.markdown()
    if args.report:
        with open(args.report, "w") as f:
            f.write(text + "\n")
    print(text.split("\n## ")[0])
    print(f"{len(sweep.differences)} unexplained differences" + (f"; report: {args.report}" if args.report else ""))
    return 1 if sweep.differences else 0


if __name__ == "__main__":
    sys.exit(main())
