# cython: language_level=3, cpp_locals=True
"""Function transforms: grad, value_and_grad, vjp, jvp, vmap, compile, checkpoint, custom_function.

Python callables reach MLX through the bridges of src/transforms.h: each transform hands MLX a
context object and a callback below. Trees of arguments (lists, tuples, dicts) are flattened to
the flat array vectors MLX works on and rebuilt around the tracers MLX passes back.
"""
cimport cython
from cpython.object cimport PyObject
from cpython.ref cimport Py_INCREF, Py_XDECREF
from libc.stdint cimport int64_t, uint64_t, uintptr_t
from libc.string cimport memcpy
from libcpp.vector cimport vector

from mlxcy._core cimport array, wrap, wrap_list, tree_arrays, random_state_view
from mlxcy.includes.mlx cimport array as c_array
from mlxcy.includes cimport transforms as tx


__all__ = ["grad", "value_and_grad", "vjp", "jvp", "vmap", "compile", "disable_compile",
           "enable_compile", "checkpoint", "custom_function"]

import collections.abc as _abc
import functools as _functools
import operator as _operator


# ---------------------------------------------------------------------------------------------
# Trees of arrays
# ---------------------------------------------------------------------------------------------

cdef inline bint _is_array(object x):
    return type(x) is array or isinstance(x, array)


cdef object _SLOT = object()   # stands for an array leaf in a cached output structure


cdef object _rebuild(object tree, list leaves, Py_ssize_t* pos):
    """A copy of `tree` whose array leaves (or _SLOT markers) are replaced, in order, by `leaves[pos:]`."""
    if tree is _SLOT or _is_array(tree):
        r = leaves[pos[0]]
        pos[0] += 1
        return r
    if isinstance(tree, list):
        return [_rebuild(x, leaves, pos) for x in tree]
    if isinstance(tree, tuple):
        return _same_tuple_type(tree, [_rebuild(x, leaves, pos) for x in tree])
    if isinstance(tree, dict):
        return {k: _rebuild(v, leaves, pos) for k, v in (<dict>tree).items()}
    return tree


cdef object _same_tuple_type(object like, list items):
    """A tuple of `items` of the type of `like`: tuple subclasses keep their type (a NamedTuple
    takes the items as arguments, another subclass as one iterable); list and dict subclasses, on
    the other hand, come back as plain lists and dicts, as in the reference."""
    t = type(like)
    if t is tuple:
        return tuple(items)
    if hasattr(like, "_fields"):
        return t(*items)
    return t(items)


cdef object _rebuild_all(object tree, list leaves):
    cdef Py_ssize_t pos = 0
    return _rebuild(tree, leaves, &pos)


cdef vector[c_array] _to_vec(list xs):
    cdef vector[c_array] v = vector[c_array]()
    v.reserve(len(xs))
    for x in xs:
        v.push_back((<array>x)._a)
    return v


cdef list _array_list(object xs, str fname, str argname):
    if not isinstance(xs, (list, tuple)) or not all(_is_array(x) for x in xs):
        raise TypeError(f"{fname}(): '{argname}' must be a list of arrays, got {_type_name(xs)}.")
    return list(xs)


cdef str _describe_output(object r):
    if isinstance(r, (list, tuple, dict)):
        return f"a {type(r).__name__} holding something other than arrays"
    return f"an object of type {_type_name(r)}"


cdef str _type_name(object x):
    t = type(x)
    if t.__module__ == "builtins":
        return t.__qualname__
    return f"{t.__module__}.{t.__qualname__}"


cdef int _check_callable(object fun, str fname) except -1:
    if not callable(fun):
        raise TypeError(f"{fname}(): 'fun' must be callable, got {_type_name(fun)}.")
    return 0


# ---------------------------------------------------------------------------------------------
# The callables the transforms return
# ---------------------------------------------------------------------------------------------

cdef class _Wrapper:
    """Base of the callables returned by grad, value_and_grad, vmap, compile and checkpoint: like
    a function made with ``functools.wraps``, each carries the wrapped function's ``__name__``,
    ``__qualname__``, ``__doc__``, ``__module__`` and ``__wrapped__`` (so that
    ``inspect.signature`` gives its signature), and looks its other attributes (``__code__``,
    ``__defaults__``, ...) up on it, as the reference's do."""
    cdef object fun
    cdef dict __dict__
    cdef object __weakref__

    def __getattr__(self, name):
        # reached only for names the wrapper itself lacks
        return getattr(self.fun, name)


cdef tuple _WRAPPER_ASSIGNMENTS = tuple(_functools.WRAPPER_ASSIGNMENTS)


cdef int _wrap_like(_Wrapper w, object fun) except -1:
    """What ``functools.update_wrapper(w, fun, updated=())`` does, written straight into the
    wrapper's ``__dict__`` (none of the names is a descriptor of the wrapper types)."""
    w.fun = fun
    # the function's own __dict__ is not copied: its attributes are looked up live by __getattr__
    # (a wrapped nn.Module keeps showing its current `training`, for instance)
    cdef dict d = (<object>w).__dict__
    for name in _WRAPPER_ASSIGNMENTS:
        try:
            value = getattr(fun, name)
        except AttributeError:
            continue
        d[name] = value
    d["__wrapped__"] = fun
    return 0


# ---------------------------------------------------------------------------------------------
# Calling a Python function on tracers (shared by vjp, jvp, checkpoint, custom_function)
# ---------------------------------------------------------------------------------------------

cdef class _CallCtx:
    """One call of `fun` with the arrays of (args, kwargs) replaced by the tracers MLX passes."""
    cdef object fun
    cdef tuple args
    cdef dict kwargs
    cdef object out_template      # the function's output, as last traced
    cdef str where
    cdef object err                # exception type for outputs that are not arrays; None lets
                                   # non-array leaves through, as constants (checkpoint, custom_function)
    cdef bint needs_array_output   # libmlx's checkpoint crashes on a function without array outputs
    cdef list originals            # set when a call on the arguments' own arrays gets the arguments
                                   # themselves (custom_function's direct call, as in the reference)

    cdef list inputs(self):
        cdef list xs = []
        tree_arrays(self.args, xs, NULL, None)
        if self.kwargs:
            tree_arrays(self.kwargs, xs, NULL, None)
        return xs


cdef _CallCtx _call_ctx(_CallCtx ctx, object fun, tuple args, dict kwargs, str where, object err):
    ctx.fun = fun
    ctx.args = args
    ctx.kwargs = kwargs
    ctx.where = where
    ctx.err = err
    return ctx


cdef bint _same_arrays(const vector[c_array]& inp, list xs):
    if inp.size() != <size_t>len(xs):
        return False
    cdef size_t i
    for i in range(inp.size()):
        if inp[i].id() != (<array>xs[i])._a.id():
            return False
    return True


cdef int _call_cb(PyObject* ctx_, const vector[c_array]& inp, vector[c_array]& out) except -1:
    cdef _CallCtx ctx = <_CallCtx>ctx_
    cdef list tracers = wrap_list(inp)
    cdef Py_ssize_t pos = 0
    if ctx.originals is not None and _same_arrays(inp, ctx.originals):
        r = ctx.fun(*ctx.args, **(ctx.kwargs or {}))
    else:
        args = _rebuild(ctx.args, tracers, &pos)
        if ctx.kwargs:
            r = ctx.fun(*args, **_rebuild(ctx.kwargs, tracers, &pos))
        else:
            r = ctx.fun(*args)
    cdef list outs = []
    if ctx.err is None:
        tree_arrays(r, outs, NULL, None)
        if ctx.needs_array_output and not outs:
            raise ValueError(f"[{ctx.where}] The function must return at least one array, but it returned "
                             f"none (its output is of type {_type_name(r)}).")
        ctx.out_template = r
        for x in outs:
            out.push_back((<array>x)._a)
        return 0
    try:
        tree_arrays(r, outs, NULL, ctx.where)
    except ValueError:
        raise ctx.err(f"[{ctx.where}] The function must return an array or a tree (list, tuple, dict) "
                      f"of arrays, but it returned {_describe_output(r)}.") from None
    ctx.out_template = r
    for x in outs:
        out.push_back((<array>x)._a)
    return 0


# ---------------------------------------------------------------------------------------------
# grad / value_and_grad
# ---------------------------------------------------------------------------------------------

cdef object _fill(object tree, list tracers, Py_ssize_t* pos):
    """`tree` with its arrays replaced, in flattening order, by `tracers[pos:]`. Lists and dicts
    (and their subclasses, e.g. an nn.Module) are filled in place, so that the function receives
    the caller's own containers, as in the reference; tuples are rebuilt with their own type."""
    if _is_array(tree):
        t = tracers[pos[0]]
        pos[0] += 1
        return t
    if isinstance(tree, list):
        for i in range(len(tree)):
            x = tree[i]
            y = _fill(x, tracers, pos)
            if y is not x:
                tree[i] = y
        return tree
    if isinstance(tree, tuple):   # a new tuple even without arrays, as in the reference
        return _same_tuple_type(tree, [_fill(x, tracers, pos) for x in tree])
    if isinstance(tree, dict):
        for k, x in list((<dict>tree).items()):
            y = _fill(x, tracers, pos)
            if y is not x:
                tree[k] = y
        return tree
    return tree


cdef int _unfill(object tree, list tracers, list originals, Py_ssize_t* pos) except -1:
    """Undo `_fill` in the lists and dicts of `tree` after the call, position by position, as the
    reference does: an array still at its tracer's place gets the caller's original back; one the
    function wrote there stays (as a new array object). Counting follows the containers as the
    function left them; arrays past the traced count (appended by the function) are kept."""
    cdef Py_ssize_t i
    if isinstance(tree, list):
        for i in range(len(tree)):
            _unfill_slot(tree, i, tree[i], tracers, originals, pos)
    elif isinstance(tree, dict):
        for k, x in list((<dict>tree).items()):
            _unfill_slot(tree, k, x, tracers, originals, pos)
    elif isinstance(tree, tuple):
        for x in tree:
            if _is_array(x):
                pos[0] += 1
            else:
                _unfill(x, tracers, originals, pos)
    return 0


cdef int _unfill_slot(object container, object key, object x, list tracers, list originals,
                      Py_ssize_t* pos) except -1:
    if not _is_array(x):
        return _unfill(x, tracers, originals, pos)
    cdef Py_ssize_t i = pos[0]
    pos[0] += 1
    if i >= len(tracers):
        return 0
    if (<array>x)._a.id() == (<array>tracers[i])._a.id():
        container[key] = originals[i]
    else:
        container[key] = wrap((<array>x)._a)
    return 0


cdef class _GradCtx:
    cdef object fun
    cdef tuple args
    cdef dict kwargs
    cdef list starts          # offset of each positional argument's arrays in the flat inputs
    cdef dict kw_starts       # offset of each keyword argument's arrays
    cdef bint with_value
    cdef str name
    cdef list tracers         # the arrays handed to the function, and the arguments holding them
    cdef list filled_args
    cdef dict filled_kwargs
    cdef object output        # the function's output, array leaves replaced by _SLOT


cdef int _grad_cb(PyObject* ctx_, const vector[c_array]& inp, vector[c_array]& out) except -1:
    cdef _GradCtx ctx = <_GradCtx>ctx_
    cdef list tracers = wrap_list(inp)
    cdef Py_ssize_t pos
    cdef list args = []
    cdef dict kwargs = {}
    cdef Py_ssize_t i
    for i in range(len(ctx.args)):
        pos = ctx.starts[i]
        args.append(_fill(ctx.args[i], tracers, &pos))
    for k, v in ctx.kwargs.items():
        pos = ctx.kw_starts[k]
        kwargs[k] = _fill(v, tracers, &pos)
    ctx.tracers = tracers
    ctx.filled_args = args
    ctx.filled_kwargs = kwargs
    return _grad_output(ctx, ctx.fun(*args, **kwargs), out)


cdef int _grad_fast_cb(PyObject* ctx_, const vector[c_array]& inp, vector[c_array]& out) except -1:
    """_grad_cb for positional arguments that are all arrays (no tree to fill or restore)."""
    cdef _GradCtx ctx = <_GradCtx>ctx_
    cdef size_t n = inp.size()
    if n == 1:
        r = ctx.fun(wrap(inp[0]))
    elif n == 2:
        r = ctx.fun(wrap(inp[0]), wrap(inp[1]))
    else:
        r = ctx.fun(*wrap_list(inp))
    return _grad_output(ctx, r, out)


cdef int _grad_output(_GradCtx ctx, object r, vector[c_array]& out) except -1:
    """Hand MLX the loss of the function's result `r` (and, for value_and_grad, its other outputs,
    as values without gradient), keeping the result's structure in ctx.output."""
    if _is_array(r):
        out.push_back((<array>r)._a)
        ctx.output = _SLOT
        return 0
    cdef list aux = []
    if not ctx.with_value:
        raise ValueError("[grad] The return value of the function whose gradient we want to compute "
                         f"should be a scalar array; but {_type_name(r)} was returned.")
    elif isinstance(r, tuple) and len(r) > 0 and _is_array(r[0]):
        loss = r[0]
        for x in r[1:]:
            tree_arrays(x, aux, NULL, None)
    elif isinstance(r, tuple) and len(r) > 0:
        raise ValueError("[value_and_grad] The return value of the function whose gradient we want to "
                         "compute should be either a scalar array or a tuple with the first value being "
                         "a scalar array (Union[array, tuple[array, Any, ...]]); but it was a tuple with "
                         f"the first value being of type {_type_name(r[0])}.")
    elif isinstance(r, tuple):
        raise ValueError("[value_and_grad] The return value of the function whose gradient we want to "
                         "compute should be either a scalar array or a non-empty tuple. The first value "
                         "should be a scalar array and the rest can be anything. Instead, we got an empty "
                         "tuple.")
    else:
        raise ValueError("[value_and_grad] The return value of the function whose gradient we want to "
                         "compute should be either a scalar array or a tuple with the first value being "
                         "a scalar array (Union[array, tuple[array, Any, ...]]); but "
                         f"{_type_name(r)} was returned.")
    out.push_back((<array>loss)._a)
    # the other outputs come back as values only: no gradient flows from them
    for x in aux:
        out.push_back(tx.stop_gradient((<array>x)._a))
    ctx.output = _rebuild_all(r, [_SLOT] * (1 + len(aux)))
    return 0


cdef int _unfill_arguments(_GradCtx ctx, list originals) except -1:
    cdef Py_ssize_t pos
    cdef Py_ssize_t i
    for i in range(len(ctx.filled_args)):
        pos = ctx.starts[i]
        _unfill(ctx.filled_args[i], ctx.tracers, originals, &pos)
    for k, v in ctx.filled_kwargs.items():
        pos = ctx.kw_starts[k]
        _unfill(v, ctx.tracers, originals, &pos)
    return 0


cdef class _ValueAndGrad(_Wrapper):
    """The callable returned by :func:`grad` and :func:`value_and_grad`."""
    cdef tuple argnums
    cdef tuple argnames
    cdef bint with_value
    cdef str name
    cdef vector[int] c_argnums      # argnums for MLX, when argnames is empty (the fast path)
    cdef Py_ssize_t min_args        # the positional arguments argnums needs: max(argnums) + 1

    def __call__(self, *args, **kwargs):
        if not kwargs and not self.argnames and _plain_arrays(args, self.min_args):
            return _grad_plain(self, args)
        cdef str name = self.name
        cdef Py_ssize_t n = len(args)
        for i in self.argnums:
            if i >= n:
                raise ValueError(f"[{name}] Can't compute the gradient of argument index {i} because "
                                 f"the function is called with only {n} positional arguments.")
        for k in self.argnames:
            if k not in kwargs:
                raise ValueError(f"[{name}] Can't compute the gradient of keyword argument '{k}' because "
                                 f"the function is called with the following keyword arguments "
                                 f"{set(kwargs) if kwargs else '{}'}")
        # Every array of the arguments goes through MLX (as the reference does, so the function sees
        # new array objects everywhere): first those to differentiate, in the order of argnums and
        # argnames, then the others. `starts` tells where each argument's arrays begin.
        cdef list flat = []
        cdef list starts = [0] * n
        cdef dict kw_starts = {}
        for i in self.argnums:
            starts[i] = len(flat)
            tree_arrays(args[i], flat, NULL, "tree_flatten")
        for k in self.argnames:
            kw_starts[k] = len(flat)
            tree_arrays(kwargs[k], flat, NULL, "tree_flatten")
        cdef Py_ssize_t n_diff = len(flat)
        if n_diff == 0:
            raise ValueError(f"[{name}] Must specify at least one argument.")
        # the structures of the gradients, taken before the function may change its inputs
        grad_trees = [_rebuild_all(args[i], [_SLOT] * n_diff) for i in self.argnums]
        grad_kw_trees = {k: _rebuild_all(kwargs[k], [_SLOT] * n_diff) for k in self.argnames}
        cdef set diff_pos = set(self.argnums)
        for i in range(n):
            if i not in diff_pos:
                starts[i] = len(flat)
                tree_arrays(args[i], flat, NULL, None)
        for k, v in kwargs.items():
            if k not in kw_starts:
                kw_starts[k] = len(flat)
                tree_arrays(v, flat, NULL, None)
        cdef _GradCtx ctx = _GradCtx.__new__(_GradCtx)
        ctx.fun = self.fun
        ctx.args = args
        ctx.kwargs = kwargs
        ctx.starts = starts
        ctx.kw_starts = kw_starts
        ctx.with_value = self.with_value
        ctx.name = name
        cdef vector[c_array] inputs = _to_vec(flat)
        cdef vector[int] nums = vector[int]()
        cdef int j
        for j in range(n_diff):
            nums.push_back(j)
        cdef vector[c_array] values = vector[c_array]()
        cdef vector[c_array] grads = vector[c_array]()
        try:
            tx.value_and_grad(<PyObject*>ctx, _grad_cb, inputs, nums, values, grads)
        finally:
            # also after an exception (where the reference leaves the tracers in place)
            if ctx.tracers is not None:
                _unfill_arguments(ctx, flat)
        cdef list g = wrap_list(grads)
        cdef Py_ssize_t pos = 0
        pos_grads = [_rebuild(t, g, &pos) for t in grad_trees]
        if len(pos_grads) == 1:
            pos_grads = pos_grads[0]
        elif len(pos_grads) == 0:
            pos_grads = None
        else:
            pos_grads = tuple(pos_grads)
        if self.argnames:
            kw_grads = {k: _rebuild(grad_kw_trees[k], g, &pos) for k in self.argnames}
            result = (pos_grads, kw_grads)
        else:
            result = pos_grads
        if self.with_value:
            return _rebuild_all(ctx.output, wrap_list(values)), result
        return result

    def __repr__(self):
        return f"<{self.name} of {self.fun!r}>"


cdef inline bint _plain_arrays(tuple args, Py_ssize_t min_args):
    """Whether `args` are at least `min_args` arrays (of the array type itself), nothing else."""
    cdef Py_ssize_t n = len(args)
    if n < min_args:
        return False
    cdef Py_ssize_t i
    for i in range(n):
        if type(args[i]) is not array:
            return False
    return True


cdef object _grad_plain(_ValueAndGrad self, tuple args):
    """The call of grad / value_and_grad on positional arrays only: MLX gets the arguments as they
    are, with argnums, and the gradients need no tree rebuilt (the same results as the general path
    of __call__, which orders the arrays to differentiate first)."""
    cdef Py_ssize_t n = len(args)
    cdef Py_ssize_t i
    cdef vector[c_array] inputs = vector[c_array]()
    inputs.reserve(n)
    for i in range(n):
        inputs.push_back((<array>args[i])._a)
    cdef _GradCtx ctx = _GradCtx.__new__(_GradCtx)
    ctx.fun = self.fun
    ctx.with_value = self.with_value
    cdef vector[c_array] values = vector[c_array]()
    cdef vector[c_array] grads = vector[c_array]()
    tx.value_and_grad(<PyObject*>ctx, _grad_fast_cb, inputs, self.c_argnums, values, grads)
    if grads.size() == 1:
        result = wrap(grads[0])
    else:
        result = tuple(wrap_list(grads))
    if not self.with_value:
        return result
    if ctx.output is _SLOT:
        return wrap(values[0]), result
    return _rebuild_all(ctx.output, wrap_list(values)), result


cdef bint _is_index(object x):
    """An integer for the reference's int parameters: int, bool, NumPy integers (__index__)."""
    return not isinstance(x, float) and hasattr(type(x), "__index__")


cdef bint _is_sequence(object x):
    """A sequence for the reference's Sequence parameters: list, tuple, range, ... (not a str)."""
    return isinstance(x, _abc.Sequence) and not isinstance(x, (str, bytes))


cdef _ValueAndGrad _make_grad(object fun, object argnums, object argnames, bint with_value):
    cdef str name = "value_and_grad" if with_value else "grad"
    _check_callable(fun, name)
    # the common case: argument 0 (or one small index), no argnames
    if type(argnames) is tuple and not argnames:
        if argnums is None:
            return _new_grad(fun, (0,), (), with_value, name)
        if type(argnums) is int and 0 <= argnums < 2 ** 31:
            return _new_grad(fun, (argnums,), (), with_value, name)
    # argnums is checked before argnames, as the reference does
    if argnums is None:
        nums = None
    elif _is_index(argnums):   # an int, a bool or a NumPy integer, as in the reference
        nums = (_operator.index(argnums),)
    elif _is_sequence(argnums) and all(_is_index(a) for a in argnums):
        nums = tuple(_operator.index(a) for a in argnums)
    else:
        raise TypeError(f"{name}(): 'argnums' must be an int, a sequence of ints or None, "
                        f"got {_type_name(argnums)}.")
    seen = set()
    for i in nums or ():
        if i >= 2 ** 31:   # the reference's parser takes 32-bit ints
            raise TypeError(f"{name}(): argnums {i} does not fit in a 32-bit int")
        if i < 0:
            raise ValueError(f"[{name}] Can't compute the gradient of negative argument index {i}")
        if i in seen:
            raise ValueError(f"[{name}] Duplicate argument index {i} is not allowed.")
        seen.add(i)
    if isinstance(argnames, str):
        names = (argnames,)
    elif _is_sequence(argnames) and all(isinstance(a, str) for a in argnames):
        names = tuple(dict.fromkeys(argnames))
    else:
        raise TypeError(f"{name}(): 'argnames' must be a str or a sequence of str, got {_type_name(argnames)}.")
    if nums is None:
        nums = (0,) if not names else ()
    if not nums and not names:
        raise ValueError(f"[{name}] Gradient wrt no argument requested")
    # gradients come back in increasing argument order whatever the order asked, as in the reference
    nums = tuple(sorted(nums))
    return _new_grad(fun, nums, names, with_value, name)


cdef _ValueAndGrad _new_grad(object fun, tuple nums, tuple names, bint with_value, str name):
    cdef _ValueAndGrad f = _ValueAndGrad.__new__(_ValueAndGrad)
    _wrap_like(f, fun)
    f.argnums = nums
    f.argnames = names
    f.with_value = with_value
    f.name = name
    f.c_argnums = vector[int]()
    f.min_args = 0
    for i in nums:
        f.c_argnums.push_back(i)
        f.min_args = max(f.min_args, i + 1)
    return f


def value_and_grad(fun: Callable[..., Any], argnums: int | Sequence[int] | None = None,
                   argnames: str | Sequence[str] = ()) -> Callable[..., tuple[Any, Any]]:
    """Make a function that returns both the value of ``fun`` and its gradient.

    ``fun`` must return a scalar array, or a tuple whose first element is a scalar array (the
    other elements are returned as they are, without gradient). Arguments are picked as in
    :func:`grad`.

    Parameters
    ----------
    fun : callable
        The function to evaluate and differentiate.
    argnums : int or sequence of int, optional
        Positional arguments to differentiate with respect to. Default: ``None``, meaning
        argument 0 unless ``argnames`` is given, in which case no positional argument.
    argnames : str or sequence of str, optional
        Keyword arguments to differentiate with respect to. Default: ``()``.

    Returns
    -------
    callable
        A function with the arguments of ``fun`` returning ``(value, grads)``: ``value`` is what
        ``fun`` returned and ``grads`` is shaped as for :func:`grad`.

    Raises
    ------
    TypeError
        When ``fun`` is not callable.
    ValueError
        When called: if ``fun`` does not return a scalar array (first), or ``argnums`` names a
        missing argument, or a picked argument holds something other than arrays.

    Examples
    --------
    >>> f = mx.value_and_grad(lambda x: (x * x).sum())
    >>> f(mx.array([1.0, 2.0]))
    (array(5, dtype=float32), array([2, 4], dtype=float32))
    >>> g = mx.value_and_grad(lambda x: ((x * 3).sum(), x + 1))
    >>> (loss, aux), dx = g(mx.array([1.0]))
    >>> loss, aux, dx
    (array(3, dtype=float32), array([2], dtype=float32), array([3], dtype=float32))

    Notes
    -----
    ``fun`` receives the caller's own lists and dicts (an ``nn.Module`` too) with the arrays
    replaced by traced ones; afterwards each array still in place is given back, while what
    ``fun`` added to them stays (see docs/differences.md).
    """
    return _make_grad(fun, argnums, argnames, True)


def grad(fun: Callable[..., Any], argnums: int | Sequence[int] | None = None,
         argnames: str | Sequence[str] = ()) -> Callable[..., Any]:
    """Make a function that returns the gradient of ``fun``.

    ``fun`` must return a scalar array (to return more, use :func:`value_and_grad`). The
    gradient is taken with respect to the arguments picked by
    ``argnums`` and ``argnames``; each picked argument may be an array or a tree (list, tuple,
    dict) of arrays, and its gradient has the same structure.

    Parameters
    ----------
    fun : callable
        The function to differentiate.
    argnums : int or sequence of int, optional
        Positional arguments to differentiate with respect to. Default: ``None``, meaning
        argument 0 unless ``argnames`` is given, in which case no positional argument.
    argnames : str or sequence of str, optional
        Keyword arguments to differentiate with respect to. Default: ``()``.

    Returns
    -------
    callable
        A function with the arguments of ``fun`` returning the gradients: one tree for a single
        ``argnums``, a tuple of them for several, and ``(positional, {name: gradient})`` when
        ``argnames`` is given (the positional part is ``None`` when ``argnums`` picks none).

    Raises
    ------
    TypeError
        When ``fun`` is not callable.
    ValueError
        When called: if ``fun`` returns anything but a scalar array (a tuple too), or
        ``argnums`` names a missing argument, or a picked argument holds something other than
        arrays.

    Examples
    --------
    >>> df = mx.grad(lambda x: (x * x).sum())
    >>> df(mx.array([1.0, 2.0]))
    array([2, 4], dtype=float32)
    >>> mx.grad(lambda x, y: x * y, argnums=(0, 1))(mx.array(2.0), mx.array(3.0))
    (array(3, dtype=float32), array(2, dtype=float32))

    Notes
    -----
    The returned callable has ``__wrapped__``, ``__name__`` and ``__doc__`` of ``fun``, and
    lists and dicts passed to it get their own arrays back after the call, also when ``fun``
    raises (see docs/differences.md).
    """
    return _make_grad(fun, argnums, argnames, False)


# ---------------------------------------------------------------------------------------------
# vjp / jvp
# ---------------------------------------------------------------------------------------------

def vjp(fun: Callable, primals: list[array],
        cotangents: list[array]) -> tuple[list[array], list[array]]:
    """Evaluate ``fun`` and its vector-Jacobian products.

    Parameters
    ----------
    fun : callable
        A function of arrays returning an array or a list or tuple of arrays.
    primals : list of array
        The arguments to call ``fun`` with (``fun(*primals)``).
    cotangents : list of array
        One array per output of ``fun``, each shaped like that output.

    Returns
    -------
    tuple(list of array, list of array)
        ``(outputs, vjps)``: the outputs of ``fun`` and one product per primal, each shaped like
        its primal.

    Raises
    ------
    TypeError
        When ``fun`` is not callable or ``primals``/``cotangents`` are not lists of arrays.
    ValueError
        When the number or shapes of the cotangents do not match the outputs.

    Examples
    --------
    >>> mx.vjp(lambda x: x * x, [mx.array(3.0)], [mx.array(1.0)])
    ([array(9, dtype=float32)], [array(6, dtype=float32)])
    >>> outs, vjps = mx.vjp(lambda x, y: x * y, [mx.array(2.0), mx.array(5.0)], [mx.array(2.0)])
    >>> vjps
    [array(10, dtype=float32), array(4, dtype=float32)]
    """
    _check_callable(fun, "vjp")
    cdef list p = _array_list(primals, "vjp", "primals")
    cdef list c = _array_list(cotangents, "vjp", "cotangents")
    cdef _CallCtx ctx = _call_ctx(_CallCtx.__new__(_CallCtx), fun, tuple(p), None, "vjp", RuntimeError)
    cdef vector[c_array] outs = vector[c_array]()
    cdef vector[c_array] res = vector[c_array]()
    tx.vjp(<PyObject*>ctx, _call_cb, _to_vec(p), _to_vec(c), outs, res)
    return wrap_list(outs), wrap_list(res)


def jvp(fun: Callable, primals: list[array],
        tangents: list[array]) -> tuple[list[array], list[array]]:
    """Evaluate ``fun`` and its Jacobian-vector products.

    Parameters
    ----------
    fun : callable
        A function of arrays returning an array or a list or tuple of arrays.
    primals : list of array
        The arguments to call ``fun`` with (``fun(*primals)``).
    tangents : list of array
        One array per primal, each shaped like that primal.

    Returns
    -------
    tuple(list of array, list of array)
        ``(outputs, jvps)``: the outputs of ``fun`` and one product per output, each shaped
        like its output.

    Raises
    ------
    TypeError
        When ``fun`` is not callable or ``primals``/``tangents`` are not lists of arrays.
    ValueError
        When the number or shapes of the tangents do not match the primals.

    Examples
    --------
    >>> mx.jvp(lambda x: x * x, [mx.array(3.0)], [mx.array(1.0)])
    ([array(9, dtype=float32)], [array(6, dtype=float32)])
    >>> outs, jvps = mx.jvp(lambda x, y: x * y, [mx.array(2.0), mx.array(5.0)],
    ...                     [mx.array(1.0), mx.array(0.0)])
    >>> jvps
    [array(5, dtype=float32)]
    """
    _check_callable(fun, "jvp")
    cdef list p = _array_list(primals, "jvp", "primals")
    cdef list t = _array_list(tangents, "jvp", "tangents")
    cdef _CallCtx ctx = _call_ctx(_CallCtx.__new__(_CallCtx), fun, tuple(p), None, "jvp", RuntimeError)
    cdef vector[c_array] outs = vector[c_array]()
    cdef vector[c_array] res = vector[c_array]()
    tx.jvp(<PyObject*>ctx, _call_cb, _to_vec(p), _to_vec(t), outs, res)
    return wrap_list(outs), wrap_list(res)


# ---------------------------------------------------------------------------------------------
# vmap
# ---------------------------------------------------------------------------------------------

cdef bint _is_axis(object a):
    return a is None or isinstance(a, int)   # a bool counts as an int, as in the reference


cdef int _not_a_prefix(object tree, object axes, str what) except -1:
    raise ValueError(f"[vmap] The {what} axes {axes!r} are not a valid prefix of the {what}s' tree "
                     f"({_what_is(tree)}).")


cdef int _match_axes(object tree, object axes, list arrays, list ax, str what) except -1:
    """Flatten `tree` (arrays only) into `arrays` and the axis (int or None) of each into `ax`,
    reading `axes` as a prefix of `tree`, by the reference's rules: a container of axes must be of
    the same kind as the tree's container there (list, tuple, dict), with the same length or keys;
    any other object stands for all the arrays below it, and must be an int or None at an array."""
    if _is_array(tree):
        if not _is_axis(axes):
            raise ValueError(f"[vmap] axis must be int or None, got {_type_name(axes)}.")
        arrays.append(tree)
        ax.append(axes)
        return 0
    if isinstance(tree, (list, tuple)):
        # a list of axes goes with a list, a tuple with a tuple
        if isinstance(axes, list if isinstance(tree, list) else tuple):
            if len(axes) != len(tree):
                _not_a_prefix(tree, axes, what)
            for t, a in zip(tree, axes):
                _match_axes(t, a, arrays, ax, what)
            return 0
    elif isinstance(tree, dict):
        if isinstance(axes, dict):
            if len(axes) != len(tree) or not all(k in axes for k in tree):
                _not_a_prefix(tree, axes, what)
            for k, t in (<dict>tree).items():
                _match_axes(t, axes[k], arrays, ax, what)
            return 0
    else:
        raise ValueError(f"[tree_flatten] The argument should contain only arrays, but it contains an "
                         f"object of type {_type_name(tree)}.")
    if isinstance(axes, (list, tuple, dict)):
        _not_a_prefix(tree, axes, what)
    for t in ((<dict>tree).values() if isinstance(tree, dict) else tree):
        _match_axes(t, axes, arrays, ax, what)
    return 0


cdef object _top_axes(object tree, object axes):
    """The reference also takes a one-element tuple of axes for a lone array: (1,) as 1."""
    if _is_array(tree) and isinstance(axes, tuple) and len(axes) == 1:
        return axes[0]
    return axes


cdef int _axis(object x, object a, int extra, str what) except? -2:
    """The axis `a` (int, or None -> -1) of array `x` normalised; `extra` = 1 for an output axis,
    which may also name the position after the last one."""
    if a is None:
        return -1
    return _c_axis((<array>x)._a, a, extra, what)


cdef int _c_axis(const c_array& x, object a, int extra, str what) except? -2:
    """_axis for an int `a` and a C++ array."""
    cdef int nd = x.ndim() + extra
    cdef int i = a
    cdef list dims
    cdef int d
    if i < -nd or i >= nd:
        dims = []
        for d in range(x.ndim()):
            dims.append(str(x.shape(d)))
        # the message names the axis as the reference does: a negative one counted from the end
        raise IndexError(f"[vmap] Invalid {what}vectorization axis {i + nd if i < 0 else i} for array with shape "
                         f"({','.join(dims)})")
    return i + nd if i < 0 else i


cdef str _what_is(object tree):
    if isinstance(tree, (list, tuple)):
        return f"a {type(tree).__name__} of length {len(tree)}"
    if isinstance(tree, dict):
        return f"a dict with keys {list(tree)}"
    return f"a single {_type_name(tree)}"


cdef class _VmapCtx:
    cdef object fun
    cdef object tree
    cdef bint single
    cdef bint one_array     # the function takes one array (tree unused)
    cdef object out_template


cdef int _vmap_cb(PyObject* ctx_, const vector[c_array]& inp, vector[c_array]& out) except -1:
    cdef _VmapCtx ctx = <_VmapCtx>ctx_
    if ctx.one_array:
        r = ctx.fun(wrap(inp[0]))
    else:
        rebuilt = _rebuild_all(ctx.tree, wrap_list(inp))
        r = ctx.fun(rebuilt) if ctx.single else ctx.fun(*rebuilt)
    if type(r) is array:
        out.push_back((<array>r)._a)
        ctx.out_template = r
        return 0
    cdef list outs = []
    tree_arrays(r, outs, NULL, "tree_flatten")
    ctx.out_template = r
    for x in outs:
        out.push_back((<array>x)._a)
    return 0


cdef int _check_axes_arg(object axes, str name) except -1:
    if axes is None:
        raise TypeError(f"vmap(): '{name}' must be an int or a tree of ints and None "
                        f"(None alone maps nothing).")
    return 0


cdef class _Vmapped(_Wrapper):
    """The callable returned by :func:`vmap`."""
    cdef object in_axes
    cdef object out_axes

    def __call__(self, *args, **kwargs):
        if kwargs:
            raise TypeError("[vmap] Keyword arguments are not supported.")
        if len(args) == 1 and type(args[0]) is array and type(self.in_axes) is int:
            return _vmap_one(self, <array>args[0])
        cdef list arrays = []
        cdef list ax = []
        # a lone argument is matched with in_axes by itself, several as the tuple of them
        cdef bint single = len(args) == 1
        tree = args[0] if single else args
        _match_axes(tree, _top_axes(tree, self.in_axes), arrays, ax, "input")
        if all(a is None for a in ax):
            raise ValueError("At least one of in_axes must be non-None.")
        cdef vector[int] in_ax = vector[int]()
        for x, a in zip(arrays, ax):
            in_ax.push_back(_axis(x, a, 0, ""))
        cdef _VmapCtx ctx = _VmapCtx.__new__(_VmapCtx)
        ctx.fun = self.fun
        ctx.tree = tree
        ctx.single = single
        cdef vector[c_array] inputs = _to_vec(arrays)
        cdef vector[c_array] s_in = vector[c_array]()
        cdef vector[c_array] s_out = vector[c_array]()
        tx.vmap_trace(<PyObject*>ctx, _vmap_cb, inputs, in_ax, s_in, s_out)
        return _vmap_finish(self, ctx, inputs, in_ax, s_in, s_out)

    def __repr__(self):
        return f"<vmap of {self.fun!r}>"


cdef object _vmap_one(_Vmapped self, array x):
    """The call of a vmapped function on one array with an int in_axes: no tree to match."""
    cdef vector[int] in_ax = vector[int]()
    in_ax.push_back(_c_axis(x._a, self.in_axes, 0, ""))
    cdef _VmapCtx ctx = _VmapCtx.__new__(_VmapCtx)
    ctx.fun = self.fun
    ctx.one_array = True
    cdef vector[c_array] inputs = vector[c_array]()
    inputs.push_back(x._a)
    cdef vector[c_array] s_in = vector[c_array]()
    cdef vector[c_array] s_out = vector[c_array]()
    tx.vmap_trace(<PyObject*>ctx, _vmap_cb, inputs, in_ax, s_in, s_out)
    return _vmap_finish(self, ctx, inputs, in_ax, s_in, s_out)


cdef object _vmap_finish(_Vmapped self, _VmapCtx ctx, const vector[c_array]& inputs, const vector[int]& in_ax,
                         const vector[c_array]& s_in, const vector[c_array]& s_out):
    """Put the mapped axis of each output where out_axes says, and rebuild the outputs' tree."""
    cdef vector[int] out_ax = vector[int]()
    cdef vector[c_array] res
    template = ctx.out_template
    if type(template) is array and type(self.out_axes) is int:
        out_ax.push_back(_c_axis(s_out[0], self.out_axes, 1, "output "))
        res = tx.vmap_replace(inputs, s_in, s_out, in_ax, out_ax)
        return wrap(res[0])
    cdef list outs = []
    cdef list oax = []
    _match_axes(template, _top_axes(template, self.out_axes), outs, oax, "output")
    cdef list s_outs = wrap_list(s_out)
    for x, a in zip(s_outs, oax):
        out_ax.push_back(_axis(x, a, 1, "output "))
    res = tx.vmap_replace(inputs, s_in, s_out, in_ax, out_ax)
    return _rebuild_all(template, wrap_list(res))


def vmap(fun: Callable[..., Any], in_axes: object = 0, out_axes: object = 0) -> Callable[..., Any]:
    """Make a vectorized version of ``fun`` that maps it over an axis of its inputs.

    Parameters
    ----------
    fun : callable
        A function of arrays (or trees of arrays) returning arrays.
    in_axes : int, None or tree, optional
        The axis of each input to map over: an int for all of them, or a tree matching a prefix
        of the arguments (the argument itself when there is only one), whose leaves are ints or
        ``None`` (not mapped, passed whole to every call). Default: ``0``.
    out_axes : int, None or tree, optional
        Where the mapped axis goes in each output, in the same way. Default: ``0``.

    Returns
    -------
    callable
        The vectorized function.

    Raises
    ------
    TypeError
        When ``fun`` is not callable.
    ValueError
        When called: if the mapped inputs disagree on the size of the mapped axis.
    IndexError
        When called: if an axis in ``in_axes`` is out of range for its input.

    Examples
    --------
    >>> rowsum = mx.vmap(lambda row: row.sum())
    >>> rowsum(mx.array([[1, 2], [3, 4]]))
    array([3, 7], dtype=int32)
    >>> add = mx.vmap(lambda x, y: x + y, in_axes=(0, None))
    >>> add(mx.array([[1, 2], [3, 4]]), mx.array([10, 20]))
    array([[11, 22],
           [13, 24]], dtype=int32)
    >>> mx.vmap(lambda x: x * 2, in_axes=1, out_axes=1)(mx.array([[1, 2], [3, 4]]))
    array([[2, 4],
           [6, 8]], dtype=int32)
    """
    _check_callable(fun, "vmap")
    _check_axes_arg(in_axes, "in_axes")
    _check_axes_arg(out_axes, "out_axes")
    cdef _Vmapped f = _Vmapped.__new__(_Vmapped)
    _wrap_like(f, fun)
    f.in_axes = in_axes
    f.out_axes = out_axes
    return f


# ---------------------------------------------------------------------------------------------
# compile
# ---------------------------------------------------------------------------------------------

cdef enum:
    TAG_ARRAY = 1
    TAG_NONE = 2
    TAG_BOOL = 3
    TAG_INT = 4
    TAG_FLOAT = 5
    TAG_STR = 6
    TAG_LIST = 7
    TAG_DICT = 8


cdef inline uint64_t _h(object x):
    return <uint64_t><int64_t>hash(x)


cdef int _compile_flatten(object tree, list arrays, vector[uint64_t]& key) except -1:
    """Flatten the arguments of a compiled call: arrays go to `arrays`; the tree structure and the
    constant leaves (None, bool, int, float, str) go to the cache `key`."""
    cdef double d
    cdef uint64_t bits
    if _is_array(tree):
        arrays.append(tree)
        key.push_back(TAG_ARRAY)
    elif isinstance(tree, (list, tuple)):
        key.push_back(TAG_LIST)
        key.push_back(len(tree))
        for x in tree:
            _compile_flatten(x, arrays, key)
    elif isinstance(tree, dict):
        key.push_back(TAG_DICT)
        key.push_back(len(tree))
        for k, v in (<dict>tree).items():
            key.push_back(_h(k))
            _compile_flatten(v, arrays, key)
    elif tree is None:
        key.push_back(TAG_NONE)
    elif isinstance(tree, bool):
        key.push_back(TAG_BOOL)
        key.push_back(1 if tree else 0)
    elif isinstance(tree, int):
        key.push_back(TAG_INT)
        if -9223372036854775808 <= tree <= 9223372036854775807:
            key.push_back(<uint64_t><int64_t>tree)
        else:
            key.push_back(_h(tree))
    elif isinstance(tree, float):
        d = tree
        memcpy(&bits, &d, 8)
        key.push_back(TAG_FLOAT)
        key.push_back(bits)
    elif isinstance(tree, str):
        key.push_back(TAG_STR)
        key.push_back(_h(tree))
    else:
        raise ValueError("[compile] Function arguments must be trees of arrays or constants (floats, ints, "
                         f"strings, or None), but received type {_type_name(tree)}.")
    return 0


cdef int _swap_in(object tree, list leaves, Py_ssize_t* pos, list saved) except -1:
    """Replace, in place, the arrays of the mutable containers of `tree` by `leaves[pos:]`,
    recording (container, key, original, replacement) in `saved`."""
    tree = random_state_view(tree)
    if isinstance(tree, list):
        for i in range(len(tree)):
            x = tree[i]
            if _is_array(x):
                t = leaves[pos[0]]
                pos[0] += 1
                saved.append((tree, i, x, t))
                tree[i] = t
            else:
                _swap_in(x, leaves, pos, saved)
    elif isinstance(tree, dict):
        for k, x in list((<dict>tree).items()):
            if _is_array(x):
                t = leaves[pos[0]]
                pos[0] += 1
                saved.append((tree, k, x, t))
                tree[k] = t
            else:
                _swap_in(x, leaves, pos, saved)
    elif isinstance(tree, tuple):
        for x in tree:
            if _is_array(x):
                pos[0] += 1   # a tuple cannot take the tracer: its array stays a constant
            else:
                _swap_in(x, leaves, pos, saved)
    return 0


cdef int _restore(list saved) except -1:
    for container, k, orig, t in saved:
        try:
            if container[k] is t:
                container[k] = orig
        except (KeyError, IndexError):
            pass
    return 0


cdef class _Compiled


cdef class _CompileCtx:
    cdef _Compiled owner
    cdef tuple args
    cdef dict kwargs
    cdef Py_ssize_t n_args       # arrays in (args, kwargs); captured inputs follow


cdef int _compile_cb(PyObject* ctx_, const vector[c_array]& inp, vector[c_array]& out,
                     PyObject** extra) except -1:
    cdef _CompileCtx ctx = <_CompileCtx>ctx_
    cdef _Compiled owner = ctx.owner
    cdef list tracers = wrap_list(inp)
    cdef Py_ssize_t pos = 0
    args = _rebuild(ctx.args, tracers, &pos)
    kwargs = _rebuild(ctx.kwargs, tracers, &pos) if ctx.kwargs else {}
    cdef list saved = []
    cdef list outs = []
    cdef Py_ssize_t n_out
    try:
        if owner.inputs is not None:
            _swap_in(owner.inputs, tracers, &pos, saved)
        r = owner.fun(*args, **kwargs)
        tree_arrays(r, outs, NULL, None)
        n_out = len(outs)
        if owner.outputs is not None:
            tree_arrays(owner.outputs, outs, NULL, None)
    finally:
        _restore(saved)
    for x in outs:
        out.push_back((<array>x)._a)
    # the cached structure keeps no tracer alive
    e = (_rebuild_all(r, [_SLOT] * n_out), n_out)
    Py_INCREF(e)
    extra[0] = <PyObject*>e
    return 0


cdef int _replace_outputs(object tree, list leaves, Py_ssize_t* pos) except -1:
    """Write `leaves[pos:]` over the arrays of `tree`, in place (arrays inside tuples are skipped)."""
    tree = random_state_view(tree)
    if isinstance(tree, list):
        for i in range(len(tree)):
            x = tree[i]
            if _is_array(x):
                if pos[0] < len(leaves):
                    tree[i] = leaves[pos[0]]
                pos[0] += 1
            else:
                _replace_outputs(x, leaves, pos)
    elif isinstance(tree, dict):
        for k, x in list((<dict>tree).items()):
            if _is_array(x):
                if pos[0] < len(leaves):
                    tree[k] = leaves[pos[0]]
                pos[0] += 1
            else:
                _replace_outputs(x, leaves, pos)
    elif isinstance(tree, tuple):
        for x in tree:
            if _is_array(x):
                pos[0] += 1
            else:
                _replace_outputs(x, leaves, pos)
    return 0



cdef class _Compiled(_Wrapper):
    """The callable returned by :func:`compile`."""
    cdef object inputs
    cdef object outputs
    cdef bint shapeless
    cdef tx.CompileHandle handle

    def __cinit__(self):
        self.handle = tx.CompileHandle()

    def __call__(self, *args, **kwargs):
        cdef list arrays
        cdef vector[uint64_t] key = vector[uint64_t]()
        cdef vector[c_array] inputs = vector[c_array]()
        cdef Py_ssize_t n_args
        cdef Py_ssize_t i
        cdef Py_ssize_t n = len(args)
        if not kwargs and self.inputs is None and _plain_arrays(args, 0):
            # positional arrays only: the key _compile_flatten would make, without the walk
            key.reserve(2 + n)
            key.push_back(TAG_LIST)
            key.push_back(n)
            inputs.reserve(n)
            for i in range(n):
                key.push_back(TAG_ARRAY)
                inputs.push_back((<array>args[i])._a)
            n_args = n
        else:
            arrays = []
            _compile_flatten(args, arrays, key)
            if kwargs:
                _compile_flatten(kwargs, arrays, key)
            n_args = len(arrays)
            if self.inputs is not None:
                tree_arrays(self.inputs, arrays, NULL, None)
            inputs = _to_vec(arrays)
        cdef _CompileCtx ctx = _CompileCtx.__new__(_CompileCtx)
        ctx.owner = self
        ctx.args = args
        ctx.kwargs = kwargs
        ctx.n_args = n_args
        cdef vector[c_array] outs = vector[c_array]()
        cdef PyObject* extra = NULL
        try:
            tx.compiled_call(<PyObject*>ctx, _compile_cb, self.handle, self.shapeless, key, inputs, outs, &extra)
        except BaseException:
            tx.compile_handle_erase(self.handle)   # never keep a half-built trace
            raise
        if extra == NULL:
            raise RuntimeError("[compile] the compiled function returned no output description")
        template, n_out = <object>extra
        Py_XDECREF(extra)
        if template is _SLOT and self.outputs is None:
            return wrap(outs[0])
        cdef list res = wrap_list(outs)
        cdef Py_ssize_t pos = 0
        result = _rebuild(template, res, &pos)
        if self.outputs is not None:
            _replace_outputs(self.outputs, res, &pos)
        return result

    def __dealloc__(self):
        tx.compile_handle_erase(self.handle)

    def __repr__(self):
        return f"<compiled {self.fun!r}>"


def compile(fun: Callable[..., Any], inputs: object | None = None, outputs: object | None = None,
            shapeless: bool = False) -> Callable[..., Any]:
    """Make a compiled version of ``fun``, traced once per input signature and replayed as one graph.

    The function is traced again when the shapes (unless ``shapeless``), dtypes, number or tree
    structure of its arguments change, or the value of a non-array argument (``None``, bool,
    int, float, str); new array values alone reuse the trace. ``fun`` must be a pure function of
    its arguments: arrays it reads or writes from elsewhere (a model's parameters, an
    optimizer's state, ``mx.random.state``) must be named in ``inputs``/``outputs``.

    Parameters
    ----------
    fun : callable
        The function to compile; it takes and returns arrays or trees of arrays.
    inputs : list, dict or tree, optional
        Arrays ``fun`` reads as implicit state. Default: ``None``.
    outputs : list, dict or tree, optional
        Arrays ``fun`` writes as implicit state; they are written back after each call.
        Default: ``None``.
    shapeless : bool, optional
        Do not retrace when only shapes change. Default: ``False``.

    Returns
    -------
    callable
        The compiled function, called like ``fun``.

    Raises
    ------
    TypeError
        When ``fun`` is not callable.

    Examples
    --------
    >>> f = mx.compile(lambda x, y: x * y + 1)
    >>> f(mx.array([1, 2]), mx.array([3, 4]))
    array([4, 9], dtype=int32)
    >>> f(mx.array([1.5]), mx.array([2.0]))
    array([4], dtype=float32)

    Notes
    -----
    :func:`disable_compile` (or the ``MLX_DISABLE_COMPILE`` environment variable) makes compiled
    functions run as plain Python functions.
    """
    _check_callable(fun, "compile")
    cdef _Compiled f = _Compiled.__new__(_Compiled)
    _wrap_like(f, fun)
    f.inputs = inputs
    f.outputs = outputs
    f.shapeless = bool(shapeless)
    tx.compile_handle_init(f.handle, <uintptr_t><PyObject*>f)
    return f


def disable_compile() -> None:
    """Turn compilation off globally: functions made by :func:`compile` then run uncompiled.

    Returns
    -------
    None

    Examples
    --------
    >>> f = mx.compile(lambda x: x + 1)
    >>> mx.disable_compile()
    >>> f(mx.array(1))
    array(2, dtype=int32)
    >>> mx.enable_compile()
    """
    tx.set_compile_enabled(False)


def enable_compile() -> None:
    """Turn compilation back on globally, also when ``MLX_DISABLE_COMPILE`` is set.

    Returns
    -------
    None

    Examples
    --------
    >>> mx.disable_compile()
    >>> mx.enable_compile()
    >>> mx.compile(lambda x: x * 2)(mx.array(3))
    array(6, dtype=int32)
    """
    tx.set_compile_enabled(True)


# ---------------------------------------------------------------------------------------------
# checkpoint
# ---------------------------------------------------------------------------------------------

cdef class _Checkpointed(_Wrapper):
    """The callable returned by :func:`checkpoint`."""

    def __call__(self, *args, **kwargs):
        cdef _CallCtx ctx = _call_ctx(_CallCtx.__new__(_CallCtx), self.fun, args, kwargs,
                                      "checkpoint", None)
        ctx.needs_array_output = True
        cdef vector[c_array] res = tx.checkpoint(<PyObject*>ctx, _call_cb, _to_vec(ctx.inputs()))
        return _rebuild_all(ctx.out_template, wrap_list(res))

    def __repr__(self):
        return f"<checkpoint of {self.fun!r}>"


def checkpoint(fun: Callable[..., Any]) -> Callable[..., Any]:
    """Make a version of ``fun`` that saves memory in gradients by recomputing its intermediates.

    The results are those of ``fun``. Under :func:`grad` and the other transforms, the
    intermediate arrays of ``fun`` are not kept for the backward pass but recomputed from its
    inputs, trading compute for memory.

    Parameters
    ----------
    fun : callable
        A function of arrays (or trees of arrays) returning arrays.

    Returns
    -------
    callable
        The checkpointed function.

    Raises
    ------
    TypeError
        When ``fun`` is not callable.
    ValueError
        When called: if ``fun`` returns no array (the reference crashes).

    Examples
    --------
    >>> f = mx.checkpoint(lambda x: (mx.exp(x) * x).sum())
    >>> mx.grad(f)(mx.array([0.0]))
    array([1], dtype=float32)
    """
    _check_callable(fun, "checkpoint")
    cdef _Checkpointed f = _Checkpointed.__new__(_Checkpointed)
    _wrap_like(f, fun)
    return f


# ---------------------------------------------------------------------------------------------
# custom_function
# ---------------------------------------------------------------------------------------------

cdef class _CustomCtx(_CallCtx):
    cdef custom_function owner


cdef object _primal_arg(tuple args):
    return args[0] if len(args) == 1 else args


cdef int _check_positional(_CustomCtx ctx, str what) except -1:
    if ctx.kwargs:
        raise ValueError(f"[custom {what}] Function should only accept positional arguments")
    return 0


cdef int _custom_vjp_cb(PyObject* ctx_, const vector[c_array]& primals, const vector[c_array]& cotangents,
                        const vector[c_array]& outputs, vector[c_array]& out) except -1:
    cdef _CustomCtx ctx = <_CustomCtx>ctx_
    cdef list p = wrap_list(primals)
    cdef Py_ssize_t pos = 0
    args = _rebuild(ctx.args, p, &pos)
    kwargs = _rebuild(ctx.kwargs, p, &pos) if ctx.kwargs else {}
    cot = _rebuild_all(ctx.out_template, wrap_list(cotangents))
    outs = _rebuild_all(ctx.out_template, wrap_list(outputs))
    r = ctx.owner._vjp(_primal_arg(args), cot, outs, **kwargs)
    if len(args) == 1:
        if (isinstance(r, (list, tuple)) and len(r) == 1
                and not (isinstance(args[0], (list, tuple)) and len(args[0]) == 1)):
            r = r[0]
        r = (r,)
    _match_result(ctx.args, r, p, out, "vjp")
    if ctx.kwargs:   # keyword arguments are constants for the custom vjp
        for x in p[<Py_ssize_t>out.size():]:
            out.push_back(tx.zeros_like((<array>x)._a))
    return 0


cdef int _match_result(object tree, object r, list primals, vector[c_array]& out, str what) except -1:
    """Flatten `r`, a tree shaped like the primal tree `tree`, in the order of its arrays; a None
    where an array is expected means zeros."""
    if _is_array(tree):
        if r is None:
            out.push_back(tx.zeros_like((<array>primals[out.size()])._a))
        elif _is_array(r):
            out.push_back((<array>r)._a)
        else:
            raise ValueError(f"[custom_function] The custom {what} must return arrays shaped like the "
                             f"primals, but returned {_type_name(r)} where an array was expected.")
    elif isinstance(tree, (list, tuple)):
        if not isinstance(r, (list, tuple)) or len(r) != len(tree):
            raise ValueError(f"[custom_function] The custom {what} must return one value per primal "
                             f"({len(tree)}), but returned {_what_is(r)}.")
        for t, x in zip(tree, r):
            _match_result(t, x, primals, out, what)
    elif isinstance(tree, dict):
        if not isinstance(r, dict) or not all(k in r for k in tree):
            raise ValueError(f"[custom_function] The custom {what} must return a dict with the keys "
                             f"{list(tree)}, but returned {_what_is(r)}.")
        for k, t in (<dict>tree).items():
            _match_result(t, r[k], primals, out, what)
    return 0


cdef int _custom_jvp_cb(PyObject* ctx_, const vector[c_array]& primals, const vector[c_array]& tangents,
                        const vector[int]& argnums, vector[c_array]& out) except -1:
    cdef _CustomCtx ctx = <_CustomCtx>ctx_
    _check_positional(ctx, "jvp")
    cdef list p = wrap_list(primals)
    cdef list t = [None] * len(p)
    cdef size_t i
    for i in range(argnums.size()):
        t[argnums[i]] = wrap(tangents[i])
    for i in range(len(p)):
        if t[i] is None:
            t[i] = wrap(tx.zeros_like(primals[i]))
    r = ctx.owner._jvp(_primal_arg(_rebuild_all(ctx.args, p)), _primal_arg(_rebuild_all(ctx.args, t)))
    cdef list res = []
    tree_arrays(r, res, NULL, "custom jvp")
    for x in res:
        out.push_back((<array>x)._a)
    return 0


cdef int _custom_vmap_cb(PyObject* ctx_, const vector[c_array]& inputs, const vector[int]& axes,
                         vector[c_array]& out, vector[int]& out_axes) except -1:
    cdef _CustomCtx ctx = <_CustomCtx>ctx_
    _check_positional(ctx, "vmap")
    cdef list ax = []
    cdef size_t i
    for i in range(axes.size()):
        ax.append(None if axes[i] < 0 else axes[i])
    args = _rebuild_all(ctx.args, wrap_list(inputs))
    r = ctx.owner._vmap(_primal_arg(args), _primal_arg(_rebuild_all(ctx.args, ax)))
    if not isinstance(r, tuple) or len(r) != 2:
        raise ValueError("[custom vmap] The custom vmap must return a tuple (outputs, output_axes), "
                         f"but returned {_type_name(r)}.")
    cdef list res = []
    cdef list oax = []
    _match_axes(r[0], r[1], res, oax, "output")
    for x, a in zip(res, oax):
        out.push_back((<array>x)._a)
        out_axes.push_back(-1 if a is None else <int>a)
    return 0


cdef class custom_function:
    """Wrap a function so that its vjp, jvp or vmap can be given by hand.

    Use it as a decorator, then decorate the replacements with ``@f.vjp``, ``@f.jvp`` and
    ``@f.vmap``. A transform without a replacement is derived from the function as usual. The
    wrapped function is called like the original one.

    Parameters
    ----------
    f : callable
        The function to wrap; it takes arrays (or trees of arrays) and returns arrays.

    Raises
    ------
    TypeError
        When ``f`` is not callable.

    Examples
    --------
    >>> @mx.custom_function
    ... def f(x):
    ...     return x * x
    >>> @f.vjp
    ... def f_vjp(primals, cotangent, output):
    ...     return 10 * cotangent
    >>> f(mx.array(3.0)), mx.grad(f)(mx.array(3.0))
    (array(9, dtype=float32), array(10, dtype=float32))

    Notes
    -----
    A vjp may return ``None`` for a primal to mean zeros; arrays passed by keyword are
    constants for a custom vjp (their gradient is zero) (see docs/differences.md).
    """
    cdef object _fun
    cdef object _vjp
    cdef object _jvp
    cdef object _vmap
    cdef object __weakref__
    cdef dict __dict__

    @cython.embedsignature(True)   # the class's signature line (help(), gen_stubs)
    def __init__(self, f: Callable) -> None:
        _check_callable(f, "custom_function")
        self._fun = f
        _functools.update_wrapper(self, f, updated=())

    def vjp(self, f) -> Any:
        """Set the function that computes the vector-Jacobian product; use it as a decorator.

        ``f`` is called as ``f(primals, cotangents, outputs)``: ``primals`` is the single positional
        argument of the wrapped function, or a tuple of them when there are several; ``cotangents``
        and ``outputs`` are shaped like the wrapped function's output. It returns one array per
        primal (a tuple when there are several), or ``None`` for zeros.

        Parameters
        ----------
        f : callable
            The vjp function.

        Returns
        -------
        custom_function
            This custom function, so that the decorated name still refers to it.

        Raises
        ------
        ValueError
            When the vjp is used: if ``f`` returns fewer values than there are primals.

        Examples
        --------
        >>> @mx.custom_function
        ... def mul(x, y):
        ...     return x * y
        >>> @mul.vjp
        ... def mul_vjp(primals, cotangent, output):
        ...     x, y = primals
        ...     return cotangent * y, cotangent * x
        >>> mx.grad(mul, argnums=(0, 1))(mx.array(2.0), mx.array(5.0))
        (array(5, dtype=float32), array(2, dtype=float32))
        """
        _check_callable(f, "vjp")
        self._vjp = f
        return self

    def jvp(self, f) -> Any:
        """Set the function that computes the Jacobian-vector product; use it as a decorator.

        ``f`` is called as ``f(primals, tangents)``: the single positional argument of the wrapped
        function and its tangent, or tuples of them when there are several. It returns the
        product(s), shaped like the output(s).

        Parameters
        ----------
        f : callable
            The jvp function.

        Returns
        -------
        custom_function
            This custom function, so that the decorated name still refers to it.

        Examples
        --------
        >>> @mx.custom_function
        ... def square(x):
        ...     return x * x
        >>> @square.jvp
        ... def square_jvp(primals, tangents):
        ...     return 2 * primals * tangents
        >>> mx.jvp(square, [mx.array(3.0)], [mx.array(1.0)])
        ([array(9, dtype=float32)], [array(6, dtype=float32)])
        """
        _check_callable(f, "jvp")
        self._jvp = f
        return self

    def vmap(self, f) -> Any:
        """Set the function that computes the vectorized version; use it as a decorator.

        ``f`` is called as ``f(inputs, axes)``: the single positional argument of the wrapped
        function and its mapped axis, or tuples of them when there are several (``None`` for an
        input that is not mapped). It returns ``(outputs, output_axes)``.

        Parameters
        ----------
        f : callable
            The vmap function.

        Returns
        -------
        custom_function
            This custom function, so that the decorated name still refers to it.

        Examples
        --------
        >>> @mx.custom_function
        ... def double(x):
        ...     return x * 2
        >>> @double.vmap
        ... def double_vmap(inputs, axes):
        ...     return inputs * 2, axes
        >>> mx.vmap(double)(mx.array([1, 2, 3]))
        array([2, 4, 6], dtype=int32)
        """
        _check_callable(f, "vmap")
        self._vmap = f
        return self

    def __call__(self, *args, **kwargs) -> Any:
        cdef _CustomCtx ctx = <_CustomCtx>_call_ctx(_CustomCtx.__new__(_CustomCtx), self._fun, args, kwargs,
                                                    "custom_function", None)
        ctx.owner = self
        cdef list inputs = ctx.inputs()
        ctx.originals = inputs
        cdef tx.VjpCb vjp_cb = NULL
        cdef tx.JvpCb jvp_cb = NULL
        cdef tx.VmapCb vmap_cb = NULL
        if self._vjp is not None:
            vjp_cb = _custom_vjp_cb
        if self._jvp is not None:
            jvp_cb = _custom_jvp_cb
        if self._vmap is not None:
            vmap_cb = _custom_vmap_cb
        cdef vector[c_array] res = tx.custom_function(<PyObject*>ctx, _call_cb, vjp_cb, jvp_cb, vmap_cb,
                                                      _to_vec(inputs))
        return _rebuild_all(ctx.out_template, wrap_list(res))
