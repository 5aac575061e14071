"""Seeded file cases: valid files from our own writers, then one or two mutations each.

Every case is a dict the worker understands: {"id", "kind": "file", "fmt", "mmap", "blob" (base64),
"how" (the mutations applied, for grouping and reproducing)}. The same (seed, index) always gives the
same file, so a failing case can be rebuilt from its id alone.
"""
import base64
import json
import random
import struct

import numpy as np

from . import formats as F

FORMATS = ("safetensors", "npy", "npz", "gguf")
MMAP_FORMATS = ("safetensors", "npy")
EXTREMES = (0, 1, 7, 255, 2**16, 2**31 - 1, 2**31, 2**32 - 1, 2**32, 2**62, 2**63 - 1, 2**63, 2**64 - 1)


# ------------------------------------------------------------------------------ valid files
def _shape(rnd):
    return tuple(rnd.choice((0, 1, 2, 3, 5)) for _ in range(rnd.choice((0, 1, 1, 2, 2, 3))))


def _raw_values(rnd, npdt, shape):
    n = int(np.prod(shape, dtype=np.int64))
    nprnd = np.random.default_rng(rnd.getrandbits(32))
    if np.dtype(npdt).kind == "b":
        return nprnd.integers(0, 2, n).astype(np.uint8).tobytes()
    return nprnd.integers(0, 256, n * np.dtype(npdt).itemsize, dtype=np.uint8).tobytes()


def valid_safetensors(rnd):
    tensors = {}
    for i in range(rnd.randint(1, 4)):
        dt = rnd.choice(sorted(F.ST_DTYPES))
        shape = _shape(rnd)
        tensors[f"t{i}.{rnd.choice(['w', 'bias', 'é'])}"] = (dt, shape, _raw_values(rnd, F.ST_DTYPES[dt][0], shape))
    meta = rnd.choice([None, {"format": "mlx"}, {"k": "v", "ü": ""}])
    return F.write_safetensors(tensors, meta)


NPY_DESCRS = ("<f4", "<f2", "<f8", "<i8", "<i4", "<i2", "|i1", "|u1", "<u2", "<u4", "<u8", "|b1", "<c8")


def _np_array(rnd):
    dt = rnd.choice(NPY_DESCRS)
    shape = _shape(rnd)
    arr = np.frombuffer(_raw_values(rnd, dt, shape), dtype=dt).reshape(shape)
    if arr.ndim >= 2 and rnd.random() < 0.3:
        arr = np.asfortranarray(arr)
    return arr


def valid_npy(rnd):
    return F.write_npy(_np_array(rnd))


def valid_npz(rnd):
    members = {f"a{i}": F.write_npy(_np_array(rnd)) for i in range(rnd.randint(1, 3))}
    return F.write_npz(members, compress=rnd.random() < 0.5)


def _gguf_scalar(rnd, vtype):
    code = F.GGUF_SCALAR[vtype]
    if vtype == 7:
        return rnd.random() < 0.5
    if code in "fd":
        return rnd.choice([0.0, 1.5, -2.25, 1e30 if code == "d" else 3.0, float("inf")])
    bits = struct.calcsize(code) * 8
    lo, hi = (-(1 << (bits - 1)), (1 << (bits - 1)) - 1) if code.islower() else (0, (1 << bits) - 1)
    return rnd.choice([lo, hi, 0, 1])


def _gguf_kv(rnd, key):
    vtype = rnd.choice(list(range(13)))
    if vtype in F.GGUF_SCALAR:
        return (key, vtype, _gguf_scalar(rnd, vtype))
    if vtype == F.GGUF_STRING:
        return (key, vtype, rnd.choice(["", "llama", "ünï"]))
    etype = rnd.choice([t for t in range(13) if t != F.GGUF_ARRAY])
    n = rnd.choice([1, 2, 3])
    items = [rnd.choice(["a", "bc"]) if etype == F.GGUF_STRING else _gguf_scalar(rnd, etype) for _ in range(n)]
    return (key, vtype, (etype, items))


def valid_gguf(rnd, fields=None):
    tensors = {}
    for i in range(rnd.randint(1, 3)):
        ttype = rnd.choice(sorted(F.GGUF_TENSOR))
        shape = tuple(rnd.choice((1, 2, 3, 4)) for _ in range(rnd.randint(1, 3)))
        tensors[f"blk.{i}.weight"] = (ttype, shape, _raw_values(rnd, F.GGUF_TENSOR[ttype][0], shape))
    kvs = [_gguf_kv(rnd, f"general.k{i}") for i in range(rnd.randint(0, 6))]
    return F.write_gguf(tensors, kvs, version=rnd.choice((2, 3, 3)), fields=fields)


# ------------------------------------------------------------------------------- mutations
def bytes_mutation(rnd, blob):
    b = bytearray(blob)
    kind = rnd.choice(("flip", "truncate", "extend", "u64", "u32", "dup"))
    if kind == "flip" and b:
        for _ in range(rnd.randint(1, 4)):
            b[rnd.randrange(len(b))] ^= 1 << rnd.randrange(8)
    elif kind == "truncate":
        del b[rnd.randrange(len(b) + 1):]
    elif kind == "extend":
        b += bytes(rnd.randrange(256) for _ in range(rnd.choice((1, 7, 64))))
    elif kind in ("u64", "u32") and len(b) > 8:
        code = "<Q" if kind == "u64" else "<I"
        i = rnd.randrange(len(b) - struct.calcsize(code) + 1)
        v = rnd.choice(EXTREMES) % (1 << (8 * struct.calcsize(code)))
        b[i:i + struct.calcsize(code)] = struct.pack(code, v)
    else:
        i = rnd.randrange(len(b) + 1)
        b[i:i] = b[i:i + rnd.randint(1, 32)]
    return bytes(b), kind


def _st_split(blob):
    (n,) = struct.unpack_from("<Q", blob)
    return json.loads(blob[8:8 + n]), blob[8 + n:]


def st_header_edit(rnd, blob):
    header, data = _st_split(blob)
    names = [k for k in header if k != "__metadata__"]
    name = rnd.choice(names)
    entry = header[name]
    kind = rnd.choice(("offsets", "shape", "dtype", "dupkey", "dupfield", "lenfield", "metadata",
                       "dropfield", "extrafield", "padding", "not_object"))
    raw_header = None
    if kind == "offsets":
        i = rnd.randrange(2)
        entry["data_offsets"][i] = rnd.choice([-1, 0, len(data), len(data) + 1, 2**63, 2**64, 1.5, "8",
                                               entry["data_offsets"][1 - i]])
    elif kind == "shape":
        op = rnd.choice(("set", "add", "drop", "type"))
        if op == "set" and entry["shape"]:
            entry["shape"][rnd.randrange(len(entry["shape"]))] = rnd.choice([0, -1, 2**31, 2**32 + 1, 2**62, 2**63, 2**64])
        elif op == "add":
            entry["shape"].append(rnd.choice([1, 2, 2**33]))
        elif op == "drop" and entry["shape"]:
            entry["shape"].pop()
        else:
            entry["shape"] = rnd.choice([None, "2", [1.5], {"a": 1}, [[2]]])
    elif kind == "dtype":
        entry["dtype"] = rnd.choice(sorted(F.ST_DTYPES) + ["F64", "F8_E4M3", "F8_E5M2", "Q4", "", "f32", 5, None])
    elif kind == "dupkey":                  # the same tensor name twice, the second one different
        text = json.dumps(header)
        other = dict(entry, dtype=rnd.choice(sorted(F.ST_DTYPES)))
        raw_header = text[:-1] + ", " + json.dumps(name) + ": " + json.dumps(other) + "}"
    elif kind == "dupfield":                # a field twice inside one entry
        field = rnd.choice(("dtype", "shape", "data_offsets"))
        alt = {"dtype": '"U8"', "shape": "[1]", "data_offsets": "[0, 0]"}[field]
        text = json.dumps(header)
        key = json.dumps(name) + ": {"
        raw_header = text.replace(key, key + f'"{field}": {alt}, ', 1)
    elif kind == "lenfield":
        n = len(json.dumps(header))
        lenv = rnd.choice([0, 1, n - 1, n + 1, n + len(data) + 1, 2**31, 2**63, 2**64 - 1])
        return struct.pack("<Q", lenv) + json.dumps(header).encode() + data, "st_lenfield"
    elif kind == "metadata":
        header["__metadata__"] = rnd.choice([{"k": 1}, ["x"], "s", None, {"k": None}, {"k": {"n": "x"}}])
    elif kind == "dropfield":
        del entry[rnd.choice(("dtype", "shape", "data_offsets"))]
    elif kind == "extrafield":
        entry["extra"] = 1
    elif kind == "padding":
        raw_header = json.dumps(header) + rnd.choice(["\0\0", "   ", "\n", "x", "}"])
    else:
        raw_header = rnd.choice(["[]", "1", '"s"', "null", "{", ""])
    h = (raw_header if raw_header is not None else json.dumps(header)).encode()
    return struct.pack("<Q", len(h)) + h + data, f"st_{kind}"


NPY_HEADER_EDITS = {
    "shape_nospace": lambda d, s: d.replace(", ", ",") if s.count(",") else d,
    "shape_big": lambda d, s: d.replace(s, rnd_shape_big()),
    "shape_negative": lambda d, s: d.replace(s, "(-1,)"),
    "shape_list": lambda d, s: d.replace(s, "[" + s.strip("()").rstrip(",") + "]"),
    "shape_empty": lambda d, s: d.replace(s, "()"),
    "shape_float": lambda d, s: d.replace(s, "(2.0,)"),
    "dup_descr": lambda d, s: d.replace("{", "{'descr': '<i1', ", 1),
    "dup_shape": lambda d, s: d.replace("{", "{'shape': (1,), ", 1),
    "big_endian": lambda d, s: d.replace("'<", "'>", 1),
    "descr_object": lambda d, s: d.replace(d.split("'descr': ")[1].split(",")[0], "'|O'"),
    "descr_unicode": lambda d, s: d.replace(d.split("'descr': ")[1].split(",")[0], "'<U2'"),
    "descr_datetime": lambda d, s: d.replace(d.split("'descr': ")[1].split(",")[0], "'<M8[s]'"),
    "descr_bad": lambda d, s: d.replace(d.split("'descr': ")[1].split(",")[0], "'<q9'"),
    "fortran_flip": lambda d, s: d.replace("False", "True") if "False" in d else d.replace("True", "False"),
    "fortran_int": lambda d, s: d.replace("False", "0").replace("True", "1"),
    "extra_key": lambda d, s: d.replace("{", "{'extra': 1, ", 1),
    "missing_key": lambda d, s: d.replace("'fortran_order': False, ", "").replace("'fortran_order': True, ", ""),
    "not_dict": lambda d, s: "[1, 2]",
    "code": lambda d, s: "__import__('os').getcwd()",
}


def rnd_shape_big():
    return "(4294967296, 4294967296)"


def npy_header_edit(rnd, blob):
    text, start = F.npy_header_text(blob)
    dict_text = text.strip()
    shape = dict_text.split("'shape': ")[1].rsplit(",", 1)[0].strip()
    shape = shape if shape.endswith(")") else shape + ")"
    kind = rnd.choice(sorted(NPY_HEADER_EDITS) + ["lenfield", "version"])
    data = blob[start:]
    if kind == "lenfield":
        b = bytearray(blob)
        b[8:10] = struct.pack("<H", rnd.choice([0, 1, len(text) - 1, len(text) + 1, 65535]))
        return bytes(b), "npy_lenfield"
    if kind == "version":
        b = bytearray(blob)
        b[6:8] = bytes(rnd.choice([(2, 0), (3, 0), (0, 0), (1, 1), (255, 255)]))
        return bytes(b), "npy_version"
    new = NPY_HEADER_EDITS[kind](dict_text, shape)
    h = new.encode("latin1")
    h += b" " * (-(10 + len(h) + 1) % 64) + b"\n"
    return b"\x93NUMPY\x01\x00" + struct.pack("<H", len(h)) + h + data, f"npy_{kind}"


def npz_edit(rnd, blob):
    import io
    import zipfile
    with zipfile.ZipFile(io.BytesIO(blob)) as zf:
        members = {n[:-4]: zf.read(n) for n in zf.namelist()}
    kind = rnd.choice(("member_header", "member_bytes", "dup_member", "no_suffix", "empty_member"))
    name = rnd.choice(sorted(members))
    if kind == "member_header":
        members[name], how = npy_header_edit(rnd, members[name])
        return F.write_npz(members, rnd.random() < 0.5), f"npz_{how}"
    if kind == "member_bytes":
        members[name], how = bytes_mutation(rnd, members[name])
        return F.write_npz(members, rnd.random() < 0.5), f"npz_member_{how}"
    b = io.BytesIO()
    with zipfile.ZipFile(b, "w") as zf:
        import warnings
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            for n, data in members.items():
                zf.writestr(n if kind == "no_suffix" else n + ".npy", data)
                if kind == "dup_member":
                    zf.writestr(n + ".npy", F.write_npy(np.arange(3, dtype=np.int8)))
                if kind == "empty_member":
                    zf.writestr("empty.npy", b"")
    return b.getvalue(), f"npz_{kind}"


GGUF_FIELD_VALUES = {
    "vtype": list(range(16)) + [2**31], "etype": list(range(16)) + [2**31],
    "ttype": [0, 1, 2, 3, 6, 7, 8, 10, 12, 14, 24, 28, 30, 31, 99, 2**31],
    "n_dims": [0, 1, 4, 5, 8, 2**31], "version": [0, 1, 2, 4, 99],
}


def gguf_field_edit(rnd, blob, fields):
    offset, code, role = rnd.choice(fields)
    size = struct.calcsize(code)
    (cur,) = struct.unpack_from(code, blob, offset)
    choices = GGUF_FIELD_VALUES.get(role, [cur + 1, cur - 1 if cur else 0, cur * 2 + 1, len(blob)] + list(EXTREMES))
    v = rnd.choice(choices) % (1 << (8 * size))
    b = bytearray(blob)
    b[offset:offset + size] = struct.pack(code, v)
    return bytes(b), f"gguf_{role}"


def gguf_structural(rnd):
    """Valid-by-construction edge files: duplicated keys, alignment keys, nested arrays, empty arrays."""
    kind = rnd.choice(("dup_key", "alignment", "nested_array", "empty_array", "dup_tensor", "no_tensors"))
    tensors = {"w": (0, (2, 2), np.arange(4, dtype="<f4").tobytes())}
    kvs = [_gguf_kv(rnd, "general.a")]
    align = 32
    if kind == "dup_key":
        kvs.append(_gguf_kv(rnd, "general.a"))
    elif kind == "alignment":
        align = rnd.choice([1, 8, 64])
        kvs.append(("general.alignment", rnd.choice([4, 4, 5, 10]), align))
    elif kind == "nested_array":
        kvs.append(("general.n", 9, (9, [(0, [1, 2])])))
    elif kind == "empty_array":
        kvs.append(("general.e", 9, (rnd.choice(range(13)), [])))
    elif kind == "dup_tensor":
        blob = F.write_gguf(tensors, kvs)
        tag = F.GGUF_F64_TAG if _has_f64(blob) else ""
        return blob.replace(b"\x01\x00\x00\x00\x00\x00\x00\x00", b"\x02\x00\x00\x00\x00\x00\x00\x00", 1), \
            f"{tag}gguf_dup_tensor_count"
    elif kind == "no_tensors":
        tensors = {}
    tag = F.GGUF_F64_TAG if any(t == 12 or (t == F.GGUF_ARRAY and v[0] == 12) for _, t, v in kvs) else ""
    try:
        return F.write_gguf(tensors, kvs, alignment=align), f"{tag}gguf_{kind}"
    except struct.error:
        return F.write_gguf(tensors, kvs[:1]), f"{tag}gguf_{kind}"


def _has_f64(blob):
    try:
        _, kvs = F.read_gguf(blob)
    except F.Invalid:
        return False
    return any(t == 12 or (t == F.GGUF_ARRAY and v[0] == 12) for t, v in kvs.values())


# Per format: a valid file, an edit that knows its structure, and the share of cases below
# which that edit is used (byte mutations above it). GGUF has more kinds of case: make_file.
_STRUCTURED_EDITS = {
    "safetensors": (valid_safetensors, st_header_edit, 0.6),
    "npy": (valid_npy, npy_header_edit, 0.6),
    "npz": (valid_npz, npz_edit, 0.7),
}


def make_file(fmt, seed, index):
    """(blob, how) for case `index` of `fmt` under `seed`."""
    rnd = random.Random(f"{seed}:{fmt}:{index}")
    roll = rnd.random()
    if fmt in _STRUCTURED_EDITS:
        make_valid, structured_edit, edit_below = _STRUCTURED_EDITS[fmt]
        blob = make_valid(rnd)
        if roll < 0.05:
            return blob, "valid"
        if roll < edit_below:
            blob, how = structured_edit(rnd, blob)
        else:
            blob, how = bytes_mutation(rnd, blob)
    else:
        fields = []
        blob = valid_gguf(rnd, fields)
        # Tag files holding float64 metadata (known crash, FINDINGS.md) so they group as one cause.
        tag = F.GGUF_F64_TAG if _has_f64(blob) else ""
        if roll < 0.08:
            return blob, tag + "valid"
        if roll < 0.2:
            return gguf_structural(rnd)
        if roll < 0.7:
            blob, how = gguf_field_edit(rnd, blob, fields)
        else:
            blob, how = bytes_mutation(rnd, blob)
        how = tag + how
    if rnd.random() < 0.15:                          # a second, byte-level mutation on top
        blob, how2 = bytes_mutation(rnd, blob)
        how += "+" + how2
    return blob, how


def file_cases(fmt, n, seed, start_id=0):
    """n files of `fmt`, each as a plain case and, where mlxcy maps the format, an mmap case."""
    cases = []
    for i in range(n):
        blob, how = make_file(fmt, seed, i)
        b64 = base64.b64encode(blob).decode()
        for mm in ((False, True) if fmt in MMAP_FORMATS else (False,)):
            cases.append({"id": start_id + len(cases), "kind": "file", "fmt": fmt, "mmap": mm,
                          "blob": b64, "how": how, "index": i})
    return cases
