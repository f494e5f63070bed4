"""Where reports go: page names that stay inside the output folder, and atomic writes.

A page's name comes from its description's path under the folder that was rendered, made into a
slug (``team-a/Zorglab Noord.yaml`` gives ``team-a-zorglab-noord``), so it holds only ``a-z``,
``0-9`` and ``-``, and at most `MAX_NAME` of them, so that the name with its suffix stays within
the 255 bytes file systems allow; `inside` checks every path once more before anything is
written. Files are written by `iwp_cli.atomic`, so a reader never sees half a report; generated
files are replaced without a backup.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path, PurePath

from iwp_cli.atomic import write_file
from iwp_cli.render.environment import RenderError
from iwp_cli.scaffold import slug

#: Longest page name before its suffix: with ``-NNN`` for a clash and ``.html``, within 255 bytes.
MAX_NAME = 240

#: Names a page may not take: the catalogue's own pages. (The pages with the difference between
#: two cycles are named ``PAGE--DATE``; a slug never holds ``--``.)
RESERVED = frozenset({"index", "library"})


def page_names(paths: Iterable[Path], root: Path) -> list[str]:
    """A unique slug per path, from its place under ``root``; clashes get ``-2``, ``-3``…"""
    taken = set(RESERVED)
    names = []
    for path in paths:
        try:
            relative: PurePath = path.relative_to(root)
        except ValueError:
            relative = PurePath(path.name)
        base = slug(str(relative.with_suffix("")).replace(os.sep, "-"))[:MAX_NAME].rstrip("-")
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
    """Write ``text`` (UTF-8 when a str) to ``path`` with the shared atomic writer
    (`iwp_cli.atomic`): whole or not at all, a link at ``path`` replaced and never followed, a
    device or pipe written as a stream. Raises RenderError on I/O problems."""
    try:
        write_file(path, text)
    except OSError as error:
        raise RenderError(error.strerror or str(error)) from None
