"""Run the examples of docstrings with doctest under the installed mlxcy and check their sections.

    python tools/docstrings/check.py tools/docstrings/ops_math.py [...]   # DOCS files (see README.md)
    python tools/docstrings/check.py --module mlxcy.nn [...]            # the live docstrings of a module
    python tools/docstrings/check.py --class mlxcy.nn.Module [...]      # those of a class's own methods

Prints one line per failing name and exits 1 when any fails.
"""
import argparse
import doctest
import importlib.util
import inspect
import os
import re
import sys

REQUIRED = ("Examples",)


def doctest_globals():
    import numpy as np
    import mlxcy as mx
    import mlxcy.nn as nn
    import mlxcy.optimizers as optim
    import mlxcy.utils as utils
    return {"mx": mx, "np": np, "nn": nn, "optim": optim, "utils": utils}


def sections(doc):
    """The NumPy-style section titles of a docstring (a title line underlined with dashes)."""
    lines = [line.strip() for line in doc.splitlines()]
    return {lines[i] for i in range(len(lines) - 1) if lines[i] and re.fullmatch(r"-{3,}", lines[i + 1])}


def run_examples(name, doc):
    """doctest failures of one docstring's examples, as text ('' when they pass)."""
    parser = doctest.DocTestParser()
    test = parser.get_doctest(doc, doctest_globals(), name, None, 0)
    if not test.examples:
        return "no examples"
    out = []
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    runner.run(test, out=out.append)
    return "".join(out)


def check_docs(docs):
    failures = {}
    for name, doc in docs.items():
        doc = inspect.cleandoc(doc)
        missing = [s for s in REQUIRED if s not in sections(doc)]
        problem = f"missing sections: {', '.join(missing)}\n" if missing else ""
        problem += run_examples(name, doc)
        if problem:
            failures[name] = problem
    return failures


def docs_of_file(path):
    spec = importlib.util.spec_from_file_location(os.path.basename(path)[:-3], path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.DOCS


def docs_of_module(modname):
    mod = importlib.import_module(modname)
    names = getattr(mod, "__all__", None) or [n for n in dir(mod) if not n.startswith("_")]
    return {f"{modname}.{n}": getattr(mod, n).__doc__ or "" for n in names}


def docs_of_class(qualname):
    """The docstrings of the public attributes a class defines itself (methods, properties)."""
    modname, _, clsname = qualname.rpartition(".")
    cls = getattr(importlib.import_module(modname), clsname)
    names = [n for n in vars(cls) if not n.startswith("_")]
    return {f"{qualname}.{n}": getattr(cls, n).__doc__ or "" for n in names}


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="*")
    ap.add_argument("--module", action="append", default=[])
    ap.add_argument("--class", dest="classes", action="append", default=[])
    args = ap.parse_args(argv)
    docs = {}
    for path in args.files:
        docs.update(docs_of_file(path))
    for modname in args.module:
        docs.update(docs_of_module(modname))
    for qualname in args.classes:
        docs.update(docs_of_class(qualname))
    failures = check_docs(docs)
    for name, problem in failures.items():
        print(f"--- {name}\n{problem.rstrip()}")
    print(f"{len(docs) - len(failures)} of {len(docs)} docstrings pass")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
