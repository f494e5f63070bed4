"""The report for partners and funders (``iwp render --audience partners``): a summary that a
manager reads in a minute, a logo and a colophon.

The summary says what the IWP is, which principles shape it with how many kenmerken, the effects
for each participant group, the outcomes, the open points and what changed since the previous
cycle (the last committed revision dated before this one, when the file is in git). It is built
from the report's own view, so it says exactly what the report below it says.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from iwp_cli.diff.census import side_info
from iwp_cli.diff.compare import compare
from iwp_cli.framework import Framework
from iwp_cli.model import Description
from iwp_cli.render.view import OpenPoint, ReportView

#: Examples shown per participant group, and open points listed, before "… and N more".
EXAMPLES = 3
POINTS = 6


@dataclass(frozen=True, slots=True)
class Colophon:
    """Who publishes the report, whom to contact, and the logo as a ``data:`` URI."""

    organisation: str | None = None
    contact: str | None = None
    logo: str | None = None


@dataclass(frozen=True, slots=True)
class Count:
    """A principle or a participant group with a number and what the number counts."""

    key: str
    label: str
    count: str
    examples: tuple[str, ...] = ()
    more: str = ""


@dataclass(frozen=True, slots=True)
class Since:
    """What changed since the previous cycle, per kind of change (label and names)."""

    date: str
    changes: tuple[tuple[str, tuple[str, ...]], ...]


@dataclass(frozen=True, slots=True)
class PartnersView:
    """What the report for partners adds to the report's view."""

    what: str
    principles: tuple[Count, ...]
    groups: tuple[Count, ...]
    outcomes: tuple[tuple[str, tuple[str, ...]], ...]
    open_counts: str
    points: tuple[OpenPoint, ...]
    points_more: str
    since: Since | None
    colophon: Colophon


def _counted(t: dict[str, Any], kind: str, count: int) -> str:
    return str(t[f"{kind}_one" if count == 1 else f"{kind}_many"]).format(count=count)


def _more(t: dict[str, Any], total: int, shown: int) -> str:
    return t["summary_more"].format(count=total - shown) if total > shown else ""


def _first_paragraph(text: str) -> str:
    return text.strip().split("\n\n", 1)[0].strip()


def partners_view(view: ReportView, since: Since | None, colophon: Colophon) -> PartnersView:
    """The summary of ``view``, with ``since`` (None: no previous cycle) and the colophon."""
    t = view.t
    principles = tuple(
        Count(p.anchor, f"{p.number}. {p.title}", _counted(t, "features", len(p.features)))
        for p in view.principles
    )
    effects: dict[str, list[str]] = {g.code: [] for g in view.groups}
    for p in view.principles:
        for f in p.features:
            for e in f.effects:
                for code in dict.fromkeys(e.who):
                    effects.setdefault(code, []).append(e.text)
    groups = tuple(
        Count(
            g.code,
            f"{g.code}: {g.name}",
            _counted(t, "effects", len(effects[g.code])),
            tuple(dict.fromkeys(effects[g.code]))[:EXAMPLES],
            _more(t, len(dict.fromkeys(effects[g.code])), EXAMPLES),
        )
        for g in view.groups
    )
    outcomes = tuple((g.label, tuple(i.text for i in g.items)) for g in view.outcomes if g.items)
    points = view.to_improve + view.no_consensus
    return PartnersView(
        what=_first_paragraph(view.occasion),
        principles=principles,
        groups=groups,
        outcomes=outcomes,
        open_counts=t["summary_open_counts"].format(
            to_improve=len(view.to_improve), no_consensus=len(view.no_consensus)
        ),
        points=points[:POINTS],
        points_more=_more(t, len(points), POINTS),
        since=since,
        colophon=colophon,
    )


def since_previous(
    old: Description, new: Description, *, framework: Framework, lang: str, t: dict[str, Any]
) -> Since:
    """What changed in the principles from the previous cycle ``old`` to ``new``."""
    changes = compare(
        old,
        new,
        old_side=side_info(old, spec="old", path="", commit=None),
        new_side=side_info(new, spec="new", path="", commit=None),
        framework=framework,
        lang=lang,
    )
    numbers = {p.principle.id: p.principle.number for p in changes.principles}
    kinds: dict[str, list[str]] = {"added": [], "removed": [], "changed": []}
    opened: list[str] = []
    resolved: list[str] = []
    for feature in changes.features():
        number = numbers.get(feature.principle)
        where = f"{feature.name} ({t['principle'].lower()} {number})" if number else feature.name
        kinds[feature.change].append(where)
        for point in feature.open_points:
            entry = f"{point.text} ({t['status'][point.status]})"
            (opened if point.change == "opened" else resolved).append(entry)
    found = [
        (t["since_added"], tuple(kinds["added"])),
        (t["since_removed"], tuple(kinds["removed"])),
        (t["since_changed"], tuple(kinds["changed"])),
        (t["since_resolved"], tuple(resolved)),
        (t["since_opened"], tuple(opened)),
    ]
    return Since(old.date.isoformat(), tuple((k, v) for k, v in found if v))
