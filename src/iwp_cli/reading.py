"""Read a file's first bytes, from regular files only.

A FIFO, a socket or a device named like a description (``x.yaml``) would block a read forever or
never end; such a file is refused before a single byte is read. The file is opened without
blocking and checked on the open descriptor, so nothing can be swapped in between the check and
the read.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

_KINDS = (
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISDIR, "a folder"),
)
_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
_BINARY = getattr(os, "O_BINARY", 0)


class NotRegularFile(OSError):
    """The path is a FIFO, socket, device or folder, not a file with bytes to read."""


def kind_of(mode: int) -> str:
    """What a file of ``mode`` is, in words, for a message."""
    for test, name in _KINDS:
        if test(mode):
            return name
    return "not a regular file"


def read_head(path: Path, limit: int) -> tuple[bytes, int]:
    """At most ``limit`` bytes of the regular file at ``path``, and its size.

    Raises NotRegularFile for anything else, and OSError when it cannot be read.
    """
    descriptor = os.open(path, _FLAGS | _BINARY)
    try:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):
            raise NotRegularFile(errno.EINVAL, f"not a regular file but {kind_of(info.st_mode)}")
        chunks: list[bytes] = []
        wanted = limit
        while wanted > 0:
            chunk = os.read(descriptor, min(wanted, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            wanted -= len(chunk)
        return b"".join(chunks), info.st_size
    finally:
        os.close(descriptor)
