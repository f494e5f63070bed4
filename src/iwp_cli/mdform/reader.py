"""Read a Markdown description into the values and positions the YAML reader gives.

The front matter is YAML, read by `iwp_cli.yamlreader` with its limits, its positions moved to
the file's lines. The body is read by its headings: ``# name``, ``## A.`` … ``## D.``, the
subsections of A and B, a ``###`` per principle with its table. Problems of the Markdown
structure (codes IWP030–IWP035) are `Problem`s like those of YAML, so the loader turns both into
findings the same way.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from iwp_cli.framework import Framework
from iwp_cli.mdform.blocks import blocks
from iwp_cli.mdform.sections import Sections
from iwp_cli.mdform.table import Placed
from iwp_cli.notation import Context, codes_of
from iwp_cli.yamlreader import Document, Path, Position, Problem

_FENCES = ("---", "...")


@dataclass(slots=True)
class MarkdownRead:
    """What `read_markdown` gives.

    Attributes:
        document: The values with positions; None without front matter or when it is broken.
        problems: Every problem met, YAML and Markdown alike.
        explained: Paths whose absence a problem already explains (a missing section), so that
            no second finding says the same.
        front_matter: Whether the file starts with front matter.
    """

    document: Document | None
    problems: list[Problem] = field(default_factory=list)
    explained: set[Path] = field(default_factory=set)
    front_matter: bool = False


def front_matter_end(lines: list[str]) -> int | None:
    """The index of the line that closes the front matter; None when there is none."""
    if not lines or lines[0].rstrip() != "---":
        return None
    for index in range(1, len(lines)):
        if lines[index].rstrip() in _FENCES:
            return index
    return None


def read_markdown(
    text: str,
    *,
    framework_for: Callable[[Any], Framework],
    max_depth: int = 64,
    alias_budget: int = 10_000,
) -> MarkdownRead:
    """Read ``text``, a Markdown description.

    Args:
        text: The decoded file.
        framework_for: The framework that applies, given the front matter's ``framework``
            value (None when absent); its principles name the ``###`` headings under D.
        max_depth: The YAML reader's nesting limit for the front matter.
        alias_budget: The YAML reader's alias limit for the front matter.
    """
    lines = text.splitlines()
    if not lines or lines[0].rstrip() != "---":
        return MarkdownRead(None)
    close = front_matter_end(lines)
    if close is None:
        return MarkdownRead(None, [Problem("md-front-matter-unclosed", 1, 1)], front_matter=True)
    front_text = "\n".join(lines[1:close])
    from iwp_cli.yamlhelp import read_explained  # a newcomer's mistakes, explained

    result = read_explained(front_text, max_depth=max_depth, alias_budget=alias_budget)
    problems = [_moved(problem, 1) for problem in result.problems]
    if any(problem.fatal for problem in problems):
        return MarkdownRead(None, problems, front_matter=True)
    front: Any = result.document.data if result.document is not None else None
    if front is None:
        front = {}
    if not isinstance(front, dict):
        problems.append(Problem("md-front-matter-not-mapping", 2, 1))
        return MarkdownRead(None, problems, front_matter=True)
    values: dict[Path, Position] = {}
    keys: dict[Path, Position] = {}
    if result.document is not None:
        values.update({p: (line + 1, col) for p, (line, col) in result.document.values.items()})
        keys.update({p: (line + 1, col) for p, (line, col) in result.document.keys.items()})
    values[()] = (1, 1)  # the file, not the front matter's first line
    data = dict(front)
    if "iwp" not in front:
        return MarkdownRead(Document(data, values, keys), problems, front_matter=True)

    context = Context(codes=codes_of(front.get("participants")))
    framework = framework_for(front.get("framework"))
    body_start = close + 1
    body = lines[body_start:]
    placed = Placed()
    sections = Sections(
        body,
        lambda index, column: (body_start + index + 1, column + 1),
        framework,
        Context(context.codes, lambda ref: _principle_ref(ref, framework)),
        placed,
    )
    found = sections.read(blocks("\n".join(body)))
    explained: set[Path] = set()
    for key, (value, at) in found.items():
        if key in front:
            detail = {"key": key, "first": str(keys.get((key,), (1, 1))[0])}
            placed.problems.append(Problem("md-both", *at, (key,), detail))
            continue
        data[key] = value
    for key, at in sections.missing():
        if key not in front:
            explained.add((key,))
            placed.problems.append(Problem("md-section-missing", *at, (key,),
                                           sections.missing_detail(key)))  # fmt: skip
    explained.update(sections.explained)
    values.update(placed.values)
    keys.update(placed.keys)
    problems.extend(placed.problems)
    return MarkdownRead(Document(data, values, keys), problems, explained, front_matter=True)


def _moved(problem: Problem, lines: int) -> Problem:
    return Problem(problem.kind, problem.line + lines, problem.column, problem.path,
                   problem.detail, problem.fatal)  # fmt: skip


def _principle_ref(ref: str, framework: Framework) -> str:
    """A principle named in ``(ook principe 2)``: by number, title or id."""
    from iwp_cli.mdform.sections import principle_by_heading

    found = principle_by_heading(ref, framework)
    return found if found is not None else ref
