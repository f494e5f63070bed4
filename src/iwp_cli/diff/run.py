"""Run `iwp diff` and `iwp log` up to the report's text: read, load, compare, render.

The command layer only parses options, prints and chooses the exit code. Problems with the input
raise `SourceError` (a side cannot be read) or `InvalidSide` (a side is no valid description).
"""

from __future__ import annotations

import enum
import functools
import os
from collections.abc import Sequence
from dataclasses import dataclass

from iwp_cli.diff.census import side_info
from iwp_cli.diff.compare import compare
from iwp_cli.diff.history import history
from iwp_cli.diff.layout import Block
from iwp_cli.diff.sidebyside import side_by_side
from iwp_cli.diff.sources import Side, read_side
from iwp_cli.diff.textdiff import normalise
from iwp_cli.framework import Framework, framework_for
from iwp_cli.i18n import Said, message
from iwp_cli.loader import load_text
from iwp_cli.model import Description
from iwp_cli.parallel import run_shared

#: From this many bytes on both sides together, the two sides are loaded by two processes at
#: once (loading is most of the time of a large diff; forking costs more than a real file).
PARALLEL_BYTES = 256 * 1024


class Format(str, enum.Enum):
    """Output formats of `iwp diff` and `iwp log`."""

    text = "text"
    md = "md"
    json = "json"


class Mode(str, enum.Enum):
    """How `iwp diff` presents two descriptions. ``auto``: changes when both have the same
    ``name`` (case and spacing aside), else side by side."""

    auto = "auto"
    changes = "changes"
    side_by_side = "side-by-side"


class InvalidSide(Exception):
    """A side is not a valid description; the message has its first finding."""


@dataclass(frozen=True, slots=True)
class DiffRun:
    """A finished `iwp diff`: the report, and whether the two descriptions differ."""

    report: str
    differs: bool
    mode: Mode


def run_diff(
    old_spec: str,
    new_spec: str,
    *,
    output: Format = Format.text,
    mode: Mode = Mode.auto,
    lang: str = "en",
    custom: Framework | None = None,
) -> DiffRun:
    """Compare ``old_spec`` with ``new_spec`` (paths or ``REV:path``) and render the report."""
    old_side, new_side = read_side(old_spec), read_side(new_spec)
    old, new = _load_both(old_side, new_side, lang)
    framework = framework_for(new, custom)
    infos = (
        side_info(old, spec=old_spec, path=old_side.path, commit=old_side.commit),
        side_info(new, spec=new_spec, path=new_side.path, commit=new_side.commit),
    )
    changes = compare(
        old, new, old_side=infos[0], new_side=infos[1], framework=framework, lang=lang
    )
    if mode is Mode.auto:
        same = normalise(old.name) == normalise(new.name)
        mode = Mode.changes if same else Mode.side_by_side
    if mode is Mode.changes:
        if output is Format.json:
            from iwp_cli.diff.report_json import render_changes

            return DiffRun(render_changes(changes), not changes.equal, mode)
        from iwp_cli.diff.outline import outline

        return DiffRun(_render(outline(changes, lang), output), not changes.equal, mode)
    sides = side_by_side(old, new, a_side=infos[0], b_side=infos[1], framework=framework, lang=lang)
    if output is Format.json:
        from iwp_cli.diff.report_json import render_sides

        return DiffRun(render_sides(sides), not changes.equal, mode)
    from iwp_cli.diff.outline_sides import outline_sides

    return DiffRun(_render(outline_sides(sides, lang), output), not changes.equal, mode)


def run_log(
    path: str,
    *,
    output: Format = Format.text,
    lang: str = "en",
    custom: Framework | None = None,
    oldest_first: bool = False,
    max_count: int | None = None,
    per_cycle: bool = False,
) -> str:
    """The report of `iwp log` on ``path``; with ``per_cycle``, one row per cycle."""
    log = history(
        path,
        lang=lang,
        custom=custom,
        oldest_first=oldest_first,
        max_count=max_count,
        per_cycle=per_cycle,
    )
    if output is Format.json:
        from iwp_cli.diff.report_json import render_log

        return render_log(log)
    from iwp_cli.diff.outline_log import outline_log

    return _render(outline_log(log, lang), output)


def _load_both(old: Side, new: Side, lang: str) -> tuple[Description, Description]:
    large = len(old.data) + len(new.data) >= PARALLEL_BYTES
    jobs = min(2, os.cpu_count() or 1) if large else 1
    if jobs > 1:  # what loading imports on first use, imported once before the fork
        import iwp_cli.shorthand
        import iwp_cli.yamlhelp  # noqa: F401
    first, second = run_shared([old, new], functools.partial(_load, lang=lang), jobs=jobs)
    return first, second


def _load(side: Side, lang: str) -> Description:
    loaded = load_text(side.data, shown=side.spec, lang=lang)
    if loaded.description is None:
        first = loaded.findings[0] if loaded.findings else None
        where = f"{first.file}:{first.line}:{first.column}: {first.code} " if first else ""
        problem = first.message if first else message("not-a-description", lang)
        raise InvalidSide(Said("side-not-valid", where=where, problem=problem))
    return loaded.description


def _render(blocks: Sequence[Block], output: Format) -> str:
    if output is Format.md:
        from iwp_cli.diff import report_md

        return report_md.render(blocks)
    from iwp_cli.diff import report_text

    return report_text.render(blocks)
