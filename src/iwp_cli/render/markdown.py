"""Text in reports: escaping for Markdown output, and Markdown to safe HTML.

In a Markdown report, values that are not the authors' texts (names, dates, labels, findings)
stay text: characters that Markdown or HTML would read as markup are escaped with a backslash,
and in a table cell newlines become spaces, so that a ``|`` or a line break never splits a cell.
The authors' texts keep their Markdown (`iwp_cli.render.md_passthrough`).

In an HTML report the texts' Markdown (paragraphs, lists, emphasis, links) is rendered by
markdown-it-py with raw HTML off, images and headings off (an image would be a request, a heading
would break the page's outline), and links limited to markdown-it's safe protocols.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING, Any

from markupsafe import Markup

if TYPE_CHECKING:
    from markdown_it import MarkdownIt


class MdSafe(str):
    """Markdown that is already escaped: the Markdown environment prints it as it is."""

    __slots__ = ()


#: ASCII punctuation that can start markup anywhere in a line (CommonMark and GFM: emphasis,
#: code, links, images, autolinks and HTML, entities, strikethrough, table cells).
_INLINE = re.compile(r"([\\`*_\[\]<>&|~!])")
#: What makes a line a heading, quote, list item, thematic break or setext underline.
_LINE_START = re.compile(r"^(#|>|[-+=]|\d{1,9}(?=[.)]))")
_SPACE = re.compile(r"\s+")


def _escape_line(line: str) -> str:
    escaped = _INLINE.sub(r"\\\1", line)
    match = _LINE_START.match(escaped)
    if match is None:
        return escaped
    end = match.end()
    if match.group(1)[0].isdigit():  # "1." and "1)" start an ordered list: escape the dot
        return escaped[:end] + "\\" + escaped[end:]
    return "\\" + escaped


def md_inline(value: Any) -> MdSafe:
    """``value`` as literal Markdown text on one line: safe in a table cell or a list item."""
    if isinstance(value, MdSafe):
        return value
    return MdSafe(_escape_line(_SPACE.sub(" ", str(value)).strip()))


def md_block(value: Any) -> MdSafe:
    """``value`` as literal Markdown paragraphs: blank lines separate paragraphs, and every other
    line break is kept as a hard break (a backslash at the end of the line)."""
    if isinstance(value, MdSafe):
        return value
    paragraphs = re.split(r"\n[ \t]*\n", str(value).replace("\r\n", "\n").strip())
    out = []
    for paragraph in paragraphs:
        lines = [_escape_line(line.strip()) for line in paragraph.split("\n") if line.strip()]
        if lines:
            out.append("\\\n".join(lines))
    return MdSafe("\n\n".join(out))


def md_finalize(value: Any) -> Any:
    """Jinja ``finalize`` of the Markdown environment: print everything as escaped inline text
    unless it is already escaped (`MdSafe`). ``None`` prints as nothing."""
    if value is None:
        return ""
    if isinstance(value, MdSafe):
        return value
    return md_inline(value)


# --------------------------------------------------------------------------------------------
# Markdown to HTML
# --------------------------------------------------------------------------------------------

#: Characters that can start markup in markdown-it, line breaks and control characters.
_MARKUP_CHAR = re.compile(r"[\\`*_\[\]<>&!#~|{}\x00-\x1f\x7f\x85\u2028\u2029]")
_ORDERED = re.compile(r"\d{1,9}[.)]")
_PLAIN_FIRST = frozenset("(‘“'\"")


def is_plain(text: str) -> bool:
    """Whether markdown-it renders ``text`` as exactly its HTML-escaped self (the fast path):
    one line with no character that starts markup, no two spaces in a row, no space at either
    end, and a letter, a digit (not an ordered-list number), a bracket or a quote first. Such
    text has no ``&``, ``<`` or ``>``: escaping it only turns ``"`` into ``&quot;``."""
    if not text or "  " in text or _MARKUP_CHAR.search(text) is not None:
        return False
    first = text[0]
    if first.isspace() or text[-1].isspace():
        return False
    if first.isdigit():
        return _ORDERED.match(text) is None
    return first.isalpha() or first in _PLAIN_FIRST


def _quoted(text: str) -> str:
    return text.replace('"', "&quot;") if '"' in text else text


@cache
def markdown_parser() -> MarkdownIt:
    """CommonMark with raw HTML, images and headings off; links get ``rel`` against tracking."""
    from markdown_it import MarkdownIt

    parser = MarkdownIt("commonmark", {"html": False})
    parser.disable(["image", "heading", "lheading", "html_block", "html_inline"])

    def link_open(renderer: Any, tokens: Any, index: int, options: Any, env: Any) -> str:
        tokens[index].attrSet("rel", "nofollow noopener noreferrer")
        return str(renderer.renderToken(tokens, index, options, env))

    parser.add_render_rule("link_open", link_open)
    return parser


def html_inline(value: Any) -> Markup:
    """``value``'s inline Markdown as HTML, for a table cell or a list item (no paragraphs);
    line breaks and runs of white space become one space."""
    text = str(value)
    if is_plain(text):
        return Markup(_quoted(text))
    text = _SPACE.sub(" ", text).strip()
    return Markup(markdown_parser().renderInline(text).strip())


def html_block(value: Any) -> Markup:
    """``value``'s Markdown as HTML paragraphs, lists and so on. Paragraphs of plain text (one
    line each, separated by one blank line) take the fast path."""
    text = str(value)
    if is_plain(text):
        return Markup(f"<p>{_quoted(text)}</p>\n")
    paragraphs = text.rstrip("\n").split("\n\n")
    if len(paragraphs) > 1 and all(is_plain(paragraph) for paragraph in paragraphs):
        return Markup("".join(f"<p>{_quoted(paragraph)}</p>\n" for paragraph in paragraphs))
    return Markup(markdown_parser().render(text))
