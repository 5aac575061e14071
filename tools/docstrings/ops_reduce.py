"""Docstrings of the reductions, scans, sorting and searching ops (mlxcy/_ops_reduce.pyx).

Format and rules: tools/docstrings/README.md. Check with
``python tools/docstrings/check.py tools/docstrings/ops_reduce.py``.

``cumulative_sum`` and ``cumulative_prod`` are the very function objects ``cumsum`` and ``cumprod``
(in the reference too), so their entries repeat those two word for word.
"""

DOCS = {
"all": """Test whether every element is true (non-zero) over the given axes.

Parameters
----------
a : array
    The input array, of any dtype.
axis : int or list(int), optional
    Axis or axes to reduce over. Default: ``None``, every axis.
keepdims : bool, optional
    Keep the reduced axes as axes of size 1. Default: ``False``.
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default device.

Returns
-------
array
    A bool array. Reducing an empty axis gives ``True``.

Raises
------
IndexError
    When an axis is out of range.
ValueError
    When an axis is given twice.

Examples
--------
>>> a = mx.array([[1, 1], [0, 1]])
>>> mx.all(a)
array(False, dtype=bool)
>>> mx.all(a, axis=0)
array([False, True], dtype=bool)

Notes
-----
mlxcy also accepts a Python scalar, list or NumPy array for ``a`` (the reference raises
``TypeError``).
""",

"any": """Test whether any element is true (non-zero) over the given axes.

Parameters
----------
a : array
    The input array, of any dtype.
axis : int or list(int), optional
    Axis or axes to reduce over. Default: ``None``, every axis.
keepdims : bool, optional
    Keep the reduced axes as axes of size 1. Default: ``False``.
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default device.

Returns
-------
array
    A bool array. Reducing an empty axis gives ``False``.

Raises
------
IndexError
    When an axis is out of range.
ValueError
    When an axis is given twice.

Examples
--------
>>> a = mx.array([[0, 0], [0, 1]])
>>> mx.any(a)
array(True, dtype=bool)
>>> mx.any(a, axis=1, keepdims=True)
array([[False],
       [True]], dtype=bool)

Notes
-----
mlxcy also accepts a Python scalar, list or NumPy array for ``a`` (the reference raises
``TypeError``).
""",

"sum": """Sum of the elements over the given axes.

Bool, int8 and int16 inputs are summed as int32, uint8 and uint16 inputs as uint32; other
dtypes keep their own.

Parameters
----------
a : array
    The input array.
axis : int or list(int), optional
    Axis or axes to reduce over. Default: ``None``, every axis.
keepdims : bool, optional
    Keep the reduced axes as axes of size 1. Default: ``False``.
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default device.

Returns
-------
array
    The sums. An empty axis sums to 0.

Raises
------
IndexError
    When an axis is out of range.
ValueError
    When an axis is given twice.

Examples
--------
>>> a = mx.array([[1, 2], [3, 4]])
>>> mx.sum(a)
array(10, dtype=int32)
>>> mx.sum(a, axis=0)
array([4, 6], dtype=int32)
>>> mx.sum(mx.array([True, True, False]))
array(2, dtype=int32)

Notes
-----
mlxcy also accepts a Python scalar, list or NumPy array for ``a`` (the reference raises
``TypeError``).
""",

"prod": """Product of the elements over the given axes.

Bool, int8 and int16 inputs are multiplied as int32, uint8 and uint16 inputs as uint32; other
dtypes keep their own.

Parameters
----------
a : array
    The input array.
axis : int or list(int), optional
    Axis or axes to reduce over. Default: ``None``, every axis.
keepdims : bool, optional
    Keep the reduced axes as axes of size 1. Default: ``False``.
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default device.

Returns
-------
array
    The products. An empty axis gives 1.

Raises
------
IndexError
    When an axis is out of range.
ValueError
    When an axis is given twice.

Examples
--------
>>> a = mx.array([[1, 2], [3, 4]])
>>> mx.prod(a)
array(24, dtype=int32)
>>> mx.prod(a, axis=1)
array([2, 12], dtype=int32)

Notes
-----
mlxcy also accepts a Python scalar, list or NumPy array for ``a`` (the reference raises
``TypeError``).
""",

"mean": """Arithmetic mean of the elements over the given axes.

Integer and bool inputs give float32; floating inputs keep their dtype.

Parameters
----------
a : array
    The input array.
axis : int or list(int), optional
    Axis or axes to reduce over. Default: ``None``, every axis.
keepdims : bool, optional
    Keep the reduced axes as axes of size 1. Default: ``False``.
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default device.

Returns
-------
array
    The means. The mean over an empty axis is NaN.

Raises
------
IndexError
    When an axis is out of range.
ValueError
    When an axis is given twice.

Examples
--------
>>> a = mx.array([[1, 2], [3, 4]])
>>> mx.mean(a)
array(2.5, dtype=float32)
>>> mx.mean(a, axis=1)
array([1.5, 3.5], dtype=float32)

Notes
-----
mlxcy also accepts a Python scalar, list or NumPy array for ``a`` (the reference raises
``TypeError``).
""",

"var": """Variance of the elements over the given axes.

The mean squared deviation from the mean, with the sum of squares divided by ``N - ddof`` where
``N`` is the number of elements reduced. Integer and bool inputs give float32.

Parameters
----------
a : array
    The input array.
axis : int or list(int), optional
    Axis or axes to reduce over. Default: ``None``, every axis.
keepdims : bool, optional
    Keep the reduced axes as axes of size 1. Default: ``False``.
ddof : int, optional
    Delta degrees of freedom: ``ddof=1`` gives the unbiased sample variance. Default: ``0``.
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default device.

Returns
-------
array
    The variances (``inf`` or NaN where ``N - ddof`` is not positive).

Raises
------
IndexError
    When an axis is out of range.
ValueError
    When an axis is given twice.

Examples
--------
>>> a = mx.array([1, 2, 3, 4])
>>> mx.var(a)
array(1.25, dtype=float32)
>>> mx.var(mx.array([1.0, 3.0]), ddof=1)
array(2, dtype=float32)

Notes
-----
mlxcy also accepts a Python scalar, list or NumPy array for ``a`` (the reference raises
``TypeError``).
""",

"std": """Standard deviation of the elements over the given axes.

The square root of :func:`var` with the same ``ddof``. Integer and bool inputs give float32.

Parameters
----------
a : array
    The input array.
axis : int or list(int), optional
    Axis or axes to reduce over. Default: ``None``, every axis.
keepdims : bool, optional
    Keep the reduced axes as axes of size 1. Default: ``False``.
ddof : int, optional
    Delta degrees of freedom: the sum of squares is divided by ``N - ddof``. Default: ``0``.
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default device.

Returns
-------
array
    The standard deviations.

Raises
------
IndexError
    When an axis is out of range.
ValueError
    When an axis is given twice.

Examples
--------
>>> mx.std(mx.array([1.0, 3.0]))
array(1, dtype=float32)
>>> mx.std(mx.array([[1, 3], [2, 2]]), axis=1)
array([1, 0], dtype=float32)

Notes
-----
mlxcy also accepts a Python scalar, list or NumPy array for ``a`` (the reference raises
``TypeError``).
""",

"median": """Median of the elements over the given axes.

For an even count the result is the mean of the two middle values. Integer and bool inputs give
float32; a NaN in the reduced elements gives NaN.

Parameters
----------
a : array
    The input array.
axis : int or list(int), optional
    Axis or axes to reduce over. Default: ``None``, every axis.
keepdims : bool, optional
    Keep the reduced axes as axes of size 1. Default: ``False``.
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default device.

Returns
-------
array
    The medians.

Raises
------
IndexError
    When an axis is out of range.
ValueError
    When an axis is given twice.

Examples
--------
>>> mx.median(mx.array([3, 1, 2]))
array(2, dtype=float32)
>>> mx.median(mx.array([[1, 2], [3, 5]]), axis=0)
array([2, 3.5], dtype=float32)

Notes
-----
mlxcy also accepts a Python scalar, list or NumPy array for ``a`` (the reference raises
``TypeError``).
""",

"min": """Minimum of the elements over the given axes.

The result keeps the dtype of ``a``; NaN wins over numbers.

Parameters
----------
a : array
    The input array.
axis : int or list(int), optional
    Axis or axes to reduce over. Default: ``None``, every axis.
keepdims : bool, optional
    Keep the reduced axes as axes of size 1. Default: ``False``.
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default device.

Returns
-------
array
    The minima.

Raises
------
IndexError
    When an axis is out of range.
ValueError
    When an axis is given twice, or a reduced axis has size 0.

Examples
--------
>>> a = mx.array([[1, 2], [3, 4]])
>>> mx.min(a)
array(1, dtype=int32)
>>> mx.min(a, axis=1, keepdims=True)
array([[1],
       [3]], dtype=int32)

Notes
-----
mlxcy also accepts a Python scalar, list or NumPy array for ``a`` (the reference raises
``TypeError``).
""",

"max": """Maximum of the elements over the given axes.

The result keeps the dtype of ``a``; NaN wins over numbers.

Parameters
----------
a : array
    The input array.
axis : int or list(int), optional
    Axis or axes to reduce over. Default: ``None``, every axis.
keepdims : bool, optional
    Keep the reduced axes as axes of size 1. Default: ``False``.
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default device.

Returns
-------
array
    The maxima.

Raises
------
IndexError
    When an axis is out of range.
ValueError
    When an axis is given twice, or a reduced axis has size 0.

Examples
--------
>>> a = mx.array([[1, 2], [3, 4]])
>>> mx.max(a)
array(4, dtype=int32)
>>> mx.max(a, axis=0)
array([3, 4], dtype=int32)

Notes
-----
mlxcy also accepts a Python scalar, list or NumPy array for ``a`` (the reference raises
``TypeError``).
""",

"logsumexp": """Logarithm of the sum of exponentials over the given axes.

Computes ``log(sum(exp(a)))`` without overflow by subtracting the maximum first. Integer and
bool inputs give float32.

Parameters
----------
a : array
    The input array.
axis : int or list(int), optional
    Axis or axes to reduce over. Default: ``None``, every axis.
keepdims : bool, optional
    Keep the reduced axes as axes of size 1. Default: ``False``.
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default device.

Returns
-------
array
    The reduced values.

Raises
------
IndexError
    When an axis is out of range.
ValueError
    When an axis is given twice, or ``a`` is empty.

Examples
--------
>>> mx.logsumexp(mx.array([1000.0, 1000.0]))
array(1000.69, dtype=float32)
>>> mx.round(mx.logsumexp(mx.array([0.0, 0.0])), 4)
array(0.6931, dtype=float32)
>>> mx.logsumexp(mx.zeros((2, 3)), axis=1).shape
(2,)

Notes
-----
mlxcy also accepts a Python scalar, list or NumPy array for ``a`` (the reference raises
``TypeError``).
""",

"count_nonzero": """Count the non-zero elements over the given axes.

Parameters
----------
a : array
    The input array, of any dtype.
axis : int or list(int), optional
    Axis or axes to count over. Keyword only. Default: ``None``, every axis.
keepdims : bool, optional
    Keep the reduced axes as axes of size 1. Keyword only. Default: ``False``.
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default device.

Returns
-------
array
    The counts, int32.

Raises
------
IndexError
    When an axis is out of range.
ValueError
    When an axis is given twice.

Examples
--------
>>> a = mx.array([[0, 1], [2, 3]])
>>> mx.count_nonzero(a)
array(3, dtype=int32)
>>> mx.count_nonzero(a, axis=0)
array([1, 2], dtype=int32)

Notes
-----
mlxcy also accepts a Python scalar, list or NumPy array for ``a`` (the reference raises
``TypeError``).
""",

"softmax": """Softmax over the given axes: ``exp(a) / sum(exp(a))``, computed stably.

Integer and bool inputs give float32; floating inputs keep their dtype.

Parameters
----------
a : array
    The input array.
axis : int or list(int), optional
    Axis or axes to normalize over. Default: ``None``, every axis.
precise : bool, optional
    For float16 and bfloat16 inputs, accumulate in float32. Keyword only. Default: ``False``.
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default device.

Returns
-------
array
    An array of the shape of ``a`` whose entries along the given axes sum to 1.

Raises
------
IndexError
    When an axis is out of range.
ValueError
    When an axis is given twice.

Examples
--------
>>> mx.softmax(mx.array([0.0, 0.0]))
array([0.5, 0.5], dtype=float32)
>>> mx.softmax(mx.array([[1.0, 1.0], [5.0, 5.0]]), axis=1)
array([[0.5, 0.5],
       [0.5, 0.5]], dtype=float32)

Notes
-----
mlxcy also accepts a Python scalar, list or NumPy array for ``a`` (the reference raises
``TypeError``).
""",

"minmax": """Minimum and maximum of the elements over the given axes, in one call.

Parameters
----------
a : array
    The input array.
axis : int or list(int), optional
    Axis or axes to reduce over. Default: ``None``, every axis.
keepdims : bool, optional
    Keep the reduced axes as axes of size 1. Default: ``False``.
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default device.

Returns
-------
tuple(array, array)
    ``(min, max)``, each as :func:`min` and :func:`max` would return it.

Raises
------
IndexError
    When an axis is out of range.
ValueError
    When an axis is given twice, or a reduced axis has size 0.

Examples
--------
>>> mx.minmax(mx.array([3, 1, 2]))
(array(1, dtype=int32), array(3, dtype=int32))
>>> lo, hi = mx.minmax(mx.array([[3, 1], [2, 5]]), axis=1)
>>> hi
array([3, 5], dtype=int32)

Notes
-----
mlxcy also accepts a Python scalar, list or NumPy array for ``a`` (the reference raises
``TypeError``).
""",

"argmin": """Indices of the minimum values along an axis.

Where the minimum occurs several times, the first index is returned.

Parameters
----------
a : array
    The input array.
axis : int, optional
    The axis to search along. Default: ``None``, the flattened array.
keepdims : bool, optional
    Keep the reduced axis (every axis when ``axis`` is None) with size 1. Default: ``False``.
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default device.

Returns
-------
array
    The indices, uint32.

Raises
------
TypeError
    When ``axis`` is a sequence.
IndexError
    When ``axis`` is out of range.
ValueError
    When ``a`` is empty.

Examples
--------
>>> a = mx.array([[4, 1], [0, 3]])
>>> mx.argmin(a)
array(2, dtype=uint32)
>>> mx.argmin(a, axis=1)
array([1, 0], dtype=uint32)

Notes
-----
mlxcy also accepts a Python scalar, list or NumPy array for ``a`` (the reference raises
``TypeError``).
""",

"argmax": """Indices of the maximum values along an axis.

Where the maximum occurs several times, the first index is returned.

Parameters
----------
a : array
    The input array.
axis : int, optional
    The axis to search along. Default: ``None``, the flattened array.
keepdims : bool, optional
    Keep the reduced axis (every axis when ``axis`` is None) with size 1. Default: ``False``.
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default device.

Returns
-------
array
    The indices, uint32.

Raises
------
TypeError
    When ``axis`` is a sequence.
IndexError
    When ``axis`` is out of range.
ValueError
    When ``a`` is empty.

Examples
--------
>>> a = mx.array([[3, 1], [2, 5]])
>>> mx.argmax(a)
array(3, dtype=uint32)
>>> mx.argmax(a, axis=0, keepdims=True)
array([[0, 1]], dtype=uint32)

Notes
-----
mlxcy also accepts a Python scalar, list or NumPy array for ``a`` (the reference raises
``TypeError``).
""",

"trace": """Sum along a diagonal of the 2-D slices of an array.

Without ``dtype``, bool, int8 and int16 inputs are summed as int32 (uint8 and uint16 as uint32),
as in :func:`sum`.

Parameters
----------
a : array
    The input array, with at least 2 dimensions.
offset : int, optional
    Which diagonal: 0 the main one, positive above it, negative below it. Default: ``0``.
axis1 : int, optional
    The first axis of the 2-D slices. Default: ``0``.
axis2 : int, optional
    The second axis of the 2-D slices. Default: ``1``.
dtype : Dtype, optional
    The dtype of the result. Default: ``None``, chosen as described above.
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default device.

Returns
-------
array
    The sums; the shape of ``a`` without ``axis1`` and ``axis2``.

Raises
------
ValueError
    When ``a`` has fewer than 2 dimensions or ``axis1`` and ``axis2`` are the same axis.

Examples
--------
>>> a = mx.array([[1, 2], [3, 4]])
>>> mx.trace(a)
array(5, dtype=int32)
>>> mx.trace(a, offset=1, dtype=mx.float32)
array(2, dtype=float32)

Notes
-----
mlxcy also accepts a Python scalar, list or NumPy array for ``a`` (the reference raises
``TypeError``).
""",

"cumsum": """Cumulative sum along an axis.

Bool inputs are summed as int32; other dtypes keep their own (int8 stays int8, unlike
:func:`sum`).

Parameters
----------
a : array
    The input array.
axis : int, optional
    The axis to scan along. Default: ``None``, the flattened array.
reverse : bool, optional
    Scan from the last element towards the first. Keyword only. Default: ``False``.
inclusive : bool, optional
    Include each element in its own output; with ``False`` the output is shifted by one and
    starts at 0. Keyword only. Default: ``True``.
dtype : Dtype, optional
    Cast the input to this dtype before the scan (bool gives int32). Keyword only. Default:
    ``None``, as described above.
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default device.

Returns
-------
array
    The running sums, with the shape of ``a`` (1-D when ``axis`` is None).

Raises
------
TypeError
    When ``axis`` is a sequence.
IndexError
    When ``axis`` is out of range.

Examples
--------
>>> a = mx.array([1, 2, 3])
>>> mx.cumsum(a)
array([1, 3, 6], dtype=int32)
>>> mx.cumsum(a, reverse=True)
array([6, 5, 3], dtype=int32)
>>> mx.cumsum(a, inclusive=False)
array([0, 1, 3], dtype=int32)

Notes
-----
``cumulative_sum`` is the same function. mlxcy also accepts a Python scalar, list or NumPy array
for ``a`` (the reference raises ``TypeError``).
""",

"cumulative_sum": """Cumulative sum along an axis.

Bool inputs are summed as int32; other dtypes keep their own (int8 stays int8, unlike
:func:`sum`).

Parameters
----------
a : array
    The input array.
axis : int, optional
    The axis to scan along. Default: ``None``, the flattened array.
reverse : bool, optional
    Scan from the last element towards the first. Keyword only. Default: ``False``.
inclusive : bool, optional
    Include each element in its own output; with ``False`` the output is shifted by one and
    starts at 0. Keyword only. Default: ``True``.
dtype : Dtype, optional
    Cast the input to this dtype before the scan (bool gives int32). Keyword only. Default:
    ``None``, as described above.
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default device.

Returns
-------
array
    The running sums, with the shape of ``a`` (1-D when ``axis`` is None).

Raises
------
TypeError
    When ``axis`` is a sequence.
IndexError
    When ``axis`` is out of range.

Examples
--------
>>> a = mx.array([1, 2, 3])
>>> mx.cumsum(a)
array([1, 3, 6], dtype=int32)
>>> mx.cumsum(a, reverse=True)
array([6, 5, 3], dtype=int32)
>>> mx.cumsum(a, inclusive=False)
array([0, 1, 3], dtype=int32)

Notes
-----
``cumulative_sum`` is the same function. mlxcy also accepts a Python scalar, list or NumPy array
for ``a`` (the reference raises ``TypeError``).
""",

"cumprod": """Cumulative product along an axis.

The result keeps the dtype of ``a`` (bool stays bool, unlike :func:`prod`).

Parameters
----------
a : array
    The input array.
axis : int, optional
    The axis to scan along. Default: ``None``, the flattened array.
reverse : bool, optional
    Scan from the last element towards the first. Keyword only. Default: ``False``.
inclusive : bool, optional
    Include each element in its own output; with ``False`` the output is shifted by one and
    starts at 1. Keyword only. Default: ``True``.
dtype : Dtype, optional
    Cast the input to this dtype before the scan. Keyword only. Default: ``None``, as
    described above.
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default device.

Returns
-------
array
    The running products, with the shape of ``a`` (1-D when ``axis`` is None).

Raises
------
TypeError
    When ``axis`` is a sequence.
IndexError
    When ``axis`` is out of range.

Examples
--------
>>> a = mx.array([1, 2, 3])
>>> mx.cumprod(a)
array([1, 2, 6], dtype=int32)
>>> mx.cumprod(a, inclusive=False)
array([1, 1, 2], dtype=int32)

Notes
-----
``cumulative_prod`` is the same function. mlxcy also accepts a Python scalar, list or NumPy
array for ``a`` (the reference raises ``TypeError``).
""",

"cumulative_prod": """Cumulative product along an axis.

The result keeps the dtype of ``a`` (bool stays bool, unlike :func:`prod`).

Parameters
----------
a : array
    The input array.
axis : int, optional
    The axis to scan along. Default: ``None``, the flattened array.
reverse : bool, optional
    Scan from the last element towards the first. Keyword only. Default: ``False``.
inclusive : bool, optional
    Include each element in its own output; with ``False`` the output is shifted by one and
    starts at 1. Keyword only. Default: ``True``.
dtype : Dtype, optional
    Cast the input to this dtype before the scan. Keyword only. Default: ``None``, as
    described above.
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default device.

Returns
-------
array
    The running products, with the shape of ``a`` (1-D when ``axis`` is None).

Raises
------
TypeError
    When ``axis`` is a sequence.
IndexError
    When ``axis`` is out of range.

Examples
--------
>>> a = mx.array([1, 2, 3])
>>> mx.cumprod(a)
array([1, 2, 6], dtype=int32)
>>> mx.cumprod(a, inclusive=False)
array([1, 1, 2], dtype=int32)

Notes
-----
``cumulative_prod`` is the same function. mlxcy also accepts a Python scalar, list or NumPy
array for ``a`` (the reference raises ``TypeError``).
""",

"cummax": """Cumulative maximum along an axis.

Parameters
----------
a : array
    The input array; the result keeps its dtype.
axis : int, optional
    The axis to scan along. Default: ``None``, the flattened array.
reverse : bool, optional
    Scan from the last element towards the first. Keyword only. Default: ``False``.
inclusive : bool, optional
    Include each element in its own output; with ``False`` the output is shifted by one and
    starts at the lowest value of the dtype (``-inf`` for floats). Keyword only.
    Default: ``True``.
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default device.

Returns
-------
array
    The running maxima, with the shape of ``a`` (1-D when ``axis`` is None).

Raises
------
TypeError
    When ``axis`` is a sequence.
IndexError
    When ``axis`` is out of range.

Examples
--------
>>> mx.cummax(mx.array([1, 3, 2, 5]))
array([1, 3, 3, 5], dtype=int32)
>>> mx.cummax(mx.array([[1, 3], [2, 0]]), axis=0)
array([[1, 3],
       [2, 3]], dtype=int32)

Notes
-----
mlxcy also accepts a Python scalar, list or NumPy array for ``a`` (the reference raises
``TypeError``).
""",

"cummin": """Cumulative minimum along an axis.

Parameters
----------
a : array
    The input array; the result keeps its dtype.
axis : int, optional
    The axis to scan along. Default: ``None``, the flattened array.
reverse : bool, optional
    Scan from the last element towards the first. Keyword only. Default: ``False``.
inclusive : bool, optional
    Include each element in its own output; with ``False`` the output is shifted by one and
    starts at the highest value of the dtype (``inf`` for floats). Keyword only.
    Default: ``True``.
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default device.

Returns
-------
array
    The running minima, with the shape of ``a`` (1-D when ``axis`` is None).

Raises
------
TypeError
    When ``axis`` is a sequence.
IndexError
    When ``axis`` is out of range.

Examples
--------
>>> a = mx.array([4, 3, 5, 1])
>>> mx.cummin(a)
array([4, 3, 3, 1], dtype=int32)
>>> mx.cummin(a, reverse=True)
array([1, 1, 1, 1], dtype=int32)

Notes
-----
mlxcy also accepts a Python scalar, list or NumPy array for ``a`` (the reference raises
``TypeError``).
""",

"logcumsumexp": """Cumulative ``log(sum(exp(a)))`` along an axis, computed stably.

Integer and bool inputs give float32; floating inputs keep their dtype.

Parameters
----------
a : array
    The input array.
axis : int, optional
    The axis to scan along. Default: ``None``, the flattened array.
reverse : bool, optional
    Scan from the last element towards the first. Keyword only. Default: ``False``.
inclusive : bool, optional
    Include each element in its own output; with ``False`` the output is shifted by one and
    starts at ``-inf``. Keyword only. Default: ``True``.
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default device.

Returns
-------
array
    The running values, with the shape of ``a`` (1-D when ``axis`` is None).

Raises
------
TypeError
    When ``axis`` is a sequence.
IndexError
    When ``axis`` is out of range.

Examples
--------
>>> mx.round(mx.logcumsumexp(mx.array([0.0, 0.0])), 4)
array([0, 0.6931], dtype=float32)
>>> mx.logcumsumexp(mx.zeros((2, 3)), axis=1).shape
(2, 3)

Notes
-----
mlxcy also accepts a Python scalar, list or NumPy array for ``a`` (the reference raises
``TypeError``).
""",

"sort": """A sorted copy of an array along an axis, in ascending order.

NaNs are placed last.

Parameters
----------
a : array
    The input array.
axis : int, optional
    The axis to sort along; ``None`` sorts the flattened array. Default: ``-1``, the last axis.
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default device.

Returns
-------
array
    The sorted values, with the dtype and shape of ``a`` (1-D when ``axis`` is None).

Raises
------
TypeError
    When ``axis`` is a sequence.
IndexError
    When ``axis`` is out of range (a 0-d array needs ``axis=None``).

Examples
--------
>>> a = mx.array([[3, 1], [0, 2]])
>>> mx.sort(a)
array([[1, 3],
       [0, 2]], dtype=int32)
>>> mx.sort(a, axis=None)
array([0, 1, 2, 3], dtype=int32)

Notes
-----
mlxcy also accepts a Python scalar, list or NumPy array for ``a`` (the reference raises
``TypeError``).
""",

"argsort": """Indices that sort an array along an axis, in ascending order.

Parameters
----------
a : array
    The input array.
axis : int, optional
    The axis to sort along; ``None`` sorts the flattened array. Default: ``-1``, the last axis.
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default device.

Returns
-------
array
    uint32 indices along ``axis``, with the shape of ``a`` (1-D when ``axis`` is None);
    ``take_along_axis(a, argsort(a, axis), axis)`` is sorted.

Raises
------
TypeError
    When ``axis`` is a sequence.
IndexError
    When ``axis`` is out of range.

Examples
--------
>>> mx.argsort(mx.array([3, 1, 2]))
array([1, 2, 0], dtype=uint32)
>>> mx.argsort(mx.array([[3, 1], [0, 2]]), axis=None)
array([2, 1, 3, 0], dtype=uint32)

Notes
-----
mlxcy also accepts a Python scalar, list or NumPy array for ``a`` (the reference raises
``TypeError``).
""",

"partition": """A partially sorted copy: the element at index ``kth`` is where a full sort puts it.

Elements before position ``kth`` are smaller than or equal to it and elements after it larger
than or equal to it, each group in no particular order.

Parameters
----------
a : array
    The input array.
kth : int
    The position to put in sorted order; negative counts from the end.
axis : int, optional
    The axis to partition along; ``None`` uses the flattened array. Default: ``-1``, the last
    axis.
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default device.

Returns
-------
array
    The partitioned values, with the dtype and shape of ``a`` (1-D when ``axis`` is None).

Raises
------
TypeError
    When ``axis`` is a sequence.
ValueError
    When ``kth`` is out of range for the axis.
IndexError
    When ``axis`` is out of range.

Examples
--------
>>> p = mx.partition(mx.array([3, 1, 2, 5, 4]), 2)
>>> p[2]
array(3, dtype=int32)
>>> mx.sort(p[:2]), mx.sort(p[3:])
(array([1, 2], dtype=int32), array([4, 5], dtype=int32))

Notes
-----
mlxcy also accepts a Python scalar, list or NumPy array for ``a`` (the reference raises
``TypeError``).
""",

"argpartition": """Indices that partition an array around position ``kth``, as in :func:`partition`.

Parameters
----------
a : array
    The input array.
kth : int
    The position to put in sorted order; negative counts from the end.
axis : int, optional
    The axis to partition along; ``None`` uses the flattened array. Default: ``-1``, the last
    axis.
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default device.

Returns
-------
array
    uint32 indices along ``axis``, with the shape of ``a`` (1-D when ``axis`` is None); the
    index at position ``kth`` is that of the ``kth`` smallest element.

Raises
------
TypeError
    When ``axis`` is a sequence.
ValueError
    When ``kth`` is out of range for the axis.
IndexError
    When ``axis`` is out of range.

Examples
--------
>>> a = mx.array([3, 1, 2, 5, 4])
>>> i = mx.argpartition(a, 2)
>>> i[2]
array(0, dtype=uint32)
>>> mx.sort(a[i[:2]])
array([1, 2], dtype=int32)

Notes
-----
mlxcy also accepts a Python scalar, list or NumPy array for ``a`` (the reference raises
``TypeError``).
""",

"topk": """The ``k`` largest elements along an axis, in no particular order.

Parameters
----------
a : array
    The input array.
k : int
    How many elements to keep, from 0 to the size of the axis.
axis : int, optional
    The axis to select along; ``None`` uses the flattened array. Default: ``-1``, the last axis.
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default device.

Returns
-------
array
    The selected values, with the dtype of ``a`` and size ``k`` along ``axis``.

Raises
------
TypeError
    When ``axis`` is a sequence.
ValueError
    When ``k`` is negative or larger than the axis.
IndexError
    When ``axis`` is out of range.

Examples
--------
>>> mx.sort(mx.topk(mx.array([3, 1, 2, 5, 4]), 2))
array([4, 5], dtype=int32)
>>> mx.topk(mx.array([[3, 1], [0, 2]]), 1)
array([[3],
       [2]], dtype=int32)

Notes
-----
mlxcy also accepts a Python scalar, list or NumPy array for ``a`` (the reference raises
``TypeError``).
""",

"searchsorted": """Positions at which to insert values into a sorted 1-D array to keep it sorted.

Parameters
----------
sorted_sequence : array
    A 1-D array in ascending order.
values : array
    The values to place, of any shape.
side : str, optional
    ``"left"``: the position before any equal elements; ``"right"``: the position after them.
    Default: ``"left"``.
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default device.

Returns
-------
array
    uint32 positions, with the shape of ``values``.

Raises
------
ValueError
    When ``sorted_sequence`` is not 1-D or ``side`` is neither ``"left"`` nor ``"right"``.
TypeError
    When ``side`` is not a str.

Examples
--------
>>> s = mx.array([1, 2, 2, 3])
>>> mx.searchsorted(s, mx.array([0, 2, 5]))
array([0, 1, 4], dtype=uint32)
>>> mx.searchsorted(s, mx.array([2]), side="right")
array([3], dtype=uint32)

Notes
-----
mlxcy also accepts Python scalars, lists and NumPy arrays for ``sorted_sequence`` and ``values``
(the reference raises ``TypeError``).
""",

"unique": """The sorted unique values of an array, as a fixed number of entries.

The array is flattened. Because the number of distinct values is only known once computed, the
result has exactly ``size`` entries: the smallest ``size`` unique values, padded with
``fill_value`` when there are fewer.

Parameters
----------
a : array
    The input array.
size : int
    The number of entries of the result (0 or more).
return_index : bool, optional
    Also return, for each entry, the index in the flattened ``a`` of its first occurrence.
    Default: ``False``.
return_inverse : bool, optional
    Also return, for each element of the flattened ``a``, the index of its value in the result.
    Default: ``False``.
return_counts : bool, optional
    Also return how many times each entry occurs in ``a`` (0 for padding). Default: ``False``.
fill_value : scalar or array, optional
    The padding value, cast to the dtype of ``a``. Default: ``None``, the smallest unique value.
stream : Stream or Device, optional
    Where to schedule the computation. Default: ``None``, the default stream of the default device.

Returns
-------
array or tuple(array, ...)
    The unique values (dtype of ``a``); when any ``return_*`` flag is set, a tuple of the
    values followed by the requested arrays in the order index (uint32), inverse (uint32),
    counts (int32).

Raises
------
ValueError
    When ``size`` is negative, or ``a`` is empty with a positive ``size`` and no ``fill_value``.

Examples
--------
>>> a = mx.array([3, 1, 3, 2])
>>> mx.unique(a, 3)
array([1, 2, 3], dtype=int32)
>>> mx.unique(a, 4, fill_value=-1)
array([1, 2, 3, -1], dtype=int32)
>>> mx.unique(a, 3, return_counts=True)
(array([1, 2, 3], dtype=int32), array([1, 1, 2], dtype=int32))

Notes
-----
mlxcy also accepts a Python scalar, list or NumPy array for ``a`` (the reference raises
``TypeError``).
""",
}
