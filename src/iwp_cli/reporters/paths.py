"""Paths as CI systems want them: relative to the root of the repository that CI checked out.

GitLab builds the links of a Code Quality report from paths relative to the repository root, so
``iwp check $PWD/descriptions`` and ``cd descriptions && iwp check x.yaml`` must both report
``descriptions/x.yaml``. The root is the nearest folder from the current one upwards that holds
``.git`` (a folder, or a file in a worktree or submodule); without one, the current folder.
"""

from __future__ import annotations

import os
from pathlib import Path


def repository_root(start: Path | None = None) -> Path:
    """The root of the git repository around ``start`` (default: the current folder), or
    ``start`` itself when it is not inside one."""
    here = (start or Path.cwd()).absolute()
    for folder in (here, *here.parents):
        if (folder / ".git").exists():
            return folder
    return here


def from_root(path: str, root: Path) -> str:
    """``path`` (absolute, or relative to the current folder) relative to ``root``, with forward
    slashes; as given when it lies outside ``root``."""
    given = Path(path)
    for candidate, base in ((given.absolute(), root), (given.resolve(), root.resolve())):
        try:
            relative = candidate.relative_to(base)
        except ValueError:
            continue
        return relative.as_posix() if relative.parts else "."
    return path.replace(os.sep, "/")
