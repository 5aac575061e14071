"""Upsample: nearest, linear and cubic interpolation over the spatial axes of channels-last inputs.

Linear and cubic interpolation are applied one spatial axis at a time as a product with a
small ``(out, in)`` interpolation matrix: a constant of the shapes, computed in plain Python
(float64, as nested lists) so that ``mlxcy.nn`` needs no NumPy.
"""
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


def _zero_matrix(n_out, n_in):
    return [[0.0] * n_in for _ in range(n_out)]


def _linear_matrix(n_in, n_out, scale, align_corners):
    w = _zero_matrix(n_out, n_in)
    for row, pos in enumerate(_source_positions(n_in, n_out, scale, align_corners)):
        pos = _clip(pos, 0, n_in - 1)
        lo = math.floor(pos)
        hi = min(lo + 1, n_in - 1)
        frac = pos - lo
        w[row][lo] += 1 - frac
        w[row][hi] += frac
    return w


def _cubic_matrix(n_in, n_out, scale, align_corners):
    w = _zero_matrix(n_out, n_in)
    for row, pos in enumerate(_source_positions(n_in, n_out, scale, align_corners)):
        base = math.floor(pos)
        for off in (-1, 0, 1, 2):
            tap = base + off
            # taps beyond the edges read the edge sample
            w[row][_clip(tap, 0, n_in - 1)] += _cubic_kernel(pos - tap, -0.75)
    return w


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


def _along_axis(x, axis, matrix):
    # float32 weights, so half-precision and integer inputs come out float32 (as the reference's)
    m = mx.array(matrix, dtype=mx.float32) if matrix else mx.zeros((0, x.shape[axis]))
    if not mx.issubdtype(x.dtype, mx.floating):
        x = x.astype(mx.float32)
    y = mx.swapaxes(x, axis, -1) @ m.T
    return mx.swapaxes(y, axis, -1)


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
    """Nearest-neighbour resampling of ``x`` ``(N, *spatial, C)`` by one factor per spatial axis."""
    for d, s in enumerate(scale_factor):
        axis = 1 + d
        n = x.shape[axis]
        m = _out_size(n, s)
        if float(s).is_integer() and m <= 0:
            # a whole factor repeats samples: 0 repeats is an empty axis, fewer is an error
            if m < 0:
                raise ValueError("[broadcast_to] Negative dimensions not allowed.")
            indices = []
        else:
            indices = _nearest_indices(n, m)
        x = mx.take(x, mx.array(indices, dtype=mx.int32), axis=axis)
    return x


def _interpolate(x, scale_factor, align_corners, antialias, matrix_fn, kernel, support):
    for d, s in enumerate(scale_factor):
        axis = 1 + d
        n = x.shape[axis]
        m = _out_size(n, s)
        if antialias:
            w = _antialias_matrix(n, m, s, kernel, support)
        else:
            w = matrix_fn(n, m, s, align_corners)
        x = _along_axis(x, axis, w)
    return x


def upsample_linear(x: mx.array, scale_factor: Tuple, align_corners: bool = False, antialias: bool = False):
    """(Multi-)linear resampling of ``x`` ``(N, *spatial, C)``; ``antialias`` smooths down-sampling."""
    return _interpolate(x, scale_factor, align_corners, antialias, _linear_matrix, _triangle_kernel, 1)


def upsample_cubic(x: mx.array, scale_factor: Tuple, align_corners: bool = False, antialias: bool = False):
    """Cubic-convolution resampling of ``x`` ``(N, *spatial, C)``; ``antialias`` smooths down-sampling."""
    return _interpolate(x, scale_factor, align_corners, antialias, _cubic_matrix,
                        lambda d: _cubic_kernel(d, -0.5), 2)


class Upsample(Module):
    """Resamples the spatial axes of ``(N, *spatial, C)`` inputs by ``scale_factor``.

    ``mode`` is ``'nearest'``, ``'linear'`` or ``'cubic'``; ``align_corners`` maps the corner
    samples onto each other; ``antialias`` resamples with a filter widened by the shrink factor
    when down-sampling, with weights renormalised at the edges (and the a=-0.5 cubic kernel),
    not available with ``nearest`` nor with ``align_corners``.
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
