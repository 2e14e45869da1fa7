"""The one way files are written: :func:`atomic_write`.

Temp file in the same folder, restrictive mode before the first byte, fsync,
``os.replace``; a crash leaves either the old or the new file, never half of one.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO


@contextlib.contextmanager
def atomic_open(path: Path, *, mode: int = 0o600) -> Iterator[BinaryIO]:
    """A file to write ``path`` through, streaming: it appears whole at the end of the
    ``with`` (fsync, ``os.replace``), or not at all when the block raises."""
    path = Path(path)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        # mkstemp already creates the file 0600; chmod states the intent and
        # applies a caller's stricter/looser mode before any byte is written.
        os.chmod(tmp_name, mode)
        with os.fdopen(fd, "wb") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp_name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise
    _fsync_dir(path.parent)


def atomic_write(path: Path, data: bytes, *, mode: int = 0o600) -> None:
    """Write ``data`` to ``path`` atomically with permissions ``mode``."""
    with atomic_open(path, mode=mode) as fh:
        fh.write(data)


def _fsync_dir(directory: Path) -> None:
    """Make the rename durable (POSIX); a no-op where directories can't be opened."""
    if os.name != "posix":
        return
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
