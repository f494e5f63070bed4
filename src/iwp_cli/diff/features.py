"""Changes of one feature: renamed, moved, its effects and preconditions, its fields, and the
open points opened or resolved in it."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any, Literal

from iwp_cli.diff.census import open_points
from iwp_cli.diff.entries import entry_changes, field_changes, plain_text, whole_entry
from iwp_cli.diff.match import FeatureMatch, Located, Pair, pair_entries
from iwp_cli.diff.model import Carrier, FeatureChange, FieldChange, FieldValue, OpenPoint
from iwp_cli.model import Effect, Feature, Item, Precondition, Status


def feature_changes(matches: list[FeatureMatch]) -> dict[str, list[FeatureChange]]:
    """Feature changes grouped by the principle they are now under (removed: were under)."""
    grouped: dict[str, list[FeatureChange]] = {}
    for match in matches:
        change = _feature_change(match)
        if change is not None:
            grouped.setdefault(change.principle, []).append(change)
    return grouped


def _feature_change(match: FeatureMatch) -> FeatureChange | None:
    """What changed in one matched feature (None: nothing), or a feature added or removed."""
    if match.old is None or match.new is None:
        located = match.new or match.old
        assert located is not None
        return _whole_feature(located, added=match.new is not None)
    old, new = match.old.feature, match.new.feature
    effect_pairs = pair_entries(old.effects, new.effects, text=_text_of)
    precondition_pairs = pair_entries(
        old.preconditions or (), new.preconditions or (), text=_text_of
    )
    effects = entry_changes(effect_pairs, text=_text_of, fields=_effect_fields)
    preconditions = entry_changes(precondition_pairs, text=_text_of, fields=_precondition_fields)
    fields = list(field_changes(_feature_fields(old), _feature_fields(new)))
    if (old.preconditions is None) != (new.preconditions is None):
        fields.append(
            FieldChange(
                "preconditions", _considered(old.preconditions), _considered(new.preconditions)
            )
        )
    renamed = plain_text(old.name) != plain_text(new.name)
    moved = match.old.principle != match.new.principle
    points = (
        *_status_change("feature", old.status, new.status, new.name),
        *_entry_points("effect", effect_pairs),
        *_entry_points("precondition", precondition_pairs),
    )
    if not (renamed or moved or effects or preconditions or fields or points):
        return None
    return FeatureChange(
        "changed",
        new.name,
        match.new.principle,
        old_name=old.name if renamed else None,
        old_principle=match.old.principle if moved else None,
        similarity=match.score,
        effects=effects,
        preconditions=preconditions,
        fields=tuple(fields),
        open_points=points,
    )


def _whole_feature(located: Located, *, added: bool) -> FeatureChange:
    """A feature added or removed, with its effects, preconditions, fields (and whether its
    preconditions were considered, when it lists none) and open points."""
    feature = located.feature
    how: Literal["added", "removed"] = "added" if added else "removed"
    fields = _feature_fields(feature)
    if not feature.preconditions:
        fields["preconditions"] = _considered(feature.preconditions)
    return FeatureChange(
        how,
        feature.name,
        located.principle,
        effects=tuple(
            whole_entry(e, added, _text_of, _effect_fields, _no_key) for e in feature.effects
        ),
        preconditions=tuple(
            whole_entry(p, added, _text_of, _precondition_fields, _no_key)
            for p in feature.preconditions or ()
        ),
        fields=tuple(
            FieldChange(n, None, v) if added else FieldChange(n, v, None)
            for n, v in fields.items()
            if v
        ),
        open_points=tuple(_points_of(feature, "opened" if added else "resolved", how)),
    )


def _text_of(entry: Effect | Precondition | Item) -> str:
    return entry.text


def _no_key(_: object) -> None:
    return None


def _precondition_fields(precondition: Precondition) -> dict[str, FieldValue]:
    return {"note": precondition.note}


def _effect_fields(effect: Effect) -> dict[str, FieldValue]:
    return {"who": None if effect.who is None else tuple(effect.who), "note": effect.note}


def _feature_fields(feature: Feature) -> dict[str, FieldValue]:
    return {
        "aspect": feature.aspect.value if feature.aspect else None,
        "also": tuple(feature.also),
        "note": feature.note,
    }


def _considered(preconditions: Sequence[Precondition] | None) -> str:
    if preconditions is None:
        return "not-considered"
    return "listed" if preconditions else "none-needed"


def _points_of(
    feature: Feature,
    change: Literal["opened", "resolved"],
    reason: Literal["status", "added", "removed"],
) -> Iterator[OpenPoint]:
    for on, status, text in open_points(feature):
        yield OpenPoint(change, status.value, on, text, reason)


def _entry_points(on: Carrier, pairs: Sequence[Pair[Any]]) -> Iterator[OpenPoint]:
    """Open points of paired effects or preconditions: those that came or went with their
    entry, and statuses set or cleared on entries that stay."""
    for pair in pairs:
        entry: Any = pair.new if pair.new is not None else pair.old
        before: Status | None = pair.old.status if pair.old is not None else None
        after: Status | None = pair.new.status if pair.new is not None else None
        if pair.old is None and after is not None:
            yield OpenPoint("opened", after.value, on, entry.text, "added")
        elif pair.new is None and before is not None:
            yield OpenPoint("resolved", before.value, on, entry.text, "removed")
        else:
            yield from _status_change(on, before, after, entry.text)


def _status_change(
    on: Carrier, before: Status | None, after: Status | None, text: str
) -> Iterator[OpenPoint]:
    """A status cleared (resolved), set (opened), or replaced by the other one (both)."""
    if before == after:
        return
    if before is not None:
        yield OpenPoint("resolved", before.value, on, text, "status")
    if after is not None:
        yield OpenPoint("opened", after.value, on, text, "status")
