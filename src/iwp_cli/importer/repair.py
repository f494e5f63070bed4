"""Marks of the notation that the model refuses in an imported form, taken out so that the
import still gives a description.

In the Markdown form a keyword mark that does not fit (``(aspect: inrichting)``, an ``(id: …)``
that is no slug) reaches the model and gets its finding (IWP020-IWP024), and the team fixes the
file. A Word form is not yet a file the team can fix: so the mark is taken out, and its text
goes into the description as a marked note (IWP407) and into the report.
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from iwp_cli.model import Description

#: The keys a mark gives; only these are ever taken out (and an entry left with no text).
MARKS = frozenset({"aspect", "kind", "id", "also", "supports", "yields", "who", "status", "note"})
_ROUNDS = 50


def take_out_refused_marks(data: dict[str, Any]) -> list[tuple[tuple[Any, ...], str]]:
    """Remove from ``data`` every mark the model refuses; returns, for each, the path of the
    entry that carried it and the mark as text ("Werkruimte: (aspect: inrichting)")."""
    taken: list[tuple[tuple[Any, ...], str]] = []
    for _ in range(_ROUNDS):
        try:
            Description.model_validate(data)
        except ValidationError as error:
            found = [_take(data, tuple(e["loc"])) for e in error.errors(include_url=False)]
            fixed = [item for item in found if item is not None]
            if not fixed:
                return taken
            taken.extend(fixed)
        else:
            return taken
    return taken


def _take(data: dict[str, Any], loc: tuple[Any, ...]) -> tuple[tuple[Any, ...], str] | None:
    if len(loc) > 2 and loc[-1] == "text" and isinstance(loc[-2], int):
        entries = _at(data, loc[:-2])  # an effect that is only a mark, "(J)": no text left
        if isinstance(entries, list) and 0 <= loc[-2] < len(entries):
            entry = entries.pop(loc[-2])
            marks = entry.items() if isinstance(entry, dict) else ()
            return loc[:-2], " ".join(
                f"({key}: {_shown(value)})" for key, value in marks if key != "text"
            )
    for index in range(len(loc) - 1, 0, -1):
        if loc[index] not in MARKS:
            continue
        parent = _at(data, loc[:index])
        if isinstance(parent, dict) and loc[index] in parent:
            value = parent.pop(loc[index])
            owner = parent.get("name") or parent.get("text") or ""
            return loc[:index], f"{owner}: ({loc[index]}: {_shown(value)})"
    return None


def _at(data: Any, path: tuple[Any, ...]) -> Any:
    for step in path:
        in_list = isinstance(data, list) and isinstance(step, int) and 0 <= step < len(data)
        if not (in_list or (isinstance(data, dict) and step in data)):
            return None
        data = data[step]
    return data


def _shown(value: Any) -> str:
    return ", ".join(map(str, value)) if isinstance(value, list) else str(value)
