"""Write a file so that it is whole or not there: the one writer of every command.

Every file iwp writes (reports of `iwp check -o`, `iwp schema -o`, pages of `iwp render`, new
descriptions of `iwp new`, the files of `iwp init`) goes through `write_file`, which promises:

- **Whole or not at all.** The bytes go to a temporary file in the destination's folder, which
  is renamed over the destination only when every byte is written. On a full disk the old
  file stays as it was, and the temporary file is removed, also on Ctrl-C or SIGTERM. Its name
  is short (``.iwp-XXXXXXXX.tmp``), so that a legal 255-byte file name never becomes a name too
  long for the temporary file.
- **Links are never followed.** A symbolic link at the destination is replaced, never written
  through; with ``within``, a folder on the way that is a link is refused.
- **New means new** (``mode="new"``): the file appears with a hard link from the temporary file,
  which fails when anything is there, a dangling link included. So the check "does it exist?"
  and the creation are one step, and two runs at once cannot both write.
- **A backup that is whole** (``mode="backup"``): the old file is kept as ``NAME.bak`` by a hard
  link (no copy: nothing to run out of space for) renamed over the old backup, so a link at
  ``NAME.bak`` is replaced, not followed, and the old backup is only replaced by a whole one.
- **Streams stay streams.** A device, a named pipe or a socket (``/dev/null``, ``/dev/stdout``,
  ``<(…)``) is written to as a stream, never replaced by a rename.

Errors are `WriteError` (an OSError) or FileExistsError, with the path and the reason.
"""

from __future__ import annotations

import errno
import os
import secrets
import stat
from pathlib import Path
from typing import Literal

from iwp_cli.i18n import Reason, Said

Mode = Literal["replace", "new", "backup"]

_BINARY = getattr(os, "O_BINARY", 0)
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
#: Folders whose entries are streams or links to streams (``/dev/stdout``, ``/proc/self/fd/1``).
_STREAM_FOLDERS = ("/dev/", "/proc/")
#: Errors of a file system that has no hard links (some network and FAT file systems).
_NO_LINKS = {errno.EPERM, errno.EOPNOTSUPP, errno.ENOTSUP, errno.EXDEV, errno.EMLINK}


class WriteError(OSError):
    """A file cannot be written; the message names it and says why."""


class LinkedFolder(WriteError):
    """A folder between ``within`` and the destination is a symbolic link."""


def destination(given: str | None, default_name: str) -> Path:
    """Where ``-o GIVEN`` writes a file whose own name would be ``default_name``: ``GIVEN`` is a
    folder when it ends with a slash or is an existing folder (then ``default_name`` in it),
    else the file itself."""
    if given is None:
        return Path(default_name)
    path = Path(given)
    if given.endswith(("/", os.sep)) or path.is_dir():
        return path / default_name
    return path


def write_file(
    path: Path,
    data: str | bytes,
    *,
    mode: Mode = "replace",
    within: Path | None = None,
    durable: bool = False,
) -> Path | None:
    """Write ``data`` (UTF-8 when a str) to ``path``; see the module's documentation.

    Args:
        path: The destination. Missing folders are made.
        data: What to write.
        mode: ``replace`` an existing file; write only a ``new`` one (FileExistsError when
            anything is at ``path``); or replace and keep the old one as a ``backup``.
        within: A folder that ``path`` must stay in: a folder between it and ``path`` that is
            a symbolic link raises WriteError.
        durable: Flush the bytes to the disk before the rename (for a user's own files).

    Returns:
        The backup's path when one was made, else None.
    """
    raw = data.encode("utf-8") if isinstance(data, str) else data
    if within is not None:
        _refuse_linked_folders(path, within)
    try:
        if _is_stream(path):  # in every mode: a stream has no old content to keep
            _write_stream(path, raw)
            return None
        return _write_whole(path, raw, mode, durable)
    except FileExistsError:
        raise
    except OSError as error:
        reason = Reason(error)
        raise WriteError(error.errno, Said("cannot-write", path=path, reason=reason)) from None


def _refuse_linked_folders(path: Path, within: Path) -> None:
    try:
        parts = path.parent.relative_to(within).parts
    except ValueError:
        raise WriteError(errno.EPERM, Said("not-inside", path=path, folder=within)) from None
    folder = within
    for part in parts:
        folder = folder / part
        if folder.is_symlink():
            raise LinkedFolder(errno.ELOOP, Said("linked-folder", folder=folder))


def _is_stream(path: Path) -> bool:
    """A device, pipe or socket, or an entry of ``/dev`` or ``/proc`` (``/dev/stdout`` is a link
    to ``/proc/self/fd/1``, which may be a link to a regular file)."""
    try:
        info = path.stat()  # follows links: what would be written to
    except OSError:
        return False
    if stat.S_ISCHR(info.st_mode) or stat.S_ISBLK(info.st_mode):
        return True
    if stat.S_ISFIFO(info.st_mode) or stat.S_ISSOCK(info.st_mode):
        return True
    absolute = str(path.absolute())
    return not stat.S_ISDIR(info.st_mode) and absolute.startswith(_STREAM_FOLDERS)


def _write_stream(path: Path, raw: bytes) -> None:
    # Appending: /dev/stdout redirected to a file goes on where the shell's file is.
    flags = os.O_WRONLY | os.O_APPEND | _BINARY | getattr(os, "O_NOCTTY", 0)
    descriptor = os.open(path, flags)
    try:
        _write_all(descriptor, raw)
    finally:
        os.close(descriptor)


def _write_all(descriptor: int, raw: bytes) -> None:
    rest = memoryview(raw)
    while rest:
        rest = rest[os.write(descriptor, rest) :]


def _write_whole(path: Path, raw: bytes, mode: Mode, durable: bool) -> Path | None:
    try:
        old = os.lstat(path)
    except FileNotFoundError:
        old = None
    if old is not None and stat.S_ISDIR(old.st_mode):
        raise IsADirectoryError(errno.EISDIR, "it is a folder")
    if old is not None and mode == "new":
        raise FileExistsError(errno.EEXIST, str(path))
    temporary, descriptor = _create_temporary(path.parent)
    try:
        try:
            if old is not None and stat.S_ISREG(old.st_mode) and hasattr(os, "fchmod"):
                os.fchmod(descriptor, stat.S_IMODE(old.st_mode))
            _write_all(descriptor, raw)
            if durable:
                os.fsync(descriptor)
        finally:
            os.close(descriptor)
        if mode == "new" or (mode == "backup" and old is None):
            _link_new(temporary, path, raw)
            return None
        backup = _keep_backup(path) if mode == "backup" else None
        temporary.replace(path)
        return backup
    finally:
        temporary.unlink(missing_ok=True)


def _create_temporary(folder: Path) -> tuple[Path, int]:
    """A new file with a short random name in ``folder`` (made when missing), open for writing."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | _BINARY
    for attempt in range(100):
        temporary = folder / f".iwp-{secrets.token_hex(4)}.tmp"
        try:
            return temporary, os.open(temporary, flags, 0o666)
        except FileExistsError:
            continue
        except FileNotFoundError:
            if attempt:
                raise
            folder.mkdir(parents=True, exist_ok=True)
    raise FileExistsError(errno.EEXIST, f"no free temporary name in {folder}")


def _link_new(temporary: Path, path: Path, raw: bytes) -> None:
    """Give the whole temporary file the name ``path``, failing when anything is there."""
    try:
        os.link(temporary, path, follow_symlinks=False)
    except FileExistsError:
        raise FileExistsError(errno.EEXIST, str(path)) from None
    except OSError as error:
        if error.errno not in _NO_LINKS:
            raise
        _create_exclusively(path, raw)


def _create_exclusively(path: Path, raw: bytes) -> None:
    """Without hard links: create ``path`` exclusively and write it; removed again on failure."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | _BINARY
    descriptor = os.open(path, flags, 0o666)
    try:
        _write_all(descriptor, raw)
        os.fsync(descriptor)
    except BaseException:
        os.close(descriptor)
        path.unlink()
        raise
    os.close(descriptor)


def _keep_backup(path: Path) -> Path:
    """Keep the file at ``path`` as ``path.bak``: a hard link under a temporary name, renamed
    over whatever ``path.bak`` was (a link there is replaced, not followed)."""
    backup = path.with_name(path.name + ".bak")
    temporary = path.parent / f".iwp-{secrets.token_hex(4)}.bak"
    try:
        try:
            os.link(path, temporary, follow_symlinks=False)
        except OSError as error:
            if error.errno not in _NO_LINKS:
                raise
            _copy(path, temporary)
        temporary.replace(backup)
    finally:
        temporary.unlink(missing_ok=True)
    return backup


def _copy(source: Path, target: Path) -> None:
    descriptor = os.open(source, os.O_RDONLY | _NOFOLLOW | _BINARY)
    try:
        chunks = []
        while chunk := os.read(descriptor, 1 << 20):
            chunks.append(chunk)
        mode = stat.S_IMODE(os.fstat(descriptor).st_mode)
    finally:
        os.close(descriptor)
    _create_exclusively(target, b"".join(chunks))
    target.chmod(mode)
