"""Which old thing is which new thing: features across principles, and the entries of a list.

Texts are compared after `normalise` (case, whitespace, typographic quotes and trailing
punctuation do not count), and similarity is difflib's ratio of the normalised texts.

**Features** are matched in two rounds over all principles at once, so that a feature that moved
to another principle is found too:

1. the same name: an old and a new feature with the same normalised name are one feature (when a
   name occurs more than once, copies under the same principle pair first, then in file order);
2. similarity, among those left. A feature's similarity to another is the mean of the names'
   similarity and the contents' similarity: the larger of the share of effect and precondition
   texts the two have in common (Dice: twice the shared texts over all texts) and the similarity
   of all those texts joined in order; when neither has effects or preconditions, the names'
   similarity counts twice. A pair is a candidate
   when that mean is at least `MATCH_THRESHOLD` and the names are at least `NAME_FLOOR` alike:
   the same effects under a reworded name, or nearly the same name over partly rewritten effects.
   Two unrelated features with similar names ("Leren van elkaar", "Leren van rolmodel": names
   0.71, contents 0.31) stay apart. Candidates are taken best first (then the same principle,
   then file order), each feature at most once.

**Entries** (effects, preconditions, outcomes, processes, groups, partners) are matched by key
(an item's ``id``, a group's ``code``) when both have the same, then, among those left, by the same
normalised text, then by text similarity of at least `ENTRY_THRESHOLD`, best first.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from iwp_cli.diff.textdiff import normalise, similarity
from iwp_cli.model import Feature

#: Features at least this alike (mean of name and content similarity) are one feature.
MATCH_THRESHOLD = 0.65
#: Names less alike than this never make one feature, whatever the effects.
NAME_FLOOR = 0.3
#: Entries whose texts are at least this alike are one entry, reworded.
ENTRY_THRESHOLD = 0.6

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Located:
    """A feature with the principle it is listed under and its place in the file."""

    principle: str
    index: int
    feature: Feature


@dataclass(frozen=True, slots=True)
class FeatureMatch:
    """An old feature, a new one, or both when they are one feature; ``score`` is their
    similarity when matched by it (None for the same name, or when unmatched)."""

    old: Located | None
    new: Located | None
    score: float | None = None


@dataclass(frozen=True, slots=True)
class Pair(Generic[T]):
    """An old entry, a new one, or both (with their positions) when they are one entry."""

    old: T | None
    new: T | None
    old_index: int | None = None
    new_index: int | None = None


def match_features(old: Sequence[Located], new: Sequence[Located]) -> list[FeatureMatch]:
    """Pair old and new features (see the module's documentation). Matched and added features
    come in the new file's order, then the removed ones in the old file's order."""
    matched: dict[int, tuple[int, float | None]] = {}  # new position -> old position, score
    used: set[int] = set()
    old_names = [normalise(f.feature.name) for f in old]
    new_names = [normalise(f.feature.name) for f in new]
    for same_principle in (True, False):
        for j, item in enumerate(new):
            if j in matched:
                continue
            for i, previous in enumerate(old):
                if i in used or old_names[i] != new_names[j]:
                    continue
                if same_principle and previous.principle != item.principle:
                    continue
                matched[j] = (i, None)
                used.add(i)
                break
    candidates: list[tuple[float, int, int, int]] = []
    for j, item in enumerate(new):
        if j in matched:
            continue
        for i, previous in enumerate(old):
            if i in used:
                continue
            score = _feature_score(old_names[i], new_names[j], previous.feature, item.feature)
            if score is not None:
                elsewhere = int(previous.principle != item.principle)
                candidates.append((-score, elsewhere, j, i))
    for negative, _, j, i in sorted(candidates):
        if j not in matched and i not in used:
            matched[j] = (i, round(-negative, 2))
            used.add(i)
    result = [
        FeatureMatch(old[matched[j][0]], item, matched[j][1])
        if j in matched
        else FeatureMatch(None, item)
        for j, item in enumerate(new)
    ]
    result.extend(FeatureMatch(previous, None) for i, previous in enumerate(old) if i not in used)
    return result


def _feature_score(old_name: str, new_name: str, old: Feature, new: Feature) -> float | None:
    """The pair's similarity when it is a candidate, else None."""
    name = similarity(old_name, new_name)
    if name < NAME_FLOOR:
        return None
    before, after = _content(old), _content(new)
    if not before and not after:
        content = name
    else:
        shared = 2 * len(set(before) & set(after)) / (len(before) + len(after))
        content = max(shared, similarity(" | ".join(before), " | ".join(after)))
    score = (name + content) / 2
    return score if score >= MATCH_THRESHOLD else None


def _content(feature: Feature) -> list[str]:
    """The normalised texts of a feature's effects and preconditions, in order."""
    texts = [e.text for e in feature.effects] + [p.text for p in feature.preconditions or ()]
    return [normalise(text) for text in texts]


def pair_entries(
    old: Sequence[T],
    new: Sequence[T],
    *,
    text: Callable[[T], str],
    key: Callable[[T], str | None] = lambda _: None,
    threshold: float = ENTRY_THRESHOLD,
) -> list[Pair[T]]:
    """Pair old and new entries by key, same text, then similar text (best first). Matched and
    added entries come in the new order, then removed ones in the old order."""
    matched: dict[int, int] = {}
    used: set[int] = set()
    old_keys, new_keys = [key(e) for e in old], [key(e) for e in new]
    old_texts, new_texts = [normalise(text(e)) for e in old], [normalise(text(e)) for e in new]
    for by_key in (True, False):
        for j in range(len(new)):
            for i in range(len(old)):
                if j in matched or i in used:
                    continue
                if by_key:
                    same = old_keys[i] is not None and old_keys[i] == new_keys[j]
                else:
                    same = old_texts[i] == new_texts[j]
                if same:
                    matched[j] = i
                    used.add(i)
    candidates = []
    for j in range(len(new)):
        for i in range(len(old)):
            if j in matched or i in used:
                continue
            score = similarity(old_texts[i], new_texts[j])
            if score >= threshold:
                candidates.append((-score, j, i))
    for _, j, i in sorted(candidates):
        if j not in matched and i not in used:
            matched[j] = i
            used.add(i)
    pairs = [
        Pair(old[matched[j]], entry, matched[j], j) if j in matched else Pair(None, entry, None, j)
        for j, entry in enumerate(new)
    ]
    pairs.extend(Pair(entry, None, i, None) for i, entry in enumerate(old) if i not in used)
    return pairs
