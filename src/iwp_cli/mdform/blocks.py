"""The body of a Markdown description as a flat list of blocks, each with its lines.

markdown-it-py (CommonMark with the GFM table rule) finds the blocks; everything after that
works on the source lines, so the text of a section stays the Markdown its author wrote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from markdown_it import MarkdownIt

from iwp_cli.mdform.tablerule import table_lines

_ONLY_COMMENTS = re.compile(r"\s*(?:<!--.*?-->\s*)+\Z", re.DOTALL)
_BULLET = re.compile(r"[ \t]*(?:[-+*]|\d{1,9}[.)])(?:[ \t]+|\Z)")

#: Block kinds: a heading, a bullet or numbered list, a table, an HTML comment, other text.
HEADING, LIST, TABLE, COMMENT, TEXT = "heading", "list", "table", "comment", "text"


@dataclass(slots=True)
class Block:
    """One block of the body.

    Attributes:
        kind: One of the kinds above.
        start: 0-based index of its first line in the body.
        end: Index after its last line.
        level: A heading's level.
        title: A heading's text.
        items: A list's items, as (start, end) line ranges.
    """

    kind: str
    start: int
    end: int
    level: int = 0
    title: str = ""
    items: list[tuple[int, int]] = field(default_factory=list)


@cache
def _parser() -> MarkdownIt:
    # Only the blocks are used: cells and text are read from the source lines. So the inline
    # parse is left out (a heading's text is on its inline token without it), and the table
    # rule gives the table's lines without a token per cell.
    parser = MarkdownIt("commonmark", {"html": True}).disable(["inline", "text_join"])
    parser.block.ruler.at("table", table_lines, {"alt": ["paragraph", "reference"]})
    return parser.enable("table")


def blocks(body: str) -> list[Block]:
    """The top-level blocks of ``body``, in order."""
    tokens = _parser().parse(body)
    out: list[Block] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token.level != 0 or token.map is None:
            index += 1
            continue
        start, end = token.map
        if token.type == "heading_open":
            title = tokens[index + 1].content if index + 1 < len(tokens) else ""
            out.append(Block(HEADING, start, end, int(token.tag[1:]), title))
        elif token.type in ("bullet_list_open", "ordered_list_open"):
            items = []
            for inner in tokens[index + 1 :]:
                if inner.type == token.type.replace("_open", "_close") and inner.level == 0:
                    break
                if inner.type == "list_item_open" and inner.level == 1 and inner.map:
                    items.append((inner.map[0], inner.map[1]))
            out.append(Block(LIST, start, end, items=items))
        elif token.type == "table_open":
            out.append(Block(TABLE, start, end))
        elif token.type == "html_block" and _ONLY_COMMENTS.match(token.content):
            out.append(Block(COMMENT, start, end))
        else:
            out.append(Block(TEXT, start, end))
        index += 1
    return out


def item_lines(lines: list[str], start: int, end: int) -> list[tuple[int, int, str]]:
    """A list item's lines without the bullet and its indentation: (line index, 0-based column
    where the kept text starts, kept text); trailing blank lines dropped."""
    first = lines[start]
    marker = _BULLET.match(first)
    indent = marker.end() if marker else 0
    out = [(start, indent, first[indent:])]
    for number in range(start + 1, end):
        line = lines[number]
        strip = min(indent, len(line) - len(line.lstrip(" ")))
        out.append((number, strip, line[strip:]))
    while len(out) > 1 and not out[-1][2].strip():
        out.pop()
    return out
