"""Copy the type stubs' annotations onto the public ``def`` lines of mlxcy's Cython sources.

With annotations on the ``def`` lines, ``inspect.signature`` and ``help()`` show typed
signatures (docs/DEVELOPING.md, "help() and signatures"). The stubs (mlxcy/*.pyi, written by
tools/gen_stubs.py) already hold the types, matched to the runtime's parameters; this tool is the
one-time migration that puts them into the sources, keeping each source's own text (C types,
defaults, layout) and adding ``name: type`` and ``-> type``:

    python tools/annotate_defs.py --check      # list the defs whose annotations differ from the
                                               # stubs, and the stubbed names no def was found for
                                               # (exit 1 when a def differs)
    python tools/annotate_defs.py              # rewrite those defs in place
    python tools/annotate_defs.py --root DIR   # a copy of the checkout instead of this one

Cython must not act on the annotations (``annotation_typing=False``: otherwise ``a: array``
rejects scalars with a TypeError and ``x: float`` converts to a C double): the rewrite refuses to
run unless mlxcy/meson.build passes ``-X annotation_typing=False`` and no ``# cython:`` header
line sets it back. Annotations are written as the reference binding's help() spells them
(``StreamOrDevice``, ``scalar``, for the stubs' private ``_StreamOrDevice``, ``_Scalar``); Cython
keeps them as strings and never evaluates them, so the names need not exist at run time.
Only ``def`` functions and methods whose name the stubs declare are touched (module level, or
directly in a ``class``/``cdef class``; nested functions are not); ``cpdef`` ones are left alone.
"""
import argparse
import ast
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# the source module -> the stub that declares its public names (the rest: __init__.pyi)
STUB_OF_SOURCE = {"fft.pyx": "fft.pyi", "linalg.pyx": "linalg.pyi", "random.pyx": "random.pyi",
                  "fast.pyx": "fast.pyi", "distributed.pyx": "distributed.pyi"}
# the stubs' private aliases -> the names the reference's help() shows
SPELLINGS = {"_StreamOrDevice": "StreamOrDevice", "_Scalar": "scalar"}

DEF_RE = re.compile(r"^(?P<indent>[ \t]*)def\s+(?P<name>\w+)\s*\(")
BLOCK_RE = re.compile(r"^(?P<indent>[ \t]*)(?:(?:cdef|cpdef)\s+(?:(?:public|api|final|inline|readonly)\s+)*)?"
                      r"(?P<kind>class|def|cpdef|cdef)\b\s*(?P<name>\w+)?")


# ---------------------------------------------------------------------------------------------
# The stubs' annotations

def stub_annotations(root):
    """stub file -> {qualified name (``f``, ``Class.method``): (param annotations, return)}, each
    annotation as text in the sources' spelling (``SPELLINGS``)."""
    out = {}
    for stub in sorted(set(STUB_OF_SOURCE.values()) | {"__init__.pyi"}):
        with open(os.path.join(root, "mlxcy", stub)) as f:
            tree = ast.parse(f.read())
        table = {}
        for node in tree.body:
            if isinstance(node, ast.FunctionDef):
                table[node.name] = _annotations_of(node)
            elif isinstance(node, ast.ClassDef):
                for member in node.body:
                    if isinstance(member, ast.FunctionDef) and not _decorated(member, "property"):
                        table[f"{node.name}.{member.name}"] = _annotations_of(member)
        out[stub] = table
    return out


def _decorated(fn, name):
    return any(isinstance(d, ast.Name) and d.id == name for d in fn.decorator_list)


def _annotations_of(fn):
    a = fn.args
    params = {}
    for arg in a.posonlyargs + a.args + a.kwonlyargs + [x for x in (a.vararg, a.kwarg) if x]:
        if arg.annotation is not None:
            params[arg.arg] = _spelled(arg.annotation)
    return params, (_spelled(fn.returns) if fn.returns is not None else None)


def _spelled(node):
    text = ast.unparse(node)
    for private, public in SPELLINGS.items():
        text = re.sub(rf"\b{private}\b", public, text)
    return text


# ---------------------------------------------------------------------------------------------
# The sources' def headers

def _scan(text, start, stop_chars):
    """The index of the first of ``stop_chars`` at bracket depth 0 from ``start`` (strings and
    comments skipped), or -1."""
    depth, i, n = 0, start, len(text)
    while i < n:
        ch = text[i]
        if ch in "\"'":
            quote = text[i:i + 3] if text[i:i + 3] in ('"""', "'''") else ch
            end = text.find(quote, i + len(quote))
            while end != -1 and len(quote) == 1 and text[end - 1] == "\\":
                end = text.find(quote, end + 1)
            i = (end if end != -1 else n - 1) + len(quote)
            continue
        if ch == "#":
            i = text.find("\n", i)
            i = n if i == -1 else i
            continue
        if depth == 0 and ch in stop_chars:
            return i
        depth += ch in "([{"
        depth -= ch in ")]}"
        i += 1
    return -1


def _split_top(text, sep):
    """[(start, end)] spans of ``text`` between top-level ``sep`` characters."""
    spans, start = [], 0
    while True:
        i = _scan(text, start, sep)
        if i == -1:
            return spans + [(start, len(text))]
        spans.append((start, i))
        start = i + 1


def _top_level(text, char):
    """The index of the first top-level ``char`` that is an annotation colon or a default's
    ``=`` (not ``==``, ``<=``, ``>=``, ``!=``), or -1."""
    i = -1
    while True:
        i = _scan(text, i + 1, char)
        if i == -1 or char != "=" or (text[i + 1:i + 2] != "=" and text[i - 1:i] not in "=<>!"):
            return i


def parse_param(text):
    """(C type and stars, name, annotation or None, default text or None) of one parameter of a
    def header (``double rtol=1e-05``, ``*args``, ``a: array``), or None for ``/``, ``*``."""
    core = text.strip()
    if core in ("/", "*", ""):
        return None
    default = None
    eq = _top_level(core, "=")
    if eq != -1:
        core, default = core[:eq].rstrip(), core[eq + 1:].strip()
    annotation = None
    colon = _top_level(core, ":")
    if colon != -1:
        core, annotation = core[:colon].rstrip(), core[colon + 1:].strip()
    m = re.fullmatch(r"(?P<prefix>.*?)(?P<name>\w+)", core, re.S)
    return m.group("prefix"), m.group("name"), annotation, default


def format_param(prefix, name, annotation, default):
    if annotation is None:
        return f"{prefix}{name}" + (f"={default}" if default is not None else "")
    return f"{prefix}{name}: {annotation}" + (f" = {default}" if default is not None else "")


def public_defs(text):
    """(qualified name, header start, params span, return span or None, colon index) of each
    ``def`` at module level or directly in a class, in source order."""
    out, blocks, offset = [], [], 0   # blocks: (indent, kind, name) enclosing the current line
    for line in text.splitlines(keepends=True):
        m = BLOCK_RE.match(line)
        if m is None:
            if line[:1] not in ("", " ", "\t", "\n", "#"):
                blocks.clear()  # code at column 0: module level again
            offset += len(line)
            continue
        indent = len(m.group("indent").expandtabs())
        while blocks and blocks[-1][0] >= indent:
            blocks.pop()
        d = DEF_RE.match(line)
        if d is not None and len(blocks) <= 1 and all(kind == "class" for _, kind, _ in blocks):
            qualname = ".".join([name for _, _, name in blocks] + [d.group("name")])
            open_paren = offset + d.end() - 1
            close_paren = _scan(text, open_paren + 1, ")")
            colon = _scan(text, close_paren + 1, ":")
            arrow = text.find("->", close_paren, colon)
            ret = (arrow + 2, colon) if arrow != -1 else None
            out.append((qualname, offset + len(m.group("indent")), (open_paren + 1, close_paren),
                        ret, colon))
        # (a ``cdef`` declaration in a class body is no block, but the next def pops it anyway)
        blocks.append((indent, m.group("kind"), m.group("name")))
        offset += len(line)
    return out


def annotate(text, table):
    """(new text, [(qualified name, old header, new header)] of the defs changed, the qualified
    names of ``table`` found) for one source, its annotations taken from ``table``."""
    changes, found, pieces, last = [], set(), [], 0
    for qualname, start, (p0, p1), ret, colon in public_defs(text):
        if qualname not in table:
            continue
        found.add(qualname)
        params, returns = table[qualname]
        params_text = text[p0:p1]
        new_params = []
        for s, e in _split_top(params_text, ","):
            piece = params_text[s:e]
            parsed = parse_param(piece)
            if parsed is None or parsed[1] == "self" or parsed[1] not in params:
                new_params.append(piece)
                continue
            prefix, name, _, default = parsed
            core = piece.strip()
            lead = piece[:len(piece) - len(piece.lstrip())]
            trail = piece[len(piece.rstrip()):]
            new_params.append(lead + format_param(prefix, name, params[name], default) + trail
                              if core else piece)
        header = text[start:colon + 1]
        if returns is None and ret is not None:
            returns = text[ret[0]:ret[1]].strip()  # the source's own
        new_ret = f" -> {returns}" if returns is not None else ""
        new_header = text[start:p0] + ",".join(new_params) + ")" + new_ret + ":"
        if "\n" not in new_header:
            new_header = wrap_header(new_header, text[text.rfind("\n", 0, start) + 1:start])
        if new_header != header:
            changes.append((qualname, header, new_header))
            pieces += [text[last:start], new_header]
            last = colon + 1
    return "".join(pieces) + text[last:], changes, found


def wrap_header(header, indent, width=100):
    """A one-line def header broken after commas to fit ``width`` (continuation lines aligned
    after the opening parenthesis), as the sources write long ones."""
    if len(indent) + len(header) <= width:
        return header
    open_paren = header.index("(")
    lines, line = [], header[:open_paren + 1]
    pad = " " * (len(indent) + open_paren + 1)
    close_paren = _scan(header, open_paren + 1, ")")
    params = header[open_paren + 1:close_paren]
    spans = _split_top(params, ",")
    for k, (s, e) in enumerate(spans):
        piece = params[s:e].strip() + ("," if k < len(spans) - 1 else header[close_paren:])
        start_of_line = line.strip() == "" or line.endswith("(")
        if not start_of_line and len(indent) + len(line) + 1 + len(piece) > width:
            lines.append(line)
            line = pad + piece
        else:
            line += ("" if start_of_line else " ") + piece
    return "\n".join(lines + [line])


# ---------------------------------------------------------------------------------------------

def annotation_typing_off(root):
    """Whether Cython ignores annotations for every module: ``-X annotation_typing=False`` in
    mlxcy/meson.build's cython_args and no ``# cython:`` header line turning it on."""
    src = os.path.join(root, "mlxcy")
    with open(os.path.join(src, "meson.build")) as f:
        if not re.search(r"'annotation_typing=False'", f.read()):
            return False
    for name in os.listdir(src):
        if name.endswith((".pyx", ".pxi")):
            with open(os.path.join(src, name)) as f:
                for line in f:
                    if line.startswith("# cython:") and re.search(r"annotation_typing\s*=\s*True", line):
                        return False
    return True


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--root", default=ROOT, help="the checkout to work on")
    ap.add_argument("--check", action="store_true", help="only list what would change (exit 1 if any)")
    args = ap.parse_args(argv)
    src = os.path.join(args.root, "mlxcy")
    if not args.check and not annotation_typing_off(args.root):
        print("refusing to annotate: mlxcy/meson.build must pass -X annotation_typing=False (and no "
              "'# cython:' header may turn it on), or Cython would check and convert by annotation",
              file=sys.stderr)
        return 2
    tables = stub_annotations(args.root)
    found = {stub: set() for stub in tables}
    total = 0
    for name in sorted(os.listdir(src)):
        if not name.endswith((".pyx", ".pxi")):
            continue
        stub = STUB_OF_SOURCE.get(name, "__init__.pyi")
        path = os.path.join(src, name)
        with open(path) as f:
            text = f.read()
        new, changes, seen = annotate(text, tables[stub])
        found[stub] |= seen
        for qualname, old, header in changes:
            print(f"{name}: {qualname}\n  - {' '.join(old.split())}\n  + {' '.join(header.split())}")
        total += len(changes)
        if changes and not args.check:
            with open(path, "w") as f:
                f.write(new)
    for stub, table in tables.items():
        missing = sorted(n for n, (params, ret) in table.items()
                         if n not in found[stub] and (params or ret) and not n.split(".")[-1].startswith("__"))
        if missing:
            print(f"{stub}: no def found for {len(missing)} annotated names: {', '.join(missing)}")
    print(f"{total} defs {'differ from' if args.check else 'annotated from'} the stubs")
    return 1 if args.check and total else 0


if __name__ == "__main__":
    sys.exit(main())
