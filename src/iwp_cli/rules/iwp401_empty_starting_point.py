"""A starting point (A. Uitgangspunten) is empty.

The handbook starts every description with its starting points: the "aanleiding &
maatschappelijke urgentie, doelen & ambitie" (`starting_points.occasion`) and the "context,
randvoorwaarden, mensen en middelen" (`starting_points.context`). They determine the intended
outcomes and the choices behind every feature ("Deze uitgangspunten bepalen samen de beoogde
opbrengsten"). An empty one, or one of only spaces, leaves the rest of the description without
its reason.

How to fix: write the starting point down, in a few sentences.

Bad::

    starting_points:
      occasion: ""
      context: Een hbo, een mbo en twee zorginstellingen.

Good::

    starting_points:
      occasion: Personeelstekort in de ouderenzorg vraagt om slimme technologie.
      context: Een hbo, een mbo en twee zorginstellingen.
"""

from __future__ import annotations

from collections.abc import Iterator

from iwp_cli.findings import Severity
from iwp_cli.model.description import StartingPoints
from iwp_cli.rules.base import Hit, RuleContext

CODE = "IWP401"
NAME = "empty-starting-point"
SEVERITY = Severity.WARNING


def check(context: RuleContext) -> Iterator[Hit]:
    starting_points = context.description.starting_points
    for key, field in StartingPoints.model_fields.items():
        if not getattr(starting_points, key).strip():
            meaning = (field.description or "").rstrip(".")
            yield Hit(("starting_points", key), {"key": key, "meaning": meaning})
