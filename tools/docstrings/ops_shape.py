"""Docstrings of the creation, shape, joining/splitting and indexing ops (mlxcy/_ops_shape.pyx).

Format and rules: tools/docstrings/README.md. Check with
``python tools/docstrings/check.py tools/docstrings/ops_shape.py``.
"""

DOCS = {
# ---- creation ---------------------------------------------------------------------------------
"zeros": """An array of the given shape filled with zeros.

Parameters
----------
shape : int or list(int)
    The shape of the result; an int makes a 1-D array.
dtype : Dtype, optional
    The dtype of the result. Default: ``float32`` (``None`` also means float32).
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default device.

Returns
-------
array
    The zeros.

Raises
------
ValueError
    When a dimension is negative.
RuntimeError
    When ``shape`` is not an int or a sequence of ints (``None``: ``TypeError``).

Examples
--------
>>> mx.zeros((2, 3))
array([[0, 0, 0],
       [0, 0, 0]], dtype=float32)
>>> mx.zeros(2, mx.int32)
array([0, 0], dtype=int32)

Notes
-----
A result too large to allocate raises ``MemoryError`` in mlxcy when the op is called (the
reference crashes when it is evaluated).
""",

"ones": """An array of the given shape filled with ones.

Parameters
----------
shape : int or list(int)
    The shape of the result; an int makes a 1-D array.
dtype : Dtype, optional
    The dtype of the result. Default: ``float32`` (``None`` also means float32).
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default device.

Returns
-------
array
    The ones.

Raises
------
ValueError
    When a dimension is negative.
RuntimeError
    When ``shape`` is not an int or a sequence of ints (``None``: ``TypeError``).

Examples
--------
>>> mx.ones(3)
array([1, 1, 1], dtype=float32)
>>> mx.ones((1, 2), mx.bool_)
array([[True, True]], dtype=bool)

Notes
-----
A result too large to allocate raises ``MemoryError`` in mlxcy when the op is called (the
reference crashes when it is evaluated).
""",

"empty": """An array of the given shape and dtype whose values are not meant to be read.

Use it for a buffer that is written before it is read. In this version the values are zeros, as
:func:`zeros` gives.

Parameters
----------
shape : int or list(int)
    The shape of the result; an int makes a 1-D array.
dtype : Dtype, optional
    The dtype of the result. Default: ``float32`` (``None`` also means float32).
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default device.

Returns
-------
array
    The new array.

Raises
------
ValueError
    When a dimension is negative.
RuntimeError
    When ``shape`` is not an int or a sequence of ints (``None``: ``TypeError``).

Examples
--------
>>> e = mx.empty((2, 3), mx.int32)
>>> e.shape, e.dtype
((2, 3), mlx.core.int32)

Notes
-----
A result too large to allocate raises ``MemoryError`` in mlxcy when the op is called (the
reference crashes when it is evaluated).
""",

"full": """An array of the given shape filled with ``vals``.

``vals`` is broadcast to ``shape``. Without ``dtype`` the result has the dtype of ``vals`` (a
Python int gives int32, a float float32, a bool bool). With ``dtype``, a Python scalar is
combined with ``dtype`` the way a scalar operand is combined with an array of that dtype: an int
takes an integer or floating ``dtype`` (but gives int32 for bool), a float takes a floating
``dtype`` (but gives float32 for an integer or bool ``dtype``). See Notes for array ``vals``.

Parameters
----------
shape : int or list(int)
    The shape of the result; an int makes a 1-D array.
vals : scalar or array
    The fill value, or an array that broadcasts to ``shape``.
dtype : Dtype, optional
    The dtype to fill with, combined with a scalar ``vals`` as described above. Default:
    ``None``.
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default device.

Returns
-------
array
    The filled array of shape ``shape``.

Raises
------
ValueError
    When ``vals`` does not broadcast to ``shape``, ``vals`` is a list or tuple, a Python int
    does not fit ``dtype``, or a dimension is negative.
RuntimeError
    When ``shape`` is not an int or a sequence of ints (``None``: ``TypeError``).

Examples
--------
>>> mx.full((2, 2), 7)
array([[7, 7],
       [7, 7]], dtype=int32)
>>> mx.full(3, 2, mx.float16)
array([2, 2, 2], dtype=float16)
>>> mx.full((2, 2), mx.array([1, 2]))
array([[1, 2],
       [1, 2]], dtype=int32)
>>> mx.full(2, 3.5, mx.int32)
array([3.5, 3.5], dtype=float32)

Notes
-----
An array ``vals`` keeps its own dtype whatever ``dtype`` says (``full(2, mx.array(1, mx.int8),
mx.float32)`` is int8), as in the reference; use ``astype`` to convert it. A result too large to
allocate raises ``MemoryError`` in mlxcy when the op is called (the reference crashes when it is
evaluated).
""",

"zeros_like": """An array of zeros with the shape and dtype of ``a``.

Parameters
----------
a : array
    The array whose shape (and dtype) to use.
dtype : Dtype, optional
    The dtype of the result. Default: ``None``, the dtype of ``a``.
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default device.

Returns
-------
array
    The zeros.

Raises
------
TypeError
    When ``a`` is not an array.

Examples
--------
>>> a = mx.array([[1, 2], [3, 4]])
>>> mx.zeros_like(a)
array([[0, 0],
       [0, 0]], dtype=int32)
>>> mx.zeros_like(a, mx.float32).dtype
mlx.core.float32
""",

"ones_like": """An array of ones with the shape and dtype of ``a``.

Parameters
----------
a : array
    The array whose shape (and dtype) to use.
dtype : Dtype, optional
    The dtype of the result. Default: ``None``, the dtype of ``a``.
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default device.

Returns
-------
array
    The ones.

Raises
------
TypeError
    When ``a`` is not an array.

Examples
--------
>>> a = mx.array([1.5, 2.5])
>>> mx.ones_like(a)
array([1, 1], dtype=float32)
>>> mx.ones_like(a, dtype=mx.bool_)
array([True, True], dtype=bool)
""",

"empty_like": """An array with the shape and dtype of ``a`` whose values are not meant to be read.

In this version the values are zeros, as :func:`zeros_like` gives.

Parameters
----------
a : array
    The array whose shape (and dtype) to use.
dtype : Dtype, optional
    The dtype of the result. Default: ``None``, the dtype of ``a``.
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default device.

Returns
-------
array
    The new array.

Raises
------
TypeError
    When ``a`` is not an array.

Examples
--------
>>> e = mx.empty_like(mx.array([[1, 2], [3, 4]]), mx.float16)
>>> e.shape, e.dtype
((2, 2), mlx.core.float16)
""",

"full_like": """An array with the shape and dtype of ``a`` filled with ``vals``.

Unlike :func:`full`, the value is cast to the result's dtype (``a``'s unless ``dtype`` is given),
so ``3.5`` fills an int32 array with 3. An array ``vals`` broadcasts with the shape of ``a``.

Parameters
----------
a : array
    The array whose shape (and dtype) to use.
vals : scalar or array
    The fill value, or an array that broadcasts with ``a``'s shape.
dtype : Dtype, optional
    The dtype of the result. Default: ``None``, the dtype of ``a``.
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default device.

Returns
-------
array
    The filled array.

Raises
------
TypeError
    When ``a`` is not an array.
ValueError
    When ``vals`` is a list or tuple, does not broadcast, or is a Python int that does not fit
    the dtype.

Examples
--------
>>> a = mx.array([1, 2])
>>> mx.full_like(a, 3.5)
array([3, 3], dtype=int32)
>>> mx.full_like(a, 3.5, mx.float32)
array([3.5, 3.5], dtype=float32)
""",

"arange": """Evenly spaced values in the half-open interval ``[start, stop)``.

Called as ``arange(stop)``, ``arange(start, stop)``, ``arange(start, stop, step)`` or, with the
dtype third, ``arange(stop, step, dtype)``. The result has
``ceil((stop - start) / step)`` elements (none when that is not positive).

Parameters
----------
start : int or float, optional
    The first value. Called with one number, that number is the stop and the start is 0.
    Default: ``None``.
stop : int or float, optional
    The end of the interval, not included. Default: ``None``, see ``start``; ``start`` may be
    named only together with ``stop``.
step : int or float, optional
    The spacing between values. Default: ``None``, 1.
dtype : Dtype, optional
    The dtype of the result. Default: ``None``: float32 when any of ``start``, ``stop``,
    ``step`` is a float, else int32, or int64 when an integer does not fit in 32 bits.
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default device.

Returns
-------
array
    A 1-D array.

Raises
------
ValueError
    When ``step`` is 0, or a bound or ``dtype`` is bool.
TypeError
    When a bound is not a Python int or float, or ``stop`` is missing.

Examples
--------
>>> mx.arange(5)
array([0, 1, 2, 3, 4], dtype=int32)
>>> mx.arange(1, 7, 2)
array([1, 3, 5], dtype=int32)
>>> mx.arange(0, 1, 0.25)
array([0, 0.25, 0.5, 0.75], dtype=float32)
>>> mx.arange(3, dtype=mx.float32)
array([0, 1, 2], dtype=float32)
""",

"linspace": """``num`` evenly spaced values from ``start`` to ``stop``.

Parameters
----------
start : scalar
    The first value.
stop : scalar
    The last value (when ``endpoint`` is True).
num : int, optional
    How many values (0 or more). Default: ``50``.
endpoint : bool, optional
    Include ``stop`` as the last value; with ``False`` the values stop one spacing short of it.
    Default: ``True``.
dtype : Dtype, optional
    The dtype of the result (an integer dtype truncates the values). Default: ``float32``.
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default device.

Returns
-------
array
    A 1-D array of ``num`` values.

Raises
------
ValueError
    When ``num`` is negative.
TypeError
    When ``num`` is not an int, or ``start`` or ``stop`` is not a real number.

Examples
--------
>>> mx.linspace(0, 1, 5)
array([0, 0.25, 0.5, 0.75, 1], dtype=float32)
>>> mx.linspace(0, 1, 4, endpoint=False)
array([0, 0.25, 0.5, 0.75], dtype=float32)
""",

"eye": """A 2-D array with ones on one diagonal and zeros elsewhere.

Parameters
----------
n : int
    The number of rows.
m : int, optional
    The number of columns. Default: ``None``, ``n``.
k : int, optional
    The diagonal: 0 the main one, positive above it, negative below it. Default: ``0``.
dtype : Dtype, optional
    The dtype of the result. Default: ``float32``.
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default device.

Returns
-------
array
    An ``n`` x ``m`` array.

Raises
------
ValueError
    When ``n`` or ``m`` is negative.

Examples
--------
>>> mx.eye(2)
array([[1, 0],
       [0, 1]], dtype=float32)
>>> mx.eye(2, 3, k=1, dtype=mx.int32)
array([[0, 1, 0],
       [0, 0, 1]], dtype=int32)

Notes
-----
A result too large to allocate raises ``MemoryError`` in mlxcy when the op is called (the
reference crashes when it is evaluated).
""",

"identity": """The square identity matrix.

Parameters
----------
n : int
    The number of rows and columns.
dtype : Dtype, optional
    The dtype of the result. Default: ``float32``.
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default device.

Returns
-------
array
    An ``n`` x ``n`` array with ones on the main diagonal.

Raises
------
ValueError
    When ``n`` is negative.

Examples
--------
>>> mx.identity(2)
array([[1, 0],
       [0, 1]], dtype=float32)
>>> mx.identity(3, mx.int32).shape
(3, 3)

Notes
-----
A result too large to allocate raises ``MemoryError`` in mlxcy when the op is called (the
reference crashes when it is evaluated).
""",

"tri": """A 2-D array with ones at and below a diagonal and zeros above it.

Parameters
----------
n : int
    The number of rows.
m : int, optional
    The number of columns. Default: ``None``, ``n``.
k : int, optional
    The diagonal: 0 the main one, positive above it, negative below it. Default: ``0``.
dtype : Dtype, optional
    The dtype of the result. Default: ``None``, float32.
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default device.

Returns
-------
array
    An ``n`` x ``m`` array (empty when ``n`` is 0 or negative).

Examples
--------
>>> mx.tri(3)
array([[1, 0, 0],
       [1, 1, 0],
       [1, 1, 1]], dtype=float32)
>>> mx.tri(2, 3, k=1, dtype=mx.int32)
array([[1, 1, 0],
       [1, 1, 1]], dtype=int32)

Notes
-----
A result too large to allocate raises ``MemoryError`` in mlxcy when the op is called (the
reference crashes when it is evaluated).
""",

"tril": """The lower triangle of an array: elements above a diagonal set to zero.

Works on the last two axes; leading axes are batch axes.

Parameters
----------
x : array
    The input array, with at least 2 dimensions.
k : int, optional
    The diagonal to keep up to: 0 the main one, positive above it, negative below it.
    Default: ``0``.
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default device.

Returns
-------
array
    An array of the shape and dtype of ``x``.

Raises
------
ValueError
    When ``x`` has fewer than 2 dimensions.
TypeError
    When ``x`` is not an array.

Examples
--------
>>> a = mx.array([[1, 2, 3], [4, 5, 6], [7, 8, 9]])
>>> mx.tril(a)
array([[1, 0, 0],
       [4, 5, 0],
       [7, 8, 9]], dtype=int32)
>>> mx.tril(a, -1)
array([[0, 0, 0],
       [4, 0, 0],
       [7, 8, 0]], dtype=int32)
""",

"triu": """The upper triangle of an array: elements below a diagonal set to zero.

Works on the last two axes; leading axes are batch axes.

Parameters
----------
x : array
    The input array, with at least 2 dimensions.
k : int, optional
    The diagonal to keep from: 0 the main one, positive above it, negative below it.
    Default: ``0``.
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default device.

Returns
-------
array
    An array of the shape and dtype of ``x``.

Raises
------
ValueError
    When ``x`` has fewer than 2 dimensions.
TypeError
    When ``x`` is not an array.

Examples
--------
>>> a = mx.array([[1, 2, 3], [4, 5, 6], [7, 8, 9]])
>>> mx.triu(a)
array([[1, 2, 3],
       [0, 5, 6],
       [0, 0, 9]], dtype=int32)
>>> mx.triu(a, 1)
array([[0, 2, 3],
       [0, 0, 6],
       [0, 0, 0]], dtype=int32)
""",

"meshgrid": """Coordinate grids from 1-D coordinate arrays.

With ``n`` arrays of sizes ``s1, ..., sn``, each result has ``n`` dimensions and holds one
array's values repeated along the other axes. Arrays with more than one dimension are flattened
first.

Parameters
----------
*arrays : array
    The coordinates along each axis.
sparse : bool, optional
    Return arrays of size 1 on every axis but their own, which broadcast to the full grid.
    Keyword only. Default: ``False``.
indexing : str, optional
    ``"xy"`` (Cartesian: the first two axes are swapped, shapes ``(s2, s1, ...)``) or ``"ij"``
    (matrix: shapes ``(s1, s2, ...)``). Keyword only. Default: ``"xy"``.
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default device.

Returns
-------
tuple(array, ...)
    One grid per input array (an empty tuple for none).

Raises
------
ValueError
    When ``indexing`` is neither ``"xy"`` nor ``"ij"``.
RuntimeError
    When an argument is not an array.

Examples
--------
>>> x, y = mx.meshgrid(mx.array([1, 2, 3]), mx.array([4, 5]))
>>> x
array([[1, 2, 3],
       [1, 2, 3]], dtype=int32)
>>> y
array([[4, 4, 4],
       [5, 5, 5]], dtype=int32)
>>> [g.shape for g in mx.meshgrid(mx.array([1, 2, 3]), mx.array([4, 5]), indexing="ij")]
[(3, 2), (3, 2)]
""",

"bartlett": """The Bartlett (triangular) window.

Rises linearly from 0 to 1 at the middle and back down to 0, as used to taper a signal before
a Fourier transform.

Parameters
----------
M : int
    The number of points (0 or less gives an empty array, 1 gives ``[1]``).
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default device.

Returns
-------
array
    A 1-D float32 array of ``M`` values.

Examples
--------
>>> mx.bartlett(5)
array([0, 0.5, 1, 0.5, 0], dtype=float32)
""",

"blackman": """The Blackman window.

A taper made of three cosine terms, 0 at both ends and 1 in the middle, with lower side lobes
than :func:`hanning`.

Parameters
----------
M : int
    The number of points (0 or less gives an empty array, 1 gives ``[1]``).
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default device.

Returns
-------
array
    A 1-D float32 array of ``M`` values.

Examples
--------
>>> w = mx.blackman(5)
>>> w.shape, w.dtype
((5,), mlx.core.float32)
>>> mx.allclose(w, mx.array([0.0, 0.34, 1.0, 0.34, 0.0]), atol=1e-6)
array(True, dtype=bool)
""",

"hamming": """The Hamming window.

A raised cosine, ``0.54 - 0.46 cos(2 pi n / (M - 1))``, which does not reach 0 at the ends.

Parameters
----------
M : int
    The number of points (0 or less gives an empty array, 1 gives ``[1]``).
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default device.

Returns
-------
array
    A 1-D float32 array of ``M`` values.

Examples
--------
>>> mx.allclose(mx.hamming(5), mx.array([0.08, 0.54, 1.0, 0.54, 0.08]), atol=1e-6)
array(True, dtype=bool)
""",

"hanning": """The Hann window.

A raised cosine, ``0.5 - 0.5 cos(2 pi n / (M - 1))``, 0 at both ends and 1 in the middle.

Parameters
----------
M : int
    The number of points (0 or less gives an empty array, 1 gives ``[1]``).
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default device.

Returns
-------
array
    A 1-D float32 array of ``M`` values.

Examples
--------
>>> mx.allclose(mx.hanning(5), mx.array([0.0, 0.5, 1.0, 0.5, 0.0]), atol=1e-6)
array(True, dtype=bool)
""",
# ---- shapes -----------------------------------------------------------------------------------
"reshape": """An array with the same elements in a new shape.

The elements are taken in row-major order. The result shares memory with ``a`` when the layout
allows, and is a copy otherwise.

Parameters
----------
a : array
    The input array.
shape : list(int)
    The new shape, with the same number of elements; one entry may be -1, inferred from the
    others.
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default device.

Returns
-------
array
    The reshaped array, with the dtype of ``a``.

Raises
------
ValueError
    When the sizes do not match or more than one entry is -1.
TypeError
    When ``a`` is not an array or ``shape`` is not a sequence of ints (a bare int included).

Examples
--------
>>> a = mx.arange(6)
>>> mx.reshape(a, (2, 3))
array([[0, 1, 2],
       [3, 4, 5]], dtype=int32)
>>> mx.reshape(a, (-1, 2)).shape
(3, 2)
""",

"flatten": """Merge a range of consecutive axes into one.

Parameters
----------
a : array
    The input array.
start_axis : int, optional
    The first axis to merge. Default: ``0``.
end_axis : int, optional
    The last axis to merge, included. Default: ``-1``, the last axis.
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default device.

Returns
-------
array
    The array with axes ``start_axis`` to ``end_axis`` replaced by one axis of their total size
    (a 0-d array gives shape ``(1,)``).

Raises
------
ValueError
    When ``start_axis`` comes after ``end_axis`` (after negative axes are resolved).
TypeError
    When ``a`` is not an array.

Examples
--------
>>> a = mx.zeros((2, 3, 4))
>>> mx.flatten(a).shape
(24,)
>>> mx.flatten(a, start_axis=1).shape
(2, 12)
>>> mx.flatten(a, 0, 1).shape
(6, 4)
""",

"unflatten": """Split one axis into several with the given shape.

Parameters
----------
a : array
    The input array.
axis : int
    The axis to split.
shape : list(int)
    The sizes that replace the axis; their product must equal its size, and one entry may be
    -1, inferred from the others.
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default device.

Returns
-------
array
    The array with ``axis`` replaced by ``len(shape)`` axes.

Raises
------
ValueError
    When ``shape`` is empty or does not match the size of the axis.
IndexError
    When ``axis`` is out of range.
TypeError
    When ``a`` is not an array or ``shape`` is not a sequence of ints.

Examples
--------
>>> a = mx.zeros((6, 4))
>>> mx.unflatten(a, 0, (2, 3)).shape
(2, 3, 4)
>>> mx.unflatten(a, -1, (2, -1)).shape
(6, 2, 2)

Notes
-----
A -1 beside a 0 in ``shape`` raises ``ValueError`` in mlxcy (the reference crashes).
""",

"squeeze": """Remove axes of size 1.

Parameters
----------
a : array
    The input array.
axis : int or list(int), optional
    The axes to remove, each of size 1. Default: ``None``, every axis of size 1.
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default device.

Returns
-------
array
    The array without those axes.

Raises
------
ValueError
    When a given axis does not have size 1.
IndexError
    When an axis is out of range.
TypeError
    When ``a`` is not an array.

Examples
--------
>>> a = mx.zeros((1, 2, 1))
>>> mx.squeeze(a).shape
(2,)
>>> mx.squeeze(a, 0).shape
(2, 1)
""",

"expand_dims": """Insert axes of size 1.

Parameters
----------
a : array
    The input array.
axis : int or list(int)
    The positions of the new axes in the result (negative counts from the end of the result).
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default device.

Returns
-------
array
    The array with ``len(axis)`` more dimensions.

Raises
------
IndexError
    When a position is out of range for the result.
ValueError
    When a position is given twice.
TypeError
    When ``a`` is not an array.

Examples
--------
>>> a = mx.zeros((2, 3))
>>> mx.expand_dims(a, 0).shape
(1, 2, 3)
>>> mx.expand_dims(a, (0, -1)).shape
(1, 2, 3, 1)
""",

"transpose": """Permute the axes of an array.

Parameters
----------
a : array
    The input array.
axes : list(int), optional
    The new order: axis ``i`` of the result is axis ``axes[i]`` of ``a``. Default: ``None``,
    the axes reversed.
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default device.

Returns
-------
array
    The permuted array (a view: no data is copied until needed).

Raises
------
ValueError
    When ``axes`` does not have one entry per axis or repeats an axis.
IndexError
    When an axis is out of range.
TypeError
    When ``a`` is not an array or ``axes`` is not a sequence of ints.

Examples
--------
>>> mx.transpose(mx.array([[1, 2], [3, 4]]))
array([[1, 3],
       [2, 4]], dtype=int32)
>>> mx.transpose(mx.zeros((2, 3, 4)), (1, 0, 2)).shape
(3, 2, 4)
""",

"permute_dims": """Permute the axes of an array; another name for :func:`transpose`.

Parameters
----------
a : array
    The input array.
axes : list(int), optional
    The new order: axis ``i`` of the result is axis ``axes[i]`` of ``a``. Default: ``None``,
    the axes reversed.
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default device.

Returns
-------
array
    The permuted array.

Raises
------
ValueError
    When ``axes`` does not have one entry per axis or repeats an axis.
IndexError
    When an axis is out of range.
TypeError
    When ``a`` is not an array or ``axes`` is not a sequence of ints.

Examples
--------
>>> mx.permute_dims(mx.zeros((2, 3, 4)), (2, 0, 1)).shape
(4, 2, 3)
""",

"matrix_transpose": """Swap the last two axes of an array (transpose a stack of matrices).

Parameters
----------
a : array
    The input array, with at least 2 dimensions.
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default device.

Returns
-------
array
    The array with its last two axes exchanged.

Raises
------
ValueError
    When ``a`` has fewer than 2 dimensions.
TypeError
    When ``a`` is not an array.

Examples
--------
>>> mx.matrix_transpose(mx.zeros((5, 2, 3))).shape
(5, 3, 2)
>>> mx.matrix_transpose(mx.array([[1, 2]]))
array([[1],
       [2]], dtype=int32)
""",

"swapaxes": """Exchange two axes of an array.

Parameters
----------
a : array
    The input array.
axis1 : int
    One axis.
axis2 : int
    The other axis.
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default device.

Returns
-------
array
    The array with ``axis1`` and ``axis2`` exchanged.

Raises
------
IndexError
    When an axis is out of range.
TypeError
    When ``a`` is not an array.

Examples
--------
>>> mx.swapaxes(mx.zeros((2, 3, 4)), 0, 2).shape
(4, 3, 2)
""",

"moveaxis": """Move one axis to a new position, keeping the order of the others.

Parameters
----------
a : array
    The input array.
source : int
    The axis to move.
destination : int
    Its position in the result.
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default device.

Returns
-------
array
    The array with the axis moved.

Raises
------
IndexError
    When ``source`` or ``destination`` is out of range.
TypeError
    When ``a`` is not an array.

Examples
--------
>>> a = mx.zeros((2, 3, 4))
>>> mx.moveaxis(a, 0, -1).shape
(3, 4, 2)
>>> mx.moveaxis(a, 2, 0).shape
(4, 2, 3)
""",

"broadcast_to": """Broadcast an array to a given shape.

Size-1 axes are repeated and missing leading axes added, following the usual broadcasting
rules; no data is copied.

Parameters
----------
a : scalar or array
    The array (or Python scalar) to broadcast.
shape : list(int)
    The target shape.
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default device.

Returns
-------
array
    An array of shape ``shape`` with the dtype of ``a``.

Raises
------
ValueError
    When ``a`` does not broadcast to ``shape``, or ``a`` is a list or tuple.
TypeError
    When ``shape`` is not a sequence of ints (a bare int included).

Examples
--------
>>> mx.broadcast_to(mx.array([1, 2]), (2, 2))
array([[1, 2],
       [1, 2]], dtype=int32)
>>> mx.broadcast_to(5, (3,))
array([5, 5, 5], dtype=int32)
""",

"broadcast_arrays": """Broadcast several arrays against each other to one common shape.

Parameters
----------
*arrays : array
    The arrays to broadcast.
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default device.

Returns
-------
list(array)
    The broadcast arrays, in order (an empty list for none).

Raises
------
ValueError
    When the shapes do not broadcast together.
RuntimeError
    When an argument is not an array.

Examples
--------
>>> a, b = mx.broadcast_arrays(mx.array([1, 2]), mx.array([[3], [4]]))
>>> a
array([[1, 2],
       [1, 2]], dtype=int32)
>>> b
array([[3, 3],
       [4, 4]], dtype=int32)
""",

"broadcast_shapes": """The shape that several shapes broadcast to together.

Only shapes are involved: no array is made.

Parameters
----------
*shapes : list(int)
    One or more shapes, each a tuple or list of ints.

Returns
-------
tuple(int)
    The broadcast shape.

Raises
------
ValueError
    When no shape is given, the shapes do not broadcast, or a shape after the first is not a
    tuple or list of ints.
RuntimeError
    When the first shape is not a sequence of ints.

Examples
--------
>>> mx.broadcast_shapes((1, 3), (2, 1))
(2, 3)
>>> mx.broadcast_shapes((5, 1, 4), (3, 1), (4,))
(5, 3, 4)
""",
# ---- joining and splitting ---------------------------------------------------------------------
"concatenate": """Join arrays along an existing axis.

The arrays must have the same number of dimensions and the same sizes on every other axis; the
result has their promoted dtype.

Parameters
----------
arrays : list(array)
    The arrays to join (at least one).
axis : int, optional
    The axis to join along; ``None`` flattens every array first. Default: ``0``.
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default device.

Returns
-------
array
    The joined array.

Raises
------
ValueError
    When ``arrays`` is empty or the shapes do not match.
IndexError
    When ``axis`` is out of range.
TypeError
    When an element of ``arrays`` is not an array.

Examples
--------
>>> mx.concatenate([mx.array([1, 2]), mx.array([3])])
array([1, 2, 3], dtype=int32)
>>> mx.concatenate([mx.array([[1, 2]]), mx.array([[3, 4]])], axis=1)
array([[1, 2, 3, 4]], dtype=int32)
>>> mx.concatenate([mx.array([[1, 2]]), mx.array([3.5])], axis=None)
array([1, 2, 3.5], dtype=float32)
""",

"concat": """Join arrays along an existing axis; another name for :func:`concatenate`.

Parameters
----------
arrays : list(array)
    The arrays to join (at least one).
axis : int, optional
    The axis to join along; ``None`` flattens every array first. Default: ``0``.
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default device.

Returns
-------
array
    The joined array, with the promoted dtype of the inputs.

Raises
------
ValueError
    When ``arrays`` is empty or the shapes do not match.
IndexError
    When ``axis`` is out of range.
TypeError
    When an element of ``arrays`` is not an array.

Examples
--------
>>> mx.concat([mx.array([[1], [2]]), mx.array([[3], [4]])], axis=1)
array([[1, 3],
       [2, 4]], dtype=int32)
""",

"stack": """Join arrays of the same shape along a new axis.

Parameters
----------
arrays : list(array)
    The arrays to stack (at least one), all of one shape.
axis : int, optional
    The position of the new axis in the result (``None`` means 0). Default: ``0``.
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default device.

Returns
-------
array
    An array with one more dimension than the inputs, of their promoted dtype.

Raises
------
ValueError
    When ``arrays`` is empty or the shapes differ.
IndexError
    When ``axis`` is out of range for the result.
TypeError
    When an element of ``arrays`` is not an array.

Examples
--------
>>> a, b = mx.array([1, 2]), mx.array([3, 4])
>>> mx.stack([a, b])
array([[1, 2],
       [3, 4]], dtype=int32)
>>> mx.stack([a, b], axis=1)
array([[1, 3],
       [2, 4]], dtype=int32)
""",

"unstack": """Split an array into its slices along an axis, removing that axis.

The inverse of :func:`stack`.

Parameters
----------
x : array
    The input array.
axis : int, optional
    The axis to split along. Keyword only. Default: ``0``.
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default device.

Returns
-------
tuple(array, ...)
    ``x.shape[axis]`` arrays, each without ``axis``.

Raises
------
IndexError
    When ``axis`` is out of range (a 0-d array has none).
TypeError
    When ``x`` is not an array.

Examples
--------
>>> a = mx.array([[1, 2], [3, 4]])
>>> mx.unstack(a)
(array([1, 2], dtype=int32), array([3, 4], dtype=int32))
>>> mx.unstack(a, axis=1)
(array([1, 3], dtype=int32), array([2, 4], dtype=int32))
""",

"split": """Split an array along an axis into several arrays.

Parameters
----------
a : array
    The input array.
indices_or_sections : int or list(int)
    An int ``n`` splits into ``n`` equal parts (the axis size must be divisible by ``n``). A
    list of indices splits before each index: ``[1, 4]`` gives ``a[:1]``, ``a[1:4]``, ``a[4:]``
    along the axis.
axis : int, optional
    The axis to split along. Default: ``0``.
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default device.

Returns
-------
list(array)
    The parts.

Raises
------
ValueError
    When the axis does not divide into ``n`` equal parts, or ``n`` is not positive.
IndexError
    When ``axis`` is out of range.
TypeError
    When ``a`` is not an array.

Examples
--------
>>> a = mx.arange(6)
>>> mx.split(a, 3)
[array([0, 1], dtype=int32), array([2, 3], dtype=int32), array([4, 5], dtype=int32)]
>>> mx.split(a, [1, 4])
[array([0], dtype=int32), array([1, 2, 3], dtype=int32), array([4, 5], dtype=int32)]
""",

"tile": """Repeat a whole array a number of times along each axis.

Parameters
----------
a : array
    The input array.
reps : int or list(int)
    Repetitions per axis, aligned to the last axes. When ``reps`` is longer than ``a.ndim``,
    ``a`` gets leading axes of size 1; when shorter, the leading axes are repeated once.
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default device.

Returns
-------
array
    The tiled array.

Raises
------
ValueError
    When a repetition count is negative.
TypeError
    When ``a`` is not an array.

Examples
--------
>>> a = mx.array([1, 2])
>>> mx.tile(a, 2)
array([1, 2, 1, 2], dtype=int32)
>>> mx.tile(a, (2, 1))
array([[1, 2],
       [1, 2]], dtype=int32)

Notes
-----
A result too large to allocate raises ``MemoryError`` in mlxcy when the op is called (the
reference crashes when it is evaluated).
""",

"repeat": """Repeat each element of an array a number of times.

Parameters
----------
array : array
    The input array.
repeats : int
    How many times each element is repeated (0 or more).
axis : int, optional
    The axis to repeat along. Default: ``None``, the flattened array.
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default device.

Returns
-------
array
    The array with the size along ``axis`` multiplied by ``repeats`` (1-D when ``axis`` is None).

Raises
------
ValueError
    When ``repeats`` is negative.
IndexError
    When ``axis`` is out of range.
TypeError
    When ``array`` is not an array or ``repeats`` is not an int.

Examples
--------
>>> mx.repeat(mx.array([1, 2]), 2)
array([1, 1, 2, 2], dtype=int32)
>>> mx.repeat(mx.array([[1, 2], [3, 4]]), 2, axis=0)
array([[1, 2],
       [1, 2],
       [3, 4],
       [3, 4]], dtype=int32)
""",

"pad": """Pad an array on the edges of each axis.

Parameters
----------
a : array
    The input array.
pad_width : int or tuple(int) or tuple(int, int) or list(tuple(int, int))
    How many elements to add before and after each axis: ``n`` or ``(n,)`` adds ``n`` on both
    sides of every axis, ``(low, high)`` adds ``low`` before and ``high`` after every axis, and a
    list of ``(low, high)`` pairs gives one pair per axis. Every width must be 0 or more.
mode : str, optional
    ``"constant"`` fills with ``constant_values``; ``"edge"`` repeats the edge element;
    ``"reflect"`` mirrors the array without repeating the edge element; ``"symmetric"``
    mirrors it including the edge element. Default: ``"constant"``.
constant_values : scalar or array, optional
    The fill value of ``"constant"`` mode, cast to the dtype of ``a``. Default: ``0``.
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default device.

Returns
-------
array
    The padded array, with the dtype of ``a``.

Raises
------
ValueError
    When a width is negative, the number of pairs does not match ``a.ndim``, or ``mode`` is
    unknown.
TypeError
    When ``a`` is not an array or ``pad_width`` has another form.

Examples
--------
>>> a = mx.array([1, 2])
>>> mx.pad(a, 1)
array([0, 1, 2, 0], dtype=int32)
>>> mx.pad(a, (1, 2), constant_values=9)
array([9, 1, 2, 9, 9], dtype=int32)
>>> mx.pad(mx.array([1, 2, 3]), 1, mode="reflect")
array([2, 1, 2, 3, 2], dtype=int32)
>>> mx.pad(mx.array([[1, 2]]), [(0, 1), (1, 0)])
array([[0, 1, 2],
       [0, 0, 0]], dtype=int32)

Notes
-----
An empty ``constant_values`` array raises ``ValueError`` in mlxcy (the reference pads with
whatever memory lies outside it).
""",

"roll": """Shift the elements of an array along axes, wrapping around at the end.

Parameters
----------
a : array
    The input array.
shift : int or tuple(int)
    How many places to shift (negative shifts towards the start).
axis : int or tuple(int), optional
    The axes to shift along. Default: ``None``, the flattened array (the shape is restored).
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default device.

Returns
-------
array
    The rolled array, with the shape and dtype of ``a``.

Raises
------
ValueError
    When ``shift`` and ``axis`` are both sequences and ``shift`` has fewer entries.
IndexError
    When an axis is out of range.
TypeError
    When ``a`` is not an array.

Examples
--------
>>> mx.roll(mx.array([1, 2, 3, 4]), 1)
array([4, 1, 2, 3], dtype=int32)
>>> a = mx.array([[1, 2], [3, 4]])
>>> mx.roll(a, 1, axis=1)
array([[2, 1],
       [4, 3]], dtype=int32)
>>> mx.roll(a, 1, axis=(0, 1))
array([[4, 3],
       [2, 1]], dtype=int32)

Notes
-----
One int ``shift`` applies to every axis in ``axis``; with sequences for both, ``shift[i]``
applies to ``axis[i]``; several shifts for one axis (or for the flattened array) add up.
""",

"flip": """Reverse the order of the elements along axes.

Parameters
----------
a : array
    The input array.
axis : int or list(int), optional
    The axes to reverse. Default: ``None``, every axis.
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default device.

Returns
-------
array
    The flipped array, with the shape and dtype of ``a``.

Raises
------
IndexError
    When an axis is out of range.
TypeError
    When ``a`` is not an array.

Examples
--------
>>> a = mx.array([[1, 2], [3, 4]])
>>> mx.flip(a)
array([[4, 3],
       [2, 1]], dtype=int32)
>>> mx.flip(a, axis=1)
array([[2, 1],
       [4, 3]], dtype=int32)
""",

"diag": """Take a diagonal of a 2-D array, or build a 2-D array from a 1-D diagonal.

Parameters
----------
a : array
    A 2-D array to take a diagonal from, or a 1-D array to place on one.
k : int, optional
    The diagonal: 0 the main one, positive above it, negative below it. Default: ``0``.
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default device.

Returns
-------
array
    For 2-D input, the 1-D diagonal; for 1-D input of size ``n``, a square array of size
    ``n + abs(k)`` with zeros off the diagonal.

Raises
------
ValueError
    When ``a`` is neither 1-D nor 2-D.
TypeError
    When ``a`` is not an array.

Examples
--------
>>> mx.diag(mx.array([[1, 2], [3, 4]]))
array([1, 4], dtype=int32)
>>> mx.diag(mx.array([1, 2]), k=-1)
array([[0, 0, 0],
       [1, 0, 0],
       [0, 2, 0]], dtype=int32)
""",

"diagonal": """Take a diagonal of the 2-D slices of an array.

Parameters
----------
a : array
    The input array, with at least 2 dimensions.
offset : int, optional
    The diagonal: 0 the main one, positive above it, negative below it. Default: ``0``.
axis1 : int, optional
    The first axis of the 2-D slices (the rows). Default: ``0``.
axis2 : int, optional
    The second axis of the 2-D slices (the columns). Default: ``1``.
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default device.

Returns
-------
array
    The diagonals: ``a`` without ``axis1`` and ``axis2``, with the diagonal as a new last axis
    (empty when ``offset`` is beyond the slices).

Raises
------
ValueError
    When ``a`` has fewer than 2 dimensions or ``axis1`` and ``axis2`` are the same axis.
TypeError
    When ``a`` is not an array.

Examples
--------
>>> a = mx.array([[1, 2], [3, 4]])
>>> mx.diagonal(a)
array([1, 4], dtype=int32)
>>> mx.diagonal(a, offset=1)
array([2], dtype=int32)
>>> mx.diagonal(mx.zeros((4, 2, 3)), axis1=1, axis2=2).shape
(4, 2)
""",

"atleast_1d": """Give arrays at least one dimension.

A 0-d array becomes shape ``(1,)``; other arrays are returned as they are.

Parameters
----------
*arys : array
    The arrays.
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default device.

Returns
-------
array or list(array)
    One array for one argument, else a list (empty for none).

Raises
------
RuntimeError
    When an argument is not an array.

Examples
--------
>>> mx.atleast_1d(mx.array(1))
array([1], dtype=int32)
>>> mx.atleast_1d(mx.array(1), mx.array([2, 3]))
[array([1], dtype=int32), array([2, 3], dtype=int32)]
""",

"atleast_2d": """Give arrays at least two dimensions.

A 0-d array becomes shape ``(1, 1)`` and a 1-D array of size ``n`` shape ``(1, n)``; arrays with
2 or more dimensions are returned as they are.

Parameters
----------
*arys : array
    The arrays.
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default device.

Returns
-------
array or list(array)
    One array for one argument, else a list (empty for none).

Raises
------
RuntimeError
    When an argument is not an array.

Examples
--------
>>> mx.atleast_2d(mx.array([1, 2]))
array([[1, 2]], dtype=int32)
>>> [x.shape for x in mx.atleast_2d(mx.array(1), mx.zeros((2, 3, 4)))]
[(1, 1), (2, 3, 4)]
""",

"atleast_3d": """Give arrays at least three dimensions.

A 0-d array becomes shape ``(1, 1, 1)``, a 1-D array of size ``n`` shape ``(1, n, 1)`` and a
2-D array of shape ``(m, n)`` shape ``(m, n, 1)``; others are returned as they are.

Parameters
----------
*arys : array
    The arrays.
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default device.

Returns
-------
array or list(array)
    One array for one argument, else a list (empty for none).

Raises
------
RuntimeError
    When an argument is not an array.

Examples
--------
>>> mx.atleast_3d(mx.array([1, 2])).shape
(1, 2, 1)
>>> [x.shape for x in mx.atleast_3d(mx.array(1), mx.zeros((2, 3)))]
[(1, 1, 1), (2, 3, 1)]
""",
# ---- views and memory --------------------------------------------------------------------------
"as_strided": """A view of an array's memory with a given shape and strides.

Element ``(i0, i1, ...)`` of the result is the element at flat position
``offset + i0 * strides[0] + i1 * strides[1] + ...`` of ``a``'s row-major data. This allows
overlapping windows without copying, but nothing checks that the positions stay inside ``a``:
positions beyond it read unrelated memory.

Parameters
----------
a : array
    The input array.
shape : list(int), optional
    The shape of the view. Default: ``None``, the shape of ``a``.
strides : list(int), optional
    The step between elements along each axis, counted in elements (not bytes). Default:
    ``None``, the row-major strides of ``shape``.
offset : int, optional
    The flat position of the first element (0 or more). Default: ``0``.
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default device.

Returns
-------
array
    The view, with the dtype of ``a``.

Raises
------
TypeError
    When ``a`` is not an array, ``offset`` is negative, or ``shape`` is not a sequence of ints.

Examples
--------
>>> a = mx.arange(6)
>>> mx.as_strided(a, (3, 2), (2, 1))
array([[0, 1],
       [2, 3],
       [4, 5]], dtype=int32)
>>> mx.as_strided(a, (2, 2), (1, 1), offset=2)
array([[2, 3],
       [3, 4]], dtype=int32)
""",

"view": """Reinterpret the bytes of an array as another dtype.

No value is converted: the bits are read as ``dtype``. When the item sizes differ, the last axis
is resized so that the total number of bytes is unchanged.

Parameters
----------
a : scalar or array
    The input array (or Python scalar).
dtype : Dtype
    The dtype to read the bytes as.
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default device.

Returns
-------
array
    The reinterpreted array.

Raises
------
ValueError
    When ``a`` is 0-d and the item sizes differ, when the byte size of the last axis is not a
    multiple of the new item size, or ``a`` is a list or tuple.

Examples
--------
>>> mx.view(mx.array([1.0, 2.0]), mx.uint32)
array([1065353216, 1073741824], dtype=uint32)
>>> mx.view(mx.array([1, 2], mx.int32), mx.uint8).shape
(8,)

Notes
-----
mlxcy also accepts ``stream`` positionally, as the published signature lists it (the reference
raises ``TypeError``).
""",

"contiguous": """A copy of an array with row-contiguous memory, unless it already has it.

Useful before handing an array's memory to code that expects a dense row-major layout; the
values are unchanged.

Parameters
----------
a : array
    The input array.
allow_col_major : bool, optional
    Also accept a column-contiguous (Fortran-order) array as it is. Default: ``False``.
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default device.

Returns
-------
array
    An array equal to ``a`` whose memory is contiguous.

Raises
------
TypeError
    When ``a`` is not an array.

Examples
--------
>>> t = mx.array([[1, 2], [3, 4]]).T
>>> mx.contiguous(t)
array([[1, 3],
       [2, 4]], dtype=int32)
""",

# ---- indexing ----------------------------------------------------------------------------------
"slice": """A window of an array whose start positions are given by an array.

Unlike Python slicing, the start positions may be the result of a computation (they are read
when the graph is evaluated, also inside :func:`compile`), while the window's size is fixed.

Parameters
----------
a : array
    The input array.
start_indices : array
    Integer array of start positions, one per entry of ``axes``.
axes : list(int)
    The axes the window is taken along; the others are kept whole.
slice_size : list(int)
    The size of the window along every axis of ``a`` (one entry per axis).
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default device.

Returns
-------
array
    The window, of shape ``slice_size``.

Raises
------
ValueError
    When a size is negative or larger than its axis, the number of start positions does not
    match ``axes``, ``start_indices`` is not an integer array, or the window leaves the array.
IndexError
    When an axis is out of range.
TypeError
    When ``a`` or ``start_indices`` is not an array.

Examples
--------
>>> a = mx.arange(12).reshape(3, 4)
>>> mx.slice(a, mx.array([1, 2]), [0, 1], [2, 2])
array([[6, 7],
       [10, 11]], dtype=int32)
>>> f = mx.compile(lambda x, i: mx.slice(x, i, [0], [3]))
>>> f(mx.arange(10), mx.array([2]))
array([2, 3, 4], dtype=int32)

Notes
-----
A window that leaves the array raises ``ValueError`` in mlxcy when the start positions are
known (the reference reads outside the array); start positions still to be computed are not
checked. A negative size is a ``ValueError`` too (the reference returns an empty array).
""",

"slice_update": """A copy of an array with a block written at start positions given by an array.

The counterpart of :func:`slice`: the block ``update`` is written with its first element at
``start_indices`` along ``axes``, and its values are cast to the dtype of ``a``.

Parameters
----------
a : array
    The array to write into (it is not modified).
update : array
    The block to write, with at most ``a.ndim`` dimensions; its shape is aligned to the last axes
    of ``a``. An axis of ``a`` that ``update`` lacks is covered whole (the block repeated along
    it), unless it is in ``axes``, where the block has size 1.
start_indices : array
    Integer array of start positions, one per entry of ``axes``.
axes : list(int)
    The axes the start positions refer to; the block starts at 0 along the others.
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default device.

Returns
-------
array
    The updated copy, with the shape and dtype of ``a``.

Raises
------
ValueError
    When the block does not fit at the start positions, has more dimensions than ``a``, or the
    number of start positions does not match ``axes``.
IndexError
    When an axis is out of range.
TypeError
    When ``a``, ``update`` or ``start_indices`` is not an array.

Examples
--------
>>> mx.slice_update(mx.zeros(5), mx.array([1.0, 2.0]), mx.array([1]), [0])
array([0, 1, 2, 0, 0], dtype=float32)
>>> mx.slice_update(mx.zeros((2, 3)), mx.array([[7.0]]), mx.array([1, 2]), [0, 1])
array([[0, 0, 0],
       [0, 0, 7]], dtype=float32)
>>> mx.slice_update(mx.zeros((2, 3)), mx.array([7.0]), mx.array([2]), [1])
array([[0, 0, 7],
       [0, 0, 7]], dtype=float32)

Notes
-----
A block that does not fit, or has more dimensions than ``a``, raises ``ValueError`` in mlxcy
when the start positions are known (the reference writes outside the array).
""",

"take": """Elements of an array at given indices along an axis.

Parameters
----------
a : array
    The input array.
indices : int or array
    One index, or an integer array of indices. Negative indices count from the end.
axis : int, optional
    The axis to index. Default: ``None``, the flattened array.
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default device.

Returns
-------
array
    ``a`` with ``axis`` replaced by the shape of ``indices`` (removed for an int). With
    ``axis=None`` the result has the shape of ``indices``.

Raises
------
ValueError
    When an int index is out of range, or ``indices`` is not an integer array.
IndexError
    When ``axis`` is out of range, or an index array whose values are known holds an index out
    of range.
TypeError
    When ``a`` is not an array, or ``indices`` is neither an int nor an array.

Examples
--------
>>> a = mx.array([[1, 2], [3, 4]])
>>> mx.take(a, mx.array([3, 0]))
array([4, 1], dtype=int32)
>>> mx.take(a, 1, axis=1)
array([2, 4], dtype=int32)
>>> mx.take(a, mx.array([[1, 0]]), axis=0).shape
(1, 2, 2)

Notes
-----
In mlxcy a negative int index counts from the end and an out-of-range int is a ``ValueError``
(the reference raises a confusing ``ValueError`` for both); out-of-range values in an index array
built from Python or NumPy data, or already evaluated, raise ``IndexError`` (the reference reads
outside the array).
""",

"take_along_axis": """Elements of an array at indices given for each position along an axis.

``indices`` has the same number of dimensions as ``a``; along ``axis`` it picks elements, and
on every other axis it broadcasts with ``a``. The result of :func:`argsort` or
:func:`argpartition` is a typical ``indices``.

Parameters
----------
a : array
    The input array.
indices : array
    Integer indices, with ``a.ndim`` dimensions (1 when ``axis`` is None).
axis : int, optional
    The axis to pick along; ``None`` uses the flattened array. Default: ``-1``.
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default device.

Returns
-------
array
    The picked elements, with the shape of ``indices`` broadcast against ``a`` on the other
    axes.

Raises
------
ValueError
    When ``indices`` does not have the right number of dimensions or does not broadcast.
IndexError
    When ``axis`` is out of range.
TypeError
    When ``a`` or ``indices`` is not an array.

Examples
--------
>>> a = mx.array([[3, 1], [2, 5]])
>>> mx.take_along_axis(a, mx.argsort(a, axis=1), axis=1)
array([[1, 3],
       [2, 5]], dtype=int32)
>>> mx.take_along_axis(a, mx.array([[1], [0]]), axis=1)
array([[1],
       [2]], dtype=int32)
""",

"put_along_axis": """A copy of an array with values written at indices given along an axis.

The counterpart of :func:`take_along_axis`: ``indices`` and ``values`` broadcast with ``a`` on
the other axes, and the values are cast to the dtype of ``a``.

Parameters
----------
a : array
    The array to write into (it is not modified).
indices : array
    Integer indices, with ``a.ndim`` dimensions (1 when ``axis`` is None).
values : array
    The values to write, broadcast together with ``indices``.
axis : int, optional
    The axis the indices refer to; ``None`` uses the flattened array (the shape of ``a`` is
    kept). Default: ``None``.
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default device.

Returns
-------
array
    The updated copy, with the shape and dtype of ``a``.

Raises
------
ValueError
    When ``indices`` does not have the right number of dimensions or does not broadcast.
IndexError
    When ``axis`` is out of range.
TypeError
    When ``a``, ``indices`` or ``values`` is not an array.

Examples
--------
>>> a = mx.zeros((2, 3), mx.int32)
>>> mx.put_along_axis(a, mx.array([[1], [2]]), mx.array([[7], [8]]), axis=1)
array([[0, 7, 0],
       [0, 0, 8]], dtype=int32)
>>> mx.put_along_axis(mx.zeros((2, 2)), mx.array([3]), mx.array([5.0]))
array([[0, 0],
       [0, 5]], dtype=float32)
""",
}
