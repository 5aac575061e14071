"""Docstrings of the methods and properties of mlxcy.array. See README.md."""

DOCS = {
    "array.shape": """
The size of each axis.

Returns
-------
tuple(int)
    One size per axis; ``()`` for a 0-d array.

Examples
--------
>>> mx.zeros((2, 3)).shape
(2, 3)
>>> mx.array(5).shape
()
""",
    "array.dtype": """
The type of the array's elements.

Returns
-------
Dtype

Examples
--------
>>> mx.array([1, 2]).dtype
mlx.core.int32
>>> mx.array([1.5]).dtype
mlx.core.float32
""",
    "array.ndim": """
The number of axes.

Returns
-------
int
    ``len(a.shape)``; 0 for a scalar array.

Examples
--------
>>> mx.zeros((2, 3)).ndim
2
>>> mx.array(5).ndim
0
""",
    "array.size": """
The number of elements.

Returns
-------
int
    The product of the sizes of the axes (1 for a 0-d array).

Examples
--------
>>> mx.zeros((2, 3)).size
6
>>> mx.array(5).size
1
""",
    "array.itemsize": """
The size of one element, in bytes.

Returns
-------
int
    ``a.dtype.size``.

Examples
--------
>>> mx.array([1, 2]).itemsize
4
>>> mx.array([1, 2], mx.int64).itemsize
8
""",
    "array.nbytes": """
The number of bytes the elements take.

Returns
-------
int
    ``a.size * a.itemsize``.

Examples
--------
>>> mx.zeros((2, 3)).nbytes
24
>>> mx.array([1, 2], mx.int8).nbytes
2
""",
    "array.T": """
The array with its axes in reverse order.

Same as ``a.transpose()``: a 2-D array is transposed; 0-d and 1-D arrays are unchanged.

Returns
-------
array

Examples
--------
>>> mx.array([[1, 2], [3, 4]]).T
array([[1, 3],
       [2, 4]], dtype=int32)
>>> mx.zeros((2, 3, 4)).T.shape
(4, 3, 2)
""",
    "array.mT": """
The array with its last two axes swapped: a transpose of each matrix in a stack.

Returns
-------
array
    Of shape ``(..., n, m)`` for an array of shape ``(..., m, n)``.

Raises
------
ValueError
    When the array has fewer than two dimensions.

Examples
--------
>>> mx.array([[1, 2], [3, 4]]).mT
array([[1, 3],
       [2, 4]], dtype=int32)
>>> mx.zeros((5, 2, 3)).mT.shape
(5, 3, 2)
""",
    "array.real": """
The real part of the elements.

Same as ``mx.real(a)``.

Returns
-------
array
    ``float32`` for a ``complex64`` array; the array's values, in its dtype, otherwise.

Examples
--------
>>> mx.array([1 + 2j, 3]).real
array([1, 3], dtype=float32)
>>> mx.array([1, 2]).real
array([1, 2], dtype=int32)
""",
    "array.imag": """
The imaginary part of the elements.

Same as ``mx.imag(a)``.

Returns
-------
array
    ``float32`` for a ``complex64`` array; zeros of the array's dtype otherwise.

Examples
--------
>>> mx.array([1 + 2j, 3]).imag
array([2, 0], dtype=float32)
>>> mx.array([1.5, 2.0]).imag
array([0, 0], dtype=float32)
""",
    "array.at": """
Updates at an index that accumulate over repeated indices: ``a.at[idx].add(v)``.

``a.at[idx]`` has the methods ``add``, ``subtract``, ``multiply``, ``divide``, ``maximum`` and
``minimum``, each returning a new array (``a`` is not changed). Unlike ``a[idx] += v``, where
an index repeated in ``idx`` gets one of its updates, every update counts.

Returns
-------
ArrayAt

Examples
--------
>>> a = mx.array([1, 2, 3])
>>> a.at[mx.array([0, 0])].add(1)
array([3, 2, 3], dtype=int32)
>>> b = mx.array([1, 2, 3])
>>> b[mx.array([0, 0])] += 1
>>> b
array([2, 2, 3], dtype=int32)
""",
    "array.item": """
The single element of the array as a Python scalar.

Evaluates the array. Booleans become ``bool``, integers ``int``, floating types ``float`` and
``complex64`` ``complex``.

Returns
-------
bool, int, float or complex

Raises
------
ValueError
    When the array does not have exactly one element (any number of axes of size 1 is fine).

Examples
--------
>>> mx.array(1.5).item()
1.5
>>> mx.array([[7]]).item()
7
>>> (mx.array([1, 2]) == 2).any().item()
True
""",
    "array.tolist": """
The array as nested Python lists.

Evaluates the array. The elements become Python scalars as in :meth:`item`; a 0-d array gives a
scalar, not a list.

Returns
-------
list or scalar

Examples
--------
>>> mx.array([[1, 2], [3, 4]]).tolist()
[[1, 2], [3, 4]]
>>> mx.array([0.5, 1.5], mx.float16).tolist()
[0.5, 1.5]
>>> mx.array(5).tolist()
5
""",
    "array.astype": """
A copy of the array with its elements converted to ``dtype``.

Same as ``mx.astype(a, dtype)``. Floats become integers by truncation toward zero.

Parameters
----------
dtype : Dtype
    The element type of the result.
stream : Stream or Device, optional
    Where to schedule the computation (may be passed by position). Default: ``None``, the
    default stream of the default device.

Returns
-------
array
    Of ``a``'s shape, with elements of type ``dtype``.

Raises
------
TypeError
    When ``dtype`` is not a :class:`Dtype` (a string is refused).

Examples
--------
>>> mx.array([1, 2]).astype(mx.float16)
array([1, 2], dtype=float16)
>>> mx.array([1.75, -1.75]).astype(mx.int32)
array([1, -1], dtype=int32)
""",
    "array.view": """
The same bytes read as elements of another dtype.

Same as ``mx.view(a, dtype)``. When the sizes of the two dtypes differ, the last axis grows or
shrinks by their ratio.

Parameters
----------
dtype : Dtype
    The dtype to read the bytes as.
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default
    device.

Returns
-------
array

Raises
------
ValueError
    When viewing as a larger dtype and the last axis's size in bytes is not a multiple of its
    size, or when ``a`` is 0-d and the two sizes differ.
TypeError
    When ``dtype`` is not a :class:`Dtype`.

Examples
--------
>>> mx.array([1.0], mx.float32).view(mx.int32)
array([1065353216], dtype=int32)
>>> mx.array([1, 2], mx.int32).view(mx.uint8).shape
(8,)
""",
    "array.all": """
Whether every element is true (non-zero), over ``axis``.

Same as ``mx.all(a, axis, keepdims)``.

Parameters
----------
axis : int or list(int), optional
    Axis or axes to reduce over. Default: ``None``, every axis.
keepdims : bool, optional
    Keep the reduced axes as axes of size 1. Default: ``False``.
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default
    device.

Returns
-------
array
    ``bool``; an empty reduction is ``True``.

Raises
------
IndexError
    When an axis is out of range.
TypeError
    When ``keepdims`` is not a bool.

Examples
--------
>>> a = mx.array([[True, False], [True, True]])
>>> a.all()
array(False, dtype=bool)
>>> a.all(axis=1)
array([False, True], dtype=bool)
""",
    "array.any": """
Whether any element is true (non-zero), over ``axis``.

Same as ``mx.any(a, axis, keepdims)``.

Parameters
----------
axis : int or list(int), optional
    Axis or axes to reduce over. Default: ``None``, every axis.
keepdims : bool, optional
    Keep the reduced axes as axes of size 1. Default: ``False``.
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default
    device.

Returns
-------
array
    ``bool``; an empty reduction is ``False``.

Raises
------
IndexError
    When an axis is out of range.
TypeError
    When ``keepdims`` is not a bool.

Examples
--------
>>> a = mx.array([[0, 0], [0, 1]])
>>> a.any()
array(True, dtype=bool)
>>> a.any(axis=1)
array([False, True], dtype=bool)
""",
    "array.sum": """
The sum of the elements over ``axis``.

Same as ``mx.sum(a, axis, keepdims)``.

Parameters
----------
axis : int or list(int), optional
    Axis or axes to reduce over. Default: ``None``, every axis.
keepdims : bool, optional
    Keep the reduced axes as axes of size 1. Default: ``False``.
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default
    device.

Returns
-------
array
    The sums. Bool and integer types narrower than 32 bits sum in ``int32`` (``uint32`` for unsigned ones).

Raises
------
IndexError
    When an axis is out of range.
TypeError
    When ``keepdims`` is not a bool.

Examples
--------
>>> a = mx.array([[1, 2], [3, 4]])
>>> a.sum()
array(10, dtype=int32)
>>> a.sum(axis=0)
array([4, 6], dtype=int32)
>>> a.sum(axis=1, keepdims=True)
array([[3],
       [7]], dtype=int32)
""",
    "array.prod": """
The product of the elements over ``axis``.

Same as ``mx.prod(a, axis, keepdims)``.

Parameters
----------
axis : int or list(int), optional
    Axis or axes to reduce over. Default: ``None``, every axis.
keepdims : bool, optional
    Keep the reduced axes as axes of size 1. Default: ``False``.
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default
    device.

Returns
-------
array
    The products. Bool and integer types narrower than 32 bits multiply in ``int32`` (``uint32`` for unsigned ones).

Raises
------
IndexError
    When an axis is out of range.
TypeError
    When ``keepdims`` is not a bool.

Examples
--------
>>> a = mx.array([[1, 2], [3, 4]])
>>> a.prod()
array(24, dtype=int32)
>>> a.prod(axis=0)
array([3, 8], dtype=int32)
""",
    "array.max": """
The largest element over ``axis``.

Same as ``mx.max(a, axis, keepdims)``.

Parameters
----------
axis : int or list(int), optional
    Axis or axes to reduce over. Default: ``None``, every axis.
keepdims : bool, optional
    Keep the reduced axes as axes of size 1. Default: ``False``.
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default
    device.

Returns
-------
array
    The maxima, in ``a``'s dtype.

Raises
------
IndexError
    When an axis is out of range.
TypeError
    When ``keepdims`` is not a bool.
ValueError
    When a reduced axis has size 0.

Examples
--------
>>> a = mx.array([[5, 1], [2, 8]])
>>> a.max()
array(8, dtype=int32)
>>> a.max(axis=0)
array([5, 8], dtype=int32)
""",
    "array.min": """
The smallest element over ``axis``.

Same as ``mx.min(a, axis, keepdims)``.

Parameters
----------
axis : int or list(int), optional
    Axis or axes to reduce over. Default: ``None``, every axis.
keepdims : bool, optional
    Keep the reduced axes as axes of size 1. Default: ``False``.
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default
    device.

Returns
-------
array
    The minima, in ``a``'s dtype.

Raises
------
IndexError
    When an axis is out of range.
TypeError
    When ``keepdims`` is not a bool.
ValueError
    When a reduced axis has size 0.

Examples
--------
>>> a = mx.array([[5, 1], [2, 8]])
>>> a.min()
array(1, dtype=int32)
>>> a.min(axis=0, keepdims=True)
array([[2, 1]], dtype=int32)
""",
    "array.mean": """
The mean of the elements over ``axis``.

Same as ``mx.mean(a, axis, keepdims)``.

Parameters
----------
axis : int or list(int), optional
    Axis or axes to reduce over. Default: ``None``, every axis.
keepdims : bool, optional
    Keep the reduced axes as axes of size 1. Default: ``False``.
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default
    device.

Returns
-------
array
    The means; ``float32`` for bool and integer arrays, ``a``'s dtype for floating ones.

Raises
------
IndexError
    When an axis is out of range.
TypeError
    When ``keepdims`` is not a bool.

Examples
--------
>>> a = mx.array([[1, 2], [3, 4]])
>>> a.mean()
array(2.5, dtype=float32)
>>> a.mean(axis=1)
array([1.5, 3.5], dtype=float32)
""",
    "array.logsumexp": """
``log(sum(exp(a)))`` over ``axis``, computed without overflow.

Same as ``mx.logsumexp(a, axis, keepdims)``.

Parameters
----------
axis : int or list(int), optional
    Axis or axes to reduce over. Default: ``None``, every axis.
keepdims : bool, optional
    Keep the reduced axes as axes of size 1. Default: ``False``.
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default
    device.

Returns
-------
array
    The results; ``float32`` for bool and integer arrays.

Raises
------
IndexError
    When an axis is out of range.
TypeError
    When ``keepdims`` is not a bool.

Examples
--------
>>> a = mx.array([0.0, 0.0])
>>> print(f"{a.logsumexp().item():.4f}")  # log(2)
0.6931
>>> mx.array([[1000.0, 1000.0]]).logsumexp(axis=1, keepdims=True).shape
(1, 1)
""",
    "array.argmax": """
The index of the largest element along ``axis``.

Same as ``mx.argmax(a, axis, keepdims)``. Of equal elements, the first wins.

Parameters
----------
axis : int, optional
    The axis to search along. Default: ``None``, the flattened array.
keepdims : bool, optional
    Keep the reduced axes as axes of size 1. Default: ``False``.
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default
    device.

Returns
-------
array
    ``uint32`` indices.

Raises
------
IndexError
    When ``axis`` is out of range.
TypeError
    When ``keepdims`` is not a bool.

Examples
--------
>>> mx.array([3, 9, 1]).argmax()
array(1, dtype=uint32)
>>> mx.array([[1, 5], [7, 2]]).argmax(axis=1)
array([1, 0], dtype=uint32)
""",
    "array.argmin": """
The index of the smallest element along ``axis``.

Same as ``mx.argmin(a, axis, keepdims)``. Of equal elements, the first wins.

Parameters
----------
axis : int, optional
    The axis to search along. Default: ``None``, the flattened array.
keepdims : bool, optional
    Keep the reduced axes as axes of size 1. Default: ``False``.
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default
    device.

Returns
-------
array
    ``uint32`` indices.

Raises
------
IndexError
    When ``axis`` is out of range.
TypeError
    When ``keepdims`` is not a bool.

Examples
--------
>>> mx.array([3, 9, 1]).argmin()
array(2, dtype=uint32)
>>> mx.array([[1, 5], [7, 2]]).argmin(axis=1)
array([0, 1], dtype=uint32)
""",
    "array.var": """
The variance of the elements over ``axis``.

Same as ``mx.var(a, axis, keepdims, ddof)``. The sum of squared deviations from the mean is
divided by ``N - ddof``, ``N`` being the number of elements reduced.

Parameters
----------
axis : int or list(int), optional
    Axis or axes to reduce over. Default: ``None``, every axis.
keepdims : bool, optional
    Keep the reduced axes as axes of size 1. Default: ``False``.
ddof : int, optional
    Delta degrees of freedom (1 gives the unbiased sample variance). Default: ``0``.
correction : int, optional
    The array-API name of ``ddof``; when given, it is used instead of ``ddof``. Default:
    ``None``.
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default
    device.

Returns
-------
array
    ``float32`` for bool and integer arrays, ``a``'s dtype for floating ones. ``N - ddof <= 0``
    gives ``inf`` or ``nan``.

Raises
------
IndexError
    When an axis is out of range.
TypeError
    When ``ddof`` or ``correction`` is not an int, or ``keepdims`` is not a bool.

Examples
--------
>>> a = mx.array([1.0, 2.0, 3.0, 4.0])
>>> a.var()
array(1.25, dtype=float32)
>>> mx.array([1.0, 3.0]).var(ddof=1)
array(2, dtype=float32)
""",
    "array.std": """
The standard deviation of the elements over ``axis``.

Same as ``mx.std(a, axis, keepdims, ddof)``. The sum of squared deviations from the mean is
divided by ``N - ddof``, ``N`` being the number of elements reduced; the standard deviation is the square root of that.

Parameters
----------
axis : int or list(int), optional
    Axis or axes to reduce over. Default: ``None``, every axis.
keepdims : bool, optional
    Keep the reduced axes as axes of size 1. Default: ``False``.
ddof : int, optional
    Delta degrees of freedom (1 gives the unbiased sample variance). Default: ``0``.
correction : int, optional
    The array-API name of ``ddof``; when given, it is used instead of ``ddof``. Default:
    ``None``.
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default
    device.

Returns
-------
array
    ``float32`` for bool and integer arrays, ``a``'s dtype for floating ones. ``N - ddof <= 0``
    gives ``inf`` or ``nan``.

Raises
------
IndexError
    When an axis is out of range.
TypeError
    When ``ddof`` or ``correction`` is not an int, or ``keepdims`` is not a bool.

Examples
--------
>>> mx.array([1.0, 3.0]).std()
array(1, dtype=float32)
>>> mx.array([[1.0, 3.0], [2.0, 6.0]]).std(axis=1)
array([1, 2], dtype=float32)
""",
    "array.cumsum": """
The running sum along ``axis``.

Same as ``mx.cumsum(a, axis, reverse=..., inclusive=...)``.

Parameters
----------
axis : int, optional
    The axis to scan along. Default: ``None``, the flattened array.
reverse : bool, optional
    Scan from the end of the axis toward its start. Default: ``False``.
inclusive : bool, optional
    Include each element in its own result; with ``False`` the first result is the
    operation's identity and the last element is left out. Default: ``True``.
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default
    device.

Returns
-------
array
    The running results, of ``a``'s shape (1-D of ``a.size`` elements when ``axis`` is
    ``None``).

Raises
------
IndexError
    When ``axis`` is out of range.

Examples
--------
>>> mx.array([1, 2, 3]).cumsum()
array([1, 3, 6], dtype=int32)
>>> mx.array([1, 2, 3]).cumsum(reverse=True)
array([6, 5, 3], dtype=int32)
>>> mx.array([1, 2, 3]).cumsum(inclusive=False)
array([0, 1, 3], dtype=int32)
""",
    "array.cumprod": """
The running product along ``axis``.

Same as ``mx.cumprod(a, axis, reverse=..., inclusive=...)``.

Parameters
----------
axis : int, optional
    The axis to scan along. Default: ``None``, the flattened array.
reverse : bool, optional
    Scan from the end of the axis toward its start. Default: ``False``.
inclusive : bool, optional
    Include each element in its own result; with ``False`` the first result is the
    operation's identity and the last element is left out. Default: ``True``.
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default
    device.

Returns
-------
array
    The running results, of ``a``'s shape (1-D of ``a.size`` elements when ``axis`` is
    ``None``).

Raises
------
IndexError
    When ``axis`` is out of range.

Examples
--------
>>> mx.array([1, 2, 3]).cumprod()
array([1, 2, 6], dtype=int32)
>>> mx.array([[1, 2], [3, 4]]).cumprod(axis=0)
array([[1, 2],
       [3, 8]], dtype=int32)
""",
    "array.cummax": """
The running maximum along ``axis``.

Same as ``mx.cummax(a, axis, reverse=..., inclusive=...)``.

Parameters
----------
axis : int, optional
    The axis to scan along. Default: ``None``, the flattened array.
reverse : bool, optional
    Scan from the end of the axis toward its start. Default: ``False``.
inclusive : bool, optional
    Include each element in its own result; with ``False`` the first result is the
    operation's identity and the last element is left out. Default: ``True``.
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default
    device.

Returns
-------
array
    The running results, of ``a``'s shape (1-D of ``a.size`` elements when ``axis`` is
    ``None``).

Raises
------
IndexError
    When ``axis`` is out of range.

Examples
--------
>>> mx.array([1, 3, 2]).cummax()
array([1, 3, 3], dtype=int32)
>>> mx.array([1, 3, 2]).cummax(reverse=True)
array([3, 3, 2], dtype=int32)
""",
    "array.cummin": """
The running minimum along ``axis``.

Same as ``mx.cummin(a, axis, reverse=..., inclusive=...)``.

Parameters
----------
axis : int, optional
    The axis to scan along. Default: ``None``, the flattened array.
reverse : bool, optional
    Scan from the end of the axis toward its start. Default: ``False``.
inclusive : bool, optional
    Include each element in its own result; with ``False`` the first result is the
    operation's identity and the last element is left out. Default: ``True``.
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default
    device.

Returns
-------
array
    The running results, of ``a``'s shape (1-D of ``a.size`` elements when ``axis`` is
    ``None``).

Raises
------
IndexError
    When ``axis`` is out of range.

Examples
--------
>>> mx.array([3, 1, 2]).cummin()
array([3, 1, 1], dtype=int32)
>>> mx.array([[4, 2], [3, 5]]).cummin(axis=1)
array([[4, 2],
       [3, 3]], dtype=int32)
""",
    "array.logcumsumexp": """
The running ``log(sum(exp(a)))`` along ``axis``, computed without overflow.

Same as ``mx.logcumsumexp(a, axis, reverse=..., inclusive=...)``.

Parameters
----------
axis : int, optional
    The axis to scan along. Default: ``None``, the flattened array.
reverse : bool, optional
    Scan from the end of the axis toward its start. Default: ``False``.
inclusive : bool, optional
    Include each element in its own result; with ``False`` the first result is the
    operation's identity and the last element is left out. Default: ``True``.
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default
    device.

Returns
-------
array
    The running results, of ``a``'s shape (1-D of ``a.size`` elements when ``axis`` is
    ``None``).

Raises
------
IndexError
    When ``axis`` is out of range.

Examples
--------
>>> a = mx.array([0.0, 0.0, 0.0, 0.0]).logcumsumexp()
>>> [round(x, 4) for x in a.tolist()]  # log(1), log(2), log(3), log(4)
[0.0, 0.6931, 1.0986, 1.3863]
""",
    "array.abs": """
The absolute value of each element.

Same as ``mx.abs(a)``.

Parameters
----------
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default
    device.

Returns
-------
array
    Of ``a``'s dtype (``float32`` for ``complex64``: the modulus).

Examples
--------
>>> mx.array([-1, 2]).abs()
array([1, 2], dtype=int32)
>>> mx.array([-1.5, 0.5]).abs()
array([1.5, 0.5], dtype=float32)
""",
    "array.conj": """
The complex conjugate of each element.

Same as ``mx.conj(a)``.

Parameters
----------
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default
    device.

Returns
-------
array
    Of ``a``'s dtype; real arrays come back unchanged.

Examples
--------
>>> mx.array([1 + 2j]).conj()
array([1-2j], dtype=complex64)
>>> mx.array([1, 2]).conj()
array([1, 2], dtype=int32)
""",
    "array.cos": """
The cosine of each element (in radians).

Same as ``mx.cos(a)``.

Parameters
----------
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default
    device.

Returns
-------
array
    Of ``a``'s floating dtype; ``float32`` for bool and integer arrays.

Examples
--------
>>> mx.array([0.0]).cos()
array([1], dtype=float32)
""",
    "array.sin": """
The sine of each element (in radians).

Same as ``mx.sin(a)``.

Parameters
----------
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default
    device.

Returns
-------
array
    Of ``a``'s floating dtype; ``float32`` for bool and integer arrays.

Examples
--------
>>> mx.array([0.0]).sin()
array([0], dtype=float32)
>>> mx.array([0, 0]).sin().dtype
mlx.core.float32
""",
    "array.exp": """
``e`` raised to each element.

Same as ``mx.exp(a)``.

Parameters
----------
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default
    device.

Returns
-------
array
    Of ``a``'s floating dtype; ``float32`` for bool and integer arrays.

Examples
--------
>>> mx.array([0.0]).exp()
array([1], dtype=float32)
>>> print(f"{mx.array(1.0).exp().item():.4f}")
2.7183
""",
    "array.log": """
The natural logarithm of each element.

Same as ``mx.log(a)``.

Parameters
----------
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default
    device.

Returns
-------
array
    Of ``a``'s floating dtype; ``float32`` for bool and integer arrays. ``log(0)`` is ``-inf``, negative values give ``nan``.

Examples
--------
>>> mx.array([1.0, 0.0]).log()
array([0, -inf], dtype=float32)
""",
    "array.log2": """
The base-2 logarithm of each element.

Same as ``mx.log2(a)``.

Parameters
----------
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default
    device.

Returns
-------
array
    Of ``a``'s floating dtype; ``float32`` for bool and integer arrays.

Examples
--------
>>> mx.array([1.0, 8.0]).log2()
array([0, 3], dtype=float32)
""",
    "array.log10": """
The base-10 logarithm of each element.

Same as ``mx.log10(a)``.

Parameters
----------
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default
    device.

Returns
-------
array
    Of ``a``'s floating dtype; ``float32`` for bool and integer arrays.

Examples
--------
>>> mx.array([1, 100]).log10()
array([0, 2], dtype=float32)
""",
    "array.log1p": """
``log(1 + x)`` of each element, accurate for small ``x``.

Same as ``mx.log1p(a)``.

Parameters
----------
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default
    device.

Returns
-------
array
    Of ``a``'s floating dtype; ``float32`` for bool and integer arrays.

Examples
--------
>>> mx.array([0.0]).log1p()
array([0], dtype=float32)
""",
    "array.sqrt": """
The square root of each element.

Same as ``mx.sqrt(a)``.

Parameters
----------
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default
    device.

Returns
-------
array
    Of ``a``'s floating dtype; ``float32`` for bool and integer arrays. Negative values give ``nan``.

Examples
--------
>>> mx.array([4.0, 9.0]).sqrt()
array([2, 3], dtype=float32)
""",
    "array.rsqrt": """
The reciprocal square root ``1 / sqrt(x)`` of each element.

Same as ``mx.rsqrt(a)``.

Parameters
----------
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default
    device.

Returns
-------
array
    Of ``a``'s floating dtype; ``float32`` for bool and integer arrays.

Examples
--------
>>> mx.array([4.0, 16.0]).rsqrt()
array([0.5, 0.25], dtype=float32)
""",
    "array.reciprocal": """
The reciprocal ``1 / x`` of each element.

Same as ``mx.reciprocal(a)``.

Parameters
----------
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default
    device.

Returns
-------
array
    Of ``a``'s floating dtype; ``float32`` for bool and integer arrays.

Examples
--------
>>> mx.array([2.0, 4.0]).reciprocal()
array([0.5, 0.25], dtype=float32)
>>> mx.array([1, 2]).reciprocal()
array([1, 0.5], dtype=float32)
""",
    "array.square": """
The square of each element.

Same as ``mx.square(a)``.

Parameters
----------
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default
    device.

Returns
-------
array
    Of ``a``'s dtype (integers stay integers).

Examples
--------
>>> mx.array([2, -3]).square()
array([4, 9], dtype=int32)
""",
    "array.round": """
Each element rounded to ``decimals`` decimal places.

Same as ``mx.round(a, decimals)``. Halves round to the nearest even value (``0.5`` to ``0``,
``1.5`` to ``2``). Integer arrays are unchanged unless ``decimals`` is negative.

Parameters
----------
decimals : int, optional
    The number of decimal places; a negative number rounds to tens, hundreds, ... Default:
    ``0``.
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default
    device.

Returns
-------
array
    Of ``a``'s dtype.

Raises
------
TypeError
    When ``decimals`` is not an int.

Examples
--------
>>> mx.array([0.5, 1.5, 2.25]).round()
array([0, 2, 2], dtype=float32)
>>> mx.array([15, 25, 31]).round(-1)
array([20, 20, 30], dtype=int32)
""",
    "array.reshape": """
The array with a new shape and the same elements in the same (row-major) order.

Same as ``mx.reshape(a, shape)``. The shape may be given as one sequence (``a.reshape((2,
3))``) or as separate ints (``a.reshape(2, 3)``); one size may be ``-1``, to be inferred.

Parameters
----------
*shape : int or sequence of int
    The new shape; its sizes must multiply to ``a.size``.
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default
    device.

Returns
-------
array

Raises
------
ValueError
    When the sizes do not multiply to ``a.size``, or more than one is ``-1``.

Examples
--------
>>> mx.arange(6).reshape(2, 3)
array([[0, 1, 2],
       [3, 4, 5]], dtype=int32)
>>> mx.arange(6).reshape((-1, 2)).shape
(3, 2)
""",
    "array.transpose": """
The array with its axes permuted.

Same as ``mx.transpose(a, axes)``. The axes may be given as one sequence or as separate ints;
with none, the axes are reversed.

Parameters
----------
*axes : int or sequence of int
    A permutation of ``range(a.ndim)`` (negative axes count from the end). Default: none, the
    axes reversed.
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default
    device.

Returns
-------
array
    Whose axis ``i`` is ``a``'s axis ``axes[i]``.

Raises
------
ValueError
    When the axes are not a permutation of the array's axes.

Examples
--------
>>> a = mx.zeros((2, 3, 4))
>>> a.transpose().shape
(4, 3, 2)
>>> a.transpose(1, 0, 2).shape
(3, 2, 4)
>>> a.transpose((2, 0, 1)).shape
(4, 2, 3)

Notes
-----
``a.transpose(None)`` reverses the axes; the reference binding raises ``RuntimeError`` for it.
""",
    "array.swapaxes": """
The array with axes ``axis1`` and ``axis2`` interchanged.

Same as ``mx.swapaxes(a, axis1, axis2)``.

Parameters
----------
axis1 : int
    The first axis.
axis2 : int
    The second axis.
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default
    device.

Returns
-------
array

Raises
------
IndexError
    When an axis is out of range.

Examples
--------
>>> mx.zeros((2, 3, 4)).swapaxes(0, 2).shape
(4, 3, 2)
>>> mx.array([[1, 2]]).swapaxes(0, 1)
array([[1],
       [2]], dtype=int32)
""",
    "array.moveaxis": """
The array with axis ``source`` moved to position ``destination``.

Same as ``mx.moveaxis(a, source, destination)``; the other axes keep their order.

Parameters
----------
source : int
    The axis to move.
destination : int
    Where it ends up.
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default
    device.

Returns
-------
array

Raises
------
IndexError
    When an axis is out of range.

Examples
--------
>>> a = mx.zeros((2, 3, 4))
>>> a.moveaxis(0, -1).shape
(3, 4, 2)
>>> a.moveaxis(-1, 0).shape
(4, 2, 3)
""",
    "array.flatten": """
The axes ``start_axis`` to ``end_axis`` merged into one.

Same as ``mx.flatten(a, start_axis, end_axis)``. With the defaults the result is 1-D; a 0-d
array gives a 1-D array of one element.

Parameters
----------
start_axis : int, optional
    The first axis to merge. Default: ``0``.
end_axis : int, optional
    The last axis to merge (inclusive). Default: ``-1``.
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default
    device.

Returns
-------
array

Raises
------
ValueError
    When ``start_axis`` comes after ``end_axis``.

Examples
--------
>>> a = mx.zeros((2, 3, 4))
>>> a.flatten().shape
(24,)
>>> a.flatten(1).shape
(2, 12)
>>> a.flatten(0, 1).shape
(6, 4)
""",
    "array.squeeze": """
The array without axes of size 1 (all of them, or those in ``axis``).

Same as ``mx.squeeze(a, axis)``.

Parameters
----------
axis : int or sequence of int, optional
    The axes to remove; each must have size 1. Default: ``None``, every axis of size 1.
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default
    device.

Returns
-------
array

Raises
------
ValueError
    When an axis given does not have size 1.

Examples
--------
>>> a = mx.zeros((1, 3, 1))
>>> a.squeeze().shape
(3,)
>>> a.squeeze(0).shape
(3, 1)
""",
    "array.split": """
The array split into several along ``axis``.

Same as ``mx.split(a, indices_or_sections, axis)``.

Parameters
----------
indices_or_sections : int or sequence of int
    An int ``n``: ``n`` parts of equal size (the axis's size must divide by ``n``). A sequence:
    the indices along ``axis`` where each new part starts.
axis : int, optional
    The axis to split along. Default: ``0``.
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default
    device.

Returns
-------
list(array)

Raises
------
ValueError
    When an int ``indices_or_sections`` is not positive or does not divide the axis's size.

Examples
--------
>>> mx.arange(6).split(3)
[array([0, 1], dtype=int32), array([2, 3], dtype=int32), array([4, 5], dtype=int32)]
>>> [p.tolist() for p in mx.arange(6).split([1, 4])]
[[0], [1, 2, 3], [4, 5]]
""",
    "array.diag": """
A diagonal of a 2-D array, or a 2-D array with a 1-D array on a diagonal.

Same as ``mx.diag(a, k)``.

Parameters
----------
k : int, optional
    Which diagonal: 0 the main one, positive above it, negative below. Default: ``0``.
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default
    device.

Returns
-------
array
    For a 2-D ``a``, the 1-D diagonal; for a 1-D ``a`` of ``n`` elements, a square array of
    size ``n + abs(k)`` with ``a`` on diagonal ``k`` and zeros elsewhere.

Raises
------
ValueError
    When ``a`` is not 1-D or 2-D.

Examples
--------
>>> mx.array([[1, 2], [3, 4]]).diag()
array([1, 4], dtype=int32)
>>> mx.array([[1, 2], [3, 4]]).diag(1)
array([2], dtype=int32)
>>> mx.array([1, 2]).diag()
array([[1, 0],
       [0, 2]], dtype=int32)
""",
    "array.diagonal": """
The diagonal at ``offset`` of the planes spanned by ``axis1`` and ``axis2``.

Same as ``mx.diagonal(a, offset, axis1, axis2)``.

Parameters
----------
offset : int, optional
    Which diagonal: 0 the main one, positive above it, negative below. Default: ``0``.
axis1 : int, optional
    The axis of the rows. Default: ``0``.
axis2 : int, optional
    The axis of the columns. Default: ``1``.
stream : Stream or Device, optional
    Where to schedule the computation (may be passed by position). Default: ``None``, the
    default stream of the default device.

Returns
-------
array
    The two axes removed, and the diagonal appended as the last axis.

Raises
------
ValueError
    When ``a`` has fewer than two dimensions, or ``axis1`` and ``axis2`` are the same axis.

Examples
--------
>>> mx.array([[1, 2], [3, 4]]).diagonal()
array([1, 4], dtype=int32)
>>> mx.arange(8).reshape(2, 2, 2).diagonal(0, 1, 2)
array([[0, 3],
       [4, 7]], dtype=int32)
""",
}
