"""Explanations for the YAML mistakes of people new to YAML, with the corrected line.

The parser's own words ("mapping values are not allowed in this context") help nobody who has
never seen YAML. When reading stops at a syntax error, `read_explained` tries the repairs a
newcomer most often needs, on that line or the one before it: quotes around text holding ``: ``
or a brace, spaces instead of a tab, a space after a ``-``, the indentation of the lines around
it. A repair counts when the parser then gets past that line; the problem is reported with
what went wrong in plain words and the corrected line, and reading goes on with the repaired
text, so that one run reports every mistake (and, when the rest is valid, the lint findings)
instead of one per round. Line numbers stay those of the file: a repair changes one line.

`explain_shape` does the same for values that are valid YAML but not what the format expects:
a list written as text (``who: J+S``), a comma in a ``{…}`` mapping that was meant as text, a
key written as ``-name``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from typing import Any

from iwp_cli.limits import ALIAS_BUDGET, MAX_DEPTH
from iwp_cli.yamlreader import Document, Path, Problem, ReadResult, read_yaml

#: At most this many mistakes are repaired in one file; the rest waits for the next run.
MAX_REPAIRS = 20
#: At most this many trial reads per file, and none for a text larger than `MAX_TEXT`
#: characters: explaining must stay cheap on a hostile file.
MAX_TRIALS = 80
MAX_TEXT = 200_000

_KEY_VALUE = re.compile(r"^(\s*(?:-\s+)?[^\s:#'\"\[{][^:#]*?:\s+)(\S.*?)\s*$")
_DASH = re.compile(r"^(\s*)-([^\s-])")
_FLOW_KEY = re.compile(r"([\w-]+):\s")
_INDENT_REASONS = (
    "mapping values are not allowed",
    "did not find expected key",
    "did not find expected '-' indicator",
    "expected <block end>",
    "could not find expected ':'",
)


def read_explained(
    text: str, *, max_depth: int = MAX_DEPTH, alias_budget: int = ALIAS_BUDGET
) -> ReadResult:
    """Read ``text`` as `read_yaml` does, repairing and explaining newcomers' syntax mistakes.

    Returns:
        The document of the repaired text (None when a mistake could not be repaired), the
        explained mistakes as ``syntax`` problems whose detail has ``explain`` (the message's
        key) and ``fixed`` (the corrected line), and the problems of the last read.
    """
    read = functools.partial(read_yaml, max_depth=max_depth, alias_budget=alias_budget)
    explained: list[Problem] = []
    current = text
    budget = [MAX_TRIALS if len(text) <= MAX_TEXT else 0]
    for _ in range(MAX_REPAIRS):
        result = read(current)
        stop = next((p for p in result.problems if p.fatal and p.kind in _REPAIRABLE), None)
        if stop is None:
            return ReadResult(result.document, explained + result.problems)
        lines = current.split("\n")
        repair = _repair(lines, stop, budget, read)
        if repair is None:
            others = [p for p in result.problems if p is not stop]
            return ReadResult(None, [*explained, *others, _plain(stop, lines)])
        kind, number, fixed = repair
        detail = {"explain": f"yaml-{kind}", "fixed": fixed.strip(), **_facts(kind, fixed)}
        line, column = stop.line, stop.column
        if number != line:  # the mistake is on the line before the one the parser stopped at
            line, column = number, len(lines[number - 1]) - len(lines[number - 1].lstrip()) + 1
        explained.append(
            replace(stop, kind="syntax", line=line, column=column, detail=detail, fatal=False)
        )
        lines[number - 1] = fixed
        current = "\n".join(lines)
    return ReadResult(None, [*explained, *read(current).problems])


_REPAIRABLE = ("syntax", "complex-key")


def _facts(kind: str, fixed: str) -> dict[str, str]:
    if kind in ("indent", "tab"):
        return {"spaces": str(len(fixed) - len(fixed.lstrip(" ")))}
    return {}


def _plain(problem: Problem, lines: Sequence[str]) -> Problem:
    """``problem`` with a plain explanation (no corrected line) when its reason is known."""
    reason = problem.detail.get("reason", "")
    if "tab" in problem.detail:
        return problem
    if "':' " in reason or reason.startswith("mapping values"):
        line = lines[problem.line - 1] if 0 < problem.line <= len(lines) else ""
        key = "yaml-colon-plain" if ": " in line.partition(": ")[2] else "yaml-indent-plain"
        return replace(problem, detail={**problem.detail, "explain": key})
    if reason.startswith(_INDENT_REASONS):
        return replace(problem, detail={**problem.detail, "explain": "yaml-indent-plain"})
    if "flow mapping" in reason:
        return replace(problem, detail={**problem.detail, "explain": "yaml-brace-plain"})
    if "flow sequence" in reason:
        return replace(problem, detail={**problem.detail, "explain": "yaml-bracket-plain"})
    return problem


def _repair(
    lines: list[str], problem: Problem, budget: list[int], read: Callable[[str], ReadResult]
) -> tuple[str, int, str] | None:
    """The first candidate repair after which the parser gets past the problem's line, else
    the first after which it stops elsewhere (a mistake that the first one hid)."""
    elsewhere = None
    for kind, number, fixed in _candidates(lines, problem):
        if budget[0] <= 0:
            break
        budget[0] -= 1
        trial = [*lines]
        trial[number - 1] = fixed
        again = read("\n".join(trial))
        stop = next((p for p in again.problems if p.fatal), None)
        if stop is None or stop.line > max(problem.line, number):
            return kind, number, fixed
        if elsewhere is None and (stop.line, stop.column) != (problem.line, problem.column):
            elsewhere = kind, number, fixed
    return elsewhere


def _candidates(lines: list[str], problem: Problem) -> Iterator[tuple[str, int, str]]:
    reason = problem.detail.get("reason", "")
    numbers = [n for n in (problem.line, problem.line - 1) if 0 < n <= len(lines)]
    for number in numbers:
        line = lines[number - 1]
        if "\t" in line[: len(line) - len(line.lstrip())]:
            for indent in _indents(lines, number):
                yield "tab", number, " " * indent + line.lstrip()
        dash = _DASH.match(line)
        if dash:
            yield "dash", number, f"{dash.group(1)}- {line[dash.end() - 1 :]}"
        colon = _KEY_VALUE.match(line)
        if colon and ": " in colon.group(2) + " " and not colon.group(2).startswith(("{", "[")):
            yield "colon", number, colon.group(1) + _quoted(colon.group(2))
        if "{" in line and "}" in line:
            yield from (("brace", number, fixed) for fixed in _flow_quotings(line))
    if reason.startswith(_INDENT_REASONS) or "tab" in problem.detail:
        for number in numbers:
            line = lines[number - 1]
            current = len(line) - len(line.lstrip(" \t"))
            for indent in _indents(lines, number):
                if indent != current:
                    yield "indent", number, " " * indent + line.lstrip(" \t")


def _indents(lines: list[str], number: int) -> list[int]:
    """Indentations the line ``number`` could have, nearest to the line above first."""
    above = [
        line for line in lines[: number - 1] if line.strip() and not line.lstrip().startswith("#")
    ]
    if not above:
        return [0]
    found: list[int] = []
    previous = above[-1]
    depth = len(previous) - len(previous.lstrip(" "))
    if previous.rstrip().endswith(":"):
        found.append(depth + 2)
    if previous.lstrip().startswith("- "):
        found.append(depth + 2)
    for line in reversed(above):
        indent = len(line) - len(line.lstrip(" "))
        if indent not in found:
            found.append(indent)
    return found[:8]


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _flow_quotings(line: str) -> Iterator[str]:
    """``line`` with the value of one key of its ``{…}`` mapping in quotes, for each key."""
    start, end = line.find("{"), line.rfind("}")
    keys = list(_FLOW_KEY.finditer(line, start + 1, end))
    for index, key in enumerate(keys):
        value_end = keys[index + 1].start() if index + 1 < len(keys) else end
        value = line[key.end() : value_end].rstrip().rstrip(",").strip()
        if not value or value.startswith(("[", '"', "'")):
            continue
        before = line[: key.end()]
        rest = line[value_end:]
        separator = ", " if index + 1 < len(keys) else ""
        yield before + _quoted(value) + separator + rest


# --- values that are valid YAML but not what the format expects ------------------------------

_LIST_SEPARATORS = re.compile(r"\s*(?:[+,;/&]|\ben\b|\band\b)\s*")


def list_as_text(key: str, value: str) -> str | None:
    """``who: [J, S]`` for ``who`` and ``J+S`` (or ``J,S``, ``J en S``); None for one word
    that is no code."""
    parts = [part for part in _LIST_SEPARATORS.split(value.strip()) if part]
    if not parts:
        return None
    return f"{key}: [{', '.join(parts)}]"


def comma_in_flow(lines: Sequence[str], line: int, previous: str, stray: str) -> str | None:
    """The line with the text that a comma cut off (``stray``) back in ``previous``'s value,
    quoted; None when the line does not show it."""
    if not 0 < line <= len(lines):
        return None
    text = lines[line - 1]
    pattern = re.compile(
        rf"({re.escape(previous)}:\s*)([^,{{}}\[\]]*?)\s*,\s*({re.escape(stray)})(\s*[,}}])"
    )
    match = pattern.search(text)
    if match is None:
        return None
    value = _quoted(f"{match.group(2)}, {match.group(3)}")
    return (
        text[: match.start()] + match.group(1) + value + match.group(4) + text[match.end() :]
    ).strip()


def dash_key(lines: Sequence[str], line: int) -> str | None:
    """The line with a space after its ``-``, when it starts with one without."""
    if not 0 < line <= len(lines):
        return None
    match = _DASH.match(lines[line - 1])
    if match is None:
        return None
    text = lines[line - 1]
    return f"- {text[match.end() - 1 :]}".strip()


def value_at(data: Any, path: Path) -> Any:
    """The value at ``path`` in ``data``; None when there is none."""
    for part in path:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def previous_key(data: Any, path: Path) -> str | None:
    """The key before the last one of ``path`` in its mapping, in the order written."""
    parent = value_at(data, path[:-1])
    if not isinstance(parent, dict):
        return None
    keys = list(parent)
    at = keys.index(path[-1]) if path[-1] in keys else 0
    return str(keys[at - 1]) if at > 0 else None


def strays(document: Document, path: Path) -> list[str]:
    """The keys without a value that follow ``path``'s key on its line of a ``{…}`` mapping:
    the rest of a text or list that a comma cut off (``who: J,S`` reads as ``who: J, S: null``)."""
    parent = value_at(document.data, path[:-1])
    where = document.values.get(path[:-1])
    if not isinstance(parent, dict) or where is None:
        return []
    keys = list(parent)
    found = []
    for key in keys[keys.index(path[-1]) + 1 :] if path[-1] in keys else []:
        at = document.keys.get((*path[:-1], key))
        if parent[key] is not None or at is None or at[0] != where[0]:
            break
        found.append(str(key))
    return found
