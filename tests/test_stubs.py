"""The committed type stubs (mlxcy/*.pyi) describe the runtime surface exactly.

For each stubbed namespace: every public runtime name is in the stub and every stub name exists
at runtime; each function's and method's parameters (names, kinds, whether each has a default)
are those of ``inspect.signature`` of the runtime object; each class has the same public
methods, properties and attributes (and protocol dunders) with the same kinds; each enum the
same members. Regenerate with ``python tools/gen_stubs.py`` (docs/DEVELOPING.md).
"""
import ast
import importlib
import importlib.util
import inspect
import os
import subprocess
import sys
import types

import pytest

import mlxcy
import mlxcy.nn  # noqa: F401  (imported packages become attributes of mlxcy: the check must ignore them)
import mlxcy.optimizers  # noqa: F401
import mlxcy.utils  # noqa: F401

HERE = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location(
    "gen_stubs", os.path.join(os.path.dirname(HERE), "tools", "gen_stubs.py"))
gen_stubs = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(gen_stubs)

STUBS = sorted(gen_stubs.NAMESPACES.items())


def stub_path(module, stub_name):
    """The stub next to the module, else in the package directory (an editable install keeps
    compiled modules in the build directory, the stubs beside ``mlxcy/__init__.py``)."""
    here = os.path.join(os.path.dirname(module.__file__), os.path.basename(stub_name))
    if os.path.exists(here):
        return here
    return os.path.join(os.path.dirname(mlxcy.__file__), stub_name)


def parse_stub(module_name, stub_name):
    module = importlib.import_module(module_name)
    path = stub_path(module, stub_name)
    assert os.path.exists(path), f"no stub for {module_name} at {path}"
    with open(path) as f:
        return module, ast.parse(f.read(), path)


def _decorators(fn):
    return {d.id for d in fn.decorator_list if isinstance(d, ast.Name)}


def stub_names(body):
    """name -> node for the public names a stub body declares (an ``import`` counts only as an
    explicit re-export, ``import x as x``)."""
    out = {}
    for node in body:
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            out[node.name] = node
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            out[node.target.id] = node
        elif isinstance(node, ast.Assign):
            out.update((t.id, node) for t in node.targets if isinstance(t, ast.Name))
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            out.update((a.asname, node) for a in node.names if a.asname == a.name)
    return {n: v for n, v in out.items() if not n.startswith("_") or n in gen_stubs.PROTOCOL_DUNDERS}


def stub_member_kind(node):
    if isinstance(node, ast.FunctionDef):
        decorators = _decorators(node)
        for kind in ("property", "staticmethod", "classmethod"):
            if kind in decorators:
                return kind
        return "method"
    if isinstance(node, ast.AnnAssign):
        return "attribute"
    if isinstance(node, ast.Assign):
        return "member"
    return type(node).__name__


def signature_problem(label, runtime_obj, stub_def, owner=None, name=None):
    """A message when the stub's parameters differ from the runtime's, else None."""
    sig = gen_stubs.runtime_signature(runtime_obj, owner, name)
    if sig is None:
        return None  # the runtime reports no signature (a Cython operator slot): names only
    ours = gen_stubs.params_of_signature(sig)
    stub = gen_stubs.params_of_def(stub_def)
    if ours != stub:
        return (f"{label}: runtime {gen_stubs.format_params(ours)} != "
                f"stub {gen_stubs.format_params(stub)}")
    return None


def class_problems(label, cls, class_def):
    problems = []
    if ("final" in _decorators(class_def)) == gen_stubs.is_subclassable(cls):
        problems.append(f"{label}: @final in the stub must say that the runtime class cannot "
                        "be subclassed")
    stub = stub_names(class_def.body)
    runtime = gen_stubs.class_members(cls)
    for name in sorted(set(runtime) - set(stub)):
        problems.append(f"{label}.{name}: at runtime ({runtime[name]}), missing in the stub")
    for name in sorted(set(stub) - set(runtime)):
        problems.append(f"{label}.{name}: in the stub, not part of the runtime class")
    for name in sorted(set(stub) & set(runtime)):
        kind = stub_member_kind(stub[name])
        if kind != runtime[name]:
            problems.append(f"{label}.{name}: runtime {runtime[name]}, stub {kind}")
        elif kind in ("method", "staticmethod", "classmethod"):
            value = vars(cls)[name]
            value = getattr(value, "__func__", value)
            problems.append(signature_problem(f"{label}.{name}", value, stub[name], cls, name))
    return [p for p in problems if p]


def namespace_problems(module, tree):
    """Every difference between a module's public runtime surface and its stub."""
    problems = []
    stub = stub_names(tree.body)
    runtime = set(gen_stubs.public_names(module))
    label = module.__name__
    for name in sorted(runtime - set(stub)):
        problems.append(f"{label}.{name}: at runtime, missing in the stub")
    for name in sorted(set(stub) - runtime):
        if not name.startswith("_"):
            problems.append(f"{label}.{name}: in the stub, not at runtime")
    for name in sorted(runtime & set(stub)):
        value, node = getattr(module, name), stub[name]
        if isinstance(value, type):
            if isinstance(node, ast.ClassDef):
                problems += class_problems(f"{label}.{name}", value, node)
            elif not isinstance(node, ast.Assign):
                problems.append(f"{label}.{name}: a class at runtime, not in the stub")
        elif callable(value):
            if not isinstance(node, ast.FunctionDef):
                problems.append(f"{label}.{name}: a function at runtime, not in the stub")
            else:
                problems.append(signature_problem(f"{label}.{name}", value, node))
        elif isinstance(node, ast.FunctionDef):
            problems.append(f"{label}.{name}: a function in the stub, not at runtime")
    return [p for p in problems if p]


def expected_docstring(obj, name, owner=None):
    """The docstring a stub must carry for a runtime object: what ``help()`` shows of its
    ``__doc__`` (``inspect.cleandoc``), less a first line that is the signature Cython embeds
    (``name(...)``; ``Owner.name(...)`` for a method; ``name`` the object's own) with the empty
    line after it. None where the object has no docstring of its own (a slot wrapper's text is
    CPython's generic one)."""
    if isinstance(obj, (staticmethod, classmethod)):
        obj = obj.__func__
    if isinstance(obj, (types.WrapperDescriptorType, types.MethodWrapperType)):
        return None
    doc = obj.__doc__
    if not isinstance(doc, str):
        return None
    head, _, body = doc.partition("\n\n")
    name = getattr(obj, "__name__", name)  # an alias (``acos``) embeds its function's name
    spellings = [name] + ([f"{owner.__name__}.{name}"] if owner is not None else [])
    if "\n" not in head and any(head.startswith(s + "(") for s in spellings):
        doc = body
    return inspect.cleandoc(doc) or None


def docstring_problem(label, runtime_obj, stub_def, name, owner=None):
    """A message when a stub def's or class's docstring differs from the runtime's, else None."""
    want = expected_docstring(runtime_obj, name, owner)
    got = ast.get_docstring(stub_def)  # cleaned as inspect.cleandoc cleans
    if got == want:
        return None
    if got is None or want is None:
        return f"{label}: docstring {'missing in the stub' if got is None else 'in the stub only'}"
    at = next((i for i, (a, b) in enumerate(zip(got, want)) if a != b), min(len(got), len(want)))
    return f"{label}: stub docstring differs from the runtime's at {got[at:at + 40]!r} / {want[at:at + 40]!r}"


def docstring_problems(module, tree):
    """Every function, class, method and property whose stub docstring is not the runtime's."""
    problems = []
    stub = stub_names(tree.body)
    label = module.__name__
    for name in sorted(set(gen_stubs.public_names(module)) & set(stub)):
        value, node = getattr(module, name), stub[name]
        if isinstance(node, ast.ClassDef) and isinstance(value, type):
            problems.append(docstring_problem(f"{label}.{name}", value, node, name))
            for member, member_def in stub_names(node.body).items():
                if isinstance(member_def, ast.FunctionDef) and member in vars(value):
                    problems.append(docstring_problem(f"{label}.{name}.{member}",
                                                      vars(value)[member], member_def, member, value))
        elif isinstance(node, ast.FunctionDef) and callable(value):
            problems.append(docstring_problem(f"{label}.{name}", value, node, name))
    return [p for p in problems if p]


@pytest.mark.parametrize("stub_name,names", STUBS, ids=[s for s, _ in STUBS])
def test_stub_docstrings_are_the_runtime_docstrings(stub_name, names):
    """Editors show the stub's docstring: the one ``help()`` shows, without the signature line."""
    module, tree = parse_stub(names[0], stub_name)
    problems = docstring_problems(module, tree)
    assert not problems, "stub docstrings out of date (python tools/gen_stubs.py):\n" + "\n".join(problems)


def test_docstring_check_catches_a_changed_docstring():
    """The docstring comparison fails on an edited, a dropped and an added docstring, and on one
    that kept Cython's signature line; the documented names really carry their text."""
    module, tree = parse_stub("mlxcy", "__init__.pyi")
    assert docstring_problems(module, tree) == []
    defs = {n.name: n for n in tree.body if isinstance(n, (ast.FunctionDef, ast.ClassDef))}
    assert ast.get_docstring(defs["sum"]).startswith("Sum of the elements")
    assert "Parameters\n----------\na : array" in ast.get_docstring(defs["sum"])
    array_body = {n.name: n for n in defs["array"].body if isinstance(n, ast.FunctionDef)}
    assert ast.get_docstring(array_body["shape"]) == inspect.cleandoc(mlxcy.array.shape.__doc__)
    defs["sum"].body[0].value.value = "sum(a, /, axis=None)\n\n" + defs["sum"].body[0].value.value
    defs["exp"].body[0].value.value += "\nEdited."
    del array_body["reshape"].body[0]
    defs["array"].body[0].value.value = "Another text."
    problems = "\n".join(docstring_problems(module, tree))
    assert "mlxcy.sum: stub docstring differs from the runtime's at 'sum(a, /" in problems
    assert "mlxcy.exp: stub docstring differs" in problems
    assert "mlxcy.array.reshape: docstring missing in the stub" in problems
    assert "mlxcy.array: stub docstring differs" in problems


def test_embedded_signature_is_stripped_only_when_it_names_the_object():
    strip = gen_stubs.strip_embedded_signature
    assert strip("sum(a, /, axis=None)\n\nSum.\n\nMore.", "sum") == "Sum.\n\nMore."
    assert strip("array.sum(self, axis=None)\n\nSum.", "sum", "array") == "Sum."
    assert strip("array(val, dtype=None)\n\nAn array.", "array") == "An array."
    assert strip("f(x) -> int\n\nDoc.", "f") == "Doc."
    assert strip("sum(a)", "sum") == ""
    for doc, name, owner in [("sums(a)\n\nDoc.", "sum", None), ("sum(a)\nDoc.", "sum", None),
                             ("other.sum(self)\n\nDoc.", "sum", "array"),
                             ("Sum of ``sum(a)``.\n\nDoc.", "sum", None)]:
        assert strip(doc, name, owner) == doc


@pytest.mark.parametrize("doc", ['Backslash \\ and a \\n escape.', 'Quotes """inside""" it.',
                                 'Ends with a quote "x"', "Two\n\n    indented\nlines\\"])
def test_docstring_stub_round_trips(doc):
    """The written docstring statement parses back to the text (escapes, quotes, indentation),
    in a function and in a method."""
    assert inspect.cleandoc(doc) == doc  # (what the generator writes is clean already)
    function = ast.parse("def f():\n" + gen_stubs.docstring_stub(doc, "    ")).body[0]
    method = ast.parse("class C:\n    def f(self):\n" + gen_stubs.docstring_stub(doc, "        ")).body[0].body[0]
    assert ast.get_docstring(function) == doc
    assert ast.get_docstring(method) == doc


@pytest.mark.parametrize("stub_name,names", STUBS, ids=[s for s, _ in STUBS])
def test_stub_matches_runtime(stub_name, names):
    module, tree = parse_stub(names[0], stub_name)
    problems = namespace_problems(module, tree)
    assert not problems, "stub out of date (python tools/gen_stubs.py):\n" + "\n".join(problems)


def test_core_stub_is_the_core_namespace():
    import mlxcy.core
    assert mlxcy.core is mlxcy
    _, tree = parse_stub("mlxcy", "core.pyi")
    imports = [(n.module, [a.name for a in n.names]) for n in tree.body if isinstance(n, ast.ImportFrom)]
    assert ("mlxcy", ["*"]) in imports


def test_package_is_marked_typed():
    assert os.path.exists(os.path.join(os.path.dirname(mlxcy.__file__), "py.typed"))


def test_meson_installs_every_stub():
    """mlxcy/meson.build installs py.typed and each stub (a source checkout only)."""
    build = os.path.join(os.path.dirname(HERE), "mlxcy", "meson.build")
    if not os.path.exists(build):
        pytest.skip("not a source checkout")
    with open(build) as f:
        text = f.read()
    for name in ["py.typed", "core.pyi"] + list(gen_stubs.NAMESPACES):
        assert f"'{name}'" in text, f"mlxcy/meson.build does not install {name}"


def test_check_catches_a_changed_stub():
    """The comparison fails on a removed name, a renamed parameter, a dropped default, a
    property turned method and a name the runtime lacks."""
    module, tree = parse_stub("mlxcy", "__init__.pyi")
    assert namespace_problems(module, tree) == []
    defs = {n.name: n for n in tree.body if isinstance(n, (ast.FunctionDef, ast.ClassDef))}
    tree.body.remove(defs["zeros"])
    defs["sum"].args.posonlyargs[0].arg = "x"
    defs["ones"].args.defaults.pop()
    array_body = {n.name: n for n in defs["array"].body if isinstance(n, ast.FunctionDef)}
    array_body["shape"].decorator_list.clear()
    tree.body.append(ast.parse("def not_in_mlxcy() -> None: ...").body[0])
    problems = "\n".join(namespace_problems(module, tree))
    assert "mlxcy.zeros: at runtime, missing in the stub" in problems
    assert "mlxcy.sum: runtime (a, /, axis=..." in problems and "stub (x, /, axis=..." in problems
    assert "mlxcy.ones: runtime (shape, dtype=..., *, stream=...) != stub (shape, dtype, *" in problems
    assert "mlxcy.array.shape: runtime property, stub method" in problems
    assert "mlxcy.not_in_mlxcy: in the stub, not at runtime" in problems


@pytest.mark.skipif(importlib.util.find_spec("mypy") is None, reason="mypy is not installed")
def test_mypy_stubtest(tmp_path):
    """mypy's own runtime-vs-stub check, where mypy is installed (the test above is the one CI
    relies on). Run from the directory holding the package, so mypy reads these stubs; the
    allowlist skips the pure-Python subpackages and the source folders with no module. The
    compiled classes with fields of their own are stubbed @disjoint_base (PEP 800), which
    current stubtest checks: no --ignore-disjoint-bases. An installed wheel is checked from an
    empty directory instead (mypy finds its stubs through py.typed; run from site-packages, it
    would read mypy's own modules there as user code and stop), where the allowlisted source
    folders do not exist."""
    allow = os.path.join(HERE, "stubtest_allowlist.txt")
    cmd = [sys.executable, "-m", "mypy.stubtest", "mlxcy", "--ignore-missing-stub",
           "--allowlist", allow, "--mypy-config-file", os.path.join(HERE, "stubtest_mypy.ini")]
    cwd = os.path.dirname(os.path.dirname(mlxcy.__file__))
    if os.path.basename(cwd) in ("site-packages", "dist-packages"):
        cwd = str(tmp_path)
        cmd.append("--ignore-unused-allowlist")
    run = subprocess.run(cmd, capture_output=True, text=True, timeout=300, cwd=cwd)
    assert run.returncode == 0, run.stdout[-6000:] + run.stderr[-2000:]


def test_runtime_annotations_win_over_the_listing():
    """Once the .pyx defs carry annotations (docs/DEVELOPING.md, "help() and signatures"), the
    stub takes them from the runtime, where Cython keeps them as text, converted as the listing's
    are (``StreamOrDevice``; a name the stub cannot resolve becomes ``Any``)."""
    namespace = {}
    exec("def f(a: 'array', /, k: 'int | None' = None, *, stream: 'StreamOrDevice' = None)"
         " -> 'Undefined': pass", namespace)
    annotator = gen_stubs.Annotator(set(gen_stubs.CORE_TYPES) | {"_Scalar", "_StreamOrDevice"})
    listing = gen_stubs.reference_signatures(
        {"f": {"signature": ["def f(a: float, /, k: str = None) -> array"]}})["f"]
    text = gen_stubs.function_stub("f", inspect.signature(namespace["f"]), listing, annotator, mlxcy)
    assert text == "def f(a: array, /, k: int | None = None, *, stream: _StreamOrDevice = None) -> Any: ...\n"


def test_constructor_signature_read_from_an_annotated_embedded_line():
    """A cdef class's constructor keeps its embedded signature line (``@cython.embedsignature``
    on ``__init__``): C types are dropped, annotations kept as text, defaults evaluated."""
    class K:
        """K(val: array, int n: int = 0, dtype: Dtype | None = float32) -> None

        K."""
    K.__module__ = "mlxcy"
    sig = gen_stubs.runtime_signature(object.__init__, K, "__init__")
    assert [(p.name, p.annotation, p.default) for p in sig.parameters.values()] == [
        ("self", inspect.Parameter.empty, inspect.Parameter.empty),
        ("val", "array", inspect.Parameter.empty), ("n", "int", 0),
        ("dtype", "Dtype | None", mlxcy.float32)]


def _load_tool(name):
    spec = importlib.util.spec_from_file_location(name, os.path.join(os.path.dirname(HERE), "tools", f"{name}.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_annotate_defs_rewrites_only_the_stubbed_headers(tmp_path):
    """tools/annotate_defs.py (the migration docs/DEVELOPING.md describes) adds the stubs'
    annotations to module-level defs and methods, keeping C types, defaults and line breaks,
    leaves nested defs alone, and refuses to write while Cython would act on annotations."""
    annotate_defs = _load_tool("annotate_defs")
    source = ('cdef class K:\n    cdef public object v\n    def m(self, double x=1.0, *, stream=None):\n'
              '        pass\n\n\ndef f(a, /,\n      b="x(,)") -> int:\n    def inner(a):\n        pass\n')
    table = {"K.m": ({"x": "float", "stream": "StreamOrDevice"}, "array"),
             "f": ({"a": "array", "b": "str"}, None), "inner": ({"a": "int"}, None)}
    new, changes, found = annotate_defs.annotate(source, table)
    assert new == ('cdef class K:\n    cdef public object v\n'
                   '    def m(self, double x: float = 1.0, *, stream: StreamOrDevice = None) -> array:\n'
                   '        pass\n\n\ndef f(a: array, /,\n      b: str = "x(,)") -> int:\n'
                   '    def inner(a):\n        pass\n')
    assert [c[0] for c in changes] == ["K.m", "f"] and found == {"K.m", "f"}
    assert annotate_defs.annotate(new, table)[1] == []  # a second run changes nothing
    (tmp_path / "mlxcy").mkdir()
    (tmp_path / "mlxcy" / "meson.build").write_text("cython_args = ['-X', 'embedsignature=False']\n")
    assert not annotate_defs.annotation_typing_off(str(tmp_path))
    assert annotate_defs.main(["--root", str(tmp_path)]) == 2
