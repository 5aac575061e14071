"""Generate the type stubs of mlxcy's public namespaces: mlxcy/__init__.pyi, fft.pyi, ...

One stub per namespace the reference ships a stub for (``mlx.core`` and its submodules), placed
next to the module that implements it, plus ``core.pyi`` (``mlxcy.core`` is ``mlxcy``). The
private extension modules (``_core``, ``_ops_*``, ...) get no stub: ``__init__.pyi`` declares
what they export through ``mlxcy``.

Parameters (names, kinds, defaults) come from the runtime: ``inspect.signature`` of the built
cyfunctions, or, for a cdef class constructor, the signature Cython embeds in the class
docstring. Type annotations come from the runtime where a def carries them (as text, Cython's
way), else from the reference API listing (``mlx-0.32.4-api.json``), matched by parameter name;
a parameter the reference does not have stays unannotated, and an annotation naming something
the stub cannot resolve becomes ``Any``. Each function, method,
property and class carries its runtime docstring (``__doc__`` less the signature line Cython's
``embedsignature`` puts first, cleaned as ``help()`` shows it), so that editors show the same text.

    python tools/gen_stubs.py            # rewrite the stubs
    python tools/gen_stubs.py --check    # exit 1 when a stub differs from what would be written
    python tools/gen_stubs.py --compare  # list where the runtime's signatures differ from the
                                         # reference's (names, kinds, defaults)

tests/test_stubs.py checks the committed stubs against the runtime (it imports the helpers
``public_names``, ``class_members``, ``runtime_signature``, ``params_of_def`` and
``runtime_docstring`` from here).
"""
import argparse
import ast
import builtins
import ctypes
import enum
import importlib
import inspect
import json
import os
import re
import sys
from pathlib import Path
import types

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_API = str(Path(__file__).resolve().parent / "reference" / "mlx-0.32.4-api.json")

# stub file (relative to mlxcy/) -> (runtime module, reference namespace)
NAMESPACES = {
    "__init__.pyi": ("mlxcy", "mlx.core"),
    "fft.pyi": ("mlxcy.fft", "mlx.core.fft"),
    "linalg.pyi": ("mlxcy.linalg", "mlx.core.linalg"),
    "random.pyi": ("mlxcy.random", "mlx.core.random"),
    "fast.pyi": ("mlxcy.fast", "mlx.core.fast"),
    "distributed.pyi": ("mlxcy.distributed", "mlx.core.distributed"),
    "metal.pyi": ("mlxcy.metal", "mlx.core.metal"),
    "cuda.pyi": ("mlxcy.cuda", "mlx.core.cuda"),
}
CORE_STUB = '"""Type stub of mlxcy.core: the same namespace as mlxcy."""\nfrom mlxcy import *\nfrom mlxcy import __version__ as __version__, __mlxcy_version__ as __mlxcy_version__\n'

# Dunders that are part of a class's public protocol (operators, containers, conversions, the
# array and DLPack protocols, context managers): stubbed, and checked, when a class defines them.
PROTOCOL_DUNDERS = frozenset("""
__init__ __call__ __iter__ __next__ __len__ __getitem__ __setitem__ __contains__ __enter__
__exit__ __eq__ __ne__ __lt__ __le__ __gt__ __ge__ __hash__ __repr__ __str__ __bool__ __int__
__float__ __complex__ __index__ __bytes__ __abs__ __neg__ __pos__ __invert__ __add__ __radd__
__iadd__ __sub__ __rsub__ __isub__ __mul__ __rmul__ __imul__ __truediv__ __rtruediv__
__itruediv__ __div__ __rdiv__ __floordiv__ __rfloordiv__ __ifloordiv__ __mod__ __rmod__
__imod__ __pow__ __rpow__ __ipow__ __matmul__ __rmatmul__ __imatmul__ __and__ __rand__
__iand__ __or__ __ror__ __ior__ __xor__ __rxor__ __ixor__ __lshift__ __rlshift__ __ilshift__
__rshift__ __rrshift__ __irshift__ __array__ __array_namespace__ __dlpack__ __dlpack_device__
__copy__ __deepcopy__ __getstate__ __setstate__ __mlx_array__
""".split())
# Cython gives a class that defines ``__eq__`` all six comparison slots; the ordering ones count
# only for the classes that really order (elementwise).
ORDERING_DUNDERS = frozenset(["__lt__", "__le__", "__gt__", "__ge__"])
ORDERED_CLASSES = frozenset(["array"])
# Cython's automatic pickling support: part of the surface only where a class writes its own.
PICKLING_DUNDERS = frozenset(["__getstate__", "__setstate__"])
UNARY_DUNDERS = frozenset("""__iter__ __next__ __len__ __hash__ __repr__ __str__ __bool__ __int__
__float__ __complex__ __index__ __bytes__ __abs__ __neg__ __pos__ __invert__""".split())

# Types of properties and instance attributes, and return types, that the reference listing does
# not record ("Class.name", or "name" for any class's dunder).
TYPES = {
    "__eq__": "bool", "__ne__": "bool", "__hash__": "int", "__repr__": "str", "__str__": "str",
    "__len__": "int", "__bool__": "bool", "__init__": "None", "array.__str__": "str",
    "ArrayIterator.__iter__": "ArrayIterator", "ArrayIterator.__next__": "array",
    "ArrayAt.__getitem__": "ArrayAt", "ArrayAt.add": "array", "ArrayAt.subtract": "array",
    "ArrayAt.multiply": "array", "ArrayAt.divide": "array", "ArrayAt.maximum": "array",
    "ArrayAt.minimum": "array", "StreamContext.__enter__": "None",
    "StreamContext.__exit__": "None", "FunctionExporter.__enter__": "FunctionExporter",
    "FunctionExporter.__exit__": "None", "FunctionExporter.close": "None",
    "FunctionExporter.__call__": "None", "array.tolist": "Any",
    "ArrayLike.__mlx_array__": "array", "Group.rank": "int", "Group.size": "int",
    "Group.split": "Group",
    "array.T": "array", "array.mT": "array", "array.at": "ArrayAt", "array.dtype": "Dtype",
    "array.real": "array", "array.imag": "array", "array.itemsize": "int", "array.nbytes": "int",
    "array.ndim": "int", "array.size": "int", "array.shape": "tuple[int, ...]",
    "Dtype.size": "int", "Device.type": "DeviceType", "Stream.device": "Device",
    "ThreadLocalStream.device": "Device", "finfo.dtype": "Dtype", "iinfo.dtype": "Dtype",
}

# Annotations for what mlxcy has beyond the reference (written as the listing writes them).
EXTRA_SIGNATURES = {
    "mlx.core": {
        "blas_info": ["def blas_info() -> dict[str, str | int]"],
        "load": ["def load(file: str | pathlib.Path, *, mmap: bool = False) -> "
                 "dict[str, array]"],
        "load_sharded": ["def load_sharded(path: str | pathlib.Path, *, mmap: bool = False, "
                         "return_metadata: bool = False, stream: StreamOrDevice = None, "
                         "progress: bool = False) -> "
                         "dict[str, array] | tuple[dict[str, array], dict[str, Any]]"],
    },
}

# Classes whose public attributes are set per instance: how to make one to look at.
SAMPLE_INSTANCES = {
    "finfo": lambda mx: mx.finfo(mx.float32),
    "iinfo": lambda mx: mx.iinfo(mx.int32),
    "PrintOptions": lambda mx: mx.PrintOptions(),
}

HEADER = '''"""Type stub of {module}: written by tools/gen_stubs.py (runtime parameters, reference types)."""
import enum
import pathlib
import types
from typing import Any, Callable, Iterator, Literal, Optional, Sequence, Union, final
from typing_extensions import disjoint_base
{imports}
_Scalar = Union[bool, int, float, complex]
_StreamOrDevice = Union[None, Stream, ThreadLocalStream, Device, DeviceType]
'''
CORE_TYPES = ["array", "Dtype", "Device", "DeviceType", "Stream", "ThreadLocalStream", "ArrayLike"]
TYPING = {"Any", "Callable", "Iterator", "Literal", "Optional", "Sequence", "Union"}
ALIASES = {"scalar": "_Scalar", "StreamOrDevice": "_StreamOrDevice"}
ANY_NAMES = {"file", "DLPackCompatible", "ndarray", "R", "T", "ArrayLike_",
             "list_or_scalar"}
MODULE_ROOTS = {"pathlib", "types"}
LONG_STREAM = "Stream | ThreadLocalStream | Device | DeviceType | None"


# ---------------------------------------------------------------------------------------------
# The runtime surface (shared with tests/test_stubs.py)

def public_names(module):
    """The public names of a namespace: ``__all__`` when it has one, else every name without a
    leading underscore, less modules other than the stubbed namespaces (outside modules, and
    mlxcy's plain-Python packages, which appear as attributes once something imports them)."""
    stubbed = {runtime for runtime, _ in NAMESPACES.values()} | {"mlxcy.core"}
    names = getattr(module, "__all__", None)
    if names is None:
        names = [n for n in dir(module) if not n.startswith("_")]
    out = []
    for n in names:
        value = getattr(module, n)
        if isinstance(value, types.ModuleType) and value.__name__ not in stubbed:
            continue
        out.append(n)
    return sorted(out)


def class_members(cls):
    """name -> kind ('method', 'property', 'staticmethod', 'classmethod', 'attribute', 'member')
    for the public surface of a class: its own public names, the protocol dunders it defines,
    the members of an enum, and the instance attributes of the classes in SAMPLE_INSTANCES."""
    if issubclass(cls, enum.Enum):
        return {m: "member" for m in cls.__members__}
    out = {}
    for name, value in vars(cls).items():
        if name.startswith("_") and name not in PROTOCOL_DUNDERS:
            continue
        if name in ORDERING_DUNDERS and cls.__name__ not in ORDERED_CLASSES:
            continue
        if name in PICKLING_DUNDERS and runtime_signature(value) is None:
            continue
        if isinstance(value, staticmethod):
            out[name] = "staticmethod"
        elif isinstance(value, classmethod):
            out[name] = "classmethod"
        elif isinstance(value, (property, types.GetSetDescriptorType, types.MemberDescriptorType)):
            out[name] = "property"
        elif callable(value):
            out[name] = "method"
        else:
            out[name] = "attribute"
    make = SAMPLE_INSTANCES.get(cls.__name__)
    if make is not None:
        import mlxcy
        for name in vars(make(mlxcy)):
            if not name.startswith("_"):
                out[name] = "attribute"
    return out


def is_subclassable(cls):
    """Whether Python code can subclass ``cls`` (a cdef class may forbid it: stubbed @final)."""
    return bool(cls.__flags__ & (1 << 10))  # Py_TPFLAGS_BASETYPE


def is_disjoint_base(cls):
    """Whether instances of ``cls`` have a C layout of their own (a cdef class with fields), so
    that no class can derive from it and from another such class (PEP 800: stubbed
    ``@disjoint_base``, which type checkers and mypy.stubtest expect). Compared with the base
    class's instance size, less the ``__dict__``/``__weakref__`` slots CPython appends to a class
    defined in Python (which do not make it a disjoint base)."""
    base = cls.__base__
    if base is None:
        return True   # object
    size = cls.__basicsize__
    for offset in ("__dictoffset__", "__weakrefoffset__"):
        if getattr(cls, offset) > 0 and not getattr(base, offset):
            size -= ctypes.sizeof(ctypes.c_void_p)
    return size != base.__basicsize__ or cls.__itemsize__ != base.__itemsize__


def runtime_signature(obj, owner=None, name=None):
    """The runtime's ``inspect.Signature`` of a function or method, or None when it has none.

    A cdef class's ``__init__`` is a slot wrapper that reports ``(self, *args, **kwargs)``; its
    real parameters are in the first docstring line Cython embeds (``Device(type, int index=0)``,
    C types dropped). ``Name(*args, **kwargs)`` there means the class declares none (its objects
    come from factory functions): the slot's own signature stands."""
    if name == "__init__" and isinstance(obj, types.WrapperDescriptorType) and owner is not None:
        first = (owner.__doc__ or "").strip().splitlines()[:1]
        m = re.fullmatch(re.escape(owner.__name__) + r"\((.*)\)(?:\s*->.*)?", first[0]) if first else None
        if m is not None and m.group(1) != "*args, **kwargs":
            return _embedded_signature(owner, m.group(1))
    try:
        return inspect.signature(obj)
    except (TypeError, ValueError):
        return None


def _embedded_signature(owner, text):
    params = [re.sub(r"^(?:[\w.]+\s+)+(?=\**\w+\s*(?:[:=]|$))", "", p.strip())  # C types dropped
              for p in _split_params(text)]
    source = f"def __init__(self, {', '.join(params)}): pass"
    namespace = dict(vars(sys.modules[owner.__module__]))
    try:  # the defaults evaluated in the class's module; annotations kept as text, as Cython does
        exec("from __future__ import annotations\n" + source, namespace)
        return inspect.signature(namespace["__init__"])
    except Exception:
        return params_signature(params_of_def(ast.parse(source).body[0]))


def _split_params(text):
    parts, depth, cur = [], 0, ""
    for ch in text:
        depth += ch in "([{"
        depth -= ch in ")]}"
        if ch == "," and depth == 0:
            parts.append(cur)
            cur = ""
        else:
            cur += ch
    return parts + ([cur] if cur.strip() else [])


def params_of_def(fn):
    """[(name, kind, has_default)] of an ``ast.FunctionDef``, kinds as in ``inspect.Parameter``."""
    P = inspect.Parameter
    a = fn.args
    positional = a.posonlyargs + a.args
    defaults = [False] * (len(positional) - len(a.defaults)) + [True] * len(a.defaults)
    out = [(arg.arg, P.POSITIONAL_ONLY if i < len(a.posonlyargs) else P.POSITIONAL_OR_KEYWORD,
            defaults[i]) for i, arg in enumerate(positional)]
    if a.vararg:
        out.append((a.vararg.arg, P.VAR_POSITIONAL, False))
    out += [(arg.arg, P.KEYWORD_ONLY, d is not None) for arg, d in zip(a.kwonlyargs, a.kw_defaults)]
    if a.kwarg:
        out.append((a.kwarg.arg, P.VAR_KEYWORD, False))
    return out


def params_of_signature(sig):
    """[(name, kind, has_default)] of an ``inspect.Signature``."""
    return [(p.name, p.kind, p.default is not p.empty) for p in sig.parameters.values()]


def params_signature(params, default=None):
    """An ``inspect.Signature`` of [(name, kind, has_default)], each default ``default``."""
    return inspect.Signature([inspect.Parameter(n, k, default=default if d else
                                                inspect.Parameter.empty) for n, k, d in params])


def strip_embedded_signature(doc, name, owner_name=None):
    """``doc`` without the signature line Cython's ``embedsignature`` puts first: ``name(params)``
    (``Owner.name(params)`` for a method; for a class, its constructor's ``Name(params)``),
    possibly with ``-> type``, followed by an empty line (or nothing). Any other first line stays."""
    first, _, rest = doc.partition("\n")
    owner = re.escape(owner_name) + r"\." if owner_name else ""
    if re.fullmatch(rf"(?:{owner})?{re.escape(name)}\(.*\)(?:\s*->\s*\S.*)?", first) and (
            rest == "" or rest.startswith("\n")):
        return rest[1:]
    return doc


def runtime_docstring(obj, name, owner=None):
    """The docstring a stub carries for a runtime function, method, property or class (``name``
    as the stub spells it, ``owner`` the class of a method): its ``__doc__`` without the signature
    Cython embeds, cleaned as ``inspect.cleandoc`` cleans it (what ``help()`` shows); None when it
    has none. A slot wrapper's generic text (``Return repr(self).``) is CPython's, not ours: None."""
    if isinstance(obj, (staticmethod, classmethod)):
        obj = obj.__func__
    if isinstance(obj, (types.WrapperDescriptorType, types.MethodWrapperType)):
        return None
    doc = getattr(obj, "__doc__", None)
    if not isinstance(doc, str):
        return None
    if isinstance(obj, type):
        doc = strip_embedded_signature(doc, obj.__name__)
    else:
        doc = strip_embedded_signature(doc, getattr(obj, "__name__", name),
                                       owner.__name__ if owner is not None else None)
    return inspect.cleandoc(doc) or None


def docstring_stub(doc, indent):
    """A docstring statement for a stub body at ``indent`` (empty without a docstring): backslashes
    and triple quotes escaped, so that ``ast.get_docstring`` of the stub gives ``doc`` back."""
    if not doc:
        return ""
    text = doc.replace("\\", "\\\\").replace('"""', '\\"\\"\\"')
    if text.endswith('"'):
        text = text[:-1] + '\\"'  # not the first quote of the closing three
    lines = text.split("\n")
    if len(lines) == 1:
        return f'{indent}"""{text}"""\n'
    body = "\n".join([lines[0]] + [indent + line if line else "" for line in lines[1:]])
    return f'{indent}"""{body}\n{indent}"""\n'


def def_stub(header, doc, indent, comment=""):
    """``header`` (``def f(...) -> R``) with the docstring as its body, or ``: ...`` without one;
    ``comment`` (a ``# type: ignore``) stays on the ``def`` line, where checkers report."""
    body = docstring_stub(doc, indent + "    ")
    if not body:
        return f"{indent}{header}: ...{comment}\n"
    return f"{indent}{header}:{comment}\n{body}\n"  # (a blank line after a body)


# ---------------------------------------------------------------------------------------------
# Annotations from the reference listing

def reference_signatures(entries):
    """name -> list of ast.FunctionDef parsed from the reference's signature strings."""
    out = {}
    for name, entry in (entries or {}).items():
        sigs = entry.get("signature") if isinstance(entry, dict) else None
        if isinstance(sigs, list):
            out[name] = [fn for fn in map(_parse_reference, sigs) if fn is not None]
    return out


def _parse_reference(text):
    text = text.replace("mlx.core.", "").replace("collections.abc.", "").replace("numpy.", "")
    text = re.sub(r"ndarray\[[^\]]*\]", "ndarray", text)
    text = re.sub(r"=\s*\\\d+", "= None", text)
    text = re.sub(r"\b(\w+)\s+:", r"\1:", text)
    try:
        fn = ast.parse(text.strip() + ": ...").body[0]
    except SyntaxError:
        return None
    return fn if isinstance(fn, ast.FunctionDef) else None


class Annotator:
    """Rewrites reference annotations into names the stub defines; unknown names become Any."""

    def __init__(self, known):
        self.known = set(known)

    def convert(self, node):
        if node is None:
            return None
        ok = True
        known = self.known

        class Fix(ast.NodeTransformer):
            def visit_Name(self, n):
                nonlocal ok
                if n.id in ALIASES:
                    return ast.copy_location(ast.Name(ALIASES[n.id], ast.Load()), n)
                if n.id in ("P", "nb_func"):  # a callable's parameters
                    return ast.copy_location(ast.Constant(...), n)
                if n.id in ANY_NAMES:
                    return ast.copy_location(ast.Name("Any", ast.Load()), n)
                if not (n.id in TYPING or n.id in known or n.id in dir(builtins)):
                    ok = False
                return n

            def visit_Attribute(self, n):
                nonlocal ok
                root = n
                while isinstance(root, ast.Attribute):
                    root = root.value
                if not (isinstance(root, ast.Name) and root.id in MODULE_ROOTS):
                    ok = False
                return n

        node = Fix().visit(ast.parse(ast.unparse(node), mode="eval").body)
        return ast.unparse(node).replace(LONG_STREAM, "_StreamOrDevice") if ok else "Any"


def _best_reference(params, ref_fns):
    """The reference overload sharing most parameter names with the runtime's."""
    names = {p[0] for p in params}
    best = None
    for fn in ref_fns or []:
        score = len(names & {p[0] for p in params_of_def(fn)})
        if best is None or score > best[0]:
            best = (score, fn)
    return best[1] if best else None


def _reference_annotations(ref_fns, best):
    """param name -> annotation node: the best overload's first, then any other's."""
    ann = {}
    for fn in ([best] if best is not None else []) + list(ref_fns or []):
        a = fn.args
        for arg in a.posonlyargs + a.args + a.kwonlyargs + [x for x in (a.vararg, a.kwarg) if x]:
            if arg.annotation is not None:
                ann.setdefault(arg.arg, arg.annotation)
    return ann


# ---------------------------------------------------------------------------------------------
# Writing stubs

def _default_text(value, module):
    """A stub default: the literal itself when it round-trips, a name of the module, else ``...``."""
    if isinstance(value, float) and (value != value or value in (float("inf"), float("-inf"))):
        return "..."
    if value is None or isinstance(value, (bool, int, float, str, bytes, tuple, list)):
        try:
            if ast.literal_eval(repr(value)) == value:
                return repr(value)
        except (ValueError, SyntaxError):
            pass
        return "..."
    for name in dir(module):
        if not name.startswith("_") and getattr(module, name, None) is value:
            return name
    return "..."


def _stub_params(params, defaults, ann, module):
    P = inspect.Parameter
    parts = []
    for i, (name, kind, has_default) in enumerate(params):
        prev = params[i - 1][1] if i else None
        if prev is P.POSITIONAL_ONLY and kind is not P.POSITIONAL_ONLY:
            parts.append("/")
        if kind is P.KEYWORD_ONLY and prev not in (P.KEYWORD_ONLY, P.VAR_POSITIONAL):
            parts.append("*")
        text = ("*" if kind is P.VAR_POSITIONAL else "**" if kind is P.VAR_KEYWORD else "") + name
        a = ann.get(name)
        if (a and has_default and defaults.get(name) is None and a != "Any" and "None" not in a
                and a != "_StreamOrDevice"):
            a += " | None"
        if a:
            text += ": " + a
        if has_default:
            text += (" = " if a else "=") + _default_text(defaults.get(name), module)
        parts.append(text)
    if params and params[-1][1] is P.POSITIONAL_ONLY:
        parts.append("/")
    return ", ".join(parts)


def runtime_annotation(value, annotator):
    """A runtime annotation (Cython keeps them as text: ``'array | None'``) as the stub writes it,
    through the same conversions as the listing's (``StreamOrDevice``, unknown names: ``Any``)."""
    text = value if isinstance(value, str) else inspect.formatannotation(value)
    try:
        return annotator.convert(ast.parse(text, mode="eval").body)
    except SyntaxError:
        return "Any"


def function_stub(name, sig, ref_fns, annotator, module, indent="", is_method=False, returns=None,
                  doc=None):
    """``def name(...) -> R`` with the runtime's parameters, their annotations where the runtime
    has them, else the reference's (``returns`` where neither gives a return type), the runtime's
    docstring ``doc`` as its body (``...`` without one)."""
    P = inspect.Parameter
    operator = is_method and name in PROTOCOL_DUNDERS and name not in ("__init__", "__call__")
    if sig is not None:
        params = params_of_signature(sig)
        defaults = {p.name: p.default for p in sig.parameters.values()}
    elif operator:  # a Cython operator slot: (self, /) or (self, other, /)
        params = [("self", P.POSITIONAL_ONLY, False)]
        if name not in UNARY_DUNDERS:
            params.append(("other", P.POSITIONAL_ONLY, False))
        defaults = {}
    else:  # no signature at all: anything goes
        params = [("self", P.POSITIONAL_ONLY, False)] if is_method else []
        params += [("args", P.VAR_POSITIONAL, False), ("kwargs", P.VAR_KEYWORD, False)]
        defaults = {}
    best = _best_reference(params, ref_fns)
    ann = {k: annotator.convert(v) for k, v in _reference_annotations(ref_fns, best).items()}
    if sig is not None:  # annotations the runtime carries (on the .pyx defs) win over the listing's
        ann.update({p.name: runtime_annotation(p.annotation, annotator)
                    for p in sig.parameters.values() if p.annotation is not p.empty})
    if is_method and params:
        ann.pop(params[0][0], None)
    if operator and best is not None and len(params) >= 2 and params[1][0] not in ann:
        operands = params_of_def(best)[1:]  # the operand: matched by position, not name
        if operands:
            ann[params[1][0]] = ann.get(operands[0][0])
    text = _stub_params(params, defaults, ann, module)
    ret = annotator.convert(best.returns) if best is not None and best.returns else None
    if sig is not None and sig.return_annotation is not sig.empty:
        ret = runtime_annotation(sig.return_annotation, annotator)
    if name == "__init__" or ret is None or ret == "Any":
        ret = returns or ret
    ignore = ""
    if name in ("__eq__", "__ne__") and ret != "bool":
        ignore = "  # type: ignore[override]"  # elementwise: an array, not object's bool
    elif name == "__ipow__":
        ignore = "  # type: ignore[misc]"  # the in-place slot takes no modulo, __pow__ does
    return def_stub(f"def {name}({text}) -> {ret or 'Any'}", doc, indent, ignore)


def class_stub(name, cls, ref_methods, init_refs, annotator, module):
    """A class stub: its docstring, its public methods, properties and attributes, and the protocol
    dunders it defines; an enum's members."""
    doc = docstring_stub(runtime_docstring(cls, name), "    ")
    if issubclass(cls, enum.Enum):
        members = "".join(f"    {m} = {v.value!r}\n" for m, v in cls.__members__.items())
        body = doc + members or "    ...\n"
        return f"class {name}(enum.Enum):\n{body}\n"
    decorator = ""
    if not is_subclassable(cls):
        decorator = "@final\n"
    elif is_disjoint_base(cls):   # (@final implies it: one decorator, not both)
        decorator = "@disjoint_base\n"
    # builtin bases (exception classes) matter to type checkers; mlxcy's own bases do not appear
    bases = [b.__name__ for b in cls.__bases__ if b is not object and b.__module__ == "builtins"]
    header = f"class {name}({', '.join(bases)}):" if bases else f"class {name}:"
    lines = [f"{decorator}{header}\n"] + ([doc] if doc else [])
    instance = None
    for attr, kind in sorted(class_members(cls).items()):
        if kind in ("property", "attribute"):
            typ = TYPES.get(f"{name}.{attr}")
            if typ is None and kind == "attribute":
                if instance is None:
                    import mlxcy
                    instance = SAMPLE_INSTANCES[name](mlxcy)
                typ = type(getattr(instance, attr)).__name__
                typ = typ if typ in dir(builtins) else "Any"
            if kind == "property":
                lines.append("    @property\n" + def_stub(
                    f"def {attr}(self) -> {typ or 'Any'}",
                    runtime_docstring(vars(cls)[attr], attr, cls), "    "))
            else:
                lines.append(f"    {attr}: {typ or 'Any'}\n")
            continue
        value = vars(cls)[attr]
        if kind in ("staticmethod", "classmethod"):
            lines.append(f"    @{kind}\n")
            value = value.__func__
        refs = init_refs if attr == "__init__" else ref_methods.get(attr)
        if refs is None and attr.startswith("__r") and attr.endswith("__"):
            refs = ref_methods.get("__" + attr[3:])  # a reflected operator: as the plain one
        sig = runtime_signature(value, cls, attr)
        lines.append(function_stub(attr, sig, refs, annotator, module, "    ",
                                   is_method=kind != "staticmethod",
                                   returns=TYPES.get(f"{name}.{attr}", TYPES.get(attr)),
                                   doc=runtime_docstring(value, attr, cls)))
    if len(lines) == 1:
        lines.append("    ...\n")  # no docstring, no members: a body all the same
    return "".join(lines) + "\n"


def generate(stub_name, api):
    """The text of one stub file."""
    import mlxcy
    module_name, ref_ns = NAMESPACES[stub_name]
    module = importlib.import_module(module_name)
    is_core = module is mlxcy
    local_types = {n for n in dir(module) if isinstance(getattr(module, n), type)}
    annotator = Annotator(local_types | set(CORE_TYPES) | {"_Scalar", "_StreamOrDevice"})
    ref = reference_signatures(api.get(ref_ns))
    for name, fns in reference_signatures(
            {n: {"signature": sigs} for n, sigs in EXTRA_SIGNATURES.get(ref_ns, {}).items()}).items():
        ref[name] = ref.get(name, []) + fns  # after the reference's own overloads
    imports = "" if is_core else f"from mlxcy import {', '.join(CORE_TYPES)}\n"
    out = [HEADER.format(module=module_name, imports=imports)]
    if is_core:
        out.append("\n__version__: str\n__mlxcy_version__: str\n")
    submodules, classes, functions, constants = [], [], [], []
    for name in public_names(module):
        value = getattr(module, name)
        if isinstance(value, types.ModuleType):
            submodules.append(name)
        elif isinstance(value, type):
            classes.append((name, value))
        elif callable(value):
            functions.append((name, value))
        else:
            constants.append((name, value))
    out += [f"from . import {name} as {name}\n" for name in submodules]
    out.append("\n")
    for name, cls in classes:
        if cls.__name__ != name and getattr(module, cls.__name__, None) is cls:
            out.append(f"{name} = {cls.__name__}\n\n")
            continue
        init_refs = ref.get(name)
        ref_methods = reference_signatures(api.get(f"{ref_ns}.{name}"))
        out.append(class_stub(name, cls, ref_methods, init_refs, annotator, module))
    for name, fn in functions:
        out.append(function_stub(name, runtime_signature(fn), ref.get(name), annotator, module,
                                 doc=runtime_docstring(fn, name)))
    out.append("\n")
    for name, value in constants:
        cls = type(value)
        typ = (cls.__name__ if (getattr(module, cls.__name__, None) is cls and not cls.__name__.startswith("_"))
               or cls.__name__ in CORE_TYPES
               else cls.__name__ if cls.__module__ == "builtins" and cls is not type(None)
               else "None" if value is None else "Any")
        out.append(f"{name}: {typ}\n")
    text = "".join(out)
    while "\n\n\n\n" in text:
        text = text.replace("\n\n\n\n", "\n\n\n")
    ast.parse(text)
    return text


# ---------------------------------------------------------------------------------------------
# Runtime vs reference

def compare_reference(api):
    """Lines naming where mlxcy's runtime names or signatures differ from the reference's."""
    import mlxcy
    out = []

    def compare(label, sig, ref_fns):
        if sig is None or not ref_fns:
            return
        ours = params_of_signature(sig)
        theirs = [params_of_def(fn) for fn in ref_fns]
        if any(_same(ours, t) for t in theirs):
            return
        best = params_of_def(_best_reference(ours, ref_fns))
        out.append(f"{label}: mlxcy {format_params(ours)}  reference {format_params(best)}")

    for stub_name, (module_name, ref_ns) in NAMESPACES.items():
        module = importlib.import_module(module_name)
        ref = reference_signatures(api.get(ref_ns))
        ours = set(public_names(module))
        theirs = {n for n in api.get(ref_ns, {})}
        for n in sorted(theirs - ours):
            out.append(f"{module_name}.{n}: in the reference, missing in mlxcy")
        for n in sorted(ours - theirs - {"core"}):
            out.append(f"{module_name}.{n}: in mlxcy, not in the reference")
        for n in sorted(ours & theirs):
            value = getattr(module, n)
            if isinstance(value, type):
                init = vars(value).get("__init__")
                if init is not None and not issubclass(value, enum.Enum):
                    compare(f"{module_name}.{n}.__init__",
                            runtime_signature(init, value, "__init__"), ref.get(n))
                methods = reference_signatures(api.get(f"{ref_ns}.{n}"))
                for m in sorted(set(methods) & set(vars(value))):
                    compare(f"{module_name}.{n}.{m}", runtime_signature(vars(value)[m]), methods[m])
            elif callable(value):
                compare(f"{module_name}.{n}", runtime_signature(value), ref.get(n))
    return out


def _same(a, b):
    return [(n, k, d) for n, k, d in a] == [(n, k, d) for n, k, d in b]


class _Default:
    def __repr__(self):
        return "..."


def format_params(params):
    """A parameter list as Python writes it, each default shown as ``...``."""
    return str(params_signature(params, _Default()))


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--api", default=DEFAULT_API, help="the reference API listing (JSON)")
    ap.add_argument("--check", action="store_true", help="only report stale stubs (exit 1 if any)")
    ap.add_argument("--compare", action="store_true",
                    help="list the runtime's differences from the reference's signatures")
    args = ap.parse_args(argv)
    with open(args.api) as f:
        api = json.load(f)
    if args.compare:
        print("\n".join(compare_reference(api)))
        return 0
    stale = []
    texts = {name: generate(name, api) for name in NAMESPACES}
    texts["core.pyi"] = CORE_STUB
    for stub_name, text in texts.items():
        path = os.path.join(ROOT, "mlxcy", stub_name)
        old = open(path).read() if os.path.exists(path) else None
        if old != text:
            stale.append(path)
            if not args.check:
                with open(path, "w") as f:
                    f.write(text)
        print(("stale: " if args.check else "wrote: ") + path if old != text else "current: " + path)
    return 1 if args.check and stale else 0


if __name__ == "__main__":
    sys.exit(main())
