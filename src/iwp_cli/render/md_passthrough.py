"""The authors' Markdown, passed through to a Markdown report safely.

The format allows Markdown in texts, and the HTML report renders it (`markdown.html_block`). A
Markdown report passes the same constructs through to the reader (GitHub, GitLab): the text is
read with the HTML report's parser (CommonMark without raw HTML, images and headings), and what
it found is written again as Markdown: paragraphs, lists, quotes, code, emphasis, code spans and
links, with every other character escaped. So raw HTML stays text, a ``#`` never makes a heading,
only links markdown-it accepts (no ``javascript:``) become links, and in a table cell (``cell``)
a ``|`` never ends the cell, not even inside a code span.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from iwp_cli.render.markdown import MdSafe, markdown_parser

if TYPE_CHECKING:
    from markdown_it.token import Token

#: ASCII punctuation that can start markup anywhere in a line (as in `markdown`).
_INLINE = re.compile(r"([\\`*_\[\]<>&|~!])")
#: What makes a line a heading, quote, list item, thematic break or setext underline.
_LINE_START = re.compile(r"^(#|>|[-+=]|\d{1,9}(?=[.)]))")
_SPACE = re.compile(r"\s+")
_BACKTICKS = re.compile(r"`+")
_MARKS = {"em_open": "*", "em_close": "*", "strong_open": "**", "strong_close": "**"}


def md_pass_inline(value: Any, *, cell: bool = False) -> MdSafe:
    """``value``'s inline Markdown (emphasis, code, links) as Markdown on one line: for a list
    item, or with ``cell`` for a table cell."""
    if isinstance(value, MdSafe):
        return value
    text = _SPACE.sub(" ", str(value)).strip()
    tokens = markdown_parser().parseInline(text)
    children = tokens[0].children or [] if tokens else []
    return MdSafe(_line_start(_inline(children, cell=cell, block=False)))


def md_pass_block(value: Any) -> MdSafe:
    """``value``'s Markdown (paragraphs, lists, quotes, code blocks and the inline constructs) as
    Markdown blocks."""
    if isinstance(value, MdSafe):
        return value
    tokens = markdown_parser().parse(str(value).replace("\r\n", "\n"))
    blocks, _ = _blocks(tokens, 0, None)
    return MdSafe("\n\n".join(blocks))


def _blocks(tokens: list[Token], index: int, until: str | None) -> tuple[list[str], int]:
    """The blocks from ``tokens[index]`` up to the closing token ``until``, and the index after
    it."""
    blocks: list[str] = []
    while index < len(tokens):
        token = tokens[index]
        if token.type == until:
            return blocks, index + 1
        if token.type == "paragraph_open":
            inline = tokens[index + 1]
            text = _inline(inline.children or [], cell=False, block=True)
            blocks.append("\n".join(_line_start(line.strip()) for line in text.split("\n")))
            index += 3
        elif token.type in {"bullet_list_open", "ordered_list_open"}:
            text, index = _list(tokens, index)
            blocks.append(text)
        elif token.type == "blockquote_open":
            inner, index = _blocks(tokens, index + 1, "blockquote_close")
            quoted = "\n\n".join(inner).split("\n")
            blocks.append("\n".join(f"> {line}" if line else ">" for line in quoted))
        elif token.type in {"code_block", "fence"}:
            blocks.append(_fence(token.content))
            index += 1
        elif token.type == "hr":
            blocks.append("***")  # not "---", which under a list item's text makes a heading
            index += 1
        else:  # nothing else is enabled; keep any text it holds as text
            if token.content:
                blocks.append(_escape(token.content))
            index += 1
    return blocks, index


def _list(tokens: list[Token], index: int) -> tuple[str, int]:
    opening = tokens[index]
    ordered = opening.type == "ordered_list_open"
    closing = "ordered_list_close" if ordered else "bullet_list_close"
    number = int(str(opening.attrGet("start") or 1))
    items: list[str] = []
    index += 1
    # markdown-it hides the paragraphs of a tight list's items.
    tight = True
    while tokens[index].type != closing:
        marker = f"{number}{opening.markup} " if ordered else f"{opening.markup} "
        start = index
        inner, index = _blocks(tokens, index + 1, "list_item_close")
        own = [t for t in tokens[start:index] if t.type == "paragraph_open"]
        tight = tight and all(t.hidden for t in own if t.level == opening.level + 2)
        body = "\n\n".join(inner).split("\n") if inner else [""]
        pad = " " * len(marker)
        lines = [marker + body[0], *(pad + line if line else "" for line in body[1:])]
        items.append("\n".join(lines).rstrip())
        number += 1
    return ("\n" if tight else "\n\n").join(items), index + 1


def _inline(children: list[Token], *, cell: bool, block: bool) -> str:
    out: list[str] = []
    targets: list[str] = []  # of the link open (links do not nest)
    for token in children:
        kind = token.type
        if kind == "text":
            out.append(_escape(token.content))
        elif kind in {"softbreak", "hardbreak"}:
            out.append(("\n" if kind == "softbreak" else "\\\n") if block else " ")
        elif kind in _MARKS:
            out.append(_MARKS[kind])
        elif kind == "code_inline":
            out.append(_code(token.content, cell=cell))
        elif kind == "link_open":
            target = _target(token)
            targets.append(target.replace("|", "\\|") if cell else target)
            out.append("[")
        elif kind == "link_close" and targets:
            out.append(f"]({targets.pop()})")
        else:
            out.append(_escape(token.content))
    return "".join(out)


def _target(link: Token) -> str:
    """A link's destination (checked and percent-encoded by markdown-it) and title."""
    href = str(link.attrGet("href") or "").replace("<", "%3C").replace(">", "%3E")
    title = link.attrGet("title")
    if not title:
        return f"<{href}>"
    escaped = _SPACE.sub(" ", str(title)).replace("\\", "\\\\").replace('"', '\\"')
    return f'<{href}> "{escaped}"'


def _escape(text: str) -> str:
    return _INLINE.sub(r"\\\1", text)


def _line_start(line: str) -> str:
    """``line`` with a backslash where its start would make a block (a heading, a list)."""
    match = _LINE_START.match(line)
    if match is None:
        return line
    end = match.end()
    if match.group(1)[0].isdigit():
        return line[:end] + "\\" + line[end:]
    return "\\" + line


def _code(content: str, *, cell: bool) -> str:
    longest = max((len(run) for run in _BACKTICKS.findall(content)), default=0)
    fence = "`" * (longest + 1)
    if (
        content.startswith("`")
        or content.endswith("`")
        or (content.startswith(" ") and content.endswith(" ") and content.strip())
    ):
        content = f" {content} "
    if cell:
        content = content.replace("|", "\\|")
    return f"{fence}{content}{fence}"


def _fence(content: str) -> str:
    longest = max((len(run) for run in _BACKTICKS.findall(content)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}\n{content.rstrip(chr(10))}\n{fence}"
