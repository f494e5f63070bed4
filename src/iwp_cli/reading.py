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
    (stat.S_ISFIFO, "fifo", "a named pipe (FIFO)"),
    (stat.S_ISSOCK, "socket", "a socket"),
    (stat.S_ISCHR, "char-device", "a character device"),
    (stat.S_ISBLK, "block-device", "a block device"),
    (stat.S_ISDIR, "folder", "a folder"),
)
_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
_BINARY = getattr(os, "O_BINARY", 0)


class NotRegularFile(OSError):
    """The path is a FIFO, socket, device or folder, not a file with bytes to read.

    Attributes:
        key: The message that says so in either language (``not-regular-folder`` …).
    """

    key: str = "not-regular-other"


def kind_of(mode: int) -> tuple[str, str]:
    """What a file of ``mode`` is: the key of its message and its name in English."""
    for test, key, name in _KINDS:
        if test(mode):
            return key, name
    return "other", "not a regular file"


def read_head(path: Path, limit: int) -> tuple[bytes, int]:
    """At most ``limit`` bytes of the regular file at ``path``, and its size.

    Raises NotRegularFile for anything else, and OSError when it cannot be read.
    """
    descriptor = os.open(path, _FLAGS | _BINARY)
    try:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):
            key, name = kind_of(info.st_mode)
            error = NotRegularFile(errno.EINVAL, f"not a regular file but {name}")
            error.key = f"not-regular-{key}"
            raise error
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
