"""A report's layout, independent of its format: headings, bullets, tables and text diffs.

The outlines (`outline`, `outline_sides`, `outline_log`) say *what* a report shows; `report_text`
and `report_md` say how it looks. Inline content is a sequence of spans that keeps the user's text
apart from iwp's own labels, so that the Markdown report can escape the one and not the other.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from iwp_cli.diff.textdiff import Paragraph


@dataclass(frozen=True, slots=True)
class Span:
    """A piece of a line: ``label`` (iwp's own words), ``text`` (the user's: escaped in
    Markdown), ``code`` (an id, a code, a path: shown as code in Markdown) or ``strong``
    (the user's text, emphasised)."""

    kind: Literal["label", "text", "code", "strong"]
    value: str


Inline = tuple[Span, ...]


def label(value: str) -> Span:
    """iwp's own words."""
    return Span("label", value)


def text(value: str) -> Span:
    """The user's text."""
    return Span("text", value)


def code(value: str) -> Span:
    """An id, a participant code or a path."""
    return Span("code", value)


def strong(value: str) -> Span:
    """The user's text, emphasised (a feature's name)."""
    return Span("strong", value)


@dataclass(frozen=True, slots=True)
class Heading:
    """A heading: level 1 (the report), 2 (a part) or 3 (a principle)."""

    level: int
    spans: Inline


@dataclass(frozen=True, slots=True)
class Line:
    """A line of text on its own."""

    spans: Inline


@dataclass(frozen=True, slots=True)
class Bullet:
    """A list item at ``depth`` (0 is the outer list); ``mark`` says what happened: ``+`` added,
    ``-`` removed, ``~`` changed, ``>`` moved, ``v`` resolved, ``!`` opened, ``*`` neutral."""

    depth: int
    mark: str
    spans: Inline


@dataclass(frozen=True, slots=True)
class Table:
    """A table; ``numeric`` marks the columns to align right in text."""

    header: tuple[Inline, ...]
    rows: tuple[tuple[Inline, ...], ...]
    numeric: tuple[bool, ...]


@dataclass(frozen=True, slots=True)
class Diff:
    """A text diff shown under the bullet before it (at ``depth``)."""

    depth: int
    paragraphs: tuple[Paragraph, ...]


Block = Heading | Line | Bullet | Table | Diff

#: How each bullet mark reads (text and Markdown).
MARKS = {"+": "+", "-": "-", "~": "~", ">": "→", "v": "✓", "!": "!", "*": "·"}
