"""Plain text for a terminal: indented bullets, aligned tables, git-style word diffs.

A changed paragraph is shown as ``git diff --word-diff=plain`` shows it: ``[-removed-]{+added+}``,
with long unchanged stretches cut to a few words around each change.
"""

from __future__ import annotations

from collections.abc import Sequence

from iwp_cli.diff.layout import MARKS, Block, Bullet, Diff, Heading, Inline, Line, Table
from iwp_cli.diff.textdiff import compact
from iwp_cli.terminal import printable


def render(blocks: Sequence[Block]) -> str:
    """The blocks as plain text, ending with a newline."""
    lines: list[str] = []
    for block in blocks:
        if isinstance(block, Heading):
            if lines:
                lines.append("")
            lines.append(_inline(block.spans))
        elif isinstance(block, Line):
            lines.append(_inline(block.spans))
        elif isinstance(block, Bullet):
            lines.append("  " * (block.depth + 1) + f"{MARKS[block.mark]} {_inline(block.spans)}")
        elif isinstance(block, Table):
            lines.extend(_table(block))
        else:
            lines.extend(_diff(block))
    return "\n".join(lines) + "\n"


def _inline(spans: Inline) -> str:
    return "".join(
        printable(" ".join(span.value.split())) if span.kind != "label" else span.value
        for span in spans
    )


def _table(table: Table) -> list[str]:
    cells = [[_inline(cell) for cell in table.header]]
    cells += [[_inline(cell) for cell in row] for row in table.rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(table.header))]
    lines = []
    for row in cells:
        parts = [
            value.rjust(width) if numeric else value.ljust(width)
            for value, width, numeric in zip(row, widths, table.numeric, strict=True)
        ]
        lines.append(("  " + "  ".join(parts)).rstrip())
    return lines


def _diff(block: Diff) -> list[str]:
    indent = "  " * (block.depth + 2)
    lines = []
    for paragraph in block.paragraphs:
        if paragraph.op == "added":
            lines.append(f"{indent}+ {printable(paragraph.new or '')}")
        elif paragraph.op == "removed":
            lines.append(f"{indent}- {printable(paragraph.old or '')}")
        else:
            line = ""
            for run in compact(paragraph.words):
                shown = {"equal": "{}", "delete": "[-{}-]", "insert": "{{+{}+}}"}[run.op]
                glue = "" if not line or (run.op == "insert" and line.endswith("-]")) else " "
                line += glue + shown.format(printable(run.text))
            lines.append(f"{indent}~ {line}")
    return lines
