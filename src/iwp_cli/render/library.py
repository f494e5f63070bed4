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
from markupsafe import Markup, escape

from iwp_cli.render.environment import render_template
from iwp_cli.render.view import ReportView

#: Between the rows of two principles in a description's rendered rows.
SEPARATOR = Markup("<!--iwp:principle-->")

#: Per IWP: its key, name, tags, participant groups (code, name) and rows per principle id.
Entry = tuple[str, str, tuple[str, ...], tuple[tuple[str, str], ...], dict[str, str]]


def library_rows(
    view: ReportView, env: Environment, *, key: str, href: str, page: str | None = None
) -> dict[str, str]:
    """The library's rows of ``view``, per principle id (principles without features left out).

    A row is the feature's row of the report's table (``page``, the rendered report), found by
    its anchor and prefixed by the IWP's cell, so that the library says exactly what the report
    says and costs next to nothing; where the report has no such rows (a user's template), the
    rows are rendered by ``html/library_rows.html.j2``."""
    tags = "|" + "|".join(view.tags) + "|" if view.tags else ""
    if page is not None:
        cut = _cut_rows(view, page, key=key, href=href, tags=tags)
        if cut is not None:
            return cut
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


def _cut_rows(
    view: ReportView, page: str, *, key: str, href: str, tags: str
) -> dict[str, str] | None:
    """The rows taken from the report's tables; None when one is not there."""
    link, name = escape(href), f'{escape(view.name)}</a> <span class="muted">{escape(view.date)}'
    start = f'<tr data-iwp="{escape(key)}" data-tags="{escape(tags)}" data-groups="'
    found: dict[str, str] = {}
    at = 0
    for p in view.principles:
        rows = []
        for f in p.features:
            opening = f'<tr id="{f.anchor}">'
            at = page.find(opening, at)
            end = page.find("</tr>", at)
            if at < 0 or end < 0:
                return None
            inner = page[at + len(opening) : end].strip().replace('href="#', f'href="{href}#')
            codes = dict.fromkeys(code for e in f.effects for code in e.who)
            groups = "|" + "|".join(codes) + "|" if codes else ""
            rows.append(
                f'{start}{escape(groups)}"><td class="iwp"><a href="{link}#{f.anchor}">'
                f"{name}</span></td>{inner}</tr>\n"
            )
            at = end
        if rows:
            found[p.id] = "".join(rows)
    return found


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
