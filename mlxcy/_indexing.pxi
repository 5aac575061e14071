# NumPy-style indexing: array.__getitem__ / __setitem__ and the `.at[]` updates.
# (to be completed: see the array-object issue)

cdef object _getitem(array a, object idx):
    cdef int n
    if isinstance(idx, int):
        if a._a.ndim() == 0:
            raise IndexError("too many indices for array: array is 0-dimensional")
        n = a._a.shape(0)
        if idx < -n or idx >= n:
            raise IndexError(f"index {idx} is out of bounds for axis 0 with size {n}")
        return wrap(first_axis_item(a._a, idx % n))
    raise NotImplementedError("indexing beyond integers is not implemented yet")


cdef int _setitem(array a, object idx, object value) except -1:
    raise NotImplementedError("__setitem__ is not implemented yet")
