"""mlxcy.metal and mlxcy.cuda on this machine (the behaviour without those backends)."""
import pytest

import mlxcy as mx

METAL_NAMES = {"clear_cache", "device_info", "get_active_memory", "get_cache_memory", "get_peak_memory",
               "is_available", "reset_peak_memory", "set_cache_limit", "set_memory_limit",
               "set_wired_limit", "start_capture", "stop_capture"}


def test_namespaces_have_every_name():
    assert METAL_NAMES <= set(dir(mx.metal))
    assert callable(mx.cuda.is_available)


def test_is_available_matches_gpu_device():
    assert isinstance(mx.metal.is_available(), bool)
    assert isinstance(mx.cuda.is_available(), bool)
    # a GPU device exists exactly when one of the GPU backends does
    assert mx.is_available(mx.gpu) == (mx.metal.is_available() or mx.cuda.is_available())


@pytest.mark.skipif(mx.metal.is_available(), reason="Metal is available here")
def test_metal_queries_without_metal(tmp_path):
    assert mx.metal.start_capture(str(tmp_path / "trace.gputrace")) is None
    assert mx.metal.stop_capture() is None
    assert mx.metal.device_info() == {}
    with pytest.raises(TypeError):
        mx.metal.start_capture(3)


def test_deprecated_memory_aliases_forward_to_core(capfd):
    mx.metal._warned.discard("get_active_memory")
    assert mx.metal.get_active_memory() == mx.get_active_memory()
    assert mx.metal.get_active_memory() == mx.get_active_memory()
    err = capfd.readouterr().err
    assert err.count("mx.metal.get_active_memory is deprecated") == 1   # once per function
    assert mx.metal.get_peak_memory() >= mx.get_active_memory()
    assert mx.metal.get_cache_memory() == mx.get_cache_memory()
    prev = mx.metal.set_cache_limit(1 << 20)
    assert isinstance(prev, int)
    assert mx.set_cache_limit(prev) == 1 << 20
    prev = mx.metal.set_memory_limit(1 << 34)
    assert mx.set_memory_limit(prev) == 1 << 34
    assert isinstance(mx.metal.set_wired_limit(0), int)
    mx.metal.reset_peak_memory()
    mx.metal.clear_cache()
    assert mx.get_cache_memory() == 0


def test_two_backend_wheels_are_refused_with_instructions(tmp_path):
    from mlxcy import _libload

    lib = tmp_path / "mlx" / "lib"
    lib.mkdir(parents=True)
    (lib / "libmlx.so").write_bytes(b"")
    (tmp_path / "mlx_cpu-0.32.4.dist-info").mkdir()
    (tmp_path / "mlx-0.32.4.dist-info").mkdir()          # the reference's Python package: not a backend
    assert _libload.installed_backends(str(tmp_path)) == ["mlx-cpu"]
    _libload.check_single_backend(str(lib / "libmlx.so"))   # one backend: fine
    (tmp_path / "mlx_cuda_13-0.32.4.dist-info").mkdir()
    assert _libload.installed_backends(str(tmp_path)) == ["mlx-cpu", "mlx-cuda-13"]
    with pytest.raises(ImportError, match="mlx-cpu, mlx-cuda-13.*only one may be installed"):
        _libload.check_single_backend(str(lib / "libmlx.so"))
    # A prefix install (conda, system) is not checked.
    _libload.check_single_backend(str(tmp_path / "prefix" / "lib" / "libmlx.so"))
