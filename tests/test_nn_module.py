"""mlxcy.nn.Module: parameter trees, updates, freezing, modes, repr, weights on disk."""
import json
import os
import struct
import subprocess
import sys
import textwrap

import numpy as np
import pytest

import mlxcy as mx
import mlxcy.nn as nn
from _oracles import printed_by_both


class Block(nn.Module):
    def __init__(self):
        super().__init__()
        self.a = nn.Linear(2, 3)
        self.b = [nn.Linear(3, 3), {"c": nn.Linear(3, 1), "d": mx.zeros((2,))}]
        self.e = mx.ones((1,))
        self._private = mx.ones((1,))
        self.note = "plain attribute"


def _keys(tree):
    from mlxcy.utils import tree_flatten

    return sorted(k for k, _ in tree_flatten(tree))


def test_attributes_split_between_dict_and_object():
    m = nn.Module()
    m.x = mx.zeros((3,))
    m.y = 3
    m.z = [mx.zeros((1,))]
    m.w = {"a": 1}
    m.t = (1, 2)
    assert "x" in m and "z" in m and "w" in m and "t" in m
    assert "y" not in m and m.y == 3
    # replacing an array by a non-tree value moves it out of the dict
    m.x = None
    assert "x" not in m and m.x is None
    del m.z
    assert "z" not in m
    with pytest.raises(AttributeError, match="'Module' object has no attribute 'nope'"):
        m.nope
    with pytest.raises(AttributeError):
        del m.nope
    assert m.state is m
    assert vars(nn.Linear(2, 3)).keys() == {"_no_grad", "_training"}


def test_parameters_children_and_leaves():
    m = Block()
    assert _keys(m.parameters()) == ["a.bias", "a.weight", "b.0.bias", "b.0.weight",
                                      "b.1.c.bias", "b.1.c.weight", "b.1.d", "e"]
    kids = m.children()
    assert list(kids) == ["a", "b"]
    assert kids["a"] is m.a and kids["b"][0] is m.b[0] and kids["b"][1]["c"] is m.b[1]["c"]
    assert kids["b"][1]["d"] == {}  # arrays are masked out of the children tree
    leaves = m.leaf_modules()
    assert leaves["a"] is m.a and leaves["b"][1]["c"] is m.b[1]["c"]
    names = [k for k, _ in m.named_modules()]
    assert names == ["", "b.1.c", "b.0", "a"]
    assert len(m.modules()) == 4 and m.modules()[0] is m


def test_filter_and_map():
    m = Block()
    shapes = m.filter_and_map(m.valid_parameter_filter, map_fn=lambda x: x.shape)
    assert shapes["a"]["weight"] == (3, 2) and shapes["b"][1]["d"] == (2,)
    m.pair = (1, 2)
    with pytest.raises(RuntimeError, match="Unexpected leaf"):
        m.filter_and_map(lambda *_: True, is_leaf_fn=lambda m, k, v: isinstance(v, mx.array))


def test_update_strict_and_errors():
    m = nn.Sequential(nn.Linear(2, 3), nn.Linear(3, 1))
    w = mx.ones((3, 2))
    m.update({"layers": [{"weight": w}]})
    assert m.layers[0].weight is w
    with pytest.raises(ValueError, match='Module does not have parameter named "bogus".'):
        m.update({"bogus": mx.zeros((1,))})
    with pytest.raises(ValueError, match="Received invalid type: int."):
        m.update({"layers": [{"weight": 3}, {}]})
    with pytest.raises(ValueError, match="List index 2 is out of bounds for destination of length 2."):
        m.update({"layers": [{}, {}, {}]})
    with pytest.raises(ValueError, match="Received invalid type: dict."):
        m.update({"layers": [{"weight": {"x": w}}]})
    # non-strict skips what does not fit and sets what it is given
    m.update({"bogus": mx.zeros((1,)), "layers": [{}, {}, {}]}, strict=False)
    m.update({"layers": [{"weight": 3}]}, strict=False)
    assert m.layers[0].weight == 3


def test_update_modules():
    m = nn.Sequential(nn.Linear(2, 3), nn.Linear(3, 1))
    relu = nn.ReLU()
    m.update_modules({"layers": [relu]})
    assert m.layers[0] is relu and isinstance(m.layers[1], nn.Linear)
    with pytest.raises(ValueError, match='Module does not have sub-module named "bogus".'):
        m.update_modules({"bogus": nn.ReLU()})
    with pytest.raises(ValueError, match="Received invalid type: array."):
        m.update_modules({"layers": [mx.zeros((1,))]})
    with pytest.raises(ValueError, match="List index 2 is out of bounds"):
        m.update_modules({"layers": [relu, relu, relu]})
    m.update_modules({"layers": [relu, relu, relu]}, strict=False)
    assert m.layers[1] is relu
    # a module never replaces an array
    lin = nn.Linear(2, 3)
    lin.update_modules({"weight": nn.ReLU()})
    assert isinstance(lin.weight, mx.array)


def test_freeze_unfreeze():
    m = nn.Sequential(nn.Linear(2, 3), nn.Linear(3, 3))
    m.freeze()
    assert _keys(m.trainable_parameters()) == []
    assert len(_keys(m.parameters())) == 4
    m.unfreeze()
    assert len(_keys(m.trainable_parameters())) == 4
    m.freeze(keys="weight")
    assert _keys(m.trainable_parameters()) == ["layers.0.bias", "layers.1.bias"]
    m.unfreeze(keys=["weight"])
    assert len(_keys(m.trainable_parameters())) == 4
    # recurse=False only sees the module's own entries: a Sequential holds no array itself
    m.freeze(recurse=False)
    assert len(_keys(m.trainable_parameters())) == 4
    m.freeze(keys="layers", recurse=False)
    assert _keys(m.trainable_parameters()) == []
    m.unfreeze(recurse=False)
    assert len(_keys(m.trainable_parameters())) == 4
    m.layers[0].freeze(keys=["weight", "bias"], strict=True)
    assert _keys(m.trainable_parameters()) == ["layers.1.bias", "layers.1.weight"]
    with pytest.raises(KeyError, match="Module doesn't contain member nope."):
        m.freeze(keys=["nope"], strict=True)
    with pytest.raises(KeyError, match="Module doesn't contain member weight."):
        m.freeze(keys="weight", recurse=False, strict=True)
    with pytest.raises(KeyError, match="Module doesn't contain member nope."):
        m.layers[0].unfreeze(keys="nope", strict=True)
    m.freeze(keys="nope")  # not strict: nothing happens


def test_frozen_nested_list_entries():
    m = nn.Module()
    m.ws = [mx.zeros((1,)), mx.ones((1,))]
    m.freeze(recurse=False)
    assert m.trainable_parameters() == {"ws": [{}, {}]}


def test_train_eval_and_apply_to_modules():
    m = nn.Sequential(nn.Linear(1, 1), nn.Sequential(nn.Dropout(0.5)))
    assert m.training
    assert m.eval() is m
    assert not m.layers[1].layers[0].training
    m.train()
    assert m.layers[1].layers[0].training
    seen = []
    m.apply_to_modules(lambda k, mod: seen.append((k, type(mod).__name__)))
    assert seen == [("", "Sequential"), ("layers.1", "Sequential"),
                    ("layers.1.layers.0", "Dropout"), ("layers.0", "Linear")]


def test_apply_and_set_dtype():
    m = nn.Sequential(nn.Linear(2, 3), nn.Embedding(4, 2))
    m.layers[0].counter = mx.array([1, 2])
    m.set_dtype(mx.float16)
    assert m.layers[0].weight.dtype == mx.float16 and m.layers[1].weight.dtype == mx.float16
    assert m.layers[0].counter.dtype == mx.int32  # the default predicate keeps non-floating
    m.set_dtype(mx.float32, predicate=None)
    assert m.layers[0].counter.dtype == mx.float32
    m.apply(lambda x: x * 0)
    assert float(mx.sum(mx.abs(m.layers[0].weight))) == 0.0
    # filter_fn restricts what apply maps
    m.apply(lambda x: x + 1, filter_fn=lambda mod, k, v: k != "bias" and mod.valid_parameter_filter(mod, k, v))
    assert float(m.layers[0].bias.sum()) == 0.0 and float(m.layers[0].weight.sum()) == 6.0


def test_repr_tree():
    assert repr(nn.Module()) == "Module()"
    assert repr(Block()) == (
        "Block(\n"
        "  (a): Linear(input_dims=2, output_dims=3, bias=True)\n"
        "  (b.0): Linear(input_dims=3, output_dims=3, bias=True)\n"
        "  (b.1.c): Linear(input_dims=3, output_dims=1, bias=True)\n"
        ")"
    )
    m = nn.Sequential(nn.Linear(2, 3), nn.Sequential(nn.LayerNorm(4)))
    assert repr(m) == (
        "Sequential(\n"
        "  (layers.0): Linear(input_dims=2, output_dims=3, bias=True)\n"
        "  (layers.1): Sequential(\n"
        "    (layers.0): LayerNorm(4, eps=1e-05, affine=True)\n"
        "  )\n"
        ")"
    )


def _pairs(m):
    from mlxcy.utils import tree_flatten

    return tree_flatten(m.parameters())


def test_load_weights_from_pairs():
    src, dst = nn.Sequential(nn.Linear(2, 3), nn.Linear(3, 1)), nn.Sequential(nn.Linear(2, 3), nn.Linear(3, 1))
    dst.load_weights(_pairs(src))
    for (k1, v1), (k2, v2) in zip(_pairs(src), _pairs(dst)):
        assert k1 == k2 and np.array_equal(np.array(v1), np.array(v2))
    full = _pairs(src)
    with pytest.raises(ValueError, match=r"Received 1 parameters not in model: \nfoo\."):
        dst.load_weights(full + [("foo", mx.zeros((1,)))])
    with pytest.raises(ValueError, match=r"Missing 2 parameters: \nlayers\.1\.bias,\nlayers\.1\.weight\."):
        dst.load_weights([p for p in full if p[0].startswith("layers.0")])
    bad = [(k, mx.zeros((2, 2)) if k == "layers.0.weight" else v) for k, v in full]
    with pytest.raises(ValueError, match=r"Expected shape \(3, 2\) but received shape \(2, 2\) for parameter layers.0.weight"):
        dst.load_weights(bad)
    bad = [(k, 3 if k == "layers.0.weight" else v) for k, v in full]
    with pytest.raises(ValueError, match="Expected mx.array but received <class 'int'> for parameter layers.0.weight"):
        dst.load_weights(bad)
    # non-strict: partial, extra names ignored
    w = mx.full((3, 2), 7.0)
    dst.load_weights([("layers.0.weight", w), ("foo", mx.zeros((1,)))], strict=False)
    assert dst.layers[0].weight is w


@pytest.mark.skipif(not (hasattr(mx, "load") and hasattr(mx, "savez") and hasattr(mx, "save_safetensors")),
                    reason="mx.load / mx.savez / mx.save_safetensors not available yet")
@pytest.mark.parametrize("ext", ["npz", "safetensors"])
def test_save_load_round_trip(tmp_path, ext):
    src = Block()
    dst = Block()
    path = str(tmp_path / f"w.{ext}")
    src.save_weights(path)
    dst.load_weights(path)
    for (k1, v1), (k2, v2) in zip(_pairs(src), _pairs(dst)):
        assert k1 == k2 and np.array_equal(np.array(v1), np.array(v2))
    x = mx.ones((4, 2))
    assert np.allclose(np.array(src.a(x)), np.array(dst.a(x)))


def test_save_weights_rejects_unknown_extension(tmp_path):
    with pytest.raises(ValueError, match=r"Unsupported file extension for .*w\.bin\. Use '\.npz' or '\.safetensors'\."):
        nn.Linear(2, 2).save_weights(str(tmp_path / "w.bin"))


# ---- large weights: mmap and sharded checkpoints (mlxcy extras) --------------------------------

def _mlp():
    return nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 2))


def _save_aligned_safetensors(path, arrays):
    """{name: float32 mx.array} as a safetensors file written here from the format description,
    with the header padded by spaces to a multiple of 8 bytes (as the safetensors package does),
    so that every float32 tensor is aligned and mmap loading can view it without a copy."""
    header, chunks, offset = {}, [], 0
    for name, value in arrays.items():
        raw = np.asarray(value, dtype=np.float32).tobytes()
        header[name] = {"dtype": "F32", "shape": list(value.shape), "data_offsets": [offset, offset + len(raw)]}
        chunks.append(raw)
        offset += len(raw)
    text = json.dumps(header).encode()
    text += b" " * (-(8 + len(text)) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)) + text)
        for raw in chunks:
            f.write(raw)


@pytest.mark.host_zero_copy
def test_load_weights_mmap_views_the_file(tmp_path):
    from mlxcy.utils import tree_flatten

    src = _mlp()
    path = tmp_path / "w.safetensors"
    _save_aligned_safetensors(path, dict(tree_flatten(src.parameters())))
    mapped, read = _mlp(), _mlp()
    mapped.load_weights(str(path), mmap=True)
    read.load_weights(path)
    for (k, v), (_, m), (_, r) in zip(_pairs(src), _pairs(mapped), _pairs(read)):
        assert np.array_equal(np.array(v), np.array(m)) and np.array_equal(np.array(v), np.array(r)), k
    # A mapped weight views the file's (read-only) mapping; a read one owns its memory.
    assert not np.asarray(mapped.layers[0].weight).flags.writeable
    assert np.asarray(read.layers[0].weight).flags.writeable
    with pytest.raises(ValueError, match="mmap=True supports"):
        src.save_weights(str(tmp_path / "w.npz"))
        _mlp().load_weights(str(tmp_path / "w.npz"), mmap=True)


def _save_shards(model, folder, n_shards):
    """model's parameters as n_shards safetensors files plus the Hugging Face index file."""
    from mlxcy.utils import tree_flatten

    names = [k for k, _ in tree_flatten(model.parameters())]
    flat = dict(tree_flatten(model.parameters()))
    wmap = {}
    for i in range(n_shards):
        shard = f"model-{i + 1:05d}-of-{n_shards:05d}.safetensors"
        part = {k: flat[k] for k in names[i::n_shards]}
        mx.save_safetensors(str(folder / shard), part)
        wmap.update({k: shard for k in part})
    (folder / "model.safetensors.index.json").write_text(json.dumps({"weight_map": wmap}))


@pytest.mark.parametrize("mm", [False, True])
def test_load_weights_from_a_sharded_checkpoint(tmp_path, capsys, monkeypatch, mm):
    src = _mlp()
    _save_shards(src, tmp_path, 3)
    monkeypatch.setitem(sys.modules, "tqdm", None)   # the plain progress line
    for where in (tmp_path, tmp_path / "model.safetensors.index.json", str(tmp_path)):
        dst = _mlp()
        dst.load_weights(where, mmap=mm, progress=True)
        for (k, v), (_, w) in zip(_pairs(src), _pairs(dst)):
            assert np.array_equal(np.array(v), np.array(w)), k
    assert capsys.readouterr().err.count("3/3 shards") == 3
    with pytest.raises(ValueError, match="Missing 2 parameters"):
        nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 2), nn.Linear(2, 2)).load_weights(tmp_path)


_RSS_SCRIPT = textwrap.dedent("""
    import sys
    import mlxcy as mx
    import mlxcy.nn as nn

    def status(field):
        with open("/proc/self/status") as f:
            return next(int(l.split()[1]) * 1024 for l in f if l.startswith(field + ":"))

    def reset_peak():
        try:
            with open("/proc/self/clear_refs", "w") as f:
                f.write("5")          # resets VmHWM to the current RSS (Linux >= 4.0)
            return True
        except OSError:
            return False

    class Big(nn.Module):
        def __init__(self):
            super().__init__()
            self.layers = [nn.Linear(1024, 1024, bias=False) for _ in range(int(sys.argv[2]))]
            self.small = nn.Linear(4, 4)

    model = Big()
    can_reset = reset_peak()
    before = status("VmRSS")
    model.load_weights(sys.argv[1], mmap=True)
    value = model.small.weight.sum().item()          # touch one small tensor
    one = (status("VmHWM") if can_reset else status("VmRSS")) - before
    for layer in model.layers:                       # then read every page
        layer.weight.sum().item()
    everything = status("VmRSS") - before
    print(one, everything, value)
""")


@pytest.mark.host_zero_copy
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc/self/status")
def test_load_weights_mmap_memory_follows_bytes_touched(tmp_path):
    layers = 50                                      # 50 x 4 MiB float32 = 200 MiB
    weights = {f"layers.{i}.weight": mx.full((1024, 1024), float(i)) for i in range(layers)}
    weights["small.weight"] = mx.full((4, 4), 0.5)
    weights["small.bias"] = mx.zeros((4,))
    path = tmp_path / "big.safetensors"
    _save_aligned_safetensors(path, weights)
    del weights
    size = os.path.getsize(path)
    assert size > 200 * 10**6
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    res = subprocess.run([sys.executable, "-c", _RSS_SCRIPT, str(path), str(layers)], cwd=str(tmp_path),
                         capture_output=True, text=True, env=env)
    assert res.returncode == 0, res.stderr
    one, everything, value = res.stdout.split()
    assert float(value) == 8.0                       # 16 elements of 0.5
    # Peak growth for one 64-byte tensor: a few pages and allocator noise, not the file.
    assert int(one) < size / 20, (int(one), size)
    # The measure can see the file: reading every page maps it all in.
    assert int(everything) > size * 0.8, (int(everything), size)


@pytest.mark.parametrize("ext", ["safetensors", "npz"])
def test_load_weights_missing_file(tmp_path, ext):
    path = tmp_path / f"w.{ext}"
    with pytest.raises(FileNotFoundError) as info:
        _mlp().load_weights(str(path))
    assert isinstance(info.value, RuntimeError) and info.value.filename == str(path)
    assert str(path) in str(info.value)
    # the reference raises RuntimeError (.safetensors) or ValueError (.npz): both still catch it
    assert isinstance(info.value, ValueError)


# ---- parameters / trainable_parameters / update: mlxcy's inlined walks ----

def _same_tree(a, b):
    """The same containers (types, keys, order) holding the very same leaves."""
    if isinstance(a, (dict, list)):
        assert type(a) is type(b) and len(a) == len(b)
        if isinstance(a, dict):
            assert list(a) == list(b)
            for k in a:
                _same_tree(a[k], b[k])
        else:
            for x, y in zip(a, b):
                _same_tree(x, y)
    else:
        assert a is b


def test_parameter_walks_match_the_generic_walk():
    m = Block()
    m.b.append([mx.zeros((1,)), 3, "text", nn.ReLU()])
    m.e2 = {"_hidden": mx.ones((1,)), "n": None, "deep": {"x": mx.ones((2,))}}
    m.freeze(keys=["e"], strict=False)
    m.a.freeze(keys=["bias"])
    m._no_grad.update({"b.1", "e2.deep"})   # frozen by path, inside a list and a dict
    # the generic walk: a filter that is not the stock function object
    generic_valid = m.filter_and_map(lambda mod, k, v: nn.Module.valid_parameter_filter(mod, k, v))
    generic_train = m.filter_and_map(lambda mod, k, v: nn.Module.trainable_parameter_filter(mod, k, v))
    _same_tree(m.parameters(), generic_valid)
    _same_tree(m.trainable_parameters(), generic_train)
    # hand-derived: frozen entries are left out of modules, and are {} in lists and dicts
    t = m.trainable_parameters()
    assert list(t) == ["a", "b", "e2"] and list(t["a"]) == ["weight"]
    assert t["b"][1] == {} and t["b"][2][1:] == [{}, {}, {}] and t["b"][2][0] is m.b[2][0]
    assert t["e2"]["deep"] == {} and t["e2"]["n"] == {} and t["e2"]["_hidden"] is m.e2["_hidden"]


def test_parameter_walks_follow_an_overridden_filter_and_map():
    class Only(nn.Module):
        def __init__(self):
            super().__init__()
            self.w = mx.ones((1,))
            self.v = mx.ones((1,))

        def filter_and_map(self, filter_fn, map_fn=None, is_leaf_fn=None):
            return {"overridden": super().filter_and_map(filter_fn, map_fn, is_leaf_fn)}

    assert list(Only().parameters()) == ["overridden"]
    assert list(Only().trainable_parameters()["overridden"]) == ["w", "v"]


def test_update_and_parameter_trees_as_the_reference():
    out, ref = printed_by_both(textwrap.dedent('''
        import json
        class Block(nn.Module):
            def __init__(self):
                super().__init__()
                self.a = nn.Linear(2, 3)
                self.b = [nn.Linear(3, 3), {"c": nn.Linear(3, 1), "d": mx.zeros((2,))}]
                self.e = mx.ones((1,))
                self._private = mx.ones((1,))
        m = Block()
        w = mx.ones((1,))
        for upd in ({"e": {"x": w}}, {"b": {"0": w}}, {"a": [], "b": []}, {"b": [{}, {"d": 3}]},
                    {"b": [{}, {}, {}]}, {"b": 5}, {"a": {"weight": [w]}},
                    {"b": [{"weight": w}, {"d": w}]}):
            for strict in (True, False):
                try:
                    m.update(upd, strict=strict)
                    print("ok", m.b[1]["d"] is w, m.b[0].weight is w)
                except Exception as e:
                    print(type(e).__name__, e)
        m.freeze(keys=["e"], strict=False)
        m.b[0].freeze()
        m._no_grad.add("b.1")
        def show(t):
            if isinstance(t, dict):
                return {k: show(v) for k, v in t.items()}
            if isinstance(t, list):
                return [show(v) for v in t]
            return type(t).__name__ + str(t.shape)
        print(json.dumps(show(m.trainable_parameters())))
        print(json.dumps(show(m.parameters())))
    '''))
    assert out == ref
