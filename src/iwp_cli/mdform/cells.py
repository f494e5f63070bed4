"""Split a table row into cells, knowing the column where each cell's text starts.

markdown-it tells which lines form a table, not where its cells are; this module finds them in
the source line. A ``\\|`` is text, and so is a ``|`` inside a code span (GitHub would split the
cell there, so the reader reports that pipe as well: `Row.code_span_pipes`).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

_COMMENT_OPEN = "<!--"


@dataclass(slots=True)
class Cell:
    """One cell: its source text (untrimmed) and the 0-based column where it starts."""

    text: str
    column: int

    @property
    def content(self) -> str:
        return self.text.strip()

    @property
    def content_column(self) -> int:
        """The 0-based column of the first character of the trimmed text."""
        return self.column + len(self.text) - len(self.text.lstrip())


@dataclass(slots=True)
class Row:
    """A row: its cells, and the columns of pipes that sit inside code spans."""

    cells: list[Cell]
    code_span_pipes: list[int] = field(default_factory=list)


def split_row(line: str) -> Row:
    """The cells of ``line``; leading and trailing pipes are not cells, and neither is an HTML
    comment after the last pipe (where a suppression may stand)."""
    if "\\" in line or "`" in line:
        pipes, in_code = _pipes(line)
    else:
        pipes, in_code = _plain_pipes(line), []
    bounds = [-1, *pipes, len(line)]
    cells = [Cell(line[a + 1 : b], a + 1) for a, b in itertools.pairwise(bounds)]
    if cells and pipes and not cells[0].content and pipes[0] == len(line) - len(line.lstrip()):
        cells = cells[1:]
    if cells and pipes and (not cells[-1].content or _only_comment(cells[-1].content)):
        cells = cells[:-1]
    return Row(cells, in_code)


def _plain_pipes(line: str) -> list[int]:
    pipes: list[int] = []
    at = line.find("|")
    while at != -1:
        pipes.append(at)
        at = line.find("|", at + 1)
    return pipes


def _pipes(line: str) -> tuple[list[int], list[int]]:
    """The columns of the pipes that split cells, and of those inside code spans."""
    pipes: list[int] = []
    in_code: list[int] = []
    index = 0
    while index < len(line):
        char = line[index]
        if char == "\\":
            index += 2
            continue
        if char == "`":
            run = len(line[index:]) - len(line[index:].lstrip("`"))
            close = _closing(line, index + run, run)
            if close is not None:
                in_code.extend(i for i in range(index, close) if line[i] == "|")
                index = close + run
                continue
            index += run
            continue
        if char == "|":
            pipes.append(index)
        index += 1
    return pipes, in_code


def _closing(line: str, start: int, run: int) -> int | None:
    ticks = "`" * run
    at = line.find(ticks, start)
    while at != -1:
        end = at + run
        if line[end : end + 1] != "`" and (at == 0 or line[at - 1] != "`"):
            return at
        at = line.find(ticks, end + 1)
    return None


def _only_comment(text: str) -> bool:
    return text.startswith(_COMMENT_OPEN) and text.endswith("-->")


def is_delimiter(line: str) -> bool:
    """Whether ``line`` is a table's delimiter row (``| --- | :-: |``)."""
    cells = split_row(line).cells
    return bool(cells) and all(
        cell.content and set(cell.content) <= set(":-") and "-" in cell.content for cell in cells
    )
