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

#: Revisions read per file, newest first.
MAX_REVISIONS = 50

OpenKey = tuple[str, str, str, str, str]


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


def _keys(description: Description) -> dict[OpenKey, str]:
    found: dict[OpenKey, str] = {}
    for pid, entry in description.principles.items():
        for feature in entry.features:
            for on, status, text in open_points(feature):
                key = (pid, feature.name, on, text, status.value)
                found[key] = text if on == "feature" else f"{feature.name}: {text}"
    return found


#: What the page of a file already knows, for a cycle that is the file as it is now: its date,
#: features per principle id, and its numbers of to-improve and no-consensus points.
Known = tuple[str, dict[str, int], int, int]


def timelines(
    groups: Sequence[tuple[str, str, str, Sequence[Path], Known | None]],
    root: Path,
    ids: Sequence[str],
) -> tuple[dict[str, Timeline], list[DiffPage]]:
    """Per IWP key, its timeline; and the difference pages to write. ``groups`` holds per IWP
    its key, name, page name (for the difference pages' names), files, and what its page knows
    (when it has one file). A file whose one commit holds it as it is now is not read again."""
    names = {key: relative_paths(root, files) for key, _, _, files, _ in groups}
    everything = [name for found in names.values() for name in found]
    histories = file_histories(root, everything)
    single = [g for g in groups if g[4] is not None and len(histories.get(names[g[0]][0], [])) == 1]
    now = working_blobs(root, [g[3][0] for g in single])
    quick = {
        g[0]: g[4]
        for g, blob in zip(single, now, strict=True)
        if blob and blob == histories[names[g[0]][0]][0].blob
    }
    wanted: list[Revision] = []
    for key, found in names.items():
        if key not in quick:
            for name in found:
                wanted += histories.get(name, [])[:MAX_REVISIONS]
    unique = list({f"{r.commit}:{r.path}": r for r in wanted}.values())
    blobs = dict(
        zip(
            (f"{r.commit}:{r.path}" for r in unique),
            read_blobs(root, [f"{r.commit}:{r.path}" for r in unique]),
            strict=True,
        )
    )
    result: dict[str, Timeline] = {}
    pages: list[DiffPage] = []
    for key, name, page, _, _ in groups:
        revisions = [r for f in names[key] for r in histories.get(f, [])[:MAX_REVISIONS]]
        if not revisions:
            continue
        known = quick.get(key)
        if known is not None:
            result[key] = _known(key, name, page, names[key], revisions[0], known, ids)
            continue
        loaded = []
        for revision in revisions:
            description = load_revision(
                blobs.get(f"{revision.commit}:{revision.path}"), revision.path
            )
            if description is not None:
                loaded.append((description.date.isoformat(), revision.date, revision, description))
        loaded.sort(key=lambda item: (item[0], item[1]))
        last: dict[str, tuple[Revision, Description]] = {}
        for date, _, revision, description in loaded:
            last[date] = (revision, description)
        cycles = []
        previous: tuple[Revision, Description] | None = None
        for date, (revision, description) in sorted(last.items()):
            keys = _keys(description)
            old = _keys(previous[1]) if previous else {}
            href = None
            if previous is not None:
                href = f"{page[:200]}--{date}.html"
                pages.append(
                    DiffPage(
                        href,
                        f"t-{page}",
                        previous[1],
                        description,
                        f"{previous[0].commit[:7]}:{previous[0].path}",
                        f"{revision.commit[:7]}:{revision.path}",
                    )
                )
            counts = tuple(
                len(description.principles[i].features) if i in description.principles else 0
                for i in ids
            )
            statuses = [k[4] for k in keys]
            cycles.append(
                CycleEntry(
                    date=date,
                    commit=revision.commit[:7],
                    committed=revision.date[:10],
                    subject=revision.subject,
                    path=revision.path,
                    counts=counts,
                    total=sum(counts),
                    to_improve=statuses.count("to-improve"),
                    no_consensus=statuses.count("no-consensus"),
                    opened=tuple(v for k, v in keys.items() if k not in old) if previous else (),
                    resolved=tuple(v for k, v in old.items() if k not in keys),
                    diff_href=href,
                )
            )
            previous = (revision, description)
        result[key] = Timeline(key, name, f"t-{page}", tuple(names[key]), tuple(cycles))
    return result, pages


def _known(  # noqa: PLR0917 - the parts of one timeline
    key: str,
    name: str,
    page: str,
    files: Sequence[str],
    revision: Revision,
    known: Known,
    ids: Sequence[str],
) -> Timeline:
    """The timeline of a file with one commit that holds it as it is now: one cycle."""
    date, features, to_improve, no_consensus = known
    counts = tuple(features.get(i, 0) for i in ids)
    cycle = CycleEntry(
        date=date,
        commit=revision.commit[:7],
        committed=revision.date[:10],
        subject=revision.subject,
        path=revision.path,
        counts=counts,
        total=sum(counts),
        to_improve=to_improve,
        no_consensus=no_consensus,
        opened=(),
        resolved=(),
        diff_href=None,
    )
    return Timeline(key, name, f"t-{page}", tuple(files), (cycle,))


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
