"""Compare two cycles of one IWP: build the `Changes` value, principle by principle.

What counts as a change is what the description says: comments, layout, key order, the order of
features and list entries, the order of codes in ``who``, ``also``, ``tags``, ``supports`` and
``yields``, whitespace inside a text and ``x-`` keys do not. A ``status`` that appears or
disappears is reported once, as an open point opened or resolved, not also as a changed field.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from iwp_cli.diff.census import coverage, principle_order
from iwp_cli.diff.entries import entry_changes, field_changes
from iwp_cli.diff.features import feature_changes
from iwp_cli.diff.match import FeatureMatch, Located, match_features, pair_entries
from iwp_cli.diff.model import (
    Changes,
    Coverage,
    EntryChange,
    FieldValue,
    LinkChange,
    PrincipleDiff,
    SideInfo,
    TextChange,
)
from iwp_cli.diff.textdiff import text_diff
from iwp_cli.framework import Framework
from iwp_cli.model import Description, Item

OUTCOME_CATEGORIES = ("products", "development", "sustainability")
#: A link of the conjecture map: kind, source, target.
Edge = tuple[Literal["supports", "yields"], str, str]


def compare(
    old: Description,
    new: Description,
    *,
    old_side: SideInfo,
    new_side: SideInfo,
    framework: Framework,
    lang: str,
) -> Changes:
    """What changed from ``old`` to ``new``, with principles in ``framework``'s order and their
    titles in ``lang``."""
    matches = match_features(_located(old), _located(new))
    by_principle = feature_changes(matches)
    old_cov, new_cov = coverage(old), coverage(new)
    principles = []
    for principle in principle_order(framework, lang, old, new):
        old_entry, new_entry = old.principles.get(principle.id), new.principles.get(principle.id)
        notes = _text(
            "notes",
            old_entry.notes if old_entry is not None else None,
            new_entry.notes if new_entry is not None else None,
        )
        landed = by_principle.get(principle.id, [])
        principles.append(
            PrincipleDiff(
                principle=principle,
                features=tuple(landed),
                moved_out=tuple(
                    f for p in by_principle.values() for f in p if f.old_principle == principle.id
                ),
                notes=notes,
                old=old_cov.get(principle.id, Coverage()),
                new=new_cov.get(principle.id, Coverage()),
            )
        )
    starting = (
        _text(name, getattr(old.starting_points, name), getattr(new.starting_points, name))
        for name in ("occasion", "context")
    )
    return Changes(
        old=old_side,
        new=new_side,
        general=field_changes(_general(old), _general(new)),
        starting_points=tuple(t for t in starting if t is not None),
        outcomes=tuple(
            (c, _items(getattr(old.outcomes, c), getattr(new.outcomes, c)))
            for c in OUTCOME_CATEGORIES
        ),
        processes=_items(old.processes, new.processes),
        participants=entry_changes(
            pair_entries(old.groups, new.groups, text=lambda g: g.name, key=lambda g: g.code),
            text=lambda g: f"{g.code}: {g.name}",
            fields=lambda g: {
                "level": g.level.value if g.level else None,
                "roles": tuple(g.roles),
                "characteristics": g.characteristics,
            },
        ),
        partners=entry_changes(
            pair_entries(old.partners, new.partners, text=lambda p: p.name),
            text=lambda p: p.name,
            fields=lambda p: {"type": p.type.value if p.type else None, "role": p.role},
        ),
        contacts=entry_changes(
            pair_entries(old.contacts, new.contacts, text=lambda c: c.name),
            text=lambda c: c.name,
            fields=lambda c: {"email": c.email, "role": c.role},
        ),
        links=_links(old, new, matches),
        principles=tuple(principles),
    )


def _located(description: Description) -> list[Located]:
    return [
        Located(principle_id, index, feature)
        for principle_id, entry in description.principles.items()
        for index, feature in enumerate(entry.features)
    ]


def _general(description: Description) -> dict[str, FieldValue]:
    return {
        "name": description.name,
        "date": description.date.isoformat(),
        "language": description.language.value,
        "framework": description.framework,
        "tags": tuple(description.tags),
    }


def _text(name: str, old: str | None, new: str | None) -> TextChange | None:
    paragraphs = text_diff(old, new)
    return TextChange(name, old, new, paragraphs) if paragraphs else None


def _items(old: Sequence[Item], new: Sequence[Item]) -> tuple[EntryChange, ...]:
    """Outcomes or processes, matched by id, then text (a process's ``yields`` are links)."""

    def fields(item: Item) -> dict[str, FieldValue]:
        kind = getattr(item, "kind", None)
        return {"id": item.id, "kind": kind.value if kind else None}

    pairs = pair_entries(old, new, text=lambda i: i.text, key=lambda i: i.id)
    return entry_changes(pairs, text=lambda i: i.text, fields=fields, key=lambda i: i.id)


def _links(
    old: Description, new: Description, matches: list[FeatureMatch]
) -> tuple[LinkChange, ...]:
    """Links added and removed; an old feature's links count under its new name."""
    renamed = {
        (m.old.principle, m.old.index): m.new.feature.name
        for m in matches
        if m.old is not None and m.new is not None
    }

    def edges(description: Description, names: dict[tuple[str, int], str]) -> list[Edge]:
        found: list[Edge] = [
            ("supports", names.get((f.principle, f.index), f.feature.name), target)
            for f in _located(description)
            for target in f.feature.supports
        ]
        found += [("yields", p.id or p.text, t) for p in description.processes for t in p.yields]
        return list(dict.fromkeys(found))

    before, after = edges(old, renamed), edges(new, {})
    added = [LinkChange("added", *edge) for edge in after if edge not in before]
    removed = [LinkChange("removed", *edge) for edge in before if edge not in after]
    return tuple(added + removed)
