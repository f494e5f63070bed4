"""What an import gives: the description's values and the account of where everything went."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from iwp_cli.importer.blocks import Notice, Place


@dataclass(slots=True)
class Unplaced:
    """Text that fits nowhere in the form: quoted in the report, and written into the
    description as a marked note at ``target`` (a path such as ``starting_points.occasion``)."""

    place: Place
    text: str
    target: str


@dataclass(slots=True)
class Skipped:
    """The form's own text, or a repeated field: left out, and said so.

    ``reason``: ``form-text``, ``field-repeated``, ``field-differs``.
    """

    place: Place
    text: str
    reason: str


@dataclass(slots=True)
class ImportResult:
    """The values of the description (the shape the loader validates) and the report.

    Attributes:
        data: The description's values.
        placed: For each target path, the places its content came from, in document order.
        counts: For each target path, how many items, features or paragraphs it received.
        unplaced: Text that fits nowhere, with the note it became.
        skipped: Form text and repeated fields left out.
        notices: Tracked changes, comments, pictures and prompts met on the way.
        missing: The parts (A-D) the document does not have; they are written empty.
        defaults: Top-level keys the document does not give (``name``, ``date``) with the value
            written instead.
    """

    data: dict[str, Any]
    placed: dict[str, list[Place]] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)
    unplaced: list[Unplaced] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    defaults: dict[str, str] = field(default_factory=dict)

    def put(self, target: str, place: Place, count: int = 1) -> None:
        self.placed.setdefault(target, []).append(place)
        self.counts[target] = self.counts.get(target, 0) + count
