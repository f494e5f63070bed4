"""The timeline of each IWP on a site: its cycles, from the git history of its file(s).

A cycle is the last commit of each ``date`` the description carried (commits within one cycle are
its work in progress). Per cycle the timeline shows the features per principle, the open points
opened and resolved since the cycle before, and links to a page with the difference between the
two (what `iwp diff` reports, as HTML). Files with the same ``name`` are one IWP: their
histories are joined. Outside a git repository there is no timeline.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from iwp_cli.diff.census import open_points, side_info
from iwp_cli.diff.compare import compare
from iwp_cli.framework import Framework
from iwp_cli.gitcycles import (
    Revision,
    file_histories,
    load_revision,
    read_blobs,
    relative_paths,
    working_blobs,
)
from iwp_cli.model import Description
from iwp_cli.terminal import path_text

#: Revisions read per file, newest first.
MAX_REVISIONS = 50

#: An open point: the feature's name, what carries it, its text and its status.
OpenKey = tuple[str, str, str, str]


@dataclass(frozen=True, slots=True)
class Known:
    """What the page of a file knows of it as it is now (computed with the page)."""

    date: str
    features: dict[str, int]
    to_improve: int
    no_consensus: int
    open_points: tuple[OpenKey, ...]


@dataclass(frozen=True, slots=True)
class Asked:
    """An IWP whose timeline is wanted: its key, name, page name (for the names of its
    difference pages), and its files with what their pages know, the newest file first."""

    key: str
    name: str
    page: str
    files: tuple[tuple[Path, Known], ...]


@dataclass(frozen=True, slots=True)
class CycleEntry:
    """One cycle of an IWP in its timeline."""

    date: str
    commit: str
    committed: str
    subject: str
    path: str
    counts: tuple[int, ...]
    total: int
    to_improve: int
    no_consensus: int
    opened: tuple[str, ...]
    resolved: tuple[str, ...]
    diff_href: str | None


@dataclass(frozen=True, slots=True)
class Timeline:
    """The cycles of one IWP, oldest first, and the files they came from."""

    key: str
    name: str
    anchor: str
    files: tuple[str, ...]
    cycles: tuple[CycleEntry, ...]


@dataclass(frozen=True, slots=True)
class DiffPage:
    """A page with the difference between two cycles, to write into the site."""

    href: str
    anchor: str
    old: Description
    new: Description
    old_spec: str
    new_spec: str


@dataclass(slots=True)
class _State:
    """One cycle before it is laid out: from git (with its description) or from a page."""

    date: str
    committed: str
    commit: str
    subject: str
    path: str
    features: dict[str, int]
    to_improve: int
    no_consensus: int
    points: dict[OpenKey, str]
    description: Description | None = None


def _keys(description: Description) -> dict[OpenKey, str]:
    found: dict[OpenKey, str] = {}
    for entry in description.principles.values():
        for feature in entry.features:
            for on, status, text in open_points(feature):
                key = (feature.name, on, text, status.value)
                found[key] = text if on == "feature" else f"{feature.name}: {text}"
    return found


def _shown(points: Sequence[OpenKey]) -> dict[OpenKey, str]:
    return {k: k[0] if k[1] == "feature" else f"{k[0]}: {k[2]}" for k in points}


def _from_git(revision: Revision, description: Description) -> _State:
    points = _keys(description)
    statuses = [k[3] for k in points]
    return _State(
        description.date.isoformat(),
        revision.date[:10],
        revision.commit[:7],
        revision.subject,
        revision.path,
        {pid: len(e.features) for pid, e in description.principles.items()},
        statuses.count("to-improve"),
        statuses.count("no-consensus"),
        points,
        description,
    )


def _from_page(known: Known, path: str, revision: Revision | None) -> _State:
    return _State(
        known.date,
        revision.date[:10] if revision else "",
        revision.commit[:7] if revision else "",
        revision.subject if revision else "",
        path,
        known.features,
        known.to_improve,
        known.no_consensus,
        _shown(known.open_points),
    )


def timelines(
    asked: Sequence[Asked], root: Path, ids: Sequence[str]
) -> tuple[dict[str, Timeline], list[DiffPage]]:
    """Per IWP key, its timeline; and the difference pages to write.

    The cycles of an IWP are those of its newest file in git (its last commit per ``date``),
    and each other file with the same name as it is now. A newest file whose one commit holds
    it as it is now, and the other files, are not read again: their pages know them. Only the
    newest file's own cycles are compared (the difference pages)."""
    names = {a.key: relative_paths(root, [path for path, _ in a.files]) for a in asked}
    histories = file_histories(root, [found[0] for found in names.values()])
    newest = {a.key: histories.get(names[a.key][0], [])[:MAX_REVISIONS] for a in asked}
    single = [a for a in asked if len(newest[a.key]) == 1]
    now = working_blobs(root, [a.files[0][0] for a in single])
    quick = {a.key for a, blob in zip(single, now, strict=True) if blob == newest[a.key][0].blob}
    wanted = [r for a in asked if a.key not in quick for r in newest[a.key]]
    specs = [f"{r.commit}:{r.path}" for r in wanted]
    blobs = dict(zip(specs, read_blobs(root, specs), strict=True))
    result: dict[str, Timeline] = {}
    pages: list[DiffPage] = []
    for a in asked:
        revisions = newest[a.key]
        if not revisions:
            continue
        states: dict[str, _State] = {}
        if a.key in quick:
            states[a.files[0][1].date] = _from_page(a.files[0][1], names[a.key][0], revisions[0])
        else:
            for revision in reversed(revisions):  # oldest first: the last commit of a date wins
                description = load_revision(
                    blobs.get(f"{revision.commit}:{revision.path}"), revision.path
                )
                if description is not None:
                    state = _from_git(revision, description)
                    states.pop(state.date, None)
                    states[state.date] = state
        for (_, known), path in zip(a.files[1:], names[a.key][1:], strict=True):
            states.setdefault(known.date, _from_page(known, path, None))
        cycles, differences = _lay_out(a, sorted(states.values(), key=lambda s: s.date), ids)
        pages += differences
        files = tuple(path_text(name) for name in names[a.key])
        result[a.key] = Timeline(a.key, a.name, f"t-{a.page}", files, cycles)
    return result, pages


def _lay_out(
    asked: Asked, states: Sequence[_State], ids: Sequence[str]
) -> tuple[tuple[CycleEntry, ...], list[DiffPage]]:
    cycles: list[CycleEntry] = []
    pages: list[DiffPage] = []
    for index, state in enumerate(states):
        before = states[index - 1] if index else None
        href = None
        if before is not None and before.description and state.description:
            href = f"{asked.page[:200]}--{state.date}.html"
            pages.append(
                DiffPage(
                    href,
                    f"t-{asked.page}",
                    before.description,
                    state.description,
                    f"{before.commit}:{before.path}",
                    f"{state.commit}:{state.path}",
                )
            )
        counts = tuple(state.features.get(i, 0) for i in ids)
        old = before.points if before else {}
        cycles.append(
            CycleEntry(
                date=state.date,
                commit=state.commit,
                committed=state.committed,
                subject=state.subject,
                path=state.path,
                counts=counts,
                total=sum(counts),
                to_improve=state.to_improve,
                no_consensus=state.no_consensus,
                opened=tuple(v for k, v in state.points.items() if k not in old) if before else (),
                resolved=tuple(v for k, v in old.items() if k not in state.points),
                diff_href=href,
            )
        )
    return tuple(cycles), pages


def diff_markdown(page: DiffPage, framework: Framework, lang: str) -> str:
    """The difference of ``page`` as `iwp diff --format md` writes it."""
    from iwp_cli.diff import report_md
    from iwp_cli.diff.outline import outline

    changes = compare(
        page.old,
        page.new,
        old_side=side_info(page.old, spec=page.old_spec, path=page.old_spec, commit=None),
        new_side=side_info(page.new, spec=page.new_spec, path=page.new_spec, commit=None),
        framework=framework,
        lang=lang,
    )
    return report_md.render(outline(changes, lang))
