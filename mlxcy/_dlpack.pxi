# DLPack export (array.__dlpack__, __dlpack_device__) and import (from_dlpack).
# (to be written: see the I/O and zero-copy issue)

cdef object _dlpack_export(array a, object stream, object max_version, object dl_device, object copy):
    raise NotImplementedError("__dlpack__ is not implemented yet")


cdef tuple _dlpack_device(array a):
    # (kDLCPU, 0) for host memory: MLX's CPU backend and unified memory.
    return (1, 0)
