"""Progress bars for long-running mlxcy tasks (training in the demo, loading checkpoint shards):
tqdm when it is installed, else a plain text line on stderr. Plain Python, no dependencies."""
import sys
import time


class PlainBar:
    """A minimal stand-in for ``tqdm`` (``update``, ``set_postfix_str``, ``close``, context
    manager) that redraws one line about 50 times over the whole run."""

    def __init__(self, total, desc, unit, stream):
        self.total, self.desc, self.unit, self.stream = total, desc, unit, stream
        self.n, self.postfix = 0, ""
        self.start = time.perf_counter()
        self._closed = False

    def update(self, n=1):
        self.n += n
        if self.n == self.total or self.n % max(1, self.total // 50) == 0:
            width = 30
            done = int(width * self.n / self.total) if self.total else width
            elapsed = time.perf_counter() - self.start
            self.stream.write(f"\r{self.desc} [{'#' * done}{'.' * (width - done)}] {self.n}/{self.total} "
                              f"{self.unit}s {elapsed:5.1f}s {self.postfix}")
            self.stream.flush()

    def set_postfix_str(self, text):
        self.postfix = text

    def close(self):
        if not self._closed:
            self._closed = True
            self.stream.write("\n")
            self.stream.flush()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


class _NoBar:
    """What ``progress_bar`` returns when progress is off: every call does nothing."""

    def update(self, n=1):
        pass

    def set_postfix_str(self, text):
        pass

    def close(self):
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        pass


def progress_bar(total, desc, unit, enabled):
    """A progress bar over ``total`` steps: tqdm when installed, else a ``PlainBar`` on stderr;
    one that draws nothing when ``enabled`` is false."""
    if not enabled:
        return _NoBar()
    try:
        from tqdm import tqdm
    except ImportError:
        return PlainBar(total, desc, unit, sys.stderr)
    return tqdm(total=total, desc=desc, unit=unit, file=sys.stderr)
