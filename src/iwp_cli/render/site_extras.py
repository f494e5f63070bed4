"""What a site has besides its pages and index: paths relative to the repository, the timeline
of each IWP with a page per difference between two cycles (`iwp_cli.render.timeline`), and the
feature library (`iwp_cli.render.library`). Only HTML sites get timelines and the library; a
folder outside git has no timelines."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment
from markupsafe import Markup

from iwp_cli import __version__
from iwp_cli.framework import builtin_framework
from iwp_cli.gitcycles import relative_paths, repository_root
from iwp_cli.render.build import made_with
from iwp_cli.render.environment import render_template
from iwp_cli.render.index import Page, columns_of, group_pages, index_lang
from iwp_cli.render.labels import labels
from iwp_cli.render.library import library_view
from iwp_cli.render.output import inside, write_atomic
from iwp_cli.render.report import RenderOptions
from iwp_cli.render.timeline import Asked, Known, Timeline, diff_markdown, timelines
from iwp_cli.terminal import path_text

LIBRARY = "library.html"


@dataclass(frozen=True, slots=True)
class DiffView:
    """A page with the difference between two cycles."""

    title: str
    anchor: str
    body: Markup
    made_with: str


def _html(markdown: str) -> Markup:
    from markdown_it import MarkdownIt

    parser = MarkdownIt("commonmark", {"html": False}).enable("table")
    return Markup(parser.render(markdown))


def write_extras(
    pages: list[Page],
    shown: dict[str, Path],
    *,
    root: Path,
    options: RenderOptions,
    out_dir: Path,
    env: Environment,
) -> tuple[list[Page], dict[str, Timeline], str | None]:
    """The pages with their files relative to the repository; the timelines per IWP key; and
    the library's file name (None when there is none). Writes the difference pages and the
    library. Raises RenderError."""
    repository = repository_root(root)
    base = repository or root
    paths = [shown[page.file] for page in pages]
    relative = relative_paths(base, paths)
    pages = [
        dataclasses.replace(p, file=path_text(r)) for p, r in zip(pages, relative, strict=True)
    ]
    if options.fmt != "html":
        return pages, {}, None
    lang = index_lang(pages, options)
    t = labels(lang)
    footer = made_with(t, __version__, options.stamp)
    columns = columns_of(pages, options, lang)
    groups = [g for g in group_pages(pages) if g[0].href is not None]
    found: dict[str, Timeline] = {}
    if repository is not None:
        where = {page.file: path for page, path in zip(pages, paths, strict=True)}
        asked = [
            Asked(
                g[0].key, g[0].name, _stem(g[0].href), tuple((where[p.file], _known(p)) for p in g)
            )
            for g in groups
        ]
        found, differences = timelines(asked, repository, [c.id for c in columns])
        framework = options.check.framework or builtin_framework()
        for difference in differences:
            view = DiffView(
                t["diff_title"].format(name=difference.new.name),
                difference.anchor,
                _html(diff_markdown(difference, framework, lang)),
                footer,
            )
            text = render_template(
                env, "html/cycle_diff.html.j2", d=view, t=t, lang=lang, script_name=None
            )
            write_atomic(inside(out_dir, difference.href), text)
    entries = [
        (g[0].key, g[0].name, g[0].tags, g[0].groups, g[0].library or {})
        for g in groups
        if g[0].library is not None
    ]
    library = library_view(
        entries, [(c.number, c.id, c.title) for c in columns], t=t, lang=lang, made_with=footer
    )
    text = render_template(
        env, "html/library.html.j2", y=library, t=t, lang=lang, script_name="html/library.js.j2"
    )
    write_atomic(inside(out_dir, LIBRARY), text)
    return pages, found, LIBRARY


def _stem(href: str | None) -> str:
    return (href or "").removesuffix(".html")


def _known(page: Page) -> Known:
    """What the page of a file knows of it as it is now."""
    return Known(page.date, page.features, page.to_improve, page.no_consensus, page.open_points)
