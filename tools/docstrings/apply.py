"""Write the docstrings of tools/docstrings/<area>.py (DOCS dicts) into mlxcy's sources.

    python tools/docstrings/apply.py [tools/docstrings/ops_math.py ...]   # default: every DOCS file

A name is what a user writes after ``mx.``: ``exp`` (a module-level ``def``, ``cdef class`` or
``class`` of the .pyx/.pxi/.py files of mlxcy/), ``linalg.inv`` (in linalg.pyx), ``array.sum``
or ``Device.type`` (a method or property inside that class). The docstring right under the
definition is replaced (or one is inserted). Names that are aliases of another function (no
definition of their own: ``acos = arccos``) are reported and skipped. Prints what it could not
place; run tools/docstrings/check.py on the built package afterwards.
"""
import glob
import importlib.util
import inspect
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
PKG = os.path.join(ROOT, "mlxcy")
SUBMODULES = {"linalg": "linalg.pyx", "fft": "fft.pyx", "random": "random.pyx", "fast": "fast.pyx",
              "distributed": "distributed.pyx", "metal": "metal.py", "cuda": "cuda.py"}
DATA_FILES_SKIPPED = {"check.py", "apply.py"}
# Public names whose definition lives elsewhere under another name.
DEFINED_AS = {"metal.is_available": ("_backends.pyx", "metal_is_available"),
              "cuda.is_available": ("_backends.pyx", "cuda_is_available"),
              "metal.start_capture": ("_backends.pyx", "start_capture"),
              "metal.stop_capture": ("_backends.pyx", "stop_capture"),
              "random.state": ("random.pyx", "_RandomState")}


def docs_files():
    return sorted(f for f in glob.glob(os.path.join(HERE, "*.py")) if os.path.basename(f) not in DATA_FILES_SKIPPED)


def load_docs(path):
    spec = importlib.util.spec_from_file_location("docs_" + os.path.basename(path)[:-3], path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.DOCS


def source_files():
    files = glob.glob(os.path.join(PKG, "*.pyx")) + glob.glob(os.path.join(PKG, "*.pxi"))
    return sorted(files)


def definition_pattern(name, indent):
    pad = " " * indent
    return re.compile(rf"^{pad}(?:cpdef |def |cdef class |class ){re.escape(name)}\b[(:]", re.M)


def find_definition(text, name, indent, start=0, end=None):
    """Offset of the line defining `name` at `indent` within text[start:end], or None."""
    m = definition_pattern(name, indent).search(text, start, len(text) if end is None else end)
    return m.start() if m else None


def class_body(text, cls_name):
    """(start, end) offsets of the body of top-level class `cls_name`, or None."""
    at = find_definition(text, cls_name, 0)
    if at is None:
        return None
    nxt = re.compile(r"^\S", re.M).search(text, text.index("\n", at) + 1)
    return at, nxt.start() if nxt else len(text)


def locate(name):
    """(path, offset of the def line, indent) of a documented name, or None."""
    parts = name.split(".")
    if name in DEFINED_AS:
        files, parts = [os.path.join(PKG, DEFINED_AS[name][0])], [DEFINED_AS[name][1]]
    elif parts[0] in SUBMODULES:
        files, parts = [os.path.join(PKG, SUBMODULES[parts[0]])], parts[1:]
    else:
        files = source_files()
    for path in files:
        text = open(path).read()
        if len(parts) == 1:
            at = find_definition(text, parts[0], 0)
            if at is not None:
                return path, at, 0
        elif len(parts) == 2:
            body = class_body(text, parts[0])
            if body:
                at = find_definition(text, parts[1], 4, *body)
                if at is not None:
                    return path, at, 4
    return None


def end_of_signature(text, at):
    """Offset just after the line that ends the definition's header (the ':' at depth 0)."""
    depth, i = 0, at
    while i < len(text):
        c = text[i]
        if c in "([{":
            depth += 1
        elif c in ")]}":
            depth -= 1
        elif c == ":" and depth == 0:
            return text.index("\n", i) + 1
        elif c == "#":
            i = text.index("\n", i) - 1
        i += 1
    raise ValueError("unterminated definition")


def existing_docstring(text, body_start):
    """(start, end) of the docstring literal starting the body, or None."""
    m = re.compile(r'[ \t]*[rRuU]?("""|\'\'\')').match(text, body_start)
    if not m:
        return None
    quote = m.group(1)
    close = text.index(quote, m.end())
    return body_start, text.index("\n", close) + 1


def render(doc, indent):
    doc = inspect.cleandoc(doc)
    pad = " " * indent
    prefix = 'r"""' if "\\" in doc else '"""'
    doc = doc.replace('"""', '\\"\\"\\"') if prefix == '"""' else doc
    lines = doc.split("\n")
    out = [pad + prefix + lines[0]] + [(pad + line) if line.strip() else "" for line in lines[1:]]
    return "\n".join(out) + "\n" + pad + '"""\n'


def apply(docs):
    """Write `docs` into the sources; returns the names that could not be placed."""
    missing = []
    for name, doc in docs.items():
        place = locate(name)
        if place is None:
            missing.append(name)
            continue
        path, at, indent = place
        text = open(path).read()
        body = end_of_signature(text, at)
        old = existing_docstring(text, body)
        new = render(doc, indent + 4)
        text = text[:body] + new + text[old[1]:] if old else text[:body] + new + text[body:]
        with open(path, "w") as f:
            f.write(text)
    return missing


def main(argv=None):
    paths = (argv if argv is not None else sys.argv[1:]) or docs_files()
    missing = []
    for path in paths:
        missing += apply(load_docs(path))
    for name in missing:
        print(f"not placed (an alias or not defined in Cython/Python source): {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
