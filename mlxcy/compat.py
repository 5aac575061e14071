"""Run code written for MLX (``import mlx.core as mx``) on mlxcy, without editing it.

After :func:`install`, importing ``mlx``, ``mlx.core``, ``mlx.nn``, ``mlx.optimizers``,
``mlx.utils`` or any of their submodules gives the mlxcy module itself (the same module
object: ``mlx.core.array is mlxcy.array``). A finder placed first on ``sys.meta_path`` does
it, so it wins over a real ``mlx`` distribution installed in the same environment; the real
``mlx.core`` is never imported. Three ways to turn it on (see docs/running-mlx-code.md):

    python -m mlxcy.run script.py [args]      # or: python -m mlxcy.run -m module [args]
    MLXCY_AS_MLX=1 python script.py           # the installed mlxcy-as-mlx.pth hook
    import mlxcy.compat; mlxcy.compat.install()   # before the library imports mlx
"""
import importlib
import importlib.abc
import importlib.machinery
import sys
import types

__all__ = ["install", "uninstall", "is_installed", "ENV_VAR"]

# The environment variable the installed .pth hook reads (see mlxcy/_mlx_switch.pth).
ENV_VAR = "MLXCY_AS_MLX"

# mlx.core's sub-namespaces are mlxcy's (mlx.core.fast -> mlxcy.fast); the pure-Python
# packages keep their names under mlxcy (mlx.nn.layers.base -> mlxcy.nn.layers.base).
_CORE_SUBMODULES = ("fast", "random", "linalg", "fft", "distributed", "metal", "cuda")
_PYTHON_PACKAGES = ("nn", "optimizers", "utils")


def _mlxcy_name(fullname):
    """The mlxcy module that stands for ``fullname`` (an ``mlx.*`` name), or None if mlxcy
    has no counterpart."""
    parts = fullname.split(".")
    if parts[1] == "core":
        if len(parts) == 2:
            return "mlxcy"
        if len(parts) == 3 and parts[2] in _CORE_SUBMODULES:
            return "mlxcy." + parts[2]
        return None
    if parts[1] in _PYTHON_PACKAGES:
        return "mlxcy." + ".".join(parts[1:])
    return None


class _AliasLoader(importlib.abc.Loader):
    """Hands back an already-made module instead of executing anything."""

    def __init__(self, module):
        self._module = module
        self._own_spec = getattr(module, "__spec__", None)

    def create_module(self, spec):
        return self._module

    def exec_module(self, module):
        # The import system has just set module.__spec__ to the alias's spec: give the mlxcy
        # module its own back (reload, pickle and tracebacks keep seeing mlxcy's names).
        if self._own_spec is not None:
            module.__spec__ = self._own_spec


class MlxToMlxcyFinder(importlib.abc.MetaPathFinder):
    """Resolves ``mlx`` and ``mlx.*`` imports to mlxcy modules."""

    def find_spec(self, fullname, path=None, target=None):
        if fullname != "mlx" and not fullname.startswith("mlx."):
            return None
        if fullname == "mlx":
            module = _mlx_package()
        else:
            target_name = _mlxcy_name(fullname)
            if target_name is None:
                raise ModuleNotFoundError(
                    f"No module named {fullname!r}: mlx is served by mlxcy in this process "
                    f"(mlxcy.compat), which provides mlx.core, mlx.nn, mlx.optimizers and "
                    f"mlx.utils (and their submodules) only",
                    name=fullname)
            module = importlib.import_module(target_name)
        # The spec describes the alias; the module keeps its own __name__ and __spec__, so
        # classes still report their mlxcy module (which is what pickle records).
        return importlib.machinery.ModuleSpec(
            fullname, _AliasLoader(module), is_package=hasattr(module, "__path__"))


def _mlx_package():
    """The ``mlx`` package of this process: an empty namespace whose ``core``, ``nn``,
    ``optimizers`` and ``utils`` attributes the import system fills in as they are imported."""
    module = types.ModuleType("mlx", "MLX's namespace, served by mlxcy (mlxcy.compat).")
    module.__path__ = []
    return module


_finder = MlxToMlxcyFinder()


def _is_ours(module):
    """Whether ``module`` (a value of sys.modules under an ``mlx`` name) came from the switch."""
    spec = getattr(module, "__spec__", None)
    name = getattr(module, "__name__", "")
    return (name == "mlxcy" or name.startswith("mlxcy.")
            or (spec is not None and isinstance(spec.loader, _AliasLoader)))


def _check_real_mlx_not_loaded():
    """Refuse when the reference ``mlx.core`` is already in this process: its arrays and
    mlxcy's cannot mix, and modules that imported it keep it."""
    core = sys.modules.get("mlx.core")
    if core is not None and not _is_ours(core):
        where = getattr(core, "__file__", None) or "unknown location"
        raise RuntimeError(
            "mlxcy.compat.install(): the real mlx.core (" + where + ") is already imported in "
            "this process, so mlx cannot be switched to mlxcy any more. Turn the switch on "
            "before anything imports mlx: run the program with `python -m mlxcy.run`, set "
            f"{ENV_VAR}=1, or call mlxcy.compat.install() first.")


def _mlx_modules():
    """(name, module) of every ``mlx`` / ``mlx.*`` entry of sys.modules, as a list (other threads
    may import meanwhile)."""
    return [(n, m) for n, m in list(sys.modules.items()) if n == "mlx" or n.startswith("mlx.")]


def install():
    """Make ``mlx`` and its submodules resolve to mlxcy in this process (idempotent).

    Raises RuntimeError if the real ``mlx.core`` has already been imported.
    """
    _check_real_mlx_not_loaded()
    # A real `mlx` namespace package (or pure-Python mlx.utils) imported without mlx.core
    # holds no native state: drop it so that the next import resolves through the finder.
    for name, module in _mlx_modules():
        if not _is_ours(module):
            sys.modules.pop(name, None)
    if _finder in sys.meta_path:
        sys.meta_path.remove(_finder)
    sys.meta_path.insert(0, _finder)


def uninstall():
    """Undo :func:`install`: ``mlx`` imports go back to the normal search (the modules already
    imported under ``mlx`` names are forgotten)."""
    if _finder in sys.meta_path:
        sys.meta_path.remove(_finder)
    for name, module in _mlx_modules():
        if _is_ours(module):
            sys.modules.pop(name, None)


def is_installed():
    """Whether the switch is on in this process."""
    return _finder in sys.meta_path
