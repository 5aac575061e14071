"""export_function / import_function / exporter / export_to_dot."""
import io

import numpy as np
import pytest

import mlxcy as mx


def val(a):
    return np.array(a).tolist()


def test_export_import_positional(tmp_path):
    p = str(tmp_path / "f.mlxfn")
    mx.export_function(p, lambda x, y: x * y + 1, mx.array([1.0, 2.0]), mx.array([3.0, 4.0]))
    f = mx.import_function(p)
    out = f(mx.array([2.0, 5.0]), mx.array([10.0, 10.0]))
    assert isinstance(out, tuple) and len(out) == 1
    assert val(out[0]) == [21.0, 51.0]
    assert val(f((mx.array([1.0, 1.0]), mx.array([2.0, 2.0])))[0]) == [3.0, 3.0]   # tuple form


def test_kwargs_and_multiple_outputs(tmp_path):
    p = str(tmp_path / "k.mlxfn")

    def fun(x, *, y):
        return [x - y, x + y]

    mx.export_function(p, fun, mx.array(1.0), y=mx.array(2.0))
    f = mx.import_function(p)
    a, b = f(mx.array(10.0), y=mx.array(4.0))
    assert (a.item(), b.item()) == (6.0, 14.0)
    a, b = f((mx.array(10.0),), {"y": mx.array(1.0)})
    assert (a.item(), b.item()) == (9.0, 11.0)


def test_metadata(tmp_path):
    p = str(tmp_path / "m.mlxfn")
    mx.export_function(p, lambda x: x, mx.array(1), metadata='{"dim": 4}')
    f, meta = mx.import_function(p, return_metadata=True)
    assert meta == '{"dim": 4}'
    assert f(mx.array(5))[0].item() == 5


def test_shape_mismatch_and_shapeless(tmp_path):
    p = str(tmp_path / "s.mlxfn")
    mx.export_function(p, lambda x: x + x, mx.array([1.0, 2.0]))
    with pytest.raises(ValueError, match="No imported function"):
        mx.import_function(p)(mx.array([1.0, 2.0, 3.0]))
    q = str(tmp_path / "q.mlxfn")
    mx.export_function(q, lambda x: x + x, mx.array([1.0, 2.0]), shapeless=True)
    assert val(mx.import_function(q)(mx.array([1.0, 2.0, 3.0]))[0]) == [2.0, 4.0, 6.0]


def test_exporter_several_traces(tmp_path):
    p = str(tmp_path / "e.mlxfn")

    def fun(*args):
        out = args[0]
        for a in args[1:]:
            out = out + a
        return out

    with mx.exporter(p, fun) as ex:
        assert isinstance(ex, mx.FunctionExporter)
        ex(mx.array(1))
        ex(mx.array(1), mx.array(2))
        ex(mx.array(1), mx.array(2), mx.array(3))
    f = mx.import_function(p)
    assert f(mx.array(5))[0].item() == 5
    assert f(mx.array(5), mx.array(6))[0].item() == 11
    assert f(mx.array(5), mx.array(6), mx.array(7))[0].item() == 18
    with pytest.raises(RuntimeError, match="closed"):
        ex(mx.array(1))
    with pytest.raises(TypeError):
        mx.FunctionExporter()


def test_python_exception_travels_back(tmp_path):
    class Boom(Exception):
        pass

    def bad(x):
        raise Boom("inside")

    with pytest.raises(Boom, match="inside"):
        mx.export_function(str(tmp_path / "b.mlxfn"), bad, mx.array(1))
    with pytest.raises(TypeError, match="return an array"):
        mx.export_function(str(tmp_path / "c.mlxfn"), lambda x: 3, mx.array(1))


def test_callback_export():
    seen = []
    mx.export_function(seen.append, lambda x, y: x + y, mx.array(1.0), mx.array(2.0))
    types = [d["type"] for d in seen]
    assert types[:4] == ["inputs", "keyword_inputs", "outputs", "constants"]
    assert seen[0]["inputs"] == [("A", (), mx.float32), ("B", (), mx.float32)]
    prim = [d for d in seen if d["type"] == "primitive"]
    assert prim and prim[0]["name"] == "Add"
    with pytest.raises(ValueError, match="metadata"):
        mx.export_function(seen.append, lambda x: x, mx.array(1), metadata="x")


def test_import_errors(tmp_path):
    with pytest.raises(RuntimeError, match="Failed to open"):
        mx.import_function(str(tmp_path / "missing.mlxfn"))
    (tmp_path / "junk.mlxfn").write_bytes(b"\x00" * 7)
    with pytest.raises((ValueError, RuntimeError)):
        mx.import_function(str(tmp_path / "junk.mlxfn"))


def test_export_to_dot(tmp_path):
    x = mx.array(1)
    y = mx.array(2)
    z = x + y
    s = io.StringIO()
    mx.export_to_dot(s, z, x=x, y=y)
    text = s.getvalue()
    assert text.startswith("digraph {") and '"x"' in text and '"y"' in text and "Add" in text
    p = tmp_path / "g.dot"
    mx.export_to_dot(str(p), z)
    assert p.read_text().startswith("digraph {")
    with pytest.raises(TypeError):
        mx.export_to_dot(42, z)
