"""Text in a cell or bullet: the notation's escapes, comments, line breaks and splitting."""

from __future__ import annotations

import re
from functools import cache

from iwp_cli.notation.words import vocabulary

#: Characters a backslash turns into plain text.
ESCAPABLE = "\\();|<-–—"
_ESCAPE = re.compile(r"\\([\\();|<\-–—])")
_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_HIDDEN = "\x01"


def mask(source: str) -> str:
    """``source`` with escaped characters and code spans hidden, offsets unchanged, so that
    patterns find only the notation's own marks."""
    if "\\" not in source and "`" not in source:
        return source
    out = list(source)
    index = 0
    while index < len(source):
        char = source[index]
        if char == "\\" and index + 1 < len(source) and source[index + 1] in ESCAPABLE:
            out[index] = out[index + 1] = _HIDDEN
            index += 2
        elif char == "`":
            run = len(source[index:]) - len(source[index:].lstrip("`"))
            ticks = "`" * run
            close = source.find(ticks, index + run)
            while close != -1 and source[close + run : close + run + 1] == "`":
                close = source.find(ticks, close + run + 1)
            if close == -1:
                index += run
                continue
            for hidden in range(index, close + run):
                out[hidden] = _HIDDEN
            index = close + run
        else:
            index += 1
    return "".join(out)


def unescape(source: str) -> str:
    """``source`` with the notation's escapes resolved."""
    if "\\" not in source:
        return source
    return _ESCAPE.sub(r"\1", source)


def breaks(text: str) -> str:
    """``<br>`` in a table cell as a line break."""
    if "<" not in text:
        return text
    return _BREAK.sub("\n", text)


def strip_comments(source: str) -> str:
    """``source`` with HTML comments blanked out (same length, so columns stay right)."""
    if "<!--" not in source:
        return source
    return _COMMENT.sub(lambda m: " " * len(m.group(0)), source)


def split_parts(source: str) -> list[tuple[str, int]]:
    """The parts of a cell separated by ``;`` (outside parentheses, code spans and escapes),
    each with its offset in ``source``."""
    hidden = mask(source)
    parts: list[tuple[str, int]] = []
    start = 0
    if ";" not in hidden:
        parts.append((source, 0))
    elif "(" not in hidden and ")" not in hidden:
        for piece in hidden.split(";"):
            parts.append((source[start : start + len(piece)], start))
            start += len(piece) + 1
    else:
        depth = 0
        for index, char in enumerate(hidden):
            if char == "(":
                depth += 1
            elif char == ")":
                depth = max(0, depth - 1)
            elif char == ";" and depth == 0:
                parts.append((source[start:index], start))
                start = index + 1
        parts.append((source[start:], start))
    return [(text, offset) for text, offset in parts if text.strip()]


def split_values(text: str) -> list[str]:
    """``"2, 6 en 7"`` as ``["2", "6", "7"]``; backticks around a value are dropped."""
    pieces = _value_separator().split(text.strip())
    return [piece.strip().strip("`").strip() for piece in pieces if piece.strip().strip("`")]


@cache
def _value_separator() -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in vocabulary()["and_words"])
    return re.compile(rf"\s*[,&]\s*|\s+(?:{words})\s+")
