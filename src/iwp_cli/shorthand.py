"""The handbook's notation in the YAML form's plain-text effects and preconditions.

``effects: ["Uitdagend, motiverend (J)"]`` means what the handbook's cell means: the text
"Uitdagend, motiverend" with ``who: [J]``. The values are rewritten before validation, with the
position of every mark, so findings point at the mark. A mapping is never reread: writing
``{text: …}`` keeps a text exactly as it is.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from iwp_cli.notation import EFFECT, PRECONDITION, Context, Parsed, codes_of, shorthand
from iwp_cli.yamlreader import Document, Path, Position


def plain_entries(data: Any) -> Iterator[tuple[Path, list[Any], str, str]]:
    """Every plain-text effect and precondition of a description's values: its path, the list
    that holds it, its text and its kind (`EFFECT` or `PRECONDITION`)."""
    principles = data.get("principles") if isinstance(data, dict) else None
    if not isinstance(principles, dict):
        return
    for principle_id, entry in principles.items():
        features = entry.get("features") if isinstance(entry, dict) else None
        for index, feature in enumerate(features if isinstance(features, list) else ()):
            if not isinstance(feature, dict):
                continue
            for key, kind in (("effects", EFFECT), ("preconditions", PRECONDITION)):
                values = feature.get(key)
                if not isinstance(values, list):
                    continue
                for position, value in enumerate(values):
                    if isinstance(value, str):
                        path: Path = ("principles", principle_id, "features", index, key, position)
                        yield path, values, value, kind


def apply_shorthand(document: Document, text: str) -> None:
    """Rewrite the plain-text effects and preconditions of ``document`` that carry marks."""
    data = document.data
    context = Context(codes_of(data.get("participants") if isinstance(data, dict) else None))
    lines: list[str] | None = None
    for path, values, value, kind in list(plain_entries(data)):
        found = shorthand(value, kind, context)
        if found is None:
            continue
        marked, parsed = found
        values[int(path[-1])] = marked
        if lines is None:
            lines = text.splitlines()
        _place(document, path, value, marked=marked, parsed=parsed, lines=lines)


def _place(
    document: Document,
    path: Path,
    raw: str,
    *,
    marked: dict[str, Any],
    parsed: Parsed,
    lines: list[str],
) -> None:
    """Positions for the rewritten entry: at each mark when the scalar stands on one line as
    written (a plain or quoted scalar), else at the scalar."""
    start = document.values.get(path, (1, 1))
    line, column = start
    source = lines[line - 1] if 0 < line <= len(lines) else ""
    skip = 1 if source[column - 1 : column] in ("'", '"') else 0
    exact = source[column - 1 + skip :].startswith(raw)

    def at(offset: int) -> Position:
        return (line, column + skip + offset) if exact else start

    text_path: Path = (*path, "text")
    document.values[text_path] = document.keys[text_path] = at(parsed.offset)
    for key, value in marked.items():
        if key == "text":
            continue
        mark = at(parsed.offsets.get(key, 0))
        key_path: Path = (*path, key)
        document.values[key_path] = document.keys[key_path] = mark
        if isinstance(value, list):
            for item in range(len(value)):
                item_path: Path = (*path, key, item)
                document.values[item_path] = mark
