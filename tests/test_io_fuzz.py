"""Malformed files: each raises an error that is both a ValueError and a RuntimeError
(mlxcy._io.MalformedFileError: the reference raises RuntimeError for most, ValueError for a few)
with a clear message, never crashes or reads out of bounds. A bounded mutation loop over valid files
runs in a few seconds; set MLXCY_FUZZ_ITERS to run it longer."""
import io
import json
import os
import random
import struct
import zipfile

import numpy as np
import pytest

import mlxcy as mx

MalformedFileError = mx._io.MalformedFileError

ITERS = int(os.environ.get("MLXCY_FUZZ_ITERS", "150"))


def st_file(header, data=b"", raw_header=None):
    h = raw_header if raw_header is not None else json.dumps(header).encode()
    return struct.pack("<Q", len(h)) + h + data


def load_bytes(blob, fmt, tmp_path, mmap=False):
    p = tmp_path / f"x.{fmt}"
    p.write_bytes(blob)
    out = mx.load(str(p), mmap=mmap)
    # Touch every array so that any lazy read happens inside the test.
    arrs = [out] if isinstance(out, mx.array) else list(out.values())
    for a in arrs:
        np.array(a)
    return out


GOOD = {"a": {"dtype": "F32", "shape": [2, 2], "data_offsets": [0, 16]}}


@pytest.mark.parametrize("mm", [False, True])
@pytest.mark.parametrize("blob,msg", [
    (b"", "too short"),
    (b"\x01\x02\x03", "too short"),
    (struct.pack("<Q", 1 << 62) + b"{}", "exceeds the file size"),
    (st_file(None, raw_header=b"\xff\xfe{}"), "UTF-8"),
    (st_file(None, raw_header=b"{not json"), "JSON"),
    (st_file([1, 2]), "JSON object"),
    (st_file(GOOD, b"\0" * 8), "outside"),                                   # truncated data
    (st_file({"a": {"dtype": "F32", "shape": [2, 2], "data_offsets": [0, 1 << 60]}}, b"\0" * 16), "outside"),
    (st_file({"a": {"dtype": "F32", "shape": [3, 2], "data_offsets": [0, 16]}}, b"\0" * 16), "needs"),
    (st_file({"a": {"dtype": "Q7", "shape": [2], "data_offsets": [0, 2]}}, b"\0" * 2), "dtype"),
    (st_file({"a": {"dtype": "F32", "shape": [-1], "data_offsets": [0, 4]}}, b"\0" * 4), "shape"),
    (st_file({"a": {"dtype": "F32", "shape": [1 << 40], "data_offsets": [0, 4]}}, b"\0" * 4), "shape"),
    (st_file({"a": {"dtype": "F32", "shape": [2], "data_offsets": [0, 8]},
              "b": {"dtype": "F32", "shape": [2], "data_offsets": [4, 12]}}, b"\0" * 12), "overlap"),
    (st_file({"a": {"dtype": "F32", "shape": [2], "data_offsets": [8, 0]}}, b"\0" * 8), "outside"),
    (st_file({"a": {"dtype": "F32", "shape": [2], "data_offsets": "x"}}, b"\0" * 8), "data_offsets"),
    (st_file({"__metadata__": {"k": 1}}), "__metadata__"),
])
def test_bad_safetensors(tmp_path, mm, blob, msg):
    with pytest.raises(MalformedFileError, match=msg):
        load_bytes(blob, "safetensors", tmp_path, mmap=mm)


def npy(header, data=b"", magic=b"\x93NUMPY", version=b"\x01\x00"):
    h = header.encode("latin1")
    return magic + version + struct.pack("<H", len(h)) + h + data


@pytest.mark.parametrize("mm", [False, True])
@pytest.mark.parametrize("blob,msg", [
    (b"", "magic"),
    (b"NOTNUMPY" + b"\0" * 20, "magic"),
    (npy("{'descr': '|O', 'fortran_order': False, 'shape': (2,), }", b"\0" * 16), "object"),
    (npy("{'descr': '<f4', 'fortran_order': False, 'shape': (4,), }", b"\0" * 8), "truncated"),
    (npy("{'descr': '<f4', 'fortran_order': False, 'shape': (-4,), }"), "shape"),
    (npy("{'descr': '<x9', 'fortran_order': False, 'shape': (1,), }", b"\0" * 9), "dtype"),
    (npy("__import__('os')"), "header"),
    (npy("{'descr': '<f4'}"), "keys"),
    (b"\x93NUMPY\x01\x00" + struct.pack("<H", 60000) + b"{", "exceeds"),
    (npy("{}", version=b"\x09\x00"), "version"),
    (npy("{'descr': [('a', '<f4')], 'fortran_order': False, 'shape': (1,), }", b"\0" * 4), "Structured"),
])
def test_bad_npy(tmp_path, mm, blob, msg):
    with pytest.raises(MalformedFileError, match=msg):
        load_bytes(blob, "npy", tmp_path, mmap=mm)


def test_bad_npz(tmp_path):
    with pytest.raises(MalformedFileError, match="zip"):
        load_bytes(b"this is not a zip file at all", "npz", tmp_path)
    b = io.BytesIO()
    with zipfile.ZipFile(b, "w") as zf:
        zf.writestr("a.npy", b"\x93NUMPY garbage")
    with pytest.raises(MalformedFileError):
        load_bytes(b.getvalue(), "npz", tmp_path)


def gguf(n_tensors, n_kv, body=b"", version=3):
    return b"GGUF" + struct.pack("<IQQ", version, n_tensors, n_kv) + body


def gguf_str(s):
    return struct.pack("<Q", len(s)) + s


@pytest.mark.parametrize("blob,msg", [
    (b"GGUF", "magic or truncated"),
    (b"FUGG" + b"\0" * 40, "magic"),
    (gguf(0, 0, version=99), "version"),
    (gguf(1 << 60, 0), "counts"),
    (gguf(0, 1 << 60), "counts"),
    (gguf(0, 1, gguf_str(b"k") + struct.pack("<I", 8) + struct.pack("<Q", 1 << 50)), "runs past"),
    (gguf(0, 1, gguf_str(b"k") + struct.pack("<I", 77)), "value type"),
    (gguf(0, 1, gguf_str(b"k") + struct.pack("<IIQ", 9, 8, 1 << 40)), "count"),
    (gguf(1, 0, gguf_str(b"t") + struct.pack("<I", 1) + struct.pack("<Q", 4) + struct.pack("<IQ", 0, 0)),
     "runs past"),
    (gguf(1, 0, gguf_str(b"t") + struct.pack("<I", 1) + struct.pack("<Q", 4) + struct.pack("<IQ", 99, 0)
          + b"\0" * 64), "unsupported type"),
    (gguf(1, 0, gguf_str(b"t") + struct.pack("<I", 40)), "dimensions"),
])
def test_bad_gguf(tmp_path, blob, msg):
    with pytest.raises(MalformedFileError, match=msg):
        load_bytes(blob, "gguf", tmp_path)


def _valid_files(tmp_path):
    rng = np.random.default_rng(0)
    files = {}
    b = io.BytesIO()
    mx.save_safetensors(b, {"w": mx.array(rng.standard_normal((4, 4)).astype(np.float32)),
                            "i": mx.array(np.arange(6, dtype=np.int16))}, {"k": "v"})
    files["safetensors"] = b.getvalue()
    b = io.BytesIO()
    np.save(b, rng.standard_normal((3, 5)).astype(np.float32))
    files["npy"] = b.getvalue()
    b = io.BytesIO()
    np.savez(b, a=np.arange(4), b=np.ones(3, np.float32))
    files["npz"] = b.getvalue()
    mx.save_gguf(str(tmp_path / "v.gguf"), {"w": mx.array(np.arange(8, dtype=np.float32))},
                 {"name": "x", "tags": ["a", "b"], "n": 3})
    files["gguf"] = (tmp_path / "v.gguf").read_bytes()
    return files


def _mutate(rnd, blob):
    b = bytearray(blob)
    kind = rnd.randrange(4)
    if kind == 0 and b:                          # flip bytes
        for _ in range(rnd.randint(1, 8)):
            b[rnd.randrange(len(b))] = rnd.randrange(256)
    elif kind == 1:                              # truncate
        del b[rnd.randrange(len(b) + 1):]
    elif kind == 2 and len(b) > 8:               # overwrite a 64-bit field with an extreme value
        i = rnd.randrange(len(b) - 8)
        b[i:i + 8] = struct.pack("<Q", rnd.choice([0, 1 << 63, (1 << 64) - 1, 1 << 32, len(b) * 2]))
    else:                                        # duplicate a chunk
        i = rnd.randrange(len(b) + 1)
        b[i:i] = b[i:i + rnd.randint(1, 64)]
    return bytes(b)


@pytest.mark.parametrize("fmt", ["safetensors", "npy", "npz", "gguf"])
def test_mutation_fuzz(tmp_path, fmt):
    blob = _valid_files(tmp_path)[fmt]
    rnd = random.Random(1234 + len(fmt))
    for i in range(ITERS):
        bad = _mutate(rnd, blob)
        for mm in ((False, True) if fmt in ("npy", "safetensors") else (False,)):
            try:
                load_bytes(bad, fmt, tmp_path, mmap=mm)
            except RuntimeError:
                pass   # the reference's error type (MalformedFileError is one too); anything else fails
