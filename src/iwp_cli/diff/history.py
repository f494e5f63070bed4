"""`iwp log`: the cycles of one description, from git's history of its file.

``git log --follow`` lists the commits that changed the file, across renames, and merges that
changed it with respect to their first parent. Each revision is read with ``git cat-file`` and
loaded like any description, then counted per principle. A revision that is not a valid
description is kept, with its first finding, so that a team also sees when its file was broken;
a commit that deleted the file is kept as such.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from iwp_cli.codes import READ_CODES
from iwp_cli.diff.census import coverage, principle_order
from iwp_cli.diff.model import Coverage, Principle
from iwp_cli.diff.sources import SourceError, blob_size, ensure_repository, git_bytes
from iwp_cli.framework import Framework, builtin_framework, framework_for
from iwp_cli.i18n import Said, message
from iwp_cli.limits import MAX_BYTES
from iwp_cli.loader import load_text
from iwp_cli.model import Description

_RECORD, _FIELD = "\x1e", "\x1f"
_FORMAT = f"--format={_RECORD}%H{_FIELD}%aI{_FIELD}%s"


@dataclass(frozen=True, slots=True)
class Cycle:
    """One commit that changed the description.

    Attributes:
        commit: The full commit id.
        date: The author date, ISO 8601 with its offset, as git records it.
        subject: The first line of the commit message.
        path: The file's path in that commit, relative to the repository's root.
        state: ``valid``, ``invalid`` (not a valid description: see ``problem``) or ``deleted``.
        problem: For ``invalid``, the first finding: code and message.
        name: The description's ``name`` (valid only).
        described: The description's own ``date`` (valid only): the cycle it describes.
        coverage: Per principle id, its coverage (valid only; principles not addressed omitted).
    """

    commit: str
    date: str
    subject: str
    path: str
    state: Literal["valid", "invalid", "deleted"]
    problem: str | None = None
    name: str | None = None
    described: str | None = None
    coverage: tuple[tuple[str, Coverage], ...] = ()

    def of(self, principle_id: str) -> Coverage:
        """The coverage of one principle (empty when not addressed)."""
        return dict(self.coverage).get(principle_id, Coverage())


@dataclass(frozen=True, slots=True)
class History:
    """The cycles of one description, newest first unless asked otherwise.

    Attributes:
        path: The file as the user named it.
        principles: The principles to show, in the framework's order, then other ids met.
        cycles: One entry per commit.
    """

    path: str
    principles: tuple[Principle, ...]
    cycles: tuple[Cycle, ...]


def history(
    path: str,
    *,
    lang: str,
    custom: Framework | None = None,
    oldest_first: bool = False,
    max_count: int | None = None,
    per_cycle: bool = False,
) -> History:
    """The history of the description at ``path`` (relative to the current directory, in its
    git repository). Raises SourceError outside a repository or when no commit changed it.
    With ``per_cycle``, one entry per cycle (`cycles_only`)."""
    ensure_repository()
    if Path(path).is_dir():
        raise SourceError(Said("log-folder", path=path))
    args = ["log", "--follow", "-z", "--name-status", _FORMAT]
    if max_count is not None:
        args.append(f"--max-count={max_count}")
    try:
        # A merge that changed the file is a cycle too (its change against the first parent).
        raw = git_bytes(*args, "--diff-merges=first-parent", "--", path, what=path)
    except SourceError as error:
        if "diff-merges" not in str(error):  # git before 2.31 lacks the option
            raise
        raw = git_bytes(*args, "--", path, what=path)
    records = _parse(raw.decode("utf-8", errors="replace"))
    if not records:
        raise SourceError(Said("log-no-commit", path=path))
    cycles: list[Cycle] = []
    descriptions: list[Description] = []
    for commit, date, subject, status, where in records:
        if status.startswith("D"):
            cycles.append(Cycle(commit, date, subject, where, "deleted"))
            continue
        obj, shown = f"{commit}:{where}", f"{commit[:7]}:{where}"
        size = blob_size(obj, what=shown)
        if size > MAX_BYTES:  # the limits of iwp check, asked before reading the revision
            detail = message("too-large", lang, size=f"{size:,}", limit=f"{MAX_BYTES:,}")
            too_large = f"{READ_CODES['too-large']} {detail}"
            cycles.append(Cycle(commit, date, subject, where, "invalid", too_large))
            continue
        loaded = load_text(git_bytes("cat-file", "blob", obj, what=shown), shown=shown, lang=lang)
        description = loaded.description
        if description is None:
            first = loaded.findings[0] if loaded.findings else None
            problem = f"{first.code} {first.message}" if first else None
            cycles.append(Cycle(commit, date, subject, where, "invalid", problem))
            continue
        descriptions.append(description)
        cycles.append(
            Cycle(
                commit,
                date,
                subject,
                where,
                "valid",
                name=description.name,
                described=description.date.isoformat(),
                coverage=tuple(coverage(description).items()),
            )
        )
    framework = framework_for(descriptions[0], custom) if descriptions else builtin_framework()
    principles = tuple(principle_order(framework, lang, *descriptions))
    if per_cycle:
        cycles = cycles_only(cycles)
    ordered = tuple(reversed(cycles)) if oldest_first else tuple(cycles)
    return History(path, principles, ordered)


def cycles_only(cycles: list[Cycle]) -> list[Cycle]:
    """One entry per cycle, from ``cycles`` newest first: for each ``date`` the description
    carried, its newest commit (the cycle as it stood at its end; the commits before it were
    its work in progress). Revisions that were not valid, and deletions, are all kept."""
    seen: set[str] = set()
    kept = []
    for cycle in cycles:
        if cycle.state == "valid":
            if cycle.described in seen:
                continue
            seen.add(cycle.described or "")
        kept.append(cycle)
    return kept


def _parse(raw: str) -> list[tuple[str, str, str, str, str]]:
    """``(commit, date, subject, status, path)`` per record of ``git log -z --name-status``.

    A record is the format (starting with a record separator, fields apart by a unit
    separator) ending in NUL, then a newline and NUL-separated ``STATUS PATH`` (``R…``/``C…``
    have two paths: the file is the second). A commit without a status (a merge) takes the path
    of the next older record, or else of the nearest newer one.
    """
    records: list[tuple[str, str, str, str, str]] = []
    for chunk in raw.split(_RECORD)[1:]:
        header, _, rest = chunk.partition("\0")
        commit, date, subject = [*header.split(_FIELD), "", ""][:3]
        tokens = [t for t in rest.lstrip("\n").split("\0") if t]
        status, where = "", ""
        if tokens:
            status = tokens[0]
            where = tokens[2] if status[:1] in ("R", "C") and len(tokens) > 2 else tokens[-1]
        records.append((commit, date, subject, status, where))
    for index, (commit, date, subject, _, where) in enumerate(records):
        if not where:
            known = [r[4] for r in records[index + 1 :] + records[:index][::-1] if r[4]]
            records[index] = (commit, date, subject, "M", known[0] if known else "")
    return [r for r in records if r[4]]
