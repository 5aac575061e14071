"""Upsample: nearest, linear and cubic interpolation over the spatial axes of channels-last inputs.

Every output sample is a weighted sum of the few input samples it reads (its taps), one gather
per tap: a NaN or inf in the input only reaches the outputs that read it. Linear and cubic
weights are computed in float32 from float32 positions, in the reference's order (the results
are bit-equal); antialiasing filters in plain Python (float64). No NumPy is needed.

Examples
--------
>>> nn.upsample.Upsample is nn.Upsample
True
"""
import itertools
import math
from typing import Literal, Tuple, Union

import mlxcy as mx
from mlxcy.nn.layers.base import Module


def _source_positions(n_in, n_out, scale, align_corners):
    """Where each output sample falls in input coordinates (pixel centres at integers)."""
    if align_corners:
        if n_out <= 1:
            return [0.0] * n_out
        ratio = (n_in - 1) / (n_out - 1)
        return [i * ratio for i in range(n_out)]
    step = 1.0 / scale
    shift = ((n_out - 1) * step - n_in + 1) / 2
    return [i * step - shift for i in range(n_out)]


def _clip(value, low, high):
    return min(max(value, low), high)


def _cubic_kernel(d, a):
    d = abs(d)
    if d < 1:
        return ((a + 2) * d - (a + 3)) * d * d + 1
    if d < 2:
        return ((a * d - 5 * a) * d + 8 * a) * d - 4 * a
    return 0.0


def _triangle_kernel(d):
    return max(0.0, 1 - abs(d))


def _antialias_matrix(n_in, n_out, scale, kernel, support):
    """Filtering resampler: the kernel is stretched by ``1/scale`` when shrinking, and the
    weights of each output are normalised to sum to one."""
    stretch = max(1.0 / scale, 1.0)
    w = []
    for pos in _source_positions(n_in, n_out, scale, False):
        centre = pos + 0.5
        row = []
        for j in range(n_in):
            d = (j + 0.5) - centre
            row.append(kernel(d / stretch) if abs(d) < support * stretch else 0.0)
        total = sum(row)
        w.append([v / total for v in row])
    return w


def _as_float(x):
    # float32 weights: half-precision and integer inputs come out float32 (as the reference's)
    return x if mx.issubdtype(x.dtype, mx.floating) else x.astype(mx.float32)


def _along_axis_shape(ndim, axis):
    shape = [1] * ndim
    shape[axis] = -1
    return shape


def _nonzero_taps(matrix):
    """The taps (index, weight) of each row of an ``(out, in)`` weight matrix: its nonzero entries."""
    return [[(j, w) for j, w in enumerate(row) if w != 0.0] for row in matrix]


def _apply_taps(x, axis, taps):
    """Resample ``axis`` of ``x``: output ``i`` is the sum of ``x[j] * w`` over its taps ``(j, w)``,
    one gather per tap (not a matrix product), so a NaN or inf in the input reaches only the
    outputs that read it."""
    width = max((len(t) for t in taps), default=0)
    out = None
    for k in range(width):
        # rows with fewer taps repeat their first input with weight 0 (a value they already read)
        index = [t[k][0] if k < len(t) else (t[0][0] if t else 0) for t in taps]
        weight = [t[k][1] if k < len(t) else 0.0 for t in taps]
        term = mx.take(x, mx.array(index, dtype=mx.int32), axis=axis) * mx.array(weight).reshape(
            _along_axis_shape(x.ndim, axis))
        out = term if out is None else out + term
    if out is None:  # no output samples, or no input ones
        shape = list(x.shape)
        shape[axis] = len(taps)
        out = mx.zeros(shape, dtype=_as_float(x).dtype)
    return _as_float(out)


def _float32_positions(n_in, n_out, scale, align_corners):
    """:func:`_source_positions` computed in float32, as the reference computes them."""
    i = mx.arange(n_out, dtype=mx.float32)
    if align_corners:
        return i * ((n_in - 1) / (n_out - 1)) if n_out > 1 else mx.zeros((n_out,))
    step = 1.0 / scale
    return i * step - ((n_out - 1) * step - n_in + 1) / 2


def _linear_taps(n_in, n_out, scale, align_corners):
    """The two taps (index array, weight array) of linear interpolation along one axis."""
    pos = mx.clip(_float32_positions(n_in, n_out, scale, align_corners), 0, n_in - 1)
    lo, hi = mx.floor(pos), mx.ceil(pos)
    frac = pos - lo
    return [(lo.astype(mx.int32), 1 - frac), (hi.astype(mx.int32), frac)]


def _cubic_weight(d, a=-0.75):
    """The cubic convolution kernel at distances ``d`` (float32 arithmetic, the reference's form)."""
    d = mx.abs(d)
    near = ((a + 2) * d - (a + 3)) * d * d + 1
    far = a * (((d - 5) * d + 8) * d - 4)
    return mx.where(d <= 1, near, mx.where(d < 2, far, 0.0))


def _cubic_taps(n_in, n_out, scale, align_corners):
    """The four taps (index array, weight array) of cubic convolution along one axis; taps
    beyond the edges read the edge sample (their weights are kept, zero ones included)."""
    pos = _float32_positions(n_in, n_out, scale, align_corners)
    base = mx.floor(pos)
    taps = []
    for off in (0, 1, -1, 2):  # the reference's order of summation
        index = base + off
        taps.append((mx.clip(index, 0, n_in - 1).astype(mx.int32), _cubic_weight(pos - index)))
    return taps


def _resample_by_taps(x, scale_factor, align_corners, taps_fn, joint):
    """Interpolate the spatial axes from the taps of ``taps_fn``: axis by axis, or (``joint``) as
    one sum over every combination of the axes' taps, weighted by the product of their weights.
    The reference resamples linear without align_corners axis by axis, the rest jointly: the
    same order of operations gives the same roundings."""
    x = _as_float(x)
    taps = [taps_fn(x.shape[1 + d], _out_size(x.shape[1 + d], s), s, align_corners)
            for d, s in enumerate(scale_factor)]
    if not joint:
        for d, axis_taps in enumerate(taps):
            shape = _along_axis_shape(x.ndim, 1 + d)
            out = None
            for index, weight in axis_taps:
                term = mx.take(x, index, axis=1 + d) * weight.reshape(shape)
                out = term if out is None else out + term
            x = out
        return x
    out = None
    for corner in itertools.product(*taps):
        gathered, weight = x, None
        for d, (index, w) in enumerate(corner):
            gathered = mx.take(gathered, index, axis=1 + d)
            w = w.reshape(_along_axis_shape(x.ndim, 1 + d))
            weight = w if weight is None else weight * w
        term = gathered * weight
        out = term if out is None else out + term
    return out


def _out_size(n, s):
    return int(s * n)


def _nearest_indices(n_in, n_out):
    """Source index of each output sample: the nearest centre when enlarging (ties to even,
    as Python's round), the window start when shrinking."""
    ratio = n_in / n_out
    if n_out > n_in:
        idx = [round((i + 0.5) * ratio - 0.5) for i in range(n_out)]
    else:
        idx = [math.floor(i * ratio) for i in range(n_out)]
    return [_clip(int(i), 0, n_in - 1) for i in idx]


def upsample_nearest(x: mx.array, scale_factor: Tuple):
    """Nearest-neighbour resampling of the spatial axes (what ``Upsample(mode='nearest')`` calls).

    Parameters
    ----------
    x : array
        Input of shape ``(N, *spatial, C)``.
    scale_factor : tuple(float)
        One factor per spatial axis; each size ``L`` becomes ``floor(L * factor)``.

    Returns
    -------
    array
        The resampled input, its dtype kept.

    Examples
    --------
    >>> x = mx.array([1, 2]).reshape(1, 2, 1)
    >>> nn.upsample.upsample_nearest(x, (2,)).reshape(-1)
    array([1, 1, 2, 2], dtype=int32)
    """
    for d, s in enumerate(scale_factor):
        axis = 1 + d
        n = x.shape[axis]
        m = _out_size(n, s)
        if float(s).is_integer():
            # a whole factor repeats each sample (0 times: an empty axis; fewer: an error)
            if m < 0:
                raise ValueError("[broadcast_to] Negative dimensions not allowed.")
            x = mx.repeat(x, int(s), axis=axis)
            continue
        x = mx.take(x, mx.array(_nearest_indices(n, m), dtype=mx.int32), axis=axis)
    return x


def _antialiased(x, scale_factor, kernel, support):
    """Resample axis by axis with the filter ``kernel`` of half-width ``support``."""
    for d, s in enumerate(scale_factor):
        axis = 1 + d
        n = x.shape[axis]
        x = _apply_taps(x, axis, _nonzero_taps(_antialias_matrix(n, _out_size(n, s), s, kernel, support)))
    return x


def upsample_linear(x: mx.array, scale_factor: Tuple, align_corners: bool = False, antialias: bool = False):
    """(Multi-)linear resampling of the spatial axes (what ``Upsample(mode='linear')`` calls).

    Parameters
    ----------
    x : array
        Input of shape ``(N, *spatial, C)``.
    scale_factor : tuple(float)
        One factor per spatial axis; each size ``L`` becomes ``floor(L * factor)``.
    align_corners : bool, optional
        Map the first and last input samples exactly onto the first and last output samples.
        Default: ``False``.
    antialias : bool, optional
        When down-sampling, filter with a kernel widened by the shrink factor (not with
        ``align_corners``). Default: ``False``.

    Returns
    -------
    array
        The resampled input; floating point (an integer input gives float32).

    Examples
    --------
    >>> x = mx.array([1.0, 2.0]).reshape(1, 2, 1)
    >>> nn.upsample.upsample_linear(x, (2,)).reshape(-1)
    array([1, 1.25, 1.75, 2], dtype=float32)
    """
    if not antialias:
        return _resample_by_taps(x, scale_factor, align_corners, _linear_taps, joint=align_corners)
    return _antialiased(x, scale_factor, _triangle_kernel, 1)


def upsample_cubic(x: mx.array, scale_factor: Tuple, align_corners: bool = False, antialias: bool = False):
    """Cubic-convolution resampling of the spatial axes (what ``Upsample(mode='cubic')`` calls).

    Parameters
    ----------
    x : array
        Input of shape ``(N, *spatial, C)``.
    scale_factor : tuple(float)
        One factor per spatial axis; each size ``L`` becomes ``floor(L * factor)``.
    align_corners : bool, optional
        Map the first and last input samples exactly onto the first and last output samples.
        Default: ``False``.
    antialias : bool, optional
        When down-sampling, filter with a kernel widened by the shrink factor (not with
        ``align_corners``). Default: ``False``.

    Returns
    -------
    array
        The resampled input; floating point (an integer input gives float32).

    Examples
    --------
    >>> x = mx.array([1.0, 2.0]).reshape(1, 2, 1)
    >>> nn.upsample.upsample_cubic(x, (2,)).shape
    (1, 4, 1)
    >>> nn.upsample.upsample_cubic(x, (2,), align_corners=True)[0, [0, 3], 0]
    array([1, 2], dtype=float32)
    """
    if not antialias:
        return _resample_by_taps(x, scale_factor, align_corners, _cubic_taps, joint=True)
    return _antialiased(x, scale_factor, lambda d: _cubic_kernel(d, -0.5), 2)


class Upsample(Module):
    """Resamples the spatial axes of channels-last inputs ``(N, *spatial, C)`` by ``scale_factor``.

    Each spatial size ``L`` becomes ``floor(L * scale)``. ``'nearest'`` copies the closest input
    sample; ``'linear'`` interpolates (multi-)linearly and ``'cubic'`` by cubic convolution, both
    computing in floating point (integer inputs give float32). The layer has no parameters.

    Parameters
    ----------
    scale_factor : float or tuple(float)
        One factor for every spatial axis, or one per spatial axis (the tuple's length must then
        match the input's spatial dimensions).
    mode : str, optional
        ``'nearest'``, ``'linear'`` or ``'cubic'``. Default: ``'nearest'``.
    align_corners : bool, optional
        With ``'linear'`` or ``'cubic'``, map the first and last input samples exactly onto the first
        and last output samples (else sample centres are scaled). Default: ``False``.
    antialias : bool, optional
        With ``'linear'`` or ``'cubic'``, when down-sampling, filter with a kernel widened by the
        shrink factor (weights renormalised at the edges; the cubic kernel uses ``a = -0.5``).
        Not available with ``'nearest'`` nor with ``align_corners``. Default: ``False``.

    Raises
    ------
    ValueError
        For an unknown ``mode``, ``antialias`` with ``'nearest'`` or with ``align_corners``; when
        called on an input without spatial axes (fewer than 3 dimensions) or with a number of
        spatial axes other than the number of factors.

    Examples
    --------
    >>> x = mx.array([1.0, 2.0]).reshape(1, 2, 1)
    >>> nn.Upsample(2)(x).reshape(-1)
    array([1, 1, 2, 2], dtype=float32)
    >>> nn.Upsample(2, mode="linear")(x).reshape(-1)
    array([1, 1.25, 1.75, 2], dtype=float32)
    >>> mx.round(nn.Upsample(2, mode="linear", align_corners=True)(x).reshape(-1), 3)
    array([1, 1.333, 1.667, 2], dtype=float32)
    >>> nn.Upsample((2, 3))(mx.ones((1, 2, 2, 1))).shape
    (1, 4, 6, 1)
    """

    def __init__(self, scale_factor: Union[float, Tuple], mode: Literal["nearest", "linear", "cubic"] = "nearest",
                 align_corners: bool = False, antialias: bool = False):
        super().__init__()
        if mode not in ("nearest", "linear", "cubic"):
            raise ValueError(f"[Upsample] Got unsupported upsampling algorithm: {mode}")
        if antialias and mode == "nearest":
            raise ValueError("[Upsample] Antialiasing is not supported for nearest neighbor upsampling")
        if antialias and align_corners:
            raise ValueError(
                "[Upsample] antialias=True with align_corners=True is not supported. "
                "Use align_corners=False for antialiased interpolation."
            )
        if isinstance(scale_factor, (list, tuple)):
            self.scale_factor = tuple(map(float, scale_factor))
        else:
            self.scale_factor = float(scale_factor)
        self.mode = mode
        self.align_corners = align_corners
        self.antialias = antialias

    def _extra_repr(self) -> str:
        text = f"scale_factor={self.scale_factor}, mode={self.mode!r}, align_corners={self.align_corners}"
        if self.antialias:
            text += f", antialias={self.antialias}"
        return text

    def __call__(self, x: mx.array) -> mx.array:
        dims = x.ndim - 2
        if dims <= 0:
            raise ValueError(
                "[Upsample] The input should have at least 1 spatial dimension which means it "
                f"should be at least 3D but {x.ndim}D was provided"
            )
        scale = self.scale_factor
        if isinstance(scale, tuple):
            if len(scale) != dims:
                raise ValueError(
                    f"[Upsample] One scale per spatial dimension is required but scale_factor={scale} "
                    f"and the number of spatial dimensions were {dims}"
                )
        else:
            scale = (scale,) * dims
        if self.mode == "nearest":
            return upsample_nearest(x, scale)
        if self.mode == "linear":
            return upsample_linear(x, scale, self.align_corners, self.antialias)
        return upsample_cubic(x, scale, self.align_corners, self.antialias)
