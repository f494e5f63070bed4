"""The cycles of descriptions in git, for reports: which commits changed which file, and the
descriptions those revisions hold.

One IWP is one file and a cycle is a commit that gives it a new ``date`` (`iwp cycle`). The
site asks for the history of every file at once: one ``git log`` over the rendered folder, and one
``git cat-file --batch`` for the revisions it needs, whatever the number of files. Renames are
followed (``R`` entries of ``--name-status``). Outside a git repository, or without git, there is
no history, which is not an error: a report then simply has no timeline.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from iwp_cli.limits import MAX_BYTES
from iwp_cli.loader import load_text
from iwp_cli.model import Description

_RECORD, _FIELD = "\x1e", "\x1f"


@dataclass(frozen=True, slots=True)
class Revision:
    """A commit that changed a file: its id, author date (ISO 8601), subject, the file's
    path in that commit (relative to the repository's root) and its blob id there."""

    commit: str
    date: str
    subject: str
    path: str
    blob: str = ""


def _git(root: Path, args: Sequence[str], given: bytes | None = None) -> bytes | None:
    try:
        done = subprocess.run(
            ["git", "-C", str(root), *args], input=given, capture_output=True, check=False
        )
    except OSError:
        return None
    return done.stdout if done.returncode == 0 else None


def repository_root(folder: Path) -> Path | None:
    """The root of the git work tree ``folder`` is in, or None."""
    out = _git(folder if folder.is_dir() else folder.parent, ["rev-parse", "--show-toplevel"])
    if not out:
        return None
    return Path(out.decode("utf-8", errors="replace").strip())


def relative_paths(root: Path, paths: Iterable[Path]) -> list[str]:
    """``paths`` relative to ``root`` with ``/`` (git's form); a path outside it stays whole."""
    real = root.resolve()
    found = []
    for path in paths:
        try:
            found.append(path.resolve().relative_to(real).as_posix())
        except ValueError:
            found.append(path.as_posix())
    return found


def file_histories(root: Path, files: Sequence[str], where: str = ".") -> dict[str, list[Revision]]:
    """Per file of ``files`` (relative to ``root``), the commits that changed it under
    ``where``, newest first, following renames; files git does not know have none."""
    fmt = f"--format={_RECORD}%H{_FIELD}%aI{_FIELD}%s"
    out = _git(root, ["log", "-z", "--raw", "--no-abbrev", "-M", fmt, "--", where])
    found: dict[str, list[Revision]] = {name: [] for name in files}
    if not out:
        return found
    tracked = {name: name for name in files}  # the file's name in the commits still to come
    wanted = {name: [name] for name in files}  # which files bear each name now
    for chunk in out.decode("utf-8", errors="replace").split(_RECORD)[1:]:
        header, _, rest = chunk.partition("\0")
        commit, date, subject = [*header.split(_FIELD), "", ""][:3]
        tokens = [t for t in rest.lstrip("\n").split("\0") if t]
        index = 0
        while index < len(tokens):
            fields = tokens[index].lstrip(":\n").split()
            status, blob = (fields[4], fields[3]) if len(fields) >= 5 else ("", "")
            two = status[:1] in ("R", "C")
            old = tokens[index + 1] if index + 1 < len(tokens) else ""
            new = tokens[index + 2] if two and index + 2 < len(tokens) else old
            index += 3 if two else 2
            if status.startswith("D"):
                continue
            for name in wanted.pop(new, []):
                found[name].append(Revision(commit, date, subject, new, blob))
                tracked[name] = old if status.startswith("R") else new
                wanted.setdefault(tracked[name], []).append(name)
    return found


def working_blobs(root: Path, paths: Sequence[Path]) -> list[str]:
    """The git blob ids the files at ``paths`` would have, in one ``git hash-object``."""
    if not paths:
        return []
    given = "".join(f"{p.absolute()}\n" for p in paths).encode()
    out = _git(root, ["hash-object", "--stdin-paths"], given)
    ids = (out or b"").decode("ascii", errors="replace").split()
    return ids if len(ids) == len(paths) else [""] * len(paths)


def read_blobs(root: Path, objects: Sequence[str]) -> list[bytes | None]:
    """The contents of ``objects`` (``COMMIT:PATH``) in one ``git cat-file --batch``; None for
    one that is missing, not a file, or larger than a description may be."""
    if not objects:
        return []
    out = _git(root, ["cat-file", "--batch"], "".join(f"{o}\n" for o in objects).encode())
    result: list[bytes | None] = []
    position = 0
    data = out or b""
    for _ in objects:
        end = data.find(b"\n", position)
        if end < 0:
            result.append(None)
            continue
        header = data[position:end].split()
        position = end + 1
        if len(header) != 3 or header[1] != b"blob":
            result.append(None)
            continue
        size = int(header[2])
        blob = data[position : position + size]
        position += size + 1
        result.append(blob if size <= MAX_BYTES else None)
    return result


def load_revision(blob: bytes | None, shown: str) -> Description | None:
    """The description a revision holds, or None when it is none (or not valid)."""
    if blob is None:
        return None
    return load_text(blob, shown=shown).description


def previous_cycle(path: Path, current: Description) -> tuple[Description, Revision] | None:
    """The last committed revision of the description at ``path`` dated before ``current``:
    the previous cycle, when git knows one."""
    root = repository_root(path)
    if root is None:
        return None
    [name] = relative_paths(root, [path])
    revisions = file_histories(root, [name], name)[name][:50]
    blobs = read_blobs(root, [f"{r.commit}:{r.path}" for r in revisions])
    for revision, blob in zip(revisions, blobs, strict=True):
        old = load_revision(blob, revision.path)
        if old is not None and old.date < current.date:
            return old, revision
    return None
