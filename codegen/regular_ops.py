"""The regular ops of mlx.core (element-wise ops, reductions, scans, sorts), declared once: each row gives the public name, the
mlx::core function it calls, the kind of arguments it takes, its aliases, the NumPy oracle its test
compares with (an expression of the input(s) ``x``/``y``, and the input domain: a (low, high) range
of float32 values, or "int32", "complex", "special" for ±inf/nan) and its docstring.

`generate.py` writes the extension modules mlxcy._ops_math and mlxcy._ops_reduce from this table
at build time (meson custom_target): the `def`s with their docstrings and the C++ declarations they
call; and into mlxcy._core, the array methods of the rows with a ``method`` docstring, calling
mlx::core directly too. The stubs come from the built modules (tools/gen_stubs.py), and
tests/test_ops_regular.py runs one case per row (and per method) against its oracle. Adding a
regular op is one row here. Kinds:

- ``unary``: ``f(a, /, *, stream=None)``; ``a`` anything array-like.
- ``binary``: ``f(a, b, /, *, stream=None)``; array-likes promoted as the reference does (weak
  Python scalars).
- ``logical``: as ``binary``, but a Python scalar operand counts only for its truth value (not
  range-checked against the other operand's dtype).
- ``reduction``: ``f(a, /, axis=None, keepdims=False, *, stream=None)``, in mlxcy._ops_reduce; over
  every axis or the given ones (an int or a sequence). Its oracle is an expression of ``x`` (2-D)
  and ``kw`` (NumPy's axis/keepdims keywords).
- ``scan``: ``f(a, /, axis=None, *, reverse=False, inclusive=True, stream=None)`` (``scan_dtype``: also
  ``dtype=None``); along one axis, or over the flattened array for None. Oracle: of ``x`` and ``kw``
  (``axis``).
- ``sort``: ``f(a, /, axis=-1, *, stream=None)``; ``partition``: also ``kth`` first, ``topk``: ``k``
  first; along one axis, or the flattened array for None. The oracle gives the sorted values (or
  indices) the result is checked against (tests/test_ops_regular.py says how, per kind).
"""
from collections import namedtuple

# `signature`: the parameter list where it is not the kind's (as the reference publishes it).
# `method`: the docstring of the array method of the same name (``a.sum()``), for the ops that are one.
Op = namedtuple("Op", "name kind cxx aliases oracle domain doc signature method", defaults=(None, None))

OPS = [
    Op('abs', 'unary', 'abs', (), 'np.abs(x)', (-4, 4),
       """Element-wise absolute value.

       Parameters
       ----------
       a : array
           The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
           own binding refuses lists).
       stream : Stream or Device, optional
           Where to schedule the computation. Default: ``None``, the default stream of the default device.

       Returns
       -------
       array
           The absolute value of each element, same shape and dtype as ``a``; for complex input the
           magnitude, as the matching real dtype (float32 for complex64).

       Examples
       --------
       >>> mx.abs(mx.array([-2, 0, 3]))
       array([2, 0, 3], dtype=int32)
       >>> mx.abs(mx.array([3 + 4j]))
       array([5], dtype=float32)
       """,
       method="""The absolute value of each element.

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
       """),
    Op('arccos', 'unary', 'arccos', ('acos',), 'np.arccos(x)', (-0.9, 0.9),
       """Element-wise inverse cosine, in radians.

       Floating-point and complex inputs keep their dtype; boolean and integer inputs give float32.
       Real inputs outside ``[-1, 1]`` give NaN. ``acos`` is the same function.

       Parameters
       ----------
       a : array
           The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
           own binding refuses lists).
       stream : Stream or Device, optional
           Where to schedule the computation. Default: ``None``, the default stream of the default device.

       Returns
       -------
       array
           The angle in ``[0, pi]`` whose cosine is each element, same shape as ``a``.

       Examples
       --------
       >>> mx.arccos(mx.array([1.0, 0.0, -1.0]))
       array([0, 1.5708, 3.14159], dtype=float32)
       >>> mx.acos is mx.arccos
       True
       """),
    Op('arccosh', 'unary', 'arccosh', ('acosh',), 'np.arccosh(x)', (1.1, 4),
       """Element-wise inverse hyperbolic cosine.

       Floating-point and complex inputs keep their dtype; boolean and integer inputs give float32.
       Real inputs below 1 give NaN. ``acosh`` is the same function.

       Parameters
       ----------
       a : array
           The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
           own binding refuses lists).
       stream : Stream or Device, optional
           Where to schedule the computation. Default: ``None``, the default stream of the default device.

       Returns
       -------
       array
           The non-negative value whose hyperbolic cosine is each element, same shape as ``a``.

       Examples
       --------
       >>> mx.arccosh(mx.array([1.0]))
       array([0], dtype=float32)
       >>> mx.acosh is mx.arccosh
       True
       """),
    Op('arcsin', 'unary', 'arcsin', ('asin',), 'np.arcsin(x)', (-0.9, 0.9),
       """Element-wise inverse sine, in radians.

       Floating-point and complex inputs keep their dtype; boolean and integer inputs give float32.
       Real inputs outside ``[-1, 1]`` give NaN. ``asin`` is the same function.

       Parameters
       ----------
       a : array
           The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
           own binding refuses lists).
       stream : Stream or Device, optional
           Where to schedule the computation. Default: ``None``, the default stream of the default device.

       Returns
       -------
       array
           The angle in ``[-pi/2, pi/2]`` whose sine is each element, same shape as ``a``.

       Examples
       --------
       >>> mx.arcsin(mx.array([0.0, 1.0]))
       array([0, 1.5708], dtype=float32)
       >>> mx.asin is mx.arcsin
       True
       """),
    Op('arcsinh', 'unary', 'arcsinh', ('asinh',), 'np.arcsinh(x)', (-4, 4),
       """Element-wise inverse hyperbolic sine.

       Floating-point and complex inputs keep their dtype; boolean and integer inputs give float32.
       ``asinh`` is the same function.

       Parameters
       ----------
       a : array
           The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
           own binding refuses lists).
       stream : Stream or Device, optional
           Where to schedule the computation. Default: ``None``, the default stream of the default device.

       Returns
       -------
       array
           The value whose hyperbolic sine is each element, same shape as ``a``.

       Examples
       --------
       >>> mx.arcsinh(mx.array([0.0]))
       array([0], dtype=float32)
       >>> mx.asinh is mx.arcsinh
       True
       """),
    Op('arctan', 'unary', 'arctan', ('atan',), 'np.arctan(x)', (-4, 4),
       """Element-wise inverse tangent, in radians.

       Floating-point and complex inputs keep their dtype; boolean and integer inputs give float32.
       ``atan`` is the same function.

       Parameters
       ----------
       a : array
           The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
           own binding refuses lists).
       stream : Stream or Device, optional
           Where to schedule the computation. Default: ``None``, the default stream of the default device.

       Returns
       -------
       array
           The angle in ``(-pi/2, pi/2)`` whose tangent is each element, same shape as ``a``.

       Examples
       --------
       >>> mx.arctan(mx.array([0.0, 1.0]))
       array([0, 0.785398], dtype=float32)
       >>> mx.atan is mx.arctan
       True
       """),
    Op('arctanh', 'unary', 'arctanh', ('atanh',), 'np.arctanh(x)', (-0.9, 0.9),
       """Element-wise inverse hyperbolic tangent.

       Floating-point and complex inputs keep their dtype; boolean and integer inputs give float32.
       Real inputs of 1 and -1 give infinities, outside ``[-1, 1]`` NaN. ``atanh`` is the same
       function.

       Parameters
       ----------
       a : array
           The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
           own binding refuses lists).
       stream : Stream or Device, optional
           Where to schedule the computation. Default: ``None``, the default stream of the default device.

       Returns
       -------
       array
           The value whose hyperbolic tangent is each element, same shape as ``a``.

       Examples
       --------
       >>> mx.arctanh(mx.array([0.0]))
       array([0], dtype=float32)
       >>> mx.atanh is mx.arctanh
       True
       """),
    Op('ceil', 'unary', 'ceil', (), 'np.ceil(x)', (-4, 4),
       """Element-wise ceiling: the smallest integer not below each element.

       Parameters
       ----------
       a : array
           The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
           own binding refuses lists).
       stream : Stream or Device, optional
           Where to schedule the computation. Default: ``None``, the default stream of the default device.

       Returns
       -------
       array
           Same shape and dtype as ``a`` (integer and boolean arrays come back unchanged).

       Raises
       ------
       ValueError
           When ``a`` is complex.

       Examples
       --------
       >>> mx.ceil(mx.array([1.5, -1.5, 2.0]))
       array([2, -1, 2], dtype=float32)
       """),
    Op('floor', 'unary', 'floor', (), 'np.floor(x)', (-4, 4),
       """Element-wise floor: the largest integer not above each element.

       Parameters
       ----------
       a : array
           The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
           own binding refuses lists).
       stream : Stream or Device, optional
           Where to schedule the computation. Default: ``None``, the default stream of the default device.

       Returns
       -------
       array
           Same shape and dtype as ``a`` (integer and boolean arrays come back unchanged).

       Raises
       ------
       ValueError
           When ``a`` is complex.

       Examples
       --------
       >>> mx.floor(mx.array([1.5, -1.5, 2.0]))
       array([1, -2, 2], dtype=float32)
       """),
    Op('trunc', 'unary', 'trunc', (), 'np.trunc(x)', (-4, 4),
       """Element-wise truncation toward zero: the integer part of each element.

       Parameters
       ----------
       a : array
           The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
           own binding refuses lists).
       stream : Stream or Device, optional
           Where to schedule the computation. Default: ``None``, the default stream of the default device.

       Returns
       -------
       array
           Same shape and dtype as ``a`` (integer and boolean arrays come back unchanged).

       Raises
       ------
       ValueError
           When ``a`` is complex.

       Examples
       --------
       >>> mx.trunc(mx.array([1.5, -1.5, 2.0]))
       array([1, -1, 2], dtype=float32)
       """),
    Op('cos', 'unary', 'cos', (), 'np.cos(x)', (-4, 4),
       """Element-wise cosine of angles in radians.

       Floating-point and complex inputs keep their dtype; boolean and integer inputs give float32.

       Parameters
       ----------
       a : array
           The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
           own binding refuses lists).
       stream : Stream or Device, optional
           Where to schedule the computation. Default: ``None``, the default stream of the default device.

       Returns
       -------
       array
           The cosine of each element, same shape as ``a``.

       Examples
       --------
       >>> mx.cos(mx.array([0.0]))
       array([1], dtype=float32)
       """,
       method="""The cosine of each element (in radians).

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
       """),
    Op('cosh', 'unary', 'cosh', (), 'np.cosh(x)', (-4, 4),
       """Element-wise hyperbolic cosine.

       Floating-point and complex inputs keep their dtype; boolean and integer inputs give float32.

       Parameters
       ----------
       a : array
           The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
           own binding refuses lists).
       stream : Stream or Device, optional
           Where to schedule the computation. Default: ``None``, the default stream of the default device.

       Returns
       -------
       array
           The hyperbolic cosine of each element, same shape as ``a``.

       Examples
       --------
       >>> mx.cosh(mx.array([0.0]))
       array([1], dtype=float32)
       """),
    Op('sin', 'unary', 'sin', (), 'np.sin(x)', (-4, 4),
       """Element-wise sine of angles in radians.

       Floating-point and complex inputs keep their dtype; boolean and integer inputs give float32.

       Parameters
       ----------
       a : array
           The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
           own binding refuses lists).
       stream : Stream or Device, optional
           Where to schedule the computation. Default: ``None``, the default stream of the default device.

       Returns
       -------
       array
           The sine of each element, same shape as ``a``.

       Examples
       --------
       >>> mx.sin(mx.array([0.0, 0.5]))
       array([0, 0.479426], dtype=float32)
       """,
       method="""The sine of each element (in radians).

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
       """),
    Op('sinh', 'unary', 'sinh', (), 'np.sinh(x)', (-4, 4),
       """Element-wise hyperbolic sine.

       Floating-point and complex inputs keep their dtype; boolean and integer inputs give float32.

       Parameters
       ----------
       a : array
           The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
           own binding refuses lists).
       stream : Stream or Device, optional
           Where to schedule the computation. Default: ``None``, the default stream of the default device.

       Returns
       -------
       array
           The hyperbolic sine of each element, same shape as ``a``.

       Examples
       --------
       >>> mx.sinh(mx.array([0.0]))
       array([0], dtype=float32)
       """),
    Op('tan', 'unary', 'tan', (), 'np.tan(x)', (-1.2, 1.2),
       """Element-wise tangent of angles in radians.

       Floating-point and complex inputs keep their dtype; boolean and integer inputs give float32.

       Parameters
       ----------
       a : array
           The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
           own binding refuses lists).
       stream : Stream or Device, optional
           Where to schedule the computation. Default: ``None``, the default stream of the default device.

       Returns
       -------
       array
           The tangent of each element, same shape as ``a``.

       Examples
       --------
       >>> mx.tan(mx.array([0.0]))
       array([0], dtype=float32)
       """),
    Op('tanh', 'unary', 'tanh', (), 'np.tanh(x)', (-4, 4),
       """Element-wise hyperbolic tangent.

       Floating-point and complex inputs keep their dtype; boolean and integer inputs give float32.

       Parameters
       ----------
       a : array
           The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
           own binding refuses lists).
       stream : Stream or Device, optional
           Where to schedule the computation. Default: ``None``, the default stream of the default device.

       Returns
       -------
       array
           The hyperbolic tangent of each element, in ``[-1, 1]``, same shape as ``a``.

       Examples
       --------
       >>> mx.tanh(mx.array([0.0]))
       array([0], dtype=float32)
       """),
    Op('exp', 'unary', 'exp', (), 'np.exp(x)', (-4, 4),
       """Element-wise natural exponential, ``e ** a``.

       Floating-point and complex inputs keep their dtype; boolean and integer inputs give float32.

       Parameters
       ----------
       a : array
           The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
           own binding refuses lists).
       stream : Stream or Device, optional
           Where to schedule the computation. Default: ``None``, the default stream of the default device.

       Returns
       -------
       array
           The exponential of each element, same shape as ``a``.

       Examples
       --------
       >>> mx.exp(mx.array([0.0, 1.0]))
       array([1, 2.71828], dtype=float32)
       >>> mx.exp(mx.array([0, 1])).dtype
       mlx.core.float32
       """,
       method="""``e`` raised to each element.

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
       """),
    Op('expm1', 'unary', 'expm1', (), 'np.expm1(x)', (-4, 4),
       """Element-wise ``exp(a) - 1``, accurate also for ``a`` close to zero.

       Floating-point inputs keep their dtype; boolean and integer inputs give float32.

       Parameters
       ----------
       a : array
           The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
           own binding refuses lists).
       stream : Stream or Device, optional
           Where to schedule the computation. Default: ``None``, the default stream of the default device.

       Returns
       -------
       array
           ``exp(a) - 1`` for each element, same shape as ``a``.

       Raises
       ------
       ValueError
           When ``a`` is complex.

       Examples
       --------
       >>> mx.expm1(mx.array([0.0]))
       array([0], dtype=float32)
       """),
    Op('log', 'unary', 'log', (), 'np.log(x)', (0.1, 4),
       """Element-wise natural logarithm.

       Floating-point and complex inputs keep their dtype; boolean and integer inputs give float32.
       Zero gives ``-inf`` and negative real inputs NaN.

       Parameters
       ----------
       a : array
           The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
           own binding refuses lists).
       stream : Stream or Device, optional
           Where to schedule the computation. Default: ``None``, the default stream of the default device.

       Returns
       -------
       array
           The natural logarithm of each element, same shape as ``a``.

       Examples
       --------
       >>> mx.log(mx.array([1.0, 0.0]))
       array([0, -inf], dtype=float32)
       """,
       method="""The natural logarithm of each element.

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
       """),
    Op('log10', 'unary', 'log10', (), 'np.log10(x)', (0.1, 4),
       """Element-wise base-10 logarithm.

       Floating-point and complex inputs keep their dtype; boolean and integer inputs give float32.
       Zero gives ``-inf`` and negative real inputs NaN.

       Parameters
       ----------
       a : array
           The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
           own binding refuses lists).
       stream : Stream or Device, optional
           Where to schedule the computation. Default: ``None``, the default stream of the default device.

       Returns
       -------
       array
           The base-10 logarithm of each element, same shape as ``a``.

       Examples
       --------
       >>> mx.log10(mx.array([1.0, 10.0, 100.0]))
       array([0, 1, 2], dtype=float32)
       """,
       method="""The base-10 logarithm of each element.

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
       """),
    Op('log1p', 'unary', 'log1p', (), 'np.log1p(x)', (-0.9, 4),
       """Element-wise ``log(1 + a)``, accurate also for ``a`` close to zero.

       Floating-point and complex inputs keep their dtype; boolean and integer inputs give float32. -1
       gives ``-inf`` and real inputs below -1 NaN.

       Parameters
       ----------
       a : array
           The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
           own binding refuses lists).
       stream : Stream or Device, optional
           Where to schedule the computation. Default: ``None``, the default stream of the default device.

       Returns
       -------
       array
           ``log(1 + a)`` for each element, same shape as ``a``.

       Examples
       --------
       >>> mx.log1p(mx.array([0.0, -1.0]))
       array([0, -inf], dtype=float32)
       """,
       method="""``log(1 + x)`` of each element, accurate for small ``x``.

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
       """),
    Op('log2', 'unary', 'log2', (), 'np.log2(x)', (0.1, 4),
       """Element-wise base-2 logarithm.

       Floating-point and complex inputs keep their dtype; boolean and integer inputs give float32.
       Zero gives ``-inf`` and negative real inputs NaN.

       Parameters
       ----------
       a : array
           The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
           own binding refuses lists).
       stream : Stream or Device, optional
           Where to schedule the computation. Default: ``None``, the default stream of the default device.

       Returns
       -------
       array
           The base-2 logarithm of each element, same shape as ``a``.

       Examples
       --------
       >>> mx.log2(mx.array([1, 2, 8]))
       array([0, 1, 3], dtype=float32)
       """,
       method="""The base-2 logarithm of each element.

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
       """),
    Op('sqrt', 'unary', 'sqrt', (), 'np.sqrt(x)', (0, 4),
       """Element-wise square root.

       Floating-point and complex inputs keep their dtype; boolean and integer inputs give float32.
       Negative real inputs give NaN.

       Parameters
       ----------
       a : array
           The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
           own binding refuses lists).
       stream : Stream or Device, optional
           Where to schedule the computation. Default: ``None``, the default stream of the default device.

       Returns
       -------
       array
           The square root of each element, same shape as ``a``.

       Examples
       --------
       >>> mx.sqrt(mx.array([4, 9]))
       array([2, 3], dtype=float32)
       """,
       method="""The square root of each element.

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
       """),
    Op('rsqrt', 'unary', 'rsqrt', (), '1 / np.sqrt(x)', (0.1, 4),
       """Element-wise reciprocal square root, ``1 / sqrt(a)``.

       Floating-point and complex inputs keep their dtype; boolean and integer inputs give float32.
       Zero gives ``inf`` and negative real inputs NaN.

       Parameters
       ----------
       a : array
           The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
           own binding refuses lists).
       stream : Stream or Device, optional
           Where to schedule the computation. Default: ``None``, the default stream of the default device.

       Returns
       -------
       array
           ``1 / sqrt(a)`` for each element, same shape as ``a``.

       Examples
       --------
       >>> mx.rsqrt(mx.array([4.0, 16.0]))
       array([0.5, 0.25], dtype=float32)
       """,
       method="""The reciprocal square root ``1 / sqrt(x)`` of each element.

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
       """),
    Op('square', 'unary', 'square', (), 'np.square(x)', (-4, 4),
       """Element-wise square, ``a * a``.

       Parameters
       ----------
       a : array
           The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
           own binding refuses lists).
       stream : Stream or Device, optional
           Where to schedule the computation. Default: ``None``, the default stream of the default device.

       Returns
       -------
       array
           The square of each element, same shape and dtype as ``a`` (integers may wrap around).

       Examples
       --------
       >>> mx.square(mx.array([2, -3]))
       array([4, 9], dtype=int32)
       """,
       method="""The square of each element.

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
       """),
    Op('reciprocal', 'unary', 'reciprocal', (), '1 / x', (0.1, 4),
       """Element-wise reciprocal, ``1 / a``.

       Floating-point and complex inputs keep their dtype; boolean and integer inputs give float32.
       Zero gives ``inf``.

       Parameters
       ----------
       a : array
           The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
           own binding refuses lists).
       stream : Stream or Device, optional
           Where to schedule the computation. Default: ``None``, the default stream of the default device.

       Returns
       -------
       array
           ``1 / a`` for each element, same shape as ``a``.

       Examples
       --------
       >>> mx.reciprocal(mx.array([2, 4]))
       array([0.5, 0.25], dtype=float32)
       """,
       method="""The reciprocal ``1 / x`` of each element.

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
       """),
    Op('sign', 'unary', 'sign', (), 'np.sign(x)', (-4, 4),
       """Element-wise sign: -1 for negative, 0 for zero, 1 for positive elements.

       For complex input the sign is ``a / abs(a)`` (0 where ``a`` is 0). NaN gives 0.

       Parameters
       ----------
       a : array
           The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
           own binding refuses lists).
       stream : Stream or Device, optional
           Where to schedule the computation. Default: ``None``, the default stream of the default device.

       Returns
       -------
       array
           The sign of each element, same shape and dtype as ``a``.

       Examples
       --------
       >>> mx.sign(mx.array([-3, 0, 2]))
       array([-1, 0, 1], dtype=int32)
       >>> mx.sign(mx.array([3 + 4j]))
       array([0.6+0.8j], dtype=complex64)
       """),
    Op('sigmoid', 'unary', 'sigmoid', (), '1 / (1 + np.exp(-x))', (-4, 4),
       """Element-wise logistic sigmoid, ``1 / (1 + exp(-a))``.

       Floating-point inputs keep their dtype; boolean and integer inputs give float32.

       Parameters
       ----------
       a : array
           The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
           own binding refuses lists).
       stream : Stream or Device, optional
           Where to schedule the computation. Default: ``None``, the default stream of the default device.

       Returns
       -------
       array
           The sigmoid of each element, in ``[0, 1]``, same shape as ``a``.

       Raises
       ------
       ValueError
           When ``a`` is complex.

       Examples
       --------
       >>> mx.sigmoid(mx.array([0.0]))
       array([0.5], dtype=float32)
       """),
    Op('erf', 'unary', 'erf', (), 'np.vectorize(math.erf)(x)', (-3, 3),
       """Element-wise Gauss error function, ``2 / sqrt(pi)`` times the integral of ``exp(-t**2)`` from 0
       to ``a``.

       Floating-point inputs keep their dtype; boolean and integer inputs give float32.

       Parameters
       ----------
       a : array
           The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
           own binding refuses lists).
       stream : Stream or Device, optional
           Where to schedule the computation. Default: ``None``, the default stream of the default device.

       Returns
       -------
       array
           ``erf`` of each element, in ``[-1, 1]``, same shape as ``a``.

       Raises
       ------
       ValueError
           When ``a`` is complex.

       Examples
       --------
       >>> mx.erf(mx.array([1.0, -1.0]))
       array([0.842701, -0.842701], dtype=float32)
       """),
    Op('erfinv', 'unary', 'erfinv', (), 'erfinv_by_bisection(x)', (-0.9, 0.9),
       """Element-wise inverse of the error function :func:`erf`.

       Floating-point inputs keep their dtype; boolean and integer inputs give float32. 1 and -1 give
       infinities, inputs outside ``[-1, 1]`` NaN.

       Parameters
       ----------
       a : array
           The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
           own binding refuses lists).
       stream : Stream or Device, optional
           Where to schedule the computation. Default: ``None``, the default stream of the default device.

       Returns
       -------
       array
           The value whose error function is each element, same shape as ``a``.

       Raises
       ------
       ValueError
           When ``a`` is complex.

       Examples
       --------
       >>> mx.erfinv(mx.array([0.0]))
       array([0], dtype=float32)
       """),
    Op('negative', 'unary', 'negative', (), '-x', (-4, 4),
       """Element-wise negation, ``-a``.

       Parameters
       ----------
       a : array
           The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
           own binding refuses lists).
       stream : Stream or Device, optional
           Where to schedule the computation. Default: ``None``, the default stream of the default device.

       Returns
       -------
       array
           ``-a``, same shape and dtype as ``a`` (unsigned integers wrap around).

       Raises
       ------
       ValueError
           When ``a`` is boolean (use :func:`logical_not`).

       Examples
       --------
       >>> mx.negative(mx.array([1, -2]))
       array([-1, 2], dtype=int32)
       """),
    Op('positive', 'unary', 'positive', (), '+x', (-4, 4),
       """Element-wise unary plus, ``+a``: the values unchanged.

       Parameters
       ----------
       a : array
           The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
           own binding refuses lists).
       stream : Stream or Device, optional
           Where to schedule the computation. Default: ``None``, the default stream of the default device.

       Returns
       -------
       array
           An array equal to ``a``, same shape and dtype.

       Examples
       --------
       >>> mx.positive(mx.array([1, -2]))
       array([1, -2], dtype=int32)
       """),
    Op('degrees', 'unary', 'degrees', (), 'np.degrees(x)', (-4, 4),
       """Convert angles from radians to degrees, element-wise.

       Floating-point and complex inputs keep their dtype; boolean and integer inputs give float32.

       Parameters
       ----------
       a : array
           The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
           own binding refuses lists).
       stream : Stream or Device, optional
           Where to schedule the computation. Default: ``None``, the default stream of the default device.

       Returns
       -------
       array
           ``a * 180 / pi``, same shape as ``a``.

       Examples
       --------
       >>> mx.degrees(mx.array([0.0, 1.0]))
       array([0, 57.2958], dtype=float32)
       """),
    Op('radians', 'unary', 'radians', (), 'np.radians(x)', (-4, 4),
       """Convert angles from degrees to radians, element-wise.

       Floating-point and complex inputs keep their dtype; boolean and integer inputs give float32.

       Parameters
       ----------
       a : array
           The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
           own binding refuses lists).
       stream : Stream or Device, optional
           Where to schedule the computation. Default: ``None``, the default stream of the default device.

       Returns
       -------
       array
           ``a * pi / 180``, same shape as ``a``.

       Examples
       --------
       >>> mx.radians(mx.array([0.0, 180.0]))
       array([0, 3.14159], dtype=float32)
       """),
    Op('logical_not', 'unary', 'logical_not', (), 'np.logical_not(x)', (-1, 1),
       """Element-wise logical NOT: true where ``a`` is zero (or false).

       Parameters
       ----------
       a : array
           The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
           own binding refuses lists).
       stream : Stream or Device, optional
           Where to schedule the computation. Default: ``None``, the default stream of the default device.

       Returns
       -------
       array
           A boolean array of the shape of ``a``.

       Examples
       --------
       >>> mx.logical_not(mx.array([0, 1, 2]))
       array([True, False, False], dtype=bool)
       """),
    Op('real', 'unary', 'real', (), 'np.real(x)', 'complex',
       """The real part of each element.

       Parameters
       ----------
       a : array
           The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
           own binding refuses lists).
       stream : Stream or Device, optional
           Where to schedule the computation. Default: ``None``, the default stream of the default device.

       Returns
       -------
       array
           For complex input the real parts, as the matching real dtype (float32 for complex64); any
           other array comes back with its values and dtype unchanged.

       Examples
       --------
       >>> mx.real(mx.array([1 + 2j, 3 - 4j]))
       array([1, 3], dtype=float32)
       """),
    Op('imag', 'unary', 'imag', (), 'np.imag(x)', 'complex',
       """The imaginary part of each element.

       Parameters
       ----------
       a : array
           The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
           own binding refuses lists).
       stream : Stream or Device, optional
           Where to schedule the computation. Default: ``None``, the default stream of the default device.

       Returns
       -------
       array
           For complex input the imaginary parts, as the matching real dtype (float32 for complex64);
           for any other array zeros of its shape and dtype.

       Examples
       --------
       >>> mx.imag(mx.array([1 + 2j, 3 - 4j]))
       array([2, -4], dtype=float32)
       >>> mx.imag(mx.array([1, 2]))
       array([0, 0], dtype=int32)
       """),
    Op('stop_gradient', 'unary', 'stop_gradient', (), 'x', (-4, 4),
       """The identity, but no gradient flows back through it.

       Transformations such as :func:`grad` treat the result as a constant.

       Parameters
       ----------
       a : array
           The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
           own binding refuses lists).
       stream : Stream or Device, optional
           Where to schedule the computation. Default: ``None``, the default stream of the default device.

       Returns
       -------
       array
           An array equal to ``a``, same shape and dtype.

       Examples
       --------
       >>> def f(x):
       ...     return (mx.stop_gradient(x) * x).sum()
       >>> mx.grad(f)(mx.array([3.0]))
       array([3], dtype=float32)
       """),
    Op('arctan2', 'binary', 'arctan2', ('atan2',), 'np.arctan2(x, y)', (-4, 4),
       """Element-wise inverse tangent of ``a / b``, in radians, using the signs of both to pick the
       quadrant.

       ``a`` (the y coordinate) and ``b`` (the x coordinate) broadcast against each other. Boolean and
       integer inputs give float32.

       Parameters
       ----------
       a : array or scalar
           The y coordinates. Lists and NumPy arrays are converted to arrays too.
       b : array or scalar
           The x coordinates, converted likewise.
       stream : Stream or Device, optional
           Where to schedule the computation. Default: ``None``, the default stream of the default device.

       Returns
       -------
       array
           The angle in ``[-pi, pi]`` of each point ``(b, a)``, of the broadcast shape and the promoted
           floating-point dtype.

       Raises
       ------
       ValueError
           When the shapes do not broadcast, or an input is complex.

       Examples
       --------
       >>> mx.arctan2(mx.array([1.0, 0.0, -1.0]), mx.array([0.0, -1.0, 0.0]))
       array([1.5708, 3.14159, -1.5708], dtype=float32)
       >>> mx.atan2 is mx.arctan2
       True
       """),
    Op('logaddexp', 'binary', 'logaddexp', (), 'np.logaddexp(x, y)', (-4, 4),
       """Element-wise ``log(exp(a) + exp(b))``, computed without overflow.

       The inputs broadcast against each other; boolean and integer inputs give float32.

       Parameters
       ----------
       a : array or scalar
           The first input. Lists and NumPy arrays are converted to arrays too.
       b : array or scalar
           The second input, converted likewise.
       stream : Stream or Device, optional
           Where to schedule the computation. Default: ``None``, the default stream of the default device.

       Returns
       -------
       array
           ``log(exp(a) + exp(b))``, of the broadcast shape and the promoted floating-point dtype.

       Raises
       ------
       ValueError
           When the shapes do not broadcast.

       Examples
       --------
       >>> mx.logaddexp(mx.array([0.0, 1000.0]), mx.array([-float("inf"), 1000.0]))
       array([0, 1000.69], dtype=float32)
       """),
    Op('maximum', 'binary', 'maximum', (), 'np.maximum(x, y)', (-4, 4),
       """Element-wise maximum of ``a`` and ``b``.

       The inputs broadcast against each other and their dtypes are promoted (a Python scalar takes the
       array's dtype when it fits it). A NaN in either input gives NaN.

       Parameters
       ----------
       a : array or scalar
           The first input. Lists and NumPy arrays are converted to arrays too.
       b : array or scalar
           The second input, converted likewise.
       stream : Stream or Device, optional
           Where to schedule the computation. Default: ``None``, the default stream of the default device.

       Returns
       -------
       array
           The larger of each pair of elements, of the broadcast shape and promoted dtype.

       Raises
       ------
       ValueError
           When the shapes do not broadcast, or a Python int does not fit the other operand's integer
           dtype.

       Examples
       --------
       >>> mx.maximum(mx.array([1, 5]), mx.array([3, 2]))
       array([3, 5], dtype=int32)
       >>> mx.maximum(mx.array([1.0, float("nan")]), 2)
       array([2, nan], dtype=float32)
       """),
    Op('minimum', 'binary', 'minimum', (), 'np.minimum(x, y)', (-4, 4),
       """Element-wise minimum of ``a`` and ``b``.

       The inputs broadcast against each other and their dtypes are promoted (a Python scalar takes the
       array's dtype when it fits it). A NaN in either input gives NaN.

       Parameters
       ----------
       a : array or scalar
           The first input. Lists and NumPy arrays are converted to arrays too.
       b : array or scalar
           The second input, converted likewise.
       stream : Stream or Device, optional
           Where to schedule the computation. Default: ``None``, the default stream of the default device.

       Returns
       -------
       array
           The smaller of each pair of elements, of the broadcast shape and promoted dtype.

       Raises
       ------
       ValueError
           When the shapes do not broadcast, or a Python int does not fit the other operand's integer
           dtype.

       Examples
       --------
       >>> mx.minimum(mx.array([1, 5]), mx.array([3, 2]))
       array([1, 2], dtype=int32)
       >>> mx.minimum(mx.array([1, 5]), 2.5)
       array([1, 2.5], dtype=float32)
       """),
    Op('logical_and', 'logical', 'logical_and', (), 'np.logical_and(x, y)', (-1, 1),
       """Element-wise logical AND: true where both ``a`` and ``b`` are non-zero.

       The inputs broadcast against each other; a Python scalar only counts for its truth value.

       Parameters
       ----------
       a : array or scalar
           The first input. Lists and NumPy arrays are converted to arrays too.
       b : array or scalar
           The second input, converted likewise.
       stream : Stream or Device, optional
           Where to schedule the computation. Default: ``None``, the default stream of the default device.

       Returns
       -------
       array
           A boolean array of the broadcast shape.

       Raises
       ------
       ValueError
           When the shapes do not broadcast.

       Examples
       --------
       >>> mx.logical_and(mx.array([1, 0, 2]), mx.array([True, True, False]))
       array([True, False, False], dtype=bool)
       """),
    Op('logical_or', 'logical', 'logical_or', (), 'np.logical_or(x, y)', (-1, 1),
       """Element-wise logical OR: true where ``a`` or ``b`` (or both) is non-zero.

       The inputs broadcast against each other; a Python scalar only counts for its truth value.

       Parameters
       ----------
       a : array or scalar
           The first input. Lists and NumPy arrays are converted to arrays too.
       b : array or scalar
           The second input, converted likewise.
       stream : Stream or Device, optional
           Where to schedule the computation. Default: ``None``, the default stream of the default device.

       Returns
       -------
       array
           A boolean array of the broadcast shape.

       Raises
       ------
       ValueError
           When the shapes do not broadcast.

       Examples
       --------
       >>> mx.logical_or(mx.array([1, 0, 0]), mx.array([False, True, False]))
       array([True, True, False], dtype=bool)
       """),
    Op('logical_xor', 'logical', 'logical_xor', (), 'np.logical_xor(x, y)', (-1, 1),
       """Element-wise logical exclusive OR: true where exactly one of ``a`` and ``b`` is non-zero.

       The inputs broadcast against each other; a Python scalar only counts for its truth value.

       Parameters
       ----------
       a : array or scalar
           The first input. Lists and NumPy arrays are converted to arrays too.
       b : array or scalar
           The second input, converted likewise.
       stream : Stream or Device, optional
           Where to schedule the computation. Default: ``None``, the default stream of the default device.

       Returns
       -------
       array
           A boolean array of the broadcast shape.

       Raises
       ------
       ValueError
           When the shapes do not broadcast.

       Examples
       --------
       >>> mx.logical_xor(mx.array([True, True, False]), mx.array([2, 0, 0]))
       array([False, True, False], dtype=bool)
       """),
    Op('bitwise_invert', "unary", 'bitwise_invert', (), 'np.invert(x)', 'int32',
       """Element-wise bitwise NOT, ``~a``, of an integer or boolean array.

       For booleans this is the logical NOT.

       Parameters
       ----------
       a : array
           The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
           own binding refuses lists).
       stream : Stream or Device, optional
           Where to schedule the computation. Default: ``None``, the default stream of the default device.

       Returns
       -------
       array
           Same shape and dtype as ``a``.

       Raises
       ------
       ValueError
           When ``a`` is not of an integer or boolean dtype.

       Examples
       --------
       >>> mx.bitwise_invert(mx.array([0, 1, -3]))
       array([-1, -2, 2], dtype=int32)
       >>> mx.bitwise_invert(mx.array([True, False]))
       array([False, True], dtype=bool)

       Notes
       -----
       The parameters after the operands may also be passed by position (``mx.bitwise_invert(a,
       mx.cpu)``), as the reference's published signature lists them; MLX's own binding takes them only by
       keyword.
       """,
       signature='a, stream=None'),
    Op('isnan', "unary", 'isnan', (), 'np.isnan(x)', 'special',
       """Element-wise test for NaN (not a number).

       Integer and boolean arrays contain no NaN. A complex element is NaN when either part is.

       Parameters
       ----------
       a : array
           The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
           own binding refuses lists).
       stream : Stream or Device, optional
           Where to schedule the computation. Default: ``None``, the default stream of the default device.

       Returns
       -------
       array
           A boolean array of the shape of ``a``.

       Examples
       --------
       >>> mx.isnan(mx.array([1.0, float("nan"), float("inf")]))
       array([False, True, False], dtype=bool)

       Notes
       -----
       The parameters after the operands may also be passed by position (``mx.isnan(a, mx.cpu)``), as the
       reference's published signature lists them; MLX's own binding takes them only by keyword.
       """,
       signature='a, stream=None'),
    Op('isinf', "unary", 'isinf', (), 'np.isinf(x)', 'special',
       """Element-wise test for positive or negative infinity.

       Parameters
       ----------
       a : array
           The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
           own binding refuses lists).
       stream : Stream or Device, optional
           Where to schedule the computation. Default: ``None``, the default stream of the default device.

       Returns
       -------
       array
           A boolean array of the shape of ``a``.

       Examples
       --------
       >>> mx.isinf(mx.array([1.0, float("inf"), -float("inf"), float("nan")]))
       array([False, True, True, False], dtype=bool)

       Notes
       -----
       The parameters after the operands may also be passed by position (``mx.isinf(a, mx.cpu)``), as the
       reference's published signature lists them; MLX's own binding takes them only by keyword.
       """,
       signature='a, stream=None'),
    Op('isfinite', "unary", 'isfinite', (), 'np.isfinite(x)', 'special',
       """Element-wise test for finite values: neither infinite nor NaN.

       Parameters
       ----------
       a : array
           The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
           own binding refuses lists).
       stream : Stream or Device, optional
           Where to schedule the computation. Default: ``None``, the default stream of the default device.

       Returns
       -------
       array
           A boolean array of the shape of ``a`` (all true for integer and boolean arrays).

       Examples
       --------
       >>> mx.isfinite(mx.array([1.0, float("inf"), float("nan")]))
       array([True, False, False], dtype=bool)

       Notes
       -----
       The parameters after the operands may also be passed by position (``mx.isfinite(a, mx.cpu)``), as
       the reference's published signature lists them; MLX's own binding takes them only by keyword.
       """,
       signature='a, stream=None'),
    Op('isposinf', "unary", 'isposinf', (), 'np.isposinf(x)', 'special',
       """Element-wise test for positive infinity.

       Parameters
       ----------
       a : array
           The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
           own binding refuses lists).
       stream : Stream or Device, optional
           Where to schedule the computation. Default: ``None``, the default stream of the default device.

       Returns
       -------
       array
           A boolean array of the shape of ``a``.

       Examples
       --------
       >>> mx.isposinf(mx.array([1.0, float("inf"), -float("inf")]))
       array([False, True, False], dtype=bool)

       Notes
       -----
       The parameters after the operands may also be passed by position (``mx.isposinf(a, mx.cpu)``), as
       the reference's published signature lists them; MLX's own binding takes them only by keyword.
       """,
       signature='a, stream=None'),
    Op('isneginf', "unary", 'isneginf', (), 'np.isneginf(x)', 'special',
       """Element-wise test for negative infinity.

       Parameters
       ----------
       a : array
           The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
           own binding refuses lists).
       stream : Stream or Device, optional
           Where to schedule the computation. Default: ``None``, the default stream of the default device.

       Returns
       -------
       array
           A boolean array of the shape of ``a``.

       Examples
       --------
       >>> mx.isneginf(mx.array([1.0, float("inf"), -float("inf")]))
       array([False, False, True], dtype=bool)

       Notes
       -----
       The parameters after the operands may also be passed by position (``mx.isneginf(a, mx.cpu)``), as
       the reference's published signature lists them; MLX's own binding takes them only by keyword.
       """,
       signature='a, stream=None'),
    Op('conj', "unary", 'conjugate', ('conjugate',), 'np.conj(x)', 'complex',
       """Element-wise complex conjugate.

       Real arrays come back with their values and dtype unchanged. ``conjugate`` is the same function.

       Parameters
       ----------
       a : array
           The input array. Python scalars, lists and NumPy arrays are converted to an array first (MLX's
           own binding refuses lists).
       stream : Stream or Device, optional
           Where to schedule the computation. Default: ``None``, the default stream of the default device.

       Returns
       -------
       array
           The conjugate of each element, same shape and dtype as ``a``.

       Examples
       --------
       >>> mx.conj(mx.array([1 + 2j, 3 - 4j]))
       array([1-2j, 3+4j], dtype=complex64)
       >>> mx.conjugate(mx.array([2j]))
       array([0-2j], dtype=complex64)
       """,
       signature='a, *, stream=None',
       method="""The complex conjugate of each element.

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
       """),
    Op('all', "reduction", 'all', (), 'np.all(x, **kw)', (-1, 1),
       """Test whether every element is true (non-zero) over the given axes.

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
       method="""Whether every element is true (non-zero), over ``axis``.

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
       """),
    Op('any', "reduction", 'any', (), 'np.any(x, **kw)', (-1, 1),
       """Test whether any element is true (non-zero) over the given axes.

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
       method="""Whether any element is true (non-zero), over ``axis``.

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
       """),
    Op('sum', "reduction", 'sum', (), 'np.sum(x, **kw)', (-2, 2),
       """Sum of the elements over the given axes.

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
       method="""The sum of the elements over ``axis``.

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
       """),
    Op('prod', "reduction", 'prod', (), 'np.prod(x, **kw)', (0.5, 1.5),
       """Product of the elements over the given axes.

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
       method="""The product of the elements over ``axis``.

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
       """),
    Op('mean', "reduction", 'mean', (), 'np.mean(x, **kw)', (-2, 2),
       """Arithmetic mean of the elements over the given axes.

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
       method="""The mean of the elements over ``axis``.

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
       """),
    Op('median', "reduction", 'median', (), 'np.median(x, **kw)', (-2, 2),
       """Median of the elements over the given axes.

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
       """),
    Op('min', "reduction", 'min', (), 'np.min(x, **kw)', (-2, 2),
       """Minimum of the elements over the given axes.

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
       method="""The smallest element over ``axis``.

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
       """),
    Op('max', "reduction", 'max', (), 'np.max(x, **kw)', (-2, 2),
       """Maximum of the elements over the given axes.

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
       method="""The largest element over ``axis``.

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
       """),
    Op('logsumexp', "reduction", 'mlxcy::cpuk::logsumexp', (), 'np.log(np.sum(np.exp(x), **kw))', (-2, 2),
       """Logarithm of the sum of exponentials over the given axes.

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
       method="""``log(sum(exp(a)))`` over ``axis``, computed without overflow.

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
       """),
    Op('count_nonzero', "reduction", 'count_nonzero', (), 'np.count_nonzero(x, **kw)', (-2, 2),
       """Count the non-zero elements over the given axes.

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
       signature='a, /, *, axis=None, keepdims=False, stream=None'),
    Op('cumsum', 'scan_dtype', 'cumsum', ('cumulative_sum',), 'np.cumsum(x, **kw)', (-2, 2),
       """Cumulative sum along an axis.

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
       method="""The running sum along ``axis``.

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
       """),
    Op('cumprod', 'scan_dtype', 'cumprod', ('cumulative_prod',), 'np.cumprod(x, **kw)', (0.5, 1.5),
       """Cumulative product along an axis.

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
       method="""The running product along ``axis``.

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
       """),
    Op('cummax', 'scan', 'cummax', (), 'np.maximum.accumulate(x, **kw)', (-2, 2),
       """Cumulative maximum along an axis.

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
       method="""The running maximum along ``axis``.

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
       """),
    Op('cummin', 'scan', 'cummin', (), 'np.minimum.accumulate(x, **kw)', (-2, 2),
       """Cumulative minimum along an axis.

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
       method="""The running minimum along ``axis``.

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
       """),
    Op('logcumsumexp', 'scan', 'logcumsumexp', (), 'np.logaddexp.accumulate(x, **kw)', (-2, 2),
       """Cumulative ``log(sum(exp(a)))`` along an axis, computed stably.

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
       method="""The running ``log(sum(exp(a)))`` along ``axis``, computed without overflow.

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
       """),
    Op('sort', 'sort', 'sort', (), 'np.sort(x, **kw)', (-2, 2),
       """A sorted copy of an array along an axis, in ascending order.

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
       """),
    Op('argsort', 'sort', 'argsort', (), "np.argsort(x, kind='stable', **kw)", (-2, 2),
       """Indices that sort an array along an axis, in ascending order.

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
       """),
    Op('partition', 'partition', 'partition', (), 'np.sort(x, **kw)', (-2, 2),
       """A partially sorted copy: the element at index ``kth`` is where a full sort puts it.

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
       """),
    Op('argpartition', 'partition', 'argpartition', (), "np.argsort(x, kind='stable', **kw)", (-2, 2),
       """Indices that partition an array around position ``kth``, as in :func:`partition`.

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
       """),
    Op('topk', 'topk', 'topk', (), "np.take(np.sort(x, **kw), [-2, -1], kw['axis'])", (-2, 2),
       """The ``k`` largest elements along an axis, in no particular order.

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
       """),
]
