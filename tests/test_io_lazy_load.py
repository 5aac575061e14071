"""The default (non-mmap) safetensors loader (src/io_safetensors.h): header parsed in one C++ pass,
one lazy array per tensor read from the open file when evaluated. Oracle: the bytes these tests
write (NumPy arrays laid out by hand) and Python's json module for the header's meaning."""
import gc
import json
import os
import struct
import sys
import threading

import numpy as np
import pytest

import mlxcy as mx

MALFORMED = mx._io.MalformedFileError

# safetensors dtype name -> (NumPy dtype of the raw values, mlx dtype loaded)
DTYPES = {
    "BOOL": (np.bool_, mx.bool_), "U8": (np.uint8, mx.uint8), "I8": (np.int8, mx.int8),
    "U16": (np.uint16, mx.uint16), "I16": (np.int16, mx.int16), "U32": (np.uint32, mx.uint32),
    "I32": (np.int32, mx.int32), "U64": (np.uint64, mx.uint64), "I64": (np.int64, mx.int64),
    "F16": (np.float16, mx.float16), "BF16": (np.uint16, mx.bfloat16), "F32": (np.float32, mx.float32),
    "F64": (np.float64, mx.float64), "C64": (np.complex64, mx.complex64),
    "F8_E4M3": (np.uint8, mx.uint8), "F8_E8M0": (np.uint8, mx.uint8),
}


def raw_values(st_dtype, shape, seed):
    """Values of the NumPy dtype that holds `st_dtype`'s bytes (bfloat16 as its bit patterns)."""
    npd = DTYPES[st_dtype][0]
    rng = np.random.default_rng(seed)
    n = int(np.prod(shape, dtype=np.int64))
    if npd == np.bool_:
        v = rng.integers(0, 2, n).astype(bool)
    elif npd == np.complex64:
        v = (rng.standard_normal(n) + 1j * rng.standard_normal(n)).astype(np.complex64)
    elif np.issubdtype(npd, np.floating):
        v = rng.standard_normal(n).astype(npd)
    elif st_dtype == "BF16":      # finite bfloat16 patterns: the top halves of float32 values
        v = (rng.standard_normal(n).astype(np.float32).view(np.uint32) >> 16).astype(np.uint16)
    else:
        info = np.iinfo(npd)
        v = rng.integers(info.min, info.max, n, dtype=npd, endpoint=True)
    return v.reshape(shape)


def st_bytes(tensors, metadata=None, pad=0, header=None):
    """A safetensors file of `tensors` [(name, st dtype, NumPy array of its raw values)], laid out
    in order; `pad` spaces after the JSON (moving every tensor's offset); `header` overrides the
    JSON text."""
    h, blobs, off = {}, [], 0
    for name, dt, v in tensors:
        b = np.ascontiguousarray(v).tobytes()
        h[name] = {"dtype": dt, "shape": list(v.shape), "data_offsets": [off, off + len(b)]}
        blobs.append(b)
        off += len(b)
    if metadata is not None:
        h["__metadata__"] = metadata
    text = (json.dumps(h) if header is None else header).encode() + b" " * pad
    return struct.pack("<Q", len(text)) + text + b"".join(blobs)


def write(path, *args, **kwargs):
    data = st_bytes(*args, **kwargs)
    with open(path, "wb") as f:
        f.write(data)
    return str(path)


def as_raw(a, st_dtype):
    """The raw values of loaded array `a`, comparable to raw_values()."""
    if st_dtype == "BF16":
        return np.array(a.view(mx.uint16))
    return np.array(a)


def open_fds():
    return len(os.listdir("/proc/self/fd")) if os.path.isdir("/proc/self/fd") else None


# ---- values --------------------------------------------------------------------------------------

@pytest.mark.parametrize("st_dtype", sorted(DTYPES))
@pytest.mark.parametrize("shape", [(), (1,), (3, 5), (2, 0, 4), (7, 1, 3)])
def test_every_dtype_and_shape_loads_its_bytes(tmp_path, st_dtype, shape):
    v = raw_values(st_dtype, shape, seed=len(shape))
    p = write(tmp_path / "t.safetensors", [("x", st_dtype, v), ("after", "F32", np.arange(3, dtype=np.float32))],
              pad=3)   # odd padding: the data starts at an unaligned offset
    d = mx.load(p)
    assert d["x"].dtype == DTYPES[st_dtype][1] and d["x"].shape == shape
    got = as_raw(d["x"], st_dtype)
    assert got.shape == shape and np.array_equal(got, v)
    np.testing.assert_array_equal(np.array(d["after"]), np.arange(3, dtype=np.float32))


def test_order_metadata_and_laziness(tmp_path):
    names = ["z", "a", "m.weight", "b.bias"]
    tensors = [(n, "I32", np.full((i + 1,), i, np.int32)) for i, n in enumerate(names)]
    p = write(tmp_path / "t.safetensors", tensors, metadata={"format": "pt", "note": "é"})
    d, meta = mx.load(p, return_metadata=True)
    assert list(d) == names                      # header order
    assert meta == {"format": "pt", "note": "é"}
    # Nothing is read before evaluation: bytes changed in place afterwards are what is read.
    data_start = 8 + struct.unpack("<Q", open(p, "rb").read(8))[0]
    with open(p, "r+b") as f:
        f.seek(data_start)
        f.write(np.int32(41).tobytes())
    assert d["z"].tolist() == [41]
    assert d["m.weight"].tolist() == [2, 2, 2]


def test_many_tensors_any_eval_order(tmp_path):
    rng = np.random.default_rng(0)
    tensors = []
    for i in range(400):
        dt = ["F32", "F16", "I64", "U8", "BF16"][i % 5]
        shape = tuple(int(s) for s in rng.integers(0, 9, rng.integers(0, 4)))
        tensors.append((f"t{i}", dt, raw_values(dt, shape, i)))
    p = write(tmp_path / "many.safetensors", tensors)
    d = mx.load(p)
    assert len(d) == 400
    # one eval of everything, in reverse
    mx.eval([d[n] for n, _, _ in reversed(tensors)])
    for n, dt, v in tensors:
        assert np.array_equal(as_raw(d[n], dt), v), n
    # a fresh load evaluated one at a time in a shuffled order, and through other ops
    d = mx.load(p)
    for i in rng.permutation(400):
        n, dt, v = tensors[i]
        if dt == "F32" and v.size:
            np.testing.assert_array_equal(np.array(d[n] * 2 + 1), v * 2 + 1)
        assert np.array_equal(as_raw(d[n], dt), v), n


def test_large_tensor_read_in_pieces(tmp_path):
    # Larger than the reader's pieces and not a whole number of pages, at an odd offset.
    n = (37 << 20) // 4 + 123
    big = np.arange(n, dtype=np.uint32) * np.uint32(2654435761)
    small = np.arange(5, dtype=np.int16)
    p = write(tmp_path / "big.safetensors", [("s", "I16", small), ("big", "U32", big), ("s2", "I16", small)], pad=1)
    d = mx.load(p)
    np.testing.assert_array_equal(np.array(d["big"]), big)
    np.testing.assert_array_equal(np.array(d["s2"]), small)


def test_threads_load_and_evaluate_concurrently(tmp_path):
    tensors = [(f"w{i}", "F32", raw_values("F32", (64, 33), i)) for i in range(40)]
    p = write(tmp_path / "t.safetensors", tensors)
    errors = []

    def work(k):
        try:
            for _ in range(3):
                d = mx.load(p)
                names = [n for n, _, _ in tensors][k::4] or [tensors[0][0]]
                mx.eval([d[n] for n in names])
                for n in names:
                    want = dict((a, v) for a, _, v in tensors)[n]
                    if not np.array_equal(np.array(d[n]), want):
                        errors.append((k, n))
        except Exception as e:              # noqa: BLE001 -- reported below
            errors.append((k, repr(e)))

    threads = [threading.Thread(target=work, args=(k,)) for k in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []


def test_stream_argument(tmp_path):
    p = write(tmp_path / "t.safetensors", [("x", "F32", np.ones((2, 2), np.float32))])
    assert mx.load(p, stream=mx.cpu)["x"].tolist() == [[1.0, 1.0], [1.0, 1.0]]


# ---- the header: read as Python's json reads it ------------------------------------------------

def test_names_with_escapes_and_repeated_keys_as_json_reads_them(tmp_path):
    v = np.arange(16, dtype=np.float32)
    entry = lambda b, n: '{"dtype": "F32", "shape": [%d], "data_offsets": [%d, %d]}' % (n, 4 * b, 4 * (b + n))
    header = ('{"caf\\u00e9": %s, "emoji \\ud83d\\ude00": %s, "lone \\ud800 x": %s, "t\\n\\"q\\"": %s, '
              '"caf\\u00e9": %s, "extra": {"dtype": "F32", "shape": [0], "data_offsets": [0, 0], '
              '"other": [NaN, -Infinity, 1e400, -0, {"deep": [[[null, true, false]]]}]}}') % (
        entry(0, 1), entry(1, 2), entry(3, 3), entry(6, 4), entry(10, 6))
    p = write(tmp_path / "t.safetensors", [("x", "F32", v)], header=header)
    d = mx.load(p)
    want = json.loads(header)
    assert list(d) == list(want)                 # repeated key: first position, last value
    for name, e in want.items():
        b, end = e["data_offsets"]
        np.testing.assert_array_equal(np.array(d[name]), v[b // 4:end // 4])


@pytest.mark.parametrize("header, match", [
    ('{"x": {"dtype": "F32", "shape": [1], "data_offsets": [0, 4]},}', "JSON"),       # trailing comma
    ('\ufeff{}', "JSON"),                                                              # a BOM
    ('{"x\t": {"dtype": "F32", "shape": [1], "data_offsets": [0, 4]}}', "JSON"),      # raw control char
    ('{"x": {"dtype": "F32", "shape": [1.0], "data_offsets": [0, 4]}}', "shape"),
    ('{"x": {"dtype": "F32", "shape": [true], "data_offsets": [0, 4]}}', "shape"),
    ('{"x": {"dtype": "F32", "shape": [1], "data_offsets": [0, 4.0]}}', "two integers"),
    ('{"x": {"dtype": "F32", "shape": [1], "data_offsets": [-0, 99999999999999999999999]}}', "outside"),
    ('{"x": {"dtype": "F32", "shape": [1], "data_offsets": [-1, 3]}}', "outside"),
    ('{"x": {"dtype": "F32", "shape": [4294967296], "data_offsets": [0, 4]}}', "shape"),
    ('{"x": {"dtype": "F32", "shape": [65536, 65536, 65536, 65536, 65536], "data_offsets": [0, 4]}}', "needs"),
    ('{"x": {"dtype": "f32", "shape": [1], "data_offsets": [0, 4]}}', "dtype"),
    ('{"x": {"shape": [1], "data_offsets": [0, 4]}}', "dtype"),
    ('{"__metadata__": {"a": 1}}', "__metadata__"),
    ('{"x": {"dtype": "F32", "shape": [1], "data_offsets": [0, 4]}, '
     '"y": {"dtype": "F32", "shape": [1], "data_offsets": [2, 6]}}', "overlap"),
    ('[]', "object"),
    ('{"a": 1} x', "JSON"),
    ('{"a": 01}', "JSON"),
    ('{"a": "\\x"}', "JSON"),
    ('{"a": "\\u12"}', "JSON"),
    pytest.param("[" * 100000 + "]" * 100000, "JSON|object", id="nested-100000"),
])
def test_bad_headers_raise_malformed_file_error(tmp_path, header, match):
    p = write(tmp_path / "bad.safetensors", [("x", "F32", np.zeros(2, np.float32))], header=header)
    with pytest.raises(MALFORMED, match=match) as info:
        mx.load(p)
    assert isinstance(info.value, ValueError) and isinstance(info.value, RuntimeError)


def test_invalid_utf8_header(tmp_path):
    text = b'{"\xff": {"dtype": "F32", "shape": [0], "data_offsets": [0, 0]}}'
    p = tmp_path / "bad.safetensors"
    p.write_bytes(struct.pack("<Q", len(text)) + text)
    with pytest.raises(MALFORMED, match="UTF-8"):
        mx.load(str(p))


def test_header_deeper_than_the_fast_parser_goes(tmp_path):
    # JSON nested past the C++ parser's depth limit but within Python's: the Python parser's
    # entries are loaded instead.
    depth = 1500
    header = ('{"x": {"dtype": "I32", "shape": [2], "data_offsets": [0, 8], "deep": %s}}'
              % ("[" * depth + "]" * depth))
    p = write(tmp_path / "deep.safetensors", [("x", "I32", np.array([7, 8], np.int32))], header=header)
    old = sys.getrecursionlimit()
    sys.setrecursionlimit(20000)
    try:
        d = mx.load(p)
    finally:
        sys.setrecursionlimit(old)
    assert d["x"].tolist() == [7, 8]


@pytest.mark.parametrize("cut", [0, 4, 8, 20])
def test_truncated_file_raises_at_load(tmp_path, cut):
    full = st_bytes([("x", "F32", np.ones(4, np.float32))])
    p = tmp_path / "cut.safetensors"
    p.write_bytes(full[:cut] if cut < 20 else full[:-1])
    with pytest.raises(MALFORMED):
        mx.load(str(p))


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(FileNotFoundError) as info:
        mx.load(str(tmp_path / "nope.safetensors"))
    assert isinstance(info.value, RuntimeError)
    (tmp_path / "dir.safetensors").mkdir()
    with pytest.raises(RuntimeError, match="Failed to open"):
        mx.load(str(tmp_path / "dir.safetensors"))


# ---- the file after loading --------------------------------------------------------------------------

def test_file_truncated_after_load_raises_on_eval(tmp_path):
    a = np.arange(1000, dtype=np.int64)
    b = np.arange(4, dtype=np.float32)
    p = write(tmp_path / "t.safetensors", [("b", "F32", b), ("a", "I64", a)])
    d = mx.load(p)
    os.truncate(p, os.path.getsize(p) - 100)
    np.testing.assert_array_equal(np.array(d["b"]), b)        # its bytes are still there
    with pytest.raises(RuntimeError, match="truncated"):
        mx.eval(d["a"])
    # the failure stays with that array: other work goes on
    assert (mx.array([1, 2]) + 1).tolist() == [2, 3]
    np.testing.assert_array_equal(np.array(d["b"] * 2), b * 2)


def test_file_replaced_or_deleted_after_load(tmp_path):
    v = np.arange(6, dtype=np.float32)
    p = write(tmp_path / "t.safetensors", [("x", "F32", v)])
    d = mx.load(p)
    new = write(tmp_path / "new.safetensors", [("x", "F32", -v)])
    os.replace(new, p)                     # a rename: the open file keeps the old data
    np.testing.assert_array_equal(np.array(d["x"]), v)
    d = mx.load(p)
    os.remove(p)
    np.testing.assert_array_equal(np.array(d["x"]), -v)


@pytest.mark.skipif(open_fds() is None, reason="needs /proc/self/fd")
def test_file_closed_with_its_last_lazy_array(tmp_path):
    p = write(tmp_path / "t.safetensors", [(f"x{i}", "F32", np.ones(3, np.float32)) for i in range(5)])
    gc.collect()
    before = open_fds()
    for _ in range(30):                    # dropped unevaluated
        d = mx.load(p)
    del d
    gc.collect()
    assert open_fds() == before
    d = mx.load(p)
    assert open_fds() == before + 1        # held while arrays may still read it
    kept = d["x0"]
    mx.eval(list(d.values()))
    del d
    gc.collect()
    assert open_fds() == before            # evaluated arrays do not need the file
    assert kept.tolist() == [1.0, 1.0, 1.0]
    d = mx.load(p)
    y = d["x1"] + 1                        # a lazy result keeps the file until it is evaluated
    del d
    gc.collect()
    assert open_fds() == before + 1
    mx.eval(y)
    assert open_fds() == before
    for _ in range(3):                     # failed loads close the file too
        with pytest.raises(FileNotFoundError):
            mx.load(str(tmp_path / "nope.safetensors"))
        bad = tmp_path / "bad.safetensors"
        bad.write_bytes(b"\x04" + b"\0" * 7 + b"{}}}")
        with pytest.raises(MALFORMED):
            mx.load(str(bad))
    assert open_fds() == before
