"""Sequential container.

Examples
--------
>>> nn.containers.Sequential is nn.Sequential
True
"""
from mlxcy.nn.layers.base import Module


class Sequential(Module):
    """Calls the given modules (or any callables) one after another, each on the previous result.

    The modules are kept in the list ``layers``, so their parameters belong to the container
    (``layers.0.weight``, ...).

    Parameters
    ----------
    *modules : Module or callable
        The stages, in the order they are applied. None at all gives the identity.

    Examples
    --------
    >>> model = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 2))
    >>> model(mx.zeros((3, 4))).shape
    (3, 2)
    >>> [name for name, _ in utils.tree_flatten(model.parameters())]
    ['layers.0.weight', 'layers.0.bias', 'layers.2.weight', 'layers.2.bias']
    >>> nn.Sequential(lambda x: 2 * x, nn.ReLU())(mx.array([-1.0, 3.0]))
    array([0, 6], dtype=float32)
    """

    def __init__(self, *modules):
        super().__init__()
        self.layers = list(modules)

    def __call__(self, x):
        for layer in self.layers:
            x = layer(x)
        return x
