"""Changes of list entries (effects, preconditions, outcomes, processes, groups, partners) and of
fields, shared by the comparison of features and of the rest of a description.

Lists of codes and ids compare as sets (``[J, S]`` is ``[S, J]``); texts compare with their
whitespace runs collapsed, so a re-wrapped text is unchanged.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from iwp_cli.diff.match import Pair
from iwp_cli.diff.model import EntryChange, FieldChange, FieldValue
from iwp_cli.diff.textdiff import word_diff

T = TypeVar("T")


def entry_changes(
    pairs: list[Pair[T]],
    *,
    text: Callable[[T], str],
    fields: Callable[[T], dict[str, FieldValue]],
    key: Callable[[T], str | None] = lambda _: None,
) -> tuple[EntryChange, ...]:
    """The changes of paired entries: added and removed ones whole, changed ones with their
    word diff and changed fields; unchanged ones left out."""
    changes = []
    for pair in pairs:
        if pair.old is None or pair.new is None:
            entry = pair.new if pair.new is not None else pair.old
            assert entry is not None
            changes.append(whole_entry(entry, pair.new is not None, text, fields, key))
            continue
        before, after = text(pair.old), text(pair.new)
        reworded = plain_text(before) != plain_text(after)
        changed = field_changes(fields(pair.old), fields(pair.new))
        if reworded or changed:
            changes.append(
                EntryChange(
                    "changed",
                    after,
                    key(pair.new),
                    old_text=before if reworded else None,
                    words=word_diff(plain_text(before), plain_text(after)) if reworded else (),
                    fields=changed,
                )
            )
    return tuple(changes)


def whole_entry(
    entry: T,
    added: bool,
    text: Callable[[T], str],
    fields: Callable[[T], dict[str, FieldValue]],
    key: Callable[[T], str | None],
) -> EntryChange:
    """An entry added or removed as a whole; its fields that have a value come along (as new
    values when added, old values when removed)."""
    values = [(name, value) for name, value in fields(entry).items() if value]
    if added:
        return EntryChange(
            "added",
            text(entry),
            key(entry),
            fields=tuple(FieldChange(n, None, v) for n, v in values),
        )
    return EntryChange(
        "removed", text(entry), key(entry), fields=tuple(FieldChange(n, v, None) for n, v in values)
    )


def field_changes(
    old: dict[str, FieldValue], new: dict[str, FieldValue]
) -> tuple[FieldChange, ...]:
    """Fields whose values differ; lists compare as sets, texts without whitespace runs."""
    return tuple(
        FieldChange(name, old[name], new[name])
        for name in old
        if _comparable(old[name]) != _comparable(new[name])
    )


def _comparable(value: FieldValue) -> object:
    if isinstance(value, tuple):
        return tuple(sorted(set(value)))
    return plain_text(value) if value else None


def plain_text(text: str) -> str:
    return " ".join(text.split())
