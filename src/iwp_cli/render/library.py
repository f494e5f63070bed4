"""The feature library of a site (``library.html``): per principle every kenmerk of every IWP,
with its effects and randvoorwaarden, to search and to filter by IWP, tag and participant group.

"Een expliciete beschrijving kan helpen om verschillende typen IWP met elkaar te vergelijken en
van elkaar te leren": a team designing principle 3 sees how the others shaped it. Each
description's rows are rendered with its page (in the worker that renders the page, by
``html/library_rows.html.j2``), so the library costs the site one join per principle. An IWP
with several files (the same ``name``) shows the rows of its newest file only. The filters are a
small inline script (``html/library.js.j2``) that the page's Content-Security-Policy allows by
its hash; without scripts every row is shown.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from jinja2 import Environment
from markupsafe import Markup

from iwp_cli.render.environment import render_template
from iwp_cli.render.view import ReportView

#: Between the rows of two principles in a description's rendered rows.
SEPARATOR = Markup("<!--iwp:principle-->")

#: Per IWP: its key, name, tags, participant groups (code, name) and rows per principle id.
Entry = tuple[str, str, tuple[str, ...], tuple[tuple[str, str], ...], dict[str, str]]


def library_rows(view: ReportView, env: Environment, *, key: str, href: str) -> dict[str, str]:
    """The library's rows of ``view``, per principle id (principles without features left out)."""
    tags = "|" + "|".join(view.tags) + "|" if view.tags else ""
    text = render_template(
        env,
        "html/library_rows.html.j2",
        v=view,
        t=view.t,
        lang=view.lang,
        key=key,
        tags=tags,
        href=href,
        sep=SEPARATOR,
    )
    parts = text.split(str(SEPARATOR))
    return {
        p.id: part for p, part in zip(view.principles, parts, strict=False) if p.features and part
    }


@dataclass(frozen=True, slots=True)
class Shelf:
    """One principle of the library, with the rows of every IWP."""

    number: int
    id: str
    title: str
    rows: Markup
    count: int


@dataclass(frozen=True, slots=True)
class LibraryView:
    """Everything the library page shows: the shelves, and the choices of the filters."""

    t: dict[str, Any]
    lang: str
    shelves: tuple[Shelf, ...]
    iwps: tuple[tuple[str, str], ...]
    tags: tuple[str, ...]
    groups: tuple[tuple[str, str], ...]
    total: int
    made_with: str


def library_view(
    entries: Sequence[
        tuple[str, str, tuple[str, ...], tuple[tuple[str, str], ...], dict[str, str]]
    ],
    columns: Sequence[tuple[int, str, str]],
    *,
    t: dict[str, Any],
    lang: str,
    made_with: str,
) -> LibraryView:
    """The library of ``entries`` (per IWP: key, name, tags, groups and rows per principle) with
    the principles of ``columns`` (number, id, title) in order."""
    shelves = []
    total = 0
    for number, pid, title in columns:
        parts = [rows[pid] for *_, rows in entries if pid in rows]
        count = sum(part.count("<tr ") for part in parts)
        total += count
        shelves.append(Shelf(number, pid, title, Markup("".join(parts)), count))
    groups: dict[str, str] = {}
    for *_, found, _ in entries:
        for code, name in found:
            groups.setdefault(code, name)
    return LibraryView(
        t=t,
        lang=lang,
        shelves=tuple(shelves),
        iwps=tuple(sorted(((key, name) for key, name, *_ in entries), key=lambda kn: kn[1])),
        tags=tuple(sorted({tag for _, _, tags, _, _ in entries for tag in tags})),
        groups=tuple(sorted(groups.items())),
        total=total,
        made_with=made_with,
    )
