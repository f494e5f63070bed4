"""Where the two sides of `iwp diff` come from: a file on disk, or a file in a git revision.

A side is written as git writes object names:

- ``PATH``: a file on disk (a file whose exact name exists always wins, colon or not);
- ``REV:PATH``: the file as it was in revision ``REV``, ``PATH`` relative to the repository's
  root (``HEAD~1:descriptions/zorglab.yaml``);
- ``REV:./PATH`` or ``REV:../PATH``: the same, ``PATH`` relative to the current directory;
- ``:PATH``: the staged version (git's index), as ``git show :PATH`` gives it.

Git itself resolves the revision and the path (the real ``git`` command, in the current
directory's repository). Every problem raises `SourceError` with a message a user can act on.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from iwp_cli.i18n import Reason, Said
from iwp_cli.reading import read_head
from iwp_cli.source import DEFAULT_MAX_BYTES


class SourceError(Exception):
    """A side cannot be read: no such file, not a git repository, an unknown revision, a path
    that is not in the revision. The command layer exits with 2."""


@dataclass(frozen=True, slots=True)
class Side:
    """One side of a comparison, read.

    Attributes:
        spec: As the user wrote it; reports show it.
        data: The file's bytes.
        commit: The full commit id for ``REV:PATH``; None for a file on disk or the index.
        path: The file's path: as given for a file on disk, relative to the repository's root for
            a file in git.
    """

    spec: str
    data: bytes
    commit: str | None
    path: str


def read_side(spec: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Side:
    """Read the side ``spec`` (see the module's documentation for the forms)."""
    local = Path(spec)
    if ":" not in spec or local.is_file():
        return _read_file(spec, local, max_bytes)
    revision, _, path = spec.partition(":")
    if not path:
        raise SourceError(Said("git-no-path", spec=spec))
    ensure_repository()
    commit = resolve_commit(revision) if revision else None
    if path.startswith(("./", "../")) or path in (".", ".."):
        path = _from_root(path)
    obj = f"{commit}:{path}" if commit else f":{path}"
    try:
        kind = _git("cat-file", "-t", obj, what=spec).strip()
    except SourceError as error:  # git names the commit by its id; say it as the user did
        raise SourceError(str(error).replace(f"'{commit}'", f"'{revision}'")) from None
    if kind != "blob":
        raise SourceError(Said("git-not-a-file", spec=spec, revision=revision or ":", kind=kind))
    size = blob_size(obj, what=spec)
    if size > max_bytes:  # asked before reading: a 50 MB revision is never read
        raise SourceError(Said("git-too-large", spec=spec, size=f"{size:,}"))
    data = git_bytes("cat-file", "blob", obj, what=spec)
    return Side(spec, data, commit, path)


def blob_size(obj: str, *, what: str) -> int:
    """The size in bytes of the git object ``obj`` (such as ``REV:path``), without reading it."""
    text = _git("cat-file", "-s", obj, what=what).strip()
    try:
        return int(text)
    except ValueError:
        raise SourceError(f"{what}: git gave no size ({text!r})") from None


def resolve_commit(revision: str) -> str:
    """The full id of the commit ``revision`` names; SourceError when git knows none."""
    done = _run(["rev-parse", "--verify", "--quiet", "--end-of-options", f"{revision}^{{commit}}"])
    if done.returncode != 0:
        raise SourceError(Said("git-unknown-revision", revision=revision))
    return done.stdout.decode("utf-8").strip()


def ensure_repository() -> None:
    """Raise SourceError unless the current directory is inside a git work tree."""
    done = _run(["rev-parse", "--is-inside-work-tree"])
    if done.returncode != 0 or done.stdout.strip() != b"true":
        raise SourceError(Said("git-no-repository", folder=Path.cwd()))


def git_bytes(*args: str, what: str) -> bytes:
    """Run ``git ARGS`` in the current directory; its output, or SourceError naming ``what``."""
    done = _run(list(args))
    if done.returncode != 0:
        raise SourceError(f"{what}: {_first_error(done.stderr)}")
    return done.stdout


def _git(*args: str, what: str) -> str:
    return git_bytes(*args, what=what).decode("utf-8", errors="replace")


def _from_root(path: str) -> str:
    """A path relative to the current directory, made relative to the repository's root (as
    git resolves ``REV:./path``), so that reports show one form."""
    prefix = _git("rev-parse", "--show-prefix", what=path).strip()
    joined = os.path.normpath(prefix + path)
    if joined.startswith(".."):
        raise SourceError(Said("git-outside", path=path))
    return Path(joined).as_posix()


def _read_file(spec: str, path: Path, max_bytes: int) -> Side:
    try:
        data, _ = read_head(path, max_bytes + 1)
    except FileNotFoundError:
        raise SourceError(Said("side-no-such-file", spec=spec)) from None
    except OSError as error:
        raise SourceError(Said("cannot-read", path=spec, reason=Reason(error))) from None
    if len(data) > max_bytes:
        raise SourceError(Said("side-too-large", spec=spec, limit=f"{max_bytes:,}"))
    return Side(spec, data, None, spec)


def _run(args: Sequence[str]) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(["git", *args], capture_output=True, check=False)
    except FileNotFoundError:
        raise SourceError(Said("git-missing")) from None


def _first_error(stderr: bytes) -> str:
    """Git's own reason, without its ``fatal:`` prefix."""
    for line in stderr.decode("utf-8", errors="replace").splitlines():
        text = line.strip()
        if text:
            return text.removeprefix("fatal: ").removeprefix("error: ")
    return "git failed"
