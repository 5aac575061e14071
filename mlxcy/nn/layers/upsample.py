"""Upsample: nearest, linear and cubic interpolation over the spatial axes of channels-last inputs.

Linear and cubic interpolation are applied one spatial axis at a time as a product with a
small ``(out, in)`` interpolation matrix computed in NumPy (a constant of the shapes).
"""
import math
from typing import Literal, Tuple, Union

import numpy as np

import mlxcy as mx
from mlxcy.nn.layers.base import Module


def _source_positions(n_in, n_out, scale, align_corners):
    """Where each output sample falls in input coordinates (pixel centres at integers)."""
    i = np.arange(n_out, dtype=np.float64)
    if align_corners:
        return i * ((n_in - 1) / (n_out - 1)) if n_out > 1 else np.zeros(n_out)
    step = 1.0 / scale
    shift = ((n_out - 1) * step - n_in + 1) / 2
    return i * step - shift


def _cubic_kernel(d, a):
    d = np.abs(d)
    near = ((a + 2) * d - (a + 3)) * d * d + 1
    far = ((a * d - 5 * a) * d + 8 * a) * d - 4 * a
    return np.where(d < 1, near, np.where(d < 2, far, 0.0))


def _triangle_kernel(d):
    return np.maximum(0.0, 1 - np.abs(d))


def _linear_matrix(n_in, n_out, scale, align_corners):
    pos = np.clip(_source_positions(n_in, n_out, scale, align_corners), 0, n_in - 1)
    lo = np.floor(pos).astype(np.int64)
    hi = np.minimum(lo + 1, n_in - 1)
    frac = pos - lo
    w = np.zeros((n_out, n_in))
    rows = np.arange(n_out)
    np.add.at(w, (rows, lo), 1 - frac)
    np.add.at(w, (rows, hi), frac)
    return w


def _cubic_matrix(n_in, n_out, scale, align_corners):
    pos = _source_positions(n_in, n_out, scale, align_corners)
    base = np.floor(pos).astype(np.int64)
    w = np.zeros((n_out, n_in))
    rows = np.arange(n_out)
    for off in (-1, 0, 1, 2):
        tap = base + off
        weight = _cubic_kernel(pos - tap, -0.75)
        # taps beyond the edges read the edge sample
        np.add.at(w, (rows, np.clip(tap, 0, n_in - 1)), weight)
    return w


def _antialias_matrix(n_in, n_out, scale, kernel, support):
    """Filtering resampler: the kernel is stretched by ``1/scale`` when shrinking, and the
    weights of each output are normalised to sum to one."""
    centre = _source_positions(n_in, n_out, scale, False) + 0.5
    stretch = max(1.0 / scale, 1.0)
    taps = np.arange(n_in) + 0.5
    w = kernel((taps[None, :] - centre[:, None]) / stretch)
    w[np.abs(taps[None, :] - centre[:, None]) >= support * stretch] = 0.0
    return w / w.sum(axis=1, keepdims=True)


def _along_axis(x, axis, matrix):
    # float32 weights, so half-precision and integer inputs come out float32 (as the reference's)
    m = mx.array(matrix.astype(np.float32))
    if not mx.issubdtype(x.dtype, mx.floating):
        x = x.astype(mx.float32)
    y = mx.swapaxes(x, axis, -1) @ m.T
    return mx.swapaxes(y, axis, -1)


def _out_size(n, s):
    return int(s * n)


def _nearest_indices(n_in, n_out):
    """Source index of each output sample: the nearest centre when enlarging (ties to even),
    the window start when shrinking."""
    ratio = n_in / n_out
    i = np.arange(n_out, dtype=np.float64)
    if n_out > n_in:
        idx = np.round((i + 0.5) * ratio - 0.5)
    else:
        idx = np.floor(i * ratio)
    return np.clip(idx, 0, n_in - 1).astype(np.int32)


def upsample_nearest(x: mx.array, scale_factor: Tuple):
    """Nearest-neighbour resampling of ``x`` ``(N, *spatial, C)`` by one factor per spatial axis."""
    for d, s in enumerate(scale_factor):
        axis = 1 + d
        n = x.shape[axis]
        x = mx.take(x, mx.array(_nearest_indices(n, _out_size(n, s))), axis=axis)
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
