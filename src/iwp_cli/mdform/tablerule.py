"""The GFM table rule, for a reader that needs only where a table starts and ends.

markdown-it-py's own rule makes a token per cell and splits every row character by character:
two thirds of the time markdown-it spends on a description. The reader splits the rows itself
(`iwp_cli.mdform.cells`), so this rule asks markdown-it's rule whether a table starts here (its
header and delimiter checks, unchanged) and then ends the table where markdown-it's rule would:
at a line indented less than the block, a line another block starts on, an empty line, an
indented code line, or when the missing cells reach markdown-it's limit.
"""

from __future__ import annotations

from markdown_it.common.utils import mdTrim
from markdown_it.rules_block.state_block import StateBlock
from markdown_it.rules_block.table import MAX_AUTOCOMPLETED_CELLS
from markdown_it.rules_block.table import table as gfm_table


def table_lines(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """A block rule: a table from ``start`` with only ``table_open`` and ``table_close``."""
    if not gfm_table(state, start, end, True):
        return False
    if silent:
        return True
    width = _cells(_line(state, start))
    parent, state.parentType = state.parentType, "table"
    terminators = state.md.block.ruler.getRules("blockquote")
    missing = 0
    line = start + 2
    while line < end:
        if state.sCount[line] < state.blkIndent:
            break
        text = _line(state, line)
        # No block that ends a table starts with a pipe (they start with ` ~ > * - _ + # <
        # or a digit), so a row that does is not asked about.
        if not text.startswith("|") and any(rule(state, line, end, True) for rule in terminators):
            break
        if not text or state.is_code_block(line):
            break
        missing += width - _cells(text)
        if missing > MAX_AUTOCOMPLETED_CELLS:
            break
        line += 1
    token = state.push("table_open", "table", 1)
    token.map = [start, line]
    state.push("table_close", "table", -1)
    state.parentType = parent
    state.line = line
    return True


def _line(state: StateBlock, line: int) -> str:
    begin = state.bMarks[line] + state.tShift[line]
    return mdTrim(state.src[begin : state.eMarks[line]])


def _cells(text: str) -> int:
    """How many cells markdown-it counts in a row: pipes split unless a backslash stands
    before them, and an empty first or last piece is not a cell."""
    count = text.count("|") - text.count("\\|") + 1
    if text.startswith("|"):
        count -= 1
    if count > 0 and text.endswith("|") and not text.endswith("\\|"):
        count -= 1
    return count
