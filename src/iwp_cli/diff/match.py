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
   then file order), each feature at most once. Only pairs that share a rare word are scored
   when there are many (`iwp_cli.diff.candidates`), and each ratio only where difflib's quick
   upper bounds show it can still make a candidate, and only once the pair comes first with
   both its features still free; the scores themselves are exact.

**Entries** (effects, preconditions, outcomes, processes, groups, partners) are matched by key
(an item's ``id``, a group's ``code``) when both have the same, then, among those left, by the same
normalised text, then by text similarity of at least `ENTRY_THRESHOLD`, best first.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from iwp_cli.diff.candidates import candidate_pairs, words
from iwp_cli.diff.textdiff import FLOOR, normalise, quick_bound, similarity
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
    before = [_Side.of(f.feature) for f in old]
    after = [_Side.of(f.feature) for f in new]
    by_name: dict[str, list[int]] = {}
    for i, side in enumerate(before):
        by_name.setdefault(side.name, []).append(i)
    for same_principle in (True, False):
        for j, item in enumerate(new):
            if j in matched:
                continue
            for i in by_name.get(after[j].name, ()):
                if i in used or (same_principle and old[i].principle != item.principle):
                    continue
                matched[j] = (i, None)
                used.add(i)
                break
    left_old = [i for i in range(len(old)) if i not in used]
    left_new = [j for j in range(len(new)) if j not in matched]
    # Best first, lazily: each candidate enters with an upper bound of its score (or the score
    # itself when that is cheap), and its exact score is computed only when it comes first and
    # both its features are still free. The pairs taken are those of sorting all exact scores.
    heap: list[tuple[float, int, int, int, bool]] = []
    pairs = candidate_pairs([before[i].words for i in left_old], [after[j].words for j in left_new])
    for a, b in pairs:
        i, j = left_old[a], left_new[b]
        bound = _feature_bound(before[i], after[j])
        if bound is not None:
            elsewhere = int(old[i].principle != new[j].principle)
            heap.append((-bound[0], elsewhere, j, i, bound[1]))
    heapq.heapify(heap)
    known: dict[tuple[str, str, float], float] = {}  # features often share whole contents
    while heap:
        negative, elsewhere, j, i, exact = heapq.heappop(heap)
        if j in matched or i in used:
            continue
        if not exact:
            score = _feature_score(before[i], after[j], known)
            if score is not None:
                heapq.heappush(heap, (-score, elsewhere, j, i, True))
            continue
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


@dataclass(frozen=True, slots=True)
class _Side:
    """What matching compares of a feature, made once: its normalised name, the normalised
    texts of its effects and preconditions (in order, as a set, joined) and its words."""

    name: str
    content: tuple[str, ...]
    content_set: frozenset[str]
    joined: str
    words: frozenset[str]

    @classmethod
    def of(cls, feature: Feature) -> _Side:
        name = normalise(feature.name)
        content = tuple(_content(feature))
        joined = " | ".join(content)
        return cls(name, content, frozenset(content), joined, words(f"{name} {joined}"))


def _feature_score(
    old: _Side, new: _Side, known: dict[tuple[str, str, float], float]
) -> float | None:
    """The pair's similarity when it is a candidate, else None. Each ratio is computed only
    where difflib's quick upper bounds show that it can still decide the outcome."""
    name = similarity(old.name, new.name, NAME_FLOOR)
    if name < NAME_FLOOR:
        return None
    if not old.content and not new.content:
        content = name
    else:
        shared = 2 * len(old.content_set & new.content_set) / (len(old.content) + len(new.content))
        needed = 2 * MATCH_THRESHOLD - name  # what the content must reach for a candidate
        if needed > 1:
            return None
        # Below `needed` the ratio cannot make a candidate; below `shared` it does not count.
        floor = max(FLOOR, shared if shared >= needed else needed)
        asked = (old.joined, new.joined, floor)
        if asked not in known:
            known[asked] = similarity(old.joined, new.joined, floor)
        content = max(shared, known[asked])
    score = (name + content) / 2
    return score if score >= MATCH_THRESHOLD else None


def _feature_bound(old: _Side, new: _Side) -> tuple[float, bool] | None:
    """An upper bound of the pair's score and whether it is the score itself; None when the
    pair cannot be a candidate. It costs the names' ratio and difflib's quick bounds of the
    contents, not the contents' ratio (see `_feature_score`, which it bounds)."""
    name = similarity(old.name, new.name, NAME_FLOOR)
    if name < NAME_FLOOR:
        return None
    if not old.content and not new.content:
        return (name, True) if name >= MATCH_THRESHOLD else None
    shared = 2 * len(old.content_set & new.content_set) / (len(old.content) + len(new.content))
    needed = 2 * MATCH_THRESHOLD - name
    if needed > 1:
        return None
    floor = max(FLOOR, shared if shared >= needed else needed)
    upper = quick_bound(old.joined, new.joined)
    same = old.joined == new.joined
    content, exact = (shared, True) if upper < floor else (max(shared, upper), same)
    score = (name + content) / 2
    return (score, exact) if score >= MATCH_THRESHOLD else None


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
        index: dict[str | None, list[int]] = {}
        for i in range(len(old)):
            if i not in used and (not by_key or old_keys[i] is not None):
                index.setdefault(old_keys[i] if by_key else old_texts[i], []).append(i)
        for j in range(len(new)):
            if j in matched:
                continue
            wanted = new_keys[j] if by_key else new_texts[j]
            if by_key and wanted is None:
                continue
            for i in index.get(wanted, ()):
                if i not in used:
                    matched[j] = i
                    used.add(i)
                    break
    left_old = [i for i in range(len(old)) if i not in used]
    left_new = [j for j in range(len(new)) if j not in matched]
    candidates = []
    found = candidate_pairs(
        [words(old_texts[i]) for i in left_old], [words(new_texts[j]) for j in left_new]
    )
    for a, b in found:
        i, j = left_old[a], left_new[b]
        score = similarity(old_texts[i], new_texts[j], max(threshold, FLOOR))
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
