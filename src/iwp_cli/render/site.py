"""Render a folder of descriptions: one page each, and an index that lists and compares them.

Each description is loaded, checked and rendered once. From a few dozen files on, the work is
spread over one process per core, as `iwp check` does; the environment and its compiled templates
are made before the processes start, so that each inherits them. The index is written last, from
a summary of every page, in the order the files were found (sorted), so the same folder gives the
same bytes.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import gc
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import Environment

from iwp_cli.checker import PARALLEL_FROM
from iwp_cli.diff.textdiff import normalise
from iwp_cli.discovery import Target
from iwp_cli.framework import builtin_framework
from iwp_cli.parallel import run_shared
from iwp_cli.render.environment import RenderError, environment, render_template
from iwp_cli.render.index import Page, index_view
from iwp_cli.render.labels import REPORT_LANGUAGES, labels
from iwp_cli.render.library import library_rows
from iwp_cli.render.output import inside, page_names, write_atomic
from iwp_cli.render.report import SUFFIXES, RenderOptions, render_target
from iwp_cli.render.site_extras import write_extras

__all__ = ["Page", "SiteResult", "index_view", "render_site"]


@dataclass(slots=True)
class SiteResult:
    """What `render_site` wrote: a page per valid description, and the index."""

    pages: list[Page] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    index: Path | None = None

    @property
    def invalid(self) -> list[Page]:
        return [page for page in self.pages if page.href is None and page.unwritten is None]

    @property
    def unwritten(self) -> list[Page]:
        """Valid descriptions whose page could not be written (the others still were)."""
        return [page for page in self.pages if page.unwritten is not None]


#: A rendered page: what the index shows of it, and its bytes (None when it has no page).
Rendered = tuple[Page, bytes | None]


def _one(target: Target, name: str, options: RenderOptions) -> Rendered | None:
    suffix = SUFFIXES[options.fmt]
    outcome = render_target(target, options, index_href=f"index{suffix}")
    if outcome is None:
        return None
    view = outcome.view
    if view is None or outcome.text is None:
        errors = sum(1 for f in outcome.findings if f.severity.value == "error")
        page = Page(
            target.shown,
            None,
            target.path.name,
            "",
            "",
            (),
            (),
            0,
            0,
            "invalid",
            (errors, 0, 0),
            {},
            tuple(outcome.findings),
        )
        return page, None
    check = view.check
    href = name + suffix
    rows = None
    if options.fmt == "html":
        env = environment(options.fmt, options.template_dir)
        rows = library_rows(view, env, key=normalise(view.name), href=href, page=outcome.text)
    page = Page(
        target.shown,
        href,
        view.name,
        view.date,
        view.lang,
        tuple(p.name for p in view.partners),
        view.tags,
        len(view.to_improve),
        len(view.no_consensus),
        check.status,
        (check.errors, check.warnings, check.infos),
        {p.id: len(p.features) for p in view.principles},
        groups=tuple((g.code, g.name) for g in view.groups),
        library=rows,
        open_points=tuple(
            (o.feature, o.on, o.text, o.status) for o in (*view.to_improve, *view.no_consensus)
        ),
    )
    return page, outcome.text.encode("utf-8")


def _write(item: Rendered | None, out_dir: Path) -> Page | None:
    """Write a rendered page; what the index shows of it. A page that cannot be written is
    kept, without a link, with the reason: one page never sinks the site."""
    if item is None:
        return None
    page, data = item
    if page.href is not None and data is not None:
        try:
            write_atomic(inside(out_dir, page.href), data)
        except RenderError as error:
            return dataclasses.replace(page, href=None, unwritten=str(error))
    return page


def _page(job: tuple[Target, str], options: RenderOptions, out_dir: Path) -> Page | None:
    target, name = job
    return _write(_one(target, name, options), out_dir)


def _warm(options: RenderOptions) -> Environment:
    """Make, before the processes start, what each would otherwise make for itself: the
    compiled templates, the labels and the framework. The Markdown parser is made by the first
    text that is more than plain paragraphs, if any."""
    env = environment(options.fmt, options.template_dir)
    for name in env.list_templates(filter_func=lambda n: n.startswith(f"{options.fmt}/")):
        env.get_template(name)
    for lang in REPORT_LANGUAGES:
        labels(lang)
    builtin_framework()
    return env


#: Net allocations between two collections of the youngest generation (Python's default: 700).
YOUNG_THRESHOLD = 10_000


@contextlib.contextmanager
def _few_collections() -> Iterator[None]:
    """Let the garbage collector run less often, and look at less, while pages are rendered.

    A page makes tens of thousands of short-lived objects and next to no reference cycles:
    reference counting frees them, yet with the default threshold they set off a collection
    every 700 allocations, and now and then a full one that walks every object alive, the
    modules, compiled templates and validators included. Those were made before (`_warm`) and
    live until the end: frozen, the collector skips them. The worker processes inherit the
    settings; they are restored afterwards (a collector that was switched off stays off).
    """
    thresholds = gc.get_threshold()
    freeze = gc.get_freeze_count() == 0  # leave alone what a caller froze
    if freeze:
        gc.freeze()
    if thresholds[0]:
        gc.set_threshold(max(thresholds[0], YOUNG_THRESHOLD), *thresholds[1:])
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)
        if freeze:
            gc.unfreeze()


def render_site(
    targets: Sequence[Target], root: Path, options: RenderOptions, out_dir: Path
) -> SiteResult:
    """Render every description of ``targets`` (found under ``root``) into ``out_dir``, then the
    index. Raises RenderError (templates, writing) and InputError (reading)."""
    jobs = list(zip(targets, page_names([t.path for t in targets], root), strict=True))
    env = _warm(options)
    processes = options.check.jobs or os.cpu_count() or 1
    if len(jobs) < PARALLEL_FROM:
        processes = 1
    render_one = functools.partial(_page, options=options, out_dir=out_dir)
    with _few_collections():
        found = run_shared(jobs, render_one, jobs=processes)
    result = SiteResult()
    for (target, _), page in zip(jobs, found, strict=True):
        if page is None:
            result.skipped.append(target.shown)
        else:
            result.pages.append(page)
    shown = {target.shown: target.path for target, _ in jobs}
    result.pages, timelines, library = write_extras(
        result.pages, shown, root=root, options=options, out_dir=out_dir, env=env
    )
    view = index_view(result.pages, options, timelines=timelines, library=library)
    text = render_template(
        env,
        f"{options.fmt}/index.{options.fmt}.j2",
        x=view,
        t=view.t,
        lang=view.lang,
        script_name="html/index.js.j2" if options.fmt == "html" else None,
    )
    result.index = inside(out_dir, f"index{SUFFIXES[options.fmt]}")
    write_atomic(result.index, text)
    return result
