"""Where the file draws a conjecture map, a process yields no outcome.

In the handbook's Ontwikkelingsmodel the outcomes (Opbrengsten) "worden tot stand gebracht door
processen van kennisproductie". A file that links features to processes (`supports`) and
processes to outcomes (`yields`) draws that map; in it, a process without `yields` leads
nowhere. A process written as plain text has no `yields`, so it counts too. Files without any
links are not checked.

How to fix: write the process as a mapping and list the ids of the outcomes it brings about in
`yields`.

Bad::

    processes:
      - Studenten en zorgmedewerkers testen samen prototypes

Good::

    processes:
      - {id: cocreatie, text: Studenten en zorgmedewerkers testen samen prototypes,
         yields: [advies]}
"""

from __future__ import annotations

from collections.abc import Iterator

from iwp_cli.findings import Severity
from iwp_cli.rules.base import Hit, RuleContext, Variant

CODE = "IWP504"
NAME = "process-yields-nothing"
SEVERITY = Severity.WARNING


def check(context: RuleContext) -> Iterator[Hit]:
    if not context.uses_links:
        return
    written = context.document.data["processes"]
    for path, item in context.processes():
        if not item.yields:
            plain = not isinstance(written[path[-1]], dict)
            yield Hit(path, {"plain": Variant(1 if plain else 0)})
