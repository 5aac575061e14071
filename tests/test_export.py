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
    for bad_output in (3, None, {"a": mx.array(1)}, (mx.array(1), (mx.array(1),))):
        with pytest.raises(ValueError, match="Outputs can be"):
            mx.export_function(str(tmp_path / "c.mlxfn"), lambda x: bad_output, mx.array(1))


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
    with pytest.raises(ValueError, match="file-like"):
        mx.export_to_dot(42, z)


def _dot_nodes_and_edges(text):
    """The DOT lines with the (address-like) ids of primitive nodes replaced by their order of
    appearance, so that two drawings of one graph compare equal."""
    import re
    ids = {}
    return [re.sub(r"\b\d{6,}\b", lambda m: "P%d" % ids.setdefault(m.group(0), len(ids)), line)
            for line in text.splitlines()]


def test_export_to_dot_keyword_arrays_are_outputs():
    x = mx.array([1.0, 2.0])
    a = x + 1
    b = mx.exp(a)
    s = io.StringIO()
    mx.export_to_dot(s, out=b)
    lines = _dot_nodes_and_edges(s.getvalue())
    # the whole graph is drawn, b being the output sink named "out"
    assert '{ rank=sink; "out"; }' in lines
    assert any('label ="Exp"' in ln for ln in lines) and any('label ="Add"' in ln for ln in lines)
    # same graph as drawing b positionally, apart from b's name and the letters given to the others
    s2 = io.StringIO()
    mx.export_to_dot(s2, b)
    assert len(_dot_nodes_and_edges(s2.getvalue())) == len(lines)
    # a keyword array inside the graph is named, not a sink
    s3 = io.StringIO()
    mx.export_to_dot(s3, b, a=a)
    text = s3.getvalue()
    assert '{ "a"; }' in text and '"a" -> ' in text


def test_export_to_dot_inputs():
    x = mx.array([1.0, 2.0])
    b = mx.exp(x)
    s = io.StringIO()
    mx.export_to_dot(s, [b, {"k": x}])   # trees of arrays
    assert 'label ="Exp"' in s.getvalue()
    s = io.StringIO()
    mx.export_to_dot(s)
    assert s.getvalue().split() == ["digraph", "{", "}"]
    for bad in (1, None, "s", np.ones(2)):
        with pytest.raises(ValueError, match="only arrays"):
            mx.export_to_dot(io.StringIO(), bad)
        with pytest.raises(ValueError, match="only arrays"):
            mx.export_to_dot(io.StringIO(), k=bad)
    with pytest.raises(RuntimeError, match="single array"):
        mx.export_to_dot(io.StringIO(), k=[b])   # (the reference: std::bad_cast)
    with pytest.raises(TypeError):
        mx.export_to_dot(io.BytesIO(), b)        # text is written


@pytest.mark.parametrize("args,kwargs", [
    ((mx.ones(3), 1.0), {}),
    ((mx.ones(3), 1), {}),
    ((mx.ones(3), None), {}),
    ((mx.ones(3), np.ones(3, np.float32)), {}),
    ((mx.ones(3),), {"y": 2.0}),
    (([[mx.ones(3)], mx.ones(3)],), {}),
    (((mx.ones(3),), mx.ones(3)), {}),            # a tuple, then more
    (((mx.ones(3),),), {"y": mx.ones(3)}),        # a tuple with keywords
    (({"y": mx.ones(3)},), {"z": mx.ones(3)}),    # a dict with keywords
    ((mx.ones(3), {"y": mx.ones(3)}), {}),        # an array, then a dict
    (({1: mx.ones(3)},), {}),
])
def test_export_refuses_non_array_inputs(tmp_path, args, kwargs):
    with pytest.raises(ValueError, match=r"\[export_function\] Inputs can either be"):
        mx.export_function(str(tmp_path / "f.mlxfn"), lambda *a, **k: mx.ones(1), *args, **kwargs)


def test_export_input_forms(tmp_path):
    p = str(tmp_path / "f.mlxfn")
    x = mx.array([1.0, 2.0])
    mx.export_function(p, lambda a, b: a - b, [x, 3 * x])   # a list is the positional inputs
    f = mx.import_function(p)
    assert val(f(x, 2 * x)[0]) == [-1.0, -2.0]
    assert val(f([x, 2 * x])[0]) == [-1.0, -2.0]
    mx.export_function(p, lambda a, *, b: a - b, [x], {"b": x})
    assert val(mx.import_function(p)(x, b=3 * x)[0]) == [-2.0, -4.0]
    mx.export_function(p, lambda *, b: 2 * b, {"b": x})
    assert val(mx.import_function(p)(b=x)[0]) == [2.0, 4.0]
    mx.export_function(p, lambda: mx.ones(2), ())
    assert val(mx.import_function(p)()[0]) == [1.0, 1.0]
    with pytest.raises(TypeError, match="callable"):
        mx.export_function(p, 3, x)
    with pytest.raises(TypeError, match="callable"):
        mx.exporter(p, 3)


def test_imported_function_refuses_python_scalars(tmp_path):
    p = str(tmp_path / "f.mlxfn")
    mx.export_function(p, lambda a, b: a * b, mx.ones(3), mx.ones(3))
    f = mx.import_function(p)
    for args in [(mx.ones(3), 2.0), (1, mx.ones(3)), (mx.ones(3), None), (mx.ones(3), np.ones(3, np.float32))]:
        with pytest.raises(ValueError, match=r"\[import_function::call\] Inputs can either be"):
            f(*args)
    # a well-formed call that matches no trace is another error
    with pytest.raises(ValueError, match="No imported function found"):
        f(mx.ones(3), mx.ones(4))
    mx.export_function(p, lambda a: a * 2, mx.ones(3), shapeless=True)
    g = mx.import_function(p)
    assert val(g(mx.array([1.0, 2.0]))[0]) == [2.0, 4.0]
    with pytest.raises(ValueError, match="Inputs can either be"):
        g(2.0)
    with mx.exporter(p, lambda a, b=None: a * 2 if b is None else a * b) as e:
        e(mx.ones(3))
        with pytest.raises(ValueError, match=r"\[export_function\] Inputs can either be"):
            e(mx.ones(3), 1.0)
        e(mx.ones(3), mx.ones(3))
    h = mx.import_function(p)
    assert val(h(mx.array([1.0, 2.0, 3.0]))[0]) == [2.0, 4.0, 6.0]
    assert val(h(mx.array([1.0, 2.0, 3.0]), mx.array([3.0, 3.0, 3.0]))[0]) == [3.0, 6.0, 9.0]
    with pytest.raises(ValueError, match="Inputs can either be"):
        h(1.0)


def test_callback_primitive_arguments_shapes_are_tuples():
    # as the reference hands them: shapes (Shape/Strides) as tuples, other int vectors as lists
    seen = []
    mx.export_function(seen.append, lambda x: mx.pad(x, ((1, 1), (0, 0))).T,
                       mx.ones((2, 3)))
    args = {d["name"]: d["arguments"] for d in seen if d["type"] == "primitive"}
    axes, low, high = args["Pad"][:3]
    assert axes == [0, 1] and low == (1, 0) and high == (1, 0)
    assert args["Transpose"] == [[1, 0]]


def test_errors_inside_the_exported_function_are_not_chained(tmp_path):
    def bad(x):
        raise KeyError("inside")

    with pytest.raises(KeyError) as info:
        mx.export_function(str(tmp_path / "b.mlxfn"), bad, mx.array(1))
    assert info.value.__context__ is None
    with mx.exporter(str(tmp_path / "c.mlxfn"), bad) as e:
        with pytest.raises(KeyError) as info:
            e(mx.array(1))
    assert info.value.__context__ is None
