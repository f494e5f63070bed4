"""Which old × new pairs are worth comparing: token blocking for large comparisons.

Scoring every old entry against every new one with difflib costs a ratio per pair: 2,000 features
a side were 4 million ratios, minutes of work. Two texts that are alike enough to be paired share
words, and they share the words that are rare among all texts (a feature's own words, not
"de", "en" or a word every feature has). So each text is indexed by its `RAREST` rarest words
(prefix filtering), and only pairs that share one of them are compared; a word that more than
`MAX_POSTING` texts have is no evidence and is not indexed.

Small comparisons (at most `ALL_PAIRS` pairs, which is every real description) skip the
blocking and compare every pair, so their result is exactly what it always was. The scores of
the pairs that are compared are never approximated: blocking only decides which pairs to score.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence

#: Up to this many pairs, every pair is compared.
ALL_PAIRS = 40_000
#: How many of a text's rarest words index it.
RAREST = 2
#: A word in more texts than this says nothing about which two belong together.
MAX_POSTING = 50

_WORD = re.compile(r"\w+")


def words(text: str) -> frozenset[str]:
    """The words of a normalised text: runs of letters and digits (a frequent one, such as
    "a", indexes nothing: see `MAX_POSTING`)."""
    return frozenset(_WORD.findall(text))


def candidate_pairs(
    old: Sequence[frozenset[str]], new: Sequence[frozenset[str]]
) -> Iterator[tuple[int, int]]:
    """Pairs ``(i, j)`` of old and new texts (given as their `words`) worth scoring, each
    once, by ``j`` then ``i``: every pair when there are few, else those sharing a rare word."""
    if len(old) * len(new) <= ALL_PAIRS:
        for j in range(len(new)):
            for i in range(len(old)):
                yield i, j
        return
    frequency = Counter(w for texts in (old, new) for text in texts for w in text)

    def rarest(text: frozenset[str]) -> list[str]:
        usable = [w for w in text if frequency[w] <= MAX_POSTING]
        return sorted(usable, key=lambda w: (frequency[w], w))[:RAREST]

    index: defaultdict[str, list[int]] = defaultdict(list)
    for i, text in enumerate(old):
        for word in rarest(text):
            index[word].append(i)
    for j, text in enumerate(new):
        found: set[int] = set()
        for word in rarest(text):
            found.update(index.get(word, ()))
        for i in sorted(found):
            yield i, j
