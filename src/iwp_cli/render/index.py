"""The index of a site: what it shows of each description, and each IWP once.

Files with the same ``name`` (case, spacing and typographic quotes aside) are one IWP: the index
has one row for it, for its newest file (by ``date``, then path), and names the other files
there; the comparison counts the newest file's features. A file that is not a valid description
keeps a row of its own. Paths are shown relative to the repository (or to the rendered folder
outside one), never as given on the command line.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from iwp_cli import __version__
from iwp_cli.diff.textdiff import normalise
from iwp_cli.findings import Finding
from iwp_cli.framework import builtin_framework
from iwp_cli.i18n import severity_counts
from iwp_cli.render.build import made_with
from iwp_cli.render.labels import labels
from iwp_cli.render.report import RenderOptions

_RANK = {"ok": 0, "info": 1, "warning": 2, "error": 3, "invalid": 4}


@dataclass(frozen=True, slots=True)
class Page:
    """What the index shows of one description; ``href`` is None when it has no page.
    ``groups`` are the participant groups (code, name), ``library`` the rows of the feature
    library per principle id (`iwp_cli.render.library`), ``open_points`` each open point as
    (feature, what carries it, text, status), for the timeline."""

    file: str
    href: str | None
    name: str
    date: str
    lang: str
    partners: tuple[str, ...]
    tags: tuple[str, ...]
    to_improve: int
    no_consensus: int
    status: str
    counts: tuple[int, int, int]
    features: dict[str, int]
    findings: tuple[Finding, ...] = ()
    unwritten: str | None = None
    groups: tuple[tuple[str, str], ...] = ()
    library: dict[str, str] | None = None
    open_points: tuple[tuple[str, str, str, str], ...] = ()

    @property
    def key(self) -> str:
        """Which IWP the page is of: its name, for comparing; its file when it has none."""
        return normalise(self.name) if self.href is not None else f"\0{self.file}"


@dataclass(frozen=True, slots=True)
class Row:
    """A row of the index: an IWP (its newest page) with its text in the index's language,
    the other files of the same IWP, and its timeline (`iwp_cli.render.timeline`) if any."""

    page: Page
    status_label: str
    rank: int
    counts: tuple[int, ...]
    total: int
    others: tuple[Page, ...] = ()
    timeline: Any = None


@dataclass(frozen=True, slots=True)
class Column:
    """A principle as a column of the comparison."""

    number: int
    id: str
    title: str


@dataclass(frozen=True, slots=True)
class IndexView:
    """Everything the index shows; ``library`` is the feature library's file, if any. For
    ``audience`` ``partners`` the index shows no paths and no check."""

    t: dict[str, Any]
    lang: str
    intro: str
    rows: tuple[Row, ...]
    columns: tuple[Column, ...]
    made_with: str
    library: str | None = None
    audience: str = "team"


def group_pages(pages: Sequence[Page]) -> list[list[Page]]:
    """The pages per IWP, in the order of each IWP's first file; the newest page first."""
    found: dict[str, list[Page]] = {}
    for page in pages:
        found.setdefault(page.key, []).append(page)
    return [sorted(group, key=lambda p: (p.date, p.file), reverse=True) for group in found.values()]


def index_lang(pages: Sequence[Page], options: RenderOptions) -> str:
    """``options.lang``, else the language most pages have."""
    languages = Counter(page.lang for page in pages if page.lang)
    return options.lang or (
        max(("nl", "en"), key=lambda code: languages[code]) if languages else options.check.lang
    )


def columns_of(pages: Sequence[Page], options: RenderOptions, lang: str) -> tuple[Column, ...]:
    """The principles of the framework, then other ids the pages use."""
    framework = options.check.framework or builtin_framework()
    ids = list(framework.ids)
    ids += sorted({pid for page in pages for pid in page.features} - set(ids))
    titles = {p.id: p.title.get(lang) or p.id for p in framework.principles}
    return tuple(Column(n, pid, titles.get(pid, pid)) for n, pid in enumerate(ids, start=1))


def index_view(
    pages: Sequence[Page],
    options: RenderOptions,
    *,
    timelines: dict[str, Any] | None = None,
    library: str | None = None,
) -> IndexView:
    """The index of ``pages``: one row per IWP."""
    lang = index_lang(pages, options)
    t = labels(lang)
    columns = columns_of(pages, options, lang)
    ids = [c.id for c in columns]
    rows = []
    for group in group_pages(pages):
        page = group[0]
        errors, warnings, infos = page.counts
        if page.status == "invalid":
            label = t["status_invalid"]
        elif page.status == "ok":
            label = t["status_ok"]
        else:
            label = severity_counts(errors, warnings, infos, lang)
        counts = tuple(page.features.get(pid, 0) for pid in ids)
        timeline = (timelines or {}).get(page.key)
        rows.append(
            Row(page, label, _RANK[page.status], counts, sum(counts), tuple(group[1:]), timeline)
        )
    return IndexView(
        t,
        lang,
        t["catalogue_intro"].format(count=len(pages)),
        tuple(rows),
        columns,
        made_with(t, __version__, options.stamp),
        library,
        options.audience,
    )
