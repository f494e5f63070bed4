"""GitHub-flavoured Markdown for a pull-request comment: headings, bullet lists, tables, and text
diffs in ``diff`` code blocks (GitHub colours their ``-`` and ``+`` lines).

The user's text cannot inject Markdown or HTML: it is put on one line, and every character that
could start markup (emphasis, links, code, HTML and entities, tables, strike-through, math,
mentions) is escaped with a backslash, which CommonMark allows before any ASCII punctuation. Code
spans and code blocks use a fence longer than any run of backticks inside them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from iwp_cli.diff.layout import MARKS, Block, Bullet, Diff, Heading, Inline, Line, Span, Table
from iwp_cli.diff.textdiff import Paragraph, compact

#: Characters escaped in the user's text.
SPECIAL = set("\\`*_[]<>|~&#!$@")
_BACKTICKS = re.compile(r"`+")


def render(blocks: Sequence[Block]) -> str:
    """The blocks as Markdown, ending with a newline."""
    out: list[str] = []
    previous: Block | None = None
    for block in blocks:
        in_list = isinstance(block, (Bullet, Diff)) and isinstance(previous, (Bullet, Diff))
        if out and not in_list:
            out.append("")
        if isinstance(block, Heading):
            out.append("#" * (block.level + 1) + " " + inline(block.spans))
        elif isinstance(block, Line):
            out.append(inline(block.spans))
        elif isinstance(block, Bullet):
            mark = code_span(MARKS[block.mark])
            out.append("  " * block.depth + f"- {mark} {inline(block.spans)}")
        elif isinstance(block, Table):
            out.extend(_table(block))
        else:
            out.extend(_diff(block))
        previous = block
    return "\n".join(out) + "\n"


def escape(value: str) -> str:
    """The user's ``value`` as literal Markdown on one line."""
    flat = " ".join(value.split())
    return "".join("\\" + char if char in SPECIAL else char for char in flat)


def code_span(value: str) -> str:
    """``value`` as an inline code span, whatever backticks it holds."""
    flat = " ".join(value.split())
    longest = max((len(run) for run in _BACKTICKS.findall(flat)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if flat.startswith("`") or flat.endswith("`") or not flat.strip() else ""
    return f"{fence}{pad}{flat}{pad}{fence}"


def inline(spans: Inline) -> str:
    """A line of spans as Markdown."""
    return "".join(_span(span) for span in spans)


def _span(span: Span) -> str:
    if span.kind == "label":
        return span.value
    if span.kind == "code":
        return code_span(span.value)
    if span.kind == "strong":
        return f"**{escape(span.value)}**"
    return escape(span.value)


def _table(table: Table) -> list[str]:
    header = "| " + " | ".join(inline(cell) for cell in table.header) + " |"
    rule = "| " + " | ".join("---:" if n else "---" for n in table.numeric) + " |"
    rows = ["| " + " | ".join(inline(cell) for cell in row) + " |" for row in table.rows]
    return [header, rule, *rows]


def _diff(block: Diff) -> list[str]:
    lines = [line for paragraph in block.paragraphs for line in _diff_lines(paragraph)]
    longest = max((len(run) for line in lines for run in _BACKTICKS.findall(line)), default=0)
    fence = "`" * max(3, longest + 1)
    indent = "  " * (block.depth + 1)
    return [f"{indent}{fence}diff", *(f"{indent}{line}" for line in lines), f"{indent}{fence}"]


def _diff_lines(paragraph: Paragraph) -> list[str]:
    if paragraph.op == "added":
        return [f"+ {paragraph.new}"]
    if paragraph.op == "removed":
        return [f"- {paragraph.old}"]
    runs = compact(paragraph.words)
    old = " ".join(run.text for run in runs if run.op != "insert")
    new = " ".join(run.text for run in runs if run.op != "delete")
    return [f"- {old}", f"+ {new}"]
