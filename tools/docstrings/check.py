"""Run the examples of docstrings with doctest under the installed mlxcy and check their sections.

    python tools/docstrings/check.py --module mlxcy.nn [...]   # the docstrings of what a module defines

Prints one line per failing name and exits 1 when any fails. The sections a docstring needs
follow from what it documents (``required_sections``): Examples always; Parameters, naming every
parameter, when the signature has any besides ``self``; Returns for functions, methods and
properties. ``tests/test_docstrings.py`` runs the same checks on every public name
(``public_objects``) with ``--write-todo`` writing its list of names not yet documented.
"""
import argparse
import contextlib
import doctest
import enum
import importlib
import importlib.util
import inspect
import os
import re
import sys
import types

HERE = os.path.dirname(os.path.abspath(__file__))
TODO_PATH = os.path.join(os.path.dirname(os.path.dirname(HERE)), "tests", "docstrings_todo.txt")

# The namespaces whose public names must be documented, owners first: a name re-exported by a
# later namespace (``mlxcy.optimizers.tree_map``) is checked once, where it is defined.
NAMESPACES = ("mlxcy", "mlxcy.fft", "mlxcy.linalg", "mlxcy.random", "mlxcy.fast", "mlxcy.distributed",
              "mlxcy.metal", "mlxcy.cuda", "mlxcy.utils", "mlxcy.nn", "mlxcy.nn.losses", "mlxcy.nn.init",
              "mlxcy.optimizers")

PROPERTY_TYPES = (property, types.GetSetDescriptorType, types.MemberDescriptorType)


def _load_gen_stubs():
    spec = importlib.util.spec_from_file_location("gen_stubs", os.path.join(os.path.dirname(HERE), "gen_stubs.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


gen_stubs = _load_gen_stubs()


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


def section_body(doc, title):
    """The lines of one section of a (cleaned) docstring, up to the next section's title."""
    lines = doc.splitlines()
    out, inside = [], False
    for i, line in enumerate(lines):
        next_is_rule = i + 1 < len(lines) and re.fullmatch(r"\s*-{3,}\s*", lines[i + 1])
        if next_is_rule and line.strip():
            inside = line.strip() == title
            continue
        if inside and not re.fullmatch(r"\s*-{3,}\s*", line):
            out.append(line)
    return out


def documented_parameters(doc):
    """The parameter names a Parameters section lists (``a, b : array`` names two; ``*args`` is ``args``)."""
    names = set()
    for line in section_body(doc, "Parameters"):
        if line and not line[0].isspace():
            for name in line.split(":")[0].split(","):
                names.add(name.strip().lstrip("*"))
    return names


def signature_of(obj, owner=None, name=None):
    """The ``inspect.Signature`` that a docstring documents (a class: its constructor's), or None."""
    if isinstance(obj, type):
        init = vars(obj).get("__init__")
        if isinstance(init, types.WrapperDescriptorType):  # a cdef class: the signature Cython embeds
            return gen_stubs.runtime_signature(init, obj, "__init__")
        try:
            return inspect.signature(obj)
        except (TypeError, ValueError):
            return gen_stubs.runtime_signature(obj.__init__, obj, "__init__")
    return gen_stubs.runtime_signature(obj, owner, name)


def parameter_names(obj, owner=None, name=None):
    """The names of the parameters a docstring must list (``self`` and ``cls`` left out)."""
    if isinstance(obj, PROPERTY_TYPES) or (isinstance(obj, type) and issubclass(obj, enum.Enum)):
        return []
    sig = signature_of(obj, owner, name)
    if sig is None:
        return []
    params = list(sig.parameters.values())
    if params and params[0].name in ("self", "cls") and (owner is not None or isinstance(obj, type)):
        params = params[1:]
    variadic = (inspect.Parameter.VAR_POSITIONAL, inspect.Parameter.VAR_KEYWORD)
    if isinstance(obj, type) and all(p.kind in variadic for p in params):
        return []  # a generic constructor (an exception, a cdef class made by factory functions only)
    return [p.name for p in params]


def required_sections(obj):
    """The sections a docstring of ``obj`` must have (tools/docstrings/README.md)."""
    if isinstance(obj, type):
        needed = [] if issubclass(obj, enum.Enum) else ["Parameters"]
    elif isinstance(obj, PROPERTY_TYPES):
        needed = ["Returns"]
    else:
        needed = ["Parameters", "Returns"]
    return needed + ["Examples"]


@contextlib.contextmanager
def preserved_global_state():
    """Put back the default device and stream and the print options an example may change, so
    that one docstring's examples do not change another's output (or a test's that follows)."""
    import mlxcy as mx
    device = mx.default_device()
    stream = mx.default_stream(device)
    precision = mx.get_printoptions().precision
    try:
        yield
    finally:
        mx.set_default_device(device)
        mx.set_default_stream(stream)
        mx.set_printoptions(precision=precision)


def run_examples(name, doc):
    """doctest failures of one docstring's examples, as text ('' when they pass)."""
    parser = doctest.DocTestParser()
    test = parser.get_doctest(doc, doctest_globals(), name, None, 0)
    if not test.examples:
        return "no examples"
    out = []
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    with preserved_global_state():
        runner.run(test, out=out.append)
    return "".join(out)


def check_doc(name, doc, obj=None, owner=None):
    """What is wrong with one docstring of ``obj`` (an attribute of ``owner``), as text ('' when
    nothing is). Without the object only the Examples are required."""
    doc = inspect.cleandoc(doc or "")
    member = name.rsplit(".", 1)[-1]
    params = [] if obj is None else parameter_names(obj, owner, member)
    needed = ["Examples"] if obj is None else required_sections(obj)
    if not params and "Parameters" in needed:
        needed.remove("Parameters")
    present = sections(doc)
    problem = ""
    missing = [s for s in needed if s not in present]
    if missing:
        problem += f"missing sections: {', '.join(missing)}\n"
    undocumented = [p for p in params if p not in documented_parameters(doc)] if "Parameters" in present else []
    if undocumented:
        problem += f"parameters not in Parameters: {', '.join(undocumented)}\n"
    return problem + run_examples(name, doc)


def check_docs(docs):
    """name -> problem for the failing entries of ``docs`` (name -> docstring, or name ->
    (docstring, object, owner) where the object is known)."""
    failures = {}
    for name, entry in docs.items():
        doc, obj, owner = entry if isinstance(entry, tuple) else (entry, *resolve(name))
        problem = check_doc(name, doc, obj, owner)
        if problem:
            failures[name] = problem
    return failures


def resolve(name):
    """(object, owner) that a DOCS name (``"exp"``, ``"array.sum"``, ``"linalg.inv"``) refers to in
    mlxcy, or (None, None) when it names nothing there."""
    import mlxcy
    owner, obj = None, mlxcy
    for part in name.split("."):
        if isinstance(obj, type) and part in vars(obj):
            owner, obj = obj, vars(obj)[part]  # the descriptor itself (a property, a staticmethod)
        elif hasattr(obj, part):
            owner, obj = (obj if isinstance(obj, type) else None), getattr(obj, part)
        else:
            return None, None
    if isinstance(obj, (staticmethod, classmethod)):
        obj = obj.__func__
    return obj, owner


def _is_own_member(cls, name, value):
    """Whether a class attribute is a public method or property that this class documents: an
    override without a docstring of its own keeps its base's contract (checked there)."""
    if name.startswith("_"):
        return False
    if isinstance(value, (staticmethod, classmethod)):
        value = value.__func__
    if not (isinstance(value, PROPERTY_TYPES) or callable(value)) or isinstance(value, type):
        return False
    inherited = any(name in vars(base) for base in cls.__mro__[1:])
    return not (inherited and value.__doc__ is None)


def public_objects(module_names=NAMESPACES):
    """qualified name -> (object, owner, namespace) for every public function, class, method and property of
    the namespaces, each checked once where it is defined. Constants (dtypes, ``pi``), enum members,
    modules and names imported from outside mlxcy (``typing``) are not documented objects."""
    out, seen = {}, set()
    for modname in module_names:
        module = importlib.import_module(modname)
        names = getattr(module, "__all__", None) or [n for n in dir(module) if not n.startswith("_")]
        for n in names:
            value = getattr(module, n)
            defined_in = getattr(value, "__module__", None) or ""
            if isinstance(value, types.ModuleType) or not (defined_in == "mlxcy" or defined_in.startswith("mlxcy.")):
                continue
            if not (callable(value) or isinstance(value, type)) or id(value) in seen:
                continue
            seen.add(id(value))
            out[f"{modname}.{n}"] = (value, None, modname)
            if isinstance(value, type) and not issubclass(value, enum.Enum):
                for member, attr in vars(value).items():
                    if _is_own_member(value, member, attr):
                        if isinstance(attr, (staticmethod, classmethod)):
                            attr = attr.__func__
                        out[f"{modname}.{n}.{member}"] = (attr, value, modname)
    return out


def docs_of_module(modname):
    """name -> (docstring, object, owner) for the public objects a module defines (the names it
    re-exports from another namespace of NAMESPACES are left to that one)."""
    walked = NAMESPACES if modname in NAMESPACES else NAMESPACES + (modname,)
    return {name: (obj.__doc__, obj, owner) for name, (obj, owner, namespace) in public_objects(walked).items()
            if namespace == modname}


def check_public_objects(module_names=NAMESPACES):
    """qualified name -> problem ('' when its docstring passes) for every public object."""
    return {name: check_doc(name, obj.__doc__, obj, owner)
            for name, (obj, owner, _) in public_objects(module_names).items()}


def read_todo(path=TODO_PATH):
    """The names listed as not yet documented (one per line; ``#`` starts a comment)."""
    with open(path) as f:
        return {line.split("#")[0].strip() for line in f} - {""}


def write_todo(path=TODO_PATH):
    """Write the names of every namespace whose docstring fails now; returns how many."""
    failing = sorted(name for name, problem in check_public_objects().items() if problem)
    with open(path, "w") as f:
        f.write("# Public names whose docstrings do not pass yet (tests/test_docstrings.py): written by\n"
                "# `python tools/docstrings/check.py --write-todo`. Remove a name once its docstring passes.\n")
        f.writelines(name + "\n" for name in failing)
    return len(failing)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--module", action="append", default=[])
    ap.add_argument("--write-todo", nargs="?", const=TODO_PATH, metavar="PATH",
                    help="write the failing names of every namespace to PATH (default: tests/docstrings_todo.txt)")
    args = ap.parse_args(argv)
    if args.write_todo:
        print(f"{write_todo(args.write_todo)} names written to {args.write_todo}")
        return 0
    docs = {}
    for modname in args.module:
        docs.update(docs_of_module(modname))
    failures = check_docs(docs)
    for name, problem in failures.items():
        print(f"--- {name}\n{problem.rstrip()}")
    print(f"{len(docs) - len(failures)} of {len(docs)} docstrings pass")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
