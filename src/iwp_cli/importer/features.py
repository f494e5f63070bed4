"""A principle's table in a document, Kenmerk | Effect(en) | Randvoorwaarde(n), as features.

The header row is found by its text (the Markdown form's words), in the first rows of the table:
a row above it (a title, the principle's name) is read as text. Below it, a row that repeats the
header (Word repeats it on every page) and empty rows are skipped. A cell merged with the one
above it is counted once, so a row whose Kenmerk cell is merged into the row above adds its
effects and preconditions to that feature. Each paragraph or bullet of an Effect(en) or
Randvoorwaarde(n) cell is one effect or precondition, as ";" separates them in the handbook;
every cell then goes through the handbook's notation (`iwp_cli.notation`), as in the Markdown
form.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from iwp_cli.importer.blocks import Cell, Place, Row, Table
from iwp_cli.mdform.cells import Cell as MdCell
from iwp_cli.mdform.table import COLUMNS, feature_from_texts, header_columns
from iwp_cli.notation import Context

#: A cell that says "none" (the handbook's "-"); beside other parts it adds nothing.
_NONE = frozenset(("-", "–", "—"))
#: How far down a table its header row may stand.
_HEADER_ROWS = 4


@dataclass(slots=True)
class Features:
    """What a feature table gave: its features, the rows above its header (read as text), and
    the cells that fit no column, with their places."""

    features: list[dict[str, Any]] = field(default_factory=list)
    above: list[Row] = field(default_factory=list)
    unplaced: list[tuple[Place, str]] = field(default_factory=list)
    rows: list[Place] = field(default_factory=list)


def header_of(table: Table) -> tuple[int, dict[int, str]] | None:
    """The index of the header row and the column of each grid position; None when the table
    is no principle's table."""
    for index, row in enumerate(table.rows[:_HEADER_ROWS]):
        found, _ = header_columns([MdCell(cell.text, 0) for cell in row.cells])
        if len(found) == len(COLUMNS):
            return index, {row.cells[i].column: column for column, i in found.items()}
    return None


def read_features(table: Table, context: Context) -> Features | None:
    """The features of ``table``, or None when it has no header row of the three columns."""
    header = header_of(table)
    if header is None:
        return None
    start, columns = header
    out = Features(above=table.rows[:start])
    header_text = _texts(table.rows[start])
    pending: list[dict[str, list[str]]] = []
    for row in table.rows[start + 1 :]:
        if not any(cell.text for cell in row.cells) or _texts(row) == header_text:
            continue
        texts: dict[str, list[str]] = {}
        for cell in row.cells:
            column = columns.get(cell.column)
            if column is None:
                if cell.text:
                    out.unplaced.append((cell.place, cell.text))
                continue
            texts[column] = _parts(cell, out)
        if not texts.get("name") and pending:
            for column in ("effects", "preconditions"):
                pending[-1].setdefault(column, []).extend(texts.get(column, []))
            out.rows.append(row.place)
            continue
        if not texts.get("name"):
            out.unplaced.append((row.place, " | ".join(cell.text for cell in row.cells)))
            continue
        pending.append(texts)
        out.rows.append(row.place)
    for texts in pending:
        joined = {"name": "\n".join(texts["name"])}
        for column in ("effects", "preconditions"):
            if column in texts:
                parts = [part for part in texts[column] if part.strip() not in _NONE]
                joined[column] = "; ".join(parts) if parts else "; ".join(texts[column][:1])
        feature = feature_from_texts(joined, context)
        if not feature["name"].strip():  # only marks, "(nog verbeteren)": keep them as the name
            feature["name"] = joined["name"].strip()
        out.features.append(feature)
    return out


def _texts(row: Row) -> list[str]:
    return [cell.text for cell in row.cells]


def _parts(cell: Cell, out: Features) -> list[str]:
    """The texts of a cell's paragraphs, as notation source (a backslash is Word's own)."""
    for item in cell.content:
        if isinstance(item, Table):
            rows = [" | ".join(c.text for c in row.cells) for row in item.rows]
            out.unplaced.append((item.place, "\n".join(rows)))
    return [p.text.replace("\\", "\\\\") for p in cell.paras if p.text.strip()]
