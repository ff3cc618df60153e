"""One writer at a time: an exclusive lock on an output folder while a release is built and published.

The lock is `flock` on `OUT/.lock`, so the kernel releases it when its holder ends, however it ends (a SIGKILL
leaves no stale lock). The lock file names the holder's process id for the message a second writer gets. The lock
is re-entrant within a process: the command line takes it before the pipeline runs, publishing takes it again.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path

try:
    import fcntl
except ImportError:  # not POSIX: an exclusive create stands in for the lock (a killed holder leaves the file)
    fcntl = None

LOCK_NAME = ".lock"
_held: dict[Path, int] = {}
_guard = threading.Lock()


class OutputLocked(RuntimeError):
    """Another process is writing to the output folder."""


def _holder(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8").strip() or "another process"
    except OSError:
        return "another process"


@contextlib.contextmanager
def output_lock(out_dir: Path) -> Iterator[None]:
    """Hold the output folder's lock, or raise `OutputLocked` at once naming the process that holds it."""
    out_dir.mkdir(parents=True, exist_ok=True)
    path = (out_dir / LOCK_NAME).resolve()
    with _guard:
        if path in _held:
            _held[path] += 1
            reentered = True
        else:
            reentered = False
    if reentered:
        try:
            yield
        finally:
            with _guard:
                _held[path] -= 1
        return
    fd = _acquire(path, out_dir)
    with _guard:
        _held[path] = 1
    try:
        os.ftruncate(fd, 0)
        os.write(fd, f"pid {os.getpid()} since {datetime.now(timezone.utc):%Y-%m-%dT%H:%M:%SZ}\n".encode())
        yield
    finally:
        with _guard:
            del _held[path]
        if fcntl is None:
            os.close(fd)
            path.unlink(missing_ok=True)
        else:
            os.close(fd)  # closing the descriptor releases the lock


def _acquire(path: Path, out_dir: Path) -> int:
    message = "another nichibei run is writing to {out} ({holder}); try again when it has finished"
    if fcntl is None:
        try:
            return os.open(path, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o644)
        except FileExistsError:
            raise OutputLocked(message.format(out=out_dir, holder=_holder(path))) from None
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        raise OutputLocked(message.format(out=out_dir, holder=_holder(path))) from None
    return fd
