"""The handbook's notation: what "(J)", "(J,S)", "(nog verbeteren)", "– geen consensus" and "-"
mean in a table cell, a bullet or a plain-text effect.

One module for every front end: the Markdown reader parses cells and bullets with it, the YAML
loader parses plain-text effects and preconditions with it, and the Markdown writer asks it
whether a text reads back as written. The words come from ``data/notation.yaml``.

A *part* is one effect, precondition, feature name or item. Its marks stand at its end:

- who (effects only): participant codes in parentheses, ``(J)``, ``(J,S)``, ``(J+S)``; only
  defined codes count, so ``(potentiële)`` stays text. One mark at the end leaves the text; with
  several marks (``experts (J) en (potentiële) opdrachtgevers (S)``) the text keeps them and the
  effect gets every code named. ``(?)`` says "not attributed", ``(-)`` "no group";
- open points: ``(nog verbeteren)``, ``(geen consensus)``, ``– geen consensus``, and the
  handbook's ``(S nog niet duidelijk hoe dit te realiseren)``; words after them are the note;
- keyword marks: ``(noot: …)``, ``(ook principe 2)``, ``(aspect: cultuur)``, ``(soort: advies)``,
  ``(id: …)``, ``(levert op: …)``, ``(ondersteunt: …)``, ``(wie: …)``.

A backslash makes any of ``\\ ( ) ; | < - – —`` plain text, as in Markdown.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from iwp_cli.notation.text import (
    ESCAPABLE,
    breaks,
    mask,
    split_parts,
    split_values,
    strip_comments,
    unescape,
)
from iwp_cli.notation.words import (
    also_pattern,
    fold,
    keyword_pattern,
    status_patterns,
    value_words,
    vocabulary,
)

EFFECT = "effect"
PRECONDITION = "precondition"
FEATURE = "feature"
ITEM = "item"

_GROUP = re.compile(r"\(([^()]*)\)")
_TRAILING_GROUP = re.compile(r"\(([^()]*)\)[ \t]*\Z")
_CODE_SHAPE = re.compile(r"[A-Za-z][A-Za-z0-9]{0,9}\Z")
_SINGLE_LETTER = re.compile(r"[A-Z]\Z")
_CODE_SPLIT = re.compile(r"\s*[,+/&]\s*|\s+")
_DASHES = frozenset("-–—")


@dataclass(slots=True)
class Parsed:
    """One part read with the notation.

    Attributes:
        text: The part's own text, marks removed, escapes resolved.
        offset: Where that text starts in the part's source.
        values: What the marks say, by key of the format (``who``, ``status``, ``note`` …).
        offsets: Where the mark of each key starts in the part's source.
        open_dash: The open point stood after a dash, with no words after it (the handbook's
            "– geen consensus" behind contradicting effects).
        no_carry: ``(?)`` was written: not attributed, and the next mark does not reach back.
    """

    text: str
    offset: int
    values: dict[str, Any] = field(default_factory=dict)
    offsets: dict[str, int] = field(default_factory=dict)
    open_dash: bool = False
    no_carry: bool = False


@dataclass(frozen=True, slots=True)
class Context:
    """What the notation needs to know of the description.

    Attributes:
        codes: The participant codes defined (J and S when none are).
        principle: Turns a principle reference (number, title or id) into its id.
    """

    codes: frozenset[str] = frozenset({"J", "S"})
    principle: Callable[[str], str] = str


def _codes_in(content: str, context: Context) -> list[str] | None:
    """The codes of a who mark such as ``J,S`` or ``J + S``; None when it is no mark."""
    tokens = [token for token in _CODE_SPLIT.split(content.strip()) if token]
    if not tokens:
        return None
    if all(token in context.codes for token in tokens):
        return tokens
    shaped = all(_CODE_SHAPE.match(token) for token in tokens)
    if shaped and any(token in context.codes for token in tokens):
        return tokens  # a mark with a code that is not defined: IWP204 says so
    if len(tokens) == 1 and _SINGLE_LETTER.match(tokens[0]):
        return tokens
    return None


def _keyword(content: str, kind: str, context: Context) -> tuple[str, Any] | None:
    also = also_pattern().match(content.strip())
    if also is not None:
        return "also", [context.principle(value) for value in _principles(also.group(1))]
    pattern, key_of = keyword_pattern()
    match = pattern.match(content.strip())
    if match is None:
        return None
    key, raw = key_of[fold(match.group(1))], unescape(match.group(2)).strip()
    if key in ("who", "supports", "yields"):
        return key, split_values(raw)
    if key == "also":
        return key, [context.principle(value) for value in _principles(raw)]
    if key in ("kind", "aspect"):
        return key, value_words()[key].get(fold(raw), raw)
    return key, raw


def _principles(text: str) -> list[str]:
    return [_principle_word().sub("", value) for value in split_values(text)]


@cache
def _principle_word() -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in vocabulary()["principle_words"])
    return re.compile(rf"^(?:{words})\s+", re.IGNORECASE)


def parse_part(source: str, kind: str, context: Context) -> Parsed:
    """Read one part: its text and what its marks say."""
    hidden = mask(source)
    if "(" not in hidden and not _DASHES.intersection(hidden):
        body = source.rstrip()  # no mark can stand in it: only its text
        return Parsed(unescape(body).strip(), len(body) - len(body.lstrip()))
    values: dict[str, Any] = {}
    offsets: dict[str, int] = {}
    end = len(source)
    open_dash = False
    prefix_text = ""
    if kind in (EFFECT, PRECONDITION, FEATURE):
        found = _open_point(hidden)
        if found is not None:
            start, stop, status, prefix, unclear = found
            rest = unescape(source[stop:]).strip()
            note_group = _TRAILING_GROUP.fullmatch(rest) if rest.startswith("(") else None
            if note_group is not None:
                noted = _keyword(note_group.group(1), kind, context)
                if noted is not None and noted[0] == "note":
                    rest = noted[1]
            note = " ".join(piece for piece in (unclear, rest) if piece)
            values["status"], offsets["status"] = status, start
            if note:
                values["note"], offsets["note"] = note, start
            open_dash = hidden[start] in "-–—" and not rest
            end = start
            if prefix:
                codes = _codes_in(prefix, context) if kind == EFFECT else None
                if codes is not None:
                    values["who"], offsets["who"] = codes, start
                else:
                    prefix_text = f" ({prefix})"
    parsed = Parsed("", 0, values, offsets, open_dash)
    end = _trailing_marks(source, hidden, end, kind, context=context, parsed=parsed)
    body = source[:end]
    lead = len(body) - len(body.lstrip())
    parsed.text = unescape(body).strip() + prefix_text
    parsed.offset = lead
    return parsed


def _open_point(hidden: str) -> tuple[int, int, str, str, str] | None:
    """The first open-point marker: start, end, status, codes before "nog niet duidelijk", and
    the words of that phrase."""
    paren, dash, unclear, status_of = status_patterns()
    best: tuple[int, int, str, str, str] | None = None
    has_paren = "(" in hidden
    for pattern in (paren, dash):
        if pattern is paren and not has_paren:
            continue
        match = pattern.search(hidden)
        if match and (best is None or match.start() < best[0]):
            best = (match.start(), match.end(), status_of[fold(match.group(1))], "", "")
    match = unclear.search(hidden) if has_paren else None
    if match and (best is None or match.start() < best[0]):
        best = (match.start(), match.end(), "to-improve", (match.group(1) or "").strip(),
                match.group(2))  # fmt: skip
    return best


def _trailing_marks(
    source: str, hidden: str, end: int, kind: str, *, context: Context, parsed: Parsed
) -> int:
    """Take the marks at the end of ``source[:end]``; returns where the text ends."""
    who_groups: list[tuple[int, int, list[str]]] = []
    while True:
        while end > 0 and source[end - 1] in " \t":
            end -= 1
        group = _TRAILING_GROUP.search(hidden, 0, end)
        if group is None:
            break
        content = source[group.start(1) : group.end(1)]
        if kind == EFFECT and content.strip() in ("?", "-", "–"):
            if content.strip() == "?":
                parsed.no_carry = True
                parsed.values.pop("who", None)
            else:
                parsed.values["who"] = []
            parsed.offsets["who"] = group.start()
            end = group.start()
            continue
        codes = _codes_in(content, context) if kind == EFFECT else None
        if codes is not None:
            who_groups.append((group.start(), group.end(), codes))
            end = group.start()
            continue
        keywords = [_keyword(piece, kind, context) for piece in content.split(";")]
        if not all(keywords):
            break
        for key, value in (keyword for keyword in keywords if keyword is not None):
            parsed.values.setdefault(key, value)
            parsed.offsets.setdefault(key, group.start())
        end = group.start()
    if kind != EFFECT:
        return end
    inner = (
        []
        if "(" not in hidden[:end]
        else [
            (m.start(), m.end(), codes)
            for m in _GROUP.finditer(hidden, 0, end)
            if (codes := _codes_in(source[m.start(1) : m.end(1)], context)) is not None
        ]
    )
    marks = inner + sorted(who_groups)
    if not marks:
        return end
    parsed.values["who"] = _union(codes for _, _, codes in marks)
    parsed.offsets["who"] = marks[-1][0]
    if inner:  # several marks, or one inside the text: the text keeps them all
        return max([end, *(stop for _, stop, _ in who_groups)])
    return end


def _union(lists: Iterable[list[str]]) -> list[str]:
    seen: list[str] = []
    for codes in lists:
        seen.extend(code for code in codes if code not in seen)
    return seen


def parse_effects(source: str, context: Context) -> tuple[list[tuple[Parsed, int]], str | None]:
    """The effects of an Effect(en) cell with their offsets, a mark reaching back over the
    unmarked parts before it; and the status of the whole kenmerk when the handbook's
    "– geen consensus" stands after the last of several effects."""
    parts = [(parse_part(text, EFFECT, context), offset) for text, offset in split_parts(source)]
    carry: list[str] | None = None
    for parsed, _ in reversed(parts):
        if parsed.no_carry:
            carry = None
        elif "who" in parsed.values:
            carry = parsed.values["who"]
        elif carry is not None:  # the mark stands after a later part; point at this text
            parsed.values["who"] = list(carry)
            parsed.offsets["who"] = parsed.offset
    feature_status = None
    if len(parts) > 1 and parts[-1][0].open_dash:
        last = parts[-1][0]
        feature_status = last.values.pop("status")
        last.offsets.pop("status")
    return parts, feature_status


def shorthand(text: str, kind: str, context: Context) -> tuple[dict[str, Any], Parsed] | None:
    """What a plain-text effect or precondition of the YAML form means with the notation: a
    mapping with ``text`` and the marks' keys (and the parse, for positions), or None when the
    text has no marks."""
    parsed = parse_part(text, kind, context)
    allowed = ("who", "status", "note") if kind == EFFECT else ("status", "note")
    marks = {key: value for key, value in parsed.values.items() if key in allowed}
    if not marks and not parsed.no_carry and parsed.text == text.strip():
        return None
    return {"text": parsed.text, **marks}, parsed


def codes_of(participants: Any) -> frozenset[str]:
    """The codes a who mark may use: those of ``participants`` (raw values), or J and S when it
    is absent, as in the handbook."""
    if participants is None:
        return frozenset({"J", "S"})
    if not isinstance(participants, list):
        return frozenset()
    return frozenset(
        group["code"]
        for group in participants
        if isinstance(group, dict) and isinstance(group.get("code"), str)
    )


__all__ = [
    "EFFECT",
    "ESCAPABLE",
    "FEATURE",
    "ITEM",
    "PRECONDITION",
    "Context",
    "Parsed",
    "breaks",
    "codes_of",
    "fold",
    "mask",
    "parse_effects",
    "parse_part",
    "shorthand",
    "split_parts",
    "split_values",
    "strip_comments",
    "unescape",
    "vocabulary",
]
