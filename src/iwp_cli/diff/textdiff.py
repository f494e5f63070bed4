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

from iwp_cli.diff import myers

#: Two paragraphs at least this similar (difflib ratio of their words) are one paragraph,
#: changed; less similar ones are one removed and one added.
PARAGRAPH_THRESHOLD = 0.5
#: How many new paragraphs an old one is compared with: the next ones still free.
PARAGRAPH_WINDOW = 16
#: An old paragraph this similar to the next free new one is that one; no further is looked at.
PARAGRAPH_SURE = 0.8
#: Below this similarity texts are unrelated; `similarity` does not measure further.
FLOOR = 0.3
#: Words of unchanged text kept on each side of a change when a diff is shown compactly.
CONTEXT_WORDS = 5
#: Above this many words a paragraph is aligned by Myers' algorithm rather than difflib.
LONG_WORDS = 2_000

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


def similarity(a: str, b: str, floor: float = FLOOR) -> float:
    """difflib's ratio of two (normalised) texts, from 0 to 1; 0 when difflib's quick upper
    bounds already show that they are less than ``floor`` (default `FLOOR`) alike, so that a
    caller that needs at least some similarity pays for the ratio only where it can reach it."""
    if a == b:
        return 1.0
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    if matcher.real_quick_ratio() < floor or matcher.quick_ratio() < floor:
        return 0.0
    return matcher.ratio()


def quick_bound(a: str, b: str) -> float:
    """An upper bound of `similarity`: difflib's quick ratio, which counts characters in
    common without aligning them (1.0 only for the same text)."""
    if a == b:
        return 1.0
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return min(matcher.real_quick_ratio(), matcher.quick_ratio())


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
    """The word diff of two one-paragraph texts, runs of the same kind merged.

    Beyond `LONG_WORDS` words (after the words both start and end with, set aside first), the
    words are aligned by Myers' algorithm (`iwp_cli.diff.myers`) instead of difflib, which
    needs minutes for a paragraph of 100,000 words; no real paragraph is that long."""
    a, b = old.split(), new.split()
    opcodes = _word_opcodes(a, b)
    runs: list[Words] = []
    for op, i1, i2, j1, j2 in _merged(opcodes):
        if op == "equal":
            runs.append(Words("equal", " ".join(a[i1:i2])))
            continue
        if i2 > i1:
            runs.append(Words("delete", " ".join(a[i1:i2])))
        if j2 > j1:
            runs.append(Words("insert", " ".join(b[j1:j2])))
    return tuple(runs)


def _word_opcodes(a: list[str], b: list[str]) -> list[tuple[str, int, int, int, int]]:
    """How ``a`` becomes ``b``, word by word: difflib for paragraphs of a normal length;
    for long ones the common start and end, then Myers (or, past its edit limit, one
    replacement)."""
    if max(len(a), len(b)) <= LONG_WORDS:
        matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
        return [(str(op), i1, i2, j1, j2) for op, i1, i2, j1, j2 in matcher.get_opcodes()]
    start = 0
    while start < min(len(a), len(b)) and a[start] == b[start]:
        start += 1
    end = 0
    while end < min(len(a), len(b)) - start and a[-1 - end] == b[-1 - end]:
        end += 1
    middle = myers.opcodes(a[start : len(a) - end], b[start : len(b) - end])
    if middle is None:
        middle = [("delete", 0, len(a) - end - start, 0, 0)]
        middle.append(
            ("insert", len(a) - end - start, len(a) - end - start, 0, len(b) - end - start)
        )
    codes = [("equal", 0, start, 0, start)]
    codes += [(op, i1 + start, i2 + start, j1 + start, j2 + start) for op, i1, i2, j1, j2 in middle]
    codes.append(("equal", len(a) - end, len(a), len(b) - end, len(b)))
    return codes


def _merged(
    opcodes: list[tuple[str, int, int, int, int]],
) -> list[tuple[str, int, int, int, int]]:
    """Opcodes with neighbouring runs of ``equal`` joined into one."""
    merged: list[tuple[str, int, int, int, int]] = []
    for code in opcodes:
        if merged and code[0] == "equal" == merged[-1][0]:
            merged[-1] = ("equal", merged[-1][1], code[2], merged[-1][3], code[4])
        elif code[1] != code[2] or code[3] != code[4]:
            merged.append(code)
    return merged


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
    """Paragraphs replaced by others: each old one paired, in order, with the most similar of
    the next `PARAGRAPH_WINDOW` new ones still free (at least `PARAGRAPH_THRESHOLD` alike by
    words; the first that is `PARAGRAPH_SURE` alike ends the search); the rest added or
    removed. The window keeps a text with thousands of changed paragraphs linear: pairs are
    kept in order, so a match further away is rarely the right one.
    """
    old_words = [normalise(text).split() for text in before]
    new_words = [normalise(text).split() for text in after]
    changes: list[Paragraph] = []
    j = 0
    for index, old in enumerate(before):
        best, found = 0.0, -1
        for k in range(j, min(len(after), j + PARAGRAPH_WINDOW)):
            score = _word_similarity(old_words[index], new_words[k])
            if score > best:
                best, found = score, k
            if score >= PARAGRAPH_SURE:
                break
        if best < PARAGRAPH_THRESHOLD:
            changes.append(Paragraph("removed", old, None))
            continue
        changes.extend(Paragraph("added", None, text) for text in after[j:found])
        changes.append(Paragraph("changed", old, after[found], word_diff(old, after[found])))
        j = found + 1
    changes.extend(Paragraph("added", None, text) for text in after[j:])
    return changes


def _word_similarity(before: list[str], after: list[str]) -> float:
    """difflib's ratio of two paragraphs' normalised words (for long ones, the same measure
    from Myers' alignment: twice the words kept over all words); 0 when difflib's quick upper
    bounds show it is below `PARAGRAPH_THRESHOLD`."""
    if max(len(before), len(after)) <= LONG_WORDS:
        matcher = difflib.SequenceMatcher(None, before, after)
        if matcher.real_quick_ratio() < PARAGRAPH_THRESHOLD:
            return 0.0
        if matcher.quick_ratio() < PARAGRAPH_THRESHOLD:
            return 0.0
        return matcher.ratio()
    kept = sum(i2 - i1 for op, i1, i2, _, _ in _word_opcodes(before, after) if op == "equal")
    return 2 * kept / (len(before) + len(after))


def _paragraphs(text: str) -> list[str]:
    return [" ".join(part.split()) for part in _BLANK_LINE.split(text.strip()) if part.strip()]
