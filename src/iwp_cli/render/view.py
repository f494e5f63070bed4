"""The view model of a report: plain values that the templates show.

Everything a template needs is computed in Python (`iwp_cli.render.sections` and `.build`):
numbers and anchors of principles and features, the marks of open points, cross-references, the
check's counts and the figures. Templates only lay it out, so a user's template cannot get the
handbook wrong and needs no logic of its own. The values are dataclasses of text, numbers and
tuples, which is what templates may read (in the sandbox too). Nothing changes them once built,
and a template cannot assign to an attribute. Those a report has many of (principles, features,
entries, references, items, open points, findings) are not frozen: a frozen dataclass sets each
field through ``object.__setattr__`` and takes four times as long to make.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from iwp_cli.render.charts import CoverageRow
from iwp_cli.render.svg import Figure


@dataclass(slots=True)
class Entry:
    """An effect or a precondition: its text, the groups it holds for, and its open point."""

    text: str
    who: tuple[str, ...] = ()
    codes: str = ""
    status: str | None = None
    mark: str = ""
    note: str | None = None


@dataclass(slots=True)
class Ref:
    """A reference to a principle (``also``) or to a feature under another principle."""

    number: int | None
    title: str
    anchor: str
    name: str = ""


@dataclass(slots=True)
class FeatureView:
    """A kenmerk with its effects and preconditions; ``preconditions`` is None when they have not
    been considered yet (the key is absent) and empty for the handbook's "-"."""

    anchor: str
    name: str
    effects: tuple[Entry, ...]
    preconditions: tuple[Entry, ...] | None
    also: tuple[Ref, ...]
    aspect: str | None
    aspect_label: str
    supports: tuple[str, ...]
    status: str | None
    mark: str
    note: str | None


@dataclass(slots=True)
class PrincipleView:
    """A design principle with the features that give it shape in this IWP."""

    id: str
    number: int
    title: str
    definition: str
    anchor: str
    known: bool
    features: tuple[FeatureView, ...]
    also_here: tuple[Ref, ...]
    notes: str | None


@dataclass(slots=True)
class ItemView:
    """An outcome or a process; a process's ``yielded`` are the texts of the outcomes it
    ``yields`` (the id where no outcome has it), in the same order."""

    text: str
    id: str | None
    kind: str | None
    kind_label: str
    yields: tuple[str, ...] = ()
    yielded: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class OutcomeGroup:
    """One category of B. Opbrengsten."""

    key: str
    label: str
    items: tuple[ItemView, ...]


@dataclass(frozen=True, slots=True)
class GroupView:
    """A participant group."""

    code: str
    name: str
    level: str | None
    level_label: str
    roles: tuple[str, ...]
    characteristics: str | None
    effects: int


@dataclass(frozen=True, slots=True)
class Party:
    """A partner or a contact: name, what kind or which e-mail, role."""

    name: str
    kind: str | None
    role: str | None


@dataclass(frozen=True, slots=True)
class AspectGroup:
    """The features of one part of the Vormgeving."""

    key: str
    label: str
    features: tuple[Ref, ...]


@dataclass(slots=True)
class OpenPoint:
    """A ``to-improve`` or ``no-consensus`` status, with where it is."""

    status: str
    on: str
    on_label: str
    principle: int
    feature: str
    anchor: str
    text: str


@dataclass(slots=True)
class FindingView:
    """A finding of the check, in the report's language."""

    code: str
    severity: str
    severity_label: str
    line: int
    path: str
    message: str


@dataclass(frozen=True, slots=True)
class CheckView:
    """The description's own check: counts per severity and the findings."""

    errors: int
    warnings: int
    infos: int
    status: str
    summary: str
    findings: tuple[FindingView, ...]


@dataclass(frozen=True, slots=True)
class ReportView:
    """Everything a report shows. ``t`` holds the labels in ``lang``. ``audience`` is ``team``
    (the check, the file) or ``partners`` (neither; a summary, a logo and a colophon in
    ``extra``, an `iwp_cli.render.summary.PartnersView`)."""

    t: dict[str, Any]
    lang: str
    file: str
    name: str
    date: str
    framework: str
    tags: tuple[str, ...]
    partners: tuple[Party, ...]
    contacts: tuple[Party, ...]
    groups: tuple[GroupView, ...]
    groups_default: bool
    occasion: str
    context: str
    outcomes: tuple[OutcomeGroup, ...]
    processes: tuple[ItemView, ...]
    principles: tuple[PrincipleView, ...]
    aspects: tuple[AspectGroup, ...]
    to_improve: tuple[OpenPoint, ...]
    no_consensus: tuple[OpenPoint, ...]
    check: CheckView
    model: Figure
    coverage: Figure
    coverage_rows: tuple[tuple[PrincipleView, CoverageRow], ...]
    conjecture: Figure | None
    unlinked: int
    made_with: str
    index_href: str | None
    audience: str = "team"
    extra: Any = None
