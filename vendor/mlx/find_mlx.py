"""Locate MLX for the build and check its version against the pin.

Usage:
  find_mlx.py locate            print the prefix of the backend wheel's `mlx/` folder
  find_mlx.py version PREFIX    print the version found in PREFIX/include/mlx/version.h
"""
import os
import re
import sys
import sysconfig


def wheel_prefixes():
    """Yield candidate `mlx/` folders from the backend wheel, without importing anything."""
    seen = set()
    paths = [sysconfig.get_paths()[k] for k in ("platlib", "purelib")] + sys.path
    for entry in paths:
        cand = os.path.join(entry or ".", "mlx")
        if cand in seen:
            continue
        seen.add(cand)
        if os.path.isfile(os.path.join(cand, "include", "mlx", "version.h")):
            yield os.path.abspath(cand)


def header_version(prefix):
    path = os.path.join(prefix, "include", "mlx", "version.h")
    with open(path) as f:
        text = f.read()
    parts = []
    for name in ("MAJOR", "MINOR", "PATCH"):
        m = re.search(r"#define\s+MLX_VERSION_%s\s+(\d+)" % name, text)
        if not m:
            raise SystemExit(f"cannot read MLX_VERSION_{name} from {path}")
        parts.append(m.group(1))
    return ".".join(parts)


def main(argv):
    if len(argv) >= 2 and argv[1] == "locate":
        for prefix in wheel_prefixes():
            print(prefix)
            return 0
        sys.stderr.write(
            "mlxcy: no MLX found. Install the backend wheel into the build environment "
            "(pip install mlx-cpu==0.32.4) or pass -Csetup-args=-Dmlx_prefix=/path/with/include/mlx\n")
        return 1
    if len(argv) == 3 and argv[1] == "version":
        print(header_version(argv[2]))
        return 0
    sys.stderr.write(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
