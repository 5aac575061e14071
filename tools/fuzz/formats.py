"""Small writers and independent readers for the file formats mlxcy loads.

Written from the format descriptions (safetensors: 8-byte little-endian header length, JSON header,
byte buffer; npy: NumPy's format description; GGUF v1-v3: ggml's gguf.md), not from any loader's
code, so that a file mlxcy reads can be checked against a second parse. Pure Python + NumPy: the
worker imports this under either binding's interpreter.

Each reader returns plain data or raises `Invalid` (the file is malformed by the reader's rules).
"""
import ast
import io
import json
import struct
import zipfile

import numpy as np


class Invalid(Exception):
    """The independent reader rejects the file."""


def raw_difference(got, want, what):
    """None, or why a loaded array `got` differs from the reader's `want`: both are
    (mlx dtype name, shape tuple, bytes); a dtype name of None means mlx has no such dtype."""
    if want[0] is None:
        return f"{what}: loaded a dtype mlx lacks as {got[0]}"
    for i, field in enumerate(("dtype", "shape", "bytes")):
        if got[i] != want[i]:
            g, w = (got[i], want[i]) if i < 2 else (got[i][:16].hex(), want[i][:16].hex())
            return f"{what}: {field} {g} != {w}"
    return None


# --------------------------------------------------------------------------------- safetensors
# safetensors dtype name -> (NumPy dtype of the raw bytes, mlx dtype name mlxcy should return)
ST_DTYPES = {
    "BOOL": ("|b1", "bool"), "U8": ("|u1", "uint8"), "I8": ("|i1", "int8"),
    "U16": ("<u2", "uint16"), "I16": ("<i2", "int16"), "U32": ("<u4", "uint32"),
    "I32": ("<i4", "int32"), "U64": ("<u8", "uint64"), "I64": ("<i8", "int64"),
    "F16": ("<f2", "float16"), "BF16": ("<u2", "bfloat16"), "F32": ("<f4", "float32"),
    "C64": ("<c8", "complex64"),
}


def write_safetensors(tensors, metadata=None, header_pad=True):
    """tensors: {name: (st_dtype, shape, raw_bytes)} in order; returns the file bytes."""
    header, offset, data = {}, 0, []
    if metadata is not None:
        header["__metadata__"] = metadata
    for name, (dt, shape, raw) in tensors.items():
        header[name] = {"dtype": dt, "shape": list(shape), "data_offsets": [offset, offset + len(raw)]}
        data.append(raw)
        offset += len(raw)
    h = json.dumps(header).encode()
    if header_pad:
        h += b" " * (-len(h) % 8)
    return struct.pack("<Q", len(h)) + h + b"".join(data)


def _no_duplicate_keys(pairs):
    keys = [k for k, _ in pairs]
    if len(keys) != len(set(keys)):
        raise Invalid("duplicated JSON key")
    return dict(pairs)


def read_safetensors(blob):
    """{name: (mlx dtype name, shape tuple, raw bytes)}, metadata dict."""
    if len(blob) < 8:
        raise Invalid("shorter than the length field")
    (n,) = struct.unpack_from("<Q", blob)
    if 8 + n > len(blob):
        raise Invalid("header runs past the end")
    try:
        header = json.loads(blob[8:8 + n].decode("utf-8"), object_pairs_hook=_no_duplicate_keys)
    except (UnicodeDecodeError, ValueError) as e:
        raise Invalid(f"header is not JSON: {e}") from None
    if not isinstance(header, dict):
        raise Invalid("header is not an object")
    data = blob[8 + n:]
    metadata = header.pop("__metadata__", None)
    if metadata is not None and not (isinstance(metadata, dict)
                                     and all(isinstance(v, str) for v in metadata.values())):
        raise Invalid("__metadata__ is not a str->str map")
    out, spans = {}, []
    for name, entry in header.items():
        if not isinstance(entry, dict) or set(entry) != {"dtype", "shape", "data_offsets"}:
            raise Invalid(f"bad entry {name!r}")
        dt, shape, offs = entry["dtype"], entry["shape"], entry["data_offsets"]
        if dt not in ST_DTYPES:
            raise Invalid(f"dtype {dt!r}")
        if not (isinstance(shape, list) and all(type(d) is int and 0 <= d < 2**31 for d in shape)):
            raise Invalid(f"shape {shape!r}")
        if not (isinstance(offs, list) and len(offs) == 2 and all(type(o) is int for o in offs)):
            raise Invalid(f"data_offsets {offs!r}")
        begin, end = offs
        if not 0 <= begin <= end <= len(data):
            raise Invalid("data_offsets outside the buffer")
        itemsize = np.dtype(ST_DTYPES[dt][0]).itemsize
        if int(np.prod(shape, dtype=object)) * itemsize != end - begin:
            raise Invalid("size does not match shape and dtype")
        spans.append((begin, end))
        out[name] = (ST_DTYPES[dt][1], tuple(shape), bytes(data[begin:end]))
    spans.sort()
    for (_, e0), (b1, _) in zip(spans, spans[1:]):
        if b1 < e0:
            raise Invalid("overlapping tensors")
    return out, metadata


# -------------------------------------------------------------------------------------- npy
NPY_MLX = {"b1": "bool", "u1": "uint8", "i1": "int8", "u2": "uint16", "i2": "int16", "u4": "uint32",
           "i4": "int32", "u8": "uint64", "i8": "int64", "f2": "float16", "f4": "float32",
           "f8": "float64", "c8": "complex64"}


def write_npy(arr, header_text=None, version=(1, 0)):
    """An .npy file for `arr`; header_text replaces the header dict text (for edits)."""
    arr = np.asarray(arr)
    fortran = arr.flags.f_contiguous and not arr.flags.c_contiguous
    if header_text is None:
        header_text = ("{'descr': %r, 'fortran_order': %s, 'shape': %r, }"
                       % (arr.dtype.str, fortran, tuple(arr.shape)))
    raw = arr.tobytes(order="F" if fortran else "C")
    h = header_text.encode("latin1")
    lenfmt = "<H" if version[0] == 1 else "<I"
    pre = 6 + 2 + struct.calcsize(lenfmt)
    h += b" " * (-(pre + len(h) + 1) % 64) + b"\n"
    return b"\x93NUMPY" + bytes(version) + struct.pack(lenfmt, len(h)) + h + raw


def read_npy(blob):
    """NumPy's own reader is the oracle for npy: (array, mlx dtype name or None)."""
    try:
        arr = np.load(io.BytesIO(blob), allow_pickle=False)
    except Exception as e:  # noqa: BLE001 -- any refusal by NumPy means "invalid"
        raise Invalid(f"np.load: {type(e).__name__}: {e}") from None
    if not isinstance(arr, np.ndarray):
        raise Invalid("not an array")
    return arr


def read_npz(blob):
    try:
        with np.load(io.BytesIO(blob), allow_pickle=False) as z:
            out = {k: z[k] for k in z.files}
    except Exception as e:  # noqa: BLE001
        raise Invalid(f"np.load: {type(e).__name__}: {e}") from None
    if not all(isinstance(v, np.ndarray) for v in out.values()):
        raise Invalid("a member is not an .npy file")           # NumPy hands such a member back as bytes
    return out


def write_npz(members, compress=False):
    """members: {name: npy bytes}."""
    b = io.BytesIO()
    with zipfile.ZipFile(b, "w", zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED) as zf:
        for name, data in members.items():
            zf.writestr(name + ".npy", data)
    return b.getvalue()


def npy_header_text(blob):
    """(header text, offset of the data) of a valid v1 npy file built by write_npy."""
    (n,) = struct.unpack_from("<H", blob, 8)
    return blob[10:10 + n].decode("latin1"), 10 + n


# ------------------------------------------------------------------------------------- GGUF
# metadata value type -> struct code (strings and arrays handled apart)
GGUF_SCALAR = {0: "B", 1: "b", 2: "H", 3: "h", 4: "I", 5: "i", 6: "f", 7: "?", 10: "Q", 11: "q", 12: "d"}
GGUF_STRING, GGUF_ARRAY = 8, 9
GGUF_F64_TAG = "f64-metadata:"      # prefix of a fuzz case's "how" when its file holds float64 metadata
# tensor type -> (NumPy dtype, mlx dtype name); the unquantised types mlx loads
GGUF_TENSOR = {0: ("<f4", "float32"), 1: ("<f2", "float16")}


def gguf_str(s):
    if isinstance(s, str):
        s = s.encode()
    return struct.pack("<Q", len(s)) + s


def gguf_value(vtype, value):
    if vtype in GGUF_SCALAR:
        return struct.pack("<" + GGUF_SCALAR[vtype], value)
    if vtype == GGUF_STRING:
        return gguf_str(value)
    etype, items = value
    return struct.pack("<IQ", etype, len(items)) + b"".join(gguf_value(etype, v) for v in items)


def write_gguf(tensors, kvs, version=3, alignment=32, fields=None):
    """tensors: {name: (gguf type, shape (mlx order), raw)}; kvs: [(key, vtype, value)].

    `fields`, a list, receives (offset, struct code, role) of each header integer written, so that
    a fuzzer can edit exactly one field (a count, a length, a type code, a dimension, an offset)."""
    fields = [] if fields is None else fields
    out = [b"GGUF", struct.pack("<IQQ", version, len(tensors), len(kvs))]
    fields += [(4, "<I", "version"), (8, "<Q", "n_tensors"), (16, "<Q", "n_kv")]
    pos = 24

    def note(blob, code, role, at):
        fields.append((pos + at, code, role))

    for key, vtype, value in kvs:
        part = gguf_str(key) + struct.pack("<I", vtype) + gguf_value(vtype, value)
        kl = 8 + len(key.encode())
        note(part, "<Q", "key_len", 0)
        note(part, "<I", "vtype", kl)
        if vtype == GGUF_STRING:
            note(part, "<Q", "str_len", kl + 4)
        elif vtype == GGUF_ARRAY:
            note(part, "<I", "etype", kl + 4)
            note(part, "<Q", "count", kl + 8)
        out.append(part)
        pos += len(part)
    offset, datas = 0, []
    for name, (ttype, shape, raw) in tensors.items():
        dims = list(reversed(shape))
        part = (gguf_str(name) + struct.pack("<I", len(dims)) + struct.pack(f"<{len(dims)}Q", *dims)
                + struct.pack("<IQ", ttype, offset))
        nl = 8 + len(name.encode())
        note(part, "<Q", "name_len", 0)
        note(part, "<I", "n_dims", nl)
        for i in range(len(dims)):
            note(part, "<Q", "dim", nl + 4 + 8 * i)
        note(part, "<I", "ttype", nl + 4 + 8 * len(dims))
        note(part, "<Q", "offset", nl + 8 + 8 * len(dims))
        out.append(part)
        pos += len(part)
        pad = -len(raw) % alignment
        datas.append(raw + b"\0" * pad)
        offset += len(raw) + pad
    head = b"".join(out)
    head += b"\0" * (-len(head) % alignment)
    return head + b"".join(datas)


class _Cursor:
    def __init__(self, blob):
        self.b, self.i = blob, 0

    def take(self, fmt):
        size = struct.calcsize(fmt)
        if self.i + size > len(self.b):
            raise Invalid("runs past the end")
        v = struct.unpack_from(fmt, self.b, self.i)
        self.i += size
        return v if len(v) > 1 else v[0]

    def string(self):
        n = self.take("<Q")
        if self.i + n > len(self.b):
            raise Invalid("string runs past the end")
        s = self.b[self.i:self.i + n]
        self.i += n
        try:
            return s.decode("utf-8")
        except UnicodeDecodeError:
            raise Invalid("string is not UTF-8") from None

    def value(self, vtype, depth=0):
        if vtype in GGUF_SCALAR:
            v = self.take("<" + GGUF_SCALAR[vtype])
            if vtype == 7 and self.b[self.i - 1] > 1:
                raise Invalid("bool byte not 0/1")
            return (vtype, v)
        if vtype == GGUF_STRING:
            return (vtype, self.string())
        if vtype == GGUF_ARRAY and depth == 0:
            etype, count = self.take("<IQ")
            if count > len(self.b):
                raise Invalid("array count exceeds the file")
            return (vtype, (etype, [self.value(etype, depth + 1)[1] for _ in range(count)]))
        raise Invalid(f"value type {vtype}")


def read_gguf(blob):
    """{name: (mlx dtype name, shape, raw)}, {key: (vtype, value)}: GGUF v2/v3, unquantised tensors."""
    c = _Cursor(blob)
    if c.take("4s") != b"GGUF":
        raise Invalid("magic")
    version = c.take("<I")
    if version not in (2, 3):
        raise Invalid(f"version {version}")
    n_tensors, n_kv = c.take("<QQ")
    if n_tensors > len(blob) or n_kv > len(blob):
        raise Invalid("counts")
    kvs = {}
    for _ in range(n_kv):
        key = c.string()
        if key in kvs:
            raise Invalid("duplicated key")
        kvs[key] = c.value(c.take("<I"))
    alignment = 32
    if "general.alignment" in kvs:
        vt, a = kvs["general.alignment"]
        if vt != 4 or a == 0 or a & (a - 1):
            raise Invalid("alignment")
        alignment = a
    infos = []
    for _ in range(n_tensors):
        name = c.string()
        nd = c.take("<I")
        if nd > 4:
            raise Invalid("dims")
        dims = [c.take("<Q") for _ in range(nd)]
        ttype, off = c.take("<IQ")
        infos.append((name, dims, ttype, off))
    start = c.i + (-c.i % alignment)
    out = {}
    for name, dims, ttype, off in infos:
        if name in out:
            raise Invalid("duplicated tensor")
        if ttype not in GGUF_TENSOR:
            raise Invalid(f"tensor type {ttype}")
        if any(d >= 2**31 for d in dims) or off % alignment:
            raise Invalid("dims/offset")
        npdt, mlxdt = GGUF_TENSOR[ttype]
        size = int(np.prod(dims, dtype=object)) * np.dtype(npdt).itemsize
        if start + off + size > len(blob):
            raise Invalid("tensor data past the end")
        out[name] = (mlxdt, tuple(reversed(dims)), bytes(blob[start + off:start + off + size]))
    return out, kvs
