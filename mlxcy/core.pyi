"""Type stub of mlxcy.core: the same namespace as mlxcy."""
from mlxcy import *
from mlxcy import __version__ as __version__, __mlxcy_version__ as __mlxcy_version__
