"""Type stub of mlxcy.core: the same namespace as mlxcy."""
from mlxcy import *
from mlxcy import __version__ as __version__
