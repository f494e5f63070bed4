"""Find the files to check: files named explicitly, and YAML and Markdown files under folders."""

from __future__ import annotations

import errno
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from iwp_cli.i18n import Reason, Said
from iwp_cli.terminal import path_text

#: File name endings of descriptions: the YAML form and the Markdown form.
DESCRIPTION_SUFFIXES = (".yaml", ".yml", ".md", ".markdown")


class InputError(Exception):
    """A path the user gave cannot be used (missing, unreadable); the CLI exits with 2."""


@dataclass(frozen=True, slots=True)
class Target:
    """A file to check.

    Attributes:
        path: Where it is.
        shown: How to show it: as given, or joined to the directory as given.
        explicit: Named by the user, so checked even without the top-level key ``iwp``.
    """

    path: Path
    shown: str
    explicit: bool


def discover(paths: Sequence[str], *, named_are_explicit: bool = True) -> list[Target]:
    """Every file to consider, in a stable order: each path as given, directories sorted.

    Hidden directories (such as ``.git``) are not entered. Raises InputError for a path that
    does not exist or a directory that cannot be read. With ``named_are_explicit=False`` files
    named directly are treated like files found under a directory: checked only when they are
    descriptions (for hooks that pass every changed YAML file).
    """
    targets: list[Target] = []
    seen: set[Path] = set()
    for given in paths:
        path = Path(given)
        try:
            is_dir, exists = path.is_dir(), path.exists() or path.is_symlink()
        except OSError as error:
            raise InputError(Said("cannot-read", path=given, reason=Reason(error))) from None
        if is_dir:
            found = [Target(p, path_text(str(p)), False) for p in _walk(path)]
        elif exists:
            found = [Target(path, path_text(given), named_are_explicit)]
        else:
            raise InputError(Said("no-such-path", path=given))
        for target in found:
            key = Path(os.path.realpath(target.path))  # never raises, not even on a link loop
            if key not in seen:
                seen.add(key)
                targets.append(target)
    return targets


def _walk(root: Path) -> list[Path]:
    def fail(error: OSError) -> None:
        raise InputError(Said("cannot-read-folder", path=error.filename, reason=Reason(error)))

    if not os.access(root, os.R_OK | os.X_OK):
        denied = Reason(PermissionError(errno.EACCES, "permission denied"))
        raise InputError(Said("cannot-read-folder", path=root, reason=denied))
    files: list[Path] = []
    for folder, dirs, names in os.walk(root, onerror=fail):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        files.extend(Path(folder, n) for n in sorted(names) if n.endswith(DESCRIPTION_SUFFIXES))
    return files
