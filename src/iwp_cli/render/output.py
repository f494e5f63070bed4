"""Where reports go: page names that stay inside the output folder, and atomic writes.

A page's name comes from its description's path under the folder that was rendered, made into a
slug (``team-a/Zorglab Noord.yaml`` gives ``team-a-zorglab-noord``), so it holds only ``a-z``,
``0-9`` and ``-``; `inside` checks every path once more before anything is written. A file is
written to a temporary file beside it and renamed over the old one, so a reader never sees half
a report; generated files are replaced without a backup.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path, PurePath

from iwp_cli.render.environment import RenderError
from iwp_cli.scaffold import slug

_BINARY = getattr(os, "O_BINARY", 0)

#: Names a page may not take: the catalogue's own page.
RESERVED = frozenset({"index"})


def page_names(paths: Iterable[Path], root: Path) -> list[str]:
    """A unique slug per path, from its place under ``root``; clashes get ``-2``, ``-3``…"""
    taken = set(RESERVED)
    names = []
    for path in paths:
        try:
            relative: PurePath = path.relative_to(root)
        except ValueError:
            relative = PurePath(path.name)
        base = slug(str(relative.with_suffix("")).replace(os.sep, "-"))
        name, number = base, 1
        while name in taken:
            number += 1
            name = f"{base}-{number}"
        taken.add(name)
        names.append(name)
    return names


def inside(root: Path, name: str) -> Path:
    """``root / name``, refusing a name that is absolute, has a folder part, or is ``.``/``..``;
    and a result whose folder is not ``root`` itself."""
    pure = PurePath(name)
    if not name or pure.is_absolute() or len(pure.parts) != 1 or name in {".", ".."}:
        raise RenderError(f"refusing to write {name!r}: not a plain file name in {root}")
    if "/" in name or "\\" in name or "\x00" in name:
        raise RenderError(f"refusing to write {name!r}: not a plain file name in {root}")
    target = root / name
    # The last part is not resolved: a symbolic link there is replaced, never followed. So a
    # plain name in ``root`` stays in ``root``, and no path needs resolving (a page is written
    # for every description: saving the system calls counts).
    if target.parent != root:
        raise RenderError(f"refusing to write {name!r}: it would land outside {root}")
    return target


def write_atomic(path: Path, text: str | bytes) -> None:
    """Write ``text`` (UTF-8 when a str) to ``path`` through a temporary file in the same folder
    and a rename.

    A symbolic link at ``path`` is replaced, not followed. The file gets the permissions the
    umask allows, as any new file. Raises RenderError on I/O problems.
    """
    data = text.encode("utf-8") if isinstance(text, str) else text
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        descriptor = _create(temporary)
    except OSError as error:
        raise RenderError(f"{path}: cannot write ({error.strerror or error})") from None
    try:
        rest = memoryview(data)
        while rest:
            rest = rest[os.write(descriptor, rest) :]
        opened, descriptor = descriptor, -1
        os.close(opened)
        temporary.replace(path)
    except OSError as error:
        _drop(descriptor, temporary)
        raise RenderError(f"{path}: cannot write ({error.strerror or error})") from None
    except BaseException:
        _drop(descriptor, temporary)
        raise


def _create(temporary: Path) -> int:
    """Open ``temporary`` as a new file, making its folder when needed."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | _BINARY
    try:
        return os.open(temporary, flags, 0o666)
    except FileNotFoundError:  # the folder is not there yet
        temporary.parent.mkdir(parents=True, exist_ok=True)
    except FileExistsError:  # left by a process with our pid that was killed: ours to drop
        temporary.unlink()
    return os.open(temporary, flags, 0o666)


def _drop(descriptor: int, temporary: Path) -> None:
    if descriptor >= 0:
        os.close(descriptor)
    temporary.unlink(missing_ok=True)
