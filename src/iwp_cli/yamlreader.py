"""Read YAML text into plain Python values, knowing where every key and value stands.

The reader walks the event stream of ruamel.yaml's C-backed parser (libyaml) and builds dicts,
lists and scalars itself, with an explicit stack. That gives, in one pass:

- the 1-based line and column of every key and value, by YAML path;
- YAML 1.2 core-schema scalars, so ``no`` and ``on`` stay text;
- bounded work on hostile input: nesting deeper than ``max_depth``, aliases that expand to more
  than ``alias_budget`` nodes (billion laughs) and integers too long to print (`MAX_INT_DIGITS`)
  stop the read with a problem instead of exhausting the stack or the memory; tags such as
  ``!!python/object`` are reported and never constructed.

Nothing here knows the description format; `loader` turns problems into findings.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)
from ruamel.yaml.reader import ReaderError

from iwp_cli.limits import ALIAS_BUDGET, MAX_DEPTH, MAX_INT_DIGITS
from iwp_cli.yamlscalars import STANDARD_TAGS, STR_TAG, NumberTooLong, key_value, resolve_plain

try:
    from ruamel.yaml.clib._ruamel_yaml import CParser
except ImportError:  # pragma: no cover - exercised only where the C extension has no wheel
    CParser = None

#: True when libyaml's C parser is in use; pure Python parsing is about six times slower.
FAST_PARSER = CParser is not None

Path = tuple[str | int, ...]
Position = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Problem:
    """Something wrong with the YAML itself.

    Attributes:
        kind: ``syntax``, ``duplicate-key``, ``tag``, ``too-deep``, ``alias-budget``,
            ``number-too-long``, ``unknown-alias``, ``complex-key`` or ``multi-document``.
        line: 1-based line.
        column: 1-based column.
        path: The YAML path it concerns, as far as known.
        detail: Facts for the message: ``reason`` for syntax errors, ``key``, ``tag`` …
        fatal: True when reading stopped here.
    """

    kind: str
    line: int
    column: int
    path: Path = ()
    detail: dict[str, str] = field(default_factory=dict)
    fatal: bool = True


@dataclass(slots=True)
class Document:
    """A YAML document as plain values plus the positions of its keys and values.

    Attributes:
        data: dicts, lists, str, int, float, bool and None.
        values: YAML path to the 1-based (line, column) where the value starts.
        keys: YAML path to the position of the key that holds the value (mappings only).
    """

    data: Any
    values: dict[Path, Position]
    keys: dict[Path, Position]

    def position(self, path: Path, *, prefer_key: bool = False) -> Position:
        """The position of ``path``, or of its nearest ancestor that has one."""
        for end in range(len(path), -1, -1):
            here = path[:end]
            if prefer_key and here in self.keys:
                return self.keys[here]
            if here in self.values:
                return self.values[here]
        return (1, 1)


@dataclass(slots=True)
class ReadResult:
    """What `read_yaml` gives: a document (None when reading failed or the stream was empty)."""

    document: Document | None
    problems: list[Problem]


class _Frame:
    __slots__ = ("anchor", "container", "key", "key_pos", "path", "size")

    def __init__(self, container: Any, path: Path, anchor: str | None) -> None:
        self.container = container
        self.path = path
        self.anchor = anchor
        self.key: str | None = None
        self.key_pos: Position = (1, 1)
        self.size = 1


class _Stop(Exception):
    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.kind)
        self.problem = problem


def _events(text: str) -> Iterator[Any]:
    if CParser is not None:
        parser = CParser(text)
        try:
            while True:
                event = parser.get_event()
                yield event
                if type(event) is StreamEndEvent:
                    return
        finally:
            parser.dispose()
    else:  # pragma: no cover
        yield from YAML(typ="safe", pure=True).parse(text)


def _syntax_problem(error: Exception, text: str) -> Problem:
    line, column = 1, 1
    if isinstance(error, MarkedYAMLError) and error.problem_mark is not None:
        line, column = error.problem_mark.line + 1, error.problem_mark.column + 1
        reason = str(error.problem or "")
        if error.context:
            reason = f"{reason} ({error.context})"
    elif isinstance(error, ReaderError):
        before = text[: error.position]
        line = before.count("\n") + 1
        column = error.position - (before.rfind("\n") + 1) + 1
        reason = f"{error.reason}: {error.character!r}"
    else:
        reason = str(error)
    detail = {"reason": reason}
    lines = text.splitlines()
    if 0 < line <= len(lines) and "\t" in lines[line - 1][: max(column, 1)]:
        detail["tab"] = "yes"
    return Problem("syntax", line, column, (), detail)


def read_yaml(
    text: str, *, max_depth: int = MAX_DEPTH, alias_budget: int = ALIAS_BUDGET
) -> ReadResult:
    """Read the first YAML document of ``text``.

    Args:
        text: The decoded file.
        max_depth: Deepest nesting of mappings and sequences accepted.
        alias_budget: How many nodes aliases may add beyond those written out.

    Returns:
        The document (None for an empty stream or a fatal problem) and every problem met.
    """
    problems: list[Problem] = []
    try:
        document = _build(text, problems, max_depth, alias_budget)
    except _Stop as stop:
        problems.append(stop.problem)
        return ReadResult(None, problems)
    except (YAMLError, ValueError) as error:
        problems.append(_syntax_problem(error, text))
        return ReadResult(None, problems)
    return ReadResult(document, problems)


def _build(  # noqa: PLR0915 - one flat loop over the events is the hot path; kept whole for speed
    text: str, problems: list[Problem], max_depth: int, alias_budget: int
) -> Document | None:
    values: dict[Path, Position] = {}
    keys: dict[Path, Position] = {}
    anchors: dict[str, tuple[Any, int]] = {}
    texts: dict[str, str] = {}  # anchors of scalars: the text as written, for use as a key
    stack: list[_Frame] = []
    root: Any = None
    written = 0
    expanded = 0
    documents = 0

    for event in _events(text):
        kind = type(event)
        if kind is DocumentStartEvent:
            documents += 1
            if documents > 1:
                mark = event.start_mark
                problems.append(
                    Problem("multi-document", mark.line + 1, mark.column + 1, fatal=False)
                )
                break
            continue
        if kind is MappingEndEvent or kind is SequenceEndEvent:
            done = stack.pop()
            if done.anchor is not None:
                anchors[done.anchor] = (done.container, done.size)
                texts.pop(done.anchor, None)
            value, size = done.container, done.size
        else:
            mark = event.start_mark
            pos = (mark.line + 1, mark.column + 1)
            if kind is ScalarEvent:
                top = stack[-1] if stack else None
                if top is not None and type(top.container) is dict and top.key is None:
                    _take_key(top, event.value, pos, keys, problems)
                    if event.anchor is not None:  # an anchor on a key: `&a k: v`, `x: *a`
                        plain = event.implicit[0] and event.tag is None
                        anchors[event.anchor] = (key_value(event.value, plain), 1)
                        texts[event.anchor] = event.value
                    continue
                value, size = _scalar(event, pos, stack, problems), 1
                written += 1
                if event.anchor is not None:
                    anchors[event.anchor] = (value, 1)
                    texts[event.anchor] = event.value
            elif kind is MappingStartEvent or kind is SequenceStartEvent:
                path = _slot(stack, pos, problems)
                _check_tag(event.tag, pos, path, problems)
                if len(stack) >= max_depth:
                    raise _Stop(Problem("too-deep", *pos, path, {"depth": str(max_depth)}))
                container: Any = {} if kind is MappingStartEvent else []
                values[path] = pos
                if stack and type(stack[-1].container) is dict:
                    keys[path] = stack[-1].key_pos
                stack.append(_Frame(container, path, event.anchor))
                written += 1
                continue
            elif kind is AliasEvent:
                if event.anchor not in anchors:
                    raise _Stop(Problem("unknown-alias", *pos, (), {"anchor": str(event.anchor)}))
                top = stack[-1] if stack else None
                if top is not None and type(top.container) is dict and top.key is None:
                    if event.anchor not in texts:  # an alias of a list or mapping as a key
                        raise _Stop(Problem("complex-key", *pos, top.path))
                    _take_key(top, texts[event.anchor], pos, keys, problems)  # `*a : v`
                    continue
                value, size = anchors[event.anchor]
                expanded += size
                if expanded > alias_budget + written:
                    raise _Stop(Problem("alias-budget", *pos, (), {"budget": str(alias_budget)}))
            else:
                continue
        if not stack:
            root = value
            continue
        top = stack[-1]
        top.size += size
        if type(top.container) is list:
            path = (*top.path, len(top.container))
            top.container.append(value)
        else:
            if top.key is None:
                raise _Stop(Problem("complex-key", *top.key_pos, top.path))
            path = (*top.path, top.key)
            top.container[top.key] = value
            keys[path] = top.key_pos
            top.key = None
        if kind is ScalarEvent or kind is AliasEvent:
            values[path] = pos
    if documents == 0:
        return None
    return Document(root, values, keys)


def _slot(stack: list[_Frame], pos: Position, problems: list[Problem]) -> Path:
    """The path the next value will have; a collection where a key belongs is fatal."""
    if not stack:
        return ()
    top = stack[-1]
    if type(top.container) is list:
        return (*top.path, len(top.container))
    if top.key is None:
        raise _Stop(Problem("complex-key", *pos, top.path))
    return (*top.path, top.key)


def _take_key(
    top: _Frame, key: str, pos: Position, keys: dict[Path, Position], problems: list[Problem]
) -> None:
    if key in top.container:
        first = keys.get((*top.path, key), (0, 0))
        problems.append(
            Problem(
                "duplicate-key",
                *pos,
                (*top.path, key),
                {"key": key, "first": str(first[0])},
                fatal=False,
            )
        )
    top.key = key
    top.key_pos = pos


def _check_tag(tag: str | None, pos: Position, path: Path, problems: list[Problem]) -> None:
    if tag is not None and tag != "!" and tag not in STANDARD_TAGS:
        problems.append(Problem("tag", *pos, path, {"tag": tag}, fatal=False))


def _scalar(event: Any, pos: Position, stack: list[_Frame], problems: list[Problem]) -> Any:
    try:
        return _scalar_value(event, pos, stack, problems)
    except NumberTooLong:
        digits = {"digits": f"{len(event.value):,}", "limit": f"{MAX_INT_DIGITS:,}"}
        raise _Stop(Problem("number-too-long", *pos, _slot(stack, pos, problems), digits)) from None


def _scalar_value(event: Any, pos: Position, stack: list[_Frame], problems: list[Problem]) -> Any:
    tag = event.tag
    if tag is None:
        return resolve_plain(event.value) if event.implicit[0] else event.value
    if tag in (STR_TAG, "!"):
        return event.value
    if tag in STANDARD_TAGS:  # !!int, !!float, !!bool, !!null: read as if unquoted
        return resolve_plain(event.value)
    _check_tag(tag, pos, _slot(stack, pos, problems), problems)
    return event.value
