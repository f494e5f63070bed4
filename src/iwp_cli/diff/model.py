"""The value `iwp diff` computes: what changed between two descriptions, as plain dataclasses.

No printing here. The reporters (`report_text`, `report_md`, `report_json`) turn these values into
text; the JSON report writes them field by field, so their names are the documented schema
(docs/diff-json.md).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

from iwp_cli.diff.textdiff import Paragraph, Words

Change = Literal["added", "removed", "changed"]
#: What carries an open point.
Carrier = Literal["feature", "effect", "precondition"]
#: What a field holds: text, a list of words (codes, ids), or nothing.
FieldValue = str | tuple[str, ...] | None


@dataclass(frozen=True, slots=True)
class SideInfo:
    """One side as the user named it, and what it is.

    Attributes:
        spec: ``PATH`` or ``REV:PATH`` as given.
        path: The file (relative to the repository's root when read from git).
        commit: The commit for ``REV:PATH``; None for a file on disk or the index.
        name: The description's ``name``.
        date: The description's ``date`` (ISO).
        language: The description's ``language``.
    """

    spec: str
    path: str
    commit: str | None
    name: str
    date: str
    language: str


@dataclass(frozen=True, slots=True)
class FieldChange:
    """A field with another value: ``old`` and ``new`` (None: absent)."""

    field: str
    old: FieldValue
    new: FieldValue


@dataclass(frozen=True, slots=True)
class TextChange:
    """A long text (a starting point, a principle's notes) rewritten, paragraph by paragraph."""

    field: str
    old: str | None
    new: str | None
    paragraphs: tuple[Paragraph, ...]


@dataclass(frozen=True, slots=True)
class EntryChange:
    """An effect, precondition, outcome, process, participant group, partner or contact that was
    added, removed or changed.

    Attributes:
        change: ``added``, ``removed`` or ``changed``.
        text: Its text (the new one; the old one when removed). For a participant group
            ``CODE: name``; for a partner or contact its name.
        key: The ``id`` or participant ``code`` it was matched by, if any.
        old_text: The old text when the text itself changed, else None.
        words: The word diff of the text when it changed.
        fields: Its other fields that changed (``who``, ``status``, ``kind``, ``yields`` …).
    """

    change: Change
    text: str
    key: str | None = None
    old_text: str | None = None
    words: tuple[Words, ...] = ()
    fields: tuple[FieldChange, ...] = ()


@dataclass(frozen=True, slots=True)
class OpenPoint:
    """An open point (``status``) that was opened or resolved.

    Attributes:
        change: ``opened`` or ``resolved``.
        status: ``to-improve`` or ``no-consensus``.
        on: What carries it: ``feature``, ``effect`` or ``precondition``.
        text: The feature's name or the item's text.
        reason: ``status`` when the status was set or cleared on something that stays, ``added``
            or ``removed`` when it came or went with its feature, effect or precondition.
    """

    change: Literal["opened", "resolved"]
    status: str
    on: Carrier
    text: str
    reason: Literal["status", "added", "removed"]


@dataclass(frozen=True, slots=True)
class FeatureChange:
    """A feature (kenmerk) that was added, removed, renamed, moved or changed.

    Attributes:
        change: ``added``, ``removed`` or ``changed`` (renamed and moved features are changed).
        name: Its name (the new one; the old one when removed).
        principle: The principle it is under (the old one when removed).
        old_name: The old name when it was renamed, else None.
        old_principle: The principle it came from when it moved, else None.
        similarity: How alike the old and new feature are (0-1) when they were matched by
            similarity rather than by the same name; else None.
        effects: Effects added, removed or changed.
        preconditions: Preconditions added, removed or changed.
        fields: Other changes: ``aspect``, ``also``, ``status``, ``note``, and ``preconditions``
            when it went from "not yet considered" (None) to "none needed" (``[]``) or back.
        open_points: Open points opened or resolved in this feature.
    """

    change: Change
    name: str
    principle: str
    old_name: str | None = None
    old_principle: str | None = None
    similarity: float | None = None
    effects: tuple[EntryChange, ...] = ()
    preconditions: tuple[EntryChange, ...] = ()
    fields: tuple[FieldChange, ...] = ()
    open_points: tuple[OpenPoint, ...] = ()


@dataclass(frozen=True, slots=True)
class Coverage:
    """How one description addresses one principle.

    Attributes:
        features: Features listed under the principle.
        also: Features of other principles that name it in ``also``.
        to_improve: ``to-improve`` statuses in its features (on features, effects, preconditions).
        no_consensus: ``no-consensus`` statuses, likewise.
    """

    features: int = 0
    also: int = 0
    to_improve: int = 0
    no_consensus: int = 0

    @property
    def open_points(self) -> int:
        return self.to_improve + self.no_consensus


@dataclass(frozen=True, slots=True)
class Principle:
    """A principle as reports name it: its id, number in the framework and title."""

    id: str
    number: int | None
    title: str


@dataclass(frozen=True, slots=True)
class PrincipleDiff:
    """What changed under one principle.

    Attributes:
        principle: Which one.
        features: Features that changed and are now under it (removed ones: were under it).
        moved_out: Features that moved from it to another principle (also listed there).
        notes: The principle's ``notes`` rewritten, if they were.
        old: Its coverage before.
        new: Its coverage after.
    """

    principle: Principle
    features: tuple[FeatureChange, ...]
    moved_out: tuple[FeatureChange, ...]
    notes: TextChange | None
    old: Coverage
    new: Coverage

    @property
    def changed(self) -> bool:
        return bool(self.features or self.moved_out or self.notes)


@dataclass(frozen=True, slots=True)
class LinkChange:
    """A link of the conjecture map added or removed: a feature ``supports`` a process, or a
    process ``yields`` an outcome. ``source`` is the feature's (new) name or the process's id."""

    change: Literal["added", "removed"]
    kind: Literal["supports", "yields"]
    source: str
    target: str


@dataclass(frozen=True, slots=True)
class Changes:
    """Everything that changed from ``old`` to ``new``: two cycles of one IWP.

    Attributes:
        old, new: The sides.
        general: ``name``, ``date``, ``language``, ``framework`` and ``tags``.
        starting_points: A. ``occasion`` and ``context`` rewritten.
        outcomes: B. per category (``products``, ``development``, ``sustainability``).
        processes: C.
        participants, partners, contacts: Entries added, removed or changed.
        links: The conjecture map's links added or removed.
        principles: Every principle, in the framework's order (changed or not: the summary
            needs each one's coverage).
    """

    old: SideInfo
    new: SideInfo
    general: tuple[FieldChange, ...] = ()
    starting_points: tuple[TextChange, ...] = ()
    outcomes: tuple[tuple[str, tuple[EntryChange, ...]], ...] = ()
    processes: tuple[EntryChange, ...] = ()
    participants: tuple[EntryChange, ...] = ()
    partners: tuple[EntryChange, ...] = ()
    contacts: tuple[EntryChange, ...] = ()
    links: tuple[LinkChange, ...] = ()
    principles: tuple[PrincipleDiff, ...] = field(default_factory=tuple)

    @property
    def equal(self) -> bool:
        """Whether the two descriptions say the same (comments and layout aside)."""
        return not (
            self.general
            or self.starting_points
            or any(entries for _, entries in self.outcomes)
            or self.processes
            or self.participants
            or self.partners
            or self.contacts
            or self.links
            or any(p.changed for p in self.principles)
        )

    def features(self) -> list[FeatureChange]:
        """Every feature change, in the principles' order."""
        return [f for p in self.principles for f in p.features]

    def counts(self) -> dict[str, int]:
        """How many features were added, removed, changed (of which renamed, moved), and how
        many open points were resolved and opened."""
        features = self.features()
        points = [point for feature in features for point in feature.open_points]
        return {
            "added": sum(f.change == "added" for f in features),
            "removed": sum(f.change == "removed" for f in features),
            "changed": sum(f.change == "changed" for f in features),
            "renamed": sum(f.old_name is not None for f in features),
            "moved": sum(f.old_principle is not None for f in features),
            "resolved": sum(p.change == "resolved" for p in points),
            "opened": sum(p.change == "opened" for p in points),
        }

    def totals(self) -> tuple[Coverage, Coverage]:
        """The coverage of all principles together, before and after."""
        return total(p.old for p in self.principles), total(p.new for p in self.principles)


def total(coverages: Iterable[Coverage]) -> Coverage:
    """The sum of several coverages."""
    items = list(coverages)
    return Coverage(
        features=sum(c.features for c in items),
        also=sum(c.also for c in items),
        to_improve=sum(c.to_improve for c in items),
        no_consensus=sum(c.no_consensus for c in items),
    )
