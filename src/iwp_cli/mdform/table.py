"""A principle's table, Kenmerk | Effect(en) | Randvoorwaarde(n), as features with positions."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from iwp_cli.mdform.cells import Cell, is_delimiter, split_row
from iwp_cli.notation import (
    FEATURE,
    PRECONDITION,
    Context,
    Parsed,
    breaks,
    fold,
    parse_effects,
    parse_part,
    split_parts,
    strip_comments,
    vocabulary,
)
from iwp_cli.yamlreader import Path, Position, Problem

COLUMNS = ("name", "effects", "preconditions")
_NONE = frozenset(("-", "–", "—"))
_HEADER_NOISE = re.compile(r"[\s*_`]")


@dataclass(slots=True)
class Placed:
    """Values with their positions, as a section of the body yields them."""

    values: dict[Path, Position] = field(default_factory=dict)
    keys: dict[Path, Position] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def put(self, path: Path, at: Position, *, key: Position | None = None) -> None:
        self.values[path] = at
        self.keys[path] = key or at


@cache
def _header_words() -> dict[str, str]:
    names = vocabulary()["columns"]
    return {_HEADER_NOISE.sub("", fold(word)): column for column in COLUMNS
            for word in names[column]}  # fmt: skip


def header_columns(cells: list[Cell]) -> tuple[dict[str, int], list[str]]:
    """Which cell holds which column (by header text), and the header texts not recognised."""
    known = _header_words()
    found: dict[str, int] = {}
    unknown: list[str] = []
    for index, cell in enumerate(cells):
        column = known.get(_HEADER_NOISE.sub("", fold(cell.content)))
        if column is None or column in found:
            unknown.append(cell.content)
        else:
            found[column] = index
    return found, unknown


def read_table(
    lines: list[str],
    rows: range,
    base: Path,
    *,
    where: Callable[[int, int], Position],
    context: Context,
    placed: Placed,
) -> list[dict[str, Any]] | None:
    """The features of the table on ``rows`` (header, delimiter, body rows); None when its
    header is not the three columns (a problem says so)."""
    header_at = rows.start
    header = split_row(lines[header_at]).cells
    columns, unknown = header_columns(header)
    if len(columns) < len(COLUMNS) or unknown or not is_delimiter(lines[header_at + 1]):
        missing = [c for c in COLUMNS if c not in columns]
        titles = vocabulary()["column_titles"]
        detail = {
            "found": " | ".join(cell.content for cell in header),
            "expected": " | ".join(titles["nl"]),
            "expected_en": " | ".join(titles["en"]),
            "missing": ", ".join(missing) or "-",
        }
        placed.problems.append(Problem("md-table-columns", *where(header_at, 0), base, detail))
        return None
    features: list[dict[str, Any]] = []
    for number in range(header_at + 2, rows.stop):
        row = split_row(strip_comments(lines[number]))
        path = (*base, len(features))
        cells = {column: row.cells[index] for column, index in columns.items()
                 if index < len(row.cells)}  # fmt: skip
        if not any(cell.content for cell in cells.values()):
            continue  # an empty row, as editors leave them
        _extra_cells(
            row.cells,
            row.code_span_pipes,
            len(header),
            number=number,
            path=path,
            where=where,
            placed=placed,
        )
        first = row.cells[0] if row.cells else Cell("", 0)
        placed.put(path, where(number, first.content_column))
        features.append(_feature(cells, number, path, where=where, context=context, placed=placed))
    return features


def _extra_cells(
    cells: list[Cell],
    code_pipes: list[int],
    width: int,
    *,
    number: int,
    path: Path,
    where: Callable[[int, int], Position],
    placed: Placed,
) -> None:
    if len(cells) > width:
        column = cells[width].column - 1
        detail = {"cells": str(len(cells)), "width": str(width)}
        placed.problems.append(Problem("md-extra-cells", *where(number, column), path, detail))
    for column in code_pipes[:1]:
        placed.problems.append(Problem("md-code-span-pipe", *where(number, column), path))


def _feature(
    cells: dict[str, Cell],
    number: int,
    path: Path,
    *,
    where: Callable[[int, int], Position],
    context: Context,
    placed: Placed,
) -> dict[str, Any]:
    def at(cell: Cell, offset: int) -> Position:
        return where(number, cell.column + offset)

    feature: dict[str, Any] = {}
    name_cell = cells.get("name", Cell("", 0))
    parsed = parse_part(name_cell.text, FEATURE, context)
    feature["name"] = breaks(parsed.text)
    placed.put((*path, "name"), at(name_cell, parsed.offset))
    _marks(feature, parsed, path, lambda offset: at(name_cell, offset), placed)

    effect_cell = cells.get("effects")
    if effect_cell is not None and effect_cell.content:
        placed.put(
            (*path, "effects"), at(effect_cell, effect_cell.content_column - effect_cell.column)
        )
        if effect_cell.content not in _NONE:
            parts, status = parse_effects(effect_cell.text, context)
            feature["effects"] = [
                _entry(
                    part, offset, (*path, "effects", index), cell=effect_cell, at=at, placed=placed
                )
                for index, (part, offset) in enumerate(parts)
            ]
            if status is not None and "status" not in feature:
                feature["status"] = status
                last: Path = (*path, "effects", len(parts) - 1)
                placed.put((*path, "status"), placed.values[last])
            elif status is not None:
                feature["effects"][-1]["status"] = status
        else:
            feature["effects"] = []
    pre_cell = cells.get("preconditions")
    if pre_cell is not None and pre_cell.content:
        placed.put(
            (*path, "preconditions"), at(pre_cell, pre_cell.content_column - pre_cell.column)
        )
        feature["preconditions"] = (
            []
            if pre_cell.content in _NONE
            else [
                _entry(
                    parse_part(text, PRECONDITION, context),
                    offset,
                    (*path, "preconditions", index),
                    cell=pre_cell,
                    at=at,
                    placed=placed,
                )
                for index, (text, offset) in enumerate(split_parts(pre_cell.text))
            ]
        )
    return feature


def _entry(
    parsed: Parsed,
    offset: int,
    path: Path,
    *,
    cell: Cell,
    at: Callable[[Cell, int], Position],
    placed: Placed,
) -> Any:
    """An effect or precondition: plain text when it has no marks, else a mapping."""
    placed.put(path, at(cell, offset + parsed.offset))
    placed.put((*path, "text"), at(cell, offset + parsed.offset))
    entry: dict[str, Any] = {"text": breaks(parsed.text)}
    _marks(entry, parsed, path, lambda o: at(cell, offset + o), placed)
    return entry if len(entry) > 1 else entry["text"]


def _marks(
    target: dict[str, Any],
    parsed: Parsed,
    path: Path,
    at: Callable[[int], Position],
    placed: Placed,
) -> None:
    for key, value in parsed.values.items():
        target[key] = breaks(value) if isinstance(value, str) else value
        mark = at(parsed.offsets[key])
        placed.put((*path, key), mark)
        if isinstance(value, list):
            for index in range(len(value)):
                placed.put((*path, key, index), mark)


def feature_from_texts(texts: dict[str, str], context: Context) -> dict[str, Any]:
    """A feature from the source texts of its Kenmerk, Effect(en) and Randvoorwaarde(n) cells
    (keys of `COLUMNS`), read with the handbook's notation exactly as a table row is; for a
    front end that has no positions to keep (`iwp import`)."""
    cells = {column: Cell(text, 0) for column, text in texts.items()}
    return _feature(cells, 0, (), where=lambda line, column: (line, column), context=context,
                    placed=Placed())  # fmt: skip
