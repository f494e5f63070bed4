"""Text diffs for the long texts (A. Uitgangspunten, notes, outcomes): paragraphs, then words.

A text is split into paragraphs at blank lines. Paragraphs are aligned with difflib; a paragraph
that is only partly rewritten becomes a word diff, others are added or removed whole. Whitespace
inside a paragraph does not count (a re-wrapped paragraph is unchanged).
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass
from typing import Literal

#: Two paragraphs at least this similar (difflib ratio of their words) are one paragraph,
#: changed; less similar ones are one removed and one added.
PARAGRAPH_THRESHOLD = 0.5
#: Below this similarity texts are unrelated; `similarity` does not measure further.
FLOOR = 0.3
#: Words of unchanged text kept on each side of a change when a diff is shown compactly.
CONTEXT_WORDS = 5

_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"})

WordOp = Literal["equal", "delete", "insert"]


@dataclass(frozen=True, slots=True)
class Words:
    """A run of words in a word diff: unchanged (``equal``), only old (``delete``) or only new
    (``insert``)."""

    op: WordOp
    text: str


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One paragraph's change: ``added`` (only ``new``), ``removed`` (only ``old``) or
    ``changed`` (both, with the word diff in ``words``)."""

    op: Literal["added", "removed", "changed"]
    old: str | None
    new: str | None
    words: tuple[Words, ...] = ()


def normalise(text: str) -> str:
    """``text`` for comparing: Unicode-normalised, case-folded, typographic quotes and dashes
    made plain, whitespace collapsed, trailing punctuation dropped."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES).casefold()
    return " ".join(text.split()).rstrip(" .;:,")


def similarity(a: str, b: str) -> float:
    """difflib's ratio of two (normalised) texts, from 0 to 1; 0 when difflib's quick upper
    bounds already show that they are less than `FLOOR` alike."""
    if a == b:
        return 1.0
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    if matcher.real_quick_ratio() < FLOOR or matcher.quick_ratio() < FLOOR:
        return 0.0
    return matcher.ratio()


def same_text(a: str | None, b: str | None) -> bool:
    """Whether two texts say the same, whitespace apart (paragraph breaks count)."""
    return _paragraphs(a or "") == _paragraphs(b or "")


def text_diff(old: str | None, new: str | None) -> tuple[Paragraph, ...]:
    """The changed paragraphs between ``old`` and ``new``; empty when they say the same."""
    before, after = _paragraphs(old or ""), _paragraphs(new or "")
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    changes: list[Paragraph] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        changes.extend(_pair_paragraphs(before[i1:i2], after[j1:j2]))
    return tuple(changes)


def word_diff(old: str, new: str) -> tuple[Words, ...]:
    """The word diff of two one-paragraph texts, runs of the same kind merged."""
    a, b = old.split(), new.split()
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    runs: list[Words] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            runs.append(Words("equal", " ".join(a[i1:i2])))
            continue
        if i2 > i1:
            runs.append(Words("delete", " ".join(a[i1:i2])))
        if j2 > j1:
            runs.append(Words("insert", " ".join(b[j1:j2])))
    return tuple(runs)


def compact(words: tuple[Words, ...], context: int = CONTEXT_WORDS) -> tuple[Words, ...]:
    """``words`` with long unchanged runs cut to ``context`` words around each change ("…")."""
    result: list[Words] = []
    last = len(words) - 1
    for index, run in enumerate(words):
        if run.op != "equal":
            result.append(run)
            continue
        parts = run.text.split()
        keep_head = context if index > 0 else 0
        keep_tail = context if index < last else 0
        if len(parts) <= keep_head + keep_tail + 1:
            result.append(run)
            continue
        head = " ".join(parts[:keep_head])
        tail = " ".join(parts[len(parts) - keep_tail :]) if keep_tail else ""
        result.append(Words("equal", " ".join(p for p in (head, "…", tail) if p)))
    return tuple(result)


def _pair_paragraphs(before: list[str], after: list[str]) -> list[Paragraph]:
    """Paragraphs replaced by others: each old one paired, in order, with the most similar new
    one still free (at least `PARAGRAPH_THRESHOLD` alike by words); the rest added or removed."""
    changes: list[Paragraph] = []
    j = 0
    for old in before:
        scores = [(_word_similarity(old, after[k]), -k) for k in range(j, len(after))]
        best = max(scores, default=(0.0, 0))
        if best[0] < PARAGRAPH_THRESHOLD:
            changes.append(Paragraph("removed", old, None))
            continue
        found = -best[1]
        changes.extend(Paragraph("added", None, text) for text in after[j:found])
        changes.append(Paragraph("changed", old, after[found], word_diff(old, after[found])))
        j = found + 1
    changes.extend(Paragraph("added", None, text) for text in after[j:])
    return changes


def _word_similarity(a: str, b: str) -> float:
    """difflib's ratio of two paragraphs' normalised words."""
    matcher = difflib.SequenceMatcher(None, normalise(a).split(), normalise(b).split())
    return matcher.ratio()


def _paragraphs(text: str) -> list[str]:
    return [" ".join(part.split()) for part in _BLANK_LINE.split(text.strip()) if part.strip()]
