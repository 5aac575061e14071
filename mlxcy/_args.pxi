# Scalar arguments of the ops, checked as the reference's argument parser checks them: a ``bool``
# parameter takes True/False only, an ``int`` parameter an integer that fits in 32 bits. Other
# values are a TypeError there; accepting them here would silently change what a call means
# (``keepdims=None`` read as False, ``axis=2**32`` wrapped around).


cdef bint to_flag(object x, str fn, str name) except -1:
    """A ``bool`` argument: True or False (a NumPy bool too); TypeError for anything else."""
    if x is True:
        return True
    if x is False:
        return False
    if type(x).__module__ == "numpy" and type(x).__name__ in ("bool", "bool_"):
        return x.__bool__()
    raise TypeError(f"{fn}(): argument '{name}' must be a bool, got {type(x).__name__}")


cdef int to_int32(object x, str fn, str name) except? -1:
    """An ``int`` argument: anything with ``__index__`` (bool, NumPy ints, 0-d integer arrays)
    whose value fits in 32 bits; TypeError otherwise (floats are not truncated)."""
    cdef object v
    cdef long lv
    cdef int overflow = 0
    if type(x) is int:   # the common case, without a Python-level comparison
        lv = PyLong_AsLongAndOverflow(x, &overflow)
        if not overflow and -2147483648 <= lv <= 2147483647:
            return <int>lv
    try:
        v = PyNumber_Index(x)
    except TypeError:
        raise TypeError(f"{fn}(): argument '{name}' must be an int, got {type(x).__name__}") from None
    if not -2147483648 <= v <= 2147483647:
        raise TypeError(f"{fn}(): argument '{name}' = {v} does not fit in a 32-bit int")
    return v


cdef object to_opt_flag(object x, str fn, str name):
    """A ``bool | None`` argument (``copy=``): None, True or False; TypeError for anything else."""
    if x is None:
        return None
    return to_flag(x, fn, name)
