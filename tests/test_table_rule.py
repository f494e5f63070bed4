"""The reader's table rule ends every table where markdown-it's own GFM rule does.

The reader replaces markdown-it's table rule (which makes a token per cell) with one that gives
only the table's lines; the blocks, and so every section and position, must stay the same.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from iwp_cli.mdform.blocks import _parser

_CELL_TOKENS = ("th", "td", "tr", "tbody", "thead", "inline")

#: Lines that start, continue, end or interrupt tables, and the blocks around them.
LINES = [
    "| Kenmerk | Effect(en) | Randvoorwaarde(n) |",
    "|---|---|---|",
    "| --- | :-: | ---: |",
    "| x | y |",
    "| a |",
    "a | b",
    "| \\| | b |",
    "| `a|b` | c |",
    "|",
    "||",
    ":-:|-",
    "---",
    "x",
    "",
    "   ",
    "    code",
    "```",
    "> quote",
    "- item",
    "1. one",
    "2) two",
    "# Kop",
    "<!-- iwp: ignore[IWP201] -->",
    "<div>",
    "***",
    "[ref]: https://example.org",
    "\ttab | cell",
]


def _blocks(parser: MarkdownIt, text: str) -> list[tuple[str, tuple[int, ...], int]]:
    return [
        (token.type, tuple(token.map), token.level)
        for token in parser.parse(text)
        if token.map is not None and not token.type.startswith(_CELL_TOKENS)
    ]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(LINES), min_size=1, max_size=18))
def test_tables_end_where_markdown_it_ends_them(lines: list[str]) -> None:
    text = "\n".join(lines)
    reference = MarkdownIt("commonmark", {"html": True}).enable("table")
    assert _blocks(_parser(), text) == _blocks(reference, text)


def test_a_table_with_ragged_rows_keeps_all_its_rows() -> None:
    text = "| a | b | c |\n|---|---|---|\n| 1 |\n| 1 | 2 | 3 | 4 |\n\nafter"
    tables = [block for block in _blocks(_parser(), text) if block[0] == "table_open"]
    assert tables == [("table_open", (0, 4), 0)]
