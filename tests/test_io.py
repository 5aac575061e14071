"""load/save in every format: dtypes, metadata, bit-exact round trips, interop with NumPy and
the safetensors package, paths and file objects, memory-mapped loading."""
import errno
import gc
import io
import json
import os
import pathlib
import struct
import sys
import types
import weakref

import numpy as np
import pytest

import mlxcy as mx
from _device import cpu_only
from _oracles import REFERENCE_PYTHON

ALL = [mx.bool_, mx.uint8, mx.uint16, mx.uint32, mx.uint64, mx.int8, mx.int16, mx.int32, mx.int64,
       mx.float16, mx.bfloat16, mx.float32, mx.complex64]
NP = {mx.bool_: np.bool_, mx.uint8: np.uint8, mx.uint16: np.uint16, mx.uint32: np.uint32,
      mx.uint64: np.uint64, mx.int8: np.int8, mx.int16: np.int16, mx.int32: np.int32,
      mx.int64: np.int64, mx.float16: np.float16, mx.float32: np.float32, mx.float64: np.float64,
      mx.complex64: np.complex64}


def sample(dt, shape=(3, 4)):
    """Distinct values of dtype `dt` (bfloat16 built from float32 bit patterns)."""
    n = int(np.prod(shape))
    rng = np.random.default_rng(7)
    if dt == mx.bfloat16:
        return mx.array(rng.standard_normal(n).astype(np.float32).reshape(shape), dtype=mx.bfloat16)
    if dt == mx.bool_:
        v = rng.integers(0, 2, n).astype(bool)
    elif dt == mx.complex64:
        v = (rng.standard_normal(n) + 1j * rng.standard_normal(n)).astype(np.complex64)
    elif dt in (mx.float16, mx.float32, mx.float64):
        v = rng.standard_normal(n).astype(NP[dt])
    else:
        info = np.iinfo(NP[dt])
        v = rng.integers(info.min, info.max, n, dtype=NP[dt], endpoint=True)
    return mx.array(v.reshape(shape), dtype=dt)


def raw(a):
    """The bytes of an array (bit-exact comparison; bfloat16 through its uint16 view, as mlxcy
    refuses the buffer protocol for bfloat16 where ml_dtypes is installed)."""
    if a.dtype == mx.bfloat16:
        a = a.view(mx.uint16)
    return memoryview(a).tobytes()     # row-major, whatever the strides or size


def bits_equal(a, b):
    assert a.dtype == b.dtype and a.shape == b.shape
    assert raw(a) == raw(b)


def dtypes_for(fmt):
    out = list(ALL)
    if fmt == "gguf":
        out = [d for d in out if d in (mx.int8, mx.int16, mx.int32, mx.float16, mx.float32)]
    return out


# ---- npy ------------------------------------------------------------------------------------

@pytest.mark.parametrize("dt", dtypes_for("npy") + [cpu_only(mx.float64)])
def test_npy_round_trip_and_numpy(tmp_path, dt):
    a = sample(dt)
    p = tmp_path / "a.npy"
    mx.save(str(p), a)
    b = mx.load(str(p))
    bits_equal(a, b)
    if dt != mx.bfloat16:
        ref = np.load(p)
        assert ref.dtype == NP[dt]
        assert ref.tobytes() == raw(a)


@pytest.mark.parametrize("npdt", [np.bool_, np.uint8, np.int16, np.uint32, np.int64, np.float16,
                                  np.float32, np.complex64, ">i4", ">f4"])
def test_numpy_written_npy_loads(tmp_path, npdt):
    x = (np.arange(12) % 7).astype(npdt).reshape(3, 4)
    np.save(tmp_path / "x.npy", x)
    for mm in (False, True):
        y = mx.load(str(tmp_path / "x.npy"), mmap=mm)
        np.testing.assert_array_equal(np.array(y), x)


def test_npy_fortran_order(tmp_path):
    x = np.asfortranarray(np.arange(24, dtype=np.float32).reshape(2, 3, 4))
    np.save(tmp_path / "f.npy", x)
    for mm in (False, True):
        np.testing.assert_array_equal(np.array(mx.load(tmp_path / "f.npy", mmap=mm)), x)


def test_npy_0d_and_empty(tmp_path):
    for x in (np.array(3.5, np.float32), np.zeros((0, 3), np.int32)):
        np.save(tmp_path / "z.npy", x)
        for mm in (False, True):
            y = mx.load(tmp_path / "z.npy", mmap=mm)
            assert y.shape == x.shape
            np.testing.assert_array_equal(np.array(y), x)


def test_save_appends_extension(tmp_path):
    a = mx.array([1, 2, 3])
    mx.save(str(tmp_path / "noext"), a)
    assert (tmp_path / "noext.npy").exists()
    mx.savez(str(tmp_path / "z"), a)
    assert (tmp_path / "z.npz").exists()
    mx.save_safetensors(str(tmp_path / "s"), {"a": a})
    assert (tmp_path / "s.safetensors").exists()
    mx.save_gguf(str(tmp_path / "g"), {"a": a})
    assert (tmp_path / "g.gguf").exists()


# ---- npz ------------------------------------------------------------------------------------

@pytest.mark.parametrize("compressed", [False, True])
def test_npz_round_trip_and_numpy(tmp_path, compressed):
    arrs = {str(d): sample(d) for d in dtypes_for("npy") if d != mx.bfloat16}
    f = mx.savez_compressed if compressed else mx.savez
    p = tmp_path / "x.npz"
    f(p, sample(mx.int32), **arrs)
    got = mx.load(p)
    assert set(got) == set(arrs) | {"arr_0"}
    for k, v in arrs.items():
        bits_equal(v, got[k])
    with np.load(p) as z:
        for k, v in arrs.items():
            assert z[k].tobytes() == raw(v)
        if compressed:
            import zipfile
            with zipfile.ZipFile(p) as zf:
                assert all(i.compress_type == zipfile.ZIP_DEFLATED for i in zf.infolist())


def test_numpy_written_npz_loads(tmp_path):
    np.savez_compressed(tmp_path / "n.npz", a=np.arange(5, dtype=np.int16), b=np.eye(3, dtype=np.float32))
    got = mx.load(tmp_path / "n.npz")
    np.testing.assert_array_equal(np.array(got["a"]), np.arange(5))
    np.testing.assert_array_equal(np.array(got["b"]), np.eye(3))


def test_savez_name_clash():
    with pytest.raises(ValueError, match="arr_0"):
        mx.savez(io.BytesIO(), mx.array(1), arr_0=mx.array(2))


# ---- safetensors ---------------------------------------------------------------------------

@pytest.mark.parametrize("mm", [False, True])
def test_safetensors_all_dtypes_metadata(tmp_path, mm):
    arrs = {str(d): sample(d) for d in dtypes_for("safetensors")}
    meta = {"format": "mlx", "note": "ünïcode"}
    p = tmp_path / "w.safetensors"
    mx.save_safetensors(p, arrs, metadata=meta)
    got, m = mx.load(p, return_metadata=True, mmap=mm)
    assert m == meta
    assert set(got) == set(arrs)
    for k in arrs:
        bits_equal(arrs[k], got[k])


def test_safetensors_package_interop(tmp_path):
    st = pytest.importorskip("safetensors.numpy")
    ours = {"a": sample(mx.float32), "b": sample(mx.int64), "c": sample(mx.float16), "d": sample(mx.bool_)}
    mx.save_safetensors(tmp_path / "o.safetensors", ours)
    theirs = st.load_file(str(tmp_path / "o.safetensors"))
    for k, v in ours.items():
        assert theirs[k].tobytes() == raw(v)
    data = {"x": np.arange(10, dtype=np.float32), "y": np.ones((2, 3), np.uint8)}
    st.save_file(data, str(tmp_path / "t.safetensors"), metadata={"k": "v"})
    for mm in (False, True):
        got, meta = mx.load(tmp_path / "t.safetensors", return_metadata=True, mmap=mm)
        assert meta == {"k": "v"}
        for k, v in data.items():
            np.testing.assert_array_equal(np.array(got[k]), v)


def test_safetensors_bad_metadata():
    with pytest.raises(ValueError, match="Metadata"):
        mx.save_safetensors(io.BytesIO(), {"a": mx.array(1)}, {"k": 1})


# mlxcy writes safetensors itself, padding the header so that the data section starts at a
# multiple of 8 bytes (the reference's writer does not pad): mx.load(mmap=True) can then view
# every tensor of a file mlxcy wrote instead of copying it.

# The format's dtype names (from the safetensors format description), by mlxcy dtype.
ST_NAME = {mx.bool_: "BOOL", mx.uint8: "U8", mx.uint16: "U16", mx.uint32: "U32", mx.uint64: "U64",
           mx.int8: "I8", mx.int16: "I16", mx.int32: "I32", mx.int64: "I64", mx.float16: "F16",
           mx.bfloat16: "BF16", mx.float32: "F32", mx.complex64: "C64"}
ST_ITEMSIZE = {"BOOL": 1, "U8": 1, "I8": 1, "U16": 2, "I16": 2, "F16": 2, "BF16": 2, "U32": 4, "I32": 4,
               "F32": 4, "U64": 8, "I64": 8, "C64": 8}


def _read_safetensors(blob):
    """(header dict, data section bytes, data start) of a safetensors file, read here from the
    format description: an 8-byte little-endian header length, the JSON header, the data."""
    (n,) = struct.unpack("<Q", blob[:8])
    return json.loads(blob[8:8 + n].decode("utf-8")), blob[8 + n:], 8 + n


def _odd_sized_tensors():
    """Tensors of every dtype, the 1-byte ones first and of odd sizes (so that packing them in
    order would misalign the rest), plus a scalar, an empty, a transposed and a broadcast one."""
    out = {"flag": mx.array([True, False, True]), "byte": sample(mx.uint8, (5,))}
    out.update({str(d): sample(d, (3, 5)) for d in ALL})
    out.update({"scalar": mx.array(2.5), "empty": mx.zeros((0, 3), dtype=mx.int64),
                "transposed": sample(mx.int32, (4, 3)).T,
                "broadcast": mx.broadcast_to(mx.array([1.5, -2.0], dtype=mx.float16), (3, 2))})
    return out


@pytest.mark.parametrize("via", ["path", "file object"])
def test_safetensors_writer_aligns_every_tensor(tmp_path, via):
    arrs = _odd_sized_tensors()
    meta = {"step": "3"}
    p = tmp_path / "a.safetensors"
    if via == "path":
        mx.save_safetensors(str(p), arrs, metadata=meta)
    else:
        with open(p, "wb") as f:
            mx.save_safetensors(f, arrs, metadata=meta)
    header, data, start = _read_safetensors(p.read_bytes())
    assert start % 8 == 0
    assert header.pop("__metadata__") == meta
    assert list(header) == list(arrs)            # the dict's order
    spans = []
    for name, a in arrs.items():
        entry = header[name]
        assert entry["dtype"] == ST_NAME[a.dtype], name
        assert entry["shape"] == list(a.shape), name
        b, e = entry["data_offsets"]
        assert b % ST_ITEMSIZE[entry["dtype"]] == 0, name      # aligned in the file
        want = np.ascontiguousarray(np.array(a.view(mx.uint16) if a.dtype == mx.bfloat16 else a))
        assert data[b:e] == want.tobytes(), name
        spans.append((b, e))
    spans.sort()
    assert spans[0][0] == 0 and spans[-1][1] == len(data)       # no gap, nothing after the data
    assert all(x[1] == y[0] for x, y in zip(spans, spans[1:]))


@pytest.mark.parametrize("mm", [False, True])
@pytest.mark.parametrize("via", ["path", "file object"])
def test_safetensors_round_trip_every_dtype_and_layout(tmp_path, mm, via):
    arrs = _odd_sized_tensors()
    p = tmp_path / "r.safetensors"
    if via == "path":
        mx.save_safetensors(p, arrs)
    else:
        b = io.BytesIO()
        mx.save_safetensors(b, arrs)
        p.write_bytes(b.getvalue())
    got, meta = mx.load(str(p), return_metadata=True, mmap=mm)
    assert meta == {}
    assert list(got) == list(arrs)
    for k, a in arrs.items():
        assert got[k].dtype == a.dtype and got[k].shape == a.shape, k
        bits_equal(a, got[k])


def test_safetensors_metadata_round_trips(tmp_path):
    meta = {"format": "mlx", "note": "ünïcode \"quoted\" \\ back", "": "empty key"}
    mx.save_safetensors(tmp_path / "m.safetensors", {"w": mx.ones(3)}, metadata=meta)
    header, _, _ = _read_safetensors((tmp_path / "m.safetensors").read_bytes())
    assert header["__metadata__"] == meta
    for mm in (False, True):
        _, m = mx.load(tmp_path / "m.safetensors", return_metadata=True, mmap=mm)
        assert m == meta


def test_safetensors_float64_refused_as_reference_leaving_old_file(tmp_path):
    # The reference: RuntimeError "[save_safetensors] received invalid dtype."
    p = tmp_path / "f.safetensors"
    mx.save_safetensors(p, {"w": mx.ones(2)})
    old = p.read_bytes()
    with pytest.raises(RuntimeError, match="invalid dtype"):
        mx.save_safetensors(p, {"w": mx.zeros(4), "d": mx.array([1.0], dtype=mx.float64)})
    with pytest.raises(RuntimeError, match="invalid dtype"):
        mx.save_safetensors(io.BytesIO(), {"d": mx.array([1.0], dtype=mx.float64)})
    assert p.read_bytes() == old
    assert os.listdir(tmp_path) == ["f.safetensors"]


def test_safetensors_array_named_metadata_refused():
    # The reference writes the array as the metadata entry: a file nothing can load.
    with pytest.raises(ValueError, match="__metadata__"):
        mx.save_safetensors(io.BytesIO(), {"__metadata__": mx.ones(2)})


class _ChunkRecorder:
    """A file object taking at most `limit` bytes per write (as a raw unbuffered file may),
    recording the size of what each call was given."""

    def __init__(self, limit):
        self.limit, self.sizes, self.data = limit, [], bytearray()

    def write(self, b):
        n = len(memoryview(b).cast("B"))
        self.sizes.append(n)
        self.data += memoryview(b).cast("B")[:self.limit]
        return min(n, self.limit)


def test_safetensors_file_object_partial_writes_and_streaming():
    arrs = {"a": sample(mx.float32, (64, 64)), "b": sample(mx.int8, (7,)), "c": sample(mx.bfloat16, (9, 9))}
    want = io.BytesIO()
    mx.save_safetensors(want, arrs)
    rec = _ChunkRecorder(1000)
    mx.save_safetensors(rec, arrs)
    assert bytes(rec.data) == want.getvalue()
    _, data, start = _read_safetensors(want.getvalue())
    # Each tensor goes to the file from its own memory: no call is handed the whole file.
    assert max(rec.sizes) <= max(start, 64 * 64 * 4)
    got = mx.load(io.BytesIO(bytes(rec.data)), format="safetensors")
    for k in arrs:
        bits_equal(arrs[k], got[k])


@pytest.mark.host_zero_copy
def test_mmap_load_of_mlxcy_written_file_views_every_tensor(tmp_path):
    # The fine-tune loop: save, then load with mmap=True. Every tensor of the file is viewed in
    # place: read-only exports, and addresses as far apart as their offsets in the file.
    arrs = {"flag": mx.array([True, False, True]), "w": sample(mx.float32, (32, 32)),
            "h": sample(mx.float16, (5,)), "i": sample(mx.int64, (3,))}
    p = tmp_path / "ft.safetensors"
    mx.save_safetensors(p, arrs)
    header, _, _ = _read_safetensors(p.read_bytes())
    got = mx.load(p, mmap=True)
    for k in arrs:
        bits_equal(arrs[k], got[k])
        assert not np.asarray(got[k]).flags.writeable, k          # a view of the mapping
        delta = header[k]["data_offsets"][0] - header["w"]["data_offsets"][0]
        assert _addr(got[k]) - _addr(got["w"]) == delta, k


def _safetensors_python():
    """An interpreter that can import the safetensors package: $MLXCY_SAFETENSORS_PYTHON, else
    the mlx-lm venv of the checkout (tests/test_mlx_lm.py makes it), else this one; or None."""
    import subprocess
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    mlxlm = os.environ.get("MLXCY_MLXLM_VENV", os.path.join(root, ".mlxlm-venv"))
    for py in (os.environ.get("MLXCY_SAFETENSORS_PYTHON"), os.path.join(mlxlm, "bin", "python"), sys.executable):
        if py and os.path.exists(py):
            r = subprocess.run([py, "-B", "-c", "import safetensors.numpy, numpy"], capture_output=True, timeout=120)
            if r.returncode == 0:
                return py
    return None


_READ_BACK = """
import json, sys
{imports}
got = {load}
out = {{}}
for k, v in got.items():
    {to_numpy}
    out[k] = [str(v.dtype), list(v.shape), v.tobytes().hex()]
print(json.dumps(out))
"""


def _assert_same_tensors(stdout, arrs):
    got = json.loads(stdout.strip().splitlines()[-1])
    assert set(got) == set(arrs)
    for k, a in arrs.items():
        assert got[k][1] == list(a.shape), k
        assert bytes.fromhex(got[k][2]) == raw(a), k


def test_mlxcy_written_safetensors_load_in_reference(tmp_path):
    import subprocess
    if not os.path.exists(REFERENCE_PYTHON):
        pytest.skip(f"no reference interpreter at {REFERENCE_PYTHON}")
    arrs = _odd_sized_tensors()
    p = tmp_path / "x.safetensors"
    mx.save_safetensors(p, arrs, metadata={"k": "v"})
    code = _READ_BACK.format(
        imports="import mlx.core as mx, numpy as np",
        load=f"mx.load({str(p)!r}, return_metadata=True)\nassert got[1] == {{'k': 'v'}}, got[1]\ngot = got[0]",
        to_numpy="v = np.array(v.view(mx.uint16) if v.dtype == mx.bfloat16 else v)")
    r = subprocess.run([REFERENCE_PYTHON, "-B", "-c", code], capture_output=True, text=True, timeout=300, cwd="/")
    assert r.returncode == 0, r.stderr[-2000:]
    _assert_same_tensors(r.stdout, arrs)


def test_mlxcy_written_safetensors_load_in_safetensors_package(tmp_path):
    import subprocess
    py = _safetensors_python()
    if py is None:
        pytest.skip("no interpreter with the safetensors package")
    # safetensors.numpy has no bfloat16 (NumPy lacks it): the other dtypes.
    arrs = {k: v for k, v in _odd_sized_tensors().items() if v.dtype != mx.bfloat16}
    p = tmp_path / "x.safetensors"
    mx.save_safetensors(p, arrs, metadata={"k": "v"})
    code = _READ_BACK.format(
        imports="import safetensors, safetensors.numpy",
        load=(f"safetensors.numpy.load_file({str(p)!r})\n"
              f"with safetensors.safe_open({str(p)!r}, 'np') as f:\n    assert f.metadata() == {{'k': 'v'}}"),
        to_numpy="pass")
    r = subprocess.run([py, "-B", "-c", code], capture_output=True, text=True, timeout=300, cwd="/")
    assert r.returncode == 0, r.stderr[-2000:]
    _assert_same_tensors(r.stdout, arrs)


# ---- gguf ----------------------------------------------------------------------------------

@pytest.mark.parametrize("dt", dtypes_for("gguf"))
def test_gguf_round_trip(tmp_path, dt):
    a = sample(dt, (2, 6))
    mx.save_gguf(tmp_path / "g.gguf", {"w": a})
    bits_equal(a, mx.load(tmp_path / "g.gguf")["w"])


def test_gguf_metadata(tmp_path):
    meta = {"name": "tiny", "tags": ["a", "b"], "n": 3, "x": 1.5, "v": [1, 2, 3],
            "arr": mx.array([1.0, 2.0])}
    mx.save_gguf(tmp_path / "m.gguf", {"w": mx.array([1.0, 2.0])}, meta)
    _, m = mx.load(str(tmp_path / "m.gguf"), return_metadata=True)
    assert m["name"] == "tiny" and m["tags"] == ["a", "b"]
    assert m["n"].item() == 3 and m["n"].dtype == mx.int32
    assert m["x"].item() == 1.5
    assert np.array(m["v"]).tolist() == [1, 2, 3]
    assert np.array(m["arr"]).tolist() == [1.0, 2.0]


def test_gguf_bad_metadata():
    with pytest.raises(TypeError, match="values must be"):
        mx.save_gguf(io.BytesIO(), {"w": mx.array([1.0])}, {"k": object()})


def test_gguf_file_objects(tmp_path):
    b = io.BytesIO()
    mx.save_gguf(b, {"w": mx.array([1.0, 2.0])}, {"s": "x"})
    b.seek(0)
    got, m = mx.load(b, format="gguf", return_metadata=True)
    assert np.array(got["w"]).tolist() == [1.0, 2.0] and m["s"] == "x"


# ---- file objects, paths, format inference -------------------------------------------------

@pytest.mark.parametrize("fmt", ["npy", "npz", "safetensors"])
def test_bytesio_round_trip(fmt):
    a = sample(mx.float32)
    b = io.BytesIO()
    if fmt == "npy":
        mx.save(b, a)
    elif fmt == "npz":
        mx.savez(b, a=a)
    else:
        mx.save_safetensors(b, {"a": a})
    b.seek(0)
    got = mx.load(b, format=fmt)
    bits_equal(a, got if fmt == "npy" else got["a"])


def test_open_file_objects(tmp_path):
    a = sample(mx.int16)
    with open(tmp_path / "a.npy", "wb") as f:
        mx.save(f, a)
    with open(tmp_path / "a.npy", "rb") as f:
        bits_equal(a, mx.load(f))   # format from the file's name


def test_pathlib(tmp_path):
    a = sample(mx.uint8)
    mx.save_safetensors(tmp_path / "p.safetensors", {"a": a})
    bits_equal(a, mx.load(pathlib.Path(tmp_path / "p.safetensors"))["a"])


def test_format_errors(tmp_path):
    with pytest.raises(ValueError, match="Unknown file format xyz"):
        mx.load(str(tmp_path / "a.npy"), format="xyz")
    with pytest.raises(ValueError, match="infer file format"):
        mx.load(str(tmp_path / "noext"))
    with pytest.raises(ValueError, match="infer file format"):
        mx.load(io.BytesIO(b"x"))
    with pytest.raises(AttributeError, match="infer file format"):   # the reference's type
        mx.load(io.BytesIO(b"x"))
    with pytest.raises(RuntimeError, match="Failed to open"):
        mx.load(str(tmp_path / "missing.npy"))
    with pytest.raises(ValueError, match="metadata not supported"):
        mx.load(str(tmp_path / "a.npy"), return_metadata=True)
    with pytest.raises(ValueError, match="mmap"):
        mx.load(io.BytesIO(), format="npy", mmap=True)
    with pytest.raises(TypeError, match="binary"):
        mx.load(io.StringIO("abc"), format="npy")


# ---- memory-mapped loading -----------------------------------------------------------------

def _addr(a):
    return np.asarray(a).__array_interface__["data"][0]


def _aligned_safetensors(tmp_path):
    """A hand-written safetensors file (header padded to 8 bytes): its path, bytes and tensors."""
    st = {"w": np.arange(4096, dtype=np.float32), "b": np.ones(16, np.int64)}
    header = {"w": {"dtype": "F32", "shape": [4096], "data_offsets": [0, 16384]},
              "b": {"dtype": "I64", "shape": [16], "data_offsets": [16384, 16512]}}
    h = json.dumps(header).encode()
    h += b" " * (-len(h) % 8)
    blob = struct.pack("<Q", len(h)) + h + st["w"].tobytes() + st["b"].tobytes()
    p = tmp_path / "al.safetensors"
    p.write_bytes(blob)
    return p, blob, st


@pytest.mark.host_zero_copy
def test_mmap_is_zero_copy_view_of_mapping(tmp_path):
    p, _, _ = _aligned_safetensors(tmp_path)
    got = mx.load(p, mmap=True)
    assert _addr(got["b"]) - _addr(got["w"]) == 16384    # both point into one mapping


def test_mmap_load_values_and_private_mapping(tmp_path):
    p, blob, st = _aligned_safetensors(tmp_path)
    got = mx.load(p, mmap=True)
    w = got["w"]
    np.testing.assert_array_equal(np.array(w), st["w"])
    np.testing.assert_array_equal(np.array(got["b"]), st["b"])
    # The mapping is private: writing through an exported view never reaches the file.
    del got
    y = w + 1
    np.testing.assert_array_equal(np.array(y), st["w"] + 1)
    assert p.read_bytes() == blob


def test_mmap_lifetime(tmp_path):
    x = np.arange(1 << 16, dtype=np.float32)
    np.save(tmp_path / "big.npy", x)
    a = mx.load(tmp_path / "big.npy", mmap=True)
    b = a * 2          # lazy: keeps `a`, and so the mapping, alive
    view = np.asarray(a)
    del a
    gc.collect()
    os.remove(tmp_path / "big.npy")   # unlinking does not invalidate the mapping
    np.testing.assert_array_equal(np.array(b), x * 2)
    np.testing.assert_array_equal(view, x)


def test_mmap_ops_do_not_write_file(tmp_path):
    x = np.arange(256, dtype=np.float32)
    np.save(tmp_path / "x.npy", x)
    before = (tmp_path / "x.npy").read_bytes()
    a = mx.load(tmp_path / "x.npy", mmap=True)
    r = abs(-a) + 1
    mx.eval(r)
    assert (tmp_path / "x.npy").read_bytes() == before


def test_mmap_misaligned_copies_correctly(tmp_path):
    # The reference's writer packs tensors without padding: misaligned tensors are copied, still exact.
    arrs = {"a": mx.array([True, False, True]), "b": sample(mx.float32), "c": sample(mx.int64)}
    codes = {mx.bool_: "BOOL", mx.float32: "F32", mx.int64: "I64"}
    (tmp_path / "u.safetensors").write_bytes(
        _safetensors_bytes({k: (codes[v.dtype], list(v.shape), raw(v)) for k, v in arrs.items()}))
    got = mx.load(tmp_path / "u.safetensors", mmap=True)
    for k in arrs:
        bits_equal(arrs[k], got[k])


# ---- sharded checkpoints -------------------------------------------------------------------

@pytest.mark.parametrize("mm", [False, True])
def test_load_sharded(tmp_path, mm):
    parts = {"model-00001-of-00002.safetensors": {"l0.w": sample(mx.float32), "l0.b": sample(mx.int32, (4,))},
             "model-00002-of-00002.safetensors": {"l1.w": sample(mx.float16)}}
    wmap = {}
    for shard, arrs in parts.items():
        mx.save_safetensors(tmp_path / shard, arrs)
        wmap.update({k: shard for k in arrs})
    (tmp_path / "model.safetensors.index.json").write_text(
        json.dumps({"metadata": {"total_size": 123}, "weight_map": wmap}))
    got, meta = mx.load_sharded(tmp_path / "model.safetensors.index.json", mmap=mm, return_metadata=True)
    assert meta == {"total_size": 123}
    assert set(got) == set(wmap)
    for arrs in parts.values():
        for k, v in arrs.items():
            bits_equal(v, got[k])
    assert set(mx.load_sharded(str(tmp_path))) == set(wmap)   # a folder works too


def test_load_sharded_errors(tmp_path):
    (tmp_path / "i.json").write_text(json.dumps({"weight_map": {"x": "../evil.safetensors"}}))
    with pytest.raises(ValueError, match="relative"):
        mx.load_sharded(tmp_path / "i.json")
    mx.save_safetensors(tmp_path / "s.safetensors", {"a": mx.array([1])})
    (tmp_path / "j.json").write_text(json.dumps({"weight_map": {"missing": "s.safetensors"}}))
    with pytest.raises(ValueError, match="not in shard"):
        mx.load_sharded(tmp_path / "j.json")
    (tmp_path / "k.json").write_bytes(b"\xff\xfe{")
    with pytest.raises(ValueError):
        mx.load_sharded(tmp_path / "k.json")


def _gguf_q8_0(path, n=64):
    """A hand-written GGUF file with one Q8_0 tensor; returns the values it encodes."""
    def gstr(s):
        return struct.pack("<Q", len(s)) + s
    rng = np.random.default_rng(0)
    scales = np.array([0.5, 0.25], np.float16)
    qs = rng.integers(-127, 128, n).astype(np.int8)
    data = b"".join(scales[i:i + 1].tobytes() + qs[i * 32:(i + 1) * 32].tobytes() for i in range(n // 32))
    info = gstr(b"w") + struct.pack("<I", 1) + struct.pack("<Q", n) + struct.pack("<IQ", 8, 0)
    head = b"GGUF" + struct.pack("<IQQ", 3, 1, 0) + info
    head += b"\0" * (-len(head) % 32)
    path.write_bytes(head + data)
    return (qs.reshape(-1, 32).astype(np.float32) * scales.astype(np.float32)[:, None]).reshape(-1)


def test_gguf_q8_0_loads_quantized(tmp_path):
    expected = _gguf_q8_0(tmp_path / "q.gguf")
    d = mx.load(tmp_path / "q.gguf")
    assert set(d) == {"w", "w.scales", "w.biases"}
    assert d["w"].dtype == mx.uint32
    # MLX's affine 8-bit layout: 4 unsigned codes per uint32, value = code * scale + bias.
    codes = np.array(d["w"]).view(np.uint8).reshape(-1, 32).astype(np.float32)
    s = np.array(d["w.scales"].astype(mx.float32))[:, None]
    b = np.array(d["w.biases"].astype(mx.float32))[:, None]
    np.testing.assert_allclose((codes * s + b).reshape(-1), expected, rtol=0, atol=1e-3)


# ---- 8-bit float safetensors, malformed-file errors -----------------------------------------

def _safetensors_bytes(tensors):
    """A safetensors file built by hand: {name: (dtype string, shape, raw bytes)}."""
    header, data = {}, b""
    for name, (dt, shape, raw) in tensors.items():
        header[name] = {"dtype": dt, "shape": shape, "data_offsets": [len(data), len(data) + len(raw)]}
        data += raw
    h = json.dumps(header).encode()
    return struct.pack("<Q", len(h)) + h + data


@pytest.mark.parametrize("mm", [False, True])
def test_safetensors_f8_loads_raw_bytes_as_uint8(tmp_path, mm):
    raw = bytes([0x38, 0x40, 0xB8, 0x7F, 0x00, 0xFF])
    p = tmp_path / "f8.safetensors"
    p.write_bytes(_safetensors_bytes({"e4m3": ("F8_E4M3", [2, 3], raw), "e8m0": ("F8_E8M0", [2], raw[:2]),
                                      "s": ("F8_E4M3", [], raw[3:4]), "f": ("F32", [1], struct.pack("<f", 1.5))}))
    out = mx.load(str(p), mmap=mm)
    assert out["e4m3"].dtype == mx.uint8 and out["e4m3"].shape == (2, 3)
    assert np.array(out["e4m3"]).tobytes() == raw
    assert out["e8m0"].dtype == mx.uint8 and out["e8m0"].tolist() == [0x38, 0x40]
    assert out["s"].shape == () and out["s"].item() == 0x7F
    assert out["f"].tolist() == [1.5]


@pytest.mark.parametrize("mm", [False, True])
@pytest.mark.parametrize("dt", ["F8_E5M2", "F8_E4M3FNUZ", "F4"])
def test_safetensors_unsupported_f8_raises_runtime_error(tmp_path, mm, dt):
    p = tmp_path / "x.safetensors"
    p.write_bytes(_safetensors_bytes({"a": (dt, [2], b"\x01\x02")}))
    with pytest.raises(RuntimeError, match=dt):
        mx.load(str(p), mmap=mm)


def _npy_bytes(a):
    b = io.BytesIO()
    np.save(b, a)
    return b.getvalue()


@pytest.mark.parametrize("mm", [False, True])
@pytest.mark.parametrize("cut", [8, 100])
def test_truncated_npy_is_value_and_runtime_error(tmp_path, mm, cut):
    p = tmp_path / "t.npy"
    p.write_bytes(_npy_bytes(np.arange(10, dtype=np.float32))[:-cut])
    with pytest.raises(mx._io.MalformedFileError, match="truncated|exceeds|Truncated") as info:
        mx.eval(mx.load(str(p), mmap=mm))
    assert isinstance(info.value, ValueError) and isinstance(info.value, RuntimeError)


def test_malformed_file_error_derives_from_both():
    assert issubclass(mx._io.MalformedFileError, ValueError)
    assert issubclass(mx._io.MalformedFileError, RuntimeError)


def test_truncated_npy_from_file_object():
    blob = _npy_bytes(np.arange(10, dtype=np.int64))[:-3]
    with pytest.raises(RuntimeError, match="truncated"):
        mx.load(io.BytesIO(blob), format="npy")
    with pytest.raises(ValueError, match="truncated"):
        mx.load(io.BytesIO(blob), format="npy")


def test_corrupt_npz_member_is_also_bad_zip_file(tmp_path):
    import zipfile
    b = io.BytesIO()
    with zipfile.ZipFile(b, "w", compression=zipfile.ZIP_STORED) as zf:
        zf.writestr("a.npy", _npy_bytes(np.arange(64, dtype=np.float32)))
    raw = bytearray(b.getvalue())
    raw[200] ^= 0xFF                        # inside the member's data: its CRC no longer matches
    p = tmp_path / "c.npz"
    p.write_bytes(bytes(raw))
    with pytest.raises(zipfile.BadZipFile) as info:
        mx.load(str(p))
    assert isinstance(info.value, RuntimeError) and isinstance(info.value, ValueError)


# ---- GGUF metadata of every value type (issue 17) -------------------------------------------

# GGUF metadata value types: (struct format, NumPy dtype) of the scalars; 8 is a string, 9 an array.
_GGUF_SCALARS = {0: ("B", np.uint8), 1: ("b", np.int8), 2: ("H", np.uint16), 3: ("h", np.int16),
                 4: ("I", np.uint32), 5: ("i", np.int32), 6: ("f", np.float32), 7: ("?", np.bool_),
                 10: ("Q", np.uint64), 11: ("q", np.int64), 12: ("d", np.float64)}


def _gguf_string(b):
    return struct.pack("<Q", len(b)) + b


def _gguf_with_metadata(entries):
    """A GGUF v3 file with one f32[4] tensor "t" (1, 2, 3, 4) and the metadata `entries`: a list
    of (key, value type, encoded value)."""
    out = b"GGUF" + struct.pack("<IQQ", 3, 1, len(entries))
    for key, vtype, payload in entries:
        out += _gguf_string(key.encode()) + struct.pack("<I", vtype) + payload
    out += _gguf_string(b"t") + struct.pack("<IQIQ", 1, 4, 0, 0)   # 1 dim of 4, type f32, offset 0
    out += b"\0" * (-len(out) % 32) + struct.pack("<4f", 1, 2, 3, 4)
    return out


def _gguf_metadata_cases():
    """(entries, expected {key: value}) covering every scalar type, an array of each, strings,
    an array of strings and an empty array."""
    entries, expected = [], {}
    for vtype, (fmt, npdt) in _GGUF_SCALARS.items():
        values = [True, False, True] if npdt is np.bool_ else [3, 1, 2] if vtype < 6 or vtype in (10, 11) \
            else [1.5, -2.25, 1e300 if npdt is np.float64 else 0.5]
        entries.append((f"s{vtype}", vtype, struct.pack("<" + fmt, values[0])))
        expected[f"s{vtype}"] = np.array(values[0], npdt)
        entries.append((f"a{vtype}", 9, struct.pack("<IQ", vtype, 3) + struct.pack(f"<3{fmt}", *values)))
        expected[f"a{vtype}"] = np.array(values, npdt)
    entries.append(("str", 8, _gguf_string("héllo".encode())))
    expected["str"] = "héllo"
    entries.append(("strs", 9, struct.pack("<IQ", 8, 2) + _gguf_string(b"a") + _gguf_string(b"bc")))
    expected["strs"] = ["a", "bc"]
    entries.append(("empty", 9, struct.pack("<IQ", 4, 0)))
    expected["empty"] = np.zeros(0, np.uint32)
    return entries, expected


def _check_gguf_metadata(meta, expected):
    assert set(meta) == set(expected)
    for k, want in expected.items():
        got = meta[k]
        if isinstance(want, np.ndarray):
            assert isinstance(got, mx.array), k
            assert NP[got.dtype] is want.dtype.type, (k, got.dtype)
            assert got.shape == want.shape, k
            np.testing.assert_array_equal(np.array(got), want, err_msg=k)
        else:
            assert got == want, k


@pytest.mark.parametrize("via", ["path", "file"])
def test_gguf_float64_metadata_loads(tmp_path, via):
    # A float64 metadata value (type 12) crashed libmlx (and the reference) with SIGSEGV.
    blob = _gguf_with_metadata([("pi", 12, struct.pack("<d", 3.25)),
                                ("f64s", 9, struct.pack("<IQ", 12, 2) + struct.pack("<2d", 0.5, -1e-300))])
    p = tmp_path / "f64.gguf"
    p.write_bytes(blob)
    src = str(p) if via == "path" else io.BytesIO(blob)
    arrays, meta = mx.load(src, format="gguf", return_metadata=True)
    np.testing.assert_array_equal(np.array(arrays["t"]), np.array([1, 2, 3, 4], np.float32))
    assert meta["pi"].dtype == mx.float64 and meta["pi"].shape == ()
    assert np.array(meta["pi"]).item() == 3.25
    assert meta["f64s"].dtype == mx.float64
    np.testing.assert_array_equal(np.array(meta["f64s"]), np.array([0.5, -1e-300]))
    assert list(mx.load(str(p))) == ["t"]   # without metadata too
    assert p.read_bytes() == blob           # the source file is not touched


@pytest.mark.parametrize("via", ["path", "file"])
def test_gguf_every_metadata_value_type(tmp_path, via):
    entries, expected = _gguf_metadata_cases()
    blob = _gguf_with_metadata(entries)
    p = tmp_path / "all.gguf"
    p.write_bytes(blob)
    src = str(p) if via == "path" else io.BytesIO(blob)
    arrays, meta = mx.load(src, format="gguf", return_metadata=True)
    np.testing.assert_array_equal(np.array(arrays["t"]), np.array([1, 2, 3, 4], np.float32))
    _check_gguf_metadata(meta, expected)


# ---- writers replace files atomically (issue 17) --------------------------------------------

def _writers():
    """(extension, save(path, {name: array}), load(path) -> {name: array}) for every writer."""
    def save_npy(p, d):
        mx.save(p, d["w"])
    return [
        ("npy", save_npy, lambda p: {"w": mx.load(p)}),
        ("npz", lambda p, d: mx.savez(p, **d), mx.load),
        ("npzc", lambda p, d: mx.savez_compressed(p, **d), lambda p: mx.load(p, format="npz")),
        ("safetensors", mx.save_safetensors, mx.load),
        ("gguf", mx.save_gguf, mx.load),
    ]


def _writer_path(tmp_path, ext):
    return str(tmp_path / ("m.npz" if ext == "npzc" else f"m.{ext}"))


@pytest.mark.parametrize("ext,save,load", _writers(), ids=[w[0] for w in _writers()])
def test_save_over_file_replaces_it_atomically(tmp_path, ext, save, load):
    p = _writer_path(tmp_path, ext)
    save(p, {"w": mx.arange(8, dtype=mx.float32)})
    os.chmod(p, 0o640)
    before = os.stat(p)
    save(p, {"w": mx.arange(8, 20, dtype=mx.float32)})
    after = os.stat(p)
    assert after.st_ino != before.st_ino          # a new file renamed into place
    assert after.st_mode & 0o777 == 0o640         # keeping the old one's permission bits
    np.testing.assert_array_equal(np.array(load(p)["w"]), np.arange(8, 20, dtype=np.float32))
    assert sorted(os.listdir(tmp_path)) == [os.path.basename(p)]   # no temporary left


def test_new_file_gets_default_permissions(tmp_path):
    p = str(tmp_path / "new.safetensors")
    mx.save_safetensors(p, {"w": mx.zeros(2)})
    umask = os.umask(0)
    os.umask(umask)
    assert os.stat(p).st_mode & 0o777 == 0o666 & ~umask


def test_save_through_symlink_replaces_the_target(tmp_path):
    target = tmp_path / "real.npy"
    mx.save(str(target), mx.zeros(2))
    link = tmp_path / "link.npy"
    link.symlink_to(target)
    mx.save(str(link), mx.ones(3))
    assert link.is_symlink()
    np.testing.assert_array_equal(np.load(target), np.ones(3, np.float32))


def _write_aligned_safetensors(path, tensors):
    """Write {name: NumPy array} as safetensors with the header padded so that every tensor is
    aligned: mx.load(mmap=True) then views the mapping (the reference's writer does not pad, and
    misaligned tensors are copied, which would hide what these tests look for). Written here,
    independently of mlxcy's own writer, which pads too."""
    header, offset = {}, 0
    codes = {np.float32: "F32", np.int64: "I64"}
    for k, v in tensors.items():
        header[k] = {"dtype": codes[v.dtype.type], "shape": list(v.shape),
                     "data_offsets": [offset, offset + v.nbytes]}
        offset += v.nbytes
    h = json.dumps(header).encode()
    h += b" " * (-len(h) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(h)) + h + b"".join(v.tobytes() for v in tensors.values()))


@pytest.mark.parametrize("writer", ["by hand", "mlxcy"])
def test_mmap_load_then_save_to_same_path_keeps_live_arrays(tmp_path, writer):
    # The fine-tune loop: load mapped, update, save back to the same path. The live arrays map
    # the old file; writing it in place shifted or changed their values.
    p = str(tmp_path / "w.safetensors")
    rng = np.random.default_rng(0)
    for step in range(3):
        start = {"a": rng.standard_normal((64, 64)).astype(np.float32),
                 "b": np.arange(100, dtype=np.int64) * (step + 1)}
        if writer == "mlxcy":
            mx.save_safetensors(p, {k: mx.array(v) for k, v in start.items()})
        else:
            _write_aligned_safetensors(p, start)
        w = mx.load(p, mmap=True)
        kept = {k: np.array(v).copy() for k, v in w.items()}
        new = {k: v + 1 for k, v in w.items()}
        new["extra"] = mx.zeros(10 * (step + 1))   # a longer header: every offset moves
        mx.save_safetensors(p, new)
        for k, v in w.items():
            np.testing.assert_array_equal(np.array(v), kept[k])
        again = mx.load(p)
        for k in kept:
            np.testing.assert_array_equal(np.array(again[k]), kept[k] + 1)


@pytest.mark.parametrize("fmt", ["safetensors", "npy"])
def test_save_smaller_file_over_mapped_one_no_sigbus(tmp_path, fmt):
    # Run in a subprocess: a SIGBUS must fail this test, not kill pytest.
    import subprocess
    import sys
    p = str(tmp_path / f"big.{fmt}")
    n = 1 << 20
    if fmt == "npy":
        np.save(p, np.arange(n, dtype=np.float32))   # NumPy pads the header: the data is aligned
    else:
        _write_aligned_safetensors(p, {"w": np.arange(n, dtype=np.float32)})
    code = f"""
import numpy as np, mlxcy as mx
p = {p!r}
w = mx.load(p, mmap=True)
w = w if {fmt == "npy"} else w["w"]
if {fmt == "npy"}:
    mx.save(p, mx.zeros(4))
else:
    mx.save_safetensors(p, {{"w": mx.zeros(4)}})
np.testing.assert_array_equal(np.array(w), np.arange({n}, dtype=np.float32))
print(float(mx.sum(w[-4:])))
"""
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300, cwd="/")
    assert r.returncode == 0, (r.returncode, r.stderr[-2000:])
    assert float(r.stdout.split()[-1]) == sum(range(n - 4, n))
    assert os.path.getsize(p) < 1000


def test_failed_npz_write_leaves_old_file(tmp_path):
    p = str(tmp_path / "m.npz")
    mx.savez(p, a=mx.arange(3))
    old = open(p, "rb").read()
    with pytest.raises(TypeError):
        mx.savez(p, a=mx.arange(5), b=object())   # fails after the first member is written
    assert open(p, "rb").read() == old
    assert os.listdir(tmp_path) == ["m.npz"]


@cpu_only
def test_failed_gguf_write_leaves_old_file(tmp_path):
    # libmlx refuses a dtype GGUF cannot hold only while writing the file.
    p = str(tmp_path / "m.gguf")
    mx.save_gguf(p, {"a": mx.arange(3, dtype=mx.float32)})
    old = open(p, "rb").read()
    with pytest.raises((ValueError, RuntimeError)):
        mx.save_gguf(p, {"a": mx.arange(3, dtype=mx.float32), "b": mx.array([1 + 2j])})
    assert open(p, "rb").read() == old
    assert os.listdir(tmp_path) == ["m.gguf"]


@pytest.mark.parametrize("ext,save,load", _writers(), ids=[w[0] for w in _writers()])
def test_failure_at_rename_leaves_old_file_and_no_temp(tmp_path, monkeypatch, ext, save, load):
    p = _writer_path(tmp_path, ext)
    save(p, {"w": mx.arange(4, dtype=mx.float32)})
    old = open(p, "rb").read()

    def broken_replace(src, dst):
        raise OSError("disk full (injected)")
    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError, match="injected"):
        save(p, {"w": mx.arange(100, dtype=mx.float32)})
    monkeypatch.undo()
    assert open(p, "rb").read() == old
    assert os.listdir(tmp_path) == [os.path.basename(p)]


def test_file_objects_are_written_directly(tmp_path):
    p = tmp_path / "direct.safetensors"
    with open(p, "wb") as f:
        ino = os.fstat(f.fileno()).st_ino
        mx.save_safetensors(f, {"w": mx.ones(3)})
    assert os.stat(p).st_ino == ino
    np.testing.assert_array_equal(np.array(mx.load(str(p))["w"]), np.ones(3, np.float32))


# ---- .npy headers are parsed once (issue 17) ------------------------------------------------

def _npy_with_header(header, data):
    h = header.encode("latin1")
    h += b" " * (-(len(h) + 11) % 64) + b"\n"
    return b"\x93NUMPY\x01\x00" + struct.pack("<H", len(h)) + h + data


@pytest.mark.parametrize("mm", [False, True])
@pytest.mark.parametrize("header", [
    "{'descr': '<f4', 'fortran_order': False, 'shape': (2,3)}",           # no space after the comma
    "{'descr': '<f4', 'fortran_order': False, 'shape': ( 2 , 3 ), }",
    "{'descr': '<i2', 'fortran_order': False, 'descr': '<f4', 'shape': (2, 3)}",   # duplicated key
    "{'descr': '<f4', 'fortran_order': False, 'descr': '<i2', 'shape': (2, 3)}",
    "{'shape': (3,2), 'fortran_order': True, 'descr': '<f4'}",
])
def test_npy_header_loads_as_numpy_reads_it(tmp_path, mm, header):
    blob = _npy_with_header(header, np.arange(6, dtype=np.float32).tobytes())
    p = tmp_path / "h.npy"
    p.write_bytes(blob)
    try:
        want = np.load(io.BytesIO(blob))
    except ValueError:
        want = None
    if want is None:
        with pytest.raises(ValueError):
            mx.load(str(p), mmap=mm)
        return
    for got in (mx.load(str(p), mmap=mm), None if mm else mx.load(io.BytesIO(blob), format="npy")):
        if got is None:
            continue
        assert got.shape == want.shape
        assert NP[got.dtype] is want.dtype.type
        np.testing.assert_array_equal(np.array(got), want)


def test_npz_member_header_parsed_once(tmp_path):
    import zipfile
    blob = _npy_with_header("{'descr': '<f4', 'fortran_order': False, 'shape': (2,3)}",
                            np.arange(6, dtype=np.float32).tobytes())
    p = tmp_path / "h.npz"
    with zipfile.ZipFile(p, "w") as z:
        z.writestr("x.npy", blob)
    want = np.load(p)["x"]
    got = mx.load(str(p))["x"]
    assert got.shape == want.shape == (2, 3)
    np.testing.assert_array_equal(np.array(got), want)


@pytest.mark.parametrize("ext", ["safetensors", "npz"])
def test_module_save_weights_replaces_atomically(tmp_path, ext):
    import mlxcy.nn as nn
    p = str(tmp_path / f"lin.{ext}")
    model = nn.Linear(4, 3)
    model.save_weights(p)
    ino = os.stat(p).st_ino
    old = {k: np.array(v) for k, v in mx.load(p).items()}
    model.update({"weight": model.weight + 1})
    model.save_weights(p)
    assert os.stat(p).st_ino != ino
    got = mx.load(p)
    np.testing.assert_array_equal(np.array(got["weight"]), old["weight"] + 1)
    assert os.listdir(tmp_path) == [os.path.basename(p)]


@pytest.mark.parametrize("ext,save,load", _writers(), ids=[w[0] for w in _writers()])
def test_save_into_missing_folder_raises_as_reference(tmp_path, ext, save, load):
    # The reference: RuntimeError "Failed to open file" (savez*: zipfile's FileNotFoundError).
    p = _writer_path(tmp_path / "missing", ext)
    err = FileNotFoundError if ext.startswith("npz") else RuntimeError
    with pytest.raises(err):
        save(p, {"w": mx.zeros(2)})
    assert not (tmp_path / "missing").exists()


@pytest.mark.parametrize("mmap", [False, True])
def test_big_endian_complex64_npy_keeps_real_and_imaginary(tmp_path, mmap):
    # each float32 half is byte-swapped on its own (swapping the whole 8 bytes swaps re and im)
    src = np.array([1 + 2j, -3.5 + 0.25j], dtype=">c8")
    p = tmp_path / "c.npy"
    np.save(p, src)
    np.testing.assert_array_equal(np.asarray(mx.load(str(p), mmap=mmap)), src.astype(np.complex64))


def test_npz_members_without_the_npy_suffix_load(tmp_path):
    # np.savez's members end in .npy, but NumPy (and the reference) read members named without it
    import io
    import zipfile
    buf = io.BytesIO()
    np.save(buf, np.arange(3))
    p = tmp_path / "nosuffix.npz"
    with zipfile.ZipFile(p, "w") as z:
        z.writestr("a", buf.getvalue())
        z.writestr("d.npy", buf.getvalue())
    got = mx.load(str(p))
    want = dict(np.load(p))
    assert sorted(got) == sorted(want) == ["a", "d"]
    for k in want:
        np.testing.assert_array_equal(np.asarray(got[k]), want[k])


def _write_shards(folder, n_shards):
    """n_shards safetensors shards of two tensors each and their index; returns {name: array}."""
    weights, wmap = {}, {}
    for i in range(n_shards):
        shard = f"model-{i + 1:05d}-of-{n_shards:05d}.safetensors"
        part = {f"l{i}.w": mx.arange(12, dtype=mx.float32).reshape(3, 4) * (i + 1),
                f"l{i}.b": mx.full((4,), i, dtype=mx.int32)}
        mx.save_safetensors(folder / shard, part)
        weights.update(part)
        wmap.update({k: shard for k in part})
    (folder / "model.safetensors.index.json").write_text(json.dumps({"weight_map": wmap}))
    return weights


@pytest.mark.parametrize("mm", [False, True])
def test_load_sharded_progress_plain_line_without_tqdm(tmp_path, capsys, monkeypatch, mm):
    weights = _write_shards(tmp_path, 3)
    monkeypatch.setitem(sys.modules, "tqdm", None)   # import tqdm raises ImportError
    got = mx.load_sharded(tmp_path, mmap=mm, progress=True)
    err = capsys.readouterr().err
    assert "loading shards" in err and "3/3 shards" in err and err.endswith("\n")
    for k, v in weights.items():
        bits_equal(v, got[k])


def test_load_sharded_progress_uses_tqdm_when_installed(tmp_path, monkeypatch):
    _write_shards(tmp_path, 4)
    bars = []

    class FakeTqdm:
        def __init__(self, total, desc, unit, file):
            self.total, self.n, self.closed = total, 0, False
            bars.append(self)

        def update(self, n=1):
            self.n += n

        def close(self):
            self.closed = True

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.close()

    fake = types.ModuleType("tqdm")
    fake.tqdm = FakeTqdm
    monkeypatch.setitem(sys.modules, "tqdm", fake)
    mx.load_sharded(tmp_path, progress=True)
    assert [(b.total, b.n, b.closed) for b in bars] == [(4, 4, True)]


def test_load_sharded_without_progress_is_silent(tmp_path, capsys, monkeypatch):
    _write_shards(tmp_path, 2)
    monkeypatch.setitem(sys.modules, "tqdm", None)
    mx.load_sharded(tmp_path)
    assert capsys.readouterr().err == ""


# ---- a file that does not exist ------------------------------------------------------------------

# What the reference raises for a missing file, by format (observed with mlx 0.32.4).
_REFERENCE_MISSING_FILE_ERROR = {"npy": RuntimeError, "safetensors": RuntimeError, "npz": ValueError,
                                 "gguf": ValueError}


def _assert_missing_file_error(info, path):
    e = info.value
    # FileNotFoundError as open(), NumPy and PyTorch raise; RuntimeError as the reference.
    assert isinstance(e, FileNotFoundError) and isinstance(e, RuntimeError)
    assert e.errno == errno.ENOENT and e.filename == str(path)
    assert str(path) in str(e)


@pytest.mark.parametrize("fmt", sorted(_REFERENCE_MISSING_FILE_ERROR))
@pytest.mark.parametrize("how", ["str", "pathlib", "metadata", "mmap"])
def test_load_missing_file_is_file_not_found_and_runtime_error(tmp_path, fmt, how):
    path = tmp_path / "absent" / f"weights.{fmt}"
    kwargs = {}
    if how == "metadata":
        if fmt in ("npy", "npz"):
            pytest.skip("no metadata for this format")
        kwargs["return_metadata"] = True
    if how == "mmap":
        if fmt not in ("npy", "safetensors"):
            pytest.skip("mmap=True maps .npy and .safetensors only")
        kwargs["mmap"] = True
    with pytest.raises(FileNotFoundError) as info:
        mx.load(path if how == "pathlib" else str(path), **kwargs)
    _assert_missing_file_error(info, path)
    assert isinstance(info.value, _REFERENCE_MISSING_FILE_ERROR[fmt])


def test_load_missing_file_with_explicit_format(tmp_path):
    path = tmp_path / "weights.bin"
    with pytest.raises(RuntimeError) as info:
        mx.load(str(path), format="safetensors")
    _assert_missing_file_error(info, path)


def test_load_sharded_and_import_function_missing_files(tmp_path):
    with pytest.raises(FileNotFoundError) as info:
        mx.load_sharded(tmp_path)                     # a folder without its index
    _assert_missing_file_error(info, tmp_path / "model.safetensors.index.json")
    # an index naming a shard that is not there
    (tmp_path / "model.safetensors.index.json").write_text(json.dumps({"weight_map": {"w": "gone.safetensors"}}))
    with pytest.raises(RuntimeError) as info:
        mx.load_sharded(tmp_path)
    _assert_missing_file_error(info, tmp_path / "gone.safetensors")
    with pytest.raises(RuntimeError) as info:
        mx.import_function(str(tmp_path / "f.mlxfn"))
    _assert_missing_file_error(info, tmp_path / "f.mlxfn")


def test_other_open_failures_stay_runtime_errors(tmp_path):
    # A folder where a file is expected: not a missing file (the reference: RuntimeError).
    with pytest.raises(RuntimeError) as info:
        mx.load(str(tmp_path), format="npy")
    assert not isinstance(info.value, FileNotFoundError)
